#!/usr/bin/env bash
# The test command: installs prerequisites, runs the whole suite, ends with one 'N passed, N failed' line.
set -uo pipefail
cd "$(dirname "$0")/.."
# The real-API-server tests find etcd and kube-apiserver here (envtest convention); elsewhere: setup-envtest use 1.36 -p path.
export KUBEBUILDER_ASSETS="${KUBEBUILDER_ASSETS:-$(cd .. && pwd)/shared/envtest/bin}"
bash tests/prerequisites.sh || exit 1
dotnet test KafkaRecon.sln 2>&1 | tee TestResults.log
status=${PIPESTATUS[0]}
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+' TestResults.log | tail -n 1)
failed=$(grep -Eo 'Failed: +[0-9]+' <<<"$summary" | grep -Eo '[0-9]+' || echo 0)
passed=$(grep -Eo 'Passed: +[0-9]+' <<<"$summary" | grep -Eo '[0-9]+' || echo 0)
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
