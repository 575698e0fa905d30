#!/usr/bin/env node
// The functions with the most self time in a V8 .cpuprofile (`node --cpu-prof`),
// wasm functions by their name-section names (demangled when rustfilt is installed).
//   node tests/bench/profile/top.mjs FILE.cpuprofile [N]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const limit = Number(process.argv[3] || 30);
// argv[4]: a regular expression the function names must match (e.g. mail_preflight); --inclusive anywhere.
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i] || 0)));
let total = 0;
for (const [id, us] of dt) {
  const frame = byId.get(id).callFrame;
  const name = frame.functionName || `(anonymous ${frame.url.split('/').pop()}:${frame.lineNumber})`;
  self.set(name, (self.get(name) || 0) + us);
  total += us;
}
// --inclusive: time under each function (its callees included), each sample counted once per function.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const inclusive = new Map();
for (const [id, us] of dt) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at).callFrame;
    const name = frame.functionName || `(anonymous ${frame.url.split('/').pop()}:${frame.lineNumber})`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) || 0) + us);
  }
}
const filter = process.argv[4] ? new RegExp(process.argv[4]) : undefined;
const table = process.argv.includes('--inclusive') ? inclusive : self;
const rows = [...table].filter(([n]) => !filter || filter.test(n)).sort((a, b) => b[1] - a[1]).slice(0, limit);
const demangled = spawnSync('rustfilt', { input: rows.map(([n]) => n.replace(/^\$/, '')).join('\n'), encoding: 'utf8' });
const names = demangled.status === 0 ? demangled.stdout.split('\n') : rows.map(([n]) => n);
console.log(`total ${(total / 1000).toFixed(0)} ms of samples`);
rows.forEach(([, us], i) => console.log(`${(100 * us / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${names[i].slice(0, 150)}`));
