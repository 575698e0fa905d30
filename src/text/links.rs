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
    written_url_spans(text, usize::MAX)
        .into_iter()
        .map(|(range, scheme)| match scheme {
            "" => Cow::Borrowed(&text[range]),
            _ => Cow::Owned(format!("{scheme}{}", &text[range])),
        })
        .collect()
}

/// `written_urls` as the byte range of each URL as written in `text` and the
/// scheme a mail client gives it when it is a bare host (`http://` before
/// `www.…`, `ftp://` before `ftp.…`, else empty), the first `limit` of them. One pass over the text's `:` and `.` (the places a
/// prefix can end), each looked at once, whatever the number of URLs.
pub fn written_url_spans(text: &str, limit: usize) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let bytes = text.as_bytes();
    let ends_with = |at: usize, word: &[u8]| at >= word.len() && bytes[at - word.len()..at].eq_ignore_ascii_case(word);
    let mut out = Vec::new();
    // No URL starts before `from`, the end of the last one.
    let mut from = 0;
    let mut pos = 0;
    while out.len() < limit {
        let Some(at) = crate::text::find_any([b':', b'.'], &bytes[pos..]).map(|n| pos + n) else { break };
        pos = at + 1;
        // The prefix ending at this `:` or `.`, and whether the URL gets a scheme.
        let (found, scheme) = if bytes[at] == b':' {
            let slashes = bytes[at + 1..].starts_with(b"//");
            match () {
                _ if slashes && ends_with(at, b"https") => (at - 5, ""),
                _ if slashes && (ends_with(at, b"http") || ends_with(at, b"ftp")) => (at - if ends_with(at, b"http") { 4 } else { 3 }, ""),
                _ if ends_with(at, b"mailto") => (at - 6, ""),
                _ => continue,
            }
        } else if ends_with(at, b"www") {
            // As SpamAssassin does, a bare `www.` host gets the scheme a mail client would give it.
            (at - 3, "http://")
        } else if ends_with(at, b"ftp") {
            (at - 3, "ftp://")
        } else {
            continue;
        };
        if found < from {
            continue;
        }
        let boundary_before = found == 0 || !bytes[found - 1].is_ascii_alphanumeric();
        let end = text[found..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
            .map_or(text.len(), |n| found + n);
        let url = text[found..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        if boundary_before && url.len() > 4 {
            out.push((found..found + url.len(), scheme));
        }
        from = end.max(found + 1);
        pos = pos.max(from);
    }
    out
}

/// Host names written with a path but without a scheme (`bit.ly/3xYzAb`), as
/// Gmail and Outlook make them clickable and SpamAssassin's schemeless URIs read
/// them (`_process_text_uri_list`): the byte range of each such `host/path` in
/// `text` and the range of its host, the first `limit` of them. The host is
/// ASCII letters, digits, `-` and `.`, with a dot, starting and ending with a
/// letter or a digit, after nothing that joins it to a word, an address or a
/// URL; the path has a letter or a digit. `www.` and `ftp.` hosts are
/// `written_url_spans`'s.
pub fn bare_host_paths(text: &str, limit: usize) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let bytes = text.as_bytes();
    let is_host = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    let mut out = Vec::new();
    let mut from = 0;
    while out.len() < limit {
        let Some(slash) = memchr::memchr(b'/', &bytes[from..]).map(|n| from + n) else { break };
        from = slash + 1;
        let mut start = slash;
        while start > 0 && slash - start < MAX_BARE_HOST_BYTES && is_host(bytes[start - 1]) {
            start -= 1;
        }
        let joined = start > 0 && (is_host(bytes[start - 1]) || b"/@:_%+=~\\".contains(&bytes[start - 1]));
        let host = &text[start..slash];
        let well_formed = host.contains('.')
            && !host.contains("..")
            && host.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
            && host.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric());
        let prefixed = |prefix: &str| host.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
        if joined || !well_formed || prefixed("www.") || prefixed("ftp.") {
            continue;
        }
        let end = text[slash..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
            .map_or(text.len(), |n| slash + n);
        let url = text[start..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        if !url[slash - start..].bytes().any(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        out.push((start..start + url.len(), start..slash));
        from = end.max(from);
    }
    out
}

/// Whether `label` (any case) is a top-level domain a host name written in
/// running text plausibly ends in (`top_level_domains.txt`: the country codes
/// and the generic TLDs from before ICANN's 2012 programme, from the Public
/// Suffix List), so that `NEWS.COM` reads as a name and `HUGE.WINTER.SALE` does not.
pub fn is_host_top_level_domain(label: &str) -> bool {
    static LABELS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        let mut labels: Vec<&str> =
            include_str!("top_level_domains.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        labels.sort_unstable();
        labels
    });
    // The longest listed label has 6 letters (`museum`): a longer one is no TLD, and is not lowercased.
    label.len() <= MAX_TOP_LEVEL_DOMAIN_BYTES
        && labels.binary_search(&label.to_ascii_lowercase().as_str()).is_ok()
}

/// Longest label `is_host_top_level_domain` looks up (`museum`, the longest of
/// `top_level_domains.txt`; a test holds it to the file).
const MAX_TOP_LEVEL_DOMAIN_BYTES: usize = 6;

/// Longest host `bare_host_paths` reads back from a `/` (RFC 1035 §2.3.4: a
/// name is at most 255 octets).
pub const MAX_BARE_HOST_BYTES: usize = 255;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_top_level_domains_are_country_codes_and_the_older_generic_ones() {
        for label in ["com", "COM", "de", "Uk", "org", "info", "museum", "pl", "io"] {
            assert!(is_host_top_level_domain(label), "{label}");
        }
        // The 2012 programme's dictionary words, made-up labels, and labels not lowercase ASCII.
        for label in ["sale", "money", "now", "xyz", "XYZQ", "shop", "", "c", "comcom", "cöm", "museums"] {
            assert!(!is_host_top_level_domain(label), "{label}");
        }
        let longest = include_str!("top_level_domains.txt").lines().filter(|l| !l.starts_with('#')).map(str::len).max();
        assert_eq!(longest, Some(MAX_TOP_LEVEL_DOMAIN_BYTES));
    }

    #[test]
    fn bare_hosts_with_a_path_are_found_where_a_client_links_them() {
        let found = |text: &str| -> Vec<(String, String)> {
            bare_host_paths(text, usize::MAX).into_iter().map(|(url, host)| (text[url].to_string(), text[host].to_string())).collect()
        };
        assert_eq!(
            found("See bit.ly/3xYzAb, or (tinyurl.com/abc). Done."),
            [("bit.ly/3xYzAb".to_string(), "bit.ly".to_string()), ("tinyurl.com/abc".to_string(), "tinyurl.com".to_string())]
        );
        // Joined to a URL, an address, a path or a word; no dot; no path; www. and ftp. hosts.
        for text in ["https://bit.ly/x", "a@bit.ly/x", "/usr/bin/env", "src/main.rs/x", "and/or", "bit.ly/", "bit.ly/...", "www.bit.ly/x", "x_bit.ly/y", "-bit.ly/x", "bit..ly/x", ".bit.ly/x"] {
            assert_eq!(found(text), [] as [(String, String); 0], "{text}");
        }
        assert_eq!(found("a/b bit.ly/x/y/z bit.ly/w").len(), 2);
        assert_eq!(bare_host_paths(&"bit.ly/x ".repeat(50), 7).len(), 7);
        // A long run of host characters is read back at most so far.
        let long = format!("{}.example/x", "a".repeat(100_000));
        assert_eq!(found(&long), [] as [(String, String); 0]);
    }

    #[test]
    fn urls_written_in_text_are_links() {
        let found: Vec<String> = written_urls("see https://a.example/x. or www.b.example, not awww.c")
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        assert_eq!(found, vec!["https://a.example/x", "http://www.b.example"]);
        let spans = |text: &str| -> Vec<(std::ops::Range<usize>, String)> {
            written_url_spans(text, usize::MAX).into_iter().map(|(r, scheme)| (r.clone(), format!("{scheme}{}", &text[r]))).collect()
        };
        // Any case; each scheme; a bare host gets one; a URL's own `www.` is not a second URL.
        assert_eq!(
            spans("HTTPS://A.example/x Ftp://f.example ftp.g.example WWW.h.example mailto:a@b.example http://www.i.example"),
            vec![
                (0..19, "HTTPS://A.example/x".to_string()),
                (20..35, "Ftp://f.example".to_string()),
                (36..49, "ftp://ftp.g.example".to_string()),
                (50..63, "http://WWW.h.example".to_string()),
                (64..82, "mailto:a@b.example".to_string()),
                (83..103, "http://www.i.example".to_string()),
            ]
        );
        // Not URLs: a prefix inside a word, a scheme without slashes, a prefix alone.
        assert!(spans("xhttp://a.example shttp:x note: www. ftp: e.g.").is_empty());
        // The limit, and text that is all prefixes.
        assert_eq!(spans(&"www.a.example ".repeat(10)).len(), 10);
        assert_eq!(written_url_spans(&"www.a.example ".repeat(10), 3).len(), 3);
        assert_eq!(spans(&"www.".repeat(1000)).len(), 1);
    }

    #[test]
    fn addresses_written_in_text_are_found() {
        assert_eq!(written_addresses("write to jo.doe@example.com. or @x or a@b"), vec!["jo.doe@example.com"]);
    }
}
