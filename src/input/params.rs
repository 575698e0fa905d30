//! Structured header values (`value; name=param; …`) as Nodemailer parses and
//! writes them (nodemailer `lib/mime-funcs` parseHeaderValue, buildHeaderValue,
//! buildHeaderParam): parameters quoted when they hold specials, and RFC 2231
//! continuations (`filename*0*=utf-8''…`) for values outside ASCII or of 75
//! characters or more.

use super::words::{is_plain_text, js_len};

/// A header value and its parameters, in the order given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structured {
    pub value: String,
    pub params: Vec<(String, String)>,
}

impl Structured {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Sets a parameter in place, or appends it (a JavaScript object's key order).
    pub fn set(&mut self, name: &str, value: String) {
        match self.params.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = value,
            None => self.params.push((name.to_string(), value)),
        }
    }
}

/// mime-funcs `parseHeaderValue`: `text/plain; charset="utf-8"` → value and parameters
/// (quotes removed, backslash escapes resolved, names lower-cased, RFC 2231
/// continuations joined back, charset-tagged ones as a Q encoded word).
pub fn parse_header_value(text: &str) -> Structured {
    let mut result = Structured::default();
    let mut key: Option<String> = None;
    let mut value = String::new();
    let mut in_key = false;
    let mut quote = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_key {
            if c == '=' {
                key = Some(value.trim().to_lowercase());
                in_key = false;
                value.clear();
                continue;
            }
            value.push(c);
            continue;
        }
        if escaped {
            value.push(c);
        } else if c == '\\' {
            escaped = true;
            continue;
        } else if quote && c == '"' {
            quote = false;
        } else if !quote && c == '"' {
            quote = true;
        } else if !quote && c == ';' {
            match &key {
                None => result.value = value.trim().to_string(),
                Some(k) => result.set(k, value.trim().to_string()),
            }
            in_key = true;
            value.clear();
        } else {
            value.push(c);
        }
        escaped = false;
    }
    if !in_key {
        match &key {
            None => result.value = value.trim().to_string(),
            Some(k) => result.set(k, value.trim().to_string()),
        }
    } else if !value.trim().is_empty() {
        result.set(&value.trim().to_lowercase(), String::new());
    }
    join_continuations(&mut result);
    result
}

/// RFC 2231 §3–4: `name*0`, `name*1*`… joined into `name`; a charset-tagged value
/// becomes a Q encoded word, as Nodemailer does.
fn join_continuations(result: &mut Structured) {
    let mut joined: Vec<(String, Option<String>, Vec<(usize, String)>)> = Vec::new();
    let mut plain = Vec::new();
    for (name, value) in std::mem::take(&mut result.params) {
        let Some(star) = name.find('*') else {
            plain.push((name, value));
            continue;
        };
        let base = name[..star].to_string();
        let suffix = &name[star..];
        let (number, extended) = if suffix == "*" {
            (0, true)
        } else {
            let digits = suffix.trim_start_matches('*').trim_end_matches('*');
            match digits.parse::<usize>() {
                Ok(n) => (n, suffix.ends_with('*') && suffix.len() > 1 + digits.len()),
                Err(_) => {
                    plain.push((name, value));
                    continue;
                }
            }
        };
        let index = match joined.iter().position(|(b, _, _)| *b == base) {
            Some(i) => i,
            None => {
                joined.push((base.clone(), None, Vec::new()));
                joined.len() - 1
            }
        };
        let mut value = value;
        if number == 0 && extended {
            if let Some((charset, rest)) = value.split_once('\'').and_then(|(c, r)| r.split_once('\'').map(|(_, v)| (c.to_string(), v.to_string()))) {
                joined[index].1 = Some(if charset.is_empty() { "iso-8859-1".to_string() } else { charset });
                value = rest;
            }
        }
        joined[index].2.push((number, value));
    }
    result.params = plain;
    for (base, charset, mut parts) in joined {
        parts.sort_by_key(|(n, _)| *n);
        let value: String = parts.into_iter().map(|(_, v)| v).collect();
        let value = match charset {
            Some(charset) => {
                let mut q = String::new();
                for c in value.chars() {
                    match c {
                        ' ' => q.push('_'),
                        '=' | '?' | '_' | '\t' | '\n' | '\r' => q.push_str(&format!("={:02x}", c as u32)),
                        '%' => q.push('='),
                        _ => q.push(c),
                    }
                }
                format!("=?{charset}?Q?{q}?=")
            }
            None => value,
        };
        result.set(&base, value);
    }
}

/// `JSON.stringify(text)`: a double-quoted string with `"`, `\` and controls escaped.
pub fn json_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// mime-funcs `safeEncodeURIComponent` of one character: letters, digits and
/// `-_.!~` as they are, anything else percent-encoded (UTF-8, upper-case hex).
fn safe_encode(c: char) -> String {
    if c.is_ascii_alphanumeric() || "-_.!~".contains(c) {
        return c.to_string();
    }
    let mut buffer = [0u8; 4];
    c.encode_utf8(&mut buffer).bytes().map(|b| format!("%{b:02X}")).collect()
}

