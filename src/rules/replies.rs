//! The replies receivers are documented to give when they refuse a message,
//! as the rules' receiver evidence quotes them (`Gmail bounces "550-5.7.1 …"`).
//! The queue simulation gives them to the mails such a receiver returns.

use super::registry::REGISTRY;
use crate::settings::Evidence;

/// The reply a receiver documents for refusing a message with an error of
/// `rule_id`: a quoted text of the rule's receiver evidence that starts with a
/// 4xx or 5xx code (RFC 5321 §4.2.1: 4 transient, 5 permanent). When the rule
/// quotes several, the one that names `field` (the finding's field, compared
/// without case or punctuation: `Message-ID` names "messageId"), else the first.
pub fn documented_reply(rule_id: &str, field: Option<&str>) -> Option<&'static str> {
    let rule = REGISTRY.iter().find(|r| r.id == rule_id)?;
    let replies: Vec<&'static str> = rule
        .evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Receiver(text) => Some(*text),
            _ => None,
        })
        .flat_map(|text| text.split('"').skip(1).step_by(2))
        .filter(|quoted| is_refusal_reply(quoted))
        .collect();
    let named = field.map(folded).filter(|f| !f.is_empty()).and_then(|field| {
        replies.iter().copied().find(|reply| folded(reply).contains(&field))
    });
    named.or_else(|| replies.first().copied())
}

/// A reply line with a refusal code: three digits, the first 4 or 5, then a
/// space or a hyphen (RFC 5321 §4.2: `Reply-code [ SP textstring ]`, `-` on
/// all lines but the last).
fn is_refusal_reply(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > 4
        && matches!(bytes[0], b'4' | b'5')
        && bytes[1..3].iter().all(u8::is_ascii_digit)
        && matches!(bytes[3], b' ' | b'-')
}

/// Lower-case letters and digits only.
fn folded(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_message_id_gets_gmails_message_id_reply() {
        assert_eq!(
            documented_reply("headers/missing-field", Some("Message-ID")),
            Some("550-5.7.1 Messages missing a valid messageId header are not accepted")
        );
    }

    #[test]
    fn a_missing_from_gets_gmails_rfc_5322_reply() {
        assert_eq!(
            documented_reply("headers/missing-field", Some("From")),
            Some("550-5.7.1 Our system has detected that this message is not RFC 5322 compliant")
        );
        assert_eq!(
            documented_reply("headers/duplicate-field", None),
            Some("550-5.7.1 Our system has detected that this message is not RFC 5322 compliant")
        );
    }

    #[test]
    fn a_rule_whose_evidence_quotes_no_reply_has_none() {
        // size/line-length quotes KumoMTA's "line too long": a text, not a reply.
        assert_eq!(documented_reply("size/line-length", None), None);
        assert_eq!(documented_reply("no/such-rule", None), None);
    }

    #[test]
    fn only_refusal_codes_are_replies() {
        assert!(is_refusal_reply("550 5.7.1 no"));
        assert!(is_refusal_reply("421-4.7.0 later"));
        assert!(!is_refusal_reply("250 OK"));
        assert!(!is_refusal_reply("line too long"));
        assert!(!is_refusal_reply("550"));
        assert!(!is_refusal_reply("5é0 x"));
    }
}
