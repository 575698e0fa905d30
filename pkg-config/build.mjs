#!/usr/bin/env node
// Assembles the npm package in pkg/ from the wasm-bindgen outputs, and copies
// the web build to www/engine/ for the preflight page.
//   pkg/node/     wasm-bindgen --target nodejs   (require and import in Node, the CLI)
//   pkg/web/      wasm-bindgen --target web      (browser <script type="module">, bundlers, workers)
//                 + the --target bundler glue     (bundlers with WebAssembly ESM integration)
//   pkg/index.cjs, index.mjs, web.js, bundler.js  the entries (pkg-config/src/)
//   pkg/nodemailer.*, test.*                       the Nodemailer plugin, the test-runner assertions
//   pkg/*.d.ts (ESM), *.d.cts (CJS)                 the hand-written types
//   pkg/bin/, pkg/lib/                              the CLI, the engine wrapper, the worker pool
//   pkg/schema/options.schema.json                  the options' JSON Schema, when the engine exports it
//   pkg/README.md                                   pkg-config/README.md + the rules table from rules()
//   pkg/LICENSE-MIT, LICENSE-APACHE                 the licences
//   pkg/package.json                                from pkg-config/package.template.json
//
// The three builds share ONE wasm file (pkg/web/mail_preflight_bg.wasm):
// wasm-bindgen emits the same bytes for every target (checked below), and the
// package ships what runs, once. The bundler glue moves next to it in web/: it
// imports ./mail_preflight_bg.wasm, whose imports name ./mail_preflight_bg.js,
// a file the web build does not have.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const config = dirname(fileURLToPath(import.meta.url));
const root = join(config, '..');
// Where cargo wrote the module: CARGO_TARGET_DIR when set (relative to the working
// directory, as cargo reads it), else the project's target/.
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(root, 'target');
const wasm = join(targetDir, 'wasm32-unknown-unknown/release/mail_preflight.wasm');
const pkg = join(root, 'pkg');

function fail(message) {
  console.error(`build.mjs: ${message}`);
  process.exit(2);
}

if (!existsSync(wasm)) {
  fail(`${wasm} is missing; run cargo build --release --target wasm32-unknown-unknown first`);
}
rmSync(pkg, { recursive: true, force: true });
// MAIL_PREFLIGHT_KEEP_NAMES=1 keeps the name section, for profiles that name the
// wasm functions (`node --cpu-prof`, tests/bench/profile/); the shipped build drops it.
const keepNames = process.env.MAIL_PREFLIGHT_KEEP_NAMES === '1';
for (const target of ['nodejs', 'web', 'bundler']) {
  const out = join(pkg, target === 'nodejs' ? 'node' : target);
  execFileSync('wasm-bindgen', ['--target', target, ...(keepNames ? [] : ['--remove-name-section']),
    '--remove-producers-section', '--out-dir', out, wasm], { stdio: 'inherit' });
}
wasmOpt();

// The page gets the untouched web build.
const engine = join(root, 'www/engine');
rmSync(engine, { recursive: true, force: true });
mkdirSync(engine, { recursive: true });
cpSync(join(pkg, 'web'), engine, { recursive: true });
// The page's offline shell: its files and a hash of their bytes, for sw.js (www/tools/shell-manifest.mjs).
const { writeShellManifest } = await import('../www/tools/shell-manifest.mjs');
writeShellManifest(join(root, 'www'));

