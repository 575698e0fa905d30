'use strict';
// The CLI's `simulate` and `explain` commands (the CLI calls these two functions).
//
//   mail-preflight simulate [options] SCENARIO.json
//   mail-preflight simulate --compare A.json B.json
//   mail-preflight explain [options] "550 5.1.1 …"   (or - to read the reply from stdin)
//
// Exit codes: simulate 0 when the run ends green (or purging), 1 when it ends in a red
// state (ko, bounce, spam; with --compare: when either run does), like `lint` on errors;
// 2 for usage or I/O problems and invalid scenarios. explain: 0 when the reply is
// explained, 2 when the text is not an SMTP reply (no reply code, no words a server
// uses: the explanation says so), as `lint` exits 2 on a file that is not a message.
// Every label and message comes from the engine's catalogue (`queue.view.*`, `cli.*`),
// rendered by the engine (lib/texts.cjs), in --locale.

const fs = require('node:fs');
/** The engine, loaded on first use (a lint run chooses V8's compilers before it is compiled: lib/compilers.cjs). */
const engine = () => require('../index.cjs');
const { painter, colourWanted } = require('./paint.cjs');
const { translator, fixed, LOCALES } = require('./texts.cjs');
const { UsageError, environmentLocale, parseCommandLine, oneOf, stdinRead } = require('./usage.cjs');
const { MAX_INPUT_BYTES, MAX_REPLY_BYTES } = require('./engine.cjs');
const { jsonFault } = require('./config.cjs');
const { readBoundedFile, readFailure } = require('./read-file.cjs');
const { visibleName } = require('./sanitize.cjs');

const EXIT_OK = 0;
const EXIT_RED = 1;
const EXIT_USAGE = 2;
const FORMATS = ['text', 'json'];
/** The red states (seed 002: « Désactivé », « Bounce », « SPAM »), in the API's names. */
const RED_STATES = ['ko', 'bounce', 'spam'];
/** The API's state names to the catalogue's keys. */
const STATE_KEYS = { ok: 'active', ko: 'disabled', force: 'force', bounce: 'bounce', spam: 'spam', purging: 'purging' };
const ACTION_KEYS = { BLOCK: 'block', UNBLOCK: 'unblock', PURGE: 'purge', CHANGE_RECIPIENT: 'change-recipient' };
/** Error-log entries and assumptions shown in text (JSON has them all). */
const TEXT_MAX_ERRORS = 10;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  locale: { type: 'string', short: 'l' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * A scenario as text, at most the engine's input limit: a file only when it is
 * a regular one, refused unread past the limit (lib/read-file.cjs); stdin read
 * until it is past it (lib/cli.cjs). Refused in the scenario's own words for that limit.
 */
async function readScenarioText(file, io, t) {
  // Stdin cut past the limit has no known size: "more than" the limit.
  const tooLarge = (size) => new UsageError(`${file}: ${size === undefined
    ? t('queue.error.scenario-too-large-unmeasured', { limit: { megabytes: MAX_INPUT_BYTES } })
    : t('queue.error.scenario-too-large', { size: { megabytes: size }, limit: { megabytes: MAX_INPUT_BYTES } })}`, t.locale);
  let bytes;
  let cut = false;
  try {
    if (file === '-') ({ bytes, cut } = stdinRead(await io.readStdin(MAX_INPUT_BYTES + 1)));
    else bytes = readBoundedFile(file, MAX_INPUT_BYTES);
  } catch (error) {
    if (error.reason === 'too-large') throw tooLarge(error.size);
    throw new UsageError(`${file}: ${t('cli.error.cannot-read', { reason: readFailure(error, t) })}`, t.locale);
  }
  if (cut || bytes.length > MAX_INPUT_BYTES) throw tooLarge(cut ? undefined : bytes.length);
  return bytes.toString('utf8');
}

/**
 * The SMTP reply on stdin, read as the explainer reads a reply: its first
 * MAX_REPLY_BYTES and one byte more, so that the explanation says the reply was
 * cut (`smtp.problem.truncated`), as `explainSmtpReply` does with a long string.
 * Never refused as too large: a reply is no message, and the rest is not read.
 */
async function readReply(io) {
  return stdinRead(await io.readStdin(MAX_REPLY_BYTES + 1)).bytes.subarray(0, MAX_REPLY_BYTES + 1).toString('utf8');
}

/**
 * A scenario file as the JSON the engine takes (`json`; `locale`, when given,
 * overrides the scenario's) and the language of the run (`locale`: the one
 * given, else the scenario's, else the environment's, LC_ALL/LC_MESSAGES/LANG,
 * as `lint` chooses; a scenario's own `locale` that is not one of ours is left
 * for the engine to refuse).
 * Text that is not JSON is refused with where it stops being JSON, in `t`'s
 * language, never with V8's English words and a quote of its bytes.
 */
async function readScenario(file, io, locale, t) {
  const text = await readScenarioText(file, io, t);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(t('cli.error.scenario-not-json', { file, detail: jsonFault(text, t) }), t.locale);
  }
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject) return { json: text, locale: locale || environmentLocale(io.env) };
  if (!locale && 'locale' in value) return { json: text, locale: LOCALES.includes(value.locale) ? value.locale : 'en' };
  const runLocale = locale || environmentLocale(io.env);
  if (runLocale === 'en' && !locale) return { json: text, locale: runLocale };
  // A bare API service object ({state, sent, …}) loads as the scenario's service.
  const bare = 'state' in value && 'maxPerDay' in value && !('service' in value);
  return { json: JSON.stringify(bare ? { service: value, locale: runLocale } : { ...value, locale: runLocale }), locale: runLocale };
}

