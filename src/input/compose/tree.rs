//! The MIME tree Nodemailer's MailComposer builds from compose fields
//! (nodemailer `lib/mail-composer`) and the bytes its MimeNode streams
//! (nodemailer `lib/mime-node`), then the SMTP transport's line ends (every bare
//! LF as CRLF, `le-windows.js`). Node ids, boundaries, field order, transfer
//! encodings and the blank lines between parts follow Nodemailer; only the
//! boundaries' random part is derived from the fields, so a rendering repeats.

use super::headers::{encode_value, flattened, write_field, Fields, Value};
use super::{
    mail_message, Attachment, BodyInput, Compose, Rendered, Content, HeaderValue, HeaderValues, Headers, IcalEvent, IcalObject, TextOrList,
    TransferEncoding,
};
use crate::input::buffer;
use crate::input::encode::{base64_body_into, base64_body_len, qp_encoded_len, quoted_printable_body};
use crate::input::mime_types;
use crate::input::params::{build_header_value, parse_header_value};
use crate::input::words::{encode_words, has_longer_lines, is_plain_text, TextEncoding};
use crate::error::What;
use crate::{LintError, MAX_INPUT_BYTES};
use std::rc::Rc;

/// Nodemailer's boundary prefix (mime-node `boundaryPrefix`).
const BOUNDARY_PREFIX: &str = "--_NmP";
/// Nodemailer does not use 7bit for text with a line over 76 characters (mime-node `setContent`).
const PLAIN_TEXT_LINE: usize = 76;

/// A node's content; text stays text (written as UTF-8) so Nodemailer's text checks apply.
#[derive(Debug, Clone)]
enum Body {
    Text(String),
    Bytes(Vec<u8>),
    /// Bytes of a view that is not a Buffer (`Content::View`).
    View(Vec<u8>),
}

impl Body {
    /// JavaScript truthiness: an empty string is no content, any Buffer is.
    fn is_present(&self) -> bool {
        match self {
            Body::Text(t) => !t.is_empty(),
            Body::Bytes(_) | Body::View(_) => true,
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Body::Text(t) => t.as_bytes(),
            Body::Bytes(b) | Body::View(b) => b,
        }
    }
}

/// An alternative or an attachment, as MailComposer describes it before making a node.
/// Its content is shared with the node made of it (`Rc`): at the input limit each
/// copy of a body is an eighth of the 256 MB the engine keeps to.
struct Element {
    content_type: String,
    content: Rc<Body>,
    filename: Option<String>,
    cid: Option<String>,
    disposition: Option<String>,
    transfer_encoding: Option<String>,
    headers: Option<Headers>,
    /// A `raw` part: its header fields and body as given, sent in place of the node's.
    raw: Option<Rc<[u8]>>,
}

struct Node {
    id: u32,
    fields: Fields,
    filename: Option<String>,
    content: Option<Rc<Body>>,
    /// mime-node `setRaw`: written as it is, without the node's header fields.
    raw: Option<Rc<[u8]>>,
    children: Vec<Node>,
    /// Set while the Content-Type field is written (mime-node `_handleContentType`).
    boundary: Option<String>,
}

struct Builder {
    next_id: u32,
    /// `mail.encoding`: the Content-Transfer-Encoding of text parts that set none.
    text_transfer_encoding: Option<String>,
}

impl Builder {
    fn node(&mut self, content_type: &str, filename: Option<String>) -> Node {
        self.next_id += 1;
        let mut fields = Fields::default();
        fields.set("Content-Type", Value::Text(content_type.to_string()));
        Node { id: self.next_id, fields, filename, content: None, raw: None, children: Vec::new(), boundary: None }
    }

