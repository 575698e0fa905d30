//! Reading an SMTP reply: `550 5.1.1 <a@b>: Recipient address rejected`, a bare
//! `451`, a multi-line reply (`250-…` continuation lines, RFC 5321 §4.2.1), or a
//! script's error message quoting one (`SMTP code: 550`).

use super::codes::{class_entry, code_entry, rfc_code_entry};
use super::enhanced::{
    cause_in_reply, class_and_subject_ids, registered, related_to_code, RETRY_LATER_CAUSES, RETRY_LATER_SUBJECTS,
};
use super::{Basis, EnhancedCode, GuideEntry, NamedCause, ReplyClass, SmtpExplanation};
use crate::i18n::{self, Locale, Msg};
use crate::options::SmtpSettings;
use crate::rules::config::first_connection;

/// Longest input read, in bytes; the rest is ignored (a reply is a few lines).
pub const MAX_REPLY_BYTES: usize = 64 * 1024;
/// Most lines of a multi-line reply read.
pub const MAX_REPLY_LINES: usize = 100;

/// A reply split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedReply {
    pub code: Option<u16>,
    pub enhanced: Option<(u8, u16, u16)>,
    pub enhanced_text: Option<String>,
    pub text: String,
    pub truncated: bool,
    /// Lines of a multi-line reply start with different codes (RFC 5321 §4.2.1:
    /// every line carries the same code).
    pub mixed_codes: bool,
}

/// The class of a reply code, from its first digit.
pub fn class_of(code: u16) -> ReplyClass {
    match code / 100 {
        2 => ReplyClass::Success,
        3 => ReplyClass::Intermediate,
        4 => ReplyClass::Transient,
        5 => ReplyClass::Permanent,
        _ => ReplyClass::Unknown,
    }
}

/// Three ASCII digits forming a reply code 200–599 at the start of `s`,
/// followed by nothing, a space, a hyphen or a tab.
fn leading_code(s: &str) -> Option<(u16, &str)> {
    let bytes = s.as_bytes();
    if bytes.len() < 3 || !bytes[..3].iter().all(u8::is_ascii_digit) || !(b'2'..=b'5').contains(&bytes[0]) {
        return None;
    }
    match bytes.get(3) {
        None | Some(b' ') | Some(b'-') | Some(b'\t') => {}
        _ => return None,
    }
    let code = (bytes[0] - b'0') as u16 * 100 + (bytes[1] - b'0') as u16 * 10 + (bytes[2] - b'0') as u16;
    let rest = s.get(3..).unwrap_or("");
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    Some((code, rest.trim_start()))
}

/// Three digits starting the first line that is not blank, shaped like a reply
/// code (then nothing, a space, a hyphen or a tab) but whose first digit is not
/// 2, 3, 4 or 5 (`999 …`, `100`, `650-…`): RFC 5321 §4.2.1 gives a reply code
/// no other first digit, so it is none. Only the first `MAX_REPLY_LINES` lines
/// are looked at.
fn code_shaped_not_a_code(input: &str) -> Option<&str> {
    let line = input.lines().take(MAX_REPLY_LINES).map(str::trim).find(|l| !l.is_empty())?;
    let bytes = line.as_bytes();
    if bytes.len() < 3 || !bytes[..3].iter().all(u8::is_ascii_digit) || (b'2'..=b'5').contains(&bytes[0]) {
        return None;
    }
    match bytes.get(3) {
        None | Some(b' ' | b'-' | b'\t') => line.get(..3),
        _ => None,
    }
}

/// A reply code quoted inside a longer message (`SMTP code: 550`, `said: 451 …`).
fn quoted_code(line: &str) -> Option<(u16, &str)> {
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if !c.is_ascii_digit() {
            start = i + c.len_utf8();
            continue;
        }
        if i == start && (start == 0 || !line[..start].ends_with(|p: char| p.is_ascii_alphanumeric() || p == '.')) {
            if let Some(found) = leading_code(&line[i..]) {
                return Some(found);
            }
        }
    }
    None
}

