// Dark mode (prefers-color-scheme: dark): the page follows it, and stays readable —
// no serious axe violation (colour contrast included) on any view, results shown.
// Before, a visitor in dark mode got the light page whole (page audit).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, startHarness, openPage, loadApp, fillResults, seriousViolations } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const VIEWS = ['lint', 'simulate', 'explain', 'troubleshoot', 'rules', 'custom'];

/** WCAG relative luminance of an `rgb(…)` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const colours = (page) => page.evaluate(() => ({
  page: getComputedStyle(document.documentElement).backgroundColor,
  card: getComputedStyle(document.querySelector('.card')).backgroundColor,
  text: getComputedStyle(document.body).color,
  box: getComputedStyle(document.getElementById('raw-input')).backgroundColor,
}));

test('in dark mode the page is dark, and no view has a serious accessibility violation', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await page.emulateMedia({ colorScheme: 'dark' });
  await loadApp(page, harness.origin);
  const dark = await colours(page);
  for (const key of ['page', 'card', 'box']) assert.ok(luminance(dark[key]) < 0.05, `${key} background ${dark[key]} is dark`);
  assert.ok(luminance(dark.text) > 0.6, `text ${dark.text} is light`);
  await fillResults(page);
  await page.evaluate(() => (location.hash = '#explain'));
  await page.click('#explain-samples button');
  await page.waitForSelector('#explanation:not([hidden]) dd');
  const found = [];
  for (const view of VIEWS) {
    await page.evaluate((hash) => (location.hash = hash), `#${view}`);
    await page.waitForFunction((v) => !document.getElementById(`view-${v}`).hidden, view);
    for (const v of await seriousViolations(page)) found.push(`#${view}: ${v}`);
    await page.screenshot({ path: join(ARTIFACTS, `dark-${view}.png`), fullPage: view !== 'rules' });
  }
  assert.deepEqual(found, []);
  // Printed, the report stays dark ink on white paper.
  await page.evaluate(() => (location.hash = '#lint'));
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const printed = await colours(page);
  assert.ok(luminance(printed.page) > 0.9, `printed page ${printed.page}`);
  assert.ok(luminance(printed.text) < 0.05, `printed text ${printed.text}`);
  await session.context.close();
});
