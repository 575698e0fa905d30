//! The RFC 3463 enhanced status codes as data: every enumerated code of the
//! IANA "Simple Mail Transfer Protocol (SMTP) Enhanced Status Codes" registry
//! (https://www.iana.org/assignments/smtp-enhanced-status-codes/, updated
//! 2024-12-06), with the RFC that defines it and the rules of this linter it
//! relates to. Texts are in `i18n/catalog/smtp_enhanced.rs`, keyed
//! `smtp.enhanced.detail.S.D` (meaning) and `smtp.enhanced.action.S.D` (what to
//! do, for the codes a site owner meets; others use their subject's advice).

use crate::text::negation::negated;

/// The registry's last update this table follows.
pub const REGISTRY_UPDATED: &str = "2024-12-06";

/// One enumerated code `X.subject.detail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registered {
    pub subject: u16,
    pub detail: u16,
    /// The defining document.
    pub reference: &'static str,
    /// Has its own "what to do" text.
    pub action: bool,
    /// Rule ids (or groups, ending with `/`) that explain or prevent it.
    pub related: &'static [&'static str],
    /// Its action says to retry later (a full mailbox, a busy system): advice
    /// a permanent (5xx) reply must not get (RFC 5321 §4.2.1).
    pub retry_later: bool,
}

const fn code(subject: u16, detail: u16, reference: &'static str) -> Registered {
    Registered { subject, detail, reference, action: false, related: &[], retry_later: false }
}

const fn act(subject: u16, detail: u16, reference: &'static str, related: &'static [&'static str]) -> Registered {
    Registered { subject, detail, reference, action: true, related, retry_later: false }
}

/// A code whose action is to retry later.
const fn act_later(subject: u16, detail: u16, reference: &'static str) -> Registered {
    Registered { subject, detail, reference, action: true, related: &[], retry_later: true }
}

/// Subjects whose advice (`smtp.enhanced.action.subject.N`, for a code without
/// its own) is to retry later: mailbox (2), mail system (3), network and routing (4).
pub const RETRY_LATER_SUBJECTS: &[u16] = &[2, 3, 4];

const SIZE: &[&str] = &["size/total"];
const SPAM: &[&str] = &["spam/"];
const SECURITY: &[&str] = &["config/smtp-security"];
const ADDRESS: &[&str] = &["headers/address-syntax"];

/// The registry's enumerated codes.
pub const REGISTRY: &[Registered] = &[
    code(0, 0, "RFC 3463"),
    code(1, 0, "RFC 3463"),
    act(1, 1, "RFC 3463", &[]),
    act(1, 2, "RFC 3463", &[]),
    act(1, 3, "RFC 3463", ADDRESS),
    code(1, 4, "RFC 3463"),
    code(1, 5, "RFC 3463"),
    act(1, 6, "RFC 3463", &[]),
    act(1, 7, "RFC 3463", ADDRESS),
    act(1, 8, "RFC 3463", &[]),
    code(1, 9, "RFC 3886"),
    act(1, 10, "RFC 7505", &[]),
    code(2, 0, "RFC 3463"),
    act(2, 1, "RFC 3463", &[]),
    act_later(2, 2, "RFC 3463"),
    act(2, 3, "RFC 3463", SIZE),
    code(2, 4, "RFC 3463"),
    code(3, 0, "RFC 3463"),
    act_later(3, 1, "RFC 3463"),
    act_later(3, 2, "RFC 3463"),
    code(3, 3, "RFC 3463"),
    act(3, 4, "RFC 3463", SIZE),
    act(3, 5, "RFC 3463", &[]),
    code(3, 6, "RFC 6710"),
    code(4, 0, "RFC 3463"),
    act_later(4, 1, "RFC 3463"),
    code(4, 2, "RFC 3463"),
    code(4, 3, "RFC 3463"),
    act(4, 4, "RFC 3463", &[]),
    act_later(4, 5, "RFC 3463"),
    code(4, 6, "RFC 3463"),
    act(4, 7, "RFC 3463", &[]),
    code(5, 0, "RFC 3463"),
    code(5, 1, "RFC 3463"),
    code(5, 2, "RFC 3463"),
    act(5, 3, "RFC 3463", &[]),
    act(5, 4, "RFC 3463", &[]),
    code(5, 5, "RFC 3463"),
    code(5, 6, "RFC 4954"),
    act(6, 0, "RFC 3463", &["headers/"]),
    code(6, 1, "RFC 3463"),
    code(6, 2, "RFC 3463"),
    code(6, 3, "RFC 3463"),
    code(6, 4, "RFC 3463"),
    code(6, 5, "RFC 3463"),
    code(6, 6, "RFC 4468"),
    act(6, 7, "RFC 6531", &["headers/address-idn"]),
    code(6, 8, "RFC 6531"),
    act(6, 9, "RFC 6531", &["headers/raw-8bit"]),
    code(7, 0, "RFC 3463"),
    act(7, 1, "RFC 3463", SPAM),
    code(7, 2, "RFC 3463"),
    code(7, 3, "RFC 3463"),
    code(7, 4, "RFC 3463"),
    code(7, 5, "RFC 3463"),
    code(7, 6, "RFC 3463"),
    code(7, 7, "RFC 3463"),
    act(7, 8, "RFC 4954", &[]),
    act(7, 9, "RFC 4954", SECURITY),
    act(7, 10, "RFC 5248", SECURITY),
    act(7, 11, "RFC 4954", SECURITY),
    code(7, 12, "RFC 4954"),
    act(7, 13, "RFC 5248", &[]),
    code(7, 14, "RFC 5248"),
    code(7, 15, "RFC 6710"),
    act(7, 16, "RFC 6710", SIZE),
    code(7, 17, "RFC 7293"),
    code(7, 18, "RFC 7293"),
    code(7, 19, "RFC 7293"),
    act(7, 20, "RFC 7372", &[]),
    code(7, 21, "RFC 7372"),
    code(7, 22, "RFC 7372"),
    act(7, 23, "RFC 7372", &[]),
    code(7, 24, "RFC 7372"),
    act(7, 25, "RFC 7372", &[]),
    act(7, 26, "RFC 7372", &[]),
    act(7, 27, "RFC 7505", &[]),
    act(7, 28, "IANA registry", &[]),
    code(7, 29, "RFC 8617"),
    code(7, 30, "RFC 8689"),
];

/// The registry entry of `X.subject.detail`, if enumerated.
pub fn registered(subject: u16, detail: u16) -> Option<&'static Registered> {
    REGISTRY.iter().find(|r| r.subject == subject && r.detail == detail)
}

