#!/usr/bin/env bash
# Starts the five services of the demo region side by side, and DUO's simulator; state
# under ./var/demo, logs under ./var/demo/log; prints where each listens; Ctrl-C stops
# them all cleanly.
# Usage: Tools/scripts/run-demo.sh BIN_DIR
set -euo pipefail

bin=${1:?usage: run-demo.sh BIN_DIR}
region=demo
state=./var/$region
logs=$state/log
services=(intake:8081 pip:8082 enrolment:8083 contract-monitor:8084 notifier:8085)

umask 077
mkdir -p "$logs"
pids=()
# DUO is played by its simulator, from a seed file with two people (docs/duo.md).
duo_port=8090
"$bin/inburgering-duo-sim" serve --seed "$(dirname "$0")/../duo-sim/demo-seed.json" --port "$duo_port" >>"$logs/duo-sim.log" 2>&1 &
sim_pid=$!

stop_all() {
    trap - INT TERM
    echo
    echo "stopping…"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    status=0
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    kill -TERM "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
    if [ $status -eq 0 ]; then echo "all services stopped cleanly"; else echo "a service did not stop cleanly; see $logs" >&2; fi
    exit $status
}
trap stop_all INT TERM

for entry in "${services[@]}"; do
    name=${entry%%:*}
    port=${entry##*:}
    extra=()
    if [ "$name" = intake ] || [ "$name" = pip ]; then extra=(--duo-base-url "http://127.0.0.1:$duo_port/v1"); fi
    "$bin/inburgering-$name" --region "$region" --state-dir "$state" --http-port "$port" "${extra[@]}" >>"$logs/$name.log" 2>&1 &
    pids+=($!)
done

echo "inburgering demo region '$region' (state in $state, logs in $logs)"
for index in "${!services[@]}"; do
    name=${services[$index]%%:*}
    port=${services[$index]##*:}
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
        if ! kill -0 "${pids[$index]}" 2>/dev/null; then
            echo "inburgering-$name did not start; its log ($logs/$name.log) ends with:" >&2
            tail -n 5 "$logs/$name.log" >&2
            stop_all
        fi
        sleep 0.1
    done
    printf '  %-18s http://127.0.0.1:%s   (openapi: /api/v1/openapi.json)\n' "$name" "$port"
done
cat <<TEXT

Try:  curl -s http://127.0.0.1:8081/readyz
      $bin/inburgeringctl tokens create --service intake --state-dir $state --role klantmanager --gemeente GM0193 --label demo
      $bin/inburgeringctl partners add coa --service intake --state-dir $state --name COA \\
          --event-type coa.koppeling.aangemaakt --event-type coa.koppeling.gewijzigd --event-type coa.koppeling.ingetrokken
      (then sign and send a koppeling as docs/webhooks.md and docs/intake.md show)
      $bin/inburgering-duo-sim notify --to http://127.0.0.1:8081/duo/v1/notificaties --gebeurtenis SS139 --bsn 123456782
DUO is played by inburgering-duo-sim on http://127.0.0.1:$duo_port/v1 (seed: Tools/duo-sim/demo-seed.json).
Follow the logs with: tail -f $logs/*.log
Press Ctrl-C to stop all services.
TEXT

# Wait until Ctrl-C, or until a service exits by itself (then stop the others).
while true; do
    for index in "${!pids[@]}"; do
        if ! kill -0 "${pids[$index]}" 2>/dev/null; then
            echo "inburgering-${services[$index]%%:*} exited; see $logs/${services[$index]%%:*}.log" >&2
            stop_all
        fi
    done
    sleep 1 &
    wait $! || true
done
