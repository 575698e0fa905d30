//! Real mailers are the ground truth for "clean" (#11): eight messages built by
//! each mail library with its default settings — a plain contact-form message,
//! an HTML message with a text alternative and a PDF attachment, a French and
//! Polish message with accents in the subject, the names and the body, a shop's
//! order confirmation listing twelve prices, a password reset with a long token
//! link, a newsletter with one-click unsubscribe as a bulk sender sends it, a
//! shipping notice with an inline logo (multipart/related, `cid:`), a meeting
//! invitation with a text/calendar REQUEST — and twelve more everyday kinds a form
//! builder, a shop or an app sends: a one-time sign-in code, a welcome mail written as
//! e-mail builders write HTML (tables, inline styles, media queries, a hidden
//! preheader), a receipt with a .docx file, an appointment with an .ics file, a reply
//! quoting the message it answers, a forwarded message (message/rfc822), messages in
//! Japanese, Chinese, Russian and Arabic, an emoji subject, and a message to a team of
//! 22 in Cc, with a Bcc, quoted display names and a folded subject
//! (`tests/mailers/messages.json`) — must lint `pass` with no warning. Where a
//! library's output really breaks an RFC
//! ([`KNOWN_DEFECTS`], each with its section), the test asserts exactly that finding
//! instead, so that a fixed library or a changed engine shows.
//!
//! Each generator in `tests/mailers/` runs in a temporary folder; its output is
//! linted as the library wrote it (line ends included) and a copy is left in
//! `$TMPDIR/mailers-out/<library>/` for inspection. A generator whose
//! interpreter is missing is skipped with a note (CI installs them through
//! `.ci/setup.sh`); a missing library is a failure.

#[path = "mailers/docx.rs"]
mod docx;
#[path = "mailers/lettre.rs"]
mod lettre_generator;
#[path = "mailers/mail_builder.rs"]
mod mail_builder_generator;
#[path = "mailers/pdf.rs"]
mod pdf;
#[path = "mailers/png.rs"]
mod png;

use mail_preflight::{lint, lint_php_mail, Options, PhpMail, Report, Severity, Verdict};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The messages every generator builds, by name (the `.eml` file stem).
const MESSAGES: [&str; 20] = [
    "contact-form",
    "html-pdf",
    "accented",
    "order-confirmation",
    "password-reset",
    "newsletter",
    "inline-image",
    "meeting-invite",
    "login-code",
    "welcome-trial",
    "receipt-docx",
    "booking-ics",
    "reply-quote",
    "forwarded",
    "japanese",
    "chinese",
    "russian",
    "arabic",
    "emoji-subject",
    "many-recipients",
];

/// The files the messages attach, by the name the generators look them up by (an
/// attachment's `filename` in messages.json), made at test time: the repository holds
/// no binary file.
fn files() -> BTreeMap<String, Vec<u8>> {
    BTreeMap::from([
        ("invoice-1042.pdf".to_string(), pdf::invoice_pdf()),
        ("receipt-1043.docx".to_string(), docx::receipt_docx()),
    ])
}

