"""Cross-field checks of a plan: what pydantic's per-field validation cannot see (units that
fit a kind, deadlines after the base year, links between targets, parts' own targets).

Each kind of target has its checks in one place: a function of ``_KIND_CHECKS`` here, or the
kind's own module under kinds/.
"""

from __future__ import annotations

import difflib
import itertools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from shuangshi_cli.errors import cut, shown
from shuangshi_cli.formulas import Progress
from shuangshi_cli.plan import (
    Better,
    Kind,
    KnownValue,
    PartTarget,
    Plan,
    Programme,
    Target,
    Thresholds,
    _fold,
    part_target,
)
from shuangshi_cli.units import (
    BUILTIN_UNITS,
    MAX_EXPONENT,
    MONEY,
    PERCENT,
    POINTS,
    RANK,
    UnitRegistry,
)
from shuangshi_cli.yamlload import dotted

if TYPE_CHECKING:
    from collections.abc import Iterator

    from shuangshi_cli.units import Unit, UnitRegistry


class PlanSemanticError(Exception):
    """Cross-field problems of a plan, as (path, message) pairs; not a ValueError on purpose,
    so that pydantic lets it through with its paths instead of folding it into one message."""

    def __init__(self, problems: list[tuple[tuple[str | int, ...], str]]) -> None:
        super().__init__("; ".join(m for _, m in problems))
        self.problems = problems


