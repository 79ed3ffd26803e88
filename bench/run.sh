#!/usr/bin/env bash
# Benchmark at national size, on SQLite (and PostgreSQL when DANVAN_BENCH_PGPORT names a local server).
#   bash bench/run.sh [N]        N synthetic initiatives (default 1000000)
# Per scenario: median and p95 of 10 timed HTTP requests after one warm-up ("uncached" ones carry a fresh query
# string each time, past the output cache), and for the summary the raw database time of the same counting query run
# by the database's own shell (median of 5). Then throughput under wrk (64 connections, 30 s) of a static file (the
# limit), the public home and a signed-in list; the app's peak memory; a raw INSERT … SELECT of 100,000 rows (rolled
# back: the limit) and an import of 100,000 rows through the command line. Figures go to bench/README.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
# Outside Development the app starts only with its public address set (links in mail never take the request's Host).
export Mail__SiteUrl="${Mail__SiteUrl:-http://127.0.0.1}"
N="${1:-1000000}"
PORT=5090
FROM=2021-01-01
TO=2025-12-31
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/DanVan.Web -c Release -nologo -v quiet
run_cli() { dotnet run --project src/DanVan.Web -c Release --no-build --no-launch-profile -- "$@"; }

stats() { # prints "median p95" in ms of the numbers (seconds) on stdin
  sort -n | awk '{a[NR]=$1*1000} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.999)]; printf "%6.0f ms | %6.0f ms", m, p}'
}

bench_http() { # name url token
  local name="$1" url="$2" token="$3"
  curl -s -o /dev/null -H "Authorization: Bearer $token" "$url"
  local times
  times="$(for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"; done)"
  printf '| %-44s | %s |' "$name" "$(echo "$times" | stats)"
}

bench_cold() { # name url: anonymous, a fresh query string per request so the output cache never answers
  local name="$1" url="$2"
  curl -s -o /dev/null "$url&_=warm"
  local times
  times="$(for k in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total}\n' "$url&_=$k$RANDOM"; done)"
  printf '| %-44s | %s |' "$name" "$(echo "$times" | stats)"
}

