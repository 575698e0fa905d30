#!/usr/bin/env python3
"""What each part of the wasm costs (#14): code bytes per crate (from the name
section of a build that keeps names) and data bytes per symbol group (from
wasm-ld's --Map file), raw and gzipped (-9, each group compressed alone, so the
gzipped figures add up to a little more than the whole file's).

  python3 tests/bench/size/parts.py WASM_WITH_NAMES [MAP_FILE]

One release build gives both (its wasm keeps the name section before wasm-bindgen):

  RUSTFLAGS="-C link-arg=--Map=/tmp/wasm.map" CARGO_TARGET_DIR=/tmp/map-target \
    cargo build --release --target wasm32-unknown-unknown
  python3 tests/bench/size/parts.py \
    /tmp/map-target/wasm32-unknown-unknown/release/mail_preflight.wasm /tmp/wasm.map

Prints tables; asserts nothing."""
import gzip, re, subprocess, sys
from collections import defaultdict


def leb(b, i):
    result = shift = 0
    while True:
        x = b[i]; i += 1
        result |= (x & 0x7F) << shift; shift += 7
        if x < 0x80:
            return result, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; size, j = leb(b, i + 1)
        yield sid, b[j:j + size], j
        i = j + size


def parse(path):
    b = open(path, 'rb').read()
    imports = 0; bodies = []; names = {}; data = b''
    for sid, payload, _ in sections(b):
        if sid == 2:  # imports: count the imported functions (they take the first indices)
            n, i = leb(payload, 0)
            for _ in range(n):
                for _ in range(2):
                    l, i = leb(payload, i); i += l
                kind = payload[i]; i += 1
                if kind == 0:
                    _, i = leb(payload, i); imports += 1
                elif kind == 1:
                    i += 1; flags, i = leb(payload, i); _, i = leb(payload, i)
                    if flags & 1: _, i = leb(payload, i)
                elif kind == 2:
                    flags, i = leb(payload, i); _, i = leb(payload, i)
                    if flags & 1: _, i = leb(payload, i)
                elif kind == 3:
                    i += 2
                elif kind == 4:
                    i += 1; _, i = leb(payload, i)
        elif sid == 10:
            n, i = leb(payload, 0)
            for _ in range(n):
                size, i = leb(payload, i); bodies.append(payload[i:i + size]); i += size
        elif sid == 11:
            data = payload
        elif sid == 0:
            l, i = leb(payload, 0); name = payload[i:i + l].decode(); i += l
            if name != 'name':
                continue
            while i < len(payload):
                sub = payload[i]; size, j = leb(payload, i + 1)
                if sub == 1:
                    n, k = leb(payload, j)
                    for _ in range(n):
                        idx, k = leb(payload, k); l, k = leb(payload, k)
                        names[idx] = payload[k:k + l].decode('utf8', 'replace'); k += l
                i = j + size
    return imports, bodies, names, data


ESCAPES = {'$LT$': '<', '$GT$': '>', '$u20$': ' ', '$RF$': '&', '$BP$': '*', '$C$': ',', '$u7b$': '{',
           '$u7d$': '}', '$u5b$': '[', '$u5d$': ']', '$u27$': "'", '$LP$': '(', '$RP$': ')', '$SP$': '@'}


def demangle_one(name):
    """Rust's legacy mangling (_ZN<len><segment>...E), enough to read crate paths."""
    if not name.startswith('_ZN'):
        return name
    i, parts = 3, []
    while i < len(name) and name[i].isdigit():
        j = i
        while name[j].isdigit():
            j += 1
        n = int(name[i:j]); parts.append(name[j:j + n]); i = j + n
    text = '::'.join(p for p in parts if not re.fullmatch(r'h[0-9a-f]{16}', p))
    text = text.replace('..', '::')
    for k, v in ESCAPES.items():
        text = text.replace(k, v)
    return text.lstrip('_')


def demangle(names):
    """rustfilt (cargo install rustfilt) when there, for v0 names with their generic
    arguments; else the legacy scheme read here."""
    keys = list(names)
    try:
        out = subprocess.run(['rustfilt'], input='\n'.join(names[k] for k in keys), capture_output=True, text=True)
        if out.returncode == 0:
            return dict(zip(keys, out.stdout.split('\n')))
    except OSError:
        pass
    return {k: demangle_one(v) for k, v in names.items()}


CRATE = re.compile(r'([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::')


def known_crates():
    """The crate names of Cargo.lock (dashes as underscores) and ours."""
    try:
        lock = open('Cargo.lock').read()
    except OSError:
        return {'mail_preflight'}
    return {n.replace('-', '_') for n in re.findall(r'^name = "([^"]+)"', lock, re.M)} | {'mail_preflight'}


