//! RFC 5322 §3.6.4 msg-id (Message-ID, In-Reply-To, References), with the
//! obsolete forms of §4.5.4 (phrases between ids, CFWS inside ids).

use super::lexer::{lex, LexProblem, TokenKind};
use super::{Level, Problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MsgIdProblem {
    /// No identifier at all.
    Empty,
    /// Not `<left@right>`: missing brackets, no `@`, bad characters.
    Syntax,
    /// Message-ID holds more than one identifier.
    SeveralIds,
    /// Words between identifiers (§4.5.4 obs-in-reply-to / obs-references).
    ObsoletePhrase,
    /// Comments or folds inside `<…>`, or a quoted id-left (§4.5.4 obs-id-left).
    ObsoleteForm,
    /// A comment opened with `(` and never closed (RFC 5322 §3.2.2).
    UnclosedComment,
}

impl MsgIdProblem {
    pub fn level(self) -> Level {
        match self {
            MsgIdProblem::ObsoletePhrase | MsgIdProblem::ObsoleteForm => Level::Obsolete,
            _ => Level::Invalid,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MsgIds {
    /// Each `<…>` found, as a range.
    pub ids: Vec<(usize, usize)>,
    pub problems: Vec<Problem<MsgIdProblem>>,
}

/// Reads a Message-ID (`single`) or an In-Reply-To / References value.
pub fn parse_msg_ids(v: &[u8], single: bool) -> MsgIds {
    let mut out = MsgIds::default();
    let lexed = lex(v);
    for p in lexed.problems.iter().filter(|p| p.kind.level() == Level::Invalid) {
        let kind = if p.kind == LexProblem::UnclosedComment { MsgIdProblem::UnclosedComment } else { MsgIdProblem::Syntax };
        out.problems.push(Problem::new(kind, p.start, p.end));
    }
    let tokens = lexed.tokens;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if !t.is(b'<') {
            // Words outside brackets: obsolete in In-Reply-To/References, wrong in Message-ID.
            let start = t.start;
            while i < tokens.len() && !tokens[i].is(b'<') {
                i += 1;
            }
            let end = tokens[i - 1].end;
            let only_words = tokens[..i]
                .iter()
                .rev()
                .take_while(|t| !t.is(b'>'))
                .all(|t| matches!(t.kind, TokenKind::Atom | TokenKind::QuotedString) || t.is(b'.') || t.is(b','));
            let kind = if single || !only_words { MsgIdProblem::Syntax } else { MsgIdProblem::ObsoletePhrase };
            out.problems.push(Problem::new(kind, start, end));
            continue;
        }
        let open = i;
        let mut close = i + 1;
        while close < tokens.len() && !tokens[close].is(b'>') && !tokens[close].is(b'<') {
            close += 1;
        }
        if !tokens.get(close).is_some_and(|t| t.is(b'>')) {
            let end = tokens.get(close.saturating_sub(1)).map_or(t.end, |x| x.end);
            out.problems.push(Problem::new(MsgIdProblem::Syntax, t.start, end));
            i = close;
            continue;
        }
        let (start, end) = (t.start, tokens[close].end);
        out.ids.push((start, end));
        let inner = &tokens[open + 1..close];
        let at = inner.iter().position(|t| t.is(b'@'));
        let left_ok = at.is_some_and(|a| a > 0 && dotted(&inner[..a], true));
        let right_ok = at.is_some_and(|a| {
            let right = &inner[a + 1..];
            right.len() == 1 && right[0].kind == TokenKind::DomainLiteral || !right.is_empty() && dotted(right, false)
        });
        if !left_ok || !right_ok {
            out.problems.push(Problem::new(MsgIdProblem::Syntax, start, end));
        } else if inner.iter().skip(1).any(|t| t.cfws_before())
            || tokens.get(close).is_some_and(|t| t.cfws_before())
            || inner.iter().any(|t| t.kind == TokenKind::QuotedString)
        {
            out.problems.push(Problem::new(MsgIdProblem::ObsoleteForm, start, end));
        }
        i = close + 1;
    }
    if out.ids.is_empty() && out.problems.is_empty() {
        out.problems.push(Problem::new(MsgIdProblem::Empty, 0, v.len()));
    }
    if single && out.ids.len() > 1 {
        let (s, e) = (out.ids[1].0, out.ids[out.ids.len() - 1].1);
        out.problems.push(Problem::new(MsgIdProblem::SeveralIds, s, e));
    }
    out
}

/// `word *("." word)` with no empty element; quoted strings only on the left.
fn dotted(tokens: &[super::lexer::Token], left: bool) -> bool {
    let mut expect_word = true;
    for t in tokens {
        let is_word = t.kind == TokenKind::Atom || left && t.kind == TokenKind::QuotedString;
        if expect_word != is_word || !is_word && !t.is(b'.') {
            return false;
        }
        expect_word = !expect_word;
    }
    !expect_word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read() {
        assert!(parse_msg_ids(b" <abc.123@example.com>", true).problems.is_empty());
        assert!(parse_msg_ids(b" <a@[127.0.0.1]>", true).problems.is_empty());
        assert_eq!(parse_msg_ids(b" <a@b> <c@d>", false).ids.len(), 2);
        assert_eq!(parse_msg_ids(b" abc@example.com", true).problems[0].kind, MsgIdProblem::Syntax);
        assert_eq!(parse_msg_ids(b" <abc>", true).problems[0].kind, MsgIdProblem::Syntax);
        assert_eq!(parse_msg_ids(b" <a@b> <c@d>", true).problems[0].kind, MsgIdProblem::SeveralIds);
        assert_eq!(parse_msg_ids(b" <a@b> (x) Your message", false).problems[0].kind, MsgIdProblem::ObsoletePhrase);
        assert_eq!(parse_msg_ids(b"", true).problems[0].kind, MsgIdProblem::Empty);
    }

    #[test]
    fn an_unclosed_comment_is_said_as_such_where_it_opens() {
        let value = b" <m1@example.com> (a (b) c";
        let ids = parse_msg_ids(value, true);
        assert_eq!(ids.ids, vec![(1, 17)]);
        assert_eq!(ids.problems, vec![Problem::new(MsgIdProblem::UnclosedComment, 18, value.len())]);
    }
}
