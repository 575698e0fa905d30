//! A ZIP reader that trusts nothing: it finds the end of central directory
//! record wherever it is, lists the central directory (APPNOTE.TXT §4.3.12),
//! walks the local headers as a streaming extractor would, and hands out each
//! entry's compressed bytes; inflating is the caller's, bounded.

use super::bytes::{find, le16, le32, le64};
use std::ops::Range;

/// APPNOTE §4.3.16: the EOCD record is 22 bytes plus a comment of at most
/// 65,535 bytes, so a well-formed ZIP has it within this many bytes of the end.
pub const EOCD_SEARCH_WINDOW: usize = 22 + 0xffff;

/// Most `PK\5\6` signatures tried as an end record, from the end backwards. A
/// ZIP with data appended after it puts its record further than the window;
/// readers such as 7-Zip still find it, and so do we, up to this many false
/// candidates (default, ours: real files hold one or two).
pub const MAX_EOCD_CANDIDATES: usize = 64;

/// One entry of the central directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name as stored (UTF-8 when general-purpose bit 11 is set, else CP437).
    pub name: String,
    /// The name's bytes, to compare with the local header's.
    pub raw_name: Vec<u8>,
    /// General-purpose bit 0 (APPNOTE §4.4.4), or AES encryption (method 99).
    pub encrypted: bool,
    /// Compression method (0 stored, 8 deflate, …).
    pub method: u16,
    pub compressed_size: u64,
    /// As declared; never used to size a buffer.
    pub declared_size: u64,
    /// Offset of the local header in the file (any prepended data included).
    pub local_header_offset: u64,
    pub is_directory: bool,
    /// The name of the Info-ZIP Unicode Path extra field (0x7075, APPNOTE
    /// §4.6.9), kept when its CRC-32 is the header name's, as 7-Zip and Info-ZIP
    /// unzip require before they write the file under it.
    pub unicode_name: Option<String>,
}

/// What the central directory says, or why it cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directory {
    Listed {
        entries: Vec<Entry>,
        /// Entries declared beyond `max_entries`, not listed.
        entries_left_out: u64,
        /// Bytes before the archive (a self-extractor's program, or anything else).
        prepended: usize,
        /// Where the central directory lies in the file.
        central: Range<usize>,
    },
    /// No end of central directory record whose directory can be read.
    Unreadable,
}

/// Where an end record points: the central directory, the offsets' shift, the
/// declared entry count.
struct Located {
    central_start: usize,
    central_end: usize,
    shift: usize,
    declared_count: u64,
}

/// Lists at most `max_entries` entries of the ZIP found in `bytes`, wherever it starts.
pub fn read_directory(bytes: &[u8], max_entries: usize) -> Directory {
    let Some(located) = locate(bytes) else { return Directory::Unreadable };
    let mut entries = Vec::new();
    let mut at = located.central_start;
    let header_here = |at: usize| bytes.get(at..at.saturating_add(4)) == Some(b"PK\x01\x02");
    while entries.len() < max_entries && header_here(at) {
        let Some((mut entry, next)) = read_entry(bytes, at) else { break };
        entry.local_header_offset = entry.local_header_offset.saturating_add(located.shift as u64);
        entries.push(entry);
        at = next;
    }
    let entries_left_out = if entries.len() >= max_entries && header_here(at) {
        located.declared_count.saturating_sub(entries.len() as u64).max(1)
    } else {
        0
    };
    Directory::Listed {
        entries,
        entries_left_out,
        prepended: located.shift,
        central: located.central_start..located.central_end.max(located.central_start),
    }
}

/// Finds the last end record whose central directory is where it says, trying the
/// offsets as written and shifted by the bytes prepended to the archive.
fn locate(bytes: &[u8]) -> Option<Located> {
    let mut end = bytes.len();
    for _ in 0..MAX_EOCD_CANDIDATES {
        let at = rfind(bytes, b"PK\x05\x06", end)?;
        if let Some(located) = locate_from(bytes, at) {
            return Some(located);
        }
        end = at;
    }
    None
}

