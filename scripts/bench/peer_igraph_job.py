#!/usr/bin/python3
"""Peer benchmark (python-igraph): the end-to-end job issue 21 measures collab analyze against,
as a python-igraph user writes it.

    peer_igraph_job.py CREDITS.csv OUTDIR

Read the credits (csv module), build the bipartite graph and its weighted person projection
(as peer_igraph.py), degree and strength, PageRank, Leiden (modularity objective, as collab
calls it), Fruchterman-Reingold on the projection (igraph's default: grid above 1000 nodes),
and one plot of it as PNG and one as SVG through pycairo (igraph.plot, top 100 names labelled).
Each step prints "stage: NAME S s"; the last line gives the counts.
"""
import os
import sys

import igraph as ig

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import peer_common as pc  # noqa: E402
from peer_igraph_metrics import projection  # noqa: E402


def main(path, out):
    os.makedirs(out, exist_ok=True)
    with pc.stage("load and build"):
        g = projection(path)
    weights = g.es["weight"]
    with pc.stage("degree and strength"):
        g.degree()
        g.strength(weights=weights)
    with pc.stage("pagerank"):
        rank = g.pagerank(weights=weights)
    with pc.stage("communities"):
        g.community_leiden(objective_function="modularity", weights=weights)
    with pc.stage("layout"):
        layout = g.layout_fruchterman_reingold()
    top = set(sorted(range(g.vcount()), key=lambda v: -rank[v])[:100])
    labels = [name if v in top else "" for v, name in enumerate(g.vs["name"])]
    for ext in ("png", "svg"):
        with pc.stage(f"plot {ext}"):
            ig.plot(g, os.path.join(out, f"map.{ext}"), layout=layout, bbox=(2400, 1800),
                    vertex_size=4, vertex_label=labels, vertex_label_size=8, edge_width=0.2)
    print(f"nodes={g.vcount()} edges={g.ecount()}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: peer_igraph_job.py CREDITS.csv OUTDIR")
    main(sys.argv[1], sys.argv[2])
