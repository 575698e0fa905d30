'use strict';
// mail-preflight as a Nodemailer plugin:
//   transporter.use('compile', preflight({ locale: 'fr', onFail: 'reject', maxWarnings: 5 }));
// Before Nodemailer sends a message, the plugin lints the message Nodemailer
// builds from those fields (its own MailComposer, byte for byte) and, when the host would
// refuse or block it (verdict `fail`) or when there are more warnings than
// `maxWarnings`, fails `sendMail` with an Error whose `code` is `EPREFLIGHT` and
// whose `report` is the report. `onFail: 'warn'` sends anyway and emits the same
// error as a process warning; a function receives it instead.
//
// A stream is read once, within the limits of lintAsync (MAX_STREAM_BYTES,
// streamIdleTimeout, streamTotalTimeout), and replaced by what it gave, where
// Nodemailer's own resolver puts it, so Nodemailer still sends the same bytes.

const crypto = require('node:crypto');
const path = require('node:path');
const { lint, renderMessage } = require('./index.cjs');
const { readStreams: readStreamsWithin, streamOptions, readerWith } = require('./lib/message-input.cjs');
const { translator } = require('./lib/texts.cjs');
const { findingLine, judge, scoreText, checkCriteria } = require('./lib/describe.cjs');
const { codedError } = require('./lib/errors.cjs');

const ON_FAIL = ['reject', 'warn'];

/** The fields of a Nodemailer mail that hold a content (a text, bytes, a stream, a file or a URL). */
const CONTENT_KEYS = ['html', 'text', 'watchHtml', 'amp', 'icalEvent', 'raw'];

function isStream(value) {
  return Boolean(value && typeof value.pipe === 'function');
}

/**
 * Streams can be read only once: each one is read and its bytes put in its place,
 * as Nodemailer's resolver (lib/shared `resolveContent`) puts them, so Nodemailer
 * sends them too. That resolver reads to the end with no limit: a huge or endless
 * stream was read whole (or for ever) before the lint's limits saw it. They are read
 * here as lintAsync reads them: at most MAX_STREAM_BYTES together, each given up
 * after `timeouts.idle` ms of silence, all after `timeouts.total` ms; one failing
 * (a coded `input-too-large` or `invalid-input` naming its field) destroys the ones
 * after it, and sendMail fails with that error. Files and URLs are read where
 * Nodemailer reads them, when the message is built.
 */
async function readStreams(mail, timeouts, reader) {
  const data = mail.data;
  const holders = CONTENT_KEYS.map((key) => [data, key, key]);
  for (const name of ['alternatives', 'attachments']) {
    const list = data[name];
    if (Array.isArray(list)) list.forEach((_, index) => holders.push([list, index, `${name}[${index}]`]));
  }
  const entries = [];
  for (const [holder, key, at] of holders) {
    const value = holder[key];
    if (isStream(value)) entries.push({ stream: value, path: at, holder, key, inContent: false });
    else if (value && typeof value === 'object' && isStream(value.content)) {
      entries.push({ stream: value.content, path: `${at}.content`, holder, key, inContent: true });
    }
  }
  await readStreamsWithin(entries, reader, timeouts, ({ holder, key, inContent }, bytes) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (inContent) holder[key].content = buffer;
    else holder[key] = buffer;
  });
}

/** A module of Nodemailer (`mail-composer`, `dkim`), from the copy of Nodemailer that made this mail. */
function nodemailerModule(mail, name) {
  const classes = [mail.constructor, mail.mailer && mail.mailer.constructor];
  for (const entry of Object.values(require.cache)) {
    if (entry && classes.includes(entry.exports)) {
      return require(path.join(path.dirname(entry.filename), '..', name));
    }
  }
  return require(require.resolve(`nodemailer/lib/${name}`, { paths: [process.cwd(), __dirname] }));
}

/** Nodemailer's MailComposer, from the copy of Nodemailer that made this mail. */
function mailComposerOf(mail) {
  return nodemailerModule(mail, 'mail-composer');
}

/**
 * The DKIM signer Nodemailer signs this mail with after the plugins, or undefined:
 * the mail's own `dkim` option first, then the transport's (Nodemailer's
 * lib/mailer `sendMail`: `mail.data.dkim ? new DKIM(mail.data.dkim) : this.dkim`).
 */
function dkimSignerOf(mail) {
  const data = mail.data;
  const transports = mail.mailer && mail.mailer.dkim;
  if (data.dkim) {
    const DKIM = (transports && transports.constructor) || nodemailerModule(mail, 'dkim');
    return new DKIM(data.dkim);
  }
  return transports && typeof transports.sign === 'function' ? transports : undefined;
}

/**
 * `bytes` signed as Nodemailer signs them before it sends (the same keys and
 * `_dkim` options: an RSA PKCS#1 v1.5 or Ed25519 signature of the same bytes is the
 * same signature), so the lint sees the DKIM-Signature the receiver sees: without
 * it, a mail whose envelope sender is not at the From domain read as unaligned
 * (sender/misaligned: "no valid DKIM signature … makes up for it").
 */
