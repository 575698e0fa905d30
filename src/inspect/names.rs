//! What a file name says: its real extension once the tricks that hide it are
//! undone, and which family that extension belongs to.

/// What an extension means for the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExtensionClass {
    /// Runs code when opened (`attachment/executable`).
    Executable,
    /// An Office format made to carry macros (`attachment/macro-document`).
    MacroDocument,
    /// Harmless data the guides still list as blocked: XLSX, XML (`attachment/blocked-type`).
    Blocked,
    /// An archive or compressed file.
    Archive,
    /// A document or picture a reader expects to open safely: the decoy in a
    /// double extension such as `invoice.pdf.exe`.
    Decoy,
}

/// A named group of extensions.
#[derive(Debug, Clone, Copy)]
pub struct ExtensionGroup {
    /// Stable group name shown in findings.
    pub name: &'static str,
    pub class: ExtensionClass,
    pub extensions: &'static [&'static str],
}

/// The extension table. The guides name EXE, BAT, PIF, XML, XLSX and documents
/// with macros, "even zipped"; the other executable groups are the families mail
/// filters block with them (the broad executable and script family of issue 5).
pub const EXTENSION_GROUPS: &[ExtensionGroup] = &[
    // Windows programs and libraries: machine code that runs when opened or loaded.
    ExtensionGroup {
        name: "windows-program",
        class: ExtensionClass::Executable,
        extensions: &["exe", "com", "scr", "pif", "dll", "cpl", "ocx", "sys", "drv", "efi"],
    },
    // Windows installers: they run an installation with the user's rights.
    ExtensionGroup {
        name: "installer",
        class: ExtensionClass::Executable,
        extensions: &["msi", "msp", "mst", "msix", "msixbundle", "appx", "appxbundle", "application", "appref-ms"],
    },
    // Windows scripts run by cmd, PowerShell or Windows Script Host on double click.
    ExtensionGroup {
        name: "windows-script",
        class: ExtensionClass::Executable,
        extensions: &[
            "bat", "cmd", "ps1", "psm1", "psd1", "ps1xml", "vbs", "vbe", "js", "jse", "wsf", "wsh", "wsc", "hta",
            "sct", "msc", "scf", "inf", "reg", "gadget",
        ],
    },
    // Shortcuts that launch a command or a remote program.
    ExtensionGroup {
        name: "shortcut",
        class: ExtensionClass::Executable,
        extensions: &["lnk", "url", "settingcontent-ms", "library-ms", "search-ms"],
    },
    // Java and other cross-platform programs.
    ExtensionGroup { name: "java", class: ExtensionClass::Executable, extensions: &["jar", "jnlp", "class"] },
    // Unix and macOS programs, scripts and packages.
    ExtensionGroup {
        name: "unix-macos",
        class: ExtensionClass::Executable,
        extensions: &["sh", "bash", "csh", "ksh", "command", "app", "pkg", "dmg", "run", "apk"],
    },
    // Disk images: Windows mounts them as a drive on double click, which is used to
    // smuggle programs past the "downloaded from the Internet" warning.
    ExtensionGroup {
        name: "disk-image",
        class: ExtensionClass::Executable,
        extensions: &["iso", "img", "vhd", "vhdx"],
    },
    // Office formats that exist to carry VBA or Excel 4 macros (the guides: "documents with macros").
    ExtensionGroup {
        name: "macro-document",
        class: ExtensionClass::MacroDocument,
        extensions: &["docm", "dotm", "xlsm", "xltm", "xlam", "xla", "xlm", "pptm", "potm", "ppam", "ppsm", "sldm"],
    },
    // Data formats the guides list as blocked although they run nothing.
    ExtensionGroup { name: "blocked-data", class: ExtensionClass::Blocked, extensions: &["xlsx", "xml"] },
    // Archives and compressed files: their content is inspected when the format can be read.
    ExtensionGroup {
        name: "archive",
        class: ExtensionClass::Archive,
        extensions: &[
            "zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "tbz2", "xz", "txz", "zst", "cab", "arj", "lzh", "ace",
        ],
    },
    // Documents and pictures people open without a second thought.
    ExtensionGroup {
        name: "document",
        class: ExtensionClass::Decoy,
        extensions: &[
            "pdf", "doc", "docx", "xls", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv", "jpg", "jpeg", "png",
            "gif", "bmp", "tif", "tiff", "mp3", "mp4", "avi", "mov", "wav", "htm", "html",
        ],
    },
];

