//! The spam weights, in one table: the points each spam or link factor adds to
//! a report's `spamScore`, SpamAssassin-style. A message fails when its score
//! reaches `spamThreshold` (`settings::DEFAULT_SPAM_THRESHOLD`); one factor
//! alone stays below it. Rules name their entry here (`score: scores::X`);
//! `options.scores` overrides a rule's points.
//!
//! Values: first estimates, to be replaced by the calibration of issue #11
//! (`make calibrate`), which records its numbers here.

/// Rules that are not spam factors (conformance, size, configuration).
pub const NONE: f64 = 0.0;

pub const SUBJECT_CAPS: f64 = 1.5;

/// `spam/invisible-text`: text hidden by display, visibility or opacity (warning form).
pub const INVISIBLE_TEXT_HIDDEN: f64 = 1.5;
/// `spam/invisible-text`: HTML too large or deep to analyse whole (warning form).
pub const HTML_TRUNCATED: f64 = 1.5;

/// `sender/display-name-spoof`: a display name showing another address or a
/// brand's domain (rspamd's SPOOF_DISPLAY_NAME is a strong phishing symbol);
/// first estimate, below the threshold alone.
pub const DISPLAY_NAME_SPOOF: f64 = 2.5;
