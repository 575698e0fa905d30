//! `bh=` against dkimpy on every message of `../shared/corpus` that carries a
//! `DKIM-Signature` (#16): for each signature, the body hash we recompute under
//! the declared canonicalization must equal the one dkimpy computes
//! (`tests/mailers/dkim/body_hashes.py`). The test prints how many messages
//! carry a signature, how many hashes agree, and how many bodies are intact
//! (the recomputed hash equals the declared `bh=`).

mod common;

use mail_preflight::model::Message;
use mail_preflight::report::Origin;
use std::process::Command;

/// Whether the header block holds a DKIM-Signature field.
fn has_signature(raw: &[u8]) -> bool {
    let end = raw.windows(2).position(|w| w == b"\n\n").or_else(|| raw.windows(4).position(|w| w == b"\r\n\r\n"));
    let header = &raw[..end.unwrap_or(raw.len())];
    header.split(|&b| b == b'\n').any(|line| line.len() >= 15 && line[..15].eq_ignore_ascii_case(b"dkim-signature:"))
}

#[test]
fn body_hashes_agree_with_dkimpy_on_every_signed_corpus_message() {
    let Some(dir) = common::corpus_dir() else { return };
    let signed: Vec<(String, Vec<u8>)> =
        common::corpus_messages().into_iter().filter(|(_, raw)| has_signature(raw)).collect();
    let paths: Vec<String> = signed.iter().map(|(rel, _)| dir.join(rel).to_string_lossy().into_owned()).collect();
    let output = match Command::new("python3").arg("tests/mailers/dkim/body_hashes.py").args(&paths).output() {
        Err(_) => {
            eprintln!("SKIPPED: python3 is not installed (.ci/setup.sh installs it).");
            return;
        }
        Ok(o) => o,
    };
    assert!(
        output.status.success(),
        "dkimpy is missing (.ci/setup.sh installs it): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let (mut compared, mut agree, mut intact) = (0, 0, 0);
    let mut problems = Vec::new();
    for ((rel, raw), theirs) in signed.iter().zip(&lines) {
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &mail_preflight::rules::attachments::default_limits());
        let ours = &message.identity.dkim;
        let Some(signatures) = theirs["signatures"].as_array() else { continue };
        for (facts, sig) in ours.iter().zip(signatures) {
            let Some(computed) = sig["computed"].as_str() else { continue };
            compared += 1;
            let mine = facts.computed_body_hash.as_ref().map(|h| mail_preflight::input::encode::base64(&h.hash));
            if mine.as_deref() == Some(computed) {
                agree += 1;
            } else {
                problems.push(format!("{rel} d={}: ours {mine:?}, dkimpy {computed}", sig["d"]));
            }
            if facts.body_hash_matches() == Some(true) {
                intact += 1;
            }
        }
    }
    println!(
        "dkim corpus: {} messages carry a DKIM-Signature; {compared} body hashes compared, {agree} agree with dkimpy; {intact} bodies intact (bh= matches)",
        signed.len()
    );
    assert!(problems.is_empty(), "body hashes differ from dkimpy:\n{}", problems.join("\n"));
}
