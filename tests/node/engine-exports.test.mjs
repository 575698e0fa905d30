// The engine's own exports through the package: lint with a linter cached per
// options value, the analysed parts of a message for the page, the one
// template renderer (renderReport, renderMessage) and the options schema,
// checked with Ajv (draft 2020-12). `make build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, pkgDir, repoRoot, requireDev } from './helpers.mjs';

const Ajv2020 = requireDev('ajv/dist/2020').default;
const cjs = createRequire(import.meta.url)(join(pkgDir, 'index.cjs'));

const MESSAGE = [
  'From: Alice <a@example.com>',
  'To: b@example.com',
  'Subject: LAST CHANCE TODAY',
  'Date: Mon, 2 Mar 2026 10:00:00 +0000',
  'Message-ID: <1@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary=X',
  '',
  '--X',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello</p><div style="display:none">win a prize</div><a href="https://example.com/">site</a>',
  '--X',
  'Content-Type: application/pdf; name=a.pdf',
  'Content-Disposition: attachment; filename=a.pdf',
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0=',
  '--X--',
  '',
].join('\r\n');

/** The messages and fixes of a report, to compare renderings. */
const texts = (report) => report.findings.map((f) => `${f.messageId}: ${f.message} | ${f.fix}`);

test('every entry exports the engine functions', async () => {
  const web = await import(join(pkgDir, 'web.js'));
  await web.init(readFileSync(join(pkgDir, 'web', 'mail_preflight_bg.wasm')));
  for (const name of ['lint', 'lintPhpMail', 'analyse', 'renderReport', 'renderMessage', 'optionsSchema', 'fixMessage', 'checkCustomRules']) {
    assert.equal(typeof pkg[name], 'function', `${name} (ESM)`);
    assert.equal(typeof cjs[name], 'function', `${name} (CJS)`);
    assert.equal(typeof web[name], 'function', `${name} (web)`);
  }
});

test('the same options give the same report, and changed options apply at once', () => {
  const options = { locale: 'fr', thresholds: { spam: { subjectCapsWords: 3 } } };
  const first = pkg.lint(MESSAGE, options);
  assert.deepEqual(pkg.lint(MESSAGE, options), first);
  assert.ok(first.findings.some((f) => f.ruleId === 'spam/subject-caps'));
  options.thresholds.spam.subjectCapsWords = 4;
  assert.ok(!pkg.lint(MESSAGE, options).findings.some((f) => f.ruleId === 'spam/subject-caps'));
  // Many distinct option sets in a row: each one still applies.
  for (let words = 1; words <= 12; words += 1) {
    const raised = pkg.lint(MESSAGE, { thresholds: { spam: { subjectCapsWords: words } } })
      .findings.some((f) => f.ruleId === 'spam/subject-caps');
    assert.equal(raised, words <= 3, `subjectCapsWords ${words}`);
  }
});

test('options refused once are refused every time, with the field named', () => {
  for (let round = 0; round < 2; round += 1) {
    assert.throws(() => pkg.lint(MESSAGE, { thresholds: { spam: { subjectCapWords: 4 } } }), (error) => {
      assert.equal(error.code, 'invalid-options');
      assert.match(error.message, /subjectCapsWords/);
      return true;
    });
  }
});

test('input that is not a message gets the coded error not-a-message', () => {
  for (const input of ['', '   \n', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])]) {
    assert.throws(() => pkg.lint(input), (error) => error.code === 'not-a-message');
    assert.throws(() => pkg.analyse(input), (error) => error.code === 'not-a-message');
  }
  assert.ok(pkg.lintPhpMail('b@example.com', 'Hi', 'Hello', 'From: a@example.com').findings);
});

test('renderReport renders a report in another language without linting again', () => {
  const french = pkg.lint(MESSAGE, { locale: 'fr' });
  for (const locale of ['en', 'es', 'pl']) {
    const rendered = pkg.renderReport(french, locale);
    assert.equal(rendered.locale, locale);
    assert.deepEqual(texts(rendered), texts(pkg.lint(MESSAGE, { locale })));
  }
  assert.deepEqual(texts(pkg.renderReport(french, 'fr')), texts(french));
});

test('renderReport renders labels and sizes in the reader\'s language', () => {
  const broken = 'From: Alice <a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nHello\r\n';
  const report = pkg.lint(broken, { locale: 'pl' });
  const finding = report.findings.find((f) => f.ruleId === 'headers/address-syntax');
  assert.ok(finding.params.problem.label, 'the grammar problem is a label');
  const english = pkg.renderReport(report, 'en').findings.find((f) => f.ruleId === 'headers/address-syntax');
  assert.match(english.message, /a < without its >/);
  const small = pkg.lint('From: a@example.com\r\nTo: b@example.com\r\nSubject: Hello\r\n\r\nSee you.\r\n',
    { thresholds: { size: { maxMessageBytes: 50 } } });
  const total = small.findings.find((f) => f.ruleId === 'size/total');
  assert.deepEqual(total.params.limit, { megabytes: 50 });
  assert.match(pkg.renderReport(small, 'fr').findings.find((f) => f.ruleId === 'size/total').message, /0,000\u00a0Mo/);
});