    /// mail-composer `_createContentNode`.
    fn content_node(&mut self, element: &Element) -> Node {
        let mut node = self.node(&element.content_type, element.filename.clone());
        if let Some(headers) = &element.headers {
            add_headers(&mut node.fields, headers);
        }
        if let Some(cid) = &element.cid {
            node.fields.set("Content-Id", Value::Text(format!("<{}>", cid.replace(['<', '>'], ""))));
        }
        let text = starts_with_ci(&element.content_type, "text/");
        let transfer_encoding = element.transfer_encoding.as_ref().or(self.text_transfer_encoding.as_ref().filter(|_| text));
        if let Some(encoding) = transfer_encoding {
            node.fields.set("Content-Transfer-Encoding", Value::Text(encoding.clone()));
        }
        if !text || element.disposition.is_some() {
            let image = starts_with_ci(&element.content_type, "image/");
            let default = if element.cid.is_some() && image { "inline" } else { "attachment" };
            node.fields.set("Content-Disposition", Value::Text(element.disposition.clone().unwrap_or_else(|| default.into())));
        }
        // "prefer pregenerated raw content"
        match &element.raw {
            Some(raw) => node.raw = Some(Rc::clone(raw)),
            None => node.content = Some(Rc::clone(&element.content)),
        }
        node
    }
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len() && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// mime-node `addHeader` of custom headers: one field per value.
fn add_headers(fields: &mut Fields, headers: &Headers) {
    for (name, values) in &headers.0 {
        for value in &values.0 {
            match value {
                HeaderValue::Text(text) => fields.add(name, Value::Text(text.clone())),
                HeaderValue::Prepared { value, fold_lines } => fields.add(name, Value::Prepared { value: value.clone(), fold: *fold_lines }),
            }
        }
    }
}

/// mime-types `detectMimeType`: the type of a file name's extension (or of the name
/// itself when it has none), `application/octet-stream` when unknown.
fn detect_mime_type(filename: &str) -> &'static str {
    let base = filename.rsplit(['/', '\\']).next().unwrap_or(filename);
    let extension = match base.rfind('.') {
        Some(dot) if dot > 0 => &base[dot + 1..],
        _ => base,
    };
    let extension = extension.split('?').next().unwrap_or_default().trim().to_lowercase();
    mime_types::BY_EXTENSION
        .binary_search_by(|(e, _)| (*e).cmp(extension.as_str()))
        .map_or("application/octet-stream", |i| mime_types::BY_EXTENSION[i].1)
}

/// mime-types `detectExtension`: the first extension of a type, `txt` for other
/// text types, `bin` otherwise.
fn detect_extension(content_type: &str) -> &'static str {
    let lowered = content_type.trim().to_lowercase();
    let (root, sub) = lowered.split_once('/').unwrap_or((lowered.as_str(), ""));
    let key = format!("{}/{}", root.trim(), sub.trim());
    match mime_types::BY_TYPE.binary_search_by(|(t, _)| (*t).cmp(key.as_str())) {
        Ok(i) => mime_types::BY_TYPE[i].1,
        Err(_) if root.trim() == "text" => "txt",
        Err(_) => "bin",
    }
}

/// A part's content as Nodemailer sends it (`Content::decoded`), its unknown
/// encoding named at `path`.
fn body_of(content: Option<&Content>, encoding: Option<&str>, path: &str) -> Result<Rc<Body>, LintError> {
    match content.map(|content| content.decoded(encoding)) {
        None => Ok(Rc::new(Body::Text(String::new()))),
        Some(Ok(Content::Text(text))) => Ok(Rc::new(Body::Text(text))),
        Some(Ok(Content::Bytes(bytes))) => Ok(Rc::new(Body::Bytes(bytes))),
        Some(Ok(Content::View(bytes))) => Ok(Rc::new(Body::View(bytes))),
        Some(Err(name)) => Err(LintError::input(
            format!("{path}.encoding"),
            What::UnknownEncoding { name: crate::error::quoted(&name), known: buffer::ENCODINGS.join(", ") },
        )),
    }
}

