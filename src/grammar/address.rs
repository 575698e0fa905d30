//! RFC 5322 §3.4 addresses (mailbox, name-addr, addr-spec, group, with the
//! obsolete forms of §4.4), RFC 5321 §4.5.3.1 length limits, RFC 5321 §4.1.2
//! domain and §4.1.3 address-literal syntax, RFC 6531/6532 UTF-8 and IDNA.

use super::encoded_word::words;
use super::lexer::{lex, LexProblem, Token, TokenKind};
use super::{Level, Problem};

/// RFC 5321 §4.5.3.1.1: a local part is at most 64 octets.
pub const MAX_LOCAL_PART_OCTETS: usize = 64;
/// RFC 5321 §4.5.3.1.2: a domain is at most 255 octets; DNS (RFC 1035 §2.3.4)
/// makes it 253 in text form, the limit isemail and most validators use.
pub const MAX_DOMAIN_OCTETS: usize = 253;
/// RFC 1035 §2.3.4: a label is at most 63 octets.
pub const MAX_LABEL_OCTETS: usize = 63;
/// RFC 5321 §4.5.3.1.3: a path is at most 256 octets including `<` and `>`,
/// so the address itself is at most 254.
pub const MAX_ADDRESS_OCTETS: usize = 254;

/// A problem in an address field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    Lex(LexProblem),
    /// The field holds no address at all.
    Empty,
    /// Words with no `@`: not an address (e.g. a bare name).
    MissingAt,
    EmptyLocalPart,
    EmptyDomain,
    /// A dot at the start or end of a local part or domain, or two dots in a row.
    MisplacedDot,
    /// A token that cannot come here (a stray special, text after a quoted string…).
    Unexpected,
    /// `<` without `>`.
    UnclosedAngle,
    /// A group inside a group (§3.4 forbids it).
    NestedGroup,
    /// A group without its closing `;`.
    UnclosedGroup,
    /// A display name with a special character (`@`, `,`, `:`…) that must be quoted.
    NameNeedsQuoting,
    /// A display name with an unquoted `.` (§4.1 obs-phrase).
    ObsoletePhrase,
    /// Quoted strings joined by dots, or CFWS between parts of an address (§4.4).
    ObsoleteLocalPart,
    /// Comments or folds inside a dot-atom (§4.4 obs-local-part / obs-domain).
    ObsoleteCfws,
    /// A source route `<@a,@b:x@y>` (§4.4 obs-route).
    ObsoleteRoute,
    /// An empty element in a list (`a@b,,c@d`, §4.4 obs-addr-list).
    ObsoleteEmptyElement,
    /// A domain label with characters other than letters, digits and hyphen (RFC 5321 §4.1.2).
    DomainNotHostname,
    /// A domain label starting or ending with a hyphen (RFC 5321 §4.1.2 Ldh-str).
    DomainLabelHyphen,
    /// A `[…]` domain that is not an IPv4 or `IPv6:` address literal (RFC 5321 §4.1.3).
    BadAddressLiteral,
    /// Local part over 64 octets.
    LocalPartTooLong,
    /// Domain over 253 octets.
    DomainTooLong,
    /// Domain label over 63 octets.
    LabelTooLong,
    /// Whole address over 254 octets.
    AddressTooLong,
    /// A UTF-8 or `xn--` domain that IDNA (UTS #46, RFC 5891) refuses.
    InvalidIdn,
    /// The address is inside RFC 2047 encoded words (its `<`, `@` or `>` in
    /// them, or in what they decode to), which §5 (3) forbids in an addr-spec:
    /// a mailer encoded the whole field (PHPMailer's `addCustomHeader` with a
    /// non-ASCII name). Covers the whole run of such words; the problems their
    /// pieces make to the address grammar are left out, being this one.
    EncodedAddress,
}

/// Which rule reports a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressConcern {
    Syntax,
    Length,
    Idn,
}

