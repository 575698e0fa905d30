'use strict';
// The CLI's `simulate` and `explain` commands (the CLI calls these two functions).
//
//   mail-preflight simulate [options] SCENARIO.json
//   mail-preflight simulate --compare A.json B.json
//   mail-preflight explain [options] "550 5.1.1 …"   (or - to read the reply from stdin)
//
// Exit codes: simulate 0 when the run ends green (or purging), 1 when it ends in a red
// state (ko, bounce, spam; with --compare: when either run does), like `lint` on errors;
// 2 for usage or I/O problems and invalid scenarios. explain: 0, or 2.
// Every label comes from the engine's catalogue (`queue.view.*`), in --locale.

const fs = require('node:fs');
const { parseArgs } = require('node:util');
const engine = require('../index.cjs');

const EXIT_OK = 0;
const EXIT_RED = 1;
const EXIT_USAGE = 2;
const LOCALES = ['en', 'fr', 'es', 'pl'];
const FORMATS = ['text', 'json'];
/** The red states (seed 002: « Désactivé », « Bounce », « SPAM »), in the API's names. */
const RED_STATES = ['ko', 'bounce', 'spam'];
/** The API's state names to the catalogue's keys. */
const STATE_KEYS = { ok: 'active', ko: 'disabled', force: 'force', bounce: 'bounce', spam: 'spam', purging: 'purging' };
const ACTION_KEYS = { BLOCK: 'block', UNBLOCK: 'unblock', PURGE: 'purge', CHANGE_RECIPIENT: 'change-recipient' };
/** Error-log entries and assumptions shown in text (JSON has them all). */
const TEXT_MAX_ERRORS = 10;

class UsageError extends Error {}

const SIMULATE_HELP = `mail-preflight simulate [options] SCENARIO.json   (- reads stdin)
mail-preflight simulate --compare A.json B.json

  -f, --format text|json   output (default json)
  -l, --locale en|fr|es|pl language of the result (overrides the scenario's locale)
  -o, --output FILE        write to FILE instead of stdout
      --compare            run two scenarios and show what changes from A to B
      --no-color           no colours

Exit codes: 0 the run ends green, 1 it ends in a red state (ko, bounce, spam;
with --compare: either run does), 2 usage, I/O or an invalid scenario.
`;

const EXPLAIN_HELP = `mail-preflight explain [options] "550 5.1.1 …"   (- reads the reply from stdin)

  -f, --format text|json   output (default text)
  -l, --locale en|fr|es|pl language of the explanation

Exit codes: 0 explained, 2 usage or I/O problem.
`;

function parse(argv, extra = {}) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        locale: { type: 'string', short: 'l' },
        output: { type: 'string', short: 'o' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...extra,
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
}

function oneOf(value, allowed, what) {
  if (!allowed.includes(value)) throw new UsageError(`${what} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

/** The first of LC_ALL, LC_MESSAGES, LANG that names one of our languages. */
function environmentLocale(env) {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const tag = (env[name] || '').toLowerCase().match(/^[a-z]+/);
    if (tag && LOCALES.includes(tag[0])) return tag[0];
    if (env[name]) break;
  }
  return 'en';
}

function readText(file, io, what) {
  try {
    return (file === '-' ? io.readStdin() : fs.readFileSync(file)).toString('utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${error.code || error.message}`);
  }
}

/** A scenario file as the object the engine takes; `locale` (when given) overrides the scenario's. */
function readScenario(file, io, locale) {
  const text = readText(file, io, 'scenario');
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`scenario ${file} is not valid JSON: ${error.message}`);
  }
  if (!locale) return text;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return text;
  // A bare API service object ({state, sent, …}) loads as the scenario's service.
  const bare = 'state' in value && 'maxPerDay' in value && !('service' in value);
  return JSON.stringify(bare ? { service: value, locale } : { ...value, locale });
}

/** The engine's error as a usage error that names the file and the field. */
function engineError(file, error) {
  const field = error && error.field ? ` [${error.field}]` : '';
  const code = error && error.code ? ` (${error.code})` : '';
  return new UsageError(`scenario ${file}${field}: ${error && error.message}${code}`);
}

function translator(locale) {
  const messages = engine.messages(locale);
  return (id, params = {}) => (messages[id] ?? id).replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

function painter(colour) {
  const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] };
  return (style, text) => (colour && codes[style] ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
}

/** Writes `text` to --output or stdout. */
function emit(values, io, text) {
  if (values.output) fs.writeFileSync(values.output, text);
  else io.stdout(text);
}