/// An RFC 3463 code `class.subject.detail` at the start of `s` (class 2, 4 or 5;
/// subject and detail of 1–3 digits, RFC 3463 §2).
fn leading_enhanced(s: &str) -> Option<((u8, u16, u16), &str, &str)> {
    let end = s.find(|c: char| c.is_whitespace()).unwrap_or(s.len());
    let token = &s[..end];
    let mut parts = token.split('.');
    let class = parts.next()?;
    let subject = parts.next()?;
    let detail = parts.next()?;
    if parts.next().is_some() || !matches!(class, "2" | "4" | "5") {
        return None;
    }
    let digits = |p: &str| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(subject) || !digits(detail) {
        return None;
    }
    let value = (class.parse().ok()?, subject.parse().ok()?, detail.parse().ok()?);
    Some((value, token, s[end..].trim_start()))
}

/// An enhanced code anywhere in the text, as a word of its own.
fn quoted_enhanced(text: &str) -> Option<((u8, u16, u16), &str)> {
    text.split(|c: char| c.is_whitespace() || c == ':' || c == '(' || c == ')' || c == ',')
        .find_map(|word| leading_enhanced(word).map(|(value, token, _)| (value, token)))
}

/// Splits a reply into code, enhanced code and text.
pub fn parse(input: &str) -> ParsedReply {
    let mut truncated = false;
    let mut input = input;
    if input.len() > MAX_REPLY_BYTES {
        let mut cut = MAX_REPLY_BYTES;
        while !input.is_char_boundary(cut) {
            cut -= 1;
        }
        input = &input[..cut];
        truncated = true;
    }
    let mut reply = ParsedReply::default();
    let mut texts: Vec<&str> = Vec::new();
    let lines: Vec<&str> = input.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() > MAX_REPLY_LINES {
        truncated = true;
    }
    for line in lines.iter().take(MAX_REPLY_LINES) {
        let leading = leading_code(line);
        if let (Some((code, _)), Some(first)) = (leading, reply.code) {
            reply.mixed_codes |= code != first;
        }
        let found = leading.or_else(|| if reply.code.is_none() { quoted_code(line) } else { None });
        let rest = match found {
            Some((code, rest)) => {
                reply.code.get_or_insert(code);
                rest
            }
            None => line,
        };
        let rest = match leading_enhanced(rest) {
            Some((value, token, after)) => {
                if reply.enhanced.is_none() {
                    reply.enhanced = Some(value);
                    reply.enhanced_text = Some(token.to_string());
                }
                after
            }
            None => rest,
        };
        if !rest.is_empty() {
            texts.push(rest);
        }
    }
    if reply.enhanced.is_none() {
        for text in &texts {
            if let Some((value, token)) = quoted_enhanced(text) {
                reply.enhanced = Some(value);
                reply.enhanced_text = Some(token.to_string());
                break;
            }
        }
    }
    // The server's words are echoed back: each line shown as text, never as controls.
    let lines: Vec<String> = texts.iter().map(|line| crate::hygiene::visible(line, MAX_REPLY_BYTES)).collect();
    reply.text = lines.join("\n");
    reply.truncated = truncated;
    reply
}

