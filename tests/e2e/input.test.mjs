// The ways a message gets in (issue 20, wrong-result flows 1–4): the engine
// must see the bytes the visitor means — pasted line ends as given, files as
// bytes, line breaks in one-line fields — and say when there is no e-mail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { startHarness, openPage, loadApp, waitForReport } from './harness.mjs';
import { engine, messages } from './engine.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

/** Pastes `text` into `selector` as the clipboard would hand it over (line ends untouched). */
async function paste(page, selector, text) {
  await page.focus(selector);
  await page.evaluate(({ selector, text }) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.querySelector(selector).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { selector, text });
}

const rulesShown = (page) => page.$$eval('#findings li.finding', (li) => li.map((x) => x.dataset.rule));

async function lint(page) {
  await page.click('#lint-run');
  return waitForReport(page);
}

test('a pasted message keeps its line ends: a bare LF in a CRLF message is found, and the line ends are counted', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await paste(page, '#raw-input', 'From: a@example.com\r\nTo: b@example.com\nSubject: Hi\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nHello\r\n');
  assert.equal(await page.textContent('#line-ends'), messages('en')['ui.lint.line-ends'].replace('{crlf}', '5').replace('{lf}', '1').replace('{cr}', '0'));
  const report = await lint(page);
  assert.ok(report.rules.includes('headers/line-breaks'), String(report.rules));
  await session.context.close();
});

test('typing after a CRLF paste writes CRLF, so an edited message does not mix line ends', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await paste(page, '#raw-input', 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nHello\r\n');
  await page.focus('#raw-input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Second line');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Third line');
  const report = await lint(page);
  assert.ok(!report.rules.includes('headers/line-breaks'), String(report.rules));
  assert.match(await page.textContent('#line-ends'), /\b7 CRLF, 0 LF/);
  await session.context.close();
});

test('a pasted 10.05 MB CRLF message is measured at its real size and refused, and the box stays light', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const head = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Big\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
    + 'Message-ID: <big@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n';
  const line = 'x'.repeat(70) + '\r\n';
  const text = head + line.repeat(Math.ceil((10_050_000 - head.length) / line.length));
  // With LF line ends the same text is under 10 MB: only the pasted CRLF make it too large.
  assert.ok(text.replace(/\r\n/g, '\n').length < 10_000_000 && text.length > 10_000_000);
  await paste(page, '#raw-input', text);
  assert.equal(await page.inputValue('#raw-input'), '', 'the 10 MB text is kept out of the box');
  assert.equal(await page.isVisible('#raw-large-note'), true);
  const report = await lint(page);
  assert.ok(report.rules.includes('size/total'), String(report.rules));
  assert.match(await page.textContent('#size-encoded-label'), /10\.05 MB/);
  await session.context.close();
});

test('a line break pasted or typed into a one-line field reaches the engine, so header injection can be tested', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#lint/php');
  await page.fill('#p-to', 'owner@bakery.example');
  await paste(page, '#p-subject', 'Hello\r\nBcc: victim@elsewhere.example');
  assert.equal(await page.inputValue('#p-subject'), 'Hello\u240d\u240aBcc: victim@elsewhere.example', 'the break is shown, not dropped');
  await page.fill('#p-message', 'Hi');
  await page.fill('#p-headers', 'From: contact@bakery.example');
  let report = await lint(page);
  assert.ok(report.rules.includes('headers/injection'), String(report.rules));
  // Shift+Enter types a CRLF in a one-line field.
  await page.click('#mode-compose');
  await page.fill('#c-from', 'contact@bakery.example');
  await page.fill('#c-to', 'owner@bakery.example');
  await page.fill('#c-text', 'Hello');
  await page.fill('#c-reply-to', 'visitor@example.com');
  await page.focus('#c-reply-to');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Bcc: victim@elsewhere.example');
  report = await lint(page);
  assert.ok(report.rules.includes('headers/injection'), String(report.rules));
  await session.context.close();
});

