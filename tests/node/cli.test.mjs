// The mail-preflight CLI as a CI job runs it: exit codes, text and JSON output,
// --config, --max-warnings, directories and globs, stdin, colours, simulate and
// explain. The other formats, options and hardening have files of their own (cli-*.test.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import {
  pkg, cliPath, repoRoot, runCli, tempDir, rawMessage, messageWithLongLine, messageWithWideLine,
} from './helpers.mjs';

/** clean.eml (no finding), wide.eml (info), long.eml (error) in a temp dir with a subfolder. */
function fixtures(t) {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'clean.eml'), rawMessage());
  writeFileSync(join(dir, 'wide.eml'), messageWithWideLine());
  writeFileSync(join(dir, 'sub', 'long.eml'), messageWithLongLine());
  writeFileSync(join(dir, 'sub', 'deeper', 'wide2.eml'), messageWithWideLine());
  writeFileSync(join(dir, 'sub', 'notes.txt'), 'not a message');
  return dir;
}

const jsonLines = (stdout) => stdout.trim().split('\n').map((line) => JSON.parse(line));

test('--help and --version', () => {
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /mail-preflight lint \[options\] FILE\|DIR\|GLOB/);
  assert.match(help.stdout, /Exit codes: 0/);
  const version = runCli(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), `mail-preflight ${pkg.version()} (engine ${pkg.version()})`);
});

test('--help lists lint, simulate, simulate --compare, explain, --sa-rules and the exit codes, in every language', () => {
  const exitCodes = { en: 'Exit codes: 0', fr: 'Codes de sortie : 0', es: 'Códigos de salida: 0', pl: 'Kody wyjścia: 0' };
  for (const [locale, lang] of [['en', 'C'], ['fr', 'fr_FR.UTF-8'], ['es', 'es_ES.UTF-8'], ['pl', 'pl_PL.UTF-8']]) {
    const help = runCli(['--help'], { env: { LANG: lang } });
    assert.equal(help.status, 0);
    assert.equal(help.stdout, pkg.renderMessage('cli.help', { version: pkg.version() }, locale), `${locale}: the catalogue's help`);
    for (const usage of ['mail-preflight lint', 'mail-preflight simulate', 'mail-preflight simulate --compare A.json B.json',
      'mail-preflight explain', '--sa-rules', '--max-warnings', '--compare A.json B.json']) {
      assert.ok(help.stdout.includes(usage), `${locale}: ${usage}`);
    }
    const codes = help.stdout.slice(help.stdout.indexOf(exitCodes[locale]));
    assert.ok(help.stdout.includes(exitCodes[locale]), `${locale}: exit codes`);
    assert.match(codes, /\n {2}1 .*--max-warnings.*ko, bounce/s, `${locale}: 1 for errors and for a run ending red`);
    assert.match(codes, /\n {2}2 /, `${locale}: 2 for usage problems`);
    // simulate and explain give the same help, in --locale.
    assert.equal(runCli(['simulate', '--help', '-l', locale]).stdout, help.stdout);
    assert.equal(runCli(['explain', '--help', '-l', locale]).stdout, help.stdout);
  }
});

test('--help is in the reader\'s language (LANG, or --locale for a command)', () => {
  assert.match(runCli(['--help'], { env: { LANG: 'fr_FR.UTF-8' } }).stdout, /^mail-preflight [\d.]+ : vérifie un e-mail avant son envoi\./);
  assert.match(runCli(['lint', '--locale', 'pl', '--help']).stdout, /^mail-preflight [\d.]+: sprawdza wiadomość e-mail/);
  assert.match(runCli(['lint', '--help'], { env: { LANG: 'es_ES.UTF-8' } }).stdout, /--stdin-filename NOMBRE/);
});

test('usage problems exit 2 with a message on stderr', (t) => {
  const dir = fixtures(t);
  const cases = [
    [[]],
    [['frobnicate']],
    [['lint']],
    [['lint', '--format', 'xml', 'clean.eml']],
    [['lint', '--locale', 'de', 'clean.eml']],
    [['lint', '--max-warnings', '-1', 'clean.eml']],
    [['lint', '--max-warnings', 'many', 'clean.eml']],
    [['lint', '--bogus', 'clean.eml']],
    [['lint', '--config', 'missing.json', 'clean.eml']],
  ];
  for (const [args] of cases) {
    const run = runCli(args, { cwd: dir });
    assert.equal(run.status, 2, `${args.join(' ')} exits 2`);
    assert.match(run.stderr, /mail-preflight: /, `${args.join(' ')} explains on stderr`);
  }
});

