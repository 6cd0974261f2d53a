"""The figures table to fill in, for a plan: every kind of row, as CSV or as a workbook.

Rows: each quantified target for each year from the base year to its deadline; the cumulative
months 3, 6 and 9 of the deadline year for flows (时序进度); one row per qualitative target for a
status; and each part's targets, with the part named. Rows left blank are skipped when read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import TYPE_CHECKING

from shuangshi_cli.messages import Lang, t
from shuangshi_cli.render.csv_format import FORMULA_START, safe_cell
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from collections.abc import Iterator

    from shuangshi_cli.plan import Plan

# indicator, year, value, unit, status first: "fyp13_early,2019,,,achieved" fills a status row.
COLUMNS = ("indicator", "year", "value", "unit", "status", "month", "part", "name", "note")
QUARTER_MONTHS = (3, 6, 9)
BOM = "\ufeff"
# The header in Chinese (--lang zh), as the figures reader knows the names: 指标, 年份, 数值 …
HEADERS_ZH = {
    "indicator": "指标", "year": "年份", "value": "数值", "unit": "单位", "status": "状态",
    "month": "月份", "part": "责任单位", "name": "名称", "note": "备注",
}  # fmt: skip


CHANGE_HINT_ZH = "（填比上年增减%，下降为负）"
CHANGE_HINT_EN = " (the change on the year before in %, a fall negative)"


def headers(lang: str | None) -> list[str]:
    """The template's column names: Chinese for ``zh``, else the reader's own (English)."""
    return [HEADERS_ZH[c] for c in COLUMNS] if lang == "zh" else list(COLUMNS)


def template_rows(plan: Plan, lang: str | None = None) -> Iterator[dict[str, str]]:
    """The rows of the template, every column present (blank where the user writes); the names
    in English for ``en`` where the plan has them."""

    def row(**filled: str) -> dict[str, str]:
        target = plan.resolve(filled["indicator"])
        if lang == "en" and target is not None and target.name_en:
            filled["name"] = target.name_en
        if target is not None and target.unit is not None and plan.yearly_changes(target):
            # the value is each year's change, signed: under 单位GDP能耗降低 a fall of 2.7 is -2.7
            filled["name"] += CHANGE_HINT_EN if lang == "en" else CHANGE_HINT_ZH
        return {column: filled.get(column, "") for column in COLUMNS}

    base = plan.plan.base_year
    # A target reading another's series has no rows of its own; a qualitative target with a unit
    # is a series others compare with (GDP growth beside 与GDP增长同步), so it gets rows.
    measured = [t for t in plan.targets if (t.quantified or t.unit) and t.series is None]
    for target in measured:
        unit = plan.figure_unit(target).symbol
        for year in range(base, target.deadline + 1):
            yield row(indicator=target.id, year=str(year), unit=unit, name=target.name)
    for target in measured:
        # (a flow given as rates, 增长6%左右: no amount so far for 1-9月, whose figure is refused)
        if target.flow and not plan.figure_unit(target).is_rate:
            unit = plan.figure_unit(target).symbol
            for month in QUARTER_MONTHS:
                yield row(
                    indicator=target.id,
                    year=str(target.deadline),
                    unit=unit,
                    month=str(month),
                    name=target.name,
                )
    for target in plan.targets:
        if not target.quantified:
            yield row(indicator=target.id, year=str(target.deadline), name=target.name)
    for part in plan.parts:
        own = plan.for_part(part)
        for target in own.quantified:
            unit = own.figure_unit(target).symbol
            for year in range(base, target.deadline + 1):
                yield row(
                    indicator=target.id,
                    year=str(year),
                    unit=unit,
                    # (a name a spreadsheet would run, =HYPERLINK(…): the part's id, read alike)
                    part=part.id if part.name.startswith(FORMULA_START) else part.name,
                    name=target.name,
                )


def template_csv(plan: Plan, lang: str | None = None) -> str:
    """The template as CSV, with the UTF-8 BOM so that Excel shows the Chinese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers(lang))
    # (a cell a spreadsheet would run as a formula is written behind a ', as gap's CSV is)
    writer.writerows([safe_cell(r[c]) for c in COLUMNS] for r in template_rows(plan, lang))
    return BOM + buffer.getvalue()


def template_xlsx(plan: Plan, lang: str | None = None) -> bytes:
    """The template as a workbook: drop-down lists of indicators, units, statuses and parts, a
    frozen header row, column widths; a hidden sheet holds the lists."""
    from shuangshi_cli.formulas import FIRST_YEAR, LAST_YEAR
    from shuangshi_cli.units import BUILTIN_UNITS
    from shuangshi_cli.xlsxout import Column, Sheet, xlsx_write

    rows = list(template_rows(plan, lang))
    dimensions = {plan.figure_unit(t).dimension for t in plan.quantified}
    symbols = [*BUILTIN_UNITS.symbols(), *(u.symbol for u in plan.units)]
    units = [
        s
        for s in dict.fromkeys(symbols)
        if (u := plan.lookup_unit(s)) and u.dimension in dimensions
    ]
    statuses = [s.value for s in Status if s is not Status.NOT_ASSESSED]
    statuses += [t(f"status.{Status(s).value}", Lang.ZH) for s in statuses]
    names = {
        "indicator": Column("indicator", 20, choices=[t.id for t in plan.targets]),
        "year": Column("year", 8, whole=(FIRST_YEAR, LAST_YEAR)),
        "value": Column("value", 14),
        "unit": Column("unit", 10, choices=units),
        "status": Column("status", 20, choices=statuses),
        "month": Column("month", 8, whole=(1, 11)),
        "part": Column("part", 16, choices=[p.name for p in plan.parts]),
        "name": Column("name", 30),
        "note": Column("note", 30),
    }
    columns = [replace(names[c], header=h) for c, h in zip(COLUMNS, headers(lang), strict=True)]
    cells = [[_cell(r[c]) for c in COLUMNS] for r in rows]
    return xlsx_write([Sheet("figures", columns, cells)])


def _cell(text: str) -> str | int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else text
