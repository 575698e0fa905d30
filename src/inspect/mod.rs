//! Content inspection of attachments: what a file is by its name and by its
//! bytes, what archives hold (read through their directories, never unpacked
//! blindly), within named limits of depth, entry count, inflated bytes and
//! compression ratio. The `attachment/*` rules read the facts found here.

pub mod containers;
pub mod inflate;
pub mod magic;
pub mod names;
pub mod ole2;
pub mod zip;

use crate::model::{Message, Part};
use magic::{Format, SNIFF_BYTES};
use names::{ExtensionClass, NameTrick};
use std::borrow::Cow;

/// Most bytes of `[Content_Types].xml` read from an Office package; real ones
/// are a few kilobytes.
pub const MAX_CONTENT_TYPES_BYTES: usize = 1_000_000;

/// Entries that make a ZIP a document or program package, whose XML parts are
/// the format itself, not attached XML: OOXML (ECMA-376 Part 2), ODF and EPUB
/// (`mimetype`, `META-INF/manifest.xml`, `META-INF/container.xml`), Java archives.
const PACKAGE_MARKERS: &[&str] =
    &["[Content_Types].xml", "mimetype", "META-INF/manifest.xml", "META-INF/container.xml", "META-INF/MANIFEST.MF"];

/// Separator of the levels of a path inside archives: `invoice.zip > docs/run.exe`.
pub const PATH_SEPARATOR: &str = " > ";

/// The limits of one inspection (from `AttachmentThresholds`).
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Archive levels opened (an attachment's entries are level 1).
    pub max_depth: usize,
    /// Archive entries listed per attachment, all levels together.
    pub max_entries: usize,
    /// Bytes inflated or copied out of archives per attachment.
    pub max_inflated_bytes: u64,
    /// Largest inflated/compressed ratio of an entry …
    pub max_compression_ratio: u64,
    /// … once it inflates to more than this many bytes.
    pub compression_ratio_min_bytes: u64,
    /// Extensions (lowercase, no dot) that run code.
    pub executable_extensions: Vec<String>,
    /// Extensions the host blocks although they run nothing (the guides: XLSX, XML).
    pub blocked_extensions: Vec<String>,
}

/// A limit that stopped the inspection of an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Depth,
    Entries,
    InflatedBytes,
    CompressionRatio,
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
}

