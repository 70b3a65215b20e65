#!/usr/bin/env python3
"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol.

usage: check_html_report.py COLLAB DATASETS OUTPUT_DIR
       check_html_report.py --page FILE.html [--screenshot OUT.png]
       check_html_report.py --reproducible COLLAB DATASETS

For the shipped dataset and for a CSV of hostile names it writes the report (twice, with
SOURCE_DATE_EPOCH set, and checks the two are byte-identical), then loads it from file:// and
checks that
  - the console shows no error or warning and no script throws,
  - the page requests nothing but its own file,
  - the map's <svg> has a non-zero box inside the first screen and is visibly drawn (pixels of
    the screenshot under it are not all background),
  - clicking a column heading (a real mouse click) reorders the rows into that column's order,
    and a second click reverses it,
  - every inline SVG (map and plots) is well-formed XML,
  - with hostile names: no alert dialog opens, nothing sets window.__pwned, the page has only its
    own script and no event-handler attribute, and each name reads back as plain text.
A full-page screenshot goes to OUTPUT_DIR/html_report.png (and the hostile one's beside it) for
a person to look at. Then the checks are run on deliberately broken copies of the page (a script
error, a network request, no map, a sort that does nothing) and each must fail, so a passing
run means the checks can see a failure. --page checks one given page with the generic checks and
exits 1 on any failure. --reproducible needs no browser: with SOURCE_DATE_EPOCH the page is
byte-identical across runs and output names, another epoch changes only the date, standard input
gets no checksum, and `collab communities` refuses --format html. Uses only Debian packages:
chromium and python3-websocket.
"""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request
import xml.etree.ElementTree as ET
import zlib

import websocket

EPOCH = "1700000000"
HOSTILE_NAMES = [
    "<script>window.__pwned=1;alert(1)</script>",
    "\"onmouseover=\"window.__pwned=2\" x=\"",
    "'><img src=x onerror=\"window.__pwned=3\">",
    "</script><script>window.__pwned=4</script>",
    "&amp; &lt;b&gt; Tom & Jerry",
    "Bell\x07 Esc\x1b[31m Red",
    "Line\u2028Separator \u2029 Para",
    "<svg onload=\"window.__pwned=5\"></svg>",
    "{{constructor.constructor('window.__pwned=6')()}}",
]


class Failure(Exception):
    pass


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise Failure("chromium not found (Debian package chromium; scripts/common.sh installs it)")


class Browser:
    """One headless Chromium with one page, spoken to over the DevTools protocol."""

    def __init__(self, webgl=True):
        self.profile = tempfile.mkdtemp(prefix="collab-chromium-")
        # Without a GPU, WebGL runs on SwiftShader (a CPU renderer) only when asked to.
        gpu = (["--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist"]
               if webgl else ["--disable-gpu"])
        args = [
            find_chromium(), "--headless=new"] + gpu + ["--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update",
            "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            "--remote-debugging-port=0", "--remote-allow-origins=*",
            "--user-data-dir=" + self.profile, "--window-size=1280,900", "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._port()
        target = self._page_target(port)
        self.ws = websocket.create_connection(target, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable")

    def _port(self):
        active = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while time.time() < deadline:
            if os.path.exists(active):
                with open(active) as f:
                    first = f.readline().strip()
                if first.isdigit():
                    return int(first)
            if self.proc.poll() is not None:
                raise Failure("chromium exited with status %d" % self.proc.returncode)
            time.sleep(0.1)
        raise Failure("chromium did not open its DevTools port")

    def _page_target(self, port):
        deadline = time.time() + 30
        while time.time() < deadline:
            with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=5) as r:
                for t in json.load(r):
                    if t.get("type") == "page" and "webSocketDebuggerUrl" in t:
                        return t["webSocketDebuggerUrl"]
            time.sleep(0.1)
        raise Failure("chromium has no page target")

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _receive(self):
        msg = json.loads(self.ws.recv())
        if "method" in msg:
            self.events.append(msg)
            if msg["method"] == "Page.javascriptDialogOpening":
                # Leave no dialog open: it would block the page; the event is the evidence.
                self.send("Page.handleJavaScriptDialog", {"accept": False})
        return msg

    def send(self, method, params=None):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params or {}}))
        return self.next_id

    def call(self, method, params=None):
        mid = self.send(method, params)
        while True:
            msg = self._receive()
            if msg.get("id") == mid:
                if "error" in msg:
                    raise Failure("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})

    def wait_event(self, method, timeout=30, since=0):
        """The first `method` event at or after index `since` of self.events."""
        deadline = time.time() + timeout
        try:
            while True:
                for e in self.events[since:]:
                    if e["method"] == method:
                        return e
                since = len(self.events)
                if time.time() >= deadline:
                    break
                self.ws.settimeout(max(0.1, deadline - time.time()))
                try:
                    self._receive()
                except websocket.WebSocketTimeoutException:
                    break
        finally:
            self.ws.settimeout(30)
        raise Failure("no %s within %d s" % (method, timeout))

    def settle(self, seconds=0.3):
        """Reads events for a while (late console messages, requests)."""
        deadline = time.time() + seconds
        try:
            while time.time() < deadline:
                self.ws.settimeout(max(0.05, deadline - time.time()))
                try:
                    self._receive()
                except websocket.WebSocketTimeoutException:
                    return
        finally:
            self.ws.settimeout(30)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise Failure("evaluating %r threw: %s" % (expression[:60], result["exceptionDetails"]))
        return result["result"].get("value")

    def load(self, url):
        self.events = []
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")  # self.events was emptied just before
        self.settle(0.5)

    def click(self, selector):
        """A real mouse click in the middle of the element (scrolled into view first)."""
        box = self.evaluate(
            "(() => { const e = document.querySelector(%s); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()" % json.dumps(selector))
        if box is None:
            raise Failure("nothing to click at %s" % selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})
        self.settle(0.2)

    def screenshot(self, clip=None, full=False):
        params = {"format": "png"}
        if full:
            height = self.evaluate("document.documentElement.scrollHeight")
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": 1280, "height": int(height), "deviceScaleFactor": 1,
                       "mobile": False})
        if clip is not None:
            params["clip"] = dict(clip, scale=1)
            params["captureBeyondViewport"] = True
        data = base64.b64decode(self.call("Page.captureScreenshot", params)["data"])
        if full:
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        return data


def png_pixels(data):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    pos, chunks = 8, []
    width = height = colour = None
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[0:4], "big"), int.from_bytes(body[4:8], "big")
            depth, colour, interlace = body[8], body[9], body[12]
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                raise Failure("unexpected PNG format from chromium")
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


# ---- the checks ------------------------------------------------------------------------------

def check_console_and_network(browser, url, problems):
    for e in browser.events:
        m, p = e["method"], e["params"]
        if m == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            problems.append("script exception: %s" % d.get("exception", {}).get("description", d.get("text")))
        elif m == "Runtime.consoleAPICalled" and p["type"] in ("error", "warning", "assert"):
            problems.append("console.%s: %s" % (p["type"], [a.get("value") for a in p["args"]]))
        elif m == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
            problems.append("console %s: %s" % (p["entry"]["level"], p["entry"]["text"]))
        elif m == "Network.requestWillBeSent" and p["request"]["url"] != url:
            problems.append("network request: %s" % p["request"]["url"][:120])
        elif m == "Page.javascriptDialogOpening":
            problems.append("a %s dialog opened: %r" % (p["type"], p["message"]))


def check_map(browser, problems):
    """The map on screen: the interactive one when the browser runs it (its stage), else the
    static SVG; either way the static SVG must be in the page (it is the printed map; under the
    interactive map it is held in <noscript> until the page is printed)."""
    box = browser.evaluate(
        "(() => { const ns = document.getElementById('map-static');"
        " const held = ns && !ns.getAttribute('data-shown') ? (() => {"
        " const t = document.createElement('template'); t.innerHTML = ns.textContent;"
        " return t.content.querySelector('figure.map svg'); })() : null;"
        " const s = held || document.querySelector('#map figure.map svg'); if (!s) return null;"
        " const m = document.getElementById('imap');"
        " const live = m && !m.hidden ? m.querySelector('.imap-stage') : null;"
        " const r = (live || s).getBoundingClientRect();"
        " return {x: r.x, y: r.y, w: r.width, h: r.height, vw: innerWidth, vh: innerHeight,"
        " marks: s.querySelectorAll('path, use, circle, rect').length}; })()")
    if box is None:
        problems.append("the page has no map <svg>")
        return
    if box["w"] < 100 or box["h"] < 100:
        problems.append("the map is %.0f x %.0f px" % (box["w"], box["h"]))
        return
    if box["x"] < 0 or box["y"] < 0 or box["x"] + box["w"] > box["vw"] or box["y"] >= box["vh"]:
        problems.append("the map is not in the first screen: %s" % box)
    if box["marks"] < 10:
        problems.append("the map draws only %d marks" % box["marks"])
    shot = browser.screenshot(clip={"x": box["x"], "y": box["y"], "width": box["w"],
                                    "height": box["h"]})
    width, height, rows = png_pixels(shot)
    background = rows[height // 2][2]
    drawn = sum(1 for row in rows[::4] for px in row[::4]
                if sum(abs(px[i] - background[i]) for i in range(3)) > 60)
    share = drawn / float(len(rows[::4]) * len(rows[0][::4]))
    if share < 0.01:
        problems.append("the map looks blank: %.2f%% of its pixels differ from the background"
                        % (100 * share))


def table_column(browser, col, attribute=None):
    expr = ("Array.from(document.querySelector('#ranking table').tBodies[0].rows)"
            ".map(r => %s)" % ("r.cells[%d].getAttribute(%s)" % (col, json.dumps(attribute))
                               if attribute else "r.cells[%d].textContent" % col))
    return browser.evaluate(expr)


def heading_index(browser, name):
    return browser.evaluate(
        "Array.from(document.querySelector('#ranking thead tr').cells)"
        ".findIndex(th => th.textContent === %s)" % json.dumps(name))


def expected_numeric(values, ranks, descending):
    def key(i):
        v = float(values[i])
        return (v != v, 0 if v != v else (-v if descending else v), int(ranks[i]))
    return sorted(range(len(values)), key=key)


def check_sort(browser, problems, metric="degree"):
    col = heading_index(browser, metric)
    if col is None or col < 0:
        problems.append("no '%s' column in the ranking" % metric)
        return
    names = table_column(browser, 1)
    values = table_column(browser, col, "data-v")
    ranks = table_column(browser, 0)
    if names is None or len(names) < 2:
        problems.append("the ranking table has fewer than two rows")
        return
    for descending in (True, False):
        browser.click("#ranking thead th:nth-child(%d) button" % (col + 1))
        want = [names[i] for i in expected_numeric(values, ranks, descending)]
        got = table_column(browser, 1)
        state = browser.evaluate("document.querySelector('#ranking thead th:nth-child(%d)')"
                                 ".getAttribute('aria-sort')" % (col + 1))
        direction = "descending" if descending else "ascending"
        if got != want:
            problems.append("clicking '%s' (%s) gave %s..., expected %s..."
                            % (metric, direction, got[:4], want[:4]))
        if state != direction:
            problems.append("after clicking '%s', aria-sort is %r, not %r"
                            % (metric, state, direction))
    if got == names and want != names:
        problems.append("sorting did not change the row order")


def check_name_sort(browser, problems):
    """Names sort ascending on the first click, in the order of an independent Intl.Collator
    sort (ties by rank), and plain names (letters, digits, spaces) also in the order of a
    comparison without case and accents."""
    names_before = table_column(browser, 1)
    ranks_before = table_column(browser, 0)
    browser.click("#ranking thead th:nth-child(2) button")
    got = table_column(browser, 1)
    want = browser.evaluate(
        "(() => { const c = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});"
        " const n = %s, r = %s; return n.map((x, i) => i)"
        ".sort((a, b) => c.compare(n[a], n[b]) || Number(r[a]) - Number(r[b]))"
        ".map(i => n[i]); })()" % (json.dumps(names_before), json.dumps(ranks_before)))
    if got != want:
        problems.append("clicking 'name' gave %s..., expected %s..." % (got[:4], want[:4]))

    def fold(s):
        return "".join(c for c in unicodedata.normalize("NFD", s.casefold())
                       if not unicodedata.combining(c))
    plain = [fold(n) for n in got if re.fullmatch(r"[\w ]+", n)]
    if plain != sorted(plain):
        problems.append("clicking 'name' did not sort the names alphabetically: %s..." % plain[:5])


def check_svgs_parse(html, problems):
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)  # the map script writes SVG
    for i, svg in enumerate(re.findall(r"<svg\b.*?</svg>", html, re.S)):
        try:
            ET.fromstring(svg)
        except ET.ParseError as e:
            problems.append("inline SVG %d is not well-formed XML: %s" % (i, e))


def check_page(browser, path, problems, sort_metric="degree", screenshot=None):
    url = "file://" + os.path.abspath(path)
    browser.load(url)
    check_map(browser, problems)
    check_sort(browser, problems, sort_metric)
    check_name_sort(browser, problems)
    browser.settle(0.3)
    check_console_and_network(browser, url, problems)
    with open(path, encoding="utf-8") as f:
        check_svgs_parse(f.read(), problems)
    if screenshot is not None:
        browser.load(url)  # as a reader first sees it, not as the clicks above left it
        with open(screenshot, "wb") as f:
            f.write(browser.screenshot(full=True))


def expected_text(name):
    """A name as the page shows it: tab, LF, CR as spaces, other controls as U+FFFD."""
    out = []
    for c in name:
        if c in "\t\n\r":
            out.append(" ")
        elif ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0:
            out.append("\ufffd")
        else:
            out.append(c)
    return "".join(out)


def check_hostile(browser, path, problems):
    checks = browser.evaluate(
        "({pwned: typeof window.__pwned, scripts: Array.from(document.scripts)"
        ".filter(s => s.type !== 'application/json').length,"
        " data: Array.from(document.scripts).filter(s => s.type === 'application/json').length,"
        " handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
        ".some(a => a.name.startsWith('on'))).length,"
        " images: document.images.length,"
        " names: Array.from(document.querySelectorAll('#ranking tbody td.name'))"
        ".map(td => td.textContent)})")
    if checks["pwned"] != "undefined":
        problems.append("a hostile name ran code: window.__pwned is set")
    if checks["scripts"] != 1 or checks["data"] > 1:
        problems.append("the page has %d scripts and %d data blocks, not its own one and the map's"
                        % (checks["scripts"], checks["data"]))
    if checks["handlers"] != 0 or checks["images"] != 0:
        problems.append("a hostile name became markup: %d on* attributes, %d images"
                        % (checks["handlers"], checks["images"]))
    shown = set(checks["names"])
    for name in HOSTILE_NAMES:
        if expected_text(name) not in shown:
            problems.append("the name %r does not read back as text" % name)


# ---- the runs --------------------------------------------------------------------------------

def make_report(collab, csv, out, extra=()):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    cmd = [collab, "report", csv, "--format", "html", "--no-progress", "-o", out] + list(extra)
    subprocess.run(cmd, check=True, env=env)


def write_hostile_csv(path):
    people = HOSTILE_NAMES + ["Ann", "Bob"]
    rows = ["person,project,role,year"]

    def q(s):
        return '"' + s.replace('"', '""') + '"'
    for i, p in enumerate(people):
        rows.append(",".join([q(p), q("<b>Album</b> %d" % (i % 3)),
                              q("<i>role</i>\" onclick=\"x"), str(1990 + i)]))
        rows.append(",".join([q(p), q("Shared & <Project>"), "producer", "2000"]))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def broken_variants(html):
    """Copies of a good page with one fault each, and the fault's name."""
    script_at = html.index("<script>")
    csp = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n')
    return [
        ("script error", csp.sub("", html[:script_at]) + "<script>undefined_function();"
         "</script>\n" + html[script_at:]),
        ("network request", csp.sub("", html).replace(
            "</main>", '<img src="http://127.0.0.1:9/pixel.png" alt=""></main>')),
        ("no map", re.sub(r'<div class="imap".*?</script>\n</div>\n', "",
                          re.sub(r'<figure class="map">.*?</figure>', "", html, flags=re.S),
                          flags=re.S)),
        ("sort that does nothing", html.replace("body.appendChild(k.row);", "void k;")),
    ]


def self_test(browser, good_path, workdir):
    """Each broken variant must fail the checks: a passing run means they can fail."""
    with open(good_path, encoding="utf-8") as f:
        html = f.read()
    problems = []
    for fault, text in broken_variants(html):
        path = os.path.join(workdir, "broken.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        found = []
        try:
            check_page(browser, path, found)
        except Failure as e:
            found.append(str(e))
        if not found:
            problems.append("the checks missed a page with a %s" % fault)
        else:
            print("ok: a page with a %s fails: %s" % (fault, found[0][:100]))
    return problems


def check_reproducible(collab, datasets):
    problems = []
    work = tempfile.mkdtemp(prefix="collab-html-")
    try:
        russo = os.path.join(datasets, "thom_russo.csv")
        pages = []
        for name, epoch in (("a.html", EPOCH), ("b.html", EPOCH), ("c.html", "86400")):
            out = os.path.join(work, name)
            env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
            subprocess.run([collab, "report", russo, "--format", "html", "-o", out], check=True,
                           env=env)
            with open(out, "rb") as f:
                pages.append(f.read())
        if pages[0] != pages[1]:
            problems.append("two runs with one SOURCE_DATE_EPOCH differ")
        a, c = pages[0].decode().splitlines(), pages[2].decode().splitlines()
        diff = [(x, y) for x, y in zip(a, c) if x != y]
        if len(a) != len(c) or diff != [("<dt>generated</dt><dd>2023-11-14 22:13:20 UTC</dd>",
                                          "<dt>generated</dt><dd>1970-01-02 00:00:00 UTC</dd>")]:
            problems.append("another SOURCE_DATE_EPOCH changed more than the date: %s" % diff[:3])
        # The page names the input by its file name; the full path only with --provenance-path.
        page = pages[0].decode()
        absolute = os.path.abspath(russo)
        if absolute in page or "<dd><code>thom_russo.csv</code></dd>" not in page:
            problems.append("the page shows the input's folders or not its file name")
        full = os.path.join(work, "full.html")
        subprocess.run([collab, "report", absolute, "--format", "html", "--provenance-path",
                        "-o", full], check=True, env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
        with open(full, encoding="utf-8") as f:
            text = f.read()
        if ("<dd><code>%s</code></dd>" % absolute) not in text or \
                '<p class="sub">thom_russo.csv &#183;' not in text:
            problems.append("--provenance-path does not put the full path in the provenance "
                            "(and only there)")
        with open(russo, "rb") as f:
            data = f.read()
        piped = subprocess.run([collab, "report", "-", "--format", "html", "--no-map"],
                               input=data, capture_output=True, check=True,
                               env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)).stdout.decode()
        if "not available (read from standard input)" not in piped or "has no map" not in piped:
            problems.append("a page from standard input names no checksum or map state")
        bad = subprocess.run([collab, "report", russo, "--format", "html", "-o",
                              os.path.join(work, "x.html")], capture_output=True,
                             env=dict(os.environ, SOURCE_DATE_EPOCH="yesterday"))
        if bad.returncode != 2 or b"SOURCE_DATE_EPOCH 'yesterday'" not in bad.stderr:
            problems.append("a malformed SOURCE_DATE_EPOCH was accepted: %r" % bad.stderr)
        refused = subprocess.run([collab, "communities", russo, "--format", "html"],
                                 capture_output=True)
        if refused.returncode != 2:
            problems.append("collab communities --format html did not fail with status 2")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print("FAIL: " + p)
    if not problems:
        print("ok: HTML report reproducible with SOURCE_DATE_EPOCH; stdin and errors handled")
    return 1 if problems else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "--reproducible":
        return check_reproducible(argv[2], argv[3])
    if len(argv) >= 3 and argv[1] == "--page":
        browser = Browser()
        problems = []
        try:
            shot = argv[4] if len(argv) >= 5 and argv[3] == "--screenshot" else None
            check_page(browser, argv[2], problems, screenshot=shot)
        finally:
            browser.close()
        for p in problems:
            print("FAIL: " + p)
        return 1 if problems else 0
    if len(argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    collab, datasets, outdir = argv[1:]
    os.makedirs(outdir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="collab-html-")
    problems = []
    browser = None
    try:
        russo = os.path.join(datasets, "thom_russo.csv")
        first, second = os.path.join(work, "report.html"), os.path.join(work, "again.html")
        make_report(collab, russo, first)
        make_report(collab, russo, second)
        with open(first, "rb") as a, open(second, "rb") as b:
            if a.read() != b.read():
                problems.append("two runs with SOURCE_DATE_EPOCH gave different pages")
        hostile_csv = os.path.join(work, "evil<i>\"'&.csv")
        write_hostile_csv(hostile_csv)
        hostile = os.path.join(work, "hostile.html")
        make_report(collab, hostile_csv, hostile, ["--all"])

        browser = Browser()
        check_page(browser, first, problems,
                   screenshot=os.path.join(outdir, "html_report.png"))
        check_page(browser, hostile, problems, sort_metric="strength",
                   screenshot=os.path.join(outdir, "html_report_hostile.png"))
        check_hostile(browser, hostile, problems)
        problems += self_test(browser, first, work)
    except (Failure, subprocess.CalledProcessError, OSError) as e:
        problems.append(str(e))
    finally:
        if browser is not None:
            browser.close()
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print("FAIL: " + p)
    if not problems:
        print("ok: report loads cleanly, requests nothing, shows its map, sorts, escapes names;"
              " screenshots in %s" % outdir)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
