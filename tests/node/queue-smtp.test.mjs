// The queue simulation and SMTP helpers through the package (Node entries and
// the web entry). They run when the engine has the bindings, and are skipped
// with the reason otherwise.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir } from './helpers.mjs';

const cjs = createRequire(import.meta.url)(join(pkgDir, 'index.cjs'));
/** The queue and SMTP bindings are part of the engine: a missing one fails the test instead of skipping it. */
const missing = (name) => {
  if (typeof pkg[name] !== 'function') throw new Error(`the engine has no ${name}() binding`);
  return false;
};

test('every entry exports the same queue and SMTP functions (or none)', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  for (const name of ['simulate', 'explainSmtpReply', 'checkSmtpSettings', 'queuePresets', 'compare', 'queueTimeZones']) {
    assert.equal(typeof cjs[name], typeof pkg[name], `${name}: CJS and ESM agree`);
    assert.equal(typeof web[name], typeof pkg[name], `${name}: web and Node agree`);
    assert.equal(typeof pkg[name], 'function');
  }
});

test('explainSmtpReply: class by first digit, meaning, action, enhanced code, localized', {
  skip: missing('explainSmtpReply'),
}, () => {
  const permanent = pkg.explainSmtpReply('550 5.1.1 <x@example.com>: Recipient address rejected', 'fr');
  assert.equal(permanent.code, 550);
  assert.equal(permanent.class, 'permanent');
  assert.equal(permanent.retry, false);
  assert.equal(permanent.locale, 'fr');
  assert.equal(permanent.enhanced.code, '5.1.1');
  assert.ok(permanent.meaning && permanent.action);
  const english = pkg.explainSmtpReply('550 5.1.1 <x@example.com>: Recipient address rejected', 'en');
  assert.notEqual(english.meaning, permanent.meaning, 'French differs from English');
  const transient = pkg.explainSmtpReply('451', 'en');
  assert.equal(transient.class, 'transient');
  assert.equal(transient.retry, true);
  assert.equal(transient.enhanced, undefined);
});

test('queuePresets and simulate: the presets run, deterministically', {
  skip: missing('simulate') || missing('queuePresets'),
}, () => {
  const presets = pkg.queuePresets();
  assert.ok(presets.length >= 1);
  for (const preset of presets) {
    const scenario = JSON.parse(preset.json);
    const first = pkg.simulate(scenario);
    assert.deepEqual(pkg.simulate(scenario), first, `${preset.id} is deterministic`);
    const total = first.outcomes.reduce((n, o) => n + o.count, 0);
    assert.equal(total, first.counters.mails, `${preset.id}: every mail ends in exactly one outcome`);
  }
  assert.throws(() => pkg.simulate({ streamz: [] }), (error) => error instanceof Error && error.code === 'invalid-scenario');
  assert.deepEqual(pkg.simulate(presets[0].json), pkg.simulate(JSON.parse(presets[0].json)), 'JSON text or object');
});

test('simulate results have exactly the fields index.d.ts declares', { skip: missing('simulate') }, () => {
  // Mirrors SimulationResult and QueueCounters in pkg-config/src/index.d.ts: a field added
  // or renamed in the engine fails here until the types follow.
  const result = pkg.simulate(JSON.parse(pkg.queuePresets()[0].json));
  assert.deepEqual(Object.keys(result).sort(), ['actions', 'answers', 'appliedActions', 'assumptions', 'counters', 'end',
    'errorLog', 'errorLogTotal', 'history', 'mails', 'notifications', 'outcomes', 'rejectedActions', 'series', 'service',
    'start', 'state', 'streams', 'timeZone', 'timeline', 'tzdata', 'version']);
  assert.deepEqual(Object.keys(result.counters).sort(), ['errors', 'expired', 'held', 'longestHoldSeconds', 'mails',
    'maxQueue', 'pending', 'purged', 'redSeconds', 'refused', 'sent', 'smtpAccepted', 'smtpBounced', 'smtpRefused',
    'spamEpisodes', 'spamSent']);
  assert.deepEqual(Object.keys(result.service).sort(), ['bounce', 'email', 'maxPerDay', 'sent', 'sentToday', 'state']);
  assert.deepEqual(Object.keys(result.series).sort(), ['bucketSeconds', 'dropped', 'errors', 'generated', 'queue', 'sent',
    'start']);
});

