#!/usr/bin/env bash
# Benchmark collab against idiomatic python-igraph and NetworkX peers.
#
#   scripts/bench.sh [--rows "10000 100000 1000000 5000000"] [--cap SECONDS] [--repeat N] [--regen]
#   STAGES="analyze" scripts/bench.sh --rows 1000000 --cap 300
#
# For each size: generate output/bench/credits_<rows>.csv (cached by name,
# scripts/gen_credits --seed 1), then time every tool of every stage with
# /usr/bin/time (elapsed seconds, CPU seconds, peak RSS) under `timeout CAP`,
# and print one markdown table per stage with ratios against collab (a peer
# stopped at the cap is shown as such).  Node/edge counts of all tools are
# compared; a disagreement prints a WARNING line.
#
# --repeat N runs every tool N times in turn and reports the run with the
# median elapsed time (its CPU time) and the highest peak memory of the N;
# the input is read once into the page cache before each run, so no tool
# pays for a cold file.  Default: 3 runs in the projection stage, whose
# runs take seconds and vary by 20-40% on this shared host, 1 elsewhere.
#
# Stages (STAGES="..." picks some; default: all):
#   projection   read + build + person projection (collab summary)
#   reading      the same, plain against gzip and UTF-16 input and against BASE_COLLAB (a previous
#                build), to see what decoding costs and that plain reading did not slow down
#   metrics      every metric but the path-based ones, call by call
#   betweenness  exact betweenness (sizes up to 100,000 rows)
#   sampled      betweenness from 1000 sources against exact (same sizes)
#   map_png, map_svg  the map (python-igraph plot, Graphviz sfdp)
#   import       collab import discogs on a generated Discogs releases dump of DISCOGS_RELEASES
#                releases (default 200000; scripts/bench/gen_discogs.py, gzip, about 60 MB),
#                once per run whatever --rows says: seconds, CPU, peak memory, releases/second
#   commands     every command with its defaults on the file (the goal: each under 60 s on a
#                file of 10 MB, about 240,000 rows: STAGES=commands scripts/bench.sh --rows 240000);
#                the collab row is summary (reading and building), the others are the commands;
#                then, once, the same on a dense generated graph and a hub-project file (rows
#                "dense" and "hub", written to OUT/shape_*.csv)
#   job          issue 21's end-to-end goal: collab analyze with its defaults against python-igraph
#                reading, projecting, degree and strength, PageRank, Leiden, Fruchterman-Reingold
#                and a PNG and an SVG plot (scripts/bench/peer_igraph_job.py)
#   quality      issue 19's map-quality table: collab map --level nodes --quality beside
#                python-igraph's FR and DrL and Graphviz sfdp laying out the same graph, each
#                measured by scripts/bench/layout_quality.py (neighbourhood preservation,
#                community separation, stress) on karate, Davis, tango and each --rows file
#                (run it with --rows "20000 100000")
#   html         collab report --format html (the interactive map's page), then the page in
#                headless Chromium (tests/browser/check_interactive_map.py --measure): load time,
#                full-frame time and frames per second while dragging, in the chromium row's log
#                (output/bench/logs/html_chromium_ROWS.out); not in the default STAGES
#   analyze      the whole job end to end: collab analyze --verbose against
#                scripts/bench/peer_{igraph,networkx}_analyze.py doing the same
#                (sampling paths when collab does), stage by stage, with each
#                stage's floor: the bare igraph C calls (scripts/bench/
#                floor_igraph.c, built with cc and pkg-config igraph into
#                output/bench/) and reading the input's / writing the outputs'
#                bytes.  The NetworkX peer needs python3-matplotlib.
#   writers      every report and export writer against the floor of writing its bytes:
#                collab analyze --exports all --threads 1 --verbose (one writer, so that the
#                per-file times are not two threads sharing the cores), then
#                scripts/bench/floor_fwrite.c (built with cc into output/bench/) writing each
#                file's size with fwrite in 64 KiB chunks into the same folder, in analyze's
#                order, beside analyze's outputs and all kept to the end as analyze keeps its
#                own.  The floor writes each size twice into one file, the second time over the
#                first, and keeps the faster: the rewrite fills the page cache its truncation
#                just freed, so the floor is fwrite's own cost, the same from run to run (a
#                single write ran at 0.1-2 GB/s here, depending on whether the VM's balloon had
#                handed the free memory back to the host: see the floor's comment); the first
#                write's time is shown beside it ("fwrite once"), with the writer's ratio to it
#                (the same conditions: both write a new file).  MB/s of both and the writer's
#                ratio to the floor per file (nodes.csv counts edges.csv too: one writer call
#                writes both).  The writer's time is analyze's --verbose line per output, which
#                includes waiting for such memory; beside it the user CPU time analyze prints
#                for each output with one writer (the formatting alone).  Then the reports
#                and exports again, each in a command of its own (collab report --all
#                --format csv|json, collab export --layout none) with its default threads,
#                which format blocks of rows at once and write them in order, against the
#                floor of their bytes ("writers on every core").  The outputs are deleted
#                afterwards.  Not in the default STAGES.
#
# Environment: STAGES (above), PEERS="igraph networkx graphviz collab_nodes"
# (the other tools to run; collab and the floors always run), DISCOGS_RELEASES (import), FLOOR_CAP
# (seconds, default 6 x --cap), COLLAB (binary), BASE_COLLAB (a previous build, for the reading
# stage), PYTHON, BENCH_OUT (default output/bench).
#
# Logs of every run: output/bench/logs/.  The report is also written to
# output/bench/report.md (and a dated copy beside it).
#
# Adding a stage: write stage_<name> FILE that calls
#   bench_cmd TOOL CMD...
# once per tool (the collab row first: it is the ratio baseline), and append
# <name> to STAGES below.  Each tool's stdout should contain "nodes=N
# edges=M" (peers) or lines "nodes: N" / "edges: M" (collab) for the count
# check; stages without counts just leave them out.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

ARGS=""
for a in "$@"; do
    if [[ $a == *[[:space:]]* ]]; then ARGS+="${ARGS:+ }\"$a\""; else ARGS+="${ARGS:+ }$a"; fi
done
ROWS="10000 100000 1000000"
CAP=300
REPEAT=""        # runs per tool; empty = the stage's default (repeat_count)
SEED=1
REGEN=0
PYTHON=${PYTHON:-/usr/bin/python3}
# COLLAB=path overrides the binary (no build is attempted for an override).
COLLAB=${COLLAB:-build/collab}
OUT=${BENCH_OUT:-output/bench}   # BENCH_OUT: another folder, for runs side by side
LOGS=$OUT/logs
STAGES=${STAGES:-"projection reading metrics betweenness sampled map_png map_svg import analyze"}
DISCOGS_RELEASES=${DISCOGS_RELEASES:-200000}
# PEERS="..." runs only these of the other tools (collab and the floors always run).
PEERS=${PEERS:-"igraph networkx graphviz collab_nodes collab_gzip collab_utf16 collab_previous"}
# Exact betweenness is O(V E): its stages run only up to this many rows.
PATH_MAX_ROWS=100000
# collab's own sample size when it samples (engine/include/collab/metrics.h): K = the sources
# that fit COLLAB_SAMPLE_WORK_BUDGET steps of (edges + nodes) each, within
# [COLLAB_MIN_APPROX_SOURCES, COLLAB_DEFAULT_APPROX_SOURCES].  The floor re-draws collab's
# sources per component from K and the report checks that the totals agree.
approx_sources() {   # approx_sources NODES EDGES
    awk -v n="$1" -v e="$2" 'BEGIN { k = 5e9 / (e + n); k = k > 1000 ? 1000 : k; k = k < 200 ? 200 : k
                                    printf "%d\n", k }'
}
FLOOR=$OUT/floor_igraph

usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

while (($#)); do
    case $1 in
        --rows) ROWS=${2:?--rows needs a value}; shift 2 ;;
        --rows=*) ROWS=${1#*=}; shift ;;
        --cap) CAP=${2:?--cap needs a value}; shift 2 ;;
        --cap=*) CAP=${1#*=}; shift ;;
        --repeat) REPEAT=${2:?--repeat needs a value}; shift 2 ;;
        --repeat=*) REPEAT=${1#*=}; shift ;;
        --regen) REGEN=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done
