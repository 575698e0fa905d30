//! `encode-subject`: RFC 5322 §2.2 header fields are US-ASCII; non-ASCII text
//! goes in RFC 2047 encoded words (`=?UTF-8?Q?…?=` or `?B?`, as Nodemailer picks;
//! each at most 75 characters, RFC 2047 §2). Only a Subject written as raw UTF-8
//! is re-encoded: raw bytes in another charset cannot be read without guessing,
//! so they are left to the sender.

use super::{header_block, Change, Eol};
use crate::input::words;

pub(crate) fn apply(raw: &[u8]) -> Option<Change> {
    let block = header_block(raw);
    let field = block.first("Subject")?;
    let value = field.raw_value(raw);
    if value.is_ascii() || std::str::from_utf8(value).is_err() {
        return None;
    }
    let text = field.unfolded_value(raw);
    // As Nodemailer writes a subject: encoded words, the line folded at 76 characters.
    let encoded = words::encode_words(&text, words::TextEncoding::default());
    let line = Eol::of(raw).adapt(words::fold_lines(&format!("Subject: {encoded}"), words::HEADER_LINE));
    let mut out = Vec::with_capacity(raw.len() + line.len());
    out.extend_from_slice(&raw[..field.start]);
    out.extend_from_slice(line.as_bytes());
    out.extend_from_slice(&raw[field.end..]);
    Some(Change { bytes: out, count: 1, detail: format!("Subject: {encoded}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_subject_is_encoded() {
        let change = apply("From: a@example.com\r\nSubject: Café\r\n\r\nHi\r\n".as_bytes()).unwrap();
        assert_eq!(change.bytes, b"From: a@example.com\r\nSubject: =?UTF-8?Q?Caf=C3=A9?=\r\n\r\nHi\r\n");
    }

    #[test]
    fn a_subject_in_another_charset_is_left_alone() {
        assert!(apply(b"From: a@example.com\r\nSubject: Caf\xe9\r\n\r\nHi\r\n").is_none());
    }
}
