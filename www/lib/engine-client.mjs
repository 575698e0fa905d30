// The page's side of the engine worker: promise-based calls, one worker.

export class EngineClient {
  constructor(url) {
    this.worker = new Worker(url, { type: 'module' });
    this.pending = new Map();
    this.nextId = 1;
    this.worker.onmessage = (event) => {
      const { id, ok, result, error } = event.data || {};
      const entry = this.pending.get(id);
      if (!entry) return;
      this.pending.delete(id);
      if (ok) entry.resolve(result);
      else entry.reject(Object.assign(new Error(error && error.message), { code: error && error.code }));
    };
    this.worker.onerror = (event) => {
      const failure = new Error(event.message || 'engine worker failed');
      for (const entry of this.pending.values()) entry.reject(failure);
      this.pending.clear();
    };
  }

  /** Calls `op(...args)` in the worker; `transfer` lists ArrayBuffers handed over without a copy. */
  call(op, args = [], transfer = []) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args }, transfer);
    });
  }
}
