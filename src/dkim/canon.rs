//! Canonicalization (RFC 6376 §3.4) and the two hashes of a signature: the
//! body hash `bh=` (§3.7, first bullet) and the hash of the signed header
//! fields that `b=` signs (§3.7, second bullet).
//!
//! A message pasted with bare LF line ends is read as the CRLF message an MTA
//! would transmit (RFC 5322 §2.3: lines end with CRLF on the wire), so a
//! signature made over the CRLF form verifies here too.

use sha1_smol::Sha1;
use sha2::{Digest, Sha256};

/// `c=` for the header or the body (§3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canon {
    Simple,
    Relaxed,
}

/// The hash of `a=`: SHA-256 (`rsa-sha256`, `ed25519-sha256`) or SHA-1 (`rsa-sha1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlg {
    Sha256,
    Sha1,
}

/// A running hash over the canonical stream, cut after `limit` bytes (`l=`).
pub struct Hasher {
    state: State,
    limit: Option<u64>,
    /// Bytes of canonical input seen so far (also past the limit).
    pub seen: u64,
}

enum State {
    Sha256(Box<Sha256>),
    Sha1(Box<Sha1>),
}

impl Hasher {
    pub fn new(alg: HashAlg, limit: Option<u64>) -> Hasher {
        let state = match alg {
            HashAlg::Sha256 => State::Sha256(Box::default()),
            HashAlg::Sha1 => State::Sha1(Box::default()),
        };
        Hasher { state, limit, seen: 0 }
    }
    pub fn update(&mut self, bytes: &[u8]) {
        let take = match self.limit {
            Some(limit) => {
                let left = limit.saturating_sub(self.seen);
                bytes.len().min(usize::try_from(left).unwrap_or(usize::MAX))
            }
            None => bytes.len(),
        };
        self.seen = self.seen.saturating_add(bytes.len() as u64);
        match &mut self.state {
            State::Sha256(h) => h.update(&bytes[..take]),
            State::Sha1(h) => h.update(&bytes[..take]),
        }
    }
    pub fn finish(self) -> Vec<u8> {
        match self.state {
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.digest().bytes().to_vec(),
        }
    }
}

/// One-shot SHA-256 (the header hash of `ed25519-sha256` is signed as is, RFC 8463 §3).
pub fn sha256(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

/// What hashing the body gave: the hash and the canonical body length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyHash {
    pub hash: Vec<u8>,
    /// Length of the whole canonical body (`l=` may cover less of it).
    pub canonical_len: u64,
}

/// The body hash of `body` (the bytes after the header's blank line) under
/// `canon`, hashing at most `limit` canonical bytes (§3.4.3, §3.4.4, §3.4.5).
pub fn body_hash(body: &[u8], canon: Canon, alg: HashAlg, limit: Option<u64>) -> BodyHash {
    let mut hasher = Hasher::new(alg, limit);
    // Empty lines are held back until a non-empty line follows: trailing ones are dropped.
    let mut pending_empty: u64 = 0;
    let mut any_line = false;
    let mut line_buf: Vec<u8> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        rest = next;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let canonical: &[u8] = match canon {
            Canon::Simple => line,
            Canon::Relaxed => {
                relax_line(line, &mut line_buf);
                &line_buf
            }
        };
        if canonical.is_empty() {
            pending_empty += 1;
            continue;
        }
        for _ in 0..pending_empty {
            hasher.update(b"\r\n");
        }
        pending_empty = 0;
        hasher.update(canonical);
        hasher.update(b"\r\n");
        any_line = true;
    }
    // §3.4.3: an empty simple body is one CRLF; §3.4.4: an empty relaxed body is empty.
    if !any_line && canon == Canon::Simple {
        hasher.update(b"\r\n");
    }
    let canonical_len = hasher.seen;
    BodyHash { hash: hasher.finish(), canonical_len }
}

/// §3.4.4: white space runs become one space, trailing white space goes.
fn relax_line(line: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut in_space = false;
    for &b in line {
        if b == b' ' || b == b'\t' {
            in_space = true;
        } else {
            if in_space {
                out.push(b' ');
                in_space = false;
            }
            out.push(b);
        }
    }
}

