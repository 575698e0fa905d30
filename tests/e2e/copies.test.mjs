// A checked message crosses to the engine's worker once: the check keeps its bytes for the
// preview's analysis (worker.js `analyseKept`), where the page had copied and posted a
// 20 MB message a second time (page audit: 173 ms of copying at 4x CPU slowdown).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, openPage, loadApp, waitForReport } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

/** Records the bytes each call to the worker carries. */
async function countPosted(page) {
  await page.addInitScript(() => {
    window.__posted = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && message.op) {
        const bytes = (message.args || []).reduce((n, a) => n + (a instanceof Uint8Array ? a.byteLength : 0), 0);
        window.__posted.push({ op: message.op, bytes });
      }
      return post.call(this, message, ...rest);
    };
  });
}

const bigMessage = () => Buffer.from('From: a@example.com\r\nTo: b@example.org\r\nSubject: Report\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
  + 'Message-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n'
  + Array.from({ length: 20_000 }, (_, i) => `Line ${i} of the quarterly report, KEPT-TEXT.\r\n`).join(''));


/** Drops the large message with the count of posted bytes reset, and waits until its preview is drawn. */
async function dropBigAndWaitForPreview(page) {
  const eml = bigMessage();
  await page.evaluate(() => (window.__posted.length = 0));
  await page.setInputFiles('#eml-file', { name: 'big.eml', mimeType: 'message/rfc822', buffer: eml });
  await waitForReport(page);
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.body.textContent.includes('Line 19999 of the quarterly report'));
  return eml;
}
test('a checked file crosses to the worker once: the preview analyses the bytes the check kept', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await countPosted(page);
  await loadApp(page, harness.origin);
  const eml = await dropBigAndWaitForPreview(page);
  const posted = await page.evaluate(() => window.__posted.filter((call) => call.bytes > 0 || call.op.startsWith('analyse')));
  assert.deepEqual(posted, [{ op: 'lint', bytes: eml.length }, { op: 'analyseKept', bytes: 0 }]);
  await session.context.close();
});

test('when the worker no longer holds the checked bytes, the preview sends them and is still drawn', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await countPosted(page);
  // The worker answers `not-kept` to every analyseKept, as a fresh worker after a Cancel does.
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && message.op === 'lint') message = { ...message, args: message.args.slice(0, 2) };
      return post.call(this, message, ...rest);
    };
  });
  await loadApp(page, harness.origin);
  await dropBigAndWaitForPreview(page);
  const ops = await page.evaluate(() => window.__posted.filter((call) => call.op.startsWith('analyse')).map((call) => call.op));
  assert.deepEqual(ops, ['analyseKept', 'analyse']);
  await session.context.close();
});
