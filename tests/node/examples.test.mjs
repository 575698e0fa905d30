// The package's examples run as a user would run them: the contact-form handler
// refuses to send a mail whose verdict is `fail` and explains why in the
// visitor's language; a clean submission is sent (through Nodemailer's JSON transport).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, repoRoot, requireDev, tempDir } from './helpers.mjs';

async function loadExample(t) {
  const dir = tempDir(t, 'mail-preflight-example-');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkgDir, join(dir, 'node_modules', 'mail-preflight'), 'dir');
  copyFileSync(join(repoRoot, 'pkg-config', 'examples', 'contact-form.mjs'), join(dir, 'contact-form.mjs'));
  return import(join(dir, 'contact-form.mjs'));
}

const settings = { siteAddress: 'contact@example.com', ownerAddress: 'owner@example.com' };
const form = { name: 'Ana', email: 'ana@example.org', subject: 'Opening hours', message: 'Are you open on Saturday?' };

test('contact form: a clean submission is sent', async (t) => {
  const { handleContactForm } = await loadExample(t);
  const sent = [];
  const transport = requireDev('nodemailer').createTransport({ jsonTransport: true });
  const transporter = { sendMail: async (mail) => sent.push(JSON.parse((await transport.sendMail(mail)).message)) };
  const { status, body } = await handleContactForm(form, { ...settings, locale: 'en', transporter });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.sent, true);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].subject, 'Contact form: Opening hours');
});

test('contact form: a submission the host would refuse is not sent, with localized reasons', async (t) => {
  const { handleContactForm, localeOf } = await loadExample(t);
  let sent = 0;
  const transporter = { sendMail: async () => { sent++; } };
  const upload = { filename: 'scan.pdf', content: Buffer.alloc(8_000_000, 1).toString('base64'), encoding: 'base64' };
  const locale = localeOf('fr-CH, fr;q=0.9, en;q=0.8');
  assert.equal(locale, 'fr');
  const { status, body } = await handleContactForm({ ...form, attachments: [upload] }, { ...settings, locale, transporter });
  assert.equal(status, 422);
  assert.equal(body.sent, false);
  assert.equal(sent, 0, 'nothing was sent');
  const total = body.reasons.find((r) => r.rule === 'size/total');
  assert.ok(total, JSON.stringify(body.reasons));
  const french = pkg.rules('fr').find((r) => r.id === 'size/total');
  assert.equal(total.fix, french.fix, 'the fix is in French');
});
