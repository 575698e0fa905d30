// The CLI reading untrusted trees and messages: a symbolic link in a walked
// directory is followed only to a file inside it; message-derived text reaches
// the terminal with its control characters made visible and its length capped;
// after the engine traps, that file gets a coded `internal` error and the next
// file is linted correctly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, runCli, tempDir, rawMessage, messageWithLongLine } from './helpers.mjs';

test('a symbolic link to a file outside the walked tree is skipped and reported, never read', (t) => {
  const outside = tempDir(t);
  writeFileSync(join(outside, 'secret.eml'), messageWithLongLine());
  const dir = tempDir(t);
  mkdirSync(join(dir, 'mail'));
  writeFileSync(join(dir, 'mail', 'real.eml'), rawMessage());
  symlinkSync(join(outside, 'secret.eml'), join(dir, 'mail', 'x.eml'));
  symlinkSync('/proc/self/environ', join(dir, 'mail', 'env.eml'));
  symlinkSync('real.eml', join(dir, 'mail', 'alias.eml'));
  for (const args of [['mail'], ['mail/*.eml']]) {
    const run = runCli(['lint', '--format', 'jsonl', ...args], { cwd: dir });
    const linted = run.stdout.trim().split('\n').map((line) => JSON.parse(line).file);
    assert.deepEqual(linted, ['mail/alias.eml', 'mail/real.eml'], `${args}: a link inside the tree is followed`);
    assert.match(run.stderr, /mail\/x\.eml skipped: a symbolic link to a file outside/);
    assert.match(run.stderr, /mail\/env\.eml skipped/);
    assert.equal(run.status, 0);
  }
  const named = runCli(['lint', '--format', 'jsonl', 'mail/x.eml'], { cwd: dir });
  assert.equal(JSON.parse(named.stdout).file, 'mail/x.eml', 'a file named on the command line is read: the user chose it');
});

// A dangling link or a loop of links in a walked tree had been skipped without a word, where a
// link outside the tree is named: the user could not tell a message was left unlinted.
test('a symbolic link in a walked tree that leads to no file (dangling, a loop) is skipped and said, in the chosen language', (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'mail'));
  writeFileSync(join(dir, 'mail', 'real.eml'), rawMessage());
  symlinkSync('gone.eml', join(dir, 'mail', 'dangling.eml'));
  symlinkSync('loop-b.eml', join(dir, 'mail', 'loop-a.eml'));
  symlinkSync('loop-a.eml', join(dir, 'mail', 'loop-b.eml'));
  symlinkSync('missing.json', join(dir, 'mail', 'notes.json'));
  for (const args of [['mail'], ['mail/*.eml'], ['mail', 'mail/*.eml']]) {
    const run = runCli(['lint', '--format', 'jsonl', ...args], { cwd: dir });
    assert.deepEqual(run.stdout.trim().split('\n').map((line) => JSON.parse(line).file), ['mail/real.eml'], String(args));
    const said = run.stderr.split('\n').filter((line) => /leads to no file/.test(line));
    assert.deepEqual(said, [
      'mail-preflight: mail/dangling.eml skipped: a symbolic link that leads to no file: no such file or directory',
      'mail-preflight: mail/loop-a.eml skipped: a symbolic link that leads to no file: a loop of symbolic links (following them leads back to where they start)',
      'mail-preflight: mail/loop-b.eml skipped: a symbolic link that leads to no file: a loop of symbolic links (following them leads back to where they start)',
    ], `${args}: each said once; notes.json is no message file`);
    assert.equal(run.status, 0, 'a skipped link is said, not an error (as a link outside the tree)');
  }
  const fr = runCli(['lint', '--locale', 'fr', 'mail'], { cwd: dir });
  assert.match(fr.stderr, /mail\/dangling\.eml ignoré : un lien symbolique qui ne mène à aucun fichier : fichier ou dossier introuvable/);
});

