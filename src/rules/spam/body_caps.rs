//! `spam/body-caps` *(SpamAssassin UPPERCASE_50_75 family)*: a body written in
//! capitals shouts, as a subject in capitals does (the guides flag that one).
//! The share is counted on words of three letters or more of a cased script
//! (two-letter acronyms and caseless scripts do not count) in the visible text,
//! quoted lines of a reply (`> …`) and the quote of an HTML reply left out, and only over a minimum number of
//! words: one or two acronyms in a short note are not shouting.

use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;
use crate::text::{unicode, HIGH};

crate::rule_texts! { "spam/body-caps";
    summary => {
        en: "Much of the body is written in capitals.",
        fr: "Une grande partie du corps est écrite en majuscules.",
        es: "Gran parte del cuerpo está escrita en mayúsculas.",
        pl: "Duża część treści jest napisana wielkimi literami.",
    },
    why => {
        en: "Text in capitals shouts; the hosting guides flag it in the subject, and spam filters score a body whose share of capitals is high (SpamAssassin's UPPERCASE_50_75 and UPPERCASE_75_100 rules).",
        fr: "Un texte en majuscules « crie » ; les guides de l'hébergeur le signalent dans le sujet, et les filtres anti-spam notent un corps dont la part de majuscules est élevée (règles UPPERCASE_50_75 et UPPERCASE_75_100 de SpamAssassin).",
        es: "Un texto en mayúsculas «grita»; las guías del alojamiento lo señalan en el asunto, y los filtros antispam puntúan un cuerpo con una gran proporción de mayúsculas (reglas UPPERCASE_50_75 y UPPERCASE_75_100 de SpamAssassin).",
        pl: "Tekst pisany wielkimi literami „krzyczy”; przewodniki hostingu wskazują to w temacie, a filtry antyspamowe oceniają treść z dużym udziałem wielkich liter (reguły UPPERCASE_50_75 i UPPERCASE_75_100 SpamAssassin).",
    },
    fix => {
        en: "Write the text in sentence case; use bold or a heading for what must stand out.",
        fr: "Écrivez le texte en minuscules avec majuscules initiales ; utilisez le gras ou un titre pour ce qui doit ressortir.",
        es: "Escriba el texto en minúsculas con mayúscula inicial; use negrita o un título para lo que deba destacar.",
        pl: "Pisz tekst małymi literami z wielką na początku zdania; to, co ma się wyróżniać, pogrub lub daj w nagłówku.",
    },
    SHOUTING "shouting" => {
        en: "{percent}% of the words of the body are in capitals ({capitals} of {words}); from {limit}% it reads as shouting.",
        fr: "{percent} % des mots du corps sont en majuscules ({capitals} sur {words}) ; à partir de {limit} %, le texte « crie ».",
        es: "El {percent} % de las palabras del cuerpo están en mayúsculas ({capitals} de {words}); a partir del {limit} % el texto «grita».",
        pl: "{percent}% słów treści jest pisanych wielkimi literami ({capitals} z {words}); od {limit}% tekst „krzyczy”.",
    },
}

/// Share of words in capitals from which the finding is a warning.
pub const BODY_CAPS_WARNING_SHARE: Threshold = Threshold {
    key: "spam.bodyCapsWarningShare",
    kind: Kind::Number { default: 0.5, min: 0.0, max: 1.0 },
    doc: Localized {
        en: "Share of the body's words (3 letters or more) written in capitals from which the finding is a warning.",
        fr: "Part des mots du corps (3 lettres ou plus) écrits en majuscules à partir de laquelle le constat est un avertissement.",
        es: "Proporción de palabras del cuerpo (3 letras o más) escritas en mayúsculas a partir de la cual el hallazgo es una advertencia.",
        pl: "Udział słów treści (3 litery lub więcej) pisanych wielkimi literami, od którego wynik jest ostrzeżeniem.",
    },
    evidence: Evidence::Receiver(
        "SpamAssassin UPPERCASE_50_75 and UPPERCASE_75_100 (20_meta_tests.cf): a body 50 % in capitals and more",
    ),
};

/// Share of words in capitals from which the body is reported (info).
pub const BODY_CAPS_INFO_SHARE: Threshold = Threshold {
    key: "spam.bodyCapsInfoShare",
    kind: Kind::Number { default: 0.3, min: 0.0, max: 1.0 },
    doc: Localized {
        en: "Share of the body's words (3 letters or more) written in capitals from which the body is reported as info.",
        fr: "Part des mots du corps (3 lettres ou plus) écrits en majuscules à partir de laquelle le corps est signalé en info.",
        es: "Proporción de palabras del cuerpo (3 letras o más) escritas en mayúsculas a partir de la cual se informa del cuerpo como info.",
        pl: "Udział słów treści (3 litery lub więcej) pisanych wielkimi literami, od którego treść jest zgłaszana jako info.",
    },
    evidence: Evidence::Measured(
        "spamassassin-public-dev: 0 ham of 750 reach 30 % of words in capitals; 19 spam of 499 do (8 of them 50 % and more)",
    ),
};

