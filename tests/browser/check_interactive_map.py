#!/usr/bin/env python3
"""The HTML report's interactive map in headless Chromium (WebGL on SwiftShader), over the
DevTools protocol, with real mouse and keyboard events.

usage: check_interactive_map.py COLLAB DATASETS OUTPUT_DIR [--big CSV]
       check_interactive_map.py --measure PAGE.html OUTPUT_DIR

For datasets/thom_russo.csv it checks that
  - the console stays clean and nothing is requested outside the page,
  - the wheel zooms about the cursor, a drag pans by its distance, a two-finger pinch zooms by
    its spread, and Reset view fits the map again,
  - typing a name without its accents and in lower case ("mana" for Maná) offers it, and Enter
    selects it and zooms to it (centred, closer than the overview),
  - hovering a person shows its name and degree; clicking it highlights exactly its neighbours: as many as its degree in the report's
    ranking table, and the side panel lists that many; Escape clears the selection,
  - zooming in reveals more labels, every label shown stays shown, and no two drawn label
    boxes intersect, at three zoom levels,
  - the legend hides a community's people, the view downloads as SVG (well-formed) and PNG,
  - printing shows the static map (held in <noscript> until then) instead of the canvas.
For a CSV of hostile names (markup, script, formulas) it checks that nothing runs and that the
names come back as plain text in the search completion and the side panel. It checks that a
network of about 5,000 people gives a page of at most 3 MB, and writes screenshots of the
Thom Russo and tango pages at two zoom levels to OUTPUT_DIR. With --big CSV (the 100k-row
generated file) it measures the page's load time, the frame rate while dragging (counted with
requestAnimationFrame) and the time of a full frame, prints them and writes two screenshots;
only a generous sanity bound is asserted (timings belong to scripts/bench.sh). --measure
measures a page already written (scripts/bench.sh, stage html).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_html_report import (HOSTILE_NAMES, Browser, Failure,  # noqa: E402
                               check_console_and_network, expected_text, make_report,
                               write_hostile_csv)


def load(browser, path):
    url = "file://" + os.path.abspath(path)
    browser.load(url)
    ready = browser.evaluate("!!window.collabMap && !document.getElementById('imap').hidden")
    if not ready:
        raise Failure("%s: the interactive map did not start" % os.path.basename(path))
    browser.evaluate("collabMap.drawNow()")
    return url


def stage_origin(browser):
    return browser.evaluate(
        "(() => { const s = document.querySelector('.imap-stage'); s.scrollIntoView({block: 'center'});"
        " const r = s.getBoundingClientRect(); return [r.x + s.clientLeft, r.y + s.clientTop]; })()")


def mouse(browser, kind, x, y, buttons=0, button="none"):
    browser.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": button,
                                              "buttons": buttons, "clickCount": 1})


def click_at(browser, x, y):
    mouse(browser, "mouseMoved", x, y)
    mouse(browser, "mousePressed", x, y, 1, "left")
    mouse(browser, "mouseReleased", x, y, 0, "left")
    browser.settle(0.2)


def key(browser, name, code):
    for kind in ("rawKeyDown", "keyUp"):
        browser.call("Input.dispatchKeyEvent", {"type": kind, "key": name, "code": name,
                                                "windowsVirtualKeyCode": code})
    browser.settle(0.2)


def degree_in_table(browser, name):
    return browser.evaluate(
        "(() => { const h = Array.from(document.querySelector('#ranking thead tr').cells)"
        ".findIndex(th => th.textContent === 'degree');"
        " const row = Array.from(document.querySelectorAll('#ranking tbody tr'))"
        ".find(r => r.cells[1].textContent === %s);"
        " return row ? Number(row.cells[h].getAttribute('data-v')) : null; })()" % json.dumps(name))


def check_search(browser, problems, typed, want):
    browser.evaluate("document.getElementById('imap-search').focus()")
    browser.call("Input.insertText", {"text": typed})
    browser.settle(0.2)
    offered = browser.evaluate(
        "Array.from(document.querySelectorAll('#imap-suggest li')).map(li => li.textContent)")
    if want not in offered:
        problems.append("typing %r offers %s, not %r" % (typed, offered[:5], want))
        return
    before = browser.evaluate("collabMap.view()")
    key(browser, "Enter", 13)
    browser.evaluate("collabMap.drawNow()")
    k = browser.evaluate("collabMap.find(%s)" % json.dumps(want))
    got = browser.evaluate("collabMap.selected()")
    view = browser.evaluate("collabMap.view()")
    pos = browser.evaluate("collabMap.screen(%d)" % k)
    size = browser.evaluate("(() => { const s = document.querySelector('.imap-stage');"
                            " return [s.clientWidth, s.clientHeight]; })()")
    if got != k:
        problems.append("Enter after %r selected node %s, not %r (%d)" % (typed, got, want, k))
    if not (view["s"] > before["fit"] * 1.5):
        problems.append("the search did not zoom in: zoom %.3f, overview %.3f"
                        % (view["s"], before["fit"]))
    if abs(pos[0] - size[0] / 2) > 2 or abs(pos[1] - size[1] / 2) > 2:
        problems.append("%r is at %s after the search, not at the centre %s" % (want, pos, size))
    if not problems:
        print("ok: typing %r offers %r; Enter selects it and zooms to it (zoom %.2f, overview %.2f)"
              % (typed, want, view["s"], before["fit"]))
    key(browser, "Escape", 27)
    browser.evaluate("document.activeElement.blur()")


def shared_projects(csv_path, a, b):
    """The projects persons a and b are both credited on, read from the CSV independently."""
    import csv
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pa = {r["project"] for r in rows if r["person"] == a}
    pb = {r["project"] for r in rows if r["person"] == b}
    return pa & pb


def check_shared(browser, problems, shared):
    """shared = (neighbour, set of project names): the panel's line for the neighbour lists
    them (up to four, then 'and N more')."""
    other, projects = shared
    items = browser.evaluate(
        "(() => { const li = Array.from(document.querySelectorAll('#imap-panel ol > li'))"
        ".find(l => l.querySelector('button').textContent === %s);"
        " return li ? Array.from(li.querySelectorAll('ul.shared li')).map(x => x.textContent) : null; })()"
        % json.dumps(other))
    if items is None:
        problems.append("the side panel has no line for %r" % other)
        return
    named = [t for t in items if not t.startswith("and ")]
    more = sum(int(t.split()[1]) for t in items if t.startswith("and "))
    found = {p for p in projects if any(t.startswith(p) for t in named)}
    if len(named) + more != len(projects) or len(found) != len(named):
        problems.append("the panel lists %s for %r; the CSV says they share %s"
                        % (items, other, sorted(projects)))
    else:
        print("ok: the panel lists the %d projects shared with %r (%s)"
              % (len(projects), other, "; ".join(named)))


def check_click(browser, problems, name, shared=None):
    browser.evaluate("collabMap.reset()")
    browser.evaluate("collabMap.drawNow()")
    k = browser.evaluate("collabMap.find(%s)" % json.dumps(name))
    ox, oy = stage_origin(browser)
    pos = browser.evaluate("collabMap.screen(%d)" % k)
    click_at(browser, ox + pos[0], oy + pos[1])
    degree = degree_in_table(browser, name)
    got = browser.evaluate("collabMap.selected()")
    lit = browser.evaluate("collabMap.highlighted().length")
    listed = browser.evaluate("document.querySelectorAll('#imap-panel ol > li').length")
    heading = browser.evaluate("(document.querySelector('#imap-panel h3') || {}).textContent")
    if got != k:
        problems.append("clicking %r at %s selected node %s, not %d" % (name, pos, got, k))
    elif lit != degree or listed != degree or heading != name:
        problems.append("clicking %r highlights %s and lists %s neighbours under %r; its degree is %s"
                        % (name, lit, listed, heading, degree))
    else:
        print("ok: clicking %r highlights and lists exactly its %d neighbours" % (name, degree))
    tip = browser.evaluate("(() => { const t = document.getElementById('imap-tip');"
                           " return t.hidden ? null : Array.from(t.children).map(c => c.textContent); })()")
    if not tip or tip[0] != name or ("degree: %d" % degree) not in tip:
        problems.append("hovering %r shows %s, not its name and 'degree: %s'" % (name, tip, degree))
    if shared is not None:
        check_shared(browser, problems, shared)
    key(browser, "Escape", 27)
    if browser.evaluate("collabMap.selected()") != -1 or not browser.evaluate(
            "document.getElementById('imap-panel').hidden"):
        problems.append("Escape did not clear the selection")


def check_navigation(browser, problems):
    """Wheel zooms about the cursor, a drag pans, a two-finger pinch zooms, Reset view fits."""
    browser.evaluate("collabMap.reset(); collabMap.drawNow()")
    ox, oy = stage_origin(browser)
    fit = browser.evaluate("collabMap.view()")
    cx, cy = ox + 300, oy + 200
    page_at = lambda v: ((300 - v["tx"]) / v["s"], (200 - v["ty"]) / v["s"])
    before = page_at(fit)
    browser.call("Input.dispatchMouseEvent", {"type": "mouseWheel", "x": cx, "y": cy,
                                              "deltaX": 0, "deltaY": -400})
    browser.settle(0.3)
    wheel = browser.evaluate("collabMap.view()")
    after = page_at(wheel)
    if not (wheel["s"] > fit["s"] * 1.5) or abs(after[0] - before[0]) > 0.5 or \
            abs(after[1] - before[1]) > 0.5:
        problems.append("the wheel did not zoom in about the cursor: %s -> %s" % (fit, wheel))
    mouse(browser, "mouseMoved", cx, cy)
    mouse(browser, "mousePressed", cx, cy, 1, "left")
    for k in range(1, 11):
        mouse(browser, "mouseMoved", cx + 12 * k, cy + 5 * k, 1, "left")
    mouse(browser, "mouseReleased", cx + 120, cy + 50, 0, "left")
    browser.settle(0.3)
    drag = browser.evaluate("collabMap.view()")
    if abs(drag["tx"] - wheel["tx"] - 120) > 1 or abs(drag["ty"] - wheel["ty"] - 50) > 1 or \
            browser.evaluate("collabMap.selected()") != -1:
        problems.append("a drag of (120, 50) px moved the view by (%.1f, %.1f) or selected"
                        % (drag["tx"] - wheel["tx"], drag["ty"] - wheel["ty"]))
    touches = lambda d: [{"x": cx - d, "y": cy, "id": 1}, {"x": cx + d, "y": cy, "id": 2}]
    browser.call("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": touches(40)})
    for d in (50, 60, 70, 80):
        browser.call("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": touches(d)})
    browser.call("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    browser.settle(0.3)
    pinch = browser.evaluate("collabMap.view()")
    if abs(pinch["s"] / drag["s"] - 2.0) > 0.05:
        problems.append("pinching from 80 to 160 px zoomed by %.2f, not 2" % (pinch["s"] / drag["s"]))
    browser.click("#imap-reset")
    reset = browser.evaluate("collabMap.view()")
    if abs(reset["s"] - fit["s"]) > 1e-9 or abs(reset["tx"] - fit["tx"]) > 1e-6:
        problems.append("Reset view did not return to the overview: %s" % reset)
    if not problems:
        print("ok: the wheel zooms about the cursor (%.2f -> %.2f), a drag pans by its distance,"
              " a pinch zooms by its spread (x%.2f), Reset view fits the map again"
              % (fit["s"], wheel["s"], pinch["s"] / drag["s"]))


def boxes_intersect(a, b):
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and
            a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


def check_labels(browser, problems, tag):
    """At the overview and two closer zooms around the heaviest label: more labels each time,
    every label still on screen stays, and no two boxes intersect."""
    browser.evaluate("collabMap.reset()")
    browser.evaluate("collabMap.drawNow()")
    fit = browser.evaluate("collabMap.view().fit")
    first = browser.evaluate("collabMap.labels()[0].node")
    counts, previous = [], None
    for factor in (1, 2.5, 6):
        browser.evaluate("collabMap.centreOn(%d, %r); collabMap.drawNow()" % (first, fit * factor))
        labels = browser.evaluate("collabMap.labels()")
        eligible = browser.evaluate("collabMap.eligible()")
        counts.append(eligible)
        for i in range(len(labels)):
            for j in range(i + 1, len(labels)):
                if boxes_intersect(labels[i], labels[j]):
                    problems.append("%s: at %.1fx the labels of nodes %d and %d intersect"
                                    % (tag, factor, labels[i]["node"], labels[j]["node"]))
        shown = {b["node"] for b in labels}
        if previous is not None:
            for node in previous:
                p = browser.evaluate("collabMap.screen(%d)" % node)
                inside = browser.evaluate("(() => { const s = document.querySelector('.imap-stage');"
                                          " return [s.clientWidth, s.clientHeight]; })()")
                if 60 < p[0] < inside[0] - 60 and 20 < p[1] < inside[1] - 20 and node not in shown:
                    problems.append("%s: the label of node %d vanished when zooming in to %.1fx"
                                    % (tag, node, factor))
        previous = shown
    if not (counts[0] <= counts[1] <= counts[2] and counts[0] < counts[2]):
        problems.append("%s: zooming in does not reveal more labels: %s" % (tag, counts))
    else:
        print("ok: %s: labels shown at 1x, 2.5x, 6x: %s; no two boxes intersect" % (tag, counts))


def check_legend_and_downloads(browser, problems):
    browser.evaluate("collabMap.reset()")
    before = browser.evaluate("collabMap.visible()")
    browser.click("#imap-legend button")
    after = browser.evaluate("collabMap.visible()")
    browser.click("#imap-legend button")
    again = browser.evaluate("collabMap.visible()")
    if not (after < before and again == before):
        problems.append("the legend does not toggle a community: %s, %s, %s visible"
                        % (before, after, again))
    else:
        print("ok: the legend hides a community (%d of %d people left) and shows it again"
              % (after, before))
    svg = browser.evaluate("collabMap.svg()")
    try:
        root = ET.fromstring(svg)
        circles = len(root.findall("{http://www.w3.org/2000/svg}circle"))
        if circles < 10:
            problems.append("the SVG download draws only %d circles" % circles)
    except ET.ParseError as e:
        problems.append("the SVG download is not well-formed: %s" % e)
    png = browser.evaluate("collabMap.png()")
    if png < 5000:
        problems.append("the PNG download is only %d bytes of data URL" % png)


def choose_option(browser, select, value):
    browser.evaluate("(() => { const s = document.getElementById(%s); s.value = %s;"
                     " s.dispatchEvent(new Event('change')); collabMap.drawNow(); })()"
                     % (json.dumps(select), json.dumps(value)))


def check_colour_and_size(browser, problems, name):
    """Colour by degree: the person of highest degree takes the top of the viridis ramp; size
    by degree: a higher degree never gives a smaller disc; back to the map's own colours."""
    k = browser.evaluate("collabMap.find(%s)" % json.dumps(name))
    own = browser.evaluate("collabMap.colour(%d)" % k)
    choose_option(browser, "imap-color", "m:degree")
    top = browser.evaluate("collabMap.colour(%d)" % k)
    legend = browser.evaluate("document.querySelectorAll('#imap-legend button').length")
    choose_option(browser, "imap-size", "m:degree")
    pairs = browser.evaluate(
        "(() => { const D = JSON.parse(document.getElementById('imap-data').textContent);"
        " const deg = D.metrics.find(m => m.name === 'degree').v;"
        " return deg.map((d, i) => [d, collabMap.size(i)]); })()")
    monotone = all(b[1] >= a[1] - 1e-9 for a, b in zip(sorted(pairs), sorted(pairs)[1:]))
    choose_option(browser, "imap-color", "map")
    choose_option(browser, "imap-size", "map")
    back = browser.evaluate("collabMap.colour(%d)" % k)
    if top != [253, 231, 37] or legend != 0 or not monotone or back != own:
        problems.append("colour/size by degree: %r is %s (want the top of viridis), legend %d,"
                        " sizes monotone %s, back to %s from %s" % (name, top, legend, monotone,
                                                                    back, own))
    else:
        print("ok: colour by degree puts %r at the top of viridis, size by degree is monotone,"
              " and the map's own colours come back" % name)


