// The three ways in (SPEC §1): a raw message (typed, pasted, opened, dropped),
// the compose fields a form builder passes to Nodemailer, and a PHP mail() call.
// Each becomes a request the engine checks: {kind: 'raw', bytes, name},
// {kind: 'compose', compose}, {kind: 'php', call, platform}.

import { $, el } from '../lib/dom.mjs';
import { text, textWith, formatSize, formatNumber } from '../lib/i18n.mjs';
import { nameElement } from '../lib/names.mjs';
import { RawText, normalize, lineEndCounts, sourceFacts } from '../lib/raw-text.mjs';
import { keepBreaks, toVisible, fromVisible } from '../lib/visible-breaks.mjs';
import { MAX_INPUT_BYTES as ENGINE_MAX_INPUT_BYTES, utf8Length } from '../lib/limits.mjs';
import { mboxMessages } from '../lib/mbox.mjs';

/** The engine reads at most this much (lib/limits.mjs); larger files are refused unread. */
export { ENGINE_MAX_INPUT_BYTES };
/**
 * Text up to this many characters is shown in the box; larger messages are kept
 * aside and checked as they are (default, ours: pasting 5 MB into the box froze
 * the tab for 2.3 s, issue 20; 200,000 characters lay out without a pause).
 */
export const BOX_MAX_CHARS = 200_000;

const COMPOSE_FIELDS = [['from', 'c-from'], ['to', 'c-to'], ['replyTo', 'c-reply-to'], ['subject', 'c-subject'],
  ['text', 'c-text'], ['html', 'c-html']];
/**
 * Whether the compose form holds every field of `compose` (its fields and attachments; not
 * `headers`, `cc`, …): its boxes hold texts, so a list or an object there (an address list,
 * a group `{ name, group }`) would not be the example's.
 */
export function composeFormHolds(compose) {
  const boxes = new Set(COMPOSE_FIELDS.map(([key]) => key));
  return Object.entries(compose).every(([key, value]) => key === 'attachments' || (boxes.has(key) && typeof value === 'string'));
}
const ONE_LINE_FIELDS = ['c-from', 'c-to', 'c-reply-to', 'c-subject', 'p-to', 'p-subject'];
const PHP_FIELDS = [['to', 'p-to'], ['subject', 'p-subject'], ['message', 'p-message'], ['headers', 'p-headers']];

/**
 * Boxes of the compose and mail() forms that take whole bodies: text pasted or put in them
 * past BOX_MAX_CHARS is kept aside as the raw box keeps it (a 5 MB paste into the HTML box
 * held the tab 2.1–2.8 s and each key after it 0.35–0.5 s: audit defect 13), and checked as
 * given. `asideFields`: box id → the text kept aside for it.
 */
const LARGE_TEXT_FIELDS = ['c-text', 'c-html', 'p-message'];
const asideFields = new Map();

/** What a box holds: the text kept aside for it, else its value. */
const fieldValue = (id) => (asideFields.has(id) ? asideFields.get(id) : $(id).value);

/** Puts `value` in box `id`, or aside when it is too long for a box. */
function setField(id, value) {
  if (value.length > BOX_MAX_CHARS) {
    asideFields.set(id, value);
    $(id).value = '';
  } else {
    asideFields.delete(id);
    $(id).value = value;
  }
  $(`${id}-large`).hidden = !asideFields.has(id);
}

function guardLargeField(id) {
  const box = $(id);
  box.parentElement.after(el('p', { id: `${id}-large`, class: 'warn-note', hidden: true, dataset: { i18n: 'page.lint.field-large' }, text: text('page.lint.field-large') }));
  box.addEventListener('paste', (event) => {
    const pasted = event.clipboardData && event.clipboardData.getData('text/plain');
    if (!pasted || pasted.length + box.value.length <= BOX_MAX_CHARS) return;
    event.preventDefault();
    setField(id, pasted);
  });
  box.addEventListener('input', () => {
    // Put in other than by a paste (dropped, set by a script, inserted by an edit).
    if (box.value.length > BOX_MAX_CHARS) setField(id, box.value);
    // Typing in the emptied box replaces the text kept aside (an event that left it empty is no typing).
    else if (asideFields.has(id) && box.value !== '') setField(id, box.value);
  });
}

