//! The behaviours of the #16 rules, one test each, through the public API.

use mail_preflight::{lint, lint_compose, lint_php_mail, Compose, Options, PhpMail, Report, Severity};

fn raw(text: &str, options: &str) -> Report {
    lint(text.as_bytes(), &Options::from_json(options).expect("options")).expect("lints")
}

fn severities(report: &Report, rule: &str) -> Vec<Severity> {
    report.findings_of(rule).map(|f| f.severity).collect()
}

#[test]
fn a_visitors_gmail_address_in_a_php_mail_call_is_an_error() {
    let call = PhpMail::new("owner@my-site.example", "Contact", "Hello", "From: jane@gmail.com");
    let report = lint_php_mail(&call, &Options::default()).unwrap();
    assert_eq!(severities(&report, "sender/visitor-from"), vec![Severity::Error]);
    assert!(report.findings_of("sender/visitor-from").all(|f| f.fix.contains("Reply-To")), "the fix names Reply-To");
}

#[test]
fn a_visitors_address_in_compose_fields_is_an_error_for_a_reject_provider() {
    let compose = Compose::from_json(
        r#"{"from": "sam@aol.com", "to": "owner@my-site.example", "subject": "Hi", "text": "Hello"}"#,
    )
    .unwrap();
    let report = lint_compose(&compose, &Options::default()).unwrap();
    assert_eq!(severities(&report, "sender/visitor-from"), vec![Severity::Error]);
}

#[test]
fn a_stance_the_provider_states_is_said_as_its_statement() {
    // gmail.com publishes p=none; Gmail's sender guidelines announce quarantine for
    // impersonated Gmail From: an error, worded as the provider's statement.
    let call = PhpMail::new("owner@my-site.example", "Contact", "Hello", "From: jane@gmail.com");
    let report = lint_php_mail(&call, &Options::default()).unwrap();
    let finding = report.findings_of("sender/visitor-from").next().expect("a finding");
    assert_eq!((finding.severity, finding.message_id.as_str()), (Severity::Error, "sender/visitor-from.blocked-stated"));
    assert!(finding.message.contains("the provider states a DMARC quarantine enforcement"), "{}", finding.message);
    // A published policy is said as the policy.
    let call = PhpMail::new("owner@my-site.example", "Contact", "Hello", "From: sam@yahoo.com");
    let report = lint_php_mail(&call, &Options::default()).unwrap();
    let finding = report.findings_of("sender/visitor-from").next().expect("a finding");
    assert_eq!(finding.message_id, "sender/visitor-from.blocked");
    assert!(finding.message.contains("whose DMARC policy is reject"), "{}", finding.message);
}

#[test]
fn an_unverified_provider_policy_is_never_an_error() {
    let call = PhpMail::new("owner@my-site.example", "Contact", "Hello", "From: jan@wp.pl");
    let report = lint_php_mail(&call, &Options::default()).unwrap();
    assert_eq!(severities(&report, "sender/visitor-from"), vec![Severity::Warning]);
}

#[test]
fn a_raw_message_alone_does_not_claim_a_block() {
    let report = raw("From: jane@yahoo.com\nTo: b@example.org\nSubject: Hi\n\nHello\n", "{}");
    assert_eq!(severities(&report, "sender/visitor-from"), vec![Severity::Info]);
    let declared = raw(
        "From: jane@yahoo.com\nTo: b@example.org\nSubject: Hi\n\nHello\n",
        r#"{"senderDomains": ["my-site.example"]}"#,
    );
    assert_eq!(severities(&declared, "sender/visitor-from"), vec![Severity::Error]);
}