/// Fewest words (3 letters or more) for the share to mean anything.
pub const BODY_CAPS_MIN_WORDS: Threshold = Threshold {
    key: "spam.bodyCapsMinWords",
    kind: Kind::Int { default: 30, min: 1, max: 1_000_000 },
    doc: Localized {
        en: "Fewest words of 3 letters or more in the body for the share of capitals to be judged.",
        fr: "Nombre minimal de mots de 3 lettres ou plus dans le corps pour que la part de majuscules soit jugée.",
        es: "Mínimo de palabras de 3 letras o más en el cuerpo para que se juzgue la proporción de mayúsculas.",
        pl: "Najmniejsza liczba słów o 3 literach lub więcej w treści, aby oceniać udział wielkich liter.",
    },
    evidence: Evidence::Receiver("SpamAssassin check_for_uppercase (MIMEEval.pm) judges only bodies of 200 characters or more, \"otherwise one or two acronyms can throw it off\": about 30 words"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("SpamAssassin UPPERCASE_75_100 \"message body is 75-100% uppercase\" scores 1.480 (50_scores.cf, set 0); UPPERCASE_50_75 0.791 with network tests (set 1)"),
        Evidence::Guide("seed 002 (fr) l. 168 flags « 3 mots ou plus en majuscules dans le sujet/objet de l'e-mail »: capitals are a spam signal the guides name"),
    ],
    score: scores::BODY_CAPS,
    texts: &TEXTS,
    thresholds: &[&BODY_CAPS_WARNING_SHARE, &BODY_CAPS_INFO_SHARE, &BODY_CAPS_MIN_WORDS],
    examples: &[
        Example::fails(
            title! {
                en: "A body written in capitals",
                fr: "Un corps écrit en majuscules",
                es: "Un cuerpo escrito en mayúsculas",
                pl: "Treść napisana wielkimi literami",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\n\nDEAR CUSTOMER, OUR GREAT SPRING SALE STARTS TODAY WITH PRICES YOU WILL NOT BELIEVE. EVERY ITEM OF THE STORE IS REDUCED, FROM CHAIRS AND TABLES TO LAMPS AND CARPETS. COME EARLY BECAUSE THE BEST PIECES WILL LEAVE FAST, AND TELL YOUR FRIENDS ABOUT THE SALE TOO.\n"),
        ),
        Example::fails(
            title! {
                en: "A third of the body in capitals (info)",
                fr: "Un tiers du corps en majuscules (info)",
                es: "Un tercio del cuerpo en mayúsculas (info)",
                pl: "Jedna trzecia treści wielkimi literami (info)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\n\nOur spring sale starts today with prices you will like. EVERY ITEM OF THE STORE IS REDUCED, FROM CHAIRS AND TABLES TO LAMPS, CARPETS AND MIRRORS. Come early because the best pieces will leave fast, and tell your friends about the sale too.\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "Names joined by underscores are names, not shouting",
                fr: "Des noms joints par des tirets bas sont des noms, pas des cris",
                es: "Los nombres unidos por guiones bajos son nombres, no gritos",
                pl: "Nazwy łączone podkreśleniami to nazwy, nie krzyk",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Spam report\n\nMy last three messages to the list were marked as spam, and I do not understand why: each was a plain text message from my own home server with nothing special in it. The report shows these rules:\nFROM_ENDS_IN_NUMS\nMSGID_FROM_MTA_HEADER\nDATE_IN_PAST_03_06\nMISSING_MID\nHTML_MESSAGE\nFREEMAIL_FROM\nFORGED_YAHOO_RCVD\nMISSING_HEADERS\nNORMAL_HTTP_TO_IP\nSUBJ_ALL_CAPS\nWhat should I change in the setup of the server or of my mail program?\n"),
        ),
        Example::passes(
            title! {
                en: "Acronyms in an ordinary text",
                fr: "Des sigles dans un texte ordinaire",
                es: "Siglas en un texto corriente",
                pl: "Skróty w zwykłym tekście",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Report\n\nThe NASA and ESA teams sent the PDF of the report to the UN office. Our CEO will read it before the meeting with the IMF on Monday, and the CFO will prepare the figures for the board and the press in the afternoon.\n"),
        ),
        Example::passes(
            title! {
                en: "A company's legal footer in capitals after the signature separator (\"-- \")",
                fr: "Les mentions légales d'une société en majuscules après le séparateur de signature (« -- »)",
                es: "El pie legal de una empresa en mayúsculas tras el separador de firma («-- »)",
                pl: "Stopka prawna firmy wielkimi literami po separatorze podpisu („-- ”)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Faktura\nContent-Type: text/plain; charset=utf-8\n\nDzień dobry,\n\nw załączniku przesyłamy fakturę do zamówienia nr 2026/12/0413. Dziękujemy za zakupy i zapraszamy ponownie.\n\nPozdrawiamy serdecznie,\nZespół Zielarni\n\n-- \nZIELARNIA ŁĄKA SP. Z O.O., UL. DŁUGA 12, 31-147 KRAKÓW\nSĄD REJONOWY DLA KRAKOWA-ŚRÓDMIEŚCIA W KRAKOWIE, XI WYDZIAŁ GOSPODARCZY KRS\nKRS 0000123456, NIP 527-123-45-67, REGON 146789012, KAPITAŁ ZAKŁADOWY: 5 000 ZŁ\n"),
        ),
        Example::passes(
            title! {
                en: "A short note in capitals is too short to judge",
                fr: "Une courte note en majuscules est trop brève pour être jugée",
                es: "Una nota breve en mayúsculas es demasiado corta para juzgarla",
                pl: "Krótka notatka wielkimi literami jest za krótka do oceny",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Door\n\nPLEASE CLOSE THE DOOR WHEN YOU LEAVE.\n"),
        ),
        Example::passes(
            title! {
                en: "Quoted lines of a reply do not count",
                fr: "Les lignes citées d'une réponse ne comptent pas",
                es: "Las líneas citadas de una respuesta no cuentan",
                pl: "Cytowane wiersze odpowiedzi się nie liczą",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Re: Door\n\nSure, I will close it and check the windows of the office before I leave tonight, as every evening this week.\n\n> PLEASE CLOSE THE DOOR WHEN YOU LEAVE AND CHECK ALL THE WINDOWS OF THE OFFICE BEFORE YOU GO HOME TONIGHT BECAUSE THE CLEANERS FOUND THEM OPEN TWICE THIS WEEK AND THE ALARM COMPANY COMPLAINED ABOUT IT AGAIN.\n"),
        ),
    ],
    check: Check::Message(check),
};

/// Words of three letters or more of a cased script, and how many are all in
/// capitals, in `text` without its quoted lines. An identifier joined by `_`
/// (`FROM_ENDS_IN_NUMS`, `MAX_UPLOAD_SIZE`) is one word and names a thing, as
/// `spam/subject-caps` reads it: not shouting (a list of rule or setting names
/// had warned as 59 % of capitals).
///
/// A word of capitals spelled letter by letter (`F R E E`, `P-L-E-A-S-E`,
/// `C.L.A.I.M`) is read as the word it spells (`spelled_capital_words`).
pub fn capital_words(text: &str) -> (usize, usize) {
    let ((words, capitals), spelled) = letter_runs(text);
    let (words, capitals) = (words + spelled, capitals + spelled);
    if memchr::memchr(b'_', text.as_bytes()).is_none() {
        return (words, capitals);
    }
    let (split, joined) = identifiers(text);
    // Each part is one of the runs counted above (`identifiers` keeps the same
    // bounds): saturating only so that a miscount could not panic.
    (words.saturating_sub(split.0) + joined, capitals.saturating_sub(split.1))
}

/// What separates the letters of a word spelled letter by letter: one space,
/// hyphen or full stop, the same between all of them (`F R E E`, `P-L-E-A-S-E`,
/// `U.S.A`); two spaces part two such words (`F R E E  M O N E Y`).
fn spells(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.')
}

/// Words of capitals spelled letter by letter outside quoted lines of an ASCII
/// text, or of the stand-ins of one (`stand_in_capital_words`: `A` for a
/// capital of any cased script, `É`, `Ł`, `Б`, `Σ`, `a` for any other letter): runs
/// of `text::fold::MIN_SPACED_LETTERS` single capitals or more (no letter
/// against any of them), one separator (`spells`) between each two. Each is one
/// word in capitals, as the word folding reads them (`text::fold`, `Spaced`);
/// the count of runs of three letters leaves single letters out. A spelled word
/// in lowercase is no shouting and is left out, as before (ours). Work: one
/// pass of eight bytes a step over the text, which finds no three capitals two
/// bytes apart in most texts; a text with some is read byte by byte.
fn spelled_capital_words(text: &[u8]) -> usize {
    // The high bit of each byte that is an ASCII capital, eight at a time, and
    // those of the eight before: three capitals at i, i + 2, i + 4.
    let (blocks, rest) = text.as_chunks::<8>();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    let mut before = 0u64;
    let mut any = false;
    for eight in blocks.iter().chain(std::iter::once(&last)) {
        let x = u64::from_le_bytes(*eight);
        let capitals = ascii_letter_bits(x) & !(x << 2);
        // The capitals of this step with capitals two and four bytes before them
        // (in this step or the one before): every three is found at the step
        // of its last capital. In `u64`s, not across a `u128` of both steps
        // (#14: this function 39.2 → 29.4 M instructions on 10 MB of English
        // prose, callgrind of the native build).
        let two_before = capitals << 16 | before >> 48;
        let four_before = capitals << 32 | before >> 32;
        if capitals & two_before & four_before != 0 {
            any = true;
            break;
        }
        before = capitals;
    }
    if !any {
        return 0;
    }
    spelled_words_found(text)
}

/// `spelled_capital_words` past its first pass, in a text where it found three
/// capitals two bytes apart (or `ascii_counts` found three single ones, in a
/// line of it): the runs read byte by byte.
#[inline(never)]
fn spelled_words_found(text: &[u8]) -> usize {
    let letter = |at: usize| text.get(at).is_some_and(u8::is_ascii_alphabetic);
    let capital = |at: usize| text.get(at).is_some_and(u8::is_ascii_uppercase);
    let mut words = 0;
    let mut at = 0;
    // The line of the last run and whether it is quoted, and how far its start was looked for
    // (each byte is looked at once: a line of many runs is not searched again for each).
    let (mut line_start, mut quoted, mut searched) = (usize::MAX, false, 0);
    while at < text.len() {
        // A single capital: no letter before or after it.
        if !capital(at) || (at > 0 && letter(at - 1)) || letter(at + 1) {
            at += 1;
            continue;
        }
        let separator = text.get(at + 1).copied().filter(|&b| spells(b));
        let mut letters = 1;
        let mut end = at + 1;
        while let Some(sep) = separator {
            if text.get(end) == Some(&sep) && capital(end + 1) && !letter(end + 2) {
                letters += 1;
                end += 2;
            } else {
                break;
            }
        }
        if letters >= crate::text::fold::MIN_SPACED_LETTERS {
            // Not in a quoted line (its first byte past white space is `>`).
            let start = match memchr::memrchr(b'\n', &text[searched..at]) {
                Some(n) => searched + n + 1,
                None if line_start == usize::MAX => 0,
                None => line_start,
            };
            searched = at;
            if start != line_start {
                line_start = start;
                quoted = text[start..at].iter().find(|&&b| !is_indent(b)) == Some(&b'>');
            }
            words += usize::from(!quoted);
        }
        at = end;
    }
    words
}

/// Runs of three letters or more of a cased script, and how many are all in
/// capitals, in `text` without its quoted lines (each part of an identifier
/// is a run); and the words of capitals spelled letter by letter
/// (`spelled_capital_words`), whatever their script and the text's.
fn letter_runs(text: &str) -> ((usize, usize), usize) {
    if text.is_ascii() {
        return ascii_runs(text.as_bytes());
    }
    stand_in_capital_words(text).unwrap_or_else(|| line_capital_words(text))
}

/// In `text` without its quoted lines, the identifiers joined by `_`: runs of
/// ASCII letters, digits and `_` with a `_` between two of the others, and no
/// other letter against them. Returns what the count above made of their parts
/// (words and capitals: the runs of three letters or more between `_` and
/// digits) and how many of them are words as wholes (three letters or more).
fn identifiers(text: &str) -> ((usize, usize), usize) {
    let (mut split, mut joined) = ((0, 0), 0);
    let bytes = text.as_bytes();
    let is_id = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // From each `_` to its run's ends (#14: a pass over every line of each text
    // with a `_` had doubled the rule's time on the corpus; runs are few).
    let mut from = 0;
    while let Some(underscore) = memchr::memchr(b'_', &bytes[from..]).map(|n| from + n) {
        let mut start = underscore;
        while start > 0 && is_id(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = underscore;
        while end < bytes.len() && is_id(bytes[end]) {
            end += 1;
        }
        from = end.max(underscore + 1);
        // Not in a quoted line (its first byte past white space is `>`, as `str::lines` and `trim_start` read it).
        let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |n| n + 1);
        if crate::text::is_quoted_line(&text[line_start..]) {
            continue;
        }
        let run = &bytes[start..end];
        // A letter past ASCII against the run would join its first or last part.
        let letter_before = text[..start].chars().next_back().is_some_and(char::is_alphabetic);
        let letter_after = text[end..].chars().next().is_some_and(char::is_alphabetic);
        let inner = run.windows(3).any(|w| w[1] == b'_' && w[0] != b'_' && w[2] != b'_');
        if !inner || letter_before || letter_after {
            continue;
        }
        for part in run.split(|b| !b.is_ascii_alphabetic()).filter(|p| p.len() >= 3) {
            split.0 += 1;
            split.1 += usize::from(part.iter().all(u8::is_ascii_uppercase));
        }
        joined += usize::from(run.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 3);
    }
    (split, joined)
}

/// `letter_runs` line by line: an ASCII line by the ASCII path, any other by
/// `mixed_capital_words`, and its spelled words in its stand-ins when it may
/// hold some (`may_spell`).
fn line_capital_words(text: &str) -> ((usize, usize), usize) {
    let (mut words, mut capitals, mut spelled) = (0, 0, 0);
    for line in text.lines().filter(|l| !crate::text::is_quoted_line(l)) {
        if line.is_ascii() {
            let ((w, c), s) = ascii_runs(line.as_bytes());
            words += w;
            capitals += c;
            spelled += s;
            continue;
        }
        let (w, c) = mixed_capital_words(line);
        words += w;
        capitals += c;
        if may_spell(line.as_bytes()) {
            spelled += spelled_capital_words(&line_stand_ins(line));
        }
    }
    ((words, capitals), spelled)
}

/// Whether `line` holds a separator (`spells`), one character and the same
/// separator, and a character after it: the shape of three letters spelled
/// one by one (`F R E`). Most lines of a caseless script (CJK, Arabic, Thai)
/// have none, and are not read again for their capitals.
fn may_spell(line: &[u8]) -> bool {
    let width = |lead: u8| match lead {
        0..0x80 => 1,
        0x80..0xe0 => 2,
        0xe0..0xf0 => 3,
        _ => 4,
    };
    let mut from = 0;
    while let Some(at) = memchr::memchr3(b' ', b'-', b'.', &line[from..]).map(|n| from + n) {
        let next = line.get(at + 1).map(|&lead| at + 1 + width(lead));
        if next.is_some_and(|next| line.get(next) == Some(&line[at]) && next + 1 < line.len()) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The stand-ins of one line as `stand_in_capital_words` makes them, a letter
/// of no case standing as `a` (a letter, no capital): what `spelled_capital_words` reads.
fn line_stand_ins(line: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(line.len());
    for c in line.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let stand_in = match stand_in(c) {
            None => b'a',
            Some(DRAWS_NOTHING) if out.last().is_some_and(u8::is_ascii_alphabetic) => continue,
            Some(DRAWS_NOTHING) => b'#',
            Some(b) => b,
        };
        out.push(stand_in);
    }
    out
}

/// How much `stand_in_capital_words` gathers before counting it: the text up
/// to the last line end in it, or a longer line's start (`shorten_line_start`)
/// (ours: a buffer bound).
const STAND_IN_CHUNK: usize = 64 * 1024;

/// `capital_words` of a text with characters past ASCII by the ASCII path:
/// each such character stands as one ASCII byte of what it is to the count
/// (`stand_in`), and ASCII is copied as it is (#14: in French and Polish text,
/// read a character at a time, this rule was 15 % of a 10 MB lint). `None` at
/// a letter of no case (a caseless script, a titlecase digraph): it takes its
/// whole word out of the count, which the ASCII path cannot say, and the
/// general path counts the text. With them, the words of capitals spelled
/// letter by letter (`spelled_capital_words`) in the same stand-ins.
fn stand_in_capital_words(text: &str) -> Option<((usize, usize), usize)> {
    stand_ins_counted(text, true)
}

/// `stand_in_capital_words`, its runs of two-byte characters read by their own
/// loop or not (`two_byte_runs`: the tests hold the loop to the step a
/// character at a time, the way before it).
#[inline(always)]
fn stand_ins_counted(text: &str, two_byte_runs: bool) -> Option<((usize, usize), usize)> {
    let bytes = text.as_bytes();
    let two_bytes = two_byte_stand_ins();
    let mut gathered = vec![0u8; bytes.len().min(STAND_IN_CHUNK) + 8];
    let mut len = 0;
    let mut counts = StandInCounts::default();
    let mut at = 0;
    while at < bytes.len() {
        while len + 8 > gathered.len() {
            // Words and quoted lines end at a line end: the text up to the last one is counted.
            if let Some(last) = memchr::memrchr(b'\n', &gathered[..len]) {
                counts.add(&gathered[..=last]);
                gathered.copy_within(last + 1..len, 0);
                len -= last + 1;
                continue;
            }
            len = shorten_line_start(&mut gathered, len, &mut counts);
        }
        // Arrays of eight, not slices: under opt-level "s" a slice's
        // `copy_from_slice` stays a call in the wasm (a twentieth of a 10 MB
        // French lint in Node, `--cpu-prof`), an array's copy is one load and store.
        let (source, out) = (bytes[at..].first_chunk::<8>(), gathered[len..].first_chunk_mut::<8>());
        if let (Some(eight), Some(out)) = (source, out) {
            // The ASCII bytes of the next eight, up to the first that is not,
            // copied at once (the eight are, and the rest is written over).
            *out = *eight;
            let ascii = (u64::from_le_bytes(*eight) & HIGH).trailing_zeros() as usize / 8;
            (len, at) = (len + ascii, at + ascii);
            if ascii == 8 {
                continue;
            }
        }
        // A run of two-byte characters with a stand-in (the letters of Cyrillic,
        // Greek and accented Latin words), one table lookup each in a loop of
        // its own, up to the first other character or to where the buffer is
        // full (the same points at which the step a character at a time below
        // would flush it). #14: each took the whole step below, the eight-byte
        // copy for no ASCII byte among them, ~75 instructions a letter; with it and
        // `ascii_unquoted_capital_words`' change, on 10 MB of Russian prose `check`
        // (all of this inlined) 366.4 → 178.7 M instructions, the rule with
        // `spelled_capital_words` 382.9 → 195.2 M (callgrind of the native build).
        // Pairs of bytes zipped with the room left (a write at each `len` up to
        // `gathered.len() - 8`): no bounds check in the loop.
        // Entered only where a two-byte character follows another: a lone one
        // (`é` in a French word) and ASCII take the step below, which in wasm
        // costs less than setting this loop up (Node, `--cpu-prof` of 10 MB of
        // French prose: with the loop set up at every step, this rule's
        // `capital_words` had gone from 5.6 to 8.1 % of the lint).
        if two_byte_runs && bytes[at] & 0xe0 == 0xc0 && bytes.get(at + 2).is_some_and(|b| b & 0xe0 == 0xc0) {
            let room = (gathered.len() - 7).saturating_sub(len);
            let mut run = 0;
            for (&[lead, second], out) in bytes[at..].as_chunks::<2>().0.iter().zip(&mut gathered[len..len + room]) {
                if lead & 0xe0 != 0xc0 {
                    break;
                }
                let stand_in = two_bytes[usize::from(lead & 0x1f) << 6 | usize::from(second & 0x3f)];
                if stand_in >= NO_CASE {
                    // No case, or draws nothing: the step below.
                    break;
                }
                *out = stand_in;
                run += 1;
            }
            if run > 0 {
                (len, at) = (len + run, at + 2 * run);
                continue;
            }
        }
        let b = bytes[at];
        let (stand_in, width) = if b.is_ascii() {
            (b, 1)
        } else if b & 0xe0 == 0xc0 {
            // U+0080 to U+07FF: valid UTF-8 (a `str`) has its second byte.
            let second = bytes.get(at + 1).copied().unwrap_or(0);
            (two_bytes[usize::from(b & 0x1f) << 6 | usize::from(second & 0x3f)], 2)
        } else {
            wide_stand_in(text, at)?
        };
        if stand_in == NO_CASE {
            return None;
        }
        if stand_in == DRAWS_NOTHING && len > 0 && gathered[len - 1].is_ascii_alphabetic() {
            // Inside a word: it goes on. Elsewhere it stands as the other
            // characters that are no letters do (`#`: a line starting with one is no quote).
            at += width;
            continue;
        }
        let stand_in = if stand_in == DRAWS_NOTHING { b'#' } else { stand_in };
        gathered[len] = stand_in;
        (len, at) = (len + 1, at + width);
    }
    counts.add(&gathered[..len]);
    let StandInCounts { words, capitals, spelled } = counts;
    Some(((words, capitals), spelled))
}

/// What `stand_in_capital_words` has counted of the stand-ins so far.
#[derive(Default)]
struct StandInCounts {
    words: usize,
    capitals: usize,
    spelled: usize,
}

impl StandInCounts {
    /// Counts `stand_ins`, whole lines or a line's start cut after a byte that is no letter.
    fn add(&mut self, stand_ins: &[u8]) {
        let ((w, c), s) = ascii_runs(stand_ins);
        self.words += w;
        self.capitals += c;
        self.spelled += s;
    }
}

/// A line's start longer than `stand_in_capital_words`' buffer, `gathered[..len]`
/// with no line end: what decides its count is kept in a few bytes and the rest
/// counted into `counts` (a word spelled letter by letter across the cut, one in
/// `STAND_IN_CHUNK` bytes at most, is read as two parts there), so the buffer never grows (a line of 30 MB, a single one, would
/// have taken a buffer of 30 MB). Blanks alone: nothing (the line's first other
/// byte is still to come); a quoted line: its `>` (nothing of it counts); an
/// unquoted one: counted up to its last byte that is no letter, and the word
/// going on there kept as `#` (unquoted, no letter) and three letters of its
/// case, `AAA` when all of its letters so far are capitals, else `aaa`.
/// Returns the new length.
fn shorten_line_start(gathered: &mut [u8], len: usize, counts: &mut StandInCounts) -> usize {
    let start = &gathered[..len];
    let Some(first) = start.iter().position(|&b| !is_indent(b)) else { return 0 };
    if start[first] == b'>' {
        gathered[0] = b'>';
        return 1;
    }
    let cut = start.iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |at| at + 1);
    counts.add(&start[..cut]);
    let word = &start[cut..];
    let kept: &[u8] = match word.len() {
        0..3 => word,
        _ if word.iter().all(u8::is_ascii_uppercase) => b"AAA",
        _ => b"aaa",
    };
    let kept_len = kept.len();
    let mut shortened = [b'#'; 4];
    shortened[1..=kept_len].copy_from_slice(kept);
    gathered[..=kept_len].copy_from_slice(&shortened[..=kept_len]);
    kept_len + 1
}

/// The ASCII byte a character past ASCII stands as to `capital_words`: `a` for
/// a lowercase letter, `A` for an uppercase one, a tab for white space (which
/// a quoted line's `>` may follow, as `str::trim_start` drops it; no space, which
/// parts letters spelled one by one: `spells` reads ASCII's alone, ours), `#` for
/// anything else; `None` for a letter of no case.
fn stand_in(c: char) -> Option<u8> {
    Some(if unicode::is_invisible(c) || unicode::is_combining_mark(c) {
        // Inside the word it stands in (`mixed_capital_words`).
        DRAWS_NOTHING
    } else if !unicode::is_alphabetic(c) {
        if c.is_whitespace() { b'\t' } else { b'#' }
    } else if c.is_lowercase() {
        b'a'
    } else if c.is_uppercase() {
        b'A'
    } else {
        return None;
    })
}

/// The stand-in of the character of three or four bytes at `at` and its
/// length: an emoji or a symbol (`pictograph_width`) is `#` without being
/// decoded (no letter, no space, draws something: a test reads them all), any
/// other is decoded for `stand_in`. #14: on 10 MB of English prose with an
/// emoji every 15 characters, each was decoded and its properties asked
/// (`stand_in`, 67.9 M instructions); callgrind of the native build, `check`
/// 174.0 → 109.7 M instructions, this function 17.4 M of it. Out of the loop,
/// which French and Polish text (no such character) runs: the branch in it had
/// cost 10 MB of French prose 7 M (118.3 → 125.2 M; out of it, 119.7 M).
#[inline(never)]
fn wide_stand_in(text: &str, at: usize) -> Option<(u8, usize)> {
    if let Some(width) = pictograph_width(text.as_bytes(), at) {
        return Some((b'#', width));
    }
    let c = text.get(at..).and_then(|rest| rest.chars().next())?;
    Some((stand_in(c).unwrap_or(NO_CASE), c.len_utf8()))
}

/// The length in UTF-8 of the character at `at` when it is an emoji or a
/// symbol read from its first bytes: U+1F300–U+1FAFF (`F0 9F 8C`–`F0 9F AB`:
/// pictographs, emoticons, transport and map symbols, skin tones, the
/// supplemental symbols; not U+1F100–U+1F2FF, whose enclosed letters and
/// digits are letters to `stand_in` and digits to NFKC, nor U+1FB00–U+1FBFF
/// with its segmented digits) and U+2600–U+27FF (`E2 98`–`E2 9F`: the
/// miscellaneous symbols and dingbats, `✅`, `❤`). None of them is a letter, a
/// space, a digit, a sign NFKC writes in ASCII or a character that draws
/// nothing: `stand_in` makes each `#` and `money_amounts`' `drawn_as` nothing
/// (their tests read every one). `None` for any other character.
pub(super) fn pictograph_width(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at..at + 3)? {
        &[0xf0, 0x9f, third] if (0x8c..=0xab).contains(&third) => Some(4),
        &[0xe2, second, _] if (0x98..=0x9f).contains(&second) => Some(3),
        _ => None,
    }
}

/// What `two_byte_stand_ins` holds for a letter of no case: no ASCII byte.
const NO_CASE: u8 = 0x80;
/// The stand-in of a character that draws nothing or a combining mark: none,
/// the word goes on (`mixed_capital_words`).
const DRAWS_NOTHING: u8 = 0x81;

/// `stand_in` of every character of two UTF-8 bytes (U+0080 to U+07FF: the
/// accented Latin, Greek and Cyrillic letters of European text), `NO_CASE` for none,
/// made once: a table read instead of three property searches a letter.
fn two_byte_stand_ins() -> &'static [u8; 0x800] {
    static TABLE: std::sync::OnceLock<[u8; 0x800]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [NO_CASE; 0x800];
        for (cp, slot) in (0u32..).zip(table.iter_mut()).skip(0x80) {
            *slot = char::from_u32(cp).and_then(stand_in).unwrap_or(NO_CASE);
        }
        table
    })
}

/// `capital_words` of one unquoted line with characters past ASCII, in one pass:
/// a word is a run of alphabetic characters, its ASCII letters told apart by
/// the class table and only the other characters decoded (#14: the lines of
/// French, Spanish and Polish text are such lines, and splitting them by a
/// predicate, then reading each word again, was a fifth of a 10 MB lint).
fn mixed_capital_words(line: &str) -> (usize, usize) {
    let (mut words, mut capitals) = (0, 0);
    // The word's counts are three locals the closure is lent: a `Word` struct
    // taken out of the loop by `mem::take` and handed over (reviewed, measured)
    // cost 25–36 M instructions more on 10 MB of French text.
    let (mut letters, mut upper, mut lower) = (0, 0, 0);
    let mut end_word = |letters: &mut usize, upper: &mut usize, lower: &mut usize| {
        // A letter of a caseless script (CJK, Arabic…) makes the word not count.
        if *letters >= 3 && *upper + *lower == *letters {
            words += 1;
            capitals += usize::from(*lower == 0);
        }
        (*letters, *upper, *lower) = (0, 0, 0);
    };
    let bytes = line.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if CLASSES[usize::from(b)] == LETTER {
                letters += 1;
                upper += usize::from(b & 0x20 == 0);
                lower += usize::from(b & 0x20 != 0);
            } else {
                end_word(&mut letters, &mut upper, &mut lower);
            }
            at += 1;
            continue;
        }
        let Some(c) = line[at..].chars().next() else { break };
        at += c.len_utf8();
        if unicode::is_alphabetic(c) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
            lower += usize::from(c.is_lowercase());
        } else if !unicode::is_invisible(c) && !unicode::is_combining_mark(c) {
            // A character that draws nothing (zero-width space, soft hyphen) or a
            // mark on the letter before it stays inside the word (`P\u{200b}LEASE`,
            // `P\u{332}L\u{332}…`), as UAX #29 ignores Format and Extend characters
            // between a word's letters (rule WB4).
            end_word(&mut letters, &mut upper, &mut lower);
        }
    }
    end_word(&mut letters, &mut upper, &mut lower);
    (words, capitals)
}

