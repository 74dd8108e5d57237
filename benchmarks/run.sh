#!/usr/bin/env bash
# Scale benchmark of samokoder against its IO floor and its peers, on generated repositories.
#
#   benchmarks/run.sh                    # 1k, 10k, 50k, 100k files (~10 KB each, ~1 GB at 100k)
#   SIZES="1000 10000" benchmarks/run.sh # fewer sizes
#   NO_BUILD=1 benchmarks/run.sh         # reuse the jars in */target
#
# For each size: generates a tree (cached in benchmarks/work, keyed by size, seed and mean size), warms the page
# cache with `cat` of every file (the IO floor, timed), audits it with the CLI (cold JVM, -Xmx$XMX), runs secretlint
# on the same files and remark-validate-links on its Markdown, and prints files/s, MB/s, peak RSS (GNU time) and the
# peers' time as a multiple of samokoder's. Also: a 750-file repository audited cold (target < 1 s), and the time the
# Maven goal adds to `mvn verify` of a small pom-only project and to `mvn clean verify` of a small Java project (target < 0.5 s). Writes the results between the markers of docs/benchmarks.md.
#
# The CLI runs through scripts/samokoder (client compiler, parallel GC, class data sharing, heap XMX); the 750-file
# run is also timed as plain `java -jar` with the JVM's defaults.
# Environment: SIZES, SEED (42), AVG_BYTES (10240), XMX (400m), PEER_TIMEOUT (seconds per peer run, 300),
# REPEAT (cold runs of the 750-file audit and first builds, 5), MVN_REPEAT (rounds of the mvn variants, 11),
# DOUBLING_REPEAT (further alternating runs of each size pair that doubles, 4), WORK (benchmarks/work), OUT (docs/benchmarks.md).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SIZES=${SIZES:-"1000 10000 50000 100000"}
SEED=${SEED:-42}
AVG_BYTES=${AVG_BYTES:-10240}
XMX=${XMX:-400m}
PEER_TIMEOUT=${PEER_TIMEOUT:-300}
REPEAT=${REPEAT:-5}
# the Maven builds vary by 0.2 s from run to run on a shared VM: more rounds, interleaved, for stable medians
MVN_REPEAT=${MVN_REPEAT:-11}
# the doubling ratio from one run of each size follows the VM's speed of the minute: further alternating runs
DOUBLING_REPEAT=${DOUBLING_REPEAT:-4}
WORK=${WORK:-$ROOT/benchmarks/work}
OUT=${OUT:-$ROOT/docs/benchmarks.md}
CLI=$ROOT/samokoder-cli/target/samokoder-cli.jar
LAUNCHER=$ROOT/scripts/samokoder
BENCH=$ROOT/benchmarks/target/benchmarks.jar
GNU_TIME=/usr/bin/time
mkdir -p "$WORK"

log() { printf '%s\n' "$*" >&2; }
# the first line of stdin, reading all of it: `head -1` exits early, and under pipefail the writer's SIGPIPE (141)
# ended the script whenever it still had output to write
first() { awk 'NR == 1'; }

if ! "$GNU_TIME" -f %e true >/dev/null 2>&1; then
  log "GNU time is missing: installing the Debian package 'time'"
  apt-get install -y -q time >/dev/null
fi

# ------------------------------------------------------------------------------------------------------------ build
if [[ -z "${NO_BUILD:-}" || ! -f "$CLI" || ! -f "$BENCH" ]]; then
  log "building rules, plugin, CLI and benchmarks"
  ./mvnw -q -B -pl rules,samokoder-maven-plugin,samokoder-cli,benchmarks -am install -DskipTests
fi
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | first)
HAVE_NODE=1
if [[ ! -d tools/node/node_modules/secretlint || ! -d tools/node/node_modules/remark-cli ]]; then
  if command -v npm >/dev/null; then
    log "installing peer tools: npm ci --prefix tools/node"
    npm ci --prefix tools/node --no-audit --no-fund >/dev/null 2>&1 || HAVE_NODE=0
  else
    HAVE_NODE=0
  fi
fi
SECRETLINT=$ROOT/tools/node/node_modules/.bin/secretlint
REMARK=$ROOT/tools/node/node_modules/.bin/remark
VALIDATE_LINKS=$ROOT/tools/node/node_modules/remark-validate-links/index.js
cat >"$WORK/secretlintrc.json" <<'EOF'
{ "rules": [ { "id": "@secretlint/secretlint-rule-preset-recommend" } ] }
EOF