def check_print(browser, problems):
    """Printing shows the static map (parsed from its <noscript> on beforeprint), not the
    interactive one; on screen the static map stays hidden."""
    held = browser.evaluate("!!document.getElementById('map-static')"
                            " && !document.querySelector('#map figure.map svg')")
    browser.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    screen = browser.evaluate("document.querySelector('#map figure.map svg')"
                              ".getBoundingClientRect().width")
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    printed = browser.evaluate(
        "({svg: document.querySelector('#map figure.map svg').getBoundingClientRect().width,"
        " live: document.getElementById('imap').getBoundingClientRect().width})")
    browser.call("Emulation.setEmulatedMedia", {"media": ""})
    if not held or screen != 0 or printed["svg"] < 100 or printed["live"] != 0:
        problems.append("print: static map held %s, on screen %s px wide, printed %s"
                        % (held, screen, printed))
    else:
        print("ok: the static map waits in <noscript>; printing shows it (%.0f px wide) and not"
              " the interactive map" % printed["svg"])


def check_hostile(browser, path, problems):
    url = load(browser, path)
    for name in HOSTILE_NAMES[:4]:
        typed = name[1:6]
        browser.evaluate("(() => { const s = document.getElementById('imap-search');"
                         " s.value = ''; s.focus(); })()")
        browser.call("Input.insertText", {"text": typed})
        browser.settle(0.15)
        offered = browser.evaluate(
            "Array.from(document.querySelectorAll('#imap-suggest li')).map(li => li.textContent)")
        if expected_text(name) not in offered:
            problems.append("typing %r does not offer the hostile name %r as text: %s"
                            % (typed, name, offered))
    key(browser, "Enter", 13)
    panel = browser.evaluate("document.getElementById('imap-panel').textContent")
    checks = browser.evaluate(
        "({pwned: typeof window.__pwned, images: document.images.length,"
        " handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
        ".some(a => a.name.startsWith('on'))).length,"
        " names: JSON.parse(document.getElementById('imap-data').textContent).names})")
    if checks["pwned"] != "undefined" or checks["images"] or checks["handlers"]:
        problems.append("a hostile name became code or markup on the interactive map: %s"
                        % {k: checks[k] for k in ("pwned", "images", "handlers")})
    missing = [n for n in HOSTILE_NAMES if expected_text(n) not in checks["names"]]
    if missing:
        problems.append("hostile names changed in the map's data: %s" % missing)
    if not panel:
        problems.append("the side panel is empty after selecting a hostile name")
    browser.settle(0.3)
    check_console_and_network(browser, url, problems)
    if not problems:
        print("ok: hostile names stay inert text in the completion, the panel and the data")


