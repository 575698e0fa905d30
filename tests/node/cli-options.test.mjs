// The CLI's options as a CI job and a developer use them: the config file found
// up the directory tree, "$schema" in it, --rule, unknown rule ids refused with
// the closest one suggested, --stdin-filename, --color and FORCE_COLOR, --jobs
// (same output in the same order), and node:util parseArgs conventions.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, runCli, tempDir, rawMessage, messageWithLongLine, messageWithWideLine } from './helpers.mjs';

const json = (run) => JSON.parse(run.stdout);

/** A project: .mail-preflight.json at the top, messages two levels below. */
function project(t, config) {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'mail', 'out'), { recursive: true });
  writeFileSync(join(dir, '.mail-preflight.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'mail', 'out', 'long.eml'), messageWithLongLine());
  writeFileSync(join(dir, 'mail', 'out', 'wide.eml'), messageWithWideLine());
  return dir;
}

test('.mail-preflight.json is found from the working directory up the tree', (t) => {
  const dir = project(t, { locale: 'fr', rules: { 'size/line-length': 'off' } });
  const run = runCli(['lint', '--format', 'json', 'long.eml'], { cwd: join(dir, 'mail', 'out') });
  assert.equal(run.status, 0, run.stderr);
  const [report] = json(run);
  assert.equal(report.locale, 'fr');
  assert.deepEqual(report.findings, []);
});

test('--no-config ignores .mail-preflight.json; --config names another file', (t) => {
  const dir = project(t, { rules: { 'size/line-length': 'off' } });
  const cwd = join(dir, 'mail', 'out');
  assert.equal(runCli(['lint', '--no-config', 'long.eml'], { cwd }).status, 1);
  writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { 'size/line-length': 'error' } }));
  assert.equal(runCli(['lint', '--config', '../../strict.json', 'wide.eml'], { cwd }).status, 1);
});

