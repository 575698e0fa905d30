<?php
// Builds the messages of messages.json with PHPMailer (Debian's libphp-phpmailer,
// the library the hosting guides show), default settings, without sending: preSend()
// builds the message, getSentMIMEMessage() returns it as PHPMailer would hand it over.
// PHPMailer adds Date, Message-ID and X-Mailer itself.
//
// Two things a contact-form script has that the command line lacks, set as a web request
// would: $_SERVER['SERVER_NAME'] (PHPMailer's Message-ID domain; without it the result
// would depend on the test machine's host name), and, for a message with a character
// ISO-8859-1 lacks (Polish, Japanese, Chinese, Russian, Arabic letters, emoji) only,
// CharSet = UTF-8: PHPMailer's default is ISO-8859-1, and its documentation tells
// non-Latin-1 senders to set it.
//
// The newsletter's list fields go through addCustomHeader (PHPMailer has no list API), which
// Q-encodes List-Unsubscribe, too long for its 'mail' line limit (a defect the test
// asserts); the inline logo through addStringEmbeddedImage, referenced as cid:<its cid>;
// the invitation through the Ical property, which PHPMailer writes as a text/calendar
// alternative (method read from the calendar's METHOD) and only in a message with an HTML
// body and AltBody. Cc and Bcc go through addCC and addBCC (with Mailer 'mail', PHPMailer
// writes Bcc in the header for sendmail to act on), In-Reply-To and References through
// addCustomHeader (PHPMailer has no property for them); a file through addAttachment with
// its path, or addStringAttachment when it is given as text; a forwarded message through
// addStringAttachment with the type message/rfc822 and the default encoding.
//
// usage: php phpmailer.php OUTDIR PDF PNG
use PHPMailer\PHPMailer\PHPMailer;

require '/usr/share/php/libphp-phpmailer/autoload.php';

if ($argc !== 4) {
    fwrite(STDERR, "usage: php phpmailer.php OUTDIR PDF PNG\n");
    exit(2);
}
[$out, $pdfPath, $pngPath] = [$argv[1], $argv[2], $argv[3]];
// The attached files are in the PDF's folder, each under its own name.
$folder = dirname($pdfPath);
$png = file_get_contents($pngPath);
$_SERVER['SERVER_NAME'] = 'www.example.com';
$messages = json_decode(file_get_contents(__DIR__ . '/messages.json'), true, 512, JSON_THROW_ON_ERROR);

foreach ($messages as $name => $spec) {
    if ($name[0] === '_') {
        continue;
    }
    $mail = new PHPMailer(true);
    if (preg_match('/[^\x{0}-\x{FF}]/u', json_encode($spec, JSON_UNESCAPED_UNICODE))) {
        $mail->CharSet = PHPMailer::CHARSET_UTF8;
    }
    $mail->setFrom($spec['from']['address'], $spec['from']['name']);
    $mail->addAddress($spec['to']['address'], $spec['to']['name']);
    foreach ($spec['cc'] ?? [] as $person) {
        $mail->addCC($person['address'], $person['name']);
    }
    foreach ($spec['bcc'] ?? [] as $person) {
        $mail->addBCC($person['address'], $person['name']);
    }
    foreach (['In-Reply-To' => 'inReplyTo', 'References' => 'references'] as $field => $key) {
        if (isset($spec[$key])) {
            $mail->addCustomHeader($field, $spec[$key]);
        }
    }
    if (isset($spec['replyTo'])) {
        $mail->addReplyTo($spec['replyTo']['address'], $spec['replyTo']['name']);
    }
    $mail->Subject = $spec['subject'];
    if (isset($spec['listUnsubscribe'])) {
        $mail->addCustomHeader('List-Id', $spec['listId']);
        $mail->addCustomHeader('List-Unsubscribe', implode(', ', array_map(fn ($uri) => "<$uri>", $spec['listUnsubscribe'])));
        $mail->addCustomHeader('List-Unsubscribe-Post', $spec['listUnsubscribePost']);
    }
    if (isset($spec['html'])) {
        $mail->isHTML(true);
        $mail->Body = $spec['html'];
        $mail->AltBody = $spec['text'];
        if (isset($spec['image'])) {
            $i = $spec['image'];
            $mail->Body = str_replace('{logo}', "cid:{$i['cid']}", $spec['html']);
            $mail->addStringEmbeddedImage($png, $i['cid'], $i['filename'], PHPMailer::ENCODING_BASE64, $i['contentType']);
        }
        if (isset($spec['calendar'])) {
            $mail->Ical = $spec['calendar']['content'];
        }
    } else {
        $mail->Body = $spec['text'];
    }
    if (isset($spec['attachment'])) {
        $a = $spec['attachment'];
        if (isset($a['content'])) {
            $mail->addStringAttachment($a['content'], $a['filename'], PHPMailer::ENCODING_BASE64, $a['contentType']);
        } else {
            $mail->addAttachment("$folder/{$a['filename']}", $a['filename'], PHPMailer::ENCODING_BASE64, $a['contentType']);
        }
    }
    if (isset($spec['forward'])) {
        $mail->addStringAttachment($spec['forward']['message'], $spec['forward']['filename'], PHPMailer::ENCODING_BASE64, 'message/rfc822');
    }
    $mail->preSend();
    file_put_contents("$out/$name.eml", $mail->getSentMIMEMessage());
}
