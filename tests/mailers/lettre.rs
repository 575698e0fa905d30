//! Builds the messages of messages.json with the Rust crate lettre (0.11, its
//! `builder` feature alone: no transport), the way its documentation writes them,
//! as `Message::formatted` writes them. lettre adds Date itself; it adds a
//! Message-ID only when asked (`message_id(None)`, its documented call, which
//! takes the machine's host name with the `hostname` feature and `localhost`
//! without it): the generator asks, and [`build_without_message_id`] shows what a
//! message that forgets gets.
//!
//! A text-only message is lettre's README example: `.header(ContentType::TEXT_PLAIN)
//! .body(text)`, which writes Content-Type and Content-Transfer-Encoding with no
//! MIME-Version (lettre adds MIME-Version for `singlepart` and `multipart` bodies
//! only). The HTML ones are `MultiPart::alternative_plain_html`; the attachment,
//! the inline logo (`Attachment::new_inline`) and the invitation (a text/calendar
//! part with its method parameter) go in `mixed`, `related` and `alternative`
//! multiparts; List-* fields are raw headers. Cc, Bcc, In-Reply-To and References are
//! the builder's own calls; an attached file is an `Attachment` with the file's bytes,
//! in a `mixed` multipart after the text (or the alternative), and a forwarded message
//! one of type message/rfc822.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MessageBuilder, MultiPart, SinglePart};
use lettre::Message;
use serde_json::Value;
use std::collections::BTreeMap;

fn mailbox(person: &Value) -> Mailbox {
    let name = person["name"].as_str().unwrap_or_default();
    let address = person["address"].as_str().unwrap_or_default().parse().expect("messages.json's addresses parse");
    Mailbox::new((!name.is_empty()).then(|| name.to_string()), address)
}

fn raw_header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

fn content_type(value: &str) -> ContentType {
    ContentType::parse(value).expect("messages.json's content types parse")
}

fn builder(spec: &Value) -> MessageBuilder {
    let text = |key: &str| spec[key].as_str().unwrap_or_default().to_string();
    let mut message =
        Message::builder().from(mailbox(&spec["from"])).to(mailbox(&spec["to"])).subject(text("subject"));
    for person in spec["cc"].as_array().into_iter().flatten() {
        message = message.cc(mailbox(person));
    }
    for person in spec["bcc"].as_array().into_iter().flatten() {
        message = message.bcc(mailbox(person));
    }
    if let Some(id) = spec["inReplyTo"].as_str() {
        message = message.in_reply_to(id.to_string());
    }
    if let Some(ids) = spec["references"].as_str() {
        message = message.references(ids.to_string());
    }
    if spec.get("replyTo").is_some() {
        message = message.reply_to(mailbox(&spec["replyTo"]));
    }
    if let Some(uris) = spec["listUnsubscribe"].as_array() {
        let uris: Vec<String> = uris.iter().map(|uri| format!("<{}>", uri.as_str().unwrap_or_default())).collect();
        message = message
            .raw_header(raw_header("List-Id", text("listId")))
            .raw_header(raw_header("List-Unsubscribe", uris.join(", ")))
            .raw_header(raw_header("List-Unsubscribe-Post", text("listUnsubscribePost")));
    }
    message
}

/// The attached file's bytes: its `content`, or the file of that name.
pub fn attachment_bytes(attachment: &Value, files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    match attachment["content"].as_str() {
        Some(text) => text.as_bytes().to_vec(),
        None => files[attachment["filename"].as_str().unwrap_or_default()].clone(),
    }
}

fn finish(spec: &Value, message: MessageBuilder, files: &BTreeMap<String, Vec<u8>>, png: &[u8]) -> Vec<u8> {
    let text = |key: &str| spec[key].as_str().unwrap_or_default().to_string();
    let built = if let Some(image) = spec.get("image") {
        let cid = image["cid"].as_str().unwrap_or_default().to_string();
        let html = text("html").replace("{logo}", &format!("cid:{cid}"));
        let logo = Attachment::new_inline(cid).body(png.to_vec(), content_type(image["contentType"].as_str().unwrap_or_default()));
        message.multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::plain(text("text")))
                .multipart(MultiPart::related().singlepart(SinglePart::html(html)).singlepart(logo)),
        )
    } else if let Some((file, name, kind)) = spec
        .get("attachment")
        .map(|a| (attachment_bytes(a, files), &a["filename"], a["contentType"].as_str().unwrap_or_default()))
        .or_else(|| spec.get("forward").map(|f| (f["message"].as_str().unwrap_or_default().as_bytes().to_vec(), &f["filename"], "message/rfc822")))
    {
        let file = Attachment::new(name.as_str().unwrap_or_default().to_string()).body(file, content_type(kind));
        let mixed = if spec.get("html").is_some() {
            MultiPart::mixed().multipart(MultiPart::alternative_plain_html(text("text"), text("html")))
        } else {
            MultiPart::mixed().singlepart(SinglePart::plain(text("text")))
        };
        message.multipart(mixed.singlepart(file))
    } else if let Some(calendar) = spec.get("calendar") {
        let method = calendar["method"].as_str().unwrap_or_default();
        let invitation = SinglePart::builder()
            .header(content_type(&format!("text/calendar; charset=utf-8; method={method}")))
            .body(calendar["content"].as_str().unwrap_or_default().to_string());
        message.multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::plain(text("text")))
                .singlepart(SinglePart::html(text("html")))
                .singlepart(invitation),
        )
    } else if spec.get("html").is_some() {
        message.multipart(MultiPart::alternative_plain_html(text("text"), text("html")))
    } else {
        message.header(ContentType::TEXT_PLAIN).body(text("text"))
    };
    built.expect("lettre builds the message").formatted()
}

pub fn build(spec: &Value, files: &BTreeMap<String, Vec<u8>>, png: &[u8]) -> Vec<u8> {
    finish(spec, builder(spec).message_id(None), files, png)
}

/// The same message when the script does not ask for a Message-ID.
pub fn build_without_message_id(spec: &Value, files: &BTreeMap<String, Vec<u8>>, png: &[u8]) -> Vec<u8> {
    finish(spec, builder(spec), files, png)
}
