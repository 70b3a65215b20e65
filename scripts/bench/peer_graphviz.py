#!/usr/bin/python3
"""Peer benchmark (Graphviz): sfdp drawing the person-person projection.

    peer_graphviz.py CREDITS.csv OUT.png|OUT.svg

Writes the projection (as peer_igraph.py builds it) as a DOT file next to OUT and runs
`sfdp -Tpng|-Tsvg` on it with labels, overlap removal off (prism takes far longer), as a
Graphviz user renders a large graph.
"""
import subprocess
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from peer_igraph_metrics import projection  # noqa: E402


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(path, out):
    g = projection(path)
    dot = out + ".dot"
    with open(dot, "w", encoding="utf-8") as f:
        f.write("graph G {\n  node [shape=point, fontsize=6];\n  edge [penwidth=0.2];\n")
        for v, name in enumerate(g.vs["name"]):
            f.write(f"  {v} [xlabel={quote(name)}];\n")
        for e in g.es:
            f.write(f"  {e.source} -- {e.target};\n")
        f.write("}\n")
    fmt = out.rsplit(".", 1)[1]
    subprocess.run(["sfdp", f"-T{fmt}", "-Goverlap=true", "-o", out, dot], check=True)
    print(f"nodes={g.vcount()} edges={g.ecount()}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: peer_graphviz.py CREDITS.csv OUT.png|OUT.svg")
    main(sys.argv[1], sys.argv[2])
