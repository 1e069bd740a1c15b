#!/usr/bin/env bash
# Parses every .tf file under infra/terraform (or the folders given) with HashiCorp's HCL parser and checks that
# every variable, local, data source, resource and module reference resolves. Installs its npm packages itself.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$repo_root/tests/terraform"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "validate.sh: '$tool' is not installed; install Node.js 18 or later with npm (Debian: apt-get install -y nodejs npm)." >&2
    exit 127
  fi
done

if [ ! -f "$here/node_modules/@cdktf/hcl2json/package.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >&2
fi

if [ "$#" -eq 0 ]; then
  set -- "$repo_root/infra/terraform"
fi
node "$here/validate.js" "$@"

# Formatting is checked too where a terraform binary happens to exist; the parse above does not need one.
if command -v terraform >/dev/null 2>&1 && [ "$*" = "$repo_root/infra/terraform" ]; then
  if ! TF_CLI_CONFIG_FILE=/dev/null terraform fmt -check -recursive "$repo_root/infra/terraform" >/dev/null; then
    echo "ERROR infra/terraform is not formatted: run 'terraform fmt -recursive infra/terraform'" >&2
    exit 1
  fi
fi
