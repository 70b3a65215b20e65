#!/usr/bin/python3
"""Peer benchmark (python-igraph): the metrics collab reports, each timed on its own.

    peer_igraph_metrics.py CREDITS.csv [--paths] [--betweenness-only]

Builds the person-person projection as peer_igraph.py does, then times igraph's own call for each
metric and prints one line "timing: NAME SECONDS" per call, as `collab report --verbose` does:
pagerank (weighted, damping 0.85), eigenvector (weighted, scaled), coreness, constraint (weighted),
clustering (local, zero mode), communities (Leiden, modularity objective), and with --paths also
betweenness (undirected, unweighted) and closeness + harmonic centrality. The single-threaded
igraph calls are what a python-igraph user gets.
"""
import csv
import sys
import time

import igraph as ig


def projection(path):
    persons, projects, pairs = {}, {}, {}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)
        for row in reader:
            if len(row) < 2 or not row[0] or not row[1]:
                continue
            p = persons.setdefault(row[0], len(persons))
            j = projects.setdefault(row[1], len(projects))
            pairs[p, j] = None
    n_p = len(persons)
    g = ig.Graph.Bipartite([False] * n_p + [True] * len(projects),
                           [(p, n_p + j) for p, j in pairs])
    g.vs["name"] = list(persons) + list(projects)
    return g.bipartite_projection(which=0, multiplicity=True)


def timed(name, call):
    start = time.perf_counter()
    call()
    print(f"timing: {name} {time.perf_counter() - start:.3f} s", flush=True)


def main(path, paths, only_betweenness):
    g = projection(path)
    w = g.es["weight"]
    print(f"nodes={g.vcount()} edges={g.ecount()}", flush=True)
    if paths or only_betweenness:
        timed("betweenness", lambda: g.betweenness(directed=False))
    if only_betweenness:
        return
    if paths:
        timed("closeness+harmonic", lambda: (g.closeness(), g.harmonic_centrality()))
    timed("pagerank", lambda: g.pagerank(weights=w, damping=0.85, directed=False))
    timed("eigenvector", lambda: g.eigenvector_centrality(weights=w, scale=True, directed=False))
    timed("coreness", lambda: g.coreness())
    timed("constraint", lambda: g.constraint(weights=w))
    timed("clustering", lambda: g.transitivity_local_undirected(mode="zero"))
    timed("communities", lambda: g.community_leiden(
        objective_function="modularity", weights=w, resolution_parameter=1.0, beta=0.01, n_iterations=-1))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: peer_igraph_metrics.py CREDITS.csv [--paths] [--betweenness-only]")
    main(sys.argv[1], "--paths" in sys.argv, "--betweenness-only" in sys.argv)
