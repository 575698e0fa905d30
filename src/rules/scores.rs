//! The spam weights, in one table: the points each spam or link factor adds to
//! a report's `spamScore`, SpamAssassin-style. A message fails when its score
//! reaches `spamThreshold` (`settings::DEFAULT_SPAM_THRESHOLD`, 5.0); one factor
//! alone stays below it. Rules name their entry here (`score: scores::X`);
//! `options.scores` overrides a rule's points.
//!
//! Calibration (`make calibrate`, README "Calibration"): the values below are
//! set from a cross-validated logistic fit of the labelled SpamAssassin public
//! corpus (`../shared/corpus/spamassassin-public-dev`), rounded, and kept
//! non-negative: a factor never lowers the score.

/// Rules that are not spam factors (conformance, size, configuration, attachments).
pub const NONE: f64 = 0.0;

// ── the guides' list of spam factors (seed 002, « usages à éviter ») ──────────
pub const SUBJECT_CAPS: f64 = 1.5;
pub const MISSING_SUBJECT: f64 = 1.5;
pub const EMPTY_BODY: f64 = 1.5;
pub const IMAGE_ONLY: f64 = 2.0;
pub const SUBJECT_PREFIX: f64 = 1.5;
pub const WHITESPACE: f64 = 1.5;
pub const HUGE_FONT: f64 = 1.5;
pub const INVISIBLE_TEXT: f64 = 2.5;
/// `spam/invisible-text`: text hidden by display, visibility or opacity.
pub const INVISIBLE_TEXT_HIDDEN: f64 = 2.0;
/// `spam/invisible-text`: HTML too large or deep to analyse whole.
pub const HTML_TRUNCATED: f64 = 1.0;
pub const LISTED_IP: f64 = 3.0;
pub const ADULT_TERMS: f64 = 2.5;

// ── sender identity ──────────────────────────────────────────────────────────
/// `sender/display-name-spoof`: a display name showing another address or a
/// brand's domain (rspamd's SPOOF_DISPLAY_NAME is a strong phishing symbol).
pub const DISPLAY_NAME_SPOOF: f64 = 2.5;
