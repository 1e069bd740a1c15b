#!/usr/bin/env bash
# One-command benchmark of the embedded engine (see bench/README.md). Options are passed to the benchmark:
#   bash bench/run.sh [--records 1000000,10000000] [--large] [--missing-percent P] [--memory-limit 4GB]
#                     [--no-coalesce-phase] [--coalesce-files 100000 (0 skips)]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="$repo/.bench-cache"
bin="$cache/bin"
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (measures the child processes' peak RSS)" >&2
  apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
dotnet build "$repo/bench/KafkaRecon.Bench/KafkaRecon.Bench.csproj" -c Release -o "$bin" -nologo -v quiet >&2
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load:$(uptime | sed 's/.*load average//')"
exec "$bin/KafkaRecon.Bench" --kafka-recon "$bin/kafka-recon" --cache "$cache" "$@"