test('"Check this example" gives, for every documented example, the result its documentation states', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#rules');
  const docs = engine.rules('en');
  const wrong = [];
  let checked = 0;
  for (const rule of docs) {
    for (const [index, example] of rule.examples.entries()) {
      if (example.kind === 'generated' || example.options) continue;
      // An example with a field the compose form has no box for (a header of its own) has no button.
      const clicked = await page.evaluate(({ id, index }) => {
        const button = document.getElementById(`rule-${id}`).querySelectorAll('li.example')[index].querySelector('button');
        button?.click();
        return Boolean(button);
      }, { id: rule.id, index });
      if (!clicked) {
        assert.equal(example.kind, 'compose', `${rule.id}: "${example.title}" has no button`);
        continue;
      }
      await page.waitForFunction(() => !document.getElementById('lint-progress').hidden || !document.getElementById('result').hidden);
      await waitForReport(page);
      const raised = (await rulesShown(page)).includes(rule.id);
      if (raised !== example.fails) wrong.push(`${rule.id}: "${example.title}" ${example.fails ? 'not raised' : 'raised'}`);
      checked++;
      await page.evaluate(() => {
        document.getElementById('result').hidden = true;
        location.hash = '#rules';
      });
    }
  }
  assert.ok(checked > 150, `${checked} examples checked`);
  assert.deepEqual(wrong, []);
  await session.context.close();
});

test('a file dropped anywhere on the view is checked, instead of the browser leaving the page to show it', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['From: a@example.com\r\nTo: b@example.com\r\nSubject: Dropped\r\n\r\nHi\r\n'], 'dropped.eml'));
    return data;
  });
  const prevented = await page.evaluate((data) => !document.getElementById('lint-title').dispatchEvent(
    new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true })), transfer);
  assert.ok(prevented, 'the browser\'s own handling (opening the file) is prevented');
  await waitForReport(page);
  assert.match(await page.textContent('#file-info'), /dropped\.eml/);
  await session.context.close();
});

/** Dispatches a drop of `items` ({name, text} files, or {type, text} data) on `selector`; true when the page prevented it. */
function drop(page, selector, items) {
  return page.evaluate(({ selector, items }) => {
    const data = new DataTransfer();
    for (const item of items) {
      if (item.name) data.items.add(new File([item.text], item.name));
      else data.setData(item.type, item.text);
    }
    return !document.querySelector(selector).dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { selector, items });
}

test('text dragged into a box is left to the browser: only files are taken by the page', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  assert.equal(await drop(page, '#raw-input', [{ type: 'text/plain', text: 'From: a@example.com' }]), false);
  await page.goto(`${harness.origin}/#explain`);
  assert.equal(await drop(page, '#smtp-reply', [{ type: 'text/plain', text: '550 5.7.1 refused' }]), false);
  await session.context.close();
});

test('a file dropped on another view brings the check view forward and checks it', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#rules');
  const text = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Dropped\r\n\r\nHi\r\n';
  assert.equal(await drop(page, '#view-rules', [{ name: 'elsewhere.eml', text }]), true);
  await waitForReport(page);
  assert.equal(await page.isVisible('#view-lint'), true);
  assert.match(await page.textContent('#file-info'), /elsewhere\.eml/);
  await session.context.close();
});

test('files dropped together: the first is checked and the page says the others were not', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const text = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Dropped\r\n\r\nHi\r\n';
  await drop(page, '#drop-zone', [{ name: 'first.eml', text }, { name: 'second.eml', text }, { name: 'third.eml', text }]);
  await waitForReport(page);
  const info = await page.textContent('#file-info');
  assert.match(info, /first\.eml/);
  assert.match(info, /2 other files dropped with it were not checked/);
  await session.context.close();
});

