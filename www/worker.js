// The engine runs here, in a module Web Worker, so a 9 MB message or a long
// simulation never freezes the page. Protocol: the page posts {id, op, args};
// the worker answers {id, ok: true, result} or {id, ok: false, error}.
// A WebAssembly trap leaves the instance unusable: the answer then says
// `trapped`, and the page replaces this worker (lib/engine-client.mjs).
import init, * as engine from './engine/mail_preflight.js';
import { diffLines, withContext, messageLines, shownDiff } from './lib/diff.mjs';
import { charsetSegments } from './lib/source.mjs';
import { sourceParts } from './lib/facts.mjs';

const ready = init().then(() => ({ version: engine.version() }));

let trapped = false;

/**
 * The bytes of the last check, kept under the key the page gave (`lint`'s `keep`) until the
 * preview asks for their analysis (`analyseKept`): a 20 MB message crosses to the worker once,
 * where the page had copied and posted it twice (for the check, then for the preview).
 */
let kept = null;

const operations = {
  hello: () => ready,
  lint: (input, options, keep) => {
    kept = null;
    const report = engine.lint(input, options);
    if (keep !== undefined && keep !== null && input instanceof Uint8Array) kept = { key: keep, input };
    return report;
  },
  // The PHP `mail()` platform (`unix` | `windows`) is the engine's `options.php.platform` (issue 20, flow 2).
  lintPhpMail: (call, platform, options) => engine.lintPhpMail(call.to, call.subject, call.message, call.headers,
    platform ? { ...options, php: { platform } } : options),
  analyse: (input, options) => engine.analyse(input, options),
  // The bytes the check under `key` kept, analysed once and let go; `not-kept` when this worker does not hold them
  // (a fresh one after a Cancel, or a later check): the page then sends them (lib/facts.mjs previewFacts).
  analyseKept: (key) => {
    if (!kept || kept.key !== key) throw Object.assign(new Error('the checked message is not kept'), { code: 'not-kept' });
    const { input } = kept;
    kept = null;
    return engine.analyse(input);
  },
  rules: (locale) => engine.rules(locale),
  renderReport: (report, locale) => engine.renderReport(report, locale),
  fixMessage: (input, options) => engine.fixMessage(input, options),
  // The fixes' diff (lib/diff.mjs), bounded to what the page lays out: off the main thread, where
  // a fixed 2.3 MB message's diff held the tab (audit defect 10).
  // `simplified`: a stretch past the diff's table budget is shown removed-then-added (lib/diff.mjs MAX_TABLE_CELLS).
  // Each message's legacy-charset bytes are read in the charset its parts declare, as the source view does
  // (the engine's analysis of each: the fix can add or rewrite parts, so the message after is analysed too).
  diffMessages: (before, after) => {
    const { entries, simplified } = diffLines(messageLines(before, legacySegments(before)), messageLines(after, legacySegments(after)));
    return { ...shownDiff(withContext(entries)), simplified };
  },
  simulate: (scenario, options) => engine.simulate(scenario, options),
  compare: (a, b) => engine.compare(a, b),
  queueTimeZones: () => engine.queueTimeZones(),
  explainSmtpReply: (text, locale, settings) => engine.explainSmtpReply(text, locale, settings),
  checkSmtpSettings: (settings, locale) => engine.checkSmtpSettings(settings, locale),
  queuePresets: (locale) => engine.queuePresets(locale),
  checkCustomRules: (rules, locale) => engine.checkCustomRules(rules, locale),
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The legacy-charset segments of `bytes` (lib/source.mjs charsetSegments): none when it is
 * UTF-8 as a whole (no analysis then: most messages) or when the engine cannot analyse it.
 */
function legacySegments(bytes) {
  try {
    strictUtf8.decode(bytes);
    return [];
  } catch {
    // Not UTF-8: its parts say in which charsets to read it.
  }
  try {
    return charsetSegments(bytes, sourceParts(engine.analyse(bytes)));
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) throw err;
    return [];
  }
}

/** The bytes a result carries, handed over without a copy (a fixed message, an analysis's images). */
function transferables(result) {
  if (!result) return [];
  if (result.fixed instanceof Uint8Array) return [result.fixed.buffer];
  if (Array.isArray(result.inlineImages)) return result.inlineImages.map((image) => image.bytes.buffer);
  return [];
}

self.onmessage = async (event) => {
  const { id, op, args } = event.data || {};
  try {
    await ready;
    if (trapped) throw new WebAssembly.RuntimeError('the engine stopped on an earlier input');
    const run = operations[op];
    if (!run) throw Object.assign(new Error(`unknown operation ${op}`), { code: 'unknown-operation' });
    const result = await run(...(args || []));
    self.postMessage({ id, ok: true, result }, transferables(result));
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) trapped = true;
    // The engine's coded errors carry their message id and parameters: the page renders them again in another language.
    const { code, messageId, params } = err || {};
    self.postMessage({ id, ok: false, error: { message: String((err && err.message) || err), code, messageId, params, trapped } });
  }
};
