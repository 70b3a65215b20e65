#!/usr/bin/python3
"""Reads every `collab export` format back with independent readers and checks what they find.

Usage: check_exports.py COLLAB DATASETS_DIR

Cases: Zachary's karate club (edge list), the Davis southern women (credits, people view and
--view bipartite), the Thom Russo credits (count and newman weighting), and a credits file of
hostile names written here (markup, C0/DEL/C1 controls, tab and line feed, CJK, right-to-left,
emoji, spreadsheet formulas, literal entities) in both views.

For each case and format (GraphML, GEXF, GML, node-link JSON, VOSviewer JSON, CSV node and edge
tables) the file is read with NetworkX (read_graphml, read_gexf, read_gml, node_link_graph),
python-igraph (Read_GraphML, Read_GML), json and csv, and compared with:
  - the graph rebuilt here from the CSV: node names, kinds, every edge and its weight, each
    node's credit count, role mix and year span;
  - `collab report --all --format json` run with the same options: every metric of every node,
    exactly (numbers must read back to the same double), and the community;
  - the export's own promises: positions, radius and colour on every node when a layout was
    computed (GEXF and VOSviewer y = minus the page y), none with --layout none; names escaped
    per format (XML replaces the C0 controls it cannot carry with U+FFFD; CSV puts a ' before
    formulas; VOSviewer labels are HTML; igraph 0.10 leaves GML's numeric references as they are).
Exits 1 on the first disagreement."""
import csv
import html
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import warnings

import igraph
import networkx as nx

METRICS = ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank",
           "eigenvector", "coreness", "constraint", "clustering"]
FORMATS = ["graphml", "gexf", "gml", "json", "vos.json", "csv"]

HOSTILE_ROWS = [
    # person, project, role, year
    ('<b>&"\'</b>', '<project & "one">', "<i>producer</i>", "1999"),
    ("Ctrl\x01\x02\x1fname", '<project & "one">', "mixer & engineer", "2001"),
    ("Del\x7fC1\u0085name", '<project & "one">', "<i>producer</i>", ""),
    ("Tab\tand\nnewline", "Projekt \u00c4 \u0416", "\u30ae\u30bf\u30fc", "2005"),
    ("\u738b\u83f2", "Projekt \u00c4 \u0416", "\u30ae\u30bf\u30fc", "2007"),
    ("\u0645\u062d\u0645\u062f \u0639\u0628\u062f\u0647", "Projekt \u00c4 \u0416", "", "2007"),
    ("\U0001f3b8 Slash", "=cmd|' /C calc'!A0", "<i>producer</i>", "2010"),
    ("=SUM(A1:A9)", "=cmd|' /C calc'!A0", "mixer & engineer", "2011"),
    ("+1 plus", "=cmd|' /C calc'!A0", "", ""),
    ("-minus", "]bracket [ GML \\", "<i>producer</i>", "2011"),
    ("@at", "]bracket [ GML \\", "mixer & engineer", "2012"),
    ("&amp; literal", "]bracket [ GML \\", "<i>producer</i>", "2013"),
    ("&#65; literal", "]bracket [ GML \\", "<i>producer</i>", "2013"),
    ('Back\\slash "quoted"', '<project & "one">', "<i>producer</i>", "1998"),
    ("\U0001f3b8 Slash", "Projekt \u00c4 \u0416", "mixer & engineer", "2006"),
    ("\u738b\u83f2", "=cmd|' /C calc'!A0", "<i>producer</i>", "2008"),
    ("alone", "solo project", "<i>producer</i>", "2000"),
]


def fail(message):
    sys.exit(f"FAIL: {message}")


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr}")
    return done


# ---- the graph, rebuilt here from the CSV -------------------------------------------------------

