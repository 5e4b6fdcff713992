#!/usr/bin/env bash
# The shared-host load test (issue 19): K headless dashboard sessions (the real App, effect runner
# and Runtime, polling as the TUI does, no terminal) and W writers saving notes through the TUI's
# save path, each its own process, on one local database. Prints save latency (median, p99,
# worst), CPU per write across all sessions, idle CPU per session, start-up CPU per session (the
# first alone, then the rest together), memory per session, and whether every write is in the
# database exactly once (exit status 1 when not).
#
#   benches/shared_host.sh                                  20 sessions, 1 writer, 60 s, 1 save/s
#   benches/shared_host.sh --sessions 200 --writers 1 --duration 60 --db target/bench/bench-100k.db
#   benches/shared_host.sh --help                           every option and its bounds
#
# Bounds: sessions 1-300, writers 1-10, duration 1-600 s, rate 0.1-20 saves/s. The default database
# is target/bench/bench-100k.db (made by `cargo bench --bench tui`). The notes it writes stay in the
# database (tagged `shared-host <run> …`): use a copy or the benchmark database, never real data.
# SHARED_HOST_PROFILE=dev builds without optimisation (the integration test's tiny run).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo=${CARGO:-cargo}
if [ "${SHARED_HOST_PROFILE:-release}" = dev ]; then
  build=("$cargo" build --bench shared_host)
else
  build=("$cargo" bench --no-run --bench shared_host)
fi
bin=$("${build[@]}" --message-format=json-render-diagnostics 2> /dev/null |
  grep '"name":"shared_host"' | grep -o '"executable":"[^"]*"' | tail -1 | cut -d'"' -f4) || true
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  "${build[@]}" >&2 # show why
  echo "shared_host: could not build the bench target" >&2
  exit 2
fi
export SEEDLINE_TODAY=${SEEDLINE_TODAY:-2026-11-25}
exec "$bin" "$@"