/// Places of the needle's last byte `rfind` tests before it may hand the rest of
/// its search to memmem (ours): a file full of that byte is searched in linear
/// time either way.
const MAX_LAST_BYTE_TESTS: usize = 4096;

/// Past `MAX_LAST_BYTE_TESTS`, the fewest bytes searched per place tested for
/// `rfind` to go on with memrchr (ours). Compressed data holds the end record's
/// last byte once in 256 bytes on average: a 7 MB PDF has some 27,000 of them,
/// and handing that file to memmem's reverse search (no prefilter, byte by byte
/// in wasm) was a twentieth of its lint in Node (#14, stop 40). Only a file
/// denser in that byte than one in 64 goes to memmem, so the search stays linear.
const MIN_BYTES_PER_TEST: usize = 64;

/// The last occurrence of `needle` starting before `end`.
fn rfind(bytes: &[u8], needle: &[u8], end: usize) -> Option<usize> {
    // The needle may run past `end`: search up to `end + needle.len() - 1`.
    let limit = end.saturating_add(needle.len().saturating_sub(1)).min(bytes.len());
    let hay = &bytes[..limit];
    let (&last, _) = needle.split_last()?;
    // The needle's last byte first (memrchr, many bytes a step; `\x06` of the end
    // record is rare), each place tested for the whole needle: memmem's reverse
    // search has no such prefilter, and was a twentieth of the lint of a 9.9 MB
    // message with a large attachment (#14; a test at every offset, a third).
    let mut before = hay.len();
    let mut tests = 0usize;
    while tests < MAX_LAST_BYTE_TESTS || tests.saturating_mul(MIN_BYTES_PER_TEST) <= hay.len() - before {
        let at = memchr::memrchr(last, &hay[..before])?;
        let start = (at + 1).checked_sub(needle.len())?;
        if &hay[start..=at] == needle {
            return Some(start).filter(|&start| start < end);
        }
        before = at;
        tests += 1;
    }
    memchr::memmem::rfind(&hay[..before], needle).filter(|&at| at < end)
}

fn locate_from(bytes: &[u8], eocd: usize) -> Option<Located> {
    bytes.get(eocd..eocd.checked_add(22)?)?;
    let mut declared_count = u64::from(le16(bytes, eocd + 10)?);
    let mut size = u64::from(le32(bytes, eocd + 12)?);
    let mut offset = u64::from(le32(bytes, eocd + 16)?);
    // The central directory ends where the end records begin.
    let mut directory_end = eocd;
    // APPNOTE §4.3.14–15: ZIP64 keeps the real values in its own end record,
    // found through the locator just before the classic one.
    if declared_count == 0xffff || size == 0xffff_ffff || offset == 0xffff_ffff {
        if let Some(record) = zip64_record(bytes, eocd) {
            declared_count = le64(bytes, record + 32)?;
            size = le64(bytes, record + 40)?;
            offset = le64(bytes, record + 48)?;
            directory_end = record;
        }
    }
    let size = usize::try_from(size).ok()?;
    let offset = usize::try_from(offset).ok()?;
    // Data before the archive moves everything: the directory really starts
    // `shift` bytes after where its offset says (APPNOTE §4.3.6: the offsets are
    // from the start of the archive, which a self-extractor's program precedes).
    let shift = directory_end.checked_sub(size)?.checked_sub(offset);
    let is_directory_at = |at: usize| bytes.get(at..at.saturating_add(4)) == Some(b"PK\x01\x02");
    let empty = declared_count == 0 && size == 0;
    for shift in [shift, Some(0)].into_iter().flatten() {
        let start = offset.checked_add(shift)?;
        if is_directory_at(start) || (empty && start == directory_end) {
            return Some(Located { central_start: start, central_end: directory_end, shift, declared_count });
        }
    }
    None
}

