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

/// Shortest base64 text counted as a carried file (default, ours): 4,096
/// characters are 3 kB of data, less than any program or archive; inline icons
/// and tracking pixels in honest pages stay under it or have no download call.
/// The text may be split into pieces (`"…"+"…"`, `["…","…"].join("")`, lines of
/// a template literal), joined before it is measured.
pub const MIN_BLOB_CHARS: usize = 4096;

/// Shortest piece of a split base64 string that is joined to the next (ours):
/// kits cut at 64 or 76 characters (MIME line length); words of prose and names
/// in code are shorter, so text is not taken for base64 pieces. The last piece
/// of a string may be shorter.
pub const MIN_PIECE_CHARS: usize = 16;

/// Most bytes between two pieces of one string (ours): quotes, `+`, commas,
/// brackets, a backslash and white space, enough for an indented line break.
/// The quotes between two pieces come in pairs (one closes, one opens): a single
/// one ends the string (`…" download`).
pub const MAX_PIECE_GAP_BYTES: usize = 64;

/// Most base64 characters joined into one carried string (ours: 64 MiB, more
/// than any message this engine reads); the join stops there.
pub const MAX_CARRIED_CHARS: usize = 64 << 20;

/// What may stand between two pieces of one base64 string in a script.
const PIECE_JOINERS: &[u8] = b"\"'`+,[]\\ \t\r\n";

/// The calls that hand a rebuilt file to the browser's download machinery (a
/// link's `download` attribute with or without a value).
const DOWNLOAD_SINKS: &[&str] =
    &["msSaveOrOpenBlob", "msSaveBlob", "createObjectURL", ".download", " download=", " download>", " download "];

/// The calls that turn the carried string back into bytes.
const DECODERS: &[&str] = &["atob(", "new Blob(", "Uint8Array", "charCodeAt(", "data:application/"];

/// A data URL that hands a file over when its link has `download` (MITRE ATT&CK
/// T1027.006): it carries a file at any size.
const CARRYING_DATA_URL: &str = "data:application/";

/// What a page shows of smuggling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Smuggling {
    /// Where the carried string is, from its first piece to its last.
    pub blob: Range<usize>,
    /// The base64 characters of its pieces, joined (at most `MAX_CARRIED_CHARS`).
    pub carried: Vec<u8>,
    /// The download and decoding calls found, in the order of the lists above.
    pub signals: Vec<&'static str>,
}

/// The smuggling a page shows, if it shows both halves.
pub fn detect(page: &[u8]) -> Option<Smuggling> {
    // The decoders first: most pages have none, and are not searched further.
    let decoders: Vec<&'static str> =
        DECODERS.iter().copied().filter(|s| find(page, s.as_bytes(), 0).is_some()).collect();
    if decoders.is_empty() {
        return None;
    }
    let sinks: Vec<&'static str> =
        DOWNLOAD_SINKS.iter().copied().filter(|s| find_ignore_case(page, s.as_bytes(), 0).is_some()).collect();
    if sinks.is_empty() {
        return None;
    }
    let (blob, carried) = longest_carried_string(page)?;
    Some(Smuggling { blob, carried, signals: sinks.into_iter().chain(decoders).collect() })
}

/// Media types of data URLs a page displays itself (pictures, fonts, style).
const SHOWN_MEDIA: &[&str] =
    &["data:image/", "data:font/", "data:application/font", "data:application/x-font", "data:text/css"];

/// How far before a run its data URL prefix is looked for (`data:image/svg+xml;charset=utf-8;base64,`).
const DATA_URL_PREFIX_BYTES: usize = 64;

/// A base64 string being joined from its pieces.
struct Carried {
    start: usize,
    end: usize,
    text: Vec<u8>,
    /// A short last piece was joined: the string ends there.
    closed: bool,
    /// It follows `data:application/…;base64,`: a file at any size.
    data_url: bool,
}

