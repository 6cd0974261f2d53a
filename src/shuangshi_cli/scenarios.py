"""The path from base to target year by year, and what-if scenarios at an assumed growth.

Pure: builds on an Assessment's results; the formulas live in formulas.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from shuangshi_cli import formulas
from shuangshi_cli.errors import UsageProblem, shown
from shuangshi_cli.formulas import Progress
from shuangshi_cli.plan import Plan
from shuangshi_cli.units import PERCENT, POINTS, RANK, convert, parse_quantity

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment, Point, Result
    from shuangshi_cli.plan import Plan, Target


@dataclass(frozen=True)
class PathYear:
    """One year on the path: where the target's path stands, and the figure if there is one."""

    year: int
    path: float
    figure: Decimal | None
    difference: float | None  # figure − path, in the figures' unit
    ahead: bool | None  # the figure is on the good side of the path


@dataclass(frozen=True)
class TargetPath:
    """The base-to-target path of one target, and the path from the latest figure onwards."""

    result: Result
    base: Point
    level: Decimal
    years: tuple[PathYear, ...]
    from_latest: tuple[tuple[int, float], ...]
    met_at_base: bool = False  # the base meets the target: the path stays at the target


def build_path(result: Result) -> TargetPath | None:
    """The path of ``result``'s target: base year to deadline, compound or linear as it moves.

    None for targets without a base or a level (qualitative, no figures), and for a compound
    path from or to 0.
    """
    base, level, progress = result.base, result.target_level, result.progress
    if base is None or level is None or progress is None or result.target.deadline <= base.year:
        return None
    if progress is Progress.COMPOUND and (base.value <= 0 or level <= 0):
        return None  # no compound path starts or ends at 0
    mode = progress
    deadline = result.target.deadline
    sign = 1 if result.target.higher_is_better else -1
    figures = {p.year: p.value for p in result.series}
    if base.source == "text":
        figures.setdefault(base.year, base.value)
    years = []
    for year in range(base.year, deadline + 1):
        # the path to its 12 significant digits (as annual goals are given), and the figure's
        # difference from it exact: 114.4896 against 114.49 is -0.0004, not -0.000400000000013
        on_path = float(
            f"{formulas.path_value(base.value, level, base.year, deadline, year, mode):.12g}"
        )
        if year == deadline or result.met_at_base:
            on_path = float(level)
        figure = figures.get(year)
        difference = None if figure is None else float(figure - Decimal(repr(on_path)))
        ahead = None if difference is None else sign * difference >= 0
        years.append(PathYear(year, on_path, figure, difference, ahead))
    from_latest: list[tuple[int, float]] = []
    latest = result.latest
    if latest is not None and result.required_growth is not None:
        for year in range(latest.year, deadline + 1):
            n = year - latest.year
            value = formulas.project(latest.value, result.required_growth, n, mode)
            from_latest.append((year, float(level) if year == deadline else value))
    return TargetPath(result, base, level, tuple(years), tuple(from_latest), result.met_at_base)


def paths(assessment: Assessment, target_id: str | None = None) -> list[TargetPath]:
    """Paths of every quantified target (or of one); raises UsageProblem for an unknown id."""
    results = assessment.quantified
    if target_id is not None:
        target = assessment.plan.resolve(target_id)
        if target is None or not target.quantified:
            known = ", ".join(r.target.id for r in results)
            raise UsageProblem.at(f"no quantified target {shown(target_id)}; targets: {known}")
        results = [r for r in results if r.target.id == target.id]
    return [p for p in (build_path(r) for r in results) if p is not None]


def parse_rate(text: str, option: str) -> float:
    """``7.5%``, ``7.5`` or ``-2%`` → 0.075 / 0.075 / -0.02: a growth rate given in percent."""
    try:
        quantity = parse_quantity(text)
    except ValueError as exc:
        raise UsageProblem.at(f"{option}: {exc}") from None
    if quantity.unit not in {None, "%"}:
        raise UsageProblem.at(f"{option}: give a percentage such as 7.5%, not {shown(text)}")
    return float(quantity.value) / 100


def parse_step(
    text: str, option: str, plan: Plan | None = None, target: Target | None = None
) -> float:
    """A linear step per year in the target's unit: ``-1`` place, ``0.8`` (个百分点).

    A unit written with the step must be the target's (or convert to it; 个百分点 for %).
    """
    try:
        quantity = parse_quantity(text)
    except ValueError as exc:
        raise UsageProblem.at(f"{option}: {exc}") from None
    if quantity.unit is None or plan is None or target is None:
        return float(quantity.value)
    wanted = plan.figure_unit(target)
    written = plan.lookup_unit(quantity.unit)
    if written is not None and wanted.dimension == PERCENT and written.dimension == POINTS:
        return float(quantity.value)
    if written is None or written.dimension != wanted.dimension:
        raise UsageProblem.at(
            f"{option}: {target.id} moves by a step in {wanted.symbol} a year (such as "
            f"{'-1' if wanted.dimension == RANK else '0.5'}), not {shown(text)}"
        )
    return float(convert(quantity.value, written, wanted))


def parse_growth(plan: Plan, target_id: str, text: str) -> float:
    """An assumed growth for ``target_id``: a rate in percent if it compounds, else a step per
    year in its unit (``-1`` place for a rank, ``0.8`` points for a rate)."""
    target = plan.resolve(target_id)
    if target is not None and target.quantified and plan.progress(target) is Progress.LINEAR:
        return parse_step(text, "--growth", plan, target)
    return parse_rate(text, "--growth")


