"""What the end-to-end peers (peer_igraph_analyze.py, peer_networkx_analyze.py) share.

Reading the credits with the csv module, stage timing lines, source sampling, and the files a
user of either library writes by hand for the job `collab analyze` does: summary, report
(CSV, JSON, Markdown), community report, a small HTML page, node/edge CSV tables and node-link
JSON.  The library-specific work (graph, metrics, communities, layout, plot, GraphML/GML) stays
in each peer.

Timing lines on stdout, flushed, one per stage and per metric call, in collab's stage names:

    stage: NAME SECONDS s
    timing: NAME SECONDS s
"""
import base64
import csv
import html
import json
import math
import os
import random
import sys
import time
from collections import Counter
from contextlib import contextmanager

# The metrics of collab's report, in its column order.
METRICS = ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank",
           "eigenvector", "coreness", "constraint", "clustering"]

# collab map: above this many nodes one bubble per community is drawn (CLI_MAP_NODE_LIMIT).
NODE_LIMIT = 20000
MAX_BUBBLES = 200


@contextmanager
def stage(name):
    start = time.perf_counter()
    yield
    print(f"stage: {name} {time.perf_counter() - start:.3f} s", flush=True)


def timed(name, call):
    start = time.perf_counter()
    result = call()
    print(f"timing: {name} {time.perf_counter() - start:.3f} s", flush=True)
    return result


class Credits:
    """persons, projects: name -> index in order of first appearance; pairs: ordered
    (person, project) set; per person: credit rows, Counter of roles, first and last year."""

    def __init__(self, path):
        self.path = path
        self.rows = 0
        persons, projects, pairs = {}, {}, {}
        credits, roles, first, last = [], [], [], []
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            next(reader, None)
            for row in reader:
                if len(row) < 2 or not row[0] or not row[1]:
                    continue
                self.rows += 1
                p = persons.get(row[0])
                if p is None:
                    p = persons[row[0]] = len(persons)
                    credits.append(0)
                    roles.append(Counter())
                    first.append(None)
                    last.append(None)
                j = projects.setdefault(row[1], len(projects))
                pairs[p, j] = None
                credits[p] += 1
                if len(row) > 2 and row[2]:
                    roles[p][row[2]] += 1
                if len(row) > 3 and row[3][:4].isdigit():
                    y = int(row[3][:4])
                    if first[p] is None or y < first[p]:
                        first[p] = y
                    if last[p] is None or y > last[p]:
                        last[p] = y
        self.persons, self.projects, self.pairs = persons, projects, pairs
        self.credits, self.roles, self.first, self.last = credits, roles, first, last


def parse_args(args, prog):
    """CREDITS.csv OUTDIR [--sources K] [--seed S] -> (path, out, K, S); exits on misuse."""
    opts = {"--sources": 0, "--seed": 42}
    rest = []
    it = iter(args)
    for a in it:
        if a in opts:
            value = next(it, None)
            if value is None or not value.isdigit():
                sys.exit(f"{prog}: {a} needs a non-negative integer")
            opts[a] = int(value)
        else:
            rest.append(a)
    if len(rest) != 2:
        sys.exit(f"usage: {prog} CREDITS.csv OUTDIR [--sources K] [--seed S]")
    return rest[0], rest[1], opts["--sources"], opts["--seed"]


def sample_sources(n, k, seed):
    """k distinct vertices drawn uniformly (all of them when k is 0 or >= n), ascending."""
    if k <= 0 or k >= n:
        return list(range(n))
    return sorted(random.Random(seed).sample(range(n), k))


def average_path_length(closeness, component_size):
    """Mean distance over connected pairs, from closeness = (reached - 1) / sum of distances."""
    pairs = dist = 0.0
    for c, size in zip(closeness, component_size):
        if c and size > 1:
            pairs += size - 1
            dist += (size - 1) / c
    return dist / pairs if pairs else float("nan")