/// The group of an extension (lowercase, without dot): the first that lists it.
pub fn group_of(extension: &str) -> Option<&'static ExtensionGroup> {
    // Looked up in a table made once (the groups' lists, searched one after
    // the other, were compared with each name of every attachment and archive
    // entry: a tenth of a message of thousands of attachments, #14).
    static GROUPS: std::sync::OnceLock<crate::hash::FastMap<&'static str, &'static ExtensionGroup>> = std::sync::OnceLock::new();
    let groups = GROUPS.get_or_init(|| {
        let mut groups = crate::hash::FastMap::default();
        for group in EXTENSION_GROUPS {
            for &listed in group.extensions {
                groups.entry(listed).or_insert(group);
            }
        }
        groups
    });
    groups.get(extension).copied()
}

/// The reference block list of a major mail provider: Gmail's "File types
/// blocked in Gmail" (the data file names its source and date).
const GMAIL_BLOCKED_TYPES: &str = include_str!("data/gmail-blocked-types.txt");

/// Group name of the extensions only Gmail's list names (no group of ours holds them).
pub const GMAIL_BLOCKED_GROUP: &str = "gmail-blocked";

/// The extensions of a block list data file: one a line, `#` comments.
fn listed_extensions(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The extensions Gmail refuses as attachments, zipped or not, in the data file's order.
pub fn gmail_blocked_extensions() -> impl Iterator<Item = &'static str> {
    listed_extensions(GMAIL_BLOCKED_TYPES)
}

// Each list is parsed once for the process (constant data, not a per-message
// cache): names are checked for every archive entry.
static GMAIL_LISTED: std::sync::OnceLock<crate::hash::FastSet<&'static str>> = std::sync::OnceLock::new();
static OUTLOOK_LISTED: std::sync::OnceLock<crate::hash::FastSet<&'static str>> = std::sync::OnceLock::new();

pub fn is_gmail_blocked(extension: &str) -> bool {
    GMAIL_LISTED.get_or_init(|| gmail_blocked_extensions().collect()).contains(extension)
}

/// The block lists of Outlook: OWA's default BlockedFileTypes and the types
/// "Blocked attachments in Outlook" adds (the data file names its sources).
const OUTLOOK_BLOCKED_TYPES: &str = include_str!("data/outlook-blocked-types.txt");

/// Group name of the extensions only Outlook's lists name (neither ours nor Gmail's).
pub const OUTLOOK_BLOCKED_GROUP: &str = "outlook-blocked";

/// The extensions Outlook blocks, in the data file's order.
pub fn outlook_blocked_extensions() -> impl Iterator<Item = &'static str> {
    listed_extensions(OUTLOOK_BLOCKED_TYPES).filter(|extension| !OUTLOOK_DATA_TYPES.contains(extension))
}

/// Types Outlook's lists block that hold no program a click runs: certificates
/// (.cer .crt .der: X.509 data), a mail store and web archives (.pst .mht .mhtml),
/// temporary files (.tmp), an Outlook profile (.prf) and help contents (.cnt).
/// Outlook hides them, but honest senders attach them and they are no
/// executable, the rule's reason: not reported as one (ours).
const OUTLOOK_DATA_TYPES: &[&str] = &["cer", "crt", "der", "pst", "mht", "mhtml", "tmp", "prf", "cnt"];

pub fn is_outlook_blocked(extension: &str) -> bool {
    OUTLOOK_LISTED.get_or_init(|| outlook_blocked_extensions().collect()).contains(extension)
}

