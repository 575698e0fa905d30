//! `spam/adult-terms`: the guides list "the e-mail contains terms of a
//! pornographic nature or close to it" among the things that get a mail
//! flagged as spam. The lexicon (`adult_terms.txt`, en/fr/es/pl/de/it/pt) is
//! matched on whole words after folding case, accents, leetspeak (`p0rn`) and
//! zero-width characters, and letters spaced out (`p.o.r.n`) are joined, so
//! innocent words that contain a term (Scunthorpe, Essex, cocktail) never match.

use super::subject_location;
use crate::i18n::Msg;
use crate::model::html::is_invisible_char;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, ListDefault, Threshold};
use crate::title;
use std::collections::HashMap;
use std::sync::OnceLock;

crate::rule_texts! { "spam/adult-terms";
    summary => {
        en: "The message contains pornographic or near-pornographic terms.",
        fr: "Le message contient des termes à caractère pornographique ou s'en rapprochant.",
        es: "El mensaje incluye términos pornográficos o que se acercan a ello.",
        pl: "Wiadomość zawiera słowa o charakterze pornograficznym lub zbliżonym.",
    },
    why => {
        en: "The hosting guides list \"the e-mail contains terms of a pornographic nature or close to it\" among the things that make an e-mail look like spam. Words are matched whole, after removing accents, leetspeak (p0rn) and invisible characters, so words such as Scunthorpe or Essex do not match.",
        fr: "Les guides de l'hébergeur citent « l'e-mail contient des termes à caractère pornographique ou s'en rapprochant » parmi les usages à éviter. Les mots sont comparés entiers, après suppression des accents, du leetspeak (p0rn) et des caractères invisibles, si bien que des mots comme Scunthorpe ou Essex ne sont pas concernés.",
        es: "Las guías del alojamiento citan «el mensaje incluye términos pornográficos o que se acercan a ello» entre los usos que se deben evitar. Las palabras se comparan enteras, tras quitar acentos, leetspeak (p0rn) y caracteres invisibles, de modo que palabras como Scunthorpe o Essex no coinciden.",
        pl: "Przewodniki hostingu wymieniają „e-mail zawiera słowa o charakterze pornograficznym lub zbliżonym” wśród sposobów, których należy unikać. Słowa są porównywane w całości po usunięciu akcentów, leetspeaku (p0rn) i niewidocznych znaków, więc słowa takie jak Scunthorpe czy Essex nie pasują.",
    },
    fix => {
        en: "Remove or rephrase these words; if a visitor typed them into a form, do not copy the form text into the mail as is.",
        fr: "Retirez ou reformulez ces mots ; si un visiteur les a saisis dans un formulaire, ne recopiez pas tel quel le texte du formulaire dans l'e-mail.",
        es: "Elimine o reformule estas palabras; si un visitante las escribió en un formulario, no copie tal cual el texto del formulario en el correo.",
        pl: "Usuń lub przeformułuj te słowa; jeśli odwiedzający wpisał je w formularzu, nie kopiuj tekstu formularza do wiadomości bez zmian.",
    },
    FOUND "found" => {
        en: "{count} adult terms found in {place}: {terms}.",
        fr: "{count} termes pour adultes trouvés dans {place} : {terms}.",
        es: "{count} términos para adultos encontrados en {place}: {terms}.",
        pl: "Znaleziono {count} słów dla dorosłych w {place}: {terms}.",
    },
}

/// Terms added to the built-in lexicon.
pub const ADULT_TERMS_EXTRA: Threshold = Threshold {
    key: "spam.adultTermsExtra",
    kind: Kind::List { default: ListDefault::Items(&[]), max_items: 10_000 },
    doc: "Terms added to the built-in lexicon.",
    evidence: Evidence::Ours("the caller's own terms"),
};

