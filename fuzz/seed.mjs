#!/usr/bin/env node
// Seeds a corpus directory for one fuzz target, OUTSIDE the repository (the
// corpus is never committed): `node fuzz/seed.mjs TARGET DIR`. Seeds come from
// the public development corpus (`../shared/corpus`, said when absent), the
// repository's own samples and presets, and small hand-written inputs; each
// seed is written under the hash of its bytes, so seeding twice adds nothing.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(repo, '..', 'shared', 'corpus');
/** Largest seed kept (bytes): libFuzzer's mutations of megabyte inputs are slow, and `-max_len` cuts them anyway. */
const MAX_SEED_BYTES = 256 * 1024;

const [target, dest] = process.argv.slice(2);
if (!target || !dest) {
  console.error('usage: node fuzz/seed.mjs TARGET DIR');
  process.exit(2);
}

/** Every file under `dir` (sorted), or none when it is absent. */
function files(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...files(path));
    else if (stat.isFile()) out.push(path);
  }
  return out;
}

/** The corpus's messages: everything but its licences, notes and expected-result files. */
function corpusMessages() {
  if (!existsSync(corpus)) {
    console.error(`fuzz/seed.mjs: ${corpus} is absent; seeding ${target} from the repository alone`);
    return [];
  }
  return files(corpus)
    .filter((path) => !/\.(json|xml|xsd|md)$|LICENSE|COPYING|SOURCES/i.test(path))
    .map((path) => readFileSync(path))
    .filter((bytes) => bytes.length <= MAX_SEED_BYTES);
}

const repoMessages = () => files(join(repo, 'www', 'samples')).map((path) => readFileSync(path));

/** Header fields and body of a message, for the seeds of other input shapes. */
function split(message) {
  const text = message.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '');
  const fields = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1][1] += ` ${line.trim()}`;
    else if (line.includes(':')) fields.push([line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]);
  }
  return { fields, body };
}

const field = (fields, name) => (fields.find(([n]) => n.toLowerCase() === name) || [])[1];

/** Compose fields (Nodemailer's message options) carrying a corpus message's fields and body. */
function composeOf(message) {
  const { fields, body } = split(message);
  const html = /<html|<body|<p[ >]/i.test(body);
  const compose = { from: field(fields, 'from'), to: field(fields, 'to'), subject: field(fields, 'subject') };
  compose[html ? 'html' : 'text'] = body;
  const extra = fields.filter(([n]) => !/^(from|to|subject|content-|mime-version)/i.test(n)).slice(0, 5);
  if (extra.length) compose.headers = Object.fromEntries(extra);
  return JSON.stringify(compose);
}

/** A `mail()` call: platform byte, then to, subject, message and headers separated by NUL. */
function phpCallOf(message, platform) {
  const { fields, body } = split(message);
  const headers = fields.filter(([n]) => !/^(to|subject)$/i.test(n)).map(([n, v]) => `${n}: ${v}`).join('\r\n');
  return Buffer.concat([Buffer.from([platform]), Buffer.from([field(fields, 'to') || '', field(fields, 'subject') || '', body, headers].join('\0'), 'latin1')]);
}

/** Every numeric threshold the rules declare: `{key, min, max, default}`, read from their declarations. */
function numericThresholds() {
  const out = [];
  for (const path of files(join(repo, 'src', 'rules')).filter((p) => p.endsWith('.rs'))) {
    const source = readFileSync(path, 'utf8');
    const pattern = /key: "([a-z]+)\.([A-Za-z]+)",[\s\S]*?kind: Kind::(?:Int|Number) \{ default: ([-\d._e]+), min: ([-\d._e]+), max: ([-\d._e]+) \}/g;
    for (const m of source.matchAll(pattern)) {
      const number = (s) => Number(s.replace(/_/g, ''));
      out.push({ group: m[1], name: m[2], default: number(m[3]), min: number(m[4]), max: number(m[5]) });
    }
  }
  return out;
}

function optionsSeeds() {
  const seeds = [
    '{}',
    '{"locale": "fr", "rules": {"size/line-length": "off", "links/insecure": "error"}}',
    '{"scores": {"spam/subject-caps": 3.5}, "spamThreshold": 2}',
    '{"now": 1795600000, "listedIps": ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7"]}',
    '{"smtp": {"transport": "smtp", "host": "ssl0.ovh.net", "port": 587, "security": "tls", "from": "a@example.com"}}',
    '{"smtp": {"transport": "mail", "host": "smtp.example.com"}, "php": {"platform": "windows"}}',
    '{"senderDomains": ["example.com", "shop.example"], "dkimKeys": {"s1._domainkey.example.com": "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu"}}',
    '{"thresholds": {"spam": {"subjectPrefixes": ["Hi", "FREE"]}, "links": {"shorteners": ["bit.ly"]}}}',
    '{"$schema": "./node_modules/mail-preflight/schema/options.schema.json", "locale": "pl"}',
  ];
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const options = readme.slice(readme.indexOf('## Options'));
  const block = options.match(/```json\n([\s\S]*?)```/);
  if (block) seeds.push(block[1]);
  for (const t of numericThresholds()) {
    for (const value of [t.default, t.min, t.max]) seeds.push(JSON.stringify({ now: 1795600000, thresholds: { [t.group]: { [t.name]: value } } }));
  }
  return seeds;
}

