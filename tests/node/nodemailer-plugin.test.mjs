// mail-preflight/nodemailer with a real Nodemailer transport (streamTransport:
// the bytes Nodemailer would hand to an SMTP server or sendmail): a clean mail is
// sent, a mail the host would refuse is not (EPREFLIGHT with the report), warn
// mode sends anyway, contents from streams and files are still sent whole, and
// the plugin judges the bytes Nodemailer actually sends.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import test from 'node:test';
import {
  pkg, pkgDir, requireDev, tempDir, idsOf, blockingIds, contactForm, zipArchive, windowsExecutable,
} from './helpers.mjs';

const nodemailer = requireDev('nodemailer');
const { preflight } = await import(join(pkgDir, 'nodemailer.mjs'));

function transporter(settings) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  transport.use('compile', preflight(settings));
  return transport;
}

test('a clean contact-form mail is sent', async () => {
  const info = await transporter().sendMail(contactForm);
  assert.ok(Buffer.isBuffer(info.message));
  assert.match(info.message.toString(), /Subject: New message from the contact form/);
});

test('a mail the host would refuse is not sent: EPREFLIGHT with the report and each finding listed', async () => {
  const mail = { ...contactForm, attachments: [{ filename: 'scan.pdf', content: Buffer.alloc(8_000_000, 7) }] };
  await assert.rejects(transporter({ locale: 'fr' }).sendMail(mail), (error) => {
    assert.equal(error.code, 'EPREFLIGHT');
    assert.equal(error.report.verdict, 'fail');
    assert.equal(error.report.locale, 'fr');
    assert.match(error.message, /^Non envoyé/);
    for (const finding of error.report.findings.filter((f) => f.severity === 'error')) {
      assert.ok(error.message.includes(`- ${finding.ruleId} (erreur)`), `${finding.ruleId} is listed, its severity in French`);
    }
    return true;
  });
});

test('the plugin judges the bytes Nodemailer sends (warn mode: sent, and the report handed over)', async () => {
  const archive = zipArchive({ 'readme.txt': 'See the tool.', 'tools/setup.exe': windowsExecutable() });
  // One-line text: Nodemailer's stream transport leaves a text body's bare LF as is,
  // where its SMTP transport (what the plugin renders) sends CRLF.
  const mail = { ...contactForm, text: 'Hello, the tool is attached.', subject: 'Your ORDER IS READY for pickup',
    attachments: [{ filename: 'tools.zip', content: archive }] };
  let handed;
  const info = await transporter({ onFail: (error) => { handed = error; } }).sendMail(mail);
  assert.equal(handed.code, 'EPREFLIGHT');
  const sent = pkg.lint(info.message);
  assert.deepEqual(blockingIds(handed.report), blockingIds(sent), 'the same warnings and errors as the message sent');
  assert.ok(blockingIds(sent).includes('attachment/executable'));
});

test('maxWarnings: more warnings than allowed are refused; without it only errors count', async () => {
  const mail = { ...contactForm, subject: 'Your ORDER IS READY for pickup' };
  const report = pkg.lint(mail);
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  assert.ok(warnings > 0 && report.counts.error === 0, JSON.stringify(report.findings.map((f) => f.ruleId)));
  await transporter().sendMail(mail);
  await transporter({ maxWarnings: warnings }).sendMail(mail);
  await assert.rejects(transporter({ maxWarnings: warnings - 1 }).sendMail(mail),
    (error) => error.code === 'EPREFLIGHT' && /more than the/.test(error.message));
});

test('onFail: warn sends the mail and emits the error as a process warning', async () => {
  const mail = { ...contactForm, attachments: [{ filename: 'scan.pdf', content: Buffer.alloc(8_000_000, 7) }] };
  const warnings = [];
  const listener = (warning) => warnings.push(warning);
  process.on('warning', listener);
  try {
    const info = await transporter({ onFail: 'warn' }).sendMail(mail);
    assert.ok(info.message.length > 10_000_000);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listener);
  }
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].code, 'EPREFLIGHT');
  assert.match(warnings[0].message, /^Sent anyway \(onFail: 'warn'\): the host may refuse or block this message/, 'not "Not sent": it was');
});

