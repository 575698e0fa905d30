#!/usr/bin/env node
// Builds the messages of messages.json with Nodemailer's MailComposer, default
// settings, and writes the raw output of `.compile().build()` as it is (its line ends
// included: nothing is normalised). MailComposer adds Date and Message-ID itself.
//
// usage: node nodemailer.cjs OUTDIR PDF   (nodemailer from tests/node_modules)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const MailComposer = require('nodemailer/lib/mail-composer');

const [out, pdfPath] = process.argv.slice(2);
if (!out || !pdfPath) {
  console.error('usage: node nodemailer.cjs OUTDIR PDF');
  process.exit(2);
}
const pdf = fs.readFileSync(pdfPath);
const messages = JSON.parse(fs.readFileSync(path.join(__dirname, 'messages.json'), 'utf8'));

function mailOptions(spec) {
  const options = { from: spec.from, to: spec.to, subject: spec.subject, text: spec.text };
  if (spec.replyTo) options.replyTo = spec.replyTo;
  if (spec.html) options.html = spec.html;
  if (spec.attachment) {
    options.attachments = [{ filename: spec.attachment.filename, content: pdf, contentType: spec.attachment.contentType }];
  }
  return options;
}

async function main() {
  for (const [name, spec] of Object.entries(messages)) {
    if (name.startsWith('_')) continue;
    const raw = await new MailComposer(mailOptions(spec)).compile().build();
    fs.writeFileSync(path.join(out, `${name}.eml`), raw);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
