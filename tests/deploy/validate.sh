#!/usr/bin/env bash
# Validates the kustomize output, the CRD, the CR samples and the Helm chart's static files against real schemas.
# Run from anywhere; installs its npm packages into tests/deploy/node_modules on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
# (Re)install when node_modules is missing or older than the lock file.
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
command -v kubectl >/dev/null || { echo "validate.sh needs kubectl (for kubectl kustomize)" >&2; exit 2; }
exec node "$here/validate.mjs"
