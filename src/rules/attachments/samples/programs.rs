//! Sample programs, scripts, shortcuts and disk images: only the headers that
//! identify them. None of them does anything or could run.

use super::Put;

/// The headers of a Windows program: DOS header whose `e_lfanew` points at `PE\0\0`
/// and a COFF header for x86-64.
pub fn windows_program() -> Vec<u8> {
    let mut pe = vec![0u8; 0x100];
    pe[..2].copy_from_slice(b"MZ");
    pe[0x3c] = 0x80;
    pe[0x80..0x86].copy_from_slice(b"PE\0\0\x64\x86");
    pe
}

/// The identification bytes of a 64-bit little-endian ELF executable.
pub fn elf_program() -> Vec<u8> {
    let mut elf = vec![0u8; 64];
    elf[..7].copy_from_slice(b"\x7fELF\x02\x01\x01");
    elf[16] = 2;
    elf
}

/// The header of a 64-bit Mach-O executable.
pub fn macho_program() -> Vec<u8> {
    let mut macho = vec![0u8; 32];
    macho[..4].copy_from_slice(&[0xcf, 0xfa, 0xed, 0xfe]);
    macho
}

/// A Windows shortcut ([MS-SHLLINK] §2.1): the 76-byte header with its LinkCLSID.
pub fn windows_shortcut() -> Vec<u8> {
    let mut link = vec![0u8; 0x4c];
    link[..20].copy_from_slice(&[0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0x00, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]);
    link
}

/// An HTML Application: a page with the `<HTA:APPLICATION>` element that makes
/// `mshta.exe` run it with the user's rights. Its script only shows a message.
pub fn hta_application() -> Vec<u8> {
    concat!(
        "<html><head><title>Invoice</title>\r\n<HTA:APPLICATION ID=\"invoice\" WINDOWSTATE=\"minimize\"/>\r\n",
        "<script language=\"VBScript\">MsgBox \"Hello\"</script></head><body></body></html>\r\n",
    )
    .as_bytes()
    .to_vec()
}

/// A fixed VHD: the disk's sectors, then the 512-byte footer with its `conectix` cookie.
pub fn vhd_disk() -> Vec<u8> {
    let mut disk = vec![0u8; 4096];
    disk.extend_from_slice(b"conectix\0\0\0\x02\0\x01\0\0");
    disk.resize(4096 + 512, 0);
    disk
}

/// A VHDX file: its file type identifier `vhdxfile` ([MS-VHDX] §2.2.1).
pub fn vhdx_disk() -> Vec<u8> {
    let mut disk = b"vhdxfile".to_vec();
    disk.resize(64 * 1024, 0);
    disk
}

/// A raw floppy image (`.img`): a FAT12 boot sector with its 0x55AA signature.
pub fn fat_disk_image() -> Vec<u8> {
    let mut disk = vec![0u8; 1474560 / 16];
    disk[..3].copy_from_slice(&[0xeb, 0x3c, 0x90]);
    disk[3..11].copy_from_slice(b"MSDOS5.0");
    disk[54..62].copy_from_slice(b"FAT12   ");
    disk[510..512].copy_from_slice(&[0x55, 0xaa]);
    disk
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