function colourWanted(values, io) {
  if (values['no-color'] || values.output) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return Boolean(io.stdoutIsTTY);
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

/** A simulation result as text: state, counters, changes with their cause, answers, assumptions. */
function formatSimulation(result, { t, locale, colour }) {
  const paint = painter(colour);
  const when = timeFormatter(locale, result.timeZone);
  const red = RED_STATES.includes(result.state);
  const number = new Intl.NumberFormat(locale);
  const buttons = (result.actions || []).map((a) => t(`queue.action.${ACTION_KEYS[a] || a}`)).join(', ') || '-';
  let out = `state: ${paint(red ? 'red' : 'green', `${result.state} (${stateName(t, result.state)})`)}  `
    + `${t('queue.view.buttons')}: ${buttons}\n`;
  out += `counters: ${Object.entries(result.counters || {}).map(([k, v]) => `${k} ${v}`).join(', ')}\n`;
  out += `${paint('dim', t('queue.view.zone', { zone: result.timeZone, tzdata: result.tzdata }))}\n`;
  const events = [
    ...(result.timeline || []).map((c) => [c.at, `${paint(RED_STATES.includes(c.to) ? 'red' : 'bold', c.message)}`
      + (c.advice ? `\n      → ${c.advice}` : '')]),
    ...(result.rejectedActions || []).map((r) => [r.at, paint('yellow', r.message)]),
    ...(result.notifications || []).map((n) => [n.at, paint('dim', t('queue.view.notification', { subject: n.subject, to: n.to || '-' }))]),
  ].sort((a, b) => a[0] - b[0]);
  if (events.length) out += `${paint('bold', t('queue.view.timeline'))}\n`;
  for (const [at, text] of events) out += `  ${when(at)}  ${text}\n`;
  const log = result.errorLog || [];
  if (log.length) {
    out += `${paint('bold', t('queue.view.error-log', { shown: number.format(Math.min(log.length, TEXT_MAX_ERRORS)), total: number.format(result.errorLogTotal) }))}\n`;
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
    const expected = a.expected ? `; ${t('queue.view.expected', { from: a.expected[0], to: a.expected[1] })}` : '';
    out += `  ${a.field} = ${JSON.stringify(a.value)}  [${t(`queue.view.source.${a.source}`)}${expected}]\n      ${paint('dim', a.note)}\n`;
  }
  return out;
}

/** A comparison as text: A and B side by side, then what differs. */
function formatComparison(comparison, files, { t, colour }) {
  const paint = painter(colour);
  let out = '';
  for (const [label, file, run] of [['A', files[0], comparison.a], ['B', files[1], comparison.b]]) {
    const red = RED_STATES.includes(run.state);
    out += `${label}: ${file}  state: ${paint(red ? 'red' : 'green', `${run.state} (${stateName(t, run.state)})`)}  `
      + `${t('queue.view.compare.summary', { delivered: run.delivered, lost: run.lost, hours: (run.redSeconds / 3600).toFixed(1) })}\n`;
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
  if (e.cause && e.basis !== 'text') out += `  ${t('queue.view.explain.cause')}: ${e.cause.meaning} → ${e.cause.action}\n`;
  if (e.guide && e.basis !== 'code') out += `  ${t('queue.view.explain.guide', { code: e.code })}: ${e.guide.meaning} → ${e.guide.action}\n`;
  if (e.relatedRules && e.relatedRules.length) out += `  ${t('queue.view.explain.rules')}: ${e.relatedRules.join(', ')}\n`;
  return out;
}

function simulate(argv, io) {
  const { values, positionals } = parse(argv, { compare: { type: 'boolean' } });
  if (values.help) {
    io.stdout(SIMULATE_HELP);
    return EXIT_OK;
  }
  const format = oneOf(values.format || 'json', FORMATS, '--format');
  const locale = values.locale ? oneOf(values.locale, LOCALES, '--locale') : undefined;
  const colour = colourWanted(values, io);
  if (values.compare) {
    if (positionals.length !== 2) throw new UsageError('simulate --compare needs two scenarios: A.json B.json');
    if (positionals.every((f) => f === '-')) throw new UsageError('only one scenario can come from stdin');
    const [a, b] = positionals.map((file) => readScenario(file, io, locale));
    let comparison;
    try {
      comparison = engine.compare(a, b);
    } catch (error) {
      throw engineError(`${positionals[0]} / ${positionals[1]}`, error);
    }
    const textLocale = locale || (comparison && JSON.parse(a).locale) || 'en';
    emit(values, io, format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n`
      : formatComparison(comparison, positionals, { t: translator(LOCALES.includes(textLocale) ? textLocale : 'en'), colour }));
    return RED_STATES.includes(comparison.a.state) || RED_STATES.includes(comparison.b.state) ? EXIT_RED : EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('simulate needs exactly one SCENARIO.json (or - for stdin)');
  const scenario = readScenario(positionals[0], io, locale);
  let result;
  try {
    result = engine.simulate(scenario);
  } catch (error) {
    throw engineError(positionals[0], error);
  }
  const textLocale = locale || (LOCALES.includes(JSON.parse(scenario).locale) ? JSON.parse(scenario).locale : 'en');
  emit(values, io, format === 'json' ? `${JSON.stringify(result, null, 2)}\n`
    : formatSimulation(result, { t: translator(textLocale), locale: textLocale, colour }));
  return RED_STATES.includes(result.state) ? EXIT_RED : EXIT_OK;
}

function explain(argv, io) {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return EXIT_OK;
  }
  const format = oneOf(values.format || 'text', FORMATS, '--format');
  const locale = oneOf(values.locale || environmentLocale(io.env), LOCALES, '--locale');
  if (positionals.length === 0) throw new UsageError('explain needs an SMTP reply, e.g. "550 5.1.1 User unknown"');
  const reply = positionals.length === 1 && positionals[0] === '-' ? readText('-', io, 'reply') : positionals.join(' ');
  let result;
  try {
    result = engine.explainSmtpReply(reply, locale);
  } catch (error) {
    throw new UsageError(error.message);
  }
  emit(values, io, format === 'json' ? `${JSON.stringify(result)}\n`
    : formatExplanation(result, { t: translator(locale), colour: colourWanted(values, io) }));
  return EXIT_OK;
}

/** Runs a command, turning usage errors into exit code 2 with a message on stderr. */
function guarded(command) {
  return (argv, io) => {
    try {
      return command(argv, io);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`mail-preflight: ${error.message}\nRun mail-preflight ${command.name} --help for usage.\n`);
        return EXIT_USAGE;
      }
      throw error;
    }
  };
}

module.exports = {
  /** `mail-preflight simulate …`: returns the exit code. */
  simulateCommand: guarded(simulate),
  /** `mail-preflight explain …`: returns the exit code. */
  explainCommand: guarded(explain),
  formatSimulation,
  formatComparison,
  formatExplanation,
  RED_STATES,
  SIMULATE_HELP,
  EXPLAIN_HELP,
};
