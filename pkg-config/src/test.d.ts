// Types of `mail-preflight/test`: assertions for test scripts (node:test, Mocha, Jest, Vitest).
import type { AsyncOptions, LintAsyncInput, LintInput, Options, Report } from './index.js';

/** What counts against a message: every error, warnings beyond `maxWarnings`, never the `allow`ed rules. */
export interface PreflightCriteria extends Options {
  /** Most warnings allowed: a whole number from 0, or `Infinity`. Default 0. Anything else throws `invalid-options`. */
  maxWarnings?: number;
  /** Rule ids whose findings never count (a list; anything else throws `invalid-options`). */
  allow?: string[];
}

/**
 * Throws an `AssertionError` (node:assert) listing each finding that counts, with
 * its location; returns the report when the message passes. The error's `report`
 * is the report (not enumerable, and not its `actual`: runners print and diff that).
 */
export function assertPreflight(message: LintInput, criteria?: PreflightCriteria): Report;

/** The criteria of the async forms: those of `PreflightCriteria`, and how long the streams may take (`AsyncOptions`). */
export interface PreflightAsyncCriteria extends PreflightCriteria, AsyncOptions {}

/**
 * `assertPreflight` of compose fields that may hold streams (Nodemailer's `Readable` content),
 * read first as `lintAsync` reads them: resolves to the report, or rejects with the same `AssertionError`.
 */
export function assertPreflightAsync(message: LintAsyncInput, criteria?: PreflightAsyncCriteria): Promise<Report>;

/** The result a Jest or Vitest matcher returns. */
export interface MatcherResult {
  pass: boolean;
  message(): string;
}

/** `expect.extend({ toPassPreflight })`, then `expect(message).toPassPreflight(criteria)` (and `.not`). */
export function toPassPreflight(received: LintInput, criteria?: PreflightCriteria): MatcherResult;

/**
 * The async matcher: `expect.extend({ toPassPreflightAsync })`, then
 * `await expect(fields).toPassPreflightAsync(criteria)` (and `.not`): streams are read first.
 */
export function toPassPreflightAsync(received: LintAsyncInput, criteria?: PreflightAsyncCriteria): Promise<MatcherResult>;

/** `expect.extend(matchers)`. */
export const matchers: { toPassPreflight: typeof toPassPreflight; toPassPreflightAsync: typeof toPassPreflightAsync };

// `expect(message).toPassPreflight(criteria)` typed for Jest: its global `jest` namespace
// (@types/jest) and the `expect` module's `Matchers` (the `expect` of `@jest/globals`). Vitest: `interface Assertion<T> { toPassPreflight(criteria?: PreflightCriteria): void; toPassPreflightAsync(criteria?: PreflightAsyncCriteria): Promise<void> }`
// in `declare module 'vitest'` of your own setup file (an augmentation here would fail where Vitest is not installed).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toPassPreflight(criteria?: PreflightCriteria): R;
      toPassPreflightAsync(criteria?: PreflightAsyncCriteria): Promise<R>;
    }
  }
}

// The `expect` of `import { expect } from '@jest/globals'` takes its matchers from the
// `expect` package's `Matchers`, which the global namespace above does not reach; this
// augmentation is the one Jest's documentation gives for `expect.extend` in TypeScript
// (https://jestjs.io/docs/expect#expectextendmatchers) and jest-extended ships. Where the
// `expect` package is not installed, TypeScript ignores an augmentation in a declaration
// file (tests/node/package-api.test.mjs compiles both cases, skipLibCheck off).
declare module 'expect' {
  interface Matchers<R> {
    toPassPreflight(criteria?: PreflightCriteria): R;
    toPassPreflightAsync(criteria?: PreflightAsyncCriteria): Promise<R>;
  }
}
