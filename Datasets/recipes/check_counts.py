#!/usr/bin/env python3
"""Count, independently of Backchannel, what each committed recipe should make of its table.

Usage:
  python3 Datasets/recipes/check_counts.py {mend,ucdp,paax} TABLE.csv

Prints JSON: {"nodes": {kind: count}, "edges": {relation: count}, "warnings": {message: count}}.
The messages are the text Backchannel's warnings start with (before ": N times"), so a test can
compare them one by one. This script does not read the recipes: it re-implements by hand, with the
csv module and nothing else, the rules Datasets/README.md documents (cells trimmed; lists split
on their separator, each item trimmed; parallel lists of different lengths read only by their
first column there; a single item used for every item of another list; two lists with several
items each left unpaired; empty ids left out; a node's first kind kept; dedupe of equal edges;
maps, patterns and defaults). The tests in Tests/BackchannelFormatsTests/RecipeTests.swift run it
on the real tables in ../shared (where present) and on the project-written fixtures in
Tests/Fixtures/recipes.
"""

import collections
import csv
import json
import re
import sys


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        for record in reader:
            if all(v == "" for v in record):
                continue
            yield {h: v.strip(" \t\r\n") for h, v in zip(header, record)}


def split(cell, sep):
    return [x.strip(" \t\r\n") for x in cell.split(sep)]


class Counts:
    def __init__(self, recipe):
        self.recipe = recipe
        self.kinds = {}            # node id -> kind (first kept)
        self.node_order = []
        self.edges = collections.Counter()
        self.seen = collections.defaultdict(set)
        self.warnings = collections.Counter()

    def warn(self, message):
        self.warnings[f"{self.recipe} {message}"] += 1

    def node(self, rule, node_id, kind):
        if node_id in self.kinds:
            if self.kinds[node_id] != kind:
                self.warn(f"{rule}: ids already made with another kind; first kind kept")
            return
        self.kinds[node_id] = kind

    def edge(self, rule, source, relation, target, year="", side="", dedupe=False):
        if dedupe:
            key = (source, relation, target, year, side)
            if key in self.seen[rule]:
                self.warn(f"{rule}: duplicate edges dropped (dedupe)")
                return
            self.seen[rule].add(key)
        self.edges[relation] += 1

    def result(self):
        return {
            "nodes": dict(sorted(collections.Counter(self.kinds.values()).items())),
            "edges": dict(sorted(self.edges.items())),
            "warnings": dict(sorted(self.warnings.items())),
        }


def mend_date(year, month, day):
    if not year:
        return ""
    if not month:
        return year
    return f"{year}-{int(float(month)):02d}" + (f"-{int(float(day)):02d}" if day else "")


def mend(path):
    c = Counts("mend.toml")
    track_rule = "node[2] (third party).track"
    for r in rows(path):
        event = "mend-" + r["med_event_id"]
        # Year, Month and Day make one date at the precision given (an empty Day: the month).
        year = mend_date(r["year"], r["month"], r["day"])
        ids, names = split(r["third_party_id"], ";"), split(r["third_party"], ";")
        if len(ids) != len(names):
            c.warn("parallel.third_parties: lists of different lengths in one row (third_party_id, third_party); only third_party_id read there")
        locals_ = split(r["local_parties"], ";")
        people = split(r["individual_med_named"], ";")
        country = r["conflict_counry_id"]
        # Nodes, rule by rule (the recipe's order), then edges.
        c.node("node[1] (event)", event, "dialogue")
        for tp in ids:
            if not tp:
                c.warn("node[2] (third party): empty third_party_id; no node")
                continue
            c.node("node[2] (third party)", tp, "convener")
            if not (tp.lower().startswith("con_") or tp.lower().startswith("igo_")):
                c.warn(f"{track_rule}: values not in map.pax_track with no default; no track")
        for lp in locals_:
            if not lp:
                c.warn("node[3] (local party): empty local_parties; no node")
                continue
            c.node("node[3] (local party)", "mend-local-" + lp, "participant")
        for person in people:
            if not person:
                c.warn("node[4] (named mediator): empty individual_med_named; no node")
                continue
            c.node("node[4] (named mediator)", "mend-person-" + person, "convener")
        if country:
            c.node("node[5] (conflict)", "mend-conflict-" + country, "conflict")
        else:
            c.warn("node[5] (conflict): empty conflict_counry_ID; no node")
        for tp in ids:
            if not tp:
                c.warn("edge[1] (third party convenes): empty third_party_id; no edge")
                continue
            c.edge("edge[1] (third party convenes)", tp, "convenes", event, year, dedupe=True)
        for lp in locals_:
            if not lp:
                c.warn("edge[2] (local party participates): empty local_parties; no edge")
                continue
            c.edge("edge[2] (local party participates)", "mend-local-" + lp, "participates_in", event, year, dedupe=True)
        for person in people:
            if not person:
                c.warn("edge[3] (named mediator mediates): empty individual_med_named; no edge")
                continue
            c.edge("edge[3] (named mediator mediates)", "mend-person-" + person, "mediates", event, year, dedupe=True)
        if country:
            c.edge("edge[4] (event addresses conflict)", event, "addresses", "mend-conflict-" + country, year)
        else:
            c.warn("edge[4] (event addresses conflict): empty conflict_counry_ID; no edge")
        for lp in locals_:
            if not lp:
                c.warn("edge[5] (local party party to conflict): empty local_parties; no edge")
                continue
            if not country:
                c.warn("edge[5] (local party party to conflict): empty conflict_counry_ID; no edge")
                continue
            c.edge("edge[5] (local party party to conflict)", "mend-local-" + lp, "party_to", "mend-conflict-" + country, r["year"], dedupe=True)
    return c.result()


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
YEAR = re.compile(r"^\d{4}$")


