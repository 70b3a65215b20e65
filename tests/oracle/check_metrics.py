#!/usr/bin/python3
"""Checks collab's metrics against NetworkX, computed independently from the same CSV.

Usage: check_metrics.py COLLAB CSV [collab options...]

The graph is rebuilt here in Python from the CSV (credits: person-person projection with weight =
number of shared projects; edge lists: merged undirected pairs with summed weights), every metric
is computed with NetworkX, and each of collab's values (report --format csv --all --exact, and
--format json for the global statistics) must agree to 1e-9 relative (1e-12 absolute near zero).
Exits 1 on the first disagreement, printing the node, metric and both values."""
import csv
from fractions import Fraction
import io
import itertools
import json
import math
import subprocess
import sys

import networkx as nx

RTOL = 1e-9
ATOL = 1e-12


def build_graph(path, inverse):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    g = nx.Graph()
    if "person" in rows[0]:
        members = {}
        for r in rows:
            members.setdefault(r["project"].strip(), set()).add(r["person"].strip())
            g.add_node(r["person"].strip())
        for people in members.values():
            for a, b in itertools.combinations(sorted(people), 2):
                w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
                g.add_edge(a, b, weight=w)
    else:
        for r in rows:
            a, b = r["source"].strip(), r["target"].strip()
            if a == b:
                continue
            w = float(r.get("weight") or 1)
            if g.has_edge(a, b):
                w += g.edges[a, b]["weight"]
            g.add_edge(a, b, weight=w)
    # Exact rational lengths: ties between paths such as 1/2 + 1/4 + 1/4 and 1 are real ties,
    # which floating-point sums would break at random (collab compares lengths with a 1e-10
    # tolerance, as igraph does).
    for a, b, d in g.edges(data=True):
        d["length"] = 1 / Fraction(d["weight"]).limit_denominator(10**9) if inverse else 1
    return g


def closeness_within_component(g):
    out = {}
    for comp in nx.connected_components(g):
        sub = g.subgraph(comp)
        for v in comp:
            dist = nx.single_source_dijkstra_path_length(sub, v, weight="length")
            total = sum(dist.values())
            out[v] = float((len(comp) - 1) / total) if total > 0 else 0.0
    return out


def expected_metrics(g, normalized):
    eig = nx.eigenvector_centrality_numpy(g, weight="weight") if g.number_of_edges() else {}
    top = max((abs(x) for x in eig.values()), default=1.0)
    return {
        "degree": dict(g.degree()),
        "strength": dict(g.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(g, normalized=normalized, weight="length"),
        "closeness": closeness_within_component(g),
        "harmonic": {v: float(x) for v, x in nx.harmonic_centrality(g, distance="length").items()},
        "pagerank": nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-15, max_iter=10000),
        "eigenvector": {v: abs(x) / top for v, x in eig.items()},
        "coreness": nx.core_number(g),
        "constraint": nx.constraint(g, weight="weight"),
        "clustering": nx.clustering(g),
    }


def close(a, b, rtol=RTOL):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= max(ATOL, rtol * max(abs(a), abs(b)))


def run_collab(collab, path, fmt, extra):
    cmd = [collab, "report", path, "--all", "--exact", "--format", fmt, "--no-progress"] + extra
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def check_nodes(collab, path, extra, g):
    expected = expected_metrics(g, "--normalized" in extra)
    rows = list(csv.DictReader(io.StringIO(run_collab(collab, path, "csv", extra))))
    if len(rows) != g.number_of_nodes():
        sys.exit(f"FAIL: {len(rows)} rows, NetworkX has {g.number_of_nodes()} nodes")
    checked = 0
    for row in rows:
        name = row["name"]
        for metric, values in expected.items():
            if name not in values:
                continue
            rtol = RTOL
            got = float(row[metric])
            if not close(got, float(values[name]), rtol):
                sys.exit(f"FAIL: {path} {name!r} {metric}: collab {got!r}, NetworkX {values[name]!r}")
            checked += 1
    return checked


def check_global(collab, path, extra, g):
    report = json.loads(run_collab(collab, path, "json", extra))
    gs = report["graph"]
    expected = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "components": nx.number_connected_components(g),
        "density": nx.density(g),
        "transitivity": nx.transitivity(g),
        "average_clustering": nx.average_clustering(g),
    }
    if g.number_of_edges() > 0:
        expected["degree_assortativity"] = nx.degree_assortativity_coefficient(g)
    if nx.is_connected(g):
        expected["diameter"] = float(max(
            max(d.values()) for _, d in nx.all_pairs_dijkstra_path_length(g, weight="length")))
        expected["average_path_length"] = float(
            nx.average_shortest_path_length(g, weight="length"))
    for key, value in expected.items():
        if not close(float(gs[key]), float(value)):
            sys.exit(f"FAIL: {path} global {key}: collab {gs[key]!r}, NetworkX {value!r}")
    membership = {}
    for node in report["nodes"]:
        membership.setdefault(node["community"], set()).add(node["name"])
    q = nx.algorithms.community.modularity(g, list(membership.values()), weight="weight")
    if not close(gs["modularity"], q):
        sys.exit(f"FAIL: {path} modularity: collab {gs['modularity']!r}, NetworkX {q!r}")
    return len(expected) + 1


def main():
    collab, path, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    g = build_graph(path, "inverse" in extra)
    n = check_nodes(collab, path, extra, g) + check_global(collab, path, extra, g)
    print(f"ok: {path} {' '.join(extra)}: {n} values agree with NetworkX")


if __name__ == "__main__":
    main()
