//! How the MIME structure is read where mail-parser 0.11 reads it otherwise than
//! the receivers: lines that only start like a delimiter (RFC 2046 §5.1.1), …

mod common;

use mail_preflight::{Linter, Options};

fn linter() -> Linter {
    Linter::new(&Options::default()).unwrap()
}

const HEAD: &str = "From: a@example.com\r\nTo: b@example.org\r\nSubject: Hello\r\nDate: Sat, 05 Dec 2026 10:00:00 +0000\r\nMessage-ID: <x@example.com>\r\nMIME-Version: 1.0\r\n";

/// The decoded texts of the message's body parts, joined.
fn body_texts(raw: &str) -> String {
    let analysis = linter().analyse(raw.as_bytes()).unwrap();
    analysis.texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// A boundary that ends in white space (against RFC 2046 §5.1.1, read all the
/// same): its delimiter lines `--b ` and `--b --` stay delimiters, so the parts,
/// and an executable among them, are read as receivers read them.
#[test]
fn a_boundary_ending_in_white_space_keeps_its_parts() {
    for (boundary, line) in [("b ", "--b "), ("b\t", "--b\t")] {
        let raw = format!(
            "{HEAD}Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n{line}\r\nContent-Type: text/plain\r\n\r\nSee attached\r\n{line}\r\nContent-Type: application/octet-stream; name=\"invoice.exe\"\r\nContent-Disposition: attachment; filename=\"invoice.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n{line}--\r\n"
        );
        let analysis = linter().analyse(raw.as_bytes()).unwrap();
        assert_eq!(analysis.parts.len(), 3, "{boundary:?} {line:?}: the multipart and its two parts");
        let report = linter().lint(raw.as_bytes()).unwrap();
        assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable"), "{boundary:?} {line:?}: {:?}", report.findings);
        assert!(!report.findings.iter().any(|f| f.message_id == "headers/multipart-boundary.prefixed-line"), "{boundary:?} {line:?}");
    }
}

#[test]
fn a_line_that_starts_with_the_boundary_and_goes_on_is_text_of_its_part() {
    // RFC 2046 §5.1.1: `--b` then only transport padding is a delimiter line;
    // `--b-foo` is not (SpamAssassin's `_parse_multipart`: `^--\Q$boundary\E(--)?\s*$`).
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello there.\r\n--b-foo\r\nThe text after the line.\r\n--b\r\nContent-Type: text/plain\r\n\r\nSecond part.\r\n--b--\r\n"
    );
    let text = body_texts(&raw);
    assert!(text.contains("Hello there.\r\n--b-foo\r\nThe text after the line."), "{text:?}");
    assert!(text.contains("Second part."), "{text:?}");
    let analysis = linter().analyse(raw.as_bytes()).unwrap();
    assert_eq!(analysis.parts.len(), 3, "the multipart and its two parts");
    // The rule still says that readers differ on the line.
    let report = linter().lint(raw.as_bytes()).unwrap();
    assert!(report.findings.iter().any(|f| f.message_id == "headers/multipart-boundary.prefixed-line"), "{:?}", report.findings);
}

#[test]
fn a_line_that_starts_with_the_close_delimiter_and_goes_on_closes_nothing() {
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello there.\r\n--b--x\r\nThe text after the line.\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Second part.</p>\r\n--b--\r\n"
    );
    let text = body_texts(&raw);
    assert!(text.contains("--b--x\r\nThe text after the line."), "{text:?}");
    assert!(text.contains("<p>Second part.</p>"), "{text:?}");
}

#[test]
fn a_quoted_printable_part_with_such_a_line_is_decoded_whole_from_the_input() {
    let raw = format!(
        "{HEAD}Content-Type: multipart/alternative; boundary=\"----=_P1\"\r\n\r\n------=_P1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9\r\n------=_P1 but not a delimiter\r\nthe rest=\r\n of it\r\n------=_P1--\r\n"
    );
    let text = body_texts(&raw);
    assert!(text.contains("café\r\n------=_P1 but not a delimiter\r\nthe rest of it"), "{text:?}");
}

