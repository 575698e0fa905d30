//! TNEF, the `winmail.dat` Outlook sends as `application/ms-tnef` ([MS-OXTNEF]):
//! a signature, then attributes, each a level, an id, a length, its bytes and
//! a checksum (§2.1.3.1). An attached file is the attachment-level attributes
//! from one `attAttachRenddata` to the next: its name is `attAttachTitle`
//! (or the long file name in the `attAttachment` MAPI properties) and its
//! bytes are `attAttachData` (§2.1.3.3). Mail clients that decode TNEF (Gmail,
//! Apple Mail, the tnef tools) show these files, and ClamAV unpacks them.

use super::bytes::{le16, le32};
use std::ops::Range;

/// [MS-OXTNEF] §2.1.3.1: `TnefSignature`, 0x223E9F78 little-endian.
pub const SIGNATURE: [u8; 4] = [0x78, 0x9f, 0x3e, 0x22];

/// Attribute ids (the low 16 bits of `AttrId`; the high 16 bits are the type), §2.1.3.3.
const ATT_ATTACH_RENDDATA: u16 = 0x9002;
const ATT_ATTACH_TITLE: u16 = 0x8010;
const ATT_ATTACH_DATA: u16 = 0x800f;
const ATT_ATTACHMENT: u16 = 0x9005;
/// `AttrLevel` of an attachment's attributes (§2.1.3.1).
const LEVEL_ATTACHMENT: u8 = 0x02;
/// `PidTagAttachLongFilename` ([MS-OXPROPS] §2.597).
const PID_ATTACH_LONG_FILENAME: u16 = 0x3707;

/// One attached file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attachment {
    /// `attAttachTitle`: the name Outlook shows (often the short 8.3 name in old files).
    pub title: Option<String>,
    /// `PidTagAttachLongFilename` from `attAttachment`.
    pub long_name: Option<String>,
    /// The range of `attAttachData` in the stream.
    pub data: Option<Range<usize>>,
}

impl Attachment {
    /// The name a client saves the file under: the long name, else the title.
    pub fn name(&self) -> Option<&str> {
        self.long_name.as_deref().or(self.title.as_deref()).filter(|n| !n.is_empty())
    }
}

/// Whether `bytes` start as a TNEF stream.
pub fn is_tnef(bytes: &[u8]) -> bool {
    bytes.starts_with(&SIGNATURE)
}

/// The first `max` attached files; the flag says whether more were left out.
/// Each attribute is read once, in order: the walk is linear in the stream.
pub fn attachments(bytes: &[u8], max: usize) -> (Vec<Attachment>, bool) {
    let mut found: Vec<Attachment> = Vec::new();
    if !is_tnef(bytes) {
        return (found, false);
    }
    // Signature (4), LegacyKey (2).
    let mut at = 6usize;
    while let (Some(&level), Some(id), Some(length)) = (bytes.get(at), le32(bytes, at + 1), le32(bytes, at + 5)) {
        let start = at + 9;
        let Some(end) = start.checked_add(length as usize).filter(|&e| e <= bytes.len()) else { break };
        at = end + 2;
        if level != LEVEL_ATTACHMENT {
            continue;
        }
        let data = &bytes[start..end];
        match (id & 0xffff) as u16 {
            ATT_ATTACH_RENDDATA => {
                if found.len() >= max {
                    return (found, true);
                }
                found.push(Attachment::default());
            }
            // An attribute before any attAttachRenddata still belongs to a file.
            ATT_ATTACH_TITLE => {
                if let Some(file) = current(&mut found, max) {
                    file.title = Some(ansi_string(data));
                }
            }
            ATT_ATTACH_DATA => {
                if let Some(file) = current(&mut found, max) {
                    file.data = Some(start..end);
                }
            }
            ATT_ATTACHMENT => {
                if let (Some(name), Some(file)) = (long_file_name(data), current(&mut found, max)) {
                    file.long_name = Some(name);
                }
            }
            _ => {}
        }
    }
    (found, false)
}

fn current(found: &mut Vec<Attachment>, max: usize) -> Option<&mut Attachment> {
    if found.is_empty() && max > 0 {
        found.push(Attachment::default());
    }
    found.last_mut()
}

/// An 8-bit string up to its NUL (the code page is the sender's; bytes above
/// 0x7F are read as Latin-1, which keeps the extension, all that is judged).
fn ansi_string(data: &[u8]) -> String {
    data.iter().take_while(|&&b| b != 0).map(|&b| char::from(b)).collect()
}

