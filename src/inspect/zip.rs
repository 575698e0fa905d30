//! A ZIP reader that trusts nothing: it finds the end of central directory
//! record in a bounded window, lists the central directory (APPNOTE.TXT §4.3.12),
//! and hands out each entry's compressed bytes; inflating is the caller's, bounded.

use super::magic::{le16, le32, le64};

/// APPNOTE §4.3.16: the EOCD record is 22 bytes plus a comment of at most
/// 65,535 bytes, so it starts within this many bytes of the end.
pub const EOCD_SEARCH_WINDOW: usize = 22 + 0xffff;

/// One entry of the central directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name as stored (UTF-8 when general-purpose bit 11 is set, else CP437).
    pub name: String,
    /// General-purpose bit 0 (APPNOTE §4.4.4), or AES encryption (method 99).
    pub encrypted: bool,
    /// Compression method (0 stored, 8 deflate, …).
    pub method: u16,
    pub compressed_size: u64,
    /// As declared; never used to size a buffer.
    pub declared_size: u64,
    pub local_header_offset: u64,
    pub is_directory: bool,
}

/// What the central directory says, or why it cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directory {
    Listed {
        entries: Vec<Entry>,
        /// Entries declared beyond `max_entries`, not listed.
        entries_left_out: u64,
    },
    /// No end of central directory record: truncated or not a ZIP after all.
    Unreadable,
}

/// Lists at most `max_entries` entries.
pub fn read_directory(bytes: &[u8], max_entries: usize) -> Directory {
    let Some(eocd) = find_eocd(bytes) else { return Directory::Unreadable };
    let mut declared_count = u64::from(le16(bytes, eocd + 10).unwrap_or(0));
    let mut directory_offset = u64::from(le32(bytes, eocd + 16).unwrap_or(0));
    // APPNOTE §4.3.14–15: ZIP64 keeps the real values in its own EOCD record,
    // found through the locator just before the classic one.
    if declared_count == 0xffff || directory_offset == 0xffff_ffff {
        if let Some(locator) = eocd.checked_sub(20).filter(|&at| bytes.get(at..at + 4) == Some(b"PK\x06\x07")) {
            let record = le64(bytes, locator + 8).unwrap_or(u64::MAX);
            if let Ok(record) = usize::try_from(record) {
                if bytes.get(record..record.saturating_add(4)) == Some(b"PK\x06\x06") {
                    declared_count = le64(bytes, record + 32).unwrap_or(0);
                    directory_offset = le64(bytes, record + 48).unwrap_or(u64::MAX);
                }
            }
        }
    }
    let mut entries = Vec::new();
    let mut at = match usize::try_from(directory_offset) {
        Ok(at) if at < bytes.len() => at,
        _ => return Directory::Unreadable,
    };
    while entries.len() < max_entries && bytes.get(at..at.saturating_add(4)) == Some(b"PK\x01\x02") {
        let Some(entry) = read_entry(bytes, at) else { break };
        let (entry, next) = entry;
        entries.push(entry);
        at = next;
    }
    let entries_left_out = if entries.len() >= max_entries && bytes.get(at..at.saturating_add(4)) == Some(b"PK\x01\x02")
    {
        declared_count.saturating_sub(entries.len() as u64).max(1)
    } else {
        0
    };
    Directory::Listed { entries, entries_left_out }
}

fn find_eocd(bytes: &[u8]) -> Option<usize> {
    let lowest = bytes.len().saturating_sub(EOCD_SEARCH_WINDOW);
    let highest = bytes.len().checked_sub(22)?;
    (lowest..=highest).rev().find(|&at| bytes.get(at..at + 4) == Some(b"PK\x05\x06"))
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
    let name_bytes = bytes.get(name_start..name_start + name_len)?;
    let extra = bytes.get(name_start + name_len..name_start + name_len + extra_len).unwrap_or(&[]);
    // APPNOTE §4.5.3: the ZIP64 extra field holds, in order, the values whose
    // 32-bit fields are 0xFFFFFFFF.
    let mut field = 0usize;
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
        field += 4 + size;
    }
    let name = if flags & 0x0800 != 0 { String::from_utf8_lossy(name_bytes).into_owned() } else { cp437(name_bytes) };
    let entry = Entry {
        is_directory: name.ends_with('/') || name.ends_with('\\'),
        name,
        encrypted: flags & 0x0001 != 0 || method == 99,
        method,
        compressed_size,
        declared_size,
        local_header_offset,
    };
    Some((entry, name_start + name_len + extra_len + comment_len))
}

