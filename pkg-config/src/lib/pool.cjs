'use strict';
// Worker threads, each with its own engine, for the CLI (--jobs) and for servers
// (`createLinter({ threads })`): the wasm runs off the main thread, so a 10 MB
// message never blocks the event loop. The module is compiled once in the calling
// thread and handed to each worker (a WebAssembly.Module is cloned, not
// recompiled). Tasks wait in one queue, first in, first out. A worker holds at most
// `perWorker` tasks (default 1: a server's next request goes to the first free
// worker, never behind a 10 MB message); the CLI gives each worker 2, so a worker
// starts its next file while its last result travels to the main thread (with 1,
// the workers idled a quarter of a corpus run waiting for that round trip).
// Idle workers do not keep the process alive.
//
// The CLI also lints on its own thread (`localMethods`): N lint threads are N - 1
// workers and the main thread, which takes a task when no worker is empty, one
// task per turn of the event loop (`setImmediate`), so the workers' results are
// read and the workers refilled between two of its lints. A worker costs a Node
// environment of its own to start (about 30 ms of a core here) and a copy of each
// result back; the main thread mostly waited for them (#14: 80 % idle in a
// corpus run with two workers).
//
// A worker whose engine traps re-creates its engine itself (lib/engine.cjs) and
// answers `internal` for that task; a worker that dies (an uncaught error, the
// process running out of memory in it) fails the task it was running with
// `internal`, and a new worker takes the next task and those it had not started.
//
// Arguments travel to a worker by structured clone, which refuses what lint()
// takes without a word: a function or a symbol (dropped from the options, which
// the engine reads as JSON), an object nested past V8's stack. Options that cannot
// be cloned travel as the JSON the engine would read of them; an input that cannot
// be cloned is answered on the calling thread by the engine, as lint() answers it
// (such inputs are refused before any work: a function, an object nested
// thousands deep), so every call settles with the plain API's report or coded
// error, and the worker stays free for the next task. Errors keep every field
// the engine gave them (messageId, params, field, suggestion).
//
// A call can be given up (`run`'s `signal`; createLinter's `signal` and `timeout`):
// waiting, it leaves the queue; posted to a worker behind another task, its answer
// is dropped when it comes; running, its worker is terminated (the wasm cannot be
// interrupted otherwise) and left out of the pool at once, its waiting tasks go back
// to the front of the queue and a new worker takes them. The call rejects with the
// signal's reason: an AbortError, or the `timeout` error.

const os = require('node:os');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const { compiledModule } = require('./engine.cjs');
const { codedError, internalError } = require('./errors.cjs');
const { render } = require('./texts.cjs');
const { messageInputAsync, streamOptions, checkedTimeout, abortReason } = require('./message-input.cjs');
const { losesNumbers } = require('./json-values.cjs');

const WORKER_SCRIPT = path.join(__dirname, 'pool-worker.cjs');

/**
 * Most worker threads in one pool (default, ours): each is a V8 isolate with its
 * own engine, about 20 MB at rest and up to the engine's 256 MB wasm memory bound
 * under a 10 MB message (README, "Limits on hostile input"); beyond the cores they
 * only add memory.
 */
const MAX_THREADS = 64;

/** Where each method takes its options (the argument the engine reads as JSON). */
const OPTIONS_ARGUMENT = { lint: 1, lintRead: 1, lintPhpMail: 4, lintFile: 1 };

/** Threads when the caller gives none: every core but the one the event loop needs. */
function defaultThreads() {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores - 1);
}

