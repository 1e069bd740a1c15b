#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK (idempotent: installs only what is missing).
set -euo pipefail

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" -ne 0 ]; then echo "tests need '$*'; run as root or install: apt-get install -y $*" >&2; exit 1; fi
  apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
}

# Prometheus and promtool: alert-rule unit tests and the real scrape test.
command -v promtool >/dev/null && command -v prometheus >/dev/null || apt_install prometheus
# Node.js and npm: the deploy and Terraform validators install their npm packages themselves.
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
# dt-sql-parser for the SQL dialect gate (Sql/SqlDialectGateTests), into its own cache folder, only when missing.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -f "$here/sql-dialect/node_modules/dt-sql-parser/package.json" ] \
  || npm ci --prefix "$here/sql-dialect" --no-audit --no-fund --loglevel=error
# kubectl checks the fake API server and renders the kustomize bases.
command -v kubectl >/dev/null || { echo "tests need kubectl 1.32 (Kubernetes apt repository)" >&2; exit 1; }
# moto: the AWS tests start a real AWS emulator on 127.0.0.1.
python3 -c "import moto.server" 2>/dev/null \
  || python3 -m pip install --quiet 'moto[server]==5.2.1' \
  || { echo "the AWS tests need python3 with moto 5.2.1: pip install 'moto[server]==5.2.1'" >&2; exit 1; }
