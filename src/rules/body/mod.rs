//! The `body/*` rules: what receivers do to the body — Gmail clips long HTML —
//! and a template sent unrendered.

pub mod gmail_clipping;
pub mod html_facts;
pub mod merge_tags;
