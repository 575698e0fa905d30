'use strict';
// Which of V8's two WebAssembly compilers a CLI run uses (#14). By default V8
// compiles each function with Liftoff (fast to compile, slower code) on first
// call, then recompiles the hot ones with TurboFan on background threads. In a
// short run that recompiling never pays back: it takes cores the lint threads
// need, and a lint that is already running stays in its Liftoff code. Measured
// on the SpamAssassin corpus (2 cores; README "Performance", "Which compiler a
// CLI run uses"):
//   lint threads on every core (the default --jobs)
//     50 files 0.27 s → 0.20 s with Liftoff alone; 1,249 files 0.84 → 0.69 s;
//     2,498 files 1.31 → 1.25 s; 12,490 files 4.09 → 4.85 s (TurboFan ahead):
//     the two cross near 3,200 files.
//   a core left free (--jobs 1 on 2 cores): TurboFan compiles beside the lint
//     50 files 0.22 → 0.16 s; 1,249 files 0.92 → 0.97 s: they cross near 700.
// So a run of few files uses Liftoff alone (`--liftoff-only`, set before the
// module is compiled: V8 flags are per process, the worker threads share it).
// A user who passes V8 wasm flags to node (`node --no-liftoff …/mail-preflight`;
// NODE_OPTIONS takes no V8 wasm flag) keeps them.

const v8 = require('node:v8');
const { isCompiled } = require('./engine.cjs');

/** Files up to which a run whose lint threads fill every core uses Liftoff alone (ours, below the measured 3,200). */
const BASELINE_ONLY_MAX_FILES = 2500;
/** The same when a core is left free for TurboFan's background compiles (ours, below the measured 700). */
const BASELINE_ONLY_MAX_FILES_SPARE_CORE = 500;

/** Whether node's own arguments already choose wasm compilers. */
function userChoseCompilers(execArgv) {
  return execArgv.some((arg) => /liftoff|wasm/i.test(arg));
}

/**
 * Whether a run of `files` files on `threads` lint threads and `cores` cores
 * should use Liftoff alone.
 */
function baselineOnly({ files, threads, cores, execArgv = [] }) {
  if (userChoseCompilers(execArgv)) return false;
  const limit = threads >= cores ? BASELINE_ONLY_MAX_FILES : BASELINE_ONLY_MAX_FILES_SPARE_CORE;
  return files <= limit;
}

/**
 * Chooses the compilers for this process before the engine is compiled, and has
 * its functions validated lazily (`validateLazily`). True when it chose Liftoff
 * alone; false once this thread has the module, whose functions were compiled
 * under the flags of their time (nothing changed then).
 */
function chooseCompilers(run) {
  if (isCompiled()) return false;
  if (!userChoseCompilers(process.execArgv)) validateLazily();
  if (!baselineOnly({ ...run, execArgv: process.execArgv })) return false;
  try {
    v8.setFlagsFromString('--liftoff-only');
  } catch {
    return false; // a runtime that refuses flags after start: the default tiers, only slower
  }
  return true;
}

/**
 * Validates each wasm function when it is first compiled, not all of them when
 * the module is compiled (`--wasm-lazy-validation`). Compiling the module
 * decoded and validated all 2.5 MB of code before the first lint, most of it
 * code a run never calls: a CLI run of one file started 8 ms sooner on this
 * machine (README "Cold start"). Only the CLI's own process sets it: the module
 * is ours, validated whole by the build and the tests; a program that requires
 * the package keeps V8's defaults, as a library must not change its host's flags.
 */
function validateLazily() {
  try {
    v8.setFlagsFromString('--wasm-lazy-validation');
  } catch {
    // a runtime that refuses flags after start: validated up front, only slower
  }
}

module.exports = { baselineOnly, chooseCompilers, BASELINE_ONLY_MAX_FILES, BASELINE_ONLY_MAX_FILES_SPARE_CORE };
