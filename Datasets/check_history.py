#!/usr/bin/env python3
"""Validate Datasets/track2-history.json.

Checks the strict typed node-link schema used by Backchannel, referential
integrity (node ids and source ids), relation/kind directions, year ranges,
the required core history (each item citing "apb-track2"), and finally that NetworkX can load the file with
``networkx.node_link_graph(data, edges="edges")``.

Usage: python3 Datasets/check_history.py [path/to/track2-history.json]
Exits 0 when every check passes, 1 with a list of violations otherwise.
Dependencies: Python 3 standard library and networkx.
"""

import json
import math
import os
import re
import sys

DEFAULT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "track2-history.json")

APB = "apb-track2"
APB_CITATION = 'Alliance for Peacebuilding, "Track II Diplomacy" (brief)'

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TOP_KEYS = {"directed", "multigraph", "graph", "nodes", "edges"}
GRAPH_KEYS = {"name", "title", "description", "sources"}
SOURCE_REQUIRED = {"id", "citation"}
SOURCE_KEYS = SOURCE_REQUIRED | {"url"}
NODE_REQUIRED = {"id", "label", "kind", "sources"}
NODE_KEYS = NODE_REQUIRED | {"track", "start", "end", "description", "attributes", "designations"}
DESIGNATION_REQUIRED = {"list", "by", "since", "sources"}
DESIGNATION_KEYS = DESIGNATION_REQUIRED | {"until"}
EDGE_REQUIRED = {"source", "target", "relation", "sources"}
EDGE_KEYS = EDGE_REQUIRED | {"support", "weight", "year", "start", "end", "description", "attributes"}

KINDS = {"convener", "participant", "conflict", "legal", "dialogue", "official", "agreement", "event"}
TRACKS = {"I", "1.5", "II", "III", "prevention"}
SUPPORTS = {"monetary", "expert_advice", "training", "personnel", "service"}
ACTORS = {"convener", "participant", "official"}

# relation -> (allowed source kinds, allowed target kinds)
# "upholds" also accepts an official (a court) as its source: the U.S. Supreme
# Court upholds the statute. An agency enforcing an instrument "administers" it
# (Treasury/OFAC and Executive Order 13224).
DIRECTIONS = {
    "convenes": ({"convener"}, {"dialogue"}),
    # A convener may take part in a dialogue another convener hosts (Jimmy Carter in the Carter
    # Center's 2008 meetings).
    "participates_in": ({"participant", "official", "convener"}, {"dialogue", "agreement", "event"}),
    "addresses": ({"dialogue", "convener", "agreement"}, {"conflict"}),
    "party_to": ({"participant", "official"}, {"conflict", "event"}),
    "urges": ({"official"}, {"convener"}),
    "partners_with": ({"convener"}, {"convener"}),
    "prepares": ({"dialogue"}, {"dialogue", "agreement"}),
    "led_to": ({"dialogue", "conflict", "event", "agreement"}, {"dialogue", "agreement", "event"}),
    "constrains": ({"legal"}, {"convener", "participant"}),
    "upholds": ({"legal", "official"}, {"legal"}),
    "administers": ({"official"}, {"legal"}),
    "designates": ({"official", "legal"}, {"participant"}),
    "provides": (ACTORS, ACTORS),
    "member_of": (ACTORS, ACTORS),
    "part_of": ({"conflict", "dialogue", "event", "agreement"}, {"conflict", "dialogue"}),
}

YEAR_MIN, YEAR_MAX = 1000, 2100

