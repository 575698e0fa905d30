//! Hostile HTML and CSS: every case finishes within the analysis budget and
//! says so when it was cut; the rest of the report is still produced. Timings
//! are printed (run with `--nocapture`), never asserted.

use mail_preflight::model::html::{analyse, analyse_within, HtmlFacts, TruncatedBy, Work, MAX_HTML_STEPS};
use mail_preflight::{lint, Options};
use std::time::Instant;

fn timed(label: &str, html: &str) -> HtmlFacts {
    let start = Instant::now();
    let facts = analyse(html);
    println!(
        "{label}: {} bytes of HTML in {:?}, {} steps, {} sources, cut: {:?}",
        html.len(),
        start.elapsed(),
        facts.steps,
        facts.sources.len(),
        facts.truncated.map(|t| t.by)
    );
    assert!(facts.steps <= MAX_HTML_STEPS);
    facts
}

fn message(html: &str) -> Vec<u8> {
    format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <a@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n")
        .into_bytes()
}

#[test]
fn a_megabyte_style_value_over_twenty_thousand_lines_shares_one_source() {
    // The message of the hardening issue: 34 s and 4.2 GB before (a source string per run).
    let html = format!("<div style=\"background:red {}\">{}</div>", "A".repeat(1_000_000), "x<br>".repeat(20_000));
    let facts = timed("1 MB style value", &html);
    assert_eq!(facts.truncated, None);
    assert_eq!(facts.runs.len(), 20_000);
    assert!(facts.sources.len() <= 2, "one source for the background, not one per run: {}", facts.sources.len());
    let start = Instant::now();
    let report = lint(&message(&html), &Options::default()).expect("a report");
    println!("1 MB style value, whole lint: {:?}", start.elapsed());
    assert!(report.findings.iter().all(|f| !f.message_id.starts_with("spam/invisible-text.too-")), "not cut");
}

#[test]
fn selectors_with_thousands_of_compounds_are_ignored_and_counted() {
    let html = format!("<style>{} {{ color: #fff }}</style><p>x</p>", "div ".repeat(5_000));
    let facts = timed("5,000 compounds", &html);
    assert_eq!(facts.ignored_selectors, 1);
    assert_eq!(facts.runs[0].color.hex(), "#000000");
}

#[test]
fn deeply_nested_selector_functions_are_ignored_without_recursion() {
    let html = format!("<style>{}p{} {{ color: #fff }}</style><p>x</p>", ":not(".repeat(20_000), ")".repeat(20_000));
    let facts = timed("20,000 nested :not(", &html);
    assert_eq!(facts.runs[0].color.hex(), "#000000");
}

#[test]
fn expensive_matching_runs_out_of_budget_and_says_so() {
    // 4,000 rules whose selectors walk every ancestor and sibling, over 20,000 elements.
    let rules: String = (0..4_000).map(|i| format!("p ~ p ~ * * p.c{i} {{ color: #fff }}\n")).collect();
    let html = format!("<style>{rules}</style><div><div>{}</div></div>", "<p class=\"c1\">x</p>".repeat(20_000));
    let facts = timed("4,000 rules × 20,000 siblings", &html);
    let cut = facts.truncated.expect("cut");
    assert_eq!(cut.by, TruncatedBy::Steps);
    assert!(cut.analysed_bytes < cut.total_bytes);
    let report = lint(&message(&html), &Options::default()).expect("a report");
    assert!(report.findings.iter().any(|f| f.message_id == "spam/invisible-text.too-much-work"));
}

#[test]
fn derived_text_over_its_budget_is_cut_and_says_so() {
    let html = "<p>word </p>".repeat(10_000);
    let facts = analyse_within(&html, &mut Work::new(MAX_HTML_STEPS, 10_000, u64::MAX));
    assert_eq!(facts.truncated.map(|t| t.by), Some(TruncatedBy::DerivedBytes));
    assert!(facts.visible_text.len() < 10_000);
}

