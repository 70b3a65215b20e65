#!/usr/bin/python3
"""Peer benchmark (NetworkX): the whole job of `collab analyze`, as a NetworkX user writes it.

    peer_networkx_analyze.py CREDITS.csv OUTDIR [--sources K] [--seed S]

The stages of peer_igraph_analyze.py, with NetworkX's calls: weighted_projected_graph,
betweenness_centrality (k=K sampled sources when collab samples), closeness and harmonic
centrality (of the K sampled vertices when sampling), pagerank, eigenvector_centrality_numpy,
core_number, constraint, clustering, transitivity, degree assortativity, Louvain communities
(NetworkX 2.8 has no Leiden), spring_layout (Fruchterman-Reingold) of every node or, above
20,000 nodes, of the community graph, drawn with matplotlib (nx.draw_networkx_*) to
PNG/SVG/PDF, and write_graphml, write_gexf, write_gml.  Needs python3-matplotlib.
"""
import os
import sys

import networkx as nx
from networkx.algorithms import bipartite

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import peer_common as pc  # noqa: E402


def build(credits):
    """Persons are nodes 0..P-1 (names as the "name" attribute), projects -1..-J."""
    b = nx.Graph()
    b.add_nodes_from(range(len(credits.persons)), bipartite=0)
    b.add_nodes_from(range(-1, -len(credits.projects) - 1, -1), bipartite=1)
    b.add_edges_from((p, -j - 1) for p, j in credits.pairs)
    g = bipartite.weighted_projected_graph(b, range(len(credits.persons)))
    nx.set_node_attributes(g, dict(enumerate(credits.persons)), "name")
    return g


def as_list(d, n):
    return [d[v] for v in range(n)]


def metrics(g, sources, seed):
    n = g.number_of_nodes()
    values = {"degree": pc.timed("degree and strength", lambda: as_list(dict(g.degree()), n))}
    values["strength"] = as_list(dict(g.degree(weight="weight")), n)
    name = "paths (betweenness, closeness, harmonic)"
    if sources <= 0:
        bc, cl, hc = pc.timed(name, lambda: (
            as_list(nx.betweenness_centrality(g, normalized=False), n),
            as_list(nx.closeness_centrality(g), n), as_list(nx.harmonic_centrality(g), n)))
    else:
        sample = pc.sample_sources(n, sources, seed)

        def sampled():
            b = as_list(nx.betweenness_centrality(g, k=len(sample), normalized=False,
                                                  seed=seed), n)
            c, h = [None] * n, [None] * n
            for v in sample:
                c[v] = nx.closeness_centrality(g, u=v)
            for v, x in nx.harmonic_centrality(g, nbunch=sample).items():
                h[v] = x
            return b, c, h
        bc, cl, hc = pc.timed(name, sampled)
    values.update(betweenness=bc, closeness=cl, harmonic=hc)
    values["pagerank"] = pc.timed("pagerank", lambda: as_list(
        nx.pagerank(g, alpha=0.85, weight="weight"), n))
    values["eigenvector"] = pc.timed("eigenvector", lambda: as_list(
        nx.eigenvector_centrality_numpy(g, weight="weight"), n))
    values["coreness"] = pc.timed("coreness", lambda: as_list(nx.core_number(g), n))
    values["constraint"] = pc.timed("constraint", lambda: as_list(
        nx.constraint(g, weight="weight"), n))
    values["clustering"] = pc.timed("clustering", lambda: as_list(nx.clustering(g), n))
    stats = pc.timed("global statistics", lambda: {
        "transitivity": nx.transitivity(g),
        "degree_assortativity": nx.degree_assortativity_coefficient(g)})
    communities = pc.timed("communities", lambda: nx.algorithms.community.louvain_communities(
        g, weight="weight", seed=seed))
    return values, stats, sorted(communities, key=len, reverse=True)


