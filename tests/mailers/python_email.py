#!/usr/bin/env python3
"""Builds the messages of messages.json with Python's `email` package, default
settings, and writes them as the library flattens them (as_bytes(), its own line ends).

usage: python_email.py default|compat32 OUTDIR PDF

- default: the modern API (EmailMessage, policy=email.policy.default): set_content,
  add_alternative, add_attachment; the library picks the transfer encodings.
- compat32: the legacy API every older tutorial shows (email.mime.*, Header, formataddr),
  policy compat32.
Neither API adds Date or Message-ID; a script sending through SMTP adds them with
email.utils (formatdate, make_msgid), as here. make_msgid is given the sender's domain:
its default, the machine's FQDN, would make the result depend on the test machine.
"""
import json
import os
import sys
from email import policy
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid

HERE = os.path.dirname(os.path.abspath(__file__))


def domain_of(person):
    return person["address"].rsplit("@", 1)[1]


def modern(spec, pdf):
    msg = EmailMessage()
    msg["From"] = Address(spec["from"]["name"], addr_spec=spec["from"]["address"])
    msg["To"] = Address(spec["to"]["name"], addr_spec=spec["to"]["address"])
    if "replyTo" in spec:
        msg["Reply-To"] = Address(spec["replyTo"]["name"], addr_spec=spec["replyTo"]["address"])
    msg["Subject"] = spec["subject"]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=domain_of(spec["from"]))
    msg.set_content(spec["text"])
    if "html" in spec:
        msg.add_alternative(spec["html"], subtype="html")
    if "attachment" in spec:
        maintype, subtype = spec["attachment"]["contentType"].split("/")
        msg.add_attachment(pdf, maintype=maintype, subtype=subtype, filename=spec["attachment"]["filename"])
    return msg.as_bytes()


def legacy(spec, pdf):
    def address(person):
        return formataddr((person["name"], person["address"]), charset="utf-8")

    text = MIMEText(spec["text"], "plain", "utf-8")
    if "html" in spec:
        body = MIMEMultipart("alternative")
        body.attach(text)
        body.attach(MIMEText(spec["html"], "html", "utf-8"))
    else:
        body = text
    if "attachment" in spec:
        msg = MIMEMultipart("mixed")
        msg.attach(body)
        part = MIMEApplication(pdf, spec["attachment"]["contentType"].split("/")[1])
        part.add_header("Content-Disposition", "attachment", filename=spec["attachment"]["filename"])
        msg.attach(part)
    else:
        msg = body
    msg["From"] = address(spec["from"])
    msg["To"] = address(spec["to"])
    if "replyTo" in spec:
        msg["Reply-To"] = address(spec["replyTo"])
    msg["Subject"] = Header(spec["subject"], "utf-8")
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=domain_of(spec["from"]))
    assert msg.policy is policy.compat32
    return msg.as_bytes()


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("default", "compat32"):
        sys.exit("usage: python_email.py default|compat32 OUTDIR PDF")
    build = modern if sys.argv[1] == "default" else legacy
    out, pdf = sys.argv[2], open(sys.argv[3], "rb").read()
    with open(os.path.join(HERE, "messages.json"), encoding="utf-8") as f:
        messages = json.load(f)
    for name, spec in messages.items():
        if name.startswith("_"):
            continue
        with open(os.path.join(out, name + ".eml"), "wb") as f:
            f.write(build(spec, pdf))


main()
