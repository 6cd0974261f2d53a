"""Parts of the region (towns, parks, departments): each assessed on its own targets, and ranked
on a scoreboard for the annual assessment (年度综合考核). Pure."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from shuangshi_cli.assess import Assessment, Result, assess
from shuangshi_cli.errors import UsageProblem, shown
from shuangshi_cli.figures import Figures
from shuangshi_cli.peers import rank_ladder
from shuangshi_cli.status import Status
from shuangshi_cli.units import convert

if TYPE_CHECKING:
    from shuangshi_cli.plan import Part, Plan, Thresholds

FULL = 100.0


def score(result: Result) -> float | None:
    """A 0–100 score of one target, after the Open SDG pace ratio R.

    achieved → 100; R known → 100 × R clipped to [0, 1] (on track scores 95 or more,
    deterioration 0); missed → 100 × the share of the task done, clipped to [0, 1];
    insufficient data or not assessed → None (left out of the mean).
    """
    if result.status is Status.ACHIEVED:
        return FULL
    if result.pace_ratio is not None:
        return FULL * min(1.0, max(0.0, result.pace_ratio))
    if result.status is Status.DETERIORATION:
        return 0.0
    if result.status is Status.MISSED and result.task_progress is not None:
        return FULL * min(1.0, max(0.0, result.task_progress))
    return None


def overall(scores: dict[str, float | None]) -> float | None:
    """The mean of the scores that exist; None when none does. (Summed exactly, math.fsum: the
    same scores in another order give the same mean, so two parts alike tie.)"""
    known = [s for s in scores.values() if s is not None]
    return math.fsum(known) / len(known) if known else None


def part_assessment(
    plan: Plan,
    part: Part,
    figures: Figures,
    *,
    as_of: int | None = None,
    thresholds: Thresholds | None = None,
) -> Assessment:
    """One part's assessment: its own targets against its own figures."""
    own_plan = plan.for_part(part)
    return assess(
        own_plan, part_figures(plan, own_plan, figures, part), as_of=as_of, thresholds=thresholds
    )


def part_figures(plan: Plan, own_plan: Plan, figures: Figures, part: Part) -> Figures:
    """The part's figures, as if the whole region's, in the units of the part's own targets."""
    own = figures.for_part(part.id)
    # part_target may give a part's target its own unit, and nothing else figures are read in
    if all(t.unit == plan.target(t.id).unit for t in own_plan.targets):
        return own  # the usual case: a part's targets are in the plan's units
    units = {
        t.id: (plan.figure_unit(plan.target(t.id)), own_plan.figure_unit(t))
        for t in own_plan.targets
    }
    items = []
    for figure in own.items:
        converted = figure
        if figure.value is not None:
            if figure.target not in units:
                units[figure.target] = (
                    plan.figure_unit(plan.target(figure.target)),
                    own_plan.figure_unit(own_plan.target(figure.target)),
                )
            source, wanted = units[figure.target]
            if source != wanted:
                converted = replace(figure, value=convert(figure.value, source, wanted))
        items.append(converted)
    return Figures(tuple(items), own.scope)


def resolve(plan: Plan, name: str) -> Part:
    """The part named ``name``; UsageProblem listing the parts if none."""
    part = plan.resolve_part(name)
    if part is None:
        from shuangshi_cli.figures import unknown_part

        raise UsageProblem.at(unknown_part(plan, name) if plan.parts else "unknown part "
                              f"{shown(name)}; parts: none")  # fmt: skip
    return part


@dataclass(frozen=True)
class PartStanding:
    """A part on the scoreboard."""

    part: Part
    assessment: Assessment
    scores: dict[str, float | None]
    overall: float | None
    rank: int | None
    indicator_ranks: dict[str, int]
    previous_rank: int | None

    @property
    def change(self) -> int | None:
        """Places moved up (+) or down (−) since the previous year."""
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


@dataclass(frozen=True)
class Scoreboard:
    plan: Plan
    as_of: int | None
    indicators: tuple[str, ...]
    standings: tuple[PartStanding, ...]


def _ranks(values: dict[str, float | None]) -> dict[str, int]:
    known = {k: Decimal(repr(v)) for k, v in values.items() if v is not None}
    return {r.region: r.rank for r in rank_ladder(known, higher_is_better=True)}


def _scores(
    inputs: list[tuple[Part, Plan, Figures]],
    as_of: int | None,
    thresholds: Thresholds | None,
    *,
    brief: bool = False,
) -> list[tuple[Part, Assessment, dict[str, float | None]]]:
    """Each part's assessment and scores (``brief``: scores only, the assessment no further
    than each status)."""
    rows = []
    for part, own_plan, own_figures in inputs:
        assessment = assess(own_plan, own_figures, as_of=as_of, thresholds=thresholds, brief=brief)
        rows.append((part, assessment, {r.target.id: score(r) for r in assessment.quantified}))
    return rows


def scoreboard(
    plan: Plan,
    figures: Figures,
    *,
    as_of: int | None = None,
    thresholds: Thresholds | None = None,
) -> Scoreboard:
    """Every part ranked by its overall score (ties share the better rank), with its rank on
    each indicator and its rank change against the year before."""
    if not plan.parts:
        raise UsageProblem.at("this plan has no parts (责任单位): add a parts list to rank them")
    # Each part's plan and figures once: the year before is assessed on the same ones.
    inputs = []
    for part in plan.parts:
        own_plan = plan.for_part(part)
        inputs.append((part, own_plan, part_figures(plan, own_plan, figures, part)))
    # One year for every part: a part whose latest figure is older is judged as of that year too
    # (its pace is stale), as the plain assessment of each part with --as-of would judge it.
    given = [f.year for _, _, found in inputs for f in found.items]
    year = as_of if as_of is not None else (max(given) if given else None)
    rows = _scores(inputs, year, thresholds)
    if year is None:
        years = [a.as_of for _, a, _ in rows if a.as_of is not None]
        year = max(years) if years else None
    ranks = _ranks({p.id: overall(s) for p, _, s in rows})
    previous: dict[str, int] = {}
    if year is not None:
        before = _scores(inputs, year - 1, thresholds, brief=True)  # its scores only
        previous = _ranks({p.id: overall(s) for p, _, s in before})
    indicators = tuple(dict.fromkeys(t.indicator for p in plan.parts for t in p.targets))
    by_indicator = {i: _ranks({p.id: s.get(i) for p, _, s in rows}) for i in indicators}
    standings = [
        PartStanding(
            part,
            assessment,
            scores,
            overall(scores),
            ranks.get(part.id),
            {i: by_indicator[i][part.id] for i in indicators if part.id in by_indicator[i]},
            previous.get(part.id),
        )
        for part, assessment, scores in rows
    ]
    standings.sort(key=lambda s: (s.rank is None, s.rank or 0, s.part.id))
    return Scoreboard(plan, year, indicators, tuple(standings))
