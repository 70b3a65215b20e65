#!/usr/bin/python3
"""Map-quality table of scripts/bench.sh (stage "quality"): collab's map layout beside
python-igraph's Fruchterman-Reingold and DrL and Graphviz sfdp, on the same graph.

    layout_quality.py NODES.csv EDGES.csv SCENE.json CAP_SECONDS [--skip TOOL,...]

NODES.csv and EDGES.csv are `collab export -o NODES.csv` of the input (the graph collab analysed,
its communities); SCENE.json is `collab map --scene` of it (the positions collab drew). Each peer
lays out the whole graph (timed here, stopped after CAP_SECONDS); every layout is then measured
on the nodes collab drew, with the same code and the same samples:

  neighbourhood  the share of each node's 10 nearest nodes on the page that are within 2 steps
                 in the graph, averaged over up to 2,000 sampled nodes (higher is better)
  separation     mean page distance between two members of one of the 10 largest communities,
                 divided by the mean distance between members of two different ones (lower is
                 better), over 20,000 sampled pairs of each kind
  stress         scale-normalised stress over up to 20,000 sampled connected pairs: the mean of
                 ((s e - d) / d)^2 for page distance e and hop distance d, with the s that
                 minimises it (lower is better)

Prints one markdown row per tool: "| tool | seconds | neighbourhood | separation | stress |".
Positions are compared as given (each tool's own scale): all three measures are scale-free.
"""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import igraph as ig
import numpy as np
from scipy.spatial import cKDTree

SEED = 19


