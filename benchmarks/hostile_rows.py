"""Seconds and peak memory of `shuangshi gap -F json` on hostile figures files of a million rows.

Each file is written to a temporary directory and run in a fresh process; prints the wall time,
the peak resident memory and the exit code per file. The aims: no input takes more than a few
seconds per million rows (issue 8); a run that collects no cycles as it goes holds no more
memory for it, even where every row is a different error (issue 13).

    python benchmarks/hostile_rows.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import os
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
    "bad-distinct.csv": lambda n: (
        "indicator,year,value\n" + "".join(f"gdp,2018,x{i}\n" for i in range(n))
    ),
    "unknown-distinct.csv": lambda n: (
        "indicator,year,value\n" + "".join(f"gdp{i},2018,1\n" for i in range(n))
    ),
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
            child = subprocess.Popen(
                [sys.executable, "-m", "shuangshi_cli", "gap", "-f", str(path), "-F", "json"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
            peak = usage.ru_maxrss / 1024  # KiB on Linux
            code = os.waitstatus_to_exitcode(status)
            print(f"{name:24} {rows} rows: {seconds:5.1f} s, {peak:6.0f} MiB, exit {code}")


if __name__ == "__main__":
    main()
