//! SpamAssassin's ReplaceTags plugin: `replace_tag`, `replace_pre`,
//! `replace_inter`, `replace_post` and `replace_rules`, put into the patterns
//! of the rules that ask for them before they are translated.

use super::limits::MAX_EXPANDED_PATTERN_BYTES;
use std::collections::{HashMap, HashSet};

/// `replace_tag` and its kin (the ReplaceTags plugin).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tags {
    pub tags: HashMap<String, String>,
    pub pre: HashMap<String, String>,
    pub inter: HashMap<String, String>,
    pub post: HashMap<String, String>,
    pub rules: HashSet<String>,
}

/// The pattern of a `replace_rules` rule with its `<tags>` replaced
/// (`Plugin::ReplaceTags::finish_parsing_end`, delimiters `<` and `>`).
pub fn replace_tags(pattern: &str, tags: &Tags) -> String {
    replace_tags_mapped(pattern, tags).0
}

/// `replace_tags`, with the byte of `pattern` each byte of the result comes
/// from: itself for text as written, the tag's `<` for what a tag put there, so
/// that a problem found in the expanded pattern is said where the rule has it.
/// Expanding stops once the result is past `MAX_EXPANDED_PATTERN_BYTES` (the
/// pattern is then refused as too long): six passes of tags holding tags would
/// otherwise grow it without bound.
pub fn replace_tags_mapped(pattern: &str, tags: &Tags) -> (String, Vec<usize>) {
    let mut text = pattern.to_string();
    let mut origins: Vec<usize> = (0..pattern.len()).collect();
    for _pass in 0..=5 {
        let take = |text: &mut String, origins: &mut Vec<usize>, kind: &str| -> Option<String> {
            let marker = format!("<{kind} ");
            let start = text.find(&marker)?;
            let end = start + text[start..].find('>')?;
            let name = text[start + marker.len()..end].to_string();
            text.replace_range(start..=end, "");
            origins.drain(start..=end);
            Some(name)
        };
        let pre = take(&mut text, &mut origins, "pre").and_then(|n| tags.pre.get(&n).cloned());
        let post = take(&mut text, &mut origins, "post").and_then(|n| tags.post.get(&n).cloned());
        let inter = take(&mut text, &mut origins, "inter").and_then(|n| tags.inter.get(&n).cloned());
        // `split(/(<[^<>]+>)/)`: text and tags alternate, "" between adjacent tags.
        // Each piece as a range of `text`, and whether it is a tag.
        let mut pieces: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
        let mut at = 0;
        while let Some(open) = text[at..].find('<').map(|n| at + n) {
            let rest = &text[open + 1..];
            let Some(len) = rest.find(['<', '>']).filter(|&n| n > 0 && rest.as_bytes()[n] == b'>') else {
                pieces.push((at..open + 1, false));
                at = open + 1;
                continue;
            };
            pieces.push((at..open, false));
            pieces.push((open..open + len + 2, true));
            at = open + len + 2;
        }
        // Perl's `split` drops trailing empty fields.
        if at < text.len() {
            pieces.push((at..text.len(), false));
        }
        let mut again = false;
        let mut joined = String::new();
        let mut joined_origins: Vec<usize> = Vec::new();
        let push = |joined: &mut String, joined_origins: &mut Vec<usize>, piece: &str, origin: usize| {
            joined.push_str(piece);
            joined_origins.extend(std::iter::repeat(origin).take(piece.len()));
        };
        for (range, is_tag) in pieces {
            if joined.len() > MAX_EXPANDED_PATTERN_BYTES {
                break;
            }
            let piece = &text[range.clone()];
            // What a piece puts there is said at its first byte as written (or the
            // next piece's, for the inter tag in an empty one).
            let origin = origins.get(range.start).copied().unwrap_or(pattern.len());
            if !is_tag {
                match (&inter, piece.is_empty()) {
                    (Some(inter), true) => push(&mut joined, &mut joined_origins, inter, origin),
                    _ => {
                        joined.push_str(piece);
                        joined_origins.extend_from_slice(&origins[range]);
                    }
                }
                continue;
            }
            let name = &piece[1..piece.len() - 1];
            if let Some(pre) = &pre {
                push(&mut joined, &mut joined_origins, pre, origin);
            }
            match tags.tags.get(name) {
                Some(value) => {
                    again |= value.contains('<');
                    push(&mut joined, &mut joined_origins, value, origin);
                }
                None => {
                    joined.push_str(piece);
                    joined_origins.extend_from_slice(&origins[range]);
                }
            }
            if let Some(post) = &post {
                push(&mut joined, &mut joined_origins, post, origin);
            }
        }
        text = joined;
        origins = joined_origins;
        if !again || text.len() > MAX_EXPANDED_PATTERN_BYTES {
            break;
        }
    }
    (text, origins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_tags_follow_the_plugin() {
        let mut tags = Tags::default();
        tags.tags.insert("A".into(), "[aA@]".into());
        tags.tags.insert("B".into(), "[bB8]".into());
        tags.inter.insert("W1".into(), "\\W?".into());
        // As Perl's `split`, a leading empty field is there (and gets the inter tag).
        assert_eq!(replace_tags("<inter W1><A><B>c", &tags), "\\W?[aA@]\\W?[bB8]c");
        assert_eq!(replace_tags("x<Q>y", &tags), "x<Q>y");
    }

    #[test]
    fn each_expanded_byte_knows_where_the_rule_has_it() {
        let mut tags = Tags::default();
        tags.tags.insert("LONG".into(), "(?:aaaa)".into());
        let (text, origins) = replace_tags_mapped("<LONG>x(y", &tags);
        assert_eq!(text, "(?:aaaa)x(y");
        assert_eq!(origins, vec![0, 0, 0, 0, 0, 0, 0, 0, 6, 7, 8]);
    }
}
