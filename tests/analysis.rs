//! The analysed parts a page shows beside the report (`Linter::analyse`): the
//! MIME tree with byte ranges, header fields with offsets, capped previews of
//! the decoded text, and the HTML text a reader cannot see.

use mail_preflight::pipeline::analysis::{MAX_HTML_ITEMS, MAX_PREVIEW_CHARS};
use mail_preflight::{Compose, LintError, Linter, NotAMessage, Options};

fn linter() -> Linter {
    Linter::new(&Options::default()).unwrap()
}

const MULTIPART: &str = "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello</p><div style=\"display:none\">win a prize</div><p style=\"color:#fff\">cheap pills</p><a href=\"https://example.com/\">site</a><img src=\"cid:logo\" alt=\"logo\">\r\n--X\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--X--\r\n";

#[test]
fn the_mime_tree_comes_with_parents_types_and_body_ranges() {
    let analysis = linter().analyse(MULTIPART.as_bytes()).unwrap();
    let parts = &analysis.parts;
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0].content_type, "multipart/mixed");
    assert_eq!((parts[1].parent, parts[2].parent), (Some(0), Some(0)));
    assert_eq!(parts[1].charset.as_deref(), Some("utf-8"));
    let pdf = &parts[2];
    assert_eq!((pdf.filename.as_deref(), pdf.disposition.as_deref()), (Some("a.pdf"), Some("attachment")));
    assert_eq!(pdf.transfer_encoding.as_deref(), Some("base64"));
    assert_eq!(pdf.decoded_size, 5);
    let body = &MULTIPART[pdf.body_start.unwrap()..pdf.body_end.unwrap()];
    assert!(body.starts_with("JVBERi0="), "{body:?}");
    assert_eq!(pdf.headers.len(), 3);
}

#[test]
fn header_fields_come_with_their_byte_offsets() {
    let analysis = linter().analyse(MULTIPART.as_bytes()).unwrap();
    for field in &analysis.headers {
        assert!(MULTIPART[field.start..].starts_with(&field.name));
        assert_eq!(&MULTIPART[field.value_start - 1..field.value_start], ":");
    }
    let subject = analysis.headers.iter().find(|f| f.name == "Subject").unwrap();
    assert_eq!(MULTIPART[subject.value_start..subject.end].trim(), "Hi");
}

#[test]
fn hidden_html_text_links_and_images_are_listed() {
    let analysis = linter().analyse(MULTIPART.as_bytes()).unwrap();
    let html = &analysis.html[0];
    assert_eq!(html.part, 1);
    let texts: Vec<&str> = html.hidden_runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["win a prize", "cheap pills"]);
    assert_eq!(html.hidden_runs[0].hidden_by, Some("display: none"));
    assert!(html.hidden_runs[1].hidden_by.is_none() && html.hidden_runs[1].contrast.unwrap() < 1.25);
    assert_eq!(html.links[0].href, "https://example.com/");
    assert_eq!(html.images[0].alt.as_deref(), Some("logo"));
    assert!(!html.truncated && MAX_HTML_ITEMS > 0);
}

#[test]
fn text_previews_are_decoded_and_capped() {
    let long = "é".repeat(MAX_PREVIEW_CHARS + 10);
    let raw = format!("From: a@example.com\r\nSubject: Hi\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{long}");
    let analysis = linter().analyse(raw.as_bytes()).unwrap();
    let preview = &analysis.texts[0];
    assert!(preview.truncated && !preview.html);
    assert_eq!(preview.text.chars().count(), MAX_PREVIEW_CHARS);
    assert_eq!(preview.chars, MAX_PREVIEW_CHARS + 10);
}

#[test]
fn compose_fields_are_analysed_as_the_rendered_message() {
    let compose =
        Compose::from_json(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"Hello"}"#).unwrap();
    let analysis = linter().analyse_compose(&compose).unwrap();
    let source = analysis.source.as_deref().unwrap();
    let from = analysis.headers.iter().find(|f| f.name == "From").unwrap();
    assert!(source[from.start..].starts_with("From:"));
    assert_eq!(analysis.texts[0].text.trim(), "Hello");
}

#[test]
fn a_non_message_is_refused_as_in_lint() {
    assert_eq!(linter().analyse(b""), Err(LintError::NotAMessage(NotAMessage::Empty)));
}
