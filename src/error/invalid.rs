//! What is wrong in options, message fields or a scenario, as a message id
//! and parameters, so it is said in the reader's language and can be said
//! again in another (`renderMessage`). serde reports a JSON value that does
//! not fit its type in English text; `Invalid::from_serde` reads that text back
//! into its parts (unknown field, wrong type, …), which the catalogue words.

use crate::i18n::{Msg, Nested};

/// Longest quoted value or name in an error, in characters (a hostile
/// option name can be megabytes long).
const MAX_QUOTED_CHARS: usize = 100;

/// Most names listed as the known fields or values of an error.
const MAX_LISTED_NAMES: usize = 40;

/// What the error is about: its first words ("The options are not valid").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Options,
    Input,
    Scenario,
    /// The reply given to `explainSmtpReply`.
    SmtpReply,
    /// The report given to `renderReport`.
    Report,
}

impl Subject {
    fn label(self) -> &'static str {
        match self {
            Subject::Options => "core.invalid.subject.options",
            Subject::Input => "core.invalid.subject.input",
            Subject::Scenario => "core.invalid.subject.scenario",
            Subject::SmtpReply => "core.invalid.subject.smtp-reply",
            Subject::Report => "core.invalid.subject.report",
        }
    }
}

/// A value that is wrong where it is, with the path of its field
/// (`thresholds.spam.subjectCapsWords`, `attachments[1]`), or the name of the
/// whole input (`options`, `message`, `scenario`) when the fault is at its root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub path: String,
    pub what: What,
}

/// The kinds of JSON value serde names in its errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Boolean,
    Number,
    Text,
    Null,
    List,
    Object,
    Bytes,
    /// A JavaScript function (`text: () => 'x'`).
    Function,
    Other,
}

impl Found {
    fn label(self) -> &'static str {
        match self {
            Found::Boolean => "core.invalid.found.boolean",
            Found::Number => "core.invalid.found.number",
            Found::Text => "core.invalid.found.text",
            Found::Null => "core.invalid.found.null",
            Found::List => "core.invalid.found.list",
            Found::Object => "core.invalid.found.object",
            Found::Bytes => "core.invalid.found.bytes",
            Found::Function => "core.invalid.found.function",
            Found::Other => "core.invalid.found.other",
        }
    }
}

/// What a field takes: a catalogue label, or (for a description this module
/// does not know) serde's own words, which `Invalid::is_worded` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Label(&'static str),
    Unworded(String),
}

/// serde's descriptions of what a field takes (Rust type names, `expecting`
/// texts of the input types), and the catalogue label that says it.
const EXPECTATIONS: &[(&str, &str)] = &[
    ("a string", "core.invalid.expected.text"),
    ("a borrowed string", "core.invalid.expected.text"),
    ("a character", "core.invalid.expected.character"),
    ("a boolean", "core.invalid.expected.flag"),
    ("f64", "core.invalid.expected.number"),
    ("f32", "core.invalid.expected.number"),
    ("a whole number", "core.invalid.expected.whole"),
    ("i8", "core.invalid.expected.whole"),
    ("i16", "core.invalid.expected.whole"),
    ("i32", "core.invalid.expected.whole"),
    ("i64", "core.invalid.expected.whole"),
    ("i128", "core.invalid.expected.whole"),
    ("isize", "core.invalid.expected.whole"),
    ("u8", "core.invalid.expected.natural"),
    ("u16", "core.invalid.expected.natural"),
    ("u32", "core.invalid.expected.natural"),
    ("u64", "core.invalid.expected.natural"),
    ("u128", "core.invalid.expected.natural"),
    ("usize", "core.invalid.expected.natural"),
    ("a sequence", "core.invalid.expected.list"),
    ("a byte array", "core.invalid.expected.bytes"),
    ("a list", "core.invalid.expected.list"),
    ("a map", "core.invalid.expected.object"),
    ("an object", "core.invalid.expected.object"),
    ("unit", "core.invalid.expected.null"),
    ("any value", "core.invalid.expected.documented"),
    ("Unix seconds or a date-time", "core.invalid.expected.when"),
    ("a string, a byte array, or a Buffer", "core.invalid.expected.content"),
    ("a string, a byte array, a Buffer, or { content, encoding }", "core.invalid.expected.body"),
    ("an address: \"Name <a@example.com>\" or { name, address }", "core.invalid.expected.address"),
    ("an address (\"Name <a@example.com>\" or { name, address }) or a list of them", "core.invalid.expected.addresses"),
    ("a header value: a text, a number, a list of texts or { value, prepared }", "core.invalid.expected.header-value"),
    ("an object of header values or a list of { key, value }", "core.invalid.expected.headers"),
    ("a text or a list of texts", "core.invalid.expected.texts"),
    ("a URL, { url, comment } or a list of them", "core.invalid.expected.list-urls"),
    ("an object of List-* fields ({ unsubscribe, id, help… })", "core.invalid.expected.list-fields"),
    ("an iCalendar text or { content, method, filename, encoding, headers }", "core.invalid.expected.ical-event"),
    ("a text or false", "core.invalid.expected.text-or-false"),
    ("a text (Nodemailer writes no field for a list or an object)", "core.invalid.expected.field-text"),
    ("a URL or { url, comment } (Nodemailer leaves out the URLs of a list nested deeper)", "core.invalid.expected.list-url"),
    ("an object of message fields (from, to, subject, text, html, attachments…)", "core.invalid.expected.fields"),
];

