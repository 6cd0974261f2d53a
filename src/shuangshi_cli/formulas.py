"""Every formula of the assessment, one function each, with the formula and its source.

Figures and targets are Decimals (exact); rates come back as floats, as fractions (0.085 = 8.5%).
Nothing here knows about files, plans or output.
"""

from __future__ import annotations

import math
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from shuangshi_cli.status import Status


class Progress(StrEnum):
    """How an indicator moves between years: compound (money) or linear (rates, ranks)."""

    COMPOUND = "compound"
    LINEAR = "linear"


COMPOUND, LINEAR = Progress.COMPOUND, Progress.LINEAR
# The years a figure, a base or a deadline may have; projections stop at the last.
FIRST_YEAR, LAST_YEAR = 1949, 2100


def _quotient(a: Decimal | int, b: Decimal | int) -> float:
    """a / b as the float nearest the exact quotient: float(Fraction(a) / Fraction(b)), without
    building Fractions (the division of two ints is correctly rounded). ZeroDivisionError if b = 0.
    """
    n1, d1 = a.as_integer_ratio()
    n2, d2 = b.as_integer_ratio()
    if n1 == 0:
        if n2 == 0:
            raise ZeroDivisionError("division by zero")
        return 0.0
    return (n1 * d2) / (d1 * n2)


def time_progress(t0: int, t: int, deadline: int) -> float | None:
    """时间进度: share of the plan period that has passed, (t − t0) / (D − t0); None if D ≤ t0."""
    if deadline <= t0:
        return None
    return (t - t0) / (deadline - t0)


def task_progress(v0: Decimal, v: Decimal, target: Decimal) -> float | None:
    """任务进度: share of the way from base to target covered, (v − v0) / (T − v0).

    The "时间过半、任务过半" comparison of Chinese plan reviews. None when T = v0.
    """
    if target == v0:
        return None
    return _quotient(v - v0, target - v0)


def log_task_progress(v0: Decimal, v: Decimal, target: Decimal) -> float | None:
    """任务进度 of a cumulative relative change, compounding: ln(v / v0) / ln(T / v0).

    How official reviews count a 累计下降 target: a 13.4% fall against a 16% target is
    ln(1 − 0.134) / ln(1 − 0.16) = 82.5% of the task. None when undefined (a value ≤ 0, T = v0).
    """
    if target == v0:
        return None
    return _log_share(v0, v, target)


def _log_share(v0: Decimal, v: Decimal, target: Decimal) -> float | None:
    """ln(v / v0) / ln(T / v0); None when a logarithm is undefined (a value ≤ 0) or T / v0 is 1
    to a float's precision (a change of 1e-20%: no way to measure a share of it)."""
    if v0 <= 0 or v <= 0 or target <= 0:
        return None
    whole = math.log(target / v0)
    if whole == 0:
        return None
    return math.log(v / v0) / whole


def annual_rate(start: Decimal, end: Decimal, years: int, progress: Progress) -> float | None:
    """Average annual change from ``start`` to ``end`` over ``years`` years.

    compound: (end / start)^(1 / years) − 1, Excel's RRI (CAGR); None unless start > 0 and end ≥ 0.
    linear: (end − start) / years, in the indicator's unit per year (ranks: places per year).
    """
    if years <= 0:
        return None
    if progress == LINEAR:
        return _quotient(end - start, years)
    if start <= 0 or end < 0:
        return None
    ratio = _quotient(end, start)
    return math.pow(ratio, 1 / years) - 1


def project(value: Decimal, rate: float, years: int, progress: Progress) -> float:
    """The value ``years`` years on at ``rate``: v × (1 + g)^n compound, v + g × n linear.

    Beyond what a float holds, infinity (JSON writes it as null).
    """
    if progress == LINEAR:
        return float(value) + rate * years
    try:
        return float(value) * math.pow(1 + rate, years)
    except OverflowError:
        return math.inf


