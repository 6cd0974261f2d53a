"""Each formula against numbers worked by hand, and properties that must hold for any numbers."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from shuangshi_cli import formulas
from shuangshi_cli.formulas import COMPOUND, LINEAR
from shuangshi_cli.status import Status

D = Decimal


def test_time_and_task_progress_by_hand() -> None:
    assert formulas.time_progress(2016, 2018, 2019) == pytest.approx(2 / 3)
    assert formulas.time_progress(2016, 2016, 2016) is None
    # 30 → 41.2 on the way to 50: 11.2 / 20 = 56%
    assert formulas.task_progress(D(30), D("41.2"), D(50)) == pytest.approx(0.56)
    assert formulas.task_progress(D(5), D(5), D(5)) is None


def test_log_task_progress_of_a_cumulative_fall() -> None:
    # A 13.4% fall against a 16% target: ln(0.866) / ln(0.84) = 82.5% of the task.
    share = formulas.log_task_progress(D(1), D("0.866"), D("0.84"))
    assert share == pytest.approx(0.8252, abs=1e-4)


def test_annual_rates_by_hand() -> None:
    # Excel RRI(2, 352.1, 400) = (400/352.1)^(1/2) − 1 = 6.5852%
    assert formulas.annual_rate(D("352.1"), D(400), 2, COMPOUND) == pytest.approx(
        0.065852, abs=1e-6
    )
    # ranks: 10th to 8th in two years is one place a year up
    assert formulas.annual_rate(D(10), D(8), 2, LINEAR) == -1.0
    assert formulas.annual_rate(D(0), D(8), 2, COMPOUND) is None
    assert formulas.annual_rate(D(1), D(8), 0, COMPOUND) is None


def test_pace_ratio_and_classes() -> None:
    assert formulas.pace_ratio(0.05, 0.10, True) == 0.5
    assert formulas.pace_ratio(-1.0, -5 / 3, False) == pytest.approx(0.6)
    assert formulas.pace_ratio(0.05, -0.01, True) is None
    cases = [(1.2, Status.ON_TRACK), (0.95, Status.ON_TRACK), (0.949, Status.ACCELERATION_NEEDED),
             (0.6, Status.ACCELERATION_NEEDED), (0.59, Status.LIMITED_PROGRESS),
             (0.0, Status.LIMITED_PROGRESS), (-0.01, Status.DETERIORATION)]  # fmt: skip
    for ratio, status in cases:
        assert formulas.classify(ratio, 0.95, 0.60) is status


def test_projection_and_first_year() -> None:
    assert formulas.project(D(100), 0.1, 2, COMPOUND) == pytest.approx(121)
    assert formulas.project(D(8), -1.0, 3, LINEAR) == 5
    assert formulas.first_year_meeting(D(8), 2018, -1.0, D(5), False, LINEAR) == 2021
    assert formulas.first_year_meeting(D(8), 2018, -1.0, D(5), False, LINEAR) == 2021
    assert formulas.first_year_meeting(D(8), 2018, -0.9, D(5), False, LINEAR) == 2022
    assert formulas.first_year_meeting(D(100), 2018, 0.1, D(121), True, COMPOUND) == 2020
    assert formulas.first_year_meeting(D(100), 2018, -0.1, D(121), True, COMPOUND) is None


def test_implied_levels() -> None:
    assert formulas.growth_target_level(D(100), D(10), 2) == D("121.00")
    assert formulas.change_target_level(D(1), D(-16), relative=True) == D("0.84")
    assert formulas.change_target_level(D("57.2"), D(3), relative=False) == D("60.2")


money = st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2)
years = st.integers(min_value=1, max_value=15)


@given(money, money, years)
def test_required_compound_growth_reproduces_the_target(
    v: Decimal, target: Decimal, n: int
) -> None:
    rate = formulas.annual_rate(v, target, n, COMPOUND)
    assert rate is not None
    assert formulas.project(v, rate, n, COMPOUND) == pytest.approx(float(target), rel=1e-7)


@given(st.decimals(min_value=-1000, max_value=1000, places=3),
       st.decimals(min_value=-1000, max_value=1000, places=3), years)  # fmt: skip
def test_required_linear_growth_reproduces_the_target(v: Decimal, target: Decimal, n: int) -> None:
    rate = formulas.annual_rate(v, target, n, LINEAR)
    assert rate is not None
    assert formulas.project(v, rate, n, LINEAR) == pytest.approx(float(target), abs=1e-9)


@given(money, money, years)
def test_first_year_at_required_growth_is_the_deadline(v: Decimal, target: Decimal, n: int) -> None:
    assume(target > v * D("1.001"))
    rate = formulas.annual_rate(v, target, n, COMPOUND)
    assert rate is not None
    year = formulas.first_year_meeting(v, 2000, rate, target, True, COMPOUND)
    assert year == 2000 + n


@given(
    st.floats(min_value=-5, max_value=5, allow_nan=False),
    st.floats(min_value=-5, max_value=5, allow_nan=False),
)
def test_classification_is_monotone(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert formulas.classify(high, 0.95, 0.6).severity <= formulas.classify(low, 0.95, 0.6).severity


@given(money, money, years)
def test_log_progress_is_one_at_the_target(v0: Decimal, target: Decimal, n: int) -> None:
    assume(v0 != target)
    share = formulas.log_task_progress(v0, target, target)
    assert share is not None
    assert math.isclose(share, 1.0)


def test_shares_and_catch_up_by_hand() -> None:
    assert formulas.reached_share(D("352.1"), D(400)) == pytest.approx(0.88025)
    assert formulas.change_on(D("30.6"), D(27)) == pytest.approx(0.1333333333)
    # 350 now; the rival at 372 grows 9.41% a year: in one year it stands at 407.0 → 16.3%
    assert formulas.catch_up_growth(D(350), D(372), 372 / 340 - 1, 1) == pytest.approx(
        372 * 372 / 340 / 350 - 1
    )


def test_a_change_too_small_for_a_float_has_no_log_share() -> None:
    """T / v0 that is 1 to a float's precision (a cumulative fall of 1e-20%) has no share of
    the task to measure, and no path to stand ahead of: None, not a division by zero."""
    v0 = Decimal(12)
    target = formulas.change_target_level(v0, Decimal("-1e-20"), relative=True)
    assert target != v0
    assert formulas.log_task_progress(v0, Decimal(11), target) is None
    assert formulas.years_ahead(v0, target, 2015, 2020, Decimal(11), 2017, COMPOUND) is None
    assert formulas.log_task_progress(v0, Decimal(11), Decimal("10.08")) == pytest.approx(
        math.log(11 / 12) / math.log(0.84)
    )
