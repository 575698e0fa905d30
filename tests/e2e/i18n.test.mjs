// Languages of the page: picked from the browser at first visit, switchable,
// remembered, and no English string of the page left once switched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startHarness, openPage, loadApp, waitForReport } from './harness.mjs';
import { messages } from './engine.mjs';
import { PAGE_TEXTS } from '../../www/lib/page-texts.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const VIEWS = ['#lint', '#simulate', '#explain', '#troubleshoot', '#rules'];

/** A matcher for a catalogue template: `{name}` stands for any text. */
function templateMatcher(template) {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+?');
  return new RegExp(`^${escaped.replace(/\{\w+\}/g, '.+?')}$`, 's');
}

/** English catalogue strings (page, engine and rule texts) whose translation in `locale` differs. */
function englishOnly(locale) {
  const en = messages('en');
  const local = messages(locale);
  const list = [];
  for (const [key, text] of Object.entries(en)) {
    if (local[key] === text) continue;
    // A template that is only placeholders and punctuation ("{rule} ({severity}): {message}") says nothing in English.
    if (!/\p{L}/u.test(text.replace(/\{\w+\}/g, ''))) continue;
    list.push({ key, text, matcher: templateMatcher(text.trim()) });
  }
  return list;
}

/** Visible text nodes of the page, outside code and untranslatable names. */
async function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('[translate=no], code, pre, textarea, script, style')) continue;
      if (!parent.checkVisibility || !parent.checkVisibility()) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (el.closest('[translate=no]')) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(attr);
        if (value && value.trim() && !/[<@]/.test(value)) out.push(value.trim());
      }
    }
    out.push(document.title);
    return out;
  });
}

test('the language comes from the browser at first visit', async () => {
  for (const [browserLocale, expected] of [['fr-FR', 'fr'], ['es-ES', 'es'], ['pl-PL', 'pl'], ['de-DE', 'en']]) {
    const session = await openPage(harness, { locale: browserLocale });
    await loadApp(session.page, harness.origin);
    assert.equal(await session.page.getAttribute('html', 'lang'), expected, browserLocale);
    assert.equal(await session.page.inputValue('#language'), expected);
    await session.context.close();
  }
});

test('a language chosen by the visitor is remembered', async () => {
  const session = await openPage(harness, { locale: 'fr-FR' });
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.selectOption('#language', 'pl');
  await page.waitForFunction(() => document.documentElement.lang === 'pl');
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  assert.equal(await page.textContent('#lint-run'), messages('pl')['ui.lint.run']);
  await session.context.close();
});

for (const locale of ['fr', 'es', 'pl']) {
  test(`in ${locale}, no string of the page remains in English`, async () => {
    const session = await openPage(harness);
    const { page } = session;
    await loadApp(page, harness.origin);
    // A report on screen too, so verdicts, findings and sizes are checked as well.
    await page.setInputFiles('#eml-file', { name: 'long-line.eml', mimeType: 'message/rfc822', buffer: readFileSync(join(ROOT, 'www/samples/long-line.eml')) });
    await waitForReport(page);
    await page.selectOption('#language', locale);
    await page.waitForFunction((l) => document.body.dataset.locale === l, locale);
    await waitForReport(page);
    await page.click('#findings .finding-main');
    // Results of the other views too.
    await page.evaluate(() => (location.hash = '#simulate'));
    await page.selectOption('#preset', 'bot-attack');
    await page.click('#simulate-run');
    await page.waitForSelector('[data-final-state]');
    await page.evaluate(() => (location.hash = '#explain'));
    await page.fill('#smtp-reply', '451 4.7.1 Greylisted, try again later');
    await page.click('#explain-run');
    await page.waitForSelector('#explanation:not([hidden]) dd');
    await page.evaluate(() => (location.hash = '#troubleshoot'));
    await page.selectOption('#smtp-transport', 'smtp');
    await page.fill('#smtp-port', '25');
    await page.selectOption('#smtp-security', 'none');
    await page.click('#smtp-check');
    await page.waitForSelector('#smtp-result li');
    const english = englishOnly(locale);
    const leftovers = new Set();
    for (const view of VIEWS) {
      await page.evaluate((hash) => (location.hash = hash), view);
      await page.waitForFunction((hash) => !document.getElementById(`view-${hash.slice(1)}`).hidden, view);
      for (const text of await visibleTexts(page)) {
        const hit = english.find((e) => e.matcher.test(text));
        if (hit) leftovers.add(`${view}: "${text}" (${hit.key})`);
      }
    }
    assert.deepEqual([...leftovers], []);
    // The findings come in the chosen language too.
    const message = await page.textContent('#findings .finding .message');
    assert.notEqual(message, null);
    assert.equal(await page.textContent('#verdict-title'), messages(locale)['core.verdict.fail']);
    await session.context.close();
  });
}

