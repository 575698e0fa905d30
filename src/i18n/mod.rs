//! Localisation: every sentence a person reads is an `Entry` keyed by a stable
//! message id, in en, fr, es and pl side by side, so a missing language does
//! not compile. A rule's texts live in its file (`rule_texts!`), a group's
//! labels with the group (`label_texts!`); `catalog/` keeps the engine's own,
//! the page's, the CLI's, the queue's and the SMTP texts. `tests/i18n.rs`
//! checks that no text is empty, that every language uses the same named
//! parameters, gives the plural branches its CLDR rules need, and that no id
//! is declared twice. This module holds the one template renderer
//! (`Msg::render`, `render_template_with`), with ICU's plural choice
//! (`{count, plural, one {# byte} other {# bytes}}`, `Plural`).

pub mod catalog;

use serde::{Deserialize, Serialize};
use crate::hash::FastMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// The languages of the source guides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fr,
    Es,
    Pl,
}

impl Locale {
    /// The first `"locale": "xx"` written in a JSON text that may not be read
    /// (not JSON, or nested too deep): its errors are then said in that language.
    pub fn written_in_json(json: &str) -> Option<Locale> {
        let after = &json[json.find("\"locale\"")? + 8..];
        let after = after.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
        Locale::parse(&after[..after.find('"')?])
    }

    pub const ALL: [Locale; 4] = [Locale::En, Locale::Fr, Locale::Es, Locale::Pl];

    /// Accepts `fr`, `FR`, `fr-CA`, `fr_FR.UTF-8`; anything else is `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary: String = tag
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "fr" => Some(Locale::Fr),
            "es" => Some(Locale::Es),
            "pl" => Some(Locale::Pl),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::Pl => "pl",
        }
    }

    fn decimal_separator(self) -> char {
        match self {
            Locale::En => '.',
            _ => ',',
        }
    }

    fn group_separator(self) -> &'static str {
        match self {
            Locale::En => ",",
            // French and Polish typography use a (narrow) no-break space, Spanish a dot.
            Locale::Fr | Locale::Pl => "\u{202f}",
            Locale::Es => ".",
        }
    }

    /// How many digits a whole number needs before its thousands are grouped: CLDR's
    /// `minimumGroupingDigits` (common/main/*.xml) plus three. English and French group
    /// from four digits (7,200; 7 200), Spanish and Polish from five (7200; 17.200,
    /// 17 200), as `Intl.NumberFormat` writes them (the page's own numbers) and as the
    /// RAE's Ortografía (2010) writes four-digit numbers, unsplit.
    fn grouped_from_digits(self) -> usize {
        match self {
            Locale::En | Locale::Fr => 4,
            Locale::Es | Locale::Pl => 5,
        }
    }
}

/// One message in the four languages. `{name}` marks a named parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub id: &'static str,
    pub en: &'static str,
    pub fr: &'static str,
    pub es: &'static str,
    pub pl: &'static str,
}

impl Entry {
    pub fn text(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::Fr => self.fr,
            Locale::Es => self.es,
            Locale::Pl => self.pl,
        }
    }
}

/// Declares a catalogue: `catalog! { "id" => { en: "…", fr: "…", es: "…", pl: "…" }, … }`.
#[macro_export]
macro_rules! catalog {
    ($($id:literal => { en: $en:expr, fr: $fr:expr, es: $es:expr, pl: $pl:expr $(,)? }),* $(,)?) => {
        pub const ENTRIES: &[$crate::i18n::Entry] = &[
            $($crate::i18n::Entry { id: $id, en: $en, fr: $fr, es: $es, pl: $pl }),*
        ];
    };
}

/// A short text in the four languages, without an id (example titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized {
    pub en: &'static str,
    pub fr: &'static str,
    pub es: &'static str,
    pub pl: &'static str,
}

impl Localized {
    pub fn text(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::Fr => self.fr,
            Locale::Es => self.es,
            Locale::Pl => self.pl,
        }
    }
}

/// The texts of one rule: its summary, why it matters, the default fix, and
/// every message its findings use. Declared with `rule_texts!` in the rule's file.
#[derive(Debug, Clone, Copy)]
pub struct RuleTexts {
    pub summary: &'static Entry,
    pub why: &'static Entry,
    pub fix: &'static Entry,
    /// Every other message of the rule (finding messages, alternative fixes).
    pub messages: &'static [&'static Entry],
}

