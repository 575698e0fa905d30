//! The analysed parts a page shows beside the report (`Linter::analyse`): the
//! MIME tree with byte ranges, header fields with offsets, capped previews of
//! the decoded text, and the HTML text a reader cannot see.

use mail_preflight::pipeline::analysis::{MAX_HTML_ITEMS, MAX_PREVIEW_CHARS, MAX_PREVIEW_IMAGE_BYTES};
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
fn each_hidden_run_link_and_image_points_at_its_start_tag_in_the_message_and_in_the_decoded_html() {
    let analysis = linter().analyse(MULTIPART.as_bytes()).unwrap();
    let html = &analysis.html[0];
    let decoded = &analysis.texts.iter().find(|t| t.part == html.part).unwrap().text;
    let tags = html
        .hidden_runs
        .iter()
        .map(|r| r.at)
        .chain(html.links.iter().map(|l| l.at))
        .chain(html.images.iter().map(|i| i.at));
    let expected = [
        "<div style=\"display:none\">",
        "<p style=\"color:#fff\">",
        "<a href=\"https://example.com/\">",
        "<img src=\"cid:logo\" alt=\"logo\">",
    ];
    for (at, tag) in tags.zip(expected) {
        assert_eq!(&MULTIPART[at.start.unwrap()..at.end.unwrap()], tag);
        assert_eq!(&decoded[at.decoded_start.unwrap()..at.decoded_end.unwrap()], tag);
    }
}

const RELATED: &str = "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=R\r\n\r\n--R\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p style=3D\"display:none\">prize</p><img src=3D\"cid:Logo@x\">\r\n--R\r\nContent-Type: image/png\r\nContent-ID: <Logo@x>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--R\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlh\r\n--R--\r\n";

#[test]
fn image_parts_with_a_content_id_come_decoded_for_a_preview_to_show_them() {
    let analysis = linter().analyse(RELATED.as_bytes()).unwrap();
    assert_eq!(analysis.parts[2].content_id.as_deref(), Some("Logo@x"));
    assert_eq!(analysis.inline_images.len(), 1, "the GIF has no Content-ID: no cid: URL can show it");
    let image = &analysis.inline_images[0];
    assert_eq!((image.part, image.content_type.as_str(), image.content_id.as_str()), (2, "image/png", "Logo@x"));
    assert_eq!(image.bytes, b"\x89PNG\r\n\x1a\n");
}

#[test]
fn an_image_over_the_preview_limit_comes_without_its_bytes() {
    let big = "A".repeat((MAX_PREVIEW_IMAGE_BYTES + 3) / 3 * 4 + 4);
    let raw = RELATED.replace("iVBORw0KGgo=", &big);
    let analysis = linter().analyse(raw.as_bytes()).unwrap();
    assert!(analysis.parts[2].decoded_size > MAX_PREVIEW_IMAGE_BYTES);
    assert!(analysis.inline_images.is_empty());
}

#[test]
fn a_hidden_run_in_an_encoded_body_is_located_in_the_decoded_html_only() {
    let analysis = linter().analyse(RELATED.as_bytes()).unwrap();
    let run = &analysis.html[0].hidden_runs[0];
    let decoded = &analysis.texts[0].text;
    assert_eq!((run.at.start, run.at.end), (None, None), "quoted-printable: the tag is not in the message as is");
    assert_eq!(&decoded[run.at.decoded_start.unwrap()..run.at.decoded_end.unwrap()], "<p style=\"display:none\">");
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