KNOWN = known_crates()
STD = {'core', 'alloc', 'std', 'dlmalloc', 'compiler_builtins'}


def crate_of(name):
    # `<a::B as c::D>::f` and `alloc::vec::Vec<a::B>::push` belong to the first
    # non-std crate they name: generic std code is paid for by the crate whose
    # type it is instantiated with.
    found = [c for c in CRATE.findall(name) if c in KNOWN or c in STD]
    for c in found:
        if c not in STD:
            return c
    if found:
        return 'std (' + found[0] + ')' if found[0] != 'dlmalloc' else 'dlmalloc (allocator)'
    if name.startswith('__wbg') or 'wbindgen' in name or name.startswith('__externref'):
        return '(wasm-bindgen glue)'
    return '(unnamed: ' + name[:30] + ')' if name else '(unnamed)'


def gz(x):
    return len(gzip.compress(x, 9))


def code_table(path):
    imports, bodies, names, data = parse(path)
    names = demangle(names)
    groups = defaultdict(list)
    for k, body in enumerate(bodies):
        groups[crate_of(names.get(imports + k, ''))].append(body)
    rows = sorted(((sum(map(len, v)), gz(b''.join(v)), c, len(v)) for c, v in groups.items()), reverse=True)
    print(f"code: {sum(map(len, bodies))} bytes raw, {gz(b''.join(bodies))} gzipped, {len(bodies)} functions")
    print(f"{'crate':<28}{'functions':>10}{'raw':>10}{'gzip':>9}")
    for raw, z, c, n in rows[:30]:
        print(f"{c:<28}{n:>10}{raw:>10}{z:>9}")
    print(f"data segment: {len(data)} bytes raw, {gz(data)} gzipped")
    ours = defaultdict(list)
    for k, body in enumerate(bodies):
        name = names.get(imports + k, '')
        if crate_of(name) == 'mail_preflight':
            m = re.search(r'mail_preflight(?:\[[0-9a-f]+\])?::([a-z_0-9]+)(?:::([a-z_0-9]+))?', name)
            ours['::'.join(x for x in (m.groups() if m else ('?',)) if x)].append(body)
    print(f"\nour crate by module")
    for raw, z, c, n in sorted(((sum(map(len, v)), gz(b''.join(v)), c, len(v)) for c, v in ours.items()), reverse=True)[:40]:
        print(f"{c:<40}{n:>8}{raw:>10}{z:>9}")
    return data


OBJECT_CRATE = re.compile(r'/deps/([A-Za-z0-9_]+?)[-.]|/lib([a-z_0-9]+)-[0-9a-f]+\.rlib')


def data_table(path, map_path):
    """The data segment by crate: wasm-ld's map lists each input section of
    `.rodata` with its file offset, size and the object (crate) it comes from."""
    wasm = open(path, 'rb').read()
    groups = defaultdict(list)
    in_rodata = False
    for line in open(map_path, encoding='utf8', errors='replace'):
        parts = line.split(None, 3)
        if len(parts) < 4:
            continue
        name = parts[3].strip()
        if name == '.rodata':
            in_rodata = True
            continue
        if not in_rodata:
            continue
        if name.startswith('.') and not name.startswith('.L'):
            break  # the next output section
        if '(' not in name and '<internal>' not in name:
            continue  # a symbol line under its input section
        if '<internal>' in name:
            crate = '(linker: <internal>)'
        else:
            m = OBJECT_CRATE.search(name)
            crate = next((g for g in m.groups() if g), name[:40]) if m else name[:40]
            if '.rlib' in name and crate.startswith('lib'):
                crate = crate[3:]  # deps/libNAME-hash.rlib
        try:
            offset, size = int(parts[1], 16), int(parts[2], 16)
        except ValueError:
            continue
        groups[crate].append(wasm[offset:offset + size])
    total = sum(sum(map(len, v)) for v in groups.values())
    print(f"\ndata (.rodata) by crate: {total} bytes raw")
    print(f"{'crate':<28}{'raw':>10}{'gzip':>9}")
    rows = sorted(((sum(map(len, v)), gz(b''.join(v)), c) for c, v in groups.items()), reverse=True)
    for raw, z, c in rows[:20]:
        print(f"{c:<28}{raw:>10}{z:>9}")


if __name__ == '__main__':
    code_table(sys.argv[1])
    if len(sys.argv) > 2:
        data_table(sys.argv[1], sys.argv[2])
