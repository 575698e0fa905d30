// `mail-preflight lint --format sarif` against the OASIS SARIF 2.1.0 JSON schema
// (the final "rtm.5" schema, as shipped by the @microsoft/jest-sarif package),
// validated with Ajv (draft-04 mode, formats checked), plus what the schema cannot
// say: one run, rule metadata, localized messages, regions that point at the
// right bytes, lines and code-point columns of the file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { pathToFileURL } from 'node:url';
import { pkg, pkgDir, repoRoot, requireDev, runCli, tempDir, rawMessage, messageWithLongLine, messageWithWideLine } from './helpers.mjs';

const Ajv = requireDev('ajv-draft-04');
const addFormats = requireDev('ajv-formats');
const schemaPath = requireDev.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// unicodeRegExp: false — the schema's `language` pattern has a stray ']' that the u flag rejects.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValidSarif(log) {
  const valid = validate(log);
  assert.ok(valid, `SARIF schema errors:\n${JSON.stringify(validate.errors, null, 2)}`);
}

test('the validator rejects what is not SARIF 2.1.0 (it really checks)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false, 'tool.driver is required');
  assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } },
    results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false, 'unknown level');
});

function sarifOf(t, files, args = []) {
  const dir = tempDir(t);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const run = runCli(['lint', '--format', 'sarif', ...args, ...Object.keys(files)], { cwd: dir });
  return { dir, run, log: JSON.parse(run.stdout) };
}

test('one valid run per invocation, with the rule catalogue as tool.driver.rules', (t) => {
  const { run, log, dir } = sarifOf(t, { 'clean.eml': rawMessage(), 'long.eml': messageWithLongLine() });
  assert.equal(run.status, 1);
  assertValidSarif(log);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  const { driver } = sarifRun.tool;
  assert.equal(driver.name, 'mail-preflight');
  assert.equal(driver.semanticVersion, pkg.version());
  const docs = pkg.rules('en');
  assert.deepEqual(driver.rules.map((r) => r.id), docs.map((r) => r.id));
  for (const [i, rule] of driver.rules.entries()) {
    assert.equal(rule.shortDescription.text, docs[i].summary);
    assert.equal(rule.fullDescription.text, docs[i].why);
    assert.equal(rule.help.text.split('\n\n').slice(0, 3).join('\n\n'), [docs[i].summary, docs[i].why, docs[i].fix].join('\n\n'));
    const level = { error: 'error', warning: 'warning', info: 'note' }[docs[i].defaultSeverity];
    assert.equal(rule.defaultConfiguration.level, level);
  }
  assert.deepEqual(sarifRun.artifacts.map((a) => a.location.uri), ['clean.eml', 'long.eml']);
  assert.equal(sarifRun.originalUriBaseIds.SRCROOT.uri, pathToFileURL(`${dir}/`).href);
  assert.equal(sarifRun.invocations[0].exitCode, 1);
  assert.equal(sarifRun.invocations[0].executionSuccessful, true);
});

test('results point at the file, line and column, with the byte region of the finding', (t) => {
  const message = messageWithLongLine();
  const { log } = sarifOf(t, { 'long.eml': message });
  const report = pkg.lint(message);
  const [result] = log.runs[0].results;
  const [finding] = report.findings;
  assert.equal(log.runs[0].results.length, report.findings.length);
  assert.equal(result.ruleId, finding.ruleId);
  assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, finding.ruleId);
  assert.equal(result.level, 'error');
  assert.equal(result.message.text, finding.message);
  const { physicalLocation } = result.locations[0];
  assert.equal(physicalLocation.artifactLocation.uri, 'long.eml');
  assert.equal(physicalLocation.artifactLocation.uriBaseId, 'SRCROOT');
  assert.equal(physicalLocation.region.startLine, finding.location.line);
  assert.equal(physicalLocation.region.startColumn, finding.location.column);
  assert.equal(physicalLocation.region.byteOffset, finding.location.start);
  assert.equal(physicalLocation.region.byteLength, finding.location.end - finding.location.start);
  const bytes = Buffer.from(message);
  assert.equal(bytes.subarray(physicalLocation.region.byteOffset, physicalLocation.region.byteOffset + 5).toString(),
    'xxxxx');
  assert.equal(result.properties.fix, finding.fix);
  assert.equal(result.properties.evidence, finding.evidence);
});

