"""Writes a results file for the models of a models import file (bench/import_file.py): one row per model, its
2026 "households taking part", and after every tenth row a commune figure of that row's commune (once a commune) (funds mobilised, 2026).
Usage: python3 bench/results_file.py MODELS.csv OUT.csv N"""
import csv
import random
import sys

models, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rnd = random.Random(5)
with open(models, encoding="utf-8") as f, open(out, "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o)
    w.writerow(["initiative", "unit", "map", "period", "indicator", "category", "value", "unit_of_measure", "note"])
    rows = 0
    communes = set()
    for m in csv.DictReader(f):
        if rows >= n:
            break
        w.writerow([m["code"], m["unit"], "2025", "2026", "households_participating", "", rnd.randint(5, 900), "hộ", ""])
        rows += 1
        if rows % 10 == 0 and rows < n and m["unit"] not in communes:
            communes.add(m["unit"])
            w.writerow(["", m["unit"], "2025", "2026", "funds_mobilized", "people", rnd.randint(1, 500) * 1_000_000, "đồng", ""])
            rows += 1