impl Expected {
    /// serde's description read into a label; a derived struct ("struct
    /// Options") and a map are objects.
    pub fn read(text: &str) -> Expected {
        let text = text.trim();
        if let Some((_, label)) = EXPECTATIONS.iter().find(|(english, _)| *english == text) {
            return Expected::Label(label);
        }
        if text.starts_with("struct ") || text.starts_with("a map of ") {
            return Expected::Label("core.invalid.expected.object");
        }
        Expected::Unworded(quoted(text))
    }
}

/// Deepest nesting of arrays and objects read in any JSON input (options,
/// compose fields, scenarios, SMTP settings, custom rules): serde_json's
/// recursion limit, which stops before the nesting costs stack. The wasm
/// bindings check a JavaScript value against it before converting it
/// (`wasm::nested_within`): their converter recurses once per level.
pub const MAX_JSON_DEPTH: usize = 128;

/// The error text of content that is neither text nor bytes nor Node's JSON
/// form of a Buffer (a stream, `{ content }`), read back as `What::UnreadableContent`.
pub const UNREADABLE_CONTENT: &str = "a stream or an object that is no Buffer";

/// The error text of a body given as `{ path }` or `{ href }` (a file or a URL
/// the engine cannot read), read back as `What::UnreadableSource`.
pub const UNREADABLE_SOURCE: &str = "a file path or a URL, which the engine cannot read";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// Not JSON at all; line and column of the fault (1-based).
    NotJson { line: usize, column: usize },
    /// Nested deeper than `MAX_JSON_DEPTH`.
    TooDeep,
    /// A field the object does not take; `known` lists those it does (empty: none).
    UnknownField { name: String, known: Vec<String> },
    /// A value not among the possible ones.
    UnknownValue { name: String, known: Vec<String> },
    MissingField { name: String },
    DuplicateField { name: String },
    /// A value of the wrong kind, with the value when serde quotes it.
    WrongType { found: Found, value: Option<String>, expected: Expected },
    /// A value of the right kind that does not fit (a negative port).
    WrongValue { value: String, expected: Expected },
    WrongLength { length: usize, expected: Expected },
    /// A value that is none of the forms the field takes.
    Shape { expected: Expected },
    /// A number outside `min..=max` (as written).
    Range { value: String, min: String, max: String },
    /// A number outside the interval from 0 (excluded) to `max`.
    AboveZero { value: String, max: String },
    NotWholeNumber { value: String },
    NotNumber { value: String },
    /// A number JSON cannot hold (`Infinity`, `-Infinity`, `NaN`), as the caller gave it.
    NotFinite { value: String },
    NotFlag { value: String },
    NotTextList,
    ItemNotText { index: usize },
    TooMany { count: usize, max: usize },
    ItemTooLong { index: usize, bytes: usize, max: usize },
    /// A name that is not one of the known ones, with the closest when it is close.
    UnknownName { name: String, suggestion: Option<String> },
    NotDomain { text: String },
    NotDkimKeyName { text: String },
    /// A value `JSON.stringify` refuses (a cycle, a BigInt).
    NotJsonCompatible,
    /// An attachment given by `path` or `href`, which the engine cannot read.
    UnreadableSource,
    /// A part given `content` and also `path` or `href`, which Nodemailer sends
    /// instead of `content` and the engine cannot read.
    SourceOverContent,
    /// Content given as a stream or another object than a Buffer (`UNREADABLE_CONTENT`).
    UnreadableContent,
    UnknownEncoding { name: String, known: String },
    /// A value of the wrong kind where one of some texts goes (`locale: 5`).
    NotChoice { found: Found, known: Vec<String> },
    /// The problems of the custom rules, each a message of its own (at most
    /// `listed`), and how many more there are.
    Problems { problems: Vec<Nested>, more: usize },
    /// serde words this module does not read (shown as they are: English).
    Unworded(String),
}

impl Invalid {
    pub fn new(path: impl Into<String>, what: What) -> Invalid {
        Invalid { path: path.into(), what }
    }

    /// A serde_json error. Its text is read by `from_serde`, which already
    /// knows serde_json's syntax faults (`SYNTAX`: the compose input wraps them
    /// in its field paths) and the " at line L column C" they end with.
    /// `root` names the whole input.
    pub fn from_json(error: &serde_json::Error, root: &str) -> Invalid {
        Invalid::from_serde(&error.to_string(), root)
    }

