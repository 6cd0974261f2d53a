"""Wide tables, as bulletins and yearbooks print them: indicators down, periods across.

``指标 | 单位 | 2016 | 2017年 | 2018`` (years), or ``指标 | 单位 | 1-3月 | 1-6月 | 1-9月``
(cumulative months of one year: the year in the header, a year column, the title or ``--year``).
Each filled period cell becomes one long row; anything that could be read two ways is an error
that says how to write it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from shuangshi_cli.errors import FiguresError
from shuangshi_cli.figures import _HEADER_ALIASES, REAL_GROWTH, TABLE_UNIT, RawRow
from shuangshi_cli.messages import Msg, msg
from shuangshi_cli.tables import (
    NO_FIGURE,
    derived,
    header_key,
    out_of_range,
    real_growth,
    say_layout,
    text,
    title_period,
    title_year,
    unit_conflict,
    value,
    with_indicator,
    year_growth,
)
from shuangshi_cli.units import other_digits

if TYPE_CHECKING:
    from collections.abc import Sequence

    from shuangshi_cli.tables import Grid, Reading


@dataclass(frozen=True)
class Period:
    """What a period column holds: a year's figure, or the cumulative figure to a month."""

    label: str
    year: int | None  # None: the year comes from elsewhere (a year column, the title, --year)
    month: int | None  # None: the whole year
    unclear: Msg | None = None  # why the label cannot be read one way only


_YEAR = r"(?P<year>(?:19|20|21)\d{2})\s*年?度?"
_DASH = r"\s*[-–—~至到]\s*"
_ANNUAL = re.compile(rf"^{_YEAR}\s*(?:全年|1{_DASH}12\s*月份?)?$")
_CUMULATIVE = re.compile(rf"^(?:{_YEAR}\s*)?1{_DASH}(?P<month>\d{{1,2}})\s*月份?(?:累计)?$")
_MONTH = re.compile(rf"^(?:{_YEAR}\s*)?(?P<month>\d{{1,2}})\s*月份?$")
_QUARTERS = {
    "一季度": 3, "第一季度": 3, "1季度": 3, "q1": 3, "1-1季度": 3,
    "上半年": 6, "1-2季度": 6, "前两季度": 6, "二季度累计": 6,
    "前三季度": 9, "1-3季度": 9, "三季度累计": 9,
    "全年": 12, "1-4季度": 12,
}  # fmt: skip
_REMARK = re.compile(r"\((?:快报|初步核算|初步|调整后|调整|核实|修订|最终核实)数?\)$")
_SINGLE_QUARTER = re.compile(r"^(?:第?[二三四234]季度|q[234])$")
_QUARTER = re.compile(rf"^(?:{_YEAR}\s*)?(?P<rest>.+)$")


def period(label: str) -> Period | None:
    """The period a header cell names, or None when it names none; a year out of range (1900年)
    is a period that cannot be read."""
    found = _period(label)
    if found is None or found.unclear is not None or found.year is None:
        return found
    return replace(found, unclear=out_of_range(found.year))


def _period(label: str) -> Period | None:
    if other_digits(label):
        return None  # ²⁰¹⁸ or ٢٠١٨: NFKC would read a year there; a table writes none so
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", label).casefold())
    key = _REMARK.sub("", key)  # 2018年(快报), 2017年(调整后): the remark is not the period
    if not key:
        return None
    if match := _ANNUAL.match(key):
        return Period(label, int(match["year"]), None)
    for pattern in (_CUMULATIVE, _MONTH):
        match = pattern.match(key)
        if match:
            year = int(match["year"]) if match["year"] else None
            month = int(match["month"])
            if not 1 <= month <= 12:
                return Period(
                    label,
                    year,
                    None,
                    msg("{label}: there is no month {month}", label=repr(label), month=month),
                )
            if pattern is _MONTH and month != 1:
                return Period(
                    label,
                    year,
                    month,
                    msg(
                        "{label} could be {month}月 alone or 1-{month}月 (January to {month}月): "
                        "write 1-{month}月 for the cumulative figure, the only kind read",
                        label=repr(label),
                        month=month,
                    ),
                )
            return Period(label, year, None if month == 12 else month)
    match = _QUARTER.match(key)
    if match and (match["year"] or match["rest"] in _QUARTERS or _SINGLE_QUARTER.match(key)):
        year = int(match["year"]) if match["year"] else None
        rest = match["rest"]
        if rest in _QUARTERS:
            month = _QUARTERS[rest]
            return Period(label, year, None if month == 12 else month)
        if _SINGLE_QUARTER.match(rest):
            return Period(
                label,
                year,
                None,
                msg(
                    "{label} is one quarter alone: give cumulative figures (一季度, 上半年, "
                    "前三季度, or 1-6月, 1-9月)",
                    label=repr(label),
                ),
            )
    return None


