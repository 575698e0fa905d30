//! The declarations of a document's `style` attributes, each distinct text
//! parsed once (#14). Builder-made mail repeats a handful of `style` texts on
//! every block of a newsletter, and cssparser read each again: about 5,000
//! instructions an element, a tenth of a 10 MB newsletter's lint.
//!
//! A text met again is answered from the first parse, with the budget charged
//! exactly as a parse charges it (a step per item of the list, stopping where
//! the budget runs out), so the cascade sees the same declarations and the
//! budget the same steps either way; a test holds the two to each other.
//!
//! The texts are the message's, and FxHash, fast on them, is not keyed: a
//! message can write any number of texts of one hash (three 8-byte words, the
//! last solved for the hash wanted). In a `HashMap` each lookup compared the
//! text with every kept text of its hash: 4,096 such texts on 99,000 elements
//! took a 4 MB message's lint from 0.26 to 1.74 s natively. So the kept texts
//! are in a table of our own (`Kept`) whose lookup reads at most
//! `MAX_PROBES` slots: texts of one hash fill those and the rest are parsed
//! each time, as a text past `MAX_KEPT_STYLE_TEXTS` is.

use super::budget::Budget;
use super::values::{each_declaration, Declaration};
use cssparser::{Parser, ParserInput};
use std::hash::BuildHasher;

/// Most distinct `style` texts whose declarations are kept for reuse in one
/// document; a text past them is parsed each time it is met. *(default, ours:
/// a cache, not an input limit; it changes no result, only time.)*
pub const MAX_KEPT_STYLE_TEXTS: usize = 4_096;
/// Most declarations kept for reuse in one document (about 56 bytes each: the
/// cache stays under a megabyte however many elements a hostile document has).
/// *(default, ours; a cache bound as `MAX_KEPT_STYLE_TEXTS`)*
pub const MAX_KEPT_DECLARATIONS: usize = 16_384;

/// Slots a lookup of the kept texts reads at most, from its hash's own on
/// (linear probing). *(default, ours: it bounds the work of a lookup whatever
/// the texts' hashes; at the table's load, at most a half, a text of a hash
/// of its own finds a free slot among them but in rare clusters, and is then
/// not kept: only time changes.)*
pub const MAX_PROBES: usize = 16;

/// One kept text: its declarations (`InlineStyles::declarations[start..end]`,
/// each with the number of its item) and how many items its list has.
#[derive(Clone, Copy)]
struct Entry {
    start: u32,
    end: u32,
    items: u32,
}

/// The kept texts: open addressing on the text's hash, its slots a power of
/// two at least twice the texts (at most `2 * MAX_KEPT_STYLE_TEXTS`), a
/// lookup reading at most `MAX_PROBES` of them (module doc).
#[derive(Default)]
struct Kept<'d> {
    slots: Vec<Option<(u64, &'d str, Entry)>>,
    len: usize,
}

impl<'d> Kept<'d> {
    fn hash(text: &str) -> u64 {
        std::hash::BuildHasherDefault::<fxhash::FxHasher>::default().hash_one(text)
    }

    /// The slots a lookup of `hash` reads, in order.
    fn probes(&self, hash: u64) -> impl Iterator<Item = usize> {
        let mask = self.slots.len().wrapping_sub(1);
        // The first slot: the top bits of the hash times 2^64 / φ (Fibonacci
        // hashing), which mixes all of the hash's bits into them, on wasm's
        // 32-bit FxHash too.
        let bits = self.slots.len().trailing_zeros();
        let first = if bits == 0 { 0 } else { (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize };
        (0..MAX_PROBES.min(self.slots.len())).map(move |i| first.wrapping_add(i) & mask)
    }

    fn get(&self, text: &str) -> Option<Entry> {
        let hash = Self::hash(text);
        for at in self.probes(hash) {
            match self.slots.get(at)? {
                None => return None,
                Some((h, kept, entry)) if *h == hash && *kept == text => return Some(*entry),
                Some(_) => {}
            }
        }
        None
    }

    /// Keeps `text` (not kept yet); `false` when it is not: the texts'
    /// bound reached, or no free slot among its probes.
    fn insert(&mut self, text: &'d str, entry: Entry) -> bool {
        if self.len >= MAX_KEPT_STYLE_TEXTS {
            return false;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        self.place(Self::hash(text), text, entry)
    }

    fn place(&mut self, hash: u64, text: &'d str, entry: Entry) -> bool {
        let Some(at) = self.probes(hash).find(|&at| self.slots.get(at).is_some_and(Option::is_none)) else { return false };
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = Some((hash, text, entry));
            self.len += 1;
            return true;
        }
        false
    }

    /// Doubles the slots (16 at first) and places the texts again; one that
    /// finds no free slot among its probes there is no longer kept.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        self.len = 0;
        for (hash, text, entry) in old.into_iter().flatten() {
            self.place(hash, text, entry);
        }
    }
}

