"""Issue 10, the numbers real plan tables got wrong: 时序进度 without a whole-year figure, a base
that already meets its target, a change target without its base, a stale required pace."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuangshi_cli.assess import assess
from shuangshi_cli.figures import check_rows, load_figures, parse_csv
from shuangshi_cli.plan import parse_plan
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

HEADER = """\
plan:
  title: 测试规划
  issuer: 测试
  issued: 2021-03-11
  region: {name: 全国}
  period: {start: 2021, end: 2025}
  base_year: 2020
targets:
"""


def table(targets: str) -> Plan:
    """A plan of the header above and ``targets`` (YAML list items, indented by two)."""
    return parse_plan(HEADER + targets, "t.yaml")


def figures_of(plan: Plan, rows: str, **options: int) -> Assessment:
    figures = check_rows(parse_csv("indicator,year,value,unit,status,note\n" + rows, "f.csv"), plan)
    return assess(plan, figures, **options)  # type: ignore[arg-type]


# -- 1. 时序进度 needs no whole-year figure ------------------------------------------------------


def test_within_year_without_any_whole_year_figure(run: Run) -> None:
    out = run("gap", "--year", "2019", "--month", "9", "industrial_output=700", "-F", "json")
    assert out.exit_code == 0, out.stderr
    within = json.loads(out.stdout)["results"][3]["within_year"]
    # the annual goal of the deadline year is the target itself: 700 / 1000 against 9 / 12
    assert within == {
        "year": 2019, "month": 9, "value": 700, "annual_goal": 1000, "completion": 0.7,
        "time_elapsed": 0.75, "lead_points": -5.0, "yoy_growth": None,
        "required_yoy_growth": None, "time_basis": "months",
    }  # fmt: skip


def test_one_year_plan_within_year() -> None:
    plan = parse_plan(
        HEADER.replace("start: 2021, end: 2025", "start: 2021, end: 2021")
        + "  - {id: investment, name: 固定资产投资, name_en: Investment, kind: level, unit: 亿元, comparison: '>=',"
        " value: 80, deadline: 2021, flow: true}\n",
        "t.yaml",
    )
    figures = load_figures(plan, pairs=["investment=50"], year=2021, month=6)
    within = assess(plan, figures).results[0].within_year
    assert within is not None
    assert within.annual_goal == Decimal(80)
    assert within.completion == pytest.approx(0.625)
    assert within.lead_points == pytest.approx(12.5)


# -- 2. A base that already meets the target ------------------------------------------------------

UNEMPLOYMENT = """\
  - id: unemployment
    name: 城镇调查失业率
    name_en: Surveyed urban unemployment rate
    kind: level
    unit: "%"
    comparison: "<"
    value: 5.5
    deadline: 2025
    baseline: {year: 2020, value: 5.2}
"""


def test_ceiling_met_at_base_is_achieved_without_negative_progress() -> None:
    plan = table(UNEMPLOYMENT)
    result = figures_of(plan, "unemployment,2022,5.0,,,\n").results[0]
    assert (result.status, result.early) == (Status.ACHIEVED, True)
    # (5.0 − 5.2) / (5.5 − 5.2) would be −67% of the task and 5.3 years "behind the path"
    assert result.task_progress is None
    assert result.years_ahead is None
    assert result.required_growth is None


def test_ceiling_met_at_base_path_says_met() -> None:
    from shuangshi_cli.scenarios import paths

    plan = table(UNEMPLOYMENT)
    found = paths(figures_of(plan, "unemployment,2022,5.0,,,\n"))
    assert len(found) == 1
    path = found[0]
    assert path.met_at_base
    # no path from 5.2 towards 5.5: every year stands at the ceiling, and 5.0 is on its good side
    assert {y.path for y in path.years} == {5.5}
    assert [(y.year, y.ahead) for y in path.years if y.figure is not None] == [
        (2020, True), (2022, True),
    ]  # fmt: skip


def test_ceiling_met_at_base_then_broken_is_not_achieved() -> None:
    plan = table(UNEMPLOYMENT)
    result = figures_of(plan, "unemployment,2022,5.6,,,\n").results[0]
    assert result.status is Status.DETERIORATION
    assert result.task_progress is None


def test_ceiling_met_at_base_path_caption(tmp_path: Path, run: Run) -> None:
    plan_file = tmp_path / "t.yaml"
    plan_file.write_text(HEADER + UNEMPLOYMENT, encoding="utf-8")
    out = run("path", "-t", str(plan_file), "--year", "2022", "--figure", "unemployment=5.0",
              "-F", "json")  # fmt: skip
    assert out.exit_code == 0, out.stderr
    record = json.loads(out.stdout)["paths"][0]
    assert record["met_at_base"] is True
    assert record["years_ahead"] is None
    text = run("path", "-t", str(plan_file), "--year", "2022", "--figure", "unemployment=5.0")
    assert "met in the base year" in text.stdout
    assert "years behind" not in text.stdout


# -- 3. A change target needs its base-year figure ------------------------------------------------

ENERGY = """\
  - id: energy_intensity
    name: 单位GDP能源消耗
    name_en: Energy use per unit of GDP
    kind: change
    unit: "%"
    comparison: "<="
    value: -13.5
    deadline: 2025
    figure_unit: 吨标准煤/万元