/// Explains a reply in `locale`, by the most specific thing it says: the
/// enhanced status code when the IANA registry enumerates it with a detail
/// (greylisting named in the server's words comes first: RFC 6647, a normal
/// deferral, not the X.7.1 policy block it is often sent with), the server's own
/// words when they name a cause, a generic enhanced code (`X.Y.0`, also for an
/// unregistered detail such as 5.7.606; `X.0.0` gives way to the basic code),
/// the basic code (the guide's table, seed 003, or its RFC for 535), or its
/// first digit.
pub fn explain(input: &str, locale: Locale) -> SmtpExplanation {
    let reply = parse(input);
    // The class comes from the basic code's first digit (RFC 5321 §4.2.1), or
    // from the enhanced code's class when the reply has no basic code.
    let class = match (reply.code, reply.enhanced) {
        (Some(code), _) => class_of(code),
        (None, Some((c, _, _))) => class_of(c as u16 * 100),
        (None, None) => ReplyClass::Unknown,
    };
    let (class_meaning_id, class_action_id) = class_entry(class);
    let text = |id: &str| i18n::text(id, locale).to_string();
    let guide_ids = reply.code.and_then(code_entry);
    let guide = guide_ids.map(|(m, a)| GuideEntry { meaning: text(m), action: text(a) });
    // A 5xx is never told to retry later (RFC 5321 §4.2.1): the causes that
    // say so have a permanent action.
    let permanent = class == ReplyClass::Permanent;
    // A cause is why something was not done: a 2xx or 3xx reply names none (an
    // EHLO reply's `250 STARTTLS` offers the extension, RFC 3207 §4; it had read
    // "An encrypted connection is required").
    let failed = !matches!(class, ReplyClass::Success | ReplyClass::Intermediate);
    let subject = reply.enhanced.map(|(_, subject, _)| subject);
    let cause = cause_in_reply(&reply.text, subject).filter(|_| failed).map(|(id, related)| {
        let meaning = text(&format!("smtp.cause.{id}"));
        let later = RETRY_LATER_CAUSES.contains(&id);
        let action_id = format!("smtp.cause.{id}.action{}", if permanent && later { ".permanent" } else { "" });
        (NamedCause { id: id.to_string(), meaning, action: text(&action_id) }, related, action_id)
    });
    let mut related: Vec<String> = Vec::new();
    let mut relate = |rules: &[&str]| {
        for rule in rules {
            if !related.iter().any(|r| r == rule) {
                related.push(rule.to_string());
            }
        }
    };

    let greylisted = cause.as_ref().is_some_and(|(c, _, _)| c.id == "greylisting");
    let mut enhanced = None;
    let mut specific = None;
    let mut generic = None;
    let mut generic_last = None;
    if let (Some((c, subject, detail)), Some(token)) = (reply.enhanced, &reply.enhanced_text) {
        let (class_id, subject_id) = class_and_subject_ids(c, subject);
        let entry = registered(subject, detail);
        // An unregistered detail reads as its subject's X.Y.0 (RFC 3463 §3: the
        // subject alone classifies the status), and so does a detail whose
        // registered meaning the text does not bear out (X.1.10 null MX).
        let applies = entry.filter(|e| e.applies_to(&reply.text));
        // The registry's meaning is shown only where the text bears it out:
        // Gmail's 4.7.27 is an SPF failure, not a null MX.
        let detail_text = applies.map(|_| text(&format!("smtp.enhanced.detail.{subject}.{detail}")));
        if let Some((entry, detail)) = applies.map(|e| (e, detail)).or_else(|| registered(subject, 0).map(|e| (e, 0))) {
            // A code servers send for many causes, or one without its own
            // advice, gives way to the cause the text names.
            let named = |c: &(NamedCause, &[&str], String)| entry.yields_to.contains(&c.0.id.as_str());
            let yields = detail != 0
                && cause.as_ref().is_some_and(|c| entry.text_first || !entry.action || named(c));
            let deferred = class == ReplyClass::Transient && is_policy_deferral(subject, detail);
            // The rules of a code the cause explains instead are not this reply's;
            // a deferral is no verdict on the content.
            let explained_elsewhere = greylisted || yields || deferred || (detail == 0 && cause.is_some());
            if !explained_elsewhere {
                relate(entry.related);
            }
            let (action_id, retry_later) = if deferred {
                (DEFERRED_ACTION.to_string(), true)
            } else if c == 2 {
                ("smtp.class.success.action".to_string(), false)
            } else if entry.action && c == 5 && entry.permanent_action {
                (format!("smtp.enhanced.action.{subject}.{detail}.permanent"), false)
            } else if entry.action {
                (format!("smtp.enhanced.action.{subject}.{detail}"), entry.retry_later)
            } else {
                (format!("smtp.enhanced.action.subject.{subject}"), RETRY_LATER_SUBJECTS.contains(&subject))
            };
            let meaning = if deferred {
                text(DEFERRED_MEANING)
            } else {
                text(&format!("smtp.enhanced.detail.{subject}.{detail}"))
            };
            let explained = (meaning, action_id, retry_later, token.clone());
            if yields {
                generic = Some(explained);
            } else if detail != 0 {
                specific = Some(explained);
            } else if subject != 0 {
                generic = Some(explained);
            } else {
                // X.0.0 says nothing the basic code does not: it comes after it.
                generic_last = Some(explained);
            }
        }
        enhanced = Some(EnhancedCode {
            code: token.clone(),
            class: text(class_id),
            subject: text(subject_id),
            detail: detail_text,
            reference: entry.map(|e| match e.reference {
                super::enhanced::IANA_ONLY => text("smtp.enhanced.reference.iana"),
                document => document.to_string(),
            }),
        });
    }
    if let Some((_, rules, _)) = &cause {
        relate(rules);
    }
    let rfc = reply.code.and_then(|code| rfc_code_entry(code).map(|entry| (code, entry)));
    let by_enhanced = |token: String| Msg::new("smtp.explained.enhanced").text("code", token).render(locale);
    // The action, and whether it says to retry later.
    let (meaning, action_id, retry_later, basis, basis_text) = if let Some((meaning, action, later, token)) =
        specific.filter(|_| !greylisted)
    {
        (meaning, action, later, Basis::Enhanced, by_enhanced(token))
    } else if let Some((cause, _, action)) = &cause {
        let later = RETRY_LATER_CAUSES.contains(&cause.id.as_str()) && !permanent;
        (cause.meaning.clone(), action.clone(), later, Basis::Text, Msg::new("smtp.explained.text").render(locale))
    } else if let Some((meaning, action, later, token)) = generic {
        (meaning, action, later, Basis::Enhanced, by_enhanced(token))
    } else if let (Some(code), Some((meaning_id, action_id))) = (reply.code, guide_ids) {
        let basis_text = Msg::new("smtp.explained.code").digits("code", code).render(locale);
        (text(meaning_id), action_id.to_string(), false, Basis::Code, basis_text)
    } else if let Some((code, (meaning_id, action_id, reference))) = rfc {
        let basis_text = Msg::new("smtp.explained.code-rfc").digits("code", code).text("reference", reference);
        (text(meaning_id), action_id.to_string(), false, Basis::Code, basis_text.render(locale))
    } else if let Some((meaning, action, later, token)) = generic_last {
        (meaning, action, later, Basis::Enhanced, by_enhanced(token))
    } else {
        let meaning = match reply.code {
            Some(code) => {
                Msg::new("smtp.unknown-code").digits("code", code).text("class", text(class_meaning_id)).render(locale)
            }
            None => String::new(),
        };
        (meaning, class_action_id.to_string(), false, Basis::Class, Msg::new("smtp.explained.class").render(locale))
    };
    // 5xx: no "retry later" (RFC 5321 §4.2.1): the guide's table's advice for
    // the code (552 « la única solución es contactar con el destinatario por otra
    // vía »), else the class's.
    let action_id = if class == ReplyClass::Permanent && retry_later {
        guide_ids.map_or(class_action_id.to_string(), |(_, action)| action.to_string())
    } else if reply.code == Some(555) {
        // Seed 003 ties the hosting's 200/h per account and 300/h per IP to code 555 only.
        guide_ids.map_or(action_id, |(_, action)| action.to_string())
    } else {
        action_id
    };
    let action = text(&action_id);
    // Seed 003: 554 is « por lo general » a blocklisting; not when the enhanced
    // code or the server's words say what it is.
    if let (Some(code), Basis::Code | Basis::Class) = (reply.code, basis) {
        relate(related_to_code(code));
    }
    let problem = if input.trim().is_empty() {
        Some(Msg::new("smtp.problem.empty").render(locale))
    } else if reply.code.is_none() {
        match code_shaped_not_a_code(input) {
            Some(digits) => Some(Msg::new("smtp.problem.bad-first-digit").text("code", digits).render(locale)),
            None => Some(Msg::new("smtp.problem.no-code").render(locale)),
        }
    } else if reply.mixed_codes {
        Some(Msg::new("smtp.problem.mixed-codes").render(locale))
    } else if let (Some(code), Some((c, _, _))) = (reply.code, reply.enhanced) {
        // RFC 3463 §2: the enhanced code's class must match the reply code's first digit.
        if u16::from(c) != code / 100 {
            let msg = Msg::new("smtp.problem.class-mismatch").digits("code", code);
            Some(msg.text("enhanced", reply.enhanced_text.clone().unwrap_or_default()).render(locale))
        } else {
            truncated_problem(&reply, locale)
        }
    } else {
        truncated_problem(&reply, locale)
    };
    SmtpExplanation {
        locale,
        code: reply.code,
        class,
        class_meaning: text(class_meaning_id),
        retry: class == ReplyClass::Transient,
        known: guide.is_some() || rfc.is_some(),
        meaning,
        action,
        basis,
        basis_text,
        enhanced,
        cause: cause.map(|(c, _, _)| c),
        guide,
        related_rules: related,
        text: reply.text,
        problem,
    }
}