class WorkerPool {
  /**
   * @param {number} threads
   * @param {{ perWorker?: number, localMethods?: object }} [settings]  tasks a worker holds at
   *   once (default 1); methods the calling thread runs itself as one of the `threads`
   */
  constructor(threads, { perWorker = 1, localMethods, locale = 'en' } = {}) {
    if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) throw threadsError(threads, locale);
    this.threads = threads;
    /** The language of the pool's own errors (`closed`) when a call asks for none. */
    this.locale = locale;
    this.perWorker = Math.max(1, Math.floor(perWorker));
    /** The calling thread as a lint thread: its methods and whether it holds a task. */
    this.local = localMethods ? { methods: localMethods, busy: false } : undefined;
    this.maxWorkers = this.local ? threads - 1 : threads;
    /** Workers holding fewer than `perWorker` tasks. */
    this.idle = [];
    this.workers = new Set();
    this.queue = [];
    this.nextId = 1;
    this.closed = false;
    /** Workers terminated because their running call was given up (`cancel`): close() waits for them. */
    this.stopping = new Set();
  }

  /**
   * Runs `method(...args)` in a worker; resolves with its result, rejects with its
   * coded error, or with `signal.reason` once `signal` (an AbortSignal) aborts.
   */
  run(method, args, transferList = [], signal = undefined) {
    if (this.closed) return Promise.reject(closedError(localeOfArgs(args, this.locale)));
    if (signal && signal.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const task = { id: this.nextId++, method, args, transferList, settled: false };
      const onAbort = () => this.cancel(task, abortReason(signal));
      const settle = (then) => (value) => {
        if (task.settled) return;
        task.settled = true;
        if (signal) signal.removeEventListener('abort', onAbort);
        then(value);
      };
      task.resolve = settle(resolve);
      task.reject = settle(reject);
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
      this.queue.push(task);
      try {
        this.dispatch();
      } catch (error) {
        // A worker that could not be started: this task fails, the pool stays usable.
        const waiting = this.queue.indexOf(task);
        if (waiting !== -1) this.queue.splice(waiting, 1);
        task.reject(internalError(error, localeOfTask(task)));
      }
    });
  }

  /**
   * Gives up a call (see the top of this file) and rejects it with `reason`. The
   * pool stays usable: a new worker replaces a terminated one when a task needs it.
   */
  cancel(task, reason) {
    if (task.settled) return;
    const waiting = this.queue.indexOf(task);
    if (waiting !== -1) this.queue.splice(waiting, 1);
    const worker = waiting === -1 ? [...this.workers].find((w) => w.tasks.includes(task)) : undefined;
    task.reject(reason);
    if (worker && worker.tasks[0] === task) this.retire(worker);
  }

  /** Terminates a worker whose running task was given up; its tasks not started wait again, first. */
  retire(worker) {
    // Out of the pool before it ends: `lost` (its exit) then ignores it, and no task goes to it.
    this.workers.delete(worker);
    this.idle = this.idle.filter((w) => w !== worker);
    const waiting = worker.tasks.splice(0).slice(1).filter((task) => !task.settled);
    const stopping = worker.terminate().catch(() => {}).then(() => this.stopping.delete(stopping));
    this.stopping.add(stopping);
    if (this.closed) return;
    this.queue.unshift(...waiting);
    this.redispatch();
  }

  /** dispatch() after a worker left; when no worker can be started, what waited fails rather than waiting for good. */
  redispatch() {
    if (this.closed || !this.queue.length) return;
    try {
      this.dispatch();
    } catch (spawnError) {
      for (const task of this.queue.splice(0)) task.reject(internalError(spawnError, localeOfTask(task)));
    }
  }

  dispatch() {
    while (this.queue.length) {
      // An empty worker first (the least loaded), then one with room, then a new one.
      let worker = this.idle.find((w) => w.tasks.length === 0 && this.usable(w));
      if (!worker && this.workers.size < this.maxWorkers) {
        const spawned = this.spawn();
        if (this.usable(spawned)) worker = spawned;
      }
      if (!worker && this.local && !this.local.busy) {
        this.runLocally(this.queue.shift());
        continue;
      }
      if (!worker) worker = this.idle.find((w) => this.usable(w));
      if (!worker) return;
      const task = this.queue.shift();
      // Posted before it is counted: a task that cannot be posted never holds the worker.
      if (!this.post(worker, task)) continue;
      worker.tasks.push(task);
      if (worker.tasks.length >= this.perWorker) this.idle = this.idle.filter((w) => w !== worker);
      worker.ref();
    }
  }

  /**
   * Whether `worker` takes tasks now. With a calling thread that lints too (the
   * CLI), a worker still starting takes none: a Node environment takes 100-200 ms
   * of a core to start here, and the files handed to it meanwhile held the output
   * (written in input order) while the calling thread, its own share done, waited
   * for them (#14: idle a quarter of the first 400 ms of a corpus run). A pool with
   * no calling thread (a server's) hands them over at once: they would wait either way.
   */
  usable(worker) {
    return worker.ready || !this.local;
  }

  /**
   * Sends a task to a worker; false when its arguments cannot be cloned (see the
   * top of this file): the task is then answered here, on the calling thread.
   */
  post(worker, task) {
    const send = (args) => worker.postMessage({ id: task.id, method: task.method, args }, task.transferList);
    try {
      send(task.args);
      return true;
    } catch {
      // not cloneable as given: the options as the engine reads them, then the calling thread
    }
    const args = jsonOptions(task);
    if (args) {
      try {
        send(args);
        return true;
      } catch {
        // the input itself cannot be cloned
      }
    }
    this.answerHere(task);
    return false;
  }

  /**
   * Runs a task whose arguments cannot reach a worker with the calling thread's
   * engine, at the next turn; it settles as lint() does: with its report, or with
   * what it threw (a coded error, or the error of a getter of the caller's object).
   */
  answerHere(task) {
    const methods = this.local ? this.local.methods : callingThreadMethods();
    setImmediate(() => {
      try {
        task.resolve(methods[task.method](...task.args));
      } catch (error) {
        task.reject(error);
      }
    });
  }

  /** Runs a task on the calling thread at the next turn of its event loop. */
  runLocally(task) {
    this.local.busy = true;
    setImmediate(() => {
      try {
        task.resolve(this.local.methods[task.method](...task.args));
      } catch (error) {
        task.reject(error && error.code ? error : internalError(error || {}, localeOfTask(task)));
      } finally {
        this.local.busy = false;
        if (!this.closed) this.dispatch();
      }
    });
  }

  spawn() {
    const worker = new Worker(WORKER_SCRIPT, { workerData: { mailPreflightWasm: compiledModule() } });
    worker.tasks = [];
    /** Set by the worker's first message, once its engine is made (lib/pool-worker.cjs). */
    worker.ready = false;
    this.workers.add(worker);
    this.idle.push(worker);
    worker.on('message', ({ ready, id, result, error }) => {
      if (ready) {
        worker.ready = true;
        if (!this.closed) this.dispatch();
        return;
      }
      // A worker answers its tasks in the order it received them.
      const task = worker.tasks[0];
      if (!task || task.id !== id) return;
      worker.tasks.shift();
      // A task given up (`cancel`) is settled already: settled again, its answer is dropped.
      if (error) task.reject(codedError(error.code, error.message, error.fields));
      else task.resolve(result);
      if (worker.tasks.length === 0) worker.unref();
      if (!this.idle.includes(worker)) this.idle.push(worker);
      this.dispatch();
    });
    const lost = (error, exitCode) => {
      if (!this.workers.delete(worker)) return;
      this.idle = this.idle.filter((w) => w !== worker);
      // Its first task was running; the others had not started and wait again, first.
      const [running, ...posted] = worker.tasks.splice(0);
      const waiting = posted.filter((task) => !task.settled);
      if (!this.closed) this.queue.unshift(...waiting);
      else for (const task of waiting) task.reject(closedError(localeOfTask(task, this.locale)));
      if (running) {
        const locale = localeOfTask(running);
        const detail = error ? error.message : render('cli.error.worker-stopped', { code: String(exitCode) }, locale);
        running.reject(internalError({ message: detail }, locale));
      }
      this.redispatch();
    };
    worker.on('error', (error) => lost(error));
    worker.on('exit', (exitCode) => lost(undefined, exitCode));
    return worker;
  }

  /**
   * Stops every worker; every call not yet answered, queued or running in a
   * worker, is refused with `closed` (a running call's worker is terminated
   * mid-task: its answer would never come).
   */
  async close() {
    this.closed = true;
    const workers = [...this.workers];
    this.workers.clear();
    this.idle = [];
    const unanswered = [...this.queue.splice(0), ...workers.flatMap((w) => w.tasks.splice(0))];
    for (const task of unanswered) task.reject(closedError(localeOfTask(task, this.locale)));
    await Promise.all([...workers.map((w) => w.terminate()), ...this.stopping]);
  }
}


