// Files as mail programs leave them (stop 68's leftovers): a mailbox export (mbox) of
// several messages, whose first message is checked and counted; and bytes in a legacy
// charset, which the source view reads in the charset their part declares instead of
// drawing U+FFFD, marked as bytes so read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, openPage, loadApp, waitForReport } from './harness.mjs';
import { PAGE_TEXTS } from '../../www/lib/page-texts.mjs';
import { sourceFacts, lineEndCounts, SCAN_STEP } from '../../www/lib/raw-text.mjs';
import { mboxMessages } from '../../www/lib/mbox.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const MESSAGE_ONE = 'From: Ann <ann@example.com>\r\nTo: bob@example.com\r\nSubject: First of three\r\n'
  + 'Date: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\n'
  + 'Content-Type: text/plain; charset=utf-8\r\n\r\nHello Bob,\r\nsee you on Monday.\r\n';
/** A second message that, read as part of the first one's body, would change its findings. */
const MESSAGE_TWO = 'From: promo@example.net\r\nTo: bob@example.com\r\nSubject: FREE!!! ACT NOW\r\n'
  + 'Date: Mon, 2 Mar 2026 11:00:00 +0000\r\n\r\nBuy viagra now, limited time offer, click here!!!\r\n';
const MBOX = `From ann@example.com Mon Mar  2 10:00:00 2026\r\n${MESSAGE_ONE}\r\n`
  + `From promo@example.net Mon Mar  2 11:00:00 2026\r\n${MESSAGE_TWO}\r\n`
  + 'From carl@example.org Mon Mar  2 12:00:00 2026\r\nFrom: carl@example.org\r\nSubject: third\r\n\r\nx\r\n';

const source = (page) => page.textContent('#source');

test('a dropped mailbox export is checked as its first message, and the page says how many it held', async () => {
  const session = await openPage(harness);
  const { page, context } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  await loadApp(page, harness.origin);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'Inbox.mbox'));
    document.getElementById('lint-title').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, MBOX);
  const report = await waitForReport(page);
  const shown = await source(page);
  assert.match(shown, /Subject: First of three/);
  assert.doesNotMatch(shown, /FREE!!! ACT NOW|carl@example\.org/, 'the other messages are not part of the first');
  assert.ok(shown.endsWith('see you on Monday.\r\n'), 'the empty line before the next envelope is the mbox\'s, not the message\'s');
  assert.ok(report.rules.includes('headers/mbox-envelope'), String(report.rules));
  assert.ok(!report.rules.some((rule) => rule.startsWith('spam/')), `the second message's words are not the first's: ${report.rules}`);
  const expected = `${PAGE_TEXTS['page.lint.mbox'].en} ${PAGE_TEXTS['page.lint.mbox-count'].en} 3`;
  assert.equal(await page.textContent('#report-mbox'), expected);
  assert.equal(await page.isVisible('#report-mbox'), true);
  assert.equal(await page.textContent('#mbox-note'), expected);
  // Said where the focus lands, with the verdict (Chromium's accessibility tree: the heading's description).
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#verdict-title' });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const heading = nodes.find((n) => n.role?.value === 'heading');
  assert.ok(heading.description?.value.endsWith(expected), heading.description?.value);
  // The report copied as Markdown says it too.
  await page.click('#copy-markdown');
  await page.waitForFunction(() => document.getElementById('report-action-status').textContent !== '');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(markdown.split('\n').includes(expected), markdown.slice(0, 400));
  // A change of language says it again, in the new language.
  await page.selectOption('#language', 'pl');
  await page.waitForFunction((text) => document.getElementById('report-mbox').textContent === text,
    `${PAGE_TEXTS['page.lint.mbox'].pl} ${PAGE_TEXTS['page.lint.mbox-count'].pl} 3`);
  await session.context.close();
});

test('a pasted mailbox export is cut the same way; one message with its envelope line is checked whole, with no note', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.fill('#raw-input', MBOX.replace(/\r\n/g, '\n'));
  await page.click('#lint-run');
  await waitForReport(page);
  assert.doesNotMatch(await source(page), /FREE!!!/);
  assert.match(await page.textContent('#report-mbox'), / 3$/);
  // A body line "From here…" without the empty line before it does not start a message.
  const one = `From ann@example.com Mon Mar  2 10:00:00 2026\n${MESSAGE_ONE.replace(/\r\n/g, '\n')}From here on, all is well.\n`;
  await page.fill('#raw-input', one);
  await page.click('#lint-run');
  await page.waitForFunction(() => /From here on/.test(document.getElementById('source').textContent));
  assert.equal(await page.isVisible('#report-mbox'), false);
  assert.equal(await page.isVisible('#mbox-note'), false);
  await session.context.close();
});

/** A message of `head` (header lines, CRLF) and `body` bytes. */
const bytesOf = (...chunks) => Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c)));

async function openBytes(page, name, buffer) {
  await page.setInputFiles('#eml-file', { name, mimeType: 'message/rfc822', buffer });
  await waitForReport(page);
  await page.waitForSelector('#source .legacy-bytes');
}

