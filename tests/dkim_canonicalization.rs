//! Body canonicalization against dkimpy (RFC 6376 §3.4.3–§3.4.5) on bodies
//! made to hit its corners: trailing empty and blank lines, runs of spaces and
//! tabs, bare LF line ends, a missing final line break, an empty body, `l=`
//! shorter and longer than the body. For every body and every `c=` / `a=` /
//! `l=`, our body hash must equal the one dkimpy computes.

use mail_preflight::model::Message;
use mail_preflight::report::Origin;
use std::process::Command;

const BODIES: &[&str] = &[
    "",
    "\r\n",
    "\r\n\r\n\r\n",
    "Hello\r\n",
    "Hello",
    "Hello\n\n\n",
    " C \r\nD \t E\r\n\r\n\r\n",
    "a  b\t\tc   \r\n \t \r\nd\r\n",
    "line one\nline two\r\nline three\n",
    "trailing spaces   \r\n\t\r\n",
    "caf\u{e9} \u{2014} z\u{f3}\u{142}\u{107}\r\n\r\nend",
];

const SIGNATURE_TAGS: &[&str] = &[
    "a=rsa-sha256; c=simple/simple",
    "a=rsa-sha256; c=relaxed/relaxed",
    "a=rsa-sha256; c=simple/relaxed",
    "a=rsa-sha1; c=relaxed/simple",
    "a=ed25519-sha256; c=relaxed/relaxed",
    "a=rsa-sha256; c=relaxed/relaxed; l=3",
    "a=rsa-sha256; c=simple/simple; l=10000",
];

#[test]
fn body_hashes_match_dkimpy_on_every_canonicalization_corner() {
    let dir = std::env::temp_dir().join(format!("mail-preflight-canon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (b, body) in BODIES.iter().enumerate() {
        for (s, tags) in SIGNATURE_TAGS.iter().enumerate() {
            let message = format!(
                "DKIM-Signature: v=1; {tags}; d=example.com; s=s1; h=from; bh=AAAA; b=AAAA\r\nFrom: a@example.com\r\nSubject: canon\r\n\r\n{body}"
            );
            let path = dir.join(format!("{b}-{s}.eml"));
            std::fs::write(&path, &message).unwrap();
            files.push((path, message));
        }
    }
    let output = match Command::new("python3")
        .arg("tests/mailers/dkim/body_hashes.py")
        .args(files.iter().map(|(p, _)| p))
        .output()
    {
        Err(_) => return eprintln!("SKIPPED: python3 is not installed (.ci/setup.sh installs it)."),
        Ok(o) => o,
    };
    assert!(
        output.status.success(),
        "dkimpy is missing (.ci/setup.sh installs it): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut problems = Vec::new();
    for ((path, message), line) in files.iter().zip(stdout.lines()) {
        let theirs: serde_json::Value = serde_json::from_str(line).unwrap();
        let expected = theirs["signatures"][0]["computed"].as_str().unwrap_or("(dkimpy error)").to_string();
        let analysed = Message::analyse(message.as_bytes(), Origin::Raw, Vec::new(), &mail_preflight::rules::attachments::default_limits());
        let ours = analysed.identity.dkim[0]
            .computed_body_hash
            .as_ref()
            .map(|h| mail_preflight::input::encode::base64(&h.hash));
        if ours.as_deref() != Some(expected.as_str()) {
            problems.push(format!("{}: ours {ours:?}, dkimpy {expected}", path.display()));
        }
    }
    assert_eq!(stdout.lines().count(), files.len());
    let _ = std::fs::remove_dir_all(&dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
