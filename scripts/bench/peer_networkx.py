#!/usr/bin/python3
"""Peer benchmark (NetworkX): credits CSV -> person-person projection.

    peer_networkx.py CREDITS.csv

Reads person,project,role,year with the csv module, builds the bipartite
person-project nx.Graph (a simple graph: several roles of one person on one
project give one edge), projects it onto persons with
networkx.algorithms.bipartite.weighted_projected_graph (weight = number of
shared projects), and prints

    nodes=<persons> edges=<projection edges>

Persons with no co-credit partner are included in nodes.  Nodes are tagged
tuples ("person", name) / ("project", title) so that a person and a project
with the same name stay distinct.
"""
import csv
import sys

import networkx as nx
from networkx.algorithms import bipartite


def read_bipartite(path):
    """The bipartite person-project graph and the ordered person nodes."""
    B = nx.Graph()
    persons = {}                 # ordered set of person nodes
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)       # header
        for row in reader:
            if len(row) < 2 or not row[0] or not row[1]:
                continue
            person, project = ("person", row[0]), ("project", row[1])
            if person not in persons:
                persons[person] = None
                B.add_node(person, bipartite=0)
            if project not in B:
                B.add_node(project, bipartite=1)
            B.add_edge(person, project)
    return B, persons


def main(path):
    B, persons = read_bipartite(path)
    peers = bipartite.weighted_projected_graph(B, persons)
    print(f"nodes={peers.number_of_nodes()} edges={peers.number_of_edges()}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: peer_networkx.py CREDITS.csv")
    main(sys.argv[1])
