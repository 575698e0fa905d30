#!/usr/bin/env ruby
# Builds the messages of messages.json with Ruby's `mail` gem (Debian's ruby-mail),
# default settings, and writes `to_s` as it is. The gem adds Date and Message-ID itself,
# encodes non-ASCII header text and picks the transfer encodings.
#
# The newsletter's list fields are set as any field is (mail['List-Id'] = …: the gem has no
# list API); the logo is an inline attachment (attachments.inline) referenced by the `url`
# the gem gives it; the invitation is a text/calendar part of the alternative with its
# method parameter (the gem has no calendar API). Cc, Bcc, In-Reply-To and References are
# the gem's own fields (to_s keeps Bcc; its delivery methods take it out); an attached
# file is add_file with its path (or its content given as text); a forwarded message is
# attachments[name] with the message and the type message/rfc822.
#
# usage: ruby ruby_mail.rb OUTDIR PDF PNG
require 'json'
require 'mail'

abort 'usage: ruby ruby_mail.rb OUTDIR PDF PNG' unless ARGV.length == 3
out, pdf_path, png_path = ARGV
# The attached files are in the PDF's folder, each under its own name.
folder = File.dirname(pdf_path)
png = File.binread(png_path)
messages = JSON.parse(File.read(File.join(__dir__, 'messages.json'), encoding: 'UTF-8'))

def address(person)
  return person['address'] if person['name'].empty?
  field = Mail::Address.new(person['address'])
  field.display_name = person['name']
  field.to_s
end

messages.each do |name, spec|
  next if name.start_with?('_')
  mail = Mail.new
  mail.from = address(spec['from'])
  mail.to = address(spec['to'])
  mail.cc = spec['cc'].map { |person| address(person) } if spec['cc']
  mail.bcc = spec['bcc'].map { |person| address(person) } if spec['bcc']
  mail.in_reply_to = spec['inReplyTo'] if spec['inReplyTo']
  mail.references = spec['references'] if spec['references']
  mail.reply_to = address(spec['replyTo']) if spec['replyTo']
  mail.subject = spec['subject']
  if spec['listUnsubscribe']
    mail['List-Id'] = spec['listId']
    mail['List-Unsubscribe'] = spec['listUnsubscribe'].map { |uri| "<#{uri}>" }.join(', ')
    mail['List-Unsubscribe-Post'] = spec['listUnsubscribePost']
  end
  if spec['html']
    # multipart/alternative built as its own part: the gem's text_part/html_part shortcut
    # followed by add_file (or attachments.inline) puts the PDF (or the logo) inside the
    # alternative as a third "version" of the text (mail 2.7), a structure no mailer means
    # to send; the logo goes with the HTML in multipart/related (RFC 2387).
    text, html = spec['text'], spec['html']
    alternative = Mail::Part.new { content_type 'multipart/alternative' }
    alternative.add_part(Mail::Part.new { body text })
    html_holder = alternative
    if spec['image']
      html_holder = Mail::Part.new { content_type 'multipart/related' }
      html_holder.attachments.inline[spec['image']['filename']] = { mime_type: spec['image']['contentType'], content: png }
      html = html.sub('{logo}', html_holder.attachments[spec['image']['filename']].url)
    end
    html_holder.add_part(Mail::Part.new do
      content_type 'text/html; charset=UTF-8'
      body html
    end)
    alternative.add_part(html_holder) if spec['image']
    if spec['calendar']
      calendar = spec['calendar']
      alternative.add_part(Mail::Part.new do
        content_type "text/calendar; charset=UTF-8; method=#{calendar['method']}"
        body calendar['content']
      end)
    end
    mail.add_part(alternative)
  else
    mail.body = spec['text']
  end
  if (file = spec['attachment'])
    if file['content']
      mail.add_file(filename: file['filename'], content: file['content'], mime_type: file['contentType'])
    else
      mail.add_file(filename: File.join(folder, file['filename']), mime_type: file['contentType'])
    end
  end
  if (forward = spec['forward'])
    mail.attachments[forward['filename']] = { mime_type: 'message/rfc822', content: forward['message'] }
  end
  File.binwrite(File.join(out, "#{name}.eml"), mail.to_s)
end
