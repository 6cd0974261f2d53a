"""Issue 10, item 5: level targets at constant prices, measured on the real level chained from the
base and each year's real growth, never silently on a nominal figure."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuangshi_cli import formulas
from shuangshi_cli.assess import Note
from shuangshi_cli.errors import FiguresError
from shuangshi_cli.plan import parse_plan
from shuangshi_cli.status import Status
from tests.test_real_tables import HEADER, figures_of

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run

OUTPUT = """\
  - {id: output, name: 地区生产总值, name_en: Output, kind: level, unit: 亿元, comparison: ">",
     value: 420, deadline: 2025, flow: true, price_basis: constant, price_year: 2020,
     source: 按2020年价格计算超420亿元}
"""
# The example: base 2020 = 300, real growth 2021–2024 of 7.0, 6.5, 6.8, 7.2%, and a
# nominal 2024 figure of 430 that must not count.
ROWS = (
    "output,2020,300,,,\noutput,2021,7.0,%,,\noutput,2022,6.5,%,,\noutput,2023,6.8,%,,\n"
    "output,2024,7.2,%,,\noutput,2024,430,,,\n"
)


def test_real_level_chained_from_real_growth() -> None:
    plan = parse_plan(HEADER + OUTPUT, "t.yaml")
    result = figures_of(plan, ROWS).results[0]
    assert result.latest is not None
    assert result.latest.year == 2024
    # 300 × 1.07 × 1.065 × 1.068 × 1.072 = 391.39987104
    assert result.latest.value == Decimal("391.39987104")
    assert round(result.latest.value, 2) == Decimal("391.40")
    assert result.required_growth == pytest.approx(420 / 391.39987104 - 1)  # 7.31%
    assert round(result.required_growth * 100, 2) == 7.31  # type: ignore[operator]
    assert result.status is not Status.ACHIEVED
    assert Note.REAL_CHAINED in result.notes
    assert Note.NOMINAL_LEVEL not in result.notes


def test_nominal_level_alone_is_compared_and_said() -> None:
    plan = parse_plan(HEADER + OUTPUT, "t.yaml")
    result = figures_of(plan, "output,2020,300,,,\noutput,2024,430,,,\n").results[0]
    assert result.latest is not None and result.latest.value == 430
    assert result.status is Status.ACHIEVED
    assert Note.NOMINAL_LEVEL in result.notes


def test_real_growth_needs_every_year() -> None:
    plan = parse_plan(HEADER + OUTPUT, "t.yaml")
    with pytest.raises(FiguresError) as caught:
        figures_of(plan, "output,2020,300,,,\noutput,2021,7,%,,\noutput,2023,6.8,%,,\n")
    assert "output: real growth is chained from 2020; 2022 is missing" in str(caught.value)


def test_constant_prices_in_json_and_words(tmp_path: Path, run: Run) -> None:
    plan, figures = tmp_path / "t.yaml", tmp_path / "f.csv"
    plan.write_text(HEADER + OUTPUT, encoding="utf-8")
    figures.write_text("indicator,year,value,unit,status,note\n" + ROWS, encoding="utf-8")
    record = json.loads(run("gap", "-t", str(plan), "-f", str(figures), "-F", "json").stdout)
    result = record["results"][0]
    assert (result["price_basis"], result["price_year"]) == ("constant", 2020)
    assert result["latest"] == {"year": 2024, "value": 391.39987104}
    zh = run("gap", "-t", str(plan), "-f", str(figures), "-F", "markdown", "-l", "zh").stdout
    assert ">420（2020年价格）（2025）" in zh
    assert "不变价水平由基期值与各年可比价增速连乘得出" in zh


@given(
    st.decimals(min_value=1, max_value=10**6, places=2),
    st.lists(st.decimals(min_value=-20, max_value=30, places=1), min_size=1, max_size=5),
    st.decimals(min_value=1, max_value=10**7, places=2),
    st.integers(min_value=1, max_value=10),
)
def test_chained_level_then_required_growth_reproduces_the_target(
    base: Decimal, rates: list[Decimal], target: Decimal, years: int
) -> None:
    level = formulas.chained_level(base, rates)
    required = formulas.annual_rate(level, target, years, formulas.COMPOUND)
    assert required is not None
    assert formulas.project(level, required, years, formulas.COMPOUND) == pytest.approx(
        float(target), rel=1e-9
    )


def test_price_year_needs_constant_prices() -> None:
    from shuangshi_cli.errors import PlanError

    with pytest.raises(PlanError) as caught:
        parse_plan(HEADER + OUTPUT.replace("price_basis: constant, ", ""), "t.yaml")
    assert [p.message for p in caught.value.problems] == [
        "a price year needs price_basis: constant"
    ]


def test_a_growth_target_on_a_constant_price_series_reads_its_real_levels() -> None:
    """年均增长≥6.5% on the series of a level at 2020 prices: the same chained 391.4 in 2024 the
    level target reads, not the nominal 430 beside it (which met 6.5% a year, early)."""
    growth = (
        '  - {id: output_growth, name: 地区生产总值年均增长, kind: growth, unit: "%", '
        'comparison: ">=", value: 6.5, series: output, figure_unit: 亿元, deadline: 2025}\n'
    )
    plan = parse_plan(HEADER + OUTPUT + growth, "t.yaml")
    level, rate = figures_of(plan, ROWS).results
    assert level.latest is not None and rate.latest is not None
    assert rate.latest == level.latest
    assert rate.latest.value == Decimal("391.39987104")
    # (391.39987104 / 300)^(1/4) − 1 = 6.87% a year so far: on track, not achieved
    assert rate.observed_growth == pytest.approx((391.39987104 / 300) ** 0.25 - 1)
    assert rate.status is not Status.ACHIEVED


def test_a_months_real_growth_is_no_amount_to_the_scale_hint(run: Run, tmp_path: Path) -> None:
    """A level at constant prices reads a % figure as its real growth, a month's too: 5.8 is no
    亿元 a thousandth of 30000."""
    from tests.helpers import county_plan

    plan = county_plan(
        tmp_path,
        "  - {id: output, name: 地区生产总值, kind: level, unit: 亿元, comparison: '>',\n"
        "     value: 42000, deadline: 2025, flow: true, price_basis: constant, price_year: 2020}\n",
    )
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,month,value,unit\noutput,2020,,30000,\noutput,2021,,7.0,%\n"
        "output,2022,,6.5,%\noutput,2022,9,5.8,%\n",
        encoding="utf-8",
    )
    out = run("gap", "-t", str(plan), "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert "another unit" not in out.stderr
