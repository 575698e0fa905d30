//! A PHP `mail(to, subject, message, additional_headers)` call, rendered as PHP ≥ 8
//! hands it on, per platform (`options.php.platform`):
//!
//! - **unix** (Linux, BSD, macOS: `sendmail_path`, default `sendmail -t -i`):
//!   php-src `ext/standard/mail.c`, `php_mail()`: `To: …`, `Subject: …`, the
//!   additional headers (right-trimmed by `mail()`), each line ended by `line_sep`,
//!   then `line_sep`, the message exactly as given, and `line_sep`. `line_sep` is
//!   CRLF unless `mail.mixed_lf_and_crlf` is on (PHP 8.2.4+, off by default), so a
//!   message written with `\n` reaches sendmail with CRLF headers and LF body lines.
//! - **windows** (no `sendmail_path`: PHP speaks SMTP itself): php-src
//!   `win32/sendmail.c`, `TSendMail()`/`PostHeader()`: the headers' line ends made
//!   CRLF and blank lines removed (`php_win32_mail_trim_header`), a `Bcc:` field
//!   taken out (its addresses become recipients), then `Subject: …`, `To: …` (unless
//!   the headers have a To), the headers, a blank line, the message as given and
//!   the CRLF before the final `.`. PHP also writes `Date:` and, without a From,
//!   `From: <sendmail_from>`; the rendering leaves those to the model's "the mailer
//!   adds" note, as on Unix where the MTA adds them.
//!
//! On both, `mail()` turns control characters in `to` and `subject` into spaces,
//! except a fold (CRLF followed by a space or TAB), after trimming trailing white
//! space. The additional headers go through as written, which is how a contact
//! form that copies visitor input into them lets attackers add `Bcc:`.

pub use crate::options::php::{PhpPlatform, PhpSettings};
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

/// `php_trim(…, mode 2)`: the characters `mail()` trims from the right of the headers.
const PHP_TRIMMED: &[char] = &[' ', '\t', '\n', '\r', '\0', '\u{b}'];

impl PhpMail {
    pub fn new(to: &str, subject: &str, message: &str, headers: &str) -> PhpMail {
        PhpMail { to: to.into(), subject: subject.into(), message: message.into(), headers: headers.into() }
    }

    pub fn input_size(&self) -> usize {
        self.to.len() + self.subject.len() + self.message.len() + self.headers.len()
    }

    pub fn input_fields(&self) -> Vec<InputField> {
        vec![
            InputField { name: "to".into(), value: self.to.clone(), written_as_given: false },
            InputField { name: "subject".into(), value: self.subject.clone(), written_as_given: false },
            InputField { name: "additional_headers".into(), value: self.headers.clone(), written_as_given: true },
        ]
    }

    /// The bytes PHP on Unix writes to sendmail's standard input.
    pub fn render(&self) -> Vec<u8> {
        self.render_on(PhpPlatform::Unix)
    }

    /// The message PHP hands on, on `platform`.
    pub fn render_on(&self, platform: PhpPlatform) -> Vec<u8> {
        let headers = self.headers.trim_end_matches(PHP_TRIMMED);
        match platform {
            PhpPlatform::Unix => self.render_unix(headers),
            PhpPlatform::Windows => self.render_windows(headers),
        }
    }

    fn render_unix(&self, headers: &str) -> Vec<u8> {
        const LINE_SEP: &[u8] = b"\r\n";
        let mut out = Vec::with_capacity(self.input_size() + 32);
        out.extend_from_slice(b"To: ");
        out.extend_from_slice(&php_clean(&self.to));
        out.extend_from_slice(LINE_SEP);
        out.extend_from_slice(b"Subject: ");
        out.extend_from_slice(&php_clean(&self.subject));
        out.extend_from_slice(LINE_SEP);
        if !headers.is_empty() {
            out.extend_from_slice(headers.as_bytes());
            out.extend_from_slice(LINE_SEP);
        }
        out.extend_from_slice(LINE_SEP);
        out.extend_from_slice(self.message.as_bytes());
        out.extend_from_slice(LINE_SEP);
        out
    }