/** `closed`: a call made to, or still unanswered by, a closed linter. */
function closedError(locale) {
  const messageId = 'cli.error.closed';
  return codedError('closed', render(messageId, {}, locale), { messageId, params: {} });
}

/**
 * `threads` that is not a whole number from 1 to MAX_THREADS, its kind named
 * (threads: '2' is a text, not the number 2).
 */
function threadsError(threads, locale) {
  const messageId = 'cli.error.threads';
  const found = typeof threads === 'string' ? 'text' : typeof threads === 'number' ? 'number'
    : typeof threads === 'boolean' ? 'boolean' : threads === null ? 'null' : Array.isArray(threads) ? 'list'
      : typeof threads === 'object' ? 'object' : 'other';
  let value;
  try {
    value = typeof threads === 'string' ? JSON.stringify(threads.slice(0, 50)) : String(threads).slice(0, 50);
  } catch {
    value = '?';
  }
  const params = { found: { label: `core.invalid.found.${found}` }, value, max: MAX_THREADS };
  return codedError('invalid-options', render(messageId, params, locale), { messageId, params, field: 'threads' });
}

/**
 * The task's arguments with its options as the JSON the engine reads of them
 * (JSON.stringify drops functions and symbols, as lint() does); undefined when
 * the method takes no options, they are not an object, or JSON cannot hold them
 * (a BigInt, a cycle: lint() refuses those, and the calling thread says so).
 */