"""


def test_change_without_base_year_figure_is_insufficient() -> None:
    plan = table(ENERGY)
    result = figures_of(plan, "energy_intensity,2022,0.50,,,\nenergy_intensity,2023,0.49,,,\n")
    found = result.results[0]
    assert found.status is Status.INSUFFICIENT_DATA
    assert found.base is None
    assert (found.task_progress, found.gap, found.target_level) == (None, None, None)


def test_change_with_text_value_of_an_earlier_year_is_insufficient() -> None:
    plan = table(ENERGY + "    baseline: {year: 2019, value: 0.55}\n")
    found = figures_of(plan, "energy_intensity,2023,0.49,,,\n").results[0]
    assert found.status is Status.INSUFFICIENT_DATA


def test_change_with_base_year_figure_is_measured() -> None:
    plan = table(ENERGY)
    rows = "energy_intensity,2020,0.50,,,\nenergy_intensity,2023,0.45,,,\n"
    found = figures_of(plan, rows).results[0]
    assert found.base is not None and found.base.year == 2020
    # down 10% in 3 of 5 years; ln(0.9) / ln(0.865) = −0.10536 / −0.14503 = 72.65% of the task
    assert found.gap == Decimal("3.5")
    assert found.task_progress == pytest.approx(0.72650, abs=1e-5)


# -- 4. No stale pace -------------------------------------------------------------------------

URBAN = """\
plan:
  title: 测试规划
  issuer: 测试
  issued: 2016-03-16
  region: {name: 某市}
  period: {start: 2016, end: 2020}
  base_year: 2015
targets:
  - {id: urban, name: 城镇化率, name_en: Urbanisation, kind: level, unit: "%", comparison: ">=",
     value: 60, deadline: 2020}
  - {id: gdp, name: 地区生产总值, name_en: GDP, kind: level, unit: 亿元, comparison: ">=",
     value: 500, deadline: 2022}