const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The raw message: the text model of the box, or bytes kept as read (file, large paste, link).
 * A text too long for the box is `aside` ({text, size}) while its bytes are `pending` (encodeInSteps).
 */
const raw = {
  model: new RawText(''), bytes: null, name: '', inBox: true, shown: '', origin: '', refused: '', othersIgnored: 0, aside: null, pending: null,
  facts: null, scanning: null,
};

/**
 * Reads the line ends and mailbox facts of the bytes or text kept out of the box
 * (lib/raw-text.mjs sourceFacts, a step per task): read at once, a 20 MB file held the
 * tab 0.42 s on a CPU four times slower, and Cancel waited for it (page audit). The note
 * under the box follows when they are known; a check waits for them (currentRequest).
 */
function scanKept() {
  const kept = raw.bytes || (raw.aside && raw.aside.text);
  raw.facts = null;
  raw.scanning = null;
  if (!kept) return;
  const scanning = sourceFacts(kept).then((facts) => {
    if (raw.scanning !== scanning) return;
    raw.facts = facts;
    raw.scanning = null;
    renderRawInfo();
  });
  raw.scanning = scanning;
}
/** Characters encoded per task when a large text is turned into bytes (ours: about 10 ms of work each). */
const ENCODE_STEP_CHARS = 1 << 21;
const marks = [];

/**
 * Attachments as Nodemailer takes them: `{filename, content}`, plus `contentType`
 * only when the browser knows it; Nodemailer (and the engine) otherwise guess it
 * from the name, as for an attached `.eml` (issue 20, flow 3).
 */
const composeFiles = { list: [] };

