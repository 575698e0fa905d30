// The preflight page end to end, in Debian's Chromium: linting pasted and
// opened messages, highlighting a finding's bytes, the safe preview, the
// compose and mail() forms, and that no request leaves 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ARTIFACTS, startHarness, openPage, loadApp, lintRaw, waitForReport } from './harness.mjs';
import { ruleIds, messages, engine } from './engine.mjs';
import { PAGE_TEXTS } from '../../www/lib/page-texts.mjs';

const sample = (name) => readFileSync(join(ROOT, 'www', 'samples', name));
let harness;

before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

/** Every request the page made stayed on the server's origin. */
function assertStayedHome(session) {
  assert.deepEqual(session.outside, [], 'requests left 127.0.0.1');
  assert.deepEqual(session.dialogs, [], 'a dialog opened');
}

test('the sample contact-form message passes with no error or warning', async () => {
  const session = await openPage(harness);
  await loadApp(session.page, harness.origin);
  await session.page.click('#load-sample');
  const report = await waitForReport(session.page);
  assert.equal(report.verdict, 'pass', `findings: ${report.rules}`);
  const severe = await session.page.$$('#findings li.sev-error, #findings li.sev-warning');
  assert.equal(severe.length, 0);
  assert.match(await session.page.textContent('#size-encoded-label'), /10\.00 MB/);
  await session.page.screenshot({ path: join(ARTIFACTS, 'lint-view.png'), fullPage: true });
  assertStayedHome(session);
  await session.context.close();
});

test('a line over 998 octets fails with size/line-length, and clicking it highlights exactly that line', async () => {
  assert.ok(ruleIds().includes('size/line-length'));
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  // Multi-byte characters before the long line: byte offsets and string indexes differ.
  const longLine = Array.from({ length: 80 }, (_, i) => `żółw-${i}:café☕`).join(';');
  const text = 'From: Zażółć <a@example.com>\nTo: b@example.com\nSubject: Gęślą jaźń ☕ café\n' +
    'Date: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <x@example.com>\n\nŁódź, naïve résumé\n' + longLine + '\nend\n';
  assert.ok(Buffer.byteLength(longLine) > 998);
  const report = await lintRaw(page, text);
  assert.equal(report.verdict, 'fail');
  assert.ok(report.rules.includes('size/line-length'));
  await page.click('#findings li.sev-error[data-rule="size/line-length"] .finding-main');
  const mark = await page.$eval('#source mark', (m) => ({ text: m.textContent, start: Number(m.dataset.start), end: Number(m.dataset.end) }));
  const bytes = Buffer.from(text);
  assert.equal(mark.text, longLine, 'the highlight is exactly the long line');
  assert.equal(bytes.subarray(mark.start, mark.end).toString(), longLine, 'the range is the finding\'s byte range');
  assert.equal(await page.$eval('#findings .finding-main[aria-pressed=true]', (b) => b.closest('li').dataset.rule), 'size/line-length');
  // The finding links to its rule's documentation.
  await page.click('#findings li[data-rule="size/line-length"] .doc-link a');
  await page.waitForFunction(() => !document.getElementById('view-rules').hidden);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rule-size/line-length');
  assertStayedHome(session);
  await session.context.close();
});

test('a header finding highlights the header field in a file opened from disk', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: 'long-line.eml', mimeType: 'message/rfc822', buffer: sample('long-line.eml') });
  const report = await waitForReport(page);
  assert.equal(report.verdict, 'fail');
  assert.ok(report.rules.includes('size/line-length'));
  await page.click('#findings li[data-rule="size/line-length"] .finding-main');
  const marked = await page.textContent('#source mark');
  assert.ok(marked.startsWith('order-0000,cake,1 pieces;'), marked.slice(0, 40));
  assert.ok(marked.endsWith('order-0059,cake,4 pieces'));
  assert.match(await page.textContent('#file-info'), /long-line\.eml/);
  assertStayedHome(session);
  await session.context.close();
});

test('dropping an .eml file on the text box checks it', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const text = sample('long-line.eml').toString('latin1');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(content, (c) => c.charCodeAt(0))], 'dropped.eml', { type: 'message/rfc822' }));
    return transfer;
  }, text);
  await page.dispatchEvent('#drop-zone', 'dragover', { dataTransfer });
  assert.equal(await page.$eval('#drop-zone', (z) => z.classList.contains('dragging')), true);
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
  const report = await waitForReport(page);
  assert.equal(report.verdict, 'fail');
  assert.ok(report.rules.includes('size/line-length'));
  assert.match(await page.textContent('#file-info'), /dropped\.eml/);
  assertStayedHome(session);
  await session.context.close();
});

