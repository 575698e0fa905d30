//! File names listed in the headers of a RAR archive (RAR 5 and RAR 1.5–4
//! formats, as documented by RARLAB's "RAR 5.0 archive format" and the RAR 4
//! technote). The data is compressed with RAR's own methods and is not read.

use super::bytes::{le16, le32};

/// What the headers of a RAR archive say.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RarListing {
    pub names: Vec<String>,
    /// More names than the caller's maximum were left out.
    pub more: bool,
    /// Names of the entries whose data is encrypted.
    pub encrypted: Vec<String>,
    /// The headers themselves are encrypted (`rar -hp`): no name can be read.
    pub headers_encrypted: bool,
}

/// Lists at most `max_names` names.
pub fn rar_listing(bytes: &[u8], max_names: usize) -> RarListing {
    if bytes.starts_with(b"Rar!\x1a\x07\x01\x00") {
        rar5(bytes, max_names)
    } else if bytes.starts_with(b"Rar!\x1a\x07\x00") {
        rar4(bytes, max_names)
    } else {
        RarListing::default()
    }
}

/// RAR 5 variable-length integer: 7 bits per byte, low bits first, high bit = more.
fn vint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

fn rar5(bytes: &[u8], max_names: usize) -> RarListing {
    const FILE_HEADER: u64 = 2;
    const ENCRYPTION_HEADER: u64 = 4;
    const END_OF_ARCHIVE: u64 = 5;
    // Extra area record of a file header: file encryption.
    const FILE_ENCRYPTION_RECORD: u64 = 1;
    let mut listing = RarListing::default();
    let mut at = 8usize;
    while at < bytes.len() {
        let mut cursor = at + 4; // header CRC32
        let Some(header_size) = vint(bytes, &mut cursor) else { break };
        let header_start = cursor;
        let header_end = usize::try_from(header_size).ok().and_then(|s| header_start.checked_add(s));
        let Some(header_end) = header_end else { break };
        let (Some(kind), Some(flags)) = (vint(bytes, &mut cursor), vint(bytes, &mut cursor)) else { break };
        let extra_size = if flags & 0x01 != 0 {
            match vint(bytes, &mut cursor) {
                Some(size) => size,
                None => break,
            }
        } else {
            0
        };
        let data_size = if flags & 0x02 != 0 { vint(bytes, &mut cursor).unwrap_or(u64::MAX) } else { 0 };
        if kind == ENCRYPTION_HEADER {
            listing.headers_encrypted = true;
            break;
        }
        if kind == END_OF_ARCHIVE {
            break;
        }
        if kind == FILE_HEADER {
            if listing.names.len() >= max_names {
                listing.more = true;
                break;
            }
            let file_flags = vint(bytes, &mut cursor).unwrap_or(0);
            let _unpacked_size = vint(bytes, &mut cursor);
            let _attributes = vint(bytes, &mut cursor);
            if file_flags & 0x02 != 0 {
                cursor += 4; // modification time
            }
            if file_flags & 0x04 != 0 {
                cursor += 4; // data CRC32
            }
            let _compression = vint(bytes, &mut cursor);
            let _host = vint(bytes, &mut cursor);
            let Some(name_len) = vint(bytes, &mut cursor).and_then(|n| usize::try_from(n).ok()) else { break };
            let Some(name) = cursor.checked_add(name_len).and_then(|end| bytes.get(cursor..end)) else { break };
            let name = String::from_utf8_lossy(name).into_owned();
            let extra = usize::try_from(extra_size)
                .ok()
                .and_then(|size| header_end.checked_sub(size))
                .and_then(|start| bytes.get(start..header_end))
                .unwrap_or(&[]);
            if extra_records(extra).contains(&FILE_ENCRYPTION_RECORD) {
                listing.encrypted.push(name.clone());
            }
            // Flag 0x01 of the file flags: a directory.
            if file_flags & 0x01 == 0 {
                listing.names.push(name);
            }
        }
        let Some(next) = usize::try_from(data_size).ok().and_then(|d| header_end.checked_add(d)) else { break };
        if next <= at {
            break;
        }
        at = next;
    }
    listing
}

/// The record types of a RAR 5 extra area: records `size type data…`.
fn extra_records(extra: &[u8]) -> Vec<u64> {
    let mut types = Vec::new();
    let mut at = 0usize;
    while at < extra.len() {
        let Some(size) = vint(extra, &mut at) else { break };
        let start = at;
        let Some(kind) = vint(extra, &mut at) else { break };
        types.push(kind);
        match usize::try_from(size).ok().and_then(|s| start.checked_add(s)) {
            Some(next) if next > start => at = next,
            _ => break,
        }
    }
    types
}

fn rar4(bytes: &[u8], max_names: usize) -> RarListing {
    const MAIN_HEADER: u8 = 0x73;
    const FILE_HEADER: u8 = 0x74;
    const END_OF_ARCHIVE: u8 = 0x7b;
    let mut listing = RarListing::default();
    let mut at = 7usize;
    while let (Some(&kind), Some(flags), Some(size)) = (bytes.get(at + 2), le16(bytes, at + 3), le16(bytes, at + 5)) {
        let size = usize::from(size);
        if size < 7 || kind == END_OF_ARCHIVE {
            break;
        }
        // Main header flag 0x80: the block headers are encrypted.
        if kind == MAIN_HEADER && flags & 0x0080 != 0 {
            listing.headers_encrypted = true;
            break;
        }
        let mut added = if flags & 0x8000 != 0 { le32(bytes, at + 7).unwrap_or(0) as usize } else { 0 };
        if kind == FILE_HEADER {
            if listing.names.len() >= max_names {
                listing.more = true;
                break;
            }
            added = le32(bytes, at + 7).unwrap_or(0) as usize;
            let name_len = usize::from(le16(bytes, at + 26).unwrap_or(0));
            let name_start = at + 32 + if flags & 0x0100 != 0 { 8 } else { 0 };
            let Some(raw) = bytes.get(name_start..name_start + name_len) else { break };
            // Flag 0x200: an OEM name, a zero byte, then the Unicode name in RAR's own encoding.
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            let name = String::from_utf8_lossy(&raw[..end]).into_owned();
            // File flag 0x04: the file is encrypted; flags 0xE0 all set: a directory.
            if flags & 0x0004 != 0 {
                listing.encrypted.push(name.clone());
            }
            if flags & 0x00e0 != 0x00e0 {
                listing.names.push(name);
            }
        }
        at = match at.checked_add(size).and_then(|n| n.checked_add(added)) {
            Some(next) if next > at => next,
            _ => break,
        };
    }
    listing
}
