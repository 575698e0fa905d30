//! Tar member names and data (POSIX.1-2001 ustar and pax, GNU long names, V7):
//! a tar file is its own directory, one 512-byte header before each member.

use std::ops::Range;

const BLOCK: usize = 512;

/// A tar member: its name and where its bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TarMember {
    pub name: String,
    pub data: Range<usize>,
    pub is_regular_file: bool,
}

/// Lists at most `max_members` members of a tar file; the flag says whether more were left out.
pub fn tar_members(bytes: &[u8], max_members: usize) -> (Vec<TarMember>, bool) {
    let mut members = Vec::new();
    let mut at = 0usize;
    // A name carried by the header before: GNU `L` or pax `path=` (POSIX.1-2001 pax format).
    let mut long_name: Option<String> = None;
    while let Some(header) = bytes.get(at..at.saturating_add(BLOCK)) {
        if header.iter().all(|&b| b == 0) {
            break;
        }
        if members.len() >= max_members {
            return (members, true);
        }
        let Some(size) = tar_size(&header[124..136]) else { break };
        let data_start = at + BLOCK;
        let data_end = data_start.saturating_add(usize::try_from(size).unwrap_or(usize::MAX)).min(bytes.len());
        let data = bytes.get(data_start..data_end).unwrap_or(&[]);
        let type_flag = header[156];
        match type_flag {
            // GNU long name: the member's data is the name of the next member.
            b'L' => long_name = Some(zero_terminated(data)),
            // pax extended header: records `<length> <key>=<value>\n`; `path` renames the next member.
            b'x' => long_name = pax_path(data).or(long_name),
            // pax global header and GNU long link name: metadata, not files.
            b'g' | b'K' => {}
            _ => {
                let name = long_name.take().unwrap_or_else(|| {
                    let short = zero_terminated(&header[0..100]);
                    let prefix = zero_terminated(&header[345..500]);
                    if header[257..262] == *b"ustar" && header[263] == b'0' && !prefix.is_empty() {
                        format!("{prefix}/{short}")
                    } else {
                        short
                    }
                });
                members.push(TarMember {
                    name,
                    data: data_start..data_end,
                    is_regular_file: matches!(type_flag, 0 | b'0' | b'7'),
                });
            }
        }
        let padded = usize::try_from(size).unwrap_or(usize::MAX).div_ceil(BLOCK).saturating_mul(BLOCK);
        at = data_start.saturating_add(padded);
    }
    (members, false)
}

fn zero_terminated(raw: &[u8]) -> String {
    let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
    String::from_utf8_lossy(&raw[..end]).into_owned()
}

/// The `path` record of a pax extended header (the last one wins, as in pax).
fn pax_path(data: &[u8]) -> Option<String> {
    let mut path = None;
    let mut rest = data;
    while let Some(space) = rest.iter().position(|&b| b == b' ') {
        let length: usize = std::str::from_utf8(&rest[..space]).ok()?.parse().ok()?;
        if length <= space || length > rest.len() {
            break;
        }
        let record = &rest[space + 1..length];
        let record = record.strip_suffix(b"\n").unwrap_or(record);
        if let Some(value) = record.strip_prefix(b"path=") {
            path = Some(String::from_utf8_lossy(value).into_owned());
        }
        rest = &rest[length..];
    }
    path
}

/// Tar sizes are octal text, or big-endian binary when the first byte has its high bit set (GNU).
fn tar_size(field: &[u8]) -> Option<u64> {
    if field.first().is_some_and(|b| b & 0x80 != 0) {
        return Some(field[1..].iter().fold(0u64, |n, &b| n.saturating_mul(256).saturating_add(u64::from(b))));
    }
    let text: String = field.iter().take_while(|&&b| b != 0 && b != b' ').map(|&b| char::from(b)).collect();
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    u64::from_str_radix(text, 8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pax_path_records_are_read_and_bad_lengths_stop_the_parse() {
        assert_eq!(
            pax_path(b"30 mtime=1700000000.123456789\n29 path=docs/a-long-name.exe\n"),
            Some("docs/a-long-name.exe".into())
        );
        assert_eq!(pax_path(b"999 path=x\n"), None);
        assert_eq!(pax_path(b"1 x"), None);
    }
}
