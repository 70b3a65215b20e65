#!/usr/bin/python3
"""Checks collab's exact path sweep (betweenness, closeness, harmonic centrality, in hops) against
python-igraph on credit files: the sweep leaves out the sources its exact reductions fold away
(degree-one vertices, twins: engine/src/paths_reduce.c), igraph sweeps every one.

Usage: check_paths_igraph.py COLLAB CSV...

The person-person projection is rebuilt here from each CSV (two people are linked when they share
a project). Every node's value must agree to 1e-9 relative (1e-12 absolute near zero): igraph
sums in another order. Exits 1 on the first disagreement."""
import csv
import io
import math
import subprocess
import sys

import igraph as ig

RTOL = 1e-9
ATOL = 1e-12


def build_graph(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    ids = {}
    members = {}
    for r in rows:
        person = r["person"].strip()
        ids.setdefault(person, len(ids))
        members.setdefault(r["project"].strip(), set()).add(ids[person])
    edges = set()
    for people in members.values():
        people = sorted(people)
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                edges.add((a, b))
    g = ig.Graph(n=len(ids), edges=sorted(edges))
    names = [None] * len(ids)
    for name, i in ids.items():
        names[i] = name
    return g, names


def close(a, b):
    return abs(a - b) <= max(ATOL, RTOL * max(abs(a), abs(b)))


def check(collab, path):
    g, names = build_graph(path)
    expected = {
        "betweenness": g.betweenness(directed=False),
        "closeness": [0.0 if math.isnan(x) else x for x in g.closeness(normalized=True)],
        "harmonic": g.harmonic_centrality(normalized=False),
    }
    cmd = [collab, "report", path, "--all", "--exact", "--format", "csv", "--no-progress"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {done.returncode}: {done.stderr}")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    if len(rows) != g.vcount():
        sys.exit(f"FAIL: {path}: {len(rows)} rows, igraph has {g.vcount()} nodes")
    index = {name: i for i, name in enumerate(names)}
    for row in rows:
        v = index[row["name"]]
        for metric, values in expected.items():
            got = float(row[metric])
            if not close(got, values[v]):
                sys.exit(f"FAIL: {path} {row['name']!r} {metric}: collab {got!r}, "
                         f"igraph {values[v]!r}")
    print(f"ok: {path}: {g.vcount()} nodes, {g.ecount()} edges, 3 metrics agree")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for path in sys.argv[2:]:
        check(sys.argv[1], path)


if __name__ == "__main__":
    main()
