//! `spam/subject-caps`: the guides list "3 or more words in capitals in the
//! subject" among the things that get a mail flagged as spam.

use super::subject_location;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput::Raw, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;
use crate::text::unicode;

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
}

/// Words in capitals that make a subject shout.
pub const SUBJECT_CAPS_WORDS: Threshold = Threshold {
    key: "spam.subjectCapsWords",
    kind: Kind::Int { default: 3, min: 1, max: 100 },
    doc: "Words of two or more letters, all in capitals, from which a subject shouts.",
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
                en: "Capitals in another cased script (Polish, Greek) count too",
                fr: "Les majuscules d'une autre écriture à casse (polonais, grec) comptent aussi",
                es: "Las mayúsculas de otra escritura con caja (polaco, griego) también cuentan",
                pl: "Wielkie litery innego pisma z wielkością liter (polski, grecki) też się liczą",
            },
            Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?q?OSTATNIA_SZANSA_=C5=BBEBY_kupi=C4=87?=\n\nHello.\n"),
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

/// The subject without its leading `Re:` / `Fwd:` markers.
pub(crate) fn strip_reply_prefixes(subject: &str) -> &str {
    let mut rest = subject.trim_start();
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
            if let Some(a) = after.strip_prefix(':') {
                rest = a.trim_start();
                continue;
            }
        }
        return rest;
    }
}

/// Words of two or more letters, all in capitals. Words are maximal runs of
/// letters; a letter of a caseless script (CJK, Arabic, …) makes the word not
/// count. Bracketed tags (`[ILUG]`, `[OT]`, ticket numbers) are left out: list
/// software and help desks add them, not the sender; so are runs joined to `_` or
/// a digit (identifiers such as `FROM_ENDS_IN_NUMS` or `MP3`) and the labels of a
/// domain name (`NEWS.COM`).
pub fn capital_words(subject: &str) -> Vec<&str> {
    subject_words(subject).0
}

/// `capital_words`, and how many words of two or more letters the subject has
/// (counted the same way, in capitals or not).
pub fn subject_words(subject: &str) -> (Vec<&str>, usize) {
    let rest = strip_reply_prefixes(subject);
    let mut words = Vec::new();
    let mut all = 0usize;
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    for (i, c) in rest.char_indices().chain(std::iter::once((rest.len(), ' '))) {
        if unicode::is_alphabetic(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let word = &rest[s..i];
            // A run joined to `_` or a digit is part of an identifier (`FROM_ENDS_IN_NUMS`,
            // `MP3`, `ID42`), and one joined to a dot with a letter or digit on its other side is
            // part of a domain name (`NEWS.COM`, `CNET.COM`): a name that is written that way,
            // not a shouted word. A dot before a space ends a sentence and joins nothing.
            let joined = |c: Option<char>, beyond: Option<char>| {
                c.is_some_and(|c| {
                    c == '_' || c.is_ascii_digit() || (c == '.' && beyond.is_some_and(unicode::is_alphanumeric))
                })
            };
            let mut before = rest[..s].chars().rev();
            let mut after = rest[i..].chars().skip(1);
            let identifier = joined(before.next(), before.next()) || joined(Some(c), after.next());
            if depth == 0 && !identifier && word.chars().count() >= 2 {
                all += 1;
                if word.chars().all(char::is_uppercase) {
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

/// Whether most of the subject is in capitals: at least half of its words
/// (SpamAssassin's SUBJ_ALL_CAPS scores a subject in capitals, not three words
/// among lowercase ones).
pub fn mostly_capitals(capitals: usize, words: usize) -> bool {
    words > 0 && capitals * 2 >= words
}

/// Whether the capital words make the subject shout: `limit` or more, and at
/// least one of four letters or more (ours: a subject of two- and three-letter
/// acronyms — "RH 8 no DMA for DVD" — names things, it does not shout).
pub fn shouts(words: &[&str], limit: usize) -> bool {
    words.len() >= limit.max(1) && words.iter().any(|w| w.chars().count() >= 4)
}

fn check(message: &Message, cx: &mut Context) {
    let Some(subject) = message.subject.as_deref() else { return };
    let (words, all) = subject_words(subject);
    let limit = cx.settings.count(&SUBJECT_CAPS_WORDS);
    if !shouts(&words, limit) {
        return;
    }
    // The guides' factor either way (a warning); its points depend on how much of
    // the subject shouts (scores::SUBJECT_CAPS, SUBJECT_CAPS_AMONG_LOWERCASE).
    let points = if mostly_capitals(words.len(), all) { scores::SUBJECT_CAPS } else { scores::SUBJECT_CAPS_AMONG_LOWERCASE };
    cx.emit(
        Draft::new(Msg::of(&SHOUTING).int("count", words.len()).int("limit", limit).text("words", words.join(", ")))
            .evidence(subject)
            .at(subject_location(message))
            .score(points),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn acronyms_alone_do_not_shout() {
        assert!(!shouts(&capital_words("Re: RH 8 no DMA for DVD drive"), 3));
        assert!(shouts(&capital_words("LAST CHANCE TODAY"), 3));
        assert!(shouts(&capital_words("BUY NOW AND SAVE"), 3));
    }
}
