//! `spam/money-amounts` *(SpamAssassin LOTS_OF_MONEY, US_DOLLARS_3,
//! MONEY_NOHTML)*: huge sums of money and bodies full of amounts, the matter of
//! advance-fee fraud and get-rich-quick mail. An amount is a number next to a
//! currency (symbol, ISO code or word, before or after it, with an optional
//! "million"/"billion" in en, fr, es, pl, de); a bare number is not money.
//!
//! A huge sum written out in digits (`US$25,500,000.00`, SpamAssassin's
//! US_DOLLARS_3 shape) is the warning. Written with a multiplier (`$300
//! million`, `4,5 mln zł`) it is how news reports sums, and a price list shows
//! many ordinary amounts: those alone are info.

use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading::{self, Text};
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;
use crate::text::unicode;
use std::ops::Range;

crate::rule_texts! { "spam/money-amounts";
    summary => {
        en: "The message talks about huge sums of money, or is full of amounts.",
        fr: "Le message parle de sommes d'argent énormes, ou est rempli de montants.",
        es: "El mensaje habla de sumas de dinero enormes, o está lleno de importes.",
        pl: "Wiadomość mówi o ogromnych sumach pieniędzy lub jest pełna kwot.",
    },
    why => {
        en: "Millions promised to a stranger are the matter of advance-fee fraud and get-rich-quick mail, and spam filters score them (SpamAssassin's LOTS_OF_MONEY, US_DOLLARS_3 and MONEY_NOHTML, and their combinations with fraud phrases).",
        fr: "Des millions promis à un inconnu sont la matière de la fraude à l'avance de frais et des promesses d'argent facile, et les filtres anti-spam les notent (LOTS_OF_MONEY, US_DOLLARS_3 et MONEY_NOHTML de SpamAssassin, et leurs combinaisons avec les formules de fraude).",
        es: "Los millones prometidos a un desconocido son la materia del fraude de pago por adelantado y del dinero fácil, y los filtros antispam los puntúan (LOTS_OF_MONEY, US_DOLLARS_3 y MONEY_NOHTML de SpamAssassin, y sus combinaciones con frases de fraude).",
        pl: "Miliony obiecywane nieznajomemu to treść oszustw zaliczkowych i obietnic łatwego zarobku, a filtry antyspamowe je oceniają (LOTS_OF_MONEY, US_DOLLARS_3 i MONEY_NOHTML w SpamAssassin oraz ich połączenia z frazami oszustw).",
    },
    fix => {
        en: "Leave out sums the reader did not ask about; for prices, link to the offer instead of listing them.",
        fr: "Retirez les sommes que le lecteur n'a pas demandées ; pour des prix, mettez un lien vers l'offre plutôt que de les énumérer.",
        es: "Quite las sumas por las que el lector no preguntó; para los precios, enlace a la oferta en lugar de enumerarlos.",
        pl: "Usuń sumy, o które czytelnik nie pytał; zamiast wyliczać ceny, podaj link do oferty.",
    },
    HUGE "huge" => {
        en: "{huge, plural, one {# sum} other {# sums}} of a million or more ({amounts}), among {count, plural, one {# amount} other {# amounts}}.",
        fr: "{huge, plural, one {# somme} many {# de sommes} other {# sommes}} d'un million ou plus ({amounts}), parmi {count, plural, one {# montant} many {# de montants} other {# montants}}.",
        es: "{huge, plural, one {# suma} many {# de sumas} other {# sumas}} de un millón o más ({amounts}), entre {count, plural, one {# importe} many {# de importes} other {# importes}}.",
        pl: "{huge, plural, one {# suma} few {# sumy} many {# sum} other {# sumy}} miliona lub więcej ({amounts}) wśród {count, plural, one {# kwoty} few {# kwot} many {# kwot} other {# kwoty}}.",
    },
    MANY "many" => {
        en: "{count, plural, one {# amount} other {# amounts}} of money in the text ({amounts}).",
        fr: "{count, plural, one {# montant} many {# de montants} other {# montants}} d'argent dans le texte ({amounts}).",
        es: "{count, plural, one {# importe} many {# de importes} other {# importes}} de dinero en el texto ({amounts}).",
        pl: "{count, plural, one {# kwota} few {# kwoty} many {# kwot} other {# kwoty}} pieniędzy w tekście ({amounts}).",
    },
}

/// An amount from which a sum is huge, in units of its currency.
pub const MONEY_HUGE_AMOUNT: Threshold = Threshold {
    key: "spam.moneyHugeAmount",
    kind: Kind::Number { default: 1_000_000.0, min: 1.0, max: 1e15 },
    doc: Localized {
        en: "An amount (in units of its currency) from which a sum is huge; in yen, rupees and roubles (¥, ₹, ₽) 100 times it, in won (₩) 1,000 times it (ours: their units are worth about a hundredth and a thousandth of a dollar).",
        fr: "Montant (en unités de sa devise) à partir duquel une somme est énorme ; en yens, roupies et roubles (¥, ₹, ₽) 100 fois plus, en wons (₩) 1\u{202f}000 fois plus (notre choix : leurs unités valent environ un centième et un millième de dollar).",
        es: "Importe (en unidades de su moneda) a partir del cual una suma es enorme; en yenes, rupias y rublos (¥, ₹, ₽) 100 veces más, en wones (₩) 1000 veces más (nuestro: sus unidades valen alrededor de una centésima y una milésima de dólar).",
        pl: "Kwota (w jednostkach jej waluty), od której suma jest ogromna; w jenach, rupiach i rublach (¥, ₹, ₽) 100 razy większa, w wonach (₩) 1000 razy większa (nasze: ich jednostki są warte około jednej setnej i jednej tysięcznej dolara).",
    },
    evidence: Evidence::Receiver("SpamAssassin LOTS_OF_MONEY \"Huge... sums of money\" (72_active.cf: a sum of a million or more next to $, USD, CAD, GBP, £, EUR, €, CHF or FCFA, its CURRENCY tag), and before it US_DOLLARS_3 \"Mentions millions of $ ($NN,NNN,NNN.NN)\" (2.599 in SpamAssassin 3's 50_scores.cf; commented out in 4.0)"),
};

