//! Character set names readers know (the IANA registry's common entries and
//! their aliases, as mail clients and mail-parser decode them). A name outside
//! this list is reported, not refused: the reader may still show garbage. And
//! what a text part that names no charset is, by its media type's registration.

/// Lower-case charset names and aliases (IANA "Character Sets" registry).
#[rustfmt::skip]
const KNOWN_CHARSETS: &[&str] = &[
    "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "utf-8", "utf8", "utf-16", "utf-16be", "utf-16le", "utf-32",
    "utf-7", "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
    "iso-8859-8", "iso-8859-8-i", "iso-8859-9", "iso-8859-10", "iso-8859-11", "iso-8859-13", "iso-8859-14",
    "iso-8859-15", "iso-8859-16", "iso8859-1", "iso8859-2", "iso8859-15", "iso_8859-1", "iso_8859-2", "iso_8859-15",
    "latin1", "latin2", "l1", "l2", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
    "windows-1255", "windows-1256", "windows-1257", "windows-1258", "windows-874", "cp1250", "cp1251", "cp1252",
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp850", "cp852", "cp866", "ibm850", "ibm852",
    "ibm866", "koi8-r", "koi8-u", "macintosh", "x-mac-roman", "mac", "gb2312", "gbk", "gb18030", "hz-gb-2312", "big5",
    "big5-hkscs", "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "euc-jp",
    "iso-2022-jp", "iso-2022-jp-2", "euc-kr", "ks_c_5601-1987", "iso-2022-kr", "cp949", "tis-620", "viscii",
    "iso-2022-cn", "euc-cn", "x-euc-tw", "unknown-8bit",
];

/// `bytes` read as text in `charset` (case-insensitive; an RFC 2231 `*language`
/// suffix, `UTF-8*fr`, is no part of it): UTF-8 and US-ASCII as UTF-8, what is not
/// UTF-8 shown as U+FFFD; another charset by mail-parser's decoder, as mail-parser
/// reads bodies and headers; `None` for a charset it does not know.
pub fn decode_in(charset: &str, bytes: &[u8]) -> Option<String> {
    let charset = charset.split('*').next().unwrap_or_default().to_ascii_lowercase();
    match charset.as_str() {
        "utf-8" | "utf8" | "us-ascii" => Some(String::from_utf8_lossy(bytes).into_owned()),
        _ => mail_parser::decoders::charsets::map::charset_decoder(charset.as_bytes()).map(|decode| decode(bytes)),
    }
}

/// Whether `name` is a single-byte charset (case-insensitive, `_` for `-`, an
/// RFC 2231 `*language` suffix left out): ISO-8859-*, windows-125x and the other
/// code pages whose text almost never forms UTF-8 by chance (`headers/charset`,
/// `headers/encoded-word`: UTF-8 labelled as one of them).
pub fn single_byte(name: &str) -> bool {
    let name: String =
        name.split('*').next().unwrap_or_default().trim().chars().map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if let Some(rest) = name.strip_prefix("iso-8859-").or_else(|| name.strip_prefix("iso8859-")) {
        return matches!(
            rest,
            "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "8-i" | "9" | "10" | "11" | "13" | "14" | "15" | "16"
        );
    }
    if let Some(page) = name.strip_prefix("windows-").or_else(|| name.strip_prefix("cp")) {
        return matches!(
            page,
            "1250" | "1251" | "1252" | "1253" | "1254" | "1255" | "1256" | "1257" | "1258" | "874" | "850" | "852" | "866"
        );
    }
    matches!(
        name.as_str(),
        "latin1" | "latin2" | "l1" | "l2" | "koi8-r" | "koi8-u" | "ibm850" | "ibm852" | "ibm866" | "macintosh"
            | "x-mac-roman" | "mac" | "tis-620"
    )
}

/// Whether `name` is a character set mail readers decode (case-insensitive).
pub fn is_known_charset(name: &str) -> bool {
    // Readers match names loosely: case, and `_` for `-` (ANSI_X3.4-1968 / ansi-x3.4-1968).
    // Compared a byte at a time, without a copy of either (a subject may hold
    // 100,000 encoded words, each naming its charset).
    let loose = |b: u8| if b == b'_' { b'-' } else { b.to_ascii_lowercase() };
    let wanted = name.trim().as_bytes();
    KNOWN_CHARSETS
        .iter()
        .any(|known| known.len() == wanted.len() && known.bytes().zip(wanted).all(|(k, &w)| loose(k) == loose(w)))
}

