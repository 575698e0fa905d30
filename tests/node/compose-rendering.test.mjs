// Compose fields are rendered as Nodemailer renders them: lint(fields).source is
// byte for byte what Nodemailer's MailComposer builds from the same fields and its
// SMTP transport sends (bare LF as CRLF, le-windows.js), apart from the Date and
// Message-ID Nodemailer adds (left to the engine's "the mailer adds" note) and the
// boundaries' random part (given to MailComposer as `baseBoundary`).
import assert from 'node:assert/strict';
import test from 'node:test';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkg, pkgDir, requireDev, idsOf, ruleIds } from './helpers.mjs';

const MailComposer = requireDev('nodemailer/lib/mail-composer');
const MailMessage = requireDev('nodemailer/lib/mailer/mail-message');
const LeWindows = requireDev('nodemailer/lib/mime-node/le-windows');

/**
 * What Nodemailer sends for `mail`, with our boundary base, without the fields it adds:
 * sendMail's steps (lib/mailer/index.js) after the plugins: MailComposer's compile(),
 * then MailMessage's X-Mailer, priority and List-* fields.
 */
function nodemailerBytes(mail, baseBoundary) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    const message = new MailMessage({ options: {}, _defaults: {} }, copied({ baseBoundary, ...mail }));
    message.message = new MailComposer(message.data).compile();
    message.setMailerHeader();
    message.setPriorityHeaders();
    message.setListHeaders();
    const stream = message.message.createReadStream().pipe(new LeWindows());
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => {
      let text = Buffer.concat(chunks).toString();
      if (!mail.date) text = text.replace(/^Date: .*\r\n/m, '');
      if (!mail.messageId) text = text.replace(/^Message-ID: .*\r\n/m, '');
      resolve(text);
    });
  });
}

/**
 * A deep copy of `value` for Nodemailer, which writes into the objects it is given (a body's
 * `contentType`): plain objects and lists copied, Buffers kept Buffers (structuredClone makes
 * them Uint8Arrays, which mime-node encodes otherwise), anything else as it is.
 */
function copied(value) {
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (Array.isArray(value)) return value.map(copied);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, copied(inner)]));
  }
  return value;
}

/** Asserts that our rendering of `mail` is Nodemailer's, line by line for a readable failure. */
async function assertRenderedAsNodemailer(mail, what) {
  const ours = pkg.lint(mail).source;
  const base = /-([0-9a-f]{16})-Part_/.exec(ours)?.[1] ?? '0000000000000000';
  const theirs = await nodemailerBytes(mail, base);
  assert.deepEqual(ours.split('\r\n'), theirs.split('\r\n'), what);
  assert.equal(ours, theirs, what);
  return ours;
}

const many = (n, make) => Array.from({ length: n }, (_, i) => make(i));

test('a long To list is folded at 76 characters as Nodemailer folds it: no size/line-length', async () => {
  const mail = { from: 'a@example.com', to: many(40, (i) => `"Person ${i}" <person${i}@example.com>`), subject: 'Hi', text: 'x' };
  const source = await assertRenderedAsNodemailer(mail);
  assert.ok(source.split('\r\n').every((line) => line.length <= 78));
  assert.ok(!idsOf(pkg.lint(mail)).includes('size/line-length'));
});

test('address lists nested in lists are flattened as Nodemailer flattens them (to, cc, bcc, replyTo, the envelope)', async () => {
  // Nodemailer 10's own types: MimeNodeAddressInput = string | MimeNodeAddress | MimeNodeAddressInput[].
  const mail = { from: 'a@example.com', subject: 'Hi', text: 'x',
    to: [['b@example.com', 'c@example.com'], 'd@example.com'], cc: [[['deep@example.com']]], replyTo: [['r@example.com']],
    envelope: { from: 'bounce@example.com', to: [['b@example.com'], 'd@example.com'] } };
  const source = await assertRenderedAsNodemailer(mail);
  assert.match(source, /^To: b@example\.com, c@example\.com, d@example\.com\r$/m);
  assert.match(source, /^Cc: deep@example\.com\r$/m);
  assert.equal(pkg.lint(mail).origin, 'compose');
  // A list nested past the copied depth is still the engine's to refuse, with its own error.
  let deep = 'e@example.com';
  for (let i = 0; i < 200; i++) deep = [deep];
  assert.throws(() => pkg.lint({ ...mail, to: deep }), { code: 'invalid-input' });
});

test('a long List-Unsubscribe is folded at its white space; a longer URL is no size/line-length error', async () => {
  const mail = { from: 'a@example.com', to: 'b@example.com', subject: 'News', text: 'x',
    headers: { 'List-Unsubscribe': `<https://example.com/unsubscribe?token=${'a'.repeat(60)}>, <mailto:unsubscribe@example.com?subject=unsubscribe>` } };
  await assertRenderedAsNodemailer(mail);
  const errors = pkg.lint(mail).findings.filter((f) => f.ruleId === 'size/line-length' && f.severity === 'error');
  assert.deepEqual(errors, []);
});

test('attachment encodings are honoured as Node reads them: latin1, base64, hex, utf16le, utf-8, ascii', async () => {
  const attachments = [
    { filename: 'latin1.txt', content: 'café €', encoding: 'latin1' },
    { filename: 'binary.bin', content: 'ÿþ', encoding: 'binary' },
    { filename: 'b64.bin', content: 'aGVs bG8=!', encoding: 'base64' },
    { filename: 'hex.bin', content: '48656c6c6fzz', encoding: 'hex' },
    { filename: 'utf16.txt', content: 'żółw', encoding: 'UTF-16LE' },
    { filename: 'utf8.txt', content: 'żółw', encoding: 'utf-8' },
    { filename: 'ascii.txt', content: 'plain', encoding: 'ascii' },
  ];
  const source = await assertRenderedAsNodemailer({ from: 'a@example.com', text: 'x', attachments });
  assert.ok(source.includes(`\r\n\r\n${Buffer.from('café €', 'latin1').toString('base64')}\r\n`), 'Latin-1 bytes, not UTF-8');
});

test('an unknown encoding is invalid-input, as Node refuses it', () => {
  assert.throws(() => pkg.lint({ from: 'a@example.com', text: 'x', attachments: [{ filename: 'a', content: 'x', encoding: 'ebcdic' }] }),
    (error) => error.code === 'invalid-input' && /ebcdic/.test(error.message));
});

test('an attached .eml is built as Nodemailer builds it (message/rfc822, 8bit, inline) and raises no header error',
  async () => {
    const inner = 'From: x@example.com\r\nTo: y@example.com\r\nSubject: Inner\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n'
      + 'Message-ID: <inner@example.com>\r\n\r\nInner body\r\n';
    for (const attachment of [{ filename: 'forwarded.eml', content: inner }, { contentType: 'message/rfc822', content: Buffer.from(inner) }]) {
      const mail = { from: 'a@example.com', to: 'b@example.com', subject: 'Fwd', text: 'See the attached message.', attachments: [attachment] };
      const source = await assertRenderedAsNodemailer(mail);
      assert.match(source, /Content-Type: message\/rfc822.*\r\nContent-Transfer-Encoding: 8bit\r\nContent-Disposition: inline/);
      const errors = pkg.lint(mail).findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => f.ruleId), [], JSON.stringify(errors.map((f) => f.message)));
      if (ruleIds.has('headers/transfer-encoding')) assert.ok(!idsOf(pkg.lint(mail)).includes('headers/transfer-encoding'));
    }
  });