/// Findings a library's default output really earns, checked against the RFC text:
/// (library, message, the warnings and errors as (rule id, message id)). For these
/// pairs the test asserts exactly these findings instead of none.
const KNOWN_DEFECTS: &[(&str, &str, &[(&str, &str)])] = &[
    // List-Unsubscribe written as RFC 2047 encoded words. RFC 2047 §5 allows encoded words
    // only in *text fields, comments and phrases ("These are the ONLY locations"); RFC 2369
    // §2 and §3.2 make List-Unsubscribe a list of <URL>s, so receivers do not decode it there
    // and the one-click address is lost (RFC 8058 §3.1). PHPMailer 6.6.3's encodeHeader()
    // Q-encodes an ASCII custom header longer than 47 characters (MAIL_MAX_LINE_LENGTH 63
    // minus the encoded-word overhead) when Mailer is 'mail', its default.
    ("phpmailer", "newsletter", &[("bulk/list-unsubscribe", "bulk/list-unsubscribe.encoded")]),
    // The same field B-encoded by Email::MIME 1.953: header_str encodes any value holding a
    // run of 61 or more non-space characters (78 minus "list-unsubscribe: "), here the
    // https: URI (Email::MIME::Encode::maybe_mime_encode_header). Raw `header` pairs would
    // keep it as written.
    ("perl-email-mime", "newsletter", &[("bulk/list-unsubscribe", "bulk/list-unsubscribe.encoded")]),
    // lettre 0.11's README way to send text, `.header(ContentType::TEXT_PLAIN).body(text)`,
    // writes Content-Type and Content-Transfer-Encoding: quoted-printable with no
    // MIME-Version (its builder adds one for singlepart and multipart bodies only). RFC 2045
    // §4: a message using MIME fields MUST say MIME-Version: 1.0; rspamd 3.4's
    // MISSING_MIME_VERSION adds 2 points for any Content-Type or Content-Transfer-Encoding
    // without it (rules/headers_checks.lua), and quoted-printable is not what a reader
    // ignoring the fields can show as it is.
    ("rust-lettre", "contact-form", &[("headers/mime-version", "headers/mime-version.missing")]),
    ("rust-lettre", "accented", &[("headers/mime-version", "headers/mime-version.missing")]),
    // The same README way for every text-only message whose text is not plain ASCII in
    // short lines (the sign-in code is: lettre writes it 7bit, readable without MIME, and the
    // engine says so as info, headers/mime-version.missing-plain-text).
    ("rust-lettre", "reply-quote", &[("headers/mime-version", "headers/mime-version.missing")]),
    ("rust-lettre", "japanese", &[("headers/mime-version", "headers/mime-version.missing")]),
    ("rust-lettre", "chinese", &[("headers/mime-version", "headers/mime-version.missing")]),
    ("rust-lettre", "russian", &[("headers/mime-version", "headers/mime-version.missing")]),
    ("rust-lettre", "arabic", &[("headers/mime-version", "headers/mime-version.missing")]),
    ("rust-lettre", "many-recipients", &[("headers/mime-version", "headers/mime-version.missing")]),
    // A header line of 1,054 octets: PHPMailer 6.6.3's addrAppend() joins the Cc list with
    // ", " and never folds it. RFC 5322 §2.1.1: each line MUST be no more than 998
    // characters; receivers refuse or cut such lines (KumoMTA's line_length_hard_limit
    // refuses them by default, Sun/Oracle Messaging Server truncates them by default).
    // PHPMailer's SMTP class folds lines over 998 only while it sends DATA (SMTP::data()),
    // so the message it builds (getSentMIMEMessage) and the one PHP mail() hands sendmail
    // keep the long line.
    ("phpmailer", "many-recipients", &[("size/line-length", "size/line-length.too-long")]),
    // MIME::Lite 3.033 writes a header as it is given (its fold() only indents embedded
    // newlines): the same 1,053-octet Cc line, RFC 5322 §2.1.1.
    ("perl-mime-lite", "many-recipients", &[("size/line-length", "size/line-length.too-long")]),
    // Symfony Mime 5.4's MessagePart (its class for an attached message/rfc822) inherits
    // DataPart's Content-Transfer-Encoding: base64 but writes the message unencoded
    // (bodyToString() returns it as it is). RFC 2046 §5.2.1 allows only 7bit, 8bit or
    // binary on message/rfc822, and a reader that believes the field decodes the text
    // as base64 into garbage (RFC 2045 §6.8): rspamd 3.4 does, and adds R_MIXED_CHARSET,
    // 5 points, enough to greylist the message (measured 2026-12-06).
    ("symfony-mime", "forwarded", &[("headers/transfer-encoding", "headers/transfer-encoding.container")]),
];

