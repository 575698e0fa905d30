'use strict';
// Where a rule is documented for a reader who follows a link (SARIF `helpUri`):
// the "Rules" section of the package README, the npm page, which build.mjs
// generates from the engine's rules() so it lists exactly the rules this build has.
//
// Each row carries `<a id="rule-<group>-<name>">`. npm's and GitHub's README
// renderers both keep the id with a `user-content-` prefix (gitdown#63: on
// npmjs.com "the HTML anchor `x` becomes `user-content-x`", and npm needs the
// prefixed form in links; GitHub "prepends user-content- to all user-provided
// <a name>", cloc#340), so `#user-content-rule-…` is the element's id on both
// pages and the browser scrolls to it with no script. A heading's slug would
// differ between the two renderers (npm/www#334) and drops the `/` of an id.

/** The anchor of a rule's row: `size/line-length` → `rule-size-line-length` (letters, digits and `-` only). */
function ruleAnchor(ruleId) {
  return `rule-${String(ruleId).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The address of a rule's row on the package page `packagePage` (https://www.npmjs.com/package/<name>). */
function ruleHelpUri(packagePage, ruleId) {
  return `${packagePage}#user-content-${ruleAnchor(ruleId)}`;
}

/** Text as Markdown shows it literally (a summary's `<id@domain>`, `B|Q`, `name*=`). */
function markdownText(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/**
 * The README's rule table (id with its anchor, severity, points, summary), one
 * row per rule of `rules` (the engine's rules()). Throws when two ids share an
 * anchor: a link would land on the wrong rule.
 */
function rulesTableMarkdown(rules) {
  const anchors = new Map();
  for (const rule of rules) {
    const anchor = ruleAnchor(rule.id);
    if (anchors.has(anchor)) throw new Error(`rules ${anchors.get(anchor)} and ${rule.id} share the anchor ${anchor}`);
    anchors.set(anchor, rule.id);
  }
  const rows = rules.map((rule) => `| <a id="${ruleAnchor(rule.id)}"></a>\`${rule.id}\` | ${rule.defaultSeverity} | `
    + `${rule.defaultScore ? rule.defaultScore : '—'} | ${markdownText(rule.summary)} |`);
  return ['| rule | severity | points | what it finds |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

module.exports = { ruleAnchor, ruleHelpUri, rulesTableMarkdown, markdownText };
