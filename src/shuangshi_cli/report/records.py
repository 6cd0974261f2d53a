"""Plain JSON-ready records of a plan and an assessment: the data every format starts from."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from shuangshi_cli.report.terms import status_label

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment, Point, Result, WithinYear
    from shuangshi_cli.messages import Lang
    from shuangshi_cli.parts import PartStanding, Scoreboard
    from shuangshi_cli.plan import KnownValue, Plan, Target
    from shuangshi_cli.scenarios import TargetPath, WhatIf

# Growth rates are floats; 12 significant digits keep every digit that means anything and drop
# the binary noise (47.900000000000006 → 47.9).
SIGNIFICANT = 12


def number(value: Decimal | float | int | None) -> int | float | None:
    """A JSON number: exact Decimals as their shortest float, floats rounded to 12 digits."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return float(f"{value:.{SIGNIFICANT}g}") + 0.0  # (+ 0.0: no -0.0)
    return value


def header(plan: Plan) -> dict[str, Any]:
    h = plan.plan
    return {
        "id": h.id,
        "title": h.title,
        "title_en": h.title_en,
        "issuer": h.issuer,
        "issuer_en": h.issuer_en,
        "issued": h.issued.isoformat() if h.issued else None,
        "published": (
            {"by": h.published.by, "by_en": h.published.by_en, "date": h.published.date.isoformat()}
            if h.published
            else None
        ),
        "region": h.region.model_dump(mode="json"),
        "period": {"start": h.period.start, "end": h.period.end},
        "base_year": h.base_year,
    }


def _known(known: KnownValue) -> dict[str, Any]:
    return {
        "year": known.year,
        "value": number(known.value),
        "comparison": known.comparison.value if known.comparison else None,
        "quote": known.quote,
        "indicator_as_quoted": known.indicator_as_quoted,
        "note": known.note,
    }


def _identity(target: Target) -> dict[str, Any]:
    """The fields that name a target and say what it is, shared by every record of it."""
    return {
        "id": target.id,
        "name": target.name,
        "name_en": target.name_en,
        "kind": target.kind.value,
        "category": target.category,
        "unit": target.unit,
        "comparison": target.comparison.value if target.comparison else None,
    }


def target_record(plan: Plan, target: Target) -> dict[str, Any]:
    quantified = target.quantified
    return {
        **_identity(target),
        "value": number(target.value),
        "deadline": target.deadline,
        "original_deadline": target.original_deadline,
        "better": ("higher" if target.higher_is_better else "lower") if quantified else None,
        "progress": plan.progress(target).value if quantified else None,
        "figure_unit": plan.figure_unit(target).symbol if quantified else None,
        "attribute": target.attribute,
        "binding": target.binding is True,
        "price_basis": target.price_basis,
        "price_year": target.price_year,
        "growth_basis": target.growth_basis,
        "series": target.series,
        "flow": target.flow,
        "baseline": _known(target.baseline) if target.baseline else None,
        "history": [_known(k) for k in target.history],
        "source": target.source,
        "note": target.note,
    }


def plan_record(plan: Plan) -> dict[str, Any]:
    return {
        "plan": header(plan),
        "targets": [target_record(plan, t) for t in plan.targets],
        "programmes": [p.model_dump(mode="json") for p in plan.programmes],
    }


def _point(point: Point | None, *, with_source: bool = False) -> dict[str, Any] | None:
    if point is None:
        return None
    record: dict[str, Any] = {"year": point.year, "value": number(point.value)}
    if with_source:
        record["source"] = point.source
        record["bound"] = point.bound.value if point.bound else None
    return record


