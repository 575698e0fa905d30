// Mechanical fixes in the page (issue 20): the engine fixes the message, the
// page shows what changed as a diff, checks the fixed message again and shows
// before and after, and the fixed .eml can be downloaded or checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startHarness, openPage, loadApp, waitForReport } from './harness.mjs';
import { engine, messages } from './engine.mjs';
import { MAX_SHOWN_CHARS, MAX_SHOWN_LINES, MAX_TABLE_CELLS } from '../../www/lib/diff.mjs';
import { PAGE_TEXTS } from '../../www/lib/page-texts.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const spammy = readFileSync(join(ROOT, 'www/samples/spammy.eml'));

test('fixing the spammy sample adds a Message-ID, encodes the subject and adds a text version, and the check after shows them gone', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: 'spammy.eml', mimeType: 'message/rfc822', buffer: spammy });
  await waitForReport(page);
  await page.click('#fixes-run');
  await page.waitForSelector('#fixes-result:not([hidden])');
  const applied = await page.$$eval('#fixes-applied li', (li) => li.map((x) => x.textContent));
  const en = messages('en');
  assert.ok(applied.some((t) => t.startsWith(en['ui.fix.add-message-id'])), String(applied));
  assert.ok(applied.some((t) => t.startsWith(en['ui.fix.encode-subject'])), String(applied));
  assert.ok(applied.some((t) => t.startsWith(en['ui.fix.text-alternative'])), String(applied));
  const added = await page.$$eval('#fixes-diff .diff-add', (s) => s.map((x) => x.textContent));
  assert.ok(added.some((line) => /^\+ Message-ID: <[0-9a-f]+\.[0-9a-f]+@promo-shop\.example>/.test(line)), added.join(''));
  assert.ok(added.some((line) => /^\+ Subject: =\?UTF-8\?[QB]\?/.test(line)), added.join(''));
  const removed = await page.$$eval('#fixes-diff .diff-del', (s) => s.map((x) => x.textContent));
  assert.ok(removed.some((line) => line.startsWith('- Subject: FREE GIFT')), removed.join(''));
  // The download is the engine's fixed message.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#fixes-download')]);
  assert.equal(file.suggestedFilename(), 'fixed-spammy.eml');
  const fixed = readFileSync(await file.path());
  const expected = engine.fixMessage(new Uint8Array(spammy), { only: ['encode-subject', 'add-message-id', 'text-alternative'] });
  // Before and after, from a second check of the fixed message: the three findings the fixes are for are gone,
  // and the counts are the engine's for the message and for the fixed message.
  const gone = await page.$$eval('#fixes-rules ul:first-of-type code', (c) => c.map((x) => x.textContent));
  for (const rule of ['headers/missing-field', 'headers/raw-8bit', 'spam/html-only']) assert.ok(gone.includes(rule), `${rule} in ${gone}`);
  const before = engine.lint(new Uint8Array(spammy), { locale: 'en' });
  const after = engine.lint(new Uint8Array(fixed), { locale: 'en' });
  assert.equal(after.findings.length, before.findings.length - gone.length, 'no finding came with the fixes');
  assert.equal(await page.textContent('#fixes-compare'), `Before: ${en[`core.verdict.${before.verdict}`]}, ${before.findings.length} findings. `
    + `After: ${en[`core.verdict.${after.verdict}`]}, ${after.findings.length} findings.`);
  // The Message-ID (and the boundary hashed from the message) depend on the time of the fix.
  const timeless = (bytes) => Buffer.from(bytes).toString('latin1').replace(/Message-ID: <[^>]+>/, 'Message-ID: <id>')
    .replace(/=_mp_alt_[0-9a-f]+_\d+/g, 'boundary');
  assert.equal(timeless(fixed), timeless(expected.fixed));
  // "Check the fixed message" makes it the message on screen.
  await page.click('#fixes-use');
  const report = await waitForReport(page);
  assert.ok(!report.rules.includes('headers/raw-8bit'));
  assert.match(await page.textContent('#file-info'), /fixed-spammy\.eml/);
  await session.context.close();
});

