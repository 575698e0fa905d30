// The CLI's `simulate` and `explain` (pkg-config/src/lib/simulate-command.cjs):
// one test per behaviour — output formats, --compare, exit codes (1 when the run
// ends in a red state), coded errors naming the field, the four languages.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, runCli, tempDir } from './helpers.mjs';

const commands = createRequire(import.meta.url)(join(pkgDir, 'lib', 'simulate-command.cjs'));
const { translator } = createRequire(import.meta.url)(join(pkgDir, 'lib', 'texts.cjs'));

const presets = Object.fromEntries(pkg.queuePresets().map((p) => [p.id, JSON.parse(p.json)]));

function files(t, scenarios) {
  const dir = tempDir(t);
  for (const [name, scenario] of Object.entries(scenarios)) {
    writeFileSync(join(dir, name), typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
  }
  return dir;
}

test('simulate prints the engine\'s result as JSON and exits 0 when the run ends green', (t) => {
  const dir = files(t, { 'form.json': presets['quiet-contact-form'] });
  const run = runCli(['simulate', 'form.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(pkg.simulate(presets['quiet-contact-form']))));
});

test('simulate exits 1 when the run ends in a red state (ko, bounce, spam), like lint on errors', (t) => {
  const spam = { streams: [{ name: 'bot', count: 100, duration: 600, verdict: 'spam' }] };
  const blocked = { actions: [{ at: 0, action: 'BLOCK' }] };
  const bounce = { streams: [{ count: 100, duration: 6000, bounceShare: 0.3 }] };
  const dir = files(t, { 'spam.json': spam, 'blocked.json': blocked, 'bounce.json': bounce });
  for (const [file, state] of [['spam.json', 'spam'], ['blocked.json', 'ko'], ['bounce.json', 'bounce']]) {
    const run = runCli(['simulate', file], { cwd: dir });
    assert.equal(run.status, 1, `${file}: ${run.stderr}`);
    assert.equal(JSON.parse(run.stdout).state, state);
  }
});

test('simulate --format text shows the state, the counters, each change with its cause, answers and assumptions', (t) => {
  const dir = files(t, { 'bot.json': presets['bot-attack'] });
  const run = runCli(['simulate', '--format', 'text', 'bot.json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const result = pkg.simulate(presets['bot-attack']);
  assert.match(run.stdout, /^state: ok \(Active\)/m);
  assert.match(run.stdout, /^counters: mails generated 548, sent \(panel\) /m);
  for (const change of result.timeline) assert.ok(run.stdout.includes(change.message), change.message);
  assert.ok(run.stdout.includes(result.answers.maxSteadyRate.message));
  assert.ok(result.answers.captcha.differences.every((d) => run.stdout.includes(d)), 'the captcha answer');
  assert.match(run.stdout, /thresholds\.purgeSeconds = 10 min {2}\[ours[^\]]*; expect 5–40 min\]/);
  assert.match(run.stdout, /Europe\/Paris/, 'the time zone is named');
});

test('simulate --format text says a report has no recipient when the service gives no address (email: null), never "sent to -"', (t) => {
  const scenario = { service: { email: null }, streams: [{ count: 2, duration: 60, bounceShare: 1 }] };
  const dir = files(t, { 'nobody.json': scenario });
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    const run = runCli(['simulate', '-f', 'text', '-l', locale, 'nobody.json'], { cwd: dir });
    const result = pkg.simulate({ ...scenario, locale });
    assert.equal(result.notifications[0].to, null);
    assert.equal(result.service.email, null);
    const said = pkg.renderMessage('queue.view.notification.no-recipient', { subject: result.notifications[0].subject }, locale);
    assert.ok(run.stdout.includes(said), `${locale}: ${run.stdout}`);
    assert.doesNotMatch(run.stdout, / -\n/);
  }
});

test('simulate --locale writes the result and the labels in that language', (t) => {
  const dir = files(t, { 'bot.json': presets['bot-attack'] });
  for (const [locale, label] of [['fr', 'Valeurs sur lesquelles'], ['es', 'Valores en los que'], ['pl', 'Wartości, na których']]) {
    const run = runCli(['simulate', '-f', 'text', '-l', locale, 'bot.json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.includes(label), `${locale}: ${run.stdout.slice(0, 200)}`);
    const json = JSON.parse(runCli(['simulate', '-l', locale, 'bot.json'], { cwd: dir }).stdout);
    assert.deepEqual(json, JSON.parse(JSON.stringify(pkg.simulate({ ...presets['bot-attack'], locale }))));
  }
});

test('simulate --compare A B prints both runs and what changes, and exits 1 when either ends red', (t) => {
  const withBot = { streams: [{ name: 'visitors', rate: 2, duration: 86400 }, { name: 'bot', start: 3600, count: 200, duration: 600, verdict: 'spam' }] };
  const captcha = { streams: [{ name: 'visitors', rate: 2, duration: 86400 }] };
  const dir = files(t, { 'a.json': withBot, 'b.json': captcha });
  const json = runCli(['simulate', '--compare', 'a.json', 'b.json'], { cwd: dir });
  assert.equal(json.status, 1, 'A ends in SPAM');
  const comparison = JSON.parse(json.stdout);
  assert.deepEqual(comparison, JSON.parse(JSON.stringify(pkg.compare(withBot, captcha))));
  assert.equal(comparison.a.state, 'spam');
  assert.equal(comparison.b.state, 'ok');
  assert.ok(comparison.differences.length > 0);
  const text = runCli(['simulate', '--compare', '-f', 'text', 'b.json', 'b.json'], { cwd: dir });
  assert.equal(text.status, 0, 'both green');
  assert.match(text.stdout, /^A: b\.json/m);
  assert.match(text.stdout, /^B: b\.json/m);
  assert.match(text.stdout, /Nothing: both runs give the same numbers\./);
  assert.equal(runCli(['simulate', '--compare', 'a.json'], { cwd: dir }).status, 2, 'two files are needed');
  // The bot's mails count apart from the visitors': spam sent is no delivery.
  const summary = runCli(['simulate', '--compare', '-f', 'text', 'a.json', 'b.json'], { cwd: dir });
  assert.match(summary.stdout, /^A: a\.json .*legitimate mails delivered \d+, lost \d+; spam sent \d+;/m);
  assert.equal(comparison.b.spamDelivered, 0);
});

test('a scenario file over the size limit is refused with a scenario\'s message, not a message\'s', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'huge.json'), Buffer.alloc(32 * 1024 * 1024 + 1, 0x20));
  const run = runCli(['simulate', 'huge.json'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /huge\.json: The scenario is .*scenario JSON, its messages and send logs included/);
  assert.doesNotMatch(run.stderr, /No host accepts a message/);
});

test('an invalid scenario is a usage error that names the field and its code', (t) => {
  const dir = files(t, {
    'bucket.json': { thresholds: { bucketSeconds: 9223372036854775808 } },
    'rate.json': { streams: [{ rate: -3 }] },
    'unknown.json': { streamz: [] },
    'not-json.json': '{',
  });
  const bucket = runCli(['simulate', 'bucket.json'], { cwd: dir });
  assert.equal(bucket.status, 2);
  assert.match(bucket.stderr, /\[thresholds\.bucketSeconds\]/);
  assert.match(bucket.stderr, /invalid-scenario/);
  const rate = runCli(['simulate', '-l', 'fr', 'rate.json'], { cwd: dir });
  assert.equal(rate.status, 2);
  assert.match(rate.stderr, /\[streams\[0\]\.rate\].*doit être un nombre/);
  assert.equal(runCli(['simulate', 'unknown.json'], { cwd: dir }).status, 2);
  assert.equal(runCli(['simulate', 'not-json.json'], { cwd: dir }).status, 2);
  assert.equal(runCli(['simulate', 'missing.json'], { cwd: dir }).status, 2);
});

test('the provider API\'s service object alone loads as a scenario', (t) => {
  const dir = files(t, { 'service.json': { bounce: 3, email: null, maxPerDay: 7200, sent: 120, sentToday: 4, state: 'ko' } });
  const run = runCli(['simulate', '-l', 'pl', 'service.json'], { cwd: dir });
  assert.equal(run.status, 1, 'ko is red');
  assert.equal(JSON.parse(run.stdout).service.sent, 120);
});

test('simulate reads the scenario from stdin with -', () => {
  const run = runCli(['simulate', '-'], { input: JSON.stringify(presets['quiet-contact-form']) });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).counters.mails, 72);
});

test('explain gives the enhanced code first, the server\'s words, the guide\'s table and the related rules', () => {
  const reply = '552 5.3.4 Message size exceeds fixed limit';
  const json = runCli(['explain', '-f', 'json', '-l', 'pl', reply]);
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(pkg.explainSmtpReply(reply, 'pl'))));
  const text = runCli(['explain', reply]);
  const e = pkg.explainSmtpReply(reply, 'en');
  assert.ok(text.stdout.startsWith('552 5.3.4  '), text.stdout);
  assert.ok(text.stdout.includes(e.meaning) && text.stdout.includes(`→ ${e.action}`));
  assert.match(text.stdout, /Related checks: size\/total/);
  assert.match(text.stdout, /The guide's table for 552/);
  const stdin = runCli(['explain', '-'], { input: '421 4.7.0 Too many connections\n' });
  assert.equal(stdin.status, 0);
  assert.ok(stdin.stdout.includes(pkg.explainSmtpReply('421 4.7.0 Too many connections\n', 'en').action));
  assert.equal(runCli(['explain']).status, 2);
  assert.equal(runCli(['explain', '-f', 'xml', '451']).status, 2);
});