fn safe_encode_str(text: &str) -> String {
    text.chars().map(safe_encode).collect()
}

/// mime-funcs `buildHeaderParam(key, value, 50)`: the RFC 2231 pieces of a long or
/// non-ASCII parameter, `(name*N[*], value)`.
pub fn build_header_param(key: &str, data: &str, max: usize) -> Vec<(String, String)> {
    let mut list: Vec<(String, bool)> = Vec::new();
    if is_plain_text(data, true) {
        if js_len(data) <= max {
            return vec![(key.to_string(), data.to_string())];
        }
        let chars: Vec<char> = data.chars().collect();
        for chunk in chars.chunks(max) {
            list.push((chunk.iter().collect(), false));
        }
    } else {
        let chars: Vec<char> = data.chars().collect();
        let mut line = String::from("utf-8''");
        let mut encoded = true;
        let mut start_pos: isize = 0;
        let mut i: isize = 0;
        while (i as usize) < chars.len() {
            let original = chars[i as usize];
            let mut piece = if encoded {
                safe_encode(original)
            } else {
                let piece = if original == ' ' { " ".to_string() } else { safe_encode(original) };
                if piece != original.to_string() {
                    if (safe_encode_str(&line) + &piece).len() >= max {
                        list.push((std::mem::take(&mut line), encoded));
                        start_pos = i - 1;
                    } else {
                        encoded = true;
                        i = start_pos + 1;
                        line.clear();
                        continue;
                    }
                }
                piece
            };
            if line.len() + piece.len() >= max {
                list.push((std::mem::take(&mut line), encoded));
                piece = if original == ' ' { " ".to_string() } else { safe_encode(original) };
                line = piece.clone();
                if piece == original.to_string() {
                    encoded = false;
                    start_pos = i - 1;
                } else {
                    encoded = true;
                }
            } else {
                line.push_str(&piece);
            }
            i += 1;
        }
        if !line.is_empty() {
            list.push((line, encoded));
        }
    }
    list.into_iter()
        .enumerate()
        .map(|(i, (line, encoded))| (format!("{key}*{i}{}", if encoded { "*" } else { "" }), line))
        .collect()
}

/// Characters that make a parameter value need quotes (mime-funcs buildHeaderValue).
fn needs_quotes(value: &str) -> bool {
    value.starts_with('-') || value.chars().any(|c| c.is_whitespace() || "'\"\\;:/=(),<>@[]?".contains(c))
}

/// mime-funcs `buildHeaderValue`: `value; name=param; …`.
pub fn build_header_value(structured: &Structured) -> String {
    let mut params = Vec::new();
    for (name, value) in &structured.params {
        if !is_plain_text(value, true) || js_len(value) >= 75 {
            for (key, piece) in build_header_param(name, value, 50) {
                let special = piece.starts_with('-') || piece.starts_with('\'') || piece.ends_with('\'')
                    || piece.chars().any(|c| c.is_whitespace() || "\"\\;:/=(),<>@[]?".contains(c));
                if !special || key.ends_with('*') {
                    params.push(format!("{key}={piece}"));
                } else {
                    params.push(format!("{key}={}", json_quote(&piece)));
                }
            }
        } else if needs_quotes(value) {
            params.push(format!("{name}={}", json_quote(value)));
        } else {
            params.push(format!("{name}={value}"));
        }
    }
    if params.is_empty() { structured.value.clone() } else { format!("{}; {}", structured.value, params.join("; ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_parsed_and_rebuilt_with_quotes_where_needed() {
        let parsed = parse_header_value("multipart/related; type=\"text/html\"");
        assert_eq!(parsed.value, "multipart/related");
        assert_eq!(parsed.get("type"), Some("text/html"));
        assert_eq!(build_header_value(&parsed), "multipart/related; type=\"text/html\"");
    }

    #[test]
    fn a_non_ascii_filename_becomes_rfc_2231_continuations() {
        let mut value = parse_header_value("attachment");
        value.set("filename", "résumé.pdf".to_string());
        assert_eq!(build_header_value(&value), "attachment; filename*0*=utf-8''r%C3%A9sum%C3%A9.pdf");
    }

    #[test]
    fn a_filename_of_75_characters_or_more_is_split_into_pieces_of_50() {
        let mut value = parse_header_value("attachment");
        value.set("filename", format!("{}.pdf", "a".repeat(80)));
        let built = build_header_value(&value);
        assert!(built.starts_with(&format!("attachment; filename*0={}; filename*1=", "a".repeat(50))), "{built}");
    }
}
