#!/usr/bin/python3
"""End-to-end checks of the credit questions (ego, path, slices) on the shipped Thom Russo data.

Usage: query_checks.py COLLAB DATASETS_DIR

Every expectation is computed here from the CSV itself (who shares a project with whom, which
decade each credit falls in, degrees inside a decade), never copied from collab's output:
- ego: the neighbourhood of Thom Russo is everyone who shares a project with him; the map puts
  him at the centre of the plot, outlined, labelled, with no overlapping labels, the legend a
  compact row under the title that states his strength instead of drawing it, and the rings
  filling a square plot; Rick Rubin's
  two-step map puts everyone one step away nearer him than anyone two steps away.
- path: the chain between two of his artists runs through him, and every project printed on a
  step is one both people are credited on; the figure draws the ends outlined and one card per
  step between its two people, naming a project they share and each one's role on it, with no
  card or name over another.
- slices by decade: the 1990s hold the pop/R&B artists and none of the Latin ones, the 2000s the
  Latin ones; ranks.csv equals degree ranks computed here; the people of the 1990s who are absent
  from the 2000s appear as faded, unlabelled marks; people in both decades stay near their place;
  rows without a year are counted on stderr.
- role mix: each person's roles, credits and years in the report match the CSV."""
import collections
import csv
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile


