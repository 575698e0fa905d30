//! Character set names readers know (the IANA registry's common entries and
//! their aliases, and every label mail-parser decodes), and those they do not:
//! a name outside both, or one of the WHATWG Encoding Standard's "replacement"
//! labels, is reported as information wherever a message names it (a text
//! part's charset, an encoded word, an RFC 2231 value): the reader may show
//! garbage. And what a text part that names no charset is, by its media type's
//! registration.

/// Lower-case charset names and aliases (IANA "Character Sets" registry) that
/// readers decode, mail-parser's table aside (`decodable`).
#[rustfmt::skip]
const KNOWN_CHARSETS: &[&str] = &[
    "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "utf-8", "utf8", "utf-16", "utf-16be", "utf-16le", "utf-32",
    "utf-7", "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
    "iso-8859-8", "iso-8859-8-i", "iso-8859-9", "iso-8859-10", "iso-8859-11", "iso-8859-13", "iso-8859-14",
    "iso-8859-15", "iso-8859-16", "iso8859-1", "iso8859-2", "iso8859-15", "iso_8859-1", "iso_8859-2", "iso_8859-15",
    "latin1", "latin2", "l1", "l2", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
    "windows-1255", "windows-1256", "windows-1257", "windows-1258", "windows-874", "cp1250", "cp1251", "cp1252",
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp850", "cp852", "cp866", "ibm850", "ibm852",
    "ibm866", "koi8-r", "koi8-u", "macintosh", "x-mac-roman", "mac", "gb2312", "gbk", "gb18030", "big5",
    "big5-hkscs", "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "euc-jp",
    "iso-2022-jp", "iso-2022-jp-2", "euc-kr", "ks_c_5601-1987", "cp949", "tis-620", "viscii",
    "euc-cn", "x-euc-tw", "unknown-8bit",
];

/// The labels the WHATWG Encoding Standard gives its "replacement" encoding
/// (§4.2 "Names and labels": the stateful 7-bit encodings HZ, ISO-2022-KR and
/// ISO-2022-CN): browsers' `TextDecoder` refuses them (web-platform-tests
/// encoding/api-replacement-encodings: "Label for replacement should be
/// rejected by API"), so Thunderbird's header decoder, built on it, leaves such
/// an encoded word as written (jsmime `decodeRFC2047Words`: "We don't recognize
/// the charset, so give up"), and mail-parser, this engine's parser, reads the
/// whole text as one U+FFFD. Readers do not know them, though the IANA registry
/// lists them.
const REPLACEMENT_LABELS: &[&str] = &["csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"];

/// The longest label mail-parser's table holds (45 bytes,
/// `extended_unix_code_packed_format_for_japanese`): it compares only that many
/// bytes of a name, so a longer one is none of its labels.
const MAX_DECODER_LABEL: usize = 45;

/// `bytes` read as text in `charset` (case-insensitive; an RFC 2231 `*language`
/// suffix, `UTF-8*fr`, is no part of it): UTF-8 and US-ASCII as UTF-8, what is not
/// UTF-8 shown as U+FFFD; another charset by mail-parser's decoder, as mail-parser
/// reads bodies and headers; `None` for a charset it does not know.
pub fn decode_in(charset: &str, bytes: &[u8]) -> Option<String> {
    let charset = charset.split('*').next().unwrap_or_default().to_ascii_lowercase();
    match charset.as_str() {
        "utf-8" | "utf8" | "us-ascii" => Some(String::from_utf8_lossy(bytes).into_owned()),
        _ => decoder(charset.as_bytes()).map(|decode| decode(bytes)),
    }
}

/// Names of Windows code pages that mail-parser's table lacks, and the label of
/// the encoding it decodes them with. The WHATWG Encoding Standard's Shift_JIS,
/// EUC-KR and Big5, which mail-parser decodes with encoding_rs, are Microsoft's
/// code pages 932, 949 and 950 (encoding_rs: "matches the Windows code page 932",
/// "… 949", "designed to be suited for decoding the Windows code page 950"), and
/// its windows-874 is code page 874; the names are those Python's codecs
/// (`cp932`, `ms932`, `cp949`, `ms949`, `uhc`, `cp950`, `ms950`) and Java
/// (`x-windows-949`, `x-windows-950`) give them. Without them such a text part is
/// read as UTF-8: replacement characters and stray ASCII letters.
const CODE_PAGE_ALIASES: &[(&str, &str)] = &[
    ("cp932", "shift_jis"),
    ("ms932", "shift_jis"),
    ("windows-932", "shift_jis"),
    ("cp949", "windows-949"),
    ("ms949", "windows-949"),
    ("x-windows-949", "windows-949"),
    ("uhc", "windows-949"),
    ("cp950", "big5"),
    ("ms950", "big5"),
    ("windows-950", "big5"),
    ("x-windows-950", "big5"),
    ("cp874", "windows-874"),
];

