//! Character set names readers know (the IANA registry's common entries and
//! their aliases, as mail clients and mail-parser decode them). A name outside
//! this list is reported, not refused: the reader may still show garbage.

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

/// Whether `name` is a character set mail readers decode (case-insensitive).
pub fn is_known_charset(name: &str) -> bool {
    // Readers match names loosely: case, and `_` for `-` (ANSI_X3.4-1968 / ansi-x3.4-1968).
    let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
    KNOWN_CHARSETS.iter().any(|known| known.replace('_', "-") == wanted)
}
