//! The address checker against the two isemail suites (dominicsayers/isemail
//! tests.xml, hapijs/isemail tests.json) in `../shared/corpus`. Expected
//! categories map to valid (VALID, RFC5321, CFWS, DEPREC: valid, maybe with a
//! warning) or invalid (RFC5322, ERR); DNS-dependent cases (DNSWARN) are left
//! out. The agreement must be at least 98 %; every disagreement is listed with
//! its reason in `tests/golden/headers/isemail-disagreements.txt`
//! (`UPDATE_GOLDEN=1` rewrites the list, keeping the reasons already written).

mod common;

use mail_preflight::grammar::address::check_addr_spec;
use mail_preflight::grammar::Level;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;

/// The agreement the issue asks for, in percent.
const MIN_AGREEMENT_PERCENT: f64 = 98.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expected {
    Valid,
    Invalid,
}

struct Case {
    key: String,
    address: Vec<u8>,
    category: String,
    expected: Expected,
}

fn decode_xml_text(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let Some(semi) = after.find(';') else {
            out.push_str(after);
            rest = "";
            break;
        };
        let entity = &after[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if entity.starts_with("#x") => u32::from_str_radix(&entity[2..], 16).ok().and_then(char::from_u32),
            _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push_str(&after[..=semi]),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    // The suite writes control characters as U+2400 + their code ("SYMBOL FOR …").
    out.chars()
        .map(
            |c| if ('\u{2400}'..='\u{241f}').contains(&c) { char::from_u32(c as u32 - 0x2400).unwrap_or(c) } else { c },
        )
        .collect()
}

fn tag<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = block.find(&open)? + open.len();
    let end = block[start..].find(&close)? + start;
    Some(&block[start..end])
}

fn dominicsayers_cases(dir: &PathBuf) -> Vec<Case> {
    let Ok(xml) = std::fs::read_to_string(dir.join("isemail-dominicsayers/tests.xml")) else { return Vec::new() };
    let mut cases = Vec::new();
    for block in xml.split("<test id=\"").skip(1) {
        let id = block.split('"').next().unwrap_or_default().to_string();
        let address = if block.contains("<address/>") {
            String::new()
        } else {
            decode_xml_text(tag(block, "address").unwrap_or_default())
        };
        let category = tag(block, "category").unwrap_or_default().to_string();
        let expected = match category.as_str() {
            "ISEMAIL_VALID_CATEGORY" | "ISEMAIL_RFC5321" | "ISEMAIL_CFWS" | "ISEMAIL_DEPREC" => Expected::Valid,
            "ISEMAIL_RFC5322" | "ISEMAIL_ERR" => Expected::Invalid,
            _ => continue, // ISEMAIL_DNSWARN: depends on DNS
        };
        cases.push(Case { key: format!("dominicsayers#{id}"), address: address.into_bytes(), category, expected });
    }
    cases
}

