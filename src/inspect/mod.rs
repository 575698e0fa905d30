//! Content inspection of attachments: what a file is by its name and by its
//! bytes, what archives, disk images and documents hold (read through their
//! directories, never unpacked blindly), within named limits of depth, entry
//! count, inflated bytes and compression ratio.
//!
//! This layer takes bytes, names and declared types, and knows nothing of the
//! message: `model` calls `inspect_file` once per attachment while it analyses
//! the message, and the `attachment/*` rules read the facts found here.

pub mod active;
pub mod bytes;
pub mod containers;
mod eml;
pub mod expected;
pub mod inflate;
pub mod iso9660;
pub mod magic;
pub mod names;
pub mod ole2;
pub mod ole_object;
pub mod parser_guard;
pub mod onenote;
pub mod rar;
pub mod sevenzip;
pub mod smuggling;
pub mod tar;
pub mod tnef;
pub mod uuencode;
mod walk;
mod walk_archives;
mod walk_documents;
mod walk_embedded;
pub mod xls;
pub mod zip;

use names::NameTrick;
pub use walk::{inspect_named, is_page_by_name_or_type, name_facts};

/// Separator of the levels of a path inside archives: `invoice.zip > docs/run.exe`.
pub const PATH_SEPARATOR: &str = " > ";

/// The limits of one inspection (from the options' attachment thresholds).
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Archive levels opened (an attachment's entries are level 1).
    pub max_depth: usize,
    /// Archive entries listed per attachment, all levels together.
    pub max_entries: usize,
    /// Bytes inflated or copied out of containers per message, all attachments
    /// together (a message of many small bombs must not multiply it).
    pub max_inflated_bytes: u64,
    /// Largest inflated/compressed ratio of an entry …
    pub max_compression_ratio: u64,
    /// … once it inflates to more than this many bytes.
    pub compression_ratio_min_bytes: u64,
    /// Extensions (lowercase, no dot) that run code: the default list is
    /// shared for the process, a caller's own list is owned.
    pub executable_extensions: std::borrow::Cow<'static, [String]>,
    /// Extensions the host blocks although they run nothing (the guides: XLSX, XML).
    pub blocked_extensions: std::borrow::Cow<'static, [String]>,
}

/// A limit that stopped the inspection of an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Depth,
    Entries,
    InflatedBytes,
    CompressionRatio,
    /// `MAX_FACTS_PER_MESSAGE` facts were recorded; later ones were dropped.
    Facts,
    /// The message's reads of entries whole only to look further
    /// (`walk::MAX_LOOK_FURTHER_BYTES`) were spent: an entry that would have
    /// been read whole was judged by its first bytes.
    LookFurther,
}

/// Most facts recorded for one message, all attachments together (default,
/// ours): rules report at most 50 findings each, and each fact holds a path, so
/// an archive of 10⁵ entries with a long name must not become 10⁵ long strings.
pub const MAX_FACTS_PER_MESSAGE: usize = 10_000;

/// Longest name shown in a path, in characters (default, ours: file systems cap
/// a name at 255); longer ones are shortened in the middle, keeping the extension.
pub const MAX_NAME_CHARS: usize = 255;

/// Bytes of archive entry names kept for a message, all attachments together
/// (ours: 1 MiB; an archive of 10⁵ entries with names of 64 KiB, which ZIP allows,
/// must not become 6 GB of strings); later names are not kept, their facts still are.
pub const MAX_ENTRY_NAME_BYTES: usize = 1024 * 1024;

/// What the inspection of one message has spent so far, shared by its attachments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spent {
    /// Bytes inflated or copied out of containers.
    pub inflated: u64,
    /// Bytes read out of containers only to look at an entry whole (`MAX_LOOK_FURTHER_BYTES`).
    pub looked_further: u64,
    /// Facts recorded.
    pub facts: usize,
    /// The names of the entries the last inspected attachment's containers list
    /// (every level, as written in the container), for the caller to take.
    pub entry_names: Vec<String>,
    /// Bytes of entry names kept so far (`MAX_ENTRY_NAME_BYTES`).
    pub entry_name_bytes: usize,
}

