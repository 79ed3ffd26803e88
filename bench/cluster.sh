#!/usr/bin/env bash
# Beyond one machine, proved on this one (issue 17): everything on loopback, from Debian's packages.
#   bash bench/cluster.sh            (about 8 minutes; run as root or as a user who can run PostgreSQL's tools)
# Starts: PostgreSQL primary + a streaming replica, PgBouncer (transaction pooling) in front of the primary, Redis,
# two app nodes (A, B: files in the database, reads on the replica, cache and rate limits in Redis) and HAProxy in
# front of them. Then proves, printing PASSED/FAILED for each:
#   1. 200 connections of mixed reads and writes for 60 s through the balancer: no error, every acknowledged write
#      present; the same load on one node alone, for comparison; the replica's lag meanwhile.
#   2. a session signed in on one node and an API token work on both;
#   3. a model saved through node A leaves node B's cached public search within one second;
#   4. an import of 100,000 rows queued on A; the node that runs it is killed (SIGKILL) in the middle of the job
#      and of a load: only requests in flight on it fail, no acknowledged write is lost, the other node takes the job
#      over and it runs to its end exactly once;
#   5. the replica stopped: reads fall back to the primary.
set -uo pipefail
cd "$(dirname "$0")/.."
# Outside Development the app starts only with its public address set (links in mail never take the request's Host).
export Mail__SiteUrl="${Mail__SiteUrl:-http://127.0.0.1}"
need=()
for p in wrk:wrk redis-server:redis-server pgbouncer:pgbouncer haproxy:haproxy python3:python3 curl:curl; do
  command -v "${p%%:*}" >/dev/null || need+=("${p#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || { echo "needs: apt-get install ${need[*]}" >&2; exit 1; }
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
LB=5200; NA=5201; NB=5202; PRIMARY=57432; REPLICA=57433; BOUNCER=57434; REDIS=57380
WORK="$(mktemp -d /tmp/danvan-cluster.XXXXXX)"
chmod 755 "$WORK"
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; as_pg=(runuser -u postgres --); fi
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$WORK/replica" -m immediate stop >/dev/null 2>&1
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null 2>&1
  mkdir -p /tmp/danvan-cluster-logs && cp "$WORK"/*.log /tmp/danvan-cluster-logs/ 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
results=()
verdict() { results+=("$1: $2"); echo "   $1: $2"; }
psql_at() { local port="$1"; shift; "${as_pg[@]}" "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d danvan -qAt -c "$*"; }
ms() { date +%s%3N; }

echo "== PostgreSQL primary :$PRIMARY and streaming replica :$REPLICA"
"${as_pg[@]}" "$PGBIN/initdb" -D "$WORK/primary" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
echo "host replication postgres 127.0.0.1/32 trust" >>"$WORK/primary/pg_hba.conf"
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$WORK/primary" -w -l "$WORK/primary.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PRIMARY -k $WORK -c max_connections=300 -c wal_level=replica -c max_wal_senders=4" start >/dev/null
"${as_pg[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PRIMARY" -U postgres danvan
"${as_pg[@]}" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY" -U postgres -D "$WORK/replica" -R -X stream >/dev/null
chmod 700 "$WORK/replica"
start_replica() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$WORK/replica" -w -l "$WORK/replica.log" \
    -o "-c listen_addresses=127.0.0.1 -p $REPLICA -k $WORK -c max_connections=300 -c hot_standby=on" start >/dev/null
}
start_replica

echo "== PgBouncer :$BOUNCER (transaction pooling) and Redis :$REDIS"
cat >"$WORK/pgbouncer.ini" <<EOF
[databases]
danvan = host=127.0.0.1 port=$PRIMARY dbname=danvan
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER
unix_socket_dir = $WORK
auth_type = trust
auth_file = $WORK/users.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 60
logfile = $WORK/pgbouncer.log
pidfile = $WORK/pgbouncer.pid
EOF
echo '"postgres" ""' >"$WORK/users.txt"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pgbouncer.ini" "$WORK/users.txt"
"${as_pg[@]}" pgbouncer -d "$WORK/pgbouncer.ini"
redis-server --bind 127.0.0.1 --port "$REDIS" --save "" --appendonly no --daemonize yes --logfile "$WORK/redis.log" --pidfile "$WORK/redis.pid"
sleep 1
PIDS+=("$(cat "$WORK/redis.pid")" "$(cat "$WORK/pgbouncer.pid")")

echo "== The app: build, migrate and seed on the primary (20,000 generated models)"
dotnet build src/DanVan.Web -c Release -nologo -v quiet >/dev/null || exit 1
DLL="$PWD/src/DanVan.Web/bin/Release/net10.0/DanVan.Web.dll"
export Database__Provider=Postgres Seed__Demo=false RateLimits__ApiTokenPerMinute=100000000
cli() { ConnectionStrings__DanVan="Host=127.0.0.1;Port=$PRIMARY;Username=postgres;Database=danvan" dotnet "$DLL" "$@"; }
cli seed >/dev/null
cli generate --initiatives 20000 --seed 3 | tail -1
cli create-admin --email cluster@danvan.vn --password Cluster-run-2026-vung-vang >/dev/null
export TOKEN; TOKEN="$(cli create-token --email cluster@danvan.vn --name cluster | tail -1)"

start_node() { # name port
  ConnectionStrings__DanVan="Host=127.0.0.1;Port=$BOUNCER;Username=postgres;Database=danvan;No Reset On Close=true;Maximum Pool Size=90" \
  ConnectionStrings__DanVanRead="Host=127.0.0.1;Port=$REPLICA;Username=postgres;Database=danvan;Maximum Pool Size=90" \
  Redis__Configuration="127.0.0.1:$REDIS" Storage__Files=Database Database__MigrateOnStart=false Jobs__LeaseSeconds=10 Jobs__HeartbeatSeconds=2 \
  Logging__LogLevel__Default=Warning \
    dotnet "$DLL" --urls "http://127.0.0.1:$2" --contentRoot "$PWD/src/DanVan.Web" >>"$WORK/node-$1.log" 2>&1 &
  echo $!
}
wait_ready() { for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$1/healthz/ready" >/dev/null && return 0; sleep 1; done; return 1; }
PID_A="$(start_node a $NA)"; PID_B="$(start_node b $NB)"
PIDS+=("$PID_A" "$PID_B")
wait_ready $NA && wait_ready $NB || { echo "nodes did not become ready"; tail -20 "$WORK"/node-*.log; exit 1; }

cat >"$WORK/haproxy.cfg" <<EOF
global
  maxconn 4000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 2
  option redispatch
  # A read whose node died under it is asked again of the other node; a write is never repeated (only a write that
  # never reached a node is sent to the other one).
  retry-on all-retryable-errors
frontend web
  bind 127.0.0.1:$LB
  default_backend nodes
frontend stats
  bind 127.0.0.1:$((LB + 9))
  stats enable
  stats uri /stats
backend nodes
  balance roundrobin
  http-request disable-l7-retry unless METH_GET
  option httpchk GET /healthz/ready
  # A busy node is not a dead one: the check may take up to 5 s before it counts as failed (readiness answers from a
  # result at most 2 s old, on a connection outside the request pool), and three failures in a row take a node out.
  timeout check 5s
  default-server inter 1s fall 3 rise 2
  server a 127.0.0.1:$NA check
  server b 127.0.0.1:$NB check
EOF
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid" 2>"$WORK/haproxy.log" || { cat "$WORK/haproxy.log"; exit 1; }
sleep 2
PIDS+=("$(cat "$WORK/haproxy.pid")")
echo "   HAProxy :$LB → A :$NA, B :$NB"

count_run() { psql_at $PRIMARY "SELECT count(*) FROM \"Initiatives\" WHERE \"Name\" LIKE 'Tải $1 %'"; }
load() { # label url seconds → prints wrk's figures; sets created/stored/bad/sockets
  export RUN="$1$$"
  local out; out="$(wrk -t2 -c200 -d"$3"s --timeout 30s --latency -s bench/mixed.lua "$2")"
  echo "$out" | grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|requests in|statuses|socket errors" | sed 's/^/   /'
  created="$(echo "$out" | sed -nE 's/^created=([0-9]+)/\1/p')"; stored="$(count_run "$RUN")"
  bad="$(echo "$out" | grep statuses | tr ' ' '\n' | grep -vE '^(statuses:|200=|201=)' || true)"
  sockets="$(echo "$out" | grep "socket errors" || echo "socket errors: none")"
  echo "   acknowledged writes $created, in the database $stored"
}

ONLY="${DANVAN_CLUSTER_ONLY:-12345}" # e.g. DANVAN_CLUSTER_ONLY=4 runs only the node kill
if [[ "$ONLY" == *1* ]]; then
echo "== 1. Mixed load: 200 connections, 60 s, through the balancer"
lagfile="$WORK/lag.txt"
( for _ in $(seq 1 60); do psql_at $PRIMARY "SELECT coalesce(extract(epoch FROM replay_lag) * 1000, 0) FROM pg_stat_replication" >>"$lagfile" 2>/dev/null; sleep 1; done ) &
load B "http://127.0.0.1:$LB" 60
ok=1; [ -z "$bad" ] && [ "$stored" -ge "$created" ] && [[ "$sockets" == *"connect 0, read 0, write 0, timeout 0"* || "$sockets" == "socket errors: none" ]] || ok=0
verdict "mixed load through the balancer (no error, every write kept)" "$([ $ok = 1 ] && echo PASSED || echo "FAILED $bad $sockets")"
sort -n "$lagfile" | awk '{a[NR]=$1} END {if (NR) printf "   replica replay lag during the load: median %.1f ms, max %.1f ms (%d samples)\n", a[int((NR+1)/2)], a[NR], NR}'
echo "   the same load on node A alone, for comparison:"
load S "http://127.0.0.1:$NA" 60

fi
if [[ "$ONLY" == *2* ]]; then
echo "== 2. A session and a token on both nodes"
jar="$WORK/cookies.txt"
form="$(curl -s -c "$jar" "http://127.0.0.1:$NB/Account/Login")"
anti="$(echo "$form" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -1)"
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "http://127.0.0.1:$NB/Account/Login" \
  --data-urlencode "Input.Email=cluster@danvan.vn" --data-urlencode "Input.Password=Cluster-run-2026-vung-vang" --data-urlencode "__RequestVerificationToken=$anti"
on_a="$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NA/Initiatives")"
on_b="$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NB/Initiatives")"
tok_a="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$NA/api/v1/me")"
tok_b="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$NB/api/v1/me")"
echo "   signed in on B; the list on A $on_a, on B $on_b; the token on A $tok_a, on B $tok_b"
verdict "session and token on both nodes" "$([ "$on_a$on_b$tok_a$tok_b" = 200200200200 ] && echo PASSED || echo FAILED)"

fi
if [[ "$ONLY" == *3* ]]; then
echo "== 3. Saved on A, gone from B's cached public search"
api() { curl -s -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" "$@"; }
tag="cum$(date +%s)"
id="$(api -X POST "http://127.0.0.1:$NA/api/v1/initiatives" -d "{\"name\":\"Vườn hoa $tag\",\"field\":\"economy\",\"kind\":\"collective\",\"origin\":\"new\",\"ownerName\":\"Hội Phụ nữ\",\"unitCode\":\"16939\",\"registeredOn\":\"2025-03-01\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
api -o /dev/null -X POST "http://127.0.0.1:$NA/api/v1/recognitions" -d "{\"unitCode\":\"40\",\"number\":\"QĐ-$tag\",\"date\":\"2025-06-01\",\"level\":\"province\",\"issuingBody\":\"BCĐ tỉnh\",\"initiativeIds\":[$id]}"
search="http://127.0.0.1:$NB/cong-khai/mo-hinh?q=$tag"
before="$(curl -s "$search" | grep -c "/cong-khai/mo-hinh/$id/")"; curl -s -o /dev/null "$search"
cached="$(redis-cli -p $REDIS --scan --pattern 'danvan:*' | wc -l)"
version="$(api "http://127.0.0.1:$NA/api/v1/initiatives/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')"
t0="$(ms)"
api -o /dev/null -X PUT "http://127.0.0.1:$NA/api/v1/initiatives/$id" -d "{\"name\":\"Vườn rau $id\",\"field\":\"economy\",\"kind\":\"collective\",\"origin\":\"new\",\"ownerName\":\"Hội Phụ nữ\",\"unitCode\":\"16939\",\"registeredOn\":\"2025-03-01\",\"status\":\"active\",\"version\":$version}"
gone=""
for _ in $(seq 1 40); do
  [ "$(curl -s "$search" | grep -c "/cong-khai/mo-hinh/$id/")" = 0 ] && { gone="$(( $(ms) - t0 ))"; break; }
  sleep 0.05
done
echo "   on B before: $before match, $cached cached entries in Redis; renamed through A: gone from B after ${gone:-never} ms"
verdict "a save on A drops B's cached search within 1 s" "$([ "$before" = 1 ] && [ -n "$gone" ] && [ "$gone" -le 1000 ] && echo PASSED || echo FAILED)"

fi
survivor=$NB
if [[ "$ONLY" == *4* ]]; then
echo "== 4. A node killed in the middle of a load and of an import of 100,000 rows"
python3 bench/import_file.py "$WORK/import.csv" 100000
job="$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/import.csv;filename=nhap.csv" -F kind=initiatives -F dryRun=false "http://127.0.0.1:$NA/api/v1/imports" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
runner=""
for _ in $(seq 1 60); do
  runner="$(psql_at $PRIMARY "SELECT \"ClaimedBy\" FROM \"ImportJobs\" WHERE \"Id\" = $job AND \"Status\" = 1")"
  [ -n "$runner" ] && break; sleep 0.5
done
victim=$PID_A; victim_name=a; survivor=$NB
[[ "$runner" == *":$PID_B:"* ]] && { victim=$PID_B; victim_name=b; survivor=$NA; }
echo "   job $job runs on node $victim_name ($runner)"
export RUN="K$$"
wrk -t2 -c200 -d40s --timeout 30s --latency -s bench/mixed.lua "http://127.0.0.1:$LB" >"$WORK/kill.txt" &
WRK=$!
sleep 10
inflight="$(curl -s "http://127.0.0.1:$((LB + 9))/stats;csv" | awk -F, -v n="$victim_name" '$1 == "nodes" && $2 == n {print $5}')"
kill -9 "$victim"; killed_at="$(ms)"
echo "   requests in flight on node $victim_name when it was killed: ${inflight:-?}"
echo "   node $victim_name killed (SIGKILL) 10 s into the load"
wait $WRK
grep -E "Requests/sec|statuses|socket errors" "$WORK/kill.txt" | sed 's/^/   /'
created="$(sed -nE 's/^created=([0-9]+)/\1/p' "$WORK/kill.txt")"; stored="$(count_run "$RUN")"
failed="$(grep statuses "$WORK/kill.txt" | tr ' ' '\n' | grep -vE '^(statuses:|200=|201=)' | cut -d= -f2 | awk '{s+=$1} END {print s+0}')"
sockerr="$(grep "socket errors" "$WORK/kill.txt" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')"
echo "   acknowledged writes $created, in the database $stored; failed answers ${failed:-0}, socket errors ${sockerr:-0} (in flight on the killed node: ${inflight:-?})"
verdict "kill: only in-flight requests fail, nothing acknowledged lost" "$([ "$stored" -ge "$created" ] && [ $(( ${failed:-0} + ${sockerr:-0} )) -le "${inflight:-0}" ] && echo PASSED || echo FAILED)"
status=""
for _ in $(seq 1 240); do
  status="$(psql_at $PRIMARY "SELECT \"Status\" || ' ' || \"Attempts\" || ' ' || coalesce(\"ClaimedBy\", '') FROM \"ImportJobs\" WHERE \"Id\" = $job")"
  [[ "$status" == 2* || "$status" == 3* ]] && break; sleep 1
done
took="$(( ($(ms) - killed_at) / 1000 ))"
rows="$(psql_at $PRIMARY "SELECT count(*) FROM \"Initiatives\" WHERE \"Code\" LIKE 'NK-%'")"
echo "   job $job: status/attempts/node = $status, ended ${took} s after the kill; imported models: $rows"
verdict "the other node took the import over, run once" "$([[ "$status" == 2\ 2\ * ]] && [[ "$status" != *":$victim:"* ]] && [ "$rows" = 100000 ] && echo PASSED || echo FAILED)"
survivor_ready="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB/healthz/ready")"
echo "   the balancer still answers: $survivor_ready"

fi
if [[ "$ONLY" == *5* ]]; then
echo "== 5. The replica stopped: reads fall back to the primary"
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$WORK/replica" -m fast stop >/dev/null
codes=""
for u in "/api/v1/reports/summary?unit=40" "/api/v1/initiatives?q=mo%20hinh" "/api/v1/reports/summary.xlsx?unit=40"; do
  t0="$(ms)"; c="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$survivor$u")"
  codes="$codes $c"; echo "   $u → $c in $(( $(ms) - t0 )) ms"
done
c="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$survivor/cong-khai/mo-hinh?q=ong&x=$RANDOM")"; codes="$codes $c"; echo "   public search → $c"
verdict "replica stopped: reads answered from the primary" "$([ "$codes" = " 200 200 200 200" ] && echo PASSED || echo FAILED)"
fi

echo
echo "== Results"
printf '   %s\n' "${results[@]}"
! printf '%s\n' "${results[@]}" | grep -q FAILED