/// Something the inspection found about one file, at one path.
#[derive(Debug, Clone, PartialEq)]
pub enum FactKind {
    /// The name's real extension runs code.
    ExecutableName {
        extension: String,
        group: &'static str,
    },
    /// The content is a program, whatever the name says (`Format::key`, or `windows-installer`).
    ExecutableContent {
        format: &'static str,
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
    /// An encrypted archive entry (`ZIP`) or a password-protected Office document.
    Encrypted {
        container: &'static str,
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
}

/// A fact and where it is: the path from the attachment's name down into archives.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub path: String,
    pub kind: FactKind,
}

/// The facts about one attachment (a MIME part).
#[derive(Debug, Clone, PartialEq)]
pub struct AttachmentFacts {
    pub part: usize,
    /// The attachment's name as shown in paths.
    pub name: String,
    pub facts: Vec<Fact>,
}

/// The parts inspected: attachments, and any other leaf part that carries a file name.
pub fn inspected_parts<'m, 'a>(message: &'m Message<'a>) -> impl Iterator<Item = &'m Part<'a>> {
    message.parts.iter().filter(|p| !p.is_multipart() && (p.is_attachment || p.filename.is_some()))
}

/// Inspects every attachment of the message.
pub fn inspect_message(message: &Message, limits: &Limits) -> Vec<AttachmentFacts> {
    inspected_parts(message)
        .map(|part| {
            let name = match &part.filename {
                Some(name) => visible_name(name),
                None => format!("part {} ({})", part.index, part.content_type),
            };
            let facts =
                inspect_named(&name, part.filename.as_deref(), Some(&part.content_type), part.decoded(), limits);
            AttachmentFacts { part: part.index, name, facts }
        })
        .collect()
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

/// One file to examine: an attachment or an entry of an archive.
struct Item<'b> {
    path: String,
    name: Option<String>,
    declared_type: Option<String>,
    bytes: Cow<'b, [u8]>,
    /// `bytes` is the whole file (false: only its first bytes, or a cut inflate).
    complete: bool,
    depth: usize,
    /// Inside an Office or Java package, where XML parts are the format itself.
    in_package: bool,
}

/// Inspects one file: `name` as the sender gave it, the declared MIME type, its decoded bytes.
pub fn inspect_file(name: Option<&str>, declared_type: Option<&str>, bytes: &[u8], limits: &Limits) -> Vec<Fact> {
    let shown = name.map(visible_name).unwrap_or_else(|| "attachment".to_string());
    inspect_named(&shown, name, declared_type, bytes, limits)
}

/// `inspect_file` with the name paths start from (`shown`).
fn inspect_named(
    shown: &str,
    name: Option<&str>,
    declared_type: Option<&str>,
    bytes: &[u8],
    limits: &Limits,
) -> Vec<Fact> {
    let mut inspection = Inspection { limits, facts: Vec::new(), entries: 0, inflated: 0, reached: Vec::new() };
    let top = Item {
        path: shown.to_string(),
        name: name.map(str::to_string),
        declared_type: declared_type.map(str::to_string),
        bytes: Cow::Borrowed(bytes),
        complete: true,
        depth: 0,
        in_package: false,
    };
    // Containers wait on an explicit stack: nesting depth comes from the input and
    // must not become recursion depth.
    let mut stack = vec![top];
    while let Some(item) = stack.pop() {
        inspection.examine(&item, &mut stack);
    }
    inspection.facts
}

struct Inspection<'l> {
    limits: &'l Limits,
    facts: Vec<Fact>,
    entries: usize,
    inflated: u64,
    reached: Vec<Limit>,
}

