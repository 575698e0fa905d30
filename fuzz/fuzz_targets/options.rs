//! Options as JSON: checked once (`invalid-options` naming the field, never a
//! panic), then used to lint a small message that touches the date, DKIM,
//! listed-IP, sender and SMTP rules the options steer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_preflight::{Linter, Locale, Options};

const MESSAGE: &[u8] = b"Received: from [203.0.113.7] by mx.example.net\r\n\
DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; c=relaxed/relaxed; h=from:to:subject; x=1700000000; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA\r\n\
From: Shop <news@example.com>\r\n\
To: someone@example.org\r\n\
Subject: FREE OFFER TODAY\r\n\
Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\
Message-ID: <a1@example.com>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: text/html; charset=utf-8\r\n\
\r\n\
<p style=\"color:#fff;background:#fff\">hidden</p><a href=\"http://203.0.113.7/x\">https://example.com</a>\r\n";

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    // A refusal is read from serde's text and worded in every language, never a panic.
    let say = |error: mail_preflight::LintError| {
        for locale in [Locale::En, Locale::Fr, Locale::Es, Locale::Pl] {
            let _ = error.localized(locale);
        }
    };
    let options = match Options::from_json(json) {
        Ok(options) => options,
        Err(error) => return say(error),
    };
    let linter = match Linter::new(&options) {
        Ok(linter) => linter,
        Err(error) => return say(error),
    };
    if let Ok(report) = linter.lint(MESSAGE) {
        fuzz_checks::check_report(&report);
    }
});
