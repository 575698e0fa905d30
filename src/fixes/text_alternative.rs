//! `text-alternative`: an HTML-only message becomes `multipart/alternative`
//! (RFC 2046 §5.1.4) with a `text/plain` part first (the simplest alternative
//! comes first) holding the HTML's visible text, as the engine's HTML analysis
//! sees it, in quoted-printable (RFC 2045 §6.7). The HTML part keeps its own
//! Content-Type and Content-Transfer-Encoding fields and its body byte for byte.

use super::{header_block, Change, Eol};
use crate::input::encode;
use crate::model::Message;
use crate::report::Origin;

/// The visible text of a top-level `text/html` body, when the message is one,
/// with CRLF line ends (RFC 2046 §4.1.1: a text part's lines end with CRLF on the wire).
fn html_only_text(raw: &[u8]) -> Option<String> {
    // Only the HTML body is read: the attachment inspection runs under the defaults.
    let message = Message::analyse(raw, Origin::Raw, Vec::new(), &crate::rules::attachments::default_limits());
    let root = message.parts.first()?;
    if root.content_type != "text/html" || !root.children.is_empty() {
        return None;
    }
    let html = message.html.iter().find(|h| h.part == 0)?;
    let text = html.facts.visible_text.trim();
    (!text.is_empty()).then(|| text.replace('\n', "\r\n"))
}

/// A boundary that occurs nowhere in the message (RFC 2046 §5.1.1).
fn boundary_for(raw: &[u8]) -> String {
    let hash = raw.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    (0u32..)
        .map(|n| format!("=_mp_alt_{hash:016x}_{n}"))
        .find(|b| !raw.windows(b.len()).any(|w| w == b.as_bytes()))
        .unwrap_or_default()
}

pub(crate) fn apply(raw: &[u8]) -> Option<Change> {
    let block = header_block(raw);
    if !block.has_separator {
        return None;
    }
    // Only a message whose own Content-Type names HTML can be one (the others are not
    // analysed: that is a lint's work and memory, for a 30 MB attachment nothing to find).
    let names_html = |f: &&crate::model::headers::HeaderField| {
        f.is("Content-Type") && f.raw_value(raw).windows(4).any(|w| w.eq_ignore_ascii_case(b"html"))
    };
    block.fields.iter().find(names_html)?;
    let text = html_only_text(raw)?;
    // Quoted-printable (RFC 2045 §6.7), in the message's line ends; the text itself is no longer needed.
    let eol = Eol::of(raw);
    let mut encoded = encode::quoted_printable_body(text.as_bytes());
    drop(text);
    if !encoded.ends_with("\r\n") {
        encoded.push_str("\r\n");
    }
    let encoded = eol.adapt(encoded);
    let nl = eol.bytes();
    let boundary = boundary_for(raw);
    let moved = |name: &str| block.first(name).map(|f| f.raw_field(raw));
    let (content_type, transfer_encoding) = (moved("Content-Type")?, moved("Content-Transfer-Encoding"));

    let mut out = Vec::with_capacity(raw.len() + encoded.len() + 512);
    let push_line = |out: &mut Vec<u8>, line: &[u8]| {
        out.extend_from_slice(line);
        out.extend_from_slice(nl);
    };
    // The message header as written, without the fields that now describe the HTML part.
    let mut copied = block.start;
    for field in block.fields.iter().filter(|f| f.is("Content-Type") || f.is("Content-Transfer-Encoding")) {
        out.extend_from_slice(&raw[copied..field.start]);
        copied = field.end_with_break;
    }
    out.extend_from_slice(&raw[copied..block.end]);
    if block.first("MIME-Version").is_none() {
        push_line(&mut out, b"MIME-Version: 1.0");
    }
    push_line(&mut out, format!("Content-Type: multipart/alternative; boundary=\"{boundary}\"").as_bytes());
    push_line(&mut out, b"");
    let delimiter = format!("--{boundary}");
    push_line(&mut out, delimiter.as_bytes());
    push_line(&mut out, b"Content-Type: text/plain; charset=utf-8");
    push_line(&mut out, b"Content-Transfer-Encoding: quoted-printable");
    push_line(&mut out, b"");
    out.extend_from_slice(encoded.as_bytes());
    push_line(&mut out, delimiter.as_bytes());
    push_line(&mut out, content_type);
    if let Some(cte) = transfer_encoding {
        push_line(&mut out, cte);
    }
    push_line(&mut out, b"");
    let body = &raw[block.body_start..];
    out.extend_from_slice(body);
    if !body.is_empty() && !body.ends_with(b"\n") {
        out.extend_from_slice(nl);
    }
    push_line(&mut out, format!("--{boundary}--").as_bytes());
    Some(Change { bytes: out, count: 1, detail: String::from("text/plain") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_only_message_gets_its_text_first() {
        let raw = b"From: a@example.com\r\nSubject: Hi\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello <b>you</b></p>\r\n";
        let text = String::from_utf8(apply(raw).unwrap().bytes).unwrap();
        let plain = text.find("Content-Type: text/plain").unwrap();
        let html = text.find("Content-Type: text/html; charset=utf-8").unwrap();
        assert!(plain < html);
        assert!(text.contains("Hello you"));
        assert!(text.contains("MIME-Version: 1.0\r\nContent-Type: multipart/alternative;"));
        assert!(text.contains("\r\n\r\n<p>Hello <b>you</b></p>\r\n--=_mp_alt_"));
    }

    #[test]
    fn a_message_with_a_text_part_is_left_alone() {
        assert!(apply(b"From: a@example.com\r\nContent-Type: text/plain\r\n\r\nHello\r\n").is_none());
    }
}
