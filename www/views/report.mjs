// The report: verdict, score, sizes against the host's limits, findings by
// severity, and the linted source with the selected finding's bytes marked.
// Changing the language re-renders the same report (the engine's renderReport):
// nothing is checked again.

import { $, el } from '../lib/dom.mjs';
import { text, formatSize } from '../lib/i18n.mjs';
import { sourceSlices, sourceNodes, charsetSegments, MAX_SOURCE_SIGNS } from '../lib/source.mjs';
import { locationText, scoreText } from '../lib/report-export.mjs';
import { selectTab, tablist } from './tabs.mjs';
import { mboxText } from './lint-input.mjs';
import { setupPreview } from './report-preview.mjs';

const SEVERITIES = ['error', 'warning', 'info'];
/** The host's content limit (seed 002: "7 to 8 MB" of content; the stricter end). */
const CONTENT_LIMIT = 7_000_000;

function meter(prefix, value, limit, label) {
  const ratio = limit > 0 ? value / limit : 0;
  $(`${prefix}-label`).textContent = label;
  $(`${prefix}-bar`).setAttribute('aria-label', label);
  const fill = $(`${prefix}-fill`);
  fill.style.width = `${Math.min(100, ratio * 100).toFixed(2)}%`;
  fill.className = ratio > 1 ? 'over' : ratio > 0.8 ? 'near' : '';
}

/** Verdict, counts and the spam score against its threshold. */
export function renderVerdict(report) {
  $('verdict').className = `verdict verdict-${report.verdict}`;
  $('verdict-title').textContent = text(`core.verdict.${report.verdict}`);
  $('verdict-counts').textContent = text('ui.verdict.counts', {
    errors: report.counts.error, warnings: report.counts.warning, infos: report.counts.info,
  });
  $('verdict-score').textContent = scoreText(report);
}

