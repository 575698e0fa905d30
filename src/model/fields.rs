//! Header field values parsed by the strict grammar (`crate::grammar`), once,
//! while the message is analysed: addresses, the date, message ids and MIME
//! parameters, each with offsets relative to its field's value. Rules read
//! them from `Message::values`; none parses a field again.

use super::charsets::EncodedWordField;
use super::headers::{HeaderBlock, HeaderField};
use super::Part;
use crate::grammar::address::{parse_address_list, AddressList};
use crate::grammar::date::{parse_date_time, DateCheck};
use crate::grammar::mime::{parse_mime_value, MimeValue};
use crate::grammar::msg_id::{parse_msg_ids, MsgIds};

/// The address fields of RFC 5322 §3.6.2–3.6.3, parsed as address lists.
pub const ADDRESS_FIELDS: &[&str] =
    &["From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Resent-From", "Resent-Sender", "Resent-To", "Resent-Cc"];

/// The fields holding message ids (RFC 5322 §3.6.4, §3.6.6); the first two hold exactly one.
pub const MESSAGE_ID_FIELDS: &[&str] = &["Message-ID", "Resent-Message-ID", "In-Reply-To", "References"];

/// A top-level address field with its parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressField {
    /// Index of the field in `Message::header.fields`.
    pub field: usize,
    pub list: AddressList,
}

/// The first top-level Date field with its parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateField {
    /// Index of the field in `Message::header.fields`.
    pub field: usize,
    pub check: DateCheck,
}

/// A top-level message-id field with its parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageIdField {
    /// Index of the field in `Message::header.fields`.
    pub field: usize,
    /// Message-ID and Resent-Message-ID hold exactly one id (RFC 5322 §3.6.4).
    pub single: bool,
    pub ids: MsgIds,
}

/// A Content-Type or Content-Disposition field of a part, with its parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MimeField {
    /// Index of the part in `Message::parts`.
    pub part: usize,
    /// Index of the field in that part's `headers.fields`.
    pub field: usize,
    /// Content-Type (true) or Content-Disposition (false).
    pub is_type: bool,
    pub value: MimeValue,
}

/// How many `Received` dates a message's Date is compared with: RFC 5321
/// §6.3 has a relay that counts Received fields against loops accept at least
/// 100, so a message that travelled has no more. The fields after them are not
/// read for their dates.
pub const MAX_RECEIVED_TIMES: usize = 100;

/// Every header field value the rules read, parsed once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldValues {
    /// The top-level address fields (`ADDRESS_FIELDS`), in header order.
    pub addresses: Vec<AddressField>,
    /// The first top-level Date field.
    pub date: Option<DateField>,
    /// The top-level message-id fields (`MESSAGE_ID_FIELDS`), in header order.
    pub message_ids: Vec<MessageIdField>,
    /// Content-Type and Content-Disposition of every part that has a header
    /// block, in part then field order.
    pub mime: Vec<MimeField>,
    /// When each top-level `Received` field says the message passed that hop
    /// (the date after its last `;`, RFC 5321 §4.4), Unix seconds, newest hop
    /// first; a field without a readable date is left out. The references for
    /// a Date too far from the time the message was sent, when `options.now` is
    /// not given. At most `MAX_RECEIVED_TIMES`.
    pub received_times: Vec<i64>,
    /// The fields of every header block that hold `=?` (RFC 2047 §2), in part
    /// then field order, with what their encoded words carry (`model::charsets`).
    pub encoded_words: Vec<EncodedWordField>,
}

impl FieldValues {
    /// Parses the values of `header` (the top-level block) and the MIME fields
    /// of `parts` (part 0's block is `header`), and records every field of their
    /// blocks that holds `=?` (`model::charsets::EncodedWordField`).
    pub fn parse(raw: &[u8], header: &HeaderBlock, parts: &[Part]) -> FieldValues {
        let mut values = FieldValues::default();
        for (index, field) in header.fields.iter().enumerate() {
            let value = field.raw_value(raw);
            if ADDRESS_FIELDS.iter().any(|name| field.is(name)) {
                values.addresses.push(AddressField { field: index, list: parse_address_list(value) });
            } else if field.is("Date") && values.date.is_none() {
                values.date = Some(DateField { field: index, check: parse_date_time(value) });
            } else if field.is("Received") && values.received_times.len() < MAX_RECEIVED_TIMES {
                // Fields come newest hop first (RFC 5321 §4.4 prepends them).
                let date = value.iter().rposition(|&b| b == b';').map(|semi| parse_date_time(&value[semi + 1..]));
                if let Some(time) = date.and_then(|check| check.date).map(|d| d.unix_seconds()) {
                    values.received_times.push(time);
                }
            } else if MESSAGE_ID_FIELDS.iter().any(|name| field.is(name)) {
                let single = field.is("Message-ID") || field.is("Resent-Message-ID");
                values.message_ids.push(MessageIdField { field: index, single, ids: parse_msg_ids(value, single) });
            }
        }
        for part in parts {
            for (index, field) in part.headers.fields.iter().enumerate() {
                if let Some(words) = EncodedWordField::read(part.index, index, field.raw_value(raw)) {
                    values.encoded_words.push(words);
                }
                let is_type = field.is("Content-Type");
                if is_type || field.is("Content-Disposition") {
                    let value = parse_mime_value(field.raw_value(raw), is_type);
                    values.mime.push(MimeField { part: part.index, field: index, is_type, value });
                }
            }
        }
        values
    }
}

