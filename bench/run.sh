#!/usr/bin/env bash
# Load benchmark on loopback: fills a database (100,000 children with guardians,
# 1,000,000 audit rows, 500,000 reports, 100,000 investigations and 200,000 consents by
# default), starts Samverka on it, signs in, and measures with wrk at 32 connections: the
# trivial /healthz route, the signed-in child page (read + audit write + render), search,
# the intake queue and the work list, in the same run; then search, the work list, the
# intake queue and a year's statistics page at one connection. Prints the figures.
#
#   bash bench/run.sh                # release build, full size
#   CHILDREN=20000 AUDIT=200000 REPORTS=50000 INVESTIGATIONS=10000 CONSENTS=40000 BUILD=debug bash bench/run.sh
#   SCRATCH=.build-release bash bench/run.sh   # build in another scratch folder
#   BIN=/tmp/before/samverka bash bench/run.sh # a kept binary (with its resources folder beside it)
#   DATABASE_URL=postgres://samverka:samverka@127.0.0.1:5432/samverka_bench bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CHILDREN=${CHILDREN:-100000}
AUDIT=${AUDIT:-1000000}
BUILD=${BUILD:-release}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-8097}
DATA=${DATA:-bench/out/data}
REPORTS=${REPORTS:-500000}
INVESTIGATIONS=${INVESTIGATIONS:-100000}
CONSENTS=${CONSENTS:-200000}
DATABASE_URL=${DATABASE_URL:-}
engine=SQLite; db_args=(); marker="$DATA/samverka.sqlite"; fill_log=bench/out/fill.txt
if [ -n "$DATABASE_URL" ]; then
  engine=PostgreSQL; db_args=(--database-url "$DATABASE_URL"); marker=bench/out/pg-filled; fill_log=bench/out/fill-pg.txt
fi

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -n "${BIN:-}" ]; then
  bin=$BIN # a kept binary, to alternate two builds on the same data
else
  swift build -c "$BUILD" ${SCRATCH:+--scratch-path "$SCRATCH"} --product samverka 2>&1 | tail -1
  bin=$(swift build -c "$BUILD" ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path)/samverka
fi

mkdir -p bench/out
sizes="$CHILDREN children, $AUDIT audit rows, $REPORTS reports, $INVESTIGATIONS investigations, $CONSENTS consents"
if [ ! -f "$marker" ]; then
  echo "Filling ($engine) with $sizes…"
  started=$(date +%s)
  "$bin" bench-fill --data "$DATA" "${db_args[@]}" --children "$CHILDREN" --audit-rows "$AUDIT" --reports "$REPORTS" \
    --investigations "$INVESTIGATIONS" --consents "$CONSENTS" | tee "$fill_log"
  echo "filled: $sizes in $(( $(date +%s) - started )) s" | tee -a "$fill_log"
  [ -z "$DATABASE_URL" ] || touch "$marker"
fi
# A kept database filled with other sizes would measure something else: say so.
grep -qF "filled: $sizes " "$fill_log" 2>/dev/null || echo "warning: the kept database was not filled with $sizes (delete $DATA to refill)"
range=$(grep -o 'children [0-9]*-[0-9]*' "$fill_log" | tail -1 | awk '{print $2}')
first=${range%-*}; last=${range#*-}

"$bin" serve --data "$DATA" "${db_args[@]}" --port "$PORT" --log-level warning >bench/out/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done

# Sign in as the bench user through the real form (CSRF cookie + token).
jar=bench/out/cookies.txt; rm -f "$jar"
token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/logga-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "username=bench" --data-urlencode "password=bench-password" "http://127.0.0.1:$PORT/logga-in"
session=$(awk '$6=="samverka_session"{print $7}' "$jar")
[ -n "$session" ] || { echo "sign-in failed"; exit 1; }

cat >bench/out/child.lua <<LUA
local first, last = $first, $last
local n = 0
request = function()
  n = n + 1
  local id = first + (n * 7919) % (last - first + 1)
  return wrk.format("GET", "/barn/" .. id, { ["Cookie"] = "samverka_session=$session" })
end
LUA
cat >bench/out/search.lua <<LUA
local names = { "andersson", "karl", "nils", "lind", "maja", "ella", "j%C3%B6ns", "berg" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/sok?q=" .. names[(n % #names) + 1], { ["Cookie"] = "samverka_session=$session" })
end
LUA

run() { # name, url, [script], [connections]
  local name=$1 url=$2 script=${3:-} conns=${4:-$CONNECTIONS}
  local out threads=2
  [ "$conns" -ge 2 ] || threads=1
  if [ -n "$script" ]; then out=$(wrk -t$threads -c"$conns" -d"$DURATION" --timeout 10s --latency -s "$script" "$url"); else out=$(wrk -t$threads -c"$conns" -d"$DURATION" --timeout 10s --latency "$url"); fi
  echo "$out" > "bench/out/$name.txt"
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  local non2xx
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  printf '%-8s %10s req/s   median %-9s p99 %-9s non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
  eval "rps_$name=$rps"
}

cat >bench/out/session.lua <<LUA
request = function()
  return wrk.format("GET", nil, { ["Cookie"] = "samverka_session=$session" })
end
LUA

echo "wrk, $CONNECTIONS connections, $DURATION each, $BUILD build, $engine, $(nproc) cores"
run trivial "http://127.0.0.1:$PORT/healthz"
run child "http://127.0.0.1:$PORT/" bench/out/child.lua
run search "http://127.0.0.1:$PORT/" bench/out/search.lua
run intake "http://127.0.0.1:$PORT/mottagning" bench/out/session.lua
run worklist "http://127.0.0.1:$PORT/arbetslista" bench/out/session.lua
# One person at a time: the time a single page takes to render.
run search1 "http://127.0.0.1:$PORT/" bench/out/search.lua 1
run intake1 "http://127.0.0.1:$PORT/mottagning" bench/out/session.lua 1
run worklist1 "http://127.0.0.1:$PORT/arbetslista" bench/out/session.lua 1
# A year's statistics for the whole municipality (the bench user sits in the ledningsgrupp):
# last calendar year, which the fill's two years of reports cover whole.
run stats1 "http://127.0.0.1:$PORT/statistik?period=$(( $(date +%Y) - 1 ))&omfang=kommun" bench/out/session.lua 1
python3 -c "print(f'child page at {100*float(\"$rps_child\")/float(\"$rps_trivial\"):.1f}% of the trivial route')"
