//! Links that only Outlook shows: those inside a downlevel-hidden conditional
//! comment, `<!--[if mso]> … <![endif]-->`. Every other client and the HTML
//! parser read the whole as a comment; Outlook for Windows (Word's renderer)
//! reads the content when the condition holds for it, and newsletters put
//! their "bulletproof" VML buttons there (`<v:roundrect href="…">`, Campaign
//! Monitor's buttons.cm, Litmus and Email on Acid's guides), or an `<a href>`
//! of its own. A link there is clicked by Outlook's readers as any other.
//!
//! The content is read for start tags with an `href`, in one pass per comment
//! (start and end tags, attributes and quoted values each read once), each
//! link's text being the text up to its element's end tag, tags left out.
//! Entities of the address and text are decoded for the few URLs and words use
//! (`&amp;`, `&quot;`, `&apos;`, `&lt;`, `&gt;`, `&nbsp;`, numeric ones); others
//! stay as written.

use super::budget::Budget;
use super::tags::Span;
use super::Link;
use crate::hash::KeyedSet;
use crate::inspect::bytes::find_ignore_case;

/// Links read from conditional comments, per HTML document (rspamd's `max_urls`,
/// conf/options.inc: 10,240, the limit of the links written in text too,
/// `rules::reading::MAX_WRITTEN_LINKS`); the comments past them are not read.
pub const MAX_CONDITIONAL_LINKS: usize = 10_240;

/// Whether Outlook reads the content of a comment of this condition (the text
/// between `[if` and `]`): one that names `mso` and negates nothing (`mso`,
/// `gte mso 9`, `(mso)|(IE)`). `!mso` is for every client but Outlook, which
/// downlevel-hidden content never reaches.
fn outlook_reads(condition: &str) -> bool {
    let condition = condition.to_ascii_lowercase();
    condition.contains("mso") && !condition.contains('!')
}

/// The links of `comments` (`tags::Prescan::conditional_comments`) of `html`
/// that Outlook reads, not those whose address is in `outside` (linked
/// outside the comments already: a button and its fallback for other
/// clients are one link), each with the span of its start tag; the work
/// charged to `budget`.
pub fn links(html: &str, comments: &[Span], outside: &[Link], budget: &mut Budget) -> Vec<Link> {
    let mut links = Vec::new();
    // Keyed: the addresses are the message's (`hash::KeyedSet`). Made once the first
    // link is found: a look-up a link, not a pass over `outside`.
    let mut linked: Option<KeyedSet<&str>> = None;
    for comment in comments {
        let Some(text) = html.get(comment.start + 4..comment.end) else { continue };
        // `[if condition]>` opens the content; `<![endif]` (or the comment's end) closes it.
        let Some(close) = memchr::memchr(b']', text.as_bytes()) else { continue };
        if text.as_bytes().get(close + 1) != Some(&b'>') || !outlook_reads(text.get(3..close).unwrap_or_default()) {
            continue;
        }
        let start = comment.start + 4 + close + 2;
        let Some(content) = html.get(start..comment.end) else { continue };
        let content = match find_ignore_case(content.as_bytes(), b"<![endif]", 0) {
            Some(end) => &content[..end],
            None => content.strip_suffix("-->").or_else(|| content.strip_suffix("--!>")).unwrap_or(content),
        };
        if !read_content(content, start, || outside.iter().map(|l| l.href.trim()).collect(), &mut linked, budget, &mut links) {
            break;
        }
    }
    for link in &mut links {
        link.text = link.text.trim().to_string();
    }
    links
}

