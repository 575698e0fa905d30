// Assertions for test scripts (ES module entry); see test.cjs.
import { createRequire } from 'node:module';

export const { assertPreflight, assertPreflightAsync, toPassPreflight, toPassPreflightAsync, matchers } = createRequire(import.meta.url)('./test.cjs');
