'use strict';
// Reading a file the user named, bounded: only a regular file (a directory is
// refused as one; a device such as /dev/zero, a pipe or a socket has no size to
// trust, and opening a FIFO waits for a writer), refused unread past its limit, and never read past its size at
// opening (a file that grows meanwhile is cut there). The CLI reads messages,
// scenarios, config files and SpamAssassin rules through it.

const fs = require('node:fs');
const { codedError } = require('./errors.cjs');

/** The error for what `stat` says is not a regular file: a directory, or a device, pipe or socket. */
function notAFile(stat) {
  return stat.isDirectory() ? codedError('io', 'a directory', { reason: 'directory' })
    : codedError('io', 'not a regular file', { reason: 'not-a-file' });
}

/**
 * The bytes of `file`, at most `limit`. Throws an `io` error with `reason`
 * `directory`, `not-a-file`, or `too-large` (with `size` and `limit`), or the file system's error.
 */
function readBoundedFile(file, limit) {
  // Checked before opening too: opening a FIFO for reading waits for a writer.
  const before = fs.statSync(file);
  if (!before.isFile()) throw notAFile(before);
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw notAFile(stat);
    if (stat.size > limit) throw codedError('io', 'too large', { reason: 'too-large', size: stat.size, limit });
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = fs.readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } finally {
    fs.closeSync(fd);
  }
}

/** Why `readBoundedFile` failed, in the reader's words where the catalogue has them (`t`: a translator). */
function readFailure(error, t) {
  if (error.reason === 'directory') return t('cli.error.is-a-directory');
  if (error.reason === 'not-a-file') return t('cli.error.not-a-file');
  if (error.code === 'ENOENT') return t('cli.error.not-found');
  if (error.code === 'ELOOP') return t('cli.error.symlink-loop');
  return error.code || error.message;
}

module.exports = { readBoundedFile, readFailure };
