// Types of `mail-preflight/nodemailer`: the Nodemailer plugin.
import type { AsyncOptions, Linter, Locale, Report } from './index.js';

/** The error `sendMail` rejects with when the message does not pass. */
export interface PreflightError extends Error {
  code: 'EPREFLIGHT';
  /** The full report of the message Nodemailer was about to build. */
  report: Report;
}

/**
 * `preflight()` settings; every other field is a lint option (`locale`, `rules`, `thresholds`…), or
 * `streamIdleTimeout` and `streamTotalTimeout`, which bound the reading of the mail's streams as
 * they bound lintAsync's.
 */
export interface PreflightSettings extends AsyncOptions {
  locale?: Locale;
  /**
   * What happens when the host would refuse or block the message (verdict `fail`)
   * or it has more than `maxWarnings` warnings: `reject` (default) fails `sendMail`
   * with a `PreflightError`; `warn` sends and emits the error as a process warning;
   * a function receives the error and the message is sent.
   */
  onFail?: 'reject' | 'warn' | ((error: PreflightError) => void);
  /** Most warnings allowed: a whole number from 0. Default: no limit (only errors count). Anything else throws `invalid-options`. */
  maxWarnings?: number;
  /** Lint off the main thread with this pool (`createLinter()`), for servers. */
  linter?: Pick<Linter, 'lint'>;
}

/**
 * The mail object Nodemailer passes to a `compile` plugin (the part the plugin reads).
 * `data` is any object: @types/nodemailer's `MailMessage.data` is `Mail.Options`, an
 * interface without an index signature, which `{ [field: string]: unknown }` refused
 * (TS2345 on `transporter.use('compile', preflight())` under strict).
 */
export interface NodemailerMail {
  data: object;
  /** Nodemailer's own; the plugin reads streams itself, within lintAsync's limits, and no longer calls it. */
  resolveContent?(holder: object, key: string | number, callback: (error: Error | null, value?: unknown) => void): unknown;
}

/** A Nodemailer plugin for the `compile` step: `transporter.use('compile', preflight({ … }))`. */
export function preflight(settings?: PreflightSettings): (mail: NodemailerMail, callback: (error?: Error | null) => void) => void;
