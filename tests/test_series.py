"""Issue 10, item 6: one indicator, several targets — "GDP > 92.7万亿元, 年均增长6.5%以上" read from
one row of figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shuangshi_cli.assess import assess
from shuangshi_cli.errors import FiguresError, PlanError
from shuangshi_cli.figures import load_figures
from shuangshi_cli.plan import parse_plan
from shuangshi_cli.status import Status
from tests.test_real_tables import HEADER, figures_of

TARGETS = """\
  - {id: gdp, name: 国内生产总值, name_en: GDP, kind: level, unit: 万亿元, comparison: ">",
     value: 92.7, deadline: 2025, flow: true}
  - {id: gdp_growth, name: 国内生产总值年均增长, name_en: GDP growth, kind: growth, unit: "%",
     comparison: ">=", value: 6.5, figure_unit: 亿元, series: gdp, deadline: 2025}
"""


def test_one_row_serves_both_targets() -> None:
    plan = parse_plan(HEADER + TARGETS, "t.yaml")
    level, growth = figures_of(plan, "gdp,2020,70,,,\ngdp,2022,80,,,\n").results
    # 6.90% a year against (92.7 / 70)^(1/5) − 1 = 5.78% needed
    assert (level.gap, level.status) == (Decimal("12.7"), Status.ON_TRACK)
    # the growth target reads the same figures, converted to its 亿元: 700000 → 800000
    assert growth.base is not None and growth.base.value == Decimal(700000)
    assert growth.latest is not None and growth.latest.value == Decimal(800000)
    assert growth.observed_growth == pytest.approx((80 / 70) ** 0.5 - 1)  # 6.90% a year
    assert growth.target_level == pytest.approx(Decimal(700000) * Decimal("1.065") ** 5)
    assert growth.status is Status.ON_TRACK


def test_within_year_of_the_series() -> None:
    plan = parse_plan(HEADER + TARGETS, "t.yaml")
    figures = load_figures(plan, pairs=["gdp=46.35"], year=2025, month=6)
    first = assess(plan, figures).results[0]
    assert first.within_year is not None
    assert first.within_year.completion == pytest.approx(0.5)


def test_figures_of_the_reading_target_are_refused() -> None:
    plan = parse_plan(HEADER + TARGETS, "t.yaml")
    with pytest.raises(FiguresError) as caught:
        load_figures(plan, pairs=["gdp_growth=80"], year=2022)
    assert "gdp_growth reads the figures of gdp: give them as gdp" in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("series: gdp", "series: gpd", "targets[1].series: no other target with id 'gpd'"),
        ("figure_unit: 亿元", "figure_unit: 吨",
         "targets[1].series: the figures of gdp are in 万亿元, which does not fit 吨"),
    ],
)  # fmt: skip
def test_series_plan_errors(old: str, new: str, message: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_plan(HEADER + TARGETS.replace(old, new), "t.yaml")
    assert any(f"{p.field}: {p.message}".startswith(message) for p in caught.value.problems)


def test_template_leaves_out_targets_that_read_another_series() -> None:
    from shuangshi_cli.template import template_rows

    plan = parse_plan(HEADER + TARGETS, "t.yaml")
    assert {row["indicator"] for row in template_rows(plan)} == {"gdp"}


def test_the_series_baseline_in_the_text_is_the_growth_targets_base() -> None:
    """The level states 2020 = 70万亿元 in the text; with a 2022 figure only, the growth target
    reads the same base (in its 亿元), not 2022's figure as a base after the base year."""
    text = TARGETS.replace(
        "value: 92.7, deadline: 2025, flow: true}",
        "value: 92.7, deadline: 2025, flow: true, baseline: {year: 2020, value: 70}}",
    )
    plan = parse_plan(HEADER + text, "t.yaml")
    level, growth = figures_of(plan, "gdp,2022,80,,,\n").results
    assert level.base is not None and level.base.value == Decimal(70)
    assert growth.base is not None and growth.base.year == 2020
    assert growth.base.value == Decimal(700000)
    assert growth.observed_growth == pytest.approx((80 / 70) ** 0.5 - 1)
