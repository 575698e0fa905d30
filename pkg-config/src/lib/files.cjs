'use strict';
// Turns the CLI's FILE|DIR|GLOB arguments into a sorted list of files.
// Shells expand globs themselves; CI configs often quote them ('mail/**/*.eml'),
// so the CLI expands them too (Node 20 has no stable fs.glob).
//
// A walked tree may come from someone else (a pull request, an archive): a
// symbolic link in it is followed only to a regular file inside the same tree,
// so `mail/x.eml -> /proc/self/environ` or `-> ~/.ssh/id_rsa` is skipped (and
// reported), never read. Links to directories are never followed (they can loop).
// A file named on the command line is read wherever it points: the user chose it.
//
// Which files of a directory are messages: `.eml` files, and files of any other
// name that begin like a message. Mail stores rarely use `.eml`: a Maildir's
// `cur/` and `new/` hold files named `1701234567.M1P2.host:2,S`, the SpamAssassin
// public corpus `00001.7c53336b…`, an mbox cut into files has no extension at all.
// Such a file is read up to SNIFF_BYTES and counted as a message when its header
// block (after an optional mbox `From ` line) holds only header fields and
// folded lines, one of them a field every message has (MESSAGE_FIELDS). Files with
// an extension of code, documents or data (NOT_MESSAGE_EXTENSIONS) are not read.
// A Maildir's `tmp/` (deliveries still being written, maildir(5)) is not entered.
//
// A name that is not UTF-8 (a Latin-1 `caf\xe9.eml` from an old archive: Linux names
// are bytes) cannot be written as a JavaScript string that names the file again
// (Node writes a path string as UTF-8): such a file is kept as its bytes, a Buffer,
// which fs takes as a path, and shown with U+FFFD for the bytes that are not UTF-8
// (`displayName`). Read by its lossy name it was "no such file".

const fs = require('node:fs');
const path = require('node:path');

/** Extensions collected when a directory is given, without reading the file. */
const MESSAGE_EXTENSIONS = ['.eml'];
/** Extensions of files that are never read to see whether they are messages. */
const NOT_MESSAGE_EXTENSIONS = new Set([
  '.txt', '.md', '.rst', '.html', '.htm', '.css', '.js', '.cjs', '.mjs', '.ts', '.json', '.jsonl',
  '.yml', '.yaml', '.toml', '.ini', '.cfg', '.conf', '.cf', '.xml', '.csv', '.tsv', '.sarif',
  '.py', '.rb', '.php', '.pl', '.pm', '.sh', '.rs', '.c', '.h', '.go', '.java', '.lock', '.log',
  '.pdf', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.ico', '.webp', '.zip', '.gz', '.tgz', '.bz2',
  '.xz', '.7z', '.tar', '.wasm', '.exe', '.dll', '.so', '.doc', '.docx', '.xls', '.xlsx', '.odt',
]);
/** Bytes of a file of another name read to tell whether it begins like a message (ours). */
const SNIFF_BYTES = 8192;
/**
 * Fields that tell a header block from other `name: value` text (YAML, HTTP
 * dumps): every stored message has one of them (RFC 5322 §3.6 requires From and
 * Date; a delivered one has Return-Path and Received, RFC 5321 §4.4).
 */
const MESSAGE_FIELDS = new Set(['from', 'date', 'subject', 'to', 'message-id', 'mime-version', 'received',
  'return-path', 'delivered-to', 'sender', 'reply-to']);