/// A `path` or `href` of a part without `raw`: Nodemailer reads the file or
/// fetches the URL, and sends that even when `content` is given too
/// (mail-composer: `raw`, else `path`, else `href`, else `content`; an empty
/// text is none); the engine does neither.
fn unreadable(path: Option<&String>, href: Option<&String>, content: Option<&Content>, at: String) -> Result<(), LintError> {
    let given = |source: Option<&String>| source.is_some_and(|s| !s.is_empty());
    match (given(path) || given(href), content) {
        (false, _) => Ok(()),
        (true, None) => Err(LintError::input(at, What::UnreadableSource)),
        (true, Some(_)) => Err(LintError::input(at, What::SourceOverContent)),
    }
}

/// mail-composer `getAttachments`, one attachment.
fn attachment_element(attachment: &Attachment, index: usize) -> Result<Element, LintError> {
    let source = attachment.path.as_deref().or(attachment.href.as_deref());
    let raw = raw_part(attachment.raw.as_ref());
    if raw.is_none() {
        unreadable(attachment.path.as_ref(), attachment.href.as_ref(), attachment.content.as_ref(), format!("attachments[{index}]"))?;
    }
    let given_name = attachment.filename.as_deref().filter(|f| !f.is_empty());
    let content_type = attachment
        .content_type
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| detect_mime_type(given_name.or(source).unwrap_or("bin")).to_string());
    let image = starts_with_ci(&content_type, "image/");
    let message = starts_with_ci(&content_type, "message/");
    let disposition = attachment.content_disposition.clone().filter(|d| !d.is_empty()).unwrap_or_else(|| {
        if message || (image && attachment.cid.is_some()) { "inline".into() } else { "attachment".into() }
    });
    // An attached message goes as it is, 8bit (RFC 2046 §5.2.1 allows no other
    // encoding than 7bit, 8bit or binary for message/rfc822); anything else in
    // base64, unless the script chose (`contentTransferEncoding`, even `false`).
    let transfer_encoding = match &attachment.content_transfer_encoding {
        Some(given) => given.0.clone(),
        None => Some(if message { "8bit" } else { "base64" }.to_string()),
    };
    let filename = match given_name {
        Some(name) => Some(name.to_string()),
        None if message || attachment.filename_off => None,
        None => {
            let from_source = source.and_then(|s| s.rsplit('/').next()).and_then(|s| s.split('?').next()).filter(|s| !s.is_empty());
            let mut name = from_source.map_or_else(|| format!("attachment-{}", index + 1), str::to_string);
            if !name.contains('.') {
                name.push('.');
                name.push_str(detect_extension(&content_type));
            }
            Some(name)
        }
    };
    let content = body_of(attachment.content.as_ref(), attachment.encoding.as_deref(), &format!("attachments[{index}]"))?;
    Ok(Element {
        content_type,
        content,
        filename,
        cid: attachment.cid.clone().filter(|c| !c.is_empty()),
        disposition: Some(disposition),
        transfer_encoding,
        headers: attachment.headers.clone(),
        raw,
    })
}

/// A `raw` part as mail-composer takes it (`if (attachment.raw)`): an empty text is none.
fn raw_part(raw: Option<&Content>) -> Option<Rc<[u8]>> {
    raw.filter(|r| r.is_given()).map(|r| Rc::from(r.as_bytes()))
}

fn alternative(content_type: &str, content: Rc<Body>) -> Element {
    Element {
        content_type: content_type.into(),
        content,
        filename: None,
        cid: None,
        disposition: None,
        transfer_encoding: None,
        headers: None,
        raw: None,
    }
}

/// mail-composer `getAlternatives`, one alternative given as an object (one
/// of `alternatives`, or a body's object form) at `at`: its `content_type`
/// (a body's own), else the given one, else the type of its file name
/// (`text/plain` for none); `cid` and `contentDisposition` not read.
fn alternative_part(given: &Attachment, at: String, content_type: Option<&str>) -> Result<Element, LintError> {
    let raw = raw_part(given.raw.as_ref());
    if raw.is_none() {
        unreadable(given.path.as_ref(), given.href.as_ref(), given.content.as_ref(), at.clone())?;
    }
    let filename = given.filename.clone().filter(|f| !f.is_empty());
    let source = filename.as_deref().or(given.path.as_deref()).or(given.href.as_deref()).unwrap_or("txt");
    let content_type = content_type
        .map(str::to_string)
        .or_else(|| given.content_type.clone().filter(|t| !t.is_empty()))
        .unwrap_or_else(|| detect_mime_type(source).into());
    Ok(Element {
        content_type,
        content: body_of(given.content.as_ref(), given.encoding.as_deref(), &at)?,
        filename,
        cid: None,
        disposition: None,
        transfer_encoding: TransferEncoding::given(given.content_transfer_encoding.as_ref()),
        headers: given.headers.clone(),
        raw,
    })
}

