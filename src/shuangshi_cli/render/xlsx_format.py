"""xlsx output: each table of a report on a sheet of its own, numbers as numbers.

Rates are fractions with a % number format, quantities keep their digits, ranks are whole
numbers; headings are in the report's language, the header row is frozen, columns are sized to
what they hold, and the report's lines and notes go on a last sheet. Text is written as text
(xlsxwriter's ``write_string`` never makes a formula), with control characters removed.
Written with xlsxwriter (write-only, fast, per-cell number formats), imported only here.
"""

from __future__ import annotations

import io
import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from shuangshi_cli.render import without_control
from shuangshi_cli.report import (
    Bar,
    Checklist,
    Figure,
    Heading,
    Lines,
    Notes,
    Points,
    Quantity,
    Rank,
    Rate,
    StatusCell,
    Summary,
    Table,
    Title,
)

if TYPE_CHECKING:
    from shuangshi_cli.render import Document, Style
    from shuangshi_cli.report import Cell, Report

_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
MAX_WIDTH = 60
RATE_FORMAT = "0.0%"
RANK_FORMAT = "0"


def _number(cell: Cell) -> tuple[float | None, str | None]:
    """The number a cell holds and its Excel number format; (None, None) for words."""
    if isinstance(cell, Rate | Bar):
        share = cell.value if isinstance(cell, Rate) else cell.share
        return (None, None) if share is None else (_float(share), RATE_FORMAT)
    if isinstance(cell, Rank):
        return (None, None) if cell.value is None else (float(cell.value), RANK_FORMAT)
    if isinstance(cell, Quantity | Points):
        value = cell.value
        if value is None:
            return None, None
        # a computed float at its 12 significant digits, as JSON gives it (8.8, not
        # 8.800000000000001), shown with the decimals the report shows (0.29, not 0.29124024)
        exact = value if isinstance(value, Decimal) else Decimal(f"{value:.12g}")
        if not exact.is_finite():
            return None, None
        places = max(0, min(8, -exact.normalize().as_tuple().exponent))  # type: ignore[operator]
        shown = _SHOWN.search(cell.text) if not isinstance(value, Decimal) else None
        if shown is not None:
            places = min(places, len(shown.group(1) or ""))
        return float(exact), "0" if places == 0 else "0." + "0" * places
    return None, None


_SHOWN = re.compile(r"\d+(?:\.(\d+))?")  # the decimals of the number a cell's text shows


def _float(value: Decimal | float) -> float:
    """A share as JSON gives it: a float at its 12 significant digits."""
    return float(value) if isinstance(value, Decimal) else float(f"{value:.12g}")


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the book."""
    base = _SHEET_NAME.sub("_", wanted).strip("'") or "sheet"
    name, n = _cut(base, 31), 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = _cut(base, 31 - len(suffix)) + suffix, n + 1
    taken.add(name.casefold())
    return name


def _cut(text: str, most: int) -> str:
    """``text`` in at most ``most`` characters, an ellipsis saying where it was cut (a name
    cut at 累计下降≥1 would read as another target)."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _cells(text: str) -> int:
    """Columns a text takes: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _width(texts: list[str]) -> float:
    return min(MAX_WIDTH, max((_cells(t) for t in texts), default=8) + 2)


def _write_table(book: Any, table: Table, name: str, formats: dict[str, Any]) -> None:
    page = book.add_worksheet(name)
    page.freeze_panes(1, 0)
    for c, column in enumerate(table.columns):
        page.write_string(0, c, without_control(column.heading), formats["head"])
        texts = [column.heading] + [row[c].text for row in table.rows]
        page.set_column(c, c, _width(texts))
    for r, row in enumerate(table.rows, start=1):
        for c, cell in enumerate(row):
            value, number_format = _number(cell)
            if value is not None and number_format is not None:
                if number_format not in formats:
                    formats[number_format] = book.add_format({"num_format": number_format})
                page.write_number(r, c, value, formats[number_format])
            elif isinstance(cell, StatusCell) or cell.text not in {"", "—"}:
                page.write_string(r, c, without_control(cell.text))


def print_report(report: Report, notes_name: str = "notes") -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    formats: dict[str, Any] = {"head": book.add_format({"bold": True, "bottom": 1})}
    taken: set[str] = set()
    lines: list[str] = []
    heading = ""
    for block in report.blocks:
        if isinstance(block, Title):
            book.set_properties({"title": block.text})
            lines.append(block.text)
        elif isinstance(block, Heading):
            heading = block.text
            lines.append(block.text)
        elif isinstance(block, Table):
            name = block.name or block.title or heading or block.key
            _write_table(book, block, _sheet_name(name, taken), formats)
            heading = ""
        elif isinstance(block, Figure):
            _write_table(book, block.table, _sheet_name(block.key, taken), formats)
            lines.append(block.caption)
        elif isinstance(block, Lines | Notes | Checklist):
            if block.heading:
                lines.append(block.heading)
            items = [x.text for x in block.lines] if isinstance(block, Lines) else block.items
            lines += [f"  {item}" for item in items]
        elif isinstance(block, Summary):
            lines.append(block.text)
    if lines:
        page = book.add_worksheet(_sheet_name(notes_name, taken))
        page.set_column(0, 0, MAX_WIDTH * 2)
        for r, line in enumerate(lines):
            page.write_string(r, 0, without_control(line))
    book.close()
    return buffer.getvalue()


def print_document(document: Document, style: Style) -> bytes:
    from shuangshi_cli.messages import t

    return print_report(document.report(style.lang), t("section.notes", style.lang))