impl RuleTexts {
    /// Every entry of the rule, summary, why and fix first.
    pub fn entries(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        [self.summary, self.why, self.fix].into_iter().chain(self.messages.iter().copied())
    }
}

/// Declares a rule's texts next to its code, in the four languages side by side:
///
/// ```ignore
/// rule_texts! { "spam/subject-caps";
///     summary => { en: "…", fr: "…", es: "…", pl: "…" },
///     why => { … },
///     fix => { … },
///     SHOUTING "shouting" => { en: "… {count} …", … },
/// }
/// ```
/// It defines `ID`, one `Entry` constant per text (ids `<rule id>.<key>`), and
/// `TEXTS`, which lists them all; a finding names its message by constant
/// (`Msg::of(&SHOUTING)`), so a misspelt id does not compile.
#[macro_export]
macro_rules! rule_texts {
    ($id:literal;
     summary => { en: $sen:expr, fr: $sfr:expr, es: $ses:expr, pl: $spl:expr $(,)? },
     why => { en: $wen:expr, fr: $wfr:expr, es: $wes:expr, pl: $wpl:expr $(,)? },
     fix => { en: $fen:expr, fr: $ffr:expr, es: $fes:expr, pl: $fpl:expr $(,)? }
     $(, $name:ident $key:literal => { en: $en:expr, fr: $fr:expr, es: $es:expr, pl: $pl:expr $(,)? })* $(,)?) => {
        /// The rule's id, `group/name`: stable, never renamed.
        pub const ID: &str = $id;
        pub const SUMMARY: $crate::i18n::Entry =
            $crate::i18n::Entry { id: concat!($id, ".summary"), en: $sen, fr: $sfr, es: $ses, pl: $spl };
        pub const WHY: $crate::i18n::Entry =
            $crate::i18n::Entry { id: concat!($id, ".why"), en: $wen, fr: $wfr, es: $wes, pl: $wpl };
        pub const FIX: $crate::i18n::Entry =
            $crate::i18n::Entry { id: concat!($id, ".fix"), en: $fen, fr: $ffr, es: $fes, pl: $fpl };
        $(
            pub const $name: $crate::i18n::Entry =
                $crate::i18n::Entry { id: concat!($id, ".", $key), en: $en, fr: $fr, es: $es, pl: $pl };
        )*
        pub const TEXTS: $crate::i18n::RuleTexts = $crate::i18n::RuleTexts {
            summary: &SUMMARY,
            why: &WHY,
            fix: &FIX,
            messages: &[$(&$name),*],
        };
    };
}

/// Declares labels: short texts that findings insert into their messages
/// (the name of a grammar problem, of a file format), in the four languages:
///
/// ```ignore
/// label_texts! { "headers/grammar.";
///     ADDRESS_EMPTY "address.empty" => { en: "…", fr: "…", es: "…", pl: "…" },
/// }
/// ```
/// It defines one `Entry` constant per label (ids `<prefix><key>`) and
/// `LABELS`, which lists them all. A message takes one with `Msg::label`, so the
/// label is rendered again in the reader's language with the message.
#[macro_export]
macro_rules! label_texts {
    ($prefix:literal; $($name:ident $key:literal => { en: $en:expr, fr: $fr:expr, es: $es:expr, pl: $pl:expr $(,)? }),* $(,)?) => {
        $(
            pub const $name: $crate::i18n::Entry =
                $crate::i18n::Entry { id: concat!($prefix, $key), en: $en, fr: $fr, es: $es, pl: $pl };
        )*
        /// Every label of this file.
        pub const LABELS: &[&$crate::i18n::Entry] = &[$(&$name),*];
    };
}

/// A title in the four languages: `title! { en: "…", fr: "…", es: "…", pl: "…" }`.
#[macro_export]
macro_rules! title {
    (en: $en:expr, fr: $fr:expr, es: $es:expr, pl: $pl:expr $(,)?) => {
        $crate::i18n::Localized { en: $en, fr: $fr, es: $es, pl: $pl }
    };
}

fn index() -> &'static FastMap<&'static str, &'static Entry> {
    static INDEX: OnceLock<FastMap<&'static str, &'static Entry>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = FastMap::default();
        for area in catalog::AREAS {
            for entry in area.entries {
                map.insert(entry.id, entry);
            }
        }
        map
    })
}