/// What `mixed_capital_words` tells apart in a byte.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const LINE_END: u8 = 2;
const CLASSES: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphabetic() {
            table[b] = LETTER;
        }
        b += 1;
    }
    table[b'\n' as usize] = LINE_END;
    table
};

/// Whether an ASCII byte may come before a quoted line's `>`: the white space
/// `str::trim_start` drops (tab, VT, FF, CR, space; a line end ends the line).
fn is_indent(b: u8) -> bool {
    matches!(b, b'\t' | 0x0b | 0x0c | b'\r' | b' ')
}

/// `capital_words` of an ASCII text (#14: most bodies are ASCII): the words of
/// three letters or more and those in capitals (`ascii_counts`), and the words
/// of capitals spelled letter by letter (`spelled_capital_words`), whose first
/// pass `ascii_counts` makes with its own.
fn ascii_runs(text: &[u8]) -> ((usize, usize), usize) {
    let (counts, may_spell) = ascii_counts(text);
    (counts, if may_spell { spelled_words_found(text) } else { 0 })
}

/// Words of three letters or more, and those in capitals, in an ASCII text
/// without its quoted lines; and whether those lines hold three single
/// capitals two bytes apart (`ascii_unquoted_counts`: a word spelled letter by
/// letter outside quoted lines has them in its line). A line is quoted when its
/// first byte other than the white space `str::trim_start` drops (tab, VT, FF,
/// CR, space) is `>`; a line end ends a word, as `str::lines` does (the CR it
/// drops is no letter either). A text without `>` has no quoted line and is
/// counted whole.
fn ascii_counts(text: &[u8]) -> ((usize, usize), bool) {
    debug_assert!(text.is_ascii());
    if crate::text::find_any([b'>'], text).is_none() {
        return ascii_unquoted_counts(text);
    }
    let (mut words, mut capitals, mut may_spell) = (0, 0, false);
    let mut at = 0;
    while at < text.len() {
        let mut first = at;
        while text.get(first).is_some_and(|&b| is_indent(b)) {
            first += 1;
        }
        let end = memchr::memchr(b'\n', &text[first..]).map_or(text.len(), |i| first + i);
        if text.get(first) != Some(&b'>') {
            let ((w, c), s) = ascii_unquoted_counts(&text[first..end]);
            words += w;
            capitals += c;
            may_spell |= s;
        }
        at = end + 1;
    }
    ((words, capitals), may_spell)
}

