"""Observed figures: KEY=VALUE arguments and CSV, YAML or JSON long tables, checked by the plan."""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from shuangshi_cli.errors import FiguresError, InputError, Problem, cut, shown
from shuangshi_cli.fileio import decode, is_workbook, read_bytes, shown_name
from shuangshi_cli.formulas import FIRST_YEAR, LAST_YEAR
from shuangshi_cli.messages import Msg, msg
from shuangshi_cli.status import Status, parse_status
from shuangshi_cli.units import (
    MAX_EXPONENT,
    PERCENT,
    PLAIN_NUMBER,
    RANK,
    UNIT_LIST_SEPARATOR,
    Unit,
    convert,
    decimal_text,
    fold_width,
    listed_units,
    parse_quantity,
)
from shuangshi_cli.yamlload import load_yaml

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from shuangshi_cli.messages import Msg
    from shuangshi_cli.plan import Plan, Target
    from shuangshi_cli.tables import Reading
    from shuangshi_cli.yamlload import Located

_MAX_KNOWN_RECORDS = 100_000
# Words longer than this get no did-you-mean hint.
MAX_HINTED = 100
FIELDS = ("indicator", "year", "value", "unit", "month", "part", "status", "note", "region")
# Column names a statistics office may use instead of ours; `name` is informative only.
_HEADER_ALIASES = {
    "indicator": "indicator", "id": "indicator", "指标": "indicator", "指标名称": "indicator",
    "项目": "indicator",
    "year": "year", "年份": "year", "年度": "year", "年": "year",
    "value": "value", "数值": "value", "值": "value", "数据": "value", "绝对数": "value",
    "unit": "unit", "单位": "unit", "计量单位": "unit",
    "month": "month", "月份": "month", "月": "month",
    "part": "part", "责任单位": "part",
    "region": "region", "地区": "region", "县区": "region", "地区名称": "region",
    "县(市、区)": "region", "县(市,区)": "region", "县(市)": "region", "县市区": "region",
    "区县": "region", "县(区)": "region", "市(县)": "region", "市(县、区)": "region",
    "县(市、区)名称": "region", "省(区、市)": "region", "省份": "region", "地市": "region",
    "城市": "region", "县别": "region",
    "status": "status", "状态": "status",
    "note": "note", "备注": "note", "说明": "note",
    "name": "", "名称": "", "name_en": "", "序号": "",
}  # fmt: skip


class Origin(NamedTuple):
    """Where a figure was written: a file and line, a workbook's sheet and row, or an argument.

    ``columns`` says in which column (from 1) each field of the row stood, where that is known:
    a problem with a field then names its cell (``book.xlsx[Sheet1]!C7``, ``wide.csv:7:3``).
    (A named tuple, as RawRow is: a table's every row has one, and a tuple is built in a third
    of the time a frozen dataclass takes.)
    """

    file: str
    line: int | None = None
    sheet: str | None = None
    columns: tuple[tuple[str, int], ...] = ()

    def __str__(self) -> str:
        if self.sheet is not None:
            return self._cell(None)
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def problem(self, message: str | Msg, field: str | None = None) -> Problem:
        if self.sheet is not None:
            return Problem(message, file=self._cell(field), field=field)
        column = dict(self.columns).get(field) if field else None
        return Problem(message, file=self.file, line=self.line, column=column, field=field)

    def _cell(self, field: str | None) -> str:
        known = dict(self.columns)
        column = known.get(field or "value") or known.get("value") or 1
        row = "" if self.line is None else str(self.line)
        return f"{self.file}[{self.sheet}]!{column_letters(column)}{row}"


def column_number(letters: str) -> int:
    """The number from 1 of an Excel column: A → 1, AA → 27 (``column_letters`` the other way)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def column_letters(column: int) -> str:
    """Excel's name of a column numbered from 1: 1 → A, 27 → AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Figure:
    """One observed figure of a target's indicator, in the target's figure unit."""

    target: str
    year: int
    value: Decimal | None
    origin: Origin = field(compare=False)
    month: int | None = None
    part: str | None = None
    status: Status | None = None
    note: str | None = field(default=None, compare=False)
    # "real_growth": the year's growth at constant prices, in % (按可比价格计算，比上年增长6.1%),
    # given for a target at constant prices beside or instead of its level.
    measure: str = "level"
    given: str | None = field(default=None, compare=False)  # as written, when it was converted

    @property
    def key(self) -> tuple[str, int, int | None, str | None, str]:
        return self.target, self.year, self.month, self.part, self.measure


# The field of the unit a table's title gives its rows (单位：亿元): each row's unit where the row
# has none and the unit fits the row's target (a 位次 row under 单位：亿元 is in 位); see in_plan,
# which knows the targets.
TABLE_UNIT = "table_unit"
# The field beside ``growth`` of a row whose growth column says it is real (比上年实际增长%)
REAL_GROWTH = "growth_real"

_new = object.__new__


def _plain_figure(
    target: str, year: int, value: Decimal, origin: Origin, part: str | None, given: str | None
) -> Figure:
    """``Figure(target, year, value, origin, part=part, given=given)``, built in a third of the
    time: a frozen dataclass sets each field through ``object.__setattr__``, and a table's every
    plain row is one (tests/test_speed.py holds the two the same)."""
    figure = _new(Figure)
    fields_ = figure.__dict__
    fields_["target"] = target
    fields_["year"] = year
    fields_["value"] = value
    fields_["origin"] = origin
    fields_["month"] = None
    fields_["part"] = part
    fields_["status"] = None
    fields_["note"] = None
    fields_["measure"] = "level"
    fields_["given"] = given
    return figure


class RawRow(NamedTuple):
    """A row as read, before it is checked against the plan: field name → text or number.

    ``from_bulletin``: the row comes from a table laid out as bulletins print them (wide, or of
    one year), which list more indicators than a plan has; one the plan does not know is read
    past (and said), not an error.
    ``template``: a row of a CSV table, which may be left blank (no value, no status) and is then
    no figure; elsewhere a row without a value is an error.
    ``signed``: the value is the figure of a growth column (比上年增长%), whose sign is the
    growth's own, whatever the indicator's name says.
    """

    values: dict[str, Any]
    origin: Origin
    from_bulletin: bool = False
    template: bool = False
    signed: bool = False  # the value is a growth column's (比上年增长%): its minus is a fall


