#!/usr/bin/env bash
# Installs what pybpfc needs on a Debian 12 machine, idempotently:
# clang-19 (the preferred BPF toolchain), the Python 3.11 standard library
# (the parser's conformance corpus) and the Go modules. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v clang-19 >/dev/null 2>&1 || need+=(clang-19)
[ -d /usr/lib/python3.11 ] || need+=(libpython3.11-stdlib)
command -v make >/dev/null 2>&1 || need+=(make)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need ${need[*]}; run as root (or: sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  echo "setup: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v go >/dev/null 2>&1 || { echo "setup: Go 1.26 is required (not found on PATH)" >&2; exit 1; }
go mod download
echo "setup: ok ($(clang-19 --version | head -1); $(go version))"