def screenshots(browser, path, outdir, stem, zoom):
    load(browser, path)
    browser.evaluate("document.querySelector('.imap-stage').scrollIntoView({block: 'center'})")
    browser.settle(0.3)
    out = []
    for label, factor in (("overview", None), ("zoom", zoom)):
        if factor is not None:
            browser.evaluate("(() => { const v = collabMap.view(), first = collabMap.labels()[0].node;"
                             " collabMap.centreOn(first, v.fit * %r); collabMap.drawNow(); })()"
                             % factor)
            browser.settle(0.3)
        name = os.path.join(outdir, "interactive_%s_%s.png" % (stem, label))
        with open(name, "wb") as f:
            f.write(browser.screenshot())
        out.append(name)
    # The heaviest person selected, at the overview: neighbours highlighted, the side panel.
    browser.evaluate("collabMap.reset(); collabMap.drawNow()")
    first = browser.evaluate("collabMap.labels()[0].node")
    ox, oy = stage_origin(browser)
    pos = browser.evaluate("collabMap.screen(%d)" % first)
    click_at(browser, ox + pos[0], oy + pos[1])
    browser.evaluate("collabMap.drawNow()")
    browser.settle(0.3)
    name = os.path.join(outdir, "interactive_%s_selected.png" % stem)
    with open(name, "wb") as f:
        f.write(browser.screenshot())
    out.append(name)
    return out