function signed(bytes, mail) {
  const dkim = dkimSignerOf(mail);
  if (!dkim) return bytes;
  return new Promise((resolve, reject) => {
    const chunks = [];
    const output = dkim.sign(bytes, mail.data._dkim);
    output.on('data', (chunk) => chunks.push(chunk));
    output.on('error', reject);
    output.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** A list of the mail's (alternatives, attachments) whose entries MailComposer may rewrite, copied. */
function copyOfList(list) {
  return Array.isArray(list)
    ? list.map((entry) => (entry && typeof entry === 'object' && !Buffer.isBuffer(entry) ? { ...entry } : entry))
    : list;
}

/**
 * The message Nodemailer sends for this mail, byte for byte: built by its own
 * MailComposer with the headers it adds after the compile step (X-Mailer,
 * priority, List-*). What Nodemailer would otherwise draw when it builds (the
 * MIME boundaries, Message-ID, Date) is drawn here once and kept in the mail,
 * so its own build gives the same bytes, signed with the mail's or the transport's
 * DKIM keys as Nodemailer signs them. Not included: what 'stream' plugins change,
 * which come after.
 */
async function compiledMessage(mail, timeouts, reader) {
  await readStreams(mail, timeouts, reader);
  const data = mail.data;
  // Kept where Nodemailer's MailComposer reads them (mail.data.baseBoundary, .date) but
  // not enumerable: the jsonTransport writes the mail's enumerable fields as its
  // output, and a boundary and a date the sender never gave (the time of sending)
  // had appeared there, in a test's JSON snapshot too.
  const keep = (key, value) => Object.defineProperty(data, key, { value, enumerable: false, writable: true, configurable: true });
  if (!data.baseBoundary) keep('baseBoundary', crypto.randomBytes(8).toString('hex'));
  if (!data.date) keep('date', new Date());
  const MailComposer = mailComposerOf(mail);
  const compose = () => {
    const copy = { ...data, baseBoundary: data.baseBoundary, date: data.date,
      alternatives: copyOfList(data.alternatives), attachments: copyOfList(data.attachments) };
    return { copy, message: new MailComposer(copy).compile() };
  };
  // Nodemailer's own Message-ID (drawn when compiling), kept; compiled again so it sits where a given one does.
  if (!data.messageId && !data.raw) data.messageId = compose().message.getHeader('Message-ID');
  const { copy, message } = compose();
  const compiled = Object.create(mail, { data: { value: copy }, message: { value: message } });
  for (const step of ['setMailerHeader', 'setPriorityHeaders', 'setListHeaders']) {
    if (typeof mail[step] === 'function') mail[step].call(compiled);
  }
  const bytes = await new Promise((resolve, reject) => {
    message.build((error, built) => (error ? reject(error) : resolve(built)));
  });
  return signed(bytes, mail);
}

/**
 * The compiled bytes as the engine reads what Nodemailer sends as it is: compose
 * fields holding only `raw` (and the mail's `envelope`, whose sender is the
 * Return-Path). As a raw message they would be bytes of unknown origin, and
 * `sender/visitor-from` drops to information because "a raw message whose sending
 * path is unknown" could have been sent by the provider itself (README, "Sender
 * identity"; src/rules/sender/mod.rs `leaves_from_site`). This plugin runs inside
 * the site's own mailer, so the mail is known to leave from the site, as for
 * `lint(fields)`: a visitor's gmail.com From is the same error here. Compose `raw`
 * is linted byte for byte like raw input otherwise (no field is added, Date and
 * Message-ID are not assumed: src/pipeline/mod.rs `with_compose`).
 */
function sentAsIs(bytes, data) {
  const input = { raw: bytes };
  if (data.envelope !== undefined) input.envelope = data.envelope;
  return input;
}

/** The headings of the error: the mail is not sent, or (onFail 'warn') sent anyway. */
const HEADINGS = {
  refused: { refused: 'cli.plugin.refused', warnings: 'cli.plugin.too-many-warnings' },
  sent: { refused: 'cli.plugin.sent-refused', warnings: 'cli.plugin.sent-too-many-warnings' },
};

/** The `EPREFLIGHT` error of a report that does not pass; `sent` when the mail goes anyway. */
function preflightError(report, verdict, maxWarnings, t, sent) {
  const headings = sent ? HEADINGS.sent : HEADINGS.refused;
  const heading = verdict.errors || verdict.spamFails
    ? t(headings.refused, { errors: verdict.errors, warnings: verdict.warnings })
    : t(headings.warnings, { warnings: verdict.warnings, max: maxWarnings });
  const score = verdict.spamFails ? [scoreText(t, report, verdict.spamScore)] : [];
  const lines = verdict.counted.map((finding) => findingLine(finding, t));
  return codedError('EPREFLIGHT', [heading, ...score, ...lines].join('\n'), { report });
}

/**
 * @param {{ onFail?: 'reject' | 'warn' | ((error: Error) => void), maxWarnings?: number,
 *   linter?: { lint: Function } } & object} [settings]  the rest are lint options (locale, rules, thresholds…)
 */
function preflight(settings = {}) {
  const { onFail = 'reject', maxWarnings = Infinity, linter, ...given } = settings;
  // `streamIdleTimeout` and `streamTotalTimeout` are the reading's (as lintAsync's), not the lint's.
  const { options, timeouts } = streamOptions(given, readerWith(given, renderMessage));
  if (typeof onFail !== 'function' && !ON_FAIL.includes(onFail)) {
    throw codedError('invalid-options', translator(options.locale || 'en')('cli.error.on-fail', { allowed: ON_FAIL.join(', ') }));
  }
  checkCriteria({ maxWarnings }, typeof options.locale === 'string' ? options.locale : 'en');
  const t = translator(options.locale || 'en');
  return function mailPreflight(mail, callback) {
    (async () => {
      const input = sentAsIs(await compiledMessage(mail, timeouts, readerWith(options, renderMessage)), mail.data);
      const report = linter ? await linter.lint(input, options) : lint(input, options);
      const verdict = judge(report, { maxWarnings });
      if (verdict.passes) return undefined;
      const error = preflightError(report, verdict, maxWarnings, t, onFail !== 'reject');
      if (onFail === 'reject') return error;
      if (typeof onFail === 'function') onFail(error);
      else process.emitWarning(error.message, { code: 'EPREFLIGHT' });
      return undefined;
    })().then((error) => callback(error || null), callback);
  };
}

module.exports = { preflight };
