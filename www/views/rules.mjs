// The rules reference: every rule of the engine with its documentation and
// examples in the reader's language, filtered by text, group and severity;
// "Check this example" runs an example through the check, bytes as written.

import { $, el } from '../lib/dom.mjs';
import { text, fixed } from '../lib/i18n.mjs';
import { composeFormHolds } from './lint-input.mjs';

const SEVERITIES = ['error', 'warning', 'info'];

export function setupRules(ctx) {
  const { state } = ctx;

  /** The example as a request: its line breaks (CRLF, bare CR, bare LF) reach the engine as written. */
  function exampleRequest(example) {
    if (example.kind === 'raw') return { kind: 'raw', text: example.input };
    if (example.kind === 'compose') return { kind: 'compose', compose: JSON.parse(example.input) };
    return { kind: 'php', call: JSON.parse(example.input), platform: $('p-platform').value };
  }

  function renderExample(rule, example, index) {
    // Titles come in the reader's language when the engine has them; an English one is marked as such.
    const english = state.englishRules.get(rule.id);
    const untranslated = state.locale !== 'en' && english && english.examples[index] && english.examples[index].title === example.title;
    const children = [el('p', {}, [
      el('span', { class: `badge ${example.fails ? 'sev-error' : 'sev-pass'}`, text: text(example.fails ? 'ui.rules.example-fails' : 'ui.rules.example-passes') }),
      ' ', el('span', { class: 'example-title', lang: untranslated ? 'en' : null, text: example.title }),
    ])];
    if (example.kind !== 'generated') {
      children.push(el('pre', { class: 'code', translate: 'no', text: example.input }));
      if (example.options) {
        children.push(el('p', { class: 'hint' }, [text('ui.rules.options'), ' ', el('code', { translate: 'no', text: example.options })]));
      } else if (example.kind === 'compose' && !composeFormHolds(JSON.parse(example.input))) {
        // A field the form has no box for (a header of its own): the check would not be the example's.
      } else {
        children.push(el('button', { type: 'button', class: 'secondary', text: text('ui.rules.try'), onclick: () => tryExample(example) }));
      }
    }
    return el('li', { class: 'example' }, children);
  }

  async function tryExample(example) {
    location.hash = '#lint';
    await ctx.lint.open(exampleRequest(example));
  }

  function render() {
    const groups = [...new Set(state.rules.map((r) => r.group))];
    const select = $('rules-group');
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '', text: text('ui.rules.all-groups') }),
      ...groups.map((g) => el('option', { value: g, translate: 'no', text: g })));
    select.value = groups.includes(chosen) ? chosen : '';
    const severity = $('rules-severity');
    const chosenSeverity = severity.value;
    severity.replaceChildren(el('option', { value: '', text: text('ui.rules.all-severities') }),
      ...SEVERITIES.map((s) => el('option', { value: s, text: text(`core.severity.${s}`) })));
    severity.value = chosenSeverity;
    $('rules-list').replaceChildren(...state.rules.map((rule) => el('article', {
      class: 'rule card', id: `rule-${rule.id}`, tabindex: '-1',
      dataset: { group: rule.group, severity: rule.defaultSeverity, search: [rule.id, rule.summary, rule.why, rule.fix].join(' ').toLowerCase() },
    }, [
      el('h2', {}, [el('code', { translate: 'no', text: rule.id }), ' ',
        el('span', { class: `badge sev-${rule.defaultSeverity}`, text: text(`core.severity.${rule.defaultSeverity}`) })]),
      el('p', { class: 'summary', text: rule.summary }),
      // Spam points, one decimal as SpamAssassin's scores; a rule that carries none says nothing of them.
      rule.defaultScore > 0 ? el('p', { class: 'hint', text: text('ui.rules.score', { score: fixed(rule.defaultScore, 1) }) }) : null,
      el('h3', { text: text('ui.rules.why') }), el('p', { text: rule.why }),
      el('h3', { text: text('ui.rules.fix') }), el('p', { text: rule.fix }),
      el('details', {}, [
        el('summary', { text: text('ui.rules.examples', { count: rule.examples.length }) }),
        el('ul', { class: 'examples' }, rule.examples.map((example, i) => renderExample(rule, example, i))),
      ]),
    ])));
    filter();
  }

  function filter() {
    const query = $('rules-search').value.trim().toLowerCase();
    const group = $('rules-group').value;
    const severity = $('rules-severity').value;
    let shown = 0;
    for (const article of $('rules-list').children) {
      const match = (!query || article.dataset.search.includes(query)) && (!group || article.dataset.group === group)
        && (!severity || article.dataset.severity === severity);
      article.hidden = !match;
      if (match) shown++;
    }
    $('rules-count').textContent = text('ui.rules.count', { shown, total: state.rules.length });
  }

  for (const id of ['rules-search', 'rules-group', 'rules-severity']) $(id).addEventListener('input', filter);

  return {
    render,
    /** `#rules/<id>`: clears the filters and brings the rule into view. */
    show(id) {
      const target = document.getElementById(`rule-${id}`);
      if (!target) return;
      $('rules-search').value = '';
      $('rules-group').value = '';
      $('rules-severity').value = '';
      filter();
      target.scrollIntoView({ block: 'start' });
      target.focus();
    },
  };
}