test('exit 0 without errors (info findings do not fail), 1 when a finding is an error', (t) => {
  const dir = fixtures(t);
  assert.equal(runCli(['lint', 'clean.eml'], { cwd: dir }).status, 0);
  assert.equal(runCli(['lint', 'wide.eml'], { cwd: dir }).status, 0);
  assert.equal(runCli(['lint', 'clean.eml', 'sub/long.eml'], { cwd: dir }).status, 1);
});

test('a missing file exits 2 even when the other files lint, and is reported in each format', (t) => {
  const dir = fixtures(t);
  const text = runCli(['lint', 'clean.eml', 'nope.eml'], { cwd: dir });
  assert.equal(text.status, 2);
  assert.match(text.stderr, /nope\.eml: no such file or directory/);
  assert.match(text.stdout, /clean\.eml {2}pass/);
  const json = runCli(['lint', '--format', 'jsonl', 'nope.eml', 'clean.eml'], { cwd: dir });
  assert.equal(json.status, 2);
  const lines = jsonLines(json.stdout);
  assert.deepEqual(lines.map((l) => l.file), ['nope.eml', 'clean.eml']);
  assert.equal(lines[0].error.code, 'not-found');
  assert.equal(lines[1].verdict, 'pass');
});

test('--format jsonl prints one JSON line per file: {"file", ...report}', (t) => {
  const dir = fixtures(t);
  const run = runCli(['lint', '--format', 'jsonl', '--locale', 'es', 'clean.eml', 'wide.eml', 'sub/long.eml'], { cwd: dir });
  assert.equal(run.status, 1);
  const lines = jsonLines(run.stdout);
  assert.equal(lines.length, 3);
  assert.deepEqual(lines.map((l) => [l.file, l.verdict]), [['clean.eml', 'pass'], ['wide.eml', 'pass'], ['sub/long.eml', 'fail']]);
  const expected = pkg.lint(readFileSync(join(dir, 'sub/long.eml')), { locale: 'es' });
  assert.deepEqual(lines[2], { file: 'sub/long.eml', ...expected });
  assert.equal(lines[2].locale, 'es');
});