function scenarioSeeds() {
  const dirs = [join(repo, 'src', 'queue', 'presets'), join(repo, 'tests', 'golden', 'queue')];
  const seeds = dirs.flatMap(files).filter((p) => p.endsWith('.json')).map((p) => readFileSync(p));
  seeds.push(
    '{"service": {"state": "ok", "sent": 10, "sentToday": 0, "bounce": 0, "maxPerDay": 7200, "email": null}}',
    '{"streams": [{"name": "a", "start": 0, "duration": 3600, "rate": 60, "verdict": "spam"}], "thresholds": {"bucketSeconds": 60}}',
    '{"timeZone": "Europe/Paris", "streams": [{"name": "log", "log": "2026-03-02 09:30:00 a@b.example 250 ok\\n2026-03-02 09:31:00 c@d.example 550 5.1.1 unknown\\n"}]}',
  );
  return seeds;
}

function smtpSeeds() {
  const replies = [
    '550 5.1.1 <a@b>: Recipient address rejected: User unknown',
    '451',
    '250-mail.example.com Hello\r\n250-SIZE 10000000\r\n250 2.0.0 OK',
    'SMTP Error: data not accepted. SMTP code: 552 Additional SMTP info: 5.3.4 Message size exceeds fixed limit',
    '421 4.7.0 Too many connections, slow down',
    '554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked using zen.spamhaus.org',
    '550 5.7.1 Message rejected as spam',
    '452 4.2.2 Mailbox full',
    '555 5.5.4 too many mails per hour',
    '5.7.26 DMARC policy',
  ];
  // Every reply quoted in the tests of the explainer.
  const tests = readFileSync(join(repo, 'tests', 'smtp_explain.rs'), 'utf8');
  for (const m of tests.matchAll(/"([2-5]\d\d[^"]*)"/g)) replies.push(m[1].replace(/\\r/g, '\r').replace(/\\n/g, '\n'));
  return replies.flatMap((reply, i) => [Buffer.concat([Buffer.from([i & 3]), Buffer.from(reply)])]);
}

/** SpamAssassin rule files: Debian's shipped set when installed (`spamassassin`), in pieces of at most 200 lines. */
function customRulesSeeds() {
  const dir = '/usr/share/spamassassin';
  const cf = files(dir).filter((path) => path.endsWith('.cf'));
  if (!cf.length) console.error(`fuzz/seed.mjs: ${dir} has no .cf files (apt-get install spamassassin); seeding custom_rules from the README alone`);
  const seeds = [];
  for (const path of cf) {
    const lines = readFileSync(path, 'utf8').split('\n');
    for (let at = 0; at < lines.length; at += 200) seeds.push(lines.slice(at, at + 200).join('\n'));
  }
  // The README's example: its SpamAssassin text, then a NUL and its customRules list.
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const own = readme.slice(readme.indexOf('## Your own rules'));
  const block = own.match(/```json\n([\s\S]*?)```/);
  if (block) {
    const example = JSON.parse(block[1]);
    seeds.push(Buffer.concat([Buffer.from(example.spamassassinRules || ''), Buffer.from([0]), Buffer.from(JSON.stringify(example.customRules || []))]));
  }
  seeds.push(
    'header SUBJ_PRIZE Subject =~ /prize/i\nscore SUBJ_PRIZE 1\nuri SHORT /bit\\.ly/\nscore SHORT 1\nmeta BOTH (SUBJ_PRIZE && SHORT)\nscore BOTH 2\n',
    'rawbody R /<b>\\w{1,20}<\\/b>/\nfull F /^X-Acme-CRM: \\d{6}$/m\nbody B /(?:casino|payday)\\s+loans?/i\nscore R 1\nscore F 1\nscore B 1\n',
    Buffer.concat([Buffer.from('header EXE_NAME filename =~ /\\.exe$/\n'), Buffer.from([0]),
      Buffer.from(JSON.stringify([{ id: 'acme/x', target: 'filename', pattern: '(?i)\\.exe$', severity: 'error' }, { id: 'acme/from', target: 'from', pattern: 'example\\.com$', expect: 'match' }]))]),
  );
  return seeds;
}

