//! The `spam/*` rules. Their tunables live here, named and documented.

use serde::{Deserialize, Serialize};

/// Thresholds of the `spam` group (overridable in `Options::thresholds.spam`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SpamThresholds {}

impl Default for SpamThresholds {
    fn default() -> Self {
        SpamThresholds {}
    }
}
