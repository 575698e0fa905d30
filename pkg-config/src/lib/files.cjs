'use strict';
// Turns the CLI's FILE|DIR|GLOB arguments into a sorted list of files.
// Shells expand globs themselves; CI configs often quote them ('mail/**/*.eml'),
// so the CLI expands them too (Node 18 has no fs.glob).

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

/** Files under `directory` (recursively, sorted), skipping dot entries unless asked. */
function walk(directory, { includeDotEntries, budget }) {
  const found = [];
  const pending = [directory];
  while (pending.length) {
    const current = pending.pop();
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (--budget.left < 0) throw new Error(`more than ${MAX_VISITED_ENTRIES} entries under ${directory}`);
      if (!includeDotEntries && entry.name.startsWith('.')) continue;
      const prefix = current === '.' ? '' : current.endsWith('/') ? current : `${current}/`;
      const full = prefix + entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          // Symbolic links to directories are not followed: they can loop.
          isFile = stat.isFile();
          isDirectory = false;
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
 * Expands the arguments. Returns `{ files, problems }`: `problems` lists the
 * arguments that named nothing (missing file, glob without match, empty directory).
 */
function expandArguments(args) {
  const files = [];
  const problems = [];
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
        const messages = walk(arg.replace(/\/+$/, '') || '/', { includeDotEntries: false, budget })
          .filter((f) => MESSAGE_EXTENSIONS.includes(path.extname(f).toLowerCase()));
        if (messages.length === 0) problems.push(`${arg}: no ${MESSAGE_EXTENSIONS.join(', ')} file in this directory`);
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
        const matches = walk(base, { includeDotEntries, budget }).filter((f) => pattern.test(f));
        if (matches.length === 0) problems.push(`${arg}: no file matches this pattern`);
        matches.forEach(add);
      } else {
        problems.push(`${arg}: no such file or directory`);
      }
    } catch (error) {
      problems.push(`${arg}: ${error.message}`);
    }
  }
  return { files, problems };
}

module.exports = { expandArguments, globToRegExp, MESSAGE_EXTENSIONS };
