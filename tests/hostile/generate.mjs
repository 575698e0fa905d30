#!/usr/bin/env node
// Hostile messages of every kind the engine reads (#13), generated — never
// stored as files in the repository. Each is built to cost the engine as much
// as its size allows: deep or wide HTML, style sheets, archives nested, bombed or
// listing thousands of entries, thousands of header fields, folded and encoded
// values, thousands of MIME parts, terminal escapes, and compose fields and PHP
// `mail()` calls of the same kinds.
//
//   import { hostileSet, worstCases, limitCases } from './generate.mjs'
//   node tests/hostile/generate.mjs DIR      writes the raw ones to DIR/*.eml
//
// `hostileSet()` is the set tests/node/hostile-set.test.mjs lints in one run;
// `worstCases()` the 10 MB messages of each kind whose wasm memory
// tests/bench/memory.mjs prints, `limitCases()` ordinary messages at the 32 MiB
// input limit it prints after them.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gzipSync } from 'node:zlib';

/** The size of the worst cases: the host's limit (seed 003: 10 MB, decimal). */
export const TEN_MB = 10_000_000;

// ------------------------------------------------------------ building blocks

const HEAD = [
  'From: Shop <shop@example.com>',
  'To: client@example.net',
  'Subject: Hostile',
  'Date: Mon, 2 Mar 2026 10:00:00 +0000',
  'Message-ID: <hostile@example.com>',
  'MIME-Version: 1.0',
];

