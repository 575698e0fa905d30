#!/usr/bin/env node
// Builds the messages of messages.json with Nodemailer, default settings, through a
// stream transport: the bytes `sendMail` hands to a server, written as they are (their
// line ends included: nothing is normalised). The transport's message layer is where
// Nodemailer's `list` option becomes List-* fields (MailComposer alone ignores it);
// MailComposer inside it adds Date and Message-ID.
//
// - newsletter: `list.unsubscribe` with one entry holding both URIs (one List-Unsubscribe
//   field with `<https:…>, <mailto:…>`, as Nodemailer's documentation shows for List-Post);
//   List-Unsubscribe-Post, which `list` does not know, and List-Id go in `headers`: for
//   `list.id` Nodemailer 7.0.13 writes `<http://news.example.com>` (its `_formatListUrl`
//   adds the scheme and the regex meant to strip it, /^<[^:]+\/{,2}/, matches nothing),
//   which RFC 2919 §2's list-id grammar (a dot-atom) does not allow.
// - inline-image: an attachment with `cid`, which Nodemailer puts in multipart/related.
// - meeting-invite: `icalEvent`, which Nodemailer adds as a text/calendar alternative
//   (method from the option) and again as an invite.ics attachment.
// - cc, bcc, inReplyTo and references are options of their own; the stream transport
//   leaves Bcc out of the message, as every Nodemailer transport does by default.
// - an attached file is an attachment with its path (Nodemailer reads it) or, given as
//   text, its content; a forwarded message is an attachment of type message/rfc822.
//
// usage: node nodemailer.cjs OUTDIR PDF PNG   (nodemailer from tests/node_modules)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const nodemailer = require('nodemailer');

const [out, pdfPath, pngPath] = process.argv.slice(2);
if (!out || !pdfPath || !pngPath) {
  console.error('usage: node nodemailer.cjs OUTDIR PDF PNG');
  process.exit(2);
}
// The attached files are in the PDF's folder, each under its own name.
const folder = path.dirname(pdfPath);
const png = fs.readFileSync(pngPath);
const messages = JSON.parse(fs.readFileSync(path.join(__dirname, 'messages.json'), 'utf8'));
const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });

function mailOptions(spec) {
  const options = { from: spec.from, to: spec.to, subject: spec.subject, text: spec.text };
  if (spec.cc) options.cc = spec.cc;
  if (spec.bcc) options.bcc = spec.bcc;
  if (spec.inReplyTo) options.inReplyTo = spec.inReplyTo;
  if (spec.references) options.references = spec.references;
  if (spec.replyTo) options.replyTo = spec.replyTo;
  if (spec.html) options.html = spec.html;
  const attachments = [];
  if (spec.attachment) {
    const { filename, contentType, content } = spec.attachment;
    attachments.push(content === undefined ? { path: path.join(folder, filename), contentType } : { filename, content, contentType });
  }
  if (spec.forward) {
    attachments.push({ filename: spec.forward.filename, content: spec.forward.message, contentType: 'message/rfc822' });
  }
  if (spec.image) {
    options.html = spec.html.replace('{logo}', `cid:${spec.image.cid}`);
    attachments.push({ filename: spec.image.filename, content: png, contentType: spec.image.contentType, cid: spec.image.cid });
  }
  if (attachments.length) options.attachments = attachments;
  if (spec.listUnsubscribe) {
    options.list = { unsubscribe: [spec.listUnsubscribe] };
    options.headers = { 'List-Id': spec.listId, 'List-Unsubscribe-Post': spec.listUnsubscribePost };
  }
  if (spec.calendar) {
    options.icalEvent = {
      filename: spec.calendar.filename,
      method: spec.calendar.method.toLowerCase(),
      content: spec.calendar.content,
    };
  }
  return options;
}

async function main() {
  for (const [name, spec] of Object.entries(messages)) {
    if (name.startsWith('_')) continue;
    const info = await transport.sendMail(mailOptions(spec));
    fs.writeFileSync(path.join(out, `${name}.eml`), info.message);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