test('explain exits 0 when it explains the reply, 2 when the text is not an SMTP reply (the explanation still says why)', () => {
  for (const [args, input, status] of [
    [['550 5.1.1 <x@y>: Recipient address rejected'], undefined, 0],
    [['550', '5.1.1', 'user', 'unknown'], undefined, 0], // the words are one reply
    [['Recipient address rejected: user unknown'], undefined, 0], // no code, but a server's known words
    [['-'], '451 4.7.1 Try again later\n', 0],
    [['hello world'], undefined, 2],
    [['a', 'b'], undefined, 2],
    [[''], undefined, 2],
    [['-'], 'hello\n', 2],
    [['-f', 'json', 'hello world'], undefined, 2],
  ]) {
    const run = runCli(['explain', ...args], { input });
    assert.equal(run.status, status, `${JSON.stringify(args)}: ${run.stdout}${run.stderr}`);
    if (status === 2) assert.ok(run.stdout.includes(pkg.explainSmtpReply('x', 'en').classMeaning), run.stdout);
  }
  const joined = runCli(['explain', '-f', 'json', 'a', 'b']);
  assert.equal(JSON.parse(joined.stdout).text, 'a b', 'no word is dropped');
  // The help says it, in every language: `explain -`, and what exit code 2 means for explain.
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    const help = runCli(['--help', '-l', locale]).stdout;
    assert.match(help, /^ {2}mail-preflight explain \[[^\]]+\] - {5,}\S/m, locale);
    assert.match(help, /^ {4}explain ?: [^\n]*SMTP[^\n]*\)\.$/m, locale);
  }
});

