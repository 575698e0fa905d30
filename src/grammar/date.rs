//! RFC 5322 §3.3 date-time, with the obsolete forms of §4.3 (two-digit years,
//! named and military zones) recognised and reported.

use super::lexer::{lex, LexProblem, Token, TokenKind};
use super::{Level, Problem};

/// A date problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date-time at all (missing or misplaced parts).
    Syntax,
    /// A day name other than Mon…Sun, or without its comma.
    BadDayName,
    /// A month name other than Jan…Dec.
    BadMonth,
    /// A day, hour, minute, second or zone out of range.
    OutOfRange,
    /// A year before 1900 (§3.3).
    YearBefore1900,
    /// The day name does not match the date (§3.3: it MUST be the day implied).
    WeekdayMismatch,
    /// A two- or three-digit year (§4.3 obs-year).
    ObsoleteYear,
    /// A zone written as a name or a military letter (§4.3 obs-zone).
    ObsoleteZone,
    /// An hour, minute or second written with one digit (§3.3 asks for two);
    /// readers parse it, so it is noted like the obsolete forms.
    OneDigitTime,
    /// Text after the date-time.
    TrailingText,
    /// A comment opened with `(` and never closed (§3.2.2): the rest of the
    /// value is inside it, however well the date before it reads.
    UnclosedComment,
}

impl DateProblem {
    pub fn level(self) -> Level {
        match self {
            DateProblem::ObsoleteYear | DateProblem::ObsoleteZone | DateProblem::OneDigitTime => Level::Obsolete,
            _ => Level::Invalid,
        }
    }
}

/// A date-time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Offset from UTC in minutes.
    pub zone_minutes: i64,
    /// 0 = Monday … 6 = Sunday, when a day name is given.
    pub weekday: Option<u32>,
}

impl DateTime {
    /// Seconds since the Unix epoch (UTC).
    pub fn unix_seconds(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 86_400 + i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
            - self.zone_minutes * 60
    }
}

/// The result of reading a Date value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateCheck {
    pub date: Option<DateTime>,
    pub problems: Vec<Problem<DateProblem>>,
}

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// §4.3 obs-zone names and their offsets in hours.
const NAMED_ZONES: [(&str, i64); 10] = [
    ("UT", 0),
    ("GMT", 0),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
];

fn digits(v: &[u8], t: &Token) -> Option<(i64, usize)> {
    let text = v.get(t.start..t.end)?;
    if t.kind != TokenKind::Atom || text.is_empty() || !text.iter().all(u8::is_ascii_digit) || text.len() > 9 {
        return None;
    }
    std::str::from_utf8(text).ok()?.parse().ok().map(|n| (n, text.len()))
}

/// Reads a Date field value.
pub fn parse_date_time(v: &[u8]) -> DateCheck {
    match canonical(v) {
        Some(date) => DateCheck { date: Some(date), problems: Vec::new() },
        None => parse_general(v),
    }
}

/// A date-time written as §3.3 asks, with nothing to report: the form nearly
/// every mailer writes (`Mon, 2 Sep 2002 10:00:00 +0100 (IST)`), read straight
/// from the bytes. `None` for anything else (obsolete forms, comments between
/// the parts, white space around `:`, a value out of range, a wrong day name…),
/// which `parse_general` reads and reports; a differential test holds the two
/// together. Date and every Received field are read: through the general lexer
/// this was 1.7 % of a corpus pass (#14).
fn canonical(v: &[u8]) -> Option<DateTime> {
    let mut c = Cursor { v, at: 0 };
    c.fws()?;
    let weekday = if c.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
        let day = c.name(&DAY_NAMES)?;
        c.fws()?;
        c.byte(b',')?;
        c.fws()?;
        Some(day as u32)
    } else {
        None
    };
    let (day, _) = c.number(1, 2)?;
    c.spaces()?;
    let month = c.name(&MONTH_NAMES)? as u32 + 1;
    c.spaces()?;
    let (year, _) = c.number(4, 4)?;
    c.spaces()?;
    let (hour, _) = c.number(2, 2)?;
    c.byte(b':')?;
    let (minute, _) = c.number(2, 2)?;
    let second = match c.peek() {
        Some(b':') => {
            c.at += 1;
            c.number(2, 2)?.0
        }
        _ => 0,
    };
    c.spaces()?;
    let sign = match c.peek()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    c.at += 1;
    let (zone, _) = c.number(4, 4)?;
    let (zone_hours, zone_minutes) = (i64::from(zone / 100), i64::from(zone % 100));
    c.fws()?;
    if c.peek() == Some(b'(') {
        c.comment()?;
        c.fws()?;
    }
    let year = i64::from(year);
    let in_range = c.at == v.len()
        && year >= 1900
        && (1..=days_in_month(year, month)).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60
        && zone_hours <= 14
        && zone_minutes <= 59
        && weekday.is_none_or(|named| named == weekday_of(year, month, day));
    in_range.then_some(DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
        zone_minutes: sign * (zone_hours * 60 + zone_minutes),
        weekday,
    })
}

