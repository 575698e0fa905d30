//! The registry: every rule of the engine, in report order. A rule that is not
//! listed here does not run and is not documented.

use super::Rule;
use super::{accessibility, attachments, body, bulk, config, dkim, headers, links, sender, size, spam};
use crate::i18n::Entry;

#[rustfmt::skip]
pub const REGISTRY: &[&Rule] = &[
    // ── size (SPEC §2 Size) ─────────────────────────────────────────────
    &size::total::RULE,
    &size::content::RULE,
    &size::line_length::RULE,
    // (end of size)

    // ── headers (SPEC §2 Headers) ───────────────────────────────────────
    &headers::mbox_envelope::RULE,
    &headers::missing_field::RULE,
    &headers::duplicate_field::RULE,
    &headers::sender_required::RULE,
    &headers::address_syntax::RULE,
    &headers::address_length::RULE,
    &headers::address_idn::RULE,
    &headers::reply_to::RULE,
    &headers::date::RULE,
    &headers::message_id::RULE,
    &headers::field_name::RULE,
    &headers::line_breaks::RULE,
    &headers::nul_byte::RULE,
    &headers::raw_8bit::RULE,
    &headers::encoded_word::RULE,
    &headers::mime_version::RULE,
    &headers::content_type::RULE,
    &headers::parameter_encoding::RULE,
    &headers::multipart_boundary::RULE,
    &headers::transfer_encoding::RULE,
    &headers::charset::RULE,
    &headers::attachment_filename::RULE,
    &headers::injection::RULE,
    &headers::compose_option::RULE,
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
    &spam::sales_language::RULE,
    &spam::body_caps::RULE,
    &spam::exclamation_marks::RULE,
    &spam::money_amounts::RULE,
    &spam::html_only::RULE,
    &spam::priority_header::RULE,
    // (end of spam)

    // ── links ───────────────────────────────────────────────────────────
    &links::broken::RULE,
    &links::insecure::RULE,
    &links::mismatch::RULE,
    &links::userinfo::RULE,
    &links::homograph::RULE,
    &links::numeric_host::RULE,
    &links::shortener::RULE,
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
    &attachments::html_smuggling::RULE,
    &attachments::active_page::RULE,
    &attachments::inconsistent_archive::RULE,
    // (end of attachments)

    // ── config (SPEC §2 Sending configuration) ─────────────────────────
    &config::smtp_with_mail::RULE,
    &config::smtp_security::RULE,
    // (end of config)

    // ── sender (#16: identity, DMARC alignment) ─────────────────────────
    &sender::visitor_from::RULE,
    &sender::foreign_domain::RULE,
    &sender::misaligned::RULE,
    &sender::display_name_spoof::RULE,
    // (end of sender)

    // ── dkim (#16: RFC 6376 offline) ────────────────────────────────────
    &dkim::malformed::RULE,
    &dkim::header_coverage::RULE,
    &dkim::body_length::RULE,
    &dkim::alignment::RULE,
    &dkim::expired::RULE,
    &dkim::body_hash::RULE,
    &dkim::signature::RULE,
    // (end of dkim)

    // ── bulk (#16: Gmail and Yahoo bulk-sender requirements) ─────────────
    &bulk::list_unsubscribe::RULE,
    &bulk::one_click::RULE,
    &bulk::list_id::RULE,
    // (end of bulk)

    // ── body (#16: what receivers do to the body) ───────────────────────
    &body::gmail_clipping::RULE,
    &body::merge_tags::RULE,
    // (end of body)

    // ── accessibility (#16) ─────────────────────────────────────────────
    &accessibility::html_lang::RULE,
    &accessibility::img_alt::RULE,
    &accessibility::contrast::RULE,
    // (end of accessibility)
];

/// Labels that findings of a group insert into their messages (names of
/// grammar problems, of file formats), declared with their group.
pub const LABELS: &[&[&Entry]] = &[headers::grammar_texts::LABELS, attachments::labels::LABELS];