@dataclass(frozen=True)
class Figures:
    """Every figure given, checked and free of conflicts.

    ``scope``: the part whose figures these are, read as if they were the whole region's (what
    ``for_part`` gives); None for the figures of the region and of all its parts.
    """

    items: tuple[Figure, ...] = ()
    scope: str | None = None

    def annual(
        self, target_id: str, *, as_of: int | None = None, measure: str = "level"
    ) -> list[Figure]:
        """Whole-year figures of one target for the whole region, oldest first (levels, unless
        ``measure`` asks for real growth rates)."""
        found = self._annual.get((target_id, measure), ())
        if as_of is None:
            return list(found)
        return [f for f in found if f.year <= as_of]

    def figure(self, target_id: str, year: int) -> Figure | None:
        """The whole-year figure of one target in one year, for the whole region, if given."""
        return next((f for f in self.annual(target_id) if f.year == year), None)

    def of_target(self, target_id: str) -> tuple[Figure, ...]:
        """Every figure of one target (any month, any part), in the order given."""
        return self._by_target.get(target_id, ())

    def months(self, target_id: str) -> tuple[Figure, ...]:
        """The cumulative month figures of one target for the whole region, in the order given."""
        return self._months.get(target_id, ())

    def for_part(self, part_id: str) -> Figures:
        """The figures of one part, as if they were the whole region's."""
        return self._by_part.get(part_id, _NONE)

    def __len__(self) -> int:
        return len(self.items)

    # Indexes built once on first use: a scoreboard asks for each of thousands of parts.
    @cached_property
    def _by_target(self) -> dict[str, tuple[Figure, ...]]:
        grouped: dict[str, list[Figure]] = {}
        for f in self.items:
            grouped.setdefault(f.target, []).append(f)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def _months(self) -> dict[str, tuple[Figure, ...]]:
        grouped: dict[str, list[Figure]] = {}
        scope = self.scope
        for f in self.items:
            if f.month is not None and f.part == scope:
                grouped.setdefault(f.target, []).append(f)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def _annual(self) -> dict[tuple[str, str], tuple[Figure, ...]]:
        grouped: dict[tuple[str, str], list[Figure]] = {}
        scope = self.scope
        for target, items in self._by_target.items():
            for f in items:
                if f.month is None and f.part == scope:
                    grouped.setdefault((target, f.measure), []).append(f)
        return {key: tuple(sorted(found, key=_year)) for key, found in grouped.items()}

    @cached_property
    def _by_part(self) -> dict[str, Figures]:
        if self.scope is not None:  # a part's figures hold no parts of their own
            return {}
        grouped: dict[str, list[Figure]] = {}
        for f in self.items:
            if f.part is not None:
                grouped.setdefault(f.part, []).append(f)
        return {k: Figures(tuple(v), k) for k, v in grouped.items()}


def _year(figure: Figure) -> int:
    return figure.year


_NONE = Figures()


# -- reading ---------------------------------------------------------------------------------


def parse_pairs(
    pairs: Sequence[str], *, year: int | None, month: int | None = None, part: str | None = None
) -> list[RawRow]:
    """``gdp=352.1``, ``地区生产总值=352.1亿元``: one row each, for ``year``."""
    rows = []
    for pair in pairs:
        origin = Origin(f"argument {shown(pair)}")
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise FiguresError(origin.problem("expected INDICATOR=VALUE, e.g. gdp=352.1"))
        if year is None:
            raise FiguresError(origin.problem("--year is required with INDICATOR=VALUE figures"))
        if value.strip().startswith("="):  # gdp==352: no formula, an = too many
            raise FiguresError(
                origin.problem(
                    msg("{value} is not a number (one = between the name and the figure: "
                        "{pair})", value=shown(value.strip()),
                        pair=f"{key.strip()}={value.strip().lstrip('=')}"),
                    "value",
                )
            )  # fmt: skip
        values: dict[str, Any] = {"indicator": key.strip(), "year": year, "value": value.strip()}
        if month is not None:
            values["month"] = month
        if part is not None:
            values["part"] = part
        rows.append(RawRow(values, origin))
    return rows


def read_figures_file(path: str, reading: Reading | None = None) -> list[RawRow]:
    """Rows of a CSV, YAML or JSON figures file (``-`` reads stdin), by extension or content, or
    of a workbook's sheet (``book.xlsx``, ``book.xlsx#2019年``, ``book.xlsx#2``)."""
    from shuangshi_cli.workbook import read_workbook, split_sheet

    file, sheet = split_sheet(path)
    name = shown_name(file)
    data = read_bytes(Path(file), name)
    if sheet is not None or is_workbook(data):
        return read_workbook(data, name, sheet, reading)
    text = decode(data, name, reading.encoding if reading else None)
    suffix = Path(path).suffix.lower()
    if suffix in {".csv", ".tsv", ".txt"}:
        return parse_csv(text, name, reading)
    if suffix in {".yaml", ".yml"}:
        return parse_structured(text, name)
    if suffix == ".json":
        return parse_json(text, name)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return parse_json(text, name)
    if stripped.startswith(("- ", "-\n", "---")):  # a YAML list, though its rows hold commas
        return parse_structured(text, name)
    head = stripped.splitlines()[:5]
    first = head[0] if head else ""
    titled = not first.startswith(("-", "#")) and ":" not in first  # a title line, not YAML
    if "," in first or "\t" in first or (titled and any("," in h or "\t" in h for h in head)):
        return parse_csv(text, name, reading)
    return parse_structured(text, name)


def read_rows(
    paths: Sequence[str], reading: Reading | None = None
) -> tuple[list[RawRow], list[Problem]]:
    """The rows of every file, and the problems of the files that could not be read."""
    rows: list[RawRow] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            rows.extend(read_figures_file(path, reading))
        except InputError as exc:
            problems.extend(exc.problems)
    return rows, problems


def parse_csv(text: str, name: str, reading: Reading | None = None) -> list[RawRow]:
    """A CSV or tab-separated table, long (indicator, year, value[, unit][, month][, note] …) or
    wide (indicators down, years or months across); see tables.py and widetable.py."""
    from shuangshi_cli.tables import Grid, grid_rows

    delimiter = _delimiter(text)
    # newline="": a line ends at \n, \r\n or a lone \r (old Mac files), as csv wants it
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    keep = records.append
    try:
        for record in reader:  # (a loop, not a generator: a table's every line)
            keep((reader.line_num, record))
    except csv.Error as exc:
        message, line = f"not valid CSV: {exc}", reader.line_num
        if "unexpected end of data" in str(exc):  # a quote opened and never closed
            message = 'a quoted cell runs to the end of the file: is a closing quote (") missing?'
            line = (records[-1][0] + 1) if records else 1
        raise FiguresError(Problem(message, name, line)) from None
    _refuse_runaway_quotes(records, name)
    if records and records[-1][0] != len(records):  # a record runs over lines (a note's ⏎):
        records = _first_lines(records)  # each is placed at its first line, where it starts
    rows = grid_rows(Grid(name, records, texts=True), reading)
    if delimiter == ";":
        _refuse_decimal_commas(rows)
    return rows