/// The fields mail-composer `getAttachments` writes into the `headers` object of
/// an `icalEvent` (JavaScript object keys: a key already there keeps its place).
fn ical_attachment_headers(given: Option<&Headers>) -> Headers {
    let mut headers = given.cloned().unwrap_or_default();
    for (name, value) in [("Content-Disposition", "attachment"), ("Content-Transfer-Encoding", "base64")] {
        match headers.0.iter_mut().find(|(key, _)| key == name) {
            Some(pair) => pair.1 = HeaderValues::one(value),
            None => headers.0.push((name.into(), HeaderValues::one(value))),
        }
    }
    headers
}

/// `icalEvent` as mail-composer reads it: a text is `{ content }`.
fn ical_object(event: &IcalEvent) -> Attachment {
    match event {
        IcalEvent::Text(text) => Attachment { content: Some(Content::Text(text.clone())), ..Attachment::default() },
        IcalEvent::Object(IcalObject(object)) => object.clone(),
    }
}

/// mail-composer's two nodes of an `icalEvent`: a `text/calendar` alternative
/// (`getAlternatives`) and an `application/ics` attachment, `invite.ics`
/// (`getAttachments`). `getAttachments` runs second and writes
/// Content-Disposition and Content-Transfer-Encoding into the event's
/// `headers` object, which the alternative shares when the script gave one:
/// the alternative then carries both fields too, as Nodemailer sends it.
fn ical_elements(event: &IcalEvent) -> Result<(Element, Element), LintError> {
    let event = ical_object(event);
    let raw = raw_part(event.raw.as_ref());
    if raw.is_none() {
        unreadable(event.path.as_ref(), event.href.as_ref(), event.content.as_ref(), "icalEvent".into())?;
    }
    let content = body_of(event.content.as_ref(), event.encoding.as_deref(), "icalEvent")?;
    let method = event.method.as_deref().filter(|m| !m.is_empty()).unwrap_or("PUBLISH").trim().to_uppercase();
    let attachment_headers = ical_attachment_headers(event.headers.as_ref());
    let transfer_encoding = TransferEncoding::given(event.content_transfer_encoding.as_ref());
    let alternative = Element {
        content_type: format!("text/calendar; charset=utf-8; method={method}"),
        content: content.clone(),
        filename: None,
        cid: None,
        disposition: None,
        transfer_encoding: transfer_encoding.clone(),
        headers: event.headers.as_ref().map(|_| attachment_headers.clone()),
        raw: raw.clone(),
    };
    let attachment = Element {
        content_type: "application/ics".into(),
        content,
        filename: Some(event.filename.clone().filter(|f| !f.is_empty()).unwrap_or_else(|| "invite.ics".into())),
        cid: None,
        disposition: None,
        transfer_encoding,
        headers: Some(attachment_headers),
        raw,
    };
    Ok((alternative, attachment))
}

/// A boundary base that depends on the fields only (Nodemailer's is 8 random
/// bytes as hex): FNV-1a over the subject and bodies.
fn base_boundary(compose: &Compose) -> String {
    if let Some(base) = compose.base_boundary.as_deref().filter(|b| !b.is_empty()) {
        return base.to_string();
    }
    let mut seed: u64 = 0xcbf29ce484222325;
    let subject = compose.subject.as_deref().map(str::as_bytes);
    let bodies = [&compose.text, &compose.html].into_iter().flatten().map(BodyInput::content_bytes);
    for bytes in subject.into_iter().chain(bodies) {
        for &b in bytes {
            seed ^= u64::from(b);
            seed = seed.wrapping_mul(0x100000001b3);
        }
    }
    format!("{seed:016x}")
}

