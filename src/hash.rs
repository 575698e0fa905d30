//! A fast hasher for tables whose keys a message cannot choose: the engine's
//! own names and numbers (message ids of the catalogues, threshold keys, rule
//! ids, node ids of a parsed tree) and the words of the built-in lexicons.
//!
//! It is FxHash, the hasher of rustc (the `fxhash` crate, which `selectors`
//! already brings into the build): a multiply and a rotate per word, against
//! SipHash-1-3's rounds, which `std`'s `HashMap` spends to resist keys chosen
//! to collide. A table whose keys come from a message (the ids and classes of
//! its style sheets, the links it writes) is a `KeyedMap` or `KeyedSet`:
//! SipHash-1-3 after a secret drawn once a process. `std`'s own `RandomState`
//! would do natively, but on wasm32-unknown-unknown its keys are fixed (the
//! same hashes in every process, measured 2026-12-05), so a message could be
//! built offline of keys that share a table's slots, and every lookup would
//! compare with all of them. (A table that must stay fast on message text
//! bounds its probes instead: `model::html::inline`.)

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hasher};
use std::sync::OnceLock;

/// `HashMap` with FxHash: for keys a message cannot choose (module doc).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<fxhash::FxHasher>>;
/// `HashSet` with FxHash: for keys a message cannot choose (module doc).
pub type FastSet<K> = HashSet<K, BuildHasherDefault<fxhash::FxHasher>>;
/// `HashMap` for keys a message chooses (module doc).
pub type KeyedMap<K, V> = HashMap<K, V, Keyed>;
/// `HashSet` for keys a message chooses (module doc).
pub type KeyedSet<K> = HashSet<K, Keyed>;

/// SipHash-1-3 (`DefaultHasher`) having read the process's secret first: its
/// hashes cannot be computed without the secret (module doc).
#[derive(Clone, Copy)]
pub struct Keyed {
    secret: (u64, u64),
}

impl Default for Keyed {
    fn default() -> Keyed {
        static SECRET: OnceLock<(u64, u64)> = OnceLock::new();
        Keyed { secret: *SECRET.get_or_init(draw_secret) }
    }
}

impl BuildHasher for Keyed {
    type Hasher = DefaultHasher;

    fn build_hasher(&self) -> DefaultHasher {
        let mut hasher = DefaultHasher::new();
        hasher.write_u64(self.secret.0);
        hasher.write_u64(self.secret.1);
        hasher
    }
}

/// 128 bits no message can know: natively from `std`'s random keys, in wasm
/// from the host's `Math.random` (106 bits of it; enough that no table can be
/// filled offline, which is all the secret is for).
fn draw_secret() -> (u64, u64) {
    #[cfg(target_arch = "wasm32")]
    {
        let draw = || (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        (draw(), draw())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let keys = std::collections::hash_map::RandomState::new();
        (keys.hash_one(1u8), keys.hash_one(2u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_find_what_they_hold() {
        let mut map: FastMap<&str, usize> = FastMap::default();
        let keys: Vec<String> = (0..2_000).map(|i| format!("spam.key{i}")).collect();
        for (i, key) in keys.iter().enumerate() {
            map.insert(key, i);
        }
        assert!(keys.iter().enumerate().all(|(i, key)| map.get(key.as_str()) == Some(&i)));
        assert_eq!(map.get("spam.key2000"), None);
        assert_ne!(fxhash::hash64("ab"), fxhash::hash64("ba"));
        let set: FastSet<(u32, Option<u8>)> = (0..500).map(|i| (i, (i % 3 == 0).then_some(1))).collect();
        assert_eq!(set.len(), 500);
    }

    #[test]
    fn keyed_tables_hash_after_the_secret() {
        let keys: Vec<String> = (0..2_000).map(|i| format!("class-{i}")).collect();
        let set: KeyedSet<&str> = keys.iter().map(String::as_str).collect();
        assert!(keys.iter().all(|k| set.contains(k.as_str())) && !set.contains("class-2000"));
        // One secret a process; the hash is not the unkeyed SipHash of the key.
        let (a, b) = (Keyed::default(), Keyed::default());
        assert_eq!(a.secret, b.secret);
        assert_eq!(a.hash_one("class-1"), b.hash_one("class-1"));
        let mut unkeyed = DefaultHasher::new();
        std::hash::Hash::hash("class-1", &mut unkeyed);
        assert_ne!(a.hash_one("class-1"), unkeyed.finish());
        assert_ne!(a.secret, (0, 0));
    }
}