test('one byte over 10 MB is a size/total error, and the tab stays responsive while it is checked', async (t) => {
  assert.ok(ruleIds().includes('size/total'));
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const head = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Report\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n' +
    'Message-ID: <big@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\n' +
    'Content-Transfer-Encoding: base64\r\n\r\n';
  const line = 'QUFB'.repeat(19) + '\r\n';
  let body = line.repeat(Math.floor((10_000_001 - head.length) / line.length));
  body += 'Q'.repeat(10_000_001 - head.length - body.length);
  const message = Buffer.from(head + body);
  assert.equal(message.length, 10_000_001);
  await page.setInputFiles('#eml-file', { name: 'big.eml', mimeType: 'message/rfc822', buffer: message });
  // The engine runs in a worker: progress is shown, and the page answers while the 10 MB message is checked.
  await page.waitForSelector('#lint-progress:not([hidden])');
  assert.match(await page.textContent('#lint-progress-text'), /10\.00 MB/);
  const started = Date.now();
  const stillChecking = await page.evaluate(() => !document.getElementById('lint-progress').hidden);
  // Printed, never asserted: the answer coming while the engine still works is the fact.
  t.diagnostic(`the main thread answered in ${Date.now() - started} ms`);
  assert.ok(stillChecking, 'the answer came while the engine was still working');
  const report = await waitForReport(page);
  assert.equal(report.verdict, 'fail');
  assert.ok(report.rules.includes('size/total'));
  assert.ok(await page.$('#findings li.sev-error[data-rule="size/total"]'));
  assert.equal(await page.$eval('#size-encoded-fill', (f) => f.className), 'over');
  assert.match(await page.textContent('#file-info'), /big\.eml/);
  assertStayedHome(session);
  await session.context.close();
});

test('script payloads in subject, body and attachment names never run, and the preview fetches nothing', async () => {
  const session = await openPage(harness);
  const { page } = session;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.alert = window.confirm = window.prompt = () => {
      window.__pwned = 'dialog';
    };
  });
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: '<img src=x onerror=alert(1)>.eml', mimeType: 'message/rfc822', buffer: sample('hostile.eml') });
  await waitForReport(page);
  await page.click('#tab-preview');
  const frame = page.frame({ url: /preview\.html$/ });
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.body.childElementCount > 0);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await frame.evaluate(() => window.__pwned), undefined);
  const images = await frame.$$eval('img', (imgs) => imgs.map((i) => ({ alt: i.alt, src: i.getAttribute('src') || '' })));
  const logo = images.find((i) => i.alt === 'logo');
  assert.ok(logo && logo.src.startsWith('blob:'), 'cid: image shown from the message part, through an object URL');
  for (const image of images.filter((i) => i.alt.startsWith('tracker'))) assert.equal(image.src, '', 'remote image kept out');
  assert.equal(await frame.$$eval('body script, body iframe, body object, body form, body meta, body link, base', (n) => n.length), 0);
  assert.equal(await frame.$$eval('[onerror], [onload], [href^="javascript:"]', (n) => n.length), 0);
  if (ruleIds().includes('spam/invisible-text')) {
    // White-on-white text is outlined in the preview.
    const marked = await frame.$$eval('mark.mp-hidden', (m) => m.map((x) => x.textContent));
    assert.ok(marked.some((text) => text.includes('cheap pills hidden text here')), String(marked));
    await page.click('#tab-source');
    await page.click('#findings li[data-rule="spam/invisible-text"] .link-button');
    assert.equal(await page.isVisible('#preview'), true);
  }
  // The payloads are shown as text, not markup.
  const shownText = await page.textContent('#source');
  assert.ok(shownText.includes('<script>window.__pwned=1</script>'));
  assert.ok(!(await page.$('#findings script, #source script, #source img')));
  assert.deepEqual(requests.filter((u) => !u.startsWith(harness.origin + '/') && !u.startsWith('data:')), []);
  assert.ok(!requests.some((u) => u.includes('tracker.invalid')));
  await page.screenshot({ path: join(ARTIFACTS, 'preview-hostile.png'), fullPage: true });
  assertStayedHome(session);
  await session.context.close();
});

