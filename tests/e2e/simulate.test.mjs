// The queue simulation view, end to end in Chromium: the engine's own results
// drawn (compared with the same engine run in Node), the views a site owner acts
// on (error log, every mail, each stream's lint, answers, assumptions, a second
// scenario side by side), the scenario as a form with JSON beside it, the day in
// the chosen time zone, and the defects of the first version (clicks piling onto
// the example's, a stale result under an error, the bot-attack link, day labels,
// untranslated states, the slider read as seconds, Ctrl+Enter) — in four languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, startHarness, openPage, loadApp, lintRaw } from './harness.mjs';
import { engine, messages } from './engine.mjs';

const LOCALES = ['en', 'fr', 'es', 'pl'];
const BROWSER_LOCALE = { en: 'en-US', fr: 'fr-FR', es: 'es-ES', pl: 'pl-PL' };
const presets = engine.queuePresets();
/** A worked example as the page loads it in `locale`: its stream names in that language. */
const presetJson = (id, locale = 'en') => JSON.parse(engine.queuePresets(locale).find((p) => p.id === id).json);

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

async function openSimulate(locale = 'en', hash = '#simulate') {
  const session = await openPage(harness, { locale: BROWSER_LOCALE[locale] });
  await loadApp(session.page, harness.origin, hash);
  await session.page.waitForSelector('body[data-simulate-ready=true]');
  return session;
}

async function runAndWait(page, state) {
  await page.click('#simulate-run');
  await page.waitForFunction((s) => {
    const final = document.querySelector('[data-final-state]');
    return final && (!s || final.dataset.finalState === s) && document.getElementById('simulate-progress').hidden;
  }, state, { timeout: 60000 });
}

async function setScenario(page, scenario) {
  await page.click('#scenario-advanced summary');
  await page.fill('#scenario', JSON.stringify(scenario, null, 2));
}

/** States present in a result, from its timeline (the first `from` and every `to`). */
function statesOf(result) {
  const states = new Set([result.timeline.length ? result.timeline[0].from : result.state]);
  for (const change of result.timeline) states.add(change.to);
  return states;
}

test('each example draws the engine\'s timeline, history, final state and counters', async () => {
  assert.ok(presets.length >= 4);
  const session = await openSimulate();
  const { page } = session;
  // The words after the date of a day the snapshot gives no volume for (the API's volume: null).
  const unknownTail = engine.renderMessage('queue.view.day.unknown', { date: '' }, 'en');
  let unknownDays = 0;
  for (const preset of presets) {
    const expected = engine.simulate({ ...JSON.parse(preset.json), locale: 'en' });
    await page.selectOption('#preset', preset.id);
    await runAndWait(page, expected.state);
    const shown = await page.evaluate(() => ({
      bands: [...document.querySelectorAll('#timeline-chart rect.band')].map((r) => r.dataset.state),
      series: [...document.querySelectorAll('#timeline-chart polyline')].map((p) => p.dataset.series),
      days: [...document.querySelectorAll('#history-chart rect.day-bar')].map((r) => ({ date: r.dataset.date, volume: r.dataset.volume === '' ? null : Number(r.dataset.volume), tooltip: r.querySelector('title').textContent })),
      counters: Object.fromEntries([...document.querySelectorAll('#simulation-summary [data-counter]')].map((c) => [c.dataset.counter, c.querySelector('.value').textContent])),
      changes: [...document.querySelectorAll('#notifications li.change')].map((li) => li.textContent),
    }));
    assert.deepEqual(new Set(shown.bands), statesOf(expected), preset.id);
    assert.deepEqual(shown.series, ['queue', 'sent', 'errors']);
    const n = (v) => new Intl.NumberFormat('en').format(v);
    assert.deepEqual(shown.days.map(({ date, volume }) => ({ date, volume })), expected.history.map((d) => ({ date: d.date, volume: d.volume })));
    // A day of unknown volume says so in its tooltip, never "0 mails"; a known one gives its number.
    for (const day of shown.days) {
      if (day.volume === null) {
        unknownDays += 1;
        assert.ok(day.tooltip.endsWith(unknownTail) && !/\b0 mails\b/.test(day.tooltip), `${preset.id}: ${day.tooltip}`);
      } else {
        assert.ok(day.tooltip.endsWith(`${n(day.volume)} ${day.volume === 1 ? 'mail' : 'mails'}`), `${preset.id}: ${day.tooltip}`);
      }
    }
    for (const key of ['mails', 'sent', 'errors', 'refused', 'pending', 'smtpAccepted', 'smtpRefused', 'smtpBounced']) {
      assert.equal(shown.counters[key], n(expected.counters[key]), `${preset.id}: ${key}`);
    }
    // Every change names its mail and measure (the engine's message) and what to do.
    assert.equal(shown.changes.length, expected.timeline.length);
    expected.timeline.forEach((change, i) => {
      assert.ok(shown.changes[i].includes(change.message), change.message);
      assert.ok(shown.changes[i].includes(change.advice), change.advice);
    });
    if (preset.id === 'bot-attack') await page.screenshot({ path: join(ARTIFACTS, 'simulate-view.png'), fullPage: true });
  }
  assert.ok(unknownDays > 0, 'the API snapshot example has a day of unknown volume');
  assert.deepEqual(session.errors, []);
  assert.deepEqual(session.outside, []);
  await session.context.close();
});

