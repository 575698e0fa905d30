#!/usr/bin/perl
# Builds the messages of messages.json with Perl's MIME::Lite (Debian's
# libmime-lite-perl), default settings, and writes `as_string` as it is. MIME::Lite adds
# Date itself. What it leaves to the script, done here as its documentation ("Sending
# non-ASCII text") shows: header text outside ASCII encoded with Encode's MIME-Header (it
# folds with CRLF; kept as it comes), the charset of UTF-8 text parts; and a Message-ID
# (the library has no helper; this is the usual time.pid@domain form).
#
# MIME::Lite knows no list fields, inline images or calendars as such: the newsletter's
# list fields are extra headers given to new(), the logo a part with its Id in a
# multipart/related (as its documentation's "HTML with in-line images" example), here
# holding the alternative, the invitation a text/calendar part of the alternative with its
# method parameter set by attr(). The calendar is given as RFC 5545 writes it, with CRLF:
# MIME::Lite then quoted-printable-encodes each CR as "=0D" before the line break (it quotes
# the text as given, not first made canonical: RFC 2045 §6.7's note); the engine reads such a
# CR as part of the line break it stands before (src/model/mod.rs, encoded_carriage_returns).
#
# Cc and Bcc are fields new() knows; In-Reply-To and References extra headers. A display
# name is given as the script must write it in a header string: a name with a character
# RFC 5322 §3.2.3 calls special (a comma, a quote) as a quoted-string, a name outside
# ASCII encoded. An attached file is a part with its Path (or its Data when given as
# text); a forwarded message a part of type message/rfc822 with the message as Data,
# which MIME::Lite writes as it is (7bit).
#
# usage: perl mime_lite.pl OUTDIR PDF PNG
use strict;
use warnings;
use Encode qw(encode encode_utf8);
use File::Basename qw(dirname);
use JSON::PP;
use MIME::Lite;

@ARGV == 3 or die "usage: perl mime_lite.pl OUTDIR PDF PNG\n";
my ($out, $pdf_path, $png_path) = @ARGV;
# The attached files are in the PDF's folder, each under its own name.
my $folder = dirname($pdf_path);
my $png = do { open my $fh, '<:raw', $png_path or die "$png_path: $!"; local $/; <$fh> };
my $messages = do {
    open my $fh, '<:raw', dirname(__FILE__) . '/messages.json' or die "messages.json: $!";
    local $/; JSON::PP->new->utf8->decode(<$fh>);
};

sub header_text { my ($text) = @_; $text =~ /[^\x00-\x7f]/ ? encode('MIME-Header', $text) : $text }
sub display_name {
    my ($name) = @_;
    return header_text($name) if $name =~ /[^\x00-\x7f]/;
    return $name unless $name =~ /[()<>\[\]:;@\\,."]/;
    (my $quoted = $name) =~ s/(["\\])/\\$1/g;
    return qq("$quoted");
}
sub address {
    my ($person) = @_;
    length $person->{name} ? display_name($person->{name}) . " <$person->{address}>" : $person->{address};
}
sub text_part {
    my ($type, $text) = @_;
    my $part = MIME::Lite->new(Top => 0, Type => $type, Data => encode_utf8($text));
    $part->attr('content-type.charset' => 'UTF-8') if $text =~ /[^\x00-\x7f]/;
    return $part;
}

for my $name (sort keys %$messages) {
    next if $name =~ /^_/;
    my $spec = $messages->{$name};
    my ($domain) = $spec->{from}{address} =~ /@(.+)$/;
    my @headers = (
        From => address($spec->{from}),
        To => address($spec->{to}),
        ($spec->{replyTo} ? ('Reply-To' => address($spec->{replyTo})) : ()),
        ($spec->{cc} ? (Cc => join(', ', map { address($_) } @{ $spec->{cc} })) : ()),
        ($spec->{bcc} ? (Bcc => join(', ', map { address($_) } @{ $spec->{bcc} })) : ()),
        Subject => header_text($spec->{subject}),
        'Message-ID' => sprintf('<%d.%d@%s>', time, $$, $domain),
        # A field new() does not know is named with a trailing colon (MIME::Lite's documentation).
        ($spec->{listUnsubscribe} ? (
            'List-Id:' => $spec->{listId},
            'List-Unsubscribe:' => join(', ', map { "<$_>" } @{ $spec->{listUnsubscribe} }),
            'List-Unsubscribe-Post:' => $spec->{listUnsubscribePost},
        ) : ()),
        ($spec->{inReplyTo} ? ('In-Reply-To:' => $spec->{inReplyTo}) : ()),
        ($spec->{references} ? ('References:' => $spec->{references}) : ()),
    );
    my $body = text_part('TEXT', $spec->{text});
    my $html = $spec->{html};
    $html =~ s/\{logo\}/cid:$spec->{image}{cid}/ if $spec->{image};
    if ($spec->{html}) {
        $body = MIME::Lite->new(Top => 0, Type => 'multipart/alternative');
        $body->attach(text_part('TEXT', $spec->{text}));
        $body->attach(text_part('text/html', $html));
        if ($spec->{calendar}) {
            my $calendar = text_part('text/calendar', $spec->{calendar}{content});
            $calendar->attr('content-type.method' => $spec->{calendar}{method});
            $body->attach($calendar);
        }
    }
    my $msg;
    if ($spec->{image}) {
        $msg = MIME::Lite->new(@headers, Type => 'multipart/related');
        $msg->attach($body);
        $msg->attach(Type => $spec->{image}{contentType}, Id => "<$spec->{image}{cid}>", Data => $png);
    } elsif (my $file = $spec->{attachment}) {
        $msg = MIME::Lite->new(@headers, Type => 'multipart/mixed');
        $msg->attach($body);
        $msg->attach(
            Type => $file->{contentType},
            (defined $file->{content} ? (Data => encode_utf8($file->{content})) : (Path => "$folder/$file->{filename}")),
            Filename => $file->{filename},
            Disposition => 'attachment',
        );
    } elsif (my $forward = $spec->{forward}) {
        $msg = MIME::Lite->new(@headers, Type => 'multipart/mixed');
        $msg->attach($body);
        $msg->attach(Type => 'message/rfc822', Data => encode_utf8($forward->{message}), Filename => $forward->{filename}, Disposition => 'attachment');
    } elsif ($spec->{html}) {
        $msg = MIME::Lite->new(@headers, Type => 'multipart/alternative');
        $msg->attach($_) for $body->parts;
    } else {
        $msg = MIME::Lite->new(@headers, Type => 'TEXT', Data => encode_utf8($spec->{text}));
        $msg->attr('content-type.charset' => 'UTF-8') if $spec->{text} =~ /[^\x00-\x7f]/;
    }
    open my $fh, '>:raw', "$out/$name.eml" or die "$out/$name.eml: $!";
    print $fh $msg->as_string;
    close $fh;
}
