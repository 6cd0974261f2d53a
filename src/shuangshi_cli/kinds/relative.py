"""Relative targets: a growth compared with another series' growth, year by year and over the
period — 全员劳动生产率增长高于GDP增长 (above), 居民人均可支配收入增长与GDP增长基本同步 (in_step:
not lagging it by more than a tolerance in percentage points that the plan states; ahead of it
is met, and noted).

Each side's growth is its figures when they are annual rates (%), else the change of its levels
on the year before. Over the period both are averaged (formulas.average_of_rates) over the years
both have; the verdict is on those averages.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from shuangshi_cli import formulas
from shuangshi_cli.assess import Note, Point, Result, series_of
from shuangshi_cli.status import Status
from shuangshi_cli.units import PERCENT

if TYPE_CHECKING:
    from collections.abc import Iterator

    from shuangshi_cli.figures import Figures
    from shuangshi_cli.plan import Plan, Target, Thresholds
    from shuangshi_cli.units import UnitRegistry

Relation_ = Literal["above", "below", "in_step"]


@dataclass(frozen=True)
class RelativeYear:
    """One year: both growths (fractions), their difference in percentage points, the verdict."""

    year: int
    growth: float
    other_growth: float
    difference: float
    holds: bool


@dataclass(frozen=True)
class Relation:
    """A relative target's comparison series and its verdict over the period."""

    other: str
    other_name: str
    other_name_en: str | None
    relation: Relation_
    tolerance: Decimal | None
    years: tuple[RelativeYear, ...]
    average: float | None
    other_average: float | None
    difference: float | None  # percentage points, own − other
    holds: bool | None


def check(target: Target, registry: UnitRegistry) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """A relative target names the other target and the relation, and has no value."""
    for field in ("relative_to", "relation"):
        if getattr(target, field) is None:
            yield (field,), f"a relative target needs {field}"
    for field in ("comparison", "value"):
        if getattr(target, field) is not None:
            yield (field,), f"a relative target has no {field}: its relation says it"
    if target.unit is not None and target.unit != "%":
        yield ("unit",), "a relative target compares growth rates, in %"
    if target.relation == "in_step" and target.tolerance is None:
        yield ("tolerance",), "基本同步 (in_step) needs the tolerance, in percentage points"
    if target.relation in {"above", "below"} and target.tolerance is not None:
        yield ("tolerance",), f"only in_step takes a tolerance, not {target.relation}"
    if target.figure_unit is not None and registry.get(target.figure_unit) is None:
        from shuangshi_cli.plan import unknown_unit

        yield ("figure_unit",), unknown_unit(target.figure_unit, registry)


def growths(plan: Plan, target: Target, figures: Figures, as_of: int | None) -> dict[int, float]:
    """Each year's growth of a target's series: its figures if they are rates, else the change of
    its levels on the year before (also of an index chained from rates)."""
    points, notes = series_of(plan, target, figures, as_of)
    unit = plan.figure_unit(target) if target.unit is not None or target.figure_unit else None
    if unit is not None and unit.dimension == PERCENT and Note.INDEX_FROM_RATES not in notes:
        return {p.year: float(p.value) / 100 for p in points}
    levels = {p.year: p.value for p in points}
    return {
        year: formulas.change_on(value, levels[year - 1])
        for year, value in levels.items()
        if levels.get(year - 1)
    }


def _holds(relation: Relation_, difference: float, tolerance: Decimal | None) -> bool:
    """Whether a growth ``difference`` points ahead of the other's meets the relation. 基本同步
    asks a growth not to lag the other's (居民收入增长和经济增长基本同步): within the tolerance
    below it, or at it, or ahead of it, which reviews call 快于经济增长, not a failure."""
    points = round(difference, 10)
    if relation == "above":
        return points > 0
    if relation == "below":
        return points < 0
    return points >= -float(tolerance or 0)


def _ahead(relation: Relation_, difference: float | None, tolerance: Decimal | None) -> bool:
    """An in-step growth ahead of the other's by more than the tolerance."""
    if relation != "in_step" or difference is None:
        return False
    return round(difference, 10) > float(tolerance or 0)


def assess(
    plan: Plan,
    target: Target,
    figures: Figures,
    *,
    as_of: int | None,
    now: int | None,
    thresholds: Thresholds | None,
) -> Result:
    """Both growths year by year from the base year on, and the verdict on their averages."""
    assert target.relative_to is not None and target.relation is not None
    other = plan.target(target.relative_to)
    first, deadline = plan.plan.base_year + 1, target.deadline
    own = growths(plan, target, figures, as_of)
    theirs = growths(plan, other, figures, as_of)
    common = sorted(y for y in own if y in theirs and first <= y <= deadline)
    years = tuple(
        RelativeYear(
            y,
            own[y],
            theirs[y],
            (own[y] - theirs[y]) * 100,
            _holds(target.relation, (own[y] - theirs[y]) * 100, target.tolerance),
        )
        for y in common
    )
    average = formulas.average_of_rates([own[y] for y in common])
    other_average = formulas.average_of_rates([theirs[y] for y in common])
    difference = (
        None if average is None or other_average is None else (average - other_average) * 100
    )
    holds = None if difference is None else _holds(target.relation, difference, target.tolerance)
    relation = Relation(
        other.id, other.name, other.name_en, target.relation, target.tolerance, years,
        average, other_average, difference, holds,
    )  # fmt: skip
    notes = [] if own else [Note.NO_FIGURES]
    if _ahead(target.relation, difference, target.tolerance):
        notes.append(Note.AHEAD_OF_OTHER)
    if not common or holds is None:
        return Result(target, Status.INSUFFICIENT_DATA, relative=relation, notes=tuple(notes))
    last = common[-1]
    if last >= deadline:
        status = Status.ACHIEVED if holds else Status.MISSED
    elif holds:
        status = Status.ON_TRACK
    else:
        status = (
            Status.LIMITED_PROGRESS
            if target.relation == "in_step"
            else (Status.ACCELERATION_NEEDED)
        )
    return Result(
        target,
        status,
        latest=Point(last, Decimal(repr(round(own[last] * 100, 10)))),
        time_progress=formulas.time_progress(plan.plan.base_year, last, deadline),
        observed_growth=average,
        relative=relation,
        notes=tuple(notes),
    )