# Core history that must be present, each citing apb-track2.
REQUIRED_NODES = [
    "u2-incident-1960", "cold-war", "dwight-d-eisenhower", "norman-cousins",
    "dartmouth-conference", "prominent-us-citizens", "prominent-soviet-citizens",
    "american-academy-of-arts-and-sciences", "aaas-israeli-arab-meetings-1989",
    "israeli-civilians", "arab-civilians", "israeli-palestinian-conflict", "oslo-accords",
    "jimmy-carter", "carter-pyongyang-talks-1994", "us-north-korea-nuclear-crisis-1994",
    "stanford-scicn", "community-dialogue", "provisional-ira", "ira-ceasefire-1997",
    "ni-stakeholder-negotiations-1997", "the-troubles",
    "holder-v-hlp", "us-supreme-court", "material-support-statute",
    "us-department-of-state", "treasury-ofac", "alliance-for-peacebuilding", "usip",
]
REQUIRED_EDGES = [
    ("u2-incident-1960", "part_of", "cold-war"),
    ("dwight-d-eisenhower", "urges", "norman-cousins"),
    ("norman-cousins", "convenes", "dartmouth-conference"),
    ("prominent-us-citizens", "participates_in", "dartmouth-conference"),
    ("prominent-soviet-citizens", "participates_in", "dartmouth-conference"),
    ("dartmouth-conference", "addresses", "cold-war"),
    ("american-academy-of-arts-and-sciences", "convenes", "aaas-israeli-arab-meetings-1989"),
    ("israeli-civilians", "participates_in", "aaas-israeli-arab-meetings-1989"),
    ("arab-civilians", "participates_in", "aaas-israeli-arab-meetings-1989"),
    ("aaas-israeli-arab-meetings-1989", "addresses", "israeli-palestinian-conflict"),
    ("aaas-israeli-arab-meetings-1989", "prepares", "oslo-accords"),
    ("jimmy-carter", "convenes", "carter-pyongyang-talks-1994"),
    ("carter-pyongyang-talks-1994", "addresses", "us-north-korea-nuclear-crisis-1994"),
    ("provisional-ira", "participates_in", "ira-ceasefire-1997"),
    ("stanford-scicn", "partners_with", "community-dialogue"),
    ("stanford-scicn", "convenes", "ni-stakeholder-negotiations-1997"),
    ("community-dialogue", "convenes", "ni-stakeholder-negotiations-1997"),
    ("ni-stakeholder-negotiations-1997", "addresses", "the-troubles"),
    ("holder-v-hlp", "upholds", "material-support-statute"),
    ("us-supreme-court", "upholds", "material-support-statute"),
    ("treasury-ofac", "administers", "eo-13224"),
    ("holder-v-hlp", "constrains", "alliance-for-peacebuilding"),
    ("holder-v-hlp", "constrains", "usip"),
]
EISENHOWER_QUOTE = "I can't talk to the Soviets, but somebody better"



def date_bounds(value):
    """The first and last day (as (y, m, d) tuples) of a year or ISO date, or None when unreadable."""
    import calendar
    import re

    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, 1, 1), (value, 12, 31)
    if not isinstance(value, str):
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2) is None:
        return (y, 1, 1), (y, 12, 31)
    mo = int(m.group(2))
    if not 1 <= mo <= 12:
        return None
    last = calendar.monthrange(y, mo)[1]
    if m.group(3) is None:
        return (y, mo, 1), (y, mo, last)
    d = int(m.group(3))
    if not 1 <= d <= last:
        return None
    return (y, mo, d), (y, mo, d)


def before(end, start):
    """Whether the period ending at `end` is over before the one starting at `start` begins."""
    return date_bounds(end)[1] < date_bounds(start)[0]

