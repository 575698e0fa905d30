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
            let path = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
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

    #[test]
    fn a_truncated_image_lists_nothing() {
        assert_eq!(iso_files(&[0; 40000], 10), (Vec::new(), false));
    }
}
