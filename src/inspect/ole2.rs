//! An OLE2 compound file directory reader ([MS-CFB]): enough to list the
//! storage and stream names, which tell whether a legacy Office document holds
//! a VBA project, whether it is encrypted, and whether the file is an installer.

use super::magic::{le16, le32};

/// Most directory entries read; real documents have tens to a few hundred.
pub const MAX_DIRECTORY_ENTRIES: usize = 4096;

/// [MS-CFB] §2.1: sector numbers at or above this are markers (end of chain, free, …).
const MAX_REGULAR_SECTOR: u32 = 0xffff_fffa;

/// What the directory of a compound file says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Directory {
    /// Storage and stream names, in directory order.
    pub names: Vec<String>,
    /// CLSID of the root storage, as stored.
    pub root_class: [u8; 16],
    /// The directory chain was cut at `MAX_DIRECTORY_ENTRIES` or was broken.
    pub incomplete: bool,
}

impl Directory {
    /// A storage or stream a VBA project lives in ([MS-OVBA] §2.2: `VBA` storage,
    /// `_VBA_PROJECT` stream; Word keeps them under `Macros`, Excel under `_VBA_PROJECT_CUR`).
    pub fn vba_storage(&self) -> Option<&str> {
        const VBA_NAMES: [&str; 4] = ["_VBA_PROJECT_CUR", "_VBA_PROJECT", "VBA", "Macros"];
        self.names.iter().map(String::as_str).find(|n| VBA_NAMES.iter().any(|v| v.eq_ignore_ascii_case(n)))
    }

    /// [MS-OFFCRYPTO] §2.3.4: a password-protected Office document is an OLE2
    /// file holding `EncryptionInfo` and `EncryptedPackage`.
    pub fn is_encrypted_office_document(&self) -> bool {
        self.names.iter().any(|n| n == "EncryptedPackage")
    }

    /// Windows Installer packages, patches and transforms are OLE2 files whose
    /// root storage has the CLSID {000C1084|1086|1082-0000-0000-C000-000000000046}.
    pub fn is_installer(&self) -> bool {
        let c = &self.root_class;
        matches!(c[0], 0x82 | 0x84 | 0x86) && c[1..] == [0x10, 0x0c, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]
    }
}

/// Reads the directory of a compound file; `None` if the header is not one.
pub fn read_directory(bytes: &[u8]) -> Option<Directory> {
    if !bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
        return None;
    }
    let shift = le16(bytes, 0x1e)?;
    if !(7..=16).contains(&shift) {
        return None;
    }
    let sector_size = 1usize << shift;
    let sector_count = bytes.len() / sector_size;
    let sector = |n: u32| -> Option<&[u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(sector_size)?;
        bytes.get(start..start.checked_add(sector_size)?)
    };
    // The FAT sectors: 109 in the header, the rest along the DIFAT chain ([MS-CFB] §2.5).
    let fat_sector_count = le32(bytes, 0x2c)? as usize;
    let mut fat_sectors: Vec<u32> = (0..109)
        .filter_map(|i| le32(bytes, 0x4c + 4 * i))
        .take(fat_sector_count.min(109))
        .filter(|&s| s <= MAX_REGULAR_SECTOR)
        .collect();
    let mut difat = le32(bytes, 0x44)?;
    let mut hops = 0usize;
    while difat <= MAX_REGULAR_SECTOR && fat_sectors.len() < fat_sector_count.min(sector_count) && hops < sector_count {
        let Some(data) = sector(difat) else { break };
        let per_sector = sector_size / 4 - 1;
        fat_sectors.extend((0..per_sector).filter_map(|i| le32(data, 4 * i)).filter(|&s| s <= MAX_REGULAR_SECTOR));
        difat = le32(data, 4 * per_sector).unwrap_or(u32::MAX);
        hops += 1;
    }
    let mut fat: Vec<u32> = Vec::new();
    for &fat_sector in fat_sectors.iter().take(sector_count) {
        let Some(data) = sector(fat_sector) else { continue };
        fat.extend((0..sector_size / 4).filter_map(|i| le32(data, 4 * i)));
        if fat.len() > sector_count.saturating_mul(2) {
            break;
        }
    }
    let mut directory = Directory::default();
    let mut next = le32(bytes, 0x30)?;
    let mut steps = 0usize;
    'chain: while next <= MAX_REGULAR_SECTOR {
        steps += 1;
        if steps > sector_count {
            directory.incomplete = true;
            break;
        }
        let Some(data) = sector(next) else {
            directory.incomplete = true;
            break;
        };
        for raw_entry in data.chunks_exact(128) {
            if directory.names.len() >= MAX_DIRECTORY_ENTRIES {
                directory.incomplete = true;
                break 'chain;
            }
            let object_type = raw_entry[66];
            if object_type == 0 {
                continue;
            }
            let name_bytes = usize::from(le16(raw_entry, 64).unwrap_or(0)).min(64);
            let units: Vec<u16> = raw_entry[..name_bytes]
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .take_while(|&u| u != 0)
                .collect();
            let name = String::from_utf16_lossy(&units);
            if object_type == 5 && directory.names.is_empty() {
                directory.root_class.copy_from_slice(&raw_entry[80..96]);
            }
            directory.names.push(name);
        }
        next = fat.get(next as usize).copied().unwrap_or(u32::MAX);
    }
    Some(directory)
}
