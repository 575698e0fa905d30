//! Sample archives: ZIP (also with inconsistent directories), tar, gzip,
//! cabinet, RAR, 7-Zip and ISO 9660, each from its specification's headers.

use super::Put;

/// How a ZIP entry is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Stored,
    Deflated,
}

/// One entry of a sample ZIP.
#[derive(Debug, Clone)]
pub struct ZipEntry<'e> {
    pub name: &'e str,
    pub data: &'e [u8],
    pub method: Method,
    /// Sets general-purpose bit 0; the data is written as given (not really encrypted).
    pub encrypted: bool,
    /// The name written in the local header, when it differs from the central one.
    pub local_name: Option<&'e str>,
    /// Listed in the central directory (false: only its local header exists).
    pub listed: bool,
}

impl<'e> ZipEntry<'e> {
    pub fn stored(name: &'e str, data: &'e [u8]) -> ZipEntry<'e> {
        ZipEntry { name, data, method: Method::Stored, encrypted: false, local_name: None, listed: true }
    }
    pub fn deflated(name: &'e str, data: &'e [u8]) -> ZipEntry<'e> {
        ZipEntry { method: Method::Deflated, ..ZipEntry::stored(name, data) }
    }
    pub fn encrypted(name: &'e str, data: &'e [u8]) -> ZipEntry<'e> {
        ZipEntry { encrypted: true, ..ZipEntry::stored(name, data) }
    }
    /// The local header names the entry `local` instead.
    pub fn named_locally(mut self, local: &'e str) -> ZipEntry<'e> {
        self.local_name = Some(local);
        self
    }
    /// Left out of the central directory.
    pub fn unlisted(mut self) -> ZipEntry<'e> {
        self.listed = false;
        self
    }
}

/// A small deflate encoder (RFC 1951 §3.2.6, one fixed-Huffman block): literals,
/// and runs of a repeated byte as matches of length 258 at distance 1. Real
/// deflate streams for the samples without linking a compressor into the engine
/// (the rule examples are part of the wasm); runs compress about 170:1, enough to
/// build zip bombs.
pub fn deflate_runs(data: &[u8]) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        buffer: u32,
        count: u32,
    }
    impl Bits {
        /// Writes `count` bits of `value`, least significant first (RFC 1951 §3.1.1).
        fn put(&mut self, value: u32, count: u32) {
            self.buffer |= value << self.count;
            self.count += count;
            while self.count >= 8 {
                self.out.push(self.buffer as u8);
                self.buffer >>= 8;
                self.count -= 8;
            }
        }
        /// Huffman codes are packed starting with their most significant bit.
        fn code(&mut self, code: u32, length: u32) {
            let reversed = (0..length).fold(0, |r, i| r | (((code >> i) & 1) << (length - 1 - i)));
            self.put(reversed, length);
        }
    }
    let mut bits = Bits { out: Vec::with_capacity(data.len() / 2 + 16), buffer: 0, count: 0 };
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE 01: fixed Huffman codes
    let mut i = 0;
    while i < data.len() {
        let run = match i.checked_sub(1).map(|p| data[p]) {
            Some(p) => data[i..].iter().take(258).take_while(|&&b| b == p).count(),
            None => 0,
        };
        if run == 258 {
            bits.code(0xc5, 8); // length symbol 285: 258, no extra bits
            bits.code(0, 5); // distance code 0: distance 1
            i += 258;
        } else {
            match data[i] {
                byte @ 0..=143 => bits.code(0x30 + u32::from(byte), 8),
                byte => bits.code(0x190 + u32::from(byte) - 144, 9),
            }
            i += 1;
        }
    }
    bits.code(0, 7); // end of block, symbol 256
    bits.put(0, 7); // flush the last byte
    bits.out
}

