//! An OLE2 compound file reader ([MS-CFB]): the storage and stream names, which
//! tell whether a legacy Office document holds a VBA project, whether it is
//! encrypted and whether the file is an installer, and a bounded read of one
//! stream (the Excel `Workbook`, for its sheet list).

use super::bytes::{le16, le32};

/// Most directory entries read; real documents have tens to a few hundred.
pub const MAX_DIRECTORY_ENTRIES: usize = 4096;

/// [MS-CFB] §2.1: sector numbers at or above this are markers (end of chain, free, …).
const MAX_REGULAR_SECTOR: u32 = 0xffff_fffa;

/// One directory entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    /// 1 storage, 2 stream, 5 root storage ([MS-CFB] §2.6.1).
    pub object_type: u8,
    pub start_sector: u32,
    pub size: u64,
    /// Its number in the directory, which the links below use ([MS-CFB] §2.6.1).
    pub id: u32,
    /// Left and right siblings in its parent's tree, and the root of its children's.
    pub links: [u32; 3],
}

/// What the directory of a compound file says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Directory {
    /// Storage and stream entries, in directory order.
    pub entries: Vec<DirEntry>,
    /// CLSID of the root storage, as stored.
    pub root_class: [u8; 16],
    /// The directory chain was cut at `MAX_DIRECTORY_ENTRIES` or was broken.
    pub incomplete: bool,
    sector_size: usize,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    mini_sector_size: usize,
    mini_stream_cutoff: u64,
}

impl Directory {
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// A storage or stream a VBA project lives in ([MS-OVBA] §2.2: `VBA` storage,
    /// `_VBA_PROJECT` stream; Word keeps them under `Macros`, Excel under `_VBA_PROJECT_CUR`).
    pub fn vba_storage(&self) -> Option<&str> {
        const VBA_NAMES: [&str; 4] = ["_VBA_PROJECT_CUR", "_VBA_PROJECT", "VBA", "Macros"];
        self.names().find(|n| VBA_NAMES.iter().any(|v| v.eq_ignore_ascii_case(n)))
    }

    /// [MS-OFFCRYPTO] §2.3.4: a password-protected Office document is an OLE2
    /// file holding `EncryptionInfo` and `EncryptedPackage`.
    pub fn is_encrypted_office_document(&self) -> bool {
        self.names().any(|n| n == "EncryptedPackage")
    }

    /// Windows Installer packages, patches and transforms are OLE2 files whose
    /// root storage has the CLSID {000C1084|1086|1082-0000-0000-C000-000000000046}.
    pub fn is_installer(&self) -> bool {
        let c = &self.root_class;
        matches!(c[0], 0x82 | 0x84 | 0x86) && c[1..] == [0x10, 0x0c, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]
    }

    /// The first `max_bytes` of the stream `name` (case-insensitive), following its
    /// sector chain in the FAT, or in the mini FAT for streams under the cutoff.
    pub fn read_stream(&self, bytes: &[u8], name: &str, max_bytes: usize) -> Option<Vec<u8>> {
        let entry = self.entries.iter().find(|e| e.object_type == 2 && e.name.eq_ignore_ascii_case(name))?;
        self.read_entry(bytes, entry, max_bytes)
    }

    /// The entries a storage holds: its children's tree, walked through the
    /// left, right and child links, each entry visited once (a looping tree ends).
    pub fn children(&self, storage: &DirEntry) -> Vec<&DirEntry> {
        let mut seen = vec![false; self.entries.len()];
        let mut found = Vec::new();
        let mut pending = vec![storage.links[2]];
        while let Some(id) = pending.pop() {
            let Ok(index) = self.entries.binary_search_by_key(&id, |e| e.id) else { continue };
            if std::mem::replace(&mut seen[index], true) {
                continue;
            }
            let entry = &self.entries[index];
            found.push(entry);
            pending.extend_from_slice(&entry.links[..2]);
        }
        found
    }

