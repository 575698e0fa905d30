#!/usr/bin/env python3
"""Generates src/text/tables.rs: the compact Unicode tables of the text folding.

    python3 src/text/generate_tables.py CONFUSABLES_TXT > src/text/tables.rs

Inputs, both Unicode 14.0.0 (the versions must agree; the script refuses otherwise):
- NFKC and canonical decompositions: Python's `unicodedata` (Python 3.11 ships 14.0.0).
- UTS #39 confusables: https://www.unicode.org/Public/security/14.0.0/confusables.txt
  (the file's own header says "Version: 14.0.0", "Date: 2021-05-29"; its SHA-256 is
  written into the generated file so a reader can check the copy used).

Only what the folding needs is kept, so the tables stay a few kilobytes (the
`unicode-normalization` crate would add tens of kilobytes to the wasm):
- NFKC mappings whose result is Latin, Greek, Cyrillic, digits or common
  punctuation (full-width forms, mathematical alphanumerics, ligatures, enclosed
  and super/subscript letters, letterlike symbols, Roman numerals, …), as runs;
  plus the styled capitals Unicode does not decompose (STYLED_LATIN, ours).
- Confusables whose prototype is ASCII (Cyrillic/Greek/Armenian/… look-alikes of
  Latin letters and digits), minus the characters NFKC maps (they are looked up
  by their NFKC form).
- Canonical compositions (base + combining mark) and accent stripping for the
  Latin, Greek and Cyrillic letters.
"""

import hashlib
import sys
import unicodedata

UNICODE_VERSION = "14.0.0"

# Blocks whose letters the folding reads: Latin (Basic, Latin-1, Extended-A/B,
# IPA, Extended Additional), Greek (and Extended), Cyrillic (and Supplement).
LETTER_RANGES = [
    (0x0041, 0x024F),
    (0x0250, 0x02AF),
    (0x0370, 0x03FF),
    (0x0400, 0x052F),
    (0x1E00, 0x1EFF),
    (0x1F00, 0x1FFF),
]
# Results an NFKC mapping may have to be kept: the letters above, combining
# diacritics, ASCII and Latin-1 punctuation, general punctuation (… ‼ ⁄).
RESULT_RANGES = LETTER_RANGES + [(0x0020, 0x0040), (0x005B, 0x0060), (0x007B, 0x007E), (0x00A0, 0x00BF),
                                 (0x0300, 0x036F), (0x2010, 0x2044)]
MARKS = (0x0300, 0x036F)
# CJK compatibility squares and enclosed CJK (㎏, ㉑): not text of the languages read here.
SKIPPED_SOURCES = [(0x3200, 0x33FF)]
# Letters that render as Latin capitals but that Unicode gives no decomposition,
# used to spell words past filters (🅿🅾🆁🅽, 🇵🇴🇷🇳): (first, last, first letter). Ours.
STYLED_LATIN = [
    (0x1F150, 0x1F169, ord("A")),  # NEGATIVE CIRCLED LATIN CAPITAL LETTER A–Z
    (0x1F170, 0x1F189, ord("A")),  # NEGATIVE SQUARED LATIN CAPITAL LETTER A–Z
    (0x1F1E6, 0x1F1FF, ord("A")),  # REGIONAL INDICATOR SYMBOL LETTER A–Z
]


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def scalar_values():
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        yield cp


def nfkc_table():
    """(source, result) for every code point whose NFKC form differs and is readable text."""
    table = []
    for cp in scalar_values():
        c = chr(cp)
        if cp < 0x80 or in_ranges(cp, SKIPPED_SOURCES):
            continue
        result = unicodedata.normalize("NFKC", c)
        if result == c or not result:
            continue
        if all(in_ranges(ord(r), RESULT_RANGES) for r in result):
            table.append((cp, result))
    for first, last, letter in STYLED_LATIN:
        table.extend((cp, chr(letter + cp - first)) for cp in range(first, last + 1))
    return sorted(table)


def runs(pairs):
    """Groups (source, single-char result) pairs into (first, count, first result) runs."""
    out = []
    for cp, result in pairs:
        target = ord(result)
        if out:
            first, count, first_target = out[-1]
            if cp == first + count and target == first_target + count and count < 0x7FF:
                out[-1] = (first, count + 1, first_target)
                continue
        out.append((cp, 1, target))
    return out


def confusables(path, nfkc):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig")
    version = next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith("# Version:")), None)
    if version != UNICODE_VERSION:
        sys.exit(f"confusables.txt is version {version}, unicodedata is {unicodedata.unidata_version}; need {UNICODE_VERSION}")
    table = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip() for f in line.split(";")]
        source = int(fields[0], 16)
        prototype = "".join(chr(int(h, 16)) for h in fields[1].split())
        if not all(ord(p) < 0x80 for p in prototype):
            continue
        # The folding and the skeleton apply NFKC first: a character NFKC maps
        # never reaches this table (its NFKC form is looked up instead).
        if source in nfkc:
            continue
        table[source] = prototype
    return sorted(table.items()), hashlib.sha256(raw).hexdigest()


def lowercase_letters():
    """The lowercase characters of the letter blocks (the folding lowercases before it composes)."""
    for lo, hi in LETTER_RANGES:
        for cp in range(lo, hi + 1):
            if chr(cp).lower() == chr(cp):
                yield cp