/** The engine's error as a usage error that names the file, the field and the code, in `t`'s language. */
function engineError(file, error, t) {
  const detail = { file, detail: error && error.message, code: (error && error.code) || 'internal' };
  return new UsageError(error && error.field ? t('cli.error.scenario-field', { ...detail, field: error.field })
    : t('cli.error.scenario', detail), t.locale);
}

/** Writes `text` to --output or stdout. */
function emit(values, io, text, t) {
  if (!values.output) {
    io.stdout(text);
    return;
  }
  try {
    fs.writeFileSync(values.output, text);
  } catch (error) {
    // A file that cannot be written (a directory, no permission, a full disk): exit 2, named.
    throw new UsageError(t('cli.error.cannot-write', { file: visibleName(values.output), reason: error.code || error.message }), t.locale);
  }
}

function colour(values, io) {
  return colourWanted({ color: values.color, noColor: values['no-color'], toFile: Boolean(values.output) }, io.env, io.stdoutIsTTY);
}

/** Local date and time in the run's zone, with its offset ("2 Mar 2026, 10:00 GMT+1"). */
function timeFormatter(locale, timeZone) {
  let format;
  try {
    format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  } catch {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  }
  const offset = new Intl.DateTimeFormat('en', { timeZone: format.resolvedOptions().timeZone, timeZoneName: 'shortOffset' });
  return (unix) => {
    const date = new Date(unix * 1000);
    const zone = offset.formatToParts(date).find((p) => p.type === 'timeZoneName');
    return `${format.format(date)} ${zone ? zone.value : ''}`.trim();
  };
}

function stateName(t, state) {
  return t(`queue.state.${STATE_KEYS[state] || state}`);
}

/** "label: value" with the reader's punctuation ("état : ok" in French). */
function labelled(t, label, value) {
  return t('cli.labelled', { label, value });
}

/** A simulation result as text: state, counters, changes with their cause, answers, assumptions. */
/** A notification in words: to its recipient, or said unsent when the service gives no address (`to: null`). */
function notificationText(n, t) {
  return n.to
    ? t('queue.view.notification', { subject: n.subject, to: n.to })
    : t('queue.view.notification.no-recipient', { subject: n.subject });
}

