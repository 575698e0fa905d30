//! Who a message claims to be from and how it is authenticated, computed once
//! while the message is analysed: the From, Sender, Return-Path and Reply-To
//! mailboxes (display names decoded), the list and bulk markers, the number of
//! recipients, and every `DKIM-Signature` with its recomputed hashes
//! (`crate::dkim`). The `sender/*`, `dkim/*` and `bulk/*` rules read these.

use super::fields::FieldValues;
use super::headers::HeaderBlock;
use crate::dkim::{self, SignatureFacts};
use crate::grammar::address::parse_address_list;
use crate::grammar::encoded_word::{decode_b, decode_q};
use std::ops::Range;

/// One mailbox of an address field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mailbox {
    /// Index of the field in `Message::header.fields`.
    pub field: usize,
    /// The display name, unquoted and RFC 2047 decoded (empty when none).
    pub display_name: String,
    /// `local@domain` as written.
    pub address: String,
    /// The domain, lower-cased (RFC 5321 §2.4: domains are case-insensitive).
    pub domain: String,
    /// Byte range of the whole field in the message, for locations.
    pub range: Range<usize>,
}

/// `List-Unsubscribe` (RFC 2369 §3.2) and `List-Unsubscribe-Post` (RFC 8058 §3.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unsubscribe {
    /// The URIs between angle brackets, in order.
    pub uris: Vec<String>,
    /// Field index of `List-Unsubscribe`, if present.
    pub field: Option<usize>,
    /// The unfolded value of `List-Unsubscribe-Post`, if present, and its field.
    pub post: Option<(usize, String)>,
    /// `List-Unsubscribe` holds RFC 2047 encoded words (PHPMailer Q-encodes a
    /// long custom header): receivers do not decode them in this field
    /// (RFC 2047 §5: not inside a URI), so its URIs are unusable.
    pub encoded: bool,
}

impl Unsubscribe {
    /// The `https:` URIs: the only ones a one-click POST goes to (RFC 8058 §3.1).
    pub fn https(&self) -> impl Iterator<Item = &str> {
        self.uris
            .iter()
            .filter(|_| !self.encoded)
            .map(String::as_str)
            // Bytes, not `&u[..8]`: the eighth byte may fall inside a character.
            .filter(|u| u.len() > 8 && u.as_bytes()[..8].eq_ignore_ascii_case(b"https://"))
    }
}

/// Identity and authentication facts of the top-level header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    /// The mailboxes of the first From field.
    pub from: Vec<Mailbox>,
    pub sender: Option<Mailbox>,
    /// The envelope sender an MTA recorded (`Return-Path`, RFC 5321 §4.4); absent before sending.
    pub return_path: Option<Mailbox>,
    /// The mailboxes the message was delivered to, as the delivering MTA recorded
    /// them (`Delivered-To` of Postfix and qmail, `X-Original-To` of Postfix), lower case.
    pub delivered_to: Vec<String>,
    pub reply_to: Vec<Mailbox>,
    /// Mailboxes in To, Cc and Bcc.
    pub recipients: usize,
    /// A `List-Id` field (RFC 2919) is present.
    pub list_id: bool,
    /// The host the first `List-Id` names, lower case (`list_id_host`): the
    /// list owner's domain (RFC 2919: a namespace the list owner controls).
    pub list_id_host: Option<String>,
    /// List traffic shown by something other than `List-Id`: an RFC 2369 field
    /// only a list has, `Mailing-List`, or a list manager's address.
    pub list_manager: bool,
    /// A list manager sent it: `List-Id`, one of the RFC 2369 fields only a list
    /// has (`List-Post`, `List-Help`, `List-Subscribe`, `List-Owner`, `List-Archive`;
    /// not `List-Unsubscribe`, which bulk senders add too), or the `Mailing-List` /
    /// `X-Mailing-List` field of ezmlm, Yahoo Groups and older list managers, or
    /// an envelope sender (`Return-Path`) or `Sender` named the way list managers
    /// name theirs (`list_manager_address`).
    pub list_traffic: bool,
    /// `Precedence: bulk` or `list` (RFC 2076 §3.9, a de-facto bulk marker).
    pub precedence_bulk: bool,
    /// `Auto-Submitted` other than `no` (RFC 3834 §5): an automatic reply or notice.
    pub auto_submitted: bool,
    pub unsubscribe: Unsubscribe,
    /// `Received` fields: the message has already travelled.
    pub received: usize,
    pub dkim: Vec<SignatureFacts>,
}