impl AddressProblem {
    pub fn level(self) -> Level {
        use AddressProblem::*;
        match self {
            Lex(p) => p.level(),
            ObsoletePhrase | ObsoleteLocalPart | ObsoleteCfws | ObsoleteRoute | ObsoleteEmptyElement => Level::Obsolete,
            _ => Level::Invalid,
        }
    }
    pub fn concern(self) -> AddressConcern {
        use AddressProblem::*;
        match self {
            LocalPartTooLong | DomainTooLong | LabelTooLong | AddressTooLong => AddressConcern::Length,
            InvalidIdn => AddressConcern::Idn,
            _ => AddressConcern::Syntax,
        }
    }
    /// Stable kebab-case name of the problem (the isEmail comparison names problems by it).
    pub fn code(self) -> &'static str {
        use AddressProblem::*;
        match self {
            Lex(LexProblem::UnclosedComment) => "unclosed-comment",
            Lex(LexProblem::UnopenedComment) => "unopened-comment",
            Lex(LexProblem::UnclosedQuotedString) => "unclosed-quote",
            Lex(LexProblem::UnclosedDomainLiteral) => "unclosed-literal",
            Lex(LexProblem::BreakWithoutFold) | Lex(LexProblem::BareCr) => "line-break",
            Lex(LexProblem::Nul)
            | Lex(LexProblem::InvalidUtf8)
            | Lex(LexProblem::BackslashAtEnd)
            | Lex(LexProblem::C1Control) => "bad-byte",
            Lex(LexProblem::ObsoleteControl) => "obsolete-control",
            Lex(LexProblem::ObsoleteFws) => "obsolete-fws",
            Empty => "empty",
            MissingAt => "missing-at",
            EmptyLocalPart => "empty-local-part",
            EmptyDomain => "empty-domain",
            MisplacedDot => "misplaced-dot",
            Unexpected => "unexpected",
            UnclosedAngle => "unclosed-angle",
            NestedGroup => "nested-group",
            UnclosedGroup => "unclosed-group",
            NameNeedsQuoting => "name-needs-quoting",
            ObsoletePhrase => "obsolete-phrase",
            ObsoleteLocalPart => "obsolete-local-part",
            ObsoleteCfws => "obsolete-cfws",
            ObsoleteRoute => "obsolete-route",
            ObsoleteEmptyElement => "obsolete-empty-element",
            DomainNotHostname => "domain-not-hostname",
            DomainLabelHyphen => "domain-label-hyphen",
            BadAddressLiteral => "bad-address-literal",
            LocalPartTooLong => "local-part-too-long",
            DomainTooLong => "domain-too-long",
            LabelTooLong => "label-too-long",
            AddressTooLong => "address-too-long",
            InvalidIdn => "invalid-idn",
            EncodedAddress => "encoded-address",
        }
    }
    /// Whether the problem leaves the address it touches unreadable: where it
    /// starts or ends is not known (a stray token, an unclosed bracket, quote,
    /// comment or literal, a missing part), or it is encoded. A misplaced dot,
    /// a byte that is not allowed (raw 8-bit, a control) or a domain that is no
    /// host name still reads as an address with a domain.
    pub fn hides_address(self) -> bool {
        use AddressProblem::*;
        matches!(
            self,
            EncodedAddress
                | Unexpected
                | UnclosedAngle
                | EmptyLocalPart
                | EmptyDomain
                | Lex(LexProblem::UnclosedComment | LexProblem::UnclosedQuotedString | LexProblem::UnclosedDomainLiteral)
        )
    }
}

/// One mailbox found in the value (offsets relative to the value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    /// The display name tokens (atoms, quoted strings, dots), when present.
    pub display_name: Vec<Token>,
    pub local_part: (usize, usize),
    pub domain: (usize, usize),
    /// `local@domain` as written.
    pub addr_spec: (usize, usize),
    /// The mailbox is inside a group (`name: a@b, c@d;`).
    pub in_group: bool,
    /// The address reads as one: no problem that `hides_address` touches its
    /// addr-spec. Rules that compare addresses or domains (alignment, Reply-To)
    /// read only these: a receiver finds no address in the others.
    pub readable: bool,
    /// Every length measured in it against RFC 5321 §4.5.3.1, in the order
    /// measured (local part, labels, domain, address): the parse reports those
    /// over the RFC limits as problems, and `headers/address-length` judges
    /// them against the limits in force (`thresholds.headers.*`).
    pub lengths: Vec<MeasuredLength>,
}

/// A length measured in an address, in octets as sent (comments and folds
/// left out; an IDN's domain in its A-label form), with the problem it is when
/// over its limit and where it is (offsets relative to the value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeasuredLength {
    /// `LocalPartTooLong`, `LabelTooLong`, `DomainTooLong` or `AddressTooLong`.
    pub kind: AddressProblem,
    pub start: usize,
    pub end: usize,
    pub octets: usize,
}

/// The parsed value of an address field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressList {
    pub mailboxes: Vec<Mailbox>,
    /// Display-name ranges of the groups.
    pub groups: Vec<(usize, usize)>,
    pub problems: Vec<Problem<AddressProblem>>,
}

impl AddressList {
    pub fn worst(&self) -> Option<Level> {
        self.problems.iter().map(|p| p.kind.level()).max()
    }
}

struct Parser<'v> {
    v: &'v [u8],
    /// Octets of the last domain read, in its wire (A-label) form.
    wire_domain_octets: usize,
    /// Lengths measured in the addr-spec being read (`Mailbox::lengths`).
    lengths: Vec<MeasuredLength>,
    /// Ranges of invalid lexical problems, sorted by start.
    lex_problems: Vec<(usize, usize)>,
    tokens: Vec<Token>,
    pos: usize,
    out: AddressList,
    /// The last stretch of tokens scanned for an `@` (`Parser::at_ahead`): where
    /// the scan started, the `,`/`;` that ends the element (or the token count),
    /// and its last `@`.
    at_ahead: Option<(usize, usize, Option<usize>)>,
}

