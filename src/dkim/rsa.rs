//! RSASSA-PKCS1-v1_5 signature verification (RFC 8017 §8.2.2) over a minimal
//! unsigned bignum: Montgomery multiplication on 32-bit limbs. Verification
//! only needs `s^e mod n` with a small public exponent, so this stays a few
//! dozen lines instead of a general RSA crate (wasm size, issue #16).

/// Largest modulus accepted, in bits: RFC 8301 §3.2 asks verifiers to handle
/// 1024–4096; 8192 bounds the work on hostile keys (default, ours).
pub const MAX_MODULUS_BITS: usize = 8192;
/// Smallest key a verifier may accept (RFC 8301 §3.2: "MUST NOT consider
/// signatures using RSA keys of less than 1024 bits as valid").
pub const MIN_MODULUS_BITS: usize = 1024;
/// Largest public exponent, in bits (every DKIM key in practice uses 65537;
/// a bound keeps the exponentiation short, default ours).
pub const MAX_EXPONENT_BITS: usize = 64;

/// DER DigestInfo prefixes (RFC 8017 §9.2, note 1).
const SHA256_PREFIX: &[u8] =
    &[0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
const SHA1_PREFIX: &[u8] = &[0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14];

/// An RSA public key: modulus and exponent as big-endian bytes without leading zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub modulus: Vec<u8>,
    pub exponent: Vec<u8>,
}

/// Why a key cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    /// Fewer than `MIN_MODULUS_BITS` (the bits are given).
    TooShort(usize),
    /// More than `MAX_MODULUS_BITS`, or an exponent over `MAX_EXPONENT_BITS`, even or < 3.
    Unsupported(usize),
}

impl PublicKey {
    pub fn bits(&self) -> usize {
        bit_length(&self.modulus)
    }
    pub fn check(&self) -> Result<(), KeyProblem> {
        let bits = self.bits();
        let e_bits = bit_length(&self.exponent);
        let even = self.modulus.last().is_none_or(|b| b & 1 == 0) || self.exponent.last().is_none_or(|b| b & 1 == 0);
        if bits > MAX_MODULUS_BITS || e_bits > MAX_EXPONENT_BITS || e_bits < 2 || even {
            return Err(KeyProblem::Unsupported(bits));
        }
        if bits < MIN_MODULUS_BITS {
            return Err(KeyProblem::TooShort(bits));
        }
        Ok(())
    }

    /// Whether `signature` is this key's PKCS#1 v1.5 signature of `digest`
    /// (SHA-256 when `sha256`, else SHA-1). The key must pass `check`.
    pub fn verify(&self, digest: &[u8], sha256: bool, signature: &[u8]) -> bool {
        if self.check().is_err() {
            return false;
        }
        let k = self.modulus.len();
        if signature.len() != k {
            return false;
        }
        let n = Limbs::from_be(&self.modulus);
        let s = Limbs::from_be(signature);
        if !s.less_than(&n) {
            return false;
        }
        let m = s.pow_mod(&self.exponent, &n);
        let em = m.to_be(k);
        let prefix = if sha256 { SHA256_PREFIX } else { SHA1_PREFIX };
        let t_len = prefix.len() + digest.len();
        if k < t_len + 11 {
            return false;
        }
        // EM = 0x00 || 0x01 || PS (0xFF…, at least 8) || 0x00 || DigestInfo
        let mut expected = Vec::with_capacity(k);
        expected.extend_from_slice(&[0x00, 0x01]);
        expected.resize(k - t_len - 1, 0xff);
        expected.push(0x00);
        expected.extend_from_slice(prefix);
        expected.extend_from_slice(digest);
        em == expected
    }
}

fn bit_length(be: &[u8]) -> usize {
    match be.iter().position(|&b| b != 0) {
        Some(i) => (be.len() - i - 1) * 8 + (8 - be[i].leading_zeros() as usize),
        None => 0,
    }
}

/// An unsigned number, little-endian 32-bit limbs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Limbs(Vec<u32>);

impl Limbs {
    fn from_be(bytes: &[u8]) -> Limbs {
        let mut limbs = Vec::with_capacity(bytes.len().div_ceil(4));
        for chunk in bytes.rchunks(4) {
            let mut word = 0u32;
            for &b in chunk {
                word = (word << 8) | u32::from(b);
            }
            limbs.push(word);
        }
        Limbs(limbs)
    }
    fn to_be(&self, len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        for (i, limb) in self.0.iter().enumerate() {
            for j in 0..4 {
                let pos = i * 4 + j;
                if pos < len {
                    out[len - 1 - pos] = (limb >> (8 * j)) as u8;
                }
            }
        }
        out
    }
    fn limb(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(0)
    }
    fn less_than(&self, other: &Limbs) -> bool {
        let len = self.0.len().max(other.0.len());
        for i in (0..len).rev() {
            match self.limb(i).cmp(&other.limb(i)) {
                std::cmp::Ordering::Less => return true,
                std::cmp::Ordering::Greater => return false,
                std::cmp::Ordering::Equal => {}
            }
        }
        false
    }

