//! The `headers/*` rules, one test per stated behaviour (issue 3, SPEC §2 Headers).

use mail_preflight::report::Finding;
use mail_preflight::{lint, lint_compose, lint_php_mail, Compose, Options, PhpMail, Report, Severity};

const HEAD: &str = "From: a@example.com\r\nTo: b@example.com\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <1@example.com>\r\nSubject: Hi\r\n";

fn raw(text: &str) -> Report {
    lint(text.as_bytes(), &Options::default()).unwrap()
}

fn raw_bytes(bytes: &[u8]) -> Report {
    lint(bytes, &Options::default()).unwrap()
}

/// A complete message: the common header, `extra` header lines, then `body`.
fn with(extra: &str, body: &str) -> Report {
    raw(&format!("{HEAD}{extra}\r\n{body}"))
}

fn of<'r>(report: &'r Report, rule: &str) -> Vec<&'r Finding> {
    report.findings.iter().filter(|f| f.rule_id == rule).collect()
}

fn message_ids(report: &Report, rule: &str) -> Vec<String> {
    of(report, rule).iter().map(|f| f.message_id.clone()).collect()
}

fn php(to: &str, subject: &str, message: &str, headers: &str) -> Report {
    lint_php_mail(&PhpMail::new(to, subject, message, headers), &Options::default()).unwrap()
}

#[test]
fn a_complete_message_has_no_header_findings() {
    let report = with("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n", "Hello\r\n");
    let header_findings: Vec<_> = report.findings.iter().filter(|f| f.rule_id.starts_with("headers/")).collect();
    assert!(header_findings.is_empty(), "{header_findings:?}");
}

#[test]
fn a_missing_from_is_an_error_and_a_missing_date_a_warning() {
    // Gmail refuses a message without From; filters score a missing Date (SpamAssassin MISSING_DATE).
    let report = raw("To: b@example.com\r\nMessage-ID: <1@example.com>\r\nSubject: Hi\r\n\r\nHello\r\n");
    let missing = of(&report, "headers/missing-field");
    assert_eq!(missing.len(), 2);
    assert_eq!(missing.iter().map(|f| f.severity).collect::<Vec<_>>(), vec![Severity::Error, Severity::Warning]);
    assert_eq!(missing[0].params["field"], mail_preflight::i18n::Param::Text("From".into()));
}

#[test]
fn a_missing_message_id_is_an_error_and_a_missing_to_is_info() {
    // Gmail: "Messages missing a valid messageId header are not accepted".
    let report = raw("From: a@example.com\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\nSubject: Hi\r\n\r\nHello\r\n");
    let severities: Vec<_> =
        of(&report, "headers/missing-field").iter().map(|f| (f.message_id.as_str(), f.severity)).collect();
    assert_eq!(
        severities,
        vec![
            ("headers/missing-field.no-message-id", Severity::Error),
            ("headers/missing-field.no-to", Severity::Info)
        ]
    );
}

#[test]
fn the_mailer_added_fields_are_said_as_info_for_php_and_compose() {
    let report = php("b@example.com", "Hi", "Hello", "From: a@example.com");
    let missing = of(&report, "headers/missing-field");
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].message_id, "headers/missing-field.mailer-adds");
    assert_eq!(missing[0].severity, Severity::Info);
    assert!(missing[0].evidence.contains("Date") && missing[0].evidence.contains("Message-ID"));
    let compose =
        Compose::from_json(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"Hello"}"#).unwrap();
    let report = lint_compose(&compose, &Options::default()).unwrap();
    assert_eq!(message_ids(&report, "headers/missing-field"), vec!["headers/missing-field.mailer-adds"]);
}

#[test]
fn fields_allowed_once_are_errors_when_repeated() {
    let report = with("Subject: Second\r\n", "Hello\r\n");
    let found = of(&report, "headers/duplicate-field");
    assert_eq!(found.len(), 1);
    assert!(found[0].evidence.contains("Second"));
}

#[test]
fn several_from_mailboxes_need_a_single_sender() {
    let report = raw("From: a@example.com, c@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n");
    assert_eq!(message_ids(&report, "headers/sender-required"), vec!["headers/sender-required.missing"]);
    let report = raw(
        "From: a@example.com, c@example.com\r\nSender: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n",
    );
    assert!(of(&report, "headers/sender-required").is_empty());
}

#[test]
fn a_malformed_address_is_an_error_located_at_its_exact_bytes() {
    let text = "From: a..b@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n";
    let report = raw(text);
    let found = of(&report, "headers/address-syntax");
    assert_eq!(found.len(), 1);
    let location = &found[0].location;
    assert_eq!(location.header.as_deref(), Some("From"));
    let (start, end) = (location.start.unwrap(), location.end.unwrap());
    assert_eq!(&text[start..end], ".", "points at the second dot");
    assert_eq!((location.line, location.column), (Some(1), Some(9)));
}

#[test]
fn obsolete_address_forms_are_info() {
    let report =
        raw("From: J. Smith <j@example.com>\r\nTo: <@relay.example:b@example.com>\r\nSubject: Hi\r\n\r\nx\r\n");
    let found = of(&report, "headers/address-syntax");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| f.severity == Severity::Info));
}

#[test]
fn a_group_in_from_is_an_error() {
    let report = raw("From: Team: a@example.com;\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n");
    assert!(message_ids(&report, "headers/address-syntax")
        .contains(&"headers/address-syntax.group-not-allowed".to_string()));
}

