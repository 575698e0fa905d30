//! The names html5ever and scraper intern, bounded per bucket of the interner.
//!
//! A tag name, an attribute name, a class name (scraper's `classes()`) or a
//! style-sheet identifier of 8 bytes or more that is not one of HTML's own
//! becomes a `string_cache` atom in one global table of 4,096 buckets, each a
//! chain that every interning of a name of that bucket walks. The table's hash
//! key is public (`web_atoms`), so a message can be written of names that all
//! fall in one bucket: 40,000 such attribute names in a 361 KB message took
//! 4.1 s in wasm against 94 ms for as many ordinary names, each new name walking
//! all those before it, and each later use of one walking to it.
//!
//! `Names::admit` is asked for each such name before the parser or the cascade
//! interns it (the pre-scan for tag and attribute names, the style sheets'
//! selectors, the walk for an element's classes): it interns the name itself,
//! once, and refuses the name that would make its bucket hold more than
//! `MAX_NAMES_PER_BUCKET` of this document's names. Ordinary documents use a
//! few dozen such names, spread over the buckets.

use crate::hash::KeyedMap;
use html5ever::LocalName;

/// Most of a document's interned names in one bucket of the interner. *(default,
/// ours: a bucket of 4,096 holds 16 of 4,096 spread names with a probability
/// under 10⁻¹³; at 16 a name's interning walks at most 16 others of the document)*
pub const MAX_NAMES_PER_BUCKET: usize = 16;

/// Names shorter than this are stored in the atom itself (`string_cache`'s
/// inline atoms), not in the table.
const MIN_TABLE_NAME: usize = 8;

/// The interner's buckets (`string_cache`'s `NB_BUCKETS`).
const BUCKETS: usize = 4_096;

/// Names already met kept beside the table, to be found again without hashing
/// (`Names::recent`). *(ours: a table row repeats its few long attribute names,
/// `cellpadding` and `cellspacing`, in every row)*
const RECENT_NAMES: usize = 4;

/// Longest name `Names::recent` keeps (a longer one is looked up in the table
/// only). *(ours: longer than HTML's attribute names)*
const MAX_RECENT_NAME: usize = 24;

/// A document's names met so far (module doc).
#[derive(Default)]
pub struct Names {
    /// Each name met, with its atom held (so the interner keeps it) when it is
    /// one of the table's.
    seen: KeyedMap<Box<str>, Option<LocalName>>,
    /// The document's names in each bucket.
    buckets: Vec<u16>,
    /// A name was refused.
    pub refused: bool,
    /// The last names found in `seen` or added to it (each at most
    /// `MAX_RECENT_NAME` bytes, its length beside it; 0 for an empty slot),
    /// compared before `seen` is hashed: a name in it is in `seen`, which
    /// never loses one, so the answer is the same (#14, callgrind: each lookup
    /// of `seen` hashes the name with SipHash, about 410 instructions; the 10 MB
    /// newsletter of `make bench` asks for 18,184 names of 8 bytes or more).
    recent: [([u8; MAX_RECENT_NAME], u8); RECENT_NAMES],
    /// The slot of `recent` the next name takes.
    next_recent: usize,
}

impl Names {
    /// Whether `name`, as the parser will intern it, may be interned: `false`
    /// (and `refused` set) when it would be the `MAX_NAMES_PER_BUCKET` + 1st of
    /// the document's names in its bucket.
    pub fn admit(&mut self, name: &str) -> bool {
        if name.len() < MIN_TABLE_NAME || self.is_recent(name) {
            return true;
        }
        if self.seen.contains_key(name) {
            self.remember(name);
            return true;
        }
        let atom = LocalName::from(name);
        if !atom.is_dynamic() {
            self.seen.insert(name.into(), None);
            self.remember(name);
            return true;
        }
        if self.buckets.is_empty() {
            self.buckets = vec![0; BUCKETS];
        }
        // A dynamic atom's hash is the one its bucket is chosen by (`g`, masked).
        let bucket = atom.get_hash() as usize % BUCKETS;
        let Some(count) = self.buckets.get_mut(bucket) else { return true };
        if usize::from(*count) >= MAX_NAMES_PER_BUCKET {
            self.refused = true;
            return false;
        }
        *count += 1;
        self.seen.insert(name.into(), Some(atom));
        self.remember(name);
        true
    }