test('"Simulate a bot attack" on the troubleshooting checklist opens the bot-attack example', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#troubleshoot');
  await page.click('a[href="#simulate/bot-attack"]');
  await page.waitForFunction(() => document.getElementById('preset')?.value === 'bot-attack');
  const scenario = JSON.parse(await page.inputValue('#scenario'));
  assert.deepEqual(scenario, presetJson('bot-attack'));
  await session.context.close();
});

test('a click from the slider replaces the example\'s later clicks, shows whose each click is, and can be reset', async () => {
  const session = await openSimulate('en', '#simulate/bot-attack');
  const { page } = session;
  await runAndWait(page, 'ok');
  // The example's own unblock at 10:30 is refused in SPAM: the log says it was the example's click.
  const exampleRejection = await page.$eval('#notifications li.rejected', (li) => li.className);
  assert.match(exampleRejection, /origin-example/);
  // Move inside the spam band, where only purge is offered, and purge there.
  const spamFrom = await page.$eval('#timeline-chart rect.band[data-state=spam]', (r) => Number(r.dataset.from));
  const start = engine.simulate(presetJson('bot-attack')).start;
  const offset = spamFrom - start + 2400; // 10:40, after the example's unblock at 10:30
  await page.$eval('#action-time', (input, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input'));
  }, offset);
  const offered = await page.$$eval('#action-buttons button', (b) => b.map((x) => x.dataset.action));
  assert.deepEqual(offered, ['PURGE'], 'unblock is not offered in SPAM');
  await page.click('#action-buttons button[data-action=PURGE]');
  await page.waitForFunction(() => document.querySelectorAll('#your-actions li').length === 1
    && document.getElementById('simulate-progress').hidden);
  const actions = JSON.parse(await page.inputValue('#scenario')).actions;
  // The example's unblock (before the click) stays; its purge at noon (after it) goes.
  assert.deepEqual(actions.map((a) => a.action), ['unblock', 'PURGE']);
  assert.ok(Math.abs(actions[1].at - offset) < 120);
  const rejected = await page.$$eval('#notifications li.rejected', (lis) => lis.map((li) => li.className));
  assert.ok(rejected.every((c) => c.includes('origin-example')), 'no refused click the user did not make');
  const applied = await page.$$eval('#notifications li.applied', (lis) => lis.map((li) => li.className));
  assert.deepEqual(applied.map((c) => c.includes('origin-yours')), [true]);
  await page.click('#simulate-reset');
  await page.waitForFunction(() => !document.querySelector('#your-actions li') && document.getElementById('simulate-progress').hidden);
  assert.deepEqual(JSON.parse(await page.inputValue('#scenario')).actions, presetJson('bot-attack').actions);
  assert.deepEqual(session.errors, []);
  await session.context.close();
});

test('a failed run says why, names the field, and leaves no previous result under the message', async () => {
  const session = await openSimulate();
  const { page } = session;
  await runAndWait(page);
  assert.equal(await page.isVisible('#simulation'), true);
  await setScenario(page, { thresholds: { bucketSeconds: 9223372036854775808 } });
  await page.click('#simulate-run');
  await page.waitForSelector('#simulate-error:not([hidden])');
  assert.match(await page.textContent('#simulate-error'), /thresholds\.bucketSeconds/);
  assert.equal(await page.isVisible('#simulation'), false, 'the previous result is gone');
  assert.equal(await page.$('[data-final-state]'), null);
  await session.context.close();
});