#[test]
fn only_a_broken_from_is_an_error_other_address_fields_are_warnings() {
    // Gmail is documented to refuse an unreadable From; no receiver a broken Sender or Reply-To.
    let severities = |head: &str| {
        let report = raw(&format!("{head}To: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n"));
        of(&report, "headers/address-syntax").iter().map(|f| f.severity).collect::<Vec<_>>()
    };
    assert_eq!(severities("From: Alice <a@example.com\r\n"), vec![Severity::Error]);
    assert_eq!(severities("From: a@example.com\r\nSender: Relay <r@example.com\r\n"), vec![Severity::Warning]);
    assert_eq!(severities("From: a@example.com\r\nReply-To: Help <h@example.com\r\n"), vec![Severity::Warning]);
    assert_eq!(severities("From: a@example.com\r\nSender: Team: r@example.com;\r\n"), vec![Severity::Warning]);
    assert_eq!(severities("From: Team: a@example.com;\r\n"), vec![Severity::Error]);
}

/// PHPMailer's addCustomHeader('Sender', 'Tienda Muñoz <tienda@…>'): the whole value Q-encoded.
const ENCODED_SENDER: &str = "Sender: =?utf-8?Q?Tienda_Mu=C3=B1oz_<tienda@talleres-munoz.example.e?=\r\n =?utf-8?Q?s>?=\r\n";

#[test]
fn an_address_inside_encoded_words_is_one_finding_that_says_so() {
    let report = raw(&format!("From: jose@talleres-munoz.example.es\r\n{ENCODED_SENDER}To: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n"));
    let found = of(&report, "headers/address-syntax");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].message_id.as_str(), found[0].severity), ("headers/address-syntax.encoded", Severity::Warning));
    assert!(found[0].message.contains("RFC 2047 §5 (3)"), "{}", found[0].message);
    assert!(found[0].evidence.starts_with("=?utf-8?Q?Tienda_Mu=C3=B1oz_<tienda@"), "{}", found[0].evidence);
    assert_eq!(found[0].fix_id, "headers/address-syntax.fix-encoded");
    // The unclosed-looking word is a piece of the same encoding: not a second finding.
    assert!(of(&report, "headers/encoded-word").is_empty(), "{:#?}", of(&report, "headers/encoded-word"));
    // In From it is an error, as any From that does not read.
    let from = raw("From: =?utf-8?B?0JzQsNGA0LjRjyA8bWFyaWFAZXhhbXBsZS5ydT4=?=\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n");
    let found = of(&from, "headers/address-syntax");
    assert_eq!(found.iter().map(|f| (f.message_id.as_str(), f.severity)).collect::<Vec<_>>(), vec![("headers/address-syntax.encoded", Severity::Error)]);
    for locale in ["fr", "es", "pl"] {
        let options = Options::from_json(&format!(r#"{{"locale": "{locale}"}}"#)).unwrap();
        let text = format!("From: a@example.com\r\n{ENCODED_SENDER}To: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n");
        let report = lint(text.as_bytes(), &options).unwrap();
        let found = of(&report, "headers/address-syntax");
        assert!(found[0].message.contains("RFC 2047 §5 (3)") && !found[0].message.contains("{"), "{locale}: {}", found[0].message);
    }
}

#[test]
fn an_empty_transfer_encoding_says_the_field_is_empty_and_the_body_is_read_as_7bit() {
    // Ruby's mail writes an empty Content-Transfer-Encoding on a forwarded message/rfc822 part.
    let forwarded = |inner: &str| {
        with(
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n",
            &format!("--b\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: \r\n\r\nFrom: c@example.com\r\nSubject: Hi\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{inner}\r\n--b--\r\n"),
        )
    };
    let report = forwarded("Hello");
    let found = of(&report, "headers/transfer-encoding");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].message_id.as_str(), found[0].severity), ("headers/transfer-encoding.empty", Severity::Info));
    assert_eq!(found[0].evidence, "Content-Transfer-Encoding: ");
    assert!(!found[0].message.contains("\"\""), "{}", found[0].message);
    // 8-bit text under the 7bit the empty field leaves is said as for a missing field.
    let eight_bit = forwarded("Gr\u{fc}\u{df}e");
    assert_eq!(
        message_ids(&eight_bit, "headers/transfer-encoding"),
        vec!["headers/transfer-encoding.empty", "headers/transfer-encoding.eight-bit-in-7bit"]
    );
}

#[test]
fn a_local_part_over_64_octets_and_a_label_over_63_are_errors() {
    let report = raw(&format!(
        "From: {}@example.com\r\nTo: b@{}.com\r\nSubject: Hi\r\n\r\nx\r\n",
        "a".repeat(65),
        "b".repeat(64)
    ));
    assert_eq!(
        message_ids(&report, "headers/address-length"),
        vec!["headers/address-length.local-part", "headers/address-length.label"]
    );
}

#[test]
fn an_invalid_idn_is_an_error_and_a_valid_one_passes() {
    assert_eq!(
        of(&raw("From: a@xn--zz.example\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n"), "headers/address-idn")
            .len(),
        1
    );
    assert!(of(
        &raw("From: a@b\u{fc}cher.example\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n"),
        "headers/address-idn"
    )
    .is_empty());
}

/// The severity of `rule`'s finding on `field` in a message whose only broken
/// address is `address` in `field`.
fn address_severity(field: &str, address: &str, rule: &str) -> Severity {
    let (from, extra) = if field == "From" { (address, String::new()) } else { ("a@example.com", format!("{field}: {address}\r\n")) };
    let report = raw(&format!("From: {from}\r\n{extra}To: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n"));
    let found = of(&report, rule);
    assert_eq!(found.len(), 1, "{field}: {address}: {:?}", message_ids(&report, rule));
    found[0].severity
}

#[test]
fn an_address_receivers_cannot_use_is_an_error_in_from_alone_as_for_address_syntax() {
    // One decision for the three rules: a refusal is documented for an unusable From
    // (Gmail), none for Sender, Reply-To or a recipient (README, headers/address-syntax).
    let long = format!("{}@example.com", "a".repeat(65));
    let cases = [
        ("headers/address-syntax", "a..b@example.com"),
        ("headers/address-length", long.as_str()),
        ("headers/address-idn", "a@xn--zz.example"),
    ];
    for (rule, address) in cases {
        assert_eq!(address_severity("From", address, rule), Severity::Error, "{rule} in From");
        for field in ["Sender", "Reply-To", "Cc"] {
            assert_eq!(address_severity(field, address, rule), Severity::Warning, "{rule} in {field}");
        }
    }
}

