//! SMTP replies (`explain`): any text gets an explanation in every language.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_preflight::Locale;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let locale = [Locale::En, Locale::Fr, Locale::Es, Locale::Pl][usize::from(which & 3)];
    let text = String::from_utf8_lossy(rest);
    let explanation = mail_preflight::smtp::explain(&text, locale);
    assert!(!explanation.action.is_empty());
});
