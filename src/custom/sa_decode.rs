//! A header value as SpamAssassin decodes it for its `header` and `body`
//! rules (`Message::Node::header`, `_decode_header`, 4.0.1): folds joined by
//! a space and the ends trimmed; text that is not UTF-8 read as Windows-1252;
//! then RFC 2047 encoded words decoded wherever they stand — in quotes, in an
//! address, against a parenthesis — since SpamAssassin finds them with a
//! pattern over the text, not by the field's grammar. White space between two
//! encoded words is dropped (RFC 2047 §6.2); between an encoded word and text
//! it is kept, and none is added. Adjacent words of one charset are joined
//! before their charset is decoded (Bug 7249: a character split across two
//! words). Linear: each `=?` is tried once, up to the next `?` after its
//! encoding letter.

use mail_parser::decoders::charsets::map::charset_decoder;
use std::ops::Range;

/// Fields whose encoded words SpamAssassin leaves as written (Bug 6945, Bug 7249):
/// `Received`, `[Resent-]Message-ID`, `[Resent-]Date`, `MIME-Version`,
/// `References`, `In-Reply-To`, `List-*`.
fn keeps_encoded_words(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let bare = lower.strip_prefix("resent-").unwrap_or(&lower);
    matches!(lower.as_str(), "received" | "mime-version" | "references" | "in-reply-to")
        || matches!(bare, "message-id" | "date")
        || lower.starts_with("list-")
}

/// The decoded value of field `name` written as `written` (from after the colon,
/// line breaks as SpamAssassin keeps them: LF, or CRLF in a message it did not squash).
pub fn decode(name: &str, written: &[u8]) -> Vec<u8> {
    // Node::header: `s/\n[ \t]+/ /gs`, then `s/\s+$//s` and `s/^\s+//s`.
    let mut value = Vec::with_capacity(written.len());
    let mut at = 0;
    while at < written.len() {
        if written[at] == b'\n' && matches!(written.get(at + 1), Some(b' ' | b'\t')) {
            value.push(b' ');
            at += 1;
            while matches!(written.get(at), Some(b' ' | b'\t')) {
                at += 1;
            }
            continue;
        }
        value.push(written[at]);
        at += 1;
    }
    // _decode_header: what is left of line breaks goes (`s/\015?\012//gs`).
    let trimmed = value.trim_ascii();
    let mut value = Vec::with_capacity(trimmed.len());
    for (index, &b) in trimmed.iter().enumerate() {
        let breaks = b == b'\n' || (b == b'\r' && trimmed.get(index + 1) == Some(&b'\n'));
        if !breaks {
            value.push(b);
        }
    }
    if std::str::from_utf8(&value).is_err() {
        // _normalize: 8-bit text that is not UTF-8 is read as Windows-1252 (its
        // guess, and its last resort without Encode::Detect, as Debian installs it).
        value = match charset_decoder(b"windows-1252") {
            Some(decode) => decode(&value).into_bytes(),
            None => String::from_utf8_lossy(&value).into_owned().into_bytes(),
        };
    }
    if keeps_encoded_words(name) || memchr::memmem::find(&value, b"=?").is_none() {
        return value;
    }
    decode_words(&value)
}

/// One piece of a value: an encoded word's bytes with its charset, or text.
struct Section {
    /// Lowercase charset as written (`utf-8*en` included); empty for text.
    charset: String,
    bytes: Vec<u8>,
}

/// `=\?[A-Za-z0-9*_-]+\?[bqBQ]\?[^?]*\?=` at `at`: (charset, encoding, text, end).
fn word_at(v: &[u8], at: usize) -> Option<(Range<usize>, u8, Range<usize>, usize)> {
    if !v.get(at..)?.starts_with(b"=?") {
        return None;
    }
    let charset_start = at + 2;
    let charset_len = v[charset_start..]
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'*' | b'_' | b'-'))
        .count();
    let mark = charset_start + charset_len;
    if charset_len == 0 || v.get(mark) != Some(&b'?') || v.get(mark + 2) != Some(&b'?') {
        return None;
    }
    let encoding = v[mark + 1];
    if !matches!(encoding, b'b' | b'B' | b'q' | b'Q') {
        return None;
    }
    let text_start = mark + 3;
    let text_end = text_start + v[text_start..].iter().position(|&b| b == b'?')?;
    (v.get(text_end + 1) == Some(&b'=')).then_some((charset_start..mark, encoding, text_start..text_end, text_end + 2))
}

