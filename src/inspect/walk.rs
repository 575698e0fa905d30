//! The walk over one attachment: each file (the attachment, then what its
//! containers hold) is named, sniffed and, when it is a container, opened; the
//! files found wait on an explicit stack, so nesting depth comes from the input
//! without becoming recursion depth. Every byte inflated or copied is counted
//! against the attachment's budget.

use super::magic::{self, Format, SNIFF_BYTES};
use super::names::{self, ExtensionClass};
use super::{expected, inflate, join, Fact, FactKind, Limit, Limits, MacroSign, Spent, MAX_FACTS_PER_MESSAGE};
use std::borrow::Cow;

/// One file to examine: an attachment or an entry of a container.
pub(super) struct Item<'b> {
    pub path: String,
    pub name: Option<String>,
    pub declared_type: Option<String>,
    pub bytes: Cow<'b, [u8]>,
    /// `bytes` is the whole file (false: only its first bytes, or a cut inflate).
    pub complete: bool,
    pub depth: usize,
    /// Inside an Office or Java package, where XML parts are the format itself.
    pub in_package: bool,
}

impl<'b> Item<'b> {
    /// A file found inside `parent`, named `name` (shown in the path as `label`).
    pub fn child(parent: &Item<'_>, label: &str, name: Option<String>) -> Item<'b> {
        Item {
            path: join(&parent.path, label),
            name,
            declared_type: None,
            bytes: Cow::Borrowed(&[]),
            complete: false,
            depth: parent.depth + 1,
            in_package: parent.in_package,
        }
    }
}

/// `inspect_file` with the name paths start from (`shown`), counting what it
/// spends in `spent`, which the message's other attachments share.
pub fn inspect_named(
    shown: &str,
    name: Option<&str>,
    declared_type: Option<&str>,
    bytes: &[u8],
    limits: &Limits,
    spent: &mut Spent,
) -> Vec<Fact> {
    let mut inspection = Inspection::new(limits, spent);
    let top = Item {
        path: shown.to_string(),
        name: name.map(str::to_string),
        declared_type: declared_type.map(str::to_string),
        bytes: Cow::Borrowed(bytes),
        complete: true,
        depth: 0,
        in_package: false,
    };
    let mut stack = vec![top];
    while let Some(item) = stack.pop() {
        inspection.examine(&item, &mut stack);
    }
    spent.inflated = inspection.inflated;
    spent.looked_further = inspection.looked_further;
    spent.facts += inspection.facts.len();
    spent.entry_name_bytes = inspection.entry_name_bytes;
    spent.entry_names.append(&mut inspection.entry_names);
    inspection.facts
}

/// The name checks alone (`Inspection::check_name`) of a second name a file
/// goes by (a part's Content-Type `name` beside its Content-Disposition
/// `filename`): its bytes are inspected once, under its first name.
pub fn name_facts(shown: &str, name: &str, limits: &Limits, spent: &mut Spent) -> Vec<Fact> {
    let mut inspection = Inspection::new(limits, spent);
    let item = Item {
        path: shown.to_string(),
        name: Some(name.to_string()),
        declared_type: None,
        bytes: Cow::Borrowed(&[]),
        complete: false,
        depth: 0,
        in_package: false,
    };
    inspection.check_name(&item);
    spent.facts += inspection.facts.len();
    inspection.facts
}

pub(super) struct Inspection<'l> {
    pub limits: &'l Limits,
    pub facts: Vec<Fact>,
    /// Entries listed so far, all containers and levels together.
    pub entries: usize,
    /// Bytes inflated or copied so far, by this message's earlier attachments too.
    pub inflated: u64,
    /// Bytes read only to look at an entry whole so far (`extract_further`), this
    /// message's earlier attachments too.
    pub looked_further: u64,
    /// Facts recorded for this message's earlier attachments.
    earlier_facts: usize,
    reached: Vec<Limit>,
    /// Names of the entries listed, within `MAX_ENTRY_NAME_BYTES` a message.
    entry_names: Vec<String>,
    entry_name_bytes: usize,
}