class Expected:
    """Names, kinds, weighted edges and the credit values of each node, from the CSV alone."""

    def __init__(self, path, view, newman):
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        self.credits_shape = "person" in rows[0]
        self.kind = {}
        self.edges = {}
        self.credits = {}
        self.roles = {}
        self.role_order = {}  # role -> first appearance in the file (collab's role id)
        self.years = {}
        if self.credits_shape:
            self._credits(rows, view, newman)
        else:
            self._edge_list(rows)

    def _edge_list(self, rows):
        for r in rows:
            a, b = r["source"].strip(), r["target"].strip()
            for name in (a, b):
                self.kind.setdefault(name, "node")
            if a != b:
                key = frozenset((a, b))
                self.edges[key] = self.edges.get(key, 0.0) + float(r.get("weight") or 1)

    def _credits(self, rows, view, newman):
        members = {}
        pair_rows = {}
        for r in rows:
            person, project = clean(r["person"]), clean(r["project"])
            role = clean(r.get("role") or "").casefold()
            year = (r.get("year") or "").strip()
            if role:
                self.role_order.setdefault(role, len(self.role_order))
            members.setdefault(project, set()).add(person)
            pair_rows[(person, project)] = pair_rows.get((person, project), 0) + 1
            names = [person] if view == "people" else [person, project]
            for name in names:
                self.kind[name] = "person" if name == person else "project"
                self.credits[name] = self.credits.get(name, 0) + 1
                if role:
                    counts = self.roles.setdefault(name, {})
                    counts[role] = counts.get(role, 0) + 1
                if year:
                    self.years.setdefault(name, []).append(int(year[:4]))
        if view == "people":
            for people in members.values():
                for a, b in itertools.combinations(sorted(people), 2):
                    key = frozenset((a, b))
                    # Newman (2001): each shared project adds 1/(n-1), n = its people
                    add = 1 / (len(people) - 1) if newman else 1
                    self.edges[key] = self.edges.get(key, 0) + add
        else:
            for (person, project), n in pair_rows.items():
                self.edges[frozenset((person, project))] = n

    def roles_text(self, name):
        """collab's role mix: most credited first, ties by first appearance in the file."""
        return "; ".join(f"{role} ({n})" for role, n in self.roles_in_order(name))

    def roles_in_order(self, name):
        counts = self.roles.get(name, {})
        order = sorted(counts, key=lambda role: (-counts[role], self.role_order[role]))
        return [(role, counts[role]) for role in order]


def clean(s):
    return unicodedata.normalize("NFC", s.strip())


# ---- how each format is expected to spell a name ------------------------------------------------

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_name(name):
    return XML_FORBIDDEN.sub("\ufffd", name)


def csv_name(name):
    return "'" + name if name[:1] in ("=", "+", "-", "@", "\t", "\r") else name