/// How many times `MONEY_HUGE_AMOUNT` a sum in a currency of small units must
/// be to count as huge (ours; see the threshold's doc): a ¥1,320,000 invoice is
/// about US$9,000, an ordinary bill, not "millions".
fn small_unit_factor(currency: &str) -> f64 {
    if currency.contains('₩') {
        1_000.0
    } else if currency.contains(['¥', '₹', '₽']) {
        100.0
    } else {
        1.0
    }
}

/// Huge sums written out in digits from which the finding is a warning.
pub const MONEY_HUGE_WARNING: Threshold = Threshold {
    key: "spam.moneyHugeWarning",
    kind: Kind::Int { default: 1, min: 1, max: 10_000 },
    doc: Localized {
        en: "Huge sums written out in digits (`$25,500,000.00`) from which the finding is a warning; sums written with a multiplier (`$300 million`) are info.",
        fr: "Sommes énormes écrites en chiffres (`$25,500,000.00`) à partir desquelles le constat est un avertissement ; les sommes écrites avec un multiplicateur (`$300 million`) sont une info.",
        es: "Sumas enormes escritas en cifras (`$25,500,000.00`) a partir de las cuales el hallazgo es una advertencia; las sumas escritas con un multiplicador (`$300 million`) son info.",
        pl: "Ogromne sumy zapisane cyframi (`$25,500,000.00`), od których wynik jest ostrzeżeniem; sumy zapisane z mnożnikiem (`$300 million`) to info.",
    },
    evidence: Evidence::Measured("spamassassin-public-dev: a huge sum in digits in 0 ham of 750, 20 spam of 499; \"$N million\" alone in 9 ham (news) and 19 spam (\"N million dollars\" is a phrase of spam/sales-language)"),
};

/// Amounts of any size from which the message is reported (info).
pub const MONEY_MANY_AMOUNTS: Threshold = Threshold {
    key: "spam.moneyManyAmounts",
    kind: Kind::Int { default: 10, min: 1, max: 100_000 },
    doc: Localized {
        en: "Amounts of money of any size from which the message is reported as info.",
        fr: "Montants d'argent, de toute taille, à partir desquels le message est signalé en info.",
        es: "Importes de dinero de cualquier tamaño a partir de los cuales se informa del mensaje como info.",
        pl: "Kwoty pieniędzy dowolnej wielkości, od których wiadomość jest zgłaszana jako info.",
    },
    evidence: Evidence::Ours("10 amounts: more than an invoice's lines and totals; a price list is info only (make calibrate: 5.2 % of the SpamAssassin hard ham, commercial newsletters, against 4.9 % of spam-2)"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("SpamAssassin 4.0: LOTS_OF_MONEY (72_active.cf) scores little alone (0.001) and enters ADVANCE_FEE_*_MONEY (ADVANCE_FEE_5_NEW_MONEY 3.00), MONEY_FRAUD_*, MONEY_NOHTML \"Lots of money in plain text\" (limit 2.5); SpamAssassin 3 scored US_DOLLARS_3 2.599 (commented out in 4.0)"),
    ],
    score: scores::MONEY_AMOUNTS,
    texts: &TEXTS,
    thresholds: &[&MONEY_HUGE_AMOUNT, &MONEY_HUGE_WARNING, &MONEY_MANY_AMOUNTS],
    examples: &[
        Example::fails(
            title! {
                en: "Millions of dollars offered to a stranger",
                fr: "Des millions de dollars offerts à un inconnu",
                es: "Millones de dólares ofrecidos a un desconocido",
                pl: "Miliony dolarów oferowane nieznajomemu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Proposal\n\nThe sum of US$25,500,000.00 (twenty five million dollars) is waiting; you keep 30 % of it.\n"),
        ),
        Example::fails(
            title! {
                en: "Sums written with a multiplier, as news writes them (info)",
                fr: "Sommes écrites avec un multiplicateur, comme dans la presse (info)",
                es: "Sumas escritas con un multiplicador, como en la prensa (info)",
                pl: "Sumy zapisane z mnożnikiem, jak w prasie (info)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Herencia\nContent-Type: text/plain; charset=utf-8\n\nUna herencia de 15 millones de euros. Spadek: 4,5 mln zł.\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A long list of prices",
                fr: "Une longue liste de prix",
                es: "Una larga lista de precios",
                pl: "Długa lista cen",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Price list\n\nChair $49.90, table $199, lamp $25, rug $120, shelf $80, desk $310, stool $35, bed $540, sofa $899, mirror $60.\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "An invoice with a few amounts, and numbers that are not money",
                fr: "Une facture avec quelques montants, et des nombres qui ne sont pas de l'argent",
                es: "Una factura con algunos importes, y números que no son dinero",
                pl: "Faktura z kilkoma kwotami i liczby, które nie są pieniędzmi",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Invoice 2026-118\n\nTotal: 1,250.00 EUR (VAT 250.00 EUR). The city has 3,500,000 inhabitants and 2 million visitors.\n"),
        ),
        Example::passes(
            title! {
                en: "An invoice in yen: ¥1,320,000 is about as much as 9,000 dollars",
                fr: "Une facture en yens : 1 320 000 ¥ valent environ 9 000 dollars",
                es: "Una factura en yenes: 1.320.000 ¥ son unos 9.000 dólares",
                pl: "Faktura w jenach: 1 320 000 ¥ to około 9000 dolarów",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Invoice 2026-119\n\nKitchen renovation: ¥1,200,000. Tax: ¥120,000. Total: ¥1,320,000.\n"),
        ),
    ],
    check: Check::Message(check),
};

/// An amount of money found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// Byte range in the text, currency and multiplier included.
    pub range: Range<usize>,
    /// The value in units of its currency.
    pub value: f64,
    /// Written with a multiplier word (`million`, `mln`), not all in digits.
    pub with_multiplier: bool,
    /// `small_unit_factor` of its currency: 1, or 100 and 1,000 for ¥, ₹, ₽ and ₩.
    pub unit_factor: f64,
}

/// Currency symbols, ISO codes and words, before or after a number (`US$` before `$`).
const CURRENCIES: &[&str] = &[
    "US$",
    // Brazilian reais (R$, BRL), as LOTS_OF_MONEY's $ reads them (a detection audit of Portuguese spam).
    "R$",
    "BRL",
    "reais",
    "USD",
    "EUR",
    "GBP",
    "PLN",
    "CHF",
    "CAD",
    "AUD",
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "₽",
    "₩",
    "zł",
    "złotych",
    "złote",
    "dollars",
    "dollar",
    "dollari",
    "dólares",
    "dólar",
    "euros",
    "euro",
    "pounds sterling",
    "pounds",
];

/// Words that multiply the number before them (en, fr, es, pl, de, it, pt), lowercase.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("billions", 1e9),
    ("bilhões", 1e9),
    ("bilhão", 1e9),
    ("miliardi", 1e9),
    ("billion", 1e9),
    ("milliards", 1e9),
    ("milliard", 1e9),
    ("miliardów", 1e9),
    ("miliardy", 1e9),
    ("miliard", 1e9),
    ("milliarden", 1e9),
    ("milliarde", 1e9),
    ("mil millones", 1e9),
    ("mrd", 1e9),
    ("mld", 1e9),
    ("bn", 1e9),
    ("millions", 1e6),
    ("million", 1e6),
    ("millones", 1e6),
    ("millón", 1e6),
    ("milhões", 1e6),
    ("milhão", 1e6),
    ("milioni", 1e6),
    ("milionów", 1e6),
    ("miliony", 1e6),
    ("milion", 1e6),
    ("millionen", 1e6),
    ("mio", 1e6),
    ("mln", 1e6),
    ("mm", 1e6),
    ("m", 1e6),
];