const FIELD_LINE = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;
/** Most directory entries one argument may visit: a guard against walking a whole disk. */
const MAX_VISITED_ENTRIES = 200000;
/** Directories never entered when walking. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

const GLOB_MAGIC = /[*?[{]/;

/** A glob (`*`, `**`, `?`, `[abc]`, `[!abc]`, `{a,b}`) as a RegExp over '/'-separated paths. */
function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        if (glob[i + 2] === '/') {
          source += '(?:[^/]*/)*';
          i += 2;
        } else {
          source += '.*';
          i += 1;
        }
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
      } else {
        let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body[0] === '!') body = '^' + body.slice(1);
        source += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) {
        source += '\\{';
      } else {
        const alternatives = glob.slice(i + 1, close).split(',').map((a) => a.replace(/[.+^$()|\\]/g, '\\$&'));
        source += `(?:${alternatives.join('|')})`;
        i = close;
      }
    } else {
      source += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** A walked path as text: itself, or a Buffer's bytes as UTF-8, U+FFFD for what is not. */
function displayName(file) {
  return typeof file === 'string' ? file : file.toString('utf8');
}

/** The path below `prefix` (a string, or a Buffer when not UTF-8) of the entry named `name` (bytes). */
function childPath(prefix, name) {
  const text = name.toString('utf8');
  if (typeof prefix === 'string' && Buffer.from(text, 'utf8').equals(name)) return prefix + text;
  return Buffer.concat([typeof prefix === 'string' ? Buffer.from(prefix, 'utf8') : prefix, name]);
}

/** A path's bytes as a string one code unit a byte (for comparing real paths, never shown). */
function byteText(file) {
  return (typeof file === 'string' ? Buffer.from(file, 'utf8') : file).toString('latin1');
}

/**
 * Whether the first bytes of `file` are the header block of a message (see the
 * top of this file). Unreadable files are not messages.
 */
function beginsLikeMessage(file) {
  let head;
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    head = buffer.subarray(0, fs.readSync(fd, buffer, 0, SNIFF_BYTES, 0)).toString('latin1');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const lines = head.replace(/^\xef\xbb\xbf/, '').split('\n');
  // The last line may be cut by SNIFF_BYTES: only whole lines are judged.
  if (lines.length > 1) lines.pop();
  let index = lines[0]?.startsWith('From ') ? 1 : 0;
  let known = false;
  let fields = 0;
  for (; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, '');
    if (line === '') break;
    if (/^[ \t]/.test(line) && fields > 0) continue;
    const field = FIELD_LINE.exec(line);
    if (!field) return false;
    fields++;
    if (MESSAGE_FIELDS.has(field[1].toLowerCase())) known = true;
  }
  return known;
}

/** Whether a file found in a directory is linted (see the top of this file). */
function isMessageFile(file) {
  const extension = path.extname(displayName(file)).toLowerCase();
  if (MESSAGE_EXTENSIONS.includes(extension)) return true;
  return !NOT_MESSAGE_EXTENSIONS.has(extension) && beginsLikeMessage(file);
}

/** Whether a linked file outside a walked tree would have been linted, judged by its name alone (it is never read). */
function mayBeMessageFile(file) {
  return !NOT_MESSAGE_EXTENSIONS.has(path.extname(displayName(file)).toLowerCase());
}

