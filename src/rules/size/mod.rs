//! The `size/*` rules (SPEC §2 Size). The guides: "the e-mail sent must not
//! exceed a total size of 10 MB (encapsulation and header included); the content
//! itself must not exceed 7/8 MB".

pub mod content;
pub mod line_length;
pub mod total;

/// A raw message of exactly `total` bytes whose body is base64-like lines of 76
/// characters, for examples and tests of the size rules.
pub fn generated_message(total: usize) -> Vec<u8> {
    let head = b"From: sender@example.com\r\nTo: rcpt@example.com\r\nSubject: Quarterly report\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <gen@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    let mut raw = Vec::with_capacity(total);
    raw.extend_from_slice(head);
    let line = [b'Q'; 76];
    while raw.len() + 78 <= total {
        raw.extend_from_slice(&line);
        raw.extend_from_slice(b"\r\n");
    }
    while raw.len() < total {
        raw.push(b'Q');
    }
    raw.truncate(total);
    raw
}