test('columns count code points while byteOffset counts UTF-8 bytes', (t) => {
  // A finding that starts mid-line after multi-byte characters needs a location
  // with a column > 1: use the byte range of the over-long line and check the
  // conversion on a line that starts after multi-byte text on earlier lines.
  const message = rawMessage({ subject: 'Zażółć gęślą jaźń', body: `ż${'x'.repeat(1000)}\r\n` });
  const { log } = sarifOf(t, { 'utf8.eml': message });
  assertValidSarif(log);
  const region = log.runs[0].results.find((r) => r.ruleId === 'size/line-length').locations[0].physicalLocation.region;
  const bytes = Buffer.from(message);
  assert.equal(bytes.subarray(region.byteOffset, region.byteOffset + 2).toString(), 'ż');
  assert.equal(region.startLine, message.slice(0, message.indexOf(`ż${'x'}`)).split('\n').length);
  assert.equal(region.startColumn, 1);
  // endColumn counts code points: 'ż' is 2 bytes but one column.
  if (region.endLine === region.startLine) {
    assert.equal(region.endColumn - region.startColumn, [...bytes.subarray(region.byteOffset,
      region.byteOffset + region.byteLength).toString()].length);
  }
});

test('messages and rule metadata are localized; rule ids are not', (t) => {
  const { log } = sarifOf(t, { 'long.eml': messageWithLongLine() }, ['--locale', 'fr']);
  assertValidSarif(log);
  const [run] = log.runs;
  assert.equal(run.language, 'fr');
  assert.equal(run.tool.driver.language, 'fr');
  const finding = pkg.lint(messageWithLongLine(), { locale: 'fr' }).findings[0];
  assert.equal(run.results[0].message.text, finding.message);
  assert.equal(run.results[0].ruleId, 'size/line-length');
  assert.equal(run.tool.driver.rules.find((r) => r.id === 'size/total').shortDescription.text,
    pkg.rules('fr').find((r) => r.id === 'size/total').summary);
});

test('info findings are notes; files that cannot be linted become notifications', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'wide.eml'), messageWithWideLine());
  const run = runCli(['lint', '--format', 'sarif', 'wide.eml', 'missing.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  const log = JSON.parse(run.stdout);
  assertValidSarif(log);
  assert.deepEqual(log.runs[0].results.map((r) => r.level), ['note']);
  const [invocation] = log.runs[0].invocations;
  assert.equal(invocation.executionSuccessful, false);
  assert.equal(invocation.toolExecutionNotifications[0].level, 'error');
  assert.match(invocation.toolExecutionNotifications[0].message.text, /missing\.eml/);
  assert.deepEqual(log.runs[0].artifacts.map((a) => a.location.uri), ['wide.eml', 'missing.eml'], 'in the order of the arguments');
  assert.equal(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.index, 1);
});

test('files outside the working directory get absolute file: URIs', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'a b.eml');
  writeFileSync(file, rawMessage());
  const run = runCli(['lint', '--format', 'sarif', file], { cwd: tempDir(t) });
  const log = JSON.parse(run.stdout);
  assertValidSarif(log);
  assert.equal(log.runs[0].artifacts[0].location.uri, pathToFileURL(file).href);
  assert.match(log.runs[0].artifacts[0].location.uri, /a%20b\.eml$/);
});

test('text coordinates: code-point columns and CR, LF, CRLF line ends (SARIF §3.30)', async () => {
  const { TextCoordinates } = requireDev(join(pkgDir, 'lib', 'coordinates.cjs'));
  const bytes = Buffer.from('aż€😀b\r\nsecond\rthird\nfourth');
  const at = (text) => new TextCoordinates(bytes).at(bytes.indexOf(Buffer.from(text)));
  assert.deepEqual(at('b'), { line: 1, column: 5 }, 'ż, € and 😀 are one column each (2, 3, 4 bytes)');
  assert.deepEqual(at('second'), { line: 2, column: 1 });
  assert.deepEqual(at('third'), { line: 3, column: 1 }, 'a bare CR ends a line in SARIF');
  assert.deepEqual(at('fourth'), { line: 4, column: 1 });
  assert.deepEqual(new TextCoordinates(bytes).at(bytes.length + 10), { line: 4, column: 7 }, 'clamped to the end');
});

