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
    // (end of spam)

    // ── links ───────────────────────────────────────────────────────────
    // (end of links)

    // ── attachments ─────────────────────────────────────────────────────
    &attachments::executable::RULE,
    &attachments::macro_document::RULE,
    &attachments::blocked_type::RULE,
    &attachments::deceptive_name::RULE,
    &attachments::type_mismatch::RULE,
    &attachments::encrypted_archive::RULE,
    &attachments::uninspectable_archive::RULE,
    &attachments::archive_limit::RULE,
    // (end of attachments)

    // ── config (SPEC §2 Sending configuration) ─────────────────────────
    // (end of config)
];

#[allow(unused_imports)]
use {attachments as _, config as _, headers as _, links as _, spam as _};
