#!/usr/bin/env bash
# Times whole seedline commands next to their sqlite3 floor (sqlite3 running the query the figure
# needs, and nothing else), on the 100,000-project benchmark database and, when present, on the
# 1,000,000-project one, so that growth with the data and distance from SQLite itself show side by
# side. Reports the median (min-max) of N runs and seedline's peak memory (max RSS).
#
#   benches/commands.sh                 100k (target/bench/bench-100k.db, made by `cargo bench`)
#                                       and 1M (target/bench/bench-1m.db) when it exists
#   benches/commands.sh DB...           those databases
#   GENERATE_1M=1 benches/commands.sh   first generate target/bench/bench-1m.db when missing
#                                       (1,000,000 projects, 10,000,000 notes; ~9 GB, 10+ minutes)
#   RUNS=21 IMPORT_RUNS=5 benches/commands.sh   more runs
#   SKIP_CSV=1 benches/commands.sh      without the export and import rows
#
# Needs: a release build (built when missing), sqlite3, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
bin=target/release/seedline
[ -x "$bin" ] || cargo build --release --quiet
command -v sqlite3 > /dev/null || { echo "needs sqlite3" >&2; exit 2; }
today=2026-11-25
export SEEDLINE_TODAY=$today SEEDLINE_STATE_DIR=$(mktemp -d) SEEDLINE_CONFIG_DIR=$(mktemp -d)
big=target/bench/bench-1m.db

if [ "${GENERATE_1M:-0}" = 1 ] && [ ! -f "$big" ]; then
  mkdir -p -m 700 target/bench
  echo "generating $big (1,000,000 projects) ..."
  start=$(date +%s%N)
  "$bin" demo --db "$big" --projects 1000000 --notes 10000000 --flags 200000 > /dev/null
  echo "seedline demo --projects 1000000 --notes 10000000 --flags 200000: $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi

if [ $# -gt 0 ]; then
  dbs=("$@")
else
  dbs=(target/bench/bench-100k.db)
  [ -f "$big" ] && dbs+=("$big")
fi
for db in "${dbs[@]}"; do
  [ -f "$db" ] || { echo "no database at $db: run 'cargo bench --bench tui' once (100k) or GENERATE_1M=1 (1M)" >&2; exit 2; }
done

# median, min and max in ms of `runs` runs of a command (output discarded), as "median min max"
sample() {
  local samples=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    samples+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '
    { v[NR] = $1 } END { printf "%.1f %.1f %.1f", v[int((NR + 1) / 2)] / 1000, v[1] / 1000, v[NR] / 1000 }'
}

peak_kb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }

