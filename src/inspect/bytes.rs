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
    if haystack.len().saturating_sub(from) < SHORT_HAYSTACK_BYTES {
        // Choosing the rare byte costs more than the search (the 64 bytes before
        // each base64 run of a page, read by smuggling).
        return (from..=last_start).find(|&at| haystack[at..at + needle.len()].eq_ignore_ascii_case(needle));
    }
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
    let candidate = |at: usize| haystack[at + rare] == lower || haystack[at + rare] == upper;
    let mut at = from;
    while at <= last_start {
        // The next few places are tested by hand first: where candidates are
        // dense (a page of the rare byte), a memchr call each cost more than the
        // comparison at every byte it replaced.
        let by_hand = (at + NEAR_CANDIDATE_BYTES).min(last_start + 1);
        at = match (at..by_hand).find(|&at| candidate(at)) {
            Some(found) => found,
            None => {
                let window = haystack.get(by_hand + rare..=last_start + rare)?;
                by_hand + if lower == upper { memchr::memchr(lower, window) } else { memchr::memchr2(lower, upper, window) }?
            }
        };
        if haystack[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Haystacks shorter than this are compared at every byte by
/// `find_ignore_case` (ours: a needle's ranking is some 16 calls).
const SHORT_HAYSTACK_BYTES: usize = 256;

/// Places after a candidate of `find_ignore_case` tested one by one before
/// memchr is called again (ours: a dozen bytes of a word or two).
const NEAR_CANDIDATE_BYTES: usize = 16;

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
            "CREATEOBJECTURL", "\u{e9}", "\u{c9}", "t", "(", "atob", long, "-and-", "x", "filler without those letters "];
        let (mut texts, mut long_texts) = (0, 0);
        // Up to 80 pieces: texts past SHORT_HAYSTACK_BYTES, whose places past the
        // first few candidates are found by memchr.
        crate::text::generated_texts(&pieces, 3000, 80, |text| {
            texts += 1;
            long_texts += usize::from(text.len() > SHORT_HAYSTACK_BYTES + 64);
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
        assert!(long_texts > 1000, "{long_texts} texts past the short ones");
        assert_eq!(find_ignore_case(b"x MsSaveOrOpenBLOB(", b"mssaveoropenblob", 0), Some(2));
        assert_eq!(find_ignore_case(b"msSave msSave", b"MSSAVE", 1), Some(7));
    }
}