test('a special file named on the command line is refused, not read until memory runs out', (t) => {
  const dir = tempDir(t);
  const fifo = spawnSync('mkfifo', [join(dir, 'pipe.eml')]);
  const specials = ['/dev/zero', ...(fifo.status === 0 ? ['pipe.eml'] : [])];
  const run = runCli(['lint', '--format', 'jsonl', ...specials], { cwd: dir });
  assert.equal(run.status, 2);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, specials.length, 'a FIFO is refused without waiting for a writer');
  const [line] = lines;
  assert.equal(line.error.code, 'io');
  assert.match(line.error.message, /not a regular file/);
  assert.doesNotMatch(run.stderr + run.stdout, /ENOMEM|heap/);
});

test('text output shows control characters of the message visibly: no escape sequence reaches the terminal', (t) => {
  // OSC 52 (write the clipboard) in a header name, and ESC [2K + CR (erase the line) in the subject.
  const message = rawMessage({ subject: 'Hi\u001b[2K\rforged', headers: ['X-\u001b]52;c;ZXZpbA==\u0007Bad: value', 'X-Bidi: \u202eevil'] });
  const dir = tempDir(t);
  writeFileSync(join(dir, 'hostile.eml'), message);
  const report = pkg.lint(message);
  assert.ok(report.findings.length > 0, 'the message has findings to print');
  const run = runCli(['lint', '--no-color', 'hostile.eml'], { cwd: dir });
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(run.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  assert.match(run.stdout, /\u241b/, 'ESC shown as ␛');
});

test('every message-derived field is capped in the text output', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'long.eml'), rawMessage({ body: `${'x'.repeat(20_000)}\r\n` }));
  const run = runCli(['lint', '--no-color', 'long.eml'], { cwd: dir });
  const longest = Math.max(...run.stdout.split('\n').map((line) => [...line].length));
  assert.ok(longest < 1_000, `longest line ${longest} characters`);
});

test('a trap in the engine: that file gets code internal, the next file is linted correctly', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a.eml'), messageWithLongLine());
  writeFileSync(join(dir, 'b.eml'), messageWithLongLine());
  // The CLI in process, --jobs 1, after the engine's memory is overwritten: its
  // next call traps (a real RuntimeError from the wasm), as a corrupted instance would.
  const script = `
    const { main } = require(${JSON.stringify(join(pkgDir, 'lib', 'cli.cjs'))});
    const { sharedEngine } = require(${JSON.stringify(join(pkgDir, 'lib', 'engine.cjs'))});
    let out = '';
    const io = { stdout: (s) => { out += s; }, stderr: () => {}, readStdin: () => Buffer.alloc(0), env: {}, cwd: process.cwd(), stdoutIsTTY: false };
    const memory = sharedEngine().memory();
    // The jsonl output lints through lintJson (the report as JSON text).
    const lint = sharedEngine().lintJson.bind(sharedEngine());
    let corrupted = false;
    sharedEngine().lintJson = (input, options) => {
      if (Buffer.isBuffer(input) && !corrupted) {
        corrupted = true;
        new Uint8Array(memory.buffer).fill(0xff);
      }
      return lint(input, options);
    };
    main(['lint', '--format', 'jsonl', '--jobs', '1', 'a.eml', 'b.eml'], io).then((code) => console.log(JSON.stringify({ code, out })));`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { code, out } = JSON.parse(run.stdout);
  const [a, b] = out.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(a.error.code, 'internal');
  assert.match(a.error.message, /restarted/);
  assert.deepEqual(b, { file: 'b.eml', ...pkg.lint(messageWithLongLine()) });
  assert.equal(code, 2, 'a file that could not be linted exits 2');
});

test('simulate, -c and --sa-rules read only regular files, bounded: a device is refused, not read until memory runs out', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'message.eml'), rawMessage());
  const notAFile = pkg.renderMessage('cli.error.not-a-file', {}, 'fr');
  for (const args of [['simulate', '-l', 'fr', '/dev/zero'], ['lint', '-l', 'fr', '-c', '/dev/zero', 'message.eml'],
    ['lint', '-l', 'fr', '--sa-rules', '/dev/zero', 'message.eml']]) {
    const run = spawnSync(process.execPath, ['--max-old-space-size=256', join(pkgDir, 'bin', 'mail-preflight.cjs'), ...args],
      { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.error, undefined, `${args.join(' ')}: ended by itself`);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.ok(run.stderr.includes(notAFile), `${args.join(' ')}: ${run.stderr}`);
  }
});

