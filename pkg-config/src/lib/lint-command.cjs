'use strict';
// `mail-preflight lint`: lints files on every core (one engine per worker thread,
// --jobs N), writes each file's output as soon as it and the files before it are
// done (output in input order), and keeps no file's bytes after linting it: the
// memory used does not grow with the number of files.

const fs = require('node:fs');
const os = require('node:os');
const { sharedEngine, MAX_INPUT_BYTES } = require('./engine.cjs');
const { chooseCompilers } = require('./compilers.cjs');
const { inputTooLarge } = require('./errors.cjs');
const { WorkerPool, MAX_THREADS } = require('./pool.cjs');
const { lintFile, threadMethods } = require('./lint-file.cjs');
const { expandArguments, displayName } = require('./files.cjs');
const { readBoundedFile, readFailure } = require('./read-file.cjs');
const { findConfigFile, parseConfig, parseRuleFlag } = require('./config.cjs');
const { checkRuleFlags } = require('./rule-ids.cjs');
const { FORMATTERS, FORMATS, NEEDS_POSITIONS, TAKES_REPORT_JSON } = require('./formats/index.cjs');
const { colourWanted } = require('./paint.cjs');
const { visible, visibleName, visiblePath } = require('./sanitize.cjs');
const { translator, LOCALES } = require('./texts.cjs');
const { UsageError, environmentLocale, parseCommandLine, oneOf, wholeNumber, stdinRead } = require('./usage.cjs');

const packageJson = require('../package.json');

/** The package's npm page: its README's "Rules" table is where SARIF `helpUri` points (lib/rules-reference.cjs). */
const PACKAGE_PAGE = `https://www.npmjs.com/package/${packageJson.name}`;
const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
/**
 * Files in flight per job (default, ours): enough to keep every worker busy, few
 * enough that waiting results stay small. A file in flight is its name until a
 * lint thread reads it, so this bounds reports, not messages, in memory.
 */
const FILES_IN_FLIGHT_PER_JOB = 8;
/**
 * Files a worker holds at once (ours). This thread lints too, and while it does it
 * hands no worker a file: with two, a worker ran dry whenever this thread took a
 * long message, idle a fifth of a corpus run (a --cpu-prof timeline). With four,
 * `mail-preflight lint` of the SpamAssassin corpus took 958 against 1,013 ms,
 * medians of 8 interleaved runs (3: 977; 8: 950), stop 38.
 */
const FILES_PER_WORKER = 4;
/**
 * Largest config file read: the engine's MAX_INPUT_BYTES, the most text it reads
 * of anything. A config holds options, a few kilobytes, but also the options'
 * rules of your own: up to 4 MB of rule text (`custom::MAX_RULES_TEXT_BYTES`),
 * which JSON's escapes (`\\` for each backslash of a pattern, `\u0001`) can make
 * several times longer; the API takes such options, so the CLI reads them too.
 */
const MAX_CONFIG_BYTES = MAX_INPUT_BYTES;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  locale: { type: 'string', short: 'l' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  'sa-rules': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h' },
};

