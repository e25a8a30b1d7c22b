#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets in OUT/<target>/ (default build-fuzz/fuzz/seeds)
# from the shared data and the repository's examples, next to the few committed seeds of
# test/fuzz/seeds/. The shared corpora are copied, not committed. Usage: seeds.sh [OUT]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${VERDICT_SHARED:-$repo/../shared}"
out="${1:-$repo/build-fuzz/fuzz/seeds}"
mkdir -p "$out"/{policy,network,cfront,prp,manifest}

copy() {  # copy TARGET FILE...: files under a unique name (their path, flattened)
  local target="$1"; shift
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$out/$target/$(echo "${f#"$shared"/}" | tr '/' '_')"
  done
  return 0
}

if [ -d "$shared/policies/corpus" ]; then
  mapfile -t files < <(find "$shared/policies/corpus" -name '*.json' -size -2k)
  copy policy "${files[@]}"
fi
copy policy "$repo"/examples/*policy*.json "$repo"/test/policy/slow_pair/*.json
copy network "$repo"/examples/network-*.json "$repo"/test/network/*.json
copy cfront "$repo"/examples/*.c
if [ -d "$shared/benchmarks" ]; then
  # Small programs only: each input is compiled by clang, and libFuzzer's -max_len bounds them.
  mapfile -t files < <(find "$shared/benchmarks" \( -name '*.c' -o -name '*.i' \) -size -16k)
  for f in "${files[@]}"; do cp "$f" "$out/cfront/$(echo "${f#"$shared"/}" | tr '/' '_' | sed 's/\.i$/.c/')"; done
  mapfile -t files < <(find "$shared/benchmarks" -name '*.prp' | sort -u)
  copy prp "${files[@]}"
  head -40 "$shared/benchmarks/manifest.csv" > "$out/manifest/manifest-head.csv"
fi
for t in policy network cfront prp manifest; do
  echo "seeds/$t: $(find "$out/$t" -type f | wc -l) files"
done
