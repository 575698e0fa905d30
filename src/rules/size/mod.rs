//! The `size/*` rules (SPEC §2 Size). The guides: "the e-mail sent must not
//! exceed a total size of 10 MB (encapsulation and header included); the content
//! itself must not exceed 7/8 MB".

pub mod content;
pub mod line_length;
pub mod total;

use serde::{Deserialize, Serialize};

/// Thresholds of the size group, in bytes (octets).
///
/// The guides say "10 MB" without saying which megabyte. We use the decimal
/// megabyte (1 MB = 1,000,000 bytes): it is the smaller of the two readings, so
/// a message we pass is under the limit whichever one the host applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SizeThresholds {
    /// `size/total`: most bytes of the encoded message. Guides: 10 MB.
    pub max_message_bytes: u64,
    /// `size/content`: most bytes of decoded content. Guides: 7/8 MB; we take 7.
    pub max_content_bytes: u64,
    /// `size/line-length` error: RFC 5322 §2.1.1, 998 octets excluding CRLF.
    pub max_line_octets: u64,
    /// `size/line-length` info: RFC 5322 §2.1.1 "SHOULD be no more than 78".
    pub recommended_line_octets: u64,
}

impl Default for SizeThresholds {
    fn default() -> Self {
        SizeThresholds {
            max_message_bytes: 10_000_000,
            max_content_bytes: 7_000_000,
            max_line_octets: 998,
            recommended_line_octets: 78,
        }
    }
}

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
