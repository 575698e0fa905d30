//! Bytes of the message quoted as text, as a reader decodes them: a body line
//! of an 8-bit part in KOI8-R, windows-1252 or ISO-2022-JP is shown in its own
//! charset, not as replacement characters or escape sequences. The one place
//! findings that quote the message's bytes decode them (`Draft::evidence_at`).

use super::{Body, Message, Part};
use crate::grammar::charset::decoder;
use std::borrow::Cow;
use std::ops::Range;

impl<'a> Message<'a> {
    /// The bytes `range` of `raw` as text. Those in the body of a text part that
    /// lies in the input as written (no transfer encoding, or 7bit, 8bit, binary)
    /// are decoded with the part's charset, as readers decode the part; a part
    /// without one is read as UTF-8, as mail-parser reads it (and as the
    /// registrations of text/vcard or text/calendar say, `grammar::charset`).
    /// The rest (header fields, RFC 6532 UTF-8; base64 or quoted-printable
    /// lines, ASCII) as UTF-8, what is not UTF-8 shown as U+FFFD. A range across
    /// a part's header and body (the context of a line break) is decoded piece by piece.
    pub fn text_at(&self, range: Range<usize>) -> Cow<'a, str> {
        let end = range.end.min(self.raw.len());
        let start = range.start.min(end);
        let lossy = |from: usize, to: usize| String::from_utf8_lossy(&self.raw[from..to]);
        let Some((part, decode)) = self.charset_part_within(start..end) else { return lossy(start, end) };
        let body = part.body_range.clone().unwrap_or_default();
        let (from, to) = (body.start.max(start), body.end.min(end));
        let mut text = String::with_capacity(end - start);
        text.push_str(&lossy(start, from));
        text.push_str(&decode(&self.raw[from..to]));
        text.push_str(&lossy(to, end));
        Cow::Owned(text)
    }

    /// The text part whose body overlaps `range` as written, when its charset
    /// reads other than UTF-8, with the charset's decoder: the innermost leaf
    /// (parts come depth-first, so the last) with an identity transfer encoding
    /// (an empty Content-Transfer-Encoding is read as none, as mail-parser reads it).
    fn charset_part_within(&self, range: Range<usize>) -> Option<(&Part<'a>, fn(&[u8]) -> String)> {
        let part = self
            .parts
            .iter()
            .filter(|p| {
                !p.is_multipart() && p.body_range.as_ref().is_some_and(|r| r.start < range.end && range.start < r.end)
            })
            .last()?;
        let identity = matches!(part.transfer_encoding.as_deref(), None | Some("" | "7bit" | "8bit" | "binary"));
        if !identity || !matches!(part.body, Body::Text(_) | Body::Html(_)) {
            return None;
        }
        let charset = part.charset.as_deref()?.trim().to_ascii_lowercase();
        let bytes = &self.raw[range];
        // ASCII reads the same in every charset mail uses, but for those that
        // switch with escapes or shifts written in ASCII (ISO-2022-JP, UTF-7, HZ).
        let shifting = bytes.contains(&0x1b) || matches!(charset.as_str(), "utf-7" | "hz-gb-2312");
        if matches!(charset.as_str(), "utf-8" | "utf8" | "us-ascii") || bytes.is_ascii() && !shifting {
            return None;
        }
        decoder(charset.as_bytes()).map(|decode| (part, decode))
    }
}