/// An executable declared by a Content-Type folded after `application/`.
fn folded_attachment(content_type: &str) -> String {
    format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello.\r\n--b\r\nContent-Type: {content_type}\r\nContent-Disposition: attachment; filename=\"a.dat\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--b--\r\n"
    )
}

#[test]
fn a_content_type_folded_between_type_and_subtype_is_read_whole() {
    // RFC 5322 §2.2.3: unfolding removes the CRLF; white space may stand between tokens.
    for content_type in ["application/\r\n x-msdownload; name=\"a.dat\"", "application/\r\n\tx-msdownload;\r\n name=\"a.dat\"", "application/x-msdownload;\r\n name=\"a.dat\""] {
        let raw = folded_attachment(content_type);
        let analysis = linter().analyse(raw.as_bytes()).unwrap();
        assert_eq!(analysis.parts[2].content_type, "application/x-msdownload", "{content_type:?}");
        let report = linter().lint(raw.as_bytes()).unwrap();
        assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable"), "{content_type:?}: {:?}", report.findings);
    }
}

/// `data` uuencoded as POSIX `uuencode` writes it (the attachments' samples), with CRLF line ends.
fn uuencode(name: &str, data: &[u8]) -> String {
    mail_preflight::rules::attachments::samples::uuencode(name, data).replace('\n', "\r\n")
}

#[test]
fn a_text_body_under_a_uuencode_transfer_encoding_is_read_decoded() {
    // rspamd decodes `uuencode`, `x-uuencode` and `x-uue` (src/libmime/mime_parser.c).
    let said = "Caf\u{e9} ouvert demain, le texte que les r\u{e8}gles lisent.";
    for encoding in ["x-uuencode", "uuencode", "X-UUE"] {
        let raw = format!(
            "{HEAD}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{}",
            uuencode("note.txt", said.as_bytes())
        );
        // The block's file, then the line break after its `end` line.
        assert_eq!(body_texts(&raw), format!("{said}\r\n"), "{encoding}");
    }
    // The text around a block is read too, as a reader shows it.
    let raw = format!(
        "{HEAD}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nBefore the file.\r\n{}After the file: act now, limited time offer!\r\n",
        uuencode("note.txt", said.as_bytes())
    );
    let text = body_texts(&raw);
    assert!(text.starts_with("Before the file.\r\n") && text.contains(said) && text.contains("After the file: act now"), "{text:?}");
    assert!(!text.contains("begin 644"), "{text:?}");
    // A body that holds no block is read as written (rspamd: "assume 8bit").
    let raw = format!("{HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nNo block here.\r\n");
    assert_eq!(body_texts(&raw), "No block here.\r\n");
}

#[test]
fn a_file_sent_under_a_uuencode_transfer_encoding_is_still_inspected() {
    // A script decodes as text: the body reads as it, and the file stays a file sent.
    let raw = format!(
        "{HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n{}",
        uuencode("run.vbs", b"CreateObject(\"WScript.Shell\").Run \"calc\"\r\n")
    );
    assert!(body_texts(&raw).starts_with("CreateObject("));
    let report = linter().lint(raw.as_bytes()).unwrap();
    assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable" && f.message.contains("run.vbs")), "{:?}", report.findings);
    // A program stays as written and is inspected the same way.
    let mut program = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    program.extend(std::iter::repeat_n(0u8, 120));
    let raw = format!("{HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n{}", uuencode("setup.exe", &program));
    let report = linter().lint(raw.as_bytes()).unwrap();
    assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable" && f.message.contains("setup.exe")), "{:?}", report.findings);
    // Both in one body: the script, decoded into the text, is still a file sent beside the program.
    let raw = format!(
        "{HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n{}{}",
        uuencode("run.vbs", b"CreateObject(\"WScript.Shell\").Run \"calc\"\r\n"),
        uuencode("setup.exe", &program)
    );
    let report = linter().lint(raw.as_bytes()).unwrap();
    for name in ["run.vbs", "setup.exe"] {
        assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable" && f.message.contains(name)), "{name}: {:?}", report.findings);
    }
}