test('a directory where a file is read (simulate, -c, --sa-rules) is refused as a directory, in every language', (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'message.eml'), rawMessage());
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    const directory = pkg.renderMessage('cli.error.is-a-directory', {}, locale);
    const notAFile = pkg.renderMessage('cli.error.not-a-file', {}, locale);
    for (const args of [['simulate', 'folder'], ['lint', '-c', 'folder', 'message.eml'], ['lint', '--sa-rules', 'folder', 'message.eml']]) {
      const run = runCli([...args, '-l', locale], { cwd: dir });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.ok(run.stderr.includes(directory), `${locale} ${args.join(' ')}: ${run.stderr}`);
      assert.ok(!run.stderr.includes(notAFile), `${locale} ${args.join(' ')}: not called a device, pipe or socket`);
    }
  }
  assert.match(runCli(['simulate', 'folder'], { cwd: dir }).stderr,
    /^mail-preflight: folder: cannot read the file \(a directory, not a file\)$/m);
});

test('--sa-rules past the 4 MB of rule text the engine takes: refused unread, naming the file and the limit', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'message.eml'), rawMessage());
  writeFileSync(join(dir, 'big.cf'), '#'.repeat(4_000_001));
  const run = runCli(['lint', '-l', 'es', '--sa-rules', 'big.cf', 'message.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.ok(run.stderr.includes(pkg.renderMessage('cli.error.sa-rules-too-large',
    { file: 'big.cf', size: { megabytes: 4_000_001 }, limit: { megabytes: 4_000_000 } }, 'es')), run.stderr);
  assert.doesNotMatch(run.stderr, /EINVAL/);
});

test('a config file as large as the options the API takes (1 MB of rules of your own) is read', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'message.eml'), rawMessage());
  const customRules = Array.from({ length: 100 }, (_, i) => ({ id: `acme/r${i}`, target: 'body', pattern: `w${i}${'w'.repeat(10_500)}` }));
  writeFileSync(join(dir, 'big.json'), JSON.stringify({ customRules }));
  const run = runCli(['lint', '-c', 'big.json', 'message.eml'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
});

test('a reader that stops early (lint … | head) leaves the exit code of the run: 1 when a message has an error', (t) => {
  const dir = tempDir(t);
  const files = [];
  for (let i = 0; i < 40; i++) {
    files.push(join(dir, `m${i}.eml`));
    writeFileSync(files[i], messageWithLongLine());
  }
  const command = [process.execPath, join(pkgDir, 'bin', 'mail-preflight.cjs'), 'lint', '--no-color', ...files]
    .map((word) => `'${word}'`).join(' ');
  const run = spawnSync('bash', ['-c', `${command} 2>/dev/null | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
  assert.equal(run.stdout.trim(), '1', run.stderr);
});

test('config files: a UTF-8 byte order mark is read, deep nesting is too-deep with its limit, a symbolic link loop is named as one', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'm.eml'), rawMessage());
  writeFileSync(join(dir, 'bom.json'), '\uFEFF{"locale":"fr"}');
  const bom = runCli(['lint', '--config', 'bom.json', '--format', 'json', 'm.eml'], { cwd: dir });
  assert.ok(bom.status === 0 || bom.status === 1, bom.stderr);
  assert.equal(JSON.parse(bom.stdout)[0].locale, 'fr');
  writeFileSync(join(dir, 'deep.json'), `{"rules":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  const deep = runCli(['lint', '--config', 'deep.json', '--locale', 'pl', 'm.eml'], { cwd: dir });
  assert.equal(deep.status, 2);
  assert.match(deep.stderr, /deep\.json ma ponad 128 poziomów zagnieżdżenia/);
  symlinkSync('loop-b.eml', join(dir, 'loop-a.eml'));
  symlinkSync('loop-a.eml', join(dir, 'loop-b.eml'));
  const loop = runCli(['lint', 'loop-a.eml'], { cwd: dir });
  assert.match(loop.stderr, /loop-a\.eml: a loop of symbolic links/);
  assert.doesNotMatch(loop.stderr, /no such file/);
  const config = runCli(['lint', '--config', 'loop-a.eml', 'm.eml'], { cwd: dir });
  assert.match(config.stderr, /a loop of symbolic links/);
});

test('a binary --sa-rules file is refused as not text, not as too long', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'm.eml'), rawMessage());
  const binary = Buffer.alloc(3_900_000);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 131) % 256;
  writeFileSync(join(dir, 'bin.cf'), binary);
  const run = runCli(['lint', '--sa-rules', 'bin.cf', '--locale', 'es', 'm.eml'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /bin\.cf no es un archivo de texto \(contiene bytes NUL\)/);
  assert.doesNotMatch(run.stderr, /bytes;|7\.07/);
});

