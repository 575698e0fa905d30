//! DKIM key records (RFC 6376 §3.6.1): the DNS TXT text a caller passes in
//! `options.dkimKeys`, read into an RSA (RFC 3447 key in DER) or Ed25519
//! (RFC 8463 §4: the raw 32-byte key) public key.

use super::rsa::PublicKey;
use super::tags::{self, TagProblem};

/// The key of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Rsa(PublicKey),
    Ed25519([u8; 32]),
}

/// Why a record gives no usable key (each has its own sentence in `dkim/signature`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// Longer than `MAX_RECORD_BYTES`.
    TooLong,
    /// A PEM file (`-----BEGIN PUBLIC KEY-----`) given instead of the TXT record.
    Pem,
    /// Not a tag list (§3.2): the first defect.
    Tags(TagProblem),
    /// `v=` other than `DKIM1`, or not the first tag (§3.6.1): its value.
    Version(String),
    /// No `p=` tag.
    NoKey,
    /// `p=` is empty: the key was revoked (§3.6.1).
    Revoked,
    /// `k=` names an unknown key type.
    KeyType(String),
    /// `k=` names one type and `p=` holds a key of the other (`rsa`, `ed25519`).
    KeyMismatch { declared: &'static str, found: &'static str },
    /// `p=` does not decode to a key of its type (`rsa`, `ed25519`).
    BadKey(&'static str),
}

/// A parsed key record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub key: Key,
    /// `h=`: acceptable hash algorithms (empty = all).
    pub hashes: Vec<String>,
    /// `t=s`: the `i=` domain must equal `d=` (§3.6.1).
    pub strict: bool,
    /// `t=y`: the domain is testing DKIM.
    pub testing: bool,
    /// `s=`: service types (empty = the default `*`).
    pub services: Vec<String>,
}

impl Record {
    /// Whether `h=` allows `hash` (`sha1`, `sha256`; §3.6.1: absent = all).
    pub fn allows_hash(&self, hash: &str) -> bool {
        self.hashes.is_empty() || self.hashes.iter().any(|h| h.eq_ignore_ascii_case(hash))
    }

    /// Whether `s=` covers email (§3.6.1: `*` or `email`; absent = `*`).
    pub fn serves_email(&self) -> bool {
        self.services.is_empty() || self.services.iter().any(|s| s == "*" || s.eq_ignore_ascii_case("email"))
    }
}

/// An Ed25519 public key's length (RFC 8463 §4: the raw key, no DER).
const ED25519_KEY_BYTES: usize = 32;

/// Longest record text accepted, in bytes (a 4096-bit key is about 800; default ours).
pub const MAX_RECORD_BYTES: usize = 4096;

/// Reads the text of a DKIM key TXT record.
pub fn parse_record(text: &str) -> Result<Record, RecordProblem> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(RecordProblem::TooLong);
    }
    if text.contains("-----BEGIN") {
        return Err(RecordProblem::Pem);
    }
    // TXT strings are often pasted quoted and split: "v=DKIM1; k=rsa; " "p=MIIB…".
    let joined: String = if text.trim_start().starts_with('"') {
        text.split('"').skip(1).step_by(2).collect()
    } else {
        text.to_string()
    };
    let (tags, problems) = tags::parse(joined.as_bytes());
    if let Some(problem) = problems.into_iter().next() {
        return Err(RecordProblem::Tags(problem));
    }
    if let Some(v) = tags::value(&tags, "v") {
        if v != "DKIM1" || tags.first().map(|t| t.name.as_str()) != Some("v") {
            return Err(RecordProblem::Version(v.to_string()));
        }
    }
    let p = tags::value(&tags, "p").ok_or(RecordProblem::NoKey)?;
    if p.trim().is_empty() {
        return Err(RecordProblem::Revoked);
    }
    let key = match tags::value(&tags, "k").unwrap_or("rsa") {
        "rsa" => {
            let bytes = tags::base64(p).ok_or(RecordProblem::BadKey("rsa"))?;
            match rsa_key(&bytes) {
                Some(key) => Key::Rsa(key),
                // 32 bytes that are no DER: the raw key of RFC 8463 §4.
                None if bytes.len() == ED25519_KEY_BYTES => {
                    return Err(RecordProblem::KeyMismatch { declared: "rsa", found: "ed25519" })
                }
                None => return Err(RecordProblem::BadKey("rsa")),
            }
        }
        "ed25519" => {
            let bytes = tags::base64(p).ok_or(RecordProblem::BadKey("ed25519"))?;
            match <[u8; ED25519_KEY_BYTES]>::try_from(bytes.as_slice()) {
                Ok(raw) => Key::Ed25519(raw),
                Err(_) if rsa_key(&bytes).is_some() => {
                    return Err(RecordProblem::KeyMismatch { declared: "ed25519", found: "rsa" })
                }
                Err(_) => return Err(RecordProblem::BadKey("ed25519")),
            }
        }
        other => return Err(RecordProblem::KeyType(other.to_string())),
    };
    let list = |name| -> Vec<String> {
        tags::value(&tags, name).map(|v| v.split(':').map(|s| s.trim().to_string()).collect()).unwrap_or_default()
    };
    let flags: Vec<&str> = tags::value(&tags, "t").map(|t| t.split(':').map(str::trim).collect()).unwrap_or_default();
    Ok(Record {
        key,
        hashes: list("h"),
        strict: flags.contains(&"s"),
        testing: flags.contains(&"y"),
        services: list("s"),
    })
}

