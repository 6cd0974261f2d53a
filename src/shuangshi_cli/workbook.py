"""Workbooks (.xlsx, .xls, .ods) read with python-calamine: one sheet into a table's rows.

calamine is imported only here, and only when a workbook is read, so start-up on CSV does not
pay for it.
"""

from __future__ import annotations

import io
import itertools
import math
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from shuangshi_cli.errors import FiguresError, Problem
from shuangshi_cli.figures import Origin, column_number
from shuangshi_cli.messages import msg
from shuangshi_cli.notices import notice
from shuangshi_cli.tables import Grid, Reading, grid_rows
from shuangshi_cli.units import FORMULA_ERROR

if TYPE_CHECKING:
    from collections.abc import Iterator

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
    _refuse_oversized(data, None, name)  # (calamine reads every sheet of an .ods as it opens it)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise FiguresError(Problem(msg("the workbook is password-protected"), name)) from None
    except Exception as exc:  # calamine raises several kinds (zip, XML, format): all one answer
        raise FiguresError(
            Problem(msg("not a workbook calamine can read: {reason}", reason=exc), name)
        ) from None
    if sheet is not None and reading.sheet is not None and sheet != reading.sheet:
        raise FiguresError(
            Problem(msg("the file names sheet {sheet} but --sheet names {other}: give one",
                        sheet=repr(sheet), other=repr(reading.sheet)), name)
        )  # fmt: skip
    chosen = sheet if sheet is not None else reading.sheet
    names = list(book.sheet_names)
    title = _choose(names, chosen, name) if chosen is not None else _first(book, name)
    if chosen is None and len(_visible(book)) > 1:
        notice("sheet", file=name, sheet=title, index=names.index(title) + 1, count=len(names))
    _refuse_oversized(data, title, name)
    try:
        cells: list[list[Any]] = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except Exception as exc:
        raise FiguresError(
            Problem(msg("cannot read sheet {sheet}: {reason}", sheet=repr(title), reason=exc), name)
        ) from None
    _refuse_control_characters(cells, name, title)
    marks = _marks(data, title)
    for (row, column), error in marks.errors.items():
        if row <= len(cells) and column <= len(cells[row - 1]):
            cells[row - 1][column - 1] = error
    for row, column in marks.percent - marks.errors.keys():
        if row <= len(cells) and column <= len(cells[row - 1]):
            cells[row - 1][column - 1] = _as_percent(cells[row - 1][column - 1])
    return grid_rows(Grid(name, [(i + 1, row) for i, row in enumerate(cells)], title), reading)


def _refuse_control_characters(cells: list[list[Any]], name: str, title: str) -> None:
    """A FiguresError naming the first cell whose text holds a control character (an escape
    that would reach a terminal) or a bidirectional override, as a text file is refused; a
    soft return (U+000B) becomes the line break it is."""
    from shuangshi_cli.fileio import forbidden_character

    for row, values in enumerate(cells, start=1):
        for column, cell in enumerate(values, start=1):
            if type(cell) is not str:
                continue
            written = cell
            if "\x0b" in written:  # Word's soft return, pasted: a line break, as Alt+Enter's
                values[column - 1] = written = written.replace("\x0b", "\n")
            if (code := forbidden_character(written)) is not None:
                place = Origin(name, row, title, (("value", column),))
                raise FiguresError(
                    place.problem(msg("error.cell_character", code=code))
                )  # fmt: skip


# -- how large a sheet is ------------------------------------------------------------------------
# calamine makes a sheet one dense range, from A1 to its farthest cell: a cell at XFD1048576 in a
# 5 KB file asks for 17 billion cells and aborts the process. The sheet's XML is measured first:
# its size once unpacked, and the range its cells span (an .ods: its repeated cells).

MAX_CELLS = 10_000_000  # 400,000 rows of 25 columns (calamine keeps some 40 bytes a cell)
MAX_SHEET_BYTES = 256 * 1024 * 1024  # unpacked XML: a million rows of four cells
# A cell with content (not a self-closing <c r="XFD1048576" s="1"/>, which calamine leaves out):
# its column of two letters or more; its row of seven digits or more; the rows' numbers.
_WIDE_CELL = re.compile(rb' r="([A-Z]{2,4})[0-9]{1,9}"[^>/]*>')
_FAR_CELL = re.compile(rb' r="[A-Z]{1,4}([0-9]{7,})"[^>/]*>')
_NARROW_CELL = re.compile(rb' r="([A-Z])[0-9]{1,9}"[^>/]*>')
_ANY_CELL = re.compile(rb' r="[A-Z]{1,4}([0-9]{1,9})"[^>/]*>')
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row r="([0-9]{1,12})"')  # (as writers put it: r first)


