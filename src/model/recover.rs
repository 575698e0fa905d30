//! Text bodies mail-parser could not decode, decoded as readers decode them.
//!
//! mail-parser 0.11 gives up on a part's body when its decoder meets what it
//! does not expect (`is_encoding_problem`): a base64 body with a character
//! outside the alphabet, a quoted-printable `==`, or, for every transfer
//! encoding, a multipart whose closing delimiter never comes (a form mailer
//! that forgot `--boundary--`, spam cut short on purpose). It then keeps the
//! body's bytes as written, base64 and all, and no longer reads the part as a
//! body of the message: its text reached none of the content rules, while
//! SpamAssassin, clients and filters decode such a body and read it (RFC 2045
//! §6.8: "Any characters outside of the base64 alphabet are to be ignored";
//! RFC 2046 §5.1.1 does not make a part without its closing delimiter less
//! of a body). Here a text/plain or text/html part with that problem is decoded
//! again, leniently, and read as a body where a well-formed one would be.

use std::borrow::Cow;

/// A text or HTML part's body decoded from `encoded` (its bytes as written)
/// by its transfer encoding, leniently (`crate::base64::decode` skips what is
/// outside the alphabet; `quoted_printable` keeps an `=` it cannot read), then
/// from its charset (mail-parser's decoders; UTF-8, what is not shown as U+FFFD,
/// when the charset is absent or unknown, as mail-parser reads it).
pub fn text_body(encoded: &[u8], transfer_encoding: Option<&str>, charset: Option<&str>) -> String {
    let bytes: Cow<'_, [u8]> = match transfer_encoding {
        Some("base64") => Cow::Owned(crate::base64::decode(encoded, usize::MAX)),
        Some("quoted-printable") => Cow::Owned(quoted_printable(encoded)),
        _ => Cow::Borrowed(encoded),
    };
    charset
        .and_then(|c| crate::grammar::charset::decode_in(c.trim(), &bytes))
        .unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned())
}

/// The transfer encodings of uuencode (not registered, RFC 2045 §6.3 `x-` tokens)
/// that receivers decode: rspamd reads `uuencode`, `x-uuencode` and `x-uue` as
/// uuencode and decodes the part (`rspamd_mime_parse_cte`,
/// `rspamd_mime_parse_normal_part` in src/libmime/mime_parser.c); Thunderbird
/// and ClamAV decode it too.
pub const UUENCODE_ENCODINGS: &[&str] = &["x-uuencode", "uuencode", "x-uue"];

/// A text body sent under a uuencode transfer encoding, read as its reader shows
/// it: each `begin` block (`inspect::uuencode::blocks`, which never writes more
/// bytes than the body holds) replaced by the text of its file decoded from the
/// part's charset, and the text around the blocks kept (Thunderbird shows both;
/// rspamd decodes such a part, `rspamd_mime_parse_normal_part`). A block whose
/// file is no text (control bytes other than tab, line breaks and form feed, or
/// no UTF-8 without a charset) stays as written, and is inspected as a file
/// uuencoded in a text body (`attachments::inspect_parts`). None when no block
/// holds text: the body is read as written (rspamd's 8bit).
pub fn uudecoded_text(written: &str, charset: Option<&str>) -> Option<String> {
    let blocks = crate::inspect::uuencode::blocks(written, written.len());
    let mut out = String::with_capacity(written.len());
    let (mut last, mut decoded_any) = (0, false);
    for block in blocks {
        let Some(span) = written.get(block.span.clone()).map(|_| block.span.clone()) else { continue };
        if span.start < last {
            continue;
        }
        out.push_str(&written[last..span.start]);
        match file_text(block.data, charset) {
            Some(text) => {
                out.push_str(&text);
                decoded_any = true;
            }
            None => out.push_str(&written[span.clone()]),
        }
        last = span.end;
    }
    out.push_str(&written[last..]);
    decoded_any.then_some(out)
}

/// A uuencoded file's bytes as text, from `charset` or UTF-8; None for a file that is no text.
fn file_text(data: Vec<u8>, charset: Option<&str>) -> Option<String> {
    if data.iter().any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')) {
        return None;
    }
    match charset.and_then(|c| crate::grammar::charset::decode_in(c.trim(), &data)) {
        Some(text) => Some(text),
        None => String::from_utf8(data).ok(),
    }
}

