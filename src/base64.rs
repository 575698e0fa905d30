//! Base64 (RFC 4648 §4) into a bounded buffer: the one decoder of the layers
//! that read mail, below all of them (it imports nothing of the crate). For the
//! files an inspection must see as bytes (text parts whose decoded body was
//! converted to UTF-8, files smuggled in web pages) and the B encoding of RFC
//! 2047 encoded words (`grammar::encoded_word`, after its strict check).

/// Decodes `text`, skipping the line breaks and spaces of MIME bodies (RFC 2045
/// §6.8); padding or any other character ends it. At most `max_bytes` of output.
pub fn decode(text: &[u8], max_bytes: usize) -> Vec<u8> {
    let value = |b: u8| match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity((text.len() / 4 * 3).min(max_bytes));
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for &b in text {
        if b.is_ascii_whitespace() {
            continue;
        }
        let Some(v) = value(b) else { break };
        buffer = (buffer << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            if out.len() >= max_bytes {
                break;
            }
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_across_line_breaks_and_stops_at_the_bound() {
        assert_eq!(decode(b"TVqQAAMA\r\nAAAEAAAA", 100), b"MZ\x90\0\x03\0\0\0\x04\0\0\0");
        assert_eq!(decode(b"TVqQAAMAAAAEAAAA", 2), b"MZ");
        assert_eq!(decode(b"aGk=", 10), b"hi");
    }
}
