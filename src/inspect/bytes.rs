//! Reading untrusted bytes: little- and big-endian integers at an offset, and
//! searches, all returning `None` rather than reading past the end.

pub(crate) fn le16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

pub(crate) fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

pub(crate) fn le64(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at.checked_add(8)?)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(b);
    Some(u64::from_le_bytes(word))
}

pub(crate) fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

pub(crate) fn starts_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// Case-insensitive search of an ASCII `needle`.
pub(crate) fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    find_ignore_case(haystack, needle, 0).is_some()
}

/// Longest needle whose rarest byte is chosen (longer ones, none here, search
/// for their first byte).
const RANKED_NEEDLE_BYTES: usize = 32;

/// Case-insensitive search of an ASCII `needle` from `from`. The candidates are
/// the places of the needle's rarest byte in text (memchr's ranking of byte
/// frequencies, on the lowercased needle), in either case, found by memchr and
/// each compared whole: a comparison at every byte took 88 ms of the lint of a
/// 7.3 MB HTML attachment, looking for the seven download calls of smuggling
/// (#14). Every match has that byte at the same offset, so the first candidate
/// that matches is the first match.
pub(crate) fn find_ignore_case(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let last_start = haystack.len().checked_sub(needle.len())?;
    let mut lowered = [0u8; RANKED_NEEDLE_BYTES];
    let rare = match lowered.get_mut(..needle.len()) {
        Some(lowered) => {
            lowered.copy_from_slice(needle);
            lowered.make_ascii_lowercase();
            memchr::arch::all::packedpair::Pair::new(lowered).map_or(0, |pair| usize::from(pair.index1()))
        }
        None => 0,
    };
    let (lower, upper) = (needle[rare].to_ascii_lowercase(), needle[rare].to_ascii_uppercase());
    let mut at = from;
    while at <= last_start {
        let window = &haystack[at + rare..=last_start + rare];
        at += if lower == upper { memchr::memchr(lower, window) } else { memchr::memchr2(lower, upper, window) }?;
        if haystack[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Exact search of `needle` from `from` (memchr's substring search).
pub(crate) fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(haystack.get(from..)?, needle).map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_ignore_case(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
        let last_start = haystack.len().checked_sub(needle.len())?;
        (from..=last_start).find(|&at| !needle.is_empty() && haystack[at..at + needle.len()].eq_ignore_ascii_case(needle))
    }

    fn naive(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
        let last_start = haystack.len().checked_sub(needle.len())?;
        (from..=last_start).find(|&at| !needle.is_empty() && haystack[at..].starts_with(needle))
    }

    #[test]
    fn the_searches_find_what_a_comparison_at_every_byte_finds() {
        let long = "createObjectURL-and-msSaveOrOpenBlob-and-more-than-32";
        let needles =
            ["", "a", "A", "=", "mssave", "msSaveBlob", "createObjectURL", " download=", ".download", "atob(", "\u{e9}t\u{e9}", long];
        let pieces = ["a", "A", "MS", "save", "SAVE", "Blob", "blob", " ", ".", "=", "download", "DOWNLOAD", "createobjecturl",
            "CREATEOBJECTURL", "\u{e9}", "\u{c9}", "t", "(", "atob", long, "-and-", "x"];
        let mut texts = 0;
        crate::text::generated_texts(&pieces, 3000, 12, |text| {
            texts += 1;
            let hay = text.as_bytes();
            for needle in needles {
                for from in [0, 1, 3, hay.len().saturating_sub(needle.len()), hay.len(), hay.len() + 1] {
                    let n = needle.as_bytes();
                    assert_eq!(find_ignore_case(hay, n, from), naive_ignore_case(hay, n, from), "{text:?} {needle:?} {from}");
                    assert_eq!(find(hay, n, from), naive(hay, n, from), "{text:?} {needle:?} {from}");
                }
            }
        });
        assert_eq!(texts, 3000);
        assert_eq!(find_ignore_case(b"x MsSaveOrOpenBLOB(", b"mssaveoropenblob", 0), Some(2));
        assert_eq!(find_ignore_case(b"msSave msSave", b"MSSAVE", 1), Some(7));
    }
}