def check_plan(
    plan: Plan, built: dict[int, tuple[PartTarget, Target]] | None = None
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The cross-field problems of a plan, as (path, message). ``built`` receives each part's
    targets as checked (by id of the part's own target), for Plan.for_part to use again."""
    header = plan.plan
    if header.period.start > header.period.end:
        yield ("plan", "period", "end"), "the period ends before it starts"
    if header.base_year > header.period.end:
        yield ("plan", "base_year"), "the base year is after the end of the period"
    if (
        header.published is not None
        and header.issued is not None
        and header.published.date < header.issued
    ):
        yield ("plan", "published", "date"), "published before it was issued"
    if header.issued is not None and header.issued.year > header.period.end:
        yield ("plan", "issued"), f"issued after the period ends ({header.period.end})"
    yield from _check_thresholds(header.thresholds, ("plan", "thresholds"))
    registry = BUILTIN_UNITS
    for i, definition in enumerate(plan.units):
        factor = definition.factor
        if not -MAX_EXPONENT <= factor.adjusted() <= MAX_EXPONENT:
            yield ("units", i, "factor"), f"{factor} is out of range (1e-20 to 1e20)"
        try:
            registry = registry.extended([definition.unit()])
        except ValueError as exc:
            yield ("units", i, "symbol"), str(exc)
    names: dict[str, tuple[str | int, ...]] = {}
    items: list[tuple[str, int, Target | Programme]] = [
        *(("targets", i, t) for i, t in enumerate(plan.targets)),
        *(("programmes", i, p) for i, p in enumerate(plan.programmes)),
    ]
    for collection, i, item in items:
        path: tuple[str | int, ...] = (collection, i)
        keys = [("id", item.id), ("name", item.name)]
        if isinstance(item, Target):
            keys += [("name_en", item.name_en)] if item.name_en else []
            keys += [("aliases", a) for a in item.aliases]
        for field, key in keys:
            folded = _fold(key)
            if folded in names and names[folded][:2] != path:
                yield (*path, field), f"{shown(key)} is already used by {dotted(names[folded])}"
            names.setdefault(folded, path)
    yield from _check_parts(plan, registry, {} if built is None else built)
    yield from _check_links(plan, registry)
    by_id = {t.id: t for t in plan.targets}
    for i, target in enumerate(plan.targets):
        for path, message in check_target(target, header.base_year, registry):
            yield ("targets", i, *path), message
        if target.ranks is None:
            continue
        ranked = by_id.get(target.ranks.indicator)
        where = ("targets", i, "ranks", "indicator")
        if target.kind is not Kind.RANK:
            yield ("targets", i, "ranks"), "only a rank target ranks an indicator"
        elif ranked is None:
            yield where, f"no target with id {shown(target.ranks.indicator)} in this plan"
        elif ranked.id == target.id:
            yield where, "a rank target cannot rank itself"
        elif not ranked.quantified or ranked.kind is Kind.RANK:
            yield where, f"{ranked.id} is {ranked.kind}: a rank ranks an indicator with figures"


def _check_parts(
    plan: Plan, registry: UnitRegistry, built: dict[int, tuple[PartTarget, Target]]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    seen: dict[str, int] = {}
    targets = {t.id: t for t in plan.targets}
    checked: dict[tuple[Any, ...], dict[str, str]] = {}
    alike: dict[tuple[Any, ...], Target] = {}
    for i, part in enumerate(plan.parts):
        names: list[tuple[tuple[str | int, ...], str]] = [
            (("id",), part.id),
            (("name",), part.name),
        ]
        if part.name_en:
            names.append((("name_en",), part.name_en))
        names += [(("aliases", j), alias) for j, alias in enumerate(part.aliases)]
        for place, key in names:  # a name or alias of two parts: which a figure is, is unclear
            if _fold(key) in seen and seen[_fold(key)] != i:
                earlier = seen[_fold(key)]
                yield ("parts", i, *place), f"{shown(key)} is already used by parts[{earlier}]"
            seen.setdefault(_fold(key), i)
        if not part.targets:
            yield ("parts", i, "targets"), "a part needs at least one target of its own"
        indicators: set[str] = set()
        for j, own in enumerate(part.targets):  # (towns share few values: each checked once)
            path: tuple[str | int, ...] = ("parts", i, "targets", j)
            target = targets.get(own.indicator)
            if target is None or not target.quantified:
                yield (*path, "indicator"), f"no quantified target {own.indicator!r} in this plan"
                continue
            if own.indicator in indicators:
                yield (*path, "indicator"), f"{part.name} has two targets for {own.indicator}"
            indicators.add(own.indicator)
            # what a part target's check reads: the plan's target and the fields it replaces
            same = (id(target), str(own.value), own.comparison, own.unit, own.deadline, own.note)
            found = checked.get(same)
            if found is None:
                found = checked[same] = {}
                checks = _check_part_target(target, own, plan.plan.base_year, registry, built)
                for field, message in checks:
                    found.setdefault(field, message)
                if id(own) in built:
                    alike[same] = built[id(own)][1]
            elif same in alike:  # the target built for the first part of these fields serves
                built[id(own)] = (own, alike[same])
            for field, message in found.items():
                yield (*path, field), message


_PART_FIELDS = ("value", "comparison", "unit", "deadline")


def _check_part_target(
    target: Target,
    own: PartTarget,
    base_year: int,
    registry: UnitRegistry,
    built: dict[int, tuple[PartTarget, Target]],
) -> Iterator[tuple[str, str]]:
    """(field, message) of a part's target; at most one message per field is kept."""
    if own.unit is not None:
        unit, wanted = registry.get(own.unit), registry.get(target.unit or "")
        if unit is None:
            yield "unit", f"unknown unit {shown(own.unit)}"
            return
        if wanted is None or unit.dimension != wanted.dimension:
            yield "unit", f"{own.unit} does not fit {target.id} ({target.unit})"
            return
    if own.value < 0 and target.kind in {Kind.LEVEL, Kind.RANK}:
        yield "value", "Input should be greater than or equal to 0"
    comparison = own.comparison or target.comparison
    if comparison is not None and comparison.higher_is_better != target.higher_is_better:
        yield "comparison", f"'{comparison}' does not fit {target.id}"
    if own.deadline is not None and own.deadline <= base_year:
        yield "deadline", "the deadline is not after the base year"
    # What gap --part and scoreboard assess: the plan's target with the part's value, checked as
    # the plan's own targets are (a value of 0, 1e400, a rank of 2.5 …).
    made = part_target(target, own)
    built[id(own)] = (own, made)
    for sub, message in check_target(made, base_year, registry):
        yield (sub[0] if sub[0] in _PART_FIELDS else "indicator"), message


def _check_links(plan: Plan, registry: UnitRegistry) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Targets that read another's figures (series) or compare with its growth (relative_to)."""
    by_id = {t.id: t for t in plan.targets}
    for i, target in enumerate(plan.targets):
        if target.price_basis == "constant" and target.kind is not Kind.LEVEL:
            yield ("targets", i, "price_basis"), "only a level target is at constant prices"
        if target.price_year is not None and target.price_basis != "constant":
            yield ("targets", i, "price_year"), "a price year needs price_basis: constant"
        if target.growth_basis is not None and (
            target.kind not in {Kind.GROWTH, Kind.RELATIVE, Kind.QUALITATIVE} or target.unit != "%"
        ):
            yield (
                ("targets", i, "growth_basis"),
                (
                    "growth_basis is for a target whose figures are growth rates in % (a growth or "
                    "relative target)"
                ),
            )
        for field in ("series", "relative_to"):
            other_id = getattr(target, field)
            if other_id is None:
                continue
            other = by_id.get(other_id)
            if other is None or other is target:
                yield ("targets", i, field), f"no other target with id {other_id!r} in this plan"
            elif other.series is not None:
                yield (
                    ("targets", i, field),
                    f"{other_id} reads the figures of {other.series}: name {other.series}",
                )
            elif other.unit is None:
                yield ("targets", i, field), f"{other_id} has no figures (no unit)"
            elif field == "series":
                mine = registry.get(target.figure_unit or target.unit or "")
                theirs = registry.get(
                    (other.figure_unit if other.kind in {Kind.GROWTH, Kind.CHANGE} else None)
                    or other.unit
                )
                if mine is not None and theirs is not None and mine.dimension != theirs.dimension:
                    yield (
                        ("targets", i, "series"),
                        f"the figures of {other_id} are in {theirs.symbol}, which does not fit "
                        f"{mine.symbol}",
                    )


def check_target(
    target: Target, base_year: int, registry: UnitRegistry
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The cross-field problems of one target, as (path within the target, message).

    What every target shares comes first (deadline, unit, comparison, range); then the checks
    of its kind (``_KIND_CHECKS``, or the kind's own module under kinds/); then flows, seasonal
    profiles, thresholds and the values the text states.
    """
    if target.deadline <= base_year:
        yield (
            ("deadline",),
            f"the deadline {target.deadline} is not after the base year {base_year}",
        )
    if target.each_year and target.kind not in {Kind.LEVEL, Kind.RANK}:
        yield ("each_year",), f"only a level or rank target holds each year, not {target.kind}"
    from shuangshi_cli import kinds

    special = kinds.module(target.kind)
    if special is not None:
        yield from special.check(target, registry)
        return
    if target.kind is Kind.QUALITATIVE:
        yield from _check_qualitative(target, registry)
        return
    units: list[Unit] = []
    yield from _check_units(target, registry, units)
    if not units:
        return
    unit, figure_unit = units
    yield from _check_comparison(target)
    value = target.value
    assert value is not None
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        yield ("value",), f"{value} is out of range (1e-{MAX_EXPONENT} to 1e{MAX_EXPONENT})"
        return
    yield from _KIND_CHECKS[target.kind](target, unit, figure_unit)
    if target.flow and (figure_unit.is_rate or unit.dimension == MONEY + "_per_person"):
        yield ("flow",), f"only totals over a year are flows, not {figure_unit.symbol}"
    if target.seasonal is not None:
        yield from _check_seasonal(target)
    if target.thresholds is not None:
        yield from _check_thresholds(target.thresholds, ("thresholds",))
    yield from _check_known_values(target, unit)


def _check_qualitative(
    target: Target, registry: UnitRegistry
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """A goal without a number. A unit is allowed: a number with a qualitative clause (GDP增长
    保持在合理区间) has figures, which are shown and which relative targets compare with."""
    if target.unit is not None and registry.get(target.unit) is None:
        yield ("unit",), unknown_unit(target.unit, registry)
    for field in ("comparison", "value", "figure_unit", "progress", "better"):
        if getattr(target, field) is not None:
            yield (field,), "a qualitative target has no " + field


def _check_units(
    target: Target, registry: UnitRegistry, found: list[Unit]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """unit, comparison and value given, the unit (and figure_unit) known: ``found`` gets the
    unit and the figures' unit, or stays empty when the rest cannot be checked."""
    kind = target.kind
    missing = [f for f in ("unit", "comparison", "value") if getattr(target, f) is None]
    for field in missing:
        yield (field,), f"a {kind} target needs a {field}"
    if missing or target.unit is None:
        return
    unit = registry.get(target.unit)
    if unit is None:
        yield ("unit",), unknown_unit(target.unit, registry)
        return
    figure_unit = unit
    if target.figure_unit is not None:
        given = registry.get(target.figure_unit)
        if given is None:
            yield ("figure_unit",), unknown_unit(target.figure_unit, registry)
            return
        figure_unit = given
    elif kind in {Kind.GROWTH, Kind.CHANGE}:
        yield ("figure_unit",), f"a {kind} target needs the figure_unit its figures are given in"
        return
    if target.figure_unit is not None and kind in {Kind.LEVEL, Kind.RANK}:
        yield ("figure_unit",), "only growth and change targets take a figure_unit"
    found += [unit, figure_unit]


def _check_comparison(target: Target) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """``better``, when given, agrees with the comparison."""
    comparison = target.comparison
    if comparison is None or target.better is None:
        return
    if comparison.higher_is_better != (target.better is Better.HIGHER):
        wanted = "> or >=" if target.better is Better.HIGHER else "< or <="
        yield (
            ("comparison",),
            f"'{comparison}' does not fit better: {target.better} (use {wanted})",
        )


def _check_rank(
    target: Target, unit: Unit, figure_unit: Unit
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """进入全省县域第五: counted in 位, lower is better, a whole number from 1, linear."""
    value, comparison = target.value, target.comparison
    assert value is not None and comparison is not None
    if unit.dimension != RANK:
        yield ("unit",), f"a rank target is counted in 位, not {unit.symbol}"
    if target.better is Better.HIGHER or comparison.higher_is_better:
        yield ("comparison",), "a rank is better when lower: use <= or <"
    if value < 1 or value != value.to_integral_value():
        yield ("value",), "a rank is a whole number from 1"
    if target.progress is Progress.COMPOUND:
        yield ("progress",), "a rank moves linearly, not compound"


def _check_level(
    target: Target, unit: Unit, figure_unit: Unit
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """地区生产总值超400亿元: a level, not a rank or points; above 0 when it compounds."""
    value = target.value
    assert value is not None
    if unit.dimension in {RANK, POINTS}:
        yield ("unit",), f"a level target cannot be in {unit.symbol} (use kind: rank or change)"
    compound = target.progress is Progress.COMPOUND or (
        target.progress is None and not unit.is_rate
    )
    if value < 0:
        yield ("value",), "Input should be greater than or equal to 0"
    elif value == 0 and compound:
        yield ("value",), "a compound target must be above 0 (use progress: linear)"


def _check_growth(
    target: Target, unit: Unit, figure_unit: Unit
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """年均增长7%: a rate in %, above -100%, measured on levels."""
    value = target.value
    assert value is not None
    if unit.dimension != PERCENT:
        yield ("unit",), f"an average growth rate is in %, not {unit.symbol}"
    if value <= -100:
        yield ("value",), "a growth rate must be above -100%"
    if figure_unit.is_rate and figure_unit.dimension != PERCENT:
        yield ("figure_unit",), f"growth is measured on levels, not {figure_unit.symbol}"


def _check_change(
    target: Target, unit: Unit, figure_unit: Unit
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """累计下降15% / 提高3个百分点: a change that is not 0, in a unit that fits its figures, in
    the direction its comparison says."""
    value, comparison = target.value, target.comparison
    assert value is not None and comparison is not None
    if value == 0:
        yield ("value",), "a change target cannot be 0"
    if unit.dimension == PERCENT:
        if value <= -100:
            yield ("value",), "a relative change must be above -100%"
        if figure_unit.dimension in {RANK, POINTS}:
            yield ("figure_unit",), f"a relative change needs levels, not {figure_unit.symbol}"
    elif unit.dimension == POINTS:
        if figure_unit.dimension != PERCENT:
            yield ("figure_unit",), "a change in 个百分点 needs figures in %"
    elif unit.dimension != figure_unit.dimension:
        yield ("unit",), f"{unit.symbol} does not fit figures in {figure_unit.symbol}"
    if (value > 0) != comparison.higher_is_better:
        yield (
            ("comparison",),
            (
                f"'{comparison}' does not fit a change of {value}: a fall is a negative change "
                f"(累计下降13.5% is value: -13.5 with '<='), a rise a positive one with > or >="
                + (f": value: {-value}?" if value else "")
            ),
        )


_KIND_CHECKS = {
    Kind.RANK: _check_rank,
    Kind.LEVEL: _check_level,
    Kind.GROWTH: _check_growth,
    Kind.CHANGE: _check_change,
}


def _check_known_values(target: Target, unit: Unit) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The baseline and history the text states: one value a year, before the deadline, in
    range, and of the kind's sort (no negative level, a rank a whole number)."""
    kind = target.kind
    stated: dict[int, tuple[Decimal, str]] = {}
    knowns: list[tuple[tuple[str | int, ...], KnownValue | None]] = [
        (("baseline",), target.baseline),
        *((("history", j), k) for j, k in enumerate(target.history)),
    ]
    for path, known in knowns:
        if known is None:
            continue
        earlier = stated.setdefault(known.year, (known.value, dotted(path) or ""))
        if earlier[0] != known.value:
            yield (
                (*path, "value"),
                f"{known.year} is {known.value} here but {earlier[0]} in {earlier[1]}",
            )
        if known.year >= target.deadline:
            yield (*path, "year"), f"{known.year} is not before the deadline {target.deadline}"
        if known.value and not -MAX_EXPONENT <= known.value.adjusted() <= MAX_EXPONENT:
            yield (*path, "value"), f"{known.value} is out of range"
        if known.value < 0 and kind in {Kind.LEVEL, Kind.RANK} and unit.dimension != PERCENT:
            yield (*path, "value"), "Input should be greater than or equal to 0"
        if kind is Kind.RANK and (
            known.value < 1 or known.value != known.value.to_integral_value()
        ):
            yield (*path, "value"), "a rank is a whole number from 1"


def _check_seasonal(target: Target) -> Iterator[tuple[tuple[str | int, ...], str]]:
    shares = target.seasonal or []
    if not target.flow:
        yield ("seasonal",), "only a flow (flow: true) has a seasonal profile"
    if len(shares) != 12:
        yield ("seasonal",), f"a seasonal profile has 12 monthly shares, not {len(shares)}"
        return
    for month, (before, after) in enumerate(itertools.pairwise([Decimal(0), *shares]), start=1):
        if after < before:
            yield ("seasonal", month - 1), f"the cumulative share falls in month {month}"
            return
    if shares[-1] not in {Decimal(1), Decimal(100)}:
        yield ("seasonal", 11), f"the cumulative share must rise to 1 (or 100%), not {shares[-1]}"
    elif shares[-1] == 100:
        # [0.1, …, 0.99, 100]: fractions of 1, then percentages. A share of at most 1 (%) that
        # the next month multiplies tenfold and more is a fraction among percentages.
        for month, (before, after) in enumerate(itertools.pairwise(shares), start=1):
            if 0 < before <= 1 < after and after >= 10 * before:
                yield (
                    ("seasonal", month - 1),
                    (
                        f"the profile ends at 100 (percent) but month {month} is {before}: give "
                        "every share as a fraction of 1, or every one in percent"
                    ),
                )
                return


def _check_thresholds(
    thresholds: Thresholds, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], str]]:
    if thresholds.acceleration_needed > thresholds.on_track:
        yield (*path, "acceleration_needed"), "must not be above on_track"


def unknown_unit(symbol: str, registry: UnitRegistry) -> str:
    """An unknown unit: did-you-mean for a typo of one (亿圆), else how to declare it (件/万人 is
    no typo of 万人)."""
    hint = unit_typo(symbol, registry)
    if hint:
        return f"unknown unit {shown(symbol)}{hint}"
    return (
        f"unknown unit {shown(symbol)}: declare it in the plan's units list, e.g. "
        f"units: [{{symbol: {cut(symbol)}, dimension: …, factor: 1}}]"
    )


def unit_typo(symbol: str, registry: UnitRegistry) -> str:
    """`` (did you mean '亿元'?)`` for a typo of a unit, else "". A typo is as long as the unit
    it misspells, and nearer to it than to all but two others: 亿园 is 亿元, 亿吨 or 亿斤; 万头
    (a unit of its own) is as near to six, and no typo of one."""
    if len(symbol) > 100:
        return ""
    scores = {u: difflib.SequenceMatcher(None, symbol, u).ratio() for u in registry.symbols()}
    best = max(scores.values(), default=0.0)
    nearest = [u for u, score in scores.items() if score == best]
    if best >= 0.5 and len(nearest) <= 3 and all(len(u) == len(symbol) for u in nearest):
        listed = ", ".join(map(repr, nearest[:-1])) + " or " if len(nearest) > 1 else ""
        return f" (did you mean {listed}{nearest[-1]!r}?)"
    return ""


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5) if len(word) <= 100 else []
    return f" (did you mean {close[0]!r}?)" if close else f"; known units: {', '.join(choices)}"


# -- loading ----------------------------------------------------------------------------------
