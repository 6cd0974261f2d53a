"""Run the CLI fuzz test of tests/test_fuzz.py long: python benchmarks/fuzz_long.py [COUNT].

Every failing input is printed (and the run goes on); the last line gives the count of inputs,
the exit codes seen, and the count of findings. Exits 1 when there were findings.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_fuzz import Invocation, invocations, run_invocation


def main(count: int) -> int:
    seen = 0
    findings: list[str] = []
    kinds: Counter[str] = Counter()
    codes: Counter[int] = Counter()

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # no shrinking: every failure is kept and the run goes on
        suppress_health_check=list(HealthCheck),
    )
    @given(invocations())
    def fuzz(inv: Invocation) -> None:
        nonlocal seen
        seen += 1
        kinds[inv.args[0]] += 1
        try:
            codes[run_invocation(inv)] += 1
        except Exception as exc:  # a finding: printed, counted, and the run goes on
            findings.append(f"{type(exc).__name__}: {exc}")
            print(f"FINDING {len(findings)}: {inv.args!r}\n  {exc}", flush=True)

    start = time.perf_counter()
    fuzz()
    seconds = time.perf_counter() - start
    commands = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    exits = ", ".join(f"{code}: {n}" for code, n in sorted(codes.items()))
    print(f"{seen} inputs in {seconds:.0f} s ({commands}; exit codes {exits}); ", end="")
    print(f"{len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