#[test]
fn findings_inside_a_base64_attached_message_point_at_its_encoded_body() {
    let inner = "From: c@example.com\r\nSubject: inner\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"i\"\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n--i\r\nContent-Type: application/x-msdownload; name=\"setup.exe\"\r\nContent-Disposition: attachment; filename=\"setup.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n--i--\r\n";
    let encoded = base64(inner.as_bytes());
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nForwarded.\r\n--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n{encoded}\r\n--b--\r\n"
    );
    let start = raw.find(&encoded).unwrap();
    let report = linter().lint(raw.as_bytes()).unwrap();
    let executable = report.findings.iter().find(|f| f.rule_id == "attachment/executable").expect("the program is found");
    let location = &executable.location;
    assert_eq!(location.start, Some(start), "{location:?}");
    assert!(location.end.is_some_and(|end| end >= start + encoded.len()), "{location:?}");
    assert!(location.line.is_some(), "{location:?}");
}

/// `data` in base64 (RFC 4648 §4), on one line.
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for group in data.chunks(3) {
        let b = [group[0], *group.get(1).unwrap_or(&0), *group.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn a_boundary_in_the_middle_of_a_line_ends_no_part() {
    // RFC 2046 §5.1.1: a delimiter is a line; mail-parser 0.11 ends a part at
    // `--b` anywhere (`mime_part`), and reads what follows it as a new part.
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello there x--b act now, limited time offer.\r\nThe text after the line.\r\n--b\r\nContent-Type: text/plain\r\n\r\nSecond part.\r\n--b--\r\n"
    );
    let text = body_texts(&raw);
    assert!(text.contains("Hello there x--b act now, limited time offer.\r\nThe text after the line."), "{text:?}");
    assert!(text.contains("Second part."), "{text:?}");
    let analysis = linter().analyse(raw.as_bytes()).unwrap();
    assert_eq!(analysis.parts.len(), 3, "the multipart and its two parts");
    // In the preamble too, and before an attachment.
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\nPreamble x--b\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.--b--\r\n--b\r\nContent-Type: application/octet-stream; name=\"invoice.exe\"\r\nContent-Disposition: attachment; filename=\"invoice.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--b--\r\n"
    );
    let report = linter().lint(raw.as_bytes()).unwrap();
    assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable"), "{:?}", report.findings);
    assert!(body_texts(&raw).contains("See attached.--b--"), "{}", body_texts(&raw));
}

#[test]
fn a_delimiter_line_of_a_sibling_multipart_is_text_of_the_part_it_lies_in() {
    // RFC 2046 §5.1.1: only the enclosing multipart's boundary delimits; `--b-foo`
    // inside the multipart of `b`, after the one of `b-foo` closed, is text.
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: multipart/alternative; boundary=\"b-foo\"\r\n\r\n--b-foo\r\nContent-Type: text/plain\r\n\r\nFirst.\r\n--b-foo--\r\n--o\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello.\r\n--b-foo\r\nAct now, limited time offer.\r\n--b--\r\n--o--\r\n"
    );
    let text = body_texts(&raw);
    assert!(text.contains("Hello.\r\n--b-foo\r\nAct now, limited time offer."), "{text:?}");
}

#[test]
fn a_multipart_a_cut_had_hidden_is_read_for_such_places_too() {
    // The first reading ends the message at `--b--x`; the multipart of `c` after
    // it, read once that line is text, holds a `--c-x` line of its own.
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello.\r\n--b--x\r\n--b\r\nContent-Type: multipart/mixed; boundary=\"c\"\r\n\r\n--c\r\nContent-Type: text/plain\r\n\r\nInner.\r\n--c-x\r\nAct now, limited time offer.\r\n--c--\r\n--b--\r\n"
    );
    let text = body_texts(&raw);
    assert!(text.contains("Inner.\r\n--c-x\r\nAct now, limited time offer."), "{text:?}");
}

