// An SMTP reply explained (the engine's SmtpExplanation): the code and its class,
// the meaning and what to do from the most specific part of the reply (the
// enhanced code, the server's words, the guide's table), what that rests on, and
// links to the rules that explain or prevent it. Also the explain box's keyboard
// shortcut (Ctrl+Enter) and links that open it with a reply (`#explain/<reply>`).

/** The explanation as a fragment of the page. */
export function renderExplanation(result, { t, el }) {
  const rows = [];
  const row = (label, value, attrs = {}) => {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return;
    rows.push(el('dt', { text: label }), el('dd', attrs, value));
  };
  row(t('ui.explain.meaning'), result.meaning);
  row(t('ui.explain.action'), result.action);
  row(t('queue.view.explain.basis'), result.basisText, { class: 'hint', dataset: { basis: result.basis || '' } });
  row(t('ui.explain.retry'), t(result.retry ? 'ui.explain.retry.yes' : 'ui.explain.retry.no'));
  if (result.enhanced) {
    const { class: cls, subject, detail, reference } = result.enhanced;
    row(t('ui.explain.enhanced'), [cls, subject, detail, reference].filter(Boolean).join(' — '));
  }
  // Meaning and action stay two texts of the catalogue, side by side.
  const pair = ({ meaning, action }) => [el('span', { text: meaning }), el('span', { class: 'then', 'aria-hidden': 'true', text: ' → ' }), el('span', { text: action })];
  if (result.cause && result.basis !== 'text') row(t('queue.view.explain.cause'), pair(result.cause));
  if (result.guide && result.basis !== 'code') row(t('queue.view.explain.guide', { code: result.code }), pair(result.guide));
  const links = (result.relatedRules || []).map((id) => el('a', {
    href: id.endsWith('/') ? '#rules' : `#rules/${id}`, class: 'rule-link', translate: 'no', dataset: { rule: id }, text: id,
  }));
  row(t('queue.view.explain.rules'), links.length ? links.flatMap((a, i) => (i ? [', ', a] : [a])) : null, { id: 'explain-rules' });
  row(t('ui.explain.text'), result.text ? el('code', { translate: 'no', text: result.text }) : null);
  const heading = el('h2', { class: `reply-class reply-${result.class}` }, [
    el('code', { translate: 'no', text: [result.code, result.enhanced && result.enhanced.code].filter(Boolean).join(' ') }),
    ' ', result.classMeaning || '',
  ]);
  const box = document.createDocumentFragment();
  box.append(heading);
  if (result.problem) box.append(el('p', { class: 'warn-note', text: result.problem }));
  box.append(el('dl', { class: 'explanation' }, rows));
  return box;
}

/**
 * Ctrl+Enter (⌘+Enter) in the reply box explains, like a chat box sends; a link
 * `#explain/<reply>` (from the simulation's error log) fills the box and explains.
 */
export function wireExplainBox({ form, box }) {
  if (!form || !box) return;
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const fromHash = () => {
    const match = location.hash.match(/^#explain\/(.+)$/);
    if (!match) return;
    try {
      box.value = decodeURIComponent(match[1]);
    } catch {
      return;
    }
    form.requestSubmit();
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
}