/** Every file of the page that names catalogue keys. */
function pageSources(dir = join(ROOT, 'www')) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'engine' ? [] : pageSources(path);
    return /\.(mjs|js|html)$/.test(name) ? [path] : [];
  });
}

test('every catalogue key the page names exists, in every language', () => {
  const missing = [];
  for (const file of pageSources()) {
    const source = readFileSync(file, 'utf8');
    for (const [, key] of source.matchAll(/['"`:](ui\.[a-z0-9.-]+[a-z0-9])['"`;]/g)) {
      for (const locale of ['en', 'fr', 'es', 'pl']) {
        if (!(key in messages(locale))) missing.push(`${key} (${locale}, ${file.slice(ROOT.length + 1)})`);
      }
    }
    // The page's own texts (www/lib/page-texts.mjs), not yet in the engine's catalogue.
    for (const [, key] of source.matchAll(/['"`:](page\.[a-z0-9.-]+[a-z0-9])['"`;]/g)) {
      for (const locale of ['en', 'fr', 'es', 'pl']) {
        if (!(PAGE_TEXTS[key] && PAGE_TEXTS[key][locale])) missing.push(`${key} (${locale}, ${file.slice(ROOT.length + 1)})`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

/** Switches the page to `locale` and waits until it is in force. */
async function switchTo(page, locale) {
  await page.selectOption('#language', locale);
  await page.waitForFunction((l) => document.body.dataset.locale === l, locale);
}

test('the SMTP settings check\'s result is said again in the new language', async () => {
  const session = await openPage(harness, { locale: 'fr-FR' });
  const { page } = session;
  await loadApp(page, harness.origin, '#troubleshoot');
  await page.selectOption('#smtp-transport', 'smtp');
  await page.fill('#smtp-host', 'ssl0.example.net');
  await page.fill('#smtp-port', '25');
  await page.selectOption('#smtp-security', 'none');
  await page.click('#smtp-check');
  await page.waitForSelector('#smtp-result li .badge');
  assert.equal(await page.textContent('#smtp-result li .badge'), messages('fr')['core.severity.warning']);
  await switchTo(page, 'pl');
  await page.waitForFunction((t) => document.querySelector('#smtp-result li .badge')?.textContent === t, messages('pl')['core.severity.warning']);
  await session.context.close();
});

test('"Nothing here can be fixed mechanically." and "Link copied." are said again in the new language, not dropped', async () => {
  const session = await openPage(harness);
  const { page, context } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  await loadApp(page, harness.origin);
  await page.click('#load-sample');
  await waitForReport(page);
  await page.click('#fixes-run');
  await page.waitForFunction((t) => document.getElementById('fixes-status').textContent === t, messages('en')['ui.fixes.nothing']);
  await page.click('#share-link');
  await page.waitForFunction((t) => document.getElementById('report-action-status').textContent === t, messages('en')['ui.actions.share-copied']);
  await switchTo(page, 'fr');
  await page.waitForFunction(() => document.getElementById('verdict-title').textContent !== '');
  assert.equal(await page.textContent('#fixes-status'), messages('fr')['ui.fixes.nothing']);
  await page.waitForFunction((t) => document.getElementById('report-action-status').textContent === t, messages('fr')['ui.actions.share-copied']);
  await session.context.close();
});
