//! Base64 (RFC 4648 §4) into a bounded buffer: the one decoder of the layers
//! that read mail, below all of them (it imports nothing of the crate). For the
//! files an inspection must see as bytes (text parts whose decoded body was
//! converted to UTF-8, files smuggled in web pages) and the B encoding of RFC
//! 2047 encoded words (`grammar::encoded_word`, after its strict check); its
//! alphabet is read by DKIM's strict decoder too (`dkim::tags::base64`).

/// The value of each base64 character, `INVALID` for any other byte (also the
/// base of `model::predecode`'s table of byte classes).
pub(crate) const VALUES: [u8; 256] = {
    let mut table = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < alphabet.len() {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table
};

pub(crate) const INVALID: u8 = 0xFF;

/// The value of a base64 character (RFC 4648 §4, table 1), `None` for any other byte.
pub fn value(byte: u8) -> Option<u8> {
    Some(VALUES[usize::from(byte)]).filter(|&v| v != INVALID)
}

/// Decodes `text`, skipping the line breaks, spaces and any other character
/// outside the alphabet (RFC 2045 §6.8: \"Any characters outside of the base64
/// alphabet are to be ignored in base64-encoded data\"; a stray `!` had hidden a
/// whole attachment); padding ends it. At most `max_bytes` of output.
/// Whole groups of four characters are decoded at once (a line of a MIME body
/// is 19 of them), the rest a character at a time: a character at a time, the
/// decoding of a 7.3 MB base64 HTML attachment took 35 ms of its lint (#14).
pub fn decode(text: &[u8], max_bytes: usize) -> Vec<u8> {
    // Written in place: n characters decode to at most 3n/4 bytes, so every
    // byte has its room in a buffer of `text.len() / 4 * 3 + 2` (pushed, three
    // bytes by `extend_from_slice` stayed a call a group under opt-level "s").
    let mut out = vec![0u8; (text.len() / 4 * 3 + 2).min(max_bytes)];
    let mut len = 0;
    let mut buffer = 0u32;
    let mut bits = 0u32;
    let mut at = 0;
    while at < text.len() {
        if bits == 0 {
            while let (Some(&[a, b, c, d]), Some([x, y, z])) = (text.get(at..at + 4), out.get_mut(len..len + 3)) {
                let [a, b, c, d] = [a, b, c, d].map(|ch| u32::from(VALUES[usize::from(ch)]));
                // A value of INVALID has bits over the six of the alphabet's.
                if (a | b | c | d) > 63 {
                    break;
                }
                let group = (a << 18) | (b << 12) | (c << 6) | d;
                (*x, *y, *z) = ((group >> 16) as u8, (group >> 8) as u8, group as u8);
                len += 3;
                at += 4;
            }
        }
        let Some(&b) = text.get(at) else { break };
        at += 1;
        if b.is_ascii_whitespace() {
            continue;
        }
        let v = VALUES[usize::from(b)];
        if b == b'=' {
            break;
        }
        if v == INVALID {
            continue;
        }
        buffer = (buffer << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            let Some(slot) = out.get_mut(len) else { break };
            *slot = (buffer >> bits) as u8;
            len += 1;
        }
    }
    out.truncate(len);
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
        // RFC 2045 §6.8: characters outside the alphabet are ignored; padding ends the data.
        assert_eq!(decode(b"!TVqQ.AAMA\r\n.\r\nAAAE*AAAA", 100), b"MZ\x90\0\x03\0\0\0\x04\0\0\0");
        assert_eq!(decode(b"aGk=TVqQ", 10), b"hi");
    }

    /// The decoder before groups of four were read at once (#14).
    fn a_character_at_a_time(text: &[u8], max_bytes: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let (mut buffer, mut bits) = (0u32, 0u32);
        for &b in text {
            if b.is_ascii_whitespace() {
                continue;
            }
            let v = match b {
                b'A'..=b'Z' => b - b'A',
                b'a'..=b'z' => b - b'a' + 26,
                b'0'..=b'9' => b - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                b'=' => break,
                _ => continue,
            };
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

    #[test]
    fn each_bytes_value_is_its_place_in_the_alphabet() {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for b in 0..=255u8 {
            assert_eq!(value(b), alphabet.iter().position(|&a| a == b).map(|at| at as u8), "{b:#04x}");
        }
    }

    #[test]
    fn groups_of_four_decode_as_characters_one_at_a_time() {
        let pieces = ["QUJD", "ZGVm", "/+9a", "Zw", "Z", "==", "=", "\r\n", " ", "\t", "*", "-", "\u{e9}", "TWFu", "YQ"];
        let mut texts = 0;
        crate::text::generated_texts(&pieces, 4000, 24, |text| {
            texts += 1;
            for max in [0, 1, 2, 3, 4, 5, 7, 11, usize::MAX] {
                assert_eq!(decode(text.as_bytes(), max), a_character_at_a_time(text.as_bytes(), max), "{text:?} {max}");
            }
        });
        assert_eq!(texts, 4000);
    }
}
