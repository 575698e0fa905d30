//! Links written in text: URLs (`http://`, `https://`, `ftp://`, `mailto:`,
//! `www.`, `ftp.`) and e-mail addresses, which mail clients make clickable and
//! SpamAssassin adds to its list of URIs (`PerMsgStatus::_process_text_uri_list`).

use std::borrow::Cow;

/// E-mail addresses written in text: `local@domain.tld` (SpamAssassin makes them `mailto:` links).
pub fn written_addresses(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let is_local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-=".contains(&b);
    let is_host = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find('@').map(|n| from + n) {
        let mut start = at;
        while start > 0 && is_local(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_host(bytes[end]) {
            end += 1;
        }
        let host = text[at + 1..end].trim_end_matches(['.', '-']);
        let end = at + 1 + host.len();
        if start < at && host.contains('.') && !host.starts_with('.') && !text[start..end].contains("..") {
            out.push(&text[start..end]);
        }
        from = end.max(at + 1);
    }
    out
}

/// URLs written in plain text: `scheme://…` (http, https, ftp) and `www.…`,
/// up to white space or a character that cannot end a URL in running text.
pub fn written_urls(text: &str) -> Vec<Cow<'_, str>> {
    written_url_spans(text, usize::MAX).into_iter().map(|(_, url)| url).collect()
}

/// `written_urls` with the byte range of each URL as written in `text`, the
/// first `limit` of them. One pass: each prefix's next occurrence is searched
/// again only once the scan has passed it, so a text of many URLs is not read
/// once per URL.
pub fn written_url_spans(text: &str, limit: usize) -> Vec<(std::ops::Range<usize>, Cow<'_, str>)> {
    const PREFIXES: [&str; 6] = ["http://", "https://", "ftp://", "mailto:", "www.", "ftp."];
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    // Each prefix's next occurrence at or after `from`; `None` once it has none left.
    let mut next: [Option<usize>; 6] = [None; 6];
    let mut exhausted = [false; 6];
    let mut from = 0;
    while out.len() < limit {
        for (p, prefix) in PREFIXES.iter().enumerate() {
            if !exhausted[p] && next[p].is_none_or(|at| at < from) {
                next[p] = memchr::memmem::find(&lower.as_bytes()[from..], prefix.as_bytes()).map(|n| from + n);
                exhausted[p] = next[p].is_none();
            }
        }
        let Some(found) = next.iter().flatten().copied().min() else { break };
        let boundary_before = found == 0 || !text.as_bytes()[found - 1].is_ascii_alphanumeric();
        let end = text[found..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
            .map_or(text.len(), |n| found + n);
        let url = text[found..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        let range = found..found + url.len();
        if boundary_before && url.len() > 4 {
            if lower[found..].starts_with("www.") {
                // As SpamAssassin does, a bare `www.` host gets the scheme a mail client would give it.
                out.push((range, Cow::Owned(format!("http://{url}"))));
            } else if lower[found..].starts_with("ftp.") {
                out.push((range, Cow::Owned(format!("ftp://{url}"))));
            } else {
                out.push((range, Cow::Borrowed(url)));
            }
        }
        from = end.max(found + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_written_in_text_are_links() {
        let found: Vec<String> = written_urls("see https://a.example/x. or www.b.example, not awww.c")
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        assert_eq!(found, vec!["https://a.example/x", "http://www.b.example"]);
    }

    #[test]
    fn addresses_written_in_text_are_found() {
        assert_eq!(written_addresses("write to jo.doe@example.com. or @x or a@b"), vec!["jo.doe@example.com"]);
    }
}