function jsonOptions(task) {
  const at = OPTIONS_ARGUMENT[task.method];
  const options = at === undefined ? undefined : task.args[at];
  if (!options || typeof options !== 'object') return undefined;
  let json;
  try {
    json = JSON.stringify(options);
  } catch {
    return undefined;
  }
  // Infinity or NaN would reach the worker as null: lint() names them, on the calling thread.
  if (losesNumbers(options, json)) return undefined;
  const args = task.args.slice();
  args[at] = JSON.parse(json);
  return args;
}

let callingThread;
/** The methods of a worker, run by this thread's engine (the package's shared one). */
function callingThreadMethods() {
  if (!callingThread) {
    const { sharedEngine } = require('./engine.cjs');
    callingThread = require('./lint-file.cjs').threadMethods(sharedEngine());
  }
  return callingThread;
}

/**
 * The language of a task's errors: the first argument with a `locale` text, else
 * English. Never throws: the arguments are the caller's, and a getter or a proxy
 * trap that throws (a revoked Proxy) must not stop the process from a callback.
 */
function localeOfTask(task, fallback = 'en') {
  return localeOfArgs(task.args, fallback);
}

function localeOfArgs(args, fallback = 'en') {
  for (const argument of args) {
    try {
      if (argument && typeof argument === 'object' && typeof argument.locale === 'string') return argument.locale;
    } catch {
      // a throwing getter or proxy trap: look at the next argument
    }
  }
  return fallback;
}

/** Who words an error met reading a message: the catalogue, in the language `options` ask for. */
function readerOf(options) {
  let locale = 'en';
  try {
    if (options && typeof options.locale === 'string') locale = options.locale;
  } catch {
    // options that throw are refused by the worker's engine itself
  }
  return { locale, render };
}

/**
 * `createLinter`'s settings read once: `{ threads, locale }`; undefined or null is
 * no settings. Anything else that is not an object, a getter or a Proxy trap that
 * throws, and a locale the engine does not know are coded `invalid-options` errors
 * naming the field, in the settings' language when they give one.
 */
