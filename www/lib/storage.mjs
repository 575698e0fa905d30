// The page's use of localStorage (the language chosen, the checklist's ticks, the
// visitor's own rules, the recent checks), guarded: with site data blocked
// (Chromium "Don't allow sites to save data", cookies blocked) merely reading
// `window.localStorage` throws a SecurityError (HTML Standard, "The localStorage
// getter": "If the request violates a policy decision, throw a SecurityError"),
// and the page never started (audit defect 12). Without storage the page works
// and remembers nothing; `storageUsable()` lets it say so where it would have.

/** The store, or null when the browser refuses it. */
function store() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Whether what the page keeps is kept: the store is there and takes a write. */
export function storageUsable() {
  if (!writeStored('mail-preflight.probe', '1')) return false;
  removeStored('mail-preflight.probe');
  return true;
}

/** The value kept under `key`, or null (none kept, or no storage). */
export function readStored(key) {
  try {
    const s = store();
    return s ? s.getItem(key) : null;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; false when it could not be kept (storage refused or full). */
export function writeStored(key, value) {
  try {
    const s = store();
    if (!s) return false;
    s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Forgets what is kept under `key` (nothing to do without storage). */
export function removeStored(key) {
  try {
    const s = store();
    if (s) s.removeItem(key);
  } catch { /* nothing was kept */ }
}
