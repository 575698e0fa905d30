//! `spam/subject-prefix`: the guides list "the subject starts with: Hi, FREE,
//! BUY, BUYING, …" among the things that get a mail flagged as spam.

use super::subject_caps::{marks_a_reply, strip_reply_prefixes};
use super::subject_location;
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, ListDefault, Threshold};
use crate::text::fold::{WordFolder, WordKind};
use crate::text::lexicon::spells;
use crate::title;
use std::ops::Range;

crate::rule_texts! { "spam/subject-prefix";
    summary => {
        en: "The subject starts with a word spammers use (Hi, FREE, BUY, BUYING, …).",
        fr: "Le sujet commence par un mot de spammeur (Hi, FREE, BUY, BUYING…).",
        es: "El asunto empieza por una palabra típica del spam (Hi, FREE, BUY, BUYING…).",
        pl: "Temat zaczyna się od słowa typowego dla spamu (Hi, FREE, BUY, BUYING…).",
    },
    why => {
        en: "The hosting guides list \"the subject of the e-mail starts with: Hi, FREE, BUY, BUYING, …\" among the things that make an e-mail look like spam. mail-preflight also checks the usual equivalents in English, French, Spanish, Polish, German, Italian and Portuguese.",
        fr: "Les guides de l'hébergeur citent « le sujet de l'e-mail commence par : Hi, FREE, BUY, BUYING… » parmi les usages à éviter. mail-preflight vérifie aussi les équivalents courants en anglais, français, espagnol, polonais, allemand, italien et portugais.",
        es: "Las guías del alojamiento citan «el asunto del mensaje empieza por: Hi, FREE, BUY, BUYING…» entre los usos que se deben evitar. mail-preflight comprueba también los equivalentes habituales en inglés, francés, español, polaco, alemán, italiano y portugués.",
        pl: "Przewodniki hostingu wymieniają „temat wiadomości rozpoczyna się od: Hi, FREE, BUY, BUYING…” wśród sposobów, których należy unikać. mail-preflight sprawdza też typowe odpowiedniki w języku angielskim, francuskim, hiszpańskim, polskim, niemieckim, włoskim i portugalskim.",
    },
    fix => {
        en: "Start the subject with what the message is about (\"Your order 1234\", \"New contact request\"), not a greeting or an offer.",
        fr: "Commencez le sujet par l'objet du message (« Votre commande 1234 », « Nouvelle demande de contact »), pas par une salutation ou une offre.",
        es: "Empiece el asunto por el tema del mensaje («Su pedido 1234», «Nueva solicitud de contacto»), no por un saludo o una oferta.",
        pl: "Zacznij temat od tego, czego dotyczy wiadomość („Twoje zamówienie 1234”, „Nowe zapytanie kontaktowe”), a nie od powitania czy oferty.",
    },
    LISTED "listed" => {
        en: "The subject starts with \"{prefix}\", a word the spam filters watch for.",
        fr: "Le sujet commence par « {prefix} », un mot surveillé par les filtres anti-spam.",
        es: "El asunto empieza por «{prefix}», una palabra que vigilan los filtros antispam.",
        pl: "Temat zaczyna się od „{prefix}”, słowa, na które zwracają uwagę filtry antyspamowe.",
    },
    LISTED_GREETING "listed-greeting" => {
        en: "The subject starts with the greeting \"{prefix}\": the guides list \"Hi\" among the openings of spam, and a greeting says nothing of what the message is about.",
        fr: "Le sujet commence par la salutation « {prefix} » : les guides citent « Hi » parmi les débuts de sujet des spams, et une salutation ne dit rien de l'objet du message.",
        es: "El asunto empieza por el saludo «{prefix}»: las guías citan «Hi» entre los comienzos de asunto del spam, y un saludo no dice nada del tema del mensaje.",
        pl: "Temat zaczyna się od powitania „{prefix}”: przewodniki wymieniają „Hi” wśród początków tematów spamu, a powitanie nic nie mówi o tym, czego dotyczy wiadomość.",
    },
    BEHIND_FORWARD "behind-forward" => {
        en: "The subject starts with \"{prefix}\", a word the spam filters watch for, behind a forward marker: if the message forwards nothing, the marker only hides the subject's real start.",
        fr: "Le sujet commence par « {prefix} », un mot surveillé par les filtres anti-spam, derrière une marque de transfert : si le message ne transfère rien, la marque ne fait que masquer le vrai début du sujet.",
        es: "El asunto empieza por «{prefix}», una palabra que vigilan los filtros antispam, tras una marca de reenvío: si el mensaje no reenvía nada, la marca solo oculta el verdadero comienzo del asunto.",
        pl: "Temat zaczyna się od „{prefix}”, słowa, na które zwracają uwagę filtry antyspamowe, poprzedzonego oznaczeniem przekazania: jeśli wiadomość niczego nie przekazuje, oznaczenie tylko ukrywa prawdziwy początek tematu.",
    },
    BEHIND_FORWARD_GREETING "behind-forward-greeting" => {
        en: "The subject starts with the greeting \"{prefix}\" behind a forward marker: a greeting says nothing of what the message is about, and if the message forwards nothing, the marker only hides the subject's real start.",
        fr: "Le sujet commence par la salutation « {prefix} » derrière une marque de transfert : une salutation ne dit rien de l'objet du message, et si le message ne transfère rien, la marque ne fait que masquer le vrai début du sujet.",
        es: "El asunto empieza por el saludo «{prefix}» tras una marca de reenvío: un saludo no dice nada del tema del mensaje y, si el mensaje no reenvía nada, la marca solo oculta el verdadero comienzo del asunto.",
        pl: "Temat zaczyna się od powitania „{prefix}” poprzedzonego oznaczeniem przekazania: powitanie nic nie mówi o tym, czego dotyczy wiadomość, a jeśli wiadomość niczego nie przekazuje, oznaczenie tylko ukrywa prawdziwy początek tematu.",
    },
    FAKE_REPLY "fake-reply" => {
        en: "The subject starts with \"{prefix}\", a word the spam filters watch for, behind a reply marker although the message replies to nothing (no In-Reply-To or References).",
        fr: "Le sujet commence par « {prefix} », un mot surveillé par les filtres anti-spam, derrière une marque de réponse alors que le message ne répond à rien (ni In-Reply-To ni References).",
        es: "El asunto empieza por «{prefix}», una palabra que vigilan los filtros antispam, tras una marca de respuesta aunque el mensaje no responde a nada (sin In-Reply-To ni References).",
        pl: "Temat zaczyna się od „{prefix}”, słowa, na które zwracają uwagę filtry antyspamowe, poprzedzonego oznaczeniem odpowiedzi, choć wiadomość na nic nie odpowiada (brak In-Reply-To i References).",
    },
    FAKE_REPLY_GREETING "fake-reply-greeting" => {
        en: "The subject starts with the greeting \"{prefix}\" behind a reply marker although the message replies to nothing (no In-Reply-To or References): a greeting says nothing of what the message is about.",
        fr: "Le sujet commence par la salutation « {prefix} » derrière une marque de réponse alors que le message ne répond à rien (ni In-Reply-To ni References) : une salutation ne dit rien de l'objet du message.",
        es: "El asunto empieza por el saludo «{prefix}» tras una marca de respuesta aunque el mensaje no responde a nada (sin In-Reply-To ni References): un saludo no dice nada del tema del mensaje.",
        pl: "Temat zaczyna się od powitania „{prefix}” poprzedzonego oznaczeniem odpowiedzi, choć wiadomość na nic nie odpowiada (brak In-Reply-To i References): powitanie nic nie mówi o tym, czego dotyczy wiadomość.",
    },
}

