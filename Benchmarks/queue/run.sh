#!/usr/bin/env bash
# make bench-queue: builds the load tool in release mode and runs bench.py against a local
# redis-server (installed with apt-get when missing). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
Tools/scripts/ensure-deps.sh redis-server redis-tools strace python3
swift build -c release --product inburgering-queue-load
bin=$(swift build -c release --show-bin-path)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r), disk $(df -h /tmp | awk 'NR==2 {print $1}')"
exec python3 Benchmarks/queue/bench.py --load "$bin/inburgering-queue-load" "$@"