/// Fields only a list manager adds (see `Identity::list_traffic`).
const LIST_MANAGER_FIELDS: [&str; 7] =
    ["List-Post", "List-Help", "List-Subscribe", "List-Owner", "List-Archive", "Mailing-List", "X-Mailing-List"];

/// An address named the way list managers name the envelope sender of the
/// posts they re-send: `owner-LIST` (Majordomo, LISTSERV), `LIST-owner`
/// (Sympa), `LIST-admin` (Mailman 2.0), `LIST-bounces` and `LIST-bounces+…`
/// (Mailman 2.1 and 3), `LIST-bounce` (MSN Groups), `LIST-request`, and
/// `LIST-return-N-…` (ezmlm). A newsletter platform's `bounce-…` prefix is not
/// one: that is a bulk sender's own envelope, which must align; nor is
/// LISTSERV's `owner-nolist-…`, the envelope of its mail to no list.
pub fn list_manager_address(address: &str) -> bool {
    let Some((local, _)) = address.rsplit_once('@') else { return false };
    let local = local.to_ascii_lowercase();
    let base = local.split_once('+').map_or(local.as_str(), |(base, _)| base);
    let named = |name: &str| !name.is_empty();
    base.strip_prefix("owner-").is_some_and(|name| named(name) && !name.starts_with("nolist"))
        || ["-owner", "-admin", "-bounces", "-bounce", "-request"]
            .iter()
            .any(|suffix| base.strip_suffix(suffix).is_some_and(named))
        || base.split_once("-return-").is_some_and(|(name, rest)| named(name) && rest.starts_with(|c: char| c.is_ascii_digit()))
}

impl Identity {
    /// The envelope sender a script gives its mailer (Nodemailer's
    /// `envelope.from`): the Return-Path the receiver will record, replacing
    /// any written in the header. It is in no field (`field` is out of range).
    pub fn set_envelope_sender(&mut self, address: String) {
        let domain = address.rsplit_once('@').map_or("", |(_, d)| d).to_ascii_lowercase();
        let by_list_address = list_manager_address(&address);
        self.list_traffic |= by_list_address;
        self.list_manager |= by_list_address;
        self.return_path = Some(Mailbox { field: usize::MAX, display_name: String::new(), address, domain, range: 0..0 });
    }

    /// The domain of the first From mailbox.
    pub fn from_domain(&self) -> Option<&str> {
        self.from.first().map(|m| m.domain.as_str()).filter(|d| !d.is_empty())
    }
}

