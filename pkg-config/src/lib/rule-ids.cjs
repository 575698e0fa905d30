'use strict';
// Rule ids named in options (`rules` of the Node API's options, a config file,
// `--rule`) must exist: a misspelt id would silently change nothing. An unknown id
// is `invalid-options`, with the closest known id suggested. (The engine will
// validate options itself; until then the package does it before every lint.)

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
 * Throws `invalid-options` for the first id of `rules` the engine does not know.
 * @param {object | undefined} rules  `{ "rule/id": "off" | … }`
 * @param {string[]} known  the engine's rule ids
 * @param {string} source  where the ids come from, as the reader wrote it (`--rule`, a file name, `options.rules`)
 * @param {string} locale
 */
function checkRuleIds(rules, known, source, locale) {
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return;
  const { render } = require('./texts.cjs');
  for (const id of Object.keys(rules)) {
    if (known.includes(id)) continue;
    const suggestion = closestRuleId(id, known);
    // With its id and parameters, as the engine's errors: a page says it again in another language.
    const messageId = suggestion ? 'cli.error.unknown-rule-suggestion' : 'cli.error.unknown-rule';
    const params = suggestion ? { rule: id, source, suggestion } : { rule: id, source };
    throw codedError('invalid-options', render(messageId, params, locale), { rule: id, suggestion, messageId, params });
  }
}

module.exports = { checkRuleIds, closestRuleId, distance };