/// The content type mail-composer gives each body (`getAlternatives`).
fn body_type(name: &str) -> &'static str {
    match name {
        "text" => "text/plain; charset=utf-8",
        "watchHtml" => "text/watch-html; charset=utf-8",
        "amp" => "text/x-amp-html; charset=utf-8",
        _ => "text/html; charset=utf-8",
    }
}

/// mail-composer `getAlternatives`: text, watchHtml, amp, html, icalEvent, then
/// `alternatives`, each a part of the multipart/alternative.
fn alternatives(compose: &Compose) -> Result<Vec<Element>, LintError> {
    let mut alternatives = Vec::new();
    for (name, body) in compose.bodies() {
        match body.filter(|b| b.is_given()) {
            Some(BodyInput::Content(content)) => alternatives.push(alternative(body_type(name), body_of(Some(content), None, name)?)),
            Some(BodyInput::Part(part)) => alternatives.push(alternative_part(part, name.into(), Some(body_type(name)))?),
            None => {}
        }
    }
    if let Some(event) = &compose.ical_event {
        alternatives.push(ical_elements(event)?.0);
    }
    for (index, given) in compose.alternatives.iter().enumerate() {
        alternatives.push(alternative_part(given, format!("alternatives[{index}]"), None)?);
    }
    Ok(alternatives)
}

/// `/^text\/html\b/i`: an HTML alternative.
fn is_html(content_type: &str) -> bool {
    starts_with_ci(content_type, "text/html")
        && !content_type.as_bytes().get("text/html".len()).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// mail-composer `compile`: the tree, the root's fields set.
fn compile(compose: &Compose) -> Result<Node, LintError> {
    let mut builder = Builder { next_id: 0, text_transfer_encoding: compose.encoding.clone().filter(|e| !e.is_empty()) };
    let alternatives = alternatives(compose)?;
    let html_index = alternatives.iter().rposition(|a| is_html(&a.content_type));
    let mut attached = Vec::new();
    let mut related = Vec::new();
    for (index, attachment) in compose.attachments.iter().enumerate() {
        let element = attachment_element(attachment, index)?;
        if html_index.is_some() && element.cid.is_some() {
            related.push(element);
        } else {
            attached.push(element);
        }
    }
    if let Some(event) = &compose.ical_event {
        attached.push(ical_elements(event)?.1);
    }
    let use_related = html_index.is_some() && !related.is_empty();
    let use_alternative = alternatives.len() > 1;
    let use_mixed = attached.len() > 1 || (!alternatives.is_empty() && attached.len() == 1);

    let related_node = |builder: &mut Builder| {
        let mut node = builder.node("multipart/related; type=\"text/html\"", None);
        if let Some(i) = html_index {
            node.children.push(builder.content_node(&alternatives[i]));
        }
        for element in &related {
            node.children.push(builder.content_node(element));
        }
        node
    };
    let alternative_node = |builder: &mut Builder| {
        let mut node = builder.node("multipart/alternative", None);
        for (i, element) in alternatives.iter().enumerate() {
            if use_related && Some(i) == html_index {
                node.children.push(related_node(builder));
            } else {
                node.children.push(builder.content_node(element));
            }
        }
        node
    };
    let mut root = if use_mixed {
        let mut node = builder.node("multipart/mixed", None);
        if use_alternative {
            node.children.push(alternative_node(&mut builder));
        } else if use_related {
            node.children.push(related_node(&mut builder));
        }
        if !use_alternative {
            for (i, element) in alternatives.iter().enumerate() {
                if !use_related || Some(i) != html_index {
                    node.children.push(builder.content_node(element));
                }
            }
        }
        for element in &attached {
            node.children.push(builder.content_node(element));
        }
        node
    } else if use_alternative {
        alternative_node(&mut builder)
    } else if use_related {
        related_node(&mut builder)
    } else {
        let first = alternatives.first().or(attached.first());
        match first {
            Some(element) => builder.content_node(element),
            // mail-composer's `{ contentType: 'text/plain', content: '' }`, which
            // takes `encoding` (`Content-Transfer-Encoding: utf-8` for `encoding: 'utf-8'`).
            None => builder.content_node(&alternative("text/plain", Rc::new(Body::Text(String::new())))),
        }
    };

    if let Some(headers) = &compose.headers {
        add_headers(&mut root.fields, headers);
    }
    let addresses = [
        ("From", &compose.from),
        ("Sender", &compose.sender),
        ("To", &compose.to),
        ("Cc", &compose.cc),
        ("Bcc", &compose.bcc),
        ("Reply-To", &compose.reply_to),
    ];
    for (name, value) in addresses {
        if let Some(value) = value.as_ref().filter(|v| v.is_given()) {
            root.fields.set(name, Value::Addresses(value.clone()));
        }
    }
    if let Some(v) = compose.in_reply_to.as_deref().filter(|v| !v.is_empty()) {
        root.fields.set("In-Reply-To", Value::Text(v.into()));
    }
    if let Some(v) = compose.references.as_ref().filter(|v| !matches!(v, TextOrList::One(t) if t.is_empty())) {
        root.fields.set("References", Value::References(v.clone()));
    }
    for (name, value) in [("Subject", &compose.subject), ("Message-ID", &compose.message_id), ("Date", &compose.date)] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            root.fields.set(name, Value::Text(v.into()));
        }
    }
    mail_message::add_fields(compose, &mut root.fields);
    let prefix = compose.boundary_prefix.as_deref().filter(|p| !p.is_empty()).unwrap_or(BOUNDARY_PREFIX);
    set_boundaries(&mut root, &format!("{prefix}-{}", base_boundary(compose)));
    Ok(root)
}

