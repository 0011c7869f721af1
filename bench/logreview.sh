#!/usr/bin/env bash
# The log review's background scan at a municipality's volume (issue 16): fills a database
# with the bench data (100,000 children, 1,000,000 audit rows over about twelve days, and by
# default the reports, investigations and consents of bench/run.sh), then times the whole
# scan of every audit row from an empty watermark, and then an incremental rerun (only the
# rows logged since). Prints the figures.
#
#   bash bench/logreview.sh
#   DATABASE_URL=postgres://samverka:samverka@127.0.0.1:5432/samverka_bench_lr bash bench/logreview.sh
#   AUDIT=200000 CHILDREN=20000 REPORTS=0 INVESTIGATIONS=0 CONSENTS=0 BUILD=debug bash bench/logreview.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CHILDREN=${CHILDREN:-100000}
AUDIT=${AUDIT:-1000000}
REPORTS=${REPORTS:-500000}
INVESTIGATIONS=${INVESTIGATIONS:-100000}
CONSENTS=${CONSENTS:-200000}
BUILD=${BUILD:-release}
CHUNK=${CHUNK:-100000}
DATA=${DATA:-bench/out/lr-data}
DATABASE_URL=${DATABASE_URL:-}
engine=SQLite; db_args=(--data "$DATA"); marker="$DATA/samverka.sqlite"; fill_log=bench/out/lr-fill.txt
if [ -n "$DATABASE_URL" ]; then
  engine=PostgreSQL; db_args=(--database-url "$DATABASE_URL"); marker=bench/out/lr-pg-filled; fill_log=bench/out/lr-fill-pg.txt
fi
swift build -c "$BUILD" ${SCRATCH:+--scratch-path "$SCRATCH"} --product samverka 2>&1 | tail -1
bin=$(swift build -c "$BUILD" ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path)/samverka
mkdir -p bench/out
sizes="$CHILDREN children, $AUDIT audit rows, $REPORTS reports, $INVESTIGATIONS investigations, $CONSENTS consents"
if [ ! -f "$marker" ]; then
  echo "Filling ($engine) with $sizes…"
  started=$(date +%s)
  "$bin" bench-fill "${db_args[@]}" --children "$CHILDREN" --audit-rows "$AUDIT" --reports "$REPORTS" \
    --investigations "$INVESTIGATIONS" --consents "$CONSENTS" --log-level warning | tail -1 | tee "$fill_log"
  echo "filled: $sizes in $(( $(date +%s) - started )) s" | tee -a "$fill_log"
  [ -z "$DATABASE_URL" ] || touch "$marker"
fi
grep -qF "filled: $sizes " "$fill_log" 2>/dev/null || echo "warning: the kept database was not filled with $sizes (delete $marker to refill)"
echo "log review scan, $BUILD build, $engine, $(nproc) cores, chunks of $CHUNK audit ids"
echo -n "full scan:        "; "$bin" bench-log-review "${db_args[@]}" --log-level warning --chunk-size "$CHUNK" --fresh | tail -1
echo -n "incremental scan: "; "$bin" bench-log-review "${db_args[@]}" --log-level warning --chunk-size "$CHUNK" | tail -1