/// What a text part without a `charset` parameter is, by its media type's
/// registration. RFC 2046 §4.1.2 made US-ASCII the default of every `text/*`
/// subtype; RFC 6657 §3 leaves the default to each subtype's registration
/// (new registrations must say one, or say the content carries its own), and
/// older ones keep US-ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextCharset {
    /// No default of its own: US-ASCII (RFC 2046 §4.1.2); other bytes are guessed.
    UsAscii,
    /// The registration requires the parameter; without it readers guess.
    Required,
    /// The registration makes UTF-8 the charset of a part that names none.
    Utf8,
    /// The content declares its own encoding (an XML declaration), else UTF-8.
    Declared,
}

/// The `text/*` subtypes whose registration says something other than RFC 2046's
/// US-ASCII default, or says it again, with the section that says it: the one
/// place `headers/charset` and the decoding of evidence read it from.
#[rustfmt::skip]
pub const TEXT_CHARSETS: &[(&str, TextCharset, &str)] = &[
    ("text/vcard", TextCharset::Utf8, "RFC 6350 §3.1: the charset of a vCard is UTF-8, and there is no way to override it"),
    ("text/calendar", TextCharset::Utf8, "RFC 5545 §3.1.4: the default charset of an iCalendar stream is UTF-8"),
    ("text/javascript", TextCharset::Utf8, "RFC 9239 §4.2: a script without a charset parameter or a byte order mark is UTF-8"),
    ("text/xml", TextCharset::Declared, "RFC 7303 §3 and XML 1.0 §4.3.3: without a charset parameter the XML encoding declaration says the encoding, and without one the document is UTF-8"),
    ("text/markdown", TextCharset::Required, "RFC 7763 §2: the charset parameter is required"),
    ("text/csv", TextCharset::UsAscii, "RFC 4180 §3 (updated by RFC 7111): charset optional, with no default of its own: US-ASCII (RFC 2046 §4.1.2)"),
];

/// What a `text/*` part of type `content_type` (lower case, no parameters) is
/// without a charset parameter, and the source that says so (RFC 2046 §4.1.2
/// for a subtype the table does not list).
pub fn text_charset(content_type: &str) -> (TextCharset, &'static str) {
    TEXT_CHARSETS
        .iter()
        .find(|(name, _, _)| *name == content_type)
        .map(|&(_, default, source)| (default, source))
        .unwrap_or((TextCharset::UsAscii, "RFC 2046 §4.1.2: a text part without a charset parameter is US-ASCII"))
}

/// Whether an XML document declares its encoding (`<?xml … encoding="…"?>`,
/// XML 1.0 §4.3.3), read in its first line only.
pub fn xml_declares_encoding(document: &[u8]) -> bool {
    let document = document.strip_prefix(b"\xef\xbb\xbf").unwrap_or(document);
    if !document.starts_with(b"<?xml") {
        return false;
    }
    let end = memchr::memmem::find(document, b"?>").unwrap_or(0);
    memchr::memmem::find(&document[..end], b"encoding").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_loosely_as_before() {
        let copied = |name: &str| {
            let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
            KNOWN_CHARSETS.iter().any(|known| known.replace('_', "-") == wanted)
        };
        let mut names: Vec<String> = KNOWN_CHARSETS.iter().map(|k| k.to_string()).collect();
        names.extend(KNOWN_CHARSETS.iter().map(|k| format!(" {} ", k.to_ascii_uppercase().replace('-', "_"))));
        names.extend(KNOWN_CHARSETS.iter().map(|k| format!("{k}x")));
        names.extend(["", " ", "UTF—8", "utf-8\u{0}", "ISO_8859_1", "x-unknown", "\u{a0}utf-8\u{a0}", "utf\u{2010}8"].map(String::from));
        for name in &names {
            assert_eq!(is_known_charset(name), copied(name), "{name:?}");
        }
        assert!(is_known_charset("ANSI_X3.4_1968") && is_known_charset("Shift-JIS") && !is_known_charset("utf-9"));
    }

    #[test]
    fn registrations_decide_what_a_part_without_charset_is() {
        assert_eq!(text_charset("text/vcard").0, TextCharset::Utf8);
        assert_eq!(text_charset("text/calendar").0, TextCharset::Utf8);
        assert_eq!(text_charset("text/markdown").0, TextCharset::Required);
        assert_eq!(text_charset("text/csv").0, TextCharset::UsAscii);
        let (default, source) = text_charset("text/plain");
        assert_eq!(default, TextCharset::UsAscii);
        assert!(source.starts_with("RFC 2046 §4.1.2"));
        assert!(TEXT_CHARSETS.iter().all(|(name, _, source)| name.starts_with("text/") && source.contains('§')));
    }

    #[test]
    fn an_xml_declaration_names_its_encoding() {
        assert!(xml_declares_encoding(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a/>"));
        assert!(xml_declares_encoding(b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?><a/>"));
        assert!(!xml_declares_encoding(b"<?xml version=\"1.0\"?>\n<a encoding=\"x\"/>"));
        assert!(!xml_declares_encoding(b"<a/>"));
    }
}
