//! A strict grammar over raw header bytes: RFC 5322 §3.2–3.6 (with the
//! obsolete forms of §4 recognised and reported as such), RFC 5321 §4.5.3.1
//! length limits, RFC 6531/6532 UTF-8, RFC 2047 encoded words, RFC 2045/2231
//! MIME parameters.
//!
//! Every function is pure: it takes the raw value of one field (the bytes after
//! the colon, folds included) and returns structured problems whose offsets are
//! relative to that value. A rule turns them into byte ranges of `message.raw`
//! with `field.colon + 1 + offset`. mail-parser stays the tolerant reader for
//! structure and decoding; this module is the strict one.
//!
//! No function recurses on input: comments nest (RFC 5322 §3.2.2), and their
//! depth is a counter.

pub mod address;
pub mod charset;
pub mod date;
pub mod encoded_word;
pub mod lexer;
pub mod mime;
pub mod msg_id;

/// One problem found in a value: what, and where (offsets relative to the value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem<K> {
    pub kind: K,
    pub start: usize,
    pub end: usize,
}

impl<K> Problem<K> {
    pub fn new(kind: K, start: usize, end: usize) -> Problem<K> {
        Problem { kind, start, end: end.max(start) }
    }
}

/// How serious a grammar problem is: obsolete syntax (RFC 5322 §4) must still be
/// read but must not be generated; invalid syntax is not allowed at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Obsolete,
    Invalid,
}

/// RFC 5322 §3.2.3 atext, plus UTF-8 (RFC 6532 §3.2 adds utf8-non-ascii).
#[inline]
pub fn is_atext(b: u8) -> bool {
    // A table, not a search of the list nor a pattern: the lexer asks this of
    // every byte of every header (the search was a third of the lexing of the
    // headers; the pattern, ten instructions a byte, still 7 M of a corpus pass).
    ATEXT[usize::from(b)]
}

/// `is_atext` of each byte, computed when the crate is compiled.
const ATEXT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric()
            || matches!(byte, b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'/' | b'=' | b'?' | b'^' | b'_' | b'`' | b'{' | b'|' | b'}' | b'~')
            || byte >= 0x80;
        b += 1;
    }
    table
};

/// RFC 5322 §4.1 obs-NO-WS-CTL: control characters other than CR, LF and white space.
pub fn is_obs_no_ws_ctl(b: u8) -> bool {
    matches!(b, 1..=8 | 11 | 12 | 14..=31 | 127)
}

/// RFC 2045 §5.1 token character: printable ASCII except space and tspecials.
pub fn is_mime_token(b: u8) -> bool {
    (33..127).contains(&b)
        && !matches!(b, b'(' | b')' | b'<' | b'>' | b'@' | b',' | b';' | b':' | b'\\' | b'"' | b'/' | b'[' | b']' | b'?' | b'=')
}

/// Length of the UTF-8 sequence at `bytes[i]`, or None when it is not valid
/// UTF-8 (RFC 6532 §3.1: only well-formed UTF-8 is allowed in headers).
pub fn utf8_len_at(bytes: &[u8], i: usize) -> Option<usize> {
    let first = *bytes.get(i)?;
    let len = match first {
        0x00..=0x7f => return Some(1),
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let slice = bytes.get(i..i + len)?;
    std::str::from_utf8(slice).ok().map(|_| len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_classes_are_the_rfc_lists() {
        for b in 0..=255u8 {
            let atext = b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b) || b >= 0x80;
            assert_eq!(is_atext(b), atext, "atext {b}");
            let token = (33..127).contains(&b) && !b"()<>@,;:\\\"/[]?=".contains(&b);
            assert_eq!(is_mime_token(b), token, "token {b}");
        }
    }
}
