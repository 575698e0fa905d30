// Shared set-up of the page tests: the static server on 127.0.0.1, Debian's
// Chromium through playwright-core, and a guard that records (and aborts) every
// request that would leave 127.0.0.1.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../www/serve.mjs';
import { writeShellManifest } from '../../www/tools/shell-manifest.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('../node_modules/playwright-core');

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function startHarness() {
  // The offline manifest as the build makes it, for the pages as they are now (www/ may be newer than the last build).
  writeShellManifest(join(ROOT, 'www'));
  const server = await startServer({ port: 0, root: join(ROOT, 'www') });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A page with the guard installed: `outside` collects every request URL whose
 * origin is not the server's (aborted), `dialogs` every alert/confirm/prompt.
 * Service workers are blocked so route interception sees every request.
 */
export async function openPage(harness, { locale = 'en-US', viewport = { width: 1280, height: 900 }, serviceWorkers = 'block' } = {}) {
  const context = await harness.browser.newContext({ locale, viewport, serviceWorkers });
  const outside = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(harness.origin + '/') || url.startsWith('data:') || url === 'about:srcdoc' || url.startsWith('blob:')) {
      return route.continue();
    }
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return { context, page, outside, dialogs, errors };
}

/** Loads the page and waits for the engine and the catalogue. */
export async function loadApp(page, origin, hash = '') {
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
}

/** Pastes a raw message and checks it; returns the verdict class and the rule ids shown. */
export async function lintRaw(page, text) {
  await page.click('#mode-raw');
  await page.fill('#raw-input', text);
  await page.click('#lint-run');
  return waitForReport(page);
}

export async function waitForReport(page) {
  await page.waitForFunction(() => !document.getElementById('result').hidden && document.getElementById('lint-progress').hidden);
  return page.evaluate(() => ({
    verdict: document.getElementById('verdict').className.replace('verdict verdict-', ''),
    title: document.getElementById('verdict-title').textContent,
    rules: [...document.querySelectorAll('#findings li.finding')].map((li) => li.dataset.rule),
  }));
}

/** axe-core, injected into a page by `seriousViolations`. */
const AXE = readFileSync(require.resolve('../node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it stands, one line each. */
export async function seriousViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page's spammy sample checked, its fixes applied and a simulation run: results on those views. */
export async function fillResults(page) {
  await page.setInputFiles('#eml-file', { name: 'spammy.eml', mimeType: 'message/rfc822', buffer: readFileSync(join(ROOT, 'www/samples/spammy.eml')) });
  await waitForReport(page);
  await page.click('#fixes-run');
  await page.waitForSelector('#fixes-result:not([hidden])');
  await page.evaluate(() => (location.hash = '#simulate'));
  await page.click('#simulate-run');
  await page.waitForSelector('[data-final-state]');
}