for n in $ROWS; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: bad row count: $n" >&2; exit 2; }
done
[[ -n ${ROWS// /} ]] || { echo "bench.sh: --rows is empty" >&2; exit 2; }
[[ $DISCOGS_RELEASES =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: DISCOGS_RELEASES must be a positive integer" >&2; exit 2; }
[[ $CAP =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --cap must be a positive integer (seconds)" >&2; exit 2; }
[[ -z $REPEAT || $REPEAT =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --repeat must be a positive integer" >&2; exit 2; }
# The floors are no contest: they get a longer cap (exact igraph_betweenness at 100k rows alone
# takes minutes).
FLOOR_CAP=${FLOOR_CAP:-$((CAP * 6))}
[[ $FLOOR_CAP =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: FLOOR_CAP must be a positive integer (seconds)" >&2; exit 2; }

# ---------------------------------------------------------------- checks
# GNU time, the Python peers, Graphviz and what building needs (scripts/common.sh).
source "$ROOT/scripts/common.sh"
collab_install_bench
if [[ ! -x /usr/bin/time ]]; then
    echo "bench.sh: /usr/bin/time (GNU time) is missing: install it with 'apt-get install time'" \
         "(the bash 'time' keyword cannot report peak memory)" >&2
    exit 1
fi
if ! command -v timeout >/dev/null; then
    echo "bench.sh: 'timeout' (coreutils) is missing" >&2
    exit 1
fi
if [[ ! -x $PYTHON ]]; then
    echo "bench.sh: Python not found at $PYTHON (set PYTHON=...)" >&2
    exit 1
fi
mkdir -p "$OUT" "$LOGS"

# ------------------------------------------------------ interrupt handling
CHILD=""          # pid of the /usr/bin/time of the running benchmark
TMPFILE=""        # partial generator output
GEN=""            # pid of a running scripts/gen_credits
cleanup() {
    if [[ -n $CHILD ]]; then
        # timeout runs in its own process group; signal it (a child of our
        # /usr/bin/time) and it passes the signal on to the command.
        pkill -TERM -P "$CHILD" 2>/dev/null || true
        wait "$CHILD" 2>/dev/null || true
    fi
    if [[ -n $GEN ]]; then
        kill -TERM "$GEN" 2>/dev/null || true
        wait "$GEN" 2>/dev/null || true
    fi
    [[ -z $TMPFILE ]] || rm -f "$TMPFILE"
}
trap 'cleanup; echo "bench.sh: interrupted" >&2; exit 130' INT TERM
trap 'cleanup' EXIT

log() { printf '%s\n' "$*" >&2; }

# ------------------------------------------------------------ result rows
R_STAGE=() R_ROWS=() R_TOOL=() R_STATUS=() R_SECS=() R_CPU=() R_KIB=() R_RC=()
R_NODES=() R_EDGES=() R_LOG=()
CUR_STAGE=""      # set by the stage loop
CUR_ROWS=""
CUR_FILE=""       # the input of the current size (warmed into the page cache before each run)

# parse_counts FILE -> "NODES EDGES" ("" for a missing one).  Lenient:
# "nodes=N edges=M", "nodes: N", "Nodes = 1,234", "- edges: 5 (weighted)".
# A key at the start of a line wins over one inside a line ("isolated
# nodes: 3" is only used when there is nothing better).
parse_counts() {
    awk '
        function grab(line, key, anchored,   s, re) {
            s = tolower(line)
            re = anchored ? "^[ \t*-]*" : "(^|[^a-z_])"
            if (!match(s, re key "[ \t]*[:=][ \t]*[0-9][0-9,_]*")) return ""
            s = substr(s, RSTART, RLENGTH)
            sub(/^[^:=]*[:=][ \t]*/, "", s)
            gsub(/[,_]/, "", s)
            return s
        }
        {
            if (n == "") n = grab($0, "nodes", 1)
            if (e == "") e = grab($0, "edges", 1)
            if (n2 == "") n2 = grab($0, "nodes", 0)
            if (e2 == "") e2 = grab($0, "edges", 0)
        }
        END { printf "%s %s\n", (n != "" ? n : n2), (e != "" ? e : e2) }
    ' "$1"
}

# Runs per tool in the current stage: --repeat, else 3 for the short projection stage, else 1.
repeat_count() {
    if [[ -n $REPEAT ]]; then echo "$REPEAT"
    elif [[ $CUR_STAGE == projection || $CUR_STAGE == reading ]]; then echo 3
    else echo 1
    fi
}

# bench_cmd NAME CMD... : run CMD under timeout CAP and /usr/bin/time,
# record one result row for (CUR_STAGE, CUR_ROWS, NAME).  Never fails.
bench_cmd() {
    local name=$1; shift
    local base=$LOGS/${CUR_STAGE}_${name}_${CUR_ROWS} cap=${BENCH_CAP:-$CAP}
    local tf=$base.time rc=0 status secs kib usr sys cpu nodes edges
    if [[ $name != collab && $CUR_STAGE != floor* && $CUR_STAGE != commands && $CUR_STAGE != html &&
          " $PEERS " != *" $name "* ]]; then
        log "  $CUR_STAGE: $name skipped (not in PEERS)"
        rm -f "$base.out" "$base.err" "$base.time"   # no stale figures in the report
        return 0
    fi
    log "  $CUR_STAGE: $name ($CUR_ROWS rows) ..."
    rm -f "$tf" "$tf".*
    if [[ $1 == */* && ! -x $1 ]]; then
        echo "bench.sh: $1: not found or not executable" >"$base.err"
        : >"$base.out"
        rc=127
    else
        local run repeat
        repeat=$(repeat_count)
        for ((run = 1; run <= repeat; run++)); do
            # Every tool starts with the input in the page cache.
            [[ -z ${CUR_FILE:-} || ! -r $CUR_FILE ]] || cat "$CUR_FILE" >/dev/null
            /usr/bin/time -f '%e %M %U %S' -o "$tf.$run" \
                timeout -k 10 "$cap" "$@" >"$base.out" 2>"$base.err" &
            CHILD=$!
            wait "$CHILD" || rc=$?
            CHILD=""
            ((rc == 0)) || break   # a failed or capped run is the result
        done
        # The last line of each time file is "%e %M %U %S" (a "Command exited
        # with non-zero status" line may precede it).  Keep the run with the
        # median elapsed time, and the highest peak memory of all runs; a run
        # that failed or hit the cap is the result on its own.
        local f runs="" first=1
        ((rc == 0)) || first=$run
        for ((f = first; f <= run && f <= repeat; f++)); do
            [[ ! -s $tf.$f ]] || runs+="$(tail -n 1 "$tf.$f")"$'\n'
        done
        printf '%s' "$runs" | sort -n -k1,1 | awk '{ line[NR] = $0; if ($2 > kib) kib = $2 }
            END { if (NR) { split(line[int((NR + 1) / 2)], m, " ")
                            printf "%s %s %s %s\n", m[1], kib, m[3], m[4] } }' >"$tf"
        rm -f "$tf".*
        ((repeat == 1 || rc != 0)) || log "    runs (s): $(printf '%s' "$runs" | awk '{ printf "%s ", $1 }')-> median"
    fi
    secs="" kib="" usr="" sys="" cpu=""
    if [[ -s $tf ]]; then
        read -r secs kib usr sys < <(tail -n 1 "$tf") || true
        [[ -z $usr || -z $sys ]] || cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    fi
    if ((rc == 0)); then
        status=ok
    elif ((rc == 124 || rc == 137)); then
        status=capped          # timeout hit (137: needed SIGKILL)
    else
        status=failed
    fi
    read -r nodes edges < <(parse_counts "$base.out") || true
    R_STAGE+=("$CUR_STAGE") R_ROWS+=("$CUR_ROWS") R_TOOL+=("$name")
    R_STATUS+=("$status") R_SECS+=("$secs") R_CPU+=("$cpu") R_KIB+=("$kib") R_RC+=("$rc")
    R_NODES+=("${nodes:-}") R_EDGES+=("${edges:-}") R_LOG+=("$base")
    log "    -> $status${secs:+, ${secs} s}${cpu:+ (cpu $cpu s)}${kib:+, $((kib / 1024)) MiB}${nodes:+, nodes=$nodes}${edges:+ edges=$edges}"
    return 0
}

# ------------------------------------------------------------------ stages
# Stage "projection": read + bipartite graph + weighted person-person
# projection.  collab does it in its `summary` command.
stage_projection() {
    local file=$1
    bench_cmd collab "$COLLAB" summary "$file"
    bench_cmd igraph "$PYTHON" scripts/bench/peer_igraph.py "$file"
    bench_cmd networkx "$PYTHON" scripts/bench/peer_networkx.py "$file"
}

# Stage "metrics": every metric except the path-based ones (collab samples those here), each
# timed on its own; collab's --verbose lines and the peers' "timing:" lines are compared below.
stage_metrics() {
    local file=$1
    bench_cmd collab "$COLLAB" report "$file" --verbose --no-progress --approx 1000 --top 20
    bench_cmd igraph "$PYTHON" scripts/bench/peer_igraph_metrics.py "$file"
    bench_cmd networkx "$PYTHON" scripts/bench/peer_networkx_metrics.py "$file"
}

in_path_rows() { (($1 <= PATH_MAX_ROWS)); }
path_rows() {   # the sizes of this run that have path stages
    local n
    for n in $ROWS; do in_path_rows "$n" && printf '%s ' "$n"; done
}

# Stage "betweenness": exact betweenness. collab's sweep also yields closeness and harmonic
# centrality; the peers compute betweenness alone (single-threaded, as their users get it).
stage_betweenness() {
    local file=$1
    in_path_rows "$CUR_ROWS" || return 0
    bench_cmd collab "$COLLAB" report "$file" --verbose --no-progress --exact --metrics betweenness \
        --format csv --all -o "$OUT/exact_$CUR_ROWS.csv"
    bench_cmd igraph "$PYTHON" scripts/bench/peer_igraph_metrics.py "$file" --betweenness-only
    bench_cmd networkx "$PYTHON" scripts/bench/peer_networkx_metrics.py "$file" --betweenness-only
}

# Stage "sampled": betweenness from 1000 sampled sources against the exact run of the
# betweenness stage: time ratio and how many of the exact top 20 the estimate's top 20 holds.
stage_sampled() {
    local file=$1
    in_path_rows "$CUR_ROWS" || return 0
    bench_cmd collab "$COLLAB" report "$file" --verbose --no-progress --approx 1000 \
        --metrics betweenness --format csv --top 20 -o "$OUT/sampled_$CUR_ROWS.csv"
}

# Stages "map_png", "map_svg": the map a user of each tool would draw. collab draws its default
# map (community level above 20,000 nodes); python-igraph lays out with FR and plots with labels;
# Graphviz runs sfdp with labels on the projection written as DOT.
stage_map() {
    local file=$1 fmt=$2
    bench_cmd collab "$COLLAB" map "$file" --no-progress -o "$OUT/map_collab_$CUR_ROWS.$fmt"
    # every node, as the peers draw them (the default draws communities above 20,000 nodes)
    if ((CUR_ROWS <= 100000)); then
        bench_cmd collab_nodes "$COLLAB" map "$file" --no-progress --level nodes \
            -o "$OUT/map_collab_nodes_$CUR_ROWS.$fmt"
    fi
    bench_cmd igraph "$PYTHON" scripts/bench/peer_igraph_plot.py "$file" "$OUT/map_igraph_$CUR_ROWS.$fmt"
    bench_cmd graphviz "$PYTHON" scripts/bench/peer_graphviz.py "$file" "$OUT/map_graphviz_$CUR_ROWS.$fmt"
}
stage_map_png() { stage_map "$1" png; }

# Stage "html": the HTML report with its interactive map, written, then loaded and panned in
# headless Chromium (WebGL on SwiftShader); the measured figures are in the chromium row's log.
stage_html() {
    local file=$1 page=$OUT/report_$CUR_ROWS.html
    bench_cmd collab "$COLLAB" report "$file" --format html --no-progress -o "$page"
    bench_cmd chromium "$PYTHON" tests/browser/check_interactive_map.py --measure "$page" "$OUT"
    grep '^measured:' "$LOGS/html_chromium_$CUR_ROWS.out" >&2 || true
}
stage_map_svg() { stage_map "$1" svg; }

# Stage "reading": what decoding costs. collab summary on the plain UTF-8 file (the baseline), on
# the same file gzip-compressed and in UTF-16LE (both decoded into a temporary file first), and,
# when BASE_COLLAB names a previous build, that build on the plain file (same run, same cache).
stage_reading() {
    local file=$1
    [[ -s $file.gz ]] || gzip -c "$file" >"$file.gz"
    [[ -s $file.utf16 ]] || "$PYTHON" -c 'import sys; d = open(sys.argv[1], "rb").read().decode("utf-8"); open(sys.argv[2], "wb").write(b"\xff\xfe" + d.encode("utf-16-le"))' "$file" "$file.utf16"
    bench_cmd collab "$COLLAB" summary "$file"
    bench_cmd collab_gzip "$COLLAB" summary "$file.gz"
    bench_cmd collab_utf16 "$COLLAB" summary "$file.utf16"
    if [[ -n ${BASE_COLLAB:-} ]]; then
        bench_cmd collab_previous "$BASE_COLLAB" summary "$file"
    else
        log "  reading: collab_previous skipped (set BASE_COLLAB to a previous build)"
    fi
}

# Stage "import": collab import discogs on a generated dump (gzip, as Discogs publishes it), once
# per run, not per --rows size: the dump's size is DISCOGS_RELEASES. Its CSV is read back by
# collab summary for the counts.
stage_import() {
    local dump=$OUT/discogs_$DISCOGS_RELEASES.xml.gz
    if ((REGEN)) || [[ ! -s $dump ]]; then
        log "generating $dump ..."
        TMPFILE=$dump.tmp.$$
        "$PYTHON" scripts/bench/gen_discogs.py "$DISCOGS_RELEASES" "$TMPFILE" &
        GEN=$!
        wait "$GEN" || { echo "bench.sh: scripts/bench/gen_discogs.py failed" >&2; exit 1; }
        GEN=""
        mv -f "$TMPFILE" "$dump"
        TMPFILE=""
    fi
    CUR_ROWS=$DISCOGS_RELEASES CUR_FILE=$dump
    bench_cmd collab "$COLLAB" import discogs "$dump" -o "$OUT/discogs_credits_$DISCOGS_RELEASES.csv"
}

# The import's table: releases per second of wall and of CPU time, and the rows it wrote.
report_import() {
    local i rows per_wall per_cpu
    echo
    echo "### import (collab import discogs, gzip dump)"
    echo
    echo "| releases | seconds | cpu s | peak MiB | releases/s (wall) | releases/s (cpu) | rows written |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    for i in "${!R_TOOL[@]}"; do
        [[ ${R_STAGE[i]} == import ]] || continue
        if [[ ${R_STATUS[i]} != ok ]]; then
            echo "| ${R_ROWS[i]} | ${R_STATUS[i]} (exit ${R_RC[i]}) | - | - | - | - | - |"
            continue
        fi
        rows=$(sed -n 's/.* \([0-9]*\) credit rows written$/\1/p' "${R_LOG[i]}.err" | tail -n 1)
        per_wall=$(awk -v n="${R_ROWS[i]}" -v s="${R_SECS[i]}" 'BEGIN { if (s > 0) printf "%.0f", n / s }')
        per_cpu=$(awk -v n="${R_ROWS[i]}" -v s="${R_CPU[i]}" 'BEGIN { if (s > 0) printf "%.0f", n / s }')
        echo "| ${R_ROWS[i]} | ${R_SECS[i]} | ${R_CPU[i]:--} | $(fmt_mib "${R_KIB[i]}") | ${per_wall:--} | ${per_cpu:--} | ${rows:--} |"
    done
}

# Stage "commands": no command may run for minutes on a file of a few megabytes. Each runs with
# its defaults (sampling, levels and budgets chosen by collab), its outputs in a scratch folder.
# Besides each --rows file, once per run, the two shapes issue 18 names: a dense generated graph
# (rows "dense": the 12,000-person, 550,000-tie edge list of tests/cli/runaway_checks.sh, 6.7 MB)
# and a hub-project file (rows "hub": 3,000 film credits and one compilation of 6,000 people).
COMMANDS_SHAPES=""
stage_commands() {
    commands_on "$1"
    [[ -z $COMMANDS_SHAPES ]] || return 0
    COMMANDS_SHAPES="dense hub"
    local saved_rows=$CUR_ROWS saved_file=$CUR_FILE shape
    if [[ ! -s $OUT/shape_dense.csv || ! -s $OUT/shape_hub.csv ]]; then
        "$PYTHON" - "$OUT/shape_dense.csv" "$OUT/shape_hub.csv" <<'PY' || return 0
import random, sys
r = random.Random(7)
with open(sys.argv[1], "w") as f:
    f.write("source,target\n")
    for u in range(12000):
        for _ in range(46):
            v = r.randrange(12000)
            if v != u:
                f.write(f"p{u},p{v}\n")
r = random.Random(11)
people = [f"Artist {i}" for i in range(6000)]
with open(sys.argv[2], "w") as f:
    f.write("person,project,role,year\n")
    for k in range(1000):
        for p in r.sample(people, 3):
            f.write(f"{p},Film {k},actor,{1980 + k % 40}\n")
    for p in people:
        f.write(f"{p},Various Artists: Soundtrack Box,performer,2001\n")
PY
    fi
    for shape in $COMMANDS_SHAPES; do
        CUR_ROWS=$shape CUR_FILE=$OUT/shape_$shape.csv
        commands_on "$CUR_FILE"
    done
    CUR_ROWS=$saved_rows CUR_FILE=$saved_file
}

commands_on() {
    local file=$1 dir=$OUT/commands_$CUR_ROWS first second
    rm -rf "$dir" && mkdir -p "$dir"
    first=$("$PYTHON" -c 'import csv,sys; r = csv.reader(open(sys.argv[1], encoding="utf-8")); next(r); print(next(r)[0])' "$file")
    second=$("$PYTHON" -c 'import csv,sys; r = list(csv.reader(open(sys.argv[1], encoding="utf-8"))); print(r[len(r) // 2][0])' "$file")
    bench_cmd collab "$COLLAB" summary "$file" -o "$dir/summary.txt"
    bench_cmd report "$COLLAB" report "$file" -o "$dir/report.txt"
    bench_cmd communities "$COLLAB" communities "$file" -o "$dir/communities.md"
    # roles and slices need credits (an edge list has neither roles nor years)
    local header
    header=$(head -n 1 "$file")
    [[ $header != *role* ]] || bench_cmd roles "$COLLAB" roles "$file" -o "$dir/roles.txt"
    bench_cmd names "$COLLAB" names "$file" -o "$dir/names.txt"
    bench_cmd map "$COLLAB" map "$file" -o "$dir/map.png"
    bench_cmd map_nodes "$COLLAB" map "$file" --level nodes -o "$dir/map_nodes.png"
    bench_cmd ego "$COLLAB" ego "$file" "$first" -o "$dir/ego.png"
    bench_cmd path "$COLLAB" path "$file" "$first" "$second" -o "$dir/path.png"
    bench_cmd export "$COLLAB" export "$file" -o "$dir/network.gexf"
    [[ $header != *year* ]] || bench_cmd slices "$COLLAB" slices "$file" -o "$dir/slices"
    bench_cmd analyze "$COLLAB" analyze "$file" -o "$dir/analyze"
}

# Stage "quality": one map-quality case. The graph and its communities come from collab export
# (untimed); collab's row is collab map with --quality (label figures on its stdout); the peers'
# layouts are timed and measured by layout_quality.py, whose rows go to the case's .md log.
quality_case() {   # quality_case LABEL FILE
    local label=$1 file=$2 dir=$OUT/quality_$1 saved=$CUR_ROWS
    mkdir -p "$dir"
    if ! "$COLLAB" export "$file" -o "$dir/nodes.csv" --layout none --no-progress --approx 1000 \
            >/dev/null 2>"$LOGS/quality_export_$label.err"; then
        log "  quality: collab export of $file failed (see $LOGS/quality_export_$label.err)"
        return 0
    fi
    CUR_ROWS=$label
    bench_cmd collab "$COLLAB" map "$file" --level nodes -o "$dir/map.png" --scene "$dir/scene.json" \
        --quality --no-progress
    CUR_ROWS=$saved
    log "  quality: peers' layouts of $label (cap $CAP s each) ..."
    "$PYTHON" scripts/bench/layout_quality.py "$dir/nodes.csv" "$dir/edges.csv" "$dir/scene.json" \
        "$CAP" >"$LOGS/quality_table_$label.md" 2>"$LOGS/quality_table_$label.err" ||
        log "  quality: layout_quality.py failed on $label (see $LOGS/quality_table_$label.err)"
    QUALITY_CASES+=("$label")
}

QUALITY_CASES=()
stage_quality() {
    local file=$1
    if [[ -z ${QUALITY_FIXED_DONE:-} ]]; then
        QUALITY_FIXED_DONE=1
        quality_case karate datasets/karate.csv
        quality_case davis datasets/davis_southern_women.csv
        quality_case tango datasets/tango/tango_credits.csv
    fi
    quality_case "$CUR_ROWS" "$file"
}

report_quality() {
    local label i secs fig
    echo
    echo "### map quality (collab map --level nodes against the peers' layouts of the same graph)"
    echo
    echo "Layout measures by scripts/bench/layout_quality.py on the nodes collab drew: neighbourhood"
    echo "preservation (higher is better), community separation within / between (lower is"
    echo "better), scale-normalised stress (lower is better). Label figures: collab map --quality."
    for label in "${QUALITY_CASES[@]}"; do
        secs=""
        for i in "${!R_TOOL[@]}"; do
            [[ ${R_STAGE[i]} == quality && ${R_ROWS[i]} == "$label" ]] && secs=${R_SECS[i]}
        done
        echo
        echo "#### $label"
        echo
        echo "| layout | seconds | neighbourhood | separation | stress |"
        echo "|---|---:|---:|---:|---:|"
        sed "s/| collab | collab map |/| collab (whole map) | ${secs:-?} |/" "$LOGS/quality_table_$label.md"
        echo
        fig=$LOGS/quality_collab_$label.out
        if [[ -s $fig ]]; then
            echo "collab's labels: $(grep -E '^(labels placed|leader lines|label-label|labels over|nodes hidden|specks sharing)' "$fig" |
                awk '{ v = $NF; if ($(NF-1) == "/") v = $(NF-2) " / " $NF; sub(/[ \t]+[0-9][0-9 \/]*$/, ""); printf "%s%s %s", sep, $0, v; sep = "; " }')"
        fi
    done
}

# Stage "job": collab analyze as a user runs it (its defaults) against the python-igraph job the
# issue names; the peer's stage lines say where its time goes.
stage_job() {
    local file=$1
    rm -rf "$OUT/job_collab_$CUR_ROWS" "$OUT/job_igraph_$CUR_ROWS"
    bench_cmd collab "$COLLAB" analyze "$file" -o "$OUT/job_collab_$CUR_ROWS" --no-progress
    local last=$((${#R_TOOL[@]} - 1)) nodes edges
    if [[ -s $OUT/job_collab_$CUR_ROWS/summary.txt ]]; then
        read -r nodes edges < <(parse_counts "$OUT/job_collab_$CUR_ROWS/summary.txt") || true
        R_NODES[last]=${nodes:-} R_EDGES[last]=${edges:-}
    fi
    bench_cmd igraph "$PYTHON" scripts/bench/peer_igraph_job.py "$file" "$OUT/job_igraph_$CUR_ROWS"
}

# Stage "analyze": the whole job end to end. collab analyze writes every output from one load;
# the peers do the same job their way (scripts/bench/peer_*_analyze.py), sampling paths when
# collab samples (it says so on stderr). Then, outside collab's and the peers' runs, the floors:
# floor_igraph times the bare igraph C calls of each stage on collab's own projection (its
# edge table), reading the input's bytes and writing as many bytes as each stage wrote.
ANALYZE_STAGES=("load and build" "summary" "metrics and communities" "reports" "layout and scene"
                "map png, svg, pdf" "html report" "exports")

build_floor() {
    [[ -z ${FLOOR_BUILT:-} ]] || return 0
    FLOOR_BUILT=1
    log "building $FLOOR (scripts/bench/floor_igraph.c) ..."
    local flags
    if ! flags=$(pkg-config --cflags --libs igraph 2>"$OUT/floor_build.log"); then
        log "bench.sh: pkg-config igraph failed (see $OUT/floor_build.log); floors will show as failed"
        return 0
    fi
    # shellcheck disable=SC2086  # word splitting of the pkg-config flags is intended
    cc -O2 -std=c11 -o "$FLOOR" scripts/bench/floor_igraph.c $flags -lm >>"$OUT/floor_build.log" 2>&1 ||
        log "bench.sh: building floor_igraph failed (see $OUT/floor_build.log); floors will show as failed"
}

bytes_of() {   # bytes_of DIR FILE... : total size of the files that exist
    local dir=$1 f total=0
    shift
    for f in "$@"; do
        [[ -f $dir/$f ]] && total=$((total + $(stat -c %s "$dir/$f")))
    done
    echo "$total"
}

stage_analyze() {
    local file=$1 dir=$OUT/analyze_collab_$CUR_ROWS k requested=0 nodes edges last bip
    rm -rf "$dir" "$OUT/analyze_igraph_$CUR_ROWS" "$OUT/analyze_networkx_$CUR_ROWS"
    bench_cmd collab "$COLLAB" analyze "$file" -o "$dir" --verbose --no-progress
    # analyze prints nothing on stdout: its counts are in summary.txt.
    last=$((${#R_TOOL[@]} - 1))
    if [[ -s $dir/summary.txt ]]; then
        read -r nodes edges < <(parse_counts "$dir/summary.txt") || true
        R_NODES[last]=${nodes:-} R_EDGES[last]=${edges:-}
    fi
    # "collab: estimated (seed S): betweenness from ... paths (...); closeness and harmonic
    # from K sampled sources, ..."
    k=$(sed -n 's/^collab: estimated.*closeness and harmonic from \([0-9]*\) sampled sources.*/\1/p' \
        "$LOGS/analyze_collab_$CUR_ROWS.err" 2>/dev/null | head -n 1)
    [[ -z $k ]] || requested=$(approx_sources "${nodes:-0}" "${edges:-0}")
    echo "${k:-0} $requested" >"$LOGS/analyze_sources_$CUR_ROWS"
    bench_cmd igraph "$PYTHON" scripts/bench/peer_igraph_analyze.py "$file" \
        "$OUT/analyze_igraph_$CUR_ROWS" --sources "$requested"
    bench_cmd networkx "$PYTHON" scripts/bench/peer_networkx_analyze.py "$file" \
        "$OUT/analyze_networkx_$CUR_ROWS" --sources "$requested"

    build_floor
    bip=$OUT/bipartite_$CUR_ROWS.txt
    if [[ ! -s $bip || $bip -ot $file ]]; then
        log "  writing $bip (untimed input of floor_igraph) ..."
        "$PYTHON" scripts/bench/peer_common.py bipartite "$file" "$bip.tmp" && mv -f "$bip.tmp" "$bip"
    fi
    # The projected edge table: edges.csv (nodes.edges.csv in older builds).
    local etab=$dir/edges.csv saved=$CUR_STAGE
    [[ -s $etab ]] || etab=$dir/nodes.edges.csv
    CUR_STAGE=floor
    # Single-threaded: the floor is the calls' own work, without OpenMP's start-up (PageRank).
    BENCH_CAP=$FLOOR_CAP bench_cmd igraph_c env OMP_NUM_THREADS=1 "$FLOOR" --read "$file" --bipartite "$bip" --edges "$etab" \
        --nodes "${nodes:-0}" --sources "$requested" --seed 42 \
        --level "$( ((${nodes:-0} > 20000)) && echo communities || echo nodes)" \
        --write "summary=$(bytes_of "$dir" summary.txt summary.json)" \
        --write "reports=$(bytes_of "$dir" report.txt report.md report.csv report.json communities.md)" \
        --write "map=$(bytes_of "$dir" map.png map.svg map.pdf)" \
        --write "html=$(bytes_of "$dir" report.html)" \
        --write "exports=$(bytes_of "$dir" network.graphml network.gexf network.gml network.json \
                           network.vos.json nodes.csv nodes.edges.csv edges.csv)"
    CUR_STAGE=$saved
}

# Stage "writers" (see the header): each output's writer time against fwrite of its bytes.
FWRITE_FLOOR=$OUT/floor_fwrite
build_fwrite_floor() {
    [[ -z ${FWRITE_FLOOR_BUILT:-} ]] || return 0
    FWRITE_FLOOR_BUILT=1
    log "building $FWRITE_FLOOR (scripts/bench/floor_fwrite.c) ..."
    cc -O2 -std=c11 -o "$FWRITE_FLOOR" scripts/bench/floor_fwrite.c >"$OUT/floor_fwrite_build.log" 2>&1 ||
        log "bench.sh: building floor_fwrite failed (see $OUT/floor_fwrite_build.log); floors will show as failed"
}

# writer_times LOGBASE -> "FILE SECONDS USER" per output: analyze's per-file lines
# ("collab:   report.csv   0.250 s (user 0.200 s)"; USER "-" without it) and its "html report"
# stage (report.html, no user time).
writer_times() {
    awk '/^collab:   [^ ]+ +[0-9.]+ s$/ { print $2, $3, "-" }
         /^collab:   [^ ]+ +[0-9.]+ s \(user [0-9.]+ s\)$/ { print $2, $3, $6 }
         $NF == "s" && index($0, "collab: html report ") == 1 { print "report.html", $(NF - 1), "-" }' \
        "$1.err" 2>/dev/null
}

stage_writers() {
    local file=$1 dir=$OUT/writers_$CUR_ROWS name secs bytes args=() saved=$CUR_STAGE
    rm -rf "$dir"
    bench_cmd collab "$COLLAB" analyze "$file" -o "$dir" --exports all --threads 1 --verbose --no-progress
    build_fwrite_floor
    while read -r name secs _; do
        bytes=$(bytes_of "$dir" "$name")
        [[ $name != nodes.csv ]] || bytes=$(bytes_of "$dir" nodes.csv edges.csv)
        ((bytes > 0)) && args+=("$name=$bytes")
    done < <(writer_times "$LOGS/writers_collab_$CUR_ROWS")
    ((${#args[@]})) || { log "  writers: no per-file times in analyze's output"; return 0; }
    CUR_STAGE=floor
    BENCH_CAP=$FLOOR_CAP bench_cmd fwrite "$FWRITE_FLOOR" "$dir" "${args[@]}"
    CUR_STAGE=$saved
    rm -rf "$dir"   # 3 GB at 1M rows
    stage_writers_threaded "$file"
}

# The number-heavy writers again, each alone in its own command (collab report --all, collab
# export --layout none) with its default threads, which format blocks of rows at once and write
# them in order. Each command computes the metrics again first: the writer's own time is its
# --verbose line. Right after each, beside its output (a new file, as the writer wrote), the
# floor writes the same bytes: the floor's first write is in the writer's conditions.
WRITER_COMMANDS=(report.csv report.json network.gexf network.graphml network.gml network.json
                 network.vos.json nodes.csv)
stage_writers_threaded() {
    local file=$1 dir=$OUT/writers2_$CUR_ROWS out bytes saved=$CUR_STAGE
    build_fwrite_floor
    rm -rf "$dir"
    mkdir -p "$dir"
    for out in "${WRITER_COMMANDS[@]}"; do
        CUR_STAGE=writers2_${out//./_}
        case $out in
        report.*) bench_cmd collab "$COLLAB" report "$file" --all --format "${out#report.}" \
                      -o "$dir/$out" --verbose --no-progress ;;
        *) bench_cmd collab "$COLLAB" export "$file" --layout none -o "$dir/$out" --verbose \
               --no-progress ;;
        esac
        bytes=$(bytes_of "$dir" "$out")
        [[ $out != nodes.csv ]] || bytes=$(bytes_of "$dir" nodes.csv edges.csv)
        if ((bytes > 0)); then
            CUR_STAGE=floor2_${out//./_}
            BENCH_CAP=$FLOOR_CAP bench_cmd fwrite "$FWRITE_FLOOR" "$dir" "$out=$bytes"
        fi
        rm -rf "$dir"
        mkdir -p "$dir"
    done
    CUR_STAGE=$saved
    rm -rf "$dir"
}

# The seconds of one standalone writer command's output OUT: its --verbose line (nodes.csv: the
# node and the edge table together, as one analyze task writes both).
threaded_writer_time() {   # threaded_writer_time ROWS OUT
    local log=$LOGS/writers2_${2//./_}_collab_$1.err
    case $2 in
    nodes.csv) awk '/^collab:   (nodes|edges)\.csv +[0-9.]+ s$/ { s += $3; n++ }
                    END { if (n == 2) print s }' "$log" 2>/dev/null ;;
    *) awk -v f="$2" '$1 == "collab:" && $2 == f && $NF == "s" { print $3 }' "$log" 2>/dev/null ;;
    esac
}

report_writers_threaded() {
    local n out secs bytes floor once log
    echo
    echo "### writers on every core (each in its own command: collab report --all, collab export --layout none)"
    echo
    echo "writer s: the command's --verbose time of the output (the metrics before it excluded); fwrite: the faster of two writes of its size, right after it and beside its output; fwrite once: the first (a new file, as the writer wrote)."
    echo
    echo "| rows | output | MB | writer s | writer MB/s | fwrite s | fwrite MB/s | writer / fwrite | fwrite once MB/s | writer / fwrite once |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in $ROWS; do
        for out in "${WRITER_COMMANDS[@]}"; do
            secs=$(threaded_writer_time "$n" "$out")
            log=$LOGS/floor2_${out//./_}_fwrite_$n.out
            read -r bytes floor < <(awk '$1 == "floor:" { print $4, $5 }' "$log" 2>/dev/null) || true
            once=$(awk '$1 == "floor-first:" { print $4 }' "$log" 2>/dev/null) || true
            [[ -n ${secs:-} && -n ${bytes:-} ]] || continue
            awk -v n="$n" -v f="$out" -v b="$bytes" -v s="$secs" -v fl="$floor" -v o="${once:-0}" 'BEGIN {
                mb = b / 1e6
                ws = (s > 0) ? sprintf("%.0f", mb / s) : "-"
                fs = (fl > 0) ? sprintf("%.0f", mb / fl) : "-"
                os = (o > 0) ? sprintf("%.0f", mb / o) : "-"
                r = (fl > 0) ? sprintf("%.2fx", s / fl) : "-"
                ro = (o > 0) ? sprintf("%.2fx", s / o) : "-"
                printf "| %s | %s | %.1f | %.3f | %s | %.4f | %s | %s | %s | %s |\n", n, f, mb, s, ws, fl, fs, r, os, ro }'
        done
    done
}

report_writers() {
    local n name secs user bytes floor once
    echo
    echo "### writers (each output's writer against fwrite of the same bytes in 64 KiB chunks)"
    echo
    echo "fwrite: the faster of two writes of the size, the second over the first; fwrite once: the first."
    echo "writer user s: the process's user CPU time while the writer ran (its formatting, without the kernel's copy)."
    echo
    echo "writer / fwrite once: both write a new file in the same conditions (into memory the host may have taken back)."
    echo
    echo "| rows | output | MB | writer s | writer MB/s | writer user s | fwrite s | fwrite MB/s | writer / fwrite | user / fwrite | fwrite once MB/s | writer / fwrite once |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in $ROWS; do
        while read -r name secs user; do
            read -r bytes floor < <(awk -v f="$name" '$1 == "floor:" && $3 == f { print $4, $5 }' \
                "$LOGS/floor_fwrite_$n.out" 2>/dev/null) || true
            [[ -n ${bytes:-} ]] || continue
            once=$(awk -v f="$name" '$1 == "floor-first:" && $2 == f { print $4 }' \
                "$LOGS/floor_fwrite_$n.out" 2>/dev/null) || true
            awk -v n="$n" -v f="$name" -v b="$bytes" -v s="$secs" -v fl="$floor" -v o="${once:-0}" \
                -v u="${user:--}" 'BEGIN {
                mb = b / 1e6
                ws = (s > 0) ? sprintf("%.0f", mb / s) : "-"
                fs = (fl > 0) ? sprintf("%.0f", mb / fl) : "-"
                os = (o > 0) ? sprintf("%.0f", mb / o) : "-"
                r = (fl > 0) ? sprintf("%.2fx", s / fl) : "-"
                ur = (fl > 0 && u != "-") ? sprintf("%.2fx", u / fl) : "-"
                us = (u != "-") ? sprintf("%.3f", u) : "-"
                ro = (o > 0) ? sprintf("%.2fx", s / o) : "-"
                printf "| %s | %s | %.1f | %.3f | %s | %s | %.4f | %s | %s | %s | %s | %s |\n", n, f, mb, s, ws, us, fl, fs, r, ur, os, ro }'
        done < <(writer_times "$LOGS/writers_collab_$n")
    done
}

# The seconds of stage NAME: collab's "collab: NAME   S s" (stderr) or a peer's
# "stage: NAME S s" (stdout).
stage_time() {   # stage_time LOGBASE NAME
    awk -v name="$2" '
        (index($0, "collab: " name " ") == 1 || index($0, "stage: " name " ") == 1) && $NF == "s" {
            print $(NF - 1); exit }' "$1.err" "$1.out" 2>/dev/null
}

# The sum of the floor lines "floor: NAME... S s" whose name starts with one of the prefixes.
floor_time() {   # floor_time LOGBASE PREFIX...
    local base=$1
    shift
    # Nothing unless every call was timed (a floor stopped at its cap misses the later ones).
    awk -v prefixes="$(printf '%s\n' "$@")" '
        BEGIN { n = split(prefixes, p, "\n") }
        /^floor: / && $NF == "s" {
            for (i = 1; i <= n; i++)
                if (p[i] != "" && index($0, "floor: " p[i]) == 1) { sum += $(NF - 1); hit[i] = 1; break }
        }
        END {
            for (i = 1; i <= n; i++) if (p[i] != "" && !hit[i]) exit
            printf "%.4f\n", sum }' "$base.out" 2>/dev/null
}

floor_of_stage() {   # floor_of_stage LOGBASE STAGE
    case $2 in
        "load and build") floor_time "$1" "read (" "create bipartite" "projection (" ;;
        summary) floor_time "$1" "write summary" ;;
        "metrics and communities")
            floor_time "$1" "degree and strength" "paths" "pagerank" "eigenvector" "coreness" \
                "constraint" "clustering" "global statistics" "communities" ;;
        reports) floor_time "$1" "write reports" ;;
        "layout and scene") floor_time "$1" "layout" ;;
        "map png, svg, pdf") floor_time "$1" "write map" ;;
        "html report") floor_time "$1" "write html" ;;
        exports) floor_time "$1" "write exports" ;;
    esac
}

# Where a stopped or failed peer got to: its last stage or timing line.
progress_of() {   # progress_of LOGBASE
    local line
    line=$(grep -E '^(stage|timing|floor): .* s$' "$1.out" 2>/dev/null | tail -n 1 || true)
    if [[ -z $line ]]; then
        echo "before the end of load and build"
    else
        line=${line#*: }
        echo "after ${line% * s}"
    fi
}

sum_col() { awk '{ s += $1 } END { if (NR) printf "%.4f\n", s }'; }
ratio_or_dash() { [[ -n $1 && -n $2 ]] && fmt_ratio "$1" "$2" || echo "-"; }

report_analyze() {
    local n st c i x f name k requested base_c base_i base_x base_f
    local sc si sx sf
    echo
    echo "### analyze: paths and peers"
    echo
    for n in $ROWS; do
        base_c=$LOGS/analyze_collab_$n
        [[ -s $LOGS/analyze_sources_$n ]] || continue
        read -r k requested <"$LOGS/analyze_sources_$n"
        if ((k > 0)); then
            local fk
            fk=$(sed -n 's/^floor: paths (igraph_betweenness_subset, \([0-9]*\) sources).*/\1/p' \
                 "$LOGS/floor_igraph_c_$n.out" 2>/dev/null)
            [[ -z $fk || $fk == "$k" ]] ||
                echo "- WARNING: $n rows: the floor swept $fk sources, collab $k (is approx_sources in bench.sh out of date?)"
            echo "- $n rows: collab sampled betweenness and closeness from $k sources (K = $requested, automatic);" \
                 "floor: igraph_betweenness_subset from the same number of sources per component;" \
                 "python-igraph (0.10 has no source-sampled betweenness): closeness and harmonic of $requested sampled vertices, no betweenness;" \
                 "NetworkX: betweenness_centrality(k=$requested), closeness and harmonic of $requested sampled vertices"
        else
            echo "- $n rows: exact betweenness, closeness and harmonic centrality in collab and the peers; floor: igraph_betweenness (exact)"
        fi
        [[ " $PEERS " == *" networkx "* ]] || echo "- $n rows: NetworkX not run (PEERS=\"$PEERS\")"
        for name in igraph networkx igraph_c; do
            local idx
            for idx in "${!R_TOOL[@]}"; do
                [[ ${R_STAGE[idx]} == analyze || ${R_STAGE[idx]} == floor ]] || continue
                [[ ${R_ROWS[idx]} == "$n" && ${R_TOOL[idx]} == "$name" ]] || continue
                case ${R_STATUS[idx]} in
                    capped) echo "- $n rows: $name stopped at the $( [[ $name == igraph_c ]] && echo "$FLOOR_CAP" || echo "$CAP") s cap, $(progress_of "${R_LOG[idx]}")" ;;
                    failed) echo "- $n rows: $name failed (exit ${R_RC[idx]}), $(progress_of "${R_LOG[idx]}"); see ${R_LOG[idx]}.err" ;;
                esac
            done
        done
    done
    echo
    echo "### analyze, stage by stage (seconds; floor = bare igraph C calls / reading or writing the bytes)"
    echo
    echo "| rows | stage | collab | python-igraph | NetworkX | floor | collab / floor | python-igraph / collab |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|"
    for n in $ROWS; do
        base_c=$LOGS/analyze_collab_$n base_i=$LOGS/analyze_igraph_$n
        base_x=$LOGS/analyze_networkx_$n base_f=$LOGS/floor_igraph_c_$n
        [[ -s $base_c.err ]] || continue
        sc="" si="" sx="" sf=""
        for st in "${ANALYZE_STAGES[@]}"; do
            c=$(stage_time "$base_c" "$st") i=$(stage_time "$base_i" "$st")
            x=$(stage_time "$base_x" "$st") f=$(floor_of_stage "$base_f" "$st")
            sc+="${c:+$c$'\n'}" si+="${i:+$i$'\n'}" sx+="${x:+$x$'\n'}" sf+="${f:+$f$'\n'}"
            echo "| $n | $st | ${c:--} | ${i:--} | ${x:--} | ${f:--} | $(ratio_or_dash "$c" "$f") | $(ratio_or_dash "$i" "$c") |"
        done
        # A peer's sum only when it finished every stage.
        c=$(printf '%s' "$sc" | sum_col) f=$(printf '%s' "$sf" | sum_col) i="" x=""
        [[ $(printf '%s' "$si" | grep -c . || true) != "${#ANALYZE_STAGES[@]}" ]] || i=$(printf '%s' "$si" | sum_col)
        [[ $(printf '%s' "$sx" | grep -c . || true) != "${#ANALYZE_STAGES[@]}" ]] || x=$(printf '%s' "$sx" | sum_col)
        echo "| $n | **sum of stages** | ${c:--} | ${i:--} | ${x:--} | ${f:--} | $(ratio_or_dash "$c" "$f") | $(ratio_or_dash "$i" "$c") |"
    done
    echo
    # collab writes reports, map, page and exports from two threads at once: each stage's time
    # is its writer's own, so these stages overlap and their sum is more than the wall time.
    for n in $ROWS; do
        local wall
        wall=$(stage_time "$LOGS/analyze_collab_$n" "outputs (two writers, wall)")
        [[ -z $wall ]] ||
            echo "- $n rows: collab's output stages (reports to exports) ran on two writers at once: $wall s of wall time"
    done
    echo
    echo "### analyze, call by call against the floor (seconds)"
    echo
    echo "| rows | call | collab | floor (igraph C) | python-igraph | collab / floor |"
    echo "|---:|---|---:|---:|---:|---:|"
    local pair cname fname
    for n in $ROWS; do
        base_c=$LOGS/analyze_collab_$n base_i=$LOGS/analyze_igraph_$n base_f=$LOGS/floor_igraph_c_$n
        [[ -s $base_c.err ]] || continue
        for pair in "degree and strength|degree and strength" \
                    "paths (betweenness, closeness, harmonic)|paths" "pagerank|pagerank" \
                    "eigenvector|eigenvector" "coreness|coreness" "constraint|constraint" \
                    "clustering|clustering" "global statistics|global statistics" \
                    "communities|communities"; do
            cname=${pair%%|*} fname=${pair#*|}
            c=$(timing_of "$base_c" "$cname") i=$(timing_of "$base_i" "$cname")
            f=$(floor_time "$base_f" "$fname")
            echo "| $n | $cname | ${c:--} | ${f:--} | ${i:--} | $(ratio_or_dash "$c" "$f") |"
        done
    done
    echo
    echo "collab's paths row is the sweep's wall time on two threads, from its start to its end; the"
    echo "rows below it (pagerank to global statistics) ran meanwhile on the main thread, which then"
    echo "joined the sweep. The floor and python-igraph run each call alone on one thread."
    echo
    echo "### issue 7 goals"
    echo
    echo "| rows | goal | measured | met? |"
    echo "|---:|---|---|---|"
    local idx b_secs b_kib b_ok tool secs kib status
    for n in $ROWS; do
        b_ok="" b_secs="" b_kib=""
        for idx in "${!R_TOOL[@]}"; do
            [[ ${R_STAGE[idx]} == analyze && ${R_ROWS[idx]} == "$n" && ${R_TOOL[idx]} == collab ]] || continue
            b_ok=${R_STATUS[idx]} b_secs=${R_SECS[idx]} b_kib=${R_KIB[idx]}
        done
        [[ $b_ok == ok ]] || continue
        for idx in "${!R_TOOL[@]}"; do
            [[ ${R_STAGE[idx]} == analyze && ${R_ROWS[idx]} == "$n" ]] || continue
            tool=${R_TOOL[idx]} secs=${R_SECS[idx]} kib=${R_KIB[idx]} status=${R_STATUS[idx]}
            local want
            case $tool in igraph) want=5 ;; networkx) want=50 ;; *) continue ;; esac
            case $status in
                ok) echo "| $n | end to end ≥ ${want}× faster than $tool | $(fmt_ratio "$secs" "$b_secs") ($b_secs s vs $secs s) | $(awk -v a="$secs" -v b="$b_secs" -v w="$want" 'BEGIN { print (a >= w * b) ? "yes" : "**no**" }') |" ;;
                capped) echo "| $n | end to end ≥ ${want}× faster than $tool | $(fmt_ratio "$CAP" "$b_secs" ">") ($b_secs s vs stopped at $CAP s) | $(awk -v a="$CAP" -v b="$b_secs" -v w="$want" 'BEGIN { print (a >= w * b) ? "yes" : "unknown (cap too low)" }') |" ;;
                *) echo "| $n | end to end ≥ ${want}× faster than $tool | $tool failed | unknown |" ;;
            esac
            if [[ $tool == igraph && $status == ok ]]; then
                echo "| $n | peak memory ≤ half of python-igraph's | $(fmt_mib "$b_kib") MiB vs $(fmt_mib "$kib") MiB ($(awk -v a="$b_kib" -v b="$kib" 'BEGIN { printf "%.2f", a / b }')) | $(awk -v a="$b_kib" -v b="$kib" 'BEGIN { print (2 * a <= b) ? "yes" : "**no**" }') |"
            fi
        done
        local over="" st_f st_c compared=0
        for st in "${ANALYZE_STAGES[@]}"; do
            st_c=$(stage_time "$LOGS/analyze_collab_$n" "$st") st_f=$(floor_of_stage "$LOGS/floor_igraph_c_$n" "$st")
            [[ -n $st_c && -n $st_f ]] || continue
            compared=$((compared + 1))
            awk -v c="$st_c" -v f="$st_f" 'BEGIN { exit !(c > 1.5 * f && c >= 0.01) }' &&
                over+="${over:+, }$st $(fmt_ratio "$st_c" "$st_f")"
        done
        if ((compared == 0)); then
            # No floor finished (stopped at FLOOR_CAP): nothing was compared, so nothing is met.
            echo "| $n | each stage ≤ 1.5× its floor | no floor measured in this run | unknown |"
        else
            echo "| $n | each stage ≤ 1.5× its floor (stages under 0.01 s ignored; $compared stages with a floor) | ${over:-all within} | $([[ -z $over ]] && echo yes || echo "**no**") |"
        fi
    done
}