/** Whether `directory` (a walked entry's path) is a Maildir's `tmp/`: beside `cur/` and `new/`. */
function isMaildirTmp(directory) {
  if (path.basename(displayName(directory)) !== 'tmp') return false;
  // Worked on one character a byte, so that a parent whose name is not UTF-8 is named again exactly.
  const parent = path.dirname(byteText(directory));
  const at = (name) => Buffer.from(path.join(parent, name), 'latin1');
  try {
    return fs.statSync(at('cur')).isDirectory() && fs.statSync(at('new')).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `target` is `root` or below it (both real paths). */
function isInside(root, target) {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Files under `directory` (recursively, sorted), skipping dot entries unless asked.
 * Symbolic links to files outside the tree go to `skipped`; links that lead to no
 * file (a dangling link, a loop of links) go to `broken` as `{ file, code }`.
 */
function walk(directory, { includeDotEntries, budget, skipped, broken = [], skipMaildirTmp = false }) {
  const found = [];
  const pending = [directory];
  let root;
  try {
    root = byteText(fs.realpathSync(directory));
  } catch {
    return found;
  }
  while (pending.length) {
    const current = pending.pop();
    let entries;
    try {
      // Names as bytes: one that is not UTF-8 is kept as a Buffer path (see the top of this file).
      entries = fs.readdirSync(current, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (--budget.left < 0) throw new RangeError('too many entries');
      const name = entry.name.toString('utf8');
      if (!includeDotEntries && name.startsWith('.')) continue;
      const shown = displayName(current);
      const prefix = shown === '.' && typeof current === 'string' ? '' : shown.endsWith('/') ? current
        : typeof current === 'string' ? `${current}/` : Buffer.concat([current, Buffer.from('/')]);
      const full = childPath(prefix, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        isDirectory = false;
        try {
          // Node's own realpathSync reads a Buffer path as text: the system's reads its bytes.
          const target = typeof full === 'string' ? fs.realpathSync(full) : fs.realpathSync.native(full, { encoding: 'buffer' });
          isFile = fs.statSync(target).isFile();
          if (isFile && !isInside(root, byteText(target))) {
            skipped.push(full);
            isFile = false;
          }
        } catch (error) {
          // A dangling link (ENOENT) or a loop (ELOOP): said, as the links outside the tree are.
          broken.push({ file: full, code: error.code });
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_DIRECTORIES.has(name) && !(skipMaildirTmp && isMaildirTmp(full))) pending.push(full);
      } else if (isFile) {
        found.push(full);
      }
    }
  }
  if (found.every((file) => typeof file === 'string')) return found.sort();
  // With a name kept as bytes, all are sorted by their bytes (UTF-8 bytes sort as code points).
  return found.map((file) => [byteText(file), file]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, file]) => file);
}

/**
 * Expands the arguments. Returns `{ files, problems, skipped }`: `files` are paths,
 * strings, or Buffers for names that are not UTF-8 (`displayName` shows them); `problems` lists
 * the arguments that named nothing (`{ argument, reason, detail? }`: reason
 * `not-found`, `no-match`, `no-message-file` or `too-many-entries`), `skipped` the
 * links to files outside a walked tree, `broken` the links in it that lead to no file
 * (`{ file, code }`: `ENOENT` dangling, `ELOOP` a loop), which are never read.
 */
function expandArguments(args) {
  const files = [];
  const problems = [];
  const skipped = [];
  const broken = [];
  // A file named several ways (./a.eml, a.eml, /abs/a.eml, ./mail//a.eml) is
  // linted once, under the first name given: twice would repeat its results and make a
  // SARIF run's artifacts not unique, which the schema forbids.
  const seen = new Set();
  // A problem's `at` is the number of files before it: output keeps the arguments' order.
  const add = (file) => {
    const key = fileKey(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    let stat;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      // A loop of symbolic links exists as a name but leads nowhere: said as such, not "no such file".
      if (error.code === 'ELOOP') {
        problems.push({ argument: arg, at: files.length, reason: 'symlink-loop' });
        continue;
      }
      stat = undefined;
    }
    const budget = { left: MAX_VISITED_ENTRIES };
    try {
      if (stat && stat.isDirectory()) {
        const outside = [];
        const leadNowhere = [];
        const messages = walk(arg.replace(/\/+$/, '') || '/', { includeDotEntries: false, budget, skipped: outside, broken: leadNowhere, skipMaildirTmp: true })
          .filter(isMessageFile);
        skipped.push(...outside.filter(mayBeMessageFile));
        broken.push(...leadNowhere.filter((link) => mayBeMessageFile(link.file)));
        if (messages.length === 0) problems.push({ argument: arg, at: files.length, reason: 'no-message-file' });
        messages.forEach(add);
      } else if (stat) {
        add(arg);
      } else if (GLOB_MAGIC.test(arg)) {
        const normalized = arg.split(path.sep).join('/');
        const segments = normalized.split('/');
        const firstMagic = segments.findIndex((s) => GLOB_MAGIC.test(s));
        const base = segments.slice(0, firstMagic).join('/') || (normalized.startsWith('/') ? '/' : '.');
        const pattern = globToRegExp(base === '.' ? normalized.replace(/^\.\//, '') : normalized);
        const includeDotEntries = segments.slice(firstMagic).some((s) => s.startsWith('.'));
        const outside = [];
        const leadNowhere = [];
        const matches = walk(base, { includeDotEntries, budget, skipped: outside, broken: leadNowhere }).filter((f) => pattern.test(displayName(f)));
        skipped.push(...outside.filter((f) => pattern.test(displayName(f))));
        broken.push(...leadNowhere.filter((link) => pattern.test(displayName(link.file))));
        if (matches.length === 0) problems.push({ argument: arg, at: files.length, reason: 'no-match' });
        matches.forEach(add);
      } else {
        problems.push({ argument: arg, at: files.length, reason: 'not-found' });
      }
    } catch {
      problems.push({ argument: arg, at: files.length, reason: 'too-many-entries', limit: MAX_VISITED_ENTRIES });
    }
  }
  // A link met twice (a directory and a glob over it) is said once.
  const said = new Set();
  const brokenOnce = broken.filter((link) => !said.has(fileKey(link.file)) && said.add(fileKey(link.file)));
  // Links are only named in messages: as text.
  return {
    files,
    problems,
    skipped: skipped.filter((f) => !seen.has(fileKey(f))).map(displayName),
    broken: brokenOnce.map((link) => ({ ...link, file: displayName(link.file) })),
  };
}

/**
 * What names one file: its absolute path, `.`, `..` and doubled slashes resolved;
 * `-` is stdin. Links are not resolved: a link is a name of its own, linted under
 * it (a link inside a walked tree is followed, and its results name the link).
 * A path kept as bytes (a Buffer) is resolved one character a byte.
 */
function fileKey(file) {
  if (file === '-') return file;
  return typeof file === 'string' ? path.resolve(file) : `\0${path.resolve(byteText(file))}`;
}

module.exports = {
  expandArguments, displayName, globToRegExp, beginsLikeMessage, MESSAGE_EXTENSIONS, NOT_MESSAGE_EXTENSIONS, SNIFF_BYTES, MAX_VISITED_ENTRIES,
};
