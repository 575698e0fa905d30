//! Proposed rule `attachment/html-smuggling` (not in the registry yet: the
//! integrator declares it in the new rule shape). An attached web page that
//! carries a file as a long base64 string and rebuilds it in the browser with a
//! download call (MITRE ATT&CK T1027.006; Microsoft Threat Intelligence, "HTML
//! smuggling surges", 2021): the file reaches the reader without crossing the
//! mail filter as an attachment. The carried file is decoded and inspected like
//! any other (`page.html > [base64]`), so a program inside is also an
//! `attachment/executable` finding.

use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::rules::{Context, Draft};

/// Reports each attached page that smuggles a file.
pub fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    for (attachment, fact) in super::facts_where(inspected, |k| matches!(k, FactKind::HtmlSmuggling { .. })) {
        let FactKind::HtmlSmuggling { blob_bytes, signals } = &fact.kind else { continue };
        let msg = Msg::new("attachment/html-smuggling.found")
            .text("path", fact.path.clone())
            .int("size", *blob_bytes)
            .text("signals", signals.join(", "));
        let evidence = format!("{} ({})", fact.path, signals.join(", "));
        cx.emit(Draft::new(msg).evidence(evidence).at(super::location(message, attachment, fact)));
    }
}

use super::samples::{self, ZipEntry};
use crate::rules::{Example, ExampleInput};

/// The examples of the proposed rule, for its declaration.
pub const EXAMPLES: &[Example] = &[
    Example::fails("A page that rebuilds a ZIP from base64 and downloads it", ExampleInput::Generated(smuggled_zip)),
    Example::fails(
        "A page whose link downloads a long data: URL, without a script",
        ExampleInput::Generated(data_url_download),
    ),
    Example::passes("A saved web page with an inline picture", ExampleInput::Generated(inline_picture)),
    Example::passes("A page with a download link and no carried file", ExampleInput::Generated(download_link)),
];

fn smuggled_zip() -> Vec<u8> {
    let text = "Quarterly figures. ".repeat(400);
    let payload = samples::zip(&[ZipEntry::deflated("figures.txt", text.as_bytes())]);
    samples::message_with("statement.html", "text/html", &samples::smuggling_page(&payload, "statement.zip"))
}
fn data_url_download() -> Vec<u8> {
    let payload = samples::base64(&"%PDF-1.4 statement ".repeat(400).into_bytes());
    let page = format!(
        "<html><body><a download=\"statement.pdf\" href=\"data:application/octet-stream;base64,{payload}\">Open</a></body></html>"
    );
    samples::message_with("statement.htm", "text/html", page.as_bytes())
}
fn inline_picture() -> Vec<u8> {
    samples::message_with("order.html", "text/html", &samples::page_with_inline_picture())
}
fn download_link() -> Vec<u8> {
    let page = "<html><body><a href=\"https://shop.example/invoice.pdf\" download>Invoice</a></body></html>";
    samples::message_with("order.html", "text/html", page.as_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_proposed_examples_hold() {
        super::super::check_proposed_examples("attachment/html-smuggling", super::check, super::EXAMPLES);
    }
}
