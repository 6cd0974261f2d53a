"""explain: every number of a row with its formula and inputs, redone here by hand."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run

EXAMPLE = "examples/suixi-figures-illustrative.csv"


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _steps(run: Run, *args: str) -> dict[str, dict[str, Any]]:
    result = run("explain", *args, "-F", "json")
    assert result.exit_code == 0, result.stderr
    return {s["key"]: s for s in json.loads(result.stdout)["steps"]}


def _inputs(step: dict[str, Any]) -> dict[str, float]:
    return {i["symbol"]: float(i["value"]) for i in step["inputs"]}


def test_the_readme_worked_example_redone_by_hand(run: Run) -> None:
    steps = _steps(run, "gdp", "--figures", EXAMPLE)
    v, v0, t, t0 = 352.1, 300.0, 2018, 2016
    target, deadline = 400.0, 2019
    gap = _inputs(steps["gap"])
    assert (gap["T"], gap["v"]) == (target, v)
    assert steps["gap"]["value"] == pytest.approx(target - v)
    assert steps["reached"]["value"] == pytest.approx(v / target)
    assert steps["task"]["value"] == pytest.approx((v - v0) / (target - v0))
    assert steps["time"]["value"] == pytest.approx((t - t0) / (deadline - t0))
    required = (target / v) ** (1 / (deadline - t)) - 1
    assert steps["required"]["value"] == pytest.approx(required)  # 13.6%
    observed = (v / v0) ** (1 / (t - t0)) - 1
    assert steps["observed"]["value"] == pytest.approx(observed)  # 8.3%
    needed = (target / v0) ** (1 / (deadline - t0)) - 1
    assert steps["ratio"]["value"] == pytest.approx(observed / needed)  # 0.83
    assert steps["status"]["value"] == "acceleration_needed"
    assert 0.60 <= observed / needed < 0.95
    assert steps["projection"]["value"] == pytest.approx(v * (1 + observed) ** (deadline - t))
    ahead = t0 + (deadline - t0) * math.log(v / v0) / math.log(target / v0) - t
    assert steps["years_ahead"]["value"] == pytest.approx(ahead)
    # every input names where it was read
    sources = {i["symbol"]: i["source"] for i in steps["task"]["inputs"]}
    assert sources == {"v": f"{EXAMPLE}:6", "v0": f"{EXAMPLE}:4", "T": "plan"}
    assert steps["required"]["substituted"] == "(400 / 352.1)^(1 / (2019 − 2018)) − 1"
    assert steps["required"]["method"] == "excel_rri"
    assert steps["ratio"]["method"] == "open_sdg"
    assert steps["years_ahead"]["method"] == "sicherl"


def test_a_rank_redone_by_hand(run: Run) -> None:
    steps = _steps(run, "gdp_rank", "--figures", EXAMPLE)
    assert steps["required"]["value"] == pytest.approx((5 - 8) / (2019 - 2018))
    assert steps["observed"]["value"] == pytest.approx((8 - 10) / (2018 - 2016))
    observed = (8 - 10) / (2018 - 2016)
    assert steps["ratio"]["value"] == pytest.approx(-observed / abs((5 - 10) / (2019 - 2016)))
    assert steps["ratio"]["substituted"] == "−(−1) / |(5 − 10) / (2019 − 2016)|"
    assert steps["observed"]["method"] == "arithmetic"


def test_unit_conversions_are_shown(run: Run) -> None:
    steps = _steps(run, "fiscal_revenue", "--year", "2018", "--figure", "fiscal_revenue=412000万元")
    v = next(i for i in steps["gap"]["inputs"] if i["symbol"] == "v")
    assert v == {
        "symbol": "v",
        "value": 41.2,
        "source": "argument 'fiscal_revenue=412000万元'",
        "given": "412000万元",
    }


def test_within_year_redone_by_hand(run: Run) -> None:
    steps = _steps(run, "fiscal_revenue", "--year", "2019", "--month", "9",
                   "--figure", "fiscal_revenue=38")  # fmt: skip
    completion = 38 / 50
    assert steps["completion"]["value"] == pytest.approx(completion)
    assert steps["elapsed"]["value"] == pytest.approx(9 / 12)
    assert steps["lead"]["value"] == pytest.approx((completion - 9 / 12) * 100)
    assert steps["lead"]["method"] == "shixu"


def test_unknown_target(run: Run) -> None:
    result = run("explain", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("no quantified target 'nope'; targets: gdp, gdp_rank")


def test_explain_in_chinese(run: Run) -> None:
    out = run("explain", "gdp", "--figures", EXAMPLE, "-l", "zh", env={"COLUMNS": "160"}).stdout
    assert "所需年均增速" in out and "Excel RRI" in out and "v = 352.1（" in out


def test_a_cumulative_changes_pace_ratio_puts_its_numbers_in(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "e.csv"
    figures.write_text("indicator,year,value\nenergy_intensity,2021,-2.7\n", encoding="utf-8")
    out = run(
        "explain", "energy_intensity", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json"
    )
    assert out.exit_code == 0, out.stderr
    (ratio,) = [s for s in json.loads(out.stdout)["steps"] if s["key"] == "ratio"]
    assert ratio["formula"] == "task / time"
    assert ratio["substituted"].endswith(" / 0.2")
    assert "task" not in ratio["substituted"]


@pytest.mark.parametrize("value", ["1e20", "99999999999999999999.5"])
def test_explain_prints_the_largest_figures(run: Run, value: str) -> None:
    """A figure up to 1e20 (the most a file may hold) is shown digit by digit, as gap shows it:
    rounding it to a few places needs more digits than the default context holds."""
    out = run("explain", "gdp", "--year", "2018", "--figure", f"gdp={value}", "-l", "en")
    assert out.exit_code == 0, out.stderr
    assert "achieved early" in out.stdout


def test_an_index_chained_from_rates_cites_every_rate(run: Run, tmp_path: Path) -> None:
    """单位GDP能耗: the index 93.98 is the product of four years' changes, lines 2–5, not the
    last year's line alone."""
    figures = tmp_path / "e.csv"
    figures.write_text(
        "indicator,year,value\nenergy_intensity,2021,-2.7\nenergy_intensity,2022,-0.1\n"
        "energy_intensity,2023,0.5\nenergy_intensity,2024,-3.8\n",
        encoding="utf-8",
    )
    result = run(
        "explain", "energy_intensity", "-t", "cn-14th-fyp", "-f", str(figures), "-F", "json"
    )
    assert result.exit_code == 0, result.stderr
    sources = {
        i["symbol"]: i["source"] for s in json.loads(result.stdout)["steps"] for i in s["inputs"]
    }
    assert sources["v"] == f"{figures}:2–5"
    assert sources["t"] == f"{figures}:5"
