// Defects found by the page audit of stop 68, each with its test:
// - a large message was compressed whole, in one task, for the history's link (a 20 MB
//   message held the main thread 1.1 s): the compressor is now fed a chunk at a time and
//   stops as soon as the link would be too long;
// - the progress spinner turned on with reduced motion asked;
// - the source view drew hidden characters as they are: a NUL (headers/nul-byte) was an
//   empty highlight, a RIGHT-TO-LEFT OVERRIDE mirrored the rest of its line;
// - on a phone-sized screen the simulation's tables and a fix's evidence widened the page
//   (648 px of page at 360 px), and its charts scrolled in boxes the keyboard could not reach;
// - each event-handler attribute of a previewed message (an <img onerror>) put a "Blocked
//   script execution" error on the page's console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startHarness, openPage, loadApp, waitForReport, fillResults, seriousViolations } from './harness.mjs';
import { messages } from './engine.mjs';
import { PIPE_CHUNK_BYTES, MAX_SHARE_BYTES } from '../../www/lib/share.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const HEAD = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: large\r\nDate: Mon, 1 Dec 2026 10:00:00 +0000\r\n'
  + 'Message-ID: <large@example.com>\r\nMIME-Version: 1.0\r\n';

/** A message of about `size` bytes with a base64 attachment of `bytes`. */
function withAttachment(bytes) {
  const base64 = bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(`${HEAD}Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n`
    + `--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="data.bin"\r\n`
    + `Content-Transfer-Encoding: base64\r\n\r\n${base64}\r\n--b--\r\n`);
}

/** Records the size of every chunk written into a CompressionStream (page-level hook, before the page's scripts). */
async function watchCompression(page) {
  await page.addInitScript(() => {
    window.__compressed = [];
    const Real = window.CompressionStream;
    if (!Real) return;
    window.CompressionStream = class {
      constructor(format) {
        const real = new Real(format);
        const count = new TransformStream({
          transform(chunk, controller) {
            window.__compressed.push(chunk.byteLength);
            controller.enqueue(chunk);
          },
        });
        count.readable.pipeTo(real.writable).catch(() => {});
        this.writable = count.writable;
        this.readable = real.readable;
      }
    };
  });
}

test('a 12 MB message too large for a link: its compression stops at the link\'s limit, a chunk at a time', async () => {
  const session = await openPage(harness);
  const { page, outside } = session;
  await watchCompression(page);
  await loadApp(page, harness.origin);
  const message = withAttachment(randomBytes(9_000_000));
  await page.setInputFiles('#eml-file', { name: 'large.eml', mimeType: 'message/rfc822', buffer: message });
  await waitForReport(page);
  // The history records the check without the message (it does not fit a link).
  await page.waitForFunction(() => document.querySelectorAll('#history-list li').length === 1);
  assert.equal(await page.textContent('#history-list .hint:last-child'), messages('en')['ui.history.not-kept']);
  const chunks = await page.evaluate(() => window.__compressed);
  const fed = chunks.reduce((a, b) => a + b, 0);
  assert.ok(chunks.length > 1, `fed in chunks (${chunks.length})`);
  assert.ok(Math.max(...chunks) <= PIPE_CHUNK_BYTES, `largest chunk ${Math.max(...chunks)}`);
  // Random bytes do not compress: the link is past its limit after about MAX_SHARE_BYTES of input.
  assert.ok(fed < 4 * MAX_SHARE_BYTES, `${fed} of ${message.length} bytes compressed`);
  assert.deepEqual(outside, []);
  await session.context.close();
});

test('a large message that fits a link is compressed a chunk at a time and opens again from the history', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await watchCompression(page);
  await loadApp(page, harness.origin);
  // 3 MB of a repeated line: it deflates to a few KB.
  const message = Buffer.from(`${HEAD}Content-Type: text/plain\r\n\r\n${'All work and no play makes a dull message.\r\n'.repeat(70_000)}`);
  await page.setInputFiles('#eml-file', { name: 'repeated.eml', mimeType: 'message/rfc822', buffer: message });
  const first = await waitForReport(page);
  await page.waitForFunction(() => document.querySelectorAll('#history-list li button').length === 1);
  const chunks = await page.evaluate(() => window.__compressed);
  assert.equal(chunks.reduce((a, b) => a + b, 0) > message.length, true, 'the whole message (and its header line) was compressed');
  assert.ok(Math.max(...chunks) <= PIPE_CHUNK_BYTES, `largest chunk ${Math.max(...chunks)}`);
  // Opened again from the history: the same bytes, the same report.
  await page.click('#history-summary');
  await page.evaluate(() => { document.getElementById('result').hidden = true; });
  await page.click('#history-list li button');
  const again = await waitForReport(page);
  assert.deepEqual(again, first);
  assert.match(await page.textContent('#file-info'), /repeated\.eml/);
  await session.context.close();
});

test('with reduced motion asked, the progress spinner stands still (it turns otherwise)', async () => {
  for (const [reducedMotion, expected] of [['reduce', 'none'], ['no-preference', 'spin']]) {
    const session = await openPage(harness);
    const { page } = session;
    await page.emulateMedia({ reducedMotion });
    await loadApp(page, harness.origin);
    const names = await page.$$eval('.spinner', (spinners) => spinners.map((s) => getComputedStyle(s).animationName));
    assert.ok(names.length >= 2, 'the check\'s and the simulation\'s spinners');
    assert.deepEqual(new Set(names), new Set([expected]), reducedMotion);
    await session.context.close();
  }
});

