"""Reading figures files: JSON of 40k and 60k rows, YAML of 20k rows (libyaml; 180k values, under
the 200k a YAML document may hold), and a CSV of 560k rows (2,800 parts × 4 indicators × 50
years), each through `shuangshi gap -F json`, against a plain-Python floor that parses the same
file and sums its values.

    python benchmarks/figures.py [--runs 5] [--quick] [--keep DIR]
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import HERE, Pair, arguments, compare, tool, workdir
from scoreboard import write_inputs


def _rows(figures: Path, limit: int) -> list[dict[str, str | int]]:
    with figures.open(encoding="utf-8", newline="") as handle:
        rows: list[dict[str, str | int]] = []
        for row in csv.DictReader(handle):
            rows.append({**row, "year": int(row["year"])})
            if len(rows) == limit:
                break
    return rows


def _as_json(rows: list[dict[str, str | int]], path: Path) -> Path:
    body = ",\n".join(
        json.dumps({**r, "value": float(r["value"])}, ensure_ascii=False) for r in rows
    )
    path.write_text(f"[\n{body}\n]\n", encoding="utf-8")
    return path


def _as_yaml(rows: list[dict[str, str | int]], path: Path) -> Path:
    lines = [
        f"- {{indicator: {r['indicator']}, year: {r['year']}, value: {r['value']}, "
        f"part: {r['part']}}}"
        for r in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    args = arguments(__doc__.splitlines()[0] if __doc__ else "")
    directory = workdir(args, "figures")
    scale = 10 if args.quick else 1
    plan, _, figures = write_inputs(directory, 3000 // scale, 5)
    rows = _rows(figures, 60_000)
    cases = []
    for count in (40_000 // scale, 60_000 // scale):
        cases.append((f"JSON, {count} rows", _as_json(rows[:count], directory / f"f{count}.json")))
    count = 20_000 // scale  # 9 values a row: 30k rows would pass the YAML limit
    cases.append((f"YAML, {count} rows", _as_yaml(rows[:count], directory / f"f{count}.yaml")))
    for label, path in cases:
        print(f"\n== {label}")
        command = [*tool(), "gap", "-t", str(plan), "-f", str(path), "-F", "json"]
        kind = path.suffix.removeprefix(".")
        same = directory / f"{path.stem}.csv"  # the same rows as CSV, as the issue compares
        lines = figures.read_text(encoding="utf-8").splitlines()
        same.write_text("\n".join(lines[: int(path.stem[1:]) + 1]) + "\n", encoding="utf-8")
        as_csv = [*tool(), "gap", "-t", str(plan), "-f", str(same), "-F", "json"]
        floor = [sys.executable, str(HERE / "_floors.py"), kind, str(path)]
        pairs = [Pair(f"gap -f {kind}", command), Pair("gap -f, same rows as CSV", as_csv)]
        compare(pairs, Pair(f"floor ({kind})", floor), args.runs)
    big_plan, _, big = write_inputs(directory, 2800 // scale, 50)
    print(f"\n== CSV, {2800 // scale * 4 * 50} rows")
    command = [*tool(), "gap", "-t", str(big_plan), "-f", str(big), "-F", "json"]
    floor = [sys.executable, str(HERE / "_floors.py"), "csv", str(big)]
    compare([Pair("gap -f", command)], Pair("floor (csv)", floor), args.runs)


if __name__ == "__main__":
    main()
