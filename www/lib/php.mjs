// The guide's PHP test script ("tester l'envoi d'un e-mail via un script de test",
// seed 002), filled with the user's addresses. The guide asks for the same sending
// address twice in $headers: in From and in Reply-To.

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

/** The four mail() arguments the test script passes, as PHP would receive them. */
export function testMailCall({ to, from, name }) {
  const sender = String(from).trim();
  const label = displayName(name || 'Website');
  return {
    to: String(to).trim(),
    subject: 'Test mail PHP',
    message: 'The body/content of the Email',
    headers: `From: ${label} <${sender}>\r\nReply-To: ${sender}`,
  };
}

/** The script text, as in the guide, with the user's addresses. */
export function testScript(fields) {
  const call = testMailCall(fields);
  return [
    '<?php',
    `$to = ${phpString(call.to)};`,
    `$subject = ${phpString(call.subject)};`,
    `$content = ${phpString(call.message)};`,
    `$headers = ${phpString(call.headers)};`,
    '',
    'if (mail($to, $subject, $content, $headers))',
    'echo "The email has been sent successfully!";',
    'else',
    'echo "Email did not leave correctly!";',
    '?>',
    '',
  ].join('\n');
}