test('contents Nodemailer reads itself (a stream, a file) are linted and still sent whole', async (t) => {
  const dir = tempDir(t);
  const pdf = Buffer.from('%PDF-1.4\n% a small test document\n');
  writeFileSync(join(dir, 'menu.pdf'), pdf);
  const zip = zipArchive({ 'run.exe': windowsExecutable() });
  let handed;
  const info = await transporter({ onFail: (error) => { handed = error; } }).sendMail({
    ...contactForm,
    attachments: [{ path: join(dir, 'menu.pdf') }, { filename: 'tools.zip', content: Readable.from([zip]) }],
  });
  const sent = info.message.toString();
  assert.ok(sent.includes(pdf.toString('base64')), 'the file was sent');
  assert.match(sent, /filename=menu\.pdf/);
  assert.ok(sent.replace(/\r\n/g, '').includes(zip.toString('base64')), 'the stream was sent whole');
  assert.ok(handed && idsOf(handed.report).includes('attachment/executable'), 'the stream\'s zip was inspected');
});

/** A stream of `chunks` chunks of 1 MiB, counting how many were pulled from it. */
function countedStream(chunks) {
  const counted = { pulled: 0 };
  counted.stream = new Readable({
    read() {
      if (counted.pulled === chunks) { this.push(null); return; }
      counted.pulled += 1;
      this.push(Buffer.alloc(1024 * 1024, 97));
    },
  });
  return counted;
}

// Nodemailer's own resolveContent reads a stream to its end with no limit: a 40 MiB stream was
// read whole (an endless one for ever, into memory) before the lint's limit saw the message.
test('a stream past the input limit is not read whole: input-too-large, the stream and the ones after it destroyed, nothing sent', async () => {
  const huge = countedStream(40);
  const after = new Readable({ read() {} });
  await assert.rejects(transporter({ locale: 'fr' }).sendMail({ ...contactForm,
    attachments: [{ filename: 'big.bin', content: huge.stream }, { filename: 'after.txt', content: after }] }),
  (error) => error.code === 'input-too-large' && /plus de/.test(error.message));
  assert.ok(huge.pulled <= 34, `read ${huge.pulled} MiB of a 40 MiB stream`);
  assert.ok(huge.stream.destroyed, 'the stream read past the limit is destroyed');
  assert.ok(after.destroyed, 'the stream after it is destroyed unread');
});

// Without the plugin's own reading, these mails never settled (Nodemailer waits for the end):
// the runner's timeout makes that a failure, no assertion on time.
test('a stream that stalls or drips for ever is given up by streamIdleTimeout and streamTotalTimeout, naming its field', { timeout: 60_000 }, async () => {
  const stalled = new Readable({ read() {} });
  await assert.rejects(transporter({ streamIdleTimeout: 20 }).sendMail({ ...contactForm, text: stalled }),
    (error) => error.code === 'invalid-input' && error.messageId === 'core.invalid.stream-idle' && error.params.path === 'text');
  assert.ok(stalled.destroyed);
  const dripping = new Readable({ read() {} });
  const timer = setInterval(() => dripping.push('a'), 2);
  dripping.on('close', () => clearInterval(timer));
  await assert.rejects(transporter({ streamIdleTimeout: 600_000, streamTotalTimeout: 40, locale: 'pl' })
    .sendMail({ ...contactForm, attachments: [{ filename: 'a.txt', content: dripping }] }),
  (error) => error.messageId === 'core.invalid.stream-total' && error.params.path === 'attachments[0].content' && /strumień/.test(error.message));
  assert.ok(dripping.destroyed);
  // Values the async calls refuse are refused when the plugin is made.
  assert.throws(() => preflight({ streamTotalTimeout: 0 }), (error) => error.code === 'invalid-options' && error.params.path === 'streamTotalTimeout');
});

test('a mail given as raw is linted as it is; a pool can do the linting (linter option)', async (t) => {
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  const raw = `From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\n${'x'.repeat(1200)}\r\n`;
  await assert.rejects(transporter({ linter }).sendMail({ envelope: { from: 'a@example.com', to: 'b@example.com' }, raw }),
    (error) => error.code === 'EPREFLIGHT' && idsOf(error.report).includes('size/line-length'));
});

test('preflight() refuses an unknown onFail', () => {
  assert.throws(() => preflight({ onFail: 'ignore' }), (error) => error.code === 'invalid-options');
});

