#!/usr/bin/env python3
"""Builds the bulk message of bulk.json with Python's `email` package (policy SMTP:
CRLF line ends, as sent) and signs it with dkimpy (rsa-sha256, relaxed/simple),
then writes the variants of tests/dkim_real_mailers.rs:

  correct.eml        the correct bulk message
  visitor-from.eml   the visitor's address in From
  missing-post.eml   no List-Unsubscribe-Post
  body-changed.eml   one sentence of the body edited after signing

(dkimpy refuses to sign without From in h=: "The From header field MUST be signed",
so that variant comes from Nodemailer.)

usage: python_bulk.py OUTDIR PRIVATE_KEY.pem
"""
import json
import os
import sys
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import dkim

HERE = os.path.dirname(os.path.abspath(__file__))
SIGNED_HEADERS = [b"from", b"to", b"subject", b"date", b"message-id", b"list-id",
                  b"list-unsubscribe", b"list-unsubscribe-post", b"mime-version", b"content-type"]


def build(spec, sender, post=True):
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = Address(sender["name"], addr_spec=sender["address"])
    msg["To"] = Address(spec["to"]["name"], addr_spec=spec["to"]["address"])
    msg["Subject"] = spec["subject"]
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="my-site.example")
    msg["List-Id"] = spec["listId"]
    msg["List-Unsubscribe"] = spec["listUnsubscribe"]
    if post:
        msg["List-Unsubscribe-Post"] = spec["listUnsubscribePost"]
    msg.set_content(spec["text"])
    msg.add_alternative(spec["html"], subtype="html")
    return msg.as_bytes()


def sign(raw, key):
    signature = dkim.sign(raw, b"s1", b"my-site.example", key, include_headers=SIGNED_HEADERS,
                          canonicalize=(b"relaxed", b"simple"))
    return signature + raw


def main():
    out, key_path = sys.argv[1], sys.argv[2]
    key = open(key_path, "rb").read()
    spec = json.load(open(os.path.join(HERE, "bulk.json"), encoding="utf-8"))
    correct = sign(build(spec, spec["from"]), key)
    variants = {
        "correct": correct,
        "visitor-from": sign(build(spec, spec["visitor"]), key),
        "missing-post": sign(build(spec, spec["from"], post=False), key),
        "body-changed": correct.replace(spec["signed"].encode(), spec["edited"].encode(), 1),
    }
    assert variants["body-changed"] != correct, "the edited sentence was not found as written"
    for name, raw in variants.items():
        with open(os.path.join(out, name + ".eml"), "wb") as f:
            f.write(raw)


main()
