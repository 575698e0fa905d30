//! `line-ends`: RFC 5322 §2.3: CR and LF only occur together, as CRLF.
//! Applied when `headers/line-breaks` would flag the message: a bare CR
//! anywhere, or a bare LF in a message that also uses CRLF. A message written
//! entirely with LF is left alone (its mailer converts it).

use super::{header_block, Change};

/// Whether the message mixes line ends or holds a bare CR.
fn needs_fix(raw: &[u8]) -> bool {
    let (mut crlf, mut bare_lf) = (false, false);
    for (i, &b) in raw.iter().enumerate() {
        match b {
            b'\r' if raw.get(i + 1) == Some(&b'\n') => crlf = true,
            b'\r' => return true,
            b'\n' if i == 0 || raw[i - 1] != b'\r' => bare_lf = true,
            _ => {}
        }
    }
    crlf && bare_lf
}

/// Whether byte `b` at `i` is a CR not followed by LF, or an LF not preceded by CR.
fn is_bare_line_end(raw: &[u8], i: usize, b: u8) -> bool {
    match b {
        b'\r' => raw.get(i + 1) != Some(&b'\n'),
        b'\n' => i == 0 || raw[i - 1] != b'\r',
        _ => false,
    }
}

pub(crate) fn apply(raw: &[u8]) -> Option<Change> {
    if !needs_fix(raw) {
        return None;
    }
    // The header block as an LF-or-CRLF reader sees it: a bare CR inside it stays inside a line.
    let header_end = header_block(raw).end;
    // Each bare CR or LF gains at most one byte: the exact room, where a guess doubled
    // the buffer (6 M bare LF in a 30 MB message took 62 MB beside the message).
    let bare = raw.iter().enumerate().filter(|&(i, &b)| is_bare_line_end(raw, i, b)).count();
    let mut out = Vec::with_capacity(raw.len() + bare);
    let (mut count, mut cr_in_header) = (0, 0);
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'\r' if raw.get(i + 1) == Some(&b'\n') => {
                out.extend_from_slice(b"\r\n");
                i += 2;
                continue;
            }
            b'\r' if i < header_end => {
                // Never turn a smuggled CR into a new header field.
                out.push(b' ');
                cr_in_header += 1;
            }
            b'\r' | b'\n' => out.extend_from_slice(b"\r\n"),
            b => {
                out.push(b);
                i += 1;
                continue;
            }
        }
        count += 1;
        i += 1;
    }
    let detail = if cr_in_header > 0 { format!("CR→SP: {cr_in_header}") } else { String::new() };
    Some(Change { bytes: out, count, detail })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uniform_message_is_left_alone() {
        assert!(apply(b"From: a@example.com\r\n\r\nHi\r\n").is_none());
        assert!(apply(b"From: a@example.com\n\nHi\n").is_none());
    }

    #[test]
    fn bare_lf_in_a_crlf_message_becomes_crlf() {
        let change = apply(b"From: a@example.com\r\nTo: b@example.com\n\r\nHi\nthere\r\n").unwrap();
        assert_eq!(change.bytes, b"From: a@example.com\r\nTo: b@example.com\r\n\r\nHi\r\nthere\r\n");
        assert_eq!(change.count, 2);
    }

    #[test]
    fn a_bare_cr_in_the_header_becomes_a_space_not_a_field() {
        let change = apply(b"From: a@example.com\r\nSubject: Hi\rBcc: c@example.com\r\n\r\nHello\r\n").unwrap();
        assert_eq!(change.bytes, b"From: a@example.com\r\nSubject: Hi Bcc: c@example.com\r\n\r\nHello\r\n");
    }
}