/// Reads one comment's `content` (at `offset` of the HTML) into `links`,
/// leaving out the addresses of `linked` (made by `outside` when first asked);
/// false once `MAX_CONDITIONAL_LINKS` or the budget is reached.
fn read_content<'o>(
    content: &str,
    offset: usize,
    outside: impl Fn() -> KeyedSet<&'o str>,
    linked: &mut Option<KeyedSet<&'o str>>,
    budget: &mut Budget,
    links: &mut Vec<Link>,
) -> bool {
    let bytes = content.as_bytes();
    // The link being read and its element's name, while its end tag has not come.
    let mut open: Option<(usize, &str)> = None;
    let mut at = 0;
    while at < bytes.len() {
        if !budget.step(1) {
            return false;
        }
        let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|n| at + n) else {
            append_text(&content[at..], open, links, budget);
            break;
        };
        append_text(&content[at..lt], open, links, budget);
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
            .map_or(bytes.len(), |n| name_start + n);
        let name = &content[name_start..name_end];
        let (end, href, self_closing) = attributes(content, name_end);
        at = end;
        if closing {
            if open.is_some_and(|(_, open_name)| open_name.eq_ignore_ascii_case(name)) {
                open = None;
            }
            continue;
        }
        let Some(href) = href else { continue };
        let href = decode_entities(href);
        if linked.get_or_insert_with(&outside).contains(href.trim()) {
            open = None;
            continue;
        }
        if links.len() >= MAX_CONDITIONAL_LINKS || !budget.derive(href.len()) {
            return false;
        }
        let tag = Some(Span { start: offset + lt, end: offset + end });
        links.push(Link { href, tag, conditional: true, ..Link::default() });
        open = (!self_closing).then_some((links.len() - 1, name));
    }
    true
}

/// Appends `text`, white space collapsed and entities decoded, to the text of
/// the open link, if any, within the budget.
fn append_text(text: &str, open: Option<(usize, &str)>, links: &mut [Link], budget: &mut Budget) {
    let Some(link) = open.and_then(|(index, _)| links.get_mut(index)) else { return };
    if text.is_empty() || !budget.derive(text.len()) {
        return;
    }
    for word in decode_entities(text).split_whitespace() {
        if !link.text.is_empty() && !link.text.ends_with(' ') {
            link.text.push(' ');
        }
        link.text.push_str(word);
    }
    if text.ends_with(|c: char| c.is_whitespace()) && !link.text.is_empty() {
        link.text.push(' ');
    }
}

/// The end of the start tag whose attributes start at `from` (just past its
/// `>`, or the end of `content`), the value of its `href` attribute and
/// whether it closes itself (`/>`, as VML's `<w:anchorlock/>`), read
/// as the tokenizer reads attributes (HTML §13.2.5.32–40): names up to white
/// space, `/`, `=` or `>`, values quoted (up to the same quote) or not (up to
/// white space or `>`). The first `href` counts, as in the tokenizer.
fn attributes(content: &str, from: usize) -> (usize, Option<&str>, bool) {
    let bytes = content.as_bytes();
    let space = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let mut href = None;
    let mut i = from;
    loop {
        let mut slash = false;
        while let Some(&b) = bytes.get(i).filter(|&&b| space(b) || b == b'/') {
            slash = b == b'/';
            i += 1;
        }
        match bytes.get(i) {
            None => return (bytes.len(), href, false),
            Some(b'>') => return (i + 1, href, slash),
            Some(_) => {}
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|&b| !space(b) && !matches!(b, b'/' | b'=' | b'>')) || i == name_start {
            i += 1;
        }
        let name = &content[name_start..i.min(bytes.len())];
        while bytes.get(i).is_some_and(|&b| space(b)) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(|&b| space(b)) {
            i += 1;
        }
        let value = match bytes.get(i) {
            Some(&quote) if quote == b'"' || quote == b'\'' => match memchr::memchr(quote, &bytes[i + 1..]) {
                Some(n) => {
                    let value = &content[i + 1..i + 1 + n];
                    i += n + 2;
                    value
                }
                None => return (bytes.len(), href, false),
            },
            _ => {
                let start = i;
                while bytes.get(i).is_some_and(|&b| !space(b) && b != b'>') {
                    i += 1;
                }
                &content[start..i]
            }
        };
        if href.is_none() && name.eq_ignore_ascii_case("href") {
            href = Some(value);
        }
    }
}