test('the scenario is a form with the JSON as the advanced view, each updating the other', async () => {
  const session = await openSimulate('en', '#simulate/quiet-contact-form');
  const { page } = session;
  await page.fill('#sim-domain', 'pastry.example');
  await page.fill('#sim-stream-0-share', '50');
  let scenario = JSON.parse(await page.inputValue('#scenario'));
  assert.equal(scenario.domain, 'pastry.example');
  assert.equal(scenario.streams[0].bounceShare, 0.5);
  await page.click('#sim-add-action');
  scenario = JSON.parse(await page.inputValue('#scenario'));
  assert.deepEqual(scenario.actions, [{ at: 0, action: 'BLOCK' }]);
  // JSON typed by hand redraws the form.
  await setScenario(page, { ...scenario, service: { state: 'bounce', sent: 10 }, streams: [] });
  assert.equal(await page.inputValue('#sim-state'), 'bounce');
  assert.equal(await page.inputValue('#sim-sent'), '10');
  assert.equal(await page.$('#sim-stream-0-name'), null);
  await page.fill('#scenario', '{ not json');
  assert.equal(await page.isVisible('#scenario-problem'), true);
  await session.context.close();
});

test('the provider API\'s snapshot and a send log load as they are, and the error log shows them', async () => {
  const session = await openSimulate('en', '#simulate/api-snapshot');
  const { page } = session;
  const expected = engine.simulate({ ...presetJson('api-snapshot'), locale: 'en' });
  await runAndWait(page, expected.state);
  const log = await page.$$eval('#error-log tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.equal(log.length, expected.errorLog.length);
  assert.ok(log.some((cells) => cells[1] === 'anna@example.net'), 'the API\'s own entry');
  assert.ok(log.some((cells) => cells[2].startsWith('552 5.2.2')), 'a logged reply');
  assert.match(await page.textContent('#error-log .hint'), new RegExp(`of ${expected.errorLogTotal} entries`));
  // The API's `email` is null: the daily reports say they have no recipient, not "sent to -".
  const reports = await page.$$eval('#notifications li.notice-dailyErrorReport', (lis) => lis.map((li) => li.textContent));
  const unsent = expected.notifications.filter((n) => n.kind === 'dailyErrorReport');
  assert.ok(unsent.length > 0 && unsent.every((n) => n.to === null));
  assert.equal(reports.length, unsent.length);
  unsent.forEach((n, i) => assert.ok(reports[i].includes(engine.renderMessage('queue.view.notification.no-recipient', { subject: n.subject }, 'en')), reports[i]));
  const logged = await page.$eval('#stream-results tr[data-stream="0"]', (r) => r.textContent);
  assert.match(logged, /a send log replayed/);
  // Clicking a reply opens the explainer with it.
  await page.click('#error-log tbody a[href*="552"]');
  await page.waitForFunction(() => !document.getElementById('explanation').hidden);
  assert.match(await page.inputValue('#smtp-reply'), /^552 5\.2\.2/);
  await session.context.close();
});

test('every mail of a million-mail run is in a virtual list that scrolls and filters without freezing the page', async (t) => {
  const session = await openSimulate();
  const { page } = session;
  const scenario = {
    domain: 'big.example',
    service: { maxPerDay: 100000000 },
    thresholds: { burstMaxMails: 100000000, maxErrorsPerHour: 100000000, bounceRatio: 1 },
    streams: [{ name: 'newsletter', start: 0, duration: 3 * 86400, count: 1_000_000, bounceShare: 0.01, verdict: 'clean' }],
  };
  await setScenario(page, scenario);
  await page.click('#simulate-run');
  const started = Date.now();
  const busy = await page.evaluate(() => !document.getElementById('simulate-progress').hidden);
  // Printed, never asserted: the answer coming while the engine still works is the fact.
  t.diagnostic(`the main thread answered in ${Date.now() - started} ms`);
  assert.ok(busy, 'progress is shown while the engine works');
  await page.waitForSelector('[data-final-state]', { timeout: 120000 });
  assert.equal(await page.$eval('[data-counter=mails] .value', (v) => v.textContent), new Intl.NumberFormat('en').format(1_000_000));
  assert.match(await page.textContent('#mail-count'), /1,000,000 of 1,000,000 mails/);
  const rows = await page.$$eval('#mail-viewport .mail-rows [role=row]', (r) => r.length);
  assert.ok(rows > 0 && rows < 40, `only the rows in view exist (${rows})`);
  await page.$eval('#mail-viewport', (v) => { v.scrollTop = v.scrollHeight; });
  await page.waitForFunction(() => [...document.querySelectorAll('#mail-viewport .mail-rows [role=row]')].some((r) => r.dataset.id === '999999'));
  await page.selectOption('#mail-filter-outcome', '1');
  await page.waitForFunction(() => /10,000 of 1,000,000/.test(document.getElementById('mail-count').textContent));
  const bounced = await page.$$eval('#mail-viewport .mail-rows [role=row]', (r) => r.map((x) => x.className));
  assert.ok(bounced.length && bounced.every((c) => c.includes('outcome-bounced')));
  assert.deepEqual(session.errors, []);
  await session.context.close();
});

test('"Simulate sending this message" from the lint tab runs it as a stream and shows its lint result', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#lint');
  const message = 'From: Shop <shop@example.com>\nTo: you@example.net\nSubject: FREE FREE MONEY NOW\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n'
    + 'Message-ID: <a@example.com>\n\nBUY NOW\n';
  await lintRaw(page, message);
  await page.click('#simulate-message');
  await page.waitForSelector('[data-final-state]', { timeout: 60000 });
  assert.equal(new URL(page.url()).hash, '#simulate');
  const scenario = JSON.parse(await page.inputValue('#scenario'));
  assert.equal(scenario.streams[0].message.replace(/\r\n/g, '\n'), message);
  const expected = engine.simulate({ ...scenario, locale: 'en' });
  const lint = await page.$eval('#stream-results tr[data-stream="0"] td.lint', (td) => ({
    rules: [...td.querySelectorAll('a.rule-link')].map((a) => a.textContent),
  }));
  assert.deepEqual(lint.rules, expected.streams[0].lint.findings.map((f) => f.ruleId));
  await session.context.close();
});

