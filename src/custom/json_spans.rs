//! Where the values of a JSON text are, so the rules editor can point at the
//! character of a pattern that is wrong: byte spans of every value by path
//! (`customRules/2/pattern`), and the offset in the text of a character of a
//! string value (escapes counted as written). The text was already parsed by
//! `serde_json`; this reads it again only for positions, within `MAX_DEPTH`.

use std::collections::HashMap;

/// Deepest nesting read (rules are 3 levels deep).
const MAX_DEPTH: usize = 8;

/// Byte spans of values, by path (`a/0/b`; the top value is ``).
pub fn spans(text: &str) -> HashMap<String, (usize, usize)> {
    let mut out = HashMap::new();
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    reader.value(String::new(), 0, &mut out);
    out
}

struct Reader<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn value(&mut self, path: String, depth: usize, out: &mut HashMap<String, (usize, usize)>) {
        self.skip_space();
        let start = self.at;
        match self.bytes.get(self.at) {
            Some(b'{') if depth < MAX_DEPTH => {
                self.at += 1;
                loop {
                    self.skip_space();
                    match self.bytes.get(self.at) {
                        Some(b'}') => {
                            self.at += 1;
                            break;
                        }
                        Some(b',') => self.at += 1,
                        Some(b'"') => {
                            let key_start = self.at;
                            self.string();
                            let key =
                                serde_json::from_slice::<String>(&self.bytes[key_start..self.at]).unwrap_or_default();
                            self.skip_space();
                            if self.bytes.get(self.at) == Some(&b':') {
                                self.at += 1;
                            }
                            let child = if path.is_empty() { key } else { format!("{path}/{key}") };
                            self.value(child, depth + 1, out);
                        }
                        _ => return,
                    }
                }
            }
            Some(b'[') if depth < MAX_DEPTH => {
                self.at += 1;
                let mut index = 0;
                loop {
                    self.skip_space();
                    match self.bytes.get(self.at) {
                        Some(b']') => {
                            self.at += 1;
                            break;
                        }
                        Some(b',') => self.at += 1,
                        Some(_) => {
                            let child = if path.is_empty() { index.to_string() } else { format!("{path}/{index}") };
                            let before = self.at;
                            self.value(child, depth + 1, out);
                            if self.at == before {
                                return;
                            }
                            index += 1;
                        }
                        None => return,
                    }
                }
            }
            Some(b'"') => self.string(),
            Some(_) => {
                while self.at < self.bytes.len() && !matches!(self.bytes[self.at], b',' | b'}' | b']') {
                    self.at += 1;
                }
            }
            None => return,
        }
        out.insert(path, (start, self.at));
    }

    /// A string literal starting at `self.at` (on its quote).
    fn string(&mut self) {
        self.at += 1;
        while self.at < self.bytes.len() {
            match self.bytes[self.at] {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return;
                }
                _ => self.at += 1,
            }
        }
        self.at = self.at.min(self.bytes.len());
    }
}

/// The byte offset in `text` of character `column` (1-based) of the string
/// literal spanning `span`.
pub fn offset_in_string(text: &str, span: (usize, usize), column: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = span.0 + 1;
    let mut seen = 1;
    while at < span.1.saturating_sub(1) && seen < column {
        at += match bytes[at] {
            // `\uXXXX` is one character; a surrogate pair `\uXXXX\uXXXX` is one too.
            b'\\' if bytes.get(at + 1) == Some(&b'u') => {
                let pair = bytes.get(at + 6..at + 8) == Some(b"\\u") && matches!(bytes.get(at + 2), Some(b'd' | b'D'));
                if pair {
                    12
                } else {
                    6
                }
            }
            b'\\' => 2,
            b => utf8_width(b),
        };
        seen += 1;
    }
    at.min(text.len())
}

fn utf8_width(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Bytes a block of `Positions`' character counts spans.
const BLOCK_BYTES: usize = 4096;

/// 1-based lines and columns (in characters) of the byte offsets of one text,
/// each in logarithmic time and a block's reading. Each problem's place had
/// been counted from the start of the text: a rules JSON of one line (as
/// `JSON.stringify` writes it) with 4,000 problems in 7.9 MB took 17.5 s.
pub struct Positions<'t> {
    text: &'t str,
    /// 0, then one past each LF.
    line_starts: Vec<usize>,
    /// Characters before each block of `BLOCK_BYTES`, then in the whole text.
    chars_before_block: Vec<usize>,
}

impl<'t> Positions<'t> {
    pub fn new(text: &'t str) -> Positions<'t> {
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|at| at + 1)).collect();
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK_BYTES + 2);
        let mut count = 0;
        for block in bytes.chunks(BLOCK_BYTES) {
            chars_before_block.push(count);
            count += chars_in(block);
        }
        chars_before_block.push(count);
        Positions { text, line_starts, chars_before_block }
    }

    /// Characters before byte `at`, a character boundary.
    fn chars_before(&self, at: usize) -> usize {
        let block = at / BLOCK_BYTES;
        let counted = self.chars_before_block.get(block).copied().unwrap_or_default();
        counted + chars_in(&self.text.as_bytes()[block * BLOCK_BYTES..at])
    }

    /// 1-based line and column (in characters) of byte `offset`; an offset
    /// inside a character is that character's.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let end = self.text.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&start| start <= end);
        let line_start = self.line_starts.get(line.wrapping_sub(1)).copied().unwrap_or_default();
        (line, self.chars_before(end) - self.chars_before(line_start) + 1)
    }
}

/// Characters that start in `bytes` of UTF-8: the bytes other than continuation bytes.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_by_path() {
        let text = r#"{"customRules": [ {"id": "a/b", "pattern": "x\\d("} ]}"#;
        let spans = spans(text);
        let (start, end) = spans["customRules/0/pattern"];
        assert_eq!(&text[start..end], r#""x\\d(""#);
        // Character 4 of the pattern `x\d(` is `(`, written after an escaped backslash.
        assert_eq!(&text[offset_in_string(text, (start, end), 4)..][..1], "(");
    }

    /// The reading `Positions` replaced: the text before the offset, counted.
    fn line_column_from_the_start(text: &str, offset: usize) -> (usize, usize) {
        let end = text.floor_char_boundary(offset.min(text.len()));
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    #[test]
    fn lines_and_columns_count_characters() {
        assert_eq!(Positions::new("ab\ncé d").line_column(7), (2, 4));
        // Texts across blocks, of one line and of many, every offset among them.
        let lines = ["a", "é", "\n", "😀", "\r\n", "\"x\": "];
        let one_line = ["a", "é", "😀", "\"x\": "];
        for pieces in [&lines[..], &one_line[..]] {
            crate::text::generated_texts(pieces, 30, 12_000, |text| {
                let positions = Positions::new(text);
                for offset in (0..=text.len() + 2).step_by(1 + text.len() % 37) {
                    assert_eq!(positions.line_column(offset), line_column_from_the_start(text, offset), "{offset} of {}", text.len());
                }
                assert_eq!(positions.line_column(text.len()), line_column_from_the_start(text, text.len()));
            });
        }
    }
}
