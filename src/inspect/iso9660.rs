//! The files of an ISO 9660 disk image (ECMA-119), read through its directory
//! records, preferring the Joliet tree (Unicode names) when there is one. Files
//! on a CD image are stored whole and uncompressed, so their bytes are a slice.

use super::bytes::{le16, le32};
use std::ops::Range;

/// ECMA-119 §6.2.1: the volume descriptor set starts at logical sector 16.
const FIRST_DESCRIPTOR: usize = 16 * 2048;
/// Descriptors read before giving up on a terminator (real images have 2 to 4).
const MAX_DESCRIPTORS: usize = 32;
/// Directories walked per image (default, ours: an operating system's install
/// image holds a few thousand); the walk stops there and says it was cut.
pub const MAX_DIRECTORIES: usize = 8192;
/// Longest path of a file of the image, in bytes: Linux's `PATH_MAX` (4,096,
/// `<linux/limits.h>`), which no path an operating system opens exceeds. A
/// longer path keeps its last bytes (the file's name and the directories
/// nearest it) after `…`: each directory level added its name (up to 221
/// bytes) and a slash to every path below it, so `MAX_DIRECTORIES` levels made
/// paths of megabytes, one for each file (1.36 GB of wasm memory for a 766 KB
/// message; a trap for 1.96 MB).
pub const MAX_PATH_BYTES: usize = 4096;
/// Bytes of the paths one image's listing makes, all together (default, ours:
/// 2,048 paths of `MAX_PATH_BYTES`). Each directory level repeats its parents'
/// names in every path below it, so the listing could hold entries ×
/// `MAX_PATH_BYTES` (400 MB at the largest entry limit a caller may set) out of
/// an image a thousand times smaller; past this, a path is `…/` and its name.
pub const MAX_LISTED_PATH_BYTES: usize = 8 * 1024 * 1024;
/// What stands for the directories a path no longer shows.
const CUT: &str = "…";

/// A file of the image: its path and where its bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsoFile {
    pub path: String,
    pub data: Range<usize>,
}

/// Lists at most `max_entries` files and directories; the flag says whether the
/// walk stopped there.
pub fn iso_files(bytes: &[u8], max_entries: usize) -> (Vec<IsoFile>, bool) {
    let Some(volume) = best_volume(bytes) else { return (Vec::new(), false) };
    let mut files = Vec::new();
    // Directory records read, files and directories alike; extents already
    // walked are skipped, so a directory that contains itself ends the walk.
    let mut steps = 0usize;
    let mut path_bytes = 0usize;
    let max_steps = max_entries.saturating_mul(4).max(64);
    let mut visited: Vec<u32> = Vec::new();
    let mut pending = vec![(volume.root_extent, volume.root_size, String::new())];
    while let Some((extent, size, prefix)) = pending.pop() {
        if visited.contains(&extent) {
            continue;
        }
        if visited.len() >= MAX_DIRECTORIES {
            return (files, true);
        }
        visited.push(extent);
        let start = (extent as usize).saturating_mul(volume.block_size);
        let end = start.saturating_add(size as usize).min(bytes.len());
        let Some(directory) = bytes.get(start..end) else { continue };
        let mut at = 0usize;
        while at < directory.len() {
            steps += 1;
            if steps > max_steps || files.len() + pending.len() >= max_entries {
                return (files, true);
            }
            let length = usize::from(directory[at]);
            if length == 0 {
                // ECMA-119 §6.8.1.1: records do not cross a sector; the rest of it is zeros.
                at = (at / volume.block_size + 1) * volume.block_size;
                continue;
            }
            let Some(record) = directory.get(at..at + length) else { break };
            at += length;
            let (Some(child_extent), Some(child_size)) = (le32(record, 2), le32(record, 10)) else { continue };
            let name_len = usize::from(*record.get(32).unwrap_or(&0));
            let Some(raw_name) = record.get(33..33 + name_len) else { continue };
            // The records for the directory itself and its parent.
            if name_len == 1 && raw_name[0] <= 1 {
                continue;
            }
            let name = decode_name(raw_name, volume.joliet);
            let path = if prefix.is_empty() {
                name
            } else if path_bytes.saturating_add(prefix.len() + 1 + name.len()) > MAX_LISTED_PATH_BYTES {
                format!("{CUT}/{name}")
            } else {
                keep_path_end(format!("{prefix}/{name}"))
            };
            path_bytes = path_bytes.saturating_add(path.len());
            if record[25] & 0x02 != 0 {
                pending.push((child_extent, child_size, path));
            } else {
                let data_start = (child_extent as usize).saturating_mul(volume.block_size).min(bytes.len());
                let data_end = data_start.saturating_add(child_size as usize).min(bytes.len());
                files.push(IsoFile { path, data: data_start..data_end });
            }
        }
    }
    (files, false)
}

