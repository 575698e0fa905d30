// PHP mail() as a real client: Debian's php-cli runs the hosting guide's own test
// script (seed 002, "tester l'envoi d'un e-mail via un script de test") with
// sendmail_path pointing at a capture script, and the captured message is linted.
// lintPhpMail() with the same four arguments must give the same findings, apart
// from the fields the MTA adds (Date, Message-ID).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { pkg, ruleIds, tempDir } from './helpers.mjs';
import { testScript } from '../../www/lib/php.mjs';

const php = spawnSync('php', ['-n', '-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
const skip = php.error || php.status !== 0 ? 'php-cli is not installed (make setup installs it)' : false;

/** Fields a real MTA (postfix, exim) adds to what PHP pipes in when they are missing. */
const MTA_ADDED = ['Date', 'Message-ID'];

// The capture script stands in for sendmail: it records the arguments PHP passes
// and the message, with Date and Message-ID added as the MTA would. (A real MTA
// would also invent a From; the stand-in does not, so a missing From stays visible.)
const CAPTURE_SCRIPT = `#!/bin/sh
printf '%s\\n' "$*" > "$CAPTURE_DIR/args"
{ printf 'Date: Tue, 24 Nov 2026 10:00:00 +0000\\r\\nMessage-ID: <captured.1@example.com>\\r\\n'; cat; } > "$CAPTURE_DIR/captured.eml"
`;

/** The guide's script, with its four variables given as PHP expressions. */
function guideScript({ to = '"RecipientEmail@adress.tld"', subject = '"Test mail PHP"',
  content = '"The body/content of the Email"',
  headers = '"From: Website <SendingEmail@address.tld>\\r\\nReply-To: SendingEmail@address.tld"', prelude = '' } = {}) {
  return `<?php
${prelude}
$to = ${to}; 
$subject = ${subject}; 
$content = ${content};
$headers = ${headers};

if (mail($to, $subject, $content, $headers))
echo "The email has been sent successfully!";
else
echo "Email did not leave correctly!";
?>
`;
}

/** Runs a PHP script through php-cli; returns the captured message and the four arguments PHP received. */
function runPhp(t, script, sent = 'The email has been sent successfully!') {
  const dir = tempDir(t, 'mail-preflight-php-');
  const capture = join(dir, 'sendmail-capture.sh');
  writeFileSync(capture, CAPTURE_SCRIPT);
  chmodSync(capture, 0o755);
  // The script also prints its four arguments as JSON, so lintPhpMail gets exactly the same values.
  const dump = '\nfile_put_contents(getenv("CAPTURE_DIR") . "/call.json", json_encode([$to, $subject, $content, $headers]));\n';
  writeFileSync(join(dir, 'test.php'), script.replace('\nif (mail(', `${dump}if (mail(`));
  // PHP's default sendmail_path is "sendmail -t -i": the same flags, another program.
  const run = spawnSync('php', ['-n', '-d', `sendmail_path=${capture} -t -i`, join(dir, 'test.php')], {
    env: { ...process.env, CAPTURE_DIR: dir }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, sent);
  return {
    captured: readFileSync(join(dir, 'captured.eml')),
    call: JSON.parse(readFileSync(join(dir, 'call.json'), 'utf8')),
    args: readFileSync(join(dir, 'args'), 'utf8').trim(),
  };
}

/**
 * Findings without their offsets (the MTA's fields shift them), minus findings about
 * MTA-added fields: on the captured message, findings located on them; from
 * lintPhpMail, the engine's note that the mailer will add them (`*.mailer-adds`).
 */
function comparable(report) {
  return report.findings
    .filter((f) => !MTA_ADDED.includes(f.location.header) && !f.messageId.endsWith('.mailer-adds'))
    .map((f) => `${f.severity} ${f.ruleId} ${f.messageId} ${f.evidence}`)
    .sort();
}

test('the guide\'s test script: the captured message passes, and lintPhpMail agrees', { skip }, (t) => {
  const { captured, call, args } = runPhp(t, guideScript());
  assert.equal(args, '-t -i', 'PHP ran the capture script as its sendmail');
  assert.match(captured.toString(), /\r\nTo: RecipientEmail@adress\.tld\r\nSubject: Test mail PHP\r\nFrom: Website/);
  const report = pkg.lint(captured);
  assert.equal(report.verdict, 'pass', JSON.stringify(report.findings.map((f) => [f.ruleId, f.message])));
  const direct = pkg.lintPhpMail(...call);
  assert.deepEqual(comparable(direct), comparable(report));
  assert.equal(direct.verdict, report.verdict);
  // The rendering is PHP's, byte for byte, once the MTA's fields are removed.
  assert.equal(captured.toString().replace(/^Date: .*\r\nMessage-ID: .*\r\n/, ''), direct.source);
});

const injectionRules = [...ruleIds].filter((id) => id.includes('injection'));

test('header injection through the subject: PHP flattens it, lintPhpMail reports it', {
  skip,
}, (t) => {
  const { captured, call } = runPhp(t, guideScript({ subject: '"Test mail PHP\\r\\nBcc: everyone@example.net"' }));
  // PHP replaces the CR LF by spaces: the smuggled Bcc does not reach the MTA as a field…
  assert.match(captured.toString(), /\r\nSubject: Test mail PHP {2}Bcc: everyone@example\.net\r\n/);
  // …so nothing is refused, but the form lets line breaks through: lintPhpMail says so (info).
  const direct = pkg.lintPhpMail(...call);
  const injection = direct.findings.find((f) => injectionRules.includes(f.ruleId));
  assert.ok(injection, `one of ${injectionRules.join(', ')} in ${JSON.stringify(direct.findings.map((f) => f.ruleId))}`);
  assert.equal(injection.severity, 'info');
  assert.equal(injection.messageId, 'headers/injection.flattened');
  assert.notEqual(direct.verdict, 'fail');
});

test('missing From: both the captured message and lintPhpMail report it as an error', {
  skip,
}, (t) => {
  const { captured, call } = runPhp(t, guideScript({ headers: '"Reply-To: SendingEmail@address.tld"' }));
  assert.doesNotMatch(captured.toString(), /^From:/m);
  const report = pkg.lint(captured);
  const direct = pkg.lintPhpMail(...call);
  const missingFrom = (r) => r.findings.filter((f) => f.ruleId === 'headers/missing-field' && f.severity === 'error'
    && /\bFrom\b/.test(f.evidence));
  assert.equal(missingFrom(report).length, 1, JSON.stringify(report.findings.map((f) => [f.ruleId, f.evidence])));
  assert.equal(missingFrom(direct).length, 1);
  assert.equal(report.verdict, 'fail');
  assert.deepEqual(comparable(direct), comparable(report));
});

test('a 12 MB attachment built in PHP: size/total (error) and size/content, same as lintPhpMail', { skip }, (t) => {
  // The MIME message a PHP script builds by hand for an attachment, as the guides' readers do.
  const prelude = `$boundary = "=_preflight_boundary";
$file = str_repeat("\\x89PNG\\r\\n\\x1a\\n", 1500000);`;
  const content = `"--$boundary\\r\\nContent-Type: text/plain; charset=utf-8\\r\\n\\r\\nThe body/content of the Email\\r\\n"
  . "--$boundary\\r\\nContent-Type: image/png; name=\\"scan.png\\"\\r\\nContent-Transfer-Encoding: base64\\r\\n"
  . "Content-Disposition: attachment; filename=\\"scan.png\\"\\r\\n\\r\\n"
  . chunk_split(base64_encode($file), 76, "\\r\\n") . "--$boundary--"`;
  const headers = `"From: Website <SendingEmail@address.tld>\\r\\nReply-To: SendingEmail@address.tld\\r\\n"
  . "MIME-Version: 1.0\\r\\nContent-Type: multipart/mixed; boundary=\\"$boundary\\""`;
  const { captured, call } = runPhp(t, guideScript({ prelude, content, headers }));
  assert.ok(captured.length > 16_000_000, `captured ${captured.length} bytes`);
  const report = pkg.lint(captured);
  const total = report.findings.find((f) => f.ruleId === 'size/total');
  assert.equal(total?.severity, 'error');
  assert.ok(report.findings.some((f) => f.ruleId === 'size/content'));
  assert.equal(report.sizes.decoded >= 12_000_000, true);
  assert.equal(report.verdict, 'fail');
  const direct = pkg.lintPhpMail(...call);
  assert.deepEqual(comparable(direct).map((line) => line.split(' ').slice(0, 2).join(' ')),
    comparable(report).map((line) => line.split(' ').slice(0, 2).join(' ')));
});

test('unix (the default): a multi-line body reaches sendmail as given, after CRLF header lines; lintPhpMail renders exactly that',
  { skip }, (t) => {
    const { captured, call } = runPhp(t, guideScript({ content: '"Hello,\\nthe shop opens at 9.\\nSee you!"',
      headers: '"From: Website <SendingEmail@address.tld>\\r\\nReply-To: SendingEmail@address.tld \\r\\n"' }));
    const handed = captured.toString().replace(/^Date: .*\r\nMessage-ID: .*\r\n/, '');
    assert.match(handed, /\r\n\r\nHello,\nthe shop opens at 9\.\nSee you!\r\n$/, 'PHP >= 8: CRLF headers, the body as given');
    for (const options of [undefined, { php: { platform: 'unix' } }]) {
      assert.equal(pkg.lintPhpMail(...call, options).source, handed);
    }
  });

test('windows: Subject and To first, header line ends made CRLF, blank lines and Bcc out (php-src win32/sendmail.c)', () => {
  // TSendMail/PostHeader: php_win32_mail_trim_header unifies line ends and drops
  // blank lines; SendText takes the first Bcc field (with its folded lines) out of
  // the headers; PostHeader writes Subject, To, the headers, a blank line; the
  // message follows as given, then the CRLF before the final dot.
  const report = pkg.lintPhpMail('owner@example.com', 'Test mail PHP', 'Hello,\nsee you.',
    'From: Website <contact@example.com>\n\nBcc: spy@example.net,\r\n other@example.net\rReply-To: contact@example.com\n',
    { php: { platform: 'windows' } });
  assert.equal(report.source, 'Subject: Test mail PHP\r\nTo: owner@example.com\r\nFrom: Website <contact@example.com>\r\n'
    + 'Reply-To: contact@example.com\r\n\r\nHello,\nsee you.\r\n');
  const withTo = pkg.lintPhpMail('owner@example.com', 'Hi', 'x', 'To: Owner <owner@example.com>\r\nFrom: a@example.com',
    { php: { platform: 'windows' } });
  assert.equal((withTo.source.match(/^To:/gm) || []).length, 1, 'no second To when the headers have one');
});

test('the same call differs by platform exactly where PHP differs', () => {
  const call = ['owner@example.com', 'Hi', 'Body', 'From: a@example.com\nX-Mailer: PHP'];
  const unix = pkg.lintPhpMail(...call).source;
  const windows = pkg.lintPhpMail(...call, { php: { platform: 'windows' } }).source;
  assert.equal(unix, 'To: owner@example.com\r\nSubject: Hi\r\nFrom: a@example.com\nX-Mailer: PHP\r\n\r\nBody\r\n');
  assert.equal(windows, 'Subject: Hi\r\nTo: owner@example.com\r\nFrom: a@example.com\r\nX-Mailer: PHP\r\n\r\nBody\r\n');
  assert.throws(() => pkg.lintPhpMail(...call, { php: { platform: 'macos' } }), (error) => error.code === 'invalid-options');
});

test('the page\'s test script speaks the reader\'s language, with the guide\'s code unchanged, and its mail passes', (t) => {
  const fields = { to: 'me@personal.example', from: 'contact@bakery.example', name: 'Bakery' };
  const codeOf = (script) => script.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
  const english = testScript(fields, (id) => pkg.renderMessage(id, {}, 'en'));
  // The guide's own lines, in English.
  assert.ok(english.includes('$subject = "Test mail PHP";\n$content = "The body/content of the Email";'), english);
  assert.ok(english.includes('echo "The email has been sent successfully!";\nelse\necho "Email did not leave correctly!";'), english);
  for (const locale of ['fr', 'es', 'pl']) {
    const say = (id) => pkg.renderMessage(id, {}, locale);
    const script = testScript(fields, say);
    assert.equal(codeOf(script), codeOf(english), `${locale}: the code is the guide's`);
    for (const id of ['ui.ts.script.subject', 'ui.ts.script.content', 'ui.ts.script.sent', 'ui.ts.script.failed']) {
      assert.notEqual(say(id), pkg.renderMessage(id, {}, 'en'), `${locale}: ${id} is translated`);
      assert.ok(script.includes(say(id).replace(/[\\"$]/g, (c) => `\\${c}`)), `${locale}: ${id}`);
    }
    if (skip) continue;
    const { captured } = runPhp(t, script, say('ui.ts.script.sent'));
    assert.match(captured.toString(), new RegExp(`\r\nSubject: ${say('ui.ts.script.subject')}\r\n`));
    assert.notEqual(pkg.lint(captured).verdict, 'fail', `${locale}: the test mail itself must not fail`);
  }
});