test('the SARIF log of the whole public corpus is valid and has one artifact per message', (t) => {
  const corpus = join(repoRoot, '..', 'shared', 'corpus');
  if (!existsSync(corpus)) {
    t.skip(`NOTE: ${corpus} is absent (CI always has it)`);
    return;
  }
  const run = runCli(['lint', '--format', 'sarif', '**/*.eml', '**/*.mbox', '**/msg_*.txt'], { cwd: corpus });
  const log = JSON.parse(run.stdout);
  assertValidSarif(log);
  const [sarifRun] = log.runs;
  // A corpus file that is not a message at all (a digest's body alone) is refused
  // as such (exit 2) and reported as a notification; nothing else may fail.
  const notifications = sarifRun.invocations[0].toolExecutionNotifications || [];
  assert.ok(notifications.every((n) => n.descriptor.id === 'not-a-message'), JSON.stringify(notifications));
  assert.equal(run.status === 2, notifications.length > 0, run.stderr);
  assert.ok(sarifRun.artifacts.length > 100, `${sarifRun.artifacts.length} messages`);
  for (const result of sarifRun.results) {
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.equal(sarifRun.artifacts[artifactLocation.index].location.uri, artifactLocation.uri);
    if (region) {
      const length = sarifRun.artifacts[artifactLocation.index].length;
      assert.ok(region.byteOffset + region.byteLength <= length, `${artifactLocation.uri}: region inside the file`);
    }
  }
});

test('rules carry helpUri, help and tags; results carry partialFingerprints', (t) => {
  const { log } = sarifOf(t, { 'long.eml': messageWithLongLine(), 'wide.eml': messageWithWideLine() });
  assertValidSarif(log);
  const [run] = log.runs;
  const docs = new Map(pkg.rules('en').map((r) => [r.id, r]));
  assert.equal(run.tool.driver.rules.length, docs.size, 'every rule of the engine');
  for (const rule of run.tool.driver.rules) {
    const doc = docs.get(rule.id);
    assert.ok(doc, rule.id);
    assert.deepEqual(rule.properties.tags, ['email', rule.id.split('/')[0]]);
    // SARIF §3.49.13: the alert is useful without the link (summary, why and fix: the test above), thresholds too.
    for (const threshold of doc.thresholds || []) {
      assert.ok(rule.help.text.includes(`${threshold.option} = ${threshold.default}`), `${rule.id}: ${threshold.option}`);
      assert.ok(rule.help.markdown.includes(`\`${threshold.option}\``), `${rule.id}: ${threshold.option}`);
    }
    assert.ok(rule.help.markdown.startsWith('**'), rule.id);
  }
  for (const result of run.results) {
    const keys = Object.keys(result.partialFingerprints);
    assert.deepEqual(keys, ['mailPreflightFinding/v1']);
    assert.match(result.partialFingerprints[keys[0]], /^[0-9a-f]{32}:\d+$/);
  }
});

test('partialFingerprints survive lines added above a finding and tell equal findings apart', (t) => {
  const fingerprints = (message) => {
    const { log } = sarifOf(t, { 'm.eml': message });
    return log.runs[0].results.filter((r) => r.ruleId === 'size/line-length')
      .map((r) => Object.values(r.partialFingerprints)[0]);
  };
  const before = fingerprints(rawMessage({ body: `${'x'.repeat(1000)}\r\n` }));
  const after = fingerprints(rawMessage({ body: `New first line.\r\nAnother.\r\n${'x'.repeat(1000)}\r\n` }));
  assert.equal(before.length, 1);
  assert.deepEqual(after, before, 'the same finding two lines further down keeps its fingerprint');
  const twice = fingerprints(rawMessage({ body: `${'x'.repeat(1000)}\r\n${'x'.repeat(1000)}\r\n` }));
  assert.equal(new Set(twice).size, twice.length, 'two equal findings in one file have different fingerprints');
});

