#!/usr/bin/python3
"""Peer benchmark (python-igraph): the whole job of `collab analyze`, as a python-igraph user
writes it.

    peer_igraph_analyze.py CREDITS.csv OUTDIR [--sources K] [--seed S]

Stages, each timed ("stage: NAME S s", collab's stage names), metric calls too ("timing:"):
  load and build           csv module -> bipartite graph -> weighted person projection
                           (as peer_igraph.py), keeping each person's credits, roles and years
  summary                  components, density; summary.txt/.json
  metrics and communities  degree, strength, betweenness, closeness, harmonic (unnormalised),
                           PageRank, eigenvector, coreness, constraint, clustering, transitivity,
                           assortativity; Leiden (modularity objective, as collab calls it)
  reports                  report.csv/.json/.md, communities.md
  layout and scene         Fruchterman-Reingold (igraph's default, grid above 1000 nodes) of
                           every node, or above 20,000 nodes of the community graph
                           (VertexClustering.cluster_graph, the communities collab draws)
  map png, svg, pdf        igraph.plot through pycairo, top 100 names labelled
  html report              a page with the PNG, the statistics and the top 50
  exports                  GraphML, GML (igraph's writers), node/edge CSV, node-link JSON

--sources 0 (default) computes exact betweenness, closeness and harmonic centrality.
--sources K mirrors collab's sampling: python-igraph 0.10 has no source-sampled betweenness
(Graph.betweenness has no `sources`), so the peer computes closeness and harmonic centrality
of K sampled vertices (2K breadth-first searches, about the work of collab's K Brandes sweeps)
and no betweenness; the report is then ranked by PageRank.
Not done (no python-igraph writer or call): GEXF, VOSviewer JSON, diameter, distribution plots.
"""
import os
import random
import sys

import igraph as ig

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import peer_common as pc  # noqa: E402


def build(credits):
    n_p = len(credits.persons)
    g = ig.Graph.Bipartite([False] * n_p + [True] * len(credits.projects),
                           [(p, n_p + j) for p, j in credits.pairs])
    g.vs["name"] = list(credits.persons) + list(credits.projects)
    peers = g.bipartite_projection(which=0, multiplicity=True)
    del peers.vs["type"]
    return peers


def path_metrics(g, sources, seed):
    n = g.vcount()
    name = "paths (betweenness, closeness, harmonic)"
    if sources <= 0:
        return pc.timed(name, lambda: (g.betweenness(directed=False), g.closeness(),
                                       g.harmonic_centrality(normalized=False)))
    sample = pc.sample_sources(n, sources, seed)

    def sampled():
        cl, hc = [None] * n, [None] * n
        for v, c, h in zip(sample, g.closeness(vertices=sample),
                           g.harmonic_centrality(vertices=sample, normalized=False)):
            cl[v], hc[v] = c, h
        return None, cl, hc
    return pc.timed(name, sampled)


def metrics(g, sources, seed):
    w = g.es["weight"]
    values = {"degree": pc.timed("degree and strength", g.degree)}
    values["strength"] = g.strength(weights=w)
    bc, cl, hc = path_metrics(g, sources, seed)
    values.update(betweenness=bc, closeness=cl, harmonic=hc)
    values["pagerank"] = pc.timed("pagerank", lambda: g.pagerank(
        weights=w, damping=0.85, directed=False))
    values["eigenvector"] = pc.timed("eigenvector", lambda: g.eigenvector_centrality(
        weights=w, scale=True, directed=False))
    values["coreness"] = pc.timed("coreness", g.coreness)
    values["constraint"] = pc.timed("constraint", lambda: g.constraint(weights=w))
    values["clustering"] = pc.timed("clustering", lambda: g.transitivity_local_undirected(
        mode="zero"))
    stats = pc.timed("global statistics", lambda: {
        "transitivity": g.transitivity_undirected(),
        "degree_assortativity": g.assortativity_degree(directed=False)})
    clusters = pc.timed("communities", lambda: g.community_leiden(
        objective_function="modularity", weights=w, resolution_parameter=1.0, beta=0.01,
        n_iterations=-1))
    return values, stats, clusters


def by_size(clusters):
    """Membership renumbered so that community 0 is the largest."""
    sizes = clusters.sizes()
    order = sorted(range(len(sizes)), key=lambda c: -sizes[c])
    rank = {c: i for i, c in enumerate(order)}
    return [rank[c] for c in clusters.membership], [sizes[c] for c in order]


