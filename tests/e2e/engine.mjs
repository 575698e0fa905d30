// The web build of the engine (www/engine, the one the page loads), used by the
// tests in Node for the catalogue and the rule list they compare the page with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import * as engine from '../../www/engine/mail_preflight.js';

engine.initSync({ module: readFileSync(join(ROOT, 'www', 'engine', 'mail_preflight_bg.wasm')) });

export const ruleIds = () => engine.rules('en').map((r) => r.id);
export const messages = (locale) => engine.messages(locale);
export { engine };
