//! RFC 5322 §3.2 lexical tokens of structured fields: atoms, quoted strings,
//! domain literals and specials, with the CFWS (comments and folding white
//! space) between them skipped and remembered.

use super::{is_atext, is_obs_no_ws_ctl, utf8_len_at, Problem};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// 1*atext (RFC 5322 §3.2.3), UTF-8 allowed (RFC 6532).
    Atom,
    /// `"…"` (§3.2.4); the token spans the quotes.
    QuotedString,
    /// `[…]` (§3.4.1); the token spans the brackets.
    DomainLiteral,
    /// One of the specials `( ) < > [ ] : ; @ \ , . "` that is not part of another token.
    Special(u8),
}

/// One token, with offsets relative to the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// White space or a fold comes right before the token.
    pub fws_before: bool,
    /// A comment comes right before the token.
    pub comment_before: bool,
}

impl Token {
    pub fn is(&self, special: u8) -> bool {
        self.kind == TokenKind::Special(special)
    }
    pub fn cfws_before(&self) -> bool {
        self.fws_before || self.comment_before
    }
}

/// Lexical problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexProblem {
    /// A `(` without its `)` (§3.2.2).
    UnclosedComment,
    /// A `)` with no comment open.
    UnopenedComment,
    /// A `"` without its closing quote (§3.2.4).
    UnclosedQuotedString,
    /// A `[` without its `]` (§3.4.1).
    UnclosedDomainLiteral,
    /// A line break that is not followed by white space: it ends the field (§2.2.3).
    BreakWithoutFold,
    /// A CR not followed by LF (§2.2: CR and LF only occur together).
    BareCr,
    /// A NUL byte (§3.2.3 obs-ctext and obs-qtext exclude it).
    Nul,
    /// Bytes that are neither ASCII nor well-formed UTF-8 (RFC 6532 §3.1).
    InvalidUtf8,
    /// A control character in a comment, quoted string or domain literal,
    /// or a quoted-pair of one: RFC 5322 §4.1 obsolete syntax.
    ObsoleteControl,
    /// A folded line made only of white space (§4.2 obs-FWS).
    ObsoleteFws,
    /// A `\` at the end of the value.
    BackslashAtEnd,
    /// A C1 control character (U+0080–U+009F): UTF-8, but never text (RFC 5198 §2).
    C1Control,
}

impl LexProblem {
    pub fn level(self) -> super::Level {
        match self {
            LexProblem::ObsoleteControl | LexProblem::ObsoleteFws => super::Level::Obsolete,
            _ => super::Level::Invalid,
        }
    }
}

/// The tokens of a structured value, the problems met, and whether CFWS trails.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub problems: Vec<Problem<LexProblem>>,
    /// Comments met, as ranges (for checks that look inside them).
    pub comments: Vec<(usize, usize)>,
}

/// Skips folding white space at `i` (§3.2.2 FWS, §4.2 obs-FWS). Returns the new position.
pub fn skip_fws(v: &[u8], mut i: usize, problems: &mut Vec<Problem<LexProblem>>) -> usize {
    // Within one run of FWS, a second fold means a line made only of white space.
    let mut folded = false;
    while i < v.len() {
        match v[i] {
            b' ' | b'\t' => i += 1,
            b'\r' if v.get(i + 1) != Some(&b'\n') => {
                problems.push(Problem::new(LexProblem::BareCr, i, i + 1));
                i += 1;
            }
            b'\r' | b'\n' => {
                let break_len = if v[i] == b'\r' { 2 } else { 1 };
                if !matches!(v.get(i + break_len), Some(b' ' | b'\t')) {
                    problems.push(Problem::new(LexProblem::BreakWithoutFold, i, i + break_len));
                } else if folded {
                    problems.push(Problem::new(LexProblem::ObsoleteFws, i, i + break_len));
                }
                folded = true;
                i += break_len;
            }
            _ => break,
        }
    }
    i
}

