//! What Node makes of a string attachment with an `encoding`: Nodemailer passes
//! `Buffer.from(content, encoding)` on (mail-composer `_createContentNode`), except
//! for `utf8`, `usascii` and `ascii`, whose strings stay text (sent as UTF-8).
//! Node decodes leniently — hex stops at the first bad pair, base64 skips what is
//! not base64 — and the message carries whatever came out, so the same is done here.

use super::encode::base64_decode_lenient;

/// How an attachment's string content becomes bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// The string as UTF-8 (no encoding, or utf8/ascii).
    Text,
    Bytes(Vec<u8>),
}

/// The encodings `from_string` takes (Node's Buffer encodings), as an error lists them.
pub const ENCODINGS: &[&str] = &["utf8", "latin1", "binary", "ascii", "base64", "base64url", "hex", "ucs2", "utf16le"];

/// Nodemailer's normal form of an encoding name: lower case, without `-`, `_` or white space.
pub fn normalize(encoding: &str) -> String {
    encoding.chars().filter(|c| !matches!(c, '-' | '_') && !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// `Buffer.from(content, encoding)` for Node's encodings; `Err` with the name
/// Node would refuse (`ERR_UNKNOWN_ENCODING`).
pub fn from_string(content: &str, encoding: &str) -> Result<Decoded, String> {
    let name = normalize(encoding);
    match name.as_str() {
        "utf8" | "usascii" | "ascii" => Ok(Decoded::Text),
        // One byte per UTF-16 code unit, its low eight bits.
        "latin1" | "binary" => Ok(Decoded::Bytes(content.encode_utf16().map(|u| u as u8).collect())),
        "ucs2" | "utf16le" => Ok(Decoded::Bytes(content.encode_utf16().flat_map(u16::to_le_bytes).collect())),
        "base64" | "base64url" => Ok(Decoded::Bytes(base64_decode_lenient(content))),
        "hex" => Ok(Decoded::Bytes(hex_lenient(content))),
        _ => Err(name),
    }
}

/// Node's hex decoder: pairs of hex digits up to the first pair that is not one.
fn hex_lenient(text: &str) -> Vec<u8> {
    text.as_bytes()
        .chunks_exact(2)
        .map_while(|pair| std::str::from_utf8(pair).ok().and_then(|s| u8::from_str_radix(s, 16).ok()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_keeps_the_low_byte_of_each_code_unit() {
        assert_eq!(from_string("é€", "latin1"), Ok(Decoded::Bytes(vec![0xe9, 0xac])));
        assert_eq!(from_string("é", "Latin-1"), Ok(Decoded::Bytes(vec![0xe9])));
    }

    #[test]
    fn hex_stops_at_the_first_bad_pair() {
        assert_eq!(from_string("abzz12", "hex"), Ok(Decoded::Bytes(vec![0xab])));
        assert_eq!(from_string("abc", "hex"), Ok(Decoded::Bytes(vec![0xab])));
    }

    #[test]
    fn utf16_is_little_endian_and_utf8_stays_text() {
        assert_eq!(from_string("é", "utf-16le"), Ok(Decoded::Bytes(vec![0xe9, 0x00])));
        assert_eq!(from_string("é", "UTF-8"), Ok(Decoded::Text));
        assert_eq!(from_string("x", "klingon"), Err("klingon".to_string()));
    }
}