impl<'l> Inspection<'l> {
    /// An inspection of one attachment, after what the message's earlier ones `spent`.
    fn new(limits: &'l Limits, spent: &Spent) -> Self {
        Inspection {
            limits,
            facts: Vec::new(),
            entries: 0,
            inflated: spent.inflated,
            looked_further: spent.looked_further,
            earlier_facts: spent.facts,
            reached: Vec::new(),
            entry_names: Vec::new(),
            entry_name_bytes: spent.entry_name_bytes,
        }
    }
}

/// Most bytes a message's inspection reads out of containers only to look at an
/// entry whole (`Inspection::extract_further`: entries of no format known from their
/// first bytes, or PDFs, for a disk image's footer, a glued archive or an ActiveMime
/// object), beside the inflate budget and not taken from it (ours: the default inflate
/// budget again, so a message's inspection reads at most twice it; an entry larger than
/// what is left is judged by its first bytes, as before these reads; said
/// (`Limit::LookFurther`) when it would have been read had earlier entries not
/// spent this budget, not when the entry alone exceeds it or the inflate budget, as an
/// ordinary large text file would make every archive "not read whole").
pub const MAX_LOOK_FURTHER_BYTES: u64 = 32_000_000;

/// Formats whose facts need the whole file, not its first bytes: containers,
/// documents read through their directory, pages searched for smuggled files.
pub(super) fn needs_whole_file(format: Option<Format>) -> bool {
    matches!(
        format,
        Some(
            Format::Zip
                | Format::Ole2
                | Format::Tar
                | Format::Gzip
                | Format::Cab
                | Format::Rar
                | Format::SevenZip
                | Format::OneNote
                | Format::Html
                | Format::Iso9660
                | Format::Tnef
                | Format::Rtf
        )
    )
}

/// Whether an entry is read whole: by its format, or because its name makes it a page or a message.
pub(super) fn wants_whole(format: Option<Format>, name: Option<&str>) -> bool {
    let extension = name.and_then(|n| names::analyse(n).extension);
    // Pages and attached messages (`eml`) are read whole too.
    needs_whole_file(format) || extension.is_some_and(|e| PAGE_EXTENSIONS.contains(&e.as_str()) || e == "eml")
}

/// Whether a file named `name`, declared `content_type`, is a page a browser
/// opens (`PAGE_EXTENSIONS`, `PAGE_TYPES`), by its name or its declared type.
pub fn is_page_by_name_or_type(name: Option<&str>, content_type: &str) -> bool {
    name.and_then(|n| names::analyse(n).extension).is_some_and(|e| PAGE_EXTENSIONS.contains(&e.as_str()))
        || PAGE_TYPES.contains(&content_type.trim().to_ascii_lowercase().as_str())
}

/// Extensions of pages a browser opens, where smuggled files hide.
const PAGE_EXTENSIONS: &[&str] = &["htm", "html", "shtml", "xhtml", "svg", "mht", "mhtml"];
const PAGE_TYPES: &[&str] = &["text/html", "application/xhtml+xml", "image/svg+xml"];

impl<'l> Inspection<'l> {
    /// Records a fact, while the message's fact budget lasts.
    pub fn add(&mut self, path: &str, kind: FactKind) {
        let recorded = self.earlier_facts + self.facts.len();
        if recorded + 1 < MAX_FACTS_PER_MESSAGE {
            self.facts.push(Fact { path: path.to_string(), kind });
        } else if recorded + 1 == MAX_FACTS_PER_MESSAGE {
            let max = MAX_FACTS_PER_MESSAGE as u64;
            let kind = FactKind::LimitReached { limit: Limit::Facts, value: max, max };
            self.facts.push(Fact { path: path.to_string(), kind });
        }
    }

