//! `text`, `html`, `watchHtml` and `amp` as Nodemailer takes them
//! (mail-composer `getAlternatives`): a text, bytes (a Buffer, a typed array,
//! Node's JSON form of a Buffer), or an object. An object whose `content`,
//! `path`, `href` or `raw` JavaScript finds true is the alternative itself,
//! read field by field as any of `alternatives` (its `contentType` replaced
//! by the body's): `{ content, encoding }`, `{ raw }` (the part whole, sent as
//! it is), `headers`, `contentTransferEncoding`, `filename`. Any other object
//! becomes the content, which Nodemailer's stream cannot write ("The "chunk"
//! argument must be of type string or an instance of Buffer"): it is refused.

use super::{read_part_field, Attachment, Content, Headers};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum BodyInput {
    /// A text, or bytes sent as they are in a part declared UTF-8.
    Content(Content),
    /// The object form: an alternative's fields (boxed: a compose input
    /// holds four bodies, mostly texts, and is moved whole while it is read).
    Part(Box<Attachment>),
}

impl BodyInput {
    /// Whether Nodemailer makes a part of it (`if (this.mail.text)`): an
    /// empty text makes none, any Buffer or object does.
    pub fn is_given(&self) -> bool {
        match self {
            BodyInput::Content(content) => content.is_given(),
            BodyInput::Part(_) => true,
        }
    }

    /// The bytes of its content, or of its raw part (for the boundary's seed).
    pub fn content_bytes(&self) -> &[u8] {
        match self {
            BodyInput::Content(content) => content.as_bytes(),
            BodyInput::Part(part) => part.content.as_ref().or(part.raw.as_ref()).map_or(&[], Content::as_bytes),
        }
    }

    /// Its size in bytes: content, raw part, file name and headers.
    pub fn size(&self) -> usize {
        match self {
            BodyInput::Content(content) => content.len(),
            BodyInput::Part(part) => {
                [&part.content, &part.raw].into_iter().flatten().map(Content::len).sum::<usize>()
                    + part.filename.as_ref().map_or(0, String::len)
                    + part.headers.iter().flat_map(Headers::pairs).map(|(k, v, _)| k.len() + v.len()).sum::<usize>()
            }
        }
    }
}

impl<'de> Deserialize<'de> for BodyInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<BodyInput, D::Error> {
        struct BodyVisitor;
        impl<'de> Visitor<'de> for BodyVisitor {
            type Value = BodyInput;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a byte array, a Buffer, or { content, encoding }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BodyInput, E> {
                Ok(BodyInput::Content(Content::Text(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<BodyInput, E> {
                Ok(BodyInput::Content(Content::Text(v)))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<BodyInput, E> {
                Ok(BodyInput::Content(Content::Bytes(v.to_vec())))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<BodyInput, E> {
                Ok(BodyInput::Content(Content::Bytes(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<BodyInput, A::Error> {
                let bytes: Vec<u8> = Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(BodyInput::Content(Content::Bytes(bytes)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BodyInput, A::Error> {
                let (mut data, mut kind, mut part) = (None, None, Attachment::default());
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        // Node's JSON form of a Buffer: `{ "type": "Buffer", "data": [...] }`,
                        // or a byte view that is not a Buffer (`Content::View`).
                        "data" => data = Some(map.next_value::<super::Data>()?.0),
                        "type" => kind = map.next_value::<super::Kind>()?.0,
                        _ => read_part_field(&mut map, key, &mut part, false)?,
                    }
                }
                if let Some(bytes) = data {
                    return Ok(BodyInput::Content(Content::of_data(kind.as_deref(), bytes)));
                }
                // A `data:` URL is the content (mail-composer `_processDataUrl`, as for an attachment).
                super::read_data_url(&mut part);
                let named = |source: &Option<String>| source.as_deref().is_some_and(|s| !s.is_empty());
                let readable = [&part.content, &part.raw].into_iter().flatten().any(Content::is_given);
                if !readable && !named(&part.path) && !named(&part.href) {
                    return Err(de::Error::custom(crate::error::UNREADABLE_CONTENT));
                }
                Ok(BodyInput::Part(Box::new(part)))
            }
        }
        deserializer.deserialize_any(BodyVisitor)
    }
}