/// The entry for a message id, if the catalogues have it.
pub fn entry(id: &str) -> Option<&'static Entry> {
    index().get(id).copied()
}

/// Every entry of every area, in catalogue order.
pub fn all_entries() -> impl Iterator<Item = &'static Entry> {
    catalog::AREAS.iter().flat_map(|area| area.entries.iter())
}

/// The raw text of a message id in a language (the id itself if unknown, so a
/// missing key is visible rather than silent; `tests/i18n.rs` makes it a failure).
pub fn text(id: &str, locale: Locale) -> &str {
    match entry(id) {
        Some(e) => e.text(locale),
        None => id,
    }
}

/// A parameter value; numbers and sizes are formatted for the reader's
/// language, labels are rendered in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Param {
    Int(i64),
    Float(f64),
    Text(String),
    /// A byte count shown in decimal megabytes ("10.49 MB"): `{"megabytes": 10485760}`
    /// in JSON, so a report read back from JSON renders it the same.
    Megabytes { megabytes: u64 },
    /// A label (`label_texts!`) by id, shown in the reader's language:
    /// `{"label": "headers/grammar.address.empty"}` in JSON.
    Label { label: String },
    /// Several labels, shown in the reader's language and joined by ", ":
    /// `{"labels": ["spam/sales-language.category.money", …]}` in JSON.
    Labels { labels: Vec<String> },
    /// A number with exactly `decimals` decimals (at most `MAX_FIXED_DECIMALS`), as
    /// a spam score is read ("6.5 of 5.0"): `{"number": 5, "decimals": 1}` in JSON.
    Fixed { number: f64, decimals: u8 },
    /// Names to choose from, shown as a list in the reader's language ("unix or
    /// windows", "unix ou windows"): `{"choices": ["unix", "windows"]}` in JSON.
    Choices { choices: Vec<String> },
    /// Messages of their own (the problems of custom rules), each rendered in
    /// the reader's language and joined by a space:
    /// `{"messages": [{"id": "core.custom.bad-id", "params": {…}}]}` in JSON.
    Messages { messages: Vec<Nested> },
}

/// A message inside a parameter (`Param::Messages`): an id and its parameters,
/// so it is said in the language of the message holding it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nested {
    pub id: String,
    #[serde(default)]
    pub params: std::collections::BTreeMap<String, Param>,
}

// Messages compare as written: the numbers a problem carries are never NaN.
impl Eq for Nested {}

/// Deepest nesting of `Param::Messages` rendered (a message read back from
/// JSON could nest without end); deeper ones show their id.
const MAX_NESTED_MESSAGES: usize = 4;

/// Most decimals a `Param::Fixed` shows (default, ours: past a millionth no
/// number the engine shows means anything).
pub const MAX_FIXED_DECIMALS: u8 = 6;

/// A message to be shown: an id plus named parameters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Msg {
    pub id: &'static str,
    /// The entry itself when the message was made from a typed constant
    /// (`Msg::of`): rule texts live with their rule, not in the catalogue index.
    entry: Option<&'static Entry>,
    pub params: Vec<(&'static str, Param)>,
    /// The entries of the `Param::Label` parameters, to render them.
    labels: Vec<&'static Entry>,
}