// Linux names are bytes: a Latin-1 name (an old archive's `café.eml`) is not UTF-8. The walk
// read names as text, lossily (U+FFFD), and the file was then "no such file or directory";
// a link so named "led to no file". Such paths are now kept as bytes and read by them.
test('files and links whose names are not UTF-8 are linted, each once, in a walked tree', (t) => {
  const dir = tempDir(t);
  const bytes = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  writeFileSync(bytes(mail, '/caf', [0xe9], '.eml'), rawMessage());
  // Two names that differ only in bytes that are not UTF-8: shown alike, still two files.
  writeFileSync(bytes(mail, '/caf', [0xe8], '.eml'), messageWithLongLine());
  mkdirSync(bytes(mail, '/', [0xff], 'dir'));
  writeFileSync(bytes(mail, '/', [0xff], 'dir/inner.eml'), rawMessage());
  symlinkSync(bytes('caf', [0xe9], '.eml'), bytes(mail, '/l', [0xe9], 'nk.eml'));
  for (const jobs of ['1', '2']) {
    for (const argument of [mail, `${mail}/**/*.eml`]) {
      const { status, stdout, stderr } = runCli(['lint', '--format', 'json', '--jobs', jobs, argument]);
      const results = JSON.parse(stdout);
      assert.deepEqual(results.filter((r) => r.error), [], stderr);
      assert.equal(results.length, 4, stdout);
      assert.deepEqual(results.map((r) => r.file.slice(mail.length + 1)).sort(),
        ['caf\uFFFD.eml', 'caf\uFFFD.eml', 'l\uFFFDnk.eml', '\uFFFDdir/inner.eml'].sort());
      assert.deepEqual(results.map((r) => r.verdict).sort(), ['fail', 'pass', 'pass', 'pass']);
      assert.equal(stderr, '');
      assert.equal(status, 1, 'the long line of caf\\xe8.eml fails the run');
    }
  }
});

// A full disk (ENOSPC; /dev/full always answers so) under stdout or --output was an
// uncaught stack trace and exit 1, the code of "a message would be refused": now the
// file is named on stderr and the run ends with 2 (an I/O problem), for every command.
test('stdout or --output that cannot be written (a full disk) is said, and exits 2', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a.eml'), rawMessage());
  const commands = [['lint', 'a.eml'], ['lint', '--jobs', '2', 'a.eml', 'a.eml', '--format', 'sarif'],
    ['explain', '550 5.1.1 user unknown']];
  const run = (args, stdout, env = {}) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const base = { ...process.env };
      for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
      return spawnSync(process.execPath, [join(pkgDir, 'bin', 'mail-preflight.cjs'), ...args],
        { cwd: dir, env: { ...base, ...env }, stdio: ['ignore', stdout === 'full' ? fd : 'pipe', 'pipe'], encoding: 'utf8' });
    } finally {
      closeSync(fd);
    }
  };
  for (const args of commands) {
    const toStdout = run(args, 'full');
    assert.equal(toStdout.status, 2, `${args.join(' ')} > /dev/full: ${toStdout.stderr}`);
    assert.equal(toStdout.stderr, 'mail-preflight: cannot write stdout (ENOSPC)\n', args.join(' '));
    const toFile = run([...args, '--output', '/dev/full'], 'pipe', { LANG: 'pl_PL.UTF-8' });
    assert.equal(toFile.status, 2, `${args.join(' ')} -o /dev/full: ${toFile.stderr}`);
    assert.match(toFile.stderr, /^mail-preflight: nie można zapisać \/dev\/full \(ENOSPC\)\n/, args.join(' '));
    assert.doesNotMatch(toFile.stderr, /\n\s+at /, 'no stack trace');
  }
});
