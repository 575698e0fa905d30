//! Cost of attachment inspection (issue 5): a generated 9 MB message whose
//! attachment is a 1,000-entry ZIP (deflated text, stored pictures, a nested ZIP
//! and an Office document), plus the corpus messages that carry attachments.
//! Prints numbers; asserts nothing (timings vary by machine).

use mail_preflight::inspect;
use mail_preflight::model::{attachments, Message};
use mail_preflight::report::Origin;
use mail_preflight::rules::attachments::samples::{self, ZipEntry};
use mail_preflight::rules::attachments::AttachmentThresholds;
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
    println!("── attachments (issue 5) ──────────────────────────────");
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

    let thresholds = AttachmentThresholds::default();
    let limits = thresholds.limits();
    let (analyse, message) = time(|| Message::analyse(&raw, Origin::Raw, Vec::new(), &limits));
    let part = message.parts.iter().find(|p| attachments::is_inspected(p)).expect("the ZIP part");
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
        time(|| analysed.iter().map(|m| attachments::inspect_parts(m.raw, &m.parts, &limits).len()).sum::<usize>());
    println!("corpus: inspection of {} messages with attachments: {corpus_time:?}", analysed.len());
}