/// mail-parser's decoder for the charset `name` (compared loosely, `loosely_is`),
/// the code pages of `CODE_PAGE_ALIASES` included: what the rules read. Whether a
/// reader knows the name is `is_known_charset`'s (Thunderbird, on the WHATWG
/// labels, does not know `cp950`).
pub fn decoder(name: &[u8]) -> Option<mail_parser::decoders::charsets::DecoderFnc> {
    let alias = CODE_PAGE_ALIASES.iter().find(|(alias, _)| loosely_is(name, alias));
    mail_parser::decoders::charsets::map::charset_decoder(alias.map_or(name, |(_, label)| label.as_bytes()))
}

/// Whether `name` is one of the code pages of `CODE_PAGE_ALIASES`, which
/// mail-parser has no decoder for (it reads their text as UTF-8) and `decoder`
/// has; an RFC 2231 `*language` suffix is no part of the name.
pub fn is_unnamed_code_page(name: &[u8]) -> bool {
    let name = name.split(|&b| b == b'*').next().unwrap_or_default().trim_ascii();
    mail_parser::decoders::charsets::map::charset_decoder(name).is_none() && decoder(name).is_some()
}

/// The single-byte parts of ISO 8859 (`single_byte`), as named after `iso-8859-` or `iso8859-`.
#[rustfmt::skip]
const SINGLE_BYTE_ISO_8859: &[&str] = &["1", "2", "3", "4", "5", "6", "7", "8", "8-i", "9", "10", "11", "13", "14", "15", "16"];
/// The single-byte code pages (`single_byte`), as numbered after `windows-` or `cp`.
#[rustfmt::skip]
const SINGLE_BYTE_CODE_PAGES: &[&str] = &["1250", "1251", "1252", "1253", "1254", "1255", "1256", "1257", "1258", "874", "850", "852", "866"];
/// The other single-byte charsets' names (`single_byte`).
#[rustfmt::skip]
const SINGLE_BYTE_NAMES: &[&str] = &[
    "latin1", "latin2", "l1", "l2", "koi8-r", "koi8-u", "ibm850", "ibm852", "ibm866", "macintosh", "x-mac-roman", "mac", "tis-620",
];

/// Whether `name` is a single-byte charset (compared loosely, `loosely_is`; an
/// RFC 2231 `*language` suffix left out): ISO-8859-*, windows-125x and the other
/// code pages whose text almost never forms UTF-8 by chance (`headers/charset`,
/// `headers/encoded-word`: UTF-8 labelled as one of them). Without a copy of the
/// name: it is asked for every encoded word of a field.
pub fn single_byte(name: &str) -> bool {
    let name = name.split('*').next().unwrap_or_default().trim().as_bytes();
    let listed = |list: &[&str], name: &[u8]| list.iter().any(|known| loosely_is(name, known));
    if let Some(part) = loosely_after(name, "iso-8859-").or_else(|| loosely_after(name, "iso8859-")) {
        return listed(SINGLE_BYTE_ISO_8859, part);
    }
    if let Some(page) = loosely_after(name, "windows-").or_else(|| loosely_after(name, "cp")) {
        return listed(SINGLE_BYTE_CODE_PAGES, page);
    }
    listed(SINGLE_BYTE_NAMES, name)
}

/// A byte of a charset name as readers compare names: ASCII case ignored, and
/// `_` read as `-` (ANSI_X3.4-1968 / ansi-x3.4-1968).
fn loose(b: u8) -> u8 {
    if b == b'_' { b'-' } else { b.to_ascii_lowercase() }
}

/// Whether the charset name `name` is `known`, compared loosely (`loose`), a
/// byte at a time, without a copy of either (a subject may hold 100,000
/// encoded words, each naming its charset).
fn loosely_is(name: &[u8], known: &str) -> bool {
    known.len() == name.len() && known.bytes().zip(name).all(|(k, &n)| loose(k) == loose(n))
}

/// The rest of the charset name `name` after `prefix`, when it starts with it (loosely, `loosely_is`).
fn loosely_after<'n>(name: &'n [u8], prefix: &str) -> Option<&'n [u8]> {
    let (head, rest) = name.split_at_checked(prefix.len())?;
    loosely_is(head, prefix).then_some(rest)
}

/// Whether `name` is a character set mail readers decode (compared loosely, `loosely_is`):
/// one of `KNOWN_CHARSETS` or a label mail-parser decodes (`x-mac-cyrillic`,
/// `iso8859-5`, `windows-949`…), and none of the `REPLACEMENT_LABELS`.
pub fn is_known_charset(name: &str) -> bool {
    // Readers match names loosely: case, and `_` for `-` (`loosely_is`).
    let wanted = name.trim().as_bytes();
    let is = |known: &&str| loosely_is(wanted, known);
    if REPLACEMENT_LABELS.iter().any(is) {
        return false;
    }
    KNOWN_CHARSETS.iter().any(is) || decodable(wanted)
}

/// Whether mail-parser has a decoder for the label `name` (it lowers the case
/// and reads `-` as `_`, as readers do).
fn decodable(name: &[u8]) -> bool {
    !name.is_empty()
        && name.len() <= MAX_DECODER_LABEL
        && mail_parser::decoders::charsets::map::charset_decoder(name).is_some()
}