// One wasm for node and web, and an engine that can be re-created: the node glue
// becomes a factory, `instantiate(wasmModule)`, returning its exports (plus the raw
// instance as `__wasm`). lib/engine.cjs compiles the web build's wasm once per
// process (or receives it from the main thread in a worker) and instantiates it
// again after a trap, when the old instance's memory can no longer be trusted.
const nodeGlue = join(pkg, 'node/mail_preflight.js');
const loadLines = [
  "const wasmPath = `${__dirname}/mail_preflight_bg.wasm`;",
  "const wasmBytes = require('fs').readFileSync(wasmPath);",
  'const wasmModule = new WebAssembly.Module(wasmBytes);',
];
const startLine = 'wasm.__wbindgen_start();';
let glue = readFileSync(nodeGlue, 'utf8');
for (const line of [...loadLines, startLine]) {
  if (!glue.includes(line)) {
    fail(`the nodejs glue no longer contains ${line}; update build.mjs for this wasm-bindgen version`);
  }
}
for (const line of loadLines) glue = glue.replace(`${line}\n`, '');
glue = glue.replace(startLine, `${startLine}\nexports.__wasm = wasm;\nreturn exports;`);
// The glue's TextEncoder and TextDecoder are Node's own (node:util), not the globals:
// a test environment may lack them (Jest's jsdom: "ReferenceError: TextEncoder is not
// defined" at require time), and this build runs only in Node.
writeFileSync(nodeGlue, `'use strict';
// wasm-bindgen's nodejs glue, wrapped by pkg-config/build.mjs into a factory:
// every call makes a fresh instance of the compiled module with its own memory.
const { TextDecoder, TextEncoder } = require('node:util');
module.exports = function instantiate(wasmModule) {
const exports = {};
${glue}
};
`);
rmSync(join(pkg, 'node/mail_preflight_bg.wasm'));
// The web glue keeps one instance in module variables and `initSync` returns it once
// set: web.js re-creates it after a trap as lib/engine.cjs does, through a fresh
// instance of the module the glue already holds, finalised as the glue finalises its
// first one (its cached memory views dropped); `__memory` serves the tests.
const webGlue = join(pkg, 'web/mail_preflight.js');
const webGlueSource = readFileSync(webGlue, 'utf8');
for (const line of ['let wasmModule, wasmInstance, wasm;', 'function __wbg_finalize_init(instance, module) {', 'function __wbg_get_imports() {']) {
  if (!webGlueSource.includes(line)) fail(`the web glue no longer contains ${line}; update build.mjs for this wasm-bindgen version`);
}
writeFileSync(webGlue, `${webGlueSource}
/** A fresh instance of the loaded module (pkg-config/build.mjs; web.js calls it after a trap). */
export function __reinstantiate() {
    return __wbg_finalize_init(new WebAssembly.Instance(wasmModule, __wbg_get_imports()), wasmModule);
}
/** The current instance's memory (tests). */
export function __memory() {
    return wasm.memory;
}
`);
const webWasm = readFileSync(join(pkg, 'web/mail_preflight_bg.wasm'));
if (!webWasm.equals(readFileSync(join(pkg, 'bundler/mail_preflight_bg.wasm')))) {
  fail('the web and bundler targets produced different wasm files; they can no longer share one');
}
if (existsSync(join(pkg, 'web/mail_preflight_bg.js'))) {
  fail('web/mail_preflight_bg.js exists: it cannot host the bundler glue');
}
cpSync(join(pkg, 'bundler/mail_preflight_bg.js'), join(pkg, 'web/mail_preflight_bg.js'));
cpSync(join(pkg, 'bundler/mail_preflight.js'), join(pkg, 'web/mail_preflight_bundler.js'));
rmSync(join(pkg, 'bundler'), { recursive: true });
// The per-target .d.ts files type everything as `any`; the package's own types replace them,
// and the glue's pragma naming its .d.ts goes with them: `@ts-self-types` is Deno's
// directive by which a JavaScript module names its own types (docs.deno.com,
// runtime/reference/ts_config_migration; jsr-io/jsr#977), and Deno would look for a
// file the package does not ship.
const selfTypes = /^\/\* @ts-self-types="[^"]*" \*\/\n/m;
for (const target of ['node', 'web']) {
  for (const name of readdirSync(join(pkg, target))) {
    if (name.endsWith('.d.ts')) rmSync(join(pkg, target, name));
    if (name.endsWith('.js')) {
      const file = join(pkg, target, name);
      const source = readFileSync(file, 'utf8');
      if (selfTypes.test(source)) writeFileSync(file, source.replace(selfTypes, ''));
    }
  }
  // The bundler glue instantiates the wasm when it is imported: a side effect a
  // bundler must keep (webpack 5 in production dropped it under `sideEffects: false`).
  const sideEffects = target === 'web' ? ['./mail_preflight_bundler.js'] : false;
  writeFileSync(join(pkg, target, 'package.json'), JSON.stringify(
    { type: target === 'node' ? 'commonjs' : 'module', sideEffects }, null, 2) + '\n');
}

