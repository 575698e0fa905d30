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
    } else {
        Err(LintError::NotAMessage(NotAMessage::NoHeader))
    }
}

/// `Name:` with a name of printable ASCII without spaces (RFC 5322 §2.2), or a
/// name followed by spaces before the colon (obsolete syntax, still a field).
fn is_field_line(line: &[u8]) -> bool {
    let Some(colon) = line.iter().position(|&b| b == b':') else { return false };
    let name = &line[..colon];
    let name = name.strip_suffix(b" ").unwrap_or(name);
    !name.is_empty() && name.iter().all(|&b| (33..=126).contains(&b) && b != b':')
}

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
}