test('checkSmtpSettings: port 465 with ssl passes, a plain port is flagged', { skip: missing('checkSmtpSettings') }, () => {
  const recommended = pkg.checkSmtpSettings({ transport: 'smtp', host: 'ssl0.example.net', port: 465, security: 'ssl' }, 'en');
  assert.equal(recommended.verdict, 'pass');
  const plain = pkg.checkSmtpSettings({ transport: 'smtp', host: 'ssl0.example.net', port: 25, security: 'none' }, 'pl');
  assert.notEqual(plain.verdict, 'pass');
  assert.ok(plain.findings.some((f) => f.ruleId === 'config/smtp-security'));
  assert.equal(plain.locale, 'pl');
});

test('simulate and compare errors carry messageId and params, as lint errors do, so a page says them again in another language', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  const cases = [
    [{ locale: 'fr', streams: [{ rate: -1 }] }, 'invalid-scenario', 'queue.error.number', 'streams[0].rate'],
    [{ locale: 'es', streamz: [] }, 'invalid-scenario', 'core.invalid.unknown-field', undefined],
    [{ locale: 'pl', service: { sent: 1, bounce: 2 } }, 'invalid-scenario', 'queue.error.above-sent', 'service.bounce'],
    [{ streams: Array.from({ length: 1001 }, () => ({})) }, 'too-many-streams', 'queue.error.too-many-streams', 'streams'],
  ];
  for (const entry of [pkg, web]) {
    for (const [scenario, code, messageId, field] of cases) {
      // compare() speaks the language of its first scenario.
      for (const [run, locale] of [[() => entry.simulate(scenario), scenario.locale], [() => entry.compare(scenario, {}), scenario.locale]]) {
        assert.throws(run, (error) => {
          assert.equal(error.code, code);
          assert.equal(error.messageId, messageId);
          if (field) assert.equal(error.field, field);
          assert.equal(entry.renderMessage(error.messageId, error.params, locale || 'en'), error.message);
          return true;
        }, JSON.stringify(scenario).slice(0, 80));
      }
    }
  }
  // The whole value of the wrong kind: named as the parameter, in the catalogue's words.
  assert.throws(() => web.simulate(42), (error) => error.code === 'invalid-scenario' && error.messageId === 'core.invalid.shape'
    && error.message === web.renderMessage('core.invalid.shape', error.params, 'en') && /scenario must be an object or a JSON string/.test(error.message));
  assert.throws(() => web.compare({}, true), (error) => error.messageId === 'core.invalid.shape' && /: b must be/.test(error.message));
  assert.throws(() => web.explainSmtpReply(550, 'fr'), (error) => error.code === 'invalid-input' && error.messageId === 'core.invalid.shape'
    && error.message === web.renderMessage('core.invalid.shape', error.params, 'fr')
    && error.message.startsWith('La réponse SMTP n\'est pas valide') && /reply/.test(error.message));
  // The reply's own words, not those of a message's compose fields.
  for (const reply of [550, null, undefined, {}, ['550 5.1.1']]) {
    assert.throws(() => web.explainSmtpReply(reply), (error) => error.code === 'invalid-input'
      && error.message === 'The SMTP reply is not valid: reply must be a text.', String(reply));
  }
});