test('the same file opened again after it was edited is checked again', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const path = join(mkdtempSync(join(tmpdir(), 'preflight-')), 'edited.eml');
  writeFileSync(path, 'From: a@example.com\r\nTo: b@example.org\r\nSubject: FREE MONEY!!!\r\n\r\nhi\r\n');
  await page.setInputFiles('#eml-file', path);
  const first = await waitForReport(page);
  writeFileSync(path, 'From: a@example.com\r\nTo: b@example.org\r\nSubject: Hello\r\n'
    + 'Date: Wed, 02 Dec 2026 10:00:00 +0000\r\nMessage-ID: <x@example.com>\r\n\r\nhi\r\n');
  await page.setInputFiles('#eml-file', path);
  await page.waitForFunction((count) => document.querySelectorAll('#findings li.finding').length !== count, first.rules.length);
  const second = await waitForReport(page);
  assert.ok(second.rules.length < first.rules.length, `${first.rules} then ${second.rules}`);
  await session.context.close();
});

test('an empty box is not checked: the page says there is nothing to check yet', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.click('#lint-run');
  await page.waitForSelector('#lint-error:not([hidden])');
  assert.equal(await page.textContent('#lint-error-text'), messages('en')['ui.lint.empty']);
  assert.equal(await page.isVisible('#result'), false);
  await session.context.close();
});

const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

test('a dropped PDF is not an e-mail: the engine\'s coded error is shown, not a report',
  async () => {
    const session = await openPage(harness, { locale: 'fr-FR' });
    const { page } = session;
    await loadApp(page, harness.origin);
    await page.setInputFiles('#eml-file', { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.waitForSelector('#lint-error:not([hidden]), #result:not([hidden])');
    const refusal = (() => {
      try {
        engine.lint(pdf, { locale: 'fr' });
      } catch (err) {
        return err;
      }
      return null;
    })();
    assert.equal(refusal.code, 'not-a-message');
    assert.equal(await page.textContent('#lint-error-text'), refusal.message);
    assert.equal(await page.isVisible('#result'), false);
    assert.equal(await page.isVisible('#lint-retry'), false, 'trying again would give the same answer');
    await session.context.close();
  });

test('a file over the engine\'s input limit is refused before it is read', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const refused = await page.evaluate(async () => {
    // Every way to read a Blob is counted; the page must use none of them on this file.
    let reads = 0;
    for (const method of ['arrayBuffer', 'text', 'stream', 'slice', 'bytes']) {
      const original = Blob.prototype[method];
      if (!original) continue;
      Blob.prototype[method] = function counted(...args) {
        reads++;
        return original.apply(this, args);
      };
    }
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(40 * 1024 * 1024)], 'huge.eml', { type: 'message/rfc822' }));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 300));
    return { reads, error: document.getElementById('lint-error-text').textContent };
  });
  assert.match(refused.error, /41\.94\sMB.*33\.55\sMB/, 'the message names the file\'s size and the limit');
  assert.equal(refused.reads, 0, 'the file was read');
  await session.context.close();
});

test('an opened empty file is checked: the engine says the input is empty, as the CLI does', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: 'empty.eml', mimeType: 'message/rfc822', buffer: Buffer.alloc(0) });
  await page.waitForSelector('#lint-error:not([hidden])');
  assert.equal(await page.textContent('#lint-error-text'), messages('en')['core.error.not-a-message.empty']);
  await session.context.close();
});

test('a refused file is named, and the message loaded before it is not checked in its place', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.click('#load-sample');
  await waitForReport(page);
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(33 * 1024 * 1024 + 1)], 'huge.eml'));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('#lint-error:not([hidden])');
  assert.equal(await page.textContent('#file-info'), messages('en')['ui.md.file'].replace('{name}', 'huge.eml'));
  assert.equal(await page.inputValue('#raw-input'), '');
  await page.click('#lint-run');
  await page.waitForFunction((empty) => document.getElementById('lint-error-text').textContent === empty, messages('en')['ui.lint.empty']);
  assert.equal(await page.isVisible('#result'), false);
  await session.context.close();
});

