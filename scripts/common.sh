# Shared by run.sh, test.sh and bench.sh: install what is missing, then configure and build.
# Sourced, not run.

# Debian packages the project needs. libigraph-dev's CMake config links arpack, glpk and plfit
# but the package does not depend on their -dev packages, so they are listed here.
COLLAB_PACKAGES=(
    build-essential cmake pkg-config
    libigraph-dev libarpack2-dev libglpk-dev libplfit-dev
    libcairo2-dev libpango1.0-dev libcsv-dev libutf8proc-dev libjansson-dev libcmocka-dev
    libdouble-conversion-dev libxxhash-dev
    fonts-dejavu-core fonts-wqy-microhei
    python3 python3-networkx python3-igraph python3-scipy python3-cairo graphviz time valgrind
    chromium python3-websocket
    clang libclang-rt-14-dev
)

collab_root() {
    cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

# Installs the packages that are not installed yet (non-interactive, nothing else).
collab_install_missing() {
    local missing=()
    local pkg
    for pkg in "${COLLAB_PACKAGES[@]}"; do
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

# collab_build DIR BUILD_TYPE [extra cmake args...]
collab_build() {
    local dir=$1 type=$2
    shift 2
    cmake -S "$(collab_root)" -B "$dir" -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    cmake --build "$dir" -j "$(nproc)"
}