fn date_report(date: &str, options: &Options) -> Report {
    let text = format!("From: a@example.com\r\nTo: b@example.com\r\nDate:{date}\r\nSubject: Hi\r\n\r\nx\r\n");
    lint(text.as_bytes(), options).unwrap()
}

#[test]
fn a_date_that_is_not_rfc_5322_is_an_error() {
    let report = date_report(" 2026-03-02T10:00:00Z", &Options::default());
    assert_eq!(message_ids(&report, "headers/date"), vec!["headers/date.invalid"]);
}

#[test]
fn a_weekday_that_does_not_match_the_date_is_an_error() {
    let report = date_report(" Fri, 2 Mar 2026 10:00:00 +0100", &Options::default());
    let found = of(&report, "headers/date");
    assert_eq!(found[0].message_id, "headers/date.weekday-mismatch");
    assert!(found[0].message.contains("Mon"));
}

#[test]
fn obsolete_zones_and_two_digit_years_are_info() {
    let report = date_report(" Mon, 2 Mar 26 10:00:00 GMT", &Options::default());
    let found = of(&report, "headers/date");
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| f.severity == Severity::Info && f.message_id == "headers/date.obsolete"));
}

#[test]
fn a_one_digit_hour_is_read_and_only_noted() {
    let report = date_report(" Mon, 2 Mar 2026 9:05:00 +0100", &Options::default());
    let found = of(&report, "headers/date");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].message_id.as_str(), found[0].severity), ("headers/date.obsolete", Severity::Info));
}

