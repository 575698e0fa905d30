//! Header text as Nodemailer writes it (nodemailer `lib/mime-funcs`, `lib/mime-node`):
//! RFC 2047 encoded words (Q or B, chosen as Nodemailer chooses), and header
//! lines folded at 76 characters (RFC 5322 §2.2.3: a fold is a CRLF before white
//! space). Lengths are counted as JavaScript counts them, in UTF-16 code units.

use super::encode::{base64, qp_encode};

/// Nodemailer folds header lines at 76 characters (mime-node `buildHeaders`).
pub const HEADER_LINE: usize = 76;
/// Nodemailer's longest encoded word (mime-node `_encodeWords`: 52).
const ENCODED_WORD_MAX: usize = 52;
const CHARSET: &str = "UTF-8";

/// JavaScript's `\s`: the white space and line terminators of ECMAScript.
pub fn is_js_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}')
}

/// UTF-16 length, JavaScript's `string.length`.
pub fn js_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// mime-funcs `isPlainText`: no control character other than TAB, CR, LF, nothing
/// outside ASCII, and (for a parameter) no double quote.
pub fn is_plain_text(text: &str, parameter: bool) -> bool {
    !text.chars().any(|c| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}') || c >= '\u{80}' || (parameter && c == '"')
    })
}

/// mime-funcs `hasLongerLines(text, 76)`: a line longer than 76 code units (a
/// text over 128 KiB counts as having one, unchecked, as in Nodemailer).
pub fn has_longer_lines(text: &str, limit: usize) -> bool {
    if js_len(text) > 128 * 1024 {
        return true;
    }
    text.split(['\n', '\r', '\u{2028}', '\u{2029}']).any(|line| js_len(line) > limit)
}

/// Nodemailer's `textEncoding` message option as mime-node keeps it (the first
/// letter, upper-cased: `Q` for quoted-printable, `B` for base64): the encoding
/// of every encoded word and of text bodies that need one. None: chosen by
/// content (`text_encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextEncoding(pub Option<char>);

impl TextEncoding {
    /// mime-node `_getTextEncoding`: the option when set, else chosen by content.
    pub fn of(self, text: &str) -> char {
        self.0.unwrap_or_else(|| text_encoding(text))
    }
}

/// Which encoded-word encoding Nodemailer picks (mime-node `_getTextEncoding`):
/// `Q` when there are more Latin letters than other characters, `B` otherwise.
pub fn text_encoding(text: &str) -> char {
    let mut non_latin = 0;
    let mut latin = 0;
    for c in text.chars() {
        if matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}') || c >= '\u{80}' {
            non_latin += c.len_utf16();
        }
        if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if non_latin < latin { 'Q' } else { 'B' }
}

/// mime-funcs `splitMimeEncodedString`: Q text cut into pieces of at most
/// `max` characters, never inside `=XX` nor inside a UTF-8 sequence.
fn split_q(text: &str, max: usize) -> Vec<String> {
    let max = max.max(12);
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let mut end = (start + max).min(bytes.len());
        // An incomplete escape at the end goes to the next piece.
        for digits in [1usize, 0] {
            if end - start > digits && bytes[end - digits - 1] == b'=' && bytes[end - digits..end].iter().all(u8::is_ascii_hexdigit) {
                end -= digits + 1;
                break;
            }
        }
        // A UTF-8 continuation byte next (=80…=C1) means the piece would cut a character: step back.
        while end >= start + 3 && end + 3 <= bytes.len() && bytes[end] == b'=' {
            let hex = std::str::from_utf8(&bytes[end + 1..end + 3]).unwrap_or("");
            match u8::from_str_radix(hex, 16) {
                Ok(code) if (0x80..0xc2).contains(&code) => end -= 3,
                _ => break,
            }
        }
        if end == start {
            end = (start + max).min(bytes.len());
        }
        pieces.push(text[start..end].to_string());
        start = end;
    }
    pieces
}

/// mime-funcs `encodeWord(text, encoding, 52)`: one or more RFC 2047 encoded
/// words (RFC 2047 §2: at most 75 characters each) separated by spaces.
pub fn encode_word(text: &str, encoding: char) -> String {
    encode_word_within(text, encoding, ENCODED_WORD_MAX)
}

