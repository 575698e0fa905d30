//! RFC 2047 encoded words: `=?charset?B|Q?encoded-text?=`.

use super::charset::is_known_charset;
use super::{Level, Problem};
use std::ops::Range;

/// RFC 2047 §2: "An 'encoded-word' may not be more than 75 characters long".
pub const MAX_ENCODED_WORD_CHARS: usize = 75;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodedWordProblem {
    /// `=?charset?X?…` with no closing `?=` before white space.
    Unterminated,
    /// A charset readers do not know.
    UnknownCharset,
    /// An encoding other than B or Q.
    UnknownEncoding,
    /// B encoding that is not valid base64 (RFC 2047 §4.1).
    BadBase64,
    /// Q encoding with a bad `=XX` escape or a forbidden character (§4.2).
    BadQ,
    /// Longer than 75 characters (§2).
    TooLong,
    /// The decoded bytes are not whole characters of the charset: a character
    /// split across adjacent words, or bytes the charset does not have (§5: "Each
    /// 'encoded-word' MUST represent an integral number of characters"). Checked
    /// for UTF-8 and US-ASCII, the charsets whose validity needs no table.
    BrokenCharacters,
    /// Run into the text before it (`Re:=?…?=`): §5 (1) wants white space
    /// around an encoded word; lenient readers decode it anyway.
    NotSeparated,
    /// Inside an addr-spec, which §5 (3) forbids: the address is taken literally.
    InAddrSpec,
    /// Inside a quoted string, which §5 (3) forbids; the parsers we measured
    /// (Python's `email`, rspamd, mail-parser) decode it anyway.
    InQuotedString,
}

impl EncodedWordProblem {
    pub fn level(self) -> Level {
        match self {
            // Readers cope with both: they are reported, as information.
            EncodedWordProblem::TooLong
            | EncodedWordProblem::InQuotedString
            | EncodedWordProblem::NotSeparated
            | EncodedWordProblem::InAddrSpec => Level::Obsolete,
            _ => Level::Invalid,
        }
    }
}

fn is_word_end(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// One encoded word as written in a value (offsets in the value):
/// `=?charset?X?text?=` (RFC 2047 §2), or, without its closing `?=`, up to the
/// white space that ends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub charset: Range<usize>,
    /// `B`, `Q` or whatever stands there.
    pub encoding: u8,
    pub text: Range<usize>,
    /// Past the closing `?=`, or where the unclosed word stops.
    pub end: usize,
    pub closed: bool,
}

impl Word {
    /// The bytes the word stands for: B or Q decoded (Q leniently, as readers
    /// show a display name), `None` for another encoding or text that does not decode.
    pub fn decoded(&self, v: &[u8]) -> Option<Vec<u8>> {
        let text = v.get(self.text.clone())?;
        match self.encoding {
            b'B' | b'b' => decode_b(text),
            b'Q' | b'q' => decode_q(text),
            _ => None,
        }
    }
}

/// Whether `value` holds `=?`, an encoded word's start (RFC 2047 §2): a `?`
/// found by memchr, then the byte before it (#14: every field of every header
/// block is asked, and `?` is rarer than `=`).
pub fn has_encoded_word_start(value: &[u8]) -> bool {
    let mut from = 1;
    while let Some(at) = value.get(from..).and_then(|rest| memchr::memchr(b'?', rest)) {
        if value[from + at - 1] == b'=' {
            return true;
        }
        from += at + 1;
    }
    false
}

/// The encoded words of `v`, in order: every `=?charset?X?` that opens one
/// ("=?" alone, or without a charset and an encoding letter, is text).
pub fn words(v: &[u8]) -> impl Iterator<Item = Word> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + 1 < v.len() {
            let start = i;
            if !(v[start] == b'=' && v[start + 1] == b'?') {
                i += 1;
                continue;
            }
            // charset: up to the next '?', token characters only.
            let Some(q1) = v[start + 2..].iter().position(|&b| b == b'?' || is_word_end(b)).map(|p| start + 2 + p)
            else {
                i = v.len();
                return None;
            };
            // "=?charset?X?": anything else is not meant as an encoded word.
            if v[q1] != b'?'
                || q1 == start + 2
                || v.get(q1 + 2) != Some(&b'?')
                || v.get(q1 + 1).is_none_or(|b| is_word_end(*b))
            {
                i = start + 2;
                continue;
            }
            let text_start = q1 + 3;
            let mut j = text_start;
            while j < v.len() && !is_word_end(v[j]) {
                if v[j] == b'?' && v.get(j + 1) == Some(&b'=') {
                    i = j + 2;
                    let (charset, text) = (start + 2..q1, text_start..j);
                    return Some(Word { start, charset, encoding: v[q1 + 1], text, end: j + 2, closed: true });
                }
                j += 1;
            }
            i = j;
            let (charset, text) = (start + 2..q1, text_start..j);
            return Some(Word { start, charset, encoding: v[q1 + 1], text, end: j, closed: false });
        }
        None
    })
}