/// Computes the identity facts from the header (already scanned and parsed).
pub fn analyse(raw: &[u8], header: &HeaderBlock, values: &FieldValues) -> Identity {
    let mut identity = Identity::default();
    // An address a receiver cannot read (encoded, or its ends unknown) names
    // no one: the alignment and bulk rules do not compare it (`Mailbox::readable`).
    let readable_of = |index: usize| {
        let list = values.addresses.iter().find(|a| a.field == index).map(|a| &a.list);
        list.into_iter().flat_map(|list| list.mailboxes.iter()).filter(|m| m.readable)
    };
    let mailboxes_of = |index: usize| -> Vec<Mailbox> {
        let Some(field) = header.fields.get(index) else { return Vec::new() };
        let value = field.raw_value(raw);
        readable_of(index)
            .map(|m| {
                let slice =
                    |r: (usize, usize)| String::from_utf8_lossy(value.get(r.0..r.1).unwrap_or(&[])).into_owned();
                let name = match (m.display_name.first(), m.display_name.last()) {
                    (Some(first), Some(last)) => display_name(value.get(first.start..last.end).unwrap_or(&[])),
                    _ => String::new(),
                };
                Mailbox {
                    field: index,
                    display_name: name,
                    address: slice(m.addr_spec),
                    // Borrowed where the value is UTF-8: one copy, the lowercase one.
                    domain: String::from_utf8_lossy(value.get(m.domain.0..m.domain.1).unwrap_or(&[]))
                        .trim_matches(['[', ']'])
                        .to_ascii_lowercase(),
                    range: field.start..field.end,
                }
            })
            .collect()
    };
    for (index, field) in header.fields.iter().enumerate() {
        if field.is("From") && identity.from.is_empty() {
            identity.from = mailboxes_of(index);
        } else if field.is("Sender") && identity.sender.is_none() {
            identity.sender = mailboxes_of(index).into_iter().next();
        } else if field.is("Reply-To") && identity.reply_to.is_empty() {
            identity.reply_to = mailboxes_of(index);
        } else if field.is("To") || field.is("Cc") || field.is("Bcc") {
            // Counted, not copied (#14: a copy of each recipient's texts only to
            // count them was 26 allocations a message of the corpus).
            identity.recipients += readable_of(index).count();
        } else if field.is("Delivered-To") || field.is("X-Original-To") {
            let list = parse_address_list(field.raw_value(raw));
            let value = field.raw_value(raw);
            identity.delivered_to.extend(list.mailboxes.iter().filter(|m| m.readable).map(|m| {
                String::from_utf8_lossy(value.get(m.addr_spec.0..m.addr_spec.1).unwrap_or(&[])).to_ascii_lowercase()
            }));
        } else if field.is("Return-Path") && identity.return_path.is_none() {
            let list = parse_address_list(field.raw_value(raw));
            identity.return_path = list.mailboxes.iter().find(|m| m.readable).map(|m| {
                let value = field.raw_value(raw);
                let slice =
                    |r: (usize, usize)| String::from_utf8_lossy(value.get(r.0..r.1).unwrap_or(&[])).into_owned();
                Mailbox {
                    field: index,
                    display_name: String::new(),
                    address: slice(m.addr_spec),
                    domain: String::from_utf8_lossy(value.get(m.domain.0..m.domain.1).unwrap_or(&[])).to_ascii_lowercase(),
                    range: field.start..field.end,
                }
            });
        } else if field.is("List-Id") {
            if !identity.list_id {
                identity.list_id_host = list_id_host(&field.unfolded_value(raw));
            }
            identity.list_id = true;
            identity.list_traffic = true;
        } else if LIST_MANAGER_FIELDS.iter().any(|name| field.is(name)) {
            identity.list_traffic = true;
            identity.list_manager = true;
        } else if field.is("Auto-Submitted") {
            let value = field.unfolded_value(raw);
            let keyword = value.split([';', '(']).next().unwrap_or_default().trim();
            identity.auto_submitted |= !keyword.is_empty() && !keyword.eq_ignore_ascii_case("no");
        } else if field.is("Precedence") {
            let value = field.unfolded_value(raw).to_ascii_lowercase();
            identity.precedence_bulk |= value == "bulk" || value == "list";
        } else if field.is("List-Unsubscribe") && identity.unsubscribe.field.is_none() {
            let value = field.unfolded_value(raw);
            identity.unsubscribe.field = Some(index);
            identity.unsubscribe.encoded = value.contains("=?") && value.contains("?=");
            identity.unsubscribe.uris = angle_uris(&value);
        } else if field.is("List-Unsubscribe-Post") && identity.unsubscribe.post.is_none() {
            identity.unsubscribe.post = Some((index, field.unfolded_value(raw)));
        } else if field.is("Received") {
            identity.received += 1;
        }
    }
    let by_list_manager = |mailbox: &Option<Mailbox>| mailbox.as_ref().is_some_and(|m| list_manager_address(&m.address));
    let by_list_address = by_list_manager(&identity.return_path) || by_list_manager(&identity.sender);
    identity.list_traffic |= by_list_address;
    identity.list_manager |= by_list_address;
    let fields: Vec<dkim::Field> = header
        .fields
        .iter()
        .map(|f| dkim::Field {
            name: &f.name,
            bytes: raw.get(f.start..f.end_with_break).unwrap_or(&[]),
            colon: f.colon - f.start,
        })
        .collect();
    identity.dkim = dkim::analyse(&fields, raw.get(header.body_start..).unwrap_or(&[]));
    identity
}

/// The host a `List-Id` value names: the identifier in angle brackets (or the
/// whole value without them), read as a host name whatever its form, so that a
/// URL (`<http://news.example.com/x>`, Nodemailer's `list.id`) or an address
/// (`<mailto:news@example.com>`) still names its domain. `None` when nothing
/// like a host name is left.
pub fn list_id_host(value: &str) -> Option<String> {
    let inner = match value.rsplit_once('<') {
        Some((_, rest)) => rest.split('>').next().unwrap_or_default(),
        None => value,
    };
    let inner = inner.trim();
    let inner = inner.split_once("://").map_or(inner, |(_, rest)| rest);
    let inner = inner.rsplit_once('@').map_or(inner, |(_, domain)| domain);
    let host = inner.split(['/', '?', '#', ':']).next().unwrap_or_default().trim_end_matches('.');
    let ok = host.contains('.') && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b >= 0x80);
    ok.then(|| host.to_lowercase())
}

