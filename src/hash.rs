//! A fast hasher for tables whose keys a message cannot choose: the engine's
//! own names and numbers (message ids of the catalogues, threshold keys, rule
//! ids, node ids of a parsed tree) and the words of the built-in lexicons.
//!
//! It is FxHash, the hasher of rustc (the `fxhash` crate, which `selectors`
//! already brings into the build): a multiply and a rotate per word, against
//! SipHash-1-3's rounds, which `std`'s `HashMap` spends to resist keys chosen
//! to collide. A table whose keys come from a message (the ids and classes of
//! its style sheets, the links it writes) keeps `std`'s hasher.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// `HashMap` with FxHash: for keys a message cannot choose (module doc).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<fxhash::FxHasher>>;
/// `HashSet` with FxHash: for keys a message cannot choose (module doc).
pub type FastSet<K> = HashSet<K, BuildHasherDefault<fxhash::FxHasher>>;

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
}
