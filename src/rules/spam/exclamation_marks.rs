//! `spam/exclamation-marks` *(SpamAssassin PLING family, rspamd
//! SUBJECT_HAS_EXCLAIM)*: a subject with a run of exclamation marks (`!!`) or
//! many of them, and a body with runs of three or more (`!!!`), the way
//! unsolicited mail shouts. Full-width `！`, `‼` and the emoji marks count as
//! the marks they draw. One `!` in a subject is ordinary writing.

use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading::{self, Text};
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;
use std::ops::Range;

crate::rule_texts! { "spam/exclamation-marks";
    summary => {
        en: "The subject or the body piles up exclamation marks.",
        fr: "Le sujet ou le corps accumule les points d'exclamation.",
        es: "El asunto o el cuerpo acumula signos de exclamación.",
        pl: "Temat lub treść zawiera nagromadzenie wykrzykników.",
    },
    why => {
        en: "Runs of exclamation marks are a mark of unsolicited mail that filters score (SpamAssassin's PLING rules and their exclamation-mark combinations, rspamd's SUBJECT_HAS_EXCLAIM); together with other factors they push a message over the spam threshold.",
        fr: "Les suites de points d'exclamation sont une marque du courrier non sollicité que les filtres notent (règles PLING de SpamAssassin et leurs combinaisons, SUBJECT_HAS_EXCLAIM de rspamd) ; avec d'autres facteurs, elles font passer un message au-dessus du seuil de spam.",
        es: "Las series de signos de exclamación son una marca del correo no solicitado que los filtros puntúan (reglas PLING de SpamAssassin y sus combinaciones, SUBJECT_HAS_EXCLAIM de rspamd); junto con otros factores llevan un mensaje por encima del umbral de spam.",
        pl: "Ciągi wykrzykników to znak niezamówionej poczty, który filtry oceniają (reguły PLING SpamAssassin i ich kombinacje, SUBJECT_HAS_EXCLAIM w rspamd); razem z innymi czynnikami przesuwają wiadomość ponad próg spamu.",
    },
    fix => {
        en: "Use one exclamation mark at most, and let the words carry the message.",
        fr: "Utilisez un point d'exclamation au plus, et laissez les mots porter le message.",
        es: "Use como mucho un signo de exclamación y deje que las palabras transmitan el mensaje.",
        pl: "Użyj najwyżej jednego wykrzyknika i pozwól, by przekaz niosły słowa.",
    },
    SUBJECT "subject" => {
        en: "The subject has {count, plural, one {# exclamation mark} other {# exclamation marks}}, {run} in a row at most.",
        fr: "Le sujet contient {count, plural, one {# point d'exclamation} many {# de points d'exclamation} other {# points d'exclamation}}, dont au plus {run} à la suite.",
        es: "El asunto contiene {count, plural, one {# signo de exclamación} many {# de signos de exclamación} other {# signos de exclamación}}, como mucho {run, plural, one {# seguido} other {# seguidos}}.",
        pl: "Temat zawiera {count, plural, one {# wykrzyknik} few {# wykrzykniki} many {# wykrzykników} other {# wykrzyknika}}, najwyżej {run} pod rząd.",
    },
    BODY "body" => {
        en: "The body has {runs, plural, one {# run} other {# runs}} of {min} or more exclamation marks.",
        fr: "Le corps contient {runs, plural, one {# suite} many {# de suites} other {# suites}} de {min} points d'exclamation ou plus.",
        es: "El cuerpo contiene {runs, plural, one {# serie} many {# de series} other {# series}} de {min} o más signos de exclamación.",
        pl: "Treść zawiera {runs, plural, one {# ciąg} few {# ciągi} many {# ciągów} other {# ciągu}} {min} lub więcej wykrzykników.",
    },
}

