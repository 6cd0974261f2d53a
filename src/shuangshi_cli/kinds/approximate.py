"""Approximate targets (左右): "15左右" is met inside a band around 15, with statuses on both sides.

The band is [value − tolerance, value + tolerance]; the tolerance is the plan's, or
formulas.default_tolerance. Inside the band at the deadline: achieved; before it: on track.
Outside, the target is chased like a level target towards the nearer edge of the band.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from shuangshi_cli import formulas
from shuangshi_cli.assess import Note, Result, base_of, series_of
from shuangshi_cli.status import Status
from shuangshi_cli.units import PERCENT

if TYPE_CHECKING:
    from collections.abc import Iterator
    from decimal import Decimal

    from shuangshi_cli.figures import Figures
    from shuangshi_cli.plan import Plan, Target, Thresholds
    from shuangshi_cli.units import UnitRegistry

Side = Literal["below", "inside", "above"]


@dataclass(frozen=True)
class Band:
    """The band of a 左右 target, and where the latest figure stands (None without one)."""

    low: Decimal
    high: Decimal
    tolerance: Decimal
    side: Side | None = None


def band_of(plan: Plan, target: Target) -> Band:
    assert target.value is not None
    tolerance = target.tolerance or formulas.default_tolerance(
        target.value, plan.unit(target).dimension == PERCENT
    )
    low, high = formulas.band(target.value, tolerance)
    return Band(low, high, tolerance)


def side_of(value: Decimal, band: Band) -> Side:
    if value < band.low:
        return "below"
    if value > band.high:
        return "above"
    return "inside"


def check(target: Target, registry: UnitRegistry) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """An approximate target has a unit and a value, and no comparison: the band is its test."""
    for field in ("unit", "value"):
        if getattr(target, field) is None:
            yield (field,), f"an approximate target needs a {field}"
    if target.comparison is not None:
        yield ("comparison",), "an approximate (左右) target has a band, not a comparison"
    if target.unit is not None and registry.get(target.unit) is None:
        from shuangshi_cli.plan import unknown_unit

        yield ("unit",), unknown_unit(target.unit, registry)
    for field in ("relative_to", "relation", "figure_unit"):
        if getattr(target, field) is not None:
            yield (field,), f"an approximate target takes no {field}"


def assess(
    plan: Plan,
    target: Target,
    figures: Figures,
    *,
    as_of: int | None,
    now: int | None,
    thresholds: Thresholds | None,
) -> Result:
    """Where the figure for the deadline (else the latest) stands against the band."""
    series, notes = series_of(plan, target, figures, as_of)
    base = base_of(plan, target, series, notes, as_of)
    if not series and not figures.annual(target.series or target.id, as_of=as_of):
        notes.append(Note.NO_FIGURES)
    band = band_of(plan, target)
    progress = plan.progress(target)
    deadline = target.deadline
    after = [p for p in series if p.year >= deadline]
    latest = after[0] if after else (series[-1] if series else base)
    if latest is None:
        return Result(target, Status.INSUFFICIENT_DATA, progress, base=base, band=band,
                      series=tuple(series), notes=tuple(notes))  # fmt: skip
    t, v, mode = latest.year, latest.value, progress
    side = side_of(v, band)
    located = Band(band.low, band.high, band.tolerance, side)
    observed = (
        formulas.annual_rate(base.value, v, t - base.year, mode)
        if base is not None and t > base.year
        else None
    )
    if side == "inside":
        return Result(
            target, Status.ACHIEVED if t >= deadline else Status.ON_TRACK, progress,
            latest=latest, base=base, target_level=target.value, gap=v - v, band=located,
            observed_growth=observed, series=tuple(series), notes=tuple(notes),
        )  # fmt: skip
    edge, higher = (band.low, True) if side == "below" else (band.high, False)
    gap = edge - v if higher else v - edge
    ratio = required = None
    if t >= deadline:
        status = Status.MISSED
    elif base is None or observed is None:
        status = Status.INSUFFICIENT_DATA
    else:
        needed = formulas.annual_rate(base.value, edge, deadline - base.year, mode)
        ratio = None if needed is None else formulas.pace_ratio(observed, needed, higher)
        if ratio is None:
            status = Status.DETERIORATION if (observed > 0) != higher else Status.LIMITED_PROGRESS
        else:
            limits = thresholds or plan.thresholds(target)
            status = formulas.classify(ratio, limits.on_track, limits.acceleration_needed)
    if t < deadline and (now is None or now < deadline):
        required = formulas.annual_rate(v, edge, deadline - t, mode)
    return Result(
        target, status, progress, latest=latest, base=base, target_level=edge, gap=gap,
        time_progress=(
            formulas.time_progress(base.year, t, deadline) if base is not None else None
        ),
        required_growth=required, required_from=None if required is None else t,
        required_is_stale=required is not None and now is not None and t < now,
        observed_growth=observed, pace_ratio=ratio, band=located, series=tuple(series),
        notes=tuple(notes),
    )  # fmt: skip