/// The high bit of each byte of `x` (eight ASCII bytes) that is a letter:
/// `b | 0x20` is from `a` to `z` exactly then, and adding 0x1F and 0x05 to such
/// bytes (under 0x80) carries into no other byte.
fn ascii_letter_bits(x: u64) -> u64 {
    let x = x | 0x2020_2020_2020_2020;
    x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f) & !x.wrapping_add(0x0505_0505_0505_0505) & HIGH
}

/// The high bits of the eight bytes of `high` (nothing else set) as the eight
/// low bits of a byte, the first byte's lowest: the product adds each lane's bit
/// once at bit 56 + its lane, every other product of two bits at another bit
/// under 56 or past 63 (no two at one bit, so nothing carries).
#[inline(always)]
fn lane_bits(high: u64) -> u64 {
    (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Words of three letters or more, and those in capitals, in ASCII text with no
/// quoted line, and whether it holds three single capitals (no letter against
/// them) two bytes apart, as each letter of a word spelled letter by letter is
/// (what `spelled_words_found` reads then; `spelled_capital_words`' own first
/// pass, on any three capitals two bytes apart, also stops at `HELLO`). Each
/// byte is a bit of a `u64` of 64 bytes: the letters and the capitals of each
/// eight (`ascii_letter_bits`) brought down to a byte (`lane_bits`), then the
/// words read on the 64 bits at once: a word of three letters or more ends at
/// a byte that is no letter after three that are. Whether it is in capitals is
/// read only where those three are capitals (rare in most text): back over the
/// capitals before them, it is when what comes before those is no letter (no
/// lowercase one); the capitals are read again once each, so a text all in
/// capitals stays linear.
/// #14: the words had been read on the high bits of each eight (a step of
/// eight bytes with their carries from the eight before), and the capitals'
/// first pass for `spelled_capital_words` made again over the text; on 10 MB of
/// English prose the two took 52.7 + 29.4 M instructions, this one 37.5 M
/// (callgrind of the native build; the whole lint 924.6 → 879.9 M, French
/// 1,075.6 → 1,025.3, Polish 1,179.3 → 1,131.3, Russian 1,194.3 → 1,164.3,
/// the corpus 1,551.7 → 1,531.7, the rule on it 53.8 → 32.2 M). The first
/// pass on any three capitals sent every word of five capitals or more to the
/// byte-by-byte reading (14.6 M of the corpus' pass); on single capitals the
/// corpus 1,543.3 → 1,531.7 M, English prose 878.2 → 879.9.
fn ascii_unquoted_counts(text: &[u8]) -> ((usize, usize), bool) {
    let (mut words, mut capitals, mut spelled) = (0usize, 0usize, 0u64);
    // The letters, the capitals and the single capitals of the 64 bytes before.
    let (mut letters_before, mut upper_before, mut single_before) = (0u64, 0u64, 0u64);
    let mut step = |letters: u64, upper: u64, start: usize| {
        let after_1 = letters << 1 | letters_before >> 63;
        let after_2 = letters << 2 | letters_before >> 62;
        let after_3 = letters << 3 | letters_before >> 61;
        let ends = !letters & after_1 & after_2 & after_3;
        words += ends.count_ones() as usize;
        let upper_2 = upper << 2 | upper_before >> 62;
        let shouted = ends & (upper << 1 | upper_before >> 63) & upper_2 & (upper << 3 | upper_before >> 61);
        if shouted != 0 {
            capitals += words_in_capitals(text, start, shouted);
        }
        // The capitals with no letter before nor after them, at the bit after
        // each (a letter of this step is known, not yet one of the next), and
        // those with such capitals two and four bytes before them.
        let single = (upper << 1 | upper_before >> 63) & !after_2 & !letters;
        spelled |= single & (single << 2 | single_before >> 62) & (single << 4 | single_before >> 60);
        (letters_before, upper_before, single_before) = (letters, upper, single);
    };
    let bits = |eight: &[u8; 8]| {
        let x = u64::from_le_bytes(*eight);
        let letters = ascii_letter_bits(x);
        // A letter without the lowercase bit 0x20 (moved onto the high bit).
        (lane_bits(letters), lane_bits(letters & !(x << 2)))
    };
    let (blocks, rest) = text.as_chunks::<8>();
    let (groups, last_blocks) = blocks.as_chunks::<8>();
    for (index, group) in groups.iter().enumerate() {
        let (mut letters, mut upper) = (0u64, 0u64);
        for (lane, eight) in group.iter().enumerate() {
            let (l, u) = bits(eight);
            (letters, upper) = (letters | l << (8 * lane), upper | u << (8 * lane));
        }
        step(letters, upper, index * 64);
    }
    // The last blocks and bytes, the rest of the eight zeros (at most seven
    // blocks before them: a byte of no letter after the text, where a word at
    // its end ends).
    let (mut letters, mut upper) = (0u64, 0u64);
    for (lane, eight) in last_blocks.iter().enumerate() {
        let (l, u) = bits(eight);
        (letters, upper) = (letters | l << (8 * lane), upper | u << (8 * lane));
    }
    // Arrays of eight: a slice's `copy_from_slice` stays a call in the wasm (opt-level "s").
    let mut bytes = [0u8; 8];
    bytes[..rest.len()].copy_from_slice(rest);
    let (l, u) = bits(&bytes);
    let lane = last_blocks.len();
    (letters, upper) = (letters | l << (8 * lane), upper | u << (8 * lane));
    step(letters, upper, groups.len() * 64);
    ((words, capitals), spelled != 0)
}

/// Of the words of `ascii_unquoted_counts` ending in the 64 bytes at `start`
/// after three capitals (`shouted`: the bits of the bytes after them), those in
/// capitals: with no lowercase letter before those capitals. Apart from the
/// loop over blocks, so that it stays a few instructions a block (inline, the
/// closure had become a call a block: on 10 MB of English prose 61.2 M in the
/// closure and 8.6 M in its caller, against 52.7 M in all).
#[inline(never)]
fn words_in_capitals(text: &[u8], start: usize, mut shouted: u64) -> usize {
    let mut capitals = 0;
    while shouted != 0 {
        // The byte after the word (at most the text's end: past it, the block holds zeros).
        let end = start + shouted.trailing_zeros() as usize;
        shouted &= shouted - 1;
        let before = text[..end].iter().rposition(|b| !b.is_ascii_uppercase());
        capitals += usize::from(before.is_none_or(|at| !text[at].is_ascii_lowercase()));
    }
    capitals
}

/// Most lines a signature block may have for `without_signature` to leave it out
/// (ours: the Usenet convention is 4 (RFC 3676 §4.3's "sig dashes" and the McQuary
/// limit); the legal footers company law asks of an invoice run to 6–8).
pub const MAX_SIGNATURE_LINES: usize = 10;
/// Most bytes a signature block may hold for `without_signature` to leave it out
/// (ours: ten lines of 100 characters; the legal footers of the audit ran to
/// 300–500 bytes): a longer block behind a `-- ` line is text the reader reads,
/// and a spam that puts its capitals there hides at most this much (an
/// adversarial audit, 2026-12-06, hid 10 MB behind one `-- ` line before the cap).
pub const MAX_SIGNATURE_BYTES: usize = 1_000;

/// `text` without its signature block: what follows the last signature
/// separator, a line that is `-- ` (RFC 3676 §4.3; `--` where a mailer or an HTML
/// rendering trimmed the space), when at most `MAX_SIGNATURE_LINES` lines with text
/// follow it and text comes before it. A signature is the sender's standing
/// footer, not what the message says, and the legal mentions the law asks of a
/// company's mail (France: Code de commerce R123-237; Poland: KSH art. 206; Spain:
/// Ley 34/2002 art. 10) are often written in capitals: a short invoice note with
/// one had read as 56–61 % shouting (a trust audit of 468 legitimate messages,
/// 2026-12-06: 34 warned, each scored 0 by SpamAssassin 4.0 and rspamd 3.4).
fn without_signature(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    // From the end: each line start, counting the lines with text after it.
    let mut lines_with_text = 0;
    while end > 0 {
        let start = memchr::memrchr(b'\n', &bytes[..end - 1]).map_or(0, |n| n + 1);
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        if line.trim_end_matches(' ') == "--" {
            let before = &text[..start];
            let block = text.len() - end;
            return if lines_with_text > 0 && block <= MAX_SIGNATURE_BYTES && !before.trim().is_empty() { before } else { text };
        }
        if text.len() - start > MAX_SIGNATURE_BYTES + 8 {
            return text; // Past any block a signature can be (the 8: the separator line itself).
        }
        if !line.trim().is_empty() {
            lines_with_text += 1;
            if lines_with_text > MAX_SIGNATURE_LINES {
                return text;
            }
        }
        end = start;
    }
    text
}

fn check(message: &Message, cx: &mut Context) {
    let (mut words, mut capitals) = (0, 0);
    let bodies = reading::bodies(message);
    // The quote of an HTML reply is the quoted message's words, as its `>` lines
    // are (`capital_words` leaves those out): left out too, in a message that
    // answers or forwards one (`reading::answers_a_message`, as `spam/sales-language`).
    let answers = reading::answers_a_message(message);
    for body in &bodies {
        let unquoted = if answers { body.unquoted_html() } else { None };
        let (w, c) = capital_words(without_signature(unquoted.unwrap_or(&body.text)));
        words += w;
        capitals += c;
    }
    let Some(first) = bodies.first() else { return };
    if words == 0 || words < cx.settings.count(&BODY_CAPS_MIN_WORDS) {
        return;
    }
    let share = capitals as f64 / words as f64;
    let warning_share = cx.settings.number(&BODY_CAPS_WARNING_SHARE);
    let info_share = cx.settings.number(&BODY_CAPS_INFO_SHARE).min(warning_share);
    let (severity, limit) = match share {
        s if s >= warning_share => (Severity::Warning, warning_share),
        s if s >= info_share => (Severity::Info, info_share),
        _ => return,
    };
    let evidence: String = first.text.split_whitespace().take(40).collect::<Vec<_>>().join(" ");
    cx.emit(
        Draft::new(
            Msg::of(&SHOUTING)
                .int("percent", (share * 100.0).round() as i64)
                .int("capitals", capitals)
                .int("words", words)
                .int("limit", (limit * 100.0).round() as i64),
        )
        .evidence(evidence)
        .at(reading::place_location(message, first))
        .severity(severity),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quote_of_an_html_reply_is_left_out_as_quoted_lines_are() {
        let mine = "<p>Thank you for the offer, we will think about it and come back to you next week with our answer.</p>";
        let theirs = format!("<p>{}</p>", "HUGE SAVINGS ON EVERY ORDER THIS WEEK ONLY ".repeat(8));
        let severity = |head: &str, html: &str| {
            let raw = format!("From: a@example.com\r\nTo: b@example.org\r\n{head}Content-Type: text/html\r\n\r\n{html}\r\n");
            let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
            let first = report.findings_of(ID).map(|f| f.severity).next();
            first
        };
        let reply = format!("{mine}<blockquote type=\"cite\">{theirs}</blockquote>");
        assert_eq!(severity("Subject: Re: offer\r\n", &reply), None);
        // A message that answers nothing: what it wraps as a quote is its own shouting.
        assert_eq!(severity("Subject: offer\r\n", &reply), Some(Severity::Warning));
    }

    #[test]
    fn a_signature_block_is_left_out_of_the_count() {
        let note = "Bonjour,\n\nVeuillez trouver ci-joint votre facture. Merci pour votre confiance et à bientôt.\n\nCordialement,\nCamille\n";
        let footer = "ATELIER LUMIÈRE SARL AU CAPITAL DE 10 000 € – 3 PLACE SATHONAY, 69001 LYON\nRCS LYON 812 345 678 – SIRET 812 345 678 00021\nEN CAS DE RETARD DE PAIEMENT, INDEMNITÉ FORFAITAIRE DE 40 € POUR FRAIS DE RECOUVREMENT\n";
        for separator in ["-- \n", "--\n", "-- \r\n", "--  \n"] {
            let text = format!("{note}{separator}{footer}");
            assert_eq!(without_signature(&text), note, "{separator:?}");
        }
        // Not a separator: text on the line, a separator with nothing after it or
        // nothing before it, a block longer than a signature.
        for text in [
            format!("{note}--- \n{footer}"),
            format!("{note}-- x\n{footer}"),
            format!("{note}-- \n\n"),
            format!("-- \n{footer}"),
            format!("{note}-- \n{}", "LINE OF A LONG BLOCK IN CAPITALS\n".repeat(MAX_SIGNATURE_LINES + 1)),
            // Ten lines, but longer than a signature block: text the reader reads.
            format!("{note}-- \n{}", format!("{}\n", "CAPITALS ".repeat(12)).repeat(MAX_SIGNATURE_LINES)),
            format!("Hi,\n-- \n{}\n", "WIN CASH NOW ".repeat(1_000_000)),
        ] {
            assert_eq!(without_signature(&text), text);
        }
        // The last separator with a short block after it counts; blank lines are no lines of text.
        let text = format!("{note}-- \nquoted sig\n\nmore\n-- \n{footer}\n\n");
        assert_eq!(without_signature(&text), format!("{note}-- \nquoted sig\n\nmore\n"));
        let text = format!("{note}-- \n{}", "SIGNATURE LINE\n\n".repeat(MAX_SIGNATURE_LINES));
        assert_eq!(without_signature(&text), note);
    }

    #[test]
    fn a_short_invoice_note_with_a_legal_footer_in_capitals_is_no_shouting() {
        let raw = "From: a@example.com\nTo: b@example.com\nSubject: Facture\nContent-Type: text/plain; charset=utf-8\n\nBonjour,\n\nVeuillez trouver ci-joint votre facture. Merci pour votre confiance et à bientôt.\n\nCordialement,\nCamille\n\n-- \nATELIER LUMIÈRE SARL AU CAPITAL DE 10 000 € – 3 PLACE SATHONAY, 69001 LYON\nRCS LYON 812 345 678 – SIRET 812 345 678 00021 – APE 3320C – TVA FR12 812345678\nEN CAS DE RETARD DE PAIEMENT, INDEMNITÉ FORFAITAIRE DE 40 € POUR FRAIS DE RECOUVREMENT\n";
        let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
        assert!(!report.findings.iter().any(|f| f.rule_id == ID), "{:?}", report.findings);
        // The same capitals in the body itself still shout.
        let shouting = raw.replace("\n-- \n", "\n");
        let report = crate::lint(shouting.as_bytes(), &crate::Options::default()).expect("lints");
        assert!(report.findings.iter().any(|f| f.rule_id == ID && f.severity == Severity::Warning), "{:?}", report.findings);
    }

    #[test]
    fn the_ascii_path_counts_as_the_general_one() {
        // The general path, line by line: a separate " é" (a word too short to
        // count) makes each line non-ASCII.
        fn general(text: &str) -> (usize, usize) {
            let mut sums = (0, 0);
            for line in text.lines() {
                let ((w, c), _) = line_capital_words(&format!("{line} \u{e9}"));
                sums = (sums.0 + w, sums.1 + c);
            }
            sums
        }
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        for text in [
            "",
            "BIG SALE NOW ok NASA Mixed",
            "> QUOTED LINE\r\n  > INDENTED QUOTE\nfine WORDS here\r\n",
            "\t>TAB QUOTE\n\x0b> VT QUOTE\nAB ABC abc ABCD\rEFGH",
            every_ascii.as_str(),
            "end without newline CAPS",
        ] {
            assert_eq!(letter_runs(text).0, general(text), "{text:?}");
        }
        // Generated ASCII texts: words of every case and length, quotes after
        // each kind of leading white space, CR, LF and punctuation.
        let pieces = ["SALE", "ok", "Mixed", "ABC", "ab", "x", "NOW!", "Z", "z", "[", "`", "{", "ABCDEFGHIJ", "abcdefghijklmnopq", " ", "  ", "\t", "\x0b", "\x0c", "\r", "\n", "\r\n", ">", "> ", "-", "_", "1", "A1B", "@", "\x00"];
        let mut seed = 11u64;
        for _ in 0..4_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let mut state = seed;
            let text: String = (0..(seed >> 33) as usize % 60)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    pieces[(state >> 33) as usize % pieces.len()]
                })
                .collect();
            assert_eq!(letter_runs(&text).0, general(&text), "{text:?}");
        }
    }

    #[test]
    fn stand_ins_count_as_the_lines_do() {
        // Texts of every kind of character the stand-ins tell apart, quotes after
        // white space past ASCII (U+00A0, U+3000, U+0085) and after a character
        // that is none (`«`), line ends of both kinds, in lines long and short.
        let pieces = [
            "É", "é", "Ą", "ą", "ł", "Ł", "ß", "ª", "ʰ", "Σ", "σ", "Ж", "ж", "Ⓐ", "ⓐ", "Ⅻ", "ﬁ", "\u{301}", "\u{200b}",
            "\u{a0}", "\u{3000}", "\u{85}", "\u{2028}", "«", "€", "SALE", "ok", "Mixed", "ÉTÉ", "été", "ab", "x", " ", "  ",
            "\t", "\r", "\n", "\r\n", "\n> ", "\n\u{a0}>", "\n\u{3000}> ", "\n«>", "\n \u{85}>", ">", "-", "1",
        ];
        let mut counted = 0;
        crate::text::generated_texts(&pieces, 6_000, 60, |text| {
            let stand_in = stand_in_capital_words(text);
            assert_eq!(stand_in, Some(line_capital_words(text)), "{text:?}");
            counted += stand_in.map_or(0, |((words, _), _)| words);
        });
        assert!(counted > 5_000, "{counted} words");
        // The table of two-byte characters is `stand_in`.
        for cp in 0x80..0x800 {
            let c = char::from_u32(cp).unwrap();
            assert_eq!(two_byte_stand_ins()[cp as usize], stand_in(c).unwrap_or(NO_CASE), "U+{cp:04X}");
        }
        // A letter of no case gives the text to the lines: `ǅ` (titlecase), `会`, `ا`, `ƻ`;
        // a NUL byte or a replacement character does not.
        assert_eq!(stand_in_capital_words("NUL\0byte \u{fffd}ABC ok"), Some(((3, 2), 0)));
        for text in ["BIG SALE \u{1c5}abc", "BIG 会议 SALE", "ok ا NOW", "SALE ƻ"] {
            assert_eq!(stand_in_capital_words(text), None, "{text:?}");
            assert_eq!(letter_runs(text), line_capital_words(text), "{text:?}");
        }
        // Texts past the chunk: words and quoted lines either side of where it is cut,
        // and lines longer than a chunk: unquoted, quoted, after a long indent, with
        // a word longer than a chunk in capitals and not, a quote mark right after a cut.
        let line = "ÉTÉ SALE ok été Mixed \u{a0}> NOT QUOTED\r\n\u{a0}> QUOTED ÉTÉ LINE\nŁÓDŹ";
        let long_word = "A".repeat(3 * STAND_IN_CHUNK);
        let mixed_word = format!("{}b{}", "A".repeat(STAND_IN_CHUNK), "É".repeat(STAND_IN_CHUNK));
        for text in [
            line.repeat(5_000),
            format!("{}\n> QUOTED", "é WORD ".repeat(20_000)),
            "ÉTÉ ".repeat(40_000),
            format!("> {}\nNOT QUOTED ÉTÉ", "ÉTÉ ".repeat(40_000)),
            format!("{}> QUOTED ÉTÉ {}\nNEXT été", " \u{a0}".repeat(50_000), "ÉTÉ ".repeat(30_000)),
            format!("é {long_word} ok {long_word}\n{mixed_word} é"),
            format!("ab {mixed_word}\r\n{long_word}"),
            format!("{}", "é ".repeat(STAND_IN_CHUNK / 3) + &" > NOT A QUOTE ÉTÉ".repeat(10_000)),
            format!("{}{}", "x".repeat(STAND_IN_CHUNK - 1), "\n> QUOTED ÉTÉ ".repeat(20_000)),
        ]
        .into_iter()
        // Cuts at every phase of short words and of quote marks inside a line.
        .chain(["é", "é ", "éa", "éab", "é A"].into_iter().flat_map(|lead| {
            [format!("{lead}{}", "ab ".repeat(100_000)), format!("{lead}{}", " > WORD".repeat(50_000))]
        })) {
            assert!(text.len() > STAND_IN_CHUNK);
            assert_eq!(stand_in_capital_words(&text), Some(line_capital_words(&text)), "{}", &text[..80]);
        }
    }

    #[test]
    fn pictographs_stand_as_their_stand_in() {
        let pictographs = ('\u{1f300}'..='\u{1faff}').chain('\u{2600}'..='\u{27ff}');
        for c in pictographs {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert_eq!(pictograph_width(bytes, 0), Some(bytes.len()), "U+{:04X}", c as u32);
            assert_eq!(stand_in(c), Some(b'#'), "U+{:04X}", c as u32);
        }
        // Every other character is decoded.
        let other = |c: &char| !matches!(c, '\u{1f300}'..='\u{1faff}' | '\u{2600}'..='\u{27ff}');
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32).filter(other) {
            let mut utf8 = [0; 4];
            assert_eq!(pictograph_width(c.encode_utf8(&mut utf8).as_bytes(), 0), None, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn emoji_text_counts_as_the_lines_do() {
        // Emoji, ZWJ sequences, skin tones, variation selectors, flags, keycaps,
        // enclosed and fullwidth letters, Cyrillic and Greek capitals, spaces.
        let pieces = [
            " ", "\n", "\n> ", "HELLO", "Word", "free", "a", "B", "🚀", "👉", "✅", "❤\u{fe0f}", "👩\u{200d}💻", "👍\u{1f3fd}", "🇫🇷",
            "1\u{fe0f}\u{20e3}", "\u{1f130}", "\u{1f170}", "\u{1fbf5}", "Ｆ", "ＲＥＥ", "ПРИВЕТ", "привет", "ΑΒΓ", "é", "\u{a0}", "\u{2003}",
            "\u{200b}", "\u{2160}", "\u{24b6}", "€", "$5", "!",
        ];
        crate::text::generated_texts(&pieces, 4_000, 60, |text| {
            if let Some(counted) = stand_in_capital_words(text) {
                assert_eq!(counted, line_capital_words(text), "{text:?}");
            }
        });
    }

    #[test]
    fn the_corpus_counts_as_the_lines_do() {
        crate::text::each_corpus_text("the_corpus_counts_as_the_lines_do", |path, text| {
            if let Some(counted) = stand_in_capital_words(text) {
                assert_eq!(counted, line_capital_words(text), "{}", path.display());
            }
        });
    }

    #[test]
    fn runs_of_two_byte_letters_count_as_a_character_a_step() {
        // Cyrillic, Greek and accented Latin letters of both cases, with what ends a
        // run of them (ASCII, a mark or a character that draws nothing, one of no
        // case, three and four bytes, a two-byte space or sign), quotes, digits,
        // currencies, spelled capitals.
        let pieces = [
            "Б", "б", "Ж", "ж", "Ё", "ё", "Σ", "σ", "Ω", "ά", "É", "é", "Ł", "ł", "ß", "ǅ", "ا", "ש", "会", "€", "$", "£", "¥",
            "\u{a0}", "\u{85}", "\u{301}", "\u{200b}", "\u{ad}", "\u{3000}", "\u{2028}", "\u{feff}", "𝐀", "«", "»", "БЕСПЛАТНО",
            "скидка", "ΜΕΓΑΛΗ", "προσφορά", "ZAŻÓŁĆ", "Б Е С", "Σ-Ω-Ρ", "A B C", "SALE", "ok", " ", "  ", "\t", "\n", "\r\n",
            "\n> ", "\n\u{a0}> ", "&gt; ", "1", "2026", "5 000 ₽", ".", "-", "_",
        ];
        crate::text::generated_texts(&pieces, 8_000, 80, |text| {
            let counted = stand_in_capital_words(text);
            assert_eq!(counted, stand_ins_counted(text, false), "{text:?}");
            // And, shorter than the buffer, as the lines a character at a time count them.
            if let Some(counted) = counted {
                assert_eq!(counted, line_capital_words(text), "{text:?}");
            }
        });
        // Past the buffer, its flushes at every phase of a run: a line end, or a
        // line longer than the buffer (its start cut), after 0 to 16 bytes.
        for lead in 0..17 {
            let lead = "x".repeat(lead % 9) + &"ж".repeat(lead / 9);
            for body in ["БЕСПЛАТНО скидка ", "Б Е С П Л А Т Н О ", "ΜΕΓΑΛΗ\n", "ŁÓDŹ ZAŻÓŁĆ\r\n> ЦИТАТА ", "ЖЖ\u{301}Ж ж\u{200b}ЖЖ "] {
                let text = format!("{lead}{}", body.repeat(2 * STAND_IN_CHUNK / body.len() + 3));
                assert!(text.len() > STAND_IN_CHUNK);
                assert_eq!(stand_in_capital_words(&text), stand_ins_counted(&text, false), "{lead:?} {body:?}");
            }
        }
        // A letter of no case after a long run: the general path, as before.
        let text = format!("{}ǅ", "Ж".repeat(STAND_IN_CHUNK));
        assert_eq!(stand_in_capital_words(&text), None);
    }

    /// The ASCII count as it was before stop 77 (`ascii_unquoted_counts`), a step
    /// of eight bytes with the words read on their high bits, and the first pass
    /// of `spelled_capital_words` made apart: what the new one is held to.
    mod before {
        use super::super::{ascii_letter_bits, is_indent};
        use crate::text::{marked_lanes, HIGH};

        /// `capital_words` of an ASCII text (#14: most bodies are ASCII). A line is
        /// quoted when its first byte other than the white space `str::trim_start`
        /// drops (tab, VT, FF, CR, space) is `>`; a line end ends a word, as
        /// `str::lines` does (the CR it drops is no letter either). A text without `>`
        /// has no quoted line and is counted whole.
        pub(super) fn ascii_capital_words(text: &[u8]) -> (usize, usize) {
            debug_assert!(text.is_ascii());
            if crate::text::find_any([b'>'], text).is_none() {
                return ascii_unquoted_capital_words(text);
            }
            let (mut words, mut capitals) = (0, 0);
            let mut at = 0;
            while at < text.len() {
                let mut first = at;
                while text.get(first).is_some_and(|&b| is_indent(b)) {
                    first += 1;
                }
                let end = memchr::memchr(b'\n', &text[first..]).map_or(text.len(), |i| first + i);
                if text.get(first) != Some(&b'>') {
                    let (w, c) = ascii_unquoted_capital_words(&text[first..end]);
                    words += w;
                    capitals += c;
                }
                at = end + 1;
            }
            (words, capitals)
        }

        /// Words of three letters or more, and those in capitals, in ASCII text with no
        /// quoted line, eight bytes a step without a branch a word (#14: a byte at a
        /// time, this rule was a tenth of a 10 MB English text's lint). Each byte is a
        /// bit (its high bit): a word of three letters or more ends at a byte that is
        /// no letter after three that are. Whether it is in capitals is read only where
        /// those three are capitals (rare in most text): back over the capitals before
        /// them, it is when what comes before those is no letter (no lowercase one).
        /// #14: the lowercase bits had been carried over each word by a prefix OR in
        /// every block; 10 MB of English prose, this function 83.3 → 52.7 M
        /// instructions (callgrind of the native build); the capitals are read again
        /// once each, so a text all in capitals stays linear.
        pub(super) fn ascii_unquoted_capital_words(text: &[u8]) -> (usize, usize) {
            let (mut words, mut capitals) = (0usize, 0usize);
            // The bits of the eight bytes before: letters, and capitals.
            let (mut letters_before, mut upper_before) = (0u64, 0u64);
            let mut block = |x: u64, start: usize| {
                let letters = ascii_letter_bits(x);
                // A letter without the lowercase bit 0x20 (moved onto the high bit).
                let upper = letters & !(x << 2);
                let after_1 = letters << 8 | letters_before >> 56;
                let after_2 = letters << 16 | letters_before >> 48;
                let after_3 = letters << 24 | letters_before >> 40;
                let ends = !letters & HIGH & after_1 & after_2 & after_3;
                words += marked_lanes(ends);
                let shouted = ends & (upper << 8 | upper_before >> 56) & (upper << 16 | upper_before >> 48) & (upper << 24 | upper_before >> 40);
                if shouted != 0 {
                    capitals += words_in_capitals(text, start, shouted);
                }
                (letters_before, upper_before) = (letters, upper);
            };
            // Arrays of eight: a slice's `copy_from_slice` stays a call in the wasm (opt-level "s").
            let (blocks, rest) = text.as_chunks::<8>();
            for (index, eight) in blocks.iter().enumerate() {
                block(u64::from_le_bytes(*eight), index * 8);
            }
            // The last bytes, the rest of the eight zeros: no letters, so a word at the end ends there.
            let mut bytes = [0u8; 8];
            bytes[..rest.len()].copy_from_slice(rest);
            block(u64::from_le_bytes(bytes), blocks.len() * 8);
            (words, capitals)
        }

        /// Of the words of `ascii_unquoted_capital_words` ending in the block of eight
        /// at `start` after three capitals (`shouted`: the high bits of the bytes after
        /// them), those in capitals: with no lowercase letter before those capitals.
        /// Apart from the loop over blocks, so that it stays a few instructions a block
        /// (inline, the closure had become a call a block: on 10 MB of English prose
        /// 61.2 M in the closure and 8.6 M in its caller, against 52.7 M in all).
        #[inline(never)]
        fn words_in_capitals(text: &[u8], start: usize, mut shouted: u64) -> usize {
            let mut capitals = 0;
            while shouted != 0 {
                // The byte after the word (at most the text's end: past it, the block holds zeros).
                let end = start + shouted.trailing_zeros() as usize / 8;
                shouted &= shouted - 1;
                let before = text[..end].iter().rposition(|b| !b.is_ascii_uppercase());
                capitals += usize::from(before.is_none_or(|at| !text[at].is_ascii_lowercase()));
            }
            capitals
        }
    }

    /// The word counts of `ascii_unquoted_counts`.
    fn ascii_unquoted_capital_words(text: &[u8]) -> (usize, usize) {
        ascii_unquoted_counts(text).0
    }

    /// `ascii_runs` against the two passes before it (`before`, and
    /// `spelled_capital_words` whole), and the counts without quoted lines.
    fn assert_runs_as_before(text: &[u8], what: &dyn Fn() -> String) {
        let old = (before::ascii_capital_words(text), spelled_capital_words(text));
        assert_eq!(ascii_runs(text), old, "{}", what());
        assert_eq!(ascii_unquoted_counts(text).0, before::ascii_unquoted_capital_words(text), "{}", what());
    }

    #[test]
    fn lane_bits_gathers_each_lane_s_high_bit() {
        for pattern in 0u64..256 {
            let high = (0..8).filter(|lane| pattern >> lane & 1 == 1).fold(0u64, |x, lane| x | 0x80 << (8 * lane));
            assert_eq!(lane_bits(high), pattern, "{high:#x}");
        }
    }

    #[test]
    fn the_one_pass_counts_as_the_two_before_it() {
        // Capitals and lowercase at every place of a word and of 64 bytes,
        // words spelled letter by letter (`F R E E`, `P-L-E-A-S-E`, `U.S.A`, in
        // lowercase too), quoted lines after each kind of indent, HTML left as
        // text, the stand-ins of the text past ASCII (`#`, a tab), identifiers.
        let pieces = [
            "A", "B", "Z", "a", "z", "@", "[", "`", "{", "0", "9", " ", "  ", "\t", "\x0b", "\x0c", "\r", "\n", "\r\n", ">", "> ", "\n> ", "\n  >",
            "_", "-", ".", "#", "SALE", "NOW", "ok", "Mixed", "mIXED", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz",
            "ABCDEFGHIJKLMNOPq", "F R E E", " F R E E ", "M O N E Y  N O W", "P-L-E-A-S-E", "C.L.A.I.M", "f r e e", "A B", "A.B.c",
            "<b>", "</p>", "<a href=\"X\">", "&amp;", "FROM_ENDS_IN_NUMS", "\x00", "\x7f",
        ];
        crate::text::generated_texts(&pieces, 40_000, 60, |text| {
            assert_runs_as_before(text.as_bytes(), &|| format!("{text:?}"));
        });
        // Long texts: a word in capitals or a spelled one ending at each place of
        // 64 bytes and across two, after 0 to 130 bytes.
        for lead in 0..130 {
            for word in ["ABC", "ABCDEFGHIJK", "aBC", "ABCd", "AbCDEFGH", "F R E E", "X-Y-Z", "> QUOTED", "A B C D"] {
                for filler in ["x", "x ", "\n"] {
                    let text = format!("{}{word}", filler.repeat(lead));
                    assert_runs_as_before(text.as_bytes(), &|| format!("{text:?}"));
                    let text = format!("{} {word} tail", filler.repeat(lead));
                    assert_runs_as_before(text.as_bytes(), &|| format!("{text:?}"));
                }
            }
        }
        // Mail as it is written: the bodies of the corpus's messages as the rule
        // reads them (ASCII whole, other text as its lines' stand-ins).
        let (corpus, files) = crate::text::corpus_files();
        let mut read = 0;
        for path in &files {
            let Ok(raw) = std::fs::read(path) else { continue };
            let message = Message::analyse(&raw, crate::report::Origin::Raw, Vec::new(), &crate::model::test_limits());
            let mut texts: Vec<String> = reading::bodies(&message).iter().map(|b| b.text.to_string()).collect();
            texts.push(String::from_utf8_lossy(&raw).into_owned());
            for text in &texts {
                let what = || path.display().to_string();
                match text.is_ascii() {
                    true => assert_runs_as_before(text.as_bytes(), &what),
                    false => text.lines().for_each(|line| assert_runs_as_before(&line_stand_ins(line), &what)),
                }
            }
            read += 1;
        }
        match read {
            0 => eprintln!("the_one_pass_counts_as_the_two_before_it: {} absent, only the generated texts compared", corpus.display()),
            _ => eprintln!("the_one_pass_counts_as_the_two_before_it: {read} corpus messages compared"),
        }
    }

    #[test]
    fn ascii_words_count_as_split_words() {
        // The reference: the text split at every byte that is no ASCII letter.
        fn split_words(text: &[u8]) -> (usize, usize) {
            let words: Vec<&[u8]> = text.split(|b| !b.is_ascii_alphabetic()).filter(|w| w.len() >= 3).collect();
            (words.len(), words.iter().filter(|w| w.iter().all(u8::is_ascii_uppercase)).count())
        }
        // Capitals and lowercase at every place of a word and of a block of eight,
        // words longer than a block, digits, signs, control bytes, runs of capitals
        // against lowercase on either side.
        let pieces = [
            "A", "B", "Z", "a", "z", "@", "[", "`", "{", "0", "9", " ", "\t", "\n", "\r\n", ">", "_", "-", ".", "$", "€", "SALE", "NOW",
            "ok", "Mixed", "mIXED", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPq", "qABCDEFGHIJKLMNOP",
            "\x00", "\x7f",
        ];
        crate::text::generated_texts(&pieces, 20_000, 40, |text| {
            // The euro sign's bytes are no ASCII: replaced, as the stand-ins do, by `#`.
            let ascii: Vec<u8> = text.bytes().map(|b| if b.is_ascii() { b } else { b'#' }).collect();
            assert_eq!(ascii_unquoted_capital_words(&ascii), split_words(&ascii), "{text:?}");
        });
        // A word in capitals ending at each place of a block, after 0 to 16 bytes, long and short;
        // a text all in capitals (each run read back once).
        for lead in 0..17 {
            for word in ["ABC", "ABCDEFGHIJK", "aBC", "ABCd", "AbCDEFGH"] {
                let text = format!("{}{word}", "x".repeat(lead));
                let spaced = format!("{} {word} ", "x ".repeat(lead));
                for text in [text.as_bytes(), spaced.as_bytes()] {
                    assert_eq!(ascii_unquoted_capital_words(text), split_words(text), "{:?}", std::str::from_utf8(text));
                }
            }
        }
        let shouting = "WIN CASH NOW ".repeat(100_000);
        assert_eq!(ascii_unquoted_capital_words(shouting.as_bytes()), (300_000, 300_000));
        let one_word = "A".repeat(1_000_000);
        assert_eq!(ascii_unquoted_capital_words(one_word.as_bytes()), (1, 1));
    }

    #[test]
    fn mixed_lines_count_as_the_definition() {
        // The definition: words split at every character that is not alphabetic,
        // each read again for its case.
        fn definition(line: &str) -> (usize, usize) {
            let (mut words, mut capitals) = (0, 0);
            let inside = |c: char| c.is_alphabetic() || unicode::is_invisible(c) || unicode::is_combining_mark(c);
            for word in line.split(|c: char| !inside(c)) {
                let word: String = word.chars().filter(|c| c.is_alphabetic()).collect();
                let letters = word.chars().count();
                let upper = word.chars().filter(|c| c.is_uppercase()).count();
                let lower = word.chars().filter(|c| c.is_lowercase()).count();
                if letters >= 3 && upper + lower == letters {
                    words += 1;
                    capitals += usize::from(lower == 0);
                }
            }
            (words, capitals)
        }
        let pieces = [
            "É", "é", "Ą", "ą", "ł", "Ł", "ß", "ǅ", "ª", "ʰ", "会", "ا", "Σ", "σ", "Ж", "A", "a", "B", "b", "1", " ", "\u{a0}",
            "-", "\r", "\u{301}", "\u{200b}", "\u{ad}", "\u{332}", "ﬁ", "Ⅻ", "ⓐ", "Ⓐ",
        ];
        let mut counted = 0;
        crate::text::generated_texts(&pieces, 5_000, 30, |line| {
            assert_eq!(mixed_capital_words(line), definition(line), "{line:?}");
            counted += mixed_capital_words(line).0;
        });
        assert!(counted > 2_000, "{counted} words");
    }

    #[test]
    fn a_character_that_draws_nothing_or_a_mark_does_not_split_a_word() {
        // Zero-width space, soft hyphen, word joiner, combining low line (UAX #29 WB4).
        for mark in ["\u{200b}", "\u{ad}", "\u{2060}", "\u{332}"] {
            let word = ["B", "U", "Y", "I", "N", "G"].join(mark);
            // Every path: a short text (lines), a long one (stand-ins).
            for text in [format!("{word} now é"), format!("{word} now é\n").repeat(3)] {
                let (words, capitals) = capital_words(&text);
                assert_eq!((words, capitals), (words, words / 2), "{text:?}");
                assert!(words >= 2 && capitals >= 1, "{text:?}");
            }
        }
    }

    #[test]
    fn an_identifier_is_one_word_and_no_shouting() {
        assert_eq!(capital_words("FROM_ENDS_IN_NUMS and DATE_IN_PAST_03_06 hit"), (4, 0));
        assert_eq!(capital_words("set MAX_UPLOAD_SIZE, then"), (3, 0));
        // A letter past ASCII against it: not read as an identifier (its parts count as they did).
        assert_eq!(capital_words("é_TOO_BIG"), (2, 2));
        assert_eq!(capital_words("> QUOTED_NAME LINE\nthe HUGE_SALE NOW"), (3, 1));
        // Not identifiers: an underscore line, an underscore at a word's edge, words past ASCII.
        assert_eq!(capital_words("FREE ______ _NOW_ __ BIG"), (3, 3));
        assert_eq!(capital_words("ÉTÉ_SOLDES TOTAL"), (3, 3));
        // The same counts by every path (ASCII, stand-ins, lines).
        for text in ["FROM_ENDS_IN_NUMS ça", "FROM_ENDS_IN_NUMS 会议", "FROM_ENDS_IN_NUMS"] {
            assert_eq!(capital_words(text).1, 0, "{text}");
        }
    }

    #[test]
    fn identifiers_count_as_the_definition() {
        // The definition a character at a time: the words are the runs of three
        // letters or more of a cased script; an identifier is a run of ASCII
        // letters, digits and `_` with an inner `_` and no letter against it: the
        // words inside it are dropped, and it is one word (no capital) when it has
        // three letters or more.
        fn definition(text: &str) -> (usize, usize) {
            let (mut words, mut capitals) = (0, 0);
            for line in text.lines().filter(|l| !l.trim_start().starts_with('>')) {
                let chars: Vec<char> = line.chars().collect();
                let mut in_identifier = vec![false; chars.len()];
                let id_char = |c: char| c.is_ascii_alphanumeric() || c == '_';
                let mut k = 0;
                while k < chars.len() {
                    if !id_char(chars[k]) {
                        k += 1;
                        continue;
                    }
                    let start = k;
                    while k < chars.len() && id_char(chars[k]) {
                        k += 1;
                    }
                    let run = &chars[start..k];
                    let inner = run.windows(3).any(|w| w[1] == '_' && w[0] != '_' && w[2] != '_');
                    let against = (start > 0 && chars[start - 1].is_alphabetic()) || chars.get(k).is_some_and(|c| c.is_alphabetic());
                    if inner && !against {
                        in_identifier[start..k].iter_mut().for_each(|b| *b = true);
                        words += usize::from(run.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 3);
                    }
                }
                let mut k = 0;
                while k < chars.len() {
                    if !chars[k].is_alphabetic() {
                        k += 1;
                        continue;
                    }
                    let start = k;
                    while k < chars.len() && chars[k].is_alphabetic() {
                        k += 1;
                    }
                    let letters = &chars[start..k];
                    if letters.len() >= 3 && !in_identifier[start] && letters.iter().all(|c| c.is_uppercase() || c.is_lowercase()) {
                        words += 1;
                        capitals += usize::from(letters.iter().all(|c| c.is_uppercase()));
                    }
                }
            }
            (words, capitals)
        }
        let pieces = ["FREE", "NOW", "ok", "Mixed", "ABC", "ab", "_", "__", "1", "2026", "é", "É", "会", " ", "\n", "\r\n", "> ", "-", ".", "x"];
        crate::text::generated_texts(&pieces, 6_000, 40, |text| {
            assert_eq!(capital_words(text), definition(text), "{text:?}");
        });
    }

    #[test]
    fn capital_words_follow_the_definition() {
        assert_eq!(capital_words("BIG SALE ÉTÉ ok NASA Mixed 会议通知"), (5, 4));
        assert_eq!(capital_words("> QUOTED LINE\nfine words here"), (3, 0));
        assert_eq!(capital_words("ΜΕΓΑΛΗ προσφορά"), (2, 1));
    }

    /// Capitals spelled letter by letter are read as the words they spell.
    #[test]
    fn capitals_spelled_letter_by_letter_are_words_in_capitals() {
        assert_eq!(capital_words("F R E E  M O N E Y for you"), (4, 2));
        assert_eq!(capital_words("P-L-E-A-S-E read, C.L.A.I.M it now"), (4, 2));
        assert_eq!(capital_words("Zażółć: F R E E  M O N E Y dla Ciebie"), (5, 2));
        // Not spelled words: two letters, mixed separators, a letter against one, lowercase, quoted.
        assert_eq!(capital_words("A B and X-Y here"), (2, 0));
        assert_eq!(capital_words("A B-C D.E here"), (1, 0));
        assert_eq!(capital_words("T-shirt A-B-Cs"), (1, 0));
        assert_eq!(capital_words("f r e e money"), (1, 0));
        assert_eq!(capital_words("ok\n> F R E E\n  > M O N E Y\nthen G E T it"), (2, 1));
        // Many runs on one line: each byte looked at a bounded number of times (no timing: the count).
        let long = "A B C ".repeat(10_000);
        assert_eq!(capital_words(&long), (1, 1));
        let many = "A B C, ".repeat(10_000);
        assert_eq!(capital_words(&many), (10_000, 10_000));
    }

    /// The eight-byte test for three capitals two bytes apart finds them at
    /// every place in a step and across two steps (`spelled_capital_words`).
    #[test]
    fn spelled_capitals_are_found_at_every_offset() {
        for before in 0..20 {
            for word in ["A B C", "F.R.E.E", "P-L-E-A-S-E"] {
                for after in 0..10 {
                    let text = format!("{}{word}{}", "x ".repeat(before / 2) + &" ".repeat(before % 2), " ".repeat(after));
                    assert_eq!(spelled_capital_words(text.as_bytes()), 1, "{text:?}");
                }
            }
            // Capitals two bytes apart but only two of them, or three with a letter against one: none.
            for text in [format!("{}A B and", " ".repeat(before)), format!("{}A B Cd", " ".repeat(before))] {
                assert_eq!(spelled_capital_words(text.as_bytes()), 0, "{text:?}");
            }
        }
    }

    /// Capitals of every cased script spelled letter by letter, in texts with
    /// characters past ASCII and with letters of no case, are words in capitals.
    #[test]
    fn capitals_past_ascii_spelled_letter_by_letter_are_words_in_capitals() {
        assert_eq!(capital_words("Б Е С П Л А Т Н О предложение для вас"), (4, 1));
        assert_eq!(capital_words("D-A-R-M-O-W-A  P.R.Ó.B.K.A dla Ciebie"), (4, 2));
        assert_eq!(capital_words("É T É  S O L D E S à ne pas manquer"), (4, 2));
        assert_eq!(capital_words("Δ Ω Ρ Ε Α προσφορά"), (2, 1));
        assert_eq!(capital_words("F R É E offer"), (2, 1));
        // In a text with letters of no case, counted by the lines: spelled words still count.
        assert_eq!(capital_words("免费 F R E E  M O N E Y 会议"), (2, 2));
        assert_eq!(capital_words("会议 Б Е С П Л А Т Н О"), (1, 1));
        assert_eq!(capital_words("会议\n> Б Е С П Л А Т Н О\nok"), (0, 0));
        // Not spelled words: a letter past ASCII against one, lowercase, two letters, a letter of no case against one.
        assert_eq!(capital_words("ÉF R E ok"), (0, 0));
        assert_eq!(capital_words("ś w i ę t a Ł Ó"), (0, 0));
        assert_eq!(capital_words("A会 B C 会"), (0, 0));
        // Polish, Russian, French, Spanish and German prose with their one-letter words and initials.
        for prose in [
            "A w domu i w ogrodzie. W sobotę z Anną. Z nami O. K. Nowak, I Liga, U Ani, A. Ł. Kowalski.",
            "В городе и в деревне. В. И. Иванов, А.С. Пушкин, Я и ты. О чём? У нас к вам.",
            "À Paris, y a-t-il où aller ? Ô joie. J.-P. Sartre, É. Zola, XIV e siècle.",
            "Y a ti, o a mí. E. Pérez, Á. López y O. Ruiz, U.E. y EE. UU.",
            "Ä, Ö und Ü sind Umlaute. Es geht um U-Bahn und S-Bahn, Dr. Ö. Özdemir.",
        ] {
            // No word spelled letter by letter (`XIV` is a word of three capitals).
            assert_eq!(letter_runs(prose).1, 0, "{prose}");
        }
        // Past the stand-ins' chunk, with and without letters of no case: every line's word.
        let lines = "Б Е С П Л А Т Н О\n".repeat(20_000);
        assert_eq!(capital_words(&lines), (20_000, 20_000));
        assert_eq!(capital_words(&format!("会\n{lines}")), (20_000, 20_000));
    }
}