def result_record(result: Result, lang: Lang) -> dict[str, Any]:
    target = result.target
    return {
        **_identity(target),
        "target": number(target.value),
        "deadline": target.deadline,
        "progress": result.progress.value if result.progress else None,
        "latest": _point(result.latest),
        "base": _point(result.base, with_source=True),
        "target_level": number(result.target_level),
        "gap": number(result.gap),
        "reached_pct": number(result.reached_pct),
        "time_progress": number(result.time_progress),
        "task_progress": number(result.task_progress),
        "required_growth": number(result.required_growth),
        "required_growth_from": result.required_from,
        "observed_growth": number(result.observed_growth),
        "pace_ratio": number(result.pace_ratio),
        "projected_value": number(result.projected_value),
        "projected_year": result.projected_year,
        "years_ahead": number(result.years_ahead),
        "within_year": within_year_record(result.within_year),
        **peer_fields(result),
        "status": result.status.value,
        "early": result.early,
        "status_label": status_label(result, lang),
        "notes": [n.value for n in result.notes],
        "breached_years": list(result.breached),
        "unseen_years": list(result.unseen),
        "binding": target.binding is True,
        "price_basis": target.price_basis,
        "price_year": target.price_year,
        "hand_status": result.hand_status.value if result.hand_status else None,
        "hand_note": result.hand_note,
        "hand_year": result.hand_year,
        "verdict": result.verdict.value,
        "band": band_record(result),
        "relative": relative_record(result),
    }


def relative_record(result: Result) -> dict[str, Any] | None:
    """A relative target's comparison series: both growths each year, and over the period."""
    relation = result.relative
    if relation is None:
        return None
    return {
        "relative_to": relation.other,
        "relation": relation.relation,
        "tolerance": number(relation.tolerance),
        "average_growth": number(relation.average),
        "other_average_growth": number(relation.other_average),
        "difference": number(relation.difference),
        "holds": relation.holds,
        "years": [
            {
                "year": y.year,
                "growth": number(y.growth),
                "other_growth": number(y.other_growth),
                "difference": number(y.difference),
                "holds": y.holds,
            }
            for y in relation.years
        ],
    }


def band_record(result: Result) -> dict[str, Any] | None:
    """An approximate (左右) target's band and the side of it the latest figure stands on."""
    band = result.band
    if band is None:
        return None
    return {
        "low": number(band.low),
        "high": number(band.high),
        "tolerance": number(band.tolerance),
        "side": band.side,
    }


def assessment_record(assessment: Assessment, lang: Lang) -> dict[str, Any]:
    return {
        "plan": header(assessment.plan),
        **_judged(assessment, lang),
        "programmes": [p.model_dump(mode="json") for p in assessment.plan.programmes],
    }


def _judged(assessment: Assessment, lang: Lang) -> dict[str, Any]:
    """What an assessment found: its year, each result, the count per status, the targets
    without figures (the plan's, or a part's)."""
    return {
        "as_of": assessment.as_of,
        "results": [result_record(r, lang) for r in assessment.results],
        "summary": assessment.summary,
        "missing": list(assessment.missing),
    }


def within_year_record(within: WithinYear | None) -> dict[str, Any] | None:
    if within is None:
        return None
    return {
        "year": within.year,
        "month": within.month,
        "value": number(within.value),
        "annual_goal": number(within.annual_goal),
        "completion": number(within.completion),
        "time_elapsed": number(within.time_elapsed),
        "lead_points": number(within.lead_points),
        "yoy_growth": number(within.yoy_growth),
        "required_yoy_growth": number(within.required_yoy_growth),
        "time_basis": "seasonal" if within.seasonal else "months",
    }


def path_record(path: TargetPath) -> dict[str, Any]:
    result = path.result
    target = result.target
    return {
        "id": target.id,
        "name": target.name,
        "name_en": target.name_en,
        "unit": result.target.unit,
        "progress": result.progress.value if result.progress else None,
        "base": _point(path.base, with_source=True),
        "target_level": number(path.level),
        "deadline": target.deadline,
        "years_ahead": number(result.years_ahead),
        "required_growth": number(result.required_growth),
        "years": [
            {
                "year": y.year,
                "path": number(y.path),
                "figure": number(y.figure),
                "difference": number(y.difference),
                "ahead": y.ahead,
            }
            for y in path.years
        ],
        "from_latest": [{"year": year, "value": number(value)} for year, value in path.from_latest],
        "met_at_base": path.met_at_base,
    }


