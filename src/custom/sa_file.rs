//! The bytes of a SpamAssassin rule file as the text `spamassassinRules` takes.
//!
//! SpamAssassin reads its files as bytes, and its translations are written in
//! their language's legacy charset, not UTF-8: Debian's 4.0 `30_text_fr.cf` in
//! ISO-8859-1, `30_text_pl.cf` in ISO-8859-2 (its header: "Charset:
//! ISO-8859-2"; `30_text_de.cf` says `lang de report_charset iso-8859-1`), and
//! `25_razor2.cf` holds a French and a Polish `lang` line side by side. Read as
//! UTF-8, 250 of their descriptions had been refused, and French and Polish
//! reports fell back to English.
//!
//! So, line by line: a line that is UTF-8 is taken as written; a `lang` line that
//! is not is decoded in its language's charset (a description is text for people);
//! any other line keeps its bytes as U+FFFD and is refused with its number, since
//! a pattern matches bytes, which decoding would change.

use mail_parser::decoders::charsets::map::charset_decoder;

/// The legacy charset of a translation's language: ISO-8859-2 for Polish (the
/// shipped file's own header), else Windows-1252, the superset of ISO-8859-1
/// that SpamAssassin's decoder reads 8-bit text as (`sa_decode`).
fn legacy_charset(language: &[u8]) -> &'static [u8] {
    let base = language.split(|&b| b == b'_' || b == b'-').next().unwrap_or_default();
    if base.eq_ignore_ascii_case(b"pl") {
        b"iso-8859-2"
    } else {
        b"windows-1252"
    }
}

/// The language of a `lang XX …` line (SpamAssassin's keywords are read in any case).
fn lang_line_language(line: &[u8]) -> Option<&[u8]> {
    let line = line.trim_ascii_start();
    let keyword = line.get(..4)?;
    let rest = line.get(4..)?;
    if !keyword.eq_ignore_ascii_case(b"lang") || !rest.first().is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let rest = rest.trim_ascii_start();
    let end = rest.iter().position(u8::is_ascii_whitespace).unwrap_or(rest.len());
    Some(&rest[..end]).filter(|language| !language.is_empty())
}

/// A rule file's bytes as text: UTF-8 lines as written, `lang` lines in their
/// language's charset, other bytes that are not UTF-8 as U+FFFD.
pub fn rules_text(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(line) => text.push_str(line),
            Err(_) => {
                let decoded = lang_line_language(line)
                    .and_then(|language| charset_decoder(legacy_charset(language)))
                    .map(|decode| decode(line));
                match decoded {
                    Some(line) => text.push_str(&line),
                    None => text.push_str(&String::from_utf8_lossy(line)),
                }
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_lines_are_kept_as_written() {
        let text = "body A /caf\u{e9}/\nlang fr describe A Caf\u{e9} \u{e0} vendre\r\n";
        assert_eq!(rules_text(text.as_bytes()), text);
    }

    #[test]
    fn a_french_lang_line_in_latin1_is_decoded() {
        let line = b"lang fr describe RAZOR2_CHECK\tMessage list\xe9 par Razor2\n";
        assert_eq!(rules_text(line), "lang fr describe RAZOR2_CHECK\tMessage list\u{e9} par Razor2\n");
    }

    #[test]
    fn a_polish_lang_line_is_decoded_as_iso_8859_2() {
        // "Na liście" and "stwierdził pewność" as 30_text_pl.cf writes them.
        let line = b"  LANG pl describe X Na li\xb6cie, stwierdzi\xb3 pewno\xb6\xe6\n";
        assert_eq!(rules_text(line), "  LANG pl describe X Na li\u{15b}cie, stwierdzi\u{142} pewno\u{15b}\u{107}\n");
    }

    #[test]
    fn a_rule_line_that_is_not_utf8_keeps_replacement_characters() {
        // 20_advance_fee.cf: a Latin-1 `é` in a pattern matches a byte, which decoding would change.
        let line = b"body __FRAUD_GAN /gu[e\xe9\xe8]i/i\nlangue fr \xe9\n";
        assert_eq!(rules_text(line), "body __FRAUD_GAN /gu[e\u{fffd}\u{fffd}]i/i\nlangue fr \u{fffd}\n");
    }
}