test('legacy-charset bytes are read in the charset their part declares, marked as bytes so read', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  // ISO-8859-2 "Zażółć gęślą jaźń" and KOI8-R "Привет" in the parts of one multipart; a
  // windows-1250 Subject in raw bytes beside an encoded word naming windows-1250.
  const latin2 = Buffer.from([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6, 0x20, 0x67, 0xea, 0xb6, 0x6c, 0xb1, 0x20, 0x6a, 0x61, 0xbc, 0xf1]);
  const koi8 = Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]);
  const cp1250Subject = Buffer.from([0x50, 0xf8, 0xed, 0x6c, 0x69, 0x9a]); // "Příliš"
  const message = bytesOf('From: a@example.com\r\nTo: b@example.com\r\nSubject: ', cp1250Subject,
    '\r\nComments: =?windows-1250?Q?P=F8=EDli=9A?=\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <2@example.com>\r\n'
    + 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
    + 'Content-Type: text/plain; charset=iso-8859-2\r\nContent-Transfer-Encoding: 8bit\r\n\r\n', latin2,
    '\r\n--b\r\nContent-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit\r\n\r\n', koi8, '\r\n--b--\r\n');
  await openBytes(page, 'legacy.eml', message);
  const shown = await source(page);
  assert.match(shown, /Zażółć gęślą jaźń/);
  assert.match(shown, /Привет/);
  assert.match(shown, /Subject: Příliš/);
  assert.ok(!shown.includes('\ufffd'), 'no replacement character');
  const marks = await page.$$eval('#source .legacy-bytes', (spans) => spans.map((s) => [s.textContent, s.dataset.charset]));
  assert.deepEqual(marks.find(([t]) => t === 'żółć'), ['żółć', 'iso-8859-2']);
  assert.deepEqual(marks.find(([t]) => t === 'Привет'), ['Привет', 'koi8-r']);
  assert.deepEqual(marks.find(([t]) => t === 'ří'), ['ří', 'windows-1250']);
  assert.match(await page.textContent('#source-note'), new RegExp(PAGE_TEXTS['page.source.legacy'].en.slice(0, 40)));
  // The raw 8-bit Subject's finding marks the Subject's bytes, read the same way.
  const raw8bit = await page.$$('#findings li.finding[data-rule="headers/raw-8bit"] .finding-main');
  assert.ok(raw8bit.length > 0, 'headers/raw-8bit is reported');
  await raw8bit[0].click();
  assert.match(await page.textContent('#source-mark'), /říliš/);
  await session.context.close();
});

test('Shift_JIS text is read as Shift_JIS; UTF-8 bytes under a legacy label stay UTF-8 and unmarked', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]); // 日本語
  const message = bytesOf('From: a@example.com\r\nTo: b@example.com\r\nSubject: sjis\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
    + 'MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\n'
    + 'Content-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: 8bit\r\n\r\n', sjis,
    '\r\n--b\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
    Buffer.from('<p>déjà vu</p>', 'utf8'), '\r\n--b--\r\n');
  await openBytes(page, 'sjis.eml', message);
  const shown = await source(page);
  assert.match(shown, /日本語/);
  assert.match(shown, /déjà vu/, 'valid UTF-8 is shown as UTF-8 whatever its label');
  const marks = await page.$$eval('#source .legacy-bytes', (spans) => spans.map((s) => [s.textContent, s.dataset.charset]));
  assert.deepEqual(marks, [['日本語', 'shift_jis']]);
  await session.context.close();
});

test('a large file\'s line ends and mailbox facts are read a step per task, and the same across the steps\' seams', async () => {
  // CRLFs, an LF, a CR and mbox envelopes placed on the seams between steps.
  const size = 3 * SCAN_STEP + 123;
  const text = Buffer.alloc(size, 'a'.charCodeAt(0));
  text.write('From x@example.com Mon Mar  2 10:00:00 2026\r\nSubject: one\r\n\r\nbody\r\n', 0, 'latin1');
  for (const seam of [SCAN_STEP, 2 * SCAN_STEP, 3 * SCAN_STEP]) text.write('\r\n\r\nFrom y\r\n', seam - 3, 'latin1');
  text.write('z\nz\rz', 2 * SCAN_STEP + 100, 'latin1');
  const bytes = new Uint8Array(text);
  const whole = { counts: lineEndCounts(bytes), mbox: mboxMessages(bytes) };
  assert.equal(whole.mbox.count, 4);
  const realSetTimeout = globalThis.setTimeout;
  let steps = 0;
  globalThis.setTimeout = (fn, delay, ...rest) => {
    steps++;
    return realSetTimeout(fn, delay, ...rest);
  };
  let facts;
  try {
    facts = await sourceFacts(bytes);
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
  assert.deepEqual(facts, whole);
  assert.equal(steps, 3, 'one task per SCAN_STEP after the first');
});
