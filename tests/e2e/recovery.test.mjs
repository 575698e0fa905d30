// Recovery (issue 13, page side; issue 20, engine-failed state): an engine
// that traps on a message is replaced and the next message is checked; a check
// that runs past its time limit is stopped with a message and "Try again"; the
// visitor can cancel; an engine that cannot load offers to retry.
//
// The faults are made by serving, in place of the engine's glue module, one that
// wraps the real engine: a message containing TRAP-ME makes `lint` throw the
// RuntimeError a wasm trap throws (and every later call too, as a trapped
// instance would); one containing HANG-ME never returns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, openPage, loadApp, lintRaw, CHROMIUM_ARGS } from './harness.mjs';
import { messages } from './engine.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const FAULTY_ENGINE = `
export * from './mail_preflight.js?real';
import init, * as real from './mail_preflight.js?real';
export default init;
let trapped = false;
const holds = (input, marker) => (typeof input === 'string' ? input : new TextDecoder().decode(input)).includes(marker);
export function lint(input, options) {
  if (trapped) throw new WebAssembly.RuntimeError('unreachable');
  if (holds(input, 'TRAP-ME')) {
    trapped = true;
    throw new WebAssembly.RuntimeError('unreachable');
  }
  if (holds(input, 'HANG-ME')) for (;;);
  return real.lint(input, options);
}
`;

const CLEAN = 'From: a@example.com\nTo: b@example.com\nSubject: Hello\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\nHello\n';
const message = (marker) => CLEAN.replace('Hello\n', `${marker}\n`);

async function faultyPage() {
  const session = await openPage(harness);
  await session.context.route(/\/engine\/mail_preflight\.js$/, (route) => route.fulfill({ body: FAULTY_ENGINE, contentType: 'text/javascript' }));
  await session.page.addInitScript(() => {
    window.__workers = 0;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...args) {
        super(...args);
        window.__workers++;
      }
    };
  });
  return session;
}

/** A page whose check of a HANG-ME message is running (with the page's clock installed when `clock`). */
async function hangingCheck({ clock = false } = {}) {
  const session = await faultyPage();
  if (clock) await session.page.clock.install();
  await loadApp(session.page, harness.origin);
  await session.page.fill('#raw-input', message('HANG-ME'));
  await session.page.click('#lint-run');
  await session.page.waitForSelector('#lint-progress:not([hidden])');
  return session;
}

async function failure(page) {
  await page.waitForSelector('#lint-error:not([hidden])');
  return { text: await page.textContent('#lint-error-text'), retry: await page.isVisible('#lint-retry') };
}

test('after the engine traps on a message, a fresh engine checks the next one', async () => {
  const session = await faultyPage();
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.fill('#raw-input', message('TRAP-ME'));
  await page.click('#lint-run');
  assert.deepEqual(await failure(page), { text: messages('en')['ui.lint.trapped'], retry: true });
  assert.equal(await page.isVisible('#result'), false);
  assert.equal(await page.evaluate(() => window.__workers), 2, 'the trapped worker was replaced');
  const report = await lintRaw(page, CLEAN);
  assert.notEqual(report.verdict, undefined);
  assert.equal(await page.isVisible('#lint-error'), false);
  await session.context.close();
});

test('a check that runs past its time limit is stopped, says so, and can be tried again', async () => {
  const session = await hangingCheck({ clock: true });
  const { page } = session;
  await page.clock.runFor(16_000);
  const shown = await failure(page);
  assert.equal(shown.text, messages('en')['ui.lint.timeout'].replace('{seconds}', '15'));
  assert.equal(shown.retry, true);
  assert.equal(await page.isVisible('#lint-progress'), false);
  // The fresh engine answers: "Try again" after fixing the message checks it.
  await page.fill('#raw-input', CLEAN);
  await page.click('#lint-run');
  await page.waitForSelector('#result:not([hidden])');
  await session.context.close();
});

test('Cancel stops a running check at once', async () => {
  const session = await hangingCheck();
  const { page } = session;
  await page.click('#lint-cancel');
  assert.deepEqual(await failure(page), { text: messages('en')['ui.lint.cancelled'], retry: true });
  const report = await lintRaw(page, CLEAN);
  assert.notEqual(report.verdict, undefined);
  await session.context.close();
});

test('an engine that cannot load says so in four languages and starts on "Retry"', async () => {
  const session = await openPage(harness);
  const { page, context } = session;
  let refused = 0;
  await context.route(/\/engine\/mail_preflight_bg\.wasm$/, (route) => {
    refused++;
    return route.fulfill({ status: 503, body: 'unavailable' });
  });
  await page.goto(`${harness.origin}/`);
  await page.waitForSelector('#engine-retry');
  const status = await page.textContent('#engine-status');
  for (const phrase of ['could not start', 'n\'a pas pu démarrer', 'no pudo iniciarse', 'nie mógł się uruchomić']) assert.ok(status.includes(phrase), phrase);
  assert.ok(refused > 0);
  await context.unroute(/\/engine\/mail_preflight_bg\.wasm$/);
  await page.click('#engine-retry');
  await page.waitForSelector('body[data-ready=true]');
  assert.equal(await page.isVisible('#engine-retry'), false);
  const report = await lintRaw(page, CLEAN);
  assert.notEqual(report.verdict, undefined);
  await session.context.close();
});

test('a language chosen while a check runs is put in force after Cancel, without an error, and remembered', async () => {
  const session = await hangingCheck();
  const { page, errors } = session;
  await page.selectOption('#language', 'fr');
  await page.click('#lint-cancel');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  const fr = messages('fr');
  assert.equal(await page.textContent('#lint-error-text'), fr['ui.lint.cancelled']);
  assert.equal(await page.inputValue('#language'), 'fr');
  assert.deepEqual(errors, []);
  await loadApp(page, harness.origin);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await session.context.close();
});

test('a check started while another runs replaces it: the first one stops and cannot time the second out', async () => {
  const session = await hangingCheck({ clock: true });
  const { page } = session;
  await page.clock.runFor(10_000);
  // The button is disabled while a check runs; Ctrl+Enter and the samples still start one.
  await page.click('#load-sample');
  await page.waitForSelector('#result:not([hidden])');
  await page.clock.runFor(10_000);
  assert.equal(await page.isVisible('#lint-error'), false, 'the replaced check did not time the new one out');
  assert.equal(await page.isVisible('#lint-progress'), false, 'no progress left running');
  await session.context.close();
});

test('with site data blocked the page starts, checks, switches language and says the rules and ticks are not kept', async () => {
  // A real Chromium profile with cookies (site data) blocked: reading window.localStorage throws SecurityError there.
  const { chromium } = createRequire(import.meta.url)('../node_modules/playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'preflight-blocked-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, serviceWorkers: 'block', locale: 'en-US' });
  try {
    const page = context.pages()[0] || await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await loadApp(page, harness.origin);
    assert.equal(await page.evaluate(() => { try { return typeof window.localStorage; } catch (err) { return err.name; } }), 'SecurityError');
    const report = await lintRaw(page, CLEAN);
    assert.notEqual(report.verdict, undefined);
    await page.selectOption('#language', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.evaluate(() => (location.hash = '#troubleshoot'));
    await page.locator('.checklist input[type=checkbox]').first().check();
    assert.match(await page.textContent('#checklist-progress'), /^1 .* les coches sont oubliées/);
    await page.evaluate(() => (location.hash = '#custom'));
    assert.match(await page.textContent('#custom-storage'), /durent jusqu'à la fermeture de l'onglet/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a link cut in the middle of an escape (#rules/%E2%80) opens its view instead of stopping the page', async () => {
  const session = await openPage(harness);
  const { page, errors } = session;
  await loadApp(page, harness.origin, '#rules/%E2%80');
  assert.equal(await page.getAttribute('nav.views a[aria-current=page]', 'data-view'), 'rules');
  assert.equal(await page.isVisible('#view-rules'), true);
  // And on a hash change, the router still routes.
  await page.evaluate(() => (location.hash = '#lint/%E2'));
  await page.waitForFunction(() => !document.getElementById('view-lint').hidden);
  assert.deepEqual(errors, []);
  await session.context.close();
});