/// Terms of the built-in lexicon not to report.
pub const ADULT_TERMS_ALLOWED: Threshold = Threshold {
    key: "spam.adultTermsAllowed",
    kind: Kind::List { default: ListDefault::Items(&[]), max_items: 10_000 },
    doc: "Terms of the built-in lexicon not to report.",
    evidence: Evidence::Ours("the caller's own exceptions"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Error,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 179: « L'e-mail contient des termes à caractère pornographique ou s’en rapprochant »"),
        // TODO(evidence): error severity: the guides list it as a spam factor, not as a refusal
    ],
    score: crate::rules::scores::NONE, // TODO(score): was 40
    texts: &TEXTS,
    thresholds: &[&ADULT_TERMS_EXTRA, &ADULT_TERMS_ALLOWED],
    examples: &[
        Example::fails(
            title! {
                en: "A pornographic term in the text",
                fr: "Un terme pornographique dans le texte",
                es: "Un término pornográfico en el texto",
                pl: "Termin pornograficzny w tekście",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nWatch free porn videos here.\n"),
        ),
        Example::fails(
            title! {
                en: "Leetspeak and accents are folded (p0rn0, PORNOGRAFÍA)",
                fr: "Le leetspeak et les accents sont ramenés à la forme simple (p0rn0, PORNOGRAFÍA)",
                es: "El leetspeak y los acentos se normalizan (p0rn0, PORNOGRAFÍA)",
                pl: "Leetspeak i akcenty są sprowadzane do zwykłych liter (p0rn0, PORNOGRAFÍA)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?q?Pornograf=C3=ADa?=\n\nVer p0rn0 hoy.\n"),
        )
        .times(2),
        Example::fails(
            title! {
                en: "Zero-width characters and spaced letters are removed",
                fr: "Les caractères de largeur nulle et les lettres espacées sont supprimés",
                es: "Los caracteres de ancho cero y las letras espaciadas se eliminan",
                pl: "Znaki o zerowej szerokości i rozstrzelone litery są usuwane",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHot p=E2=80=8Born and n.u.d.e.s tonight.\n"),
        ),
        Example::fails(
            title! {
                en: "A term of several words in German",
                fr: "Un terme de plusieurs mots en allemand",
                es: "Un término de varias palabras en alemán",
                pl: "Termin z kilku słów po niemiecku",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hallo\n\nHeute nackte Frauen live.\n"),
        ),
        Example::passes(
            title! {
                en: "Innocent words containing a term (the Scunthorpe problem)",
                fr: "Des mots innocents qui contiennent un terme (le problème de Scunthorpe)",
                es: "Palabras inocentes que contienen un término (el problema de Scunthorpe)",
                pl: "Niewinne słowa zawierające termin (problem Scunthorpe)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Scunthorpe and Essex offices\n\nThe analysis by our assistant in Sussex and Middlesex: a cocktail of classes, see Dickens.\n"),
        ),
        Example::passes(
            title! {
                en: "A gender field in a Spanish form",
                fr: "Un champ « sexo » dans un formulaire espagnol",
                es: "Un campo «sexo» en un formulario español",
                pl: "Pole „sexo” w hiszpańskim formularzu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Formulario\n\nNombre: Ana\nSexo: femenino\n"),
        ),
        Example::passes(
            title! {
                en: "A term allowed by options",
                fr: "Un terme autorisé par les options",
                es: "Un término permitido por las opciones",
                pl: "Termin dozwolony w opcjach",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Art history\n\nA lecture on erotic art of the Renaissance.\n"),
        )
        .with_options(r#"{"thresholds": {"spam": {"adultTermsAllowed": ["erotic"]}}}"#),
    ],
    check: Check::Message(check),
};

const LEXICON: &str = include_str!("adult_terms.txt");

/// The built-in terms, folded, as word sequences.
fn lexicon() -> &'static [(String, Vec<String>)] {
    static TERMS: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    TERMS.get_or_init(|| {
        LEXICON
            .lines()
            .map(|l| l.split('#').next().unwrap_or_default().trim())
            .filter(|l| !l.is_empty())
            .filter_map(|l| l.split_once(char::is_whitespace).map(|(_, term)| term.trim()))
            .map(|term| (term.to_string(), words(term)))
            .filter(|(_, w)| !w.is_empty())
            .collect()
    })
}

/// A Latin letter without its accent (the common Western and Central European letters).
fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ś' | 'š' | 'ß' => 's',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

/// Leetspeak digits and symbols read as letters inside a word.
fn unleet(c: char) -> char {
    match c {
        '0' => 'o',
        '1' | '!' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        c => c,
    }
}

/// A text folded for matching: lowercase words without accents, leetspeak or
/// invisible characters, in one buffer, each word a range of it.
struct FoldedText {
    buffer: String,
    words: Vec<std::ops::Range<usize>>,
}

impl FoldedText {
    fn word(&self, index: usize) -> &str {
        self.words.get(index).and_then(|r| self.buffer.get(r.clone())).unwrap_or_default()
    }
}

/// Folds `text` in one pass. Runs of three or more single letters (`p.o.r.n`,
/// `s e x`) are also joined into one word, added after the others.
fn fold_text(text: &str) -> FoldedText {
    // Letters and digits folded, every other run of characters as one space.
    // Bytes are pushed directly: this loop is the whole cost of the rule.
    let mut bytes: Vec<u8> = Vec::with_capacity(text.len() + 2);
    bytes.push(b' ');
    let mut previous_is_letter = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() {
            bytes.push(c.to_ascii_lowercase() as u8);
            previous_is_letter = c.is_ascii_alphabetic();
        } else if c.is_ascii() {
            let leet_symbol = matches!(c, '@' | '$' | '!');
            if leet_symbol && previous_is_letter && chars.peek().is_some_and(|n| n.is_alphabetic()) {
                // A symbol between letters is leetspeak (`cum$hot`), elsewhere punctuation.
                bytes.push(c as u8);
            } else {
                if bytes.last() != Some(&b' ') {
                    bytes.push(b' ');
                }
                previous_is_letter = false;
            }
        } else if is_invisible_char(c) {
            // Zero-width characters inside a word are dropped, the word stays whole.
        } else if c.is_alphanumeric() {
            let lower = strip_accent(c.to_lowercase().next().unwrap_or(c));
            let mut utf8 = [0u8; 4];
            bytes.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            previous_is_letter = c.is_alphabetic();
        } else {
            if bytes.last() != Some(&b' ') {
                bytes.push(b' ');
            }
            previous_is_letter = false;
        }
    }
    if bytes.last() != Some(&b' ') {
        bytes.push(b' ');
    }
    // Word ranges, with leetspeak read as letters in words that hold a letter
    // (every leet character is ASCII and maps to an ASCII letter: same length).
    let mut words = Vec::new();
    let mut start = None;
    for i in 0..bytes.len() {
        match (bytes[i] == b' ', start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let word = &bytes[s..i];
                if word.iter().any(|b| b.is_ascii_lowercase() || *b >= 0x80) {
                    for b in &mut bytes[s..i] {
                        if b.is_ascii() {
                            *b = unleet(*b as char) as u8;
                        }
                    }
                }
                words.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    let mut buffer = String::from_utf8(bytes).unwrap_or_default();
    // Spaced-out letters joined.
    let mut joined = Vec::new();
    let mut run: Vec<std::ops::Range<usize>> = Vec::new();
    for range in words.iter().chain(std::iter::once(&(0..0))) {
        let single = buffer.get(range.clone()).is_some_and(|w| w.chars().count() == 1);
        if single {
            run.push(range.clone());
        } else {
            if run.len() >= 3 {
                let word: String = run.iter().filter_map(|r| buffer.get(r.clone())).collect();
                joined.push(word);
            }
            run.clear();
        }
    }
    for word in joined {
        let start = buffer.len();
        buffer.push_str(&word);
        words.push(start..buffer.len());
        buffer.push(' ');
    }
    FoldedText { buffer, words }
}

/// The folded words of `text` (see `fold_text`).
pub fn words(text: &str) -> Vec<String> {
    let folded = fold_text(text);
    (0..folded.words.len()).map(|i| folded.word(i).to_string()).collect()
}

/// The terms of `lexicon` found in `text`, as written in the lexicon. One pass
/// over the words: each word is looked up among the terms' first words.
pub fn find_terms<'t>(text: &str, lexicon: &'t [(String, Vec<String>)]) -> Vec<&'t str> {
    let folded = fold_text(text);
    let mut by_first_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, (_, term_words)) in lexicon.iter().enumerate() {
        if let Some(first) = term_words.first() {
            by_first_word.entry(first.as_str()).or_default().push(index);
        }
    }
    let mut hits: Vec<usize> = Vec::new();
    for position in 0..folded.words.len() {
        let Some(candidates) = by_first_word.get(folded.word(position)) else { continue };
        for &index in candidates {
            let term_words = &lexicon[index].1;
            let matches = position + term_words.len() <= folded.words.len()
                && term_words.iter().enumerate().all(|(k, w)| folded.word(position + k) == w);
            if matches && !hits.contains(&index) {
                hits.push(index);
            }
        }
    }
    hits.sort_unstable();
    let mut found: Vec<(&str, &[String])> = Vec::new();
    for index in hits {
        let (term, term_words) = &lexicon[index];
        // Terms of two languages may fold to the same words (es "sexo gratis", pt "sexo grátis").
        if !found.iter().any(|(_, w)| *w == term_words.as_slice()) {
            found.push((term.as_str(), term_words.as_slice()));
        }
    }
    found.into_iter().map(|(term, _)| term).collect()
}

fn check(message: &Message, cx: &mut Context) {
    let allowed: Vec<Vec<String>> = cx.settings.list(&ADULT_TERMS_ALLOWED).iter().map(|t| words(t)).collect();
    let mut terms: Vec<(String, Vec<String>)> =
        lexicon().iter().filter(|(_, w)| !allowed.contains(w)).cloned().collect();
    terms.extend(
        cx.settings.list(&ADULT_TERMS_EXTRA).iter().map(|t| (t.clone(), words(t))).filter(|(_, w)| !w.is_empty()),
    );

    let mut places: Vec<(String, Location, String)> = Vec::new();
    if let Some(subject) = &message.subject {
        places.push(("Subject".into(), subject_location(message), subject.clone()));
    }
    for html in &message.html {
        let location = super::part_location(message, html.part);
        places.push((format!("part {}", html.part), location.clone(), html.facts.visible_text.clone()));
        let hidden: Vec<&str> =
            html.facts.runs.iter().filter(|r| r.hidden.is_some()).map(|r| r.text.as_str()).collect();
        if !hidden.is_empty() {
            places.push((format!("part {} (hidden text)", html.part), location.clone(), hidden.join(" ")));
        }
        let alts: Vec<&str> = html.facts.images.iter().filter_map(|i| i.alt.as_deref()).collect();
        if !alts.is_empty() {
            places.push((format!("part {} (image text)", html.part), location, alts.join(" ")));
        }
    }
    if message.html.is_empty() {
        for part in message.text_bodies() {
            let text = part.text().unwrap_or_default().to_string();
            places.push((format!("part {}", part.index), super::part_location(message, part.index), text));
        }
    }
    for (place, location, text) in places {
        let found = find_terms(&text, &terms);
        if found.is_empty() {
            continue;
        }
        let evidence = quote_around(&text, found[0]);
        cx.emit(
            Draft::new(Msg::of(&FOUND).text("terms", found.join(", ")).int("count", found.len()).text("place", place))
                .evidence(evidence)
                .at(location),
        );
    }
}

/// A short quote of `text` around the first occurrence of `term` (folded search);
/// the start of the text when the term is obfuscated beyond a plain search.
fn quote_around(text: &str, term: &str) -> String {
    let lower = text.to_lowercase();
    let first_word = term.split_whitespace().next().unwrap_or(term);
    let chars: Vec<char> = text.chars().collect();
    let position = lower.find(first_word).map(|byte| lower[..byte].chars().count()).unwrap_or(0);
    let start = position.saturating_sub(40);
    let end = (position + 80).min(chars.len());
    chars.get(start..end).map(|s| s.iter().collect::<String>()).unwrap_or_default().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Innocent words that contain a term or look like one: none may match.
    const INNOCENT: &[&str] = &[
        "Scunthorpe",
        "Essex",
        "Sussex",
        "Middlesex",
        "Wessex",
        "analysis",
        "analyst",
        "analyse",
        "cocktail",
        "Hancock",
        "peacock",
        "assistant",
        "assessment",
        "classic",
        "passage",
        "therapist",
        "grapefruit",
        "Dickens",
        "cumulative",
        "document",
        "sextant",
        "sexton",
        "Sexo: masculino",
        "sextuple",
        "Penistone",
        "Titanic",
        "titular",
        "Pornic",
        "Pornichet",
        "cul-de-sac",
        "nue-propriété",
        "Arsenal",
        "shiitake",
        "Matsushita",
        "sussex.ac.uk",
        "Mississippi",
        "hotel",
        "escort ship",
        "tetanus",
        "putative",
        "computational",
        "reputation",
        "Puttanesca",
        "scoparia",
        "foderato",
        "Buceo",
        "XXL",
        "XL",
        "porch",
        "pore",
        "Kutaisi",
        "seksualność",
    ];

    #[test]
    fn innocent_words_never_match() {
        for word in INNOCENT {
            assert!(find_terms(word, lexicon()).is_empty(), "{word} matched {:?}", find_terms(word, lexicon()));
        }
    }

    #[test]
    fn obfuscations_are_folded() {
        assert_eq!(find_terms("P0RN", lexicon()), vec!["porn"]);
        assert_eq!(find_terms("p\u{200b}orn", lexicon()), vec!["porn"]);
        assert_eq!(find_terms("p.o.r.n", lexicon()), vec!["porn"]);
        assert_eq!(find_terms("s l u t", lexicon()), vec!["slut"]);
        assert_eq!(find_terms("SEXO GRÁTIS", lexicon()), vec!["sexo gratis"]);
        assert_eq!(find_terms("Darmowy   SEKS!", lexicon()), vec!["seks", "darmowy seks"]);
        assert_eq!(find_terms("wh0r3", lexicon()), vec!["whore"]);
        assert_eq!(find_terms("cum$hot", lexicon()), vec!["cumshot"]);
    }

    #[test]
    fn every_language_of_the_lexicon_is_present() {
        for lang in ["en", "fr", "es", "pl", "de", "it", "pt"] {
            assert!(LEXICON.lines().any(|l| l.starts_with(&format!("{lang} "))), "{lang}");
        }
    }
}