/// How a document shows it carries macros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MacroSign {
    /// A macro-enabled Office extension (`docm`, `xlsm`, …).
    Extension(String),
    /// An OLE2 storage or stream of a VBA project (`_VBA_PROJECT_CUR`, `Macros`, `VBA`).
    VbaStorage(String),
    /// An OOXML package holding a `vbaProject.bin` part.
    VbaProjectPart,
    /// An OOXML package with Excel 4.0 macro sheets (`xl/macrosheets/`).
    MacroSheets,
    /// `[Content_Types].xml` declares a macro-enabled main part.
    MacroEnabledContentType,
    /// An OpenDocument package with a LibreOffice Basic module (`Basic/<library>/<module>.xml`)
    /// or a script (`Scripts/…`, Python, JavaScript or BeanShell).
    OdfMacros,
    /// A legacy workbook (BIFF8) whose sheet list holds an Excel 4.0 macro sheet.
    Excel4MacroSheet { sheet: String, very_hidden: bool },
    /// An ActiveMime object (`editdata.mso`, the bytes `ActiveMime` or their base64
    /// `QWN0aXZlTWltZQ`): how a Word 2003 XML document (`w:binData`) or a single-file
    /// web page (MHTML) saved by Office carries its VBA project (olevba reads both).
    ActiveMime,
}

/// How an archive's directories disagree with themselves: readers that trust
/// one part (filters read the central directory, streaming extractors the local
/// headers) see different files, which is what such archives are built for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inconsistency {
    /// The local header names the entry differently from the central directory.
    NameMismatch { local: String, central: String },
    /// The central directory's Unicode Path field (APPNOTE §4.6.9, with a
    /// matching CRC) names the entry with another extension than its header:
    /// 7-Zip and Info-ZIP unzip write the Unicode name.
    UnicodePathMismatch { unicode: String, header: String },
    /// An entry the local headers hold that the central directory does not list.
    UnlistedEntry,
    /// Entries whose bytes overlap other entries' (the non-recursive zip bomb
    /// construction); they are not inflated again.
    OverlappingEntries { count: u64 },
    /// Bytes before the archive that are not a self-extractor's program
    /// (`host` is the format they have, when recognised).
    PrependedData { bytes: u64, host: Option<&'static str> },
}

/// Something the inspection found about one file, at one path.
#[derive(Debug, Clone, PartialEq)]
pub enum FactKind {
    /// The name's real extension runs code.
    ExecutableName {
        extension: String,
        group: &'static str,
    },
    /// The content is a program, a script or a disk image, whatever the name says
    /// (`Format::key`, or `windows-installer`).
    ExecutableContent {
        format: &'static str,
    },
    /// The declared type is a program's or a script's (`names::EXECUTABLE_TYPES`),
    /// whatever the name and the content say.
    ExecutableType {
        declared: String,
    },
    MacroDocument(MacroSign),
    /// XLSX or XML by name, or an Excel workbook by content.
    BlockedType {
        what: String,
    },
    DeceptiveName(NameTrick),
    /// The declared type (`application/pdf`) or extension (`.pdf`) is not what the content is.
    TypeMismatch {
        declared: String,
        detected: &'static str,
    },
    /// An encrypted archive entry (`ZIP`, `RAR`, `7z`) or a password-protected
    /// Office document; `names_hidden` when even the list of files is encrypted.
    Encrypted {
        container: &'static str,
        names_hidden: bool,
    },
    /// A format whose content cannot be read here, with the names its directory gives.
    Uninspectable {
        format: String,
        names: Vec<String>,
    },
    LimitReached {
        limit: Limit,
        value: u64,
        max: u64,
    },
    Inconsistent(Inconsistency),
    /// A web page that rebuilds a file from a base64 string and offers it for download.
    HtmlSmuggling {
        blob_bytes: u64,
        signals: Vec<&'static str>,
    },
    /// A page that asks for a password or redirects, or an SVG picture that
    /// scripts or draws a form (`active::detect`).
    ActivePage {
        signs: Vec<active::ActiveSign>,
        svg: bool,
    },
}

/// A fact and where it is: the path from the attachment's name down into archives.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub path: String,
    pub kind: FactKind,
}

/// Inspects one file: `name` as the sender gave it, the declared MIME type, its
/// decoded bytes. Paths start from the name as shown (`visible_name`).
pub fn inspect_file(name: Option<&str>, declared_type: Option<&str>, bytes: &[u8], limits: &Limits) -> Vec<Fact> {
    let shown = name.map(shown_name).unwrap_or_else(|| "attachment".to_string());
    inspect_named(&shown, name, declared_type, bytes, limits, &mut Spent::default())
}