    /// Whether `item`'s files may be opened: not past the depth limit (said when it is).
    pub(super) fn may_open(&mut self, item: &Item) -> bool {
        if item.depth >= self.limits.max_depth {
            let depth = item.depth as u64 + 1;
            self.reach(&item.path, Limit::Depth, depth, self.limits.max_depth as u64);
            return false;
        }
        true
    }

    /// Records a limit once per attachment.
    pub fn reach(&mut self, path: &str, limit: Limit, value: u64, max: u64) {
        if !self.reached.contains(&limit) {
            self.reached.push(limit);
            self.add(path, FactKind::LimitReached { limit, value, max });
        }
    }

    pub fn budget_left(&self) -> u64 {
        self.limits.max_inflated_bytes.saturating_sub(self.inflated)
    }

    /// Entries that may still be listed.
    pub fn room(&self) -> usize {
        self.limits.max_entries.saturating_sub(self.entries)
    }

    /// Counts `listed` entries; `more` says the container held more than `room()`.
    pub fn count_entries(&mut self, path: &str, listed: usize, more: bool) {
        self.entries += listed;
        if more {
            let max = self.limits.max_entries as u64;
            self.reach(path, Limit::Entries, self.entries as u64 + 1, max);
        }
    }

    pub(super) fn examine<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let extension = self.check_name(item);
        let mut format = if item.complete { magic::detect_whole(&item.bytes) } else { magic::detect(&item.bytes) };
        // A nameless page that drives the shell is a script too (mshta runs it).
        if matches!(format, None | Some(Format::Html)) && item.name.is_none() && item.depth > 0 {
            format = magic::detect_nameless_script(&item.bytes).or(format);
        }
        self.check_content(item, format, extension.as_deref());
        // Office's text forms (Word 2003 XML, MHTML) carry macros as an ActiveMime object.
        if matches!(format, None | Some(Format::Html)) && has_active_mime(&item.bytes) {
            self.add(&item.path, FactKind::MacroDocument(MacroSign::ActiveMime));
        }
        if self.is_page(item, format, extension.as_deref()) {
            self.check_active(item, extension.as_deref());
            self.check_smuggling(item, stack);
        }
        if format.is_none() && super::eml::is_message(extension.as_deref(), item.declared_type.as_deref()) {
            if self.may_open(item) && item.complete {
                self.open_message(item, stack);
            }
            return;
        }
        let opens = matches!(
            format,
            Some(Format::Zip | Format::Tar | Format::Gzip | Format::Iso9660 | Format::OneNote | Format::Tnef | Format::Rtf)
        );
        if opens && !item.complete {
            return;
        }
        if opens && !self.may_open(item) {
            return;
        }
        match format {
            Some(Format::Zip) => self.open_zip(item, stack, None),
            Some(Format::Tar) => self.open_tar(item, stack),
            Some(Format::Gzip) => self.open_gzip(item, stack),
            Some(Format::Iso9660) => self.open_iso(item, stack),
            Some(Format::OneNote) => self.open_onenote(item, stack),
            Some(Format::Tnef) => self.open_tnef(item, stack),
            Some(Format::Rtf) => self.open_rtf(item, stack),
            Some(Format::Ole2) if item.complete => self.read_ole2(item, stack),
            Some(Format::Cab | Format::Rar | Format::SevenZip) => self.list_names(item, format.unwrap_or(Format::Cab)),
            Some(f) if f.is_opaque_archive() => {
                self.add(&item.path, FactKind::Uninspectable { format: f.key().to_string(), names: Vec::new() });
                // A single-file compressor holds one file, named by the archive's
                // name without its suffix, as gzip's is (`open_gzip`): `setup.exe.bz2`
                // is a program (Gmail blocks listed types "including their
                // compressed form (like .gz or .bz2 files)").
                if let Some(inner) = item.name.as_deref().and_then(|n| compressed_name(&names::analyse(n).effective, f)) {
                    self.check_name(&Item::child(item, &inner, Some(inner.clone())));
                }
            }
            // Anything else may still end with a ZIP: a self-extractor, or an
            // archive glued after a picture or a document (readers find it by its
            // end record, and so do the filters that matter).
            _ if item.complete && item.depth < self.limits.max_depth => self.open_zip(item, stack, Some(format)),
            _ => {}
        }
    }

    fn is_page(&self, item: &Item, format: Option<Format>, extension: Option<&str>) -> bool {
        matches!(format, Some(Format::Html | Format::Hta))
            || extension.is_some_and(|e| PAGE_EXTENSIONS.contains(&e))
            || item
                .declared_type
                .as_deref()
                .is_some_and(|t| PAGE_TYPES.contains(&t.trim().to_ascii_lowercase().as_str()))
    }

    /// Name checks; returns the real extension.
    pub fn check_name(&mut self, item: &Item) -> Option<String> {
        let name = item.name.as_deref()?;
        // Every entry named in a container is listed once here (the attachment itself, level 0, is the part's name).
        // Past `MAX_ENTRY_NAME_BYTES` no later name is kept, however short.
        if item.depth > 0 && !name.is_empty() {
            if self.entry_name_bytes + name.len() <= super::MAX_ENTRY_NAME_BYTES {
                self.entry_name_bytes += name.len();
                self.entry_names.push(name.to_string());
            } else {
                self.entry_name_bytes = super::MAX_ENTRY_NAME_BYTES;
            }
        }
        let facts = names::analyse(name);
        for trick in facts.tricks {
            self.add(&item.path, FactKind::DeceptiveName(trick));
        }
        let extension = facts.extension?;
        let limits = self.limits;
        if limits.executable_extensions.contains(&extension) {
            let group = names::executable_group(&extension).unwrap_or("configured");
            self.add(&item.path, FactKind::ExecutableName { extension: extension.clone(), group });
        } else if names::group_of(&extension).is_some_and(|g| g.class == ExtensionClass::MacroDocument) {
            self.add(&item.path, FactKind::MacroDocument(MacroSign::Extension(extension.clone())));
        }
        if !item.in_package && limits.blocked_extensions.contains(&extension) {
            self.add(&item.path, FactKind::BlockedType { what: format!(".{extension}") });
        }
        Some(extension)
    }

    pub fn check_content(&mut self, item: &Item, format: Option<Format>, extension: Option<&str>) {
        let declared_program = item.declared_type.as_deref().and_then(names::executable_type);
        if let Some((declared, stands_for)) = declared_program {
            if stands_for.is_none_or(|e| self.limits.executable_extensions.iter().any(|x| x == e)) {
                self.add(&item.path, FactKind::ExecutableType { declared: declared.to_string() });
            }
        }
        if let Some(f) = format.filter(|f| f.is_executable()) {
            self.add(&item.path, FactKind::ExecutableContent { format: f.key() });
        }
        let Some(detected) = format else { return };
        if let Some(expected) = item.declared_type.as_deref().and_then(expected::by_type) {
            if !expected.accepts(detected) {
                let declared = item.declared_type.clone().unwrap_or_default();
                self.add(&item.path, FactKind::TypeMismatch { declared, detected: detected.key() });
                return;
            }
        }
        if let Some(expected) = extension.and_then(expected::by_extension) {
            if !expected.accepts(detected) {
                let declared = format!(".{}", extension.unwrap_or_default());
                self.add(&item.path, FactKind::TypeMismatch { declared, detected: detected.key() });
            }
        }
    }

    /// Name and content checks of an entry whose first bytes are all that is
    /// read (`format`: what all its bytes showed, when they could be seen).
    pub fn check_leaf(&mut self, item: &Item, format: Option<Format>) {
        let extension = self.check_name(item);
        let mut format = format.or_else(|| magic::detect(&item.bytes));
        if matches!(format, None | Some(Format::Html)) && item.name.is_none() {
            format = magic::detect_nameless_script(&item.bytes).or(format);
        }
        self.check_content(item, format, extension.as_deref());
    }

    /// Hands a stored (uncompressed) entry to the walk: containers and documents
    /// whole (copied, counted in the budget), anything else by its first bytes.
    /// Its format is judged on all its bytes, which are there to read for free.
    pub fn push_stored<'b>(&mut self, base: Item<'b>, data: &[u8], stack: &mut Vec<Item<'b>>) {
        let format = magic::detect_whole(data);
        if wants_whole(format, base.name.as_deref()) {
            let whole = self.extract(0, data, data.len() as u64, &base.path);
            stack.push(Item { bytes: Cow::Owned(whole.bytes), complete: whole.complete, ..base });
            return;
        }
        let further = super::walk_archives::looks_further(&base, format) && data.len() > SNIFF_BYTES;
        let length = data.len() as u64;
        // Looked at whole now, where its first bytes were judged before: its facts keep their place.
        if let Some(whole) = further.then(|| self.extract_further(0, data, length, length, &base.path)).flatten() {
            self.examine(&Item { bytes: Cow::Owned(whole.bytes), complete: whole.complete, ..base }, stack);
        } else if data.len() <= SNIFF_BYTES && super::walk_archives::looks_further(&base, format) {
            self.examine(&Item { bytes: Cow::Owned(data.to_vec()), complete: true, ..base }, stack);
        } else {
            let sniffed = data[..data.len().min(SNIFF_BYTES)].to_vec();
            self.check_leaf(&Item { bytes: Cow::Owned(sniffed), complete: data.len() <= SNIFF_BYTES, ..base }, format);
        }
    }

    /// Reads an entry whole (stored or deflate), only to look at it further
    /// (`walk_archives::looks_further`): from a budget of its own,
    /// `MAX_LOOK_FURTHER_BYTES` a message, so that such reads never leave less of the
    /// inflate budget to the archives and documents that need it. `length` is what the
    /// entry says it holds: `None`, read nothing, when that does not fit there, in what
    /// the inflate budget has left or under `cap` (the entry's ratio cap); else it is read
    /// as far as all three allow, past a `length` that lies, and whether that reached
    /// its end is the answer's `complete`.
    pub fn extract_further(&mut self, method: u16, data: &[u8], length: u64, cap: u64, path: &str) -> Option<inflate::Inflated> {
        let further_left = MAX_LOOK_FURTHER_BYTES.saturating_sub(self.looked_further);
        let room = further_left.min(self.budget_left()).min(cap);
        if length > room {
            // Spent by earlier entries of the message: the entry alone would have fitted.
            if length > further_left && length <= MAX_LOOK_FURTHER_BYTES.min(self.budget_left()).min(cap) {
                let value = self.looked_further;
                self.reach(path, Limit::LookFurther, value, MAX_LOOK_FURTHER_BYTES);
            }
            return None;
        }
        let before = self.inflated;
        let read = self.extract(method, data, room, path);
        self.looked_further = self.looked_further.saturating_add(self.inflated - before);
        self.inflated = before;
        Some(read)
    }

    /// Reads up to `cap` bytes of an entry (stored or deflate), counted in the budget.
    pub fn extract(&mut self, method: u16, data: &[u8], cap: u64, path: &str) -> inflate::Inflated {
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
}