/// A header field in canonical form (§3.4.1, §3.4.2), with its CRLF unless
/// `last` (the DKIM-Signature field itself is hashed without one, §3.7).
pub fn header_field(field: &[u8], canon: Canon, last: bool, out: &mut Vec<u8>) {
    // The field as transmitted: bare LF line ends become CRLF.
    let field = field.strip_suffix(b"\n").unwrap_or(field);
    let field = field.strip_suffix(b"\r").unwrap_or(field);
    match canon {
        Canon::Simple => {
            let mut i = 0;
            while i < field.len() {
                if field[i] == b'\n' && (i == 0 || field[i - 1] != b'\r') {
                    out.extend_from_slice(b"\r\n");
                } else {
                    out.push(field[i]);
                }
                i += 1;
            }
        }
        Canon::Relaxed => {
            let colon = field.iter().position(|&b| b == b':').unwrap_or(field.len());
            let name = &field[..colon];
            let name_end = name.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(0, |p| p + 1);
            out.extend(name[..name_end].iter().map(u8::to_ascii_lowercase));
            out.push(b':');
            // Unfold, squeeze white space, drop it at both ends of the value.
            let mut started = false;
            let mut in_space = false;
            for &b in field.get(colon + 1..).unwrap_or(&[]) {
                match b {
                    b'\r' | b'\n' => {}
                    b' ' | b'\t' => in_space = true,
                    _ => {
                        if in_space && started {
                            out.push(b' ');
                        }
                        in_space = false;
                        started = true;
                        out.push(b);
                    }
                }
            }
        }
    }
    if !last {
        out.extend_from_slice(b"\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6376_section_3_4_5_example_bodies() {
        // The example of §3.4.5: " C \r\nD \t E\r\n\r\n\r\n".
        let body = b" C \r\nD \t E\r\n\r\n\r\n";
        let relaxed = body_hash(body, Canon::Relaxed, HashAlg::Sha256, None);
        assert_eq!(relaxed.hash, sha256(b" C\r\nD E\r\n"));
        let simple = body_hash(body, Canon::Simple, HashAlg::Sha256, None);
        assert_eq!(simple.hash, sha256(b" C \r\nD \t E\r\n"));
    }

    #[test]
    fn empty_bodies_follow_the_two_algorithms() {
        // The bh= values every DKIM signer writes for an empty body: SHA-256 of
        // CRLF (simple, §3.4.3) and of nothing (relaxed, §3.4.4).
        let simple = body_hash(b"", Canon::Simple, HashAlg::Sha256, None);
        assert_eq!(crate::input::encode::base64(&simple.hash), "frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
        let relaxed = body_hash(b"\r\n\r\n", Canon::Relaxed, HashAlg::Sha256, None);
        assert_eq!(crate::input::encode::base64(&relaxed.hash), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    #[test]
    fn bare_lf_reads_as_crlf_and_length_limit_cuts() {
        let lf = body_hash(b"a\nb\n", Canon::Simple, HashAlg::Sha256, None);
        let crlf = body_hash(b"a\r\nb\r\n", Canon::Simple, HashAlg::Sha256, None);
        assert_eq!(lf, crlf);
        let limited = body_hash(b"a\r\nb\r\n", Canon::Simple, HashAlg::Sha256, Some(3));
        assert_eq!(limited.hash, sha256(b"a\r\n"));
        assert_eq!(limited.canonical_len, 6);
    }

    #[test]
    fn relaxed_header_fields_are_unfolded_and_lowercased() {
        let mut out = Vec::new();
        header_field(b"SUBJect \t:  Hello\r\n   World  \r\n", Canon::Relaxed, false, &mut out);
        assert_eq!(out, b"subject:Hello World\r\n");
        out.clear();
        header_field(b"Subject: a\n b\n", Canon::Simple, true, &mut out);
        assert_eq!(out, b"Subject: a\r\n b");
    }
}
