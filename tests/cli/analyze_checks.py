#!/usr/bin/python3
"""End-to-end check of `collab analyze`: one load and one analysis give every output, and each
output is the same as the single command that makes it.

Usage: analyze_checks.py COLLAB DATASETS_DIR

On the Thom Russo data: by default exactly the listed files are written (one network export,
GEXF), none empty; report.csv, report.json, report.md, communities.md, summary.json, map.svg,
map.pdf and network.gexf are byte-identical to what `collab report`, `collab communities`,
`collab summary`, `collab map` and `collab export` write on their own with the same options; two
runs give identical files (the HTML's date pinned with SOURCE_DATE_EPOCH). --exports all adds
every other format, each the same as `collab export`; --compress writes them gzip-compressed,
each decompressing to the plain file's bytes and read by NetworkX (and python-igraph for
GraphML); --exports with a list writes exactly the formats listed; a bad name is a usage error."""
import filecmp
import gzip
import os
import subprocess
import sys
import tempfile

FILES = ["summary.txt", "summary.json", "report.txt", "report.md", "report.csv", "report.json",
         "report.html", "communities.md", "map.png", "map.svg", "map.pdf", "network.gexf"]
OTHER_EXPORTS = {"network.graphml": ".graphml", "network.gml": ".gml", "network.json": ".json",
                 "network.vos.json": ".vos.json", "nodes.csv": ".csv"}


def check_exports(collab, data, tmp):
    """--exports all, --compress, a list, and a bad name."""
    plain = os.path.join(tmp, "exports_all")
    run(collab, "analyze", data, "-o", plain, "--exports", "all")
    written = sorted(os.listdir(plain))
    want = sorted(FILES + list(OTHER_EXPORTS) + ["edges.csv"])
    if written != want:
        sys.exit(f"FAIL: analyze --exports all wrote {written}, not {want}")
    for name, ext in OTHER_EXPORTS.items():
        alone = os.path.join(tmp, "alone" + ext)
        run(collab, "export", data, "-o", alone)
        if not filecmp.cmp(alone, os.path.join(plain, name), shallow=False):
            sys.exit(f"FAIL: analyze --exports all: {name} differs from collab export")
    packed = os.path.join(tmp, "exports_gz")
    run(collab, "analyze", data, "-o", packed, "--exports", "all", "--compress")
    exports = ["network.gexf", *OTHER_EXPORTS, "edges.csv"]
    want = sorted([f for f in FILES if f != "network.gexf"] + [f + ".gz" for f in exports])
    if sorted(os.listdir(packed)) != want:
        sys.exit(f"FAIL: analyze --compress wrote {sorted(os.listdir(packed))}, not {want}")
    for name in exports:
        with gzip.open(os.path.join(packed, name + ".gz"), "rb") as f:
            unpacked = f.read()
        with open(os.path.join(plain, name), "rb") as f:
            if unpacked != f.read():
                sys.exit(f"FAIL: {name}.gz does not decompress to {name}")
    import networkx as nx
    g = nx.read_gexf(os.path.join(packed, "network.gexf.gz"))
    h = nx.read_graphml(os.path.join(packed, "network.graphml.gz"))
    reference = nx.read_graphml(os.path.join(plain, "network.graphml"))
    for label, got in (("gexf.gz", g), ("graphml.gz", h)):
        if (got.number_of_nodes(), got.number_of_edges()) != (
                reference.number_of_nodes(), reference.number_of_edges()):
            sys.exit(f"FAIL: NetworkX reads {label} with other counts than the plain GraphML")
    try:
        import igraph
    except ImportError:
        igraph = None
    if igraph is not None:
        gi = igraph.Graph.Read_GraphMLz(os.path.join(packed, "network.graphml.gz"))
        if (gi.vcount(), gi.ecount()) != (reference.number_of_nodes(),
                                           reference.number_of_edges()):
            sys.exit("FAIL: python-igraph reads network.graphml.gz with other counts")
    # collab export names the compression by the extension too.
    single = os.path.join(tmp, "single.graphml.gz")
    run(collab, "export", data, "-o", single)
    with gzip.open(single, "rb") as f, open(os.path.join(plain, "network.graphml"), "rb") as g:
        if f.read() != g.read():
            sys.exit("FAIL: collab export -o single.graphml.gz is not the compressed GraphML")
    listed = os.path.join(tmp, "exports_list")
    run(collab, "analyze", data, "-o", listed, "--exports", "graphml,csv", "--no-map")
    want = sorted([f for f in FILES if not f.startswith("map.") and f != "network.gexf"] +
                  ["network.graphml", "nodes.csv", "edges.csv"])
    if sorted(os.listdir(listed)) != want:
        sys.exit(f"FAIL: --exports graphml,csv --no-map wrote {sorted(os.listdir(listed))}")
    none = os.path.join(tmp, "exports_none")
    run(collab, "analyze", data, "-o", none, "--exports", "none")
    if sorted(os.listdir(none)) != sorted(f for f in FILES if f != "network.gexf"):
        sys.exit(f"FAIL: --exports none wrote {sorted(os.listdir(none))}")
    bad = subprocess.run([collab, "analyze", data, "-o", os.path.join(tmp, "bad"), "--exports",
                          "gexf,graphm"], capture_output=True)
    if bad.returncode != 2 or b"not 'graphm'" not in bad.stderr:
        sys.exit(f"FAIL: --exports gexf,graphm: exit {bad.returncode}, {bad.stderr.decode()}")