/// An unstructured field's value (RFC 5322 §3.2.5: a Subject) as a reader
/// shows it: unfolded (RFC 5322 §2.2.3), each closed encoded word decoded in
/// its charset (`charset::decode_in`, the code pages of
/// `charset::CODE_PAGE_ALIASES` included), the white space between two adjacent
/// ones dropped (RFC 2047 §6.2), and trimmed. The bytes of adjacent words in
/// one charset are decoded together, so a character split across two (which §5
/// forbids) is still read whole. A word that does not decode, or whose charset
/// has no decoder, stays as written. Linear in the value.
pub fn decode_unstructured(value: &[u8]) -> String {
    let unfolded: Vec<u8> = value.iter().copied().filter(|&b| b != b'\r' && b != b'\n').collect();
    let v = unfolded.as_slice();
    let mut out = String::with_capacity(v.len());
    // The charset and bytes of the encoded words read last, not yet decoded.
    let mut pending: Option<(String, Vec<u8>)> = None;
    let flush = |out: &mut String, pending: &mut Option<(String, Vec<u8>)>| {
        if let Some((charset, bytes)) = pending.take() {
            out.push_str(&super::charset::decode_in(&charset, &bytes).unwrap_or_default());
        }
    };
    let mut at = 0;
    for word in words(v).filter(|w| w.closed) {
        let charset = String::from_utf8_lossy(&v[word.charset.clone()]).split('*').next().unwrap_or_default().to_ascii_lowercase();
        let Some(bytes) = word.decoded(v).filter(|_| super::charset::decode_in(&charset, b"").is_some()) else { continue };
        // White space alone after a decoded word: between two encoded words.
        let between_words = at > 0 && v[at..word.start].iter().all(|b| matches!(b, b' ' | b'\t'));
        match &mut pending {
            Some((open, read)) if between_words && *open == charset => read.extend(bytes),
            _ => {
                flush(&mut out, &mut pending);
                if !between_words {
                    out.push_str(&String::from_utf8_lossy(&v[at..word.start]));
                }
                pending = Some((charset, bytes));
            }
        }
        at = word.end;
    }
    flush(&mut out, &mut pending);
    out.push_str(&String::from_utf8_lossy(&v[at..]));
    out.trim().to_string()
}

/// Checks every encoded word of `v` (unstructured text, a phrase word, or a comment).
pub fn check_encoded_words(v: &[u8]) -> Vec<Problem<EncodedWordProblem>> {
    let mut problems = Vec::new();
    for word in words(v) {
        let (start, word_end) = (word.start, word.end);
        if !word.closed {
            problems.push(Problem::new(EncodedWordProblem::Unterminated, start, word_end));
            continue;
        }
        if start > 0 && !is_word_end(v[start - 1]) {
            problems.push(Problem::new(EncodedWordProblem::NotSeparated, start, word_end));
        }
        let charset = String::from_utf8_lossy(&v[word.charset.clone()]);
        let charset = charset.split('*').next().unwrap_or_default();
        if !is_known_charset(charset) {
            problems.push(Problem::new(EncodedWordProblem::UnknownCharset, start, word_end));
        }
        let text = &v[word.text.clone()];
        let decoded = match word.encoding {
            b'B' | b'b' => {
                let decoded = decode_b(text);
                if decoded.is_none() {
                    problems.push(Problem::new(EncodedWordProblem::BadBase64, start, word_end));
                }
                decoded
            }
            b'Q' | b'q' if is_valid_q(text) => decode_q(text),
            b'Q' | b'q' => {
                problems.push(Problem::new(EncodedWordProblem::BadQ, start, word_end));
                None
            }
            _ => {
                problems.push(Problem::new(EncodedWordProblem::UnknownEncoding, start, word_end));
                None
            }
        };
        if decoded.is_some_and(|bytes| !are_whole_characters(charset, &bytes)) {
            problems.push(Problem::new(EncodedWordProblem::BrokenCharacters, start, word_end));
        }
        if word_end - start > MAX_ENCODED_WORD_CHARS {
            problems.push(Problem::new(EncodedWordProblem::TooLong, start, word_end));
        }
    }
    problems
}

