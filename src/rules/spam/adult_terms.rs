//! `spam/adult-terms`: the guides list "the e-mail contains terms of a
//! pornographic nature or close to it" among the things that get a mail
//! flagged as spam. The lexicon (`data/adult_terms.tsv`: en, fr, es, pl, de,
//! it, pt) is matched on whole words of the folded text (`text::fold`): what a
//! reader reads, whatever characters draw it (`ｐｏｒｎ`, `𝐩𝐨𝐫𝐧`, Cyrillic
//! look-alikes, zero-width characters, `p.o.r.n`, `p0rn`), so innocent words
//! that contain a term (Scunthorpe, Essex, cocktail) never match. Each term is
//! reported as written and as read.
//!
//! One term in the body of a longer text is weak evidence (a word quoted in a
//! discussion): `info`. A term in the subject, or several different terms,
//! is the factor the guides name: `warning`.

use super::terms::{any_accents, built_in_hits, contained_terms, data_lines, found_in, read_form, reader_texts, scan, without_contained, written_and_read, Found};
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading::Place;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, ListDefault, Threshold};
use crate::text::fold::words;
use crate::text::lexicon::Lexicon;
use crate::title;
use std::sync::OnceLock;

crate::rule_texts! { "spam/adult-terms";
    summary => {
        en: "The message contains pornographic or near-pornographic terms.",
        fr: "Le message contient des termes à caractère pornographique ou s'en rapprochant.",
        es: "El mensaje incluye términos pornográficos o que se acercan a ello.",
        pl: "Wiadomość zawiera słowa o charakterze pornograficznym lub zbliżonym.",
    },
    why => {
        en: "The hosting guides list \"the e-mail contains terms of a pornographic nature or close to it\" among the things that make an e-mail look like spam. Words are read as a person reads them: letters drawn with full-width or mathematical characters, look-alike Cyrillic or Greek letters, invisible characters, spaced-out letters and leetspeak (p0rn) are read as the word they show, while words that merely contain a term, such as Scunthorpe or Essex, do not match.",
        fr: "Les guides de l'hébergeur citent « l'e-mail contient des termes à caractère pornographique ou s'en rapprochant » parmi les usages à éviter. Les mots sont lus comme une personne les lit : lettres dessinées en pleine chasse ou en caractères mathématiques, lettres cyrilliques ou grecques d'apparence identique, caractères invisibles, lettres espacées et leetspeak (p0rn) sont lus comme le mot qu'ils montrent, alors que les mots qui contiennent seulement un terme, comme Scunthorpe ou Essex, ne sont pas concernés.",
        es: "Las guías del alojamiento citan «el mensaje incluye términos pornográficos o que se acercan a ello» entre los usos que se deben evitar. Las palabras se leen como las lee una persona: letras de ancho completo o matemáticas, letras cirílicas o griegas de aspecto idéntico, caracteres invisibles, letras separadas y leetspeak (p0rn) se leen como la palabra que muestran, mientras que las palabras que solo contienen un término, como Scunthorpe o Essex, no coinciden.",
        pl: "Przewodniki hostingu wymieniają „e-mail zawiera słowa o charakterze pornograficznym lub zbliżonym” wśród sposobów, których należy unikać. Słowa są czytane tak, jak czyta je człowiek: litery pełnej szerokości lub matematyczne, identycznie wyglądające litery cyrylicy lub greki, niewidoczne znaki, litery rozdzielone odstępami i leetspeak (p0rn) czyta się jako słowo, które pokazują, a słowa, które jedynie zawierają termin, takie jak Scunthorpe czy Essex, nie pasują.",
    },
    fix => {
        en: "Remove or rephrase these words; if a visitor typed them into a form, do not copy the form text into the mail as is.",
        fr: "Retirez ou reformulez ces mots ; si un visiteur les a saisis dans un formulaire, ne recopiez pas tel quel le texte du formulaire dans l'e-mail.",
        es: "Elimine o reformule estas palabras; si un visitante las escribió en un formulario, no copie tal cual el texto del formulario en el correo.",
        pl: "Usuń lub przeformułuj te słowa; jeśli odwiedzający wpisał je w formularzu, nie kopiuj tekstu formularza do wiadomości bez zmian.",
    },
    FOUND "found" => {
        en: "{count, plural, one {# adult term} other {# adult terms}} found in {place}: {terms}.",
        fr: "{count, plural, one {# terme pour adultes trouvé} many {# de termes pour adultes trouvés} other {# termes pour adultes trouvés}} dans {place} : {terms}.",
        es: "{count, plural, one {# término para adultos encontrado} many {# de términos para adultos encontrados} other {# términos para adultos encontrados}} en {place}: {terms}.",
        pl: "Znaleziono {count, plural, one {# słowo} few {# słowa} many {# słów} other {# słowa}} dla dorosłych w {place}: {terms}.",
    },
}

