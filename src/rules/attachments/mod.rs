//! The `attachments/*` rules. Their tunables live here, named and documented.

use serde::{Deserialize, Serialize};

/// Thresholds of the `attachments` group (overridable in `Options::thresholds.attachments`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AttachmentThresholds {}

impl Default for AttachmentThresholds {
    fn default() -> Self {
        AttachmentThresholds {}
    }
}
