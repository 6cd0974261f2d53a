"""Observed figures: KEY=VALUE arguments and CSV, YAML or JSON long tables, checked by the plan."""

from __future__ import annotations

import csv
import difflib
import io
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shuangshi_cli.errors import FiguresError, InputError, Problem, cut, shown
from shuangshi_cli.fileio import STDIN, read_text
from shuangshi_cli.formulas import FIRST_YEAR, LAST_YEAR
from shuangshi_cli.status import Status, parse_status
from shuangshi_cli.units import MAX_EXPONENT, RANK, convert, parse_quantity
from shuangshi_cli.yamlload import load_yaml

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from shuangshi_cli.plan import Plan, Target

_MAX_KNOWN_RECORDS = 100_000
# Words longer than this get no did-you-mean hint.
MAX_HINTED = 100
FIELDS = ("indicator", "year", "value", "unit", "month", "part", "status", "note", "region")
# Column names a statistics office may use instead of ours; `name` is informative only.
_HEADER_ALIASES = {
    "indicator": "indicator", "id": "indicator", "指标": "indicator", "指标名称": "indicator",
    "year": "year", "年份": "year", "年度": "year", "年": "year",
    "value": "value", "数值": "value", "值": "value", "数据": "value",
    "unit": "unit", "单位": "unit", "计量单位": "unit",
    "month": "month", "月份": "month", "月": "month",
    "part": "part", "责任单位": "part",
    "region": "region", "地区": "region", "县区": "region", "地区名称": "region",
    "status": "status", "状态": "status",
    "note": "note", "备注": "note", "说明": "note",
    "name": "", "名称": "", "name_en": "",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a figure was written: a file and line, or a command-line argument."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def problem(self, message: str, field: str | None = None) -> Problem:
        return Problem(message, file=self.file, line=self.line, field=field)


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

    @property
    def key(self) -> tuple[str, int, int | None, str | None]:
        return self.target, self.year, self.month, self.part


@dataclass(frozen=True, slots=True)
class RawRow:
    """A row as read, before it is checked against the plan: field name → text or number.

    ``template``: a row of a CSV table, which may be left blank (no value, no status) and is then
    no figure; elsewhere a row without a value is an error.
    """

    values: dict[str, Any]
    origin: Origin
    template: bool = False


@dataclass(frozen=True)
class Figures:
    """Every figure given, checked and free of conflicts."""

    items: tuple[Figure, ...] = ()

    def annual(self, target_id: str, *, as_of: int | None = None) -> list[Figure]:
        """Whole-year figures of one target for the whole region, oldest first."""
        return sorted(
            (
                f
                for f in self.items
                if f.target == target_id
                and f.month is None
                and f.part is None
                and (as_of is None or f.year <= as_of)
            ),
            key=lambda f: f.year,
        )

    def for_part(self, part_id: str) -> Figures:
        """The figures of one part, as if they were the whole region's."""
        return Figures(tuple(replace(f, part=None) for f in self.items if f.part == part_id))

    def __len__(self) -> int:
        return len(self.items)


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
        values: dict[str, Any] = {"indicator": key.strip(), "year": year, "value": value.strip()}
        if month is not None:
            values["month"] = month
        if part is not None:
            values["part"] = part
        rows.append(RawRow(values, origin))
    return rows


def read_figures_file(path: str) -> list[RawRow]:
    """Rows of a CSV, YAML or JSON figures file (``-`` reads stdin), by extension or content."""
    name = "<stdin>" if path == STDIN else path
    text = read_text(Path(path), name)
    suffix = Path(path).suffix.lower()
    if suffix in {".csv", ".tsv", ".txt"}:
        return parse_csv(text, name)
    if suffix in {".yaml", ".yml"}:
        return parse_structured(text, name)
    if suffix == ".json":
        return parse_json(text, name)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return parse_json(text, name)
    if stripped.startswith(("- ", "-\n", "---")):  # a YAML list, though its rows hold commas
        return parse_structured(text, name)
    first = stripped.splitlines()[0] if stripped else ""
    if "," in first or "\t" in first:
        return parse_csv(text, name)
    return parse_structured(text, name)


def read_rows(paths: Sequence[str]) -> tuple[list[RawRow], list[Problem]]:
    """The rows of every file, and the problems of the files that could not be read."""
    rows: list[RawRow] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            rows.extend(read_figures_file(path))
        except InputError as exc:
            problems.extend(exc.problems)
    return rows, problems


def parse_csv(text: str, name: str) -> list[RawRow]:
    """A long table with a header row: indicator, year, value[, unit][, month][, note] …"""
    lines = text.splitlines(keepends=True)
    header_index = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")),
        None,
    )
    if header_index is None:
        raise FiguresError(Problem("the file is empty", name))
    header_line = lines[header_index]
    delimiter = "\t" if "\t" in header_line and "," not in header_line else ","
    reader = csv.reader(
        io.StringIO("".join(lines[header_index:])), delimiter=delimiter, strict=True
    )
    try:
        header = next(reader)
    except csv.Error as exc:
        raise FiguresError(Problem(f"not valid CSV: {exc}", name, header_index + 1)) from None
    columns = _columns(header, name, header_index + 1)
    rows: list[RawRow] = []
    # Rows repeated word for word share one dict of values (and check_rows checks them once).
    known: dict[tuple[str, ...], dict[str, Any]] = {}
    end = header_index + 1
    try:
        for record in reader:
            start, end = end + 1, header_index + reader.line_num
            line = end
            if not record or record[0].lstrip().startswith("#") or not "".join(record).strip():
                continue
            if end > start and any(  # (a quote open at the end of the file: csv.Error below)
                "\n" in cell or "\r" in cell
                for col, cell in zip(columns, record, strict=False)
                if col not in {"note", ""}
            ):
                # Only a note may break lines: a figure cell that does has a quote not closed
                # where it should be, and the lines after it were read into it.
                raise FiguresError(
                    Problem(
                        f'a quoted cell runs to line {end}: is a closing quote (") missing?',
                        name,
                        start,
                    )
                )
            if len(record) != len(columns):
                extra = [c for c in record[len(columns) :] if c.strip()]
                if extra or len(record) < len(columns):
                    raise FiguresError(
                        Problem(f"{len(record)} cells but {len(columns)} columns", name, line)
                    )
            words = tuple(record)
            values = known.get(words)
            if values is None:
                values = {
                    col: text
                    for col, cell in zip(columns, record, strict=False)
                    if col and (text := cell.strip())
                }
                if len(known) < _MAX_KNOWN_RECORDS:
                    known[words] = values
            rows.append(RawRow(values, Origin(name, line), template=True))
    except csv.Error as exc:
        message, line = f"not valid CSV: {exc}", header_index + reader.line_num
        if "unexpected end of data" in str(exc):  # the quote opened on the row after the last
            message = 'a quoted cell runs to the end of the file: is a closing quote (") missing?'
            line = end + 1
        raise FiguresError(Problem(message, name, line)) from None
    return rows


