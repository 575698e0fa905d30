//! One linear pass over the HTML source before the tree builder: where each
//! start tag is (html5ever gives no source positions, so this is how elements
//! get byte offsets), and where the input must be cut so the tree builder stays
//! cheap. html5ever's cost grows with elements × open elements (scope checks walk
//! the stack of open elements), so the input is cut before `MAX_HTML_DEPTH`
//! nested elements or `MAX_HTML_ELEMENTS` elements; and with the square of a
//! tag's attributes (each new name is compared with every one before it, for
//! duplicates: 40,000 attributes in one tag, 269 KB, took 3.6 s in wasm), so it
//! is cut before a tag of more than `MAX_TAG_ATTRIBUTES`.

use super::names::{Names, MAX_NAMES_PER_BUCKET};
use crate::inspect::bytes::{find, find_ignore_case};

/// Deepest nesting of elements parsed; beyond it the HTML is cut. Real mail
/// rarely nests deeper than 60; html5ever's cost grows with this depth. *(default, ours)*
pub const MAX_HTML_DEPTH: usize = 512;
/// Most elements parsed; beyond it the HTML is cut. *(default, ours)*
pub const MAX_HTML_ELEMENTS: usize = 100_000;
/// Most attributes in one tag, start or end tag, duplicates counted; the HTML
/// is cut before a tag with more. *(default, ours: the HTML of
/// `../shared/corpus` has at most 11 in a tag; at 64, html5ever's duplicate
/// check makes at most 63 comparisons an attribute, and 10 MB of tags of 64
/// attributes lint in about as long as the slowest hostile shapes of #13)*
pub const MAX_TAG_ATTRIBUTES: usize = 64;

/// Elements without content (HTML §13.1.2), never open on the stack
/// (`Listed::Void`; the lists are the tests' reference for `listed`).
#[cfg(test)]
const VOID_ELEMENTS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose end tag may be omitted and that a parser closes when a sibling
/// opens (HTML §13.1.2.4), so an unclosed run of them does not nest (`Listed::OptionalEnd`).
#[cfg(test)]
const OPTIONAL_END_ELEMENTS: &[&str] =
    &["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup"];

/// The longest name of the lists above and below (`plaintext`).
const MAX_LISTED_NAME: usize = 9;

/// Elements whose content is raw text: `<` inside them starts no tag (HTML
/// §13.2.5; `noscript` too, as html5ever parses with scripting enabled; `Listed::RawText`).
#[cfg(test)]
const RAW_TEXT_ELEMENTS: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Which of the lists above a lowercase tag name is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    Void,
    OptionalEnd,
    RawText,
    Other,
}

/// The list a lowercase name is in: one `match`, where looking through the
/// three lists compared a tag's name with up to 37 names (#14: a third of the
/// pre-scan of a 10 MB newsletter in Node).
fn listed(name: &str) -> Listed {
    match name {
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "param" | "source"
        | "track" | "wbr" => Listed::Void,
        "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option" | "optgroup" | "tbody" | "thead" | "tfoot"
        | "colgroup" => Listed::OptionalEnd,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
        | "plaintext" => Listed::RawText,
        _ => Listed::Other,
    }
}

/// End tags fed to the tree builder at most in one chunk, at no start tag:
/// each may walk its whole stack of open elements (`tree::TREE_STEPS_BASE`).
/// *(ours: the work over the limit is at most this many walks)*
pub const END_TAGS_A_CHUNK: usize = 16;

/// Why the HTML was cut before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TruncatedBy {
    /// More than `MAX_HTML_DEPTH` nested elements.
    Depth,
    /// More than `MAX_HTML_ELEMENTS` elements.
    Elements,
    /// A tag with more than `MAX_TAG_ATTRIBUTES` attributes.
    Attributes,
    /// A tag, attribute or class name that would be the document's
    /// `names::MAX_NAMES_PER_BUCKET` + 1st in its bucket of the interner.
    Names,
    /// The work budget (`budget::MAX_HTML_STEPS`) ran out.
    Steps,
    /// The derived-text budget (`budget::MAX_DERIVED_BYTES`) ran out.
    DerivedBytes,
}