# ------------------------------------------------------------------------------------------------------------ helpers
# measure NAME TIMEOUT CMD...: runs CMD under GNU time; sets M_WALL (s), M_RSS (MB), M_RC, M_TIMEOUT (0/1)
measure() {
  local name=$1 limit=$2
  shift 2
  local tf="$WORK/time.$name.txt"
  set +e
  timeout --kill-after=10 "$limit" "$GNU_TIME" -v -o "$tf" "$@" >"$WORK/out.$name.txt" 2>"$WORK/err.$name.txt"
  M_RC=$?
  set -e
  M_TIMEOUT=0
  if [[ $M_RC == 124 || $M_RC == 137 ]]; then
    M_TIMEOUT=1
    M_WALL=$limit
    M_RSS=0
    M_CPU=0
    return
  fi
  local wall
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tf")
  M_WALL=$(awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }')
  M_RSS=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$tf")
  M_CPU=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$tf")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }
per_s() { awk -v n="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "n/a" }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# the median of the differences of interleaved rounds (a[i] - b[i]): robust to the host's drift between rounds, which
# the difference of two medians is not
paired() { # paired "a1 a2 ..." "b1 b2 ..."
  local -a a=($1) b=($2)
  local i
  for i in "${!a[@]}"; do awk -v x="${a[$i]}" -v y="${b[$i]}" 'BEGIN { printf "%.2f\n", x - y }'; done | median
}

generate() { # generate N -> prints the tree path; reuses a cached tree of the same parameters
  local n=$1 dir="$WORK/t$1-s$SEED-b$AVG_BYTES"
  if [[ ! -f "$dir.manifest.json" ]]; then
    rm -rf "$dir" "$dir.manifest.json"
    log "generating $n files into $dir"
    java -cp "$BENCH" io.samokoder.bench.RepoGenerator "$dir" "$n" "$SEED" "$AVG_BYTES" >&2
  fi
  printf '%s' "$dir"
}

# recall DIR JSON -> "found/planted secrets, found/planted broken links"
recall() {
  python3 - "$1.manifest.json" "$2" <<'EOF'
import json, sys
manifest = json.load(open(sys.argv[1]))
try:
    report = json.load(open(sys.argv[2]))
except Exception:
    print("n/a"); sys.exit()
findings = report.get("findings", [])
at = {(f.get("path"), f.get("line")) for f in findings if str(f.get("ruleId", "")).startswith("secrets/")}
links = {(f.get("path"), f.get("line")) for f in findings if str(f.get("ruleId", "")).startswith("docs/")}
s = sum(1 for p in manifest["secrets"] if (p["path"], p["line"]) in at)
l = sum(1 for p in manifest["brokenLinks"] if (p["path"], p["line"]) in links)
print(f"{s}/{len(manifest['secrets'])} secrets, {l}/{len(manifest['brokenLinks'])} broken links")
EOF
}

peer_recall_secretlint() { # secretlint's JSON output -> found/planted
  python3 - "$1.manifest.json" "$2" <<'EOF'
import json, sys
manifest = json.load(open(sys.argv[1]))
try:
    results = json.load(open(sys.argv[2]))
except Exception:
    print("n/a"); sys.exit()
root = sys.argv[1][:-len(".manifest.json")] + "/"
at = set()
for r in results:
    path = r.get("filePath", "").replace(root, "")
    for m in r.get("messages", []):
        at.add((path, m.get("loc", {}).get("start", {}).get("line")))
s = sum(1 for p in manifest["secrets"] if (p["path"], p["line"]) in at)
print(f"{s}/{len(manifest['secrets'])} secrets")
EOF
}

# ------------------------------------------------------------------------------------------------------------ machine
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | first)
NPROC=$(nproc)
MEM=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1024 / 1024 }' /proc/meminfo)
JDK=$(java -version 2>&1 | sed -n 2p)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# the host's speed of the moment: a fixed single-threaded workload timed before and after the run. This shared VM's
# speed drifts by a third within minutes, and every figure below moves with it
host_reference() { "$GNU_TIME" -f %e python3 -c 'sum(i * i for i in range(10 ** 7))' 2>&1 >/dev/null | tail -1; }
HOST_BEFORE=$(host_reference)
DISK=$(df -h "$WORK" | awk 'NR == 2 { print $1 " (" $2 ", " $4 " free)" }')
NODE_V=$(node --version 2>/dev/null || echo none)
log "machine: $NPROC x $CPU, $MEM, $JDK, load $LOAD_BEFORE"