def _columns(header: list[str], name: str, line: int) -> list[str]:
    columns: list[str] = []
    written: dict[str, str] = {}
    for cell in header:
        key = unicodedata.normalize("NFKC", cell).strip().casefold()
        if not key:
            columns.append("")
            continue
        if key not in _HEADER_ALIASES:
            hint = _close(key, list(_HEADER_ALIASES), 0.6)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise FiguresError(
                Problem(
                    f"unknown column {shown(cell.strip())}{suggestion}; columns are "
                    + ", ".join(FIELDS),
                    name,
                    line,
                )
            )
        column = _HEADER_ALIASES[key]
        if column and column in written:
            raise FiguresError(
                Problem(_repeated(written[column], cell.strip(), column), name, line)
            )
        written[column] = cell.strip()
        columns.append(column)
    for required in ("indicator", "year"):
        if required not in columns:
            raise FiguresError(Problem(f"the header has no {required!r} column", name, line))
    if "value" not in columns and "status" not in columns:
        raise FiguresError(Problem("the header has no 'value' column (nor 'status')", name, line))
    return columns


def _repeated(first: str, second: str, column: str, noun: str = "column") -> str:
    if first == second:
        return f"the {noun} {shown(second)} is there twice"
    return f"the {noun}s {shown(first)} and {shown(second)} both give the {column}"


