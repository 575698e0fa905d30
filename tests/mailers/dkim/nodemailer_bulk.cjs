#!/usr/bin/env node
// Builds the bulk message of bulk.json with Nodemailer (stream transport: the
// message exactly as sendMail would hand it to a server) and its `dkim` option
// (rsa-sha256, relaxed/relaxed), and writes the variants of tests/dkim_real_mailers.rs:
//   correct.eml, visitor-from.eml, missing-post.eml, body-changed.eml, and
//   no-from-signed.eml: From left out of h= (headerFieldNames without From).
// Nodemailer's default list of signed fields lacks List-Unsubscribe-Post (RFC 8058
// needs it signed), so the correct message names the fields to sign. With the dkim
// option, the message keeps the content's own line ends while headers and
// boundaries use CRLF (headers/line-breaks reports the mix), so the text and HTML
// are given with CRLF line ends, as a careful sender does.
//
// usage: node nodemailer_bulk.cjs OUTDIR PRIVATE_KEY.pem   (nodemailer from tests/node_modules)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const nodemailer = require('nodemailer');

const [out, keyPath] = process.argv.slice(2);
const privateKey = fs.readFileSync(keyPath, 'utf8');
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, 'bulk.json'), 'utf8'));
const SIGNED = 'From:To:Subject:Date:Message-ID:List-Id:List-Unsubscribe:List-Unsubscribe-Post:MIME-Version:Content-Type';

async function build(sender, { post = true, fields = SIGNED } = {}) {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    dkim: { domainName: 'my-site.example', keySelector: 's1', privateKey, headerFieldNames: fields },
  });
  const headers = { 'List-Id': spec.listId, 'List-Unsubscribe': spec.listUnsubscribe };
  if (post) headers['List-Unsubscribe-Post'] = spec.listUnsubscribePost;
  const info = await transport.sendMail({
    from: sender,
    to: spec.to,
    subject: spec.subject,
    text: spec.text.replace(/\r?\n/g, '\r\n'),
    html: spec.html.replace(/\r?\n/g, '\r\n'),
    headers,
    messageId: `<${Date.now()}.bulk@my-site.example>`,
  });
  return info.message;
}

async function main() {
  const correct = await build(spec.from);
  const changed = Buffer.from(correct.toString('latin1').replace(spec.signed, spec.edited), 'latin1');
  if (changed.equals(correct)) throw new Error('the edited sentence was not found as written');
  const variants = {
    correct,
    'visitor-from': await build(spec.visitor),
    'missing-post': await build(spec.from, { post: false }),
    'body-changed': changed,
    'no-from-signed': await build(spec.from, { fields: SIGNED.replace('From:', '') }),
  };
  for (const [name, raw] of Object.entries(variants)) fs.writeFileSync(path.join(out, `${name}.eml`), raw);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
