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
      if (error && error.trapped) this.restart(FAILURE.trapped, { rejectPending: false });
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

  /** Replaces the worker; calls still running end with `code`. */
  restart(code, { rejectPending = true } = {}) {
    this.worker.terminate();
    if (rejectPending) this.rejectAll(code, code);
    this.spawn();
    if (this.onRestart) this.onRestart(code);
  }

  /** Stops whatever the engine is doing (the visitor's Cancel). */
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
      const entry = { resolve, reject };
      if (timeLimitMs) entry.timer = setTimeout(() => this.restart(FAILURE.timeout), timeLimitMs);
      this.pending.set(id, entry);
      this.worker.postMessage({ id, op, args }, transfer);
    });
  }
}