test('Infinity and NaN in a scenario or SMTP settings are named as given, not as the null JSON.stringify writes', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  const cases = [
    [{ thresholds: { bounceRatio: Infinity } }, 'thresholds.bounceRatio', 'Infinity'],
    [{ streams: [{ count: 1 }, { rate: NaN }] }, 'streams[1].rate', 'NaN'],
    // Optional fields took the null as absent: the run went on with the default.
    [{ service: { maxPerDay: -Infinity } }, 'service.maxPerDay', '-Infinity'],
    [{ until: Infinity, locale: 'fr' }, 'until', 'Infinity'],
  ];
  for (const entry of [pkg, cjs, web]) {
    for (const [scenario, field, value] of cases) {
      const locale = scenario.locale || 'en';
      assert.throws(() => entry.simulate(scenario), (error) => {
        assert.equal(error.code, 'invalid-scenario');
        assert.equal(error.field, field);
        assert.equal(error.messageId, 'core.invalid.not-finite');
        assert.equal(error.message, entry.renderMessage('core.invalid.not-finite',
          { invalid: { label: 'core.invalid.subject.scenario' }, path: field, value }, locale));
        assert.doesNotMatch(error.message, /null/);
        return true;
      }, field);
    }
    assert.throws(() => entry.checkSmtpSettings({ transport: 'smtp', port: Infinity }, 'es'),
      (error) => error.code === 'invalid-options' && error.messageId === 'core.invalid.not-finite' && /port/.test(error.message) && /Infinity/.test(error.message));
  }
  // A null the scenario writes itself is still read as the API's null.
  assert.equal(pkg.simulate({ service: { email: null }, streams: [{ count: 1 }] }).service.email, null);
});

test('queuePresets(locale) names the example streams in that language; the scenarios are otherwise the same', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  for (const entry of [pkg, cjs, web]) {
    const english = entry.queuePresets();
    assert.deepEqual(entry.queuePresets('en'), english);
    const form = (presets) => JSON.parse(presets.find((p) => p.id === 'quiet-contact-form').json);
    assert.equal(form(english).streams[0].name, 'contact form');
    for (const locale of ['fr', 'es', 'pl']) {
      const localized = form(entry.queuePresets(locale));
      assert.equal(localized.streams[0].name, entry.renderMessage('queue.preset.stream.contact-form', {}, locale));
      assert.notEqual(localized.streams[0].name, 'contact form');
      assert.deepEqual({ ...localized, streams: [] }, { ...form(english), streams: [] });
      // The name is what results show.
      assert.equal(entry.simulate({ ...localized, locale }).streams[0].name, localized.streams[0].name);
    }
  }
});

test('explainSmtpReply(reply, locale, settings): a STARTTLS demand names the port and security the settings give, in every entry', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  const reply = '530 5.7.0 Must issue a STARTTLS command first';
  for (const entry of [cjs, pkg, web]) {
    const plain = entry.explainSmtpReply(reply, 'en', { host: 'ssl0.ovh.net', port: 25, security: '' });
    assert.match(plain.action, /port 25 without encryption/);
    assert.match(plain.action, /587/);
    const asked = entry.explainSmtpReply(reply, 'en', { host: 'ssl0.ovh.net', port: 587, security: 'tls' });
    assert.notEqual(asked.action, plain.action);
    assert.match(asked.action, /587/);
    // Without settings (or null): both options, not one port alone.
    for (const none of [undefined, null]) {
      const general = entry.explainSmtpReply(reply, 'en', none);
      assert.match(general.action, /587/);
      assert.match(general.action, /465/);
    }
    assert.throws(() => entry.explainSmtpReply(reply, 'en', 5), (e) => e.code === 'invalid-options');
    // A 4xx policy code is a deferral: retried, no spam rules related.
    const deferred = entry.explainSmtpReply('451 4.7.1 try again later', 'en');
    assert.equal(deferred.retry, true);
    assert.deepEqual(deferred.relatedRules, []);
  }
});

