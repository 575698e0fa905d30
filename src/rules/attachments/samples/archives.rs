//! Sample archives other than ZIP: tar, gzip, cabinet, RAR and 7-Zip, each from
//! its specification's headers.

use super::{crc32, deflate_runs, Put};

/// A tar header (POSIX.1-2001 ustar, or V7 without the magic) for a member of `size` bytes.
fn tar_header(name: &str, size: usize, type_flag: u8, ustar: bool) -> [u8; 512] {
    let mut header = [0u8; 512];
    let name = &name.as_bytes()[..name.len().min(100)];
    header[..name.len()].copy_from_slice(name);
    for (at, field) in [(100, "0000644"), (108, "0000000"), (116, "0000000"), (136, "00000000000")] {
        header[at..at + field.len()].copy_from_slice(field.as_bytes());
    }
    header[124..136].copy_from_slice(format!("{size:011o}\0").as_bytes());
    header[156] = type_flag;
    if ustar {
        header[257..265].copy_from_slice(b"ustar\x0000");
    }
    header[148..156].copy_from_slice(b"        ");
    let sum: u32 = header.iter().map(|&b| u32::from(b)).sum();
    header[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    header
}

fn tar_member(out: &mut Vec<u8>, header: [u8; 512], data: &[u8]) {
    out.extend_from_slice(&header);
    out.extend_from_slice(data);
    out.resize(out.len().div_ceil(512) * 512, 0);
}

/// A POSIX ustar archive of regular files; names over 100 bytes get a pax
/// extended header with their `path` record.
pub fn tar(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in files {
        if name.len() > 100 {
            let record = format!("path={name}\n");
            // The record's length counts its own digits.
            let mut length = record.len() + 2;
            while length != length.to_string().len() + 1 + record.len() {
                length = length.to_string().len() + 1 + record.len();
            }
            let pax = format!("{length} {record}");
            tar_member(&mut out, tar_header("PaxHeaders/x", pax.len(), b'x', true), pax.as_bytes());
        }
        tar_member(&mut out, tar_header(name, data.len(), b'0', true), data);
    }
    out.resize(out.len() + 1024, 0);
    out
}

/// A tar archive as GNU tar writes long names (a `././@LongLink` member of type
/// `L`), or, with `ustar` false, a V7 archive without the ustar magic.
pub fn tar_gnu_or_v7(files: &[(&str, &[u8])], ustar: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in files {
        if name.len() > 100 {
            let long = format!("{name}\0");
            tar_member(&mut out, tar_header("././@LongLink", long.len(), b'L', ustar), long.as_bytes());
        }
        tar_member(&mut out, tar_header(name, data.len(), b'0', ustar), data);
    }
    out.resize(out.len() + 1024, 0);
    out
}

/// A gzip file (RFC 1952), with the original name when given.
pub fn gzip(data: &[u8], name: Option<&str>) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 0x08, if name.is_some() { 0x08 } else { 0 }, 0, 0, 0, 0, 0, 3];
    if let Some(name) = name {
        out.extend_from_slice(name.as_bytes());
        out.push(0);
    }
    out.extend_from_slice(&deflate_runs(data));
    out.u32le(crc32(data));
    out.u32le(data.len() as u32);
    out
}

/// A cabinet ([MS-CAB] §2) listing `names` in one empty folder.
pub fn cabinet(names: &[&str]) -> Vec<u8> {
    let mut files = Vec::new();
    for name in names {
        files.extend_from_slice(&[0; 10]);
        files.extend_from_slice(&[0x21, 0, 0, 0, 0x20, 0]);
        files.extend_from_slice(name.as_bytes());
        files.push(0);
    }
    let first_file = 36u32 + 8;
    let total = first_file + files.len() as u32;
    let mut out = b"MSCF\0\0\0\0".to_vec();
    for v in [total, 0, first_file, 0] {
        out.u32le(v);
    }
    out.extend_from_slice(&[3, 1, 1, 0]);
    out.u16le(names.len() as u16);
    out.extend_from_slice(&[0; 6]);
    out.u32le(total);
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&files);
    out
}

/// A RAR 5 / 7-Zip style variable-length integer: 7 bits per byte, low first.
pub(crate) fn vint(mut value: u64, out: &mut Vec<u8>) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// How a sample RAR archive protects its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RarProtection {
    None,
    /// Each file's data is encrypted; the names are readable.
    Files,
    /// The headers are encrypted (`rar -hp`): no name is readable.
    Headers,
}

