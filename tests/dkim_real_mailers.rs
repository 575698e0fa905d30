//! Measured against work nobody here wrote (#16): Python `email` + dkimpy,
//! Nodemailer (its `dkim` option) and PHPMailer (its DKIM signer) build one
//! correct bulk message, signed, and broken variants (`tests/mailers/dkim/`).
//! The correct message passes with no warning; each broken variant raises
//! exactly its rule among the warnings and errors, no other.
//!
//! The RSA key is generated for the run with `openssl genrsa` (no private key
//! is committed); its public key is given to the linter as `options.dkimKeys`,
//! so `b=` is verified too. A generator whose interpreter is missing is
//! skipped with a note; a missing library is a failure (`.ci/setup.sh`
//! installs dkimpy, PHPMailer and Nodemailer).

use mail_preflight::{lint, Options, Report, Severity, Verdict};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh 2048-bit key and its DNS record text, in a temporary folder.
struct Key {
    dir: PathBuf,
    pem: PathBuf,
    record: String,
}

fn key() -> Option<&'static Key> {
    static KEY: std::sync::OnceLock<Option<Key>> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("mail-preflight-dkim-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        let pem = dir.join("test-key.pem");
        let generated = Command::new("openssl").args(["genrsa", "-out"]).arg(&pem).arg("2048").output();
        if !generated.as_ref().is_ok_and(|o| o.status.success()) {
            eprintln!("SKIPPED: openssl is not available to generate a test key.");
            return None;
        }
        let der = Command::new("openssl")
            .args(["rsa", "-pubout", "-outform", "DER", "-in"])
            .arg(&pem)
            .output()
            .expect("openssl rsa -pubout");
        assert!(der.status.success());
        let record = format!("v=DKIM1; k=rsa; p={}", mail_preflight::input::encode::base64(&der.stdout));
        Some(Key { dir, pem, record })
    })
    .as_ref()
}

fn options(key: &Key) -> Options {
    let json = serde_json::json!({
        "senderDomains": ["my-site.example"],
        "dkimKeys": { "s1._domainkey.my-site.example": key.record },
    });
    Options::from_json(&json.to_string()).expect("options")
}

/// Runs a generator; `None` when its interpreter is missing.
fn generate(library: &str, interpreter: &str, script: &str) -> Option<BTreeMap<String, Vec<u8>>> {
    let key = key()?;
    let out = key.dir.join(library);
    std::fs::create_dir_all(&out).unwrap();
    let output = Command::new(interpreter).arg(script).arg(&out).arg(&key.pem).current_dir(project()).output();
    let output = match output {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "SKIPPED: {interpreter} is not installed, so {library} cannot run here (.ci/setup.sh installs it)."
            );
            return None;
        }
        other => other.expect("start the generator"),
    };
    assert!(
        output.status.success(),
        "the {library} generator failed: is the library installed (.ci/setup.sh)?\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut messages = BTreeMap::new();
    for entry in std::fs::read_dir(&out).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "eml") {
            messages.insert(path.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap());
        }
    }
    Some(messages)
}

/// Rules with a warning or an error in the report.
fn flagged(report: &Report) -> BTreeSet<String> {
    report.findings.iter().filter(|f| f.severity >= Severity::Warning).map(|f| f.rule_id.clone()).collect()
}

fn describe(report: &Report) -> String {
    report
        .findings
        .iter()
        .map(|f| format!("  {} {}: {}", f.severity.as_str(), f.rule_id, f.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What each variant must raise: exactly this rule among warnings and errors.
const BROKEN: &[(&str, &str)] = &[
    ("visitor-from", "sender/visitor-from"),
    ("missing-post", "bulk/one-click"),
    ("body-changed", "dkim/body-hash"),
    ("no-from-signed", "dkim/header-coverage"),
    ("encoded-unsubscribe", "bulk/list-unsubscribe"),
];

fn check_library(library: &str, interpreter: &str, script: &str, expected_variants: &[&str]) {
    let Some(messages) = generate(library, interpreter, script) else { return };
    let key = key().unwrap();
    let options = options(key);
    let dir = key.dir.join(library);
    let correct = lint(&messages["correct"], &options).expect("lints");
    assert!(
        correct.verdict == Verdict::Pass && flagged(&correct).is_empty(),
        "{library}: the correct bulk message ({}) must pass with no warning:\n{}",
        dir.join("correct.eml").display(),
        describe(&correct)
    );
    for variant in expected_variants {
        let raw = messages.get(*variant).unwrap_or_else(|| panic!("{library} wrote no {variant}.eml"));
        let rule = BROKEN.iter().find(|(v, _)| v == variant).unwrap().1;
        let report = lint(raw, &options).expect("lints");
        let expected: BTreeSet<String> = [rule.to_string()].into();
        assert_eq!(
            flagged(&report),
            expected,
            "{library} {variant} ({}) must raise exactly {rule}:\n{}",
            dir.join(format!("{variant}.eml")).display(),
            describe(&report)
        );
    }
}

#[test]
fn python_email_signed_by_dkimpy_correct_passes_and_each_broken_variant_raises_its_rule() {
    check_library(
        "python-dkimpy",
        "python3",
        "tests/mailers/dkim/python_bulk.py",
        &["visitor-from", "missing-post", "body-changed"],
    );
}

#[test]
fn nodemailer_signed_with_its_dkim_option_correct_passes_and_each_broken_variant_raises_its_rule() {
    check_library(
        "nodemailer",
        "node",
        "tests/mailers/dkim/nodemailer_bulk.cjs",
        &["visitor-from", "missing-post", "body-changed", "no-from-signed"],
    );
}

#[test]
fn phpmailer_signed_with_its_dkim_signer_correct_passes_and_each_broken_variant_raises_its_rule() {
    check_library(
        "phpmailer",
        "php",
        "tests/mailers/dkim/phpmailer_bulk.php",
        &["visitor-from", "missing-post", "body-changed", "encoded-unsubscribe"],
    );
}

#[test]
fn every_signature_of_the_correct_messages_verifies_with_the_generated_key() {
    for (library, interpreter, script) in [
        ("python-dkimpy-verify", "python3", "tests/mailers/dkim/python_bulk.py"),
        ("nodemailer-verify", "node", "tests/mailers/dkim/nodemailer_bulk.cjs"),
        ("phpmailer-verify", "php", "tests/mailers/dkim/phpmailer_bulk.php"),
    ] {
        let Some(messages) = generate(library, interpreter, script) else { continue };
        let report = lint(&messages["correct"], &options(key().unwrap())).expect("lints");
        assert!(!report.has("dkim/signature") && !report.has("dkim/body-hash"), "{library}:\n{}", describe(&report));
        // The same message with a signed header changed no longer verifies.
        let tampered =
            String::from_utf8_lossy(&messages["correct"]).replacen("Our news for March", "Our news for April", 1);
        let report = lint(tampered.as_bytes(), &options(key().unwrap())).expect("lints");
        assert!(report.has("dkim/signature"), "{library}: a changed Subject must break b=:\n{}", describe(&report));
    }
}