/// The currency written at the start of `rest` (after optional spaces), with its length.
fn currency_after(rest: &str) -> Option<usize> {
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let skipped = rest.len() - trimmed.len();
    let k = CURRENCY_STARTS.first_word(trimmed, CURRENCIES)?;
    CURRENCIES.get(k).map(|c| skipped + c.len())
}

/// The words of a list (at most 64) a text may start with, by its first two
/// bytes: bit `k` of `first[a] & second[b]` is set when word `k` starts with
/// the bytes `a`, `b`, ASCII case ignored (a word of one byte, with `a`), as
/// `same_start` tells; `one_byte` marks the words of one byte, all a text of
/// one byte can start with. Made when the crate is compiled (#14: each number
/// of a kernel log followed by a word such as `ubuntu` compared the 26
/// currencies one by one, 225 instructions a number).
struct StartIndex {
    first: [u64; 256],
    second: [u64; 256],
    one_byte: u64,
}

impl StartIndex {
    const fn of(words: &[&str]) -> StartIndex {
        // Evaluated when the crate is compiled: a longer list is a build error.
        assert!(words.len() <= 64, "a StartIndex holds at most 64 words");
        let mut index = StartIndex { first: [0; 256], second: [0; 256], one_byte: 0 };
        let mut k = 0;
        while k < words.len() {
            let (word, bit) = (words[k].as_bytes(), 1u64 << k);
            if let [a, rest @ ..] = word {
                index.first[a.to_ascii_lowercase() as usize] |= bit;
                index.first[a.to_ascii_uppercase() as usize] |= bit;
                match rest {
                    [b, ..] => {
                        index.second[b.to_ascii_lowercase() as usize] |= bit;
                        index.second[b.to_ascii_uppercase() as usize] |= bit;
                    }
                    [] => {
                        index.one_byte |= bit;
                        let mut any = 0;
                        while any < 256 {
                            index.second[any] |= bit;
                            any += 1;
                        }
                    }
                }
            }
            k += 1;
        }
        index
    }

    /// The index in `words` (the list the index was made of) of the first
    /// word `text` starts with as a whole word (`starts_with_word`).
    fn first_word(&self, text: &str, words: &[&str]) -> Option<usize> {
        let mut candidates = match text.as_bytes() {
            [a, b, ..] => self.first[usize::from(*a)] & self.second[usize::from(*b)],
            [a] => self.first[usize::from(*a)] & self.one_byte,
            [] => 0,
        };
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            if words.get(k).is_some_and(|w| starts_with_word(text, w)) {
                return Some(k);
            }
            candidates &= candidates - 1;
        }
        None
    }
}

const CURRENCY_STARTS: StartIndex = StartIndex::of(CURRENCIES);

/// The multipliers' words, in their order.
const MULTIPLIER_WORDS: [&str; MULTIPLIERS.len()] = {
    let mut words = [""; MULTIPLIERS.len()];
    let mut k = 0;
    while k < MULTIPLIERS.len() {
        words[k] = MULTIPLIERS[k].0;
        k += 1;
    }
    words
};

const MULTIPLIER_STARTS: StartIndex = StartIndex::of(&MULTIPLIER_WORDS);

/// Whether `text` starts with the first two bytes of `word` (its only one for
/// a word of one), ignoring ASCII case: implied by `starts_with_word`, and
/// what `StartIndex` tells for every word of a list at once (the tests hold it to this).
#[cfg(test)]
fn same_start(text: &str, word: &str) -> bool {
    let n = word.len().min(2);
    matches!((text.as_bytes().get(..n), word.as_bytes().get(..n)), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
}

/// Whether `text` starts with `word`, as a whole word (symbols need no boundary).
fn starts_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len()).is_some_and(|head| head.eq_ignore_ascii_case(word) || head == word)
        && (!word.chars().all(unicode::is_alphabetic)
            || !text.get(word.len()..).and_then(|r| r.chars().next()).is_some_and(unicode::is_alphanumeric))
}

/// The multiplier written at the start of `rest` (after spaces), with its length.
fn multiplier_after(rest: &str) -> Option<(usize, f64)> {
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let skipped = rest.len() - trimmed.len();
    let k = MULTIPLIER_STARTS.first_word(trimmed, &MULTIPLIER_WORDS)?;
    MULTIPLIERS.get(k).map(|(word, factor)| {
        // `mln.`, `Mio.`: the abbreviation's dot belongs to it.
        let dot = usize::from(word.len() <= 3 && trimmed.get(word.len()..).is_some_and(|r| r.starts_with('.')));
        (skipped + word.len() + dot, *factor)
    })
}