def _refuse_oversized(data: bytes, title: str | None, name: str) -> None:
    """A FiguresError when sheet ``title`` is larger than a table of figures can be: more than
    MAX_SHEET_BYTES of XML, or a range of more than MAX_CELLS cells. An .ods is measured whole,
    before it is opened (``title`` None), as calamine reads all its sheets then; an .xlsx sheet
    before it is read. Nothing for a workbook that is not a zip of XML (.xls), whose sheets
    calamine sizes from their records."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = set(book.namelist())
            if title is None:  # what calamine reads as it opens the book: strings, styles …
                _refuse_oversized_parts(book, name)
            if "xl/workbook.xml" in names:
                if title is None:
                    return
                path = _xlsx_sheet_path(book, title)
                if path is None or path not in names:
                    return
                size = book.getinfo(path).file_size
                extent = None if size > MAX_SHEET_BYTES else _xlsx_extent(book.read(path))
            elif "content.xml" in names:
                if title is not None:
                    return
                size = book.getinfo("content.xml").file_size
                extents = {} if size > MAX_SHEET_BYTES else _ods_extents(book)
                if size <= MAX_SHEET_BYTES and not extents:
                    return  # no sheet: calamine says so
                title, extent = max(extents.items(), key=lambda e: e[1][0] * e[1][1],
                                    default=("content.xml", None))  # fmt: skip
            else:
                return
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError, OSError):
        return  # calamine read it: its own reading stands
    if extent is None:
        raise FiguresError(
            Problem(
                msg(
                    "sheet {sheet} is {size} MB of XML unpacked, more than the {most} MB a table "
                    "of figures is read from",
                    sheet=repr(title),
                    size=size // 1_048_576,
                    most=MAX_SHEET_BYTES // 1_048_576,
                ),
                name,
            )
        )
    rows, columns = extent
    if rows * columns > MAX_CELLS:
        from shuangshi_cli.figures import column_letters

        raise FiguresError(
            Problem(
                msg(
                    "sheet {sheet} spans {rows} rows and {columns} columns (to {cell}), more than "
                    "the {most} cells a table of figures is read from: delete what stands far "
                    "off, or copy the table to a new sheet",
                    sheet=repr(title),
                    rows=rows,
                    columns=columns,
                    cell=f"{column_letters(columns)}{rows}",
                    most=f"{MAX_CELLS:,}",
                ),
                name,
            )
        )


# What calamine reads of a workbook as it opens it, but for the sheets (measured one by one)
_OPENED_PARTS = frozenset({
    "xl/sharedstrings.xml", "xl/sharedstrings.bin", "xl/styles.xml", "xl/styles.bin",
    "xl/workbook.xml", "xl/workbook.bin", "xl/_rels/workbook.xml.rels",
    "xl/_rels/workbook.bin.rels", "[content_types].xml", "_rels/.rels", "styles.xml", "meta.xml",
})  # fmt: skip


def _refuse_oversized_parts(book: zipfile.ZipFile, name: str) -> None:
    """A FiguresError when the parts calamine reads as it opens a workbook, besides its sheets
    (shared strings, styles, the workbook's own XML and relations), unpack to more than
    MAX_SHEET_BYTES: a 2 MB file of 2 GB of shared strings would exhaust the memory calamine
    asks for. (Parts it does not read, a pivot table's cache or a picture, may be any size.)"""
    parts = [info for info in book.infolist() if info.filename.lower() in _OPENED_PARTS]
    total = sum(info.file_size for info in parts)
    if parts and total > MAX_SHEET_BYTES:
        largest = max(parts, key=lambda info: info.file_size)
        raise FiguresError(
            Problem(
                msg(
                    "the workbook's parts besides its sheets are {size} MB of XML unpacked "
                    "({part} alone {largest} MB), more than the {most} MB a workbook of figures "
                    "is read with",
                    size=total // 1_048_576,
                    part=largest.filename,
                    largest=largest.file_size // 1_048_576,
                    most=MAX_SHEET_BYTES // 1_048_576,
                ),
                name,
            )
        )


def _xlsx_extent(xml: bytes) -> tuple[int, int]:
    """The rows and columns an .xlsx sheet's cells with content span, from their references
    (r="C7"), without a pattern match for every cell where the rows' numbers bound it."""
    wide = [column_number(c.decode()) for c in set(_WIDE_CELL.findall(xml))]
    columns = max(wide, default=0) or _narrow_columns(xml)
    far = [int(r) for r in _FAR_CELL.findall(xml)]
    rows = max([*far, *(int(r) for r in _ROW_NUMBER.findall(xml))], default=0)
    if rows * columns > MAX_CELLS:  # (a row of style alone says more than calamine reads)
        rows = max((int(r) for r in _ANY_CELL.findall(xml)), default=0)
    return rows, columns


def _narrow_columns(xml: bytes) -> int:
    """The last column (A–Z) a cell with content stands in: the header's, found in the first
    cells, unless a later cell stands past it (one search for any)."""
    head = [m[1] for m in itertools.islice(_NARROW_CELL.finditer(xml), 200)]
    columns = max((letter[0] - ord("A") + 1 for letter in head), default=0)
    while columns < 26:
        past = re.compile(rb' r="[' + bytes([ord("A") + columns]) + rb'-Z][0-9]{1,9}"[^>/]*>')
        found = past.search(xml)
        if found is None:
            break
        columns = xml[found.start() + 4] - ord("A") + 1
    return columns


def _ods_extents(book: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    """The rows and columns each .ods sheet's cells with content span, repeats counted (a blank
    row or cell repeated to the sheet's end spans nothing)."""
    extents: dict[str, tuple[int, int]] = {}
    for title, row, repeated, cells in _ods_rows(book):
        columns = extents.setdefault(title, (0, 0))[1]
        filled = max(
            (start + count for cell, start, count in cells
             if len(cell) or cell.get(f"{{{_ODS_OFFICE}}}value-type")),
            default=0,
        )  # fmt: skip
        if filled:
            extents[title] = (row + repeated, max(columns, filled))
    return extents


def _ods_rows(
    book: zipfile.ZipFile,
) -> Iterator[tuple[str, int, int, list[tuple[ElementTree.Element, int, int]]]]:
    """Each row of each sheet of an .ods as it is read: the sheet's name, the row's index from
    0, the rows it stands for (repeated), and its cells with the column each starts at (from 0)
    and the columns it stands for. A row is cleared once the next is asked for."""
    table, row_tag = f"{{{_ODS_TABLE}}}table", f"{{{_ODS_TABLE}}}table-row"
    cell_tags = {f"{{{_ODS_TABLE}}}table-cell", f"{{{_ODS_TABLE}}}covered-table-cell"}
    repeat_rows = f"{{{_ODS_TABLE}}}number-rows-repeated"
    repeat_columns = f"{{{_ODS_TABLE}}}number-columns-repeated"
    title, row = "", 0
    with book.open("content.xml") as content:
        for event, element in ElementTree.iterparse(content, events=("start", "end")):
            if element.tag == table and event == "start":
                title, row = element.get(f"{{{_ODS_TABLE}}}name") or "", 0
            elif event == "end" and element.tag == row_tag:
                repeated, column, cells = int(element.get(repeat_rows, "1")), 0, []
                for cell in element:
                    if cell.tag in cell_tags:
                        count = int(cell.get(repeat_columns, "1"))
                        cells.append((cell, column, count))
                        column += count
                yield title, row, repeated, cells
                row += repeated
                element.clear()


# -- what cells show -----------------------------------------------------------------------------
# calamine gives a cell's stored number: a cell formatted 0.0% that shows 6.5% holds 0.065, and a
# cell whose formula failed (#DIV/0!, #N/A) comes as blank. A person reads 6.5% and #DIV/0!, and
# so does shuangshi: a percentage is read as the text "6.5%", an error as its text, which is no
# figure (an error names the cell). Both are read from the workbook's own XML: the styles and
# the sheet of an .xlsx (.xlsm), the cells' value types of an .ods. Others (.xls, .xlsb) are read
# as calamine gives them.

_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODS_CALC = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # quoted text, an escaped character, [Red]
_MOST_REPEATED = 256  # an .ods repeats a blank row or cell to the sheet's end: no figures
_CELL_REF = re.compile(r"([A-Z]+)(\d+)$")


@dataclass
class _Marks:
    """The cells of a sheet, (row, column) from 1, shown as percentages, and those that show an
    error (#DIV/0!), with its text."""

    percent: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)


def _as_percent(cell: Any) -> Any:
    """A number shown as a percentage, as the text a person reads: 0.065 → ``6.5%``."""
    if isinstance(cell, bool) or not isinstance(cell, int | float) or not math.isfinite(cell):
        return cell
    from shuangshi_cli.tables import shown_float

    shown = (Decimal(shown_float(float(cell))) * 100).normalize()
    return f"{shown:f}%"


def _marks(data: bytes, title: str) -> _Marks:
    """What the cells of sheet ``title`` show beyond their values; nothing when the file is not
    an OOXML or OpenDocument workbook, or its XML is not as expected (calamine read it: the
    values are then as stored)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = set(book.namelist())
            if "xl/workbook.xml" in names:
                return _xlsx_marks(book, title)
            if "content.xml" in names:
                return _ods_marks(book, title)
    except Exception:  # a part missing or malformed, a compression zipfile lacks: as stored
        return _Marks()
    return _Marks()


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


# A section's condition, as Excel writes it before the format: [<1]0.0%;0.0 shows a number
# below 1 as a percentage and any other as it is.
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)\]")
_TESTS = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b, "=": lambda a, b: a == b, "<>": lambda a, b: a != b,
}  # fmt: skip


@dataclass(frozen=True)
class _Percent:
    """Which numbers a number format shows as a percentage: its sections (positive; negative;
    zero, the first standing for those it does not write), or its conditions ([<1]…;…)."""

    positive: bool
    negative: bool
    zero: bool
    conditions: tuple[tuple[str, float, bool], ...] = ()  # (test, bound, percent) in order
    otherwise: bool = False  # a conditional format's section for the numbers no test takes

    @classmethod
    def of(cls, code: str) -> _Percent:
        parts = code.split(";")[:3]  # (a fourth section is for text)
        shown = ["%" in _LITERAL.sub("", part) for part in parts]
        tests = [_CONDITION.search(part) for part in parts]
        if any(tests):
            conditions = tuple(
                (test[1], float(test[2]), percent)
                for test, percent in zip(tests, shown, strict=True)
                if test is not None
            )
            rest = [percent for test, percent in zip(tests, shown, strict=True) if test is None]
            return cls(False, False, False, conditions, rest[0] if rest else False)
        negative = shown[1] if len(shown) > 1 else shown[0]
        zero = shown[2] if len(shown) > 2 else shown[0]
        return cls(shown[0], negative, zero)

    @property
    def any(self) -> bool:
        return (
            self.positive
            or self.negative
            or self.zero
            or self.otherwise
            or any(percent for _, _, percent in self.conditions)
        )

    def shows(self, number: float) -> bool:
        """Whether ``number`` is shown as a percentage (NaN: never)."""
        if math.isnan(number):
            return False
        if self.conditions:
            for test, bound, percent in self.conditions:
                if _TESTS[test](number, bound):
                    return percent
            return self.otherwise
        return self.positive if number > 0 else self.negative if number < 0 else self.zero


def _xlsx_percent_styles(book: zipfile.ZipFile) -> dict[str, _Percent]:
    """The indexes (as the sheet writes them, s="3") of the cell styles that show a percentage,
    with the sections (positive, negative, zero) that do."""
    if "xl/styles.xml" not in set(book.namelist()):
        return {}
    styles = ElementTree.fromstring(book.read("xl/styles.xml"))
    codes = {9: "0%", 10: "0.00%"}  # the built-in percentage formats
    for element in styles.iter():
        if _local(element.tag) == "numFmt":
            codes[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
    percent: dict[str, _Percent] = {}
    for element in styles.iter():
        if _local(element.tag) == "cellXfs":
            for index, xf in enumerate(e for e in element if _local(e.tag) == "xf"):
                shown = _Percent.of(codes.get(int(xf.get("numFmtId", "0")), ""))
                if shown.any:
                    percent[str(index)] = shown
    return percent


def _xlsx_marks(book: zipfile.ZipFile, title: str) -> _Marks:
    path = _xlsx_sheet_path(book, title)
    if path is None:
        return _Marks()
    xml = book.read(path)
    percent = _xlsx_percent_styles(book)
    marks = _Marks()
    if not percent and b't="e"' not in xml and b"<f" not in xml and b":f" not in xml:
        return marks  # the usual sheet: nothing to look for
    # A book that asks to be computed as it opens (xlsxwriter's, openpyxl's), whose formulas all
    # hold 0, was saved by a program that does not compute: each 0 is a 0 of its own. (A figure
    # it was given, write_formula(…, value=352.1), is read; and where any formula holds another
    # figure, the program computed them, and a 0 is the formula's.)
    uncomputed = _computed_on_load(book) and all(
        v in {b"", b"0"} for v in _FORMULA_VALUE.findall(xml)
    )
    row = column = 0  # where a cell stands when it does not say (r="C2" may be left out)
    for event, element in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
        tag = _local(element.tag)
        if tag == "row" and event == "start":
            row, column = int(element.get("r", row + 1)), 0
        elif tag == "c" and event == "end":
            reference = _CELL_REF.match(element.get("r", ""))
            column = column_number(reference[1]) if reference else column + 1
            row = int(reference[2]) if reference else row
            kind = element.get("t", "n")
            parts = {_local(child.tag): child for child in element}
            if kind == "e":
                shown = parts["v"].text if "v" in parts else None
                marks.errors[(row, column)] = shown or "#VALUE!"
            elif (
                "f" in parts
                and "is" not in parts
                and kind != "str"  # (Excel's =IF(…, "") computed: an empty text, t="str")
                and not (
                    "v" in parts
                    and (parts["v"].text or "") not in ({"", "0"} if uncomputed else {""})
                )
            ):
                # a formula saved without its figure (a program wrote it, no spreadsheet
                # computed it): calamine gives a blank; its text says what it is
                marks.errors[(row, column)] = "=" + (parts["f"].text or "").strip()
            elif kind == "n" and element.get("s") in percent and "v" in parts:
                try:
                    number = float(parts["v"].text or "")
                except ValueError:
                    number = math.nan  # (calamine reads it: not a number, not a percentage)
                if percent[element.get("s", "")].shows(number):
                    marks.percent.add((row, column))
            element.clear()
        elif tag == "row" and event == "end":
            element.clear()
    return marks


# The figure stored beside a formula: <f>…</f><v>0</v>, or a shared one's <f t="shared" si="0"/>
_FORMULA_VALUE = re.compile(
    rb"<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>"
)


def _computed_on_load(book: zipfile.ZipFile) -> bool:
    """Whether xl/workbook.xml asks for every formula to be computed as the book opens
    (``<calcPr fullCalcOnLoad="1"/>``): what a program that stores no figures of its own
    writes."""
    try:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    except (KeyError, ElementTree.ParseError):
        return False
    return any(
        _local(e.tag) == "calcPr" and e.get("fullCalcOnLoad") in {"1", "true"}
        for e in workbook.iter()
    )


def _xlsx_sheet_path(book: zipfile.ZipFile, title: str) -> str | None:
    """The part of an .xlsx that holds sheet ``title``: xl/workbook.xml names its relation."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    relation = next(
        (
            e.get(f"{{{_RELATIONS}}}id")
            for e in workbook.iter()
            if _local(e.tag) == "sheet" and e.get("name") == title
        ),
        None,
    )
    relations = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    for element in relations:
        if element.get("Id") == relation and relation is not None:
            target = element.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            return posixpath.normpath(path)
    return None


def _ods_marks(book: zipfile.ZipFile, title: str) -> _Marks:
    marks = _Marks()
    seen = False
    for sheet, row, rows, cells in _ods_rows(book):
        if sheet != title:
            if seen:
                break  # (the sheet is read: the others after it are not)
            continue
        seen = True
        for cell, column, count in cells:
            failed, shown = _ods_failed(cell)
            percent = cell.get(f"{{{_ODS_OFFICE}}}value-type") == "percentage"
            # the cells it stands for, counted only for a marked one (a blank cell is
            # repeated to the sheet's end)
            if failed or percent:
                places = [
                    (row + i + 1, column + k + 1)
                    for i in range(min(rows, _MOST_REPEATED))
                    for k in range(min(count, _MOST_REPEATED))
                ]
                if failed:
                    marks.errors.update(dict.fromkeys(places, shown or "#VALUE!"))
                else:
                    marks.percent.update(places)
    return marks


_ODS_VALUES = ("value", "date-value", "time-value", "boolean-value", "string-value")


def _ods_failed(cell: ElementTree.Element) -> tuple[bool, str]:
    """Whether an .ods cell shows a failed formula (or one saved without its figure), and the
    text it shows for it."""
    shown = "".join(cell.itertext()).strip()
    formula = cell.get(f"{{{_ODS_TABLE}}}formula")
    if cell.get(f"{{{_ODS_CALC}}}value-type") == "error":
        return True, shown
    if formula is None:
        return False, shown
    if FORMULA_ERROR.match(shown) is not None:  # older writers: the error shown, its value a 0
        return True, shown
    computed = (
        shown
        or cell.get(f"{{{_ODS_OFFICE}}}value-type") == "string"
        or any(cell.get(f"{{{_ODS_OFFICE}}}{k}") is not None for k in _ODS_VALUES)
    )  # (an empty text, =IF(…, ""), is computed)
    if not computed:  # a formula saved without its figure, as in an .xlsx: its text says so
        return True, "=" + formula.removeprefix("of:").lstrip("=")
    return False, shown


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