const cases = {
  'plain text only': { from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'Hello' },
  'no body at all': { from: 'a@example.com' },
  'a long subject': { from: 'a@example.com', subject: many(40, (i) => `word${i}`).join(' '), text: 'x' },
  'a Polish subject (Q encoded words)': { from: 'a@example.com', subject: 'Zażółć gęślą jaźń — spotkanie w piątek o 10:00 w sali numer 3', text: 'x' },
  'Cyrillic (B encoded words, a base64 text body)': { from: 'Иван <ivan@example.com>', subject: 'Привет, как дела? Это длинная тема письма', text: 'Привет мир.\nВторая строка.' },
  'emoji in the subject and body': { from: 'a@example.com', subject: '🎉 Party time 🎉 everyone is invited to the big party on Friday', text: '🎉🎉🎉' },
  'a subject with double quotes': { from: 'a@example.com', subject: 'He said "hello"', text: 'x' },
  'a long plain text line (quoted-printable)': { from: 'a@example.com', text: `${many(60, (i) => `word${i}`).join(' ')}\nshort\n` },
  'lines of exactly 76 and 77 characters': { from: 'a@example.com', text: `${'x'.repeat(76)}\n${'y'.repeat(77)}` },
  'CRLF and trailing white space in text': { from: 'a@example.com', text: 'line1\r\nends with space \nand tab\t\nend' },
  'HTML only, long, with punctuation': { from: 'a@example.com', html: `<html><body>${'<p style="color:red">Text, with punctuation! And more?</p>'.repeat(10)}</body></html>` },
  'HTML with non-ASCII text': { from: 'a@example.com', html: `<p>Café — ${'x'.repeat(200)}</p>` },
  'text, HTML and an inline cid: image (related)': { from: 'a@example.com', text: 'hi', html: '<img src="cid:logo@x">',
    attachments: [{ filename: 'logo.png', content: Buffer.from('PNGDATA').toString('base64'), encoding: 'base64', cid: 'logo@x' }] },
  'HTML, an inline image and a PDF (mixed over related)': { from: 'a@example.com', html: '<img src="cid:logo@x">',
    attachments: [{ filename: 'logo.png', content: 'x', cid: 'logo@x' }, { filename: 'doc.pdf', content: 'pdf' }] },
  'one attachment and no text (the attachment is the message)': { from: 'a@example.com', attachments: [{ filename: 'doc.pdf', content: 'pdf' }] },
  'an attachment without a name (attachment-2.bin)': { from: 'a@example.com', attachments: [{ filename: 'doc.pdf', content: 'pdf' }, { content: 'noname' }] },
  'a text attachment with non-ASCII content (charset added)': { from: 'a@example.com', text: 'x', attachments: [{ filename: 'notes.txt', content: 'żółw notes' }] },
  'a non-ASCII file name (RFC 2231 and an encoded name)': { from: 'a@example.com', text: 'x', attachments: [{ filename: 'résumé de l’été 2026 — version définitive.pdf', content: 'x' }] },
  'a file name of 90 characters (parameter continuations)': { from: 'a@example.com', text: 'x', attachments: [{ filename: `${'a'.repeat(90)}.pdf`, content: 'x' }] },
  'base64 of 57, 58 and 114 bytes (the Encoder\'s line ends)': { from: 'a@example.com', text: 'y',
    attachments: [57, 58, 114].map((n) => ({ filename: `z${n}.bin`, content: Buffer.alloc(n, n) })) },
  'content types with parameters and an inline disposition': { from: 'a@example.com', text: 'x',
    attachments: [{ filename: 'a.csv', content: 'x', contentType: 'text/csv; charset=utf-8; header=present' },
      { filename: 'a.pdf', content: 'x', contentDisposition: 'inline' }, { filename: 'logo.png', content: 'x', cid: 'logo' }] },
  'quoted and encoded display names, object addresses, upper-case domains': { from: '"Doe, John" <john@example.com>',
    to: 'Jo "JJ" Doe <jo@example.com>', replyTo: { name: 'Support Team', address: 'support@EXAMPLE.com' }, text: 'x' },
  'international domains (punycode)': { from: 'info@jõgeva.ee', to: 'user@bücher.example', text: 'x' },
  'a group address': { from: 'a@example.com', to: 'Undisclosed recipients:;', text: 'x' },
  'Cc, Bcc (not written) and Sender': { from: 'a@example.com', sender: 'bulk@example.com', cc: 'c@example.com, d@example.com', bcc: 'secret@example.com', text: 'x' },
  'ids, references and a date set by the script': { from: 'a@example.com', text: 'x', messageId: 'abc@example.com',
    inReplyTo: 'prev@example.com', references: ['r1@example.com', '<r2@example.com>'], date: 'Tue, 24 Nov 2026 10:00:00 +0000' },
  'custom headers: case, lists, prepared values, non-ASCII, order': { from: 'a@example.com', text: 'x',
    headers: { 'x-zeta': '1', 'X-Multi': ['a', 'b'], 'x-prep': { prepared: true, value: 'raw  value' }, 'x-utf': 'żółw', 'x-alpha': '2' } },
  'custom headers as a list, and a Subject header the subject replaces': { from: 'a@example.com', subject: 'real', text: 'x',
    headers: [{ key: 'X-A', value: '1' }, { key: 'Subject', value: 'custom' }] },
  'a part header on an attachment': { from: 'a@example.com', text: 'x', attachments: [{ filename: 'a.txt', content: 'x', headers: { 'X-Part': 'yes' } }] },
};

test('the rendering is Nodemailer\'s byte for byte, field by field', async () => {
  for (const [what, mail] of Object.entries(cases)) await assertRenderedAsNodemailer(mail, what);
});

const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR';
const options = {
  'list: one field per entry, inner lists joined, comments, mailto and http forms, List-ID': { from: 'a@example.com', to: 'b@example.com', text: 'x',
    list: { unsubscribe: [['https://example.com/u?id=1', 'unsubscribe@example.com'], { url: 'mailto:u@example.com', comment: 'Zażółć' }],
      help: 'help@example.com', id: { url: 'news.example.com', comment: 'The news' }, post: false, Archive: ' <example.com/archive> ',
      owner: { url: 'owner@example.com', comment: 'Ann (list owner)' }, subscribe: [null, { comment: 'no url' }] } },
  'list: a long List-Unsubscribe folded as prepared values are': { from: 'a@example.com', text: 'x',
    list: { unsubscribe: [[`https://example.com/unsubscribe?token=${'t'.repeat(70)}`, 'unsubscribe@example.com']] } },
  'list: a List-ID without a comment': { from: 'a@example.com', text: 'x', list: { id: 'list.example.org' } },
  'priority high, over a custom X-Priority': { from: 'a@example.com', text: 'x', priority: 'HIGH', headers: { 'X-Priority': '3' } },
  'priority low': { from: 'a@example.com', text: 'x', priority: 'low' },
  'priority normal (no field)': { from: 'a@example.com', text: 'x', priority: 'normal' },
  'xMailer text and false': { from: 'a@example.com', text: 'x', xMailer: 'Shop 2.1' },
  'xMailer false': { from: 'a@example.com', text: 'x', xMailer: false },
  'alternatives after text and html, types from file names': { from: 'a@example.com', text: 't', html: '<p>h</p>',
    alternatives: [{ contentType: 'text/x-web-markdown', content: '**Hi**' }, { filename: 'page.html', content: '<p>alt</p>' },
      { content: Buffer.from('bytes').toString('base64'), encoding: 'base64', headers: { 'X-Alt': '1' } }] },
  'an alternative alone with text': { from: 'a@example.com', text: 't', alternatives: [{ contentType: 'text/plain; charset=utf-8', content: 'second' }] },
  'amp and watchHtml between text and html': { from: 'a@example.com', text: 't', html: '<p>h</p>',
    amp: '<!doctype html><html ⚡4email><head><meta charset="utf-8"></head><body>Hello</body></html>', watchHtml: '<b>Watch</b>' },
  'icalEvent as a text (PUBLISH)': { from: 'a@example.com', text: 'x', icalEvent: ics },
  'icalEvent with a method, a file name and headers (shared by both nodes)': { from: 'a@example.com', text: 'x', html: '<p>Invite</p>',
    icalEvent: { method: 'request', filename: 'meeting.ics', content: ics, headers: { 'X-Cal': 'yes' } } },
  'icalEvent with base64 content and attachments': { from: 'a@example.com', text: 'x', icalEvent: { content: Buffer.from(ics).toString('base64'), encoding: 'base64' },
    attachments: [{ filename: 'a.txt', content: 'a' }] },
  'icalEvent with an inline image (related, then mixed)': { from: 'a@example.com', html: '<img src="cid:logo@x">', icalEvent: ics,
    attachments: [{ filename: 'logo.png', content: 'x', cid: 'logo@x' }] },
  'encoding base64 and textEncoding base64': { from: 'Jörg <a@example.com>', subject: 'Żółw und Café', text: 'plain', html: '<p>Café</p>', encoding: 'base64', textEncoding: 'base64' },
  'textEncoding quoted-printable for Cyrillic': { from: 'a@example.com', subject: 'Привет, как дела?', text: 'Привет мир', textEncoding: 'quoted-printable',
    attachments: [{ filename: 'отчёт.pdf', content: 'x' }] },
  'encoding quoted-printable on plain text': { from: 'a@example.com', text: 'short', encoding: 'Quoted-Printable' },
  'boundaryPrefix': { from: 'a@example.com', text: 't', html: 'h', boundaryPrefix: '==Shop' },
  'options that change nothing: envelope, dsn, disableFileAccess, disableUrlAccess': { from: 'a@example.com', to: 'b@example.com', text: 'x',
    envelope: { from: 'bounce@example.com', to: ['b@example.com'] }, dsn: { id: 'x', return: 'headers', notify: 'success', recipient: 'a@example.com' },
    disableFileAccess: true, disableUrlAccess: true },
};

