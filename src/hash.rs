//! A fast hasher for tables whose keys a message cannot choose: the engine's
//! own names and numbers (message ids of the catalogues, threshold keys, rule
//! ids, node ids of a parsed tree) and the words of the built-in lexicons.
//!
//! It is FxHash, the hasher of rustc: a multiply and a rotate per eight bytes,
//! against SipHash-1-3's rounds, which `std`'s `HashMap` spends to resist keys
//! chosen to collide. A table whose keys come from a message (the ids and
//! classes of its style sheets, the links it writes) keeps `std`'s hasher.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash over the bytes written, eight at a time (the last group padded with
/// zeros); a number is hashed as the bytes of its little-endian form would be.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.write(&n.to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashMap` with `FastHasher`: for keys a message cannot choose (module doc).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// `HashSet` with `FastHasher`: for keys a message cannot choose (module doc).
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash(value: impl Hash) -> u64 {
        let mut hasher = FastHasher::default();
        value.hash(&mut hasher);
        hasher.finish()
    }

    fn bytes(bytes: &[u8]) -> u64 {
        let mut hasher = FastHasher::default();
        hasher.write(bytes);
        hasher.finish()
    }

    #[test]
    fn numbers_hash_as_their_little_endian_bytes() {
        assert_eq!(hash(7u8), bytes(&[7]));
        assert_eq!(hash(0x0102u16), bytes(&0x0102u16.to_le_bytes()));
        assert_eq!(hash(0xdead_beefu32), bytes(&0xdead_beefu32.to_le_bytes()));
        assert_eq!(hash(u64::MAX - 5), bytes(&(u64::MAX - 5).to_le_bytes()));
        assert_eq!(hash(12_345usize), bytes(&12_345usize.to_le_bytes()));
    }

    #[test]
    fn tables_find_what_they_hold() {
        let mut map: FastMap<&str, usize> = FastMap::default();
        let keys: Vec<String> = (0..2_000).map(|i| format!("spam.key{i}")).collect();
        for (i, key) in keys.iter().enumerate() {
            map.insert(key, i);
        }
        assert!(keys.iter().enumerate().all(|(i, key)| map.get(key.as_str()) == Some(&i)));
        assert_eq!(map.get("spam.key2000"), None);
        assert_ne!(hash("ab"), hash("ba"));
        let set: FastSet<(u32, Option<u8>)> = (0..500).map(|i| (i, (i % 3 == 0).then_some(1))).collect();
        assert_eq!(set.len(), 500);
    }
}
