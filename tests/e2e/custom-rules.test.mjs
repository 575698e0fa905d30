// The "Your rules" panel: rules written and checked as you type (problems at
// their line and column), kept in the browser, exported and imported as JSON,
// applied to the checks of the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, openPage, loadApp, lintRaw, ARTIFACTS } from './harness.mjs';
import { PAGE_TEXTS } from '../../www/lib/page-texts.mjs';

const RULES = [{ id: 'acme/banned-words', target: 'body', pattern: '(?i)\\bcasino\\b', score: 2.5, message: { en: 'Banned word: {match}' } }];
const MESSAGE = 'From: a@example.com\nTo: b@example.com\nSubject: Tonight\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <1@example.com>\n\nSee you at the casino.\n';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

async function openPanel() {
  const session = await openPage(harness);
  await loadApp(session.page, harness.origin, '#custom');
  return session;
}

/** The status once the check of what was typed is shown. */
async function statusAfterCheck(page) {
  await page.waitForFunction(() => !document.getElementById('view-custom').dataset.checking
    && document.getElementById('custom-status').textContent !== '');
  return page.textContent('#custom-status');
}

test('a wrong pattern is shown at its line and column as you type, and the button goes there', async () => {
  const { page, context, outside } = await openPanel();
  const json = JSON.stringify([{ ...RULES[0], pattern: 'casino|(oops' }], null, 2);
  await page.fill('#custom-json', json);
  await statusAfterCheck(page);
  const problem = await page.waitForSelector('#custom-problems li.problem button');
  assert.equal(await problem.getAttribute('data-reason'), 'pattern-syntax');
  await problem.click();
  const caret = await page.evaluate(() => {
    const area = document.getElementById('custom-json');
    return area.value[area.selectionStart];
  });
  assert.equal(caret, '(', 'the caret lands on the character that is wrong');
  assert.deepEqual(outside, []);
  await page.screenshot({ path: join(ARTIFACTS, 'custom-rules-problem.png') });
  await context.close();
});

test('rules are kept in the browser and applied to the checks', async () => {
  const { page, context } = await openPanel();
  await page.fill('#custom-json', JSON.stringify(RULES));
  assert.match(await statusAfterCheck(page), /1/);
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.deepEqual(JSON.parse(await page.inputValue('#custom-json')), RULES, 'kept in localStorage');
  await statusAfterCheck(page);
  await page.evaluate(() => { location.hash = '#lint'; });
  const report = await lintRaw(page, MESSAGE);
  assert.ok(report.rules.includes('acme/banned-words'), report.rules.join(' '));
  await page.evaluate(() => { location.hash = '#custom'; });
  await page.uncheck('#custom-enabled');
  await page.evaluate(() => { location.hash = '#lint'; });
  const without = await lintRaw(page, MESSAGE.replace('Tonight', 'Tonight again'));
  assert.ok(!without.rules.includes('acme/banned-words'));
  await context.close();
});

test('SpamAssassin rules load with the refused ones listed, and the status says how many', async () => {
  const { page, context } = await openPanel();
  await page.fill('#custom-sa', 'body CASINO /casino/i\nbody LOOK /casino(?= night)/\n');
  const status = await statusAfterCheck(page);
  assert.match(status, /1/);
  const refusal = await page.waitForSelector('#custom-problems li.refusal button');
  assert.equal(await refusal.getAttribute('data-reason'), 'perl.look-around');
  await context.close();
});

test('rules are exported and imported as JSON', async () => {
  const { page, context } = await openPanel();
  await page.fill('#custom-json', JSON.stringify(RULES));
  await statusAfterCheck(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#custom-export')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported.customRules, RULES);
  const file = join(mkdtempSync(join(tmpdir(), 'rules-')), 'team.json');
  writeFileSync(file, JSON.stringify({ customRules: [{ ...RULES[0], id: 'team/casino' }], spamassassinRules: 'body TEAM /team/\n' }));
  await page.fill('#custom-json', '');
  await page.setInputFiles('#custom-import', file);
  await page.waitForFunction(() => document.getElementById('custom-json').value.includes('team/casino'));
  assert.equal(await page.inputValue('#custom-sa'), 'body TEAM /team/\n');
  await context.close();
});

test('the panel speaks the page language', async () => {
  const session = await openPage(harness, { locale: 'pl-PL' });
  const { page, context } = session;
  await loadApp(page, harness.origin, '#custom');
  await page.selectOption('#language', 'pl');
  await page.waitForFunction(() => document.getElementById('custom-title').textContent === 'Twoje reguły');
  assert.equal(await page.textContent('a[data-view=custom]'), 'Twoje reguły');
  await context.close();
});

test('"About this rule" on a finding of your own rules leads to "Your rules", whose title is the view\'s heading', async () => {
  const { page, context } = await openPanel();
  assert.equal(await page.$eval('#view-custom h1', (h) => h.id), 'custom-title');
  await page.fill('#custom-json', JSON.stringify(RULES));
  await statusAfterCheck(page);
  await page.evaluate(() => { location.hash = '#lint'; });
  // Without a Date, a rule of the engine's is raised too.
  await lintRaw(page, MESSAGE.replace(/Date: .*\n/, ''));
  const links = await page.$$eval('#findings li.finding', (li) => Object.fromEntries(li.map((x) => [x.dataset.rule, x.querySelector('.doc-link a').getAttribute('href')])));
  assert.equal(links['acme/banned-words'], '#custom');
  const builtIn = Object.keys(links).find((id) => id !== 'acme/banned-words');
  assert.equal(links[builtIn], `#rules/${builtIn}`);
  await context.close();
});

test('Export right after typing rules that are not JSON says so, downloads nothing and throws nothing', async () => {
  const { page, context, errors } = await openPanel();
  const downloads = [];
  page.on('download', (download) => downloads.push(download));
  await page.fill('#custom-json', '[{"id": "acme/x",');
  // Before the check of what was typed (300 ms after the last key) has disabled the button.
  await page.click('#custom-export');
  assert.equal(await page.textContent('#custom-status'), PAGE_TEXTS['page.custom.not-json'].en);
  await page.waitForFunction(() => !document.getElementById('view-custom').dataset.checking);
  assert.equal(await page.textContent('#custom-status'), PAGE_TEXTS['page.custom.not-json'].en);
  assert.ok(await page.locator('#custom-problems li').count() > 0, 'the problems are listed at their place');
  assert.deepEqual(downloads, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file that is not JSON is refused in the page\'s words, said again in a new language', async () => {
  const { page, context } = await openPanel();
  await page.selectOption('#language', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  const file = join(mkdtempSync(join(tmpdir(), 'rules-')), 'notes.json');
  writeFileSync(file, 'this is not json {');
  await page.setInputFiles('#custom-import', file);
  await page.waitForFunction((t) => document.getElementById('custom-status').textContent === t, PAGE_TEXTS['page.custom.import-not-json'].fr);
  await page.selectOption('#language', 'pl');
  await page.waitForFunction(() => document.documentElement.lang === 'pl');
  await page.waitForFunction(() => !document.getElementById('view-custom').dataset.checking);
  assert.equal(await page.textContent('#custom-status'), PAGE_TEXTS['page.custom.import-not-json'].pl);
  await context.close();
});