test('the PHP mail() tab hands the engine the call as the script makes it, on the platform chosen',
  async () => {
    const session = await openPage(harness);
    const { page } = session;
    await page.addInitScript(() => {
      window.__phpCalls = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function seen(message, ...rest) {
        if (message && message.op === 'lintPhpMail') window.__phpCalls.push(message.args);
        return post.call(this, message, ...rest);
      };
    });
    await loadApp(page, harness.origin, '#lint/php');
    await page.fill('#p-to', 'owner@bakery.example');
    await page.fill('#p-subject', 'Contact form');
    await page.fill('#p-message', 'Hello,\nthis is a message\non three lines.');
    await page.fill('#p-headers', 'From: contact@bakery.example\nReply-To: contact@bakery.example');
    // A contact form's body comes from a form field: browsers send it with CRLF, so nothing is mixed.
    let report = await lint(page);
    assert.ok(!report.rules.includes('headers/line-breaks'), String(report.rules));
    assert.notEqual(report.verdict, 'fail', String(report.rules));
    // Written "\n" in a PHP file on Linux, the body keeps LF while PHP ends the header lines with CRLF.
    await page.selectOption('#p-message-eol', 'lf');
    await page.selectOption('#p-platform', 'windows');
    report = await lint(page);
    const calls = await page.evaluate(() => window.__phpCalls);
    assert.deepEqual(calls[0][0], { to: 'owner@bakery.example', subject: 'Contact form', message: 'Hello,\r\nthis is a message\r\non three lines.',
      headers: 'From: contact@bakery.example\r\nReply-To: contact@bakery.example' });
    assert.equal(calls[0][1], 'unix');
    assert.equal(calls[1][0].message, 'Hello,\nthis is a message\non three lines.');
    assert.equal(calls[1][1], 'windows');
    const expected = engine.lintPhpMail('owner@bakery.example', 'Contact form', calls[1][0].message, calls[1][0].headers,
      { php: { platform: 'windows' } });
    assert.deepEqual([...report.rules].sort(), expected.findings.map((f) => f.ruleId).sort());
    assert.match(await page.textContent('#source'), /^Subject: Contact form\r?\nTo: owner@bakery\.example/, 'PHP on Windows writes Subject first');
    await session.context.close();
  });

const attachedEml = Buffer.from('From: a@example.com\r\nTo: b@example.com\r\nSubject: Forwarded\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
  + 'Message-ID: <fwd@example.com>\r\n\r\nThe original message.\r\n');
const composeWithEml = { from: 'contact@bakery.example', to: 'owner@bakery.example', subject: 'Forward', text: 'See the attached message.',
  attachments: [{ filename: 'original.eml', content: new Uint8Array(attachedEml), contentType: 'message/rfc822' }] };

test('the compose form hands an attached .eml to the engine as Nodemailer takes it, and the result has no transfer-encoding error',
  async () => {
    const session = await openPage(harness);
    const { page } = session;
    await loadApp(page, harness.origin, '#lint/compose');
    await page.fill('#c-from', composeWithEml.from);
    await page.fill('#c-to', composeWithEml.to);
    await page.fill('#c-subject', composeWithEml.subject);
    await page.fill('#c-text', composeWithEml.text);
    await page.setInputFiles('#c-attachments', { name: 'original.eml', mimeType: 'message/rfc822', buffer: attachedEml });
    await page.waitForFunction(() => document.querySelectorAll('#c-attachment-list li').length === 1);
    const report = await lint(page);
    assert.ok(!report.rules.includes('headers/transfer-encoding'), String(report.rules));
    await session.context.close();
  });