test('the options that change the bytes sent are rendered as Nodemailer sends them', async () => {
  for (const [what, mail] of Object.entries(options)) await assertRenderedAsNodemailer(mail, what);
});

test('raw is sent as it is, fields beside it are said, Date and Message-ID are not added', async () => {
  const raw = 'From: r@example.com\nTo: b@example.com\nSubject: Raw\nDate: Mon, 5 Jan 2026 10:00:00 +0000\nMessage-ID: <1@example.com>\n\nBody';
  for (const given of [raw, Buffer.from(raw)]) {
    // date and messageId given, so the comparison keeps the raw message's own fields.
    const mail = { from: 'a@example.com', subject: 'Not sent', raw: given, date: 'Tue, 6 Jan 2026 10:00:00 +0000', messageId: 'not@sent' };
    const report = pkg.lint(mail);
    assert.equal(report.source, await nodemailerBytes(mail, 'x'));
    assert.equal(report.source, raw.replaceAll('\n', '\r\n') + '\r\n');
    const notes = report.findings.filter((f) => f.ruleId === 'headers/compose-option');
    assert.deepEqual(notes.map((f) => f.messageId), ['headers/compose-option.replaced-by-raw']);
    assert.match(notes[0].message, /^Beside raw: subject, date, messageId\./);
  }
  const bare = pkg.lint({ raw: 'From: r@example.com\nTo: b@example.com\nSubject: Raw\n\nBody' });
  assert.ok(idsOf(bare).includes('headers/missing-field'));
  assert.ok(!bare.findings.some((f) => f.messageId === 'headers/missing-field.mailer-adds'), 'nothing is added to raw');
});