/// Parses an address-list value (RFC 5322 §3.4 `address-list`, §4.4 `obs-addr-list`).
pub fn parse_address_list(v: &[u8]) -> AddressList {
    let lexed = lex(v);
    let mut lex_problems: Vec<(usize, usize)> =
        lexed.problems.iter().filter(|p| p.kind.level() == Level::Invalid).map(|p| (p.start, p.end)).collect();
    lex_problems.sort_unstable();
    let mut p =
        Parser {
            v,
            wire_domain_octets: 0,
            lengths: Vec::new(),
            lex_problems,
            tokens: lexed.tokens,
            pos: 0,
            out: AddressList::default(),
            at_ahead: None,
        };
    for problem in lexed.problems {
        p.problem(AddressProblem::Lex(problem.kind), problem.start, problem.end);
    }
    let mut expecting_element = true;
    while p.pos < p.tokens.len() {
        let token = p.tokens[p.pos];
        if token.is(b',') {
            if expecting_element {
                p.problem(AddressProblem::ObsoleteEmptyElement, token.start, token.end);
            }
            expecting_element = true;
            p.pos += 1;
            continue;
        }
        if !expecting_element {
            p.problem(AddressProblem::Unexpected, token.start, token.end);
            p.skip_to_comma();
            continue;
        }
        p.address(false);
        expecting_element = false;
    }
    if p.out.mailboxes.is_empty()
        && p.out.groups.is_empty()
        && p.out.problems.iter().all(|x| x.kind.level() != Level::Invalid)
    {
        p.problem(AddressProblem::Empty, 0, v.len());
    }
    p.encoded_address();
    let problems = &p.out.problems;
    for mailbox in &mut p.out.mailboxes {
        let (start, end) = mailbox.addr_spec;
        mailbox.readable = !problems.iter().any(|x| x.kind.hides_address() && x.start <= end && x.end >= start);
    }
    p.out
}

/// Whether bytes hold the punctuation of an address (`<`, `>`, `@`).
fn address_punctuation(bytes: &[u8]) -> bool {
    bytes.iter().any(|b| matches!(b, b'<' | b'>' | b'@'))
}

/// Checks one bare address (`local@domain`, CFWS allowed around), as the
/// isemail suites test: exactly one addr-spec, no display name, no group.
pub fn check_addr_spec(v: &[u8]) -> AddressList {
    let mut list = parse_address_list(v);
    let single = list.mailboxes.len() == 1 && list.groups.is_empty() && list.mailboxes[0].display_name.is_empty();
    let angle = v.iter().any(|&b| b == b'<');
    if (!single || angle) && list.worst() != Some(Level::Invalid) {
        list.problems.push(Problem::new(AddressProblem::Unexpected, 0, v.len()));
    }
    list
}

impl<'v> Parser<'v> {
    /// Whether an `@` follows token `j` before the `,` or `;` that ends its element.
    /// Each element is scanned once (`at_ahead` keeps where it ends and its last
    /// `@`): a value of thousands of stray characters before one `@` stays linear.
    fn at_ahead(&mut self, j: usize) -> bool {
        let (_, _, last_at) = match self.at_ahead.filter(|&(start, end, _)| start <= j && j < end) {
            Some(known) => known,
            None => {
                let end = self.tokens[j..].iter().position(|t| t.is(b',') || t.is(b';')).map_or(self.tokens.len(), |p| j + p);
                let last_at = self.tokens[j..end].iter().rposition(|t| t.is(b'@')).map(|p| j + p);
                *self.at_ahead.insert((j, end, last_at))
            }
        };
        last_at.is_some_and(|at| at > j)
    }

    fn problem(&mut self, kind: AddressProblem, start: usize, end: usize) {
        self.out.problems.push(Problem::new(kind, start, end));
    }

    /// RFC 2047 §5 (3): "An 'encoded-word' MUST NOT appear in any portion of an
    /// 'addr-spec'". Encoded words that hide an address make one `EncodedAddress`
    /// over their whole run, and the grammar problems inside that run (a stray
    /// `?=`, a domain label `e?=`) are its pieces and are dropped: words whose
    /// text holds an address's `<`, `>` or `@` as written (no display name's word
    /// does: §5 (3) allows letters, digits and `!*+-/=_` there) and touch an
    /// addr-spec, words in a domain (an IDN encoded as a word: no host name
    /// holds `=` or `?`), or, where no address was found at all, words that
    /// decode to one. A whole word standing as a local part (`=?…?=@example.com`)
    /// leaves a valid address, taken literally: `headers/encoded-word` notes it.
    fn encoded_address(&mut self) {
        let v = self.v;
        let mut specs: Vec<(usize, usize)> = self.out.mailboxes.iter().map(|m| m.addr_spec).collect();
        let mut domains: Vec<(usize, usize)> = self.out.mailboxes.iter().map(|m| m.domain).collect();
        // In the order of the value (the parser's already): each word looks at the
        // one range that starts last before its end. Ranges of a list do not
        // overlap, so one starting earlier that reaches the word reaches past that
        // one's start, and that one touches too. (Each word had read every range:
        // 100,000 encoded display names in a To of 2.5 MB took 10.7 s in wasm.)
        specs.sort_unstable();
        domains.sort_unstable();
        let touch = |ranges: &[(usize, usize)], word: &super::encoded_word::Word| {
            let starting_before = ranges.partition_point(|&(s, _)| s <= word.end);
            starting_before > 0 && ranges[starting_before - 1].1 >= word.start
        };
        let hides = |word: &super::encoded_word::Word| {
            if specs.is_empty() {
                address_punctuation(&v[word.text.clone()]) || word.decoded(v).is_some_and(|b| address_punctuation(&b))
            } else {
                address_punctuation(&v[word.text.clone()]) && touch(&specs, word) || touch(&domains, word)
            }
        };
        let run = words(v)
            .filter(|word| hides(word))
            .fold(None, |run: Option<(usize, usize)>, word| match run {
                None => Some((word.start, word.end)),
                Some((start, _)) => Some((start, word.end)),
            });
        let Some((start, end)) = run else { return };
        self.out.problems.retain(|p| !(p.start <= end && p.end >= start));
        self.problem(AddressProblem::EncodedAddress, start, end);
    }

