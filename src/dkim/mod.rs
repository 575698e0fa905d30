//! DKIM (RFC 6376), as far as it can be checked offline: the tags of each
//! `DKIM-Signature`, the body hash recomputed under the declared
//! canonicalization, the hash of the signed header fields, and — when the
//! caller passes the selector's public key — the signature itself
//! (`rsa-sha256`, `rsa-sha1`, `ed25519-sha256` of RFC 8463).
//!
//! A lower layer: it reads bytes (header fields as written, the body) and
//! never the message model.

pub mod canon;
pub mod key;
pub mod rsa;
pub mod signature;
pub mod tags;

use canon::{BodyHash, HashAlg};
pub use key::{parse_record, Key, Record, RecordProblem};
pub use signature::{Algorithm, Problem, Signature};

/// Most `DKIM-Signature` fields analysed in one message; further ones are
/// ignored (default, ours: mail carries one to three; each costs a pass over the body).
pub const MAX_SIGNATURES: usize = 8;

/// A header field as written: its name and its bytes from the name to the end
/// of its line break.
#[derive(Debug, Clone, Copy)]
pub struct Field<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// Offset of the colon within `bytes`.
    pub colon: usize,
}

/// One signature with everything computed from the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureFacts {
    /// Index of the signature's field among the header fields given.
    pub field: usize,
    pub signature: Signature,
    /// The body hash recomputed as declared (`None` when `a=` or `c=` is unusable).
    pub computed_body_hash: Option<BodyHash>,
    /// The hash of the signed header fields and the signature field without
    /// its `b=` value (§3.7), which `b=` signs.
    pub header_hash: Option<Vec<u8>>,
}

impl SignatureFacts {
    /// Whether `bh=` matches the body as it is now (`None`: not computable).
    pub fn body_hash_matches(&self) -> Option<bool> {
        let computed = self.computed_body_hash.as_ref()?;
        let declared = self.signature.body_hash.as_ref()?;
        Some(&computed.hash == declared)
    }
}

/// Analyses every `DKIM-Signature` among `fields` (top-level, in order) over `body`.
pub fn analyse(fields: &[Field], body: &[u8]) -> Vec<SignatureFacts> {
    let mut out = Vec::new();
    let mut body_hashes: Vec<((canon::Canon, HashAlg, Option<u64>), BodyHash)> = Vec::new();
    for (index, field) in fields.iter().enumerate().filter(|(_, f)| f.name.eq_ignore_ascii_case("DKIM-Signature")) {
        if out.len() >= MAX_SIGNATURES {
            break;
        }
        let value = field.bytes.get(field.colon + 1..).unwrap_or(&[]);
        let signature = Signature::parse(value);
        let alg = signature.algorithm.map(Algorithm::hash);
        let computed_body_hash = match (signature.body_canon, alg) {
            (Some(c), Some(a)) => {
                let key = (c, a, signature.length);
                let cached = body_hashes.iter().find(|(k, _)| *k == key).map(|(_, h)| h.clone());
                Some(cached.unwrap_or_else(|| {
                    let hash = canon::body_hash(body, c, a, signature.length);
                    body_hashes.push((key, hash.clone()));
                    hash
                }))
            }
            _ => None,
        };
        let header_hash = match (signature.header_canon, alg, &signature.b_range) {
            (Some(c), Some(a), Some(b_range)) => Some(header_hash(fields, index, &signature, c, a, b_range)),
            _ => None,
        };
        out.push(SignatureFacts { field: index, signature, computed_body_hash, header_hash });
    }
    out
}

/// §5.4.2: each name of `h=` takes the last field of that name not yet taken,
/// from the bottom up; a name with no field left adds nothing. Then the
/// signature field itself, `b=` emptied, without its final CRLF.
fn header_hash(
    fields: &[Field],
    signature_index: usize,
    signature: &Signature,
    c: canon::Canon,
    alg: HashAlg,
    b_range: &std::ops::Range<usize>,
) -> Vec<u8> {
    let mut data = Vec::new();
    let mut taken = vec![false; fields.len()];
    for name in &signature.signed_headers {
        let found = (0..fields.len()).rev().find(|&i| !taken[i] && fields[i].name.eq_ignore_ascii_case(name));
        if let Some(i) = found {
            taken[i] = true;
            canon::header_field(fields[i].bytes, c, false, &mut data);
        }
    }
    let own = fields[signature_index];
    let value_start = own.colon + 1;
    let mut emptied = own.bytes[..value_start + b_range.start].to_vec();
    emptied.extend_from_slice(own.bytes.get(value_start + b_range.end..).unwrap_or(&[]));
    canon::header_field(&emptied, c, true, &mut data);
    let mut hasher = canon::Hasher::new(alg, None);
    hasher.update(&data);
    hasher.finish()
}