/// The name of the group that makes an extension run code: one of ours, else
/// `gmail-blocked` when only Gmail's list names it, else `outlook-blocked`.
pub fn executable_group(extension: &str) -> Option<&'static str> {
    match group_of(extension) {
        Some(group) if group.class == ExtensionClass::Executable => Some(group.name),
        _ if is_gmail_blocked(extension) => Some(GMAIL_BLOCKED_GROUP),
        _ if is_outlook_blocked(extension) => Some(OUTLOOK_BLOCKED_GROUP),
        _ => None,
    }
}

/// The default list of extensions that run code: every executable group of ours
/// and every type Gmail (`.cab`, `.chm`, `.xll`, …) or Outlook (`.bas`, `.py`,
/// `.xbap`, …) blocks, once each.
pub fn default_executable_extensions() -> Vec<String> {
    let ours = EXTENSION_GROUPS.iter().filter(|g| g.class == ExtensionClass::Executable);
    let listed = gmail_blocked_extensions().chain(outlook_blocked_extensions());
    // In order of first appearance, each once (a set of those seen: the lists
    // hold some 300 extensions; our own data, hashed with FxHash: SipHash was
    // 1.2 ms of a first lint in Node, `crate::hash`).
    let mut seen = crate::hash::FastSet::default();
    ours.flat_map(|g| g.extensions.iter().copied()).chain(listed).filter(|e| seen.insert(*e)).map(str::to_string).collect()
}

/// Declared MIME types that say "program or script", and the extension each
/// stands for (`None`: a program format with no extension of its own). A file
/// declared so is saved and run as one by the clients and systems that map
/// types to programs, whatever its name (SPEC §2 `attachment/executable`:
/// "declared type"). A type whose extension a caller removes from
/// `attachments.executableExtensions` is no longer one.
/// Sources: IANA media types (application/vnd.microsoft.portable-executable),
/// mime-db / Apache mime.types (x-msdownload: exe dll com bat msi; x-sh; x-csh;
/// hta; x-ms-application; java-archive: jar), Debian /etc/mime.types
/// (x-msdos-program: com exe bat dll; x-msi), file(1)'s magic (x-dosexec,
/// x-executable, x-pie-executable, x-mach-binary, text/x-shellscript),
/// freedesktop shared-mime-info (x-ms-dos-executable, x-shellscript,
/// x-mach-o-executable, x-ms-shortcut, x-bat), and the batch type Windows
/// registers (application/bat).
pub const EXECUTABLE_TYPES: &[(&str, Option<&str>)] = &[
    ("application/vnd.microsoft.portable-executable", Some("exe")),
    ("application/x-msdownload", Some("exe")),
    ("application/x-msdos-program", Some("exe")),
    ("application/x-ms-dos-executable", Some("exe")),
    ("application/x-dosexec", Some("exe")),
    ("application/x-winexe", Some("exe")),
    ("application/x-msi", Some("msi")),
    ("application/x-ms-installer", Some("msi")),
    ("application/x-bat", Some("bat")),
    ("application/bat", Some("bat")),
    ("application/x-msdos-batch", Some("bat")),
    ("application/hta", Some("hta")),
    ("application/x-ms-shortcut", Some("lnk")),
    ("application/x-ms-application", Some("application")),
    ("application/java-archive", Some("jar")),
    ("application/x-java-archive", Some("jar")),
    ("application/x-sh", Some("sh")),
    ("application/x-shellscript", Some("sh")),
    ("text/x-shellscript", Some("sh")),
    ("text/x-sh", Some("sh")),
    ("application/x-csh", Some("csh")),
    ("application/x-executable", None),
    ("application/x-pie-executable", None),
    ("application/x-elf", None),
    ("application/x-mach-binary", None),
    ("application/x-mach-o-executable", None),
];