    /// Whether a lexical error (reported up front) lies inside `range`.
    fn lex_invalid_within(&self, range: (usize, usize)) -> bool {
        let start = self.lex_problems.partition_point(|&(s, _)| s < range.0);
        self.lex_problems[start..].iter().take_while(|&&(s, _)| s < range.1).any(|&(_, e)| e <= range.1)
    }

    fn skip_to_comma(&mut self) {
        while self.pos < self.tokens.len() && !self.tokens[self.pos].is(b',') {
            self.pos += 1;
        }
    }

    fn is_word(token: &Token) -> bool {
        matches!(token.kind, TokenKind::Atom | TokenKind::QuotedString) || token.is(b'.')
    }

    /// One address (mailbox or group) starting at `self.pos`.
    fn address(&mut self, in_group: bool) {
        let start = self.pos;
        let mut j = start;
        while j < self.tokens.len() && Self::is_word(&self.tokens[j]) {
            j += 1;
        }
        match self.tokens.get(j).map(|t| t.kind) {
            Some(TokenKind::Special(b'<')) => {
                self.check_phrase(start, j);
                self.pos = j;
                self.angle_addr(start, j, in_group);
            }
            Some(TokenKind::Special(b':')) if j > start && !in_group => {
                self.check_phrase(start, j);
                let name = (self.tokens[start].start, self.tokens[j - 1].end);
                self.out.groups.push(name);
                self.pos = j + 1;
                self.group_list();
            }
            Some(TokenKind::Special(b':')) if in_group => {
                let t = self.tokens[j];
                self.problem(AddressProblem::NestedGroup, t.start, t.end);
                self.pos = j + 1;
            }
            Some(TokenKind::Special(b'@')) => {
                // An addr-spec; but `a@b <c@d>` is a display name with an unquoted `@`.
                let mut k = j + 1;
                while k < self.tokens.len()
                    && (matches!(self.tokens[k].kind, TokenKind::Atom | TokenKind::DomainLiteral)
                        || self.tokens[k].is(b'.'))
                {
                    k += 1;
                }
                let angle_follows = self.tokens.get(k).is_some_and(|t| t.is(b'<'))
                    || (self.tokens.get(k).is_some_and(|t| Self::is_word(t) || t.is(b'@'))
                        && self.tokens[k..].iter().take_while(|t| !t.is(b',')).any(|t| t.is(b'<')));
                if angle_follows {
                    let mut m = k;
                    while m < self.tokens.len() && !self.tokens[m].is(b'<') {
                        m += 1;
                    }
                    let (s, e) = (self.tokens[start].start, self.tokens[m - 1].end);
                    self.problem(AddressProblem::NameNeedsQuoting, s, e);
                    self.pos = m;
                    self.angle_addr(start, start, in_group);
                    return;
                }
                self.addr_spec(start, j, k, in_group, Vec::new());
                self.pos = k;
            }
            _ => {
                // Words, then a special that no address holds outside quotes (`ali\ce@`,
                // `ali]ce@`, RFC 5322 §3.2.3, §3.4.1) before the element's `@`: that
                // character is the defect, not missing words; one the lexer already
                // reported (a `)` closing no comment, a NUL) is said once, by it.
                let special = self.tokens.get(j).copied().filter(|t| matches!(t.kind, TokenKind::Special(b) if b != b',' && b != b';'));
                let stray = special.filter(|_| self.at_ahead(j));
                if let (Some(t), true) = (stray, j > start) {
                    if !self.lex_invalid_within((t.start, t.end)) {
                        self.problem(AddressProblem::Unexpected, t.start, t.end);
                    }
                    self.pos = j + 1;
                } else if j > start {
                    let (s, e) = (self.tokens[start].start, self.tokens[j - 1].end);
                    self.problem(AddressProblem::MissingAt, s, e);
                    self.pos = j;
                } else if let Some(t) = self.tokens.get(j).copied() {
                    self.problem(AddressProblem::Unexpected, t.start, t.end);
                    self.pos = j + 1;
                }
                if !in_group {
                    self.skip_to_comma();
                } else {
                    while self.pos < self.tokens.len()
                        && !self.tokens[self.pos].is(b',')
                        && !self.tokens[self.pos].is(b';')
                    {
                        self.pos += 1;
                    }
                }
            }
        }
    }