// helpUri lands on the rule's row of the package README (the npm page): an element
// whose id npm's and GitHub's renderers both write as `user-content-<a id>`.
test('every helpUri names an anchor of the rules table in the package README', (t) => {
  const { log } = sarifOf(t, { 'long.eml': messageWithLongLine() });
  const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
  const { name } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const docs = new Map(pkg.rules('en').map((r) => [r.id, r]));
  assert.equal(log.runs[0].tool.driver.informationUri, `https://www.npmjs.com/package/${name}`);
  const rows = readme.split('\n').filter((line) => line.startsWith('| <a id="rule-'));
  assert.equal(rows.length, docs.size, 'one row per rule of the engine, no more');
  for (const rule of log.runs[0].tool.driver.rules) {
    const url = new URL(rule.helpUri);
    assert.equal(`${url.origin}${url.pathname}`, `https://www.npmjs.com/package/${name}`, rule.helpUri);
    const id = url.hash.replace(/^#user-content-/, '');
    assert.match(id, /^rule-[a-z0-9-]+$/, rule.helpUri);
    const row = rows.filter((line) => line.startsWith(`| <a id="${id}"></a>\`${rule.id}\` |`));
    assert.equal(row.length, 1, `${rule.helpUri}: one row of the README has this anchor`);
    const cells = row[0].split(' | ');
    const doc = docs.get(rule.id);
    assert.equal(cells[1], doc.defaultSeverity);
    assert.equal(cells[2], doc.defaultScore ? String(doc.defaultScore) : '—');
    assert.ok(cells.slice(3).join(' | ').length > 10, `${rule.id}: a summary`);
  }
  // A summary's Markdown characters are shown, not interpreted (a `|` would split the row).
  assert.match(readme, /\(=\?charset\?B\\\|Q\?…\?=\)/);
  assert.match(readme, /&lt;id@domain&gt;/);
});

test('the options\' own rules are in tool.driver.rules, and their results point at them', (t) => {
  const casino = `${rawMessage().replace(/\r?\n\r?\n[\s\S]*$/, '')}\r\n\r\nWin at the casino tonight.\r\n`;
  const config = {
    locale: 'fr',
    customRules: [{
      id: 'acme/casino', target: 'body', pattern: '(?i)casino', severity: 'error', score: 1,
      message: { en: 'Casino: {match}', fr: 'Casino : {match}' },
    }],
  };
  const files = {
    'casino.eml': casino,
    'cfg.json': JSON.stringify(config),
    'rules.cf': 'body __SUB /x/\nbody TONIGHT /tonight/i\ndescribe TONIGHT Talks of tonight\nscore TONIGHT 0.5\nbody SILENT /y/\nscore SILENT 0\n',
  };
  const dir = tempDir(t);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const run = runCli(['lint', '--format', 'sarif', '-c', 'cfg.json', '--sa-rules', 'rules.cf', 'casino.eml'], { cwd: dir });
  const log = JSON.parse(run.stdout);
  assertValidSarif(log);
  const { rules } = log.runs[0].tool.driver;
  const own = rules.filter((r) => r.properties.group !== undefined && ['custom', 'spamassassin'].includes(r.properties.group));
  assert.deepEqual(own.map((r) => [r.id, r.defaultConfiguration.level, r.shortDescription.text, r.properties.defaultScore]), [
    ['acme/casino', 'error', 'Casino : {match}', 1],
    ['sa/TONIGHT', 'warning', 'Talks of tonight', 0.5],
  ]);
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'one descriptor per id');
  // The engine's general fix, in the run's language, when the rule has none.
  assert.match(own[0].help.text, /^Casino : \{match\}\n\n\S/);
  for (const id of ['acme/casino', 'sa/TONIGHT']) {
    const result = log.runs[0].results.find((r) => r.ruleId === id);
    assert.ok(result, `a result of ${id}`);
    assert.equal(rules[result.ruleIndex].id, id);
  }
});
