//! What the charsets a message declares label, read once while the message is
//! analysed for the rules that judge a declaration (`headers/charset`,
//! `headers/encoded-word`), as a few facts and never as the bytes themselves:
//! a text part whose declared charset is in doubt has what its body is as sent
//! (`Part::sent_bytes`), and each header field that holds `=?` is recorded with
//! what its encoded words (RFC 2047 §2) carry taken together (`EncodedWordField`).
//! A field's words are decoded one at a time and dropped: a subject of a million
//! short words costs no memory for them.

use crate::grammar::charset::{is_known_charset, needs_its_charset, single_byte};
use crate::grammar::encoded_word::{has_encoded_word_start, words};
use std::ops::Range;

/// What bytes labelled with a charset are, read as UTF-8: what a declaration
/// is judged by (a single-byte charset over UTF-8 text, a charset readers do not
/// know over text that needs it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextBytes {
    /// US-ASCII without the escapes of a 7-bit encoding: the same text in any charset.
    Ascii,
    /// US-ASCII with the escapes or shifts of a 7-bit encoding (ISO 2022's ESC,
    /// SO and SI, HZ's `~{`: `grammar::charset::needs_its_charset`): text only
    /// its own charset reads.
    Shifted,
    /// UTF-8 with at least one character past ASCII.
    Utf8,
    /// Bytes past ASCII that are not UTF-8.
    Other,
}

impl TextBytes {
    pub fn of(bytes: &[u8]) -> TextBytes {
        // `is_ascii` reads a word at a time: most texts are ASCII.
        if bytes.is_ascii() {
            if needs_its_charset(bytes) { TextBytes::Shifted } else { TextBytes::Ascii }
        } else if std::str::from_utf8(bytes).is_ok() {
            TextBytes::Utf8
        } else {
            TextBytes::Other
        }
    }

    /// Whether text of these bytes reads other than as written in a charset the
    /// reader does not know (`grammar::charset::needs_its_charset`).
    pub fn needs_its_charset(self) -> bool {
        self != TextBytes::Ascii
    }
}

/// A text part whose declared charset is in doubt: whether readers know that
/// charset, and what its body is as sent, before the charset is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentBytes {
    /// Its charset is one readers decode (`grammar::charset::is_known_charset`);
    /// when it is, it is a single-byte one over text past ASCII (`sent_bytes`).
    pub known_charset: bool,
    pub bytes: TextBytes,
}

/// What the body of a text part is as sent (its bytes as written, undone from
/// base64 or quoted-printable as `recover::binary_body` decodes them), for a
/// part whose declared charset is in doubt: one readers do not know
/// (`is_known_charset`), or a single-byte one (`single_byte`) over a decoded
/// text past ASCII (`decoded_ascii` false). `None` for any other part:
/// mail-parser hands the model the text after its charset, so the bytes before
/// it are decoded again, and only where a rule doubts the charset (a
/// single-byte charset decodes ASCII bytes to the same ASCII text).
pub fn sent_bytes(
    raw: &[u8],
    content_type: &str,
    charset: Option<&str>,
    transfer_encoding: Option<&str>,
    body_range: Option<&Range<usize>>,
    decoded_ascii: impl FnOnce() -> bool,
) -> Option<SentBytes> {
    let charset = charset.filter(|_| content_type.starts_with("text/"))?;
    let written = raw.get(body_range?.clone())?;
    let known_charset = is_known_charset(charset);
    if known_charset && !(single_byte(charset) && !decoded_ascii()) {
        return None;
    }
    let bytes = match transfer_encoding {
        encoding @ (Some("base64") | Some("quoted-printable")) => TextBytes::of(&super::recover::binary_body(written, encoding)),
        _ => TextBytes::of(written),
    };
    Some(SentBytes { known_charset, bytes })
}

