//! Sample programs, scripts, shortcuts and disk images: only the headers that
//! identify them. None of them does anything or could run.

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