/// `path`, or when longer than `MAX_PATH_BYTES`, `…` and its last bytes (cut
/// at a character's start) up to that length.
fn keep_path_end(path: String) -> String {
    if path.len() <= MAX_PATH_BYTES {
        return path;
    }
    let from = path.ceil_char_boundary(path.len() - (MAX_PATH_BYTES - CUT.len()));
    format!("{CUT}{}", &path[from..])
}

struct Volume {
    block_size: usize,
    root_extent: u32,
    root_size: u32,
    joliet: bool,
}

/// The Joliet supplementary volume if there is one, else the primary volume.
fn best_volume(bytes: &[u8]) -> Option<Volume> {
    let mut primary = None;
    for index in 0..MAX_DESCRIPTORS {
        let at = FIRST_DESCRIPTOR + index * 2048;
        let descriptor = bytes.get(at..at + 2048)?;
        if &descriptor[1..6] != b"CD001" {
            break;
        }
        let kind = descriptor[0];
        if kind == 255 {
            break;
        }
        // Joliet: a supplementary descriptor whose escape sequences name UCS-2 (%/@, %/C, %/E).
        let joliet = kind == 2 && descriptor[88] == b'%' && descriptor[89] == b'/' && b"@CE".contains(&descriptor[90]);
        if kind == 1 || joliet {
            let block_size = usize::from(le16(descriptor, 128)?);
            if !(512..=8192).contains(&block_size) || !block_size.is_power_of_two() {
                continue;
            }
            let root = &descriptor[156..190];
            let volume = Volume { block_size, root_extent: le32(root, 2)?, root_size: le32(root, 10)?, joliet };
            if joliet {
                return Some(volume);
            }
            primary = Some(volume);
        }
    }
    primary
}