    /// `self^exponent mod n` for odd `n`, by Montgomery multiplication.
    fn pow_mod(&self, exponent: &[u8], n: &Limbs) -> Limbs {
        let size = n.0.len();
        let n0_inv = {
            // Newton's iteration for n[0]^-1 mod 2^32, then negated.
            let n0 = n.limb(0);
            let mut inv: u32 = 1;
            for _ in 0..5 {
                inv = inv.wrapping_mul(2u32.wrapping_sub(n0.wrapping_mul(inv)));
            }
            inv.wrapping_neg()
        };
        // R^2 mod n with R = 2^(32·size), by doubling.
        let mut r2 = vec![0u32; size];
        r2[0] = 1;
        for _ in 0..64 * size {
            double_mod(&mut r2, &n.0);
        }
        let mont = |a: &[u32], b: &[u32]| mont_mul(a, b, &n.0, n0_inv);
        let mut base: Vec<u32> = (0..size).map(|i| self.limb(i)).collect();
        base = mont(&base, &r2);
        let mut one = vec![0u32; size];
        one[0] = 1;
        let mut acc = mont(&one, &r2);
        for byte in exponent {
            for bit in (0..8).rev() {
                acc = mont(&acc, &acc);
                if byte >> bit & 1 == 1 {
                    acc = mont(&acc, &base);
                }
            }
        }
        Limbs(mont(&acc, &one))
    }
}

/// `a = 2a mod n` for `a < n`.
fn double_mod(a: &mut [u32], n: &[u32]) {
    let mut carry = 0u32;
    for limb in a.iter_mut() {
        let next = *limb >> 31;
        *limb = (*limb << 1) | carry;
        carry = next;
    }
    if carry == 1 || !Limbs(a.to_vec()).less_than(&Limbs(n.to_vec())) {
        sub_in_place(a, n);
    }
}

/// `a -= n`, wrapping (the caller knows the true result is below n).
fn sub_in_place(a: &mut [u32], n: &[u32]) {
    let mut borrow = 0u64;
    for (i, limb) in a.iter_mut().enumerate() {
        let d = u64::from(*limb).wrapping_sub(u64::from(n[i])).wrapping_sub(borrow);
        *limb = d as u32;
        borrow = (d >> 63) & 1;
    }
}

/// Montgomery product `a·b·R^-1 mod n` (CIOS), inputs below n.
fn mont_mul(a: &[u32], b: &[u32], n: &[u32], n0_inv: u32) -> Vec<u32> {
    let s = n.len();
    let mut t = vec![0u32; s + 2];
    for &ai in a.iter().take(s) {
        let mut carry = 0u64;
        for j in 0..s {
            let x = u64::from(t[j]) + u64::from(ai) * u64::from(b[j]) + carry;
            t[j] = x as u32;
            carry = x >> 32;
        }
        let x = u64::from(t[s]) + carry;
        t[s] = x as u32;
        t[s + 1] = (x >> 32) as u32;
        let m = t[0].wrapping_mul(n0_inv);
        let x = u64::from(t[0]) + u64::from(m) * u64::from(n[0]);
        let mut carry = x >> 32;
        for j in 1..s {
            let x = u64::from(t[j]) + u64::from(m) * u64::from(n[j]) + carry;
            t[j - 1] = x as u32;
            carry = x >> 32;
        }
        let x = u64::from(t[s]) + carry;
        t[s - 1] = x as u32;
        t[s] = t[s + 1] + (x >> 32) as u32;
        t[s + 1] = 0;
    }
    let mut result = t[..s].to_vec();
    if t[s] != 0 || !Limbs(result.clone()).less_than(&Limbs(n.to_vec())) {
        sub_in_place(&mut result, n);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modular_exponentiation_matches_small_numbers() {
        // 4^13 mod 497 = 445 (the textbook example).
        let n = Limbs::from_be(&[0x01, 0xf1]);
        let base = Limbs::from_be(&[4]);
        assert_eq!(base.pow_mod(&[13], &n).to_be(2), vec![0x01, 0xbd]);
        // Multi-limb: (2^40 + 5)^3 mod (2^61 - 1) computed independently with u128.
        let m: u128 = (1 << 61) - 1;
        let b: u128 = (1 << 40) + 5;
        let expected = b * b % m * b % m;
        let n = Limbs::from_be(&(m as u64).to_be_bytes());
        let got = Limbs::from_be(&(b as u64).to_be_bytes()).pow_mod(&[3], &n).to_be(8);
        assert_eq!(u64::from_be_bytes(got.try_into().unwrap()) as u128, expected);
    }

    #[test]
    fn short_and_even_keys_are_refused() {
        let key = PublicKey { modulus: vec![0xff; 64], exponent: vec![1, 0, 1] };
        assert_eq!(key.check(), Err(KeyProblem::TooShort(512)));
        let even = PublicKey { modulus: vec![0xfe; 128], exponent: vec![1, 0, 1] };
        assert!(matches!(even.check(), Err(KeyProblem::Unsupported(_))));
    }
}