test('"$schema" in a config file is for editors and is accepted', (t) => {
  const dir = project(t, {
    $schema: './node_modules/mail-preflight/schema/options.schema.json', rules: { 'size/line-length': 'off' },
  });
  const run = runCli(['lint', 'mail/out/long.eml'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  writeFileSync(join(dir, '.mail-preflight.json'), JSON.stringify({ $schema: 42 }));
  const bad = runCli(['lint', 'mail/out/long.eml'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /\$schema/);
});

test('--rule id:severity overrides the config for one run, and can be repeated', (t) => {
  const dir = project(t, { rules: { 'size/line-length': 'off' } });
  const cwd = join(dir, 'mail', 'out');
  const run = runCli(['lint', '--format', 'json', '--rule', 'size/line-length:warning', '--rule', 'size/total:off',
    'long.eml'], { cwd });
  assert.equal(run.status, 0, 'a warning does not fail');
  assert.deepEqual(json(run)[0].findings.map((f) => [f.ruleId, f.severity]), [['size/line-length', 'warning']]);
  for (const flag of ['size/line-length', 'size/line-length:loud', ':off']) {
    const bad = runCli(['lint', '--rule', flag, 'long.eml'], { cwd });
    assert.equal(bad.status, 2, flag);
    assert.match(bad.stderr, /RULE-ID:SEVERITY/);
  }
});

test('an unknown rule id in --rule or a config is a usage error with the closest id suggested', (t) => {
  const dir = project(t, { rules: { 'size/line-lenght': 'off' } });
  const cwd = join(dir, 'mail', 'out');
  // A config holds options: the engine's error, as lint() throws it, after the file's
  // name (found up the tree, it may be a file the user did not think of).
  const fromConfig = runCli(['lint', 'long.eml'], { cwd });
  assert.equal(fromConfig.status, 2);
  const error = ': The options are not valid: rules: unknown name "size/line-lenght"; did you mean "size/line-length"?\n';
  assert.ok(fromConfig.stderr.startsWith(`mail-preflight: ${join(dir, '.mail-preflight.json')}${error}`), fromConfig.stderr);
  const named = runCli(['lint', '--config', '../../.mail-preflight.json', 'long.eml'], { cwd });
  assert.ok(named.stderr.startsWith(`mail-preflight: ../../.mail-preflight.json${error}`), named.stderr);
  // --rule is the CLI's own flag: its own words, naming it.
  const fromFlag = runCli(['lint', '--no-config', '--rule', 'line-length:off', 'long.eml'], { cwd });
  assert.equal(fromFlag.status, 2);
  assert.match(fromFlag.stderr, /unknown rule "line-length" in --rule; did you mean "size\/line-length"\?/);
  const far = runCli(['lint', '--no-config', '--rule', 'completely/unrelated:off', 'long.eml'], { cwd });
  assert.match(far.stderr, /unknown rule "completely\/unrelated" in --rule$/m, 'no suggestion when nothing is close');
  const french = runCli(['lint', '--no-config', '--locale', 'fr', '--rule', 'size/totl:off', 'long.eml'], { cwd });
  assert.match(french.stderr, /règle inconnue « size\/totl » dans --rule ; vouliez-vous dire « size\/total » \?/);
});

test('a config\'s locale says its errors and the usage hint after them; --locale wins; unreadable JSON keeps the environment\'s', (t) => {
  const hint = { en: 'Run mail-preflight --help for usage.', fr: 'Lancez mail-preflight --help pour l\'aide.',
    es: 'Ejecute mail-preflight --help para ver el uso.', pl: 'Uruchom mail-preflight --help, aby zobaczyć sposób użycia.' };
  const cases = [
    // [config, extra arguments, language of the message and the hint, a word of the message]
    [{ locale: 'fr', rules: { 'size/line-length': 'of' } }, [], 'fr', /Les options ne sont pas valides/],
    [{ locale: 'es', $schema: 5 }, [], 'es', /«\$schema»/],
    [{ locale: 'pl' }, ['--rule', 'size/totl:off'], 'pl', /nieznana reguła „size\/totl” w --rule/],
    [{ locale: 'fr' }, ['--rule', 'size/total'], 'fr', /attendu ID-DE-RÈGLE:GRAVITÉ/],
    [{ locale: 'es' }, ['--format', 'yaml'], 'es', /--format/],
    [{ locale: 'fr', rules: { 'size/line-length': 'of' } }, ['--locale', 'pl'], 'pl', /Opcje/],
  ];
  for (const [config, args, locale, words] of cases) {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'm.eml'), rawMessage());
    const run = runCli(['lint', '-c', 'bad.json', ...args, 'm.eml'], { cwd: dir });
    assert.equal(run.status, 2, JSON.stringify(config));
    const [message, hintLine] = run.stderr.trimEnd().split('\n');
    assert.match(message, words, run.stderr);
    assert.equal(hintLine, hint[locale], `${JSON.stringify(config)} ${args.join(' ')}: ${run.stderr}`);
  }
  // Text that is not JSON has no locale to read: the environment's.
  const dir = tempDir(t);
  writeFileSync(join(dir, 'bad.json'), '{"locale": "fr", ');
  writeFileSync(join(dir, 'm.eml'), rawMessage());
  const run = runCli(['lint', '-c', 'bad.json', 'm.eml'], { cwd: dir, env: { LANG: 'es_ES.UTF-8' } });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no es JSON válido/);
  assert.equal(run.stderr.trimEnd().split('\n')[1], hint.es);
});

test('the Node API refuses unknown rule ids in options the same way (invalid-options)', () => {
  assert.throws(() => pkg.lint(rawMessage(), { rules: { 'spam/subject-cap': 'off' } }), (error) =>
    error.code === 'invalid-options' && error.rule === 'spam/subject-cap' && error.suggestion === 'spam/subject-caps');
});

