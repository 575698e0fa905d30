//! An OLE2 compound file reader ([MS-CFB]): the storage and stream names, which
//! tell whether a legacy Office document holds a VBA project, whether it is
//! encrypted and whether the file is an installer, and a bounded read of one
//! stream (the Excel `Workbook`, for its sheet list).

use super::bytes::{le16, le32};
use std::cell::OnceCell;

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
    /// The mini stream (the root entry's chain), read at the first stream under
    /// the cutoff and kept: each such stream read it whole again, even an empty
    /// one (4,096 Outlook attachments, five streams read each, an 8 MB mini
    /// stream: 24 s). `None` when there is no root entry.
    mini_stream: OnceCell<Option<Vec<u8>>>,
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

    /// The first `max_bytes` of the stream `entry`. `bytes` is the compound file
    /// this directory was read from (the mini stream is kept from the first read).
    pub fn read_entry(&self, bytes: &[u8], entry: &DirEntry, max_bytes: usize) -> Option<Vec<u8>> {
        let wanted = usize::try_from(entry.size).unwrap_or(usize::MAX).min(max_bytes);
        if entry.size >= self.mini_stream_cutoff {
            return Some(read_chain(bytes, &self.fat, entry.start_sector, self.sector_size, wanted, |n| {
                sector_range(n, self.sector_size)
            }));
        }
        let mini_stream = self.mini_stream.get_or_init(|| self.read_mini_stream(bytes)).as_deref()?;
        Some(read_chain(mini_stream, &self.mini_fat, entry.start_sector, self.mini_sector_size, wanted, |n| {
            let start = (n as usize).checked_mul(self.mini_sector_size)?;
            Some(start..start.checked_add(self.mini_sector_size)?)
        }))
    }

    /// The mini stream is the root entry's chain, cut in mini sectors ([MS-CFB] §2.5).
    fn read_mini_stream(&self, bytes: &[u8]) -> Option<Vec<u8>> {
        let root = self.entries.iter().find(|e| e.object_type == 5)?;
        let mini_stream_size = usize::try_from(root.size).ok()?;
        Some(read_chain(bytes, &self.fat, root.start_sector, self.sector_size, mini_stream_size, |n| {
            sector_range(n, self.sector_size)
        }))
    }

    /// Bytes of the mini stream copied so far (0 before a stream under the
    /// cutoff is read): the walk counts them against its budget once.
    pub fn mini_stream_copied(&self) -> usize {
        self.mini_stream.get().and_then(Option::as_ref).map_or(0, Vec::len)
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
    #[cfg(test)]
    tests::COPIED.with(|c| c.set(c.get() + out.len()));
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Bytes `read_chain` copied on this thread.
        pub(in crate::inspect) static COPIED: Cell<usize> = const { Cell::new(0) };
    }

    /// A compound file (512-byte sectors, 64-byte mini sectors) whose root's
    /// mini stream holds `mini_sectors` sectors of 512 bytes (byte i of it is
    /// `i % 251`), and the streams `(name, mini sector, size)` in it.
    pub(in crate::inspect) fn with_mini_stream(mini_sectors: usize, streams: &[(&str, u32, u32)]) -> Vec<u8> {
        const END: u32 = 0xffff_fffe;
        const FREE: u32 = 0xffff_ffff;
        let put = |file: &mut Vec<u8>, at: usize, value: u32| file[at..at + 4].copy_from_slice(&value.to_le_bytes());
        // Sectors (sector n at (n + 1) × 512, after the header): 0 the FAT, 1 the
        // directory, 2 the mini FAT, 3… the mini stream.
        let mut file = vec![0u8; 512 * (4 + mini_sectors)];
        file[..8].copy_from_slice(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        file[0x1e] = 9;
        file[0x20] = 6;
        for (at, value) in [(0x2c, 1), (0x30, 1), (0x38, 4096), (0x3c, 2), (0x44, END), (0x4c, 0)] {
            put(&mut file, at, value);
        }
        for i in 1..109 {
            put(&mut file, 0x4c + 4 * i, FREE);
        }
        let fat = 512;
        for (i, value) in [0xffff_fffd, END, END].into_iter().enumerate() {
            put(&mut file, fat + 4 * i, value);
        }
        for i in 0..mini_sectors {
            let next = if i + 1 == mini_sectors { END } else { (4 + i) as u32 };
            put(&mut file, fat + 4 * (3 + i), next);
        }
        // Each stream's mini sectors chained one after the other.
        let mini_fat = 3 * 512;
        file[mini_fat..mini_fat + 512].fill(0xff);
        for &(_, first, size) in streams {
            let count = size.div_ceil(64);
            for k in 0..count {
                let next = if k + 1 == count { END } else { first + k + 1 };
                put(&mut file, mini_fat + 4 * (first + k) as usize, next);
            }
        }
        let directory = 2 * 512;
        let entries = [("Root Entry", 5u8, 3u32, (mini_sectors * 512) as u32)]
            .into_iter()
            .chain(streams.iter().map(|&(name, first, size)| (name, 2u8, first, size)));
        for (i, (name, kind, start, size)) in entries.enumerate() {
            let entry = directory + 128 * i;
            let units: Vec<u16> = name.encode_utf16().collect();
            for (j, unit) in units.iter().enumerate() {
                file[entry + 2 * j..entry + 2 * j + 2].copy_from_slice(&unit.to_le_bytes());
            }
            file[entry + 64..entry + 66].copy_from_slice(&((units.len() as u16 + 1) * 2).to_le_bytes());
            file[entry + 66] = kind;
            for (at, value) in [(68, FREE), (72, FREE), (76, FREE), (116, start), (120, size)] {
                put(&mut file, entry + at, value);
            }
        }
        let stream = 4 * 512;
        for (i, byte) in file[stream..].iter_mut().enumerate() {
            *byte = (i % 251) as u8;
        }
        file
    }

    #[test]
    fn the_mini_stream_is_read_once_a_file() {
        let file = with_mini_stream(64, &[("a", 0, 100), ("b", 2, 0), ("c", 511, 64)]);
        let directory = read_directory(&file).expect("a compound file");
        assert_eq!(directory.entries.len(), 4);
        assert_eq!(directory.mini_stream_copied(), 0);
        let expected = |from: usize, len: usize| (from..from + len).map(|i| (i % 251) as u8).collect::<Vec<u8>>();
        COPIED.with(|c| c.set(0));
        for _ in 0..1_000 {
            assert_eq!(directory.read_stream(&file, "a", 4096), Some(expected(0, 100)));
            assert_eq!(directory.read_stream(&file, "b", 4096), Some(Vec::new()));
            assert_eq!(directory.read_stream(&file, "c", 4096), Some(expected(511 * 64, 64)));
        }
        assert_eq!(directory.mini_stream_copied(), 64 * 512);
        // The mini stream once, then the streams' own bytes.
        assert_eq!(COPIED.with(Cell::get), 64 * 512 + 1_000 * (100 + 64));
    }
}