#[test]
fn dates_far_from_now_are_flagged_with_configurable_thresholds() {
    let now = Options::from_json(r#"{"now": 1772442000}"#).unwrap();
    assert_eq!(
        message_ids(&date_report(" Wed, 4 Mar 2026 10:00:00 +0100", &now), "headers/date"),
        vec!["headers/date.future"]
    );
    assert_eq!(
        message_ids(&date_report(" Mon, 23 Feb 2026 10:00:00 +0100", &now), "headers/date"),
        vec!["headers/date.past"]
    );
    assert!(of(&date_report(" Mon, 2 Mar 2026 08:00:00 +0100", &now), "headers/date").is_empty());
    let lenient =
        Options::from_json(r#"{"now": 1772442000, "thresholds": {"headers": {"maxDatePastSeconds": 2000000}}}"#)
            .unwrap();
    assert!(of(&date_report(" Mon, 23 Feb 2026 10:00:00 +0100", &lenient), "headers/date").is_empty());
}

#[test]
fn without_now_no_date_is_judged_too_old() {
    assert!(of(&date_report(" Mon, 1 Jan 1990 10:00:00 +0100", &Options::default()), "headers/date").is_empty());
}

#[test]
fn message_id_in_reply_to_and_references_need_angle_bracket_ids() {
    let report = raw("From: a@example.com\r\nTo: b@example.com\r\nMessage-ID: 12345\r\nIn-Reply-To: <ok@example.com>\r\nReferences: <a@b> <broken>\r\nSubject: Hi\r\n\r\nx\r\n");
    let headers: Vec<_> =
        of(&report, "headers/message-id").iter().map(|f| f.location.header.clone().unwrap()).collect();
    assert_eq!(headers, vec!["Message-ID", "References"]);
}

#[test]
fn a_field_name_with_a_space_is_a_warning_and_space_before_colon_info() {
    let report = with("X Mailer: Form\r\nComments : hi\r\n", "x\r\n");
    let found: Vec<_> = of(&report, "headers/field-name").iter().map(|f| (f.message_id.as_str(), f.severity)).collect();
    assert_eq!(
        found,
        vec![
            ("headers/field-name.bad-character", Severity::Warning),
            ("headers/field-name.space-before-colon", Severity::Info)
        ]
    );
}

#[test]
fn a_header_line_without_colon_is_reported() {
    let report = with("this is not a header\r\n", "x\r\n");
    assert_eq!(message_ids(&report, "headers/field-name"), vec!["headers/field-name.not-a-field"]);
}

#[test]
fn a_bare_cr_is_an_error() {
    let report = raw_bytes(b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\rthere\r\n\r\nx\r\n");
    let found = of(&report, "headers/line-breaks");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].location.start, Some(51));
}

#[test]
fn a_bare_lf_in_a_crlf_message_is_an_error_but_an_lf_only_message_is_fine() {
    assert_eq!(
        message_ids(&raw("From: a@example.com\r\nTo: b@example.com\nSubject: Hi\r\n\r\nx\r\n"), "headers/line-breaks"),
        vec!["headers/line-breaks.mixed"]
    );
    assert!(of(&raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nx\n"), "headers/line-breaks").is_empty());
}

#[test]
fn a_nul_byte_is_an_error() {
    assert_eq!(
        message_ids(
            &raw_bytes(b"From: a@example.com\r\nTo: b@example.com\r\nSubject: H\0i\r\n\r\nx\r\n"),
            "headers/nul-byte"
        ),
        vec!["headers/nul-byte.in-header"]
    );
}

#[test]
fn raw_utf8_in_a_header_is_info_and_other_8bit_a_warning() {
    let utf8 = raw("From: a@example.com\r\nTo: b@example.com\r\nSubject: Caf\u{e9}\r\n\r\nx\r\n");
    assert_eq!(of(&utf8, "headers/raw-8bit")[0].severity, Severity::Info);
    let latin1 = raw_bytes(b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Caf\xe9\r\n\r\nx\r\n");
    assert_eq!(of(&latin1, "headers/raw-8bit")[0].severity, Severity::Warning);
}

#[test]
fn broken_encoded_words_are_errors() {
    for subject in ["=?utf-8?B?SGVsbG8?=", "=?utf-8?Q?a=ZZ?=", "=?nope-charset?Q?a?=", "=?utf-8?Q?open ended"] {
        let report = raw(&format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: {subject}\r\n\r\nx\r\n"));
        assert_eq!(of(&report, "headers/encoded-word").len(), 1, "{subject}");
    }
}

#[test]
fn rfc_2231_parameter_errors_are_reported() {
    let report = with("MIME-Version: 1.0\r\nContent-Type: application/pdf; name*0=a; name*2=b\r\n", "x\r\n");
    assert_eq!(of(&report, "headers/parameter-encoding").len(), 1);
}

#[test]
fn mime_fields_without_mime_version_are_a_warning() {
    let report = with("Content-Type: text/html; charset=utf-8\r\n", "<p>x</p>\r\n");
    let found = of(&report, "headers/mime-version");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
}

#[test]
fn content_type_syntax_errors_are_reported() {
    let report = with("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\r\n", "x\r\n");
    assert_eq!(of(&report, "headers/content-type").len(), 1);
}

#[test]
fn multipart_boundary_problems_are_reported() {
    let missing = with("MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n", "--X\r\n\r\nx\r\n--X--\r\n");
    assert_eq!(message_ids(&missing, "headers/multipart-boundary"), vec!["headers/multipart-boundary.missing"]);
    let unused =
        with("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=Y\r\n", "--X\r\n\r\nx\r\n--X--\r\n");
    assert_eq!(message_ids(&unused, "headers/multipart-boundary"), vec!["headers/multipart-boundary.unused"]);
    let open = with("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n", "--X\r\n\r\nx\r\n");
    assert_eq!(message_ids(&open, "headers/multipart-boundary"), vec!["headers/multipart-boundary.no-close"]);
    let b = "b".repeat(71);
    let long = with(
        &format!("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary={b}\r\n"),
        &format!("--{b}\r\n\r\nx\r\n--{b}--\r\n"),
    );
    assert_eq!(message_ids(&long, "headers/multipart-boundary"), vec!["headers/multipart-boundary.too-long"]);
}

#[test]
fn a_boundary_out_of_rfc_2046s_set_is_said_so_and_not_said_too_long() {
    // Ten characters, well under 70: the fault is `#`, not a bchars character (RFC 2046 §5.1.1).
    let hashes = with(
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"##########\"\r\n",
        "--##########\r\n\r\nx\r\n--##########--\r\n",
    );
    let found = of(&hashes, "headers/multipart-boundary");
    assert_eq!(message_ids(&hashes, "headers/multipart-boundary"), vec!["headers/multipart-boundary.bad-chars"]);
    assert_eq!(
        found[0].message,
        "The boundary has characters outside RFC 2046's set (letters, digits and ' ( ) + _ , - . / : = ? and space, not at the end), such as “#”."
    );
    let space = with(
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"ab \"\r\n",
        "--ab \r\n\r\nx\r\n--ab --\r\n",
    );
    assert_eq!(message_ids(&space, "headers/multipart-boundary"), vec!["headers/multipart-boundary.space-at-end"]);
}

#[test]
fn transfer_encoding_mismatches_are_reported() {
    let cases = [
        ("Content-Transfer-Encoding: 7bit", "Caf\u{e9}\r\n", "headers/transfer-encoding.eight-bit-in-7bit"),
        ("Content-Transfer-Encoding: base64", "SGVs!bG8=\r\n", "headers/transfer-encoding.base64-alphabet"),
        ("Content-Transfer-Encoding: base64", "SGVsbG8\r\n", "headers/transfer-encoding.base64-padding"),
        (
            "Content-Transfer-Encoding: quoted-printable",
            &format!("{}\r\n", "q".repeat(77)),
            "headers/transfer-encoding.qp-line-too-long",
        ),
        ("Content-Transfer-Encoding: bits", "x\r\n", "headers/transfer-encoding.unknown"),
    ];
    for (cte, body, expected) in cases {
        let report = with(&format!("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n{cte}\r\n"), body);
        assert_eq!(message_ids(&report, "headers/transfer-encoding"), vec![expected.to_string()], "{cte}");
    }
}

#[test]
fn every_bad_quoted_printable_escape_is_counted_from_the_first() {
    // A line that starts with one, two in a row (`==`), one cut short (`=4`), a soft
    // break (`=` last) and escapes that are well formed, around a trailing space.
    let head = "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n";
    let report = with(head, "=ZZ==\r\nab=4\r\nsoft=\r\nok=C3=A9 \r\nend=3D\r\n");
    let found = of(&report, "headers/transfer-encoding");
    let bad = found.iter().find(|f| f.message_id == "headers/transfer-encoding.qp-bad-escape").expect("bad escapes");
    assert_eq!(bad.params["count"], mail_preflight::i18n::Param::Int(3));
    // The body starts after the header and its blank line.
    assert_eq!(bad.location.start, Some(HEAD.len() + head.len() + 2), "the first is the body's first byte");
    let trailing = found.iter().find(|f| f.message_id == "headers/transfer-encoding.qp-trailing-space").expect("trailing space");
    assert_eq!(trailing.params["count"], mail_preflight::i18n::Param::Int(1));
}

#[test]
fn lowercase_quoted_printable_escapes_are_noted_from_the_first() {
    // RFC 2045 §6.7 (1): "Uppercase letters must be used"; `=c3` decodes all the same (info).
    let head = "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n";
    let body = "Caf=C3=A9 ok, caf=c3=a9 and =3d\r\n";
    let report = with(head, body);
    let found = of(&report, "headers/transfer-encoding");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].message_id, "headers/transfer-encoding.qp-lowercase-escape");
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(found[0].params["count"], mail_preflight::i18n::Param::Int(3));
    let body_start = HEAD.len() + head.len() + 2;
    let first = body_start + body.find("=c3").unwrap();
    assert_eq!((found[0].location.start, found[0].location.end), (Some(first), Some(first + 3)));
    assert!(of(&with(head, "Caf=C3=A9 =3D\r\n"), "headers/transfer-encoding").is_empty());
}

#[test]
fn non_ascii_text_without_charset_is_a_warning() {
    let report =
        with("MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n", "Caf\u{e9}\r\n");
    assert_eq!(of(&report, "headers/charset").len(), 1);
}

#[test]
fn a_raw_8bit_attachment_name_needs_rfc_2231_encoding() {
    let report = with(
        "MIME-Version: 1.0\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"\u{e9}t\u{e9}.pdf\"\r\nContent-Transfer-Encoding: base64\r\n",
        "JVBERi0=\r\n",
    );
    assert_eq!(of(&report, "headers/attachment-filename").len(), 1);
    assert!(of(&report, "headers/raw-8bit").is_empty(), "the file name is not reported twice");
}

#[test]
fn a_line_break_in_a_php_subject_is_info_naming_the_field_since_php_writes_it_as_a_space() {
    // ext/standard/mail.c turns it into a space: "Subject: Hi Bcc: many@example.net".
    let report = php("b@example.com", "Hi\r\nBcc: many@example.net", "x", "From: a@example.com");
    let found = of(&report, "headers/injection");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(found[0].message_id, "headers/injection.flattened");
    assert_eq!(found[0].params["field"], mail_preflight::i18n::Param::Text("subject".into()));
    assert!(found[0].message.contains("Bcc: many@example.net"));
}

#[test]
fn a_blank_line_or_a_non_header_line_in_additional_headers_is_an_injection() {
    assert_eq!(
        message_ids(&php("b@example.com", "Hi", "x", "From: a@example.com\r\n\r\nbody"), "headers/injection"),
        vec!["headers/injection.blank-line"]
    );
    assert_eq!(
        message_ids(&php("b@example.com", "Hi", "x", "From: a@example.com\r\nhello"), "headers/injection"),
        vec!["headers/injection.not-a-header"]
    );
    assert!(of(&php("b@example.com", "Hi", "x", "From: a@example.com\r\nX-A: 1\r\n folded"), "headers/injection")
        .is_empty());
}

#[test]
fn a_line_break_in_a_compose_header_value_is_an_injection() {
    let compose = Compose::from_json(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"x","headers":{"X-Ref":"1\r\nBcc: z@example.net"}}"#).unwrap();
    let report = lint_compose(&compose, &Options::default()).unwrap();
    assert_eq!(
        of(&report, "headers/injection")[0].params["field"],
        mail_preflight::i18n::Param::Text("header:X-Ref".into())
    );
}

#[test]
fn a_reply_to_different_from_from_is_info() {
    let report =
        raw("From: a@example.com\r\nReply-To: other@example.org\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nx\r\n");
    let found = of(&report, "headers/reply-to");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Info);
}

#[test]
fn long_lines_are_left_to_size_line_length() {
    let report = with(&format!("X-Long: {}\r\n", "a".repeat(1200)), "x\r\n");
    assert!(report.findings.iter().all(|f| !f.rule_id.starts_with("headers/")), "{:?}", report.findings);
    assert!(report.has("size/line-length"));
}

#[test]
fn repeated_problems_are_grouped_into_one_finding() {
    let to: Vec<String> = (0..500).map(|i| format!("user{i}..x@example.com")).collect();
    let report = raw(&format!("From: a@example.com\r\nTo: {}\r\nSubject: Hi\r\n\r\nx\r\n", to.join(",\r\n ")));
    let found = of(&report, "headers/address-syntax");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].params["count"], mail_preflight::i18n::Param::Int(500));
    let bytes: Vec<u8> =
        [b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\n".as_slice(), &[b'\r'; 10_000]].concat();
    assert_eq!(of(&raw_bytes(&bytes), "headers/line-breaks").len(), 1);
}

#[test]
fn deeply_nested_comments_do_not_overflow_the_stack() {
    let depth = 100_000;
    let value = format!("{}a{}", "(".repeat(depth), ")".repeat(depth));
    let report = raw(&format!("From: a@example.com {value}\r\nTo: b@example.com\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100 {value}\r\nSubject: Hi\r\n\r\nx\r\n"));
    assert!(of(&report, "headers/address-syntax").is_empty());
    assert!(of(&report, "headers/date").is_empty());
}

#[test]
fn every_grammar_problem_has_a_description_in_every_language() {
    use mail_preflight::grammar::{
        address::AddressProblem as A, date::DateProblem as D, encoded_word::EncodedWordProblem as E,
    };
    use mail_preflight::grammar::{lexer::LexProblem as L, mime::MimeProblem as M, msg_id::MsgIdProblem as I};
    use mail_preflight::rules::headers::grammar_texts;
    let mut codes: Vec<&mail_preflight::i18n::Entry> = Vec::new();
    let lex = [
        L::UnclosedComment,
        L::UnopenedComment,
        L::UnclosedQuotedString,
        L::UnclosedDomainLiteral,
        L::BreakWithoutFold,
        L::BareCr,
        L::Nul,
        L::InvalidUtf8,
        L::ObsoleteControl,
        L::ObsoleteFws,
        L::BackslashAtEnd,
        L::C1Control,
    ];
    codes.extend(lex.iter().map(|l| grammar_texts::address_problem(A::Lex(*l))));
    let address = [
        A::Empty,
        A::MissingAt,
        A::EmptyLocalPart,
        A::EmptyDomain,
        A::MisplacedDot,
        A::Unexpected,
        A::UnclosedAngle,
        A::NestedGroup,
        A::UnclosedGroup,
        A::NameNeedsQuoting,
        A::ObsoletePhrase,
        A::ObsoleteLocalPart,
        A::ObsoleteCfws,
        A::ObsoleteRoute,
        A::ObsoleteEmptyElement,
        A::DomainNotHostname,
        A::DomainLabelHyphen,
        A::BadAddressLiteral,
        A::LocalPartTooLong,
        A::DomainTooLong,
        A::LabelTooLong,
        A::AddressTooLong,
        A::InvalidIdn,
    ];
    codes.extend(address.iter().map(|a| grammar_texts::address_problem(*a)));
    let date = [
        D::Syntax,
        D::BadDayName,
        D::BadMonth,
        D::OutOfRange,
        D::YearBefore1900,
        D::WeekdayMismatch,
        D::ObsoleteYear,
        D::ObsoleteZone,
        D::TrailingText,
    ];
    codes.extend(date.iter().map(|d| grammar_texts::date_problem(*d)));
    let ids = [I::Empty, I::Syntax, I::SeveralIds, I::ObsoletePhrase, I::ObsoleteForm];
    codes.extend(ids.iter().map(|i| grammar_texts::msg_id_problem(*i)));
    let words =
        [E::Unterminated, E::UnknownCharset, E::UnknownEncoding, E::BadBase64, E::BadQ, E::TooLong, E::InQuotedString];
    codes.extend(words.iter().map(|w| grammar_texts::encoded_word_problem(*w)));
    let mime = [
        M::BadType,
        M::MissingSubtype,
        M::BadParameter,
        M::ValueNeedsQuoting,
        M::MissingSemicolon,
        M::UnclosedQuote,
        M::DuplicateParameter,
        M::BadByte,
        M::Rfc2231BadValue,
        M::Rfc2231UnknownCharset,
        M::Rfc2231BadSections,
    ];
    codes.extend(mime.iter().map(|m| grammar_texts::mime_problem(*m)));
    let labels = mail_preflight::rules::LABELS.iter().flat_map(|l| l.iter());
    let missing: Vec<_> = codes
        .iter()
        .filter(|e| !labels.clone().any(|l| l.id == e.id) || mail_preflight::Locale::ALL.iter().any(|&l| e.text(l).is_empty()))
        .map(|e| e.id)
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn pathological_header_values_are_checked_in_linear_time() {
    // Many broken addresses, many parameters, many encoded-word openers: each
    // is a quadratic trap for a naive checker; these must finish quickly.
    let addresses: Vec<String> = (0..20_000).map(|i| format!("u{i}..x@exa_mple.com")).collect();
    let params: String = (0..20_000).map(|i| format!(";p{i}*{}=x", i % 3)).collect();
    let quoted = format!("\"{}\" <a@example.com>", "=?".repeat(100_000));
    let text = format!(
        "From: {quoted}\r\nTo: {}\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: text/plain{params}\r\n\r\nx\r\n",
        addresses.join(",")
    );
    let report = raw(&text);
    assert_eq!(of(&report, "headers/address-syntax").len(), 2);
    assert!(!of(&report, "headers/parameter-encoding").is_empty());
}

#[test]
fn a_message_id_made_on_a_machine_is_information_and_a_domain_or_literal_is_not() {
    let id = |value: &str| {
        let report = raw(&format!("From: a@example.com\r\nTo: b@example.com\r\nMessage-ID: {value}\r\nSubject: Hi\r\n\r\nx\r\n"));
        of(&report, "headers/message-id").iter().map(|f| (f.message_id.clone(), f.severity)).collect::<Vec<_>>()
    };
    let local = vec![("headers/message-id.local-host".to_string(), Severity::Info)];
    assert_eq!(id("<1252585652.3.1796134954190@localhost>"), local);
    assert_eq!(id("<20261201.42@192.168.1.20>"), local);
    assert_eq!(id("<20261201.42@mail.example.com>"), []);
    assert_eq!(id("<20261201.42@[192.0.2.1]>"), []);
    assert_eq!(id("<20261201.42@192.168.1.com>"), []);
}

#[test]
fn an_attached_message_in_base64_is_information_and_a_multipart_so_encoded_a_warning() {
    // PHPMailer's addAttachment('forwarded.eml') and Symfony's attachFromPath(…, 'message/rfc822').
    let inner = "From: a@example.com\r\nTo: b@example.com\r\nSubject: Inner\r\n\r\nHello\r\n";
    // base64 of `inner`.
    let base64 = "RnJvbTogYUBleGFtcGxlLmNvbQ0KVG86IGJAZXhhbXBsZS5jb20NClN1YmplY3Q6IElubmVyDQoNCkhlbGxvDQo=";
    let message = |ty: &str, encoding: &str, body: &str| {
        format!("From: x@example.com\r\nTo: y@example.com\r\nSubject: Fwd\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b\r\nContent-Type: {ty}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{body}\r\n--b--\r\n")
    };
    let severities = |raw: &str| -> Vec<Severity> {
        let report = mail_preflight::lint(raw.as_bytes(), &mail_preflight::Options::default()).unwrap();
        report.findings.iter().filter(|f| f.message_id == "headers/transfer-encoding.container").map(|f| f.severity).collect()
    };
    assert_eq!(severities(&message("message/rfc822", "base64", base64)), [Severity::Info]);
    assert_eq!(severities(&message("message/rfc822", "quoted-printable", inner)), [Severity::Info]);
    assert_eq!(severities(&message("multipart/alternative; boundary=c", "base64", "LS1jDQoNCngNCi0tYy0tDQo=")), [Severity::Warning]);
    assert_eq!(severities(&message("message/rfc822", "x-gzip", inner)), [] as [Severity; 0]);
    // Declared base64 but written as it is (Symfony Mime 5.4's MessagePart): no reader decodes it.
    assert_eq!(severities(&message("message/rfc822", "base64", inner)), [Severity::Warning]);
}

#[test]
fn an_unclosed_quote_or_bracket_is_the_one_defect_said() {
    // What the parser finds in the rest of the field follows from the missing `"` or `]`.
    let messages = |field: &str| -> Vec<String> {
        let raw = format!("{field}\r\nTo: bob@example.org\r\nSubject: Hi\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nHello\r\n");
        let report = lint(raw.as_bytes(), &Options::default()).unwrap();
        report.findings.iter().filter(|f| f.rule_id == "headers/address-syntax").map(|f| f.message.clone()).collect()
    };
    assert_eq!(messages("From: alice@[192.0.2.1"), ["From: a [ is never closed (1 in this field)."]);
    assert_eq!(messages("From: \"John \\\" <john@example.org>"), ["From: a quoted string is never closed (1 in this field)."]);
    // A defect before the unclosed one is still said.
    let two = messages("From: a@b..example, \"x <y@example.org>");
    assert_eq!(two.len(), 2, "{two:?}");
}

#[test]
fn raw_8bit_bytes_in_quoted_printable_text_weigh_as_in_7bit() {
    // rspamd R_BAD_CTE_7BIT: any text part not declared 8bit with raw 8-bit bytes.
    let message = |encoding: &str, body: &str| {
        format!("From: a@example.com\r\nTo: b@example.org\r\nSubject: Hi\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{body}\r\n")
    };
    let found = |raw: &str| -> Vec<(String, f64)> {
        let report = lint(raw.as_bytes(), &Options::default()).unwrap();
        report.findings.iter().filter(|f| f.rule_id == "headers/transfer-encoding").map(|f| (f.message_id.clone(), f.score)).collect()
    };
    let qp = found(&message("quoted-printable", "Caf\u{e9} ouvert, caf=C3=A9 ferm=C3=A9"));
    let seven = found(&message("7bit", "Caf\u{e9} ouvert"));
    assert_eq!(qp.len(), 1, "{qp:?}");
    assert_eq!(qp[0].0, "headers/transfer-encoding.eight-bit-in-qp");
    assert_eq!(qp[0].1, seven[0].1, "the same weight as in 7bit");
    assert!(found(&message("quoted-printable", "caf=C3=A9 ferm=C3=A9")).is_empty());
    assert!(found(&message("8bit", "Caf\u{e9} ouvert")).is_empty());
}

#[test]
fn an_rfc2231_name_declared_utf8_that_is_not_is_said() {
    // Latin-1 bytes under utf-8'' show as U+FFFD in the name (RFC 2231 §4: the value is in its charset).
    let message = |disposition: &str| {
        format!("From: a@example.com\r\nTo: b@example.org\r\nSubject: CV\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nMy CV.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; {disposition}\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n")
    };
    let ids = |raw: &str| message_ids(&raw_text(raw), "headers/parameter-encoding");
    assert_eq!(ids(&message("filename*=utf-8''r%E9sum%E9.pdf")), ["headers/parameter-encoding.invalid"]);
    assert!(ids(&message("filename*=utf-8''r%C3%A9sum%C3%A9.pdf")).is_empty());
    assert!(ids(&message("filename*=iso-8859-1''r%E9sum%E9.pdf")).is_empty());
}

fn raw_text(text: &str) -> Report {
    lint(text.as_bytes(), &Options::default()).unwrap()
}

#[test]
fn a_multipart_of_only_its_closing_delimiter_has_no_part() {
    let message = |body: &str| {
        format!("From: a@example.com\r\nTo: b@example.org\r\nSubject: Hi\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n{body}")
    };
    assert_eq!(message_ids(&raw_text(&message("preamble\r\n--b1--\r\n")), "headers/multipart-boundary"), ["headers/multipart-boundary.no-part"]);
    assert!(message_ids(&raw_text(&message("--b1\r\nContent-Type: text/plain\r\n\r\nHi\r\n--b1--\r\n")), "headers/multipart-boundary").is_empty());
    assert_eq!(message_ids(&raw_text(&message("no delimiter at all\r\n")), "headers/multipart-boundary"), ["headers/multipart-boundary.unused"]);
}

#[test]
fn a_delimiter_line_with_text_after_the_boundary_is_a_multipart_problem_not_a_header_one() {
    // `--XYZX` (boundary XYZ): mail-parser reads the part's header from the `X` on,
    // which is no line the sender wrote as a header.
    let report = raw("From: a@example.com\r\nTo: b@example.org\r\nSubject: Notes\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n--XYZX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello part\r\n--XYZ--\r\n");
    assert!(of(&report, "headers/field-name").is_empty(), "{:?}", message_ids(&report, "headers/field-name"));
    let boundary = message_ids(&report, "headers/multipart-boundary");
    assert!(boundary.contains(&"headers/multipart-boundary.prefixed-line".to_string()), "{boundary:?}");
    let line = of(&report, "headers/multipart-boundary").into_iter().find(|f| f.message_id.ends_with("prefixed-line")).unwrap();
    assert_eq!(line.evidence, "--XYZX");
    assert_eq!((line.location.line, line.location.column), (Some(7), Some(1)));
}

/// The bytes of `text` a finding points at.
fn located<'t>(text: &'t str, finding: &Finding) -> &'t str {
    &text[finding.location.start.unwrap()..finding.location.end.unwrap()]
}

