//! SpamAssassin `meta` rules: expressions over other rules' hit counts, with
//! the operators SpamAssassin's lexer accepts (`ARITH_EXPRESSION_LEXER` in
//! `Mail::SpamAssassin::Constants`) evaluated as Perl does: `&&` and `||`
//! return an operand, `!` gives 1 or 0, comparisons 1 or 0, `^` is a bitwise
//! exclusive or, `? :` chooses. A rule's value is its number of hits.
//! Parsing is bounded (`MAX_META_TOKENS`, `MAX_META_DEPTH`); the order of
//! evaluation is a topological order of the metas, so a cycle is found and
//! refused before any message is read.

use super::limits::{MAX_META_DEPTH, MAX_META_TOKENS};
use std::collections::HashSet;
use std::sync::Arc;

/// A binary operator, by Perl precedence from loosest to tightest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Or,
    And,
    Xor,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    fn level(self) -> u8 {
        match self {
            Op::Or => 1,
            Op::And => 2,
            Op::Xor => 3,
            Op::Eq | Op::Ne => 4,
            Op::Lt | Op::Gt | Op::Le | Op::Ge => 5,
            Op::Add | Op::Sub => 6,
            Op::Mul | Op::Div => 7,
        }
    }
}

/// A parsed expression; rule names are resolved to indices by `resolve`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Number(f64),
    /// A rule's name, shared by every place the metas of one text name it
    /// (`Names`): 260 metas of 4,999 names each had held 1.3 million copies.
    Rule(Arc<str>),
    /// A rule, resolved to its index in the rule list.
    Index(usize),
    /// `rules_matching(GLOB)`: the sum of the rules whose names match.
    Glob(String),
    /// A `rules_matching(GLOB)` resolved: the sum of these rules' hits, in this
    /// order. A flat list, not a chain of `+`: a glob matching 5,000 rules had
    /// made an expression 5,000 levels deep, which `eval` and `drop` walk
    /// recursively (wasm's stack is 1 MiB).
    Sum(Vec<usize>),
    Not(Box<Expr>),
    Negate(Box<Expr>),
    /// Binary operators applied left to right, as Perl groups them: `A + B * C - D`
    /// is `A`, then `+ (B * C)`, then `- D`. A list, not a chain of two-operand
    /// nodes: a meta written `A + B + …` of 5,000 terms (within `MAX_META_TOKENS`)
    /// was an expression 5,000 levels deep, which `eval`, `resolve` and `drop`
    /// walk recursively (wasm's stack is 1 MiB). Its depth is now its nesting.
    Fold(Box<Expr>, Vec<(Op, Expr)>),
    Choose(Box<Expr>, Box<Expr>, Box<Expr>),
}

/// Why an expression's names cannot be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// The first name that is not a rule.
    Unknown(String),
    /// A `rules_matching` glob that the limits on globs (`MAX_META_GLOB_NAMES`,
    /// `MAX_META_GLOB_STEPS`) leave unexpanded.
    GlobLimit,
}

/// Why an expression cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaError {
    /// Not an expression; the byte offset where reading stopped.
    Syntax { offset: usize },
    /// More than `MAX_META_DEPTH` levels.
    TooDeep,
    /// More than `MAX_META_TOKENS` tokens (a long flat sum is not deep: said apart).
    TooLong,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Name(Arc<str>),
    Glob(String),
    Open,
    Close,
    Not,
    Question,
    Colon,
    Minus,
    Plus,
    Binary(Op),
}

/// The rule names read by the metas of one text, each kept once.
#[derive(Default)]
pub struct Names(HashSet<Arc<str>>);

impl Names {
    fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(known) = self.0.get(name) {
            return known.clone();
        }
        let name: Arc<str> = name.into();
        self.0.insert(name.clone());
        name
    }
}

