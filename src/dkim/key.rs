//! DKIM key records (RFC 6376 §3.6.1): the DNS TXT text a caller passes in
//! `options.dkimKeys`, read into an RSA (RFC 3447 key in DER) or Ed25519
//! (RFC 8463 §4: the raw 32-byte key) public key.

use super::rsa::PublicKey;
use super::tags;

/// The key of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Rsa(PublicKey),
    Ed25519([u8; 32]),
}

/// Why a record gives no usable key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// Not a tag list, or `v=` other than `DKIM1`.
    Syntax(String),
    /// `p=` is empty: the key was revoked (§3.6.1).
    Revoked,
    /// `k=` names an unknown key type.
    KeyType(String),
    /// `p=` does not decode to a key of its type.
    BadKey,
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
}

/// Longest record text accepted, in bytes (a 4096-bit key is about 800; default ours).
pub const MAX_RECORD_BYTES: usize = 4096;

/// Reads the text of a DKIM key TXT record.
pub fn parse_record(text: &str) -> Result<Record, RecordProblem> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(RecordProblem::Syntax(format!("longer than {MAX_RECORD_BYTES} bytes")));
    }
    // TXT strings are often pasted quoted and split: "v=DKIM1; k=rsa; " "p=MIIB…".
    let joined: String = if text.trim_start().starts_with('"') {
        text.split('"').skip(1).step_by(2).collect()
    } else {
        text.to_string()
    };
    let (tags, problems) = tags::parse(joined.as_bytes());
    if let Some(problem) = problems.first() {
        return Err(RecordProblem::Syntax(format!("{problem:?}")));
    }
    if let Some(v) = tags::value(&tags, "v") {
        if v != "DKIM1" || tags.first().map(|t| t.name.as_str()) != Some("v") {
            return Err(RecordProblem::Syntax(format!("v={v}")));
        }
    }
    let p = tags::value(&tags, "p").ok_or_else(|| RecordProblem::Syntax("no p= tag".into()))?;
    if p.trim().is_empty() {
        return Err(RecordProblem::Revoked);
    }
    let bytes = tags::base64(p).ok_or(RecordProblem::BadKey)?;
    let key = match tags::value(&tags, "k").unwrap_or("rsa") {
        "rsa" => Key::Rsa(rsa_key(&bytes).ok_or(RecordProblem::BadKey)?),
        "ed25519" => Key::Ed25519(bytes.try_into().map_err(|_| RecordProblem::BadKey)?),
        other => return Err(RecordProblem::KeyType(other.to_string())),
    };
    let flags: Vec<&str> = tags::value(&tags, "t").map(|t| t.split(':').map(str::trim).collect()).unwrap_or_default();
    Ok(Record {
        key,
        hashes: tags::value(&tags, "h")
            .map(|h| h.split(':').map(|s| s.trim().to_string()).collect())
            .unwrap_or_default(),
        strict: flags.contains(&"s"),
        testing: flags.contains(&"y"),
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
        assert!(matches!(parse_record("k=rsa"), Err(RecordProblem::Syntax(_))));
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