test('a message with nothing mechanical to fix says so', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.click('#load-sample');
  await waitForReport(page);
  await page.click('#fixes-run');
  await page.waitForFunction(() => document.getElementById('fixes-status').textContent !== '' &&
    !document.getElementById('fixes-status').textContent.endsWith('…'));
  assert.equal(await page.textContent('#fixes-status'), messages('en')['ui.fixes.nothing']);
  assert.equal(await page.isVisible('#fixes-result'), false);
  await session.context.close();
});

test('the fixed message is checked again with the visitor\'s own rules, so a custom finding the fixes did not touch stays', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.evaluate(() => localStorage.setItem('mail-preflight.custom-rules', JSON.stringify({
    json: '', sa: 'body LOCAL_WIN /winner/i\nscore LOCAL_WIN 3.0\ndescribe LOCAL_WIN Says winner\n', enabled: true })));
  await loadApp(page, harness.origin);
  const winner = 'From: Shop <shop@example.com>\nTo: b@example.org\nSubject: You are a winner\nMIME-Version: 1.0\n'
    + 'Content-Type: text/plain; charset=utf-8\n\nYou are a WINNER, claim now.\n';
  await page.waitForFunction(() => /loaded: 1/.test(document.querySelector('#custom-status')?.textContent));
  await page.setInputFiles('#eml-file', { name: 'winner.eml', mimeType: 'message/rfc822', buffer: Buffer.from(winner) });
  const report = await waitForReport(page);
  assert.ok(report.rules.includes('sa/LOCAL_WIN'), String(report.rules));
  await page.click('#fixes-run');
  await page.waitForSelector('#fixes-result:not([hidden])');
  const rules = await page.$$eval('#fixes-rules code', (c) => c.map((x) => x.textContent));
  assert.ok(!rules.includes('sa/LOCAL_WIN'), `neither gone nor added: ${rules}`);
  await session.context.close();
});

test('the diff of a large fixed message is made in the worker and bounded as the source view is, with a note saying the rest is not shown', async () => {
  const session = await openPage(harness);
  const { page } = session;
  // The operations the page asks of the engine's worker.
  await page.addInitScript(() => {
    window.__ops = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && message.op) window.__ops.push(message.op);
      return post.call(this, message, ...rest);
    };
  });
  await loadApp(page, harness.origin);
  // A 2.3 MB HTML-only newsletter: the fix adds a text version, so every line of the body changes.
  const rows = Array.from({ length: 20_000 }, (_, i) => `<tr><td style="padding:4px">Product ${i}</td><td><a href="https://shop.example/p/${i}">See the offer</a></td></tr>\r\n`).join('');
  const eml = 'From: Shop <news@shop.example>\r\nTo: b@example.org\r\nSubject: Our new products\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
    + 'MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html lang="en"><body><table>\r\n' + rows + '</table></body></html>\r\n';
  await page.setInputFiles('#eml-file', { name: 'news.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) });
  await waitForReport(page);
  await page.click('#fixes-run');
  await page.waitForSelector('#fixes-result:not([hidden])');
  const diff = await page.$eval('#fixes-diff', (pre) => ({
    lines: pre.querySelectorAll('.diff-add, .diff-del, .diff-same').length,
    chars: [...pre.querySelectorAll('.diff-add, .diff-del, .diff-same')].reduce((n, s) => n + s.textContent.length - 3, 0),
    cut: pre.querySelector('.diff-cut')?.textContent,
  }));
  assert.ok(diff.lines <= MAX_SHOWN_LINES, `${diff.lines} lines laid out`);
  assert.ok(diff.chars <= MAX_SHOWN_CHARS + 1, `${diff.chars} characters laid out`);
  assert.equal(diff.cut, PAGE_TEXTS['page.fixes.diff-cut'].en);
  assert.ok((await page.evaluate(() => window.__ops)).includes('diffMessages'), 'the diff is made off the main thread');
  await session.context.close();
});

