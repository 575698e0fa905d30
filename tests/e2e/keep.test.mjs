// Keeping and sharing a report (issue 20, "what users expect"): Markdown,
// JSON and SARIF downloads, a print sheet, a link carrying the message in its
// fragment (never sent to a server), and a short history of checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { ROOT, startHarness, openPage, loadApp, waitForReport, lintRaw } from './harness.mjs';
import { engine, messages } from './engine.mjs';
import { MAX_DECODED_WORDS } from '../../www/lib/encoded-words.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('../node_modules/ajv-draft-04');
const addFormats = require('../node_modules/ajv-formats');
const schema = JSON.parse(readFileSync(require.resolve('../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const spammy = readFileSync(join(ROOT, 'www/samples/spammy.eml'));

async function openSpammy(page) {
  await page.setInputFiles('#eml-file', { name: 'spammy.eml', mimeType: 'message/rfc822', buffer: spammy });
  return waitForReport(page);
}

async function downloaded(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('"Copy as Markdown" copies the verdict, the spam score and every finding with its rule, evidence and fix', async () => {
  const session = await openPage(harness);
  const { page, context } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  await loadApp(page, harness.origin);
  await openSpammy(page);
  await page.click('#copy-markdown');
  await page.waitForFunction(() => document.getElementById('report-action-status').textContent !== '');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  const expected = engine.lint(new Uint8Array(spammy), { locale: 'en' });
  assert.ok(markdown.startsWith(`# mail-preflight: ${messages('en')['core.verdict.fail']}`), markdown.slice(0, 80));
  for (const finding of expected.findings) assert.ok(markdown.includes(`\`${finding.ruleId}\``), finding.ruleId);
  assert.ok(markdown.includes('Fix: Give text a colour'), 'fixes are included');
  const score = engine.renderMessage('core.report.score', { score: { number: expected.spamScore, decimals: 1 },
    threshold: { number: expected.spamThreshold, decimals: 1 } }, 'en');
  assert.ok(markdown.includes(`\n\n${score}\n`), `the score line "${score}"`);
  assert.equal(await page.textContent('#report-action-status'), messages('en')['ui.actions.copied']);
  await session.context.close();
});

test('the report downloads as the engine\'s JSON and as valid SARIF 2.1.0 pointing at the right lines', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await openSpammy(page);
  const json = await downloaded(page, '#download-json');
  assert.equal(json.name, 'spammy.preflight.json');
  assert.deepEqual(JSON.parse(json.text), engine.lint(new Uint8Array(spammy), { locale: 'en' }));
  const sarif = await downloaded(page, '#download-sarif');
  assert.equal(sarif.name, 'spammy.sarif');
  const log = JSON.parse(sarif.text);
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  const caps = log.runs[0].results.find((r) => r.ruleId === 'spam/subject-caps');
  assert.equal(caps.locations[0].physicalLocation.region.startLine, 3);
  assert.equal(log.runs[0].artifacts[0].location.uri, 'spammy.eml');
  await session.context.close();
});

test('the print sheet shows the verdict and findings, without menus, forms or buttons', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await openSpammy(page);
  await page.emulateMedia({ media: 'print' });
  const visible = await page.evaluate(() => Object.fromEntries(['.top', 'nav.views', '#lint-form', '.report-actions', '#verdict', '#findings',
    '.source-column', '#fixes'].map((sel) => [sel, document.querySelector(sel).checkVisibility()])));
  assert.deepEqual(visible, { '.top': false, 'nav.views': false, '#lint-form': false, '.report-actions': false, '#verdict': true,
    '#findings': true, '.source-column': false, '#fixes': false });
  await session.context.close();
});

test('a shared link carries the message in its fragment, and opening it checks the same message with no request carrying it', async () => {
  const session = await openPage(harness);
  const { page, context } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  await loadApp(page, harness.origin);
  const first = await openSpammy(page);
  await page.click('#share-link');
  await page.waitForSelector('#share-url:not([hidden])');
  const url = await page.inputValue('#share-url');
  assert.ok(url.startsWith(`${harness.origin}/#lint/share=`), url.slice(0, 60));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);

  const other = await openPage(harness);
  const requests = [];
  other.page.on('request', (r) => requests.push(r.url()));
  await other.page.goto(url);
  await other.page.waitForSelector('body[data-ready=true]');
  const second = await waitForReport(other.page);
  assert.deepEqual(second.rules, first.rules);
  assert.equal(await other.page.evaluate(() => location.hash), '#lint', 'the address no longer holds the message');
  assert.ok(requests.every((u) => !u.includes('share=')), 'no request carries the fragment');
  assert.deepEqual(other.outside, []);
  await other.context.close();
  await session.context.close();
});

test('a shared link to a compose form opens the form filled in and checks it', async () => {
  const session = await openPage(harness);
  const { page, context } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  await loadApp(page, harness.origin, '#lint/compose');
  await page.fill('#c-from', 'contact@bakery.example');
  await page.fill('#c-to', 'owner@bakery.example');
  await page.fill('#c-subject', 'Your order');
  await page.fill('#c-text', 'Ready on Saturday.');
  await page.setInputFiles('#c-attachments', { name: 'invoice.txt', mimeType: 'text/plain', buffer: Buffer.from('Invoice 42\n') });
  await page.waitForFunction(() => document.querySelectorAll('#c-attachment-list li').length === 1);
  await page.click('#lint-run');
  await waitForReport(page);
  await page.click('#share-link');
  await page.waitForSelector('#share-url:not([hidden])');
  const url = await page.inputValue('#share-url');
  const other = await openPage(harness);
  await other.page.goto(url);
  await waitForReport(other.page);
  assert.equal(await other.page.inputValue('#c-subject'), 'Your order');
  assert.match(await other.page.textContent('#source'), /filename="?invoice\.txt/);
  await other.context.close();
  await session.context.close();
});

test('a cut or forged link says it holds no readable message', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await page.goto(`${harness.origin}/#lint/share=AAAA-not-deflate`);
  await page.waitForSelector('body[data-ready=true]');
  await page.waitForSelector('#lint-error:not([hidden])');
  assert.equal(await page.textContent('#lint-error-text'), messages('en')['ui.actions.share-broken']);
  await session.context.close();
});

test('a broken link opened over a report takes the report away, and its error follows the language', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.click('#load-sample');
  await waitForReport(page);
  await page.evaluate(() => { location.hash = '#lint/share=AAAA-not-deflate'; });
  await page.waitForSelector('#lint-error:not([hidden])');
  assert.equal(await page.isVisible('#result'), false, 'the previous report is not the answer for this link');
  await page.selectOption('#language', 'es');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.textContent('#lint-error-text'), messages('es')['ui.actions.share-broken']);
  await session.context.close();
});