#[test]
fn the_epilogue_after_a_close_delimiter_is_read_for_such_places_too() {
    // RFC 2046 §5.1.1: what follows an inner `--i--` is that multipart's epilogue,
    // not a part's header; `see --o-- now` in it had closed the outer multipart
    // for mail-parser, and the .exe after it went uninspected.
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: multipart/alternative; boundary=\"i\"\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nHello.\r\n--i--\r\nsee --o-- now\r\n--o\r\nContent-Type: application/octet-stream; name=\"invoice.exe\"\r\nContent-Disposition: attachment; filename=\"invoice.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--o--\r\n"
    );
    let report = linter().lint(raw.as_bytes()).unwrap();
    assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable"), "{:?}", report.findings);
}

/// An executable part of the multipart of `boundary`, then the delimiter line that follows it.
fn executable_part(boundary: &str, line_break: &str) -> String {
    format!(
        "--{boundary}{n}Content-Type: application/octet-stream; name=\"invoice.exe\"{n}Content-Disposition: attachment; filename=\"invoice.exe\"{n}Content-Transfer-Encoding: base64{n}{n}TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA=={n}",
        n = line_break
    )
}

/// The parts' content types, in the model's order.
fn content_types(raw: &str) -> Vec<String> {
    linter().analyse(raw.as_bytes()).unwrap().parts.iter().map(|p| p.content_type.clone()).collect()
}

#[test]
fn a_delimiter_line_of_the_outer_multipart_ends_an_inner_one_never_closed() {
    // RFC 2046 §5.1.2; Python's email (feedparser: every enclosing boundary ends
    // the part, CloseBoundaryNotFoundDefect) and SpamAssassin's `_parse_multipart`
    // (the outer multipart split first) read three parts in the outer multipart;
    // mail-parser 0.11 read the inner HTML part to the end of the input, the
    // executable and the last text inside it.
    for n in ["\r\n", "\n"] {
        let raw = format!(
            "{HEAD}Content-Type: multipart/mixed; boundary=\"o\"{n}{n}--o{n}Content-Type: multipart/alternative; boundary=\"i\"{n}{n}--i{n}Content-Type: text/plain{n}{n}Plain text.{n}--i{n}Content-Type: text/html{n}{n}<p>HTML text.</p>{n}{}--o{n}Content-Type: text/plain{n}{n}Act now, final text.{n}--o--{n}",
            executable_part("o", n)
        )
        .replace("\r\n", n);
        assert_eq!(
            content_types(&raw),
            ["multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/octet-stream", "text/plain"],
            "{n:?}"
        );
        let analysis = linter().analyse(raw.as_bytes()).unwrap();
        let texts: Vec<&str> = analysis.texts.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"<p>HTML text.</p>") && texts.contains(&"Act now, final text."), "{n:?}: {texts:?}");
        // Offsets index the input: the attachment's body, the inner multipart ending where the outer line starts.
        let exe = &analysis.parts[4];
        let body = &raw[exe.body_start.unwrap()..exe.body_end.unwrap()];
        assert!(body.starts_with("TVqQ") && body.ends_with("AA=="), "{n:?}: {body:?}");
        let inner_end = analysis.parts[1].body_end.unwrap();
        assert_eq!(&raw[inner_end..inner_end + 2 * n.len() + 3], format!("{n}--o{n}"), "{n:?}");
        let report = linter().lint(raw.as_bytes()).unwrap();
        let executable = report.findings.iter().find(|f| f.rule_id == "attachment/executable").expect("the program is inspected");
        assert_eq!(executable.location.part, Some(4), "{n:?}: {:?}", executable.location);
        // The missing close is still said, where it is missing.
        let no_close = report.findings.iter().find(|f| f.message_id == "headers/multipart-boundary.no-close").expect("no-close");
        assert_eq!(no_close.location.start, Some(inner_end), "{n:?}: {:?}", no_close.location);
    }
}