#[test]
fn an_unclosed_comment_in_date_or_message_id_is_said_where_it_opens() {
    // RFC 5322 §3.2.2: the rest of the value is inside the comment; the date before it is fine.
    for comment in ["(UTC", "(a (b) c"] {
        let text = format!("From: a@example.com\r\nTo: b@example.com\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000 {comment}\r\nMessage-ID: <1@example.com>\r\nSubject: Hi\r\n\r\nx\r\n");
        let report = raw(&text);
        let found = of(&report, "headers/date");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message_id, "headers/date.invalid");
        assert_eq!(located(&text, found[0]), comment);
        assert_eq!(found[0].message, "The Date field is not an RFC 5322 date: a comment opened with ( is never closed.");
    }
    let text = "From: a@example.com\r\nTo: b@example.com\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com> (a (b) c\r\nSubject: Hi\r\n\r\nx\r\n";
    let report = raw(text);
    let found = of(&report, "headers/message-id");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(located(text, found[0]), "(a (b) c");
    assert_eq!(found[0].message, "Message-ID: a comment opened with ( is never closed (1 in this field).");
}

#[test]
fn a_backslash_outside_quotes_in_an_address_is_a_character_that_cannot_be_there() {
    // RFC 5322 §3.2.3, §3.4.1: `\` is only a quoted-pair, inside quotes or a comment.
    let text = format!("From: ali\\ce@example.com\r\n{}\r\nx\r\n", &HEAD["From: a@example.com\r\n".len()..]);
    let report = raw(&text);
    let found = of(&report, "headers/address-syntax");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(located(&text, found[0]), "\\");
    assert_eq!((found[0].location.line, found[0].location.column), (Some(1), Some(10)));
    assert_eq!(found[0].message, "From: a character that cannot be here (1 in this field).");
}

