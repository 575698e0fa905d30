// Shared by the node:test files: paths, the built package, running the CLI,
// building messages and archives. Not a test file itself (no .test. in its name).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pkgDir = join(repoRoot, 'pkg');
export const cliPath = join(pkgDir, 'bin', 'mail-preflight.cjs');
export const testsModules = join(repoRoot, 'tests', 'node_modules');
/** require() resolving from tests/node_modules (dev dependencies). */
export const requireDev = createRequire(join(repoRoot, 'tests', 'package.json'));

if (!existsSync(join(pkgDir, 'package.json'))) {
  throw new Error('pkg/ is not built: run `cargo build --release --target wasm32-unknown-unknown && '
    + 'node pkg-config/build.mjs` (or `make build`) first');
}

/** The package as Node code imports it (ESM entry). */
export const pkg = await import(join(pkgDir, 'index.mjs'));

/** Ids of the rules this build of the engine has. */
export const ruleIds = new Set(pkg.rules('en').map((r) => r.id));

/** Test options for a test of these rules: every one must exist in the engine (a missing one fails the file). */
export function needsRules(...ids) {
  const missing = ids.filter((id) => !ruleIds.has(id));
  if (missing.length) throw new Error(`rule(s) ${missing.join(', ')} are missing from the engine`);
  return {};
}

/** A temporary directory removed after the test. */
export function tempDir(t, prefix = 'mail-preflight-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the CLI; returns `{ status, stdout, stderr }`. NO_COLOR and locale variables are cleared unless given. */
export function runCli(args, { cwd = repoRoot, env = {}, input } = {}) {
  const base = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd, env: { ...base, ...env }, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A raw message with CRLF line ends; `extraHeaders` and `body` as given. */
export function rawMessage({ subject = 'Opening hours', body = 'Hello,\r\nwe are open from 9 to 5.\r\n',
  headers = [] } = {}) {
  return [
    'From: Website <contact@example.com>',
    'Reply-To: contact@example.com',
    'To: owner@example.com',
    `Subject: ${subject}`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0000',
    'Message-ID: <opening-hours.1@example.com>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    ...headers,
    '',
    body,
  ].join('\r\n');
}

/** A message with one 1000-octet line: `size/line-length` error (RFC 5322 §2.1.1). */
export function messageWithLongLine() {
  return rawMessage({ body: `${'x'.repeat(1000)}\r\n` });
}

/** A message with one 100-octet line: `size/line-length` info only. */
export function messageWithWideLine() {
  return rawMessage({ body: `${'y'.repeat(100)}\r\n` });
}

// ---------------------------------------------------------------- zip

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive (stored entries, no compression) of `{ name: Uint8Array|string }`. */
export function zipArchive(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Bytes that start like a Windows executable (MZ header, PE offset). */
export function windowsExecutable() {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return bytes;
}

/** The fields a contact-form handler passes to Nodemailer (text only; add `html` where needed). */
export const contactForm = {
  from: 'Website <contact@example.com>',
  replyTo: 'contact@example.com',
  to: 'owner@example.com',
  subject: 'New message from the contact form',
  text: 'Hello,\n\nA visitor asked about your opening hours on Saturday.\n\nThe website',
};

/** Rule ids of warnings and errors: what decides the verdict. */
export const blockingIds = (report) => idsOf({ findings: report.findings.filter((f) => f.severity !== 'info') });

/** Rule ids of a report's findings, sorted and de-duplicated. */
export function idsOf(report) {
  return [...new Set(report.findings.map((f) => f.ruleId))].sort();
}