/// `canonical`'s reading position; each step is `None` where the value leaves
/// the canonical form.
struct Cursor<'v> {
    v: &'v [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.v.get(self.at).copied()
    }

    fn byte(&mut self, wanted: u8) -> Option<()> {
        (self.peek()? == wanted).then(|| self.at += 1)
    }

    /// Spaces, tabs and folds (a line break and then a space or tab), none required.
    fn fws(&mut self) -> Option<()> {
        loop {
            let fold = match (self.peek(), self.v.get(self.at + 1), self.v.get(self.at + 2)) {
                (Some(b' ' | b'\t'), _, _) => 1,
                (Some(b'\r'), Some(b'\n'), Some(b' ' | b'\t')) => 3,
                (Some(b'\n'), Some(b' ' | b'\t'), _) => 2,
                (Some(b'\r' | b'\n'), _, _) => return None,
                _ => return Some(()),
            };
            self.at += fold;
        }
    }

    /// `fws` that must skip something: what parts two words.
    fn spaces(&mut self) -> Option<()> {
        let start = self.at;
        self.fws()?;
        (self.at > start).then_some(())
    }

    /// `min` to `max` digits that end a word (no letter, digit or other atext next).
    fn number(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let start = self.at;
        let mut value = 0u32;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            if self.at - start == max {
                return None;
            }
            value = value * 10 + u32::from(b - b'0');
            self.at += 1;
        }
        let len = self.at - start;
        (len >= min && !self.peek().is_some_and(super::is_atext)).then_some((value, len))
    }

    /// One of `names` (three letters, any case) as a whole word: its index.
    fn name(&mut self, names: &[&str]) -> Option<usize> {
        let word = self.v.get(self.at..self.at + 3)?;
        let index = names.iter().position(|n| n.as_bytes().eq_ignore_ascii_case(word))?;
        self.at += 3;
        (!self.peek().is_some_and(super::is_atext)).then_some(index)
    }

    /// A comment of printable ASCII and spaces, not nested.
    fn comment(&mut self) -> Option<()> {
        self.byte(b'(')?;
        loop {
            match self.peek()? {
                b')' => {
                    self.at += 1;
                    return Some(());
                }
                b'(' | b'\\' => return None,
                b' ' | b'\t' | 0x21..=0x7e => self.at += 1,
                _ => return None,
            }
        }
    }
}

