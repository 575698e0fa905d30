//! Is the input a message at all? An empty input, or a file of another kind
//! dropped by mistake (a PDF, an image, an archive), gets the coded error
//! `not-a-message` instead of a page of findings about missing headers.

use crate::error::{LintError, NotAMessage};

/// First bytes of file kinds people drop instead of a message.
const FILE_SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (OLE2)"),
    (b"MZ", "Windows executable"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "GZIP"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"{\\rtf", "RTF"),
];

/// How many bytes are looked at for a first header field.
const HEADER_LOOKAHEAD: usize = 64 * 1024;

/// `Ok` when `raw` can be read as a message: not empty, not a known file kind,
/// and a header field (`Name: value`) among its first lines (after an mbox
/// `From ` envelope line, which is allowed).
pub fn recognise(raw: &[u8]) -> Result<(), LintError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(LintError::NotAMessage(NotAMessage::Empty));
    }
    let head = &raw[..raw.len().min(HEADER_LOOKAHEAD)];
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    if !is_field_line(first_line) {
        if let Some((_, kind)) = FILE_SIGNATURES.iter().find(|(magic, _)| raw.starts_with(magic)) {
            return Err(LintError::NotAMessage(NotAMessage::File(kind)));
        }
    }
    let has_field = head
        .split(|&b| b == b'\n')
        .take_while(|line| !line.iter().all(|&b| b == b'\r' || b == b' ' || b == b'\t'))
        .any(is_field_line);
    if has_field {
        Ok(())
    } else if fields_after_blank_lines(head) {
        Err(LintError::NotAMessage(NotAMessage::BlankFirstLine))
    } else {
        Err(LintError::NotAMessage(NotAMessage::NoHeader))
    }
}

/// The input starts with blank or white-space lines and a header field comes
/// right after them: pasted with an empty line on top, or saved with one. The
/// header ends at the first blank line (RFC 5322 §2.1), so the fields are body.
fn fields_after_blank_lines(head: &[u8]) -> bool {
    let blank = |line: &&[u8]| line.iter().all(|&b| b == b'\r' || b == b' ' || b == b'\t');
    let mut lines = head.split(|&b| b == b'\n').skip_while(blank);
    lines.next().is_some_and(is_field_line)
}

/// `Name:` with a name of printable ASCII without spaces (RFC 5322 §2.2), or a
/// name followed by one space before the colon, or by more white space when the
/// name is a message field's (RFC 5322 §4.5, the obsolete fields: `field-name
/// *WSP ":"`, as its appendix A.6.3 writes `Subject     : Saying Hello`). Pasted
/// text such as `Total   : 5 EUR` lines is no header.
fn is_field_line(line: &[u8]) -> bool {
    let Some(colon) = line.iter().position(|&b| b == b':') else { return false };
    let padded = &line[..colon];
    let padding = padded.iter().rev().take_while(|&&b| b == b' ' || b == b'\t').count();
    let name = &padded[..padded.len() - padding];
    let named = (padding <= 1 && padded.last() != Some(&b'\t')) || PADDED_FIELD_NAMES.iter().any(|known| name.eq_ignore_ascii_case(known.as_bytes()));
    named && !name.is_empty() && name.iter().all(|&b| (33..=126).contains(&b) && b != b':')
}

/// The fields of RFC 5322 §3.6 (and MIME's), the names read with more white
/// space before their colon (`is_field_line`).
const PADDED_FIELD_NAMES: &[&str] = &[
    "from", "sender", "reply-to", "to", "cc", "bcc", "subject", "date", "message-id", "in-reply-to",
    "references", "comments", "keywords", "received", "return-path", "mime-version", "content-type",
    "content-transfer-encoding", "content-disposition",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_not_a_message() {
        assert_eq!(recognise(b" \r\n"), Err(LintError::NotAMessage(NotAMessage::Empty)));
    }

    #[test]
    fn a_pdf_is_not_a_message() {
        assert_eq!(recognise(b"%PDF-1.7\n..."), Err(LintError::NotAMessage(NotAMessage::File("PDF"))));
    }

    #[test]
    fn a_header_field_makes_a_message() {
        assert!(recognise(b"Subject: hi\r\n\r\nbody").is_ok());
        assert!(recognise(b"From someone@example.com Mon Jan  1 00:00:00 2024\nFrom: a@b\n\nx").is_ok());
        assert_eq!(recognise(b"just some text\nwith lines\n"), Err(LintError::NotAMessage(NotAMessage::NoHeader)));
    }

    #[test]
    fn fields_after_a_blank_first_line_are_named_as_such() {
        let blank_first = Err(LintError::NotAMessage(NotAMessage::BlankFirstLine));
        assert_eq!(recognise(b"\r\nFrom: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n"), blank_first);
        assert_eq!(recognise(b"   \n \t\nDelivered-To: b@example.com\nFrom: a@example.com\n\nbody\n"), blank_first);
        // Text after a blank line is no header either way.
        assert_eq!(recognise(b"\nsome text\nFrom: a@example.com\n"), Err(LintError::NotAMessage(NotAMessage::NoHeader)));
    }

    /// RFC 5322 §4.5 (obs-fields): white space of any length between a
    /// field's name and its colon, as the RFC's own appendix A.6.3 writes it.
    #[test]
    fn obsolete_white_space_before_the_colon_still_makes_a_field() {
        assert!(recognise(b"From  : John <j@example.com>\r\nSubject     : Hello\r\n\r\nHi\r\n").is_ok());
        assert!(recognise(b"Subject\t\t: Hello\r\n\r\nHi\r\n").is_ok());
        assert_eq!(recognise(b"  : no name\n\ntext\n"), Err(LintError::NotAMessage(NotAMessage::NoHeader)));
        // Pasted text aligned on its colons is no header: padded names must be a message field's.
        assert_eq!(recognise(b"Total   : 5 EUR\nName   : Bob\n\nhello\n"), Err(LintError::NotAMessage(NotAMessage::NoHeader)));
        assert!(recognise(b"Name : Bob\n\nhello\n").is_ok());
    }
}
