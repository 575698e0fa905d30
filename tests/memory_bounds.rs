//! Memory per message (#13): the worst 10 MB messages of each kind — found by
//! `tests/bench/memory.mjs`, which prints their wasm memory — need at most
//! 256 MiB of heap here too (native structures are larger than wasm32's, so
//! this bound is the stricter one). A counting allocator measures the peak of
//! each lint: it counts the allocations of the measuring thread alone, so the
//! inputs other tests build meanwhile are not counted; cases run one after
//! another under a lock. Each case is also checked for what the report says,
//! so none passes by being refused.

use mail_preflight::{lint, Options, Report};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::Mutex;

/// The wasm memory any one message may need (default, ours; `tests/bench/memory.mjs`).
const BOUND_BYTES: usize = 256 * 1024 * 1024;
const TEN_MB: usize = 10_000_000;

struct Counting;
/// Bytes the measuring thread holds beyond what it held when the measure
/// began (negative when it frees older memory), and the most it reached.
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    /// Whether this thread's allocations are counted (`measured`).
    static MEASURING: Cell<bool> = const { Cell::new(false) };
}

fn counted() -> bool {
    MEASURING.try_with(Cell::get).unwrap_or(false)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counted() {
            let size = layout.size() as isize;
            PEAK.fetch_max(CURRENT.fetch_add(size, Ordering::Relaxed) + size, Ordering::Relaxed);
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if counted() {
            CURRENT.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// `run` on this thread with its allocations counted: its result and the peak
/// of the heap it needed. One measure at a time (`ONE_AT_A_TIME`).
fn measured<T>(run: impl FnOnce() -> T) -> (T, usize) {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    CURRENT.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    MEASURING.with(|m| m.set(true));
    let result = run();
    MEASURING.with(|m| m.set(false));
    (result, PEAK.load(Ordering::Relaxed).max(0) as usize)
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The report of `raw` and the heap its lint needed beyond `raw` itself.
fn lint_measured(raw: &[u8]) -> (Report, usize) {
    let (report, peak) = measured(|| lint(raw, &Options::default()).expect("a report"));
    println!("{} bytes: peak {:.1} MB", raw.len(), peak as f64 / 1e6);
    (report, peak)
}

fn assert_within_bound(raw: &[u8]) -> Report {
    let (report, peak) = lint_measured(raw);
    assert!(peak <= BOUND_BYTES, "{:.1} MB of heap for one message", peak as f64 / 1e6);
    report
}

const HEAD: &str = "From: a@example.com\nTo: b@example.com\nSubject: Hi\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <a@example.com>\nMIME-Version: 1.0\n";

fn ids(report: &Report) -> Vec<&str> {
    report.findings.iter().map(|f| f.message_id.as_str()).collect()
}

#[test]
fn a_ten_megabyte_base64_attachment_is_checked_without_a_copy_per_character() {
    // headers/transfer-encoding kept an (offset, byte) pair per base64 character: 16 bytes each.
    let line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n";
    let body = line.repeat(TEN_MB / line.len());
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nSee attached.\n--b\nContent-Type: application/octet-stream; name=a.bin\nContent-Transfer-Encoding: base64\n\n{body}--b--\n"
    );
    let report = assert_within_bound(raw.as_bytes());
    assert!(!ids(&report).iter().any(|id| id.starts_with("headers/transfer-encoding")), "{:?}", ids(&report));
}

#[test]
fn end_tags_that_make_elements_stop_at_the_element_limit() {
    // Each `</p>` with no `p` open, and each `</br>`, makes an element without a
    // start tag: 2.5 million of them had taken 727 MB of wasm memory.
    for unit in ["</p>", "</br>"] {
        let body = unit.repeat(TEN_MB / unit.len());
        let raw = format!("{HEAD}Content-Type: text/html; charset=utf-8\n\n<body>{body}");
        let report = assert_within_bound(raw.as_bytes());
        assert!(ids(&report).contains(&"spam/invisible-text.too-many-elements"), "{unit}: {:?}", ids(&report));
    }
}

#[test]
fn two_million_header_fields_are_read_once() {
    // mail-parser kept a record per field, and the model kept the header twice.
    let raw = format!("{HEAD}{}\nHello\n", "a:1\n".repeat(TEN_MB / 4));
    let report = assert_within_bound(raw.as_bytes());
    assert!(ids(&report).contains(&"headers/field-name.too-many"), "{:?}", ids(&report));
}

#[test]
fn two_million_header_fields_holding_encoded_word_starts_are_recorded_within_the_bound() {
    // Each field holding `=?` has a record (`model::charsets::EncodedWordField`).
    let raw = format!("{HEAD}{}\nHello\n", "a:=?\n".repeat(TEN_MB / 5));
    let report = assert_within_bound(raw.as_bytes());
    assert!(ids(&report).contains(&"headers/field-name.too-many"), "{:?}", ids(&report));
}

#[test]
fn a_subject_of_a_million_encoded_words_is_judged_without_their_bytes() {
    // The analysis reads each encoded word of a field once and keeps none of its
    // bytes (`model::charsets::misdeclared`): UTF-8 under a single-byte charset,
    // which headers/encoded-word judges over all of them.
    let word = " =?iso-8859-1?Q?Zam=C3=B3wienie?=";
    let subject = word.repeat(TEN_MB / word.len());
    let raw = format!("From: a@example.com\nTo: b@example.com\nSubject:{subject}\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <a@example.com>\n\nHello\n");
    let report = assert_within_bound(raw.as_bytes());
    assert!(ids(&report).contains(&"headers/encoded-word.misdeclared"), "{:?}", ids(&report));
}

#[test]
fn part_headers_of_a_million_fields_in_every_form_mail_parser_reads_are_folded() {
    // mail-parser keeps a record a field: past MAX_PART_HEADER_FIELDS the model
    // folds them in its copy, which must know every line mail-parser reads as a
    // field (`a b:1` and `:a:1` are fields too) and every attached message's
    // header (its Content-Type may be folded before `message/rfc822`).
    let cases = [
        ("a:1\n", "Content-Type: text/plain"),
        ("a b:1\n", "Content-Type: text/plain"),
        (":a :1\n", "Content-Type: text/plain"),
        ("a:1\n", "Content-Type:\n message/rfc822"),
        ("a :1\n", "Content-Type :\n\tmessage/rfc822"),
    ];
    for (field, content_type) in cases {
        let crowd = field.repeat(TEN_MB / field.len());
        // The crowd is the part's own header, or the attached message's.
        let part = if content_type.contains("message/") {
            format!("{content_type}\n\n{crowd}From: c@example.org\n\nhi")
        } else {
            format!("{crowd}{content_type}\n\nhi")
        };
        let raw = format!("{HEAD}Content-Type: multipart/mixed; boundary=b\n\n--b\n{part}\n--b--\n");
        let (report, peak) = lint_measured(raw.as_bytes());
        assert!(peak <= BOUND_BYTES / 2, "{field:?} under {content_type:?}: {:.1} MB", peak as f64 / 1e6);
        assert!(!report.findings.is_empty(), "{field:?} under {content_type:?}");
    }
}

#[test]
fn three_thousand_expected_matches_on_the_whole_message_quote_it_once() {
    // Each rule of `expect: match` that found nothing quoted its source's first
    // value whole: 3,200 of them on a 1.6 MB message kept 3,200 copies (a trap).
    let rules: Vec<serde_json::Value> = (0..3_000)
        .map(|i| {
            let target = ["full", "rawbody", "body"][i % 3];
            serde_json::json!({ "id": format!("acme/r{i}"), "target": target, "pattern": format!("zz{i}q"), "expect": "match" })
        })
        .collect();
    let options = Options::from_json(&serde_json::json!({ "customRules": rules }).to_string()).expect("options");
    let linter = mail_preflight::Linter::new(&options).expect("rules");
    // 800 KB: since stop 73 the search for each rule's literal is work
    // (`MAX_CUSTOM_RULE_WORK`, 16 bytes a unit): the 1,000 `full` rules read the
    // whole message, the `rawbody` and `body` ones their first 500,000 and 50,000
    // bytes, about 84 million units here; over 1.6 MB only 2,655 rules ran.
    let body = ("a".repeat(70) + "\n").repeat(800_000 / 71);
    let raw = format!("{HEAD}Content-Type: text/plain\n\n{body}");
    let (report, peak) = measured(|| linter.lint(raw.as_bytes()).expect("a report"));
    println!("3,000 expected matches: peak {:.1} MB", peak as f64 / 1e6);
    assert!(peak <= BOUND_BYTES / 4, "{:.1} MB", peak as f64 / 1e6);
    let fired: Vec<_> = report.findings.iter().filter(|f| f.rule_id.starts_with("acme/")).collect();
    assert_eq!(fired.len(), 3_000);
    assert!(!report.findings.iter().any(|f| f.message_id == "core.custom.limit.work"), "every rule within the work limit");
    assert!(fired.iter().all(|f| f.evidence.chars().count() <= 200 && f.evidence.contains('\u{2026}')));
}

#[test]
fn two_million_empty_mime_parts_stop_at_the_limit_with_a_finding() {
    let raw = format!("{HEAD}Content-Type: multipart/mixed; boundary=b\n\n{}--b--\n", "--b\n\n".repeat(TEN_MB / 5));
    let report = assert_within_bound(raw.as_bytes());
    assert!(ids(&report).contains(&"headers/multipart-boundary.too-many-parts"), "{:?}", ids(&report));
}

#[test]
fn three_hundred_thousand_nested_attached_messages_stop_at_the_limit_with_a_finding() {
    let raw = format!(
        "{HEAD}Content-Type: message/rfc822\n\n{}Subject: x\n\nx\n",
        "Content-type:message/rfc822\n\n".repeat(TEN_MB / 29)
    );
    let raw = raw.into_bytes();
    let report = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || assert_within_bound(&raw))
        .unwrap()
        .join()
        .expect("no stack overflow on wasm's 1 MiB stack");
    assert!(ids(&report).contains(&"headers/multipart-boundary.too-deep"), "{:?}", ids(&report));
}

#[test]
fn a_header_of_a_megabyte_still_shows_the_mime_structure_below_it() {
    // Past MAX_PARSER_HEADER_BYTES mail-parser reads a copy of the MIME fields and the
    // body: the attachment must still be found, at its place in the input.
    let filler = "X-Filler: value\n".repeat(1_000_000 / 16);
    let program = "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA4fug4AtAnNIbgBTM0hVGhpcyBwcm9ncmFtIGNhbm5vdCBiZSBydW4gaW4gRE9TIG1vZGUuDQ0KJAAAAAAAAABQRQAA";
    let raw = format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=b\n{filler}\n--b\nContent-Type: text/plain\n\nHello\n--b\nContent-Type: application/octet-stream; name=run.exe\nContent-Transfer-Encoding: base64\n\n{program}\n--b--\n"
    );
    let report = assert_within_bound(raw.as_bytes());
    let finding = report.findings.iter().find(|f| f.rule_id == "attachment/executable").expect("the program is found");
    let start = finding.location.start.expect("a place in the input");
    assert!(
        raw[..start].ends_with("--b\n") || raw[start..].starts_with("Content-Type") || raw[start..].starts_with("TVq"),
        "the finding points into the attachment's part: {:?}",
        &raw[start..start + 40]
    );
    let subject = "Subject: Hi";
    assert!(report.findings.iter().all(|f| f.rule_id != "spam/missing-subject"), "{subject} is still read");
}

/// The heap a simulation needed, and its result.
fn simulate_measured(json: &str) -> (mail_preflight::queue::result::SimulationResult, usize) {
    let scenario = mail_preflight::queue::Scenario::from_json(json).expect("a scenario");
    let (result, peak) = measured(|| {
        mail_preflight::queue::simulate_with(&scenario, &mail_preflight::classify_for_queue).expect("runs")
    });
    println!("simulation: peak {:.1} MB", peak as f64 / 1e6);
    (result, peak)
}

#[test]
fn mails_held_in_the_queue_take_sixteen_bytes_each_and_no_doubled_buffer() {
    // README: one byte per mail, plus 16 bytes per mail held at once. A
    // VecDeque of 32-byte entries doubled as it grew: 5,000,000 mails in one
    // day (7,200 sent, the rest held) took 545 MB of wasm memory.
    let mails = 5_000_000u64;
    let json = format!(r#"{{"streams":[{{"name":"a","start":0,"duration":86400,"count":{mails},"verdict":"clean"}}]}}"#);
    let (result, peak) = simulate_measured(&json);
    let held = result.counters.max_queue as usize;
    assert!(held > 4_900_000, "most mails are held: {held}");
    // 64 KiB of chunk beyond the held mails, and 8 MB for the rest of the run (series, sample, days).
    let model = mails as usize + 16 * held + 64 * 1024 + 8_000_000;
    assert!(peak <= model, "{:.1} MB against a model of {:.1} MB", peak as f64 / 1e6, model as f64 / 1e6);
}

// ── ordinary messages at the input limit (MAX_INPUT_BYTES, 32 MiB) ────────────
//
// Nothing hostile but their size: the wasm memory they need is the input copied
// in, what the call needs beyond it, and what the allocator cannot give back
// (`tests/bench/memory.mjs` prints it: `limitCases` in tests/hostile/generate.mjs).
// Here the input and the peak beyond it must fit the bound with room for that
// last part (`MARGIN_BYTES`).

/// What the wasm memory holds beyond the input and the heap peak measured here:
/// the instance at rest (about 20 MB, `make bench`) and the allocator's holes (ours).
const MARGIN_BYTES: usize = 48 * 1024 * 1024;
const THIRTY_MB: usize = 30_000_000;

/// `size` bytes that do not repeat in any short period (xorshift32), as in generate.mjs.
fn noise(size: usize) -> Vec<u8> {
    let mut x: u32 = 2_463_534_242;
    (0..size)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// `input` bytes given to the call and the `peak` of the heap beyond them fit the bound with the margin.
fn assert_fits_with_input(input: usize, peak: usize, what: &str) {
    let total = input + peak;
    println!("{what}: input {:.1} MB + peak {:.1} MB = {:.1} MB", input as f64 / 1e6, peak as f64 / 1e6, total as f64 / 1e6);
    assert!(
        total + MARGIN_BYTES <= BOUND_BYTES,
        "{what}: {:.1} MB of input and heap, {:.1} MB with the margin",
        total as f64 / 1e6,
        (total + MARGIN_BYTES) as f64 / 1e6
    );
}

fn thirty_megabyte_attachment() -> Vec<u8> {
    let body = mail_preflight::input::encode::base64_body(&noise(THIRTY_MB * 74 / 100));
    format!(
        "{HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b\r\nContent-Type: application/octet-stream; name=archive.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n{body}\r\n--b--\r\n"
    )
    .into_bytes()
}

fn fifteen_million_accents() -> Vec<u8> {
    format!("{HEAD}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{}", "\u{e9}".repeat(THIRTY_MB / 2))
        .into_bytes()
}

fn thirty_megabytes_of_html() -> Vec<u8> {
    let paragraph = "<p>Our opening hours change next week, see the new times below.</p>\r\n";
    format!("{HEAD}Content-Type: text/html; charset=utf-8\r\n\r\n{}", paragraph.repeat(THIRTY_MB / paragraph.len()))
        .into_bytes()
}

/// The ordinary messages at the limit, each with what it is.
fn messages_at_the_limit() -> [(&'static str, Vec<u8>); 3] {
    [
        ("a 30 MB attachment", thirty_megabyte_attachment()),
        ("15 M × é", fifteen_million_accents()),
        ("30 MB of HTML", thirty_megabytes_of_html()),
    ]
}

#[test]
fn a_message_at_the_input_limit_fits_the_bound_with_its_input() {
    for (what, raw) in messages_at_the_limit() {
        let (report, peak) = lint_measured(&raw);
        assert!(ids(&report).contains(&"size/total.too-large"), "{what}: {:?}", ids(&report));
        assert_fits_with_input(raw.len(), peak, &format!("lint, {what}"));
    }
}

#[test]
fn fixing_a_thirty_megabyte_message_works_on_it_without_copying_it_for_each_fix() {
    use mail_preflight::fixes::{fix_owned, FixOptions};
    for (what, raw) in messages_at_the_limit() {
        let size = raw.len();
        // The message is given away, as `fixMessage` gives its copy in wasm memory.
        let (fixed, peak) = measured(|| fix_owned(raw, &FixOptions::default()).expect("fixed"));
        println!("{what}: {} bytes out, {:?}", fixed.bytes.len(), fixed.applied.iter().map(|a| a.fix).collect::<Vec<_>>());
        assert!(fixed.bytes.len() >= size, "{what}: the message is kept");
        // `peak` is beyond the message given (the counting began after it was made).
        assert_fits_with_input(size, peak, &format!("fix, {what}"));
    }
}

/// Compose fields with `text` or an attachment of its own; the fields are the input
/// (wasm holds them converted from JavaScript while the message is rendered and linted).
fn compose_with(text: &str, attachment: Option<Vec<u8>>) -> mail_preflight::Compose {
    use mail_preflight::input::compose::{Attachment, BodyInput, Content};
    let mut compose = mail_preflight::Compose::from_json(r#"{"from": "Shop <shop@example.com>", "to": "client@example.net", "subject": "Opening hours"}"#)
        .expect("compose fields");
    compose.text = Some(BodyInput::Content(Content::Text(text.to_string())));
    compose.attachments = attachment
        .map(|bytes| Attachment { filename: Some("archive.bin".into()), content: Some(Content::Bytes(bytes)), ..Attachment::default() })
        .into_iter()
        .collect();
    compose
}

#[test]
fn compose_fields_at_the_input_limit_are_rendered_without_a_copy_per_step() {
    // Before: the body copied into the part, then into its node, encoded whole, wrapped
    // whole, then into a message buffer that doubled: a 30 MB attachment took 294 MB
    // of wasm memory and 15 M × 'é' (90 MB of quoted-printable) 324 MB, both refused after.
    let too_large = [
        ("an attachment of 30 MB (40 MB of base64)", compose_with("See attached.", Some(noise(THIRTY_MB)))),
        ("a text of 15 M × é (90 MB of quoted-printable)", compose_with(&"\u{e9}".repeat(THIRTY_MB / 2), None)),
    ];
    for (what, compose) in too_large {
        let (result, peak) = measured(|| mail_preflight::lint_compose(&compose, &Options::default()));
        match result {
            Err(mail_preflight::LintError::InputTooLarge { size, limit }) => assert!(size > limit, "{what}: {size}"),
            other => panic!("{what}: {other:?}"),
        }
        assert_fits_with_input(compose.input_size(), peak, &format!("compose, {what}"));
    }
    // Accepted: 22 MB of attachment is 30 MB of base64.
    let compose = compose_with("See attached.", Some(noise(THIRTY_MB * 74 / 100)));
    let (report, peak) = measured(|| mail_preflight::lint_compose(&compose, &Options::default()).expect("a report"));
    assert!(ids(&report).contains(&"size/total.too-large"), "{:?}", ids(&report));
    assert_fits_with_input(compose.input_size(), peak, "compose, an attachment of 22 MB");
}
