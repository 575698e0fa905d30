//! `options.php` as JSON: data only (what `mail()` does with it: `src/input/php.rs`).

use serde::{Deserialize, Serialize};

/// Where PHP runs, which decides what `mail()` hands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhpPlatform {
    /// Linux and other Unix systems: the message is piped to `sendmail_path`.
    #[default]
    Unix,
    /// Windows without `sendmail_path`: PHP sends over SMTP itself.
    Windows,
}

/// PHP settings of the sending script (`options.php`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct PhpSettings {
    pub platform: PhpPlatform,
}