"$LAUNCHER" "$ROOT/fixtures/samokoder-seed" -q --fail-on-violation=false >/dev/null # archives the classes once (CDS)
ROWS=()
PEERS=()
declare -A WALL_OF
for n in $SIZES; do
  dir=$(generate "$n")
  files=$(find "$dir" -type f | wc -l)
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

  # IO floor: cat every file (also warms the page cache for everyone after it)
  (cd "$dir" && find . -type f -print0 | xargs -0 cat >/dev/null)
  measure "cat-$n" 600 sh -c "cd '$dir' && find . -type f -print0 | xargs -0 cat >/dev/null"
  cat_wall=$M_WALL

  # samokoder CLI, cold JVM
  measure "cli-$n" 600 env SAMOKODER_HEAP="$XMX" "$LAUNCHER" "$dir" --fail-on-violation=false -q --json "$WORK/report-$n.json"
  cli_wall=$M_WALL cli_rss=$M_RSS cli_rc=$M_RC cli_cpu=$M_CPU
  if [[ $M_TIMEOUT == 1 || $cli_rc != 0 ]]; then
    log "CLI failed on $n files (rc $cli_rc):"; head -5 "$WORK/err.cli-$n.txt" >&2
  fi
  WALL_OF[$n]=$cli_wall
  rec=$(recall "$dir" "$WORK/report-$n.json")
  score=$(head -1 "$WORK/out.cli-$n.txt" 2>/dev/null || true)

  # peers
  sl="n/a" slr="" rm_="n/a" rmr="" sl_rec="" rm_found=""
  if [[ $HAVE_NODE == 1 ]]; then
    measure "secretlint-$n" "$PEER_TIMEOUT" sh -c "cd '$dir' && '$SECRETLINT' --secretlintrc '$WORK/secretlintrc.json' --format json --output '$WORK/secretlint-$n.json' '**/*'"
    if [[ $M_TIMEOUT == 1 ]]; then sl=">$PEER_TIMEOUT"; slr=">$(ratio "$PEER_TIMEOUT" "$cli_wall")"
    else sl=$M_WALL; slr=$(ratio "$M_WALL" "$cli_wall"); sl_rec=$(peer_recall_secretlint "$dir" "$WORK/secretlint-$n.json"); fi
    measure "remark-$n" "$PEER_TIMEOUT" sh -c "cd '$dir' && '$REMARK' --no-color --quiet --no-stdout --use '$VALIDATE_LINKS=repository:false' --ext md ."
    if [[ $M_TIMEOUT == 1 ]]; then rm_=">$PEER_TIMEOUT"; rmr=">$(ratio "$PEER_TIMEOUT" "$cli_wall")"
    else rm_=$M_WALL; rmr=$(ratio "$M_WALL" "$cli_wall")
      rm_found="$(grep -c 'Cannot find file' "$WORK/err.remark-$n.txt" || true) missing-file warnings"
      grep -q 'Cannot process file' "$WORK/err.remark-$n.txt" && rm_found="remark failed: see $WORK/err.remark-$n.txt"; fi
  fi
  row="| $files | $mb | $cat_wall | $cli_wall | $cli_cpu | $(per_s "$files" "$cli_wall") | $(awk -v m="$mb" -v t="$cli_wall" 'BEGIN { printf "%.0f", m / t }') | $cli_rss | $(ratio "$cli_wall" "$cat_wall") | $sl ($slr×) | $rm_ ($rmr×) |"
  ROWS+=("$row")
  PEERS+=("| $files | $rec | ${sl_rec:-n/a} | ${rm_found:-n/a} | ${score:-} |")
  log "$row"
done

# doubling: time(2N) / time(N) for every pair of sizes that double. One run of each drifts with the VM's speed (the
# 100k run alone takes half a minute), so further runs of the two sizes alternate and the ratio is of the medians.
DOUBLING=()
for a in $SIZES; do
  for b in $SIZES; do
    if (( b == 2 * a )); then
      runs_a=("${WALL_OF[$a]}") runs_b=("${WALL_OF[$b]}")
      for ((r = 0; r < DOUBLING_REPEAT; r++)); do
        measure "double-$a" 600 env SAMOKODER_HEAP="$XMX" "$LAUNCHER" "$(generate "$a")" --fail-on-violation=false -q
        runs_a+=("$M_WALL")
        measure "double-$b" 600 env SAMOKODER_HEAP="$XMX" "$LAUNCHER" "$(generate "$b")" --fail-on-violation=false -q
        runs_b+=("$M_WALL")
      done
      med_a=$(printf '%s\n' "${runs_a[@]}" | median) med_b=$(printf '%s\n' "${runs_b[@]}" | median)
      DOUBLING+=("| $a → $b | $med_a s → $med_b s (runs: ${runs_a[*]} → ${runs_b[*]}) | $(ratio "$med_b" "$med_a") (target ≤ 2.2) |")
      log "doubling $a → $b: ${runs_a[*]} → ${runs_b[*]}"
    fi
  done
done

# ------------------------------------------------------------------------------------------------------------ 750 cold
dir750=$(generate 750)
(cd "$dir750" && find . -type f -print0 | xargs -0 cat >/dev/null)
COLD=() COLD_CPU=() PLAIN=() PLAIN_CPU=() PRE=() PRE_CPU=() PRE_PROM=()
py_file=$(cd "$dir750" && find services -name '*.py' -path '*/src/*' | sort | first)
prom_file=$(cd "$dir750" && find services -name 'prometheus.yml' | sort | first)
for i in $(seq "$REPEAT"); do
  measure "cold750" 60 "$LAUNCHER" "$dir750" --fail-on-violation=false -q
  COLD+=("$M_WALL")
  COLD_CPU+=("$M_CPU")
  COLD_RSS=$M_RSS
  measure "plain750" 60 java -jar "$CLI" "$dir750" --fail-on-violation=false -q
  PLAIN+=("$M_WALL")
  PLAIN_CPU+=("$M_CPU")
  measure "pre750" 60 sh -c "cd '$dir750' && '$LAUNCHER' . --files='$py_file' --fail-on-violation=false -q"
  PRE+=("$M_WALL")
  PRE_CPU+=("$M_CPU")
  measure "prom750" 60 sh -c "cd '$dir750' && '$LAUNCHER' . --files='$prom_file' --fail-on-violation=false -q"
  PRE_PROM+=("$M_WALL")