/// A name with its hiding characters shown as `<U+202E>`, so evidence reads in
/// the order the bytes are, not the order a bidi override draws them.
pub fn visible_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if names::is_hiding_char(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters `c` takes in `visible_name`'s output: one, or `<U+`, its hex
/// digits (at least four) and `>`.
fn visible_width(c: char) -> usize {
    if !names::is_hiding_char(c) {
        return 1;
    }
    let digits = (u32::BITS - (c as u32 | 1).leading_zeros()).div_ceil(4) as usize;
    4 + digits.max(4)
}

/// A name as paths show it: hiding characters made visible, at most `MAX_NAME_CHARS`.
/// Reads only as far into the name as the shown characters reach from each end:
/// an image's path of thousands of bytes had been made visible whole for each of
/// its files (two thirds of the lint of an ISO image of 4 KB paths).
pub fn shown_name(name: &str) -> String {
    let mut count = 0usize;
    let fits = name.chars().all(|c| {
        count += visible_width(c);
        count <= MAX_NAME_CHARS
    });
    if fits {
        return visible_name(name);
    }
    let keep = (MAX_NAME_CHARS - 1) / 2;
    // The shortest prefix and suffix of the name that show `keep` characters each;
    // `visible_name` maps each character alone, so theirs are the output's ends.
    let (mut head_end, mut shown) = (0usize, 0usize);
    for (at, c) in name.char_indices() {
        if shown >= keep {
            break;
        }
        shown += visible_width(c);
        head_end = at + c.len_utf8();
    }
    let (mut tail_start, mut shown) = (name.len(), 0usize);
    for (at, c) in name.char_indices().rev() {
        if shown >= keep {
            break;
        }
        shown += visible_width(c);
        tail_start = at;
    }
    let head: String = visible_name(&name[..head_end]).chars().take(keep).collect();
    let tail_visible = visible_name(&name[tail_start..]);
    let tail_count = tail_visible.chars().count();
    let tail: String = tail_visible.chars().skip(tail_count - keep).collect();
    format!("{head}…{tail}")
}

fn join(parent: &str, child: &str) -> String {
    let child = shown_name(child);
    if parent.is_empty() {
        child
    } else {
        format!("{parent}{PATH_SEPARATOR}{child}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole-name reading `shown_name` had: every character made visible,
    /// then the middle cut.
    fn shown_whole(name: &str) -> String {
        let visible = visible_name(name);
        let count = visible.chars().count();
        if count <= MAX_NAME_CHARS {
            return visible;
        }
        let keep = (MAX_NAME_CHARS - 1) / 2;
        let head: String = visible.chars().take(keep).collect();
        let tail: String = visible.chars().skip(count - keep).collect();
        format!("{head}…{tail}")
    }

    /// SplitMix64, a fixed sequence.
    fn splitmix64(mut x: u64) -> u64 {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }

    #[test]
    fn visible_width_is_what_visible_name_writes() {
        for c in ['a', 'é', '😀', '\u{0}', '\u{1f}', '\u{7f}', '\u{61c}', '\u{202e}', '\u{2069}', '\u{feff}', '\u{10ffff}'] {
            assert_eq!(visible_width(c), visible_name(&c.to_string()).chars().count(), "{c:?}");
        }
    }

    /// Names around the cut (each end may stop inside a `<U+…>`), of every kind
    /// of character, the same as the whole-name reading.
    #[test]
    fn shown_name_reads_the_ends_like_the_whole_name() {
        let alphabet = ['a', '.', 'é', '😀', '\u{0}', '\u{b}', '\u{202e}', '\u{200b}', '\u{feff}', '/'];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut checked_cut = 0;
        for round in 0..3_000 {
            state = splitmix64(state);
            let len = (state % 700) as usize;
            // Some names of one hiding character only, so both ends land in its expansions.
            let hiding_only = round % 7 == 0;
            let name: String = (0..len)
                .map(|i| {
                    let pick = splitmix64(state ^ i as u64);
                    if hiding_only { '\u{202e}' } else { alphabet[(pick % alphabet.len() as u64) as usize] }
                })
                .collect();
            let expected = shown_whole(&name);
            checked_cut += usize::from(expected.contains('…'));
            assert_eq!(shown_name(&name), expected, "{name:?}");
        }
        assert!(checked_cut > 1_000, "too few names were cut: {checked_cut}");
        for n in [MAX_NAME_CHARS - 1, MAX_NAME_CHARS, MAX_NAME_CHARS + 1] {
            let name = "x".repeat(n);
            assert_eq!(shown_name(&name), shown_whole(&name));
        }
    }
}
