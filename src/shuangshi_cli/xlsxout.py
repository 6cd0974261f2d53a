"""Workbooks out, with xlsxwriter: sheets of typed columns, frozen headers, widths, drop-downs.

xlsxwriter is write-only and fast, and has data validation (drop-down lists) and number formats;
reading is calamine's job (workbook.py). It is imported only when a workbook is written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

Cell = str | int | float | Decimal | None
# Drop-downs and checks reach this many rows below the header: room for what is added by hand.
VALIDATED_ROWS = 2000
LISTS_SHEET = "lists"


@dataclass(frozen=True)
class Column:
    """A column: its heading, width (in characters), and what a cell may hold."""

    header: str
    width: float = 12
    choices: Sequence[str] = ()  # a drop-down list (kept on a hidden sheet: no length limit)
    whole: tuple[int, int] | None = None  # a whole number between these
    number_format: str | None = None  # "0.0", "0.0%" … for numeric cells
    strict: bool = False  # refuse other values (else warn and allow: aliases are fine too)


@dataclass(frozen=True)
class Sheet:
    """A sheet: a header row of ``columns``, frozen, then ``rows``."""

    name: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]] = field(default_factory=list)


def xlsx_write(sheets: Sequence[Sheet]) -> bytes:
    """The bytes of an .xlsx workbook holding ``sheets``, in order (the first is the one shown)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    bold = book.add_format({"bold": True, "bottom": 1, "bg_color": "#F2F2F2"})
    formats: dict[str, Any] = {}
    lists: list[Sequence[str]] = []
    written = [(sheet, book.add_worksheet(sheet.name)) for sheet in sheets]
    store = (
        book.add_worksheet(LISTS_SHEET)
        if any(c.choices for s in sheets for c in s.columns)
        else None
    )
    for sheet, page in written:
        page.freeze_panes(1, 0)
        for index, column in enumerate(sheet.columns):
            number = None
            if column.number_format:
                number = formats.setdefault(
                    column.number_format, book.add_format({"num_format": column.number_format})
                )
            page.set_column(index, index, column.width, number)
            page.write_string(0, index, column.header, bold)
            rule = _validation(column, store, lists)
            if rule is not None:
                page.data_validation(1, index, VALIDATED_ROWS, index, rule)
        for r, row in enumerate(sheet.rows, start=1):
            for c, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                if isinstance(cell, Decimal):
                    page.write_number(r, c, float(cell))
                elif isinstance(cell, int | float):
                    page.write_number(r, c, cell)
                else:
                    page.write_string(r, c, cell)
    if store is not None:
        for c, choices in enumerate(lists):
            for r, choice in enumerate(choices):
                store.write_string(r, c, choice)
        store.hide()
    book.close()
    return buffer.getvalue()


def _validation(column: Column, store: Any, lists: list[Sequence[str]]) -> dict[str, Any] | None:
    style = "stop" if column.strict else "warning"
    if column.choices and store is not None:
        from xlsxwriter.utility import xl_col_to_name

        lists.append(column.choices)
        letter = xl_col_to_name(len(lists) - 1)
        return {
            "validate": "list",
            "source": f"={LISTS_SHEET}!${letter}$1:${letter}${len(column.choices)}",
            "error_type": style,
            "error_title": column.header,
            "error_message": "Not in the list (names and aliases the plan knows are fine too).",
        }
    if column.whole is not None:
        low, high = column.whole
        return {
            "validate": "integer",
            "criteria": "between",
            "minimum": low,
            "maximum": high,
            "error_type": style,
            "error_title": column.header,
            "error_message": f"A whole number from {low} to {high}.",
        }
    return None