def bubbles(sizes, n):
    """Communities drawn at the community level, as collab map picks them: the largest, at
    most MAX_BUBBLES, each with at least max(3, 0.1% of the nodes) members (the first always).
    `sizes` is indexed by community; returns community indices, largest first."""
    order = sorted(range(len(sizes)), key=lambda c: -sizes[c])
    least = max(3, math.ceil(0.001 * n))
    return [c for i, c in enumerate(order[:MAX_BUBBLES]) if i == 0 or sizes[c] >= least]


def _cell(x):
    if isinstance(x, float):
        return "" if math.isnan(x) else repr(x)
    return x


class Job:
    """The data every report needs, filled in by a peer.

    names: list; values: metric -> list (None for a metric not computed); membership: list of
    community ids (0 = largest); edges: list of (u, v); weights: list; stats: dict."""

    def __init__(self, credits, names, values, membership, edges, weights, stats):
        self.credits, self.names, self.values = credits, names, values
        self.membership, self.edges, self.weights, self.stats = membership, edges, weights, stats
        self.n = len(names)
        self.sort = "betweenness" if values.get("betweenness") else "pagerank"
        key = values[self.sort]
        self.ranked = sorted(range(self.n), key=lambda v: -key[v])

    def metric_names(self):
        return [m for m in METRICS if self.values.get(m) is not None]


