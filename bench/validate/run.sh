#!/usr/bin/env bash
# bench/validate: how fast `alignkit validate` checks many configs, side by side with
#   (a) parse_only: yaml-cpp parsing the same files and nothing else (one core), and
#       parse_only_libyaml: libyaml, the parser alignkit uses, producing events only;
#   (b) ajv-cli validating the same files against our exported schema, what a CI user
#       would pick instead.
# Runs are interleaved (a, b, ours, ...) and repeated; the median of each is reported.
#
# usage: bench/validate/run.sh [N...]        (default: 1000 10000; from the repo root)
# needs: make (built tree in build/), scripts/install-test-tools (ajv-cli), cc; installs yaml-cpp
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs=${RUNS:-5}
out=bench/out
mkdir -p "$out"

# yaml-cpp is the baseline only the benchmark needs; the product builds without it.
scripts/install-deps libyaml-cpp-dev
cmake -S . -B build >/dev/null
cmake --build build --target bench_tools -j2 >/dev/null
cc -O2 -o "$out/timecmd" ../shared/bench/lib/timecmd.c
ak=build/alignkit
ajv=tests/tools/node_modules/.bin/ajv
[ -x "$ajv" ] || { echo "ajv-cli missing: run scripts/install-test-tools"; exit 1; }
"$ak" schema >"$out/alignkit.schema.json"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# field N of the result lines of one peer: 1 wall, 2 user, 3 sys, 4 maxrss KiB, 5 exit
stat() { awk -v f="$2" '{print $f}' "$1" | median; }

printf '\n%-8s %-22s %10s %12s %12s %8s\n' files peer "wall s" "files/s" "peak MiB" "exit"
for n in "${sizes[@]}"; do
  dir=$out/configs-$n
  if [ ! -d "$dir" ]; then
    build/bench/gen_configs "$n" "$dir"
  fi
  # Every generated file must be valid for the comparison to mean anything.
  "$ak" validate --as-of 2026-11-22 -q "$dir" >/dev/null || { echo "generated configs are not valid"; exit 1; }
  "$ajv" validate --spec=draft2020 --strict=false -s "$out/alignkit.schema.json" -d "$dir/config-00000*.yaml" >/dev/null \
    || { echo "ajv rejects the generated configs"; exit 1; }

  declare -A cmd=(
    [parse_only]="build/bench/parse_only $dir"
    [parse_only_libyaml]="build/bench/parse_only_libyaml $dir"
    [ajv-cli]="$ajv validate --spec=draft2020 --strict=false -s $out/alignkit.schema.json -d $dir/*.yaml"
    [alignkit-jobs1]="$ak validate --as-of 2026-11-22 -q --jobs 1 $dir"
    [alignkit-jobs2]="$ak validate --as-of 2026-11-22 -q --jobs 2 $dir"
  )
  order=(parse_only parse_only_libyaml ajv-cli alignkit-jobs1 alignkit-jobs2)
  for peer in "${order[@]}"; do rm -f "$out/$peer-$n.txt"; done
  for ((r = 0; r < runs; r++)); do
    for peer in "${order[@]}"; do
      # ajv-cli expands the glob itself; quote it so the shell does not hit ARG_MAX.
      if [ "$peer" = ajv-cli ]; then
        "$out/timecmd" "$out/$peer-$n.txt" "$ajv" validate --spec=draft2020 --strict=false \
          -s "$out/alignkit.schema.json" -d "$dir/*.yaml" >/dev/null 2>&1
      else
        # shellcheck disable=SC2086
        "$out/timecmd" "$out/$peer-$n.txt" ${cmd[$peer]} >/dev/null 2>&1
      fi
    done
  done
  for peer in "${order[@]}"; do
    wall=$(stat "$out/$peer-$n.txt" 1)
    rss=$(stat "$out/$peer-$n.txt" 4)
    rc=$(stat "$out/$peer-$n.txt" 5)
    printf '%-8s %-22s %10.3f %12.0f %12.1f %8s\n' "$n" "$peer" "$wall" "$(echo "$n / $wall" | bc -l)" \
      "$(echo "$rss / 1024" | bc -l)" "$rc"
    eval "wall_${peer//-/_}=$wall"
  done
  printf '%-8s alignkit (2 jobs) has %.1fx the throughput of ajv-cli\n' "$n" \
    "$(echo "$wall_ajv_cli / $wall_alignkit_jobs2" | bc -l)"
  printf '%-8s alignkit (1 job) takes %.2fx the time of parse_only (yaml-cpp), %.2fx that of parse_only_libyaml\n' "$n" \
    "$(echo "$wall_alignkit_jobs1 / $wall_parse_only" | bc -l)" "$(echo "$wall_alignkit_jobs1 / $wall_parse_only_libyaml" | bc -l)"
done

# Many documents in one file, each with a finding that asks for a suggestion: linear, not
# quadratic (the goal: 20,000 documents in under 0.5 s).
printf '\n%-10s %-8s %10s %12s\n' documents format "wall s" "peak MiB"
for n in 2500 5000 10000 20000; do
  file=$out/many-documents-$n.yaml
  [ -s "$file" ] || python3 bench/validate/gen_many_documents.py "$n" "$file"
  for format in text json; do
    rm -f "$out/many-$n-$format.txt"
    for ((r = 0; r < runs; r++)); do
      "$out/timecmd" "$out/many-$n-$format.txt" "$ak" validate --as-of 2026-11-22 -f "$format" "$file" >/dev/null 2>&1
    done
    printf '%-10s %-8s %10.3f %12.1f\n' "$n" "$format" "$(stat "$out/many-$n-$format.txt" 1)" \
      "$(echo "$(stat "$out/many-$n-$format.txt" 4) / 1024" | bc -l)"
  done
done

# Process start: the median of many runs of `alignkit --version`.
rm -f "$out/start.txt"
for ((r = 0; r < 200; r++)); do "$out/timecmd" "$out/start.txt" "$ak" --version >/dev/null; done
printf '\nprocess start (alignkit --version, median of 200): %.2f ms\n' "$(echo "$(stat "$out/start.txt" 1) * 1000" | bc -l)"
