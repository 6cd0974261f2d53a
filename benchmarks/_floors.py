"""Plain-Python floors of the benchmarks: the least work that gives the same kind of answer,
with the standard library only (csv, json, dict, Decimal). Run as a script by the benchmarks:

    python benchmarks/_floors.py gaps FIGURES.csv PART_TARGETS.csv    one gap per row, a ranking
    python benchmarks/_floors.py rank PEERS.csv                       one rank per region and year
    python benchmarks/_floors.py json FIGURES.json                    parse, one number per row
    python benchmarks/_floors.py yaml FIGURES.yaml                    the same, with libyaml
    python benchmarks/_floors.py csv FIGURES.csv                      parse, one number per row
"""

from __future__ import annotations

import csv
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def gaps(figures: str, part_targets: str) -> None:
    """Each figure's gap to its part's target; each part's latest gaps averaged, parts sorted."""
    with Path(part_targets).open(encoding="utf-8", newline="") as handle:
        wanted = {(r["part"], r["indicator"]): Decimal(r["value"]) for r in csv.DictReader(handle)}
    latest: dict[tuple[str, str], tuple[int, Decimal]] = {}
    with Path(figures).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["part"], row["indicator"])
            year = int(row["year"])
            gap = wanted[key] - Decimal(row["value"])
            if key not in latest or latest[key][0] < year:
                latest[key] = (year, gap)
    totals: dict[str, list[Decimal]] = {}
    for (part, _), (_, gap) in latest.items():
        totals.setdefault(part, []).append(gap)
    ranked = sorted(totals, key=lambda p: sum(totals[p]) / len(totals[p]))
    writer = csv.writer(sys.stdout)
    for rank, part in enumerate(ranked, start=1):
        writer.writerow([rank, part, sum(totals[part]) / len(totals[part])])


def rank(peers: str) -> None:
    """Every region's rank on every indicator and year, by one sort per indicator and year."""
    groups: dict[tuple[str, int], list[tuple[Decimal, str]]] = {}
    with Path(peers).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["indicator"], int(row["year"]))
            groups.setdefault(key, []).append((Decimal(row["value"]), row["region"]))
    writer = csv.writer(sys.stdout)
    for key, values in groups.items():
        values.sort(reverse=True)
        for place, (value, region) in enumerate(values, start=1):
            if region.startswith("濉溪"):
                writer.writerow([*key, region, value, place])


def parse_json(path: str) -> None:
    rows = json.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)
    total = sum(Decimal(str(r["value"])) for r in rows)
    print(len(rows), total)


def parse_yaml(path: str) -> None:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    rows = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)
    total = sum(Decimal(str(r["value"])) for r in rows)
    print(len(rows), total)


def parse_csv(path: str) -> None:
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    total = sum(Decimal(r["value"]) for r in rows)
    print(len(rows), total)


def main() -> None:
    command, *args = sys.argv[1:]
    floors: dict[str, Callable[..., None]] = {
        "gaps": gaps,
        "rank": rank,
        "json": parse_json,
        "yaml": parse_yaml,
        "csv": parse_csv,
    }
    floors[command](*args)


if __name__ == "__main__":
    main()