fn lex(text: &str, names: &mut Names) -> Result<Vec<(Token, usize)>, MetaError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if out.len() > MAX_META_TOKENS {
            return Err(MetaError::TooLong);
        }
        let b = bytes[i];
        let start = i;
        let two = bytes.get(i..i + 2).unwrap_or_default();
        let token = match b {
            b' ' | b'\t' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' | b'.' => {
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                let number = text[start..i].parse::<f64>().map_err(|_| MetaError::Syntax { offset: start })?;
                out.push((Token::Number(number), start));
                continue;
            }
            b'A'..=b'Z' | b'a'..=b'z' | b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let name = &text[start..i];
                if name == "rules_matching" {
                    let rest = &text[i..];
                    let open = rest.find('(').filter(|&o| rest[..o].trim().is_empty());
                    let close = rest.find(')');
                    let (Some(open), Some(close)) = (open, close) else {
                        return Err(MetaError::Syntax { offset: i });
                    };
                    let glob = rest[open + 1..close].trim();
                    let valid =
                        !glob.is_empty() && glob.bytes().all(|b| b.is_ascii_alphanumeric() || b"_*?".contains(&b));
                    if !valid {
                        return Err(MetaError::Syntax { offset: i + open + 1 });
                    }
                    out.push((Token::Glob(glob.to_string()), start));
                    i += close + 1;
                } else {
                    out.push((Token::Name(names.get(name)), start));
                }
                continue;
            }
            b'(' => Token::Open,
            b')' => Token::Close,
            b'?' => Token::Question,
            b':' => Token::Colon,
            b'+' => Token::Plus,
            b'-' => Token::Minus,
            b'*' => Token::Binary(Op::Mul),
            b'/' => Token::Binary(Op::Div),
            b'^' => Token::Binary(Op::Xor),
            _ if two == b"||" => Token::Binary(Op::Or),
            _ if two == b"&&" => Token::Binary(Op::And),
            _ if two == b"==" => Token::Binary(Op::Eq),
            _ if two == b"!=" => Token::Binary(Op::Ne),
            _ if two == b">=" => Token::Binary(Op::Ge),
            _ if two == b"<=" => Token::Binary(Op::Le),
            b'!' => Token::Not,
            b'>' => Token::Binary(Op::Gt),
            b'<' => Token::Binary(Op::Lt),
            _ => return Err(MetaError::Syntax { offset: i }),
        };
        let long = matches!(token, Token::Binary(Op::Or | Op::And | Op::Eq | Op::Ne | Op::Ge | Op::Le));
        i += if long { 2 } else { 1 };
        out.push((token, start));
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }
    fn offset(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |(_, o)| *o)
    }
    fn error(&self) -> MetaError {
        MetaError::Syntax { offset: self.offset() }
    }

    /// `cond ? a : b`, right-associative, loosest.
    fn choose(&mut self, depth: usize) -> Result<Expr, MetaError> {
        if depth > MAX_META_DEPTH {
            return Err(MetaError::TooDeep);
        }
        let condition = self.binary(1, depth)?;
        if self.peek() != Some(&Token::Question) {
            return Ok(condition);
        }
        self.at += 1;
        let yes = self.choose(depth + 1)?;
        if self.peek() != Some(&Token::Colon) {
            return Err(self.error());
        }
        self.at += 1;
        let no = self.choose(depth + 1)?;
        Ok(Expr::Choose(Box::new(condition), Box::new(yes), Box::new(no)))
    }

    /// Binary operators of precedence `min` and tighter (precedence climbing).
    fn binary(&mut self, min: u8, depth: usize) -> Result<Expr, MetaError> {
        let first = self.unary(depth)?;
        let mut rest = Vec::new();
        loop {
            let op = match self.peek() {
                Some(Token::Binary(op)) => *op,
                Some(Token::Plus) => Op::Add,
                Some(Token::Minus) => Op::Sub,
                _ => break,
            };
            if op.level() < min {
                break;
            }
            self.at += 1;
            rest.push((op, self.binary(op.level() + 1, depth + 1)?));
        }
        Ok(if rest.is_empty() { first } else { Expr::Fold(Box::new(first), rest) })
    }

    fn unary(&mut self, depth: usize) -> Result<Expr, MetaError> {
        if depth > MAX_META_DEPTH {
            return Err(MetaError::TooDeep);
        }
        let token = self.peek().cloned().ok_or_else(|| self.error())?;
        self.at += 1;
        match token {
            Token::Not => Ok(Expr::Not(Box::new(self.unary(depth + 1)?))),
            Token::Minus => Ok(Expr::Negate(Box::new(self.unary(depth + 1)?))),
            Token::Plus => self.unary(depth + 1),
            Token::Number(n) => Ok(Expr::Number(n)),
            Token::Name(name) => Ok(Expr::Rule(name)),
            Token::Glob(glob) => Ok(Expr::Glob(glob)),
            Token::Open => {
                let inner = self.choose(depth + 1)?;
                if self.peek() != Some(&Token::Close) {
                    return Err(self.error());
                }
                self.at += 1;
                Ok(inner)
            }
            _ => {
                self.at -= 1;
                Err(self.error())
            }
        }
    }
}

