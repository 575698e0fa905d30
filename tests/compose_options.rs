//! Nodemailer message options beyond the addresses, texts and attachments:
//! each that changes the bytes sent is rendered and linted (list, priority,
//! xMailer, alternatives, watchHtml, amp, icalEvent, encoding, textEncoding,
//! raw, boundaries), `envelope.from` is the Return-Path a receiver records, and
//! the rest is said (`headers/compose-option`). Byte-for-byte agreement with
//! Nodemailer is tests/node/compose-rendering.test.mjs.

use mail_preflight::{lint_compose, Compose, LintError, Options, Report, Severity};

fn lint(json: &str) -> Report {
    lint_compose(&Compose::from_json(json).unwrap(), &Options::default()).unwrap()
}

fn source(json: &str) -> String {
    lint(json).source.unwrap()
}

fn message_ids<'a>(report: &'a Report, rule: &str) -> Vec<&'a str> {
    report.findings.iter().filter(|f| f.rule_id == rule).map(|f| f.message_id.as_str()).collect()
}

const BULK: &str = r#""from":"news@example.com","to":"b@example.org","subject":"News","text":"Hello","headers":{"Precedence":"bulk","List-Unsubscribe-Post":"List-Unsubscribe=One-Click"}"#;

#[test]
fn a_list_option_writes_list_fields_the_bulk_rules_see() {
    let without = lint(&format!("{{{BULK}}}"));
    assert!(!message_ids(&without, "bulk/list-unsubscribe").is_empty(), "control: no List-Unsubscribe is said");
    let with = lint(&format!(
        r#"{{{BULK},"list":{{"unsubscribe":[["https://example.com/u?id=1","unsubscribe@example.com"]],"help":"https://example.com/help","id":{{"url":"news.example.com","comment":"News"}}}}}}"#
    ));
    let source = with.source.as_deref().unwrap().replace("\r\n ", " ");
    assert!(source.contains("\r\nList-Unsubscribe: <https://example.com/u?id=1>, <mailto:unsubscribe@example.com>\r\n"), "{source}");
    assert!(source.contains("\r\nList-Help: <https://example.com/help>\r\n"));
    assert!(source.contains("\r\nList-ID: \"News\" <http://news.example.com>\r\n"));
    assert!(message_ids(&with, "bulk/list-unsubscribe").is_empty(), "{:?}", with.findings);
    assert!(message_ids(&with, "bulk/one-click").is_empty(), "{:?}", with.findings);
}

