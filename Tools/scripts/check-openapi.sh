#!/usr/bin/env bash
# Checks the OpenAPI document of intake, pip, enrolment and contract-monitor against the running services:
# each service is started alone from BIN_DIR on a free loopback port with a temp state dir, gets
# a token made with inburgeringctl on its database (a klantmanager of GM0193; for
# contract-monitor a contractmanager, who may change its register), and once /readyz answers its
# /api/v1/openapi.json is validated with openapi-spec-validator and fuzzed with schemathesis
# (`st run … --checks all`). The service is then stopped with SIGTERM; the temp dir goes.
# Exits non-zero when the validator or schemathesis reports anything, or a service misbehaves.
#
# Needs: pip install schemathesis openapi-spec-validator   (schemathesis 4.x), curl, python3.
# Environment:
#   OPENAPI_MAX_EXAMPLES  test cases per operation (default 25: ~10 s of schemathesis per service;
#                         100 takes ~30 s per service)
#   OPENAPI_SERVICES      which services (default "intake pip enrolment contract-monitor")
#   OPENAPI_ST_TIMEOUT    seconds one schemathesis run may take before it is stopped (default 100)
#   OPENAPI_SEED          schemathesis --seed, for a reproducible run (default: none)
#   OPENAPI_KEEP          a directory to copy each service's document, log and reports into
# Usage: Tools/scripts/check-openapi.sh BIN_DIR
set -euo pipefail

[ -d "${1:-}" ] || { echo "usage: check-openapi.sh BIN_DIR (the directory with inburgering-intake, inburgering-pip, inburgeringctl)" >&2; exit 2; }
bin=$(cd "$1" && pwd)
max_examples=${OPENAPI_MAX_EXAMPLES:-25}
read -r -a services <<<"${OPENAPI_SERVICES:-intake pip enrolment contract-monitor}"
st_timeout=${OPENAPI_ST_TIMEOUT:-100}
seed=${OPENAPI_SEED:-}
keep=${OPENAPI_KEEP:-}
config=$(cd "$(dirname "$0")" && pwd)/schemathesis.toml

for tool in st openapi-spec-validator curl python3 timeout; do
    command -v "$tool" >/dev/null || { echo "check-openapi: '$tool' is missing (pip install schemathesis openapi-spec-validator)" >&2; exit 2; }
done
for binary in inburgeringctl "${services[@]/#/inburgering-}"; do
    [ -x "$bin/$binary" ] || { echo "check-openapi: no $bin/$binary; build first" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/check-openapi.XXXXXX")
service_pid=
st_pid=
stop_service() {
    [ -n "$service_pid" ] || return 0
    local pid=$service_pid status=0
    service_pid=
    kill -TERM "$pid" 2>/dev/null || true
    # The service drains and exits by itself; give it 25 s before KILL.
    for _ in $(seq 1 250); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; status=1; fi
    wait "$pid" || status=$?
    return "$status"
}
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    if [ -n "$st_pid" ]; then kill -TERM "$st_pid" 2>/dev/null || true; wait "$st_pid" 2>/dev/null || true; fi
    stop_service || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

failed=0
summary=()

# Registers a test person with `bsn` in intake at BASE with TOKEN; prints the file's id.
register_test_person() {
    curl -fsS --max-time 10 -X POST "$1/api/v1/inburgeraars" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
        -d "{\"bsn\":\"$3\",\"naam\":\"Test Persoon\",\"geboortedatum\":\"1990-01-01\",\"doelgroep\":\"gezinsmigrant\",\"registratiedatum\":\"2026-01-01\"}" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

# Imports a register into contract-monitor at BASE with TOKEN whose aanbieder, perceel and
# contract are all called "demo" (each kind has its own ids), so that every {id} is one.
seed_register() {
    local normen='"normen":{"maxWachttijdDagen":42,"minAanwezigheidProcent":85,"maxVerzuimProcent":10,"minSlagingProcent":70,"maxUitvalProcent":15,"minTevredenheid":7,"rapportageTermijnDagen":10}'
    curl -fsS --max-time 10 -o /dev/null -X PUT "$1/api/v1/register" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "{\"reden\":\"openapi-check\",\"register\":{
        \"gemeenten\":[{\"code\":\"GM0193\",\"naam\":\"Zwolle\"}],
        \"aanbieders\":[{\"id\":\"demo\",\"naam\":\"Demo\",\"instellingsnummer\":\"DEMO000001\",\"contact\":{\"naam\":\"Planning\",\"email\":\"planning@demo.example\"}}],
        \"percelen\":[{\"id\":\"demo\",\"naam\":\"B1\",\"soort\":\"b1-route\",\"gemeenten\":[\"GM0193\"],\"aandelen\":[{\"aanbiederId\":\"demo\",\"procent\":100}]}],
        \"contracten\":[{\"id\":\"demo\",\"perceelId\":\"demo\",\"aanbiederId\":\"demo\",\"startdatum\":\"2027-01-01\",\"einddatum\":\"2028-12-31\",
            \"verlengingen\":[],\"prijs\":{\"eenheid\":\"traject\",\"bedragCent\":100000},\"capaciteit\":[],\"instroommomenten\":[],$normen}]}}"
}

check() {
    local name=$1 dir=$work/$1
    local state=$dir/state log=$dir/service.log doc=$dir/openapi.json
    mkdir -p "$state"
    local started=$SECONDS

    # Every location flag is given, so that REGION, STATE_DIR, QUEUE_DIR or HTTP_HOST in the
    # environment cannot point the service elsewhere; port 0 picks a free one (the log says which).
    # The services that talk to DUO are checked without it (their own rules, not DUO's answers).
    local duo=()
    case $name in intake | pip | enrolment | contract-monitor) duo=(--duo-base-url "") ;; esac
    "$bin/inburgering-$name" --region openapi-check --region-gemeenten GM0193,GM0148 --state-dir "$state" \
        --queue-dir "$state/queue" --http-host 127.0.0.1 --http-port 0 --log-level info "${duo[@]}" >"$log" 2>&1 &
    service_pid=$!
    local port=
    for _ in $(seq 1 300); do
        port=$(grep -o 'http\.port=[0-9]*' "$log" 2>/dev/null | head -n 1 | cut -d= -f2 || true)
        [ -n "$port" ] && break
        kill -0 "$service_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        echo "inburgering-$name did not start; its log ends with:" >&2
        tail -n 5 "$log" >&2
        summary+=("$name: did not start")
        return 1
    fi
    local base=http://127.0.0.1:$port
    local ready=
    for _ in $(seq 1 100); do
        if curl -fs --max-time 2 "$base/readyz" >/dev/null 2>&1; then ready=1; break; fi
        sleep 0.1
    done
    [ -n "$ready" ] || { echo "inburgering-$name: /readyz never answered 200" >&2; summary+=("$name: not ready"); return 1; }

    local token role=(--role klantmanager --gemeente GM0193)
    [ "$name" != contract-monitor ] || role=(--role contractmanager)
    token=$(timeout 30 "$bin/inburgeringctl" tokens create --service "$name" --state-dir "$state" \
        "${role[@]}" --label openapi-check --json \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])') || token=
    [ -n "$token" ] || { echo "inburgeringctl tokens create failed for $name" >&2; summary+=("$name: no token"); return 1; }

    if ! curl -fsS --max-time 10 "$base/api/v1/openapi.json" -o "$doc"; then
        summary+=("$name: GET /api/v1/openapi.json failed"); return 1
    fi
    local validator=ok
    if ! timeout 60 openapi-spec-validator --validation-errors all "$doc" >"$dir/validator.txt" 2>&1; then validator=FAILED; fi
    echo "== $name: openapi-spec-validator: $validator"
    [ "$validator" = ok ] || sed -n "1,30p" "$dir/validator.txt" | sed "s|^$doc: |   |"

    # Real data for the routes on one file, so that schemathesis reaches their rules rather
    # than 404: intake gets a person registered by hand (a test BSN), and every {id} is that file;
    # contract-monitor a register whose entries are all "demo".
    local run_config=$dir/schemathesis.toml
    cp "$config" "$run_config"
    if [ "$name" = intake ]; then
        # Two people: one for moving (it leaves the token's municipality), one for the rest.
        local file_id moved_id
        file_id=$(register_test_person "$base" "$token" 999990019) && moved_id=$(register_test_person "$base" "$token" 999990020) || {
            echo "check-openapi: cannot register the test people in intake" >&2; summary+=("$name: no test data"); return 1; }
        printf '\n[[operations]]\ninclude-operation-id = "moveFile"\nparameters = { "path.id" = "%s" }\n' "$moved_id" >>"$run_config"
        printf '\n[parameters]\n"path.id" = "%s"\n"path.nummer" = "1"\n' "$file_id" >>"$run_config"
    elif [ "$name" = contract-monitor ]; then
        seed_register "$base" "$token" || { echo "check-openapi: cannot import the test register" >&2; summary+=("$name: no test data"); return 1; }
        printf '\n[parameters]\n"path.id" = "demo"\n' >>"$run_config"
    fi
    local st_args=(--config-file "$run_config" run "$base/api/v1/openapi.json" -H "Authorization: Bearer $token" --checks all
        --max-examples "$max_examples" --workers 1 --request-timeout 10 --no-color
        --report junit --report-dir "$dir/report")
    [ -z "$seed" ] || st_args+=(--seed "$seed")
    local st_status=0 st_started=$SECONDS
    # In the background and waited for, so that a TERM or Ctrl-C to this script is handled at once;
    # run in the temp dir, so that st's .schemathesis and .hypothesis caches go with it.
    (cd "$dir" && exec timeout --kill-after=10 "$st_timeout" st "${st_args[@]}") >"$dir/st.txt" 2>&1 &
    st_pid=$!
    wait "$st_pid" || st_status=$?
    st_pid=
    local st_seconds=$((SECONDS - st_started))
    local schemathesis=ok
    if [ "$st_status" -eq 124 ] || [ "$st_status" -eq 137 ]; then schemathesis="TIMED OUT after ${st_timeout}s"
    elif [ "$st_status" -ne 0 ]; then schemathesis="FAILED (exit $st_status)"; fi
    echo "== $name: schemathesis (max-examples $max_examples, ${st_seconds}s): $schemathesis"
    # One line per distinct failure (operation, check, status), then st's own counts.
    python3 - "$dir/st.txt" <<'PY' || true
import re, sys
section = op = status = None; checks = []; seen = []; errors = []; counts = []
def flush():
    global checks, status
    for check in checks:
        if (op, check, status) not in seen: seen.append((op, check, status))
    checks, status = [], None
for line in open(sys.argv[1], errors="replace").read().splitlines():
    if line.startswith("===="):
        flush(); section = line.strip("= ").strip(); continue
    header = re.match(r"^_{3,} (\S+ \S+) _{3,}$", line)
    if header:
        flush(); op = header.group(1); continue
    if section == "FAILURES":
        if re.match(r"^\d+\. Test Case ID", line): flush()
        elif m := re.match(r"^- (ST\d+ .*)$", line): checks.append(m.group(1))
        elif m := re.match(r"^\[(\d{3})\]", line): status = m.group(1)
    elif section == "ERRORS" and op and line.strip() and not line.startswith(("Need more", "    Join")):
        if line.strip() != "Schema Error": errors.append(f"{op}: {line.strip()}")
    elif section == "SUMMARY" and re.match(r"^  (❌|🚫|⚠️) .*(:|responses)", line):
        counts.append(line.strip())
flush()
for op, check, status in seen: print(f"   {op}: {check}" + (f" (got {status})" if status else ""))
for error in errors: print(f"   {error} [schema error]")
for count in counts: print(f"   {count}")
PY
    local service_status=0
    stop_service || service_status=$?
    local stopped=clean
    [ "$service_status" -eq 0 ] || stopped="exit $service_status"
    if [ -n "$keep" ]; then
        mkdir -p "$keep/$name"
        cp -r "$doc" "$log" "$dir/validator.txt" "$dir/st.txt" "$dir/report" "$keep/$name/" 2>/dev/null || true
    fi

    summary+=("$name: validator $validator; schemathesis $schemathesis; stop $stopped; $((SECONDS - started))s")
    [ "$validator" = ok ] && [ "$schemathesis" = ok ] && [ "$service_status" -eq 0 ]
}

for name in "${services[@]}"; do
    # errexit is off inside check (it runs in an || list): it returns 1 on every failure itself.
    check "$name" || failed=1
    stop_service || true
done

echo
echo "OpenAPI check summary:"
printf '  %s\n' "${summary[@]}"
exit "$failed"