/// RFC 2369 §2: URIs in angle brackets, separated by commas; at most
/// `MAX_UNSUBSCRIBE_URIS` are kept (default, ours).
fn angle_uris(value: &str) -> Vec<String> {
    value
        .split('<')
        .skip(1)
        .filter_map(|part| part.split_once('>').map(|(uri, _)| uri.split_whitespace().collect::<String>()))
        .take(MAX_UNSUBSCRIBE_URIS)
        .collect()
}

/// Most `List-Unsubscribe` URIs read (RFC 2369 lists "one or more"; mail carries one or two).
pub const MAX_UNSUBSCRIBE_URIS: usize = 16;

/// A display name as a reader sees it: quotes and escapes removed, RFC 2047
/// encoded words decoded in every charset mail-parser knows (also inside
/// quotes, which §5 (3) forbids but readers decode; an unknown charset is kept
/// as written), white space collapsed.
pub fn display_name(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let mut out = String::with_capacity(text.len());
    let mut previous_was_encoded = false;
    for word in text.split_whitespace() {
        let decoded = decode_encoded_word(word.trim_matches('"'));
        if !out.is_empty() && !(previous_was_encoded && decoded.is_some()) {
            out.push(' ');
        }
        previous_was_encoded = decoded.is_some();
        out.push_str(&decoded.unwrap_or_else(|| word.to_string()));
    }
    let mut unquoted = String::with_capacity(out.len());
    let mut escaped = false;
    for ch in out.chars() {
        match ch {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => {}
            _ => {
                escaped = false;
                unquoted.push(ch);
            }
        }
    }
    unquoted.trim().to_string()
}

/// `=?charset?B|Q?text?=` (RFC 2047 §2), or `None` when `word` is not one.
fn decode_encoded_word(word: &str) -> Option<String> {
    let inner = word.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut parts = inner.splitn(3, '?');
    let (charset, encoding, text) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes = match encoding {
        "B" | "b" => decode_b(text.as_bytes())?,
        "Q" | "q" => decode_q(text.as_bytes())?,
        _ => return None,
    };
    crate::grammar::charset::decode_in(charset, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_are_unquoted_and_decoded() {
        assert_eq!(display_name(b"\"service@paypal.com\""), "service@paypal.com");
        assert_eq!(display_name(b"=?utf-8?q?H=C3=A9l=C3=A8ne?= Dupr\xc3\xa9"), "Hélène Dupré");
        assert_eq!(display_name(b"=?UTF-8?B?c2VydmljZUBwYXlwYWwuY29t?="), "service@paypal.com");
        assert_eq!(display_name(b"\"Smith, \\\"Bob\\\"\""), "Smith, \"Bob\"");
        // Inside quotes (RFC 2047 §5 (3) forbids it, readers decode it), and in
        // the charsets of Polish and Japanese mail.
        assert_eq!(display_name(b"\"=?UTF-8?B?c2VydmljZUBwYXlwYWwuY29t?=\""), "service@paypal.com");
        assert_eq!(display_name(b"=?iso-8859-2?Q?Pawe=B3_=A3uczak?="), "Pawe\u{142} \u{141}uczak");
        assert_eq!(display_name(b"\"=?iso-2022-jp?B?GyRCMEtFbCEhP04bKEI=?=\""), "\u{4f0a}\u{6771}\u{3000}\u{4ec1}");
        assert_eq!(display_name(b"=?x-unknown?Q?abc?="), "=?x-unknown?Q?abc?=");
    }

    #[test]
    fn a_list_id_names_its_host_whatever_its_form() {
        assert_eq!(list_id_host("News <news.My-Site.example>").as_deref(), Some("news.my-site.example"));
        assert_eq!(list_id_host("\"News\" <http://news.my-site.example/x>").as_deref(), Some("news.my-site.example"));
        assert_eq!(list_id_host("<mailto:news@my-site.example>").as_deref(), Some("my-site.example"));
        assert_eq!(list_id_host(" news.my-site.example ").as_deref(), Some("news.my-site.example"));
        assert_eq!(list_id_host("a <b> <friends.lists.example.net>").as_deref(), Some("friends.lists.example.net"));
        assert_eq!(list_id_host("<newsletter>"), None);
        assert_eq!(list_id_host("<news list.example>"), None);
        assert_eq!(list_id_host(""), None);
    }

    #[test]
    fn unsubscribe_uris_are_read_between_angle_brackets() {
        assert_eq!(
            angle_uris("<mailto:u@example.com?subject=unsub>, <https://example.com/u/1\r\n 23>"),
            vec!["mailto:u@example.com?subject=unsub".to_string(), "https://example.com/u/123".to_string()]
        );
    }
}