/// Every form of Nodemailer's `list.id` is written as a URL (MailMessage's
/// `_formatListUrl`), which RFC 2919 does not allow: `bulk/list-id` says so with
/// the Nodemailer fix; the field given through `headers` passes.
#[test]
fn every_nodemailer_list_id_is_a_url_and_the_headers_option_is_the_fix() {
    for (id, written) in [
        (r#""news.example.com""#, "<http://news.example.com>"),
        (r#"{"url":"news.example.com","comment":"News"}"#, "\"News\" <http://news.example.com>"),
        (r#""<news.example.com>""#, "<http://news.example.com>"),
        (r#""https://example.com/lists/news""#, "<https://example.com/lists/news>"),
        (r#""news@example.com""#, "<mailto:news@example.com>"),
    ] {
        let report = lint(&format!(r#"{{{BULK},"list":{{"id":{id},"unsubscribe":"https://example.com/u/1"}}}}"#));
        assert!(report.source.as_deref().unwrap().contains(&format!("\r\nList-ID: {written}\r\n")), "{id}");
        let found: Vec<_> = report.findings.iter().filter(|f| f.rule_id == "bulk/list-id").collect();
        assert_eq!(found.len(), 1, "{id}: {:?}", report.findings);
        assert_eq!((found[0].message_id.as_str(), found[0].fix_id.as_str()), ("bulk/list-id.url", "bulk/list-id.fix-nodemailer"));
        assert_eq!(found[0].severity, Severity::Info);
    }
    for header in [r#""News <news.example.com>""#, r#"{"prepared":true,"value":"\"My news\" <news.example.com>"}"#] {
        let report = lint(&format!(r#"{{"from":"news@example.com","to":"b@example.org","subject":"News","text":"Hello","headers":{{"List-ID":{header}}},"list":{{"unsubscribe":"https://example.com/u/1"}}}}"#));
        assert!(message_ids(&report, "bulk/list-id").is_empty(), "{header}: {:?}", report.findings);
        assert!(report.source.as_deref().unwrap().contains(" <news.example.com>\r\n"), "{header}");
    }
}

#[test]
fn a_line_break_in_a_list_comment_is_a_header_injection() {
    let report = lint(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"x","list":{"owner":{"url":"owner@example.com","comment":"Ann\r\nBcc: all@example.net"}}}"#);
    let injection: Vec<_> = report.findings.iter().filter(|f| f.rule_id == "headers/injection").collect();
    assert_eq!(injection.len(), 1, "{:?}", report.findings);
    assert_eq!(injection[0].severity, Severity::Error);
    assert!(injection[0].message.contains("list.owner"), "{}", injection[0].message);
    assert!(report.source.unwrap().contains("List-Owner: <mailto:owner@example.com> (Ann\r\nBcc: all@example.net)\r\n"));
}

#[test]
fn a_line_break_in_a_list_key_or_x_mailer_is_flattened_and_said_as_info() {
    let report = lint(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"x","xMailer":"App\r\nBcc: all@example.net","list":{"help\r\nBcc: all@example.net":"https://example.com/help"}}"#);
    let source = report.source.as_deref().unwrap();
    assert!(!source.contains("\r\nBcc:"), "{source}");
    let injection: Vec<_> = report.findings.iter().filter(|f| f.rule_id == "headers/injection").collect();
    assert_eq!(injection.len(), 2, "{injection:?}");
    assert!(injection.iter().all(|f| f.severity == Severity::Info), "{injection:?}");
    // The value's break, and the key's, each said of where it is, at the field the mailer wrote.
    let ids: Vec<&str> = injection.iter().map(|f| f.message_id.as_str()).collect();
    assert_eq!(ids, ["headers/injection.flattened", "headers/injection.flattened-name"], "{injection:?}");
    assert!(injection[1].message.to_lowercase().contains("before \"bcc: all@example.net\""), "{}", injection[1].message);
    assert!(injection[0].location.start.is_some(), "{injection:?}");
}

#[test]
fn priority_high_writes_the_three_fields_and_the_priority_rule_sees_them() {
    let high = lint(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"x","priority":"high"}"#);
    let source = high.source.as_deref().unwrap();
    assert!(source.contains("X-Priority: 1 (Highest)\r\nX-Msmail-Priority: High\r\nImportance: High\r\n"), "{source}");
    assert!(!message_ids(&high, "spam/priority-header").is_empty());
    let normal = lint(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"x","priority":"normal"}"#);
    assert!(!normal.source.as_deref().unwrap().contains("Priority"));
    assert!(message_ids(&normal, "spam/priority-header").is_empty());
}

#[test]
fn x_mailer_is_written_when_a_text_and_not_when_false() {
    assert!(source(r#"{"from":"a@example.com","text":"x","xMailer":"Shop 2.1"}"#).contains("\r\nX-Mailer: Shop 2.1\r\n"));
    assert!(!source(r#"{"from":"a@example.com","text":"x","xMailer":false}"#).contains("X-Mailer"));
}

#[test]
fn watch_html_amp_and_alternatives_are_parts_of_the_alternative_in_nodemailers_order() {
    let source = source(
        r#"{"from":"a@example.com","text":"t","html":"<p>h</p>","amp":"<html amp4email></html>","watchHtml":"<b>w</b>","alternatives":[{"contentType":"text/x-web-markdown","content":"**m**"}]}"#,
    );
    let order: Vec<usize> = ["text/plain", "text/watch-html", "text/x-amp-html", "text/html", "text/x-web-markdown"]
        .iter()
        .map(|t| source.find(&format!("Content-Type: {t}")).unwrap_or_else(|| panic!("{t} in {source}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{source}");
}

#[test]
fn an_alternative_is_linted_like_any_body() {
    // An HTML version given in `alternatives` is the message's HTML body: its links are checked.
    let report = lint(r#"{"from":"a@example.com","to":"b@example.com","subject":"Order","text":"x","alternatives":[{"contentType":"text/html","content":"<a href=\"https://1.2.3.4/login\">Log in</a>"}]}"#);
    assert!(!message_ids(&report, "links/numeric-host").is_empty(), "{:?}", report.findings);
}

#[test]
fn an_ical_event_is_a_calendar_alternative_and_an_invite_attachment() {
    let source = source(r#"{"from":"a@example.com","text":"x","icalEvent":{"method":"request","content":"BEGIN:VCALENDAR\r\nEND:VCALENDAR"}}"#);
    assert!(source.contains("Content-Type: multipart/mixed;"), "{source}");
    assert!(source.contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\n"), "{source}");
    assert!(source.contains("Content-Type: application/ics; name=invite.ics\r\nContent-Disposition: attachment; filename=invite.ics\r\nContent-Transfer-Encoding: base64\r\n"), "{source}");
}

#[test]
fn text_encoding_and_encoding_choose_the_encodings() {
    let source = source(r#"{"from":"a@example.com","subject":"Żółw","text":"plain but forced","encoding":"base64","textEncoding":"base64"}"#);
    assert!(source.contains("Subject: =?UTF-8?B?xbvDs8WCdw==?=\r\n"), "{source}");
    assert!(source.contains("Content-Transfer-Encoding: base64\r\n"), "{source}");
    let q = source_of_subject(r#"{"from":"a@example.com","subject":"Привет","text":"x","textEncoding":"quoted-printable"}"#);
    assert!(q.starts_with("Subject: =?UTF-8?Q?"), "{q}");
}

fn source_of_subject(json: &str) -> String {
    source(json).split("\r\n").find(|l| l.starts_with("Subject:")).unwrap().to_string()
}

#[test]
fn boundary_options_are_used() {
    let source = source(r#"{"from":"a@example.com","text":"t","html":"h","baseBoundary":"abc","boundaryPrefix":"==X"}"#);
    assert!(source.contains("boundary=\"==X-abc-Part_1\""), "{source}");
}

#[test]
fn a_raw_message_is_linted_as_it_is_sent_and_the_fields_beside_it_are_said() {
    let report = lint(r#"{"from":"a@example.com","subject":"Ignored","raw":"From: r@example.com\nTo: b@example.com\nSubject: FREE MONEY NOW\n\nBody\n"}"#);
    assert_eq!(report.source.as_deref(), Some("From: r@example.com\r\nTo: b@example.com\r\nSubject: FREE MONEY NOW\r\n\r\nBody\r\n"));
    assert!(!message_ids(&report, "spam/subject-caps").is_empty(), "the raw subject is judged");
    // Nodemailer adds no Date or Message-ID to a raw message: missing is missing.
    assert!(message_ids(&report, "headers/missing-field").iter().all(|id| *id != "headers/missing-field.mailer-adds"), "{:?}", report.findings);
    let notes: Vec<_> = report.findings.iter().filter(|f| f.rule_id == "headers/compose-option").collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].message_id, "headers/compose-option.replaced-by-raw");
    assert!(notes[0].message.contains("subject") && !notes[0].message.contains("from"), "{}", notes[0].message);
}

#[test]
fn a_raw_value_that_is_no_message_is_refused_as_raw_input_is() {
    let compose = Compose::from_json(r#"{"raw":"just some words"}"#).unwrap();
    assert!(matches!(lint_compose(&compose, &Options::default()), Err(LintError::NotAMessage(_))));
}

#[test]
fn unknown_keys_and_unrendered_options_are_named_in_an_info_note() {
    let report = lint(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"x","atachments":[],"dkim":{"domainName":"example.com"},"attachDataUrls":false,"dsn":{"notify":"success"},"newline":"unix"}"#);
    let notes: Vec<_> = report.findings.iter().filter(|f| f.rule_id == "headers/compose-option").collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[0].message_id, "headers/compose-option.not-rendered");
    assert!(notes[0].message.starts_with("dkim:"), "{}", notes[0].message);
    assert_eq!(notes[1].message_id, "headers/compose-option.unknown-close");
    assert!(notes[1].message.starts_with("atachments: not a Nodemailer message option; did you mean attachments?"), "{}", notes[1].message);
    assert!(notes.iter().all(|n| n.severity == Severity::Info));
}

#[test]
fn a_million_unknown_keys_are_counted_not_copied() {
    let keys: Vec<String> = (0..5_000).map(|i| format!("\"k{i}\":1")).collect();
    let compose = Compose::from_json(&format!("{{\"from\":\"a@example.com\",\"text\":\"x\",{}}}", keys.join(","))).unwrap();
    assert_eq!(compose.notes.unknown.len(), mail_preflight::model::MAX_NOTED_KEYS);
    assert_eq!(compose.notes.unknown_more, 5_000 - mail_preflight::model::MAX_NOTED_KEYS);
    let report = lint_compose(&compose, &Options::default()).unwrap();
    let note = report.findings.iter().find(|f| f.message_id == "headers/compose-option.unknown").unwrap();
    assert!(note.message.contains("+4980"), "{}", note.message);
}

#[test]
fn an_envelope_sender_on_another_domain_is_the_return_path_spf_checks() {
    let aligned = lint(r#"{"from":"shop@my-site.example","to":"b@example.org","subject":"Hi","text":"x","envelope":{"from":"bounce@mail.my-site.example","to":"b@example.org"}}"#);
    assert!(message_ids(&aligned, "sender/misaligned").is_empty(), "{:?}", aligned.findings);
    let other = lint(r#"{"from":"shop@my-site.example","to":"b@example.org","subject":"Hi","text":"x","envelope":{"from":"Host <www-data@web42.hosting.example>"}}"#);
    assert_eq!(message_ids(&other, "sender/misaligned"), ["sender/misaligned.return-path"], "{:?}", other.findings);
    assert!(!other.source.unwrap().contains("Return-Path"), "the envelope is not in the message bytes");
}

#[test]
fn too_many_alternatives_or_list_fields_are_refused_by_name() {
    use mail_preflight::input::compose::{MAX_ALTERNATIVES, MAX_LIST_FIELDS, MAX_LIST_URLS};
    // The error names the exact field over its bound: the path and the count.
    let refused = |json: String, said: &str| match lint_compose(&Compose::from_json(&json).unwrap(), &Options::default()) {
        Err(error @ LintError::InvalidInput(_)) => {
            let text = error.localized(mail_preflight::Locale::En);
            assert!(text.starts_with(&format!("The message fields are not valid: {said}")), "{text}");
        }
        other => panic!("{other:?}"),
    };
    let alternatives = vec![r#"{"content":"x"}"#; MAX_ALTERNATIVES + 1].join(",");
    refused(format!(r#"{{"text":"x","alternatives":[{alternatives}]}}"#), "alternatives: 101 entries, at most 100.");
    let fields = vec!["\"https://e.example\""; MAX_LIST_FIELDS + 1].join(",");
    refused(format!(r#"{{"text":"x","list":{{"help":"h@e.example","unsubscribe":[{fields}]}}}}"#), "list.unsubscribe: 101 entries, at most 100.");
    let urls = vec!["\"https://e.example\""; MAX_LIST_URLS + 1].join(",");
    refused(format!(r#"{{"text":"x","list":{{"help":[[{urls}]]}}}}"#), "list.help[0]: 101 entries, at most 100.");
    refused(format!(r#"{{"text":"x","list":{{"Owner":["o@e.example", [{urls}]]}}}}"#), "list.Owner[1]: 101 entries, at most 100.");
    // Under the bound in each key, over it in all: the whole option is named.
    let half = vec!["\"https://e.example\""; MAX_LIST_FIELDS / 2 + 1].join(",");
    refused(format!(r#"{{"text":"x","list":{{"help":[{half}],"post":[{half}]}}}}"#), "list: 102 entries, at most 100.");
    // At the bounds, the message is linted.
    let alternatives = vec![r#"{"content":"x"}"#; MAX_ALTERNATIVES].join(",");
    assert!(lint_compose(&Compose::from_json(&format!(r#"{{"text":"x","alternatives":[{alternatives}]}}"#)).unwrap(), &Options::default()).is_ok());
}

#[test]
fn an_alternative_or_event_given_by_path_is_refused_as_an_attachment_is() {
    for (json, path) in [
        (r#"{"text":"x","alternatives":[{"path":"/tmp/a.html"}]}"#, "alternatives[0]"),
        (r#"{"text":"x","icalEvent":{"href":"https://example.com/e.ics"}}"#, "icalEvent"),
    ] {
        match lint_compose(&Compose::from_json(json).unwrap(), &Options::default()) {
            Err(error @ LintError::InvalidInput(_)) => assert!(error.to_string().contains(path), "{error}"),
            other => panic!("{json}: {other:?}"),
        }
    }
}

/// The invoice of the report: an .exe given as a `raw` part, its own header fields and body.
fn raw_exe() -> String {
    // Buffer.from('MZ\x90\0\3\0\0\0').toString('base64'): an MZ (DOS/Windows executable) header.
    let body = "TVrCkAADAAAA";
    format!("Content-Type: application/x-msdownload; name=\"invoice.exe\"\r\nContent-Disposition: attachment; filename=\"invoice.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{body}\r\n")
}

#[test]
fn a_raw_attachment_is_sent_as_given_and_linted_as_any_part() {
    let json = serde_json::json!({"from": "a@example.com", "to": "b@example.com", "subject": "Invoice", "text": "See attached",
        "attachments": [{"raw": raw_exe()}]})
    .to_string();
    let report = lint(&json);
    let source = report.source.clone().unwrap();
    // mime-node `stream`: the raw part alone between the boundary lines, none of the node's fields.
    assert!(source.contains(&format!("\r\n{}\r\n--", raw_exe())), "{source}");
    assert_eq!(source.matches("Content-Disposition: attachment").count(), 1, "{source}");
    let executable = report.findings.iter().find(|f| f.rule_id == "attachment/executable").expect("the .exe is seen");
    assert_eq!(executable.severity, Severity::Error);
    assert_eq!(report.verdict, mail_preflight::Verdict::Fail);
}

#[test]
fn raw_alternatives_and_raw_events_are_sent_as_given() {
    let part = "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Raw HTML</p>";
    let json = serde_json::json!({"from": "a@example.com", "text": "x", "alternatives": [{"raw": part}]}).to_string();
    assert!(source(&json).contains(&format!("\r\n{part}\r\n--")), "{}", source(&json));
    let event = "Content-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    let json = serde_json::json!({"from": "a@example.com", "text": "x", "icalEvent": {"raw": event}}).to_string();
    // Both of the event's nodes, the alternative and the attachment, are the raw part.
    assert_eq!(source(&json).matches(event).count(), 2, "{}", source(&json));
    // A raw part wins over a path, as in mail-composer (`if (attachment.raw)` first).
    let json = serde_json::json!({"from": "a@example.com", "text": "x", "attachments": [{"raw": part, "path": "/etc/passwd"}]}).to_string();
    assert!(source(&json).contains(part));
    // An empty raw text is none: the part is built from its other fields.
    let json = serde_json::json!({"from": "a@example.com", "text": "x", "attachments": [{"raw": "", "filename": "a.txt", "content": "hi"}]}).to_string();
    assert!(source(&json).contains("filename=a.txt"));
}

#[test]
fn a_parts_content_transfer_encoding_is_honoured_as_nodemailer_honours_it() {
    // The report's repro: bytes declared 7bit go as they are, NUL and 8-bit bytes included.
    let json = r#"{"from":"a@example.com","to":"b@example.com","subject":"Doc","text":"x",
        "attachments":[{"filename":"doc.bin","content":{"type":"Buffer","data":[0,1,2,3,255,254,65,66]},"contentTransferEncoding":"7bit"}]}"#;
    let report = lint(json);
    let source = report.source.clone().unwrap();
    assert!(source.contains("Content-Transfer-Encoding: 7bit\r\nContent-Disposition: attachment; filename=doc.bin\r\n\r\n\u{0}\u{1}\u{2}\u{3}"), "{source:?}");
    for rule in ["headers/nul-byte", "headers/transfer-encoding"] {
        assert!(report.findings.iter().any(|f| f.rule_id == rule), "{rule}: {:?}", report.findings.iter().map(|f| &f.rule_id).collect::<Vec<_>>());
    }
    // quoted-printable on an attachment, `false` (no field: base64 chosen at write time, as mime-node does).
    let source = source_of(r#"{"text":"x","attachments":[{"filename":"a.bin","content":"h\u00e9","contentTransferEncoding":"quoted-printable"}]}"#);
    assert!(source.contains("Content-Transfer-Encoding: quoted-printable\r\nContent-Disposition: attachment; filename=a.bin\r\n\r\nh=C3=A9"), "{source}");
    let source = source_of(r#"{"text":"x","attachments":[{"filename":"fwd.eml","content":"Subject: x\r\n\r\nx","contentTransferEncoding":false}]}"#);
    assert!(!source.contains("8bit"), "false replaces the 8bit of a message: {source}");
    // An alternative's own value goes before `encoding`, which text alternatives take otherwise.
    let source = source_of(r#"{"text":"plain","encoding":"base64","alternatives":[{"contentType":"text/x-a","content":"a","contentTransferEncoding":"quoted-printable"},{"contentType":"text/x-b","content":"b"}]}"#);
    assert!(source.contains("Content-Type: text/x-a\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\na\r\n"), "{source}");
    assert!(source.contains("Content-Type: text/x-b\r\nContent-Transfer-Encoding: base64\r\n\r\nYg==\r\n"), "{source}");
}

fn source_of(fields: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(fields).unwrap();
    value["from"] = "a@example.com".into();
    source(&value.to_string())
}

#[test]
fn encoding_without_a_body_is_written_on_the_empty_part_as_nodemailer_writes_it() {
    let source = source(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","encoding":"utf-8"}"#);
    assert!(source.starts_with("Content-Transfer-Encoding: utf-8\r\nFrom: a@example.com\r\n"), "{source}");
}

#[test]
fn content_that_is_no_buffer_is_refused_naming_what_to_pass() {
    for (json, path) in [
        (r#"{"text":"x","attachments":[{"content":{"_readableState":{},"path":"/tmp/a"}}]}"#, "attachments[0].content"),
        (r#"{"raw":{"content":"Subject: x\r\n\r\nx"}}"#, "raw"),
    ] {
        match Compose::from_json(json) {
            Err(error) => {
                let text = error.to_string();
                assert!(text.contains(&format!("{path} is a stream or an object")) && text.contains("pass a Buffer or a text"), "{text}");
                assert!(!text.contains("\"data\""), "{text}");
            }
            Ok(other) => panic!("{json}: {other:?}"),
        }
    }
}

#[test]
fn unknown_keys_inside_parts_and_the_envelope_are_named_by_path_with_the_close_key() {
    let report = lint(r#"{"from":"a@example.com","to":"b@example.com","subject":"Invoice","text":"x",
        "attachments":[{"fileName":"invoice.pdf","contentype":"application/pdf","content":"x","zzzz":1}],
        "alternatives":[{"content_type":"text/x-a","content":"a"}],"icalEvent":{"methd":"REQUEST","content":"BEGIN:VCALENDAR"},
        "envelope":{"form":"bounce@example.com","to":"b@example.com"}}"#);
    let notes: Vec<(&str, &str)> = report
        .findings
        .iter()
        .filter(|f| f.rule_id == "headers/compose-option")
        .map(|f| (f.message_id.as_str(), f.message.as_str()))
        .collect();
    let close = |option: &str, suggestion: &str| {
        let text = format!("{option}: not a Nodemailer message option; did you mean {suggestion}?");
        assert!(notes.iter().any(|(id, m)| *id == "headers/compose-option.unknown-close" && m.starts_with(&text)), "{text}: {notes:#?}");
    };
    close("attachments[0].fileName", "filename");
    close("attachments[0].contentype", "contentType");
    close("alternatives[0].content_type", "contentType");
    close("icalEvent.methd", "method");
    close("envelope.form", "from");
    assert!(notes.iter().any(|(id, m)| *id == "headers/compose-option.unknown" && m.starts_with("attachments[0].zzzz:")), "{notes:#?}");
    assert!(report.findings.iter().filter(|f| f.rule_id == "headers/compose-option").all(|f| f.severity == Severity::Info));
    // Nodemailer ignores the misspelt name: the attachment is attachment-1.* (mime-funcs detectExtension of
    // application/octet-stream), as it sends it.
    let source = report.source.unwrap();
    assert!(source.contains("filename=attachment-1.*") && !source.contains("invoice.pdf"), "{source}");
    // envelope.from false is no sender, as in mime-node setEnvelope.
    let compose = Compose::from_json(r#"{"from":"a@example.com","text":"x","envelope":{"from":false}}"#).unwrap();
    assert_eq!(compose.envelope_sender(), None);
}

#[test]
fn every_field_counts_in_the_size_measured_before_rendering() {
    let big = "é".repeat(mail_preflight::MAX_INPUT_BYTES / 2 + 1);
    for field in ["subject", "messageId", "inReplyTo"] {
        let compose = Compose::from_json(&serde_json::json!({"from": "a@example.com", field: big}).to_string()).unwrap();
        assert!(compose.input_size() > mail_preflight::MAX_INPUT_BYTES, "{field}");
    }
    let compose = Compose::from_json(&serde_json::json!({"to": [big]}).to_string()).unwrap();
    assert!(compose.input_size() > mail_preflight::MAX_INPUT_BYTES);
}

#[test]
fn bodies_take_every_form_nodemailer_takes() {
    // A Buffer (Node's JSON form), a byte array, `{ content }` and `{ content, encoding }`.
    let hello = [72, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100];
    for text in [
        format!(r#"{{"type": "Buffer", "data": {hello:?}}}"#),
        format!("{hello:?}"),
        r#"{"content": "Hello world"}"#.to_string(),
        r#"{"content": "SGVsbG8gd29ybGQ=", "encoding": "base64"}"#.to_string(),
        r#"{"content": {"type": "Buffer", "data": [72, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100]}}"#.to_string(),
    ] {
        let source = source(&format!(r#"{{"from": "a@example.com", "text": {text}, "html": {text}}}"#));
        assert_eq!(source.matches("\r\n\r\nHello world\r\n").count(), 2, "{text}: {source}");
    }
    // Bytes are sent as they are, in a part declared UTF-8: mime-node encodes
    // a Buffer in quoted-printable or base64 (never 7bit, which it gives a
    // string of plain text only), so é in Latin-1 stays the byte E9.
    let source = source(r#"{"from": "a@example.com", "text": {"type": "Buffer", "data": [99, 97, 102, 233]}}"#);
    assert!(source.contains("Content-Transfer-Encoding: quoted-printable\r\n") && source.contains("\r\n\r\ncaf=E9\r\n"), "{source}");
}

#[test]
fn a_body_given_as_a_part_object_is_rendered_as_nodemailer_renders_it() {
    // `{ raw }`: the part whole, in place of the HTML alternative (and the HTML of a related part).
    let related = source(
        r#"{"from":"a@example.com","text":"t","html":{"raw":"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Raw <b>HTML</b></p>"},"attachments":[{"filename":"a.png","content":"x","cid":"a@b"}]}"#,
    );
    assert!(related.contains("Content-Type: multipart/related; type=\"text/html\""), "{related}");
    assert!(related.contains("\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Raw <b>HTML</b></p>\r\n--"), "{related}");
    // headers, contentTransferEncoding and filename of the object are the part's, as for `alternatives`.
    let part = source(r#"{"from":"a@example.com","text":{"content":"x","headers":{"X-Part":"1"},"contentTransferEncoding":"base64","filename":"t.txt"}}"#);
    assert!(part.starts_with("X-Part: 1\r\nContent-Transfer-Encoding: base64\r\nFrom: a@example.com\r\nContent-Disposition: attachment; filename=t.txt\r\n"), "{part}");
    // A raw part that is the whole message: the fields set on the root are not in it, nor
    // does Nodemailer add Date or Message-ID, so they are missing, not "added by the mailer".
    let report = lint(r#"{"from":"a@example.com","subject":"Hi","amp":{"raw":"Content-Type: text/x-amp-html\r\n\r\n<html amp4email></html>"}}"#);
    assert_eq!(report.source.as_deref(), Some("Content-Type: text/x-amp-html\r\n\r\n<html amp4email></html>\r\n"));
    let missing = message_ids(&report, "headers/missing-field");
    assert!(missing.contains(&"headers/missing-field.no-message-id") && !missing.contains(&"headers/missing-field.mailer-adds"), "{missing:?}");
    // An unknown key of the object is named like those of parts.
    let report = lint(r#"{"from":"a@example.com","text":{"content":"x","contentTyp":"text/x-a"}}"#);
    assert!(report.findings.iter().any(|f| f.message.starts_with("text.contentTyp: not a Nodemailer message option; did you mean contentType?")));
}

#[test]
fn a_body_the_engine_cannot_read_is_refused_naming_the_field() {
    let refused = |json: &str| match Compose::from_json(json).and_then(|c| lint_compose(&c, &Options::default())) {
        Err(error @ LintError::InvalidInput(_)) => error.localized(mail_preflight::Locale::En),
        other => panic!("{json}: {other:?}"),
    };
    let path = refused(r#"{"html": {"path": "/tmp/mail.html"}}"#);
    assert!(path.contains("html") && path.contains("path and href cannot be read here"), "{path}");
    let encoding = refused(r#"{"text": {"content": "eA==", "encoding": "base65"}}"#);
    assert!(encoding.contains("text.encoding") && encoding.contains("base65") && encoding.contains("base64"), "{encoding}");
    // An object with no content, path, href or raw JavaScript finds true is the
    // content itself, which Nodemailer's stream cannot write (it throws).
    for json in [r#"{"text": {"content": ""}}"#, r#"{"amp": {"raw": ""}}"#, r#"{"html": {"headers": {"X-A": "1"}}}"#] {
        let text = refused(json);
        assert!(text.contains("is a stream or an object, which cannot be read here"), "{json}: {text}");
    }
}

/// Nodemailer's SMTP connection refuses a message whose envelope holds no
/// recipient ("No recipients defined", `EENVELOPE`): measured with Nodemailer
/// 7.0.13 against a local SMTP listener for each case below (the stop 68 note).
/// A message for no one at all stays a draft with no To (information).
#[test]
fn compose_input_nodemailer_refuses_for_want_of_a_recipient_is_an_error() {
    let refused = |json: &str| {
        let report = lint(json);
        report.findings.iter().find(|f| f.message_id == "headers/missing-field.no-recipient").map(|f| {
            assert_eq!(f.severity, Severity::Error, "{json}");
            (f.evidence.clone(), f.fix_id.clone())
        })
    };
    let fields = ("to, cc, bcc".to_string(), "headers/missing-field.fix-no-recipient".to_string());
    let envelope = ("envelope.to, envelope.cc, envelope.bcc".to_string(), "headers/missing-field.fix-no-recipient-envelope".to_string());
    for (json, expected) in [
        (r#"{"from":"a@example.com","to":"Site owner","text":"x"}"#, Some(&fields)),
        (r#"{"from":"a@example.com","to":"Team:;","text":"x"}"#, Some(&fields)),
        // An address without `@` in angle brackets is a name to addressparser (`[{address: '', name: 'abc'}]`).
        (r#"{"from":"a@example.com","to":"<abc>","text":"x"}"#, Some(&fields)),
        (r#"{"from":"a@example.com","to":["Site owner", {"name":"Team","group":[]}],"text":"x"}"#, Some(&fields)),
        (r#"{"from":"a@example.com","to":"b@example.com","envelope":{"from":"bounce@example.com"},"text":"x"}"#, Some(&envelope)),
        (r#"{"from":"a@example.com","to":"b@example.com","envelope":{"from":"a@example.com","to":5},"text":"x"}"#, Some(&envelope)),
        // `{ raw }` is how bytes are handed over as compose input (the plugin): not judged for recipients.
        (r#"{"raw":"From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n"}"#, None),
        (r#"{"raw":"From: a@example.com\r\nTo: b@example.com\r\n\r\nx\r\n","envelope":{"from":"a@example.com"}}"#, Some(&envelope)),
        (r#"{"from":"a@example.com","bcc":"b@example.com","text":"x"}"#, None),
        (r#"{"from":"a@example.com","headers":{"To":"b@example.com"},"text":"x"}"#, None),
        (r#"{"from":"a@example.com","to":"Team: b@example.com;","text":"x"}"#, None),
        (r#"{"from":"a@example.com","to":{"name":"B","address":"b@example.com"},"text":"x"}"#, None),
        (r#"{"from":"a@example.com","to":"b@example.com","envelope":{"from":"a@example.com","cc":["c@example.com"]},"text":"x"}"#, None),
        (r#"{"raw":"From: a@example.com\r\nTo: b@example.com\r\n\r\nx\r\n","envelope":{"from":"a@example.com","to":"b@example.com"}}"#, None),
        // Meant for no one: a draft, said by the missing To (information), not refused.
        (r#"{"from":"a@example.com","subject":"Draft","text":"x"}"#, None),
    ] {
        assert_eq!(refused(json).as_ref(), expected, "{json}");
    }
    let draft = lint(r#"{"from":"a@example.com","subject":"Draft","text":"x"}"#);
    assert_eq!(message_ids(&draft, "headers/missing-field"), ["headers/missing-field.no-to", "headers/missing-field.mailer-adds"]);
    // The refusal replaces the missing To's information.
    let report = lint(r#"{"from":"a@example.com","to":"Site owner","text":"x"}"#);
    assert!(!message_ids(&report, "headers/missing-field").contains(&"headers/missing-field.no-to"), "{:?}", report.findings);
}
