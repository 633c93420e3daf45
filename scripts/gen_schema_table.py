#!/usr/bin/env python3
"""Generates kvol-core/src/schema/table.rs: the OpenAPI schema of the kinds kvol reads, for
Kubernetes 1.30 to 1.37, as one compact table with per-field version ranges.

Run from the repository root:
    python3 scripts/gen_schema_table.py && cargo fmt --all
The test `schema::tests::table_is_generated` (kvol-core) checks the table's header line.

Sources:
- the strict JSON schemas bundled in PyPI `kubernetes-validate==1.37.0`
  (`kubernetes-json-schema/v1.3X.0-local-strict/_definitions.json`). The script looks for the
  package in the kcheck venv (`~/.cache/kcheck/venv`), then in this Python's site-packages, and
  otherwise pip-installs it into a temporary venv;
- `scripts/schema/snapshot-crds.json`: the `snapshot.storage.k8s.io/v1` VolumeSnapshot and
  VolumeSnapshotClass schemas (custom resources, absent from the above), written from the
  external-snapshotter CRDs (`client/config/crd/snapshot.storage.k8s.io_volumesnapshots.yaml`
  and `..._volumesnapshotclasses.yaml`, v8).
- `scripts/schema/go-types.tsv`: the Go type names the schemas do not carry (named map types
  such as `v1.ResourceList`), for `encoding/json`'s error messages.

Only the types reachable from the root kinds (ROOTS) are kept. A type is identified by its
definition name; its fields are merged across versions, each field keeping the range of
versions that have it with the same shape.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

OUT = "kvol-core/src/schema/table.rs"
HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = list(range(30, 38))
PACKAGE = "kubernetes-validate==1.37.0"

# (apiVersion, kind) of the documents kvol reads.
ROOTS = [
    ("v1", "Pod"),
    ("v1", "PersistentVolume"),
    ("v1", "PersistentVolumeClaim"),
    ("storage.k8s.io/v1", "StorageClass"),
    ("v1", "Service"),
    ("apps/v1", "StatefulSet"),
    ("apps/v1", "Deployment"),
    ("apps/v1", "DaemonSet"),
    ("policy/v1", "PodDisruptionBudget"),
    ("v1", "ConfigMap"),
    ("v1", "Secret"),
    ("storage.k8s.io/v1", "VolumeAttributesClass"),
    ("storage.k8s.io/v1beta1", "VolumeAttributesClass"),
    ("snapshot.storage.k8s.io/v1", "VolumeSnapshot"),
    ("snapshot.storage.k8s.io/v1", "VolumeSnapshotClass"),
]

# Leaf value kinds: the order is the Rust `Leaf` enum's.
LEAVES = [
    "String",
    "Int32",
    "Int64",
    "Number",
    "Bool",
    "Bytes",
    "Quantity",
    "IntOrString",
    "Free",
]
SPECIAL = {
    "io.k8s.apimachinery.pkg.api.resource.Quantity": "Quantity",
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": "IntOrString",
    "io.k8s.apimachinery.pkg.apis.meta.v1.Time": "String",
    "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": "String",
    "io.k8s.apimachinery.pkg.runtime.RawExtension": "Free",
    "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": "Free",
}


def find_schema_dir():
    candidates = [os.path.expanduser("~/.cache/kcheck/venv/lib/python3*/site-packages")]
    candidates += [p for p in sys.path if p.endswith("site-packages")]
    for pattern in candidates:
        for site in glob.glob(pattern):
            d = os.path.join(site, "kubernetes_validate", "kubernetes-json-schema")
            if os.path.isdir(os.path.join(d, "v1.37.0-local-strict")):
                return d
    venv = tempfile.mkdtemp(prefix="kvol-schema-")
    print(f"installing {PACKAGE} into {venv}", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run(
        [os.path.join(venv, "bin", "pip"), "install", "-q", "--no-deps", PACKAGE], check=True
    )
    for d in glob.glob(
        os.path.join(venv, "lib", "python3*", "site-packages", "kubernetes_validate",
                     "kubernetes-json-schema")
    ):
        return d
    sys.exit("kubernetes-validate has no kubernetes-json-schema folder")


def load_versions():
    d = find_schema_dir()
    crds = json.load(open(os.path.join(HERE, "schema", "snapshot-crds.json")))["$defs"]
    out = {}
    for v in VERSIONS:
        defs = json.load(open(os.path.join(d, f"v1.{v}.0-local-strict", "_definitions.json")))
        defs = dict(defs["$defs"])
        defs.update(crds)
        out[v] = defs
    return out


def go_package(defname):
    # io.k8s.api.core.v1.PodSpec -> v1; io.k8s.apimachinery.pkg.api.resource.Quantity -> resource
    return defname.split(".")[-2]


def short(defname):
    return defname.split(".")[-1]


def strip_null(t):
    if isinstance(t, list):
        t = [x for x in t if x != "null"]
        return t[0] if len(t) == 1 else tuple(t)
    return t


def ref_name(s):
    return s["$ref"].split("/")[-1]


def shape(s):
    """A field schema as (containers, leaf) where leaf is a LEAVES word or ('ref', defname)."""
    if "$ref" in s:
        name = ref_name(s)
        if name in SPECIAL:
            return ("", SPECIAL[name])
        return ("", ("ref", name))
    if s.get("x-kubernetes-int-or-string"):
        return ("", "IntOrString")
    t = strip_null(s.get("type"))
    if t == "array":
        c, leaf = shape(s["items"])
        return ("A" + c, leaf)
    if t == "object":
        if "additionalProperties" in s and isinstance(s["additionalProperties"], dict):
            c, leaf = shape(s["additionalProperties"])
            return ("M" + c, leaf)
        if "properties" in s:
            raise ValueError("inline object schema")
        return ("", "Free")
    if t == "string":
        return ("", "Bytes" if s.get("format") == "byte" else "String")
    if t == "integer":
        return ("", "Int64" if s.get("format") == "int64" else "Int32")
    if t == "number":
        return ("", "Number")
    if t == "boolean":
        return ("", "Bool")
    if t is None:
        return ("", "Free")
    raise ValueError(f"unknown schema {s}")


def main():
    versions = load_versions()
    go_types = {}
    for line in open(os.path.join(HERE, "schema", "go-types.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        defname, field, go = line.rstrip("\n").split("\t")
        go_types[(defname, field)] = go

    # Roots per version.
    roots = {}  # (apiVersion, kind) -> {version: defname}
    for v, defs in versions.items():
        for name, s in defs.items():
            for gvk in s.get("x-kubernetes-group-version-kind", []):
                api = gvk["version"] if not gvk["group"] else f"{gvk['group']}/{gvk['version']}"
                key = (api, gvk["kind"])
                if key in ROOTS:
                    roots.setdefault(key, {})[v] = name
    missing = [r for r in ROOTS if r not in roots]
    if missing:
        sys.exit(f"root kinds not found: {missing}")

    # Reachable types, per version.
    types = {}  # defname -> {version: schema}
    for (api, kind), per in roots.items():
        for v, name in per.items():
            stack = [name]
            while stack:
                n = stack.pop()
                if n in types and v in types[n]:
                    continue
                s = versions[v][n]
                types.setdefault(n, {})[v] = s
                for f in s.get("properties", {}).values():
                    _, leaf = shape(f)
                    if isinstance(leaf, tuple):
                        stack.append(leaf[1])

    # Order: roots first (in ROOTS order), then by name, so indices are stable.
    order = []
    for r in ROOTS:
        for n in sorted(set(roots[r].values())):
            if n not in order:
                order.append(n)
    for n in sorted(types):
        if n not in order:
            order.append(n)
    index = {n: i for i, n in enumerate(order)}

    used_leaves = set()

    def leaf_code(leaf):
        if isinstance(leaf, tuple):
            return f"{len(LEAVES) + index[leaf[1]]}"
        used_leaves.add(f"L_{leaf.upper()}")
        return f"L_{leaf.upper()}"

    go_leaf = {
        "String": "string",
        "Int32": "int32",
        "Int64": "int64",
        "Number": "float64",
        "Bool": "bool",
        "Bytes": "[]uint8",
        "Quantity": "resource.Quantity",
        "IntOrString": "intstr.IntOrString",
        "Free": "interface {}",
    }

    def go_name(leaf):
        if isinstance(leaf, tuple):
            return f"{go_package(leaf[1])}.{short(leaf[1])}"
        return go_leaf[leaf]

    strings = {}

    def intern(s):
        if s not in strings:
            strings[s] = len(strings)
        return strings[s]

    type_rows = []
    field_rows = []
    for n in order:
        per = types[n]
        crd = n.startswith("io.k8s.snapshot.")
        # field name -> list of (version, (containers, leaf), required)
        fields = {}
        for v in sorted(per):
            s = per[v]
            req = set(s.get("required", []))
            for f, fs in s.get("properties", {}).items():
                fields.setdefault(f, []).append((v, shape(fs), f in req))
        start = len(field_rows)
        for f in sorted(fields):
            runs = []
            for v, sh, req in fields[f]:
                if runs and runs[-1][2] == sh and runs[-1][3] == req and runs[-1][1] == v - 1:
                    runs[-1][1] = v
                else:
                    runs.append([v, v, sh, req])
            for since, until, (containers, leaf), req in runs:
                go = go_types.get((n, f))
                if go is None:
                    go = "".join("[]" if c == "A" else "map[string]" for c in containers)
                    go += go_name(leaf)
                cont = {"": 0, "A": 1, "M": 2, "AA": 3, "MA": 4}[containers]
                field_rows.append(
                    (intern(f), cont, leaf_code(leaf), int(req), since, until, intern(go))
                )
        since, until = min(per), max(per)
        type_rows.append(
            (n, intern(f"{go_package(n)}.{short(n)}"), start, len(field_rows) - start,
             since, until, int(crd))
        )

    root_rows = []
    for r in ROOTS:
        for name in sorted(set(roots[r].values())):
            vs = sorted(v for v, nn in roots[r].items() if nn == name)
            root_rows.append((r[0], r[1], index[name], vs[0], vs[-1]))

    names = sorted(strings, key=strings.get)
    lines = [
        f"// @generated by scripts/gen_schema_table.py from {PACKAGE} (Kubernetes 1.30-1.37)",
        "// and scripts/schema/snapshot-crds.json. Do not edit.",
        f"// {len(type_rows)} types, {len(field_rows)} fields, {len(names)} strings.",
        "",
        "use super::table_types::{"
        + ", ".join(["F"] + sorted(c for c in used_leaves) + ["R", "T"])
        + "};",
        "",
        "/// Every name: field names and Go type names, indexed by the rows.",
        f"pub(super) static STR: [&str; {len(names)}] = [",
    ]
    lines += [f"    {json.dumps(s)}," for s in names]
    lines += ["];", ""]
    lines += [
        "/// The types: Go name, first field, field count, first and last version, CRD.",
        f"pub(super) static TYPES: [T; {len(type_rows)}] = [",
    ]
    for n, go, start, count, since, until, crd in type_rows:
        lines.append(f"    T({go}, {start}, {count}, {since}, {until}, {crd}), // {n}")
    lines += ["];", ""]
    lines += [
        "/// The fields: name, container, leaf, required, first and last version, Go type.",
        f"pub(super) static FIELDS: [F; {len(field_rows)}] = [",
    ]
    for name, cont, leaf, req, since, until, go in field_rows:
        lines.append(f"    F({name}, {cont}, {leaf}, {req}, {since}, {until}, {go}),")
    lines += ["];", ""]
    lines += [
        "/// The root kinds: apiVersion, kind, type, first and last version.",
        f"pub(super) static ROOTS: [R; {len(root_rows)}] = [",
    ]
    for api, kind, t, since, until in root_rows:
        lines.append(f"    R({json.dumps(api)}, {json.dumps(kind)}, {t}, {since}, {until}),")
    lines += ["];", ""]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
    print(f"{OUT}: {len(type_rows)} types, {len(field_rows)} fields, {len(names)} strings",
          file=sys.stderr)


if __name__ == "__main__":
    main()
