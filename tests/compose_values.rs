//! Values Nodemailer turns into text as JavaScript does (`String(value)`,
//! `(value || '').toString()`), rendered as it writes them, and the values it
//! would drop without a word or cannot write, refused naming the field. Each
//! expectation was read in Nodemailer 7.0.13 (lib/mime-node, lib/mail-composer,
//! lib/mailer/mail-message.js) and checked by running it; byte-for-byte
//! agreement is tests/node/compose-rendering.test.mjs.

use mail_preflight::{lint_compose, Compose, LintError, Locale, Options, Report};

fn lint(json: &str) -> Report {
    lint_compose(&Compose::from_json(json).unwrap_or_else(|e| panic!("{json}: {e:?}")), &Options::default()).unwrap()
}

fn source(json: &str) -> String {
    lint(json).source.unwrap()
}

/// The refusal of `json`, in `locale`.
fn refusal(json: &str, locale: Locale) -> String {
    match Compose::from_json(json).and_then(|c| lint_compose(&c, &Options::default())) {
        Err(error @ LintError::InvalidInput(_)) => error.localized(locale),
        other => panic!("{json}: {other:?}"),
    }
}

#[test]
fn a_number_subject_is_written_as_javascript_writes_it() {
    assert!(source(r#"{"from":"a@example.com","subject":123,"text":"x"}"#).contains("\r\nSubject: 123\r\n"));
    assert!(source(r#"{"from":"a@example.com","subject":1e21,"text":"x"}"#).contains("\r\nSubject: 1e+21\r\n"));
    assert!(source(r#"{"from":"a@example.com","subject":0.5,"text":"x"}"#).contains("\r\nSubject: 0.5\r\n"));
    assert!(source(r#"{"from":"a@example.com","subject":true,"text":"x"}"#).contains("\r\nSubject: true\r\n"));
    // 0 and false are false to JavaScript: `if (this.mail.subject)` sets no field.
    for falsy in ["0", "false"] {
        let report = lint(&format!(r#"{{"from":"a@example.com","subject":{falsy},"text":"x"}}"#));
        assert!(!report.source.as_deref().unwrap().contains("Subject"), "{falsy}");
        assert!(report.findings.iter().any(|f| f.rule_id == "spam/missing-subject"), "{falsy}");
    }
}

#[test]
fn numbers_in_ids_priority_and_x_mailer_are_texts_too() {
    let source = source(r#"{"from":"a@example.com","text":"x","messageId":42,"inReplyTo":7,"references":["a@x",5,""],"xMailer":5}"#);
    assert!(source.contains("\r\nMessage-ID: <42>\r\n"), "{source}");
    assert!(source.contains("\r\nIn-Reply-To: <7>\r\n"), "{source}");
    // An empty reference is written `<>` (`''.split(/\s+/)` is `['']`).
    assert!(source.contains("\r\nReferences: <a@x> <5> <>\r\n"), "{source}");
    assert!(source.contains("\r\nX-Mailer: 5\r\n"), "{source}");
    // A number priority is none of high, normal or low: MailMessage sets no field.
    let priority = source_without_priority(r#"{"from":"a@example.com","text":"x","priority":1}"#);
    assert!(!priority.contains("Priority") && !priority.contains("Importance"), "{priority}");
}

fn source_without_priority(json: &str) -> String {
    let report = lint(json);
    assert!(report.findings.iter().all(|f| f.rule_id != "spam/priority-header"));
    report.source.unwrap()
}

#[test]
fn a_list_or_an_object_where_one_text_goes_is_refused_in_every_language() {
    // mime-node writes no field for them: the value would vanish without a word.
    for field in ["inReplyTo", "subject", "messageId"] {
        let json = format!(r#"{{"from":"a@example.com","text":"x","{field}":["<a@example.com>"]}}"#);
        for (locale, said) in [
            (Locale::En, format!("{field} is a list; it must be a text (Nodemailer writes no field for a list or an object).")),
            (Locale::Fr, format!("{field} est une liste ; il faut un texte (Nodemailer n'écrit aucun champ pour une liste ou un objet).")),
            (Locale::Es, format!("{field} es una lista; debe ser un texto (Nodemailer no escribe ningún campo para una lista o un objeto).")),
            (Locale::Pl, format!("{field} to lista; wymagane: tekst (dla listy ani obiektu Nodemailer nie zapisuje żadnego pola).")),
        ] {
            let text = refusal(&json, locale);
            assert!(text.ends_with(&said), "{text}");
        }
    }
    let object = refusal(r#"{"from":"a@example.com","text":"x","inReplyTo":{"id":"a@example.com"}}"#, Locale::En);
    assert!(object.ends_with("inReplyTo is an object; it must be a text (Nodemailer writes no field for a list or an object)."), "{object}");
}

#[test]
fn header_lists_mix_texts_numbers_and_objects_one_field_each() {
    let source = source(
        r#"{"from":"a@example.com","text":"x","headers":{"X-A":["a",{"value":"b  c","prepared":true},5,0,true,["d",["e"]],{"foo":1},null],"X-B":{"value":7}}}"#,
    );
    assert!(source.starts_with("X-A: a\r\nX-A: b  c\r\nX-A: 5\r\nX-A: true\r\nX-A: d\r\nX-A: e\r\nX-B: 7\r\nFrom: a@example.com\r\n"), "{source}");
    // An empty value keeps its place: the subject set later replaces it there, as mime-node's setHeader does.
    let source = self::source(r#"{"from":"a@example.com","subject":"Hi","text":"x","headers":[{"key":"Subject","value":0},{"key":"X-A","value":"1"}]}"#);
    assert!(source.starts_with("Subject: Hi\r\nX-A: 1\r\n"), "{source}");
    let refused = refusal(r#"{"text":"x","headers":{"X-A":["a",{"value":["b"]}]}}"#, Locale::En);
    assert!(refused.contains("headers.X-A[1].value is a list; it must be a text."), "{refused}");
}

#[test]
fn list_values_nodemailer_reads_as_no_url_make_no_field() {
    // 0, false, true, a number, null: no URL (`[].concat(0 || [])` is empty; a number is no string and has no url).
    let source = source(r#"{"from":"a@example.com","text":"x","list":{"unsubscribe":0,"help":[5,"help@example.com",null],"post":true}}"#);
    assert!(source.contains("\r\nList-Help: <mailto:help@example.com>\r\n"), "{source}");
    assert!(!source.contains("List-Unsubscribe") && !source.contains("List-Post"), "{source}");
}

#[test]
fn list_values_nodemailer_cannot_write_are_refused_by_path() {
    // A third level of lists: MailMessage reads two, the URLs of a third are left out.
    let deep = refusal(r#"{"text":"x","list":{"unsubscribe":[[["https://example.com/u"]]]}}"#, Locale::En);
    assert!(
        deep.ends_with("list.unsubscribe[0][0] is a list; it must be a URL or { url, comment } (Nodemailer leaves out the URLs of a list nested deeper)."),
        "{deep}"
    );
    for locale in [Locale::Fr, Locale::Es, Locale::Pl] {
        let text = refusal(r#"{"text":"x","list":{"unsubscribe":[[["https://example.com/u"]]]}}"#, locale);
        assert!(text.contains("list.unsubscribe[0][0]") && text.contains("Nodemailer") && !text.contains("leaves out"), "{text}");
    }
    // `_formatListUrl` calls `url.replace`: a number throws.
    let url = refusal(r#"{"text":"x","list":{"unsubscribe":{"url":5}}}"#, Locale::En);
    assert!(url.ends_with("list.unsubscribe.url is a number (5); it must be a text."), "{url}");
    // A number comment becomes an empty encoded word (`=?UTF-8?Q??=`): the number is lost.
    let comment = refusal(r#"{"text":"x","list":{"help":["h@example.com",{"url":"u@example.com","comment":5}]}}"#, Locale::En);
    assert!(comment.ends_with("list.help[1].comment is a number (5); it must be a text."), "{comment}");
}

#[test]
fn a_hundred_thousand_unsubscribe_urls_are_refused_naming_list_unsubscribe() {
    let urls = vec!["\"https://example.com/u\""; 100_000].join(",");
    for (json, path) in [
        (format!(r#"{{"text":"x","list":{{"unsubscribe":[{urls}]}}}}"#), "list.unsubscribe: 100,000 entries"),
        (format!(r#"{{"text":"x","list":{{"unsubscribe":[[{urls}]]}}}}"#), "list.unsubscribe[0]: 100,000 entries"),
    ] {
        let text = refusal(&json, Locale::En);
        assert!(text.starts_with(&format!("The message fields are not valid: {path}, at most 100.")), "{text}");
    }
}

const BULK: &str = r#""from":"news@example.com","to":"b@example.org","subject":"News","text":"Hello","headers":{"Precedence":"bulk"}"#;

fn ids(report: &Report, rule: &str) -> Vec<String> {
    report.findings.iter().filter(|f| f.rule_id == rule).map(|f| f.message_id.clone()).collect()
}

#[test]
fn list_unsubscribe_post_is_said_and_the_rfc_8058_rule_sees_what_nodemailer_writes() {
    // Nodemailer writes `List-Unsubscribepost: <http://List-Unsubscribe=One-Click>`: no
    // List-Unsubscribe-Post at all, so bulk/one-click finds it missing.
    let report = lint(&format!(
        r#"{{{BULK},"list":{{"unsubscribe":"https://example.com/u/1","unsubscribePost":"List-Unsubscribe=One-Click"}}}}"#
    ));
    let source = report.source.as_deref().unwrap();
    assert!(source.contains("\r\nList-Unsubscribepost: <http://List-Unsubscribe=One-Click>\r\n"), "{source}");
    assert_eq!(ids(&report, "bulk/one-click"), ["bulk/one-click.missing"]);
    let note: Vec<_> = report.findings.iter().filter(|f| f.message_id == "headers/compose-option.unsubscribe-post").collect();
    assert_eq!(note.len(), 1, "{:?}", report.findings);
    assert!(
        note[0].message.starts_with("list.unsubscribePost: Nodemailer writes every list entry as a URL in angle brackets, in a field named after the key (List-Unsubscribepost: <http://List-Unsubscribe=One-Click>)"),
        "{}",
        note[0].message
    );
    assert!(note[0].fix.contains("headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }"));
    // `unsubscribe-post` makes the field, with a URL for value: bulk/one-click says the value is wrong.
    let report = lint(&format!(
        r#"{{{BULK},"list":{{"unsubscribe":"https://example.com/u/1","unsubscribe-post":"List-Unsubscribe=One-Click"}}}}"#
    ));
    assert!(report.source.as_deref().unwrap().contains("\r\nList-Unsubscribe-Post: <http://List-Unsubscribe=One-Click>\r\n"));
    assert_eq!(ids(&report, "bulk/one-click"), ["bulk/one-click.wrong"]);
    assert_eq!(ids(&report, "headers/compose-option"), ["headers/compose-option.unsubscribe-post"]);
    // An entry that makes no field is said too.
    let none = lint(r#"{"from":"a@example.com","text":"x","list":{"unsubscribe_post":true}}"#);
    assert_eq!(ids(&none, "headers/compose-option"), ["headers/compose-option.unsubscribe-post-none"]);
    // The field set with `headers`, as RFC 8058 writes it: no note, one-click is met.
    let report = lint(&format!(
        r#"{{"from":"news@example.com","to":"b@example.org","subject":"News","text":"Hello","headers":{{"Precedence":"bulk","List-Unsubscribe-Post":"List-Unsubscribe=One-Click"}},"list":{{"unsubscribe":"https://example.com/u/1"}}}}"#
    ));
    assert!(ids(&report, "bulk/one-click").is_empty() && ids(&report, "headers/compose-option").is_empty(), "{:?}", report.findings);
}

#[test]
fn headers_given_as_one_key_value_object_make_one_field_as_add_header_does() {
    // mime-node `addHeader`: `key.key && key.value` both true → that one field.
    let source = self::source(r#"{"from":"a@example.com","text":"x","headers":{"key":"X-Campaign","value":"spring-2026"}}"#);
    assert!(source.starts_with("X-Campaign: spring-2026\r\nFrom: a@example.com\r\n"), "{source}");
    let source = self::source(r#"{"from":"a@example.com","text":"x","headers":{"key":"x-a","value":["1",2],"other":"not read"}}"#);
    assert!(source.starts_with("X-A: 1\r\nX-A: 2\r\nFrom: a@example.com\r\n"), "{source}");
    let source = self::source(r#"{"from":"a@example.com","text":"x","headers":{"key":"X-A","value":{"value":"a  b","prepared":true}}}"#);
    assert!(source.starts_with("X-A: a  b\r\nFrom: a@example.com\r\n"), "{source}");
    // A value JavaScript finds false: an object of fields, one per member (Nodemailer writes `Key: X-A`).
    let source = self::source(r#"{"from":"a@example.com","text":"x","headers":{"key":"X-A","value":""}}"#);
    assert!(source.starts_with("Key: X-A\r\nFrom: a@example.com\r\n"), "{source}");
    // On an attachment too.
    let source = self::source(r#"{"from":"a@example.com","text":"x","attachments":[{"filename":"a.txt","content":"x","headers":{"key":"X-Part","value":"1"}}]}"#);
    assert!(source.contains("\r\nContent-Type: text/plain; name=a.txt\r\nX-Part: 1\r\n"), "{source}");
}

#[test]
fn a_date_given_as_a_number_or_a_text_is_written_as_nodemailer_writes_it() {
    // mime-node writes a date that is no Date object with `(value || '').toString()`.
    let report = lint(r#"{"from":"a@example.com","to":"b@example.com","subject":"Order 12","text":"x","date":1700000000000}"#);
    assert!(report.source.as_deref().unwrap().contains("\r\nDate: 1700000000000\r\n"));
    // What Nodemailer sends is no RFC 5322 date, and headers/date says so.
    assert!(report.findings.iter().any(|f| f.message_id == "headers/date.invalid" && f.evidence == "1700000000000"), "{:?}", report.findings);
    assert!(source(r#"{"from":"a@example.com","text":"x","date":"2026-03-01T10:00:00Z"}"#).contains("\r\nDate: 2026-03-01T10:00:00Z\r\n"));
    assert!(source(r#"{"from":"a@example.com","text":"x","date":"Środa"}"#).contains("\r\nDate: =?UTF-8?Q?=C5=9Aroda?=\r\n"));
    assert!(source(r#"{"from":"a@example.com","text":"x","date":true}"#).contains("\r\nDate: true\r\n"));
    // 0 and "" are no date: Nodemailer writes its own, which the source leaves out.
    for none in ["0", "\"\"", "null"] {
        let source = source(&format!(r#"{{"from":"a@example.com","text":"x","date":{none}}}"#));
        assert!(!source.contains("Date:"), "{none}: {source}");
    }
    let refused = refusal(r#"{"from":"a@example.com","text":"x","date":["2026-03-01"]}"#, Locale::En);
    assert!(refused.ends_with("date is a list; it must be a text (Nodemailer writes no field for a list or an object)."), "{refused}");
}

#[test]
fn a_part_with_path_or_href_and_content_is_refused_as_nodemailer_sends_the_file() {
    // mail-composer: `raw`, else `path`, else `href`, else `content`.
    for (json, path) in [
        (r#"{"text":"x","attachments":[{"filename":"a.txt","path":"/srv/a.txt","content":"inline"}]}"#, "attachments[0]"),
        (r#"{"text":"x","attachments":[{"filename":"a.txt","href":"https://example.com/a.txt","content":"inline"}]}"#, "attachments[0]"),
        (r#"{"text":"x","alternatives":[{"path":"/srv/a.html","content":"<p>a</p>"}]}"#, "alternatives[0]"),
        (r#"{"text":{"path":"/srv/a.txt","content":"inline"}}"#, "text"),
        (r#"{"text":"x","icalEvent":{"path":"/srv/e.ics","content":"BEGIN:VCALENDAR"}}"#, "icalEvent"),
    ] {
        let text = refusal(json, Locale::En);
        assert!(
            text.ends_with(&format!("{path}: content is given with path or href, and Nodemailer sends the file or URL they name, not content; they cannot be read here: remove path and href to send content.")),
            "{text}"
        );
        for locale in [Locale::Fr, Locale::Es, Locale::Pl] {
            let text = refusal(json, locale);
            assert!(text.contains(path) && text.contains("content") && !text.contains("Nodemailer sends"), "{text}");
        }
    }
    // An empty path is none to JavaScript: content is sent.
    let source = source(r#"{"from":"a@example.com","text":"x","attachments":[{"filename":"a.txt","path":"","content":"inline"}]}"#);
    assert!(source.contains("\r\naW5saW5l\r\n"), "{source}");
    // raw comes before path.
    let source = self::source(r#"{"from":"a@example.com","text":"x","attachments":[{"raw":"Content-Type: text/plain\r\n\r\nrawpart","path":"/srv/a.txt"}]}"#);
    assert!(source.contains("\r\nContent-Type: text/plain\r\n\r\nrawpart\r\n"), "{source}");
}

/// A byte view that is not a Buffer (the package hands a plain `Uint8Array` over
/// as `{"type":"Uint8Array","data":…}`): mime-node cannot look into it, so a text
/// part is quoted-printable (base64 with `textEncoding: 'base64'`), even plain
/// ASCII, where a Buffer's is chosen by content; an attachment is base64 either way.
#[test]
fn a_byte_view_that_is_no_buffer_makes_a_quoted_printable_text_part() {
    let bytes = "[197,188,195,179,197,130,196,135]"; // "żółć": a Buffer of it is base64 (more non-Latin letters)
    let view = source(&format!(r#"{{"from":"a@example.com","text":{{"type":"Uint8Array","data":{bytes}}}}}"#));
    assert!(view.contains("Content-Transfer-Encoding: quoted-printable\r\n") && view.contains("\r\n\r\n=C5=BC=C3=B3=C5=82=C4=87\r\n"), "{view}");
    let buffer = source(&format!(r#"{{"from":"a@example.com","text":{{"type":"Buffer","data":{bytes}}}}}"#));
    assert!(buffer.contains("Content-Transfer-Encoding: base64\r\n"), "{buffer}");
    let ascii = source(r#"{"from":"a@example.com","text":{"type":"Uint8Array","data":[104,105]}}"#);
    assert!(ascii.contains("Content-Transfer-Encoding: quoted-printable\r\n") && ascii.contains("\r\n\r\nhi\r\n"), "{ascii}");
    let b = source(&format!(r#"{{"from":"a@example.com","textEncoding":"base64","html":{{"type":"Uint8Array","data":{bytes}}}}}"#));
    assert!(b.contains("Content-Transfer-Encoding: base64\r\n"), "{b}");
    let attachment = source(&format!(
        r#"{{"from":"a@example.com","text":"x","attachments":[{{"filename":"a.txt","content":{{"type":"Uint8Array","data":{bytes}}}}}]}}"#
    ));
    let attachment = &attachment[attachment.find("name=a.txt").unwrap()..];
    assert!(attachment.contains("Content-Transfer-Encoding: base64\r\n"), "{attachment}");
}
