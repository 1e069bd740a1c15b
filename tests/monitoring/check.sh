#!/usr/bin/env bash
# Validates the shipped Prometheus rules with the real tool: `promtool check rules` (syntax, templates) and
# `promtool test rules` (unit tests: every alert fires when it should and stays quiet when it should not).
# Installs Debian's `prometheus` package (which ships promtool) when promtool is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool not found; installing Debian package 'prometheus'" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: promtool is missing and this user cannot install it; run: sudo apt-get install -y prometheus" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
fi

promtool --version | head -1
promtool check rules deploy/monitoring/alerts.yaml charts/kafka-recon/files/alerts.yaml
promtool test rules deploy/monitoring/alerts.test.yaml