/** Fixes `eml` (a file) in the page and returns what the diff shows. */
async function fixedDiff(page, eml) {
  await page.setInputFiles('#eml-file', { name: 'long.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) });
  await waitForReport(page);
  await page.click('#fixes-run');
  await page.waitForSelector('#fixes-result:not([hidden])');
  return page.$eval('#fixes-diff', (pre) => ({
    removed: [...pre.querySelectorAll('.diff-del')].map((s) => s.textContent),
    added: [...pre.querySelectorAll('.diff-add')].map((s) => s.textContent),
    simplified: pre.querySelector('#fixes-diff-simplified')?.textContent ?? null,
    text: pre.textContent,
  }));
}

test('a change at the top and one at the bottom of a long message leave the lines between unchanged in the diff, not removed and added again', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  // 3,000 lines of HTML: the fixes add a Message-ID at the top and a text version (a multipart around the HTML),
  // so the first and last changed lines are 3,000 apart, 9 million line pairs, past MAX_TABLE_CELLS.
  const rows = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i} of the newsletter.</p>`).join('\r\n');
  const eml = 'From: a@example.com\r\nTo: b@example.org\r\nSubject: Hello\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
    + `MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>\r\n${rows}\r\n</body></html>\r\n`;
  assert.ok(3000 * 3000 > MAX_TABLE_CELLS);
  const diff = await fixedDiff(page, eml);
  assert.ok(!diff.removed.some((line) => line.includes('<p>Paragraph')), `${diff.removed.length} lines removed, the HTML among them`);
  assert.ok(!diff.added.some((line) => line.includes('<p>Paragraph')), 'the HTML is not added again');
  assert.ok(diff.added.some((line) => /^\+ Message-ID: </.test(line)), 'the Message-ID is added');
  assert.ok(diff.added.some((line) => line === '+ Paragraph 1500 of the newsletter.\n'), 'the text version is added');
  assert.deepEqual(diff.removed, [], 'no line is removed: the fixes only add lines (the HTML part keeps the Content-Type line)');
  assert.equal(diff.simplified, null, 'nothing simplified: every stretch fits the budget');
  assert.ok(!diff.text.endsWith('null'), 'no "null" laid out after the last line');
  await session.context.close();
});

test('a diff past its size budget is said to be simplified, naming the budget, in the page\'s language', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  // 2,500 repeated body lines ended by a bare LF in a CRLF message: the line-ends fix changes every one of them,
  // and no line is found once on each side to cut the 2,501 × 2,501 line pairs (past MAX_TABLE_CELLS) into stretches.
  const eml = 'From: a@example.com\r\nTo: b@example.org\r\nSubject: Hello\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
    + 'Message-ID: <1@example.com>\r\n\r\n' + 'The same line.\n'.repeat(2500);
  assert.ok(2501 * 2501 > MAX_TABLE_CELLS);
  const diff = await fixedDiff(page, eml);
  assert.equal(diff.removed.length, 2500);
  assert.equal(diff.simplified, PAGE_TEXTS['page.fixes.diff-simplified'].en);
  for (const [locale, said] of Object.entries(PAGE_TEXTS['page.fixes.diff-simplified'])) {
    assert.equal(said.replace(/\D/g, ''), String(MAX_TABLE_CELLS), `the ${locale} text names MAX_TABLE_CELLS`);
  }
  await page.selectOption('#language', 'fr');
  await page.waitForFunction(() => document.body.dataset.locale === 'fr');
  assert.equal(await page.textContent('#fixes-diff-simplified'), PAGE_TEXTS['page.fixes.diff-simplified'].fr);
  await session.context.close();
});

test('the diff reads legacy-charset bytes in the charset their part declares, before and after the fix, as the source view does', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  // An ISO-8859-1 message with a raw 8-bit Subject (its last field) and no Message-ID: the fix adds a Message-ID
  // after the Subject, so the Subject and the body are context lines of the diff. Read as UTF-8, é, à and ü were U+FFFD.
  const eml = Buffer.from('From: a@example.com\r\nTo: b@example.org\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
    + 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n'
    + 'Subject: Caf\xe9 \xe0 Z\xfcrich\r\n\r\nRendez-vous au caf\xe9 \xe0 Z\xfcrich.\r\n', 'latin1');
  const diff = await fixedDiff(page, eml);
  assert.ok(diff.added.some((line) => /^\+ Message-ID: </.test(line)), diff.text);
  assert.ok(diff.text.includes('  Subject: Café à Zürich\n'), diff.text);
  assert.ok(diff.text.includes('  Rendez-vous au café à Zürich.\n'), diff.text);
  assert.ok(!diff.text.includes('\ufffd'), diff.text);
  await session.context.close();
});