def draw(g, job, communities, seed, out):
    """Lays out and draws every node, or the community graph above pc.NODE_LIMIT nodes."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig = plt.figure(figsize=(24, 18), dpi=100)
    with pc.stage("layout and scene"):
        if g.number_of_nodes() <= pc.NODE_LIMIT:
            pos = nx.spring_layout(g, seed=seed)
            pr = job.values["pagerank"]
            top = max(pr) or 1.0
            nx.draw_networkx_edges(g, pos, width=0.2, alpha=0.3)
            nx.draw_networkx_nodes(g, pos, node_size=[2 + 40 * (x / top) ** 0.5 for x in pr],
                                   node_color=job.membership, cmap="tab20")
            nx.draw_networkx_labels(g, pos, {v: job.names[v] for v in job.ranked[:100]},
                                    font_size=7)
            xy = [tuple(pos[v]) for v in range(g.number_of_nodes())]
        else:
            sizes = [len(c) for c in communities]
            keep = pc.bubbles(sizes, g.number_of_nodes())
            bubble = {c: i for i, c in enumerate(keep)}
            cw = {}
            for u, v, w in g.edges(data="weight"):
                a, b = bubble.get(job.membership[u]), bubble.get(job.membership[v])
                if a is not None and b is not None and a != b:
                    cw[min(a, b), max(a, b)] = cw.get((min(a, b), max(a, b)), 0) + w
            cg = nx.Graph()
            cg.add_nodes_from(range(len(keep)))
            cg.add_weighted_edges_from((a, b, w) for (a, b), w in cw.items())
            pos = nx.spring_layout(cg, weight="weight", seed=seed)
            best = {}
            for v in job.ranked:
                best.setdefault(job.membership[v], job.names[v])
            nx.draw_networkx_edges(cg, pos, width=0.5, alpha=0.4)
            nx.draw_networkx_nodes(cg, pos, node_size=[30 + 3000 * sizes[c] / sizes[0]
                                                       for c in keep],
                                   node_color=range(len(keep)), cmap="tab20")
            nx.draw_networkx_labels(cg, pos, {i: f"{best[c]} ({sizes[c]})"
                                              for i, c in enumerate(keep)}, font_size=8)
            xy = None
    with pc.stage("map png, svg, pdf"):
        for fmt in ("png", "svg", "pdf"):
            fig.savefig(os.path.join(out, f"map.{fmt}"))
    plt.close(fig)
    return xy


def main(path, out, sources, seed):
    os.makedirs(out, exist_ok=True)
    with pc.stage("load and build"):
        credits = pc.Credits(path)
        g = build(credits)
    n = g.number_of_nodes()
    print(f"nodes={n} edges={g.number_of_edges()}", flush=True)
    names = list(credits.persons)
    edges = [(u, v) for u, v in g.edges()]
    weights = [w for _, _, w in g.edges(data="weight")]
    with pc.stage("summary"):
        comps = list(nx.connected_components(g))
        stats = {"nodes": n, "edges": g.number_of_edges(), "components": len(comps),
                 "largest": max(map(len, comps), default=0), "density": nx.density(g)}
        pc.write_summary(out, pc.Job(credits, names, {"pagerank": [0] * n}, [0] * n,
                                     edges, weights, stats))
    with pc.stage("metrics and communities"):
        values, more, communities = metrics(g, sources, seed)
        membership = [0] * n
        for c, members in enumerate(communities):
            for v in members:
                membership[v] = c
        stats.update(more)
        comp_size = [0] * n
        for comp in comps:
            for v in comp:
                comp_size[v] = len(comp)
        stats["average_path_length"] = pc.average_path_length(
            [c if c is not None else 0.0 for c in values["closeness"]], comp_size)
        stats["paths_estimated"] = sources > 0
        stats["communities"] = len(communities)
        stats["modularity"] = nx.algorithms.community.modularity(g, communities,
                                                                 weight="weight")
    job = pc.Job(credits, names, values, membership, edges, weights, stats)
    with pc.stage("reports"):
        pc.write_reports(out, job)
    xy = draw(g, job, communities, seed, out)
    with pc.stage("html report"):
        pc.write_html(out, job, os.path.join(out, "map.png"))
    with pc.stage("exports"):
        nan = float("nan")
        for m in job.metric_names():
            nx.set_node_attributes(g, {v: nan if x is None else float(x)
                                       for v, x in enumerate(values[m])}, m)
        nx.set_node_attributes(g, {v: c + 1 for v, c in enumerate(membership)}, "community")
        if xy:
            nx.set_node_attributes(g, {v: float(p[0]) for v, p in enumerate(xy)}, "x")
            nx.set_node_attributes(g, {v: float(p[1]) for v, p in enumerate(xy)}, "y")
        nx.write_graphml(g, os.path.join(out, "network.graphml"))
        nx.write_gexf(g, os.path.join(out, "network.gexf"))
        nx.write_gml(g, os.path.join(out, "network.gml"))
        pc.write_tables(out, job, xy)


if __name__ == "__main__":
    main(*pc.parse_args(sys.argv[1:], "peer_networkx_analyze.py"))