def run(collab, *args):
    done = subprocess.run([collab, *args], capture_output=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: collab {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
    return done


def fail(message):
    sys.exit(f"FAIL: {message}")


def read_credits(path):
    with open(path, encoding="utf-8") as f:
        return [row for row in csv.DictReader(f)]


def co_credited(rows):
    """person -> set of people sharing at least one project."""
    members = collections.defaultdict(set)
    for r in rows:
        members[r["project"]].add(r["person"])
    out = collections.defaultdict(set)
    for people in members.values():
        for a, b in itertools.permutations(people, 2):
            out[a].add(b)
    return out


def projects_of(rows, person):
    return {r["project"] for r in rows if r["person"] == person}


def boxes_intersect(a, b):
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and
            a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


def no_label_overlap(scene, what):
    for a, b in itertools.combinations(scene["labels"], 2):
        if boxes_intersect(a, b):
            fail(f"{what}: labels {a['text']!r} and {b['text']!r} overlap")


def check_ego(collab, data, rows, tmp):
    ego = "Thom Russo"
    expected = co_credited(rows)[ego]
    if len(expected) < 10:
        fail(f"the dataset names only {len(expected)} collaborators of {ego}")
    done = run(collab, "ego", data, ego, "--format", "csv")
    listed = {r["name"] for r in csv.DictReader(done.stdout.decode().splitlines())}
    if listed != expected:
        fail(f"ego: missing {sorted(expected - listed)}, extra {sorted(listed - expected)}")
    png = os.path.join(tmp, "ego.png")
    scene_path = os.path.join(tmp, "ego.json")
    run(collab, "ego", data, ego, "-o", png, "--scene", scene_path)
    with open(png, "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            fail("ego map is not a PNG")
    scene = json.load(open(scene_path, encoding="utf-8"))
    nodes = {n["name"]: n for n in scene["nodes"]}
    if set(nodes) != expected | {ego}:
        fail("ego map does not draw exactly the neighbourhood")
    centre = nodes[ego]
    plot = scene["plot"]
    cx, cy = plot["x"] + plot["w"] / 2, plot["y"] + plot["h"] / 2
    if abs(centre["x"] - cx) > 1 or abs(centre["y"] - cy) > 1:
        fail(f"ego at ({centre['x']}, {centre['y']}), plot centre ({cx}, {cy})")
    if centre["stroke"] != scene["page"]["foreground"]:
        fail("ego is not outlined in the text colour")
    if any(n["stroke_width"] >= centre["stroke_width"] for n in scene["nodes"] if n is not centre):
        fail("ego outline is not the thickest")
    if centre["label"] is None:
        fail("ego is not labelled")
    no_label_overlap(scene, "ego map")
    check_ego_page(scene, rows, ego, expected)
    # Two steps out: everyone one step away is nearer the centre than anyone two steps away.
    run(collab, "ego", data, "Rick Rubin", "--radius", "2", "-o", png, "--scene", scene_path)
    scene = json.load(open(scene_path, encoding="utf-8"))
    nodes = {n["name"]: n for n in scene["nodes"]}
    first = co_credited(rows)["Rick Rubin"]
    second = set().union(*(co_credited(rows)[p] for p in first)) - first - {"Rick Rubin"}
    if set(nodes) != first | second | {"Rick Rubin"}:
        fail("ego --radius 2 map does not draw exactly the two-step neighbourhood")
    c = nodes["Rick Rubin"]
    far = {p: math.dist((c["x"], c["y"]), (nodes[p]["x"], nodes[p]["y"])) for p in first | second}
    if not second or max(far[p] for p in first) >= min(far[p] for p in second):
        fail(f"ego rings: one step out up to {max(far[p] for p in first):.1f} from the centre, "
             f"two steps from {min(far[p] for p in second):.1f}")


def check_ego_page(scene, rows, ego, collaborators):
    """The ego figure's legend is a compact row under the title and the rings fill the page: the
    legend box lies between the subtitle and the plot and takes under 10% of the page; its size
    samples leave out the centre's strength (the projects the ego shares with each collaborator,
    summed: counted here from the CSV), which its heading states instead; the plot is square and
    the collaborators span at least 80% of the page's width and 70% of its height (the title
    and legend take the rest)."""
    projects = collections.defaultdict(set)
    for r in rows:
        projects[r["person"]].add(r["project"])
    strength = sum(len(projects[ego] & projects[p]) for p in collaborators)
    legend, plot, page = scene["legend"], scene["plot"], scene["page"]
    box = legend["box"]
    if box["y"] + box["h"] > plot["y"] or box["y"] < scene["subtitle"]["box"]["y"]:
        fail(f"ego legend {box} is not between the subtitle and the plot {plot}")
    share = box["w"] * box["h"] / (page["width"] * page["height"])
    if share > 0.10:
        fail(f"ego legend takes {share:.1%} of the page")
    sizes = [i["value"] for i in legend["items"] if i["kind"] == "size"]
    if not sizes or strength in sizes or max(sizes) >= strength:
        fail(f"ego size samples {sizes} against the centre's strength {strength}")
    if not any(h.endswith(f"centre {strength}") for h in legend["headings"]):
        fail(f"ego legend headings {legend['headings']} do not state the centre's {strength}")
    if abs(plot["w"] - plot["h"]) > 0.01:
        fail(f"ego plot {plot} is not square")
    others = [n for n in scene["nodes"] if n["name"] != ego]
    span_x = max(n["x"] for n in others) - min(n["x"] for n in others)
    span_y = max(n["y"] for n in others) - min(n["y"] for n in others)
    if span_x < 0.8 * page["width"] or span_y < 0.7 * page["height"]:
        fail(f"ego rings span {span_x:.0f} x {span_y:.0f} of a {page['width']} x "
             f"{page['height']} page")


def check_path(collab, data, rows, tmp):
    a, b = "Macy Gray", "Juanes"
    done = run(collab, "path", data, a, b)
    text = done.stdout.decode()
    if not text.startswith("distance 2;"):
        fail(f"path {a} -> {b}: {text.splitlines()[0]!r}")
    steps = [l.strip() for l in text.splitlines() if " -- " in l]
    if steps != [f"{a} -- Thom Russo", f"Thom Russo -- {b}"]:
        fail(f"path steps {steps}")
    # Every printed project links the two people of its step.
    step = None
    checked = 0
    for line in text.splitlines():
        if " -- " in line:
            step = [s.strip() for s in line.split(" -- ")]
        elif line.strip().startswith("on "):
            project = line.strip()[3:].rsplit(": ", 1)[0]
            project = project.rsplit(" (", 1)[0] if project.endswith(")") else project
            shared = projects_of(rows, step[0]) & projects_of(rows, step[1])
            if project not in shared:
                fail(f"path names {project!r} for {step}, shared are {sorted(shared)}")
            checked += 1
    if checked < 2:
        fail("path names fewer than two projects")
    svg = os.path.join(tmp, "path.svg")
    scene_path = os.path.join(tmp, "path.json")
    run(collab, "path", data, a, b, "-o", svg, "--scene", scene_path)
    scene = json.load(open(scene_path, encoding="utf-8"))
    people = scene["nodes"]
    if [n["name"] for n in sorted(people, key=lambda n: n["x"])] != [a, "Thom Russo", b]:
        fail("path map does not draw the chain from left to right")
    cards = scene.get("cards", [])
    if len(cards) != 2:
        fail(f"path map draws {len(cards)} project cards, expected one per step")
    # Each card names a project both people of its step share, and each one's role on it.
    for card in cards:
        u, v = people[card["from"]]["name"], people[card["to"]]["name"]
        lines = [l["text"] for l in card["lines"]]
        shared = projects_of(rows, u) & projects_of(rows, v)
        title = lines[0].rsplit(" (", 1)[0] if lines[0].endswith(")") else lines[0]
        if title not in shared:
            fail(f"path card {lines} names no project shared by {u} and {v}")
        for person in (u, v):
            roles = {r["role"] or "credited" for r in rows
                     if r["person"] == person and r["project"] == title}
            if not any(l.startswith(f"{person}: ") and l.split(": ", 1)[1] in roles
                       for l in lines):
                fail(f"path card {lines} lacks {person}'s role ({sorted(roles)})")
        box = card["box"]
        if not people[card["from"]]["x"] < box["x"] < box["x"] + box["w"] < people[card["to"]]["x"]:
            fail(f"path card {lines} is not between {u} and {v}")
    ends = [n for n in people if n["stroke"] == scene["page"]["foreground"]]
    if sorted(n["name"] for n in ends) != sorted([a, b]):
        fail("path map does not outline the two ends")
    if any(n["label"] is None for n in scene["nodes"]):
        fail("path map leaves a node unlabelled")
    no_label_overlap(scene, "path map")
    boxes = [l for l in scene["labels"]] + [{**c["box"], "text": c["lines"][0]["text"]}
                                            for c in cards]
    for x, y in itertools.combinations(boxes, 2):
        if (x["x"] < y["x"] + y["w"] and y["x"] < x["x"] + x["w"] and
                x["y"] < y["y"] + y["h"] and y["y"] < x["y"] + x["h"]):
            fail(f"path map: {x['text']!r} overlaps {y['text']!r}")


def decade_of(row):
    return int(row["year"]) // 10 * 10 if row["year"].strip() else None


def expected_ranks(rows, decade):
    """Degree ranks in the people projection of one decade, ties by first appearance."""
    kept = [r for r in rows if decade_of(r) == decade]
    order = []
    for r in kept:
        if r["person"] not in order:
            order.append(r["person"])
    degree = {p: len(co_credited(kept)[p]) for p in order}
    ranked = sorted(order, key=lambda p: (-degree[p], order.index(p)))
    return {p: i + 1 for i, p in enumerate(ranked)}, set(order)


def scene_subtitle(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["subtitle"]["text"]


def check_slices(collab, data, rows, tmp):
    out = os.path.join(tmp, "slices")
    done = run(collab, "slices", data, "--by", "decade", "-o", out, "--scenes")
    no_year = sum(1 for r in rows if not r["year"].strip())
    if f"{no_year} rows without a year" not in done.stderr.decode():
        fail(f"slices: stderr does not count the {no_year} rows without a year")
    decades = sorted({decade_of(r) for r in rows if decade_of(r) is not None})
    for d in decades:
        for ext in (".md", ".png", ".json"):
            if not os.path.exists(os.path.join(out, f"{d}s{ext}")):
                fail(f"slices: no {d}s{ext}")
    with open(os.path.join(out, "contact_sheet.png"), "rb") as f:
        head = f.read(24)
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if head[:8] != b"\x89PNG\r\n\x1a\n" or width < len(decades) * height:
        fail(f"contact sheet is not one row of {len(decades)} maps: {width}x{height}")
    with open(os.path.join(out, "ranks.csv"), encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    people = {}
    for d in decades:
        ranks, present = expected_ranks(rows, d)
        people[d] = present
        got = {r["name"]: int(r[f"{d}s"]) for r in table if r[f"{d}s"]}
        if got != ranks:
            fail(f"ranks.csv {d}s: {got} != {ranks}")
    pop_rnb = {"Michael Jackson", "Paula Abdul", "Bobby Brown", "Diana Ross"}
    latin = {"Juanes", "Maná", "Alejandro Sanz"}
    if not pop_rnb <= people[1990] or latin & people[1990]:
        fail(f"1990s slice: {sorted(people[1990])}")
    if not latin <= people[2000]:
        fail(f"2000s slice lacks {sorted(latin - people[2000])}")
    first = json.load(open(os.path.join(out, "1990s.json"), encoding="utf-8"))
    second = json.load(open(os.path.join(out, "2000s.json"), encoding="utf-8"))
    ghosts = [n for n in second["nodes"] if n["opacity"] < 1]
    if len(ghosts) != len(people[1990] - people[2000]):
        fail(f"2000s map has {len(ghosts)} faded marks, {len(people[1990] - people[2000])} left")
    if any(g["label"] is not None or g["name"] for g in ghosts):
        fail("a faded mark is labelled")
    # The subtitle states the community pull the layout used, as `collab map` does on the same
    # decade's rows (and only when there is one), and counts in the singular where it should.
    for d in decades:
        decade_csv = os.path.join(tmp, f"rows_{d}s.csv")
        with open(decade_csv, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(r for r in rows if decade_of(r) == d)
        alone = os.path.join(tmp, f"map_{d}s.json")
        run(collab, "map", decade_csv, "-o", os.path.join(tmp, f"map_{d}s.png"), "--scene", alone)
        pull_alone = re.findall(r"community pull [0-9.]+", scene_subtitle(alone))
        sliced = scene_subtitle(os.path.join(out, f"{d}s.json"))
        if re.findall(r"community pull [0-9.]+", sliced) != pull_alone:
            fail(f"{d}s: slices subtitle '{sliced}', map of its rows says {pull_alone}")
        if re.search(r"\b1 (ties|people)\b", sliced):
            fail(f"{d}s: plural for one: '{sliced}'")
    # Warm start: people in both decades keep about their place on the plot.
    def where(scene, name):
        node = next(n for n in scene["nodes"] if n["name"] == name)
        p = scene["plot"]
        return ((node["x"] - p["x"]) / p["h"], (node["y"] - p["y"]) / p["h"])
    both = sorted(people[1990] & people[2000])
    moves = [math.dist(where(first, p), where(second, p)) for p in both]
    if not both or sum(moves) / len(moves) > 0.25:
        fail(f"people in both decades moved {moves} plot heights on average")


def check_role_mix(collab, data, rows):
    """Each person's role mix in the JSON report equals the roles counted in the CSV."""
    report = json.loads(run(collab, "report", data, "--all", "--format", "json").stdout)
    for node in report["nodes"]:
        mine = [r for r in rows if r["person"] == node["name"]]
        expected = collections.Counter(r["role"] for r in mine if r["role"].strip())
        if node["roles"] != dict(expected) or node["credits"] != len(mine):
            fail(f"role mix of {node['name']}: {node['roles']} != {dict(expected)}")
        counts = list(node["roles"].values())
        if counts != sorted(counts, reverse=True):
            fail(f"role mix of {node['name']} is not most credited first")
        years = sorted(int(r["year"]) for r in mine if r["year"].strip())
        if node["years"] != ([years[0], years[-1]] if years else None):
            fail(f"years of {node['name']}: {node['years']}")


def main():
    collab, datasets = sys.argv[1], sys.argv[2]
    data = os.path.join(datasets, "thom_russo.csv")
    rows = read_credits(data)
    with tempfile.TemporaryDirectory() as tmp:
        check_ego(collab, data, rows, tmp)
        check_path(collab, data, rows, tmp)
        check_slices(collab, data, rows, tmp)
        check_role_mix(collab, data, rows)
    print("ok: ego, path and slices checks passed")


if __name__ == "__main__":
    main()