/// ISO 9660 names are `NAME.EXT;1` in d-characters; Joliet names are UCS-2 big-endian.
fn decode_name(raw: &[u8], joliet: bool) -> String {
    let name = if joliet {
        let units: Vec<u16> = raw.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
        String::from_utf16_lossy(&units)
    } else {
        raw.iter().map(|&b| char::from(b)).collect()
    };
    let name = name.split_once(';').map(|(n, _)| n.to_string()).unwrap_or(name);
    name.strip_suffix('.').map(str::to_string).unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_version_and_empty_extension() {
        assert_eq!(decode_name(b"SETUP.EXE;1", false), "SETUP.EXE");
        assert_eq!(decode_name(b"README.;1", false), "README");
        assert_eq!(decode_name(&[0, b'a', 0, b'.', 0, b'j', 0, b's'], true), "a.js");
    }

    /// An image whose directories nest `depth` levels, each named `dir_name`,
    /// each holding `FILE.EXE;1` and the next level.
    fn deep_image(depth: usize, dir_name: &[u8]) -> Vec<u8> {
        const SECTOR: usize = 2048;
        let record = |extent: usize, directory: bool, name: &[u8], out: &mut Vec<u8>| {
            let length = 33 + name.len() + (name.len() + 1) % 2;
            let start = out.len();
            out.resize(start + length, 0);
            let record = &mut out[start..];
            record[0] = length as u8;
            record[2..6].copy_from_slice(&(extent as u32).to_le_bytes());
            record[10..14].copy_from_slice(&(if directory { SECTOR as u32 } else { 0 }).to_le_bytes());
            record[25] = if directory { 2 } else { 0 };
            record[32] = name.len() as u8;
            record[33..33 + name.len()].copy_from_slice(name);
        };
        let first_directory = 18;
        let mut image = vec![0u8; SECTOR * (first_directory + depth + 1)];
        let mut descriptor = vec![1];
        descriptor.extend_from_slice(b"CD001\x01");
        descriptor.resize(128, 0);
        descriptor.extend_from_slice(&(SECTOR as u16).to_le_bytes());
        descriptor.resize(156, 0);
        record(first_directory, true, &[0], &mut descriptor);
        image[16 * SECTOR..16 * SECTOR + descriptor.len()].copy_from_slice(&descriptor);
        image[17 * SECTOR..17 * SECTOR + 6].copy_from_slice(b"\xffCD001");
        for level in 0..=depth {
            let mut directory = Vec::new();
            record(first_directory + level, true, &[0], &mut directory);
            record(first_directory + level.saturating_sub(1), true, &[1], &mut directory);
            record(0, false, b"FILE.EXE;1", &mut directory);
            if level < depth {
                record(first_directory + level + 1, true, dir_name, &mut directory);
            }
            let at = (first_directory + level) * SECTOR;
            image[at..at + directory.len()].copy_from_slice(&directory);
        }
        image
    }

    #[test]
    fn deep_paths_keep_their_last_bytes() {
        let name = [b'D'; 221];
        let (files, cut) = iso_files(&deep_image(100, &name), 10_000);
        assert!(!cut);
        assert_eq!(files.len(), 101);
        assert!(files.iter().all(|f| f.path.len() <= MAX_PATH_BYTES && f.path.ends_with("/FILE.EXE") || f.path == "FILE.EXE"));
        let longest = files.iter().map(|f| f.path.len()).max();
        assert_eq!(longest, Some(MAX_PATH_BYTES));
        // 18 levels fit (18 × 222 + 8 bytes), the 19th is cut.
        let at = |depth: usize| files.iter().find(|f| f.path.matches('/').count() == depth).map(|f| f.path.clone());
        assert_eq!(at(18).map(|p| p.len()), Some(18 * 222 + 8));
        assert!(at(18).is_some_and(|p| p.starts_with('D')));
        let cut = files.iter().find(|f| f.path.starts_with('…')).map(|f| f.path.clone()).unwrap_or_default();
        assert_eq!(cut.len(), MAX_PATH_BYTES);
        assert!(cut.ends_with(&format!("{}/FILE.EXE", String::from_utf8_lossy(&name))));
        // A cut inside a character moves to its end.
        let cut = keep_path_end(format!("{}é{}", "a".repeat(10), "b".repeat(MAX_PATH_BYTES - 4)));
        assert_eq!(cut, format!("…{}", "b".repeat(MAX_PATH_BYTES - 4)));
        let cut = keep_path_end(format!("{}é{}", "a".repeat(10), "b".repeat(MAX_PATH_BYTES - 3)));
        assert_eq!(cut, format!("…{}", "b".repeat(MAX_PATH_BYTES - 3)));
    }

    /// 3,000 levels of 221-byte names would list 12 MB of paths; past
    /// `MAX_LISTED_PATH_BYTES` each path is its name after `…/`.
    #[test]
    fn the_listing_s_paths_stay_within_their_budget() {
        let name = [b'D'; 221];
        let (files, cut) = iso_files(&deep_image(3_000, &name), 10_000);
        assert!(!cut);
        assert_eq!(files.len(), 3_001);
        let total: usize = files.iter().map(|f| f.path.len()).sum();
        assert!(total <= MAX_LISTED_PATH_BYTES, "{total}");
        let short = files.iter().filter(|f| f.path == "…/FILE.EXE").count();
        // Directories' paths spend the budget too: about 1,000 levels past it.
        assert!((500..2_000).contains(&short), "{short}");
        assert!(files.iter().all(|f| f.path.ends_with("/FILE.EXE") || f.path == "FILE.EXE"));
        // Under the budget nothing changes: the test above.
        let (files, _) = iso_files(&deep_image(100, &name), 10_000);
        assert!(files.iter().all(|f| !f.path.starts_with("…/")));
    }

    #[test]
    fn a_truncated_image_lists_nothing() {
        assert_eq!(iso_files(&[0; 40000], 10), (Vec::new(), false));
    }
}