def igraph_gml_name(name):
    """What igraph 0.10 returns for collab's GML string: named entities decoded, numeric kept."""
    out = []
    for ch in name:
        if ch == '"' or ch == "&":
            out.append(ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append(f"&#{ord(ch)};")
    return "".join(out)


# ---- comparisons ---------------------------------------------------------------------------------

class Case:
    def __init__(self, collab, path, extra, work, label):
        self.collab, self.path, self.extra, self.work, self.label = collab, path, extra, work, label
        view = "bipartite" if "bipartite" in extra else "people"
        self.expected = Expected(path, view, "newman" in extra)
        report = json.loads(run([collab, "report", path, "--all", "--format", "json",
                                 "--no-progress"] + extra).stdout)
        self.report = {node["name"]: node for node in report["nodes"]}
        self.n_edges = report["graph"]["edges"]
        if set(self.report) != set(self.expected.kind):
            fail(f"{label}: report names differ from the CSV's")
        if self.n_edges != len(self.expected.edges):
            fail(f"{label}: report has {self.n_edges} edges, the CSV gives {len(self.expected.edges)}")
        self.checked = 0

    def export(self, fmt, more=()):
        out = os.path.join(self.work, f"{self.label}.{fmt}")
        run([self.collab, "export", self.path, "-o", out, "--no-progress"] + self.extra + list(more))
        return out

    def same(self, what, got, want):
        self.checked += 1
        if isinstance(want, float) and isinstance(got, (int, float)):
            if math.isnan(want) and math.isnan(got):
                return
        if got != want:
            fail(f"{self.label}: {what}: export {got!r}, expected {want!r}")

    def check_node(self, fmt, name, attrs, layout, skip=()):
        """`attrs`: the node's attributes as read back, keyed by collab's attribute names;
        `skip`: attributes the format does not carry."""
        ref = self.report[name]
        e = self.expected
        if "kind" not in skip:
            self.same(f"{fmt} {name!r} kind", attrs.get("kind"), e.kind[name])
        for metric in METRICS:
            want = ref.get(metric)
            got = attrs.get(metric)
            if want is None:  # NaN in the report (JSON null): absent from the export
                if got is not None and not (isinstance(got, float) and math.isnan(got)):
                    fail(f"{self.label}: {fmt} {name!r} {metric}: {got!r} for a NaN")
                continue
            if got is None:
                fail(f"{self.label}: {fmt} {name!r} {metric}: missing, report has {want!r}")
            self.same(f"{fmt} {name!r} {metric}", float(got), float(want))
        self.same(f"{fmt} {name!r} community", int(attrs["community"]), ref["community"])
        if e.credits_shape:
            self.same(f"{fmt} {name!r} credits", int(attrs["credits"]), e.credits[name])
            if e.roles.get(name) and "roles" not in skip:
                self.same(f"{fmt} {name!r} roles", attrs.get("roles"), e.roles_text(name))
            if e.years.get(name):
                self.same(f"{fmt} {name!r} year_first", int(attrs["year_first"]), min(e.years[name]))
                self.same(f"{fmt} {name!r} year_last", int(attrs["year_last"]), max(e.years[name]))
        has_xy = attrs.get("x") is not None and not math.isnan(float(attrs["x"]))
        if has_xy != layout:
            fail(f"{self.label}: {fmt} {name!r}: position {'missing' if layout else 'present'}")
        if layout:
            for key in ("x", "y", "size"):
                if key not in skip and not math.isfinite(float(attrs[key])):
                    fail(f"{self.label}: {fmt} {name!r}: {key} {attrs[key]!r}")
            if "color" not in skip and not re.fullmatch("#[0-9a-f]{6}", attrs["color"]):
                fail(f"{self.label}: {fmt} {name!r}: colour {attrs['color']!r}")

    def check_edges(self, fmt, edges):
        """`edges`: (name, name, weight) as read back."""
        self.same(f"{fmt} edge count", len(edges), self.n_edges)
        seen = set()
        for a, b, w in edges:
            key = frozenset((a, b))
            if key not in self.expected.edges or key in seen:
                fail(f"{self.label}: {fmt}: unexpected or repeated edge {a!r} - {b!r}")
            seen.add(key)
            want = self.expected.edges[key]
            if abs(float(w) - want) > 1e-12 * max(1.0, abs(want)):
                fail(f"{self.label}: {fmt}: edge {a!r} - {b!r} weight {w!r}, expected {want!r}")
            self.checked += 1

    def check_names(self, fmt, names, spell):
        want = sorted(spell(n) for n in self.report)
        self.same(f"{fmt} names", sorted(names), want)


def check_graphml(case, layout):
    path = case.export("graphml", [] if layout else ["--layout", "none"])
    back = {xml_name(n): n for n in case.report}
    g = nx.read_graphml(path)
    case.check_names("graphml", [d["name"] for _, d in g.nodes(data=True)], xml_name)
    for _, d in g.nodes(data=True):
        case.check_node("graphml", back[d["name"]], d, layout)
    name_of = {v: back[d["name"]] for v, d in g.nodes(data=True)}
    case.check_edges("graphml", [(name_of[a], name_of[b], d["weight"])
                                 for a, b, d in g.edges(data=True)])
    ig = igraph.Graph.Read_GraphML(path)
    case.same("igraph graphml nodes", ig.vcount(), len(case.report))
    names = ig.vs["name"]
    case.check_edges("igraph graphml", [(back[names[e.source]], back[names[e.target]], e["weight"])
                                        for e in ig.es])
    for v in ig.vs:
        case.same(f"igraph graphml {names[v.index]!r} community", int(v["community"]),
                  case.report[back[names[v.index]]]["community"])
    return g


def check_gexf(case, graphml):
    path = case.export("gexf")
    back = {xml_name(n): n for n in case.report}
    g = nx.read_gexf(path)
    case.check_names("gexf", [d["label"] for _, d in g.nodes(data=True)], xml_name)
    page = {d["name"]: d for _, d in graphml.nodes(data=True)}
    for _, d in g.nodes(data=True):
        viz = d["viz"]
        flat = dict(d, x=viz["position"]["x"], y=viz["position"]["y"], size=viz["size"],
                    color="#%02x%02x%02x" % (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]))
        case.check_node("gexf", back[d["label"]], flat, True)
        ref = page[d["label"]]
        case.same(f"gexf {d['label']!r} y flipped", viz["position"]["y"], -ref["y"])
        case.same(f"gexf {d['label']!r} x", viz["position"]["x"], ref["x"])
        case.same(f"gexf {d['label']!r} colour", flat["color"], ref["color"])
    label = {v: back[d["label"]] for v, d in g.nodes(data=True)}
    case.check_edges("gexf", [(label[a], label[b], d["weight"]) for a, b, d in g.edges(data=True)])


