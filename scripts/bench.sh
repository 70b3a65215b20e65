#!/usr/bin/env bash
# Benchmark collab against idiomatic python-igraph and NetworkX peers.
#
#   scripts/bench.sh [--rows "20000 100000 1000000"] [--cap SECONDS] [--regen]
#
# For each size: generate output/bench/credits_<rows>.csv (cached by name,
# scripts/gen_credits --seed 1), then time every tool of every stage with
# /usr/bin/time (elapsed seconds, peak RSS) under `timeout CAP`, and print one
# markdown table per stage with ratios against collab.  Node/edge counts of
# all tools are compared; a disagreement prints a WARNING line.
# Logs of every run: output/bench/logs/.  The report is also written to
# output/bench/report.md.
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

ROWS="20000 100000 1000000"
CAP=300
SEED=1
REGEN=0
PYTHON=${PYTHON:-/usr/bin/python3}
# COLLAB=path overrides the binary (no build is attempted for an override).
COLLAB=${COLLAB:-build/collab}
OUT=output/bench
LOGS=$OUT/logs
STAGES=${STAGES:-"projection metrics betweenness sampled map_png map_svg"}
# Exact betweenness is O(V E): its stages run only on these sizes.
PATH_ROWS="20000 100000"

usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

while (($#)); do
    case $1 in
        --rows) ROWS=${2:?--rows needs a value}; shift 2 ;;
        --rows=*) ROWS=${1#*=}; shift ;;
        --cap) CAP=${2:?--cap needs a value}; shift 2 ;;
        --cap=*) CAP=${1#*=}; shift ;;
        --regen) REGEN=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done
for n in $ROWS; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: bad row count: $n" >&2; exit 2; }
done
[[ -n ${ROWS// /} ]] || { echo "bench.sh: --rows is empty" >&2; exit 2; }
[[ $CAP =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --cap must be a positive integer (seconds)" >&2; exit 2; }

# ---------------------------------------------------------------- checks
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
R_STAGE=() R_ROWS=() R_TOOL=() R_STATUS=() R_SECS=() R_KIB=() R_RC=()
R_NODES=() R_EDGES=() R_LOG=()
CUR_STAGE=""      # set by the stage loop
CUR_ROWS=""

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

# bench_cmd NAME CMD... : run CMD under timeout CAP and /usr/bin/time,
# record one result row for (CUR_STAGE, CUR_ROWS, NAME).  Never fails.
bench_cmd() {
    local name=$1; shift
    local base=$LOGS/${CUR_STAGE}_${name}_${CUR_ROWS}
    local tf=$base.time rc=0 status secs kib nodes edges
    log "  $CUR_STAGE: $name ($CUR_ROWS rows) ..."
    rm -f "$tf"
    if [[ $1 == */* && ! -x $1 ]]; then
        echo "bench.sh: $1: not found or not executable" >"$base.err"
        : >"$base.out"
        rc=127
    else
        /usr/bin/time -f '%e %M' -o "$tf" \
            timeout -k 10 "$CAP" "$@" >"$base.out" 2>"$base.err" &
        CHILD=$!
        wait "$CHILD" || rc=$?
        CHILD=""
    fi
    # The last line of the time file is "%e %M" (a "Command exited with
    # non-zero status" line may precede it).
    secs="" kib=""
    if [[ -s $tf ]]; then
        read -r secs kib < <(tail -n 1 "$tf") || true
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
    R_STATUS+=("$status") R_SECS+=("$secs") R_KIB+=("$kib") R_RC+=("$rc")
    R_NODES+=("${nodes:-}") R_EDGES+=("${edges:-}") R_LOG+=("$base")
    log "    -> $status${secs:+, ${secs} s}${kib:+, $((kib / 1024)) MiB}${nodes:+, nodes=$nodes}${edges:+ edges=$edges}"
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

in_path_rows() {
    local n
    for n in $PATH_ROWS; do [[ $n == "$1" ]] && return 0; done
    return 1
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
stage_map_svg() { stage_map "$1" svg; }

# collab's "collab: timing: NAME S s" and the peers' "timing: NAME S s" for one stage and size.
timing_of() {   # timing_of LOGBASE NAME
    sed -n "s/^\(collab: \)\{0,1\}timing: $2 \([0-9.]*\) s$/\2/p" "$1.out" "$1.err" 2>/dev/null | head -n 1
}

report_timings() {
    local n base_c base_i name cname c i
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
    echo
    echo "### exact betweenness (collab's whole path sweep vs the peers' betweenness call)"
    echo
    echo "| rows | collab paths s | igraph betweenness s | networkx betweenness s | igraph / collab |"
    echo "|---:|---:|---:|---:|---:|"
    for n in $PATH_ROWS; do
        c=$(timing_of "$LOGS/betweenness_collab_$n" "paths (betweenness, closeness, harmonic)")
        i=$(timing_of "$LOGS/betweenness_igraph_$n" betweenness)
        local x
        x=$(timing_of "$LOGS/betweenness_networkx_$n" betweenness)
        [[ -n $c ]] || continue
        echo "| $n | $c | ${i:->$CAP (stopped)} | ${x:->$CAP (stopped)} | $( [[ -n $i ]] && fmt_ratio "$i" "$c" || fmt_ratio "$CAP" "$c" ">") |"
    done
    echo
    echo "### sampled betweenness (1000 sources) against exact"
    echo
    echo "| rows | exact paths s | sampled paths s | time share | top-20 overlap |"
    echo "|---:|---:|---:|---:|---:|"
    for n in $PATH_ROWS; do
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
    local stage=$1 n i j base secs_cell mib_cell rt rm
    local b_status b_secs b_kib
    echo
    echo "### $stage"
    echo
    echo "| rows | tool | seconds | peak MiB | ratio vs collab (time) | ratio vs collab (memory) |"
    echo "|---:|---|---:|---:|---:|---:|"
    for n in $ROWS; do
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
            echo "| $n | ${R_TOOL[i]} | $secs_cell | $mib_cell | $rt | $rm |"
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
    echo "- collab: $COLLAB ($(git_rev))"
    echo "- peers: $("$PYTHON" -c 'import sys, igraph, networkx; print("Python %s, python-igraph %s, NetworkX %s" % (sys.version.split()[0], igraph.__version__, networkx.__version__))' 2>/dev/null || echo "$PYTHON: igraph/networkx not importable")"
    echo "- rows: $ROWS; cap: $CAP s per run; data: scripts/gen_credits --seed $SEED"
}

# -------------------------------------------------------------------- main
HEADER=$(machine_info)
printf '%s\n\n' "$HEADER"

if [[ -x $COLLAB ]]; then
    log "using existing $COLLAB (not rebuilding)"
elif [[ $COLLAB != build/collab ]]; then
    log "bench.sh: $COLLAB not found; collab rows will show as failed"
else
    log "building $COLLAB (log: $OUT/build.log) ..."
    if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2; } \
            >"$OUT/build.log" 2>&1; then
        log "bench.sh: build failed (see $OUT/build.log); collab rows will show as failed"
        tail -n 5 "$OUT/build.log" >&2 || true
    fi
fi

for n in $ROWS; do
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
    CUR_ROWS=$n
    for CUR_STAGE in $STAGES; do
        "stage_$CUR_STAGE" "$file"
    done
done

{
    printf '%s\n' "$HEADER"
    for stage in $STAGES; do
        report_stage "$stage"
    done
    report_timings
} > "$OUT/report.md"
# The header was printed at the start; print the tables now.
sed '1,/^- rows:/d' "$OUT/report.md"
log "report written to $OUT/report.md"
