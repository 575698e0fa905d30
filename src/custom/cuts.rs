//! Where custom rules read only the beginning of a text: SpamAssassin's
//! per-part scan sizes (`MAX_BODY_PART_BYTES`, `MAX_RAWBODY_PART_BYTES`) and
//! our cap on `full` (`MAX_FULL_BYTES`). The values are cut in `targets` and
//! `paragraphs`; this says where, so the report can tell the rest was not read.

use super::limits::{MAX_BODY_PART_BYTES, MAX_FULL_BYTES, MAX_RAWBODY_PART_BYTES};
use super::targets::{visible_text_of, Source, Target};
use crate::model::{Body, Message};

/// A text read only up to `limit` bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// What the rules read: `body`, `rawbody` or `full` (the SpamAssassin types and targets alike).
    pub target: &'static str,
    /// The part, or None for the whole message (`full`).
    pub part: Option<usize>,
    /// Its size, in bytes.
    pub size: usize,
    pub limit: usize,
}

/// The texts of `source` in `message` that its values hold only the beginning of.
pub fn cuts(source: &Source, message: &Message) -> Vec<Cut> {
    match source {
        Source::Custom(Target::Body | Target::Uri) | Source::SaBody { .. } => body_cuts(message),
        Source::Custom(Target::Rawbody) | Source::SaRawbody => message
            .parts
            .iter()
            // The parts `targets::rawbody_values` reads.
            .filter(|part| if *source == Source::SaRawbody { part.content_type != "text/calendar" } else { part.is_body })
            .filter_map(|part| Some((part.index, part.text()?.len())))
            .filter(|&(_, size)| size > MAX_RAWBODY_PART_BYTES)
            .map(|(part, size)| Cut { target: "rawbody", part: Some(part), size, limit: MAX_RAWBODY_PART_BYTES })
            .collect(),
        Source::Custom(Target::Full) if message.content().len() > MAX_FULL_BYTES => {
            vec![Cut { target: "full", part: None, size: message.content().len(), limit: MAX_FULL_BYTES }]
        }
        _ => Vec::new(),
    }
}

/// The rendered parts longer than `MAX_BODY_PART_BYTES` (`paragraphs::rendered_parts`).
fn body_cuts(message: &Message) -> Vec<Cut> {
    let mut out = Vec::new();
    for part in &message.parts {
        let size = match &part.body {
            Body::Text(text) if part.content_type == "text/plain" => text.len(),
            Body::Html(_) => match message.html.iter().find(|h| h.part == part.index) {
                Some(facts) => visible_text_of(facts).len(),
                None => continue,
            },
            _ => continue,
        };
        if size > MAX_BODY_PART_BYTES {
            out.push(Cut { target: "body", part: Some(part.index), size, limit: MAX_BODY_PART_BYTES });
        }
    }
    out
}
