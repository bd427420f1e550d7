#!/usr/bin/env bash
# Runs the npm scripts it is given side by side and fails when any of them fails. `npm test` runs
# the build and the type check this way: each is one single-threaded tsc, so two cores take both.
set -u
pids=()
for script in "$@"; do
    npm run --silent "$script" &
    pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
    wait "$pid" || status=1
done
exit "$status"
