"""What looks like a slip in figures that read well: a percentage given as a ratio, a level in
another unit, cumulative month figures that fall, yearly changes that look cumulative. Each is
said in one line on stderr; the figures are read as given (a figure is never guessed)."""

from __future__ import annotations

import itertools
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from shuangshi_cli.notices import notice
from shuangshi_cli.plan import Kind
from shuangshi_cli.units import PERCENT, convert

if TYPE_CHECKING:
    from shuangshi_cli.figures import Figure, Figures
    from shuangshi_cli.plan import Plan


def say_hints(figures: Figures, plan: Plan) -> None:
    """Every hint on ``figures`` of ``plan``, on stderr."""
    _hint_ratios(figures, plan)
    _hint_scale(figures, plan)
    _hint_months(figures, plan)
    _hint_cumulative(figures, plan)


def _hint_scale(figures: Figures, plan: Plan) -> None:
    """Say on stderr where a level of money looks given in another unit: 7311113 where the
    other figures and the target are near 500 (亿元) is 万元 written as 亿元 (a thousand times
    the middle of them or more, where a county's output grows perhaps threefold in a decade).
    The figure is read as given."""
    for target in plan.quantified:
        unit = plan.figure_unit(target)
        # (money: a count of people may fall a thousandfold, 贫困人口 to 0.0015万人; an economy not)
        if not unit.is_money or plan.yearly_changes(target):
            continue
        # (a flow's month figures too: 1-9月 is some three quarters of its year, not a thousandth)
        found = [
            f
            for f in (*figures.annual(target.id), *figures.months(target.id))
            if f.value is not None and f.value > 0 and f.measure == "level"  # (no real growth)
        ]
        sizes = [f.value for f in found if f.value is not None]
        if target.baseline is not None and target.baseline.value > 0:
            sizes.append(target.baseline.value)
        own = plan.unit(target)
        with_target = bool(
            target.kind is Kind.LEVEL and target.value and own.dimension == unit.dimension
        )
        if with_target:
            assert target.value is not None
            sizes.append(convert(target.value, own, unit))
        if len(sizes) < 3:  # (two apart: which is the slip is not known)
            continue
        middle = sorted(sizes)[len(sizes) // 2]
        for figure in found:
            assert figure.value is not None
            times = figure.value / middle
            if times > _SLIP or times * _SLIP < 1:  # (exact: no float of 1/1000)
                # to one significant digit: about 3000 times, about 1/10000
                about = times if times > 1 else 1 / times
                one_digit = Decimal(1).scaleb(about.adjusted())
                shown = f"{int(about.quantize(one_digit, ROUND_HALF_UP)):d}"
                notice("scale_slip" if with_target else "scale_slip.figures",
                       place=str(figure.origin), id=target.id,
                       value=f"{figure.value.normalize():f}", beside=f"{middle.normalize():f}",
                       unit=unit.symbol, times=shown if times > 1 else f"1/{shown}")  # fmt: skip
                break  # (one line a target: its other figures are said by the first)


def _hint_cumulative(figures: Figures, plan: Plan) -> None:
    """Say on stderr where a target's yearly changes (chained) look cumulative: three or more
    years in a row, one sign, each larger than the one before, the last at least 2.5 times the
    first (单位GDP能耗 -3.1, -5.5, -8.2, -11.3: the falls since 2020, not each year's). The
    figures are read as given."""
    for target in plan.quantified:
        if not plan.yearly_changes(target):
            continue
        found = sorted(
            ((f.year, f.value, f) for f in figures.annual(target.id) if f.value is not None),
            key=lambda found: found[0],
        )
        run: list[tuple[int, Decimal, Figure]] = []
        for year, value, figure in found:
            if run and (
                year != run[-1][0] + 1
                or (value > 0) != (run[-1][1] > 0)
                or abs(value) <= abs(run[-1][1])
            ):
                run = []
            run.append((year, value, figure))
        if len(run) < 3:
            continue
        first, last = abs(run[0][1]), abs(run[-1][1])
        if first >= Decimal("0.5") and last >= first * Decimal("2.5"):
            notice(
                "cumulative_changes", place=str(run[-1][2].origin), id=target.id,
                values="、".join(f"{value:f}" for _, value, _ in run), first=run[0][0],
                since=run[0][0] - 1,
            )  # fmt: skip


def _hint_months(figures: Figures, plan: Plan) -> None:
    """Say on stderr where a cumulative month figure is less than an earlier month's of the same
    year (1-3月 170, 1-6月 80): a flow so far does not fall, so one of them is a month alone or a
    slip. The figures are read as given."""
    for target in plan.quantified:
        by_year: dict[int, list[Figure]] = {}
        for figure in figures.months(target.id):
            if figure.value is not None and figure.month is not None:
                by_year.setdefault(figure.year, []).append(figure)
        for found in by_year.values():
            found.sort(key=lambda f: f.month or 0)
            for earlier, later in itertools.pairwise(found):
                assert earlier.value is not None and later.value is not None
                if later.value < earlier.value:
                    notice(
                        "months_fall", place=str(later.origin), id=target.id,
                        month=later.month, value=f"{later.value.normalize():f}",
                        earlier=earlier.month, before=f"{earlier.value.normalize():f}",
                    )  # fmt: skip
                    break


# A level a thousand times another year's, or a thousandth of it: no growth, another unit
_SLIP = 1000

# How far apart the figures may be that tell a ratio from a percentage: a plan's five years (a
# rate that grows a hundredfold in them is rare; in a decade a new share may: 新能源汽车 0.6 → 45)
_RATIO_YEARS = 5


def _hint_ratios(figures: Figures, plan: Plan) -> None:
    """Say on stderr where a percentage looks given as a ratio: 0.6472 beside 64.72 or 60.6 of
    a year at most five away (城镇化率 from a sheet that stores 64.72% as 0.6472). The figure is
    read as given."""
    for target in plan.quantified:
        if plan.figure_unit(target).dimension != PERCENT or plan.yearly_changes(target):
            continue
        found = figures.annual(target.id)
        points = {f.year: f.value for f in found if f.value is not None}
        if target.baseline is not None:
            points.setdefault(target.baseline.year, target.baseline.value)
        for figure in found:
            value = figure.value
            if value is None or not 0 < value < 1:
                continue
            near = [
                (y, v)
                for y, v in sorted(points.items(), key=lambda p: abs(p[0] - figure.year))
                if 0 < abs(y - figure.year) <= _RATIO_YEARS and v >= 1
                and Decimal("0.5") <= value * 100 / v <= 2
            ]  # fmt: skip
            if near:
                year, beside = near[0]
                notice("ratio_for_percent", place=str(figure.origin), id=target.id,
                       value=f"{value}", percent=f"{(value * 100).normalize():f}",
                       beside=f"{beside}", year=year)  # fmt: skip