/**
 * A counter in words: its catalogue name and its value, numbers grouped as the engine
 * groups them, seconds as hours and minutes ("longest hold 72 h 00 min").
 */
function counterText(t, key, value) {
  if (!/Seconds$/.test(key)) return t('cli.counter', { label: t(`queue.view.counter.${key}`), value });
  const s = Math.max(0, Math.round(value));
  const shown = t('queue.view.duration', { hours: Math.floor(s / 3600), minutes: String(Math.floor((s % 3600) / 60)).padStart(2, '0') });
  return t('cli.counter', { label: t(`queue.view.counter.${key}`), value: shown });
}

function formatSimulation(result, { t, locale, colour }) {
  const paint = painter(colour);
  const when = timeFormatter(locale, result.timeZone);
  const red = RED_STATES.includes(result.state);
  const buttons = (result.actions || []).map((a) => t(`queue.action.${ACTION_KEYS[a] || a}`)).join(', ') || '-';
  let out = `${labelled(t, t('cli.state'), paint(red ? 'red' : 'green', `${result.state} (${stateName(t, result.state)})`))}  `
    + `${labelled(t, t('queue.view.buttons'), buttons)}\n`;
  out += `${labelled(t, t('cli.counters'), Object.entries(result.counters || {}).map(([k, v]) => counterText(t, k, v)).join(', '))}\n`;
  out += `${paint('dim', t('queue.view.zone', { zone: result.timeZone, tzdata: result.tzdata }))}\n`;
  const events = [
    ...(result.timeline || []).map((c) => [c.at, `${paint(RED_STATES.includes(c.to) ? 'red' : 'bold', c.message)}`
      + (c.advice ? `\n      → ${c.advice}` : '')]),
    ...(result.appliedActions || []).filter((a) => a.superseded).map((a) => [a.superseded.at, paint('yellow', a.superseded.message)]),
    ...(result.rejectedActions || []).map((r) => [r.at, paint('yellow', r.message)]),
    ...(result.notifications || []).map((n) => [n.at, paint('dim', notificationText(n, t))]),
  ].sort((a, b) => a[0] - b[0]);
  if (events.length) out += `${paint('bold', t('queue.view.timeline'))}\n`;
  for (const [at, text] of events) out += `  ${when(at)}  ${text}\n`;
  const log = result.errorLog || [];
  if (log.length) {
    out += `${paint('bold', t('queue.view.error-log', { shown: Math.min(log.length, TEXT_MAX_ERRORS), total: result.errorLogTotal }))}\n`;
    for (const entry of log.slice(-TEXT_MAX_ERRORS)) out += `  ${entry.date || '-'}  ${entry.to || '-'}  ${entry.message || '-'}\n`;
  }
  const answers = result.answers || {};
  const lines = [answers.maxSteadyRate && answers.maxSteadyRate.message, answers.timeFor && answers.timeFor.message].filter(Boolean);
  if (lines.length || answers.captcha) out += `${paint('bold', t('queue.view.answers'))}\n`;
  for (const line of lines) out += `  ${line}\n`;
  if (answers.captcha) {
    out += `  ${t('queue.view.captcha')}\n`;
    for (const line of answers.captcha.differences) out += `    ${line}\n`;
  }
  const assumptions = result.assumptions || [];
  if (assumptions.length) out += `${paint('bold', t('queue.view.assumptions'))}\n`;
  for (const a of assumptions) {
    const source = t(`queue.view.source.${a.source}`);
    const basis = a.expectedShown ? t('cli.joined', { first: source, next: t('queue.view.expected-shown', { range: a.expectedShown }) }) : source;
    out += `  ${a.field} = ${a.shown}  [${basis}]\n      ${paint('dim', a.note)}\n`;
  }
  return out;
}

