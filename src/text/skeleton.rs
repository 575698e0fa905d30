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

/// Cyrillic letters that look like ASCII Latin ones (Chromium's IDN spoof
/// checker, `cyrillic_letters_latin_alike_`, components/url_formatter/
/// spoof_checks/idn_spoof_checker.cc).
pub const CYRILLIC_LATIN_ALIKE: &str = "асԁеһіјӏорԗԛѕԝхуъЬҽпгѵѡ";

/// Top-level domains where Cyrillic names are common, so a Cyrillic label is
/// no disguise: any Cyrillic TLD (`рф`, `бг`…) and these ASCII ones (Chromium's
/// `IsCyrillicTopLevelDomain`, same file).
const CYRILLIC_ASCII_TLDS: [&str; 8] = ["bg", "by", "kz", "pyc", "ru", "su", "ua", "uz"];

/// The first label of `host` (in Unicode form) written wholly in Cyrillic
/// letters that look like Latin ones, under a TLD where Cyrillic names are
/// uncommon: UTS #39 §4 "whole-script confusable" text (`аррӏе.com`, `сосо.com`),
/// which Chromium shows as punycode for that reason. Digits and hyphens may
/// stand beside the letters; a label with any other Cyrillic letter, or with
/// a Latin one (then it mixes scripts), is not such a label.
pub fn whole_script_latin_alike(host: &str) -> Option<&str> {
    let (labels, tld) = host.trim_end_matches('.').rsplit_once('.')?;
    if CYRILLIC_ASCII_TLDS.iter().any(|t| tld.eq_ignore_ascii_case(t))
        || tld.chars().any(|c| unicode::script(c) == Some(Script::Cyrillic))
    {
        return None;
    }
    labels.split('.').find(|label| {
        let mut cyrillic = false;
        let all_alike = label.chars().all(|c| match unicode::script(c) {
            Some(Script::Cyrillic) => {
                cyrillic = true;
                CYRILLIC_LATIN_ALIKE.contains(c)
            }
            _ => c.is_ascii_digit() || c == '-',
        });
        all_alike && cyrillic
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_script_look_alike_labels_are_found_where_cyrillic_names_are_rare() {
        assert_eq!(whole_script_latin_alike("аррӏе.com"), Some("аррӏе"));
        assert_eq!(whole_script_latin_alike("login.раураӏ.com"), Some("раураӏ"));
        assert_eq!(whole_script_latin_alike("сосо-2.net"), Some("сосо-2"));
        // Where Cyrillic names are common, or a letter has no Latin twin (к, н, л…).
        assert_eq!(whole_script_latin_alike("аррӏе.ru"), None);
        assert_eq!(whole_script_latin_alike("аррӏе.рф"), None);
        assert_eq!(whole_script_latin_alike("пример.com"), None);
        assert_eq!(whole_script_latin_alike("кино.com"), None);
        // Latin or mixed labels are not this case, nor a host without a TLD.
        assert_eq!(whole_script_latin_alike("apple.com"), None);
        assert_eq!(whole_script_latin_alike("pаypal.com"), None);
        assert_eq!(whole_script_latin_alike("аррӏе"), None);
        assert_eq!(whole_script_latin_alike("123.com"), None);
    }

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