def parse_json(text: str, name: str) -> list[RawRow]:
    """JSON figures; read through the YAML loader (JSON is YAML) to keep line numbers."""
    try:  # Decimals: int() of a 5000-digit number raises, of 1e999999 does not return
        json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        raise FiguresError(
            Problem(f"not valid JSON: {exc.msg}", name, exc.lineno, exc.colno)
        ) from None
    except RecursionError:
        raise FiguresError(Problem("the document is nested too deeply", name)) from None
    return parse_structured(text, name)


def parse_structured(text: str, name: str) -> list[RawRow]:
    """YAML/JSON figures: a list of rows, or a mapping with a ``figures`` list."""
    located = load_yaml(text, name)
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
                        _repeated(written[canonical], str(key), canonical, "key"),
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
    figures: dict[tuple[str, int, int | None, str | None], Figure] = {}
    # A row seen before, word for word → the index of its problem, or None when it was fine.
    seen: dict[tuple[tuple[str, Any], ...], int | None] = {}
    repeats: Counter[int] = Counter()
    for row in rows:
        if _unfilled(row):
            continue
        words = _words(row)
        if words is not None and words in seen:  # (dicts shared by parse_csv hash fast)
            index = seen[words]
            if index is not None:
                repeats[index] += 1
            continue
        try:
            figure = _check_row(row, plan)
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
            problems.append(
                figure.origin.problem(
                    f"{_describe(figure)} is {_show(figure)} here but {_show(earlier)} at "
                    f"{earlier.origin}",
                    "value",
                )
            )
    for index, count in repeats.items():
        again = f" (and {count} more rows like it)" if count > 1 else " (and 1 more row like it)"
        problems[index] = replace(problems[index], message=problems[index].message + again)
    if problems:
        raise FiguresError(problems)
    return Figures(tuple(figures.values()))


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


def _show(figure: Figure) -> str:
    return str(figure.status) if figure.value is None else str(figure.value)


def row_target(row: RawRow, plan: Plan) -> Target:
    """The target a row's indicator names; InputError with a did-you-mean hint if none."""
    key = row.values.get("indicator")
    if key is None or not str(key).strip():
        raise FiguresError(row.origin.problem("no indicator", "indicator"))
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


def _check_row(row: RawRow, plan: Plan) -> Figure:
    origin, values = row.origin, row.values
    if values.get("region") is not None:
        raise FiguresError(
            origin.problem(
                "a region column belongs in a peer table (--peers), not figures", "region"
            )
        )
    target = row_target(row, plan)
    year = row_year(row)
    month = _whole(values.get("month"), origin, "month", 1, 11, "月")
    if month is not None and not target.flow:
        raise FiguresError(
            origin.problem(
                f"{target.id} is not a flow over the year: a cumulative month figure does not fit",
                "month",
            )
        )
    part = _row_part(values.get("part"), target, plan, origin)
    status = None
    if values.get("status") is not None:
        if target.quantified:
            raise FiguresError(
                origin.problem(
                    f"{target.id} is assessed from its figures, not given a status", "status"
                )
            )
        try:
            status = parse_status(str(values["status"]))
        except ValueError as exc:
            raise FiguresError(origin.problem(str(exc), "status")) from None
    note = values.get("note")
    if not target.quantified:
        if values.get("value") is not None:
            raise FiguresError(
                origin.problem(f"{target.id} is qualitative: give a status, not a value", "value")
            )
        if status is None:
            raise FiguresError(
                origin.problem(f"{target.id} is qualitative: give a status", "status")
            )
        return Figure(target.id, year, None, origin, month, part, status, _text(note))
    value = row_value(row, target, plan)
    return Figure(target.id, year, value, origin, month, part, None, _text(note))


