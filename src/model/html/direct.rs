//! Simple markup handed to html5ever's tree builder as the tokens its
//! tokenizer would make of it, without that tokenizer (#14). The tokenizer
//! reads a tag a character at a time through tendril's buffers (a call to
//! `BufferQueue::next`, `pop_front_char` and `push_char` per character of
//! every tag and attribute name, 60 to 100 instructions each), which was
//! about half of the 10 MB newsletter's lint under callgrind. Here a run of
//! text, an end tag `</name>` and a start tag of plain attributes are read
//! with byte scans, and each token is given to the tree builder as the
//! tokenizer gives it: the same names (ASCII lowercased), the same
//! attributes in the same order, the same runs of text split where the
//! tokenizer splits them. Whatever else comes (a comment, a doctype, an
//! entity other than `&amp;`, `&lt;`, `&gt;`, `&quot;` in a quoted value, a
//! CR but before a plain character or a tag, a NUL, a BOM, a duplicate
//! attribute, a name outside `[A-Za-z0-9:_.-]`, a parse error of the
//! tokenizer, an element whose content the tokenizer reads as raw text)
//! stops the reading there, and the tokenizer reads the
//! rest of the chunk (`tree::parse`), from its data state with nothing read
//! ahead: where these tokens leave it, as they are all it would have made.

use html5ever::tokenizer::{CharacterTokens, EndTag, StartTag, Tag, TagKind, TagToken, Token, TokenSink, TokenSinkResult};
use html5ever::tendril::StrTendril;
use html5ever::{ns, Attribute, LocalName, QualName};

/// Elements whose start tag makes the tree builder switch the tokenizer to
/// another state (raw text, RCDATA, script data, plaintext: html5ever's
/// `TreeBuilder::process_token` answers other than `Continue`, which only the
/// tokenizer can act on): read by the tokenizer, start and end tags alike.
fn switches_tokenizer(name: &[u8]) -> bool {
    matches!(
        name,
        b"title" | b"textarea" | b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" | b"script" | b"plaintext"
    )
}

/// A byte of a tag or attribute name read here: the tokenizer takes any
/// character but white space, `/`, `>` (and `=` in an attribute name), with
/// parse errors for some; these are the plain ones.
fn name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
}

/// White space between attributes (HTML §13.2.5.32; CR never comes here).
fn space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b' ')
}

/// Most bytes of a tag name read here (lowercased on the stack). *(ours:
/// longer than HTML's names; a longer one with capitals is read by the tokenizer)*
const MAX_NAME: usize = 32;

/// The atom of the name `html[start..end]` as the tokenizer makes it: ASCII
/// letters lowercased (on the stack, when there are capitals).
fn atom(html: &str, start: usize, end: usize) -> Option<LocalName> {
    let name = html.get(start..end)?;
    if !name.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(LocalName::from(name));
    }
    let mut buffer = [0u8; MAX_NAME];
    let lower = buffer.get_mut(..name.len())?;
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    Some(LocalName::from(std::str::from_utf8(lower).ok()?))
}

/// The text of a quoted attribute value as the tokenizer reads it, when it
/// holds no CR or NUL and its only character references are `&amp;`,
/// `&lt;`, `&gt;` and `&quot;` with their `;` (full matches in the table of
/// named references, decoded the same in an attribute). Lent from `whole`
/// when it has none.
fn value(whole: &StrTendril, html: &str, start: usize, end: usize) -> Option<StrTendril> {
    let text = html.get(start..end)?;
    let bytes = text.as_bytes();
    let Some(first) = memchr::memchr3(b'&', b'\r', b'\0', bytes) else {
        return Some(shared(whole, html, start, end));
    };
    if bytes[first..].iter().any(|&b| b == b'\r' || b == b'\0') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let reference = &rest[at..];
        let (decoded, len) = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"')]
            .into_iter()
            .find(|(written, _)| reference.starts_with(written))
            .map(|(written, c)| (c, written.len()))?;
        out.push(decoded);
        rest = &reference[len..];
    }
    out.push_str(rest);
    Some(StrTendril::from_slice(&out))
}

