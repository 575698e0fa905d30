// No message the package shows keeps a placeholder of its template: every
// public function is given bad inputs (wrong kinds, lists for objects, values
// nested past the engine's 128 levels and past V8's stack), in each language,
// and every error message, finding message and fix must be fully rendered
// (`{limit, plural, …}` reached users when a parameter was missing: s35 item 7).
import assert from 'node:assert/strict';
import test from 'node:test';
import { pkg } from './helpers.mjs';

const LOCALES = ['en', 'fr', 'es', 'pl'];
/** `{name}` or `{name, plural|select …` left in a text (`{{`/`}}` are rendered as braces). */
const PLACEHOLDER = /\{[a-zA-Z]+(\}|,\s*(plural|select))/;

const deep = (levels) => {
  const root = {};
  let at = root;
  for (let i = 0; i < levels; i++) at = at.x = {};
  return root;
};
const deepList = (levels) => {
  let value = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};
const raw = 'From: a@site.example\r\nTo: b@site.example\r\nSubject: Hi\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <a@site.example>\r\n\r\nHello\r\n';
const badValues = [null, 5, 'x', [], [[]], ['$schema', 'pl'], { bogus: 1 }, deep(200), deep(1e5), deepList(200)];

/** Each call with each bad value in each language; the value at `locale` is the language. */
function calls(locale) {
  const out = [];
  for (const [index, bad] of badValues.entries()) {
    const name = `value ${index}`;
    out.push([`lint options ${name}`, () => pkg.lint(raw, bad === null ? bad : Array.isArray(bad) || typeof bad !== 'object' ? bad : { ...bad, locale })]);
    out.push([`lint smtp ${name}`, () => pkg.lint(raw, { locale, smtp: bad })]);
    out.push([`checkOptions ${name}`, () => pkg.checkOptions(JSON.stringify(bad) ?? '[[[', locale)]);
    out.push([`simulate service ${name}`, () => pkg.simulate({ locale, service: bad })]);
    out.push([`simulate streams ${name}`, () => pkg.simulate({ locale, streams: [bad] })]);
    out.push([`compare ${name}`, () => pkg.compare({ locale, service: bad }, { locale })]);
    out.push([`checkSmtpSettings ${name}`, () => pkg.checkSmtpSettings(bad, locale)]);
    out.push([`renderReport ${name}`, () => pkg.renderReport(bad, locale)]);
    out.push([`checkCustomRules ${name}`, () => pkg.checkCustomRules(JSON.stringify([bad]) ?? '[', locale)]);
  }
  out.push(['checkOptions [[[', () => pkg.checkOptions('[[[', locale)]);
  out.push(['custom rule past the work limit', () => pkg.lint(raw + 'a'.repeat(100_000), {
    locale, customRules: [{ id: 'acme/slow', target: 'full', pattern: '(?s).{900}I' }],
  })]);
  return out;
}

/** Every text a result or an error shows a person. */
function shownTexts(value) {
  if (value instanceof Error) return [value.message];
  const texts = [];
  for (const finding of value?.findings ?? []) texts.push(finding.message, finding.fix);
  for (const problem of value?.problems ?? []) texts.push(problem.message);
  return texts.filter((t) => typeof t === 'string');
}

test('no message of any public function keeps an unreplaced placeholder, in any language', async () => {
  let checked = 0;
  for (const locale of LOCALES) {
    for (const [name, call] of calls(locale)) {
      let outcome;
      try {
        outcome = await call();
      } catch (error) {
        outcome = error;
      }
      for (const text of shownTexts(outcome)) {
        checked += 1;
        assert.doesNotMatch(text, PLACEHOLDER, `${locale} ${name}: ${text}`);
      }
    }
  }
  assert.ok(checked > 300, `only ${checked} texts checked`);
});

test('a value nested past the stack is too deep with the limit and the path where it went too deep', async () => {
  for (const [call, path] of [
    [(locale) => pkg.simulate({ locale, service: deep(1e5) }), 'service.x.x.x…'],
    [(locale) => pkg.checkSmtpSettings(deep(1e5), locale), 'x.x.x.x…'],
    [(locale) => pkg.renderReport({ findings: [deep(1e5)] }, locale), 'findings[0].x.x…'],
  ]) {
    for (const locale of LOCALES) {
      const error = await Promise.resolve().then(() => call(locale)).then(() => null, (e) => e);
      assert.ok(error, 'refused');
      assert.equal(error.messageId, 'core.invalid.too-deep');
      assert.equal(error.params.limit, 128);
      assert.equal(error.params.path, path);
      assert.match(error.message, /128/);
    }
  }
});

test('a list where an object goes is refused as a list, naming its path', async () => {
  const refused = async (call) => Promise.resolve().then(call).then(() => null, (e) => e);
  for (const [call, path] of [
    [() => pkg.checkOptions('[[[', 'en'), 'options'],
    [() => pkg.lint(raw, ['$schema', 'pl']), 'options'],
    [() => pkg.lint(raw, { smtp: [[]] }), 'smtp'],
    [() => pkg.simulate({ streams: [[]] }), 'streams[0]'],
    [() => pkg.simulate({ service: ['ok', 1, 0, 0, 10, 'a@b.example'] }), 'service'],
  ]) {
    const error = await refused(call);
    const shown = error ? `${error.code} ${error.message}` : 'accepted';
    assert.ok(error, `${call}: ${shown}`);
    assert.equal(error.messageId, 'core.invalid.wrong-type', `${call}: ${shown}`);
    assert.equal(error.params.path, path, shown);
    assert.match(error.message, /is a list; it must be an object/, shown);
  }
});
