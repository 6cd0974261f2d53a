"""Start-up: `shuangshi gap` on the embedded plan against the smallest honest app of the same
stack (_smallest_app.py: one typer command, yaml.safe_load, a pydantic model, a 4-row Rich
table), and `--help` / `--version` against the bare `import typer, pydantic, rich, yaml`.

The installed console script of this environment is run, with LANG fixed and SHUANGSHI_TARGETS
unset, alternately with its yardstick in fresh processes. Then which heavy libraries `gap` on a
CSV imports (python -X importtime): none should be, as the workbook reader and writer, jinja2
and pygal are imported only by the formats that use them.

    python benchmarks/startup.py [--runs 21] [--quick]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import HERE, Pair, arguments, compare, tool, workdir
from _smallest_app import SMALL_PLAN

BARE = [sys.executable, "-c", "import typer, pydantic, rich, yaml"]
HEAVY = ("python_calamine", "xlsxwriter", "jinja2", "pygal")
CSV = HERE.parent / "examples" / "suixi-figures-illustrative.csv"


def heavy_imports() -> list[str]:
    """The heavy libraries that `shuangshi gap --figures FILE.csv` imports."""
    command = [sys.executable, "-X", "importtime", "-m", "shuangshi_cli", "gap", "-f", str(CSV)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in done.stderr.splitlines()}
    return [name for name in HEAVY if name in imported]


def main() -> None:
    args = arguments(__doc__.splitlines()[0] if __doc__ else "", runs=21)
    directory = workdir(args, "startup")
    small = directory / "small-plan.yaml"
    small.write_text(SMALL_PLAN, encoding="utf-8")
    app = Pair("smallest app", [sys.executable, str(HERE / "_smallest_app.py"), str(small)])
    gap = Pair("gap --year 2018 gdp=352.1", [*tool(), "gap", "--year", "2018", "gdp=352.1"])
    print("== gap on the embedded plan vs the smallest app of the stack")
    compare([gap], app, args.runs)
    print("\n== --help and --version vs import typer, pydantic, rich, yaml")
    help_, version = Pair("--help", [*tool(), "--help"]), Pair("--version", [*tool(), "--version"])
    compare([help_, version], Pair("bare import", BARE), args.runs)
    heavy = heavy_imports()
    print(f"\ngap on a CSV imports {', '.join(heavy) if heavy else 'none'} of {', '.join(HEAVY)}")


if __name__ == "__main__":
    main()