function linterSettings(settings) {
  const refused = (messageId, params, locale = 'en') => codedError('invalid-options',
    render(messageId, { invalid: { label: 'core.invalid.subject.options' }, ...params }, locale),
    { messageId, params: { invalid: { label: 'core.invalid.subject.options' }, ...params }, field: params.path });
  if (settings === undefined || settings === null) return { threads: undefined, locale: 'en' };
  if (typeof settings !== 'object') {
    throw refused('core.invalid.shape', { path: 'settings', expected: { label: 'core.invalid.expected.object' } });
  }
  const read = (key, locale) => {
    try {
      return settings[key];
    } catch (error) {
      const detail = String(error && typeof error === 'object' && 'message' in error ? error.message : error).slice(0, 200);
      throw Object.assign(refused('core.invalid.threw', { path: key, detail }, locale), { cause: error });
    }
  };
  const given = read('locale', 'en');
  if (given !== undefined) {
    // A locale lint() refuses ('de', 5) is refused with lint()'s own error; one JSON
    // cannot write (a BigInt, a toJSON that throws) as lint() refuses it, coded.
    let json;
    try {
      json = JSON.stringify({ locale: given });
    } catch (error) {
      if (typeof given === 'bigint') throw refused('core.invalid.not-json-compatible', { path: 'locale' });
      const detail = String(error && typeof error === 'object' && 'message' in error ? error.message : error).slice(0, 200);
      throw Object.assign(refused('core.invalid.threw', { path: 'locale', detail }), { cause: error });
    }
    const { sharedEngine } = require('./engine.cjs');
    sharedEngine().call('checkOptions', [json]);
  }
  // What JSON leaves out (a symbol, a function) is no locale, as lint() reads it.
  const locale = typeof given === 'string' ? given : 'en';
  const threads = read('threads', locale);
  const timeout = read('timeout', locale);
  return { threads, locale, timeout: timeout === undefined ? undefined : checkedTimeout('timeout', timeout, { locale, render }) };
}

/** The options of a pool call that the pool reads itself, and the engine does not take. */
const CALL_CONTROLS = ['signal', 'timeout'];

/**
 * A call's options without `signal` and `timeout`, and their values checked:
 * `{ options, signal, timeout }`. `timeout` as the stream timeouts take theirs (a
 * whole number of milliseconds from 1 to setTimeout's longest delay); `signal`
 * anything with AbortSignal's `aborted`, `reason` and listeners (one of another
 * realm, a polyfill's), null or undefined being none. Options without either are
 * left as they are (the caller's own object); options whose getter or Proxy trap
 * throws are too: the engine refuses them where it reads them, as lint() does.
 */
function callControls(options, reader) {
  const unchanged = { options, signal: undefined, timeout: undefined };
  if (!options || typeof options !== 'object') return unchanged;
  const given = {};
  const rest = {};
  try {
    if (Array.isArray(options) || !CALL_CONTROLS.some((name) => Object.prototype.hasOwnProperty.call(options, name))) return unchanged;
    for (const key of Object.keys(options)) {
      if (CALL_CONTROLS.includes(key)) given[key] = options[key];
      else rest[key] = options[key];
    }
  } catch {
    return unchanged;
  }
  const { signal } = given;
  if (signal !== undefined && signal !== null && !isAbortSignal(signal)) {
    const messageId = 'core.invalid.wrong-type';
    const params = { invalid: { label: 'core.invalid.subject.options' }, path: 'signal',
      found: { label: `core.invalid.found.${kindOf(signal)}` }, expected: { label: 'core.invalid.expected.abort-signal' } };
    throw codedError('invalid-options', render(messageId, params, reader.locale), { messageId, params, field: 'signal' });
  }
  const timeout = given.timeout === undefined ? undefined : checkedTimeout('timeout', given.timeout, reader);
  return { options: rest, signal: signal === null ? undefined : signal, timeout };
}