/// Catalogue ids of the class and subject digits (RFC 3463 §3.1, §3.2 and its subjects).
pub fn class_and_subject_ids(class: u8, subject: u16) -> (&'static str, &'static str) {
    let class_id = match class {
        2 => "smtp.enhanced.class.2",
        4 => "smtp.enhanced.class.4",
        _ => "smtp.enhanced.class.5",
    };
    let subject_id = match subject {
        0 => "smtp.enhanced.subject.0",
        1 => "smtp.enhanced.subject.1",
        2 => "smtp.enhanced.subject.2",
        3 => "smtp.enhanced.subject.3",
        4 => "smtp.enhanced.subject.4",
        5 => "smtp.enhanced.subject.5",
        6 => "smtp.enhanced.subject.6",
        7 => "smtp.enhanced.subject.7",
        _ => "smtp.enhanced.subject.other",
    };
    (class_id, subject_id)
}

/// Causes a server's own text names, by words it uses (lower case), with the
/// rules they relate to. Checked in order; the first match wins. A phrase
/// matches from the start of a word (so `blacklist` finds `blacklisted`, and
/// `listed` not `unlisted`), and not after a negation (`not listed`). "try
/// again later" is no cause: servers say it of anything temporary.
pub const CAUSES: &[(&str, &[&str], &[&str])] = &[
    ("greylisting", &["greylist", "graylist", "grey-list", "gray-list"], &[]),
    ("listed", &["blacklist", "blocklist", "block list", "spamhaus", "dnsbl", "rbl", "listed"], &["spam/listed-ip"]),
    ("spam", &["spam", "junk", "content rejected", "message rejected due to content", "suspicious"], SPAM),
    (
        "size",
        &["too large", "too big", "size exceed", "message size", "exceeds the maximum", "maximum message size"],
        SIZE,
    ),
    ("full", &["mailbox full", "mailbox is full", "over quota", "quota exceeded", "exceeded storage"], &[]),
    (
        "unknown-user",
        &[
            "user unknown",
            "unknown user",
            "no such user",
            "does not exist",
            "recipient not found",
            "unknown recipient",
            "invalid recipient",
            "no mailbox",
        ],
        &[],
    ),
    (
        "rate",
        &[
            "too many connections",
            "too many messages",
            "rate limit",
            "rate-limit",
            "throttl",
            "slow down",
            "sending limit",
        ],
        &[],
    ),
    ("authentication", &["spf", "dkim", "dmarc", "unauthenticated"], &[]),
    (
        "login",
        &["authentication failed", "authentication data", "invalid credentials", "password", "auth failed"],
        &[],
    ),
    ("relay", &["relay", "relaying"], &[]),
    ("tls", &["starttls", "tls required", "encryption required", "must issue a starttls"], SECURITY),
];

/// Causes whose advice (`smtp.cause.ID.action`) is to retry later.
pub const RETRY_LATER_CAUSES: &[&str] = &["full", "rate"];

/// The cause a server's text names, if any.
pub fn cause_in(text: &str) -> Option<(&'static str, &'static [&'static str])> {
    let lower = text.to_lowercase();
    CAUSES
        .iter()
        .find(|(_, words, _)| words.iter().any(|w| says(&lower, w)))
        .map(|(id, _, related)| (*id, *related))
}

/// Whether `text` has `phrase` at the start of a word, not negated.
fn says(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = &text[..at];
        let word_start = before.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        word_start && !negated(before)
    })
}

/// Rules related to a basic code of the guide's table (seed 003: 554 « Por lo
/// general se trata de un problema de blacklistado »).
pub fn related_to_code(code: u16) -> &'static [&'static str] {
    match code {
        554 => &["spam/listed-ip"],
        _ => &[],
    }
}
