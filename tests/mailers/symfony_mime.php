<?php
// Builds the messages of messages.json with Symfony Mime (Debian's php-symfony-mime),
// default settings, and writes `$email->toString()` as it is. Symfony adds Date and
// Message-ID itself (the Message-ID domain is the sender's).
//
// usage: php symfony_mime.php OUTDIR PDF
use Symfony\Component\Mime\Address;
use Symfony\Component\Mime\Email;

require '/usr/share/php/Symfony/Component/Mime/autoload.php';
// Address validates with egulias/email-validator (Debian's php-email-validator), which
// Composer would install beside symfony/mime; Debian only suggests it.
require '/usr/share/php/Egulias/EmailValidator/autoload.php';

if ($argc !== 3) {
    fwrite(STDERR, "usage: php symfony_mime.php OUTDIR PDF\n");
    exit(2);
}
[$out, $pdfPath] = [$argv[1], $argv[2]];
$pdf = file_get_contents($pdfPath);
$messages = json_decode(file_get_contents(__DIR__ . '/messages.json'), true, 512, JSON_THROW_ON_ERROR);

foreach ($messages as $name => $spec) {
    if ($name[0] === '_') {
        continue;
    }
    $email = (new Email())
        ->from(new Address($spec['from']['address'], $spec['from']['name']))
        ->to(new Address($spec['to']['address'], $spec['to']['name']))
        ->subject($spec['subject'])
        ->text($spec['text']);
    if (isset($spec['replyTo'])) {
        $email->replyTo(new Address($spec['replyTo']['address'], $spec['replyTo']['name']));
    }
    if (isset($spec['html'])) {
        $email->html($spec['html']);
    }
    if (isset($spec['attachment'])) {
        $email->attach($pdf, $spec['attachment']['filename'], $spec['attachment']['contentType']);
    }
    file_put_contents("$out/$name.eml", $email->toString());
}
