#!/usr/bin/env bash
# Parses the statements in the file given (or on stdin; JSON, see check.mjs) with dt-sql-parser's Spark SQL, Trino and Hive grammars.
# Installs dt-sql-parser into tests/sql-dialect/node_modules on first use (tests/prerequisites.sh does it ahead).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -f "$here/node_modules/dt-sql-parser/package.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >&2
fi
node --import "$here/resolve-extensionless.mjs" "$here/check.mjs" < "${1:-/dev/stdin}"