#[test]
fn a_provider_address_declared_as_the_sites_own_is_not_a_visitor() {
    let report =
        raw("From: club@gmail.com\nTo: b@example.org\nSubject: Hi\n\nHello\n", r#"{"senderDomains": ["gmail.com"]}"#);
    assert!(!report.has("sender/visitor-from"));
}

#[test]
fn the_php_mail_from_defines_the_sites_domain() {
    let call = PhpMail::new(
        "owner@my-site.example",
        "Contact",
        "Hello",
        "From: contact@my-site.example\r\nReply-To: jane@yahoo.com",
    );
    let report = lint_php_mail(&call, &Options::default()).unwrap();
    assert!(!report.has("sender/foreign-domain") && !report.has("sender/visitor-from"));
}

#[test]
fn smtp_from_is_the_default_site_domain() {
    let report = raw(
        "From: news@partner.example\nTo: b@example.org\nSubject: Hi\n\nHello\n",
        r#"{"smtp": {"transport": "smtp", "host": "ssl0.example.net", "port": 465, "security": "ssl", "from": "contact@my-site.example"}}"#,
    );
    assert_eq!(severities(&report, "sender/foreign-domain"), vec![Severity::Warning]);
}

#[test]
fn a_display_name_address_equal_to_the_real_one_is_not_a_spoof() {
    let same = raw(
        "From: \"Contact@My-Site.example\" <contact@my-site.example>\nTo: b@example.org\nSubject: Hi\n\nHello\n",
        "{}",
    );
    assert!(!same.has("sender/display-name-spoof"));
    let encoded = raw(
        "From: =?utf-8?b?c2VydmljZUBwYXlwYWwuY29t?= <x@evil.example>\nTo: b@example.org\nSubject: Hi\n\nHello\n",
        "{}",
    );
    assert!(encoded.has("sender/display-name-spoof"), "an RFC 2047 encoded display name is decoded first");
}

#[test]
fn a_spoof_hidden_in_quotes_or_another_charset_is_decoded_as_readers_do() {
    // Readers decode an encoded word inside quotes (RFC 2047 §5 (3) forbids
    // it) and in any charset; so does the check, or the spoof would pass.
    for name in ["\"=?utf-8?B?c2VydmljZUBwYXlwYWwuY29t?=\"", "=?iso-8859-2?Q?service=40paypal=2Ecom?="] {
        let report = raw(&format!("From: {name} <x@evil.example>\nTo: b@example.org\nSubject: Hi\n\nHello\n"), "{}");
        assert!(report.has("sender/display-name-spoof"), "{name}");
    }
}

#[test]
fn list_unsubscribe_post_must_be_exactly_the_rfc_8058_value() {
    let message = |post: &str| {
        format!("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: <news.my-site.example>\nList-Unsubscribe: <https://my-site.example/u>\nList-Unsubscribe-Post: {post}\n\nHello\n")
    };
    assert!(!raw(&message("List-Unsubscribe=One-Click"), "{}").has("bulk/one-click"));
    for wrong in ["List-Unsubscribe=one-click", "List-Unsubscribe=One-Click; x=1", "One-Click"] {
        assert!(raw(&message(wrong), "{}").has("bulk/one-click"), "{wrong}");
    }
}

#[test]
fn many_recipients_make_a_message_bulk() {
    let to: Vec<String> = (0..60).map(|i| format!("r{i}@example.org")).collect();
    let report = raw(&format!("From: news@my-site.example\nTo: {}\nSubject: News\n\nHello\n", to.join(", ")), "{}");
    assert!(report.has("bulk/list-unsubscribe"));
    let fewer =
        raw(&format!("From: news@my-site.example\nTo: {}\nSubject: News\n\nHello\n", to[..10].join(", ")), "{}");
    assert!(!fewer.has("bulk/list-unsubscribe"));
}

#[test]
fn the_unsubscribe_link_before_gmails_cut_is_only_clipping() {
    let mut html =
        String::from("<html lang=\"en\"><body><p><a href=\"https://my-site.example/unsubscribe\">Unsubscribe</a></p>");
    while html.len() < 110_000 {
        html.push_str("<p>Some long news of the week for our readers.</p>\n");
    }
    html.push_str("</body></html>");
    let report = raw(&format!("From: a@my-site.example\nTo: b@example.org\nSubject: News\nContent-Type: text/html; charset=utf-8\n\n{html}\n"), "{}");
    let messages: Vec<&str> = report.findings_of("body/gmail-clipping").map(|f| f.message_id.as_str()).collect();
    assert_eq!(messages, vec!["body/gmail-clipping.clipped"]);
}

#[test]
fn an_expired_signature_needs_options_now() {
    let message = "DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1; h=from; x=100; bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: a@my-site.example\n\nHello\n";
    assert!(!raw(message, "{}").has("dkim/expired"));
    assert!(raw(message, r#"{"now": 1000}"#).has("dkim/expired"));
}

#[test]
fn dkim_key_names_are_checked_in_the_options() {
    let error = Options::from_json(r#"{"dkimKeys": {"example.com": "v=DKIM1; p=AAAA"}}"#)
        .and_then(|o| mail_preflight::Linter::new(&o).map(|_| ()))
        .unwrap_err();
    assert!(error.to_string().contains("selector._domainkey"), "{error}");
    let bad_domain = Options::from_json(r#"{"senderDomains": ["not a domain"]}"#)
        .and_then(|o| mail_preflight::Linter::new(&o).map(|_| ()));
    assert!(bad_domain.is_err());
}

#[test]
fn hostile_dkim_fields_stay_bounded() {
    // Many signatures, many tags, a huge l= and a giant b=: analysed within the limits, no panic.
    let mut text = String::new();
    for i in 0..50 {
        text.push_str(&format!(
            "DKIM-Signature: v=1; a=rsa-sha256; d=d{i}.example; s=s; h=from; l=99999999999999999999; bh=AAAA; b={}\n",
            "A".repeat(20_000)
        ));
    }
    let tags: String = (0..500).map(|i| format!("t{i}=1; ")).collect();
    text.push_str(&format!("DKIM-Signature: {tags}\nFrom: a@example.com\n\nHello\n"));
    let report = raw(&text, "{}");
    assert!(report.findings_of("dkim/malformed").count() <= mail_preflight::rules::MAX_FINDINGS_PER_RULE);
    let message =
        mail_preflight::model::Message::analyse(text.as_bytes(), mail_preflight::report::Origin::Raw, Vec::new(), &mail_preflight::rules::attachments::default_limits());
    assert_eq!(message.identity.dkim.len(), mail_preflight::dkim::MAX_SIGNATURES);
}

#[test]
fn an_oversized_or_even_rsa_key_is_refused_without_work() {
    let modulus = vec![0xffu8; 1_200]; // 9600 bits: over MAX_MODULUS_BITS
    let key = mail_preflight::dkim::rsa::PublicKey { modulus, exponent: vec![1, 0, 1] };
    assert!(key.check().is_err());
    assert!(!key.verify(&[0; 32], true, &[0; 1_200]));
}

#[test]
fn a_list_managers_envelope_sender_is_list_traffic_without_list_fields() {
    use Severity::{Info, Warning};
    for (return_path, expected) in [
        // Majordomo, Sympa, Mailman 2.0 and 2.1, MSN Groups and ezmlm name the envelope
        // sender of the posts they re-send; old ones add no List-Id.
        ("owner-devel@lists.example.net", Info),
        ("devel-owner@lists.example.net", Info),
        ("devel-admin@lists.example.net", Info),
        ("devel-bounces@lists.example.net", Info),
        ("devel-bounces+jane=my-site.example@lists.example.net", Info),
        ("Devel-Bounce@groups.example.net", Info),
        ("devel-return-1234-jane=my-site.example@lists.example.net", Info),
        // A bulk sender's own envelope is not a list's: it must align.
        ("bounce-news-2732551@ls9.esp.example", Warning),
        ("owner-nolist-daily*jane**my-site*-example@smtp.esp.example", Warning),
        ("owner-@esp.example", Warning),
        ("-bounces@esp.example", Warning),
        ("news-return-x@esp.example", Warning),
        ("bounces@esp.example", Warning),
    ] {
        let text = format!("Return-Path: <{return_path}>\nFrom: jane@my-site.example\nTo: devel@lists.example.net\nSubject: Hi\n\nHello\n");
        assert_eq!(severities(&raw(&text, "{}"), "sender/misaligned"), vec![expected], "{return_path}");
    }
}

#[test]
fn an_address_that_does_not_read_is_not_compared_for_alignment() {
    // PHPMailer's addCustomHeader('Sender', 'Tienda Muñoz <…>') encodes the whole value: the
    // domain a parser would take ("example.e?=") is no domain; headers/address-syntax says so.
    let sender = "Sender: =?utf-8?Q?Tienda_Mu=C3=B1oz_<tienda@talleres-munoz.example.e?=\n =?utf-8?Q?s>?=\n";
    let report = raw(&format!("From: jose@talleres-munoz.example.es\n{sender}To: b@example.org\nSubject: Hi\n\nHello\n"), "{}");
    assert!(!report.has("sender/misaligned"), "{:#?}", report.findings);
    // An unclosed Return-Path neither; a readable one on another domain still is.
    let broken = raw("Return-Path: <bounce@esp.example\nFrom: a@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n", "{}");
    assert!(!broken.has("sender/misaligned"));
    let readable = raw("Return-Path: <bounce@esp.example>\nFrom: a@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n", "{}");
    assert!(readable.has("sender/misaligned"));
}

/// A newsletter whose List-Unsubscribe PHPMailer Q-encoded (a value over 47
/// characters sent with mail()), beside List-Unsubscribe-Post, with no List-Id.
const ENCODED_UNSUBSCRIBE: &str = "From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Unsubscribe: =?us-ascii?Q?<https://my-site.example/unsubscrib?=\n =?us-ascii?Q?e=3Fu=3D77>?=\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n";

#[test]
fn an_encoded_list_unsubscribe_is_reported_without_any_bulk_marker() {
    let report = raw(ENCODED_UNSUBSCRIBE, "{}");
    let found: Vec<_> = report.findings_of("bulk/list-unsubscribe").collect();
    assert_eq!(found.len(), 1, "{:#?}", report.findings);
    assert_eq!((found[0].message_id.as_str(), found[0].severity), ("bulk/list-unsubscribe.encoded-field", Severity::Info));
    assert!(found[0].evidence.starts_with("List-Unsubscribe: =?us-ascii?Q?<https://"), "{}", found[0].evidence);
    assert!(found[0].fix.contains("isSMTP()"), "{}", found[0].fix);
    // A bulk sender, whom Gmail's and Yahoo's one-click requirement binds: a warning.
    let bulk_sender = raw(ENCODED_UNSUBSCRIBE, r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#);
    assert_eq!(severities(&bulk_sender, "bulk/list-unsubscribe"), vec![Severity::Warning]);
    // The one-click rule does not say it again (no readable https: address).
    assert!(!report.has("bulk/one-click"));
}

#[test]
fn bulk_findings_quote_the_field_they_are_about() {
    let report = raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\n\nHello\n", "{}");
    let missing: Vec<_> = report.findings_of("bulk/list-unsubscribe").collect();
    assert_eq!(missing[0].evidence, "List-Id: News <news.my-site.example>");
    let report = raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nPrecedence: bulk\nList-Unsubscribe: <mailto:u@my-site.example>\n\nHello\n", "{}");
    let no_https: Vec<_> = report.findings_of("bulk/list-unsubscribe").collect();
    assert_eq!(no_https[0].evidence, "List-Unsubscribe: <mailto:u@my-site.example>");
}

#[test]
fn dkim_findings_quote_the_tag_they_are_about() {
    let signed = |tags: &str| {
        format!("DKIM-Signature: v=1; d=my-site.example; s=s1;\n {tags}; bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: a@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n")
    };
    let evidence = |report: &Report, rule: &str| report.findings_of(rule).map(|f| f.evidence.clone()).collect::<Vec<_>>();
    assert_eq!(evidence(&raw(&signed("a=rsa-sha1; h=from:to"), "{}"), "dkim/malformed"), vec!["a=rsa-sha1"]);
    assert_eq!(evidence(&raw(&signed("a=rsa-sha256; h=to:subject"), "{}"), "dkim/header-coverage"), vec!["h=to:subject"]);
    assert_eq!(evidence(&raw(&signed("a=rsa-sha256; h=from; l=3"), "{}"), "dkim/body-length"), vec!["l=3"]);
    let expired = raw(&signed("a=rsa-sha256; h=from; x=100"), r#"{"now": 1000}"#);
    assert_eq!(evidence(&expired, "dkim/expired"), vec!["x=100"]);
}

/// The tester's three-message pair (stop 36): the same newsletter with
/// List-Unsubscribe-Post unsigned, without it, and unsigned altogether offers no
/// one-click unsubscribe (RFC 8058 §4) in each case, and each says so:
/// information by default, a warning for a bulk sender; the unsigned message
/// stays information (a server or provider may sign it after it is written).
#[test]
fn a_missing_one_click_is_said_at_one_severity_however_it_is_missing() {
    let signature = "DKIM-Signature: v=1; a=rsa-sha256; d=shop.example; s=s1; h=from:to:subject:list-unsubscribe;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\n";
    let head = "From: news@shop.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.shop.example>\nList-Unsubscribe: <https://shop.example/u/1>\n";
    let post = "List-Unsubscribe-Post: List-Unsubscribe=One-Click\n";
    let messages = [
        (format!("{signature}{head}{post}\nHello\n"), "dkim/header-coverage", true),
        (format!("{signature}{head}\nHello\n"), "bulk/one-click", true),
        (format!("{head}{post}\nHello\n"), "dkim/header-coverage", false),
    ];
    for (options, bulk_sender) in [("{}", false), (r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#, true)] {
        for (message, rule, signed) in &messages {
            let expected = if bulk_sender && *signed { Severity::Warning } else { Severity::Info };
            let report = raw(message, options);
            let found: Vec<_> = ["dkim/header-coverage", "bulk/one-click"]
                .iter()
                .flat_map(|r| report.findings_of(r).map(|f| (f.rule_id.clone(), f.severity)))
                .collect();
            assert_eq!(found, vec![(rule.to_string(), expected)], "{options}\n{message}");
        }
    }
}

#[test]
fn a_mailer_daemon_return_path_counts_only_on_a_message_a_mail_system_sends() {
    use Severity::{Info, Warning};
    let return_path = "Return-Path: <MAILER-DAEMON@mx5.example.net>\n";
    for (fields, expected) in [
        // What goes out with a null reverse-path: a report of any type (a read receipt,
        // RFC 8098), an automatic reply (RFC 3834), mail from the mail system itself.
        ("From: jane@my-site.example\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=disposition-notification; boundary=\"b\"\n", Info),
        ("From: jane@my-site.example\nAuto-Submitted: auto-replied\n", Info),
        ("From: Mail Delivery System <MAILER-DAEMON@my-site.example>\n", Info),
        ("From: postmaster@my-site.example\n", Info),
        // Anything else: the envelope sender must align like any other.
        ("From: jane@my-site.example\n", Warning),
        ("From: jane@my-site.example\nAuto-Submitted: no\n", Warning),
        ("From: postmaster-team@my-site.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n", Warning),
    ] {
        let text = format!("{return_path}{fields}To: b@example.org\nSubject: Hi\n\n--b\n\nHello\n--b--\n");
        assert_eq!(severities(&raw(&text, "{}"), "sender/misaligned"), vec![expected], "{fields}");
    }
}
