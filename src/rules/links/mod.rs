//! The `links/*` rules. Their tunables live here, named and documented.

use serde::{Deserialize, Serialize};

/// Thresholds of the `links` group (overridable in `Options::thresholds.links`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct LinkThresholds {}

impl Default for LinkThresholds {
    fn default() -> Self {
        LinkThresholds {}
    }
}
