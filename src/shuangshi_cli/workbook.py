"""Workbooks (.xlsx, .xls, .ods) read with python-calamine: one sheet into a table's rows.

calamine is imported only here, and only when a workbook is read, so start-up on CSV does not
pay for it.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shuangshi_cli.errors import FiguresError, Problem
from shuangshi_cli.messages import msg
from shuangshi_cli.notices import notice
from shuangshi_cli.tables import Grid, Reading, grid_rows

if TYPE_CHECKING:
    from shuangshi_cli.figures import RawRow

SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}


def is_workbook_name(name: str) -> bool:
    """A file named as a workbook (``book.xlsx``, ``book.xlsx#2019年``), or stdin, which may
    hold one."""
    return name == "-" or Path(split_sheet(name)[0]).suffix.lower() in SUFFIXES


def split_sheet(path: str) -> tuple[str, str | None]:
    """``book.xlsx#2019年`` → (``book.xlsx``, ``2019年``); any other path is left whole."""
    base, mark, sheet = path.rpartition("#")
    if not mark or Path(base).suffix.lower() not in SUFFIXES or Path(path).exists():
        return path, None
    return base, sheet


def read_workbook(
    data: bytes, name: str, sheet: str | None = None, reading: Reading | None = None
) -> list[RawRow]:
    """The rows of one sheet of a workbook: ``sheet`` (from ``#NAME``), else ``reading.sheet``,
    else the first visible worksheet. A sheet is named, or numbered from 1."""
    import python_calamine

    reading = reading or Reading()
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise FiguresError(Problem(msg("the workbook is password-protected"), name)) from None
    except Exception as exc:  # calamine raises several kinds (zip, XML, format): all one answer
        raise FiguresError(
            Problem(msg("not a workbook calamine can read: {reason}", reason=exc), name)
        ) from None
    chosen = sheet if sheet is not None else reading.sheet
    names = list(book.sheet_names)
    title = _choose(names, chosen, name) if chosen is not None else _first(book, name)
    if chosen is None and len(_visible(book)) > 1:
        notice("sheet", file=name, sheet=title, index=names.index(title) + 1, count=len(names))
    try:
        cells: list[list[Any]] = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except Exception as exc:
        raise FiguresError(
            Problem(msg("cannot read sheet {sheet}: {reason}", sheet=repr(title), reason=exc), name)
        ) from None
    return grid_rows(Grid(name, [(i + 1, row) for i, row in enumerate(cells)], title), reading)


def _visible(book: Any) -> list[str]:
    """The worksheets a person sees as tabs: not hidden, not charts or macros."""
    import python_calamine

    return [
        str(meta.name)
        for meta in book.sheets_metadata
        if meta.typ == python_calamine.SheetTypeEnum.WorkSheet
        and meta.visible == python_calamine.SheetVisibleEnum.Visible
    ]


def _first(book: Any, name: str) -> str:
    visible = _visible(book)
    if not visible:
        raise FiguresError(Problem(msg("the workbook has no visible worksheet"), name))
    return visible[0]


def _choose(names: list[str], chosen: str, name: str) -> str:
    if chosen in names:
        return chosen
    key = unicodedata.normalize("NFKC", chosen).strip().casefold()
    for title in names:
        if unicodedata.normalize("NFKC", title).strip().casefold() == key:
            return title
    if key.isdigit() and 1 <= int(key) <= len(names):
        return names[int(key) - 1]
    listed = ", ".join(f"{i}: {n}" for i, n in enumerate(names, 1))
    raise FiguresError(
        Problem(
            msg("no sheet {sheet}; the sheets are {listed}", sheet=repr(chosen), listed=listed),
            name,
        )
    )