#[test]
fn multiparts_nested_and_in_a_row_never_closed_are_all_ended_by_the_outer_line() {
    // Two nested multiparts ended by one outer line, then two in a row whose parts
    // mail-parser had read as text of the first: each part is found in one walk.
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: multipart/mixed; boundary=\"i1\"\r\n\r\n--i1\r\nContent-Type: multipart/alternative; boundary=\"i2\"\r\n\r\n--i2\r\nContent-Type: text/plain\r\n\r\nDeepest.\r\n--o\r\nContent-Type: multipart/mixed; boundary=\"k1\"\r\n\r\n--k1\r\nContent-Type: text/plain\r\n\r\nFirst row.\r\n--o\r\nContent-Type: multipart/mixed; boundary=\"k2\"\r\n\r\n--k2\r\nContent-Type: text/plain\r\n\r\nSecond row.\r\n{}--o--\r\n",
        executable_part("o", "\r\n")
    );
    assert_eq!(
        content_types(&raw),
        ["multipart/mixed", "multipart/mixed", "multipart/alternative", "text/plain", "multipart/mixed", "text/plain", "multipart/mixed", "text/plain", "application/octet-stream"]
    );
    let text = body_texts(&raw);
    assert_eq!(text, "Deepest.\nFirst row.\nSecond row.");
    let report = linter().lint(raw.as_bytes()).unwrap();
    assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable"), "{:?}", report.findings);
}

#[test]
fn a_multipart_never_closed_in_an_attached_message_ends_at_the_outer_line() {
    // An attached message under an identity encoding is read in the same stream
    // (mail-parser, Python's email): its multipart too ends at the outer line.
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\nForwarded.\r\n--o\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@example.com\r\nSubject: inner\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nInner text.\r\n{}--o--\r\n",
        executable_part("o", "\r\n")
    );
    assert_eq!(
        content_types(&raw),
        ["multipart/mixed", "text/plain", "message/rfc822", "multipart/mixed", "text/plain", "application/octet-stream"]
    );
    let report = linter().lint(raw.as_bytes()).unwrap();
    assert!(report.findings.iter().any(|f| f.rule_id == "attachment/executable"), "{:?}", report.findings);
    // Found by the walk in the text mail-parser had read as one part: the same, after an inner multipart left open.
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: multipart/mixed; boundary=\"i\"\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nFirst.\r\n--o\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@example.com\r\nSubject: inner\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nInner text.\r\n{}--o--\r\n",
        executable_part("o", "\r\n")
    );
    assert_eq!(
        content_types(&raw),
        ["multipart/mixed", "multipart/mixed", "text/plain", "message/rfc822", "multipart/mixed", "text/plain", "application/octet-stream"]
    );
}

/// `data` in quoted-printable (RFC 2045 §6.7): `=`, CR and bytes past ASCII
/// quoted, line breaks kept as written, lines soft-broken at 76.
fn quoted_printable(data: &[u8]) -> String {
    let mut out = String::new();
    let mut width = 0;
    for (i, &b) in data.iter().enumerate() {
        let piece = match b {
            b'\n' => {
                out.push_str("\r\n");
                width = 0;
                continue;
            }
            b'\r' if data.get(i + 1) == Some(&b'\n') => continue,
            b'=' | b'\r' | 0x80.. => format!("={b:02X}"),
            _ => (b as char).to_string(),
        };
        if width + piece.len() > 75 {
            out.push_str("=\r\n");
            width = 0;
        }
        width += piece.len();
        out.push_str(&piece);
    }
    out
}

/// `inner` attached to a message of boundary `o`, under `encoding` (None: as it is).
fn attached(inner: &str, encoding: Option<&str>) -> String {
    attached_in(inner, encoding, "o")
}