/// Every multipart node's boundary, `<prefix>-<base>-Part_<id>` (mime-node
/// `_generateBoundary`; `boundaryPrefix` and `baseBoundary` when the script sets them).
fn set_boundaries(node: &mut Node, base: &str) {
    node.boundary = Some(format!("{base}-Part_{}", node.id));
    for child in &mut node.children {
        set_boundaries(child, base);
    }
}

/// mime-node `getTransferEncoding`, `encoding` the `textEncoding` option.
fn transfer_encoding(node: &Node, encoding: TextEncoding) -> Option<String> {
    let content = node.content.as_deref().filter(|c| c.is_present())?;
    let declared = node.fields.text("Content-Transfer-Encoding").unwrap_or_default().trim().to_lowercase();
    if declared == "base64" || declared == "quoted-printable" {
        return Some(declared);
    }
    let content_type = node.fields.text("Content-Type").unwrap_or_default().trim().to_lowercase();
    if content_type.starts_with("text/") {
        let plain = matches!(content, Body::Text(t) if is_plain_text(t, false) && !has_longer_lines(t, PLAIN_TEXT_LINE));
        if plain {
            return Some("7bit".into());
        }
        // Neither a string nor a Buffer: "we can not check content for a stream,
        // so either use preferred encoding or fallback to QP".
        if let Body::View(_) = content {
            return Some(if encoding.0 == Some('B') { "base64".into() } else { "quoted-printable".into() });
        }
        let text = String::from_utf8_lossy(content.bytes());
        return Some(if encoding.of(&text) == 'Q' { "quoted-printable".into() } else { "base64".into() });
    }
    if !content_type.starts_with("multipart/") && !content_type.starts_with("message/") {
        return Some(if declared.is_empty() { "base64".into() } else { declared });
    }
    (!declared.is_empty()).then_some(declared)
}

/// Characters that make a `name=` value need quotes (mime-node `buildHeaders`).
fn needs_quotes(param: &str) -> bool {
    param.starts_with('-') || param.chars().any(|c| c.is_whitespace() || "'\"\\;:/=(),<>@[]?".contains(c))
}