    /// Whether `name` is one of `recent`'s (so in `seen`).
    fn is_recent(&self, name: &str) -> bool {
        let name = name.as_bytes();
        self.recent.iter().any(|(kept, len)| kept.get(..usize::from(*len)) == Some(name))
    }

    /// Keeps `name`, which is in `seen`, in `recent` when it fits, in place of the oldest.
    fn remember(&mut self, name: &str) {
        let (Some(slot), Ok(len)) = (self.recent.get_mut(self.next_recent), u8::try_from(name.len())) else { return };
        let Some(kept) = slot.0.get_mut(..name.len()) else { return };
        kept.copy_from_slice(name.as_bytes());
        slot.1 = len;
        self.next_recent = (self.next_recent + 1) % RECENT_NAMES;
    }

    /// `admit` for a tag or attribute name as written: html5ever lowercases
    /// its ASCII letters and reads NUL as U+FFFD (HTML §13.2.5.8, §13.2.5.33).
    /// Inlined for the short names, which every tag has (#14, callgrind: the
    /// pre-scan asks for each of the 363,628 tag and attribute names of the
    /// 10 MB newsletter, a call of 17 instructions each).
    #[inline]
    pub fn admit_markup(&mut self, name: &[u8]) -> bool {
        name.len() < MIN_TABLE_NAME || self.admit_long_markup(name)
    }