/// The currency written just before `offset` (spaces allowed between), with its start.
fn currency_before(text: &str, offset: usize) -> Option<usize> {
    let head = text.get(..offset)?.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    // Every currency ends with one of these (`$`, `USD`, `EUR`, `BRL`, `złotych`…).
    let last = head.chars().next_back()?.to_ascii_lowercase();
    if !matches!(
        last,
        '$' | 'd' | 'r' | 'p' | 'n' | 'f' | 's' | 'o' | 'h' | 'e' | 'g' | 'l' | 'ł' | '€' | '£' | '¥' | '₹' | '₽' | '₩'
    ) {
        return None;
    }
    CURRENCIES.iter().find_map(|c| {
        let start = head.len().checked_sub(c.len())?;
        if !head.get(start..)?.eq_ignore_ascii_case(c) {
            return None;
        }
        // A currency word or symbol glued to a word before it (`e060$56104586` in
        // a Message-ID) is no currency.
        let glued = head[..start].chars().next_back().is_some_and(unicode::is_alphanumeric);
        let is_code = c.starts_with(|ch: char| ch.is_ascii_uppercase());
        (!glued || (is_code && !c.chars().all(unicode::is_alphabetic))).then_some(start)
    })
}

/// The value of a number written with group separators (`1,250.00`, `1.250,00`,
/// `1 250`, `4,5`): the last separator is decimal when fewer than three digits
/// follow it, or when it differs from the others.
fn parse_number(written: &str) -> Option<f64> {
    let separators: Vec<(usize, char)> = written.char_indices().filter(|(_, c)| !c.is_ascii_digit()).collect();
    let decimal = separators.last().and_then(|&(at, sep)| {
        let digits_after = written[at + sep.len_utf8()..].len();
        let others_differ = separators.iter().rev().skip(1).any(|&(_, s)| s != sep);
        let repeated = separators.iter().filter(|&&(_, s)| s == sep).count() > 1;
        (matches!(sep, '.' | ',') && (digits_after != 3 || others_differ) && !repeated).then_some(at)
    });
    let mut number = String::with_capacity(written.len());
    for (at, c) in written.char_indices() {
        if c.is_ascii_digit() {
            number.push(c);
        } else if Some(at) == decimal {
            number.push('.');
        }
    }
    number.parse().ok()
}

/// The end of the number whose first digit is at `start` in `bytes`: digits,
/// and separators followed by a digit (a space, an apostrophe, a no-break
/// space or a narrow one only before a group of exactly three: `1 250`,
/// `1'250`), read a byte at a time (#14: a character at a time, each number of
/// a 1.2 MB kernel log cost some 240 instructions).
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let group_of_three = |at: usize| digit(at) && digit(at + 1) && digit(at + 2) && !digit(at + 3);
    let mut end = start;
    loop {
        let separator = match bytes.get(end..) {
            Some([b'0'..=b'9', ..]) => {
                end += 1;
                continue;
            }
            _ if end == start => 0,
            Some([b',' | b'.', ..]) if digit(end + 1) => 1,
            Some([b'\'' | b' ', ..]) if group_of_three(end + 1) => 1,
            Some([0xc2, 0xa0, ..]) if group_of_three(end + 2) => 2,
            Some([0xe2, 0x80, 0xaf, ..]) if group_of_three(end + 3) => 3,
            _ => 0,
        };
        if separator == 0 {
            return end;
        }
        end += separator;
    }
}

/// What a character past ASCII is in a number or a currency as drawn: `Some(None)`
/// for one that draws nothing (`unicode::is_invisible`: `5\u{200b}000`), dropped;
/// `Some(Some(c))` for one NFKC writes as an ASCII digit, space or punctuation
/// mark, or as `£`/`¥` (`５`, `𝟓`, `＄`, `，`, the thin and figure spaces);
/// `None` for any other. UTS #39 folds a text by NFKC before it compares
/// (its skeleton, §4), and SpamAssassin normalizes a body by NFKC
/// (`normalize_charset`) before its rules read amounts. A decimal digit of
/// another script, which NFKC keeps, is the digit it stands for
/// (`unicode::decimal_digit`: `٥٠٠٠`, `५०००`), and the Arabic decimal and
/// thousands separators (U+066B, U+066C) are `.` and `,` (`٥٬٠٠٠٬٠٠٠`).
fn drawn_as(c: char) -> Option<Option<char>> {
    if !may_be_drawn_as(c) {
        return None;
    }
    if unicode::is_invisible(c) {
        return Some(None);
    }
    match c {
        '\u{066b}' => return Some(Some('.')),
        '\u{066c}' => return Some(Some(',')),
        _ => {}
    }
    if let Some(digit) = unicode::decimal_digit(c) {
        return Some(Some(digit));
    }
    match unicode::nfkc(c) {
        Some(unicode::Nfkc::Char(a)) if a.is_ascii_digit() || a.is_ascii_punctuation() || a == ' ' || matches!(a, '£' | '¥') => {
            Some(Some(a))
        }
        _ => None,
    }
}

/// Whether `drawn_as(c)` may be something: of the two-byte characters
/// (U+0080–U+07FF) only the Latin-1 signs and spaces (U+00A0–U+00BF, among them
/// the soft hyphen and the superscript digits), U+034F COMBINING GRAPHEME JOINER,
/// U+037E GREEK QUESTION MARK (NFKC `;`), U+061C ARABIC LETTER MARK, and the
/// Arabic-Indic, Extended Arabic-Indic and NKo digits with the Arabic separators
/// (U+0660–U+066C, U+06F0–U+06F9, U+07C0–U+07C9); the
/// test `only_these_two_byte_characters_are_drawn_as_something` reads all 1,920.
/// The letters of Latin, Greek, Cyrillic, Hebrew and Arabic text, most of a
/// non-English body, skip both table lookups (#14: a 4 MB Russian body had
/// lost 35 % to them).
fn may_be_drawn_as(c: char) -> bool {
    c >= '\u{0800}'
        || matches!(c, '\u{00a0}'..='\u{00bf}' | '\u{034f}' | '\u{037e}' | '\u{061c}' | '\u{0660}'..='\u{066c}' | '\u{06f0}'..='\u{06f9}' | '\u{07c0}'..='\u{07c9}')
}

/// Whether `b`, a byte of UTF-8, starts a character `may_be_drawn_as` lets
/// through: `C2` (U+0080–U+00BF), `CD` (U+0340–U+037F), `D8` (U+0600–U+063F),
/// `D9`, `DB` and `DF` (the Arabic and NKo digits: U+0640–U+067F, U+06C0–U+06FF,
/// U+07C0–U+07FF; Latin and Cyrillic letters start with `C3`–`C5`, `D0`–`D3`)
/// or a character of three or four bytes. No continuation byte (`80`–`BF`) is one.
///
/// By comparisons joined without a branch (`D8`/`D9` as `b & FE`, `DB`/`DF` as
/// `b & FB`), which `find_byte`'s loop vectorises natively (#14: as a `matches!`
/// it was a range test and a bit test a byte, unrolled but scalar, ~8
/// instructions a byte; 10 MB of Russian prose, the rule 96.9 → 20.8 M
/// instructions, callgrind of the native build).
fn may_start_drawn(b: u8) -> bool {
    (b == 0xc2) | (b == 0xcd) | (b & 0xfe == 0xd8) | (b & 0xfb == 0xdb) | (b >= 0xe0)
}

