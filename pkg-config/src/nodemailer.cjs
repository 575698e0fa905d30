'use strict';
// mail-preflight as a Nodemailer plugin:
//   transporter.use('compile', preflight({ locale: 'fr', onFail: 'reject', maxWarnings: 5 }));
// Before Nodemailer builds a message, the plugin lints the message those fields
// make (the engine renders them as Nodemailer does) and, when the host would
// refuse or block it (verdict `fail`) or when there are more warnings than
// `maxWarnings`, fails `sendMail` with an Error whose `code` is `EPREFLIGHT` and
// whose `report` is the report. `onFail: 'warn'` sends anyway and emits the same
// error as a process warning; a function receives it instead.
//
// Contents Nodemailer would read from a stream, a file or a URL are read once
// through Nodemailer's own resolver: streams are replaced by what they gave, so
// Nodemailer still sends the same bytes.

const { lint } = require('./index.cjs');
const { translator } = require('./lib/texts.cjs');
const { findingLine, judge } = require('./lib/describe.cjs');
const { codedError } = require('./lib/errors.cjs');

const ON_FAIL = ['reject', 'warn'];

/** Whether Nodemailer would read this content (a stream, a file, a URL) rather than send it as given. */
function isIndirect(value, holder) {
  if (value && typeof value.pipe === 'function') return true;
  return !value && holder && typeof holder === 'object' && Boolean(holder.path || holder.href);
}

/**
 * The content at holder[key] (a string, bytes, or `{ content | path | href }`):
 * read through the mail's own resolver when Nodemailer would read it, so a
 * stream is read once and replaced by its bytes for Nodemailer too.
 */
function contentOf(mail, holder, key) {
  const value = holder[key];
  const inner = value && typeof value === 'object' && !Buffer.isBuffer(value) && typeof value.pipe !== 'function'
    ? value.content : value;
  const source = value && typeof value === 'object' && !Buffer.isBuffer(value) ? value : undefined;
  if (!isIndirect(inner, source) && !(value && typeof value.pipe === 'function')) return Promise.resolve(inner);
  return new Promise((resolve, reject) => {
    mail.resolveContent(holder, key, (error, resolvedValue) => (error ? reject(error) : resolve(resolvedValue)));
  });
}

/** Text for the engine: strings as they are, bytes as UTF-8 (Nodemailer's default for text and html). */
function asText(value) {
  if (value === undefined || value === null || value === false) return undefined;
  return Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : String(value);
}

/** The name Nodemailer gives an attachment without `filename` (mail-composer getAttachments). */
function pathName(attachment) {
  const source = attachment.path || attachment.href || '';
  return typeof source === 'string' && !source.startsWith('data:')
    ? source.split('/').pop().split('?').shift() || undefined : undefined;
}

/** The compose fields of a Nodemailer mail, contents resolved. */
async function composeOf(mail) {
  const data = mail.data;
  const compose = {};
  for (const key of ['from', 'sender', 'to', 'cc', 'bcc', 'replyTo', 'inReplyTo', 'references', 'subject',
    'messageId', 'date', 'headers']) {
    if (data[key] !== undefined && data[key] !== null && data[key] !== false) compose[key] = data[key];
  }
  for (const key of ['text', 'html']) {
    if (data[key]) compose[key] = asText(await contentOf(mail, data, key));
  }
  if (Array.isArray(data.attachments)) {
    compose.attachments = [];
    for (let i = 0; i < data.attachments.length; i++) {
      const attachment = data.attachments[i];
      const content = attachment.raw ? '' : await contentOf(mail, data.attachments, i);
      const entry = { content: content === undefined || content === null ? '' : content };
      if (typeof content === 'string' && attachment.encoding && content === attachment.content) {
        entry.encoding = attachment.encoding;
      }
      for (const key of ['filename', 'contentType', 'cid', 'contentDisposition', 'headers']) {
        if (attachment[key] !== undefined && attachment[key] !== false) entry[key] = attachment[key];
      }
      if (entry.filename === undefined && attachment.filename !== false && pathName(attachment)) {
        entry.filename = pathName(attachment);
      }
      compose.attachments.push(entry);
    }
  }
  if (compose.date instanceof Date) compose.date = compose.date.toUTCString().replace(/GMT/, '+0000');
  return compose;
}

/** The `EPREFLIGHT` error of a report that does not pass. */
function preflightError(report, verdict, maxWarnings, t) {
  const heading = verdict.errors
    ? t('cli.plugin.refused', { errors: verdict.errors, warnings: verdict.warnings })
    : t('cli.plugin.too-many-warnings', { warnings: verdict.warnings, max: maxWarnings });
  const lines = verdict.counted.map((finding) => findingLine(finding, t));
  return codedError('EPREFLIGHT', [heading, ...lines].join('\n'), { report });
}

/**
 * @param {{ onFail?: 'reject' | 'warn' | ((error: Error) => void), maxWarnings?: number,
 *   linter?: { lint: Function } } & object} [settings]  the rest are lint options (locale, rules, thresholds…)
 */
function preflight(settings = {}) {
  const { onFail = 'reject', maxWarnings = Infinity, linter, ...options } = settings;
  if (typeof onFail !== 'function' && !ON_FAIL.includes(onFail)) {
    throw codedError('invalid-options', translator(options.locale || 'en')('cli.error.on-fail', { allowed: ON_FAIL.join(', ') }));
  }
  const t = translator(options.locale || 'en');
  return function mailPreflight(mail, callback) {
    (async () => {
      const data = mail.data;
      const input = data.raw ? await contentOf(mail, data, 'raw') : await composeOf(mail);
      const report = linter ? await linter.lint(input, options) : lint(input, options);
      const verdict = judge(report, { maxWarnings });
      if (verdict.passes) return undefined;
      const error = preflightError(report, verdict, maxWarnings, t);
      if (onFail === 'reject') return error;
      if (typeof onFail === 'function') onFail(error);
      else process.emitWarning(error.message, { code: 'EPREFLIGHT' });
      return undefined;
    })().then((error) => callback(error || null), callback);
  };
}

module.exports = { preflight };