# Compound scenarios beyond ±1000% a year are typing mistakes, and overflow floats.
MAX_GROWTH = 10.0


@dataclass(frozen=True)
class Scenario:
    """The figure year by year at one assumed growth, and when it would meet the target."""

    growth: float  # as applied: nominal when a deflator is given; units per year if linear
    assumed: float  # as the user gave it (real when a deflator is given)
    values: tuple[tuple[int, float], ...]
    met_year: int | None

    def met_by(self, deadline: int) -> bool:
        return self.met_year is not None and self.met_year <= deadline


@dataclass(frozen=True)
class WhatIf:
    """What-if scenarios for one target from its latest figure."""

    plan: Plan
    result: Result
    latest: Point
    level: Decimal
    deflator: float | None
    scenarios: tuple[Scenario, ...]
    by: int | None
    required: float | None  # growth needed to meet the target by ``by`` (nominal)
    required_real: float | None  # the real growth it means, given the deflator
    met: bool = False  # the latest figure meets the target already: no growth is needed


def _met_year(
    target: Target,
    latest: Point,
    level: Decimal,
    growth: float,
    mode: Progress,
    values: tuple[tuple[int, float], ...],
) -> int | None:
    """The year a scenario meets the target and holds it to the deadline, as the target is
    judged on the deadline's figure: a latest figure that meets it counts only if the assumed
    growth does not take the figure past it again by then (a fall of 3 points a year from 67%
    misses ≥ 65% in 2025); else the first year the growth reaches it."""
    assert target.comparison is not None
    if target.comparison.holds(latest.value, level):
        at_deadline = dict(values).get(target.deadline)
        if at_deadline is None or target.comparison.holds(Decimal(repr(at_deadline)), level):
            return latest.year
        return None  # moving away from a target met: it is not met again
    return formulas.first_year_meeting(
        latest.value, latest.year, growth, level, target.higher_is_better, mode
    )


def whatif(
    assessment: Assessment,
    target_id: str,
    growths: list[float],
    *,
    by: int | None = None,
    deflator: float | None = None,
) -> WhatIf:
    """Scenarios for ``target_id`` from its latest figure.

    ``growths`` are annual rates (0.075) for compound targets, the unit per year for linear ones;
    with ``deflator`` they are real rates, applied as nominal (1 + r)(1 + d) − 1. ``by`` asks the
    growth that meets the target exactly in that year. Raises UsageProblem for impossible inputs.
    """
    target = assessment.plan.resolve(target_id)
    if target is None or not target.quantified:
        known = ", ".join(r.target.id for r in assessment.quantified)
        raise UsageProblem.at(f"no quantified target {shown(target_id)}; targets: {known}")
    result = next(r for r in assessment.results if r.target.id == target.id)
    if result.relative is not None:
        raise UsageProblem.at(
            f"{target.id} compares its growth with {result.relative.other}'s: whatif projects "
            "a level, which it has not"
        )
    latest, level, progress = result.latest, result.target_level, result.progress
    if latest is None or level is None or progress is None:
        raise UsageProblem.at(f"{target.id}: no figure to start from; give the latest figure")
    compound = progress is Progress.COMPOUND
    if deflator is not None:
        if not compound:
            raise UsageProblem.at(f"--deflator applies to growth rates; {target.id} moves linearly")
        if deflator <= -1:
            raise UsageProblem.at("--deflator must be above -100%")
        if deflator > MAX_GROWTH:
            raise UsageProblem.at(f"a deflator of {deflator * 100:g}% a year makes no sense")
    for growth in growths:
        if abs(growth) > MAX_GROWTH and compound:
            raise UsageProblem.at(f"a growth of {growth * 100:g}% a year makes no sense")
        if compound and growth <= -1:
            raise UsageProblem.at(
                f"a growth of {growth * 100:g}% makes no sense: it must be above -100%"
            )
    if by is not None and not formulas.FIRST_YEAR <= by <= formulas.LAST_YEAR:
        raise UsageProblem.at(f"--by {by} is outside {formulas.FIRST_YEAR}–{formulas.LAST_YEAR}")
    if by is not None and by <= latest.year:
        raise UsageProblem.at(f"--by {by} is not after the latest figure ({latest.year})")
    mode = progress
    horizon = max(target.deadline, by or 0)
    # No region ranks better than first: a rank that keeps rising stays at No. 1.
    floor = 1.0 if assessment.plan.figure_unit(target).dimension == RANK else -math.inf
    scenarios = []
    for assumed in growths:
        applied = formulas.nominal_from_real(assumed, deflator) if deflator is not None else assumed
        values = tuple(
            (year, max(floor, formulas.project(latest.value, applied, year - latest.year, mode)))
            for year in range(latest.year + 1, horizon + 1)
        )
        scenarios.append(
            Scenario(
                applied, assumed, values, _met_year(target, latest, level, applied, mode, values)
            )
        )
    required = required_real = None
    met = target.comparison is not None and target.comparison.holds(latest.value, level)
    if by is not None and not met:  # (a pace to reach what the figure already is: none)
        required = formulas.annual_rate(latest.value, level, by - latest.year, mode)
        if required is not None and deflator is not None:
            required_real = formulas.real_from_nominal(required, deflator)
    return WhatIf(
        assessment.plan,
        result,
        latest,
        level,
        deflator,
        tuple(scenarios),
        by,
        required,
        required_real,
        met,
    )