/// A RAR 5 archive listing `files` (stored; CRCs left at zero, not checked here).
pub fn rar5(files: &[(&str, &[u8])], protection: RarProtection) -> Vec<u8> {
    fn block(header: &[u8], data: &[u8], out: &mut Vec<u8>) {
        out.extend_from_slice(&[0; 4]);
        vint(header.len() as u64, out);
        out.extend_from_slice(header);
        out.extend_from_slice(data);
    }
    let mut out = b"Rar!\x1a\x07\x01\x00".to_vec();
    if protection == RarProtection::Headers {
        // Archive encryption header (type 4): everything after it is encrypted.
        block(&[4, 0, 0, 0], &[0x5a; 32], &mut out);
        return out;
    }
    block(&[1, 0, 0], &[], &mut out);
    for (name, data) in files {
        // Extra area: one file encryption record (size, type 1, a few bytes).
        let extra: &[u8] = if protection == RarProtection::Files { &[3, 1, 0, 0] } else { &[] };
        let mut header = Vec::new();
        vint(2, &mut header); // file header
        vint(if extra.is_empty() { 0x02 } else { 0x03 }, &mut header); // data area, extra area
        if !extra.is_empty() {
            vint(extra.len() as u64, &mut header);
        }
        vint(data.len() as u64, &mut header);
        for v in [0, data.len() as u64, 0, 0, 0, name.len() as u64] {
            vint(v, &mut header); // file flags, size, attributes, method, host OS, name length
        }
        header.extend_from_slice(name.as_bytes());
        header.extend_from_slice(extra);
        block(&header, data, &mut out);
    }
    block(&[5, 0, 0], &[], &mut out);
    out
}

/// A RAR 1.5–4 archive listing `files` (stored; CRCs left at zero).
pub fn rar4(files: &[(&str, &[u8])], protection: RarProtection) -> Vec<u8> {
    let mut out = b"Rar!\x1a\x07\x00".to_vec();
    let main_flags = if protection == RarProtection::Headers { 0x80 } else { 0 };
    out.extend_from_slice(&[0, 0, 0x73, main_flags, 0, 13, 0, 0, 0, 0, 0, 0, 0]);
    for (name, data) in files {
        out.extend_from_slice(&[0, 0, 0x74]);
        out.u16le(0x8000 | if protection == RarProtection::Files { 0x04 } else { 0 });
        out.u16le(32 + name.len() as u16);
        out.u32le(data.len() as u32);
        out.u32le(data.len() as u32);
        out.extend_from_slice(&[2, 0, 0, 0, 0, 0, 0, 0, 0, 29, 0x30]);
        out.u16le(name.len() as u16);
        out.extend_from_slice(&[0x20, 0, 0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
    }
    out.extend_from_slice(&[0, 0, 0x7b, 0, 0, 7, 0]);
    out
}

/// How a sample 7z archive writes its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SevenZipHeader {
    /// Plain (`7z a -mhc=off`): the names can be read.
    Plain,
    /// Compressed with LZMA, 7-Zip's default (the packed bytes here are not real LZMA).
    Lzma,
    /// Encrypted with AES-256 (`7z a -mhe=on`).
    Encrypted,
}

/// A 7-Zip archive (7zFormat.txt) of `files` in one folder stored with the Copy method.
pub fn seven_zip(files: &[(&str, &[u8])], header_kind: SevenZipHeader) -> Vec<u8> {
    // 7z NUMBER: one byte under 0x80, else 0xFF and eight bytes.
    fn number(value: u64, out: &mut Vec<u8>) {
        if value < 0x80 {
            out.push(value as u8);
        } else {
            out.push(0xff);
            out.u64le(value);
        }
    }
    let packed: Vec<u8> = files.iter().flat_map(|(_, data)| data.iter().copied()).collect();
    let total = packed.len() as u64;
    let mut header = Vec::new();
    let method: &[u8] = match header_kind {
        SevenZipHeader::Plain => &[0x01, 0x00],
        SevenZipHeader::Lzma => &[0x23, 0x03, 0x01, 0x01, 5, 0x5d, 0, 0, 1, 0],
        SevenZipHeader::Encrypted => &[0x24, 0x06, 0xf1, 0x07, 0x01, 2, 0xd0, 0x03],
    };
    // kHeader or kEncodedHeader, then the streams: PackInfo, UnPackInfo (one folder, one coder).
    header.push(if header_kind == SevenZipHeader::Plain { 0x01 } else { 0x17 });
    if header_kind == SevenZipHeader::Plain {
        header.push(0x04);
    }
    header.extend_from_slice(&[0x06, 0x00, 0x01, 0x09]);
    number(total, &mut header);
    header.extend_from_slice(&[0x00, 0x07, 0x0b, 0x01, 0x00, 0x01]);
    header.extend_from_slice(method);
    header.push(0x0c);
    number(total, &mut header);
    header.push(0x00);
    if header_kind == SevenZipHeader::Plain {
        // SubStreamsInfo: the folder holds one stream per file.
        header.extend_from_slice(&[0x08, 0x0d]);
        number(files.len() as u64, &mut header);
        header.push(0x09);
        for (_, data) in files.iter().take(files.len().saturating_sub(1)) {
            number(data.len() as u64, &mut header);
        }
        header.extend_from_slice(&[0x00, 0x00, 0x05]);
        number(files.len() as u64, &mut header);
        let mut names = vec![0u8];
        for (name, _) in files {
            names.extend(name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes));
        }
        header.push(0x11);
        number(names.len() as u64, &mut header);
        header.extend_from_slice(&names);
        header.push(0x00);
    }
    header.push(0x00);
    let mut out = vec![b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c, 0, 4];
    let mut start = Vec::new();
    start.u64le(total);
    start.u64le(header.len() as u64);
    start.u32le(crc32(&header));
    out.u32le(crc32(&start));
    out.extend_from_slice(&start);
    out.extend_from_slice(&packed);
    out.extend_from_slice(&header);
    out
}
