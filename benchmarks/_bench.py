"""Shared helpers of the benchmarks: the tool's command, paired timing in fresh processes, and
the summary lines (medians of the paired ratios and their spread).

Each benchmark script generates its inputs deterministically, then runs the tool and a
plain-Python floor (the least work that gives the same kind of answer) alternately, A B A B …,
so that a drift of the machine's speed hits both sides of every pair alike.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


def tool() -> list[str]:
    """The installed console script of this environment, else ``python -m shuangshi_cli``."""
    script = Path(sys.executable).with_name("shuangshi")
    if script.exists():
        return [str(script)]
    found = shutil.which("shuangshi")
    return [found] if found else [sys.executable, "-m", "shuangshi_cli"]


def env() -> dict[str, str]:
    """A fixed environment: English messages, no plan from the environment."""
    # As a user runs it: bytecode cached (an environment that sets PYTHONDONTWRITEBYTECODE would
    # time the compiling of every module at every run), no plan from the environment.
    dropped = {"SHUANGSHI_TARGETS", "PYTHONDONTWRITEBYTECODE"}
    fixed = {k: v for k, v in os.environ.items() if k not in dropped}
    fixed.update(LANG="C.UTF-8", LC_ALL="C.UTF-8")
    fixed.pop("NO_COLOR", None)
    return fixed


def arguments(description: str, runs: int = 5) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=runs, help=f"pairs to time (default {runs})")
    parser.add_argument(
        "--quick", action="store_true", help="smaller inputs and 3 pairs: a smoke run"
    )
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args()
    if args.quick:
        args.runs = min(args.runs, 3)
    return args


def workdir(args: argparse.Namespace, name: str) -> Path:
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        return Path(args.keep)
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"shuangshi-bench-{name}-{os.getpid()}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def run_once(command: list[str], *, expect: tuple[int, ...] = (0,)) -> float:
    """Wall seconds of one run of ``command`` in a fresh process, its output thrown away."""
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env(), check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in expect:
        sys.exit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed


@dataclass
class Pair:
    label: str
    command: list[str]
    expect: tuple[int, ...] = (0,)


def compare(pairs: list[Pair], floor: Pair, runs: int) -> dict[str, float]:
    """Run each of ``pairs`` and ``floor`` alternately ``runs`` times (after one warm-up each),
    print the median seconds of each and the median of the paired ratios with its spread.

    Returns the median seconds by label (the floor's too)."""
    everything = [*pairs, floor]
    for item in everything:
        run_once(item.command, expect=item.expect)
    times: dict[str, list[float]] = {item.label: [] for item in everything}
    for _ in range(runs):
        for item in everything:
            times[item.label].append(run_once(item.command, expect=item.expect))
    width = max(len(item.label) for item in everything)
    medians = {label: statistics.median(values) for label, values in times.items()}
    for item in everything:
        values = times[item.label]
        print(
            f"{item.label:<{width}}  median {medians[item.label]:8.3f} s"
            f"  (min {min(values):.3f}, max {max(values):.3f})"
        )
    for item in pairs:
        ratios = [a / b for a, b in zip(times[item.label], times[floor.label], strict=True)]
        print(
            f"{item.label:<{width}}  / {floor.label}: median {statistics.median(ratios):6.2f}×"
            f"  (spread {min(ratios):.2f}–{max(ratios):.2f})"
        )
    print(f"({runs} runs of each, alternating, fresh processes)")
    return medians