    /// `T` from JSON text, or what is wrong with it, with the path of the field
    /// at fault (`json_path_at` the position serde_json gives) when serde's own
    /// text does not name one. An escaped lone surrogate (`"\ud800"`) reads as
    /// U+FFFD (`hygiene::lone_surrogates_replaced`), as the bindings read the
    /// same value given as a JavaScript object: serde_json refuses it, so the
    /// native `Options::from_json` had refused options the npm package takes.
    /// Same length: the positions of errors hold.
    pub fn parse<T: serde::de::DeserializeOwned>(json: &str, root: &str) -> Result<T, Invalid> {
        let json = &*crate::hygiene::lone_surrogates_replaced_in(json);
        super::objects_only::from_str(json).map_err(|error| {
            let mut invalid = Invalid::from_json(&error, root);
            if invalid.path == root {
                // A missing field is found at the end of its object, after its
                // last key: the path is the object's, not that key's.
                let whole_object = matches!(invalid.what, What::MissingField { .. });
                // An empty list refused where an object goes (`objects_only`) is
                // reported on its closing `]`: the path is the list's, past it.
                let list_closed = matches!(invalid.what, What::WrongType { found: Found::List, .. })
                    && char_at(json, error.line(), error.column()) == Some(b']');
                let column = error.column() + usize::from(list_closed);
                if let Some(path) = json_path_at(json, error.line(), column, whole_object) {
                    invalid.path = path;
                }
            }
            if invalid.what == What::TooDeep {
                invalid.path = shortened_path(&invalid.path);
            }
            if matches!(invalid.what, What::NotJson { .. }) {
                if let Some(what) = not_a_choice::<T>(json, error.line(), error.column()) {
                    invalid.what = what;
                }
            }
            invalid
        })
    }

    /// serde's text of a value that does not fit, read into its parts. The
    /// compose input prefixes its errors with the field's path (`attachments[1]: `).
    pub fn from_serde(text: &str, root: &str) -> Invalid {
        let text = text.strip_prefix("Error: ").unwrap_or(text);
        let (text, position) = strip_position(text);
        let (path, rest) = split_path(text);
        let path = if path.is_empty() { root.to_string() } else { path };
        // A syntax fault met inside a field the compose input reads itself.
        let what = if rest.starts_with("recursion limit exceeded") {
            What::TooDeep
        } else if SYNTAX.iter().any(|opening| rest.starts_with(opening)) {
            let (line, column) = position.unwrap_or((0, 0));
            What::NotJson { line, column }
        } else {
            read_problem(rest)
        };
        Invalid::new(path, what)
    }

    /// Whether every part of the error is in the catalogue (a test asserts it
    /// for every field of every input type).
    pub fn is_worded(&self) -> bool {
        let expected = match &self.what {
            What::Unworded(_) => return false,
            What::WrongType { expected, .. }
            | What::WrongValue { expected, .. }
            | What::WrongLength { expected, .. }
            | What::Shape { expected } => expected,
            _ => return true,
        };
        matches!(expected, Expected::Label(_))
    }

