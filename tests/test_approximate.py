"""Issue 10, item 8: approximate targets (左右): a band, met inside it, statuses on both sides."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuangshi_cli import formulas
from shuangshi_cli.errors import PlanError
from shuangshi_cli.kinds.approximate import Band, side_of
from shuangshi_cli.plan import parse_plan
from shuangshi_cli.status import Status
from tests.test_real_tables import HEADER, figures_of

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

SHARE = """\
  - id: share
    name: 某产业增加值占比
    name_en: Industry share
    kind: approximate
    unit: "%"
    value: 15
    deadline: 2025
"""
COUNT = """\
  - id: parks
    name: 园区数量
    name_en: Parks
    kind: approximate
    unit: 个
    value: 40
    tolerance: 4
    deadline: 2025
"""


def _plan(targets: str) -> Plan:
    return parse_plan(HEADER + targets, "t.yaml")


@pytest.mark.parametrize(
    ("rows", "status", "side", "gap"),
    [
        ("share,2020,12,,,\nshare,2025,15.3,,,\n", Status.ACHIEVED, "inside", Decimal(0)),
        ("share,2020,12,,,\nshare,2025,14.5,,,\n", Status.ACHIEVED, "inside", Decimal(0)),
        ("share,2020,12,,,\nshare,2025,14.2,,,\n", Status.MISSED, "below", Decimal("0.3")),
        ("share,2020,12,,,\nshare,2025,16.1,,,\n", Status.MISSED, "above", Decimal("0.6")),
        ("share,2020,12,,,\nshare,2023,15.2,,,\n", Status.ON_TRACK, "inside", Decimal(0)),
        # 12 → 13 in 3 of 5 years: 1/3 point a year against (14.5 − 12) / 5 = 0.5: R = 0.667
        ("share,2020,12,,,\nshare,2023,13,,,\n", Status.ACCELERATION_NEEDED, "below", Decimal("1.5")),
        # 18 → 17: down 1/3 a year against (15.5 − 18) / 5 = −0.5 needed: R = 0.667
        ("share,2020,18,,,\nshare,2023,17,,,\n", Status.ACCELERATION_NEEDED, "above", Decimal("1.5")),
        # 18 → 19 moves away from the band above it
        ("share,2020,18,,,\nshare,2023,19,,,\n", Status.DETERIORATION, "above", Decimal("3.5")),
    ],
)  # fmt: skip
def test_band_statuses_on_both_sides(rows: str, status: Status, side: str, gap: Decimal) -> None:
    result = figures_of(_plan(SHARE), rows).results[0]
    assert result.band is not None
    # the documented default for %: ± 0.5 percentage point
    assert (result.band.low, result.band.high) == (Decimal("14.5"), Decimal("15.5"))
    assert (result.status, result.band.side, result.gap) == (status, side, gap)


def test_band_required_pace_to_the_nearer_edge() -> None:
    result = figures_of(_plan(SHARE), "share,2020,12,,,\nshare,2023,13,,,\n").results[0]
    assert result.required_growth == pytest.approx(0.75)  # (14.5 − 13) / 2
    assert result.pace_ratio == pytest.approx((1 / 3) / 0.5)


def test_tolerance_stated_by_the_plan_and_default_for_levels() -> None:
    result = figures_of(_plan(COUNT), "parks,2025,44,,,\n").results[0]
    assert result.band is not None
    assert (result.band.low, result.band.high, result.status) == (
        Decimal(36),
        Decimal(44),
        Status.ACHIEVED,
    )
    assert formulas.default_tolerance(Decimal(15), percent=False) == Decimal("0.75")


def test_approximate_takes_no_comparison() -> None:
    with pytest.raises(PlanError) as caught:
        _plan(SHARE.replace("    value: 15\n", "    value: 15\n    comparison: '>'\n"))
    assert [p.message for p in caught.value.problems] == [
        "an approximate (左右) target has a band, not a comparison"
    ]


def test_approximate_in_json_and_table(tmp_path: Path, run: Run) -> None:
    plan = tmp_path / "t.yaml"
    plan.write_text(HEADER + SHARE, encoding="utf-8")
    out = run("gap", "-t", str(plan), "--year", "2025", "share=16.1", "-F", "json")
    record = json.loads(out.stdout)["results"][0]
    assert record["band"] == {"low": 14.5, "high": 15.5, "tolerance": 0.5, "side": "above"}
    assert record["status"] == "missed"
    zh = run("gap", "-t", str(plan), "--year", "2025", "share=16.1", "-F", "markdown", "-l", "zh")
    assert "| 15%左右（14.5%–15.5%）（2025） | 高于区间0.6个百分点 |" in zh.stdout


@given(
    st.decimals(min_value=-1000, max_value=1000, places=2),
    st.decimals(min_value=Decimal("0.01"), max_value=100, places=2),
    st.decimals(min_value=-2000, max_value=2000, places=2),
)
def test_inside_exactly_when_within_tolerance(value: Decimal, tol: Decimal, x: Decimal) -> None:
    low, high = formulas.band(value, tol)
    side = side_of(x, Band(low, high, tol))
    assert (side == "inside") == (abs(x - value) <= tol)