def check_gml(case):
    path = case.export("gml")
    g = nx.read_gml(path)  # keyed by label; numeric references decoded
    case.check_names("gml", list(g.nodes()), lambda n: n)
    for name, d in g.nodes(data=True):
        case.check_node("gml", name, d, True)
        case.same(f"gml {name!r} graphics x", d["graphics"]["x"], d["x"])
    case.check_edges("gml", [(a, b, d["weight"]) for a, b, d in g.edges(data=True)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # igraph warns that it skips the graphics lists
        ig = igraph.Graph.Read_GML(path)
    back = {igraph_gml_name(n): n for n in case.report}
    case.check_names("igraph gml", ig.vs["label"], igraph_gml_name)
    labels = ig.vs["label"]
    case.check_edges("igraph gml", [(back[labels[e.source]], back[labels[e.target]], e["weight"])
                                    for e in ig.es])


def check_json(case):
    path = case.export("json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data)
    case.check_names("json", [d["name"] for _, d in g.nodes(data=True)], lambda n: n)
    for _, d in g.nodes(data=True):
        case.check_node("json", d["name"], d, True, skip={"roles"})
        if case.expected.roles.get(d["name"]):  # an object, most credited first
            case.same(f"json {d['name']!r} roles", list(d["roles"].items()),
                      case.expected.roles_in_order(d["name"]))
    name = {v: d["name"] for v, d in g.nodes(data=True)}
    case.check_edges("json", [(name[a], name[b], d["weight"]) for a, b, d in g.edges(data=True)])


def check_vosviewer(case, graphml):
    path = case.export("vos.json")
    with open(path, encoding="utf-8") as f:
        network = json.load(f)["network"]
    back = {xml_name(n): n for n in case.report}
    labels = [html.unescape(item["label"]) for item in network["items"]]
    case.check_names("vosviewer", labels, xml_name)
    page = {d["name"]: d for _, d in graphml.nodes(data=True)}
    name = {}
    for item, label in zip(network["items"], labels):
        name[item["id"]] = back[label]
        attrs = dict(item["weights"], x=item["x"], y=item["y"], community=item["cluster"],
                     year_first=item["scores"].get("year_first"),
                     year_last=item["scores"].get("year_last"))
        case.check_node("vosviewer", back[label], attrs, True,
                        skip={"kind", "roles", "size", "color"})
        if case.expected.roles.get(back[label]):  # the role mix is in the HTML description
            description = html.unescape(item["description"])
            case.same(f"vosviewer {label!r} description roles",
                      description.endswith("; " + case.expected.roles_text(back[label])), True)
        case.same(f"vosviewer {label!r} y flipped", item["y"], -page[label]["y"])
        for metric in METRICS:
            case.same(f"vosviewer {label!r} score {metric}", item["scores"].get(metric),
                      item["weights"].get(metric))
    case.check_edges("vosviewer", [(name[link["source_id"]], name[link["target_id"]],
                                    link["strength"]) for link in network["links"]])
    clusters = {c["cluster"] for c in network["clusters"]}
    case.same("vosviewer clusters", clusters, {item["cluster"] for item in network["items"]})


def check_csv(case):
    path = case.export("csv")
    edges_path = path[: -len(".csv")] + ".edges.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    back = {csv_name(n): n for n in case.report}
    case.check_names("csv", [r["name"] for r in rows], csv_name)
    by_id = {}
    for r in rows:
        name = back[r["name"]]
        by_id[r["id"]] = name
        attrs = {k: (v if v != "" else None) for k, v in r.items()}
        case.check_node("csv", name, attrs, True)
    with open(edges_path, newline="", encoding="utf-8") as f:
        edge_rows = list(csv.DictReader(f))
    for r in edge_rows:
        case.same("csv edge names", (csv_name(by_id[r["source_id"]]), csv_name(by_id[r["target_id"]])),
                  (r["source"], r["target"]))
    case.check_edges("csv", [(by_id[r["source_id"]], by_id[r["target_id"]], r["weight"])
                             for r in edge_rows])


def check_case(collab, path, extra, work, label):
    case = Case(collab, path, extra, work, label)
    graphml = check_graphml(case, True)
    check_graphml(case, False)  # --layout none: no positions anywhere
    check_gexf(case, graphml)
    check_gml(case)
    check_json(case)
    check_vosviewer(case, graphml)
    check_csv(case)
    print(f"ok: {label}: {len(case.report)} nodes, {case.n_edges} edges, {case.checked} values "
          f"agree in {len(FORMATS)} formats")


def write_hostile(work):
    os.mkdir(os.path.join(work, "input"))
    path = os.path.join(work, "input", "hostile.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["person", "project", "role", "year"])
        w.writerows(HOSTILE_ROWS)
    return path


def main():
    collab, datasets = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        hostile = write_hostile(work)
        cases = [
            (os.path.join(datasets, "karate.csv"), [], "karate"),
            (os.path.join(datasets, "davis_southern_women.csv"), [], "davis"),
            (os.path.join(datasets, "davis_southern_women.csv"), ["--view", "bipartite"],
             "davis_bipartite"),
            (os.path.join(datasets, "thom_russo.csv"), [], "thom_russo"),
            (os.path.join(datasets, "thom_russo.csv"), ["--weighting", "newman"],
             "thom_russo_newman"),
            (hostile, [], "hostile"),
            (hostile, ["--view", "bipartite"], "hostile_bipartite"),
        ]
        for path, extra, label in cases:
            check_case(collab, path, extra, work, label)


if __name__ == "__main__":
    main()