def ucdp(path):
    c = Counts("ucdp.toml")
    for r in rows(path):
        agreement = "ucdp-pa-" + r["paid"]
        date = r["pa_date"]
        # pa_date: an ISO date, a year-month or a year, kept at that precision (no warning).
        year = date if ISO_DATE.match(date) or YEAR_MONTH.match(date) or YEAR.match(date) else ""
        groups = {}
        for name, ids_col, names_col in (("conflicts", "conflict_id", "conflict_name"), ("dyads", "dyad_id", "dyad_name"),
                                         ("actors", "actor_id", "actor_name")):
            ids, names = split(r[ids_col], ","), split(r[names_col], ",")
            if len(ids) != len(names):
                c.warn(f"parallel.{name}: lists of different lengths in one row ({ids_col}, {names_col}); only {ids_col} read there")
                names = [""] * len(ids)
            groups[name] = (ids, names)
        conflicts, dyads, actors = groups["conflicts"][0], groups["dyads"][0], groups["actors"]

        def is_government(name):
            return name.lower().startswith("government of ")

        c.node("node[1] (agreement)", agreement, "agreement")
        for cid in conflicts:
            c.node("node[2] (conflict)", "ucdp-conflict-" + cid, "conflict")
        for did in dyads:
            c.node("node[3] (dyad)", "ucdp-dyad-" + did, "conflict")
        for aid, name in zip(*actors):
            if not name:
                c.warn('node[4] (actor).kind: empty cells defaulted to "participant"')
                kind = "participant"
            elif is_government(name):
                kind = "official"
            else:
                c.warn('node[4] (actor).kind: values not in map.actor_kind defaulted to "participant"')
                kind = "participant"
            c.node("node[4] (actor)", "ucdp-actor-" + aid, kind)
        for cid in conflicts:
            c.edge("edge[1]", agreement, "addresses", "ucdp-conflict-" + cid, year)

        def pairs(a, b):
            if len(a) > 1 and len(b) > 1:
                return None
            n = max(len(a), len(b))
            return [(a[0] if len(a) == 1 else a[i], b[0] if len(b) == 1 else b[i]) for i in range(n)]

        dc = pairs(dyads, conflicts)
        if dc is None:
            c.warn("edge[2] (dyad part of conflict): several items in both conflicts and dyads cannot be paired; row left out")
        else:
            for did, cid in dc:
                c.edge("edge[2] (dyad part of conflict)", "ucdp-dyad-" + did, "part_of", "ucdp-conflict-" + cid, dedupe=True)
        actor_items = list(zip(*actors))
        ad = pairs(actor_items, dyads)
        if ad is None:
            c.warn("edge[3] (actor party to dyad): several items in both actors and dyads cannot be paired; row left out")
        else:
            for (aid, name), did in ad:
                if not name:
                    c.warn("edge[3] (actor party to dyad).side: empty cells with no default; no side")
                    side = ""
                elif is_government(name):
                    side = "A"
                else:
                    c.warn('edge[3] (actor party to dyad).side: values not in map.side defaulted to "B"')
                    side = "B"
                c.edge("edge[3] (actor party to dyad)", "ucdp-actor-" + aid, "party_to", "ucdp-dyad-" + did, side=side, dedupe=True)
        for aid, _ in actor_items:
            c.edge("edge[4] (actor participates in agreement)", "ucdp-actor-" + aid, "participates_in", agreement, year, dedupe=True)
    return c.result()


def paax(path):
    c = Counts("paax.toml")
    role_kind = {"third party": "convener", "party": "participant"}
    role_relation = {"third party": "third_party_to", "party": "participates_in"}
    track_i = {"country/state", "intergovernmental organization", "state coalition"}
    for r in rows(path):
        agreement, actor, process, year = r["from_node_id"], r["to_node_id"], r["ppname"], r["year"]
        role = " ".join(r["signatory_type"].lower().replace("_", " ").replace("-", " ").split())
        c.node("node[1] (agreement)", agreement, "agreement")
        c.node("node[2] (peace process)", "process-" + process, "conflict")
        if not actor:
            c.warn("node[3] (actor): empty to_node_id; no node")
        else:
            if role in role_kind:
                c.node("node[3] (actor)", actor, role_kind[role])
            else:
                c.warn("node[3] (actor).kind: values not in map.role_kind with no default; left out")
            actor_type = r["to_node_type"]
            if role in role_kind:
                if not actor_type:
                    c.warn("node[3] (actor).track: empty cells with no default; no track")
                elif actor_type.lower() not in track_i:
                    c.warn("node[3] (actor).track: values not in map.actor_track with no default; no track")
        if not actor:
            c.warn("edge[1] (signature): empty to_node_id; no edge")
        elif role in role_relation:
            c.edge("edge[1] (signature)", actor, role_relation[role], agreement, year, dedupe=True)
        c.edge("edge[2] (agreement addresses process)", agreement, "addresses", "process-" + process, year, dedupe=True)
    return c.result()


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("mend", "ucdp", "paax"):
        print(__doc__, file=sys.stderr)
        return 64
    counts = {"mend": mend, "ucdp": ucdp, "paax": paax}[sys.argv[1]](sys.argv[2])
    json.dump(counts, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