/** A comparison as text: A and B side by side, then what differs. */
function formatComparison(comparison, files, { t, colour }) {
  const paint = painter(colour);
  let out = '';
  for (const [label, file, run] of [['A', files[0], comparison.a], ['B', files[1], comparison.b]]) {
    const red = RED_STATES.includes(run.state);
    out += `${labelled(t, label, file)}  ${labelled(t, t('cli.state'), paint(red ? 'red' : 'green', `${run.state} (${stateName(t, run.state)})`))}  `
      + `${t('queue.view.compare.summary', { delivered: run.delivered, lost: run.lost, spam: run.spamDelivered, hours: fixed(run.redSeconds / 3600, 1) })}\n`;
  }
  out += `${paint('bold', t('queue.view.compare.differences'))}\n`;
  if (!comparison.differences.length) out += `  ${t('queue.view.compare.same')}\n`;
  for (const line of comparison.differences) out += `  ${line}\n`;
  return out;
}

/** An SMTP explanation as text: code and class, meaning, action, what it rests on, the rest. */
function formatExplanation(e, { t, colour }) {
  const paint = painter(colour);
  const styles = { success: 'green', intermediate: 'cyan', transient: 'yellow', permanent: 'red' };
  const code = [e.code, e.enhanced && e.enhanced.code].filter(Boolean).join(' ');
  let out = `${paint('bold', code || '?')}  ${paint(styles[e.class] || 'bold', e.classMeaning || e.class)}\n`;
  if (e.problem) out += `  ${paint('red', e.problem)}\n`;
  if (e.meaning) out += `  ${e.meaning}\n`;
  if (e.action) out += `  → ${e.action}\n`;
  if (e.basisText) out += `  ${paint('dim', e.basisText)}\n`;
  if (e.enhanced) {
    const { class: cls, subject, detail, reference } = e.enhanced;
    out += `  ${paint('dim', [cls, subject, detail, reference].filter(Boolean).join(' · '))}\n`;
  }
  if (e.cause && e.basis !== 'text') out += `  ${labelled(t, t('queue.view.explain.cause'), `${e.cause.meaning} → ${e.cause.action}`)}\n`;
  if (e.guide && e.basis !== 'code') {
    out += `  ${labelled(t, t('queue.view.explain.guide', { code: e.code }), `${e.guide.meaning} → ${e.guide.action}`)}\n`;
  }
  if (e.relatedRules && e.relatedRules.length) out += `  ${labelled(t, t('queue.view.explain.rules'), e.relatedRules.join(', '))}\n`;
  return out;
}

/** The language of the command's messages: --locale, else the environment's. */
function messageLocale(values, io) {
  return values.locale && LOCALES.includes(values.locale) ? values.locale : environmentLocale(io.env);
}

/**
 * `mail-preflight simulate [options] SCENARIO.json`, or `--compare A.json B.json`: the exit
 * code. `help(t)` is the usage text in a language. Usage problems throw a UsageError.
 */
