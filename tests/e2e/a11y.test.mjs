// Accessibility (issue 20): axe-core finds no serious or critical violation
// on any view in any language (with results on screen), the focus ring keeps
// 3:1 against what surrounds it (WCAG 2.2 SC 1.4.11), and the main flow works
// from the keyboard alone. Screenshots of every view in every language go to
// tests/artifacts/ for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ARTIFACTS, startHarness, openPage, loadApp, waitForReport, fillResults, seriousViolations } from './harness.mjs';
import { messages } from './engine.mjs';

const LOCALES = ['en', 'fr', 'es', 'pl'];
const VIEWS = ['lint', 'simulate', 'explain', 'troubleshoot', 'rules'];
const spammy = readFileSync(join(ROOT, 'www/samples/spammy.eml'));

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

/** Puts a result on every view that has one, so axe sees them too. */
async function fillViews(page) {
  await fillResults(page);
  await page.evaluate(() => (location.hash = '#explain'));
  await page.click('#explain-samples button');
  await page.waitForSelector('#explanation:not([hidden]) dd');
}

test('the accessibility check really checks: an unlabelled field is a serious violation', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.evaluate(() => document.getElementById('main').append(Object.assign(document.createElement('input'), { type: 'text' })));
  assert.ok((await seriousViolations(page)).some((v) => v.startsWith('label ')), 'axe reports the missing label');
  await session.context.close();
});

for (const locale of LOCALES) {
  test(`in ${locale}, no view has a serious or critical accessibility violation`, async () => {
    const session = await openPage(harness, { locale: `${locale}-${locale.toUpperCase()}` });
    const { page } = session;
    await loadApp(page, harness.origin);
    await fillViews(page);
    const found = [];
    for (const view of VIEWS) {
      await page.evaluate((hash) => (location.hash = hash), `#${view}`);
      await page.waitForFunction((v) => !document.getElementById(`view-${v}`).hidden, view);
      for (const v of await seriousViolations(page)) found.push(`#${view}: ${v}`);
      await page.screenshot({ path: join(ARTIFACTS, `view-${view}-${locale}.png`), fullPage: view !== 'rules' });
    }
    assert.deepEqual(found, []);
    await session.context.close();
  });
}

/** WCAG relative luminance and contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

test('the focus ring keeps at least 3:1 against the background around every focused control', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.click('#load-sample');
  await waitForReport(page);
  await page.evaluate(() => document.activeElement.blur());
  const rings = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    rings.push(await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      // The ring is drawn outside the element: the background is the nearest opaque one of its parent chain.
      let node = el.parentElement;
      let background = 'rgb(255, 255, 255)';
      for (; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        if (bg && !/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') {
          background = bg;
          break;
        }
      }
      return { what: el.id || el.tagName, outline: style.outlineColor, width: parseFloat(style.outlineWidth), background };
    }));
  }
  const weak = rings.filter((r) => r.width < 2 || contrast(r.outline, r.background) < 3)
    .map((r) => `${r.what}: ${r.outline} on ${r.background} (${contrast(r.outline, r.background).toFixed(2)}:1, ${r.width}px)`);
  assert.deepEqual(weak, []);
  assert.ok(rings.some((r) => r.what === 'language'), 'the header was reached');
  await session.context.close();
});

/** Presses Tab until `selector` has focus (at most `max` times); fails if it never does. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement && document.activeElement.matches(sel), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${selector} cannot be reached with Tab`);
}

test('the main flow works from the keyboard alone: paste, check, read a finding, fix, share, change language', async () => {
  const session = await openPage(harness);
  const { page, context } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  await loadApp(page, harness.origin);
  // The skip link comes first and lands on the content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // The message box, reached with Tab; a message typed in; Ctrl+Enter checks it.
  await tabTo(page, '#raw-input');
  await page.keyboard.insertText(spammy.toString());
  await page.keyboard.press('Control+Enter');
  await waitForReport(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'verdict-title', 'the verdict is announced first');
  // A finding: Enter marks its bytes in the source.
  await tabTo(page, '#findings li[data-rule="spam/subject-caps"] .finding-main');
  await page.keyboard.press('Enter');
  assert.match(await page.$eval('#source-mark', (m) => m.textContent), /FREE GIFT – ACT NOW, LIMITED OFFER ☺$/);
  // Mechanical fixes, then the fixed message checked.
  await page.evaluate(() => document.getElementById('verdict-title').focus());
  await tabTo(page, '#fixes-run');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#fixes-result:not([hidden])');
  await tabTo(page, '#fixes-use');
  await page.keyboard.press('Enter');
  await waitForReport(page);
  // A link to share it.
  await tabTo(page, '#share-link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#share-url:not([hidden])');
  // The language, from the header: Shift+Tab back to it, arrow keys to choose.
  for (let i = 0; i < 80 && !(await page.evaluate(() => document.activeElement.id === 'language')); i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'language');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.body.dataset.locale === 'fr');
  await page.waitForFunction((t) => document.getElementById('lint-run').textContent === t, messages('fr')['ui.lint.run']);
  await session.context.close();
});

test('"Skip to content" moves the focus to the content and leaves the view and the address as they were', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#rules');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(await page.evaluate(() => location.hash), '#rules');
  assert.equal(await page.isVisible('#view-rules'), true);
  // An old link to #main opens the page on its first view, not on nothing.
  await page.evaluate(() => history.replaceState(null, '', '#main'));
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.equal(await page.isVisible('#view-lint'), true);
  await session.context.close();
});

test('the progress of a check is said at its start and every few seconds, not at each tick of its counter', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await page.clock.install();
  await loadApp(page, harness.origin);
  const live = await page.$$eval('#lint-progress [role=status], #lint-progress [aria-live]', (nodes) => nodes.length);
  assert.equal(live, 0, 'the 100 ms counter is not a live region');
  // A check that never answers: the worker is given no reply.
  await page.evaluate(() => { Worker.prototype.postMessage = function postNothing() {}; });
  await page.fill('#raw-input', 'From: a@example.com\n\nHi\n');
  await page.click('#lint-run');
  const said = () => page.textContent('#lint-progress-status');
  const first = await said();
  assert.match(first, /^Checking… 0(\.0)? s$/);
  await page.clock.runFor(2_000);
  assert.equal(await said(), first, 'not said again within the first seconds');
  await page.clock.runFor(3_500);
  assert.notEqual(await said(), first);
  await session.context.close();
});

test('a check\'s verdict is said whole where the focus lands: the heading\'s description gives the counts and the spam score', async () => {
  const session = await openPage(harness, { locale: 'fr-FR' });
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: 'spammy.eml', mimeType: 'message/rfc822', buffer: spammy });
  await waitForReport(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'verdict-title', 'the focus moves to the verdict');
  // What a screen reader says on focus: the computed name and description (Chromium's accessibility tree).
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#verdict-title' });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const heading = nodes.find((n) => n.role?.value === 'heading');
  const [counts, score] = await page.$$eval('#verdict-counts, #verdict-score', (els) => els.map((e) => e.textContent));
  assert.equal(heading.name.value, await page.textContent('#verdict-title'));
  assert.ok(counts && score, 'the report has counts and a score');
  assert.equal(heading.description?.value, `${counts} ${score}`);
  assert.deepEqual(session.errors, []);
  await session.context.close();
});
