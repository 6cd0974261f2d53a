"""`shuangshi scoreboard` on many parts (3,000 parts × 4 indicators × 5 years = 60k figure
rows), and 10× the rows (50 years each) for linearity, against a plain-Python floor.

    python benchmarks/scoreboard.py [--runs 5] [--quick] [--format csv|json] [--keep DIR]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import HERE, Pair, arguments, compare, tool, workdir

from shuangshi_cli.plan import embedded_plan_text

INDICATORS = {"gdp": (40, 10), "fiscal_revenue": (4, 1), "industrial_output": (90, 30)}
LAST_YEAR = 2018


def write_inputs(directory: Path, parts: int, years: int, seed: int = 13) -> tuple[Path, ...]:
    """A plan with ``parts`` parts (3 level targets and a rank target each), their figures for
    ``years`` years up to 2018, and the part targets as a CSV for the floor."""
    rng = random.Random(seed)
    plan_lines = [embedded_plan_text().rstrip("\n"), "parts:"]
    targets_csv = ["part,indicator,value"]
    figures_csv = ["indicator,year,value,part"]
    for i in range(parts):
        part = f"p{i:05d}"
        plan_lines += [f"  - id: {part}", f"    name: 第{i}号镇", "    targets:"]
        for indicator, (size, spread) in INDICATORS.items():
            goal = size + rng.randint(0, spread)
            plan_lines.append(f"      - {{indicator: {indicator}, value: {goal}}}")
            targets_csv.append(f"{part},{indicator},{goal}")
        plan_lines.append("      - {indicator: gdp_rank, value: 3}")
        targets_csv.append(f"{part},gdp_rank,3")
        for year in range(LAST_YEAR - years + 1, LAST_YEAR + 1):
            for indicator, (size, spread) in INDICATORS.items():
                value = size * 0.6 + rng.randint(0, spread) + (year - LAST_YEAR) * 0.5
                figures_csv.append(f"{indicator},{year},{max(value, 1):.2f},{part}")
            figures_csv.append(f"gdp_rank,{year},{rng.randint(1, 9)},{part}")
    plan = directory / f"plan-{parts}.yaml"
    plan.write_text("\n".join(plan_lines) + "\n", encoding="utf-8")
    targets = directory / f"part-targets-{parts}.csv"
    targets.write_text("\n".join(targets_csv) + "\n", encoding="utf-8")
    figures = directory / f"figures-{parts}x{years}.csv"
    figures.write_text("\n".join(figures_csv) + "\n", encoding="utf-8")
    return plan, targets, figures


def main() -> None:
    args = arguments(__doc__.splitlines()[0] if __doc__ else "")
    directory = workdir(args, "scoreboard")
    parts = 300 if args.quick else 3000
    medians = {}
    for years in (5, 50):
        plan, targets, figures = write_inputs(directory, parts, years)
        rows = parts * (len(INDICATORS) + 1) * years
        print(
            f"\n== scoreboard, {parts} parts × {len(INDICATORS) + 1} indicators × {years} years"
            f" = {rows} rows"
        )
        base = [*tool(), "scoreboard", "-t", str(plan), "-f", str(figures)]
        floor = [sys.executable, str(HERE / "_floors.py"), "gaps", str(figures), str(targets)]
        medians[years] = compare(
            [
                Pair("scoreboard -F csv", [*base, "-F", "csv"]),
                Pair("scoreboard -F json", [*base, "-F", "json"]),
            ],
            Pair("floor", floor),
            args.runs,
        )
    ratio = medians[50]["scoreboard -F csv"] / medians[5]["scoreboard -F csv"]
    print(f"\n10× the rows: {ratio:.2f}× the time (csv)")


if __name__ == "__main__":
    main()
