//! Number reading that never fails on a value out of range: any JSON number
//! is read, and one that is not a whole number within `u64` (negative,
//! fractional, 2⁶⁴ or more) becomes `OUT_OF_RANGE`, which the range check of
//! `limits.rs` then reports with the field's name (a serde error would not say
//! which field). `null` reads as absent.

use super::scenario::When;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// What a number that is not a whole `u64` becomes: above every documented range.
pub const OUT_OF_RANGE: u64 = u64::MAX;
/// The same for signed instants.
pub const OUT_OF_RANGE_INSTANT: i64 = i64::MAX;

struct Whole;

impl<'de> Visitor<'de> for Whole {
    type Value = Option<u64>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(u64::try_from(v).unwrap_or(OUT_OF_RANGE)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        let whole = v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v < 18_446_744_073_709_551_615.0;
        Ok(Some(if whole { v as u64 } else { OUT_OF_RANGE }))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(Whole)
    }
}

/// A whole number; `null` reads as 0.
pub fn whole<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(d.deserialize_any(Whole)?.unwrap_or(0))
}

/// An optional whole number; `null` reads as absent.
pub fn whole_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    d.deserialize_any(Whole)
}

struct Instant;

impl<'de> Visitor<'de> for Instant {
    type Value = Option<When>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("Unix seconds or a date-time")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(When::Seconds(i64::try_from(v).unwrap_or(OUT_OF_RANGE_INSTANT))))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(When::Seconds(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        let whole = v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e18;
        Ok(Some(When::Seconds(if whole { v as i64 } else { OUT_OF_RANGE_INSTANT })))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(When::Text(v.to_string())))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(Instant)
    }
}

/// Unix seconds or a date-time string (read later, in the scenario's zone).
pub fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<Option<When>, D::Error> {
    d.deserialize_any(Instant)
}
