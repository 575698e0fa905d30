// The CLI's CI formats, read the way their consumers read them: GitHub Actions
// workflow commands as the runner parses a log line (actions/runner
// ActionCommand.TryParseV2: a line starting with `::`, the command name up to a
// space or `::`, comma-separated `key=value` properties, then the data; %0D,
// %0A, %25 unescaped in data, and %3A, %2C too in properties), JUnit XML as an
// XML parser reads it (Python's ElementTree when python3 is installed), jsonl
// line by line, and --quiet.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import test from 'node:test';
import {
  pkg, pkgDir, runCli, tempDir, rawMessage, messageWithLongLine, messageWithWideLine, zipArchive, windowsExecutable,
} from './helpers.mjs';

function files(t, entries) {
  const dir = tempDir(t);
  for (const [name, content] of Object.entries(entries)) writeFileSync(join(dir, name), content);
  return dir;
}

const unescapeData = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** The workflow commands GitHub's runner finds in a log, one per line starting with `::`. */
function workflowCommands(log) {
  const commands = [];
  for (const line of log.split('\n')) {
    if (!line.startsWith('::')) continue;
    const end = line.indexOf('::', 2);
    if (end < 0) continue;
    const info = line.slice(2, end);
    const space = info.indexOf(' ');
    const name = space < 0 ? info : info.slice(0, space);
    const properties = {};
    if (space > 0) {
      for (const pair of info.slice(space + 1).trim().split(',').filter(Boolean)) {
        const eq = pair.indexOf('=');
        properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
      }
    }
    commands.push({ name, properties, data: unescapeData(line.slice(end + 2)) });
  }
  return commands;
}

test('--format github writes one workflow command per finding: file, line, col, title, message', (t) => {
  const dir = files(t, { 'long.eml': messageWithLongLine(), 'wide.eml': messageWithWideLine() });
  const run = runCli(['lint', '--format', 'github', 'long.eml', 'wide.eml'], { cwd: dir });
  assert.equal(run.status, 1);
  const commands = workflowCommands(run.stdout);
  const expected = [...pkg.lint(messageWithLongLine()).findings.map((f) => ['long.eml', f]),
    ...pkg.lint(messageWithWideLine()).findings.map((f) => ['wide.eml', f])];
  assert.equal(commands.length, expected.length);
  assert.equal(run.stdout.trim().split('\n').length, expected.length, 'nothing else on stdout');
  commands.forEach((command, i) => {
    const [file, finding] = expected[i];
    assert.equal(command.name, { error: 'error', warning: 'warning', info: 'notice' }[finding.severity]);
    assert.equal(command.properties.file, file);
    assert.equal(Number(command.properties.line), finding.location.line);
    assert.equal(Number(command.properties.col), finding.location.column);
    assert.equal(command.properties.title, finding.ruleId);
    assert.ok(command.data.startsWith(finding.message), command.data);
  });
});

test('--format github: a ZIP entry named "a\\n::error file=x::ok" cannot forge an annotation', (t) => {
  const archive = zipArchive({ 'a\n::error file=x::ok.exe': windowsExecutable() });
  const { source } = pkg.lint({ from: 'a@example.com', to: 'b@example.com', subject: 'Tools', text: 'See attached.',
    attachments: [{ filename: 'tools.zip', content: archive }] });
  const dir = files(t, { 'tools.eml': source });
  const run = runCli(['lint', '--format', 'github', 'tools.eml'], { cwd: dir });
  const commands = workflowCommands(run.stdout);
  assert.ok(commands.length > 0);
  assert.ok(commands.every((c) => c.properties.file === 'tools.eml'), JSON.stringify(commands, null, 1));
  assert.ok(!run.stdout.split('\n').some((line) => line.startsWith('::error file=x::')), run.stdout);
  assert.ok(commands.every((c) => !c.data.includes('\n')), 'no command data holds a line break');
});

