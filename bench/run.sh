#!/usr/bin/env bash
# Benchmark of the live summary and the list at scale, on SQLite (and PostgreSQL when DANVAN_BENCH_PG is set).
#   bash bench/run.sh [N]        N synthetic initiatives (default 200000)
# Prints medians of 5 timed HTTP requests (after one warm-up) per scenario. Figures go to bench/README.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200000}"
PORT=5090
dotnet build src/DanVan.Web -c Release -nologo -v quiet
run_cli() { dotnet run --project src/DanVan.Web -c Release --no-build -- "$@"; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench_one() { # name url token
  local name="$1" url="$2" token="$3" times=()
  curl -s -o /dev/null -H "Authorization: Bearer $token" "$url"
  for _ in 1 2 3 4 5; do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$url")")
  done
  printf '| %-34s | %8.0f ms |\n' "$name" "$(printf '%s\n' "${times[@]}" | median | awk '{print $1*1000}')"
}

bench_provider() { # provider connection-string
  local provider="$1" cs="$2"
  export Database__Provider="$provider" ConnectionStrings__DanVan="$cs" Seed__Demo=false
  echo "== $provider: generating $N initiatives"
  /usr/bin/time -f "   generate: %e s, peak %M KB" bash -c "$(declare -f run_cli); run_cli generate --initiatives $N --seed 7 | tail -1"
  run_cli create-admin --email bench@danvan.vn --password Bench-2026-pass >/dev/null || true
  local token; token="$(run_cli create-token --email bench@danvan.vn --name bench | tail -1)"
  dotnet src/DanVan.Web/bin/Release/net10.0/DanVan.Web.dll --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/DanVan.Web" >/tmp/danvan-bench.log 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" RETURN
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
  local base="http://127.0.0.1:$PORT/api/v1"
  echo "| scenario ($provider, $N initiatives) | median |"
  echo "|---|---|"
  bench_one "summary, commune (Xã Lương Bằng)" "$base/reports/summary?unit=12280&from=2021-01-01&to=2025-12-31" "$token"
  bench_one "summary, province (Hà Nội)" "$base/reports/summary?unit=01&from=2021-01-01&to=2025-12-31" "$token"
  bench_one "summary, whole country" "$base/reports/summary?from=2021-01-01&to=2025-12-31" "$token"
  bench_one "list, first page, province filter" "$base/initiatives?unit=01&field=economy" "$token"
  bench_one "list, page 200" "$base/initiatives?unit=01&page=200" "$token"
  bench_one "list, search 'nuoi ong'" "$base/initiatives?q=nuoi%20ong" "$token"
  echo "   app peak memory: $(grep VmHWM /proc/$pid/status | awk '{print $2/1024 " MB"}')"
}

rm -f /tmp/danvan-bench.db*
bench_provider Sqlite "Data Source=/tmp/danvan-bench.db"
# PostgreSQL: a running server on 127.0.0.1:$DANVAN_BENCH_PGPORT with trust authentication for user postgres.
if [ -n "${DANVAN_BENCH_PGPORT:-}" ]; then
  db="danvan_bench_$$"
  psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
  bench_provider Postgres "Host=127.0.0.1;Port=$DANVAN_BENCH_PGPORT;Username=postgres;Database=$db"
  psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi
