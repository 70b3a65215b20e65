#!/usr/bin/python3
"""End-to-end check of `collab analyze`: one load and one analysis give every output, and each
output is the same as the single command that makes it.

Usage: analyze_checks.py COLLAB DATASETS_DIR

On the Thom Russo data: every listed file exists and is not empty; report.csv, report.json,
report.md, communities.md, summary.json, map.svg, map.pdf and network.graphml are byte-identical
to what `collab report`, `collab communities`, `collab summary`, `collab map` and
`collab export` write on their own with the same options; two runs give identical files
(the HTML's date pinned with SOURCE_DATE_EPOCH)."""
import filecmp
import os
import subprocess
import sys
import tempfile

FILES = ["summary.txt", "summary.json", "report.txt", "report.md", "report.csv", "report.json",
         "report.html", "communities.md", "map.png", "map.svg", "map.pdf", "network.graphml",
         "network.gexf", "network.gml", "network.json", "network.vos.json", "nodes.csv",
         "edges.csv"]


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
        for name in FILES:
            path = os.path.join(out, name)
            if not os.path.isfile(path) or os.path.getsize(path) == 0:
                sys.exit(f"FAIL: analyze did not write {name}")
        single = {
            "report.csv": ["report", data, "--all", "--format", "csv"],
            "report.json": ["report", data, "--all", "--format", "json"],
            "report.md": ["report", data, "--top", "50", "--format", "md"],
            "communities.md": ["communities", data, "--format", "md"],
            "summary.json": ["summary", data, "--format", "json"],
            "map.svg": ["map", data],
            "map.pdf": ["map", data],
            "network.graphml": ["export", data],
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
    print(f"ok: analyze wrote {len(FILES)} files, the same as the single commands and with "
          "--threads 1")


if __name__ == "__main__":
    main()