test('the source view shows hidden characters by a sign, as the evidence does: a NUL finding marks a visible ␀', async () => {
  const session = await openPage(harness);
  const { page, errors } = session;
  await loadApp(page, harness.origin);
  const message = Buffer.from(`${HEAD.replace('Subject: large', 'Subject: Invoice \u202Egnp.exe')}Content-Type: text/plain\r\n\r\nbody\u0000with a NUL\x1b[31m\r\n`);
  await page.setInputFiles('#eml-file', { name: 'hidden.eml', mimeType: 'message/rfc822', buffer: message });
  const report = await waitForReport(page);
  assert.ok(report.rules.includes('headers/nul-byte'), String(report.rules));
  await page.click('#findings li[data-rule="headers/nul-byte"] .finding-main');
  assert.equal(await page.$eval('#source-mark', (m) => m.textContent), '\u2400');
  assert.equal(await page.$eval('#source-mark .hidden-char', (s) => s.title), 'U+0000');
  const evidence = await page.$eval('#findings li[data-rule="headers/nul-byte"] .evidence', (e) => e.textContent);
  assert.ok(evidence.includes('body\u2400with'), evidence);
  const source = await page.textContent('#source');
  assert.ok(source.includes('Subject: Invoice <U+202E>gnp.exe\r\n'), 'the override is named, not applied');
  assert.ok(source.includes('body\u2400with a NUL\u241b[31m\r\n'), JSON.stringify(source.slice(-60)));
  assert.doesNotMatch(source, /[\u0000\u001b\u202e]/);
  assert.deepEqual(errors, []);
  await session.context.close();
});

test('the fixes\' diff shows a line\'s hidden characters by a sign too', async () => {
  const session = await openPage(harness);
  const { page, errors } = session;
  await loadApp(page, harness.origin);
  // No Date: the fix adds one, and the diff shows the header lines around it.
  const message = Buffer.from('From: a@example.com\r\nTo: b@example.com\r\nSubject: Invoice \u202Egnp.exe\r\n'
    + 'Message-ID: <fix@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello\r\n');
  await page.setInputFiles('#eml-file', { name: 'nodate.eml', mimeType: 'message/rfc822', buffer: message });
  await waitForReport(page);
  await page.click('#fixes-run');
  await page.waitForSelector('#fixes-result:not([hidden])');
  const diff = await page.textContent('#fixes-diff');
  assert.match(diff, /\+ Date: /);
  assert.ok(diff.includes('Subject: Invoice <U+202E>gnp.exe'), diff);
  assert.doesNotMatch(diff, /\u202e/);
  assert.deepEqual(errors, []);
  await session.context.close();
});

test('on a phone-sized screen no view is wider than the screen, and every box that scrolls sideways takes focus', async () => {
  const session = await openPage(harness, { viewport: { width: 360, height: 740 } });
  const { page, errors } = session;
  await loadApp(page, harness.origin);
  await fillResults(page);
  await page.click('#compare-open');
  await page.click('#compare-run');
  await page.waitForSelector('#comparison-table');
  for (const view of ['lint', 'simulate', 'explain', 'troubleshoot', 'rules', 'custom']) {
    await page.evaluate((v) => (location.hash = `#${v}`), view);
    await page.waitForSelector(`#view-${view}:not([hidden])`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    assert.ok(scrollWidth <= clientWidth, `${view}: the page is ${scrollWidth} px wide on a ${clientWidth} px screen`);
    assert.deepEqual(await seriousViolations(page), [], view);
  }
  // The boxes that do scroll are reached by Tab and named by their heading.
  await page.evaluate(() => (location.hash = '#simulate'));
  for (const id of ['timeline-chart', 'history-chart', 'stream-results', 'simulation-assumptions']) {
    const box = await page.$eval(`#${id}`, (b) => ({ scrolls: b.scrollWidth > b.clientWidth, tab: b.tabIndex,
      name: b.getAttribute('aria-labelledby') && document.getElementById(b.getAttribute('aria-labelledby')).textContent }));
    assert.equal(box.scrolls, true, `${id} scrolls sideways at 360 px`);
    assert.equal(box.tab, 0, id);
    assert.ok(box.name, id);
  }
  assert.deepEqual(errors, []);
  await session.context.close();
});

test('previewing a message with event-handler attributes puts no error on the console, and leaves no handler', async () => {
  const session = await openPage(harness);
  const { page, errors, dialogs } = session;
  await loadApp(page, harness.origin);
  const html = '<html><body onload="window.__xss=3"><p onclick="window.__xss=1">Hello <img alt="logo" src="logo.png" onerror="window.__xss=2">'
    + '<b\nonmouseover=alert(1) title="x">bold</b><a href="https://example.com/" ONCLICK=\'y()\'>link</a></p></body></html>';
  const message = Buffer.from(`${HEAD}Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`);
  await page.setInputFiles('#eml-file', { name: 'handlers.eml', mimeType: 'message/rfc822', buffer: message });
  await waitForReport(page);
  await page.click('#tab-preview');
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.body.textContent.includes('Hello'));
  const left = await page.evaluate(() => [...document.getElementById('preview').contentDocument.querySelectorAll('*')]
    .flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => /^on|^data-mp-on/i.test(n)));
  assert.deepEqual(left, []);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await session.context.close();
});