impl<'a> super::Message<'a> {
    /// Every top-level address field with its parsed address list.
    pub fn address_fields(&self) -> impl Iterator<Item = (&HeaderField, &AddressList)> + '_ {
        self.values.addresses.iter().filter_map(|a| Some((self.header.fields.get(a.field)?, &a.list)))
    }

    /// The parsed address list of a top-level address field.
    pub fn addresses_of(&self, field: &HeaderField) -> Option<&AddressList> {
        self.address_fields().find(|(f, _)| f.start == field.start).map(|(_, list)| list)
    }

    /// The first Date field with its parsed value.
    pub fn date_field(&self) -> Option<(&HeaderField, &DateCheck)> {
        let date = self.values.date.as_ref()?;
        Some((self.header.fields.get(date.field)?, &date.check))
    }

    /// Every top-level message-id field with its parsed ids.
    pub fn message_id_fields(&self) -> impl Iterator<Item = (&HeaderField, &MsgIds)> + '_ {
        self.values.message_ids.iter().filter_map(|m| Some((self.header.fields.get(m.field)?, &m.ids)))
    }

    /// Every Content-Type and Content-Disposition field: (part, field, parsed value).
    pub fn mime_fields(&self) -> impl Iterator<Item = (usize, &HeaderField, &MimeValue)> + '_ {
        self.values.mime.iter().filter_map(|m| {
            let field = self.parts.get(m.part)?.headers.fields.get(m.field)?;
            Some((m.part, field, &m.value))
        })
    }

    /// Every header field that holds `=?`, in every header block, in part then
    /// field order, with what its encoded words carry (`model::charsets`).
    pub fn encoded_word_fields(&self) -> &[EncodedWordField] {
        &self.values.encoded_words
    }

    /// The parsed value of a Content-Type or Content-Disposition field of part `part`.
    pub fn mime_value(&self, part: usize, field: &HeaderField) -> Option<&MimeValue> {
        self.mime_fields().find(|(p, f, _)| *p == part && f.start == field.start).map(|(_, _, value)| value)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Message;
    use crate::report::Origin;

    #[test]
    fn every_value_a_rule_reads_is_parsed_while_analysing() {
        let raw = b"From: Alice <a@example.com>\r\nReply-To: b@example.com\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhi\r\n";
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &super::super::test_limits());
        let from = message.header("From").unwrap();
        assert_eq!(message.addresses_of(from).unwrap().mailboxes.len(), 1);
        assert_eq!(message.address_fields().count(), 2);
        assert!(message.date_field().unwrap().1.date.is_some());
        assert_eq!(message.message_id_fields().next().unwrap().1.ids.len(), 1);
        let (part, field, value) = message.mime_fields().next().unwrap();
        assert_eq!((part, field.name.as_str()), (0, "Content-Type"));
        assert_eq!(value.param("charset").map(|p| p.value.as_slice()), Some(&b"utf-8"[..]));
    }

    #[test]
    fn received_dates_are_read_newest_first_up_to_the_limit() {
        let mut raw = String::new();
        for day in 1..=150 {
            raw.push_str(&format!("Received: from a by b; {} Mar 2026 10:00:00 +0000\r\n", 1 + day % 28));
        }
        raw.push_str("Received: by c (no date)\r\nFrom: a@example.com\r\n\r\nhi\r\n");
        let message = Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &super::super::test_limits());
        let times = &message.values.received_times;
        assert_eq!(times.len(), super::MAX_RECEIVED_TIMES);
        assert_eq!(times[0] - times[1], -86_400, "the first field is the newest hop, read first");
    }
}
