#!/usr/bin/python3
"""Scope options against python-igraph (issue 18): for each dataset, collab's node and edge counts
with --component largest, --min-component-size N, --min-degree K and --min-credits K equal those
of the same network built here from the CSV (person-person projection, projects above 100 people
left out, as collab does by default) with the scope applied in python-igraph.

Usage: check_scope.py COLLAB CSV..."""
import csv
import json
import subprocess
import sys

import igraph as ig


def network(path):
    """The graph collab builds by default: edge lists as they are, credits projected onto people."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    header = {k.lower(): k for k in rows[0]}
    names, edges, credits = {}, set(), {}

    def vid(name):
        return names.setdefault(name, len(names))

    if "source" in header:
        for r in rows:
            a, b = r[header["source"]].strip(), r[header["target"]].strip()
            if a != b:
                edges.add(tuple(sorted((vid(a), vid(b)))))
    else:
        projects = {}
        for r in rows:
            p = r[header["person"]].strip()
            vid(p)
            credits[p] = credits.get(p, 0) + 1
            projects.setdefault(r[header["project"]].strip(), set()).add(p)
        for members in projects.values():
            if len(members) > 100:
                continue
            ids = sorted(names[m] for m in members)
            edges.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    g = ig.Graph(n=len(names), edges=sorted(edges))
    g.vs["name"] = sorted(names, key=names.get)
    g.vs["credits"] = [credits.get(n, 0) for n in g.vs["name"]]
    return g


def scoped(g, min_credits=0, min_degree=0, min_size=0, largest=False):
    g = g.copy()
    if min_credits:
        g.delete_vertices([v.index for v in g.vs if v["credits"] < min_credits])
    if min_degree:
        g.delete_vertices([v.index for v, d in zip(g.vs, g.degree()) if d < min_degree])
    comps = g.connected_components()
    drop = [v for c in comps if len(c) < min_size for v in c]
    if largest and len(comps) > 0:
        giant = max(range(len(comps)), key=lambda i: (len(comps[i]), -min(comps[i])))
        drop += [v for i, c in enumerate(comps) if i != giant for v in c]
    g.delete_vertices(sorted(set(drop)))
    return g.vcount(), g.ecount()


def collab_counts(collab, path, args):
    out = subprocess.run([collab, "summary", path, "--format", "json", *args],
                         capture_output=True, text=True, check=True).stdout
    graph = json.loads(out)["graph"]
    return graph["nodes"], graph["edges"]


def main():
    collab, files = sys.argv[1], sys.argv[2:]
    failures = 0
    cases = [
        (["--component", "largest"], dict(largest=True)),
        (["--min-component-size", "5"], dict(min_size=5)),
        (["--min-degree", "3"], dict(min_degree=3)),
        (["--min-degree", "2", "--component", "largest"], dict(min_degree=2, largest=True)),
    ]
    for path in files:
        g = network(path)
        extra = []
        if "credits" in g.vs.attributes() and max(g.vs["credits"] or [0]) > 0:
            extra = [(["--min-credits", "2"], dict(min_credits=2)),
                     (["--min-credits", "2", "--min-component-size", "3"],
                      dict(min_credits=2, min_size=3))]
        for args, kw in cases + extra:
            want = scoped(g, **kw)
            got = collab_counts(collab, path, args)
            if got != want:
                failures += 1
                print(f"FAIL {path} {' '.join(args)}: collab {got}, python-igraph {want}")
            else:
                print(f"ok {path.rsplit('/', 1)[-1]} {' '.join(args)}: {got[0]} nodes, {got[1]} edges")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