/// Words a subject must not start with, matched case-insensitively on a word boundary.
pub const SUBJECT_PREFIXES: Threshold = Threshold {
    key: "spam.subjectPrefixes",
    kind: Kind::List { default: ListDefault::Lines(include_str!("subject_prefixes.txt")), max_items: 10_000 },
    doc: Localized {
        en: "Words a subject must not start with, matched case-insensitively on a word boundary.",
        fr: "Mots par lesquels un sujet ne doit pas commencer, recherchés sans tenir compte de la casse, en limite de mot.",
        es: "Palabras con las que un asunto no debe empezar, buscadas sin distinguir mayúsculas, en límite de palabra.",
        pl: "Słowa, od których temat nie może się zaczynać, dopasowywane bez względu na wielkość liter, na granicy słowa.",
    },
    evidence: Evidence::Guide("seed 002 (fr) l. 171: « Le sujet de l'e-mail commence par : Hi, FREE, BUY, BUYING,.... »; `adv`, `advert`: the UCE label of SpamAssassin 4.0 ENGLISH_UCE_SUBJECT (20_head_tests.cf); the other entries are common equivalents in en/fr/es/pl/de/it/pt (ours), each fr/es/pl/de/it/pt one a translation of an English one; subjects starting with each English entry, SpamAssassin public corpus ham/spam: subject_prefixes.txt"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[Evidence::Guide(
        "seed 002 (fr) l. 171: « Le sujet de l'e-mail commence par : Hi, FREE, BUY, BUYING,.... »",
    )],
    score: crate::rules::scores::SUBJECT_PREFIX,
    texts: &TEXTS,
    thresholds: &[&SUBJECT_PREFIXES],
    examples: &[
        Example::fails(
            title! {
                en: "The guides' own example: FREE",
                fr: "L'exemple même des guides : FREE",
                es: "El propio ejemplo de las guías: FREE",
                pl: "Przykład wprost z przewodników: FREE",
            },
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nSubject: FREE shipping on all orders\n\nHello.\n",
            ),
        ),
        Example::fails(
            title! {
                en: "Hi, in any case",
                fr: "Hi, en majuscules ou minuscules",
                es: "Hi, en mayúsculas o minúsculas",
                pl: "Hi, pisane dowolną wielkością liter",
            },
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nSubject: hi! a message from the website\n\nHello.\n",
            ),
        ),
        Example::fails(
            title! {
                en: "A French equivalent: Gratuit",
                fr: "Un équivalent français : Gratuit",
                es: "Un equivalente francés: Gratuit",
                pl: "Francuski odpowiednik: Gratuit",
            },
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?q?Gratuit_=3A_votre_essai?=\n\nBonjour.\n",
            ),
        ),
        Example::fails(
            title! {
                en: "A Polish equivalent of several words: Za darmo",
                fr: "Un équivalent polonais en plusieurs mots : Za darmo",
                es: "Un equivalente polaco de varias palabras: Za darmo",
                pl: "Polski odpowiednik z kilku słów: Za darmo",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Za darmo dla Ciebie\n\nCzesc.\n"),
        ),
        Example::fails(
            title! {
                en: "Zero-width spaces and full-width letters do not hide the word",
                fr: "Les espaces de largeur nulle et les lettres pleine chasse ne cachent pas le mot",
                es: "Los espacios de ancho cero y las letras de ancho completo no ocultan la palabra",
                pl: "Spacje zerowej szerokości i litery pełnej szerokości nie ukrywają słowa",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: F\u{200b}R\u{200b}E\u{200b}E money for you\nContent-Type: text/plain; charset=utf-8\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "Leet, spaced letters, and a reply marker on a message that replies to nothing",
                fr: "Du leet, des lettres espacées, et une marque de réponse sur un message qui ne répond à rien",
                es: "Leet, letras separadas y una marca de respuesta en un mensaje que no responde a nada",
                pl: "Leet, rozstrzelone litery i oznaczenie odpowiedzi w wiadomości, która na nic nie odpowiada",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Re: F R E E iPhone for you\n\nHello.\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "A real reply to a subject that started so",
                fr: "Une vraie réponse à un sujet qui commençait ainsi",
                es: "Una respuesta real a un asunto que empezaba así",
                pl: "Prawdziwa odpowiedź na temat, który tak się zaczynał",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Re: Free tickets for Saturday?\nIn-Reply-To: <1@example.com>\nReferences: <1@example.com>\n\nYes, two please.\n"),
        ),
        Example::passes(
            title! {
                en: "A word that only begins like a listed one (Hiking, Freedom)",
                fr: "Un mot qui commence seulement comme un mot listé (Hiking, Freedom)",
                es: "Una palabra que solo empieza como una de la lista (Hiking, Freedom)",
                pl: "Słowo, które tylko zaczyna się jak słowo z listy (Hiking, Freedom)",
            },
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nSubject: Hiking trip: Freedom trail\n\nHello.\n",
            ),
        ),
        Example::passes(
            title! {
                en: "An offer, as in English (\"Winter sale\"): Oferta de invierno",
                fr: "Une offre, comme en anglais (« Winter sale ») : Oferta de invierno",
                es: "Una oferta, como en inglés («Winter sale»): Oferta de invierno",
                pl: "Oferta, tak jak po angielsku („Winter sale”): Oferta de invierno",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Oferta de invierno: 20 % en abrigos\n\nHola.\n"),
        ),
        Example::passes(
            title! {
                en: "A listed word later in the subject",
                fr: "Un mot listé plus loin dans le sujet",
                es: "Una palabra de la lista más adelante en el asunto",
                pl: "Słowo z listy dalej w temacie",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Your order ships free\n\nHello.\n"),
        ),
        Example::passes(
            title! {
                en: "A list of prefixes from options",
                fr: "Une liste de préfixes dans les options",
                es: "Una lista de prefijos en las opciones",
                pl: "Lista prefiksów w opcjach",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi from the shop\n\nHello.\n"),
        )
        .with_options(r#"{"thresholds": {"spam": {"subjectPrefixes": ["buy"]}}}"#),
    ],
    check: Check::Message(check),
};

/// The listed prefix the subject starts with, if any: the subject's first
/// words, read as a person reads them (`crate::text::fold`: zero-width
/// characters and soft hyphens drawn between letters dropped, full-width and
/// styled letters and look-alikes read as the letters they show, case
/// ignored), are the prefix's words. So `F\u{200b}R\u{200b}E\u{200b}E money`
/// and `ＦＲＥＥ money` start with "free", and "Freedom" does not. Nor does a
/// compound joined by a hyphen (`Hi-Fi Klang`, `Hi-Tech repairs`): its first
/// part is no greeting, as a dictionary reads it.
pub fn listed_prefix<'p>(subject: &str, prefixes: &'p [String]) -> Option<&'p str> {
    let read = Prefixes::new(prefixes);
    let found = read.find(subject)?;
    prefixes.iter().map(String::as_str).find(|p| *p == found)
}

/// A list of prefixes as compared: each one as the list writes it, its words as
/// read (`read_words`), and the ASCII letter it starts with. The default list's
/// is read once for all messages (`Prefixes::of`); reading the 47 defaults for
/// each message, and folding those that start with the subject's letter, was
/// most of the rule's cost (callgrind, corpus pass).
#[derive(Clone)]
pub struct Prefixes(Vec<Prefix>);

#[derive(Clone)]
struct Prefix {
    text: String,
    words: Vec<String>,
    /// The words without their accents.
    plain: Vec<String>,
    letter: Option<char>,
}

impl Prefixes {
    pub fn new(prefixes: &[String]) -> Prefixes {
        let mut folder = WordFolder::default();
        let read = |text: &String| {
            let (words, plain) = read_words(&mut folder, text);
            Prefix {
                text: text.clone(),
                words,
                plain,
                letter: text.trim_start().chars().next().map(|c| c.to_ascii_lowercase()).filter(char::is_ascii_alphabetic),
            }
        };
        Prefixes(prefixes.iter().map(read).collect())
    }

    /// The default list's, read once; the caller's own list, read for the message.
    fn of(settings: &crate::settings::Settings) -> std::borrow::Cow<'static, Prefixes> {
        static DEFAULT: std::sync::OnceLock<Prefixes> = std::sync::OnceLock::new();
        match settings.own_list(&SUBJECT_PREFIXES) {
            Some(items) => std::borrow::Cow::Owned(Prefixes::new(items)),
            None => std::borrow::Cow::Borrowed(DEFAULT.get_or_init(|| Prefixes::new(&settings.list(&SUBJECT_PREFIXES)))),
        }
    }

    /// The first prefix the subject starts with, as the list writes it.
    fn find(&self, subject: &str) -> Option<&str> {
        let mut folder = WordFolder::default();
        let read = read_subject(&mut folder, subject);
        let first = read.seen.first()?;
        let prefix = self.0.iter().find(|Prefix { words, plain, letter, .. }| {
            // Most prefixes differ from the subject in their first letter.
            if letter.is_some_and(|c| !read.read(first).starts_with(c) && !first.leet) {
                return false;
            }
            // A subject may drop an accent the prefix has (`Czesc`, `Vous avez gagne`),
            // not add one, as the lexicons read words (`text::lexicon`): spam drops them
            // to pass filters, and so does a keyboard without them.
            let dropped = |seen: &Seen, plain: &String| read.read(seen) == read.plain(seen) && read.plain(seen) == plain;
            !words.is_empty()
                && words.len() <= read.seen.len()
                && read.seen.iter().zip(words.iter().zip(plain)).all(|(seen, (word, plain))| {
                    read.read(seen) == word || dropped(seen, plain) || (seen.leet && spells(read.plain(seen), word))
                })
                && !read.seen.get(words.len() - 1).is_some_and(|seen| hyphen_joined(&subject[seen.end..]))
        })?;
        Some(&prefix.text)
    }
}