/// The encoded words of `value` decoded, SpamAssassin's way.
fn decode_words(value: &[u8]) -> Vec<u8> {
    // `( =\?…\?= | [^=]+ | . )` from the start: words and the text between them.
    let mut pieces: Vec<(Option<(String, Vec<u8>)>, Range<usize>)> = Vec::new();
    let mut at = 0;
    while at < value.len() {
        if let Some((charset, encoding, text, end)) = word_at(value, at) {
            let text = &value[text];
            let bytes = if encoding.eq_ignore_ascii_case(&b'b') { crate::base64::decode(text, usize::MAX) } else { q_decode(text) };
            let charset = String::from_utf8_lossy(&value[charset]).to_ascii_lowercase();
            pieces.push((Some((charset, bytes)), at..end));
            at = end;
            continue;
        }
        let end = if value[at] == b'=' { at + 1 } else { memchr::memchr(b'=', &value[at..]).map_or(value.len(), |n| at + n) };
        pieces.push((None, at..end));
        at = end;
    }
    let mut sections: Vec<Section> = Vec::new();
    for (index, (word, range)) in pieces.iter().enumerate() {
        let (charset, bytes) = match word {
            Some((charset, bytes)) => (charset.clone(), bytes.as_slice()),
            None => {
                // Text that is only white space between two encoded words is dropped
                // (`s/(word)\s+(?=word)/$1/g`, RFC 2047 §6.2).
                let between_words = index > 0
                    && pieces[index - 1].0.is_some()
                    && pieces.get(index + 1).is_some_and(|next| next.0.is_some());
                let text = &value[range.clone()];
                if between_words && text.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                (String::new(), text)
            }
        };
        match sections.last_mut() {
            Some(last) if last.charset == charset => last.bytes.extend_from_slice(bytes),
            _ => sections.push(Section { charset, bytes: bytes.to_vec() }),
        }
    }
    let mut out = Vec::with_capacity(value.len());
    for section in sections {
        if section.charset.is_empty() {
            out.extend_from_slice(&section.bytes);
            continue;
        }
        // RFC 2231 §5: `=?US-ASCII*EN?Q?…?=`, the language after `*` is not the charset.
        let text = crate::grammar::charset::decode_in(&section.charset, &section.bytes)
            .unwrap_or_else(|| String::from_utf8_lossy(&section.bytes).into_owned());
        out.extend_from_slice(text.as_bytes());
    }
    out
}

/// RFC 2047 §4.2 as SpamAssassin reads it: `_` is `=20`, then quoted-printable
/// (`Util::qp_decode`: `=XX` in either case; any other `=` kept).
fn q_decode(text: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        match (text[at], text.get(at + 1).and_then(|&b| hex(b)), text.get(at + 2).and_then(|&b| hex(b))) {
            (b'=', Some(high), Some(low)) => {
                out.push(high << 4 | low);
                at += 3;
            }
            (b'_', _, _) => {
                out.push(b' ');
                at += 1;
            }
            (b, _, _) => {
                out.push(b);
                at += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::decode;

    fn text(name: &str, written: &str) -> String {
        String::from_utf8(decode(name, written.as_bytes())).unwrap()
    }

    #[test]
    fn encoded_words_are_decoded_in_place_and_space_between_two_words_is_dropped() {
        assert_eq!(text("Subject", " (=?UTF-8?B?Zm9v?=)bar"), "(foo)bar");
        assert_eq!(text("From", " \"=?utf-8?B?Sm9obg==?=\" <=?utf-8?B?am9obg==?=@example.com>"), "\"John\" <john@example.com>");
        assert_eq!(text("Subject", " =?utf-8?q?a?= \t =?utf-8?q?b?= c =?iso-8859-1?q?caf=E9?="), "ab c café");
        assert_eq!(text("Subject", " =?utf-8?q?a_b?=\n\t=?utf-8?Q?=C3?= =?utf-8?Q?=A9?="), "a bé");
        assert_eq!(text("Message-ID", " <=?utf-8?q?a?=@x>"), "<=?utf-8?q?a?=@x>");
        assert_eq!(text("Subject", " a =? b ?= =?x"), "a =? b ?= =?x");
    }
}