function utf8OrNull(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * `text` as UTF-8, encoded a slice at a time, each in a task of its own: 30 MB at once
 * held the main thread 0.34 s (TextEncoder.encode in Chromium). A slice never ends
 * between the two halves of a surrogate pair; a lone one is written U+FFFD, as encode() does.
 */
async function encodeInSteps(text, size) {
  const bytes = new Uint8Array(size);
  let read = 0;
  let written = 0;
  while (read < text.length) {
    let end = Math.min(text.length, read + ENCODE_STEP_CHARS);
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    written += encoder.encodeInto(text.slice(read, end), bytes.subarray(written)).written;
    read = end;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return bytes;
}

/**
 * Text too long for the box (pasted, dropped, set by a script or an autofill), kept
 * aside as a file is: the box is emptied and the note shown at once, and the bytes
 * follow (encodeInSteps); a check asked meanwhile waits for them (currentRequest).
 */
function setLargeText(text, name = '') {
  const size = utf8Length(text);
  const pending = encodeInSteps(text, size).then((bytes) => {
    if (raw.pending === pending) setRawBytes(bytes, name, 'paste');
  });
  raw.othersIgnored = 0;
  raw.bytes = null;
  raw.name = name;
  raw.origin = 'paste';
  raw.refused = '';
  raw.inBox = false;
  raw.model = new RawText('');
  raw.aside = { text, size };
  raw.pending = pending;
  scanKept();
  showModel();
}

/** Bytes read from a file, a link or a large paste: checked exactly as they are. */
export function setRawBytes(bytes, name = '', origin = 'file', othersIgnored = 0) {
  raw.aside = null;
  raw.pending = null;
  const decoded = bytes.length <= BOX_MAX_CHARS * 4 ? utf8OrNull(bytes) : null;
  raw.othersIgnored = othersIgnored;
  raw.bytes = bytes;
  raw.name = name;
  raw.origin = origin;
  raw.refused = '';
  raw.inBox = decoded !== null && decoded.length <= BOX_MAX_CHARS;
  raw.model = new RawText(raw.inBox ? decoded : '');
  scanKept();
  showModel();
}

/** Text given as a string (an example, a share link): line ends kept as given. */
export function setRawText(value, name = '') {
  if (value.length > BOX_MAX_CHARS) return setLargeText(value, name);
  raw.aside = null;
  raw.pending = null;
  raw.bytes = null;
  raw.name = name;
  raw.origin = '';
  raw.refused = '';
  raw.inBox = true;
  raw.model = new RawText(value);
  scanKept();
  showModel();
}

/**
 * A file refused unread (past the engine's limit): the message loaded before goes, as
 * it is not the one the visitor opened, and the file is named under the box.
 */
export function refuseFile(name) {
  setRawText('');
  raw.refused = name;
  renderRawInfo();
}

function showModel() {
  const box = $('raw-input');
  box.value = raw.model.shown;
  raw.shown = box.value;
  renderRawInfo();
}

/** The note under the box: what is loaded, and which line ends it has (issue 20, flow 1). */
export function renderRawInfo() {
  const kept = raw.bytes || (raw.aside && raw.aside.text);
  const size = raw.bytes ? raw.bytes.length : raw.aside ? raw.aside.size : utf8Length(raw.model.raw);
  // The file's name is isolated and its hiding characters shown (lib/names.mjs).
  let info = [];
  if (raw.refused) info = textWith('ui.md.file', {}, { name: nameElement(raw.refused) });
  else if (kept && raw.origin === 'paste') info = [text('ui.lint.pasted-large', { size: formatSize(size) })];
  else if (raw.bytes && raw.name) {
    info = textWith(raw.inBox ? 'ui.lint.file-loaded' : 'ui.lint.file-loaded-large', { size: formatSize(size) }, { name: nameElement(raw.name) });
  }
  // Files dropped with this one are not checked: one message is checked at a time.
  if (raw.bytes && raw.name && raw.othersIgnored > 0) {
    info.push(` ${text('ui.lint.files-ignored', { count: raw.othersIgnored })}`);
  }
  $('file-info').replaceChildren(...info);
  $('raw-large-note').hidden = raw.inBox || !kept;
  // Kept bytes or text are read in steps (scanKept): until then nothing is said of them.
  const facts = kept ? raw.facts : { counts: lineEndCounts(raw.model.raw), mbox: mboxMessages(raw.model.raw) };
  const counts = facts ? facts.counts : { crlf: 0, lf: 0, cr: 0 };
  const any = counts.crlf + counts.lf + counts.cr > 0;
  $('line-ends').hidden = !any;
  $('line-ends').textContent = any ? text('ui.lint.line-ends', counts) : '';
  // A mailbox export: its first message is checked (lib/mbox.mjs), and the visitor is told so.
  const mbox = facts && facts.mbox;
  $('mbox-note').hidden = !mbox;
  $('mbox-note').textContent = mbox ? mboxText(mbox.count) : '';
}

/** "This is a mailbox export …; messages in it: N", in the current language. */
export const mboxText = (count) => `${text('page.lint.mbox')} ${text('page.lint.mbox-count')} ${formatNumber(count)}`;

/**
 * A raw request for `bytes`; an mbox of several messages gives its first message, with
 * `mbox: {count}` (a dropped mailbox export had been checked as one message whose body
 * held the others' envelopes and headers).
 */
function rawRequest(bytes, name, mbox = mboxMessages(bytes)) {
  if (!mbox) return { kind: 'raw', bytes, name };
  return { kind: 'raw', bytes: bytes.slice(0, mbox.firstEnd), name, mbox: { count: mbox.count } };
}

/** A file from the picker or a drop; refused unread when the engine could not take it. */
export async function readFile(file) {
  if (file.size > ENGINE_MAX_INPUT_BYTES) {
    // The engine's own error, with its id and parameters (rendered again on a change of language).
    const params = { size: { megabytes: file.size }, limit: { megabytes: ENGINE_MAX_INPUT_BYTES } };
    const error = new Error(text('core.error.input-too-large', params));
    throw Object.assign(error, { code: 'input-too-large', messageId: 'core.error.input-too-large', params });
  }
  return new Uint8Array(await file.arrayBuffer());
}

/** The box is the message now: the file read, or refused, before is forgotten. */
function forgetFile() {
  raw.aside = null;
  raw.pending = null;
  raw.othersIgnored = 0;
  raw.bytes = null;
  raw.name = '';
  raw.refused = '';
  raw.facts = null;
  raw.scanning = null;
}

function setupRawBox() {
  const box = $('raw-input');
  box.addEventListener('input', () => {
    // An input event that changed nothing is no typing: Chromium fires one per line break of a
    // text inserted by an edit (execCommand('insertText'), an IME, Playwright's fill), and the
    // ones after the first, which moved the text aside, found the box emptied and forgot the
    // text (audit defect 01).
    if (box.value === raw.shown) return;
    if (!raw.inBox) {
      // Typing into the emptied box starts a new message in place of the loaded one.
      raw.model = new RawText('');
      raw.inBox = true;
    }
    raw.model.edit(raw.shown, box.value);
    // Text put in the box other than by the paste handler (dropped, set by a script or an
    // autofill) past what the box shows is kept aside as a large paste is: left in the box,
    // 30 MB froze the tab for 7 s (hostile-input report, item 9).
    if (box.value.length > BOX_MAX_CHARS) {
      setLargeText(raw.model.raw);
      return;
    }
    raw.shown = box.value;
    forgetFile();
    renderRawInfo();
  });
  box.addEventListener('paste', (event) => {
    const pasted = event.clipboardData && event.clipboardData.getData('text/plain');
    if (!pasted) return;
    event.preventDefault();
    if (pasted.length + box.value.length > BOX_MAX_CHARS) {
      setLargeText(pasted);
      return;
    }
    if (!raw.inBox) setRawText('');
    const start = box.selectionStart;
    const end = box.selectionEnd;
    raw.model.replace(start, end, pasted);
    forgetFile();
    box.setRangeText(normalize(pasted), start, end, 'end');
    raw.shown = box.value;
    renderRawInfo();
  });
}

function composeRequest() {
  const compose = {};
  for (const [key, id] of COMPOSE_FIELDS) {
    const value = fromVisible(fieldValue(id));
    if (value !== '') compose[key] = value;
  }
  const files = composeFiles.list;
  if (files.length) compose.attachments = files.map((f) => ({ ...f }));
  return { kind: 'compose', compose };
}

/**
 * Files picked as attachments are added to those listed (the picker is emptied after each
 * pick, so each pick adds; each file listed has its Remove button). A file past the engine's
 * limit is left out and named in the error (audit defect 09: it was refused unnamed).
 */
async function readComposeFiles(files) {
  let refused = null;
  for (const file of files) {
    try {
      const entry = { filename: file.name, content: await readFile(file) };
      if (file.type) entry.contentType = file.type;
      composeFiles.list.push(entry);
    } catch (err) {
      refused = refused || Object.assign(err, { fileName: file.name });
    }
  }
  renderComposeFiles();
  if (refused) throw refused;
}

/** Bytes of an attachment as Nodemailer takes it (bytes, base64 or text), or null when it has no content. */
function attachmentSize({ content, encoding }) {
  if (content instanceof Uint8Array) return content.length;
  if (typeof content !== 'string') return null;
  if (encoding === 'base64') return Math.floor((content.replace(/[^A-Za-z0-9+/]/g, '').length * 3) / 4);
  return encoder.encode(content).length;
}

/** The attachments with their sizes, in the current language (picked, or restored from a link or the history). */
export function renderComposeFiles() {
  $('c-attachment-list').replaceChildren(...composeFiles.list.map((f, index) => {
    const size = attachmentSize(f);
    const name = nameElement(f.filename || '', { id: `c-attachment-${index}`, class: 'attachment-name' });
    // Its accessible name is "Remove" and the file's name, read from the list (WCAG 2.4.6).
    const remove = el('button', {
      type: 'button', id: `c-attachment-remove-${index}`, class: 'secondary small attachment-remove',
      'aria-labelledby': `c-attachment-remove-${index} c-attachment-${index}`, text: text('queue.view.form.remove'),
      onclick: () => {
        composeFiles.list.splice(index, 1);
        renderComposeFiles();
        $('c-attachments').focus();
      },
    });
    return el('li', {}, [name, size === null ? '' : ` — ${formatSize(size)}`, ' ', remove]);
  }));
}

function phpRequest() {
  const call = {};
  for (const [key, id] of PHP_FIELDS) call[key] = id === 'p-headers' || id === 'p-message' ? fieldValue(id) : fromVisible($(id).value);
  // One header per line in the box; a PHP script joins them with "\r\n" (RFC 5322 §2.1).
  call.headers = call.headers.replace(/\r?\n/g, '\r\n');
  // The body's line ends as the script has them: CRLF from a form field (browsers send a
  // <textarea> with CRLF: HTML "constructing the entry list"), LF when written "\n" in the script.
  if ($('p-message-eol').value === 'crlf') call.message = call.message.replace(/\r?\n/g, '\r\n');
  return { kind: 'php', call, platform: $('p-platform').value };
}

/**
 * The request for what the visitor filled in, in the current mode; `null` when it is
 * empty; a promise of it while a large text is being encoded (setLargeText).
 */
export function currentRequest(mode) {
  if (mode === 'raw' && raw.pending) return raw.pending.then(() => currentRequest(mode));
  if (mode === 'compose') {
    const request = composeRequest();
    return Object.keys(request.compose).length ? request : null;
  }
  if (mode === 'php') {
    const request = phpRequest();
    return Object.values(request.call).some((v) => v.trim() !== '') ? request : null;
  }
  // An opened file is checked even when empty: the engine says it is not a message, as the CLI does.
  if (raw.bytes && raw.scanning) return raw.scanning.then(() => currentRequest(mode));
  if (raw.bytes) return rawRequest(raw.bytes, raw.name, raw.facts ? raw.facts.mbox : undefined);
  if (raw.model.raw.trim() === '') return null;
  return rawRequest(encoder.encode(raw.model.raw), raw.name);
}

/** Puts a request (from an example, a share link, the history) back into the form. */
export function fillRequest(request) {
  if (request.kind === 'raw') {
    if (request.text !== undefined) setRawText(request.text, request.name || '');
    else setRawBytes(request.bytes, request.name || '', request.origin || 'file');
  } else if (request.kind === 'compose') {
    for (const [key, id] of COMPOSE_FIELDS) {
      const value = typeof request.compose[key] === 'string' ? request.compose[key] : '';
      if (key === 'text' || key === 'html') setField(id, value);
      else $(id).value = toVisible(value);
    }
    const attachments = request.compose.attachments;
    composeFiles.list = Array.isArray(attachments) ? attachments.map((a) => ({ ...a })) : [];
    renderComposeFiles();
  } else if (request.kind === 'php') {
    for (const [key, id] of PHP_FIELDS) {
      const value = request.call[key] || '';
      if (id === 'p-message') setField(id, value.replace(/\r\n/g, '\n'));
      else $(id).value = id === 'p-headers' ? value.replace(/\r\n/g, '\n') : toVisible(value);
    }
    $('p-message-eol').value = /\r\n/.test(request.call.message || '') || !/\n/.test(request.call.message || '') ? 'crlf' : 'lf';
    if (request.platform) $('p-platform').value = request.platform;
  }
  for (const mark of marks) mark();
}

/** A drag that carries files (not text or a link). */
const carriesFiles = (event) => Boolean(event.dataTransfer) && [...event.dataTransfer.types].includes('Files');

export function setupLintInput({ onFile, onError }) {
  setupRawBox();
  for (const id of LARGE_TEXT_FIELDS) guardLargeField(id);
  for (const id of ONE_LINE_FIELDS) marks.push(keepBreaks($(id)));
  // The input is emptied once its file is taken, so picking the same file again (edited
  // on disk since) is a change and is checked again.
  $('eml-file').addEventListener('change', (e) => {
    const [file] = e.target.files;
    e.target.value = '';
    onFile(file);
  });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  // Only files are taken: text dragged into a box lands there as the browser puts it.
  // A file dropped anywhere on the page is checked (the check view comes forward), instead
  // of the browser leaving the page to show it (and losing what was typed).
  document.addEventListener('dragover', (e) => {
    if (carriesFiles(e)) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    zone.classList.remove('dragging');
    if (e.dataTransfer.files.length) onFile(e.dataTransfer.files[0], e.dataTransfer.files.length - 1);
  });
  $('c-attachments').addEventListener('change', (e) => {
    const files = [...e.target.files];
    e.target.value = '';
    readComposeFiles(files).catch(onError);
  });
}