    /// A display name (§3.2.5 phrase): words; an unquoted `.` is obs-phrase.
    fn check_phrase(&mut self, start: usize, end: usize) {
        if self.tokens[start..end].iter().any(|t| t.is(b'.')) {
            let (s, e) = (self.tokens[start].start, self.tokens[end - 1].end);
            self.problem(AddressProblem::ObsoletePhrase, s, e);
        }
    }

    /// `<` [obs-route] addr-spec `>` with `self.pos` on `<`; the display name is tokens[name_start..name_end].
    fn angle_addr(&mut self, name_start: usize, name_end: usize, in_group: bool) {
        let open = self.tokens[self.pos];
        let mut k = self.pos + 1;
        if self.tokens.get(k).is_some_and(|t| t.is(b'@') || t.is(b',')) {
            // obs-route = obs-domain-list ":"
            let route_start = self.tokens[k].start;
            while k < self.tokens.len() && !self.tokens[k].is(b':') && !self.tokens[k].is(b'>') {
                k += 1;
            }
            if self.tokens.get(k).is_some_and(|t| t.is(b':')) {
                self.problem(AddressProblem::ObsoleteRoute, route_start, self.tokens[k].end);
                k += 1;
            }
        }
        let spec_start = k;
        let mut close = k;
        while close < self.tokens.len() && !self.tokens[close].is(b'>') && !self.tokens[close].is(b'<') {
            close += 1;
        }
        let at = (spec_start..close).find(|&i| self.tokens[i].is(b'@'));
        let display_name = self.tokens[name_start..name_end].to_vec();
        match at {
            Some(at) => self.addr_spec(spec_start, at, close, in_group, display_name),
            None if close > spec_start => {
                let (s, e) = (self.tokens[spec_start].start, self.tokens[close - 1].end);
                self.problem(AddressProblem::MissingAt, s, e);
            }
            None => self.problem(AddressProblem::EmptyLocalPart, open.start, open.end),
        }
        if self.tokens.get(close).is_some_and(|t| t.is(b'>')) {
            self.pos = close + 1;
        } else {
            self.problem(
                AddressProblem::UnclosedAngle,
                open.start,
                self.tokens.get(close.max(1) - 1).map_or(open.end, |t| t.end),
            );
            self.pos = close;
        }
    }

    /// The members of a group up to `;` (§3.4 group-list, §4.4 obs-group-list).
    fn group_list(&mut self) {
        let mut expecting = true;
        while self.pos < self.tokens.len() {
            let t = self.tokens[self.pos];
            if t.is(b';') {
                self.pos += 1;
                return;
            }
            if t.is(b',') {
                if expecting && !self.out.mailboxes.last().is_some_and(|m| m.in_group) {
                    // An empty first element right after the colon is obs-group-list territory.
                    self.problem(AddressProblem::ObsoleteEmptyElement, t.start, t.end);
                }
                expecting = true;
                self.pos += 1;
                continue;
            }
            if !expecting {
                self.problem(AddressProblem::Unexpected, t.start, t.end);
                self.pos += 1;
                continue;
            }
            self.address(true);
            expecting = false;
        }
        let end = self.v.len();
        self.problem(AddressProblem::UnclosedGroup, end, end);
    }

    /// local-part tokens [start, at), `@` at `at`, domain tokens (at, end).
    fn addr_spec(&mut self, start: usize, at: usize, end: usize, in_group: bool, display_name: Vec<Token>) {
        let problems_before = self.out.problems.len();
        self.lengths.clear();
        let at_token = self.tokens[at];
        // Lent to the two readers, which only read them (#14: a copy of each
        // part's tokens was two allocations an address).
        let tokens = std::mem::take(&mut self.tokens);
        let domain_tokens = tokens.get(at + 1..end).unwrap_or_default();
        // Room for what is measured (the local part, each label, the domain, the
        // address) at once, not grown twice.
        let labels = domain_tokens.iter().filter(|t| t.kind == TokenKind::Atom).count();
        self.lengths.reserve_exact(3 + labels);
        let local = self.local_part(tokens.get(start..at).unwrap_or_default(), at_token.start);
        let domain = self.domain(domain_tokens, at_token.end);
        self.tokens = tokens;
        let spec = (local.0, domain.1.max(local.0));
        if let (Some(v), true) = (self.v.get(local.0..local.1), spec.1 > spec.0) {
            let octets = significant_len(v) + 1 + self.wire_domain_octets;
            self.measured(AddressProblem::AddressTooLong, spec, octets);
            let length_reported =
                self.out.problems[problems_before..].iter().any(|p| p.kind.concern() == AddressConcern::Length);
            if octets > MAX_ADDRESS_OCTETS && !length_reported {
                self.problem(AddressProblem::AddressTooLong, spec.0, spec.1);
            }
        }
        let lengths = std::mem::take(&mut self.lengths);
        let mailbox =
            Mailbox { display_name, local_part: local, domain, addr_spec: spec, in_group, readable: true, lengths };
        self.out.mailboxes.push(mailbox);
    }

    /// Keeps a length measured in the addr-spec being read.
    fn measured(&mut self, kind: AddressProblem, (start, end): (usize, usize), octets: usize) {
        self.lengths.push(MeasuredLength { kind, start, end, octets });
    }

