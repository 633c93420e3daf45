#!/usr/bin/env python3
"""check_manifests.py - kvol's independent checker for generated Kubernetes manifests.

Usage: ci/check_manifests.py [--k8s 1.30,...,1.37] [--jobs N] [--crosscheck] DIR...

Every *.yaml file under each DIR (recursively) is read by three YAML readers:
  go-yaml   ci/decoder's k8s-yaml2json: sigs.k8s.io/yaml (go-yaml v2) behind Kubernetes' own
            document splitter, i.e. exactly the JSON kubectl and the API server get
  PyYAML    yaml.safe_load_all semantics (YAML 1.1)
  ruamel    ruamel.yaml typ='safe' (YAML 1.2; a duplicate key is an error)
A file F may have a sibling F.json (e.g. web.yaml.json): kvol's own JSON rendering of F, a JSON
array with one object per YAML document, in order. Empty and null documents are skipped by
every reader, as kubectl does.

Checks, for every document (the go-yaml reading is the reference):
  yaml1.1     the PyYAML reading is the same JSON value as the go-yaml reading
  yaml1.2     the ruamel reading is the same JSON value as the go-yaml reading
  json        (only when F.json exists) kvol's JSON is the same JSON value as the go-yaml reading,
              so the YAML means to Kubernetes exactly what kvol meant
  schema@V    for each --k8s version V: the go-yaml reading passes the strict JSON schema that
              kubernetes-validate bundles for V (unknown fields, types, required fields), with
              Quantity strings held to Kubernetes' quantity syntax (the bundled schema takes any
              string)
              Kinds kubernetes-validate has no schema for: the CSI snapshot CRDs
              (snapshot.storage.k8s.io/v1 VolumeSnapshot, VolumeSnapshotClass) use the schemas
              in ci/crd/, the same for every V. A VolumeAttributesClass is checked only at the
              versions whose API serves its apiVersion (kvol writes the one of the set's target
              release: v1alpha1 up to 1.34, v1beta1 1.31-1.36, v1 from 1.34); at the others the
              check is counted as passed.
  crosscheck@V  (with --crosscheck) kubernetes_validate.validate(doc, V, strict=True) itself gives
              the same outcome as this script's cached validators (slow; for the self-test)
"Same JSON value": objects compare by keys, arrays by position, numbers by value (80 == 80.0),
and a bool is not a number. Values JSON cannot hold (an unquoted date read as a timestamp, NaN)
differ from everything. Documents are numbered in each reader's order; a reader check is counted
when the go-yaml reading or that reader has the document, schema checks when the YAML has it
(a document Kubernetes cannot read fails them).

Output: one FAIL line per failed check (file#document, kind/name, the path of the first
differing value and both values, or the schema error); timings on stderr; then exactly one line
'N passed, M failed' counting documents x checks. Exit status 1 if anything failed, 2 on a usage
error (no *.yaml file, a Kubernetes version without bundled schemas, no decoder).
"""
import argparse
import copy
import datetime
import functools
import json
import math
import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(os.environ.get("KVOL_CACHE") or Path.home() / ".cache" / "kvol")
VENV = CACHE / "venv"

# Run under the venv made by ci/setup-venv.sh unless already inside it.
if Path(sys.prefix).resolve() != VENV.resolve():
    _py = VENV / "bin" / "python"
    if not _py.exists():
        sys.stderr.write("check_manifests.py: no venv at %s; run ci/stages.sh setup first\n" % VENV)
        sys.exit(2)
    os.execv(str(_py), [str(_py), str(Path(__file__).resolve())] + sys.argv[1:])

import jsonschema  # noqa: E402
import kubernetes_validate as kv  # noqa: E402
import kubernetes_validate.utils as kvu  # noqa: E402
import yaml  # noqa: E402
from referencing import Registry, Resource  # noqa: E402
from ruamel.yaml import YAML  # noqa: E402
from ruamel.yaml.constructor import SafeConstructor  # noqa: E402

