//! HTML smuggling (MITRE ATT&CK T1027.006): a web page attached to a mail that
//! carries a file as a long base64 string and a script that rebuilds it in the
//! browser and offers it as a download, so the file never crosses the mail
//! filter as an attachment. Found by the two halves together: a long base64 run
//! and the browser calls that turn a string into a downloaded file. The inline
//! pictures and fonts of honest pages (`data:image/…;base64,`, `data:font/…`)
//! are media the page shows, not files it hands over: their runs do not count,
//! even in a page whose script has a download button.

use super::bytes::{find, find_ignore_case};
use std::ops::Range;

/// Shortest base64 run counted as a carried file (default, ours): 4,096
/// characters are 3 kB of data, less than any program or archive; inline icons
/// and tracking pixels in honest pages stay under it or have no download call.
pub const MIN_BLOB_CHARS: usize = 4096;

/// The calls that hand a rebuilt file to the browser's download machinery.
const DOWNLOAD_SINKS: &[&str] = &["msSaveOrOpenBlob", "msSaveBlob", "createObjectURL", ".download", " download="];

/// The calls that turn the carried string back into bytes.
const DECODERS: &[&str] = &["atob(", "new Blob(", "Uint8Array", "charCodeAt(", "data:application/"];

/// What a page shows of smuggling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Smuggling {
    /// Where the longest base64 run is.
    pub blob: Range<usize>,
    /// The download and decoding calls found, in the order of the lists above.
    pub signals: Vec<&'static str>,
}

/// The smuggling a page shows, if it shows both halves.
pub fn detect(page: &[u8]) -> Option<Smuggling> {
    let blob = longest_carried_run(page)?;
    let sinks: Vec<&'static str> =
        DOWNLOAD_SINKS.iter().copied().filter(|s| find_ignore_case(page, s.as_bytes(), 0).is_some()).collect();
    let decoders: Vec<&'static str> =
        DECODERS.iter().copied().filter(|s| find(page, s.as_bytes(), 0).is_some()).collect();
    if sinks.is_empty() || decoders.is_empty() {
        return None;
    }
    Some(Smuggling { blob, signals: sinks.into_iter().chain(decoders).collect() })
}

/// Media types of data URLs a page displays itself (pictures, fonts, style).
const SHOWN_MEDIA: &[&str] =
    &["data:image/", "data:font/", "data:application/font", "data:application/x-font", "data:text/css"];

/// How far before a run its data URL prefix is looked for (`data:image/svg+xml;charset=utf-8;base64,`).
const DATA_URL_PREFIX_BYTES: usize = 64;

/// The longest run of base64 characters (RFC 4648 §4 alphabet and padding) of at
/// least `MIN_BLOB_CHARS`, that is not a picture, font or style sheet shown inline.
fn longest_carried_run(page: &[u8]) -> Option<Range<usize>> {
    let is_base64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=';
    let mut best: Option<Range<usize>> = None;
    let mut start = None;
    for (i, &b) in page.iter().chain(std::iter::once(&b' ')).enumerate() {
        match (is_base64(b), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let longer = best.as_ref().is_none_or(|r| i - s > r.len());
                if i - s >= MIN_BLOB_CHARS && longer {
                    let before = &page[s.saturating_sub(DATA_URL_PREFIX_BYTES)..s];
                    if !SHOWN_MEDIA.iter().any(|m| find_ignore_case(before, m.as_bytes(), 0).is_some()) {
                        best = Some(s..i);
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_pictures_are_not_carried_files_even_beside_a_download_button() {
        let run = "QUJD".repeat(MIN_BLOB_CHARS / 4);
        let script = "<script>var b = new Blob([x]); a.href = URL.createObjectURL(b); a.download = 'x.csv';</script>";
        let picture = format!("<img src=\"data:image/png;base64,{run}\">{script}");
        assert_eq!(detect(picture.as_bytes()), None);
        let carried = format!("<script>var x = atob(\"{run}\");</script>{script}");
        let found = detect(carried.as_bytes()).expect("a carried file");
        assert_eq!(found.blob.len(), run.len());
        assert_eq!(longest_carried_run(b""), None);
    }
}
