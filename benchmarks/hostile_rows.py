"""Seconds of `shuangshi gap -F json` on hostile figures files of a million rows.

Each file is written to a temporary directory and run in a fresh process; prints the wall time
and exit code per file. The aim (issue 8): no input takes more than a few seconds per million rows.

    python benchmarks/hostile_rows.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

FILES: dict[str, Callable[[int], str]] = {
    "identical.csv": lambda n: "indicator,year,value\n" + "gdp,2018,352.1\n" * n,
    "four-indicators.csv": lambda n: (
        "indicator,year,value\n"
        + "".join(
            f"{('gdp', 'fiscal_revenue', 'industrial_output', 'gdp')[i % 4]},2018,40\n"
            for i in range(n)
        )
    ),
    "bad-identical.csv": lambda n: "indicator,year,value\n" + "gdp,2018,x\n" * n,
    "years-1e999999.csv": lambda n: "indicator,year,value\n" + "gdp,1e999999,1\n" * n,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as directory:
        for name, make in FILES.items():
            path = Path(directory) / name
            path.write_text(make(rows), encoding="utf-8")
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "shuangshi_cli", "gap", "-f", str(path), "-F", "json"],
                capture_output=True,
                check=False,
            )
            seconds = time.perf_counter() - start
            print(f"{name:24} {rows} rows: {seconds:5.1f} s, exit {done.returncode}")


if __name__ == "__main__":
    main()