    /// The message, opening with what is not valid.
    pub fn message(&self, subject: Subject) -> Msg {
        let msg = |id: &'static str| Msg::new(id).label_id("invalid", subject.label()).text("path", self.path.clone());
        let with_expected = |msg: Msg, expected: &Expected| match expected {
            Expected::Label(label) => msg.label_id("expected", label),
            Expected::Unworded(text) => msg.text("expected", text.clone()),
        };
        match &self.what {
            What::NotJson { line, column } => msg("core.invalid.not-json").int("line", *line).int("column", *column),
            What::TooDeep => msg("core.invalid.too-deep").int("limit", MAX_JSON_DEPTH as i64),
            What::UnknownField { name, known } if known.is_empty() => {
                msg("core.invalid.unknown-field-none").text("name", name.clone())
            }
            What::UnknownField { name, known } => {
                msg("core.invalid.unknown-field").text("name", name.clone()).text("known", list(known))
            }
            What::UnknownValue { name, known } => {
                msg("core.invalid.unknown-value").text("name", name.clone()).choices("known", choices(known))
            }
            What::NotChoice { found, known } => {
                msg("core.invalid.wrong-type-choices").label_id("found", found.label()).choices("known", choices(known))
            }
            What::MissingField { name } => msg("core.invalid.missing-field").text("name", name.clone()),
            What::DuplicateField { name } => msg("core.invalid.duplicate-field").text("name", name.clone()),
            What::WrongType { found, value: Some(value), expected } => with_expected(
                msg("core.invalid.wrong-type-value").label_id("found", found.label()).text("value", value.clone()),
                expected,
            ),
            What::WrongType { found, value: None, expected } => {
                with_expected(msg("core.invalid.wrong-type").label_id("found", found.label()), expected)
            }
            What::WrongValue { value, expected } => {
                with_expected(msg("core.invalid.wrong-value").text("value", value.clone()), expected)
            }
            What::WrongLength { length, expected } => {
                with_expected(msg("core.invalid.wrong-length").int("length", *length), expected)
            }
            What::Shape { expected } => with_expected(msg("core.invalid.shape"), expected),
            What::Range { value, min, max } => msg("core.invalid.range")
                .text("value", value.clone())
                .text("min", min.clone())
                .text("max", max.clone()),
            What::AboveZero { value, max } => {
                msg("core.invalid.above-zero").text("value", value.clone()).text("max", max.clone())
            }
            What::NotWholeNumber { value } => msg("core.invalid.not-whole-number").text("value", value.clone()),
            What::NotNumber { value } => msg("core.invalid.not-number").text("value", value.clone()),
            What::NotFinite { value } => msg("core.invalid.not-finite").text("value", value.clone()),
            What::NotFlag { value } => msg("core.invalid.not-flag").text("value", value.clone()),
            What::NotTextList => msg("core.invalid.not-text-list"),
            What::ItemNotText { index } => msg("core.invalid.item-not-text").int("index", *index),
            What::TooMany { count, max } => msg("core.invalid.too-many").int("count", *count).int("max", *max),
            What::ItemTooLong { index, bytes, max } => {
                msg("core.invalid.item-too-long").int("index", *index).int("bytes", *bytes).int("max", *max)
            }
            What::UnknownName { name, suggestion: Some(best) } => {
                msg("core.invalid.unknown-name-close").text("name", name.clone()).text("suggestion", best.clone())
            }
            What::UnknownName { name, suggestion: None } => msg("core.invalid.unknown-name").text("name", name.clone()),
            What::NotDomain { text } => msg("core.invalid.not-domain").text("text", text.clone()),
            What::NotDkimKeyName { text } => msg("core.invalid.not-dkim-key-name").text("text", text.clone()),
            What::NotJsonCompatible => msg("core.invalid.not-json-compatible"),
            What::UnreadableSource => msg("core.invalid.unreadable-source"),
            What::SourceOverContent => msg("core.invalid.source-over-content"),
            What::UnreadableContent => msg("core.invalid.unreadable-content"),
            What::UnknownEncoding { name, known } => {
                msg("core.invalid.unknown-encoding").text("name", name.clone()).text("known", known.clone())
            }
            What::Problems { problems, more: 0 } => msg("core.invalid.custom-rules").messages("problems", problems.clone()),
            What::Problems { problems, more } => {
                msg("core.invalid.custom-rules-more").messages("problems", problems.clone()).int("more", *more)
            }
            What::Unworded(text) => {
                Msg::new("core.invalid.detail").label_id("invalid", subject.label()).text("detail", text.clone())
            }
        }
    }
}

/// The error in English without its first words ("rules: unknown name …"),
/// for logs and tests.
impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let locale = crate::i18n::Locale::En;
        let text = self.message(Subject::Options).render(locale);
        let subject = crate::i18n::text(Subject::Options.label(), locale);
        let detail = text.strip_prefix(subject).and_then(|t| t.strip_prefix(": ")).unwrap_or(&text);
        f.write_str(detail)
    }
}

/// A value or name as the error quotes it: visible, and cut.
pub fn quoted(text: &str) -> String {
    crate::hygiene::visible(text, MAX_QUOTED_CHARS)
}

/// The names a value may take, as many as an error lists.
fn choices(names: &[String]) -> Vec<String> {
    names.iter().take(MAX_LISTED_NAMES).cloned().collect()
}

fn list(names: &[String]) -> String {
    let mut out: Vec<&str> = names.iter().take(MAX_LISTED_NAMES).map(String::as_str).collect();
    if names.len() > MAX_LISTED_NAMES {
        out.push("…");
    }
    out.join(", ")
}

/// The first levels of a path nested too deep (`thresholds.a.a.a…`): its
/// `MAX_JSON_DEPTH` levels name the field no better than its first ones.
fn shortened_path(path: &str) -> String {
    const LEVELS_SHOWN: usize = 4;
    let mut ends = path.match_indices(['.', '[']).map(|(at, _)| at).filter(|&at| at > 0);
    match ends.nth(LEVELS_SHOWN - 1) {
        Some(at) => format!("{}…", &path[..at]),
        None => path.to_string(),
    }
}

