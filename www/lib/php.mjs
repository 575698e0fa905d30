// The guide's PHP test script ("tester l'envoi d'un e-mail via un script de test",
// seed 002), filled with the user's addresses. The guide asks for the same sending
// address twice in $headers: in From and in Reply-To. The code is the guide's in
// every language; its texts (subject, body, the two echo lines) are the engine's
// catalogue texts `ui.ts.script.*` in the reader's language (`say`).

/** A PHP double-quoted string literal: backslash, quote and `$` escaped, no raw control characters. */
export function phpString(value) {
  return '"' + String(value)
    .replace(/[\\"$]/g, (c) => '\\' + c)
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/[\x00-\x1f\x7f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0')) + '"';
}

/** A display name safe inside `From: Name <addr>`: quoted when it holds specials (RFC 5322 §3.2.3). */
export function displayName(name) {
  const clean = String(name).replace(/[\r\n]+/g, ' ').trim();
  if (!clean) return '';
  return /[()<>\[\]:;@\\,."]/.test(clean) ? '"' + clean.replace(/["\\]/g, '\\$&') + '"' : clean;
}

/** A rough mailbox check (local@domain.tld, no spaces or line breaks), enough to catch typos. */
export function looksLikeAddress(address) {
  return /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(String(address).trim());
}

/** The four mail() arguments the test script passes, as PHP would receive them; `say(id)` gives a catalogue text. */
export function testMailCall({ to, from, name }, say) {
  const sender = String(from).trim();
  const label = displayName(name || 'Website');
  return {
    to: String(to).trim(),
    subject: say('ui.ts.script.subject'),
    message: say('ui.ts.script.content'),
    headers: `From: ${label} <${sender}>\r\nReply-To: ${sender}`,
  };
}

/** The script text, as in the guide, with the user's addresses and texts in the reader's language. */
export function testScript(fields, say) {
  const call = testMailCall(fields, say);
  return [
    '<?php',
    `$to = ${phpString(call.to)};`,
    `$subject = ${phpString(call.subject)};`,
    `$content = ${phpString(call.message)};`,
    `$headers = ${phpString(call.headers)};`,
    '',
    'if (mail($to, $subject, $content, $headers))',
    `echo ${phpString(say('ui.ts.script.sent'))};`,
    'else',
    `echo ${phpString(say('ui.ts.script.failed'))};`,
    '?>',
    '',
  ].join('\n');
}
