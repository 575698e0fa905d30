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

// ── links (the guides: incorrect links, insecure URLs; ours: mismatched domains) ─
pub const BROKEN_LINK: f64 = 1.0;
pub const INSECURE_LINK: f64 = 1.5;
pub const LINK_MISMATCH: f64 = 2.0;

// ── content factors filters score (SpamAssassin, rspamd) ──────────────────────
/// `spam/sales-language`, warning form, per category of phrases found (at most
/// `sales_language::MAX_SCORED_CATEGORIES` count): SpamAssassin scores one
/// phrase family 1.0–3.0 (FREE_QUOTE_INSTANT 2.700, EXCUSE_REMOVE 2.907, URG_BIZ 1.750).
pub const SALES_LANGUAGE_PER_CATEGORY: f64 = 1.0;

/// `spam/body-caps` (warning form: half the body in capitals): SpamAssassin
/// UPPERCASE_75_100 scores 1.480.
pub const BODY_CAPS: f64 = 1.5;

/// `spam/exclamation-marks` (warning form): SpamAssassin scores the marks
/// weakly alone (PLING_QUERY 0.1, BANG_GUAR 1.0); a first estimate.
pub const EXCLAMATION_MARKS: f64 = 1.0;

/// `spam/money-amounts` (warning form: huge sums): SpamAssassin US_DOLLARS_3
/// 2.599, MONEY_NOHTML up to 2.5.
pub const MONEY_AMOUNTS: f64 = 1.5;

/// `spam/html-only` (info: scores nothing unless the options raise it):
/// SpamAssassin MIME_HTML_ONLY 0.1, rspamd 0.2.
pub const HTML_ONLY: f64 = 0.2;

/// `spam/priority-header`: SpamAssassin XPRIO, score limit 2.25 (72_active.cf).
pub const PRIORITY_HEADER: f64 = 1.0;

/// `links/userinfo`: rspamd URL_USER_PASSWORD 2.0.
pub const LINK_USERINFO: f64 = 2.0;

/// `links/homograph`: rspamd URL_HOMOGRAPH_ATTACK and OMOGRAPH_URL 5.0; kept
/// below the spam threshold, one factor alone does not fail a message.
pub const HOMOGRAPH: f64 = 3.5;

/// `links/numeric-host`, dotted address: rspamd URL_NUMERIC_IP 1.5, HTTP_TO_IP 1.0.
pub const NUMERIC_HOST: f64 = 1.0;
/// `links/numeric-host`, address disguised as a number, hex or octal: rspamd
/// marks it obscured (R_SUSPICIOUS_URL 5.0).
pub const NUMERIC_HOST_DISGUISED: f64 = 3.0;

/// `links/shortener`: no filter scores a shortener alone much (SpamAssassin
/// URL_SHORTENER_DISABLED 2 for disabled ones); Gmail refusals are reported.
pub const SHORTENER: f64 = 1.0;

// ── sender identity ──────────────────────────────────────────────────────────
/// `sender/display-name-spoof`: a display name showing another address or a
/// brand's domain (rspamd's SPOOF_DISPLAY_NAME is a strong phishing symbol).
pub const DISPLAY_NAME_SPOOF: f64 = 2.5;