/// serde_json refuses a value of the wrong kind for an enum of names
/// (`"locale": 5`) as a syntax fault ("expected value"): when the text is JSON
/// after all, what is at fault is the kind of the value. The names it may take
/// are those serde lists when a text that is none of them stands there instead.
fn not_a_choice<T: serde::de::DeserializeOwned>(json: &str, line: usize, column: usize) -> Option<What> {
    const NOT_A_NAME: &str = "\u{1}not-a-name";
    let mut value: serde_json::Value = serde_json::from_str(json).ok()?;
    let segments = json_segments_at(json, line, column, false);
    let mut at = &mut value;
    for segment in &segments {
        at = match segment {
            Segment::Key(key) => at.get_mut(key.as_str())?,
            Segment::Index(index) => at.get_mut(*index)?,
        };
    }
    let found = match at {
        serde_json::Value::Null => Found::Null,
        serde_json::Value::Bool(_) => Found::Boolean,
        serde_json::Value::Number(_) => Found::Number,
        serde_json::Value::String(_) => return None,
        serde_json::Value::Array(_) => Found::List,
        serde_json::Value::Object(_) => Found::Object,
    };
    *at = serde_json::Value::String(NOT_A_NAME.to_string());
    // Read again from text, not with `from_value`: a second deserializer type
    // would compile every options type's Deserialize once more (#14: +74 KB of
    // wasm); this is the refusal's path only, so writing the text costs nothing.
    let text = serde_json::to_string(&value).ok()?;
    let known = match serde_json::from_str::<T>(&text).map(|_| ()).map_err(|e| read_problem(&e.to_string())) {
        Err(What::UnknownValue { name, known }) if name == quoted(NOT_A_NAME) => known,
        _ => Vec::new(),
    };
    Some(if known.is_empty() {
        What::WrongType { found, value: None, expected: Expected::Label("core.invalid.expected.text") }
    } else {
        What::NotChoice { found, known }
    })
}

/// One step of a path in a JSON value.
enum Segment {
    Key(String),
    Index(usize),
}

/// The path of the value at a (1-based) line and column of `json`, as far as
/// the text up to there says it: `smtp.port`, `customRules[0].severity`. A key
/// read without its colon yet is not part of it (serde names an unknown field
/// itself). None at the root, or past the end. `whole_object`: the path of the
/// innermost object itself, without the key last read in it.
/// The byte at serde_json's `line` and `column` (1-based).
fn char_at(json: &str, line: usize, column: usize) -> Option<u8> {
    let line_start = if line <= 1 { 0 } else { memchr::memchr_iter(b'\n', json.as_bytes()).nth(line - 2)? + 1 };
    json.as_bytes().get(line_start + column.checked_sub(1)?).copied()
}

fn json_path_at(json: &str, line: usize, column: usize, whole_object: bool) -> Option<String> {
    let mut path = String::new();
    for segment in json_segments_at(json, line, column, whole_object) {
        match segment {
            Segment::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&quoted(&key));
            }
            Segment::Index(index) => path.push_str(&format!("[{index}]")),
        }
    }
    (!path.is_empty()).then_some(path)
}

/// `json_path_at`, as its steps.
fn json_segments_at(json: &str, line: usize, column: usize, whole_object: bool) -> Vec<Segment> {
    enum Frame {
        Object { key: Option<String>, value: bool },
        List { index: usize },
    }
    let bytes = json.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        match memchr::memchr_iter(b'\n', bytes).nth(line - 2) {
            Some(at) => at + 1,
            None => return Vec::new(),
        }
    };
    let mut end = (line_start + column.saturating_sub(1)).min(bytes.len());
    // serde_json's column is that of the last character it read: a value
    // refused before it is read (a list where an object goes, in text with no
    // spaces) leaves it on the `:` or `,` before that value.
    if matches!(bytes.get(end), Some(b':' | b',')) {
        end += 1;
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, value: false }),
            b'[' => stack.push(Frame::List { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::List { index }) => *index += 1,
                Some(Frame::Object { key, value }) => (*key, *value) = (None, false),
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { value, .. }) = stack.last_mut() {
                    *value = true;
                }
            }
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, value: false }) = stack.last_mut() {
                    let raw = &json[start..i.min(bytes.len())];
                    *key = Some(serde_json::from_str(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    if whole_object {
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }
    let mut segments = Vec::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), value: true } => segments.push(Segment::Key(key)),
            Frame::Object { .. } => break,
            Frame::List { index } => segments.push(Segment::Index(index)),
        }
    }
    segments
}

/// How serde_json's syntax and end-of-input faults open (every `ErrorCode` but
/// `Message`, `Io` and `RecursionLimitExceeded`, which `from_serde` reads itself).
const SYNTAX: &[&str] = &[
    "EOF while parsing",
    "expected `",
    "expected ident",
    "expected value",
    "invalid escape",
    "invalid number",
    "number out of range",
    "invalid unicode code point",
    "control character",
    "key must be",
    "float key must be finite",
    "lone leading surrogate",
    "trailing comma",
    "trailing characters",
    "unexpected end of hex escape",
    "invalid value: expected key to be a number in quotes",
];

/// serde_json's " at line L column C" suffix: the text before it, and the position.
fn strip_position(text: &str) -> (&str, Option<(usize, usize)>) {
    if let Some(at) = text.rfind(" at line ") {
        if let Some((line, column)) = text[at + 9..].split_once(" column ") {
            if let (Ok(line), Ok(column)) = (line.parse(), column.parse()) {
                return (&text[..at], Some((line, column)));
            }
        }
    }
    (text, None)
}

