"""`shuangshi gap --part` on the scoreboard's input (3,000 parts × 4 indicators × 5 years =
60k figure rows): one part's assessment from the whole files, against the plain-Python floor
that computes every part's gaps.

    python benchmarks/part.py [--runs 5] [--quick] [--keep DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import HERE, Pair, arguments, compare, tool, workdir
from scoreboard import write_inputs


def main() -> None:
    args = arguments(__doc__.splitlines()[0] if __doc__ else "")
    directory = workdir(args, "part")
    parts = 300 if args.quick else 3000
    plan, targets, figures = write_inputs(directory, parts, 5)
    print(f"== gap --part, {parts} parts × 4 indicators × 5 years = {parts * 20} rows")
    command = [*tool(), "gap", "-t", str(plan), "-f", str(figures), "-F", "json"]
    floor = [sys.executable, str(HERE / "_floors.py"), "gaps", str(figures), str(targets)]
    compare(
        [Pair("gap --part (last part)", [*command, "--part", f"第{parts - 1}号镇"])],
        Pair("floor", floor),
        args.runs,
    )


if __name__ == "__main__":
    main()
