// Once loaded, the page works offline: the service worker caches the app shell
// and the engine. Also checks the page's Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, openPage, loadApp, lintRaw } from './harness.mjs';

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
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // Wait until the worker controls the page (clients.claim) and the shell is cached.
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
    const cache = await caches.open('mail-preflight-v1');
    for (let i = 0; i < 100 && !(await cache.match('engine/mail_preflight_bg.wasm')); i++) await new Promise((r) => setTimeout(r, 100));
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
  const report = await lintRaw(page, 'From: a@example.com\nTo: b@example.com\nSubject: Offline\n\n' + 'y'.repeat(1000) + '\n');
  assert.equal(report.verdict, 'fail');
  assert.ok(report.rules.includes('size/line-length'));
  await context.setOffline(false);
  await context.close();
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
