# Shared by run.sh, test.sh, bench.sh and fuzz.sh: install what is missing, then configure and
# build. Sourced, not run.

# What building and running collab need (scripts/run.sh). libigraph-dev's CMake config links
# arpack, glpk and plfit but the package does not depend on their -dev packages, so they are
# listed here. The fonts are those the maps are drawn with (Latin, CJK). sh and awk, which
# generate the man pages and completion at build time, are part of every Debian system.
COLLAB_BUILD_PACKAGES=(
    build-essential cmake pkg-config
    libigraph-dev libarpack2-dev libglpk-dev libplfit-dev
    libcairo2-dev libpango1.0-dev libcsv-dev libutf8proc-dev libjansson-dev
    libxxhash-dev libfmt-dev
    zlib1g-dev liblzma-dev libzstd-dev libbz2-dev libxml2-dev
    fonts-dejavu-core fonts-wqy-microhei
)
# What the tests add (scripts/test.sh): cmocka for the unit tests (-DCOLLAB_TESTS=ON), the
# compressors that make the compressed test inputs, the Python
# oracles (NetworkX with SciPy, python-igraph), valgrind, and headless Chromium driven over the
# DevTools protocol for the HTML report.
COLLAB_TEST_PACKAGES=(
    libcmocka-dev
    xz-utils zstd bzip2
    python3 python3-networkx python3-scipy python3-igraph
    valgrind
    chromium python3-websocket
)
# What the libFuzzer targets add (scripts/fuzz.sh, also run by test.sh): clang and its runtime.
COLLAB_FUZZ_PACKAGES=(
    clang libclang-rt-14-dev
)
# What the benchmarks add (scripts/bench.sh): GNU time for peak memory, the peers (python-igraph
# plotting through pycairo, NetworkX drawing with matplotlib, Graphviz's sfdp) and the data
# generator (Python).
COLLAB_BENCH_PACKAGES=(
    time
    python3 python3-networkx python3-scipy python3-igraph python3-cairo python3-matplotlib
    graphviz
)

collab_root() {
    cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

# collab_install_packages PKG...: installs those that are not installed yet (non-interactive,
# nothing else).
collab_install_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "collab: installing missing packages: ${missing[*]}" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# One function per set; each installs what building needs as well.
collab_install_build() {
    collab_install_packages "${COLLAB_BUILD_PACKAGES[@]}"
}

collab_install_test() {
    collab_install_packages "${COLLAB_BUILD_PACKAGES[@]}" "${COLLAB_TEST_PACKAGES[@]}"
}

collab_install_fuzz() {
    collab_install_packages "${COLLAB_BUILD_PACKAGES[@]}" "${COLLAB_FUZZ_PACKAGES[@]}"
}

collab_install_bench() {
    collab_install_packages "${COLLAB_BUILD_PACKAGES[@]}" "${COLLAB_BENCH_PACKAGES[@]}"
}

# collab_build DIR BUILD_TYPE [extra cmake args...]
collab_build() {
    local dir=$1 type=$2
    shift 2
    cmake -S "$(collab_root)" -B "$dir" -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    cmake --build "$dir" -j "$(nproc)"
}
