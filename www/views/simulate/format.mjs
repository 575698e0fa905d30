// How the simulation view writes states, buttons, times and durations. One clock
// for everything (the log, the charts, the slider, the mail list): the reader's
// language and the scenario's time zone, named on the page.

import { jsonErrorPosition, jsonDepthOffset } from '../../lib/json-position.mjs';
import { MAX_INPUT_BYTES, MAX_JSON_DEPTH, utf8SizeOver } from '../../lib/limits.mjs';

/** The red states (seed 002: « Désactivé », « Bounce », « SPAM »), in the API's names. */
export const RED_STATES = ['ko', 'bounce', 'spam'];
/** The API's state names (what the engine writes) to the catalogue's keys. */
export const STATE_KEYS = { ok: 'active', force: 'force', ko: 'disabled', bounce: 'bounce', spam: 'spam', purging: 'purging' };
/** The states, green first, as the engine writes them. */
export const STATES = Object.keys(STATE_KEYS);
export const ACTION_KEYS = { BLOCK: 'block', UNBLOCK: 'unblock', PURGE: 'purge', CHANGE_RECIPIENT: 'change-recipient' };
/** The outcomes in the engine's order: the mail table's `outcome` byte indexes this list. */
export const OUTCOMES = ['delivered', 'bounced', 'heldThenDelivered', 'heldThenBounced', 'expired', 'purged', 'refused', 'pending'];

/** The panel's name of a state ("Bounce"), as the guides print it. */
export function stateName(t, state) {
  return t(`queue.state.${STATE_KEYS[state] || state}`);
}

/** The panel's name and what it means ("Bounce — red: blocked because a certain percentage of the mails sent came back in error …"). */
export function stateLabel(t, state) {
  const key = STATE_KEYS[state] || state;
  return t('queue.view.state-with-meaning', { state: t(`queue.state.${key}`), meaning: t(`queue.state.${key}.about`) });
}

export function actionName(t, action) {
  return t(`queue.action.${ACTION_KEYS[action] || action}`);
}

/**
 * Formatters in `locale` and `timeZone` (an IANA name the browser knows; UTC otherwise).
 * `when`: date and time; `tick`: short, for chart axes; `day`: a calendar day from an
 * API date-time; `zone`: the zone's name and its offset at a moment.
 */
export function clock(locale, timeZone) {
  let zone = timeZone || 'UTC';
  try {
    new Intl.DateTimeFormat(locale, { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  const when = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
  const tick = new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
  const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' });
  const offsetAt = (unix) => {
    const part = offset.formatToParts(new Date(unix * 1000)).find((p) => p.type === 'timeZoneName');
    return part ? part.value.replace('GMT', 'UTC') : 'UTC';
  };
  return {
    timeZone: zone,
    when: (unix) => when.format(new Date(unix * 1000)),
    tick: (unix) => tick.format(new Date(unix * 1000)),
    /** A day of the history: its date-time (local midnight) read as an instant. */
    day: (date) => {
      const at = Date.parse(date.length === 10 ? `${date}T12:00:00Z` : date);
      return Number.isNaN(at) ? date : day.format(new Date(at + (date.length === 10 ? 0 : 1000)));
    },
    offsetAt,
    /** "Europe/Paris (UTC+1)" */
    zone: (unix) => `${zone} (${offsetAt(unix)})`,
  };
}

/** A duration in hours and minutes ("2 h 05 min"), or days beyond two. */
export function duration(t, seconds, number) {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 2 * 86400) return t('queue.view.duration.days', { days: number(s / 86400, 1) });
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return t('queue.view.duration', { hours: number(hours), minutes: String(minutes).padStart(2, '0') });
}

/**
 * Why a scenario's JSON does not read, as the engine says it for its own JSON
 * (`core.invalid.not-json`), in the reader's language, at the line and column where it stops.
 */
export function jsonProblem(t, source, path) {
  const { line, column } = jsonErrorPosition(source) || { line: 1, column: 1 };
  return t('core.invalid.not-json', { invalid: { label: 'core.invalid.subject.scenario' }, path, line, column });
}

/**
 * A scenario's JSON text read as the engine reads it: `{scenario}`, or `{problem}` in
 * the engine's words and the reader's language when the engine would refuse it — past
 * its size limit (`queue.error.scenario-too-large`), nested past its depth
 * (`core.invalid.too-deep`), not JSON, or not an object. The size and the depth are
 * checked before the text is parsed: a text the engine would not read is neither
 * parsed nor drawn in the form, and no value too deep to post reaches the worker.
 * `pause()` runs between the steps (a large text: each step in a task of its own); the
 * size is told before the first (`tooLarge`), in the task that asked.
 */
export async function readScenario(t, source, path, pause = () => {}) {
  const size = utf8SizeOver(source, MAX_INPUT_BYTES);
  if (size) {
    const problem = t('queue.error.scenario-too-large', { size: { megabytes: size }, limit: { megabytes: MAX_INPUT_BYTES } });
    return { problem, tooLarge: true };
  }
  await pause();
  if (jsonDepthOffset(source, MAX_JSON_DEPTH) >= 0) {
    return { problem: t('core.invalid.too-deep', { invalid: { label: 'core.invalid.subject.scenario' }, path, limit: MAX_JSON_DEPTH }) };
  }
  await pause();
  let scenario;
  try {
    scenario = JSON.parse(source);
  } catch {
    return { problem: jsonProblem(t, source, path) };
  }
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) {
    return { problem: t('queue.view.bad-json', { detail: t('queue.view.json-object') }) };
  }
  return { scenario };
}
