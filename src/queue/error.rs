//! Why a scenario cannot be simulated: a coded error that names the field.

use crate::hygiene::visible;
use crate::error::{Invalid, Subject};
use crate::i18n::{Locale, Msg};

/// Longest part of the input an error quotes (a zone name, a detail), in characters.
const MAX_QUOTED_CHARS: usize = 300;

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A whole number outside its documented range (or not a whole number).
    Range { min: i128, max: i128 },
    /// A number outside `min..=max` (shares, ratios, rates).
    Number { min: f64, max: f64 },
    /// Not an IANA time zone of the table.
    TimeZone { name: String },
    /// A date-time that does not read.
    DateTime { text: String },
    /// A text longer than its limit, in characters (bytes for messages and logs).
    TooLong { max: usize },
    /// More entries than the limit.
    TooMany { max: usize },
    /// Before the scenario start (or `takenAt` after it).
    BeforeStart,
    /// A logged time more than `max` seconds after the scenario start.
    OutsideSpan { max: u64 },
    /// Given together with a field it excludes.
    Conflict { with: &'static str },
    /// A line of a send log that does not read.
    LogLine { line: usize, detail: LogProblem },
    /// Not one e-mail address (`local@domain`), or none where one is needed.
    Email { text: String },
    /// The send logs hold more lines, all streams together, than the limit.
    TooManyLogLines { limit: u64 },
    /// A counter of the snapshot (`sentToday`, `bounce`, the error log's
    /// entries) larger than the total sent `service.sent`, which counts them.
    AboveSent { value: u64, sent: u64 },
    /// A second history (`volumes`) entry for a local day already listed.
    DuplicateDay { date: String },
    /// A history (`volumes`) day after the day the snapshot was taken (`takenAt`).
    AfterSnapshot,
}

/// What is wrong with a send-log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogProblem {
    /// No time column, or a time that does not read.
    Time,
    /// A status that is neither delivered nor an error (nor an SMTP reply).
    Status,
    /// A JSON line that is not an object, or a CSV line with too few columns.
    Shape,
    /// No status: no status column or field, or a line that stops before it.
    NoStatus,
    /// A time outside the range of `start` (1970–2100).
    TimeRange,
    /// More CSV cells than the header's columns where the status is not the
    /// last column (an unquoted separator; the cells cannot be told apart).
    Unquoted,
}

/// Why a scenario cannot be simulated.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioError {
    /// The JSON does not parse, has unknown fields or a value of the wrong type.
    Json(Invalid),
    /// A field out of its range, with the field's path (`thresholds.bucketSeconds`, `streams[2].rate`).
    Invalid {
        field: String,
        problem: Problem,
    },
    TooManyMails {
        count: u64,
        limit: u64,
    },
    TooManyStreams {
        count: usize,
        limit: usize,
    },
    TooManyActions {
        count: usize,
        limit: usize,
    },
    /// A stream's message could not be classified (too large), with the reason.
    Message {
        field: String,
        detail: String,
    },
}

impl ScenarioError {
    pub(crate) fn invalid(field: impl Into<String>, problem: Problem) -> ScenarioError {
        ScenarioError::Invalid { field: field.into(), problem }
    }

    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            ScenarioError::Json(_) | ScenarioError::Invalid { .. } => "invalid-scenario",
            ScenarioError::TooManyMails { .. } => "too-many-mails",
            ScenarioError::TooManyStreams { .. } => "too-many-streams",
            ScenarioError::TooManyActions { .. } => "too-many-actions",
            ScenarioError::Message { .. } => "invalid-message",
        }
    }

    /// The scenario field at fault, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            ScenarioError::Invalid { field, .. } | ScenarioError::Message { field, .. } => Some(field),
            ScenarioError::TooManyMails { .. } => Some("streams"),
            ScenarioError::TooManyStreams { .. } => Some("streams"),
            ScenarioError::TooManyActions { .. } => Some("actions"),
            // The path of a JSON error names the field, unless it is the whole scenario.
            ScenarioError::Json(invalid) => Some(invalid.path.as_str()).filter(|path| *path != "scenario"),
        }
    }

    /// The error in the reader's language.
    pub fn localized(&self, locale: Locale) -> String {
        self.message().render(locale)
    }

    /// The error as a message id and its parameters, to render in any language
    /// (as `LintError::message`: the bindings give both to JavaScript).
    pub fn message(&self) -> Msg {
        match self {
            ScenarioError::Json(invalid) => invalid.message(Subject::Scenario),
            ScenarioError::Invalid { field, problem } => problem_message(field, problem),
            ScenarioError::TooManyMails { count, limit } => {
                Msg::new("queue.error.too-many-mails").int("count", *count).int("limit", *limit)
            }
            ScenarioError::TooManyStreams { count, limit } => {
                Msg::new("queue.error.too-many-streams").int("count", *count).int("limit", *limit)
            }
            ScenarioError::TooManyActions { count, limit } => {
                Msg::new("queue.error.too-many-actions").int("count", *count).int("limit", *limit)
            }
            ScenarioError::Message { field, detail } => Msg::new("queue.error.message")
                .text("field", field.clone())
                .text("detail", visible(detail, MAX_QUOTED_CHARS)),
        }
    }
}

fn problem_message(field: &str, problem: &Problem) -> Msg {
    let msg = |id| Msg::new(id).text("field", field.to_string());
    match problem {
        Problem::Range { min, max } => msg("queue.error.range")
            .int("min", i64::try_from(*min).unwrap_or(i64::MAX))
            .int("max", i64::try_from(*max).unwrap_or(i64::MAX)),
        Problem::Number { min, max } => {
            msg("queue.error.number").quantity("min", *min).quantity("max", *max)
        }
        Problem::TimeZone { name } => msg("queue.error.time-zone").text("zone", visible(name, MAX_QUOTED_CHARS)),
        Problem::DateTime { text } => msg("queue.error.date-time").text("text", visible(text, 60)),
        Problem::TooLong { max } => msg("queue.error.too-long").int("max", *max),
        Problem::TooMany { max } => msg("queue.error.too-many").int("max", *max),
        Problem::BeforeStart => msg("queue.error.before-start"),
        Problem::OutsideSpan { max } => msg("queue.error.outside-span").int("max", *max),
        Problem::Conflict { with } => msg("queue.error.conflict").text("with", with.to_string()),
        Problem::Email { text } => msg("queue.error.email").text("text", visible(text, 320)),
        Problem::TooManyLogLines { limit } => msg("queue.error.too-many-log-lines").int("limit", *limit),
        Problem::AboveSent { value, sent } => msg("queue.error.above-sent").int("value", *value).int("sent", *sent),
        Problem::DuplicateDay { date } => msg("queue.error.duplicate-day").text("date", visible(date, 60)),
        Problem::AfterSnapshot => msg("queue.error.after-snapshot"),
        Problem::LogLine { line, detail } => {
            let id = match detail {
                LogProblem::Time => "queue.error.log-time",
                LogProblem::Status => "queue.error.log-status",
                LogProblem::Shape => "queue.error.log-shape",
                LogProblem::NoStatus => "queue.error.log-no-status",
                LogProblem::TimeRange => "queue.error.log-time-range",
                LogProblem::Unquoted => "queue.error.log-unquoted",
            };
            msg(id).int("line", *line)
        }
    }
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localized(Locale::En))
    }
}

impl std::error::Error for ScenarioError {}