/// `PidTagAttachLongFilename` in an `attAttachment` property list (§2.1.3.4:
/// a count, then each property's type, id, optional name and value).
fn long_file_name(list: &[u8]) -> Option<String> {
    let count = le32(list, 0)? as usize;
    let mut at = 4usize;
    // Each property takes at least 8 bytes: the count cannot make this loop longer than the list.
    for _ in 0..count.min(list.len() / 8) {
        let kind = le16(list, at)?;
        let id = le16(list, at + 2)?;
        at += 4;
        if id >= 0x8000 {
            // A named property: its GUID, then a number or a length-prefixed UTF-16 name.
            let name_kind = le32(list, at + 16)?;
            at += 20;
            at = if name_kind == 0 { at + 4 } else { padded(at + 4, le32(list, at)? as usize)? };
        }
        let multi = kind & 0x1000 != 0;
        let base = kind & 0x0fff;
        let variable = matches!(base, 0x001e | 0x001f | 0x0102 | 0x000d);
        let values = if multi || variable {
            let n = le32(list, at)? as usize;
            at += 4;
            n
        } else {
            1
        };
        for _ in 0..values.min(list.len()) {
            if variable {
                let length = le32(list, at)? as usize;
                let value = list.get(at + 4..(at + 4).checked_add(length)?)?;
                if id == PID_ATTACH_LONG_FILENAME && !multi {
                    return Some(match base {
                        0x001f => utf16_string(value),
                        _ => ansi_string(value),
                    });
                }
                at = padded(at + 4, length)?;
            } else {
                at += fixed_size(base)?;
            }
        }
    }
    None
}

/// The size of a fixed-size property value, padded to 4 bytes ([MS-OXCDATA] §2.11.1).
fn fixed_size(base: u16) -> Option<usize> {
    Some(match base {
        0x0002 | 0x0003 | 0x0004 | 0x000a | 0x000b => 4,
        0x0005 | 0x0006 | 0x0007 | 0x0014 | 0x0040 => 8,
        0x0048 => 16,
        _ => return None,
    })
}

fn padded(at: usize, length: usize) -> Option<usize> {
    at.checked_add(length.checked_add(3)? / 4 * 4)
}

fn utf16_string(data: &[u8]) -> String {
    let units: Vec<u16> =
        data.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).take_while(|&u| u != 0).collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::attachments::samples;

    #[test]
    fn reads_each_attached_file_with_its_name_and_bytes() {
        let bytes =
            samples::tnef(&[("INVOIC~1.EXE", Some("invoice 2026.exe"), b"MZ..."), ("a.pdf", None, b"%PDF-1.4")]);
        let (files, more) = attachments(&bytes, 10);
        assert!(!more);
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].name(), Some("invoice 2026.exe"));
        assert_eq!(files[0].title.as_deref(), Some("INVOIC~1.EXE"));
        assert_eq!(&bytes[files[0].data.clone().unwrap()], b"MZ...");
        assert_eq!(files[1].name(), Some("a.pdf"));
        assert_eq!(&bytes[files[1].data.clone().unwrap()], b"%PDF-1.4");
    }

    #[test]
    fn a_stream_without_files_lists_none_and_a_cut_one_stops() {
        assert_eq!(attachments(&samples::tnef(&[]), 10), (Vec::new(), false));
        let mut cut = samples::tnef(&[("a.exe", None, &[7u8; 100])]);
        cut.truncate(cut.len() - 50);
        let (files, _) = attachments(&cut, 10);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].data, None);
        assert_eq!(attachments(b"not tnef", 10), (Vec::new(), false));
    }

    #[test]
    fn at_most_max_files_are_listed() {
        let bytes = samples::tnef(&[("a.txt", None, b"a"), ("b.txt", None, b"b"), ("c.txt", None, b"c")]);
        let (files, more) = attachments(&bytes, 2);
        assert_eq!(files.len(), 2);
        assert!(more);
    }

    #[test]
    fn a_lying_property_list_reads_no_name() {
        let mut list = u32::MAX.to_le_bytes().to_vec();
        list.extend_from_slice(&[0x1f, 0x00, 0x07, 0x37, 0xff, 0xff, 0xff, 0x7f]);
        assert_eq!(long_file_name(&list), None);
        assert_eq!(long_file_name(&[]), None);
    }
}
