//! Address fields as Nodemailer reads and writes them (nodemailer
//! `lib/addressparser`, mime-node `_parseAddresses`, `_convertAddresses`,
//! `_normalizeAddress`, `_encodeAddressName`): a lenient parser for what scripts
//! pass (`"Name <a@b>"`, `"a@b, c@d"`, groups), domains in punycode, display
//! names quoted or RFC 2047 encoded.

use super::words::{encode_word, TextEncoding};

/// A parsed address or group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Mailbox { name: String, address: String },
    Group { name: String, members: Vec<Parsed> },
}

/// Deepest group nesting parsed (addressparser `MAX_NESTED_GROUP_DEPTH`).
const MAX_GROUP_DEPTH: usize = 50;

#[derive(Debug, Clone)]
struct Token {
    operator: bool,
    value: String,
    no_break: bool,
}

/// addressparser's tokenizer: operators `"` `(` `<` `,` `:` `;` and text.
fn tokenize(text: &str) -> Vec<Token> {
    let mut list: Vec<Token> = Vec::new();
    let mut current: Option<usize> = None;
    let mut expecting: Option<char> = None;
    let mut escaped = false;
    let chars: Vec<char> = text.chars().collect();
    let closing = |c: char| match c {
        '"' => Some('"'),
        '(' => Some(')'),
        '<' => Some('>'),
        ':' => Some(';'),
        ',' | ';' => Some('\0'),
        _ => None,
    };
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        if !escaped {
            if expecting == Some(c) && c != '\0' {
                let no_break = next.is_some_and(|n| !matches!(n, ' ' | '\t' | '\r' | '\n' | ',' | ';'));
                list.push(Token { operator: true, value: c.to_string(), no_break });
                current = None;
                expecting = None;
                continue;
            }
            if expecting.is_none() || expecting == Some('\0') {
                if let Some(close) = closing(c) {
                    list.push(Token { operator: true, value: c.to_string(), no_break: false });
                    current = None;
                    expecting = if close == '\0' { None } else { Some(close) };
                    continue;
                }
            }
            if matches!(expecting, Some('"') | Some('\'')) && c == '\\' {
                escaped = true;
                continue;
            }
        }
        let index = match current {
            Some(i) => i,
            None => {
                list.push(Token { operator: false, value: String::new(), no_break: false });
                current = Some(list.len() - 1);
                list.len() - 1
            }
        };
        let c = if c == '\n' { ' ' } else { c };
        if c as u32 >= 0x21 || c == ' ' || c == '\t' {
            list[index].value.push(c);
        }
        escaped = false;
    }
    list.into_iter()
        .filter_map(|mut t| {
            t.value = t.value.trim().to_string();
            (!t.value.is_empty()).then_some(t)
        })
        .collect()
}

/// `/^[^@\s]+@[^@\s]+$/`
fn is_bare_address(text: &str) -> bool {
    match text.split_once('@') {
        Some((a, b)) => !a.is_empty() && !b.is_empty() && !b.contains('@') && !text.chars().any(char::is_whitespace),
        None => false,
    }
}

/// `text.replace(/\s*\b[^@\s]+@[^\s]+\b\s*/, …)`: the first address-like word of a
/// text, taken out of it.
fn take_address_like(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let index = words.iter().position(|w| {
        let trimmed = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
        trimmed.split_once('@').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
    })?;
    let word = words[index].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_');
    let mut rest: Vec<&str> = words.clone();
    rest.remove(index);
    Some((word.to_string(), rest.join(" ")))
}

