//! Builders of sample attachments for the documented examples and the tests:
//! minimal headers of each format, written here so that no real program or
//! malware is ever stored in the repository.

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
}

impl<'e> ZipEntry<'e> {
    pub fn stored(name: &'e str, data: &'e [u8]) -> ZipEntry<'e> {
        ZipEntry { name, data, method: Method::Stored, encrypted: false }
    }
    pub fn deflated(name: &'e str, data: &'e [u8]) -> ZipEntry<'e> {
        ZipEntry { name, data, method: Method::Deflated, encrypted: false }
    }
    pub fn encrypted(name: &'e str, data: &'e [u8]) -> ZipEntry<'e> {
        ZipEntry { name, data, method: Method::Stored, encrypted: true }
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
        fn literal(&mut self, byte: u8) {
            match byte {
                0..=143 => self.code(0x30 + u32::from(byte), 8),
                _ => self.code(0x190 + u32::from(byte) - 144, 9),
            }
        }
    }
    let mut bits = Bits { out: Vec::with_capacity(data.len() / 2 + 16), buffer: 0, count: 0 };
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE 01: fixed Huffman codes
    let mut i = 0;
    while i < data.len() {
        let previous = if i > 0 { Some(data[i - 1]) } else { None };
        let run = match previous {
            Some(p) => data[i..].iter().take(258).take_while(|&&b| b == p).count(),
            None => 0,
        };
        if run == 258 {
            bits.code(0xc5, 8); // length symbol 285: 258, no extra bits
            bits.code(0, 5); // distance code 0: distance 1
            i += 258;
        } else {
            bits.literal(data[i]);
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
    for entry in entries {
        let packed = match entry.method {
            Method::Stored => entry.data.to_vec(),
            Method::Deflated => deflate_runs(entry.data),
        };
        let method: u16 = if entry.method == Method::Stored { 0 } else { 8 };
        let flags: u16 = if entry.encrypted { 1 } else { 0 } | 0x0800;
        let crc = crc32(entry.data);
        let offset = out.len() as u32;
        let common = |buf: &mut Vec<u8>| {
            buf.extend_from_slice(&20u16.to_le_bytes());
            buf.extend_from_slice(&flags.to_le_bytes());
            buf.extend_from_slice(&method.to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes());
            buf.extend_from_slice(&0x21u16.to_le_bytes());
            buf.extend_from_slice(&crc.to_le_bytes());
            buf.extend_from_slice(&(packed.len() as u32).to_le_bytes());
            buf.extend_from_slice(&(entry.data.len() as u32).to_le_bytes());
            buf.extend_from_slice(&(entry.name.len() as u16).to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes());
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(&packed);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes());
        common(&mut central);
        // Comment length, disk number, internal attributes, external attributes.
        central.extend_from_slice(&[0; 6]);
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(entry.name.as_bytes());
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// The headers of a Windows program: DOS header whose `e_lfanew` points at `PE\0\0`
/// and a COFF header for x86-64. It does nothing and could not run.
pub fn windows_program() -> Vec<u8> {
    let mut pe = vec![0u8; 0x100];
    pe[..2].copy_from_slice(b"MZ");
    pe[0x3c] = 0x80;
    pe[0x80..0x84].copy_from_slice(b"PE\0\0");
    pe[0x84..0x86].copy_from_slice(&0x8664u16.to_le_bytes());
    pe
}

/// The identification bytes of a 64-bit little-endian ELF executable.
pub fn elf_program() -> Vec<u8> {
    let mut elf = vec![0u8; 64];
    elf[..4].copy_from_slice(b"\x7fELF");
    elf[4] = 2;
    elf[5] = 1;
    elf[6] = 1;
    elf[16] = 2;
    elf
}

/// The header of a 64-bit Mach-O executable.
pub fn macho_program() -> Vec<u8> {
    let mut macho = vec![0u8; 32];
    macho[..4].copy_from_slice(&[0xcf, 0xfa, 0xed, 0xfe]);
    macho
}

/// An OLE2 compound file whose directory lists the root and `streams` (512-byte
/// sectors: sector 0 is the FAT, the directory follows). `root_class` is the
/// root storage CLSID as stored.
pub fn ole2(streams: &[&str], root_class: [u8; 16]) -> Vec<u8> {
    const END_OF_CHAIN: u32 = 0xffff_fffe;
    const FREE: u32 = 0xffff_ffff;
    let mut names = vec!["Root Entry"];
    names.extend_from_slice(streams);
    let directory_sectors = names.len().div_ceil(4);
    let mut file = vec![0u8; 512];
    file[..8].copy_from_slice(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    file[0x18..0x1a].copy_from_slice(&0x3eu16.to_le_bytes());
    file[0x1a..0x1c].copy_from_slice(&3u16.to_le_bytes());
    file[0x1c..0x1e].copy_from_slice(&0xfffeu16.to_le_bytes());
    file[0x1e..0x20].copy_from_slice(&9u16.to_le_bytes());
    file[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
    file[0x2c..0x30].copy_from_slice(&1u32.to_le_bytes());
    file[0x30..0x34].copy_from_slice(&1u32.to_le_bytes());
    file[0x38..0x3c].copy_from_slice(&4096u32.to_le_bytes());
    file[0x3c..0x40].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
    file[0x44..0x48].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
    for i in 0..109 {
        let value = if i == 0 { 0 } else { FREE };
        file[0x4c + 4 * i..0x50 + 4 * i].copy_from_slice(&value.to_le_bytes());
    }
    let mut fat = vec![0u8; 512];
    for i in 0..128u32 {
        let value = match i {
            0 => 0xffff_fffd,
            n if (n as usize) < directory_sectors => n + 1,
            n if n as usize == directory_sectors => END_OF_CHAIN,
            _ => FREE,
        };
        fat[4 * i as usize..4 * i as usize + 4].copy_from_slice(&value.to_le_bytes());
    }
    file.extend_from_slice(&fat);
    let mut directory = vec![0u8; directory_sectors * 512];
    for (i, name) in names.iter().enumerate() {
        let entry = &mut directory[i * 128..(i + 1) * 128];
        let units: Vec<u16> = name.encode_utf16().take(31).collect();
        for (j, unit) in units.iter().enumerate() {
            entry[2 * j..2 * j + 2].copy_from_slice(&unit.to_le_bytes());
        }
        entry[64..66].copy_from_slice(&((units.len() as u16 + 1) * 2).to_le_bytes());
        entry[66] = if i == 0 { 5 } else { 2 };
        entry[68..80].copy_from_slice(&[0xff; 12]);
        if i == 0 {
            entry[80..96].copy_from_slice(&root_class);
        }
    }
    file.extend_from_slice(&directory);
    file
}

/// A legacy Word document, with or without the `Macros` / `VBA` storages of a VBA project.
pub fn word_97_document(with_macros: bool) -> Vec<u8> {
    let mut streams = vec!["WordDocument", "1Table", "\u{5}SummaryInformation"];
    if with_macros {
        streams.extend_from_slice(&["Macros", "VBA", "_VBA_PROJECT", "dir", "PROJECT"]);
    }
    ole2(&streams, [0; 16])
}

/// An MSI installer: an OLE2 file with the Windows Installer root CLSID.
pub fn windows_installer() -> Vec<u8> {
    ole2(&["\u{4840}\u{3f3f}"], [0x84, 0x10, 0x0c, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46])
}

const DOCX_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"</Types>"#,
);
const DOCM_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>"#,
    r#"</Types>"#,
);
const XLSX_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"</Types>"#,
);

/// A Word (OOXML) document; with macros it holds `word/vbaProject.bin` and a
/// macro-enabled content type, as Word writes a `.docm`.
pub fn word_document(with_macros: bool) -> Vec<u8> {
    let body = concat!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        "<w:body><w:p><w:r><w:t>Invoice</w:t></w:r></w:p></w:body></w:document>",
    )
    .as_bytes();
    let vba = word_97_document(true);
    let mut entries = vec![
        ZipEntry::deflated(
            "[Content_Types].xml",
            if with_macros { DOCM_TYPES.as_bytes() } else { DOCX_TYPES.as_bytes() },
        ),
        ZipEntry::deflated("_rels/.rels", b"<Relationships/>"),
        ZipEntry::deflated("word/document.xml", body),
    ];
    if with_macros {
        entries.push(ZipEntry::deflated("word/vbaProject.bin", &vba));
    }
    zip(&entries)
}

/// An Excel (OOXML) workbook without macros.
pub fn spreadsheet() -> Vec<u8> {
    zip(&[
        ZipEntry::deflated("[Content_Types].xml", XLSX_TYPES.as_bytes()),
        ZipEntry::deflated("xl/workbook.xml", b"<workbook/>"),
        ZipEntry::deflated("xl/worksheets/sheet1.xml", b"<worksheet><sheetData/></worksheet>"),
    ])
}

/// A tiny PDF.
pub fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec()
}