/// A byte range of the decoded HTML text: an element's start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A start tag found by the pre-scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartTag {
    pub span: Span,
    /// Length of the tag name (it starts at `span.start + 1`).
    pub name_len: usize,
}

impl StartTag {
    pub fn name<'h>(&self, html: &'h str) -> &'h str {
        html.get(self.span.start + 1..self.span.start + 1 + self.name_len).unwrap_or("")
    }
}

/// What the pre-scan found.
#[derive(Debug, Default)]
pub struct Prescan {
    /// Start tags in source order, up to the cut.
    pub tags: Vec<StartTag>,
    /// The end of every `END_TAGS_A_CHUNK`th end tag, in source order, up to
    /// the cut: more places where the tree builder is fed a chunk and its work
    /// is counted (`tree::parse`), as end tags make no element of their own.
    pub breaks: Vec<usize>,
    /// The offset to cut at, why, and the limit reached.
    pub cut: Option<(usize, TruncatedBy, usize)>,
    /// Comments whose text starts with `[if` (a conditional comment, read by
    /// Outlook: `conditional`), from their `<!--` to where the tokenizer ends
    /// them, in source order, up to the cut.
    pub conditional_comments: Vec<Span>,
}

/// Scans `html` once, admitting its tag and attribute names to `names`.
pub fn prescan(html: &str, names: &mut Names) -> Prescan {
    let bytes = html.as_bytes();
    let mut out = Prescan::default();
    let mut depth = 0usize;
    // Elements the tree builder makes with no start tag: an end tag `br` is
    // read as a start tag, and an end tag `p` with no `p` open inserts one
    // (HTML §13.2.6.4.7, "in body"; 2.5 million `</p>` in 10 MB had made 2.5
    // million elements: 727 MB of wasm memory, 3.7 s). A `</p>` is taken to make
    // one when no more `<p>` than `</p>` came before it: runs of unclosed `<p>`,
    // which close each other, are then under-counted at most as many times as
    // they are counted.
    let (mut implied, mut p_starts, mut p_ends) = (0usize, 0usize, 0usize);
    // Inside SVG and MathML, `style`, `title`, `textarea`, `script`… are foreign
    // elements whose content the tokenizer reads as markup, and where foreign
    // content ends takes the tree builder to know (`</svg>` is ignored inside a
    // `foreignObject`, after which a `<style>` is SVG's again); in a `select`
    // and a `frameset` the tree builder ignores `<style>`, `<iframe>`, `<xmp>`…
    // (HTML §13.2.6.4.16, .20), whose content is then markup too. So once a
    // `<svg>`, `<math>`, `<select>` or `<frameset>` start tag has come, no
    // element's content is skipped as raw text: the tags counted may then
    // include some the tokenizer reads as text, never miss one it reads as a
    // tag (every limit here holds for what it parses).
    let mut skip_raw_text = true;
    let mut end_tags = 0usize;
    let (mut comment_close, mut comment_bang) = (NextOf::new(b"-->"), NextOf::new(b"--!>"));
    let mut i = 0usize;
    while i < bytes.len() {
        let Some(offset) = memchr::memchr(b'<', &bytes[i..]) else { break };
        let lt = i + offset;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = comment_end(bytes, lt + 4, &mut comment_close, &mut comment_bang);
            if bytes.get(lt + 4..lt + 7).is_some_and(|open| open.eq_ignore_ascii_case(b"[if")) {
                out.conditional_comments.push(Span { start: lt, end: i });
            }
            continue;
        }
        if rest.first().is_some_and(|b| *b == b'!' || *b == b'?') {
            // Doctype or bogus comment: up to the next `>`.
            i = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        // HTML §13.2.5.8: the tag name runs to white space, `/` or `>`.
        let name_len =
            bytes[name_start..].iter().take_while(|b| !matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'/' | b'>')).count();
        // Lowercased in a buffer, not a new string a tag (#14: their allocations
        // were 1 % of a 10 MB newsletter's lint in Node): a name longer than
        // every listed one, or past ASCII, is in no list, as the empty name.
        let mut buffer = [0u8; MAX_LISTED_NAME];
        let name = match (buffer.get_mut(..name_len), bytes.get(name_start..name_start + name_len)) {
            (Some(lower), Some(written)) if written.is_ascii() => {
                lower.copy_from_slice(written);
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).unwrap_or_default()
            }
            _ => "",
        };
        let kind = listed(name);
        let (tag_end, attributes) = tag_end(bytes, name_start + name_len, &mut |name| names.admit_markup(name));
        if attributes > MAX_TAG_ATTRIBUTES {
            out.cut = Some((lt, TruncatedBy::Attributes, MAX_TAG_ATTRIBUTES));
            return out;
        }
        if names.refused || !names.admit_markup(bytes.get(name_start..name_start + name_len).unwrap_or_default()) {
            out.cut = Some((lt, TruncatedBy::Names, MAX_NAMES_PER_BUCKET));
            return out;
        }
        if closing {
            if name == "p" {
                p_ends += 1;
            }
            if name == "br" || (name == "p" && p_ends > p_starts) {
                implied += 1;
                if out.tags.len() + implied > MAX_HTML_ELEMENTS {
                    out.cut = Some((lt, TruncatedBy::Elements, MAX_HTML_ELEMENTS));
                    return out;
                }
            }
            if !matches!(kind, Listed::Void | Listed::OptionalEnd) {
                depth = depth.saturating_sub(1);
            }
            end_tags += 1;
            if end_tags % END_TAGS_A_CHUNK == 0 {
                out.breaks.push(tag_end);
            }
            i = tag_end;
            continue;
        }
        if name == "p" {
            p_starts += 1;
        }
        skip_raw_text &= !matches!(name, "svg" | "math" | "select" | "frameset");
        if out.tags.len() + implied >= MAX_HTML_ELEMENTS {
            out.cut = Some((lt, TruncatedBy::Elements, MAX_HTML_ELEMENTS));
            return out;
        }
        let self_closing = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
        let nests = !matches!(kind, Listed::Void | Listed::OptionalEnd) && !self_closing;
        if nests {
            depth += 1;
            if depth > MAX_HTML_DEPTH {
                out.cut = Some((lt, TruncatedBy::Depth, MAX_HTML_DEPTH));
                return out;
            }
        }
        out.tags.push(StartTag { span: Span { start: lt, end: tag_end }, name_len });
        i = tag_end;
        if kind == Listed::RawText && skip_raw_text {
            // Skip to the end tag: `<` inside raw text starts no tag.
            let closing_tag = format!("</{name}");
            i = find_ignore_case(bytes, closing_tag.as_bytes(), i).unwrap_or(bytes.len());
        }
    }
    out
}

