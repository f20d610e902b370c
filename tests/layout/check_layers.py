#!/usr/bin/env python3
"""Check the layering of lib/ (docs/architecture.md): a file in lib/<layer>/ includes private
headers only of its own layer or of lower ones; the two files at the top, lib/sections.c (the
section registry) and lib/options.c (the options-init functions), may include every layer; no
other file sits directly in lib/. Files outside lib/ that ship
(data/, examples/) include public headers only (<regint/...>).

    check_layers.py [ROOT]                  ROOT: the source tree (default: two levels up)
    check_layers.py --expect FILE ROOT      the self-test: ROOT must break the rules exactly
                                            as FILE lists (exit 0 then, 1 otherwise)

Prints one line per violation, "<file>:<line>: <rule>", and exits 1 if there is any."""
import os
import re
import sys

# Who may include whom: each layer lists the layers it may include (itself included).
# util <- dataset <- {apportion, settlement, matching} <- {knowledge, tasks}
ENGINES = {"apportion", "settlement", "matching"}
ALLOWED = {
    "util": {"util"},
    "dataset": {"util", "dataset"},
    **{e: {"util", "dataset", e} for e in ENGINES},
    "knowledge": {"util", "dataset", "knowledge"} | ENGINES,
    "tasks": {"util", "dataset", "tasks"} | ENGINES,
}
TOP = {"sections.c", "options.c"}  # lib/<file>: the top, may include every layer
PUBLIC_ONLY = ("data", "examples")  # shipped code outside lib/: public headers only

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield n, m.group(1)


def sources(top):
    for d, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".c", ".h", ".cpp")):
                yield os.path.join(d, name)


def check(root):
    errors = []
    lib = os.path.join(root, "lib")
    for path in sources(lib):
        rel = os.path.relpath(path, lib)
        parts = rel.split(os.sep)
        where = "lib/" + "/".join(parts)
        if len(parts) == 1:
            if parts[0] not in TOP:
                errors.append(f"{where}:1: only the top files ({', '.join(sorted(TOP))}) sit directly in lib/")
                continue
            allowed = set(ALLOWED)
        elif parts[0] not in ALLOWED:
            errors.append(f"{where}:1: '{parts[0]}' is not a layer (known: {', '.join(ALLOWED)})")
            continue
        else:
            allowed = ALLOWED[parts[0]]
        layer = parts[0] if len(parts) > 1 else "the top"
        for n, inc in includes(path):
            head = inc.split("/")[0]
            if head == "regint":
                continue  # public headers
            if "/" not in inc or head not in ALLOWED:
                errors.append(f"{where}:{n}: private includes are written relative to lib/ "
                              f"(\"<layer>/<file>.h\"), got \"{inc}\"")
            elif head not in allowed:
                errors.append(f"{where}:{n}: {layer} may not include {inc} "
                              f"({layer} may include: {', '.join(sorted(allowed))})")
    for top in PUBLIC_ONLY:
        for path in sources(os.path.join(root, top)):
            where = os.path.relpath(path, root)
            for n, inc in includes(path):
                if inc.split("/")[0] in ALLOWED:
                    errors.append(f"{where}:{n}: {top}/ uses the public API only, got private \"{inc}\"")
    return errors


def main():
    args = sys.argv[1:]
    if args[:1] == ["--expect"] and len(args) == 3:
        errors = check(os.path.abspath(args[2]))
        with open(args[1], encoding="utf-8") as f:
            want = [line.rstrip("\n") for line in f if line.strip()]
        for e in errors:
            print(e)
        if errors != want:
            print("layering self-test: the violations found differ from " + args[1])
            return 1
        print(f"layering self-test: all {len(want)} deliberate violations caught")
        return 0
    root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "..")
    errors = check(os.path.abspath(root))
    for e in errors:
        print(e)
    if errors:
        print(f"layering: {len(errors)} violation(s) (rules: docs/architecture.md)")
        return 1
    print("layering: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
