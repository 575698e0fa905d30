//! Builds the messages of messages.json with the Rust crate mail-builder,
//! default settings, as `write_to_vec` writes them. The crate adds Date, Message-ID
//! (its domain: the machine's host name) and MIME-Version itself.

use mail_builder::headers::address::Address;
use mail_builder::MessageBuilder;
use serde_json::Value;

fn address(person: &Value) -> Address<'static> {
    let name = person["name"].as_str().unwrap_or_default().to_string();
    let email = person["address"].as_str().unwrap_or_default().to_string();
    if name.is_empty() {
        Address::new_address(None::<String>, email)
    } else {
        Address::new_address(Some(name), email)
    }
}

pub fn build(spec: &Value, pdf: &[u8]) -> Vec<u8> {
    let text = |key: &str| spec[key].as_str().unwrap_or_default().to_string();
    let mut message = MessageBuilder::new()
        .from(address(&spec["from"]))
        .to(address(&spec["to"]))
        .subject(text("subject"))
        .text_body(text("text"));
    if spec.get("replyTo").is_some() {
        message = message.reply_to(address(&spec["replyTo"]));
    }
    if spec.get("html").is_some() {
        message = message.html_body(text("html"));
    }
    if let Some(attachment) = spec.get("attachment") {
        let content_type = attachment["contentType"].as_str().unwrap_or_default().to_string();
        let filename = attachment["filename"].as_str().unwrap_or_default().to_string();
        message = message.attachment(content_type, filename, pdf.to_vec());
    }
    message.write_to_vec().expect("mail-builder writes to memory")
}