done
COLD_MED=$(printf '%s\n' "${COLD[@]}" | median)
COLD_MIN=$(printf '%s\n' "${COLD[@]}" | sort -g | first)
COLD_CPU_MED=$(printf '%s\n' "${COLD_CPU[@]}" | median)
PLAIN_MED=$(printf '%s\n' "${PLAIN[@]}" | median)
PLAIN_CPU_MED=$(printf '%s\n' "${PLAIN_CPU[@]}" | median)
PRE_MED=$(printf '%s\n' "${PRE[@]}" | median)
PRE_MAX=$(printf '%s\n' "${PRE[@]}" | sort -g | tail -1)
PRE_CPU_MED=$(printf '%s\n' "${PRE_CPU[@]}" | median)
PRE_PROM_MED=$(printf '%s\n' "${PRE_PROM[@]}" | median)
log "750 files cold: launcher median $COLD_MED s (runs: ${COLD[*]}), java -jar median $PLAIN_MED s, pre-commit $PRE_MED s / $PRE_PROM_MED s"

# ------------------------------------------------------------------------------------------------------------ maven goal
MVN_DIR="$WORK/mvn-small"
rm -rf "$MVN_DIR"
mkdir -p "$MVN_DIR"
cp -r fixtures/samokoder-seed/. "$MVN_DIR/"
rm -f "$MVN_DIR/expected.json"
cat >"$MVN_DIR/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.samokoder.bench</groupId><artifactId>small</artifactId><version>1.0</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.samokoder</groupId><artifactId>samokoder-maven-plugin</artifactId><version>$VERSION</version>
    <executions><execution><goals><goal>check</goal></goals></execution></executions>
    <configuration><failOnViolation>false</failOnViolation></configuration>
  </plugin></plugins></build>
</project>
EOF
# the same project without the plugin: what `mvn verify` costs before anyone adds samokoder
MVN_NONE_DIR="$WORK/mvn-small-none"
rm -rf "$MVN_NONE_DIR"
cp -r "$MVN_DIR" "$MVN_NONE_DIR"
python3 - "$MVN_NONE_DIR/pom.xml" <<'PY'
import re, sys
p = sys.argv[1]
pom = open(p).read()
open(p, "w").write(re.sub(r"<build>.*</build>", "", pom, flags=re.S))
PY
MVN="$ROOT/mvnw"
# the goal's default cache folder ($XDG_CACHE_HOME/samokoder): kept between builds, as on a developer's machine or a CI
# runner that keeps it; a CI machine of its own for each build is a new, absent folder (FRESH)
export XDG_CACHE_HOME="$WORK/xdg"
# the variants that stand for CI set CI themselves; a CI variable in this shell must not change the others
export CI=false
CACHE="$XDG_CACHE_HOME/samokoder"
FRESH="$WORK/fresh-machine"
# the goal's audit daemon is on by default outside CI; explicit here, so that a CI variable in the shell changes nothing
DAEMON="-Dsamokoder.daemon=true -Dsamokoder.daemonIdleTimeout=120"
# warm-up: the first build forks and writes the class-data archive, the second starts the audit daemon from it
(cd "$MVN_DIR" && "$MVN" -o -q -B verify -Dsamokoder.skip >/dev/null 2>&1 && "$MVN" -o -q -B verify $DAEMON >/dev/null 2>&1 \
  && "$MVN" -o -q -B verify $DAEMON >/dev/null 2>&1 \
  && cd "$MVN_NONE_DIR" && "$MVN" -o -q -B verify >/dev/null 2>&1) || { log "mvn warm-up failed"; exit 1; }
WITH=() WITHOUT=() WITH_CPU=() WITHOUT_CPU=() NONE=() NONE_CPU=() INPROC=() INPROC_CPU=() FIRST=() FORK=() FORK_CPU=()
CI_FRESH=() CI_FRESH_CPU=()
for i in $(seq "$MVN_REPEAT"); do
  measure "mvn-none" 120 sh -c "cd '$MVN_NONE_DIR' && '$MVN' -o -q -B verify"
  NONE+=("$M_WALL")
  NONE_CPU+=("$M_CPU")
  measure "mvn-skip" 120 sh -c "cd '$MVN_DIR' && '$MVN' -o -q -B verify -Dsamokoder.skip"
  WITHOUT+=("$M_WALL")
  WITHOUT_CPU+=("$M_CPU")
  measure "mvn-with" 120 sh -c "cd '$MVN_DIR' && '$MVN' -o -q -B verify $DAEMON"
  WITH+=("$M_WALL")
  WITH_CPU+=("$M_CPU")
  # a new audit JVM for every build, as in CI (`-Dsamokoder.daemon=false`)
  measure "mvn-fork" 120 sh -c "cd '$MVN_DIR' && '$MVN' -o -q -B verify -Dsamokoder.daemon=false"
  FORK+=("$M_WALL")
  FORK_CPU+=("$M_CPU")
  # a CI job on a machine of its own: CI set, no cache folder; the audit JVM starts without an archive and writes none
  rm -rf "$FRESH"
  measure "mvn-ci-fresh" 120 sh -c "cd '$MVN_DIR' && CI=true XDG_CACHE_HOME='$FRESH' '$MVN' -o -q -B verify"
  CI_FRESH+=("$M_WALL")
  CI_FRESH_CPU+=("$M_CPU")
  # the audit in Maven's own JVM, as before the goal forked one (`-Dsamokoder.fork=false`)
  measure "mvn-in-process" 120 sh -c "cd '$MVN_DIR' && '$MVN' -o -q -B verify -Dsamokoder.fork=false"
  INPROC+=("$M_WALL")
  INPROC_CPU+=("$M_CPU")