throughput() { # name url [header]: requests per second and latency under wrk
  local name="$1" url="$2"; shift 2
  local out; out="$(wrk -t2 -c64 -d30s --latency "$@" "$url")"
  local rps p50 p99 errors
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(echo "$out" | awk '$1 == "50%" {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  errors="$(echo "$out" | awk '/Non-2xx|Socket errors/ {printf "%s ", $0}')"
  printf '| %-44s | %8.0f req/s | p50 %s, p99 %s %s|\n' "$name" "$rps" "$p50" "$p99" "$errors"
}

# The summary's counting query (as in src/DanVan.Web/Features/Reports/SummaryCounts.cs) for a path range.
summary_sql() { # provider lo hi childLength
  local pg="$1" lo="$2" hi="$3" n="$4"
  local code="\"Field\" * 360 + \"Kind\" * 180 + \"Origin\" * 90 + CASE WHEN \"RegisteredOn\" >= '$FROM' THEN 45 ELSE 0 END + CASE WHEN \"Status\" = 2 AND \"RetiredOn\" <= '$TO' THEN CASE WHEN \"RetiredOn\" >= '$FROM' THEN 15 ELSE 30 END ELSE 0 END + CASE WHEN \"FirstRecognizedOn\" <= '$TO' THEN CASE WHEN \"FirstRecognizedOn\" >= '$FROM' THEN 5 ELSE 10 END ELSE 0 END + CASE WHEN \"NationalRecognizedOn\" <= '$TO' THEN 4 WHEN \"ProvinceRecognizedOn\" <= '$TO' THEN 3 WHEN \"DistrictRecognizedOn\" <= '$TO' THEN 2 WHEN \"CommuneRecognizedOn\" <= '$TO' THEN 1 ELSE 0 END"
  local where="\"RegisteredOn\" <= '$TO' AND \"ScopePath\" >= '$lo' AND \"ScopePath\" < '$hi'"
  if [ "$pg" = 1 ]; then
    echo "SELECT count(*) FROM (SELECT substr(\"ScopePath\", 1, $n), $code, count(*) FROM \"Initiatives\" WHERE $where GROUP BY 1, 2) t;"
  else
    echo "SELECT count(*) FROM (SELECT \"ScopePath\", group_concat($code) FROM \"Initiatives\" WHERE $where GROUP BY \"ScopePath\");"
  fi
}

raw_sqlite() { # db lo hi n | db raw-insert
  if [ "$2" = raw-insert ]; then
    local cols; cols="$(sqlite3 "$1" "SELECT group_concat('\"' || name || '\"', ', ') FROM pragma_table_info('Initiatives') WHERE name NOT IN ('Id', 'Code')")"
    printf '.timer on\nBEGIN;\n%s;\nROLLBACK;\n' "$(insert_sql "$cols")" | sqlite3 "$1" | awk '/Run Time/ {t += $4} END {printf "   raw insert: %.1f s\n", t}'
    return
  fi
  local sql; sql="$(summary_sql 0 "$2" "$3" "$4")"
  for _ in 1 2 3 4 5 6; do printf '.timer on\n%s\n' "$sql" | sqlite3 "$1" | awk '/Run Time/ {print $4}'; done | tail -5 | stats | cut -d'|' -f1
}

raw_pg() { # port db lo hi n | port db raw-insert
  if [ "$3" = raw-insert ]; then
    local cols; cols="$(psql -h 127.0.0.1 -p "$1" -U postgres -d "$2" -qAt -c "SELECT string_agg('\"' || column_name || '\"', ', ') FROM information_schema.columns WHERE table_name = 'Initiatives' AND column_name NOT IN ('Id', 'Code')")"
    psql -h 127.0.0.1 -p "$1" -U postgres -d "$2" -qAt -c "BEGIN" -c '\timing on' -c "$(insert_sql "$cols")" -c "ROLLBACK" | awk '/^Time:/ {t += $2} END {printf "   raw insert: %.1f s\n", t / 1000}'
    return
  fi
  local sql; sql="$(summary_sql 1 "$3" "$4" "$5")"
  # With the settings the app gives this query (see SummaryCounts).
  for _ in 1 2 3 4 5 6; do psql -h 127.0.0.1 -p "$1" -U postgres -d "$2" -qAt -c "SET work_mem = '64MB'; SET jit = off" -c '\timing on' -c "$sql" | awk '/^Time:/ {print $2/1000}'; done | tail -5 | stats | cut -d'|' -f1
}

bench_provider() { # provider connection-string raw-command...
  local provider="$1" cs="$2"; shift 2
  # One token stands for many officers here: its own rate limit (3,000 a minute) would otherwise answer the load.
  export Database__Provider="$provider" ConnectionStrings__DanVan="$cs" Seed__Demo=false RateLimits__ApiTokenPerMinute=100000000
  echo "== $provider: generating $N initiatives"
  /usr/bin/time -f "   generate: %e s, peak %M KB" bash -c "$(declare -f run_cli); run_cli generate --initiatives $N --seed 7 | tail -1"
  run_cli create-admin --email bench@danvan.vn --password Bench-run-2026-nhanh >/dev/null || true
  local token; token="$(run_cli create-token --email bench@danvan.vn --name bench | tail -1)"
  dotnet src/DanVan.Web/bin/Release/net10.0/DanVan.Web.dll --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/DanVan.Web" >/tmp/danvan-bench.log 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" RETURN
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
  local base="http://127.0.0.1:$PORT/api/v1" period="from=$FROM&to=$TO"
  echo "| scenario ($provider, $N initiatives) | median | p95 | raw SQL median |"
  echo "|---|---|---|---|"
  echo "$(bench_http "summary, commune (Xã Lương Bằng)" "$base/reports/summary?unit=12280&$period" "$token") $("$@" /33/12280/ /33/122800 13) |"
  echo "$(bench_http "summary, province (Hà Nội)" "$base/reports/summary?unit=01&$period" "$token") $("$@" /01/ /010 4) |"
  echo "$(bench_http "summary, whole country" "$base/reports/summary?$period" "$token") $("$@" / 0 4) |"
  echo "$(bench_http "summary, whole country, 2024 map" "$base/reports/summary?map=2024&$period" "$token") — |"
  echo "$(bench_http "list, first page, province + field filter" "$base/initiatives?unit=01&field=economy" "$token") — |"
  echo "$(bench_http "list, page 200" "$base/initiatives?unit=01&page=200" "$token") — |"
  echo "$(bench_http "list, page 200, province + field filter" "$base/initiatives?unit=01&field=economy&page=200" "$token") — |"
  echo "$(bench_http "list, search 'nuoi ong', whole country" "$base/initiatives?q=nuoi%20ong" "$token") — |"
  echo "$(bench_http "list, search 'nuoi ong', province" "$base/initiatives?unit=01&q=nuoi%20ong" "$token") — |"
  local id; id="$(curl -s -H "Authorization: Bearer $token" "$base/initiatives?unit=01&pageSize=1&page=500" | sed -E 's/.*"id":([0-9]+).*/\1/')"
  echo "$(bench_http "an initiative (API detail)" "$base/initiatives/$id" "$token") — |"
  local site="http://127.0.0.1:$PORT/cong-khai"
  echo "$(bench_cold "public home, uncached" "$site?x=1") — |"
  echo "$(bench_cold "public search 'nuoi ong', uncached" "$site/mo-hinh?q=nuoi%20ong") — |"
  echo "$(bench_cold "public search 'nuoi ong' + field + level" "$site/mo-hinh?q=nuoi%20ong&field=economy&level=province") — |"
  local pub; pub="$(curl -s "$site/mo-hinh?level=national" | grep -o '/cong-khai/mo-hinh/[0-9]*/[a-z0-9-]*' | head -1)"
  echo "$(bench_cold "a public model's page" "http://127.0.0.1:$PORT$pub?x=1") — |"
  echo
  echo "| throughput ($provider), wrk 2 threads × 64 connections, 30 s | | |"
  echo "|---|---|---|"
  throughput "limit: static file (site.css)" "http://127.0.0.1:$PORT/css/site.css"
  throughput "public home (output-cached)" "$site"
  throughput "signed-in list, province (API, bearer token)" "$base/initiatives?unit=01" -H "Authorization: Bearer $token"
  echo "   app peak memory: $(grep VmHWM /proc/$pid/status | awk '{print $2/1024 " MB"}')"
  kill $pid 2>/dev/null || true
  echo "   limit: raw INSERT … SELECT of 100,000 rows into Initiatives (all indexes and the search index, rolled back):"
  "$@" raw-insert
  echo "   import of 100,000 rows (command line, one transaction):"
  python3 bench/import_file.py /tmp/danvan-import-100k.csv 100000
  /usr/bin/time -f "   import: %e s, peak %M KB" bash -c "$(declare -f run_cli); run_cli import initiatives --file /tmp/danvan-import-100k.csv | tail -1"
}

# The columns of Initiatives but its id, for the raw insert (run by the database's own shell).
insert_sql() { # columns
  echo "INSERT INTO \"Initiatives\" (\"Code\", $1) SELECT 'RAW-' || \"Id\", $1 FROM \"Initiatives\" WHERE \"Id\" <= 100000"
}

rm -f /tmp/danvan-bench.db*
bench_provider Sqlite "Data Source=/tmp/danvan-bench.db" raw_sqlite /tmp/danvan-bench.db
if [ -n "${DANVAN_BENCH_PGPORT:-}" ]; then
  db="danvan_bench_$$"
  psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
  bench_provider Postgres "Host=127.0.0.1;Port=$DANVAN_BENCH_PGPORT;Username=postgres;Database=$db" raw_pg "$DANVAN_BENCH_PGPORT" "$db"
  psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi
