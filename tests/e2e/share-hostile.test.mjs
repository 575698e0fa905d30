// Shared links come from anyone (lib/share.mjs): a link longer than any the page makes is
// refused before it is decoded, said in the page's language, and nothing is checked; a
// link whose fields the page would not write (a platform it does not offer, a name past
// any file system's, a field that is no text) is a broken link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { startHarness, openPage, loadApp, waitForReport } from './harness.mjs';
import { messages } from './engine.mjs';
import { MAX_SHARE_FRAGMENT_CHARS, MAX_SHARE_BYTES, MAX_SHARE_NAME_CHARS } from '../../www/lib/share.mjs';
import { PAGE_TEXTS } from '../../www/lib/page-texts.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

/** Records the operations the page asks of the engine's worker. */
async function recordOps(page) {
  await page.addInitScript(() => {
    window.__ops = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && message.op) window.__ops.push(message.op);
      return post.call(this, message, ...rest);
    };
  });
}

test('a link longer than the page makes is refused unread, in the four languages, and nothing is checked', async () => {
  assert.equal(MAX_SHARE_FRAGMENT_CHARS, Math.ceil((MAX_SHARE_BYTES * 4) / 3), 'the base64url length of the largest link payload');
  const session = await openPage(harness);
  const { page } = session;
  await recordOps(page);
  await loadApp(page, harness.origin);
  // Valid base64url one character past the limit: read, it would be decoded and inflated (and found broken).
  const long = 'A'.repeat(MAX_SHARE_FRAGMENT_CHARS + 1);
  assert.equal(long.length, MAX_SHARE_FRAGMENT_CHARS + 1);
  await page.evaluate((hash) => { location.hash = hash; }, `#lint/share=${long}`);
  await page.waitForSelector('#lint-error:not([hidden])');
  for (const locale of ['en', 'fr', 'es', 'pl']) {
    await page.selectOption('#language', locale);
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    assert.equal(await page.textContent('#lint-error-text'), PAGE_TEXTS['page.share.too-long'][locale], locale);
  }
  assert.ok(!(await page.evaluate(() => window.__ops)).some((op) => op.startsWith('lint')), 'nothing is checked');
  assert.equal(await page.isVisible('#result'), false);
  await session.context.close();
});

test('a link of exactly the longest length the page makes is read', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  // The same message at the limit: the page decodes it (and finds it is no deflate stream: "AAAA" is not one).
  await page.evaluate((hash) => { location.hash = hash; }, `#lint/share=${'A'.repeat(MAX_SHARE_FRAGMENT_CHARS)}`);
  await page.waitForSelector('#lint-error:not([hidden])');
  assert.notEqual(await page.textContent('#lint-error-text'), PAGE_TEXTS['page.share.too-long'].en);
  await session.context.close();
});

/** A link of `header` (and `body` for a raw message), as lib/share.mjs writes them. */
const link = (header, body = '') => `#lint/share=${deflateRawSync(Buffer.from(`${JSON.stringify(header)}\n${body}`)).toString('base64url')}`;
const call = { to: 'b@example.org', subject: 'Hello', message: 'Hello there.', headers: 'From: a@example.com' };

test('a link whose fields the page would not write is broken, nothing is checked; the same link with sound fields opens', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await recordOps(page);
  await loadApp(page, harness.origin);
  const hostile = [
    link({ v: 1, kind: 'php', call, platform: 'x'.repeat(10_000) }),
    link({ v: 1, kind: 'php', call: { ...call, to: { toString: 1 } }, platform: 'unix' }),
    link({ v: 1, kind: 'php', call: 'mail()' }),
    link({ v: 1, kind: 'raw', name: 'n'.repeat(MAX_SHARE_NAME_CHARS + 1) }, 'From: a@example.com\r\n\r\nHi\r\n'),
    link({ v: 1, kind: 'raw', name: ['a.eml'] }, 'From: a@example.com\r\n\r\nHi\r\n'),
    link({ v: 1, kind: 'compose', compose: ['from'] }),
    link([1]),
  ];
  for (const hash of hostile) {
    await page.evaluate(() => { location.hash = '#lint'; });
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForSelector('#lint-error:not([hidden])');
    assert.equal(await page.textContent('#lint-error-text'), messages('en')['ui.actions.share-broken'], hash.slice(0, 80));
  }
  assert.deepEqual((await page.evaluate(() => window.__ops)).filter((op) => op.startsWith('lint')), [], 'nothing is checked');
  await page.evaluate((h) => { location.hash = h; }, link({ v: 1, kind: 'php', call, platform: 'windows' }));
  await waitForReport(page);
  assert.equal(await page.inputValue('#p-platform'), 'windows');
  await page.evaluate((h) => { location.hash = h; }, link({ v: 1, kind: 'raw', name: `${'n'.repeat(MAX_SHARE_NAME_CHARS - 4)}.eml` }, 'From: a@example.com\r\n\r\nHi\r\n'));
  await page.waitForFunction(() => window.__ops.filter((op) => op === 'lint').length === 1);
  await session.context.close();
});

test('a link the page writes for a name past the limit carries the name cut, so it opens', async () => {
  // lib/share.mjs as Node runs it (CompressionStream, atob): no page needed.
  const { shareFragment, readShareFragment } = await import('../../www/lib/share.mjs');
  const name = `fixed-${'n'.repeat(MAX_SHARE_NAME_CHARS)}.eml`;
  const fragment = await shareFragment({ kind: 'raw', name, bytes: Buffer.from('From: a@example.com\r\n\r\nHi\r\n') });
  const read = await readShareFragment(fragment);
  assert.equal(read.name, name.slice(0, MAX_SHARE_NAME_CHARS));
});
