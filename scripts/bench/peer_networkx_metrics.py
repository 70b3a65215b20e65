#!/usr/bin/python3
"""Peer benchmark (NetworkX): the same metrics as peer_igraph_metrics.py, timed per call.

    peer_networkx_metrics.py CREDITS.csv [--paths] [--betweenness-only]
"""
import sys
import time

import networkx as nx
from networkx.algorithms import bipartite

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from peer_networkx import read_bipartite  # noqa: E402


def timed(name, call):
    start = time.perf_counter()
    call()
    print(f"timing: {name} {time.perf_counter() - start:.3f} s", flush=True)


def main(path, paths, only_betweenness):
    b, people = read_bipartite(path)
    g = bipartite.weighted_projected_graph(b, people)
    print(f"nodes={g.number_of_nodes()} edges={g.number_of_edges()}", flush=True)
    if paths or only_betweenness:
        timed("betweenness", lambda: nx.betweenness_centrality(g, normalized=False))
    if only_betweenness:
        return
    if paths:
        timed("closeness+harmonic", lambda: (nx.closeness_centrality(g),
                                             nx.harmonic_centrality(g)))
    timed("pagerank", lambda: nx.pagerank(g, alpha=0.85, weight="weight"))
    timed("eigenvector", lambda: nx.eigenvector_centrality_numpy(g, weight="weight"))
    timed("coreness", lambda: nx.core_number(g))
    timed("constraint", lambda: nx.constraint(g, weight="weight"))
    timed("clustering", lambda: nx.clustering(g))
    timed("communities", lambda: nx.algorithms.community.louvain_communities(
        g, weight="weight", seed=42))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: peer_networkx_metrics.py CREDITS.csv [--paths] [--betweenness-only]")
    main(sys.argv[1], "--paths" in sys.argv, "--betweenness-only" in sys.argv)
