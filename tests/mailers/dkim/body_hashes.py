#!/usr/bin/env python3
"""Prints, for each message file given, the body hash dkimpy computes for each of its
DKIM-Signature fields (as dkimpy's verify() does: its canonicalization, its l= cut),
one JSON object a line: {"file", "signatures": [{"d", "declared", "computed"} | {"error"}]}.
Used by tests/dkim_corpus.rs to check our bh= against dkimpy's on the shared corpus.

usage: body_hashes.py FILE...
"""
import base64
import json
import re
import sys

import dkim
from dkim.canonicalization import CanonicalizationPolicy
from dkim.crypto import HASH_ALGORITHMS
from dkim.util import parse_tag_value

for path in sys.argv[1:]:
    out = {"file": path, "signatures": []}
    try:
        d = dkim.DKIM(open(path, "rb").read())
    except Exception as e:  # dkimpy refuses some headers outright
        out["error"] = str(e)
        print(json.dumps(out))
        continue
    for name, value in d.headers:
        if name.lower() != b"dkim-signature":
            continue
        try:
            sig = parse_tag_value(value)
            policy = CanonicalizationPolicy.from_c_value(sig.get(b"c", b"simple/simple"))
            body = policy.canonicalize_body(d.body)
            if b"l" in sig:
                body = body[: int(sig[b"l"])]
            h = HASH_ALGORITHMS[sig[b"a"].strip()]()
            h.update(body)
            out["signatures"].append({
                "d": sig.get(b"d", b"").decode(errors="replace"),
                "declared": re.sub(rb"\s+", b"", sig.get(b"bh", b"")).decode(errors="replace"),
                "computed": base64.b64encode(h.digest()).decode(),
            })
        except Exception as e:
            out["signatures"].append({"error": str(e)})
    print(json.dumps(out))
