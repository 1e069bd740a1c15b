#!/usr/bin/env bash
# Operator benchmark: N resources (default 1000) across namespaces through the real controller, embedded engine,
# tiny data, against the in-process fake API server. Usage: bash bench/operator.sh [--resources N] [--namespaces N] [--workers N] [--minutes N]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/KafkaRecon.OperatorBench >/dev/null
exec dotnet run -c Release --no-build --project bench/KafkaRecon.OperatorBench -- "$@"
