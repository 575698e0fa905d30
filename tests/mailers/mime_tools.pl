#!/usr/bin/perl
# Builds the messages of messages.json with Perl's MIME-tools (MIME::Entity, Debian's
# libmime-tools-perl: the library Znuny/OTRS and many Perl applications compose mail
# with), default settings, and writes `stringify` as it is. MIME::Entity->build adds
# MIME-Version and X-Mailer and picks the transfer encodings (suggest_encoding_lite);
# it adds no Date or Message-ID: the script writes them (Date in RFC 5322 §3.3 form with
# POSIX strftime, a Message-ID of the usual time.pid@domain form). A subject outside
# ASCII is encoded with the library's own MIME::Words::encode_mimewords (UTF-8, Q). A
# display name outside ASCII is encoded whole with Encode's MIME-Header:
# encode_mimewords encodes only the words holding non-ASCII letters and leaves a comma
# between them as it is, so "Müller, Jörg" would become two list members, one of them
# without an address (RFC 5322 §3.4; RFC 2047 §5 (3) lets a phrase's encoded word hold
# the comma). An ASCII display name with a character RFC 5322 §3.2.3 calls special (a
# comma, a quote) is written as a quoted-string.
#
# As in its documentation, a multipart is built and parts attach()ed: the HTML and the
# text in multipart/alternative, the logo (its Id) with the alternative in
# multipart/related, the invitation a text/calendar part of the alternative with its
# method parameter, a file a part with its Path (or its Data given as text), a forwarded
# message a part of type message/rfc822. List fields, In-Reply-To and Cc/Bcc are fields
# build() takes (a field outside its list is named with a trailing colon).
#
# usage: perl mime_tools.pl OUTDIR PDF PNG
use strict;
use warnings;
use Encode qw(encode encode_utf8);
use File::Basename qw(dirname);
use JSON::PP;
use MIME::Entity;
use MIME::Words qw(encode_mimewords);
use POSIX qw(strftime);

@ARGV == 3 or die "usage: perl mime_tools.pl OUTDIR PDF PNG\n";
my ($out, $pdf_path, $png_path) = @ARGV;
# The attached files are in the PDF's folder, each under its own name.
my $folder = dirname($pdf_path);
my $png = do { open my $fh, '<:raw', $png_path or die "$png_path: $!"; local $/; <$fh> };
my $messages = do {
    open my $fh, '<:raw', dirname(__FILE__) . '/messages.json' or die "messages.json: $!";
    local $/; JSON::PP->new->utf8->decode(<$fh>);
};

sub header_text { my ($text) = @_; $text =~ /[^\x00-\x7f]/ ? encode_mimewords(encode_utf8($text), Charset => 'UTF-8') : $text }
sub display_name {
    my ($name) = @_;
    return encode('MIME-Header', $name) if $name =~ /[^\x00-\x7f]/;
    return $name unless $name =~ /[()<>\[\]:;@\\,."]/;
    (my $quoted = $name) =~ s/(["\\])/\\$1/g;
    return qq("$quoted");
}
sub address {
    my ($person) = @_;
    length $person->{name} ? display_name($person->{name}) . " <$person->{address}>" : $person->{address};
}
sub addresses { join(', ', map { address($_) } @{ $_[0] }) }
sub text_part {
    my ($type, $text) = @_;
    MIME::Entity->build(Top => 0, Type => $type, Charset => 'UTF-8', Data => encode_utf8($text));
}

for my $name (sort keys %$messages) {
    next if $name =~ /^_/;
    my $spec = $messages->{$name};
    my ($domain) = $spec->{from}{address} =~ /@(.+)$/;
    my @headers = (
        From => address($spec->{from}),
        To => address($spec->{to}),
        ($spec->{cc} ? (Cc => addresses($spec->{cc})) : ()),
        ($spec->{bcc} ? (Bcc => addresses($spec->{bcc})) : ()),
        ($spec->{replyTo} ? ('Reply-To' => address($spec->{replyTo})) : ()),
        Subject => header_text($spec->{subject}),
        Date => strftime('%a, %d %b %Y %H:%M:%S +0000', gmtime),
        'Message-ID' => sprintf('<%d.%d@%s>', time, $$, $domain),
        ($spec->{inReplyTo} ? ('In-Reply-To:' => $spec->{inReplyTo}) : ()),
        ($spec->{references} ? (References => $spec->{references}) : ()),
        ($spec->{listUnsubscribe} ? (
            'List-Id:' => $spec->{listId},
            'List-Unsubscribe:' => join(', ', map { "<$_>" } @{ $spec->{listUnsubscribe} }),
            'List-Unsubscribe-Post:' => $spec->{listUnsubscribePost},
        ) : ()),
    );
    my $html = $spec->{html};
    $html =~ s/\{logo\}/cid:$spec->{image}{cid}/ if $spec->{image};
    my $alternative;
    if (defined $html) {
        $alternative = MIME::Entity->build(Top => 0, Type => 'multipart/alternative');
        $alternative->add_part(text_part('text/plain', $spec->{text}));
        $alternative->add_part(text_part('text/html', $html));
        if ($spec->{calendar}) {
            my $calendar = text_part('text/calendar', $spec->{calendar}{content});
            $calendar->head->mime_attr('content-type.method' => $spec->{calendar}{method});
            $alternative->add_part($calendar);
        }
    }
    my $msg;
    if ($spec->{image}) {
        $msg = MIME::Entity->build(@headers, Type => 'multipart/related');
        $msg->add_part($alternative);
        $msg->attach(Type => $spec->{image}{contentType}, Id => "<$spec->{image}{cid}>", Data => $png, Encoding => 'base64');
    } elsif ($spec->{attachment} || $spec->{forward}) {
        $msg = MIME::Entity->build(@headers, Type => 'multipart/mixed');
        $msg->add_part($alternative // text_part('text/plain', $spec->{text}));
        if (my $file = $spec->{attachment}) {
            $msg->attach(
                Type => $file->{contentType},
                (defined $file->{content} ? (Data => encode_utf8($file->{content})) : (Path => "$folder/$file->{filename}")),
                Filename => $file->{filename},
                Disposition => 'attachment',
            );
        }
        if (my $forward = $spec->{forward}) {
            $msg->attach(Type => 'message/rfc822', Data => encode_utf8($forward->{message}), Filename => $forward->{filename}, Disposition => 'attachment');
        }
    } elsif ($alternative) {
        $msg = MIME::Entity->build(@headers, Type => 'multipart/alternative');
        $msg->add_part($_) for $alternative->parts;
    } else {
        $msg = MIME::Entity->build(@headers, Type => 'text/plain', Charset => 'UTF-8', Data => encode_utf8($spec->{text}));
    }
    open my $fh, '>:raw', "$out/$name.eml" or die "$out/$name.eml: $!";
    print $fh $msg->stringify;
    close $fh;
}
