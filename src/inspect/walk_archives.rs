//! Opening containers during the walk: ZIP (with its directory checked against
//! its local headers), tar, gzip, ISO 9660 images and OneNote sections, whose
//! files go back on the walk's stack; and the archives whose names only are
//! read (RAR, 7-Zip, cabinets).

use super::magic::{self, Format, SNIFF_BYTES};
use super::walk::{compressed_name, wants_whole, Inspection, Item};
use super::{bytes, containers, iso9660, join, names, onenote, rar, sevenzip, tar, zip};
use super::{FactKind, Inconsistency, Limit};
use std::borrow::Cow;

/// Entries that make a ZIP a document or program package, whose XML parts are
/// the format itself, not attached XML: OOXML (ECMA-376 Part 2), ODF and EPUB
/// (`mimetype`, `META-INF/manifest.xml`, `META-INF/container.xml`), Java archives.
const PACKAGE_MARKERS: &[&str] =
    &["[Content_Types].xml", "mimetype", "META-INF/manifest.xml", "META-INF/container.xml", "META-INF/MANIFEST.MF"];

impl Inspection<'_> {
    /// Opens the ZIP in `item`. `host` is `None` when the item starts as a ZIP,
    /// and the format of the item otherwise: then a ZIP is looked for at its end
    /// (self-extractors, archives glued after other data) and nothing is said if
    /// there is none.
    pub(super) fn open_zip<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>, host: Option<Option<Format>>) {
        let bytes: &[u8] = &item.bytes;
        let (entries, left_out, prepended, central) = match zip::read_directory(bytes, self.room()) {
            zip::Directory::Listed { entries, entries_left_out, prepended, central } => {
                (entries, entries_left_out, prepended, central)
            }
            zip::Directory::Unreadable => {
                if host.is_none() {
                    let format = "zip-no-directory".to_string();
                    self.add(&item.path, FactKind::Uninspectable { format, names: Vec::new() });
                }
                return;
            }
        };
        if host.is_some() && entries.is_empty() {
            return;
        }
        // A self-extractor is a program: `attachment/executable` already says so.
        let self_extractor = host.flatten().is_some_and(Format::is_executable);
        if prepended > 0 && !self_extractor {
            let host_format = magic::detect(&bytes[..prepended.min(SNIFF_BYTES)]).map(Format::key);
            let fact = Inconsistency::PrependedData { bytes: prepended as u64, host: host_format };
            self.add(&item.path, FactKind::Inconsistent(fact));
        }
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
        let order = zip::file_order(bytes, &entries);
        let overlapping = overlapping_entries(bytes, &entries, &order);
        let overlaps = overlapping.iter().filter(|&&o| o).count();
        if overlaps > 0 {
            let fact = Inconsistency::OverlappingEntries { count: overlaps as u64 };
            self.add(&item.path, FactKind::Inconsistent(fact));
        }
        for (entry, overlapping) in entries.iter().zip(overlapping).filter(|(e, _)| !e.is_directory) {
            let base = Item { in_package, ..Item::child(item, &entry.name, Some(entry.name.clone())) };
            if overlapping {
                self.check_name(&base);
                continue;
            }
            let Some((local, data)) = zip::entry_data(bytes, entry) else {
                self.check_name(&base);
                continue;
            };
            if local.raw_name != entry.raw_name.as_slice() {
                let fact = Inconsistency::NameMismatch { local: local.name.clone(), central: entry.name.clone() };
                self.add(&base.path, FactKind::Inconsistent(fact));
                // The name an extractor that reads local headers writes.
                self.check_name(&Item::child(item, &local.name, Some(local.name.clone())));
            }
            self.check_unicode_path(item, &base, entry);
            let sizes = (entry.declared_size, entry.compressed_size);
            self.take_zip_entry(base, entry.encrypted, entry.method, data, sizes, stack);
        }
        // Entries a streaming extractor unpacks that the directory does not list
        // (only when the whole directory was read: the rest is listed, not hidden).
        let start = if bytes.starts_with(b"PK\x03\x04") { 0 } else { prepended };
        let room = if left_out == 0 { self.room() } else { 0 };
        for (local, data) in zip::unlisted_locals(bytes, start, central.start, (&entries, &order), room) {
            self.entries += 1;
            let base = Item { in_package, ..Item::child(item, &local.name, Some(local.name.clone())) };
            self.add(&base.path, FactKind::Inconsistent(Inconsistency::UnlistedEntry));
            let declared = u64::from(bytes::le32(bytes, local.header + 22).unwrap_or(0));
            let encrypted = local.flags & 0x0001 != 0 || local.method == 99;
            self.take_zip_entry(base, encrypted, local.method, data, (declared, data.len() as u64), stack);
        }
    }

    /// The name 7-Zip and Info-ZIP unzip write when the central directory gives
    /// a Unicode Path field (APPNOTE §4.6.9) whose CRC matches: checked too, and
    /// an inconsistency when its extension is not the header name's. A name in
    /// another code page with the same extension (`r?sum?.txt` beside
    /// `résumé.txt`) is what the field is for, not a disguise.
    fn check_unicode_path(&mut self, item: &Item, base: &Item, entry: &zip::Entry) {
        let Some(unicode) = entry.unicode_name.as_deref().filter(|u| *u != entry.name) else { return };
        let extension = |name: &str| names::analyse(name).extension;
        if extension(unicode) != extension(&entry.name) {
            let fact = Inconsistency::UnicodePathMismatch { unicode: unicode.to_string(), header: entry.name.clone() };
            self.add(&base.path, FactKind::Inconsistent(fact));
        }
        self.check_name(&Item::child(item, unicode, Some(unicode.to_string())));
    }

    /// Checks one ZIP entry: its first bytes always, the whole of it (within the
    /// budget and the ratio cap, where a bomb stops) when it is a container, a
    /// document or a page.
    fn take_zip_entry<'b>(
        &mut self,
        base: Item<'b>,
        encrypted: bool,
        method: u16,
        data: &[u8],
        (declared_size, compressed_size): (u64, u64),
        stack: &mut Vec<Item<'b>>,
    ) {
        if encrypted {
            self.check_name(&base);
            self.add(&base.path, FactKind::Encrypted { container: "ZIP", names_hidden: false });
            return;
        }
        if method != 0 && method != 8 {
            self.check_name(&base);
            let format = "zip-unsupported-method".to_string();
            self.add(&base.path, FactKind::Uninspectable { format, names: Vec::new() });
            return;
        }
        let declared_ratio = declared_size.checked_div(compressed_size).unwrap_or(0);
        let suspicious_ratio = declared_size > self.limits.compression_ratio_min_bytes
            && declared_ratio > self.limits.max_compression_ratio;
        if suspicious_ratio {
            self.reach(&base.path, Limit::CompressionRatio, declared_ratio, self.limits.max_compression_ratio);
        }
        let sniff = self.extract(method, data, SNIFF_BYTES as u64, &base.path);
        // Formats found at the end of a file (a VHD's or DMG's footer, an archive glued
        // after a document, as a PDF+ZIP polyglot): a compressed entry whose first bytes
        // name no format, or a PDF, outside an Office package, is read whole when its
        // declared size fits what the budget and the ratio cap leave; otherwise, or
        // when it does not inflate to the end there, it is judged as before (its first
        // bytes, or as far as a far signature), and no limit is said for a read only
        // made to look at its end.
        let head = (!sniff.complete).then(|| magic::detect(&sniff.bytes)).flatten();
        let cap = (data.len() as u64)
            .saturating_mul(self.limits.max_compression_ratio)
            .max(self.limits.compression_ratio_min_bytes)
            .min(self.budget_left());
        // A stored entry's length is its data's; a deflated one's, what it declares.
        let length = if method == 0 { data.len() as u64 } else { declared_size };
        let tail_wanted = !sniff.complete
            && looks_further(&base, head)
            && !suspicious_ratio
            && !wants_whole(head, base.name.as_deref())
            && length <= cap;
        if tail_wanted {
            if let Some(whole) = self.extract_further(method, data, length, cap, &base.path).filter(|w| w.complete) {
                // Looked at now, where its first bytes were judged before: its facts keep their place.
                self.examine(&Item { bytes: Cow::Owned(whole.bytes), complete: true, ..base }, stack);
                return;
            }
        }
        // A program whose PE header, or an image whose volume descriptor, lies past
        // the first bytes: read that far (`magic::far_signature_end`).
        let far = (method != 0 && !sniff.complete).then(|| magic::far_signature_end(&sniff.bytes)).flatten();
        let sniff = match far {
            Some(end) => self.extract(method, data, end as u64, &base.path),
            None => sniff,
        };
        // A stored entry's bytes are all there to look at, and so are those of an entry
        // read to its end for a far signature: trailers and far signatures count.
        let format = match (method, sniff.complete) {
            (0, _) => magic::detect_whole(data),
            (_, true) => magic::detect_whole(&sniff.bytes),
            _ => magic::detect(&sniff.bytes),
        };
        let whole_wanted = wants_whole(format, base.name.as_deref());
        if whole_wanted && !sniff.complete && !suspicious_ratio {
            let ratio_cap = (data.len() as u64)
                .saturating_mul(self.limits.max_compression_ratio)
                .max(self.limits.compression_ratio_min_bytes);
            let cap = ratio_cap.min(self.budget_left());
            let whole = self.extract(method, data, cap, &base.path);
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
        } else if whole_wanted && sniff.complete {
            stack.push(Item { bytes: Cow::Owned(sniff.bytes), complete: true, ..base });
        } else if sniff.complete && looks_further(&base, format) {
            // All of it is read: looked at whole (a glued archive, an ActiveMime object) now,
            // where its first bytes were judged before.
            self.examine(&Item { bytes: Cow::Owned(sniff.bytes), complete: true, ..base }, stack);
        } else {
            let complete = sniff.complete;
            self.check_leaf(&Item { bytes: Cow::Owned(sniff.bytes), complete, ..base }, format);
        }
    }

    pub(super) fn open_tar<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let (members, more) = tar::tar_members(&item.bytes, self.room());
        self.count_entries(&item.path, members.len(), more);
        for member in members.iter().filter(|m| m.is_regular_file) {
            let data = item.bytes.get(member.data.clone()).unwrap_or(&[]);
            self.push_stored(Item::child(item, &member.name, Some(member.name.clone())), data, stack);
        }
    }

    /// ISO 9660 stores files whole: each is a slice of the image.
    pub(super) fn open_iso<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let (files, more) = iso9660::iso_files(&item.bytes, self.room());
        self.count_entries(&item.path, files.len(), more);
        for file in files {
            let data = item.bytes.get(file.data).unwrap_or(&[]);
            // The path moves into the item: it is not copied.
            let mut child = Item::child(item, &file.path, None);
            child.name = Some(file.path);
            self.push_stored(child, data, stack);
        }
    }

    /// Embedded files have no name here: they are shown as `[1]`, `[2]`, … and judged by content.
    pub(super) fn open_onenote<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let (files, more) = onenote::embedded_files(&item.bytes, self.room());
        self.count_entries(&item.path, files.len(), more);
        for (index, range) in files.into_iter().enumerate() {
            let data = item.bytes.get(range).unwrap_or(&[]);
            self.push_stored(Item::child(item, &format!("[{}]", index + 1), None), data, stack);
        }
    }

    /// gzip holds one file: its stored name (RFC 1952 FNAME) or the archive's name without `.gz`.
    pub(super) fn open_gzip<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let Some((stored_name, start)) = containers::gzip_header(&item.bytes) else { return };
        let outer = item.name.as_deref().map(|n| names::analyse(n).effective).unwrap_or_default();
        let name = stored_name
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| compressed_name(&outer, Format::Gzip).unwrap_or_default());
        let data = item.bytes.get(start..).unwrap_or(&[]);
        let path = join(&item.path, if name.is_empty() { "(gzip content)" } else { &name });
        let ratio_cap = (data.len() as u64)
            .saturating_mul(self.limits.max_compression_ratio)
            .max(self.limits.compression_ratio_min_bytes);
        let whole = self.extract(8, data, ratio_cap, &path);
        if !whole.complete && !whole.corrupt && whole.bytes.len() as u64 >= ratio_cap {
            // The inflate stopped at the cap: the ratio is more than that. RFC 1952
            // §2.3.1: the trailer's ISIZE declares the whole size (modulo 2³²),
            // which says how much more when it is larger.
            let compressed = (data.len() as u64).max(1);
            let declared = u64::from(bytes::le32(data, data.len().saturating_sub(4)).unwrap_or(0));
            let ratio = (whole.bytes.len() as u64).max(declared) / compressed;
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

    /// Archives whose data is compressed with methods not read here: their names
    /// are listed (when their headers are plain) and checked; the rest is said.
    pub(super) fn list_names(&mut self, item: &Item, format: Format) {
        let room = self.room();
        let (names, more) = match format {
            Format::Cab => containers::cab_names(&item.bytes, room),
            Format::Rar => {
                let listing = rar::rar_listing(&item.bytes, room);
                for name in &listing.encrypted {
                    let path = join(&item.path, name);
                    self.add(&path, FactKind::Encrypted { container: "RAR", names_hidden: false });
                }
                if listing.headers_encrypted {
                    self.add(&item.path, FactKind::Encrypted { container: "RAR", names_hidden: true });
                    return;
                }
                (listing.names, listing.more)
            }
            _ => {
                let listing = sevenzip::listing(&item.bytes, room);
                if listing.data_encrypted {
                    let names_hidden = listing.header == sevenzip::HeaderState::Encrypted;
                    self.add(&item.path, FactKind::Encrypted { container: "7z", names_hidden });
                }
                let format = match listing.header {
                    sevenzip::HeaderState::Encrypted => return,
                    sevenzip::HeaderState::Compressed => "7z-compressed-header",
                    sevenzip::HeaderState::Read | sevenzip::HeaderState::Broken => "7z",
                };
                if format != "7z" {
                    self.add(&item.path, FactKind::Uninspectable { format: format.to_string(), names: Vec::new() });
                    return;
                }
                (listing.names, listing.more)
            }
        };
        self.count_entries(&item.path, names.len(), more);
        for name in &names {
            self.check_name(&Item::child(item, name, Some(name.clone())));
        }
        self.add(&item.path, FactKind::Uninspectable { format: format.key().to_string(), names });
    }
}

/// Which entries' bytes (local header to end of data) overlap an entry before
/// them in the file: they are not inflated again, which is what defeats the
/// non-recursive zip bomb (D. Fifield, "A better zip bomb", WOOT 2019).
fn overlapping_entries(bytes: &[u8], entries: &[zip::Entry], order: &[(usize, usize)]) -> Vec<bool> {
    let mut overlapping = vec![false; entries.len()];
    let mut covered_to = 0usize;
    for &(start, index) in order {
        let entry = &entries[index];
        let Some(span) = zip::entry_span(bytes, entry).filter(|_| !entry.is_directory) else { continue };
        if start < covered_to {
            overlapping[index] = true;
        }
        covered_to = covered_to.max(span.end);
    }
    overlapping
}

/// Whether an entry of `format` (from its first bytes) is looked at whole when it can
/// be read to its end: no format known from its start, or a PDF, for what shows at a
/// file's end or inside a text (a disk image's footer, an archive glued after a
/// document, Office's ActiveMime object); not the parts of an Office package.
pub(super) fn looks_further(item: &Item, format: Option<Format>) -> bool {
    !item.in_package && matches!(format, None | Some(Format::Pdf))
}
