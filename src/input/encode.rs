//! Body encodings as Nodemailer writes them (nodemailer `lib/base64`, `lib/qp`):
//! base64 (RFC 2045 §6.8) and quoted-printable (RFC 2045 §6.7) wrapped at 76
//! characters, so a rendered message has the bytes Nodemailer would send.

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Line length of encoded bodies: RFC 2045 §6.7 rule 5 and §6.8 (at most 76 characters).
pub const ENCODED_LINE: usize = 76;

/// Plain base64 without line breaks.
pub fn base64(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(BASE64[(n >> 18) as usize & 63] as char);
        out.push(BASE64[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 { BASE64[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if chunk.len() > 2 { BASE64[n as usize & 63] as char } else { '=' });
    }
    out
}

/// Base64 as Nodemailer's base64 Encoder streams a body given whole: the bytes
/// that make whole groups of three are encoded and, when that is longer than one
/// line, a CRLF follows every full 76-character line; the encoding of the last one
/// or two bytes is then appended. So 57 bytes give one line without CRLF, 114 end
/// with CRLF, and 58 give a single 80-character line (a quirk of the Encoder,
/// kept so the rendering has Nodemailer's exact bytes).
pub fn base64_body(data: &[u8]) -> String {
    let mut out = Vec::with_capacity(base64_body_len(data.len()));
    base64_body_into(data, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// `base64_body` written at the end of `out`, a line at a time: no copy of the
/// whole encoding is made first (at the input limit, each is 40 MB).
pub fn base64_body_into(data: &[u8], out: &mut Vec<u8>) {
    let whole = data.len() - data.len() % 3;
    // 57 bytes make one 76-character line.
    let line_bytes = ENCODED_LINE / 4 * 3;
    let wrapped = whole / 3 * 4 > ENCODED_LINE;
    for line in data[..whole].chunks(line_bytes) {
        out.extend_from_slice(base64(line).as_bytes());
        if wrapped && line.len() == line_bytes {
            out.extend_from_slice(b"\r\n");
        }
    }
    out.extend_from_slice(base64(&data[whole..]).as_bytes());
}

/// The length of `base64_body` of `size` bytes, without encoding them.
pub fn base64_body_len(size: usize) -> usize {
    let whole = size - size % 3;
    let encoded = whole / 3 * 4;
    let rest = if whole < size { 4 } else { 0 };
    let breaks = if encoded > ENCODED_LINE { encoded / ENCODED_LINE * 2 } else { 0 };
    encoded + breaks + rest
}

/// Node's base64 decoder (`Buffer.from(text, 'base64')`, also `base64url`): the
/// standard and URL-safe alphabets, anything else skipped, decoding stops at the
/// first `=`; bits that do not make a whole byte are dropped.
pub fn base64_decode_lenient(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in text.as_bytes() {
        let v = match (c, crate::base64::value(c)) {
            (_, Some(v)) => v,
            (b'-', None) => 62,
            (b'_', None) => 63,
            (b'=', None) => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// nodemailer `qp.encode`: printable ASCII except `=` as is, TAB/CR/LF as is,
/// everything else as `=XX`; a space or TAB before a line end (or at the end) as `=XX`.
pub fn qp_encode(bytes: &[u8]) -> String {
    // Its exact length first: growing by doubling held 1.5 times the text's encoding
    // twice over (a text of 15 M × 'é' is 90 MB of it).
    let mut out = String::with_capacity(qp_encoded_len(bytes));
    for (i, &b) in bytes.iter().enumerate() {
        if qp_as_is(bytes, i) {
            out.push(b as char);
        } else {
            out.push_str(&format!("={b:02X}"));
        }
    }
    out
}

/// Whether `qp_encode` writes byte `i` of `bytes` as it is (else as `=XX`).
fn qp_as_is(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    let printable = matches!(b, 0x09 | 0x0a | 0x0d | 0x20..=0x3c | 0x3e..=0x7e);
    let before_line_end = matches!(bytes.get(i + 1), None | Some(b'\n') | Some(b'\r'));
    printable && !((b == b' ' || b == b'\t') && before_line_end)
}

/// The length of `qp_encode(bytes)`, without encoding them (`qp_wrap` adds its soft line breaks).
pub fn qp_encoded_len(bytes: &[u8]) -> usize {
    (0..bytes.len()).map(|i| if qp_as_is(bytes, i) { 1 } else { 3 }).sum()
}

fn is_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

/// Length of a trailing `=`, `=X` or `=XX` (`max_digits` hex digits at most) of `line`.
fn trailing_escape(line: &[u8], max_digits: usize) -> Option<usize> {
    for digits in (0..=max_digits).rev() {
        if line.len() > digits && line[line.len() - digits - 1] == b'=' && line[line.len() - digits..].iter().all(|&b| is_hex(b)) {
            return Some(digits + 1);
        }
    }
    None
}

/// nodemailer `qp.wrap(text, 76)`: soft line breaks (`=` CRLF) so no line of the
/// quoted-printable text passes 76 characters, preferring to break after white
/// space or punctuation and never inside an `=XX` escape or a UTF-8 sequence.
/// Hard line breaks of the text stay as they are.
pub fn qp_wrap(text: &str, line_length: usize) -> String {
    let s = text.as_bytes();
    let len = s.len();
    if len <= line_length {
        return text.to_string();
    }
    let margin = line_length / 3;
    let mut out: Vec<u8> = Vec::with_capacity(len + len / line_length * 3 + 3);
    let mut pos = 0;
    while pos < len {
        let mut line: &[u8] = &s[pos..(pos + line_length).min(len)];
        if let Some(i) = line.windows(2).position(|w| w == b"\r\n") {
            line = &line[..i + 2];
            out.extend_from_slice(line);
            pos += line.len();
            continue;
        }
        if line.last() == Some(&b'\n') {
            out.extend_from_slice(line);
            pos += line.len();
            continue;
        }
        let tail = &line[line.len().saturating_sub(margin)..];
        // `/\n.*?$/` on the tail: a LF with no CR or LF after it.
        if let Some(i) = tail.iter().rposition(|&b| b == b'\n').filter(|&i| !tail[i + 1..].contains(&b'\r')) {
            let keep = line.len() - (tail.len() - i - 1);
            line = &line[..keep];
            out.extend_from_slice(line);
            pos += line.len();
            continue;
        }
        let breakable = |b: u8| matches!(b, b' ' | b'\t' | b'.' | b',' | b'!' | b'?');
        if line.len() > line_length - margin && tail.iter().any(|&b| breakable(b)) {
            // `/[ \t.,!?][^ \t.,!?]*$/`: keep up to and including the last breakable character.
            let i = tail.iter().rposition(|&b| breakable(b)).unwrap_or(0);
            let cut = tail.len() - i - 1;
            line = &line[..line.len() - cut];
        } else if trailing_escape(line, 2).is_some() {
            if let Some(n) = trailing_escape(line, 1) {
                line = &line[..line.len() - n];
            }
            loop {
                let whole_escapes = line.len() % 3 == 0
                    && (1..=4).contains(&(line.len() / 3))
                    && line.chunks(3).all(|c| c[0] == b'=' && is_hex(c[1]) && is_hex(c[2]));
                if line.len() <= 3 || line.len() >= len - pos || whole_escapes {
                    break;
                }
                let n = line.len();
                if !(line[n - 3] == b'=' && is_hex(line[n - 2]) && is_hex(line[n - 1])) {
                    break;
                }
                let code = u8::from_str_radix(std::str::from_utf8(&line[n - 2..]).unwrap_or("0"), 16).unwrap_or(0);
                if code < 128 {
                    break;
                }
                line = &line[..n - 3];
                if code >= 0xc0 {
                    break;
                }
            }
        }
        if pos + line.len() < len && line.last() != Some(&b'\n') {
            let n = line.len();
            if n == line_length && n >= 3 && line[n - 3] == b'=' && is_hex(line[n - 2]) && is_hex(line[n - 1]) {
                line = &line[..n - 3];
            } else if n == line_length {
                line = &line[..n - 1];
            }
            if line.is_empty() {
                // Never stall: Nodemailer's loop cannot reach here with an empty line either.
                line = &s[pos..pos + 1];
            }
            pos += line.len();
            out.extend_from_slice(line);
            out.extend_from_slice(b"=\r\n");
        } else {
            pos += line.len();
            out.extend_from_slice(line);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// A quoted-printable body as Nodemailer's QP Encoder writes it.
pub fn quoted_printable_body(bytes: &[u8]) -> String {
    qp_wrap(&qp_encode(bytes), ENCODED_LINE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_encodes_standard_vectors() {
        // RFC 4648 §10 test vectors.
        let vectors = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded);
            assert_eq!(base64_decode_lenient(encoded), plain.as_bytes());
        }
    }

    #[test]
    fn base64_body_has_the_lines_nodemailer_streams() {
        assert_eq!(base64_body(&[0u8; 57]), "A".repeat(76));
        assert_eq!(base64_body(&[0u8; 114]), format!("{0}\r\n{0}\r\n", "A".repeat(76)));
        assert_eq!(base64_body(&[0u8; 58]), format!("{}AA==", "A".repeat(76)));
        assert_eq!(base64_body(&[0u8; 100]), format!("{}\r\n{}AA==", "A".repeat(76), "A".repeat(56)));
        assert_eq!(base64_body(b""), "");
    }

    #[test]
    fn base64_decoding_skips_what_node_skips_and_stops_at_padding() {
        assert_eq!(base64_decode_lenient("a$Gk"), b"hi");
        assert_eq!(base64_decode_lenient("aGk=aGk="), b"hi");
        assert_eq!(base64_decode_lenient("YW\nJj"), b"abc");
        assert_eq!(base64_decode_lenient("a"), b"");
    }

    #[test]
    fn quoted_printable_keeps_lines_within_76_characters() {
        let text = quoted_printable_body("é".repeat(100).as_bytes());
        assert!(text.split("\r\n").all(|l| l.len() <= 76), "{text}");
        assert!(!text.contains("=C3=\r\n"), "never inside a UTF-8 sequence");
    }

    #[test]
    fn quoted_printable_escapes_trailing_white_space_and_equals() {
        assert_eq!(qp_encode(b"a = b \nc\t"), "a =3D b=20\nc=09");
    }
}
