// "Mails not sent?": the guides' checklist (ticks kept in this browser), the
// guide's PHP test script with the visitor's addresses, and the SMTP settings check.

import { $, el } from '../lib/dom.mjs';
import { text } from '../lib/i18n.mjs';
import { testScript, testMailCall, looksLikeAddress } from '../lib/php.mjs';
import { readStored, writeStored, storageUsable } from '../lib/storage.mjs';

const STORAGE_CHECKLIST = 'mail-preflight.checklist';

function savedTicks() {
  try {
    return JSON.parse(readStored(STORAGE_CHECKLIST) || '{}');
  } catch {
    return {};
  }
}

const boxes = () => [...document.querySelectorAll('.checklist input[type=checkbox]')];

export function setupTroubleshoot(ctx) {
  const { engine, state } = ctx;

  // With site data blocked (lib/storage.mjs) the ticks last as long as the tab, and the progress line says so.
  const kept = storageUsable();

  function renderProgress() {
    const all = boxes();
    const progress = text('ui.ts.progress', { done: all.filter((b) => b.checked).length, total: all.length });
    $('checklist-progress').textContent = kept ? progress : `${progress} ${text('page.storage.checklist-off')}`;
  }

  function fields() {
    return { to: $('ts-to').value, from: $('ts-from').value, name: $('ts-name').value };
  }

  function withDefaults(f) {
    return { to: f.to || 'RecipientEmail@adress.tld', from: f.from || 'SendingEmail@address.tld', name: f.name || 'Website' };
  }

  function renderScript() {
    const f = fields();
    const problems = [];
    if (f.to && !looksLikeAddress(f.to)) problems.push(text('ui.ts.test.bad-to'));
    if (f.from && !looksLikeAddress(f.from)) problems.push(text('ui.ts.test.bad-from'));
    $('ts-problem').textContent = problems.join(' ');
    $('ts-problem').hidden = problems.length === 0;
    $('ts-script').textContent = testScript(withDefaults(f), text);
  }

  // The ticks are restored before anything counts them (issue 20, flow 6).
  const saved = savedTicks();
  for (const box of boxes()) {
    box.checked = !!saved[box.dataset.step];
    box.addEventListener('change', () => {
      const now = savedTicks();
      now[box.dataset.step] = box.checked;
      writeStored(STORAGE_CHECKLIST, JSON.stringify(now));
      renderProgress();
    });
  }
  for (const id of ['ts-to', 'ts-from', 'ts-name']) $(id).addEventListener('input', renderScript);
  // What "Copy the script" said, kept so a change of language says it again.
  let copied = '';
  const sayCopied = (key) => {
    copied = key;
    $('ts-copied').textContent = key ? text(key) : '';
  };
  $('ts-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('ts-script').textContent);
      sayCopied('ui.ts.test.copied');
    } catch {
      const range = document.createRange();
      range.selectNodeContents($('ts-script'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      sayCopied('ui.ts.test.selected');
    }
  });
  $('ts-lint').addEventListener('click', async () => {
    location.hash = '#lint/php';
    await ctx.lint.open({ kind: 'php', call: testMailCall(withDefaults(fields()), text), platform: $('p-platform').value });
  });
  // The settings last checked: their result is the engine's, in the language of the check, so a
  // change of language checks them again (audit defect 03).
  let checked = null;
  $('smtp-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const settings = { transport: $('smtp-transport').value, security: $('smtp-security').value };
    if ($('smtp-host').value.trim()) settings.host = $('smtp-host').value.trim();
    if ($('smtp-port').value) settings.port = Number($('smtp-port').value);
    if ($('smtp-from').value.trim()) settings.from = $('smtp-from').value.trim();
    checked = settings;
    // Kept for the SMTP reply explainer (views/explain.mjs), which reads a reply with them.
    state.smtpSettings = settings;
    checkSettings(settings);
  });

  async function checkSettings(settings) {
    const out = $('smtp-result');
    try {
      const result = await engine.call('checkSmtpSettings', [settings, state.locale]);
      const findings = Array.isArray(result) ? result : result.findings || [];
      out.replaceChildren(findings.length
        ? el('ul', { class: 'findings' }, findings.map((f) => el('li', { class: `finding sev-${f.severity}`, dataset: { rule: f.ruleId } }, [
          el('span', { class: `badge sev-${f.severity}`, text: text(`core.severity.${f.severity}`) }), ' ',
          el('code', { translate: 'no', text: f.ruleId }), ' ', el('span', { text: f.message }),
          el('p', { class: 'hint', text: f.fix }),
        ])))
        : el('p', { class: 'pass-note', text: text('ui.ts.smtp.ok') }));
    } catch (err) {
      out.replaceChildren(el('p', { class: 'error', text: text('ui.ts.smtp.failed', { detail: err.message }) }));
    }
  }
  renderProgress();
  renderScript();

  return {
    relocalize() {
      renderProgress();
      renderScript();
      sayCopied(copied);
      if (checked) checkSettings(checked);
    },
  };
}