test('--stdin-filename names the message read from standard input', (t) => {
  const dir = tempDir(t);
  const run = runCli(['lint', '--format', 'json', '--stdin-filename', 'mail/welcome.eml'], { cwd: dir, input: messageWithLongLine() });
  assert.equal(run.status, 1);
  assert.equal(json(run)[0].file, 'mail/welcome.eml');
  const sarif = runCli(['lint', '--format', 'sarif', '--stdin-filename', 'mail/welcome.eml', '-'],
    { cwd: dir, input: messageWithLongLine() });
  assert.equal(JSON.parse(sarif.stdout).runs[0].artifacts[0].location.uri, 'mail/welcome.eml');
});

test('--color forces colours into a pipe; FORCE_COLOR does too unless 0; --no-color wins', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'long.eml'), messageWithLongLine());
  const colour = /\u001b\[31merror/;
  assert.doesNotMatch(runCli(['lint', 'long.eml'], { cwd: dir }).stdout, colour, 'a pipe gets no colour');
  assert.match(runCli(['lint', '--color', 'long.eml'], { cwd: dir }).stdout, colour);
  assert.match(runCli(['lint', 'long.eml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, colour);
  assert.doesNotMatch(runCli(['lint', 'long.eml'], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout, colour);
  assert.match(runCli(['lint', 'long.eml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, colour,
    'FORCE_COLOR wins over NO_COLOR, as in Node');
  assert.doesNotMatch(runCli(['lint', '--no-color', 'long.eml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, colour);
  // no-color.org's example implementation reads NO_COLOR, then "getopt(3) and/or config-file parsing to possibly turn color back on"; the help says so.
  assert.match(runCli(['lint', '--color', 'long.eml'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout, colour, 'a flag overrides NO_COLOR');
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    assert.match(runCli(['--help'], { env: { LANG: `${locale}_${locale.toUpperCase()}.UTF-8` } }).stdout, /--color, --no-color [^\n]*NO_COLOR[^\n]*no-color\.org/, locale);
  }
});

// A config file with lintAsync's stream options was refused with lint()'s words, "call await
// lintAsync()", advice a command line cannot follow: now said for the CLI, which reads no stream.
test('--config with streamIdleTimeout or streamTotalTimeout: refused, in words for the CLI', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a.eml'), rawMessage());
  for (const [option, locale, words] of [['streamIdleTimeout', 'en', /mail-preflight lint reads each file/],
    ['streamTotalTimeout', 'fr', /mail-preflight lint lit chaque fichier/], ['streamIdleTimeout', 'es', /mail-preflight lint lee/],
    ['streamTotalTimeout', 'pl', /mail-preflight lint czyta/]]) {
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ [option]: 1000, locale }));
    const run = runCli(['lint', '--config', 'c.json', 'a.eml'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, new RegExp(`^mail-preflight: c\\.json: ${option} `), run.stderr);
    assert.match(run.stderr, words, run.stderr);
    assert.doesNotMatch(run.stderr, /await lintAsync/, run.stderr);
  }
});

test('--jobs N lints in parallel and prints the same output, in input order, as --jobs 1', (t) => {
  const dir = tempDir(t);
  const names = [];
  for (let i = 0; i < 24; i++) {
    const name = `m${String(i).padStart(2, '0')}.eml`;
    // Sizes differ so files finish out of order in the workers.
    writeFileSync(join(dir, name), i % 3 ? rawMessage({ body: `${'w '.repeat(i * 2000)}\r\n` }) : messageWithLongLine());
    names.push(name);
  }
  const shuffled = [...names].reverse();
  const one = runCli(['lint', '--format', 'jsonl', '--jobs', '1', ...shuffled], { cwd: dir });
  const four = runCli(['lint', '--format', 'jsonl', '--jobs', '4', ...shuffled], { cwd: dir });
  assert.equal(four.status, one.status);
  assert.equal(four.stdout, one.stdout);
  assert.deepEqual(four.stdout.trim().split('\n').map((l) => JSON.parse(l).file), shuffled);
  for (const bad of ['0', 'many', '-2', '65', '100000']) {
    const run = runCli(['lint', '--jobs', bad, names[0]], { cwd: dir });
    assert.equal(run.status, 2, `--jobs ${bad}`);
    if (bad !== '-2') assert.match(run.stderr, /--jobs must be a whole number from 1 to 64/, `--jobs ${bad}`);
  }
  // MAX_THREADS (64, ours): a worker is an isolate with its own engine.
  const fr = runCli(['lint', '--locale', 'fr', '--jobs', '65', names[0]], { cwd: dir });
  assert.match(fr.stderr, /--jobs doit être un nombre entier de 1 à 64/);
  assert.equal(runCli(['lint', '--format', 'jsonl', '--jobs', '64', names[0]], { cwd: dir }).stdout, runCli(['lint', '--format', 'jsonl', '--jobs', '1', names[0]], { cwd: dir }).stdout);
});

test('arguments follow node:util parseArgs: --name=value, short flags, and -- before file names', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, '-odd.eml'), messageWithLongLine());
  const run = runCli(['lint', '-f', 'jsonl', '--max-warnings=0', '--', '-odd.eml'], { cwd: dir });
  assert.equal(run.status, 1);
  assert.equal(JSON.parse(run.stdout).file, '-odd.eml');
  const unknown = runCli(['lint', '--colour', '-odd.eml'], { cwd: dir });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option --colour/);
  const missing = runCli(['lint', 'x.eml', '--format'], { cwd: dir });
  assert.match(missing.stderr, /--format needs a value/);
});

test('rules given as a list in a config file reach the engine as a list: it refuses them, not a rule "0"', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'message.eml'), rawMessage());
  writeFileSync(join(dir, 'list.json'), '{"rules": ["x"]}');
  for (const args of [[], ['--rule', 'size/line-length:off']]) {
    const run = runCli(['lint', '-l', 'pl', '-c', 'list.json', ...args, 'message.eml'], { cwd: dir });
    assert.equal(run.status, 2);
    let expected;
    try {
      pkg.lint('x', { locale: 'pl', rules: ['x'] });
    } catch (error) {
      expected = error.message;
    }
    assert.ok(run.stderr.includes(expected), run.stderr);
    assert.doesNotMatch(run.stderr, /"0"|„0”/);
  }
});