/// `inner` attached to a message of `boundary`, under `encoding` (None: as it is).
fn attached_in(inner: &str, encoding: Option<&str>, boundary: &str) -> String {
    let (field, body) = match encoding {
        None => (String::new(), inner.to_string()),
        Some("base64") => ("Content-Transfer-Encoding: base64\r\n".to_string(), base64(inner.as_bytes())),
        Some(other) => (format!("Content-Transfer-Encoding: {other}\r\n"), quoted_printable(inner.as_bytes())),
    };
    format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n--{boundary}\r\nContent-Type: text/plain\r\n\r\nForwarded.\r\n--{boundary}\r\nContent-Type: message/rfc822\r\n{field}\r\n{body}\r\n--{boundary}--\r\n"
    )
}

#[test]
fn a_multipart_never_closed_in_an_encoded_attached_message_ends_at_its_outer_line() {
    // RFC 2046 §5.2.1 allows no base64 or quoted-printable on message/rfc822,
    // but Symfony Mime 5.4 and some webmails write it, and Python's email
    // (`get_payload(decode=True)` then `message_from_bytes`), SpamAssassin
    // (`Message::_parse_body` decodes a message/rfc822 part and parses it) and
    // rspamd read the decoded message as one: its unclosed multipart ends at
    // its outer line as in a message under an identity encoding, the program
    // after it read.
    let inner = format!(
        "From: c@example.com\r\nSubject: inner\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: multipart/alternative; boundary=\"k\"\r\n\r\n--k\r\nContent-Type: text/plain\r\n\r\nInner text.\r\n{}--m--\r\n",
        executable_part("m", "\r\n")
    );
    let as_is = content_types(&attached(&inner, None));
    assert_eq!(
        as_is,
        ["multipart/mixed", "text/plain", "message/rfc822", "multipart/mixed", "multipart/alternative", "text/plain", "application/octet-stream"]
    );
    for encoding in ["base64", "quoted-printable"] {
        let raw = attached(&inner, Some(encoding));
        assert_eq!(content_types(&raw), as_is, "{encoding}");
        let report = linter().lint(raw.as_bytes()).unwrap();
        let executable = report.findings.iter().find(|f| f.rule_id == "attachment/executable").expect(encoding);
        // Decoded bytes are not in the input: the finding points at the encoded body.
        let header = raw.find("Content-Type: message/rfc822").unwrap();
        let start = header + raw[header..].find("\r\n\r\n").unwrap() + 4;
        assert_eq!(executable.location.start, Some(start), "{encoding}: {:?}", executable.location);
        // The forbidden encoding is still said.
        assert!(report.findings.iter().any(|f| f.message_id == "headers/transfer-encoding.container"), "{encoding}: {:?}", report.findings);
    }
}

#[test]
fn an_encoded_attached_message_deeper_than_mail_parser_opens_is_read() {
    // mail-parser 0.11 opens three levels of encoded attached messages
    // (`MAX_NESTED_ENCODED`) and keeps the fourth as bytes, its text unread;
    // Python's email and SpamAssassin open every level.
    let deepest = "From: c@example.com\r\nSubject: inner\r\nContent-Type: text/plain\r\n\r\nClaim your prize now.\r\n";
    for encoding in ["base64", "quoted-printable"] {
        let (mut as_is, mut encoded) = (deepest.to_string(), deepest.to_string());
        for level in 0..6 {
            let boundary = format!("level{level}");
            as_is = attached_in(&as_is, None, &boundary);
            encoded = attached_in(&encoded, Some(encoding), &boundary);
        }
        let types = content_types(&encoded);
        assert_eq!(types, content_types(&as_is), "{encoding}");
        assert_eq!(types.iter().filter(|t| *t == "message/rfc822").count(), 6, "{encoding}: {types:?}");
        let analysis = linter().analyse(encoded.as_bytes()).unwrap();
        let last = analysis.parts.last().unwrap();
        let shape: Vec<(usize, Option<usize>, usize)> = analysis.parts.iter().map(|p| (p.index, p.parent, p.depth)).collect();
        assert_eq!(last.content_type, "text/plain", "{encoding} {shape:?}");
        assert_eq!(last.depth, 12, "{encoding} {shape:?}");
    }
}