test('two scenarios side by side: with the bot and with a captcha', async () => {
  const session = await openSimulate('en', '#simulate/bot-attack');
  const { page } = session;
  await runAndWait(page, 'ok');
  // The engine's own captcha answer is in the answers.
  assert.equal(await page.isVisible('#simulation-answers [data-answer=captcha]'), true);
  await page.click('#compare-open');
  await page.click('#compare-captcha');
  const b = JSON.parse(await page.inputValue('#scenario-b'));
  assert.equal(b.streams.length, 1, 'the bot stream removed');
  await page.click('#compare-run');
  await page.waitForSelector('#comparison-table');
  const expected = engine.compare({ ...presetJson('bot-attack'), locale: 'en' }, { ...b, locale: 'en' });
  const rows = await page.$$eval('#comparison-table tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.row, [...tr.cells].slice(1).map((c) => c.textContent)])));
  assert.deepEqual(rows.lost, [String(expected.a.lost), String(expected.b.lost)]);
  const differences = await page.$$eval('#comparison-differences li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(differences, expected.differences);
  await session.context.close();
});

test('days follow the chosen time zone, summer time included, and the zone is named', async () => {
  const session = await openSimulate();
  const { page } = session;
  // 23:30 local in Paris on 28 March: the next day is the one of the spring change (23 hours).
  const scenario = { start: '2026-03-28T23:30', timeZone: 'Europe/Paris', until: 2 * 86400,
    streams: [{ name: 'hourly', rate: 1, duration: 2 * 86400 }] };
  await setScenario(page, scenario);
  await runAndWait(page);
  const paris = engine.simulate({ ...scenario, locale: 'en' });
  const days = await page.$$eval('#history-chart rect.day-bar', (r) => r.map((x) => [x.dataset.date, Number(x.dataset.volume)]));
  assert.deepEqual(days, paris.history.map((d) => [d.date, d.volume]));
  assert.equal(paris.history[1].volume, 23, 'the day of the change has 23 hours');
  assert.match(await page.textContent('#simulation-zone'), /Europe\/Paris \(UTC\+1\)/);
  await page.selectOption('#sim-time-zone', 'America/New_York');
  await runAndWait(page);
  assert.match(await page.textContent('#simulation-zone'), /America\/New_York \(UTC-4\)/);
  const labels = await page.$$eval('#history-chart text', (t) => t.map((x) => x.textContent));
  assert.ok(!labels.some((l) => /^\d\d-\d\d$/.test(l)), `no bare 03-02 labels: ${labels}`);
  await session.context.close();
});

for (const locale of LOCALES) {
  test(`the simulation view in ${locale}: catalogue texts, state names with their meaning, local days, a slider read as a moment`, async () => {
    const session = await openSimulate(locale, '#simulate/stale-newsletter');
    const { page } = session;
    const messages = engine.messages(locale);
    const expected = engine.simulate({ ...presetJson('stale-newsletter', locale), locale });
    await runAndWait(page, expected.state);
    const text = await page.textContent('#view-simulate');
    // The example's stream is named in the reader's language.
    assert.ok(text.includes(engine.renderMessage('queue.preset.stream.stale-list', {}, locale)), 'the stream name');
    assert.ok(!/queue\.(view|state|action|outcome)\./.test(text), 'no catalogue id shown');
    for (const key of ['queue.view.final-state', 'queue.view.events', 'queue.view.assumptions', 'queue.view.mails.title']) {
      assert.ok(text.includes(messages[key]), `${key}: ${messages[key]}`);
    }
    // Bounce, Force and SPAM are the panel's names: each comes with what it means in the reader's language.
    const legend = await page.textContent('#timeline-legend');
    assert.ok(legend.includes(messages['queue.state.bounce.about']), legend);
    assert.ok(legend.includes(messages['queue.state.force.about']), legend);
    for (const change of expected.timeline) assert.ok(text.includes(change.message), change.message);
    // Day labels in the reader's language, and one clock for the log and the charts.
    const day = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', weekday: 'short', day: 'numeric', month: 'short' })
      .format(new Date(Date.parse(expected.history[0].date) + 1000));
    const labels = await page.$$eval('#history-chart text', (t) => t.map((x) => x.textContent));
    assert.ok(labels.includes(day), `${day} in ${labels}`);
    const when = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
    const firstChange = await page.$eval('#notifications li.change time', (t) => t.textContent);
    assert.equal(firstChange, when.format(new Date(expected.timeline[0].at * 1000)));
    const ticks = await page.$$eval('#timeline-chart .axis text[text-anchor]', (t) => t.map((x) => x.textContent));
    const hasDayPeriod = (s) => /\b(AM|PM)\b/.test(s);
    assert.equal(ticks.some(hasDayPeriod), hasDayPeriod(firstChange), 'the same clock in the log and the chart');
    // The slider says a moment, not a number of seconds.
    const valuetext = await page.getAttribute('#action-time', 'aria-valuetext');
    assert.ok(valuetext && !/^\d+$/.test(valuetext), valuetext);
    assert.ok(valuetext.includes(when.format(new Date(expected.start * 1000))), valuetext);
    // The values the run relies on say which are ours.
    const ours = await page.$$eval('#simulation-assumptions tr[data-source=ours] .badge', (b) => b.map((x) => x.textContent));
    assert.ok(ours.length >= 5 && ours.every((o) => o === messages['queue.view.source.ours']));
    await page.screenshot({ path: join(ARTIFACTS, `simulate-${locale}.png`), fullPage: false });
    assert.deepEqual(session.errors, []);
    await session.context.close();
  });
}

test('every value of the assumptions table is said in the reader\'s language: the error ratio\'s basis is no scenario word (total, recent)', async () => {
  for (const locale of ['fr', 'es', 'pl']) {
    const session = await openSimulate(locale);
    const { page } = session;
    await runAndWait(page);
    const messages = engine.messages(locale);
    const basis = await page.$eval('#simulation-assumptions tr[data-field="thresholds.bounceRatioBasis"] td:nth-child(2)', (td) => td.textContent);
    assert.equal(basis, messages['queue.value.basis.total'], locale);
    assert.notEqual(basis, 'total');
    assert.deepEqual(session.errors, []);
    await session.context.close();
  }
});

test('the SMTP reply box explains on Ctrl+Enter, by the enhanced code, with a link to the related rule', async () => {
  const session = await openPage(harness, { locale: 'fr-FR' });
  const { page } = session;
  await loadApp(page, harness.origin, '#explain');
  await page.fill('#smtp-reply', '552 5.3.4 Message size exceeds fixed limit');
  await page.focus('#smtp-reply');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => !document.getElementById('explanation').hidden);
  const expected = engine.explainSmtpReply('552 5.3.4 Message size exceeds fixed limit', 'fr');
  const shown = await page.textContent('#explanation');
  assert.ok(shown.includes(expected.meaning) && shown.includes(expected.action));
  assert.equal(await page.getAttribute('#explain-rules a', 'href'), '#rules/size/total');
  await session.context.close();
});

test('JSON that does not read is said in the page\'s language, at its line and column, for the scenario and for B', async () => {
  const session = await openSimulate('pl');
  const { page } = session;
  const pl = messages('pl');
  const notJson = (path, line, column) => pl['core.invalid.not-json'].replace('{invalid}', pl['core.invalid.subject.scenario'])
    .replace('{path}', path).replace('{line}', line).replace('{column}', column);
  await page.click('#scenario-advanced summary');
  await page.fill('#scenario', '{\n  "streams": [,]\n}');
  await page.waitForSelector('#scenario-problem:not([hidden])');
  assert.equal(await page.textContent('#scenario-problem'), notJson('scenario', 2, 15));
  await page.fill('#scenario', '{"seed": 1}');
  await page.click('#compare-open');
  await page.fill('#scenario-b', '{"seed": 1');
  await page.click('#compare-run');
  await page.waitForSelector('#compare-error:not([hidden])');
  assert.equal(await page.textContent('#compare-error'), notJson('B', 1, 11));
  await session.context.close();
});

test('the hosting state list names each state once when the API calls it as the panel does', async () => {
  const session = await openSimulate('fr');
  const { page } = session;
  const options = await page.$$eval('select option[value=bounce], select option[value=force]', (o) => o.map((x) => x.textContent));
  assert.ok(options.length >= 2, String(options));
  for (const option of options) assert.doesNotMatch(option, /\(/, option);
  await session.context.close();
});

test('"Simulate sending this message" is offered only for a message a scenario can carry as it is (UTF-8 text)', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#lint');
  const latin1 = Buffer.from('From: a@example.com\r\nTo: b@example.org\r\nSubject: Caf\xe9\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nCaf\xe9\r\n', 'latin1');
  await page.setInputFiles('#eml-file', { name: 'latin1.eml', mimeType: 'message/rfc822', buffer: latin1 });
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.isVisible('#simulate-message'), false, 'its bytes would change on the way');
  assert.match(await page.textContent('#simulate-message-note'), /not UTF-8 text/, 'and the page says why');
  await lintRaw(page, 'From: a@example.com\nTo: b@example.org\nSubject: Café\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\nCafé\n');
  assert.equal(await page.isVisible('#simulate-message'), true);
  assert.equal(await page.isVisible('#simulate-message-note'), false);
  await session.context.close();
});

