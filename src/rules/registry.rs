//! The registry: every rule of the engine, in report order. A rule that is not
//! listed here does not run and is not documented.

use super::Rule;
use super::{attachments, config, headers, links, size, spam};

#[rustfmt::skip]
pub const REGISTRY: &[&Rule] = &[
    // ── size (SPEC §2 Size) ─────────────────────────────────────────────
    &size::total::RULE,
    &size::content::RULE,
    &size::line_length::RULE,
    // (end of size)

    // ── headers (SPEC §2 Headers) ───────────────────────────────────────
    // (end of headers)

    // ── spam (SPEC §2 Spam heuristics) ──────────────────────────────────
    &spam::subject_caps::RULE,
    &spam::missing_subject::RULE,
    &spam::empty_body::RULE,
    &spam::image_only::RULE,
    &spam::subject_prefix::RULE,
    &spam::whitespace::RULE,
    &spam::huge_font::RULE,
    &spam::invisible_text::RULE,
    &spam::listed_ip::RULE,
    &spam::adult_terms::RULE,
    // (end of spam)

    // ── links ───────────────────────────────────────────────────────────
    &links::broken::RULE,
    &links::insecure::RULE,
    &links::mismatch::RULE,
    // (end of links)

    // ── attachments ─────────────────────────────────────────────────────
    // (end of attachments)

    // ── config (SPEC §2 Sending configuration) ─────────────────────────
    // (end of config)
];

#[allow(unused_imports)]
use {attachments as _, config as _, headers as _, links as _, spam as _};
