//! The `headers/*` rules (SPEC §2 Headers): header and MIME conformance,
//! checked with the strict grammar of `crate::grammar` over the raw bytes.
//! Their tunables live here, named and documented.

pub mod address_idn;
pub mod address_length;
pub mod address_syntax;
pub mod attachment_filename;
pub mod charset;
pub mod compose_option;
pub mod content_type;
pub mod date;
pub mod duplicate_field;
pub mod encoded_word;
pub mod field_name;
pub mod grammar_texts;
pub mod injection;
pub mod line_breaks;
pub mod mbox_envelope;
pub mod message_id;
pub mod mime_version;
pub mod missing_field;
pub mod multipart_boundary;
pub mod nul_byte;
pub mod parameter_encoding;
pub mod raw_8bit;
pub mod reply_to;
pub mod sender_required;
pub mod transfer_encoding;

use crate::grammar::mime::MimeValue;
use crate::model::headers::HeaderField;
use crate::model::Message;
use crate::report::Location;
use crate::settings::Evidence;

// What receivers are documented to do with header defects: the evidence behind
// the severities of this group (README "Severities"). `error` needs a
// documented refusal; a filter's points make a `warning`; the rest is `info`.

/// Gmail refuses messages that are not RFC 5322 compliant.
pub const GMAIL_RFC_5322: Evidence = Evidence::Receiver(
    "Gmail bounces \"550-5.7.1 Our system has detected that this message is not RFC 5322 compliant\" for duplicate headers, \"Multiple 'From' headers found\" and a missing From (support.google.com/mail/?p=RfcMessageNonCompliant; bounces quoted by spamresource.com, 2022-08)",
);
/// Gmail refuses messages without a valid Message-ID.
pub const GMAIL_MESSAGE_ID: Evidence = Evidence::Receiver(
    "Gmail bounces \"550-5.7.1 Messages missing a valid messageId header are not accepted\" (Forpsi knowledge base kb/a4311, quoting Gmail's reply)",
);
/// Sendmail refuses bare CR and LF in SMTP data.
pub const SENDMAIL_BARE_CR: Evidence = Evidence::Receiver(
    "Sendmail 8.18 refuses bare CR and bare LF in SMTP DATA by default (SMTP smuggling fix, CVE-2023-51765); Postfix 3.9 can (smtpd_forbid_bare_newline)",
);
/// Mailers convert line ends before a message reaches a receiver.
pub const MAILERS_NORMALISE_LINE_ENDS: Evidence = Evidence::Receiver(
    "SMTP clients send CRLF whatever the file holds: Nodemailer's SMTP connection and PHPMailer normalise line ends, sendmail -t -i (PHP mail()) reads local input line by line, Postfix 3.9 normalises by default (smtpd_forbid_bare_newline = normalize)",
);

pub use crate::model::fields::ADDRESS_FIELDS;

/// A location for `[start, end)` relative to the value of `field`.
pub fn value_location(field: &HeaderField, start: usize, end: usize) -> Location {
    let base = field.colon + 1;
    let end = (base + end).min(field.end.max(base));
    let start = (base + start).min(end);
    Location::header(field.name.clone(), start, end)
}

/// The bytes of `field`'s value between two value offsets, for evidence.
pub fn value_slice<'a>(message: &Message<'a>, field: &HeaderField, start: usize, end: usize) -> &'a [u8] {
    let value = field.raw_value(message.raw);
    value.get(start.min(value.len())..end.min(value.len())).unwrap_or(&[])
}

/// The whole field as written, for evidence.
pub fn field_text(message: &Message, field: &HeaderField) -> String {
    String::from_utf8_lossy(field.raw_field(message.raw)).into_owned()
}

/// Whether the raw offsets of a part can be trusted. Parts of an attached
/// message (message/rfc822) are left out: the model does not place them in
/// the input reliably yet, and a finding must point at the right bytes.
pub fn has_raw_offsets(part: &crate::model::Part) -> bool {
    !part.in_attached_message
}

/// The header blocks of the message and of every part that lies in the input
/// as is, with the part index.
pub fn header_blocks<'m>(
    message: &'m Message,
) -> impl Iterator<Item = (usize, &'m crate::model::headers::HeaderBlock)> + 'm {
    message
        .parts
        .iter()
        .filter(|p| {
            p.index == 0 || (!p.headers.fields.is_empty() || !p.headers.malformed.is_empty()) && has_raw_offsets(p)
        })
        .map(|p| (p.index, &*p.headers))
}

/// The Content-Type and Content-Disposition fields of every checked header block
/// (`header_blocks`), in block then field order, as parsed by the analysis.
pub fn mime_fields<'m>(message: &'m Message) -> impl Iterator<Item = (usize, &'m HeaderField, &'m MimeValue)> + 'm {
    message.mime_fields().filter(|(part, _, _)| *part == 0 || message.parts.get(*part).is_some_and(has_raw_offsets))
}

/// A location for a field of part `part` (the part is named unless it is the message).
pub fn part_value_location(part: usize, field: &HeaderField, start: usize, end: usize) -> Location {
    let location = value_location(field, start, end);
    if part == 0 {
        location
    } else {
        location.with_part(part)
    }
}

/// Whether an address the receivers cannot use in `field` gets the whole
/// message refused: From alone, whose refusal is documented (Gmail: a missing
/// or unreadable From; DMARC reads From alone, RFC 7489 §3.1). No refusal is
/// documented for Sender, Reply-To, Resent-* or a recipient field: a recipient
/// is lost, a Sender or Reply-To ignored. One rule for `headers/address-syntax`,
/// `address-length` and `address-idn`, which are errors only where it holds.
pub fn refused_when_unusable(field: &HeaderField) -> bool {
    field.is("From")
}

/// Problem ranges shorter than this are quoted with their whole field as evidence.
const MIN_EVIDENCE_BYTES: usize = 4;

/// Emits one finding per (field, problem kind): the first occurrence, with how
/// many there are, so a broken list does not flood the report.
pub fn emit_grouped<K: Copy + PartialEq>(
    cx: &mut crate::rules::Context,
    message: &Message,
    part: usize,
    field: &HeaderField,
    problems: &[crate::grammar::Problem<K>],
    mut draft: impl FnMut(K, usize) -> Option<crate::rules::Draft>,
) {
    let mut seen: Vec<K> = Vec::new();
    for problem in problems {
        if seen.contains(&problem.kind) {
            continue;
        }
        seen.push(problem.kind);
        let count = problems.iter().filter(|p| p.kind == problem.kind).count();
        let Some(d) = draft(problem.kind, count) else { continue };
        let slice = value_slice(message, field, problem.start, problem.end);
        // A lone dot or bracket says little: quote the whole field then.
        let evidence = if slice.iter().filter(|b| !b.is_ascii_whitespace()).count() < MIN_EVIDENCE_BYTES {
            field.raw_field(message.raw)
        } else {
            slice
        };
        cx.emit(d.evidence_bytes(evidence).at(part_value_location(part, field, problem.start, problem.end)));
    }
}