test('--format json prints one JSON array for the run, one element per file, as ESLint does', (t) => {
  const dir = fixtures(t);
  const run = runCli(['lint', '--format', 'json', 'clean.eml', 'nope.eml', 'sub/long.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  const elements = JSON.parse(run.stdout);
  assert.ok(Array.isArray(elements));
  // A missing file is where its argument is (it was listed before every file).
  assert.deepEqual(elements.map((e) => e.file), ['clean.eml', 'nope.eml', 'sub/long.eml'], 'in the order of the arguments');
  assert.equal(elements[1].error.code, 'not-found');
  assert.deepEqual(elements[2], { file: 'sub/long.eml', ...pkg.lint(readFileSync(join(dir, 'sub/long.eml'))) });
  const none = runCli(['lint', '--format', 'json', '--quiet', 'clean.eml'], { cwd: dir });
  assert.equal(JSON.parse(none.stdout).length, 1);
});

test('text output: verdict per file, line:column, severity, rule id, message, evidence, fix, summary', (t) => {
  const dir = fixtures(t);
  const run = runCli(['lint', '--locale', 'pl', 'sub/long.eml', 'clean.eml'], { cwd: dir });
  assert.equal(run.status, 1);
  const finding = pkg.lint(readFileSync(join(dir, 'sub/long.eml')), { locale: 'pl' }).findings[0];
  // Every word of the text output is from the catalogue, in Polish here.
  assert.match(run.stdout, /^sub\/long\.eml {2}fail — Zostanie odrzucone lub zablokowane {2}Wynik spamu \d+,\d z \d+,\d · błędy: 1, ostrzeżenia: 0, informacje: 0$/m);
  assert.ok(run.stdout.includes(`${finding.location.line}:${finding.location.column}  błąd         size/line-length`), 'the severity in Polish, padded to the widest (ostrzeżenie)');
  assert.ok(run.stdout.includes(finding.message), 'the Polish message');
  assert.ok(run.stdout.includes(`→ ${finding.fix}`), 'the fix');
  assert.match(run.stdout, /^clean\.eml {2}pass/m);
  assert.match(run.stdout, /sprawdzone pliki: 2; błędy: 1, ostrzeżenia: 0, informacje: 0; pliki, które zostałyby odrzucone lub zablokowane: 1/);
  assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
});

test('text output gives the spam score against its threshold as SpamAssassin writes them, one decimal each, in every language', (t) => {
  const dir = tempDir(t);
  const spammy = readFileSync(join(repoRoot, 'www', 'samples', 'spammy.eml'));
  writeFileSync(join(dir, 'spammy.eml'), spammy);
  writeFileSync(join(dir, 'clean.eml'), rawMessage());
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    const run = runCli(['lint', '--locale', locale, 'spammy.eml', 'clean.eml'], { cwd: dir });
    for (const [file, bytes] of [['spammy.eml', spammy], ['clean.eml', rawMessage()]]) {
      const report = pkg.lint(bytes, { locale });
      const score = pkg.renderMessage('core.report.score', { score: { number: report.spamScore, decimals: 1 },
        threshold: { number: report.spamThreshold, decimals: 1 } }, locale);
      const line = run.stdout.split('\n').find((l) => l.startsWith(`${file}  `));
      assert.ok(line.includes(`  ${score} · `), `${locale}: ${line}`);
      const decimal = locale === 'en' ? '\\.' : ',';
      assert.match(score, new RegExp(` \\d+${decimal}\\d \\D+ \\d+${decimal}\\d$`), `${locale}: one decimal each`);
    }
  }
});

test('--config applies rule overrides and thresholds; --locale wins over its locale', (t) => {
  const dir = fixtures(t);
  writeFileSync(join(dir, 'strict.json'), JSON.stringify({
    locale: 'fr', rules: { 'size/line-length': 'warning' }, thresholds: { size: { maxContentBytes: 10 } },
  }));
  const run = runCli(['lint', '--format', 'jsonl', '--config', 'strict.json', 'wide.eml'], { cwd: dir });
  assert.equal(run.status, 0, 'warnings alone do not fail');
  const [line] = jsonLines(run.stdout);
  assert.equal(line.locale, 'fr');
  assert.deepEqual(line.findings.map((f) => [f.ruleId, f.severity]).sort(),
    [['size/content', 'warning'], ['size/line-length', 'warning']]);
  const english = jsonLines(runCli(['lint', '-f', 'jsonl', '-c', 'strict.json', '-l', 'en', 'wide.eml'], { cwd: dir }).stdout);
  assert.equal(english[0].locale, 'en');

  writeFileSync(join(dir, 'off.json'), JSON.stringify({ rules: { 'size/line-length': 'off' } }));
  assert.equal(runCli(['lint', '--config', 'off.json', 'sub/long.eml'], { cwd: dir }).status, 0);

  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rulez: {} }));
  const bad = runCli(['lint', '--config', 'bad.json', 'clean.eml'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown field "rulez"/);
  writeFileSync(join(dir, 'broken.json'), '{ "rules": ');
  assert.equal(runCli(['lint', '--config', 'broken.json', 'clean.eml'], { cwd: dir }).status, 2);
  // Where the text stops being JSON, in the language asked for, as the engine's parser says it
  // (V8's JSON.parse messages are English and often without a position), and the hint too.
  writeFileSync(join(dir, 'broken2.json'), '{\n  "rules": }\n');
  const french = runCli(['lint', '--config', 'broken2.json', '-l', 'fr', 'clean.eml'], { cwd: dir });
  assert.equal(french.status, 2);
  assert.match(french.stderr, /broken2\.json n'est pas du JSON valide : il cesse d'être du JSON à la ligne 2, colonne 12/);
  assert.match(french.stderr, /Lancez mail-preflight --help pour l'aide\./);
  const polish = runCli(['lint', '--config', 'broken2.json', '--locale=pl', 'clean.eml'], { cwd: dir });
  assert.match(polish.stderr, /przestaje być JSON-em w wierszu 2, kolumnie 12/);
});