def run(collab, *args):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    done = subprocess.run([collab, *args], capture_output=True, env=env)
    if done.returncode != 0:
        sys.exit(f"FAIL: collab {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
    return done


def main():
    collab, datasets = sys.argv[1], sys.argv[2]
    data = os.path.join(datasets, "thom_russo.csv")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "all")
        run(collab, "analyze", data, "-o", out)
        if sorted(os.listdir(out)) != sorted(FILES):
            sys.exit(f"FAIL: analyze wrote {sorted(os.listdir(out))}, not {sorted(FILES)}")
        for name in FILES:
            path = os.path.join(out, name)
            if os.path.getsize(path) == 0:
                sys.exit(f"FAIL: analyze wrote an empty {name}")
        single = {
            "report.csv": ["report", data, "--all", "--format", "csv"],
            "report.json": ["report", data, "--all", "--format", "json"],
            "report.md": ["report", data, "--top", "50", "--format", "md"],
            "communities.md": ["communities", data, "--format", "md"],
            "summary.json": ["summary", data, "--format", "json"],
            "map.svg": ["map", data],
            "map.pdf": ["map", data],
            "network.gexf": ["export", data],
        }
        for name, args in single.items():
            alone = os.path.join(tmp, "alone_" + name)
            run(collab, *args, "-o", alone)
            if not filecmp.cmp(alone, os.path.join(out, name), shallow=False):
                sys.exit(f"FAIL: analyze's {name} differs from collab {' '.join(args[:1])}")
        again = os.path.join(tmp, "again")
        run(collab, "analyze", data, "-o", again)
        for name in FILES:
            if name.endswith(".png"):
                continue  # PNG bytes depend on zlib only, but SVG/PDF are the promise
            if not filecmp.cmp(os.path.join(out, name), os.path.join(again, name), shallow=False):
                sys.exit(f"FAIL: two analyze runs differ in {name}")
        # One thread throughout (reader, sweep, layout, a single writer): the same files. The
        # HTML page differs only in the command line it records.
        one = os.path.join(tmp, "one_thread")
        done = run(collab, "analyze", data, "-o", one, "--threads", "1", "--verbose")
        if b"outputs (one writer, wall)" not in done.stderr:
            sys.exit("FAIL: analyze --threads 1 did not write its outputs with one writer")
        for name in FILES:
            if name.endswith(".png") or name == "report.html":
                continue
            if not filecmp.cmp(os.path.join(out, name), os.path.join(one, name), shallow=False):
                sys.exit(f"FAIL: analyze --threads 1 differs in {name}")
        check_exports(collab, data, tmp)
    print(f"ok: analyze wrote {len(FILES)} files, the same as the single commands and with "
          "--threads 1; --exports all, a list, none and --compress as asked")


if __name__ == "__main__":
    main()
