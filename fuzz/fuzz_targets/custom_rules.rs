//! Your own rules: any bytes as a SpamAssassin rule file (`spamassassinRules`)
//! and, after the first NUL, as a `customRules` list, checked as an editor does
//! (`check_custom_rules`: problems with their line and column, never a panic)
//! and then run on a message that every target of the rules reaches (header,
//! subject, from, body, rawbody, uri, filename, full). The work limit of
//! `src/custom/work.rs` keeps each input within `-timeout`; every text of the
//! report, the rules' ids included, is visible and capped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_preflight::custom::check::check_custom_rules;
use mail_preflight::{Linter, Locale, Options};

const MESSAGE: &[u8] = b"From: \"Shop\" <news@example.com>\r\n\
To: someone@example.org\r\n\
Subject: =?utf-8?Q?Claim_your_prize_=E2=82=AC?=\r\n\
Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\
Message-ID: <a1@example.com>\r\n\
X-Acme-CRM: 123456\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: multipart/alternative; boundary=\"b2\"\r\n\
\r\n\
--b2\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Claim your prize at http://203.0.113.7/win now! casino payday loans\r\n\
--b2\r\n\
Content-Type: text/html; charset=utf-8\r\n\
\r\n\
<p>Claim your <b>prize</b> <a href=\"https://bit.ly/x\">here</a> <img src=\"http://example.net/a.png\"></p>\r\n\
--b2--\r\n\
--b1\r\n\
Content-Type: application/octet-stream; name=\"invoice.exe\"\r\n\
Content-Disposition: attachment; filename=\"invoice.exe\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\r\n\
--b1--\r\n";

fuzz_target!(|data: &[u8]| {
    let (cf, custom) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let cf = String::from_utf8_lossy(cf);
    // A `customRules` list as JSON, when the rest reads as one; otherwise none.
    let custom: serde_json::Value = serde_json::from_slice(custom).unwrap_or(serde_json::Value::Array(Vec::new()));
    let json = serde_json::json!({ "customRules": custom, "spamassassinRules": cf }).to_string();
    // The editor's check: problems worded in every language, never a panic.
    for locale in [Locale::En, Locale::Pl] {
        let checked = check_custom_rules(&json, locale);
        for rule in &checked.rules {
            fuzz_checks::assert_visible("a rule's id", &rule.id);
        }
    }
    let Ok(options) = Options::from_json(&json) else { return };
    let Ok(linter) = Linter::new(&options) else { return };
    if let Ok(report) = linter.lint(MESSAGE) {
        fuzz_checks::check_report(&report);
        for finding in &report.findings {
            fuzz_checks::assert_visible("a finding's rule id", &finding.rule_id);
        }
    }
});