/// A part's body other than text decoded from `encoded` (its bytes as written)
/// by its transfer encoding, leniently, as `text_body` decodes text.
pub fn binary_body(encoded: &[u8], transfer_encoding: Option<&str>) -> Vec<u8> {
    match transfer_encoding {
        Some("base64") => crate::base64::decode(encoded, usize::MAX),
        Some("quoted-printable") => quoted_printable(encoded),
        _ => encoded.to_vec(),
    }
}

/// Quoted-printable (RFC 2045 §6.7) read as a robust decoder reads it: `=XX`
/// in either case (§6.7 (1): "a robust implementation might recognize lowercase
/// hexadecimal"), `=` ending a line (white space allowed before the break) a
/// soft line break, white space at a line's end dropped (§6.7 (3): added by
/// transport), and any other `=` kept as written (§6.7, note (2): "include the
/// '=' character and the following character in the decoded data"). Linear; the
/// output is never longer than the input.
pub fn quoted_printable(encoded: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(encoded.len());
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut at = 0;
    while at < encoded.len() {
        let b = encoded[at];
        match b {
            b'=' => {
                if let (Some(h), Some(l)) = (encoded.get(at + 1).and_then(|&c| hex(c)), encoded.get(at + 2).and_then(|&c| hex(c))) {
                    out.push(h << 4 | l);
                    at += 3;
                    continue;
                }
                // A soft line break: `=`, optional white space, then CRLF, LF or the end.
                let after = encoded[at + 1..].iter().position(|&c| c != b' ' && c != b'\t').map_or(encoded.len(), |p| at + 1 + p);
                match encoded.get(after) {
                    None => at = after,
                    Some(b'\n') => at = after + 1,
                    Some(b'\r') if encoded.get(after + 1) == Some(&b'\n') => at = after + 2,
                    _ => {
                        out.push(b'=');
                        at += 1;
                    }
                }
            }
            b' ' | b'\t' => {
                // White space before a line break (or the end) is dropped.
                let after = encoded[at..].iter().position(|&c| c != b' ' && c != b'\t').map_or(encoded.len(), |p| at + p);
                let at_break = match encoded.get(after) {
                    None => true,
                    Some(b'\n') => true,
                    Some(b'\r') => encoded.get(after + 1) == Some(&b'\n'),
                    _ => false,
                };
                if !at_break {
                    out.extend_from_slice(&encoded[at..after]);
                }
                at = after;
            }
            _ => {
                out.push(b);
                at += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_is_read_leniently() {
        assert_eq!(quoted_printable(b"caf=C3=A9 =3D ok"), "café = ok".as_bytes());
        assert_eq!(quoted_printable(b"caf=c3=a9"), "café".as_bytes());
        assert_eq!(quoted_printable(b"soft=\r\nbreak and=  \nspaces"), b"softbreak andspaces");
        assert_eq!(quoted_printable(b"trailing   \r\nnext\t\nlast  "), b"trailing\r\nnext\nlast");
        assert_eq!(quoted_printable(b"a == b =G1 ="), b"a == b =G1 ");
        assert_eq!(quoted_printable(b"="), b"");
        assert_eq!(quoted_printable(b"inner  spaces kept"), b"inner  spaces kept");
    }

    #[test]
    fn white_space_runs_are_read_once() {
        // A megabyte of spaces then a letter: each space is looked at a bounded number of times.
        let mut input = vec![b' '; 1 << 20];
        input.push(b'x');
        assert_eq!(quoted_printable(&input).len(), (1 << 20) + 1);
    }

    #[test]
    fn text_bodies_are_decoded_by_encoding_then_charset() {
        assert_eq!(text_body(b"aGVs\r\nbG8h!\r\n", Some("base64"), Some("utf-8")), "hello!");
        assert_eq!(text_body(b"caf=E9", Some("quoted-printable"), Some("ISO-8859-1")), "café");
        assert_eq!(text_body("żółw".as_bytes(), None, None), "żółw");
        assert_eq!(text_body(b"\xff", Some("7bit"), Some("x-unknown")), "\u{fffd}");
    }
}