done
# the first build after a new plugin or JDK: no class-data-sharing archive yet, the audit JVM writes it at exit
# (removing the folder also removes the daemon's socket: the daemon sees it gone and exits)
for i in $(seq "$REPEAT"); do
  rm -rf "$CACHE"
  measure "mvn-first" 120 sh -c "cd '$MVN_DIR' && CI=false '$MVN' -o -q -B verify"
  FIRST+=("$M_WALL")
done
MVN_WITH=$(printf '%s\n' "${WITH[@]}" | median)
MVN_WITHOUT=$(printf '%s\n' "${WITHOUT[@]}" | median)
MVN_ADDED=$(awk -v a="$MVN_WITH" -v b="$MVN_WITHOUT" 'BEGIN { printf "%.2f", a - b }')
MVN_ADDED_CPU=$(awk -v a="$(printf '%s\n' "${WITH_CPU[@]}" | median)" -v b="$(printf '%s\n' "${WITHOUT_CPU[@]}" | median)" 'BEGIN { printf "%.2f", a - b }')
MVN_NONE=$(printf '%s\n' "${NONE[@]}" | median)
MVN_ADDED_NONE=$(awk -v a="$MVN_WITH" -v b="$MVN_NONE" 'BEGIN { printf "%.2f", a - b }')
MVN_ADDED_NONE_CPU=$(awk -v a="$(printf '%s\n' "${WITH_CPU[@]}" | median)" -v b="$(printf '%s\n' "${NONE_CPU[@]}" | median)" 'BEGIN { printf "%.2f", a - b }')
MVN_INPROC=$(printf '%s\n' "${INPROC[@]}" | median)
MVN_INPROC_ADDED=$(awk -v a="$MVN_INPROC" -v b="$MVN_NONE" 'BEGIN { printf "%.2f", a - b }')
MVN_INPROC_ADDED_CPU=$(awk -v a="$(printf '%s\n' "${INPROC_CPU[@]}" | median)" -v b="$(printf '%s\n' "${NONE_CPU[@]}" | median)" 'BEGIN { printf "%.2f", a - b }')
MVN_FORK=$(printf '%s\n' "${FORK[@]}" | median)
MVN_FORK_ADDED=$(awk -v a="$MVN_FORK" -v b="$MVN_NONE" 'BEGIN { printf "%.2f", a - b }')
MVN_FORK_ADDED_CPU=$(awk -v a="$(printf '%s\n' "${FORK_CPU[@]}" | median)" -v b="$(printf '%s\n' "${NONE_CPU[@]}" | median)" 'BEGIN { printf "%.2f", a - b }')
MVN_FORK_PAIRED=$(paired "${FORK[*]}" "${NONE[*]}")
MVN_WITH_PAIRED=$(paired "${WITH[*]}" "${NONE[*]}")
MVN_CI_FRESH=$(printf '%s\n' "${CI_FRESH[@]}" | median)
MVN_CI_FRESH_ADDED=$(awk -v a="$MVN_CI_FRESH" -v b="$MVN_NONE" 'BEGIN { printf "%.2f", a - b }')
MVN_CI_FRESH_ADDED_CPU=$(awk -v a="$(printf '%s\n' "${CI_FRESH_CPU[@]}" | median)" -v b="$(printf '%s\n' "${NONE_CPU[@]}" | median)" 'BEGIN { printf "%.2f", a - b }')
MVN_CI_FRESH_PAIRED=$(paired "${CI_FRESH[*]}" "${NONE[*]}")
MVN_FIRST=$(printf '%s\n' "${FIRST[@]}" | median)
MVN_FIRST_ADDED=$(awk -v a="$MVN_FIRST" -v b="$MVN_NONE" 'BEGIN { printf "%.2f", a - b }')
MVN_FILES=$(find "$MVN_DIR" -type f -not -path '*/target/*' | wc -l)
log "mvn verify: with $MVN_WITH s, skipped $MVN_WITHOUT s, without the plugin $MVN_NONE s; added $MVN_ADDED_NONE s (vs skipped $MVN_ADDED s); forked $MVN_FORK s (+$MVN_FORK_ADDED s); CI on a fresh machine $MVN_CI_FRESH s (+$MVN_CI_FRESH_ADDED s); in-process $MVN_INPROC s (+$MVN_INPROC_ADDED s); first build $MVN_FIRST s (+$MVN_FIRST_ADDED s)"
# ------------------------------------------------------------------------------------------------ maven goal, Java project
# The same sample as a Java project (12 classes, one JUnit test): `clean verify` compiles, tests and packages it, as a CI
# job does. The pom-only project above has nothing to build: the goal's worst case.
JAVA_DIR="$WORK/mvn-java"
JAVA_NONE_DIR="$WORK/mvn-java-none"
rm -rf "$JAVA_DIR" "$JAVA_NONE_DIR"
mkdir -p "$JAVA_DIR/src/main/java/bench" "$JAVA_DIR/src/test/java/bench"
cp -r fixtures/samokoder-seed/. "$JAVA_DIR/"
rm -f "$JAVA_DIR/expected.json"
for i in $(seq 1 12); do
  cat >"$JAVA_DIR/src/main/java/bench/Service$i.java" <<JAVA