async function simulateCommand(argv, io, help) {
  const options = { ...OPTIONS, compare: { type: 'boolean' } };
  const { values, positionals } = parseCommandLine(argv, options, translator(environmentLocale(io.env)));
  const t = translator(messageLocale(values, io));
  if (values.help) {
    io.stdout(help(t));
    return EXIT_OK;
  }
  const format = oneOf(values.format || 'json', FORMATS, '--format', t);
  const locale = values.locale ? oneOf(values.locale, LOCALES, '--locale', t) : undefined;
  if (values.compare) {
    if (positionals.length !== 2) throw new UsageError(t('cli.usage.compare-needs-two'), t.locale);
    if (positionals.every((f) => f === '-')) throw new UsageError(t('cli.usage.one-stdin'), t.locale);
    const a = await readScenario(positionals[0], io, locale, t);
    const b = await readScenario(positionals[1], io, locale, t);
    // The run's language (A's, as the engine's comparison is in it) for every text from here.
    const tRun = translator(a.locale);
    let comparison;
    try {
      comparison = engine().compare(a.json, b.json);
    } catch (error) {
      throw engineError(`${positionals[0]} / ${positionals[1]}`, error, tRun);
    }
    emit(values, io, format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n`
      : formatComparison(comparison, positionals, { t: tRun, colour: colour(values, io) }), tRun);
    return RED_STATES.includes(comparison.a.state) || RED_STATES.includes(comparison.b.state) ? EXIT_RED : EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(t('cli.usage.simulate-needs-scenario'), t.locale);
  const scenario = await readScenario(positionals[0], io, locale, t);
  // The run's language for every text from here: the engine's errors and results are in it.
  const tRun = translator(scenario.locale);
  let result;
  try {
    result = engine().simulate(scenario.json);
  } catch (error) {
    throw engineError(positionals[0], error, tRun);
  }
  emit(values, io, format === 'json' ? `${JSON.stringify(result, null, 2)}\n`
    : formatSimulation(result, { t: tRun, locale: scenario.locale, colour: colour(values, io) }), tRun);
  return RED_STATES.includes(result.state) ? EXIT_RED : EXIT_OK;
}

/**
 * `mail-preflight explain [options] "550 5.1.1 …"` (`-` reads the reply from stdin; the words
 * after `explain` are one reply, joined by spaces as the shell split them): the exit code.
 */
async function explainCommand(argv, io, help) {
  const options = { ...OPTIONS, settings: { type: 'string' } };
  const { values, positionals } = parseCommandLine(argv, options, translator(environmentLocale(io.env)));
  const t = translator(messageLocale(values, io));
  if (values.help) {
    io.stdout(help(t));
    return EXIT_OK;
  }
  const format = oneOf(values.format || 'text', FORMATS, '--format', t);
  const locale = oneOf(values.locale || environmentLocale(io.env), LOCALES, '--locale', t);
  if (positionals.length === 0) throw new UsageError(t('cli.usage.explain-needs-reply'), t.locale);
  const reply = positionals.length === 1 && positionals[0] === '-' ? await readReply(io) : positionals.join(' ');
  const settings = values.settings === undefined ? undefined : readSettings(values.settings, t);
  let result;
  try {
    result = engine().explainSmtpReply(reply, locale, settings);
  } catch (error) {
    throw new UsageError(error.message, locale);
  }
  emit(values, io, format === 'json' ? `${JSON.stringify(result)}\n`
    : formatExplanation(result, { t: translator(locale), colour: colour(values, io) }), translator(locale));
  return isExplained(result) ? EXIT_OK : EXIT_USAGE;
}

/**
 * `--settings FILE.json`: the script's SMTP settings as `checkSmtpSettings` takes them,
 * at most MAX_INPUT_BYTES (a config file's limit); the engine checks their fields.
 */
function readSettings(file, t) {
  let text;
  try {
    text = readBoundedFile(file, MAX_INPUT_BYTES).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error.reason === 'too-large') {
      throw new UsageError(t('cli.error.settings-too-large',
        { file, size: { megabytes: error.size }, limit: { megabytes: MAX_INPUT_BYTES } }), t.locale);
    }
    throw new UsageError(`${file}: ${t('cli.error.cannot-read', { reason: readFailure(error, t) })}`, t.locale);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(t('cli.error.settings-not-json', { file, detail: jsonFault(text, t) }), t.locale);
  }
}

/**
 * Whether `explainSmtpReply` explained the text: it found a reply code (any class
 * but `unknown`), or, without one, words a server uses for a known cause
 * ("Recipient address rejected: user unknown").
 */
function isExplained(explanation) {
  return explanation.class !== 'unknown' || Boolean(explanation.cause);
}

module.exports = { simulateCommand, explainCommand, formatSimulation, formatComparison, formatExplanation, RED_STATES };
