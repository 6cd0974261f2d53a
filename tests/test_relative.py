"""Issue 10, item 7: relative targets — a growth compared with another series' growth, year by
year and over the period (高于GDP增长; 与GDP增长基本同步 within the plan's tolerance)."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuangshi_cli import formulas
from shuangshi_cli.assess import Note
from shuangshi_cli.errors import PlanError
from shuangshi_cli.plan import parse_plan
from shuangshi_cli.status import Status
from tests.test_real_tables import HEADER, figures_of

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

TARGETS = """\
  - {id: gdp_growth, name: 国内生产总值增长, name_en: GDP growth, kind: qualitative, unit: "%",
     deadline: 2025, source: 保持在合理区间、各年度视情提出}
  - {id: productivity, name: 全员劳动生产率增长, name_en: Labour productivity growth,
     kind: relative, unit: "%", relative_to: gdp_growth, relation: above, deadline: 2025,
     source: 高于GDP增长}
  - {id: income, name: 居民人均可支配收入增长, name_en: Disposable income growth,
     kind: relative, unit: "%", relative_to: gdp_growth, relation: in_step, tolerance: 0.5,
     deadline: 2025, source: 与GDP增长基本同步}
"""
ROWS = (
    "gdp_growth,2021,8.1,,,\ngdp_growth,2022,3.0,,,\ngdp_growth,2023,5.2,,,\n"
    "productivity,2021,8.7,,,\nproductivity,2022,4.2,,,\nproductivity,2023,5.7,,,\n"
    "income,2021,8.1,,,\nincome,2022,2.9,,,\nincome,2023,6.1,,,\n"
)


def _plan() -> Plan:
    return parse_plan(HEADER + TARGETS, "t.yaml")


def test_above_year_by_year_and_over_the_period() -> None:
    result = figures_of(_plan(), ROWS).results[1]
    relation = result.relative
    assert relation is not None
    assert [(y.year, round(y.difference, 6), y.holds) for y in relation.years] == [
        (2021, 0.6, True), (2022, 1.2, True), (2023, 0.5, True),
    ]  # fmt: skip
    # (1.087 × 1.042 × 1.057)^(1/3) − 1 = 6.184% against (1.081 × 1.030 × 1.052)^(1/3) − 1 = 5.413%
    assert relation.average == pytest.approx(0.0618359, abs=1e-7)
    assert relation.other_average == pytest.approx(0.0541269, abs=1e-7)
    assert relation.difference == pytest.approx(0.77091, abs=1e-5)
    assert (relation.holds, result.status) == (True, Status.ON_TRACK)


def test_in_step_within_the_tolerance() -> None:
    result = figures_of(_plan(), ROWS).results[2]
    relation = result.relative
    assert relation is not None
    # 2023: 6.1 against 5.2 is 0.9 points ahead, which is no lag; over 2021–2023 the averages
    # are 0.27 points apart, within ± 0.5
    assert [y.holds for y in relation.years] == [True, True, True]
    assert relation.difference == pytest.approx(0.26553, abs=1e-5)
    assert result.status is Status.ON_TRACK
    assert Note.AHEAD_OF_OTHER not in result.notes


def test_in_step_is_not_lagging_and_ahead_is_met() -> None:
    """基本同步 asks income not to lag GDP: 0.6 points behind fails a ± 0.5 band, 0.97 ahead
    (收入增长快于经济增长) meets it, with a note that says so."""
    behind = "gdp_growth,2021,8.1,,,\nincome,2021,7.5,,,\n"
    ahead = (
        "gdp_growth,2021,8.1,,,\ngdp_growth,2022,3.0,,,\nincome,2021,9.1,,,\nincome,2022,3.9,,,\n"
    )
    lagging = figures_of(_plan(), behind).results[2]
    assert lagging.relative is not None and lagging.relative.years[0].holds is False
    assert lagging.status is Status.LIMITED_PROGRESS
    result = figures_of(_plan(), ahead).results[2]
    assert result.relative is not None
    assert result.relative.difference == pytest.approx(
        0.949066, abs=1e-6
    )  # √(1.091 × 1.039) − √(1.081 × 1.030)
    assert [y.holds for y in result.relative.years] == [True, True]
    assert result.status is Status.ON_TRACK
    assert Note.AHEAD_OF_OTHER in result.notes


def test_at_the_deadline_achieved_or_missed() -> None:
    rows = "gdp_growth,2025,5.0,,,\nproductivity,2025,4.8,,,\nincome,2025,5.4,,,\n"
    results = figures_of(_plan(), rows).results
    assert (results[1].status, results[2].status) == (Status.MISSED, Status.ACHIEVED)


def test_behind_before_the_deadline() -> None:
    rows = "gdp_growth,2021,8.1,,,\nproductivity,2021,7.0,,,\nincome,2021,6.0,,,\n"
    results = figures_of(_plan(), rows).results
    assert results[1].status is Status.ACCELERATION_NEEDED
    assert results[2].status is Status.LIMITED_PROGRESS


def test_growth_from_levels() -> None:
    text = TARGETS.replace(
        'kind: relative, unit: "%", relative_to: gdp_growth, relation: above',
        'kind: relative, unit: "%", figure_unit: 元/人, relative_to: gdp_growth, relation: above',
    )
    plan = parse_plan(HEADER + text, "t.yaml")
    rows = "gdp_growth,2021,8.1,,,\nproductivity,2020,100000,,,\nproductivity,2021,108000,,,\n"
    relation = figures_of(plan, rows).results[1].relative
    assert relation is not None
    assert relation.years[0].growth == pytest.approx(0.08)
    assert relation.years[0].holds is False


def test_no_figures_is_insufficient() -> None:
    result = figures_of(_plan(), "gdp_growth,2021,8.1,,,\n").results[1]
    assert result.status is Status.INSUFFICIENT_DATA


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("relation: in_step, tolerance: 0.5", "relation: in_step",
         "targets[2].tolerance: 基本同步 (in_step) needs the tolerance, in percentage points"),
        ("relative_to: gdp_growth, relation: above", "relative_to: gpd, relation: above",
         "targets[1].relative_to: no other target with id 'gpd' in this plan"),
        ("relation: above, deadline", "relation: above, value: 1, deadline",
         "targets[1].value: a relative target has no value: its relation says it"),
    ],
)  # fmt: skip
def test_relative_plan_errors(old: str, new: str, message: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_plan(HEADER + TARGETS.replace(old, new), "t.yaml")
    assert [f"{p.field}: {p.message}" for p in caught.value.problems] == [message]


def test_relative_in_json_and_markdown(tmp_path: Path, run: Run) -> None:
    plan, figures = tmp_path / "t.yaml", tmp_path / "f.csv"
    plan.write_text(HEADER + TARGETS, encoding="utf-8")
    figures.write_text("indicator,year,value,unit,status,note\n" + ROWS, encoding="utf-8")
    data = json.loads(run("gap", "-t", str(plan), "-f", str(figures), "-F", "json").stdout)
    relative = data["results"][1]["relative"]
    assert (relative["relative_to"], relative["relation"], relative["holds"]) == (
        "gdp_growth", "above", True,
    )  # fmt: skip
    assert relative["years"][0] == {
        "year": 2021, "growth": 0.087, "other_growth": 0.081, "difference": 0.6, "holds": True,
    }  # fmt: skip
    zh = run("gap", "-t", str(plan), "-f", str(figures), "-F", "markdown", "-l", "zh").stdout
    assert "| 高于国内生产总值增长（2025） | +0.77个百分点 |" in zh
    assert "| 与国内生产总值增长基本同步（落后不超过0.5个百分点）（2025） | +0.27个百分点 |" in zh


@given(st.lists(st.floats(min_value=-0.5, max_value=1.0), min_size=1, max_size=10))
def test_average_of_rates_compounds_to_the_whole(rates: list[float]) -> None:
    average = formulas.average_of_rates(rates)
    assert average is not None
    assert math.isclose((1 + average) ** len(rates), math.prod(1 + r for r in rates), rel_tol=1e-9)


def test_explain_shows_both_averages_their_difference_and_the_relation(run: Run) -> None:
    out = run(
        "explain", "income_growth", "--targets", "cn-14th-fyp", "-F", "json",
        "--year", "2021", "--figure", "gdp_growth=8.1", "--figure", "income_growth=9.1",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    steps = {s["key"]: s for s in json.loads(out.stdout)["steps"]}
    assert steps["relative_average"]["value"] == pytest.approx(0.091)
    assert steps["relative_other_average"]["value"] == pytest.approx(0.081)
    assert steps["relative_difference"]["value"] == pytest.approx(1.0)
    assert steps["status"]["formula"] == "d ≥ −k"
