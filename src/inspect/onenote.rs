//! Files embedded in a OneNote section (`.one`): [MS-ONESTORE] §2.6.13, each
//! FileDataStoreObject is a header GUID, the file's length and its bytes, stored
//! as is. OneNote notes with an embedded script or program behind a "click to
//! view" picture are a mail malware carrier since Office blocked macros (2023).
//! Their names live in property sets and are not read: the files are judged by content.

use super::bytes::{find, le64};
use std::ops::Range;

/// {BDE316E7-2665-4511-A4C4-8D4D0B7A9EAC}, the FileDataStoreObject header, little-endian.
const FILE_DATA_HEADER: [u8; 16] =
    [0xe7, 0x16, 0xe3, 0xbd, 0x65, 0x26, 0x11, 0x45, 0xa4, 0xc4, 0x8d, 0x4d, 0x0b, 0x7a, 0x9e, 0xac];

/// Header GUID (16), cbLength (8), unused (4), reserved (8), then the data.
const DATA_OFFSET: usize = 36;

/// The byte ranges of at most `max_files` embedded files; the flag says whether more were left out.
pub fn embedded_files(bytes: &[u8], max_files: usize) -> (Vec<Range<usize>>, bool) {
    let mut files = Vec::new();
    let mut from = 0usize;
    while let Some(at) = find(bytes, &FILE_DATA_HEADER, from) {
        if files.len() >= max_files {
            return (files, true);
        }
        let start = at + DATA_OFFSET;
        let length = le64(bytes, at + 16).and_then(|l| usize::try_from(l).ok()).unwrap_or(0);
        let end = start.saturating_add(length).min(bytes.len());
        if start <= end {
            files.push(start..end);
        }
        // The next object starts after this one's data (never before: no overlap, no quadratic walk).
        from = end.max(at + 16);
    }
    (files, false)
}
