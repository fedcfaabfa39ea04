#!/usr/bin/env bash
# Runs the property tests (every test named prop_…) for about MINUTES minutes, in release
# mode, with more cases than CI (DOCBAO_FUZZ_SCALE, chosen from a timed first round) and a
# fresh seed each round (DOCBAO_FUZZ_SEED). Stops at the deadline. A failure prints its seed
# and scale and proptest's minimal input: make it a regression test. Not run in CI.
#
#   scripts/fuzz.sh 30          # half an hour
#   scripts/fuzz.sh 5 prop_feed # only the tests whose name contains prop_feed
set -u
minutes=${1:?usage: scripts/fuzz.sh MINUTES [FILTER]}
filter=${2:-prop_}
cd "$(dirname "$0")/.."

deadline=$(( $(date +%s) + minutes * 60 ))
log_dir=$(mktemp -d)
echo "fuzz: building the tests in release mode" >&2
cargo test --release --test it --no-run -q 2>&1 | tail -5 >&2 || exit 2

# One round: runs the filtered tests; prints the failures with their seed.
run_round() {
  local seed=$1 scale=$2 budget=$3 log="$log_dir/round-$1.log"
  DOCBAO_FUZZ_SEED=$seed DOCBAO_FUZZ_SCALE=$scale timeout "$budget" \
    cargo test --release --test it -q "$filter" >"$log" 2>&1
  local rc=$?
  if [ $rc -eq 124 ]; then
    echo "fuzz: round seed=$seed scale=$scale stopped at the deadline" >&2
    return 0
  fi
  if [ $rc -ne 0 ]; then
    echo "fuzz: FAILURE with DOCBAO_FUZZ_SEED=$seed DOCBAO_FUZZ_SCALE=$scale (log: $log)"
    grep -E "^test .* FAILED|minimal failing input|Test failed" "$log" | head -20
    return 1
  fi
  return 0
}

new_seed() { od -An -N4 -tu4 /dev/urandom | tr -d ' '; }

failures=0
# Calibrate: one round at the CI budget, timed.
seed=$(new_seed)
start=$(date +%s)
run_round "$seed" 1 $(( deadline - start )) || failures=$((failures + 1))
took=$(( $(date +%s) - start ))
[ "$took" -lt 1 ] && took=1
# Rounds of about a quarter of the time left each (at least one scale step).
left=$(( deadline - $(date +%s) ))
scale=$(( left / 4 / took ))
[ "$scale" -lt 1 ] && scale=1
echo "fuzz: a CI round took ${took}s; rounds at DOCBAO_FUZZ_SCALE=$scale until the deadline" >&2
rounds=1
while [ "$(date +%s)" -lt "$deadline" ]; do
  seed=$(new_seed)
  budget=$(( deadline - $(date +%s) ))
  [ "$budget" -le 0 ] && break
  run_round "$seed" "$scale" "$budget" || failures=$((failures + 1))
  rounds=$((rounds + 1))
done
echo "fuzz: $rounds rounds, $failures failing; logs in $log_dir" >&2
[ "$failures" -eq 0 ]