# collab's "collab: timing: NAME S s" and the peers' "timing: NAME S s" for one stage and size.
timing_of() {   # timing_of LOGBASE NAME
    sed -n "s/^\(collab: \)\{0,1\}timing: $2 \([0-9.]*\) s$/\2/p" "$1.out" "$1.err" 2>/dev/null | head -n 1
}

has_stage() { [[ " $STAGES " == *" $1 "* ]]; }

report_timings() {
    local n base_c base_i name c i
    if has_stage metrics; then
    echo
    echo "### metrics, call by call (collab vs python-igraph's own call)"
    echo
    echo "| rows | metric | collab s | igraph s | igraph / collab |"
    echo "|---:|---|---:|---:|---:|"
    for n in $ROWS; do
        base_c=$LOGS/metrics_collab_$n base_i=$LOGS/metrics_igraph_$n
        for name in pagerank eigenvector coreness constraint clustering communities; do
            c=$(timing_of "$base_c" "$name") i=$(timing_of "$base_i" "$name")
            [[ -n $c && -n $i ]] || continue
            echo "| $n | $name | $c | $i | $(fmt_ratio "$i" "$c") |"
        done
    done
    fi
    if has_stage betweenness; then
    echo
    echo "### exact betweenness (collab's whole path sweep vs the peers' betweenness call)"
    echo
    echo "| rows | collab paths s | igraph betweenness s | networkx betweenness s | igraph / collab |"
    echo "|---:|---:|---:|---:|---:|"
    for n in $(path_rows); do
        c=$(timing_of "$LOGS/betweenness_collab_$n" "paths (betweenness, closeness, harmonic)")
        i=$(timing_of "$LOGS/betweenness_igraph_$n" betweenness)
        local x
        x=$(timing_of "$LOGS/betweenness_networkx_$n" betweenness)
        [[ -n $c ]] || continue
        local r
        if [[ -n $i ]]; then r=$(fmt_ratio "$i" "$c"); else r=$(fmt_ratio "$CAP" "$c" ">"); fi
        echo "| $n | $c | ${i:->$CAP (stopped)} | ${x:->$CAP (stopped)} | $r |"
    done
    fi
    if has_stage sampled && has_stage betweenness; then
    echo
    echo "### sampled betweenness (1000 sources) against exact"
    echo
    echo "| rows | exact paths s | sampled paths s | time share | top-20 overlap |"
    echo "|---:|---:|---:|---:|---:|"
    for n in $(path_rows); do
        c=$(timing_of "$LOGS/betweenness_collab_$n" "paths (betweenness, closeness, harmonic)")
        i=$(timing_of "$LOGS/sampled_collab_$n" "paths (betweenness, closeness, harmonic)")
        [[ -n $c && -n $i && -s $OUT/exact_$n.csv && -s $OUT/sampled_$n.csv ]] || continue
        local overlap
        overlap=$("$PYTHON" - "$OUT/exact_$n.csv" "$OUT/sampled_$n.csv" <<'PY'
import csv, sys
exact = [r["name"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))][:20]
sampled = [r["name"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))][:20]
print(len(set(exact) & set(sampled)))
PY
)
        echo "| $n | $c | $i | $(awk -v a="$i" -v b="$c" 'BEGIN { printf "%.1f%%", 100 * a / b }') | $overlap of 20 |"
    done
    fi
}