/// Parses a meta expression.
pub fn parse(text: &str) -> Result<Expr, MetaError> {
    parse_with(text, &mut Names::default())
}

/// Parses a meta expression, its rule names shared through `names` with the
/// other metas of the text.
pub fn parse_with(text: &str, names: &mut Names) -> Result<Expr, MetaError> {
    let tokens = lex(text, names)?;
    let mut parser = Parser { tokens, at: 0, end: text.len() };
    let expr = parser.choose(0)?;
    if parser.at != parser.tokens.len() {
        return Err(parser.error());
    }
    Ok(expr)
}

impl Expr {
    /// Every rule name the expression reads (globs are expanded by `resolve`).
    pub fn names<'e>(&'e self, out: &mut Vec<&'e str>) {
        match self {
            Expr::Rule(name) => out.push(name),
            Expr::Not(e) | Expr::Negate(e) => e.names(out),
            Expr::Fold(first, rest) => {
                first.names(out);
                rest.iter().for_each(|(_, e)| e.names(out));
            }
            Expr::Choose(a, b, c) => {
                a.names(out);
                b.names(out);
                c.names(out);
            }
            Expr::Number(_) | Expr::Index(_) | Expr::Glob(_) | Expr::Sum(_) => {}
        }
    }

    /// Replaces names by indices with `index_of`; globs become sums of the
    /// matching names (`expand`; `None`: past the limits on globs). The first
    /// name `index_of` does not know is the error.
    pub fn resolve(
        self,
        index_of: &dyn Fn(&str) -> Option<usize>,
        expand: &dyn Fn(&str) -> Option<Vec<usize>>,
    ) -> Result<Expr, Unresolved> {
        let go = |e: Box<Expr>| e.resolve(index_of, expand).map(Box::new);
        Ok(match self {
            Expr::Rule(name) => Expr::Index(index_of(&name).ok_or_else(|| Unresolved::Unknown(name.to_string()))?),
            Expr::Glob(glob) => match expand(&glob).ok_or(Unresolved::GlobLimit)? {
                matching if matching.is_empty() => Expr::Number(0.0),
                matching => Expr::Sum(matching),
            },
            Expr::Not(e) => Expr::Not(go(e)?),
            Expr::Negate(e) => Expr::Negate(go(e)?),
            Expr::Fold(first, rest) => {
                let first = go(first)?;
                let rest = rest.into_iter().map(|(op, e)| Ok((op, e.resolve(index_of, expand)?))).collect::<Result<Vec<_>, Unresolved>>()?;
                Expr::summed(first, rest)
            }
            Expr::Choose(a, b, c) => Expr::Choose(go(a)?, go(b)?, go(c)?),
            other => other,
        })
    }

    /// A resolved `Fold`, or the same sum as a flat `Sum` when it adds rules
    /// only (`A + B + …`): `Sum` adds them in the same order, and holds 8 bytes
    /// a term where the fold held 48 (260 metas of 4,999 terms kept 62 MB).
    fn summed(first: Box<Expr>, rest: Vec<(Op, Expr)>) -> Expr {
        let rule = |e: &Expr| matches!(e, Expr::Index(_));
        if !(rule(&first) && rest.iter().all(|(op, e)| *op == Op::Add && rule(e))) {
            return Expr::Fold(first, rest);
        }
        let mut indices = Vec::with_capacity(rest.len() + 1);
        first.indices(&mut indices);
        rest.iter().for_each(|(_, e)| e.indices(&mut indices));
        Expr::Sum(indices)
    }

    /// Rule indices the resolved expression reads.
    pub fn indices(&self, out: &mut Vec<usize>) {
        match self {
            Expr::Index(i) => out.push(*i),
            Expr::Sum(indices) => out.extend_from_slice(indices),
            Expr::Not(e) | Expr::Negate(e) => e.indices(out),
            Expr::Fold(first, rest) => {
                first.indices(out);
                rest.iter().for_each(|(_, e)| e.indices(out));
            }
            Expr::Choose(a, b, c) => {
                a.indices(out);
                b.indices(out);
                c.indices(out);
            }
            Expr::Number(_) | Expr::Rule(_) | Expr::Glob(_) => {}
        }
    }

    /// The value, with `hits(i)` the hit count of rule `i` (Perl semantics).
    pub fn eval(&self, hits: &dyn Fn(usize) -> f64) -> f64 {
        let truth = |v: f64| v != 0.0 && !v.is_nan();
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        match self {
            Expr::Number(n) => *n,
            Expr::Index(i) => hits(*i),
            // Added left to right, as the `+` chain SpamAssassin writes (`expand_ruleglob`).
            Expr::Sum(indices) => indices.iter().map(|&i| hits(i)).reduce(|a, b| a + b).unwrap_or(0.0),
            Expr::Rule(_) | Expr::Glob(_) => 0.0,
            Expr::Not(e) => flag(!truth(e.eval(hits))),
            Expr::Negate(e) => -e.eval(hits),
            Expr::Choose(c, a, b) => {
                if truth(c.eval(hits)) {
                    a.eval(hits)
                } else {
                    b.eval(hits)
                }
            }
            Expr::Fold(first, rest) => rest.iter().fold(first.eval(hits), |left, (op, right)| {
                match op {
                    Op::And if !truth(left) => left,
                    Op::Or if truth(left) => left,
                    Op::And | Op::Or => right.eval(hits),
                    _ => {
                        let right = right.eval(hits);
                        match op {
                            Op::Xor => ((left as i64) ^ (right as i64)) as f64,
                            Op::Eq => flag(left == right),
                            Op::Ne => flag(left != right),
                            Op::Lt => flag(left < right),
                            Op::Gt => flag(left > right),
                            Op::Le => flag(left <= right),
                            Op::Ge => flag(left >= right),
                            Op::Add => left + right,
                            Op::Sub => left - right,
                            Op::Mul => left * right,
                            // Perl dies on a division by zero; the meta does not fire.
                            Op::Div if right == 0.0 => 0.0,
                            Op::Div => left / right,
                            Op::And | Op::Or => 0.0,
                        }
                    }
                }
            }),
        }
    }
}