test('renderMessage is the one template renderer: any id, its parameters, any language', () => {
  assert.equal(
    pkg.renderMessage('spam/subject-caps.shouting', { count: 12345, words: 'BIG, SALE', limit: 3 }, 'fr'),
    'Le sujet contient 12\u202f345 mots en majuscules (BIG, SALE) ; les guides signalent à partir de 3.',
  );
  assert.match(pkg.renderMessage('size/total.too-large', { size: { megabytes: 10500000 } }, 'es'), /10,50\u00a0MB/);
  assert.match(pkg.renderMessage('headers/address-syntax.invalid',
    { field: 'From', problem: { label: 'headers/grammar.address.unclosed-angle' }, count: 1 }, 'en'), /a < without its >/);
  assert.equal(pkg.renderMessage('no/such.id', {}, 'en'), 'no/such.id');
  assert.throws(() => pkg.renderMessage(42), (error) => error.code === 'invalid-input');
});

test('renderMessage shows {number, decimals} with exactly that many decimals: a spam score reads as SpamAssassin writes it', () => {
  const score = { score: { number: 6.5, decimals: 1 }, threshold: { number: 5, decimals: 1 } };
  assert.equal(pkg.renderMessage('core.report.score', score, 'en'), 'Spam score 6.5 of 5.0');
  assert.equal(pkg.renderMessage('core.report.score', score, 'pl'), 'Wynik spamu 6,5 z 5,0');
});

test('fixMessage fixes a raw message, names each fix and the rule it is for, and refuses what the engine cannot read', () => {
  const htmlOnly = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Caf\u00e9\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n'
    + 'MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello</p>\r\n';
  for (const input of [htmlOnly, new TextEncoder().encode(htmlOnly)]) {
    const { fixed, applied } = pkg.fixMessage(input, { now: 1772445600 });
    assert.ok(fixed instanceof Uint8Array);
    assert.deepEqual(applied.map((a) => [a.fix, a.ruleId]).sort(), [
      ['add-message-id', 'headers/missing-field'], ['encode-subject', 'headers/raw-8bit'], ['text-alternative', 'spam/html-only']]);
    const before = pkg.lint(input).findings.map((f) => f.ruleId);
    const after = pkg.lint(fixed).findings.map((f) => f.ruleId);
    for (const { ruleId } of applied) assert.ok(before.includes(ruleId) && !after.includes(ruleId), `${ruleId}: ${before} → ${after}`);
  }
  assert.deepEqual(pkg.fixMessage(pkg.fixMessage(htmlOnly, { now: 1772445600 }).fixed).applied, [], 'nothing left to fix');
  assert.throws(() => pkg.fixMessage(htmlOnly, { only: ['rewrite-everything'] }), (error) => error.code === 'invalid-options');
  assert.throws(() => pkg.fixMessage('x'.repeat(33 * 1024 * 1024)), (error) => error.code === 'input-too-large');
});

test('the options schema validates the README example and refuses bad options', () => {
  const schema = pkg.optionsSchema();
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Options'));
  const example = JSON.parse(section.slice(section.indexOf('```json\n') + 8, section.indexOf('```', section.indexOf('```json\n') + 8)));
  assert.ok(validate(example), JSON.stringify(validate.errors));
  const bad = [
    { rules: { 'spam/subject-cap': 'off' } },
    { thresholds: { spam: { subjectCapsWords: 0 } } },
    { thresholds: { spam: { noSuchThreshold: 1 } } },
    { thresholds: { attachment: {} } },
    { tresholds: {} },
    { locale: 'de' },
    { rules: { 'size/total': 'loud' } },
  ];
  for (const options of bad) {
    assert.equal(validate(options), false, `${JSON.stringify(options)} is refused by the schema`);
    assert.throws(() => pkg.lint(MESSAGE, options), (error) => error.code === 'invalid-options',
      `${JSON.stringify(options)} is refused by the engine`);
  }
  const ids = pkg.rules('en').map((r) => r.id);
  assert.deepEqual(schema.properties.rules.propertyNames.anyOf[0].enum, ids);
});