/// The ZIP64 end record, through the locator 20 bytes before the classic end
/// record; it usually sits just before the locator when data was prepended.
fn zip64_record(bytes: &[u8], eocd: usize) -> Option<usize> {
    let locator = eocd.checked_sub(20)?;
    if bytes.get(locator..locator + 4) != Some(b"PK\x06\x07") {
        return None;
    }
    let is_record = |at: usize| bytes.get(at..at.saturating_add(4)) == Some(b"PK\x06\x06");
    let declared = usize::try_from(le64(bytes, locator + 8)?).ok();
    let just_before = locator.checked_sub(56);
    [declared, just_before].into_iter().flatten().find(|&at| at < locator && is_record(at))
}

/// Reads the central directory header at `at` (APPNOTE §4.3.12); returns the
/// entry and the offset of the next header.
fn read_entry(bytes: &[u8], at: usize) -> Option<(Entry, usize)> {
    let flags = le16(bytes, at + 8)?;
    let method = le16(bytes, at + 10)?;
    let mut compressed_size = u64::from(le32(bytes, at + 20)?);
    let mut declared_size = u64::from(le32(bytes, at + 24)?);
    let name_len = usize::from(le16(bytes, at + 28)?);
    let extra_len = usize::from(le16(bytes, at + 30)?);
    let comment_len = usize::from(le16(bytes, at + 32)?);
    let mut local_header_offset = u64::from(le32(bytes, at + 42)?);
    let name_start = at + 46;
    let raw_name = bytes.get(name_start..name_start + name_len)?;
    let extra = bytes.get(name_start + name_len..name_start + name_len + extra_len).unwrap_or(&[]);
    // APPNOTE §4.5.3: the ZIP64 extra field holds, in order, the values whose
    // 32-bit fields are 0xFFFFFFFF.
    let mut field = 0usize;
    // The last Unicode Path field decides (each one read replaced the name the
    // one before gave): only it is checked, so the name's CRC-32 is computed
    // once an entry, not once a field (65,535 bytes of extra area hold 16,383
    // empty fields: with a 64 KB name, a gigabyte of CRC).
    let mut unicode_field = None;
    while field + 4 <= extra.len() {
        let id = le16(extra, field).unwrap_or(0);
        let size = usize::from(le16(extra, field + 2).unwrap_or(0));
        let data = extra.get(field + 4..field + 4 + size).unwrap_or(&[]);
        if id == 0x0001 {
            let mut cursor = 0;
            for value in [&mut declared_size, &mut compressed_size, &mut local_header_offset] {
                if *value == 0xffff_ffff {
                    if let Some(wide) = le64(data, cursor) {
                        *value = wide;
                        cursor += 8;
                    }
                }
            }
        }
        if id == UNICODE_PATH_FIELD {
            unicode_field = Some(data);
        }
        field += 4 + size;
    }
    let unicode_name = unicode_field.and_then(|data| unicode_path(data, raw_name));
    let name = decode_name(raw_name, flags);
    let entry = Entry {
        is_directory: name.ends_with('/') || name.ends_with('\\'),
        name,
        raw_name: raw_name.to_vec(),
        encrypted: flags & 0x0001 != 0 || method == 99,
        method,
        compressed_size,
        declared_size,
        local_header_offset,
        unicode_name,
    };
    Some((entry, name_start + name_len + extra_len + comment_len))
}

/// The Info-ZIP Unicode Path extra field's id (APPNOTE §4.6.9). Its sibling, the
/// Unicode Comment field (0x6375), names nothing and is not read.
const UNICODE_PATH_FIELD: u16 = 0x7075;

/// APPNOTE §4.6.9: version 1, the CRC-32 of the header name, the UTF-8 name.
/// A field whose CRC is not the header name's is stale and ignored, as
/// extractors do.
fn unicode_path(data: &[u8], header_name: &[u8]) -> Option<String> {
    if data.first() != Some(&1) || le32(data, 1)? != crc32(header_name) {
        return None;
    }
    Some(String::from_utf8_lossy(data.get(5..)?).into_owned())
}