/// mime-funcs `encodeWord(text, encoding, max_length)`; a `max_length` of 0 makes
/// one word of any length (`encodeWord(text)`, as MailMessage encodes a List-*
/// comment). Any encoding but `Q` is B.
pub fn encode_word_within(text: &str, encoding: char, max_length: usize) -> String {
    let encoding = if encoding == 'Q' { 'Q' } else { 'B' };
    let max = if max_length > 7 + CHARSET.len() { max_length - 7 - CHARSET.len() } else { max_length };
    let body = if encoding == 'Q' {
        let mut q = String::new();
        for c in qp_encode(text.as_bytes()).chars() {
            if c.is_ascii_alphanumeric() || "!*+-/=".contains(c) {
                q.push(c);
            } else if c == ' ' {
                q.push('_');
            } else {
                q.push_str(&format!("={:02X}", c as u32));
            }
        }
        if max > 0 && q.len() > max { split_q(&q, max).join(&format!("?= =?{CHARSET}?Q?")) } else { q }
    } else {
        // RFC 2047 §5 (3) / §6.3: whole characters per word; at most 30 bytes of text per word.
        let max_bytes = (max - max % 4) / 4 * 3;
        if max > 0 && base64(text.as_bytes()).len() > max_bytes {
            let mut parts = Vec::new();
            let mut part = String::new();
            for c in text.chars() {
                if part.len() + c.len_utf8() <= max_bytes || part.is_empty() {
                    part.push(c);
                } else {
                    parts.push(base64(part.as_bytes()));
                    part = c.to_string();
                }
            }
            if !part.is_empty() {
                parts.push(base64(part.as_bytes()));
            }
            parts.join(&format!("?= =?{CHARSET}?B?"))
        } else {
            base64(text.as_bytes())
        }
    };
    let close = if body.ends_with("?=") { "" } else { "?=" };
    format!("=?{CHARSET}?{encoding}?{body}{close}")
}

/// mime-node `_encodeWords`: the whole value as encoded words when any word holds
/// a double quote or a character outside ASCII, else the value unchanged.
pub fn encode_words(value: &str, encoding: TextEncoding) -> String {
    if value.chars().any(|c| c == '"' || c >= '\u{80}') {
        encode_word(value, encoding.of(value))
    } else {
        value.to_string()
    }
}

/// The first `n` UTF-16 code units of `text` (whole characters), as a byte index.
fn byte_index_of_units(text: &str, n: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units + c.len_utf16() > n {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// mime-funcs `foldLines(line, 76)`: a header line folded before the last white
/// space that keeps each line within 76 characters; a word longer than that
/// stays whole (the line then runs to the next white space).
pub fn fold_lines(line: &str, length: usize) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / length * 3);
    let mut rest = line;
    while !rest.is_empty() {
        let cut = byte_index_of_units(rest, length);
        let mut piece = &rest[..cut];
        if js_len(piece) < length {
            out.push_str(piece);
            break;
        }
        if let Some(end) = piece.find(['\r', '\n']) {
            // A line break inside: keep up to and including it.
            let end = if piece[end..].starts_with("\r\n") { end + 2 } else { end + 1 };
            out.push_str(&piece[..end]);
            rest = &rest[end..];
            continue;
        }
        // `/(\s+)[^\s]*$/`: fold before the last run of white space, unless it starts the piece.
        let last_word_start = piece.char_indices().rev().find(|&(_, c)| is_js_space(c)).map(|(i, c)| i + c.len_utf8());
        let run_start = last_word_start.map(|word| {
            piece[..word].char_indices().rev().take_while(|&(_, c)| is_js_space(c)).last().map_or(word, |(i, _)| i)
        });
        match run_start {
            Some(start) if start > 0 => piece = &piece[..start],
            _ => {
                // No place to fold: the line runs on to the end of the word.
                let after = &rest[piece.len()..];
                let word = after.char_indices().find(|&(_, c)| is_js_space(c)).map_or(after.len(), |(i, _)| i);
                piece = &rest[..piece.len() + word];
            }
        }
        out.push_str(piece);
        rest = &rest[piece.len()..];
        if !rest.is_empty() {
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_address_list_is_folded_at_76_characters() {
        let line = format!("To: {}", (0..12).map(|i| format!("user{i}@example.com")).collect::<Vec<_>>().join(", "));
        let folded = fold_lines(&line, HEADER_LINE);
        assert!(folded.split("\r\n").all(|l| l.len() <= 76), "{folded}");
        assert_eq!(folded.replace("\r\n", ""), line, "folding only inserts CRLF before white space");
        assert!(folded.split("\r\n").skip(1).all(|l| l.starts_with(' ')));
    }

    #[test]
    fn a_word_longer_than_a_line_stays_whole() {
        let line = format!("List-Unsubscribe: <https://example.com/{}>", "u".repeat(100));
        assert_eq!(fold_lines(&line, HEADER_LINE), format!("List-Unsubscribe:\r\n <https://example.com/{}>", "u".repeat(100)));
    }

    #[test]
    fn encoded_words_are_q_for_latin_text_and_b_otherwise() {
        assert_eq!(encode_words("Héllo there", TextEncoding::default()), "=?UTF-8?Q?H=C3=A9llo_there?=");
        assert_eq!(encode_words("Привет", TextEncoding::default()), "=?UTF-8?B?0J/RgNC40LLQtdGC?=");
        assert_eq!(encode_words("plain ascii", TextEncoding::default()), "plain ascii");
    }

    #[test]
    fn long_encoded_words_are_split_into_words_of_at_most_52_characters() {
        let words = encode_words(&"é".repeat(40), TextEncoding::default());
        assert!(words.split(' ').all(|w| w.len() <= 52), "{words}");
    }
}
