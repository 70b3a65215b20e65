#!/usr/bin/python3
"""End-to-end checks of `collab map` on the shipped data.

Usage: map_checks.py COLLAB DATASETS_DIR

For PNG, SVG and PDF of the Thom Russo network: the file signature, SVG well-formed XML, fonts
embedded in the PDF, byte-identical SVG and PDF across two runs; from --scene: no two label boxes
intersect, every node disc and label box lies inside the page, no two node discs overlap, the
legend names the coloured communities by members that are in them, the biggest node is labelled.
Also the community-level map of a larger file and colourings by role and year."""
import itertools
import json
import os
import subprocess
import sys
import tempfile
import xml.dom.minidom


def run(collab, *args):
    done = subprocess.run([collab, *args], capture_output=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: collab {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
    return done


def boxes_intersect(a, b):
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and
            a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


def check_scene(path, what):
    scene = json.load(open(path, encoding="utf-8"))
    w, h = scene["page"]["width"], scene["page"]["height"]
    labels = scene["labels"]
    nodes = scene["nodes"]
    for a, b in itertools.combinations(labels, 2):
        if boxes_intersect(a, b):
            sys.exit(f"FAIL: {what}: labels {a['text']!r} and {b['text']!r} overlap")
    for box in labels:
        if box["x"] < 0 or box["y"] < 0 or box["x"] + box["w"] > w or box["y"] + box["h"] > h:
            sys.exit(f"FAIL: {what}: label {box['text']!r} leaves the page")
    for n in nodes:
        r = n["radius"]
        if n["x"] - r < 0 or n["y"] - r < 0 or n["x"] + r > w or n["y"] + r > h:
            sys.exit(f"FAIL: {what}: node {n['name']!r} leaves the page")
    for a, b in itertools.combinations(nodes, 2):
        d = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
        if d < a["radius"] + b["radius"] - 1e-6:
            sys.exit(f"FAIL: {what}: nodes {a['name']!r} and {b['name']!r} overlap")
    # Labels go to the most important nodes first: the first label placed is on a node of the
    # largest size (radii are capped, so several nodes may share the largest radius).
    largest = max(n["radius"] for n in nodes)
    if not labels or nodes[labels[0]["node"]]["radius"] < largest - 1e-9:
        sys.exit(f"FAIL: {what}: the first label is not on a node of the largest size")
    return scene


def main():
    collab, datasets = sys.argv[1], sys.argv[2]
    russo = os.path.join(datasets, "thom_russo.csv")
    with tempfile.TemporaryDirectory() as tmp:
        out = lambda name: os.path.join(tmp, name)
        for fmt in ("png", "svg", "pdf"):
            run(collab, "map", russo, "-o", out(f"a.{fmt}"), "--scene", out(f"a.{fmt}.json"))
            run(collab, "map", russo, "-o", out(f"b.{fmt}"))
        data = {fmt: open(out(f"a.{fmt}"), "rb").read() for fmt in ("png", "svg", "pdf")}
        if not data["png"].startswith(b"\x89PNG\r\n\x1a\n"):
            sys.exit("FAIL: PNG signature")
        if not data["pdf"].startswith(b"%PDF-"):
            sys.exit("FAIL: PDF signature")
        if b"/FontFile" not in data["pdf"]:
            sys.exit("FAIL: no embedded font in the PDF")
        xml.dom.minidom.parseString(data["svg"])
        # --format wins over the extension.
        run(collab, "map", russo, "-o", out("c.img"), "--format", "svg")
        if open(out("c.img"), "rb").read() != data["svg"]:
            sys.exit("FAIL: --format svg did not write the same SVG")
        for fmt in ("svg", "pdf"):
            if data[fmt] != open(out(f"b.{fmt}"), "rb").read():
                sys.exit(f"FAIL: two {fmt.upper()} renders differ")
        scene = check_scene(out("a.png.json"), "thom_russo")
        names = {n["name"] for n in scene["nodes"]}
        russo_labels = len(scene["labels"])
        if "Thom Russo" not in {lab["text"] for lab in scene["labels"]}:
            sys.exit("FAIL: Thom Russo is not labelled")
        legend = [item for item in scene["legend"]["items"] if item["kind"] == "community"]
        for item in legend:
            members = [n["name"] for n in scene["nodes"] if n["community"] == item["community"]]
            first = item["text"].split(", ")[0]
            if first not in members:
                sys.exit(f"FAIL: legend caption {item['text']!r} names no member of its community")
        if not legend:
            sys.exit("FAIL: the legend lists no community")
        # Colourings and the dark theme.
        for extra in (["--color-by", "role"], ["--color-by", "year"], ["--theme", "dark"],
                      ["--color-by", "pagerank", "--size-by", "betweenness", "--curved"]):
            run(collab, "map", russo, "-o", out("c.png"), "--scene", out("c.json"), *extra)
            check_scene(out("c.json"), " ".join(extra))
        # The tango network at the node level and at the community level.
        tango = os.path.join(datasets, "tango", "tango_credits.csv")
        run(collab, "map", tango, "-o", out("t.png"), "--scene", out("t.json"), "--no-progress")
        check_scene(out("t.json"), "tango")
        done = run(collab, "map", tango, "-o", out("tc.svg"), "--scene", out("tc.json"),
                   "--level", "communities", "--no-progress")
        scene = check_scene(out("tc.json"), "tango communities")
        if len(scene["nodes"]) < 5:
            sys.exit("FAIL: the community-level map has fewer than 5 bubbles")
        xml.dom.minidom.parse(out("tc.svg"))
        print(f"ok: maps of {len(names)} people ({russo_labels} labels), formats, "
              f"determinism, colourings, community level")


if __name__ == "__main__":
    main()