package bench;

import java.util.ArrayList;
import java.util.List;

/** A service of the bench project. */
public final class Service$i {
    private final List<String> items = new ArrayList<>();

    public Service$i add(String item) {
        items.add(item.trim());
        return this;
    }

    public int total() {
        int sum = 0;
        for (String item : items) {
            sum += item.length() * $i;
        }
        return sum;
    }
}
JAVA
done
cat >"$JAVA_DIR/src/test/java/bench/ServiceTest.java" <<'JAVA'
package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServiceTest {
    @Test
    void sums() {
        assertEquals(6, new Service1().add(" abc ").add("def").total());
        assertEquals(12, new Service2().add("abc").add("def").total());
    }
}
JAVA
# the plugin versions and JUnit of this repository's own build: already in the local repository
version_of() {
  python3 - "$1" <<'PY'
import re, sys
pom = open("pom.xml").read()
name = sys.argv[1]
if name.endswith(".version"):
    m = re.search("<" + re.escape(name) + ">([^<]+)</", pom)
else:
    m = re.search("<artifactId>" + re.escape(name) + r"</artifactId>\s*<version>([^<]+)</version>", pom)
print(m.group(1))
PY
}
JAVA_PLUGINS=""
for plugin in maven-clean-plugin maven-resources-plugin maven-compiler-plugin maven-surefire-plugin maven-jar-plugin; do
  JAVA_PLUGINS+="<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>$plugin</artifactId><version>$(version_of $plugin)</version></plugin>"
done
cat >"$JAVA_DIR/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.samokoder.bench</groupId><artifactId>small-java</artifactId><version>1.0</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>$(version_of junit.version)</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>$JAVA_PLUGINS
    <plugin>
      <groupId>io.samokoder</groupId><artifactId>samokoder-maven-plugin</artifactId><version>$VERSION</version>
      <executions><execution><goals><goal>check</goal></goals></execution></executions>
      <configuration><failOnViolation>false</failOnViolation></configuration>
    </plugin>
  </plugins></build>
</project>
POM
cp -r "$JAVA_DIR" "$JAVA_NONE_DIR"
python3 - "$JAVA_NONE_DIR/pom.xml" <<'PY'
import re, sys
p = sys.argv[1]
pom = open(p).read()
open(p, "w").write(re.sub(r"\s*<plugin>\s*<groupId>io.samokoder</groupId>.*?</plugin>", "", pom, flags=re.S))
PY
# warm-up: one build of each; the fork writes the class-data archive the first builds above removed, the daemon starts
(cd "$JAVA_DIR" && "$MVN" -o -q -B clean verify -Dsamokoder.daemon=false >/dev/null 2>&1 \
  && "$MVN" -o -q -B clean verify $DAEMON >/dev/null 2>&1 && cd "$JAVA_NONE_DIR" && "$MVN" -o -q -B clean verify >/dev/null 2>&1) || { log "mvn warm-up (Java project) failed"; exit 1; }
J_NONE=() J_FORK=() J_WITH=() J_FRESH=()
for i in $(seq "$MVN_REPEAT"); do
  measure "mvn-java-none" 300 sh -c "cd '$JAVA_NONE_DIR' && '$MVN' -o -q -B clean verify"
  J_NONE+=("$M_WALL")
  # as in a CI job: CI set, so a new audit JVM for the build
  measure "mvn-java-fork" 300 sh -c "cd '$JAVA_DIR' && CI=true '$MVN' -o -q -B clean verify"
  J_FORK+=("$M_WALL")
  rm -rf "$FRESH"
  measure "mvn-java-ci-fresh" 300 sh -c "cd '$JAVA_DIR' && CI=true XDG_CACHE_HOME='$FRESH' '$MVN' -o -q -B clean verify"
  J_FRESH+=("$M_WALL")
  measure "mvn-java-with" 300 sh -c "cd '$JAVA_DIR' && '$MVN' -o -q -B clean verify $DAEMON"
  J_WITH+=("$M_WALL")