/// The path the compose input writes before an error (`to: `, `attachments[1]: `,
/// `[2]: `), and the rest.
fn split_path(text: &str) -> (String, &str) {
    let mut path = String::new();
    let mut rest = text;
    loop {
        let name_len =
            rest.bytes().take_while(|&b| b.is_ascii_alphanumeric() || b"_$.-".contains(&b)).count();
        let mut end = name_len;
        while rest[end..].starts_with('[') {
            let digits = rest[end + 1..].bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || !rest[end + 1 + digits..].starts_with(']') {
                break;
            }
            end += digits + 2;
        }
        if end == 0 || !rest[end..].starts_with(": ") {
            return (path, rest);
        }
        // "invalid type: …" and the other serde openings are not paths.
        let segment = &rest[..end];
        // Nor is a JavaScript error's name ("TypeError: …" from serde_wasm_bindgen).
        if ["invalid", "unknown", "missing", "duplicate"].contains(&segment) || segment.ends_with("Error") {
            return (path, rest);
        }
        if !path.is_empty() && !segment.starts_with('[') {
            path.push('.');
        }
        path.push_str(segment);
        rest = &rest[end + 2..];
    }
}

fn read_problem(text: &str) -> What {
    let text = ["TypeError: ", "RangeError: ", "Error: "].iter().find_map(|name| text.strip_prefix(name)).unwrap_or(text);
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let (name, rest) = backticked(rest);
        return What::UnknownField { name: quoted(&name), known: known_names(rest) };
    }
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (name, rest) = backticked(rest);
        return What::UnknownValue { name: quoted(&name), known: known_names(rest) };
    }
    if text == UNREADABLE_CONTENT {
        return What::UnreadableContent;
    }
    if text == UNREADABLE_SOURCE {
        return What::UnreadableSource;
    }
    if let Some(rest) = text.strip_prefix("missing field ") {
        return What::MissingField { name: quoted(&backticked(rest).0) };
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        return What::DuplicateField { name: quoted(&backticked(rest).0) };
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        if let Some((found, value, expected)) = unexpected(rest) {
            return What::WrongType { found, value, expected: Expected::read(expected) };
        }
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        if let Some((found, value, expected)) = unexpected(rest) {
            let value = value.unwrap_or_else(|| quoted(found_word(found)));
            return What::WrongValue { value, expected: Expected::read(expected) };
        }
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        if let Some((length, expected)) = rest.split_once(", expected ") {
            if let Ok(length) = length.parse() {
                return What::WrongLength { length, expected: Expected::read(expected) };
            }
        }
    }
    // serde_wasm_bindgen reading a list or an object's field from a value that
    // is neither (JavaScript's own TypeError).
    if text.starts_with("data did not match any variant of untagged enum ") || text.starts_with("Reflect.get called on non-object") {
        return What::Shape { expected: Expected::Label("core.invalid.expected.documented") };
    }
    // The options' own checks inside deserialisation (`options::whole_number`).
    if let Some((value, range)) = text.split_once(" is outside ") {
        if let Some((min, max)) = range.split_once(" to ") {
            return What::Range { value: quoted(value), min: quoted(min), max: quoted(max) };
        }
    }
    if let Some(value) = text.strip_suffix(" is not a whole number") {
        return What::NotWholeNumber { value: quoted(value) };
    }
    match Expected::read(text) {
        Expected::Label(label) => What::Shape { expected: Expected::Label(label) },
        Expected::Unworded(_) => What::Unworded(quoted(text)),
    }
}

/// The name between backticks at the start of `text`, and what follows it.
/// The name may hold backticks and commas itself, so it ends at the last
/// backtick before serde's own words (", expected …", ", there are no …").
fn backticked(text: &str) -> (String, &str) {
    let Some(inner) = text.strip_prefix('`') else { return (String::new(), text) };
    let stop = [", expected ", ", there are no "].iter().filter_map(|words| inner.rfind(words)).max();
    let stop = stop.unwrap_or(inner.len());
    match inner[..stop].rfind('`') {
        Some(end) => (inner[..end].to_string(), &inner[end + 1..]),
        None => (inner[..stop].to_string(), &inner[stop..]),
    }
}

/// The names serde lists after ", expected ": "`a`", "`a` or `b`", "one of `a`, `b`, `c`"
/// (serde's `OneOf`); none after ", there are no …". The names are the
/// engine's own (fields, values), so none holds a backtick.
fn known_names(rest: &str) -> Vec<String> {
    let Some(list) = rest.strip_prefix(", expected ") else { return Vec::new() };
    let list = list.strip_prefix("one of ").unwrap_or(list);
    // Backticked names sit at the odd places between backticks.
    list.split('`').skip(1).step_by(2).map(quoted).collect()
}

