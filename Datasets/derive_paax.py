#!/usr/bin/env python3
"""Derive derived/paax-signatories.json from the PA-X signatories links table.

Input: PeaceRep's PA-X agreement x actor signatory links (``links_table.csv``,
one row per signatory link, typed ``party`` or ``third party``), as copied to
``../shared/data/peace-processes/paax_signatories_links_table.csv`` (see that
directory's MANIFEST.md for origin, columns, quirks and terms).

Output: Backchannel's canonical node-link JSON (Datasets/README.md), byte for
byte what ``backchannel export --format json`` writes for the same network:

  * agreement      -> ``agreement`` node   ``agt-<PA-X agreement id>``
  * actor          -> ``convener`` (third party) or ``participant`` (party)
                      node ``actor-<slug of name>``; an actor that is a third
                      party in at least as many agreements as it is a party is a
                      convener (ties -> convener); ``roles`` lists every role;
  * peace process  -> ``conflict`` node   ``process-<slug of name>``
  * third party -third_party_to-> agreement (PA-X does not say whether as
    witness, guarantor or mediator); party -participates_in-> agreement;
    agreement -addresses-> peace process; every edge has the agreement's year.

Rerunnable and deterministic: the same input gives the same bytes.

Usage:
  python3 Datasets/derive_paax.py [CSV] [--output PATH]

CSV defaults to ../shared/data/peace-processes/paax_signatories_links_table.csv
relative to the repository root; PATH defaults to derived/paax-signatories.json (outside the
SwiftPM resource folder Datasets/, and ignored by git).
Dependencies: the Python 3 standard library; networkx for the final load check.
Exits 0 on success, 1 if the input is unusable or a check fails.
"""

import argparse
import collections
import csv
import datetime
import hashlib
import io
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_CSV = os.path.normpath(
    os.path.join(REPO, "..", "shared", "data", "peace-processes", "paax_signatories_links_table.csv"))
DEFAULT_OUTPUT = os.path.join(os.path.dirname(HERE), "derived", "paax-signatories.json")

# The manifest's copy: data/links_table.csv of roybgardner/agreements-actors at this commit.
ORIGIN_REPO = "roybgardner/agreements-actors"
ORIGIN_COMMIT = "5dac17badecc917937e034f02e981c14f57f28ef"
ORIGIN_PATH = "data/links_table.csv"
MANIFEST_SHA256_PREFIX, MANIFEST_SHA256_SUFFIX = "304d6a45", "552b"

SOURCE_ID = "peacerep-paax-signatories"
SOURCE = {
    "id": SOURCE_ID,
    "citation": (
        "Signatory data: Niamh Henry and Sanja Badanjak (PeaceRep, PA-X/PAA-X), University of Edinburgh: "
        "PA-X peace agreement x actor signatory links, a pre-release beta of PeaceRep's actor data "
        "(\"not fully released, or finalised\"), as published in the links table data/links_table.csv of "
        "roybgardner/agreements-actors (Signatories Network Analysis app, analysis/coding Roy Gardner) at commit "
        "5dac17badecc917937e034f02e981c14f57f28ef (2024-07-29). PA-X: Bell, C., & Badanjak, S. (2019). "
        "Introducing PA-X: A new peace agreement database and dataset. Journal of Peace Research, 56(3), 452-466."
    ),
    "url": f"https://github.com/{ORIGIN_REPO}/blob/{ORIGIN_COMMIT}/{ORIGIN_PATH}",
}

GRAPH_NAME = "paax-signatories"
GRAPH_TITLE = "PA-X peace agreement signatories (third parties and parties)"
GRAPH_DESCRIPTION = (
    "Who signed which peace agreement, 1990-2023, from PeaceRep's PA-X signatory data (pre-release beta): "
    "agreements as dialogue nodes, peace processes as conflict nodes, and the actors that signed them, "
    "as third parties (conveners: mediators, guarantors, witnesses) or as parties (participants). "
    "A signature is not proof of convening or of Track II work: third parties include states and "
    "intergovernmental organisations, and parties include governments. An actor's kind follows the role it "
    "held in more agreements (ties: convener); attribute 'roles' lists every role it held. "
    "Derived by Datasets/derive_paax.py; see Datasets/README.md."
)

EXPECTED_COLUMNS = [
    "signatory_id", "date", "year", "month", "day", "from_node_id", "from_id", "from_node_name",
    "from_node_type", "PPName", "signatory_type", "to_id", "to_node_id", "to_node_name", "abbreviation",
    "to_node_type",
]