/// The compressed bytes of an entry, found through its local header
/// (APPNOTE §4.3.7), cut to what the file holds.
pub fn entry_data<'b>(bytes: &'b [u8], entry: &Entry) -> Option<&'b [u8]> {
    let at = usize::try_from(entry.local_header_offset).ok()?;
    if bytes.get(at..at.checked_add(4)?)? != b"PK\x03\x04" {
        return None;
    }
    let name_len = usize::from(le16(bytes, at + 26)?);
    let extra_len = usize::from(le16(bytes, at + 28)?);
    let start = at + 30 + name_len + extra_len;
    let size = usize::try_from(entry.compressed_size).unwrap_or(usize::MAX);
    let end = start.saturating_add(size).min(bytes.len());
    bytes.get(start..end)
}

/// IBM code page 437, the ZIP default for names without the UTF-8 flag (APPNOTE appendix D).
fn cp437(bytes: &[u8]) -> String {
    const HIGH: &str = concat!(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐",
        "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}",
    );
    bytes
        .iter()
        .map(|&b| if b < 0x80 { char::from(b) } else { HIGH.chars().nth(usize::from(b - 0x80)).unwrap_or('?') })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::attachments::samples::{zip, ZipEntry};

    #[test]
    fn zip64_end_records_are_followed() {
        let classic = zip(&[ZipEntry::stored("a.exe", b"MZ"), ZipEntry::stored("b.txt", b"hi")]);
        let eocd = classic.len() - 22;
        let directory_offset = u64::from(le32(&classic, eocd + 16).unwrap());
        let mut archive = classic[..eocd].to_vec();
        let record_offset = archive.len() as u64;
        // APPNOTE §4.3.14: ZIP64 end of central directory record.
        archive.extend_from_slice(b"PK\x06\x06");
        archive.extend_from_slice(&44u64.to_le_bytes());
        archive.extend_from_slice(&[45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        archive.extend_from_slice(&2u64.to_le_bytes());
        archive.extend_from_slice(&2u64.to_le_bytes());
        archive.extend_from_slice(&0u64.to_le_bytes());
        archive.extend_from_slice(&directory_offset.to_le_bytes());
        // §4.3.15: the locator.
        archive.extend_from_slice(b"PK\x06\x07");
        archive.extend_from_slice(&0u32.to_le_bytes());
        archive.extend_from_slice(&record_offset.to_le_bytes());
        archive.extend_from_slice(&1u32.to_le_bytes());
        let mut end = classic[eocd..].to_vec();
        end[8..12].copy_from_slice(&[0xff; 4]);
        end[16..20].copy_from_slice(&[0xff; 4]);
        archive.extend_from_slice(&end);
        let Directory::Listed { entries, entries_left_out } = read_directory(&archive, 100) else {
            panic!("unreadable")
        };
        assert_eq!(entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["a.exe", "b.txt"]);
        assert_eq!(entries_left_out, 0);
    }

    #[test]
    fn a_missing_end_record_is_unreadable_not_a_panic() {
        let archive = zip(&[ZipEntry::stored("a.txt", b"a")]);
        assert_eq!(read_directory(&archive[..archive.len() - 10], 10), Directory::Unreadable);
        assert_eq!(read_directory(b"PK\x05\x06", 10), Directory::Unreadable);
    }

    #[test]
    fn names_without_the_utf8_flag_are_cp437() {
        assert_eq!(cp437(b"r\x82sum\x82.exe"), "résumé.exe");
    }
}
