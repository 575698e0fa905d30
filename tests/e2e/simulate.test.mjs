// The queue simulation view: each preset runs in the page's worker, and the
// charts show the engine's own data (compared with the same engine run in Node).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, startHarness, openPage, loadApp } from './harness.mjs';
import { engine, hasBinding } from './engine.mjs';

// The simulation is part of the engine: without its bindings these tests fail.
const SIMULATION = hasBinding('simulate') && hasBinding('queuePresets');
if (!SIMULATION) throw new Error('the engine in www/engine has no simulate()/queuePresets() binding');

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

/** States present in a result, from its timeline (the first `from` and every `to`). */
function statesOf(result) {
  const states = new Set();
  if (result.timeline.length) states.add(result.timeline[0].from);
  else states.add(result.state);
  for (const change of result.timeline) states.add(change.to);
  return states;
}

const presets = engine.queuePresets();

test('each preset simulation draws the engine\'s timeline, history and final state', async () => {
  assert.ok(presets.length >= 3);
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#simulate');
  for (const preset of presets) {
    const expected = engine.simulate({ ...JSON.parse(preset.json), locale: 'en' });
    await page.selectOption('#preset', preset.id);
    await page.click('#simulate-run');
    await page.waitForFunction((state) => document.querySelector('[data-final-state]')?.dataset.finalState === state
      && document.getElementById('simulate-progress').hidden, expected.state);
    const chart = await page.evaluate(() => ({
      bands: [...document.querySelectorAll('#timeline-chart rect.band')].map((r) => r.dataset.state),
      series: [...document.querySelectorAll('#timeline-chart polyline')].map((p) => p.dataset.series),
      days: [...document.querySelectorAll('#history-chart rect.day-bar')].map((r) => ({ date: r.dataset.date, volume: Number(r.dataset.volume) })),
      notices: document.querySelectorAll('#notifications li').length,
    }));
    assert.deepEqual(new Set(chart.bands), statesOf(expected), preset.id);
    assert.deepEqual(chart.series, ['queue', 'sent', 'errors']);
    assert.deepEqual(chart.days, expected.history.map((d) => ({ date: d.date, volume: d.volume })));
    assert.ok(chart.notices >= expected.notifications.length);
    if (preset.id === 'bot-attack') {
      assert.ok(chart.bands.includes('spam'), 'the bot attack puts the service in spam');
      assert.ok(expected.notifications.some((n) => n.kind === 'abuseNotice'));
      await page.screenshot({ path: join(ARTIFACTS, 'simulate-view.png'), fullPage: true });
    }
    if (preset.id === 'stale-newsletter') assert.ok(chart.bands.includes('bounce'));
    if (preset.id === 'quiet-contact-form') assert.deepEqual([...new Set(chart.bands)], ['active']);
  }
  assert.deepEqual(session.outside, []);
  await session.context.close();
});

test('an action applied at a chosen moment is added to the scenario and the simulation re-runs', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#simulate');
  await page.selectOption('#preset', 'bot-attack');
  const scenario = JSON.parse(await page.inputValue('#scenario'));
  scenario.actions = [];
  await page.fill('#scenario', JSON.stringify(scenario));
  await page.click('#simulate-run');
  await page.waitForSelector('[data-final-state="spam"]');
  // Move to a moment inside the spam band, where only purge is offered.
  const spamFrom = await page.$eval('#timeline-chart rect.band.state-spam', (r) => Number(r.dataset.from));
  const start = JSON.parse(await page.inputValue('#scenario')).start ?? 1772409600;
  const offset = spamFrom - start + 3600;
  await page.$eval('#action-time', (input, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input'));
  }, offset);
  const offered = await page.$$eval('#action-buttons button', (b) => b.map((x) => x.dataset.action));
  assert.ok(offered.includes('purge'));
  assert.ok(!offered.includes('unblock'), 'unblock is not offered in spam');
  await page.click('#action-buttons button[data-action=purge]');
  await page.waitForSelector('[data-final-state="active"]');
  const actions = JSON.parse(await page.inputValue('#scenario')).actions;
  assert.deepEqual(actions.map((a) => a.action), ['purge']);
  assert.ok(Math.abs(actions[0].at - offset) < 120);
  assert.deepEqual(session.outside, []);
  await session.context.close();
});

test('a million-mail simulation runs in the worker: progress is shown and the page keeps answering', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#simulate');
  const scenario = {
    domain: 'big.example',
    streams: [{ name: 'newsletter', start: 0, duration: 3 * 86400, count: 1_000_000, bounceShare: 0.01, verdict: 'clean' }],
  };
  await page.fill('#scenario', JSON.stringify(scenario, null, 2));
  await page.click('#simulate-run');
  const started = Date.now();
  const busy = await page.evaluate(() => !document.getElementById('simulate-progress').hidden);
  assert.ok(Date.now() - started < 1000, 'the main thread answered at once');
  assert.ok(busy, 'progress is shown while the engine works');
  await page.waitForSelector('[data-final-state]', { timeout: 60000 });
  assert.equal(await page.$eval('[data-counter=mails] .value', (v) => v.textContent), new Intl.NumberFormat('en').format(1_000_000));
  assert.deepEqual(session.outside, []);
  await session.context.close();
});
