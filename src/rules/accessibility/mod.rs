//! The `accessibility/*` rules: the basics screen readers and readers with low
//! vision need (WCAG 2.1 level A and AA), as information. They read the HTML
//! facts through `rules::body::html_facts`.

pub mod contrast;
pub mod html_lang;
pub mod img_alt;