def first_year_meeting(
    value: Decimal,
    year: int,
    rate: float,
    target: Decimal,
    higher_is_better: bool,
    progress: Progress,
) -> int | None:
    """The first year after ``year`` in which ``value``, moving ``rate`` a year, meets the target.

    Projects year by year (v × (1 + g)^n or v + g × n) up to LAST_YEAR; None when the pace never
    gets there (standing still or moving away from the target). A projection that lands on the
    target (to 12 digits) meets it, whether the comparison is strict or not: projections are not
    figures, and the growth that "reaches the target exactly" must read as meeting it.
    """
    sign = 1 if higher_is_better else -1
    if sign * rate <= 0:
        return None
    goal = float(target)
    for n in range(1, LAST_YEAR - year + 1):
        projected = project(value, rate, n, progress)
        close = math.isclose(projected, goal, rel_tol=1e-12, abs_tol=1e-12)
        if close or sign * (projected - goal) > 0:
            return year + n
    return None


def pace_ratio(observed: float, required: float, higher_is_better: bool) -> float | None:
    """R = direction × observed growth / |growth required from base to target|.

    The Open SDG progress method (open-sdg/sdg-build, ProgressMeasure.py, after Eurostat): the
    pace achieved as a share of the pace the target needs; direction is +1 for higher-is-better
    targets and −1 for lower-is-better ones. None when no pace is required (the base already met
    the target).
    """
    direction = 1 if higher_is_better else -1
    if direction * required <= 0:
        return None
    return direction * observed / abs(required)


def classify(ratio: float, on_track: float, acceleration_needed: float) -> Status:
    """Status from the pace ratio R (Open SDG thresholds by default 0.95 and 0.60).

    R ≥ on_track → on_track; R ≥ acceleration_needed → acceleration_needed;
    R ≥ 0 → limited_progress; R < 0 → deterioration.
    """
    if ratio >= on_track:
        return Status.ON_TRACK
    if ratio >= acceleration_needed:
        return Status.ACCELERATION_NEEDED
    if ratio >= 0:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION


def growth_target_level(v0: Decimal, rate_percent: Decimal, years: int) -> Decimal:
    """The level an average annual growth target implies: v0 × (1 + g)^(D − t0).

    年均增长 g over the plan is met exactly when the level at the deadline reaches this.
    """
    return v0 * (1 + rate_percent / 100) ** years


def change_target_level(v0: Decimal, change: Decimal, relative: bool) -> Decimal:
    """The level a cumulative change target implies: v0 × (1 + c) relative, v0 + c absolute.

    累计下降15% from v0 is v0 × 0.85; 提高3个百分点 from 57.2% is 60.2%.
    """
    return v0 * (1 + change / 100) if relative else v0 + change


def path_value(
    v0: Decimal, target: Decimal, t0: int, deadline: int, year: float, progress: Progress
) -> float:
    """The value on the path from base (t0, v0) to target (D, T) in ``year``.

    compound: v0 × (T / v0)^((y − t0) / (D − t0)); linear: v0 + (T − v0) × (y − t0) / (D − t0).
    At t0 it is v0 and at D it is T (exactly so for linear paths).
    """
    share = (year - t0) / (deadline - t0)
    if progress == LINEAR:
        return float(v0) + float(target - v0) * share
    return float(v0) * math.pow(float(target) / float(v0), share)


def years_ahead(
    v0: Decimal,
    target: Decimal,
    t0: int,
    deadline: int,
    value: Decimal,
    year: int,
    progress: Progress,
) -> float | None:
    """Sicherl's S-time-distance: when the base-to-target path reaches ``value``, minus ``year``.

    τ = t0 + (D − t0) × ln(v / v0) / ln(T / v0) compound, t0 + (D − t0) × (v − v0) / (T − v0)
    linear; the result τ − t is positive when the figure stands where the path would stand later
    (ahead), negative when behind. None when the path is flat or the logarithms are undefined.
    """
    if target == v0 or deadline == t0:
        return None
    if progress == LINEAR:
        share: float | None = _quotient(value - v0, target - v0)
    else:
        share = _log_share(v0, value, target)
    if share is None:
        return None
    return t0 + (deadline - t0) * share - year


def nominal_from_real(real: float, deflator: float) -> float:
    """Nominal growth from real growth and the price deflator: (1 + r)(1 + d) − 1."""
    return (1 + real) * (1 + deflator) - 1


