"""`shuangshi gap --peers` on a national peer table: 2,800 regions × 20 indicators × 10 years
(560k rows), against a plain-Python floor that ranks the own region by one sort per indicator
and year.

    python benchmarks/peers.py [--runs 5] [--quick] [--keep DIR]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import HERE, Pair, arguments, compare, tool, workdir

from shuangshi_cli.plan import embedded_plan_text

OWN = "濉溪县"


def write_inputs(directory: Path, regions: int, indicators: int, years: int) -> tuple[Path, Path]:
    """The embedded plan with ``indicators - 1`` more level targets, and a peer table of every
    region (the own one among them) on every indicator in ``years`` years up to 2018."""
    rng = random.Random(8)
    extra = []
    ids = ["gdp"]
    for i in range(1, indicators):
        ids.append(f"ind{i:02d}")
        extra += [
            f"  - id: ind{i:02d}",
            f"    name: 指标{i:02d}",
            f"    name_en: Indicator {i:02d}",
            "    kind: level",
            "    unit: 亿元",
            '    comparison: ">"',
            "    value: 100",
            "    deadline: 2019",
        ]
    text = embedded_plan_text().replace("\ntargets:\n", "\ntargets:\n" + "\n".join(extra) + "\n")
    plan = directory / "peers-plan.yaml"
    plan.write_text(text, encoding="utf-8")
    names = [OWN, *(f"第{i}县" for i in range(1, regions))]
    lines = ["region,year,indicator,value"]
    for year in range(2019 - years, 2019):
        for indicator in ids:
            for name in names:
                lines.append(f"{name},{year},{indicator},{rng.randint(50, 900) / 10}")
    peers = directory / f"peers-{regions}x{indicators}x{years}.csv"
    peers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return plan, peers


def main() -> None:
    args = arguments(__doc__.splitlines()[0] if __doc__ else "")
    directory = workdir(args, "peers")
    regions = 280 if args.quick else 2800
    plan, peers = write_inputs(directory, regions, 20, 10)
    print(f"== gap --peers, {regions} regions × 20 indicators × 10 years = {regions * 200} rows")
    command = [*tool(), "gap", "-t", str(plan), "--peers", str(peers), "-F", "json"]
    floor = [sys.executable, str(HERE / "_floors.py"), "rank", str(peers)]
    compare([Pair("gap --peers", command)], Pair("floor", floor), args.runs)


if __name__ == "__main__":
    main()
