//! `fold-headers`: RFC 5322 §2.1.1: a line SHOULD be at most 78 characters
//! and MUST be at most 998; §2.2.3: a long field is folded by putting a line
//! break before white space, which the reader removes again (unfolding), so the
//! value does not change. Only top-level header fields are folded, only at
//! existing white space after the colon; a line without any (a long token such
//! as a URL) is left as it is.

use super::{header_block, Change, Eol};

/// RFC 5322 §2.1.1: the recommended line length, without the line break.
pub const MAX_LINE: usize = 78;

/// Folds one physical line; returns the pieces (each but the first starts with
/// the white space it was folded before). `min` is where folding may start.
fn fold_line(line: &[u8], min: usize) -> Vec<&[u8]> {
    let mut pieces = Vec::new();
    let mut rest = line;
    let mut floor = min;
    while rest.len() > MAX_LINE {
        let is_wsp = |b: &u8| *b == b' ' || *b == b'\t';
        // The last white space that keeps this piece within the limit, else the first after it.
        let within = rest[..=MAX_LINE].iter().rposition(is_wsp).filter(|&i| i > floor);
        let beyond = || rest.iter().skip(MAX_LINE + 1).position(is_wsp).map(|i| i + MAX_LINE + 1);
        let Some(at) = within.or_else(beyond) else { break };
        // A piece of white space only would be an empty line to a reader (RFC 5322 §3.2.2).
        if rest[..at].iter().all(is_wsp) {
            break;
        }
        pieces.push(&rest[..at]);
        rest = &rest[at..];
        floor = 1;
    }
    pieces.push(rest);
    pieces
}

pub(crate) fn apply(raw: &[u8]) -> Option<Change> {
    let block = header_block(raw);
    let eol = Eol::of(raw);
    // Made when a field is folded: most messages need none, and this is a copy of the message.
    let mut out = Vec::new();
    let mut copied = 0;
    let mut folded = Vec::new();
    for field in &block.fields {
        let text = field.raw_field(raw);
        let lines: Vec<&[u8]> = split_lines(text);
        if lines.iter().all(|l| l.len() <= MAX_LINE) {
            continue;
        }
        let name_end = field.colon - field.start + 1;
        let mut rebuilt = Vec::with_capacity(text.len() + 16);
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                rebuilt.extend_from_slice(eol.bytes());
            }
            let pieces = fold_line(line, if n == 0 { name_end } else { 1 });
            for (k, piece) in pieces.iter().enumerate() {
                if k > 0 {
                    rebuilt.extend_from_slice(eol.bytes());
                }
                rebuilt.extend_from_slice(piece);
            }
        }
        if rebuilt == text {
            continue;
        }
        if out.is_empty() {
            out.reserve_exact(raw.len() + 64);
        }
        out.extend_from_slice(&raw[copied..field.start]);
        out.extend_from_slice(&rebuilt);
        copied = field.end;
        folded.push(field.name.clone());
    }
    if folded.is_empty() {
        return None;
    }
    out.extend_from_slice(&raw[copied..]);
    Some(Change { bytes: out, count: folded.len(), detail: folded.join(", ") })
}

/// The physical lines of a field, without their line breaks.
fn split_lines(text: &[u8]) -> Vec<&[u8]> {
    text.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_subject_is_folded_at_white_space() {
        let subject = "word ".repeat(40);
        let raw = format!("From: a@example.com\r\nSubject: {}\r\n\r\nHi\r\n", subject.trim_end());
        let change = apply(raw.as_bytes()).unwrap();
        let text = String::from_utf8(change.bytes).unwrap();
        assert!(text.split("\r\n").all(|l| l.len() <= MAX_LINE), "{text}");
        assert_eq!(text.replace("\r\n ", " "), raw);
    }

    #[test]
    fn a_long_token_is_left_alone() {
        let raw =
            format!("From: a@example.com\r\nList-Unsubscribe: <https://x.example/{}>\r\n\r\nHi\r\n", "a".repeat(100));
        assert!(apply(raw.as_bytes()).is_none());
    }
}
