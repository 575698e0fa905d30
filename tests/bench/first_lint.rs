//! The first lints in a fresh process, natively (#14 cold start): what one-time
//! initialisation (lexicons, tables, settings) costs before a lint is warm.
//!   cargo run --profile native --example first_lint
fn main() {
    let raw = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nHello\r\n";
    let started = std::time::Instant::now();
    let linter = mail_preflight::Linter::new(&Default::default()).expect("default options");
    println!("Linter::new: {:?}", started.elapsed());
    for i in 1..=3 {
        let t = std::time::Instant::now();
        let _ = linter.lint(raw);
        println!("lint {i}: {:?}", t.elapsed());
    }
}
