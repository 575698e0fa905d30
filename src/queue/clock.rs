//! Calendar arithmetic on the virtual clock, without reading the system clock:
//! the day boundary in the scenario's time zone, and the provider API's
//! date-times (`2026-03-02T10:15:00+01:00`) read and written.

use super::tz::{civil_from_days, days_from_civil, Zone};

pub const SECONDS_PER_DAY: i64 = 86_400;

/// `2026-03-02`, the local date of `utc` in `zone`.
pub fn iso_date(zone: &Zone, utc: i64) -> String {
    let (y, m, d) = civil_from_days(zone.local(utc).div_euclid(SECONDS_PER_DAY));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2026-03-02T10:15:00+01:00`: local time with its offset, as the provider API writes date-times.
pub fn iso_datetime(zone: &Zone, utc: i64) -> String {
    let offset = zone.offset_at(utc);
    let local = utc + offset as i64;
    let seconds = local.rem_euclid(SECONDS_PER_DAY);
    let sign = if offset < 0 { '-' } else { '+' };
    let off = offset.unsigned_abs();
    format!(
        "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        iso_date(zone, utc),
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60,
        off / 3600,
        off % 3600 / 60
    )
}

/// Reads a date-time: RFC 3339 (`2026-03-02T10:15:00+01:00`, `…Z`, fractions
/// ignored), the same with a space, without seconds or without an offset (then
/// local time in `zone`), a date alone (local midnight), or Unix seconds.
pub fn parse_datetime(text: &str, zone: &Zone) -> Option<i64> {
    let s = text.trim();
    if !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0i64, |n, d| n * 10 + (d - b'0') as i64))
    };
    let year = digits(0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (month, day) = (digits(5, 2)?, digits(8, 2)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month as u32) {
        return None;
    }
    let days = days_from_civil(year, month as u32, day as u32);
    let mut rest = &s[10..];
    if rest.is_empty() {
        return Some(zone.instant_of_local(days * SECONDS_PER_DAY));
    }
    rest = rest.strip_prefix(['T', 't', ' '])?;
    let t = rest.as_bytes();
    let two = |from: usize| -> Option<i64> {
        let part = t.get(from..from + 2)?;
        part.iter().all(u8::is_ascii_digit).then(|| ((part[0] - b'0') * 10 + (part[1] - b'0')) as i64)
    };
    let hour = two(0)?;
    if t.get(2) != Some(&b':') {
        return None;
    }
    let minute = two(3)?;
    let mut used = 5;
    let mut second = 0;
    if t.get(5) == Some(&b':') {
        second = two(6)?;
        used = 8;
        if t.get(8) == Some(&b'.') {
            used = 9 + rest[9..].bytes().take_while(u8::is_ascii_digit).count();
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let local = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second.min(59);
    let zone_part = rest[used..].trim_start();
    match zone_part {
        "" => Some(zone.instant_of_local(local)),
        "Z" | "z" => Some(local),
        _ => {
            let z = zone_part.as_bytes();
            let sign = match z.first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            let oh = z.get(1..3).filter(|p| p.iter().all(u8::is_ascii_digit))?;
            let oh = ((oh[0] - b'0') * 10 + (oh[1] - b'0')) as i64;
            let om = match z.len() {
                3 => 0,
                5 => zone_part[3..5].parse::<i64>().ok()?,
                6 if z[3] == b':' => zone_part[4..6].parse::<i64>().ok()?,
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            Some(local - sign * (oh * 3600 + om * 60))
        }
    }
}

fn days_in_month(year: i64, month: u32) -> i64 {
    let next = if month == 12 { days_from_civil(year + 1, 1, 1) } else { days_from_civil(year, month + 1, 1) };
    next - days_from_civil(year, month, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_are_written_in_the_zone_with_their_offset() {
        let paris = Zone::named("Europe/Paris").expect("zone");
        assert_eq!(iso_datetime(&paris, 1_772_409_600 + 37_800), "2026-03-02T11:30:00+01:00");
        assert_eq!(iso_date(&paris, 1_772_409_600 - 1800), "2026-03-02");
        let utc = Zone::named("UTC").expect("zone");
        assert_eq!(iso_datetime(&utc, 1_772_409_600), "2026-03-02T00:00:00+00:00");
    }

    #[test]
    fn the_api_date_time_forms_are_read() {
        let paris = Zone::named("Europe/Paris").expect("zone");
        let at = 1_772_409_600 + 37_800;
        for text in [
            "2026-03-02T10:30:00Z",
            "2026-03-02T11:30:00+01:00",
            "2026-03-02T11:30:00.250+0100",
            "2026-03-02 11:30:00",
            "2026-03-02T11:30",
            "1772447400",
        ] {
            assert_eq!(parse_datetime(text, &paris), Some(at), "{text}");
        }
        assert_eq!(parse_datetime("2026-03-02", &paris), Some(1_772_409_600 - 3600));
        for bad in ["", "2026-02-30", "2026-03-02T25:00", "yesterday", "2026-03-02T10:00+1"] {
            assert_eq!(parse_datetime(bad, &paris), None, "{bad}");
        }
    }
}