test('--format github escapes % and , in file names and reports files that cannot be linted', (t) => {
  const dir = files(t, { '100%,done.eml': messageWithLongLine() });
  const run = runCli(['lint', '--format', 'github', '100%,done.eml', 'missing.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  const commands = workflowCommands(run.stdout);
  assert.deepEqual(commands.map((c) => c.properties.file), ['100%,done.eml', 'missing.eml'], 'in the order of the arguments');
  assert.equal(commands[1].name, 'error');
});

test('a path longer than a header name\'s cap (a deep monorepo fixture) is written whole: github, junit, text', (t) => {
  // GitHub attaches an annotation to the file its `file` names, and a JUnit reader groups
  // by the suite's name: a path cut at 200 characters with an ellipsis names no file.
  const dir = tempDir(t);
  const deep = Array.from({ length: 24 }, (_, i) => `fixtures-level-${i}`).join('/');
  mkdirSync(join(dir, deep), { recursive: true });
  const file = `${deep}/message.eml`;
  assert.ok(file.length > 400, `${file.length} characters`);
  writeFileSync(join(dir, file), messageWithLongLine());
  const github = runCli(['lint', '--format', 'github', file], { cwd: dir });
  assert.equal(github.status, 1);
  const commands = workflowCommands(github.stdout);
  assert.ok(commands.length > 0);
  for (const command of commands) assert.equal(command.properties.file, file);
  const junit = runCli(['lint', '--format', 'junit', file], { cwd: dir });
  assert.ok(junit.stdout.includes(`<testsuite name="${file}"`), 'the suite is named by the whole path');
  assert.ok(junit.stdout.includes(`classname="${file}"`), 'its cases too');
  const text = runCli(['lint', '--no-color', file], { cwd: dir });
  assert.ok(text.stdout.startsWith(`${file}  fail`), text.stdout.slice(0, 600));
});

/** Parses XML with Python's ElementTree: `{ tag, attrib, children }`, or a skip reason. */
function parseXml(xml) {
  const script = `import sys, json, xml.etree.ElementTree as ET
def walk(e): return {"tag": e.tag, "attrib": e.attrib, "text": e.text or "", "children": [walk(c) for c in e]}
print(json.dumps(walk(ET.fromstring(sys.stdin.buffer.read()))))`;
  const run = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
  if (run.error) return { skip: 'python3 is not installed: the XML is not parsed' };
  assert.equal(run.status, 0, `not well-formed XML: ${run.stderr}`);
  return { tree: JSON.parse(run.stdout) };
}

test('--format junit: one testsuite per file, a failure per error or warning, an error for an unreadable file', (t) => {
  const dir = files(t, { 'clean.eml': rawMessage(), 'long.eml': messageWithLongLine() });
  const warned = JSON.stringify({ rules: { 'size/line-length': 'warning' } });
  writeFileSync(join(dir, 'warn.json'), warned);
  const run = runCli(['lint', '--format', 'junit', 'clean.eml', 'long.eml', 'missing.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites/);
  const { tree, skip } = parseXml(run.stdout);
  if (skip) {
    t.diagnostic(skip);
    return;
  }
  assert.equal(tree.tag, 'testsuites');
  const suites = tree.children;
  assert.deepEqual(suites.map((s) => s.attrib.name), ['clean.eml', 'long.eml', 'missing.eml'], 'in the order of the arguments');
  assert.equal(suites[2].attrib.errors, '1');
  assert.equal(suites[2].children[0].children[0].tag, 'error');
  assert.equal(suites[0].attrib.failures, '0');
  assert.equal(suites[0].children.length, 1, 'a file without findings is one passing case');
  const long = pkg.lint(messageWithLongLine());
  const counted = long.findings.filter((f) => f.severity !== 'info');
  assert.equal(suites[1].attrib.failures, String(counted.length));
  const failures = suites[1].children.flatMap((c) => c.children.filter((x) => x.tag === 'failure'));
  assert.deepEqual(failures.map((f) => f.attrib.message), counted.map((f) => f.message));
});

test('--format junit keeps XML well-formed whatever the message holds (controls made visible, escaped)', (t) => {
  const message = rawMessage({ subject: 'A <b>&"\'\u0007 subject', headers: [`X-\u001b]52;c;ZXZpbA==\u0007Bad: v`] });
  const dir = files(t, { 'odd.eml': message });
  const run = runCli(['lint', '--format', 'junit', 'odd.eml'], { cwd: dir });
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(run.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, 'no control character reaches the XML');
  const { skip } = parseXml(run.stdout);
  if (skip) t.diagnostic(skip);
});

test('--format jsonl prints exactly one JSON object per line, file by file', (t) => {
  const dir = files(t, { 'a.eml': rawMessage(), 'b.eml': messageWithLongLine() });
  const run = runCli(['lint', '--format', 'jsonl', 'a.eml', 'b.eml'], { cwd: dir });
  const lines = run.stdout.split('\n').filter(Boolean);
  assert.equal(lines.length, 2);
  assert.deepEqual(lines.map((l) => JSON.parse(l).file), ['a.eml', 'b.eml']);
  assert.ok(run.stdout.endsWith('\n'));
});

test('--quiet shows error findings only; counts and the exit code are those of every finding', (t) => {
  const dir = files(t, { 'wide.eml': messageWithWideLine(), 'long.eml': messageWithLongLine() });
  const quiet = runCli(['lint', '--format', 'json', '--quiet', 'wide.eml', 'long.eml'], { cwd: dir });
  const loud = runCli(['lint', '--format', 'json', 'wide.eml', 'long.eml'], { cwd: dir });
  assert.equal(quiet.status, loud.status);
  const [wide, long] = JSON.parse(quiet.stdout);
  assert.deepEqual(wide.findings, [], 'the info finding is not shown');
  assert.deepEqual(wide.counts, JSON.parse(loud.stdout)[0].counts);
  assert.ok(long.findings.length > 0 && long.findings.every((f) => f.severity === 'error'));
  const text = runCli(['lint', '-q', 'wide.eml'], { cwd: dir });
  assert.doesNotMatch(text.stdout, /\binfo\s+size\/line-length/);
});

test('an unknown --format is a usage error that names the formats', (t) => {
  const dir = files(t, { 'a.eml': rawMessage() });
  const run = runCli(['lint', '--format', 'xml', 'a.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /text, json, jsonl, sarif, github, junit/);
});

test('--format junit: U+FFFE, U+FFFF and lone surrogates (not XML 1.0 characters, §2.2) are made visible, in texts and file names', (t) => {
  const subject = `=?utf-8?b?${Buffer.from('FREE \ufffe NOW \uffff').toString('base64')}?=`;
  const name = 'odd\uffff.eml';
  const dir = files(t, { [name]: rawMessage({ subject: `${subject} ${'x'.repeat(1000)}` }) });
  const run = runCli(['lint', '--format', 'junit', name], { cwd: dir });
  assert.doesNotMatch(run.stdout, /[\ufffe\uffff]/u);
  assert.match(run.stdout, /odd&lt;U\+FFFF&gt;\.eml/);
  const { skip } = parseXml(run.stdout);
  if (skip) t.diagnostic(skip);
  const { visible } = createRequire(import.meta.url)(join(pkgDir, 'lib', 'sanitize.cjs'));
  assert.equal(visible('a\ud800b\udc00c\ud83d\ude00'), 'a<U+D800>b<U+DC00>c\ud83d\ude00', 'a pair is one character, kept');
});

test('a file named several ways (./a.eml, a.eml, its absolute path) is linted once, under the first name; a link is a name of its own', (t) => {
  const dir = files(t, { 'a.eml': messageWithLongLine() });
  symlinkSync(join(dir, 'a.eml'), join(dir, 'link.eml'));
  const run = runCli(['lint', '--format', 'jsonl', './a.eml', 'a.eml', join(dir, 'a.eml'), 'link.eml', './/a.eml'], { cwd: dir });
  assert.deepEqual(run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line).file), ['./a.eml', 'link.eml']);
  const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', 'a.eml', './a.eml'], { cwd: dir }).stdout);
  assert.equal(sarif.runs[0].artifacts.length, 1, 'artifacts are unique (SARIF 2.1.0 schema)');
});

test('--format text in French: severities in French, the summary joined with " ; " (French spacing)', (t) => {
  const dir = files(t, { 'long.eml': messageWithLongLine(), 'missing-date.eml': rawMessage({ subject: 'Your ORDER IS READY for pickup' }) });
  const run = runCli(['lint', '--locale', 'fr', '--no-color', 'long.eml', 'missing-date.eml'], { cwd: dir });
  assert.match(run.stdout, /^ {2}\S+ +erreur +size\/line-length/m);
  assert.match(run.stdout, /^ {2}\S+ +avertissement +spam\/subject-caps/m);
  assert.doesNotMatch(run.stdout, /\b(error|warning)\b/);
  assert.match(run.stdout, /fichiers vérifiés : 2 ; .* ; fichiers qui seraient refusés ou bloqués : 1/);
});

test('arguments that name nothing are listed where they were given, among the files, in json, jsonl, junit and sarif', (t) => {
  // They were all listed first, before every file.
  const dir = files(t, { 'a.eml': rawMessage(), 'b.eml': messageWithLongLine() });
  mkdirSync(join(dir, 'empty'));
  const args = ['a.eml', 'nope.eml', 'b.eml', 'no-*.eml', 'empty'];
  const json = JSON.parse(runCli(['lint', '--format', 'json', ...args], { cwd: dir }).stdout);
  assert.deepEqual(json.map((e) => [e.file, Boolean(e.error)]),
    [['a.eml', false], ['nope.eml', true], ['b.eml', false], ['no-*.eml', true], ['empty', true]]);
  const lines = runCli(['lint', '--format', 'jsonl', 'nope.eml', 'a.eml', 'no-*.eml'], { cwd: dir }).stdout.trim().split('\n');
  assert.deepEqual(lines.map((line) => JSON.parse(line).file), ['nope.eml', 'a.eml', 'no-*.eml']);
  const junit = runCli(['lint', '--format', 'junit', ...args], { cwd: dir }).stdout;
  assert.deepEqual([...junit.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1]), args);
  const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', ...args], { cwd: dir }).stdout);
  assert.deepEqual(sarif.runs[0].artifacts.map((a) => a.location.uri), args);
  // A file named by two arguments is linted once, at its first; a problem after it stays after it.
  const twice = JSON.parse(runCli(['lint', '--format', 'json', 'a.eml', './a.eml', 'nope.eml', 'b.eml'], { cwd: dir }).stdout);
  assert.deepEqual(twice.map((e) => e.file), ['a.eml', 'nope.eml', 'b.eml']);
});

test('--format junit: several findings of one rule at one position get unique, stable names (#2, #3…)', (t) => {
  // A message without From, Date, Message-ID…: one headers/missing-field finding each, all at 1:1;
  // their cases had the same name, which CI tools merge or count once.
  const bare = 'Subject: hello\r\n\r\nHello.\r\n';
  const missing = pkg.lint(bare).findings.filter((f) => f.ruleId === 'headers/missing-field');
  assert.ok(missing.length >= 2, 'the message gives several headers/missing-field findings');
  assert.ok(missing.every((f) => f.location.line === 1 && (f.location.column || 1) === 1));
  const dir = files(t, { 'bare.eml': bare });
  const names = (stdout) => [...stdout.matchAll(/<testcase classname="bare\.eml" name="([^"]*)"/g)].map((m) => m[1]);
  const first = names(runCli(['lint', '--format', 'junit', 'bare.eml'], { cwd: dir }).stdout);
  assert.equal(new Set(first).size, first.length, `unique: ${first.join(', ')}`);
  const ofRule = first.filter((name) => name.startsWith('headers/missing-field 1:1'));
  assert.deepEqual(ofRule, missing.map((_, i) => (i === 0 ? 'headers/missing-field 1:1' : `headers/missing-field 1:1 #${i + 1}`)));
  assert.deepEqual(names(runCli(['lint', '--format', 'junit', 'bare.eml'], { cwd: dir }).stdout), first, 'the same names in every run');
});