/// Whether `bytes` are whole, valid characters of `charset`: known for UTF-8 and
/// US-ASCII; any other charset is given the benefit of the doubt.
fn are_whole_characters(charset: &str, bytes: &[u8]) -> bool {
    match charset.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => std::str::from_utf8(bytes).is_ok(),
        "us-ascii" | "ascii" => bytes.is_ascii(),
        _ => true,
    }
}

/// The bytes of a B-encoded text (RFC 2047 §4.1), `None` unless it is the
/// padded base64 the section requires (`is_valid_base64`).
pub fn decode_b(text: &[u8]) -> Option<Vec<u8>> {
    is_valid_base64(text).then(|| crate::base64::decode(text, usize::MAX))
}

/// The bytes of a Q-encoded text (RFC 2047 §4.2: `_` is a space, `=XX` a
/// byte). Lenient as readers are (a display name is decoded as it is shown):
/// any other byte is itself, a `=` without two characters after it too; `None`
/// when the two characters after a `=` are not hex digits.
pub fn decode_q(text: &[u8]) -> Option<Vec<u8>> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if let (b'=', Some(&[high, low])) = (text[i], text.get(i + 1..i + 3)) {
            out.push(hex(high)? << 4 | hex(low)?);
            i += 3;
        } else {
            out.push(if text[i] == b'_' { b' ' } else { text[i] });
            i += 1;
        }
    }
    Some(out)
}

/// Whether `text` contains something shaped like an encoded word (for quoted strings).
pub fn contains_encoded_word(text: &[u8]) -> Option<usize> {
    // Only the first `=?` matters: any later one sees a suffix of the same rest.
    let at = text.windows(2).position(|w| w == b"=?")?;
    let rest = &text[at + 2..];
    let closes = rest.windows(2).any(|w| w == b"?=");
    let marks = rest.iter().filter(|&&b| b == b'?').count();
    (closes && marks >= 3).then_some(at)
}

