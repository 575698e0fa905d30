#!/usr/bin/env node
// Assembles the npm package in pkg/ from the wasm-bindgen outputs, and copies
// the web build to www/engine/ for the preflight page.
//   pkg/node/     wasm-bindgen --target nodejs   (require, CLI)
//   pkg/web/      wasm-bindgen --target web      (browser <script type="module">, workers)
//   pkg/bundler/  wasm-bindgen --target bundler  (webpack, Vite, esbuild)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasm = join(root, 'target/wasm32-unknown-unknown/release/mail_preflight.wasm');
const pkg = join(root, 'pkg');

if (!existsSync(wasm)) {
  console.error(`build.mjs: ${wasm} is missing; run cargo build --release --target wasm32-unknown-unknown first`);
  process.exit(2);
}
rmSync(pkg, { recursive: true, force: true });
for (const target of ['nodejs', 'web', 'bundler']) {
  const out = join(pkg, target === 'nodejs' ? 'node' : target);
  execFileSync('wasm-bindgen', ['--target', target, '--remove-name-section', '--out-dir', out, wasm], { stdio: 'inherit' });
}
const engine = join(root, 'www/engine');
rmSync(engine, { recursive: true, force: true });
mkdirSync(engine, { recursive: true });
cpSync(join(pkg, 'web'), engine, { recursive: true });
console.log('build.mjs: pkg/ and www/engine/ are ready');
