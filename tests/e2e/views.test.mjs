// The other views (issue 20): the checklist counter after a reload, the
// rules reference filtered by group and severity with example titles in the
// reader's language, and sample SMTP replies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, openPage, loadApp } from './harness.mjs';
import { engine, messages } from './engine.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

test('after a reload the checklist counter counts the boxes that stay ticked', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#troubleshoot');
  await page.check('.checklist input[data-step=state]');
  await page.check('.checklist input[data-step=captcha]');
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.equal(await page.$$eval('.checklist input:checked', (b) => b.length), 2);
  assert.equal(await page.textContent('#checklist-progress'), engine.renderMessage('ui.ts.progress', { done: 2, total: 6 }, 'en'));
  await session.context.close();
});

test('the rules reference filters by group and by severity, together with the search', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#rules');
  const docs = engine.rules('en');
  const shown = () => page.$$eval('#rules-list article:not([hidden])', (a) => a.map((x) => x.id.replace(/^rule-/, '')));
  await page.selectOption('#rules-group', 'spam');
  assert.deepEqual(await shown(), docs.filter((r) => r.group === 'spam').map((r) => r.id));
  await page.selectOption('#rules-severity', 'error');
  assert.deepEqual(await shown(), docs.filter((r) => r.group === 'spam' && r.defaultSeverity === 'error').map((r) => r.id));
  await page.selectOption('#rules-group', '');
  await page.fill('#rules-search', 'attachment');
  const expected = docs.filter((r) => r.defaultSeverity === 'error'
    && [r.id, r.summary, r.why, r.fix].join(' ').toLowerCase().includes('attachment')).map((r) => r.id);
  assert.deepEqual(await shown(), expected);
  assert.equal(await page.textContent('#rules-count'),
    engine.renderMessage('ui.rules.count', { shown: expected.length, total: docs.length }, 'en'));
  // A link to a rule clears the filters so the rule is there to see.
  await page.evaluate(() => (location.hash = '#rules/size/total'));
  await page.waitForFunction(() => document.activeElement.id === 'rule-size/total');
  assert.equal(await page.inputValue('#rules-severity'), '');
  await session.context.close();
});

test('example titles are in the reader\'s language when the engine has them, and marked as English when not', async () => {
  const session = await openPage(harness, { locale: 'pl-PL' });
  const { page } = session;
  await loadApp(page, harness.origin, '#rules');
  const english = engine.rules('en');
  const polish = engine.rules('pl');
  const titles = await page.$$eval('#rules-list .example-title', (t) => t.map((x) => ({ text: x.textContent, lang: x.getAttribute('lang') })));
  const expected = polish.flatMap((rule, r) => rule.examples.map((example, i) => ({
    text: example.title, lang: example.title === english[r].examples[i].title ? 'en' : null,
  })));
  assert.deepEqual(titles, expected);
  await session.context.close();
});

test('sample SMTP replies are one click away, and a reply about size links to the size rule', async () => {
  const session = await openPage(harness);
  const { page } = session;
  await loadApp(page, harness.origin, '#explain');
  const samples = await page.$$eval('#explain-samples button', (b) => b.map((x) => x.textContent));
  assert.ok(samples.length >= 4);
  await page.click('#explain-samples button:has-text("552 5.3.4")');
  await page.waitForSelector('#explanation:not([hidden]) dd');
  assert.equal(await page.inputValue('#smtp-reply'), samples.find((s) => s.startsWith('552')));
  const expected = engine.explainSmtpReply(samples.find((s) => s.startsWith('552')), 'en');
  assert.ok((await page.textContent('#explanation')).includes(expected.meaning));
  assert.equal(await page.getAttribute('#explanation a', 'href'), '#rules/size/total');
  await session.context.close();
});

test('the rules reference gives a rule\'s spam points with one decimal, and none for a rule that carries no points', async () => {
  const session = await openPage(harness, { locale: 'fr-FR' });
  const { page } = session;
  await loadApp(page, harness.origin, '#rules');
  const rules = engine.rules('fr');
  const shown = await page.$$eval('#rules-list article', (articles) => Object.fromEntries(articles.map((a) => [a.id.slice(5),
    a.querySelector(':scope > p.hint') ? a.querySelector(':scope > p.hint').textContent : null])));
  for (const rule of rules) {
    const expected = rule.defaultScore > 0
      ? messages('fr')['ui.rules.score'].replace('{score}', rule.defaultScore.toFixed(1).replace('.', ','))
      : null;
    assert.equal(shown[rule.id], expected, rule.id);
  }
  assert.ok(rules.some((r) => r.defaultScore > 0) && rules.some((r) => r.defaultScore === 0));
  await session.context.close();
});
