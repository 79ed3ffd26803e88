"""Writes an import file of N initiatives on real 2025 communes (deterministic), for the import benchmark.
Usage: python3 bench/import_file.py OUT.csv N [--no-recognitions]"""
import csv
import random
import sys
from pathlib import Path

out, n = sys.argv[1], int(sys.argv[2])
recognitions = "--no-recognitions" not in sys.argv
units_csv = Path(__file__).resolve().parent.parent / "src/DanVan.Core/Data/Seeding/Map/units_2025.csv"
units = [r["code"] for r in csv.DictReader(open(units_csv, encoding="utf-8")) if r["level"] == "2"]
fields = ["economy", "Kinh tế", "culture_society", "Văn hóa – Xã hội", "defense_security", "political_system"]
rnd = random.Random(3)
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["code", "name", "unit", "map", "field", "kind", "origin", "owner", "registered_on", "status", "recognized_level", "recognized_on", "decision_no"])
    for i in range(n):
        month = rnd.randint(1, 10)
        reg = f"2026-{month:02d}-{rnd.randint(1, 28):02d}"
        row = [f"NK-{i:06d}", f"Mô hình nhập số {i} – Dân vận khéo", rnd.choice(units), "2025", rnd.choice(fields),
               rnd.choice(["collective", "tập thể", "individual"]), rnd.choice(["new", "mới", "nhân rộng"]), "Hội Nông dân xã",
               reg, "active", "", "", ""]
        if month < 9 and rnd.random() < 0.3 and recognitions:
            row[10], row[11], row[12] = "commune", f"2026-{month + 1:02d}-28", "12-QĐ/BCĐ"
        w.writerow(row)
