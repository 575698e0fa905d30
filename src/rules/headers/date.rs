//! `headers/date`: the Date field follows RFC 5322 §3.3 date-time; its day
//! name matches the date; obsolete zones and two-digit years (§4.3) are
//! warnings; and, when the caller gives `now`, a date far in the future or
//! past (thresholds in `HeaderThresholds`) is flagged: filters score both.

use crate::grammar::date::{day_name, parse_date_time, weekday_of, DateProblem};
use crate::grammar::Level;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/date",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 20,
    examples: &[
        Example::fails("An ISO 8601 date", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: 2026-03-02 10:00:00\nSubject: Hi\n\nHello\n")),
        Example::fails("Tuesday for a Monday", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Tue, 2 Mar 2026 10:00:00 +0100\nSubject: Hi\n\nHello\n")),
        Example::fails("A named zone (obsolete: warning)", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 EST\nSubject: Hi\n\nHello\n")),
        Example::fails("No zone", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00\nSubject: Hi\n\nHello\n")),
        Example::fails(
            "A date two days ahead of now",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Wed, 4 Mar 2026 10:00:00 +0100\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"now": 1772442000}"#),
        Example::fails(
            "A date a year before now",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Sun, 2 Mar 2025 10:00:00 +0100\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"now": 1772442000}"#),
        Example::passes("A correct date with a comment", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0100 (CET)\nSubject: Hi\n\nHello\n")),
        Example::passes(
            "A date an hour before now",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: 2 Mar 2026 09:00:00 +0100\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"now": 1772442000}"#),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    let Some(field) = message.header("Date") else { return };
    let check = parse_date_time(field.raw_value(message.raw));
    super::emit_grouped(cx, message, 0, field, &check.problems, |cx, kind, _| {
        let problem = super::describe(cx, "date", kind.code());
        Some(match kind {
            DateProblem::WeekdayMismatch => {
                // The date is kept even when the day name is wrong.
                let date = check.date;
                let actual = date.map(|d| day_name(weekday_of(d.year, d.month, d.day))).unwrap_or("?");
                Draft::new(Msg::new("headers/date.weekday-mismatch").text("actual", actual))
            }
            _ if kind.level() == Level::Obsolete => {
                Draft::new(Msg::new("headers/date.obsolete").text("problem", problem))
                    .severity(Severity::Warning)
                    .fix(Msg::new("headers/date.fix-obsolete"))
            }
            _ => Draft::new(Msg::new("headers/date.invalid").text("problem", problem)),
        })
    });
    let (Some(now), Some(date)) = (cx.options.now, check.date) else { return };
    let thresholds = &cx.options.thresholds.headers;
    let delta = date.unix_seconds() - now;
    let id = if delta > thresholds.max_date_future_seconds {
        "headers/date.future"
    } else if -delta > thresholds.max_date_past_seconds {
        "headers/date.past"
    } else {
        return;
    };
    let hours = delta.abs() / 3600;
    cx.emit(
        Draft::new(Msg::new(id).int("hours", hours).int("days", hours / 24))
            .evidence(super::field_text(message, field))
            .at(super::value_location(field, 0, field.raw_value(message.raw).len()))
            .severity(Severity::Warning)
            .fix(Msg::new("headers/date.fix-clock")),
    );
}
