// French typography: a space before the double punctuation marks : ; ? ! (Lexique des
// règles typographiques en usage à l'Imprimerie nationale; the project's French texts
// write a plain space: "erreurs : 2"). Every French text of the engine's catalogue
// (rule texts, messages, the CLI's and the page's words) and the CLI's French output,
// where the package puts catalogue texts together, are checked here.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, runCli, tempDir } from './helpers.mjs';

/**
 * What is not French prose and keeps its own punctuation: code, quoted text, URLs and
 * URI schemes, header fields written as in a message, MIME parameters, HTML entities.
 * A new text that shows a header field unquoted adds its name to HEADER_NAMES (or quotes it).
 */
const HEADER_NAMES = ['From', 'To', 'Subject', 'Bcc', 'MIME-Version', 'List-Id', 'List-Unsubscribe', 'List-Unsubscribe-Post',
  'Content-Type', 'Nom', 'nom', '{field}'];
const NOT_PROSE = [
  /`[^`]*`/g,
  /«[^»]*»/g,
  /"[^"\n]*"/g,
  /\b[a-z][a-z0-9+.-]*:\/\/\S*/gi,
  /(?:\b(?:https?|mailto|javascript|eval)|\{scheme\}):/g,
  new RegExp(`(?:^|(?<=[\\s(<]))(?:${HEADER_NAMES.map((n) => n.replace(/[{}]/g, '\\$&')).join('|')}):`, 'g'),
  /\b[a-z]+\/[a-z0-9.+-]+;/g,
  /&[a-z]+;/g,
];

/** The places in `text` where : ; ? or ! follows a character other than a space and ends a word. */
function missingSpaces(text) {
  let prose = text;
  for (const pattern of NOT_PROSE) prose = prose.replace(pattern, ' ');
  return [...prose.matchAll(/(?<=[^\s\u00a0\u202f])[:;?!](?=\s|$)/g)]
    .map((m) => prose.slice(Math.max(0, m.index - 25), m.index + 10));
}

test('the checker finds what it should and passes what is not prose', () => {
  assert.deepEqual(missingSpaces('analyse impossible: fichier'), ['analyse impossible: fichier']);
  assert.equal(missingSpaces('vraiment? oui! non; fin').length, 3);
  assert.deepEqual(missingSpaces('erreurs : 2 ; fin ? oui !'), []);
  assert.deepEqual(missingSpaces('ajoutez « From: a@b » et MIME-Version: 1.0 ; voir https://x.example/a:b, un lien https: ou `a: b`'), []);
});

test('every French text of the catalogue has a space before : ; ? !', () => {
  const faults = Object.entries(pkg.messages('fr'))
    .flatMap(([id, text]) => missingSpaces(text).map((where) => `${id}: …${where}…`));
  assert.deepEqual(faults, []);
});

test('the CLI\'s French output puts the catalogue\'s texts together with French punctuation', (t) => {
  const dir = tempDir(t);
  const preset = pkg.queuePresets().find((p) => p.id === 'bot-attack');
  writeFileSync(join(dir, 'scenario.json'), preset.json);
  const runs = [
    runCli(['lint', '-l', 'fr', 'nosuch.eml'], { cwd: dir }),
    runCli(['simulate', '-l', 'fr', '-f', 'text', 'scenario.json'], { cwd: dir }),
    runCli(['simulate', '-l', 'fr', '-f', 'text', '--compare', 'scenario.json', 'scenario.json'], { cwd: dir }),
    runCli(['explain', '-l', 'fr', '550 5.1.1 <x@y>: Recipient address rejected: user unknown'], { cwd: dir }),
  ];
  assert.match(runs[0].stdout, /analyse impossible : fichier ou dossier introuvable/);
  for (const run of runs) {
    // Not prose: SMTP replies as the servers wrote them (the reply explained, the simulation's error log).
    const output = run.stdout.replace(/(<x@y>: )?Recipient address rejected: [Uu]ser unknown/g, ' ');
    assert.deepEqual(missingSpaces(output), [], `${run.stdout}\n${run.stderr}`);
  }
});