    /// The local part, `tokens` (those before the `@`).
    fn local_part(&mut self, tokens: &[Token], at_offset: usize) -> (usize, usize) {
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            self.problem(AddressProblem::EmptyLocalPart, at_offset, at_offset);
            return (at_offset, at_offset);
        };
        let range = (first.start, last.end);
        self.dotted(tokens, true);
        let words = tokens.iter().filter(|t| !t.is(b'.')).count();
        let quoted = tokens.iter().any(|t| t.kind == TokenKind::QuotedString);
        if quoted && words > 1 {
            self.problem(AddressProblem::ObsoleteLocalPart, range.0, range.1);
        }
        let octets = significant_len(&self.v[range.0..range.1]);
        self.measured(AddressProblem::LocalPartTooLong, range, octets);
        if octets > MAX_LOCAL_PART_OCTETS {
            self.problem(AddressProblem::LocalPartTooLong, range.0, range.1);
        }
        range
    }

    /// Checks `word *("." word)`: dots placed right, no two words side by side,
    /// CFWS between elements is obsolete.
    fn dotted(&mut self, tokens: &[Token], local: bool) {
        let mut previous_was_dot = true;
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 && t.cfws_before() {
                self.problem(AddressProblem::ObsoleteCfws, tokens[i - 1].end, t.start);
            }
            if t.is(b'.') {
                if previous_was_dot {
                    self.problem(AddressProblem::MisplacedDot, t.start, t.end);
                }
                previous_was_dot = true;
            } else if matches!(t.kind, TokenKind::Special(_)) {
                // A stray special (`<ali\ce@x>`, RFC 5322 §3.2.3) is the one defect: the
                // word after it is not a second one ("words side by side"); one the lexer
                // already reported (a `)` closing no comment) is said by it alone.
                if !self.lex_invalid_within((t.start, t.end)) {
                    self.problem(AddressProblem::Unexpected, t.start, t.end);
                }
                previous_was_dot = true;
            } else {
                if !previous_was_dot {
                    self.problem(AddressProblem::Unexpected, t.start, t.end);
                }
                if !local && t.kind != TokenKind::Atom {
                    self.problem(AddressProblem::Unexpected, t.start, t.end);
                }
                previous_was_dot = false;
            }
        }
        if let Some(last) = tokens.last() {
            if last.is(b'.') && tokens.len() > 1 {
                self.problem(AddressProblem::MisplacedDot, last.start, last.end);
            }
        }
    }

    /// The domain, `tokens` (those after the `@`).
    fn domain(&mut self, tokens: &[Token], at_end: usize) -> (usize, usize) {
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            self.problem(AddressProblem::EmptyDomain, at_end, at_end);
            self.wire_domain_octets = 0;
            return (at_end, at_end);
        };
        let problems_before = self.out.problems.len();
        let range = (first.start, last.end);
        if let Some(literal) = tokens.iter().find(|t| t.kind == TokenKind::DomainLiteral).copied() {
            if tokens.len() > 1 {
                let other = tokens.iter().find(|t| t.kind != TokenKind::DomainLiteral).copied().unwrap_or(literal);
                self.problem(AddressProblem::Unexpected, other.start, other.end);
            }
            let inner = self.v.get(literal.start + 1..literal.end.saturating_sub(1)).unwrap_or(&[]);
            if !is_address_literal(inner) {
                self.problem(AddressProblem::BadAddressLiteral, literal.start, literal.end);
            }
            self.wire_domain_octets = literal.end - literal.start;
            return range;
        }
        self.dotted(tokens, false);
        let atoms = || tokens.iter().filter(|t| t.kind == TokenKind::Atom);
        let mut needs_idna = false;
        for t in atoms() {
            let label = &self.v[t.start..t.end];
            if label.iter().any(|&b| b >= 0x80) || label.len() >= 4 && label[..4].eq_ignore_ascii_case(b"xn--") {
                needs_idna = true;
            }
            if label.iter().any(|&b| b < 0x80 && !b.is_ascii_alphanumeric() && b != b'-') {
                self.problem(AddressProblem::DomainNotHostname, t.start, t.end);
            } else if label.first() == Some(&b'-') || label.last() == Some(&b'-') {
                self.problem(AddressProblem::DomainLabelHyphen, t.start, t.end);
            }
        }
        let syntax_clean = !self.out.problems[problems_before..].iter().any(|p| p.kind.level() == Level::Invalid)
            && !self.lex_invalid_within(range);
        // Lengths are those of the domain on the wire: the A-label form for an
        // IDN (RFC 5890 §2.3.2.1), the octets as written otherwise (no list of
        // them made for a domain that needs no IDNA, most of them: #14).
        let mut idna_labels: Option<Vec<usize>> = None;
        if needs_idna && syntax_clean {
            let text: String = tokens.iter().map(|t| String::from_utf8_lossy(&self.v[t.start..t.end])).collect();
            match idna::domain_to_ascii(&text) {
                Ok(ascii) => {
                    let labels: Vec<usize> = ascii.split('.').map(str::len).collect();
                    if labels.len() == atoms().count() {
                        idna_labels = Some(labels);
                    }
                }
                Err(_) => self.problem(AddressProblem::InvalidIdn, range.0, range.1),
            }
        }
        let (mut octets, mut labels) = (0usize, 0usize);
        for (i, t) in atoms().enumerate() {
            let len = idna_labels.as_ref().and_then(|l| l.get(i).copied()).unwrap_or(t.end - t.start);
            self.measured(AddressProblem::LabelTooLong, (t.start, t.end), len);
            if len > MAX_LABEL_OCTETS {
                self.problem(AddressProblem::LabelTooLong, t.start, t.end);
            }
            (octets, labels) = (octets + len, labels + 1);
        }
        let octets = octets + labels.saturating_sub(1);
        self.measured(AddressProblem::DomainTooLong, range, octets);
        if octets > MAX_DOMAIN_OCTETS {
            self.problem(AddressProblem::DomainTooLong, range.0, range.1);
        }
        self.wire_domain_octets = octets;
        range
    }
}