/// The entry of `EXECUTABLE_TYPES` of a declared type (compared without
/// parameters, case and surrounding white space).
pub fn executable_type(declared: &str) -> Option<(&'static str, Option<&'static str>)> {
    let bare = declared.split(';').next().unwrap_or_default().trim();
    EXECUTABLE_TYPES.iter().copied().find(|(t, _)| t.eq_ignore_ascii_case(bare))
}

/// Characters that reorder or hide text: a name like `invoice\u{202e}fdp.exe`
/// shows as `invoiceexe.pdf` (Unicode bidirectional algorithm, UAX #9), and the
/// C0 controls other than white space, which no file name may hold on Windows
/// ("Naming Files, Paths, and Namespaces": characters 1 through 31 are invalid)
/// and which show as nothing.
pub fn is_hiding_char(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' // C0 controls and DEL
            | '\u{202a}'..='\u{202e}' // LRE, RLE, PDF, LRO, RLO
            | '\u{2066}'..='\u{2069}' // LRI, RLI, FSI, PDI
            | '\u{200e}' | '\u{200f}' | '\u{061c}' // LRM, RLM, ALM
            | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' // zero-width characters
    )
}

/// Most spaces a name may have in a row before its last dot before we call it
/// padding that pushes the real extension out of view (`invoice.pdf      .exe`).
pub const MAX_PADDING_SPACES: usize = 4;

/// A way a name hides its real extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameTrick {
    /// Bidirectional or zero-width control characters (with their code points, e.g. `U+202E`).
    HiddenCharacters(String),
    /// Dots or spaces after the extension, which Windows drops when it saves the file.
    TrailingDotsOrSpaces,
    /// A decoy extension before the real one (`pdf` in `invoice.pdf.exe`).
    DoubleExtension(String),
    /// A run of spaces pushing the real extension out of view.
    Padding,
    /// A NUL character, where C strings and Windows end the name: the name
    /// kept (`run.vbs` of `run.vbs\0.txt`).
    CutAtNul(String),
}

/// What a file name says once normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameFacts {
    /// The name as Windows would save it: hiding characters removed, trailing
    /// dots and spaces dropped.
    pub effective: String,
    /// Lowercase extension of `effective`, without the dot.
    pub extension: Option<String>,
    pub tricks: Vec<NameTrick>,
}