def write_summary(out, job):
    s = job.stats
    lines = [f"input: {job.credits.path}", f"rows used: {job.credits.rows}",
             f"persons: {len(job.credits.persons)}", f"projects: {len(job.credits.projects)}",
             f"memberships: {len(job.credits.pairs)}", f"nodes: {job.n}",
             f"edges: {len(job.edges)}", f"components: {s['components']}",
             f"largest component: {s['largest']}", f"density: {s['density']:.6f}",
             f"total weight: {sum(job.weights):g}"]
    with open(os.path.join(out, "summary.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({k: v for k, v in s.items()}, f, indent=2)


def _top_rows(job, top):
    metrics = job.metric_names()
    head = "| rank | name | " + " | ".join(metrics) + " | community |"
    rows = [head, "|---:|---|" + "---:|" * (len(metrics) + 1)]
    for rank, v in enumerate(job.ranked[:top], 1):
        cells = [f"{job.values[m][v]:.4f}" if isinstance(job.values[m][v], float)
                 else str(job.values[m][v]) for m in metrics]
        rows.append(f"| {rank} | {job.names[v]} | " + " | ".join(cells)
                    + f" | {job.membership[v] + 1} |")
    return rows


def write_reports(out, job, top=50):
    metrics = job.metric_names()
    with open(os.path.join(out, "report.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["rank", "name"] + metrics + ["community"])
        for rank, v in enumerate(job.ranked, 1):
            w.writerow([rank, job.names[v]] + [_cell(job.values[m][v]) for m in metrics]
                       + [job.membership[v] + 1])
    with open(os.path.join(out, "report.json"), "w", encoding="utf-8") as f:
        json.dump({"graph": job.stats,
                   "nodes": [dict({"name": job.names[v], "community": job.membership[v] + 1},
                                  **{m: job.values[m][v] for m in metrics})
                             for v in job.ranked]}, f)
    table = [f"| {k} | {v} |" for k, v in job.stats.items()]
    with open(os.path.join(out, "report.md"), "w", encoding="utf-8") as f:
        f.write(f"## Centrality report: {job.credits.path}\n\n| statistic | value |\n|---|---|\n")
        f.write("\n".join(table) + "\n\n" + "\n".join(_top_rows(job, top)) + "\n")
    write_communities(out, job)


def community_rows(job):
    """(size, density, top members, top roles, year span) per community, largest first."""
    n_comm = max(job.membership, default=-1) + 1
    members = [[] for _ in range(n_comm)]
    for v in job.ranked:
        members[job.membership[v]].append(v)
    inside = [0] * n_comm
    for u, v in job.edges:
        if job.membership[u] == job.membership[v]:
            inside[job.membership[u]] += 1
    rows = []
    for c in range(n_comm):
        size = len(members[c])
        roles = Counter()
        years = []
        for v in members[c]:
            roles.update(job.credits.roles[v])
            if job.credits.first[v] is not None:
                years += [job.credits.first[v], job.credits.last[v]]
        density = 2 * inside[c] / (size * (size - 1)) if size > 1 else 0.0
        rows.append((size, density, [job.names[v] for v in members[c][:5]],
                     roles.most_common(3), f"{min(years)}-{max(years)}" if years else ""))
    return rows


def write_communities(out, job):
    with open(os.path.join(out, "communities.md"), "w", encoding="utf-8") as f:
        f.write(f"## Communities: {job.stats['communities']}, modularity "
                f"{job.stats['modularity']:.4f}\n\n")
        f.write("| community | size | density | top members | roles | years |\n"
                "|---:|---:|---:|---|---|---|\n")
        for c, (size, density, top, roles, years) in enumerate(community_rows(job), 1):
            f.write(f"| {c} | {size} | {density:.4f} | {', '.join(top)} | "
                    + ", ".join(f"{r} ({k})" for r, k in roles) + f" | {years} |\n")


def write_html(out, job, png, top=50):
    with open(png, "rb") as f:
        image = base64.b64encode(f.read()).decode("ascii")
    metrics = job.metric_names()
    rows = []
    for rank, v in enumerate(job.ranked[:top], 1):
        cells = "".join(f"<td>{_cell(job.values[m][v])}</td>" for m in metrics)
        rows.append(f"<tr><td>{rank}</td><td>{html.escape(job.names[v])}</td>{cells}"
                    f"<td>{job.membership[v] + 1}</td></tr>")
    stats = "".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>"
                    for k, v in job.stats.items())
    head = "".join(f"<th>{m}</th>" for m in ["rank", "name"] + metrics + ["community"])
    with open(os.path.join(out, "report.html"), "w", encoding="utf-8") as f:
        f.write(f"<!doctype html><meta charset=utf-8><title>{html.escape(job.credits.path)}"
                f"</title><img src='data:image/png;base64,{image}' style='max-width:100%'>"
                f"<table>{stats}</table><table><tr>{head}</tr>{''.join(rows)}</table>")


def write_tables(out, job, xy):
    """nodes.csv and nodes.edges.csv (positions when the nodes were laid out) and node-link
    JSON, as d3 and NetworkX's node_link_data read it."""
    metrics = job.metric_names()
    with open(os.path.join(out, "nodes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "credits"] + metrics + ["community"]
                   + (["x", "y"] if xy else []))
        for v in range(job.n):
            w.writerow([v, job.names[v], job.credits.credits[v]]
                       + [_cell(job.values[m][v]) for m in metrics] + [job.membership[v] + 1]
                       + (list(xy[v]) if xy else []))
    with open(os.path.join(out, "nodes.edges.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source_id", "target_id", "source", "target", "weight"])
        for (u, v), wt in zip(job.edges, job.weights):
            w.writerow([u, v, job.names[u], job.names[v], wt])
    with open(os.path.join(out, "network.json"), "w", encoding="utf-8") as f:
        json.dump({"directed": False, "multigraph": False, "graph": job.stats,
                   "nodes": [dict({"id": v, "name": job.names[v],
                                   "community": job.membership[v] + 1},
                                  **{m: job.values[m][v] for m in metrics})
                             for v in range(job.n)],
                   "links": [{"source": u, "target": v, "weight": wt}
                             for (u, v), wt in zip(job.edges, job.weights)]}, f)


def write_bipartite(path, out):
    """For floor_igraph: "P J", then one "person project" index pair per distinct credit."""
    c = Credits(path)
    with open(out, "w", encoding="ascii") as f:
        f.write(f"{len(c.persons)} {len(c.projects)}\n")
        f.writelines(f"{p} {j}\n" for p, j in c.pairs)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "bipartite":
        sys.exit("usage: peer_common.py bipartite CREDITS.csv OUT.txt")
    write_bipartite(sys.argv[2], sys.argv[3])
