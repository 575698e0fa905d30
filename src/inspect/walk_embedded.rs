//! Files carried inside mail and document formats that are not archives but
//! hold attachments all the same: TNEF (`winmail.dat`), Outlook items (`.msg`),
//! RTF objects and OLE "Package" objects (in RTF, or as the `\x01Ole10Native`
//! stream of an OLE2 file such as an OOXML `word/embeddings/oleObject1.bin`).
//! Each file found goes back on the walk's stack under its stored name, within
//! the attachment's limits of depth, entries and bytes.

use super::walk::{Inspection, Item};
use super::{names, ole2, ole_object, tnef, Limit};

/// [MS-OXMSG] §2.2.2: each attachment of an Outlook item is the storage
/// `__attach_version1.0_#XXXXXXXX`; in it, the stream of `PidTagAttachDataBinary`
/// holds the bytes and the long or short file name streams the name (§2.1.3:
/// `__substg1.0_` + property id + type, 001F Unicode, 001E 8-bit).
const MSG_ATTACHMENT_PREFIX: &str = "__attach_version1.0_#";
const MSG_DATA_STREAM: &str = "__substg1.0_37010102";
const MSG_NAME_STREAMS: [&str; 4] =
    ["__substg1.0_3707001F", "__substg1.0_3707001E", "__substg1.0_3704001F", "__substg1.0_3704001E"];
/// Longest file name stream read (bytes; a name is at most 260 UTF-16 units).
const MAX_NAME_STREAM_BYTES: usize = 1024;

impl Inspection<'_> {
    /// A stored file named `names[0]`; the others are names it also goes by,
    /// checked too when their extension differs (a TNEF title is often the
    /// 8.3 form of the long name: `INVOIC~1.EXE`).
    fn push_named<'b>(&mut self, item: &Item<'b>, names: &[String], data: &[u8], stack: &mut Vec<Item<'b>>) {
        let first = names.first().cloned();
        let label = first.clone().unwrap_or_else(|| "(no name)".to_string());
        let extension = |name: &str| names::analyse(name).extension;
        let first_extension = first.as_deref().and_then(extension);
        for other in names.iter().skip(1).filter(|n| extension(n) != first_extension) {
            self.check_name(&Item::child(item, other, Some(other.clone())));
        }
        self.push_stored(Item::child(item, &label, first), data, stack);
    }

    pub(super) fn open_tnef<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let (files, more) = tnef::attachments(&item.bytes, self.room());
        self.count_entries(&item.path, files.len(), more);
        for file in &files {
            let mut names: Vec<String> = file.name().map(str::to_string).into_iter().collect();
            if let Some(title) = file.title.as_ref().filter(|t| !t.is_empty() && Some(t.as_str()) != file.name()) {
                names.push(title.clone());
            }
            let data = file.data.clone().and_then(|r| item.bytes.get(r)).unwrap_or(&[]);
            self.push_named(item, &names, data, stack);
        }
    }

    /// Each `\objdata` object: a Package's file under its name, any other
    /// object (often an OLE2 document) shown as `[class]` and judged by content.
    pub(super) fn open_rtf<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let budget = usize::try_from(self.budget_left()).unwrap_or(usize::MAX);
        let (objects, more) = ole_object::rtf_objects(&item.bytes, self.room(), budget);
        self.count_entries(&item.path, objects.len(), more);
        for object in &objects {
            self.inflated = self.inflated.saturating_add(object.data.len() as u64);
            if !object.complete {
                let value = self.inflated;
                self.reach(&item.path, Limit::InflatedBytes, value, self.limits.max_inflated_bytes);
            }
            let Some((class, native)) = ole_object::ole1_native(&object.data) else { continue };
            if class.eq_ignore_ascii_case("Package") {
                if let Some(package) = ole_object::package(native, false) {
                    self.push_named(item, &package.names(), package.data, stack);
                    continue;
                }
            }
            self.push_stored(Item::child(item, &format!("[{class}]"), None), native, stack);
        }
    }

    /// The files an OLE2 file carries: a Package object's (`\x01Ole10Native`)
    /// and an Outlook item's attachments.
    pub(super) fn open_ole2_files<'b>(
        &mut self,
        item: &Item<'b>,
        directory: &ole2::Directory,
        stack: &mut Vec<Item<'b>>,
    ) {
        let native = directory.entries.iter().find(|e| e.object_type == 2 && e.name == "\u{1}Ole10Native");
        let attachments: Vec<&ole2::DirEntry> =
            directory.entries.iter().filter(|e| e.object_type == 1 && e.name.starts_with(MSG_ATTACHMENT_PREFIX)).collect();
        if (native.is_none() && attachments.is_empty()) || !self.may_open(item) {
            return;
        }
        if let Some(native) = native {
            let stream = self.read_counted(item, directory, native);
            if let Some(package) = ole_object::package(&stream, true) {
                self.count_entries(&item.path, 1, false);
                self.push_named(item, &package.names(), package.data, stack);
            }
        }
        let room = self.room();
        self.count_entries(&item.path, attachments.len().min(room), attachments.len() > room);
        for storage in attachments.into_iter().take(room) {
            let copied = directory.mini_stream_copied();
            let streams = directory.children(storage);
            let named = |wanted: &str| streams.iter().copied().find(|s| s.object_type == 2 && s.name.eq_ignore_ascii_case(wanted));
            let name = MSG_NAME_STREAMS.iter().find_map(|wanted| {
                let stream = directory.read_entry(&item.bytes, named(wanted)?, MAX_NAME_STREAM_BYTES)?;
                let text = if wanted.ends_with('F') { utf16(&stream) } else { stream.iter().map(|&b| char::from(b)).collect() };
                let text: String = text.chars().take_while(|&c| c != '\0').collect();
                (!text.trim().is_empty()).then_some(text)
            });
            self.count_mini_stream(directory, copied);
            let data = named(MSG_DATA_STREAM).map(|s| self.read_counted(item, directory, s)).unwrap_or_default();
            self.push_named(item, &name.into_iter().collect::<Vec<_>>(), &data, stack);
        }
    }

    /// A stream's bytes, within the budget, counted in it.
    fn read_counted(&mut self, item: &Item, directory: &ole2::Directory, entry: &ole2::DirEntry) -> Vec<u8> {
        let budget = usize::try_from(self.budget_left()).unwrap_or(usize::MAX);
        let copied = directory.mini_stream_copied();
        let stream = directory.read_entry(&item.bytes, entry, budget).unwrap_or_default();
        self.count_mini_stream(directory, copied);
        self.inflated = self.inflated.saturating_add(stream.len() as u64);
        if (stream.len() as u64) < entry.size && stream.len() >= budget {
            let value = self.inflated;
            self.reach(&item.path, Limit::InflatedBytes, value, self.limits.max_inflated_bytes);
        }
        stream
    }

    /// Counts in the budget the bytes of the mini stream `directory` copied
    /// since it held `before` (once per file: at the first stream under the
    /// cutoff read, `ole2::Directory::read_entry` copies it and keeps it).
    pub(super) fn count_mini_stream(&mut self, directory: &ole2::Directory, before: usize) {
        let copied = directory.mini_stream_copied().saturating_sub(before);
        self.inflated = self.inflated.saturating_add(copied as u64);
    }
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
    String::from_utf16_lossy(&units)
}


