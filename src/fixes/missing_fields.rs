//! `add-date` and `add-message-id`: RFC 5322 §3.6 requires exactly one
//! `Date` (origination date) and says every message SHOULD have a `Message-ID`
//! (§3.6.4); receivers score mail without them. Both are added at the end of the
//! top-level header block, in the message's own line end.
//!
//! The Date is `now` (given by the caller: the engine never reads the clock) in
//! UTC, written as RFC 5322 §3.3 `date-time`. The Message-ID is
//! `<hash.time@domain>` (§3.6.4 `msg-id`) on the domain of the From address,
//! which the sender controls; the hash is FNV-1a over the message, so the same
//! message and time always get the same id. Without a From domain no id is made.

use super::{header_block, Change, Eol};
use crate::grammar::address::parse_address_list;

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/// The years a `date-time` can carry here: RFC 5322 §3.3 wants four digits at least (default range, ours).
const YEARS: std::ops::RangeInclusive<i64> = 1970..=9999;

/// `Mon, 2 Mar 2026 10:00:00 +0000` for Unix seconds (UTC); `None` outside `YEARS`.
pub fn rfc5322_date(now: i64) -> Option<String> {
    let mut days = now.div_euclid(86_400);
    let seconds = now.rem_euclid(86_400);
    // 1970-01-01 was a Thursday (index 3 from Monday).
    let weekday = (days + 3).rem_euclid(7) as usize;
    let mut year = *YEARS.start();
    loop {
        let in_year = if is_leap(year) { 366 } else { 365 };
        if days < in_year {
            break;
        }
        days -= in_year;
        year += 1;
        if !YEARS.contains(&year) {
            return None;
        }
    }
    if days < 0 {
        return None;
    }
    let mut month = 0;
    while month < 11 && days >= month_length(year, month) {
        days -= month_length(year, month);
        month += 1;
    }
    Some(format!(
        "{}, {} {} {year} {:02}:{:02}:{:02} +0000",
        DAY_NAMES[weekday],
        days + 1,
        MONTH_NAMES[month],
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    ))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn month_length(year: i64, month: usize) -> i64 {
    const LENGTHS: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    LENGTHS[month] + i64::from(month == 1 && is_leap(year))
}

/// Inserts `field` as the last top-level header field.
fn insert_field(raw: &[u8], field: &str) -> Vec<u8> {
    let block = header_block(raw);
    let eol = Eol::of(raw);
    let at = block.end;
    let mut out = Vec::with_capacity(raw.len() + field.len() + 2);
    out.extend_from_slice(&raw[..at]);
    // A header block that ends without a line break (no body at all) gets one first.
    if at > 0 && raw[at - 1] != b'\n' {
        out.extend_from_slice(eol.bytes());
    }
    out.extend_from_slice(field.as_bytes());
    out.extend_from_slice(eol.bytes());
    out.extend_from_slice(&raw[at..]);
    out
}

pub(crate) fn add_date(raw: &[u8], now: i64) -> Option<Change> {
    if header_block(raw).first("Date").is_some() {
        return None;
    }
    let field = format!("Date: {}", rfc5322_date(now)?);
    Some(Change { bytes: insert_field(raw, &field), count: 1, detail: field })
}

/// The domain of the first From mailbox, if it is a plain dot-atom domain.
fn from_domain(raw: &[u8]) -> Option<String> {
    let block = header_block(raw);
    let value = block.first("From")?.raw_value(raw);
    let list = parse_address_list(value);
    let mailbox = list.mailboxes.first()?;
    let domain = String::from_utf8_lossy(value.get(mailbox.domain.0..mailbox.domain.1)?).trim().to_ascii_lowercase();
    let plain = !domain.is_empty()
        && domain.contains('.')
        && domain.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    plain.then_some(domain)
}

/// FNV-1a (64 bits): a stable, dependency-free hash for the id's left part.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

pub(crate) fn add_message_id(raw: &[u8], now: Option<i64>) -> Option<Change> {
    if header_block(raw).first("Message-ID").is_some() {
        return None;
    }
    let domain = from_domain(raw)?;
    let left = match now {
        Some(now) => format!("{:016x}.{now:x}", fnv1a(raw)),
        None => format!("{:016x}", fnv1a(raw)),
    };
    let field = format!("Message-ID: <{left}@{domain}>");
    Some(Change { bytes: insert_field(raw, &field), count: 1, detail: field })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc5322_in_utc() {
        assert_eq!(rfc5322_date(0).unwrap(), "Thu, 1 Jan 1970 00:00:00 +0000");
        assert_eq!(rfc5322_date(1_772_445_600).unwrap(), "Mon, 2 Mar 2026 10:00:00 +0000");
        assert_eq!(rfc5322_date(951_782_400).unwrap(), "Tue, 29 Feb 2000 00:00:00 +0000");
        assert_eq!(rfc5322_date(-1), None);
        assert_eq!(rfc5322_date(i64::MAX), None);
    }

    #[test]
    fn the_date_goes_before_the_blank_line() {
        let change = add_date(b"From: a@example.com\r\n\r\nHi\r\n", 0).unwrap();
        assert_eq!(change.bytes, b"From: a@example.com\r\nDate: Thu, 1 Jan 1970 00:00:00 +0000\r\n\r\nHi\r\n");
    }

    #[test]
    fn the_message_id_is_on_the_from_domain() {
        let change = add_message_id(b"From: Shop <news@Shop.example>\n\nHi\n", Some(16)).unwrap();
        let text = String::from_utf8(change.bytes).unwrap();
        assert!(text.contains(".10@shop.example>\n\nHi\n"), "{text}");
        assert!(add_message_id(b"From: nobody\n\nHi\n", None).is_none());
    }
}
