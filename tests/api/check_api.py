#!/usr/bin/python3
"""The `api` test: check the API rules of docs/user-guide.md ("API rules") over public headers.

Usage: check_api.py [--expect RULES] HEADER...

Each rule has an id (printed in brackets). Without --expect the script prints every breach as
`file:line: [rule] message` and exits 1 if there is any, 0 otherwise. With --expect RULES (a
comma-separated list of rule ids) it checks a deliberately wrong header: it exits 0 only when
every listed rule is reported at least once (and prints what it found), so the test of the
checker fails if a rule stops firing.

The checks are mechanical on purpose (regular expressions over the headers as written in this
project's style: one declaration per `REGINT_API` line group, `typedef enum x {...} x;`,
`typedef struct x {...} x;`, `typedef struct x x;` for opaque handles). They do not replace
reading the API; they stop the patterns from drifting.
"""
import os
import re
import sys

# Words that mark a function as changing the handle it is given (any other function that takes
# a non-const handle is a query and must take it const).
MUTATORS = ("add", "set", "import", "refresh", "free", "decide", "apply", "remove", "clear")

RULES = {
    "prefix": "the function prefix is the header name (regint_<header>_...)",
    "public-prefix": "every public name starts with regint_ / REGINT_",
    "t-plain": "a _t type is a plain value: never opaque, never freed",
    "free-pairs": "X_free frees a type X declared in the same header, takes one X * and is NULL-safe",
    "handle-free": "an opaque handle has a creator (_new, _load*, ...) and X_free",
    "result-free": "a heap result is named _result and freed by _result_free",
    "options": "options: version first, _VERSION and _INIT macros (INIT built on _VERSION), _options_init(); NULL options = defaults",
    "versioned": "a struct with a version member is an _options struct",
    "enum": "every public enum has a count, _name() and _from_name()",
    "parser": "parsers take (text, len, name, out)",
    "out-last": "out-parameters come last",
    "const-query": "queries take const handles",
}


