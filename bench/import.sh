#!/usr/bin/env bash
# The import figure alone: N synthetic initiatives generated into a fresh database (default 1,000,000, as in run.sh),
# then an import of 100,000 rows (bench/import_file.py) through the command line, timed; repeated R times (default 3)
# on the same file, each run into the database as the previous import left it (the same codes: updates).
#   bash bench/import.sh [N] [R]          SQLite; set DANVAN_BENCH_PGPORT for PostgreSQL too
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
R="${2:-3}"
dotnet build src/DanVan.Web -c Release -nologo -v quiet
run_cli() { dotnet run --project src/DanVan.Web -c Release --no-build --no-launch-profile -- "$@"; }
python3 bench/import_file.py /tmp/danvan-import-100k.csv 100000

measure() { # provider connection
  export Database__Provider="$1" ConnectionStrings__DanVan="$2" Seed__Demo=false
  run_cli migrate >/dev/null
  /usr/bin/time -f "   generate $N: %e s" bash -c "$(declare -f run_cli); run_cli generate --initiatives $N --seed 7 >/dev/null"
  for k in $(seq 1 "$R"); do
    # The first run creates 100,000 records (and their recognitions); later runs update the same ones by code.
    /usr/bin/time -f "   $1 import $k: %e s, peak %M KB" bash -c "$(declare -f run_cli); run_cli import initiatives --file /tmp/danvan-import-100k.csv | tail -1"
  done
}

rm -f /tmp/danvan-import-bench.db*
measure Sqlite "Data Source=/tmp/danvan-import-bench.db"
if [ -n "${DANVAN_BENCH_PGPORT:-}" ]; then
  db="danvan_import_$$"
  psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
  measure Postgres "Host=127.0.0.1;Port=$DANVAN_BENCH_PGPORT;Username=postgres;Database=$db"
  psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi
rm -f /tmp/danvan-import-bench.db*
