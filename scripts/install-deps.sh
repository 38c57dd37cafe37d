#!/usr/bin/env bash
# Installs everything veil needs to build, test, benchmark and read its man
# page on Debian 12 (bookworm). Run as root, or as a user with sudo.
#
#   ./scripts/install-deps.sh
#
# When every package is already installed it does nothing (no apt-get
# update), so scripts/setup can call it on every run.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libcli11-dev libre2-dev libsimdjson-dev nlohmann-json3-dev
  libtomlplusplus-dev doctest-dev libssl-dev zlib1g-dev libzstd-dev
  libphonenumber-dev libprotobuf-dev
  libvectorscan-dev # optional Vectorscan prefilter (VEIL_VECTORSCAN=1)
  python3 hyperfine ripgrep clang libclang-rt-14-dev man-db gzip zstd
  time libbenchmark-dev # scripts/bench's peak RSS; tests/bench (VEIL_BENCH=ON)
  valgrind # scripts/bench-instructions
  python3-jsonschema chromium
  prometheus python3-prometheus-client # tests/policy/metrics_check.py
  git pre-commit # tests/hooks: .gitignore walks, the pre-commit hooks
  jq curl # examples/redact-before-send.sh (tests/docs/redact_before_send.sh)
  parallel # tests/property/shard_merge.py: --pipepart shards
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  if [ "$status" != "installed" ]; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "install-deps: installing: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: not root and sudo is not available; run as root:" >&2
    echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