impl Inspection<'_> {
    fn add(&mut self, path: &str, kind: FactKind) {
        self.facts.push(Fact { path: path.to_string(), kind });
    }

    /// Records a limit once per attachment.
    fn reach(&mut self, path: &str, limit: Limit, value: u64, max: u64) {
        if !self.reached.contains(&limit) {
            self.reached.push(limit);
            self.add(path, FactKind::LimitReached { limit, value, max });
        }
    }

    fn budget_left(&self) -> u64 {
        self.limits.max_inflated_bytes.saturating_sub(self.inflated)
    }

    fn examine<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let extension = self.check_name(item);
        let format = magic::detect(&item.bytes);
        self.check_content(item, format, extension.as_deref());
        let Some(format) = format else { return };
        match format {
            Format::Zip | Format::Tar | Format::Gzip if !item.complete => {}
            Format::Zip | Format::Tar | Format::Gzip if item.depth >= self.limits.max_depth => {
                let depth = item.depth as u64 + 1;
                self.reach(&item.path, Limit::Depth, depth, self.limits.max_depth as u64);
            }
            Format::Zip => self.open_zip(item, stack),
            Format::Tar => self.open_tar(item, stack),
            Format::Gzip => self.open_gzip(item, stack),
            Format::Ole2 if item.complete => self.read_ole2(item),
            Format::Cab | Format::Rar => {
                let room = self.limits.max_entries.saturating_sub(self.entries);
                let (names, more) = if format == Format::Cab {
                    containers::cab_names(&item.bytes, room)
                } else {
                    containers::rar_names(&item.bytes, room)
                };
                self.entries += names.len();
                if more {
                    self.reach(&item.path, Limit::Entries, self.entries as u64 + 1, self.limits.max_entries as u64);
                }
                for name in &names {
                    let path = join(&item.path, name);
                    self.check_name(&Item { path, name: Some(name.clone()), bytes: Cow::Borrowed(&[]), ..leaf(item) });
                }
                self.add(&item.path, FactKind::Uninspectable { format: format.key().to_string(), names });
            }
            f if f.is_opaque_archive() => {
                self.add(&item.path, FactKind::Uninspectable { format: f.key().to_string(), names: Vec::new() })
            }
            _ => {}
        }
    }

    /// Name checks; returns the real extension.
    fn check_name(&mut self, item: &Item) -> Option<String> {
        let name = item.name.as_deref()?;
        let facts = names::analyse(name);
        for trick in facts.tricks {
            self.add(&item.path, FactKind::DeceptiveName(trick));
        }
        let extension = facts.extension?;
        let limits = self.limits;
        if limits.executable_extensions.iter().any(|e| *e == extension) {
            let group = names::group_of(&extension).map(|g| g.name).unwrap_or("configured");
            self.add(&item.path, FactKind::ExecutableName { extension: extension.clone(), group });
        } else if names::group_of(&extension).is_some_and(|g| g.class == ExtensionClass::MacroDocument) {
            self.add(&item.path, FactKind::MacroDocument(MacroSign::Extension(extension.clone())));
        }
        if !item.in_package && limits.blocked_extensions.iter().any(|e| *e == extension) {
            self.add(&item.path, FactKind::BlockedType { what: format!(".{extension}") });
        }
        Some(extension)
    }

    fn check_content(&mut self, item: &Item, format: Option<Format>, extension: Option<&str>) {
        if let Some(f) = format.filter(|f| f.is_executable()) {
            self.add(&item.path, FactKind::ExecutableContent { format: f.key() });
        }
        let Some(detected) = format else { return };
        if let Some(expected) = item.declared_type.as_deref().and_then(expected_by_type) {
            if !expected.accepts(detected) {
                let declared = item.declared_type.clone().unwrap_or_default();
                self.add(&item.path, FactKind::TypeMismatch { declared, detected: detected.key() });
                return;
            }
        }
        if let Some(expected) = extension.and_then(expected_by_extension) {
            if !expected.accepts(detected) {
                let declared = format!(".{}", extension.unwrap_or_default());
                self.add(&item.path, FactKind::TypeMismatch { declared, detected: detected.key() });
            }
        }
    }

    fn read_ole2(&mut self, item: &Item) {
        let Some(directory) = ole2::read_directory(&item.bytes) else { return };
        if directory.is_installer() {
            self.add(&item.path, FactKind::ExecutableContent { format: "windows-installer" });
        }
        if let Some(storage) = directory.vba_storage() {
            self.add(&item.path, FactKind::MacroDocument(MacroSign::VbaStorage(storage.to_string())));
        }
        if directory.is_encrypted_office_document() {
            self.add(&item.path, FactKind::Encrypted { container: "Office" });
        }
    }

    fn open_zip<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let room = self.limits.max_entries.saturating_sub(self.entries);
        let (entries, left_out) = match zip::read_directory(&item.bytes, room) {
            zip::Directory::Listed { entries, entries_left_out } => (entries, entries_left_out),
            zip::Directory::Unreadable => {
                self.add(
                    &item.path,
                    FactKind::Uninspectable { format: "zip-no-directory".into(), names: Vec::new() },
                );
                return;
            }
        };
        self.entries += entries.len();
        if left_out > 0 {
            let total = self.entries as u64 + left_out;
            self.reach(&item.path, Limit::Entries, total, self.limits.max_entries as u64);
        }
        let is_package = entries.iter().any(|e| PACKAGE_MARKERS.contains(&e.name.as_str()));
        if is_package {
            self.check_office_package(item, &entries);
        }
        let in_package = item.in_package || is_package;
        for entry in entries.iter().filter(|e| !e.is_directory) {
            let path = join(&item.path, &entry.name);
            let base = Item {
                path,
                name: Some(entry.name.clone()),
                declared_type: None,
                bytes: Cow::Borrowed(&[]),
                complete: false,
                depth: item.depth + 1,
                in_package,
            };
            if entry.encrypted {
                self.check_name(&base);
                self.add(&base.path, FactKind::Encrypted { container: "ZIP" });
                continue;
            }
            if entry.method != 0 && entry.method != 8 {
                self.check_name(&base);
                let format = "zip-unsupported-method".to_string();
                self.add(&base.path, FactKind::Uninspectable { format, names: Vec::new() });
                continue;
            }
            let Some(data) = zip::entry_data(&item.bytes, entry) else {
                self.check_name(&base);
                continue;
            };
            let declared_ratio = entry.declared_size.checked_div(entry.compressed_size).unwrap_or(0);
            let suspicious_ratio = entry.declared_size > self.limits.compression_ratio_min_bytes
                && declared_ratio > self.limits.max_compression_ratio;
            if suspicious_ratio {
                self.reach(&base.path, Limit::CompressionRatio, declared_ratio, self.limits.max_compression_ratio);
            }
            let sniff = self.extract(entry.method, data, SNIFF_BYTES as u64, &base.path);
            let format = magic::detect(&sniff.bytes);
            let needs_whole =
                matches!(format, Some(Format::Zip | Format::Ole2 | Format::Tar | Format::Gzip | Format::Cab));
            if needs_whole && !sniff.complete && !suspicious_ratio {
                // The whole entry, within the budget and the ratio cap (a bomb stops there).
                let ratio_cap = (data.len() as u64)
                    .saturating_mul(self.limits.max_compression_ratio)
                    .max(self.limits.compression_ratio_min_bytes);
                let cap = ratio_cap.min(self.budget_left());
                let whole = self.extract(entry.method, data, cap, &base.path);
                if !whole.complete && !whole.corrupt {
                    if cap == ratio_cap {
                        let ratio = whole.bytes.len() as u64 / (data.len() as u64).max(1);
                        self.reach(&base.path, Limit::CompressionRatio, ratio, self.limits.max_compression_ratio);
                    } else {
                        let value = self.inflated;
                        self.reach(&base.path, Limit::InflatedBytes, value, self.limits.max_inflated_bytes);
                    }
                }
                stack.push(Item { bytes: Cow::Owned(whole.bytes), complete: whole.complete, ..base });
            } else if needs_whole && sniff.complete {
                stack.push(Item { bytes: Cow::Owned(sniff.bytes), complete: true, ..base });
            } else {
                let complete = sniff.complete;
                let item = Item { bytes: Cow::Owned(sniff.bytes), complete, ..base };
                let extension = self.check_name(&item);
                self.check_content(&item, format, extension.as_deref());
            }
        }
    }

    /// Reads up to `cap` bytes of an entry (stored or deflate), counted in the budget.
    fn extract(&mut self, method: u16, data: &[u8], cap: u64, path: &str) -> inflate::Inflated {
        let allowed = cap.min(self.budget_left());
        let limit = usize::try_from(allowed).unwrap_or(usize::MAX);
        let result = if method == 0 {
            let end = data.len().min(limit);
            inflate::Inflated { bytes: data[..end].to_vec(), complete: end == data.len(), corrupt: false }
        } else {
            inflate::inflate_bounded(data, limit)
        };
        self.inflated = self.inflated.saturating_add(result.bytes.len() as u64);
        if !result.complete && !result.corrupt && allowed < cap {
            let value = self.inflated;
            self.reach(path, Limit::InflatedBytes, value, self.limits.max_inflated_bytes);
        }
        result
    }

    /// OOXML (ECMA-376 Part 2): a macro project is the part `vbaProject.bin`, Excel 4.0
    /// macros are `xl/macrosheets/`, and a macro-enabled main part is declared in `[Content_Types].xml`.
    fn check_office_package(&mut self, item: &Item, entries: &[zip::Entry]) {
        if let Some(vba) = entries.iter().find(|e| e.name.to_ascii_lowercase().ends_with("vbaproject.bin")) {
            self.add(&join(&item.path, &vba.name), FactKind::MacroDocument(MacroSign::VbaProjectPart));
            return;
        }
        if let Some(sheet) = entries.iter().find(|e| e.name.starts_with("xl/macrosheets/")) {
            self.add(&join(&item.path, &sheet.name), FactKind::MacroDocument(MacroSign::MacroSheets));
            return;
        }
        if let Some(types) = entries.iter().find(|e| e.name == "[Content_Types].xml" && !e.encrypted) {
            if let Some(data) = zip::entry_data(&item.bytes, types) {
                let path = join(&item.path, &types.name);
                let text = self.extract(types.method, data, MAX_CONTENT_TYPES_BYTES as u64, &path);
                let lower = String::from_utf8_lossy(&text.bytes).to_ascii_lowercase();
                if lower.contains("macroenabled") || lower.contains("vnd.ms-office.vbaproject") {
                    self.add(&path, FactKind::MacroDocument(MacroSign::MacroEnabledContentType));
                    return;
                }
            }
        }
        let spreadsheet = entries.iter().any(|e| e.name == "xl/workbook.xml");
        let named_xlsx = item.name.as_deref().is_some_and(|n| n.to_ascii_lowercase().trim_end().ends_with(".xlsx"));
        if spreadsheet && !item.in_package && !named_xlsx && self.limits.blocked_extensions.iter().any(|e| e == "xlsx")
        {
            self.add(&item.path, FactKind::BlockedType { what: "Excel workbook (XLSX)".into() });
        }
    }

    fn open_tar<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let room = self.limits.max_entries.saturating_sub(self.entries);
        let (members, more) = containers::tar_members(&item.bytes, room);
        self.entries += members.len();
        if more {
            self.reach(&item.path, Limit::Entries, self.entries as u64 + 1, self.limits.max_entries as u64);
        }
        for member in members.iter().filter(|m| m.is_regular_file) {
            let data = item.bytes.get(member.data.clone()).unwrap_or(&[]);
            let base = Item {
                path: join(&item.path, &member.name),
                name: Some(member.name.clone()),
                declared_type: None,
                bytes: Cow::Borrowed(&[]),
                complete: false,
                depth: item.depth + 1,
                in_package: item.in_package,
            };
            let format = magic::detect(&data[..data.len().min(SNIFF_BYTES)]);
            if matches!(format, Some(Format::Zip | Format::Ole2 | Format::Tar | Format::Gzip | Format::Cab)) {
                let whole = self.extract(0, data, data.len() as u64, &base.path);
                stack.push(Item { bytes: Cow::Owned(whole.bytes), complete: whole.complete, ..base });
            } else {
                let leaf = Item { bytes: Cow::Owned(data[..data.len().min(SNIFF_BYTES)].to_vec()), ..base };
                let extension = self.check_name(&leaf);
                self.check_content(&leaf, format, extension.as_deref());
            }
        }
    }

    /// gzip holds one file: its stored name (RFC 1952 FNAME) or the archive's name without `.gz`.
    fn open_gzip<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let Some((stored_name, start)) = containers::gzip_header(&item.bytes) else { return };
        let outer = item.name.as_deref().map(|n| names::analyse(n).effective).unwrap_or_default();
        let name = stored_name.filter(|n| !n.is_empty()).unwrap_or_else(|| {
            let lower = outer.to_ascii_lowercase();
            if lower.ends_with(".tgz") {
                format!("{}.tar", &outer[..outer.len() - 4])
            } else if lower.ends_with(".gz") {
                outer[..outer.len() - 3].to_string()
            } else {
                String::new()
            }
        });
        let data = item.bytes.get(start..).unwrap_or(&[]);
        let path = join(&item.path, if name.is_empty() { "(gzip content)" } else { &name });
        let ratio_cap = (data.len() as u64)
            .saturating_mul(self.limits.max_compression_ratio)
            .max(self.limits.compression_ratio_min_bytes);
        let whole = self.extract(8, data, ratio_cap, &path);
        if !whole.complete && !whole.corrupt && whole.bytes.len() as u64 >= ratio_cap {
            let ratio = whole.bytes.len() as u64 / (data.len() as u64).max(1);
            self.reach(&path, Limit::CompressionRatio, ratio, self.limits.max_compression_ratio);
        }
        self.entries += 1;
        stack.push(Item {
            path,
            name: (!name.is_empty()).then_some(name),
            declared_type: None,
            bytes: Cow::Owned(whole.bytes),
            complete: whole.complete,
            depth: item.depth + 1,
            in_package: item.in_package,
        });
    }
}

