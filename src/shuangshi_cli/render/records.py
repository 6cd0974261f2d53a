"""Plain JSON-ready records of a plan and an assessment: the data every format starts from."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from shuangshi_cli.assess import Assessment, Point, Result
from shuangshi_cli.plan import KnownValue, Plan, Target
from shuangshi_cli.render.text import status_label

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
        return float(f"{value:.{SIGNIFICANT}g}")
    return value


def header(plan: Plan) -> dict[str, Any]:
    h = plan.plan
    return {
        "id": h.id,
        "title": h.title,
        "title_en": h.title_en,
        "issuer": h.issuer,
        "issuer_en": h.issuer_en,
        "issued": h.issued.isoformat(),
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


def target_record(plan: Plan, target: Target) -> dict[str, Any]:
    quantified = target.quantified
    return {
        "id": target.id,
        "name": target.name,
        "name_en": target.name_en,
        "kind": target.kind.value,
        "category": target.category,
        "unit": target.unit,
        "comparison": target.comparison.value if target.comparison else None,
        "value": number(target.value),
        "deadline": target.deadline,
        "original_deadline": target.original_deadline,
        "better": ("higher" if target.higher_is_better else "lower") if quantified else None,
        "progress": plan.progress(target).value if quantified else None,
        "figure_unit": plan.figure_unit(target).symbol if quantified else None,
        "attribute": target.attribute,
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


def result_record(result: Result, lang: str) -> dict[str, Any]:
    target = result.target
    return {
        "id": target.id,
        "name": target.name,
        "name_en": target.name_en,
        "kind": target.kind.value,
        "category": target.category,
        "unit": target.unit,
        "comparison": target.comparison.value if target.comparison else None,
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
        "observed_growth": number(result.observed_growth),
        "pace_ratio": number(result.pace_ratio),
        "projected_value": number(result.projected_value),
        "projected_year": result.projected_year,
        "status": result.status.value,
        "early": result.early,
        "status_label": status_label(result, "zh" if lang == "zh" else "en"),
        "notes": [n.value for n in result.notes],
    }


def assessment_record(assessment: Assessment, lang: str) -> dict[str, Any]:
    return {
        "plan": header(assessment.plan),
        "as_of": assessment.as_of,
        "results": [result_record(r, lang) for r in assessment.results],
        "summary": assessment.summary,
        "missing": list(assessment.missing),
        "programmes": [p.model_dump(mode="json") for p in assessment.plan.programmes],
    }