/// Skips comments and folding white space at `i` (§3.2.2 CFWS).
pub fn skip_cfws(v: &[u8], mut i: usize, problems: &mut Vec<Problem<LexProblem>>) -> usize {
    loop {
        match v.get(i) {
            Some(b' ' | b'\t' | b'\r' | b'\n') => i = skip_fws(v, i, problems),
            Some(b'(') => i = skip_comment(v, i, problems),
            _ => return i,
        }
    }
}

/// Skips one comment starting at `v[i] == b'('`, nested comments included,
/// with a depth counter (no recursion). Returns the position after it.
fn skip_comment(v: &[u8], start: usize, problems: &mut Vec<Problem<LexProblem>>) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < v.len() {
        match v[i] {
            b'(' => {
                depth += 1;
                i += 1;
            }
            b')' => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return i;
                }
            }
            b'\\' => i = quoted_pair(v, i, problems),
            b' ' | b'\t' | b'\r' | b'\n' => i = skip_fws(v, i, problems),
            _ => i = content_char(v, i, problems),
        }
    }
    problems.push(Problem::new(LexProblem::UnclosedComment, start, v.len()));
    v.len()
}

/// A quoted-pair at `v[i] == b'\\'` (§3.2.1; obs-qp of §4.1 for control characters).
fn quoted_pair(v: &[u8], i: usize, problems: &mut Vec<Problem<LexProblem>>) -> usize {
    match v.get(i + 1) {
        None => {
            problems.push(Problem::new(LexProblem::BackslashAtEnd, i, i + 1));
            i + 1
        }
        Some(0) | Some(b'\r') | Some(b'\n') => {
            problems.push(Problem::new(LexProblem::ObsoleteControl, i, i + 2));
            i + 2
        }
        Some(&b) if is_obs_no_ws_ctl(b) => {
            problems.push(Problem::new(LexProblem::ObsoleteControl, i, i + 2));
            i + 2
        }
        Some(&b) if b >= 0x80 => non_ascii(v, i + 1, problems),
        Some(_) => i + 2,
    }
}

/// A non-ASCII character at `v[i]`: well-formed UTF-8 (RFC 6532 §3.1) and not
/// a C1 control. Returns the position after it.
fn non_ascii(v: &[u8], i: usize, problems: &mut Vec<Problem<LexProblem>>) -> usize {
    match utf8_len_at(v, i) {
        Some(2) if v[i] == 0xc2 && (0x80..0xa0).contains(&v[i + 1]) => {
            problems.push(Problem::new(LexProblem::C1Control, i, i + 2));
            i + 2
        }
        Some(len) => i + len,
        None => {
            problems.push(Problem::new(LexProblem::InvalidUtf8, i, i + 1));
            i + 1
        }
    }
}

/// One character of a comment, quoted string or domain literal content.
fn content_char(v: &[u8], i: usize, problems: &mut Vec<Problem<LexProblem>>) -> usize {
    let b = v[i];
    if b == 0 {
        problems.push(Problem::new(LexProblem::Nul, i, i + 1));
        i + 1
    } else if is_obs_no_ws_ctl(b) {
        problems.push(Problem::new(LexProblem::ObsoleteControl, i, i + 1));
        i + 1
    } else if b >= 0x80 {
        non_ascii(v, i, problems)
    } else {
        i + 1
    }
}

/// Tokens reserved before lexing a value (ours: the fields of the corpus's
/// messages mostly have fewer; 1.5 KiB natively, 768 bytes in wasm).
const TOKENS_RESERVED: usize = 64;