test('the compose form lints the MIME message the mailer builds, attachments from the file picker included', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#lint/compose');
  await page.fill('#c-from', 'Website <contact@bakery.example>');
  await page.fill('#c-to', 'owner@bakery.example');
  await page.fill('#c-reply-to', 'contact@bakery.example');
  await page.fill('#c-subject', 'Order confirmation');
  await page.fill('#c-text', 'Your cake is ready.');
  await page.fill('#c-html', '<p>Your cake is <b>ready</b>.</p>');
  await page.setInputFiles('#c-attachments', { name: 'invoice.txt', mimeType: 'text/plain', buffer: Buffer.from('Invoice 42\n') });
  await page.click('#lint-run');
  const report = await waitForReport(page);
  assert.ok(['pass', 'warn', 'fail'].includes(report.verdict));
  const source = await page.textContent('#source');
  assert.match(source, /^From: Website <contact@bakery\.example>/m);
  assert.match(source, /filename="?invoice\.txt/);
  assert.match(await page.textContent('#source-note'), /mailer builds/);
  assertStayedHome(session);
  await session.context.close();
});

test('the PHP mail() form lints what mail() hands to sendmail', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#lint/php');
  await page.fill('#p-to', 'owner@bakery.example');
  await page.fill('#p-subject', 'Contact form');
  await page.fill('#p-message', 'Hello\n' + 'x'.repeat(1200));
  await page.fill('#p-headers', 'From: contact@bakery.example\nReply-To: contact@bakery.example');
  await page.click('#lint-run');
  const report = await waitForReport(page);
  assert.equal(report.verdict, 'fail');
  assert.ok(report.rules.includes('size/line-length'));
  await page.click('#findings li[data-rule="size/line-length"] .finding-main');
  assert.equal(await page.textContent('#source mark'), 'x'.repeat(1200));
  assert.match(await page.textContent('#source'), /^To: owner@bakery\.example\r?\nSubject: Contact form/);
  assertStayedHome(session);
  await session.context.close();
});

test('the rules reference lists every rule of the engine, is searchable, and runs an example', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#rules');
  const shown = await page.$$eval('#rules-list article', (a) => a.map((x) => x.id.replace(/^rule-/, '')));
  assert.deepEqual(shown, ruleIds());
  await page.fill('#rules-search', 'line-length');
  const visible = await page.$$eval('#rules-list article:not([hidden])', (a) => a.map((x) => x.id));
  assert.deepEqual(visible, ['rule-size/line-length']);
  await page.click('#rule-size\\/line-length summary');
  const tryButton = await page.$('#rule-size\\/line-length .example button');
  assert.ok(tryButton, 'a raw example can be checked');
  await tryButton.click();
  await waitForReport(page);
  assert.equal(await page.evaluate(() => location.hash), '#lint');
  assertStayedHome(session);
  await session.context.close();
});

test('the troubleshooter writes the guide\'s test script with the same address in From and Reply-To', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#troubleshoot');
  await page.fill('#ts-to', 'me@personal.example');
  await page.fill('#ts-from', 'contact@bakery.example');
  await page.fill('#ts-name', 'Bakery "Sweet" $shop');
  const script = await page.textContent('#ts-script');
  assert.match(script, /^<\?php\n\$to = "me@personal\.example";/);
  assert.ok(script.includes('$headers = "From: \\"Bakery \\\\\\"Sweet\\\\\\" \\$shop\\" <contact@bakery.example>\\r\\nReply-To: contact@bakery.example";'), script);
  assert.ok(script.includes('if (mail($to, $subject, $content, $headers))'));
  assert.ok(script.includes(`echo "${messages('en')['ui.ts.script.sent']}";`), 'the echo lines are the catalogue\'s');
  await page.check('.checklist input[data-step=state]');
  assert.match(await page.textContent('#checklist-progress'), /1 of 6/);
  await page.click('#ts-lint');
  const report = await waitForReport(page);
  assert.ok(['pass', 'warn'].includes(report.verdict), `the guide's own test mail should not fail: ${report.rules}`);
  assert.equal(await page.inputValue('#p-headers'), 'From: "Bakery \\"Sweet\\" $shop" <contact@bakery.example>\nReply-To: contact@bakery.example');
  assert.ok((await page.textContent('#source')).includes('<contact@bakery.example>\r\nReply-To: contact@bakery.example\r\n'));
  assertStayedHome(session);
  await session.context.close();
});

test('the SMTP reply explainer gives the engine\'s class, meaning and action', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#explain');
  await page.fill('#smtp-reply', '550 5.1.1 <x@example.com>: Recipient address rejected');
  await page.click('#explain-run');
  await page.waitForSelector('#explanation:not([hidden]) dd');
  const shown = await page.textContent('#explanation');
  assert.match(shown, /550 5\.1\.1/);
  const expected = engine.explainSmtpReply('550 5.1.1 <x@example.com>: Recipient address rejected', 'en');
  assert.ok(shown.includes(expected.meaning) && shown.includes(expected.action));
  assert.ok(shown.includes(messages('en')['ui.explain.retry.no']));
  assertStayedHome(session);
  await session.context.close();
});