#[test]
fn an_encoded_attached_message_gets_the_readings_the_input_gets() {
    // The multipart of `c` is hidden from the first reading by `--b--x` and
    // holds a `--c-x` line of its own: the input's second reading finds it.
    // An attached message under base64 or quoted-printable, decoded and read
    // apart, had one reading: the text after `--c-x` went unread there.
    let inner = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello.\r\n--b--x\r\n--b\r\nContent-Type: multipart/mixed; boundary=\"c\"\r\n\r\n--c\r\nContent-Type: text/plain\r\n\r\nInner.\r\n--c-x\r\nAct now, limited time offer.\r\n--c--\r\n--b--\r\n"
    );
    for encoding in [None, Some("base64"), Some("quoted-printable")] {
        let text = body_texts(&attached(&inner, encoding));
        assert!(text.contains("Inner.\r\n--c-x\r\nAct now, limited time offer."), "{encoding:?}: {text:?}");
    }
}

#[test]
fn a_delimiter_line_of_the_outer_multipart_in_a_part_header_ends_that_part() {
    // cpython's msg_38 shape: a line that is no field starts the inner part, so
    // Python's `email` reads it as the body, and the outer line after it ends the
    // part and the inner multipart (`BufferedSubFile` tests every line against
    // every enclosing delimiter); SpamAssassin splits the outer multipart first.
    // mail-parser read the lines to the empty line as the part's header, the
    // outer line among them, so the inner close that follows put the outer
    // part's text in the inner multipart's epilogue, read by no rule.
    for n in ["\r\n", "\n"] {
        let raw = format!(
            "{HEAD}Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: multipart/mixed; boundary=\"i\"\r\n\r\n--i\r\nno field\r\n--o\r\nContent-Type: text/html\r\n\r\n--i--\r\n<p>Hidden words.</p>\r\n--o\r\nContent-Type: text/plain\r\n\r\nFinal.\r\n--o--\r\n"
        )
        .replace("\r\n", n);
        assert_eq!(content_types(&raw), ["multipart/mixed", "multipart/mixed", "text/plain", "text/html", "text/plain"], "{n:?}");
        let text = body_texts(&raw);
        assert!(text.contains("<p>Hidden words.</p>") && text.contains("Final."), "{n:?}: {text:?}");
        // The inner multipart ends where the outer line starts.
        let analysis = linter().analyse(raw.as_bytes()).unwrap();
        let inner_end = analysis.parts[1].body_end.unwrap();
        assert!(raw[inner_end..].starts_with(&format!("{n}--o{n}Content-Type: text/html")), "{n:?}: {inner_end}");
    }
}

/// cpython's `msg_38` (../shared/corpus), whose structure CPython's
/// `test_nested_inner_contains_outer_boundary` gives: the outer multipart's
/// delimiter line stands where mail-parser reads the header of a part of the
/// inner multipart, and ends that part and the inner multipart (7 parts; we
/// read 6, the outer multipart's text after that line in no part).
#[test]
fn cpython_msg_38_is_read_with_the_structure_python_gives() {
    let Some(dir) = common::corpus_dir() else { return };
    let raw = std::fs::read(dir.join("cpython-email/msg_38.txt")).unwrap();
    let analysis = linter().analyse(&raw).unwrap();
    let structure: Vec<(usize, &str)> = analysis.parts.iter().map(|p| (p.depth, p.content_type.as_str())).collect();
    assert_eq!(
        structure,
        [
            (0, "multipart/mixed"),
            (1, "multipart/mixed"),
            (2, "multipart/alternative"),
            (3, "text/plain"),
            (2, "text/plain"),
            (1, "text/plain"),
            (1, "text/plain"),
        ]
    );
    let text: String = analysis.texts.iter().map(|t| t.text.as_str()).collect();
    assert!(text.contains("and this one, which is from a multipart we haven't even seen yet!"), "{text:?}");
}
