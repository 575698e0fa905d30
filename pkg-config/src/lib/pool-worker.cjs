'use strict';
// A worker of lib/pool.cjs: one engine (from the module the main thread compiled),
// one task at a time: { id, method, args } in, { id, result } or { id, error } out
// (error: its code, message and the other fields of the engine's coded error);
// its first message, { ready: true }, says its engine is made.
const { parentPort, workerData } = require('node:worker_threads');
const { sharedEngine, useCompiledModule } = require('./engine.cjs');
const { threadMethods } = require('./lint-file.cjs');
const { codedFields } = require('./errors.cjs');

useCompiledModule(workerData.mailPreflightWasm);
const methods = threadMethods(sharedEngine());
// Ready for tasks: the pool hands this worker none before it (lib/pool.cjs, `usable`).
parentPort.postMessage({ ready: true });

parentPort.on('message', ({ id, method, args }) => {
  try {
    parentPort.postMessage({ id, result: methods[method](...args) });
  } catch (error) {
    const coded = error && typeof error === 'object' ? error : { message: String(error) };
    parentPort.postMessage({ id, error: { code: coded.code || 'internal', message: coded.message, fields: codedFields(coded) } });
  }
});
