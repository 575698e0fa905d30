// The report as the visitor reads it (issue 20, rough edges): the score on a
// scale, sizes in units that say something, highlights named by line, a
// findings list that stays put, large messages that stay fast, and a language
// switch that re-renders the same report instead of checking again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startHarness, openPage, loadApp, lintRaw, waitForReport } from './harness.mjs';
import { engine, messages } from './engine.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const spammy = readFileSync(join(ROOT, 'www/samples/spammy.eml'));

test('the verdict shows the spam score against its threshold as SpamAssassin writes them, one decimal each, in every language', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const decimal = { en: '.', fr: ',', es: ',', pl: ',' };
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    await page.selectOption('#language', locale);
    await page.waitForFunction((l) => document.body.dataset.locale === l, locale);
    const shown = await page.evaluate(async () => {
      const { renderVerdict } = await import('./views/report.mjs');
      const scores = [];
      for (const [spamScore, spamThreshold] of [[6.5, 5], [0, 5], [4.04, 12]]) {
        renderVerdict({ verdict: 'warn', spamScore, spamThreshold, counts: { error: 0, warning: 3, info: 0 } });
        scores.push(document.getElementById('verdict-score').textContent);
      }
      return scores;
    });
    const local = (n) => n.replace('.', decimal[locale]);
    const template = messages(locale)['core.report.score'];
    assert.deepEqual(shown, [['6.5', '5.0'], ['0.0', '5.0'], ['4.0', '12.0']]
      .map(([score, threshold]) => template.replace('{score}', local(score)).replace('{threshold}', local(threshold))));
  }
  await session.context.close();
});

test('small sizes are given in bytes or kilobytes, never as 0.000 MB', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await lintRaw(page, 'From: a@example.com\nTo: b@example.com\nSubject: Hi\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\nHello\n');
  const labels = await page.$$eval('.meter-row > span', (s) => s.map((x) => x.textContent));
  assert.ok(labels.every((l) => !/0[.,]000/.test(l)), String(labels));
  assert.match(labels[0], /\b\d+ bytes of 10\.00 MB\b/);
  await session.context.close();
});

test('a highlight is named by line and column, not by byte offsets', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: 'spammy.eml', mimeType: 'message/rfc822', buffer: spammy });
  await waitForReport(page);
  await page.click('#findings li[data-rule="spam/subject-caps"] .finding-main');
  const note = await page.textContent('#source-note');
  assert.ok(!/bytes \d+ to \d+/.test(note), note);
  assert.match(note, /line 3, column \d+/);
  await session.context.close();
});

test('clicking a finding marks it in the source box without moving the page away from the list', async () => {
  const session = await openPage(harness, { viewport: { width: 1280, height: 700 } });
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: 'spammy.eml', mimeType: 'message/rfc822', buffer: spammy });
  await waitForReport(page);
  const button = '#findings li[data-rule="links/mismatch"] .finding-main';
  await page.$eval(button, (b) => b.scrollIntoView({ block: 'center' }));
  const before = await page.evaluate((sel) => ({ y: scrollY, top: document.querySelector(sel).getBoundingClientRect().top }), button);
  await page.click(button);
  const after = await page.evaluate((sel) => {
    const mark = document.getElementById('source-mark').getBoundingClientRect();
    const box = document.getElementById('source').getBoundingClientRect();
    return { y: scrollY, top: document.querySelector(sel).getBoundingClientRect().top, markInBox: mark.top >= box.top && mark.top < box.bottom };
  }, button);
  assert.equal(after.y, before.y, 'the window did not scroll');
  assert.equal(after.top, before.top, 'the clicked finding stayed where it was');
  assert.ok(after.markInBox, 'the mark is scrolled into view inside the source box');
  await session.context.close();
});

test('a 5 MB message shows a window of its source around the selected finding, not all of it', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const head = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Report\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
    + 'Message-ID: <big@example.com>\r\n\r\n';
  const message = Buffer.from(head + ('y'.repeat(1000) + '\r\n').repeat(5000));
  await page.setInputFiles('#eml-file', { name: 'big.eml', mimeType: 'message/rfc822', buffer: message });
  await waitForReport(page);
  assert.ok((await page.$eval('#source', (p) => p.textContent.length)) < 300_000);
  await page.click('#findings li[data-rule="size/line-length"] .finding-main');
  const shown = await page.$eval('#source', (p) => p.textContent.length);
  assert.ok(shown < 300_000, `${shown} characters in the source box`);
  assert.match(await page.textContent('#source-note'), /showing \d+(\.\d+)? kB around the highlight, out of 5\.0\d MB/);
  await session.context.close();
});

test('the error, warning and note counts start with a capital in every language', async () => {
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    const counts = messages(locale)['ui.verdict.counts'];
    assert.equal(counts[0], counts[0].toUpperCase(), `${locale}: ${counts}`);
  }
});

test('changing the language re-renders the same report without checking the message again', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await page.addInitScript(() => {
    window.__calls = { lint: 0, renderReport: 0 };
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function counted(message, ...rest) {
      if (message && message.op in window.__calls) window.__calls[message.op]++;
      return post.call(this, message, ...rest);
    };
  });
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: 'spammy.eml', mimeType: 'message/rfc822', buffer: spammy });
  await waitForReport(page);
  assert.deepEqual(await page.evaluate(() => window.__calls), { lint: 1, renderReport: 0 });
  await page.selectOption('#language', 'es');
  await page.waitForFunction(() => document.body.dataset.locale === 'es');
  await page.waitForFunction((t) => document.getElementById('verdict-title').textContent === t, messages('es')['core.verdict.fail']);
  assert.deepEqual(await page.evaluate(() => window.__calls), { lint: 1, renderReport: 1 }, 'rendered again, not checked again');
  // The findings read as the engine renders the same report in Spanish.
  const spanish = engine.renderReport(engine.lint(new Uint8Array(spammy), { locale: 'en' }), 'es');
  const shown = await page.$$eval('#findings .finding', (items) => items.map((li) => [li.dataset.rule, li.querySelector('.message').textContent]));
  const expected = spanish.findings.map((f) => [f.ruleId, f.message]);
  const bySeverity = (list) => [...list].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  assert.deepEqual(bySeverity(shown), bySeverity(expected));
  await session.context.close();
});

test('an input the engine refuses is said again in the new language when the language changes', async () => {
  const session = await openPage(harness, { locale: 'fr-FR' });
  const { page } = session;
  await loadApp(page, harness.origin);
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n', 'latin1');
  await page.setInputFiles('#eml-file', { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.waitForSelector('#lint-error:not([hidden])');
  const refusal = (locale) => {
    try {
      engine.lint(new Uint8Array(pdf), { locale });
    } catch (err) {
      return err;
    }
    return null;
  };
  assert.equal(refusal('fr').code, 'not-a-message');
  assert.equal(await page.textContent('#lint-error-text'), refusal('fr').message);
  await page.selectOption('#language', 'pl');
  await page.waitForFunction((t) => document.getElementById('lint-error-text').textContent === t, refusal('pl').message);
  await session.context.close();
});