test('a failed run and a failed comparison are said again in the new language when the language changes', async () => {
  const session = await openSimulate('fr');
  const { page } = session;
  const notJson = (locale, path, line, column) => {
    const m = messages(locale);
    return m['core.invalid.not-json'].replace('{invalid}', m['core.invalid.subject.scenario'])
      .replace('{path}', path).replace('{line}', line).replace('{column}', column);
  };
  const failed = (locale, detail) => messages(locale)['queue.view.failed'].replace('{detail}', detail);
  await page.click('#scenario-advanced summary');
  await page.click('#compare-open');
  await page.fill('#scenario-b', '{"seed": 1');
  await page.click('#compare-run');
  await page.waitForFunction((t) => document.getElementById('compare-error').textContent === t, notJson('fr', 'B', 1, 11));
  await page.selectOption('#language', 'pl');
  await page.waitForFunction((t) => document.getElementById('compare-error').textContent === t, notJson('pl', 'B', 1, 11));
  await page.fill('#scenario', '{"a": ');
  await page.click('#simulate-run');
  await page.waitForFunction((t) => document.getElementById('simulate-error').textContent === t, failed('pl', notJson('pl', 'scenario', 1, 7)));
  await page.selectOption('#language', 'es');
  await page.waitForFunction((t) => document.getElementById('simulate-error').textContent === t, failed('es', notJson('es', 'scenario', 1, 7)));
  await session.context.close();
});
