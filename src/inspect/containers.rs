//! Readers for the other containers whose directory is plain: tar (POSIX.1-2001
//! ustar), gzip (RFC 1952) and Microsoft Cabinet ([MS-CAB]) names.

use super::magic::{le16, le32};
use std::ops::Range;

/// A tar member: its name and where its bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TarMember {
    pub name: String,
    pub data: Range<usize>,
    pub is_regular_file: bool,
}

/// Lists at most `max_members` members of a tar file; the flag says whether more were left out.
pub fn tar_members(bytes: &[u8], max_members: usize) -> (Vec<TarMember>, bool) {
    const BLOCK: usize = 512;
    let mut members = Vec::new();
    let mut at = 0usize;
    let mut long_name: Option<String> = None;
    while let Some(header) = bytes.get(at..at.saturating_add(BLOCK)) {
        if header.iter().all(|&b| b == 0) {
            break;
        }
        if members.len() >= max_members {
            return (members, true);
        }
        let Some(size) = tar_size(&header[124..136]) else { break };
        let data_start = at + BLOCK;
        let data_end = data_start.saturating_add(usize::try_from(size).unwrap_or(usize::MAX)).min(bytes.len());
        let type_flag = header[156];
        let field = |range: Range<usize>| {
            let raw = &header[range];
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            String::from_utf8_lossy(&raw[..end]).into_owned()
        };
        match type_flag {
            // GNU long name: the member's data is the name of the next member.
            b'L' => {
                let raw = bytes.get(data_start..data_end).unwrap_or(&[]);
                let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
                long_name = Some(String::from_utf8_lossy(&raw[..end]).into_owned());
            }
            // pax extended and global headers carry metadata, not files.
            b'x' | b'g' => {}
            _ => {
                let prefix = field(345..500);
                let short = field(0..100);
                let name = long_name.take().unwrap_or_else(|| {
                    if header[257..262] == *b"ustar" && !prefix.is_empty() {
                        format!("{prefix}/{short}")
                    } else {
                        short
                    }
                });
                members.push(TarMember {
                    name,
                    data: data_start..data_end,
                    is_regular_file: matches!(type_flag, 0 | b'0' | b'7'),
                });
            }
        }
        let padded = usize::try_from(size).unwrap_or(usize::MAX).div_ceil(BLOCK).saturating_mul(BLOCK);
        at = data_start.saturating_add(padded);
    }
    (members, false)
}

/// Tar sizes are octal text, or big-endian binary when the first byte has its high bit set (GNU).
fn tar_size(field: &[u8]) -> Option<u64> {
    if field.first().is_some_and(|b| b & 0x80 != 0) {
        return Some(field[1..].iter().fold(0u64, |n, &b| n.saturating_mul(256).saturating_add(u64::from(b))));
    }
    let text: String = field.iter().take_while(|&&b| b != 0 && b != b' ').map(|&b| char::from(b)).collect();
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    u64::from_str_radix(text, 8).ok()
}