/// A raw message: a short text and one base64 attachment.
pub fn message_with(filename: &str, content_type: &str, content: &[u8]) -> Vec<u8> {
    message_with_header(
        &format!("Content-Type: {content_type}\r\nContent-Disposition: attachment; filename=\"{filename}\""),
        content,
    )
}

/// A raw message whose attachment has the given MIME header lines (CRLF separated).
pub fn message_with_header(part_header: &str, content: &[u8]) -> Vec<u8> {
    let mut raw = String::from(
        "From: Shop <shop@example.com>\r\nTo: client@example.net\r\nSubject: Your documents\r\n\
         Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <sample@example.com>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n\
         --sep\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Please find the documents attached.\r\n--sep\r\n",
    );
    raw.push_str(part_header);
    raw.push_str("\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    let encoded = base64(content);
    for line in encoded.as_bytes().chunks(76) {
        raw.push_str(std::str::from_utf8(line).unwrap_or_default());
        raw.push_str("\r\n");
    }
    raw.push_str("--sep--\r\n");
    raw.into_bytes()
}

/// Standard base64 (RFC 4648 §4) with padding.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A POSIX ustar archive of regular files.
pub fn tar(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in files {
        let mut header = [0u8; 512];
        let name = name.as_bytes();
        header[..name.len().min(100)].copy_from_slice(&name[..name.len().min(100)]);
        header[100..108].copy_from_slice(b"0000644\0");
        header[108..116].copy_from_slice(b"0000000\0");
        header[116..124].copy_from_slice(b"0000000\0");
        header[124..136].copy_from_slice(format!("{:011o}\0", data.len()).as_bytes());
        header[136..148].copy_from_slice(b"00000000000\0");
        header[156] = b'0';
        header[257..263].copy_from_slice(b"ustar\0");
        header[263..265].copy_from_slice(b"00");
        header[148..156].copy_from_slice(b"        ");
        let sum: u32 = header.iter().map(|&b| u32::from(b)).sum();
        header[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
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
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

/// A cabinet ([MS-CAB] §2) listing `names` in one empty folder.
pub fn cabinet(names: &[&str]) -> Vec<u8> {
    let mut files = Vec::new();
    for name in names {
        files.extend_from_slice(&0u32.to_le_bytes());
        files.extend_from_slice(&0u32.to_le_bytes());
        files.extend_from_slice(&0u16.to_le_bytes());
        files.extend_from_slice(&[0x21, 0, 0, 0]);
        files.extend_from_slice(&0x20u16.to_le_bytes());
        files.extend_from_slice(name.as_bytes());
        files.push(0);
    }
    let first_file = 36u32 + 8;
    let total = first_file + files.len() as u32;
    let mut out = b"MSCF\0\0\0\0".to_vec();
    out.extend_from_slice(&total.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&first_file.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&[3, 1]);
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&(names.len() as u16).to_le_bytes());
    out.extend_from_slice(&[0; 6]);
    out.extend_from_slice(&total.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&files);
    out
}

/// A RAR 5 archive listing `files` (stored; CRCs left at zero, not checked here).
pub fn rar5(files: &[(&str, &[u8])]) -> Vec<u8> {
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
    fn block(header: &[u8], data: &[u8], out: &mut Vec<u8>) {
        out.extend_from_slice(&[0; 4]);
        vint(header.len() as u64, out);
        out.extend_from_slice(header);
        out.extend_from_slice(data);
    }
    let mut out = b"Rar!\x1a\x07\x01\x00".to_vec();
    block(&[1, 0, 0], &[], &mut out);
    for (name, data) in files {
        let mut header = Vec::new();
        vint(2, &mut header); // file header
        vint(0x02, &mut header); // a data area follows
        vint(data.len() as u64, &mut header);
        vint(0, &mut header); // file flags
        vint(data.len() as u64, &mut header);
        vint(0, &mut header); // attributes
        vint(0, &mut header); // compression: stored
        vint(0, &mut header); // host OS: Windows
        vint(name.len() as u64, &mut header);
        header.extend_from_slice(name.as_bytes());
        block(&header, data, &mut out);
    }
    block(&[5, 0, 0], &[], &mut out);
    out
}

/// A RAR 1.5–4 archive listing `files` (stored; CRCs left at zero).
pub fn rar4(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = b"Rar!\x1a\x07\x00".to_vec();
    out.extend_from_slice(&[0, 0, 0x73, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0]);
    for (name, data) in files {
        out.extend_from_slice(&[0, 0, 0x74]);
        out.extend_from_slice(&0x8000u16.to_le_bytes());
        out.extend_from_slice(&(32 + name.len() as u16).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&[2, 0, 0, 0, 0, 0, 0, 0, 0, 29, 0x30]);
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0x20, 0, 0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
    }
    out.extend_from_slice(&[0, 0, 0x7b, 0, 0, 7, 0]);
    out
}