/// Reads one JSON string starting at `bytes[*i] == '"'`, keeping lone
/// surrogates as their (invalid) three-byte encodings, as the suite means them.
fn json_string(bytes: &[u8], i: &mut usize) -> Vec<u8> {
    let mut out = Vec::new();
    *i += 1;
    let push_code = |out: &mut Vec<u8>, code: u32| match char::from_u32(code) {
        Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        None => out.extend_from_slice(&[
            0xe0 | (code >> 12) as u8,
            0x80 | ((code >> 6) & 0x3f) as u8,
            0x80 | (code & 0x3f) as u8,
        ]),
    };
    while *i < bytes.len() {
        let b = bytes[*i];
        *i += 1;
        match b {
            b'"' => break,
            b'\\' => {
                let e = bytes[*i];
                *i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'u' => {
                        let hex = |at: usize| {
                            u32::from_str_radix(std::str::from_utf8(&bytes[at..at + 4]).unwrap(), 16).unwrap()
                        };
                        let code = hex(*i);
                        *i += 4;
                        if (0xd800..0xdc00).contains(&code) && bytes.get(*i..*i + 2) == Some(b"\\u") {
                            let low = hex(*i + 2);
                            if (0xdc00..0xe000).contains(&low) {
                                *i += 6;
                                push_code(&mut out, 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00));
                                continue;
                            }
                        }
                        push_code(&mut out, code);
                    }
                    other => out.push(other),
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn hapijs_cases(dir: &PathBuf) -> Vec<Case> {
    let Ok(json) = std::fs::read(dir.join("isemail-hapijs/tests.json")) else { return Vec::new() };
    let mut strings = Vec::new();
    let mut i = 0;
    while i < json.len() {
        if json[i] == b'"' {
            strings.push(json_string(&json, &mut i));
        } else {
            i += 1;
        }
    }
    let mut cases = Vec::new();
    for (n, pair) in strings.chunks(2).enumerate() {
        let [address, category] = pair else { continue };
        let category = String::from_utf8_lossy(category).into_owned();
        let expected =
            if category == "valid" || ["rfc5321", "cfws", "deprecated"].iter().any(|p| category.starts_with(p)) {
                Expected::Valid
            } else if category.starts_with("err") || category.starts_with("rfc5322") {
                Expected::Invalid
            } else {
                continue; // dnsWarn…: depends on DNS
            };
        cases.push(Case { key: format!("hapijs#{}", n + 1), address: address.clone(), category, expected });
    }
    cases
}

fn visible(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| if c.is_control() { char::from_u32(0x2400 + c as u32).unwrap_or('?') } else { c })
        .collect()
}

#[test]
fn address_checker_agrees_with_isemail_on_98_percent_of_cases() {
    let Some(dir) = common::corpus_dir() else { return };
    let golden_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/headers/isemail-disagreements.txt");
    let golden = std::fs::read_to_string(&golden_path).unwrap_or_default();
    let reasons: BTreeMap<String, String> = golden
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let key = l.split_whitespace().next()?.to_string();
            let reason = l.rsplit_once("reason: ").map(|(_, r)| r.to_string()).unwrap_or_default();
            Some((key, reason))
        })
        .collect();
    let mut disagreements = Vec::new();
    let mut summary = Vec::new();
    for (suite, cases) in [("dominicsayers", dominicsayers_cases(&dir)), ("hapijs", hapijs_cases(&dir))] {
        assert!(!cases.is_empty(), "{suite}: no cases read");
        let mut agree = 0usize;
        for case in &cases {
            let list = check_addr_spec(&case.address);
            let ours = if list.worst() == Some(Level::Invalid) { Expected::Invalid } else { Expected::Valid };
            if ours == case.expected {
                agree += 1;
            } else {
                let problems: Vec<&str> = list.problems.iter().map(|p| p.kind.code()).collect();
                disagreements.push((case.key.clone(), visible(&case.address), case.category.clone(), ours, problems));
            }
        }
        let percent = 100.0 * agree as f64 / cases.len() as f64;
        summary.push((suite, agree, cases.len(), percent));
    }
    let mut stderr = std::io::stderr();
    for (suite, agree, total, percent) in &summary {
        // Written to the stream directly so `make test` shows it without --nocapture.
        let _ = writeln!(
            stderr,
            "isemail agreement ({suite}): {agree}/{total} = {percent:.2} % (DNS-dependent cases excluded)"
        );
        println!("isemail agreement ({suite}): {agree}/{total} = {percent:.2} %");
    }
    let mut text = String::from(
        "# isemail cases where the address checker disagrees with the suite's expected category.\n\
         # key | address (controls shown as U+24xx) | expected category | our verdict [our problems] | reason: why\n",
    );
    for (key, address, category, ours, problems) in &disagreements {
        let reason = reasons.get(key).cloned().unwrap_or_else(|| "TODO".to_string());
        text.push_str(&format!("{key} | {address} | {category} | {ours:?} {problems:?} | reason: {reason}\n"));
    }
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden_path, &text).expect("write the disagreement list");
    } else {
        let listed: Vec<&String> = reasons.keys().collect();
        let found: Vec<&String> = disagreements.iter().map(|d| &d.0).collect();
        let mut found_sorted = found.clone();
        found_sorted.sort();
        assert_eq!(
            listed, found_sorted,
            "the disagreements changed: rerun with UPDATE_GOLDEN=1 and give each a reason"
        );
        assert!(reasons.values().all(|r| !r.is_empty() && r != "TODO"), "every disagreement needs a reason");
    }
    for (suite, _, _, percent) in summary {
        assert!(
            percent >= MIN_AGREEMENT_PERCENT,
            "{suite}: agreement {percent:.2} % is under {MIN_AGREEMENT_PERCENT} %"
        );
    }
}