    /// `admit_markup` for a name of `MIN_TABLE_NAME` bytes or more.
    fn admit_long_markup(&mut self, name: &[u8]) -> bool {
        // Most names: ASCII without NUL, lowercased on the stack.
        let mut buffer = [0u8; 64];
        if let Some(lower) = buffer.get_mut(..name.len()) {
            if name.iter().all(|&b| b.is_ascii() && b != 0) {
                lower.copy_from_slice(name);
                lower.make_ascii_lowercase();
                return self.admit(std::str::from_utf8(lower).unwrap_or_default());
            }
        }
        let name = String::from_utf8_lossy(name).to_ascii_lowercase().replace('\0', "\u{FFFD}");
        self.admit(&name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` names of 8 bytes or more, none of HTML's own, all in the bucket of
    /// the first (found by interning candidates and reading their bucket).
    pub fn names_of_one_bucket(n: usize) -> Vec<String> {
        let bucket = |name: &str| LocalName::from(name).get_hash() as usize % BUCKETS;
        let first = bucket("q0000000");
        (0..).map(|i| format!("q{i:07x}")).filter(|name| bucket(name) == first).take(n).collect()
    }

    /// `admit` as it was before `recent`: the table alone.
    struct Reference {
        seen: std::collections::HashSet<String>,
        buckets: std::collections::HashMap<usize, usize>,
        refused: bool,
    }

    impl Reference {
        fn admit(&mut self, name: &str) -> bool {
            if name.len() < MIN_TABLE_NAME || self.seen.contains(name) {
                return true;
            }
            let atom = LocalName::from(name);
            if atom.is_dynamic() {
                let count = self.buckets.entry(atom.get_hash() as usize % BUCKETS).or_default();
                if *count >= MAX_NAMES_PER_BUCKET {
                    self.refused = true;
                    return false;
                }
                *count += 1;
            }
            self.seen.insert(name.to_string());
            true
        }
    }

    /// Names met again, in and out of `recent`, long and short, HTML's own
    /// and a crowded bucket's, as markup in any case: the same answers and
    /// the same refusal as the table alone, name after name.
    #[test]
    fn recent_names_answer_as_the_table_does() {
        let crowded = names_of_one_bucket(MAX_NAMES_PER_BUCKET + 6);
        let mut pool: Vec<String> = crowded.clone();
        pool.extend(["cellpadding", "cellspacing", "background", "foreignObject", "short", "q", "presentation"].map(String::from));
        pool.extend((0..12).map(|i| format!("data-long-attribute-name-number-{i}")));
        pool.extend((0..12).map(|i| format!("x-name-{i:03}")));
        let mut seed = 0x9e37_79b9_u64;
        let mut names = Names::default();
        let mut reference = Reference { seen: Default::default(), buckets: Default::default(), refused: false };
        for step in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Mostly a few recent names, now and then any of the pool.
            let index = if seed % 5 == 0 { (seed >> 8) as usize % pool.len() } else { (seed >> 8) as usize % 6 + (step / 3_000) };
            let name = &pool[index % pool.len()];
            let markup = if seed % 3 == 0 { name.to_ascii_uppercase() } else { name.clone() };
            let lowered = markup.to_ascii_lowercase();
            assert_eq!(names.admit_markup(markup.as_bytes()), reference.admit(&lowered), "{step}: {markup}");
            assert_eq!(names.refused, reference.refused, "{step}: {markup}");
        }
        assert!(reference.refused, "the crowded bucket was reached");
    }

    #[test]
    fn a_bucket_takes_at_most_the_bound_of_a_documents_names() {
        let crowded = names_of_one_bucket(MAX_NAMES_PER_BUCKET + 4);
        assert!(crowded.iter().all(|name| name.len() >= MIN_TABLE_NAME && LocalName::from(name.as_str()).is_dynamic()));
        let mut names = Names::default();
        for name in &crowded[..MAX_NAMES_PER_BUCKET] {
            assert!(names.admit(name), "{name}");
            // A name met again is not counted again.
            assert!(names.admit(name), "{name}");
        }
        assert!(!names.refused);
        assert!(!names.admit(&crowded[MAX_NAMES_PER_BUCKET]));
        assert!(names.refused);
        // Names the interner keeps elsewhere: short (inline atoms), HTML's own, other buckets.
        for other in ["q", "qqqqqqq", "cellpadding", "background", "foreignObject", "q0000001", "another-long-name"] {
            assert!(names.admit(other), "{other}");
        }
        // Tag and attribute names are read as html5ever interns them.
        let mut names = Names::default();
        for name in &crowded[..MAX_NAMES_PER_BUCKET] {
            assert!(names.admit_markup(name.to_ascii_uppercase().as_bytes()), "{name}");
        }
        assert!(!names.admit_markup(crowded[MAX_NAMES_PER_BUCKET].to_ascii_uppercase().as_bytes()));
        assert!(Names::default().admit_markup("a\0bcdefgh".as_bytes()));
    }

    #[test]
    fn names_of_one_bucket_cut_the_html_where_the_parser_would_intern_them() {
        use crate::model::html::{analyse, TruncatedBy};
        let crowded = names_of_one_bucket(MAX_NAMES_PER_BUCKET + 1);
        let (kept, last) = crowded.split_at(MAX_NAMES_PER_BUCKET);
        let last = &last[0];
        let attributes: String = kept.iter().map(|n| format!("<b {n}=1>x</b>")).collect();
        let classes: String = kept.iter().map(|n| format!("<b class=\"{n}\">x</b>")).collect();
        let hidden = "<p style=\"display:none\">hidden words</p>";
        for (html, at) in [
            // The 17th as an attribute, a tag name (start or end tag) and a class.
            (format!("{hidden}{attributes}<i {last}>y</i>"), "<i "),
            (format!("{hidden}{attributes}<{last}>y"), "<q"),
            (format!("{hidden}{attributes}</{last}>y"), "</q"),
            (format!("{hidden}{classes}<i class=\"a {last}\">y</i>"), "<i "),
        ] {
            let facts = analyse(&html);
            let cut = facts.truncated.unwrap_or_else(|| panic!("cut: {html:.80}"));
            assert_eq!((cut.by, cut.limit), (TruncatedBy::Names, MAX_NAMES_PER_BUCKET), "{html:.80}");
            assert_eq!(cut.analysed_bytes, html.rfind(at).unwrap_or(0), "{html:.80}");
            assert!(facts.hidden.iter().any(|h| h.words.contains("hidden words")), "{html:.80}");
            let raw = format!("From: a@example.com\nTo: b@example.net\nSubject: s\nContent-Type: text/html\n\n{html}");
            let report = crate::pipeline::lint(raw.as_bytes(), &Default::default()).expect("a report");
            assert!(report.findings.iter().any(|f| f.message_id == "spam/invisible-text.too-many-names"), "{html:.80}");
        }
        // In a style sheet, a selector naming it is not applied; the rest is read.
        let sheet: String = crowded.iter().map(|n| format!(".{n} {{ color: #fff }}")).collect();
        let facts = analyse(&format!("<style>{sheet} .plain {{ display: none }}</style><p class=\"plain\">gone</p>"));
        assert_eq!(facts.truncated, None);
        assert_eq!(facts.ignored_selectors, 1);
        assert!(facts.hidden.iter().any(|h| h.words.contains("gone")));
        // As many as the bound, over and over: read whole.
        let html = format!("<style>{}</style>{}", kept.iter().map(|n| format!(".{n} {{ color: red }}")).collect::<String>(), classes.repeat(200));
        assert_eq!(analyse(&html).truncated, None);
    }
}