/// An item with the location fields of `parent`, for name-only checks.
fn leaf<'b>(parent: &Item<'_>) -> Item<'b> {
    Item {
        path: String::new(),
        name: None,
        declared_type: None,
        bytes: Cow::Borrowed(&[]),
        complete: false,
        depth: parent.depth + 1,
        in_package: parent.in_package,
    }
}

fn join(parent: &str, child: &str) -> String {
    let child = visible_name(child);
    if parent.is_empty() {
        child
    } else {
        format!("{parent}{PATH_SEPARATOR}{child}")
    }
}

/// What the content of a file may be, given its declared type or extension.
enum Expected {
    OneOf(&'static [Format]),
    /// Text: any format we recognise is binary, except a script.
    Text,
}

impl Expected {
    fn accepts(&self, detected: Format) -> bool {
        match self {
            Expected::OneOf(formats) => formats.contains(&detected),
            Expected::Text => detected == Format::ShebangScript,
        }
    }
}

const IMAGES: &[Format] = &[Format::Jpeg, Format::Png, Format::Gif];
const ZIP_BASED: &[Format] = &[Format::Zip];
/// Legacy Office types are OLE2, but mailers label newer files with them too.
const OFFICE_LEGACY: &[Format] = &[Format::Ole2, Format::Zip];

/// The content a declared MIME type promises; generic types promise nothing.
fn expected_by_type(content_type: &str) -> Option<Expected> {
    let t = content_type.trim().to_ascii_lowercase();
    Some(match t.as_str() {
        "application/pdf" => Expected::OneOf(&[Format::Pdf]),
        "image/jpeg" | "image/jpg" | "image/pjpeg" | "image/png" | "image/gif" => Expected::OneOf(IMAGES),
        "application/zip"
        | "application/x-zip-compressed"
        | "application/x-zip"
        | "application/java-archive"
        | "application/epub+zip" => Expected::OneOf(ZIP_BASED),
        "application/msword" | "application/vnd.ms-excel" | "application/vnd.ms-powerpoint" => {
            Expected::OneOf(OFFICE_LEGACY)
        }
        "application/x-rar-compressed" | "application/vnd.rar" => Expected::OneOf(&[Format::Rar]),
        "application/x-7z-compressed" => Expected::OneOf(&[Format::SevenZip]),
        "application/gzip" | "application/x-gzip" => Expected::OneOf(&[Format::Gzip]),
        "application/x-tar" => Expected::OneOf(&[Format::Tar]),
        "text/plain" | "text/csv" | "text/html" | "text/xml" | "text/calendar" | "application/xml"
        | "application/json" => Expected::Text,
        _ if t.starts_with("application/vnd.openxmlformats-officedocument.")
            || t.starts_with("application/vnd.oasis.opendocument.")
            || t.contains("macroenabled") =>
        {
            Expected::OneOf(ZIP_BASED)
        }
        _ => return None,
    })
}

/// The content an extension promises; extensions not listed promise nothing.
fn expected_by_extension(extension: &str) -> Option<Expected> {
    Some(match extension {
        "pdf" => Expected::OneOf(&[Format::Pdf]),
        "jpg" | "jpeg" | "png" | "gif" => Expected::OneOf(IMAGES),
        "zip" | "docx" | "xlsx" | "pptx" | "docm" | "xlsm" | "pptm" | "odt" | "ods" | "odp" | "epub" | "jar"
        | "apk" => Expected::OneOf(ZIP_BASED),
        "doc" | "xls" | "ppt" => Expected::OneOf(OFFICE_LEGACY),
        "msi" => Expected::OneOf(&[Format::Ole2]),
        "rar" => Expected::OneOf(&[Format::Rar]),
        "7z" => Expected::OneOf(&[Format::SevenZip]),
        "gz" | "tgz" => Expected::OneOf(&[Format::Gzip]),
        "tar" => Expected::OneOf(&[Format::Tar]),
        "cab" => Expected::OneOf(&[Format::Cab]),
        "exe" | "dll" | "scr" | "cpl" | "ocx" | "sys" => Expected::OneOf(&[Format::WindowsPe]),
        "txt" | "csv" | "log" | "htm" | "html" | "xml" | "json" | "ics" | "vcf" => Expected::Text,
        _ => return None,
    })
}