def _first_lines(records: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Records numbered by the line each starts on, where the reader numbers its last."""
    started = []
    previous = 0
    for end, record in records:
        started.append((previous + 1, record))
        previous = end
    return started


def _delimiter(text: str) -> str:
    """Commas, tabs (Excel's "Unicode text") or semicolons (Excel where the comma is the decimal
    mark): the one that splits a line of the first ones into a header (title lines above it may
    hold any); else tabs when they outnumber commas, else commas."""
    from shuangshi_cli.tables import is_header

    lines = itertools.islice(io.StringIO(text, newline=""), 50)  # (not the whole file split)
    sample = [line.rstrip("\r\n") for line in lines if not line.lstrip().startswith("#")]
    for line in sample:
        for delimiter in (",", "\t", ";"):
            if delimiter in line:
                try:
                    cells = next(csv.reader([line], delimiter=delimiter))
                except (csv.Error, StopIteration):  # a quote that runs on: not this line
                    continue
                if is_header(cells):
                    return delimiter
    tabs, commas = sum(line.count("\t") for line in sample), sum(line.count(",") for line in sample)
    return "\t" if tabs > commas else ","


def _refuse_decimal_commas(rows: list[RawRow]) -> None:
    """In a table separated by semicolons a comma in a number may be a decimal mark (64,72) as
    well as a thousands separator (64,720): it is refused, never guessed."""
    problems = [
        row.origin.problem(
            msg("{value}: in a table separated by semicolons, a comma may be a decimal mark: "
                "write the number without it (64.72, 64720)", value=shown(value)),
            "value",
        )
        for row in rows
        if isinstance(value := row.values.get("value"), str) and "," in value
    ]  # fmt: skip
    if problems:
        raise FiguresError(problems)


def _broken_name(cell: str) -> bool:
    """A name broken over two or three lines in its cell, not lines of a table run into it."""
    return cell.count("\n") <= 2 and len(cell) <= 100 and not any(c in cell for c in ",\t;")


def _refuse_runaway_quotes(records: list[tuple[int, list[str]]], name: str) -> None:
    """Only a note may break lines: a figure cell that does has a quote not closed where it
    should be, and the lines after it were read into it."""
    from shuangshi_cli.tables import header_key

    notes: set[int] = set()
    names: set[int] = set()
    previous = 0
    header_seen = False
    for end, record in records:
        start = previous + 1
        previous = end
        if header_seen and end == start:
            continue  # a record of one line: nothing ran on (most records, checked first)
        if not any(cell.strip() for cell in record) or record[0].lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            notes = {i for i, cell in enumerate(record)
                     if _HEADER_ALIASES.get(header_key(cell)) == "note"}  # fmt: skip
            names = {i for i, cell in enumerate(record)
                     if _HEADER_ALIASES.get(header_key(cell)) in {"indicator", "region", "part"}
                     or header_key(cell) in {"name", "名称"}}  # fmt: skip
            continue
        if end > start and any(
            ("\n" in cell or "\r" in cell)
            and not (i in names and _broken_name(cell))  # 地区生产⏎总值, as Alt+Enter breaks it
            for i, cell in enumerate(record)
            if i not in notes
        ):
            raise FiguresError(
                Problem(
                    msg('a quoted cell runs to line {end}: is a closing quote (") missing?',
                        end=end),
                    name,
                    start,
                )
            )  # fmt: skip


def repeated(first: str, second: str, column: str, noun: str = "column") -> Msg:
    """A header (or a row's keys) naming one field twice, or by two of its names."""
    if first == second:
        return msg("the {noun} {name} is there twice", noun=noun, name=shown(second))
    return msg("the {noun}s {first} and {second} both give the {column}", noun=noun,
               first=shown(first), second=shown(second), column=column)  # fmt: skip


def parse_json(text: str, name: str) -> list[RawRow]:
    """JSON figures, parsed as JSON: jsonload keeps the line of every row (no node limit)."""
    from shuangshi_cli.jsonload import load_json

    return structured_rows(load_json(text, name), name)


def parse_structured(text: str, name: str) -> list[RawRow]:
    """YAML/JSON figures: a list of rows, or a mapping with a ``figures`` list."""
    return structured_rows(load_yaml(text, name), name)


def structured_rows(located: Located, name: str) -> list[RawRow]:
    """The rows of loaded YAML or JSON figures: a list of rows, or ``{figures: [...]}``."""
    data = located.data
    base: tuple[str | int, ...] = ()
    if isinstance(data, dict) and set(data) == {"figures"}:
        data, base = data["figures"], ("figures",)
    if not isinstance(data, list):
        raise FiguresError(
            located.problem((), "expected a list of figures (indicator, year, value)")
        )
    rows = []
    for i, item in enumerate(data):
        path = (*base, i)
        line = located.position(path)
        origin = Origin(name, line[0] if line else None)
        if not isinstance(item, dict):
            raise FiguresError(
                located.problem(path, "a figure is a mapping: indicator, year, value")
            )
        values: dict[str, Any] = {}
        written: dict[str, str] = {}
        for key, value in item.items():
            canonical = _HEADER_ALIASES.get(unicodedata.normalize("NFKC", str(key)).casefold())
            if canonical is None:
                raise FiguresError(
                    located.problem(
                        (*path, key), f"unknown key; keys are {', '.join(FIELDS)}", key=True
                    )
                )
            if canonical and canonical in written:
                raise FiguresError(
                    located.problem(
                        (*path, key),
                        repeated(written[canonical], str(key), canonical, "key"),
                        key=True,
                    )
                )
            written[canonical] = str(key)
            if canonical and value is not None:
                values[canonical] = value
        rows.append(RawRow(values, origin))
    return rows


# -- checking against the plan -------------------------------------------------------------------


def check_rows(rows: Iterable[RawRow], plan: Plan) -> Figures:
    """Turn rows into Figures of ``plan``: known indicators, numbers, years, units, no conflicts.

    Every bad row is reported (InputError with one problem per row; a row repeated word for word
    is checked and reported once, with the count of its repeats); values are converted exactly
    to each target's figure unit. Identical duplicates are kept once; different values for the
    same indicator, year, month and part are an error naming both places.
    """
    problems: list[Problem] = []
    figures: dict[tuple[str, int, int | None, str | None, str], Figure] = {}
    # A row seen before, word for word → the index of its problem, or None when it was fine.
    seen: dict[tuple[tuple[str, Any], ...], int | None] = {}
    repeats: Counter[int] = Counter()
    known: dict[Any, tuple[Target, str | None]] = {}
    plain = PlainRows(plan)
    for row in in_plan(rows, plan):
        quick = plain.figure(row)
        if quick is not None:  # a plain row: a new figure or the same again is done with here
            # (one that differs from an earlier figure is checked again below, which says so)
            earlier = figures.get(quick.key)
            if earlier is None:
                figures[quick.key] = quick
                continue
            if earlier.value == quick.value and earlier.status is None:
                continue  # the same figure again
        if _unfilled(row):
            continue
        words = _words(row)
        if words is not None and words in seen:  # (dicts shared by parse_csv hash fast)
            index = seen[words]
            if index is not None:
                repeats[index] += 1
            continue
        try:
            figure = _check_row(row, plan, known)
        except InputError as exc:
            if words is not None:
                seen[words] = len(problems)
            problems.extend(exc.problems)
            continue
        if words is not None:
            seen[words] = None
        earlier = figures.get(figure.key)
        if earlier is None:
            figures[figure.key] = figure
        elif (earlier.value, earlier.status) != (figure.value, figure.status):
            # the field that differs: the value, else the verdict given by hand beside it
            field = "value" if earlier.value != figure.value else "status"
            differs = msg(
                "{a} is {b} here but {c} at {d}",
                a=_describe(figure),
                b=_show(figure, field),
                c=_show(earlier, field),
                d=str(earlier.origin),
            )
            problems.append(figure.origin.problem(differs, field))
    for index, count in repeats.items():
        template = (
            "{message} (and {count} more rows like it)"
            if count > 1
            else ("{message} (and 1 more row like it)")
        )
        again = msg(template, message=problems[index].message, count=count)
        problems[index] = replace(problems[index], message=again)
    if problems:
        raise FiguresError(problems)
    return Figures(tuple(figures.values()))


# The fields of the rows most figures tables hold: an indicator, a year, a plain number, perhaps
# a part and a unit; a peer table's rows have a region instead of a part.
FIGURE_FIELDS = frozenset({"indicator", "year", "value", "part", "unit"})
PEER_FIELDS = frozenset({"region", "indicator", "year", "value", "unit"})
# What an indicator and a unit as written resolve to: (target, the unit the value is written in,
# the target's figure unit, whether its figures are yearly changes); None when such a row takes
# the long way. (A part is resolved apart: a table of thousands of parts has few indicators.)
_Context = tuple["Target", Unit, Unit, bool, str] | None
# What a plain value must be, by its figure unit, for ``_unfit`` to find nothing wrong with it
_RANK, _NONNEGATIVE, _ABOVE_MINUS_100, _ANY = "rank", "nonnegative", "above -100", "any"
_PLAIN_MATCH = PLAIN_NUMBER.match


class Plain(NamedTuple):
    """A plain row, read: its target, year, value (in the target's figure unit) and part."""

    target: Target
    year: int
    value: Decimal
    part: str | None
    given: str | None  # the value as written, when it was converted


class PlainRows:
    """The quick way for a row that is a plain figure of a quantified target: only ``fields``, a
    four-digit year, a plain decimal (352.1, or a JSON or YAML number), an indicator, part and
    unit that resolve, and a value in range.

    It reads what the row-by-row check (``_check_row``, ``peers._peer_row``) reads from the same
    row, with the same checks of the value (``_unfit``); tests/test_speed.py holds the two ways
    to the same figures and errors.
    Any other row (a month, a status, a note, a series, a real growth rate, anything wrong) gets
    None and takes the long way, which says what is wrong and where.
    """

    def __init__(self, plan: Plan, fields: frozenset[str] = FIGURE_FIELDS) -> None:
        self.plan = plan
        self.fields = fields
        self.contexts: dict[tuple[Any, Any], _Context] = {}
        self.parts: dict[tuple[Any, str], str | Literal[False] | None] = {}

    def read(self, row: RawRow) -> Plain | None:
        found = self.values_of(row)
        return None if found is None else Plain(*found)

    def figure(self, row: RawRow) -> Figure | None:
        """The row's Figure, as ``_check_row`` gives it; None for the long way."""
        found = self.values_of(row)
        if found is None:
            return None
        target, year, value, part, given = found
        return _plain_figure(target.id, year, value, row.origin, part, given)

    def values_of(self, row: RawRow) -> tuple[Target, int, Decimal, str | None, str | None] | None:
        """What ``read`` gives, as a plain tuple (a table's every row is one)."""
        values = row.values
        if not values.keys() <= self.fields:
            return None
        get = values.get
        year_cell, value_cell = get("year"), get("value")
        if type(year_cell) is str:  # a table's cell
            if len(year_cell) != 4 or not year_cell.isascii() or not year_cell.isdigit():
                return None
            year = int(year_cell)
        elif type(year_cell) is int:  # JSON's or YAML's number (not a bool)
            year = year_cell
        else:
            return None
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        if type(value_cell) is str:
            if len(value_cell) > MAX_EXPONENT or not _PLAIN_MATCH(value_cell):
                return None
            number = Decimal(value_cell)
        elif type(value_cell) is Decimal or type(value_cell) is int:
            number = Decimal(value_cell)
            if not number.is_finite() or (
                number and not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT
            ):
                return None
        else:
            return None
        key = (get("indicator"), get("unit"))
        try:
            context = self.contexts[key]
        except KeyError:
            context = self.contexts[key] = self._context(*key)
        except TypeError:  # not text: the long way says what it is
            return None
        if context is None:
            return None
        target, source, wanted, changes, check = context
        part = get("part")
        if part is not None:
            try:
                part = self.parts[part, target.id]
            except KeyError:
                part = self.parts[part, target.id] = self._part(part, target)
            except TypeError:
                return None
            if part is False:
                return None
        value = number if source is wanted else convert(number, source, wanted)
        # what _unfit checks, the quick way for the values that pass; the others ask it
        if not (
            (not value or -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT)
            and (
                (check is _NONNEGATIVE and value >= 0)
                or (check is _ANY)
                or (check is _ABOVE_MINUS_100 and value > -100)
                or (check is _RANK and value >= 1 and value == value.to_integral_value())
            )
        ) and (_unfit(value, wanted, target, value_cell, number, changes=changes) is not None):
            return None  # the long way says what is wrong
        given = None
        if value != number:
            given = f"{value_cell}{get('unit') or ''}".strip()
        return target, year, value, part, given

    def _context(self, indicator: Any, unit: Any) -> _Context:
        plan = self.plan
        if not isinstance(indicator, str) or not isinstance(unit, str | None):
            return None
        target = plan.resolve(indicator) if indicator.strip() else None
        if target is None or not target.quantified or target.series is not None:
            return None
        if target.price_basis == "constant":
            return None  # a value in % is a real growth rate there
        wanted = plan.figure_unit(target)
        source = wanted
        if unit is not None and unit.strip():
            named = written_unit(plan, unit.strip(), wanted)
            if named is None or named.dimension != wanted.dimension:
                return None
            source = named
        changes = plan.yearly_changes(target)
        if wanted.dimension == RANK:
            check = _RANK
        elif not wanted.is_rate:
            check = _NONNEGATIVE
        else:
            check = _ABOVE_MINUS_100 if changes else _ANY
        return target, source, wanted, changes, check

    def _part(self, part: Any, target: Target) -> str | Literal[False] | None:
        """The id of the part written (None for none); False when it is no part of the plan's
        that has a target of that indicator."""
        if not isinstance(part, str):
            return False
        if not part.strip():
            return None
        found = self.plan.resolve_part(part)
        if found is None or not any(t.indicator == target.id for t in found.targets):
            return False
        return found.id


def in_plan(rows: Iterable[RawRow], plan: Plan) -> list[RawRow]:
    """The rows, but a bulletin's rows of indicators the plan does not know, which are skipped
    and said in one line per file."""
    kept: list[RawRow] = []
    skipped: dict[str, dict[str, None]] = {}
    falls: dict[str, bool] = {}
    rows = list(rows)
    tables_of_falls = _tables_of_falls(rows, plan, falls)
    has_falls = _has_falls(plan)  # (else no row reads as a fall: each is kept as it is)
    rises: dict[tuple[str, str], str] = {}  # (file, name) → the first negative fall's place
    positive_rises: dict[tuple[str, str], str] = {}  # ... the first positive change's
    read_as_growth: set[str] = set()  # a level the plan has not, whose growth was read
    # (a plan without falls, a table of no bulletin: a row without a table's unit or growth
    # column is kept as it is, as the loop below would keep it)
    plain = not has_falls and not tables_of_falls
    keep = kept.append
    for written in rows:
        values = written.values
        if (
            plain
            and not written.from_bulletin
            and TABLE_UNIT not in values
            and ("growth" not in values)
        ):
            keep(written)
            continue
        row = _with_table_unit(written, plan) if TABLE_UNIT in values else written
        growing = _with_growth(row, plan) if "growth" in row.values else (row,)
        if (
            growing
            and growing[0] is not row
            and growing[0].signed
            and not plan.resolve(str(row.values.get("indicator") or ""))
        ):
            read_as_growth.add(str(row.values.get("indicator") or "").strip())
        for grown in growing:
            # (a growth column's figure under 降低 too, but its minus is the growth's: a fall)
            name = grown.values.get("indicator")
            target = plan.resolve(name) if isinstance(name, str) and tables_of_falls else None
            reading = None
            if target is not None:
                reading = tables_of_falls.get((grown.origin.file, target.id))
            one = grown
            if has_falls:  # (in a table of changes, -2.7 is a fall and 0.5 a rise)
                signed = grown.signed or reading == "changes"
                one = _as_fall(grown, plan, falls, signed=signed, rise=reading == "falls")
            if one is not grown and (_number_of(one.values["value"]) or 0) > 0:
                name = str(one.values["indicator"])
                rises.setdefault((one.origin.file, name), str(one.origin))
            elif (
                reading == "changes"
                and falls.get(str(name))  # (a row under the id is a change: it had no vote)
                and (_plain_number(grown.values.get("value")) or 0) > 0
            ):
                name = str(grown.values["indicator"])
                positive_rises.setdefault((grown.origin.file, name), str(grown.origin))
            if one.from_bulletin:
                name = str(one.values.get("indicator") or "").strip()
                if name and plan.resolve(name) is None:
                    skipped.setdefault(one.origin.file, {})[name] = None
                    continue
            kept.append(one)
    for names in skipped.values():  # (its rows of other years have no growth: not said)
        for name in read_as_growth & set(names):
            del names[name]
    skipped = {file: names for file, names in skipped.items() if names}
    if rises or positive_rises or skipped:
        from shuangshi_cli.notices import notice

        for (_, name), place in rises.items():
            notice("negative_fall", place=place, name=name)
        for (_, name), place in positive_rises.items():
            notice("positive_change", place=place, name=name)
        for file, names in skipped.items():
            key = "not_in_plan.one" if len(names) == 1 else "not_in_plan"
            notice(key, file=file, count=len(names), indicators="、".join(names))
    return kept


_FALL_NAME = re.compile(r"降低|下降|减少|reduction|decrease|decline|\bfall\b", re.IGNORECASE)


def _has_falls(plan: Plan) -> bool:
    """Whether a target of ``plan`` is a fall whose figures are yearly changes, the only kind a
    row's name can say a fall of (``_reads_as_fall``)."""
    return any(not t.higher_is_better and plan.yearly_changes(t) for t in plan.targets)


def _tables_of_falls(rows: list[RawRow], plan: Plan, falls: dict[str, bool]) -> dict[Any, str]:
    """How the numbers under names that say fall are read where a file holds both signs for one
    target, by (file, target id): ``"falls"`` where most are falls (单位GDP能耗降低 2.7, 0.1,
    -0.5, 3.8: a table of 降低率, where a negative one is a rise; as many of each, 2.7 and -0.5,
    too), ``"changes"`` where most are negative (-2.7, -0.1, 0.5, -3.8: falls written as changes,
    where a positive one is a rise). Where all have one sign, each reads as ``_as_fall`` says
    (2.7 a fall; -2.7 a fall written as the change)."""
    votes: dict[tuple[Any, Any], list[int]] = {}  # key → [falls, changes]
    if not _has_falls(plan):
        return {}  # (a plan without a fall: no name says one)
    for row in rows:
        name, raw = row.values.get("indicator"), row.values.get("value")
        if not isinstance(name, str) or raw is None or row.signed:
            continue
        fall = falls.get(name)
        if fall is None:
            fall = falls[name] = _reads_as_fall(name, plan)
        if not fall:
            continue
        try:
            quantity = parse_quantity(str(raw))
        except ValueError:
            continue  # the check of the value says what is wrong
        if quantity.value and not quantity.change:  # (下降2.7% says what it is: no vote)
            target = plan.resolve(name)
            key = (row.origin.file, target.id if target is not None else name)
            votes.setdefault(key, [0, 0])[0 if quantity.value > 0 else 1] += 1
    # As many of each (2.7, -0.5): the name's own reading, a plain number a fall, holds for the
    # positive ones, and the column is read one way: a table of falls.
    return {
        key: "falls" if fallen >= changed else "changes"
        for key, (fallen, changed) in votes.items()
        if fallen and changed
    }


def _as_fall(
    row: RawRow,
    plan: Plan,
    falls: dict[str, bool] | None = None,
    *,
    signed: bool = False,
    rise: bool = False,
) -> RawRow:
    """A row whose indicator, as written, says its figure is a fall (单位GDP能耗降低 2.7, as
    tables print a 降低率 and the 纲要 its 〔13.5〕) of a target whose figures are yearly changes:
    the plain number is the fall, a change of -2.7; -2.7 stays -2.7 (a fall written as the
    change), but in a table of falls (``rise``: the same name also has positive numbers there,
    2.7, 0.1, -0.5, 3.8) a negative fall is a rise, a change of 0.5. ``signed``: the number is a
    growth column's (比上年增长%), a growth whatever the row's name says (-3.8 a fall, 1.2 a
    rise). A value that says its direction (增长0.5%, 下降2.7%) is read as it says."""
    name, raw = row.values.get("indicator"), row.values.get("value")
    if not isinstance(name, str) or raw is None:
        return row
    fall = falls.get(name) if falls is not None else None
    if fall is None:  # (a table repeats a few names many times: each is looked at once)
        fall = _reads_as_fall(name, plan)
        if falls is not None:
            falls[name] = fall
    if not fall or isinstance(raw, bool) or not isinstance(raw, str | int | Decimal):
        return row
    try:
        quantity = parse_quantity(str(raw))
    except ValueError:
        return row  # the check of the value says what is wrong
    if quantity.change or quantity.value == 0 or signed or (quantity.value < 0 and not rise):
        return row
    fallen: str | int | Decimal = -raw if not isinstance(raw, str) else _negated(raw)
    return row._replace(values={**row.values, "value": fallen})


def _with_table_unit(row: RawRow, plan: Plan) -> RawRow:
    """A row with the unit its table's title gives (单位：亿元) where that unit fits its target;
    a row of another kind of figure (a 位次, a rate) under it keeps its target's own unit."""
    values = dict(row.values)
    unit = values.pop(TABLE_UNIT)
    name = values.get("indicator")
    target = plan.resolve(name) if isinstance(name, str) else None
    if target is not None and target.unit is not None and isinstance(unit, str):
        wanted = plan.figure_unit(target)
        listed = listed_units(unit)
        fits = [
            one
            for one in listed
            if (named := written_unit(plan, one.strip(), wanted)) is None
            or named.dimension == wanted.dimension
        ]
        if len(listed) > 1:  # 单位：万元，%: a level's is 万元, a rate's %
            fits = [one for one in fits if plan.lookup_unit(one.strip()) is not None]
        if not fits:
            return row._replace(values=values)  # (another dimension: not this row's unit)
        # (two units of its kind are no unit: their list, which the check refuses)
        unit = fits[0] if len(fits) == 1 else UNIT_LIST_SEPARATOR.join(fits)
    values["unit"] = unit
    return row._replace(values=values)


def _reads_as_fall(name: str, plan: Plan) -> bool:
    """Whether an indicator as written says its figure is a fall of a target whose figures are
    yearly changes (单位GDP能耗降低, Reduction in …), as ``_as_fall`` reads it."""
    target = plan.resolve(name) if _FALL_NAME.search(name) else None
    return not (target is None or target.higher_is_better or not plan.yearly_changes(target))


def _plain_number(raw: Any) -> Decimal | None:
    """The number of a plain value (2.7, -2.7); None for one that says its direction (下降2.7%)
    or is no number (the check of the value says what is wrong)."""
    try:
        quantity = parse_quantity(str(raw))
    except ValueError:
        return None
    return None if quantity.change else quantity.value


def _number_of(raw: Any) -> Decimal | None:
    try:
        return parse_quantity(str(raw)).value
    except ValueError:
        return None


def _negated(text: str) -> str:
    """A number as written, with the other sign: 2.7 → -2.7, -0.5 → 0.5."""
    folded = fold_width(text).strip()
    for minus in ("-", "−"):
        if folded.startswith(minus):
            return folded.removeprefix(minus).lstrip()
    return "-" + folded.removeprefix("+")


def _with_growth(row: RawRow, plan: Plan) -> tuple[RawRow, ...]:
    """A row of a table of one year with its growth on the year before (比上年增长%): the
    growth is the figure of an indicator given as its growth (研发经费投入增长, 单位GDP能耗降低)
    when its value cell is blank; a level's growth is also the figure of the plan's growth of
    that level, if it has one (国内生产总值 | 亿元 | 1143670 | 8.1 → 国内生产总值增长 8.1%); else
    the growth is read past."""
    values = dict(row.values)
    growth = values.pop("growth")
    said_real = values.pop(REAL_GROWTH, False)  # (the column says 实际增长)
    name = values.get("indicator")
    if not isinstance(name, str) or not name.strip():
        return (row._replace(values=values),)
    target = plan.resolve(name)
    if target is not None and plan.yearly_changes(target):
        if "value" not in values:
            if _reads_as_fall(name, plan) and (_plain_number(growth) or 0) > 0:
                # 单位GDP能耗降低 | | 2.7 under 比上年增长%: a fall of 2.7 (the name) or a rise
                # (the column)? Either way is a guess (-2.7 is a fall both as a growth and as
                # what a table of falls would hold, 2.7)
                raise FiguresError(
                    row.origin.problem(
                        msg("{name} under a growth column reads two ways: write the fall in the "
                            "value column ({name} 2.7), or the change with its direction "
                            "(下降2.7%)", name=name.strip()),
                        "value",
                    )
                )  # fmt: skip
            values.update(value=growth, unit="%")
            return (row._replace(values=values, signed=True),)
        if _number_of(_as_fall(row._replace(values=values), plan).values["value"]) != (
            _number_of(growth)
        ):  # (单位GDP能耗降低 2.7 is the change -2.7: the growth column's -2.7 agrees)
            raise FiguresError(
                row.origin.problem(
                    msg("the value says {value} but the growth column says {growth}",
                        value=cut(values["value"]), growth=cut(growth)),
                    "value",
                )
            )  # fmt: skip
        return (row._replace(values=values),)
    rows: tuple[RawRow, ...] = (row._replace(values=values),)  # (a level the plan has not is
    # read past, and said)
    # The plan's growth of the level, or its fall (万元国内生产总值能耗 | % | — | -3.8: the
    # bulletin's 能耗比上年下降3.8%, the figure of 万元国内生产总值能耗降低)
    for word in ("增长", "降低"):
        grown = plan.resolve(f"{name.strip()}{word}")
        if grown is None or grown is target or not plan.yearly_changes(grown):
            continue
        if grown.growth_basis == "real" and not said_real and _nominal_growth(name, values):
            # 居民人均可支配收入 | 元 | 36883 | 5.0: a bulletin's 名义增长, not the plan's 实际增长
            from shuangshi_cli.notices import notice

            notice("nominal_growth", place=str(row.origin), name=name.strip(), id=grown.id)
            return () if target is None else rows  # (a level the plan has not: said here)
        also: dict[str, Any] = {"indicator": f"{name.strip()}{word}"}
        also.update((k, values[k]) for k in ("year", "month", "part") if k in values)
        also.update(value=growth, unit="%")
        # a level the plan has not, whose growth it has: its growth is what the row gives it
        extra = row._replace(values=also, signed=True)
        rows = (extra,) if target is None else (*rows, extra)
        break
    return rows


# The money levels whose growth a bulletin gives at comparable prices (按不变价格计算): GDP, value
# added, labour productivity; the growth of any other (income, sales, revenue) is nominal.
_REAL_GROWTH_LEVEL = re.compile(r"生产总值|增加值|GDP|劳动生产率", re.IGNORECASE)


def _nominal_growth(name: str, values: dict[str, Any]) -> bool:
    """Whether a bulletin's growth column of the level ``name`` (in the row's unit, or its
    table's) is nominal: a level of money (元, 亿元, 元/人) that is not GDP or value added, or
    one whose unit is not said (money or not, it cannot be told real)."""
    from shuangshi_cli.units import BUILTIN_UNITS

    if _REAL_GROWTH_LEVEL.search(name) is not None:
        return False
    unit = values.get("unit") or values.get(TABLE_UNIT)
    if not isinstance(unit, str):
        return True
    # (a list of units, 万元、%: the level's is the one not in %)
    units = [u for one in listed_units(unit) if (u := BUILTIN_UNITS.get(one.strip())) is not None]
    levels = [u for u in units if u.dimension != PERCENT]
    return len(levels) != 1 or levels[0].is_money


def _words(row: RawRow) -> tuple[tuple[str, Any], ...] | None:
    """What a row says, to know a repeat; None for a row that holds lists or mappings."""
    words = tuple(row.values.items())
    try:
        hash(words)
    except TypeError:
        return None
    return words


def _unfilled(row: RawRow) -> bool:
    """A row of a template left blank: no value and no status. Not a figure, not an error."""
    if not row.template:  # a KEY=VALUE argument, a YAML or JSON row: always means something
        return False
    return all(
        row.values.get(key) is None or str(row.values[key]).strip() == ""
        for key in ("value", "status")
    )


def _describe(figure: Figure) -> str:
    when = f"{figure.year}" + (f"-{figure.month:02d}" if figure.month else "")
    return f"{figure.target} {when}" + (f" ({figure.part})" if figure.part else "")


def _show(figure: Figure, field: str = "value") -> str | Msg:
    """What a figure holds in ``field``, for a message: a status in the reader's words."""
    if field == "status" or figure.value is None:
        if figure.status is None:
            return "—"  # (none given)
        return msg(f"status.{figure.status.value}")
    return str(figure.value)


def row_target(row: RawRow, plan: Plan) -> Target:
    """The target a row's indicator names; InputError with a did-you-mean hint if none."""
    key = row.values.get("indicator")
    if key is None or not str(key).strip():
        raise FiguresError(row.origin.problem("no indicator", "indicator"))
    if isinstance(key, bool):  # YAML 1.1 reads NO, off, y as booleans: the name is gone
        raise FiguresError(
            row.origin.problem(
                "the indicator reads as a YAML boolean (yes, no, on, off): quote the name",
                "indicator",
            )
        )
    target = plan.resolve(str(key))
    if target is None:
        close = _close(str(key), plan.names(), 0.5)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise FiguresError(row.origin.problem(f"unknown indicator {shown(key)}{hint}", "indicator"))
    return target


def _close(word: str, choices: list[str], cutoff: float) -> list[str]:
    """The closest of ``choices`` to ``word``, for did-you-mean hints; none for a long word
    (difflib is quadratic, and a 10 MB cell is no typo)."""
    if len(word) > MAX_HINTED:
        return []
    return difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)


def row_year(row: RawRow) -> int:
    """The row's year, FIRST_YEAR–LAST_YEAR."""
    year = _whole(row.values.get("year"), row.origin, "year", FIRST_YEAR, LAST_YEAR, "年")
    if year is None:
        raise FiguresError(row.origin.problem("no year", "year"))
    return year


def _check_row(row: RawRow, plan: Plan, known: dict[Any, tuple[Target, str | None]]) -> Figure:
    """One row as a Figure; ``known`` remembers the target and part that an indicator and a part
    as written resolved to (a long table repeats a few of them on every row)."""
    origin, values = row.origin, row.values
    if values.get("region") is not None:
        raise FiguresError(
            origin.problem(
                "a region column belongs in a peer table (--peers), not figures", "region"
            )
        )
    written_as: Any = (values.get("indicator"), values.get("part"))
    # Only text is remembered: 1, 1.0 and true are equal keys but name different parts.
    if not all(type(v) is str or v is None for v in written_as):
        written_as = None
    resolved = None if written_as is None else known.get(written_as)
    target = row_target(row, plan) if resolved is None else resolved[0]
    year = row_year(row)
    month = _whole(values.get("month"), origin, "month", 1, 11, "月")
    if month is not None and not target.flow:
        raise FiguresError(
            origin.problem(
                f"{target.id} is not a flow over the year: a cumulative month figure does not fit",
                "month",
            )
        )
    if month is not None and (shown_in := plan.figure_unit(target)).is_rate:
        # (地区生产总值增长6%左右: its figures are rates, and 1-9月's amount so far is none)
        raise FiguresError(
            origin.problem(
                msg("{id}'s figures are rates ({unit}): a cumulative month figure, an amount so "
                    "far, does not fit", id=target.id, unit=shown_in.symbol),
                "month",
            )
        )  # fmt: skip
    if resolved is None:
        part = _row_part(values.get("part"), target, plan, origin)
        if written_as is not None:
            known[written_as] = (target, part)
    else:
        part = resolved[1]
    status = None
    if values.get("status") is not None:
        if target.quantified and month is not None:
            raise FiguresError(
                origin.problem("a hand verdict judges a whole year, not a month", "status")
            )
        try:
            status = parse_status(str(values["status"]))
        except ValueError as exc:
            raise FiguresError(origin.problem(str(exc), "status")) from None
    note = values.get("note")
    given = values.get("value") is not None and str(values["value"]).strip() != ""
    if not target.quantified and target.unit is not None and given:
        # A number with a qualitative clause (GDP增长 保持在合理区间): its figures are read.
        return Figure(target.id, year, row_value(row, target, plan), origin, month, part,
                      status, _text(note))  # fmt: skip
    if not target.quantified:
        if values.get("value") is not None:
            # a status where the value goes (fyp13_early=已完成 on the command line) is the status
            status = _status_as_value(values["value"], status, origin)
            if status is None:
                raise FiguresError(
                    origin.problem(
                        f"{target.id} is qualitative: give a status, not a value", "value"
                    )
                )
        if status is None:
            raise FiguresError(
                origin.problem(f"{target.id} is qualitative: give a status", "status")
            )
        return Figure(target.id, year, None, origin, month, part, status, _text(note))
    if target.series is not None and given:
        raise FiguresError(
            origin.problem(
                f"{target.id} reads the figures of {target.series}: give them as {target.series}",
                "indicator",
            )
        )
    real = _real_growth(row, target, plan) if given else None
    if real is not None:
        return Figure(target.id, year, real, origin, month, part, status, _text(note),
                      "real_growth")  # fmt: skip
    if status is not None and not given:  # a hand verdict alone (基本完成; 口径调整)
        return Figure(target.id, year, None, origin, month, part, status, _text(note))
    value, as_written = _value(values.get("value"), values.get("unit"), target, plan, origin)
    written = f"{values.get('value')}{values.get('unit') or ''}".strip()
    converted = as_written != value
    return Figure(
        target.id, year, value, origin, month, part, status, _text(note),
        given=written if converted else None,
    )  # fmt: skip


def _status_as_value(value: Any, status: Status | None, origin: Origin) -> Status | None:
    """The status a qualitative target's value cell gives (已完成, achieved), when the row has no
    status of its own; None for a number or beside a status; an error naming the statuses for
    other words."""
    if status is not None or not isinstance(value, str) or not value.strip():
        return None
    if any(c.isdigit() for c in value):
        return None
    try:
        return parse_status(value)
    except ValueError as exc:
        raise FiguresError(origin.problem(str(exc), "value")) from None


def _real_growth(row: RawRow, target: Target, plan: Plan) -> Decimal | None:
    """A row in % for a level target at constant prices: the year's real growth; else None."""
    if target.price_basis != "constant" or plan.figure_unit(target).dimension == PERCENT:
        return None
    raw, column = row.values.get("value"), row.values.get("unit")
    try:
        quantity = parse_quantity(str(raw))
    except ValueError:
        return None  # row_value names the problem
    written = str(column).strip() if column is not None and str(column).strip() else quantity.unit
    unit = plan.lookup_unit(written) if written else None
    if unit is None or unit.dimension != PERCENT:
        return None
    if quantity.value <= -100:
        raise FiguresError(row.origin.problem("a real growth rate must be above -100%", "value"))
    return quantity.value


def _row_part(name: Any, target: Target, plan: Plan, origin: Origin) -> str | None:
    """The id of the part a row names, which must have a target for the row's indicator."""
    if name is None or not str(name).strip():
        return None
    if not plan.parts:
        raise FiguresError(origin.problem("this plan has no parts (责任单位)", "part"))
    part = plan.resolve_part(str(name))
    if part is None:
        raise FiguresError(origin.problem(unknown_part(plan, name), "part"))
    if not any(t.indicator == target.id for t in part.targets):
        raise FiguresError(origin.problem(f"{part.name} has no target for {target.id}", "part"))
    return part.id


def unknown_part(plan: Plan, name: Any) -> str:
    """Why ``name`` is no part of ``plan``: it could be two (朝阳: 朝阳乡 or 朝阳镇), or none."""
    alike = plan.parts_named(str(name)) if isinstance(name, str) else []
    if len(alike) > 1:
        names = " or ".join(p.name for p in alike)
        return f"{shown(name)} could be {names}: write the part's whole name"
    known = "、".join(p.name for p in plan.parts)
    return f"unknown part {shown(name)}; parts: {known}"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _whole(value: Any, origin: Origin, name: str, low: int, high: int, suffix: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and len(value) <= 4 and value.isascii() and value.isdigit():
        whole = int(value)  # the usual case, "2018", without the Decimal detour
        if low <= whole <= high:
            return whole
    if isinstance(value, bool):
        raise FiguresError(origin.problem(f"{value!r} is not a {name}", name))
    if isinstance(value, str) and len(value) <= 6 and value.isascii() and value.isdigit():
        whole = int(value)  # the common case, 2018 or 3: what the Decimal below gives
        if not low <= whole <= high:
            raise FiguresError(origin.problem(f"{name} {whole} is outside {low}–{high}", name))
        return whole
    text = str(value).strip().removesuffix(suffix).strip()
    try:
        folded = decimal_text(text)
        # ²⁰¹⁸, ٢٠١٨, 2_018, 0x7e2, which Decimal would read; 2e3, which no table writes a
        # year as (a cell of a number, 2000.0, is no text with an exponent)
        if folded is None or (isinstance(value, str) and "e" in folded.lower()):
            raise InvalidOperation
        number = Decimal(folded)
    except ArithmeticError:
        raise FiguresError(origin.problem(f"{shown(value)} is not a {name}", name)) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise FiguresError(origin.problem(f"{shown(value)} is not a whole {name}", name))
    # Compared as a Decimal first: int(Decimal("1e999999")) would not return.
    if not low <= number <= high:
        raise FiguresError(origin.problem(f"{name} {cut(text)} is outside {low}–{high}", name))
    return int(number)


def row_value(row: RawRow, target: Target, plan: Plan) -> Decimal:
    """The row's value in ``target``'s figure unit, converted exactly; refuses what cannot be."""
    return _value(row.values.get("value"), row.values.get("unit"), target, plan, row.origin)[0]


def _value(
    raw: Any, unit_text: Any, target: Target, plan: Plan, origin: Origin
) -> tuple[Decimal, Decimal]:
    """The value in the target's figure unit, and the number as written."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise FiguresError(origin.problem(f"no value for {target.id}", "value"))
    if isinstance(raw, bool) or not isinstance(raw, str | int | Decimal):
        raise FiguresError(origin.problem(f"{cut(raw)} is not a number", "value"))
    try:
        quantity = parse_quantity(str(raw))
    except ValueError as exc:
        raise FiguresError(origin.problem(str(exc), "value")) from None
    changes = plan.yearly_changes(target)
    if quantity.change and not changes:  # a level: 提高0.5个百分点
        raise FiguresError(
            origin.problem(
                f"{shown(str(raw).strip())} is a change on the year before; {target.id} takes "
                "the figure itself",
                "value",
            )
        )
    written = quantity.unit
    if unit_text is not None and str(unit_text).strip():
        column = str(unit_text).strip()
        if written is not None and plan.lookup_unit(written) != plan.lookup_unit(column):
            raise FiguresError(
                origin.problem(
                    f"the value says {cut(written)} but the unit column says {cut(column)}", "unit"
                )
            )
        written = column
    wanted = plan.figure_unit(target)
    unit = wanted if written is None else written_unit(plan, written, wanted)
    if unit is None:
        from shuangshi_cli.plan_checks import unit_typo

        if len(listed := listed_units(str(written))) > 1:  # a unit line's list, 万元、亿元
            raise FiguresError(
                origin.problem(
                    msg("the unit line lists {units}, more than one of this figure's kind: give "
                        "the row its own unit", units=" / ".join(shown(u) for u in listed)),
                    "unit",
                )
            )  # fmt: skip
        hint = unit_typo(str(written), plan.registry)
        raise FiguresError(origin.problem(f"unknown unit {shown(written)}{hint}", "unit"))
    try:
        value = convert(quantity.value, unit, wanted)
    except ValueError:
        raise FiguresError(
            origin.problem(
                f"{target.id} is measured in {wanted.symbol}; {unit.symbol} does not fit", "unit"
            )
        ) from None
    problem = _unfit(value, wanted, target, raw, quantity.value, changes=changes)
    if problem is not None:
        raise FiguresError(origin.problem(problem, "value"))
    return value, quantity.value


def written_unit(plan: Plan, written: str, wanted: Unit) -> Unit | None:
    """The unit a figure is written in, for a target whose figures are in ``wanted``: a bare
    count (人, 件, 个) is the count per the population ``wanted`` counts per (每千人口拥有执业
    （助理）医师数（人）, 每万人口高价值发明专利拥有量（件）, as the 纲要 heads them)."""
    unit = plan.lookup_unit(written)
    if unit is None or unit.dimension == wanted.dimension:
        return unit
    counted = unit.dimension.removeprefix("count:")
    if (
        unit.dimension.startswith("count:")
        and unit.factor == 1
        and wanted.dimension.startswith("count_per_")
        and wanted.dimension.endswith(f":{counted}")
    ):
        return wanted
    return unit


def _unfit(
    value: Decimal, wanted: Unit, target: Target, raw: Any, number: Decimal, *, changes: bool
) -> str | None:
    """What is wrong with ``value`` (``raw`` as written, ``number`` as read) in the figure unit
    ``wanted``: out of range, a rank that is not a whole number from 1, below 0 where only a
    rate may be, or a yearly change (``changes``, chained) of -100% or less; None when nothing
    is."""
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:  # 1e20万亿元 is 1e32亿元
        return (
            f"{cut(raw)} is {value:g} {wanted.symbol}, out of range "
            f"(1e-{MAX_EXPONENT} to 1e{MAX_EXPONENT})"
        )
    if wanted.dimension == RANK:
        if value < 1 or value != value.to_integral_value():
            return f"a rank is a whole number from 1, not {value}"
    elif value < 0 and not wanted.is_rate:
        return f"{target.id} cannot be negative ({number})"
    elif changes and value <= -100:  # a chained index would reach 0 or go below
        return f"a yearly change of {target.id} must be above -100% ({number})"
    return None


def load_figures(
    plan: Plan,
    files: Sequence[str] = (),
    pairs: Sequence[str] = (),
    *,
    year: int | None = None,
    month: int | None = None,
    part: str | None = None,
    reading: Reading | None = None,
) -> Figures:
    """All figures from ``files`` and KEY=VALUE ``pairs``, checked against ``plan``."""
    rows, problems = read_rows(files, reading)
    try:
        rows.extend(parse_pairs(pairs, year=year, month=month, part=part))
    except InputError as exc:
        problems.extend(exc.problems)
    if problems:
        raise FiguresError(problems)
    figures = check_rows(rows, plan)
    from shuangshi_cli.figure_hints import say_hints

    say_hints(figures, plan)
    return figures