/// The first byte of `bytes` at `from` or after it that `may_start_drawn`:
/// natively `find_byte` (vectorised); in the wasm sixteen bytes a step as the
/// lanes of two `u64`s, as `text::find_digit` (a byte of `111xxxxx` has its
/// three high bits set; the three lead bytes are zero lanes of `x ^ byte`).
fn next_may_start_drawn(bytes: &[u8], from: usize) -> Option<usize> {
    match crate::text::WASM {
        true => next_may_start_drawn_by_lanes(bytes, from),
        false => crate::text::find_byte(bytes, from, may_start_drawn),
    }
}

/// `next_may_start_drawn` sixteen bytes a step.
fn next_may_start_drawn_by_lanes(bytes: &[u8], from: usize) -> Option<usize> {
    use crate::text::{first_hit, first_zero_lanes, HIGH, ONES};
    let hits = |eight: &[u8; 8]| {
        let x = u64::from_le_bytes(*eight);
        let leads = [0xc2, 0xcd].iter().fold(0, |all, &lead| all | first_zero_lanes(x ^ ONES * lead));
        // `D8` or `D9` (`110110x0`… as `x & FE`), `DB` or `DF` (as `x & FB`): two searches for four leads.
        let arabic = first_zero_lanes((x & ONES * 0xfe) ^ ONES * 0xd8) | first_zero_lanes((x & ONES * 0xfb) ^ ONES * 0xdb);
        let leads = leads | arabic;
        (leads | (x & (x << 1) & (x << 2))) & HIGH
    };
    first_hit(bytes.get(from..)?, hits, may_start_drawn).map(|at| from + at)
}

/// `text` as drawn (`drawn_as`), when that differs from it; `None` for most
/// texts, ASCII or with no such character. Linear, one copy of the text; the
/// bytes between the characters that may be drawn otherwise are passed over
/// without decoding a character (#14: a char-by-char walk of a 10 MB Polish
/// body cost a fifth of its lint).
fn as_drawn(text: &str) -> Option<String> {
    if text.is_ascii() {
        // Eight bytes a step, the most common text's whole walk.
        return None;
    }
    let bytes = text.as_bytes();
    let mut drawn: Option<String> = None;
    let (mut copied, mut at) = (0, 0);
    while let Some(start) = next_may_start_drawn(bytes, at) {
        if let Some(width) = super::body_caps::pictograph_width(bytes, start) {
            // An emoji or a symbol, drawn as nothing but itself (a test reads
            // them all). #14: on 10 MB of English prose with an emoji every 15
            // characters, each was decoded and looked up three times
            // (`drawn_as`, 63.7 M instructions); the rule, callgrind of the
            // native build, 164.0 → 86.8 M (French prose, no such character,
            // 27.6 → 28.2 M).
            at = start + width;
            continue;
        }
        let Some(c) = text.get(start..).and_then(|rest| rest.chars().next()) else { break };
        at = start + c.len_utf8();
        let Some(replacement) = drawn_as(c) else { continue };
        let out = drawn.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..start]);
        out.extend(replacement);
        copied = at;
    }
    let mut out = drawn?;
    out.push_str(&text[copied..]);
    Some(out)
}

/// Every amount of money in `text` as it is drawn (`as_drawn`: `＄５,０００,０００`,
/// `$𝟓,𝟎𝟎𝟎,𝟎𝟎𝟎`), in order, its range in `text` itself.
pub fn drawn_amounts(text: &str) -> Vec<Amount> {
    let Some(drawn) = as_drawn(text) else { return amounts(text) };
    let mut found = amounts(&drawn);
    // The ranges, in order and apart, are carried back in one walk of both texts.
    let (mut at, mut drawn_at) = (0, 0);
    let mut carry = |to: usize| {
        while drawn_at < to {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
            drawn_at += match c.is_ascii() {
                true => 1,
                false => drawn_as(c).map_or(c.len_utf8(), |r| r.map_or(0, char::len_utf8)),
            };
            at += c.len_utf8();
        }
        at
    };
    for amount in &mut found {
        let start = carry(amount.range.start);
        amount.range = start..carry(amount.range.end);
    }
    found
}

/// Every amount of money in `text`, in order.
pub fn amounts(text: &str) -> Vec<Amount> {
    // A text without a digit (the short ones, often) holds none: the reading
    // below is not called, nor compiled by V8 for a first lint without one (#14).
    match crate::text::find_digit(text.as_bytes(), 0) {
        Some(first) => amounts_from(text, first),
        None => Vec::new(),
    }
}

/// `amounts` of a text whose first digit is at `first`.
#[inline(never)]
fn amounts_from(text: &str, first: usize) -> Vec<Amount> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = first;
    // Only a digit starts a number: the search skips to the next one.
    while let Some(digit) = crate::text::find_digit(bytes, i) {
        i = digit;
        if text[..i].chars().next_back().is_some_and(unicode::is_alphanumeric) {
            i += 1;
            continue;
        }
        let end = number_end(bytes, i);
        // A number glued to letters (`A4`, `mp3`, `10x`) or to an address
        // (`…$56104586@example.org`) is no amount.
        let next = text[end..].chars().next();
        let glued =
            next.is_some_and(unicode::is_alphabetic) && multiplier_after(&text[end..]).is_none_or(|(n, _)| n == 0);
        if glued || next == Some('@') {
            i = end;
            continue;
        }
        let mut stop = end;
        let multiplier = multiplier_after(&text[stop..]);
        if let Some((length, _)) = multiplier {
            stop += length;
            // "millions of dollars", "millones de euros", "millions d'euros"
            for link in [" of", " de", " di", " d'", " d’"] {
                if text[stop..].starts_with(link) && currency_after(&text[stop + link.len()..]).is_some() {
                    stop += link.len();
                }
            }
        }
        // Most numbers (dates, versions, addresses in a log) have no currency beside
        // them: look for one before reading the number's value (#14: a 1.2 MB bug
        // report with 50,000 numbers spent 3.6 ms here, parsing each).
        let before = currency_before(text, i);
        let after = currency_after(&text[stop..]);
        if before.is_none() && after.is_none() {
            i = end;
            continue;
        }
        let Some(mut value) = parse_number(&text[i..end].replace([' ', '\u{a0}', '\u{202f}', '\''], "")) else {
            i = end;
            continue;
        };
        if let Some((_, factor)) = multiplier {
            value *= factor;
        }
        let start = before.unwrap_or(i);
        let finish = stop + after.unwrap_or(0);
        let currency = match before {
            Some(at) => &text[at..i],
            None => &text[stop..finish],
        };
        let unit_factor = small_unit_factor(currency);
        out.push(Amount { range: start..finish, value, with_multiplier: multiplier.is_some(), unit_factor });
        i = finish.max(i + 1);
    }
    out
}

