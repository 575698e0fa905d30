//! The `links/*` rules: the guides list "the link or links in the e-mail are
//! incorrect" and "a URL in the e-mail is not secure (e.g. declared as
//! `https://` while the URL only exists as `http://`)". They read the links of
//! the HTML analysis (`model::html`); the rules that judge an address alone
//! (`numeric-host`, `userinfo`, `shortener`, `homograph`) also read the URLs
//! written in text bodies (`reading::links`). Their tunables live here.

pub mod authority;
pub mod broken;
pub mod homograph;
pub mod insecure;
pub mod mismatch;
pub mod numeric_host;
pub mod shortener;
pub mod userinfo;

/// The scheme of an href, lowercased, with the tabs and line breaks browsers
/// strip (WHATWG URL §4.4) removed; `None` for a relative reference.
pub fn scheme_of(href: &str) -> Option<String> {
    let cleaned: String = href.trim().chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let valid = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// The host of an http(s) URL, lowercased and without a leading `www.`.
pub fn web_host(href: &str) -> Option<String> {
    let url = url::Url::parse(href.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.trim_end_matches('.').to_ascii_lowercase();
    Some(host.strip_prefix("www.").map(str::to_string).unwrap_or(host))
}

/// The entry of a host list (`links.shorteners`, `links.redirectors`) that `host`
/// is, or is a subdomain of; a leading dot in an entry is ignored.
pub fn listed_host<'l>(host: &str, list: &'l [String]) -> Option<&'l str> {
    list.iter()
        .map(|s| s.trim_start_matches('.'))
        .find(|s| host.eq_ignore_ascii_case(s) || host.strip_suffix(s).is_some_and(|head| head.ends_with('.')))
}

/// A host list (`links.redirectors`) for many lookups: each of a host's
/// parent domains is looked up once, instead of each entry compared with the
/// host (a message of 160,000 disagreeing links had made 190 million comparisons).
pub struct HostSet(std::collections::HashSet<String>);

impl HostSet {
    pub fn new(list: &[String]) -> HostSet {
        HostSet(list.iter().map(|s| s.trim_start_matches('.').to_ascii_lowercase()).filter(|s| !s.is_empty()).collect())
    }

    /// Whether `host` is an entry or a subdomain of one (as `listed_host`, case-insensitive).
    pub fn contains(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let mut rest = host.as_str();
        loop {
            if self.0.contains(rest) {
                return true;
            }
            match rest.split_once('.') {
                Some((_, parent)) if !parent.is_empty() => rest = parent,
                _ => return false,
            }
        }
    }
}

/// Percent-decodes lossily; an invalid escape is kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], escape) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_set_finds_what_listed_host_finds() {
        let list: Vec<String> = ["bit.ly", ".page.link", "List-Manage.com"].iter().map(|s| s.to_string()).collect();
        let set = HostSet::new(&list);
        for host in ["bit.ly", "go.bit.ly", "app.page.link", "us21.list-manage.com", "habit.ly", "bit.ly.example.com", "ly", "", "."] {
            assert_eq!(set.contains(host), listed_host(&host.to_ascii_lowercase(), &list.iter().map(|s| s.to_ascii_lowercase()).collect::<Vec<_>>()).is_some(), "{host}");
        }
        assert!(set.contains("GO.BIT.LY"));
        // An empty entry matches nothing.
        assert!(!HostSet::new(&["".to_string(), ".".to_string()]).contains("example.com"));
    }
}
