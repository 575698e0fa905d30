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
        // The extra area ends the header: one larger than the header is a
        // malformed header, where the listing ends (it was read from before the
        // header, up to the whole file before it, for each header).
        let extra_size = if flags & 0x01 != 0 {
            match vint(bytes, &mut cursor) {
                Some(size) if size <= header_size => size,
                _ => break,
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
            // The name lies in its header: one that runs past it is a malformed
            // header, where the listing ends (10,000 headers each naming the rest
            // of the file copied it 10,000 times: out of memory).
            let name_end = cursor.checked_add(name_len).filter(|&end| end <= header_end);
            let Some(name) = name_end.and_then(|end| bytes.get(cursor..end)) else { break };
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::rules::attachments::samples::vint as vint_bytes;

    /// A RAR 5 file header (no data area) naming `name`, declaring `name_len`
    /// and an extra area of `extra_size` bytes (`extra` written at its end).
    fn file_block(name: &[u8], name_len: u64, extra: &[u8], extra_size: u64, out: &mut Vec<u8>) {
        let mut header = Vec::new();
        vint_bytes(2, &mut header);
        vint_bytes(if extra_size > 0 { 0x01 } else { 0 }, &mut header);
        if extra_size > 0 {
            vint_bytes(extra_size, &mut header);
        }
        for v in [0, 0, 0, 0, 0, name_len] {
            vint_bytes(v, &mut header); // file flags, size, attributes, method, host OS, name length
        }
        header.extend_from_slice(name);
        header.extend_from_slice(extra);
        out.extend_from_slice(&[0; 4]);
        vint_bytes(header.len() as u64, out);
        out.extend_from_slice(&header);
    }

    fn archive(blocks: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut out = b"Rar!\x1a\x07\x01\x00".to_vec();
        blocks(&mut out);
        out.extend_from_slice(&[0, 0, 0, 0, 3, 5, 0, 0]);
        out
    }

    #[test]
    fn a_name_past_its_header_ends_the_listing() {
        let rar = archive(|out| {
            file_block(b"a.txt", 5, b"", 0, out);
            // The name length runs 10 bytes past the header, into the next one.
            file_block(b"b.exe", 15, b"", 0, out);
            file_block(b"c.txt", 5, b"", 0, out);
        });
        assert_eq!(rar_listing(&rar, 100).names, ["a.txt"]);
        let whole = archive(|out| ["a.txt", "b.exe", "c.txt"].iter().for_each(|n| file_block(n.as_bytes(), 5, b"", 0, out)));
        assert_eq!(rar_listing(&whole, 100).names, ["a.txt", "b.exe", "c.txt"]);
        // 500 headers whose names each run 64 KB on, over the headers after them
        // and the bytes after the archive (the sweep's rar5-overlapping-names:
        // 10,000 names, each the rest of the file): none is listed.
        let mut rar = archive(|out| (0..500).for_each(|_| file_block(b"x", 1 << 16, b"", 0, out)));
        rar.resize(rar.len() + (1 << 16), b'x');
        let listing = rar_listing(&rar, 10_000);
        assert!(listing.names.is_empty(), "{} names", listing.names.len());
    }

    #[test]
    fn an_extra_area_larger_than_its_header_ends_the_listing() {
        // An encryption record (size 3, type 1) at the end of a header; the next
        // header declares an extra area reaching back into it.
        let rar = archive(|out| {
            file_block(b"a.txt", 5, &[3, 1, 0, 0], 4, out);
            file_block(b"b.txt", 5, b"", 60, out);
            file_block(b"c.txt", 5, b"", 0, out);
        });
        let listing = rar_listing(&rar, 100);
        assert_eq!(listing.names, ["a.txt"]);
        assert_eq!(listing.encrypted, ["a.txt"]);
        let rar = archive(|out| {
            file_block(b"a.txt", 5, &[3, 1, 0, 0], 4, out);
            file_block(b"b.txt", 5, &[3, 1, 0, 0], 4, out);
        });
        assert_eq!(rar_listing(&rar, 100).encrypted, ["a.txt", "b.txt"]);
    }
}