/// Exclamation marks in a row from which a subject is reported.
pub const SUBJECT_EXCLAMATION_RUN: Threshold = Threshold {
    key: "spam.subjectExclamationRun",
    kind: Kind::Int { default: 2, min: 1, max: 100 },
    doc: Localized {
        en: "Exclamation marks in a row (`!!`) from which the subject is reported.",
        fr: "Points d'exclamation à la suite (`!!`) à partir desquels le sujet est signalé.",
        es: "Signos de exclamación seguidos (`!!`) a partir de los cuales se informa del asunto.",
        pl: "Wykrzykniki z rzędu (`!!`), od których temat jest zgłaszany.",
    },
    evidence: Evidence::Measured(
        "spamassassin-public-dev: `!!` in the subject in 0 ham of 750, 10 spam of 499; a single `!` in 21 ham (2.8 %)",
    ),
};

/// Exclamation marks in all from which a subject is reported.
pub const SUBJECT_EXCLAMATIONS: Threshold = Threshold {
    key: "spam.subjectExclamations",
    kind: Kind::Int { default: 3, min: 1, max: 100 },
    doc: Localized {
        en: "Exclamation marks in all (`Free! Now! Here!`) from which the subject is reported.",
        fr: "Points d'exclamation au total (`Free! Now! Here!`) à partir desquels le sujet est signalé.",
        es: "Signos de exclamación en total (`Free! Now! Here!`) a partir de los cuales se informa del asunto.",
        pl: "Wykrzykniki łącznie (`Free! Now! Here!`), od których temat jest zgłaszany.",
    },
    evidence: Evidence::Ours("three separate marks shout as much as a run of two"),
};

/// Exclamation marks in a row that make a run in the body.
pub const BODY_EXCLAMATION_RUN: Threshold = Threshold {
    key: "spam.bodyExclamationRun",
    kind: Kind::Int { default: 3, min: 2, max: 100 },
    doc: Localized {
        en: "Exclamation marks in a row (`!!!`) that make a run in the body.",
        fr: "Points d'exclamation à la suite (`!!!`) qui forment une série dans le corps.",
        es: "Signos de exclamación seguidos (`!!!`) que forman una serie en el cuerpo.",
        pl: "Wykrzykniki z rzędu (`!!!`), które tworzą serię w treści.",
    },
    evidence: Evidence::Ours("`!!` is common in informal replies; `!!!` much less"),
};