/// Reads a Date value by the general lexer (`canonical` reads the usual form).
fn parse_general(v: &[u8]) -> DateCheck {
    let mut check = DateCheck::default();
    let lexed = lex(v);
    let tokens = lexed.tokens;
    let whole = (tokens.first().map_or(0, |t| t.start), tokens.last().map_or(v.len(), |t| t.end));
    let syntax = |check: &mut DateCheck, t: Option<&Token>| {
        let (s, e) = t.map_or(whole, |t| (t.start, t.end));
        check.problems.push(Problem::new(DateProblem::Syntax, s, e));
    };
    // The one defect said where it is, not as a date out of form on the bytes before it.
    if let Some(p) = lexed.problems.iter().find(|p| p.kind == LexProblem::UnclosedComment) {
        check.problems.push(Problem::new(DateProblem::UnclosedComment, p.start, p.end));
        return check;
    }
    if lexed.problems.iter().any(|p| p.kind.level() == Level::Invalid) || tokens.is_empty() {
        syntax(&mut check, None);
        return check;
    }
    let text = |t: &Token| std::str::from_utf8(&v[t.start..t.end]).unwrap_or("");
    let mut i = 0;
    let mut weekday = None;
    // [ day-of-week "," ]
    if let Some(t) = tokens.first() {
        if t.kind == TokenKind::Atom && text(t).bytes().all(|b| b.is_ascii_alphabetic()) {
            match DAY_NAMES.iter().position(|d| d.eq_ignore_ascii_case(text(t))) {
                Some(d) if tokens.get(1).is_some_and(|c| c.is(b',')) => {
                    weekday = Some(d as u32);
                    i = 2;
                }
                _ => {
                    check.problems.push(Problem::new(DateProblem::BadDayName, t.start, t.end));
                    return check;
                }
            }
        }
    }
    // date = day month year
    let Some((day, day_len)) = tokens.get(i).and_then(|t| digits(v, t)) else {
        syntax(&mut check, tokens.get(i));
        return check;
    };
    let day_token = tokens[i];
    if day_len > 2 {
        syntax(&mut check, Some(&day_token));
        return check;
    }
    let Some(month_token) = tokens.get(i + 1) else {
        syntax(&mut check, None);
        return check;
    };
    let Some(month) = MONTH_NAMES.iter().position(|m| m.eq_ignore_ascii_case(text(month_token))) else {
        check.problems.push(Problem::new(DateProblem::BadMonth, month_token.start, month_token.end));
        return check;
    };
    let Some((mut year, year_len)) = tokens.get(i + 2).and_then(|t| digits(v, t)) else {
        syntax(&mut check, tokens.get(i + 2));
        return check;
    };
    let year_token = tokens[i + 2];
    if year_len < 4 {
        // §4.3: two digits add 1900 when 50 or more, else 2000; three digits add 1900.
        year += if year_len == 2 && year < 50 { 2000 } else { 1900 };
        check.problems.push(Problem::new(DateProblem::ObsoleteYear, year_token.start, year_token.end));
    } else if year < 1900 {
        check.problems.push(Problem::new(DateProblem::YearBefore1900, year_token.start, year_token.end));
    }
    // time-of-day = hour ":" minute [ ":" second ]
    i += 3;
    let mut time = [0i64; 3];
    let time_start = tokens.get(i).map_or(v.len(), |t| t.start);
    for (n, slot) in time.iter_mut().enumerate() {
        if n > 0 {
            if !tokens.get(i).is_some_and(|t| t.is(b':')) {
                if n == 2 {
                    break;
                }
                syntax(&mut check, tokens.get(i));
                return check;
            }
            i += 1;
        }
        match tokens.get(i).and_then(|t| digits(v, t)) {
            Some((value, 2)) => *slot = value,
            Some((value, 1)) => {
                *slot = value;
                if let Some(t) = tokens.get(i) {
                    check.problems.push(Problem::new(DateProblem::OneDigitTime, t.start, t.end));
                }
            }
            _ => {
                syntax(&mut check, tokens.get(i));
                return check;
            }
        }
        i += 1;
    }
    let time_end = tokens.get(i.saturating_sub(1)).map_or(v.len(), |t| t.end);
    // zone
    let Some(zone_token) = tokens.get(i) else {
        syntax(&mut check, None);
        return check;
    };
    let zone_text = text(zone_token);
    let zone_minutes = if let Some(rest) = zone_text.strip_prefix(['+', '-']) {
        if rest.len() != 4 || !rest.bytes().all(|b| b.is_ascii_digit()) {
            syntax(&mut check, Some(zone_token));
            return check;
        }
        let hours: i64 = rest[..2].parse().unwrap_or(0);
        let minutes: i64 = rest[2..].parse().unwrap_or(0);
        // No zone is further than 14 hours from UTC (Kiribati, +1400); a larger
        // offset is the absurd zone spam tools write (SpamAssassin INVALID_DATE_TZ_ABSURD).
        if minutes > 59 || hours > 14 {
            check.problems.push(Problem::new(DateProblem::OutOfRange, zone_token.start, zone_token.end));
        }
        let sign = if zone_text.starts_with('-') { -1 } else { 1 };
        sign * (hours * 60 + minutes)
    } else if let Some((_, hours)) = NAMED_ZONES.iter().find(|(name, _)| name.eq_ignore_ascii_case(zone_text)) {
        check.problems.push(Problem::new(DateProblem::ObsoleteZone, zone_token.start, zone_token.end));
        hours * 60
    } else if zone_text.len() == 1 && zone_text.bytes().all(|b| b.is_ascii_alphabetic() && b != b'j' && b != b'J') {
        // §4.3: military zones "SHOULD all be considered equivalent to -0000".
        check.problems.push(Problem::new(DateProblem::ObsoleteZone, zone_token.start, zone_token.end));
        0
    } else {
        syntax(&mut check, Some(zone_token));
        return check;
    };
    if let Some(extra) = tokens.get(i + 1) {
        let last = tokens.last().map_or(extra.end, |t| t.end);
        check.problems.push(Problem::new(DateProblem::TrailingText, extra.start, last));
    }
    let month = month as u32 + 1;
    let date = DateTime {
        year,
        month,
        day: day as u32,
        hour: time[0] as u32,
        minute: time[1] as u32,
        second: time[2] as u32,
        zone_minutes,
        weekday,
    };
    if day < 1 || day as u32 > days_in_month(year, month) {
        check.problems.push(Problem::new(DateProblem::OutOfRange, day_token.start, day_token.end));
        return check;
    }
    if time[0] > 23 || time[1] > 59 || time[2] > 60 {
        check.problems.push(Problem::new(DateProblem::OutOfRange, time_start, time_end));
        return check;
    }
    if let Some(named) = weekday {
        let actual = weekday_of(year, month, day as u32);
        if actual != named {
            let first = tokens[0];
            check.problems.push(Problem::new(DateProblem::WeekdayMismatch, first.start, year_token.end));
        }
    }
    check.date = Some(date);
    check
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday_of(year: i64, month: u32, day: u32) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days_from_civil(year, month, day) + 3).rem_euclid(7) as u32
}

