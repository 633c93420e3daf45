#!/usr/bin/env python3
"""Regenerates the committed fuzz seeds under fuzz/seeds/<target>/ from the project's own data.

    python3 fuzz/seeds/generate.py [--spec PATH/SPEC.md] [--ui DIR_OF_TRYBUILD_CASES]

- quantity/       every input of kvol-core/tests/data/quantity.tsv (apimachinery's vectors),
                  and each pair of quantity_cmp.tsv as `a\\nb` (the target compares the two);
- names/          every input of kvol-core/tests/data/names.tsv;
- yaml_roundtrip/ every token of kvol-core/tests/support/hostile.rs alone, and a few hostile
                  strings glued together (the target also draws those tokens on its own);
- check/          every YAML stream of kvol-read's corpus (kvol-read/tests/data/corpus/*.yaml:
                  hostile YAML, Kubernetes' reader's edge cases) and kvol-core's test manifests;
- dsl/            the macro invocations of SPEC.md (the flagship and its full form) and of the
                  trybuild cases tests/ui/**/*.rs, one byte for the macro (s statefulset!,
                  p pod!, c pvc!, v pv!, k storage_class!, m manifests!, e service!,
                  d deployment!, a daemonset!, g config_map!, x secret!, b pdb!,
                  n volume_snapshot_class!, o volume_snapshot!, t volume_attributes_class!)
                  then the body.

Each seed file is named <source>-<first 10 hex digits of its SHA-1>, so rerunning the script
rewrites the same files; files of a source that no longer yields them are removed. Sources that
are missing (no tests/ui yet, no SPEC.md) are skipped with a note. Standard library only.
"""

import argparse
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fuzz" / "seeds"
DATA = ROOT / "kvol-core" / "tests" / "data"

KIND_BYTE = {
    "statefulset": "s",
    "pod": "p",
    "pvc": "c",
    "pv": "v",
    "storage_class": "k",
    "manifests": "m",
    "service": "e",
    "deployment": "d",
    "daemonset": "a",
    "config_map": "g",
    "secret": "x",
    "pdb": "b",
    "volume_snapshot_class": "n",
    "volume_snapshot": "o",
    "volume_attributes_class": "t",
}


def decode(field):
    """A TSV field of tests/data: `<empty>` is empty; `\\\\`, `\\t`, `\\n` are escapes."""
    if field == "<empty>":
        return ""
    return re.sub(r"\\(.)", lambda m: {"\\": "\\", "t": "\t", "n": "\n"}[m.group(1)], field)


def rows(path, columns):
    """Data rows of a tests/data TSV: comments and the header line skipped."""
    lines = [l for l in path.read_text(encoding="utf-8").split("\n") if l and not l.startswith("#")]
    out = []
    for line in lines[1:]:
        fields = [decode(f) for f in line.split("\t")]
        assert len(fields) == columns, (path, line)
        out.append(fields)
    return out


def hostile_tokens():
    """The TOKENS array of kvol-core/tests/support/hostile.rs, as Python strings."""
    src = (ROOT / "kvol-core" / "tests" / "support" / "hostile.rs").read_text(encoding="utf-8")
    body = src[src.index("TOKENS: &[&str] = &[") :]
    body = body[: body.index("];")]
    tokens = []
    for lit in re.findall(r'"((?:[^"\\]|\\.)*)"', body):
        tokens.append(
            re.sub(
                r"\\u\{([0-9a-fA-F]+)\}|\\(.)",
                lambda m: chr(int(m.group(1), 16))
                if m.group(1)
                else {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"'}[m.group(2)],
                lit,
            )
        )
    return tokens


def invocations(text):
    """(macro, body) for every `kvol::NAME! { ... }` (or `( ... )`) in Rust or Markdown text."""
    out = []
    for m in re.finditer(r"kvol::(\w+)!\s*([{(])", text):
        name, open_ = m.group(1), m.group(2)
        close = "}" if open_ == "{" else ")"
        depth, i = 0, m.end() - 1
        in_str = False
        while i < len(text):
            c = text[i]
            if in_str:
                if c == "\\":
                    i += 1
                elif c == '"':
                    in_str = False
            elif c == '"':
                in_str = True
            elif c in "{(":
                depth += 1
            elif c in "})":
                depth -= 1
                if depth == 0:
                    if c == close and name in KIND_BYTE:
                        out.append((name, text[m.end() : i]))
                    break
            i += 1
    return out


def write(target, source, seeds):
    """Writes `seeds` (bytes) as fuzz/seeds/<target>/<source>-<sha1>; drops stale ones."""
    d = SEEDS / target
    d.mkdir(parents=True, exist_ok=True)
    wanted = {}
    for s in seeds:
        wanted[f"{source}-{hashlib.sha1(s).hexdigest()[:10]}"] = s
    for old in d.glob(f"{source}-*"):
        if old.name not in wanted:
            old.unlink()
    for name, s in wanted.items():
        (d / name).write_bytes(s)
    print(f"{target}/{source}-*: {len(wanted)} seeds")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spec", default=str(ROOT.parent / "shared" / "SPEC.md"))
    ap.add_argument("--ui", default=str(ROOT / "tests" / "ui"), help="trybuild cases")
    args = ap.parse_args()

    write("quantity", "vector", [r[0].encode() for r in rows(DATA / "quantity.tsv", 2)])
    write("quantity", "cmp", [f"{a}\n{b}".encode() for a, b, _ in rows(DATA / "quantity_cmp.tsv", 3)])
    write("names", "vector", [r[1].encode() for r in rows(DATA / "names.tsv", 3)])

    tokens = hostile_tokens()
    glued = [
        "on: yes",
        "key: value # comment",
        "a\n---\nb: c",
        "- item\n...\n%YAML 1.1",
        "0755 0o17 0x1F 1e3",
        "2001-12-14 21:59:43.10 -5",
        '"quoted" \'single\' \\backslash',
        "\u0085next\u2028line\u2029para\ufeffbom",
        "registry.k8s.io/pause:3.9",
        "app.kubernetes.io/name",
        "1Gi",
        "",
    ]
    corpus = sorted((ROOT / "kvol-read" / "tests" / "data" / "corpus").glob("*.yaml"))
    write("check", "reader", [f.read_bytes() for f in corpus])
    write("yaml_roundtrip", "token", [t.encode() for t in tokens])
    write("yaml_roundtrip", "glued", [g.encode() for g in glued])

    spec = pathlib.Path(args.spec)
    if spec.is_file():
        found = invocations(spec.read_text(encoding="utf-8"))
        write("dsl", "spec", [(KIND_BYTE[k] + body).encode() for k, body in found])
    else:
        print(f"note: {spec} not found; dsl/spec-* seeds left as they are", file=sys.stderr)
    ui = sorted(pathlib.Path(args.ui).glob("**/*.rs"))
    if ui:
        found = [i for p in ui for i in invocations(p.read_text(encoding="utf-8"))]
        write("dsl", "ui", [(KIND_BYTE[k] + body).encode() for k, body in found])
    else:
        print(f"note: no {args.ui}/**/*.rs; dsl/ui-* seeds left as they are", file=sys.stderr)


if __name__ == "__main__":
    main()
