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

# Where a terraform binary and a local copy of the AWS provider exist (CI's machine has both), also run the real
# `terraform validate` against the provider's schema, and check formatting. Neither needs the network.
mirror="${TF_PROVIDER_MIRROR:-/opt/tf-plugins}"
if [ "$*" != "$repo_root/infra/terraform" ]; then
  exit 0
fi
if ! command -v terraform >/dev/null 2>&1 || [ ! -d "$mirror/registry.terraform.io/hashicorp/aws" ]; then
  echo "terraform validate: skipped (needs a terraform binary and the AWS provider under \$TF_PROVIDER_MIRROR, default /opt/tf-plugins)"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
if ! terraform fmt -check -recursive "$repo_root/infra/terraform" >/dev/null; then
  echo "ERROR infra/terraform is not formatted: run 'terraform fmt -recursive infra/terraform'" >&2
  exit 1
fi
# A copy, so init's lock file and provider links never land in the repository. Validating the example validates the
# module it calls as well (loading the provider schema takes a while, so once is enough).
cp -r "$repo_root/infra/terraform" "$work/module"
for dir in "$work/module/examples/complete"; do
  name="infra/terraform${dir#"$work/module"}"
  if ! (cd "$dir" && terraform init -backend=false -input=false -no-color >"$work/init.log" 2>&1); then
    cat "$work/init.log" >&2
    echo "ERROR terraform init failed for $name (provider mirror: $mirror)" >&2
    exit 1
  fi
  if ! (cd "$dir" && terraform validate -no-color); then
    echo "ERROR terraform validate failed for $name" >&2
    exit 1
  fi
  echo "terraform validate: $name ok"
done