/// CRC-32 (ISO 3309, the ZIP checksum), bitwise: it is only computed over names.
pub fn crc32(data: &[u8]) -> u32 {
    #[cfg(test)]
    tests::CRC_BYTES.with(|c| c.set(c.get() + data.len()));
    let mut crc = 0xffff_ffffu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn decode_name(raw: &[u8], flags: u16) -> String {
    #[cfg(test)]
    tests::DECODED_BYTES.with(|c| c.set(c.get() + raw.len()));
    if flags & 0x0800 != 0 {
        String::from_utf8_lossy(raw).into_owned()
    } else {
        cp437(raw)
    }
}

/// A local file header (APPNOTE §4.3.7) and what follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Local<'b> {
    pub name: String,
    pub raw_name: &'b [u8],
    /// General-purpose flags of the local header.
    pub flags: u16,
    pub method: u16,
    /// The compressed size the local header gives (0 with a data descriptor, bit 3).
    pub compressed_size: u64,
    /// Where the header starts and where its data starts.
    pub header: usize,
    pub data_start: usize,
}

/// Reads the local header at `at`.
pub fn local_header(bytes: &[u8], at: usize) -> Option<Local<'_>> {
    let LocalLayout { raw_name, flags, method, compressed_size, data_start } = local_layout(bytes, at)?;
    Some(Local { name: decode_name(raw_name, flags), raw_name, flags, method, compressed_size, header: at, data_start })
}

/// A local header's fields, its name not decoded: what `entry_span` needs.
/// Many central entries may point at one local header (the overlapping entries
/// of a non-recursive bomb): its name, up to 64 KB, was decoded once for each
/// (10,000 entries and a 64 KB CP437 name: 291 s in wasm); now only the entries
/// whose data is read decode it.
struct LocalLayout<'b> {
    raw_name: &'b [u8],
    flags: u16,
    method: u16,
    compressed_size: u64,
    data_start: usize,
}

fn local_layout(bytes: &[u8], at: usize) -> Option<LocalLayout<'_>> {
    if bytes.get(at..at.checked_add(4)?)? != b"PK\x03\x04" {
        return None;
    }
    let flags = le16(bytes, at + 6)?;
    let method = le16(bytes, at + 8)?;
    let compressed_size = u64::from(le32(bytes, at + 18)?);
    let name_len = usize::from(le16(bytes, at + 26)?);
    let extra_len = usize::from(le16(bytes, at + 28)?);
    let raw_name = bytes.get(at + 30..at + 30 + name_len)?;
    let data_start = at + 30 + name_len + extra_len;
    Some(LocalLayout { raw_name, flags, method, compressed_size, data_start })
}

/// The compressed bytes of an entry, found through its local header, cut to
/// what the file holds; with the local header read.
pub fn entry_data<'b>(bytes: &'b [u8], entry: &Entry) -> Option<(Local<'b>, &'b [u8])> {
    let at = usize::try_from(entry.local_header_offset).ok()?;
    let local = local_header(bytes, at)?;
    let size = usize::try_from(entry.compressed_size).unwrap_or(usize::MAX);
    let end = local.data_start.saturating_add(size).min(bytes.len());
    let data = bytes.get(local.data_start..end)?;
    Some((local, data))
}

/// The byte range an entry occupies, local header to end of data (as declared).
pub fn entry_span(bytes: &[u8], entry: &Entry) -> Option<Range<usize>> {
    let at = usize::try_from(entry.local_header_offset).ok()?;
    let local = local_layout(bytes, at)?;
    let size = usize::try_from(entry.compressed_size).unwrap_or(usize::MAX);
    Some(at..local.data_start.saturating_add(size).min(bytes.len()))
}

/// `(local header offset, index)` of every entry whose local header is in the
/// file, in file order.
pub fn file_order(bytes: &[u8], entries: &[Entry]) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            usize::try_from(e.local_header_offset).ok().filter(|&at| at < bytes.len()).map(|at| (at, i))
        })
        .collect();
    order.sort_unstable();
    order
}

