//! What every fuzz target checks besides "no panic, no hang, bounded memory":
//! the output hygiene of #13. Every string taken from the input that reaches a
//! person has its control and bidi characters made visible and its length
//! capped (`mail_preflight::hygiene`), so a report printed in a terminal or a CI
//! log cannot move the cursor, write the clipboard or forge an annotation.

use mail_preflight::hygiene::{is_unsafe, MAX_PARAM_CHARS, MAX_URL_CHARS};
use mail_preflight::i18n::Param;
use mail_preflight::rules::MAX_EVIDENCE_CHARS;
use mail_preflight::{Analysis, Report};

/// Panics (a finding for libFuzzer) when `text` holds a character that changes how
/// the text around it is shown.
pub fn assert_visible(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| is_unsafe(c)) {
        panic!("{what} holds U+{:04X}: {text:?}", c as u32);
    }
}

/// Panics when `text` is longer than `max` characters.
pub fn assert_capped(what: &str, text: &str, max: usize) {
    let chars = text.chars().count();
    assert!(chars <= max, "{what} is {chars} characters, over {max}");
}

/// Every message-derived string of a report is visible and capped.
pub fn check_report(report: &Report) {
    assert_eq!(report.counts.error + report.counts.warning + report.counts.info, report.findings.len());
    for finding in &report.findings {
        assert_visible("a finding's message", &finding.message);
        assert_visible("a finding's fix", &finding.fix);
        assert_visible("a finding's evidence", &finding.evidence);
        assert_capped("a finding's evidence", &finding.evidence, MAX_EVIDENCE_CHARS);
        for (name, value) in &finding.params {
            if let Param::Text(text) = value {
                assert_visible(name, text);
                assert_capped(name, text, MAX_PARAM_CHARS);
            }
        }
        for (what, text) in [("location.header", &finding.location.header), ("location.path", &finding.location.path)] {
            if let Some(text) = text {
                assert_visible(what, text);
                assert_capped(what, text, MAX_PARAM_CHARS);
            }
        }
        if let (Some(start), Some(end)) = (finding.location.start, finding.location.end) {
            assert!(start <= end, "{}: location {start}..{end}", finding.rule_id);
        }
    }
}

/// The names of an analysis (header names, MIME parameters, file names) are
/// visible and capped; its offsets lie inside the input (`input_len` bytes, or
/// the rendered `source`). `size` may be less: an mbox envelope line is input,
/// not message.
pub fn check_analysis(analysis: &Analysis, input_len: usize) {
    let bound = analysis.source.as_ref().map_or(input_len, String::len);
    for field in analysis.headers.iter().chain(analysis.parts.iter().flat_map(|p| p.headers.iter())) {
        assert_visible("a header name", &field.name);
        assert_capped("a header name", &field.name, MAX_PARAM_CHARS);
        assert!(field.start <= field.end && field.end <= bound, "field {}..{}", field.start, field.end);
    }
    for part in &analysis.parts {
        for (what, text) in [
            ("content type", Some(&part.content_type)),
            ("charset", part.charset.as_ref()),
            ("transfer encoding", part.transfer_encoding.as_ref()),
            ("disposition", part.disposition.as_ref()),
            ("file name", part.filename.as_ref()),
        ] {
            if let Some(text) = text {
                assert_visible(what, text);
                assert_capped(what, text, MAX_PARAM_CHARS);
            }
        }
        if let (Some(start), Some(end)) = (part.body_start, part.body_end) {
            assert!(start <= end && end <= bound, "part {}: body {start}..{end}", part.index);
        }
    }
    for html in &analysis.html {
        for run in &html.hidden_runs {
            assert_visible("hidden text", &run.text);
            assert_capped("hidden text", &run.text, MAX_PARAM_CHARS);
        }
        for link in &html.links {
            assert_visible("a link", &link.href);
            assert_capped("a link", &link.href, MAX_URL_CHARS);
            assert_visible("a link's text", &link.text);
            assert_capped("a link's text", &link.text, MAX_PARAM_CHARS);
        }
        for image in &html.images {
            assert_visible("an image", &image.src);
            assert_capped("an image", &image.src, MAX_URL_CHARS);
        }
    }
}
