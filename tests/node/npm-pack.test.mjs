// `npm pack` of pkg/, installed from the tarball into an empty temporary project
// (offline: the package has no dependencies), then used there the three ways a
// user would: require, import, and npx mail-preflight.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, tempDir, messageWithLongLine, rawMessage } from './helpers.mjs';

function run(command, args, cwd, input) {
  const result = spawnSync(command, args, {
    cwd, encoding: 'utf8', input, maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  if (result.error) throw result.error;
  return result;
}

test('npm pack → npm install in an empty project → require, import, npx', { timeout: 180_000 }, async (t) => {
  const packDir = tempDir(t, 'mail-preflight-pack-');
  const packed = run('npm', ['pack', '--json', '--pack-destination', packDir], pkgDir);
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout);
  const files = info.files.map((f) => f.path).sort();
  t.diagnostic(`packed ${info.filename}: ${info.size} bytes packed, ${info.unpackedSize} unpacked, ${files.length} files`);
  const allowed = /^((index|nodemailer|test)\.(cjs|mjs|d\.ts|d\.cts)|web\.(js|d\.ts)|bundler\.js|package\.json|README\.md|(node|web|bin|lib|schema)\/.+)$/;
  const licences = files.filter((f) => /^LICENSE/.test(f));
  for (const file of files.filter((f) => !licences.includes(f))) assert.match(file, allowed, `${file} is something that runs`);
  assert.deepEqual(licences, ['LICENSE-APACHE', 'LICENSE-MIT'], 'both licences of "MIT OR Apache-2.0" ship');
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), ['web/mail_preflight_bg.wasm'], 'one wasm for every entry');

  const project = tempDir(t, 'mail-preflight-consumer-');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(packDir, info.filename)], project);
  assert.equal(installed.status, 0, installed.stderr);

  const requireRun = run(process.execPath, ['-e', `
    const { lint, version } = require('mail-preflight');
    const report = lint(process.argv[1]);
    console.log(JSON.stringify({ verdict: report.verdict, version: version() }));`, messageWithLongLine()], project);
  assert.equal(requireRun.status, 0, requireRun.stderr);
  assert.deepEqual(JSON.parse(requireRun.stdout), { verdict: 'fail', version: pkg.version() });

  writeFileSync(join(project, 'esm.mjs'), `
    import init, { lint, rules } from 'mail-preflight';
    await init();
    const report = lint(process.argv[2], { locale: 'pl' });
    console.log(JSON.stringify({ verdict: report.verdict, locale: report.locale, rules: rules().length }));`);
  const importRun = run(process.execPath, ['esm.mjs', rawMessage()], project);
  assert.equal(importRun.status, 0, importRun.stderr);
  assert.deepEqual(JSON.parse(importRun.stdout), { verdict: 'pass', locale: 'pl', rules: pkg.rules().length });

  writeFileSync(join(project, 'long.eml'), messageWithLongLine());
  const npx = run('npx', ['--offline', 'mail-preflight', 'lint', '--format', 'json', 'long.eml'], project);
  assert.equal(npx.status, 1, npx.stderr);
  assert.equal(JSON.parse(npx.stdout)[0].findings[0].ruleId, 'size/line-length');
  const version = run('npx', ['--offline', 'mail-preflight', '--version'], project);
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, new RegExp(`mail-preflight ${pkg.version().replace(/\./g, '\\.')}`));
});