@dataclass(frozen=True)
class Layout:
    """How a wide table's columns are read."""

    fixed: dict[int, str]  # column index → field (indicator, unit, part, region, year, note)
    periods: dict[int, Period]  # column index → its period, the year filled in where known
    description: Msg
    width: int  # columns up to the header's last heading
    skipped: tuple[str, ...] = ()  # headings of columns derived from the figures, not read
    # column index → the year whose growth on the year before it gives (2024年比上年增长%)
    growth: dict[int, int] = field(default_factory=dict)
    # column index → the unit a second header row writes under it (2018 over 亿元)
    units: dict[int, str] = field(default_factory=dict)
    # the growth columns whose heading says they are real (比上年实际增长%)
    real: frozenset[int] = frozenset()


def layout(
    grid: Grid,
    header: tuple[int, Sequence[Any]],
    titles: Sequence[str],
    reading: Reading,
    sub: tuple[int, Sequence[Any]] | None = None,
) -> Layout | None:
    """The wide layout of ``header``, or None when it has no period columns (a long table);
    ``sub``: a second header row, under periods merged over columns (2018 over 绝对数 | 增长%)."""
    line, cells = header
    fixed: dict[int, str] = {}
    periods: dict[int, Period] = {}
    unknown: list[int] = []
    skipped: list[int] = []
    for index, cell in enumerate(cells):
        key = header_key(cell)
        if not key:
            continue
        if key in _HEADER_ALIASES:
            fixed[index] = _HEADER_ALIASES[key]
        elif (found := period(text(cell))) is not None:
            periods[index] = found
        elif derived(text(cell)) or _ESTIMATE.match(key):  # (2019年（预计）: no figure)
            skipped.append(index)
        else:
            unknown.append(index)
    if not periods:
        return None
    growth = _growth_columns(cells, skipped, periods)
    growth_labels = {i: text(cells[i]) for i in growth}
    if sub is not None:
        periods, under = _under_periods(grid, cells, sub, periods)
        growth |= {i: year for i, (year, _) in under.items()}
        growth_labels |= {i: label for i, (_, label) in under.items()}
        below = sub[1]
        units = {
            i: text(below[i]) for i in periods if i < len(below) and _is_unit(header_key(below[i]))
        }
    else:
        units = {}

    def fail(message: Msg, index: int | None = None) -> FiguresError:
        return FiguresError(grid.problem(message, line, None if index is None else index + 1))

    labels = ", ".join(p.label for p in periods.values())
    for index, found in periods.items():
        if found.unclear:
            raise fail(found.unclear, index)
    if unknown:
        index = unknown[0]
        raise fail(
            msg(
                "unknown column {column}: a wide table has indicator, unit (and part, region, "
                "note) columns, then periods: 2016, 2017年, 1-3月, 2019年1-6月 …",
                column=repr(text(cells[index])),
            ),
            index,
        )
    fields = set(fixed.values())
    for clash in ("value", "month", "status"):
        if clash in fields:
            raise fail(
                msg(
                    "the header has a {clash} column and period columns ({labels}): read it "
                    "either long (indicator, year, month, value, status …) or wide (indicator, "
                    "unit, 2016, 2017 … or 1-3月, 1-6月 …), not both",
                    clash=clash,
                    labels=labels,
                )
            )
    if "indicator" not in fields:
        raise fail(
            msg("a wide table needs an indicator column (指标) besides {labels}", labels=labels)
        )
    year_column = "year" in fields
    if year_column and any(p.year is not None for p in periods.values()):
        given = ", ".join(p.label for p in periods.values() if p.year is not None)
        raise fail(
            msg(
                "the header has a year column and columns with a year ({given}): keep the year "
                "column with month columns (1-3月, 1-6月), or drop it and give a column per year",
                given=given,
            )
        )
    year, source = _year_of_months(periods, titles, reading, year_column)
    titled_year = title_year(titles)
    if source == "source.option_year" and titled_year is not None and titled_year != year:
        raise fail(
            msg("--year {year} but the title says {titled}年: give the table's own year",
                year=year, titled=titled_year)
        )  # fmt: skip
    if year is not None and (wrong := out_of_range(year)) is not None:  # a title's (2101年1-9月)
        raise fail(wrong)
    if year is None and not year_column and any(p.year is None for p in periods.values()):
        months = ", ".join(p.label for p in periods.values() if p.year is None)
        raise fail(
            msg(
                "the columns {months} have no year: write it in the header (2019年1-9月), add "
                "a year column (年份), or give --year",
                months=months,
            )
        )
    # A title of months (1-9月主要经济指标) over years across: each year's January to September
    # (a table of month columns takes only its year from the title: its months are its own)
    titled = tied = unclear = only = None
    if all(p.month is None for p in periods.values()):
        only = next(iter(periods.values())).year if len(periods) == 1 else None
        titled, tied, unclear = title_period(titles, one_year=len(periods) == 1, table_year=only)
    if unclear is not None:
        raise fail(unclear)
    named = title_year(titles)
    if titled is not None and only is not None and named is not None and named != only:
        raise fail(
            msg("the title names {year}年's months but the table's column is {column}: which "
                "year's are the figures?", year=named,
                column=repr(next(iter(periods.values())).label))
        )  # fmt: skip
    # (2016—2018年及2019年1-9月: the months are 2019's alone)
    filled_in = {
        i: Period(
            p.label,
            p.year if p.year is not None else year,
            p.month
            if p.month is not None or titled is None or (tied is not None and p.year != tied)
            else titled,
        )
        for i, p in periods.items()
    }
    if titled is not None:  # a growth of months is no year's growth
        growth = {}
    seen: dict[tuple[int | None, int | None], Period] = {}
    for index, found in filled_in.items():
        earlier = seen.setdefault((found.year, found.month), found)
        if earlier is not found:
            raise fail(
                msg(
                    "{first} and {second} are the same period",
                    first=repr(earlier.label),
                    second=repr(found.label),
                ),
                index,
            )
    width = max(i for i, c in enumerate(cells) if header_key(c)) + 1
    if titled is None:
        description = _describe(filled_in, source)
    else:  # (years across, each of them January to the title's month)
        years = {i: replace(p, month=None) for i, p in filled_in.items() if p.month == titled}
        description = msg(
            "layout.title_months" if tied is None else "layout.title_months.of",
            layout=_describe({**filled_in, **years}, source),
            month=titled,
            year=tied,
        )
    for index in growth:
        description = msg("layout.growth_column", layout=description, column=growth_labels[index])
    unread = tuple(text(cells[i]) for i in skipped if i not in growth)
    real = frozenset(i for i in growth if real_growth(growth_labels[i]))
    return Layout(fixed, filled_in, description, width, unread, growth, units, real)