/// The English day name of a weekday number, for messages.
pub fn day_name(weekday: u32) -> &'static str {
    DAY_NAMES.get(weekday as usize).copied().unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(v: &str) -> Vec<DateProblem> {
        parse_date_time(v.as_bytes()).problems.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn valid_dates_parse() {
        let check = parse_date_time(b" Mon, 2 Mar 2026 10:00:00 +0100 (CET)");
        assert!(check.problems.is_empty(), "{:?}", check.problems);
        assert_eq!(check.date.unwrap().unix_seconds(), 1_772_442_000);
        assert!(kinds(" 21 Nov 1997 09:55:06 -0600").is_empty());
        assert!(kinds(" Thu,\r\n 13\r\n   Feb\r\n 1969\r\n 23:32\r\n -0330 (Newfoundland Time)").is_empty());
    }

    #[test]
    fn problems_are_found() {
        assert_eq!(kinds(" Tue, 2 Mar 2026 10:00:00 +0100"), vec![DateProblem::WeekdayMismatch]);
        assert_eq!(kinds(" Mon, 2 Mar 2026 10:00:00 GMT"), vec![DateProblem::ObsoleteZone]);
        assert_eq!(kinds(" 2 Mar 26 10:00:00 +0000"), vec![DateProblem::ObsoleteYear]);
        assert_eq!(kinds(" 2026-03-02 10:00:00"), vec![DateProblem::Syntax]);
        assert_eq!(kinds(" 31 Feb 2026 10:00:00 +0000"), vec![DateProblem::OutOfRange]);
        assert_eq!(kinds(" Mon, 2 Mar 2026 10:00:00"), vec![DateProblem::Syntax]);
    }

    #[test]
    fn an_unclosed_comment_is_said_from_its_opening_to_the_end() {
        for (value, comment) in [(" Mon, 2 Mar 2026 10:00:00 +0000 (UTC", "(UTC"), (" Mon, 2 Mar 2026 10:00:00 +0000 (a (b) c", "(a (b) c")] {
            let check = parse_date_time(value.as_bytes());
            let start = value.find('(').unwrap();
            assert_eq!(check.problems, vec![Problem::new(DateProblem::UnclosedComment, start, value.len())], "{value}");
            assert_eq!(&value[start..], comment);
        }
    }

    /// `canonical` answers only where the general reading finds the same date
    /// and nothing to report: values built from parts written every way the
    /// grammar allows or refuses (white space, folds, comments, case, ranges,
    /// obsolete forms, trailing text), and the usual forms are answered by it.
    #[test]
    fn the_canonical_reading_agrees_with_the_general_one() {
        const LEADING: &[&str] = &["", " ", "  ", "\t", "\r\n ", "\n\t", " \r\n \r\n ", "\n", "\r ", "(c) "];
        const WEEKDAYS: &[&str] =
            &["", "Mon, ", "mon, ", "MON,", "Tue, ", "Sun , ", "Mon ", "Mond, ", "Mon,\r\n ", "Mon,\n", "Xyz, ", "Mo, "];
        const DAYS: &[&str] = &["2", "02", "0", "1", "28", "29", "30", "31", "32", "002", "2x", "+2", ""];
        const GAPS: &[&str] = &[" ", "  ", "\t", "\r\n ", "\n\t", "", " (c) ", "\n", ","];
        const MONTHS: &[&str] = &["Feb", "feb", "SEP", "Sept", "Foo", "Dec", "Ja", "Jan1"];
        const YEARS: &[&str] = &["2002", "2024", "2100", "1900", "1899", "02", "99", "202", "20021", "2o02", "0000"];
        const TIMES: &[&str] = &[
            "10:00:00", "10:00", "09:05:59", "23:59:60", "9:00:00", "10 : 00", "10:00 :00", "24:00:00", "23:60:00",
            "23:59:61", "10:00:0", "10:0", "1000", "10:00:00:00", "10:00:00+0100",
        ];
        const ZONES: &[&str] =
            &["+0100", "-0700", "+0000", "-0000", "+1400", "+1500", "+0160", "GMT", "gmt", "Z", "+01000", "0100", "+01", "+01x", ""];
        const TAILS: &[&str] = &[
            "", " ", " (IST)", "(IST)", " (a (b))", " (I\\)ST)", " \r\n (IST)", " (IST) ", " x", " (IST) x", " (", " (é)",
            " (\u{1})", "\r\n", "\n", " \r\n ",
        ];
        let pick = |seed: &mut u64, list: &[&'static str]| -> &'static str {
            *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            list[(*seed >> 33) as usize % list.len()]
        };
        let mut seed = 7u64;
        let mut answered = 0;
        for _ in 0..60_000 {
            // Mostly canonical parts, so that the answered values are many and varied.
            let usual = |seed: &mut u64, list: &[&'static str], n: usize| {
                let first = pick(seed, &list[..n]);
                if pick(seed, &["a", "a", "a", "a", "b"]) == "a" { first } else { pick(seed, list) }
            };
            let value = [
                usual(&mut seed, LEADING, 5),
                usual(&mut seed, WEEKDAYS, 4),
                usual(&mut seed, DAYS, 8),
                usual(&mut seed, GAPS, 5),
                usual(&mut seed, MONTHS, 3),
                usual(&mut seed, GAPS, 5),
                usual(&mut seed, YEARS, 4),
                usual(&mut seed, GAPS, 5),
                usual(&mut seed, TIMES, 4),
                usual(&mut seed, GAPS, 5),
                usual(&mut seed, ZONES, 5),
                usual(&mut seed, TAILS, 5),
            ]
            .concat();
            if let Some(date) = canonical(value.as_bytes()) {
                answered += 1;
                assert_eq!(parse_general(value.as_bytes()), DateCheck { date: Some(date), problems: Vec::new() }, "{value:?}");
            }
        }
        assert!(answered > 2_000, "{answered}");
        for usual in [
            " Mon, 2 Sep 2002 10:00:00 +0100",
            "\r\n\tTue, 3 Sep 2002 23:59:60 -0700 (PDT)",
            "\n 21 Nov 1997 09:55:06 -0600",
            " Thu,\r\n 13\r\n   Feb\r\n 1969\r\n 23:32\r\n -0330 (Newfoundland Time)",
        ] {
            assert!(canonical(usual.as_bytes()).is_some(), "{usual:?}");
            assert_eq!(parse_date_time(usual.as_bytes()), parse_general(usual.as_bytes()), "{usual:?}");
        }
    }
}