# ------------------------------------------------------------------ report
fmt_mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
fmt_ratio() {   # fmt_ratio VALUE BASE [PREFIX]
    awk -v v="$1" -v b="$2" -v p="${3:-}" 'BEGIN {
        if (b <= 0) { print "n/a"; exit }
        r = v / b
        if (r >= 100) printf "%s%.0fx\n", p, r
        else if (r >= 10) printf "%s%.1fx\n", p, r
        else printf "%s%.2fx\n", p, r }'
}

report_stage() {
    local stage=$1 n i secs_cell mib_cell rt rm
    local b_status b_secs b_kib
    echo
    echo "### $stage"
    echo
    echo "| rows | tool | seconds | cpu s | peak MiB | ratio vs collab (time) | ratio vs collab (memory) |"
    echo "|---:|---|---:|---:|---:|---:|---:|"
    for n in $ROWS $([[ $stage != commands ]] || echo "$COMMANDS_SHAPES"); do
        b_status="" b_secs="" b_kib=""
        for i in "${!R_TOOL[@]}"; do
            if [[ ${R_STAGE[i]} == "$stage" && ${R_ROWS[i]} == "$n" && ${R_TOOL[i]} == collab ]]; then
                b_status=${R_STATUS[i]} b_secs=${R_SECS[i]} b_kib=${R_KIB[i]}
            fi
        done
        for i in "${!R_TOOL[@]}"; do
            [[ ${R_STAGE[i]} == "$stage" && ${R_ROWS[i]} == "$n" ]] || continue
            mib_cell=$( [[ -n ${R_KIB[i]} ]] && fmt_mib "${R_KIB[i]}" || echo "-")
            rt="n/a" rm="n/a"
            case ${R_STATUS[i]} in
                ok)
                    secs_cell=${R_SECS[i]}
                    if [[ $b_status == ok ]]; then
                        rt=$(fmt_ratio "${R_SECS[i]}" "$b_secs")
                        rm=$(fmt_ratio "${R_KIB[i]}" "$b_kib")
                    fi ;;
                capped)
                    secs_cell=">$CAP s (stopped)"
                    [[ $mib_cell == - ]] || mib_cell=">=$mib_cell"
                    if [[ $b_status == ok ]]; then
                        rt=$(fmt_ratio "$CAP" "$b_secs" ">")
                        [[ -z ${R_KIB[i]} ]] || rm=$(fmt_ratio "${R_KIB[i]}" "$b_kib" ">=")
                    fi ;;
                *)
                    secs_cell="failed (exit ${R_RC[i]})"
                    mib_cell="-" ;;
            esac
            [[ ${R_TOOL[i]} != collab ]] || { [[ $b_status != ok ]] || rt="1.00x" rm="1.00x"; }
            echo "| $n | ${R_TOOL[i]} | $secs_cell | ${R_CPU[i]:--} | $mib_cell | $rt | $rm |"
        done
    done
    echo
    # Failures, with the last line of their stderr.
    for i in "${!R_TOOL[@]}"; do
        [[ ${R_STAGE[i]} == "$stage" && ${R_STATUS[i]} == failed ]] || continue
        local why
        why=$(grep -v '^[[:space:]]*$' "${R_LOG[i]}.err" 2>/dev/null | tail -n 1 || true)
        echo "${R_TOOL[i]}: failed (rows=${R_ROWS[i]}, exit ${R_RC[i]}${why:+: $why}; log ${R_LOG[i]}.err)"
    done
    # Count agreement per size.
    for n in $ROWS; do
        local ref_n="" ref_e="" ref_tool="" agree="" bad=0 line=""
        for i in "${!R_TOOL[@]}"; do
            [[ ${R_STAGE[i]} == "$stage" && ${R_ROWS[i]} == "$n" && ${R_STATUS[i]} == ok ]] || continue
            [[ -n ${R_NODES[i]}${R_EDGES[i]} ]] || continue
            line+=" ${R_TOOL[i]}: nodes=${R_NODES[i]:-?} edges=${R_EDGES[i]:-?};"
            if [[ -z $ref_tool ]]; then
                ref_tool=${R_TOOL[i]} ref_n=${R_NODES[i]} ref_e=${R_EDGES[i]}
            elif [[ ${R_NODES[i]} != "$ref_n" || ${R_EDGES[i]} != "$ref_e" ]]; then
                bad=1
            fi
            agree+="${agree:+, }${R_TOOL[i]}"
        done
        [[ -n $ref_tool ]] || continue
        if ((bad)); then
            echo "WARNING: node/edge counts disagree at $n rows:${line%;}"
        else
            echo "counts at $n rows: nodes=${ref_n:-?} edges=${ref_e:-?} (agree: $agree)"
        fi
    done
}