// Entries, types, CLI.
cpSync(join(config, 'src'), pkg, { recursive: true });
// lib/message-input.js serves the browser build as it is and Node as CommonJS (Node 20 cannot require ESM).
const messageInputSource = readFileSync(join(pkg, 'lib', 'message-input.js'), 'utf8');
if (!/^export function messageInput\(/m.test(messageInputSource)) fail('lib/message-input.js lost its messageInput export');
const messageInputExports = [...messageInputSource.matchAll(/^export (?:async function|function|const) (\w+)/gm)].map((m) => m[1]);
// Node's TextEncoder (node:util) for `wasmInput`, not the global one, which a test
// environment may lack (Jest's jsdom); the browser build keeps the global.
writeFileSync(join(pkg, 'lib', 'message-input.cjs'), `'use strict';\nconst { TextEncoder } = require('node:util');\n${messageInputSource
  .replace(/^export (async function|function|const) /gm, '$1 ')}\nmodule.exports = { ${messageInputExports.join(', ')} };\n`);
// The browser and bundler types: the Node types without what only Node exports.
const nodeOnly = /^\/\/ #node-only.*\n[\s\S]*?^\/\/ #end-node-only\n/m;
const nodeTypes = readFileSync(join(pkg, 'index.d.ts'), 'utf8');
if (!nodeOnly.test(nodeTypes)) fail('index.d.ts lost its #node-only section');
writeFileSync(join(pkg, 'web.d.ts'), nodeTypes.replace(nodeOnly, ''));
// The CommonJS types: each entry's declarations as a .d.cts (TypeScript reads a .d.ts
// of this "type": "module" package as ESM). index.cjs has a default export too
// (`default` and `__esModule`, for `import init from` compiled to CommonJS), so the
// default export line stays.
for (const name of readdirSync(pkg).filter((n) => n.endsWith('.d.ts') && n !== 'web.d.ts')) {
  const declarations = readFileSync(join(pkg, name), 'utf8');
  const defaultExport = /^export \{ init as default \};.*\n/m;
  if (name === 'index.d.ts' && !defaultExport.test(declarations)) fail('index.d.ts lost its default export line');
  // A .d.cts imports the CommonJS types: './index.js' would be the ESM index.d.ts (TS1541 under node16/nodenext).
  writeFileSync(join(pkg, name.replace(/\.d\.ts$/, '.d.cts')), declarations
    .replace(/from '\.\/index\.js';/g, "from './index.cjs';"));
}
// The README, the npm page: its "Rules" table is generated from this engine's rules(),
// so it lists exactly the rules the package has, each row the target of SARIF helpUri.
const RULES_MARKER = "<!-- rules table: generated by pkg-config/build.mjs from rules('en') -->\n";
const readme = readFileSync(join(config, 'README.md'), 'utf8');
if (!readme.includes(RULES_MARKER)) fail(`pkg-config/README.md lost its marker ${RULES_MARKER.trim()}`);
const { rulesTableMarkdown } = createRequire(import.meta.url)(join(config, 'src/lib/rules-reference.cjs'));
let rulesTable;
try {
  rulesTable = rulesTableMarkdown(builtEngine().rules('en'));
} catch (error) {
  fail(`the README's rules table: ${error.message}`);
}
writeFileSync(join(pkg, 'README.md'), readme.replace(RULES_MARKER, `${RULES_MARKER}${rulesTable}`));
for (const license of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  if (!existsSync(join(root, license))) fail(`${license} is missing at the repository root`);
  cpSync(join(root, license), join(pkg, license));
}

// package.json: the template with the crate's version.
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) fail('no version in Cargo.toml');
const manifest = JSON.parse(readFileSync(join(config, 'package.template.json'), 'utf8'));
manifest.version = version;

// The JSON Schema of the options, for editors completing `.mail-preflight.json`
// (`"$schema": "./node_modules/mail-preflight/schema/options.schema.json"`): the
// engine generates it from its Rust types (`optionsSchema()`); a build of the
// engine without that export ships no schema, and the package says nothing of one.
const schema = optionsSchema();
if (schema) {
  mkdirSync(join(pkg, 'schema'), { recursive: true });
  writeFileSync(join(pkg, 'schema/options.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  manifest.files.push('schema/');
  manifest.exports['./schema/options.schema.json'] = './schema/options.schema.json';
} else {
  console.log('build.mjs: the engine has no optionsSchema() export yet: no schema/options.schema.json');
}
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

/** The engine just built (the nodejs glue over the shared wasm), instantiated once. */
function builtEngine() {
  builtEngine.instance ??= createRequire(import.meta.url)(nodeGlue)(new WebAssembly.Module(webWasm));
  return builtEngine.instance;
}

/** The engine's JSON Schema of the options, or undefined when this engine does not export one. */
function optionsSchema() {
  const engine = builtEngine();
  if (typeof engine.optionsSchema !== 'function') return undefined;
  const value = engine.optionsSchema();
  return typeof value === 'string' ? JSON.parse(value) : value;
}

// Every file listed in `files` and every target of `exports` must exist.
const missing = [];
const visit = (value) => {
  if (typeof value === 'string') {
    if (!existsSync(join(pkg, value))) missing.push(value);
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach(visit);
  }
};
visit(manifest.exports);
visit(manifest.bin);
manifest.files.forEach((f) => visit(f.replace(/\/$/, '')));
if (missing.length) fail(`package.json points at missing files: ${missing.join(', ')}`);

const wasmSize = statSync(join(pkg, 'web/mail_preflight_bg.wasm')).size;
console.log(`build.mjs: pkg/ (mail-preflight ${version}, wasm ${wasmSize} bytes) and www/engine/ are ready`);

/**
 * wasm-opt (binaryen 132 from npm, a dev dependency in tests/; Debian's v108 breaks
 * the module's externref) over the wasm-bindgen output, with the flags of
 * MAIL_PREFLIGHT_WASM_OPT (e.g. `-O3`, `-Oz`). Off by default: measured on this
 * engine (README "Performance", `make bench-profiles`), it made the gzipped wasm
 * larger at every opt-level (-O3 and -Oz alike) and Node no faster.
 */
function wasmOpt() {
  const flags = (process.env.MAIL_PREFLIGHT_WASM_OPT || '').split(/\s+/).filter(Boolean);
  if (!flags.length) return;
  const tool = join(root, 'tests/node_modules/.bin/wasm-opt');
  if (!existsSync(tool)) fail(`MAIL_PREFLIGHT_WASM_OPT is set but ${tool} is missing: npm ci in tests/`);
  const web = join(pkg, 'web/mail_preflight_bg.wasm');
  execFileSync(tool, [...flags, web, '-o', web], { stdio: 'inherit' });
  // One wasm for every target (checked below): the other copies take the optimised bytes.
  for (const target of ['node', 'bundler']) cpSync(web, join(pkg, target, 'mail_preflight_bg.wasm'));
}
