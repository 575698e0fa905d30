'use strict';
// ANSI colours for terminal output, or none: `painter(false)` returns text unchanged.

const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39], green: [32, 39] };

function painter(colour) {
  return (style, text) => {
    if (!colour) return text;
    const [open, close] = STYLES[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}

/**
 * Whether to paint: `--color`/`--no-color` first, then FORCE_COLOR (`0` or `false`
 * turn colours off, any other value on; the convention of Node and the chalk
 * family), then NO_COLOR (no-color.org: set and not empty), then whether stdout is
 * a terminal that shows colours: TERM=dumb is one that does not (Emacs' shell and
 * compilation buffers set it; Node's tty getColorDepth() and supports-color give
 * it no colours, and terminfo's "dumb" entry has none). Output to a file
 * (`--output`) is never painted unless asked.
 */
function colourWanted({ color, noColor, toFile }, env, stdoutIsTTY) {
  if (noColor) return false;
  if (color) return true;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return !toFile && Boolean(stdoutIsTTY);
}

module.exports = { painter, colourWanted };
