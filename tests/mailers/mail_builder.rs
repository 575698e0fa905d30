//! Builds the messages of messages.json with the Rust crate mail-builder,
//! default settings, as `write_to_vec` writes them. The crate adds Date, Message-ID
//! (its domain: the machine's host name) and MIME-Version itself.
//!
//! The newsletter's List-Unsubscribe is the crate's URL header (its type for List-*
//! fields, which writes `<uri>, <uri>`), List-Id and List-Unsubscribe-Post raw headers;
//! the logo goes through `inline` (content type, cid, bytes). The crate has no calendar
//! API: the invitation is a `body` tree, a multipart/alternative of the text, the HTML
//! and a text/calendar part with its method parameter. Cc, Bcc, In-Reply-To and
//! References are the builder's own calls (`in_reply_to` and `references` take the
//! ids without angle brackets and write them); an attached file is `attachment` with
//! the file's bytes, and a forwarded message one of type message/rfc822.

use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::headers::url::URL;
use mail_builder::mime::MimePart;
use mail_builder::MessageBuilder;
use serde_json::Value;
use std::collections::BTreeMap;

fn address(person: &Value) -> Address<'static> {
    let name = person["name"].as_str().unwrap_or_default().to_string();
    let email = person["address"].as_str().unwrap_or_default().to_string();
    if name.is_empty() {
        Address::new_address(None::<String>, email)
    } else {
        Address::new_address(Some(name), email)
    }
}

/// The message ids of a field value, without their angle brackets.
fn ids(value: &str) -> Vec<String> {
    value.split_whitespace().map(|id| id.trim_start_matches('<').trim_end_matches('>').to_string()).collect()
}

pub fn build(spec: &Value, files: &BTreeMap<String, Vec<u8>>, png: &[u8]) -> Vec<u8> {
    let text = |key: &str| spec[key].as_str().unwrap_or_default().to_string();
    let mut message = MessageBuilder::new()
        .from(address(&spec["from"]))
        .to(address(&spec["to"]))
        .subject(text("subject"))
        .text_body(text("text"));
    if let Some(people) = spec["cc"].as_array() {
        message = message.cc(people.iter().map(address).collect::<Vec<_>>());
    }
    if let Some(people) = spec["bcc"].as_array() {
        message = message.bcc(people.iter().map(address).collect::<Vec<_>>());
    }
    if let Some(id) = spec["inReplyTo"].as_str() {
        message = message.in_reply_to(ids(id));
    }
    if let Some(references) = spec["references"].as_str() {
        message = message.references(ids(references));
    }
    if spec.get("replyTo").is_some() {
        message = message.reply_to(address(&spec["replyTo"]));
    }
    if let Some(uris) = spec["listUnsubscribe"].as_array() {
        let uris = uris.iter().map(|uri| uri.as_str().unwrap_or_default().to_string());
        message = message
            .header("List-Id", Raw::new(text("listId")))
            .header("List-Unsubscribe", URL::new_list(uris))
            .header("List-Unsubscribe-Post", Raw::new(text("listUnsubscribePost")));
    }
    if spec.get("html").is_some() {
        message = message.html_body(text("html"));
    }
    if let Some(image) = spec.get("image") {
        let cid = image["cid"].as_str().unwrap_or_default().to_string();
        let content_type = image["contentType"].as_str().unwrap_or_default().to_string();
        message = message.html_body(text("html").replace("{logo}", &format!("cid:{cid}"))).inline(
            content_type,
            cid,
            png.to_vec(),
        );
    }
    if let Some(attachment) = spec.get("attachment") {
        let content_type = attachment["contentType"].as_str().unwrap_or_default().to_string();
        let filename = attachment["filename"].as_str().unwrap_or_default().to_string();
        message = message.attachment(content_type, filename, super::lettre_generator::attachment_bytes(attachment, files));
    }
    if let Some(forward) = spec.get("forward") {
        let filename = forward["filename"].as_str().unwrap_or_default().to_string();
        let original = forward["message"].as_str().unwrap_or_default().as_bytes().to_vec();
        message = message.attachment("message/rfc822", filename, original);
    }
    if let Some(calendar) = spec.get("calendar") {
        let method = calendar["method"].as_str().unwrap_or_default().to_string();
        let calendar_type = ContentType::new("text/calendar").attribute("charset", "utf-8").attribute("method", method);
        let content = calendar["content"].as_str().unwrap_or_default().to_string();
        message = message.body(MimePart::new(
            "multipart/alternative",
            vec![
                MimePart::new("text/plain", text("text")),
                MimePart::new("text/html", text("html")),
                MimePart::new(calendar_type, content),
            ],
        ));
    }
    message.write_to_vec().expect("mail-builder writes to memory")
}