impl Msg {
    /// A catalogue message by id (page, CLI, queue and SMTP texts).
    pub fn new(id: &'static str) -> Msg {
        Msg { id, entry: None, params: Vec::new(), labels: Vec::new() }
    }
    /// A message from a typed constant (a rule's texts): a misspelt name does not compile.
    pub fn of(entry: &'static Entry) -> Msg {
        Msg { id: entry.id, entry: Some(entry), params: Vec::new(), labels: Vec::new() }
    }
    /// The entry of this message, when known.
    pub fn entry(&self) -> Option<&'static Entry> {
        self.entry.or_else(|| self::entry(self.id))
    }
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.params.push((name, Param::Text(value.into())));
        self
    }
    pub fn int(mut self, name: &'static str, value: impl TryInto<i64>) -> Msg {
        let v = value.try_into().unwrap_or(i64::MAX);
        self.params.push((name, Param::Int(v)));
        self
    }
    /// A number that names something rather than counts it (a port, a reply code):
    /// written as is in every language, never grouped ("port 2525", not "port 2,525").
    /// A text in JSON, so a report read back renders it the same.
    pub fn digits(mut self, name: &'static str, value: impl std::fmt::Display) -> Msg {
        self.params.push((name, Param::Text(value.to_string())));
        self
    }
    /// A quantity that may have decimals (a limit read from JSON): a whole one grouped
    /// as `int` groups it (3,600,000), another with its decimals ("0.5", "0,5").
    pub fn quantity(self, name: &'static str, value: f64) -> Msg {
        if value.fract() == 0.0 && value.abs() < 1e15 {
            self.int(name, value as i64)
        } else {
            self.float(name, value)
        }
    }
    /// A decimal shown with one or two decimals, as many as it needs ("4.0", "1.25").
    /// A whole one is kept with its one decimal (`Param::Fixed`): JavaScript reads
    /// `4.0` as `4`, and a report read back (`renderReport`) then said "4", not "4.0".
    pub fn float(mut self, name: &'static str, value: f64) -> Msg {
        let param = match value.is_finite() && value.fract() == 0.0 {
            true => Param::Fixed { number: value, decimals: 1 },
            false => Param::Float(value),
        };
        self.params.push((name, param));
        self
    }
    /// A number with exactly `decimals` decimals in the reader's language ("5.0", "5,0").
    pub fn fixed(mut self, name: &'static str, value: f64, decimals: u8) -> Msg {
        self.params.push((name, Param::Fixed { number: value, decimals }));
        self
    }
    /// A byte count shown in decimal megabytes ("10.49 MB") in the reader's language.
    pub fn megabytes(mut self, name: &'static str, value: u64) -> Msg {
        self.params.push((name, Param::Megabytes { megabytes: value }));
        self
    }
    /// A label (`label_texts!`), rendered in the reader's language with the message.
    pub fn label(mut self, name: &'static str, label: &'static Entry) -> Msg {
        self.params.push((name, Param::Label { label: label.id.to_string() }));
        self.labels.push(label);
        self
    }

    /// A catalogue label by id (an error's first words, a kind of value),
    /// rendered in the reader's language with the message.
    pub fn label_id(mut self, name: &'static str, id: &'static str) -> Msg {
        self.params.push((name, Param::Label { label: id.to_string() }));
        self
    }

    /// Several labels, rendered in the reader's language and joined by ", ".
    pub fn labels(mut self, name: &'static str, labels: &[&'static Entry]) -> Msg {
        self.params.push((name, Param::Labels { labels: labels.iter().map(|l| l.id.to_string()).collect() }));
        self.labels.extend_from_slice(labels);
        self
    }

    /// Names to choose from, rendered as a list in the reader's language ("a, b or c").
    pub fn choices(mut self, name: &'static str, choices: Vec<String>) -> Msg {
        self.params.push((name, Param::Choices { choices }));
        self
    }

    /// Messages of their own, rendered in the reader's language with this one.
    pub fn messages(mut self, name: &'static str, messages: Vec<Nested>) -> Msg {
        self.params.push((name, Param::Messages { messages }));
        self
    }

    /// This message as a parameter of another (`Msg::messages`).
    pub fn nested(&self) -> Nested {
        Nested { id: self.id.to_string(), params: self.params.iter().map(|(n, v)| (n.to_string(), v.clone())).collect() }
    }

    /// Renders the message in `locale`, replacing `{name}` by its parameter.
    pub fn render(&self, locale: Locale) -> String {
        let template = match self.entry() {
            Some(entry) => entry.text(locale),
            None => self.id,
        };
        let label = |id: &str| self.labels.iter().copied().find(|e| e.id == id).or_else(|| self::entry(id));
        render_template_with(template, &self.params, locale, &label)
    }
}

/// Replaces `{name}` placeholders; `{{` and `}}` are literal braces. Labels
/// are looked up in the catalogues.
pub fn render_template(template: &str, params: &[(&str, Param)], locale: Locale) -> String {
    render_template_with(template, params, locale, &|id| entry(id))
}

