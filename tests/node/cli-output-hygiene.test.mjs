// Terminal and CI-log injection through the CLI (#13), in every output format:
// a message whose header name holds OSC 52, whose subject erases the line, whose
// ZIP attachment has an entry named to forge a GitHub annotation, in a file whose
// own name holds an escape. Nothing of it may reach stdout as a control
// character, and in the github format no line may be an annotation the run did
// not write. The simulation and SMTP explanation texts likewise.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { runCli, tempDir, rawMessage, zipArchive, windowsExecutable } from './helpers.mjs';

const OSC_52 = '\u001b]52;c;ZXZpbA==\u0007';
const ERASE_LINE = '\u001b[2K\r';
const FORGED = 'a\n::error file=x::ok';
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

function hostileMessage() {
  const zip = zipArchive({ [`${FORGED}.exe`]: windowsExecutable(), 'invoice\u202efdp.exe': windowsExecutable() });
  const base64 = zip.toString('base64').replace(/.{76}/g, '$&\r\n');
  return rawMessage({
    subject: `FREE ${ERASE_LINE}MONEY NOW`,
    headers: [`X-${OSC_52}Bad: value`, 'Content-Type: multipart/mixed; boundary="b"'],
    body: ['--b', 'Content-Type: text/plain', '', 'Hello', '--b',
      'Content-Type: application/zip; name="docs.zip"', 'Content-Transfer-Encoding: base64', '', base64, '--b--', ''].join('\r\n'),
  }).replace('Content-Type: text/plain; charset=utf-8\r\n', '');
}

/** The hostile message in a file whose own name erases the line. */
function hostileFile(t) {
  const dir = tempDir(t);
  const name = `evil${ERASE_LINE}.eml`;
  writeFileSync(join(dir, name), hostileMessage());
  return { dir, name };
}

for (const format of ['text', 'github', 'junit']) {
  test(`${format} output shows every control character of the message and its file name visibly`, (t) => {
    const { dir, name } = hostileFile(t);
    const run = runCli(['lint', '--no-color', '--format', format, name], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    const bad = run.stdout.split('\n').find((line) => UNSAFE.test(line.replace(/\r$/, '')));
    assert.equal(bad, undefined, `a raw control character reached stdout: ${JSON.stringify(bad)}`);
    assert.match(run.stdout, /a\u240a::error file=x::ok/, 'the archive path is shown, on one line');
    assert.match(run.stdout, /\u241b\]52/, 'the header name is shown, its ESC visible');
  });
}

test('github output: every annotation line is one the run wrote, for the linted file', (t) => {
  const { dir } = hostileFile(t);
  const run = runCli(['lint', '--format', 'github', '.'], { cwd: dir });
  const annotations = run.stdout.split('\n').filter((line) => /^::/.test(line));
  assert.ok(annotations.length > 0);
  for (const line of annotations) assert.match(line, /^::(error|warning|notice) file=evil\u241b\[2K\u240d\.eml[,:]/, line);
});

test('json and sarif outputs hold no control character in any string taken from the message', (t) => {
  const { dir, name } = hostileFile(t);
  for (const format of ['json', 'sarif']) {
    const run = runCli(['lint', '--format', format, name], { cwd: dir });
    const strings = [];
    const walk = (value) => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(JSON.parse(run.stdout));
    // The file name is the caller's own, kept as given in machine formats; everything else is clean.
    const unsafe = strings.filter((s) => UNSAFE.test(s) && !s.includes(name));
    assert.deepEqual(unsafe, [], `${format}: raw control characters in ${JSON.stringify(unsafe)}`);
  }
});

test('simulate and explain in text show the texts they echo visibly', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify({
    domain: `shop${OSC_52}.example`,
    streams: [
      { name: `bot${ERASE_LINE}`, start: 0, duration: 600, count: 500, verdict: 'spam', bounceShare: 0.3, recipientDomain: `v${OSC_52}.example` },
      { name: 'log', log: `time,to,status\n2026-03-02 10:00,a${OSC_52}@b.example,550 5.1.1 ${OSC_52}gone\n` },
    ],
  }));
  const simulate = runCli(['simulate', '--format', 'text', 'scenario.json'], { cwd: dir });
  assert.ok(simulate.stdout.length > 0, simulate.stderr);
  const explain = runCli(['explain', `550 5.7.1 ${OSC_52}rejected`]);
  for (const [what, out] of [['simulate', simulate.stdout], ['explain', explain.stdout]]) {
    const bad = out.split('\n').find((line) => UNSAFE.test(line));
    assert.equal(bad, undefined, `${what}: ${JSON.stringify(bad)}`);
  }
  const invalid = runCli(['simulate', 'bad.json'], { cwd: dir, input: '' });
  assert.equal(invalid.status, 2);
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ [`x${OSC_52}`]: 1 }));
  const refused = runCli(['simulate', 'bad.json'], { cwd: dir });
  assert.equal(refused.status, 2);
  assert.doesNotMatch(refused.stderr, UNSAFE, 'the error quoting the unknown field shows it visibly');
});
