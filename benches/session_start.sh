#!/usr/bin/env bash
# What a session start costs on a shared host: the first session of the day (it claims, runs and
# records the integrity check) against the ones after it (they find the day's clean check and start
# with none). Each start is the TUI's own, without a terminal (`examples/headless_start.rs`: open,
# first loads, the runtime's start-up check, waiting for it), timed by GNU time: CPU (user + sys)
# and wall seconds.
#
#   benches/session_start.sh [DB]    default target/bench/bench-100k.db (made by `cargo bench`)
#   RUNS=11 benches/session_start.sh more starts after the first
#
# Writes one small row per run into DB's `integrity_check` (a new "today" each run: the day after
# the latest recorded). Needs sqlite3 and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-target/bench/bench-100k.db}
runs=${RUNS:-5}
[ -f "$db" ] || { echo "no database at $db" >&2; exit 2; }
cargo build --release --quiet --example headless_start
bin=target/release/examples/headless_start
day=$(sqlite3 "$db" "SELECT coalesce(date(max(day), '+1 day'), date('now', 'localtime'))
                     FROM integrity_check" 2> /dev/null || date +%F)
out=$(mktemp)
trap 'rm -f "$out"' EXIT

start() {
  local what
  what=$(/usr/bin/time -o "$out" -f '%U %S %e' "$bin" "$db" "$day")
  read -r user sys wall < "$out"
  echo "$what $(echo "$user + $sys" | bc) $wall"
}

echo "database: $db ($(du -h "$db" | cut -f1)), today: $day"
read -r _ what cpu wall <<< "$(start)"
printf '%-36s %-12s cpu %6.2f s  wall %6.2f s\n' "first session of the day" "check: $what" "$cpu" "$wall"
cpus=()
for _ in $(seq "$runs"); do
  read -r _ what cpu wall <<< "$(start)"
  printf '%-36s %-12s cpu %6.2f s  wall %6.2f s\n' "a later session" "check: $what" "$cpu" "$wall"
  cpus+=("$cpu")
done
median=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "later sessions: median cpu ${median} s over ${runs} starts"