#[test]
fn a_repeated_or_missing_rfc2231_section_is_located_on_the_section_that_breaks_the_run() {
    let message = |params: &str| {
        format!("{HEAD}MIME-Version: 1.0\r\nContent-Type: application/pdf; {params}\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n")
    };
    for (params, wrong) in [
        ("name*0*=utf-8''r%C3%A9; name*0=x", "name*0=x"),
        ("name*0=a; name*2=b; name*3=c", "name*2=b"),
    ] {
        let text = message(params);
        let report = raw(&text);
        let found = of(&report, "headers/parameter-encoding");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(located(&text, found[0]), wrong, "{params}");
    }
}

/// A message whose To is `to`, linted with `thresholds.headers` set to `headers`.
fn to_with_headers_thresholds(to: &str, headers: &str) -> Report {
    let options = Options::from_json(&format!(r#"{{"thresholds": {{"headers": {headers}}}}}"#)).unwrap();
    let text = format!("From: a@example.com\r\nTo: {to}\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <1@example.com>\r\nSubject: Hi\r\n\r\nHello\r\n");
    lint(text.as_bytes(), &options).unwrap()
}

#[test]
fn address_length_limits_are_thresholds_with_the_rfc_limits_as_defaults() {
    let ids = |to: &str, headers: &str| message_ids(&to_with_headers_thresholds(to, headers), "headers/address-length");
    let limit = |to: &str, headers: &str| -> Vec<String> {
        of(&to_with_headers_thresholds(to, headers), "headers/address-length").iter().map(|f| f.message.clone()).collect()
    };
    let long_local = format!("{}@example.com", "a".repeat(65));
    // The defaults are RFC 5321 §4.5.3.1's (and RFC 1035's): set to them, nothing changes.
    let defaults = r#"{"maxLocalPartOctets": 64, "maxDomainOctets": 253, "maxLabelOctets": 63, "maxAddressOctets": 254}"#;
    assert_eq!(ids(&long_local, "{}"), ["headers/address-length.local-part"]);
    assert_eq!(to_with_headers_thresholds(&long_local, "{}").findings, to_with_headers_thresholds(&long_local, defaults).findings);
    // A higher limit lets the address through; a lower one catches a shorter one, and says its number.
    assert!(ids(&long_local, r#"{"maxLocalPartOctets": 65}"#).is_empty());
    assert_eq!(limit("abcdefghijk@example.com", r#"{"maxLocalPartOctets": 10}"#), ["To: the part before the @ is longer than 10 octets."]);
    assert_eq!(ids("a@abcdefghijkl.example", r#"{"maxLabelOctets": 10}"#), ["headers/address-length.label"]);
    assert_eq!(ids("a@abcdefghijkl.example", r#"{"maxDomainOctets": 19}"#), ["headers/address-length.domain"]);
    assert!(ids("a@abcdefghijkl.example", r#"{"maxDomainOctets": 20}"#).is_empty(), "20 octets are not over 20");
    let label = format!("a@{}.com", "b".repeat(64));
    assert_eq!(ids(&label, "{}"), ["headers/address-length.label"]);
    assert!(ids(&label, r#"{"maxLabelOctets": 64}"#).is_empty());
    // The whole address is judged only when none of its parts is over its own limit.
    assert_eq!(ids("abcde@abcde.example", r#"{"maxAddressOctets": 15}"#), ["headers/address-length.address"]);
    assert_eq!(ids("abcde@abcde.example", r#"{"maxAddressOctets": 15, "maxLocalPartOctets": 3}"#), ["headers/address-length.local-part"]);
    // An IDN is measured in its A-label form: xn--bcher-kva is 13 octets, "bücher" 7 as written.
    assert_eq!(ids("a@bücher.example", r#"{"maxLabelOctets": 12}"#), ["headers/address-length.label"]);
    assert!(ids("a@bücher.example", r#"{"maxLabelOctets": 13}"#).is_empty());
}

#[test]
fn address_length_limits_out_of_range_are_refused_naming_the_field() {
    for (name, value) in [("maxLocalPartOctets", "0"), ("maxDomainOctets", "1000001"), ("maxLabelOctets", "1.5"), ("maxAddressOctets", "\"254\"")] {
        let json = format!(r#"{{"thresholds": {{"headers": {{"{name}": {value}}}}}}}"#);
        let refused = Options::from_json(&json).and_then(|options| lint(b"From: a@example.com\r\n\r\nx", &options));
        match refused {
            Err(mail_preflight::LintError::InvalidOptions(detail)) => {
                assert!(detail.to_string().starts_with(&format!("thresholds.headers.{name}")), "{detail}")
            }
            other => panic!("{json}: {other:?}"),
        }
    }
}