/// The gzip header (RFC 1952 §2.3): the original file name, if stored, and
/// where the deflate stream starts.
pub fn gzip_header(bytes: &[u8]) -> Option<(Option<String>, usize)> {
    const FHCRC: u8 = 0x02;
    const FEXTRA: u8 = 0x04;
    const FNAME: u8 = 0x08;
    const FCOMMENT: u8 = 0x10;
    if !bytes.starts_with(&[0x1f, 0x8b, 0x08]) {
        return None;
    }
    let flags = *bytes.get(3)?;
    let mut at = 10usize;
    if flags & FEXTRA != 0 {
        at = at.checked_add(2 + usize::from(le16(bytes, at)?))?;
    }
    let mut name = None;
    let read_zero_terminated = |at: usize| -> Option<(String, usize)> {
        let rest = bytes.get(at..)?;
        let end = rest.iter().position(|&b| b == 0)?;
        // RFC 1952: the name is ISO 8859-1.
        Some((rest[..end].iter().map(|&b| char::from(b)).collect(), at + end + 1))
    };
    if flags & FNAME != 0 {
        let (text, next) = read_zero_terminated(at)?;
        name = Some(text);
        at = next;
    }
    if flags & FCOMMENT != 0 {
        at = read_zero_terminated(at)?.1;
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    (at <= bytes.len()).then_some((name, at))
}

/// File names of a cabinet ([MS-CAB] §2.1 CFHEADER, §2.3 CFFILE); the flag says
/// whether more were left out. The data is compressed by folder (MSZIP, LZX,
/// Quantum) and is not read.
pub fn cab_names(bytes: &[u8], max_names: usize) -> (Vec<String>, bool) {
    let mut names = Vec::new();
    let (Some(first_file), Some(file_count)) = (le32(bytes, 16), le16(bytes, 28)) else { return (names, false) };
    let mut at = first_file as usize;
    for _ in 0..file_count {
        if names.len() >= max_names {
            return (names, true);
        }
        let Some(rest) = at.checked_add(16).and_then(|start| bytes.get(start..)) else { break };
        let Some(end) = rest.iter().take(257).position(|&b| b == 0) else { break };
        let attributes = le16(bytes, at + 14).unwrap_or(0);
        let raw = &rest[..end];
        // Attribute 0x80: the name is UTF-8; otherwise a local code page, read as Latin-1.
        let name = if attributes & 0x80 != 0 {
            String::from_utf8_lossy(raw).into_owned()
        } else {
            raw.iter().map(|&b| char::from(b)).collect()
        };
        names.push(name);
        at += 16 + end + 1;
    }
    (names, false)
}

/// RAR 5 variable-length integer: 7 bits per byte, low bits first, high bit = more.
fn rar_vint(bytes: &[u8], at: &mut usize) -> Option<u64> {
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

/// File names listed in the headers of a RAR archive (RAR 5 and RAR 1.5–4 formats);
/// the data is compressed with RAR's own methods and is not read. Archives whose
/// headers are encrypted list nothing. The flag says whether more names were left out.
pub fn rar_names(bytes: &[u8], max_names: usize) -> (Vec<String>, bool) {
    if bytes.starts_with(b"Rar!\x1a\x07\x01\x00") {
        rar5_names(bytes, max_names)
    } else if bytes.starts_with(b"Rar!\x1a\x07\x00") {
        rar4_names(bytes, max_names)
    } else {
        (Vec::new(), false)
    }
}

fn rar5_names(bytes: &[u8], max_names: usize) -> (Vec<String>, bool) {
    const FILE_HEADER: u64 = 2;
    const ENCRYPTION_HEADER: u64 = 4;
    const END_OF_ARCHIVE: u64 = 5;
    let mut names = Vec::new();
    let mut at = 8usize;
    while at < bytes.len() {
        let mut cursor = at + 4; // header CRC32
        let Some(header_size) = rar_vint(bytes, &mut cursor) else { break };
        let header_start = cursor;
        let header_end = usize::try_from(header_size).ok().and_then(|s| header_start.checked_add(s));
        let Some(header_end) = header_end else { break };
        let (Some(kind), Some(flags)) = (rar_vint(bytes, &mut cursor), rar_vint(bytes, &mut cursor)) else { break };
        if flags & 0x01 != 0 && rar_vint(bytes, &mut cursor).is_none() {
            break;
        }
        let data_size = if flags & 0x02 != 0 { rar_vint(bytes, &mut cursor).unwrap_or(u64::MAX) } else { 0 };
        if kind == ENCRYPTION_HEADER || kind == END_OF_ARCHIVE {
            break;
        }
        if kind == FILE_HEADER {
            if names.len() >= max_names {
                return (names, true);
            }
            let file_flags = rar_vint(bytes, &mut cursor).unwrap_or(0);
            let _unpacked_size = rar_vint(bytes, &mut cursor);
            let _attributes = rar_vint(bytes, &mut cursor);
            if file_flags & 0x02 != 0 {
                cursor += 4; // modification time
            }
            if file_flags & 0x04 != 0 {
                cursor += 4; // data CRC32
            }
            let _compression = rar_vint(bytes, &mut cursor);
            let _host = rar_vint(bytes, &mut cursor);
            let Some(name_len) = rar_vint(bytes, &mut cursor).and_then(|n| usize::try_from(n).ok()) else { break };
            let Some(name) = cursor.checked_add(name_len).and_then(|end| bytes.get(cursor..end)) else { break };
            names.push(String::from_utf8_lossy(name).into_owned());
        }
        let Some(next) = usize::try_from(data_size).ok().and_then(|d| header_end.checked_add(d)) else { break };
        if next <= at {
            break;
        }
        at = next;
    }
    (names, false)
}

fn rar4_names(bytes: &[u8], max_names: usize) -> (Vec<String>, bool) {
    const MAIN_HEADER: u8 = 0x73;
    const FILE_HEADER: u8 = 0x74;
    const END_OF_ARCHIVE: u8 = 0x7b;
    let mut names = Vec::new();
    let mut at = 7usize;
    while let (Some(&kind), Some(flags), Some(size)) = (bytes.get(at + 2), le16(bytes, at + 3), le16(bytes, at + 5)) {
        let size = usize::from(size);
        if size < 7 || kind == END_OF_ARCHIVE {
            break;
        }
        // Main header flag 0x80: the block headers are encrypted.
        if kind == MAIN_HEADER && flags & 0x0080 != 0 {
            break;
        }
        let mut added = if flags & 0x8000 != 0 { le32(bytes, at + 7).unwrap_or(0) as usize } else { 0 };
        if kind == FILE_HEADER {
            if names.len() >= max_names {
                return (names, true);
            }
            added = le32(bytes, at + 7).unwrap_or(0) as usize;
            let name_len = usize::from(le16(bytes, at + 26).unwrap_or(0));
            let name_start = at + 32 + if flags & 0x0100 != 0 { 8 } else { 0 };
            let Some(raw) = bytes.get(name_start..name_start + name_len) else { break };
            // Flag 0x200: an OEM name, a zero byte, then the Unicode name in RAR's own encoding.
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            names.push(String::from_utf8_lossy(&raw[..end]).into_owned());
        }
        at = match at.checked_add(size).and_then(|n| n.checked_add(added)) {
            Some(next) if next > at => next,
            _ => break,
        };
    }
    (names, false)
}
