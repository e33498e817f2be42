#!/usr/bin/env bash
# The browser journeys under load: every file in test/e2e runs three times in a
# row (RUNS=n to change) while the rest of the suite (every test file outside
# test/e2e) runs beside them, started again whenever it ends, so that each
# browser run shares the machine with it. Prints one line per run and exits
# non-zero if any browser run failed. The rest of the suite is only the load:
# its results are printed but do not decide the exit status.
#
#   scripts/e2e-under-load.sh            build, then three browser runs
#   SKIP_BUILD=1 scripts/e2e-under-load.sh   reuse dist/ (already built)
#
# Logs go to $LOG_DIR (default: a new directory under /tmp), one file per run.
set -uo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
LOG_DIR="${LOG_DIR:-$(mktemp -d /tmp/tebiki-e2e-under-load.XXXXXX)}"
mkdir -p "$LOG_DIR"
echo "logs: $LOG_DIR"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "building (npm run build)"
  if ! npm run build >"$LOG_DIR/build.log" 2>&1; then
    echo "build failed: see $LOG_DIR/build.log"
    exit 2
  fi
fi

# Vitest's summary line of a log: "Tests  12 passed (12)" or "... 1 failed | 11 passed (12)".
summary() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^ +Tests +' | tail -n 1 | sed 's/^ *//'
}

# The rest of the suite, again and again, until told to stop.
STOP="$LOG_DIR/stop"
rest_loop() {
  local n=0
  while [ ! -e "$STOP" ]; do
    n=$((n + 1))
    local log="$LOG_DIR/rest-$n.log"
    local start=$SECONDS
    # Its own process group, so that stopping it stops its workers too.
    setsid npx vitest run --exclude 'test/e2e/**' >"$log" 2>&1 &
    echo $! >"$LOG_DIR/rest.pid"
    if wait $!; then
      echo "rest of the suite, run $n: passed in $((SECONDS - start)) s ($(summary "$log"))"
    elif [ -e "$STOP" ]; then
      echo "rest of the suite, run $n: stopped after $((SECONDS - start)) s (the browser runs had ended)"
    else
      echo "rest of the suite, run $n: FAILED in $((SECONDS - start)) s ($(summary "$log")); see $log"
    fi
  done
}

rest_loop &
REST=$!
# Stop the loop and the run it has going (its process group, by its id).
stop_rest() {
  touch "$STOP"
  [ -s "$LOG_DIR/rest.pid" ] && kill -TERM -- "-$(cat "$LOG_DIR/rest.pid")" 2>/dev/null
  wait "$REST" 2>/dev/null
}
trap stop_rest EXIT
# Interrupted: stop the browser run going too, then the loop.
E2E_PID=""
interrupted() {
  [ -n "$E2E_PID" ] && kill -TERM -- "-$E2E_PID" 2>/dev/null
  echo "interrupted"
  exit 130
}
trap interrupted INT TERM

failed=0
for i in $(seq 1 "$RUNS"); do
  log="$LOG_DIR/e2e-$i.log"
  start=$SECONDS
  setsid npx vitest run test/e2e >"$log" 2>&1 &
  E2E_PID=$!
  if wait "$E2E_PID"; then
    echo "browser journeys, run $i of $RUNS: passed in $((SECONDS - start)) s ($(summary "$log"))"
  else
    failed=$((failed + 1))
    echo "browser journeys, run $i of $RUNS: FAILED in $((SECONDS - start)) s ($(summary "$log")); see $log"
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ *(FAIL|×) ' | sort -u | sed 's/^/    /'
  fi
done

stop_rest
trap - EXIT
if [ "$failed" -gt 0 ]; then
  echo "$failed of $RUNS browser runs failed"
  exit 1
fi
echo "all $RUNS browser runs passed"
