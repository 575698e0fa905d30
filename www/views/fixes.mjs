// Mechanical fixes (the engine's src/fixes/): the fixed message, what was
// changed, a diff, and the report before and after — the fixed message is
// checked again, so the visitor sees which findings went and none came.

import { $, el, download } from '../lib/dom.mjs';
import { text } from '../lib/i18n.mjs';
import { LINT_TIME_LIMIT_MS } from './lint.mjs';
import { signed } from '../lib/source.mjs';

const ruleIds = (report) => [...new Set(report.findings.map((f) => f.ruleId))];

export function setupFixes(ctx) {
  const { engine } = ctx;
  let fixed = null;
  // The status line's message, `{key, params}`, so a change of language says it again (audit defect 06).
  let said = null;

  function status(key, params) {
    said = key ? { key, params } : null;
    $('fixes-status').textContent = key ? text(key, params) : '';
  }

  function reset() {
    fixed = null;
    $('fixes-result').hidden = true;
    status(null);
  }

  /**
   * The diff, bounded as the source view is (lib/diff.mjs shownDiff), with a note when it is cut,
   * and one first when part of it is shown removed-then-added (past lib/diff.mjs MAX_TABLE_CELLS).
   */
  function renderDiff() {
    const { entries, cut, simplified } = fixed.diff;
    // A line's hidden characters as signs, as in the source view (an override must not mirror the diff).
    const lines = entries.map((entry) => (entry.op === '…'
      ? el('span', { class: 'diff-skip', text: `${text('ui.fixes.unchanged-lines', { count: entry.count })}\n` })
      : el('span', { class: entry.op === '+' ? 'diff-add' : entry.op === '-' ? 'diff-del' : 'diff-same', text: `${entry.op} ${signed(entry.line)}\n` })));
    // Only the notes that apply: replaceChildren writes a null it is given as the text "null".
    $('fixes-diff').replaceChildren(
      ...(simplified ? [el('span', { class: 'diff-note', id: 'fixes-diff-simplified', text: text('page.fixes.diff-simplified') })] : []),
      ...lines,
      ...(cut ? [el('span', { class: 'diff-cut', id: 'fixes-diff-cut', text: text('page.fixes.diff-cut') })] : []));
  }

  function renderOutcome() {
    const { before, after, applied } = fixed;
    $('fixes-applied').replaceChildren(...applied.map((fix) => el('li', {}, [
      el('span', { text: text(`ui.fix.${fix.fix}`, { count: fix.count }) }),
      fix.detail ? el('code', { class: 'evidence', translate: 'no', text: ` ${fix.detail}` }) : null,
    ])));
    $('fixes-compare').textContent = text('ui.fixes.compare', {
      before: text(`core.verdict.${before.verdict}`), after: text(`core.verdict.${after.verdict}`),
      beforeCount: before.findings.length, afterCount: after.findings.length,
    });
    const gone = ruleIds(before).filter((id) => !ruleIds(after).includes(id));
    const added = ruleIds(after).filter((id) => !ruleIds(before).includes(id));
    const list = (ids, key) => (ids.length ? [el('p', { text: text(key) }),
      el('ul', { class: 'rule-list' }, ids.map((id) => el('li', {}, el('code', { translate: 'no', text: id }))))] : []);
    $('fixes-rules').replaceChildren(...list(gone, 'ui.fixes.gone'), ...list(added, 'ui.fixes.added'));
    $('fixes-result').hidden = false;
  }

  async function run() {
    const shown = ctx.report.current();
    if (!shown.report) return;
    status('ui.fixes.working');
    try {
      const limit = { timeLimitMs: LINT_TIME_LIMIT_MS };
      const bytes = shown.linted.slice();
      const result = await engine.call('fixMessage', [bytes, { now: Math.floor(Date.now() / 1000) }], [bytes.buffer], limit);
      if (!result.applied.length) {
        status('ui.fixes.nothing');
        return;
      }
      const copy = result.fixed.slice();
      // The check before ran with the visitor's rules (and, for a mail() call, its platform): so does the check after.
      const platform = shown.request && shown.request.kind === 'php' && shown.request.platform;
      const options = { ...ctx.lint.checkOptions(), ...(platform ? { php: { platform } } : {}) };
      const after = await engine.call('lint', [copy, options], [copy.buffer], limit);
      // Computed once, in the worker (worker.js `diffMessages`); a change of language lays out the same lines again.
      const [beforeCopy, afterCopy] = [shown.linted.slice(), result.fixed.slice()];
      const diff = await engine.call('diffMessages', [beforeCopy, afterCopy], [beforeCopy.buffer, afterCopy.buffer], limit);
      fixed = { before: shown.report, after, applied: result.applied, bytes: result.fixed, name: shown.request && shown.request.name, diff };
      status(null);
      renderDiff();
      renderOutcome();
    } catch (err) {
      status('ui.fixes.failed', { detail: err.messageId ? text(err.messageId, err.params) : err.message });
    }
  }

  $('fixes-run').addEventListener('click', run);
  $('fixes-download').addEventListener('click', () => {
    if (fixed) download(`fixed-${fixed.name || 'message.eml'}`.replace(/(\.eml)?$/, '.eml'), fixed.bytes, 'message/rfc822');
  });
  $('fixes-use').addEventListener('click', () => {
    if (fixed) ctx.lint.open({ kind: 'raw', bytes: fixed.bytes, name: `fixed-${fixed.name || 'message.eml'}`.replace(/(\.eml)?$/, '.eml') });
  });

  return {
    reset,
    relocalize() {
      if (said) status(said.key, said.params);
      if (!fixed) return;
      renderOutcome();
      renderDiff();
    },
  };
}