DEFAULT_K8S = "1.30,1.31,1.32,1.33,1.34,1.35,1.36,1.37"
DECODER = CACHE / "bin" / "k8s-yaml2json"  # built by ci/decoder/build.sh
ARGV_BUDGET = 100_000  # characters of file names per decoder invocation


def die(message):
    """Usage and setup errors: exit status 2."""
    sys.stderr.write("check_manifests.py: %s\n" % message)
    sys.exit(2)


# ------------------------------------------------------------------------------------------
# Readings as JSON values
# ------------------------------------------------------------------------------------------


class Opaque:
    """A YAML value that JSON cannot hold (timestamp, binary, NaN, ...): equal only to itself."""

    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return isinstance(other, Opaque) and other.text == self.text

    def __repr__(self):
        return self.text


def json_key(k):
    """A mapping key as sigs.k8s.io/yaml turns it into a JSON object key."""
    if isinstance(k, str):
        return k
    if isinstance(k, bool):
        return "true" if k else "false"
    if isinstance(k, (int, float)):
        return repr(k)
    return "!!%s %s" % (type(k).__name__, k)


def to_json(v):
    """A Python YAML reading as a JSON value (dict, list, str, int, float, bool, None, Opaque)."""
    if isinstance(v, dict):
        return {json_key(k): to_json(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_json(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return Opaque("!!float %r" % v)
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (datetime.date, datetime.datetime)):
        return Opaque("!!timestamp %s" % v.isoformat())
    return Opaque("!!%s %r" % (type(v).__name__, v))


def _as_string(loader, node):
    return str(node.value)


class Yaml11Loader(yaml.SafeLoader):
    """yaml.safe_load_all's loader (YAML 1.1), reading a plain '=' as the string Kubernetes reads
    (PyYAML resolves it to the 1.1 'value' type and cannot construct it; kubernetes-validate's
    CLI has the same fix)."""


Yaml11Loader.add_constructor("tag:yaml.org,2002:value", _as_string)


class Yaml12Constructor(SafeConstructor):
    """ruamel.yaml's safe constructor (YAML 1.2), with the same '=' fix."""


Yaml12Constructor.add_constructor("tag:yaml.org,2002:value", _as_string)


def one_line(e):
    return " ".join(str(e).split())


def collect(docs_iter):
    """(non-null documents as JSON values, error text or None) from a lazy YAML reader."""
    docs = []
    try:
        for d in docs_iter:
            if d is not None:
                docs.append(to_json(d))
    except Exception as e:  # noqa: BLE001 - any reader error is a finding
        return docs, "%s: %s" % (type(e).__name__, one_line(e))
    return docs, None


def read_yaml11(text):
    return collect(yaml.load_all(text, Loader=Yaml11Loader))


def read_yaml12(text):
    y = YAML(typ="safe")
    y.Constructor = Yaml12Constructor
    return collect(y.load_all(text))


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key in JSON object")
    return dict(pairs)


def _no_constant(name):
    raise ValueError("%s is not JSON" % name)


def read_sidecar(path):
    """kvol's JSON rendering: (list of documents, error text or None)."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (OSError, ValueError) as e:
        return [], one_line(e)
    if not isinstance(data, list):
        return [], "not a JSON array"
    return data, None


def run_decoder(paths):
    """Runs k8s-yaml2json over all files (few invocations). Returns {path: (docs, error)} with the
    documents as compact JSON text."""
    out = {p: ([], None) for p in paths}
    batches, cur, size = [], [], 0
    for p in paths:
        if cur and size + len(p) > ARGV_BUDGET:
            batches.append(cur)
            cur, size = [], 0
        cur.append(p)
        size += len(p) + 1
    batches.append(cur)
    for batch in batches:
        r = subprocess.run([str(DECODER)] + batch, capture_output=True, text=True)
        if r.returncode not in (0, 1):
            die("%s failed: %s" % (DECODER, r.stderr.strip()))
        # One line per document, ending in "\n". Not splitlines(): it also breaks at U+0085 (NEL),
        # which Go's encoding/json leaves unescaped inside strings.
        for line in filter(None, r.stdout.split("\n")):
            path, _, payload = line.split("\t", 2)
            if payload.startswith("!"):
                out[path] = (out[path][0], payload[1:])
            else:
                out[path][0].append(payload)
    return out


# ------------------------------------------------------------------------------------------
# Comparison
# ------------------------------------------------------------------------------------------

MISSING = Opaque("(absent)")


def same_scalar(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def first_diff(a, b, path=""):
    """(path, a's value, b's value) at the first place where JSON values a and b differ, or None.
    Object keys are visited in a's order, then the keys only b has."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            sub = "%s.%s" % (path, k) if path else k
            if k not in b:
                return sub, a[k], MISSING
            if k not in a:
                return sub, MISSING, b[k]
            d = first_diff(a[k], b[k], sub)
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i in range(max(len(a), len(b))):
            x = a[i] if i < len(a) else MISSING
            y = b[i] if i < len(b) else MISSING
            d = first_diff(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    return None if same_scalar(a, b) else (path or ".", a, b)


def show(v, limit=80):
    """A value for a FAIL line: JSON, cut after `limit` characters; Opaque values in full."""
    if isinstance(v, Opaque):
        return v.text
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= limit else s[:limit - 3] + "..."


# ------------------------------------------------------------------------------------------
# Schemas: kubernetes-validate's strict schemas, its validator construction, built once
# ------------------------------------------------------------------------------------------

# Kubernetes' resource.Quantity syntax (apimachinery ParseQuantity; checked against
# ci/selftest/quantity.tsv). Python regex: jsonschema applies 'pattern' with re.search.
QUANTITY_RE = r"\A[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]*)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?\Z"
QUANTITY_DEF = "io.k8s.apimachinery.pkg.api.resource.Quantity"
QUANTITY_SCHEMA = {"oneOf": [{"type": "string", "pattern": QUANTITY_RE},
                             {"type": "number"}, {"type": "null"}]}

_schema_contents = kvu.schema_contents


@functools.lru_cache(maxsize=None)
def schema_contents(filename, desired_version):
    """kubernetes-validate's schema loader, memoized, with one change: its Quantity definition
    (a string or a number, any string) gets Kubernetes' quantity syntax."""
    data = _schema_contents(filename, desired_version)
    defs = data.get("$defs") if isinstance(data, dict) else None
    if isinstance(defs, dict) and QUANTITY_DEF in defs:
        defs[QUANTITY_DEF] = QUANTITY_SCHEMA
    return data


@functools.lru_cache(maxsize=None)
def bundled_versions():
    """The Kubernetes minors kubernetes-validate has schemas for, as (major, minor), sorted."""
    return sorted({tuple(int(x) for x in kvu.major_minor(v).split(".")) for v in kvu.all_versions()})


@functools.lru_cache(maxsize=None)
def schema_dir_for(version):
    """kubernetes-validate's rule: the newest bundled schema not newer than the version."""
    mm = tuple(int(x) for x in version.split("."))
    best = max(v for v in bundled_versions() if v <= mm)
    return "v%d.%d.0-local-strict" % best


def schema_file(doc):
    """kubernetes-validate's file name for a document: kind-group-version.json, with the domain
    of the API group dropped (storage.k8s.io/v1 -> storage-v1)."""
    api = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", doc["apiVersion"])
    return "%s-%s.json" % (doc["kind"].lower(), api)


@functools.lru_cache(maxsize=None)
def validator_for(schema_dir, filename, version):
    """A Draft 2020-12 validator built as kubernetes_validate.validate builds one per call
    (schema resource + _definitions.json resource in one registry); None if there is no schema."""
    try:
        schema = schema_contents("kubernetes-json-schema/%s/%s" % (schema_dir, filename), version)
    except FileNotFoundError:
        return None
    defs = schema_contents("kubernetes-json-schema/%s/_definitions.json" % schema_dir, version)
    registry = Resource.from_contents(defs) @ (Resource.from_contents(schema) @ Registry())
    return jsonschema.validators.Draft202012Validator(schema, registry=registry)


def is_object(doc):
    return (isinstance(doc, dict) and isinstance(doc.get("apiVersion"), str)
            and isinstance(doc.get("kind"), str) and re.fullmatch(r"[A-Za-z0-9]+", doc["kind"]) is not None)


CRD_DIR = Path(__file__).resolve().parent / "crd"


@functools.lru_cache(maxsize=None)
def crd_validator(filename):
    """The validator of a CRD schema of ci/crd/, or None."""
    path = CRD_DIR / filename
    if not path.exists():
        return None
    return jsonschema.validators.Draft202012Validator(json.loads(path.read_text()))


def version_gated(doc, version):
    """True for a VolumeAttributesClass whose apiVersion Kubernetes `version` does not serve
    while some bundled version does (it is checked there)."""
    if doc.get("kind") != "VolumeAttributesClass":
        return False
    if validator_for(schema_dir_for(version), schema_file(doc), version) is not None:
        return False
    return any(
        validator_for(schema_dir_for("%d.%d" % v), schema_file(doc), "%d.%d" % v) is not None
        for v in bundled_versions()
    )


def schema_outcome(doc, version):
    """None if the document passes the strict schema of Kubernetes `version`, else the error."""
    if not is_object(doc):
        return "not a Kubernetes object (string apiVersion and kind)"
    if doc["apiVersion"].startswith("snapshot.storage.k8s.io/"):
        v = crd_validator(schema_file(doc))
        if v is None:
            return "no CRD schema for kind %s, apiVersion %s" % (doc["kind"], doc["apiVersion"])
        err = next(v.iter_errors(doc), None)
        return None if err is None else error_text(err)
    if version_gated(doc, version):
        return None
    v = validator_for(schema_dir_for(version), schema_file(doc), version)
    if v is None:
        return "no schema for kind %s, apiVersion %s in Kubernetes %s" % (
            doc["kind"], doc["apiVersion"], version)
    err = next(v.iter_errors(doc), None)
    return None if err is None else error_text(err)


def error_text(err):
    text = "%s: %s" % (".".join(str(x) for x in err.path) or ".", one_line(err.message))
    if err.schema is QUANTITY_SCHEMA:
        text += " (not a Kubernetes quantity such as 1Gi, 500Mi, 1G, 1e9)"
    return text


def kv_outcome(doc, version):
    """The same question asked of kubernetes_validate.validate itself (see --crosscheck)."""
    if not is_object(doc):
        return "not a Kubernetes object (string apiVersion and kind)"
    try:
        kv.validate(copy.deepcopy(doc), version, strict=True)
    except kv.ValidationError as e:
        return error_text(e)
    except kv.SchemaNotFoundError:
        return "no schema for kind %s, apiVersion %s in Kubernetes %s" % (
            doc["kind"], doc["apiVersion"], version)
    return None


# ------------------------------------------------------------------------------------------
# Checking one file (runs in the worker processes)
# ------------------------------------------------------------------------------------------

_opts = {}


def init_worker(versions, crosscheck):
    _opts.update(versions=versions, crosscheck=crosscheck)
    if crosscheck:  # kubernetes_validate.validate must see the same Quantity syntax
        kvu.schema_contents = schema_contents


def ident(*docs):
    """' Kind/name' from the first reading that has them, for FAIL lines."""
    for d in docs:
        if isinstance(d, dict) and isinstance(d.get("metadata"), dict):
            return " %s/%s" % (d.get("kind"), d["metadata"].get("name"))
    return ""


def check_file(task):
    """Returns (output lines, passed, failed, documents) for one YAML file."""
    path, go_json, go_err = task
    go = [json.loads(j) for j in go_json]
    readers = {}
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        readers["yaml1.1"] = ("PyYAML",) + read_yaml11(text)
        readers["yaml1.2"] = ("ruamel",) + read_yaml12(text)
    except (OSError, UnicodeDecodeError) as e:
        readers["yaml1.1"] = readers["yaml1.2"] = ("python", [], one_line(e))
    if os.path.exists(path + ".json"):
        readers["json"] = ("kvol-json",) + read_sidecar(path + ".json")

    def at(docs, err, i):
        if i < len(docs):
            return docs[i]
        return Opaque("(not read: %s)" % err) if err else MISSING

    lines, counts = [], [0, 0]

    def record(check, where, problem):
        counts[bool(problem)] += 1
        if problem:
            lines.append("FAIL %s %s: %s" % (check, where, problem))

    # Every document any reader has, and the one each reader failed on.
    n = max(len(docs) + bool(err) for docs, err in [(go, go_err)] + [r[1:] for r in readers.values()])
    if n == 0:
        record("file", path, "no YAML document")
    for i in range(n):
        g = at(go, go_err, i)
        where = "%s#%d%s" % (path, i + 1, ident(g, *(at(r[1], None, i) for r in readers.values())))
        for check, (name, docs, err) in readers.items():
            r = at(docs, err, i)
            if g is MISSING and r is MISSING:
                continue  # neither has this document (only another reader does)
            d = first_diff(g, r)
            record(check, where, d and "%s: go-yaml %s vs %s %s" % (d[0], show(d[1]), name, show(d[2])))
        if g is MISSING:
            continue  # not in the YAML at all: nothing to validate
        for v in _opts["versions"]:
            if i >= len(go):
                record("schema@" + v, where, "Kubernetes cannot read this document: %s" % go_err)
                continue
            mine = schema_outcome(g, v)
            record("schema@" + v, where, mine)
            if _opts["crosscheck"]:
                theirs = kv_outcome(g, v)
                record("crosscheck@" + v, where, mine != theirs and (
                    "this script: %s; kubernetes_validate: %s" % (mine or "valid", theirs or "valid")))
    return lines, counts[0], counts[1], n


# ------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------


def parse_versions(spec):
    have = bundled_versions()
    out = []
    for part in spec.split(","):
        part = part.strip().lstrip("v")
        m = re.fullmatch(r"(\d+)\.(\d+)", part)
        if not m or not have[0] <= (int(m[1]), int(m[2])) <= have[-1]:
            die("Kubernetes version %r: kubernetes-validate %s has schemas for %d.%d .. %d.%d"
                % ((part, kv.__version__) + have[0] + have[-1]))
        if part not in out:
            out.append(part)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--k8s", default=DEFAULT_K8S, help="Kubernetes versions (default %(default)s)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="worker processes (default: one per CPU)")
    ap.add_argument("--crosscheck", action="store_true",
                    help="also compare every schema verdict with kubernetes_validate.validate")
    ap.add_argument("dirs", nargs="+", metavar="DIR")
    a = ap.parse_args()
    versions = parse_versions(a.k8s)
    if a.jobs < 1:
        die("--jobs must be at least 1")
    if not DECODER.exists():
        die("no decoder at %s; run ci/stages.sh setup first" % DECODER)
    files = []
    for d in a.dirs:
        if not os.path.isdir(d):
            die("%s is not a directory" % d)
        files += sorted(str(p) for p in Path(d).rglob("*.yaml") if p.is_file())
    if not files:
        die("no *.yaml file under %s" % " ".join(a.dirs))

    t0 = time.monotonic()
    decoded = run_decoder(files)
    t1 = time.monotonic()
    tasks = [(f,) + decoded[f] for f in files]
    passed = failed = docs = 0
    init_worker(versions, a.crosscheck)
    if a.jobs > 1 and len(files) > 1:
        pool = multiprocessing.Pool(a.jobs, init_worker, (versions, a.crosscheck))
        results = pool.imap(check_file, tasks, chunksize=max(1, min(16, len(tasks) // (4 * a.jobs))))
    else:
        pool, results = None, map(check_file, tasks)
    for lines, p, f, n in results:
        for line in lines:
            print(line)
        passed, failed, docs = passed + p, failed + f, docs + n
    if pool:
        pool.close()
        pool.join()
    t2 = time.monotonic()
    sys.stdout.flush()
    sys.stderr.write("check_manifests.py: %d files, %d documents, Kubernetes %s, %d jobs: decoder %.1f s, "
                     "checks %.1f s (%.0f documents/s)\n" % (
                         len(files), docs, ",".join(versions), a.jobs, t1 - t0, t2 - t1,
                         docs / max(t2 - t1, 1e-9)))
    sys.stderr.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
