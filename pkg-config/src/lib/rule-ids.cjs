'use strict';
// The rule ids of the CLI's `--rule id:severity` flags must exist: a misspelt id
// would silently change nothing. An unknown one is `invalid-options` in the CLI's
// own words, naming the flag, with the closest known id suggested. Ids in options
// (the API's, a config file's) are the engine's to check: its error is the same
// in every build (`core.invalid.unknown-name-close`, `error.rule`, `error.suggestion`).

const { codedError } = require('./errors.cjs');

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two ids. */
function distance(a, b) {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

/** Longest id compared (default, ours): ids are `group/name`, well under it; longer text is not a typo of one. */
const MAX_COMPARED_LENGTH = 100;

/**
 * The known id closest to `id`: an id whose name part is `id` (the group was left
 * out), else the nearest by edit distance when at most a third of the id differs
 * (default, ours); undefined when nothing is close.
 */
function closestRuleId(id, known) {
  const wanted = String(id).toLowerCase().slice(0, MAX_COMPARED_LENGTH);
  const byName = known.find((k) => k.endsWith(`/${wanted}`));
  if (byName) return byName;
  let best;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(wanted, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(wanted.length / 3)) ? best : undefined;
}

/**
 * Throws `invalid-options` for the first id of the `--rule` flags (`{ "rule/id": "off" | … }`)
 * that neither the engine nor the options' own rules know.
 * @param {object} flags  the flags' ids and settings
 * @param {object} options  the options they go with (customRules, spamassassinRules: ids of the caller's own rules)
 * @param {string[]} engineIds  the engine's rule ids
 * @param {string} locale
 */
function checkRuleFlags(flags, options, engineIds, locale) {
  // The caller's own rules (customRules, spamassassinRules as sa/NAME) are checked by the engine itself.
  const own = Array.isArray(options.customRules) ? options.customRules.map((rule) => rule && rule.id) : [];
  const known = engineIds.concat(own);
  const { render } = require('./texts.cjs');
  for (const id of Object.keys(flags)) {
    if (known.includes(id) || (typeof options.spamassassinRules === 'string' && id.startsWith('sa/'))) continue;
    const suggestion = closestRuleId(id, known);
    // With its id and parameters, as the engine's errors: a page says it again in another language.
    const messageId = suggestion ? 'cli.error.unknown-rule-suggestion' : 'cli.error.unknown-rule';
    const params = suggestion ? { rule: id, source: '--rule', suggestion } : { rule: id, source: '--rule' };
    throw codedError('invalid-options', render(messageId, params, locale), { rule: id, suggestion, messageId, params });
  }
}

module.exports = { checkRuleFlags, closestRuleId, distance };