def strip_comments(text):
    """Blank out comments but keep newlines, so that offsets map to line numbers."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)


class Header:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.stem = self.name[:-2]
        self.raw = open(path, encoding="utf-8").read()
        self.code = strip_comments(self.raw)
        self.functions = []  # (name, return type, [params], line, doc)
        self.enums = {}      # name -> (line, [enumerators])
        self.structs = {}    # name -> (line, body)
        self.opaque = {}     # name -> line
        self.macros = {}     # name -> (line, value)
        self.typedefs = {}   # every typedef name -> line
        self._parse()

    def line(self, pos):
        return self.code.count("\n", 0, pos) + 1

    def doc_before(self, pos):
        """The doc comment right before the declaration at pos (raw text), or ''."""
        head = self.raw[:pos].rstrip()
        if head.endswith("*/"):
            start = head.rfind("/**")
            if start >= 0:
                return head[start:]
        return ""

    def _parse(self):
        c = self.code
        for m in re.finditer(r"typedef\s+enum\s+(\w+)\s*\{(.*?)\}\s*(\w+)\s*;", c, re.S):
            names = [e.split("=")[0].strip() for e in m.group(2).split(",") if e.strip()]
            self.enums[m.group(3)] = (self.line(m.start()), names)
            self.typedefs[m.group(3)] = self.line(m.start())
        for m in re.finditer(r"typedef\s+struct\s+(\w+)\s*\{(.*?)\}\s*(\w+)\s*;", c, re.S):
            self.structs[m.group(3)] = (self.line(m.start()), m.group(2))
            self.typedefs[m.group(3)] = self.line(m.start())
        for m in re.finditer(r"typedef\s+struct\s+(\w+)\s+(\w+)\s*;", c):
            self.opaque[m.group(2)] = self.line(m.start())
            self.typedefs[m.group(2)] = self.line(m.start())
        for m in re.finditer(r"typedef\s+[^;{}]*\(\s*\*\s*(\w+)\s*\)", c):
            self.typedefs[m.group(1)] = self.line(m.start())
        for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+(\w+)(\([^)]*\))?[ \t]*((?:[^\n\\]|\\\n|\\.)*)", c, re.M):
            self.macros[m.group(1)] = (self.line(m.start()), m.group(3).replace("\\\n", " ").strip())
        for m in re.finditer(r"REGINT_API\s+([^;(]*?)\b(\w+)\s*\(([^;]*?)\)\s*;", c, re.S):
            if m.group(2) == "__attribute__":
                continue
            params = [p.strip() for p in re.sub(r"\s+", " ", m.group(3)).split(",")]
            if params == ["void"] or params == [""]:
                params = []
            self.functions.append((m.group(2), m.group(1).strip(), params, self.line(m.start()),
                                   self.doc_before(m.start())))


def param_parts(p):
    """(type, name) of a parameter such as 'const int64_t *weights' or 'int goals[17]'."""
    m = re.match(r"(.*?)(\w+)\s*(\[[^\]]*\])?$", p)
    if not m:
        return p, ""
    typ = m.group(1).strip() + (" *" if m.group(3) else "")
    return typ, m.group(2)


def upper(name):
    return name.upper()


def check(headers):
    out = []

    def bad(h, line, rule, msg):
        out.append((h.name, line, rule, msg))

    all_opaque = {}
    all_types = {}
    for h in headers:
        all_opaque.update(h.opaque)
        all_types.update({t: h for t in h.typedefs})

    for h in headers:
        fnames = {f[0]: f for f in h.functions}
        enum_helpers = set()
        for e in h.enums:
            enum_helpers |= {e + "_name", e + "_from_name"}

        # --- public names
        for t, line in h.typedefs.items():
            if not t.startswith("regint_"):
                bad(h, line, "public-prefix", f"type '{t}' does not start with regint_")
        for mname, (line, _) in h.macros.items():
            if not mname.startswith("REGINT_"):
                bad(h, line, "public-prefix", f"macro '{mname}' does not start with REGINT_")

        # --- prefix = header name (common.h is the core: regint_ alone)
        for name, ret, params, line, doc in h.functions:
            if not name.startswith("regint_"):
                bad(h, line, "public-prefix", f"function '{name}' does not start with regint_")
                continue
            if h.stem in ("common", "regint", "version"):
                continue
            if name in enum_helpers:
                continue
            want = "regint_" + h.stem
            if name != want and not name.startswith(want + "_"):
                bad(h, line, "prefix", f"function '{name}' in {h.name} should start with '{want}_'")

        # --- _t types are plain values
        for t, line in h.typedefs.items():
            if t.endswith("_t") and t in h.opaque:
                bad(h, line, "t-plain", f"'{t}' is opaque: a handle is not a _t")
            if t.endswith("_t") and (t + "_free" in fnames or t[:-2] + "_free" in fnames):
                bad(h, line, "t-plain", f"'{t}' is freed ({t[:-2]}_free): a heap result is _result, not _t")

        # --- X_free pairs
        for name, ret, params, line, doc in h.functions:
            if not name.endswith("_free") or name == "regint_free":
                continue
            x = name[: -len("_free")]
            if x not in h.typedefs:
                bad(h, line, "free-pairs", f"'{name}' frees no type '{x}' declared in {h.name}")
                continue
            if x.endswith("_t"):
                bad(h, line, "t-plain", f"'{name}' frees the _t type '{x}'")
            if len(params) != 1 or param_parts(params[0])[0].replace("const ", "").strip() != x + " *":
                bad(h, line, "free-pairs", f"'{name}' should take exactly one '{x} *'")
            if "NULL" not in doc:
                bad(h, line, "free-pairs", f"'{name}': the doc comment must say that NULL is allowed")

        # --- handles and heap results
        for t, line in h.opaque.items():
            if t + "_free" not in fnames:
                bad(h, line, "handle-free", f"opaque handle '{t}' has no '{t}_free'")
        for t, (line, body) in h.structs.items():
            if t.endswith("_result") and t + "_free" not in fnames:
                bad(h, line, "result-free", f"'{t}' is a _result without '{t}_free'")
            if t + "_free" in fnames and not t.endswith("_result"):
                loaded = any(n.startswith(t + "_load") for n in fnames)
                if not loaded:
                    bad(h, line, "result-free",
                        f"'{t}' is freed with '{t}_free' but is not named _result (nor loaded by {t}_load*)")

        # --- options structs
        for t, (line, body) in h.structs.items():
            members = [m.strip() for m in body.split(";") if m.strip()]
            first = re.sub(r"\s+", " ", members[0]) if members else ""
            has_version = any(re.search(r"\bversion$", re.sub(r"\s+", " ", m)) for m in members)
            if has_version and not t.endswith("_options"):
                bad(h, line, "versioned", f"'{t}' has a version member but is not named *_options")
            if not t.endswith("_options"):
                continue
            if first != "int version":
                bad(h, line, "options", f"'{t}': the first member must be 'int version' (is '{first}')")
            vm, im = upper(t) + "_VERSION", upper(t) + "_INIT"
            if vm not in h.macros:
                bad(h, line, "options", f"'{t}': no macro {vm}")
            if im not in h.macros:
                bad(h, line, "options", f"'{t}': no macro {im}")
            else:
                val = h.macros[im][1]
                firstval = val.lstrip("{ ").split(",")[0].strip()
                if firstval != vm:
                    bad(h, h.macros[im][0], "options",
                        f"{im} must start with {vm}, not '{firstval}'")
            init = fnames.get(t + "_init")
            if not init:
                bad(h, line, "options", f"'{t}': no function {t}_init({t} *opts, int version)")
            else:
                types = [param_parts(p)[0] for p in init[2]]
                if types != [t + " *", "int"] or init[1] != "regint_status":
                    bad(h, init[3], "options", f"{t}_init must be 'regint_status {t}_init({t} *opts, int version)'")

        # --- functions that take options accept NULL for the defaults (and say so)
        for name, ret, params, line, doc in h.functions:
            for p in params:
                typ, pn = param_parts(p)
                base = typ.replace("const ", "").replace("*", "").strip()
                if base.endswith("_options") and not name.endswith("_options_init") and "NULL" not in doc:
                    bad(h, line, "options", f"'{name}': NULL options must mean the defaults, and the doc must say so")

        # --- every opaque handle has a creator (a function with a `handle **` out-parameter)
        for t, line in h.opaque.items():
            creators = [f for f in h.functions if any(param_parts(p)[0] == t + " **" for p in f[2])]
            if not creators and not t.endswith("_t"):
                bad(h, line, "handle-free", f"opaque handle '{t}' has no creator (_new, _load*, ...: a '{t} **' out-parameter)")

        # --- enums
        for e, (line, names) in h.enums.items():
            cm = upper(e) + "_COUNT"
            if cm not in h.macros and cm not in names:
                bad(h, line, "enum", f"enum '{e}' has no count {cm}")
            nf = fnames.get(e + "_name")
            if not nf:
                bad(h, line, "enum", f"enum '{e}' has no {e}_name()")
            else:
                if nf[1] != "const char *":
                    bad(h, nf[3], "enum", f"{e}_name() must return const char *")
                if "NULL" in nf[4] and "never NULL" not in nf[4]:
                    bad(h, nf[3], "enum", f"{e}_name(): its doc says it may return NULL; it never may")
                if "unknown" not in nf[4]:
                    bad(h, nf[3], "enum", f"{e}_name(): the doc must say what an out-of-range value gives (\"unknown\")")
            ff = fnames.get(e + "_from_name")
            if not ff:
                bad(h, line, "enum", f"enum '{e}' has no {e}_from_name()")
            elif [param_parts(p)[0] for p in ff[2]] != ["const char *", e + " *"]:
                bad(h, ff[3], "enum", f"{e}_from_name must take (const char *name, {e} *out)")

        # --- parameters: parsers, out-parameters last, const queries
        for name, ret, params, line, doc in h.functions:
            parts = [param_parts(p) for p in params]
            pnames = [p[1] for p in parts]
            if "len" in pnames:
                i = pnames.index("len")
                if (i == 0 or parts[i - 1][0] != "const char *" or i + 1 >= len(parts)
                        or parts[i + 1] != ("const char *", "name")):
                    bad(h, line, "parser", f"'{name}': a parser takes (text, len, name, ..., out)")
            if name.endswith("_load_string") and "len" not in pnames:
                bad(h, line, "parser", f"'{name}': a parser takes (text, len, name, ..., out)")

            def is_out(i):
                typ, pn = parts[i]
                if i == 0:
                    return False
                if typ.startswith("const ") and "**" not in typ:
                    return False
                if "*" not in typ:
                    return False
                base = typ.replace("const ", "").replace("*", "").strip()
                if base in all_opaque and typ.count("*") == 1:
                    return False  # a handle given to work on, not an out-parameter
                if base in ("void", "regint_match_progress_fn"):
                    return False
                if typ.startswith("const ") and typ.count("*") >= 2 and not re.match(r"const \w+ \*\*+$", typ.replace(" *", " *")):
                    return False
                return True

            seen_out = None
            for i in range(len(parts)):
                if is_out(i):
                    seen_out = seen_out or parts[i][1]
                elif seen_out:
                    bad(h, line, "out-last", f"'{name}': input '{parts[i][1]}' comes after the out-parameter '{seen_out}'")
                    break

            if not any(w in name.split("_") for w in MUTATORS):
                for typ, pn in parts:
                    base = typ.replace("*", "").strip()
                    if base in all_opaque and not typ.startswith("const ") and typ.count("*") == 1:
                        bad(h, line, "const-query",
                            f"'{name}' is a query but takes a non-const '{base} *{pn}' (make it const, "
                            f"or name what it changes: {', '.join(MUTATORS)})")
    return out


def main(argv):
    expect = None
    if len(argv) > 2 and argv[1] == "--expect":
        expect = [r for r in argv[2].split(",") if r]
        argv = argv[2:]
    paths = argv[1:]
    if not paths:
        print(__doc__)
        return 2
    headers = [Header(p) for p in paths]
    found = check(headers)
    for f, line, rule, msg in found:
        print(f"{f}:{line}: [{rule}] {msg}")
    if expect is not None:
        unknown = [r for r in expect if r not in RULES]
        fired = {r for _, _, r, _ in found}
        missing = [r for r in expect if r not in fired]
        if unknown:
            print("unknown rule ids in --expect: " + ", ".join(unknown))
        if missing:
            print("the checker did NOT report: " + ", ".join(f"[{r}] {RULES[r]}" for r in missing))
        ok = not unknown and not missing
        print(("OK: every expected rule fired" if ok else "FAIL") + f" ({len(found)} breaches)")
        return 0 if ok else 1
    print(f"{len(headers)} headers, {sum(len(h.functions) for h in headers)} functions: "
          + (f"{len(found)} breaches of the API rules" if found else "the API rules hold"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