/// The subject's first words as read (`read_subject`): each word's forms are
/// ranges of one text, not two strings a word (#14: with the lists they were
/// 19 allocations a message of the corpus, dhat).
struct SubjectWords {
    text: String,
    seen: Vec<Seen>,
}

/// A word of the subject as read: `read`, its accents dropped (`plain`), both
/// in `SubjectWords::text`; whether it is leet (`FR33`), read against each
/// prefix's own spelling as the lexicon does (`text::lexicon::spells`); where it
/// starts and ends in the subject.
struct Seen {
    read: Range<usize>,
    plain: Range<usize>,
    leet: bool,
    start: usize,
    end: usize,
}

impl SubjectWords {
    fn read(&self, seen: &Seen) -> &str {
        self.text.get(seen.read.clone()).unwrap_or_default()
    }

    fn plain(&self, seen: &Seen) -> &str {
        self.text.get(seen.plain.clone()).unwrap_or_default()
    }
}

/// Whether `rest`, the subject after a word, joins it by a hyphen to more letters.
fn hyphen_joined(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('-' | '\u{2010}' | '\u{2011}')) && chars.next().is_some_and(char::is_alphanumeric)
}

/// The subject's first words as read (`read_words`), with the byte offsets
/// where each starts and ends. Single letters spaced out (`F R E E`, `F.R.E.E`)
/// are read as the one word they spell (`WordKind::Spaced`).
fn read_subject(folder: &mut WordFolder, text: &str) -> SubjectWords {
    let head = head(text);
    let mut words = SubjectWords { text: String::with_capacity(2 * head.len()), seen: Vec::with_capacity(MAX_PREFIX_WORDS + 1) };
    folder.fold_words(head, |word| {
        if word.kind == WordKind::Spaced {
            // It follows the single letters it joins: they give way to it.
            while let Some(seen) = words.seen.pop_if(|seen| seen.start >= word.span.0) {
                words.text.truncate(seen.read.start);
            }
        } else if !matches!(word.kind, WordKind::Plain | WordKind::Leet) {
            return;
        }
        // A leet word of one letter is a name (`H1`, `B2`), not a word spelt in digits.
        let leet = word.kind == WordKind::Leet && word.plain.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let start = words.text.len();
        words.text.push_str(word.read);
        words.text.push_str(word.plain);
        let (read, plain) = (start..start + word.read.len(), start + word.read.len()..words.text.len());
        words.seen.push(Seen { read, plain, leet, start: word.span.0, end: word.span.1 });
    });
    // Only the first words are compared with a prefix.
    words.seen.truncate(MAX_PREFIX_WORDS + 1);
    words
}