test('--max-warnings N: exit 1 only when warnings exceed N', (t) => {
  const dir = fixtures(t);
  writeFileSync(join(dir, 'warn.json'), JSON.stringify({ rules: { 'size/line-length': 'warning' } }));
  const args = ['lint', '--config', 'warn.json', 'wide.eml', 'sub/deeper/wide2.eml'];
  assert.equal(runCli(args, { cwd: dir }).status, 0, 'no limit');
  assert.equal(runCli([...args, '--max-warnings', '2'], { cwd: dir }).status, 0, '2 warnings, limit 2');
  const over = runCli([...args, '--max-warnings=1'], { cwd: dir });
  assert.equal(over.status, 1, '2 warnings, limit 1');
  assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
  assert.equal(runCli([...args, '--max-warnings', '0', '--format', 'jsonl'], { cwd: dir }).status, 1);
});

test('a directory means every .eml below it; quoted globs are expanded', (t) => {
  const dir = fixtures(t);
  const files = (args) => jsonLines(runCli(['lint', '--format', 'jsonl', ...args], { cwd: dir }).stdout).map((l) => l.file);
  assert.deepEqual(files(['.']), ['clean.eml', 'sub/deeper/wide2.eml', 'sub/long.eml', 'wide.eml']);
  assert.deepEqual(files(['sub']), ['sub/deeper/wide2.eml', 'sub/long.eml']);
  assert.deepEqual(files(['*.eml']), ['clean.eml', 'wide.eml']);
  assert.deepEqual(files(['**/*.eml']), ['clean.eml', 'sub/deeper/wide2.eml', 'sub/long.eml', 'wide.eml']);
  assert.deepEqual(files(['sub/**/w?de*.eml']), ['sub/deeper/wide2.eml']);
  assert.deepEqual(files(['{clean,wide}.eml']), ['clean.eml', 'wide.eml']);
  assert.deepEqual(files(['[cw]*.eml', 'clean.eml']), ['clean.eml', 'wide.eml'], 'a file named twice is linted once');
  assert.deepEqual(files([join(dir, 'sub', '*.eml')]), [`${join(dir, 'sub')}/long.eml`]);
  const none = runCli(['lint', '*.msg'], { cwd: dir });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /\*\.msg: no file matches this pattern/);
});

test('in a directory, files of other names are linted when they begin like a message (Maildir, mbox cuts)', (t) => {
  const dir = tempDir(t);
  const message = rawMessage();
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'Maildir', sub), { recursive: true });
  // Maildir names (maildir(5)): a delivered message starts with Return-Path / Delivered-To.
  writeFileSync(join(dir, 'Maildir', 'cur', '1701234567.M1P2.host:2,S'), `Return-Path: <a@example.com>\r\nDelivered-To: b@example.com\r\n${message}`);
  writeFileSync(join(dir, 'Maildir', 'new', '1701234568.M3P4.host'), message);
  writeFileSync(join(dir, 'Maildir', 'tmp', '1701234569.M5P6.host'), message.slice(0, 40));
  // The SpamAssassin public corpus: an mbox envelope line, then the header block.
  writeFileSync(join(dir, '00001.7c53336b37003a9286aba55d2945844c'), `From a@example.com  Thu Aug 22 12:36:23 2002\n${message}`);
  writeFileSync(join(dir, 'folded'), `Received: from a.example.com\r\n\tby b.example.com; Thu, 22 Aug 2002 12:36:23 +0000\r\n${message}`);
  // Not messages: `name: value` text without a message field, text before the fields,
  // binary data, an empty file, and text with an extension that is never read.
  writeFileSync(join(dir, 'config'), 'name: site\nversion: 2\n\nbody\n');
  writeFileSync(join(dir, 'notes'), 'Some notes\nSubject: not a header\n');
  writeFileSync(join(dir, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(join(dir, 'empty'), '');
  writeFileSync(join(dir, 'saved.txt'), message);
  const files = (args) => jsonLines(runCli(['lint', '--format', 'jsonl', ...args], { cwd: dir }).stdout).map((l) => l.file);
  assert.deepEqual(files(['.']), ['00001.7c53336b37003a9286aba55d2945844c', 'Maildir/cur/1701234567.M1P2.host:2,S',
    'Maildir/new/1701234568.M3P4.host', 'folded']);
  assert.deepEqual(files(['Maildir/tmp']), ['Maildir/tmp/1701234569.M5P6.host'], 'a Maildir tmp/ named itself is walked');
  assert.deepEqual(files(['*.txt']), ['saved.txt'], 'a glob takes the files it matches');
  const reports = jsonLines(runCli(['lint', '--format', 'jsonl', 'Maildir'], { cwd: dir }).stdout);
  assert.equal(reports.length, 2);
  assert.ok(reports.every((r) => r.verdict && r.findings && !r.error), 'each one is linted as a message');
  const empty = tempDir(t);
  writeFileSync(join(empty, 'config'), 'name: site\n');
  for (const [locale, lang, text] of [['en', 'C', /no message file in this directory/], ['fr', 'fr_FR.UTF-8', /aucun fichier de message/],
    ['es', 'es_ES.UTF-8', /ningún archivo de mensaje/], ['pl', 'pl_PL.UTF-8', /brak plików wiadomości/]]) {
    const run = runCli(['lint', '.'], { cwd: empty, env: { LANG: lang } });
    assert.equal(run.status, 2, locale);
    assert.match(run.stderr, text, locale);
  }
});

