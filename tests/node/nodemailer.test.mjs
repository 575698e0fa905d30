// Nodemailer as a real client: messages built by Nodemailer's own MailComposer
// (the code behind every transport) and by its stream transport, linted raw.
// A clean message passes; each spam variant gets exactly its expected rule id.
// Rules written by other engineers are asserted once they are in rules().
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  pkg, requireDev, needsRules, ruleIds, zipArchive, windowsExecutable, idsOf, blockingIds, contactForm as textOnlyContactForm,
} from './helpers.mjs';

const MailComposer = requireDev('nodemailer/lib/mail-composer');
const LeWindows = requireDev('nodemailer/lib/mime-node/le-windows');
const nodemailer = requireDev('nodemailer');

/**
 * The raw bytes Nodemailer sends for `mail` over SMTP: MailComposer's output with
 * line ends made CRLF, as Nodemailer's SMTP connection does on the wire (a text
 * body written with "\n" is not converted by MailComposer itself).
 */
function compose(mail) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    const stream = new MailComposer(mail).compile().createReadStream().pipe(new LeWindows());
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const contactForm = {
  ...textOnlyContactForm,
  html: '<html><body><p>Hello,</p><p>A visitor asked about your opening hours on Saturday.</p>'
    + '<p>See <a href="https://example.com/contact">the contact page</a>.</p><p>The website</p></body></html>',
};

/** Rule ids a variant raises on top of the clean message's (info) findings. */
async function extraRuleIds(variant) {
  const clean = pkg.lint(await compose(contactForm));
  const report = pkg.lint(await compose({ ...contactForm, ...variant }));
  const cleanIds = new Set(idsOf(clean));
  return { report, extra: idsOf(report).filter((id) => !cleanIds.has(id)), missing: idsOf(clean).filter((id) => !idsOf(report).includes(id)) };
}

test('a clean contact-form message built by Nodemailer passes', async () => {
  const raw = await compose(contactForm);
  assert.ok(Buffer.isBuffer(raw));
  const report = pkg.lint(raw);
  assert.equal(report.verdict, 'pass', JSON.stringify(report.findings.map((f) => [f.ruleId, f.message]), null, 1));
  assert.deepEqual(report.findings.filter((f) => f.severity !== 'info'), []);
  assert.equal(report.sizes.encoded, raw.length);
});

test('Nodemailer\'s stream transport keeps the body\'s bare LF line ends, and only that differs', async () => {
  // What a script piping streamTransport output to sendmail hands over: headers in
  // CRLF, a text body written with "\n" left as is (even with newline: 'windows').
  const fixed = { date: new Date('2026-11-24T10:00:00Z'), messageId: '<fixed@example.com>' };
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ ...contactForm, ...fixed });
  const onTheWire = pkg.lint(await compose({ ...contactForm, ...fixed }));
  const streamed = pkg.lint(info.message);
  const mixed = /(^|[^\r])\n/.test(info.message.toString('latin1'));
  const expected = mixed && ruleIds.has('headers/line-breaks') ? ['headers/line-breaks'] : [];
  assert.deepEqual(idsOf(streamed).filter((id) => !idsOf(onTheWire).includes(id)), expected);
  assert.deepEqual(idsOf(onTheWire).filter((id) => !idsOf(streamed).includes(id)), []);
});

test('lint(compose fields) agrees with linting what Nodemailer builds from the same fields', async () => {
  // Info findings may differ: from fields, the engine notes that Nodemailer will add Date and Message-ID.
  const fromNodemailer = pkg.lint(await compose(contactForm));
  const fromFields = pkg.lint(contactForm);
  assert.equal(fromFields.verdict, fromNodemailer.verdict);
  assert.deepEqual(blockingIds(fromFields), blockingIds(fromNodemailer));
});

test('three words in capitals in the subject: spam/subject-caps', needsRules('spam/subject-caps'), async () => {
  const { extra, report } = await extraRuleIds({ subject: 'Your ORDER IS READY for pickup' });
  assert.deepEqual(extra, ['spam/subject-caps']);
  assert.equal(report.findings.find((f) => f.ruleId === 'spam/subject-caps').location.header, 'Subject');
});

test('white text on a white background: spam/invisible-text', needsRules('spam/invisible-text'), async () => {
  const html = '<html><body style="background-color:#ffffff"><p>Hello,</p>'
    + '<p>A visitor asked about your opening hours on Saturday.</p>'
    + '<p style="color:#FFFFFF">cheap watches cheap watches cheap watches</p><p>The website</p></body></html>';
  const { extra } = await extraRuleIds({ html });
  assert.deepEqual(extra, ['spam/invisible-text']);
});

test('an .exe inside a zip attachment: attachment/executable', needsRules('attachment/executable'), async () => {
  const archive = zipArchive({ 'readme.txt': 'See the tool.', 'tools/setup.exe': windowsExecutable() });
  const { extra, report } = await extraRuleIds({
    attachments: [{ filename: 'tools.zip', content: archive, contentType: 'application/zip' }],
  });
  assert.deepEqual(extra, ['attachment/executable']);
  const finding = report.findings.find((f) => f.ruleId === 'attachment/executable');
  assert.match(finding.location.path ?? finding.evidence, /setup\.exe/);
});

test('a relative link: links/broken', needsRules('links/broken'), async () => {
  const html = contactForm.html.replace('https://example.com/contact', '/contact');
  const { extra } = await extraRuleIds({ html });
  assert.deepEqual(extra, ['links/broken']);
});

test('the same attachment given to lint() as a Buffer, as base64 and as Nodemailer built it', needsRules('attachment/executable'),
  async () => {
    const archive = zipArchive({ 'setup.exe': windowsExecutable() });
    const variants = [
      { content: archive },
      { content: archive.toString('base64'), encoding: 'base64' },
    ].map((a) => pkg.lint({ ...contactForm, attachments: [{ filename: 'tools.zip', ...a }] }));
    const built = pkg.lint(await compose({ ...contactForm, attachments: [{ filename: 'tools.zip', content: archive }] }));
    for (const report of variants) assert.deepEqual(blockingIds(report), blockingIds(built));
  });

test('an 8 MB attachment built by Nodemailer: size/total and size/content', async () => {
  const raw = await compose({ ...contactForm, attachments: [{ filename: 'scan.pdf', content: Buffer.alloc(8_000_000, 7) }] });
  const report = pkg.lint(raw);
  assert.ok(raw.length > 10_000_000);
  assert.deepEqual(idsOf(report).filter((id) => id.startsWith('size/')), ['size/content', 'size/total']);
  assert.equal(report.verdict, 'fail');
});