    fn render_windows(&self, headers: &str) -> Vec<u8> {
        let headers = (!headers.is_empty()).then(|| without_bcc(&windows_trim(headers)));
        let lowered = headers.as_deref().map(str::to_ascii_lowercase);
        let mut out = Vec::with_capacity(self.input_size() + 32);
        out.extend_from_slice(b"Subject: ");
        out.extend_from_slice(&php_clean(&self.subject));
        out.extend_from_slice(b"\r\n");
        let has_to = lowered.as_deref().is_some_and(|l| l.starts_with("to:") || l.contains("\r\nto:"));
        if !has_to {
            out.extend_from_slice(b"To: ");
            out.extend_from_slice(&php_clean(&self.to));
            out.extend_from_slice(b"\r\n");
        }
        if let Some(headers) = &headers {
            out.extend_from_slice(headers.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(self.message.as_bytes());
        out.extend_from_slice(b"\r\n");
        out
    }
}

/// win32/sendmail.c `php_win32_mail_trim_header`: every CR, LF or CRLF as CRLF,
/// then no blank line and no line end at the start or the end.
fn windows_trim(headers: &str) -> String {
    let unified = headers.replace("\r\n", "\n").replace('\r', "\n");
    unified.split('\n').filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\r\n")
}

/// win32/sendmail.c `SendText`: the first `bcc:` (any case) that starts a line is
/// removed with its folded continuation lines; one found mid-line stops the search.
fn without_bcc(headers: &str) -> String {
    let lowered = headers.to_ascii_lowercase();
    let Some(start) = lowered.find("bcc:") else {
        return headers.to_string();
    };
    if start != 0 && !lowered[..start].ends_with('\n') {
        return headers.to_string();
    }
    let mut end = start;
    loop {
        match headers[end..].find("\r\n") {
            Some(i) => {
                end += i;
                if matches!(headers.as_bytes().get(end + 2), Some(b' ' | b'\t')) {
                    end += 2;
                    continue;
                }
                // The Bcc field and its line end go.
                return format!("{}{}", &headers[..start], &headers[end + 2..]);
            }
            None => return headers[..start].to_string(),
        }
    }
}

/// PHP's treatment of `to` and `subject`: trailing white space trimmed, control
/// characters turned into spaces except a CRLF followed by a space or tab (a fold),
/// which `SKIP_LONG_HEADER_SEP` (ext/standard/mail.c) steps over with all the
/// spaces and tabs after it, so they stay as written (a TAB stays a TAB).
fn php_clean(value: &str) -> Vec<u8> {
    let bytes = value.trim_end_matches(|c: char| c.is_ascii_whitespace() || c == '\u{b}').as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') && matches!(bytes.get(i + 2), Some(b' ' | b'\t')) {
            let blanks = bytes[i + 2..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
            out.extend_from_slice(&bytes[i..i + 2 + blanks]);
            i += 2 + blanks;
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
    fn unix_joins_headers_with_crlf_and_passes_the_body_as_given() {
        let call = PhpMail::new("b@example.com", "Test", "Hello\nWorld", "From: a@example.com\r\nReply-To: a@example.com \r\n");
        assert_eq!(
            String::from_utf8(call.render_on(PhpPlatform::Unix)).unwrap(),
            "To: b@example.com\r\nSubject: Test\r\nFrom: a@example.com\r\nReply-To: a@example.com\r\n\r\nHello\nWorld\r\n"
        );
    }

    #[test]
    fn windows_puts_subject_and_to_first_and_unifies_header_line_ends() {
        let call = PhpMail::new("b@example.com", "Test", "Hello\nWorld", "From: a@example.com\n\nReply-To: a@example.com");
        assert_eq!(
            String::from_utf8(call.render_on(PhpPlatform::Windows)).unwrap(),
            "Subject: Test\r\nTo: b@example.com\r\nFrom: a@example.com\r\nReply-To: a@example.com\r\n\r\nHello\nWorld\r\n"
        );
    }

    #[test]
    fn windows_takes_the_bcc_field_out_of_the_headers() {
        let call = PhpMail::new("b@example.com", "Test", "x", "From: a@example.com\r\nBcc: c@example.com,\r\n d@example.com\r\nX-A: 1");
        let rendered = String::from_utf8(call.render_on(PhpPlatform::Windows)).unwrap();
        assert!(!rendered.contains("Bcc") && !rendered.contains("d@example.com"), "{rendered}");
        assert!(rendered.contains("From: a@example.com\r\nX-A: 1\r\n\r\n"), "{rendered}");
    }

    #[test]
    fn newlines_in_subject_become_spaces() {
        let call = PhpMail::new("b@example.com", "Hi\nBcc: x@evil.example", "x", "");
        assert!(String::from_utf8(call.render()).unwrap().contains("Subject: Hi Bcc: x@evil.example\r\n"));
    }

    #[test]
    fn a_fold_keeps_its_tab_and_the_blanks_after_it() {
        let call = PhpMail::new("b@example.com", "Cake question\r\n\t \tabout Saturday", "x", "");
        assert!(String::from_utf8(call.render()).unwrap().contains("Subject: Cake question\r\n\t \tabout Saturday\r\n"));
    }
}
