<?php
// Builds the bulk message of bulk.json with PHPMailer (Debian's libphp-phpmailer)
// and its built-in DKIM signer (rsa-sha256, relaxed/relaxed), without sending:
// preSend() builds and signs, getSentMIMEMessage() returns the message. Writes the
// variants of tests/dkim_real_mailers.rs: correct.eml, visitor-from.eml,
// missing-post.eml, body-changed.eml (PHPMailer always signs From), and
// encoded-unsubscribe.eml: PHPMailer Q-encodes a custom header value longer than a
// line (encodeHeader), which turns a List-Unsubscribe with two URIs into RFC 2047
// encoded words receivers do not decode; the other variants keep the field to the
// https: URI alone, short enough to stay as written.
// PHPMailer signs a fixed list of fields plus DKIM_extraHeaders: the list fields
// are named there, as RFC 8058 needs them signed.
//
// usage: php phpmailer_bulk.php OUTDIR PRIVATE_KEY.pem
use PHPMailer\PHPMailer\PHPMailer;

require '/usr/share/php/libphp-phpmailer/autoload.php';

[$out, $keyPath] = [$argv[1], $argv[2]];
$_SERVER['SERVER_NAME'] = 'www.my-site.example';
$spec = json_decode(file_get_contents(__DIR__ . '/bulk.json'), true, 512, JSON_THROW_ON_ERROR);

function build(array $spec, array $sender, string $keyPath, bool $post = true, bool $long = false): string
{
    $mail = new PHPMailer(true);
    $mail->CharSet = PHPMailer::CHARSET_UTF8;
    $mail->setFrom($sender['address'], $sender['name']);
    $mail->addAddress($spec['to']['address'], $spec['to']['name']);
    $mail->Subject = $spec['subject'];
    $mail->isHTML(true);
    $mail->Body = $spec['html'];
    $mail->AltBody = $spec['text'];
    $mail->addCustomHeader('List-Id', $spec['listId']);
    $unsubscribe = $long ? $spec['listUnsubscribe'] : explode(', ', $spec['listUnsubscribe'])[0];
    $mail->addCustomHeader('List-Unsubscribe', $unsubscribe);
    $extra = ['List-Id', 'List-Unsubscribe'];
    if ($post) {
        $mail->addCustomHeader('List-Unsubscribe-Post', $spec['listUnsubscribePost']);
        $extra[] = 'List-Unsubscribe-Post';
    }
    $mail->DKIM_domain = 'my-site.example';
    $mail->DKIM_selector = 's1';
    $mail->DKIM_private = $keyPath;
    $mail->DKIM_extraHeaders = $extra;
    $mail->preSend();
    return $mail->getSentMIMEMessage();
}

$correct = build($spec, $spec['from'], $keyPath);
$changed = preg_replace('/' . preg_quote($spec['signed'], '/') . '/', $spec['edited'], $correct, 1);
if ($changed === $correct) {
    fwrite(STDERR, "the edited sentence was not found as written\n");
    exit(1);
}
$variants = [
    'correct' => $correct,
    'visitor-from' => build($spec, $spec['visitor'], $keyPath),
    'missing-post' => build($spec, $spec['from'], $keyPath, false),
    'body-changed' => $changed,
    'encoded-unsubscribe' => build($spec, $spec['from'], $keyPath, true, true),
];
foreach ($variants as $name => $raw) {
    file_put_contents("$out/$name.eml", $raw);
}
