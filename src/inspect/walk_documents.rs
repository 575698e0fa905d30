//! Documents read through their structure during the walk: OLE2 files (VBA
//! projects, installers, encryption, Excel 4.0 macro sheets), OOXML packages
//! (macro parts and content types, workbooks) and web pages (smuggled files).

use super::walk::{Inspection, Item};
use super::{active, join, ole2, smuggling, xls, zip};
use super::{FactKind, Limit, MacroSign};
use crate::base64;
use std::borrow::Cow;

/// Most bytes of `[Content_Types].xml` read from an Office package; real ones
/// are a few kilobytes.
pub const MAX_CONTENT_TYPES_BYTES: usize = 1_000_000;

impl Inspection<'_> {
    pub(super) fn read_ole2<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let Some(directory) = ole2::read_directory(&item.bytes) else { return };
        self.open_ole2_files(item, &directory, stack);
        if directory.is_installer() {
            self.add(&item.path, FactKind::ExecutableContent { format: "windows-installer" });
        }
        if let Some(storage) = directory.vba_storage() {
            self.add(&item.path, FactKind::MacroDocument(MacroSign::VbaStorage(storage.to_string())));
        }
        if directory.is_encrypted_office_document() {
            self.add(&item.path, FactKind::Encrypted { container: "Office", names_hidden: false });
        }
        // [MS-XLS] §2.1.2: a BIFF8 workbook is the `Workbook` stream (BIFF5: `Book`).
        let budget = usize::try_from(self.budget_left()).unwrap_or(usize::MAX).min(xls::MAX_GLOBALS_BYTES);
        let copied = directory.mini_stream_copied();
        let stream = ["Workbook", "Book"].iter().find_map(|name| directory.read_stream(&item.bytes, name, budget));
        self.count_mini_stream(&directory, copied);
        let Some(stream) = stream else { return };
        self.inflated = self.inflated.saturating_add(stream.len() as u64);
        let globals = xls::read_globals(&stream);
        if let Some(sheet) = globals.sheets.iter().find(|s| s.is_macro_sheet()) {
            let sign = MacroSign::Excel4MacroSheet { sheet: sheet.name.clone(), very_hidden: sheet.visibility == 2 };
            self.add(&item.path, FactKind::MacroDocument(sign));
        }
        if globals.encrypted && !directory.is_encrypted_office_document() {
            self.add(&item.path, FactKind::Encrypted { container: "Office", names_hidden: false });
        }
    }

    /// OOXML (ECMA-376 Part 2): a macro project is the part `vbaProject.bin`, Excel 4.0
    /// macros are `xl/macrosheets/`, and a macro-enabled main part is declared in `[Content_Types].xml`.
    /// OpenDocument: LibreOffice keeps Basic modules under `Basic/` and scripts under `Scripts/`.
    pub(super) fn check_office_package(&mut self, item: &Item, entries: &[zip::Entry]) {
        if let Some(vba) = entries.iter().find(|e| e.name.to_ascii_lowercase().ends_with("vbaproject.bin")) {
            self.add(&join(&item.path, &vba.name), FactKind::MacroDocument(MacroSign::VbaProjectPart));
            return;
        }
        if let Some(sheet) = entries.iter().find(|e| e.name.starts_with("xl/macrosheets/")) {
            self.add(&join(&item.path, &sheet.name), FactKind::MacroDocument(MacroSign::MacroSheets));
            return;
        }
        if let Some(module) = entries.iter().find(|e| !e.is_directory && is_odf_macro_part(&e.name)) {
            self.add(&join(&item.path, &module.name), FactKind::MacroDocument(MacroSign::OdfMacros));
            return;
        }
        if let Some(types) = entries.iter().find(|e| e.name == "[Content_Types].xml" && !e.encrypted) {
            if let Some((_, data)) = zip::entry_data(&item.bytes, types) {
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

    /// A page that asks for a password or redirects, or an SVG picture that
    /// scripts or draws a form.
    pub(super) fn check_active(&mut self, item: &Item, extension: Option<&str>) {
        let declared_svg = item.declared_type.as_deref().is_some_and(|t| t.trim().eq_ignore_ascii_case("image/svg+xml"));
        let head = &item.bytes[..item.bytes.len().min(1024)];
        // An SVG by name, by type, or by content (an <svg> root, not a page's inline icon).
        let sniffed = |tag: &[u8]| super::bytes::contains_ignore_case(head, tag);
        let svg = extension == Some("svg") || declared_svg || (sniffed(b"<svg") && !sniffed(b"<html"));
        let signs = active::detect(&item.bytes, svg);
        if !signs.is_empty() {
            self.add(&item.path, FactKind::ActivePage { signs, svg });
        }
    }

    /// A page that rebuilds a file from base64 and offers it for download; the
    /// carried file is decoded (within the budget) and walked like any other,
    /// shown as `page.html > [base64]`.
    pub(super) fn check_smuggling<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let Some(found) = smuggling::detect(&item.bytes) else { return };
        let run = &found.carried;
        let blob_bytes = (run.len() / 4 * 3) as u64;
        self.add(&item.path, FactKind::HtmlSmuggling { blob_bytes, signals: found.signals });
        if item.depth >= self.limits.max_depth {
            let depth = item.depth as u64 + 1;
            self.reach(&item.path, Limit::Depth, depth, self.limits.max_depth as u64);
            return;
        }
        let allowed = usize::try_from(self.budget_left()).unwrap_or(usize::MAX);
        let decoded = base64::decode(run, allowed);
        let complete = (allowed as u64) >= blob_bytes || decoded.len() < allowed;
        self.inflated = self.inflated.saturating_add(decoded.len() as u64);
        if !complete {
            let value = self.inflated;
            self.reach(&item.path, Limit::InflatedBytes, value, self.limits.max_inflated_bytes);
        }
        self.entries += 1;
        let mut child = Item::child(item, "[base64]", None);
        child.bytes = Cow::Owned(decoded);
        child.complete = complete;
        stack.push(child);
    }
}

/// The library index files of an OpenDocument's `Basic/` folder, which name the
/// libraries and modules but hold no code.
const ODF_BASIC_INDEXES: &[&str] = &["script-lc.xml", "script-lb.xml", "dialog-lc.xml", "dialog-lb.xml"];

/// A part of an OpenDocument package that holds macros LibreOffice runs: a
/// Basic module (`Basic/<library>/<module>.xml`, beside the library indexes) or
/// a script of the scripting framework (`Scripts/python/…`, `Scripts/javascript/…`).
fn is_odf_macro_part(name: &str) -> bool {
    let leaf = name.rsplit('/').next().unwrap_or(name);
    let module = name.starts_with("Basic/") && name.matches('/').count() >= 2 && !ODF_BASIC_INDEXES.contains(&leaf);
    module || (name.starts_with("Scripts/") && !leaf.is_empty())
}

#[cfg(test)]
mod tests {
    use super::is_odf_macro_part;

    #[test]
    fn basic_modules_and_scripts_are_macros_and_library_indexes_are_not() {
        assert!(is_odf_macro_part("Basic/Standard/Module1.xml"));
        assert!(is_odf_macro_part("Scripts/python/run.py"));
        for index in ["Basic/script-lc.xml", "Basic/Standard/script-lb.xml", "Basic/Standard/dialog-lb.xml"] {
            assert!(!is_odf_macro_part(index), "{index}");
        }
        assert!(!is_odf_macro_part("content.xml") && !is_odf_macro_part("Scripts/"));
    }

    #[test]
    fn the_mini_stream_copied_is_counted_in_the_budget() {
        use crate::inspect::{inspect_named, ole2, Spent};
        let file = ole2::tests::with_mini_stream(64, &[("Workbook", 0, 100)]);
        let mut spent = Spent::default();
        let limits = crate::rules::attachments::default_limits();
        inspect_named("book.xls", Some("book.xls"), None, &file, &limits, &mut spent);
        // The workbook stream's 100 bytes and the 32 KB mini stream it was read from.
        assert_eq!(spent.inflated, 100 + 64 * 512);
    }
}
