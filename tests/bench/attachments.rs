//! Cost of attachment inspection (issues 5 and 13): a generated 9 MB message
//! whose attachment is a 1,000-entry ZIP (deflated text, stored pictures, a
//! nested ZIP and an Office document), hostile attachments (10⁵ entries,
//! overlapping entries, deep nesting, bombs, many bombs in one message), and the
//! corpus messages that carry attachments. Prints numbers; asserts nothing
//! (timings vary by machine).

use mail_preflight::inspect;
use mail_preflight::model::attachments::{inspect_parts, is_inspected};
use mail_preflight::model::Message;
use mail_preflight::report::Origin;
use mail_preflight::rules::attachments::default_limits;
use mail_preflight::rules::attachments::samples::{self, ZipEntry};
use mail_preflight::{lint, Options};
use std::time::{Duration, Instant};

/// Runs of each measurement; the median is printed.
const RUNS: usize = 7;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut durations = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        last = Some(f());
        durations.push(started.elapsed());
    }
    (median(durations), last.expect("RUNS > 0"))
}

/// A 1,000-entry ZIP of about 6.6 MB: 970 stored pseudo-random "pictures" (they do
/// not compress, like real JPEGs), 28 deflated text files, a nested ZIP and a docx.
fn thousand_entry_zip() -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut noise = |len: usize| -> Vec<u8> {
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect()
    };
    let picture_bytes = 6_700;
    let pictures: Vec<(String, Vec<u8>)> = (0..970)
        .map(|i| {
            let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0];
            jpeg.extend(noise(picture_bytes));
            (format!("photos/{i:04}.jpg"), jpeg)
        })
        .collect();
    let texts: Vec<(String, Vec<u8>)> = (0..28)
        .map(|i| (format!("notes/{i:02}.txt"), format!("Line {i} of the notes.\n").repeat(400).into_bytes()))
        .collect();
    let nested = samples::zip(&[
        ZipEntry::deflated("inner/readme.txt", b"nested"),
        ZipEntry::stored("inner/logo.png", b"\x89PNG\r\n\x1a\n"),
    ]);
    let docx = samples::word_document(false);
    let mut entries: Vec<ZipEntry> = pictures.iter().map(|(n, d)| ZipEntry::stored(n, d)).collect();
    entries.extend(texts.iter().map(|(n, d)| ZipEntry::deflated(n, d)));
    entries.push(ZipEntry::stored("archive/nested.zip", &nested));
    entries.push(ZipEntry::deflated("letters/letter.docx", &docx));
    samples::zip(&entries)
}

pub fn run(corpus: &[(String, Vec<u8>)]) {
    println!("── attachments (issues 5, 13) ─────────────────────────");
    let started = Instant::now();
    let archive = thousand_entry_zip();
    // Base64 and line breaks make the 6.6 MB archive a 9 MB message.
    let raw = samples::message_with("photos.zip", "application/zip", &archive);
    println!(
        "generated: {} bytes message, ZIP of {} bytes with 1,000 entries ({:?})",
        raw.len(),
        archive.len(),
        started.elapsed()
    );

    let limits = default_limits();
    let (analyse, message) = time(|| Message::analyse(&raw, Origin::Raw, Vec::new(), &limits));
    let part = message.parts.iter().find(|p| is_inspected(p)).expect("the ZIP part");
    let (inspection, facts) =
        time(|| inspect::inspect_file(part.filename.as_deref(), Some(&part.content_type), part.decoded(), &limits));
    println!("analyse (MIME parse + base64 decode + attachment inspection): {analyse:?}");
    println!("inspect_file on the ZIP, once: {inspection:?} ({} facts)", facts.len());
    let (whole, report) = time(|| lint(&raw, &Options::default()).expect("lints"));
    let attachment_findings = report.findings.iter().filter(|f| f.rule_id.starts_with("attachment/")).count();
    println!(
        "lint, all rules (the 8 attachment rules share one inspection): {whole:?}; {attachment_findings} attachment findings, \
         verdict {:?}",
        report.verdict
    );
    let rules_only: Vec<String> = mail_preflight::rules::REGISTRY
        .iter()
        .filter(|r| !r.id.starts_with("attachment/"))
        .map(|r| format!("\"{}\":\"off\"", r.id))
        .collect();
    let only_attachments = Options::from_json(&format!("{{\"rules\":{{{}}}}}", rules_only.join(","))).expect("options");
    let (attachment_rules, _) = time(|| lint(&raw, &only_attachments).expect("lints"));
    println!("lint with only the attachment rules: {attachment_rules:?}");

    hostile(&limits);

    let with_attachments: Vec<&(String, Vec<u8>)> = corpus
        .iter()
        .filter(|(_, raw)| !Message::analyse(raw, Origin::Raw, Vec::new(), &limits).attachment_facts.is_empty())
        .collect();
    if with_attachments.is_empty() {
        println!("corpus: absent, skipped");
        return;
    }
    let analysed: Vec<Message> =
        with_attachments.iter().map(|(_, raw)| Message::analyse(raw, Origin::Raw, Vec::new(), &limits)).collect();
    let (corpus_time, _) =
        time(|| analysed.iter().map(|m| inspect_parts(m.raw, &m.parts, &limits).len()).sum::<usize>());
    println!("corpus: inspection of {} messages with attachments: {corpus_time:?}", analysed.len());
}