/// `render_template`, with labels looked up by `label` (the pipeline knows the
/// rules' labels; this module does not).
pub fn render_template_with(
    template: &str,
    params: &[(&str, Param)],
    locale: Locale,
    label: &dyn Fn(&str) -> Option<&'static Entry>,
) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let megabyte_decimals = distinct_megabyte_decimals(params);
    // Braces are ASCII, so a byte search lands on character boundaries (memchr:
    // a finding renders two templates; a char-pattern search was most of it, #14).
    while let Some(pos) = memchr::memchr2(b'{', b'}', rest.as_bytes()) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let Some(plural) = Plural::parse(tail) {
            match params.iter().find(|(n, _)| *n == plural.name) {
                Some((_, value)) => {
                    let number = format_param(value, locale, label, megabyte_decimals);
                    let branch = plural.branch(value, &number, locale).replace('#', &number);
                    out.push_str(&render_template_with(&branch, params, locale, label));
                }
                None => out.push_str(&tail[..plural.len]),
            }
            rest = &tail[plural.len..];
            continue;
        }
        if let Some(stripped) = tail.strip_prefix('{') {
            if let Some(end) = memchr::memchr(b'}', stripped.as_bytes()) {
                let name = &stripped[..end];
                match params.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => push_param(&mut out, value, locale, label, megabyte_decimals),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &stripped[end + 1..];
                continue;
            }
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// A plural choice in a template, ICU MessageFormat's
/// `{count, plural, one {# phrase} other {# phrases}}`: the branch of the
/// number's CLDR plural category in the reader's language (`plural_category`),
/// `#` the number as formatted, other `{name}` parameters allowed in a branch.
#[derive(Debug, Clone, PartialEq)]
pub struct Plural<'t> {
    /// The numeric parameter.
    pub name: &'t str,
    /// (selector, text): `one`, `few`, `many`, `other`, or an exact `=0`.
    pub branches: Vec<(&'t str, &'t str)>,
    /// Bytes of the template the construct takes, its braces included.
    pub len: usize,
}

impl<'t> Plural<'t> {
    /// The construct at the start of `text` (which starts with `{`), if it is one.
    pub fn parse(text: &'t str) -> Option<Plural<'t>> {
        let inner = text.strip_prefix('{')?;
        let comma = memchr::memchr2(b',', b'}', inner.as_bytes()).filter(|&i| inner.as_bytes()[i] == b',')?;
        let name = inner[..comma].trim();
        let mut rest = inner[comma + 1..].trim_start().strip_prefix("plural")?.trim_start().strip_prefix(',')?;
        let mut branches = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('}') {
                let len = text.len() - after.len();
                return (!branches.is_empty()).then_some(Plural { name, branches, len });
            }
            let open = rest.find('{')?;
            let selector = rest[..open].trim();
            if selector.is_empty() || selector.contains(char::is_whitespace) {
                return None;
            }
            let body = &rest[open + 1..];
            let mut depth = 0usize;
            let close = body.char_indices().find_map(|(i, c)| match c {
                '{' => {
                    depth += 1;
                    None
                }
                '}' if depth == 0 => Some(i),
                '}' => {
                    depth -= 1;
                    None
                }
                _ => None,
            })?;
            branches.push((selector, &body[..close]));
            rest = &body[close + 1..];
        }
    }

    /// The text for `value` (`shown` as formatted): an exact `=N` it equals,
    /// else its category's, else `other`'s.
    fn branch(&self, value: &Param, shown: &str, locale: Locale) -> &'t str {
        let find = |selector: &str| self.branches.iter().find(|(s, _)| *s == selector).map(|(_, text)| *text);
        let exact = |(selector, text): &(&str, &'t str)| match value {
            Param::Int(n) => (selector.strip_prefix('=')?.parse::<i64>().ok()? == *n).then_some(*text),
            _ => None,
        };
        self.branches.iter().find_map(exact).or_else(|| find(plural_category(value, shown, locale))).or_else(|| find("other")).unwrap_or_default()
    }
}

/// The plural categories a language distinguishes (CLDR), `other` last.
pub fn plural_categories(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::En => &["one", "other"],
        Locale::Fr | Locale::Es => &["one", "many", "other"],
        Locale::Pl => &["one", "few", "many", "other"],
    }
}

/// The categories a text in `locale` must give: `many` of French and Spanish
/// (exact millions) may fall back to `other`.
pub fn required_plural_categories(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::En | Locale::Fr | Locale::Es => &["one", "other"],
        Locale::Pl => &["one", "few", "many", "other"],
    }
}

