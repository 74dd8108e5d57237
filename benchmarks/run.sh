#!/usr/bin/env bash
# Scale benchmark of samokoder against its IO floor and its peers, on generated repositories.
#
#   benchmarks/run.sh                    # 1k, 10k, 50k, 100k files (~10 KB each, ~1 GB at 100k)
#   SIZES="1000 10000" benchmarks/run.sh # fewer sizes
#   SECTIONS=maven benchmarks/run.sh     # only the Maven goal's added time
#   NO_BUILD=1 benchmarks/run.sh         # reuse the jars in */target and the benchmark's Maven repository
#   SECTIONS=estimator benchmarks/run.sh # only the guessability estimator's cost (not in the default sections)
#
# Sections (SECTIONS, default "scale latency maven"):
# - scale: for each size, generates a tree (cached in benchmarks/work, keyed by size, seed and mean size), warms the page
#   cache with `cat` of every file (the IO floor, timed), audits it with the CLI (cold JVM, -Xmx$XMX), runs secretlint
#   on the same files and remark-validate-links on its Markdown, and prints files/s, MB/s, peak RSS (GNU time) and the
#   peers' time as a multiple of samokoder's; then the doubling ratio.
# - latency: a 750-file repository audited cold (target < 1 s) and in pre-commit mode.
# - maven: the time the goal adds to a build in Maven's own JVM, against the same build with the goal skipped, on the
#   sample as a pom-only project and as a small Java project (target < 1 s).
# Writes the results between the markers of docs/benchmarks.md (scale and latency; maven), each only when it ran.
#
# The CLI runs through scripts/samokoder (client compiler, parallel GC, class data sharing, heap XMX); the 750-file
# run is also timed as plain `java -jar` with the JVM's defaults. The Maven builds resolve the plugin from a local
# repository of the benchmark's own (WORK/m2), never from ~/.m2, where installing would replace other builds' jars.
# Environment: SIZES, SEED (42), AVG_BYTES (10240), XMX (400m), PEER_TIMEOUT (seconds per peer run, 300),
# REPEAT (cold runs of the 750-file audit, 5), MVN_REPEAT (interleaved rounds of the Maven builds, 11),
# DOUBLING_REPEAT (further alternating runs of each size pair that doubles, 4), WORK (benchmarks/work),
# OUT (docs/benchmarks.md), SECTIONS, ESTIMATOR_SEED_ROUNDS (15), ESTIMATOR_ROUNDS (4), ESTIMATOR_SIZE (100000).
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
SECTIONS=${SECTIONS:-"scale latency maven"}
section() { [[ " $SECTIONS " == *" $1 "* ]]; }
WORK=${WORK:-$ROOT/benchmarks/work}
OUT=${OUT:-$ROOT/docs/benchmarks.md}
CLI=$ROOT/samokoder-cli/target/samokoder-cli.jar
LAUNCHER=$ROOT/scripts/samokoder
BENCH=$ROOT/benchmarks/target/benchmarks.jar
GNU_TIME=/usr/bin/time
mkdir -p "$WORK"
M2="$WORK/m2"

log() { printf '%s\n' "$*" >&2; }
# the first line of stdin, reading all of it: `head -1` exits early, and under pipefail the writer's SIGPIPE (141)
# ended the script whenever it still had output to write
first() { awk 'NR == 1'; }

if ! "$GNU_TIME" -f %e true >/dev/null 2>&1; then
  log "GNU time is missing: installing the Debian package 'time'"
  apt-get install -y -q time >/dev/null
fi

# ------------------------------------------------------------------------------------------------------------ build
if [[ -z "${NO_BUILD:-}" || ! -f "$CLI" || ! -f "$BENCH" || ! -d "$M2/io/samokoder" ]]; then
  log "building rules, plugin, CLI and benchmarks (installed into $M2 for the Maven builds)"
  ./mvnw -q -B -pl rules,samokoder-maven-plugin,samokoder-cli,benchmarks -am install -DskipTests -Dinvoker.skip \
    -Dmaven.repo.local="$M2"