function cores() {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The options file's text, bounded, or a UsageError naming the file. */
function readConfigText(file, t) {
  try {
    // A UTF-8 byte order mark (Windows editors write one) is no part of the JSON (RFC 8259 §8.1 lets a reader ignore it).
    return readBoundedFile(file, MAX_CONFIG_BYTES).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(error.reason === 'too-large'
      ? t('cli.error.config-too-large', { file: visibleName(file), size: { megabytes: error.size }, limit: { megabytes: error.limit } })
      : t('cli.error.config-unreadable', { file: visibleName(file), reason: readFailure(error, t) }), t.locale);
  }
}

/** Largest SpamAssassin rule file read: the engine's `custom::MAX_RULES_TEXT_BYTES`. */
const MAX_SA_RULES_BYTES = 4_000_000;

/**
 * `--sa-rules FILE.cf` as text, read by the engine (`spamassassinRulesText`):
 * SpamAssassin's translations (`lang fr …` in ISO-8859-1, `lang pl …` in
 * ISO-8859-2, as Debian ships them) in their charset; other bytes that are not
 * UTF-8 become U+FFFD, and the engine refuses their lines with their numbers
 * (the other rules still load).
 */
function readSpamAssassinRules(file, t) {
  let bytes;
  try {
    bytes = readBoundedFile(file, MAX_SA_RULES_BYTES);
  } catch (error) {
    throw new UsageError(error.reason === 'too-large'
      ? t('cli.error.sa-rules-too-large', { file: visibleName(file), size: { megabytes: error.size }, limit: { megabytes: error.limit } })
      : t('cli.error.sa-rules-unreadable', { file: visibleName(file), reason: readFailure(error, t) }), t.locale);
  }
  // A NUL byte: a binary file (an archive, an image), not rule text. Read as UTF-8 its bytes
  // became U+FFFD, three bytes each, and the text was refused as too long for a length it never had.
  if (bytes.includes(0)) throw new UsageError(t('cli.error.sa-rules-binary', { file: visibleName(file) }), t.locale);
  return sharedEngine().call('spamassassinRulesText', [bytes], t.locale);
}

/**
 * The lint options: config file, then --rule flags, then the locale; the flags'
 * rule ids checked against the engine's, and the whole checked by the engine once,
 * before any file (bad options are a usage problem, reported once). Once the config
 * is read, its `locale` (unless --locale) is the run's: every later error, and the
 * usage hint after it, is said in it.
 */
function lintOptions(values, io, envLocale) {
  const runLocale = (configLocale) => values.locale || (LOCALES.includes(configLocale) ? configLocale : envLocale);
  let t = translator(runLocale(undefined));
  if (values.locale !== undefined) oneOf(values.locale, LOCALES, '--locale', translator(envLocale));
  const configFile = values.config || (values['no-config'] ? undefined : findConfigFile(io.cwd));
  let options = {};
  if (configFile) {
    options = parseConfig(readConfigText(configFile, t), visibleName(configFile),
      (configLocale) => translator(runLocale(configLocale)));
  }
  const locale = runLocale(options.locale);
  t = translator(locale);
  if (values['sa-rules']) options.spamassassinRules = readSpamAssassinRules(values['sa-rules'], t);
  const flags = {};
  for (const flag of values.rule || []) {
    const [id, setting] = parseRuleFlag(flag, t);
    flags[id] = setting;
  }
  const engine = sharedEngine();
  // A config's locale that is not one of ours stays, for the engine to refuse it (naming `locale`).
  const merged = { ...options, locale: values.locale || options.locale || locale, rules: mergedRules(options.rules, flags) };
  if (merged.rules === undefined) delete merged.rules;
  try {
    // The rule catalogue (every rule's texts, as objects) only when there are flags to check:
    // asking for it was 13–20 ms of every CLI start (#14).
    if (Object.keys(flags).length > 0) {
      checkRuleFlags(flags, options, engine.call('rules', ['en']).map((rule) => rule.id), locale);
    }
    engine.lint('', merged);
  } catch (error) {
    if (!error.code) throw error;
    // The options passed: only the empty input itself is refused. Otherwise the config
    // file's options were refused (the --rule flags and --locale are checked above, the
    // --sa-rules text after): the file is named, as the nearest .mail-preflight.json up
    // the tree may be one the user did not think of.
    if (error.code !== 'not-a-message') {
      // A stream option (lintAsync's) in a config file: lint()'s refusal says "call await
      // lintAsync()", which a command line cannot; said for the CLI, which reads no stream.
      const message = error.messageId === 'core.invalid.async-only-option' && error.params && configFile
        ? t('cli.error.config-stream-option', { option: String(error.params.path) }) : error.message;
      throw new UsageError(`${configFile ? `${visiblePath(configFile)}: ` : ''}${visible(message)}`, locale);
    }
  }
  const rulesSource = values['sa-rules'] ? visibleName(values['sa-rules'])
    : configFile && `${visibleName(configFile)} spamassassinRules`;
  const { saProblems, customRules } = customRulesCheck(options, rulesSource, t);
  return { options: merged, t, configFile, saProblems, customRules };
}

/**
 * The options' own rules, checked once more by checkCustomRules (the options
 * passed, so `customRules` has no problem left): `saProblems`, the lines of a
 * SpamAssassin text that are not used (rules refused, lines not read), each
 * "<source>, SpamAssassin rules: Line N: …" in the run's language (the README
 * promises each refusal with its line, and the other rules still load, so the
 * run goes on); `customRules`, the rules that can report, for SARIF's catalogue.
 */
function customRulesCheck(options, source, t) {
  const { customRules, spamassassinRules } = options;
  const sa = typeof spamassassinRules === 'string';
  if (!sa && !Array.isArray(customRules)) return { saProblems: [], customRules: [] };
  const rules = { customRules: customRules ?? [] };
  if (sa) rules.spamassassinRules = spamassassinRules;
  const { problems = [], rules: entries = [] } = sharedEngine().call('checkCustomRules', [rules, t.locale]);
  const saProblems = problems.filter((problem) => problem.field === 'spamassassinRules')
    .map((problem) => t('cli.sa-rules-problem', { source, problem: visible(problem.message) }));
  return { saProblems, customRules: entries };
}

/**
 * The config's `rules` with the --rule flags on top. Rules that are not a map of
 * rule ids (a list, a text) pass as they are, flags or not: the engine refuses
 * them naming `rules`, where spreading a list would have made its indexes rule ids.
 */
function mergedRules(rules, flags) {
  const given = rules !== undefined && rules !== null;
  if (given && (typeof rules !== 'object' || Array.isArray(rules))) return rules;
  if (!given && Object.keys(flags).length === 0) return undefined;
  return { ...(rules || {}), ...flags };
}

/** Results in input order with at most `window` in flight; `run` never rejects. */
async function* inOrder(inputs, run, window) {
  const pending = [];
  let next = 0;
  const fill = () => {
    while (next < inputs.length && pending.length < window) pending.push(run(inputs[next++]));
  };
  fill();
  while (pending.length) {
    const result = await pending.shift();
    fill();
    yield result;
  }
}

/**
 * Standard input, at most the engine's limit (reading stops once past it, lib/cli.cjs).
 * Cut there, it is refused as "more than" the limit: its size is not known.
 */
async function readStdin(io, locale) {
  const { bytes, cut } = stdinRead(await io.readStdin(MAX_INPUT_BYTES + 1));
  if (cut || bytes.length > MAX_INPUT_BYTES) throw inputTooLarge(cut ? undefined : bytes.length, MAX_INPUT_BYTES, locale);
  return bytes;
}

/** `--quiet`: only the error findings are shown (counts and exit code stay those of every finding). */
function errorsOnly(result) {
  if (!result.report) return result;
  const keep = result.report.findings.map((f) => f.severity === 'error');
  return {
    ...result,
    report: { ...result.report, findings: result.report.findings.filter((_, i) => keep[i]) },
    positions: result.positions && result.positions.filter((_, i) => keep[i]),
  };
}

/** Where the output goes: stdout, or a file opened once the arguments are known good. */
function outputWriter(file, io, t) {
  if (!file) return { write: io.stdout, close: () => {} };
  let fd;
  try {
    fd = fs.openSync(file, 'w');
  } catch (error) {
    throw new UsageError(t('cli.error.cannot-write', { file: visibleName(file), reason: error.code || error.message }), t.locale);
  }
  return {
    // A write that fails (ENOSPC: the disk is full, EFBIG, EIO) is an I/O problem of the
    // run (exit 2), said with the file's name: it was an uncaught stack trace and exit 1,
    // the code of "a message would be refused".
    write: (text) => {
      if (!text) return;
      try {
        fs.writeSync(fd, text);
      } catch (error) {
        throw new UsageError(t('cli.error.cannot-write', { file: visibleName(file), reason: error.code || error.message }), t.locale);
      }
    },
    close: () => fs.closeSync(fd),
  };
}

/** @param {(t: Function) => string} help  the usage text in a language */
async function lintCommand(argv, io, help) {
  const envLocale = environmentLocale(io.env);
  const { values, positionals } = parseCommandLine(argv, OPTIONS, translator(envLocale));
  if (values.help) {
    io.stdout(help(translator(values.locale && LOCALES.includes(values.locale) ? values.locale : envLocale)));
    return EXIT_OK;
  }
  const stdinName = values['stdin-filename'];
  const args = positionals.length === 0 && stdinName !== undefined ? ['-'] : positionals;
  // Expanded before the engine is first used: the number of files chooses V8's
  // wasm compilers for this process (lib/compilers.cjs); --jobs is checked below.
  const expanded = args.length ? expandArguments(args) : undefined;
  const defaultJobs = Math.min(cores(), MAX_THREADS);
  if (expanded && io.chooseCompilers) {
    const asked = Number(values.jobs);
    const wanted = Number.isInteger(asked) && asked >= 1 && asked <= MAX_THREADS ? asked : defaultJobs;
    const files = expanded.files.length;
    chooseCompilers({ files, threads: Math.max(1, Math.min(wanted, files)), cores: cores() });
  }
  const { options, t, saProblems, customRules } = lintOptions(values, io, envLocale);
  const format = oneOf(values.format || 'text', FORMATS, '--format', t);
  const maxWarnings = values['max-warnings'] === undefined ? undefined
    : wholeNumber(values['max-warnings'], '--max-warnings', 0, t);
  const jobs = values.jobs === undefined ? defaultJobs : wholeNumber(values.jobs, '--jobs', 1, t, MAX_THREADS);
  if (!expanded) throw new UsageError(t('cli.usage.lint-needs-files'), t.locale);

  const { files, problems, skipped, broken = [] } = expanded;
  for (const problem of saProblems) io.stderr(`mail-preflight: ${problem}\n`);
  for (const link of skipped) io.stderr(`mail-preflight: ${t('cli.skipped-link', { file: visibleName(link) })}\n`);
  for (const link of broken) {
    io.stderr(`mail-preflight: ${t('cli.skipped-broken-link', { file: visibleName(link.file), reason: readFailure(link, t) })}\n`);
  }
  const output = outputWriter(values.output, io, t);
  const formatter = FORMATTERS[format]({
    t,
    locale: options.locale,
    colour: colourWanted({ color: values.color, noColor: values['no-color'], toFile: Boolean(values.output) }, io.env,
      io.stdoutIsTTY),
    rules: format === 'sarif' ? sharedEngine().call('rules', [options.locale]) : [],
    customRules: format === 'sarif' ? customRules : [],
    toolVersion: sharedEngine().call('version', []),
    cwd: io.cwd,
    commandLine: ['mail-preflight', 'lint', ...argv].join(' '),
    packagePage: PACKAGE_PAGE,
  });
  const summary = { totals: { error: 0, warning: 0, info: 0 }, linted: 0, failing: 0, unreadable: 0 };
  const emit = (result) => {
    if (result.error) {
      summary.unreadable++;
      if (format === 'text') io.stderr(`mail-preflight: ${visiblePath(result.file)}: ${visible(result.error.message)}\n`);
    } else {
      summary.linted++;
      for (const key of Object.keys(summary.totals)) summary.totals[key] += result.report.counts[key];
      if (result.report.verdict === 'fail') summary.failing++;
    }
    output.write(formatter.file(values.quiet ? errorsOnly(result) : result));
  };

  output.write(formatter.start());
  const problemResult = (problem) => {
    const message = t(`cli.error.${problem.reason}`, { argument: visibleName(problem.argument), limit: problem.limit });
    return { file: problem.argument, error: { code: 'not-found', message } };
  };
  // --quiet filters the findings, so it needs the report as an object.
  const wanted = { positions: NEEDS_POSITIONS.has(format), json: TAKES_REPORT_JSON.has(format) && !values.quiet };
  // A path kept as bytes (a name that is not UTF-8) is read by `path` and shown by `file`.
  const inputs = files.map((file) => (typeof file === 'string' ? { file } : { file: displayName(file), path: file }));
  const threads = Math.min(jobs, inputs.length);
  // One of the lint threads is this one (lib/pool.cjs, `localMethods`).
  const pool = threads > 1 ? new WorkerPool(threads, { perWorker: FILES_PER_WORKER, localMethods: threadMethods(sharedEngine()) }) : undefined;
  const lintOne = async (input) => {
    const named = input.file === '-' ? { file: stdinName ?? '-', bytes: await readStdin(io, options.locale) } : input;
    return pool ? pool.run('lintFile', [named, options, wanted]) : lintFile(sharedEngine(), named, options, wanted);
  };
  const run = (input) => (input.problem ? Promise.resolve(problemResult(input.problem)) : lintOne(input).catch((error) => ({
    file: input.file === '-' ? stdinName ?? '-' : input.file,
    error: { code: error.code || 'internal', message: error.message },
  })));
  // The arguments' problems (a missing file, a glob matching nothing) among the files, in the
  // order of the arguments: each after the files of the arguments before it (`at`).
  const sequence = [];
  let said = 0;
  inputs.forEach((input, index) => {
    while (said < problems.length && problems[said].at <= index) sequence.push({ problem: problems[said++] });
    sequence.push(input);
  });
  sequence.push(...problems.slice(said).map((problem) => ({ problem })));
  try {
    for await (const result of inOrder(sequence, run, Math.max(1, threads) * FILES_IN_FLIGHT_PER_JOB)) emit(result);
  } finally {
    if (pool) await pool.close();
  }

  const tooManyWarnings = maxWarnings !== undefined && summary.totals.warning > maxWarnings;
  let exitCode = EXIT_OK;
  if (summary.unreadable) exitCode = EXIT_USAGE;
  // A file whose verdict is fail (an error, or the spam score over its threshold) is one the host
  // would refuse or block, as the output says: the run fails too.
  else if (summary.totals.error > 0 || summary.failing > 0 || tooManyWarnings) exitCode = EXIT_FINDINGS;
  output.write(formatter.end({ ...summary, exitCode }));
  output.close();
  if (tooManyWarnings) {
    io.stderr(`mail-preflight: ${t('cli.too-many-warnings', { warnings: summary.totals.warning, max: maxWarnings })}\n`);
  }
  return exitCode;
}

module.exports = { lintCommand, inOrder, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE };
