#!/usr/bin/env bash
# Starts the five services of the demo region side by side with DUO's simulator, fills the
# region with generated people (inburgering-demo), prints where each service listens and the
# demo's credentials, and loads the contract register of deploy/regions/zwolle.register.yaml;
# Ctrl-C stops them all cleanly. State under ./var/demo, logs under
# ./var/demo/log. INBURGERING_DEMO_PORT_BASE (default 8080) moves every port: intake listens
# on base+1 … notifier on base+5, the DUO simulator on base+10, the provider simulator on base+11.
# Usage: Tools/scripts/run-demo.sh BIN_DIR
set -euo pipefail

bin=${1:?usage: run-demo.sh BIN_DIR}
register=$(cd "$(dirname "$0")/../.." && pwd)/deploy/regions/zwolle.register.yaml
region=demo
state=./var/$region
logs=$state/log
base=${INBURGERING_DEMO_PORT_BASE:-8080}
people=36
services=(intake:$((base + 1)) pip:$((base + 2)) enrolment:$((base + 3)) contract-monitor:$((base + 4)) notifier:$((base + 5)))
intake_port=$((base + 1))
contract_monitor_port=$((base + 4))
duo_port=$((base + 10))
provider_port=$((base + 11))
enrolment_port=$((base + 3))

umask 077
mkdir -p "$logs"
pids=()
sim_pid=
provider_pid=
stop_all() {
    trap - INT TERM
    echo
    echo "stopping…"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    status=0
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    if [ -n "$provider_pid" ]; then
        kill -TERM "$provider_pid" 2>/dev/null || true
        wait "$provider_pid" 2>/dev/null || true
    fi
    if [ -n "$sim_pid" ]; then
        kill -TERM "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    if [ $status -eq 0 ]; then echo "all services stopped cleanly"; else echo "a service did not stop cleanly; see $logs" >&2; fi
    exit $status
}
trap stop_all INT TERM

# DUO is played by its simulator, seeded with what DUO knows of the generated people.
"$bin/inburgering-demo" duo-seed --count "$people" >"$state/duo-seed.json"
"$bin/inburgering-duo-sim" serve --seed "$state/duo-seed.json" --port "$duo_port" >>"$logs/duo-sim.log" 2>&1 &
sim_pid=$!

for entry in "${services[@]}"; do
    name=${entry%%:*}
    port=${entry##*:}
    extra=()
    case $name in intake | pip | enrolment | contract-monitor) extra=(--duo-base-url "http://127.0.0.1:$duo_port/v1") ;; esac
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
printf '  %-18s http://127.0.0.1:%s/v1   (DUO, simulated)\n' "duo-sim" "$duo_port"
printf '  %-18s http://127.0.0.1:%s      (the providers, simulated; they start once the demo is filled)\n' "provider-sim" "$provider_port"

# Generated people: COA's koppelingen and DUO's notifications (sent once; a restart sends nothing new).
if ! "$bin/inburgering-demo" feed --state-dir "$state" --intake "http://127.0.0.1:$intake_port" --count "$people" \
    --providers "http://127.0.0.1:$provider_port" >>"$logs/demo-feed.log" 2>&1; then
    echo "filling the demo region failed; $logs/demo-feed.log ends with:" >&2
    tail -n 3 "$logs/demo-feed.log" >&2
    stop_all
fi
# The three providers, played by their simulator: they confirm aanmeldingen and report every
# simulated month (20 s).
"$bin/inburgering-provider-sim" serve --enrolment "http://127.0.0.1:$enrolment_port" --port "$provider_port" \
    --secrets-file "$state/credentials.env" >>"$logs/provider-sim.log" 2>&1 &
provider_pid=$!

# The region's contract register, from the example an operator copies (an import changes
# nothing the second time).
if ! INBURGERING_TOKEN=$(sed -n 's/^CONTRACTMANAGER_TOKEN=//p' "$state/credentials.env") "$bin/inburgeringctl" contracts import \
    "$register" --url "http://127.0.0.1:$contract_monitor_port" --reden "demo region" >>"$logs/demo-register.log" 2>&1; then
    echo "loading the contract register failed; $logs/demo-register.log ends with:" >&2
    tail -n 5 "$logs/demo-register.log" >&2
    stop_all
fi
echo
echo "Filled with $people generated people (test BSNs) over the region's municipalities;"
echo "the contract register from deploy/regions/zwolle.register.yaml (3 providers, 3 percelen, 5 contracts)."
echo "Credentials ($state/credentials.env; load them with: source $state/credentials.env):"
grep -v '^#' "$state/credentials.env" | sed 's/^/  /'
cat <<TEXT

The README's "Walking through the chain" completes one intake and fixes its PIP with curl.
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