/// The next place of a needle at or after an offset, each search starting
/// where the last found none or past the last place found: the pre-scan's
/// searches for comment ends stay one pass over the text, however many
/// comments it has (without it, comments closed by `--!>` and no `-->` after
/// them would each search the rest of the text for `-->`).
struct NextOf {
    needle: &'static [u8],
    /// The last search: from where, and what it found.
    last: Option<(usize, Option<usize>)>,
}

impl NextOf {
    fn new(needle: &'static [u8]) -> NextOf {
        NextOf { needle, last: None }
    }

    fn at_or_after(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        match self.last {
            Some((searched, found)) if searched <= from && found.is_none_or(|at| at >= from) => found,
            _ => {
                let found = find(bytes, self.needle, from);
                self.last = Some((from, found));
                found
            }
        }
    }
}

/// The offset just past the comment whose text starts at `from` (after
/// `<!--`), where the tokenizer ends it (HTML §13.2.5.43–52): at once for
/// `<!-->` and `<!--->`, else at the first `-->` or `--!>`, or at the end.
fn comment_end(bytes: &[u8], from: usize, close: &mut NextOf, bang: &mut NextOf) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    match (close.at_or_after(bytes, from).map(|at| at + 3), bang.at_or_after(bytes, from).map(|at| at + 4)) {
        (Some(a), Some(b)) => a.min(b),
        (Some(end), None) | (None, Some(end)) => end,
        (None, None) => bytes.len(),
    }
}

