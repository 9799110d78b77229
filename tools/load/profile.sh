#!/usr/bin/env bash
# CPU profile of a running SOL Duel server with async-profiler (tools.profiler:async-profiler from
# Maven Central, a test dependency of ear): every thread's CPU time sampled each millisecond, native and kernel
# frames included, for --seconds; writes the stacks in collapsed form (flame-graph input) and prints
# what the CPU did: by activity, the system calls Java entered, and the application's own methods.
# Start it while a load runs (tools/load/run.sh, signin.mjs), e.g. 100 s into a 1,000-game run.
#
#   tools/load/profile.sh [--seconds=60] [--server-pid=auto] [--out=ear/target/profile-TIME.collapsed]
#   tools/load/profile.sh --summary=FILE.collapsed      # print the summary of a profile written before
#
# The server is found from port 9080 unless --server-pid is given; it must run as this user.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CP_FILE="$ROOT/ear/target/load-classpath.txt"
SECONDS_TO_PROFILE=60
PID=""
OUT="$ROOT/ear/target/profile-$(date +%Y%m%d-%H%M%S).collapsed"
SUMMARY=""
for arg in "$@"; do
  case "$arg" in
    --seconds=*) SECONDS_TO_PROFILE="${arg#*=}" ;;
    --server-pid=*) PID="${arg#*=}" ;;
    --out=*) OUT="${arg#*=}" ;;
    --summary=*) SUMMARY="${arg#*=}" ;;
    *) echo "unknown option $arg (see the header of $0)" >&2; exit 64 ;;
  esac
done
cd "$ROOT"

# Compiled only when missing (run.sh compiles them on every run): a build while the load runs
# would take the CPU the profile is about.
if [ ! -f "$CP_FILE" ] || [ ! -f "$ROOT/ear/target/test-classes/com/solduel/load/CpuProfile.class" ]; then
  echo "Compiling the load tools (ear test sources)..." >&2
  mvn -B -q -ntp -pl ear -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
fi
CP="$(cat "$CP_FILE"):$ROOT/ear/target/test-classes"

if [ -n "$SUMMARY" ]; then
  exec java -cp "$CP" com.solduel.load.CpuProfile summary "$SUMMARY"
fi

if [ -z "$PID" ]; then
  PID=$(ss -Hltnp "sport = :9080" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  [ -n "$PID" ] || { echo "no server listens on port 9080: start one (scripts/run.sh) or give --server-pid" >&2; exit 1; }
fi
mkdir -p "$(dirname "$OUT")"
exec java -cp "$CP" com.solduel.load.CpuProfile record "$PID" "$SECONDS_TO_PROFILE" "$OUT"