# One line: a figure, seedline's time (median (min-max)), its peak memory, the floor and the ratio.
# Usage: row LABEL 'seedline command…' 'floor command…' (the floor may be '' when none applies).
row() {
  local label=$1 ours=$2 floor=$3
  read -r med lo hi <<< "$(sample sh -c "$ours")"
  local kb
  kb=$(peak_kb sh -c "exec $ours")
  if [ -n "$floor" ]; then
    read -r fmed _ _ <<< "$(sample sh -c "$floor")"
    printf '%-40s %9s ms (%s-%s) %7.1f MiB   sqlite3 %9s ms   %5.2fx\n' "$label" "$med" "$lo" "$hi" \
      "$(echo "$kb / 1024" | bc -l)" "$fmed" "$(echo "$med / $fmed" | bc -l)"
  else
    printf '%-40s %9s ms (%s-%s) %7.1f MiB\n' "$label" "$med" "$lo" "$hi" "$(echo "$kb / 1024" | bc -l)"
  fi
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
for db in "${dbs[@]}"; do
  # A database made by an older seedline is brought to this version's schema first (timed runs
  # below open it read-only).
  "$bin" init --db "$db" > /dev/null
  projects=$(sqlite3 "$db" 'select count(*) from project')
  echo
  echo "== $db ($(du -h "$db" | cut -f1)): $projects projects, $(sqlite3 "$db" 'select count(*) from note') notes, runs=$runs"
  # `o` needs an officer: the one with the most projects, named in a config of our own.
  busiest=$(sqlite3 "$db" "select o.id || '|' || o.name from officer o join project_officer po on po.officer_id = o.id
                           group by o.id order by count(*) desc, o.id limit 1")
  officer_id=${busiest%%|*}
  printf '[officer]\nname = "%s"\nrole = "PO"\n' "${busiest#*|}" > "$SEEDLINE_CONFIG_DIR/config.toml"
  fy=$(( $(date -d "$today" +%Y) - ($(date -d "$today" +%m) < 4 ? 1 : 0) ))
  s="$bin show --read-only"
  q="sqlite3 -readonly $db"

  # The dashboard: its floor is one GROUP BY of the same counts (projects per integrated project
  # and phase); `o` and `b` the same over my projects / this fiscal year's allocations.
  row "show dashboard" "$s dashboard --db $db" \
      "$q 'SELECT integrated_project_id, phase, count(*) FROM project WHERE retired_at IS NULL GROUP BY 1, 2'"
  row "show dashboard --mine (o)" "$s dashboard --db $db --mine" \
      "$q 'SELECT p.integrated_project_id, p.phase, count(*) FROM project_officer po JOIN project p ON p.id = po.project_id
           WHERE po.officer_id = $officer_id AND p.retired_at IS NULL GROUP BY 1, 2'"
  row "show dashboard --budget (b)" "$s dashboard --db $db --budget" \
      "$q 'SELECT p.integrated_project_id, p.phase, sum(b.amount_kyen) FROM budget_allocation b JOIN project p ON p.id = b.project_id
           WHERE b.fiscal_year = $fy AND p.retired_at IS NULL GROUP BY 1, 2'"
  # Lists: the first screen (24 rows); the floor reads the first 24 matching rows in the same order.
  row "show list, a 2-character word (gan)" "$s list --db $db --query がん --height 24" \
      "$q \"SELECT amed_id, title FROM project WHERE title LIKE '%がん%' ORDER BY amed_id LIMIT 24\""
  row "show list --query stalled:yes" "$s list --db $db --query stalled:yes --height 24" ""
  row "show list --query due:overdue" "$s list --db $db --query due:overdue --height 24" ""
  row "show list --query mine" "$s list --db $db --query mine --height 24" ""
  # The boards: whole commands (their floor: the count each shows).
  row "show due" "$s due --db $db --height 24" \
      "$q \"SELECT count(*) FROM note WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL
           AND follow_up_on <= date('$today', '+30 days')\""
  row "show due --mine" "$s due --db $db --height 24 --mine" \
      "$q \"SELECT count(*) FROM note WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL
           AND follow_up_on <= date('$today', '+30 days') AND author = '${busiest#*|}'\""
  row "show highway" "$s highway --db $db --height 24" \
      "$q \"SELECT count(*) FROM highway_flag WHERE status IN ('candidate', 'recommended')\""
  row "show budget" "$s budget --db $db --height 24" \
      "$q 'SELECT p.integrated_project_id, b.fiscal_year, sum(b.amount_kyen) FROM budget_allocation b JOIN project p ON p.id = b.project_id GROUP BY 1, 2'"
  row "show funnel" "$s funnel --db $db --height 24" ""
  first=$(sqlite3 "$db" "select amed_id from project order by id limit 1")
  row "show project (first project)" "$s project $first --db $db" ""

  # SKIP_CSV=1: the commands above only (the import below takes minutes at 1,000,000 rows).
  [ "${SKIP_CSV:-0}" = 1 ] && continue
  # CSV: seedline's Excel-safe export and validated import next to sqlite3's own CSV output and
  # .import of the same columns (sqlite3 neither neutralises formulas nor validates anything).
  work=$(mktemp -d -p "$(dirname "$db")")
  cols="amed_id, title, (SELECT name_ja FROM program g WHERE g.id = p.program_id), institution, pi_name, pi_title,
        start_date, end_date, budget_total_kyen, phase, modality, summary"
  read -r emed elo ehi <<< "$(sample sh -c "'$bin' export projects --db '$db' > '$work/out.csv'")"
  read -r smed _ _ <<< "$(sample sh -c "sqlite3 -readonly -csv '$db' \"SELECT $cols FROM project p ORDER BY amed_id\" > '$work/plain.csv'")"
  ebytes=$(stat -c %s "$work/out.csv"); sbytes=$(stat -c %s "$work/plain.csv")
  ekb=$(peak_kb "$bin" export projects --db "$db" -o "$work/m.csv")
  printf '%-40s %9s ms (%s-%s) %7.1f MiB   sqlite3 %9s ms   %5.2fx per byte (%s / %s MB)\n' \
    "export projects (all)" "$emed" "$elo" "$ehi" "$(echo "$ekb / 1024" | bc -l)" "$smed" \
    "$(echo "($emed / $ebytes) / ($smed / $sbytes)" | bc -l)" $((ebytes / 1000000)) $((sbytes / 1000000))
  rm -f "$work/m.csv"
  # Import: every row of the export into a fresh database, validated, in one transaction.
  saved=$runs; runs=${IMPORT_RUNS:-$([ "$projects" -gt 200000 ] && echo 1 || echo 3)}
  read -r imed ilo ihi <<< "$(sample sh -c "rm -f '$work/i.db'*; '$bin' init --db '$work/i.db' >/dev/null; '$bin' import projects '$work/out.csv' --db '$work/i.db'")"
  rm -f "$work/i.db"*; "$bin" init --db "$work/i.db" > /dev/null
  ikb=$(peak_kb "$bin" import projects "$work/out.csv" --db "$work/i.db")
  imported=$(sqlite3 "$work/i.db" 'select count(*) from project')
  read -r fmed _ _ <<< "$(sample sh -c "rm -f '$work/s.db'; sqlite3 '$work/s.db' 'CREATE TABLE t (a,b,c,d,e,f,g,h,i,j,k,l)' '.mode csv' '.import $work/plain.csv t'")"
  # A second floor: sqlite3 itself copying the imported rows (projects, disease areas, first phase
  # changes, search rows) into a fresh database of seedline's schema, with its indexes, triggers and
  # trigram index, in one transaction (a fresh database each run, as for the import above): no CSV,
  # no checks, no kept counts.
  copy="ATTACH '$work/i.db' AS src; PRAGMA cache_size = -16384; BEGIN;
    INSERT INTO tally_pause VALUES (1);
    INSERT INTO project SELECT * FROM src.project;
    INSERT INTO project_disease_area SELECT * FROM src.project_disease_area;
    INSERT INTO phase_change SELECT * FROM src.phase_change;
    INSERT INTO project_fts (rowid, amed_id, title, summary, pi_name, institution)
      SELECT rowid, amed_id, title, summary, pi_name, institution FROM src.project_fts;
    INSERT INTO project_short SELECT * FROM src.project_short;
    DELETE FROM tally_pause; COMMIT;"
  read -r cmed _ _ <<< "$(sample sh -c "rm -f '$work/c.db'*; '$bin' init --db '$work/c.db' >/dev/null; sqlite3 '$work/c.db' \"$copy\"")"
  # The same copy without the search rows (trigram index and short-word copy): what the schema's
  # tables, indexes and triggers cost alone, against the bare-table .import above.
  bare=$(printf '%s\n' "$copy" | grep -v 'project_fts\|SELECT rowid, amed_id\|project_short')
  read -r nmed _ _ <<< "$(sample sh -c "rm -f '$work/c.db'*; '$bin' init --db '$work/c.db' >/dev/null; sqlite3 '$work/c.db' \"$bare\"")"
  rm -f "$work/i.db"* "$work/c.db"*
  runs=$saved
  printf '%-40s %9s ms (%s-%s) %7.1f MiB   sqlite3 %9s ms   %5.2fx (%s rows imported)\n' \
    "import projects (the export)" "$imed" "$ilo" "$ihi" "$(echo "$ikb / 1024" | bc -l)" "$fmed" \
    "$(echo "$imed / $fmed" | bc -l)" "$imported"
  printf '%-40s %9s ms   seedline import %5.2fx of it\n' \
    "  sqlite3 copying them into our schema" "$cmed" "$(echo "$imed / $cmed" | bc -l)"
  printf '%-40s %9s ms   %5.2fx sqlite3 .import\n' \
    "  the same without the search rows" "$nmed" "$(echo "$nmed / $fmed" | bc -l)"
  rm -rf "$work"
done