test('a config file that is not JSON: where it stops, in the reader\'s language, not V8\'s English', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'message.eml'), rawMessage());
  writeFileSync(join(dir, 'comma.json'), '{"spamThreshold": "x",}');
  const run = runCli(['lint', '-l', 'fr', '-c', 'comma.json', 'message.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  const position = pkg.renderMessage('cli.error.json-position', { line: 1, column: 23 }, 'fr');
  assert.ok(run.stderr.includes(pkg.renderMessage('cli.error.config-not-json', { file: 'comma.json', detail: position }, 'fr')), run.stderr);
  assert.doesNotMatch(run.stderr, /Expected|position \d/);
});

test('--locale speaks every usage error, wherever it stands: an unknown option, a value with a dash, before the command; simulate reads LANG', (t) => {
  const bogus = runCli(['lint', '--locale', 'fr', '--bogus', 'x']);
  assert.equal(bogus.status, 2);
  assert.match(bogus.stderr, /^mail-preflight: option inconnue --bogus\n/);
  const negative = runCli(['lint', '--locale', 'fr', '--max-warnings', '-1', 'x']);
  assert.equal(negative.status, 2);
  assert.match(negative.stderr, /--max-warnings doit être un nombre entier >= 0 \(reçu « -1 »\)/, 'a wrong value, not a missing one');
  const before = runCli(['--locale', 'fr', 'lint', 'missing.eml']);
  assert.match(before.stderr, /missing\.eml : fichier ou dossier introuvable|missing\.eml: fichier ou dossier introuvable/);
  const dir = tempDir(t);
  writeFileSync(join(dir, 'bad.json'), '{"bogus": 1}');
  const simulate = runCli(['simulate', 'bad.json'], { cwd: dir, env: { LANG: 'fr_FR.UTF-8' } });
  assert.equal(simulate.status, 2);
  assert.match(simulate.stderr, /Le scénario n'est pas valide/);
});