/// The order in which metas are evaluated: every meta after the metas it reads.
/// `deps[m]` lists the metas meta `m` reads. Metas on a cycle, or at the end of
/// a chain longer than `MAX_META_DEPTH`, are returned apart with the path that
/// makes them fail (`Err`).
pub fn order(deps: &[Vec<usize>]) -> (Vec<usize>, Vec<(usize, Vec<usize>)>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
        Failed,
    }
    let mut marks = vec![Mark::New; deps.len()];
    let mut order = Vec::new();
    let mut failed = Vec::new();
    for root in 0..deps.len() {
        if marks[root] != Mark::New {
            continue;
        }
        // Depth-first with an explicit stack: (meta, next dependency to visit).
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        marks[root] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&dep) = deps[node].get(*next) {
                *next += 1;
                match marks[dep] {
                    Mark::New if stack.len() >= MAX_META_DEPTH => {
                        marks[node] = Mark::Failed;
                        failed.push((node, stack.iter().map(|(n, _)| *n).chain([dep]).collect()));
                        stack.pop();
                    }
                    Mark::New => {
                        marks[dep] = Mark::Open;
                        stack.push((dep, 0));
                    }
                    Mark::Open => {
                        // A cycle: from `dep`'s place on the stack back to it.
                        let from = stack.iter().position(|(n, _)| *n == dep).unwrap_or(0);
                        let path: Vec<usize> = stack[from..].iter().map(|(n, _)| *n).chain([dep]).collect();
                        marks[node] = Mark::Failed;
                        failed.push((node, path));
                        stack.pop();
                    }
                    Mark::Failed => {
                        marks[node] = Mark::Failed;
                        failed.push((node, vec![node, dep]));
                        stack.pop();
                    }
                    Mark::Done => {}
                }
                continue;
            }
            if marks[node] == Mark::Open {
                // A meta reading a meta that failed fails with it.
                match deps[node].iter().find(|&&dep| marks[dep] == Mark::Failed) {
                    Some(&bad) => {
                        marks[node] = Mark::Failed;
                        failed.push((node, vec![node, bad]));
                    }
                    None => {
                        marks[node] = Mark::Done;
                        order.push(node);
                    }
                }
            }
            stack.pop();
        }
    }
    // Chains: a meta's depth is one more than the deepest meta it reads.
    let mut depth = vec![0usize; deps.len()];
    let mut kept = Vec::with_capacity(order.len());
    for &meta in &order {
        if let Some(&bad) = deps[meta].iter().find(|&&d| marks[d] == Mark::Failed) {
            marks[meta] = Mark::Failed;
            failed.push((meta, vec![meta, bad]));
            continue;
        }
        depth[meta] = 1 + deps[meta].iter().map(|&d| depth[d]).max().unwrap_or(0);
        if depth[meta] > MAX_META_DEPTH {
            marks[meta] = Mark::Failed;
            failed.push((meta, vec![meta; depth[meta]]));
            continue;
        }
        kept.push(meta);
    }
    (kept, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, hits: &[(&str, f64)]) -> f64 {
        let names: Vec<&str> = hits.iter().map(|(n, _)| *n).collect();
        let expr = parse(text).unwrap().resolve(&|n| names.iter().position(|m| *m == n), &|_| Some(Vec::new())).unwrap();
        expr.eval(&|i| hits[i].1)
    }

    #[test]
    fn operators_follow_perl() {
        assert_eq!(value("A && B", &[("A", 1.0), ("B", 2.0)]), 2.0);
        assert_eq!(value("A || B", &[("A", 0.0), ("B", 3.0)]), 3.0);
        assert_eq!(value("!A", &[("A", 2.0)]), 0.0);
        assert_eq!(value("(A + B + C) > 1", &[("A", 1.0), ("B", 0.0), ("C", 1.0)]), 1.0);
        assert_eq!(value("A + B * 2 >= 3 && !C", &[("A", 1.0), ("B", 1.0), ("C", 0.0)]), 1.0);
        assert_eq!(value("A ? 5 : 7", &[("A", 0.0)]), 7.0);
        assert_eq!(value("A / B", &[("A", 1.0), ("B", 0.0)]), 0.0);
    }

    #[test]
    fn a_sum_of_rules_alone_resolves_to_a_flat_sum_of_the_same_value() {
        let names = ["A", "B", "C"];
        let resolved = |text: &str| {
            parse(text).unwrap().resolve(&|n| names.iter().position(|m| *m == n), &|_| Some(Vec::new())).unwrap()
        };
        assert_eq!(resolved("A + B + C + A"), Expr::Sum(vec![0, 1, 2, 0]));
        assert_eq!(value("A + B + C + A", &[("A", 0.5), ("B", 2.0), ("C", 4.0)]), 7.0);
        // Anything else than rules added stays a fold.
        for text in ["A + B * C", "A - B + C", "A + 1", "A + !B", "A || B"] {
            assert!(matches!(resolved(text), Expr::Fold(..)), "{text}: {:?}", resolved(text));
        }
        assert_eq!(value("A + B * C", &[("A", 1.0), ("B", 2.0), ("C", 3.0)]), 7.0);
    }

    #[test]
    fn the_metas_of_a_text_share_one_copy_of_each_name() {
        let mut names = Names::default();
        let first = parse_with("__X + __Y", &mut names).unwrap();
        let second = parse_with("__Y && __X", &mut names).unwrap();
        let read = |expr: &Expr| match expr {
            Expr::Fold(first, rest) => match (&**first, &rest[0].1) {
                (Expr::Rule(a), Expr::Rule(b)) => (a.clone(), b.clone()),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        };
        let ((x, y), (y2, x2)) = (read(&first), read(&second));
        assert!(Arc::ptr_eq(&x, &x2) && Arc::ptr_eq(&y, &y2), "one copy each");
        assert_eq!((&*x, &*y), ("__X", "__Y"));
        let mut read_names = Vec::new();
        second.names(&mut read_names);
        assert_eq!(read_names, ["__Y", "__X"]);
    }

    #[test]
    fn operators_of_a_chain_apply_left_to_right_as_perl_groups_them() {
        assert_eq!(value("A - B - C", &[("A", 10.0), ("B", 3.0), ("C", 2.0)]), 5.0);
        assert_eq!(value("A / B * C", &[("A", 8.0), ("B", 2.0), ("C", 4.0)]), 16.0);
        assert_eq!(value("A + B * C - A", &[("A", 1.0), ("B", 2.0), ("C", 3.0)]), 6.0);
        assert_eq!(value("A && B || C", &[("A", 0.0), ("B", 1.0), ("C", 7.0)]), 7.0);
        // A long chain is one list, as deep as one operator.
        let sum = vec!["A"; MAX_META_TOKENS / 2].join(" + ");
        match parse(&sum) {
            Ok(Expr::Fold(first, rest)) => {
                assert_eq!(*first, Expr::Rule("A".into()));
                assert_eq!(rest.len(), MAX_META_TOKENS / 2 - 1);
                assert!(rest.iter().all(|(op, e)| *op == Op::Add && *e == Expr::Rule("A".into())));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_expressions_say_where() {
        assert_eq!(parse("A &&"), Err(MetaError::Syntax { offset: 4 }));
        assert_eq!(parse("A $ B"), Err(MetaError::Syntax { offset: 2 }));
        assert_eq!(parse(&"(".repeat(200)), Err(MetaError::TooDeep));
    }

    #[test]
    fn a_long_flat_expression_is_too_long_not_too_deep() {
        let sum = |terms: usize| vec!["A"; terms].join(" + ");
        // Two tokens a term: `MAX_META_TOKENS` / 2 terms are read, one more than that is not.
        assert!(parse(&sum(MAX_META_TOKENS / 2)).is_ok());
        assert_eq!(parse(&sum(MAX_META_TOKENS / 2 + 2)), Err(MetaError::TooLong));
    }

    #[test]
    fn cycles_are_found_and_the_rest_is_ordered() {
        // 0 reads 1, 1 reads 0 (a cycle); 2 reads 3; 4 reads itself.
        let (order, failed) = order(&[vec![1], vec![0], vec![3], vec![], vec![4]]);
        assert_eq!(order, vec![3, 2]);
        let failed: Vec<usize> = failed.iter().map(|(m, _)| *m).collect();
        assert_eq!(failed.len(), 3, "{failed:?}");
        assert!(failed.contains(&0) && failed.contains(&1) && failed.contains(&4), "{failed:?}");
    }
}