# signatory_type -> (our role name, edge relation). Matching is on the trimmed, lower-cased value with
# '_' and '-' read as spaces; anything else is reported and skipped.
ROLES = {"party": "party", "third party": "third party"}
RELATION = {"third party": "third_party_to", "party": "participates_in"}
# Actor types that are states, coalitions of states or intergovernmental organisations: their signatures on a
# formal peace agreement are official (Track I) acts. No other type says anything reliable about a track.
TRACK_I_TYPES = {"Country/State", "Intergovernmental Organization", "State Coalition"}

MAX_BYTES = 6_000_000


# --------------------------------------------------------------------------------------------------
# Canonical JSON text: exactly Sources/BackchannelModel/JSONWriter.swift
# --------------------------------------------------------------------------------------------------

def quoted(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o == 0x08:
            out.append("\\b")
        elif o == 0x0C:
            out.append("\\f")
        elif o < 0x20 or o == 0x7F:
            out.append("\\u%04X" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def is_scalar(v):
    return not isinstance(v, (list, dict))


def write(v, indent, out):
    if v is None:
        out.append("null")
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif isinstance(v, int):
        out.append(str(v))
    elif isinstance(v, float):
        raise ValueError("no floating-point values expected in this dataset")
    elif isinstance(v, str):
        out.append(quoted(v))
    elif isinstance(v, list):
        if not v:
            out.append("[]")
        elif all(is_scalar(x) for x in v):
            out.append("[")
            for i, x in enumerate(v):
                if i:
                    out.append(", ")
                write(x, indent, out)
            out.append("]")
        else:
            pad = " " * (indent + 2)
            out.append("[\n")
            for i, x in enumerate(v):
                out.append(pad)
                write(x, indent + 2, out)
                out.append(",\n" if i + 1 < len(v) else "\n")
            out.append(" " * indent + "]")
    elif isinstance(v, dict):
        if not v:
            out.append("{}")
            return
        pad = " " * (indent + 2)
        out.append("{\n")
        items = list(v.items())
        for i, (k, x) in enumerate(items):
            out.append(pad + quoted(k) + ": ")
            write(x, indent + 2, out)
            out.append(",\n" if i + 1 < len(items) else "\n")
        out.append(" " * indent + "}")
    else:
        raise TypeError(f"cannot write {type(v).__name__}")


def document(v):
    out = []
    write(v, 0, out)
    out.append("\n")
    return "".join(out)


def node_json(id_, label, kind, *, track=None, start=None, end=None, description=None, attributes=None,
              sources=()):
    """A node with its members in the exporter's order (Network+JSON.swift)."""
    m = {"id": id_, "label": label, "kind": kind}
    if track is not None:
        m["track"] = track
    if start is not None:
        m["start"] = start
    if end is not None:
        m["end"] = end
    if description is not None:
        m["description"] = description
    if attributes:
        m["attributes"] = {k: attributes[k] for k in sorted(attributes)}
    m["sources"] = list(sources)
    return m


def edge_json(source, target, relation, *, year=None, description=None, attributes=None, sources=()):
    """An edge with its members in the exporter's order (no key, no support, weight 1)."""
    m = {"source": source, "target": target, "relation": relation}
    if year is not None:
        m["year"] = year
    if description is not None:
        m["description"] = description
    if attributes:
        m["attributes"] = {k: attributes[k] for k in sorted(attributes)}
    m["sources"] = list(sources)
    return m


# --------------------------------------------------------------------------------------------------
# Text clean-up and ids
# --------------------------------------------------------------------------------------------------

MOJIBAKE = re.compile("[ÃÂ]|â€")


def clean(text, counts, what):
    """The text as a one-line label; counts each kind of repair under `what`."""
    s = text
    if s != s.strip(" ") or "  " in s:
        counts[f"{what}: leading, trailing or repeated spaces trimmed"] += 1
    if "_x000D_" in s:  # Excel's escaped carriage return, left in the export
        counts[f"{what}: '_x000D_' artefacts removed"] += 1
        s = s.replace("_x000D_", " ")
    if MOJIBAKE.search(s):  # UTF-8 read as Windows-1252 and written back as UTF-8
        try:
            fixed = s.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            fixed = None
        if fixed is not None and fixed != s:
            counts[f"{what}: mojibake repaired (UTF-8 read as Windows-1252)"] += 1
            s = fixed
    if "\u00ad" in s:  # soft hyphen standing for a hyphen: "Israeli\xad Palestinian"
        counts[f"{what}: soft hyphens read as hyphens"] += 1
        s = re.sub(r"\s*\u00ad\s*", "-", s)
    if any(c in s for c in "\n\r\t"):
        counts[f"{what}: line breaks made spaces"] += 1
    if "\u00a0" in s:
        counts[f"{what}: no-break spaces made plain spaces"] += 1
    collapsed = " ".join(s.split())
    s = collapsed
    bad = [c for c in s if ord(c) < 0x20 or ord(c) == 0x7F or 0x80 <= ord(c) < 0xA0]
    if bad:
        counts[f"{what}: control characters removed"] += 1
        s = "".join(c for c in s if c not in bad)
    return s


def slug(text):
    """Lower-case ASCII kebab-case: accents dropped, every other run of non-alphanumerics one hyphen."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&", " and ")
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s


def unique_slugs(items, prefix, counts, what):
    """{key: id} for (key, name, suffix) items: prefix-slug(name), and when several share a slug, each of
    them gets -slug(suffix) appended (suffix: the source's own stable id), so no id depends on input order."""
    by_slug = collections.defaultdict(list)
    for key, name, suffix in items:
        by_slug[slug(name) or "unnamed"].append((key, suffix))
    ids = {}
    for s, members in by_slug.items():
        if len(members) == 1:
            ids[members[0][0]] = f"{prefix}-{s}"
        else:
            counts[f"{what}: names sharing a slug (ids disambiguated with the PA-X id)"] += len(members)
            for key, suffix in members:
                ids[key] = f"{prefix}-{s}-{slug(suffix)}"
    if len(set(ids.values())) != len(ids):
        raise SystemExit(f"error: {what} ids still collide after disambiguation")
    return ids


def numeric_key(agreement_id):
    """Sort key for PA-X agreement ids such as AGT_2 (numeric where possible, text otherwise)."""
    m = re.fullmatch(r"AGT_(\d+)", agreement_id)
    return (0, int(m.group(1)), "") if m else (1, 0, agreement_id)


def parse_date(row):
    """(iso date or None, year or None, malformed?)."""
    raw = row.get("date", "").strip()
    try:
        d = datetime.date.fromisoformat(raw)
        return d.isoformat(), d.year, False
    except ValueError:
        pass
    # Fall back on the year/month/day columns.
    try:
        y, mo, da = int(row["year"]), int(row["month"]), int(row["day"])
        d = datetime.date(y, mo, da)
        return d.isoformat(), d.year, True
    except (KeyError, ValueError, TypeError):
        pass
    try:
        y = int(row.get("year", ""))
        if 1000 <= y <= 2100:
            return None, y, True
    except ValueError:
        pass
    return None, None, True


# --------------------------------------------------------------------------------------------------
# Derivation
# --------------------------------------------------------------------------------------------------

def derive(csv_path):
    counts = collections.Counter()   # quirks and repairs
    notes = []                        # one line per individually reported row

    with open(csv_path, "rb") as f:
        raw = f.read()
    sha = hashlib.sha256(raw).hexdigest()
    text = raw.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in EXPECTED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise SystemExit(f"error: {csv_path}: missing columns {missing}")
    rows = list(reader)
    counts["rows read"] = len(rows)

    agreements = {}                                   # AGT id -> info
    actor_rows = collections.defaultdict(list)       # actor id -> [(name, abbreviation, type)]
    links = {}                                        # (agreement, actor, role) -> first signatory_id
    link_counts = collections.Counter()

    for line, row in enumerate(rows, start=1):
        sid = row["signatory_id"].strip()
        agt = row["from_node_id"].strip()
        if not agt:
            counts["rows skipped: no agreement id"] += 1
            notes.append(f"data row {line} (signatory {sid}): no agreement id, skipped")
            continue
        if agt not in agreements:
            date, year, malformed = parse_date(row)
            if malformed:
                counts["agreements with a malformed date"] += 1
                notes.append(f"{agt}: malformed date {row['date']!r} -> "
                             + (f"date {date} from year/month/day" if date else f"year {year}" if year else "no year"))
                if year is None:
                    counts["agreements without a year"] += 1
            agreements[agt] = {
                "raw_name": row["from_node_name"], "stage": row["from_node_type"].strip(),
                "process": row["PPName"], "date": date, "year": year,
                "from_id": row["from_id"].strip(),
            }
        else:
            a = agreements[agt]
            if (row["from_node_name"], row["from_node_type"].strip(), row["PPName"]) != (
                    a["raw_name"], a["stage"], a["process"]):
                counts["rows disagreeing with their agreement's first row (first kept)"] += 1

        role_raw = row["signatory_type"]
        role = ROLES.get(" ".join(role_raw.strip().lower().replace("_", " ").replace("-", " ").split()))
        if role is None:
            key = "rows skipped: empty link type" if not role_raw.strip() else "rows skipped: unknown link type"
            counts[key] += 1
            notes.append(f"data row {line} (signatory {sid}): link type {role_raw!r}, skipped")
            continue

        actor = row["to_node_id"].strip()
        name = row["to_node_name"]
        if not name.strip():
            counts["rows skipped: empty actor name"] += 1
            notes.append(f"data row {line} (signatory {sid}, {agt}, {role}): empty actor name"
                         + (f" (actor id {actor})" if actor else " and no actor id") + ", skipped")
            continue
        if not actor:
            counts["rows skipped: actor name but no actor id"] += 1
            notes.append(f"data row {line} (signatory {sid}): actor {name!r} has no id, skipped")
            continue
        actor_rows[actor].append((name, row["abbreviation"].strip(), row["to_node_type"].strip()))

        if row["to_id"].strip() and row["to_id"].strip() != actor.rsplit("_", 1)[-1]:
            counts["rows whose to_id disagrees with to_node_id (to_node_id used)"] += 1
            notes.append(f"data row {line} (signatory {sid}): to_id {row['to_id']} but to_node_id {actor}")

        key = (agt, actor, role)
        link_counts[key] += 1
        if key in links:
            counts["duplicate links (same agreement, actor, role) dropped"] += 1
        else:
            links[key] = sid

    dup_keys = sum(1 for v in link_counts.values() if v > 1)
    if dup_keys:
        counts["links that had duplicates"] = dup_keys

    # ---- agreements
    agt_order = sorted(agreements, key=numeric_key)
    agt_ids = {}
    for agt in agt_order:
        m = re.fullmatch(r"AGT_(\d+)", agt)
        agt_ids[agt] = f"agt-{m.group(1)}" if m else f"agt-{slug(agt)}"
    if len(set(agt_ids.values())) != len(agt_ids):
        raise SystemExit("error: agreement ids collide")
    for agt in agt_order:
        agreements[agt]["label"] = clean(agreements[agt]["raw_name"], counts, "agreement names")
        if not agreements[agt]["label"]:
            agreements[agt]["label"] = agt
            counts["agreement names empty (PA-X id used as label)"] += 1

    # ---- peace processes
    process_names = {}
    for agt in agt_order:
        raw = agreements[agt]["process"]
        if raw not in process_names:
            process_names[raw] = clean(raw, counts, "peace process names") or "Unnamed peace process"
    # Processes are identified by their cleaned name (the links table has no process id).
    by_clean = sorted(set(process_names.values()))
    process_ids = unique_slugs([(n, n, n) for n in by_clean], "process", counts, "peace processes")

    # ---- actors: one name, abbreviation and type per PA-X actor id
    actors = {}
    for actor in sorted(actor_rows):
        seen = actor_rows[actor]
        names = collections.Counter(n for n, _, _ in seen)
        name = sorted(names, key=lambda n: (-names[n], n))[0]
        if len(names) > 1:
            counts["actors with several names (most frequent kept)"] += 1
        abbrevs = collections.Counter(a for _, a, _ in seen if a)
        types = collections.Counter(t for _, _, t in seen if t)
        if any(not t for _, _, t in seen):
            if types:
                counts["links with an empty actor type (filled from the actor's other rows)"] += sum(
                    1 for _, _, t in seen if not t)
            else:
                counts["actors with no actor type at all"] += 1
        if len(types) > 1:
            counts["actors with several types (most frequent kept)"] += 1
        actors[actor] = {
            "label": clean(name, counts, "actor names"),
            "abbreviation": sorted(abbrevs, key=lambda a: (-abbrevs[a], a))[0] if abbrevs else None,
            "type": sorted(types, key=lambda t: (-types[t], t))[0] if types else None,
            "agreements": {"party": set(), "third party": set()},
        }
    for (agt, actor, role) in links:
        actors[actor]["agreements"][role].add(agt)
    actor_ids = unique_slugs([(a, actors[a]["label"], a) for a in sorted(actors)], "actor", counts, "actors")

    # ---- nodes
    nodes = []
    process_agreements = collections.Counter(process_names[agreements[a]["process"]] for a in agt_order)
    for name in by_clean:
        nodes.append(node_json(process_ids[name], name, "conflict",
                               attributes={"agreements": process_agreements[name]}, sources=[SOURCE_ID]))

    signatories = collections.defaultdict(collections.Counter)
    for (agt, actor, role) in links:
        signatories[agt][role] += 1
    for agt in agt_order:
        a = agreements[agt]
        attrs = {"pax_id": agt}
        if a["from_id"].isdigit():
            attrs["agreement_id"] = int(a["from_id"])
        if a["date"]:
            attrs["date"] = a["date"]
        if a["stage"]:
            attrs["stage"] = a["stage"]
        attrs["parties"] = signatories[agt]["party"]
        attrs["third_parties"] = signatories[agt]["third party"]
        nodes.append(node_json(agt_ids[agt], a["label"], "agreement", start=a["year"], attributes=attrs,
                               sources=[SOURCE_ID]))

    kinds = {}
    mixed = 0
    for actor in sorted(actors, key=lambda x: actor_ids[x]):
        info = actors[actor]
        n_party = len(info["agreements"]["party"])
        n_third = len(info["agreements"]["third party"])
        kind = "convener" if n_third >= n_party else "participant"
        kinds[actor] = kind
        roles = [r for r in ("party", "third party") if info["agreements"][r]]
        if len(roles) > 1:
            mixed += 1
            if n_third == n_party:
                counts["actors with as many party as third-party agreements (tie -> convener)"] += 1
        attrs = {"pax_id": actor, "roles": ";".join(roles),
                 "agreements_as_party": n_party, "agreements_as_third_party": n_third}
        if info["type"]:
            attrs["actor_type"] = info["type"]
        if info["abbreviation"]:
            attrs["abbreviation"] = info["abbreviation"]
        track = "I" if info["type"] in TRACK_I_TYPES else None
        nodes.append(node_json(actor_ids[actor], info["label"], kind, track=track, attributes=attrs,
                               sources=[SOURCE_ID]))
    counts["actors holding both roles (in different or the same agreements)"] = mixed

    # ---- edges: per agreement, addresses first, then convenes, then participates_in, by actor id
    per_agreement = collections.defaultdict(list)
    for (agt, actor, role) in links:
        per_agreement[agt].append((0 if role == "third party" else 1, actor_ids[actor], actor, role))
    both = collections.Counter((agt, actor) for (agt, actor, role) in links)
    counts["actors that are party and third party to the same agreement (both edges kept)"] = sum(
        1 for v in both.values() if v > 1)
    edges = []
    against_kind = 0
    for agt in agt_order:
        year = agreements[agt]["year"]
        edges.append(edge_json(agt_ids[agt], process_ids[process_names[agreements[agt]["process"]]],
                               "addresses", year=year, sources=[SOURCE_ID]))
        for _, aid, actor, role in sorted(per_agreement[agt]):
            relation = RELATION[role]
            if (relation == "third_party_to") != (kinds[actor] == "convener"):
                against_kind += 1
            edges.append(edge_json(aid, agt_ids[agt], relation, year=year, sources=[SOURCE_ID]))
    counts["edges whose relation differs from the actor's majority kind"] = against_kind

    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"name": GRAPH_NAME, "title": GRAPH_TITLE, "description": GRAPH_DESCRIPTION,
                  "sources": [dict(SOURCE)]},
        "nodes": nodes,
        "edges": edges,
    }
    return data, counts, notes, sha, actors, kinds, actor_ids


# --------------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------------

NODE_KEYS = ["id", "label", "kind", "track", "start", "end", "description", "designations", "attributes", "sources"]
EDGE_KEYS = ["source", "target", "key", "relation", "support", "weight", "year", "start", "end", "description",
             "attributes", "sources"]


def check(data, text):
    problems = []
    ids = set()
    for i, n in enumerate(data["nodes"]):
        keys = list(n)
        if keys != [k for k in NODE_KEYS if k in n]:
            problems.append(f"nodes[{i}]: keys {keys} not in canonical order/set")
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", n["id"]):
            problems.append(f"nodes[{i}]: id {n['id']!r} is not kebab-case")
        if n["id"] in ids:
            problems.append(f"nodes[{i}]: duplicate id {n['id']!r}")
        ids.add(n["id"])
        for c in n["label"]:
            if ord(c) < 0x20 or ord(c) == 0x7F or 0x80 <= ord(c) < 0xA0:
                problems.append(f"nodes[{i}]: control character in label")
        if "start" in n and not 1000 <= n["start"] <= 2100:
            problems.append(f"nodes[{i}]: start {n['start']} out of range")
        if n["sources"] != [SOURCE_ID]:
            problems.append(f"nodes[{i}]: sources {n['sources']}")
    for i, e in enumerate(data["edges"]):
        keys = list(e)
        if keys != [k for k in EDGE_KEYS if k in e]:
            problems.append(f"edges[{i}]: keys {keys} not in canonical order/set")
        for end in ("source", "target"):
            if e[end] not in ids:
                problems.append(f"edges[{i}]: {end} {e[end]!r} is not a node id")
        if "year" in e and not 1000 <= e["year"] <= 2100:
            problems.append(f"edges[{i}]: year {e['year']} out of range")
        if e["sources"] != [SOURCE_ID]:
            problems.append(f"edges[{i}]: sources {e['sources']}")
    # Reading the text back and writing it again must give the same bytes.
    again = document(json.loads(text))
    if again != text:
        problems.append("the output does not survive a read/write round trip byte for byte")
    return problems


def networkx_check(path):
    try:
        import networkx as nx
    except ImportError:
        return None, "networkx is not installed (python3 -m pip install networkx)"
    with open(path, encoding="utf-8") as f:
        g = nx.node_link_graph(json.load(f), edges="edges")
    return g, None


# --------------------------------------------------------------------------------------------------

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("csv", nargs="?", default=DEFAULT_CSV, help="PA-X signatories links table (CSV)")
    p.add_argument("--output", default=DEFAULT_OUTPUT, help="where to write the JSON")
    p.add_argument("--quiet-notes", action="store_true", help="do not list individually reported rows")
    args = p.parse_args(argv)

    if not os.path.exists(args.csv):
        print(f"error: {args.csv} not found", file=sys.stderr)
        return 1
    data, counts, notes, sha, actors, kinds, actor_ids = derive(args.csv)
    text = document(data)
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        print(f"error: output would be {size:,} bytes, above {MAX_BYTES:,}", file=sys.stderr)
        return 1
    problems = check(data, text)
    if problems:
        for pr in problems[:50]:
            print("FAIL:", pr, file=sys.stderr)
        return 1
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)

    print(f"input:  {args.csv}")
    print(f"        sha256 {sha}")
    if not (sha.startswith(MANIFEST_SHA256_PREFIX) and sha.endswith(MANIFEST_SHA256_SUFFIX)):
        print("        WARNING: not the file MANIFEST.md describes (sha256 304d6a45...552b)")
    print(f"output: {args.output} ({size:,} bytes)")

    kinds_count = collections.Counter(n["kind"] for n in data["nodes"])
    rel_count = collections.Counter(e["relation"] for e in data["edges"])
    tracks = collections.Counter(n.get("track", "-") for n in data["nodes"] if n["kind"] in ("convener", "participant"))
    print(f"\nnodes: {len(data['nodes'])}")
    for k in sorted(kinds_count):
        print(f"  {k:<12} {kinds_count[k]:>6}")
    print(f"edges: {len(data['edges'])}")
    for r in sorted(rel_count):
        print(f"  {r:<16} {rel_count[r]:>6}")
    print("actor tracks: " + ", ".join(f"{t}: {c}" for t, c in sorted(tracks.items())))

    print("\nquirks and repairs:")
    for k in sorted(counts):
        print(f"  {counts[k]:>6}  {k}")
    for k in ("rows skipped: empty link type", "rows skipped: unknown link type", "agreements with a malformed date"):
        if k not in counts:
            print(f"  {0:>6}  {k}")
    if notes and not args.quiet_notes:
        print("\nrows reported individually:")
        for n in notes:
            print("  " + n)

    print("\ntop 10 third parties by number of agreements signed as third party:")
    ranked = sorted(actors, key=lambda a: (-len(actors[a]["agreements"]["third party"]), actor_ids[a]))
    for a in [a for a in ranked if actors[a]["agreements"]["third party"]][:10]:
        info = actors[a]
        print(f"  {len(info['agreements']['third party']):>4}  {info['label']} ({info['type']}, {a}, {kinds[a]})")

    g, err = networkx_check(args.output)
    if err:
        print(f"\nFAIL: {err}", file=sys.stderr)
        return 1
    ok = g.number_of_nodes() == len(data["nodes"]) and g.number_of_edges() == len(data["edges"]) \
        and g.is_directed() and g.is_multigraph()
    print(f"\nnetworkx.node_link_graph(data, edges=\"edges\"): {type(g).__name__}, "
          f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges: {'OK' if ok else 'MISMATCH'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
