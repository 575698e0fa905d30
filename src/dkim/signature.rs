//! A `DKIM-Signature` field value read into its tags (RFC 6376 §3.5), with
//! every problem that makes verifiers return PERMFAIL (§6.1.1) or that
//! RFC 8301 forbids.

use super::canon::{Canon, HashAlg};
use super::tags::{self, Tag, TagProblem};
use std::ops::Range;

/// `a=` (RFC 6376 §3.3, RFC 8463 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    RsaSha256,
    RsaSha1,
    Ed25519Sha256,
}

impl Algorithm {
    pub fn hash(self) -> HashAlg {
        match self {
            Algorithm::RsaSha1 => HashAlg::Sha1,
            Algorithm::RsaSha256 | Algorithm::Ed25519Sha256 => HashAlg::Sha256,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::RsaSha256 => "rsa-sha256",
            Algorithm::RsaSha1 => "rsa-sha1",
            Algorithm::Ed25519Sha256 => "ed25519-sha256",
        }
    }
}

/// What is wrong with a signature's tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    TagList(TagProblem),
    /// A required tag is absent (§3.5: v, a, b, bh, d, h, s).
    Missing(&'static str),
    /// `v=` other than `1`.
    Version(String),
    /// An algorithm no verifier knows.
    UnknownAlgorithm(String),
    /// `rsa-sha1`: "Verifiers MUST NOT consider signatures using SHA-1 to be valid" (RFC 8301 §3.1).
    Sha1,
    /// `c=` other than simple/relaxed.
    Canonicalization(String),
    /// A value that does not parse: base64 (`b`, `bh`), numbers (`l`, `t`, `x`), domains (`d`, `i`).
    BadValue(&'static str, String),
    /// `x=` not after `t=` (§3.5: "MUST be greater").
    ExpiresBeforeSigned,
    /// `i=` is not in `d=` or a subdomain of it (§3.5).
    IdentityOutsideDomain,
}

/// A parsed signature. Absent or unusable tags are `None`; `problems` says why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signature {
    pub algorithm: Option<Algorithm>,
    pub header_canon: Option<Canon>,
    pub body_canon: Option<Canon>,
    /// `d=`, lower-cased (domains are case-insensitive).
    pub domain: Option<String>,
    pub selector: Option<String>,
    /// `h=`, lower-cased, in order.
    pub signed_headers: Vec<String>,
    pub body_hash: Option<Vec<u8>>,
    pub signature: Option<Vec<u8>>,
    /// Where the `b=` value lies in the field value (emptied for hashing, §3.7).
    pub b_range: Option<Range<usize>>,
    pub identity: Option<String>,
    /// `l=`: body length signed.
    pub length: Option<u64>,
    pub timestamp: Option<i64>,
    pub expiration: Option<i64>,
    pub problems: Vec<Problem>,
}

/// Longest number accepted in `t=`/`x=`/`l=` (§3.5 allows 12 and 76 digits;
/// beyond 18 they do not fit our arithmetic and are "far future" anyway).
const MAX_DIGITS: usize = 18;

impl Signature {
    /// Reads a `DKIM-Signature` field value (the bytes after the colon).
    pub fn parse(value: &[u8]) -> Signature {
        let (tags, tag_problems) = tags::parse(value);
        let mut sig =
            Signature { problems: tag_problems.into_iter().map(Problem::TagList).collect(), ..Signature::default() };
        for required in ["v", "a", "b", "bh", "d", "h", "s"] {
            if tags::value(&tags, required).is_none() {
                sig.problems.push(Problem::Missing(required));
            }
        }
        if let Some(v) = tags::value(&tags, "v") {
            if v != "1" {
                sig.problems.push(Problem::Version(v.to_string()));
            }
        }
        if let Some(a) = tags::value(&tags, "a") {
            sig.algorithm = match a.to_ascii_lowercase().as_str() {
                "rsa-sha256" => Some(Algorithm::RsaSha256),
                "ed25519-sha256" => Some(Algorithm::Ed25519Sha256),
                "rsa-sha1" => {
                    sig.problems.push(Problem::Sha1);
                    Some(Algorithm::RsaSha1)
                }
                _ => {
                    sig.problems.push(Problem::UnknownAlgorithm(a.to_string()));
                    None
                }
            };
        }
        sig.read_canonicalization(tags::value(&tags, "c"));
        sig.domain = tags::value(&tags, "d").map(|d| d.to_ascii_lowercase());
        if let Some(d) = &sig.domain {
            if !is_domain(d) {
                sig.problems.push(Problem::BadValue("d", d.clone()));
            }
        }
        sig.selector = tags::value(&tags, "s").map(str::to_string);
        sig.signed_headers = tags::value(&tags, "h")
            .map(|h| {
                h.split(':').map(|n| n.trim_matches(|c: char| c.is_ascii_whitespace()).to_ascii_lowercase()).collect()
            })
            .unwrap_or_default();
        sig.body_hash = sig.base64_of(&tags, "bh");
        sig.signature = sig.base64_of(&tags, "b");
        sig.b_range = tags.iter().find(|t| t.name == "b").map(|t| t.value_range.clone());
        sig.identity = tags::value(&tags, "i").map(str::to_string);
        sig.length = sig.number_of(&tags, "l").map(|n| n as u64);
        sig.timestamp = sig.number_of(&tags, "t");
        sig.expiration = sig.number_of(&tags, "x");
        if let (Some(t), Some(x)) = (sig.timestamp, sig.expiration) {
            if x <= t {
                sig.problems.push(Problem::ExpiresBeforeSigned);
            }
        }
        if let (Some(i), Some(d)) = (&sig.identity, &sig.domain) {
            let i_domain = i.rsplit_once('@').map(|(_, dom)| dom.to_ascii_lowercase());
            match i_domain {
                Some(id) if id == *d || id.ends_with(&format!(".{d}")) => {}
                Some(_) => sig.problems.push(Problem::IdentityOutsideDomain),
                None => sig.problems.push(Problem::BadValue("i", i.clone())),
            }
        }
        sig
    }