/// mime-node `buildHeaders`: the node's header block (without the blank line).
fn header_block(node: &mut Node, root: bool, text_encoding: TextEncoding) -> String {
    if let Some(encoding) = transfer_encoding(node, text_encoding) {
        node.fields.set("Content-Transfer-Encoding", Value::Text(encoding));
    }
    if node.filename.is_some() && node.fields.get("Content-Disposition").is_none() {
        node.fields.set("Content-Disposition", Value::Text("attachment".into()));
    }
    if root {
        // Date and Message-ID: Nodemailer adds them when missing; the rendering leaves them out.
        if node.fields.get("MIME-Version").is_none() {
            node.fields.set("MIME-Version", Value::Text("1.0".into()));
        }
        // Content-Type last (the loop of mime-node, from the last but one field down).
        let fields = &mut node.fields.0;
        for i in (0..fields.len().saturating_sub(1)).rev() {
            if fields[i].name == "Content-Type" {
                let field = fields.remove(i);
                fields.push(field);
            }
        }
    }
    let mut lines = Vec::new();
    let mut multipart_boundary = None;
    for field in &node.fields.0 {
        let mut encoded = None;
        match (field.name.as_str(), &field.value) {
            ("Bcc", _) => continue,
            ("Content-Disposition", Value::Text(value)) => {
                let mut structured = parse_header_value(value);
                if let Some(filename) = &node.filename {
                    structured.set("filename", filename.clone());
                }
                encoded = Some(flattened(build_header_value(&structured)));
            }
            ("Content-Type", Value::Text(value)) => {
                let mut structured = parse_header_value(value);
                let media_type = structured.value.trim().to_lowercase();
                if media_type.starts_with("multipart/") {
                    let boundary = structured.get("boundary").filter(|b| !b.is_empty()).map(str::to_string)
                        .or_else(|| node.boundary.clone())
                        .unwrap_or_default();
                    structured.set("boundary", boundary.clone());
                    multipart_boundary = Some(boundary);
                } else {
                    multipart_boundary = None;
                }
                let non_ascii_text = matches!(node.content.as_deref(), Some(Body::Text(t)) if t.chars().any(|c| c >= '\u{80}'));
                if structured.value.starts_with("text/plain") && non_ascii_text {
                    structured.set("charset", "utf-8".into());
                }
                let mut value = build_header_value(&structured);
                if let Some(filename) = &node.filename {
                    let mut param = encode_words(filename, text_encoding);
                    if param != *filename || needs_quotes(&param) {
                        param = format!("\"{param}\"");
                    }
                    value.push_str("; name=");
                    value.push_str(&param);
                }
                encoded = Some(flattened(value));
            }
            _ => {}
        }
        let encoded = encoded.unwrap_or_else(|| encode_value(&field.name, &field.value, text_encoding));
        if let Some(line) = write_field(&field.name, &field.value, encoded) {
            lines.push(line);
        }
    }
    node.boundary = multipart_boundary;
    lines.join("\r\n")
}