/// An RSA key from DER: a SubjectPublicKeyInfo (what `openssl rsa -pubout` and
/// every DKIM tool publish) or a bare RSAPublicKey (RFC 3447 A.1.1).
fn rsa_key(der: &[u8]) -> Option<PublicKey> {
    let (outer, _) = element(der, 0x30)?;
    let (first, rest) = peek(outer)?;
    if first == 0x30 {
        // SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier, BIT STRING }.
        let (_algorithm, rest) = element(outer, 0x30)?;
        let (bits, _) = element(rest, 0x03)?;
        let (&unused, key) = bits.split_first()?;
        if unused != 0 {
            return None;
        }
        rsa_key(key)
    } else {
        let _ = rest;
        let (modulus, rest) = element(outer, 0x02)?;
        let (exponent, _) = element(rest, 0x02)?;
        let strip = |v: &[u8]| v.iter().position(|&b| b != 0).map_or(Vec::new(), |i| v[i..].to_vec());
        Some(PublicKey { modulus: strip(modulus), exponent: strip(exponent) })
    }
}

fn peek(der: &[u8]) -> Option<(u8, &[u8])> {
    der.first().map(|&t| (t, der))
}

/// One DER element of the expected tag: (contents, what follows).
fn element(der: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&t, rest) = der.split_first()?;
    if t != tag {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let count = (first & 0x7f) as usize;
        if count == 0 || count > 3 || rest.len() < count {
            return None;
        }
        let len = rest[..count].iter().fold(0usize, |acc, &b| (acc << 8) | b as usize);
        (len, &rest[count..])
    };
    if rest.len() < len {
        return None;
    }
    Some((&rest[..len], &rest[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_p_means_revoked_and_unknown_types_are_named() {
        assert_eq!(parse_record("v=DKIM1; p="), Err(RecordProblem::Revoked));
        assert_eq!(parse_record("v=DKIM1; k=dsa; p=AAAA"), Err(RecordProblem::KeyType("dsa".into())));
        assert_eq!(parse_record("k=rsa"), Err(RecordProblem::NoKey));
    }

    /// The tester's cases (stop 36): each cause is named, never a Debug string.
    #[test]
    fn each_cause_of_an_unusable_record_is_told_apart() {
        let ed = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
        let rsa = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";
        let mismatch = |declared, found| Err(RecordProblem::KeyMismatch { declared, found });
        assert_eq!(parse_record(&format!("v=DKIM1; k=ed25519; p={rsa}")), mismatch("ed25519", "rsa"));
        assert_eq!(parse_record(&format!("v=DKIM1; p={ed}")), mismatch("rsa", "ed25519"));
        assert_eq!(parse_record(&format!("v=DKIM2; p={rsa}")), Err(RecordProblem::Version("DKIM2".into())));
        assert_eq!(parse_record(&format!("k=rsa; v=DKIM1; p={rsa}")), Err(RecordProblem::Version("DKIM1".into())));
        assert_eq!(parse_record("hello world"), Err(RecordProblem::Tags(TagProblem::NoEquals("hello world".into()))));
        let pem = format!("-----BEGIN PUBLIC KEY-----\n{rsa}\n-----END PUBLIC KEY-----");
        assert_eq!(parse_record(&pem), Err(RecordProblem::Pem));
        assert_eq!(parse_record("v=DKIM1; k=ed25519; p=AAAA"), Err(RecordProblem::BadKey("ed25519")));
        assert_eq!(parse_record(&"x".repeat(MAX_RECORD_BYTES + 1)), Err(RecordProblem::TooLong));
    }

    #[test]
    fn hash_and_service_restrictions_are_read() {
        let ed = "p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
        let record = parse_record(&format!("v=DKIM1; k=ed25519; h=sha1; s=tlsrpt; t=s; {ed}")).unwrap();
        assert!(!record.allows_hash("sha256") && record.allows_hash("sha1"));
        assert!(!record.serves_email() && record.strict);
        let open = parse_record(&format!("v=DKIM1; k=ed25519; s=email:*; {ed}")).unwrap();
        assert!(open.allows_hash("sha256") && open.serves_email());
    }

    #[test]
    fn ed25519_keys_are_32_raw_bytes() {
        // RFC 8463 §A.2's example key.
        let record = parse_record("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").unwrap();
        assert!(matches!(record.key, Key::Ed25519(_)));
    }

    #[test]
    fn quoted_split_txt_strings_are_joined() {
        let record =
            parse_record("\"v=DKIM1; k=ed25519; \" \"p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"").unwrap();
        assert!(record.hashes.is_empty());
    }
}