/// `text` with the entities URLs and words use decoded: `&amp;`, `&quot;`,
/// `&apos;`, `&lt;`, `&gt;`, `&nbsp;` (a space) and numeric references; any
/// other `&` stays as written.
pub(super) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // The longest reference read: `&#x10FFFF;` (10 bytes).
        let semicolon = rest.as_bytes().iter().take(10).position(|&b| b == b';');
        let decoded = semicolon.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                "lt" => '<',
                "gt" => '>',
                "nbsp" => ' ',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let value = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(value)?
                }
            };
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::html::names::Names;
    use crate::model::html::tags::prescan;

    fn read(html: &str, outside: &[Link]) -> Vec<(String, String, String)> {
        let scan = prescan(html, &mut Names::default());
        links(html, &scan.conditional_comments, outside, &mut Budget::standard())
            .into_iter()
            .map(|l| {
                let tag = l.tag.map(|t| html[t.start..t.end].to_string()).unwrap_or_default();
                (l.href, l.text, tag)
            })
            .collect()
    }

    #[test]
    fn outlooks_buttons_and_anchors_are_links_with_their_text_and_tag() {
        let html = r#"<p>Hi</p><!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="https://a.example/x?a=1&amp;b=2" style="height:40px"><w:anchorlock/><center style="color:#fff">Shop   <b>now</b></center></v:roundrect><![endif]-->"#;
        assert_eq!(
            read(html, &[]),
            [(
                "https://a.example/x?a=1&b=2".to_string(),
                "Shop now".to_string(),
                r#"<v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="https://a.example/x?a=1&amp;b=2" style="height:40px">"#.to_string()
            )]
        );
        let html = "<!--[if gte mso 9]><table><tr><td><A HREF=http://b.example/>Log&nbsp;in</A> more<a href='https://c.example/'/>after<![endif]-->";
        assert_eq!(
            read(html, &[]),
            [
                ("http://b.example/".to_string(), "Log in".to_string(), "<A HREF=http://b.example/>".to_string()),
                ("https://c.example/".to_string(), String::new(), "<a href='https://c.example/'/>".to_string()),
            ]
        );
    }

    #[test]
    fn only_comments_outlook_reads_give_links() {
        for html in [
            "<!--[if !mso]><a href=\"https://a.example/\">x</a><![endif]-->",
            "<!--[if IE]><a href=\"https://a.example/\">x</a><![endif]-->",
            "<!-- <a href=\"https://a.example/\">x</a> -->",
            "<!--[if mso]<a href=\"https://a.example/\">x</a>-->",
            "<style><!--[if mso]><a href=\"https://a.example/\">x</a><![endif]--></style>",
            "<!--[if mso]><![endif]--><a href=\"https://a.example/\">x</a>",
        ] {
            assert_eq!(read(html, &[]), [], "{html}");
        }
        // Without `<![endif]`, the content runs to the comment's end.
        assert_eq!(read("<!--[if mso]><a href=\"https://a.example/\">x</a>-->", &[]).len(), 1);
    }

    #[test]
    fn a_link_also_outside_the_comment_is_not_read_twice() {
        let outside = [Link { href: "https://a.example/".to_string(), ..Link::default() }];
        let html = "<!--[if mso]><v:roundrect href=\" https://a.example/\">Go</v:roundrect><a href=\"https://b.example/\">B</a><![endif]-->";
        assert_eq!(read(html, &outside), [("https://b.example/".to_string(), "B".to_string(), "<a href=\"https://b.example/\">".to_string())]);
    }

    #[test]
    fn many_links_inside_and_outside_are_compared_once_each() {
        let outside: Vec<Link> = (0..20_000).map(|n| Link { href: format!("https://a.example/{n}"), ..Link::default() }).collect();
        let inside: String = (0..10_000).map(|n| format!("<a href=\"https://a.example/{}\">x</a>", n * 3)).collect();
        let found = read(&format!("<!--[if mso]>{inside}<![endif]-->"), &outside);
        // Those of 0..30,000 past 20,000 are linked in the comment only.
        assert_eq!(found.len(), 10_000 - 6_667);
        assert_eq!(found[0].0, "https://a.example/20001");
    }

    #[test]
    fn links_past_the_limit_are_not_read() {
        let html = format!("<!--[if mso]>{}<![endif]-->", "<a href=x>y</a>".repeat(MAX_CONDITIONAL_LINKS + 5));
        assert_eq!(read(&html, &[]).len(), MAX_CONDITIONAL_LINKS);
        // Unclosed quotes, tags and references end where the content ends.
        for html in ["<!--[if mso]><a href=\"x", "<!--[if mso]><a href", "<!--[if mso]><a", "<!--[if mso]><a href=x>&#x110000;&#9999999999;&", "<!--[if mso]"] {
            let _ = read(html, &[]);
        }
        assert_eq!(decode_entities("a&amp;b&#65;&#x42;&zz;&"), "a&bAB&zz;&");
    }
}
