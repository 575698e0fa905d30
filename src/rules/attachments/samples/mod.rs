//! Builders of sample attachments for the documented examples and the tests:
//! minimal headers of each format, written here so that no real program or
//! malware is ever stored in the repository, and the messages that carry them.

mod archives;
mod documents;
mod outlook;
mod programs;
mod zip;

pub use archives::*;
pub use documents::*;
pub use outlook::*;
pub use programs::*;
pub use zip::*;

pub const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A raw message: a short text and one base64 attachment.
pub fn message_with(filename: &str, content_type: &str, content: &[u8]) -> Vec<u8> {
    message_with_header(
        &format!("Content-Type: {content_type}\r\nContent-Disposition: attachment; filename=\"{filename}\""),
        content,
    )
}

/// A message with `content` attached as `application/octet-stream`.
pub fn attached(filename: &str, content: &[u8]) -> Vec<u8> {
    message_with(filename, "application/octet-stream", content)
}

/// A message with a ZIP of `entries` attached as `filename`.
pub fn zip_message(filename: &str, entries: &[ZipEntry]) -> Vec<u8> {
    message_with(filename, "application/zip", &zip(entries))
}

/// A message with a Word document attached as `filename`.
pub fn docx_message(filename: &str, with_macros: bool) -> Vec<u8> {
    message_with(filename, DOCX_TYPE, &word_document(with_macros))
}

/// A raw message whose attachment has the given MIME header lines (CRLF separated).
pub fn message_with_header(part_header: &str, content: &[u8]) -> Vec<u8> {
    let mut raw = String::from(
        "From: Shop <shop@example.com>\r\nTo: client@example.net\r\nSubject: Your documents\r\n\
         Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <sample@example.com>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n\
         --sep\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Please find the documents attached.\r\n--sep\r\n",
    );
    raw.push_str(part_header);
    raw.push_str("\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    let encoded = base64(content);
    for line in encoded.as_bytes().chunks(76) {
        raw.push_str(std::str::from_utf8(line).unwrap_or_default());
        raw.push_str("\r\n");
    }
    raw.push_str("--sep--\r\n");
    raw.into_bytes()
}

/// Standard base64 (RFC 4648 §4) with padding.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Little-endian writers shared by the builders.
pub(crate) trait Put {
    fn u16le(&mut self, v: u16);
    fn u32le(&mut self, v: u32);
    fn u64le(&mut self, v: u64);
}

impl Put for Vec<u8> {
    fn u16le(&mut self, v: u16) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn u32le(&mut self, v: u32) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn u64le(&mut self, v: u64) {
        self.extend_from_slice(&v.to_le_bytes());
    }
}