class Checker:
    def __init__(self):
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    # -- primitive checks -------------------------------------------------
    def nonempty_str(self, where, key, value):
        if not isinstance(value, str) or not value.strip():
            self.err(where, f"'{key}' must be a non-empty string")
            return False
        return True

    def year(self, where, key, value):
        """A date at the precision the source gives: an integer year, or an ISO string
        "YYYY", "YYYY-MM" or "YYYY-MM-DD" (see Datasets/README.md, Dates)."""
        if date_bounds(value) is None:
            self.err(where, f"'{key}' must be a year or an ISO date (YYYY, YYYY-MM, YYYY-MM-DD), got {value!r}")
            return False
        y = date_bounds(value)[0][0]
        if not YEAR_MIN <= y <= YEAR_MAX:
            self.err(where, f"'{key}' = {value} outside {YEAR_MIN}..{YEAR_MAX}")
            return False
        return True

    def keys(self, where, obj, required, allowed):
        if not isinstance(obj, dict):
            self.err(where, "must be a JSON object")
            return False
        missing = required - obj.keys()
        extra = obj.keys() - allowed
        if missing:
            self.err(where, f"missing keys {sorted(missing)}")
        if extra:
            self.err(where, f"unexpected keys {sorted(extra)}")
        return not missing

    def source_refs(self, where, refs, known):
        if not isinstance(refs, list) or not refs:
            self.err(where, "'sources' must be a non-empty list of source ids")
            return []
        if len(set(map(str, refs))) != len(refs):
            self.err(where, "'sources' lists a source id more than once")
        for ref in refs:
            if not isinstance(ref, str) or ref not in known:
                self.err(where, f"unknown source id {ref!r}")
        return [r for r in refs if isinstance(r, str)]

    def year_span(self, where, obj):
        ok_start = "start" not in obj or self.year(where, "start", obj["start"])
        ok_end = "end" not in obj or self.year(where, "end", obj["end"])
        if ok_start and ok_end and "start" in obj and "end" in obj and before(obj["end"], obj["start"]):
            self.err(where, f"end {obj['end']} is before start {obj['start']}")

    # -- document ---------------------------------------------------------
    def check(self, data):
        used_sources = set()
        if not self.keys("top level", data, TOP_KEYS, TOP_KEYS):
            return
        if data["directed"] is not True:
            self.err("top level", "'directed' must be true")
        if data["multigraph"] is not True:
            self.err("top level", "'multigraph' must be true")

        graph = data["graph"]
        known_sources = {}
        if self.keys("graph", graph, GRAPH_KEYS, GRAPH_KEYS):
            if graph["name"] != "track2-history":
                self.err("graph", "'name' must be 'track2-history'")
            if graph["title"] != "The history of Track II diplomacy":
                self.err("graph", "'title' must be 'The history of Track II diplomacy'")
            self.nonempty_str("graph", "description", graph["description"])
            if not isinstance(graph["sources"], list) or not graph["sources"]:
                self.err("graph", "'sources' must be a non-empty list")
            else:
                for i, src in enumerate(graph["sources"]):
                    where = f"graph.sources[{i}]"
                    if not self.keys(where, src, SOURCE_REQUIRED, SOURCE_KEYS):
                        continue
                    sid = src["id"]
                    if not isinstance(sid, str) or not KEBAB.match(sid):
                        self.err(where, f"source id {sid!r} is not kebab-case")
                        continue
                    where = f"source {sid!r}"
                    if sid in known_sources:
                        self.err(where, "duplicate source id")
                    known_sources[sid] = src
                    self.nonempty_str(where, "citation", src["citation"])
                    if "url" in src and (not isinstance(src["url"], str) or not src["url"].startswith("https://")):
                        self.err(where, "'url' must be an https:// URL")
                apb = known_sources.get(APB)
                if apb is None:
                    self.err("graph.sources", f"missing source {APB!r}")
                else:
                    if apb.get("citation") != APB_CITATION:
                        self.err(f"source {APB!r}", f"citation must be exactly {APB_CITATION!r}")
                    if "url" in apb:
                        self.err(f"source {APB!r}", "must not have a url")

        # nodes
        nodes = data["nodes"]
        node_kind = {}
        node_sources = {}
        node_by_id = {}
        if not isinstance(nodes, list) or not nodes:
            self.err("nodes", "must be a non-empty list")
            nodes = []
        for i, node in enumerate(nodes):
            where = f"nodes[{i}]"
            if not self.keys(where, node, NODE_REQUIRED, NODE_KEYS):
                continue
            nid = node["id"]
            if not isinstance(nid, str) or not KEBAB.match(nid):
                self.err(where, f"node id {nid!r} is not kebab-case")
                continue
            where = f"node {nid!r}"
            if nid in node_kind:
                self.err(where, "duplicate node id")
            node_by_id[nid] = node
            self.nonempty_str(where, "label", node["label"])
            if node["kind"] not in KINDS:
                self.err(where, f"kind {node['kind']!r} not in {sorted(KINDS)}")
            node_kind[nid] = node["kind"]
            if "track" in node and node["track"] not in TRACKS:
                self.err(where, f"track {node['track']!r} not in {sorted(TRACKS)}")
            self.year_span(where, node)
            if "description" in node:
                self.nonempty_str(where, "description", node["description"])
            if "attributes" in node:
                self.attributes(where, node["attributes"])
            refs = self.source_refs(where, node["sources"], known_sources)
            node_sources[nid] = set(refs)
            used_sources.update(refs)
            if "designations" in node:
                des = node["designations"]
                if not isinstance(des, list) or not des:
                    self.err(where, "'designations' must be a non-empty list")
                else:
                    if node["kind"] != "participant":
                        self.err(where, "only participant nodes may carry designations")
                    for j, d in enumerate(des):
                        dw = f"{where}.designations[{j}]"
                        if not self.keys(dw, d, DESIGNATION_REQUIRED, DESIGNATION_KEYS):
                            continue
                        self.nonempty_str(dw, "list", d["list"])
                        self.nonempty_str(dw, "by", d["by"])
                        ok = self.year(dw, "since", d["since"])
                        if "until" in d and self.year(dw, "until", d["until"]) and ok and before(d["until"], d["since"]):
                            self.err(dw, "'until' is before 'since'")
                        used_sources.update(self.source_refs(dw, d["sources"], known_sources))

        # edges
        edges = data["edges"]
        edge_index = {}
        seen = set()
        if not isinstance(edges, list) or not edges:
            self.err("edges", "must be a non-empty list")
            edges = []
        for i, edge in enumerate(edges):
            where = f"edges[{i}]"
            if not self.keys(where, edge, EDGE_REQUIRED, EDGE_KEYS):
                continue
            s, t, rel = edge["source"], edge["target"], edge["relation"]
            where = f"edges[{i}] {s} -{rel}-> {t}"
            for end_name, nid in (("source", s), ("target", t)):
                if nid not in node_kind:
                    self.err(where, f"{end_name} {nid!r} is not a node id")
            if s == t:
                self.err(where, "self-loop")
            if rel not in DIRECTIONS:
                self.err(where, f"relation {rel!r} not in {sorted(DIRECTIONS)}")
            elif s in node_kind and t in node_kind:
                src_kinds, tgt_kinds = DIRECTIONS[rel]
                if node_kind[s] not in src_kinds or node_kind[t] not in tgt_kinds:
                    self.err(where, f"{rel} not allowed from {node_kind[s]} to {node_kind[t]}")
                if rel == "prepares" and node_by_id[t].get("track") != "I":
                    self.err(where, "'prepares' must target Track I talks or an agreement")
                if rel == "designates" and "designations" not in node_by_id[t]:
                    self.err(where, "'designates' target must carry a 'designations' field")
                if rel == "part_of" and node_kind[s] != node_kind[t] and not (node_kind[s] == "event" and node_kind[t] == "conflict"):
                    self.err(where, "'part_of' must link conflict->conflict, dialogue->dialogue or event->conflict")
            if rel == "provides":
                if edge.get("support") not in SUPPORTS:
                    self.err(where, f"'support' is required for provides and must be one of {sorted(SUPPORTS)}")
            elif "support" in edge:
                self.err(where, "'support' is only allowed when relation is 'provides'")
            if "weight" in edge:
                w = edge["weight"]
                if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w):
                    self.err(where, "'weight' must be a finite number")
            if "year" in edge:
                self.year(where, "year", edge["year"])
                if "start" in edge or "end" in edge:
                    self.err(where, "use either 'year' or 'start'/'end', not both")
            if "end" in edge and "start" not in edge:
                self.err(where, "'end' given without 'start'")
            self.year_span(where, edge)
            if "description" in edge:
                self.nonempty_str(where, "description", edge["description"])
            if "attributes" in edge:
                self.attributes(where, edge["attributes"])
            refs = self.source_refs(where, edge["sources"], known_sources)
            used_sources.update(refs)
            sig = (s, rel, t, edge.get("support"))
            if sig in seen:
                self.err(where, "duplicate edge (same source, relation, target and support)")
            seen.add(sig)
            edge_index.setdefault((s, rel, t), []).append(edge)

        unused = set(known_sources) - used_sources
        if unused:
            self.err("graph.sources", f"sources never cited: {sorted(unused)}")

        self.required_content(node_sources, edge_index, node_by_id)

    def attributes(self, where, attrs):
        if not isinstance(attrs, dict) or not attrs:
            self.err(where, "'attributes' must be a non-empty object")
            return
        for k, v in attrs.items():
            if not isinstance(k, str) or not k:
                self.err(where, f"attribute key {k!r} must be a non-empty string")
            if not isinstance(v, (str, int, float, bool)) or (isinstance(v, float) and not math.isfinite(v)):
                self.err(where, f"attribute {k!r} must be a string, number or boolean")

    def required_content(self, node_sources, edge_index, node_by_id):
        for nid in REQUIRED_NODES:
            if nid not in node_sources:
                self.err("required content", f"missing node {nid!r}")
            elif APB not in node_sources[nid]:
                self.err("required content", f"node {nid!r} must cite {APB!r}")
        for key in REQUIRED_EDGES:
            found = edge_index.get(key, [])
            if not found:
                self.err("required content", f"missing edge {key[0]} -{key[1]}-> {key[2]}")
            elif not any(APB in e.get("sources", []) for e in found):
                self.err("required content", f"edge {key[0]} -{key[1]}-> {key[2]} must cite {APB!r}")
        urges = edge_index.get(("dwight-d-eisenhower", "urges", "norman-cousins"), [])
        if urges and not any(EISENHOWER_QUOTE in e.get("description", "") and e.get("year") == 1960 for e in urges):
            self.err("required content", "Eisenhower -urges-> Cousins must have year 1960 and quote the remark")
        for target in ("alliance-for-peacebuilding", "usip"):
            for e in edge_index.get(("holder-v-hlp", "constrains", target), []):
                if e.get("start") != 2010 or "end" in e or "year" in e:
                    self.err("required content", f"holder-v-hlp -constrains-> {target} must have start 2010 and no end")
        hlp_supports = {e.get("support") for e in edge_index.get(("humanitarian-law-project", "provides", "pkk"), [])}
        for needed in ("training", "expert_advice"):
            if needed not in hlp_supports:
                self.err("required content", f"missing humanitarian-law-project -provides({needed})-> pkk")
        for (s, rel, t), found in edge_index.items():
            if s == "humanitarian-law-project" and rel == "provides":
                for e in found:
                    if e.get("attributes", {}).get("status") != "intended":
                        self.err("required content", f"HLP provides edge to {t} must have attributes.status 'intended'")
        for nid in ("pkk", "ltte"):
            des = node_by_id.get(nid, {}).get("designations", [])
            if not any(d.get("by") == "U.S. Department of State" and d.get("since") == 1997 for d in des):
                self.err("required content", f"{nid} must carry a 1997 State Department designation")


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_PATH
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        data = json.loads(text)
    except (OSError, ValueError) as exc:
        print(f"FAIL: cannot read {path}: {exc}", file=sys.stderr)
        return 1

    checker = Checker()
    checker.check(data)

    # The canonical layout is the one `backchannel export --format json` writes; the Swift test
    # HistoryDatasetTests.canonicalFileIsExactlyWhatExportWrites checks it byte for byte.

    if not checker.errors:
        try:
            import networkx as nx
        except ImportError:
            print("FAIL: networkx is not installed", file=sys.stderr)
            return 1
        try:
            G = nx.node_link_graph(data, edges="edges")
        except Exception as exc:  # noqa: BLE001 - report any loader failure
            checker.err("networkx", f"node_link_graph failed: {exc!r}")
        else:
            if not (G.is_directed() and G.is_multigraph()):
                checker.err("networkx", "graph did not load as a directed multigraph")
            if G.number_of_nodes() != len(data["nodes"]):
                checker.err("networkx", f"loaded {G.number_of_nodes()} nodes, file has {len(data['nodes'])}")
            if G.number_of_edges() != len(data["edges"]):
                checker.err("networkx", f"loaded {G.number_of_edges()} edges, file has {len(data['edges'])}")
            if G.graph.get("name") != "track2-history":
                checker.err("networkx", "graph attribute 'name' not carried through")

    if checker.errors:
        print(f"FAIL: {path}: {len(checker.errors)} violation(s)", file=sys.stderr)
        for e in checker.errors:
            print(f"  - {e}", file=sys.stderr)
        return 1

    print(f"OK: {path}: {len(data['nodes'])} nodes, {len(data['edges'])} edges, "
          f"{len(data['graph']['sources'])} sources; loaded by networkx {nx.__version__} "
          f"as a directed multigraph")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
