#!/usr/bin/python3
"""Checks that collab's estimates keep their stated guarantee, against exact values.

Usage: check_estimates.py COLLAB CSV|gen:ROWS:SEED [--runs N] [--eps E] [--delta D] [--sources K] [--top K]

The exact normalised betweenness, closeness and harmonic centrality (hop lengths) come from
python-igraph on the graph rebuilt here from the CSV (check_metrics.py's projection), and must
agree with `collab report --exact` to 1e-9. Then for N seeds collab runs with
`--approx eps=E,delta=D[,sources=K]`:
- a run fails its guarantee when some node's exact betweenness is more than E from its estimate
  (unless the sampler stopped at its work limit, which it then says: only the intervals hold), or when some node's exact betweenness, closeness or harmonic centrality lies outside its
  reported [_low, _high] interval; at most D x N runs may fail (the guarantee is probability
  >= 1 - D per run);
- with --top K, every rank `--top-exact K` reports as certain must be the node's rank in the
  exact ranking, with no other node tied with it: no run may contradict it.
Exits 1 on failure, printing what failed."""
import argparse
import atexit
import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

import igraph

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_metrics import build_graph  # noqa: E402  (the same projection as the other oracle)

METRICS = ("betweenness", "closeness", "harmonic")


def exact_igraph(path):
    nxg = build_graph(path, inverse=False)
    names = list(nxg.nodes())
    g = igraph.Graph(n=len(names))
    index = {v: i for i, v in enumerate(names)}
    g.add_edges([(index[a], index[b]) for a, b in nxg.edges()])
    n = g.vcount()
    bc = g.betweenness(directed=False)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    # closeness within the node's own component, as collab defines it (igraph 0.10 does too)
    clo = [0.0 if math.isnan(x) else x for x in g.closeness(mode="all")]
    har = g.harmonic_centrality(mode="all", normalized=False)
    out = {}
    for i, v in enumerate(names):
        out[v] = {"betweenness": bc[i] * scale, "closeness": clo[i], "harmonic": har[i]}
    return out


def collab_rows(collab, path, extra, fmt="csv"):
    cmd = [collab, "report", path, "--all", "--normalized", "--no-progress", "--format", fmt,
           "--metrics", ",".join(METRICS)] + extra
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {done.returncode}: {done.stderr}")
    if fmt == "json":
        return json.loads(done.stdout)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    # a sampler stopped at its work limit promises the intervals, not eps (stderr says so)
    promised = "work limit" not in done.stderr
    return [dict(r, eps_promised=promised) for r in rows]


def close(a, b):
    return abs(a - b) <= max(1e-12, 1e-9 * max(abs(a), abs(b)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("collab")
    ap.add_argument("csv")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--eps", type=float, default=0.02)
    ap.add_argument("--delta", type=float, default=0.1)
    ap.add_argument("--sources", type=int, default=0)
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--inverse", action="store_true",
                    help="1/weight lengths: exact values from collab --exact alone (which "
                         "check_metrics.py compares with NetworkX)")
    a = ap.parse_args()
    if a.csv.startswith("gen:"):
        # a file from scripts/gen_credits, made here so that no large file is kept in the tree
        _, rows, seed = a.csv.split(":")
        tmp = tempfile.mkdtemp(prefix="collab-estimates-")
        atexit.register(shutil.rmtree, tmp, True)
        a.csv = os.path.join(tmp, f"gen_{rows}_{seed}.csv")
        gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts",
                           "gen_credits")
        subprocess.run([sys.executable, gen, "--rows", rows, "--seed", seed, "-o", a.csv],
                       check=True)

    lengths = ["--path-weights", "inverse"] if a.inverse else []
    if a.inverse:
        exact = {r["name"]: {m: float(r[m]) for m in METRICS}
                 for r in collab_rows(a.collab, a.csv, ["--exact"] + lengths)}
    else:
        exact = exact_igraph(a.csv)
    for row in collab_rows(a.collab, a.csv, ["--exact"] + lengths):
        for m in METRICS:
            if not close(float(row[m]), exact[row["name"]][m]):
                sys.exit(f"FAIL: {a.csv} {row['name']!r} {m}: collab --exact {row[m]}, "
                         f"python-igraph {exact[row['name']][m]!r}")

    approx = f"eps={a.eps},delta={a.delta}" + (f",sources={a.sources}" if a.sources else "")
    failed = 0
    worst = 0.0
    work_stops = 0
    for seed in range(1, a.runs + 1):
        rows = collab_rows(a.collab, a.csv, ["--approx", approx, "--seed", str(seed)] + lengths)
        bad = []
        work_stops += 0 if rows[0]["eps_promised"] else 1
        for row in rows:
            x = exact[row["name"]]
            err = abs(float(row["betweenness"]) - x["betweenness"])
            worst = max(worst, err)
            if err > a.eps and row["eps_promised"]:
                bad.append(f"{row['name']!r} betweenness off by {err:.3g} > eps")
            for m in METRICS:
                lo, hi = float(row[m + "_low"]), float(row[m + "_high"])
                tol = 1e-9 * max(abs(lo), abs(hi), 1e-300)
                if not (lo - tol <= x[m] <= hi + tol):
                    bad.append(f"{row['name']!r} {m} {x[m]!r} outside [{lo!r}, {hi!r}]")
        if bad:
            failed += 1
            print(f"seed {seed}: guarantee missed: {bad[0]} ({len(bad)} misses)")
    allowed = math.floor(a.delta * a.runs)
    print(f"{a.csv}: {failed} of {a.runs} runs missed the guarantee (allowed {allowed}); "
          f"largest betweenness error {worst:.3g} (eps {a.eps}; {work_stops} runs stopped at "
          f"the work limit, where only the intervals are promised)")
    if failed > allowed:
        sys.exit("FAIL: the guarantee failed more often than delta allows")

    if a.top:
        ranked = sorted(exact, key=lambda v: -exact[v]["betweenness"])
        contradictions = 0
        certain = 0
        for seed in range(1, a.runs + 1):
            report = collab_rows(a.collab, a.csv, ["--approx", approx, "--seed", str(seed),
                                                   "--top-exact", str(a.top)] + lengths, "json")
            for i, r in enumerate(report["parameters"]["approximation"]["top_exact"]):
                if not r["certain"]:
                    continue
                certain += 1
                v = r["name"]
                b = exact[v]["betweenness"]
                higher = sum(1 for u in exact if exact[u]["betweenness"] > b)
                ties = sum(1 for u in exact if u != v and exact[u]["betweenness"] == b)
                if r["rank_best"] != i + 1 or higher != i or ties:
                    contradictions += 1
                    print(f"seed {seed}: rank {i + 1} {v!r} reported certain; exact rank "
                          f"{higher + 1} with {ties} ties (exact top: {ranked[:i + 2]})")
        print(f"{a.csv}: --top-exact {a.top}: {certain} certain ranks over {a.runs} runs, "
              f"{contradictions} contradicted by the exact ranking")
        if contradictions:
            sys.exit("FAIL: a certain rank contradicts the exact ranking")


if __name__ == "__main__":
    main()
