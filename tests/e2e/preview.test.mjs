// The safe preview under hostile messages (issue 13, page side): a thousand
// references to one big image cost one object URL, a broken cid: URL neither
// throws nor leaves the previous message on screen, and the message's own CSS
// cannot hide the page's hidden-text marks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, openPage, loadApp, waitForReport } from './harness.mjs';
import { ruleIds } from './engine.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const HEAD = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Newsletter\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
  + 'Message-ID: <n@example.com>\r\nMIME-Version: 1.0\r\n';

function htmlMessage(html) {
  return Buffer.from(`${HEAD}Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`);
}

async function open(page, name, buffer) {
  await page.setInputFiles('#eml-file', { name, mimeType: 'message/rfc822', buffer });
  await waitForReport(page);
  await page.click('#tab-preview');
}


test('a thousand <img src="cid:x"> pointing at one 4.9 MB image part make one object URL, no data: URL', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await page.addInitScript(() => {
    window.__objectUrls = 0;
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      window.__objectUrls++;
      return create(blob);
    };
  });
  await loadApp(page, harness.origin);
  const png = Buffer.alloc(4_900_000, 7);
  Buffer.from('89504e470d0a1a0a', 'hex').copy(png);
  const base64 = png.toString('base64').replace(/.{76}/g, '$&\r\n');
  const html = '<p>Gallery</p>' + '<img alt="x" src="cid:x">'.repeat(1000);
  const message = Buffer.from(`${HEAD}Content-Type: multipart/related; boundary="rel"\r\n\r\n--rel\r\n`
    + `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n--rel\r\nContent-Type: image/png\r\nContent-ID: <x>\r\n`
    + `Content-Transfer-Encoding: base64\r\n\r\n${base64}\r\n--rel--\r\n`);
  await open(page, 'gallery.eml', message);
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.querySelectorAll('img').length === 1000);
  const images = await page.evaluate(() => [...document.getElementById('preview').contentDocument.querySelectorAll('img')].map((i) => i.getAttribute('src')));
  assert.equal(new Set(images).size, 1, 'every reference shares one URL');
  assert.ok(images[0].startsWith('blob:'), images[0].slice(0, 30));
  assert.equal(await page.evaluate(() => window.__objectUrls), 1);
  await session.context.close();
});

test('a cid:% image neither throws nor leaves the previous message in the preview', async () => {
  const session = await openPage(harness);
  const { page, errors } = session;
  await loadApp(page, harness.origin);
  await open(page, 'first.eml', htmlMessage('<p>FIRST MESSAGE</p>'));
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.body.textContent.includes('FIRST MESSAGE'));
  await open(page, 'second.eml', htmlMessage('<p>SECOND MESSAGE</p><img alt="broken" src="cid:%">'));
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.body.textContent.includes('SECOND MESSAGE'));
  assert.ok(!(await page.evaluate(() => document.getElementById('preview').contentDocument.body.textContent.includes('FIRST MESSAGE'))));
  assert.deepEqual(errors, []);
  await session.context.close();
});

test('the message\'s own CSS cannot hide the marks on its hidden text', { skip: !ruleIds().includes('spam/invisible-text') }, async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const css = '<style>mark, .mp-hidden, body mark.mp-hidden { display: none !important; visibility: hidden !important; '
    + 'opacity: 0 !important; outline: none !important; color: #fff !important; background: #fff !important; }'
    + '@layer x { mark { display: none !important; } }</style>';
  await open(page, 'hiding.eml', htmlMessage(`<html><head>${css}</head><body style="background:#ffffff">`
    + '<p>Welcome</p><p style="color:#ffffff">cheap pills hidden text here</p></body></html>'));
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.querySelector('mark.mp-hidden'));
  const mark = await page.evaluate(() => {
    const node = document.getElementById('preview').contentDocument.querySelector('mark.mp-hidden');
    const style = node.ownerDocument.defaultView.getComputedStyle(node);
    return { visible: node.checkVisibility({ opacityProperty: true, visibilityProperty: true }), outline: style.outlineStyle,
      color: style.color, display: style.display, text: node.textContent };
  });
  assert.deepEqual(mark, { visible: true, outline: 'dashed', color: 'rgb(0, 0, 0)', display: 'inline', text: 'cheap pills hidden text here' });
  await session.context.close();
});


test('hidden text is marked in the element the engine located, not wherever the same words appear', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  // The same words shown once and hidden once, in a quoted-printable body: the engine's element
  // offsets in the decoded HTML say which one is hidden.
  const html = '<html lang=3D"en"><body style=3D"background:#ffffff"><p id=3D"shown">cheap pills</p>'
    + '<p id=3D"hidden" style=3D"color:#fefefe">cheap pills</p></body></html>';
  await open(page, 'twice.eml', Buffer.from(`${HEAD}Content-Type: text/html; charset=utf-8\r\n`
    + `Content-Transfer-Encoding: quoted-printable\r\n\r\n${html}\r\n`));
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.querySelector('mark.mp-hidden'));
  const marked = await page.evaluate(() => [...document.getElementById('preview').contentDocument.querySelectorAll('mark.mp-hidden')]
    .map((mark) => mark.parentElement.id));
  assert.deepEqual(marked, ['hidden']);
  await session.context.close();
});

test('remote CSS is cleaned however it is written (image-set, escapes, @font-face) and counted as blocked', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin);
  const html = '<html><head><style>\r\np.a { background-image: image-set("http://tracker.invalid/set.png" 1x); }\r\n'
    + 'p.b { background: \\75 rl(http://tracker.invalid/esc.png); }\r\n'
    + '@font-face { font-family: x; src: u\\rl(http://tracker.invalid/font.woff); }\r\np.c { font-family: x; }\r\n'
    + '</style></head><body><p class="a">a</p><p class="b">b</p><p class="c">c</p>\r\n'
    + '<p style="background-image: image-set(\'https://tracker.invalid/inline.png\' 1x)">d</p></body></html>';
  await open(page, 'css.eml', htmlMessage(html));
  await page.waitForFunction(() => document.getElementById('preview').contentDocument.body.textContent.includes('d'));
  const css = await page.evaluate(() => {
    const doc = document.getElementById('preview').contentDocument;
    return [...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n') + doc.body.innerHTML;
  });
  assert.doesNotMatch(css, /tracker\.invalid/);
  assert.match(await page.textContent('#view-lint'), /Remote images not loaded: 4\./);
  await session.context.close();
});