/** A message: `headers` after the usual ones, then `body`; CRLF line ends. */
function message(headers, body) {
  return Buffer.concat([Buffer.from([...HEAD, ...headers, '', ''].join('\r\n')), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}

/** `unit` repeated to fill about `size` bytes (the rest of the message aside). */
function fill(unit, size) {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** An HTML message of about `size` bytes whose body is `head + fill(unit) + tail`. */
function html(size, unit, { head = '', tail = '' } = {}) {
  const body = `${head}${fill(unit, size - head.length - tail.length - 400)}${tail}`;
  return message(['Content-Type: text/html; charset=utf-8'], body);
}

/** Base64 in 76-character lines. */
function base64Lines(bytes) {
  return Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
}

/** A multipart/mixed message: a text part, then each attachment `[name, bytes, type]` in base64. */
function withAttachments(attachments) {
  const parts = ['--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n'];
  for (const [name, bytes, type = 'application/octet-stream'] of attachments) {
    parts.push(`--b\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\n`
      + `Content-Transfer-Encoding: base64\r\n\r\n${base64Lines(bytes)}\r\n`);
  }
  return message(['Content-Type: multipart/mixed; boundary="b"'], `${parts.join('')}--b--\r\n`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A ZIP (APPNOTE.TXT §4.3) of `[name, bytes, {deflate, crc, size}]` entries:
 * `deflate` packs the bytes (or takes `packed` as already deflated, for bombs
 * whose inflated bytes are never held here); `size`/`crc` describe the inflated data.
 */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data, options = {}] of entries) {
    const packed = options.packed || (options.deflate ? deflateRawSync(data) : Buffer.from(data));
    const size = options.size ?? data.length;
    const crc = options.crc ?? crc32(data);
    const method = options.deflate || options.packed ? 8 : 0;
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Deflated zeros: `megabytes` MB that pack about 1,000:1 (deflate's ceiling is near 1,032:1). */
function zeroBomb(megabytes) {
  const chunk = Buffer.alloc(1_000_000);
  const packed = deflateRawSync(Buffer.concat(Array(megabytes).fill(chunk)), { level: 9 });
  let crc = 0xffffffff;
  for (let m = 0; m < megabytes; m++) for (let i = 0; i < chunk.length; i++) crc = CRC_TABLE[crc & 0xff] ^ (crc >>> 8);
  return { packed, size: megabytes * 1_000_000, crc: (crc ^ 0xffffffff) >>> 0 };
}

/** A ustar archive of `[name, bytes]` (POSIX.1-1988). */
function tar(files) {
  const blocks = [];
  for (const [name, data] of files) {
    const header = Buffer.alloc(512);
    header.write(name.slice(0, 100), 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0' + '00', 257);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** Bytes that start like a Windows program. */
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);

/**
 * `count` distinct `style` texts of one FxHash as the wasm build hashes them
 * (32-bit words, `fxhash`'s seed): `--var-x:` then three words of usable
 * ASCII, the first two drawn, the last solved for the first text's hash. A hash
 * table of them compares each lookup with every text kept
 * (src/model/html/inline.rs, which bounds its probes for them).
 */
function stylesOfOneHash(count) {
  const SEED = 0x27220a95;
  const rotl = (x) => ((x << 5) | (x >>> 27)) >>> 0;
  const step = (h, w) => Math.imul(rotl(h) ^ w, SEED) >>> 0;
  let inverse = 1;
  for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, (2 - Math.imul(SEED, inverse)) >>> 0) >>> 0;
  const usable = [...Array(127).keys()].filter((b) => b > 32 && !'!"#&\'();<>[\\]{}'.includes(String.fromCharCode(b)));
  const bytesOf = (w) => [w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24];
  let state = 0x2545f491;
  const draw = () => {
    let w = 0;
    for (let i = 0; i < 4; i++) {
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
      w |= usable[state % usable.length] << (8 * i);
    }
    return w >>> 0;
  };
  const prefix = '--var-x:';
  const afterPrefix = [0, 4].reduce((h, at) => step(h, Buffer.from(prefix).readUInt32LE(at)), 0);
  const text = (words) => prefix + Buffer.from(words.flatMap(bytesOf)).toString('latin1');
  const first = [draw(), draw(), draw()];
  const target = step(step(step(afterPrefix, first[0]), first[1]), first[2]);
  const texts = new Set([text(first)]);
  while (texts.size < count) {
    const [a, b] = [draw(), draw()];
    const c = (rotl(step(step(afterPrefix, a), b)) ^ Math.imul(target, inverse)) >>> 0;
    if (bytesOf(c).every((x) => usable.includes(x))) texts.add(text([a, b, c]));
  }
  return [...texts];
}

// ----------------------------------------------------------------- the kinds

/** HTML: each function gives a message of about `size` bytes. */
const htmlCases = {
  'html-deep-nesting': (size) => html(size, '<div>', { tail: 'deep' }),
  'html-deep-inline-nesting': (size) => html(size, '<b><i><u><span style="color:#fefefe">'),
  'html-huge-style-sheet': (size) => html(size, '.c1 p ~ p > a[href^="http"]:not(.x):nth-child(2n+1) { color: #fff; background: #fff }\n',
    { head: '<style>', tail: '</style><p class="c1">x</p>' }),
  'html-many-style-sheets': (size) => html(size, '<style>p { color: #fff }</style><p>x</p>'),
  'html-many-elements': (size) => html(size, '<p class="c">word</p>'),
  // Nesting in other tags than `div`: list items and quotes open no scope the
  // tree builder closes (src/model/html/tags.rs counts the depth the same way).
  'html-deep-list-nesting': (size) => html(size, '<ul><li><blockquote>'),
  // Style sheets whose rules each apply in a view of their own (2,000 media
  // queries): each element computed once a view, within MAX_HTML_STEPS.
  'html-style-sheet-of-many-media-queries': (size) => html(size, '<p>x</p>', {
    head: `<style>${Array.from({ length: 2000 }, (_, i) => `@media (max-width:${i + 100}px){p{color:#fff}}`).join('')}</style>` }),
  // 20,000 rules keyed by one class: each element is tried against all of them, within MAX_HTML_STEPS.
  'html-many-rules-for-one-class': (size) => html(size, '<p class="x">x</p>', {
    head: `<style>${Array.from({ length: 20_000 }, (_, i) => `p.x:nth-child(${i + 1}){color:#fff}`).join('')}</style>` }),
  // Elements of 64 classes each, each class a rule: 64 candidate rules an element.
  'html-elements-of-many-classes': (size) => html(size, `<p class="${Array.from({ length: 64 }, (_, i) => `c${i}`).join(' ')}">x</p>`, {
    head: `<style>${Array.from({ length: 64 }, (_, i) => `.c${i}{color:#fff}`).join('')}</style>` }),
  // `<!-->` ends a comment at once (HTML §13.2.5.44): the nesting after it must count.
  'html-nesting-after-abrupt-comment': (size) => html(size, '<div>', { head: '<body><!-->', tail: '-->' }),
  // Inside SVG, `<style>` holds markup: the nesting there must count.
  'html-nesting-in-svg-style': (size) => html(size, '<div>', { head: '<body><svg><style>' }),
  // Each `</p>` with no `p` open makes a `p` element (HTML §13.2.6.4.7), no start tag.
  'html-unmatched-end-p': (size) => html(size, '</p>', { head: '<body>' }),
  // An end tag whose element is not open walks the whole stack of open
  // elements (scope checks) and makes no element (src/model/html/tree.rs).
  'html-end-tags-under-deep-nesting': (size) => html(size, '</li>', { head: '<body>' + '<div>'.repeat(500) }),
  // The tree builder ignores `</h1>` here, so the stack deepens while the pre-scan counts none.
  'html-ignored-end-tags-deepening': (size) => html(size, '<div></h1>'),
  'html-many-inline-styles': (size) => html(size, '<span style="color:#fff;background:#fff;font-size:99px;display:none">x</span>'),
  'html-attributes-in-one-tag': (size) => {
    const count = Math.floor((size - 400) / 8);
    return message(['Content-Type: text/html; charset=utf-8'],
      `<p style="color:#fff">hidden</p><p${Array.from({ length: count }, (_, i) => ` a${i}`).join('')}>x</p>`);
  },
  // src/model/html/tags.rs MAX_TAG_ATTRIBUTES: as many as a tag may have.
  'html-tags-at-the-attribute-limit': (size) => html(size,
    `<b${Array.from({ length: 64 }, (_, i) => ` a${i}`).join('')}>x</b>`),
  'html-style-texts-of-one-hash': (size) => {
    const texts = stylesOfOneHash(4096);
    const unit = (i) => `<b style="${texts[i % texts.length]}">x</b>`;
    const count = Math.floor((size - 400) / unit(0).length);
    return message(['Content-Type: text/html; charset=utf-8'], Array.from({ length: count }, (_, i) => unit(i)).join(''));
  },
  'html-issue-megabyte-style-value': (size) => html(size, 'x<br>', {
    head: `<div style="background:red ${'A'.repeat(Math.floor(size / 10))}">`, tail: '</div>' }),
  'html-many-links': (size) => html(size, '<a href="http://192.0.2.1/a?b=c" title="t">https://bank.example</a>'),
  'html-many-images': (size) => html(size, '<img src="cid:x" alt="">'),
  'html-nested-tables': (size) => html(size, '<table><tr><td bgcolor="#ffffff"><font color="#ffffff">'),
  'html-entities': (size) => html(size, '&#x1F4A9;&amp;&nbsp;&#0;&#xD800;&bogus;'),
  'html-unclosed-comment-and-script': (size) => html(size, '<!-- <script> x', { head: '<p>visible</p>' }),
  'html-selector-functions': (size) => html(size, ':not(', { head: '<style>', tail: 'p { color: #fff }</style><p>x</p>' }),
  'html-one-attribute': (size) => html(size, 'A', { head: '<p title="', tail: '">x</p>' }),
  'html-quoted-printable-soft-breaks': (size) => message(['Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable'], fill('<=\r\np=\r\n>=3D=\r\n', size - 400)),
};

/** Attachments. */
const attachmentCases = {
  'zip-many-entries': (size) => {
    const count = Math.min(65_000, Math.floor((size * 0.7) / 100));
    return withAttachments([['many.zip', zip(Array.from({ length: count }, (_, i) => [`dir/file${i}.exe`, PROGRAM]))]]);
  },
  'zip-nested-deep': (size) => {
    let inner = zip([['payload.exe', PROGRAM], ['filler.bin', Buffer.alloc(Math.floor(size * 0.6)), { deflate: false }]]);
    for (let level = 0; level < 30; level++) inner = zip([[`level${level}.zip`, inner]]);
    return withAttachments([['nested.zip', inner]]);
  },
  'zip-bombs-within-the-size': (size) => {
    const bomb = zeroBomb(100);
    const count = Math.max(1, Math.floor((size * 0.7) / bomb.packed.length));
    return withAttachments(Array.from({ length: count }, (_, i) => [`bomb${i}.zip`,
      zip([[`zeros${i}.bin`, Buffer.alloc(0), bomb]])]));
  },
  'zip-entries-sharing-bytes': (size) => {
    const bomb = zeroBomb(20);
    const one = zip([['z.bin', Buffer.alloc(0), bomb]]);
    // A central directory whose every record points at the one local header (the overlapping bomb).
    const local = one.subarray(0, one.readUInt32LE(one.length - 6));
    const record = one.subarray(local.length, one.length - 22);
    const copies = Math.min(60_000, Math.floor((size * 0.7 - local.length) / record.length));
    const directory = Buffer.concat(Array(copies).fill(record));
    const end = Buffer.from(one.subarray(one.length - 22));
    end.writeUInt16LE(copies & 0xffff, 8);
    end.writeUInt16LE(copies & 0xffff, 10);
    end.writeUInt32LE(directory.length, 12);
    return withAttachments([['overlap.zip', Buffer.concat([local, directory, end])]]);
  },
  'tar-many-entries': (size) => {
    const count = Math.floor((size * 0.7) / 1024);
    return withAttachments([['many.tar', tar(Array.from({ length: count }, (_, i) => [`f${i}.exe`, PROGRAM]))]]);
  },
  'tar-gz-bomb': (size) => withAttachments([['bomb.tar.gz',
    gzipSync(tar([['zeros.bin', Buffer.alloc(Math.min(200_000_000, size * 20))]]), { level: 9 })]]),
  'many-small-attachments': (size) => {
    const one = zip([['a.exe', PROGRAM], ['b.docm', Buffer.from('PK')]]);
    const count = Math.floor((size * 0.7) / (one.length * 1.4 + 200));
    return withAttachments(Array.from({ length: count }, (_, i) => [`a${i}.zip`, one]));
  },
  'zip-bogus-sizes': (size) => {
    const archive = zip([['a.bin', Buffer.alloc(1000, 7)]]);
    archive.writeUInt32LE(0xffffffff, 18);
    archive.writeUInt32LE(0xffffffff, 22);
    return withAttachments([['bogus.zip', Buffer.concat([archive, Buffer.alloc(Math.floor(size * 0.6))])]]);
  },
  // 10,000 central records pointing at one local header of a 64 KB name of
  // CP437 bytes: the name was decoded once a record (src/inspect/zip.rs).
  'zip-records-sharing-a-long-local-name': (size) => {
    const length = 65_535;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(length, 26);
    const count = Math.min(10_000, Math.floor((size * 0.7 - length) / 47));
    const record = Buffer.alloc(47);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(1, 28);
    record[46] = 0x61;
    const directory = Buffer.concat(Array(count).fill(record));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(30 + length, 16);
    return withAttachments([['names.zip', Buffer.concat([local, Buffer.alloc(length, 0xff), directory, end])]]);
  },
  // RAR 5 file headers whose names run to the archive's end, past their
  // headers: each of 10,000 names had copied the rest of the file (src/inspect/rar.rs).
  'rar5-names-past-their-headers': (size) => {
    const vint = (n, width = 1) => {
      const out = [];
      do { out.push(n % 128); n = Math.floor(n / 128); } while (n > 0);
      while (out.length < width) out.push(0);
      return Buffer.from(out.map((b, i) => (i + 1 < out.length ? b | 0x80 : b)));
    };
    const signature = Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1');
    const total = Math.floor(size * 0.7);
    const count = Math.min(10_000, Math.floor(total / 2 / 18));
    const headers = [];
    for (let k = 0; k < count; k++) {
      const nameStart = signature.length + (k + 1) * 18;
      const fields = Buffer.concat([vint(2), vint(0), vint(0), vint(0), vint(0), vint(0), vint(0), vint(total - nameStart, 5)]);
      headers.push(Buffer.concat([Buffer.alloc(4), vint(fields.length, 2), fields]));
    }
    const archive = Buffer.concat([signature, ...headers]);
    return withAttachments([['files.rar', Buffer.concat([archive, Buffer.alloc(Math.max(0, total - archive.length), 0x61)])]]);
  },
  // An attached message whose header is a million short fields: mail-parser
  // keeps a record a field (src/inspect/eml.rs).
  'eml-attached-with-a-huge-header': (size) => withAttachments([['fwd.eml',
    Buffer.from(`${fill('a:1\r\n', size * 0.7)}From: a@example.com\r\n\r\nhi\r\n`)]]),
};

/** Header fields. */
const headerCases = {
  'headers-thousands-of-fields': (size) => message([fill('X-Field: value\r\n', size - 400).slice(0, -2)], 'x\r\n'),
  'headers-huge-folded-value': (size) => message([`X-Folded: ${fill('word\r\n ', size - 400).trimEnd()}`], 'x\r\n'),
  'headers-many-encoded-words': (size) => message([`X-Encoded: ${fill('=?utf-8?B?w6nDqQ==?= =?iso-8859-1?Q?=E9t=E9?=\r\n ', size - 400).trimEnd()}`], 'x\r\n'),
  // A file name of encoded words: adjacent words are joined (RFC 2047 §6.2) within the name's prefix they reach.
  'headers-attachment-name-of-encoded-words': (size) => message(['Content-Type: multipart/mixed; boundary="b"'],
    `--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\nContent-Type: text/plain;\r\n name="${fill('=?UTF-8?B?w6nDqcOpw6nDqcOp?=\r\n ', size - 500).trimEnd()}"\r\n\r\nx\r\n--b--\r\n`),
  'headers-encoded-subject': (size) => Buffer.from(message([], 'x\r\n').toString('latin1').replace('Subject: Hostile',
    `Subject: ${fill('=?utf-8?Q?FREE_MONEY?=\r\n ', size - 400).trimEnd()}`), 'latin1'),
  // Encoded words with no white space between them (RFC 2047 §5 asks for it; readers join them anyway).
  'headers-unspaced-encoded-words': (size) => message([`Subject: ${fill('=?utf-8?B?w6k=?==?utf-8?Q?=C3=A9?=', size - 500)}`], 'x\r\n'),
  'headers-many-recipients': (size) => message([`Cc: ${fill('"Name, Comma" <a@example.com>,\r\n ', size - 400).replace(/,\r\n $/, '')}`], 'x\r\n'),
  // Recipients named by encoded words: each word was compared with every address
  // (src/grammar/address.rs, encoded_address: 2.5 MB took 10.7 s in wasm).
  'headers-many-encoded-display-names': (size) => message([`Cc: ${fill('=?utf-8?Q?Ren=C3=A9?= <b@example.com>, ', size - 400)}c@example.com`], 'x\r\n'),
  'headers-many-received': (size) => message([fill('Received: from [203.0.113.7] by mx.example.net; Mon, 2 Mar 2026 10:00:00 +0000\r\n', size - 400).slice(0, -2)], 'x\r\n'),
  'headers-nested-comments': (size) => message([`Reply-To: ${'('.repeat(Math.floor(size / 2 - 400))}a@example.com`], 'x\r\n'),
  'headers-many-references': (size) => message([`References: ${fill('<id.1234567890@example.com>\r\n ', size - 400).trimEnd()}`], 'x\r\n'),
  'headers-many-dkim-signatures': (size) => message([fill(`DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s; h=from:to; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=${'A'.repeat(340)}\r\n`, size - 400).slice(0, -2)], 'x\r\n'),
};

/** MIME structure. */
const mimeCases = {
  'mime-many-parts': (size) => message(['Content-Type: multipart/mixed; boundary="b"'],
    `${fill('--b\r\nContent-Type: text/plain\r\n\r\nx\r\n', size - 400)}--b--\r\n`),
  'mime-deep-nesting': (size) => {
    const depth = Math.floor((size - 400) / 120);
    const open = Array.from({ length: depth }, (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`).join('');
    return message(['Content-Type: multipart/mixed; boundary="b0"'], `${open}--b${depth}\r\n\r\nx\r\n`);
  },
  'mime-many-html-alternatives': (size) => message(['Content-Type: multipart/alternative; boundary="b"'],
    `${fill('--b\r\nContent-Type: text/html\r\n\r\n<p style="color:#fff">hidden <a href="http://x.example">x</a></p>\r\n', size - 400)}--b--\r\n`),
  // HTML parts each as costly as the limits let one be: the parts of a message share one budget of work.
  'mime-many-costly-html-parts': (size) => message(['Content-Type: multipart/alternative; boundary="b"'],
    `${fill(`--b\r\nContent-Type: text/html\r\n\r\n<style>${'div p{color:#fff}'.repeat(4000)}</style><div>${'<p>x</p>'.repeat(3000)}\r\n`, size - 400)}--b--\r\n`),
  // A part's header, and an attached message's, of a million short fields: mail-parser keeps a record a field.
  'mime-part-header-of-many-fields': (size) => message(['Content-Type: multipart/mixed; boundary="b"'],
    `--b\r\n${fill('a:1\r\n', size - 500)}Content-Type: text/plain\r\n\r\nx\r\n--b--\r\n`),
  'mime-message-part-header-of-many-fields': (size) => message(['Content-Type: multipart/mixed; boundary="b"'],
    `--b\r\nContent-Type: message/rfc822\r\n\r\n${fill('a:1\r\n', size - 500)}From: c@example.org\r\n\r\nhi\r\n--b--\r\n`),
  // The same crowds in the forms mail-parser also reads as fields (white space in or after the
  // name, a colon first), and an attached message whose Content-Type is folded before its type.
  'mime-part-header-of-spaced-fields': (size) => message(['Content-Type: multipart/mixed; boundary="b"'],
    `--b\r\n${fill('a b:1\r\na :1\r\n:a:1\r\n', size - 500)}Content-Type: text/plain\r\n\r\nx\r\n--b--\r\n`),
  'mime-folded-message-part-header-of-many-fields': (size) => message(['Content-Type: multipart/mixed; boundary="b"'],
    `--b\r\nContent-Type:\r\n message/rfc822\r\n\r\n${fill('a:1\r\n', size - 500)}From: c@example.org\r\n\r\nhi\r\n--b--\r\n`),
  'mime-many-base64-parts': (size) => message(['Content-Type: multipart/mixed; boundary="b"'],
    `${fill(`--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from('Hello world! '.repeat(40)))}\r\n`, size - 400)}--b--\r\n`),
  'mime-nested-messages': (size) => {
    const depth = Math.floor((size - 400) / 60);
    return message(['Content-Type: message/rfc822'], `${'Content-Type: message/rfc822\r\n\r\n'.repeat(depth)}Subject: inner\r\n\r\nx\r\n`);
  },
  // Lines that start like a delimiter without being one (`--b-x`, `--b--x`): the message is
  // read a second time from a copy where mail-parser finds no boundary on them
  // (src/model/delimiters.rs), and each part holding one is decoded again from the input.
  'mime-prefixed-delimiter-lines': (size) => message(['Content-Type: multipart/mixed; boundary="b"'],
    `${fill('--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b-x\r\n--b--x\r\n', size - 400)}--b--\r\n`),
  'mime-dash-lines-against-a-long-boundary': (size) => message([`Content-Type: multipart/mixed; boundary="${'-'.repeat(60)}b"`],
    `--${'-'.repeat(60)}b\r\nContent-Type: text/plain\r\n\r\n${fill(`--${'-'.repeat(2000)}\r\n`, size - 600)}`),
  // A boundary in the middle of a line (`x--o`), many boundaries and many `--`: each line is
  // searched for its innermost multipart's boundary alone (src/model/delimiters.rs).
  'mime-boundaries-inside-lines': (size) => {
    const inner = Array.from({ length: 100 }, (_, i) => `--o\r\nContent-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\nContent-Type: text/plain\r\n\r\nx\r\n--b${i}--\r\n`).join('');
    return message(['Content-Type: multipart/mixed; boundary="o"'],
      `${inner}--o\r\nContent-Type: text/plain\r\n\r\n${fill('a--b1 a--b17 a--b99-x ----b5 --o- -- ', size - inner.length - 500)}\r\n--o--\r\n`);
  },
  // A long boundary of words and dashes, and lines that match most of it from every `--`.
  'mime-long-boundary-of-dashed-words': (size) => message([`Content-Type: multipart/mixed; boundary="${'a--'.repeat(300)}b"`],
    `--${'a--'.repeat(300)}b\r\nContent-Type: text/plain\r\n\r\n${fill(`--${'a--'.repeat(1000)}\r\n`, size - 1500)}--${'a--'.repeat(300)}b--\r\n`),
  // Lines of `--` and white space deep in 63 multiparts: each is trimmed once for
  // every enclosing boundary it is compared with (src/model/delimiters.rs).
  'mime-white-space-dash-lines-deep-in-multiparts': (size) => {
    const open = Array.from({ length: 63 }, (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`).join('');
    const close = Array.from({ length: 64 }, (_, i) => `--b${63 - i}--\r\n`).join('');
    return message(['Content-Type: multipart/mixed; boundary="b0"'],
      `${open}--b63\r\nContent-Type: text/plain\r\n\r\nx--b63 y\r\n${fill(`--${' '.repeat(100_000)}--\r\n`, size - open.length - close.length - 600)}${close}`);
  },
  // Multiparts never closed, each ended by the outer multipart's next delimiter line: a close
  // delimiter is written before that line in mail-parser's copy, and the parts it had read as
  // text of the first are read for the multiparts they declare in the same walk
  // (src/model/delimiters.rs). In a row: each part of the outer multipart opens one.
  'mime-unclosed-multiparts-in-a-row': (size) => message(['Content-Type: multipart/mixed; boundary="o"'],
    `${fill('--o\r\nContent-Type: multipart/mixed; boundary="i"\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nx --i y --o z\r\n', size - 400)}--o--\r\n`),
  // The same, each multipart of its own boundary (`i0`, `i1`…): the boundary rule looked through
  // every part for the boundaries that start with each one's (src/rules/headers/multipart_boundary.rs),
  // quadratic up to MAX_MIME_PARTS (4,000 of them, 0.28 MB: 2.7 s in wasm).
  'mime-unclosed-multiparts-of-their-own-boundaries': (size) => {
    const count = Math.max(1, Math.floor((size - 400) / 70));
    const parts = Array.from({ length: count }, (_, i) => `--o\r\nContent-Type: multipart/mixed; boundary="i${i}"\r\n\r\n--i${i}\r\n\r\nx\r\n`);
    return message(['Content-Type: multipart/mixed; boundary="o"'], `${parts.join('')}--o--\r\n`);
  },
  // Nested: each part of the outer multipart opens 63 multiparts, all ended by the next outer line.
  'mime-unclosed-multiparts-nested': (size) => {
    const open = Array.from({ length: 63 }, (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`).join('');
    return message(['Content-Type: multipart/mixed; boundary="b0"'],
      `${fill(`${open}--b63\r\nContent-Type: text/plain\r\n\r\nx\r\n`, size - 400)}--b0--\r\n`);
  },
  // Attached messages (message/rfc822) under base64 or quoted-printable, which RFC 2046 §5.2.1
  // forbids: read again from their decoded bytes when their multiparts need close delimiters,
  // and opened past mail-parser's three encoded levels, within MAX_REREAD_MESSAGE_BYTES
  // (src/model/mod.rs, Flattener::decoded_message). One huge one, whose multiparts are all
  // left open in a row:
  'mime-encoded-message-huge': (size) => {
    const inner = `From: c@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="o"\r\n\r\n${fill('--o\r\nContent-Type: multipart/mixed; boundary="i"\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nx --i y --o z\r\n', size * 3 / 4 - 600)}--o--\r\n`;
    return message(['Content-Type: multipart/mixed; boundary="b"'],
      `--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(inner).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n--b--\r\n`);
  },
  // Nested 64 deep under quoted-printable (a level decodes to about its own size), each level's
  // message a multipart left open, the deepest one filling the size.
  'mime-encoded-messages-nested': (size) => {
    const qp = (text) => text.replace(/=/g, '=3D');
    let raw = `From: c@example.com\r\nContent-Type: multipart/mixed; boundary="i"\r\n\r\n${fill('--i\r\nContent-Type: multipart/mixed; boundary="k"\r\n\r\n--k\r\nContent-Type: text/plain\r\n\r\nx --k y\r\n', size / 3)}--i--\r\n`;
    for (let level = 0; level < 64; level++) {
      raw = `From: c@example.com\r\nContent-Type: multipart/mixed; boundary="L${level}"\r\n\r\n--L${level}\r\nContent-Type: multipart/mixed; boundary="M${level}"\r\n\r\n--M${level}\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp(raw)}\r\n--L${level}--\r\n`;
    }
    return message(['Content-Type: multipart/mixed; boundary="top"'],
      `--top\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp(raw)}\r\n--top--\r\n`);
  },
  // A text body under a uuencode transfer encoding, read decoded (src/model/recover.rs).
  'mime-uuencoded-text-body': (size) => message(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: x-uuencode'],
    `begin 644 note.txt\r\n${fill('M2&5L;&\\@=V]R;&0A($AE;&QO(\'=O<FQD(2!(96QL;R!W;W)L9"$@2&5L;&\\@\r\n', size - 500)}\`\r\nend\r\n`),
  // Multiparts nested 500 deep, each boundary the one around it and a letter more, and lines
  // that start like the outer delimiter: each such line was compared with every longer boundary
  // (src/rules/headers/multipart_boundary.rs, delimiter_of_longer: 4 MB took 3.9 s in wasm, now 0.7 s).
  'mime-nested-multiparts-of-prefixed-boundaries': (size) => {
    const depth = 500;
    const b = (i) => `${'b'.repeat(Math.max(8, Math.floor(size / 8 / depth)))}${'c'.repeat(i)}`;
    const open = Array.from({ length: depth }, (_, i) => `--${b(i)}\r\nContent-Type: multipart/alternative; boundary="${b(i + 1)}"\r\n\r\n`).join('');
    const close = Array.from({ length: depth + 1 }, (_, i) => `--${b(depth - i)}--\r\n`).join('');
    return message([`Content-Type: multipart/alternative; boundary="${b(0)}"`],
      `${open}--${b(depth)}\r\nContent-Type: text/plain\r\n\r\n${fill(`--${b(0)}x\r\n`, size - open.length - close.length - 600)}${close}`);
  },
  // Base64 with a space after every character (RFC 2045 §6.8: decoders skip what is not of the alphabet).
  'mime-base64-spaced-every-character': (size) => message(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'],
    `${Buffer.from(fill('Hello world! ', (size - 500) / 3)).toString('base64').split('').join(' ')}\r\n`),
  // Parts each named by twenty RFC 2231 continuations (`filename*0*=utf-8''…; filename*1*=…`), folded.
  'mime-many-parts-of-continued-file-names': (size) => {
    const sections = Array.from({ length: 20 }, (_, i) => `\r\n filename*${i}*=${i === 0 ? "utf-8''" : ''}%C3%A9t%C3%A9${i}`).join(';');
    return message(['Content-Type: multipart/mixed; boundary="b"'], `--b\r\nContent-Type: text/plain\r\n\r\nx\r\n${
      fill(`--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment;${sections}\r\n\r\nx\r\n`, size - 500)}--b--\r\n`);
  },
  'mime-long-boundary': (size) => message([`Content-Type: multipart/mixed; boundary="${'b'.repeat(Math.floor(size / 3))}"`],
    `--${'b'.repeat(Math.floor(size / 3))}\r\nContent-Type: text/plain\r\n\r\nx\r\n`),
};

/** Anything else a message can be. */
const otherCases = {
  'one-line-of-ten-megabytes': (size) => message([], 'x'.repeat(size - 400)),
  // A link's host of many labels: each parent domain was looked up in the
  // shortener and redirector lists (src/rules/links/mod.rs HostSet).
  'link-host-of-many-labels': (size) => message(['Content-Type: text/plain; charset=utf-8'], `http://${fill('a.', size - 420)}bit.ly/x\r\n`),
  'bare-cr-everywhere': (size) => message([], fill('line\r', size - 400)),
  // A text of nothing but addresses and links, each a word the lexicon rules and the link walk read.
  'text-many-addresses-and-links': (size) => message(['Content-Type: text/plain; charset=utf-8'], fill('a.b@c.example http://a.example/x?y=z ', size - 400)),
  'nul-and-8bit-bytes': (size) => message([], Buffer.from(Array.from({ length: size - 400 }, (_, i) => (i * 131) % 256))),
  'mbox-envelope-lines': (size) => Buffer.from(fill('From someone@example.com Mon Mar  2 10:00:00 2026\nFrom: a@example.com\nSubject: x\n\nbody\n', size)),
  'terminal-escapes': () => message(['X-\u001b]52;c;ZXZpbA==\u0007Bad: value', 'Content-Type: multipart/mixed; boundary="b"'],
    `--b\r\nContent-Type: application/zip; name="a.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(zip([['a\n::error file=x::ok.exe', PROGRAM]]))}\r\n--b--\r\n`),
};

/** Compose fields (Nodemailer's message options) and PHP mail() calls. */
const callCases = {
  'compose-many-recipients': (size) => ({ compose: { from: 'a@example.com', to: Array.from({ length: Math.floor(size / 40) }, (_, i) => `r${i}@example.com`), subject: 'Hi', text: 'x' } }),
  'compose-many-attachments': (size) => ({ compose: { from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'x',
    attachments: Array.from({ length: Math.floor(size / 2000) }, (_, i) => ({ filename: `f${i}.exe`, content: PROGRAM.toString('base64'), encoding: 'base64' })) } }),
  'compose-many-headers': (size) => ({ compose: { from: 'a@example.com', to: 'b@example.com', text: 'x',
    headers: Object.fromEntries(Array.from({ length: Math.floor(size / 40) }, (_, i) => [`X-H${i}`, 'value\r\nBcc: x@evil.example'])) } }),
  'compose-deep-html': (size) => ({ compose: { from: 'a@example.com', to: 'b@example.com', subject: 'Hi', html: fill('<div>', size) } }),
  'php-many-header-lines': (size) => ({ php: ['b@example.com', 'Hi', 'x', fill('X-A: b\r\n', size)] }),
  'php-injection-and-long-subject': (size) => ({ php: [`b@example.com\r\nBcc: ${'x@evil.example,'.repeat(1000)}`, fill('FREE MONEY ', size / 2), 'x', 'From: a@example.com'] }),
};

const KINDS = { html: htmlCases, attachments: attachmentCases, headers: headerCases, mime: mimeCases, other: otherCases, calls: callCases };

/** Size of each case in the hostile set: large enough to hurt, small enough for one run of them all. */
const SET_SIZE = 2_000_000;

/**
 * The hostile set: `{kind, name, input}` where `input` is a raw message (Buffer),
 * `{compose}` or `{php: [to, subject, message, headers]}`. About 50, each about 2 MB.
 */
export function hostileSet(size = SET_SIZE) {
  const out = [];
  for (const [kind, cases] of Object.entries(KINDS)) {
    for (const [name, make] of Object.entries(cases)) out.push({ kind, name, input: make(size) });
  }
  return out;
}

/** The worst 10 MB raw messages of each kind the memory bench measures: `{kind, name, bytes}`. */
export function worstCases(size = TEN_MB) {
  const out = [];
  for (const kind of ['html', 'attachments', 'headers', 'mime', 'other']) {
    for (const [name, make] of Object.entries(KINDS[kind])) {
      if (name === 'terminal-escapes') continue;
      out.push({ kind, name, make: () => make(size) });
    }
  }
  return out;
}

/** The engine's MAX_INPUT_BYTES (src/lib.rs): the largest input it reads at all. */
const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** `size` bytes that do not repeat in any short period (xorshift32): an attachment's content. */
function noise(size) {
  const bytes = Buffer.allocUnsafe(size);
  let x = 2463534242;
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/**
 * Ordinary messages at the documented input limit (32 MiB, `MAX_INPUT_BYTES`), nothing
 * hostile in them but their size: `{name, call, make}`, `call` the API function
 * (`lint` or `fixMessage`), `make()` its input. A text given as a JavaScript string
 * costs the most: wasm-bindgen reserves three bytes per UTF-16 unit to copy it in.
 */
export function limitCases() {
  // A 30 MB message: its attachment is 3/4 of that, in base64 lines.
  const attachment = () => withAttachments([['archive.bin', noise(Math.floor(30_000_000 * 0.74))]]);
  const accents = () => message(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'],
    'é'.repeat(15_000_000)).toString('utf8');
  const html = () => message(['Content-Type: text/html; charset=utf-8'],
    fill('<p>Our opening hours change next week, see the new times below.</p>\r\n', 30_000_000)).toString('utf8');
  const compose = (fields) => () => ({ from: 'Shop <shop@example.com>', to: 'client@example.net', subject: 'Opening hours', ...fields });
  const cases = [
    { name: 'attachment-30mb', call: 'lint', make: attachment },
    // Compose fields: the message is rendered first (refused when it passes the limit once encoded).
    { name: 'compose: attachment 30 MB', call: 'lint', make: compose({ text: 'See attached.', attachments: [{ filename: 'archive.bin', content: noise(30_000_000) }] }) },
    { name: 'compose: attachment 22 MB', call: 'lint', make: compose({ text: 'See attached.', attachments: [{ filename: 'archive.bin', content: noise(22_200_000) }] }) },
    { name: 'compose: text 15 M × é', call: 'lint', make: compose({ text: 'é'.repeat(15_000_000) }) },
    { name: 'body-15m-e-acute (string)', call: 'lint', make: accents },
    { name: 'html-30mb (string)', call: 'lint', make: html },
    { name: 'fix: attachment-30mb', call: 'fixMessage', make: attachment },
    { name: 'fix: body-15m-e-acute', call: 'fixMessage', make: accents },
    { name: 'fix: html-30mb (string)', call: 'fixMessage', make: html },
  ];
  return cases.map((c) => ({ ...c, limit: MAX_INPUT_BYTES }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tests/hostile/generate.mjs DIR');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const { name, input } of hostileSet()) {
    if (Buffer.isBuffer(input)) writeFileSync(join(dir, `${name}.eml`), input);
    else writeFileSync(join(dir, `${name}.json`), JSON.stringify(input));
  }
  console.log(`wrote the hostile set to ${dir}`);
}