/// The CLDR plural category (unicode.org/cldr, plurals.xml) of a parameter as
/// the reader sees it, `shown` being its formatted text: `i` its integer
/// digits, `v` how many fraction digits it shows ("1.0 days" is plural in
/// English). A parameter that is not a number is `other`.
pub fn plural_category(value: &Param, shown: &str, locale: Locale) -> &'static str {
    // A number the caller formatted itself (the page's `Intl.NumberFormat`) counts too.
    let formatted = matches!(value, Param::Text(text) if text.bytes().any(|b| b.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}')));
    if !formatted && !matches!(value, Param::Int(_) | Param::Float(_) | Param::Fixed { .. }) {
        return "other";
    }
    let (whole, fraction) = shown.split_once(locale.decimal_separator()).unwrap_or((shown, ""));
    let v = fraction.bytes().filter(u8::is_ascii_digit).count();
    // The last 7 digits decide every rule (n % 100, n % 1,000,000); `big` says more were there.
    let digits: Vec<u8> = whole.bytes().filter(u8::is_ascii_digit).map(|d| d - b'0').collect();
    let i = digits.iter().rev().take(7).rev().fold(0u64, |n, d| n * 10 + u64::from(*d));
    let big = digits.iter().rev().skip(7).any(|&d| d != 0);
    let fraction_zero = fraction.bytes().all(|b| !b.is_ascii_digit() || b == b'0');
    let millions = v == 0 && (i != 0 || big) && i % 1_000_000 == 0;
    match locale {
        Locale::En => if i == 1 && !big && v == 0 { "one" } else { "other" },
        Locale::Es => {
            if i == 1 && !big && fraction_zero {
                "one"
            } else if millions {
                "many"
            } else {
                "other"
            }
        }
        Locale::Fr => {
            if i <= 1 && !big {
                "one"
            } else if millions {
                "many"
            } else {
                "other"
            }
        }
        Locale::Pl => {
            let (ones, tens) = (i % 10, i % 100);
            if v != 0 {
                "other"
            } else if i == 1 && !big {
                "one"
            } else if (2..=4).contains(&ones) && !(12..=14).contains(&tens) {
                "few"
            } else {
                "many"
            }
        }
    }
}

/// Named parameters a template uses, in order of appearance, without duplicates.
pub fn template_params(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    collect_params(template, &mut names);
    names
}

fn collect_params<'t>(template: &'t str, names: &mut Vec<&'t str>) {
    for placeholder in placeholders(template) {
        let name = match &placeholder {
            Placeholder::Plural(plural) => plural.name,
            Placeholder::Name(name) => name,
        };
        if !names.contains(&name) {
            names.push(name);
        }
        if let Placeholder::Plural(plural) = placeholder {
            for (_, text) in &plural.branches {
                collect_params(text, names);
            }
        }
    }
}

/// A `{…}` of a template: a plural choice, or what stands between the braces.
enum Placeholder<'t> {
    Plural(Plural<'t>),
    Name(&'t str),
}

/// The placeholders of a template, in order (`{{` is a literal brace).
fn placeholders(template: &str) -> Vec<Placeholder<'_>> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(pos) = rest.find('{') {
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix("{{") {
            rest = after;
        } else if let Some(plural) = Plural::parse(tail) {
            rest = &tail[plural.len..];
            found.push(Placeholder::Plural(plural));
        } else if let Some(end) = tail[1..].find('}') {
            found.push(Placeholder::Name(&tail[1..1 + end]));
            rest = &tail[1 + end + 1..];
        } else {
            break;
        }
    }
    found
}

/// What is wrong with the plural choices of a text in `locale`: a construct
/// that does not parse, an unknown selector, a category the language needs
/// and the text lacks (`tests/i18n.rs`).
pub fn plural_problems(template: &str, locale: Locale) -> Vec<String> {
    let mut problems = Vec::new();
    for placeholder in placeholders(template) {
        let plural = match placeholder {
            Placeholder::Plural(plural) => plural,
            Placeholder::Name(head) => {
                if head.contains("plural") {
                    problems.push(format!("{{{head}}}: not a plural construct"));
                }
                continue;
            }
        };
        for (selector, text) in &plural.branches {
            let exact = selector.strip_prefix('=').is_some_and(|n| n.parse::<u64>().is_ok());
            if !exact && !plural_categories(locale).contains(selector) {
                problems.push(format!("{}: no category {selector} in {}", plural.name, locale.code()));
            }
            if text.contains(", plural,") {
                problems.push(format!("{}: a plural inside a plural", plural.name));
            }
        }
        for category in required_plural_categories(locale) {
            if !plural.branches.iter().any(|(s, _)| s == category) {
                problems.push(format!("{}: no {category} branch", plural.name));
            }
        }
    }
    problems
}