/// Terms added to the built-in lexicon.
pub const ADULT_TERMS_EXTRA: Threshold = Threshold {
    key: "spam.adultTermsExtra",
    kind: Kind::List { default: ListDefault::Items(&[]), max_items: 10_000 },
    doc: Localized {
        en: "Terms added to the built-in lexicon (matched like it: whole words, folded).",
        fr: "Termes ajoutés au lexique intégré (recherchés comme lui : mots entiers, sans casse ni accents).",
        es: "Términos añadidos al léxico integrado (buscados como él: palabras enteras, sin mayúsculas ni acentos).",
        pl: "Terminy dodane do wbudowanego leksykonu (dopasowywane jak on: całe słowa, bez wielkości liter i znaków diakrytycznych).",
    },
    evidence: Evidence::Ours("the caller's own terms"),
};

/// Terms of the built-in lexicon not to report.
pub const ADULT_TERMS_ALLOWED: Threshold = Threshold {
    key: "spam.adultTermsAllowed",
    kind: Kind::List { default: ListDefault::Items(&[]), max_items: 10_000 },
    doc: Localized {
        en: "Terms of the built-in lexicon not to report.",
        fr: "Termes du lexique intégré à ne pas signaler.",
        es: "Términos del léxico integrado de los que no informar.",
        pl: "Terminy z wbudowanego leksykonu, których nie zgłaszać.",
    },
    evidence: Evidence::Ours("the caller's own exceptions"),
};

