//! The reply-code table of the guide (seed 003, codes 211–555) and the RFC 3463
//! enhanced status codes, as catalogue ids (texts in `i18n/catalog/smtp.rs`).

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

/// RFC 3463 §3.x details defined for each subject: (subject, detail, id).
const DETAILS: &[(u16, u16, &str)] = &[
    (0, 0, "smtp.enhanced.detail.0.0"),
    (1, 0, "smtp.enhanced.detail.1.0"),
    (1, 1, "smtp.enhanced.detail.1.1"),
    (1, 2, "smtp.enhanced.detail.1.2"),
    (1, 3, "smtp.enhanced.detail.1.3"),
    (1, 4, "smtp.enhanced.detail.1.4"),
    (1, 5, "smtp.enhanced.detail.1.5"),
    (1, 6, "smtp.enhanced.detail.1.6"),
    (1, 7, "smtp.enhanced.detail.1.7"),
    (1, 8, "smtp.enhanced.detail.1.8"),
    (2, 0, "smtp.enhanced.detail.2.0"),
    (2, 1, "smtp.enhanced.detail.2.1"),
    (2, 2, "smtp.enhanced.detail.2.2"),
    (2, 3, "smtp.enhanced.detail.2.3"),
    (2, 4, "smtp.enhanced.detail.2.4"),
    (3, 0, "smtp.enhanced.detail.3.0"),
    (3, 1, "smtp.enhanced.detail.3.1"),
    (3, 2, "smtp.enhanced.detail.3.2"),
    (3, 3, "smtp.enhanced.detail.3.3"),
    (3, 4, "smtp.enhanced.detail.3.4"),
    (4, 0, "smtp.enhanced.detail.4.0"),
    (4, 1, "smtp.enhanced.detail.4.1"),
    (4, 2, "smtp.enhanced.detail.4.2"),
    (4, 3, "smtp.enhanced.detail.4.3"),
    (4, 4, "smtp.enhanced.detail.4.4"),
    (4, 5, "smtp.enhanced.detail.4.5"),
    (4, 6, "smtp.enhanced.detail.4.6"),
    (4, 7, "smtp.enhanced.detail.4.7"),
    (5, 0, "smtp.enhanced.detail.5.0"),
    (5, 1, "smtp.enhanced.detail.5.1"),
    (5, 2, "smtp.enhanced.detail.5.2"),
    (5, 3, "smtp.enhanced.detail.5.3"),
    (5, 4, "smtp.enhanced.detail.5.4"),
    (5, 5, "smtp.enhanced.detail.5.5"),
    (6, 0, "smtp.enhanced.detail.6.0"),
    (6, 1, "smtp.enhanced.detail.6.1"),
    (6, 2, "smtp.enhanced.detail.6.2"),
    (6, 3, "smtp.enhanced.detail.6.3"),
    (6, 4, "smtp.enhanced.detail.6.4"),
    (6, 5, "smtp.enhanced.detail.6.5"),
    (7, 0, "smtp.enhanced.detail.7.0"),
    (7, 1, "smtp.enhanced.detail.7.1"),
    (7, 2, "smtp.enhanced.detail.7.2"),
    (7, 3, "smtp.enhanced.detail.7.3"),
    (7, 4, "smtp.enhanced.detail.7.4"),
    (7, 5, "smtp.enhanced.detail.7.5"),
    (7, 6, "smtp.enhanced.detail.7.6"),
    (7, 7, "smtp.enhanced.detail.7.7"),
];

/// Class, subject and (when RFC 3463 defines it) detail ids of an enhanced code.
pub fn enhanced_meaning(
    (class, subject, detail): (u8, u16, u16),
) -> (&'static str, &'static str, Option<&'static str>) {
    let class_id = match class {
        2 => "smtp.enhanced.class.2",
        4 => "smtp.enhanced.class.4",
        _ => "smtp.enhanced.class.5",
    };
    let subject_id = match subject {
        0 => "smtp.enhanced.subject.0",
        1 => "smtp.enhanced.subject.1",
        2 => "smtp.enhanced.subject.2",
        3 => "smtp.enhanced.subject.3",
        4 => "smtp.enhanced.subject.4",
        5 => "smtp.enhanced.subject.5",
        6 => "smtp.enhanced.subject.6",
        7 => "smtp.enhanced.subject.7",
        _ => "smtp.enhanced.subject.other",
    };
    let detail_id = DETAILS.iter().find(|(s, d, _)| *s == subject && *d == detail).map(|(_, _, id)| *id);
    (class_id, subject_id, detail_id)
}