fn check(message: &Message, cx: &mut Context) {
    let huge_from = cx.settings.number(&MONEY_HUGE_AMOUNT);
    let mut found: Vec<(&Text, Amount)> = Vec::new();
    let bodies = reading::bodies(message);
    for body in &bodies {
        found.extend(drawn_amounts(&body.text).into_iter().map(|a| (body, a)));
    }
    // Sums written out in digits first: they make the warning.
    let huge: Vec<&(&Text, Amount)> = [false, true]
        .iter()
        .flat_map(|&multiplied| {
            found.iter().filter(move |(_, a)| a.value >= huge_from * a.unit_factor && a.with_multiplier == multiplied)
        })
        .collect();
    let quote = |items: &mut dyn Iterator<Item = &(&Text, Amount)>| {
        items
            .take(5)
            .map(|(t, a)| t.text.get(a.range.clone()).unwrap_or_default().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some((text, first)) = huge.first().map(|h| (h.0, &h.1)) {
        let in_digits = huge.iter().filter(|(_, a)| !a.with_multiplier).count();
        let warning = in_digits > 0 && in_digits >= cx.settings.count(&MONEY_HUGE_WARNING);
        let listed = quote(&mut huge.iter().copied());
        cx.emit(
            Draft::new(
                Msg::of(&HUGE).int("huge", huge.len()).int("count", found.len()).text("amounts", listed.clone()),
            )
            .evidence(listed)
            .at(reading::location(message, text, first.range.clone()))
            .severity(if warning { Severity::Warning } else { Severity::Info }),
        );
        return;
    }
    if found.len() >= cx.settings.count(&MONEY_MANY_AMOUNTS) {
        let Some((text, first)) = found.first() else { return };
        let listed = quote(&mut found.iter());
        cx.emit(
            Draft::new(Msg::of(&MANY).int("count", found.len()).text("amounts", listed.clone()))
                .evidence(listed)
                .at(reading::location(message, text, first.range.clone()))
                .severity(Severity::Info),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        amounts(text).into_iter().map(|a| a.value).collect()
    }

    #[test]
    fn amounts_are_read_as_drawn() {
        let quoted = |text: &str| drawn_amounts(text).into_iter().map(|a| (text[a.range].to_string(), a.value)).collect::<Vec<_>>();
        let fullwidth = "You get ＄５,０００,０００ today";
        assert_eq!(quoted(fullwidth), [("＄５,０００,０００".to_string(), 5e6)]);
        assert_eq!(quoted("Win $𝟓,𝟎𝟎𝟎,𝟎𝟎𝟎 now"), [("$𝟓,𝟎𝟎𝟎,𝟎𝟎𝟎".to_string(), 5e6)]);
        assert_eq!(quoted("é $5\u{200b},000\u{200b},000 and 3\u{2009}000\u{2009}000 EUR"), [
            ("$5\u{200b},000\u{200b},000".to_string(), 5e6),
            ("3\u{2009}000\u{2009}000 EUR".to_string(), 3e6)
        ]);
        // Nothing else moves: the same amounts as `amounts` in a text with no such character.
        for text in ["Coût : 12 € et 5 000 € à payer", "$5,000 and £20", "ĄĘ 40 zł"] {
            assert!(as_drawn(text).is_none(), "{text}");
            assert_eq!(quoted(text).len(), amounts(text).len(), "{text}");
        }
        // A fold that changes nothing near a number reads the same amounts, each where it is.
        let text = "ｆｕｌｌ 12 € then\u{ad}more $40";
        assert_eq!(quoted(text), [("12 €".to_string(), 12.0), ("$40".to_string(), 40.0)]);
    }

    #[test]
    fn only_these_two_byte_characters_are_drawn_as_something() {
        // `drawn_as` without its filter, for each of the 1,920 two-byte characters.
        let unfiltered = |c: char| match unicode::is_invisible(c) {
            true => Some(None),
            false if c == '\u{066b}' => Some(Some('.')),
            false if c == '\u{066c}' => Some(Some(',')),
            false if unicode::decimal_digit(c).is_some() => Some(unicode::decimal_digit(c)),
            false => match unicode::nfkc(c) {
                Some(unicode::Nfkc::Char(a)) if a.is_ascii_digit() || a.is_ascii_punctuation() || a == ' ' || matches!(a, '£' | '¥') => {
                    Some(Some(a))
                }
                _ => None,
            },
        };
        let mut something = 0;
        for c in ('\u{0080}'..='\u{07ff}').filter(|&c| unfiltered(c).is_some()) {
            assert!(may_be_drawn_as(c), "U+{:04X} is drawn as {:?} but skipped", c as u32, unfiltered(c));
            assert_eq!(drawn_as(c), unfiltered(c));
            something += 1;
        }
        // The no-break space, the soft hyphen, the three superscript digits, U+034F, U+037E, U+061C
        // at least: a table that lost them would make this test pass for nothing.
        assert!(something >= 8, "{something}");
        for c in ['\u{00a0}', '\u{00ad}', '\u{00b2}', '\u{00b3}', '\u{00b9}', '\u{034f}', '\u{037e}', '\u{061c}'] {
            assert!(drawn_as(c).is_some(), "U+{:04X}", c as u32);
        }
        for c in ['ą', 'ł', 'ж', 'Ω', 'ש', 'ب', 'ف', '\u{065f}', '\u{066d}'] {
            assert!(!may_be_drawn_as(c), "{c}");
        }
        // `as_drawn` passes over bytes by their first: each character it lets through starts with a byte it looks at.
        for c in ('\u{0080}'..='\u{07ff}').chain(['\u{0800}', '\u{2009}', '５', '\u{1d7d3}']).filter(|&c| may_be_drawn_as(c)) {
            let mut buffer = [0; 4];
            assert!(may_start_drawn(c.encode_utf8(&mut buffer).as_bytes()[0]), "U+{:04X}", c as u32);
        }
        assert!((0x80..0xc0).all(|b| !may_start_drawn(b)), "a continuation byte");
        // The comparisons are the leads as a list, every byte.
        for b in 0..=u8::MAX {
            assert_eq!(may_start_drawn(b), matches!(b, 0xc2 | 0xcd | 0xd8 | 0xd9 | 0xdb | 0xdf) || b >= 0xe0, "{b:#x}");
        }
        // The wasm's search by lanes finds what a byte at a time finds, wherever the byte stands.
        for mark in ["\u{a0}", "\u{37e}", "\u{61c}", "５", "\u{1d7d3}", "ą", "ж", "é", "٣", "ف", "۳", "\u{6c0}", "\u{7c3}", "\u{7ff}"] {
            for len in [0, 1, 7, 8, 15, 16, 17, 31, 33] {
                for at in (0..=len).step_by(3) {
                    let mut text = "ł".repeat(len / 2) + &"a".repeat(len % 2);
                    text.insert_str(text.char_indices().nth(at / 2).map_or(text.len(), |(i, _)| i), mark);
                    for from in [0, 1, 8, 16] {
                        let one_by_one = text.as_bytes().iter().skip(from).position(|&b| may_start_drawn(b)).map(|p| from + p);
                        assert_eq!(next_may_start_drawn_by_lanes(text.as_bytes(), from), one_by_one, "{text:?} {from}");
                        assert_eq!(next_may_start_drawn(text.as_bytes(), from), one_by_one, "{text:?} {from}");
                    }
                }
            }
        }
        assert_eq!(as_drawn("Zażółć gęślą jaźń, сумма\u{a0}5 000"), Some("Zażółć gęślą jaźń, сумма 5 000".to_string()));
        assert_eq!(as_drawn("Zażółć gęślą jaźń, сумма 5 000 «ok»"), None);
        // Past U+07FF each character is looked up: fullwidth, mathematical, thin space.
        assert_eq!(drawn_as('５'), Some(Some('5')));
        assert_eq!(drawn_as('\u{2009}'), Some(Some(' ')));
        assert_eq!(drawn_as('\u{200b}'), Some(None));
    }

    /// Digits of other scripts (Unicode Nd, which NFKC keeps) are read as the
    /// digits they stand for; letters of those scripts stay none.
    #[test]
    fn pictographs_are_drawn_as_nothing_else() {
        for c in ('\u{1f300}'..='\u{1faff}').chain('\u{2600}'..='\u{27ff}') {
            let mut utf8 = [0; 4];
            assert!(super::super::body_caps::pictograph_width(c.encode_utf8(&mut utf8).as_bytes(), 0).is_some());
            assert_eq!(drawn_as(c), None, "U+{:04X}", c as u32);
        }
        // Amounts among emoji, keycaps, flags, fullwidth digits and signs.
        let pieces = [
            " ", "$", "€", "5", "000", ",", ".", "🚀", "💰", "✅", "❤\u{fe0f}", "👩\u{200d}💻", "👍\u{1f3fd}", "🇫🇷", "1\u{fe0f}\u{20e3}",
            "５", "＄", "\u{1fbf5}", "\u{1f101}", "\u{2009}", "\u{200b}", "million", "USD", "٥",
        ];
        crate::text::generated_texts(&pieces, 4_000, 40, |text| {
            assert_eq!(as_drawn(text), as_drawn_by_characters(text), "{text:?}");
        });
    }

    #[test]
    fn the_corpus_is_drawn_as_a_character_at_a_time() {
        crate::text::each_corpus_text("the_corpus_is_drawn_as_a_character_at_a_time", |path, text| {
            assert_eq!(as_drawn(text), as_drawn_by_characters(text), "{}", path.display());
        });
    }

    /// `as_drawn` a character at a time, every one past ASCII asked `drawn_as`.
    fn as_drawn_by_characters(text: &str) -> Option<String> {
        let mut changed = false;
        let out: String = text
            .chars()
            .flat_map(|c| match c.is_ascii() {
                true => Some(c),
                false => match drawn_as(c) {
                    Some(replacement) => {
                        changed = true;
                        replacement
                    }
                    None => Some(c),
                },
            })
            .collect();
        changed.then_some(out)
    }

    #[test]
    fn decimal_digits_of_every_script_are_read_as_digits() {
        let quoted = |text: &str| drawn_amounts(text).into_iter().map(|a| (text[a.range].to_string(), a.value)).collect::<Vec<_>>();
        assert_eq!(quoted("اربح $٥٬٠٠٠٬٠٠٠ اليوم"), [("$٥٬٠٠٠٬٠٠٠".to_string(), 5e6)]);
        assert_eq!(quoted("Win ۵۰۰۰۰۰۰ USD now"), [("۵۰۰۰۰۰۰ USD".to_string(), 5e6)]);
        assert_eq!(quoted("Get €३,०००,००० today"), [("€३,०००,०००".to_string(), 3e6)]);
        assert_eq!(quoted("Only ٩٩٫٥٠ € a month"), [("٩٩٫٥٠ €".to_string(), 99.5)]);
        assert_eq!(quoted("ได้รับ ๑๐๐๐๐๐๐ USD"), [("๑๐๐๐๐๐๐ USD".to_string(), 1e6)]);
        // A digit glued to letters is no amount, as in ASCII.
        assert!(quoted("كود ب٥٠٠٠ $").is_empty());
        // Every run of ten: its zero to nine, and nothing either side of it reads as a digit.
        for zero in ['0', '\u{0660}', '\u{06f0}', '\u{07c0}', '\u{0966}', '\u{0e50}', '\u{ff10}', '\u{1d7ce}', '\u{1fbf0}'] {
            for value in 0..10u32 {
                let c = char::from_u32(u32::from(zero) + value).unwrap_or_default();
                assert_eq!(unicode::decimal_digit(c), char::from_digit(value, 10), "U+{:04X}", c as u32);
            }
        }
        for c in ['/', ':', '\u{065f}', '\u{066a}', '\u{06ef}', '\u{06fa}', '\u{0965}', '\u{0970}', 'a', 'ж', '٭', '\u{1fbfa}'] {
            assert_eq!(unicode::decimal_digit(c), None, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn numbers_end_where_a_character_at_a_time_ends_them() {
        // The reading of a number before it went by bytes.
        fn by_characters(text: &str, i: usize) -> usize {
            let mut end = i;
            while let Some(c) = text[end..].chars().next() {
                let after = &text[end + c.len_utf8()..];
                let next_is_digit = after.starts_with(|d: char| d.is_ascii_digit());
                let group_of_three = after.len() >= 3
                    && after.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                    && !after.as_bytes().get(3).is_some_and(u8::is_ascii_digit);
                let separator = match c {
                    ',' | '.' => next_is_digit,
                    '\'' | '\u{a0}' | '\u{202f}' | ' ' => group_of_three,
                    _ => false,
                };
                if c.is_ascii_digit() || (separator && end > i) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            end
        }
        let pieces = ["1", "12", "123", "1234", ",", ".", " ", "'", "\u{a0}", "\u{202f}", "\u{2009}", "é", "x", "€", "\u{a0}1", "\u{202f}123"];
        let mut numbers = 0;
        crate::text::generated_texts(&pieces, 5_000, 12, |text| {
            for (i, _) in text.char_indices().filter(|(_, c)| c.is_ascii_digit()) {
                assert_eq!(number_end(text.as_bytes(), i), by_characters(text, i), "{text:?} {i}");
                numbers += 1;
            }
        });
        assert!(numbers > 10_000, "{numbers}");
    }

    #[test]
    fn currencies_and_multipliers_are_found_as_without_the_index() {
        let words: Vec<&str> = CURRENCIES.iter().copied().chain(MULTIPLIERS.iter().map(|(w, _)| *w)).collect();
        let mut pieces: Vec<String> = Vec::new();
        for w in &words {
            let mut capital = w.chars();
            let capital = capital.next().map(|c| c.to_uppercase().chain(capital).collect::<String>()).unwrap_or_default();
            pieces.extend([w.to_string(), w.to_uppercase(), capital, w.chars().take(2).collect()]);
        }
        pieces.extend([" ", "\u{a0}", "1", "x", "é", ".", "US"].map(String::from));
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let (mut currencies, mut multipliers) = (0, 0);
        crate::text::generated_texts(&pieces, 4_000, 4, |text| {
            let skipped = text.len() - text.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
            let trimmed = &text[skipped..];
            let currency = CURRENCIES.iter().find(|c| starts_with_word(trimmed, c)).map(|c| skipped + c.len());
            assert_eq!(currency_after(text), currency, "{text:?}");
            let multiplier = MULTIPLIERS.iter().find(|(w, _)| starts_with_word(trimmed, w));
            let length = |w: &str| skipped + w.len() + usize::from(w.len() <= 3 && trimmed[w.len()..].starts_with('.'));
            assert_eq!(multiplier_after(text), multiplier.map(|&(w, factor)| (length(w), factor)), "{text:?}");
            (currencies, multipliers) = (currencies + usize::from(currency.is_some()), multipliers + usize::from(multiplier.is_some()));
            for (k, w) in words.iter().enumerate() {
                assert!(!starts_with_word(text, w) || same_start(text, w), "{text:?} {w:?}");
                // The index marks a word exactly when the text starts with its first two bytes.
                let (index, k) = if k < CURRENCIES.len() { (&CURRENCY_STARTS, k) } else { (&MULTIPLIER_STARTS, k - CURRENCIES.len()) };
                let marked = match text.as_bytes() {
                    [a, b, ..] => index.first[usize::from(*a)] & index.second[usize::from(*b)],
                    [a] => index.first[usize::from(*a)] & index.one_byte,
                    [] => 0,
                };
                assert_eq!(marked >> k & 1 == 1, same_start(text, w), "{text:?} {w:?}");
            }
        });
        assert!(currencies > 500 && multipliers > 300, "{currencies} {multipliers}");
    }

    #[test]
    fn amounts_are_numbers_next_to_a_currency() {
        assert_eq!(values("US$25,500,000.00 now"), vec![25_500_000.0]);
        assert!(!amounts("US$25,500,000.00").iter().any(|a| a.with_multiplier));
        assert!(amounts("$300 million").iter().all(|a| a.with_multiplier));
        assert_eq!(values("$ 1.5 million and 2 billion dollars"), vec![1_500_000.0, 2e9]);
        assert_eq!(values("15 millones de euros, 4,5 mln zł"), vec![15e6, 4.5e6]);
        assert_eq!(values("1.250,00 € and 1 250 EUR and 49,90 zł"), vec![1250.0, 1250.0, 49.9]);
        assert_eq!(values("Total: 1,250.00 EUR"), vec![1250.0]);
    }

    #[test]
    fn numbers_without_a_currency_are_not_money() {
        assert!(values("3,500,000 inhabitants, 2 million visitors, A4 paper, mp3 and 10x zoom in 2026").is_empty());
        assert!(values("USD").is_empty());
        assert!(values("Message-id: <002001c144a6$8752e060$56104586@oxy.edu>").is_empty());
        assert_eq!(values("price:$25 or US$30"), vec![25.0, 30.0]);
        assert_eq!(values("R$ 1.500.000,00 e 2 milhões de reais, BRL 300"), vec![1_500_000.0, 2e6, 300.0]);
        assert_eq!(values("2 milioni di euro e 5 miliardi di dollari"), vec![2e6, 5e9]);
    }

    #[test]
    fn small_units_need_larger_sums() {
        let factors = |text: &str| amounts(text).into_iter().map(|a| a.unit_factor).collect::<Vec<_>>();
        assert_eq!(factors("¥1,320,000, 1 320 000 ¥, ₹2,500,000, ₽1 000 000, ₩1,335,000"), vec![100.0, 100.0, 100.0, 100.0, 1000.0]);
        assert_eq!(factors("$1,000,000 and 1.000.000 € and 1 000 000 zł"), vec![1.0, 1.0, 1.0]);
    }
}