/// The start of a text that is read for its first words (`MAX_PREFIX_CHARS`).
fn head(text: &str) -> &str {
    text.char_indices().nth(MAX_PREFIX_CHARS).map_or(text, |(at, _)| &text[..at])
}

/// The words of `text` as read (`Word::read`) and without their accents
/// (`Word::plain`), spaced-out joins left out: at most `MAX_PREFIX_WORDS` + 1, as
/// no prefix is compared further.
fn read_words(folder: &mut WordFolder, text: &str) -> (Vec<String>, Vec<String>) {
    let (mut words, mut plain) = (Vec::new(), Vec::new());
    // A subject is at most a header field long; only its start is compared.
    folder.fold_words(head(text), |word| {
        if matches!(word.kind, WordKind::Plain | WordKind::Leet) && words.len() <= MAX_PREFIX_WORDS {
            words.push(word.read.to_string());
            plain.push(word.plain.to_string());
        }
    });
    (words, plain)
}

/// The greetings of the default list: the guides' "Hi" and its equivalents
/// (`subject_prefixes.txt`). A subject opening with one weighs less than one
/// opening with an offer (`scores::SUBJECT_PREFIX_GREETING`), whichever list the
/// caller gives.
const GREETINGS: [&str; 10] = ["hi", "hello", "hey", "salut", "hola", "cześć", "hej", "hallo", "ciao", "oi"];

