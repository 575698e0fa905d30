//! Real mailers are the ground truth for "clean" (#11): five messages built by
//! each mail library with its default settings — a plain contact-form message,
//! an HTML message with a text alternative and a PDF attachment, a French and
//! Polish message with accents in the subject, the names and the body, a shop's
//! order confirmation listing twelve prices, a password reset with a long token
//! link (`tests/mailers/messages.json`) — must lint `pass` with no warning.
//!
//! Each generator in `tests/mailers/` runs in a temporary folder; its output is
//! linted as the library wrote it (line ends included) and a copy is left in
//! `$TMPDIR/mailers-out/<library>/` for inspection. A generator whose
//! interpreter is missing is skipped with a note (CI installs them through
//! `.ci/setup.sh`); a missing library is a failure.

#[path = "mailers/mail_builder.rs"]
mod mail_builder_generator;
#[path = "mailers/pdf.rs"]
mod pdf;

use mail_preflight::{lint, lint_php_mail, Options, PhpMail, Report, Severity, Verdict};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The messages every generator builds, by name (the `.eml` file stem).
const MESSAGES: [&str; 5] = ["contact-form", "html-pdf", "accented", "order-confirmation", "password-reset"];

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

/// Runs `interpreter script… OUTDIR PDF` from the project folder and reads the
/// `.eml` files it writes, one per message of messages.json.
fn run_generator(library: &str, interpreter: &str, script_and_args: &[&str]) -> Built {
    let work = std::env::temp_dir().join(format!("mail-preflight-mailers-{}-{library}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("temporary folder");
    let pdf_path = work.join("invoice-1042.pdf");
    std::fs::write(&pdf_path, pdf::invoice_pdf()).expect("write the PDF");
    let output =
        Command::new(interpreter).args(script_and_args).arg(&work).arg(&pdf_path).current_dir(project()).output();
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
    let pdf = pdf::invoice_pdf();
    let messages = MESSAGES.iter().map(|name| (name.to_string(), mail_builder_generator::build(&specs[*name], &pdf)));
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

/// The message must lint `pass` with no warning (info findings are fine).
fn assert_clean(library: &str, name: &str, raw: &[u8], copy: &Path) {
    let report = lint(raw, &Options::default()).expect("the message lints");
    let warnings = report.findings.iter().filter(|f| f.severity >= Severity::Warning).count();
    assert!(
        report.verdict == Verdict::Pass && warnings == 0,
        "{library} {name}: verdict {:?}, {warnings} warning(s) or error(s); the message: {}\n{}",
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

/// One test per library and message of messages.json; the generator runs once.
macro_rules! mailer {
    ($module:ident, $library:literal, $generate:expr) => {
        mod $module {
            use super::*;
            fn built() -> &'static Built {
                static BUILT: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
                BUILT.get_or_init(|| $generate)
            }
            #[test]
            fn contact_form_message_passes_with_no_warning() {
                check(built(), $library, "contact-form");
            }
            #[test]
            fn html_message_with_text_alternative_and_pdf_attachment_passes_with_no_warning() {
                check(built(), $library, "html-pdf");
            }
            #[test]
            fn accented_french_and_polish_message_passes_with_no_warning() {
                check(built(), $library, "accented");
            }
            #[test]
            fn order_confirmation_with_a_price_list_passes_with_no_warning() {
                check(built(), $library, "order-confirmation");
            }
            #[test]
            fn password_reset_with_a_token_link_passes_with_no_warning() {
                check(built(), $library, "password-reset");
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
mailer!(nodemailer_mail_composer, "nodemailer", run_generator("nodemailer", "node", &["tests/mailers/nodemailer.cjs"]));
mailer!(phpmailer, "phpmailer", run_generator("phpmailer", "php", &["tests/mailers/phpmailer.php"]));
mailer!(symfony_mime, "symfony-mime", run_generator("symfony-mime", "php", &["tests/mailers/symfony_mime.php"]));
mailer!(perl_mime_lite, "perl-mime-lite", run_generator("perl-mime-lite", "perl", &["tests/mailers/mime_lite.pl"]));
mailer!(perl_email_mime, "perl-email-mime", run_generator("perl-email-mime", "perl", &["tests/mailers/email_mime.pl"]));
mailer!(ruby_mail, "ruby-mail", run_generator("ruby-mail", "ruby", &["tests/mailers/ruby_mail.rb"]));
mailer!(rust_mail_builder, "rust-mail-builder", run_mail_builder());

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
