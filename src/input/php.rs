//! A PHP `mail(to, subject, message, additional_headers)` call, rendered as PHP
//! hands it to sendmail (PHP 8, ext/standard/mail.c): `To:` and `Subject:`
//! lines, then the additional headers, a blank line and the message as given.
//! PHP replaces control characters in `to` and `subject` by spaces (keeping
//! folding); the additional headers go through as written, which is how a
//! contact form that copies visitor input into them lets attackers add `Bcc:`.
//! The MTA adds `Date` and `Message-ID`.

use crate::model::InputField;
use serde::{Deserialize, Serialize};

/// The four arguments of PHP `mail()`, exactly as the script passes them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PhpMail {
    pub to: String,
    pub subject: String,
    pub message: String,
    /// `additional_headers`, joined by CRLF (PHP also accepts an array; join it first).
    pub headers: String,
}

impl PhpMail {
    pub fn new(to: &str, subject: &str, message: &str, headers: &str) -> PhpMail {
        PhpMail { to: to.into(), subject: subject.into(), message: message.into(), headers: headers.into() }
    }

    pub fn input_size(&self) -> usize {
        self.to.len() + self.subject.len() + self.message.len() + self.headers.len()
    }

    pub fn input_fields(&self) -> Vec<InputField> {
        vec![
            InputField { name: "to".into(), value: self.to.clone() },
            InputField { name: "subject".into(), value: self.subject.clone() },
            InputField { name: "additional_headers".into(), value: self.headers.clone() },
        ]
    }

    /// The bytes PHP writes to sendmail's standard input.
    pub fn render(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.input_size() + 32);
        out.extend_from_slice(b"To: ");
        out.extend_from_slice(&php_clean(&self.to));
        out.extend_from_slice(b"\r\nSubject: ");
        out.extend_from_slice(&php_clean(&self.subject));
        out.extend_from_slice(b"\r\n");
        let headers = self.headers.trim_end_matches(['\r', '\n']);
        if !headers.is_empty() {
            out.extend_from_slice(headers.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(self.message.as_bytes());
        out.extend_from_slice(b"\r\n");
        out
    }
}

/// PHP's treatment of `to` and `subject`: trailing white space trimmed, control
/// characters turned into spaces except a CRLF followed by a space or tab (a fold).
fn php_clean(value: &str) -> Vec<u8> {
    let bytes = value.trim_end().as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') && matches!(bytes.get(i + 2), Some(b' ' | b'\t')) {
            out.extend_from_slice(b"\r\n");
            i += 2;
            continue;
        }
        out.push(if b.is_ascii_control() { b' ' } else { b });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_php() {
        let call = PhpMail::new("b@example.com", "Test", "Hello", "From: a@example.com\r\nReply-To: a@example.com");
        assert_eq!(
            String::from_utf8(call.render()).unwrap(),
            "To: b@example.com\r\nSubject: Test\r\nFrom: a@example.com\r\nReply-To: a@example.com\r\n\r\nHello\r\n"
        );
    }

    #[test]
    fn newlines_in_subject_become_spaces() {
        let call = PhpMail::new("b@example.com", "Hi\nBcc: x@evil.example", "x", "");
        assert!(String::from_utf8(call.render()).unwrap().contains("Subject: Hi Bcc: x@evil.example\r\n"));
    }
}