#[cfg(test)]
mod tests {
    use crate::inspect::{inspect_file, FactKind, Limit, Limits};
    use crate::rules::attachments::{default_limits, samples};

    fn kinds(name: &str, bytes: &[u8], limits: &Limits) -> Vec<(String, FactKind)> {
        inspect_file(Some(name), None, bytes, limits).into_iter().map(|f| (f.path, f.kind)).collect()
    }

    #[test]
    fn a_tnef_with_more_files_than_the_entry_limit_says_so() {
        let files: Vec<(String, Vec<u8>)> = (0..5).map(|i| (format!("f{i}.exe"), vec![b'x'; 10])).collect();
        let refs: Vec<(&str, Option<&str>, &[u8])> = files.iter().map(|(n, d)| (n.as_str(), None, d.as_slice())).collect();
        let limits = Limits { max_entries: 3, ..default_limits() };
        let found = kinds("winmail.dat", &samples::tnef(&refs), &limits);
        let programs = found.iter().filter(|(_, k)| matches!(k, FactKind::ExecutableName { .. })).count();
        assert_eq!(programs, 3);
        assert!(found.iter().any(|(_, k)| matches!(k, FactKind::LimitReached { limit: Limit::Entries, .. })));
    }

    #[test]
    fn carriers_nested_past_the_depth_limit_are_not_opened() {
        let program = b"MZ".to_vec();
        let mut nested = samples::tnef(&[("run.exe", None, &program)]);
        for _ in 0..3 {
            nested = samples::outlook_item(&[("inner.dat", &nested)]);
        }
        let limits = Limits { max_depth: 2, ..default_limits() };
        let found = kinds("Invoice.msg", &nested, &limits);
        assert!(found.iter().any(|(_, k)| matches!(k, FactKind::LimitReached { limit: Limit::Depth, .. })));
        assert!(!found.iter().any(|(p, _)| p.ends_with("run.exe")));
        let found = kinds("Invoice.msg", &nested, &default_limits());
        assert!(found.iter().any(|(p, k)| p.ends_with("run.exe") && matches!(k, FactKind::ExecutableName { .. })));
    }

    #[test]
    fn an_rtf_object_that_is_not_a_package_is_judged_by_content() {
        let document = samples::word_97_document(true);
        let rtf = samples::rtf_with_object(&samples::ole1_object("Word.Document.8", &document));
        let found = kinds("letter.rtf", &rtf, &default_limits());
        assert!(found.iter().any(|(p, k)| p == "letter.rtf > [Word.Document.8]" && matches!(k, FactKind::MacroDocument(_))));
        let clean = kinds("letter.rtf", b"{\\rtf1\\ansi Hello {\\b Bob}.\\par}", &default_limits());
        assert_eq!(clean, Vec::new());
    }
}

#[cfg(test)]
mod onenote_tests {
    use crate::inspect::{inspect_file, FactKind};
    use crate::rules::attachments::{default_limits, samples};

    #[test]
    fn a_page_embedded_in_onenote_that_drives_the_shell_is_a_script() {
        let hta = b"<script language=\"VBScript\">CreateObject(\"WScript.Shell\").Run \"calc\"</script>";
        let picture = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let found = inspect_file(Some("notes.one"), None, &samples::onenote_section(&[picture, hta]), &default_limits());
        let scripts: Vec<&str> = found
            .iter()
            .filter(|f| matches!(f.kind, FactKind::ExecutableContent { format: "windows-script" }))
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(scripts, vec!["notes.one > [2]"]);
    }
}