/// serde's description of the value it met ("integer `5`", "string \"x\"",
/// "sequence", serde_json's "null") and the description of what it expected.
fn unexpected(text: &str) -> Option<(Found, Option<String>, &str)> {
    // serde_wasm_bindgen names a JavaScript value it cannot read by its debug
    // form, `JsValue(10n)`, `JsValue(Function(f))`, `JsValue(Object({…}))`.
    if let Some(inner) = text.strip_prefix("JsValue(") {
        let at = inner.rfind("), expected ")?;
        let found = match inner.as_bytes().first() {
            Some(b'[') => Found::List,
            Some(b'0'..=b'9' | b'-') => Found::Number,
            _ if inner.starts_with("Object(") || inner.starts_with("Date") || inner.starts_with("Map") => Found::Object,
            _ if inner.starts_with("Function") => Found::Function,
            _ => Found::Other,
        };
        return Some((found, None, &inner[at + "), expected ".len()..]));
    }
    const KINDS: &[(&str, Found)] = &[
        ("boolean ", Found::Boolean),
        ("integer ", Found::Number),
        ("floating point ", Found::Number),
        ("character ", Found::Text),
        ("string ", Found::Text),
    ];
    for (word, found) in KINDS {
        if let Some(rest) = text.strip_prefix(word) {
            let (value, after) = if let Some(inner) = rest.strip_prefix('`') {
                let end = inner.find('`')?;
                (&inner[..end], &inner[end + 1..])
            } else if rest.starts_with('"') {
                let end = debug_string_end(rest)?;
                (&rest[..end], &rest[end..])
            } else {
                return None;
            };
            let expected = after.strip_prefix(", expected ")?;
            // serde writes a whole float as `5.0`; JavaScript (every number is
            // one there) and the sender wrote 5.
            let value = match value.strip_suffix(".0") {
                Some(whole) if *word == "floating point " && whole.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit()) => whole,
                _ => value,
            };
            return Some((*found, Some(quoted(value)), expected));
        }
    }
    const BARE: &[(&str, Found)] = &[
        ("null", Found::Null),
        ("unit value", Found::Null),
        ("sequence", Found::List),
        ("map", Found::Object),
        ("byte array", Found::Bytes),
        ("Option value", Found::Other),
        ("newtype struct", Found::Other),
        ("enum", Found::Other),
        ("unit variant", Found::Other),
        ("newtype variant", Found::Other),
        ("tuple variant", Found::Other),
        ("struct variant", Found::Other),
    ];
    for (word, found) in BARE {
        if let Some(expected) = text.strip_prefix(word).and_then(|rest| rest.strip_prefix(", expected ")) {
            return Some((*found, None, expected));
        }
    }
    None
}

/// The end (after the closing quote) of the Rust debug string at the start of `text`.
fn debug_string_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

