<?php
// Builds the messages of messages.json with PEAR's Mail_Mime (Debian's php-mail-mime: the
// library Roundcube composes its mail with), and writes getMessage() as it is. Its
// defaults, but for the charsets: text, HTML and header text default to ISO-8859-1, which
// cannot hold Polish, Japanese or Arabic letters, so the script names UTF-8 for all three,
// as its documentation's example and Roundcube do. Mail_Mime adds MIME-Version and picks
// the structure (alternative, related, mixed); it adds no Date or Message-ID: the script
// writes them (date('r'), the usual time.pid@domain form), as Roundcube does.
//
// Addresses are given as a header holds them, a display name in quotes when it has a
// character RFC 5322 §3.2.3 calls special or one outside ASCII; Mail_Mime encodes such a
// name whole. The logo is addHTMLImage() with its Content-ID, the invitation
// setCalendarBody() (a text/calendar alternative with its method), a file addAttachment()
// with its path (or its content given as text), a forwarded message addAttachment() of type
// message/rfc822 with the default encoding; list fields, In-Reply-To and References are
// more headers given to getMessage().
//
// usage: php mail_mime.php OUTDIR PDF PNG
require_once 'Mail/mime.php';

if ($argc !== 4) {
    fwrite(STDERR, "usage: php mail_mime.php OUTDIR PDF PNG\n");
    exit(2);
}
[$out, $pdfPath, $pngPath] = [$argv[1], $argv[2], $argv[3]];
// The attached files are in the PDF's folder, each under its own name.
$folder = dirname($pdfPath);
$png = file_get_contents($pngPath);
$messages = json_decode(file_get_contents(__DIR__ . '/messages.json'), true, 512, JSON_THROW_ON_ERROR);

function address(array $person): string
{
    $name = $person['name'];
    if ($name === '') {
        return $person['address'];
    }
    if (preg_match('/[()<>\[\]:;@\\\\,."]|[^\x00-\x7f]/', $name)) {
        $name = '"' . addcslashes($name, '"\\') . '"';
    }
    return "$name <{$person['address']}>";
}

foreach ($messages as $name => $spec) {
    if ($name[0] === '_') {
        continue;
    }
    $mime = new Mail_mime();
    $mime->setTXTBody($spec['text']);
    if (isset($spec['html'])) {
        $html = $spec['html'];
        if (isset($spec['image'])) {
            $i = $spec['image'];
            $html = str_replace('{logo}', "cid:{$i['cid']}", $html);
            $mime->addHTMLImage($png, $i['contentType'], $i['filename'], false, $i['cid']);
        }
        $mime->setHTMLBody($html);
    }
    if (isset($spec['calendar'])) {
        $mime->setCalendarBody($spec['calendar']['content'], false, false, strtolower($spec['calendar']['method']));
    }
    if (isset($spec['attachment'])) {
        $a = $spec['attachment'];
        if (isset($a['content'])) {
            $mime->addAttachment($a['content'], $a['contentType'], $a['filename'], false);
        } else {
            $mime->addAttachment("$folder/{$a['filename']}", $a['contentType'], $a['filename']);
        }
    }
    if (isset($spec['forward'])) {
        $mime->addAttachment($spec['forward']['message'], 'message/rfc822', $spec['forward']['filename'], false);
    }
    $mime->setFrom(address($spec['from']));
    $mime->addTo(address($spec['to']));
    foreach ($spec['cc'] ?? [] as $person) {
        $mime->addCc(address($person));
    }
    foreach ($spec['bcc'] ?? [] as $person) {
        $mime->addBcc(address($person));
    }
    $mime->setSubject($spec['subject']);
    $domain = substr(strrchr($spec['from']['address'], '@'), 1);
    $headers = ['Date' => date('r'), 'Message-ID' => sprintf('<%d.%d@%s>', time(), getmypid(), $domain)];
    if (isset($spec['replyTo'])) {
        $headers['Reply-To'] = address($spec['replyTo']);
    }
    foreach (['In-Reply-To' => 'inReplyTo', 'References' => 'references'] as $field => $key) {
        if (isset($spec[$key])) {
            $headers[$field] = $spec[$key];
        }
    }
    if (isset($spec['listUnsubscribe'])) {
        $headers['List-Id'] = $spec['listId'];
        $headers['List-Unsubscribe'] = implode(', ', array_map(fn ($uri) => "<$uri>", $spec['listUnsubscribe']));
        $headers['List-Unsubscribe-Post'] = $spec['listUnsubscribePost'];
    }
    $charsets = ['text_charset' => 'UTF-8', 'html_charset' => 'UTF-8', 'head_charset' => 'UTF-8'];
    file_put_contents("$out/$name.eml", $mime->getMessage(null, $charsets, $headers));
}