/// Where html5ever's tokenizer reads an attribute (HTML §13.2.5.32–40).
#[derive(Clone, Copy, PartialEq, Eq)]
enum In {
    /// Before an attribute's name, after a value or `/`.
    Between,
    Name,
    AfterName,
    BeforeValue,
    UnquotedValue,
    AfterQuotedValue,
}

/// The offset just past the `>` that ends a tag whose attributes start at
/// `from`, and the attributes html5ever's tokenizer reads in it, duplicates
/// counted: the states of HTML §13.2.5.32–40, quoted values skipped with
/// memchr. A name starts at any byte but white space, `/` and `>` between
/// attributes (`=` and quotes too: parse errors, read as names), a value only
/// after `=`; a quote right after a value starts a name. CR is white space
/// (the input stream turns it into LF, §13.2.3.5). Without its `>`, the tag
/// runs to the end.
pub(super) fn tag_end(bytes: &[u8], from: usize, name: &mut dyn FnMut(&[u8]) -> bool) -> (usize, usize) {
    let mut state = In::Between;
    let mut attributes = 0;
    let mut i = from;
    // Where the name being read started; each is handed to `name` as it ends,
    // until `name` refuses one.
    let mut name_from = from;
    let mut naming = true;
    while let Some(&b) = bytes.get(i) {
        let space = matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r');
        if state == In::Name && naming && (space || matches!(b, b'>' | b'/' | b'=')) {
            naming = name(bytes.get(name_from..i).unwrap_or_default());
        }
        // `>` ends the tag in every state but a quoted value's, skipped below.
        if b == b'>' {
            return (i + 1, attributes);
        }
        state = match state {
            In::Between | In::AfterQuotedValue if space || b == b'/' => In::Between,
            In::Name | In::AfterName if b == b'/' => In::Between,
            In::Name | In::AfterName if b == b'=' => In::BeforeValue,
            In::Name | In::AfterName if space => In::AfterName,
            In::Name => In::Name,
            // A new name (after a quoted value: parse error, read so).
            In::Between | In::AfterName | In::AfterQuotedValue => {
                attributes += 1;
                name_from = i;
                In::Name
            }
            In::BeforeValue if space => In::BeforeValue,
            In::BeforeValue if b == b'"' || b == b'\'' => {
                match memchr::memchr(b, bytes.get(i + 1..).unwrap_or_default()) {
                    Some(at) => i += 1 + at,
                    None => return (bytes.len(), attributes),
                }
                In::AfterQuotedValue
            }
            In::BeforeValue => In::UnquotedValue,
            In::UnquotedValue if space => In::Between,
            In::UnquotedValue => In::UnquotedValue,
        };
        i += 1;
    }
    // A tag without its `>` is dropped by the tokenizer: no name of it is interned.
    (bytes.len(), attributes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(html: &str) -> Prescan {
        prescan(html, &mut Names::default())
    }

    #[test]
    fn start_tags_are_found_in_source_order_with_quoted_brackets() {
        let html = r#"<p class="a>b">x</p><!-- <b> --><script>if (a<b) {}</script><IMG src='>'>"#;
        let scan = scan(html);
        let names: Vec<&str> = scan.tags.iter().map(|t| t.name(html)).collect();
        assert_eq!(names, ["p", "script", "IMG"]);
        assert_eq!(&html[scan.tags[0].span.start..scan.tags[0].span.end], r#"<p class="a>b">"#);
        assert_eq!(&html[scan.tags[2].span.start..scan.tags[2].span.end], "<IMG src='>'>");
    }

    #[test]
    fn names_are_listed_whatever_their_case_and_length() {
        let longest = [VOID_ELEMENTS, OPTIONAL_END_ELEMENTS, RAW_TEXT_ELEMENTS].concat().iter().map(|n| n.len()).max();
        assert_eq!(longest, Some(MAX_LISTED_NAME));
        // Void and optional end tags in capitals do not nest; a raw text element
        // in capitals hides its `<`; a longer name or one past ASCII nests.
        let html = "<BR><Td><PlainText><b></PLAINTEXT><Plaintexts><aÿ><i>";
        let names: Vec<&str> = scan(html).tags.iter().map(|t| t.name(html)).collect();
        assert_eq!(names, ["BR", "Td", "PlainText", "Plaintexts", "aÿ", "i"]);
        let deep = "<Plaintexts>".repeat(MAX_HTML_DEPTH + 1);
        assert_eq!(scan(&deep).cut.map(|c| c.1), Some(TruncatedBy::Depth));
        let flat = "<Br><TD><LI>".repeat(MAX_HTML_DEPTH);
        assert_eq!(scan(&flat).cut, None);
    }

    #[test]
    fn the_match_holds_the_lists() {
        let lists = [(VOID_ELEMENTS, Listed::Void), (OPTIONAL_END_ELEMENTS, Listed::OptionalEnd), (RAW_TEXT_ELEMENTS, Listed::RawText)];
        for (list, kind) in lists {
            for name in list {
                assert_eq!(listed(name), kind, "{name}");
                // A name one letter longer or shorter, or in capitals, is in no list
                // (`prescan` lowercases before it asks).
                for other in [format!("{name}s"), name[..name.len() - 1].to_string(), name.to_uppercase()] {
                    let expected = lists.iter().find(|(l, _)| l.contains(&other.as_str())).map_or(Listed::Other, |(_, k)| *k);
                    assert_eq!(listed(&other), expected, "{other}");
                }
            }
        }
        for other in ["", "a", "div", "table", "span", "font", "center", "b"] {
            assert_eq!(listed(other), Listed::Other, "{other}");
        }
    }

    #[test]
    fn deep_nesting_is_cut() {
        let html = "<div>".repeat(MAX_HTML_DEPTH + 1);
        assert_eq!(scan(&html).cut.map(|c| c.1), Some(TruncatedBy::Depth));
    }

    /// What html5ever's tokenizer makes of `html`: the attributes of its first
    /// tag (those it dropped as duplicates counted), and the characters after it.
    fn tokenized(html: &str) -> (Option<usize>, String) {
        use html5ever::tokenizer::{BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
        #[derive(Default)]
        struct Sink {
            attributes: std::cell::Cell<Option<usize>>,
            duplicates: std::cell::Cell<usize>,
            text: std::cell::RefCell<String>,
        }
        impl TokenSink for Sink {
            type Handle = ();
            fn process_token(&self, token: Token, _: u64) -> TokenSinkResult<()> {
                match token {
                    Token::TagToken(tag) if self.attributes.get().is_none() => {
                        self.attributes.set(Some(tag.attrs.len() + self.duplicates.get()));
                    }
                    Token::ParseError(error) if error == "Duplicate attribute" && self.attributes.get().is_none() => {
                        self.duplicates.set(self.duplicates.get() + 1);
                    }
                    Token::CharacterTokens(text) => self.text.borrow_mut().push_str(&text),
                    _ => {}
                }
                TokenSinkResult::Continue
            }
        }
        let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(html.into());
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        (tokenizer.sink.attributes.get(), tokenizer.sink.text.take())
    }

    #[test]
    fn tags_end_and_count_attributes_as_the_tokenizer_reads_them() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let spaces = [" ", "\t", "\n", "\r", "\r\n", "\x0c", "  "];
        let values = [
            "\"a b\"", "'c>d'", "\"\"", "''", "e", "f\"g", "h'i", "=j", "\"k=l'\"", "'m\"n'", "&amp;", "x/y", "\"/\"",
        ];
        let mut checked = 0;
        for case in 0..4_000 {
            let mut tag = String::from(if case % 5 == 0 { "</p" } else { "<p" });
            let mut names = 0;
            for _ in 0..next(12) {
                match next(10) {
                    0 => tag.push('/'),
                    1 => tag.push_str(spaces[next(spaces.len())]),
                    _ => {
                        // A name (`=` alone may come again: html5ever drops duplicates, counted).
                        if !tag.ends_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '"' || c == '\'') || next(3) == 0 {
                            tag.push_str(spaces[next(spaces.len())]);
                        }
                        let name = ["n", "N", "=n", "\"n", "'n", "n'"][next(6)];
                        tag.push_str(&format!("{name}{names}x"));
                        names += 1;
                        if next(3) > 0 {
                            for _ in 0..next(3) {
                                tag.push_str(spaces[next(spaces.len())]);
                            }
                            tag.push('=');
                            for _ in 0..next(2) {
                                tag.push_str(spaces[next(spaces.len())]);
                            }
                            // `>` only in quotes: an unquoted one would end the tag.
                            tag.push_str(values[next(values.len())]);
                        }
                    }
                }
            }
            tag.push('>');
            let html = format!("{tag}MARK");
            let (end, attributes) = tag_end(html.as_bytes(), if tag.starts_with("</") { 3 } else { 2 }, &mut |_| true);
            let (tokens_attributes, text) = tokenized(&html);
            // What follows the end, as the tokenizer gives characters (CR read
            // as LF, the one character reference decoded).
            let after = html[end..].replace("\r\n", "\n").replace('\r', "\n").replace("&amp;", "&");
            if tag.starts_with("</") {
                // End tags keep no attributes in the token; their end still counts.
                assert_eq!(after, text, "{tag:?}");
                continue;
            }
            assert_eq!(Some(attributes), tokens_attributes, "{tag:?}");
            assert_eq!(after, text, "{tag:?}");
            checked += 1;
        }
        assert!(checked > 3_000);
    }

    #[test]
    fn a_tag_of_too_many_attributes_cuts_the_html_before_it() {
        let names = |n: usize| (0..n).map(|i| format!(" a{i}=\"{i}\"")).collect::<String>();
        let at_limit = format!("<p>x</p><p{}>y</p><p>z</p>", names(MAX_TAG_ATTRIBUTES));
        assert_eq!(scan(&at_limit).cut, None);
        assert_eq!(scan(&at_limit).tags.len(), 3);
        for over in [format!("<p>x</p><p{}>y</p><p>z</p>", names(MAX_TAG_ATTRIBUTES + 1)), format!("<p>x</p></p{}><p>z</p>", names(MAX_TAG_ATTRIBUTES + 1))] {
            let scan = scan(&over);
            assert_eq!(scan.cut, Some((8, TruncatedBy::Attributes, MAX_TAG_ATTRIBUTES)), "{over:.40}");
            assert_eq!(scan.tags.len(), 1);
        }
        // Duplicates count: the tokenizer compares each with those before it.
        let duplicates = format!("<b{}>", " a".repeat(MAX_TAG_ATTRIBUTES + 1));
        assert_eq!(scan(&duplicates).cut.map(|c| c.1), Some(TruncatedBy::Attributes));
        // Attributes inside a quoted value are not attributes.
        let quoted = format!("<p title=\"{}\">x", names(MAX_TAG_ATTRIBUTES * 2).replace('"', ""));
        assert_eq!(scan(&quoted).cut, None);
    }

    #[test]
    fn end_tags_that_make_elements_count_as_elements() {
        // `</p>` with no `p` open and `</br>` make elements (HTML §13.2.6.4.7).
        for unit in ["</p>", "</P>", "</br>", "x</p>"] {
            let html = format!("<body>{}", unit.repeat(MAX_HTML_ELEMENTS + 10));
            let scan = scan(&html);
            assert_eq!(scan.cut.map(|c| c.1), Some(TruncatedBy::Elements), "{unit}");
            let at = scan.cut.map_or(0, |c| c.0);
            // Cut at the end tag past the limit: the body and the limit's worth before it.
            assert_eq!(at, "<body>".len() + unit.len() * (MAX_HTML_ELEMENTS - 1) + unit.find('<').unwrap_or(0), "{unit}");
        }
        // Closed paragraphs make none: the limit counts their start tags once.
        let closed = "<p>x</p>".repeat(MAX_HTML_ELEMENTS - 1);
        assert_eq!(scan(&closed).cut, None);
        let over = "<p>x</p>".repeat(MAX_HTML_ELEMENTS + 1);
        assert_eq!(scan(&over).cut.map(|c| c.1), Some(TruncatedBy::Elements));
        // A stray `</p>` among them counts once.
        let stray = format!("{}</p>", "<p>x</p>".repeat(MAX_HTML_ELEMENTS - 1));
        assert_eq!(scan(&stray).cut, None);
        let strays = format!("{}</p></p>", "<p>x</p>".repeat(MAX_HTML_ELEMENTS - 1));
        assert_eq!(scan(&strays).cut.map(|c| c.1), Some(TruncatedBy::Elements));
    }

    #[test]
    fn after_svg_math_select_or_frameset_no_content_is_skipped_as_raw_text() {
        // The tokenizer reads these elements' content as markup in foreign
        // content (a `</svg>` inside a `foreignObject` leaves it there), and
        // where the tree builder ignores their start tags.
        let flood: String = (0..MAX_TAG_ATTRIBUTES + 1).map(|i| format!(" a{i}")).collect();
        for open in [
            "<svg><style>",
            "<math><title>",
            "<svg><textarea>",
            "<SVG><script>",
            "<svg><foreignObject></svg></foreignObject><style>",
            "<select><style>",
            "<select><iframe>",
            "<frameset><xmp>",
        ] {
            let html = format!("<body>{open}<p{flood}>x</p>");
            assert_eq!(scan(&html).cut.map(|c| c.1), Some(TruncatedBy::Attributes), "{open}");
            let deep = format!("<body>{open}{}", "<div>".repeat(MAX_HTML_DEPTH + 1));
            assert_eq!(scan(&deep).cut.map(|c| c.1), Some(TruncatedBy::Depth), "{open}");
        }
        // Without them, raw text is skipped as before.
        let html = format!("<body><style><p{flood}></style><p>x</p>");
        assert_eq!(scan(&html).cut, None);
        assert_eq!(scan(&html).tags.len(), 3);
    }

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        for (html, end) in [
            ("<!-->x", 5),
            ("<!--->x", 6),
            ("<!---->x", 7),
            ("<!-- a -->x", 10),
            ("<!-- a --!>x", 11),
            ("<!-- a --!x -->x", 15),
            ("<!-- a --->x", 11),
            ("<!-- a", 6),
        ] {
            assert_eq!(comment_end(html.as_bytes(), 4, &mut NextOf::new(b"-->"), &mut NextOf::new(b"--!>")), end, "{html}");
            let (_, text) = tokenized(html);
            assert_eq!(&html[end..], text, "{html}");
        }
        // Searches resumed from one comment to the next find what a search from each finds.
        let html = "<!--a--!><!-- b --><!--c--!>x<!-- d -->--!><!-- e";
        let (mut close, mut bang) = (NextOf::new(b"-->"), NextOf::new(b"--!>"));
        let mut at = 0;
        let mut ends = Vec::new();
        while let Some(open) = html.get(at..).and_then(|rest| rest.find("<!--")) {
            let text = at + open + 4;
            at = comment_end(html.as_bytes(), text, &mut close, &mut bang);
            assert_eq!(at, comment_end(html.as_bytes(), text, &mut NextOf::new(b"-->"), &mut NextOf::new(b"--!>")), "{text}");
            ends.push(at);
        }
        assert_eq!(ends, [9, 19, 28, 39, html.len()]);
        // What follows a comment so closed is counted.
        for open in ["<!-->", "<!--->", "<!-- x --!>"] {
            let deep = format!("<body>{open}{}-->", "<div>".repeat(MAX_HTML_DEPTH + 1));
            assert_eq!(scan(&deep).cut.map(|c| c.1), Some(TruncatedBy::Depth), "{open}");
        }
    }
}
