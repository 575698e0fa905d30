//! UTS #39 skeletons and scripts of domain names, for homographs: two names
//! with the same skeleton look alike (`раураl.com` in Cyrillic and `paypal.com`).

use super::unicode::{self, Nfkc, Prototype, Script};

/// The skeleton of `text` (UTS #39 §4, with NFKC for NFD and lowercase at the
/// end, as host names are case-insensitive): every character replaced by its
/// confusable prototype, ASCII look-alikes included (`0` → `o`, `1` → `l`, `m` → `rn`).
pub fn skeleton(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let push = |c: char, out: &mut String| match unicode::confusable(c) {
        Some(Prototype::Char(p)) => out.push(p.to_ascii_lowercase()),
        Some(Prototype::Str(s)) => out.extend(s.chars().map(|p| p.to_ascii_lowercase())),
        None => out.extend(c.to_lowercase()),
    };
    for c in text.chars() {
        if unicode::is_invisible(c) {
            continue;
        }
        match unicode::nfkc(c) {
            Some(Nfkc::Char(d)) => push(d, &mut out),
            Some(Nfkc::Str(s)) => s.chars().for_each(|d| push(d, &mut out)),
            None => push(c, &mut out),
        }
    }
    // Lowercasing can produce new look-alikes (`Ι` Greek capital iota → `ι`): one more pass.
    let mut again = String::with_capacity(out.len());
    for c in out.chars() {
        match unicode::confusable(c) {
            Some(Prototype::Char(p)) => again.push(p.to_ascii_lowercase()),
            Some(Prototype::Str(s)) => again.extend(s.chars().map(|p| p.to_ascii_lowercase())),
            None => again.push(c),
        }
    }
    again
}

/// Whether a label (one part of a host name) mixes Latin letters with Greek or
/// Cyrillic ones: UTS #39 §5.1 "mixed-script" text, the shape of a homograph
/// (`pаypal` with a Cyrillic `а`). Digits and hyphens belong to no script.
pub fn mixes_scripts(label: &str) -> bool {
    let (mut latin, mut greek, mut cyrillic) = (false, false, false);
    for c in label.chars() {
        match unicode::script(c) {
            Some(Script::Latin) => latin = true,
            Some(Script::Greek) => greek = true,
            Some(Script::Cyrillic) => cyrillic = true,
            _ => {}
        }
    }
    latin && (greek || cyrillic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alike_names_share_a_skeleton() {
        assert_eq!(skeleton("раураl.com"), skeleton("paypal.com"));
        assert_eq!(skeleton("аррlе.com"), skeleton("apple.com"));
        assert_eq!(skeleton("ｇｏｏｇｌｅ.com"), skeleton("google.com"));
        assert_eq!(skeleton("g00gle.com"), skeleton("google.com"));
        assert_ne!(skeleton("bücher.de"), skeleton("bucher.de"));
        assert_ne!(skeleton("example.com"), skeleton("examples.com"));
    }

    #[test]
    fn mixed_scripts_are_found_per_label() {
        assert!(mixes_scripts("pаypal"));
        assert!(!mixes_scripts("paypal"));
        assert!(!mixes_scripts("пример"));
        assert!(!mixes_scripts("bücher"));
        assert!(!mixes_scripts("xn--80ak6aa92e"));
    }
}