fi
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | first)
HAVE_NODE=1
if ! section scale; then
  HAVE_NODE=0
elif [[ ! -d tools/node/node_modules/secretlint || ! -d tools/node/node_modules/remark-cli ]]; then
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
section scale || SIZES=""
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
if section latency; then
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
fi

# ------------------------------------------------------------------------------------------------------------ maven goal
# The goal audits in Maven's own JVM; what it adds to a build is measured against the same build with the goal skipped
# (-Dsamokoder.skip: the plugin is resolved and configured, the audit does not run), in interleaved rounds, as the
# median of the rounds' differences (this shared VM's speed drifts between rounds; the difference of two medians
# follows that drift). Two projects: the 31-file sample as a pom-only project (`mvn verify`: nothing else to build,
# the goal's worst case) and as a small Java project (`mvn clean verify`: 12 classes, one JUnit test, a jar).
if section maven; then
  MVN="$ROOT/mvnw"
  MVN_FLAGS="-o -q -B -Dmaven.repo.local=$M2"
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
  # the same sample as a Java project (12 classes, one JUnit test), with this repository's plugin versions
  JAVA_DIR="$WORK/mvn-java"
  rm -rf "$JAVA_DIR"
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
  # warm-up, online once: the benchmark's repository gets the plugins and JUnit these builds need
  (cd "$MVN_DIR" && "$MVN" -q -B -Dmaven.repo.local="$M2" verify >/dev/null 2>&1 \
    && cd "$JAVA_DIR" && "$MVN" -q -B -Dmaven.repo.local="$M2" clean verify >/dev/null 2>&1) \
    || { log "mvn warm-up failed"; exit 1; }
  P_SKIP=() P_WITH=() P_SKIP_CPU=() P_WITH_CPU=() J_SKIP=() J_WITH=()
  for i in $(seq "$MVN_REPEAT"); do
    measure "mvn-skip" 120 sh -c "cd '$MVN_DIR' && '$MVN' $MVN_FLAGS verify -Dsamokoder.skip"
    P_SKIP+=("$M_WALL") P_SKIP_CPU+=("$M_CPU")
    measure "mvn-with" 120 sh -c "cd '$MVN_DIR' && '$MVN' $MVN_FLAGS verify"
    P_WITH+=("$M_WALL") P_WITH_CPU+=("$M_CPU")
    measure "mvn-java-skip" 300 sh -c "cd '$JAVA_DIR' && '$MVN' $MVN_FLAGS clean verify -Dsamokoder.skip"
    J_SKIP+=("$M_WALL")
    measure "mvn-java-with" 300 sh -c "cd '$JAVA_DIR' && '$MVN' $MVN_FLAGS clean verify"
    J_WITH+=("$M_WALL")
  done
  P_SKIP_MED=$(printf '%s\n' "${P_SKIP[@]}" | median)
  P_WITH_MED=$(printf '%s\n' "${P_WITH[@]}" | median)
  P_ADDED=$(paired "${P_WITH[*]}" "${P_SKIP[*]}")
  P_ADDED_CPU=$(paired "${P_WITH_CPU[*]}" "${P_SKIP_CPU[*]}")
  J_SKIP_MED=$(printf '%s\n' "${J_SKIP[@]}" | median)
  J_WITH_MED=$(printf '%s\n' "${J_WITH[@]}" | median)
  J_ADDED=$(paired "${J_WITH[*]}" "${J_SKIP[*]}")
  MVN_FILES=$(find "$MVN_DIR" -type f -not -path '*/target/*' | wc -l)
  log "mvn verify, pom-only: skipped ${P_SKIP[*]}; with ${P_WITH[*]}; added $P_ADDED s"
  log "mvn clean verify, Java project: skipped ${J_SKIP[*]}; with ${J_WITH[*]}; added $J_ADDED s"
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
HOST_AFTER=$(host_reference)

