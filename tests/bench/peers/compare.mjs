// `make bench-peers`, second half: reads the three tools' outputs over the same files
// (tests/bench/peers/run.sh) and prints messages/s, the ratios, and each tool's ROC AUC and
// ham-marked-as-spam rate against the labels of the files' folders. Prints; asserts nothing.
//
// Labels: a file link is named `<folder>__<file>`; the folder is ham or spam when one of
// its -, _ or . separated words is (as `make calibrate` reads folders).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: Object.fromEntries(
    ['messages', 'ours', 'ours-seconds', 'ours-runs', 'rspamd', 'rspamd-seconds', 'rspamd-jobs', 'sa', 'sa-seconds', 'sa-jobs']
      .map((name) => [name, { type: 'string' }]),
  ),
});

/** `ham`, `spam` or undefined, from a `<folder>__<file>` name or path. */
export function labelOf(file) {
  const base = file.split('/').pop();
  const folder = base.includes('__') ? base.slice(0, base.indexOf('__')) : '';
  return folder.toLowerCase().split(/[-_.]/).find((word) => word === 'ham' || word === 'spam');
}

/** ROC AUC of `score` for spam against ham, ties counting 0.5 (mid-ranks). */
export function rocAuc(scored) {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  const spam = sorted.filter((s) => s.label === 'spam').length;
  const ham = sorted.length - spam;
  if (!spam || !ham) return undefined;
  let spamRankSum = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j += 1;
    const midRank = (i + 1 + j) / 2;
    spamRankSum += midRank * sorted.slice(i, j).filter((s) => s.label === 'spam').length;
    i = j;
  }
  return (spamRankSum - (spam * (spam + 1)) / 2) / (spam * ham);
}

function readLines(path) {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

// What each tool calls "marked as spam".
const TOOLS = [
  {
    name: 'mail-preflight (CLI, Node)',
    key: 'ours',
    jobs: () => (args['ours-runs'] && args['ours-runs'].includes(' ')
      ? `one process; median of ${args['ours-runs'].split(' ').length} runs: ${args['ours-runs'].split(' ').map((s) => Number(s).toFixed(2)).join(', ')} s`
      : 'one process'),
    // The report's spam score when it has one, else its score; marked: verdict fail, or
    // spamScore at or over spamThreshold when the report carries both.
    score: (r) => (typeof r.spamScore === 'number' ? r.spamScore : r.score),
    marked: (r) => r.verdict === 'fail'
      || (typeof r.spamScore === 'number' && typeof r.spamThreshold === 'number' && r.spamScore >= r.spamThreshold),
    markedMeans: 'verdict fail',
  },
  {
    name: 'rspamd 3.4 (local-only)',
    key: 'rspamd',
    jobs: () => `${args['rspamd-jobs']} concurrent requests`,
    score: (r) => r.score,
    // rspamd's actions at or above "add header" mark the message as spam; greylist delays it.
    marked: (r) => ['add header', 'rewrite subject', 'reject'].includes(r.action),
    markedMeans: 'action add header, rewrite subject or reject',
  },
  {
    name: 'SpamAssassin 4.0 (local tests)',
    key: 'sa',
    jobs: () => `${args['sa-jobs']} workers, rule loading included`,
    score: (r) => r.score,
    marked: (r) => r.score >= (r.required ?? 5),
    markedMeans: 'score ≥ required (5.0)',
  },
];

const percent = (part, whole) => (whole ? (100 * part) / whole : 0);
const messages = Number(args.messages);
const rows = TOOLS.map((tool) => {
  const records = readLines(args[tool.key]);
  const scored = [];
  let errors = 0;
  const marked = { ham: 0, spam: 0 };
  const totals = { ham: 0, spam: 0 };
  for (const r of records) {
    const label = labelOf(r.file);
    if (!label) continue;
    if (r.error || typeof tool.score(r) !== 'number') {
      errors += 1;
      continue;
    }
    totals[label] += 1;
    scored.push({ score: tool.score(r), label });
    if (tool.marked(r)) marked[label] += 1;
  }
  const seconds = Number(args[`${tool.key}-seconds`]);
  return { tool, seconds, rate: messages / seconds, auc: rocAuc(scored), marked, totals, errors, answered: records.length };
});

console.log(`\nmake bench-peers — ${messages} messages, the same files for each tool, one after the other in one run`);
console.log('(2 cores shared with whatever else runs on this machine: compare within a run, not across runs)\n');
console.log(`${'tool'.padEnd(32)} ${'seconds'.padStart(8)} ${'msg/s'.padStart(9)}  how`);
for (const row of rows) {
  console.log(`${row.tool.name.padEnd(32)} ${row.seconds.toFixed(2).padStart(8)} ${row.rate.toFixed(1).padStart(9)}  ${row.tool.jobs()}`);
}
const [ours, rspamd, sa] = rows;
console.log(`\nours ÷ rspamd:       ${(ours.rate / rspamd.rate).toFixed(2)}×   (#14 target: ≥ 25×)`);
console.log(`ours ÷ SpamAssassin: ${(ours.rate / sa.rate).toFixed(2)}×`);

console.log(`\n${'tool'.padEnd(32)} ${'ROC AUC'.padStart(8)} ${'ham marked'.padStart(14)} ${'spam marked'.padStart(14)}  marked means`);
for (const row of rows) {
  const cell = (label) => `${percent(row.marked[label], row.totals[label]).toFixed(1)} % (${row.marked[label]})`.padStart(14);
  const auc = row.auc === undefined ? 'n/a' : row.auc.toFixed(4);
  const missing = row.errors + (messages - row.answered);
  console.log(`${row.tool.name.padEnd(32)} ${auc.padStart(8)} ${cell('ham')} ${cell('spam')}  ${row.tool.markedMeans}${missing ? `; ${missing} not scored` : ''}`);
}
const greylisted = (label) => readLines(args.rspamd).filter((r) => labelOf(r.file) === label && r.action === 'greylist').length;
console.log(`rspamd greylist (a delay, not counted as marked): ham ${percent(greylisted('ham'), rspamd.totals.ham).toFixed(1)} %, `
  + `spam ${percent(greylisted('spam'), rspamd.totals.spam).toFixed(1)} %`);
console.log(`\nlabels: ${ours.totals.ham} ham, ${ours.totals.spam} spam (from the folder names); AUC ties count 0.5`);