test('- reads the message from stdin; --output writes to a file', (t) => {
  const dir = fixtures(t);
  const run = runCli(['lint', '--format', 'jsonl', '-'], { cwd: dir, input: messageWithLongLine() });
  assert.equal(run.status, 1);
  assert.equal(jsonLines(run.stdout)[0].file, '-');
  const written = runCli(['lint', '--format', 'sarif', '--output', 'out.sarif', 'clean.eml'], { cwd: dir });
  assert.equal(written.status, 0);
  assert.equal(written.stdout, '');
  assert.equal(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version, '2.1.0');
});

test('the locale comes from LC_ALL / LC_MESSAGES / LANG when not given', (t) => {
  const dir = fixtures(t);
  const locale = (env) => jsonLines(runCli(['lint', '-f', 'jsonl', 'clean.eml'], { cwd: dir, env }).stdout)[0].locale;
  assert.equal(locale({ LANG: 'fr_FR.UTF-8' }), 'fr');
  assert.equal(locale({ LC_ALL: 'pl_PL.UTF-8', LANG: 'fr_FR.UTF-8' }), 'pl');
  assert.equal(locale({ LANG: 'de_DE.UTF-8' }), 'en');
  assert.equal(locale({ LANG: 'C.UTF-8' }), 'en');
});

/** Runs the CLI under a pseudo-terminal (util-linux `script`), so stdout is a TTY. */
function runOnTerminal(args, env, cwd) {
  const command = [process.execPath, cliPath, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const base = { ...process.env };
  delete base.NO_COLOR;
  // A terminal that shows colours unless the test says otherwise (a CI shell may run with TERM=dumb).
  return spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: { ...base, TERM: 'xterm-256color', ...env }, encoding: 'utf8' });
}