/// Runs in the body from which the finding is a warning; fewer are info.
pub const BODY_EXCLAMATION_RUNS_WARNING: Threshold = Threshold {
    key: "spam.bodyExclamationRunsWarning",
    kind: Kind::Int { default: 2, min: 1, max: 10_000 },
    doc: Localized {
        en: "Runs of exclamation marks in the body from which the finding is a warning; one run is info.",
        fr: "Séries de points d'exclamation dans le corps à partir desquelles le constat est un avertissement ; une seule série est une info.",
        es: "Series de signos de exclamación en el cuerpo a partir de las cuales el hallazgo es una advertencia; una sola serie es info.",
        pl: "Serie wykrzykników w treści, od których wynik jest ostrzeżeniem; jedna seria to info.",
    },
    evidence: Evidence::Measured("spamassassin-public-dev: two runs of `!!!` or more in 2 ham of 750 (0.3 %), 32 spam of 499 (6.4 %); one run in 9 ham and 28 spam"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("SpamAssassin PLING_QUERY \"Subject has exclamation mark and question mark\" (20_head_tests.cf) and BANG_GUAR 1.0; rspamd SUBJECT_HAS_EXCLAIM and SUBJECT_ENDS_EXCLAIM (rules/regexp/headers.lua), used in its composites"),
        Evidence::Measured("spamassassin-public-dev: runs of exclamation marks in 13.8 % of spam and 1.5 % of ham; the warning forms in 8.6 % of spam and 0.3 % of ham"),
    ],
    score: scores::EXCLAMATION_MARKS,
    texts: &TEXTS,
    thresholds: &[&SUBJECT_EXCLAMATION_RUN, &SUBJECT_EXCLAMATIONS, &BODY_EXCLAMATION_RUN, &BODY_EXCLAMATION_RUNS_WARNING],
    examples: &[
        Example::fails(
            title! {
                en: "Two exclamation marks in a row in the subject",
                fr: "Deux points d'exclamation à la suite dans le sujet",
                es: "Dos signos de exclamación seguidos en el asunto",
                pl: "Dwa wykrzykniki pod rząd w temacie",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: You won!!\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "Full-width marks and runs in the body",
                fr: "Points pleine chasse et suites dans le corps",
                es: "Signos de ancho completo y series en el cuerpo",
                pl: "Znaki pełnej szerokości i ciągi w treści",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?q?Sale=EF=BC=81_Now=EF=BC=81_Today=EF=BC=81?=\n\nAmazing prices!!! Only today!!!\n"),
        )
        .times(2),
        Example::fails(
            title! {
                en: "One run in the body (info)",
                fr: "Une suite dans le corps (info)",
                es: "Una serie en el cuerpo (info)",
                pl: "Jeden ciąg w treści (info)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Party\n\nWe did it!!! See you on Friday.\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "One exclamation mark, and two in an informal reply",
                fr: "Un point d'exclamation, et deux dans une réponse informelle",
                es: "Un signo de exclamación, y dos en una respuesta informal",
                pl: "Jeden wykrzyknik i dwa w swobodnej odpowiedzi",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Thanks!\n\nGreat news!! See you on Friday.\n"),
        ),
    ],
    check: Check::Message(check),
};

/// Whether `c` draws an exclamation mark (`!`, full-width `！`, `‼`, `⁉`, `❗`, `❕`);
/// `‼` and `⁉` hold two and one.
fn marks_in(c: char) -> usize {
    match c {
        '!' | '！' | '⁉' | '❗' | '❕' | '﹗' => 1,
        '‼' => 2,
        _ => 0,
    }
}

/// The first bytes of the marks other than `!` in UTF-8: `‼ ⁉ ❗ ❕` (U+2xxx)
/// and `！ ﹗` (U+FExx, U+FFxx). A text of accented letters is skipped 16 bytes
/// a step instead of a character at a time.
const MARK_LEAD_BYTES: [u8; 2] = [0xE2, 0xEF];

/// Bytes looked at one by one before a vector search for the next mark (default, ours).
const NEAR_BYTES: usize = 16;

/// Runs of exclamation marks in `text`: (byte range, marks), in order.
/// White space between marks (`! ! !`) does not break a run.
pub fn runs(text: &str) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(Range<usize>, usize)> = None;
    let bytes = text.as_bytes();
    let mut offset = 0;
    let mut after_no_mark = false;
    while offset < bytes.len() {
        if current.is_none() {
            // Outside a run only a mark can start one: `!`, or a character whose
            // UTF-8 form starts with one of `MARK_LEAD_BYTES` (a lead byte, never
            // inside another character, so the search stops on a boundary).
            // `find_any`: a vector search natively, sixteen bytes a step in wasm (#14).
            // Where the last stop was a character that is no mark, the next `NEAR_BYTES`
            // are looked at one by one first: the next stop is often a few bytes on
            // (U+FFFD, what every byte that is not UTF-8 is read as, starts with 0xEF
            // as `！` does: a text of 8-bit bytes was searched again after every character).
            let [lead_a, lead_b] = MARK_LEAD_BYTES;
            let rest = &bytes[offset..];
            let stop = |b: &u8| *b == b'!' || *b == lead_a || *b == lead_b;
            let vector = |from: usize| crate::text::find_any([b'!', lead_a, lead_b], rest.get(from..)?).map(|at| at + from);
            let found = if after_no_mark {
                rest.iter().take(NEAR_BYTES).position(stop).or_else(|| vector(NEAR_BYTES))
            } else {
                vector(0)
            };
            match found {
                Some(at) => offset += at,
                None => break,
            }
        }
        let Some(c) = text[offset..].chars().next() else { break };
        let marks = marks_in(c);
        after_no_mark = marks == 0;
        if marks > 0 {
            let run = current.get_or_insert((offset..offset, 0));
            run.0.end = offset + c.len_utf8();
            run.1 += marks;
        } else if !(c == ' ' && current.is_some()) {
            out.extend(current.take());
        }
        offset += c.len_utf8();
    }
    out.extend(current);
    out
}

fn check(message: &Message, cx: &mut Context) {
    if let Some(subject) = reading::subject(message) {
        let found = runs(&subject.text);
        let count: usize = found.iter().map(|(_, n)| n).sum();
        let longest = found.iter().map(|(_, n)| *n).max().unwrap_or(0);
        if longest >= cx.settings.count(&SUBJECT_EXCLAMATION_RUN) || count >= cx.settings.count(&SUBJECT_EXCLAMATIONS) {
            cx.emit(
                Draft::new(Msg::of(&SUBJECT).int("count", count).int("run", longest))
                    .evidence(subject.text.as_ref())
                    .at(reading::place_location(message, &subject)),
            );
        }
    }
    let min = cx.settings.count(&BODY_EXCLAMATION_RUN).max(2);
    let mut total = 0;
    let mut first: Option<(&Text, Range<usize>)> = None;
    let bodies = reading::bodies(message);
    for body in &bodies {
        for (range, _) in runs(&body.text).into_iter().filter(|(_, n)| *n >= min) {
            total += 1;
            first.get_or_insert((body, range));
        }
    }
    let Some((body, range)) = first else { return };
    let severity =
        if total >= cx.settings.count(&BODY_EXCLAMATION_RUNS_WARNING) { Severity::Warning } else { Severity::Info };
    let quote_start = body.text.floor_char_boundary(range.start.saturating_sub(60));
    cx.emit(
        Draft::new(Msg::of(&BODY).int("runs", total).int("min", min))
            .evidence(body.text.get(quote_start..range.end).unwrap_or_default())
            .at(reading::location(message, body, range))
            .severity(severity),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_starts_with_a_byte_the_search_stops_on() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| marks_in(c) > 0) {
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(lead == b'!' || MARK_LEAD_BYTES.contains(&lead), "{c:?}");
        }
        let counts = |t: &str| runs(t).into_iter().map(|(_, n)| n).collect::<Vec<_>>();
        assert_eq!(counts("é".repeat(40).as_str()), Vec::<usize>::new());
        assert_eq!(counts(&format!("{}！！ é ‼{}⁉", "é".repeat(40), "—".repeat(20))), vec![2, 2, 1]);
    }

    /// `runs` by its definition, a character at a time.
    fn runs_by_chars(text: &str) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        let mut current: Option<(Range<usize>, usize)> = None;
        for (at, c) in text.char_indices() {
            let marks = marks_in(c);
            if marks > 0 {
                let run = current.get_or_insert((at..at, 0));
                run.0.end = at + c.len_utf8();
                run.1 += marks;
            } else if !(c == ' ' && current.is_some()) {
                out.extend(current.take());
            }
        }
        out.extend(current);
        out
    }

    #[test]
    fn runs_are_the_definition_on_generated_texts() {
        let pieces = ["!", "！", "‼", "⁉", "❗", "❕", "﹗", " ", "a", "\u{fffd}", "—", "’", "，", "é", "日", "\u{ffff}"];
        crate::text::generated_texts(&pieces, 5_000, 60, |text| assert_eq!(runs(text), runs_by_chars(text), "{text:?}"));
    }

    #[test]
    fn runs_count_every_way_of_drawing_the_mark() {
        let counts = |t: &str| runs(t).into_iter().map(|(_, n)| n).collect::<Vec<_>>();
        assert_eq!(counts("Hi! Now!!! ok ! ! !"), vec![1, 3, 3]);
        assert_eq!(counts("Sale！！ ‼"), vec![4]);
        assert!(counts("no marks").is_empty());
    }
}
