//! The reply-code table of the guide (seed 003, codes 211–555) as catalogue
//! ids (texts in `i18n/catalog/smtp.rs`). The enhanced codes are in `enhanced.rs`.

use super::ReplyClass;

/// Codes of the seed 003 table: (code, meaning id, action id).
pub const CODES: &[(u16, &str, &str)] = &[
    (211, "smtp.code.211.meaning", "smtp.code.211.action"),
    (214, "smtp.code.214.meaning", "smtp.code.214.action"),
    (220, "smtp.code.220.meaning", "smtp.code.220.action"),
    (221, "smtp.code.221.meaning", "smtp.code.221.action"),
    (250, "smtp.code.250.meaning", "smtp.code.250.action"),
    (251, "smtp.code.251.meaning", "smtp.code.251.action"),
    (252, "smtp.code.252.meaning", "smtp.code.252.action"),
    (354, "smtp.code.354.meaning", "smtp.code.354.action"),
    (420, "smtp.code.420.meaning", "smtp.code.420.action"),
    (421, "smtp.code.421.meaning", "smtp.code.421.action"),
    (432, "smtp.code.432.meaning", "smtp.code.432.action"),
    (449, "smtp.code.449.meaning", "smtp.code.449.action"),
    (450, "smtp.code.450.meaning", "smtp.code.450.action"),
    (451, "smtp.code.451.meaning", "smtp.code.451.action"),
    (452, "smtp.code.452.meaning", "smtp.code.452.action"),
    (455, "smtp.code.455.meaning", "smtp.code.455.action"),
    (500, "smtp.code.500.meaning", "smtp.code.500.action"),
    (501, "smtp.code.501.meaning", "smtp.code.501.action"),
    (502, "smtp.code.502.meaning", "smtp.code.502.action"),
    (503, "smtp.code.503.meaning", "smtp.code.503.action"),
    (504, "smtp.code.504.meaning", "smtp.code.504.action"),
    (550, "smtp.code.550.meaning", "smtp.code.550.action"),
    (551, "smtp.code.551.meaning", "smtp.code.551.action"),
    (552, "smtp.code.552.meaning", "smtp.code.552.action"),
    (553, "smtp.code.553.meaning", "smtp.code.553.action"),
    (554, "smtp.code.554.meaning", "smtp.code.554.action"),
    (555, "smtp.code.555.meaning", "smtp.code.555.action"),
];

/// Codes the guide's table lacks that a script meets, from their RFC: (code,
/// meaning id, action id, reference).
pub const RFC_CODES: &[(u16, &str, &str, &str)] =
    &[(535, "smtp.code.535.meaning", "smtp.code.535.action", "RFC 4954 §6")];

/// Meaning and action ids of a code outside the guide's table, with its RFC.
pub fn rfc_code_entry(code: u16) -> Option<(&'static str, &'static str, &'static str)> {
    RFC_CODES.iter().find(|(c, ..)| *c == code).map(|(_, meaning, action, reference)| (*meaning, *action, *reference))
}

/// Meaning and action ids of a code in the guide's table.
pub fn code_entry(code: u16) -> Option<(&'static str, &'static str)> {
    CODES.iter().find(|(c, _, _)| *c == code).map(|(_, meaning, action)| (*meaning, *action))
}

/// Meaning and action ids of a class (seed 003 "quick analysis of SMTP replies").
pub fn class_entry(class: ReplyClass) -> (&'static str, &'static str) {
    match class {
        ReplyClass::Success => ("smtp.class.success", "smtp.class.success.action"),
        ReplyClass::Intermediate => ("smtp.class.intermediate", "smtp.class.intermediate.action"),
        ReplyClass::Transient => ("smtp.class.transient", "smtp.class.transient.action"),
        ReplyClass::Permanent => ("smtp.class.permanent", "smtp.class.permanent.action"),
        ReplyClass::Unknown => ("smtp.class.unknown", "smtp.class.unknown.action"),
    }
}