# ------------------------------------------------------------------------------------------------------------ estimator
# The password-guessability estimator's cost (budgets: 1.20 on the seed's cold audit, 1.10 on the generated tree): a
# second CLI jar built from this working tree with `Weakness` answering "not weak" where it would ask the estimator
# (neither the project's words gathered nor nbvcxz loaded), timed against the built jar in interleaved rounds, every
# other round starting with "off"; reported as the medians of the rounds' paired differences and on/off ratios.
if section estimator; then
  OFF_SRC="$WORK/estimator-off"
  rm -rf "$OFF_SRC"
  mkdir -p "$OFF_SRC"
  git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$OFF_SRC"
  weak="$OFF_SRC/rules/src/main/java/io/samokoder/rules/secrets/Weakness.java"
  needle='        return guessability().estimate(value, kind).weaknessText()'
  if [[ $(grep -cxF -- "$needle" "$weak") != 1 ]]; then
    log "estimator: Weakness.java no longer asks the estimator in one known line; update this section"
    exit 2
  fi
  awk -v n="$needle" '$0 == n { print "        if (value != null) { return Optional.empty(); } // estimator off" } { print }' \
    "$weak" >"$weak.new" && mv "$weak.new" "$weak"
  log "estimator: building the jar without it in $OFF_SRC"
  (cd "$OFF_SRC" && ./mvnw -q -B -pl samokoder-cli -am package -DskipTests -Dinvoker.skip)
  OFF_JAR="$OFF_SRC/samokoder-cli/target/samokoder-cli.jar"
  # est_rounds LABEL TREE ROUNDS: interleaved runs of both jars; prints one table row
  est_rounds() {
    local label=$1 tree=$2 rounds=$3 r j on=() off=()
    for ((r = 1; r <= rounds; r++)); do
      local order="on off"
      ((r % 2 == 0)) && order="off on"
      for j in $order; do
        local jar=$CLI
        [[ $j == off ]] && jar=$OFF_JAR
        measure "estimator-$j" 600 env SAMOKODER_CLI_JAR="$jar" SAMOKODER_HEAP="$XMX" "$LAUNCHER" "$tree" \
          --fail-on-violation=false -q
        if [[ $j == on ]]; then on+=("$M_WALL"); else off+=("$M_WALL"); fi
      done
      log "estimator $label round $r: on ${on[-1]} s, off ${off[-1]} s"
    done
    local ratios
    ratios=$(for i in "${!on[@]}"; do awk -v a="${on[$i]}" -v b="${off[$i]}" 'BEGIN { printf "%.3f\n", a / b }'; done)
    echo "| $label | $rounds | $(printf '%s\n' "${off[@]}" | median) s | $(printf '%s\n' "${on[@]}" | median) s |" \
      "$(paired "${on[*]}" "${off[*]}") s | $(median <<<"$ratios") ($(sort -g <<<"$ratios" | first)–$(sort -g <<<"$ratios" | tail -1)) |"
  }
  for j in "$CLI" "$OFF_JAR"; do # class data sharing archives, written by each jar's first run
    SAMOKODER_CLI_JAR="$j" "$LAUNCHER" "$ROOT/fixtures/samokoder-seed" -q --fail-on-violation=false >/dev/null || true
  done
  {
    echo "| tree | rounds | off (median) | on (median) | paired difference (median) | on/off ratio: median (range) |"
    echo "|---|---|---|---|---|---|"
    est_rounds "fixtures/samokoder-seed, cold" "$ROOT/fixtures/samokoder-seed" "${ESTIMATOR_SEED_ROUNDS:-15}"
    est_rounds "generated, ${ESTIMATOR_SIZE:-100000} files" "$(generate "${ESTIMATOR_SIZE:-100000}")" \
      "${ESTIMATOR_ROUNDS:-4}"
  } >"$WORK/estimator.md"
  cat "$WORK/estimator.md"
fi