test('analyse gives the MIME tree, header offsets, text previews and hidden HTML text', () => {
  const analysis = pkg.analyse(MESSAGE);
  const bytes = Buffer.from(MESSAGE);
  assert.deepEqual(analysis.parts.map((p) => [p.index, p.parent, p.contentType]),
    [[0, undefined, 'multipart/mixed'], [1, 0, 'text/html'], [2, 0, 'application/pdf']]);
  const pdf = analysis.parts[2];
  assert.equal(bytes.subarray(pdf.bodyStart, pdf.bodyEnd).toString().trim(), 'JVBERi0=');
  assert.equal(pdf.decodedSize, 5);
  for (const field of analysis.headers) {
    assert.equal(bytes.subarray(field.start, field.start + field.name.length).toString(), field.name);
  }
  const subject = analysis.headers.find((f) => f.name === 'Subject');
  assert.equal(bytes.subarray(subject.valueStart, subject.end).toString().trim(), 'LAST CHANCE TODAY');
  assert.ok(analysis.texts[0].html && analysis.texts[0].text.includes('<p>Hello</p>'));
  assert.deepEqual(analysis.html[0].hiddenRuns.map((r) => [r.text, r.hiddenBy]), [['win a prize', 'display: none']]);
  assert.equal(analysis.html[0].links[0].href, 'https://example.com/');
  const composed = pkg.analyse({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'Hello' });
  assert.equal(composed.origin, 'compose');
  const from = composed.headers.find((f) => f.name === 'From');
  assert.equal(Buffer.from(composed.source).subarray(from.start, from.start + 5).toString(), 'From:');
});

test('checkOptions: options text checked as lint checks it, its refusal worded in the locale asked for', () => {
  assert.equal(cjs.checkOptions('{"locale": "fr", "rules": {"size/line-length": "off"}}'), undefined);
  const refusal = (json, locale) => {
    try {
      cjs.checkOptions(json, locale);
    } catch (error) {
      return error;
    }
    return assert.fail(`${json} is accepted`);
  };
  const wrongType = refusal('{"smtp": {"port": "465"}}', 'es');
  assert.equal(wrongType.code, 'invalid-options');
  assert.equal(wrongType.message, 'Las opciones no son válidas: smtp.port: "465" no es un número entero.');
  // Without a locale argument, the text's own locale; a syntax fault by line and column.
  const broken = refusal('{"locale": "pl",\n "rules": }');
  assert.equal(broken.messageId, 'core.invalid.not-json');
  assert.equal(broken.message, 'Opcje są nieprawidłowe: rules nie jest poprawnym JSON-em (wiersz 2, kolumna 11).');
  assert.equal(cjs.renderMessage(broken.messageId, broken.params, 'en'),
    'The options are not valid: rules is not valid JSON (line 2, column 11).');
  assert.equal(refusal('{"rules": {"spam/subject-cap": "off"}}', 'fr').message,
    'Les options ne sont pas valides : rules : nom inconnu « spam/subject-cap » ; vouliez-vous dire « spam/subject-caps » ?');
});

test('compose fields holding JavaScript values JSON has no form for are refused in the catalogue words', () => {
  const odd = { bigint: 10n, fn: () => 1, symbol: Symbol('x'), date: new Date(0), map: new Map(), nan: NaN, minus: -5, nested: [1, [2]], object: { a: { b: 1 } } };
  let refused = 0;
  for (const [kind, value] of Object.entries(odd)) {
    for (const field of ['from', 'to', 'subject', 'text', 'headers', 'attachments']) {
      try {
        cjs.lint({ from: 'a@example.com', [field]: value }, { locale: 'fr' });
      } catch (error) {
        refused += 1;
        assert.equal(error.code, 'invalid-input', `${kind} in ${field}: ${error.message}`);
        assert.notEqual(error.messageId, 'core.invalid.detail', `${kind} in ${field}: ${error.message}`);
        assert.doesNotMatch(error.message, /invalid type|expected|Reflect|JsValue|TypeError/, `${kind} in ${field}`);
        assert.match(error.message, new RegExp(`^Les champs du message ne sont pas valides : ${field}`), `${kind} in ${field}`);
      }
    }
  }
  assert.ok(refused > 40, `only ${refused} refusals`);
});

test('a refused attachment field is named, and a JavaScript number is quoted as written', () => {
  const refusal = (fields) => {
    try {
      cjs.lint({ from: 'a@example.com', ...fields }, { locale: 'en' });
    } catch (error) {
      return error;
    }
    assert.fail(`accepted ${JSON.stringify(fields)}`);
  };
  assert.match(refusal({ attachments: [{ filename: 'a.txt', content: 10n }] }).message, /: attachments\[0\]\.content is /);
  assert.match(refusal({ attachments: [{ filename: ['a.txt'] }] }).message, /: attachments\[0\]\.filename is a list; it must be a text or false\.$/);
  // A number date is written as Nodemailer writes it (`Date: 5`, mime-node's toString), and
  // headers/date reports what the receiver would read.
  for (const date of [5, 5.5]) {
    const report = cjs.lint({ from: 'a@example.com', date }, { locale: 'en' });
    assert.ok(report.findings.some((f) => f.ruleId === 'headers/date'), `date ${date}`);
  }
});