fn found_word(found: Found) -> &'static str {
    match found {
        Found::Null => "null",
        Found::List => "[…]",
        Found::Object => "{…}",
        _ => "…",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Invalid {
        Invalid::from_serde(text, "options")
    }

    #[test]
    fn serde_texts_are_read_into_their_parts() {
        assert_eq!(
            read("unknown field `lang`, expected one of `$schema`, `locale`"),
            Invalid::new("options", What::UnknownField { name: "lang".into(), known: vec!["$schema".into(), "locale".into()] })
        );
        assert_eq!(
            read("unknown field `x`, there are no fields").what,
            What::UnknownField { name: "x".into(), known: vec![] }
        );
        assert_eq!(
            read("unknown variant `loud`, expected one of `off`, `info`").what,
            What::UnknownValue { name: "loud".into(), known: vec!["off".into(), "info".into()] }
        );
        assert_eq!(
            read("unknown variant `mac`, expected `unix` or `windows`").what,
            What::UnknownValue { name: "mac".into(), known: vec!["unix".into(), "windows".into()] }
        );
        assert_eq!(read("unknown field `nw`, expected `now`").what, What::UnknownField { name: "nw".into(), known: vec!["now".into()] });
        assert_eq!(read("missing field `name`").what, What::MissingField { name: "name".into() });
        assert_eq!(read("duplicate field `to`").what, What::DuplicateField { name: "to".into() });
        assert_eq!(
            read("subject: invalid type: floating point `5.0`, expected a string"),
            Invalid::new(
                "subject",
                What::WrongType {
                    found: Found::Number,
                    value: Some("5".into()),
                    expected: Expected::Label("core.invalid.expected.text")
                }
            )
        );
        assert_eq!(
            read("invalid type: string \"x, expected y\", expected f64").what,
            What::WrongType {
                found: Found::Text,
                value: Some("\"x, expected y\"".into()),
                expected: Expected::Label("core.invalid.expected.number")
            }
        );
        assert_eq!(
            read("attachments[1]: invalid type: map, expected a string, a byte array, or a Buffer"),
            Invalid::new(
                "attachments[1]",
                What::WrongType { found: Found::Object, value: None, expected: Expected::Label("core.invalid.expected.content") }
            )
        );
        assert_eq!(read("to: [2]: invalid type: null, expected a string").path, "to[2]");
        assert_eq!(read("headers: a text or a list of texts").what, What::Shape { expected: Expected::Label("core.invalid.expected.texts") });
        assert_eq!(
            read("invalid value: integer `-1`, expected u32").what,
            What::WrongValue { value: "-1".into(), expected: Expected::Label("core.invalid.expected.natural") }
        );
        assert_eq!(
            read("invalid type: sequence, expected struct Options").what,
            What::WrongType { found: Found::List, value: None, expected: Expected::Label("core.invalid.expected.object") }
        );
        assert_eq!(
            read("smtp.port: 70000 is outside 1 to 65535"),
            Invalid::new("smtp.port", What::Range { value: "70000".into(), min: "1".into(), max: "65535".into() })
        );
        assert_eq!(read("Error: smtp.port: \"x\" is not a whole number").what, What::NotWholeNumber { value: "\"x\"".into() });
        assert_eq!(read("unknown field `a`, expected `b` at line 1 column 5").what, What::UnknownField { name: "a".into(), known: vec!["b".into()] });
        assert_eq!(
            read("invalid type: JsValue(Object({\"a\":\"x), expected y\"})), expected a string").what,
            What::WrongType { found: Found::Object, value: None, expected: Expected::Label("core.invalid.expected.text") }
        );
        assert_eq!(
            read("invalid type: JsValue(10n), expected a list").what,
            What::WrongType { found: Found::Number, value: None, expected: Expected::Label("core.invalid.expected.list") }
        );
        assert!(read("invalid type: JsValue(Symbol(x)), expected any value").is_worded());
        // A function is said to be one (`text: () => 'x'`), not "a boolean (true)".
        assert!(matches!(read("invalid type: JsValue(Function(f)), expected a string").what, What::WrongType { found: Found::Function, .. }));
        assert_eq!(read(&format!("attachments: [0]: content: {UNREADABLE_CONTENT}")).what, What::UnreadableContent);
        assert!(read("Reflect.get called on non-object").is_worded());
        assert_eq!(read("attachments: TypeError: Reflect.get called on non-object").path, "attachments");
        assert!(!read("something serde never says").is_worded());
        assert!(!read("invalid type: null, expected a frobnicator").is_worded());
    }

    #[test]
    fn the_path_of_a_refused_value_is_read_from_its_position() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Smtp {
            port: u16,
            host: Option<String>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Top {
            #[serde(rename = "listedIps")]
            listed_ips: Option<Vec<String>>,
            smtp: Option<Smtp>,
            rules: Option<std::collections::BTreeMap<String, bool>>,
        }
        let path = |json: &str| Invalid::parse::<Top>(json, "options").unwrap_err().path;
        assert_eq!(path(r#"{"listedIps": "x"}"#), "listedIps");
        assert_eq!(path(r#"{"listedIps": ["a", 5]}"#), "listedIps[1]");
        assert_eq!(path(r#"{"listedIps": [], "smtp": {"host": "h", "port": "465"}}"#), "smtp.port");
        assert_eq!(path("{\n \"smtp\": {\n  \"port\": [1]\n }\n}"), "smtp.port");
        assert_eq!(path(r#"{"smtp": {"porte": 1}}"#), "smtp");
        assert_eq!(path(r#"{"rules": {"a\"b": 1}}"#), "rules.a\"b");
        assert_eq!(path(r#"{"smtp": {"port": 1, "host": 5}}"#), "smtp.host");
        // A list is no object: refused as one (`objects_only`), where serde's derive read it as the fields in order.
        assert_eq!(path("[1]"), "options");
        assert_eq!(path(r#"{"smtp": [["h"]]}"#), "smtp");
        assert_eq!(path(r#"{"smtp": []}"#), "smtp", "an empty list is refused on its `]`");
        assert_eq!(path(r#"{"listedIps": [], "smtp": [ ] }"#), "smtp");
        let what = Invalid::parse::<Top>(r#"{"smtp": []}"#, "options").unwrap_err().what;
        let object = Expected::Label("core.invalid.expected.object");
        assert_eq!(what, What::WrongType { found: Found::List, value: None, expected: object });
        assert_eq!(path("5"), "options");
        assert_eq!(path(r#"{"bogus": 1}"#), "options");
        // A missing field is the object's fault, not that of the key read last in it.
        assert_eq!(path(r#"{"listedIps": [], "smtp": {"host": "h"}}"#), "smtp");
        assert_eq!(path(r#"{"smtp": {}}"#), "smtp");
    }

    #[test]
    fn hostile_names_are_quoted_visibly_and_cut() {
        let name = format!("a`b\u{202e}{}", "x".repeat(10_000));
        let invalid = read(&format!("unknown field `{name}`, expected `c`"));
        let What::UnknownField { name, known } = invalid.what else { panic!() };
        assert!(name.chars().count() <= MAX_QUOTED_CHARS + 1, "{}", name.len());
        assert!(!name.contains('\u{202e}'));
        assert_eq!(known, vec!["c".to_string()]);
        // Nothing serde could write makes the reader fail.
        for text in ["", ":", ": ", "[", "[1", "[1]: ", "a[: b", "invalid type: ", "invalid type: string \"", "unknown field `", "x is outside "] {
            let _ = read(text);
        }
    }
}
