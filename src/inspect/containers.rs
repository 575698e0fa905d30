//! The gzip header (RFC 1952) and Microsoft Cabinet ([MS-CAB]) names: small
//! containers whose directory is plain.

use super::bytes::{le16, le32};

/// The gzip header (RFC 1952 §2.3): the original file name, if stored, and
/// where the deflate stream starts.
pub fn gzip_header(bytes: &[u8]) -> Option<(Option<String>, usize)> {
    const FHCRC: u8 = 0x02;
    const FEXTRA: u8 = 0x04;
    const FNAME: u8 = 0x08;
    const FCOMMENT: u8 = 0x10;
    if !bytes.starts_with(&[0x1f, 0x8b, 0x08]) {
        return None;
    }
    let flags = *bytes.get(3)?;
    let mut at = 10usize;
    if flags & FEXTRA != 0 {
        at = at.checked_add(2 + usize::from(le16(bytes, at)?))?;
    }
    let mut name = None;
    let read_zero_terminated = |at: usize| -> Option<(String, usize)> {
        let rest = bytes.get(at..)?;
        let end = rest.iter().position(|&b| b == 0)?;
        // RFC 1952: the name is ISO 8859-1.
        Some((rest[..end].iter().map(|&b| char::from(b)).collect(), at + end + 1))
    };
    if flags & FNAME != 0 {
        let (text, next) = read_zero_terminated(at)?;
        name = Some(text);
        at = next;
    }
    if flags & FCOMMENT != 0 {
        at = read_zero_terminated(at)?.1;
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    (at <= bytes.len()).then_some((name, at))
}

/// File names of a cabinet ([MS-CAB] §2.1 CFHEADER, §2.3 CFFILE); the flag says
/// whether more were left out. The data is compressed by folder (MSZIP, LZX,
/// Quantum) and is not read.
pub fn cab_names(bytes: &[u8], max_names: usize) -> (Vec<String>, bool) {
    let mut names = Vec::new();
    let (Some(first_file), Some(file_count)) = (le32(bytes, 16), le16(bytes, 28)) else { return (names, false) };
    let mut at = first_file as usize;
    for _ in 0..file_count {
        if names.len() >= max_names {
            return (names, true);
        }
        let Some(rest) = at.checked_add(16).and_then(|start| bytes.get(start..)) else { break };
        let Some(end) = rest.iter().take(257).position(|&b| b == 0) else { break };
        let attributes = le16(bytes, at + 14).unwrap_or(0);
        let raw = &rest[..end];
        // Attribute 0x80: the name is UTF-8; otherwise a local code page, read as Latin-1.
        let name = if attributes & 0x80 != 0 {
            String::from_utf8_lossy(raw).into_owned()
        } else {
            raw.iter().map(|&b| char::from(b)).collect()
        };
        names.push(name);
        at += 16 + end + 1;
    }
    (names, false)
}