/// Analyses the last component of a name (archive entries pass their full path).
pub fn analyse(name: &str) -> NameFacts {
    let leaf = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut tricks = Vec::new();
    // What a C string or a Windows file name keeps of a name with a NUL: what comes before it.
    let leaf = match leaf.split_once('\0') {
        Some((kept, _)) => {
            tricks.push(NameTrick::CutAtNul(kept.to_string()));
            kept
        }
        None => leaf,
    };
    // The joiners (ZWJ, ZWNJ) join what a name shows: an emoji sequence (👨‍👩‍👧),
    // Persian or Indic letters. Between two such characters they hide nothing; in
    // the extension or against a dot they may (`run.e\u{200d}xe`), and count then.
    let chars: Vec<char> = leaf.chars().collect();
    let last_dot = chars.iter().rposition(|&c| c == '.');
    let hides = |k: usize| {
        let c = chars[k];
        if !matches!(c, '\u{200c}' | '\u{200d}') {
            return is_hiding_char(c);
        }
        let shown = |c: Option<&char>| c.is_some_and(|&c| c != '.' && !is_hiding_char(c) && !c.is_whitespace());
        let joins = shown(k.checked_sub(1).and_then(|p| chars.get(p))) && shown(chars.get(k + 1));
        !joins || last_dot.is_some_and(|dot| k > dot)
    };
    let hidden: Vec<String> =
        (0..chars.len()).filter(|&k| hides(k)).map(|k| format!("U+{:04X}", chars[k] as u32)).collect();
    if !hidden.is_empty() {
        let mut codes = hidden;
        codes.dedup();
        tricks.push(NameTrick::HiddenCharacters(codes.join(" ")));
    }
    let cleaned: String = (0..chars.len()).filter(|&k| !hides(k)).map(|k| chars[k]).collect();
    let effective = cleaned.trim_end_matches(['.', ' ']).to_string();
    let extension = effective
        .rsplit_once('.')
        .map(|(_, ext)| ext.trim().to_ascii_lowercase())
        .filter(|ext| !ext.is_empty() && ext.len() <= 24);
    // Dropped dots and spaces are a trick when they hide an extension (`run.exe.`):
    // a name cut short with "..." (Email::MIME's ASCII fallback of a long RFC 2231
    // name, `w marcu ...`) reveals none once Windows drops them.
    let revealed = extension.as_deref().is_some_and(|e| group_of(e).is_some() || executable_group(e).is_some());
    if effective.len() != cleaned.len() && !effective.is_empty() && revealed {
        tricks.push(NameTrick::TrailingDotsOrSpaces);
    }
    if let Some((stem, _)) = effective.rsplit_once('.') {
        if stem.ends_with(&" ".repeat(MAX_PADDING_SPACES + 1)) {
            tricks.push(NameTrick::Padding);
        }
        let decoy = stem.rsplit_once('.').map(|(_, ext)| ext.trim().to_ascii_lowercase());
        let real_is_dangerous = extension.as_deref().is_some_and(|e| {
            executable_group(e).is_some() || group_of(e).is_some_and(|g| g.class == ExtensionClass::MacroDocument)
        });
        if let Some(decoy) = decoy {
            if real_is_dangerous && group_of(&decoy).is_some_and(|g| g.class == ExtensionClass::Decoy) {
                tricks.push(NameTrick::DoubleExtension(decoy));
            }
        }
    }
    NameFacts { effective, extension, tricks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extension_is_in_the_first_group_that_lists_it() {
        let others = ["", "zzz", "EXE", "exe.", "tar.gz", "ex", "docm ", "xll", "py"];
        for extension in EXTENSION_GROUPS.iter().flat_map(|g| g.extensions.iter().copied()).chain(others) {
            let first = EXTENSION_GROUPS.iter().find(|g| g.extensions.contains(&extension));
            assert_eq!(group_of(extension).map(|g| g.name), first.map(|g| g.name), "{extension:?}");
        }
        for extension in gmail_blocked_extensions().chain(outlook_blocked_extensions()).chain(others) {
            assert_eq!(is_gmail_blocked(extension), gmail_blocked_extensions().any(|e| e == extension), "{extension:?}");
            assert_eq!(is_outlook_blocked(extension), outlook_blocked_extensions().any(|e| e == extension), "{extension:?}");
        }
    }

    #[test]
    fn right_to_left_override_is_undone() {
        let facts = analyse("invoice\u{202e}fdp.exe");
        assert_eq!(facts.extension.as_deref(), Some("exe"));
        assert_eq!(facts.tricks, vec![NameTrick::HiddenCharacters("U+202E".into())]);
    }

    #[test]
    fn a_name_ends_at_a_nul_and_other_controls_are_hidden_characters() {
        let facts = analyse("run.vbs\0.txt");
        assert_eq!((facts.effective.as_str(), facts.extension.as_deref()), ("run.vbs", Some("vbs")));
        assert_eq!(facts.tricks, vec![NameTrick::CutAtNul("run.vbs".into())]);
        let facts = analyse("run.vbs\u{1}.txt");
        assert_eq!(facts.extension.as_deref(), Some("txt"));
        assert_eq!(facts.tricks, vec![NameTrick::HiddenCharacters("U+0001".into())]);
        assert!(analyse("long\tname.pdf").tricks.is_empty());
        // Joiners inside an emoji sequence or between letters join what is shown.
        for name in ["family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}.jpg", "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}.pdf"] {
            let facts = analyse(name);
            assert!(facts.tricks.is_empty(), "{name}: {:?}", facts.tricks);
            assert_eq!(facts.effective, name);
        }
        // In the extension, against a dot or at an end they hide: counted and dropped.
        for (name, effective) in [("run.e\u{200d}xe", "run.exe"), ("run\u{200d}.exe", "run.exe"), ("\u{200c}run.exe", "run.exe")] {
            let facts = analyse(name);
            assert!(matches!(facts.tricks.first(), Some(NameTrick::HiddenCharacters(_))), "{name}: {:?}", facts.tricks);
            assert_eq!(facts.effective, effective, "{name}");
        }
    }

    #[test]
    fn trailing_dots_and_spaces_are_dropped_like_windows_does() {
        let facts = analyse("run.exe. . ");
        assert_eq!(facts.effective, "run.exe");
        assert_eq!(facts.extension.as_deref(), Some("exe"));
        assert!(facts.tricks.contains(&NameTrick::TrailingDotsOrSpaces));
        assert!(analyse("report.pdf . .").tricks.contains(&NameTrick::TrailingDotsOrSpaces));
        // A name cut short with "..." hides no extension.
        for name in ["Faktura - zamowienie zlozone przez Zbigniewa Lukasiewicza w ma...", "notes v1.2 ...", "Budget 2026 . "] {
            assert!(analyse(name).tricks.is_empty(), "{name}");
        }
    }

    #[test]
    fn double_extension_needs_a_dangerous_real_extension() {
        assert!(analyse("invoice.pdf.exe").tricks.contains(&NameTrick::DoubleExtension("pdf".into())));
        assert!(analyse("backup.tar.gz").tricks.is_empty());
        assert!(analyse("report.v2.pdf").tricks.is_empty());
    }

    #[test]
    fn gmail_list_is_read_from_its_data_file() {
        let listed: Vec<&str> = gmail_blocked_extensions().collect();
        assert!(listed.contains(&"exe") && listed.contains(&"xll") && listed.contains(&"ex_"));
        assert!(listed.iter().all(|e| !e.starts_with('.') && *e == e.to_ascii_lowercase()));
        assert_eq!(executable_group("xll"), Some(GMAIL_BLOCKED_GROUP));
        assert_eq!(executable_group("exe"), Some("windows-program"));
        assert_eq!(executable_group("pdf"), None);
        let defaults = default_executable_extensions();
        assert!(listed.iter().all(|e| defaults.iter().any(|d| d == e)));
        assert!(analyse("invoice.pdf.chm").tricks.contains(&NameTrick::DoubleExtension("pdf".into())));
    }

    #[test]
    fn outlook_lists_are_read_from_their_data_file() {
        let listed: Vec<&str> = outlook_blocked_extensions().collect();
        // 115 types in the file, 9 of them data (OUTLOOK_DATA_TYPES).
        assert_eq!(listed.len(), 106);
        for data in ["cer", "crt", "der", "pst", "mht", "tmp"] {
            assert!(!listed.contains(&data) && executable_group(data).is_none(), "{data}");
        }
        let tester = ["msh", "ps2", "psc1", "hlp", "py", "pyw", "xbap", "ws", "shs", "bas", "pl", "vbp", "wsb", "xnk"];
        for extension in tester {
            assert!(listed.contains(&extension), "{extension}");
        }
        assert!(listed.iter().all(|e| !e.starts_with('.') && *e == e.to_ascii_lowercase()));
        assert_eq!(executable_group("vsmacros"), Some(OUTLOOK_BLOCKED_GROUP));
        // A type on several lists keeps the first group: ours, then Gmail's.
        assert_eq!(executable_group("exe"), Some("windows-program"));
        assert_eq!(executable_group("xll"), Some(GMAIL_BLOCKED_GROUP));
        let defaults = default_executable_extensions();
        assert!(listed.iter().all(|e| defaults.iter().any(|d| d == e)));
        let mut unique = defaults.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), defaults.len());
    }

    #[test]
    fn entry_paths_use_their_last_component() {
        assert_eq!(analyse("docs/run.exe").extension.as_deref(), Some("exe"));
        assert_eq!(analyse("docs.exe/readme").extension, None);
    }
}