# ------------------------------------------------------------------------------------------------------------ report
# replace_region NAME FILE: puts FILE's text in place of the NAME:start/NAME:end markers of $OUT (or appends it),
# keeping the hand-written text around it
replace_region() {
  python3 - "$OUT" "$1" "$2" <<'EOF'
import os, re, sys
out, name, results = sys.argv[1], sys.argv[2], open(sys.argv[3]).read().rstrip("\n")
text = open(out).read() if os.path.exists(out) else "# Benchmarks\n"
pattern = re.compile(r"<!-- " + name + r":start.*?<!-- " + name + r":end -->", re.S)
text = pattern.sub(lambda m: results, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + results + "\n"
open(out, "w").write(text)
EOF
}
machine() {
  echo "Generated by \`benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))."
  echo
  echo "- CPU: $NPROC × $CPU; memory: $MEM; disk: $DISK"
  echo "- JDK: $JDK"
  echo "- Load average before/after: $LOAD_BEFORE / $LOAD_AFTER (other jobs shared the machine when this was non-zero)"
  echo "- Host speed before/after: $HOST_BEFORE s / $HOST_AFTER s for a fixed single-threaded Python loop (\`sum(i * i for i in range(10 ** 7))\`): the host's speed of the moment, which every figure moves with"
}
mkdir -p "$(dirname "$OUT")"
if section scale || section latency; then
  {
    echo "<!-- results:start (written by benchmarks/run.sh; edit outside these markers) -->"
    machine
    echo "- CLI: \`scripts/samokoder\` (client compiler only, one compiler thread, parallel GC, class data sharing, \`-Xmx$XMX\`)"
    echo "- Node: $NODE_V (secretlint, remark-cli + remark-validate-links from \`tools/node\`)"
    if section scale; then
      echo
      echo "### Scale"
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
      echo "### Recall on planted problems"
      echo
      echo "| files | samokoder | secretlint | remark-validate-links | samokoder score line |"
      echo "|---:|---|---|---|---|"
      printf '%s\n' "${PEERS[@]}"
    fi
    if section latency; then
      echo
      echo "### Latency"
      echo
      echo "| measurement | result | target |"
      echo "|---|---|---|"
      echo "| 750-file repository, cold CLI through \`scripts/samokoder\` (median of $REPEAT) | $COLD_MED s (best $COLD_MIN s; CPU $COLD_CPU_MED s; RSS $COLD_RSS MB) | < 1 s |"
      echo "| the same as plain \`java -jar samokoder-cli.jar\` (JVM defaults; median of $REPEAT) | $PLAIN_MED s (CPU $PLAIN_CPU_MED s) | |"
      echo "| pre-commit mode, one changed source file ($py_file; median of $REPEAT) | $PRE_MED s (worst $PRE_MAX s; CPU $PRE_CPU_MED s) | < 1 s |"
      echo "| pre-commit mode, one changed \`prometheus.yml\` (re-checks compose; median of $REPEAT) | $PRE_PROM_MED s | |"
    fi
    echo "<!-- results:end -->"
  } >"$WORK/results.md"
  replace_region results "$WORK/results.md"
  cat "$WORK/results.md"
fi
if section maven; then
  {
    echo "<!-- maven:start (written by benchmarks/run.sh; edit outside these markers) -->"
    machine
    echo
    echo "| measurement ($MVN_REPEAT interleaved rounds) | result | target |"
    echo "|---|---|---|"
    echo "| \`mvn verify\` of the sample as a pom-only project ($MVN_FILES files), goal skipped (\`-Dsamokoder.skip\`) | $P_SKIP_MED s (runs: ${P_SKIP[*]}) | |"
    echo "| the same with the \`check\` goal | $P_WITH_MED s (runs: ${P_WITH[*]}) | |"
    echo "| **time the goal adds**, pom-only project (median of the rounds' differences) | **$P_ADDED s** wall, $P_ADDED_CPU s CPU | < 1 s |"
    echo "| \`mvn clean verify\` of the sample as a Java project (12 classes, one JUnit test, a jar), goal skipped | $J_SKIP_MED s (runs: ${J_SKIP[*]}) | |"
    echo "| the same with the \`check\` goal | $J_WITH_MED s (runs: ${J_WITH[*]}) | |"
    echo "| **time the goal adds**, Java project (median of the rounds' differences) | **$J_ADDED s** | < 1 s |"
    echo "<!-- maven:end -->"
  } >"$WORK/maven.md"
  replace_region maven "$WORK/maven.md"
  cat "$WORK/maven.md"
fi