/// The name of the one file a single-file compressor of format `format` holds,
/// read from the archive's own name (`setup.exe.bz2` → `setup.exe`,
/// `logs.tbz2` → `logs.tar`); `None` for other formats or another suffix.
pub(super) fn compressed_name(outer: &str, format: Format) -> Option<String> {
    let suffixes: &[(&str, &str)] = match format {
        Format::Gzip => &[(".tgz", ".tar"), (".gz", "")],
        Format::Bzip2 => &[(".tbz2", ".tar"), (".tbz", ".tar"), (".bz2", ""), (".bz", "")],
        Format::Xz => &[(".txz", ".tar"), (".xz", "")],
        Format::Zstandard => &[(".tzst", ".tar"), (".zstd", ""), (".zst", "")],
        _ => return None,
    };
    let lower = outer.to_ascii_lowercase();
    suffixes.iter().find_map(|(suffix, replace)| {
        let stem = &outer[..lower.strip_suffix(suffix)?.len()];
        (!stem.is_empty() || !replace.is_empty()).then(|| format!("{stem}{replace}"))
    })
}

#[cfg(test)]
mod compressed_tests {
    use super::{compressed_name, Format};

    #[test]
    fn a_single_file_compressor_holds_the_file_its_name_says() {
        assert_eq!(compressed_name("setup.exe.bz2", Format::Bzip2).as_deref(), Some("setup.exe"));
        assert_eq!(compressed_name("Logs.TBZ2", Format::Bzip2).as_deref(), Some("Logs.tar"));
        assert_eq!(compressed_name("tool.exe.zst", Format::Zstandard).as_deref(), Some("tool.exe"));
        assert_eq!(compressed_name("setup.EXE.XZ", Format::Xz).as_deref(), Some("setup.EXE"));
        assert_eq!(compressed_name(".xz", Format::Xz), None);
        assert_eq!(compressed_name("photo.xz.jpg", Format::Xz), None);
        assert_eq!(compressed_name("setup.exe.bz2", Format::Xz), None);
        assert_eq!(compressed_name("a.rar", Format::Rar), None);
        assert_eq!(compressed_name("backup.TGZ", Format::Gzip).as_deref(), Some("backup.tar"));
        assert_eq!(compressed_name("notes.txt.gz", Format::Gzip).as_deref(), Some("notes.txt"));
        assert_eq!(compressed_name(".gz", Format::Gzip), None);
    }
}

