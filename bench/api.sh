#!/usr/bin/env bash
# The API as an integrating system meets it, at national size, on SQLite (issue 25):
#   bash bench/api.sh [N]        N synthetic initiatives (default 1000000; DANVAN_BENCH_DIR=dir reuses dir/api.db)
# Median and p95 of 10 timed requests after a warm-up (curl, end to end) for: a list's first page and a page deep in it
# by cursor, in every order; a sync read (updatedSince); then the write path per row — 200 new models one after the
# other, without and with an Idempotency-Key, and the same 200 keys sent again (replays).
set -euo pipefail
cd "$(dirname "$0")/.."
export Mail__SiteUrl="${Mail__SiteUrl:-http://127.0.0.1}"
N="${1:-1000000}"
PORT=5091
DIR="${DANVAN_BENCH_DIR:-/tmp/danvan-api-bench}"
mkdir -p "$DIR"
dotnet build src/DanVan.Web -c Release -nologo -v quiet
run_cli() { dotnet run --project src/DanVan.Web -c Release --no-build --no-launch-profile -- "$@"; }
export Database__Provider=Sqlite ConnectionStrings__DanVan="Data Source=$DIR/api.db" Seed__Demo=false RateLimits__ApiTokenPerMinute=100000000
if [ ! -s "$DIR/api.db" ]; then
  echo "== generating $N initiatives"
  run_cli generate --initiatives "$N" --seed 7 | tail -1
fi
run_cli create-admin --email bench@danvan.vn --password Bench-run-2026-nhanh >/dev/null 2>&1 || true
TOKEN="$(run_cli create-token --email bench@danvan.vn --name api-bench | tail -1)"
dotnet src/DanVan.Web/bin/Release/net10.0/DanVan.Web.dll --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/DanVan.Web" >"$DIR/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
BASE="http://127.0.0.1:$PORT/api/v1"
AUTH=(-H "Authorization: Bearer $TOKEN")

stats() { sort -n | awk '{a[NR]=$1*1000} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.999)]; printf "%6.1f ms | %6.1f ms", m, p}'; }
timed() { # name url
  curl -s -o /dev/null "${AUTH[@]}" "$2"
  printf '| %-58s | %s |\n' "$1" "$(for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" "$2"; done | stats)"
}
# The cursor after walking K pages of L rows (each page's next), to time the page after it.
deep() { # url pages
  local url="$1" after="" k
  for k in $(seq 1 "$2"); do
    after="$(curl -s "${AUTH[@]}" "$url${after:+&after=$after}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"] or "")')"
  done
  echo "$after"
}

echo "| read ($N models, SQLite) | median | p95 |"
echo "|---|---|---|"
for sort in unit name -name registered -registered changed; do
  url="$BASE/initiatives?unit=01&sort=$sort&limit=100"
  timed "province list, first page, sort=$sort" "$url"
  timed "province list, page 51 by cursor, sort=$sort" "$url&after=$(deep "$url" 50)"
done
today="$(TZ=Asia/Ho_Chi_Minh date +%F)"
timed "sync: whole country, updatedSince=today, first page of 200" "$BASE/initiatives?updatedSince=$today&limit=100"
timed "sync: whole country, updatedSince=2024-01-01, first page" "$BASE/initiatives?updatedSince=2024-01-01&limit=100"

body() { printf '{"name":"Mô hình đo ghi %s","field":"economy","kind":"collective","origin":"new","ownerName":"Hội Nông dân","unitCode":"12280","registeredOn":"2026-03-01"}' "$1"; }
writes() { # label extra-header-prefix (empty: none)
  local label="$1" prefix="$2" start end k
  start=$(date +%s.%N)
  for k in $(seq 1 200); do
    if [ -n "$prefix" ]; then
      curl -s -o /dev/null -w '%{http_code}\n' "${AUTH[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: $prefix-$k" -d "$(body "$prefix-$k")" "$BASE/initiatives"
    else
      curl -s -o /dev/null -w '%{http_code}\n' "${AUTH[@]}" -H 'Content-Type: application/json' -d "$(body "plain-$RANDOM-$k")" "$BASE/initiatives"
    fi
  done | sort | uniq -c | tr '\n' ' ' >"$DIR/codes"
  end=$(date +%s.%N)
  printf '| %-58s | %6.1f ms per row | %s|\n' "$label" "$(echo "($end - $start) * 1000 / 200" | bc -l)" "$(cat "$DIR/codes")"
}
echo
echo "| write, 200 models one after the other (curl) | per row | answers |"
echo "|---|---|---|"
writes "POST /initiatives" ""
key="k$RANDOM"
writes "POST /initiatives with Idempotency-Key" "$key"
writes "the same 200 keys again (replayed, nothing created)" "$key"
echo "   models named after the keys: $(sqlite3 "$DIR/api.db" "SELECT count(*) FROM Initiatives WHERE Name LIKE 'Mô hình đo ghi $key-%'") (200 expected)"