git_rev() {
    local rev
    rev=$(git rev-parse --short HEAD 2>/dev/null) || { echo "no git commit"; return; }
    git diff --quiet HEAD -- engine 2>/dev/null || rev+=", engine/ modified"
    echo "git $rev"
}

machine_info() {
    local cpu mem
    cpu=$(grep -m1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')
    mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
    echo "## collab benchmark"
    echo
    echo "- date: $(date '+%Y-%m-%d %H:%M:%S %Z')"
    echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-unknown} RAM ($(uname -sr))"
    echo "- collab: $COLLAB_SOURCE ($("$COLLAB" --version 2>/dev/null | head -n 1), $(git_rev)), run from a copy made at the start ($COLLAB)"
    echo "- peers: $("$PYTHON" -c 'import sys, igraph, networkx; print("Python %s, python-igraph %s, NetworkX %s" % (sys.version.split()[0], igraph.__version__, networkx.__version__))' 2>/dev/null || echo "$PYTHON: igraph/networkx not importable")"
    echo "- command: STAGES=\"$STAGES\" PEERS=\"$PEERS\" scripts/bench.sh $ARGS"
    echo "- load when started: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1, 5, 15 min)"
    echo "- rows: $ROWS; cap: $CAP s per run ($FLOOR_CAP s for floors); runs per tool: ${REPEAT:-3 for projection, 1 elsewhere} (median time, highest peak memory); peers: $PEERS; data: scripts/gen_credits --seed $SEED"
}