def real_from_nominal(nominal: float, deflator: float) -> float:
    """Real growth in a nominal growth, given the price deflator: (1 + n) / (1 + d) − 1."""
    return (1 + nominal) / (1 + deflator) - 1


def completion(cumulative: Decimal, annual_goal: Decimal) -> float:
    """完成年度目标的比例: the cumulative figure from January as a share of the annual goal."""
    return _quotient(cumulative, annual_goal)


def lead_points(cumulative: Decimal, annual_goal: Decimal, time_elapsed: Fraction) -> float:
    """高于(+)/低于(−)时序进度的百分点: (cumulative / annual goal − time elapsed) × 100, exactly,
    as the nearest float: 37.825 of 50 after 9 months leads by 0.65 points, not 0.6499…, so the
    lead rounds as the completion (75.65% → 75.7%) and the time elapsed (75.0%) it joins do."""
    return float((Fraction(cumulative) / Fraction(annual_goal) - time_elapsed) * 100)


def reached_share(value: Decimal, target: Decimal) -> float:
    """完成目标的比例 of a level target: v / T."""
    return _quotient(value, target)


def change_on(current: Decimal, previous: Decimal) -> float:
    """Growth over a previous figure (同比增长): current / previous − 1."""
    return _quotient(current, previous) - 1


def catch_up_growth(own: Decimal, rival: Decimal, rival_growth: float, years: int) -> float:
    """The annual growth that brings ``own`` to where ``rival`` will be in ``years`` years if it
    keeps growing at ``rival_growth``: (V_rival × (1 + g_rival)^n / v_own)^(1 / n) − 1."""
    rival_then = project(rival, rival_growth, years, COMPOUND)
    return math.pow(rival_then / float(own), 1 / years) - 1


# -- real plan tables: bands, relative growth, chained real growth and yearly changes --------------


def default_tolerance(value: Decimal, percent: bool) -> Decimal:
    """The half-width of a 左右 band the plan does not state: 0.5 percentage point for a value in %
    ("增长6%左右" reads 5.5–6.5%), else 5% of the value ("15左右" reads 14.25–15.75).

    No official rule fixes the width; this is the project's documented default, to be overridden
    by the plan's ``tolerance`` wherever the plan or its review says otherwise.
    """
    if percent:
        return Decimal("0.5")
    return abs(value) * Decimal("0.05")


def band(value: Decimal, tolerance: Decimal) -> tuple[Decimal, Decimal]:
    """The band of a 左右 target, [value − tolerance, value + tolerance], exact."""
    return value - tolerance, value + tolerance


def average_of_rates(rates: list[float]) -> float | None:
    """The average annual rate of a run of annual rates: (Π(1 + g_i))^(1 / n) − 1.

    The geometric mean, as 年均增长 is computed from a statistical yearbook's annual growth rates
    (国家统计局, 统计年鉴 "发展速度" tables). None for no rates, or a fall of 100% or more.
    """
    if not rates:
        return None
    product = 1.0
    for rate in rates:
        product *= 1 + rate
    if product <= 0:
        return None
    return math.pow(product, 1 / len(rates)) - 1


def chained_level(base: Decimal, rates_percent: list[Decimal]) -> Decimal:
    """A level at constant prices from the base and each year's real growth: v0 × Π(1 + g_i).

    Bulletins publish "按可比价格计算，比上年增长6.1%": chaining the years from the base gives the
    real level a 按基期价格计算 target is measured on. Exact (Decimal).
    """
    level = base
    for rate in rates_percent:
        level = level * (1 + rate / 100)
    return level


def cumulative_change(changes_percent: list[Decimal]) -> Decimal:
    """The cumulative relative change of yearly changes, in %: (Π(1 + d_i) − 1) × 100.

    A fall is a negative d: "比上年下降2.7%" is d = −2.7, and the fall over the years is
    1 − Π(1 − fall_i), as 单位GDP能耗 is counted in 国家统计局's bulletins. Exact (Decimal).
    """
    product = Decimal(1)
    for change in changes_percent:
        product *= 1 + change / 100
    return (product - 1) * 100