/// The longest base64 string, joined from its pieces, of at least
/// `MIN_BLOB_CHARS` (any size after `data:application/`), that is not a
/// picture, font or style sheet shown inline.
fn longest_carried_string(page: &[u8]) -> Option<(Range<usize>, Vec<u8>)> {
    let is_base64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=';
    let mut best: Option<Carried> = None;
    let mut current: Option<Carried> = None;
    let finish = |carried: Option<Carried>, best: &mut Option<Carried>| {
        let Some(c) = carried else { return };
        let counts = c.text.len() >= MIN_BLOB_CHARS || (c.data_url && !c.text.is_empty());
        if counts && best.as_ref().is_none_or(|b| c.text.len() > b.text.len()) {
            *best = Some(c);
        }
    };
    let mut i = 0;
    while i < page.len() {
        if !is_base64(page[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < page.len() && is_base64(page[i]) {
            i += 1;
        }
        let word = &page[start..i];
        // A lone `+` between two quoted pieces is JavaScript's concatenation.
        if word.iter().all(|&b| b == b'+') {
            continue;
        }
        let joins = current.as_ref().is_some_and(|c| {
            let gap = &page[c.end..start];
            let quotes = gap.iter().filter(|b| matches!(b, b'"' | b'\'' | b'`')).count();
            !c.closed
                && gap.len() <= MAX_PIECE_GAP_BYTES
                && quotes % 2 == 0
                && gap.iter().all(|b| PIECE_JOINERS.contains(b))
        });
        let short = word.len() < MIN_PIECE_CHARS;
        if joins {
            if let Some(c) = current.as_mut() {
                let room = MAX_CARRIED_CHARS.saturating_sub(c.text.len());
                c.text.extend_from_slice(&word[..word.len().min(room)]);
                c.end = i;
                c.closed = short || room <= word.len();
            }
            continue;
        }
        finish(current.take(), &mut best);
        let before = &page[start.saturating_sub(DATA_URL_PREFIX_BYTES)..start];
        let after_base64 = before.len() >= 7 && before[before.len() - 7..].eq_ignore_ascii_case(b"base64,");
        // A short word starts a string only in a data URL: the words of a page's
        // text are not searched for media types (five searches a word, #14).
        if short && !after_base64 {
            continue;
        }
        if SHOWN_MEDIA.iter().any(|m| find_ignore_case(before, m.as_bytes(), 0).is_some()) {
            continue;
        }
        let data_url = after_base64 && find_ignore_case(before, CARRYING_DATA_URL.as_bytes(), 0).is_some();
        if short && !data_url {
            continue;
        }
        let text = word[..word.len().min(MAX_CARRIED_CHARS)].to_vec();
        current = Some(Carried { start, end: i, text, closed: false, data_url });
    }
    finish(current.take(), &mut best);
    best.map(|c| (c.start..c.end, c.text))
}
#[cfg(test)]
mod tests {
    use super::*;

    const SCRIPT: &str =
        "<script>var b = new Blob([x]); a.href = URL.createObjectURL(b); a.download = 'x.csv';</script>";

    fn carried(page: &str) -> Option<Vec<u8>> {
        detect(page.as_bytes()).map(|found| found.carried)
    }

    #[test]
    fn inline_pictures_are_not_carried_files_even_beside_a_download_button() {
        let run = "QUJD".repeat(MIN_BLOB_CHARS / 4);
        let picture = format!("<img src=\"data:image/png;base64,{run}\">{SCRIPT}");
        assert_eq!(detect(picture.as_bytes()), None);
        let found = carried(&format!("<script>var x = atob(\"{run}\");</script>{SCRIPT}"));
        assert_eq!(found.as_deref(), Some(run.as_bytes()));
        assert_eq!(longest_carried_string(b""), None);
    }

    #[test]
    fn a_split_or_wrapped_string_is_joined_before_it_is_measured() {
        let run = "QUJDRA".repeat(MIN_BLOB_CHARS / 5) + "QQ==";
        let pieces: Vec<&str> = run.as_bytes().chunks(76).map(|c| std::str::from_utf8(c).unwrap_or("")).collect();
        let quoted: Vec<String> = pieces.iter().map(|p| format!("\"{p}\"")).collect();
        let pages = [
            format!("<script>var b = {};\nvar x = atob(b);</script>", quoted.join(" +\n    ")),
            format!("<script>var b = {};\nvar x = atob(b);</script>", quoted.join("+")),
            format!("<script>var b = [{}].join('');\nvar x = atob(b);</script>", quoted.join(",")),
            format!("<script>var b = `{}`.replace(/\\s/g, '');\nvar x = atob(b);</script>", pieces.join("\n")),
            format!("<script>var b = '{}';\nvar x = atob(b);</script>", pieces.join("\\\n")),
        ];
        for page in pages {
            assert_eq!(carried(&format!("{page}{SCRIPT}")).as_deref(), Some(run.as_bytes()), "{page:.120}");
        }
        // The same text cut into short words is prose or code, not pieces.
        let words = run.as_bytes().chunks(12).map(|c| std::str::from_utf8(c).unwrap_or("")).collect::<Vec<_>>();
        assert_eq!(carried(&format!("<p>{}</p><script>atob(x)</script>{SCRIPT}", words.join(" "))), None);
        // More than MAX_PIECE_GAP_BYTES between two pieces ends the string.
        let far = format!("{}{}", quoted[0], " ".repeat(MAX_PIECE_GAP_BYTES + 1));
        let spread = format!("<script>var b = {}{};\nvar x = atob(b);</script>", far, quoted[1..].join("+"));
        let joined = carried(&format!("{spread}{SCRIPT}")).expect("the rest is still long enough");
        assert_eq!(joined.len(), run.len() - pieces[0].len());
        // A single quote ends the string: what follows is another attribute.
        let tail = format!("<a href=\"data:application/zip;base64,{}\" download attributeword>", pieces[0]);
        assert_eq!(carried(&tail).as_deref(), Some(pieces[0].as_bytes()));
    }

    #[test]
    fn a_downloaded_application_data_url_carries_a_file_at_any_size() {
        let small = "<a href=\"data:application/octet-stream;base64,TVqQAAMAAAAEAAAA\" download>Invoice</a>";
        let found = detect(small.as_bytes()).expect("a carried file");
        assert_eq!(found.carried, b"TVqQAAMAAAAEAAAA");
        assert_eq!(found.signals, vec![" download>", "data:application/"]);
        let tiny = "<a download=\"a.exe\" href=\"data:application/x-msdownload;base64,TVo=\">x</a>";
        assert_eq!(carried(tiny).as_deref(), Some(&b"TVo="[..]));
        // The same link to a picture, or without `download`, hands nothing over.
        assert_eq!(carried(&small.replace("application/octet-stream", "image/png")), None);
        assert_eq!(carried(&small.replace(" download", "")), None);
        // A short string in a script is not a data URL: the size threshold holds.
        assert_eq!(carried(&format!("<script>var x = atob(\"TVqQAAMAAAAEAAAA\");</script>{SCRIPT}")), None);
    }
}