test('a link that inflates past what the engine reads says the message is too large, not that the link was cut', async () => {
  const session = await openPage(harness);
  const { page } = session;
  const bomb = deflateRawSync(Buffer.concat([Buffer.from('{"v":1,"kind":"raw","name":"bomb.eml"}\n'),
    Buffer.alloc(40 * 1024 * 1024, 65)]), { level: 9 }).toString('base64url');
  await loadApp(page, harness.origin, `#lint/share=${bomb}`);
  await page.waitForSelector('#lint-error:not([hidden])');
  const shown = await page.textContent('#lint-error-text');
  assert.notEqual(shown, messages('en')['ui.actions.share-broken']);
  assert.match(shown, /^The input is [\d.]+\sMB; mail-preflight reads at most 33\.55\sMB\./);
  await session.context.close();
});

test('recent checks are kept in this browser, survive a reload, and open again', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.click('#load-sample');
  await waitForReport(page);
  await openSpammy(page);
  // The check is recorded after the report shows (its link is compressed first): reload once it is kept.
  await page.waitForFunction(() => document.querySelectorAll('#history-list li').length === 2);
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.equal(await page.isVisible('#history'), true);
  await page.click('#history-summary');
  const entries = await page.$$eval('#history-list li', (li) => li.map((x) => x.querySelector('.history-label').textContent));
  assert.deepEqual(entries, ['spammy.eml', 'contact-form.eml']);
  await page.click('#history-list li:nth-child(2) button');
  const report = await waitForReport(page);
  assert.equal(report.verdict, 'pass');
  await page.click('#history-clear');
  assert.equal(await page.isVisible('#history'), false);
  await session.context.close();
});

test('a compose check is listed under its Subject as typed, not as the encoded words of the message sent', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.click('#mode-compose');
  await page.fill('#c-from', 'a@example.com');
  await page.fill('#c-to', 'b@example.org');
  await page.fill('#c-subject', 'Café ouvert — réservation');
  await page.fill('#c-text', 'Bonjour');
  await page.click('#lint-run');
  await waitForReport(page);
  await page.waitForFunction(() => document.querySelectorAll('#history-list li').length === 1);
  assert.equal(await page.textContent('#history-list .history-label'), 'Café ouvert — réservation');
  await session.context.close();
});

test('a pasted message is listed under its Subject with the RFC 2047 encoded words decoded, a malformed word as written', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const withSubject = (subject) => `From: a@example.com\r\nTo: b@example.org\r\nSubject: ${subject}\r\n`
    + 'Date: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nBonjour\r\n';
  const base64 = (s) => Buffer.from(s).toString('base64');
  const checks = [
    // B, then Q with "é" split across two folded words (mailers do it), then Latin-1, then a stray "=" and an unknown charset.
    [`=?UTF-8?B?${base64('Café ouvert')}?=`, 'Café ouvert'],
    ['=?utf-8?Q?R=C3=A9servation_?=\r\n =?utf-8?Q?confirm=C3?= =?utf-8?Q?=A9e?=', 'Réservation confirmée'],
    ['Re: =?ISO-8859-1?Q?caf=E9?= demain', 'Re: café demain'],
    ['=?UTF-8?Q?a=ZZ?= =?x-unknown?B?YQ==?=', '=?UTF-8?Q?a=ZZ?= =?x-unknown?B?YQ==?='],
    // Decoded, a right-to-left override is shown as the engine shows it, isolated.
    [`=?UTF-8?B?${base64('Invoice \u202Egpj.exe')}?=`, 'Invoice <U+202E>gpj.exe'],
    // MAX_DECODED_WORDS words are decoded, the next one is shown as written.
    [Array.from({ length: MAX_DECODED_WORDS + 1 }, (_, i) => `=?utf-8?q?${i === MAX_DECODED_WORDS ? 'b' : 'a'}?=`).join(' '),
      `${'a'.repeat(MAX_DECODED_WORDS)} =?utf-8?q?b?=`],
  ];
  for (const [index, [subject]] of checks.entries()) {
    await lintRaw(page, withSubject(subject));
    await page.waitForFunction((n) => document.querySelectorAll('#history-list li').length === n, index + 1);
  }
  await page.evaluate(() => { document.getElementById('history').open = true; });
  const labels = await page.$$eval('#history-list .history-label', (l) => l.map((x) => `${x.tagName} ${x.textContent}`));
  assert.deepEqual(labels, checks.map(([, shown]) => `BDI ${shown}`).reverse());
  await session.context.close();
});
