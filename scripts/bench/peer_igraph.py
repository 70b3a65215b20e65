#!/usr/bin/python3
"""Peer benchmark (python-igraph): credits CSV -> person-person projection.

    peer_igraph.py CREDITS.csv

Reads person,project,role,year with the csv module, builds the bipartite
person-project graph (one edge per distinct person-project pair, so several
roles of one person on one project count once), projects it onto persons
with weight = number of shared projects, and prints

    nodes=<persons> edges=<projection edges>

Persons with no co-credit partner are included in nodes.
"""
import csv
import sys

import igraph as ig


def main(path):
    persons = {}                 # name -> vertex id (0 .. P-1)
    projects = {}                # title -> project index (0 .. J-1)
    pairs = {}                   # (person id, project index) -> None, ordered
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)       # header
        for row in reader:
            if len(row) < 2 or not row[0] or not row[1]:
                continue
            p = persons.setdefault(row[0], len(persons))
            j = projects.setdefault(row[1], len(projects))
            pairs[p, j] = None

    n_p = len(persons)
    types = [False] * n_p + [True] * len(projects)
    edges = [(p, n_p + j) for p, j in pairs]
    g = ig.Graph.Bipartite(types, edges)
    g.vs["name"] = list(persons) + list(projects)

    # Persons only; peers.es["weight"] = number of shared projects.
    peers = g.bipartite_projection(which=0, multiplicity=True)
    print(f"nodes={peers.vcount()} edges={peers.ecount()}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: peer_igraph.py CREDITS.csv")
    main(sys.argv[1])
