//! SpamAssassin's ReplaceTags plugin: `replace_tag`, `replace_pre`,
//! `replace_inter`, `replace_post` and `replace_rules`, put into the patterns
//! of the rules that ask for them before they are translated.

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
    let mut text = pattern.to_string();
    for _pass in 0..=5 {
        let take = |text: &mut String, kind: &str| -> Option<String> {
            let marker = format!("<{kind} ");
            let start = text.find(&marker)?;
            let end = start + text[start..].find('>')?;
            let name = text[start + marker.len()..end].to_string();
            text.replace_range(start..=end, "");
            Some(name)
        };
        let pre = take(&mut text, "pre").and_then(|n| tags.pre.get(&n).cloned());
        let post = take(&mut text, "post").and_then(|n| tags.post.get(&n).cloned());
        let inter = take(&mut text, "inter").and_then(|n| tags.inter.get(&n).cloned());
        // `split(/(<[^<>]+>)/)`: text and tags alternate, "" between adjacent tags.
        let mut pieces: Vec<(String, bool)> = Vec::new();
        let mut rest = text.as_str();
        while let Some(open) = rest.find('<') {
            let Some(len) =
                rest[open + 1..].find(['<', '>']).filter(|&n| n > 0 && rest.as_bytes()[open + 1 + n] == b'>')
            else {
                pieces.push((rest[..open + 1].to_string(), false));
                rest = &rest[open + 1..];
                continue;
            };
            pieces.push((rest[..open].to_string(), false));
            pieces.push((rest[open..open + len + 2].to_string(), true));
            rest = &rest[open + len + 2..];
        }
        // Perl's `split` drops trailing empty fields.
        if !rest.is_empty() {
            pieces.push((rest.to_string(), false));
        }
        let mut again = false;
        let mut joined = String::new();
        for (piece, is_tag) in pieces {
            if !is_tag {
                match (&inter, piece.is_empty()) {
                    (Some(inter), true) => joined.push_str(inter),
                    _ => joined.push_str(&piece),
                }
                continue;
            }
            let name = &piece[1..piece.len() - 1];
            let replaced = match tags.tags.get(name) {
                Some(value) => {
                    again |= value.contains('<');
                    value.clone()
                }
                None => piece.clone(),
            };
            if let Some(pre) = &pre {
                joined.push_str(pre);
            }
            joined.push_str(&replaced);
            if let Some(post) = &post {
                joined.push_str(post);
            }
        }
        text = joined;
        if !again {
            break;
        }
    }
    text
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
}