/// Octets of an address part without comments and folds (what goes on the wire).
fn significant_len(v: &[u8]) -> usize {
    let mut len = 0usize;
    let mut depth = 0usize;
    let mut i = 0;
    let mut in_quote = false;
    while i < v.len() {
        let b = v[i];
        match b {
            b'\\' => {
                if depth == 0 {
                    len += 2.min(v.len() - i);
                }
                i += 2;
                continue;
            }
            b'"' if depth == 0 => in_quote = !in_quote,
            b'(' if !in_quote => depth += 1,
            b')' if !in_quote && depth > 0 => {
                depth -= 1;
                i += 1;
                continue;
            }
            b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b' ' | b'\t' if !in_quote => {
                i += 1;
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            len += 1;
        }
        i += 1;
    }
    len
}

/// RFC 5321 §4.1.3: IPv4-address-literal or `IPv6:` IPv6-address-literal.
pub fn is_address_literal(inner: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(inner) else { return false };
    if let Some(v6) = text.strip_prefix("IPv6:").or_else(|| text.strip_prefix("ipv6:")) {
        return v6.parse::<std::net::Ipv6Addr>().is_ok() && !v6.contains(|c: char| c.is_whitespace());
    }
    text.parse::<std::net::Ipv4Addr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(v: &str) -> Vec<AddressProblem> {
        parse_address_list(v.as_bytes()).problems.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn common_forms_are_clean() {
        for v in [
            " a@example.com",
            " John Smith <john@example.com>",
            " \"Smith, John\" <john@example.com>, b@example.org",
            " undisclosed-recipients:;",
            " Team: a@example.com, b@example.com;",
            " =?utf-8?q?J=C3=B6rg?= <j@example.de>",
            " a@example.com (Alice)",
            " Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>",
            " j\u{f6}rg@b\u{fc}cher.example",
        ] {
            let list = parse_address_list(v.as_bytes());
            assert!(
                list.problems
                    .iter()
                    .all(|p| p.kind.level() == Level::Obsolete && p.kind == AddressProblem::ObsoleteCfws)
                    || list.problems.is_empty(),
                "{v}: {:?}",
                list.problems
            );
            assert!(!list.mailboxes.is_empty() || !list.groups.is_empty(), "{v}");
        }
    }

    #[test]
    fn an_address_inside_encoded_words_is_one_problem() {
        // PHPMailer's addCustomHeader('Sender', 'Tienda Muñoz <tienda@…>'): the whole value Q-encoded.
        let value = b" =?utf-8?Q?Tienda_Mu=C3=B1oz_<tienda@talleres-munoz.example.e?=\r\n =?utf-8?Q?s>?=";
        let list = parse_address_list(value);
        let found: Vec<AddressProblem> = list.problems.iter().map(|p| p.kind).collect();
        assert_eq!(found, vec![AddressProblem::EncodedAddress], "{:?}", list.problems);
        assert_eq!((list.problems[0].start, list.problems[0].end), (1, value.len()));
        assert!(list.mailboxes.iter().all(|m| !m.readable));
        // B-encoded whole (PHPMailer with mostly non-ASCII): no address outside the word.
        let list = parse_address_list(b" =?utf-8?B?0JzQsNGA0LjRjyA8bWFyaWFAZXhhbXBsZS5ydT4=?=");
        assert_eq!(list.problems.iter().map(|p| p.kind).collect::<Vec<_>>(), vec![AddressProblem::EncodedAddress]);
        // A display name that decodes to an address is no encoded address (a spoof is another rule's).
        let list = parse_address_list(b" =?utf-8?B?c2VydmljZUBwYXlwYWwuY29t?= <a@example.com>");
        assert!(list.problems.is_empty(), "{:?}", list.problems);
        assert!(list.mailboxes[0].readable);
        // An encoded word alone in a local part is taken literally (headers/encoded-word notes it),
        // even when it decodes to an address.
        assert!(parse_address_list(b" =?utf-8?q?abc?=@example.com").problems.is_empty());
        let literal = parse_address_list(b" =?iso-2022-jp?B?cml0ZTFAcmVzZXQuanA=?=@mail.example.jp");
        assert!(literal.problems.is_empty() && literal.mailboxes[0].readable, "{:?}", literal.problems);
        // A domain encoded as a word (Python's email with an IDN): no host name.
        let domain = parse_address_list(b" info@=?utf-8?q?b=C3=A4ckerei-m=C3=BCller?=.example.de");
        assert_eq!(domain.problems.iter().map(|p| p.kind).collect::<Vec<_>>(), vec![AddressProblem::EncodedAddress]);
    }

    #[test]
    fn addresses_a_receiver_cannot_delimit_are_not_readable() {
        assert!(parse_address_list(b" a@example.com").mailboxes[0].readable);
        assert!(parse_address_list(b" a@mail_server.example.com").mailboxes[0].readable);
        assert!(parse_address_list(b" a..b@example.com").mailboxes[0].readable);
        assert!(parse_address_list(b" \xa4n\xa4@example.com").mailboxes[0].readable, "raw 8-bit: headers/raw-8bit's");
        assert!(!parse_address_list(b" <a@example.com").mailboxes[0].readable);
        assert!(!parse_address_list(b" a@example com").mailboxes[0].readable);
    }

    #[test]
    fn broken_forms_are_reported() {
        assert!(kinds(" John Smith").contains(&AddressProblem::MissingAt));
        assert!(kinds(" a@b.example <a@b.example>").contains(&AddressProblem::NameNeedsQuoting));
        assert!(kinds(" <a@b.example").contains(&AddressProblem::UnclosedAngle));
        assert!(kinds(" a..b@example.com").contains(&AddressProblem::MisplacedDot));
        assert!(kinds(" J. Smith <j@example.com>").contains(&AddressProblem::ObsoletePhrase));
        assert!(kinds(" a@exa_mple.com").contains(&AddressProblem::DomainNotHostname));
        assert!(kinds(&format!(" {}@example.com", "a".repeat(65))).contains(&AddressProblem::LocalPartTooLong));
        assert!(kinds(" a@[1.2.3.4]").is_empty());
        assert!(kinds(" a@[1.2.3]").contains(&AddressProblem::BadAddressLiteral));
        assert!(kinds(" a@xn--zz.example").contains(&AddressProblem::InvalidIdn));
        assert!(kinds("").contains(&AddressProblem::Empty));
    }

    #[test]
    fn a_stray_special_before_the_at_is_the_character_said() {
        for (value, at) in [
            (" ali\\ce@example.com", 4),
            (" ali]ce@example.com", 4),
            (" John\\ Smith <j@example.com>", 5),
            (" Bob <ali\\ce@example.com>", 9),
            (" Bob <ali]ce@example.com>", 9),
        ] {
            let list = parse_address_list(value.as_bytes());
            assert_eq!(list.problems, vec![Problem::new(AddressProblem::Unexpected, at, at + 1)], "{value}");
        }
        // One the lexer reports is said by it alone.
        assert_eq!(kinds(" ali)ce@example.com"), vec![AddressProblem::Lex(LexProblem::UnopenedComment)]);
        assert_eq!(kinds(" Bob <ali)ce@example.com>"), vec![AddressProblem::Lex(LexProblem::UnopenedComment)]);
        // Words with no @ after them are still words without an @.
        assert_eq!(kinds(" John Smith"), vec![AddressProblem::MissingAt]);
        assert_eq!(kinds(" John > Smith"), vec![AddressProblem::MissingAt]);
    }

    #[test]
    fn many_encoded_display_names_are_read_in_one_pass() {
        // 100,000 mailboxes each with an encoded display name: each word looks for
        // the addr-spec it touches by a search, not through all of them.
        let value = format!(" {}c@example.com", "=?utf-8?Q?Ren=C3=A9?= <b@example.com>, ".repeat(100_000));
        let list = parse_address_list(value.as_bytes());
        assert_eq!(list.mailboxes.len(), 100_001);
        assert!(list.problems.is_empty(), "{:?}", &list.problems[..1]);
        // A word that does hide an address is still found among them.
        let encoded = "=?utf-8?Q?Tienda_Mu=C3=B1oz_<tienda@talleres-munoz.example.e?=\r\n =?utf-8?Q?s>?=";
        for (before, after) in [("a <a@example.com>, ".repeat(1_000), String::new()), (String::new(), ", a <a@example.com>".repeat(1_000))] {
            let value = format!(" {before}{encoded}{after}");
            let list = parse_address_list(value.as_bytes());
            let encoded_at = 1 + before.len();
            assert!(
                list.problems.iter().any(|p| p.kind == AddressProblem::EncodedAddress && p.start == encoded_at),
                "{:?}",
                list.problems.iter().map(|p| (p.kind, p.start)).take(3).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn many_stray_characters_before_one_at_are_read_in_one_pass() {
        // 200,000 `a\` pairs then `@example.com`: each `\` looks for the element's
        // `@` once in all, not once each (that was 4·10¹⁰ token steps).
        let value = format!(" {}@example.com", "a\\".repeat(200_000));
        let list = parse_address_list(value.as_bytes());
        assert!(!list.problems.is_empty());
        assert!(list.problems.iter().all(|p| p.kind == AddressProblem::Unexpected), "{:?}", &list.problems[..3]);
    }
}