done
J_NONE_MED=$(printf '%s\n' "${J_NONE[@]}" | median)
J_FORK_MED=$(printf '%s\n' "${J_FORK[@]}" | median)
J_WITH_MED=$(printf '%s\n' "${J_WITH[@]}" | median)
J_FRESH_MED=$(printf '%s\n' "${J_FRESH[@]}" | median)
J_FRESH_MIN=$(printf '%s\n' "${J_FRESH[@]}" | sort -g | first)
J_FRESH_ADDED=$(awk -v a="$J_FRESH_MED" -v b="$J_NONE_MED" 'BEGIN { printf "%.2f", a - b }')
J_FRESH_PAIRED=$(paired "${J_FRESH[*]}" "${J_NONE[*]}")
J_NONE_MIN=$(printf '%s\n' "${J_NONE[@]}" | sort -g | first)
J_FORK_MIN=$(printf '%s\n' "${J_FORK[@]}" | sort -g | first)
J_WITH_MIN=$(printf '%s\n' "${J_WITH[@]}" | sort -g | first)
J_FORK_ADDED=$(awk -v a="$J_FORK_MED" -v b="$J_NONE_MED" 'BEGIN { printf "%.2f", a - b }')
J_WITH_ADDED=$(awk -v a="$J_WITH_MED" -v b="$J_NONE_MED" 'BEGIN { printf "%.2f", a - b }')
J_FORK_ADDED_MIN=$(awk -v a="$J_FORK_MIN" -v b="$J_NONE_MIN" 'BEGIN { printf "%.2f", a - b }')
J_WITH_ADDED_MIN=$(awk -v a="$J_WITH_MIN" -v b="$J_NONE_MIN" 'BEGIN { printf "%.2f", a - b }')
J_FRESH_ADDED_MIN=$(awk -v a="$J_FRESH_MIN" -v b="$J_NONE_MIN" 'BEGIN { printf "%.2f", a - b }')
J_FORK_PAIRED=$(paired "${J_FORK[*]}" "${J_NONE[*]}")
J_WITH_PAIRED=$(paired "${J_WITH[*]}" "${J_NONE[*]}")
log "mvn clean verify, Java project: without the plugin $J_NONE_MED s (runs: ${J_NONE[*]}); CI fork $J_FORK_MED s (+$J_FORK_ADDED s; runs: ${J_FORK[*]}); CI on a fresh machine $J_FRESH_MED s (+$J_FRESH_ADDED s; runs: ${J_FRESH[*]}); daemon $J_WITH_MED s (+$J_WITH_ADDED s; runs: ${J_WITH[*]})"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
HOST_AFTER=$(host_reference)