/// mime-node `stream`: headers, a blank line, the content in its transfer encoding,
/// then each child between boundary lines.
fn write_node(node: &mut Node, root: bool, text_encoding: TextEncoding, out: &mut Vec<u8>) {
    if let Some(raw) = &node.raw {
        out.extend_from_slice(raw);
        return;
    }
    out.extend_from_slice(header_block(node, root, text_encoding).as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    if let Some(content) = node.content.as_ref().filter(|c| c.is_present()) {
        match transfer_encoding(node, text_encoding).as_deref() {
            Some("base64") => base64_body_into(content.bytes(), out),
            Some("quoted-printable") => out.extend_from_slice(quoted_printable_body(content.bytes()).as_bytes()),
            _ => out.extend_from_slice(content.bytes()),
        }
    }
    if let Some(boundary) = node.boundary.clone() {
        for (i, child) in node.children.iter_mut().enumerate() {
            if i > 0 {
                out.extend_from_slice(b"\r\n");
            }
            out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            write_node(child, false, text_encoding, out);
        }
        out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    }
}

/// The fewest bytes the bodies of `node` and its children take once written in
/// their transfer encodings (exact for base64, quoted-printable without its soft
/// line breaks), counted without encoding them.
fn bodies_at_least(node: &Node, text_encoding: TextEncoding) -> usize {
    let own = match (&node.raw, node.content.as_deref().filter(|c| c.is_present())) {
        (Some(raw), _) => raw.len(),
        (None, Some(content)) => match transfer_encoding(node, text_encoding).as_deref() {
            Some("base64") => base64_body_len(content.bytes().len()),
            Some("quoted-printable") => qp_encoded_len(content.bytes()),
            _ => content.bytes().len(),
        },
        (None, None) => 0,
    };
    own + node.children.iter().map(|child| bodies_at_least(child, text_encoding)).sum::<usize>()
}

/// The message as the SMTP transport sends it: a final line end ensured
/// (`last-newline.js`), then every bare LF as CRLF (`le-windows.js`).
fn on_the_wire(mut message: Vec<u8>) -> Vec<u8> {
    match message.last() {
        Some(b'\n') => {}
        Some(b'\r') => message.push(b'\n'),
        _ => message.extend_from_slice(b"\r\n"),
    }
    let bare_lf = message.iter().enumerate().filter(|&(i, &b)| b == b'\n' && (i == 0 || message[i - 1] != b'\r')).count();
    if bare_lf == 0 {
        return message;
    }
    let mut out = Vec::with_capacity(message.len() + bare_lf);
    for (i, &b) in message.iter().enumerate() {
        if b == b'\n' && (i == 0 || message[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

/// The bytes Nodemailer would send for these fields (without Date and Message-ID
/// unless given); with `raw`, the raw message as it is (mail-composer `compile`:
/// a node whose raw content is the whole output, no field added). A raw part
/// that is the message's only part is its root node, written the same way:
/// the fields set on the root are not in it (mime-node `stream` writes a raw
/// node's bytes instead of its header), nor are Date and Message-ID
/// (`buildHeaders` adds them, and it is not called).
pub fn render(compose: &Compose) -> Result<Rendered, LintError> {
    if let Some(raw) = compose.raw.as_ref().filter(|_| compose.sends_raw()) {
        return Ok(Rendered { bytes: on_the_wire(raw.as_bytes().to_vec()), as_given: true });
    }
    let mut root = compile(compose)?;
    let as_given = root.raw.is_some();
    // A message the engine would refuse once written (a 30 MB attachment is 40 MB of
    // base64) is refused before it is: writing it took 290 MB of wasm memory.
    let bodies = bodies_at_least(&root, compose.text_encoding);
    if bodies > MAX_INPUT_BYTES {
        return Err(LintError::InputTooLarge { size: bodies, limit: MAX_INPUT_BYTES });
    }
    // The header blocks and boundaries besides (ours: far more than a message's).
    let mut out = Vec::with_capacity(bodies + 64 * 1024);
    write_node(&mut root, true, compose.text_encoding, &mut out);
    Ok(Rendered { bytes: on_the_wire(out), as_given })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_guessed_from_nodemailers_table() {
        assert_eq!(detect_mime_type("report.PDF"), "application/pdf");
        assert_eq!(detect_mime_type("forwarded.eml"), "message/rfc822");
        assert_eq!(detect_mime_type("README"), "application/octet-stream");
        assert_eq!(detect_extension("image/png"), "png");
        assert_eq!(detect_extension("text/x-unknown"), "txt");
    }

    #[test]
    fn the_wire_has_crlf_line_ends_and_a_final_line_end() {
        assert_eq!(on_the_wire(b"a\nb\r\nc".to_vec()), b"a\r\nb\r\nc\r\n");
        assert_eq!(on_the_wire(b"a\r".to_vec()), b"a\r\n");
    }
}