test('the text layouts of an explanation and of a simulation take every word from the engine\'s catalogue, in the chosen language', () => {
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    const t = translator(locale);
    const words = pkg.messages(locale);
    const explanation = pkg.explainSmtpReply('451', locale);
    const text = commands.formatExplanation(explanation, { t, colour: false });
    assert.ok(text.startsWith(`451  ${explanation.classMeaning}\n`), text);
    assert.ok(text.includes(`  ${explanation.meaning}\n`) && text.includes(`  → ${explanation.action}\n`), text);
    const result = pkg.simulate({ ...presets['bot-attack'], locale });
    const lines = commands.formatSimulation(result, { t, locale, colour: false }).split('\n');
    const labelled = (label, value) => pkg.renderMessage('cli.labelled', { label, value }, locale);
    assert.equal(lines[0], `${labelled(words['cli.state'], `${result.state} (${words['queue.state.active']})`)}  `
      + labelled(words['queue.view.buttons'], result.actions.map((a) => words[`queue.action.${a.toLowerCase().replace('_', '-')}`]).join(', ')));
    const mails = pkg.renderMessage('cli.counter', { label: words['queue.view.counter.mails'], value: result.counters.mails }, locale);
    assert.ok(lines[1].startsWith(labelled(words['cli.counters'], `${mails}, `)), lines[1]);
    // Every counter by its catalogue name, no JSON name; every assumption with its unit, no raw JSON value.
    for (const key of Object.keys(result.counters)) {
      assert.ok(words[`queue.view.counter.${key}`], `queue.view.counter.${key} in ${locale}`);
      assert.ok(lines[1].includes(words[`queue.view.counter.${key}`]), `${key}: ${lines[1]}`);
    }
    assert.doesNotMatch(lines[1], /\b(spamSent|maxQueue|redSeconds|longestHoldSeconds|smtpAccepted)\b/, lines[1]);
    const assumptions = lines.filter((l) => /^ {2}(thresholds|service)\./.test(l));
    assert.ok(assumptions.length >= 10, locale);
    for (const line of assumptions) assert.doesNotMatch(line, /[{}"]/, line);
    const purge = assumptions.find((l) => l.startsWith('  thresholds.purgeSeconds = '));
    assert.ok(purge.includes('10 min') && purge.includes('5–40 min'), purge);
  }
});

test('simulate --format text says when a purge cancels an unblock still in progress (D9), in the four languages', () => {
  const scenario = { start: '2026-03-02T10:00:00+01:00', service: { state: 'ko' },
    actions: [{ at: 20, action: 'UNBLOCK' }, { at: 30, action: 'PURGE' }] };
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    const result = pkg.simulate({ ...scenario, locale });
    const [unblock] = result.appliedActions;
    assert.equal(unblock.effectiveAt, null);
    assert.equal(unblock.superseded.by, 'PURGE');
    const text = commands.formatSimulation(result, { t: translator(locale), locale, colour: false });
    assert.ok(text.includes(unblock.superseded.message), text);
  }
});