/// The parsed `style` attributes of one document (`'d`: its texts).
#[derive(Default)]
pub struct InlineStyles<'d> {
    kept: Kept<'d>,
    /// The kept texts' declarations, then those of the last text not kept
    /// (from `transient`, dropped at the next call).
    declarations: Vec<(u32, Declaration<'d>)>,
    transient: usize,
}

impl<'d> InlineStyles<'d> {
    /// The declarations of `text`, read as `values::parse_style_attribute`
    /// reads them, with the same budget steps.
    pub fn declarations(&mut self, text: &'d str, budget: &mut Budget) -> impl Iterator<Item = Declaration<'d>> + '_ {
        self.declarations.truncate(self.transient);
        let range = match self.kept.get(text) {
            Some(kept) => {
                // As a parse: a step per item, the items past a refused step not read.
                let mut read = 0;
                while read < kept.items && budget.step(1) {
                    read += 1;
                }
                let all = self.declarations.get(kept.start as usize..kept.end as usize).unwrap_or_default();
                let end = kept.start as usize + all.partition_point(|(item, _)| *item < read);
                kept.start as usize..end
            }
            None => {
                let start = self.declarations.len();
                let mut input = ParserInput::new(text);
                let mut parser = Parser::new(&mut input);
                let declarations = &mut self.declarations;
                let (items, complete) = each_declaration(&mut parser, budget, |item, d| declarations.push((item, d)));
                let end = self.declarations.len();
                if complete && end <= MAX_KEPT_DECLARATIONS && self.kept.insert(text, Entry { start: start as u32, end: end as u32, items }) {
                    self.transient = end;
                }
                start..end
            }
        };
        self.declarations.get(range).unwrap_or_default().iter().map(|(_, d)| *d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::html::values::parse_style_attribute;

    /// Style texts as builders and hostile documents write them: repeated,
    /// malformed, `!important`, custom properties and `var()`, unknown properties.
    fn texts() -> Vec<String> {
        let parts = [
            "color:#333333", "font-size:14px", "display:none", "padding:12px 16px", "color:red !important", "--x:1px",
            "width:var(--x)", "bogus", "font-size:", ";", "background:url(a.png) #fff", "opacity:0.01", "x:y",
            "visibility:hidden", "COLOR:Blue", "line-height:20px", "margin:0 0 6px", "/* c */ color:#fff",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..600)
            .map(|_| {
                let n = (next() % 6) as usize;
                (0..n).map(|_| parts[(next() % parts.len() as u64) as usize]).collect::<Vec<_>>().join(";")
            })
            .collect()
    }

    #[test]
    fn a_text_met_again_reads_as_a_parse_with_the_same_steps() {
        let texts = texts();
        // Budgets running out at every point of the run, and one that does not.
        for steps in (0..400).step_by(7).chain([u64::MAX / 2]) {
            let (mut parsed, mut memo) = (Budget::new(steps, usize::MAX), Budget::new(steps, usize::MAX));
            let mut styles = InlineStyles::default();
            for (i, text) in texts.iter().enumerate() {
                let want = parse_style_attribute(text, &mut parsed);
                let got: Vec<_> = styles.declarations(text, &mut memo).collect();
                assert_eq!(want.len(), got.len(), "text {i} {text:?} at {steps} steps");
                assert_eq!(want, got, "text {i} {text:?}");
                assert_eq!(parsed.steps_used(), memo.steps_used(), "text {i} {text:?} at {steps} steps");
                assert_eq!(parsed.exhausted(), memo.exhausted(), "text {i}");
            }
        }
    }

    #[test]
    fn past_the_kept_bounds_texts_are_parsed_each_time() {
        let mut budget = Budget::unlimited();
        let mut styles = InlineStyles::default();
        let texts: Vec<String> = (0..MAX_KEPT_STYLE_TEXTS + 10).map(|i| format!("width:{i}px;color:red")).collect();
        for text in &texts {
            assert_eq!(styles.declarations(text, &mut budget).count(), 2);
        }
        // Kept up to the bound; of the first texts, a few may have met a full
        // run of probes (3 of these 4,096 do: linear probing's clusters).
        assert_eq!(styles.kept.len, MAX_KEPT_STYLE_TEXTS);
        let left_out = texts[..MAX_KEPT_STYLE_TEXTS].iter().filter(|t| styles.kept.get(t).is_none()).count();
        assert!(left_out <= MAX_KEPT_STYLE_TEXTS / 256, "{left_out} left out");
        assert!(styles.kept.slots.len() <= 2 * MAX_KEPT_STYLE_TEXTS);
        // A text past the bound, met again: parsed again, the same declarations.
        let last = texts.last().unwrap();
        assert!(styles.kept.get(last).is_none());
        assert_eq!(styles.declarations(last, &mut budget).count(), 2);
        assert!(styles.declarations.len() <= MAX_KEPT_DECLARATIONS + 2);
        // One long list past the declarations' bound is not kept either.
        let long = vec!["color:red"; MAX_KEPT_DECLARATIONS + 1].join(";");
        let mut styles = InlineStyles::default();
        assert_eq!(styles.declarations(&long, &mut budget).count(), MAX_KEPT_DECLARATIONS + 1);
        assert_eq!(styles.kept.len, 0);
        assert_eq!(styles.declarations("color:red", &mut budget).count(), 1);
        assert_eq!(styles.declarations.len(), 1);
    }

    /// `n` distinct texts of one FxHash (the hasher of the target's pointer
    /// width), each a custom property of its own value: `--var-x:` then three
    /// words of printable ASCII, the first two drawn, the last solved for the
    /// first text's hash (the state after the words is the same, so is the
    /// hash after `str`'s closing `0xff`).
    fn texts_of_one_hash(n: usize) -> Vec<String> {
        const WIDTH: u32 = usize::BITS;
        const PREFIX: &str = "--var-x:";
        let mask = u64::MAX >> (64 - WIDTH);
        let seed = 0x517c_c1b7_2722_0a95 & mask;
        let bytes = (WIDTH / 8) as usize;
        let rotl = |x: u64| ((x << 5) | (x >> (WIDTH - 5))) & mask;
        let step = |h: u64, w: u64| (rotl(h) ^ w).wrapping_mul(seed) & mask;
        let word = |b: &[u8]| b.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
        let after_prefix = PREFIX.as_bytes().chunks(bytes).fold(0, |h, chunk| step(h, word(chunk)));
        // The seed is odd: its inverse modulo 2^WIDTH by Newton's iteration.
        let mut inverse: u64 = 1;
        for _ in 0..6 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(seed.wrapping_mul(inverse)));
        }
        let inverse = inverse & mask;
        let usable = |b: u8| b.is_ascii_graphic() && !b"!\"'();[\\]{}".contains(&b);
        let printable = |w: u64| w & !mask == 0 && w.to_le_bytes()[..bytes].iter().all(|&b| usable(b));
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        // A word of usable bytes, each drawn among them.
        let alphabet: Vec<u8> = (0..=u8::MAX).filter(|&b| usable(b)).collect();
        let mut draw = || {
            let mut w = 0u64;
            for _ in 0..bytes {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                w = w << 8 | u64::from(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            w
        };
        let text = |words: [u64; 3]| {
            let tail: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()[..bytes].to_vec()).collect();
            format!("{PREFIX}{}", String::from_utf8(tail).unwrap())
        };
        let first = [draw(), draw(), draw()];
        let target = step(step(step(after_prefix, first[0]), first[1]), first[2]);
        let mut texts = vec![text(first)];
        while texts.len() < n {
            let (a, b) = (draw(), draw());
            let c = rotl(step(step(after_prefix, a), b)) ^ (target.wrapping_mul(inverse) & mask);
            if printable(c) {
                let t = text([a, b, c]);
                if !texts.contains(&t) {
                    texts.push(t);
                }
            }
        }
        texts
    }

    #[test]
    fn texts_of_one_hash_are_kept_in_at_most_the_probed_slots() {
        let texts = texts_of_one_hash(100);
        let hash = Kept::hash(&texts[0]);
        assert!(texts.iter().all(|t| Kept::hash(t) == hash), "the texts are of one hash");
        let values: std::collections::HashSet<String> = texts
            .iter()
            .map(|t| format!("{:?}", crate::model::html::values::parse_style_attribute(t, &mut Budget::unlimited())))
            .collect();
        assert_eq!(values.len(), texts.len(), "each text declares a value of its own");
        let mut budget = Budget::unlimited();
        let mut styles = InlineStyles::default();
        // Each twice: the answers are a parse's, whether kept or not.
        for text in texts.iter().chain(&texts) {
            let want = crate::model::html::values::parse_style_attribute(text, &mut Budget::unlimited());
            let got: Vec<_> = styles.declarations(text, &mut budget).collect();
            assert_eq!(want, got, "{text:?}");
        }
        // At most the slots one lookup reads hold them; the first are kept.
        assert!(styles.kept.len <= MAX_PROBES, "{} kept", styles.kept.len);
        assert!(texts[..MAX_PROBES.min(styles.kept.len)].iter().all(|t| styles.kept.get(t).is_some()));
        // A lookup reads at most MAX_PROBES slots, for a text of that hash too.
        assert!(styles.kept.probes(hash).count() <= MAX_PROBES);
        // Other texts are still kept beside them.
        assert_eq!(styles.declarations("color:red", &mut budget).count(), 1);
        assert!(styles.kept.get("color:red").is_some());
    }

    #[test]
    fn the_table_grows_and_keeps_what_it_held() {
        let mut kept = Kept::default();
        let texts: Vec<String> = (0..2_000).map(|i| format!("color:#{i:06x};padding:{i}px")).collect();
        for (i, text) in texts.iter().enumerate() {
            assert!(kept.get(text).is_none());
            assert!(kept.insert(text, Entry { start: i as u32, end: i as u32 + 1, items: 1 }), "text {i} kept");
            assert!(kept.slots.len() >= 2 * kept.len && kept.slots.len().is_power_of_two());
        }
        for (i, text) in texts.iter().enumerate() {
            assert_eq!(kept.get(text).map(|e| e.start), Some(i as u32));
        }
        assert!(kept.get("color:#000000;padding:0").is_none());
    }
}
