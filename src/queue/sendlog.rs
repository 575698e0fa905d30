//! A send log replayed as a stream: what a site owner has (a mailer plugin's
//! CSV export, a script's JSON lines) becomes one mail per line, at its time,
//! to its recipient, returned in error when its status says so.
//!
//! - JSON lines: one object per line, `{"time": …, "to": …, "status": …}`.
//! - CSV (`,`, `;` or tab): a header naming the columns, or no header and the
//!   columns in the order time, recipient, status. Quoted fields per RFC 4180
//!   (within one line). The first row is the header when it names a time
//!   column and none of its cells reads as a time; any other first row is
//!   data, read (or refused with its line) like the rest, never dropped.
//!   More cells than columns: an unquoted separator in the reply, rejoined
//!   when the status is the last column, else refused with its line.
//! - A UTF-8 byte order mark at the start (Excel's "CSV UTF-8") is skipped.
//! - Times from 1970 to 2100, the range of `start`.
//!
//! Column names (any case): time `time|date|datetime|timestamp|sent|at`,
//! recipient `to|recipient|rcpt|email|address`, status
//! `status|reply|response|result|smtp|message`. A time is a date-time
//! (RFC 3339, or local time in the scenario's zone) or Unix seconds.

use super::error::{LogProblem, Problem, ScenarioError};
use super::limits::MAX_START;
use super::tz::Zone;
use crate::text::negation::{is_word_char, negated};

const TIME_NAMES: &[&str] = &["time", "date", "datetime", "timestamp", "sent", "sentat", "at"];
const RECIPIENT_NAMES: &[&str] = &["to", "recipient", "rcpt", "email", "address"];
const STATUS_NAMES: &[&str] = &["status", "reply", "response", "result", "smtp", "message"];
/// Longest recipient and reply kept per mail in error.
const MAX_DETAIL_CHARS: usize = 320;

/// A parsed log: mails sorted by time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SendLog {
    /// Unix seconds of each mail.
    pub times: Vec<i64>,
    /// The mail came back in error.
    pub errors: Vec<bool>,
    /// For mails in error, by index: the recipient and the reply as logged.
    pub details: Vec<(u32, String, String)>,
}

impl SendLog {
    /// Recipient and reply of mail `index`, when it is in error and the log names them.
    pub fn detail(&self, index: u64) -> Option<(&str, &str)> {
        let i = self.details.binary_search_by_key(&(index as u32), |(n, _, _)| *n).ok()?;
        let (_, to, reply) = &self.details[i];
        Some((to.as_str(), reply.as_str()))
    }
}

/// A line read, until the log is put in time order. Only a line in error keeps
/// its recipient and reply (`SendLog::details`), boxed: 16 bytes a line, where two
/// strings each, empty or not, had made a million-line log 64 MB.
struct Line {
    time: i64,
    /// The recipient and the reply of a line in error.
    error: Option<Box<(String, String)>>,
}

