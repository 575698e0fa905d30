<?php
// Builds the messages of messages.json with Symfony Mime (Debian's php-symfony-mime),
// default settings, and writes `$email->toString()` as it is. Symfony adds Date and
// Message-ID itself (the Message-ID domain is the sender's).
//
// The newsletter's list fields are text headers (Symfony has no list API); the inline logo
// is embed()ded and referenced as cid:<its name>, which Symfony rewrites to the Content-ID
// it generates; the invitation is attach()ed as invite.ics: Symfony Mime 5.4 has no
// calendar part (a text/calendar alternative needs a TextPart subclass). Cc and Bcc are
// cc() and bcc() (toString() keeps Bcc; the mailer's envelope drops it), In-Reply-To and
// References text headers (Symfony 5.4 maps both to UnstructuredHeader); a file is
// attachFromPath()ed, or attach()ed when it is given as text; a forwarded message is a
// MessagePart (message/rfc822, kept as it is).
//
// usage: php symfony_mime.php OUTDIR PDF PNG
use Symfony\Component\Mime\Address;
use Symfony\Component\Mime\Email;
use Symfony\Component\Mime\Part\MessagePart;
use Symfony\Component\Mime\RawMessage;

require '/usr/share/php/Symfony/Component/Mime/autoload.php';
// Address validates with egulias/email-validator (Debian's php-email-validator), which
// Composer would install beside symfony/mime; Debian only suggests it.
require '/usr/share/php/Egulias/EmailValidator/autoload.php';

if ($argc !== 4) {
    fwrite(STDERR, "usage: php symfony_mime.php OUTDIR PDF PNG\n");
    exit(2);
}
[$out, $pdfPath, $pngPath] = [$argv[1], $argv[2], $argv[3]];
// The attached files are in the PDF's folder, each under its own name.
$folder = dirname($pdfPath);
$png = file_get_contents($pngPath);
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
    foreach (['cc', 'bcc'] as $key) {
        if (isset($spec[$key])) {
            $email->$key(...array_map(fn ($p) => new Address($p['address'], $p['name']), $spec[$key]));
        }
    }
    foreach (['In-Reply-To' => 'inReplyTo', 'References' => 'references'] as $field => $key) {
        if (isset($spec[$key])) {
            $email->getHeaders()->addTextHeader($field, $spec[$key]);
        }
    }
    if (isset($spec['replyTo'])) {
        $email->replyTo(new Address($spec['replyTo']['address'], $spec['replyTo']['name']));
    }
    if (isset($spec['listUnsubscribe'])) {
        $email->getHeaders()
            ->addTextHeader('List-Id', $spec['listId'])
            ->addTextHeader('List-Unsubscribe', implode(', ', array_map(fn ($uri) => "<$uri>", $spec['listUnsubscribe'])))
            ->addTextHeader('List-Unsubscribe-Post', $spec['listUnsubscribePost']);
    }
    if (isset($spec['html'])) {
        $email->html($spec['html']);
    }
    if (isset($spec['image'])) {
        $i = $spec['image'];
        $email->html(str_replace('{logo}', "cid:{$i['filename']}", $spec['html']))
            ->embed($png, $i['filename'], $i['contentType']);
    }
    if (isset($spec['attachment'])) {
        $a = $spec['attachment'];
        if (isset($a['content'])) {
            $email->attach($a['content'], $a['filename'], $a['contentType']);
        } else {
            $email->attachFromPath("$folder/{$a['filename']}", $a['filename'], $a['contentType']);
        }
    }
    if (isset($spec['forward'])) {
        $email->attachPart(new MessagePart(new RawMessage($spec['forward']['message'])));
    }
    if (isset($spec['calendar'])) {
        $email->attach($spec['calendar']['content'], $spec['calendar']['filename'], 'text/calendar');
    }
    file_put_contents("$out/$name.eml", $email->toString());
}