/// Meaning and action of a 4xx reply whose enhanced code is the generic
/// security or policy status X.7.0 or X.7.1 ("delivery not authorized").
const DEFERRED_MEANING: &str = "smtp.enhanced.deferred.7";
const DEFERRED_ACTION: &str = "smtp.enhanced.action.7.deferred";

/// X.7.0 and X.7.1 in a 4xx reply are a deferral, not a refusal: the basic
/// code's first digit decides (RFC 5321 §4.2.1: 4yz, "the error condition is
/// temporary, and the action may be requested again"; RFC 3463 §3.1: class 4,
/// "sending in the future may be successful"; seed 003: 4xx « la condición de
/// error es temporal y es posible volver a solicitar la acción »). Greylisting
/// (RFC 6647) and rate or reputation limits send them so (`451 4.7.1 try again
/// later`). The other X.7.x keep their own advice (454 4.7.8: the credentials).
fn is_policy_deferral(subject: u16, detail: u16) -> bool {
    subject == 7 && (detail == 0 || detail == 1)
}

/// Explains a reply as [`explain`] does, read with the SMTP settings the
/// script used: a reply asking for STARTTLS first (RFC 3207 §4: `530 5.7.0
/// Must issue a STARTTLS command first`) names the port and security they
/// configure. Settings that give no host, port or security change nothing.
pub fn explain_with_settings(input: &str, settings: &SmtpSettings, locale: Locale) -> SmtpExplanation {
    let mut explanation = explain(input, locale);
    let asks_tls = explanation.basis == Basis::Text && explanation.cause.as_ref().is_some_and(|c| c.id == "tls");
    if let (true, Some((port, security))) = (asks_tls, first_connection(settings)) {
        let msg = match security.as_str() {
            // STARTTLS asked on the implicit-TLS port (RFC 8314 §3.3: 465 is TLS from the start).
            "tls" | "starttls" if port == 465 => Msg::new("smtp.cause.tls.action.implicit-port").text("security", security),
            // The library was told to encrypt, yet spoke before STARTTLS.
            "tls" | "starttls" => Msg::new("smtp.cause.tls.action.asked").text("security", security),
            // Implicit TLS speaks no clear text at all: the reply came from another connection.
            "ssl" => return explanation,
            _ => Msg::new("smtp.cause.tls.action.plain"),
        };
        let action = msg.digits("port", port).render(locale);
        if let Some(cause) = explanation.cause.as_mut() {
            cause.action = action.clone();
        }
        explanation.action = action;
    }
    explanation
}

/// The problem of a reply cut at the reading limits, if it was.
fn truncated_problem(reply: &ParsedReply, locale: Locale) -> Option<String> {
    reply.truncated.then(|| {
        let msg = Msg::new("smtp.problem.truncated").int("lines", MAX_REPLY_LINES).int("bytes", MAX_REPLY_BYTES);
        msg.render(locale)
    })
}
