// Custom rules through the npm package and the CLI: `customRules` and
// `spamassassinRules` in lint options, `checkCustomRules` with positions,
// `--config` and `--sa-rules FILE.cf`.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, runCli, tempDir, rawMessage } from './helpers.mjs';

const casino = {
  id: 'acme/banned-words',
  target: 'body',
  pattern: '(?i)\\b(casino|payday loans?)\\b',
  severity: 'warning',
  score: 2.5,
  message: { en: 'Banned word: {match}', fr: 'Mot interdit : {match}' },
};
const crm = { id: 'acme/crm-header', target: 'header', header: 'X-Acme-CRM', pattern: '^[0-9]{6}$', expect: 'match', severity: 'error' };
const message = rawMessage({ body: 'Hello,\r\ntonight at the Casino.\r\n' });

test('customRules report like the engine rules, in the report language', () => {
  const report = pkg.lint(message, { locale: 'fr', customRules: [casino, crm] });
  const word = report.findings.find((f) => f.ruleId === 'acme/banned-words');
  assert.equal(word.message, 'Mot interdit : Casino');
  assert.equal(word.score, 2.5);
  assert.equal(message.slice(word.location.start, word.location.end), 'Casino');
  const header = report.findings.find((f) => f.ruleId === 'acme/crm-header');
  assert.equal(header.severity, 'error', 'a missing required header is reported');
  assert.equal(report.verdict, 'fail');
});

test('a bad custom rule throws invalid-options naming the rule and the position', () => {
  assert.throws(
    () => pkg.lint(message, { customRules: [{ ...casino, pattern: 'ok|(broken' }] }),
    (error) => error.code === 'invalid-options' && /acme\/banned-words/.test(error.message) && /character 4/.test(error.message),
  );
});

test('checkCustomRules gives each problem its line and column in the JSON text', () => {
  const json = JSON.stringify([casino, { ...crm, id: 'spam/mine', pattern: '[' }], null, 2);
  const result = pkg.checkCustomRules(json, 'en');
  assert.equal(result.ok, false);
  const reasons = result.problems.map((p) => p.reason).sort();
  assert.deepEqual(reasons, ['pattern-syntax', 'reserved-namespace']);
  const pattern = result.problems.find((p) => p.reason === 'pattern-syntax');
  const line = json.split('\n')[pattern.line - 1];
  assert.equal(line[pattern.column - 1], '[', 'the column points at the character that is wrong');
  assert.equal(pkg.checkCustomRules([casino, crm]).ok, true, 'an object is accepted too');
});

test('spamassassinRules load with their refusals listed by line', () => {
  const rules = 'body PRIZE /\\bprize\\b/i\ndescribe PRIZE Talks about a prize\nscore PRIZE 2\nbody LOOK /prize(?= now)/\n';
  const result = pkg.checkCustomRules({ spamassassinRules: rules }, 'en');
  assert.equal(result.ok, true);
  assert.equal(result.spamassassin.loadedTotal, 1);
  assert.deepEqual(result.problems.map((p) => [p.line, p.reason]), [[4, 'perl.look-around']]);
  const report = pkg.lint(rawMessage({ body: 'You won a PRIZE.\r\n' }), { spamassassinRules: rules });
  assert.equal(report.findings.find((f) => f.ruleId === 'sa/PRIZE').message, 'Talks about a prize');
});

test('a lone surrogate in the options reads as U+FFFD, as the native Options::from_json reads its escape', () => {
  // JSON.stringify writes it as \ud800; tests/custom_rules.rs gives the same text to the native reader.
  const rule = { ...casino, id: 'acme/lone', message: { en: 'Found \ud800 {match} \ud83d\ude00' } };
  const report = pkg.lint(message, { customRules: [rule] });
  assert.equal(report.findings.find((f) => f.ruleId === 'acme/lone').message, 'Found \ufffd Casino \u{1f600}');
});

test('the CommonJS entry has checkCustomRules too', () => {
  const cjs = createRequire(import.meta.url)(join(pkgDir, 'index.cjs'));
  assert.equal(typeof cjs.checkCustomRules, 'function');
});

