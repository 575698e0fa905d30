#!/usr/bin/env python3
"""Builds the messages of messages.json with Python's `email` package, default
settings, and writes them as the library flattens them (as_bytes(), its own line ends).

usage: python_email.py default|compat32 OUTDIR PDF PNG

- default: the modern API (EmailMessage, policy=email.policy.default): set_content,
  add_alternative, add_related (the inline logo, as the documentation's "asparagus"
  example does), add_attachment; the library picks the transfer encodings.
- compat32: the legacy API every older tutorial shows (email.mime.*, Header, formataddr),
  policy compat32; the inline logo as the classic recipe builds it: multipart/related
  holding the alternative and a MIMEImage with its Content-ID.
Neither API knows list fields: they are set as any header is (msg[name] = value), as are
In-Reply-To and References of a reply. A calendar invitation is a text/calendar
alternative with the method parameter. An attached file is its bytes as a script reads
them (open(path, "rb")) with the type it names; a forwarded message is a Message object
parsed from the original, which both APIs attach as message/rfc822 (add_attachment,
MIMEMessage). Cc and Bcc are address fields like To; as_bytes() keeps Bcc (smtplib's
send_message drops it on the way out).
Neither API adds Date or Message-ID; a script sending through SMTP adds them with
email.utils (formatdate, make_msgid), as here. make_msgid is given the sender's domain:
its default, the machine's FQDN, would make the result depend on the test machine.
"""
import email
import json
import os
import sys
from email import policy
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid

HERE = os.path.dirname(os.path.abspath(__file__))


def domain_of(person):
    return person["address"].rsplit("@", 1)[1]


def list_fields(spec):
    """The list fields of a newsletter (RFC 2369, RFC 2919, RFC 8058), as header values."""
    if "listUnsubscribe" not in spec:
        return []
    return [
        ("List-Id", spec["listId"]),
        ("List-Unsubscribe", ", ".join(f"<{uri}>" for uri in spec["listUnsubscribe"])),
        ("List-Unsubscribe-Post", spec["listUnsubscribePost"]),
    ]


def threading_fields(spec):
    """In-Reply-To and References of a reply (RFC 5322 §3.6.4)."""
    return [(name, spec[key]) for name, key in (("In-Reply-To", "inReplyTo"), ("References", "references")) if key in spec]


def attachment_bytes(spec, folder):
    """The attached file's bytes: its `content`, or the file of that name in the folder."""
    attachment = spec["attachment"]
    if "content" in attachment:
        return attachment["content"].encode("utf-8")
    with open(os.path.join(folder, attachment["filename"]), "rb") as f:
        return f.read()


def html_of(spec):
    html = spec["html"]
    if "image" in spec:
        html = html.replace("{logo}", "cid:" + spec["image"]["cid"])
    return html


def modern(spec, folder, png):
    msg = EmailMessage()
    msg["From"] = Address(spec["from"]["name"], addr_spec=spec["from"]["address"])
    msg["To"] = Address(spec["to"]["name"], addr_spec=spec["to"]["address"])
    for field, key in (("Cc", "cc"), ("Bcc", "bcc")):
        if key in spec:
            msg[field] = tuple(Address(p["name"], addr_spec=p["address"]) for p in spec[key])
    if "replyTo" in spec:
        msg["Reply-To"] = Address(spec["replyTo"]["name"], addr_spec=spec["replyTo"]["address"])
    msg["Subject"] = spec["subject"]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=domain_of(spec["from"]))
    for name, value in list_fields(spec) + threading_fields(spec):
        msg[name] = value
    msg.set_content(spec["text"])
    if "html" in spec:
        msg.add_alternative(html_of(spec), subtype="html")
    if "image" in spec:
        maintype, subtype = spec["image"]["contentType"].split("/")
        msg.get_payload()[1].add_related(png, maintype, subtype, cid="<" + spec["image"]["cid"] + ">")
    if "calendar" in spec:
        calendar = spec["calendar"]
        msg.add_alternative(calendar["content"], subtype="calendar", params={"method": calendar["method"]})
    if "attachment" in spec:
        maintype, subtype = spec["attachment"]["contentType"].split("/")
        data = attachment_bytes(spec, folder)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=spec["attachment"]["filename"])
    if "forward" in spec:
        original = email.message_from_bytes(spec["forward"]["message"].encode("utf-8"), policy=policy.default)
        msg.add_attachment(original, filename=spec["forward"]["filename"])
    return msg.as_bytes()


def legacy(spec, folder, png):
    def address(person):
        return formataddr((person["name"], person["address"]), charset="utf-8")

    alternatives = [MIMEText(spec["text"], "plain", "utf-8")]
    if "html" in spec:
        alternatives.append(MIMEText(html_of(spec), "html", "utf-8"))
    if "calendar" in spec:
        calendar = MIMEText(spec["calendar"]["content"], "calendar", "utf-8")
        calendar.set_param("method", spec["calendar"]["method"])
        alternatives.append(calendar)
    body = alternatives[0] if len(alternatives) == 1 else MIMEMultipart("alternative", _subparts=alternatives)
    if "image" in spec:
        related = MIMEMultipart("related")
        related.attach(body)
        image = MIMEImage(png, spec["image"]["contentType"].split("/")[1])
        image.add_header("Content-ID", "<" + spec["image"]["cid"] + ">")
        related.attach(image)
        body = related
    if "attachment" in spec:
        msg = MIMEMultipart("mixed")
        msg.attach(body)
        maintype, subtype = spec["attachment"]["contentType"].split("/")
        data = attachment_bytes(spec, folder)
        # MIMEApplication is the recipe's class for an application/* file; a text file
        # goes in MIMEText, as the standard library's examples attach one.
        if maintype == "text":
            part = MIMEText(data.decode("utf-8"), subtype, "utf-8")
        else:
            part = MIMEApplication(data, subtype)
        part.add_header("Content-Disposition", "attachment", filename=spec["attachment"]["filename"])
        msg.attach(part)
    elif "forward" in spec:
        msg = MIMEMultipart("mixed")
        msg.attach(body)
        part = MIMEMessage(email.message_from_bytes(spec["forward"]["message"].encode("utf-8")))
        part.add_header("Content-Disposition", "attachment", filename=spec["forward"]["filename"])
        msg.attach(part)
    else:
        msg = body
    msg["From"] = address(spec["from"])
    msg["To"] = address(spec["to"])
    for field, key in (("Cc", "cc"), ("Bcc", "bcc")):
        if key in spec:
            msg[field] = ", ".join(address(p) for p in spec[key])
    if "replyTo" in spec:
        msg["Reply-To"] = address(spec["replyTo"])
    msg["Subject"] = Header(spec["subject"], "utf-8")
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=domain_of(spec["from"]))
    for name, value in list_fields(spec) + threading_fields(spec):
        msg[name] = value
    assert msg.policy is policy.compat32
    return msg.as_bytes()


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("default", "compat32"):
        sys.exit("usage: python_email.py default|compat32 OUTDIR PDF PNG")
    build = modern if sys.argv[1] == "default" else legacy
    # The attached files are in the PDF's folder, each under its own name.
    out, folder, png = sys.argv[2], os.path.dirname(sys.argv[3]), open(sys.argv[4], "rb").read()
    with open(os.path.join(HERE, "messages.json"), encoding="utf-8") as f:
        messages = json.load(f)
    for name, spec in messages.items():
        if name.startswith("_"):
            continue
        with open(os.path.join(out, name + ".eml"), "wb") as f:
            f.write(build(spec, folder, png))


main()