"""


def test_no_required_pace_after_the_deadline() -> None:
    plan = parse_plan(URBAN, "t.yaml")
    # 51% in 2015, nothing since; the assessment stands in 2020, the deadline
    found = figures_of(plan, "urban,2015,51,,,\n", as_of=2020).results[0]
    assert found.required_growth is None
    assert found.required_from is None


def test_required_pace_says_which_year_it_starts_from(run: Run, tmp_path: Path) -> None:
    plan = parse_plan(URBAN, "t.yaml")
    found = figures_of(plan, "urban,2015,51,,,\ngdp,2018,400,,,\n").results[0]
    # from 51% in 2015: 9 points in 5 years, 1.8 a year, as seen in 2018
    assert found.required_growth == pytest.approx(1.8)
    assert found.required_from == 2015
    plan_file = tmp_path / "t.yaml"
    plan_file.write_text(URBAN, encoding="utf-8")
    rows = tmp_path / "f.csv"
    rows.write_text("indicator,year,value\nurban,2015,51\ngdp,2018,400\n", encoding="utf-8")
    out = run("gap", "-t", str(plan_file), "-f", str(rows), "-F", "json")
    record = json.loads(out.stdout)["results"][0]
    assert (record["required_growth"], record["required_growth_from"]) == (1.8, 2015)
    text = run("gap", "-t", str(plan_file), "-f", str(rows), "--lang", "zh", "-F", "markdown")
    assert "+1.8个百分点/年（自2015年）" in text.stdout


# -- 9. Changes as bulletins publish them ------------------------------------------------------

YEARLY = ENERGY.replace("figure_unit: 吨标准煤/万元", 'figure_unit: "%"')


def test_yearly_changes_are_chained() -> None:
    plan = table(YEARLY)
    rows = "energy_intensity,2021,-2.7,,,\nenergy_intensity,2022,-0.1,,,\nenergy_intensity,2023,-0.5,,,\n"
    found = figures_of(plan, rows).results[0]
    # 100 × 0.973 × 0.999 × 0.995 = 96.7166865: down 3.28% of the 13.5% to go
    assert found.base is not None and (found.base.year, found.base.value) == (2020, Decimal(100))
    assert found.latest is not None and found.latest.value == Decimal("96.7166865")
    assert found.target_level == Decimal("86.5")
    assert found.gap == Decimal("10.2166865")
    # the official log method: ln(0.967166865) / ln(0.865) = 23.0% of the task in 60% of the time
    assert found.task_progress == pytest.approx(0.2301952, abs=1e-7)
    assert found.status is Status.LIMITED_PROGRESS


def test_yearly_changes_need_every_year() -> None:
    from shuangshi_cli.errors import FiguresError

    plan = table(YEARLY)
    with pytest.raises(FiguresError) as caught:
        figures_of(plan, "energy_intensity,2021,-2.7,,,\nenergy_intensity,2023,-0.5,,,\n")
    assert "2022 is missing" in str(caught.value)


def test_cumulative_change_formula() -> None:
    from shuangshi_cli import formulas

    # 1 − (1 − 0.027)(1 − 0.001)(1 − 0.005) = 3.28%
    changes = [Decimal("-2.7"), Decimal("-0.1"), Decimal("-0.5")]
    assert formulas.cumulative_change(changes) == Decimal("-3.28331350")


@given(st.lists(st.decimals(min_value=-30, max_value=30, places=1), min_size=1, max_size=5))
def test_chained_yearly_changes_are_the_cumulative_change(changes: list[Decimal]) -> None:
    from shuangshi_cli import formulas

    plan = table(YEARLY)
    rows = "".join(f"energy_intensity,{2021 + i},{d},,,\n" for i, d in enumerate(changes))
    found = figures_of(plan, rows).results[0]
    assert found.latest is not None
    assert found.latest.value / 100 - 1 == pytest.approx(
        formulas.cumulative_change(changes) / 100, abs=Decimal("1e-20")
    )
    # met exactly when the cumulative fall reaches 13.5%
    assert (found.status is Status.ACHIEVED) == (formulas.cumulative_change(changes) <= -13.5)


def test_a_month_figure_of_one_target_leaves_the_others_pace_required(
    run: Run, tmp_path: Path
) -> None:
    """A January–September figure of fiscal revenue puts the assessment in 2019, the deadline:
    GDP's latest figure is 2018's, and the growth 2019 must deliver stays its answer (13.6%)."""
    rows = tmp_path / "f.csv"
    rows.write_text(
        "indicator,year,value,month\ngdp,2018,352.1,\nfiscal_revenue,2019,38,9\n",
        encoding="utf-8",
    )
    out = run("gap", "-f", str(rows), "-F", "json")
    assert out.exit_code == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["as_of"] == 2019
    gdp = payload["results"][0]
    assert gdp["required_growth"] == pytest.approx(400 / 352.1 - 1)
    assert gdp["required_growth_from"] == 2018
