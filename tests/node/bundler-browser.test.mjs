// The package in a bundler and a browser: esbuild bundles a tiny page that
// imports `mail-preflight` by name (browser condition → web build), the page is
// served on 127.0.0.1 and loaded in Debian's Chromium through playwright-core
// (never a downloaded browser); it lints a message and shows the result.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import test from 'node:test';
import { pkgDir, requireDev, tempDir, messageWithLongLine } from './helpers.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (make setup installs Debian's chromium)`;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

const PAGE_SCRIPT = `
import init, { lint, version } from 'mail-preflight';
import wasmUrl from 'mail-preflight/mail_preflight_bg.wasm';

const output = document.querySelector('#result');
try {
  await init(wasmUrl);
  const report = lint(document.querySelector('#message').value, { locale: 'fr' });
  output.dataset.verdict = report.verdict;
  output.dataset.rules = report.findings.map((f) => f.ruleId).join(',');
  output.textContent = report.verdict + ' — ' + report.findings.map((f) => f.message).join(' | ') + ' (engine ' + version() + ')';
} catch (error) {
  output.dataset.verdict = 'error';
  output.textContent = String(error && error.stack || error);
}
`;

/** Serves `dir` on 127.0.0.1 (a random port); resolves to the server. */
function serve(dir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('esbuild bundles a page importing mail-preflight; Chromium lints with it', { skip, timeout: 120_000 }, async (t) => {
  const esbuild = requireDev('esbuild');
  const { chromium } = requireDev('playwright-core');
  const dir = tempDir(t, 'mail-preflight-bundle-');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkgDir, join(dir, 'node_modules', 'mail-preflight'), 'dir');
  writeFileSync(join(dir, 'page.js'), PAGE_SCRIPT);
  const result = await esbuild.build({
    entryPoints: [join(dir, 'page.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: join(dir, 'dist'),
    loader: { '.wasm': 'file' },
    assetNames: '[name]-[hash]',
    absWorkingDir: dir,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((p) => p.endsWith('web/mail_preflight.js')), `the web build was bundled: ${inputs.join(', ')}`);
  assert.ok(!inputs.some((p) => p.includes('/node/')), 'the Node build stays out of browser bundles');

  const message = messageWithLongLine().replace(/&/g, '&amp;').replace(/</g, '&lt;');
  writeFileSync(join(dir, 'dist', 'index.html'), `<!doctype html><html><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>mail-preflight bundle</title></head>
<body><textarea id="message">${message}</textarea><output id="result"></output>
<script type="module" src="page.js"></script></body></html>`);

  const server = await serve(join(dir, 'dist'));
  t.after(() => server.close());
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${origin}/`);
  await page.waitForSelector('#result[data-verdict]', { timeout: 60_000 });
  const verdict = await page.getAttribute('#result', 'data-verdict');
  const text = await page.textContent('#result');
  assert.equal(verdict, 'fail', text);
  assert.equal(await page.getAttribute('#result', 'data-rules'), 'size/line-length');
  assert.match(text, /^fail — .+ \(engine \d+\.\d+\.\d+\)$/);
  assert.deepEqual(consoleErrors, []);
  assert.ok(requests.some((url) => url.endsWith('.wasm')), 'the wasm was fetched');
  for (const url of requests) assert.ok(url.startsWith(`${origin}/`) || url.startsWith('data:'), `${url} stays on 127.0.0.1`);
});
