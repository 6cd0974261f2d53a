"""Start-up time of `shuangshi gap` on the embedded plan, against a bare import of its libraries.

Runs both commands alternately in fresh processes and prints the medians and their ratio:
the ratio says how much the tool adds to what importing typer, pydantic, rich and yaml costs.
Then which heavy libraries `gap` on a CSV imports (python -X importtime): none should be, as
the workbook reader and writer are imported only for workbooks.

    python benchmarks/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BARE = [sys.executable, "-c", "import typer, pydantic, rich, yaml"]
# For context: what typer itself costs once it builds and runs a one-command app.
HELLO = [
    sys.executable,
    "-c",
    "import typer, pydantic, rich, yaml\n"
    "app = typer.Typer()\n"
    "@app.command()\n"
    "def hello(name: str = 'x') -> None: print(name)\n"
    "app([], standalone_mode=False)",
]


HEAVY = ("python_calamine", "xlsxwriter")
CSV = Path(__file__).parent.parent / "examples" / "suixi-figures-illustrative.csv"


def _heavy_imports() -> list[str]:
    """The heavy libraries that `shuangshi gap --figures FILE.csv` imports."""
    command = [sys.executable, "-X", "importtime", "-m", "shuangshi_cli", "gap", "-f", str(CSV)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in done.stderr.splitlines()}
    return [name for name in HEAVY if name in imported]


def _tool() -> list[str]:
    script = shutil.which("shuangshi")
    return [script, "gap"] if script else [sys.executable, "-m", "shuangshi_cli", "gap"]


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    tool = _tool()
    _time(tool)  # warm the file cache and the bytecode
    _time(BARE)
    tool_times, bare_times, hello_times = [], [], []
    for _ in range(args.runs):
        tool_times.append(_time(tool))
        bare_times.append(_time(BARE))
        hello_times.append(_time(HELLO))
    tool_median = statistics.median(tool_times)
    bare_median = statistics.median(bare_times)
    hello_median = statistics.median(hello_times)
    print(f"shuangshi gap (embedded plan)       median {tool_median * 1000:7.1f} ms")
    print(f"import typer, pydantic, rich, yaml  median {bare_median * 1000:7.1f} ms")
    print(f"a one-command typer app             median {hello_median * 1000:7.1f} ms")
    print(f"ratio gap / bare import             {tool_median / bare_median:.2f}")
    print(f"ratio gap / typer app               {tool_median / hello_median:.2f}")
    print(f"({args.runs} runs of each, alternating)")
    heavy = _heavy_imports()
    print(f"gap on a CSV imports {', '.join(heavy) if heavy else 'none'} of {', '.join(HEAVY)}")


if __name__ == "__main__":
    main()