def scene(g, job, clusters, sizes):
    """The graph drawn (every node, or the community graph), its layout and plot style."""
    if g.vcount() <= pc.NODE_LIMIT:
        layout = g.layout_fruchterman_reingold()
        labels = [None] * g.vcount()
        for v in job.ranked[:100]:
            labels[v] = job.names[v]
        pr = job.values["pagerank"]
        top = max(pr) or 1.0
        palette = ig.ClusterColoringPalette(max(len(sizes), 1))
        style = {"vertex_size": [3 + 12 * (x / top) ** 0.5 for x in pr],
                 "vertex_color": [palette[c % len(palette)] for c in job.membership],
                 "vertex_label": labels, "vertex_label_size": 8, "edge_width": 0.2}
        return g, layout, style, [tuple(p) for p in layout.coords]
    keep = pc.bubbles(sizes, g.vcount())
    cg = clusters.cluster_graph(combine_edges={"weight": "sum"})
    # cluster_graph numbers communities as Leiden did; ours are renumbered by size.
    leiden_sizes = clusters.sizes()
    original = sorted(range(len(sizes)), key=lambda c: -leiden_sizes[c])
    drawn = cg.induced_subgraph([original[c] for c in keep])
    drawn.simplify(combine_edges={"weight": "sum"})
    layout = drawn.layout_fruchterman_reingold(weights="weight")
    best = {}
    for v in job.ranked:
        best.setdefault(job.membership[v], job.names[v])
    palette = ig.ClusterColoringPalette(max(len(keep), 1))
    style = {"vertex_size": [4 + 60 * (sizes[c] / sizes[0]) ** 0.5 for c in keep],
             "vertex_color": [palette[i] for i in range(len(keep))],
             "vertex_label": [f"{best[c]} ({sizes[c]})" for c in keep], "vertex_label_size": 9,
             "edge_width": [0.2 + 2 * w / max(drawn.es["weight"] or [1]) for w in
                            drawn.es["weight"]]}
    return drawn, layout, style, None


def main(path, out, sources, seed):
    os.makedirs(out, exist_ok=True)
    random.seed(seed)  # python-igraph draws from the random module
    with pc.stage("load and build"):
        credits = pc.Credits(path)
        g = build(credits)
    print(f"nodes={g.vcount()} edges={g.ecount()}", flush=True)
    names = g.vs["name"]
    edges, weights = g.get_edgelist(), g.es["weight"]
    with pc.stage("summary"):
        comps = g.connected_components()
        csize = comps.sizes()
        n = g.vcount()
        stats = {"nodes": n, "edges": g.ecount(), "components": len(csize),
                 "largest": max(csize, default=0),
                 "density": g.ecount() / (n * (n - 1) / 2) if n > 1 else 0.0}
        pc.write_summary(out, pc.Job(credits, names, {"pagerank": [0] * n}, [0] * n,
                                     edges, weights, stats))
    with pc.stage("metrics and communities"):
        values, more, clusters = metrics(g, sources, seed)
        membership, sizes = by_size(clusters)
        stats.update(more)
        comp_size = [csize[c] for c in comps.membership]
        stats["average_path_length"] = pc.average_path_length(
            [c if c is not None else 0.0 for c in values["closeness"]], comp_size)
        stats["paths_estimated"] = sources > 0
        stats["communities"] = len(sizes)
        stats["modularity"] = g.modularity(membership, weights="weight")
    job = pc.Job(credits, names, values, membership, edges, weights, stats)
    with pc.stage("reports"):
        pc.write_reports(out, job)
    with pc.stage("layout and scene"):
        drawn, layout, style, xy = scene(g, job, clusters, sizes)
    with pc.stage("map png, svg, pdf"):
        for fmt in ("png", "svg", "pdf"):
            ig.plot(drawn, os.path.join(out, f"map.{fmt}"), layout=layout, bbox=(2400, 1800),
                    margin=40, **style)
    with pc.stage("html report"):
        pc.write_html(out, job, os.path.join(out, "map.png"))
    with pc.stage("exports"):
        nan = float("nan")
        g.vs["credits"] = credits.credits
        for m in job.metric_names():
            g.vs[m] = [nan if x is None else float(x) for x in values[m]]
        g.vs["community"] = [c + 1 for c in membership]
        if xy:
            g.vs["x"] = [p[0] for p in xy]
            g.vs["y"] = [p[1] for p in xy]
        g.write_graphml(os.path.join(out, "network.graphml"))
        g.write_gml(os.path.join(out, "network.gml"))
        pc.write_tables(out, job, xy)


if __name__ == "__main__":
    main(*pc.parse_args(sys.argv[1:], "peer_igraph_analyze.py"))
