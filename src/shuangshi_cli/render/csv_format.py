"""CSV output: one row per target (or path year, scenario year, part), raw numbers, with the
UTF-8 BOM that Excel needs for Chinese.

Headers are the records' keys, or their names in the chosen language when ``--lang`` is given.
Text cells are neutralised against formula injection (OWASP): a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``; control characters go.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from shuangshi_cli.messages import CATALOGUE, t
from shuangshi_cli.render import Kind, without_control

if TYPE_CHECKING:
    from shuangshi_cli.render import Document, Style

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs: control characters out, a leading
    formula character behind a ``'`` (the OWASP rule for CSV injection)."""
    cleaned = without_control(text)
    if cleaned.startswith(FORMULA_START):
        return "'" + cleaned
    return cleaned


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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return safe_cell(str(value))


def heading(column: str, style: Style) -> str:
    """The header of ``column``: its key, or its name in the language the user chose."""
    if not style.lang_given:
        return column
    key = f"csv.{column}"
    if key in CATALOGUE:
        return t(key, style.lang)
    for prefix in ("score_", "rank_"):
        if column.startswith(prefix):
            return t(f"csv.{prefix}of", style.lang, id=column.removeprefix(prefix))
    return column


def _table(rows: Iterable[Mapping[str, Any]], columns: list[str], style: Style) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(heading(c, style)) for c in columns])
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return BOM + buffer.getvalue()


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
# ... an each-year target's years (joined with ;), as JSON's lists
ASSESSMENT_COLUMNS += ["breached_years", "unseen_years"]

PLAN_COLUMNS = [
    "id", "name", "name_en", "kind", "category", "unit", "comparison", "value", "deadline",
    "better", "progress", "attribute", "flow", "baseline_year", "baseline_value",
    "baseline_comparison", "baseline_quote", "source",
]  # fmt: skip
PLAN_COLUMNS += ["binding", "price_basis", "price_year", "growth_basis", "series"]


PATH_COLUMNS = ["id", "name", "year", "path", "figure", "difference", "ahead"]
WHATIF_COLUMNS = ["id", "assumed_growth", "growth", "growth_basis", "year", "value", "met_year"]


def _assessment(record: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    rows = [_flatten(r) for r in record["results"]]
    if "parts" not in record:
        return ASSESSMENT_COLUMNS, rows
    # with the parts' (check --parts): a row per part and target, after the plan's own
    rows += [
        {
            **_flatten(result),
            "part": part["id"],
            "part_name": part["name"],
            "part_name_en": part["name_en"],
        }
        for part in record["parts"]
        for result in part["results"]
    ]
    return [*ASSESSMENT_COLUMNS, "part", "part_name", "part_name_en"], rows


def _plan(record: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    return PLAN_COLUMNS, [_flatten(t) for t in record["targets"]]


def _path(record: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    rows = [
        {"id": p["id"], "name": p["name"], **year} for p in record["paths"] for year in p["years"]
    ]
    return PATH_COLUMNS, rows


def _whatif(record: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    rows = [
        {"id": record["id"], **{k: v for k, v in s.items() if k != "values"}, **value}
        for s in record["scenarios"]
        for value in s["values"]
    ]
    return WHATIF_COLUMNS, rows


SCOREBOARD_COLUMNS = ["rank", "id", "name", "type", "overall_score", "previous_rank", "rank_change"]


def _indicator_column(prefix: str, indicator: str) -> str:
    """score_gdp, rank_gdp; rank_of_change for an indicator whose column would be one of the
    board's own (rank_change: the places a part moved)."""
    name = f"{prefix}_{indicator}"
    return f"{prefix}_of_{indicator}" if name in SCOREBOARD_COLUMNS else name


def _scoreboard(record: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    columns = list(SCOREBOARD_COLUMNS)
    columns += [_indicator_column("score", i) for i in record["indicators"]]
    columns += [_indicator_column("rank", i) for i in record["indicators"]]
    rows = [
        {
            **{k: v for k, v in part.items() if not isinstance(v, dict | list)},
            **{_indicator_column("score", k): v for k, v in part["scores"].items()},
            **{_indicator_column("rank", k): v for k, v in part["indicator_ranks"].items()},
        }
        for part in record["parts"]
    ]
    return columns, rows


EXPLAIN_COLUMNS = ["id", "step", "label", "formula", "substituted", "result", "method"]


def _explain(record: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    rows = [
        {"id": record["id"], "step": s["key"], "result": s["value"], **s} for s in record["steps"]
    ]
    return EXPLAIN_COLUMNS, rows


ROWS: dict[Kind, Callable[[dict[str, Any]], tuple[list[str], list[dict[str, Any]]]]] = {
    Kind.ASSESSMENT: _assessment,
    Kind.PLAN: _plan,
    Kind.PATH: _path,
    Kind.WHATIF: _whatif,
    Kind.SCOREBOARD: _scoreboard,
    Kind.EXPLAIN: _explain,
}


def print_document(document: Document, style: Style) -> str:
    columns, rows = ROWS[document.kind](document.record(style.lang))
    return _table(rows, columns, style)