/// A header field that holds `=?`, where an encoded word starts (RFC 2047 §2),
/// in any header block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedWordField {
    /// Index in `Message::parts` of the part whose header block holds the field (0: the message's header).
    pub part: usize,
    /// Index of the field in that block's `fields`.
    pub field: usize,
    /// Its encoded words that declare a single-byte charset carry UTF-8 (`misdeclared`).
    pub misdeclared: Option<Misdeclared>,
}

impl EncodedWordField {
    /// The record of field `field` of part `part`'s header block, whose value is
    /// `value`, when it holds `=?`.
    pub fn read(part: usize, field: usize, value: &[u8]) -> Option<EncodedWordField> {
        has_encoded_word_start(value).then(|| EncodedWordField { part, field, misdeclared: misdeclared(value) })
    }
}

/// Encoded words that declare a single-byte charset over UTF-8 text, as found
/// in a field's value (offsets in the value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misdeclared {
    /// The first such word, `=?` to `?=`.
    pub word: Range<usize>,
    /// The charset it declares, as written (UTF-8).
    pub charset: Range<usize>,
}

/// The first encoded word of `value` that declares a single-byte charset
/// (`grammar::charset::single_byte`) and decodes, when the bytes of all such
/// words, taken together, are UTF-8 with a non-ASCII character
/// (`=?iso-8859-1?Q?Zam=C3=B3wienie?=`, PHPMailer's default CharSet over UTF-8
/// text). Together: a writer that believes the text is single-byte may cut a
/// UTF-8 character between two words. Each word's bytes are checked as they are
/// decoded, with the end of a character cut at its end (at most 3 bytes) carried
/// to the next, as `std::str::from_utf8` reads the bytes joined; none is kept.
pub fn misdeclared(value: &[u8]) -> Option<Misdeclared> {
    let mut first = None;
    let mut past_ascii = false;
    let (mut carried, mut joined) = (Vec::new(), Vec::new());
    for word in words(value).filter(|w| w.closed) {
        let Some(charset) = value.get(word.charset.clone()).and_then(|c| std::str::from_utf8(c).ok()) else { continue };
        if !single_byte(charset) {
            continue;
        }
        let Some(decoded) = word.decoded(value) else { continue };
        first.get_or_insert(Misdeclared { word: word.start..word.end, charset: word.charset.clone() });
        past_ascii |= !decoded.is_ascii();
        let bytes = if carried.is_empty() {
            &decoded
        } else {
            joined.clear();
            joined.extend_from_slice(&carried);
            joined.extend_from_slice(&decoded);
            &joined
        };
        carried.clear();
        match std::str::from_utf8(bytes) {
            Ok(_) => {}
            // A character cut at the end: its first bytes wait for the next word's.
            Err(error) if error.error_len().is_none() => carried.extend_from_slice(&bytes[error.valid_up_to()..]),
            Err(_) => return None,
        }
    }
    first.filter(|_| past_ascii && carried.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `misdeclared` as it was: every word's bytes joined in one buffer, then read.
    fn joined_then_read(value: &[u8]) -> Option<(String, usize, usize)> {
        let mut bytes = Vec::new();
        let mut first = None;
        for word in words(value).filter(|w| w.closed) {
            let Some(charset) = value.get(word.charset.clone()).and_then(|c| std::str::from_utf8(c).ok()) else { continue };
            if !single_byte(charset) {
                continue;
            }
            let Some(decoded) = word.decoded(value) else { continue };
            first.get_or_insert_with(|| (charset.to_string(), word.start, word.end));
            bytes.extend_from_slice(&decoded);
        }
        first.filter(|_| !bytes.is_ascii() && std::str::from_utf8(&bytes).is_ok())
    }

    fn read(value: &[u8]) -> Option<(String, usize, usize)> {
        misdeclared(value).map(|m| (String::from_utf8_lossy(&value[m.charset]).into_owned(), m.word.start, m.word.end))
    }

    #[test]
    fn utf8_under_a_single_byte_charset_is_found_as_when_the_bytes_were_joined() {
        // Q words of up to four pieces each: whole UTF-8 characters of every
        // length, pieces of them, bytes no UTF-8 holds, ASCII; words of other charsets.
        let pieces: [&str; 17] = [
            "=C3=B3", "=E2=82=AC", "=F0=9F=98=80", "=C3", "=B3", "=A9", "=E2", "=82", "=AC", "=F0", "=9F", "=98", "=80",
            "=FF", "=C0", "a", "_",
        ];
        let charsets = ["iso-8859-1", "ISO-8859-2", "utf-8", "windows-1250"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut found = 0;
        for _ in 0..20_000 {
            let mut value = String::new();
            for _ in 0..1 + next(5) {
                let charset = charsets[next(charsets.len())];
                let text: String = (0..next(5)).map(|_| pieces[next(pieces.len())]).collect();
                let close = if next(20) == 0 { "" } else { "?=" };
                value.push_str(&format!(" =?{charset}?Q?{text}{close}"));
            }
            assert_eq!(read(value.as_bytes()), joined_then_read(value.as_bytes()), "{value}");
            found += usize::from(read(value.as_bytes()).is_some());
        }
        assert!(found > 200, "UTF-8 found in {found} values");
    }

    #[test]
    fn utf8_in_words_of_a_single_byte_charset_is_misdeclared() {
        let m = |v: &[u8]| read(v).map(|(c, s, _)| (c, s));
        assert_eq!(m(b" =?iso-8859-1?Q?Zam=C3=B3wienie?="), Some(("iso-8859-1".into(), 1)));
        // A UTF-8 character cut between two words, as a single-byte writer folds it.
        assert_eq!(m(b" =?ISO-8859-2?Q?Zam=C3?=\r\n =?ISO-8859-2?Q?=B3wienie?=").map(|f| f.1), Some(1));
        assert_eq!(m(b" =?ISO-8859-2?Q?Zam=E2=82?= =?ISO-8859-2?Q??= =?ISO-8859-2?Q?=AC?=").map(|f| f.1), Some(1));
        assert_eq!(m(b" =?ISO-8859-2?Q?Zam=C3?= =?ISO-8859-2?Q?wienie?="), None, "a cut character never completed");
        assert_eq!(m(b" =?ISO-8859-2?Q?Zam=C3=B3?= =?ISO-8859-2?Q?wienie=C3?="), None, "one cut at the end");
        assert_eq!(m(b" Re: =?windows-1250?B?WmFtw7N3aWVuaWU=?=").map(|f| f.1), Some(5));
        assert_eq!(m(b" =?iso-8859-1?Q?Caf=E9_ouvert?="), None, "Latin-1 text");
        assert_eq!(m(b" =?iso-8859-2?Q?Zam=F3wienie_wys=B3ane?="), None, "Latin-2 text");
        assert_eq!(m(b" =?iso-8859-1?Q?Hello?="), None, "ASCII");
        assert_eq!(m(b" =?utf-8?Q?Zam=C3=B3wienie?="), None, "declared UTF-8");
        assert_eq!(m(b" =?gb2312?B?1tDOxA==?="), None, "not a single-byte charset");
        assert_eq!(m(b" =?iso-8859-1?Q?Zam=C3=B3wienie"), None, "unclosed");
    }

    #[test]
    fn fields_with_encoded_word_starts_are_recorded_in_every_header_block_and_no_others() {
        let raw = b"From: =?utf-8?Q?J=C3=B6rg?= <j@example.com>\r\nTo: b@example.com\r\nSubject: what =? means\r\n\
                    MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\n\
                    Content-Type: text/plain; name=\"=?iso-8859-1?Q?Caf=C3=A9.txt?=\"\r\n\r\nHi\r\n--X--\r\n";
        let message = super::super::Message::analyse(raw, crate::report::Origin::Raw, Vec::new(), &super::super::test_limits());
        let records: Vec<(usize, &str, bool)> = message
            .encoded_word_fields()
            .iter()
            .map(|r| (r.part, message.parts[r.part].headers.fields[r.field].name.as_str(), r.misdeclared.is_some()))
            .collect();
        assert_eq!(records, vec![(0, "From", false), (0, "Subject", false), (1, "Content-Type", true)]);
    }

    fn part_bytes(content_type: &str, encoding: &str, body: &[u8]) -> Option<(bool, TextBytes)> {
        let mut raw = format!(
            "From: a@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\
             Content-Transfer-Encoding: {encoding}\r\n\r\n"
        )
        .into_bytes();
        raw.extend_from_slice(body);
        let message = super::super::Message::analyse(&raw, crate::report::Origin::Raw, Vec::new(), &super::super::test_limits());
        message.parts[0].sent_bytes.map(|sent| (sent.known_charset, sent.bytes))
    }

    #[test]
    fn bodies_under_a_doubted_charset_are_read_as_sent() {
        // "Zamówienie wysłane" in UTF-8, base64 and quoted-printable, under Latin-1.
        let latin1 = "text/plain; charset=iso-8859-1";
        let known = |bytes| Some((true, bytes));
        assert_eq!(part_bytes(latin1, "base64", b"WmFtw7N3aWVuaWUgd3lzxYJhbmU=\r\n"), known(TextBytes::Utf8));
        assert_eq!(part_bytes(latin1, "quoted-printable", b"Zam=C3=B3wienie wys=C5=82ane\r\n"), known(TextBytes::Utf8));
        // "Café ouvert" in Latin-1.
        assert_eq!(part_bytes(latin1, "quoted-printable", b"Caf=E9 ouvert\r\n"), known(TextBytes::Other));
        assert_eq!(part_bytes(latin1, "8bit", b"Caf\xe9 ouvert\r\n"), known(TextBytes::Other));
        assert_eq!(part_bytes(latin1, "7bit", b"Cafe open\r\n"), None, "ASCII under a single-byte charset: no doubt");
        assert_eq!(part_bytes("text/plain; charset=utf-8", "8bit", "Caf\u{e9}".as_bytes()), None, "a known charset");
        // Big5 "中文" under a name nobody reads; HZ text, 7-bit; ASCII under a name nobody reads.
        let unknown = |bytes| Some((false, bytes));
        assert_eq!(part_bytes("text/plain; charset=x-big5-unknown", "base64", b"pKSk5Q==\r\n"), unknown(TextBytes::Other));
        assert_eq!(part_bytes("text/plain; charset=hz-gb-2312", "7bit", b"~{<:Ky2;S{#,~}\r\n"), unknown(TextBytes::Shifted));
        assert_eq!(part_bytes("text/plain; charset=x-unknown", "7bit", b"Cafe open\r\n"), unknown(TextBytes::Ascii));
        assert_eq!(part_bytes("application/octet-stream; charset=x-unknown", "7bit", b"\xff\r\n"), None, "not text");
        assert!(!TextBytes::Ascii.needs_its_charset() && TextBytes::Shifted.needs_its_charset());
    }

    #[test]
    fn bytes_are_read_as_utf8_or_not() {
        assert_eq!(TextBytes::of(b""), TextBytes::Ascii);
        assert_eq!(TextBytes::of(b"\x1b$B$3$s\x1b(B"), TextBytes::Shifted, "ISO-2022-JP");
        assert_eq!(TextBytes::of("\u{17c}\u{f3}\u{142}w".as_bytes()), TextBytes::Utf8);
        assert_eq!(TextBytes::of(b"\xbf\xf3\xb3w"), TextBytes::Other, "ISO-8859-2");
        assert_eq!(TextBytes::of(b"\xed\xa0\x80"), TextBytes::Other, "a surrogate");
    }
}
