"""CSV output: one row per target, raw numbers, with the UTF-8 BOM that Excel needs for Chinese."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from shuangshi_cli.render.records import (
    assessment_record,
    paths_record,
    plan_record,
    scoreboard_record,
    whatif_record,
)

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.plan import Plan
    from shuangshi_cli.render import Style
    from shuangshi_cli.scenarios import TargetPath, WhatIf

BOM = "\ufeff"


def _flatten(record: Mapping[str, Any]) -> dict[str, Any]:
    """Nested {year, value} objects become latest_year, latest_value …; lists join with ';'."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, Mapping):
            for inner, item in value.items():
                flat[f"{key}_{inner}"] = item
        elif isinstance(value, list):
            flat[key] = ";".join(str(v) for v in value if not isinstance(v, Mapping))
        else:
            flat[key] = value
    return flat


def _table(rows: Iterable[Mapping[str, Any]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else _cell(v)) for k, v in row.items()})
    return BOM + buffer.getvalue()


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


ASSESSMENT_COLUMNS = [
    "id", "name", "name_en", "kind", "category", "unit", "comparison", "target", "deadline",
    "progress", "latest_year", "latest_value", "base_year", "base_value", "base_source",
    "base_bound", "target_level", "gap", "reached_pct", "time_progress", "task_progress",
    "required_growth", "observed_growth", "pace_ratio", "projected_value", "projected_year",
    "years_ahead", "status", "early", "status_label", "notes", "within_year_year",
    "within_year_month", "within_year_value", "within_year_annual_goal", "within_year_completion",
    "within_year_time_elapsed", "within_year_lead_points", "within_year_yoy_growth",
    "within_year_required_yoy_growth", "within_year_time_basis", "peer_rank", "peer_count",
    "peer_year", "rank_target_region", "rank_target_value", "rank_value_gap",
    "rank_rival_growth", "rank_required_growth",
]  # fmt: skip

# Columns of real plan tables (issue 10): appended, so older readers keep their columns.
ASSESSMENT_COLUMNS += [
    "required_growth_from", "binding", "hand_status", "hand_note", "hand_year", "verdict",
    "band_low", "band_high", "band_tolerance", "band_side",
    "relative_relative_to", "relative_relation", "relative_tolerance",
    "relative_average_growth", "relative_other_average_growth", "relative_difference",
    "relative_holds", "price_basis", "price_year",
]  # fmt: skip

PLAN_COLUMNS = [
    "id", "name", "name_en", "kind", "category", "unit", "comparison", "value", "deadline",
    "better", "progress", "attribute", "flow", "baseline_year", "baseline_value",
    "baseline_comparison", "baseline_quote", "source",
]  # fmt: skip
PLAN_COLUMNS += ["binding", "price_basis", "price_year", "series"]


def render_plan(plan: Plan, style: Style) -> str:
    return _table((_flatten(t) for t in plan_record(plan)["targets"]), PLAN_COLUMNS)


def render_assessment(assessment: Assessment, style: Style) -> str:
    records = assessment_record(assessment, style.lang)["results"]
    return _table((_flatten(r) for r in records), ASSESSMENT_COLUMNS)


PATH_COLUMNS = ["id", "name", "year", "path", "figure", "difference", "ahead"]
WHATIF_COLUMNS = ["id", "assumed_growth", "growth", "growth_basis", "year", "value", "met_year"]


def render_path(assessment: Assessment, paths: list[TargetPath], style: Style) -> str:
    rows = [
        {"id": p["id"], "name": p["name"], **year}
        for p in paths_record(assessment, paths)["paths"]
        for year in p["years"]
    ]
    return _table(rows, PATH_COLUMNS)


def render_whatif(whatif: WhatIf, style: Style) -> str:
    record = whatif_record(whatif)
    rows = [
        {"id": record["id"], **{k: v for k, v in s.items() if k != "values"}, **value}
        for s in record["scenarios"]
        for value in s["values"]
    ]
    return _table(rows, WHATIF_COLUMNS)


def render_scoreboard(board: Scoreboard, style: Style) -> str:
    record = scoreboard_record(board, style.lang)
    columns = ["rank", "id", "name", "type", "overall_score", "previous_rank", "rank_change"]
    columns += [f"score_{i}" for i in record["indicators"]]
    columns += [f"rank_{i}" for i in record["indicators"]]
    rows = [
        {
            **{k: v for k, v in part.items() if not isinstance(v, dict | list)},
            **{f"score_{k}": v for k, v in part["scores"].items()},
            **{f"rank_{k}": v for k, v in part["indicator_ranks"].items()},
        }
        for part in record["parts"]
    ]
    return _table(rows, columns)