/// Hostile attachments, each inspected alone, and a message of many small bombs.
fn hostile(limits: &inspect::Limits) {
    let names: Vec<String> = (0..100_000).map(|i| format!("d/{i:06}.jpg")).collect();
    let many = samples::zip(&names.iter().map(|n| ZipEntry::stored(n, b"x")).collect::<Vec<_>>());
    let overlapping = samples::zip_sharing_bytes(&vec![0u8; 1_000_000], 20_000);
    let mut nested = samples::zip(&[ZipEntry::stored("run.exe", &samples::windows_program())]);
    for _ in 0..200 {
        nested = samples::zip(&[ZipEntry::stored("again.zip", &nested)]);
    }
    let tar_bomb = samples::gzip(&samples::tar(&[("zeros.bin", &vec![0u8; 50_000_000])]), Some("zeros.tar"));
    let payload = samples::zip(&[ZipEntry::deflated("zeros.bin", &vec![0u8; 5_000_000])]);
    let smuggling = samples::smuggling_page(&payload, "x.zip");
    let cases: [(&str, &[u8]); 5] = [
        ("ZIP of 100,000 entries", &many),
        ("ZIP of 20,000 entries sharing 1 MB of zeros", &overlapping),
        ("ZIPs nested 200 deep", &nested),
        ("gzipped tar of 50 MB of zeros", &tar_bomb),
        ("page smuggling a 5 MB zip bomb", &smuggling),
    ];
    for (label, bytes) in cases {
        let (took, facts) = time(|| inspect::inspect_file(Some("hostile.bin"), None, bytes, limits));
        println!("hostile: {label} ({} bytes): {took:?}, {} facts", bytes.len(), facts.len());
    }
    // 300 attachments, each a ZIP holding a 1 MB ZIP of zeros deflated to 6 kB:
    // each is stopped by the ratio limit before it is inflated.
    let zeros_zip = samples::zip(&[ZipEntry::stored("zeros.bin", &vec![0u8; 1_000_000])]);
    let bomb = samples::zip(&[ZipEntry::deflated("zeros.zip", &zeros_zip)]);
    let encoded = samples::base64(&bomb);
    let mut raw =
        String::from("From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
    for i in 0..300 {
        raw.push_str(&format!("--b\r\nContent-Type: application/zip; name=\"b{i}.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{encoded}\r\n"));
    }
    raw.push_str("--b--\r\n");
    let (took, message) = time(|| Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), limits));
    let facts: usize = message.attachment_facts.iter().map(|a| a.facts.len()).sum();
    println!("hostile: message of 300 ZIP bombs ({} bytes): analyse {took:?}, {facts} facts", raw.len());
}