    fn read_canonicalization(&mut self, c: Option<&str>) {
        let Some(c) = c else {
            // §3.5: default "simple/simple".
            self.header_canon = Some(Canon::Simple);
            self.body_canon = Some(Canon::Simple);
            return;
        };
        let one = |s: &str| match s.trim().to_ascii_lowercase().as_str() {
            "simple" => Some(Canon::Simple),
            "relaxed" => Some(Canon::Relaxed),
            _ => None,
        };
        let (header, body) = match c.split_once('/') {
            Some((h, b)) => (one(h), one(b)),
            // §3.5: "If only one algorithm is named, that algorithm is used for the header
            // and "simple" is used for the body."
            None => (one(c), Some(Canon::Simple)),
        };
        if header.is_none() || body.is_none() {
            self.problems.push(Problem::Canonicalization(c.to_string()));
        }
        self.header_canon = header;
        self.body_canon = body;
    }

    fn base64_of(&mut self, tags: &[Tag], name: &'static str) -> Option<Vec<u8>> {
        let text = tags::value(tags, name)?;
        let decoded = tags::base64(text);
        if decoded.as_ref().is_none_or(Vec::is_empty) {
            self.problems.push(Problem::BadValue(name, shorten(text)));
            return None;
        }
        decoded
    }

    fn number_of(&mut self, tags: &[Tag], name: &'static str) -> Option<i64> {
        let text = tags::value(tags, name)?;
        if text.is_empty() || text.len() > MAX_DIGITS || !text.bytes().all(|b| b.is_ascii_digit()) {
            self.problems.push(Problem::BadValue(name, shorten(text)));
            return None;
        }
        text.parse().ok()
    }

    /// Whether `h=` lists this field name (case-insensitive, §3.5).
    pub fn signs(&self, field: &str) -> bool {
        self.signed_headers.iter().any(|h| h.eq_ignore_ascii_case(field))
    }
}

/// A host name as DKIM domains are written (§3.5 `d=`: a domain name, LDH labels).
fn is_domain(d: &str) -> bool {
    !d.is_empty()
        && d.len() <= 253
        && d.split('.').all(|l| {
            !l.is_empty() && l.len() <= 63 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_signature_has_no_problem() {
        let sig = Signature::parse(
            b" v=1; a=rsa-sha256; c=relaxed/simple; d=Example.COM; s=s1; t=100; x=200;\r\n h=from:to : subject; bh=frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=; b=AAAA",
        );
        assert!(sig.problems.is_empty(), "{:?}", sig.problems);
        assert_eq!(sig.domain.as_deref(), Some("example.com"));
        assert_eq!(sig.signed_headers, vec!["from", "to", "subject"]);
        assert_eq!((sig.header_canon, sig.body_canon), (Some(Canon::Relaxed), Some(Canon::Simple)));
        assert!(sig.signs("From"));
    }

    #[test]
    fn missing_tags_sha1_and_bad_times_are_problems() {
        let sig = Signature::parse(b"v=1; a=rsa-sha1; d=example.com; t=200; x=100; i=@other.example; c=loose");
        for expected in [
            Problem::Missing("b"),
            Problem::Missing("bh"),
            Problem::Missing("h"),
            Problem::Missing("s"),
            Problem::Sha1,
            Problem::ExpiresBeforeSigned,
            Problem::IdentityOutsideDomain,
            Problem::Canonicalization("loose".into()),
        ] {
            assert!(sig.problems.contains(&expected), "{expected:?} in {:?}", sig.problems);
        }
    }

    #[test]
    fn one_canonicalization_name_means_simple_body() {
        let sig = Signature::parse(b"c=relaxed");
        assert_eq!((sig.header_canon, sig.body_canon), (Some(Canon::Relaxed), Some(Canon::Simple)));
    }
}
