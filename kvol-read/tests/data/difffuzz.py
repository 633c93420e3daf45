#!/usr/bin/env python3
"""Differential fuzzing of kvol-read against Kubernetes' reader (not run by cargo test).

Generates random YAML streams from a grammar of the traps kvol-read must get right (scalars
go-yaml v2 resolves, block/flow nesting, anchors, merges, comments, quoting, block scalars,
tabs, separators), feeds each to k8syaml2json -strict -skip-null and to kvol-read's yaml2json
example, and reports every stream on which their outputs (JSON lines, refused or not) differ.

    cargo build --release -p kvol-read --example yaml2json
    kvol-read/tests/data/difffuzz.py [COUNT] [SEED]     # failures go to /tmp/kvol-read-fuzz/
"""
import os, random, subprocess, sys

K8S = os.path.expanduser("~/.cache/k8syaml2json/bin/k8syaml2json")
HERE = os.path.dirname(os.path.abspath(__file__))
OURS = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(HERE, "../../../target")),
                    "release/examples/yaml2json")

# Messages of kvol-read's documented refusals (lib.rs, "knowingly differs").
KNOWN = ["a tag with no value in a flow", "is a line break for Kubernetes", "carriage return without a line feed", "kvol-read does not read it", "needs them indented", "flow collections nested deeper"]

SCALARS = ["yes", "no", "y", "N", "on", "Off", "true", "FALSE", "~", "null", "", "0755", "0o17",
           "0x1F", "0b101", "-0b1", "1_000", "1:20", "1e3", "08", "1.", ".5", "-.5", "+1", "-0",
           "1e400", ".inf", ".NaN", "2001-12-14", "12:30", "9223372036854775808",
           "18446744073709551616", "-9223372036854775809", "abc", "a b", "x-y", "1.2.3", "10Gi",
           "0.1", "1e-7", "1e21", "123456789012345678901234", "<b>&", "é", "日本", "😀",
           "'quoted'", '"dq"', '"esc \\t \\u00e9 \\x41"', "'it''s'", "!!str 12", "!!int '3'",
           "!!float 1", "!foo bar", "!!binary aGk=", "a#b", "-x", "?x", "%x", "@x", "`x",
           "'---'", '"..."', "|", ">", "[]", "{}", "[a, b]", "{a: 1}", "*a"]
KEYS = ["a", "b", "c", "yes", "on", "1", "1.5", "0x1", "'q'", '"k"', "~", "n", "<<", "x y",
        "k1", "k2", "apiVersion", "kind", "name", "?"]


def scalar(r):
    return r.choice(SCALARS)


def flow(r, depth):
    if depth > 3 or r.random() < 0.4:
        s = scalar(r)
        # `?x` in a flow collection is a documented refusal of kvol-read: keep it rare.
        return s if s != "?x" or r.random() < 0.1 else "x"
    if r.random() < 0.5:
        return "[" + ", ".join(flow(r, depth + 1) for _ in range(r.randint(0, 3))) + "]"
    keys = [k for k in KEYS if k != "?"] if r.random() < 0.95 else KEYS
    return "{" + ", ".join(f"{r.choice(keys)}: {flow(r, depth + 1)}" for _ in range(r.randint(0, 3))) + "}"


def block(r, indent, depth, lines):
    pad = " " * indent
    kind = r.random()
    if depth > 4 or kind < 0.15:
        lines.append(pad + flow(r, 0))
        return
    if kind < 0.55:
        for _ in range(r.randint(1, 4)):
            key = r.choice(KEYS)
            anchor = f" &{r.choice('abc')}" if r.random() < 0.1 else ""
            v = r.random()
            if v < 0.45:
                lines.append(f"{pad}{key}:{anchor} {flow(r, 0)}{' # c' if r.random() < 0.1 else ''}")
            elif v < 0.55:
                ind = r.choice(["|", ">", "|-", ">+", "|2"])
                lines.append(f"{pad}{key}:{anchor} {ind}")
                for _ in range(r.randint(0, 3)):
                    lines.append(pad + "  " + r.choice(["text", "  more", "", "---", "# not", "a: b", "\tt"]))
            elif v < 0.62:
                lines.append(f"{pad}{key}: {r.choice(['*a', '*b', '*c'])}")
            elif v < 0.66:
                lines.append(f"{pad}{key}:{anchor} plain start")
                lines.append(pad + "  " + r.choice(["continued", "- dash", "# c", "", "\tt", "k: v"]))
            else:
                lines.append(f"{pad}{key}:{anchor}")
                block(r, indent + r.choice([0, 2, 2, 4]), depth + 1, lines)
    else:
        for _ in range(r.randint(1, 4)):
            if r.random() < 0.5:
                lines.append(f"{pad}- {flow(r, 0)}")
            else:
                lines.append(f"{pad}-")
                block(r, indent + 2, depth + 1, lines)


def stream(r):
    docs = []
    for _ in range(r.randint(1, 3)):
        lines = []
        block(r, 0, 0, lines)
        if r.random() < 0.1:
            lines.insert(r.randint(0, len(lines)), r.choice(["# comment", "", "  ", "\t", "...", "--- # c"]))
        docs.append("\n".join(lines) + "\n")
    sep = r.choice(["---\n", "---\n", "--- # x\n", "\n---\n\n", "...\n---\n"])
    text = sep.join(docs)
    if r.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return text


MUTATIONS = ["\t", " ", "\n", "-", ":", "#", "'", '"', "|", ">", "[", "]", "{", "}", ",", "&a ", "*a",
             "? ", "!!str ", "...", "---", "\\", "%", "@", "\r", "é", "\u2028", "~"]


def mutate(r, text):
    """A few character-level edits: most streams then exercise error paths and the corners
    where parsers disagree."""
    chars = list(text)
    for _ in range(r.randint(1, 3)):
        i = r.randint(0, len(chars))
        op = r.random()
        if op < 0.5:
            chars[i:i] = list(r.choice(MUTATIONS))
        elif op < 0.8 and i < len(chars):
            del chars[i]
        else:
            # duplicate a line (duplicate keys, repeated anchors)
            lines = "".join(chars).split("\n")
            j = r.randrange(len(lines))
            lines.insert(j, lines[j])
            chars = list("\n".join(lines))
    return "".join(chars)


def run(cmd, data):
    p = subprocess.run(cmd, input=data, capture_output=True)
    return p.stdout.decode("utf-8", "replace"), p.returncode != 0, p.stderr.decode("utf-8", "replace")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    r = random.Random(seed)
    os.makedirs("/tmp/kvol-read-fuzz", exist_ok=True)
    bad = known = 0
    for i in range(count):
        text = stream(r)
        if r.random() < 0.5:
            text = mutate(r, text)
        data = text.encode()
        k_out, k_err, k_msg = run([K8S, "-strict", "-skip-null"], data)
        o_out, o_err, o_msg = run([OURS], data)
        if o_err and any(m in o_msg for m in KNOWN) and k_out.startswith(o_out):
            known += 1  # a refusal kvol-read documents (lib.rs, "knowingly differs")
        elif (k_out, k_err) != (o_out, o_err):
            bad += 1
            path = f"/tmp/kvol-read-fuzz/{seed}-{i}.yaml"
            open(path, "wb").write(data)
            print(f"DIFF {path}\n  k8s:  {k_out.strip()[:300]} {k_msg.strip()[:200]}\n  ours: {o_out.strip()[:300]} {o_msg.strip()[:200]}")
    print(f"known divergences (kvol-read refuses): {known}")
    print(f"{count - bad} passed, {bad} failed")


if __name__ == "__main__":
    main()