/// Appends `format_param` of `value`: a number or a text written straight into
/// `out`, without a string of its own (#14: a finding renders two templates).
fn push_param(
    out: &mut String,
    value: &Param,
    locale: Locale,
    label: &dyn Fn(&str) -> Option<&'static Entry>,
    megabyte_decimals: Option<usize>,
) {
    match value {
        Param::Int(n) => push_int(out, *n, locale),
        Param::Text(s) => out.push_str(s),
        _ => out.push_str(&format_param(value, locale, label, megabyte_decimals)),
    }
}

fn format_param(
    value: &Param,
    locale: Locale,
    label: &dyn Fn(&str) -> Option<&'static Entry>,
    megabyte_decimals: Option<usize>,
) -> String {
    match value {
        Param::Int(n) => format_int(*n, locale),
        Param::Float(f) => format_decimal(*f, locale),
        Param::Text(s) => s.clone(),
        Param::Megabytes { megabytes } => format_megabytes_at(*megabytes, locale, megabyte_decimals),
        Param::Fixed { number, decimals } => format_float(*number, locale, (*decimals).min(MAX_FIXED_DECIMALS).into()),
        // An unknown label shows its id: visible, and a test failure.
        Param::Label { label: id } => label(id).map_or_else(|| id.clone(), |e| e.text(locale).to_string()),
        Param::Labels { labels } => labels
            .iter()
            .map(|id| label(id).map_or_else(|| id.clone(), |e| e.text(locale).to_string()))
            .collect::<Vec<_>>()
            .join(", "),
        Param::Choices { choices } => match choices.split_last() {
            None => String::new(),
            Some((only, [])) => only.clone(),
            Some((last, rest)) => {
                let params = [("first", Param::Text(rest.join(", "))), ("last", Param::Text(last.clone()))];
                render_template(text("core.list.or", locale), &params, locale)
            }
        },
        Param::Messages { messages } => {
            thread_local! {
                static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
            }
            let depth = DEPTH.with(|d| d.get());
            if depth >= MAX_NESTED_MESSAGES {
                return messages.iter().map(|m| m.id.as_str()).collect::<Vec<_>>().join(" ");
            }
            DEPTH.with(|d| d.set(depth + 1));
            let rendered = messages
                .iter()
                .map(|nested| {
                    let params: Vec<(&str, Param)> = nested.params.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                    match label(&nested.id) {
                        Some(entry) => render_template_with(entry.text(locale), &params, locale, label),
                        None => nested.id.clone(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            DEPTH.with(|d| d.set(depth));
            rendered
        }
    }
}

/// A quantity (mails, bytes, minutes) with its thousands grouped as the locale
/// groups them: 7,200 / 7 200 / 7200 / 7200, and 10,485,760 / 10 485 760 / 10.485.760.
/// A number that names something (a port, a reply code) is no quantity: `Msg::digits`.
pub fn format_int(n: i64, locale: Locale) -> String {
    let mut out = String::new();
    push_int(&mut out, n, locale);
    out
}

/// Appends `format_int` of `n`, its digits written on the stack (#14: a string
/// for the digits and one for the result were two allocations a number).
fn push_int(out: &mut String, n: i64, locale: Locale) {
    if n < 0 {
        out.push('-');
    }
    // u64::MAX has 20 digits; written from the last.
    let (mut digits, mut at, mut rest) = ([b'0'; 20], 20usize, n.unsigned_abs());
    while let Some(slot) = at.checked_sub(1).and_then(|before| digits.get_mut(before)) {
        *slot = b'0' + (rest % 10) as u8;
        (at, rest) = (at - 1, rest / 10);
        if rest == 0 {
            break;
        }
    }
    push_grouped(out, std::str::from_utf8(digits.get(at..).unwrap_or_default()).unwrap_or_default(), locale);
}

/// `digits` with the thousands grouped from the locale's length on (`grouped_from_digits`).
fn push_grouped(out: &mut String, digits: &str, locale: Locale) {
    let len = digits.len();
    let grouped = len >= locale.grouped_from_digits();
    for (i, ch) in digits.chars().enumerate() {
        if grouped && i > 0 && (len - i) % 3 == 0 {
            out.push_str(locale.group_separator());
        }
        out.push(ch);
    }
}

/// A decimal with the locale's decimal separator.
pub fn format_float(f: f64, locale: Locale, decimals: usize) -> String {
    if !f.is_finite() {
        return "?".to_string();
    }
    let mut s = String::new();
    let _ = write!(s, "{:.*}", decimals, f.abs());
    let (whole, fraction) = s.split_once('.').unwrap_or((&s, ""));
    // The whole part grouped as format_int groups it: 100,000,000,000.5, not 100000000000.5.
    let sign = if f.is_sign_negative() && s.bytes().any(|b| matches!(b, b'1'..=b'9')) { "-" } else { "" };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(sign);
    push_grouped(&mut out, whole, locale);
    if !fraction.is_empty() {
        out.push(locale.decimal_separator());
        out.push_str(fraction);
    }
    out
}

/// A decimal with one or two decimals, as many as it needs ("1.0", "1.25").
pub fn format_decimal(f: f64, locale: Locale) -> String {
    let mut text = format_float(f, locale, 2);
    if text.ends_with('0') && f.is_finite() {
        text.pop();
    }
    text
}

/// The megabyte's symbol in each language, one spelling for the engine's and the
/// page's texts: "Mo" in French, as the guides write it (seed 002: « 10 Mo ») and
/// the French rule texts do; "MB" otherwise.
pub fn megabyte_symbol(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "Mo",
        Locale::En | Locale::Es | Locale::Pl => "MB",
    }
}

/// A size in decimal megabytes (1 MB = 1,000,000 bytes), e.g. "10.5 MB", "10,5 Mo".
pub fn format_megabytes(bytes: u64, locale: Locale) -> String {
    format_megabytes_at(bytes, locale, None)
}

/// Decimals of a size in megabytes: 0 from 100 MB, 2 from 1 MB, 3 below.
fn megabyte_decimals(bytes: u64) -> usize {
    let mb = bytes as f64 / 1_000_000.0;
    if mb >= 100.0 {
        0
    } else if mb >= 1.0 {
        2
    } else {
        3
    }
}

/// `format_megabytes` with at least `decimals` decimals (6: every byte shows).
fn format_megabytes_at(bytes: u64, locale: Locale, decimals: Option<usize>) -> String {
    let decimals = megabyte_decimals(bytes).max(decimals.unwrap_or(0));
    format!("{}\u{a0}{}", format_float(bytes as f64 / 1_000_000.0, locale, decimals), megabyte_symbol(locale))
}

/// The decimals at which the different sizes of one message read apart, when
/// their usual rounding makes them equal and the message does not give them in
/// bytes too: an input one byte over its limit must not read "33.55 MB; at most
/// 33.55 MB". `None`: the usual rounding.
fn distinct_megabyte_decimals(params: &[(&str, Param)]) -> Option<usize> {
    let sizes: Vec<u64> = params
        .iter()
        .filter_map(|(_, p)| match p {
            Param::Megabytes { megabytes } => Some(*megabytes),
            _ => None,
        })
        .collect();
    let apart = |decimals: Option<usize>| {
        let text = |bytes: u64| format_megabytes_at(bytes, Locale::En, decimals);
        sizes.iter().enumerate().all(|(i, a)| sizes[..i].iter().all(|b| a == b || text(*a) != text(*b)))
    };
    // A message that gives each size in bytes too ("10.00 MB (10,000,001 bytes)") is exact already.
    let in_bytes = |bytes: &u64| params.iter().any(|(_, p)| matches!(p, Param::Int(n) if *n as u64 == *bytes && *n >= 0));
    if sizes.len() < 2 || sizes.iter().all(in_bytes) || apart(None) {
        return None;
    }
    // Six decimals of a megabyte are single bytes: different sizes always differ there.
    (1..=6).find(|&d| apart(Some(d)))
}