test('compose attachments are listed with their sizes in the page\'s language, picked or restored from a link', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#lint/compose');
  await page.setInputFiles('#c-attachments', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1500, 97) });
  await page.waitForFunction(() => document.querySelector('#c-attachment-list li')?.textContent === 'notes.txt — 1.5 kB Remove');
  await page.selectOption('#language', 'fr');
  await page.waitForFunction(() => /^notes\.txt — 1,5\sko Retirer$/.test(document.querySelector('#c-attachment-list li')?.textContent));
  const compose = { from: 'a@example.com', to: 'b@example.org', subject: 'Notes', text: 'Hi',
    attachments: [{ filename: 'shared.txt', content: Buffer.alloc(2500, 98).toString('base64'), encoding: 'base64' }] };
  const fragment = deflateRawSync(Buffer.from(`${JSON.stringify({ v: 1, kind: 'compose', compose })}\n`)).toString('base64url');
  await page.evaluate((hash) => { location.hash = hash; }, `#lint/share=${fragment}`);
  await page.waitForFunction(() => /^shared\.txt — 2,5\sko Retirer$/.test(document.querySelector('#c-attachment-list li')?.textContent));
  await session.context.close();
});

test('a right-to-left override in a file name is shown as <U+202E> in a <bdi>, leaving the page\'s sentence in its order', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const message = 'From: a@example.com\r\nTo: b@example.org\r\nSubject: Invoice\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nhi\r\n';
  await page.setInputFiles('#eml-file', { name: 'invoice\u202Elme.exe', mimeType: 'message/rfc822', buffer: Buffer.from(message) });
  await waitForReport(page);
  const info = await page.$eval('#file-info', (p) => ({
    text: p.textContent,
    names: [...p.querySelectorAll('bdi')].map((b) => b.textContent),
    outside: [...p.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.nodeValue).join(''),
  }));
  assert.deepEqual(info.names, ['invoice<U+202E>lme.exe']);
  assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(info.text), 'no bidi control is left to reorder the sentence');
  assert.equal(info.outside, messages('en')['ui.lint.file-loaded'].replace('{name}', '').replace('{size}', `${Buffer.byteLength(message)} bytes`));
  // The recent checks list the name the same way.
  await page.evaluate(() => { document.getElementById('history').open = true; });
  assert.equal(await page.$eval('#history-list .history-label', (label) => `${label.tagName} ${label.textContent}`), 'BDI invoice<U+202E>lme.exe');
  await session.context.close();
});

test('each compose attachment has a Remove button, named with the file, and a file over the engine\'s limit is named when refused', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#lint/compose');
  await page.setInputFiles('#c-attachments', [
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('a') },
    { name: 'b.txt', mimeType: 'text/plain', buffer: Buffer.from('b') },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#c-attachment-list li').length === 2);
  // Named "Remove a.txt" for a screen reader; reached and pressed from the keyboard.
  const remove = page.getByRole('button', { name: 'Remove a.txt' });
  await remove.focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.$$eval('#c-attachment-list .attachment-name', (n) => n.map((x) => x.textContent)), ['b.txt']);
  // A pick adds to the list; a file past the engine's input limit is left out and named.
  const big = join(mkdtempSync(join(tmpdir(), 'attach-')), 'huge-scan.pdf');
  writeFileSync(big, Buffer.alloc(33 * 1024 * 1024));
  await page.setInputFiles('#c-attachments', [big]);
  await page.waitForSelector('#lint-error:not([hidden])');
  const said = await page.textContent('#lint-error-text');
  assert.ok(said.startsWith(messages('en')['ui.md.file'].replace('{name}', '\u2068huge-scan.pdf\u2069')), said);
  assert.deepEqual(await page.$$eval('#c-attachment-list .attachment-name', (n) => n.map((x) => x.textContent)), ['b.txt']);
  await page.click('#c-attachment-remove-0');
  assert.equal(await page.$$eval('#c-attachment-list li', (li) => li.length), 0);
  await session.context.close();
});