test('colours only on a terminal, and never with NO_COLOR or --no-color', (t) => {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    t.skip('util-linux `script` is not installed: cannot open a pseudo-terminal');
    return;
  }
  const dir = fixtures(t);
  const coloured = runOnTerminal(['lint', 'sub/long.eml'], {}, dir);
  assert.match(coloured.stdout, /\u001b\[31merror/, 'errors in red on a terminal');
  assert.doesNotMatch(runOnTerminal(['lint', 'sub/long.eml'], { NO_COLOR: '1' }, dir).stdout, /\u001b\[/);
  assert.doesNotMatch(runOnTerminal(['lint', '--no-color', 'sub/long.eml'], {}, dir).stdout, /\u001b\[/);
  assert.match(runOnTerminal(['lint', 'sub/long.eml'], { NO_COLOR: '' }, dir).stdout, /\u001b\[/,
    'an empty NO_COLOR does not count (no-color.org)');
  // TERM=dumb (Emacs' shell and compilation buffers) shows escape sequences as text: no colours
  // there, as Node's getColorDepth() and supports-color decide; --color still forces them.
  assert.doesNotMatch(runOnTerminal(['lint', 'sub/long.eml'], { TERM: 'dumb' }, dir).stdout, /\u001b\[/);
  assert.match(runOnTerminal(['lint', '--color', 'sub/long.eml'], { TERM: 'dumb' }, dir).stdout, /\u001b\[31merror/);
});

test('an oversized file or a path that names nothing exits 2 with the reason', (t) => {
  const dir = fixtures(t);
  writeFileSync(join(dir, 'huge.eml'), Buffer.alloc(33 * 1024 * 1024 + 1, 0x61));
  const run = runCli(['lint', '--format', 'jsonl', 'huge.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.equal(jsonLines(run.stdout)[0].error.code, 'input-too-large');
  const missing = runCli(['lint', 'sub'], { cwd: join(dir, 'sub', 'deeper') });
  assert.equal(missing.status, 2, 'a directory argument that does not exist');
  assert.match(missing.stderr, /sub: no such file or directory/);
});

test('simulate runs a scenario file',
  (t) => {
    const dir = tempDir(t);
    const presets = typeof pkg.queuePresets === 'function' ? pkg.queuePresets() : [];
    const preset = presets.find((p) => p.id === 'quiet-contact-form') ?? presets[0];
    const scenario = preset ? JSON.parse(preset.json) : { streams: [{ name: 'form', count: 3, duration: 3600 }] };
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const run = runCli(['simulate', 'scenario.json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(pkg.simulate(scenario))));
    assert.equal(runCli(['simulate', 'missing.json'], { cwd: dir }).status, 2);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ streamz: [] }));
    const bad = runCli(['simulate', 'bad.json'], { cwd: dir });
    assert.equal(bad.status, 2, 'unknown scenario fields are refused');
    const text = runCli(['simulate', '--format', 'text', 'scenario.json'], { cwd: dir });
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^state: \w+/m);
    assert.match(text.stdout, /^counters: mails generated \d+/m);
    const polish = JSON.parse(runCli(['simulate', '--locale', 'pl', 'scenario.json'], { cwd: dir }).stdout);
    assert.deepEqual(polish, JSON.parse(JSON.stringify(pkg.simulate({ ...scenario, locale: 'pl' }))), '--locale wins');
  });

test('explain "550 5.1.1 …" explains the SMTP reply in the chosen language', () => {
  const reply = '550 5.1.1 <x@example.com>: Recipient address rejected';
  const json = runCli(['explain', '--format', 'json', '--locale', 'fr', reply]);
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(pkg.explainSmtpReply(reply, 'fr'))));
  const text = runCli(['explain', '--locale', 'fr', reply]);
  assert.equal(text.status, 0);
  const explanation = pkg.explainSmtpReply(reply, 'fr');
  assert.ok(text.stdout.startsWith('550 5.1.1  '), text.stdout);
  assert.ok(text.stdout.includes(explanation.meaning) && text.stdout.includes(`→ ${explanation.action}`));
  assert.equal(runCli(['explain', '451']).status, 0, 'a bare code is explained');
  assert.equal(runCli(['explain']).status, 2);
});

/** The CLI run with the file `file` as its standard input (`mail-preflight … < file`). */
function runWithStdinFile(args, file) {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  const stdin = openSync(file, 'r');
  try {
    const run = spawnSync(process.execPath, [cliPath, ...args], { env, stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8' });
    if (run.error) throw run.error;
    return run;
  } finally {
    closeSync(stdin);
  }
}

test('explain - reads the reply from stdin as the explainer reads one: past 64 KiB it is cut and said cut, never refused as a message', (t) => {
  const dir = tempDir(t);
  const reply = '550 5.1.1 <x@example.com>: Recipient address rejected\r\n';
  const cutIn = (locale) => pkg.renderMessage('smtp.problem.truncated', { lines: 100, bytes: 65536 }, locale);
  // 100 KB, and one byte over the message limit (32 MiB), which was refused with the
  // message's wording ("No host accepts a message this large") and its limit.
  for (const size of [100_000, 32 * 1024 * 1024 + 1]) {
    const file = join(dir, `reply-${size}.txt`);
    writeFileSync(file, reply + 'y'.repeat(size - reply.length));
    for (const locale of ['en', 'fr', 'es', 'pl']) {
      const text = runWithStdinFile(['explain', '--locale', locale, '-'], file);
      assert.equal(text.status, 0, `${locale} ${size}: ${text.stderr}`);
      assert.ok(text.stdout.startsWith('550 5.1.1  '), text.stdout.slice(0, 200));
      assert.ok(text.stdout.includes(cutIn(locale)), `${locale} ${size}: the explanation says the reply was cut`);
      assert.equal(text.stderr, '');
    }
    const json = runWithStdinFile(['explain', '--format', 'json', '--locale', 'pl', '-'], file);
    const whole = readFileSync(file, 'utf8');
    assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(pkg.explainSmtpReply(whole, 'pl'))), 'as the API explains it');
  }
  const short = runCli(['explain', '-'], { input: reply });
  assert.equal(short.status, 0);
  assert.ok(!short.stdout.includes(cutIn('en')), 'a short reply is not said cut');
});