/// Reads a log; `field` names the stream's `log` field in errors; at most
/// `max_lines` mails (what `limit`, the limit of all logs together, leaves).
pub fn parse(text: &str, zone: &Zone, field: &str, max_lines: u64, limit: u64) -> Result<SendLog, ScenarioError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<Line> = Vec::new();
    let mut numbered = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).peekable();
    let is_json = numbered.peek().is_some_and(|(_, l)| l.trim_start().starts_with('{'));
    let bad = |line: usize, detail| ScenarioError::invalid(field, Problem::LogLine { line: line + 1, detail });
    let too_many = || ScenarioError::invalid(field, Problem::TooManyLogLines { limit });
    if is_json {
        for (n, line) in numbered {
            if lines.len() as u64 >= max_lines {
                return Err(too_many());
            }
            let value: serde_json::Value = serde_json::from_str(line).map_err(|_| bad(n, LogProblem::Shape))?;
            let object = value.as_object().ok_or_else(|| bad(n, LogProblem::Shape))?;
            let get = |names: &[&str]| {
                // Compared without a lowercased copy of each key, three times a line.
                object.iter().find(|(k, _)| names.iter().any(|name| k.eq_ignore_ascii_case(name))).map(|(_, v)| v)
            };
            let time = match get(TIME_NAMES) {
                Some(serde_json::Value::Number(n)) => n.as_i64(),
                Some(serde_json::Value::String(s)) => super::clock::parse_datetime(s, zone),
                _ => None,
            }
            .ok_or_else(|| bad(n, LogProblem::Time))?;
            check_range(time).map_err(|p| bad(n, p))?;
            let as_text = |v: Option<&serde_json::Value>| match v {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            let status = as_text(Some(get(STATUS_NAMES).ok_or_else(|| bad(n, LogProblem::NoStatus))?));
            let error = status_is_error(&status).ok_or_else(|| bad(n, LogProblem::Status))?;
            let error = error.then(|| Box::new((as_text(get(RECIPIENT_NAMES)), status)));
            lines.push(Line { time, error });
        }
    } else {
        let Some(&(_, first)) = numbered.peek() else { return Ok(SendLog::default()) };
        let separator = [',', ';', '\t'].into_iter().max_by_key(|s| first.matches(*s).count()).unwrap_or(',');
        let header: Vec<String> = split_csv(first, separator).iter().map(|c| c.trim().to_ascii_lowercase()).collect();
        let column = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
        // A header only when no cell reads as a time: a headerless row whose status
        // is `sent` also names a time column (`sent` is one of its names).
        let reads_as_data = header.iter().any(|cell| super::clock::parse_datetime(cell, zone).is_some());
        let (columns, skip_header) = match column(TIME_NAMES) {
            Some(time) if !reads_as_data => ((time, column(RECIPIENT_NAMES), column(STATUS_NAMES)), true),
            _ => ((0, Some(1), Some(2)), false),
        };
        let width = if skip_header { header.len() } else { 3 };
        if skip_header {
            numbered.next();
        }
        for (n, line) in numbered {
            if lines.len() as u64 >= max_lines {
                return Err(too_many());
            }
            let mut cells = split_csv(line, separator);
            // Trailing separators add empty cells; other extra cells are a reply's
            // unquoted separator: rejoined when the status ends the row, else refused.
            while cells.len() > width && cells.last().is_some_and(|c| c.trim().is_empty()) {
                cells.pop();
            }
            if cells.len() > width {
                match columns.2 {
                    Some(status) if status + 1 == width => {
                        let rest = cells.split_off(status);
                        cells.push(rest.join(separator.to_string().as_str()).into());
                    }
                    _ => return Err(bad(n, LogProblem::Unquoted)),
                }
            }
            let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |c| c.trim());
            if cells.len() <= columns.0 {
                return Err(bad(n, LogProblem::Shape));
            }
            let time = super::clock::parse_datetime(&cells[columns.0], zone).ok_or_else(|| bad(n, LogProblem::Time))?;
            check_range(time).map_err(|p| bad(n, p))?;
            if columns.2.is_none_or(|status| cells.len() <= status) {
                return Err(bad(n, LogProblem::NoStatus));
            }
            let status = cell(columns.2);
            let error = status_is_error(status).ok_or_else(|| bad(n, LogProblem::Status))?;
            let error = error.then(|| Box::new((cell(columns.1).to_string(), status.to_string())));
            lines.push(Line { time, error });
        }
    }
    lines.sort_by_key(|l| l.time);
    let mut log = SendLog {
        times: Vec::with_capacity(lines.len()),
        errors: Vec::with_capacity(lines.len()),
        details: Vec::new(),
    };
    for (i, line) in lines.into_iter().enumerate() {
        log.times.push(line.time);
        log.errors.push(line.error.is_some());
        if let Some(detail) = line.error {
            let (to, reply) = *detail;
            // A log holds what remote servers replied: shown as text, never as controls.
            let keep = |s: String| crate::hygiene::visible(&s, MAX_DETAIL_CHARS);
            log.details.push((i as u32, keep(to), keep(reply)));
        }
    }
    Ok(log)
}

/// A logged time within the range of `start` (1970–2100).
fn check_range(time: i64) -> Result<(), LogProblem> {
    if (0..=MAX_START).contains(&time) {
        Ok(())
    } else {
        Err(LogProblem::TimeRange)
    }
}