test('preflight() refuses a maxWarnings that is not a whole number from 0, which had meant no limit', async () => {
  for (const maxWarnings of ['5', NaN, -1, 2.5]) {
    assert.throws(() => preflight({ maxWarnings }), (error) => error.code === 'invalid-options' && error.field === 'maxWarnings');
  }
  const mail = { ...contactForm, subject: 'Your ORDER IS READY for pickup' };
  assert.ok(pkg.lint(mail).counts.warning > 0);
  await assert.rejects(transporter({ maxWarnings: 0 }).sendMail(mail), { code: 'EPREFLIGHT' });
});

test('the plugin lints the very bytes Nodemailer sends: alternatives, iCalendar, raw parts, priority and List-* headers', async () => {
  let linted;
  const linter = { lint: async (input, options) => { linted = Buffer.from(input.raw); return pkg.lint(input, options); } };
  const info = await transporter({ linter, onFail: () => {} }).sendMail({
    ...contactForm, priority: 'high', list: { unsubscribe: 'https://my-site.example/u' },
    alternatives: [{ contentType: 'text/x-web-markdown', content: '**Hello**' }],
    icalEvent: { method: 'request', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' },
    attachments: [{ raw: 'Content-Type: application/x-msdownload\r\nContent-Transfer-Encoding: base64\r\n'
      + 'Content-Disposition: attachment; filename="invoice.exe"\r\n\r\nTVqQAAMAAAAEAAAA\r\n' }],
  });
  assert.ok(linted.equals(info.message), 'byte for byte');
  for (const text of ['X-Priority: 1', 'Importance: High', 'List-Unsubscribe:', 'text/calendar', 'text/x-web-markdown', 'invoice.exe']) {
    assert.ok(linted.includes(text), text);
  }
});

test('a raw attachment or an alternative past the host\'s limit is refused, and a raw .exe part too', async () => {
  const cases = {
    raw: { attachments: [{ raw: 'Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n'
      + Buffer.alloc(12_000_000, 7).toString('base64').replace(/.{76}/g, '$&\r\n') }] },
    alternative: { alternatives: [{ contentType: 'application/octet-stream', content: Buffer.alloc(12_000_000, 7) }] },
    exe: { attachments: [{ raw: 'Content-Type: application/x-msdownload\r\nContent-Transfer-Encoding: base64\r\n'
      + 'Content-Disposition: attachment; filename="invoice.exe"\r\n\r\nTVqQAAMAAAAEAAAA\r\n' }] },
  };
  for (const [name, fields] of Object.entries(cases)) {
    await assert.rejects(transporter().sendMail({ ...contactForm, ...fields }), (error) => {
      assert.equal(error.code, 'EPREFLIGHT', name);
      assert.ok(blockingIds(error.report).includes(name === 'exe' ? 'attachment/executable' : 'size/total'), name);
      return true;
    });
  }
});

test('a mail whose spam score alone reaches the threshold (verdict fail, no error) is not sent', async () => {
  const mail = { ...contactForm, subject: 'FREE MONEY!!! ACT NOW $$$ WINNER' };
  const report = pkg.lint(mail, { spamThreshold: 1 });
  assert.equal(report.verdict, 'fail');
  assert.equal(report.counts.error, 0);
  await assert.rejects(transporter({ spamThreshold: 1 }).sendMail(mail), (error) => {
    assert.equal(error.code, 'EPREFLIGHT');
    assert.match(error.message, /^Not sent: the host would refuse or block this message \(0 errors, \d+ warnings?\)\.\nSpam score/);
    return true;
  });
});

test('a visitor\'s address in From is refused as lint(fields) refuses it: the plugin runs in the site\'s mailer, so the mail leaves from the site', async (t) => {
  // The contact-form mistake (sender/visitor-from): Gmail states a DMARC quarantine
  // enforcement for impersonated Gmail From, so mail sent from the site as ana@gmail.com
  // fails DMARC and goes to spam. As a raw message of unknown sending
  // path the same bytes are only information (raw-file linting stays so: the CLI on .eml).
  const mail = { from: 'ana@gmail.com', to: 'owner@my-site.example', subject: 'New message from the contact form',
    text: 'Hello, a visitor wrote to you.' };
  const fields = pkg.lint(mail);
  assert.equal(fields.verdict, 'fail');
  const severityOf = (report) => report.findings.find((f) => f.ruleId === 'sender/visitor-from')?.severity;
  assert.equal(severityOf(fields), 'error');
  const linter = pkg.createLinter({ threads: 1 });
  t.after(() => linter.close());
  for (const settings of [{}, { linter }]) {
    let handed;
    const info = await transporter({ ...settings, onFail: (error) => { handed = error; } }).sendMail(mail);
    assert.equal(handed?.code, 'EPREFLIGHT', 'the plugin fails it as lint(fields) does');
    assert.equal(handed.report.verdict, fields.verdict);
    assert.equal(severityOf(handed.report), 'error');
    assert.deepEqual(blockingIds(handed.report), blockingIds(fields));
    // One-line text: the stream transport leaves a body's bare LF as is, where the plugin renders CRLF.
    assert.equal(handed.report.source, info.message.toString(), 'the offsets index the bytes sent');
    assert.equal(severityOf(pkg.lint(info.message)), 'info', 'the bytes alone, sending path unknown');
  }
  await assert.rejects(transporter().sendMail(mail), (error) => error.code === 'EPREFLIGHT');
  // The envelope's sender is the Return-Path, as for lint(fields).
  const bounced = { ...contactForm, envelope: { from: 'bounces@elsewhere.example', to: 'owner@example.com' } };
  let handed;
  await transporter({ onFail: (error) => { handed = error; }, maxWarnings: 0 }).sendMail(bounced);
  assert.deepEqual(blockingIds(pkg.lint(bounced)), ['sender/misaligned']);
  assert.deepEqual(blockingIds(handed.report), ['sender/misaligned']);
});

test('a mail Nodemailer signs with DKIM (the transport\'s keys or the mail\'s own) is linted signed, as it is sent', async () => {
  // Nodemailer signs after the compile plugins (lib/mailer sendMail: mail.data.dkim, else
  // the transport's dkim). Linted unsigned, a mail whose envelope sender is elsewhere read
  // as unaligned with no DKIM signature to make up for it (sender/misaligned, a warning).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dkim = { domainName: 'example.com', keySelector: 'mail', privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }) };
  const bounced = { ...contactForm, envelope: { from: 'bounces@elsewhere.example', to: 'owner@example.com' } };
  assert.deepEqual(blockingIds(pkg.lint(bounced)), ['sender/misaligned'], 'unsigned, the envelope sender does not align');
  const settings = (onLinted) => ({ maxWarnings: 0,
    linter: { lint: async (input, options) => { onLinted(Buffer.from(input.raw)); return pkg.lint(input, options); } } });
  const transports = {
    transport: (s) => {
      const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', dkim });
      transport.use('compile', preflight(s));
      return [transport, bounced];
    },
    mail: (s) => [transporter(s), { ...bounced, dkim }],
  };
  for (const [where, make] of Object.entries(transports)) {
    let linted;
    const [transport, mail] = make(settings((bytes) => { linted = bytes; }));
    const info = await transport.sendMail(mail);
    assert.match(info.message.toString(), /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example\.com;/, where);
    assert.ok(linted.equals(info.message), `${where}: the plugin lints the signed bytes sent`);
  }
});

test('with the jsonTransport, the JSON Nodemailer writes has the fields it has without the plugin (no boundary, no date drawn)', async () => {
  // The plugin draws the boundary and the date Nodemailer would draw, so its build and
  // Nodemailer's agree; the jsonTransport writes the mail's fields, where a date of
  // sending the sender never gave made every JSON snapshot of a test differ.
  const json = async (withPlugin) => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    if (withPlugin) transport.use('compile', preflight());
    return JSON.parse((await transport.sendMail({ ...contactForm, html: '<p>Hello</p>' })).message);
  };
  const [plain, checked] = await Promise.all([json(false), json(true)]);
  assert.deepEqual(Object.keys(checked), Object.keys(plain));
  const { messageId: a, ...rest } = checked;
  const { messageId: b, ...restPlain } = plain;
  assert.deepEqual(rest, restPlain);
  assert.match(a, /^<[^@]+@example\.com>$/);
  // And the stream transport still sends what the plugin linted, boundaries and Date included.
  let linted;
  const linter = { lint: async (input, options) => { linted = Buffer.from(input.raw); return pkg.lint(input, options); } };
  const info = await transporter({ linter }).sendMail({ ...contactForm, html: '<p>Hello</p>' });
  assert.ok(linted.equals(info.message), 'byte for byte');
  assert.match(linted.toString(), /^Date: /m);
});