def read_graph(nodes_csv, edges_csv):
    with open(nodes_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    index = {r["id"]: i for i, r in enumerate(rows)}
    names = [r["name"] for r in rows]
    community = [int(r["community"]) if r.get("community") else 0 for r in rows]
    with open(edges_csv, newline="", encoding="utf-8") as f:
        edges = [(index[r["source_id"]], index[r["target_id"]]) for r in csv.DictReader(f)]
    g = ig.Graph(n=len(rows), edges=edges, directed=False)
    return g, names, community


def collab_positions(scene_json, names):
    with open(scene_json, encoding="utf-8") as f:
        scene = json.load(f)
    at = {n["name"]: (n["x"], n["y"]) for n in scene["nodes"]}
    drawn = [i for i, name in enumerate(names) if name in at]
    xy = np.zeros((len(names), 2))
    for i in drawn:
        xy[i] = at[names[i]]
    return drawn, xy


def timed(call, cap):
    start = time.perf_counter()
    result = call(cap)
    return result, time.perf_counter() - start


def igraph_layout(g, method):
    def run(cap):
        # python-igraph cannot be interrupted from here: run it in a child that the cap stops.
        with tempfile.TemporaryDirectory() as tmp:
            edges = os.path.join(tmp, "edges.txt")
            out = os.path.join(tmp, "xy.npy")
            with open(edges, "w") as f:
                for a, b in g.get_edgelist():
                    f.write(f"{a} {b}\n")
            code = ("import igraph as ig, numpy as np, sys\n"
                    f"g = ig.Graph.Read_Edgelist(sys.argv[1], directed=False)\n"
                    f"g.add_vertices({g.vcount()} - g.vcount())\n"
                    f"xy = np.array(g.{method}().coords)\n"
                    "np.save(sys.argv[2], xy)\n")
            try:
                subprocess.run([sys.executable, "-c", code, edges, out], check=True,
                               timeout=cap, capture_output=True)
            except subprocess.TimeoutExpired:
                return None
            return np.load(out)
    return run


def sfdp_layout(g):
    def run(cap):
        dot = ["graph G {", "node [shape=point];"]
        dot += [f"{v};" for v in range(g.vcount())]
        dot += [f"{a} -- {b};" for a, b in g.get_edgelist()]
        dot.append("}")
        try:
            done = subprocess.run(["sfdp", "-Goverlap=prism", "-Tplain"],
                                  input="\n".join(dot).encode(), capture_output=True,
                                  timeout=cap, check=True)
        except subprocess.TimeoutExpired:
            return None
        xy = np.zeros((g.vcount(), 2))
        for line in done.stdout.decode().splitlines():
            parts = line.split()
            if parts and parts[0] == "node":
                xy[int(parts[1])] = (float(parts[2]), float(parts[3]))
        return xy
    return run


def neighbourhood(g, xy, drawn, rng):
    pts = xy[drawn]
    tree = cKDTree(pts)
    sample = drawn if len(drawn) <= 2000 else rng.sample(drawn, 2000)
    k = min(11, len(drawn))
    if k < 2:
        return float("nan")
    total = 0.0
    for v in sample:
        _, near = tree.query(xy[v], k=k)
        near = [drawn[j] for j in np.atleast_1d(near) if drawn[j] != v][: k - 1]
        close = set(g.neighborhood(v, order=2))
        total += sum(1 for u in near if u in close) / len(near)
    return total / len(sample)


def separation(xy, drawn, community, rng):
    members = {}
    for v in drawn:
        members.setdefault(community[v], []).append(v)
    top = sorted(members.values(), key=len, reverse=True)[:10]
    top = [m for m in top if len(m) >= 2]
    if len(top) < 2:
        return float("nan")
    weights = [len(m) * (len(m) - 1) for m in top]
    pool = [(v, i) for i, m in enumerate(top) for v in m]
    within, between = [], []
    for _ in range(20000):
        m = rng.choices(top, weights)[0]
        a, b = rng.sample(m, 2)
        within.append(np.linalg.norm(xy[a] - xy[b]))
        while True:
            (a, ca), (b, cb) = rng.choice(pool), rng.choice(pool)
            if ca != cb:
                break
        between.append(np.linalg.norm(xy[a] - xy[b]))
    return float(np.mean(within) / np.mean(between))


def stress(g, xy, drawn, rng):
    drawn_set = set(drawn)
    sources = rng.sample(drawn, min(len(drawn), 100))
    pairs = []
    for s in sources:
        dist = g.distances(source=s)[0]
        targets = [t for t in drawn if t != s and dist[t] != float("inf")]
        for t in rng.sample(targets, min(len(targets), 200)):
            pairs.append((s, t, dist[t]))
    if not pairs or not drawn_set:
        return float("nan")
    d = np.array([p[2] for p in pairs], dtype=float)
    e = np.array([np.linalg.norm(xy[p[0]] - xy[p[1]]) for p in pairs])
    s = np.sum(e / d) / np.sum(e * e / (d * d))
    return float(np.mean(((s * e - d) / d) ** 2))


def measure(g, xy, drawn, community):
    return (neighbourhood(g, xy, drawn, random.Random(SEED)),
            separation(xy, drawn, community, random.Random(SEED + 1)),
            stress(g, xy, drawn, random.Random(SEED + 2)))


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    nodes_csv, edges_csv, scene_json, cap = sys.argv[1:5]
    skip = set(sys.argv[6].split(",")) if len(sys.argv) > 6 and sys.argv[5] == "--skip" else set()
    g, names, community = read_graph(nodes_csv, edges_csv)
    drawn, collab_xy = collab_positions(scene_json, names)
    rows = [("collab", None, collab_xy)]
    peers = [("igraph FR", igraph_layout(g, "layout_fruchterman_reingold")),
             ("igraph DrL", igraph_layout(g, "layout_drl")),
             ("sfdp", sfdp_layout(g))]
    for name, run in peers:
        if name in skip:
            continue
        xy, secs = timed(run, float(cap))
        rows.append((name, secs, xy))
    for name, secs, xy in rows:
        took = "collab map" if secs is None else f"{secs:.2f}"
        if xy is None:
            print(f"| {name} | >{cap} (stopped) | - | - | - |")
            continue
        nb, sep, st = measure(g, xy, drawn, community)
        print(f"| {name} | {took} | {nb:.3f} | {sep:.3f} | {st:.3f} |")


if __name__ == "__main__":
    main()