/// `html[start..end]` as a tendril sharing `whole`'s buffer (a copy where it cannot).
fn shared(whole: &StrTendril, html: &str, start: usize, end: usize) -> StrTendril {
    let shared = u32::try_from(start)
        .ok()
        .zip(u32::try_from(end - start).ok())
        .and_then(|(from, len)| whole.try_subtendril(from, len).ok());
    shared.unwrap_or_else(|| StrTendril::from_slice(html.get(start..end).unwrap_or_default()))
}

/// Reads the tag at `lt` (a `<`) when it is simple, up to `to`: the tag and
/// the offset past its `>`. `None` for any other markup.
fn tag(whole: &StrTendril, html: &str, lt: usize, to: usize) -> Option<(Tag, usize)> {
    let bytes = html.as_bytes().get(..to)?;
    let end_tag = bytes.get(lt + 1) == Some(&b'/');
    let name_start = lt + 1 + usize::from(end_tag);
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_len = bytes[name_start..].iter().take_while(|&&b| name_byte(b)).count();
    let name = atom(html, name_start, name_start + name_len)?;
    if switches_tokenizer(name.as_bytes()) {
        return None;
    }
    let mut i = name_start + name_len;
    if end_tag {
        // `</name>` only: attributes or `/` on an end tag are parse errors.
        return (bytes.get(i) == Some(&b'>')).then(|| (Tag { kind: EndTag, name, self_closing: false, attrs: Vec::new() }, i + 1));
    }
    let mut attrs: Vec<Attribute> = Vec::new();
    // After a quoted value, white space must come before another name.
    let mut spaced = true;
    loop {
        let before = i;
        while bytes.get(i).is_some_and(|&b| space(b)) {
            i += 1;
        }
        spaced |= i > before;
        match *bytes.get(i)? {
            b'>' => return Some((Tag { kind: StartTag, name, self_closing: false, attrs }, i + 1)),
            b'/' => {
                // `/>` only: a `/` elsewhere is a parse error.
                return (bytes.get(i + 1) == Some(&b'>'))
                    .then(|| (Tag { kind: StartTag, name, self_closing: true, attrs }, i + 2));
            }
            b if name_byte(b) && spaced => {}
            _ => return None,
        }
        let attr_start = i;
        while bytes.get(i).is_some_and(|&b| name_byte(b)) {
            i += 1;
        }
        let local = atom(html, attr_start, i)?;
        if !bytes.get(i).is_some_and(|&b| space(b) || matches!(b, b'/' | b'>' | b'=')) {
            return None;
        }
        // A duplicate is dropped by the tokenizer, with a parse error.
        if attrs.iter().any(|a| a.name.local == local) {
            return None;
        }
        let mut j = i;
        while bytes.get(j).is_some_and(|&b| space(b)) {
            j += 1;
        }
        let mut text = StrTendril::new();
        spaced = true;
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while bytes.get(j).is_some_and(|&b| space(b)) {
                j += 1;
            }
            match *bytes.get(j)? {
                quote @ (b'"' | b'\'') => {
                    let close = j + 1 + memchr::memchr(quote, bytes.get(j + 1..)?)?;
                    text = value(whole, html, j + 1, close)?;
                    i = close + 1;
                    spaced = false;
                }
                _ => {
                    // Unquoted: up to white space or `>`, without the bytes the
                    // tokenizer reads with a parse error or a reference.
                    let from = j;
                    while bytes.get(j).is_some_and(|&b| !space(b) && b != b'>') {
                        if matches!(bytes[j], b'"' | b'\'' | b'<' | b'=' | b'`' | b'&' | b'\0' | b'\r') {
                            return None;
                        }
                        j += 1;
                    }
                    if j == from {
                        return None; // `=>`: a missing value
                    }
                    text = shared(whole, html, from, j);
                    i = j;
                }
            }
        }
        // Without `=`, white space after the name stays where it is for the loop.
        attrs.push(Attribute { name: QualName::new(None, ns!(), local), value: text });
    }
}

