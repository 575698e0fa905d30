<?php
// Builds the messages of messages.json with PHPMailer (Debian's libphp-phpmailer,
// the library the hosting guides show), default settings, without sending: preSend()
// builds the message, getSentMIMEMessage() returns it as PHPMailer would hand it over.
// PHPMailer adds Date, Message-ID and X-Mailer itself.
//
// Two things a contact-form script has that the command line lacks, set as a web request
// would: $_SERVER['SERVER_NAME'] (PHPMailer's Message-ID domain; without it the result
// would depend on the test machine's host name), and, for the accented message only,
// CharSet = UTF-8: PHPMailer's default is ISO-8859-1, which cannot hold Polish letters, and
// its documentation tells non-Latin-1 senders to set it.
//
// usage: php phpmailer.php OUTDIR PDF
use PHPMailer\PHPMailer\PHPMailer;

require '/usr/share/php/libphp-phpmailer/autoload.php';

if ($argc !== 3) {
    fwrite(STDERR, "usage: php phpmailer.php OUTDIR PDF\n");
    exit(2);
}
[$out, $pdfPath] = [$argv[1], $argv[2]];
$pdf = file_get_contents($pdfPath);
$_SERVER['SERVER_NAME'] = 'www.example.com';
$messages = json_decode(file_get_contents(__DIR__ . '/messages.json'), true, 512, JSON_THROW_ON_ERROR);

foreach ($messages as $name => $spec) {
    if ($name[0] === '_') {
        continue;
    }
    $mail = new PHPMailer(true);
    if ($name === 'accented') {
        $mail->CharSet = PHPMailer::CHARSET_UTF8;
    }
    $mail->setFrom($spec['from']['address'], $spec['from']['name']);
    $mail->addAddress($spec['to']['address'], $spec['to']['name']);
    if (isset($spec['replyTo'])) {
        $mail->addReplyTo($spec['replyTo']['address'], $spec['replyTo']['name']);
    }
    $mail->Subject = $spec['subject'];
    if (isset($spec['html'])) {
        $mail->isHTML(true);
        $mail->Body = $spec['html'];
        $mail->AltBody = $spec['text'];
    } else {
        $mail->Body = $spec['text'];
    }
    if (isset($spec['attachment'])) {
        $a = $spec['attachment'];
        $mail->addStringAttachment($pdf, $a['filename'], PHPMailer::ENCODING_BASE64, $a['contentType']);
    }
    $mail->preSend();
    file_put_contents("$out/$name.eml", $mail->getSentMIMEMessage());
}