def measure_big(browser, path, outdir, problems, stem="c100k"):
    size = os.path.getsize(path)
    t0 = time.time()
    url = load(browser, path)
    wall = time.time() - t0
    nav = browser.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                           " return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()")
    n = browser.evaluate("JSON.parse(document.getElementById('imap-data').textContent).n")
    # A full frame, waited for: readPixels returns only when the GPU (here SwiftShader) is done.
    full = browser.evaluate(
        "(() => { const g = document.getElementById('imap-gl').getContext('webgl');"
        " const px = new Uint8Array(4); const t0 = performance.now();"
        " for (let i = 0; i < 5; i++) { collabMap.panBy(1, 0); collabMap.drawNow();"
        " g.readPixels(0, 0, 1, 1, g.RGBA, g.UNSIGNED_BYTE, px); }"
        " return (performance.now() - t0) / 5; })()")
    ox, oy = stage_origin(browser)
    browser.evaluate("window.__frames = 0; window.__counting = true; (function f() {"
                     " if (window.__counting) { window.__frames++; requestAnimationFrame(f); } })()")
    x, y = ox + 400, oy + 300
    mouse(browser, "mouseMoved", x, y)
    mouse(browser, "mousePressed", x, y, 1, "left")
    start = browser.evaluate("performance.now()")
    steps = 0
    while browser.evaluate("performance.now()") - start < 3000:
        steps += 1
        # As fast as the page takes them, as a real drag sends them (one per input frame).
        mouse(browser, "mouseMoved", x + (steps % 200) * 2, y + (steps % 100), 1, "left")
    elapsed = browser.evaluate("performance.now()") - start
    mouse(browser, "mouseReleased", x, y, 0, "left")
    frames = browser.evaluate("window.__counting = false; window.__frames")
    fps = frames / (elapsed / 1000.0)
    print("measured: %s: %d nodes, %.1f MB, loaded in %.2f s (DOMContentLoaded %.0f ms,"
          " load %.0f ms, map started); full frame %.0f ms; dragging: %d pointer moves, %.1f"
          " frames per second (requestAnimationFrame)"
          % (os.path.basename(path), n, size / 1e6, wall, nav[0], nav[1], full, steps, fps))
    if nav[1] > 30000:
        problems.append("the big page took %.0f ms to load" % nav[1])
    browser.settle(0.3)
    check_console_and_network(browser, url, problems)
    return screenshots(browser, path, outdir, stem, 12)


