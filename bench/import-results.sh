#!/usr/bin/env bash
# The results import against the models import of the same size: for each size (default 500 2000 8000 100000), a
# fresh database, N models imported from a file (bench/import_file.py), then a results file of N rows for those models
# (bench/results_file.py: one figure a model, a commune figure every tenth row), both through the command line, timed.
# Prints seconds, rows a second and the results import's cost a row against the models import's.
#   bash bench/import-results.sh [SIZES...]       SQLite; set DANVAN_BENCH_PGPORT for PostgreSQL too
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-500 2000 8000 100000}")
read -r -a SIZES <<< "${SIZES[*]}"
export Mail__SiteUrl="${Mail__SiteUrl:-http://127.0.0.1}" Seed__Demo=false
dotnet build src/DanVan.Web -c Release -nologo -v quiet
DLL=src/DanVan.Web/bin/Release/net10.0/DanVan.Web.dll
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }

measure() { # provider connection size
  export Database__Provider="$1" ConnectionStrings__DanVan="$2"
  local n="$3"
  dotnet "$DLL" migrate >/dev/null
  dotnet "$DLL" seed >/dev/null
  python3 bench/import_file.py "$WORK/models.csv" "$n" --no-recognitions
  python3 bench/results_file.py "$WORK/models.csv" "$WORK/results.csv" "$n"
  local m r
  m="$(seconds dotnet "$DLL" import initiatives --file "$WORK/models.csv")"
  r="$(seconds dotnet "$DLL" import results --file "$WORK/results.csv")"
  dotnet "$DLL" import results --file "$WORK/results.csv" --dry-run | tail -1 | grep -q "$n" || { echo "results import of $n rows did not check" >&2; exit 1; }
  awk -v p="$1" -v n="$n" -v m="$m" -v r="$r" 'BEGIN { printf "| %-8s | %7d | %8.1f s | %8.0f rows/s | %8.1f s | %8.0f rows/s | x%.2f |\n", p, n, m, n / m, r, n / r, r / m }'
}

echo "| database | rows | models import | models rows/s | results import | results rows/s | results/models |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for n in "${SIZES[@]}"; do
  rm -f "$WORK"/bench.db*
  measure Sqlite "Data Source=$WORK/bench.db" "$n"
  if [ -n "${DANVAN_BENCH_PGPORT:-}" ]; then
    db="danvan_results_$$"
    psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
    measure Postgres "Host=127.0.0.1;Port=$DANVAN_BENCH_PGPORT;Username=postgres;Database=$db" "$n"
    psql -h 127.0.0.1 -p "$DANVAN_BENCH_PGPORT" -U postgres -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
  fi
done