/// Splits one CSV line (RFC 4180 quoting within the line). A line without a
/// quote, the usual one, is cut where its separators are, nothing copied.
fn split_csv(line: &str, separator: char) -> Vec<std::borrow::Cow<'_, str>> {
    if !line.contains('"') {
        return line.split(separator).map(std::borrow::Cow::Borrowed).collect();
    }
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == separator && !quoted => cells.push(std::borrow::Cow::Owned(std::mem::take(&mut cell))),
            c => cell.push(c),
        }
    }
    cells.push(std::borrow::Cow::Owned(cell));
    cells
}

/// Whether a logged status means "returned in error": a 5xx reply or a word
/// saying so; 2xx/3xx replies and "sent" words are delivered; a 4xx reply or
/// "deferred" is a retry that the log shows before its outcome: counted as
/// delivered (ours). A "sent" word negated (`not sent`, `unsent`,
/// `non-delivered`, `never delivered`) is an error. `None`: the status says
/// neither, and the line is refused as unreadable.
pub fn status_is_error(status: &str) -> Option<bool> {
    let s = status.trim().to_ascii_lowercase();
    let code = code_part(&s);
    let b = code.as_bytes();
    if b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit) && b.get(3).is_none_or(|c| !c.is_ascii_digit()) {
        return match b[0] {
            b'2' | b'3' | b'4' => Some(false),
            b'5' => Some(true),
            _ => None,
        };
    }
    // A bare enhanced status code (RFC 3463 class.subject.detail), as a DSN's
    // `Status: 5.1.1` gives it: class 5 is permanent, 2 and 4 as their replies.
    if let Some(class) = enhanced_class(code) {
        return Some(class == b'5');
    }
    // Postfix's `dsn=5.x.x` / `dsn=2.x.x` (the `=` would split the word).
    if s.contains("dsn=5") {
        return Some(true);
    }
    const ERROR_STEMS: &[&str] = &["bounce", "error", "fail", "reject", "undeliver", "returned", "refused", "invalid"];
    const SENT_STEMS: &[&str] = &["sent", "deliver", "success", "accepted", "relayed", "queued", "defer", "delay"];
    let words = s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty());
    let (mut error, mut sent) = (false, false);
    for word in words {
        if ERROR_STEMS.iter().any(|stem| word.contains(stem)) {
            error = true;
        } else if let Some(stem_at) = SENT_STEMS.iter().find_map(|stem| word.find(stem)) {
            // The word's place in `s` (a piece of it), then the stem's.
            let word_at = word.as_ptr() as usize - s.as_ptr() as usize;
            if negated(&s[..word_at + stem_at]) {
                error = true;
            } else {
                sent = true;
            }
        } else if word == "ok" {
            sent = true;
        }
    }
    if error {
        Some(true)
    } else if sent || s.contains("dsn=2") {
        Some(false)
    } else {
        None
    }
}

/// The status without a DSN's type prefix: `smtp; 550 …` (RFC 3464 §2.3.6
/// Diagnostic-Code: `smtp` or an `x-` type) or `Status: 5.1.1` (§2.3.4).
fn code_part(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix("status:") {
        return rest.trim_start();
    }
    match s.split_once(';') {
        Some((kind, rest)) if kind == "smtp" || kind.starts_with("x-") => rest.trim_start(),
        _ => s,
    }
}