#[cfg(test)]
thread_local! {
    /// Tokens handed to the tree builder here (the tests check that their documents take this way).
    pub(super) static HANDED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Hands `token` to the tree builder; whether it goes on with the tokenizer
/// in the data state (always, for the tokens made here).
fn hand<S: TokenSink>(sink: &S, token: Token) -> bool {
    #[cfg(test)]
    HANDED.with(|handed| handed.set(handed.get() + 1));
    matches!(sink.process_token(token, 0), TokenSinkResult::Continue)
}

/// Hands `html[at..end]`, text without `<`, `&`, CR or NUL, to `sink` as the
/// tokenizer's data state does: where it reads with SIMD (x86, x86_64,
/// aarch64: `data_state_simd_fast_path`), a line feed at the start of a run is
/// a token of its own and the run goes on over the next ones; elsewhere (the
/// wasm build) each line feed is a token of its own (`pop_except_from` stops
/// at it, to count lines).
fn text<S: TokenSink>(sink: &S, whole: &StrTendril, html: &str, mut at: usize, end: usize) -> bool {
    let bytes = html.as_bytes();
    while at < end {
        let run_end = if bytes[at] == b'\n' {
            at + 1
        } else if cfg!(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64")) {
            end
        } else {
            memchr::memchr(b'\n', &bytes[at..end]).map_or(end, |n| at + n)
        };
        let token = if run_end == at + 1 && bytes[at] == b'\n' { StrTendril::from_char('\n') } else { shared(whole, html, at, run_end) };
        if !hand(sink, CharacterTokens(token)) {
            return false;
        }
        at = run_end;
    }
    true
}

/// Hands the tokens of `html[from..to]` to `sink` while its markup is simple
/// (module doc), with the tokenizer in its data state and nothing read ahead;
/// `start_tag`: the offset of the one start tag the chunk may hold (the
/// pre-scan's, at its end), `None` for none. Returns where it stopped, at an
/// ASCII byte the tokenizer is to read from (or `to` when all was read).
pub(super) fn emit<S: TokenSink>(sink: &S, whole: &StrTendril, html: &str, from: usize, to: usize, start_tag: Option<usize>) -> usize {
    let Some(bytes) = html.as_bytes().get(..to) else { return from };
    // The tokenizer drops a byte order mark at the start of every chunk it is fed.
    if html.get(from..).is_none_or(|rest| rest.starts_with('\u{feff}')) {
        return from;
    }
    let mut at = from;
    while at < to {
        if bytes[at] == b'<' {
            let Some((tag, end)) = tag(whole, html, at, to) else { return at };
            // The chunk's one start tag, ending where the pre-scan ends it.
            if tag.kind == StartTag && (start_tag != Some(at) || end != to) {
                return at;
            }
            let kind: TagKind = tag.kind;
            if !hand(sink, TagToken(tag)) {
                // Never for the names read here (`switches_tokenizer`).
                debug_assert!(false, "{kind:?} at {at}");
                return end;
            }
            at = end;
            continue;
        }
        let end = memchr::memchr(b'<', &bytes[at..]).map_or(to, |n| at + n);
        let stop = bytes[at..end].iter().position(|&b| matches!(b, b'&' | b'\r' | b'\0')).map_or(end, |n| at + n);
        if !text(sink, whole, html, at, stop) {
            return stop;
        }
        if stop == end {
            at = end;
            continue;
        }
        // A CR (mail's line ends) is read as a line feed, a token of its own,
        // and a line feed after it dropped (HTML §13.2.3.5); the character after
        // them comes alone (read with the CR's `ignore_lf`), a `<` as the start
        // of a tag. Any other one (`&`, CR, NUL, the chunk's end): the tokenizer.
        if bytes[stop] != b'\r' {
            return stop;
        }
        let next = stop + 1 + usize::from(bytes.get(stop + 1) == Some(&b'\n'));
        let alone = match bytes.get(next) {
            Some(b'<') => None,
            Some(b'&' | b'\r' | b'\0') | None => return stop,
            Some(_) => match html.get(next..to).and_then(|rest| rest.chars().next()) {
                Some(c) => Some(c),
                None => return stop,
            },
        };
        if !hand(sink, CharacterTokens(StrTendril::from_char('\n'))) {
            return next;
        }
        at = next;
        if let Some(c) = alone {
            if !hand(sink, CharacterTokens(StrTendril::from_char(c))) {
                return next + c.len_utf8();
            }
            at += c.len_utf8();
        }
    }
    to
}