const messages = () => [...corpusMessages(), ...repoMessages()];
/** The attachment target's names (fuzz_targets/attachment_file.rs `NAMES`), read from its source. */
function attachmentNames() {
  const source = readFileSync(join(repo, 'fuzz', 'fuzz_targets', 'attachment_file.rs'), 'utf8');
  const list = source.slice(source.indexOf('const NAMES'), source.indexOf('];', source.indexOf('const NAMES')));
  return [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

/** The selector byte of a file name among `names`: the name with its extension, else `a.bin`. */
function attachmentSelector(names, filename) {
  const lower = (filename || '').toLowerCase();
  const at = names.findIndex((n) => n.includes('.') && lower.endsWith(n.slice(n.indexOf('.'))));
  return at < 0 ? names.indexOf('a.bin') : at;
}

/**
 * Attachment seeds: the base64 parts of the corpus's and the repository's
 * messages, decoded, each behind the selector byte of its file name; and the
 * files of FUZZ_SEED_FILES (a folder outside the repository, such as a tester's
 * attachments), each under its own name.
 */
function attachmentSeeds() {
  const names = attachmentNames();
  const selected = (filename, bytes) => Buffer.concat([Buffer.from([attachmentSelector(names, filename)]), bytes]);
  const seeds = [];
  for (const message of messages()) {
    const text = message.toString('latin1');
    for (const m of text.matchAll(/\n--[^\r\n]+\r?\n((?:[^\r\n]+\r?\n)+)\r?\n([A-Za-z0-9+/=\r\n]{16,})/g)) {
      const headers = m[1];
      if (!/content-transfer-encoding:\s*base64/i.test(headers)) continue;
      const name = (headers.match(/(?:file)?name\*?=\s*"?([^";\r\n]+)/i) || [])[1];
      const bytes = Buffer.from(m[2].replace(/\s+/g, ''), 'base64');
      if (bytes.length && bytes.length <= MAX_SEED_BYTES) seeds.push(selected(name, bytes));
    }
  }
  const extra = process.env.FUZZ_SEED_FILES;
  for (const path of extra ? files(extra) : []) {
    const bytes = readFileSync(path);
    if (bytes.length <= MAX_SEED_BYTES) seeds.push(selected(path, bytes));
  }
  return seeds;
}

const seedsOf = {
  lint_raw: messages,
  raw_views: messages,
  compose: () => [
    ...Object.entries(JSON.parse(readFileSync(join(repo, 'tests', 'mailers', 'messages.json'), 'utf8')))
      .filter(([key]) => !key.startsWith('_'))
      .map(([, value]) => JSON.stringify(value)),
    '{"from": "a@example.com", "text": "x", "attachments": [{"filename": "a.zip", "content": {"type": "Buffer", "data": [80, 75, 3, 4]}}, {"filename": "b.txt", "content": "aGk=", "encoding": "base64"}]}',
    '{"from": {"name": "Shop", "address": "a@example.com"}, "to": [{"address": "b@example.com"}, "c@example.com"], "headers": [{"key": "X-A", "value": {"prepared": true, "value": "1"}}], "html": "<img src=\\"cid:x\\">", "attachments": [{"cid": "x", "content": "", "contentType": "image/png"}]}',
    // Nodemailer's other message options (src/input/compose): list, priority,
    // alternatives, icalEvent, amp, watchHtml, raw, envelope, encodings, boundaries.
    JSON.stringify({ from: 'a@example.com', to: 'b@example.com', subject: 'News', text: 'Hi', html: '<p>Hi</p>',
      list: { unsubscribe: [{ url: 'https://example.com/u', comment: 'Unsubscribe' }, 'mailto:u@example.com'], id: { url: 'news.example.com', comment: 'News' }, help: 'help@example.com' },
      priority: 'high', xMailer: 'Form 1.0', textEncoding: 'base64', baseBoundary: 'b1', boundaryPrefix: '--x',
      envelope: { from: 'bounce@example.net', to: ['b@example.com'] }, dsn: { ret: 'HDRS' } }),
    JSON.stringify({ from: 'a@example.com', to: 'b@example.com', subject: 'Invite', text: 'See you', amp: '<!doctype html><html ⚡4email><body>x</body></html>',
      watchHtml: '<b>x</b>', icalEvent: { method: 'REQUEST', filename: 'invite.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' },
      alternatives: [{ contentType: 'text/x-web-markdown', content: '**x**' }, { contentType: 'text/html', content: '<i>y</i>', encoding: 'quoted-printable' }],
      textEncoding: 'quoted-printable', encoding: 'utf-8', atachments: [] }),
    JSON.stringify({ raw: 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Raw\r\n\r\nHello\r\n', subject: 'ignored' }),
    ...messages().slice(0, 300).map(composeOf),
  ],
  php_mail: () => messages().slice(0, 300).flatMap((m, i) => [phpCallOf(m, i & 1)]),
  options: optionsSeeds,
  scenario: scenarioSeeds,
  smtp_explain: smtpSeeds,
  custom_rules: customRulesSeeds,
  attachment_file: attachmentSeeds,
};

if (!seedsOf[target]) {
  console.error(`fuzz/seed.mjs: unknown target ${target} (${Object.keys(seedsOf).join(', ')})`);
  process.exit(2);
}
mkdirSync(dest, { recursive: true });
let written = 0;
for (const seed of seedsOf[target]()) {
  const bytes = Buffer.isBuffer(seed) ? seed : Buffer.from(seed);
  const name = createHash('sha1').update(bytes).digest('hex');
  const path = join(dest, name);
  if (!existsSync(path)) {
    writeFileSync(path, bytes);
    written += 1;
  }
}
console.log(`fuzz/seed.mjs: ${target}: ${written} new seeds in ${dest}`);