_WITHIN_YEAR = re.compile(r"月|季|半年")
# A year's estimate, forecast or goal beside its figures (2019年（预计）, 2020年目标): no figure.
_ESTIMATE = re.compile(
    r"^(?:19|20|21)\d{2}\s*年?度?\s*\(?\s*(?:预计|预测|预期|目标|计划|预算)(?:数|值)?\s*\)?$"
)
# What the columns under a merged period hold: its figure (绝对数, 完成), its growth (增长%), or
# what is not a figure of it (目标, 计划: read past).
_FIGURE_HEADING = re.compile(
    r"^(?:绝对[数值量]|数值|数量|总量|总额|实绩|完成(?:数|值|额)?|实际(?:数|值|完成)?|金额|数额|本年"
    r"|本期|累计|本年累计|本期累计|本年实际|本期实际|快报数?|初步核[实算]数?|核实数|最终核实数|初步数"
    r"|调整后|修订数|value|amount|actual|absolute)(?:\(.*\))?$"
)
_NOT_FIGURE = re.compile(
    r"^(?:(?:年度|预期|全年)?目标|计划|预期|任务|预算|target|plan|(?:全省|全市|全国)?(?:位次|排名|名次)|rank"
    r"|上年同期|去年同期|同期|上年|上期|上年实际|去年实际|完成率|完成进度|完成计划|占目标.*|占计划.*|进度)"
    r"(?:数|值|额)?(?:\(.*\))?%?$"
)


