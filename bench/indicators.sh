#!/usr/bin/env bash
# The summary with the movement's results (indicators) at national size, on SQLite (and PostgreSQL when
# DANVAN_BENCH_PGPORT names a local server with trust authentication).
#   bash bench/indicators.sh [N]     N synthetic initiatives (default 1000000)
# Generates N models (each with yearly "households taking part" tied to its indicator) and every 2025 commune's
# yearly unit report, starts the app on that database, and times GET /api/v1/reports/summary (which includes
# "indicators") for a commune, a province and the country: median and p95 of 10 requests after a warm-up; then the
# raw time of the rollup's sums and of the unit-report sums in the database's own shell. Figures go to
# bench/README.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
# Outside Development the app starts only with its public address set (links in mail never take the request's Host).
export Mail__SiteUrl="${Mail__SiteUrl:-http://127.0.0.1}"
N="${1:-1000000}"
PORT=5091
FROM=2021-01-01
TO=2025-12-31
DIR="${DANVAN_BENCH_DIR:-$(mktemp -d)}"   # DANVAN_BENCH_DIR=a directory holding indicators.db: measure it again, no generation
DB="$DIR/indicators.db"
dotnet build src/DanVan.Web -c Release -nologo -v quiet
run_cli() { dotnet run --project src/DanVan.Web -c Release --no-build --no-launch-profile -- "$@"; }
stats() { sort -n | awk '{a[NR]=$1*1000} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.999)]; printf "%6.0f ms | %6.0f ms", m, p}'; }
APP=
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; [ -z "${DANVAN_BENCH_DIR:-}" ] && rm -rf "$DIR"' EXIT

# measure PROVIDER CONNECTION FRESH RAW: generate when FRESH=1, then the timings; RAW runs one SQL statement and prints seconds.
measure() {
  export Database__Provider="$1" ConnectionStrings__DanVan="$2" Seed__Demo=false
  if [ "$3" = 1 ]; then
    run_cli migrate >/dev/null
    run_cli seed >/dev/null
    /usr/bin/time -f "generate: %e s, peak %M KB" dotnet run --project src/DanVan.Web -c Release --no-build --no-launch-profile -- generate --initiatives "$N" --seed 7
  fi
  run_cli create-admin --email bench@danvan.vn --password Bench-run-2026-nhanh >/dev/null || true
  local token; token="$(run_cli create-token --email bench@danvan.vn --name bench)"
  dotnet src/DanVan.Web/bin/Release/net10.0/DanVan.Web.dll --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning >"$DIR/app-$1.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done

  bench() { # name url
    local url="http://127.0.0.1:$PORT$2"
    local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
    [ "$status" = 200 ] || { echo "$1: HTTP $status" >&2; exit 1; }
    printf '| %-36s | %s |\n' "$1" "$(for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"; done | stats)"
  }

  echo "## $1"
  echo "| summary with indicators | median | p95 |"
  bench "a commune (Xã Lương Bằng)" "/api/v1/reports/summary?unit=12280&from=$FROM&to=$TO"
  bench "a province (Hà Nội)" "/api/v1/reports/summary?unit=01&from=$FROM&to=$TO"
  bench "the whole country" "/api/v1/reports/summary?from=$FROM&to=$TO"
  curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/reports/summary?from=$FROM&to=$TO" \
    | python3 -c 'import json,sys; f=json.load(sys.stdin)["indicators"]; print({k: f[k]["total"] for k in ("funds_mobilized","land_donated","households_participating","ballots_total")})'
  kill $APP; wait $APP 2>/dev/null || true; APP=

  local rollup="SELECT count(*), sum(\"Whole\") FROM \"IndicatorTotals\" WHERE \"PeriodStart\" >= '$FROM' AND \"PeriodEnd\" <= '$TO' AND NOT (\"CoverStart\" >= '$FROM' AND \"CoverEnd\" <= '$TO') AND \"NextEnd\" > '$TO';"
  local units="SELECT count(*), sum(v.\"Value\") FROM \"UnitReportValues\" v JOIN \"UnitReports\" r ON r.\"Id\" = v.\"ReportId\" WHERE r.\"PeriodStart\" >= '$FROM' AND r.\"PeriodEnd\" <= '$TO';"
  echo "raw, the rollup's sums of the country: $(for _ in 1 2 3 4 5 6; do $4 "$rollup"; done | tail -5 | stats | cut -d'|' -f1)"
  echo "raw, the unit-report sums of the country: $(for _ in 1 2 3 4 5 6; do $4 "$units"; done | tail -5 | stats | cut -d'|' -f1)"
  echo "rollup rows: $($4 'SELECT count(*) FROM "IndicatorTotals"' rows)"
}

raw_sqlite() { if [ "${2:-}" = rows ]; then sqlite3 "$DB" "$1"; else printf '.timer on\n%s\n' "$1" | sqlite3 "$DB" | awk '/Run Time/ {print $4}'; fi; }
raw_pg() {
  if [ "${2:-}" = rows ]; then psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d danvan_indicators -qAt -c "$1"
  else psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d danvan_indicators -qAt -c '\timing on' -c "$1" | awk '/^Time:/ {print $2/1000}'; fi
}

FRESH=$([ -f "$DB" ] && echo 0 || echo 1)
measure Sqlite "Data Source=$DB" "$FRESH" raw_sqlite

if [ -n "${DANVAN_BENCH_PGPORT:-}" ]; then
  psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS danvan_indicators WITH (FORCE)" -c "CREATE DATABASE danvan_indicators" >/dev/null
  measure Postgres "Host=127.0.0.1;Port=$DANVAN_BENCH_PGPORT;Username=postgres;Database=danvan_indicators" 1 raw_pg
  psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "DROP DATABASE danvan_indicators WITH (FORCE)" >/dev/null
fi