# ------------------------------------------------------------------------------------------------------------ report
mkdir -p "$(dirname "$OUT")"
{
  echo "<!-- results:start (written by benchmarks/run.sh; edit outside these markers) -->"
  echo "Generated by \`benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $NPROC × $CPU"
  echo "- Memory: $MEM; disk: $DISK"
  echo "- JDK: $JDK; CLI: \`scripts/samokoder\` (client compiler only, one compiler thread, parallel GC, class data sharing, \`-Xmx$XMX\`)"
  echo "- Node: $NODE_V (secretlint, remark-cli + remark-validate-links from \`tools/node\`)"
  echo "- Load average before/after: $LOAD_BEFORE / $LOAD_AFTER (other jobs shared the machine when this was non-zero)"
  echo "- Host speed before/after: $HOST_BEFORE s / $HOST_AFTER s for a fixed single-threaded Python loop (\`sum(i * i for i in range(10 ** 7))\`): the host's speed of the moment, which every figure below moves with"
  echo
  echo "## Scale"
  echo
  echo "Trees from \`RepoGenerator\` (seed $SEED, mean file size $AVG_BYTES bytes). Page cache warm (the \`cat\` run"
  echo "reads every file first); the JVM is cold: every CLI run is a new process. Times are wall-clock seconds; RSS is"
  echo "GNU time's maximum resident set size; a peer's column is its time and, in brackets, its time as a multiple"
  echo "of samokoder's (higher: samokoder faster). secretlint scans the same files; remark-validate-links only the"
  echo "Markdown files."
  echo
  echo "| files | MB | cat (IO floor) s | samokoder s | samokoder CPU s | files/s | MB/s | peak RSS MB | × IO floor | secretlint s (×) | remark-validate-links s (×) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  if (( ${#DOUBLING[@]} )); then
    echo "Doubling the files: the table's run and $DOUBLING_REPEAT further runs of each size, alternating; the ratio is of the"
    echo "medians."
    echo
    echo "| files | samokoder time, median | ratio |"
    echo "|---|---|---:|"
    printf '%s\n' "${DOUBLING[@]}"
    echo
  fi
  echo "## Recall on planted problems"
  echo
  echo "| files | samokoder | secretlint | remark-validate-links | samokoder score line |"
  echo "|---:|---|---|---|---|"
  printf '%s\n' "${PEERS[@]}"
  echo
  echo "## Latency"
  echo
  echo "| measurement | result | target |"
  echo "|---|---|---|"
  echo "| 750-file repository, cold CLI through \`scripts/samokoder\` (median of $REPEAT) | $COLD_MED s (best $COLD_MIN s; CPU $COLD_CPU_MED s; RSS $COLD_RSS MB) | < 1 s |"
  echo "| the same as plain \`java -jar samokoder-cli.jar\` (JVM defaults; median of $REPEAT) | $PLAIN_MED s (CPU $PLAIN_CPU_MED s) | |"
  echo "| pre-commit mode, one changed source file ($py_file; median of $REPEAT) | $PRE_MED s (worst $PRE_MAX s; CPU $PRE_CPU_MED s) | < 1 s |"
  echo "| pre-commit mode, one changed \`prometheus.yml\` (re-checks compose; median of $REPEAT) | $PRE_PROM_MED s | |"
  echo "| \`mvn verify\` of a small project ($MVN_FILES files) without the plugin (median of $MVN_REPEAT) | $MVN_NONE s | |"
  echo "| \`mvn verify\` with the plugin, goal skipped (\`-Dsamokoder.skip\`: the plugin is resolved and wired) | $MVN_WITHOUT s | |"
  echo "| \`mvn verify\` with the \`check\` goal (median of $MVN_REPEAT; the default on a developer's machine: the audit daemon, warm) | $MVN_WITH s | |"
  echo "| time the plugin adds (vs no plugin) | $MVN_ADDED_NONE s wall ($MVN_WITH_PAIRED s, the median of the rounds' differences), $MVN_ADDED_NONE_CPU s CPU of the build's processes (the daemon's own CPU is not counted) | < 0.5 s |"
  echo "| time the audit adds (vs goal skipped) | $MVN_ADDED s wall, $MVN_ADDED_CPU s CPU | |"
  echo "| the goal with a new audit JVM each build (\`-Dsamokoder.daemon=false\`, the default where \`CI\` is set) and the class-data archive a kept cache folder holds, added vs no plugin | $MVN_FORK_ADDED s wall ($MVN_FORK_PAIRED s, the median of the rounds' differences), $MVN_FORK_ADDED_CPU s CPU ($MVN_FORK s) | < 0.5 s |"
  echo "| the same in CI on a machine of its own (\`CI=true\`, no cache folder: no archive, none written), added vs no plugin | $MVN_CI_FRESH_ADDED s wall ($MVN_CI_FRESH_PAIRED s, the median of the rounds' differences), $MVN_CI_FRESH_ADDED_CPU s CPU ($MVN_CI_FRESH s) | < 0.5 s |"
  echo "| the same audit in Maven's own JVM (\`-Dsamokoder.fork=false\`), added vs no plugin | $MVN_INPROC_ADDED s wall, $MVN_INPROC_ADDED_CPU s CPU ($MVN_INPROC s) | |"
  echo "| first build after a new plugin or JDK outside CI (the audit JVM writes its archive), added vs no plugin | $MVN_FIRST_ADDED s ($MVN_FIRST s) | |"
  echo "| \`mvn clean verify\` of the same sample as a Java project (12 classes, one JUnit test) without the plugin (median of $MVN_REPEAT) | $J_NONE_MED s (best $J_NONE_MIN s) | |"
  echo "| the same with the goal, as in CI (\`CI=true\`: a new audit JVM) with a kept cache folder (the archive), added vs no plugin | $J_FORK_ADDED s by the medians ($J_FORK_MED s), $J_FORK_PAIRED s by the median of the rounds' differences, $J_FORK_ADDED_MIN s by the best runs | < 0.5 s |"
  echo "| the same in CI on a machine of its own (no cache folder: no archive, none written), added vs no plugin | $J_FRESH_ADDED s by the medians ($J_FRESH_MED s), $J_FRESH_PAIRED s by the median of the rounds' differences, $J_FRESH_ADDED_MIN s by the best runs | < 0.5 s |"
  echo "| the same with the goal on a developer's machine (the audit daemon), added vs no plugin | $J_WITH_ADDED s by the medians ($J_WITH_MED s), $J_WITH_PAIRED s by the median of the rounds' differences, $J_WITH_ADDED_MIN s by the best runs | < 0.5 s |"
  echo "<!-- results:end -->"
} >"$WORK/results.md"
# replace the marked region of $OUT (or create it), keeping the hand-written text around it
python3 - "$OUT" "$WORK/results.md" <<'EOF'
import os, re, sys
out, results = sys.argv[1], open(sys.argv[2]).read().rstrip("\n")
text = open(out).read() if os.path.exists(out) else "# Benchmarks\n\n<!-- results:start -->\n<!-- results:end -->\n"
pattern = re.compile(r"<!-- results:start.*?<!-- results:end -->", re.S)
text = pattern.sub(lambda m: results, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + results + "\n"
open(out, "w").write(text)
EOF
cat "$WORK/results.md"