def measure_only(page, outdir):
    problems = []
    browser = Browser(webgl=True)
    try:
        stem = os.path.splitext(os.path.basename(page))[0]
        print("screenshots: " + " ".join(measure_big(browser, page, outdir, problems, stem)))
    except Failure as e:
        problems.append(str(e))
    finally:
        browser.close()
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


def main(argv):
    args = argv[1:]
    if len(args) == 3 and args[0] == "--measure":
        return measure_only(args[1], args[2])
    big = None
    if "--big" in args:
        i = args.index("--big")
        big = args[i + 1]
        del args[i:i + 2]
    if len(args) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    collab, datasets, outdir = args
    os.makedirs(outdir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="collab-imap-")
    problems = []
    browser = None
    try:
        russo = os.path.join(work, "thom_russo.html")
        make_report(collab, os.path.join(datasets, "thom_russo.csv"), russo, ["--all"])
        hostile_csv = os.path.join(work, "hostile.csv")
        write_hostile_csv(hostile_csv)
        hostile = os.path.join(work, "hostile.html")
        make_report(collab, hostile_csv, hostile, ["--all"])
        gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts",
                           "gen_credits")
        five = os.path.join(work, "c5k.csv")
        with open(five, "w") as f:
            subprocess.run([gen, "--rows", "16000", "--seed", "1"], check=True, stdout=f)
        five_html = os.path.join(work, "c5k.html")
        make_report(collab, five, five_html)
        with open(five_html, encoding="utf-8") as f:
            text = f.read()
        people = json.loads(text[text.index('id="imap-data">') + 15:
                                 text.index("</script>", text.index('id="imap-data">'))])["n"]
        size = os.path.getsize(five_html)
        if people < 4900 or size > 3e6:
            problems.append("the page of %d people is %.2f MB (at most 3 MB for ~5,000)"
                            % (people, size / 1e6))
        else:
            print("ok: the page of %d people is %.2f MB" % (people, size / 1e6))

        browser = Browser(webgl=True)
        url = load(browser, russo)
        check_navigation(browser, problems)
        check_search(browser, problems, "mana", "Maná")
        russo_csv = os.path.join(datasets, "thom_russo.csv")
        check_click(browser, problems, "Thom Russo",
                    ("Rick Rubin", shared_projects(russo_csv, "Thom Russo", "Rick Rubin")))
        check_click(browser, problems, "Rick Rubin")
        check_labels(browser, problems, "thom_russo")
        check_colour_and_size(browser, problems, "Thom Russo")
        check_legend_and_downloads(browser, problems)
        check_print(browser, problems)
        browser.settle(0.3)
        check_console_and_network(browser, url, problems)
        check_hostile(browser, hostile, problems)
        shots = screenshots(browser, russo, outdir, "thom_russo", 3)
        tango_csv = os.path.join(datasets, "tango", "tango_credits.csv")
        if os.path.exists(tango_csv):
            tango = os.path.join(work, "tango.html")
            make_report(collab, tango_csv, tango)
            load(browser, tango)
            check_labels(browser, problems, "tango")
            shots += screenshots(browser, tango, outdir, "tango", 8)
        if big is not None:
            big_html = os.path.join(work, "big.html")
            make_report(collab, big, big_html)
            shots += measure_big(browser, big_html, outdir, problems)
        print("screenshots: " + " ".join(shots))
    except (Failure, subprocess.CalledProcessError, OSError) as e:
        problems.append(str(e))
    finally:
        if browser is not None:
            browser.close()
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print("FAIL: " + p)
    if not problems:
        print("ok: the interactive map searches, highlights, labels without overlap, stays inert")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
