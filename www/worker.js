// The engine runs here, in a module Web Worker, so a 9 MB message or a long
// simulation never freezes the page. Protocol: the page posts {id, op, args};
// the worker answers {id, ok: true, result} or {id, ok: false, error}.
// A WebAssembly trap leaves the instance unusable: the answer then says
// `trapped`, and the page replaces this worker (lib/engine-client.mjs).
import init, * as engine from './engine/mail_preflight.js';

const has = (name) => typeof engine[name] === 'function';

/**
 * The PHP `mail()` platform as a lint option (issue 20, flow 2): the engine renders
 * what PHP hands on for `options.php.platform` (`unix` | `windows`). An engine
 * without it refuses the option; then the option is left out.
 */
function phpPlatformOption(platform) {
  return { php: { platform } };
}

function probePhpPlatform() {
  try {
    engine.lintPhpMail('a@example.com', 'probe', 'x', '', phpPlatformOption('unix'));
    return true;
  } catch {
    return false;
  }
}

const ready = init().then(() => {
  const features = {};
  for (const name of ['simulate', 'explainSmtpReply', 'checkSmtpSettings', 'queuePresets', 'compare', 'queueTimeZones',
    'fixMessage', 'renderReport', 'renderMessage', 'messageFacts', 'checkCustomRules']) {
    features[name] = has(name);
  }
  features.phpPlatform = probePhpPlatform();
  return { version: engine.version(), features };
});

let trapped = false;

const operations = {
  hello: () => ready,
  lint: (input, options) => engine.lint(input, options),
  lintPhpMail: (call, platform, options) => {
    const withPlatform = platform && probed.phpPlatform ? { ...options, ...phpPlatformOption(platform) } : options;
    return engine.lintPhpMail(call.to, call.subject, call.message, call.headers, withPlatform);
  },
  rules: (locale) => engine.rules(locale),
  messages: (locale) => engine.messages(locale),
  renderReport: (report, locale) => engine.renderReport(report, locale),
  fixMessage: (input, options) => engine.fixMessage(input, options),
  messageFacts: (input) => engine.messageFacts(input),
  simulate: (scenario, options) => engine.simulate(scenario, options),
  compare: (a, b) => engine.compare(a, b),
  queueTimeZones: () => engine.queueTimeZones(),
  explainSmtpReply: (text, locale) => engine.explainSmtpReply(text, locale),
  checkSmtpSettings: (settings, locale) => engine.checkSmtpSettings(settings, locale),
  queuePresets: () => engine.queuePresets(),
  checkCustomRules: (rules, locale) => engine.checkCustomRules(rules, locale),
};

const probed = {};
ready.then((hello) => Object.assign(probed, hello.features), () => {});

self.onmessage = async (event) => {
  const { id, op, args } = event.data || {};
  try {
    await ready;
    if (trapped) throw new WebAssembly.RuntimeError('the engine stopped on an earlier input');
    const run = operations[op];
    if (!run) throw Object.assign(new Error(`unknown operation ${op}`), { code: 'unknown-operation' });
    const result = await run(...(args || []));
    const transfer = result && result.fixed instanceof Uint8Array ? [result.fixed.buffer] : [];
    self.postMessage({ id, ok: true, result }, transfer);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) trapped = true;
    self.postMessage({ id, ok: false, error: { message: String((err && err.message) || err), code: err && err.code, trapped } });
  }
};
