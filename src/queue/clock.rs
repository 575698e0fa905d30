//! Calendar arithmetic on the virtual clock (UTC), without reading the system clock.

pub const SECONDS_PER_DAY: i64 = 86_400;

/// Midnight (UTC) of the day containing `at`.
pub fn day_start(at: i64) -> i64 {
    at.div_euclid(SECONDS_PER_DAY) * SECONDS_PER_DAY
}

/// Year, month, day of a count of days since 1970-01-01 (H. Hinnant's civil_from_days).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `2026-03-02`
pub fn iso_date(at: i64) -> String {
    let (y, m, d) = civil_from_days(at.div_euclid(SECONDS_PER_DAY));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2026-03-02T10:15:00Z`
pub fn iso_datetime(at: i64) -> String {
    let seconds = at.rem_euclid(SECONDS_PER_DAY);
    format!("{}T{:02}:{:02}:{:02}Z", iso_date(at), seconds / 3600, seconds % 3600 / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_datetime(1_772_409_600 + 37_800), "2026-03-02T10:30:00Z");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(day_start(1_772_409_600 + 5), 1_772_409_600);
    }
}