    /// The first `max_bytes` of the stream `entry`.
    pub fn read_entry(&self, bytes: &[u8], entry: &DirEntry, max_bytes: usize) -> Option<Vec<u8>> {
        let wanted = usize::try_from(entry.size).unwrap_or(usize::MAX).min(max_bytes);
        if entry.size >= self.mini_stream_cutoff {
            return Some(read_chain(bytes, &self.fat, entry.start_sector, self.sector_size, wanted, |n| {
                sector_range(n, self.sector_size)
            }));
        }
        // The mini stream is the root entry's chain, cut in mini sectors ([MS-CFB] §2.5).
        let root = self.entries.iter().find(|e| e.object_type == 5)?;
        let mini_stream_size = usize::try_from(root.size).ok()?;
        let mini_stream = read_chain(bytes, &self.fat, root.start_sector, self.sector_size, mini_stream_size, |n| {
            sector_range(n, self.sector_size)
        });
        Some(read_chain(&mini_stream, &self.mini_fat, entry.start_sector, self.mini_sector_size, wanted, |n| {
            let start = (n as usize).checked_mul(self.mini_sector_size)?;
            Some(start..start.checked_add(self.mini_sector_size)?)
        }))
    }
}

fn sector_range(n: u32, sector_size: usize) -> Option<std::ops::Range<usize>> {
    let start = (n as usize).checked_add(1)?.checked_mul(sector_size)?;
    Some(start..start.checked_add(sector_size)?)
}

/// Up to `wanted` bytes along a chain; a loop or a broken link ends it.
fn read_chain(
    bytes: &[u8],
    table: &[u32],
    first: u32,
    unit: usize,
    wanted: usize,
    locate: impl Fn(u32) -> Option<std::ops::Range<usize>>,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut next = first;
    // A chain visits each sector at most once: more steps than sectors is a loop.
    let max_steps = table.len().min(wanted.div_ceil(unit.max(1)) + 1);
    for _ in 0..max_steps {
        if next > MAX_REGULAR_SECTOR || out.len() >= wanted {
            break;
        }
        let Some(data) = locate(next).and_then(|r| bytes.get(r)) else { break };
        out.extend_from_slice(&data[..data.len().min(wanted - out.len())]);
        next = table.get(next as usize).copied().unwrap_or(u32::MAX);
    }
    out
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
    let sector = |n: u32| -> Option<&[u8]> { bytes.get(sector_range(n, sector_size)?) };
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
    let mini_shift = le16(bytes, 0x20).unwrap_or(6).min(12);
    let mini_fat_start = le32(bytes, 0x3c).unwrap_or(u32::MAX);
    let mini_fat_bytes = read_chain(bytes, &fat, mini_fat_start, sector_size, sector_count * sector_size, |n| {
        sector_range(n, sector_size)
    });
    let mut directory = Directory {
        sector_size,
        mini_sector_size: 1usize << mini_shift,
        mini_stream_cutoff: u64::from(le32(bytes, 0x38).unwrap_or(4096)),
        mini_fat: mini_fat_bytes.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])).collect(),
        ..Directory::default()
    };
    let mut next = le32(bytes, 0x30)?;
    let mut steps = 0usize;
    let mut raw_id = 0u32;
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
            let id = raw_id;
            raw_id = raw_id.saturating_add(1);
            if directory.entries.len() >= MAX_DIRECTORY_ENTRIES {
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
            if object_type == 5 && directory.entries.is_empty() {
                directory.root_class.copy_from_slice(&raw_entry[80..96]);
            }
            // [MS-CFB] §2.6.3: version 3 files (512-byte sectors) keep only the low 32 bits of the size.
            let size = if sector_size == 512 {
                u64::from(le32(raw_entry, 120).unwrap_or(0))
            } else {
                u64::from(le32(raw_entry, 120).unwrap_or(0)) | (u64::from(le32(raw_entry, 124).unwrap_or(0)) << 32)
            };
            directory.entries.push(DirEntry {
                name: String::from_utf16_lossy(&units),
                object_type,
                start_sector: le32(raw_entry, 116).unwrap_or(u32::MAX),
                size,
                id,
                links: [68, 72, 76].map(|at| le32(raw_entry, at).unwrap_or(u32::MAX)),
            });
        }
        next = fat.get(next as usize).copied().unwrap_or(u32::MAX);
    }
    directory.fat = fat;
    Some(directory)
}