fn is_greeting(prefix: &str) -> bool {
    let prefix = prefix.trim().to_lowercase();
    GREETINGS.contains(&prefix.as_str())
}

/// Words of a prefix compared with the subject's (ours: the longest default prefix has three).
const MAX_PREFIX_WORDS: usize = 8;
/// Characters of the subject read for its first words (ours).
const MAX_PREFIX_CHARS: usize = 200;

fn check(message: &Message, cx: &mut Context) {
    let Some(subject) = message.subject.as_deref() else { return };
    let prefixes = Prefixes::of(cx.settings);
    if let Some(prefix) = prefixes.find(subject).map(str::to_string) {
        let draft = if is_greeting(&prefix) {
            Draft::new(Msg::of(&LISTED_GREETING).text("prefix", prefix)).score(crate::rules::scores::SUBJECT_PREFIX_GREETING)
        } else {
            Draft::new(Msg::of(&LISTED).text("prefix", prefix))
        };
        cx.emit(draft.evidence(subject).at(subject_location(message)));
        return;
    }
    // A reply marker on a message that replies to nothing (no In-Reply-To, no
    // References: RFC 5322 §3.6.4, a reply carries them) hides the subject's real start.
    // A forward's marker (`Fwd:`, `TR :`) does not: a forward carries neither, and
    // what follows it is the forwarded message's subject, not the sender's.
    let rest = strip_reply_prefixes(subject);
    let reply = marks_a_reply(subject);
    if rest.len() == subject.trim_start().len()
        || (reply && (message.header("In-Reply-To").is_some() || message.header("References").is_some()))
    {
        return;
    }
    let Some(prefix) = prefixes.find(rest).map(str::to_string) else { return };
    // Information only (measured: on the SpamAssassin hard ham it hit 3 newsletters
    // and none of the 1,146 spam of spam-2; 1 of 1,397 held-out spam): no score.
    // A forward's marker (`Fwd:`, `TR :`) is said as one: a forward carries no
    // In-Reply-To, and the words behind it may be the forwarded message's.
    // A greeting is said as one: it is no word a filter watches for, only a
    // start that says nothing (`LISTED_GREETING`).
    let text = match (reply, is_greeting(&prefix)) {
        (true, false) => &FAKE_REPLY,
        (true, true) => &FAKE_REPLY_GREETING,
        (false, false) => &BEHIND_FORWARD,
        (false, true) => &BEHIND_FORWARD_GREETING,
    };
    let draft = Draft::new(Msg::of(text).text("prefix", prefix)).evidence(subject);
    cx.emit(draft.at(subject_location(message)).severity(Severity::Info));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(subject: &str, extra: &str) -> Vec<(String, Severity, f64)> {
        let raw = format!("From: a@example.com\nTo: b@example.com\nSubject: {subject}\n{extra}Content-Type: text/plain; charset=utf-8\n\nHello.\n");
        let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
        report.findings.into_iter().filter(|f| f.rule_id == ID).map(|f| (f.message_id, f.severity, f.score)).collect()
    }

    #[test]
    fn a_greeting_weighs_less_than_an_offer() {
        let greeting = |_: &str| vec![("spam/subject-prefix.listed-greeting".to_string(), Severity::Warning, crate::rules::scores::SUBJECT_PREFIX_GREETING)];
        for subject in ["Hola Begoña, tu pedido ya está en camino", "Cześć Kasiu, Twoja paczka", "Czesc Kasiu", "HI there", "Hallo Frau Schäfer"] {
            assert_eq!(findings(subject, ""), greeting(subject), "{subject}");
        }
        for subject in ["FREE shipping on all orders", "Darmowa dostawa", "Kostenlose Lieferung", "Wygrałaś nagrodę", "Has ganado un premio"] {
            assert_eq!(findings(subject, ""), vec![("spam/subject-prefix.listed".to_string(), Severity::Warning, crate::rules::scores::SUBJECT_PREFIX)], "{subject}");
        }
    }

    #[test]
    fn a_forward_marker_is_said_as_one() {
        // Behind a reply marker with no In-Reply-To: information.
        assert_eq!(findings("Re: FREE tickets", "").len(), 1);
        assert_eq!(findings("Re: FREE tickets", "")[0].1, Severity::Info);
        // Behind a forward's: information said of a forward marker, with or without In-Reply-To.
        for subject in ["Fwd: FREE tickets", "TR : Gratuit", "RV: Gratis"] {
            assert_eq!(findings(subject, ""), vec![("spam/subject-prefix.behind-forward".to_string(), Severity::Info, 0.0)], "{subject}");
        }
        // A greeting there is said as a greeting, not as a word the filters watch for.
        for subject in ["Fwd: Hello friend", "TR : Hola, presupuesto", "TR\u{a0}: Hola", "RV: Hola", "WG: Hallo", "PD: Cześć"] {
            assert_eq!(findings(subject, ""), vec![("spam/subject-prefix.behind-forward-greeting".to_string(), Severity::Info, 0.0)], "{subject}");
        }
        for subject in ["Re: Hi there", "AW: Hallo Frau Schäfer", "Odp: Cześć"] {
            assert_eq!(findings(subject, ""), vec![("spam/subject-prefix.fake-reply-greeting".to_string(), Severity::Info, 0.0)], "{subject}");
        }
        assert_eq!(findings("Fwd: FREE tickets", "In-Reply-To: <1@example.com>\n").len(), 1);
        assert_eq!(findings("Re: FREE tickets", "")[0].0, "spam/subject-prefix.fake-reply");
        assert!(findings("Re: FREE tickets", "In-Reply-To: <1@example.com>\n").is_empty());
        assert!(findings("Fwd: Your order", "").is_empty());
        // The default list holds no word whose accents dropped make another language's word.
        for subject in ["Ola de calor este fin de semana", "OLA DE FRIO", "Peca ja confesada"] {
            assert!(findings(subject, "").is_empty(), "{subject}");
        }
    }

    #[test]
    fn prefixes_are_read_as_a_person_reads_the_subject() {
        let prefixes: Vec<String> = ["free", "you won", "vous avez gagné", "hi", "[ad]"].iter().map(|p| p.to_string()).collect();
        let found = |subject: &str| listed_prefix(subject, &prefixes);
        assert_eq!(found("F\u{200b}R\u{200b}E\u{200b}E money"), Some("free"));
        assert_eq!(found("\u{ff26}\u{ff32}\u{ff25}\u{ff25} \u{ff2d}\u{ff2f}\u{ff2e}\u{ff25}\u{ff39}"), Some("free"));
        assert_eq!(found("fr\u{ad}ee shipping"), Some("free"));
        assert_eq!(found("  YOU   WON: a car"), Some("you won"));
        assert_eq!(found("Vous avez gagn\u{e9} !"), Some("vous avez gagné"));
        // A subject may drop the prefix's accents, not add some.
        assert_eq!(found("Vous avez gagne !"), Some("vous avez gagné"));
        assert_eq!(found("VOUS AVEZ GAGNE !"), Some("vous avez gagné"));
        assert_eq!(found("Vous avez gagnè !"), None);
        assert_eq!(found("Hí there"), None);
        assert_eq!(found("hi! a message from the website"), Some("hi"));
        assert_eq!(found("[AD] new offer"), Some("[ad]"));
        assert_eq!(found("Hi - a message from the website"), Some("hi"));
        assert_eq!(found("Free-shipping"), None);
        for subject in ["Freedom trail", "Hiking", "Your order ships free", "", "   ", "!!!", "Hi-Fi Klang GmbH: Ihre Bestellung", "Hi\u{2011}Tech repairs"] {
            assert_eq!(found(subject), None, "{subject}");
        }
        assert_eq!(found("FR33 iPhone for you"), Some("free"));
        assert_eq!(found("F R E E iPhone for you"), Some("free"));
        assert_eq!(found("F.R.E.E iPhone for you"), Some("free"));
        assert_eq!(found("F-R-E-E iPhone"), Some("free"));
        for subject in ["H1 heading in the template", "FR33DOM trail", "F R E E D O M trail", "Fr3sh fruit", "B2B offer"] {
            assert_eq!(found(subject), None, "{subject}");
        }
        // A subject of any length is read for its start only.
        assert_eq!(found(&format!("free {}", "x".repeat(100_000))), Some("free"));
    }
}
