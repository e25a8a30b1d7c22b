#!/usr/bin/env bash
# Runs each fuzz target of a VERDICT_FUZZ build for a bounded time, one at a time, at the
# lowest priority: corpus in BUILD/fuzz/corpus/<target>/ (kept between runs), seeds from
# seeds.sh and test/fuzz/seeds/, crashes in BUILD/fuzz/artifacts/<target>/, log in
# BUILD/fuzz/<target>.log. Fails if a target found a crash, a leak, a timeout or an OOM.
# Usage: run.sh BUILD SECONDS TARGET...
set -uo pipefail
build="$1"; seconds="$2"; shift 2
here="$(cd "$(dirname "$0")" && pwd)"
[ -d "$build/fuzz/seeds" ] || "$here/seeds.sh" "$build/fuzz/seeds"

# Per target: the longest input and the per-input time limit (wall-clock seconds) for
# libFuzzer. The questions run with a 0.5 s deadline each (four per policy input, two per
# snapshot), clang compiles one file per input; the limits leave room for a machine so loaded
# that a process at nice 19 gets a tenth of a core, where Z3 4.8.12's timer threads (its
# `timeout` parameter) once kept a 0.2 s policy input waiting on a mutex for 82 s.
options_for() {
  case "$1" in
    cfront) echo "-max_len=16384 -timeout=60" ;;
    policy) echo "-max_len=8192 -timeout=300" ;;
    network) echo "-max_len=16384 -timeout=300" ;;
    *) echo "-max_len=4096 -timeout=10" ;;
  esac
}

status=0
for target in "$@"; do
  corpus="$build/fuzz/corpus/$target" artifacts="$build/fuzz/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  inputs=("$corpus" "$build/fuzz/seeds/$target" "$here/seeds/$target")
  [ -d "$here/regressions/$target" ] && inputs+=("$here/regressions/$target")
  echo "fuzz_$target: ${seconds}s"
  TIMEFORMAT='%U %S'
  # shellcheck disable=SC2046
  cpu=$( { time nice -n 19 "$build/fuzz/fuzz_$target" $(options_for "$target") -max_total_time="$seconds" \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts/" "${inputs[@]}" \
    >"$build/fuzz/$target.log" 2>&1; echo "rc $?" >"$build/fuzz/$target.rc"; } 2>&1 )
  rc=$(sed 's/rc //' "$build/fuzz/$target.rc")
  echo "  CPU: $(echo "$cpu" | awk '{printf "%.1f min", ($1 + $2) / 60}')"
  grep -E '^#[0-9]+ +(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss_mb' "$build/fuzz/$target.log" | sed 's/^/  /'
  if [ "$rc" = 72 ]; then
    echo "  interrupted"
    status=1
  elif [ "$rc" != 0 ]; then
    echo "  FOUND A BUG (exit $rc): see $build/fuzz/$target.log and $artifacts/"
    status=1
  fi
done
exit $status
