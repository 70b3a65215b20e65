/* collab's interactive map: a small WebGL renderer for the HTML report.
 *
 * The page carries the map's scene as data (<script type="application/json" id="imap-data">,
 * written by engine/src/report_html_map.c): node positions, radii and colours in page units (the
 * static SVG map's own), edges as index pairs, and each label's threshold zoom, computed in C so
 * that labels never overlap at any zoom. This script only draws: nodes as point sprites and
 * edges as lines on a WebGL canvas, labels on a 2D canvas above it. Zoom is in pixels per page
 * unit; a label shows when its threshold is at most the zoom. Names reach the page only as
 * textContent and canvas text. Nothing here depends on the data, so the page's
 * Content-Security-Policy can admit this script by its hash. */
(function () {
  "use strict";
  /* The static map is kept as <noscript> text while the script runs: it enters the page for
   * print, or at once when the interactive map cannot run. */
  function staticMap() {
    var ns = document.getElementById("map-static");
    if (!ns || ns.getAttribute("data-shown")) { return; }
    ns.setAttribute("data-shown", "1");
    var t = document.createElement("template");
    t.innerHTML = ns.textContent;
    ns.parentNode.insertBefore(t.content, ns.nextSibling);
  }
  window.addEventListener("beforeprint", staticMap);
  var root = document.getElementById("imap");
  var dataNode = document.getElementById("imap-data");
  if (!root || !dataNode) { staticMap(); return; }
  var D;
  try { D = JSON.parse(dataNode.textContent); } catch (e) { staticMap(); return; }
  var glCanvas = document.getElementById("imap-gl");
  var gl = glCanvas.getContext("webgl", {antialias: false, preserveDrawingBuffer: false,
                                         premultipliedAlpha: false, alpha: false});
  if (!gl) { staticMap(); return; }
  root.hidden = false;
  root.parentNode.classList.add("has-imap");

  var N = D.n;
  var X = new Float32Array(N), Y = new Float32Array(N), R = new Float32Array(N);
  var i, j;
  for (i = 0; i < N; i++) { X[i] = D.x[i] / 10; Y[i] = D.y[i] / 10; R[i] = D.r[i] / 10; }
  var E = D.edges.length / 2;
  var neighbours = [];
  for (i = 0; i < N; i++) { neighbours.push([]); }
  for (j = 0; j < E; j++) {
    var a = D.edges[2 * j], b = D.edges[2 * j + 1];
    neighbours[a].push(j); neighbours[b].push(j);
  }
  /* Labelled nodes in the order they appear while zooming in. */
  var labelOrder = [];
  for (i = 0; i < N; i++) { if (D.label_zoom[i] >= 0) { labelOrder.push(i); } }
  labelOrder.sort(function (p, q) { return D.label_zoom[p] - D.label_zoom[q] || p - q; });

  var labelCanvas = document.getElementById("imap-labels");
  var ctx = labelCanvas.getContext("2d");
  var stage = root.querySelector(".imap-stage");
  var tip = document.getElementById("imap-tip");
  var panel = document.getElementById("imap-panel");
  var search = document.getElementById("imap-search");
  var suggest = document.getElementById("imap-suggest");
  var colorSelect = document.getElementById("imap-color");
  var sizeSelect = document.getElementById("imap-size");
  var legendBox = document.getElementById("imap-legend");
  var note = document.getElementById("imap-note");

  var view = {s: 1, tx: 0, ty: 0};
  var W = 0, H = 0, dpr = 1;
  var selected = -1, hovered = -1;
  var hiddenCommunity = {};
  var legendCommunities = {};
  var colours = new Uint8Array(N * 3), sizes = new Float32Array(N);
  var nodeVisible = new Uint8Array(N);
  var drawnLabels = [];
  var frames = 0;

  /* ---- colours and sizes ---- */
  function hexRgb(h) {
    var v = parseInt(h.slice(1), 16);
    return [v >> 16 & 255, v >> 8 & 255, v & 255];
  }
  var VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779",
                 "#6ece58", "#b5de2b", "#fde725"].map(hexRgb);
  var QUAL = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442",
              "#000000"].map(hexRgb);
  var GREY = [190, 190, 190];
  function ramp(t) {
    t = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    var k = Math.min(VIRIDIS.length - 2, Math.floor(t)), f = t - k, p = VIRIDIS[k], q = VIRIDIS[k + 1];
    return [p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f, p[2] + (q[2] - p[2]) * f];
  }
  /* Rank percentile of each value (NaN/null: -1), so skewed metrics still spread the ramp. */
  function percentiles(v) {
    var idx = [], out = new Float32Array(N);
    for (var k = 0; k < N; k++) { if (v[k] === null || isNaN(v[k])) { out[k] = -1; } else { idx.push(k); } }
    idx.sort(function (p, q) { return v[p] - v[q] || p - q; });
    for (var r = 0; r < idx.length; r++) { out[idx[r]] = idx.length > 1 ? r / (idx.length - 1) : 0.5; }
    return out;
  }
  function metricByName(name) {
    for (var k = 0; k < D.metrics.length; k++) { if (D.metrics[k].name === name) { return D.metrics[k]; } }
    return null;
  }
  function applyColours() {
    var mode = colorSelect.value, k, c;
    if (mode === "map") {
      for (k = 0; k < N; k++) { c = hexRgb(D.palette[D.fill[k]]); colours.set(c, 3 * k); }
    } else if (mode === "year" && D.year) {
      var lo = Infinity, hi = -Infinity;
      for (k = 0; k < N; k++) { if (D.year[k] !== null) { lo = Math.min(lo, D.year[k]); hi = Math.max(hi, D.year[k]); } }
      for (k = 0; k < N; k++) {
        colours.set(D.year[k] === null ? GREY : ramp(hi > lo ? (D.year[k] - lo) / (hi - lo) : 0.5), 3 * k);
      }
    } else if (mode === "role" && D.role) {
      var count = {}, top = [];
      for (k = 0; k < N; k++) { if (D.role[k] >= 0) { count[D.role[k]] = (count[D.role[k]] || 0) + 1; } }
      top = Object.keys(count).map(Number).sort(function (p, q) { return count[q] - count[p] || p - q; });
      var slot = {};
      top.slice(0, QUAL.length).forEach(function (r, n) { slot[r] = n; });
      for (k = 0; k < N; k++) { colours.set(slot[D.role[k]] !== undefined ? QUAL[slot[D.role[k]]] : GREY, 3 * k); }
    } else {
      var m = metricByName(mode.slice(2)), p = percentiles(m.v);
      for (k = 0; k < N; k++) { colours.set(p[k] < 0 ? GREY : ramp(p[k]), 3 * k); }
    }
    buildLegend();
  }
  function applySizes() {
    var mode = sizeSelect.value, k;
    if (mode === "map") { for (k = 0; k < N; k++) { sizes[k] = R[k]; } return; }
    var m = metricByName(mode.slice(2)), sum = 0, cnt = 0, mean = 0, rmin = Infinity;
    for (k = 0; k < N; k++) { rmin = Math.min(rmin, R[k]); if (m.v[k] > 0) { sum += m.v[k]; cnt++; } }
    mean = cnt > 0 ? sum / cnt : 1;
    /* VOSviewer's rule, as the static map: diameter ~ max(16 w^0.5, 5), w = value / mean. */
    var unit = rmin / 2.5;
    for (k = 0; k < N; k++) {
      var w = m.v[k] > 0 ? m.v[k] / mean : 0;
      sizes[k] = unit * Math.max(16 * Math.sqrt(Math.min(w, 64)), 5) / 2;
    }
  }

  /* ---- WebGL ---- */
  function shader(type, src) {
    var s = gl.createShader(type);
    gl.shaderSource(s, src); gl.compileShader(s);
    return s;
  }
  function program(vs, fs) {
    var p = gl.createProgram();
    gl.attachShader(p, shader(gl.VERTEX_SHADER, vs));
    gl.attachShader(p, shader(gl.FRAGMENT_SHADER, fs));
    gl.linkProgram(p);
    return p;
  }
  var VIEW = "uniform vec2 u_view; uniform vec3 u_t;\n" +
             "vec4 place(vec2 p) { vec2 s = p * u_t.x + u_t.yz;\n" +
             "  return vec4(s.x / u_view.x * 2.0 - 1.0, 1.0 - s.y / u_view.y * 2.0, 0.0, 1.0); }\n";
  var nodeProg = program(
    "attribute vec2 a_pos; attribute float a_r; attribute vec4 a_col;\n" + VIEW +
    "uniform float u_dpr; uniform float u_ns; varying vec4 v_col; varying float v_px;\n" +
    "void main() { gl_Position = place(a_pos); v_col = a_col;\n" +
    "  float px = max(2.0 * a_r * u_ns, 3.0) * u_dpr; v_px = px; gl_PointSize = px + 2.0; }\n",
    "precision mediump float; varying vec4 v_col; varying float v_px;\n" +
    "void main() { vec2 d = gl_PointCoord * 2.0 - 1.0; float r = length(d) * (v_px + 2.0) / v_px;\n" +
    "  if (r > 1.0 || v_col.a == 0.0) discard;\n" +
    "  float edge = 1.0 - 1.5 / max(v_px, 1.0);\n" +
    "  vec3 c = r > edge ? v_col.rgb * 0.6 : v_col.rgb;\n" +
    "  gl_FragColor = vec4(mix(vec3(1.0), c, v_col.a), 1.0); }\n");
  var edgeProg = program(
    "attribute vec2 a_pos; attribute vec4 a_col;\n" + VIEW +
    "varying vec4 v_col; void main() { gl_Position = place(a_pos); v_col = a_col; }\n",
    "precision mediump float; varying vec4 v_col; void main() { gl_FragColor = v_col; }\n");
  var nodePos = gl.createBuffer(), nodeR = gl.createBuffer(), nodeCol = gl.createBuffer();
  var edgePos = gl.createBuffer(), edgeCol = gl.createBuffer();
  var order = [];
  for (i = 0; i < N; i++) { order.push(i); }
  function paintOrder() {
    order.sort(function (p, q) { return sizes[p] - sizes[q] || p - q; });
    if (selected >= 0) {
      var front = [], back = [];
      var near = neighbourSet(selected);
      order.forEach(function (k) { (near[k] ? front : back).push(k); });
      order = back.concat(front);
    }
  }
  function uploadNodes() {
    paintOrder();
    var pos = new Float32Array(2 * N), rr = new Float32Array(N), col = new Uint8Array(4 * N);
    var near = selected >= 0 ? neighbourSet(selected) : null;
    for (var k = 0; k < N; k++) {
      var n = order[k];
      pos[2 * k] = X[n]; pos[2 * k + 1] = Y[n]; rr[k] = sizes[n];
      col[4 * k] = colours[3 * n]; col[4 * k + 1] = colours[3 * n + 1]; col[4 * k + 2] = colours[3 * n + 2];
      col[4 * k + 3] = !nodeVisible[n] ? 0 : near && !near[n] ? 40 : 255;
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, nodePos); gl.bufferData(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, nodeR); gl.bufferData(gl.ARRAY_BUFFER, rr, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, nodeCol); gl.bufferData(gl.ARRAY_BUFFER, col, gl.STATIC_DRAW);
  }
  function uploadEdges() {
    var pos = new Float32Array(4 * E), col = new Uint8Array(8 * E);
    var near = selected >= 0 ? neighbourSet(selected) : null;
    for (var e = 0; e < E; e++) {
      var p = D.edges[2 * e], q = D.edges[2 * e + 1];
      pos[4 * e] = X[p]; pos[4 * e + 1] = Y[p]; pos[4 * e + 2] = X[q]; pos[4 * e + 3] = Y[q];
      var alpha = D.edge_alpha[e];
      var c = [120, 120, 120];
      if (near) {
        if (p === selected || q === selected) { alpha = 230; c = [40, 40, 40]; } else { alpha = Math.min(alpha, 12); }
      }
      if (!nodeVisible[p] || !nodeVisible[q]) { alpha = 0; }
      for (var t = 0; t < 2; t++) {
        col.set([c[0], c[1], c[2], alpha], 8 * e + 4 * t);
      }
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, edgePos); gl.bufferData(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, edgeCol); gl.bufferData(gl.ARRAY_BUFFER, col, gl.STATIC_DRAW);
  }
  function attrib(prog, name, buffer, size, type, normalized) {
    var loc = gl.getAttribLocation(prog, name);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, size, type, normalized, 0, 0);
  }
  function uniforms(prog) {
    gl.uniform2f(gl.getUniformLocation(prog, "u_view"), W, H);
    gl.uniform3f(gl.getUniformLocation(prog, "u_t"), view.s, view.tx, view.ty);
  }
  /* Edges drawn at the current zoom: the strongest EDGES_PER_VIEW at the overview, more as the
   * zoom brings fewer of them on screen (the data lists them weakest first). */
  var EDGES_PER_VIEW = 30000;
  function edgesShown() {
    var z = view.s / fitView().s;
    return Math.min(E, Math.round(EDGES_PER_VIEW * Math.max(1, z * z)));
  }
  /* Pixels per page unit of a node's radius: the zoom at the overview, then growing as its square
   * root, so that zooming in opens space between the nodes instead of filling it. */
  function nodeScale() {
    var fit = fitView().s;
    return view.s <= fit ? view.s : Math.sqrt(view.s * fit);
  }
  function drawGL() {
    gl.viewport(0, 0, glCanvas.width, glCanvas.height);
    var bg = hexRgb(D.background);
    gl.clearColor(bg[0] / 255, bg[1] / 255, bg[2] / 255, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
    gl.useProgram(edgeProg); uniforms(edgeProg);
    attrib(edgeProg, "a_pos", edgePos, 2, gl.FLOAT, false);
    attrib(edgeProg, "a_col", edgeCol, 4, gl.UNSIGNED_BYTE, true);
    var k = edgesShown();
    gl.drawArrays(gl.LINES, 2 * (E - k), 2 * k);
    gl.useProgram(nodeProg); uniforms(nodeProg);
    gl.uniform1f(gl.getUniformLocation(nodeProg, "u_dpr"), dpr);
    gl.uniform1f(gl.getUniformLocation(nodeProg, "u_ns"), nodeScale());
    attrib(nodeProg, "a_pos", nodePos, 2, gl.FLOAT, false);
    attrib(nodeProg, "a_r", nodeR, 1, gl.FLOAT, false);
    attrib(nodeProg, "a_col", nodeCol, 4, gl.UNSIGNED_BYTE, true);
    gl.drawArrays(gl.POINTS, 0, N);
    gl.disableVertexAttribArray(gl.getAttribLocation(nodeProg, "a_r"));
  }

  /* ---- labels ---- */
  var FONT = "system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif";
  function shortName(k) {
    var cps = Array.from(D.names[k]);
    return cps.length > 30 ? cps.slice(0, 29).join("") + "\u2026" : D.names[k];
  }
  function screenX(k) { return X[k] * view.s + view.tx; }
  function screenY(k) { return Y[k] * view.s + view.ty; }
  function drawLabels() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    drawnLabels = [];
    var zoom = view.s * 1000;
    var near = selected >= 0 ? neighbourSet(selected) : null;
    for (var r = 0; r < labelOrder.length; r++) {
      var k = labelOrder[r];
      if (D.label_zoom[k] > zoom) { break; }
      if (!nodeVisible[k] || (near && !near[k])) { continue; }
      var w = D.label_w[k] / 10, f = D.label_font[k] / 10, h = 1.3 * f;
      var sx = screenX(k), sy = screenY(k);
      if (sx + w / 2 < 0 || sx - w / 2 > W || sy + h / 2 < 0 || sy - h / 2 > H) { continue; }
      var text = shortName(k);
      ctx.font = "600 " + f + "px " + FONT;
      var tw = ctx.measureText(text).width;
      if (tw > w - 4) {
        f = f * (w - 4) / tw;
        ctx.font = "600 " + f + "px " + FONT;
      }
      ctx.lineWidth = Math.max(2, f / 4);
      ctx.strokeStyle = "rgba(255,255,255,0.85)";
      ctx.strokeText(text, sx, sy);
      ctx.fillStyle = "#1a1a1a";
      ctx.fillText(text, sx, sy);
      drawnLabels.push({node: k, x: sx - w / 2, y: sy - h / 2, w: w, h: h});
    }
  }

  /* ---- drawing ----
   * A full frame draws every node, the edges and the labels for the current view. While the
   * reader drags, wheels or pinches, the last frame is only moved and scaled (a CSS transform
   * of both canvases, which costs the browser nothing), and the full frame follows once the
   * movement pauses: panning stays fluid however large the network. */
  var pending = false, rendered = {s: 1, tx: 0, ty: 0}, settleTimer = 0;
  var lastFrameMs = 0;
  function frame() {
    pending = false;
    var t0 = performance.now();
    clearTimeout(settleTimer);
    drawGL();
    drawLabels();
    rendered = {s: view.s, tx: view.tx, ty: view.ty};
    glCanvas.style.transform = labelCanvas.style.transform = "";
    lastFrameMs = performance.now() - t0;
    frames++;
  }
  function redraw() {
    if (!pending) { pending = true; requestAnimationFrame(frame); }
  }
  function move() {
    var k = view.s / rendered.s;
    var t = "translate(" + (view.tx - rendered.tx * k) + "px," + (view.ty - rendered.ty * k) +
            "px) scale(" + k + ")";
    glCanvas.style.transform = labelCanvas.style.transform = t;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(redraw, 160);
  }
  function resize() {
    var box = stage.getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    var w = Math.max(1, Math.round(box.width)), h = Math.max(1, Math.round(box.height));
    if (w === W && h === H) { return; }
    var first = W === 0;
    /* Keep the point at the centre where it is. */
    view.tx += (w - W) / 2; view.ty += (h - H) / 2;
    W = w; H = h;
    glCanvas.width = labelCanvas.width = Math.round(W * dpr);
    glCanvas.height = labelCanvas.height = Math.round(H * dpr);
    if (first) { reset(); } else { redraw(); }
  }
  function fitView() {
    var p = D.plot.map(function (v) { return v / 10; });
    var s = Math.min(W / p[2], H / p[3]) * 0.95;
    return {s: s, tx: W / 2 - (p[0] + p[2] / 2) * s, ty: H / 2 - (p[1] + p[3] / 2) * s};
  }
  function reset() {
    view = fitView();
    redraw();
  }
  function zoomAt(px, py, factor, live) {
    var s = Math.max(D.zoom_min / 4, Math.min(D.zoom_max, view.s * factor));
    factor = s / view.s;
    view.tx = px - (px - view.tx) * factor;
    view.ty = py - (py - view.ty) * factor;
    view.s = s;
    if (live) { move(); } else { redraw(); }
  }
  function centreOn(k, s) {
    view.s = Math.max(D.zoom_min / 4, Math.min(D.zoom_max, s));
    view.tx = W / 2 - X[k] * view.s;
    view.ty = H / 2 - Y[k] * view.s;
    redraw();
  }

  /* ---- picking ---- */
  var CELL = 8, grid = {};
  for (i = 0; i < N; i++) {
    var key = Math.floor(X[i] / CELL) + "," + Math.floor(Y[i] / CELL);
    (grid[key] = grid[key] || []).push(i);
  }
  function pick(px, py) {
    var x = (px - view.tx) / view.s, y = (py - view.ty) / view.s;
    var best = -1, bestD = Infinity;
    var reach = Math.max(6 / view.s, 1);
    var span = Math.ceil((reach + 40) / CELL);
    var cx = Math.floor(x / CELL), cy = Math.floor(y / CELL);
    for (var gx = cx - span; gx <= cx + span; gx++) {
      for (var gy = cy - span; gy <= cy + span; gy++) {
        var list = grid[gx + "," + gy];
        if (!list) { continue; }
        for (var t = 0; t < list.length; t++) {
          var k = list[t];
          if (!nodeVisible[k]) { continue; }
          var d = Math.hypot(X[k] - x, Y[k] - y);
          var r = Math.max(sizes[k] * nodeScale() / view.s, 4 / view.s);
          if (d <= r && d - r < bestD) { bestD = d - r; best = k; }
        }
      }
    }
    return best;
  }

  /* ---- hover and selection ---- */
  function fmt(v) {
    if (v === null || v === undefined || isNaN(v)) { return "n/a"; }
    return Math.abs(v) >= 1000 || v === Math.round(v) ? String(Math.round(v * 100) / 100) : v.toPrecision(4);
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function showTip(k, px, py) {
    tip.textContent = "";
    tip.appendChild(el("strong", D.names[k]));
    ["degree", "strength", "betweenness", "pagerank"].forEach(function (name) {
      var m = metricByName(name);
      if (m) { tip.appendChild(el("div", name + ": " + fmt(m.v[k]))); }
    });
    if (D.roles && D.roles[k]) { tip.appendChild(el("div", D.roles[k], "muted")); }
    tip.hidden = false;
    var tx = Math.min(px + 14, W - tip.offsetWidth - 4), ty = Math.min(py + 14, H - tip.offsetHeight - 4);
    tip.style.left = Math.max(0, tx) + "px";
    tip.style.top = Math.max(0, ty) + "px";
  }
  var nearCache = {node: -1, set: null};
  function neighbourSet(k) {
    if (nearCache.node === k) { return nearCache.set; }
    var set = {};
    set[k] = true;
    neighbours[k].forEach(function (e) { set[D.edges[2 * e]] = true; set[D.edges[2 * e + 1]] = true; });
    nearCache = {node: k, set: set};
    return set;
  }
  function neighbourList(k) {
    return neighbours[k].map(function (e) {
      var o = D.edges[2 * e] === k ? D.edges[2 * e + 1] : D.edges[2 * e];
      return {node: o, weight: D.edge_weight[e]};
    }).sort(function (p, q) { return q.weight - p.weight || p.node - q.node; });
  }
  /* Credits: a person's credits by project (on projects someone else drawn is credited on). */
  function credits(k) {
    if (!D.credit_first) { return null; }
    var by = {};
    for (var c = D.credit_first[k]; c < D.credit_first[k + 1]; c++) {
      (by[D.credit_project[c]] = by[D.credit_project[c]] || []).push(c);
    }
    return by;
  }
  function roleText(list) {
    var seen = {}, out = [];
    list.forEach(function (c) {
      var r = D.credit_role[c], t = r >= 0 && D.role_names ? D.role_names[r] : "";
      if (t && !seen[t]) { seen[t] = true; out.push(t); }
    });
    return out.join(", ");
  }
  function sharedList(mine, other) {
    var theirs = credits(other), rows = [];
    Object.keys(theirs).forEach(function (p) {
      if (!mine[p]) { return; }
      var year = 0;
      mine[p].concat(theirs[p]).forEach(function (c) { if (D.credit_year[c]) { year = D.credit_year[c]; } });
      rows.push({p: Number(p), year: year, a: roleText(mine[p]), b: roleText(theirs[p])});
    });
    rows.sort(function (x, y) { return (y.year - x.year) || (x.p - y.p); });
    var ul = el("ul", undefined, "shared");
    rows.slice(0, 4).forEach(function (r) {
      var text = D.projects[r.p] + (r.year ? " (" + r.year + ")" : "");
      if (r.a || r.b) { text += ": " + (r.a || "\u2014") + " / " + (r.b || "\u2014"); }
      ul.appendChild(el("li", text));
    });
    if (rows.length > 4) { ul.appendChild(el("li", "and " + (rows.length - 4) + " more", "muted")); }
    return ul;
  }
  function select(k) {
    selected = k;
    nearCache = {node: -1, set: null};
    uploadNodes(); uploadEdges();
    panel.textContent = "";
    if (k < 0) { panel.hidden = true; resize(); redraw(); return; }
    var list = neighbourList(k);
    panel.appendChild(el("h3", D.names[k]));
    if (D.roles && D.roles[k]) { panel.appendChild(el("p", D.roles[k], "muted")); }
    panel.appendChild(el("p", list.length + (list.length === 1 ? " neighbour" : " neighbours") +
                         " on this map, strongest tie first (weight)" +
                         (D.credit_first ? "; under each, the projects they share, latest first" +
                          " (year: this person's roles / theirs):" : ":"), "muted"));
    var ol = el("ol"), mine = credits(k);
    list.forEach(function (n) {
      var li = el("li"), btn = el("button", D.names[n.node]);
      btn.type = "button";
      btn.addEventListener("click", function () { select(n.node); centreOn(n.node, view.s); });
      li.appendChild(btn);
      li.appendChild(el("span", " " + fmt(n.weight), "muted"));
      if (mine) { li.appendChild(sharedList(mine, n.node)); }
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    var close = el("button", "Clear (Esc)", "clear");
    close.type = "button";
    close.addEventListener("click", function () { select(-1); });
    panel.appendChild(close);
    panel.hidden = false;
    resize();
    redraw();
  }

  /* ---- pointer input: drag, wheel, pinch, click ---- */
  var pointers = {}, dragged = false, pinch = null, downAt = null;
  function local(ev) {
    var b = stage.getBoundingClientRect();
    return [ev.clientX - b.left - stage.clientLeft, ev.clientY - b.top - stage.clientTop];
  }
  stage.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = local(ev);
    var dy = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
    zoomAt(p[0], p[1], Math.exp(-dy * (ev.ctrlKey ? 0.01 : 0.0015)), true);
  }, {passive: false});
  stage.addEventListener("pointerdown", function (ev) {
    if (ev.target !== labelCanvas) { return; }
    labelCanvas.setPointerCapture(ev.pointerId);
    pointers[ev.pointerId] = local(ev);
    var ids = Object.keys(pointers);
    dragged = false;
    downAt = local(ev);
    if (ids.length === 2) {
      var p = pointers[ids[0]], q = pointers[ids[1]];
      pinch = {d: Math.hypot(p[0] - q[0], p[1] - q[1]), s: view.s};
    }
  });
  stage.addEventListener("pointermove", function (ev) {
    var p = local(ev);
    if (pointers[ev.pointerId]) {
      var last = pointers[ev.pointerId];
      pointers[ev.pointerId] = p;
      var ids = Object.keys(pointers);
      if (ids.length === 2 && pinch) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var d = Math.hypot(a[0] - b[0], a[1] - b[1]);
        zoomAt((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, pinch.s * d / pinch.d / view.s, true);
      } else {
        if (Math.hypot(p[0] - downAt[0], p[1] - downAt[1]) > 3) { dragged = true; }
        view.tx += p[0] - last[0];
        view.ty += p[1] - last[1];
        move();
      }
      tip.hidden = true;
      return;
    }
    var k = pick(p[0], p[1]);
    hovered = k;
    labelCanvas.style.cursor = k >= 0 ? "pointer" : "grab";
    if (k >= 0) { showTip(k, p[0], p[1]); } else { tip.hidden = true; }
  });
  function up(ev) {
    if (!pointers[ev.pointerId]) { return; }
    delete pointers[ev.pointerId];
    if (Object.keys(pointers).length < 2) { pinch = null; }
    if (ev.type === "pointerup" && !dragged && Object.keys(pointers).length === 0) {
      var p = local(ev);
      select(pick(p[0], p[1]));
    }
  }
  stage.addEventListener("pointerup", up);
  stage.addEventListener("pointercancel", up);
  stage.addEventListener("pointerleave", function () { tip.hidden = true; });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { select(-1); suggest.hidden = true; }
  });

  /* ---- search ---- */
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var matches = [];
  function runSearch() {
    var q = fold(search.value);
    matches = [];
    suggest.textContent = "";
    if (q.length === 0) { suggest.hidden = true; return; }
    var starts = [], within = [];
    for (var k = 0; k < N && starts.length < 50; k++) {
      var key = D.keys[k], at = key.indexOf(q);
      if (at === 0 || (at > 0 && key.charAt(at - 1) === " ")) { starts.push(k); } else if (at > 0) { within.push(k); }
    }
    var weight = function (p, q2) { return R[q2] - R[p] || p - q2; };
    matches = starts.sort(weight).concat(within.sort(weight)).slice(0, 8);
    matches.forEach(function (k, n) {
      var li = el("li", D.names[k]);
      li.setAttribute("role", "option");
      li.id = "imap-opt-" + n;
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(k); });
      suggest.appendChild(li);
    });
    suggest.hidden = matches.length === 0;
  }
  function choose(k) {
    suggest.hidden = true;
    search.value = D.names[k];
    select(k);
    var z = Math.max(view.s, D.label_zoom[k] >= 0 ? D.label_zoom[k] / 1000 * 1.05 : view.s * 4, fitView().s * 3);
    centreOn(k, z);
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length > 0) { ev.preventDefault(); choose(matches[0]); }
  });
  search.addEventListener("blur", function () { suggest.hidden = true; });

  /* ---- legend: toggle communities ---- */
  function buildLegend() {
    legendBox.textContent = "";
    if (colorSelect.value !== "map" || !D.legend.length) { return; }
    D.legend.forEach(function (item) {
      var b = el("button", "", hiddenCommunity[item.community] ? "off" : "");
      b.type = "button";
      b.setAttribute("aria-pressed", hiddenCommunity[item.community] ? "false" : "true");
      var sw = el("span", "", "swatch");
      sw.style.background = item.color;
      b.appendChild(sw);
      b.appendChild(document.createTextNode(item.text));
      b.addEventListener("click", function () {
        hiddenCommunity[item.community] = !hiddenCommunity[item.community];
        updateVisibility();
        buildLegend();
      });
      legendBox.appendChild(b);
    });
  }
  D.legend.forEach(function (item) { if (item.community >= 0) { legendCommunities[item.community] = true; } });
  function updateVisibility() {
    for (var k = 0; k < N; k++) {
      var c = D.community[k];
      var key = c >= 0 && legendCommunities[c] ? c : -1;
      nodeVisible[k] = hiddenCommunity[key] ? 0 : 1;
    }
    nearCache = {node: -1, set: null};
    uploadNodes(); uploadEdges(); redraw();
  }

  /* ---- downloads ---- */
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function pngCanvas() {
    frame();
    var c = document.createElement("canvas");
    c.width = glCanvas.width; c.height = glCanvas.height;
    var g = c.getContext("2d");
    g.drawImage(glCanvas, 0, 0);
    g.drawImage(labelCanvas, 0, 0);
    return c;
  }
  function xml(s) {
    return String(s).replace(/[&<>"']/g, function (ch) { return "&#" + ch.charCodeAt(0) + ";"; });
  }
  function rgbText(k) { return "rgb(" + colours[3 * k] + "," + colours[3 * k + 1] + "," + colours[3 * k + 2] + ")"; }
  function svgText() {
    var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W + "\" height=\"" + H +
               "\" viewBox=\"0 0 " + W + " " + H + "\">", "<rect width=\"100%\" height=\"100%\" fill=\"" + D.background + "\"/>"];
    var inView = function (k) { var x = screenX(k), y = screenY(k); return x > -50 && x < W + 50 && y > -50 && y < H + 50; };
    for (var e = 0; e < E; e++) {
      var p = D.edges[2 * e], q = D.edges[2 * e + 1];
      if (!nodeVisible[p] || !nodeVisible[q] || (!inView(p) && !inView(q))) { continue; }
      out.push("<line x1=\"" + screenX(p).toFixed(1) + "\" y1=\"" + screenY(p).toFixed(1) + "\" x2=\"" +
               screenX(q).toFixed(1) + "\" y2=\"" + screenY(q).toFixed(1) + "\" stroke=\"#787878\" stroke-opacity=\"" +
               (D.edge_alpha[e] / 255).toFixed(3) + "\"/>");
    }
    order.forEach(function (k) {
      if (!nodeVisible[k] || !inView(k)) { return; }
      out.push("<circle cx=\"" + screenX(k).toFixed(1) + "\" cy=\"" + screenY(k).toFixed(1) + "\" r=\"" +
               Math.max(sizes[k] * nodeScale(), 1.5).toFixed(1) + "\" fill=\"" + rgbText(k) + "\" stroke=\"#555\" stroke-width=\"0.5\"/>");
    });
    drawnLabels.forEach(function (b) {
      out.push("<text x=\"" + (b.x + b.w / 2).toFixed(1) + "\" y=\"" + (b.y + b.h / 2).toFixed(1) +
               "\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-family=\"sans-serif\" font-weight=\"600\" font-size=\"" +
               (D.label_font[b.node] / 10) + "\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\" fill=\"#1a1a1a\">" +
               xml(shortName(b.node)) + "</text>");
    });
    out.push("</svg>\n");
    return out.join("\n");
  }
  document.getElementById("imap-png").addEventListener("click", function () {
    pngCanvas().toBlob(function (blob) { download(blob, "map-view.png"); }, "image/png");
  });
  document.getElementById("imap-svg").addEventListener("click", function () {
    download(new Blob([svgText()], {type: "image/svg+xml"}), "map-view.svg");
  });
  document.getElementById("imap-reset").addEventListener("click", function () { select(-1); reset(); });

  /* ---- controls ---- */
  function option(sel, value, text) {
    var o = el("option", text);
    o.value = value;
    sel.appendChild(o);
  }
  option(colorSelect, "map", "as the static map");
  if (D.year) { option(colorSelect, "year", "year (mean)"); }
  if (D.role) { option(colorSelect, "role", "main role"); }
  option(sizeSelect, "map", "as the static map");
  D.metrics.forEach(function (m) { option(colorSelect, "m:" + m.name, m.name); option(sizeSelect, "m:" + m.name, m.name); });
  colorSelect.addEventListener("change", function () { applyColours(); uploadNodes(); redraw(); });
  sizeSelect.addEventListener("change", function () { applySizes(); uploadNodes(); redraw(); });
  if (D.edges_drawn < D.edges_total) {
    note.textContent = "The interactive map draws the " + D.edges_drawn + " strongest of the " +
      D.edges_total + " ties; the weakest are left out to keep it fluid.";
  } else {
    note.textContent = "All " + D.edges_drawn + " ties drawn on the static map are drawn here.";
  }

  for (i = 0; i < N; i++) { nodeVisible[i] = 1; }
  applyColours();
  applySizes();
  uploadNodes();
  uploadEdges();
  resize();
  window.addEventListener("resize", resize);
  if (window.ResizeObserver) { new ResizeObserver(resize).observe(stage); }

  /* For tests and scripts: read-only views of the state, and the actions the controls take. */
  window.collabMap = {
    view: function () { return {s: view.s, tx: view.tx, ty: view.ty, fit: fitView().s}; },
    labels: function () { return drawnLabels.slice(); },
    selected: function () { return selected; },
    highlighted: function () {
      if (selected < 0) { return []; }
      var set = neighbourSet(selected);
      return Object.keys(set).map(Number).filter(function (k) { return k !== selected; });
    },
    screen: function (k) { return [screenX(k), screenY(k)]; },
    find: function (name) { return D.names.indexOf(name); },
    zoomAt: zoomAt, reset: reset, svg: svgText, centreOn: centreOn,
    panBy: function (dx, dy) { view.tx += dx; view.ty += dy; redraw(); },
    png: function () { return pngCanvas().toDataURL("image/png").length; },
    frames: function () { return frames; },
    eligible: function () {
      var z = view.s * 1000, c = 0;
      for (var k = 0; k < N; k++) { if (nodeVisible[k] && D.label_zoom[k] >= 0 && D.label_zoom[k] <= z) { c++; } }
      return c;
    },
    showStatic: staticMap,
    colour: function (k) { return [colours[3 * k], colours[3 * k + 1], colours[3 * k + 2]]; },
    size: function (k) { return sizes[k]; },
    visible: function () { var c = 0; for (var k = 0; k < N; k++) { c += nodeVisible[k]; } return c; },
    lastFrameMs: function () { return lastFrameMs; },
    drawNow: frame
  };
})();
