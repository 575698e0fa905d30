//! Sample ZIP files, also with inconsistent directories (APPNOTE.TXT §4.3), and
//! the small deflate encoder and CRC-32 they are built with.

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
    /// The name of an Info-ZIP Unicode Path extra field (0x7075) in the central
    /// directory, with the header name's CRC-32 (APPNOTE §4.6.9).
    pub unicode_path: Option<&'e str>,
}

impl<'e> ZipEntry<'e> {
    pub fn stored(name: &'e str, data: &'e [u8]) -> ZipEntry<'e> {
        ZipEntry { name, data, method: Method::Stored, encrypted: false, local_name: None, listed: true, unicode_path: None }
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
    /// The central directory also names the entry `name` in a Unicode Path field.
    pub fn unicode_path(mut self, name: &'e str) -> ZipEntry<'e> {
        self.unicode_path = Some(name);
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

/// CRC-32 (ISO 3309, as in ZIP): the ZIP reader's own.
pub use crate::inspect::zip::crc32;

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
        let common = |buf: &mut Vec<u8>, name: &str, extra: &[u8]| {
            for v in [20, flags, method, 0, 0x21] {
                buf.u16le(v);
            }
            for v in [crc32(entry.data), packed.len() as u32, entry.data.len() as u32] {
                buf.u32le(v);
            }
            buf.u16le(name.len() as u16);
            buf.u16le(extra.len() as u16);
        };
        let mut extra = Vec::new();
        if let Some(unicode) = entry.unicode_path {
            extra.u16le(0x7075);
            extra.u16le(5 + unicode.len() as u16);
            extra.push(1);
            extra.u32le(crc32(entry.name.as_bytes()));
            extra.extend_from_slice(unicode.as_bytes());
        }
        let local_name = entry.local_name.unwrap_or(entry.name);
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out, local_name, &[]);
        out.extend_from_slice(local_name.as_bytes());
        out.extend_from_slice(&packed);
        if entry.listed {
            listed += 1;
            central.extend_from_slice(b"PK\x01\x02\x14\x00");
            common(&mut central, entry.name, &extra);
            // Comment length, disk number, internal attributes, external attributes.
            central.extend_from_slice(&[0; 10]);
            central.u32le(offset);
            central.extend_from_slice(entry.name.as_bytes());
            central.extend_from_slice(&extra);
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
