#!/usr/bin/python3
"""Peer benchmark (python-igraph): the map a python-igraph user draws.

    peer_igraph_plot.py CREDITS.csv OUT.png|OUT.svg

Builds the person-person projection as peer_igraph.py does, lays it out with
Fruchterman-Reingold (igraph's default for graphs of this size; grid above 1000 nodes), and
plots it with vertex labels to PNG or SVG through pycairo, as `igraph.plot` does.
"""
import sys

import igraph as ig

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from peer_igraph_metrics import projection  # noqa: E402


def main(path, out):
    g = projection(path)
    names = g.vs["name"]
    layout = g.layout_fruchterman_reingold()
    ig.plot(g, out, layout=layout, bbox=(2400, 1800), vertex_size=4, vertex_label=names,
            vertex_label_size=8, edge_width=0.2)
    print(f"nodes={g.vcount()} edges={g.ecount()}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: peer_igraph_plot.py CREDITS.csv OUT.png|OUT.svg")
    main(sys.argv[1], sys.argv[2])
