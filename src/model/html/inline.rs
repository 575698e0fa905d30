//! The declarations of a document's `style` attributes, each distinct text
//! parsed once (#14). Builder-made mail repeats a handful of `style` texts on
//! every block of a newsletter, and cssparser read each again: about 5,000
//! instructions an element, a tenth of a 10 MB newsletter's lint.
//!
//! A text met again is answered from the first parse, with the budget charged
//! exactly as a parse charges it (a step per item of the list, stopping where
//! the budget runs out), so the cascade sees the same declarations and the
//! budget the same steps either way; a test holds the two to each other.

use super::budget::Budget;
use super::values::{each_declaration, Declaration};
use crate::hash::FastMap;
use cssparser::{Parser, ParserInput};

/// Most distinct `style` texts whose declarations are kept for reuse in one
/// document; a text past them is parsed each time it is met. *(default, ours:
/// a cache, not an input limit; it changes no result, only time.)*
pub const MAX_KEPT_STYLE_TEXTS: usize = 4_096;
/// Most declarations kept for reuse in one document (about 56 bytes each: the
/// cache stays under a megabyte however many elements a hostile document has).
/// *(default, ours; a cache bound as `MAX_KEPT_STYLE_TEXTS`)*
pub const MAX_KEPT_DECLARATIONS: usize = 16_384;

/// One kept text: its declarations (`InlineStyles::declarations[start..end]`,
/// each with the number of its item) and how many items its list has.
struct Kept {
    start: u32,
    end: u32,
    items: u32,
}

/// The parsed `style` attributes of one document (`'d`: its texts).
#[derive(Default)]
pub struct InlineStyles<'d> {
    kept: FastMap<&'d str, Kept>,
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
                if complete && self.kept.len() < MAX_KEPT_STYLE_TEXTS && end <= MAX_KEPT_DECLARATIONS {
                    self.kept.insert(text, Kept { start: start as u32, end: end as u32, items });
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
        assert_eq!(styles.kept.len(), MAX_KEPT_STYLE_TEXTS);
        // A text past the bound, met again: parsed again, the same declarations.
        let last = texts.last().unwrap();
        assert_eq!(styles.declarations(last, &mut budget).count(), 2);
        assert!(styles.declarations.len() <= MAX_KEPT_DECLARATIONS + 2);
        // One long list past the declarations' bound is not kept either.
        let long = vec!["color:red"; MAX_KEPT_DECLARATIONS + 1].join(";");
        let mut styles = InlineStyles::default();
        assert_eq!(styles.declarations(&long, &mut budget).count(), MAX_KEPT_DECLARATIONS + 1);
        assert!(styles.kept.is_empty());
        assert_eq!(styles.declarations("color:red", &mut budget).count(), 1);
        assert_eq!(styles.declarations.len(), 1);
    }
}