def _is_unit(label: str) -> bool:
    from shuangshi_cli.units import BUILTIN_UNITS

    return bool(label) and BUILTIN_UNITS.get(label) is not None


def _under_periods(
    grid: Grid,
    cells: Sequence[Any],
    second: tuple[int, Sequence[Any]],
    periods: dict[int, Period],
) -> tuple[dict[int, Period], dict[int, tuple[int, str]]]:
    """A period merged over columns (2018 over 绝对数 | 增长%) stands over the column its second
    header row calls its figure; a growth column under a year is that year's growth. A heading
    there that says neither is an error, not a guess."""
    line, sub = second
    headed = sorted(i for i, c in enumerate(cells) if header_key(c))
    end = max(len(cells), len(sub))
    moved: dict[int, Period] = {}
    growth: dict[int, tuple[int, str]] = {}  # column → the year of its growth, and its heading
    for index, found in periods.items():
        last = next((j for j in headed if j > index), end)
        labels = {
            j: header_key(sub[j]) for j in range(index, last) if j < len(sub) and header_key(sub[j])
        }
        if not labels:
            moved[index] = found
            continue
        figures = [j for j, label in labels.items() if _FIGURE_HEADING.match(label)]
        if not figures:  # (a unit written under the period heads its figure too)
            figures = [j for j, label in labels.items() if _is_unit(label) and label != "%"]
        grown = [j for j in labels if year_growth(text(sub[j]))]
        if figures and not grown:  # 亿元 | %: the % beside a figure's unit is its growth
            grown = [j for j, label in labels.items() if label in {"%", "(%)"} and j not in figures]
        unknown = [
            j for j in labels if j not in figures and j not in grown
            and not _NOT_FIGURE.match(labels[j]) and not derived(text(sub[j]))
        ]  # fmt: skip
        if unknown or len(figures) > 1 or (not figures and len(labels) > 1):
            wrong = (unknown or figures[1:] or list(labels))[0]
            raise FiguresError(
                grid.problem(
                    msg("under {period}, {label} does not say which column is its figure: head "
                        "it 绝对数 (or 数值, 完成), its growth 增长%",
                        period=repr(found.label), label=repr(text(sub[wrong]))),
                    line,
                    wrong + 1 if grid.sheet is not None else None,
                )
            )  # fmt: skip
        if figures:
            moved[figures[0]] = found
        if len(grown) == 1 and found.month is None and found.year is not None:
            growth[grown[0]] = (found.year, f"{found.label} {text(sub[grown[0]])}")
    return moved, growth


def _growth_columns(
    cells: Sequence[Any], derived_columns: list[int], periods: dict[int, Period]
) -> dict[int, int]:
    """The columns of a year's growth on the year before (2024年比上年增长%; 增长% right of a
    year: that year's, when the year before it is in the table too, or it is the only year),
    one a year; a growth of months (1-9月比上年同期增长) is none, and 增长% after 2019 and 2021 (a
    growth over two years?) is none either."""
    years = {p.year for p in periods.values() if p.month is None and p.year is not None}
    found: dict[int, list[int]] = {}
    for index in derived_columns:
        label = unicodedata.normalize("NFKC", text(cells[index]))
        if not year_growth(label) or _WITHIN_YEAR.search(label):
            continue
        year = title_year([label])
        if year is None:  # (本年 | 增长% | 上年 | 增长%: each growth the year left of it)
            left = [i for i in periods if i < index]
            beside = periods[max(left)] if left else None
            if (
                beside is not None
                and beside.month is None
                and beside.year is not None
                and (len(years) == 1 or beside.year - 1 in years)
            ):
                year = beside.year
        if year is not None:
            found.setdefault(year, []).append(index)
    return {columns[0]: year for year, columns in found.items() if len(columns) == 1}


def _year_of_months(
    periods: dict[int, Period], titles: Sequence[str], reading: Reading, year_column: bool
) -> tuple[int | None, str]:
    """The year of month columns written without one: --year, else the only year of the title."""
    if all(p.year is not None for p in periods.values()) or year_column:
        return None, "source.year_column" if year_column else ""
    if reading.year is not None:
        return reading.year, "source.option_year"
    year = title_year(titles)
    return (year, "source.title") if year is not None else (None, "")


