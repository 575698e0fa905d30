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

const fs = require('node:fs');
const path = require('node:path');

/** Extensions collected when a directory is given. */
const MESSAGE_EXTENSIONS = ['.eml'];
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

/** Whether `target` is `root` or below it (both real paths). */
function isInside(root, target) {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Files under `directory` (recursively, sorted), skipping dot entries unless asked.
 * Symbolic links to files outside the tree go to `skipped`.
 */
function walk(directory, { includeDotEntries, budget, skipped }) {
  const found = [];
  const pending = [directory];
  let root;
  try {
    root = fs.realpathSync(directory);
  } catch {
    return found;
  }
  while (pending.length) {
    const current = pending.pop();
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (--budget.left < 0) throw new RangeError('too many entries');
      if (!includeDotEntries && entry.name.startsWith('.')) continue;
      const prefix = current === '.' ? '' : current.endsWith('/') ? current : `${current}/`;
      const full = prefix + entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        isDirectory = false;
        try {
          const target = fs.realpathSync(full);
          isFile = fs.statSync(target).isFile();
          if (isFile && !isInside(root, target)) {
            skipped.push(full);
            isFile = false;
          }
        } catch {
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (isFile) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

/**
 * Expands the arguments. Returns `{ files, problems, skipped }`: `problems` lists
 * the arguments that named nothing (`{ argument, reason, detail? }`: reason
 * `not-found`, `no-match`, `no-message-file` or `too-many-entries`), `skipped` the
 * links to files outside a walked tree.
 */
function expandArguments(args) {
  const files = [];
  const problems = [];
  const skipped = [];
  const seen = new Set();
  const add = (file) => {
    if (!seen.has(file)) {
      seen.add(file);
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
    } catch {
      stat = undefined;
    }
    const budget = { left: MAX_VISITED_ENTRIES };
    try {
      if (stat && stat.isDirectory()) {
        const outside = [];
        const isMessage = (f) => MESSAGE_EXTENSIONS.includes(path.extname(f).toLowerCase());
        const messages = walk(arg.replace(/\/+$/, '') || '/', { includeDotEntries: false, budget, skipped: outside })
          .filter(isMessage);
        skipped.push(...outside.filter(isMessage));
        if (messages.length === 0) problems.push({ argument: arg, reason: 'no-message-file' });
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
        const matches = walk(base, { includeDotEntries, budget, skipped: outside }).filter((f) => pattern.test(f));
        skipped.push(...outside.filter((f) => pattern.test(f)));
        if (matches.length === 0) problems.push({ argument: arg, reason: 'no-match' });
        matches.forEach(add);
      } else {
        problems.push({ argument: arg, reason: 'not-found' });
      }
    } catch {
      problems.push({ argument: arg, reason: 'too-many-entries', limit: MAX_VISITED_ENTRIES });
    }
  }
  return { files, problems, skipped: skipped.filter((f) => !seen.has(f)) };
}

module.exports = { expandArguments, globToRegExp, MESSAGE_EXTENSIONS, MAX_VISITED_ENTRIES };