/// RFC 4648 base64 with padding, as RFC 2047 §4.1 requires.
pub fn is_valid_base64(text: &[u8]) -> bool {
    if text.len() % 4 != 0 {
        return false;
    }
    let padding = text.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 {
        return false;
    }
    text[..text.len() - padding].iter().all(|&b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// RFC 2047 §4.2 Q encoding: printable ASCII except `?`, `=`, space; `=XX` escapes.
fn is_valid_q(text: &[u8]) -> bool {
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'=' => {
                let ok = text.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
                if !ok {
                    return false;
                }
                i += 3;
            }
            b'?' | b' ' => return false,
            // Raw 8-bit bytes are reported by `headers/raw-8bit`, not twice.
            b if (33..127).contains(&b) || b >= 0x80 => i += 1,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(v: &str) -> Vec<EncodedWordProblem> {
        check_encoded_words(v.as_bytes()).iter().map(|p| p.kind).collect()
    }

    #[test]
    fn encoded_words_are_checked() {
        assert!(kinds(" =?utf-8?B?SGVsbG8=?= =?ISO-8859-1?Q?caf=E9?=").is_empty());
        assert_eq!(kinds(" =?utf-8?B?SGVsbG8?="), vec![EncodedWordProblem::BadBase64]);
        assert_eq!(kinds(" =?utf-8?Q?caf=G9?="), vec![EncodedWordProblem::BadQ]);
        assert_eq!(kinds(" =?klingon?Q?a?="), vec![EncodedWordProblem::UnknownCharset]);
        assert_eq!(kinds(" =?utf-8?X?a?="), vec![EncodedWordProblem::UnknownEncoding]);
        assert_eq!(kinds(" =?utf-8?Q?caf=E9 rest"), vec![EncodedWordProblem::Unterminated]);
        assert!(kinds(" what =? is this").is_empty());
    }

    #[test]
    fn a_word_run_into_the_text_before_it_is_noted() {
        assert_eq!(kinds(" Re:=?utf-8?Q?caf=C3=A9?="), vec![EncodedWordProblem::NotSeparated]);
        assert!(kinds(" Re: =?utf-8?Q?caf=C3=A9?=").is_empty());
    }

    #[test]
    fn words_must_hold_whole_characters_of_their_charset() {
        // RFC 2047 §5: "â" (C3 A2) split across two words, each half invalid alone.
        assert_eq!(
            kinds(" =?utf-8?Q?G=C3?= =?utf-8?Q?=A2teau?="),
            vec![EncodedWordProblem::BrokenCharacters, EncodedWordProblem::BrokenCharacters]
        );
        assert_eq!(kinds(" =?utf-8?Q?G=E2teau?="), vec![EncodedWordProblem::BrokenCharacters]);
        assert_eq!(kinds(" =?UTF-8?B?R8Oi?="), Vec::<EncodedWordProblem>::new());
        assert_eq!(kinds(" =?UTF-8?B?R8M=?="), vec![EncodedWordProblem::BrokenCharacters]);
        assert_eq!(kinds(" =?us-ascii?Q?caf=E9?="), vec![EncodedWordProblem::BrokenCharacters]);
        // Latin-1 has a character for every byte.
        assert!(kinds(" =?ISO-8859-1?Q?G=E2teau?=").is_empty());
    }

    #[test]
    fn b_and_q_texts_decode_to_their_bytes() {
        assert_eq!(decode_b(b"Q2Fmw6k=").unwrap(), "Café".as_bytes());
        assert_eq!(decode_b(b"SGk=").unwrap(), b"Hi");
        assert_eq!(decode_b(b"SGVsbG8h").unwrap(), b"Hello!");
        assert_eq!(decode_b(b"SGk"), None, "unpadded");
        assert_eq!(decode_b(b"S Gk="), None, "a space");
        assert_eq!(decode_q(b"caf=C3=A9_ouvert").unwrap(), "café ouvert".as_bytes());
        assert_eq!(decode_q(b"a?b=").unwrap(), b"a?b=", "lenient: a reader shows them");
        assert_eq!(decode_q(b"=ZZ"), None);
    }

    #[test]
    fn an_encoded_word_start_is_found_as_by_a_window_search() {
        let pieces: [&[u8]; 8] = [b"=", b"?", b"=?", b"?=", b"a", b"==", b"??", b"\xc3\xa9"];
        let mut seed = 5u64;
        for _ in 0..5_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let mut state = seed;
            let value: Vec<u8> = (0..(seed >> 33) as usize % 12)
                .flat_map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    pieces[(state >> 33) as usize % pieces.len()].iter().copied()
                })
                .collect();
            assert_eq!(has_encoded_word_start(&value), value.windows(2).any(|w| w == b"=?"), "{value:?}");
        }
    }

    #[test]
    fn an_unstructured_value_is_decoded_in_the_windows_code_pages() {
        // Subjects as Outlook writes them in Traditional Chinese, Japanese, Korean and Thai.
        let cases = [
            ("=?cp950?B?t3zEs7Nxqr6hR7LEpFSpdbP4p2k=?=", "會議通知：第三季報告"),
            ("=?cp932?B?ie+LY4LMgqiSbYLngrk=?=", "会議のお知らせ"),
            ("=?CP949?B?yLjAxyC+yLO7?=", "회의 안내"),
            ("=?windows-874?B?u8PQqtjBu8PQqNPgtNfNuQ==?=", "ประชุมประจำเดือน"),
            ("=?cp874?B?u8PQqtjBu8PQqNPgtNfNuQ==?=", "ประชุมประจำเดือน"),
            ("=?ms950?Q?=AD=AD=AE=C9=C0u=B4f?=", "限時優惠"),
        ];
        for (value, text) in cases {
            assert_eq!(decode_unstructured(value.as_bytes()), text, "{value}");
        }
        // Text around the words stays, folds unfolded; the space between two words
        // goes (RFC 2047 §6.2), and a character split across two is read whole.
        assert_eq!(decode_unstructured(b" Re: =?cp950?B?t3zE?=\r\n =?cp950?B?s7Nxqr4=?= (2)"), "Re: 會議通知 (2)");
        assert_eq!(decode_unstructured(b"=?cp950?B?t3zEs7Nxqr4=?= =?utf-8?Q?caf=C3=A9?="), "會議通知café");
        // A word in a charset no decoder knows, or that does not decode, stays as written.
        assert_eq!(decode_unstructured(b"=?x-unknown?B?QUJD?= =?cp950?B?t3zE?="), "=?x-unknown?B?QUJD?= \u{6703}\u{fffd}");
        assert_eq!(decode_unstructured(b"=?cp950?B?not base64?= ok"), "=?cp950?B?not base64?= ok");
        assert_eq!(decode_unstructured(b"=?cp950?B?t3z?= ok"), "=?cp950?B?t3z?= ok");
        // A field of 200,000 adjacent words, of one charset or alternating: read in one pass.
        let one = "=?cp950?B?t3zE?= =?cp950?B?s7Nxqr4=?= ".repeat(100_000);
        assert_eq!(decode_unstructured(one.as_bytes()), "會議通知".repeat(100_000));
        let mixed = "=?cp950?B?t3zEs7Nxqr4=?= =?cp932?B?ie+LYw==?= ".repeat(100_000);
        assert_eq!(decode_unstructured(mixed.as_bytes()).chars().count(), 6 * 100_000);
    }
}
