//! Text written in RFC 3676 `format=flowed`, read as its paragraphs: a line
//! that ends in a space is soft-broken and continues on the next line, which a
//! flowed-aware client shows joined to it (so a word a sender's client split at
//! a soft break is one word again). One pass over the text, each line copied
//! once: the result is never longer than the text.

/// `text` (a `text/plain; format=flowed` body, decoded) unflowed as RFC 3676
/// §4.1–4.5 reads it:
/// - a line ending in a space (§4.2) is joined to the next one; with `delsp`
///   (`delsp=yes`, §4.2) that trailing space is deleted when joining, else it
///   stays as the space between two words;
/// - the signature separator `-- ` is never flowed (§4.3);
/// - the space a sender's client stuffed at the start of a line (§4.4: before
///   a space, `>` or `From `) is removed;
/// - a line is joined only to a next line of the same quote depth (§4.5: `>`
///   characters at its start); a flowed line before a line of another depth
///   ends its paragraph there. The quote markers of each paragraph's first line
///   are kept, those of the lines joined to it are not.
///
/// Lines end in LF or CRLF; the end of a line that is not flowed is kept as written.
pub fn unflow(text: &str, delsp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    // The quote depth of the paragraph whose last line was flowed, if any.
    let mut open: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let (line, end) = match line.strip_suffix("\r\n").or_else(|| line.strip_suffix('\n')) {
            Some(content) => (content, &line[content.len()..]),
            None => (line, ""),
        };
        let depth = line.bytes().take_while(|&b| b == b'>').count();
        let quoted = &line[depth..];
        let content = quoted.strip_prefix(' ').unwrap_or(quoted);
        let continues = open == Some(depth);
        if open.is_some() && !continues {
            // §4.5: the quote depth changed, the paragraph ends at the flowed line.
            out.push('\n');
        }
        if !continues {
            // The markers as written, and the space after them when there is one.
            out.push_str(&line[..depth]);
            if depth > 0 && content.len() < quoted.len() {
                out.push(' ');
            }
        }
        let flowed = content.ends_with(' ') && content != "-- ";
        match (flowed, delsp) {
            (true, true) => out.push_str(&content[..content.len() - 1]),
            _ => out.push_str(content),
        }
        if flowed {
            open = Some(depth);
        } else {
            open = None;
            out.push_str(end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_broken_lines_are_joined_with_or_without_their_space() {
        // RFC 3676 §4.2: with delsp=yes the soft break's space is deleted.
        assert_eq!(unflow("Hot po \nrn here\nNext line\n", true), "Hot porn here\nNext line\n");
        // delsp=no (the default): the space stays between the words.
        assert_eq!(unflow("Hot \nporn here\r\nNext line\r\n", false), "Hot porn here\r\nNext line\r\n");
        // Several soft breaks make one paragraph; a hard break ends it.
        assert_eq!(unflow("a \nb \nc\nd \ne", false), "a b c\nd e");
        // A flowed last line has nothing to join.
        assert_eq!(unflow("a \n", true), "a");
    }

    #[test]
    fn signature_separators_stuffing_and_quotes_are_read_as_the_rfc_says() {
        // §4.3: "-- " is not flowed.
        assert_eq!(unflow("Bye\n-- \nJo\n", false), "Bye\n-- \nJo\n");
        // §4.4: a stuffed space is removed.
        assert_eq!(unflow(" From here\n  indented\n", false), "From here\n indented\n");
        // §4.5: quoted lines join lines of their depth, their markers kept once.
        assert_eq!(unflow("> quoted \n> text\nreply\n", false), "> quoted text\nreply\n");
        assert_eq!(unflow(">> deep \n> shallow\n", false), ">> deep \n> shallow\n");
        assert_eq!(unflow("> a \nb\n", true), "> a\nb\n");
    }

    #[test]
    fn unflowing_never_lengthens_a_text() {
        for text in ["", "\n", " \n \n", "> \n>> \n", "-- \n-- ", "\r\n\r\n", "a \r\nb", "\u{e9} \n\u{e9}"] {
            for delsp in [false, true] {
                assert!(unflow(text, delsp).len() <= text.len(), "{text:?}");
            }
        }
    }
}
