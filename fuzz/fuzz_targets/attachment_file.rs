//! One attachment inspected alone (`inspect::inspect_file`), with the default
//! limits: the first byte picks the name it is sent under (so each reader is
//! reached by name as by content), the rest are the file's decoded bytes. The
//! mutator works on the container's own bytes (zip, 7z, tar, gzip, TNEF, .msg,
//! RTF, OLE, OneNote, ODF/OOXML, HTML, attached .eml), which a whole message's
//! base64 would hide from it. Every fact's path stays within the bound its
//! depth limit sets (names are made visible later, when a finding is worded).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_preflight::inspect::{inspect_file, Limits, MAX_NAME_CHARS, PATH_SEPARATOR};
use mail_preflight::rules::attachments::default_limits;
use std::sync::OnceLock;

/// Names an attachment is sent under: every container and reader the
/// inspection has, a program, a harmless type, and no extension.
const NAMES: &[&str] = &[
    "a.zip", "a.jar", "a.docx", "a.xlsm", "a.pptx", "a.odt", "a.7z", "a.tar", "a.gz", "a.tgz", "a.rar", "a.iso",
    "winmail.dat", "a.msg", "a.rtf", "a.doc", "a.xls", "a.one", "a.eml", "a.html", "a.svg", "a.pdf", "a.lnk",
    "a.exe", "a.js", "a.txt", "a.ics", "a.bin", "a", "a.cab", "a.img", "a.p7m",
];

fn limits() -> &'static Limits {
    static LIMITS: OnceLock<Limits> = OnceLock::new();
    LIMITS.get_or_init(default_limits)
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(selector) % NAMES.len()];
    // A path is one shown name (at most MAX_NAME_CHARS) per level opened, and the
    // levels are bounded by the depth limit (a few more for the carriers a level
    // may hold: an attached message's parts, an OLE object's file).
    let bound = (limits().max_depth + 8) * (MAX_NAME_CHARS + PATH_SEPARATOR.len());
    for fact in inspect_file(Some(name), None, bytes, limits()) {
        fuzz_checks::assert_capped("a fact's path", &fact.path, bound);
    }
});