/// Local headers that the central directory does not list, found by walking the
/// local headers from the start of the archive as streaming extractors do
/// (`unzip -` from a pipe, Java's `ZipInputStream`): such an entry is unpacked
/// by them and invisible to a filter that reads the directory. The walk stops
/// at the first thing that is not a local header, at an unlisted entry whose
/// size is in a data descriptor, or after `max_headers` unlisted headers.
pub fn unlisted_locals<'b>(
    bytes: &'b [u8],
    start: usize,
    directory_start: usize,
    (listed, order): (&[Entry], &[(usize, usize)]),
    max_headers: usize,
) -> Vec<(Local<'b>, &'b [u8])> {
    let mut found = Vec::new();
    let mut at = start;
    // Every header walked is either listed or counted against `max_headers`.
    for _ in 0..listed.len().saturating_add(max_headers) {
        if at >= directory_start || found.len() >= max_headers {
            break;
        }
        let Some(local) = local_header(bytes, at) else { break };
        let position = order.partition_point(|&(offset, _)| offset < at);
        let central = order.get(position).filter(|&&(offset, _)| offset == at).map(|&(_, index)| &listed[index]);
        let size = match central {
            Some(entry) => entry.compressed_size,
            None if local.flags & 0x0008 != 0 && local.compressed_size == 0 => break,
            None => local.compressed_size,
        };
        let end = usize::try_from(size).ok().and_then(|s| local.data_start.checked_add(s));
        let Some(end) = end.filter(|&e| e <= bytes.len()) else { break };
        let data_descriptor = local.flags & 0x0008 != 0;
        if central.is_none() {
            found.push((local.clone(), &bytes[local.data_start..end]));
        }
        at = end;
        // APPNOTE §4.3.9: a data descriptor follows the data, with or without its signature.
        if data_descriptor {
            at += if bytes.get(at..at + 4) == Some(b"PK\x07\x08") { 16 } else { 12 };
        }
    }
    found
}

/// The first local header at or after `from` (where a streaming extractor starts).
pub fn first_local_header(bytes: &[u8], from: usize, before: usize) -> Option<usize> {
    find(&bytes[..before.min(bytes.len())], b"PK\x03\x04", from)
}

/// IBM code page 437, the ZIP default for names without the UTF-8 flag (APPNOTE appendix D).
fn cp437(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| if b < 0x80 { char::from(b) } else { CP437_HIGH[usize::from(b - 0x80)] }).collect()
}