/// The class of an enhanced status code that opens `s` (`2|4|5.d{1,3}.d{1,3}`).
fn enhanced_class(s: &str) -> Option<u8> {
    let b = s.as_bytes();
    let class = *b.first().filter(|c| matches!(c, b'2' | b'4' | b'5'))?;
    let mut at = 1;
    for _ in 0..2 {
        if b.get(at) != Some(&b'.') {
            return None;
        }
        let digits = b[at + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        at += 1 + digits;
    }
    b.get(at).is_none_or(|c| !c.is_ascii_digit() && *c != b'.').then_some(class)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> Zone {
        Zone::named("Europe/Paris").expect("zone")
    }

    #[test]
    fn a_csv_export_with_a_header_reads() {
        let csv = "Date;To;Status\n2026-03-02 10:00:00;a@x.example;sent\n\
                   2026-03-02 09:00:00;\"b;c\"@x.example;550 5.1.1 User unknown\n";
        let log = parse(csv, &paris(), "streams[0].log", 10, 10).expect("reads");
        assert_eq!(log.times.len(), 2);
        assert_eq!(log.errors, vec![true, false], "sorted by time");
        assert_eq!(log.detail(0), Some(("b;c@x.example", "550 5.1.1 User unknown")));
    }

    #[test]
    fn json_lines_read_and_a_bad_line_is_named() {
        let jsonl = "{\"time\": \"2026-03-02T10:00:00Z\", \"to\": \"a@x\", \"status\": \"bounced\"}\n\
                     {\"time\": 1772445600, \"to\": \"b@x\", \"status\": \"250 2.0.0 OK\"}\n";
        let log = parse(jsonl, &paris(), "streams[0].log", 10, 10).expect("reads");
        assert_eq!(log.errors, vec![true, false]);
        let err = parse("{\"time\": \"soon\"}", &paris(), "streams[1].log", 10, 10).expect_err("bad time");
        assert_eq!(err.field(), Some("streams[1].log"));
        assert!(matches!(err, ScenarioError::Invalid { problem: Problem::LogLine { line: 1, .. }, .. }));
    }

    #[test]
    fn statuses_read_as_delivered_or_error() {
        assert_eq!(status_is_error("550 5.7.1 rejected"), Some(true));
        assert_eq!(status_is_error("451 try later"), Some(false));
        assert_eq!(status_is_error("status=bounced (host said …)"), Some(true));
        assert_eq!(status_is_error("Delivered"), Some(false));
        assert_eq!(status_is_error("maybe"), None);
    }

    #[test]
    fn too_many_log_lines_name_the_log_not_the_mails() {
        let err = parse("1772442000,a@x,sent\n1772442060,b@x,sent", &paris(), "streams[2].log", 1, 5).expect_err("over");
        assert_eq!(err.field(), Some("streams[2].log"));
        assert!(matches!(err, ScenarioError::Invalid { problem: Problem::TooManyLogLines { limit: 5 }, .. }));
    }

    #[test]
    fn negated_sent_words_are_errors() {
        for status in ["not delivered", "not sent", "unsent", "Non-delivered", "never delivered", "nondelivered"] {
            assert_eq!(status_is_error(status), Some(true), "{status}");
        }
        assert_eq!(status_is_error("couldn't deliver"), Some(true));
        assert_eq!(status_is_error("resent"), Some(false), "re- does not negate");
        assert_eq!(status_is_error("delivered without delay"), Some(false), "without negates nothing");
        assert_eq!(status_is_error("token"), None, "ok only as a word");
        assert_eq!(status_is_error("OK"), Some(false));
    }

    #[test]
    fn an_unknown_status_is_refused_with_its_line() {
        let csv = "time,to,status\n2026-03-02T10:00:00+01:00,a@x.example,sent\n2026-03-02T10:01:00+01:00,b@x.example,pending\n";
        let err = parse(csv, &paris(), "streams[0].log", 10, 10).expect_err("unknown status");
        assert!(matches!(
            err,
            ScenarioError::Invalid { problem: Problem::LogLine { line: 3, detail: LogProblem::Status }, .. }
        ));
    }

    #[test]
    fn a_headerless_first_row_with_status_sent_is_data() {
        let log = parse("1772442000,x@y.example,sent", &paris(), "streams[0].log", 10, 10).expect("reads");
        assert_eq!(log.errors, vec![false]);
        let log = parse("1772442000,x@y.example,sent\n1772442060,z@y.example,bounced", &paris(), "streams[0].log", 10, 10)
            .expect("reads");
        assert_eq!(log.errors, vec![false, true]);
        let log = parse("2026-03-02 10:00:00;a@x.example;sent", &paris(), "streams[0].log", 10, 10).expect("reads");
        assert_eq!(log.times.len(), 1);
    }
}
