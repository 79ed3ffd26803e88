#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite and on PostgreSQL, and browser tests in Chromium.
# Prepares what is missing: Debian's chromium, postgresql and redis-server (when run as root), and a throwaway
# PostgreSQL cluster and Redis server on loopback that are stopped and removed at the end.
# Set DANVAN_TEST_PG="Host=...;Port=...;Username=..." or DANVAN_TEST_REDIS="host:port" to use existing servers instead.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== %s\n' "$*"; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

missing=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || missing+=(chromium)
if [ -z "${DANVAN_TEST_PG:-}" ] && [ -z "$(pg_bin)" ]; then missing+=(postgresql); fi
# Two app nodes share their cached pages and rate limits through Redis in the scale-out tests.
if [ -z "${DANVAN_TEST_REDIS:-}" ]; then command -v redis-server >/dev/null 2>&1 || missing+=(redis-server); fi
# LibreOffice opens the exported .xlsx/.docx in the tests, as an office would.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "Installing ${missing[*]} from Debian packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get install ${missing[*]} failed"; exit 1; }
  else
    echo "Missing ${missing[*]}: install them (sudo apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
fi

PGWORK=""
REDISWORK=""
cleanup() {
  if [ -n "$REDISWORK" ]; then
    [ -f "$REDISWORK/redis.pid" ] && kill "$(cat "$REDISWORK/redis.pid")" 2>/dev/null
    rm -rf "$REDISWORK"
  fi
  if [ -n "$PGWORK" ]; then
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PGWORK/data" -m immediate stop >/dev/null 2>&1
    else "$(pg_bin)/pg_ctl" -D "$PGWORK/data" -m immediate stop >/dev/null 2>&1; fi
    rm -rf "$PGWORK"
  fi
}
trap cleanup EXIT

if [ -z "${DANVAN_TEST_PG:-}" ]; then
  port=55432
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  PGWORK="$(mktemp -d /tmp/danvan-pg.XXXXXX)"
  chmod 755 "$PGWORK"
  as_pg=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PGWORK"; as_pg=(runuser -u postgres --); fi
  say "Starting a throwaway PostgreSQL on 127.0.0.1:$port"
  "${as_pg[@]}" "$(pg_bin)/initdb" -D "$PGWORK/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PGWORK/initdb.log" 2>&1 \
    || { cat "$PGWORK/initdb.log"; exit 1; }
  "${as_pg[@]}" "$(pg_bin)/pg_ctl" -D "$PGWORK/data" -w -l "$PGWORK/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PGWORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$PGWORK/server.log"; exit 1; }
  export DANVAN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres"
fi

if [ -z "${DANVAN_TEST_REDIS:-}" ]; then
  rport=56379
  while (echo >"/dev/tcp/127.0.0.1/$rport") 2>/dev/null; do rport=$((rport + 1)); done
  REDISWORK="$(mktemp -d /tmp/danvan-redis.XXXXXX)"
  say "Starting a throwaway Redis on 127.0.0.1:$rport"
  redis-server --bind 127.0.0.1 --port "$rport" --save "" --appendonly no --dir "$REDISWORK" \
    --pidfile "$REDISWORK/redis.pid" --logfile "$REDISWORK/redis.log" --daemonize yes \
    || { cat "$REDISWORK/redis.log"; exit 1; }
  for _ in $(seq 50); do (echo >"/dev/tcp/127.0.0.1/$rport") 2>/dev/null && break; sleep 0.1; done
  export DANVAN_TEST_REDIS="127.0.0.1:$rport"
fi

say "Building"
dotnet build DanVan.slnx -c Release -nologo -v quiet || exit 1

failed_suites=()
passed=0; failed=0; skipped=0
run_suite() {
  local name="$1"; shift
  say "$name"
  local log; log="$(mktemp)"
  env "$@" | tee "$log"
  local rc=${PIPESTATUS[0]}
  # "Passed!  - Failed:     0, Passed:    56, Skipped:     0, Total: ..." (or "Failed!  - ...")
  local line; line="$(grep -E '^(Passed|Failed)!' "$log" | tail -1)"
  if [ -n "$line" ]; then
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")))
  fi
  if [ "$rc" -ne 0 ] || [ -z "$line" ]; then failed_suites+=("$name"); fi
  rm -f "$log"
}

# The integration suites check every API answer against the OpenAPI document; the document itself is linted here.
lint_openapi() {
  say "OpenAPI document lint (Spectral, errors fail)"
  if [ ! -s artifacts/openapi.json ]; then echo "artifacts/openapi.json was not written by the integration tests"; failed_suites+=("OpenAPI lint"); return; fi
  (cd tools/openapi-lint && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { echo "npm ci in tools/openapi-lint failed"; failed_suites+=("OpenAPI lint"); return; }
  if tools/openapi-lint/node_modules/.bin/spectral lint artifacts/openapi.json --ruleset tools/openapi-lint/.spectral.yaml \
      --fail-severity error --display-only-failures -f text; then
    echo "OpenAPI document: no lint errors"
  else
    failed_suites+=("OpenAPI lint")
  fi
}

# A client generated from the document as a province's IT would (Kiota, a local dotnet tool) compiles and drives the
# app through a journey: the document is not only valid, it is usable.
client_smoke() {
  say "Client generated from the OpenAPI document (Kiota)"
  local gen=tests/DanVan.ClientSmokeTests/Generated
  if [ ! -s artifacts/openapi.json ]; then echo "artifacts/openapi.json was not written by the integration tests"; failed_suites+=("Generated client"); return; fi
  rm -rf "$gen"
  if ! { dotnet tool restore >/dev/null && dotnet kiota generate -l CSharp -d artifacts/openapi.json -o "$gen" -n DanVan.Client -c DanVanClient \
         --exclude-backward-compatible --log-level Warning >artifacts/kiota.log 2>&1; }; then
    tail -30 artifacts/kiota.log; failed_suites+=("Generated client"); return
  fi
  echo "Generated $(find "$gen" -name '*.cs' | wc -l) files"
  dotnet build tests/DanVan.ClientSmokeTests -c Release -nologo -v quiet || { failed_suites+=("Generated client"); return; }
  run_suite "Generated client journey" DANVAN_TEST_PROVIDER=Sqlite dotnet test tests/DanVan.ClientSmokeTests "${test_args[@]}"
}

test_args=(-c Release --no-build --nologo)
export DANVAN_OPENAPI_OUT="$PWD/artifacts/openapi.json"
rm -f "$DANVAN_OPENAPI_OUT"
run_suite "Unit tests" dotnet test tests/DanVan.UnitTests "${test_args[@]}"
run_suite "Integration tests on SQLite" DANVAN_TEST_PROVIDER=Sqlite dotnet test tests/DanVan.IntegrationTests "${test_args[@]}"
lint_openapi
client_smoke
run_suite "Integration tests on PostgreSQL" DANVAN_TEST_PROVIDER=Postgres dotnet test tests/DanVan.IntegrationTests "${test_args[@]}"
run_suite "Browser tests (Playwright, Chromium)" CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}" dotnet test tests/DanVan.E2ETests "${test_args[@]}"

echo
if [ ${#failed_suites[@]} -gt 0 ]; then
  echo "Failing suites: ${failed_suites[*]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ ${#failed_suites[@]} -eq 0 ]