fn handle_address(tokens: &[Token], depth: usize) -> Vec<Parsed> {
    #[derive(PartialEq, Clone, Copy)]
    enum State {
        Text,
        Address,
        Comment,
        Group,
    }
    let mut is_group = false;
    let mut state = State::Text;
    let mut address: Vec<String> = Vec::new();
    let mut comment: Vec<String> = Vec::new();
    let mut group: Vec<String> = Vec::new();
    let mut text: Vec<String> = Vec::new();
    let mut text_quoted: Vec<bool> = Vec::new();
    let mut inside_quotes = false;
    for (i, token) in tokens.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| &tokens[p]);
        if token.operator {
            match token.value.as_str() {
                "<" => {
                    state = State::Address;
                    inside_quotes = false;
                }
                "(" => {
                    state = State::Comment;
                    inside_quotes = false;
                }
                ":" => {
                    state = State::Group;
                    is_group = true;
                    inside_quotes = false;
                }
                "\"" => {
                    inside_quotes = !inside_quotes;
                    state = State::Text;
                }
                _ => {
                    state = State::Text;
                    inside_quotes = false;
                }
            }
            continue;
        }
        let mut value = token.value.clone();
        if state == State::Address {
            if let Some(at) = value.find('<') {
                value = value[at + 1..].trim_start().to_string();
            }
        }
        let list = match state {
            State::Text => &mut text,
            State::Address => &mut address,
            State::Comment => &mut comment,
            State::Group => &mut group,
        };
        if previous.is_some_and(|p| p.no_break) && !list.is_empty() {
            if let Some(last) = list.last_mut() {
                last.push_str(&value);
            }
            if state == State::Text && inside_quotes {
                if let Some(last) = text_quoted.last_mut() {
                    *last = true;
                }
            }
        } else {
            list.push(value);
            if state == State::Text {
                text_quoted.push(inside_quotes);
            }
        }
    }
    if text.is_empty() && !comment.is_empty() {
        text = std::mem::take(&mut comment);
        text_quoted = vec![false; text.len()];
    }
    if is_group {
        let mut members = Vec::new();
        if !group.is_empty() {
            for member in parse_depth(&group.join(","), depth + 1) {
                match member {
                    Parsed::Group { members: inner, .. } => members.extend(inner),
                    mailbox => members.push(mailbox),
                }
            }
        }
        return vec![Parsed::Group { name: text.join(" "), members }];
    }
    if address.is_empty() && !text.is_empty() {
        if let Some(i) = (0..text.len()).rev().find(|&i| !text_quoted[i] && is_bare_address(&text[i])) {
            address = vec![text.remove(i)];
            text_quoted.remove(i);
        }
        if address.is_empty() {
            for i in (0..text.len()).rev() {
                if text_quoted[i] {
                    continue;
                }
                if let Some((found, rest)) = take_address_like(&text[i]) {
                    address = vec![found];
                    text[i] = rest.trim().to_string();
                    break;
                }
            }
        }
    }
    if text.is_empty() && !comment.is_empty() {
        text = comment;
    }
    if address.len() > 1 {
        text.extend(address.drain(1..));
    }
    let text = text.join(" ");
    let address = address.join(" ");
    let mut mailbox_address = if address.is_empty() { text.clone() } else { address.clone() };
    let mut name = if text.is_empty() { address.clone() } else { text.clone() };
    if mailbox_address == name {
        if mailbox_address.contains('@') {
            name.clear();
        } else {
            mailbox_address.clear();
        }
    }
    vec![Parsed::Mailbox { name, address: mailbox_address }]
}