/// Splits a structured field value into tokens (RFC 5322 §3.2).
pub fn lex(v: &[u8]) -> Lexed {
    let mut out = Lexed::default();
    // Room for the tokens of an ordinary field (a date has about 11, an address
    // list a few per address) from the start: growing the vector from empty was
    // a quarter of the lexer's time (callgrind, corpus pass). At most
    // `TOKENS_RESERVED`, whatever the value's length; a longer value grows as usual.
    out.tokens.reserve((v.len() / 2 + 1).min(TOKENS_RESERVED));
    let mut i = 0;
    let mut fws_before = false;
    let mut comment_before = false;
    while i < v.len() {
        let b = v[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i = skip_fws(v, i, &mut out.problems);
                fws_before = true;
                continue;
            }
            b'(' => {
                let end = skip_comment(v, i, &mut out.problems);
                out.comments.push((i, end));
                i = end;
                comment_before = true;
                continue;
            }
            _ => {}
        }
        let start = i;
        let kind = match b {
            b'"' => {
                i += 1;
                let mut closed = false;
                while i < v.len() {
                    match v[i] {
                        b'"' => {
                            i += 1;
                            closed = true;
                            break;
                        }
                        b'\\' => i = quoted_pair(v, i, &mut out.problems),
                        b' ' | b'\t' | b'\r' | b'\n' => i = skip_fws(v, i, &mut out.problems),
                        _ => i = content_char(v, i, &mut out.problems),
                    }
                }
                if !closed {
                    out.problems.push(Problem::new(LexProblem::UnclosedQuotedString, start, v.len()));
                }
                TokenKind::QuotedString
            }
            b'[' => {
                i += 1;
                let mut closed = false;
                while i < v.len() {
                    match v[i] {
                        b']' => {
                            i += 1;
                            closed = true;
                            break;
                        }
                        b'[' => break,
                        b'\\' => i = quoted_pair(v, i, &mut out.problems),
                        b' ' | b'\t' | b'\r' | b'\n' => i = skip_fws(v, i, &mut out.problems),
                        _ => i = content_char(v, i, &mut out.problems),
                    }
                }
                if !closed {
                    out.problems.push(Problem::new(LexProblem::UnclosedDomainLiteral, start, i));
                }
                TokenKind::DomainLiteral
            }
            b')' => {
                out.problems.push(Problem::new(LexProblem::UnopenedComment, i, i + 1));
                i += 1;
                TokenKind::Special(b')')
            }
            0 => {
                out.problems.push(Problem::new(LexProblem::Nul, i, i + 1));
                i += 1;
                TokenKind::Special(0)
            }
            _ if is_atext(b) => {
                while i < v.len() && is_atext(v[i]) {
                    if v[i] >= 0x80 {
                        i = non_ascii(v, i, &mut out.problems);
                    } else {
                        i += 1;
                    }
                }
                TokenKind::Atom
            }
            _ => {
                i += 1;
                TokenKind::Special(b)
            }
        };
        out.tokens.push(Token { kind, start, end: i, fws_before, comment_before });
        fws_before = false;
        comment_before = false;
    }
    out
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_comments_use_a_counter() {
        let lexed = lex(b"(a (b (c)) d) atom");
        assert!(lexed.problems.is_empty(), "{:?}", lexed.problems);
        assert_eq!(lexed.tokens.len(), 1);
        assert!(lexed.tokens[0].comment_before);
    }

    #[test]
    fn deep_comments_do_not_overflow_the_stack() {
        let mut v = vec![b'('; 200_000];
        v.extend(vec![b')'; 200_000]);
        let lexed = lex(&v);
        assert!(lexed.problems.is_empty());
    }

    #[test]
    fn unclosed_things_are_reported() {
        assert_eq!(lex(b"(abc").problems[0].kind, LexProblem::UnclosedComment);
        assert_eq!(lex(b"\"abc").problems[0].kind, LexProblem::UnclosedQuotedString);
        assert_eq!(lex(b"a\r\nb").problems[0].kind, LexProblem::BreakWithoutFold);
        assert_eq!(lex(b"a\r\n \r\n b").problems[0].kind, LexProblem::ObsoleteFws);
    }
}
