#!/usr/bin/env bash
# Load and outage checks on PostgreSQL (issue 7), apart from the test suite because they take minutes.
#   bash bench/trust.sh
# 1. Load: wrk, 2 threads × 200 connections for 60 s, a mixed read and write load (bench/mixed.lua: four reads for
#    every write). Passes when every answer is 2xx, no socket error occurs, and the database holds exactly as many new
#    records as the 201 answers acknowledged.
# 2. Outage: 64 connections read for 30 s while PostgreSQL is restarted after 10 s. Passes when no answer is a 500
#    (only 2xx, or 503 with Retry-After during the outage) and the app answers 2xx again by itself afterwards.
# It starts its own PostgreSQL cluster (fsync on, default settings) in a temporary directory and removes it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
# Outside Development the app starts only with its public address set (links in mail never take the request's Host).
export Mail__SiteUrl="${Mail__SiteUrl:-http://127.0.0.1}"
PORT=5091
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGPORT=56432
while (echo >"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
WORK="$(mktemp -d /tmp/danvan-trust.XXXXXX)"
chmod 755 "$WORK"
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; as_pg=(runuser -u postgres --); fi
pg() { "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -w -l "$WORK/server.log" "$@" >/dev/null; }
APP=""
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null; cp "$WORK/app.log" /tmp/danvan-trust-app.log 2>/dev/null; pg -m immediate stop 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
"${as_pg[@]}" "$PGBIN/initdb" -D "$WORK/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
pg -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $WORK -c max_connections=200" start

dotnet build src/DanVan.Web -c Release -nologo -v quiet >/dev/null
# One token stands for many officers here: its own rate limit (3,000 a minute) would otherwise answer the load.
export Database__Provider=Postgres ConnectionStrings__DanVan="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=danvan_trust;Maximum Pool Size=90" Seed__Demo=false RateLimits__ApiTokenPerMinute=100000000
cli() { dotnet src/DanVan.Web/bin/Release/net10.0/DanVan.Web.dll "$@"; }
cli seed >/dev/null
cli generate --initiatives 20000 --seed 3 | tail -1
cli create-admin --email trust@danvan.vn --password Trust-run-2026-vung-vang >/dev/null
export TOKEN; TOKEN="$(cli create-token --email trust@danvan.vn --name trust | tail -1)"
dotnet src/DanVan.Web/bin/Release/net10.0/DanVan.Web.dll --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/DanVan.Web" >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
count() { "${as_pg[@]}" psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d danvan_trust -qAt -c "SELECT count(*) FROM \"Initiatives\" WHERE \"Name\" LIKE 'Tải $1 %'"; }

echo "== Load: 200 connections, 60 s, four reads per write"
export RUN="L$$"
out="$(wrk -t2 -c200 -d60s --timeout 30s -s bench/mixed.lua "http://127.0.0.1:$PORT")"
echo "$out" | grep -E "Requests/sec|Latency|requests in|statuses|created|socket errors"
created="$(echo "$out" | sed -nE 's/^created=([0-9]+)/\1/p')"
stored="$(count "$RUN")"
echo "   acknowledged writes: $created, records in the database: $stored (requests still in flight when wrk stops are done but not counted)"
bad="$(echo "$out" | grep statuses | tr ' ' '\n' | grep -vE '^(statuses:|200=|201=)' || true)"
load_ok=1
[ -z "$bad" ] && [ "$stored" -ge "$created" ] && [ "$stored" -le $((created + 200)) ] && echo "$out" | grep -q "socket errors: connect 0, read 0, write 0, timeout 0" || load_ok=0
echo "   load: $([ $load_ok = 1 ] && echo PASSED || echo "FAILED ($bad)")"

echo "== Outage: PostgreSQL restarted under 64 connections"
export RUN="O$$"
wrk -t2 -c64 -d30s --timeout 30s -s bench/mixed.lua "http://127.0.0.1:$PORT" >"$WORK/outage.txt" &
WRK=$!
sleep 10
pg -m fast restart -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $WORK -c max_connections=200"
wait $WRK
grep -E "statuses|created|socket errors" "$WORK/outage.txt"
after="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/initiatives?unit=40")"
outage_ok=1
grep statuses "$WORK/outage.txt" | grep -q " 500=" && outage_ok=0
[ "$after" = 200 ] || outage_ok=0
created="$(sed -nE 's/^created=([0-9]+)/\1/p' "$WORK/outage.txt")"
stored="$(count "$RUN")"
echo "   after the restart: $after; acknowledged writes: $created, records in the database: $stored"
# A write cut off by the restart may have committed without its answer arriving: at least every acknowledged one is there.
[ "$stored" -ge "$created" ] || outage_ok=0
echo "   outage: $([ $outage_ok = 1 ] && echo PASSED || echo FAILED)"
echo "   app peak memory: $(grep VmHWM /proc/$APP/status | awk '{print $2/1024 " MB"}')"
[ $load_ok = 1 ] && [ $outage_ok = 1 ]