def _describe(periods: dict[int, Period], source: str) -> Msg:
    """wide table: indicators down, years across (2016–2018) and months of 2019 across (…)."""
    found = list(periods.values())
    annual = [p for p in found if p.month is None]
    within = [p for p in found if p.month is not None]
    parts: list[Msg] = []
    if annual:
        years = sorted({p.year for p in annual if p.year is not None})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
        parts.append(msg("layout.years", span=span) if span else msg("layout.year_column"))
    if within:
        years = sorted({p.year for p in within if p.year is not None})
        labels = ", ".join(p.label for p in within)
        key = "layout.months.of" if years else "layout.months"
        of = ", ".join(map(str, years))
        if source:
            parts.append(msg(key + ".from", of=of, labels=labels, source=msg(source)))
        else:
            parts.append(msg(key, of=of, labels=labels))
    if len(parts) == 2:
        return msg("layout.wide.both", first=parts[0], second=parts[1])
    return msg("layout.wide", first=parts[0] if parts else "")


def rows(
    grid: Grid,
    layout: Layout,
    body: Sequence[tuple[int, Sequence[Any]]],
    unit: str | None,
    covered: int = 0,
) -> list[RawRow]:
    """One long row per filled period cell; the layout is said once on stderr. Cells beyond the
    header (and beyond a second header row, which ``covered`` columns) are an error."""
    say_layout(grid, layout.description, layout.skipped)
    width = max(layout.width, covered)
    found: list[RawRow] = []
    for number, cells in body:
        if len(cells) > width and any(text(c) for c in cells[width:]):
            raise FiguresError(
                grid.problem(
                    msg("{cells} cells but {columns} columns", cells=len(cells), columns=width),
                    number,
                    width + 1,
                )
            )
        base: dict[str, Any] = {}
        columns: dict[str, int] = {}
        for index, name in layout.fixed.items():
            if name and index < len(cells) and (written := value(cells[index])) is not None:
                base[name] = written
                columns[name] = index + 1
        if (conflict := unit_conflict(base)) is not None:
            raise FiguresError(grid.problem(conflict, number, columns.get("unit")))
        base = with_indicator(base)
        if unit is not None and "unit" not in base:
            base[TABLE_UNIT] = unit
        grown: dict[int, tuple[Any, int]] = {}  # year → its growth (比上年增长%) and column
        for index, year in layout.growth.items():
            written = value(cells[index]) if index < len(cells) else None
            if written is not None and not (isinstance(written, str) and written in NO_FIGURE):
                grown[year] = (written, index)
        for index, when in layout.periods.items():
            written = value(cells[index]) if index < len(cells) else None
            if written is None or (isinstance(written, str) and written in NO_FIGURE):
                continue
            values = {**base, "value": written}
            if index in layout.units:  # (a unit under the year beside a unit column: one)
                written_unit = layout.units[index]
                if "unit" in base and header_key(base["unit"]) != header_key(written_unit):
                    raise FiguresError(
                        grid.problem(
                            msg("the unit column says {unit} but the heading of the column "
                                "says {heading}", unit=repr(base["unit"]),
                                heading=repr(written_unit)),
                            number,
                            columns.get("unit"),
                        )
                    )  # fmt: skip
                values["unit"] = written_unit
            if when.year is not None:
                values["year"] = when.year
            if when.month is not None:
                values["month"] = when.month
            place = {**columns, "value": index + 1, "month": index + 1}
            if when.year is not None:
                place["year"] = index + 1
            if when.month is None and when.year in grown:  # the year's growth beside its value
                written, column = grown.pop(when.year)
                values["growth"] = written
                if column in layout.real:
                    values[REAL_GROWTH] = True
            found.append(RawRow(values, grid.origin(number, place, always=True), True))
        for year, (written, index) in grown.items():  # a growth whose year has no value
            place = {**columns, "value": index + 1, "year": index + 1}
            values = {**base, "year": year, "growth": written}
            if index in layout.real:
                values[REAL_GROWTH] = True
            # (a level without its value is no figure: only the growth may be one)
            found.append(RawRow(values, grid.origin(number, place, always=True), True, True))
    return found
