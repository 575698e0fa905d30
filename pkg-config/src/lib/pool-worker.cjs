'use strict';
// A worker of lib/pool.cjs: one engine (from the module the main thread compiled),
// one task at a time: { id, method, args } in, { id, result } or { id, error } out.
const { parentPort, workerData } = require('node:worker_threads');
const { sharedEngine, useCompiledModule } = require('./engine.cjs');
const { lintFile } = require('./lint-file.cjs');

useCompiledModule(workerData.mailPreflightWasm);
const engine = sharedEngine();
const methods = {
  lint: (input, options) => engine.lint(input, options),
  lintPhpMail: (to, subject, message, headers, options) => engine.lintPhpMail(to, subject, message, headers, options),
  lintFile: (input, options, wanted) => lintFile(engine, input, options, wanted),
};

parentPort.on('message', ({ id, method, args }) => {
  try {
    parentPort.postMessage({ id, result: methods[method](...args) });
  } catch (error) {
    parentPort.postMessage({ id, error: { code: error.code || 'internal', message: error.message } });
  }
});