/// The options a message is linted with. The newsletter as a bulk sender sends it: a
/// daily volume from Gmail's bulk-sender line (5,000 a day, `bulk.bulkSenderVolume`) up,
/// so the one-click requirements bind and the bulk/* rules speak as warnings.
fn options_for(name: &str) -> Options {
    match name {
        "newsletter" => Options::from_json(r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#)
            .expect("the bulk-sender options parse"),
        _ => Options::default(),
    }
}

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn specs() -> Value {
    let json = std::fs::read_to_string(project().join("tests/mailers/messages.json")).expect("messages.json");
    serde_json::from_str(&json).expect("messages.json parses")
}

/// What a generator gave: the messages by name, or why it could not run here.
enum Built {
    /// The messages, and the folder holding their copies.
    Messages(BTreeMap<String, Vec<u8>>, PathBuf),
    InterpreterMissing(String),
}

/// Keeps a copy of each message for people to inspect.
fn with_copies(library: &str, messages: BTreeMap<String, Vec<u8>>) -> Built {
    let dir = std::env::temp_dir().join("mailers-out").join(library);
    let _ = std::fs::create_dir_all(&dir);
    for (name, raw) in &messages {
        let _ = std::fs::write(dir.join(format!("{name}.eml")), raw);
    }
    Built::Messages(messages, dir)
}

/// Runs `interpreter script… OUTDIR PDF PNG` from the project folder and reads the
/// `.eml` files it writes, one per message of messages.json. The other attached files
/// ([`files`]) are in the PDF's folder, where the generators read them by name.
fn run_generator(library: &str, interpreter: &str, script_and_args: &[&str]) -> Built {
    let work = std::env::temp_dir().join(format!("mail-preflight-mailers-{}-{library}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("temporary folder");
    for (name, bytes) in files() {
        std::fs::write(work.join(name), bytes).expect("write an attached file");
    }
    let pdf_path = work.join("invoice-1042.pdf");
    let png_path = work.join("logo.png");
    std::fs::write(&png_path, png::logo_png()).expect("write the PNG");
    let output = Command::new(interpreter)
        .args(script_and_args)
        .arg(&work)
        .arg(&pdf_path)
        .arg(&png_path)
        .current_dir(project())
        .output();
    let output = match output {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let _ = std::fs::remove_dir_all(&work);
            return Built::InterpreterMissing(interpreter.to_string());
        }
        other => other.expect("start the generator"),
    };
    assert!(
        output.status.success(),
        "the {library} generator failed ({}): is the library installed (.ci/setup.sh)?\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let messages = MESSAGES
        .iter()
        .map(|name| {
            let path = work.join(format!("{name}.eml"));
            let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{library} wrote no {}: {e}", path.display()));
            (name.to_string(), raw)
        })
        .collect();
    let _ = std::fs::remove_dir_all(&work);
    with_copies(library, messages)
}

/// mail-builder runs in this process: nothing to skip.
fn run_mail_builder() -> Built {
    let specs = specs();
    let (files, png) = (files(), png::logo_png());
    let messages =
        MESSAGES.iter().map(|name| (name.to_string(), mail_builder_generator::build(&specs[*name], &files, &png)));
    with_copies("rust-mail-builder", messages.collect())
}

fn describe(report: &Report) -> String {
    report
        .findings
        .iter()
        .map(|f| {
            format!(
                "  {} {} [{}] line {}: {}\n      evidence: {:?}",
                f.severity.as_str(),
                f.rule_id,
                f.message_id,
                f.location.line.map_or("-".to_string(), |l| l.to_string()),
                f.message,
                f.evidence
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The message must lint `pass` with no warning (info findings are fine), or, for a
/// known library defect, raise exactly its findings.
fn assert_clean(library: &str, name: &str, raw: &[u8], copy: &Path) {
    let report = lint(raw, &options_for(name)).expect("the message lints");
    let flagged: BTreeSet<(&str, &str)> = report
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| (f.rule_id.as_str(), f.message_id.as_str()))
        .collect();
    let expected: BTreeSet<(&str, &str)> = KNOWN_DEFECTS
        .iter()
        .filter(|(l, n, _)| *l == library && *n == name)
        .flat_map(|(_, _, findings)| findings.iter().copied())
        .collect();
    assert!(
        flagged == expected && (report.verdict == Verdict::Pass) == expected.is_empty(),
        "{library} {name}: verdict {:?}, warnings and errors {flagged:?}, expected {expected:?}; the message: {}\n{}",
        report.verdict,
        copy.join(format!("{name}.eml")).display(),
        describe(&report)
    );
}

fn check(built: &Built, library: &str, name: &str) {
    match built {
        Built::InterpreterMissing(interpreter) => {
            eprintln!(
                "SKIPPED: {interpreter} is not installed, so {library} cannot run here (.ci/setup.sh installs it)."
            )
        }
        Built::Messages(messages, copy) => assert_clean(library, name, &messages[name], copy),
    }
}

/// The tests of one library inside its `mailer!` module: one per message, named after it.
macro_rules! message_tests {
    ($library:literal: $($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check(built(), $library, $name);
            }
        )*
    };
}

/// One test per library and message of messages.json; the generator runs once. A test
/// whose library has a known defect for its message asserts that defect (KNOWN_DEFECTS).
macro_rules! mailer {
    ($module:ident, $library:literal, $generate:expr) => {
        mod $module {
            use super::*;
            fn built() -> &'static Built {
                static BUILT: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
                BUILT.get_or_init(|| $generate)
            }
            message_tests! { $library:
                contact_form_message_passes_with_no_warning => "contact-form",
                html_message_with_text_alternative_and_pdf_attachment_passes_with_no_warning => "html-pdf",
                accented_french_and_polish_message_passes_with_no_warning => "accented",
                order_confirmation_with_a_price_list_passes_with_no_warning => "order-confirmation",
                password_reset_with_a_token_link_passes_with_no_warning => "password-reset",
                newsletter_with_one_click_unsubscribe_from_a_bulk_sender_passes_with_no_warning => "newsletter",
                html_with_an_inline_cid_logo_and_a_text_alternative_passes_with_no_warning => "inline-image",
                meeting_invitation_with_a_text_calendar_request_passes_with_no_warning => "meeting-invite",
                one_time_sign_in_code_passes_with_no_warning => "login-code",
                builder_html_welcome_with_a_free_trial_button_and_a_hidden_preheader_passes_with_no_warning => "welcome-trial",
                receipt_with_a_docx_attachment_passes_with_no_warning => "receipt-docx",
                appointment_with_an_ics_file_attached_passes_with_no_warning => "booking-ics",
                reply_quoting_the_previous_message_passes_with_no_warning => "reply-quote",
                forwarded_message_attached_as_message_rfc822_passes_with_no_warning => "forwarded",
                japanese_message_passes_with_no_warning => "japanese",
                chinese_message_passes_with_no_warning => "chinese",
                russian_message_passes_with_no_warning => "russian",
                arabic_message_passes_with_no_warning => "arabic",
                emoji_subject_passes_with_no_warning => "emoji-subject",
                many_recipients_with_cc_bcc_quoted_names_and_a_long_subject_passes_with_no_warning => "many-recipients",
            }
        }
    };
}

mailer!(
    python_email_default_policy,
    "python-email-default",
    run_generator("python-email-default", "python3", &["tests/mailers/python_email.py", "default"])
);
mailer!(
    python_email_compat32_policy,
    "python-email-compat32",
    run_generator("python-email-compat32", "python3", &["tests/mailers/python_email.py", "compat32"])
);
mailer!(nodemailer, "nodemailer", run_generator("nodemailer", "node", &["tests/mailers/nodemailer.cjs"]));
mailer!(phpmailer, "phpmailer", run_generator("phpmailer", "php", &["tests/mailers/phpmailer.php"]));
mailer!(symfony_mime, "symfony-mime", run_generator("symfony-mime", "php", &["tests/mailers/symfony_mime.php"]));
mailer!(php_mail_mime, "php-mail-mime", run_generator("php-mail-mime", "php", &["tests/mailers/mail_mime.php"]));
mailer!(perl_mime_lite, "perl-mime-lite", run_generator("perl-mime-lite", "perl", &["tests/mailers/mime_lite.pl"]));
mailer!(perl_email_mime, "perl-email-mime", run_generator("perl-email-mime", "perl", &["tests/mailers/email_mime.pl"]));
mailer!(perl_mime_tools, "perl-mime-tools", run_generator("perl-mime-tools", "perl", &["tests/mailers/mime_tools.pl"]));
mailer!(ruby_mail, "ruby-mail", run_generator("ruby-mail", "ruby", &["tests/mailers/ruby_mail.rb"]));
mailer!(rust_mail_builder, "rust-mail-builder", run_mail_builder());
mailer!(rust_lettre, "rust-lettre", run_lettre());

/// lettre runs in this process: nothing to skip.
fn run_lettre() -> Built {
    let specs = specs();
    let (files, png) = (files(), png::logo_png());
    let messages = MESSAGES.iter().map(|name| (name.to_string(), lettre_generator::build(&specs[*name], &files, &png)));
    with_copies("rust-lettre", messages.collect())
}

/// lettre writes no Message-ID unless the script asks for one (`message_id(None)`), and
/// Gmail refuses a message without one ("550-5.7.1 Messages missing a valid messageId
/// header are not accepted"): each of the messages it writes that way is an error, and
/// that finding alone is added to what the same message with its Message-ID gets.
#[test]
fn lettre_without_message_id_is_refused_for_that_alone() {
    let specs = specs();
    let (files, png) = (files(), png::logo_png());
    for name in MESSAGES {
        let with = lint(&lettre_generator::build(&specs[name], &files, &png), &options_for(name)).expect("lints");
        let without =
            lint(&lettre_generator::build_without_message_id(&specs[name], &files, &png), &options_for(name)).expect("lints");
        let flagged = |report: &Report| -> BTreeSet<(String, String)> {
            report
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
                .map(|f| (f.rule_id.clone(), f.message_id.clone()))
                .collect()
        };
        let mut expected = flagged(&with);
        expected.insert(("headers/missing-field".to_string(), "headers/missing-field.no-message-id".to_string()));
        assert_eq!(flagged(&without), expected, "{name}:\n{}", describe(&without));
        assert_eq!(without.verdict, Verdict::Fail, "{name}");
    }
}

/// PHP `mail()` hands sendmail a message without Date or Message-ID: the MTA
/// adds them (sendmail(8), Postfix's `always_add_missing_headers` for local
/// submission). A contact form calling it the way the PHP manual's example does
/// must not be told those fields are missing.
#[test]
fn php_mail_contact_form_without_date_or_message_id_passes_with_no_warning() {
    let specs = specs();
    let form = &specs["contact-form"];
    let call = PhpMail::new(
        form["to"]["address"].as_str().unwrap(),
        form["subject"].as_str().unwrap(),
        form["text"].as_str().unwrap(),
        // The PHP manual's mail() example #2, with the visitor as Reply-To.
        "From: contact@example.com\r\nReply-To: jane.visitor@example.org\r\nX-Mailer: PHP/8.2.29",
    );
    let report = lint_php_mail(&call, &Options::default()).expect("the call lints");
    let warnings = report.findings.iter().filter(|f| f.severity >= Severity::Warning).count();
    assert!(
        report.verdict == Verdict::Pass && warnings == 0,
        "php mail(): verdict {:?}, {warnings} warning(s) or error(s)\n{}\nthe message:\n{}",
        report.verdict,
        describe(&report),
        report.source.as_deref().unwrap_or_default()
    );
}