/// Different terms in the body from which the finding is a warning.
pub const ADULT_TERMS_WARNING: Threshold = Threshold {
    key: "spam.adultTermsWarning",
    kind: Kind::Int { default: 2, min: 1, max: 1_000 },
    doc: Localized {
        en: "Different terms (body, hidden and image text together) from which the finding is a warning; fewer are info. A term in the subject is always a warning.",
        fr: "Nombre de termes différents (corps, texte caché et texte des images ensemble) à partir duquel le constat est un avertissement ; moins, c'est une info. Un terme dans le sujet est toujours un avertissement.",
        es: "Términos distintos (cuerpo, texto oculto y texto de imágenes juntos) a partir de los cuales el hallazgo es una advertencia; menos es info. Un término en el asunto siempre es una advertencia.",
        pl: "Liczba różnych terminów (treść, tekst ukryty i tekst obrazów razem), od której wynik jest ostrzeżeniem; mniej to info. Termin w temacie jest zawsze ostrzeżeniem.",
    },
    evidence: Evidence::Measured(
        "spamassassin-public-dev: one term alone in 8 ham of 750 (a word quoted in a discussion) and 15 spam; two different terms or one in the subject in 0 ham and 5 spam",
    ),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 179, usages to avoid so as not to be considered SPAM: « L'e-mail contient des termes à caractère pornographique ou s’en rapprochant »"),
        Evidence::Receiver("SpamAssassin 20_porn.cf scores adult vocabulary in the body and subject as a spam factor"),
    ],
    score: scores::ADULT_TERMS,
    texts: &TEXTS,
    thresholds: &[&ADULT_TERMS_WARNING, &ADULT_TERMS_EXTRA, &ADULT_TERMS_ALLOWED, &super::invisible_text::INVISIBLE_MIN_CONTRAST],
    examples: &[
        Example::fails(
            title! {
                en: "Two adult terms in the text",
                fr: "Deux termes pour adultes dans le texte",
                es: "Dos términos para adultos en el texto",
                pl: "Dwa słowa dla dorosłych w tekście",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nWatch porn and nudes tonight.\n"),
        ),
        Example::fails(
            title! {
                en: "One term in the body alone is weak evidence (info)",
                fr: "Un seul terme dans le corps est un indice faible (info)",
                es: "Un solo término en el cuerpo es un indicio débil (info)",
                pl: "Jedno słowo w treści to słaba przesłanka (info)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Minutes\n\nThe board discussed the porn filter of the library network.\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "Full-width letters in the subject (ｐｏｒｎ)",
                fr: "Lettres pleine chasse dans le sujet (ｐｏｒｎ)",
                es: "Letras de ancho completo en el asunto (ｐｏｒｎ)",
                pl: "Litery pełnej szerokości w temacie (ｐｏｒｎ)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?b?77yw772P772S772O?= tonight\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "Mathematical bold letters and look-alike Cyrillic letters",
                fr: "Lettres mathématiques grasses et lettres cyrilliques d'apparence identique",
                es: "Letras matemáticas en negrita y letras cirílicas de aspecto idéntico",
                pl: "Pogrubione litery matematyczne i identycznie wyglądające litery cyrylicy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/plain; charset=utf-8\n\nFree \u{1d429}\u{1d428}\u{1d42b}\u{1d427} and \u{455}\u{435}\u{445} videos.\n"),
        ),
        Example::fails(
            title! {
                en: "Zero-width characters, spaced letters and leetspeak are read through",
                fr: "Caractères invisibles, lettres espacées et leetspeak sont lus tels quels",
                es: "Caracteres invisibles, letras separadas y leetspeak se leen igualmente",
                pl: "Znaki niewidoczne, rozstrzelone litery i leetspeak są odczytywane",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHot p=E2=80=8Born, n.u.d.e.s and a wh0r3 tonight.\n"),
        ),
        Example::fails(
            title! {
                en: "Accents dropped and a term of several words, in the subject and the body",
                fr: "Accents omis et terme de plusieurs mots, dans le sujet et le corps",
                es: "Acentos omitidos y término de varias palabras, en el asunto y el cuerpo",
                pl: "Pominięte akcenty i termin z kilku słów, w temacie i treści",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: PORNOGRAFIA\n\nHeute nackte Frauen live.\n"),
        )
        .times(2),
        Example::passes(
            title! {
                en: "Innocent words containing a term (the Scunthorpe problem)",
                fr: "Mots innocents contenant un terme (le problème de Scunthorpe)",
                es: "Palabras inocentes que contienen un término (el problema de Scunthorpe)",
                pl: "Niewinne słowa zawierające termin (problem Scunthorpe)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Scunthorpe and Essex offices\n\nThe analysis by our therapist in Sussex and Middlesex: a cocktail of grapes, XXXms latency, see Dickens.\n"),
        ),
        Example::passes(
            title! {
                en: "A gender field and a cone in Spanish",
                fr: "Un champ de genre et un cône en espagnol",
                es: "Un campo de sexo y un cono en español",
                pl: "Pole płci i rożek po hiszpańsku",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Formulario\n\nNombre: Ana\nSexo: femenino\nPedido: un cono de helado\n"),
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

const LEXICON: &str = include_str!("data/adult_terms.tsv");

/// `built_lexicon()` as bytes (`Lexicon::to_bytes`, the payload the language),
/// written when the crate is written: `make lexicons`, checked by the test
/// `the_prebuilt_lexicon_is_the_one_the_data_builds`.
const LEXICON_BYTES: &[u8] = include_bytes!("data/adult_terms.lexicon");

/// The built-in lexicon, read once from its bytes (built from the data if they
/// were not written by this build): its terms, and the innocent senses of some
/// (`contained`), with the payload `INNOCENT`.
pub fn lexicon() -> &'static Lexicon<&'static str> {
    static LEXICON_TRIE: OnceLock<Lexicon<&'static str>> = OnceLock::new();
    LEXICON_TRIE.get_or_init(|| Lexicon::from_bytes(LEXICON_BYTES, Some).unwrap_or_else(built_lexicon))
}

/// The lexicon built from `data/adult_terms.tsv`.
fn built_lexicon() -> Lexicon<&'static str> {
    Lexicon::new(data_lines(LEXICON).flat_map(|fields| match fields.as_slice() {
        [language, term] => vec![(any_accents(language, term), *language)],
        [language, "innocent", phrase] => vec![(any_accents(language, phrase), INNOCENT)],
        [language, "compound", firsts, lasts] => compounds(firsts, lasts)
            .map(|(c, apart)| (any_accents(language, &c), if apart { SPELLED_APART } else { *language }))
            .collect(),
        _ => Vec::new(),
    }))
}

/// The compounds of a `compound` line of the data: each of its first members
/// (space-separated) joined to each of its last members, as German writes a
/// compound noun in one word (`porno` + `filme`: "Pornofilme"), and the same
/// two members as two words, as a writer spells the compound with a hyphen or
/// apart ("Nackt-Bilder": a hyphen is no letter, so it reads as the phrase
/// `nackt bilder`, counted only when so written). Only the listed members are joined: a word
/// that merely starts with a first member (`Sextett`, `Sexualkunde`,
/// `Nacktschnecke`, `Pornographiegesetz`) or ends with one (`Unisex-Fotos`,
/// `Essex Seite`) is no compound of the list (data/README.md, "German compounds").
/// Each is given with whether it is spelled apart.
fn compounds<'d>(firsts: &'d str, lasts: &'d str) -> impl Iterator<Item = (String, bool)> + 'd {
    firsts.split_whitespace().flat_map(move |first| {
        lasts.split_whitespace().flat_map(move |last| [(format!("{first}{last}"), false), (format!("{first} {last}"), true)])
    })
}

/// The payload of a compound spelled apart (`compounds`): a German term, read
/// only where its two members are written as one compound is, joined by a
/// hyphen (`spelled_as_one_compound`).
const SPELLED_APART: &str = "de-apart";

/// Whether a compound spelled apart was written as one compound is: its two
/// members joined by a hyphen and nothing else ("Nackt-Bilder", "SEX-VIDEOS").
/// Not two words with white space between ("das Thema Sex Seite für Seite",
/// "Nackt Bilder von Statuen", "Angaben zu Sex - Seite 3"), where the last
/// members, common nouns (Seite, Bilder, Filme), begin another phrase of an
/// ordinary sentence, a heading or a form: an adversarial audit of this stop
/// found such prose warned. Nor across the punctuation of a sentence or a list
/// ("Thema Sex: Seite 12", "Sex, Bilder"). Only the first occurrence is looked
/// at (`Found::written`); a text whose first is otherwise written is given up
/// (ours).
fn spelled_as_one_compound(written: &str) -> bool {
    const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];
    written.contains(HYPHENS)
        && !written.chars().any(|c| {
            c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';' | '!' | '?' | '(' | ')' | '[' | ']' | '/' | '|' | '"' | '\'' | '«' | '»' | '„' | '“' | '”')
        })
}

/// The payload of a phrase in which a term has an innocent sense ("pussy
/// willow", "blue tits", "Whore of Babylon": data/README.md).
const INNOCENT: &str = "innocent";

/// The terms of the lexicon that contain others (`terms::contained_terms`):
/// phrases such as `video porno`, and the innocent phrases (`pussy willow`).
fn contained() -> &'static [(usize, Vec<usize>)] {
    static CONTAINED: OnceLock<Vec<(usize, Vec<usize>)>> = OnceLock::new();
    CONTAINED.get_or_init(|| contained_terms(lexicon()))
}

/// `found` without the occurrences of terms inside longer ones
/// (`terms::without_contained`): `video porno` is one term, and a term all of
/// whose occurrences in a text are inside innocent phrases is not found there;
/// then without the innocent phrases themselves.
fn without_innocent_senses<'l>(found: Vec<Found<'l, &'static str>>) -> Vec<Found<'l, &'static str>> {
    // Most texts hold no term: the table of contained terms is read at the
    // first that does, not at a first lint (#14: every first lint pays what it reads).
    if found.is_empty() {
        return found;
    }
    let mut terms = without_contained(contained(), found);
    terms.retain(|t| t.term.payload != INNOCENT && (t.entry.payload != SPELLED_APART || spelled_as_one_compound(&t.written)));
    terms
}


/// Letters two forms of one word share at least (ours: `pornografia` and
/// `pornograficzne` share 10, `erotyczne` and `erotyczny` 8; `sexo` and `sexy`
/// share 3 and are two words).
const SHARED_STEM_LETTERS: usize = 6;

/// Whether two terms as read are forms of one word, counted once towards
/// `ADULT_TERMS_WARNING`: their first words start alike for `SHARED_STEM_LETTERS`
/// letters, or one of 4 letters or more starts the other (`porn`, `porno`,
/// `pornographic`). A noun and its adjective in a school's notice about
/// parental controls ("la pornografia … contenuti pornografici") are one topic,
/// not the two terms of spam.
fn one_word(a: &str, b: &str) -> bool {
    // Without accents: `pornô` and `porno`, `pornográficos` and `pornografia`.
    let first = |t: &str| words(t).into_iter().next().map(|(_, plain)| plain.chars().collect::<Vec<char>>()).unwrap_or_default();
    let (a, b) = (first(a), first(b));
    let shared = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    shared >= SHARED_STEM_LETTERS || (shared >= 4 && shared == a.len().min(b.len()))
}

fn check(message: &Message, cx: &mut Context) {
    let allowed: Vec<String> = cx.settings.list(&ADULT_TERMS_ALLOWED).iter().map(|t| read_form(t)).collect();
    let extra_terms = cx.settings.list(&ADULT_TERMS_EXTRA);
    let extra = (!extra_terms.is_empty()).then(|| Lexicon::new(extra_terms.iter().map(|t| (t.clone(), "extra"))));

    // The bodies as drawn: text in the background's colour left out (`reading::drawn_bodies`).
    let min_contrast = cx.settings.number(&super::invisible_text::INVISIBLE_MIN_CONTRAST);
    let (texts, shared, _) = reader_texts(message, min_contrast);
    let hits = &built_in_hits(message, &texts, shared).adult;
    let mut found = without_innocent_senses(found_in(message, &texts, lexicon(), hits, |e| !allowed.iter().any(|a| *a == e.read)));
    if let Some(extra) = &extra {
        found.extend(without_contained(&contained_terms(extra), scan(message, &texts, extra, |_| true)));
    }
    if found.is_empty() {
        return;
    }
    // Words, not spellings (`porno`, `pornô`) nor forms of one word (`pornografia`,
    // `pornograficzne`; `porn`, `pornographic`): a caller's term that reads as a
    // built-in one is that one.
    let mut distinct: Vec<&str> = Vec::new();
    for f in &found {
        if !distinct.iter().any(|d| one_word(d, &f.term.read)) {
            distinct.push(&f.term.read);
        }
    }
    let strong =
        found.iter().any(|f| f.place == Place::Subject) || distinct.len() >= cx.settings.count(&ADULT_TERMS_WARNING);
    let severity = if strong { Severity::Warning } else { Severity::Info };

    let mut places: Vec<Place> = found.iter().map(|f| f.place).collect();
    places.dedup();
    for place in places {
        let mut in_place: Vec<&Found<&str>> = Vec::new();
        for f in found.iter().filter(|f| f.place == place) {
            // A caller's term may read as a built-in one.
            if !in_place.iter().any(|g| g.term.read == f.term.read) {
                in_place.push(f);
            }
        }
        let Some(first) = in_place.first() else { continue };
        let terms: Vec<String> = in_place.iter().map(|f| written_and_read(&f.written, &f.entry.read)).collect();
        cx.emit(
            Draft::new(
                Msg::of(&FOUND)
                    .text("terms", terms.join(", "))
                    .int("count", in_place.len())
                    .messages("place", vec![place.message().nested()]),
            )
            .evidence(terms.join(", "))
            .at(first.location.clone())
            .severity(severity),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prebuilt_lexicon_is_the_one_the_data_builds() {
        let bytes = built_lexicon().to_bytes(|language| language.to_string());
        super::super::terms::write_prebuilt("adult_terms.lexicon", &bytes);
        assert!(bytes == LEXICON_BYTES, "src/rules/spam/data/adult_terms.lexicon is not what data/adult_terms.tsv builds: run `make lexicons`");
        assert!(Lexicon::from_bytes(LEXICON_BYTES, Some).is_some());
    }

    fn find(text: &str) -> Vec<String> {
        lexicon().scan(text).iter().filter_map(|h| lexicon().entry(h.entry)).map(|e| e.read.to_string()).collect()
    }

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
        "grape",
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
        "XXXms",
        "porch",
        "pore",
        "Kutaisi",
        "seksualność",
        "un cono",
        "Sextus",
        "Essexporn",
        // Taken out or never listed: innocent words of their own (data/README.md).
        "scopare il cortile",
        "Giovanni Verga",
        "una verga di ferro",
        "a verga da janela",
        "a mamada da noite",
        "obciąganie kierownicy skórą",
        "kutasy przy poduszce",
        "Die Handwerker schlampen",
        "dar la teta",
        "qué cachondo",
        "la folla",
        "dare la tetta",
        "moleque safado",
        "Han fick brevet",
        // The nude in art is singular ("Femme nue couchée"); the listed phrases are plural.
        "Femme nue couchée",
        "Donna nuda",
        "Mulher nua",
        "Mujer desnuda",
        "nackte Frau",
    ];

    #[test]
    fn innocent_words_never_match() {
        for word in INNOCENT {
            assert!(find(word).is_empty(), "{word} matched {:?}", find(word));
        }
    }

    /// The common inflected forms of the listed terms are terms (a detection
    /// audit: "pornographiques", "pornograficzne", "pornográficos" were missed).
    #[test]
    fn inflected_forms_are_terms() {
        let forms = [
            "pornographiques", "partouzes", "chaudasses", "fellations", "érotiques",
            "pornográficos", "pornográficas", "putitas", "follando", "coños",
            "pornograficzne", "pornograficznych", "pornografii", "cipki", "cipkę", "dziwkami", "dziwek", "seksu", "ruchania", "erotyczny",
            "pornografische", "pornographischen", "sexvideos", "sexfilme", "pornos", "fickt", "gefickt", "fotzen", "sexkontakt", "nagich dziewczyn",
            "pornografici", "pornografiche", "puttane", "pompini", "mignotte",
            "bucetas", "fodendo", "punhetas", "xoxotas", "pornôs",
        ];
        for form in forms {
            assert_eq!(find(form), [form], "{form}");
        }
        // Capitals and accents dropped, as for every term.
        assert_eq!(find("PORNOGRAFICOS"), ["pornográficos"]);
        assert_eq!(find("Pornograficzną"), ["pornograficzną"]);
        assert_eq!(find("dziwkami i cipkami"), ["dziwkami", "cipkami"]);
        // `=coño` keeps its accent in the plural: "conos" are cones.
        assert!(find("conos de helado").is_empty());
    }

    #[test]
    fn obfuscations_are_read_through() {
        assert_eq!(find("P0RN"), ["porn"]);
        assert_eq!(find("p\u{200b}orn"), ["porn"]);
        assert_eq!(find("p.o.r.n"), ["porn"]);
        assert_eq!(find("s l u t"), ["slut"]);
        assert_eq!(find("ｐｏｒｎ"), ["porn"]);
        assert_eq!(find("𝐩𝐨𝐫𝐧"), ["porn"]);
        assert_eq!(find("wh0r3"), ["whore"]);
        assert_eq!(find("cum$hot"), ["cumshot"]);
        // One occurrence is one term, spelled as the text reads it (es "sexo gratis", pt "sexo grátis").
        assert_eq!(find("SEXO GRÁTIS"), ["sexo grátis"]);
        assert_eq!(find("sexo gratis"), ["sexo gratis"]);
        assert_eq!(find("Darmowy   SEKS!"), ["darmowy seks", "seks"]);
    }

    #[test]
    fn innocent_senses_account_for_their_terms() {
        let read = |index: &usize| lexicon().entry(*index).map_or("", |e| &*e.read);
        let senses: Vec<(&str, Vec<&str>)> = contained().iter().map(|(phrase, terms)| (read(phrase), terms.iter().map(read).collect())).collect();
        assert!(senses.iter().any(|(phrase, terms)| *phrase == "pussy willow" && terms == &["pussy"]));
        assert!(senses.iter().any(|(phrase, terms)| *phrase == "whore of babylon" && terms == &["whore"]));
        assert!(senses.iter().any(|(phrase, terms)| *phrase == "pussy riot" && terms == &["pussy"]));
        assert!(senses.iter().any(|(phrase, terms)| *phrase == "vidéo porno" && terms == &["porno"]), "{senses:?}");
        // Every innocent phrase contains a term: otherwise it is no exception to anything.
        for entry in lexicon().entries().iter().filter(|e| e.payload == super::INNOCENT) {
            assert!(senses.iter().any(|(phrase, terms)| *phrase == entry.read && !terms.is_empty()), "{}", entry.read);
        }
    }

    #[test]
    fn every_language_of_the_lexicon_is_present() {
        for lang in ["en", "fr", "es", "pl", "de", "it", "pt"] {
            assert!(lexicon().entries().iter().filter(|e| e.payload == lang).count() >= 5, "{lang}");
        }
    }
}

#[cfg(test)]
mod place_tests {
    use super::one_word;
    use crate::{Locale, Options};

    /// The adult-terms messages of a raw message, in `locale`, as linted and as rendered again.
    fn messages(raw: &str, locale: Locale) -> Vec<String> {
        let options = Options { locale, ..Options::default() };
        let report = crate::lint(raw.as_bytes(), &options).expect("lints");
        let again = crate::render_report(&crate::lint(raw.as_bytes(), &Options::default()).expect("lints"), locale);
        let of = |r: &crate::Report| r.findings_of(super::ID).map(|f| f.message.clone()).collect::<Vec<_>>();
        assert_eq!(of(&report), of(&again), "rendered again from the parameters, the same text");
        of(&report)
    }

    /// The adult-terms findings of a plain-text message: severity and message.
    fn findings(subject: &str, body: &str) -> Vec<(crate::Severity, String)> {
        let raw = format!("From: a@example.com\nTo: b@example.com\nSubject: {subject}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n");
        let report = crate::lint(raw.as_bytes(), &Options::default()).expect("lints");
        report.findings_of(super::ID).map(|f| (f.severity, f.message.clone())).collect()
    }

    /// One occurrence of text is one term, whatever entries spell it (en
    /// `porno`, pt `pornô`; es `pornografía`, pl/it/pt `pornografia`) and
    /// whatever shorter terms are its words (`video porno`, `darmowy seks`):
    /// one mention alone is info, as `ADULT_TERMS_WARNING` measures.
    #[test]
    fn one_mention_is_one_term_in_every_language() {
        let mentions = [
            ("porno", "porno"),
            ("Porno", "Porno"),
            ("PORNO", "PORNO"),
            ("pornô", "pornô"),
            ("pornografia", "pornografia"),
            ("Pornografía", "Pornografía"),
            ("PORNOGRAFIE", "PORNOGRAFIE"),
            ("vidéo porno", "vidéo porno"),
            ("video porno", "video porno"),
            ("Darmowy seks", "Darmowy seks"),
            ("SEXO GRÁTIS", "SEXO GRÁTIS"),
            ("gratis Porno", "gratis Porno"),
        ];
        for (word, quoted) in mentions {
            let found = findings("Minutes", &format!("We discussed the {word} topic at length in the meeting."));
            assert_eq!(found.len(), 1, "{word}: {found:?}");
            assert_eq!(found[0].0, crate::Severity::Info, "{word}: {found:?}");
            assert!(found[0].1.starts_with("1 adult term found in ") && found[0].1.ends_with(&format!(": {quoted}.")), "{word}: {found:?}");
        }
        // Two spellings of one term are still one term; two terms are two.
        let spellings = findings("Minutes", "porno, then pornô, then PORNOGRAFIA and pornografía.");
        assert_eq!(spellings.len(), 1);
        assert!(spellings[0].1.starts_with("2 adult terms found"), "{spellings:?}");
        assert_eq!(findings("Minutes", "porno and nudes")[0].0, crate::Severity::Warning);
        // A term also written outside the phrase is counted there.
        let apart = findings("Minutes", "video porno, and porno again");
        assert!(apart[0].1.starts_with("2 adult terms found"), "{apart:?}");
    }

    #[test]
    fn allowing_a_term_allows_its_other_spellings() {
        let raw = "From: a@example.com\nTo: b@example.com\nSubject: Minutes\nContent-Type: text/plain; charset=utf-8\n\nThe porno and pornô debate.\n";
        let options = Options::from_json(r#"{"thresholds": {"spam": {"adultTermsAllowed": ["porno"]}}}"#).expect("options");
        let report = crate::lint(raw.as_bytes(), &options).expect("lints");
        assert_eq!(report.findings_of(super::ID).count(), 0);
    }

    #[test]
    fn innocent_senses_are_not_adult_terms() {
        assert_eq!(findings("Garden birds", "The pussy willow catkins are out; blue tits and great tits at the feeder."), []);
        assert_eq!(findings("Reading group", "We read Revelation 17 and the Whore of Babylon."), []);
        // Erotic stories are adult content: one term alone is info.
        let literature = findings("Book club", "Next month: erotic short stories, and the Whore of Babylon in Blake.");
        assert_eq!(literature.len(), 1);
        assert_eq!(literature[0].0, crate::Severity::Info);
        // The same words outside those phrases still count.
        let spam = findings("Hello", "Hot pussy and big tits, blue tits aside.");
        assert_eq!(spam.len(), 1);
        assert_eq!(spam[0].0, crate::Severity::Warning);
        assert!(spam[0].1.contains("pussy, tits") || spam[0].1.contains("tits, pussy"), "{:?}", spam[0].1);
    }

    /// The audit's Italian school note ("scopare il cortile", Giovanni Verga)
    /// and the band Pussy Riot are no adult terms; the plural and inflected
    /// spam of the same audit is.
    #[test]
    fn a_noun_and_its_adjective_are_one_word_in_a_notice() {
        for (subject, body) in [
            ("Kontrola rodzicielska", "Szanowni Rodzice, pornografia w sieci: jak chronić dzieci przed treściami pornograficznymi? Spotkanie w czwartek."),
            ("Contrôle parental", "Chers parents, la pornographie en ligne : comment protéger les enfants des contenus pornographiques ? Réunion jeudi."),
            ("Control parental", "Estimadas familias: la pornografía en internet y los contenidos pornográficos. Reunión el jueves."),
            ("Parental controls", "Dear parents, pornography online and pornographic content: a meeting on Thursday."),
            ("Controllo parentale", "Cari genitori, la pornografia in rete e i contenuti pornografici: incontro giovedì."),
        ] {
            let found = findings(subject, body);
            assert_eq!(found.len(), 1, "{body}: {found:?}");
            assert_eq!(found[0].0, crate::Severity::Info, "{body}: {found:?}");
        }
        assert!(one_word("porn", "pornographic") && one_word("porno", "pornô") && one_word("erotyczne", "erotyczny"));
        assert!(!one_word("sexo", "sexy") && !one_word("porn", "slut") && !one_word("cum", "cumshot"));
        // Two words are still two.
        assert_eq!(findings("News", "Hot porn and live sex tonight.")[0].0, crate::Severity::Warning);
    }

    #[test]
    fn innocent_words_and_inflected_spam_of_the_audit() {
        assert_eq!(findings("Gita scolastica", "Visiteremo la casa di Giovanni Verga a Catania; i ragazzi aiuteranno a scopare il cortile."), []);
        assert_eq!(findings("News", "Pussy Riot played in Berlin last night; a Pussy Riot concert in Warsaw follows."), []);
        let spam = findings(
            "Filmy pornograficzne za darmo",
            "Cipki i dziwkami, pornographiques partouzes, puttane e pompini, bucetas, Pornos und Sexvideos, putitas follando.",
        );
        assert_eq!(spam.len(), 2, "{spam:?}");
        assert!(spam.iter().all(|(severity, _)| *severity == crate::Severity::Warning), "{spam:?}");
        // Pussy Riot aside, the word still counts.
        assert_eq!(findings("Hello", "Pussy Riot, and hot pussy tonight.").len(), 1);
    }

    #[test]
    fn cyrillic_look_alikes_spammers_use_are_read_and_russian_stays_russian() {
        let subject = findings("=?utf-8?B?RnJlZSDRgNC+0LPQvyB0b25pZ2h0?=", "Hello.");
        assert_eq!(subject.len(), 1, "Free рогп tonight");
        assert!(subject[0].1.contains("рогп → porn"), "{:?}", subject[0].1);
        assert_eq!(findings("Hello", "Здравствуйте! Пишите нам в пятницу, пора на работу. Сосок, сок и роса."), []);
    }

    #[test]
    fn the_place_is_said_in_the_readers_language() {
        let subject = "From: a@example.com\nTo: b@example.com\nSubject: free porn tonight\n\nHello.\n";
        assert_eq!(messages(subject, Locale::Fr), ["1 terme pour adultes trouvé dans le sujet : porn."]);
        assert_eq!(messages(subject, Locale::Pl), ["Znaleziono 1 słowo dla dorosłych w temacie: porn."]);
        let image = "From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello there, our news.</p><img src=\"https://example.com/a.png\" alt=\"porn and live sex\">\n";
        let fr = messages(image, Locale::Fr);
        assert_eq!(fr.len(), 1);
        assert!(fr[0].contains("dans la partie MIME 0 (texte des images)"), "{fr:?}");
        let es = messages(image, Locale::Es);
        assert!(es[0].contains("en la parte MIME 0 (texto de las imágenes)"), "{es:?}");
        let en = messages(image, Locale::En);
        assert!(en[0].contains("in MIME part 0 (image text)"), "{en:?}");
    }

    /// The body is read as drawn (`reading::drawn_bodies`), so a term written in
    /// the background's colour is read with the hidden text, as one hidden by style is.
    #[test]
    fn a_term_in_the_background_colour_is_read_as_hidden_text() {
        for style in ["color:#ffffff", "color:#fefefe;background:#fff", "display:none"] {
            let html = format!(
                "From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Our garden news.</p><p style=\"{style}\">free porn tonight</p>\n"
            );
            let en = messages(&html, Locale::En);
            assert_eq!(en.len(), 1, "{style}: {en:?}");
            assert!(en[0].contains("porn"), "{style}: {en:?}");
        }
    }
}
