#!/usr/bin/env bash
# Prints the IAM actions each aws_iam_policy_document of infra/terraform (or the folder given) allows, as JSON.
# Installs its npm packages itself, like validate.sh.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$repo_root/tests/terraform"
if [ ! -f "$here/node_modules/@cdktf/hcl2json/package.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >&2
fi
node "$here/iam-actions.js" "${1:-$repo_root/infra/terraform}"
