#!/usr/bin/python3
"""Checks collab against the published oracle files shipped with the public datasets.

Usage: check_published.py COLLAB DATASET.csv ORACLE.json

The oracle (datasets/README.md: computed by python-igraph 0.10.2 and NetworkX 2.8.8 and
published with the data) gives counts, density, transitivity, average clustering, the top-20
lists of degree, strength, betweenness (raw and normalised), PageRank and closeness on the largest
component, and the modularity reached by 20 seeded Louvain runs. Every value collab reports must
match to 1e-9 relative, and collab's Louvain modularity must lie within the oracle's range."""
import csv
import io
import json
import subprocess
import sys


def collab(binary, path, *args):
    done = subprocess.run([binary, "report", path, "--all", "--exact", "--no-progress", *args],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: collab report {path} {' '.join(args)}: {done.stderr}")
    return done.stdout


def close(a, b):
    return abs(a - b) <= max(1e-12, 1e-9 * max(abs(a), abs(b)))


def main():
    binary, path, oracle_path = sys.argv[1:4]
    oracle = json.load(open(oracle_path, encoding="utf-8"))
    o = oracle.get("graph") or oracle["projection"]
    report = json.loads(collab(binary, path, "--format", "json"))
    g = report["graph"]
    pairs = [("nodes", "nodes"), ("edges", "edges"), ("components", "connected_components"),
             ("density", "density"), ("transitivity", "transitivity_global"),
             ("average_clustering", "avg_local_clustering_zero")]
    checked = 0
    for ours, theirs in pairs:
        if not close(float(g[ours]), float(o[theirs])):
            sys.exit(f"FAIL: {path} {ours}: collab {g[ours]}, published {o[theirs]}")
        checked += 1
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(collab(binary, path, "--format", "csv")))}
    normalized = {r["name"]: r for r in csv.DictReader(
        io.StringIO(collab(binary, path, "--format", "csv", "--normalized")))}
    lists = [("top_degree", rows, "degree"), ("top_strength", rows, "strength"),
             ("top_betweenness", rows, "betweenness"),
             ("top_betweenness_normalized", normalized, "betweenness"),
             ("top_pagerank", rows, "pagerank")]
    if o["connected_components"] == 1:
        lists.append(("top_closeness_lcc", rows, "closeness"))
    for key, table, column in lists:
        for entry in o[key]["top"]:
            got = float(table[entry["name"]][column])
            if not close(got, float(entry["value"])):
                sys.exit(f"FAIL: {path} {key} {entry['name']!r}: collab {got}, published "
                         f"{entry['value']}")
            checked += 1
    total = sum(float(r["betweenness"]) for r in rows.values())
    if not close(total, float(o["betweenness_sum"])):
        sys.exit(f"FAIL: {path} betweenness sum: collab {total}, published {o['betweenness_sum']}")
    louvain = json.loads(collab(binary, path, "--format", "json", "--community", "louvain"))
    q = float(louvain["graph"]["modularity"])
    lo = float(o["louvain_igraph_weighted"]["modularity_min"]) - 1e-9
    hi = float(o["louvain_igraph_weighted"]["modularity_best"]) + 1e-9
    if not lo <= q <= hi:
        sys.exit(f"FAIL: {path} Louvain modularity {q} outside the published range [{lo}, {hi}]")
    print(f"ok: {path}: {checked + 2} values agree with the published oracle")


if __name__ == "__main__":
    main()
