// Keeping and sharing a report: copy as Markdown, download JSON or SARIF,
// print (style.css has the print sheet), and a link that carries the message
// in its fragment (lib/share.mjs), never sent to a server.

import { $, download } from '../lib/dom.mjs';
import { text } from '../lib/i18n.mjs';
import { toMarkdown, toSarif } from '../lib/report-export.mjs';
import { mboxText } from './lint-input.mjs';
import { shareFragment } from '../lib/share.mjs';

/** `invoice.eml` → `invoice`; a name for the downloaded report files. */
const baseName = (name) => (name || 'message').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'message';

export function setupReportActions(ctx) {
  const { state } = ctx;
  // The last status said, `{key, params}`, so a change of language says it again (audit defect 06).
  let said = null;
  const status = (key, params) => {
    said = key ? { key, params } : null;
    $('report-action-status').textContent = key ? text(key, params) : '';
  };

  async function copy(value, box) {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch {
      // No clipboard permission: show the text selected, ready for Ctrl+C.
      box.value = value;
      box.hidden = false;
      box.focus();
      box.select();
      return false;
    }
  }

  $('copy-markdown').addEventListener('click', async () => {
    const shown = ctx.report.current();
    // A mailbox export's report says, as the page does, that it is the first message's.
    const mbox = shown.request && shown.request.mbox;
    const markdown = toMarkdown(shown.report, { name: shown.request && shown.request.name, note: mbox ? mboxText(mbox.count) : '' });
    status(await copy(markdown, $('copy-fallback')) ? 'ui.actions.copied' : 'ui.actions.select-copy');
  });
  $('download-json').addEventListener('click', () => {
    const shown = ctx.report.current();
    download(`${baseName(shown.request && shown.request.name)}.preflight.json`, JSON.stringify(shown.report, null, 2) + '\n', 'application/json');
  });
  $('download-sarif').addEventListener('click', () => {
    const shown = ctx.report.current();
    const name = shown.request && shown.request.name;
    const sarif = toSarif(shown.report, { bytes: shown.linted, name: name || 'message.eml', rules: state.rules });
    download(`${baseName(name)}.sarif`, JSON.stringify(sarif, null, 2) + '\n', 'application/sarif+json');
  });
  $('print-report').addEventListener('click', () => window.print());
  $('share-link').addEventListener('click', async () => {
    const shown = ctx.report.current();
    const fragment = await shareFragment(shown.request);
    if (!fragment) {
      status('ui.actions.share-too-large');
      return;
    }
    const url = `${location.origin}${location.pathname}#${fragment}`;
    $('share-url').value = url;
    $('share-url').hidden = false;
    status(await copy(url, $('share-url')) ? 'ui.actions.share-copied' : 'ui.actions.select-copy');
  });

  return {
    /** The same report in a new language: the status is said again in it. */
    relocalize() {
      if (said) status(said.key, said.params);
    },
    /** A new report: the previous status and link no longer apply. */
    reset() {
      status(null);
      $('share-url').hidden = true;
      $('share-url').value = '';
      $('copy-fallback').hidden = true;
    },
  };
}
