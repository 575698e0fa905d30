//! Mechanical fixes: changes to a message that need no judgement, each one
//! removing the findings of one rule. Bytes in, fixed bytes out, plus the list
//! of what was changed, so a caller can show a diff and check the result again.
//!
//! | fix | what it does | the finding it removes |
//! |---|---|---|
//! | `line-ends` | bare LF → CRLF; a bare CR → CRLF in the body, a space in the header | `headers/line-breaks` |
//! | `encode-subject` | a raw UTF-8 Subject → RFC 2047 encoded words | `headers/raw-8bit` (Subject) |
//! | `fold-headers` | header lines over 78 octets folded at white space | `size/line-length` (header lines) |
//! | `add-date` | a `Date` from `now` when the message has none | `headers/missing-field` (Date) |
//! | `add-message-id` | a `Message-ID` on the From domain when the message has none | `headers/missing-field` (Message-ID) |
//! | `text-alternative` | an HTML-only message becomes `multipart/alternative` with its visible text first | (none yet: receivers' filters score HTML-only mail) |
//!
//! A bare CR in the header becomes a space, not a line break: `Subject: Hi\rBcc: x`
//! is a smuggling attempt, and turning it into CRLF would add the `Bcc` field for
//! every reader (PHP treats control characters in `subject` the same way).
//! A fix that cannot be done safely (a Subject that is not UTF-8, a header line
//! with no white space to fold at, no `now` for the Date) is left out, never guessed.

pub mod fold;
pub mod line_ends;
pub mod missing_fields;
pub mod subject;
pub mod text_alternative;

use crate::model::headers::{self, HeaderBlock};
use crate::{LintError, MAX_INPUT_BYTES};
use serde::{Deserialize, Serialize};

/// The mechanical fixes, in the order they are applied (line ends first, so the
/// others insert the message's own line end; the body restructuring last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    LineEnds,
    EncodeSubject,
    FoldHeaders,
    AddDate,
    AddMessageId,
    TextAlternative,
}

impl FixKind {
    pub const ALL: [FixKind; 6] = [
        FixKind::LineEnds,
        FixKind::EncodeSubject,
        FixKind::FoldHeaders,
        FixKind::AddDate,
        FixKind::AddMessageId,
        FixKind::TextAlternative,
    ];

    /// Stable id (`line-ends`, …), the JSON spelling.
    pub fn id(self) -> &'static str {
        match self {
            FixKind::LineEnds => "line-ends",
            FixKind::EncodeSubject => "encode-subject",
            FixKind::FoldHeaders => "fold-headers",
            FixKind::AddDate => "add-date",
            FixKind::AddMessageId => "add-message-id",
            FixKind::TextAlternative => "text-alternative",
        }
    }

    /// The rule whose findings this fix removes (`None`: no rule flags it).
    pub fn rule_id(self) -> Option<&'static str> {
        match self {
            FixKind::LineEnds => Some("headers/line-breaks"),
            FixKind::EncodeSubject => Some("headers/raw-8bit"),
            FixKind::FoldHeaders => Some("size/line-length"),
            FixKind::AddDate | FixKind::AddMessageId => Some("headers/missing-field"),
            FixKind::TextAlternative => Some("spam/html-only"),
        }
    }
}

/// What the caller may say about a fix run. Unknown fields are refused.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct FixOptions {
    /// "Now" as Unix seconds, for the added `Date` (the engine never reads the
    /// clock); without it no `Date` is added.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "crate::options::now_field")]
    pub now: Option<i64>,
    /// Only these fixes; all of them when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<FixKind>>,
}

impl FixOptions {
    pub fn from_json(json: &str) -> Result<FixOptions, LintError> {
        crate::error::Invalid::parse(json, "options").map_err(LintError::InvalidOptions)
    }

    fn wants(&self, kind: FixKind) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(&kind))
    }
}

/// One fix that changed the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedFix {
    pub fix: FixKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_id: Option<&'static str>,
    /// How many places changed (line ends, folded fields; 1 for an added field).
    pub count: usize,
    /// What was written or touched: the added field, the folded field names, …
    /// (message-derived; a caller shows it as text).
    pub detail: String,
}

/// The fixed message and what changed; `applied` is empty when nothing needed fixing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub bytes: Vec<u8>,
    pub applied: Vec<AppliedFix>,
}

/// What one fix did: the new bytes, how many places, and a detail for people.
pub(crate) struct Change {
    pub bytes: Vec<u8>,
    pub count: usize,
    pub detail: String,
}

/// The line end the message uses once `line-ends` has run: CRLF unless it is
/// written entirely with LF (pasted text), whose mailer converts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Eol {
    CrLf,
    Lf,
}

impl Eol {
    pub fn of(raw: &[u8]) -> Eol {
        let has_crlf = raw.windows(2).any(|w| w == b"\r\n");
        if !has_crlf && raw.contains(&b'\n') {
            Eol::Lf
        } else {
            Eol::CrLf
        }
    }
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Eol::CrLf => b"\r\n",
            Eol::Lf => b"\n",
        }
    }
    /// Text written with CRLF (as the encoders do), in this line end: itself
    /// when that is CRLF (a text body's encoding is not copied again).
    pub fn adapt(self, text: String) -> String {
        match self {
            Eol::CrLf => text,
            Eol::Lf => text.replace("\r\n", "\n"),
        }
    }
}

/// The top-level header block of `raw`.
pub(crate) fn header_block(raw: &[u8]) -> HeaderBlock {
    headers::scan(raw, 0, raw.len())
}

/// Applies every wanted fix in order; a message with no header field at all is
/// returned unchanged (there is nothing mechanical to do with what is not a message).
pub fn fix(raw: &[u8], options: &FixOptions) -> Result<Fixed, LintError> {
    if raw.len() > MAX_INPUT_BYTES {
        return Err(LintError::InputTooLarge { size: raw.len(), limit: MAX_INPUT_BYTES });
    }
    fix_owned(raw.to_vec(), options)
}

/// `fix` of a message the caller gives away (`fixMessage` copies it into the
/// wasm memory once): the fixes work on it, not on a second copy. At 32 MiB
/// each copy of the message is an eighth of the 256 MB the engine keeps to.
pub fn fix_owned(raw: Vec<u8>, options: &FixOptions) -> Result<Fixed, LintError> {
    if raw.len() > MAX_INPUT_BYTES {
        return Err(LintError::InputTooLarge { size: raw.len(), limit: MAX_INPUT_BYTES });
    }
    crate::options::check_now(options.now)?;
    let mut bytes = raw;
    let mut applied = Vec::new();
    if header_block(&bytes).fields.is_empty() {
        return Ok(Fixed { bytes, applied });
    }
    for kind in FixKind::ALL {
        if !options.wants(kind) {
            continue;
        }
        let change = match kind {
            FixKind::LineEnds => line_ends::apply(&bytes),
            FixKind::EncodeSubject => subject::apply(&bytes),
            FixKind::FoldHeaders => fold::apply(&bytes),
            FixKind::AddDate => options.now.and_then(|now| missing_fields::add_date(&bytes, now)),
            FixKind::AddMessageId => missing_fields::add_message_id(&bytes, options.now),
            FixKind::TextAlternative => text_alternative::apply(&bytes),
        };
        if let Some(change) = change {
            bytes = change.bytes;
            applied.push(AppliedFix { fix: kind, rule_id: kind.rule_id(), count: change.count, detail: change.detail });
        }
    }
    Ok(Fixed { bytes, applied })
}
