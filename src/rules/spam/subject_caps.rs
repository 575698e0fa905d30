//! `spam/subject-caps`: the guides list "3 or more words in capitals in the
//! subject" among the things that get a mail flagged as spam.

use super::subject_location;
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput::Raw, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::text::unicode;
use crate::title;

crate::rule_texts! { "spam/subject-caps";
    summary => {
        en: "The subject has 3 or more words in capitals.",
        fr: "Le sujet contient 3 mots ou plus en majuscules.",
        es: "El asunto contiene 3 palabras o más en mayúsculas.",
        pl: "Temat zawiera 3 lub więcej słów pisanych wielkimi literami.",
    },
    why => {
        en: "The hosting guides list \"3 or more words in capitals in the subject\" among the things that make an e-mail look like spam. A subject that shouts is a classic spam signal, and repeated spam blocks the sending of your whole hosting.",
        fr: "Les guides de l'hébergeur citent « 3 mots ou plus en majuscules dans le sujet/objet de l'e-mail » parmi les usages à éviter pour ne pas être considéré comme du SPAM. Un sujet qui « crie » est un signal de spam classique, et des envois considérés comme spam bloquent les envois de tout l'hébergement.",
        es: "Las guías del alojamiento citan «3 palabras o más en mayúsculas en el asunto» entre los usos que se deben evitar para no ser considerado spam. Un asunto que «grita» es una señal de spam clásica, y los envíos considerados spam bloquean los envíos de todo el alojamiento.",
        pl: "Przewodniki hostingu wymieniają „3 lub więcej słów wielkimi literami w temacie” wśród sposobów, których należy unikać, aby wiadomość nie została uznana za SPAM. Temat, który „krzyczy”, to klasyczny sygnał spamu, a wysyłki uznane za spam blokują wysyłanie z całego hostingu.",
    },
    fix => {
        en: "Write the subject in sentence case; keep capitals for one acronym or two.",
        fr: "Écrivez le sujet en minuscules avec une majuscule initiale ; gardez les majuscules pour un ou deux sigles.",
        es: "Escriba el asunto en minúsculas con mayúscula inicial; deje las mayúsculas para una o dos siglas.",
        pl: "Napisz temat małymi literami z wielką literą na początku; wielkie litery zostaw dla jednego lub dwóch skrótów.",
    },
    SHOUTING "shouting" => {
        en: "The subject has {count, plural, one {# word} other {# words}} in capitals ({words}); the guides flag {limit} or more.",
        fr: "Le sujet contient {count, plural, one {# mot} many {# de mots} other {# mots}} en majuscules ({words}) ; les guides signalent à partir de {limit}.",
        es: "El asunto contiene {count, plural, one {# palabra} many {# de palabras} other {# palabras}} en mayúsculas ({words}); las guías lo señalan a partir de {limit}.",
        pl: "Temat zawiera {count, plural, one {# słowo} few {# słowa} many {# słów} other {# słowa}} wielkimi literami ({words}); przewodniki wskazują {limit} lub więcej.",
    },
    SHOUTING_CONFIGURED "shouting-configured" => {
        en: "The subject has {count, plural, one {# word} other {# words}} in capitals ({words}); the configured threshold flags {limit} or more.",
        fr: "Le sujet contient {count, plural, one {# mot} many {# de mots} other {# mots}} en majuscules ({words}) ; le seuil configuré signale à partir de {limit}.",
        es: "El asunto contiene {count, plural, one {# palabra} many {# de palabras} other {# palabras}} en mayúsculas ({words}); el umbral configurado lo señala a partir de {limit}.",
        pl: "Temat zawiera {count, plural, one {# słowo} few {# słowa} many {# słów} other {# słowa}} wielkimi literami ({words}); skonfigurowany próg wskazuje {limit} lub więcej.",
    },
}

