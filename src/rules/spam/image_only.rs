//! `spam/image-only`: the guides list "the e-mail contains just an image over
//! 1 MB and a few words" among the things that get a mail flagged as spam.
//! The image size is its decoded size: an attached image, an inline `cid:`
//! image, or a `data:` URI in the HTML.

use super::{count_words, element_location, part_location};
use crate::i18n::Msg;
use crate::model::Message;
use crate::rules::links::percent_decode;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "spam/image-only",
    group: Group::Spam,
    default_severity: Severity::Warning,
    default_score: 20,
    examples: &[
        Example::fails("A 1.2 MB inline image shown with four words", ExampleInput::Generated(big_inline_image)),
        Example::fails("A 1.2 MB attached image and no text", ExampleInput::Generated(big_attached_image)),
        Example::fails("A 1.1 MB data: URI image in the HTML", ExampleInput::Generated(big_data_uri)),
        Example::passes("The same image with a real text of 40 words", ExampleInput::Generated(big_image_with_text)),
        Example::passes("A small logo and a short text", ExampleInput::Generated(small_image)),
    ],
    check,
};

const IMAGE_BYTES: usize = 1_200_000;

fn image_message(html: &str, disposition: &str, bytes: usize) -> Vec<u8> {
    let base64_line = "A".repeat(76);
    let lines = bytes.div_ceil(57);
    let mut raw = format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Our offer\nMIME-Version: 1.0\nContent-Type: multipart/related; boundary=B\n\n--B\nContent-Type: text/html; charset=utf-8\n\n{html}\n--B\nContent-Type: image/jpeg; name=offer.jpg\nContent-Disposition: {disposition}; filename=offer.jpg\nContent-ID: <offer@example.com>\nContent-Transfer-Encoding: base64\n\n"
    );
    for _ in 0..lines {
        raw.push_str(&base64_line);
        raw.push('\n');
    }
    raw.push_str("--B--\n");
    raw.into_bytes()
}

fn big_inline_image() -> Vec<u8> {
    image_message("<p>Click for details</p><img src=\"cid:offer@example.com\">", "inline", IMAGE_BYTES)
}

fn big_attached_image() -> Vec<u8> {
    image_message("<div></div>", "attachment", IMAGE_BYTES)
}

fn big_image_with_text() -> Vec<u8> {
    let text = "This month we present the new season of our catalogue with photos of every product, prices, sizes and the dates of the shop's opening hours during the holidays, plus a word from the team about what changes for deliveries.";
    image_message(&format!("<p>{text}</p><img src=\"cid:offer@example.com\">"), "inline", IMAGE_BYTES)
}

fn big_data_uri() -> Vec<u8> {
    // 1,500,000 base64 characters decode to 1,125,000 bytes; the HTML part is
    // quoted-printable so no line is over 998 octets.
    let payload = "QUFB".repeat(375_000);
    let html = format!("<p>Our offer</p><img src=\"data:image/png;base64,{payload}\">");
    let mut encoded = String::new();
    for chunk in html.as_bytes().chunks(70) {
        for &b in chunk {
            if b == b'=' {
                encoded.push_str("=3D");
            } else {
                encoded.push(b as char);
            }
        }
        encoded.push_str("=\n");
    }
    format!("From: a@example.com\nTo: b@example.com\nSubject: Our offer\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{encoded}\n").into_bytes()
}

fn small_image() -> Vec<u8> {
    image_message("<p>Our logo</p><img src=\"cid:offer@example.com\">", "inline", 20_000)
}

/// An image and its decoded size.
struct SizedImage {
    name: String,
    bytes: u64,
    location: Location,
}

/// Decoded size of a `data:` URI's payload (base64 or percent-encoded).
fn data_uri_size(src: &str) -> Option<u64> {
    let rest = src.get(5..)?;
    let (meta, payload) = rest.split_once(',')?;
    if meta.to_ascii_lowercase().ends_with(";base64") {
        let chars = payload.bytes().filter(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/').count();
        Some((chars as u64) * 3 / 4)
    } else {
        Some(payload.len() as u64)
    }
}

fn images(message: &Message) -> Vec<SizedImage> {
    let mut out = Vec::new();
    let mut referenced = Vec::new();
    for html in &message.html {
        for image in &html.facts.images {
            let src = image.src.trim();
            if src.len() > 4 && src.as_bytes()[..4].eq_ignore_ascii_case(b"cid:") {
                // RFC 2392 §2: a cid URL is the Content-ID, percent-encoded.
                let id = percent_decode(&src[4..]);
                if let Some(part) = message.parts.iter().find(|p| p.content_id.as_deref() == Some(id.as_str())) {
                    referenced.push(part.index);
                    out.push(SizedImage {
                        name: part.filename.clone().unwrap_or_else(|| src.to_string()),
                        bytes: part.decoded_len() as u64,
                        location: part_location(message, part.index),
                    });
                }
            } else if src.len() > 5 && src.as_bytes()[..5].eq_ignore_ascii_case(b"data:") {
                if let Some(bytes) = data_uri_size(src) {
                    let name: String = src.chars().take(40).collect();
                    let location = element_location(message, html, image.tag);
                    out.push(SizedImage { name: format!("{name}…"), bytes, location });
                }
            }
        }
    }
    for part in message.attachments() {
        if part.content_type.starts_with("image/") && !referenced.contains(&part.index) && !part.in_attached_message {
            out.push(SizedImage {
                name: part.filename.clone().unwrap_or_else(|| format!("part {} ({})", part.index, part.content_type)),
                bytes: part.decoded_len() as u64,
                location: part_location(message, part.index),
            });
        }
    }
    out
}

fn check(message: &Message, cx: &mut Context) {
    let thresholds = &cx.options.thresholds.spam;
    // Images first: they are few, while the visible text may be megabytes long.
    let Some(largest) = images(message).into_iter().max_by_key(|i| i.bytes) else { return };
    if largest.bytes <= thresholds.image_only_min_bytes {
        return;
    }
    let text = message.visible_text();
    let words = count_words(&text);
    if words >= thresholds.image_only_max_words {
        return;
    }
    cx.emit(
        Draft::new(
            Msg::new("spam/image-only.large-image")
                .text("image", largest.name.clone())
                .megabytes("size", largest.bytes)
                .megabytes("limit", thresholds.image_only_min_bytes)
                .int("words", words)
                .int("maxWords", thresholds.image_only_max_words),
        )
        .evidence(format!("{} ({} bytes); text: {}", largest.name, largest.bytes, text.trim()))
        .at(largest.location),
    );
}
