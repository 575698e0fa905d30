//! The work budget of one HTML analysis (issue: no message may stall the
//! engine). Every step whose count grows with the input — an element, a text
//! node, a declaration, a selector tried on an element (weighted by what the
//! match may walk) — is charged; so is every byte of text the analysis derives.
//! When either runs out, the analysis stops where it is and says so
//! (`HtmlFacts::truncated`); what was found until then is kept.

/// Steps one HTML analysis may take. *(default, ours)*: the largest honest
/// newsletters of the corpus take under 1 % of it; natively it is about a
/// second of work, in wasm two or three.
pub const MAX_HTML_STEPS: u64 = 20_000_000;

/// Bytes of text one HTML analysis may derive (visible text, text runs, link
/// texts, evidence). *(default, ours)*: three times the largest HTML body a
/// 10 MB message can carry, so only hostile input reaches it.
pub const MAX_DERIVED_BYTES: usize = 32 * 1024 * 1024;

/// Which budget ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exhausted {
    Steps,
    DerivedBytes,
}

/// What is left of the budget.
#[derive(Debug, Clone)]
pub struct Budget {
    steps_left: u64,
    bytes_left: usize,
    steps_used: u64,
    exhausted: Option<Exhausted>,
}

impl Budget {
    pub fn new(steps: u64, bytes: usize) -> Budget {
        Budget { steps_left: steps, bytes_left: bytes, steps_used: 0, exhausted: None }
    }

    /// The default budget of one analysis.
    pub fn standard() -> Budget {
        Budget::new(MAX_HTML_STEPS, MAX_DERIVED_BYTES)
    }

    #[cfg(test)]
    pub fn unlimited() -> Budget {
        Budget::new(u64::MAX, usize::MAX)
    }

    /// Charges `n` steps; false (and from then on) once the budget is spent.
    pub fn step(&mut self, n: u64) -> bool {
        if self.exhausted.is_some() {
            return false;
        }
        match self.steps_left.checked_sub(n) {
            Some(left) => {
                self.steps_left = left;
                self.steps_used = self.steps_used.saturating_add(n);
                true
            }
            None => {
                self.exhausted = Some(Exhausted::Steps);
                false
            }
        }
    }

    /// Charges `n` derived bytes; false (and from then on) once the budget is spent.
    pub fn derive(&mut self, n: usize) -> bool {
        if self.exhausted.is_some() {
            return false;
        }
        match self.bytes_left.checked_sub(n) {
            Some(left) => {
                self.bytes_left = left;
                true
            }
            None => {
                self.exhausted = Some(Exhausted::DerivedBytes);
                false
            }
        }
    }

    pub fn exhausted(&self) -> Option<Exhausted> {
        self.exhausted
    }

    pub fn is_exhausted(&self) -> bool {
        self.exhausted.is_some()
    }

    pub fn steps_used(&self) -> u64 {
        self.steps_used
    }

    /// The steps and derived bytes left.
    pub fn left(&self) -> (u64, usize) {
        (self.steps_left, self.bytes_left)
    }
}