/// The result of checking `b=` with a public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    Valid,
    /// The signature does not match: the signed header fields changed, or
    /// another key signed.
    Invalid,
    /// The key's type differs from `a=` (`k=rsa` with `ed25519-sha256`, …).
    KeyTypeMismatch,
    /// The key cannot be used (too short, unsupported).
    UnusableKey(rsa::KeyProblem),
    /// Nothing to check: `a=` or `b=` is unusable.
    NotVerifiable,
}

/// Checks the signature of `facts` with `key`.
pub fn verify(facts: &SignatureFacts, key: &Key) -> Verification {
    let (Some(algorithm), Some(digest), Some(signature)) =
        (facts.signature.algorithm, facts.header_hash.as_ref(), facts.signature.signature.as_ref())
    else {
        return Verification::NotVerifiable;
    };
    match (algorithm, key) {
        (Algorithm::RsaSha256 | Algorithm::RsaSha1, Key::Rsa(public)) => {
            if let Err(problem) = public.check() {
                return Verification::UnusableKey(problem);
            }
            if public.verify(digest, algorithm == Algorithm::RsaSha256, signature) {
                Verification::Valid
            } else {
                Verification::Invalid
            }
        }
        (Algorithm::Ed25519Sha256, Key::Ed25519(public)) => {
            let (Ok(public), Ok(signature)) =
                (ed25519_compact::PublicKey::from_slice(public), ed25519_compact::Signature::from_slice(signature))
            else {
                return Verification::Invalid;
            };
            // RFC 8463 §3: Ed25519 signs the SHA-256 header hash itself.
            match public.verify(digest, &signature) {
                Ok(()) => Verification::Valid,
                Err(_) => Verification::Invalid,
            }
        }
        _ => Verification::KeyTypeMismatch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 8463 Appendix A.3: one message signed with Ed25519 and RSA (keys of A.2).
    const RFC8463: &str = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n d=football.example.com; i=@football.example.com;\r\n q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r\n subject : date : message-id : from : subject : date;\r\n bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==\r\nDKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n d=football.example.com; i=@football.example.com;\r\n q=dns/txt; s=test; t=1528637909; h=from : to : subject :\r\n date : message-id : from : subject : date;\r\n bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3\r\n DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz\r\n dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=\r\nFrom: Joe SixPack <joe@football.example.com>\r\nTo: Suzie Q <suzie@shopping.example.net>\r\nSubject: Is dinner ready?\r\nDate: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\nMessage-ID: <20030712040037.46341.5F8J@football.example.com>\r\n\r\nHi.\r\n\r\nWe lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n";
    const ED25519_KEY: &str = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    const RSA_KEY: &str = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

    /// Splits a CRLF message into fields (continuation lines join the field above).
    fn fields(message: &str) -> (Vec<(String, usize, usize, usize)>, usize) {
        let raw = message.as_bytes();
        let mut out: Vec<(String, usize, usize, usize)> = Vec::new();
        let mut pos = 0;
        loop {
            let end = pos + raw[pos..].windows(2).position(|w| w == b"\r\n").unwrap() + 2;
            if end - pos == 2 {
                return (out, end);
            }
            if raw[pos] == b' ' {
                out.last_mut().unwrap().2 = end;
            } else {
                let colon = raw[pos..].iter().position(|&b| b == b':').unwrap();
                out.push((message[pos..pos + colon].to_string(), pos, end, colon));
            }
            pos = end;
        }
    }

    fn analysed(message: &str) -> Vec<SignatureFacts> {
        let (list, body_start) = fields(message);
        let refs: Vec<Field> = list
            .iter()
            .map(|(name, s, e, colon)| Field { name, bytes: &message.as_bytes()[*s..*e], colon: *colon })
            .collect();
        analyse(&refs, &message.as_bytes()[body_start..])
    }

    #[test]
    fn rfc_8463_example_verifies_with_both_keys() {
        let facts = analysed(RFC8463);
        assert_eq!(facts.len(), 2);
        assert!(facts.iter().all(|f| f.body_hash_matches() == Some(true)));
        let ed = parse_record(ED25519_KEY).unwrap();
        let rsa = parse_record(RSA_KEY).unwrap();
        assert_eq!(verify(&facts[0], &ed.key), Verification::Valid);
        assert_eq!(verify(&facts[1], &rsa.key), Verification::Valid);
        assert_eq!(verify(&facts[0], &rsa.key), Verification::KeyTypeMismatch);
    }

    #[test]
    fn a_changed_header_or_body_breaks_the_signature() {
        let tampered = RFC8463.replace("Subject: Is dinner ready?", "Subject: Is dinner ready!");
        let facts = analysed(&tampered);
        let rsa = parse_record(RSA_KEY).unwrap();
        assert_eq!(verify(&facts[1], &rsa.key), Verification::Invalid);
        let body_changed = RFC8463.replace("hungry yet?", "hungry now?");
        assert!(analysed(&body_changed).iter().all(|f| f.body_hash_matches() == Some(false)));
    }
}