/** An AbortSignal, told by what the pool uses of one. */
function isAbortSignal(value) {
  try {
    return typeof value === 'object' && typeof value.aborted === 'boolean'
      && typeof value.addEventListener === 'function' && typeof value.removeEventListener === 'function';
  } catch {
    return false;
  }
}

/** The kind of a value as the `core.invalid.found.*` labels name it. */
function kindOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string': return 'text';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'function': return 'function';
    case 'object': return 'object';
    default: return 'other';
  }
}

/**
 * `timeout`: a call of a linter still unanswered `timeout` ms after it was made
 * (reading its streams, waiting in the queue and running count alike). Named as
 * DOM's `TimeoutError` (what `AbortSignal.timeout()` aborts with), coded as the
 * package's errors are.
 */
function timeoutError(timeout, locale) {
  const messageId = 'cli.error.timeout';
  const params = { timeout };
  const error = codedError('timeout', render(messageId, params, locale), { messageId, params, timeout });
  Object.defineProperty(error, 'name', { value: 'TimeoutError', writable: true, configurable: true });
  return error;
}

/**
 * Runs `work(options, signal)` for one call of a linter, with the call's `signal`
 * and `timeout` (else the linter's) read off its options: `signal` aborts when the
 * caller's does (with its reason) or when the timeout passes (with `timeout`). A
 * signal already aborted rejects the call before any work.
 */
async function controlled(rawOptions, linter, work) {
  const locale = localeOfArgs([rawOptions], linter.locale);
  const { options, signal, timeout = linter.timeout } = callControls(rawOptions, { locale, render });
  if (signal && signal.aborted) throw abortReason(signal);
  if (!signal && timeout === undefined) return work(options, undefined);
  const controller = new AbortController();
  const forward = () => controller.abort(abortReason(signal));
  if (signal) signal.addEventListener('abort', forward, { once: true });
  const timer = timeout === undefined ? undefined : setTimeout(() => controller.abort(timeoutError(timeout, locale)), timeout);
  try {
    return await work(options, controller.signal);
  } finally {
    clearTimeout(timer);
    if (signal) signal.removeEventListener('abort', forward);
  }
}

/**
 * `promise`, or its rejection with the signal's reason once `signal` aborts (the
 * streams `promise` reads are given `signal` too: the one being read and those after
 * it are destroyed then, `readStreams`).
 */
function untilAborted(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A linter for servers: the same `lint` and `lintPhpMail` as the package's, run in
 * worker threads and returning promises; each call takes a `signal` and a `timeout`
 * (ms, else the linter's) in its options (`controlled`).
 * @param {{ threads?: number, locale?: string, timeout?: number }} [settings]
 */
function createLinter(settings) {
  const { threads, locale, timeout } = linterSettings(settings);
  const pool = new WorkerPool(threads === undefined ? defaultThreads() : threads, { locale });
  const linter = { locale, timeout };
  return {
    threads: pool.threads,
    // The input is read as lint() reads it before it is copied to a worker: the copy
    // makes an instance of a class a plain object, which lint() refuses. The worker
    // lints what was read without reading it again (`lintRead`, lib/engine.cjs).
    // Streams cannot be copied to a worker: they are read here first, as lintAsync reads them.
    lint: (input, callOptions) => controlled(callOptions, linter, async (rawOptions, signal) => {
      const { refilled } = require('./engine.cjs');
      const { options, timeouts } = streamOptions(rawOptions, readerOf(rawOptions));
      const read = await untilAborted(messageInputAsync(input, 'lint', readerOf(options), refilled, { ...timeouts, signal }), signal);
      return pool.run('lintRead', [read, options], [], signal);
    }),
    lintPhpMail: (to, subject, message, headers, callOptions) => controlled(callOptions, linter,
      (options, signal) => pool.run('lintPhpMail', [to, subject, message, headers, options], [], signal)),
    close: () => pool.close(),
  };
}

module.exports = { WorkerPool, createLinter, defaultThreads, MAX_THREADS };