def _row_part(name: Any, target: Target, plan: Plan, origin: Origin) -> str | None:
    """The id of the part a row names, which must have a target for the row's indicator."""
    if name is None or not str(name).strip():
        return None
    if not plan.parts:
        raise FiguresError(origin.problem("this plan has no parts (责任单位)", "part"))
    part = plan.resolve_part(str(name))
    if part is None:
        known = "、".join(p.name for p in plan.parts)
        raise FiguresError(origin.problem(f"unknown part {shown(name)}; parts: {known}", "part"))
    if not any(t.indicator == target.id for t in part.targets):
        raise FiguresError(origin.problem(f"{part.name} has no target for {target.id}", "part"))
    return part.id


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
    text = str(value).strip().removesuffix(suffix).strip()
    try:
        number = Decimal(unicodedata.normalize("NFKC", text))
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
    return _value(row.values.get("value"), row.values.get("unit"), target, plan, row.origin)


def _value(raw: Any, unit_text: Any, target: Target, plan: Plan, origin: Origin) -> Decimal:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise FiguresError(origin.problem(f"no value for {target.id}", "value"))
    if isinstance(raw, bool) or not isinstance(raw, str | int | Decimal):
        raise FiguresError(origin.problem(f"{cut(raw)} is not a number", "value"))
    try:
        quantity = parse_quantity(str(raw))
    except ValueError as exc:
        raise FiguresError(origin.problem(str(exc), "value")) from None
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
    unit = wanted if written is None else plan.lookup_unit(written)
    if unit is None:
        raise FiguresError(origin.problem(f"unknown unit {shown(written)}", "unit"))
    try:
        value = convert(quantity.value, unit, wanted)
    except ValueError:
        raise FiguresError(
            origin.problem(
                f"{target.id} is measured in {wanted.symbol}; {unit.symbol} does not fit", "unit"
            )
        ) from None
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:  # 1e20万亿元 is 1e32亿元
        raise FiguresError(
            origin.problem(
                f"{cut(raw)} is {value:g} {wanted.symbol}, out of range "
                f"(1e-{MAX_EXPONENT} to 1e{MAX_EXPONENT})",
                "value",
            )
        )
    if wanted.dimension == RANK:
        if value < 1 or value != value.to_integral_value():
            raise FiguresError(
                origin.problem(f"a rank is a whole number from 1, not {value}", "value")
            )
    elif value < 0 and not wanted.is_rate:
        raise FiguresError(
            origin.problem(f"{target.id} cannot be negative ({quantity.value})", "value")
        )
    return value


def load_figures(
    plan: Plan,
    files: Sequence[str] = (),
    pairs: Sequence[str] = (),
    *,
    year: int | None = None,
    month: int | None = None,
    part: str | None = None,
) -> Figures:
    """All figures from ``files`` and KEY=VALUE ``pairs``, checked against ``plan``."""
    rows, problems = read_rows(files)
    try:
        rows.extend(parse_pairs(pairs, year=year, month=month, part=part))
    except InputError as exc:
        problems.extend(exc.problems)
    if problems:
        raise FiguresError(problems)
    return check_rows(rows, plan)


def template_rows(plan: Plan) -> Iterator[dict[str, str]]:
    """One empty row per quantified target and year, base year to deadline."""
    for target in plan.quantified:
        unit = plan.figure_unit(target).symbol
        for year in range(plan.plan.base_year, target.deadline + 1):
            yield {
                "indicator": target.id,
                "name": target.name,
                "year": str(year),
                "value": "",
                "unit": unit,
                "note": "",
            }
