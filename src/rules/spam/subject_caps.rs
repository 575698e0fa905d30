//! `spam/subject-caps`: the guides list "3 or more words in capitals in the
//! subject" among the things that get a mail flagged as spam.

use super::subject_location;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "spam/subject-caps",
    group: Group::Spam,
    default_severity: Severity::Warning,
    default_score: 15,
    examples: &[
        Example::fails(
            "Three words in capitals",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: LAST CHANCE TODAY for your order\n\nHello.\n"),
        ),
        Example::fails(
            "Capitals in another cased script (Polish, Greek) count too",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?q?OSTATNIA_SZANSA_=C5=BBEBY_kupi=C4=87?=\n\nHello.\n"),
        ),
        Example::passes(
            "Two acronyms in capitals",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Your PDF invoice from ACME\n\nHello.\n"),
        ),
        Example::passes(
            "Reply prefixes, single letters and digits do not count",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: RE: FW: Plan B for 2026 A 1 X\n\nHello.\n"),
        ),
        Example::passes(
            "Caseless scripts (Chinese) never count",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?b?5paw5bm05b+r5LmQIOS8muiurg==?=\n\nHello.\n"),
        ),
        Example::passes(
            "A higher threshold from options",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: LAST CHANCE TODAY\n\nHello.\n"),
        )
        .with_options(r#"{"thresholds": {"spam": {"subjectCapsWords": 4}}}"#),
    ],
    check,
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
/// letters; a letter of a caseless script (CJK, Arabic, …) makes the word not count.
pub fn capital_words(subject: &str) -> Vec<&str> {
    strip_reply_prefixes(subject)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_uppercase))
        .collect()
}

fn check(message: &Message, cx: &mut Context) {
    let Some(subject) = message.subject.as_deref() else { return };
    let words = capital_words(subject);
    let limit = cx.options.thresholds.spam.subject_caps_words;
    if words.len() < limit.max(1) {
        return;
    }
    cx.emit(
        Draft::new(
            Msg::new("spam/subject-caps.shouting")
                .int("count", words.len())
                .int("limit", limit)
                .text("words", words.join(", ")),
        )
        .evidence(subject)
        .at(subject_location(message)),
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
    }
}