/// Whether text in a charset a reader does not know would show other than as
/// written: a byte past ASCII, or the escapes and shifts of the 7-bit encodings
/// (ESC, SO and SI of ISO 2022, RFC 1468 and RFC 1557; `~{` of HZ, RFC 1843).
/// Plain ASCII reads the same whatever charset the reader falls back to.
pub fn needs_its_charset(bytes: &[u8]) -> bool {
    !bytes.is_ascii()
        || memchr::memchr3(0x1b, 0x0e, 0x0f, bytes).is_some()
        || memchr::memmem::find(bytes, b"~{").is_some()
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
            let listed = |list: &[&str]| list.iter().any(|known| known.replace('_', "-") == wanted);
            !listed(REPLACEMENT_LABELS) && (listed(KNOWN_CHARSETS) || decodable(name.trim().as_bytes()))
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
    fn single_byte_names_are_matched_as_by_the_lowercase_copy_before() {
        // The normaliser before: a lowercase copy of the name with `_` for `-`.
        let copied = |name: &str| {
            let name: String = name
                .split('*')
                .next()
                .unwrap_or_default()
                .trim()
                .chars()
                .map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() })
                .collect();
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
        };
        let mut names: Vec<String> = KNOWN_CHARSETS.iter().map(|k| k.to_string()).collect();
        names.extend(KNOWN_CHARSETS.iter().map(|k| format!(" {}*fr ", k.to_ascii_uppercase().replace('-', "_"))));
        names.extend(KNOWN_CHARSETS.iter().map(|k| format!("{k}x")));
        names.extend(KNOWN_CHARSETS.iter().map(|k| k[..k.len() - 1].to_string()));
        let odd = [
            "", " ", "*", "ISO_8859_8_I", "Iso8859-16", "CP_1250", "windows_874", "cp", "iso-8859-", "iso-8859-12", "cp1250x",
            "\u{a0}latin1\u{a0}", "l\u{131}n1", "KOI8_R", "TIS_620*pl", "iso-8859-\u{661}", "\u{130}BM850",
        ];
        names.extend(odd.map(String::from));
        let mut single = 0;
        for name in &names {
            assert_eq!(single_byte(name), copied(name), "{name:?}");
            single += usize::from(single_byte(name));
        }
        assert!(single > 60, "the single-byte names of the table, in every spelling: {single}");
    }

    #[test]
    fn labels_mail_parser_decodes_are_known_and_the_replacement_ones_are_not() {
        for name in ["x-mac-cyrillic", "ISO8859-5", "windows-949", "cp936", "ks_c_5601-1989", "latin-9", "csisolatin2"] {
            assert!(is_known_charset(name), "{name}: mail-parser decodes it");
        }
        for name in ["hz-gb-2312", "HZ-GB-2312", "iso-2022-kr", "ISO_2022_CN", "iso-2022-cn-ext", "csiso2022kr", "replacement"] {
            assert!(!is_known_charset(name), "{name}: a WHATWG replacement label");
        }
        for name in ["cp950", "x-unknown", "default", "chinesebig5", "", "extended_unix_code_packed_format_for_japanese-x"] {
            assert!(!is_known_charset(name), "{name}");
        }
        assert!(is_known_charset("extended_unix_code_packed_format_for_japanese"), "the longest label");
    }

    #[test]
    fn the_code_page_names_mail_parser_lacks_decode_as_their_encodings() {
        // Still reported as unknown where no reader built on the WHATWG labels knows
        // them (`is_known_charset`), but read as text by the rules.
        for name in ["cp950", "MS950", "x-windows-950", "cp932", "CP949", "x_windows_949", "uhc", "cp874"] {
            assert!(decoder(name.as_bytes()).is_some(), "{name}");
        }
        assert_eq!(decode_in("cp950", b"\xba\xf1\xaf\xf9").as_deref(), Some("\u{7da0}\u{8336}"));
        assert_eq!(decode_in("CP932", b"\x83A\x83N").as_deref(), Some("\u{30a2}\u{30af}"));
        assert_eq!(decode_in("cp949", b"\xb1\xd7").as_deref(), Some("\u{adf8}"));
        assert_eq!(decode_in("cp874", b"\xa1").as_deref(), Some("\u{e01}"));
        // The aliases name what they name, whole: no prefix of one, no other code page.
        for name in ["cp95", "cp9500", "cp951", "windows-951"] {
            assert!(decoder(name.as_bytes()).is_none(), "{name}");
        }
    }

    #[test]
    fn text_needs_its_charset_past_ascii_or_with_the_shifts_of_7_bit_encodings() {
        assert!(!needs_its_charset(b"Plain text, 100 % ASCII ~ tilde {braces}"));
        assert!(needs_its_charset("Caf\u{e9}".as_bytes()));
        assert!(needs_its_charset(b"Caf\xe9"));
        assert!(needs_its_charset(b"\x1b$B$3$s$K$A$O\x1b(B"), "ISO-2022-JP");
        assert!(needs_its_charset(b"\x0e!!\x0f"), "ISO-2022-KR shifts");
        assert!(needs_its_charset(b"~{<:Ky2;S{#,NpJ)l6HK!#~}"), "HZ");
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
