// The page's side of the engine worker: promise calls, and recovery. A call
// that traps the engine (WebAssembly `unreachable`, out of memory) or runs past
// its time limit ends with a coded error, and the worker is replaced by a fresh
// one, so the next call runs on a clean engine (issue 13).

/** Codes a rejected call carries besides the engine's own (`invalid-input`, …). */
export const FAILURE = {
  trapped: 'internal', // the engine stopped on this input; a fresh one was started
  timeout: 'timeout', // the call ran past its time limit and was stopped
  cancelled: 'cancelled', // the visitor stopped it
  workerFailed: 'engine-failed', // the worker or the engine could not load
};

export class EngineClient {
  /** `onRestart(reason)` is told each time a fresh worker replaces the old one. */
  constructor(url, { onRestart } = {}) {
    this.url = url;
    this.onRestart = onRestart;
    this.pending = new Map();
    this.nextId = 1;
    this.starts = 0;
    this.spawn();
  }

  spawn() {
    this.starts++;
    this.broken = false;
    const worker = new Worker(this.url, { type: 'module' });
    worker.onmessage = (event) => {
      const { id, ok, result, error } = event.data || {};
      const entry = this.pending.get(id);
      if (!entry) return;
      this.settle(id);
      if (ok) return entry.resolve(result);
      const code = error && error.trapped ? FAILURE.trapped : error && error.code;
      const { messageId, params } = error || {};
      entry.reject(Object.assign(new Error(error && error.message), { code, messageId, params }));
      // The calls queued behind the trapped one did not trap: they are asked again, or told the engine restarted.
      if (error && error.trapped) this.restart(FAILURE.workerFailed);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.broken = true;
      this.rejectAll(FAILURE.workerFailed, event.message || 'engine worker failed');
    };
    this.worker = worker;
  }

  settle(id) {
    const entry = this.pending.get(id);
    if (entry && entry.timer) clearTimeout(entry.timer);
    this.pending.delete(id);
  }

  rejectAll(code, message) {
    for (const [id, entry] of [...this.pending]) {
      this.settle(id);
      entry.reject(Object.assign(new Error(message), { code }));
    }
  }

  /**
   * Replaces the worker. The calls that cannot run again end with `code`: the ones
   * with a time limit (the checks and simulations the visitor started, which this
   * restart may be stopping) and the ones whose bytes went to the old worker. The
   * others (the rules in another language, an SMTP reply to explain…) are asked
   * again of the fresh worker: a Cancel or a trap is not their failure.
   */
  restart(code) {
    this.worker.terminate();
    const pending = [...this.pending];
    this.spawn();
    for (const [id, entry] of pending) {
      if (entry.resend) {
        this.worker.postMessage(entry.message);
        continue;
      }
      this.settle(id);
      entry.reject(Object.assign(new Error(code), { code }));
    }
    if (this.onRestart) this.onRestart(code);
  }

  /** Stops the check the engine is running (the visitor's Cancel). */
  cancel() {
    this.restart(FAILURE.cancelled);
  }

  /**
   * Calls `op(...args)` in the worker. `transfer` lists ArrayBuffers handed over
   * without a copy; past `timeLimitMs` the call is stopped with code `timeout`.
   */
  call(op, args = [], transfer = [], { timeLimitMs } = {}) {
    if (this.broken) this.restart(FAILURE.workerFailed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const message = { id, op, args };
      const entry = { resolve, reject, message, resend: !transfer.length && !timeLimitMs };
      if (timeLimitMs) entry.timer = setTimeout(() => this.restart(FAILURE.timeout), timeLimitMs);
      this.pending.set(id, entry);
      this.worker.postMessage(message, transfer);
    });
  }
}