test('CLI: customRules through --config and SpamAssassin rules through --sa-rules', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'mail.eml'), message);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ customRules: [casino] }));
  // A rule file with a line that is not UTF-8 (Latin-1 "é"): that line is refused, the others run.
  writeFileSync(join(dir, 'local.cf'), Buffer.concat([
    Buffer.from('body CASINO_WORD /casino/i\ndescribe CASINO_WORD Mentions a casino\nbody CAFE /caf'),
    Buffer.from([0xe9]),
    Buffer.from('/\n'),
  ]));
  const run = runCli(['lint', '--format', 'jsonl', '--config', join(dir, 'config.json'), '--sa-rules', join(dir, 'local.cf'), join(dir, 'mail.eml')]);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout.trim().split('\n')[0]);
  const ids = report.findings.map((f) => f.ruleId);
  assert.ok(ids.includes('acme/banned-words') && ids.includes('sa/CASINO_WORD'), ids.join(' '));
  const missing = runCli(['lint', '--sa-rules', join(dir, 'nope.cf'), join(dir, 'mail.eml')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.cf/);
});

test('CLI: each refused SpamAssassin rule is said on stderr with its line, in the run language; the run goes on', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'mail.eml'), message);
  writeFileSync(join(dir, 'local.cf'), 'header T_EV eval:check_foo()\nbody T_LB /(?<=a)b/\nbody T_A /casino/i\n');
  const run = runCli(['lint', '-l', 'fr', '--sa-rules', join(dir, 'local.cf'), join(dir, 'mail.eml')]);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stderr.split('\n').filter((line) => line.includes('local.cf'));
  assert.equal(lines.length, 2, run.stderr);
  assert.match(lines[0], /règles SpamAssassin : Ligne 1 : T_EV/);
  assert.match(lines[1], /règles SpamAssassin : Ligne 2 : T_LB/);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ spamassassinRules: 'body T_LB /(?<=a)b/\n' }));
  const config = runCli(['lint', '-c', join(dir, 'config.json'), join(dir, 'mail.eml')]);
  assert.match(config.stderr, /config\.json spamassassinRules, SpamAssassin rules: Line 1: T_LB/);
});

test('CLI: --sa-rules reads SpamAssassin translations in their charset, as Debian ships them (fr Latin-1, pl Latin-2)', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'mail.eml'), message);
  // As 25_razor2.cf and 30_text_fr.cf / 30_text_pl.cf write them: "listé", "liście" (0xB6 ś in ISO-8859-2).
  writeFileSync(join(dir, 'local.cf'), Buffer.concat([
    Buffer.from('body SA_CASINO /casino/i\ndescribe SA_CASINO Mentions a casino\nlang fr describe SA_CASINO Casino list'),
    Buffer.from([0xe9]),
    Buffer.from('\nlang pl describe SA_CASINO Na li'),
    Buffer.from([0xb6]),
    Buffer.from('cie kasyn\n'),
  ]));
  for (const [locale, said] of [['fr', 'Casino listé'], ['pl', 'Na liście kasyn'], ['en', 'Mentions a casino']]) {
    const run = runCli(['lint', '-l', locale, '--format', 'jsonl', '--sa-rules', join(dir, 'local.cf'), join(dir, 'mail.eml')]);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /local\.cf/, 'no line is refused');
    const report = JSON.parse(run.stdout.trim().split('\n')[0]);
    assert.equal(report.findings.find((f) => f.ruleId === 'sa/SA_CASINO').message, said);
  }
});

test('renderReport says custom findings (customRules, SpamAssassin describe) in the other language as lint does', () => {
  const options = { customRules: [casino], spamassassinRules: 'body SA_CASINO /Casino/\ndescribe SA_CASINO Mentions a {match}\nlang fr describe SA_CASINO Parle d\'un casino\n' };
  const english = pkg.lint(message, options);
  const french = pkg.lint(message, { ...options, locale: 'fr' });
  const rendered = pkg.renderReport(english, 'fr');
  const texts = (report) => report.findings.filter((f) => !f.ruleId.startsWith('spam/')).map((f) => [f.ruleId, f.message, f.fix]);
  assert.deepEqual(texts(rendered), texts(french));
  assert.equal(english.findings.find((f) => f.ruleId === 'sa/SA_CASINO').message, 'Mentions a {match}', 'a describe is said as written');
});