#[test]
fn malformed_css_never_panics() {
    let cases = [
        "<style>p { color: rgb(1,2 </style><p>x</p>",
        "<style>/* never closed</style><p>x</p>",
        "<style>p { color: \"unclosed }</style><p>x</p>",
        "<style>}}}}{{{{ @media {{{ p { color: red</style><p>x</p>",
        "<style>@media screen { @media screen { @media screen { @media screen { @media screen { @media screen { @media screen { @media screen { @media screen { p { color: #fff } } } } } } } } } }</style><p>x</p>",
        "<p style='color: color-mix(in srgb, red, blue); background: color(rec2100-pq 1 1 1)'>x</p>",
        "<p style='color: rgb(rgb(rgb(rgb(1,2,3))))'>x</p>",
        "<p style='color: hsl(1e40 1e40% -1e40%); font-size: 1e40px; opacity: -1e40'>x</p>",
        "<p style='clip: rect(); clip-path: inset(); font: /; background: url('>x</p>",
        "<p style='\\0\\0\\0: \\ffffff; c\\olor: #\\66 ff'>x</p>",
    ];
    for html in cases {
        let facts = timed("malformed", html);
        assert!(facts.visible_text.contains('x'), "{html}");
    }
    let nested_media = "@media screen {".repeat(5_000) + "p { color: #fff }" + &"}".repeat(5_000);
    let facts = timed("5,000 nested @media", &format!("<style>{nested_media}</style><p>x</p>"));
    assert_eq!(facts.runs[0].color.hex(), "#000000");
}

#[test]
fn thousands_of_rules_are_capped() {
    let rules: String = (0..20_000).map(|i| format!(".c{i} {{ color: #fff }}")).collect();
    let facts = timed("20,000 rules", &format!("<style>{rules}</style><p class=\"c19999\">x</p>"));
    let cut = facts.style_cut.expect("the cut is said");
    assert_eq!(cut.by, mail_preflight::model::html::StyleLimit::Bytes, "400 KB of rules");
    let rules: String = (0..6_000).map(|i| format!(".c{i} {{ color: #fff }}")).collect();
    let facts = timed("6,000 rules", &format!("<style>{rules}</style><p class=\"c5999\">x</p>"));
    let cut = facts.style_cut.expect("the cut is said");
    assert_eq!((cut.by, cut.limit), (mail_preflight::model::html::StyleLimit::Rules, 4_000));
    assert_eq!(cut.selectors_left_out, 2_000);
}

#[test]
fn the_html_parts_of_one_message_share_one_budget() {
    // Each part's style sheet matches every element with 4,000 rules: the
    // first part spends the message's steps, so the others are cut at once
    // (each part had had the whole budget: 16 such parts took 5.2 s in wasm).
    let sheet: String = "div p{color:#fff}".repeat(4_000);
    let part = format!("<style>{sheet}</style><div>{}", "<p>x</p>".repeat(3_000));
    let mut work = Work::standard();
    let first = analyse_within(&part, &mut work);
    assert_eq!(first.truncated.map(|t| t.by), Some(TruncatedBy::Steps));
    let second = analyse_within(&part, &mut work);
    let cut = second.truncated.expect("cut");
    assert_eq!((cut.by, cut.analysed_bytes), (TruncatedBy::Steps, 0));
    assert!(first.steps + second.steps <= MAX_HTML_STEPS);
    // The same through a message of 6 such parts: one report of the cut a
    // part, the later ones having analysed nothing.
    let parts: String =
        (0..6).map(|_| format!("--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{part}\r\n")).collect();
    let raw = format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <a@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n{parts}--b--\r\n");
    let report = lint(raw.as_bytes(), &Options::default()).expect("a report");
    let cuts: Vec<_> = report.findings.iter().filter(|f| f.message_id == "spam/invisible-text.too-much-work").collect();
    assert_eq!(cuts.len(), 6);
    let analysed_nothing = cuts.iter().filter(|f| f.evidence.starts_with("analysed 0 of")).count();
    assert_eq!(analysed_nothing, 5, "{:?}", cuts.iter().map(|f| &f.evidence).collect::<Vec<_>>());
}

#[test]
fn the_tree_builders_allowance_is_shared_too() {
    // The first part's ignored end tags spend the tree builder's base; a later
    // part deeper than its bytes allow is cut at once, an ordinary one is not.
    let walking = format!("{}{}", "<div>".repeat(500), "</li>".repeat(20_000));
    let mut work = Work::standard();
    assert_eq!(analyse_within(&walking, &mut work).truncated.map(|t| t.by), Some(TruncatedBy::Steps));
    let ordinary = "<p>Hello <b>you</b>, <a href=\"https://example.com/\">here</a>.</p>".repeat(100);
    assert_eq!(analyse_within(&ordinary, &mut work).truncated, None);
    let again = analyse_within(&walking, &mut work).truncated.expect("cut");
    assert!(again.analysed_bytes < 3_000, "{again:?}");
}
