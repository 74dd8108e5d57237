#!/usr/bin/env bash
# Measures, in one run on the same generated tree (20,000 files / 200 MB): cat of every file, the samokoder secrets
# checks and secretlint with its recommended preset. Needs: ./mvnw -q -B -pl benchmarks -am package -DskipTests and
# npm ci --prefix tools/node.
set -euo pipefail
cd "$(dirname "$0")/.."
SECRETLINT="$PWD/tools/node/node_modules/.bin/secretlint"
[ -x "$SECRETLINT" ] || { echo "secretlint missing: npm ci --prefix tools/node" >&2; exit 2; }
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -B -pl benchmarks -am package -DskipTests
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
java -Xmx4g -cp benchmarks/target/benchmarks.jar io.samokoder.bench.SecretsComparison "$SECRETLINT" \
  "${1:-20000}" "${2:-10240}" "$DIR"
