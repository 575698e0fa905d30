//! The encodings a mailer applies when it renders a message: base64 with
//! 76-column lines (RFC 2045 §6.8), quoted-printable (RFC 2045 §6.7) and
//! RFC 2047 encoded words for non-ASCII header text.

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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

/// Base64 in lines of 76 characters, each ended by CRLF (RFC 2045 §6.8).
pub fn base64_lines(data: &[u8]) -> String {
    let flat = base64(data);
    let mut out = String::with_capacity(flat.len() + flat.len() / 76 * 2 + 2);
    for line in flat.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push_str("\r\n");
    }
    out
}

/// Decodes base64, ignoring white space; `None` on any other invalid character.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in text.as_bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Quoted-printable with soft line breaks so no line exceeds 76 characters
/// (RFC 2045 §6.7). Input line breaks become CRLF.
pub fn quoted_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let normalized = text.replace("\r\n", "\n");
    let lines: Vec<&str> = normalized.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let mut col = 0;
        let bytes = line.as_bytes();
        for (j, &b) in bytes.iter().enumerate() {
            let last = j + 1 == bytes.len();
            let encoded = if (b == b' ' || b == b'\t') && last {
                format!("={b:02X}")
            } else if b == b'=' || !(32..=126).contains(&b) && b != b'\t' {
                format!("={b:02X}")
            } else {
                (b as char).to_string()
            };
            if col + encoded.len() > 75 {
                out.push_str("=\r\n");
                col = 0;
            }
            col += encoded.len();
            out.push_str(&encoded);
        }
        if i + 1 < lines.len() {
            out.push_str("\r\n");
        }
    }
    if !out.ends_with("\r\n") {
        out.push_str("\r\n");
    }
    out
}

/// A header value as RFC 2047 encoded words when it is not plain ASCII;
/// each word stays within 75 characters (RFC 2047 §2).
pub fn header_text(text: &str) -> String {
    if text.bytes().all(|b| (32..127).contains(&b) || b == b'\t') {
        return text.to_string();
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for ch in text.chars() {
        // "=?UTF-8?B?" + "?=" is 12 characters; 45 bytes encode to 60.
        if chunk.len() + ch.len_utf8() > 45 {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(ch);
    }
    if !chunk.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

/// A MIME parameter, quoted when needed, RFC 2231 encoded when not ASCII.
pub fn mime_parameter(name: &str, value: &str) -> String {
    if value.is_ascii() && !value.bytes().any(|b| b < 32) {
        let needs_quotes = value.is_empty() || value.bytes().any(|b| b" ()<>@,;:\\\"/[]?=".contains(&b));
        if needs_quotes {
            format!("{name}=\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            format!("{name}={value}")
        }
    } else {
        let mut encoded = String::new();
        for b in value.bytes() {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                encoded.push(b as char);
            } else {
                encoded.push_str(&format!("%{b:02X}"));
            }
        }
        format!("{name}*=utf-8''{encoded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for data in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"] {
            assert_eq!(base64_decode(&base64(data)).unwrap(), data);
        }
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn base64_lines_are_76_columns() {
        let text = base64_lines(&[7u8; 1000]);
        assert!(text.split("\r\n").all(|l| l.len() <= 76));
        assert_eq!(text.split("\r\n").next().unwrap().len(), 76);
    }

    #[test]
    fn quoted_printable_soft_breaks_long_lines() {
        let text = quoted_printable(&"é".repeat(100));
        assert!(text.split("\r\n").all(|l| l.len() <= 76));
    }

    #[test]
    fn header_text_encodes_non_ascii() {
        assert_eq!(header_text("Hello"), "Hello");
        assert_eq!(header_text("Café"), "=?UTF-8?B?Q2Fmw6k=?=");
    }
}
