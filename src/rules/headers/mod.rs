//! The `headers/*` rules. Their tunables live here, named and documented.

use serde::{Deserialize, Serialize};

/// Thresholds of the `headers` group (overridable in `Options::thresholds.headers`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct HeaderThresholds {}

impl Default for HeaderThresholds {
    fn default() -> Self {
        HeaderThresholds {}
    }
}