/// Whether `bytes` hold an ActiveMime object ([MS-OSHARED]'s `editdata.mso`, olevba's
/// "ActiveMime/MSO") as Office writes one: a file that starts with `ActiveMime`; a Word
/// 2003 XML document (it starts with `<?xml`) with its base64 (`QWN0aXZlTWltZQ`, the first
/// 14 characters of "ActiveMime") as the content of a `w:binData` element; or an MHTML
/// file (it starts with header fields) with it at the start of a line, as a base64 part's
/// body begins. A text or a page that only quotes such markup is neither.
pub fn has_active_mime(bytes: &[u8]) -> bool {
    const ENCODED: &[u8] = b"QWN0aXZlTWltZQ";
    if bytes.starts_with(b"ActiveMime") {
        return true;
    }
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = &start[start.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(start.len())..];
    let xml = start.starts_with(b"<?xml");
    // MHTML: a header field first (`MIME-Version:`, `Content-Type:`, `From:` …).
    let mime = !xml && start.iter().take(80).position(|&b| b == b':').is_some_and(|colon| {
        colon > 0 && start[..colon].iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if !xml && !mime {
        return false;
    }
    memchr::memmem::find_iter(bytes, ENCODED).any(|at| {
        let before = &bytes[..at];
        if xml {
            // `<w:binData w:name="editdata.mso">` right before it (white space allowed),
            // its `<` looked for in the 256 bytes before (a tag that long at most, ours:
            // each occurrence costs a bounded look back).
            let trimmed = &before[before.len().saturating_sub(4096)..];
            let trimmed = trimmed.trim_ascii_end();
            let tag = &trimmed[trimmed.len().saturating_sub(256)..];
            tag.ends_with(b">") && tag.iter().rposition(|&b| b == b'<').is_some_and(|open| tag[open..].starts_with(b"<w:binData"))
        } else {
            matches!(before.last(), Some(b'\n'))
        }
    })
}