test('the SMTP settings check flags an SMTP host with mail() and a port without ssl, and passes 465 with ssl', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#troubleshoot');
  const check = async (settings) => {
    await page.selectOption('#smtp-transport', settings.transport);
    await page.fill('#smtp-host', settings.host || '');
    await page.fill('#smtp-port', settings.port ? String(settings.port) : '');
    await page.selectOption('#smtp-security', settings.security);
    await page.evaluate(() => document.getElementById('smtp-result').replaceChildren());
    await page.click('#smtp-check');
    await page.waitForSelector('#smtp-result li, #smtp-result p');
    return page.$$eval('#smtp-result li', (li) => li.map((x) => `${x.dataset.rule}:${x.className.replace('finding sev-', '')}`));
  };
  assert.deepEqual(await check({ transport: 'mail', host: 'ssl0.example.net', security: 'none' }), ['config/smtp-with-mail:error']);
  const plain = await check({ transport: 'smtp', host: 'ssl0.example.net', port: 25, security: 'none' });
  assert.ok(plain.some((f) => f.startsWith('config/smtp-security:')), String(plain));
  assert.deepEqual(await check({ transport: 'smtp', host: 'ssl0.example.net', port: 465, security: 'ssl' }), []);
  assert.equal(await page.textContent('#smtp-result'), messages('en')['ui.ts.smtp.ok']);
  assertStayedHome(session);
  await session.context.close();
});

test('a reply asking for STARTTLS is explained with the SMTP settings checked under Troubleshoot', async () => {
  const session = await openPage(harness);
  const { page } = session;
  const reply = '530 5.7.0 Must issue a STARTTLS command first';
  const explainOnce = async () => {
    await page.evaluate(() => { location.hash = '#explain'; });
    await page.fill('#smtp-reply', reply);
    await page.evaluate(() => document.getElementById('explanation').replaceChildren());
    await page.click('#explain-run');
    await page.waitForSelector('#explanation:not([hidden]) dd');
    return page.textContent('#explanation');
  };
  await loadApp(page, harness.origin, '#explain');
  // No settings checked yet: both ways, and no note.
  const general = await explainOnce();
  assert.ok(general.includes(engine.explainSmtpReply(reply, 'en').action));
  assert.equal(await page.$('#explain-with-settings'), null);
  // Port 25 without encryption checked under Troubleshoot: the advice names them.
  await page.evaluate(() => { location.hash = '#troubleshoot'; });
  await page.selectOption('#smtp-transport', 'smtp');
  await page.fill('#smtp-host', 'ssl0.example.net');
  await page.fill('#smtp-port', '25');
  await page.selectOption('#smtp-security', 'none');
  await page.click('#smtp-check');
  await page.waitForSelector('#smtp-result li, #smtp-result p');
  const withSettings = await explainOnce();
  const expected = engine.explainSmtpReply(reply, 'en', { transport: 'smtp', security: 'none', host: 'ssl0.example.net', port: 25 });
  assert.match(expected.action, /port 25/);
  assert.ok(withSettings.includes(expected.action), withSettings);
  assert.equal(await page.textContent('#explain-with-settings'), PAGE_TEXTS['page.explain.with-settings'].en);
  assertStayedHome(session);
  await session.context.close();
});

test('a phone-sized screen shows the verdict and findings in one column', async () => {
  const session = await openPage(harness, { viewport: { width: 390, height: 844 } });
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.setInputFiles('#eml-file', { name: 'long-line.eml', mimeType: 'message/rfc822', buffer: sample('long-line.eml') });
  await waitForReport(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: join(ARTIFACTS, 'phone-view.png'), fullPage: true });
  assertStayedHome(session);
  await session.context.close();
});

test('the page is usable from the keyboard: tabs, forms and findings', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  await page.focus('#mode-raw');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'mode-compose');
  assert.equal(await page.isVisible('#panel-compose'), true);
  await page.keyboard.press('ArrowLeft');
  await page.focus('#raw-input');
  await page.keyboard.insertText(sample('long-line.eml').toString());
  await page.keyboard.press('Control+Enter');
  await waitForReport(page);
  await page.focus('#findings .finding-main');
  await page.keyboard.press('Enter');
  assert.ok(await page.$('#source mark'));
  // Every form control people can reach has a label (a `hidden` element, such as
  // the file input behind the Import button, is outside the accessibility tree).
  const unlabelled = await page.$$eval('input, select, textarea', (els) => els.filter((e) => e.type !== 'hidden' &&
    !e.hidden && !e.labels?.length && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') &&
    !e.closest('label')).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
  assertStayedHome(session);
  await session.context.close();
});