test('a list option answers the bulk rules and a priority option the priority rule', () => {
  const bulk = { from: 'news@example.com', to: 'b@example.org', subject: 'News', text: 'Hello',
    headers: { Precedence: 'bulk', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
  assert.ok(idsOf(pkg.lint(bulk)).includes('bulk/list-unsubscribe'));
  const listed = pkg.lint({ ...bulk, list: { unsubscribe: ['https://example.com/u?id=1', 'unsubscribe@example.com'] } });
  assert.ok(!idsOf(listed).includes('bulk/list-unsubscribe'), JSON.stringify(listed.findings.map((f) => f.message)));
  assert.ok(!idsOf(listed).includes('bulk/one-click'));
  assert.ok(idsOf(pkg.lint({ ...bulk, priority: 'high' })).includes('spam/priority-header'));
});

test('unknown keys and options not rendered are named; a function option is read as one', () => {
  const report = pkg.lint({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'x', atachments: [],
    dkim: { domainName: 'example.com', keySelector: 's', privateKey: 'k' }, normalizeHeaderKey: (key) => key.toUpperCase() });
  const notes = report.findings.filter((f) => f.ruleId === 'headers/compose-option');
  assert.deepEqual(notes.map((f) => [f.messageId, f.severity]),
    [['headers/compose-option.not-rendered', 'info'], ['headers/compose-option.unknown-close', 'info']]);
  assert.match(notes[0].message, /^dkim, normalizeHeaderKey:/);
  assert.match(notes[1].message, /^atachments: not a Nodemailer message option; did you mean attachments\?/);
});

test('the options of sendMail itself (Nodemailer 10\'s SendMailOptions) are set aside, not named as unknown; otp is said not rendered', () => {
  // Read by Nodemailer 10 (lib/mailer, smtp-transport, ses-transport), none of them in the message's bytes:
  // they had been named "not a Nodemailer message option; Nodemailer ignores it".
  const fields = { from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'x',
    auth: { user: 'u', pass: 'p' }, requireTLSExtensionEnabled: true, ses: { ConfigurationSetName: 'c' },
    signal: new AbortController().signal, maxRecipients: 10 };
  const report = pkg.lint(fields);
  assert.deepEqual(report.findings.filter((f) => f.ruleId === 'headers/compose-option'), []);
  assert.equal(report.source, pkg.lint({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'x' }).source);
  // Nodemailer 10 writes an OTP-Token field from otp (mail-composer formatOtpToken), which the rendering leaves out.
  const notes = pkg.lint({ ...fields, otp: { code: '123456', origin: 'https://example.com' } }, { locale: 'fr' })
    .findings.filter((f) => f.ruleId === 'headers/compose-option');
  assert.deepEqual(notes.map((f) => f.messageId), ['headers/compose-option.not-rendered']);
  assert.match(notes[0].message, /^otp : Nodemailer modifie le message envoyé/);
});

const exe = 'Content-Type: application/x-msdownload; name="invoice.exe"\r\nContent-Disposition: attachment; filename="invoice.exe"\r\n'
  + `Content-Transfer-Encoding: base64\r\n\r\n${Buffer.from('MZ\x90\x00\x03\x00\x00\x00').toString('base64')}\r\n`;

test('raw parts and contentTransferEncoding are rendered as Nodemailer sends them, and linted as sent', async () => {
  const invoice = { from: 'a@example.com', to: 'b@example.com', subject: 'Invoice', text: 'See attached', attachments: [{ raw: exe }] };
  await assertRenderedAsNodemailer(invoice, 'a raw attachment');
  const report = pkg.lint(invoice);
  assert.equal(report.verdict, 'fail');
  assert.ok(report.findings.some((f) => f.ruleId === 'attachment/executable' && f.severity === 'error'));
  const doc = { from: 'a@example.com', to: 'b@example.com', subject: 'Doc', text: 'x',
    attachments: [{ filename: 'doc.bin', content: Buffer.from([0, 1, 2, 3, 255, 254, 65, 66]), contentTransferEncoding: '7bit' }] };
  // Compared as bytes: the body is not UTF-8.
  const ours = pkg.lint(doc);
  assert.ok(idsOf(ours).includes('headers/nul-byte') && idsOf(ours).includes('headers/transfer-encoding'), JSON.stringify(idsOf(ours)));
  const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR';
  const shapes = {
    'raw alternative, raw Buffer attachment with a cid beside an HTML body': { from: 'a@example.com', text: 't', html: '<img src="cid:x@y">',
      alternatives: [{ raw: 'Content-Type: text/x-raw\r\n\r\nraw alternative' }],
      attachments: [{ raw: Buffer.from('Content-Type: image/png\r\nContent-ID: <x@y>\r\n\r\nPNG'), cid: 'x@y' }] },
    'raw icalEvent (both nodes)': { from: 'a@example.com', text: 't', icalEvent: { raw: `Content-Type: text/calendar\r\n\r\n${ics}` } },
    'a raw part as the whole message': { from: 'a@example.com', attachments: [{ raw: 'Content-Type: text/plain\r\n\r\nonly' }] },
    'contentTransferEncoding: quoted-printable, 8bit, false, on a text attachment and alternatives over encoding': { from: 'a@example.com',
      text: 'plain', encoding: 'base64',
      attachments: [{ filename: 'a.bin', content: 'h\u00e9', contentTransferEncoding: 'quoted-printable' },
        { filename: 'b.txt', content: 'plain text', contentTransferEncoding: '8bit' },
        { filename: 'fwd.eml', content: 'Subject: x\r\n\r\nx', contentTransferEncoding: false }],
      alternatives: [{ contentType: 'text/x-a', content: 'a', contentTransferEncoding: 'quoted-printable' }, { contentType: 'text/x-b', content: 'b' }] },
    'contentTransferEncoding true, null and empty (true is written as the text "true")': { from: 'a@example.com', text: 'plain',
      attachments: [{ filename: 'a.txt', content: 'hi', contentTransferEncoding: true },
        { filename: 'b.txt', content: 'hi', contentTransferEncoding: null }, { filename: 'c.txt', content: 'hi', contentTransferEncoding: '' }] },
    'icalEvent contentTransferEncoding': { from: 'a@example.com', text: 't', icalEvent: { content: ics, contentTransferEncoding: 'quoted-printable' } },
    'encoding with no body': { from: 'a@example.com', to: 'b@example.com', subject: 'Hi', encoding: 'utf-8' },
  };
  for (const [what, mail] of Object.entries(shapes)) await assertRenderedAsNodemailer(mail, what);
});

test('a getter or a Proxy that throws is invalid-input naming the field, in the reader\'s language, the error as cause', async () => {
  const { createLinter } = await import(join(pkgDir, 'index.mjs'));
  const boom = new Error('boom');
  const throwing = () => ({ from: 'a@example.com', get subject() { throw boom; } });
  for (const locale of ['en', 'fr']) {
    assert.throws(() => pkg.lint(throwing(), { locale }), (error) => error.code === 'invalid-input' && error.cause === boom
      && /subject/.test(error.message) && (locale === 'en' ? /^The message fields are not valid: reading subject threw/ : /^Les champs du message/).test(error.message));
  }
  const trap = new Proxy({}, { ownKeys() { throw new TypeError('no keys'); } });
  assert.throws(() => pkg.lint({ from: 'a@example.com', attachments: [{ headers: trap }] }),
    (error) => error.code === 'invalid-input' && /attachments\[0\]\.headers/.test(error.message) && error.cause.message === 'no keys');
  const linter = createLinter({ threads: 1 });
  try {
    await assert.rejects(linter.lint(throwing(), { locale: 'es' }), (error) => error.code === 'invalid-input' && /^Los campos/.test(error.message));
  } finally {
    await linter.close();
  }
});

test('a function is said to be one; a stream or an object as content is named with what to pass (a stream: the async call); a DataView is bytes', () => {
  const said = (mail, pattern) => assert.throws(() => pkg.lint(mail), (error) => error.code === 'invalid-input' && pattern.test(error.message));
  said({ from: 'a@example.com', text: () => 'x' }, /text is a function; it must be a text, a byte array, a Buffer or \{ content, encoding \}/);
  assert.throws(() => pkg.lint({ from: 'a@example.com', text: () => 'x' }, { locale: 'pl' }), (error) => /text to funkcja/.test(error.message));
  said({ from: 'a@example.com', raw: { content: 'Subject: x\r\n\r\nx' } }, /raw is a stream or an object, which cannot be read here; pass a Buffer or a text/);
  const stream = createReadStream(fileURLToPath(import.meta.url));
  try {
    said({ from: 'a@example.com', text: 'x', attachments: [{ content: stream }] }, /attachments\[0\]\.content is a stream, which lint\(\) cannot read/);
  } finally {
    stream.destroy();
  }
  const bytes = new DataView(Uint8Array.from([104, 105]).buffer);
  assert.match(pkg.lint({ from: 'a@example.com', text: 'x', attachments: [{ filename: 'a.bin', content: bytes }] }).source, /\r\naGk=\r\n/);
});

test('unknown keys inside parts and the envelope are named by path, with the close known key', () => {
  const report = pkg.lint({ from: 'a@example.com', to: 'b@example.com', subject: 'Invoice', text: 'x',
    attachments: [{ fileName: 'invoice.pdf', contentype: 'application/pdf', content: 'x' }], envelope: { form: 'bounce@example.com' } });
  const messages = report.findings.filter((f) => f.ruleId === 'headers/compose-option').map((f) => f.message);
  for (const [option, close] of [['attachments[0].fileName', 'filename'], ['attachments[0].contentype', 'contentType'], ['envelope.form', 'from']]) {
    assert.ok(messages.some((m) => m.startsWith(`${option}: not a Nodemailer message option; did you mean ${close}?`)), `${option}: ${messages}`);
  }
});

test('a body given as a Buffer or { content, encoding } is rendered as Nodemailer sends it, and linted the same', async () => {
  const { lint } = pkg;
  const fields = (text, html) => ({ from: 'a@example.com', to: 'b@example.com', subject: 'Order 12', text, html,
    date: 'Tue, 1 Dec 2026 10:00:00 +0000', messageId: '<order-12@example.com>' });
  const plain = lint(fields('Your order ships today.', '<p>Your order ships <b>today</b>.</p>'));
  const ids = (report) => report.findings.map((f) => f.messageId);
  for (const [text, html, sameText] of [
    // A Buffer is sent in quoted-printable or base64 (mime-node gives 7bit to a string of plain text only).
    [Buffer.from('Your order ships today.'), Buffer.from('<p>Your order ships <b>today</b>.</p>'), true],
    [Buffer.from('Zażółć gęślą jaźń, żółw'), { content: Buffer.from('<p>Your order ships <b>today</b>.</p>').toString('base64'), encoding: 'base64' }, false],
    [{ content: 'Your order ships today.' }, { content: Buffer.from('<p>Your order ships <b>today</b>.</p>') }, true],
  ]) {
    await assertRenderedAsNodemailer(fields(text, html));
    if (sameText) assert.deepEqual(ids(lint(fields(text, html))), ids(plain));
  }
  assert.throws(() => lint(fields('x', { path: '/tmp/mail.html' })), (e) => e.code === 'invalid-input' && /html/.test(e.message));
});

test('a body or an attachment given as a plain Uint8Array (no Buffer) is rendered as Nodemailer sends it: a text part in quoted-printable', async () => {
  // mime-node's getTransferEncoding looks into a string or a Buffer only (`content instanceof Buffer`):
  // a text part of any other bytes is quoted-printable (base64 with textEncoding 'base64'), never 7bit.
  const view = (text) => new Uint8Array(Buffer.from(text)); // a copy: a Uint8Array, not a Buffer
  const from = 'a@example.com';
  const cases = [
    [{ from, text: view('Zażółć gęślą jaźń\n') }, 'quoted-printable'],
    [{ from, text: view('Plain ASCII text.') }, 'quoted-printable'],
    [{ from, text: 'x', html: view('<p>Zażółć gęślą jaźń</p>') }, 'quoted-printable'],
    [{ from, textEncoding: 'base64', text: view('Zażółć') }, 'base64'],
    [{ from, text: { content: view('żółw') } }, 'quoted-printable'],
    [{ from, text: 'x', alternatives: [{ contentType: 'text/x-web-markdown', content: view('# Zażółć') }] }, 'quoted-printable'],
    [{ from, text: 'x', attachments: [{ filename: 'a.txt', content: view('żółw') }, { filename: 'b.bin', content: view('żółw') }] }, 'base64'],
    [{ from, text: 'x', attachments: [{ filename: 'a.txt', content: view('żółw'), contentTransferEncoding: false }] }, 'quoted-printable'],
  ];
  for (const [mail, encoding] of cases) {
    const source = await assertRenderedAsNodemailer(mail, JSON.stringify(mail, (k, v) => (v instanceof Uint8Array ? `Uint8Array(${v.length})` : v)));
    assert.ok(source.includes(`Content-Transfer-Encoding: ${encoding}\r\n`), source);
  }
  // The same bytes as a Buffer: chosen by content (base64 here, more non-Latin letters than Latin).
  const buffer = pkg.lint({ from, text: Buffer.from('żółw') }).source;
  assert.match(buffer, /Content-Transfer-Encoding: base64\r\n/);
  assert.match(pkg.lint({ from, text: view('żółw') }).source, /Content-Transfer-Encoding: quoted-printable\r\n/);
});

test('__proto__ keys from JSON.parse are read as Nodemailer reads them: fields inherited at the top, own keys below', async () => {
  const bodies = [
    '{"__proto__":{"raw":"From: evil@x.example\\r\\n\\r\\nhi"},"from":"a@site.example","to":"b@site.example","subject":"Hello there","text":"hi"}',
    '{"__proto__":{"subject":"Inherited","text":"from the prototype"},"from":"a@site.example","to":"b@site.example","text":"own text wins"}',
    '{"__proto__":"ignored","from":"a@site.example","to":"b@site.example","subject":"Hi","text":"x"}',
    '{"from":"a@site.example","to":"b@site.example","subject":"Hi","text":"x","headers":{"__proto__":"kept","X-A":"1"}}',
    '{"from":"a@site.example","to":"b@site.example","subject":"Hi","text":"x","list":{"__proto__":"https://site.example/x","help":"https://site.example/help"}}',
  ];
  for (const body of bodies) {
    const ours = await assertRenderedAsNodemailer(JSON.parse(body), body);
    if (body.includes('evil')) assert.match(ours, /^From: evil@x\.example\r\n/, 'the raw message Nodemailer sends is the one linted');
  }
});

test('a body given as an alternative\'s fields ({ raw }, headers, contentTransferEncoding, filename) is Nodemailer\'s part', async () => {
  const shapes = {
    'html as { raw } beside text and an inline image (related)': { from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 't',
      html: { raw: 'Content-Type: text/html; charset=utf-8\r\n\r\n<p>Raw <b>HTML</b> <img src="cid:logo@x"></p>' },
      attachments: [{ filename: 'logo.png', content: 'x', cid: 'logo@x' }] },
    'amp and watchHtml as { raw } Buffers': { from: 'a@example.com', text: 't', html: '<p>h</p>',
      amp: { raw: Buffer.from('Content-Type: text/x-amp-html\r\n\r\n<html amp4email><body>Hi</body></html>') },
      watchHtml: { raw: 'Content-Type: text/watch-html\r\n\r\n<b>Hi</b>' } },
    'text with headers, contentTransferEncoding and filename': { from: 'a@example.com',
      text: { content: 'Hello', headers: { 'X-Part': ['1', 2] }, contentTransferEncoding: 'base64', filename: 'hello.txt' }, html: '<p>Hello</p>' },
    'html as { raw } alone: the whole message, without the fields given beside': { from: 'a@example.com', subject: 'Hi',
      html: { raw: 'Content-Type: text/html\r\n\r\n<p>hi</p>' }, date: 'Tue, 1 Dec 2026 10:00:00 +0000', messageId: '<1@example.com>' },
  };
  for (const [what, mail] of Object.entries(shapes)) await assertRenderedAsNodemailer(mail, what);
  const alone = pkg.lint(shapes['html as { raw } alone: the whole message, without the fields given beside']);
  assert.ok(alone.findings.some((f) => f.messageId === 'headers/missing-field.required'), 'From is not sent');
  for (const body of [{ content: '' }, { raw: '' }, { headers: { 'X-A': '1' } }]) {
    // Nodemailer streams the object itself as content, which throws ("The "chunk" argument must be…").
    assert.throws(() => pkg.lint({ from: 'a@example.com', html: body }),
      (e) => e.code === 'invalid-input' && /html is a stream or an object/.test(e.message), JSON.stringify(body));
  }
});

test('values Nodemailer writes with toString() are rendered as it writes them', async () => {
  const shapes = {
    'a number subject, message id, reply id, references and X-Mailer': { from: 'a@example.com', text: 'x', subject: 123,
      messageId: 42, inReplyTo: 7, references: ['a@example.com', 5, ''], xMailer: 5 },
    'a huge subject': { from: 'a@example.com', text: 'x', subject: 1e21 },
    'a tiny subject': { from: 'a@example.com', text: 'x', subject: 1.5e-7 },
    'subject true': { from: 'a@example.com', text: 'x', subject: true },
    'subject 0 and false are none': { from: 'a@example.com', text: 'x', subject: 0 },
    'a number priority (no field)': { from: 'a@example.com', text: 'x', priority: 1 },
    'header lists mixing texts, numbers, objects and lists': { from: 'a@example.com', text: 'x', subject: 'Hi',
      headers: { 'X-A': ['a', { value: 'b  c', prepared: true }, 5, 0, true, ['d', ['e']], { foo: 1 }, null], 'X-B': { value: 7 }, Subject: 0 } },
    'list values that give no URL: 0, a number, true, null': { from: 'a@example.com', text: 'x',
      list: { unsubscribe: 0, help: [5, 'help@example.com', null], post: true } },
    'headers as one { key, value } object, and one whose value is empty': { from: 'a@example.com', text: 'x',
      headers: { key: 'x-campaign', value: ['spring', 2], other: 'not read' }, attachments: [{ filename: 'a.txt', content: 'x', headers: { key: 'X-Part', value: '' } }] },
    'a date as a number': { from: 'a@example.com', text: 'x', date: 1700000000000 },
    'a date as an ISO text and as non-ASCII text': { from: 'a@example.com', text: 'x', date: '2026-03-01T10:00:00Z', headers: { 'X-When': 'Środa' } },
    'list.unsubscribePost and list["unsubscribe-post"]': { from: 'a@example.com', text: 'x',
      list: { unsubscribe: 'https://example.com/u', unsubscribePost: 'List-Unsubscribe=One-Click', 'unsubscribe-post': 'List-Unsubscribe=One-Click' } },
  };
  for (const [what, mail] of Object.entries(shapes)) await assertRenderedAsNodemailer(mail, what);
});

test('values Nodemailer drops without a word or cannot write are refused naming the field, in the reader\'s language', () => {
  const refused = (mail, pattern, locale = 'en') => assert.throws(() => pkg.lint({ from: 'a@example.com', text: 'x', ...mail }, { locale }),
    (e) => e.code === 'invalid-input' && pattern.test(e.message), `${JSON.stringify(mail)} ${locale}`);
  // mime-node writes no In-Reply-To for a list (its `value` property is empty).
  refused({ inReplyTo: ['<a@example.com>'] }, /inReplyTo is a list; it must be a text \(Nodemailer writes no field for a list or an object\)\./);
  refused({ inReplyTo: ['<a@example.com>'] }, /inReplyTo est une liste/, 'fr');
  refused({ inReplyTo: ['<a@example.com>'] }, /inReplyTo es una lista/, 'es');
  refused({ inReplyTo: ['<a@example.com>'] }, /inReplyTo to lista/, 'pl');
  refused({ list: { unsubscribe: [[['https://example.com/u']]] } }, /list\.unsubscribe\[0\]\[0\] is a list; it must be a URL or \{ url, comment \}/);
  refused({ list: { unsubscribe: { url: 5 } } }, /list\.unsubscribe\.url is a number \(5\); it must be a text\./);
  const urls = Array.from({ length: 100000 }, (_, i) => `https://example.com/u/${i}`);
  refused({ list: { unsubscribe: urls } }, /list\.unsubscribe: 100,000 entries, at most 100\./);
  refused({ list: { help: [urls] } }, /list\.help\[0\]: 100,000 entries, at most 100\./);
});

test('list.unsubscribePost is said, and the one-click rule reads the field Nodemailer writes', () => {
  const bulk = { from: 'news@example.com', to: 'b@example.org', subject: 'News', text: 'Hello', headers: { Precedence: 'bulk' },
    list: { unsubscribe: 'https://example.com/u/1', unsubscribePost: 'List-Unsubscribe=One-Click' } };
  const report = pkg.lint(bulk);
  assert.ok(report.findings.some((f) => f.messageId === 'bulk/one-click.missing'), JSON.stringify(idsOf(report)));
  const note = report.findings.find((f) => f.messageId === 'headers/compose-option.unsubscribe-post');
  assert.match(note.message, /^list\.unsubscribePost: .*\(List-Unsubscribepost: <http:\/\/List-Unsubscribe=One-Click>\)/);
  for (const locale of ['fr', 'es', 'pl']) {
    const localized = pkg.lint(bulk, { locale }).findings.find((f) => f.messageId === 'headers/compose-option.unsubscribe-post');
    assert.ok(localized && !/Nodemailer writes/.test(localized.message) && /List-Unsubscribe-Post/.test(localized.fix), locale);
  }
  const fixed = pkg.lint({ ...bulk, list: { unsubscribe: 'https://example.com/u/1' },
    headers: { Precedence: 'bulk', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
  assert.ok(!idsOf(fixed).includes('bulk/one-click') && !idsOf(fixed).includes('headers/compose-option'), JSON.stringify(idsOf(fixed)));
});

test('the amp and watchHtml versions are read by the content rules; a copy of the HTML adds no point and no link finding', () => {
  const html = '<html lang="en"><body><p>Your order ships today.</p></body></html>';
  const spammy = '<!doctype html><html ⚡4email lang="en"><head><meta charset="utf-8"></head><body>'
    + '<p>Hot xxx porn videos, 100% free, act now!</p><p style="color:#fff;background:#fff">casino bonus</p>'
    + '<a href="javascript:alert(1)">Claim</a></body></html>';
  const fields = { from: 'shop@example.com', to: 'b@example.org', subject: 'Your order', text: 'Your order ships today.', html };
  for (const key of ['amp', 'watchHtml']) {
    const report = pkg.lint({ ...fields, [key]: spammy });
    for (const rule of ['spam/adult-terms', 'spam/invisible-text', 'links/broken']) {
      // Part 2 is the view: Nodemailer's order is text, watchHtml, amp, html.
      assert.ok(report.findings.some((f) => f.ruleId === rule && f.location.part === 2), `${key} ${rule}: ${JSON.stringify(idsOf(report))}`);
    }
    assert.equal(report.verdict, 'fail', key);
  }
  const newsletter = '<html lang="en"><body><p>Limited time offer on garden tools.</p><a href="#">top</a> '
    + '<a href="https://click.example.net/r/1">https://shop.example.com</a></body></html>';
  const alone = pkg.lint({ ...fields, html: newsletter });
  const both = pkg.lint({ ...fields, html: newsletter, amp: newsletter, watchHtml: newsletter });
  assert.equal(both.spamScore, alone.spamScore);
  const links = (report) => report.findings.filter((f) => f.ruleId.startsWith('links/')).map((f) => f.messageId);
  assert.deepEqual(links(both), links(alone));
});

test('an attachment or a body whose path or href is a data: URL is decoded and rendered as Nodemailer renders it', async () => {
  // mail-composer `_processDataUrl` (lib/shared `parseDataURI`): base64 or percent-encoded,
  // the media type becoming contentType unless one is given, path and href then dropped.
  const from = 'a@example.com';
  const mails = [
    { from, to: 'b@example.com', subject: 'Files', text: 'See the files.', attachments: [
      { path: 'data:text/plain;base64,SGVsbG8gd29ybGQ=' },
      { filename: 'table.csv', href: 'data:text/csv;charset=utf-8,a%2Cb%0A1%2C%C5%BC' },
      { filename: 'report.pdf', contentType: 'application/pdf', path: 'data:image/png;base64,JVBERi0xLjQK' },
      { path: 'data:,hello%20world' },
      { filename: 'raw.txt', path: 'data:text/plain,100% sure' },
      { filename: 'bad.txt', path: 'data:text/plain,%FF%FE' },
      { path: 'data:;base64,AAEC' },
    ] },
    { from, to: 'b@example.com', subject: 'Hi', text: { path: 'data:text/plain;charset=utf-8,Za%C5%BC%C3%B3%C5%82%C4%87' },
      html: { href: 'data:text/html;charset=utf-8,%3Cp%3EHi%3C%2Fp%3E' } },
  ];
  for (const mail of mails) await assertRenderedAsNodemailer(mail);
  const source = pkg.lint(mails[0]).source;
  assert.match(source, /Content-Type: text\/csv; charset=utf-8; name=table\.csv|Content-Type: text\/csv/);
  assert.match(source, /SGVsbG8gd29ybGQ=/, 'the base64 content, re-encoded');
  // What Nodemailer reads as a file or a URL stays refused: no `data:` prefix as written, or no comma.
  for (const path of ['DATA:text/plain,x', 'data:text/plain;base64']) {
    assert.throws(() => pkg.lint({ from, text: 'x', attachments: [{ filename: 'a.txt', path }] }), (e) => e.code === 'invalid-input', path);
  }
});

test('an attachment with filename: false is sent with no file name, as Nodemailer sends it', async () => {
  // mail-composer `getAttachments`: a name is drawn from the path or `attachment-N.ext`
  // only when `filename !== false`.
  const mail = { from: 'a@example.com', to: 'b@example.com', subject: 'Data', text: 'See the data.', attachments: [
    { filename: false, content: 'a,b\n1,2\n', contentType: 'text/csv' },
    { content: 'no name given' },
  ] };
  const source = await assertRenderedAsNodemailer(mail);
  assert.match(source, /filename=attachment-2\./, 'a missing name is still drawn');
  assert.throws(() => pkg.lint({ ...mail, attachments: [{ filename: true, content: 'x' }] }), (e) => e.code === 'invalid-input');
});

test('an address group given as an object is dropped as Nodemailer drops it, and said; a group given as text is an RFC 5322 §3.4 group', async () => {
  // mime-node `_parseAddresses` keeps an object only when its address is set; a group object
  // goes to addressparser, which reads "[object Object]": no address, dropped with its members.
  const mail = { from: 'a@example.com', subject: 'Hi', text: 'x',
    to: ['b@example.com', { name: 'Team', group: [{ address: 'c@example.com' }, { name: 'D', address: 'd@example.com' }] }],
    cc: 'Friends: e@example.com, F <f@example.com>;' };
  const source = await assertRenderedAsNodemailer(mail);
  assert.match(source, /^To: b@example\.com\r\nCc: Friends:e@example\.com, F <f@example\.com>;\r\n/m);
  // A group alone: Nodemailer writes no To at all.
  const alone = await assertRenderedAsNodemailer({ ...mail, to: { name: 'Undisclosed recipients', group: [] } });
  assert.doesNotMatch(alone, /^To:/m);
  const notes = (report) => report.findings.filter((f) => f.messageId === 'headers/compose-option.address-group');
  const [note] = notes(pkg.lint(mail));
  assert.equal(note.evidence, 'to[1]');
  assert.equal(note.fixId, 'headers/compose-option.address-group-fix');
  assert.match(notes(pkg.lint({ ...mail, to: { name: 'G', group: [] } }, { locale: 'fr' }))[0].message, /^to : un objet d'adresse sans adresse/);
  assert.equal(notes(pkg.lint({ ...mail, to: 'b@example.com' })).length, 0, 'a group as text is sent: no note');
  // An address of another kind than a text stays refused (Nodemailer would fail on it).
  assert.throws(() => pkg.lint({ ...mail, to: { name: 'X', address: 5 } }), (e) => e.code === 'invalid-input');
});

/** `make()` twice: a stream is read once, so lintAsync and Nodemailer each get their own. */
async function assertStreamsRenderedAsNodemailer(make) {
  const ours = (await pkg.lintAsync(make())).source;
  const base = /-([0-9a-f]{16})-Part_/.exec(ours)?.[1] ?? '0000000000000000';
  const theirs = await nodemailerBytes(make(), base);
  assert.deepEqual(ours.split('\r\n'), theirs.split('\r\n'));
  return ours;
}

test('streams in compose fields are read by lintAsync and rendered as Nodemailer renders a stream, byte for byte', async () => {
  const { Readable } = await import('node:stream');
  const make = () => ({ from: 'a@example.com', to: 'b@example.com', subject: 'Streams',
    // Text chunks (an object-mode stream) and byte chunks.
    text: Readable.from(['Hello,\n', 'a short ASCII text.\n']),
    html: Readable.from([Buffer.from('<p>Zażółć gęślą jaźń</p>')]),
    attachments: [
      { filename: 'data.bin', content: Readable.from([Buffer.from([0, 1, 2, 255])]) },
      { filename: 'notes.txt', content: Readable.from(['plain notes']) },
    ],
    alternatives: [{ contentType: 'text/x-web-markdown', content: Readable.from(['**Hello**']) }],
    // Byte chunks: mime-node reads the event once for its two parts with Buffer.concat, which fails on text chunks.
    icalEvent: Readable.from([Buffer.from('BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n')]) });
  const source = await assertStreamsRenderedAsNodemailer(make);
  // mime-node cannot look into a stream: its short ASCII text is quoted-printable, where a
  // string of the same text is 7bit.
  assert.match(source, /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHello,/);
  await assertStreamsRenderedAsNodemailer(() => ({ from: 'a@example.com', to: 'b@example.com', subject: 'Streams',
    textEncoding: 'base64', text: { content: Readable.from(['Hello']) } }));
  const raw = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Raw\r\n\r\nHello\r\n';
  assert.equal((await pkg.lintAsync({ raw: Readable.from([raw]) })).source, pkg.lint({ raw }).source);
});

test('lint and analyse refuse a stream naming the async call to use; lintAsync, analyseAsync and a Linter read it', async () => {
  const { Readable } = await import('node:stream');
  const fields = () => ({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'x',
    attachments: [{ filename: 'a.txt', content: Readable.from(['hello']) }] });
  assert.throws(() => pkg.lint(fields()), (e) => e.code === 'invalid-input' && e.messageId === 'core.invalid.stream'
    && /attachments\[0\]\.content is a stream/.test(e.message) && /await lintAsync\(\)/.test(e.message));
  assert.throws(() => pkg.analyse(fields(), { locale: 'pl' }), (e) => e.messageId === 'core.invalid.stream'
    && /await analyseAsync\(\)/.test(e.message) && /to strumień/.test(e.message));
  const expected = pkg.lint({ ...fields(), attachments: [{ filename: 'a.txt', content: new Uint8Array(Buffer.from('hello')) }] });
  assert.deepEqual(await pkg.lintAsync(fields()), expected);
  assert.equal((await pkg.analyseAsync(fields())).parts.length, pkg.analyse(expected.source).parts.length);
  const linter = pkg.createLinter({ threads: 1 });
  try {
    assert.deepEqual(await linter.lint(fields()), expected);
  } finally {
    await linter.close();
  }
});

test('a stream is read to the input limit at most, then destroyed; its error is the caller\'s, named by its field', async () => {
  const { Readable } = await import('node:stream');
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  let pushed = 0;
  // An endless stream: reading it whole would never end.
  const endless = new Readable({ read() { pushed += 1; this.push(chunk); } });
  await assert.rejects(pkg.lintAsync({ from: 'a@example.com', text: endless }),
    (e) => e.code === 'input-too-large' && e.messageId === 'core.error.input-too-large-unmeasured');
  assert.ok(endless.destroyed, 'no further chunk is read');
  assert.ok(pushed <= 40, `read ${pushed} MiB`);
  const failing = new Readable({ read() { this.destroy(new Error('disk gone')); } });
  await assert.rejects(pkg.lintAsync({ from: 'a@example.com', attachments: [{ content: failing }] }),
    (e) => e.code === 'invalid-input' && e.messageId === 'core.invalid.threw' && /attachments\[0\]\.content/.test(e.message)
      && e.cause.message === 'disk gone');
});

// Without the fix these calls never settled (no 'end' or 'error' comes): the
// runner's timeout (no assertion on time) makes that a failure, not a hang.
test('a stream destroyed, failed or paused before or while it is read settles the call: refused by its field, or read', { timeout: 60_000 }, async () => {
  const { Readable } = await import('node:stream');
  const premature = (path) => (e) => e.code === 'invalid-input' && e.messageId === 'core.invalid.threw'
    && e.message.includes(path) && /Premature close/.test(e.cause.message);
  const destroyed = new Readable({ read() {} });
  destroyed.destroy();
  await assert.rejects(pkg.lintAsync({ from: 'a@example.com', text: destroyed }), premature('text'));
  const failed = new Readable({ read() {} });
  failed.on('error', () => {});
  failed.destroy(new Error('disk gone'));
  await new Promise((resolve) => failed.on('close', resolve));
  await assert.rejects(pkg.analyseAsync({ from: 'a@example.com', attachments: [{ content: failed }] }),
    (e) => e.code === 'invalid-input' && /attachments\[0\]\.content/.test(e.message) && e.cause.message === 'disk gone');
  // Closed by its maker after a first chunk, before its end.
  const cut = new Readable({ read() {} });
  cut.push('first ');
  const linting = pkg.lintAsync({ from: 'a@example.com', html: cut });
  setImmediate(() => cut.destroy());
  await assert.rejects(linting, premature('html'));
  // Paused by the caller: Nodemailer's pipe() resumes it, so reading does too.
  const paused = Readable.from(['Hello ', 'world']);
  paused.pause();
  const fields = { from: 'a@example.com', to: 'b@example.org', subject: 'x', text: paused };
  const report = await pkg.lintAsync(fields);
  assert.equal(report.source, (await pkg.lintAsync({ ...fields, text: Readable.from(['Hello world']) })).source);
  const linter = pkg.createLinter({ threads: 1 });
  try {
    const gone = new Readable({ read() {} });
    gone.destroy();
    await assert.rejects(linter.lint({ from: 'a@example.com', text: gone }), premature('text'));
  } finally {
    await linter.close();
  }
});

test('a stream read and put back that fails later ends no process: no one of the caller listens to it any more', async () => {
  const { Readable } = await import('node:stream');
  const original = new Readable({ read() {} });
  original.push('Hello');
  original.push(null);
  const fields = { from: 'a@example.com', to: 'b@example.org', subject: 'Hi', text: original };
  await pkg.lintAsync(fields);
  assert.notEqual(fields.text, original);
  // With no 'error' listener, emit would throw the error (EventEmitter's rule; a stream's late
  // error, emitted from a callback, would end the process).
  assert.doesNotThrow(() => original.emit('error', new Error('late')));
});

test('a stream of millions of small chunks is held as its bytes, not as a list of chunks', async () => {
  const { Readable } = await import('node:stream');
  // 2 million one-byte text chunks (2 MB): a list of their encodings held 2 million
  // objects (1 million had taken 520 MB); one buffer grown by doubling holds 2 to 4 MB.
  const count = 2_000_000;
  const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const before = used();
  let sent = 0;
  let atEnd;
  const many = new Readable({
    objectMode: true,
    read() {
      for (let k = 0; k < 10_000 && sent < count; k += 1, sent += 1) this.push('a');
      // Measured when the last chunk is given: what reading holds then is all it read.
      if (sent === count) { atEnd = used() - before; this.push(null); }
    },
  });
  const report = await pkg.lintAsync({ from: 'a@example.com', to: 'b@example.org', subject: 'x', attachments: [{ filename: 'a.txt', content: many }] });
  assert.equal(sent, count);
  assert.ok(report.source.length > count, 'the bytes are read whole');
  assert.ok(atEnd < 200 * 1024 * 1024, `held ${Math.round(atEnd / 1048576)} MB for 2 MB of chunks`);
});

test('the streams lintAsync and a Linter read are put back as streams of the same bytes: the same fields then sent by Nodemailer send what was checked', async () => {
  const { Readable } = await import('node:stream');
  const fields = { from: 'a@example.com', to: 'b@example.com', subject: 'Hi', baseBoundary: '0123456789abcdef',
    text: Readable.from(['Hello from the form\n']), attachments: [{ filename: 'cv.txt', content: Readable.from([Buffer.from('CV')]) }] };
  const checked = (await pkg.lintAsync(fields)).source;
  // A form builder passes the same object on to sendMail: its streams must still hold the bytes.
  assert.equal(await nodemailerBytes(fields, '0123456789abcdef'), checked);
  const linter = pkg.createLinter({ threads: 1 });
  try {
    const again = { ...fields, text: Readable.from(['Hello from the form\n']),
      attachments: [{ filename: 'cv.txt', content: Readable.from([Buffer.from('CV')]) }] };
    assert.equal((await linter.lint(again)).source, checked);
    assert.equal(await nodemailerBytes(again, '0123456789abcdef'), checked);
  } finally {
    await linter.close();
  }
});

// Without STREAM_IDLE_TIMEOUT these calls never settled (the stream gives nothing and never
// ends): the runner's timeout (no assertion on time) makes that a failure, not a hang.
test('a stream that gives nothing and never ends is given up after streamIdleTimeout: refused by its field, destroyed, in the reader\'s language', { timeout: 60_000 }, async () => {
  const { Readable } = await import('node:stream');
  const idle = (path) => (e) => e.code === 'invalid-input' && e.messageId === 'core.invalid.stream-idle'
    && e.params.path === path && e.message.includes(path) && e.timeout === 20;
  const never = new Readable({ read() {} });
  await assert.rejects(pkg.lintAsync({ from: 'a@example.com', text: never }, { streamIdleTimeout: 20 }), idle('text'));
  assert.ok(never.destroyed, 'the stream given up is destroyed');
  // One that gave a first chunk, then stalled.
  const stalled = new Readable({ read() {} });
  stalled.push('first ');
  await assert.rejects(pkg.analyseAsync({ from: 'a@example.com', attachments: [{ content: stalled }] },
    { streamIdleTimeout: 20, locale: 'pl' }), (e) => idle('attachments[0].content')(e) && /to strumień/.test(e.message));
  assert.ok(stalled.destroyed);
  const linter = pkg.createLinter({ threads: 1 });
  try {
    await assert.rejects(linter.lint({ from: 'a@example.com', html: new Readable({ read() {} }) }, { streamIdleTimeout: 20, locale: 'es' }),
      (e) => idle('html')(e) && /es un flujo/.test(e.message));
  } finally {
    await linter.close();
  }
});

test('streamIdleTimeout is a whole number of milliseconds from 1 to setTimeout\'s longest; the engine never sees it', async () => {
  const fields = { from: 'a@example.com', to: 'b@example.org', subject: 'Hi', text: 'Hello' };
  for (const [value, messageId] of [[0, 'core.invalid.range'], [-5, 'core.invalid.range'], [2 ** 31, 'core.invalid.range'],
    [Infinity, 'core.invalid.range'], [1.5, 'core.invalid.not-whole-number'], ['30000', 'core.invalid.not-number'], [NaN, 'core.invalid.not-number']]) {
    await assert.rejects(pkg.lintAsync(fields, { streamIdleTimeout: value }),
      (e) => e.code === 'invalid-options' && e.messageId === messageId && e.params.path === 'streamIdleTimeout', String(value));
  }
  assert.deepEqual(await pkg.lintAsync(fields, { streamIdleTimeout: 2 ** 31 - 1, locale: 'fr' }), pkg.lint(fields, { locale: 'fr' }));
  assert.deepEqual(await pkg.analyseAsync(fields, { streamIdleTimeout: 1 }), pkg.analyse(fields));
});

/** A stream that gives one byte every few milliseconds and never ends (stopped when destroyed). */
async function drip(every = 2) {
  const { Readable } = await import('node:stream');
  const stream = new Readable({ read() {} });
  const timer = setInterval(() => stream.push('a'), every);
  stream.on('close', () => clearInterval(timer));
  return stream;
}

// Without STREAM_TOTAL_TIMEOUT these calls never settled: each byte starts the idle time
// again (one byte every 29 s had gone on for ever). The runner's timeout makes that a failure.
test('a stream that gives a byte now and then and never ends is given up after streamTotalTimeout: refused by its field, destroyed', { timeout: 60_000 }, async () => {
  const total = (path, ms) => (e) => e.code === 'invalid-input' && e.messageId === 'core.invalid.stream-total'
    && e.params.path === path && e.message.includes(path) && e.message.includes('streamTotalTimeout') && e.timeout === ms;
  const text = await drip();
  // The idle time is long: only the total time can end it.
  await assert.rejects(pkg.lintAsync({ from: 'a@example.com', text }, { streamIdleTimeout: 600_000, streamTotalTimeout: 40 }), total('text', 40));
  assert.ok(text.destroyed, 'the stream given up is destroyed');
  // The time is the call's, shared by its streams: a first stream that ends, then a dripping one.
  const { Readable } = await import('node:stream');
  const attachment = await drip();
  await assert.rejects(pkg.analyseAsync({ from: 'a@example.com', text: Readable.from(['Hello']), attachments: [{ content: attachment }] },
    { streamIdleTimeout: 600_000, streamTotalTimeout: 40, locale: 'pl' }),
  (e) => total('attachments[0].content', 40)(e) && /to strumień/.test(e.message));
  assert.ok(attachment.destroyed);
  const linter = pkg.createLinter({ threads: 1 });
  try {
    const html = await drip();
    await assert.rejects(linter.lint({ from: 'a@example.com', html }, { streamIdleTimeout: 600_000, streamTotalTimeout: 40, locale: 'es' }),
      (e) => total('html', 40)(e) && /es un flujo/.test(e.message));
  } finally {
    await linter.close();
  }
});

test('streamTotalTimeout is checked as streamIdleTimeout is; both stay out of the engine, and a stream within them is read whole', async () => {
  const fields = { from: 'a@example.com', to: 'b@example.org', subject: 'Hi', text: 'Hello' };
  for (const [value, messageId] of [[0, 'core.invalid.range'], [2 ** 31, 'core.invalid.range'], [1.5, 'core.invalid.not-whole-number'],
    ['300000', 'core.invalid.not-number']]) {
    await assert.rejects(pkg.lintAsync(fields, { streamTotalTimeout: value }),
      (e) => e.code === 'invalid-options' && e.messageId === messageId && e.params.path === 'streamTotalTimeout', String(value));
  }
  assert.deepEqual(await pkg.lintAsync(fields, { streamTotalTimeout: 1, streamIdleTimeout: 1, locale: 'fr' }), pkg.lint(fields, { locale: 'fr' }));
  const { Readable } = await import('node:stream');
  const read = await pkg.lintAsync({ ...fields, text: Readable.from(['Hello', ' there']) }, { streamTotalTimeout: 2 ** 31 - 1 });
  assert.equal(read.source, (await pkg.lintAsync({ ...fields, text: Readable.from(['Hello there']) })).source);
});

test('when one stream fails, the streams after it are destroyed unread (not left holding their file or socket)', { timeout: 60_000 }, async () => {
  const { Readable } = await import('node:stream');
  const laterOnes = () => {
    const html = new Readable({ read() {} });
    const attachment = new Readable({ read() {} });
    return { html, attachment, destroyed: () => html.destroyed && attachment.destroyed };
  };
  // A stream that fails with an error.
  let later = laterOnes();
  await assert.rejects(pkg.lintAsync({ from: 'a@example.com', text: new Readable({ read() { this.destroy(new Error('disk gone')); } }),
    html: later.html, attachments: [{ content: later.attachment }] }), (e) => e.messageId === 'core.invalid.threw');
  assert.ok(later.destroyed(), 'the streams after the failing one are destroyed');
  // Past the byte limit.
  later = laterOnes();
  await assert.rejects(pkg.analyseAsync({ from: 'a@example.com', text: Readable.from([new Uint8Array(32 * 1024 * 1024).fill(97), 'a']),
    html: later.html, attachments: [{ content: later.attachment }] }), (e) => e.code === 'input-too-large');
  assert.ok(later.destroyed());
  // Given up for its idle time, in a pool's lint.
  later = laterOnes();
  const linter = pkg.createLinter({ threads: 1 });
  try {
    await assert.rejects(linter.lint({ from: 'a@example.com', text: new Readable({ read() {} }), html: later.html,
      attachments: [{ content: later.attachment }] }, { streamIdleTimeout: 20 }), (e) => e.messageId === 'core.invalid.stream-idle');
  } finally {
    await linter.close();
  }
  assert.ok(later.destroyed());
});

test('the sync calls refuse the stream options naming the async call that takes them, in the reader\'s language', async () => {
  const asyncOnly = (name, call, pattern) => (e) => e.code === 'invalid-options' && e.messageId === 'core.invalid.async-only-option'
    && e.params.path === name && e.params.asyncCall === `${call}Async` && e.message.includes(`${call}Async()`) && pattern.test(e.message);
  assert.throws(() => pkg.lint('From: a@example.com\r\n\r\nHi', { streamIdleTimeout: 1000 }), asyncOnly('streamIdleTimeout', 'lint', /is an option of/));
  assert.throws(() => pkg.analyse('From: a@example.com\r\n\r\nHi', { streamTotalTimeout: 1000, locale: 'fr' }),
    asyncOnly('streamTotalTimeout', 'analyse', /est une option de/));
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  assert.throws(() => web.lint('From: a@example.com\r\n\r\nHi', { streamIdleTimeout: 1000, locale: 'es' }),
    asyncOnly('streamIdleTimeout', 'lint', /es una opción de/));
  assert.throws(() => web.analyse('From: a@example.com\r\n\r\nHi', { streamTotalTimeout: 1000, locale: 'pl' }),
    asyncOnly('streamTotalTimeout', 'analyse', /to opcja/));
  // One left undefined is no option given, as before.
  assert.equal(pkg.lint('From: a@example.com\r\n\r\nHi', { streamIdleTimeout: undefined, streamTotalTimeout: undefined }).origin, 'raw');
});

test('no timer of a stream read outlives the call: a process whose streams were read ends at once', async () => {
  const { Readable } = await import('node:stream');
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
  const before = timers();
  const fields = { from: 'a@example.com', to: 'b@example.org', subject: 'Hi', text: Readable.from(['Hello']),
    attachments: [{ filename: 'a.txt', content: Readable.from(['a']) }] };
  await pkg.lintAsync(fields);
  const failing = new Readable({ read() { this.destroy(new Error('disk gone')); } });
  await assert.rejects(pkg.lintAsync({ from: 'a@example.com', text: failing }));
  await assert.rejects(pkg.lintAsync({ from: 'a@example.com', text: 'x', html: new Readable({ read() {} }) }, { streamIdleTimeout: 5 }));
  assert.equal(timers(), before, 'a timer is left pending');
});
