// The engine runs here, in a module Web Worker, so a 9 MB message or a long
// simulation never freezes the page. Protocol: the page posts
// {id, op, args}; the worker answers {id, ok: true, result} or {id, ok: false, error}.
import init, * as engine from './engine/mail_preflight.js';

const ready = init().then(() => {
  // Which optional bindings this build of the engine has (the queue simulation,
  // the SMTP reply explainer and the SMTP settings check arrive in later builds).
  const features = {};
  for (const name of ['simulate', 'explainSmtpReply', 'checkSmtpSettings', 'queuePresets', 'checkCustomRules']) {
    features[name] = typeof engine[name] === 'function';
  }
  return { version: engine.version(), features };
});

const operations = {
  hello: () => ready,
  lint: (input, options) => engine.lint(input, options),
  lintPhpMail: (to, subject, message, headers, options) => engine.lintPhpMail(to, subject, message, headers, options),
  rules: (locale) => engine.rules(locale),
  messages: (locale) => engine.messages(locale),
  simulate: (scenario) => engine.simulate(scenario),
  explainSmtpReply: (text, locale) => engine.explainSmtpReply(text, locale),
  checkSmtpSettings: (settings, locale) => engine.checkSmtpSettings(settings, locale),
  queuePresets: () => engine.queuePresets(),
  checkCustomRules: (rules, locale) => engine.checkCustomRules(rules, locale),
};

self.onmessage = async (event) => {
  const { id, op, args } = event.data || {};
  try {
    await ready;
    const run = operations[op];
    if (!run) throw Object.assign(new Error(`unknown operation ${op}`), { code: 'unknown-operation' });
    const result = await run(...(args || []));
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    self.postMessage({ id, ok: false, error: { message: String(err && err.message || err), code: err && err.code } });
  }
};