test('usage problems of simulate and explain are said in --locale', (t) => {
  const dir = files(t, { 'a.json': presets['quiet-contact-form'] });
  const cases = [
    [['simulate', '-l', 'fr'], 'cli.usage.simulate-needs-scenario'],
    [['simulate', '--compare', '-l', 'es', 'a.json'], 'cli.usage.compare-needs-two'],
    [['simulate', '--compare', '-l', 'pl', '-', '-'], 'cli.usage.one-stdin'],
    [['explain', '-l', 'fr'], 'cli.usage.explain-needs-reply'],
  ];
  for (const [args, id] of cases) {
    const locale = args[args.indexOf('-l') + 1];
    const run = runCli(args, { cwd: dir, input: '' });
    assert.equal(run.status, 2, args.join(' '));
    assert.ok(run.stderr.includes(pkg.renderMessage(id, {}, locale)), `${args.join(' ')}: ${run.stderr}`);
  }
});

test('a scenario that is not JSON: where it stops, in the reader\'s language, never V8\'s words or the file\'s bytes', (t) => {
  const dir = files(t, { 'cut.json': '{"streams":[\n', 'binary.json': '\u0000\u001b[31mELF\u0002\u0001' });
  const cut = runCli(['simulate', '-l', 'fr', 'cut.json'], { cwd: dir });
  assert.equal(cut.status, 2);
  const position = pkg.renderMessage('cli.error.json-position', { line: 2, column: 1 }, 'fr');
  assert.ok(cut.stderr.includes(pkg.renderMessage('cli.error.scenario-not-json', { file: 'cut.json', detail: position }, 'fr')), cut.stderr);
  assert.doesNotMatch(cut.stderr, /Unexpected|JSON input/);
  const binary = runCli(['simulate', '-l', 'pl', 'binary.json'], { cwd: dir });
  assert.equal(binary.status, 2);
  assert.match(binary.stderr, /scenariusz binary\.json nie jest poprawnym JSON/);
  assert.doesNotMatch(binary.stderr, /ELF|\u001b|Unexpected/);
});

test('without --locale the CLI\'s own words follow the scenario\'s locale, as the engine\'s do', (t) => {
  const dir = files(t, { 'es.json': { locale: 'es', streams: [{ name: 'a', rat: 1 }] } });
  const run = runCli(['simulate', 'es.json'], { cwd: dir });
  assert.equal(run.status, 2);
  // The engine names the field it refuses (`[streams[0]]`), in the CLI's scenario-field wording.
  assert.match(run.stderr, /^mail-preflight: escenario es\.json \[streams\[0\]\]: El escenario no es válido: /);
  assert.ok(run.stderr.includes(pkg.renderMessage('cli.usage.see-help', {}, 'es')), run.stderr);
  assert.doesNotMatch(run.stderr, /: scenario es\.json|Run mail-preflight/);
});

test('explain --settings reads a STARTTLS demand against the script\'s SMTP settings; bad settings are usage errors', (t) => {
  const dir = tempDir(t);
  const reply = '530 5.7.0 Must issue a STARTTLS command first';
  const plain = join(dir, 'plain.json');
  writeFileSync(plain, JSON.stringify({ host: 'ssl0.example.net', port: 25, security: '' }));
  const json = runCli(['explain', '-f', 'json', '--settings', plain, reply]);
  assert.equal(json.status, 0, json.stderr);
  const expected = pkg.explainSmtpReply(reply, 'en', { host: 'ssl0.example.net', port: 25, security: '' });
  assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(expected)));
  assert.match(expected.action, /port 25/);
  assert.notEqual(expected.action, pkg.explainSmtpReply(reply, 'en').action);
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"host":');
  const broken = runCli(['explain', '-l', 'fr', '--settings', notJson, reply]);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /réglages SMTP .*broken\.json.* JSON valide/);
  const missing = runCli(['explain', '--settings', join(dir, 'none.json'), reply]);
  assert.equal(missing.status, 2);
  const badField = join(dir, 'port.json');
  writeFileSync(badField, JSON.stringify({ port: 'x' }));
  const refused = runCli(['explain', '--settings', badField, reply]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /port/);
});