def compositions():
    """(base, mark, composed) for canonical pairs whose result is a lowercase Latin/Greek/Cyrillic letter."""
    out = []
    for cp in lowercase_letters():
        decomposition = unicodedata.decomposition(chr(cp))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = [int(h, 16) for h in decomposition.split()]
        if len(parts) != 2 or not (MARKS[0] <= parts[1] <= MARKS[1]):
            continue
        if unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) != chr(cp):
            continue  # composition exclusion
        out.append((parts[0], parts[1], cp))
    return sorted(out)


def strip_table():
    """Lowercase letters of the letter blocks → the letter without its combining marks."""
    out = []
    for cp in lowercase_letters():
        base = "".join(ch for ch in unicodedata.normalize("NFD", chr(cp)) if not (MARKS[0] <= ord(ch) <= MARKS[1]))
        if base != chr(cp) and len(base) == 1:
            out.append((cp, ord(base)))
    return out


def rust_str(s):
    return '"' + "".join(ch if 0x20 <= ord(ch) < 0x7F and ch not in '"\\' else f"\\u{{{ord(ch):x}}}" for ch in s) + '"'


def main():
    if unicodedata.unidata_version != UNICODE_VERSION:
        sys.exit(f"this Python has Unicode {unicodedata.unidata_version}; the tables are {UNICODE_VERSION}")
    nfkc = nfkc_table()
    nfkc_map = dict(nfkc)
    single = [(cp, r) for cp, r in nfkc if len(r) == 1]
    multi = [(cp, r) for cp, r in nfkc if len(r) > 1]
    confusable, digest = confusables(sys.argv[1], nfkc_map)
    confusable_single = [(cp, p) for cp, p in confusable if len(p) == 1]
    confusable_multi = [(cp, p) for cp, p in confusable if len(p) > 1]
    compose = compositions()
    strip = strip_table()
    assert all(cp <= 0xFFFF for triple in compose for cp in triple)
    assert all(cp <= 0xFFFF for pair in strip for cp in pair)

    w = sys.stdout.write
    w("//! Unicode tables of the text folding, generated by `src/text/generate_tables.py`\n")
    w(f"//! from Unicode {UNICODE_VERSION} (Python `unicodedata` {unicodedata.unidata_version} and UTS #39\n")
    w(f"//! `confusables.txt` {UNICODE_VERSION}, SHA-256 {digest}). Do not edit: regenerate.\n\n")
    w(f'/// The Unicode version of every table here.\npub const UNICODE_VERSION: &str = "{UNICODE_VERSION}";\n\n')

    w("/// NFKC mappings to one character, as runs `(first | count << 21, first result)`:\n")
    w("/// `first + i` maps to `first result + i` for `i < count` (count < 2048). Sorted.\n")
    w("#[rustfmt::skip]\npub static NFKC_RUNS: &[(u32, u32)] = &[\n")
    for first, count, target in runs(single):
        w(f"    (0x{first | (count << 21):X}, 0x{target:X}),\n")
    w("];\n\n")

    w("/// NFKC mappings to several characters (ligatures, ½, ㎏, ⑴ …). Sorted.\n")
    w("#[rustfmt::skip]\npub static NFKC_STRINGS: &[(u32, &str)] = &[\n")
    for cp, r in multi:
        w(f"    (0x{cp:X}, {rust_str(r)}),\n")
    w("];\n\n")

    w("/// UTS #39 confusables whose prototype is one ASCII character, packed as\n")
    w("/// `code point << 8 | prototype`. Sorted. Characters NFKC maps are left out.\n")
    w("#[rustfmt::skip]\npub static CONFUSABLE_ASCII: &[u32] = &[\n")
    for i in range(0, len(confusable_single), 8):
        chunk = confusable_single[i:i + 8]
        w("    " + " ".join(f"0x{(cp << 8) | ord(p):X}," for cp, p in chunk) + "\n")
    w("];\n\n")

    w("/// UTS #39 confusables whose prototype is several ASCII characters (`m` → `rn`). Sorted.\n")
    w("#[rustfmt::skip]\npub static CONFUSABLE_STRINGS: &[(u32, &str)] = &[\n")
    for cp, p in confusable_multi:
        w(f"    (0x{cp:X}, {rust_str(p)}),\n")
    w("];\n\n")

    w("/// Canonical compositions `(base, combining mark, composed)` of Latin, Greek and\n")
    w("/// Cyrillic letters. Sorted by base, then mark.\n")
    w("#[rustfmt::skip]\npub static COMPOSE: &[(u16, u16, u16)] = &[\n")
    for i in range(0, len(compose), 6):
        w("    " + " ".join(f"(0x{b:X}, 0x{m:X}, 0x{c:X})," for b, m, c in compose[i:i + 6]) + "\n")
    w("];\n\n")

    w("/// Lowercase Latin, Greek and Cyrillic letters → the same letter without its\n")
    w("/// combining marks (canonical decomposition). Sorted.\n")
    w("#[rustfmt::skip]\npub static STRIP: &[(u16, u16)] = &[\n")
    for i in range(0, len(strip), 8):
        w("    " + " ".join(f"(0x{a:X}, 0x{b:X})," for a, b in strip[i:i + 8]) + "\n")
    w("];\n")

    sys.stderr.write(f"NFKC: {len(single)} single in {len(runs(single))} runs, {len(multi)} strings; "
                     f"confusables: {len(confusable_single)} single, {len(confusable_multi)} strings; "
                     f"compose: {len(compose)}; strip: {len(strip)}\n")


if __name__ == "__main__":
    main()