/// Words in capitals that make a subject shout.
pub const SUBJECT_CAPS_WORDS: Threshold = Threshold {
    key: "spam.subjectCapsWords",
    kind: Kind::Int { default: 3, min: 1, max: 100 },
    doc: Localized {
        en: "Words of two or more letters, all in capitals, from which a subject shouts.",
        fr: "Mots de deux lettres ou plus, tout en majuscules, à partir desquels un sujet crie.",
        es: "Palabras de dos o más letras, todas en mayúsculas, a partir de las cuales un asunto grita.",
        pl: "Słowa o dwóch lub więcej literach, pisane w całości wielkimi literami, od których temat krzyczy.",
    },
    evidence: Evidence::Guide("seed 002 (fr) l. 168: « 3 mots ou plus en majuscules dans le sujet/objet de l'e-mail »"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[Evidence::Guide(
        "seed 002 (fr) l. 168, usages to avoid so as not to be considered SPAM: « 3 mots ou plus en majuscules dans le sujet/objet de l'e-mail »",
    )],
    score: scores::SUBJECT_CAPS,
    texts: &TEXTS,
    thresholds: &[&SUBJECT_CAPS_WORDS],
    examples: &[
        Example::fails(
            title! {
                en: "Three words in capitals",
                fr: "Trois mots en majuscules",
                es: "Tres palabras en mayúsculas",
                pl: "Trzy słowa wielkimi literami",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: LAST CHANCE TODAY for your order\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "A subject wholly in capitals, short words or not",
                fr: "Un sujet entièrement en majuscules, mots courts ou non",
                es: "Un asunto enteramente en mayúsculas, con palabras cortas o no",
                pl: "Temat w całości wielkimi literami, krótkie słowa czy nie",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: WIN BIG NOW\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "Capitals in another cased script (Polish, Greek) count too",
                fr: "Les majuscules d'une autre écriture à casse (polonais, grec) comptent aussi",
                es: "Las mayúsculas de otra escritura con caja (polaco, griego) también cuentan",
                pl: "Wielkie litery innego pisma z wielkością liter (polski, grecki) też się liczą",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?q?OSTATNIA_SZANSA_=C5=BBEBY_kupi=C4=87?=\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "Zero-width spaces, small capitals and leet do not hide capitals",
                fr: "Les espaces de largeur nulle, les petites capitales et le leet ne cachent pas les majuscules",
                es: "Los espacios de ancho cero, las versalitas y el leet no ocultan las mayúsculas",
                pl: "Spacje zerowej szerokości, kapitaliki i leet nie ukrywają wielkich liter",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?b?RuKAi1LigItF4oCLRSDhtI3htI/JtOG0h8qPIFc0MVRJTkc=?= for you\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "Words in capitals joined by dots that end in no top-level domain",
                fr: "Des mots en majuscules reliés par des points qui ne finissent par aucun domaine de premier niveau",
                es: "Palabras en mayúsculas unidas por puntos que no terminan en ningún dominio de primer nivel",
                pl: "Słowa wielkimi literami połączone kropkami, które nie kończą się domeną najwyższego poziomu",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: HUGE.WINTER.SALE.XYZQ\n\nHello.\n"),
        ),
        Example::passes(
            title! {
                en: "A host name in capitals is one name",
                fr: "Un nom d'hôte en majuscules est un seul nom",
                es: "Un nombre de host en mayúsculas es un solo nombre",
                pl: "Nazwa hosta wielkimi literami to jedna nazwa",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: Your order from SHOP.EXAMPLE.COM has shipped\n\nHello.\n"),
        ),
        Example::passes(
            title! {
                en: "Acronyms and brands of up to five letters among lowercase words",
                fr: "Des sigles et des marques de cinq lettres au plus parmi des mots en minuscules",
                es: "Siglas y marcas de hasta cinco letras entre palabras en minúsculas",
                pl: "Skróty i marki do pięciu liter wśród słów pisanych małymi literami",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?q?Votre_r=C3=A9servation_SNCF_:_TGV_INOUI_Paris_-_Lyon?=\n\nBonjour.\n"),
        ),
        Example::passes(
            title! {
                en: "Cherokee, whose ordinary letters are capitals",
                fr: "Le cherokee, dont les lettres ordinaires sont des majuscules",
                es: "El cheroqui, cuyas letras ordinarias son mayúsculas",
                pl: "Czirokeski, którego zwykłe litery są wielkie",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?b?4Y6j4Y+P4Y+yIOGPo+GOs+GOqSDhjqbhj6zhj4Lhjq/hj43hj5cg4Y6g4Y+V4Y624Y+G4Y+N4Y+X?=\n\nHello.\n"),
        ),
        Example::passes(
            title! {
                en: "Two acronyms in capitals",
                fr: "Deux sigles en majuscules",
                es: "Dos siglas en mayúsculas",
                pl: "Dwa skróty wielkimi literami",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: Your PDF invoice from ACME\n\nHello.\n"),
        ),
        Example::passes(
            title! {
                en: "Reply prefixes, single letters and digits do not count",
                fr: "Les préfixes de réponse, les lettres seules et les chiffres ne comptent pas",
                es: "Los prefijos de respuesta, las letras sueltas y las cifras no cuentan",
                pl: "Prefiksy odpowiedzi, pojedyncze litery i cyfry się nie liczą",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: RE: FW: Plan B for 2026 A 1 X\n\nHello.\n"),
        ),
        Example::passes(
            title! {
                en: "Caseless scripts (Chinese) never count",
                fr: "Les écritures sans casse (chinois) ne comptent jamais",
                es: "Las escrituras sin caja (chino) nunca cuentan",
                pl: "Pisma bez wielkości liter (chiński) nigdy się nie liczą",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?b?5paw5bm05b+r5LmQIOS8muiurg==?=\n\nHello.\n"),
        ),
        Example::passes(
            title! {
                en: "A higher threshold from options",
                fr: "Un seuil plus élevé dans les options",
                es: "Un umbral más alto en las opciones",
                pl: "Wyższy próg w opcjach",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: LAST CHANCE TODAY\n\nHello.\n"),
        )
        .with_options(r#"{"thresholds": {"spam": {"subjectCapsWords": 4}}}"#),
    ],
    check: Check::Message(check),
};

/// Reply and forward markers in the languages of the guides and their
/// neighbours; they are written in capitals by many clients, not by the sender.
const REPLY_PREFIXES: &[&str] = &["re", "fw", "fwd", "tr", "aw", "wg", "rv", "odp", "pd", "sv", "vs", "enc"];
/// Those of `REPLY_PREFIXES` that mark a forward (Fwd, Fw; French TR "transféré",
/// German WG "weitergeleitet", Spanish RV "reenviado", Polish PD "przekaż dalej",
/// Portuguese ENC "encaminhado"): a forward starts a new thread, so it carries no
/// In-Reply-To (RFC 5322 §3.6.4 asks it of replies).
const FORWARD_PREFIXES: &[&str] = &["fw", "fwd", "tr", "wg", "rv", "pd", "enc"];

/// The subject without its leading `Re:` / `Fwd:` markers.
pub(crate) fn strip_reply_prefixes(subject: &str) -> &str {
    reply_markers(subject).0
}

/// Whether the leading markers of the subject include a reply's (`Re:`, not only `Fwd:`).
pub(crate) fn marks_a_reply(subject: &str) -> bool {
    reply_markers(subject).1
}

/// The subject without its leading markers, and whether one of them marks a reply.
/// A marker is followed by `:`, after white space too (French typography writes
/// `TR :`, with a no-break space as often as not).
fn reply_markers(subject: &str) -> (&str, bool) {
    let mut rest = subject.trim_start();
    let mut reply = false;
    loop {
        let word_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
        let word = &rest[..word_len];
        let after = &rest[word_len..];
        // `Re[2]:` and `Re:` both mark a reply.
        let after = match after.strip_prefix('[') {
            Some(a) => a.trim_start_matches(|c: char| c.is_ascii_digit()).strip_prefix(']').unwrap_or(after),
            None => after,
        };
        if word_len > 0 && REPLY_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(word)) {
            if let Some(a) = after.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']).strip_prefix(':') {
                reply |= !FORWARD_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(word));
                rest = a.trim_start();
                continue;
            }
        }
        return (rest, reply);
    }
}

/// Words of two or more letters, all in capitals. Words are maximal runs of
/// letters; a letter of a caseless script (CJK, Arabic, …) makes the word not
/// count. Bracketed tags (`[ILUG]`, `[OT]`, ticket numbers) are left out: list
/// software and help desks add them, not the sender; so are runs joined to `_` or
/// a digit (identifiers such as `FROM_ENDS_IN_NUMS` or `MP3`) and the labels of a
/// domain name (`NEWS.COM`). The subject is read as it is seen (`seen_subject`):
/// `F\u{200b}R\u{200b}E\u{200b}E`, `F̲R̲E̲E̲`, `ꜰʀᴇᴇ` and `F-R-E-E` are the word FREE, and
/// `M0NEY` (a leet digit between letters) is a word in capitals.
pub fn capital_words(subject: &str) -> Vec<String> {
    subject_words(subject).0
}

/// `capital_words`, and how many words of two or more letters the subject has
/// (counted the same way, in capitals or not).
pub fn subject_words(subject: &str) -> (Vec<String>, usize) {
    let seen = seen_subject(strip_reply_prefixes(subject));
    let (words, all) = seen_words(&seen);
    (words.into_iter().map(str::to_string).collect(), all)
}

/// `subject_words` of a subject already read as seen (`seen_subject`), its words
/// in capitals borrowed from it: `check` copies none (#14: a 10 MB subject of
/// encoded words had 400,000 of them, each its own allocation).
fn seen_words(rest: &str) -> (Vec<&str>, usize) {
    let mut words = Vec::new();
    let mut all = 0usize;
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut leet_until = 0usize;
    // Whether the word being read has a leet digit between letters (`CH4NC`),
    // and its letters and leet digits so far.
    let mut leet_in_word = false;
    let (mut word_letters, mut word_digits) = (0usize, 0usize);
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let mut hosts = DottedRun::default();
    let letter = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphabetic());
    for (k, &(i, c)) in chars.iter().chain(std::iter::once(&(rest.len(), ' '))).enumerate() {
        // A leet digit between letters (`M0NEY`, `W41TING`) is read as a letter;
        // so are two or more ending a word of as many letters or more (`FR33`),
        // and one ending a word already written in leet with more letters than
        // digits (`CH4NC3`, `V1AGR4`): its writer spells letters with digits. One
        // digit after letters alone is an identifier (`MP3`, `IPV4`), and so is a
        // code of as many digits as letters (`K3S5`, `A4C3`: a part or lot number).
        if k < leet_until {
            continue;
        }
        if start.is_some() && is_leet_digit(c) {
            let digits = chars[k..].iter().take_while(|&&(_, d)| is_leet_digit(d)).count();
            let letters = chars[..k].iter().rev().take_while(|&&(_, l)| l.is_alphabetic()).count();
            let ends = !chars.get(k + digits).is_some_and(|&(_, d)| d.is_alphanumeric());
            let inner = letter(k + digits);
            let spelled = leet_in_word && word_letters > word_digits + digits;
            if inner || (ends && letters >= digits && (digits >= 2 || spelled)) {
                leet_in_word |= inner;
                word_digits += digits;
                leet_until = k + digits;
                continue;
            }
        }
        if c.is_alphabetic() || unicode::is_combining_mark(c) {
            start.get_or_insert(i);
            word_letters += usize::from(c.is_alphabetic());
            continue;
        }
        if let Some(s) = start.take() {
            leet_in_word = false;
            (word_letters, word_digits) = (0, 0);
            let word = &rest[s..i];
            // A run joined to `_` or a digit is part of an identifier (`FROM_ENDS_IN_NUMS`,
            // `MP3`, `ID42`), and one joined to a dot with a letter or digit on its other side is
            // part of a dotted name; that name is a host name (`NEWS.COM`, `CNET.COM`), written
            // that way and not shouted, when it ends in a top-level domain (`host_name_at`):
            // `HUGE.WINTER.SALE.XYZQ` shouts four words. A dot before a space ends a sentence
            // and joins nothing.
            let joined = |c: Option<char>| c.is_some_and(|c| c == '_' || c.is_ascii_digit());
            let dotted = |c: Option<char>, beyond: Option<char>| c == Some('.') && beyond.is_some_and(unicode::is_alphanumeric);
            let mut before = rest[..s].chars().rev();
            let mut after = rest[i..].chars().skip(1);
            let (before, before_beyond) = (before.next(), before.next());
            let after_beyond = after.next();
            let identifier = joined(before)
                || joined(Some(c))
                || ((dotted(before, before_beyond) || dotted(Some(c), after_beyond)) && hosts.is_host(&chars, k));
            let letters = word.chars().filter(|c| !unicode::is_combining_mark(*c)).count();
            if depth == 0 && !identifier && letters >= 2 {
                all += 1;
                if word.chars().all(|c| is_capital(c) || unicode::is_combining_mark(c) || is_leet_digit(c))
                    && word.chars().any(is_capital)
                {
                    words.push(word);
                }
            }
        }
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (words, all)
}

/// The dotted run (letters, digits, `-` and `.`) a word of `seen_words` is in,
/// and whether it is a host name: its last label, past its last dot, is a
/// top-level domain (`text::links::is_host_top_level_domain`). Found once for
/// every word of the run: the words are read in order, so a run is read once
/// (a subject of 100,000 dotted words is one pass, not one a word).
#[derive(Default)]
struct DottedRun {
    /// Char indices of the last run found, and whether it is a host name.
    last: Option<(std::ops::Range<usize>, bool)>,
}

impl DottedRun {
    /// Whether the word ending at char index `end` of `chars` is in a host name.
    fn is_host(&mut self, chars: &[(usize, char)], end: usize) -> bool {
        if let Some((run, host)) = &self.last {
            if run.contains(&end.saturating_sub(1)) {
                return *host;
            }
        }
        let in_run = |c: char| unicode::is_alphanumeric(c) || c == '.' || c == '-';
        let first = chars[..end].iter().rposition(|&(_, c)| !in_run(c)).map_or(0, |p| p + 1);
        let stop = chars[end..].iter().position(|&(_, c)| !in_run(c)).map_or(chars.len(), |p| end + p);
        // A dot or hyphen that ends the run ends a sentence or a dash, not the name.
        let last_char = chars[first..stop].iter().rposition(|&(_, c)| c.is_alphanumeric()).map_or(first, |p| first + p + 1);
        let label_start = chars[first..last_char].iter().rposition(|&(_, c)| c == '.').map_or(first, |p| first + p + 1);
        let label: String = chars[label_start..last_char].iter().map(|&(_, c)| c).collect();
        let host = label_start > first && crate::text::links::is_host_top_level_domain(&label);
        self.last = Some((first..stop, host));
        host
    }
}

/// Digits read as letters in leet (`0` o, `1` i, `3` e, `4` a, `5` s, `7` t: the
/// lexicon's own readings, `text::lexicon`).
fn is_leet_digit(c: char) -> bool {
    matches!(c, '0' | '1' | '3' | '4' | '5' | '7')
}

/// A capital letter that shouts. Cherokee's are not: its ordinary text is
/// written in the uppercase syllabary, and Unicode's case folding maps its
/// lowercase letters to the uppercase ones (CaseFolding.txt, the only script
/// folded to uppercase; The Unicode Standard 15.0 §20.? "Cherokee", case
/// folding kept stable since Unicode 8.0).
fn is_capital(c: char) -> bool {
    c.is_uppercase() && !matches!(c, '\u{13a0}'..='\u{13f5}')
}

/// The subject as a reader sees it, for its words: characters that draw
/// nothing dropped (`unicode::is_invisible`: zero-width spaces, soft hyphens);
/// the small capitals of Latin (`ꜰʀᴇᴇ`, LATIN LETTER SMALL CAPITAL F, R, E, E in
/// UnicodeData.txt) read as the capitals they are drawn as; and three or more
/// single letters joined by one same separator (`F-R-E-E`, `F.R.E.E`,
/// `F R E E`) read as one word, as `text::fold` reads `p o r n`
/// (`MIN_SPACED_LETTERS`).
pub fn seen_subject(subject: &str) -> String {
    // ASCII draws every character and has no small capitals: an ASCII subject
    // is seen as written (a test holds every ASCII character to both).
    if subject.is_ascii() {
        return join_spaced_letters(subject);
    }
    let mut seen = String::with_capacity(subject.len());
    for c in subject.chars().filter(|&c| !unicode::is_invisible(c)) {
        seen.push(unicode::small_capital(c).unwrap_or(c));
    }
    join_spaced_letters(&seen)
}


/// Separators that draw single letters apart (`F-R-E-E`, `F.R.E.E`, `F R E E`, `F*R*E*E`).
fn letter_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '_' | '*' | '/' | '·' | '\u{2010}' | '\u{2011}')
}

/// `text` with each run of `MIN_SPACED_LETTERS` or more single letters joined
/// by one same separator written as one word.
fn join_spaced_letters(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    // A single letter: a letter (with its marks) with no letter or digit on either side but the separator.
    let single_at = |k: usize| -> Option<usize> {
        let c = *chars.get(k)?;
        if !c.is_alphabetic() || k.checked_sub(1).and_then(|p| chars.get(p)).is_some_and(|p| p.is_alphanumeric()) {
            return None;
        }
        let mut end = k + 1;
        while chars.get(end).is_some_and(|&m| unicode::is_combining_mark(m)) {
            end += 1;
        }
        (!chars.get(end).is_some_and(|n| n.is_alphanumeric())).then_some(end)
    };
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        if let Some(end) = single_at(k) {
            if let Some(&sep) = chars.get(end).filter(|&&s| letter_separator(s)) {
                // Letters k..end, then sep + single letter, again and again.
                let mut ends = vec![(k, end)];
                let mut at = end;
                while chars.get(at) == Some(&sep) {
                    let Some(next_end) = single_at(at + 1) else { break };
                    ends.push((at + 1, next_end));
                    at = next_end;
                }
                if ends.len() >= crate::text::fold::MIN_SPACED_LETTERS {
                    for &(a, b) in &ends {
                        out.extend(&chars[a..b]);
                    }
                    k = at;
                    continue;
                }
            }
        }
        out.push(chars[k]);
        k += 1;
    }
    out
}

/// Whether most of the subject is in capitals: at least half of its words
/// (SpamAssassin's SUBJ_ALL_CAPS scores a subject in capitals, not three words
/// among lowercase ones).
pub fn mostly_capitals(capitals: usize, words: usize) -> bool {
    words > 0 && capitals * 2 >= words
}

/// Whether the capital words make the subject shout: `limit` or more, and at
/// least one longer than an acronym (ours: a subject of two- and three-letter
/// acronyms — "RH 8 no DMA for DVD" — names things, it does not shout). Among
/// lowercase words (`mostly_capitals` false), words of up to five letters are acronyms too
/// (`MAX_ACRONYM_LETTERS_AMONG_LOWERCASE`: "adaptateur USB-C vers HDMI et VGA",
/// "réservation SNCF : TGV INOUI", "NASA and ESA"). A subject wholly in
/// capitals shouts whatever the length of its words ("WIN BIG NOW", "BUY NOW AND
/// WIN"): acronyms are named among other words, and SpamAssassin's SUBJ_ALL_CAPS
/// (HeaderEval `subject_is_all_caps`: two words or more, every letter a capital)
/// scores such a subject.
pub fn shouts(words: &[impl AsRef<str>], all: usize, limit: usize) -> bool {
    if words.len() < limit.max(1) {
        return false;
    }
    if words.len() == all {
        return true;
    }
    let acronym = if mostly_capitals(words.len(), all) { MAX_ACRONYM_LETTERS } else { MAX_ACRONYM_LETTERS_AMONG_LOWERCASE };
    words.iter().any(|w| letters(w.as_ref()) > acronym)
}

/// Longest word read as an acronym in a subject mostly in capitals (ours:
/// "RH 8 no DMA for DVD drive").
pub const MAX_ACRONYM_LETTERS: usize = 3;
/// Longest word read as an acronym or a brand among lowercase words: the
/// four- and five-letter names of organisations, standards and products (SNCF,
/// HDMI, NASA, IBAN, INOUI) are written in capitals by everyone; SpamAssassin's
/// and rspamd's SUBJ_ALL_CAPS fire only on a subject wholly in capitals (ours).
/// Measured on spamassassin-public-dev (subjects with 3 or more words in
/// capitals, fewer than half of the words): at 3 letters 1 ham and 40 spam
/// shout, at 4 1 and 39, at 5 1 and 38.
pub const MAX_ACRONYM_LETTERS_AMONG_LOWERCASE: usize = 5;

/// Letters of a word, its combining marks left out and its leet digits counted.
fn letters(word: &str) -> usize {
    word.chars().filter(|&c| !unicode::is_combining_mark(c)).count()
}

fn check(message: &Message, cx: &mut Context) {
    let Some(subject) = message.subject.as_deref() else { return };
    let seen = seen_subject(strip_reply_prefixes(subject));
    let (words, all) = seen_words(&seen);
    let limit = cx.settings.count(&SUBJECT_CAPS_WORDS);
    if !shouts(&words, all, limit) {
        return;
    }
    // The guides' factor either way (a warning); its points depend on how much of
    // the subject shouts (scores::SUBJECT_CAPS, SUBJECT_CAPS_AMONG_LOWERCASE).
    let points = if mostly_capitals(words.len(), all) { scores::SUBJECT_CAPS } else { scores::SUBJECT_CAPS_AMONG_LOWERCASE };
    // The guides' number is theirs only when it is the one in force.
    let id = if cx.settings.is_default(&SUBJECT_CAPS_WORDS) { &SHOUTING } else { &SHOUTING_CONFIGURED };
    cx.emit(
        Draft::new(Msg::of(id).int("count", words.len()).int("limit", limit).text("words", words.join(", ")))
            .evidence(subject)
            .at(subject_location(message))
            .score(points),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_and_forward_markers() {
        assert_eq!(strip_reply_prefixes("Re: Fwd: TR : RV:\u{a0}: x"), ": x");
        assert_eq!(strip_reply_prefixes("TR\u{a0}: Hola"), "Hola");
        assert_eq!(strip_reply_prefixes("Re[2]: Hi"), "Hi");
        assert_eq!(strip_reply_prefixes("Tres : x"), "Tres : x");
        for (subject, reply) in [("Re: Hi", true), ("Fwd: Hi", false), ("TR : Hi", false), ("WG: AW: Hi", true), ("RV: PD: Hi", false), ("Hi", false)] {
            assert_eq!(marks_a_reply(subject), reply, "{subject}");
        }
    }

    #[test]
    fn capital_words_follow_the_definition() {
        assert_eq!(capital_words("Re: BIG SALE ÉTÉ 2026 a X"), vec!["BIG", "SALE", "ÉTÉ"]);
        assert_eq!(capital_words("ΜΕΓΑΛΗ ΠΡΟΣΦΟΡΑ"), vec!["ΜΕΓΑΛΗ", "ΠΡΟΣΦΟΡΑ"]);
        assert!(capital_words("会议 通知 今天").is_empty());
        assert!(capital_words("RE: FWD: AW: hello").is_empty());
        assert_eq!(capital_words("MixedCase CAPS"), vec!["CAPS"]);
        assert_eq!(capital_words("Re: [ILUG] [OT] GPL & PHP Question"), vec!["GPL", "PHP"]);
        assert!(capital_words("[Bug 1054] New: Split up FROM_ENDS_IN_NUMS").is_empty());
        assert_eq!(capital_words("MP3 FREE NOW 4U"), vec!["FREE", "NOW"]);
        assert_eq!(capital_words("NEWS.COM INVESTOR: Tech stocks drop"), vec!["INVESTOR"]);
        assert_eq!(capital_words("Visit SHOP.EXAMPLE.COM TODAY"), vec!["TODAY"]);
        assert_eq!(capital_words("BUY NOW. SAVE BIG."), vec!["BUY", "NOW", "SAVE", "BIG"]);
        assert_eq!(capital_words("FREE.. NOW.!"), vec!["FREE", "NOW"]);
        assert_eq!(capital_words("Order from SHOP.MEDIA-MARKT.DE. THANKS"), vec!["THANKS"]);
    }

    #[test]
    fn dotted_capitals_are_a_name_only_when_they_end_in_a_top_level_domain() {
        assert_eq!(capital_words("HUGE.WINTER.SALE.XYZQ"), vec!["HUGE", "WINTER", "SALE", "XYZQ"]);
        // The 2012 programme's TLDs are words a subject shouts, not the end of a host name.
        assert_eq!(capital_words("BIG.WINTER.SALE today"), vec!["BIG", "WINTER", "SALE"]);
        assert_eq!(capital_words("FREE!!!.MONEY"), vec!["FREE", "MONEY"]);
        assert_eq!(capital_words("FREE!!!.MONEY.NOW"), vec!["FREE", "MONEY", "NOW"]);
        assert_eq!(capital_words("BUY.NOW.COM WIN.BIG.DE"), Vec::<String>::new());
        assert_eq!(capital_words("SALE.COM.XYZ"), vec!["SALE", "COM", "XYZ"]);
        // Each run is read once: a long dotted subject is one pass.
        let long = "WIN.".repeat(100_000) + "COM";
        assert!(capital_words(&long).is_empty());
        assert_eq!(capital_words(&"WIN.".repeat(100_000)).len(), 100_000);
    }

    #[test]
    fn most_of_the_subject_in_capitals_is_the_strong_form() {
        let (caps, all) = subject_words("LAST CHANCE TODAY for your order");
        assert!(mostly_capitals(caps.len(), all), "3 of 6 words");
        let (caps, all) = subject_words("CNET NEWS.COM: Cable companies cracking down on Wi-Fi");
        assert_eq!((caps.len(), all), (1, 8), "a domain name is a name, not two shouted words");
        assert!(!mostly_capitals(caps.len(), all));
        assert!(!mostly_capitals(0, 0));
    }

    /// Whether a subject shouts at the default threshold.
    fn shouting(subject: &str) -> bool {
        let (words, all) = subject_words(subject);
        shouts(&words, all, 3)
    }

    #[test]
    fn acronyms_alone_do_not_shout() {
        assert!(!shouting("Re: RH 8 no DMA for DVD drive"));
        assert!(shouting("LAST CHANCE TODAY"));
        assert!(shouting("BUY NOW AND SAVE"));
        // Acronyms and brands of up to five letters among lowercase words name things.
        assert!(!shouting("Votre commande : adaptateur USB-C vers HDMI et VGA"));
        assert!(!shouting("Votre réservation SNCF : TGV INOUI Paris - Lyon"));
        assert!(!shouting("NASA and ESA publish the RFC for PHP telemetry"));
        // A longer word in capitals among them still shouts, and so does a subject mostly in capitals.
        assert!(shouting("LAST CHANCE TODAY for your order"));
        assert!(shouting("FREE GIFT NOW"));
        // A subject wholly in capitals shouts, short words or not; not under the threshold.
        assert!(shouting("WIN BIG NOW"));
        assert!(shouting("Re: BUY NOW AND WIN!"));
        assert!(!shouting("WIN BIG"));
        assert!(!shouting("Order for SAT AND SUN too"));
    }

    #[test]
    fn ascii_is_seen_as_written() {
        for c in (0u8..0x80).map(char::from) {
            assert!(!unicode::is_invisible(c) && unicode::small_capital(c).is_none(), "{c:?}");
        }
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        for subject in [every_ascii.as_str(), "F-R-E-E money", "FREE MONEY", "a b c d", ""] {
            let by_chars: String = subject.chars().map(|c| unicode::small_capital(c).unwrap_or(c)).collect();
            assert_eq!(seen_subject(subject), join_spaced_letters(&by_chars), "{subject:?}");
        }
    }

    #[test]
    fn the_subject_is_read_as_it_is_seen() {
        let free = ["FREE", "MONEY", "WAITING"];
        assert_eq!(capital_words("F\u{200b}R\u{200b}E\u{200b}E M\u{200b}O\u{200b}N\u{200b}E\u{200b}Y W\u{200b}A\u{200b}I\u{200b}T\u{200b}I\u{200b}N\u{200b}G for you"), free);
        assert_eq!(capital_words("F\u{ad}R\u{ad}E\u{ad}E M\u{ad}O\u{ad}N\u{ad}E\u{ad}Y W\u{ad}A\u{ad}I\u{ad}T\u{ad}I\u{ad}N\u{ad}G for you"), free);
        assert_eq!(capital_words("F-R-E-E M-O-N-E-Y W-A-I-T-I-N-G for you"), free);
        assert_eq!(capital_words("F.R.E.E money"), ["FREE"]);
        assert_eq!(capital_words("ꜰʀᴇᴇ ᴍᴏɴᴇʏ ᴡᴀɪᴛɪɴɢ for you"), free);
        let underlined = capital_words("F\u{332}R\u{332}E\u{332}E\u{332} M\u{332}O\u{332}N\u{332}E\u{332}Y\u{332} W\u{332}A\u{332}I\u{332}T\u{332}I\u{332}N\u{332}G\u{332} for you");
        assert_eq!(underlined.len(), 3, "{underlined:?}");
        assert!(shouting("F\u{332}R\u{332}E\u{332}E\u{332} M\u{332}O\u{332}N\u{332}E\u{332}Y\u{332} W\u{332}A\u{332}I\u{332}T\u{332}I\u{332}N\u{332}G\u{332} for you"));
        assert_eq!(capital_words("FR33 M0NEY W41TING for you"), ["FR33", "M0NEY", "W41TING"]);
        assert!(shouting("FR33 M0NEY W41TING for you"));
        // One digit ending a word already in leet is a letter too; alone, it ends an identifier.
        assert_eq!(capital_words("CH4NC3 FR33 V1AGR4 for you"), ["CH4NC3", "FR33", "V1AGR4"]);
        assert_eq!(capital_words("CH4NCE FRE3 VIAGRA"), ["CH4NCE", "VIAGRA"]);
        assert!(capital_words("MP3 IPV4 A380 H2O2 X5").is_empty());
        // A code of as many digits as letters is no word spelled in leet (part, lot and model numbers).
        assert!(capital_words("Kit K3S5 P0L1 X7E3").is_empty(), "{:?}", capital_words("Kit K3S5 P0L1 X7E3"));
        assert!(capital_words("Cells A4C3 B1D5 E7F3 G0H1 errors V1R3 B4C4 E3S3").is_empty());
        // Identifiers and model numbers stay identifiers; two letters apart are no word.
        assert!(capital_words("MP3 player, IPV4 and A380 or WIN 10").iter().all(|w| w == "WIN"), "{:?}", capital_words("MP3 player, IPV4 and A380"));
        assert!(capital_words("Plan B for 2026 A 1 X").is_empty());
        assert!(capital_words("a-b testing").is_empty());
        // Ordinary small letters stay lowercase.
        assert!(capital_words("free money waiting for you").is_empty());
    }

    #[test]
    fn cherokee_capitals_are_its_ordinary_letters() {
        // ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ: Cherokee is written in its uppercase syllabary.
        assert!(capital_words("\u{13e3}\u{13b3}\u{13a9} \u{13a6}\u{13ec}\u{13c2}\u{13af}\u{13cd}\u{13d7} \u{13a0}\u{13d5}\u{13b6}").is_empty());
        assert!(!shouting("\u{13e3}\u{13b3}\u{13a9} \u{13a6}\u{13ec}\u{13c2}\u{13af}\u{13cd}\u{13d7} \u{13a0}\u{13d5}\u{13b6}"));
    }
}