fn parse_depth(text: &str, depth: usize) -> Vec<Parsed> {
    if depth > MAX_GROUP_DEPTH {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let mut groups: Vec<Vec<Token>> = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    for token in tokens {
        if token.operator && (token.value == "," || token.value == ";") {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(token);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups.iter().flat_map(|g| handle_address(g, depth)).collect()
}

/// nodemailer `addressparser(text)`.
pub fn parse(text: &str) -> Vec<Parsed> {
    parse_depth(text, 0)
}

/// mime-node `_normalizeAddress`: control characters and angle brackets out, the
/// domain lower-cased and in punycode (RFC 3492), a local part with spaces quoted.
pub fn normalize_address(address: &str) -> String {
    let mut cleaned = String::with_capacity(address.len());
    let mut in_run = false;
    for c in address.chars() {
        if (c as u32) < 0x20 || c == '<' || c == '>' {
            if !in_run {
                cleaned.push(' ');
            }
            in_run = true;
        } else {
            cleaned.push(c);
            in_run = false;
        }
    }
    let cleaned = cleaned.trim();
    let Some(at) = cleaned.rfind('@') else {
        return cleaned.to_string();
    };
    let mut user = cleaned[..at].to_string();
    let domain = cleaned[at + 1..].to_lowercase();
    let domain = domain
        .split(['.', '\u{3002}', '\u{ff0e}', '\u{ff61}'])
        .map(|label| {
            if label.is_ascii() {
                label.to_string()
            } else {
                idna::punycode::encode_str(label).map_or_else(|| label.to_string(), |p| format!("xn--{p}"))
            }
        })
        .collect::<Vec<_>>()
        .join(".");
    if user.contains(' ') {
        if !user.starts_with('"') {
            user.insert(0, '"');
        }
        if !user.ends_with('"') {
            user.push('"');
        }
    }
    format!("{user}@{domain}")
}

/// mime-node `_encodeAddressName`: as is when only letters, digits, `_` and spaces;
/// quoted when printable ASCII; RFC 2047 encoded otherwise.
pub fn encode_name(name: &str, encoding: TextEncoding) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ') {
        return name.to_string();
    }
    if name.chars().all(|c| (' '..='~').contains(&c)) {
        return format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""));
    }
    encode_word(name, encoding.of(name))
}

/// mime-node `_convertAddresses`: the header value of parsed addresses.
pub fn render(addresses: &[Parsed], encoding: TextEncoding) -> String {
    let mut values = Vec::new();
    for parsed in addresses {
        match parsed {
            Parsed::Mailbox { name, address } => {
                if address.is_empty() {
                    continue;
                }
                let address = normalize_address(address);
                if name.is_empty() {
                    values.push(if address.contains(' ') { format!("<{address}>") } else { address });
                } else {
                    values.push(format!("{} <{address}>", encode_name(name, encoding)));
                }
            }
            Parsed::Group { name, members } => {
                let list = if members.is_empty() { String::new() } else { render(members, encoding).trim().to_string() };
                values.push(format!("{}:{list};", encode_name(name, encoding)));
            }
        }
    }
    values.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mailbox(name: &str, address: &str) -> Parsed {
        Parsed::Mailbox { name: name.into(), address: address.into() }
    }

    #[test]
    fn the_forms_scripts_pass_are_parsed_as_nodemailer_parses_them() {
        assert_eq!(parse("a@example.com"), vec![mailbox("", "a@example.com")]);
        assert_eq!(parse("Ana <ana@example.com>"), vec![mailbox("Ana", "ana@example.com")]);
        assert_eq!(parse("\"Doe, Jo\" <jo@example.com>, b@example.com"),
            vec![mailbox("Doe, Jo", "jo@example.com"), mailbox("", "b@example.com")]);
        assert_eq!(parse("Team: a@example.com, b@example.com;"),
            vec![Parsed::Group { name: "Team".into(), members: vec![mailbox("", "a@example.com"), mailbox("", "b@example.com")] }]);
    }

    #[test]
    fn names_are_quoted_or_encoded_and_domains_become_punycode() {
        assert_eq!(render(&parse("Jo Doe <jo@Example.COM>"), TextEncoding::default()), "Jo Doe <jo@example.com>");
        assert_eq!(render(&parse("\"Doe, Jo\" <jo@example.com>"), TextEncoding::default()), "\"Doe, Jo\" <jo@example.com>");
        assert_eq!(render(&parse("Wébsite <contact@example.com>"), TextEncoding::default()), "=?UTF-8?Q?W=C3=A9bsite?= <contact@example.com>");
        assert_eq!(normalize_address("info@jõgeva.ee"), "info@xn--jgeva-dua.ee");
    }
}
