#!/usr/bin/perl
# Builds the messages of messages.json with Perl's Email::MIME (Debian's
# libemail-mime-perl), as its documentation's `create` examples do, and writes `as_string`
# as it is. Email::MIME adds Date itself and encodes `header_str` text; a text part needs
# its charset and transfer encoding named (the documented example uses quoted-printable).
# The Message-ID comes from Email::MessageID (installed with Email::MIME) with the sender's
# domain: its default host, the machine's name, would make the result machine-dependent.
#
# Email::MIME builds any tree from parts: the newsletter's list fields are more header_str
# pairs (it B-encodes List-Unsubscribe, whose URI is a long word: a defect the test asserts),
# the logo a part with its Content-ID header in a multipart/related beside the HTML,
# the invitation a text/calendar part of the alternative with a method attribute.
# Addresses are written by Email::Address::XS (installed with Email::MIME), which quotes a
# display name holding a comma or a quote; Cc, Bcc, In-Reply-To and References are more
# header_str pairs. An attached file is a part with the file's bytes (or its text given in
# the spec) and base64, as the documentation's attachment example; a forwarded message a
# message/rfc822 part whose body is the message, with no encoding named (7bit).
#
# usage: perl email_mime.pl OUTDIR PDF PNG
use strict;
use warnings;
use Email::Address::XS;
use Email::MIME;
use Email::MessageID;
use File::Basename qw(dirname);
use Encode qw(encode_utf8);
use JSON::PP;

@ARGV == 3 or die "usage: perl email_mime.pl OUTDIR PDF PNG\n";
my ($out, $pdf_path, $png_path) = @ARGV;
# The attached files are in the PDF's folder, each under its own name.
my $folder = dirname($pdf_path);
my $png = do { open my $fh, '<:raw', $png_path or die "$png_path: $!"; local $/; <$fh> };
my $messages = do {
    open my $fh, '<:raw', dirname(__FILE__) . '/messages.json' or die "messages.json: $!";
    local $/; JSON::PP->new->utf8->decode(<$fh>);
};

sub address { my ($p) = @_; Email::Address::XS->new(length $p->{name} ? $p->{name} : undef, $p->{address})->format }
sub text_part {
    my ($type, $text, %attributes) = @_;
    Email::MIME->create(
        attributes => { content_type => $type, charset => 'UTF-8', encoding => 'quoted-printable', %attributes },
        body_str => $text,
    );
}

for my $name (sort keys %$messages) {
    next if $name =~ /^_/;
    my $spec = $messages->{$name};
    my ($domain) = $spec->{from}{address} =~ /@(.+)$/;
    my @header = (
        From => address($spec->{from}),
        To => address($spec->{to}),
        ($spec->{cc} ? (Cc => join(', ', map { address($_) } @{ $spec->{cc} })) : ()),
        ($spec->{bcc} ? (Bcc => join(', ', map { address($_) } @{ $spec->{bcc} })) : ()),
        ($spec->{replyTo} ? ('Reply-To' => address($spec->{replyTo})) : ()),
        Subject => $spec->{subject},
        'Message-ID' => Email::MessageID->new(host => $domain)->in_brackets,
        ($spec->{listUnsubscribe} ? (
            'List-Id' => $spec->{listId},
            'List-Unsubscribe' => join(', ', map { "<$_>" } @{ $spec->{listUnsubscribe} }),
            'List-Unsubscribe-Post' => $spec->{listUnsubscribePost},
        ) : ()),
        ($spec->{inReplyTo} ? ('In-Reply-To' => $spec->{inReplyTo}) : ()),
        ($spec->{references} ? ('References' => $spec->{references}) : ()),
    );
    my $msg;
    my $text = text_part('text/plain', $spec->{text});
    my @alternatives = ($text);
    if ($spec->{image}) {
        (my $html = $spec->{html}) =~ s/\{logo\}/cid:$spec->{image}{cid}/;
        my $logo = Email::MIME->create(
            header_str => ['Content-ID' => "<$spec->{image}{cid}>"],
            attributes => { content_type => $spec->{image}{contentType}, disposition => 'inline', encoding => 'base64' },
            body => $png,
        );
        push @alternatives, Email::MIME->create(
            attributes => { content_type => 'multipart/related' },
            parts => [text_part('text/html', $html), $logo],
        );
    } elsif ($spec->{html}) {
        push @alternatives, text_part('text/html', $spec->{html});
    }
    if ($spec->{calendar}) {
        push @alternatives, text_part('text/calendar', $spec->{calendar}{content}, method => $spec->{calendar}{method});
    }
    if (my $file = $spec->{attachment}) {
        my $body = @alternatives == 1 ? $text
            : Email::MIME->create(attributes => { content_type => 'multipart/alternative' }, parts => \@alternatives);
        my $data = defined $file->{content} ? encode_utf8($file->{content})
            : do { open my $fh, '<:raw', "$folder/$file->{filename}" or die "$file->{filename}: $!"; local $/; <$fh> };
        my $attachment = Email::MIME->create(
            attributes => {
                content_type => $file->{contentType},
                name => $file->{filename},
                filename => $file->{filename},
                disposition => 'attachment',
                encoding => 'base64',
            },
            body => $data,
        );
        $msg = Email::MIME->create(header_str => \@header, attributes => { content_type => 'multipart/mixed' }, parts => [$body, $attachment]);
    } elsif (my $forward = $spec->{forward}) {
        my $original = Email::MIME->create(
            attributes => { content_type => 'message/rfc822', filename => $forward->{filename}, disposition => 'attachment' },
            body => encode_utf8($forward->{message}),
        );
        $msg = Email::MIME->create(header_str => \@header, attributes => { content_type => 'multipart/mixed' }, parts => [$text, $original]);
    } elsif (@alternatives > 1) {
        $msg = Email::MIME->create(header_str => \@header, attributes => { content_type => 'multipart/alternative' }, parts => \@alternatives);
    } else {
        $msg = Email::MIME->create(
            header_str => \@header,
            attributes => { content_type => 'text/plain', charset => 'UTF-8', encoding => 'quoted-printable' },
            body_str => $spec->{text},
        );
    }
    open my $fh, '>:raw', "$out/$name.eml" or die "$out/$name.eml: $!";
    print $fh $msg->as_string;
    close $fh;
}