test('lone surrogates, NUL bytes and deep nesting from JavaScript: each entry point answers as for a string', { skip: missing('checkSmtpSettings') }, () => {
  // JSON.stringify escapes a lone surrogate (\ud800), which JSON readers refuse: the settings
  // read it as U+FFFD, as explainSmtpReply's string does (README "Limits").
  const lone = pkg.checkSmtpSettings({ host: 'smtp.\ud800x.com', port: 465, security: 'ssl' });
  assert.equal(lone.findings[0].messageId, 'config/smtp-security.host-character', JSON.stringify(lone.findings));
  assert.match(lone.findings[0].message, /\ufffd/);
  assert.match(pkg.explainSmtpReply('550 5.1.1 \udc00 user unknown', 'en').text, /\ufffd/);
  // NUL bytes are shown as signs.
  assert.match(pkg.checkSmtpSettings({ host: 'smtp.\0.com', port: 465, security: 'ssl' }).findings[0].message, /␀/);
  assert.match(pkg.explainSmtpReply('550 5.1.1 \0 user unknown', 'en').text, /␀/);
  // Nesting past MAX_JSON_DEPTH (128) is refused by name.
  let deep = {}; let c = deep; for (let i = 0; i < 5000; i++) { c.a = {}; c = c.a; }
  assert.throws(() => pkg.checkSmtpSettings({ host: 'smtp.example.org', x: deep }), /128 levels/);
  assert.throws(() => pkg.simulate({ streams: [], x: deep }), (e) => e.code === 'invalid-scenario');
});

test('checkSmtpSettings: the Node entry writes the settings as JSON once, and the result is the engine\'s own', {
  skip: missing('checkSmtpSettings'),
}, async () => {
  const { sharedEngine } = createRequire(import.meta.url)(join(pkgDir, 'lib', 'engine.cjs'));
  const engine = sharedEngine();
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  const called = [];
  const original = engine.instance;
  // The engine reads the text the entry wrote (it had written it a second time, 15 ms of a 5 MB field's 120).
  engine.instance = new Proxy(original, { get: (target, name) => {
    if (typeof name === 'string' && name.startsWith('checkSmtpSettings')) called.push(name);
    return Reflect.get(target, name);
  } });
  try {
    const cases = [
      [{ transport: 'smtp', host: 'ssl0.ovh.net', port: 587, security: 'starttls', from: 'me@gmail.com' }, 'fr'],
      [{ host: 'a.example.org:25;tls://b.example.org:2525;[2001:db8::1]:465', auth: false }, 'pl'],
      [{ host: 'smtp.\ud800x.com', port: 465, security: 'ssl' }, 'es'],
      [{ host: 'smtp.example.org', port: '465' }, 'en'],
      [{ host: 'smtp.example.org', extra: 1 }, 'en'],
      [[1, 2], 'en'],
    ];
    for (const [settings, locale] of cases) {
      const direct = () => web.checkSmtpSettings(settings, locale);
      let expected;
      try { expected = direct(); } catch (error) { expected = { error: error.message, code: error.code }; }
      let actual;
      try { actual = pkg.checkSmtpSettings(settings, locale); } catch (error) { actual = { error: error.message, code: error.code }; }
      assert.deepEqual(actual, expected, JSON.stringify(settings));
    }
    assert.deepEqual(called, cases.map(() => 'checkSmtpSettingsJson'));
    // A number JSON cannot hold goes to the engine as given, which names it.
    called.length = 0;
    assert.throws(() => pkg.checkSmtpSettings({ host: 'smtp.example.org', port: Infinity }, 'en'), /port/);
    assert.deepEqual(called, ['checkSmtpSettings']);
  } finally {
    engine.instance = original;
  }
});

test('a scenario given as JSON text reads a lone surrogate escape as U+FFFD, as the same scenario given as an object', {
  skip: missing('simulate'),
}, () => {
  const scenario = { streams: [{ name: 'form \ud800', count: 2, verdict: 'clean' }] };
  const fromObject = pkg.simulate(scenario);
  const fromText = pkg.simulate(JSON.stringify(scenario));
  assert.equal(fromText.streams[0].name, 'form \ufffd');
  assert.deepEqual(fromText, fromObject);
  // An escaped pair is one character, kept.
  assert.equal(pkg.simulate('{"streams": [{"name": "\\ud83d\\ude00", "count": 1}]}').streams[0].name, '\u{1f600}');
});