# -------------------------------------------------------------------- main
if [[ -x $COLLAB ]]; then
    log "using existing $COLLAB (not rebuilding)"
elif [[ $COLLAB != build/collab ]]; then
    log "bench.sh: $COLLAB not found; collab rows will show as failed"
else
    log "building $COLLAB (log: $OUT/build.log) ..."
    if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCOLLAB_TESTS=OFF &&
           cmake --build build -j2; } \
            >"$OUT/build.log" 2>&1; then
        log "bench.sh: build failed (see $OUT/build.log); collab rows will show as failed"
        tail -n 5 "$OUT/build.log" >&2 || true
    fi
fi
# Run a copy: other work may rebuild build/collab while a long run goes on.
COLLAB_SOURCE=$COLLAB
if [[ -x $COLLAB ]] && cp -f "$COLLAB" "$OUT/collab.bin"; then
    COLLAB=$OUT/collab.bin
fi

HEADER=$(machine_info)
printf '%s\n\n' "$HEADER"

if has_stage import; then
    CUR_STAGE=import
    stage_import
fi

# The credits files are needed only by the stages other than import.
SIZED_STAGES=${STAGES//import/}
[[ -n ${SIZED_STAGES// /} ]] || ROWS_TO_RUN=""
for n in ${ROWS_TO_RUN-$ROWS}; do
    file=$OUT/credits_$n.csv
    if ((REGEN)) || [[ ! -s $file ]]; then
        log "generating $file ..."
        TMPFILE=$file.tmp.$$
        # In the background + wait, so that an interrupt is handled at once.
        "$PYTHON" scripts/gen_credits --rows "$n" --seed "$SEED" -o "$TMPFILE" &
        GEN=$!
        wait "$GEN" || { echo "bench.sh: scripts/gen_credits failed" >&2; exit 1; }
        GEN=""
        mv -f "$TMPFILE" "$file"
        TMPFILE=""
    else
        log "using cached $file"
    fi
    CUR_ROWS=$n CUR_FILE=$file
    for CUR_STAGE in $STAGES; do
        [[ $CUR_STAGE == import ]] || "stage_$CUR_STAGE" "$file"   # import: once, above
    done
done

{
    printf '%s\n' "$HEADER"
    for stage in $STAGES; do
        [[ $stage == import || $stage == quality ]] || report_stage "$stage"
    done
    ! has_stage quality || report_quality
    ! has_stage import || report_import
    report_timings
    ! has_stage analyze || report_analyze
    ! has_stage writers || report_writers
    ! has_stage writers || report_writers_threaded
} > "$OUT/report.md"
cp -f "$OUT/report.md" "$OUT/report_$(date +%Y%m%d_%H%M%S).md"
# The header was printed at the start; print the tables now.
sed '1,/^- rows:/d' "$OUT/report.md"
log "report written to $OUT/report.md"
