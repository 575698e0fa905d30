//! Facts about an HTML body, computed once with scraper: the visible text, the
//! links and the images. Rules read these facts; none re-parses the HTML.
//! Every walk over the tree is iterative, so hostile nesting cannot overflow the stack.

use scraper::{ElementRef, Html, Node};

/// A link (`<a href>` or `<area href>`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    /// The `href` as written (entities decoded by the HTML parser).
    pub href: String,
    /// The text a reader sees for the link.
    pub text: String,
    pub title: Option<String>,
}

/// An image (`<img src>`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    pub src: String,
    pub alt: Option<String>,
}

/// What an HTML body shows and references.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlFacts {
    /// The text a reader sees, with block elements separated by line breaks.
    pub visible_text: String,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    /// Number of elements in the document.
    pub element_count: usize,
}

/// Elements whose content is never shown.
const HIDDEN_ELEMENTS: &[&str] = &["head", "script", "style", "template", "noscript", "title", "meta", "link"];

/// Elements that start a new line when rendered.
const BLOCK_ELEMENTS: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
];

/// Parses `html` once and extracts its facts.
pub fn analyse(html: &str) -> HtmlFacts {
    let document = Html::parse_document(html);
    let mut facts = HtmlFacts::default();
    let root = document.tree.root();
    // Depth-first walk with an explicit stack: (node, entering?)
    let mut stack = vec![(root, true)];
    let mut link_stack: Vec<usize> = Vec::new();
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Element(element) => {
                let name = element.name();
                if entering {
                    facts.element_count += 1;
                    if HIDDEN_ELEMENTS.contains(&name) {
                        continue;
                    }
                    if BLOCK_ELEMENTS.contains(&name) {
                        push_break(&mut facts.visible_text);
                    }
                    if (name == "a" || name == "area") && element.attr("href").is_some() {
                        facts.links.push(Link {
                            href: element.attr("href").unwrap_or_default().to_string(),
                            text: String::new(),
                            title: element.attr("title").map(str::to_string),
                        });
                        link_stack.push(facts.links.len() - 1);
                        if name == "area" {
                            if let Some(alt) = element.attr("alt") {
                                facts.links.last_mut().map(|l| l.text.push_str(alt));
                            }
                        }
                    }
                    if name == "img" {
                        if let Some(src) = element.attr("src") {
                            facts.images.push(Image { src: src.to_string(), alt: element.attr("alt").map(str::to_string) });
                        }
                        if let (Some(alt), Some(&link)) = (element.attr("alt"), link_stack.last()) {
                            facts.links[link].text.push_str(alt);
                        }
                    }
                    stack.push((node, false));
                    for child in node.children().collect::<Vec<_>>().into_iter().rev() {
                        stack.push((child, true));
                    }
                } else {
                    if (name == "a" || name == "area") && element.attr("href").is_some() {
                        link_stack.pop();
                    }
                    if BLOCK_ELEMENTS.contains(&name) {
                        push_break(&mut facts.visible_text);
                    }
                }
            }
            Node::Text(text) => {
                if entering {
                    append_collapsed(&mut facts.visible_text, text);
                    if let Some(&link) = link_stack.last() {
                        append_collapsed(&mut facts.links[link].text, text);
                    }
                }
            }
            Node::Document | Node::Fragment => {
                if entering {
                    for child in node.children().collect::<Vec<_>>().into_iter().rev() {
                        stack.push((child, true));
                    }
                }
            }
            _ => {}
        }
    }
    facts.visible_text = facts.visible_text.trim().to_string();
    for link in &mut facts.links {
        link.text = link.text.trim().to_string();
    }
    let _ = ElementRef::wrap; // scraper's element wrapper is what richer analyses build on
    facts
}

/// Appends text with runs of white space collapsed to one space, as a browser renders it.
fn append_collapsed(out: &mut String, text: &str) {
    for ch in text.chars() {
        if ch.is_whitespace() && ch != '\u{a0}' {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(ch);
        }
    }
}

fn push_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_skips_head_and_scripts() {
        let facts = analyse("<html><head><title>T</title><style>p{}</style></head><body><p>Hello  <b>world</b></p><script>x()</script><p>Bye</p></body></html>");
        assert_eq!(facts.visible_text, "Hello world\nBye");
    }

    #[test]
    fn links_and_images_are_collected() {
        let facts = analyse(r#"<a href="https://a.example/x" title="t">Go <img src="cid:logo" alt="logo"></a>"#);
        assert_eq!(facts.links.len(), 1);
        assert_eq!(facts.links[0].href, "https://a.example/x");
        assert_eq!(facts.links[0].text, "Go logo");
        assert_eq!(facts.images[0].src, "cid:logo");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(1_000) + "x" + &"</div>".repeat(1_000);
        let facts = analyse(&html);
        assert_eq!(facts.visible_text, "x");
    }
}