def paths_record(assessment: Assessment, paths: list[TargetPath]) -> dict[str, Any]:
    return {
        "plan": header(assessment.plan),
        "as_of": assessment.as_of,
        "paths": [path_record(p) for p in paths],
    }


def whatif_record(whatif: WhatIf) -> dict[str, Any]:
    result = whatif.result
    target = result.target
    return {
        "plan": header(whatif.plan),
        "id": target.id,
        "name": target.name,
        "name_en": target.name_en,
        "unit": target.unit,
        "comparison": target.comparison.value if target.comparison else None,
        "target": number(target.value),
        "target_level": number(whatif.level),
        "deadline": target.deadline,
        "progress": result.progress.value if result.progress else None,
        "latest": _point(whatif.latest),
        "deflator": number(whatif.deflator),
        "scenarios": [
            {
                "growth": number(s.growth),
                "assumed_growth": number(s.assumed),
                "growth_basis": "real" if whatif.deflator is not None else "nominal",
                "values": [{"year": year, "value": number(value)} for year, value in s.values],
                "met_year": s.met_year,
                "met_by_deadline": s.met_by(target.deadline),
            }
            for s in whatif.scenarios
        ],
        "by": whatif.by,
        "met": whatif.met,
        "required_growth": number(whatif.required),
        "required_real_growth": number(whatif.required_real),
    }


def peer_fields(result: Result) -> dict[str, Any]:
    """The peer-table fields of a result; null unless a rank target was judged from peers."""
    peers = result.peers
    if peers is None:
        return dict.fromkeys(PEER_FIELDS)
    latest, chase = peers.latest, peers.chase
    return {
        "peer_rank": latest.rank,
        "peer_count": latest.count,
        "peer_year": latest.year,
        "rank_target_region": chase.target_region,
        "rank_target_value": number(chase.target_value),
        "rank_value_gap": number(chase.value_gap),
        "rank_rival_growth": number(chase.rival_growth),
        "rank_required_growth": number(chase.required_growth),
        "peer_ranks": [{"year": s.year, "rank": s.rank, "count": s.count} for s in peers.standings],
        "rank_disagreements": [
            {"year": year, "figure": number(figure), "computed": computed}
            for year, figure, computed in peers.disagreements
        ],
    }


PEER_FIELDS = (
    "peer_rank", "peer_count", "peer_year", "rank_target_region", "rank_target_value",
    "rank_value_gap", "rank_rival_growth", "rank_required_growth", "peer_ranks",
    "rank_disagreements",
)  # fmt: skip


def part_record(standing: PartStanding, lang: Lang) -> dict[str, Any]:
    """A part's own assessment (check --parts), its results recorded as the plan's are."""
    part = standing.part
    return {
        "id": part.id,
        "name": part.name,
        "name_en": part.name_en,
        "type": part.type,
        **_judged(standing.assessment, lang),
    }


def scoreboard_record(board: Scoreboard, lang: Lang) -> dict[str, Any]:
    return {
        "plan": header(board.plan),
        "as_of": board.as_of,
        "indicators": list(board.indicators),
        "parts": [
            {
                "id": s.part.id,
                "name": s.part.name,
                "name_en": s.part.name_en,
                "type": s.part.type,
                "rank": s.rank,
                "previous_rank": s.previous_rank,
                "rank_change": s.change,
                "overall_score": number(s.overall),
                "scores": {k: number(v) for k, v in s.scores.items()},
                "indicator_ranks": s.indicator_ranks,
                "results": [
                    {
                        "id": r.target.id,
                        "target": number(r.target.value),
                        "latest": _point(r.latest),
                        "gap": number(r.gap),
                        "pace_ratio": number(r.pace_ratio),
                        "status": r.status.value,
                        "status_label": status_label(r, lang),
                    }
                    for r in s.assessment.quantified
                ],
            }
            for s in board.standings
        ],
    }
