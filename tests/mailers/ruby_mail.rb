#!/usr/bin/env ruby
# Builds the messages of messages.json with Ruby's `mail` gem (Debian's ruby-mail),
# default settings, and writes `to_s` as it is. The gem adds Date and Message-ID itself,
# encodes non-ASCII header text and picks the transfer encodings.
#
# usage: ruby ruby_mail.rb OUTDIR PDF
require 'json'
require 'mail'

abort 'usage: ruby ruby_mail.rb OUTDIR PDF' unless ARGV.length == 2
out, pdf_path = ARGV
pdf = File.binread(pdf_path)
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
  mail.reply_to = address(spec['replyTo']) if spec['replyTo']
  mail.subject = spec['subject']
  if spec['html']
    # multipart/alternative built as its own part: the gem's text_part/html_part shortcut
    # followed by add_file puts the PDF inside the alternative as a third "version" of the
    # text (mail 2.7), a structure no mailer means to send.
    text, html = spec['text'], spec['html']
    alternative = Mail::Part.new { content_type 'multipart/alternative' }
    alternative.add_part(Mail::Part.new { body text })
    alternative.add_part(Mail::Part.new do
      content_type 'text/html; charset=UTF-8'
      body html
    end)
    mail.add_part(alternative)
  else
    mail.body = spec['text']
  end
  if spec['attachment']
    mail.add_file(filename: spec['attachment']['filename'], content: pdf, mime_type: spec['attachment']['contentType'])
  end
  File.binwrite(File.join(out, "#{name}.eml"), mail.to_s)
end
