// Once loaded, the page works offline: the service worker caches the app shell
// and the engine under a version that is a hash of their bytes, and a new build
// replaces the whole set (glue and wasm never mix). Also checks the page's
// Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ROOT, startHarness, openPage, loadApp, lintRaw } from './harness.mjs';
import { shellManifest, writeShellManifest } from '../../www/tools/shell-manifest.mjs';

const WWW = join(ROOT, 'www');

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

test('after a first visit the page loads and lints with the network off', async () => {
  const session = await openPage(harness, { serviceWorkers: 'allow' });
  const { page, context } = session;
  await loadApp(page, harness.origin);
  await waitForShell(page, shellManifest(WWW).version);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
  const report = await lintRaw(page, 'From: a@example.com\nTo: b@example.com\nSubject: Offline\n\n' + 'y'.repeat(1000) + '\n');
  assert.equal(report.verdict, 'fail');
  assert.ok(report.rules.includes('size/line-length'));
  await context.setOffline(false);
  await context.close();
});

/** Waits until the service worker controls the page and holds the shell of `version`. */
async function waitForShell(page, version) {
  await page.evaluate(async (name) => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 100 && !(await caches.keys()).includes(name); i++) await new Promise((r) => setTimeout(r, 100));
  }, `mail-preflight-${version}`);
}

test('the shell is cached whole under the hash of its files, and a new build replaces it whole', async () => {
  const manifest = shellManifest(WWW);
  const session = await openPage(harness, { serviceWorkers: 'allow' });
  const { page } = session;
  await loadApp(page, harness.origin);
  await waitForShell(page, manifest.version);
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1));
  }, `mail-preflight-${manifest.version}`);
  assert.deepEqual(cached.sort(), manifest.files.map((f) => (f === './' ? '' : f)).sort());
  // The cached engine is the one on disk: its glue and its wasm, byte for byte.
  for (const file of ['engine/mail_preflight.js', 'engine/mail_preflight_bg.wasm']) {
    const digest = await page.evaluate(async ({ name, file }) => {
      const hit = await (await caches.open(name)).match(file);
      const hash = await crypto.subtle.digest('SHA-256', await hit.arrayBuffer());
      return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }, { name: `mail-preflight-${manifest.version}`, file });
    assert.equal(digest, createHash('sha256').update(readFileSync(join(WWW, file))).digest('hex'), file);
  }
  // A new build: another version; the worker installs the new set and drops the old one.
  const shell = join(WWW, 'engine', 'shell.js');
  try {
    writeFileSync(shell, readFileSync(shell, 'utf8').replace(manifest.version, 'next-build'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => JSON.stringify(await caches.keys()) === '["mail-preflight-next-build"]', null, { timeout: 15000 });
  } finally {
    writeShellManifest(WWW);
  }
  await session.context.close();
});

test('the page declares a strict Content-Security-Policy and loads no inline script', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const policy = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'",
    "base-uri 'none'", "frame-src 'self'", "img-src 'self' data:"]) {
    assert.ok(policy.includes(directive), directive);
  }
  assert.ok(!/https?:/.test(policy), 'no remote origin allowed');
  assert.equal(await page.$$eval('script:not([src])', (s) => s.length), 0);
  assert.equal(await page.$$eval('[style]', (s) => s.filter((e) => !e.closest('iframe')).length), 0);
  const frameSandbox = await page.getAttribute('#preview', 'sandbox');
  assert.ok(!frameSandbox.includes('allow-scripts'));
  assert.equal(await page.getAttribute('link[rel=icon]', 'href'), 'data:,');
  assert.deepEqual(session.outside, []);
  await session.context.close();
});