export function setupReport(ctx) {
  const { engine, state } = ctx;
  const shown = { report: null, linted: new Uint8Array(0), request: null, selected: null, segments: [] };
  const preview = setupPreview(ctx);

  function setResultTab(name) {
    const container = document.querySelector('.source-column .modes');
    selectTab(container, container.querySelector(`[data-result-tab="${name}"]`));
    for (const panel of document.querySelectorAll('[data-result-panel]')) panel.hidden = panel.dataset.resultPanel !== name;
  }

  function renderFinding(finding, index) {
    const hasRange = Number.isInteger(finding.location.start) && Number.isInteger(finding.location.end);
    const details = [];
    if (finding.evidence) {
      details.push(el('dt', { text: text('core.report.evidence') }),
        el('dd', {}, el('code', { class: 'evidence', translate: 'no', text: finding.evidence })));
    }
    const where = locationText(finding.location);
    if (where) details.push(el('dt', { text: text('core.report.location') }), el('dd', { text: where }));
    details.push(el('dt', { text: text('core.report.fix') }), el('dd', { text: finding.fix }));
    return el('li', { class: `finding sev-${finding.severity}`, dataset: { rule: finding.ruleId, index: String(index) } }, [
      el('button', {
        type: 'button', class: 'finding-main', 'aria-pressed': String(shown.selected === index),
        title: text(hasRange ? 'ui.findings.show-in-source' : 'ui.findings.no-range'),
        onclick: () => select(index),
      }, [
        el('span', { class: `badge sev-${finding.severity}`, text: text(`core.severity.${finding.severity}`) }),
        el('code', { class: 'rule-id', translate: 'no', text: finding.ruleId }),
        el('span', { class: 'message', text: finding.message }),
      ]),
      el('dl', {}, details),
      el('p', { class: 'doc-link' }, [
        // A rule of the visitor's own (sa/…, acme/…) is documented where it was written: "Your rules".
        el('a', { href: state.englishRules.has(finding.ruleId) ? `#rules/${finding.ruleId}` : '#custom', text: text('ui.findings.doc') }),
        finding.ruleId === 'spam/invisible-text'
          ? el('button', { type: 'button', class: 'link-button', text: text('ui.findings.show-in-preview'),
            onclick: () => { setResultTab('preview'); preview.showHidden(); } })
          : null,
      ]),
    ]);
  }

  function render() {
    const report = shown.report;
    $('result').hidden = false;
    renderVerdict(report);
    // A mailbox export: the report is its first message's (views/lint-input.mjs).
    const mbox = shown.request && shown.request.mbox;
    $('report-mbox').hidden = !mbox;
    $('report-mbox').textContent = mbox ? mboxText(mbox.count) : '';
    const sizes = report.sizes;
    meter('size-encoded', sizes.encoded, sizes.limit, text('ui.sizes.encoded', { size: formatSize(sizes.encoded), limit: formatSize(sizes.limit) }));
    meter('size-decoded', sizes.decoded, CONTENT_LIMIT, text('ui.sizes.decoded', { size: formatSize(sizes.decoded), limit: formatSize(CONTENT_LIMIT) }));
    $('no-findings').hidden = report.findings.length > 0;
    $('no-findings').textContent = text('core.report.no-findings');
    const indexed = report.findings.map((finding, index) => ({ finding, index }));
    $('findings').replaceChildren(...SEVERITIES.flatMap((severity) => {
      const group = indexed.filter(({ finding }) => finding.severity === severity);
      if (!group.length) return [];
      const headingId = `findings-${severity}`;
      return [el('section', { class: `severity-group sev-${severity}`, 'aria-labelledby': headingId }, [
        el('h4', { id: headingId, text: text('ui.findings.group', { severity: text(`core.severity.${severity}`), count: group.length }) }),
        el('ol', { class: 'findings' }, group.map(({ finding, index }) => renderFinding(finding, index))),
      ])];
    }));
    showSource();
  }

  /** The source view: the whole message, or a window around the selected range in a large one. */
  function showSource() {
    const finding = shown.selected === null ? null : shown.report.findings[shown.selected];
    const location = finding ? finding.location : {};
    const range = Number.isInteger(location.start) && Number.isInteger(location.end) ? { start: location.start, end: location.end } : null;
    const bytes = shown.linted;
    const slices = sourceSlices(bytes, range, shown.segments);
    const pre = $('source');
    // Hidden characters (NUL, bidi overrides, …) shown by a sign, so a range of them is seen marked;
    // bytes that are not UTF-8 read in their part's charset, and marked as such.
    const budget = { signs: MAX_SOURCE_SIGNS };
    const legacyTitle = text('page.source.legacy-title');
    const parts = sourceNodes(slices.before, document, budget, legacyTitle);
    if (range) {
      parts.push(el('mark', { id: 'source-mark', dataset: { start: String(range.start), end: String(range.end) } },
        sourceNodes(slices.marked, document, budget, legacyTitle)));
      parts.push(...sourceNodes(slices.after, document, budget, legacyTitle));
    }
    pre.replaceChildren(...parts);
    const notes = [];
    if (shown.report.source) notes.push(text('ui.source.rendered'));
    if ([slices.before, slices.marked, slices.after].some((pieces) => pieces.some((piece) => piece.charset))) notes.push(text('page.source.legacy'));
    if (slices.truncated) {
      notes.push(text('ui.source.window', { shown: formatSize(slices.windowEnd - slices.windowStart), total: formatSize(bytes.length) }));
    }
    if (range && location.line) {
      notes.push(text('ui.source.highlight', { line: location.line, column: location.column || 1, size: formatSize(range.end - range.start) }));
    } else if (finding) {
      notes.push(text('ui.findings.no-range'));
    }
    $('source-note').textContent = notes.join(' ');
    const mark = $('source-mark');
    // Scroll the source box only: the findings list stays where the visitor is.
    if (mark) pre.scrollTop = Math.max(0, mark.offsetTop - pre.clientHeight / 3);
  }

  function select(index) {
    shown.selected = index;
    for (const button of document.querySelectorAll('#findings .finding-main')) {
      button.setAttribute('aria-pressed', String(button.closest('li').dataset.index === String(index)));
    }
    setResultTab('source');
    showSource();
  }

  tablist(document.querySelector('.source-column .modes'), (tab) => setResultTab(tab.dataset.resultTab));
  setResultTab('source');

  return {
    current: () => shown,
    /** No report for the current input (it failed): the old one must not stay readable as its answer. */
    clear() {
      Object.assign(shown, { report: null, request: null, linted: new Uint8Array(0), selected: null, segments: [] });
      state.report = null;
      $('result').hidden = true;
      preview.clear();
    },
    setResultTab,
    async show(report, { request, linted, quiet = false, kept = null }) {
      Object.assign(shown, { report, request, linted, selected: null, segments: [] });
      state.report = report;
      render();
      preview.render(linted, (facts) => {
        if (shown.linted !== linted) return;
        shown.segments = charsetSegments(linted, facts.parts);
        if (shown.segments.length) showSource();
      }, kept);
      if (!quiet) $('verdict-title').focus();
      if (ctx.afterReport) ctx.afterReport(shown);
    },
    /** The same report in the new language: the engine re-renders its texts (`renderReport`), nothing is checked again. */
    async relocalize(locale) {
      if (!shown.report) return;
      shown.report = await engine.call('renderReport', [shown.report, locale]);
      state.report = shown.report;
      render();
      preview.relabel();
      if (ctx.afterReport) ctx.afterReport(shown, { relocalized: true });
    },
  };
}