/// CRC-32 (ISO 3309, as in ZIP), bitwise: sample sizes are small.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A ZIP file (APPNOTE.TXT §4.3): local headers, data, central directory, EOCD.
pub fn zip(entries: &[ZipEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut listed = 0usize;
    for entry in entries {
        let packed = match entry.method {
            Method::Stored => entry.data.to_vec(),
            Method::Deflated => deflate_runs(entry.data),
        };
        let method: u16 = if entry.method == Method::Stored { 0 } else { 8 };
        let flags: u16 = u16::from(entry.encrypted) | 0x0800;
        let offset = out.len() as u32;
        // The fields local and central headers share (APPNOTE §4.3.7, §4.3.12), name length last.
        let common = |buf: &mut Vec<u8>, name: &str| {
            for v in [20, flags, method, 0, 0x21] {
                buf.u16le(v);
            }
            for v in [crc32(entry.data), packed.len() as u32, entry.data.len() as u32] {
                buf.u32le(v);
            }
            buf.u16le(name.len() as u16);
            buf.u16le(0);
        };
        let local_name = entry.local_name.unwrap_or(entry.name);
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out, local_name);
        out.extend_from_slice(local_name.as_bytes());
        out.extend_from_slice(&packed);
        if entry.listed {
            listed += 1;
            central.extend_from_slice(b"PK\x01\x02\x14\x00");
            common(&mut central, entry.name);
            // Comment length, disk number, internal attributes, external attributes.
            central.extend_from_slice(&[0; 10]);
            central.u32le(offset);
            central.extend_from_slice(entry.name.as_bytes());
        }
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    // The classic count is 16 bits: past 65,535 entries it wraps, as in old tools (ZIP64 is not written here).
    out.u16le(listed as u16);
    out.u16le(listed as u16);
    out.u32le(central.len() as u32);
    out.u32le(directory_offset);
    out.u16le(0);
    out
}

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
fn vint(mut value: u64, out: &mut Vec<u8>) {
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

/// An ISO 9660 image (ECMA-119) of `files` in its root directory, with a Joliet
/// tree (UCS-2 names) when asked; the primary tree has the names upper-cased.
pub fn iso9660(files: &[(&str, &[u8])], joliet: bool) -> Vec<u8> {
    const SECTOR: usize = 2048;
    let both = |value: u32, out: &mut Vec<u8>| {
        out.u32le(value);
        out.extend_from_slice(&value.to_be_bytes());
    };
    let record = |extent: u32, size: u32, directory: bool, name: &[u8], out: &mut Vec<u8>| {
        let length = 33 + name.len() + (name.len() + 1) % 2;
        out.extend_from_slice(&[length as u8, 0]);
        both(extent, out);
        both(size, out);
        out.extend_from_slice(&[0; 7]);
        out.extend_from_slice(&[if directory { 2 } else { 0 }, 0, 0, 1, 0, 0, 1, name.len() as u8]);
        out.extend_from_slice(name);
        out.resize(out.len() + (name.len() + 1) % 2, 0);
    };
    let trees = if joliet { 2 } else { 1 };
    // Sectors: 16 system, descriptors, terminator, one root directory per tree, then the files.
    let first_root = 16 + trees + 1;
    let first_file = first_root + trees;
    let mut file_extents = Vec::new();
    let mut next = first_file;
    for (_, data) in files {
        file_extents.push(next as u32);
        next += data.len().div_ceil(SECTOR).max(1);
    }
    let mut image = vec![0u8; SECTOR * next];
    for tree in 0..trees {
        let mut descriptor = vec![if tree == 0 { 1 } else { 2 }];
        descriptor.extend_from_slice(b"CD001\x01");
        descriptor.resize(88, 0);
        if tree == 1 {
            descriptor.extend_from_slice(b"%/E");
        }
        descriptor.resize(128, 0);
        descriptor.u16le(SECTOR as u16);
        descriptor.extend_from_slice(&(SECTOR as u16).to_be_bytes());
        descriptor.resize(156, 0);
        let root = (first_root + tree) as u32;
        record(root, SECTOR as u32, true, &[0], &mut descriptor);
        let at = (16 + tree) * SECTOR;
        image[at..at + descriptor.len()].copy_from_slice(&descriptor);
        let mut directory = Vec::new();
        record(root, SECTOR as u32, true, &[0], &mut directory);
        record(root, SECTOR as u32, true, &[1], &mut directory);
        for ((name, data), &extent) in files.iter().zip(&file_extents) {
            let name: Vec<u8> = if tree == 0 {
                format!("{};1", name.to_ascii_uppercase()).into_bytes()
            } else {
                name.encode_utf16().flat_map(u16::to_be_bytes).collect()
            };
            record(extent, data.len() as u32, false, &name, &mut directory);
        }
        let at = root as usize * SECTOR;
        image[at..at + directory.len()].copy_from_slice(&directory);
    }
    let terminator = (16 + trees) * SECTOR;
    image[terminator..terminator + 7].copy_from_slice(b"\xffCD001\x01");
    for ((_, data), &extent) in files.iter().zip(&file_extents) {
        let at = extent as usize * SECTOR;
        image[at..at + data.len()].copy_from_slice(data);
    }
    image
}

/// A ZIP whose central directory lists `copies` entries that all point at the
/// same local header and data: the non-recursive zip bomb's construction.
pub fn zip_sharing_bytes(data: &[u8], copies: usize) -> Vec<u8> {
    let single = zip(&[ZipEntry::deflated("f0", data)]);
    let directory_offset = u32::from_le_bytes([0, 1, 2, 3].map(|i| single[single.len() - 6 + i])) as usize;
    let (local, central) = single[..single.len() - 22].split_at(directory_offset);
    let mut out = local.to_vec();
    let start = out.len() as u32;
    for copy in 0..copies {
        // Same record, another two-character name: f0, f1, … (a record per copy).
        let mut record = central.to_vec();
        let name = format!("f{}", copy % 10);
        record[46..48].copy_from_slice(&name.as_bytes()[..2]);
        out.extend_from_slice(&record);
    }
    let size = out.len() as u32 - start;
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.u16le(copies as u16);
    out.u16le(copies as u16);
    out.u32le(size);
    out.u32le(start);
    out.u16le(0);
    out
}
