#!/usr/bin/env bash
# Audits every repository of the real-world corpus (benchmarks/corpus/repos.tsv) with the CLI and scores the
# findings against the judgments (benchmarks/corpus/judgments/*.json).
#
#   benchmarks/corpus/run.sh                      # all repositories, then the scorer
#   ONLY="stefanprodan/dockprom CTFd/CTFd" benchmarks/corpus/run.sh
#   benchmarks/corpus/run.sh --markdown           # arguments go to score.py
#
# Each tree is expected at $CORPUS_SRC/<owner>+<name> (default /work/corpus-src), extracted at the commit repos.tsv
# lists; an absent tree is skipped with a line that says how to get it. Nothing from those repositories is built or
# run: the CLI only reads their files.
#   REPOS=benchmarks/corpus/heldout/repos.tsv JUDGMENTS=benchmarks/corpus/heldout/judgments \
#     CORPUS_SRC=/work/corpus-heldout OUT=benchmarks/corpus/out/heldout benchmarks/corpus/run.sh   # held-out set
#
# Environment: REPOS (the list, benchmarks/corpus/repos.tsv), JUDGMENTS (benchmarks/corpus/judgments), CORPUS_SRC,
# OUT (benchmarks/corpus/out: <owner>+<name>.json, .stderr, and runs.tsv with exit code,
# seconds and finding counts per repository), ONLY (space-separated owner/name subset), TIMEOUT (seconds per
# repository, 300), JAVA_OPTS (JVM options for the CLI), NO_BUILD=1 (never build the jar).
# Exit status: the scorer's, or 1 when the CLI crashed (exit status other than 0) or timed out on any tree.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/corpus
cd "$ROOT"
SRC=${CORPUS_SRC:-/work/corpus-src}
REPOS=${REPOS:-$HERE/repos.tsv}
JUDGMENTS=${JUDGMENTS:-$HERE/judgments}
OUT=${OUT:-$HERE/out}
TIMEOUT=${TIMEOUT:-300}
JAR=$ROOT/samokoder-cli/target/samokoder-cli.jar
read -r -a JAVA_ARGS <<< "${JAVA_OPTS:-}"

if [ ! -f "$JAR" ]; then
  if [ "${NO_BUILD:-}" = 1 ]; then
    echo "no $JAR and NO_BUILD=1: build it with ./mvnw -q -B package -DskipTests -Dinvoker.skip -pl samokoder-cli -am" >&2
    exit 2
  fi
  echo "building the CLI (no $JAR yet)" >&2
  ./mvnw -q -B package -DskipTests -Dinvoker.skip -pl samokoder-cli -am
fi

mkdir -p "$OUT"
runs=$OUT/runs.tsv
printf 'repo\texit\tseconds\tfindings\tmedium+\n' > "$runs"
failed=()
ran=0
skipped=0
while IFS=$'\t' read -r repo commit kind why; do
  case "$repo" in ''|'#'*|repo) continue ;; esac
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $repo "* ]]; then continue; fi
  name=${repo/\//+}
  tree=$SRC/$name
  if [ ! -d "$tree" ]; then
    echo "SKIP $repo: no tree at $tree. Get it with the search tool's fetch (github:$repo), then" \
      "CORPUS_SRC=$SRC benchmarks/corpus/extract.sh /work/.mirror/$name/repo $repo $commit" \
      "(or: git --git-dir=<that dir> archive $commit | tar -x -C $tree)"
    skipped=$((skipped + 1))
    continue
  fi
  json=$OUT/$name.json
  err=$OUT/$name.stderr
  rm -f "$json" "$err"
  start=$(date +%s.%N)
  set +e
  timeout --kill-after=10 "$TIMEOUT" java "${JAVA_ARGS[@]}" -jar "$JAR" "$tree" --no-config --fail-on-violation=false \
    --json "$json" -q > /dev/null 2> "$err"
  rc=$?
  set -e
  secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  ran=$((ran + 1))
  counts=$(python3 - "$json" <<'PY' 2>/dev/null || echo "-	-"
import json, sys
findings = json.load(open(sys.argv[1]))["findings"]
medium = [f for f in findings if f["severity"] in ("critical", "high", "medium") and f.get("status") != "suppressed"]
print(f"{len(findings)}\t{len(medium)}")
PY
)
  printf '%s\t%s\t%s\t%s\n' "$repo" "$rc" "$secs" "$counts" >> "$runs"
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    echo "TIMEOUT $repo after ${TIMEOUT}s (stderr: $err)"
    failed+=("$repo")
  elif [ "$rc" != 0 ] || [ ! -s "$json" ]; then
    echo "FAIL $repo: exit $rc, ${secs}s; stderr ($err):"
    sed 's/^/    /' "$err" | head -40
    failed+=("$repo")
  else
    printf 'ok   %-55s %6ss  findings %-5s medium+ %s\n' "$repo" "$secs" "${counts%%	*}" "${counts##*	}"
    if [ -s "$err" ]; then sed 's/^/    stderr: /' "$err" | head -10; fi
  fi
done < "$REPOS"

echo "ran $ran, skipped $skipped (no tree), failed ${#failed[@]}${failed:+: ${failed[*]}}"
set +e
python3 "$HERE/score.py" --out "$OUT" --repos "$REPOS" --judgments "$JUDGMENTS" "$@"
score=$?
set -e
[ "${#failed[@]}" -eq 0 ] || exit 1
exit $score
