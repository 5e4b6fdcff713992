#!/usr/bin/env bash
# Times whole seedline commands on the 100,000-project benchmark database, next to sqlite3 doing
# the same work, so figures can be compared across versions. Reports median, min and max of N runs
# and the peak memory (max RSS) of seedline.
#
#   benches/commands.sh [DB]        (default: target/bench/bench-100k.db, made by `cargo bench`)
#   RUNS=21 benches/commands.sh     (more runs)
#   GENERATE=1 benches/commands.sh  (also time generating a fresh benchmark database, ~1 min)
#
# Needs: a release build (cargo build --release), sqlite3, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-target/bench/bench-100k.db}
runs=${RUNS:-11}
bin=target/release/seedline
[ -x "$bin" ] || cargo build --release --quiet
[ -f "$db" ] || { echo "no database at $db: run 'cargo bench --bench tui' once, or GENERATE=1" >&2; exit 2; }
export SEEDLINE_TODAY=2026-11-25 SEEDLINE_STATE_DIR=$(mktemp -d) SEEDLINE_CONFIG_DIR=$(mktemp -d)

# median / min / max in milliseconds of `runs` runs of a command (output discarded)
time_it() {
  local label=$1; shift
  local samples=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    samples+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk -v label="$label" '
    { v[NR] = $1 } END { printf "%-44s median %8.1f ms   min %8.1f   max %8.1f   (n=%d)\n",
      label, v[int((NR + 1) / 2)] / 1000, v[1] / 1000, v[NR] / 1000, NR }'
}

peak_kb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }

today=2026-11-25
# The statements `show dashboard` runs (integrated-project view): counts, open flags and due
# follow-ups per (integrated project, phase), then the headline figures.
dashboard_sql="
SELECT p.integrated_project_id, p.phase, count(*) FROM project p GROUP BY 1, 2;
SELECT p.integrated_project_id, p.phase, count(*) FROM highway_flag f JOIN project p ON p.id = f.project_id
  WHERE f.status IN ('candidate', 'recommended') GROUP BY 1, 2;
SELECT p.integrated_project_id, p.phase, count(DISTINCT p.id) FROM note n JOIN project p ON p.id = n.project_id
  WHERE n.follow_up_on IS NOT NULL AND n.follow_up_done_at IS NULL AND n.deleted_at IS NULL
    AND n.follow_up_on <= '$today' GROUP BY 1, 2;
SELECT phase, count(*) FROM project GROUP BY phase;
SELECT count(*) FROM project WHERE licensing_status IN ('assignment', 'license', 'joint_development');
SELECT count(*) FROM outcome WHERE kind = 'regulatory_approval';
SELECT count(*) FROM highway_flag WHERE status IN ('candidate', 'recommended');
SELECT count(*) FROM note WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL
  AND deleted_at IS NULL AND follow_up_on < '$today';"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
echo "database: $db ($(du -h "$db" | cut -f1)), $(sqlite3 "$db" 'select count(*) from project') projects, $(sqlite3 "$db" 'select count(*) from note') notes"
time_it "seedline show dashboard (start to output)" "$bin" show dashboard --db "$db"
time_it "sqlite3, the same aggregate queries" sqlite3 "$db" "$dashboard_sql"
time_it "seedline show list --query 'がん' --height 24" "$bin" show list --db "$db" --query がん --height 24
time_it "seedline show list --query 'due:overdue' --height 24" "$bin" show list --db "$db" --query due:overdue --height 24
first=$(sqlite3 "$db" "select amed_id from project order by id limit 1")
time_it "seedline show project (first project)" "$bin" show project "$first" --db "$db"
# CSV: seedline's Excel-safe export and validated import next to sqlite3's own CSV output and
# .import of the same columns (sqlite3 neither neutralises formulas nor validates anything).
work=$(mktemp -d)
cols="amed_id, title, (SELECT name_ja FROM program g WHERE g.id = p.program_id), institution, pi_name, pi_title,
      start_date, end_date, budget_total_kyen, phase, modality, summary"
time_it "seedline export projects (all, to a file)" sh -c "rm -f '$work/out.csv'; '$bin' export projects --db '$db' -o '$work/out.csv'"
time_it "sqlite3 -csv, the same columns" sqlite3 -csv "$db" "SELECT $cols FROM project p ORDER BY amed_id"
"$bin" export projects --db "$db" -o "$work/in.csv" --force > /dev/null
RUNS_SAVED=$runs; runs=${IMPORT_RUNS:-3}
time_it "seedline import projects (all rows, validated)" sh -c "rm -f '$work/i.db'*; '$bin' init --db '$work/i.db' >/dev/null; '$bin' import projects '$work/in.csv' --db '$work/i.db'"
sqlite3 -csv "$db" "SELECT $cols FROM project p" > "$work/plain.csv"
time_it "sqlite3 .import into a bare table" sh -c "rm -f '$work/s.db'; sqlite3 '$work/s.db' 'CREATE TABLE t (a,b,c,d,e,f,g,h,i,j,k,l)' '.mode csv' '.import $work/plain.csv t'"
runs=$RUNS_SAVED
echo "peak memory, export: $(peak_kb "$bin" export projects --db "$db" -o "$work/m.csv") KB"
rm -rf "$work"
echo "peak memory, show dashboard: $(peak_kb "$bin" show dashboard --db "$db") KB"
echo "peak memory, show list (500 rows): $(peak_kb "$bin" show list --db "$db") KB"
if [ "${GENERATE:-0}" = 1 ]; then
  tmp=$(mktemp -d)
  start=$(date +%s%N)
  "$bin" demo --db "$tmp/gen.db" --projects 100000 --notes 1000000 --flags 20000 > /dev/null
  end=$(date +%s%N)
  echo "seedline demo --projects 100000 --notes 1000000: $(( (end - start) / 1000000 )) ms"
  rm -rf "$tmp"
fi