/// Code page 437's characters for the bytes 0x80 to 0xFF, indexed by `byte - 0x80`
/// (a search of a string's characters took up to 128 steps a byte).
#[rustfmt::skip]
const CP437_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å',
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ',
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡', '«', '»',
    '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐',
    '└', '┴', '┬', '├', '─', '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧',
    '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█', '▄', '▌', '▐', '▀',
    'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩',
    '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√', 'ⁿ', '²', '■', '\u{a0}',
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Name bytes decoded (`decode_name`) and CRC'd (`crc32`) on this thread.
        pub(super) static DECODED_BYTES: Cell<usize> = const { Cell::new(0) };
        pub(super) static CRC_BYTES: Cell<usize> = const { Cell::new(0) };
    }

    /// A ZIP of one local header (name `local_name`, CP437, stored, no data) and
    /// the central entries given as (name, extra field), all pointing at it.
    fn zip_of(local_name: &[u8], central: &[(&[u8], &[u8])]) -> Vec<u8> {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        zip.extend_from_slice(&(local_name.len() as u16).to_le_bytes());
        zip.extend_from_slice(&[0, 0]);
        zip.extend_from_slice(local_name);
        let directory_start = zip.len();
        for (name, extra) in central {
            zip.extend_from_slice(b"PK\x01\x02");
            zip.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
            zip.extend_from_slice(&(extra.len() as u16).to_le_bytes());
            zip.extend_from_slice(&[0; 14]); // comment length … local header offset 0
            zip.extend_from_slice(name);
            zip.extend_from_slice(extra);
        }
        let directory_len = zip.len() - directory_start;
        zip.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        let count = (central.len().min(0xffff) as u16).to_le_bytes();
        zip.extend_from_slice(&[count[0], count[1], count[0], count[1]]);
        zip.extend_from_slice(&(directory_len as u32).to_le_bytes());
        zip.extend_from_slice(&(directory_start as u32).to_le_bytes());
        zip.extend_from_slice(&[0, 0]);
        zip
    }

    #[test]
    fn entries_sharing_a_local_header_decode_its_name_once() {
        // 10,000 central entries, one local header with a 65,535-byte CP437 name
        // (the sweep's zip-shared-local-cp437): the name was decoded once an
        // entry, 655 MB of CP437, each byte by a search of up to 128 characters.
        let local_name = vec![0xff; 0xffff];
        let central: Vec<(&[u8], &[u8])> = vec![(b"a", b""); 10_000];
        let zip = zip_of(&local_name, &central);
        DECODED_BYTES.with(|c| c.set(0));
        let facts = crate::inspect::inspect_file(Some("names.zip"), None, &zip, &crate::rules::attachments::default_limits());
        let overlapping = facts.iter().find_map(|f| match &f.kind {
            crate::inspect::FactKind::Inconsistent(crate::inspect::Inconsistency::OverlappingEntries { count }) => Some(*count),
            _ => None,
        });
        assert_eq!(overlapping, Some(9_999));
        // The local name once (the first entry's data is read), the central names, little more.
        let decoded = DECODED_BYTES.with(Cell::get);
        assert!(decoded <= 2 * zip.len(), "{decoded} name bytes decoded for a {}-byte ZIP", zip.len());
        let directory = read_directory(&zip, 20_000);
        let Directory::Listed { entries, .. } = &directory else { panic!("{directory:?}") };
        let span = entry_span(&zip, &entries[0]);
        assert_eq!(span, Some(0..30 + 0xffff));
        assert_eq!(local_header(&zip, 0).map(|l| l.name.chars().count()), Some(0xffff));
        assert!(local_header(&zip, 0).is_some_and(|l| l.name.chars().all(|c| c == '\u{a0}')));
    }

    #[test]
    fn the_last_unicode_path_field_decides_and_the_name_is_crcd_once() {
        let name = "a".repeat(60_000) + ".txt";
        let field = |crc: u32, unicode: &str| {
            let mut field = vec![0x75, 0x70];
            field.extend_from_slice(&((5 + unicode.len()) as u16).to_le_bytes());
            field.push(1);
            field.extend_from_slice(&crc.to_le_bytes());
            field.extend_from_slice(unicode.as_bytes());
            field
        };
        let crc = crc32(name.as_bytes());
        let unicode_of = |extra: &[u8]| {
            let zip = zip_of(b"x", &[(name.as_bytes(), extra)]);
            match read_directory(&zip, 10) {
                Directory::Listed { entries, .. } => entries[0].unicode_name.clone(),
                Directory::Unreadable => panic!("unreadable"),
            }
        };
        assert_eq!(unicode_of(&[field(crc, "b.exe"), field(crc, "c.txt")].concat()), Some("c.txt".to_string()));
        assert_eq!(unicode_of(&[field(crc, "b.exe"), field(crc ^ 1, "c.txt")].concat()), None);
        assert_eq!(unicode_of(&[field(crc ^ 1, "b.exe"), field(crc, "c.txt")].concat()), Some("c.txt".to_string()));
        assert_eq!(unicode_of(&field(crc, "b.exe")), Some("b.exe".to_string()));
        // 7,281 empty-named fields (9 bytes each, the sweep's zip-unicode-path-crc): one CRC of the name.
        let many = field(crc ^ 1, "").repeat(7_281);
        CRC_BYTES.with(|c| c.set(0));
        assert_eq!(unicode_of(&many), None);
        assert_eq!(CRC_BYTES.with(Cell::get), name.len());
    }

    #[test]
    fn cp437_is_the_table_of_appnote_appendix_d() {
        const HIGH: &str = concat!(
            "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐",
            "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}",
        );
        assert_eq!(CP437_HIGH.iter().collect::<String>(), HIGH);
        let all: Vec<u8> = (0..=255).collect();
        let expected: String = (0..128u8).map(char::from).chain(HIGH.chars()).collect();
        assert_eq!(cp437(&all), expected);
    }

    #[test]
    fn rfind_finds_what_a_test_at_every_offset_finds() {
        let naive = |bytes: &[u8], needle: &[u8], end: usize| {
            (0..end.min(bytes.len())).rev().find(|&at| bytes[at..].starts_with(needle))
        };
        let hay = b"xxPK\x05\x06yyPK\x05\x06PK\x05";
        for end in 0..=hay.len() + 2 {
            assert_eq!(rfind(hay, b"PK\x05\x06", end), naive(hay, b"PK\x05\x06", end), "end {end}");
        }
        assert_eq!(rfind(b"", b"PK\x05\x06", 5), None);
        // Past `MAX_LAST_BYTE_TESTS` false places of the last byte, memmem ends the search.
        let mut many = vec![6u8; 3 * MAX_LAST_BYTE_TESTS];
        for needle_at in [None, Some(0), Some(10), Some(2 * MAX_LAST_BYTE_TESTS), Some(3 * MAX_LAST_BYTE_TESTS - 4)] {
            many.fill(6);
            if let Some(at) = needle_at {
                many[at..at + 4].copy_from_slice(b"PK\x05\x06");
            }
            for end in [0, 3, 11, 12, MAX_LAST_BYTE_TESTS, many.len(), many.len() + 5] {
                assert_eq!(rfind(&many, b"PK\x05\x06", end), naive(&many, b"PK\x05\x06", end), "{needle_at:?} {end}");
            }
        }
        // More false places than MAX_LAST_BYTE_TESTS, but sparse (one in 256 bytes, as in
        // compressed data): still found, by memrchr; and a dense run after a sparse one.
        let mut sparse = vec![0u8; 256 * (MAX_LAST_BYTE_TESTS + 100)];
        for at in (255..sparse.len()).step_by(256) {
            sparse[at] = 6;
        }
        sparse[100..104].copy_from_slice(b"PK\x05\x06");
        assert_eq!(rfind(&sparse, b"PK\x05\x06", sparse.len()), Some(100));
        let dense_from = sparse.len() - 8 * MAX_LAST_BYTE_TESTS;
        sparse[dense_from..].fill(6);
        assert_eq!(rfind(&sparse, b"PK\x05\x06", sparse.len()), Some(100));
        sparse[100..104].fill(0);
        assert_eq!(rfind(&sparse, b"PK\x05\x06", sparse.len()), None);
        // Bytes of the needle in every order around it.
        let mut state = 0x2545_f491_u32;
        for _ in 0..300 {
            let hay: Vec<u8> = (0..64)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    b"PK\x05\x06"[(state % 4) as usize]
                })
                .collect();
            for end in [0, 1, 30, 63, 64, 70] {
                assert_eq!(rfind(&hay, b"PK\x05\x06", end), naive(&hay, b"PK\x05\x06", end));
            }
        }
    }

    #[test]
    fn a_missing_end_record_is_unreadable_not_a_panic() {
        assert_eq!(read_directory(b"PK\x05\x06", 10), Directory::Unreadable);
        assert_eq!(read_directory(b"", 10), Directory::Unreadable);
        let mut record = b"PK\x05\x06".to_vec();
        record.extend_from_slice(&[0; 6]);
        record.extend_from_slice(&[1, 0, 0x10, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0]);
        assert_eq!(read_directory(&record, 10), Directory::Unreadable);
    }

    #[test]
    fn names_without_the_utf8_flag_are_cp437() {
        assert_eq!(cp437(b"r\x82sum\x82.exe"), "résumé.exe");
    }
}
