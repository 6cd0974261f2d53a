"""Level targets at constant prices (按2020年价格计算): the real level each year, chained from the
base-year level and each year's real growth (按可比价格计算，比上年增长6.1%).

A nominal level is compared with such a target only where no real growth is given, and then a
note says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shuangshi_cli import formulas
from shuangshi_cli.errors import FiguresError, Problem

if TYPE_CHECKING:
    from shuangshi_cli.assess import Note, Point
    from shuangshi_cli.figures import Figures
    from shuangshi_cli.plan import Plan, Target


def real_series(
    plan: Plan, target: Target, figures: Figures, as_of: int | None, points: list[Point]
) -> tuple[list[Point], list[Note]]:
    """The target's series at constant prices: levels up to the base year, then the base level
    chained with each year's real growth; nominal levels only after the chain ends (noted)."""
    from shuangshi_cli.assess import Note, Point

    source = target.series or target.id
    growth = {
        f.year: f.value
        for f in figures.annual(source, as_of=as_of, measure="real_growth")
        if f.value is not None
    }
    base_year = plan.plan.base_year
    notes: list[Note] = []
    if target.price_year is not None and target.price_year != base_year:
        notes.append(Note.PRICE_YEAR_DIFFERS)
    levels = {p.year: p.value for p in points}
    stated = [k.value for k in target.known_values if k.year == base_year]
    base = levels.get(base_year, stated[-1] if stated else None)
    if base is None or not growth:
        if any(p.year > base_year for p in points):
            notes.append(Note.NOMINAL_LEVEL)
        return points, notes
    series = [p for p in points if p.year <= base_year]
    level, year = base, base_year
    while year + 1 in growth:
        year += 1
        level = formulas.chained_level(level, [growth[year]])
        series.append(Point(year, level))
    beyond = sorted(y for y in growth if y > year)
    if beyond:
        raise FiguresError(
            Problem(
                f"{target.id}: real growth is chained from {base_year}; {year + 1} is missing",
                field="year",
            )
        )
    nominal = [p for p in points if p.year > year]
    if nominal:
        notes.append(Note.NOMINAL_LEVEL)
    notes.append(Note.REAL_CHAINED)
    return series + nominal, notes
