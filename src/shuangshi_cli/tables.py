"""Tables as a person reads them: a grid of cells (a CSV file, a workbook's sheet) into RawRows.

Blank rows, title rows above the header and note lines below the table are skipped; the header
says the layout: a long table (``indicator, year, value …``) or a wide one (``指标 | 2016 | 2017``,
see widetable.py). Every row remembers its place, so errors name the line or the cell.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shuangshi_cli.errors import FiguresError, Problem
from shuangshi_cli.figures import (
    _HEADER_ALIASES,
    FIELDS,
    REAL_GROWTH,
    TABLE_UNIT,
    Origin,
    RawRow,
    repeated,
)
from shuangshi_cli.formulas import FIRST_YEAR, LAST_YEAR
from shuangshi_cli.messages import Msg, msg
from shuangshi_cli.units import (
    PLAIN_NUMBER,
    UNIT_LIST_SEPARATOR,
    close_cjk_spaces,
    decimal_text,
    fold_width,
    listed_units,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class Reading:
    """How to read figures files: options a file cannot say about itself."""

    sheet: str | None = None  # a workbook's sheet, by name or number from 1; default the first
    encoding: str | None = None  # a text file's encoding; default UTF-8, else UTF-16/GB18030
    year: int | None = None  # the year of a wide table's within-year columns (1-3月 …)
    year_of_pairs: bool = False  # ... and of ID=VALUE figures given beside the files


@dataclass(frozen=True)
class Grid:
    """The cells of one table: ``rows`` as (line or row number, cells)."""

    file: str
    rows: Sequence[tuple[int, Sequence[Any]]]
    sheet: str | None = None  # a workbook's sheet: places are cells, B7
    texts: bool = False  # every cell is a string (a CSV file's), stripped and read as written

    @property
    def name(self) -> str:
        """How messages name the table: the file, or ``book.xlsx[Sheet1]``."""
        return self.file if self.sheet is None else f"{self.file}[{self.sheet}]"

    def origin(
        self, line: int, columns: dict[str, int] | None = None, *, always: bool = False
    ) -> Origin:
        """The place of a row. Its columns are kept for sheets, where a problem names the cell,
        and for text ``always`` (a wide table's cells, one row each): ``file:line:column``."""
        if self.sheet is None and not always:
            return Origin(self.file, line)
        return Origin(self.file, line, self.sheet, tuple((columns or {}).items()))

    def problem(
        self, message: str | Msg, line: int | None = None, column: int | None = None
    ) -> Problem:
        if self.sheet is None:
            return Problem(message, self.file, line, column)
        if line is None:
            return Problem(message, self.name)
        return Origin(self.file, line, self.sheet, (("value", column or 1),)).problem(message)


# Lines a person skips below (or within) a table: notes and sources. Titles above the header are
# skipped without looking: they are whatever comes before it.
_NOTE = re.compile(r"^\s*(#|注\s*[:：\d]|说明[:：]|资料来源|数据来源|备注[:：]|\*|※)")
_NOTE_STARTS = frozenset("#注说资数备*※")  # the first character of a stripped note
# Columns a bulletin prints beside the figures, derived from them: read past, and said so.
_DERIVED = re.compile(r"增长|增速|增幅|同比|环比|比上年|比去年|增减|占比|比重")
# ... of which the growth on the year before (比上年增长%), a table of one year's figure of an
# indicator given as its growth (研发经费投入增长 14.2, 单位GDP能耗 −2.7): read for those.
_GROWTH = re.compile(r"增长|增速|增幅|同比|比上年|比去年")
# ... but not a growth over other years (比2020年增长, 年均增长, 累计增长), nor an amount (增减额,
# 增长量, 比上年增减（亿元）, 比上年增加), nor points (增减百分点): no one year's growth in %.
_NOT_A_YEARS_GROWTH = re.compile(
    r"年均|平均|累计|比\s*(?:19|20|21)\d{2}|[额量]|百分点|增加|减少"
    r"|[(（][^)）%]*(?:元|吨|人|户|件|亩|公里|千瓦|万|亿)[^)）]*[)）]"
)


def year_growth(label: str) -> bool:
    """Whether a column's heading names a year's growth on the year before in % (比上年增长%,
    增速, 增幅), the figure of an indicator given as its growth; a bare 增减 (an amount, or
    points?) is none."""
    folded = unicodedata.normalize("NFKC", label)
    if not _GROWTH.search(folded) or _NOT_A_YEARS_GROWTH.search(folded):
        return False
    return bool(re.search(r"增长|增速|增幅", folded)) or "%" in folded


# A growth column whose heading says it is at comparable prices (比上年实际增长%, 可比价增长)
_REAL_GROWTH = re.compile(r"实际|可比价|不变价|扣除价格|\breal\b", re.IGNORECASE)


def real_growth(label: str) -> bool:
    """Whether a growth column's heading says its growth is real (实际增长, 按可比价计算)."""
    return _REAL_GROWTH.search(unicodedata.normalize("NFKC", label)) is not None


_TITLE_YEAR = re.compile(r"((?:19|20|21)[0-9]{2})\s*年")  # (read after fold_width)
# A unit line, as titles write it: 单位：万元, 金额单位：万元, 单位/万元, 单位（万元）, a title's
# （单位：万元）, Unit: 10k yuan (read after NFKC); not 填报单位：县统计局, the body that
# reports, nor 单位（盖章）, 单位（部门）：…, Business unit: … (a bracket's or an English name
# must be a unit).
_UNIT_LINE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:计量|金额|数据|价值|货币)?单位\s*"
    r"(?:[:：/]\s*(?P<unit>[^()\s,;]+(?:\s+[a-z][^()\s,;，；]*)*)|\(\s*(?P<bracketed>[^()]+?)\s*\))"
    r"|\bunits?\s*[:：]\s*(?P<english>[^(),;]+?)\s*(?:\)|$)",
    re.IGNORECASE,
)


# Units a unit line lists (万元，%; 万元、%): each row takes the one of its kind
_UNIT_SEPARATOR = re.compile(r"\s*[、,，]\s*")
_MORE_UNITS = re.compile(r"(?:\s*[、,]\s*[^()\s,;、]+)+")


def unit_line(line: str) -> str | None:
    """The unit a title or a line of its own gives (单位：万元), if any. A list of units (单位：
    万元，%, as bulletins head a table of levels and their growth) is given as ``万元、%``: each
    row takes the one of its kind (``listed_units``)."""
    from shuangshi_cli.units import BUILTIN_UNITS

    normal = unicodedata.normalize("NFKC", line)
    for found in _UNIT_LINE.finditer(normal):
        if found["unit"]:
            # (the pattern stops at a comma: the list goes on after it)
            more = _MORE_UNITS.match(normal, found.end())
            listed = found["unit"] + (more.group() if more else "")
            units = [u for u in _UNIT_SEPARATOR.split(listed.strip()) if u]
            return UNIT_LIST_SEPARATOR.join(units) if units else None
        unit = (found["bracketed"] or found["english"]).strip()
        if BUILTIN_UNITS.get(unit) is not None:
            return unit
    return None


# A dash, as bulletins print for "no figure", in a wide table's cell.
NO_FIGURE = {"-", "—", "--", "——", "…", "...", "/", "－"}


def derived(label: str) -> bool:
    """Whether a header cell names a column derived from the figures (比上年增长%, 占比)."""
    return bool(_DERIVED.search(unicodedata.normalize("NFKC", label)))


_INDICATOR = re.compile(
    r"^\s*[*＊※]*\s*(?:其中\s*[:：])?\s*(?P<name>.+?)\s*[*＊①②③④⑤⑥⑦⑧⑨⑩]*\s*"
    r"(?:[(（]\s*(?P<unit>[^()（）]+?)\s*[)）])?\s*[*＊①②③④⑤⑥⑦⑧⑨⑩]*\s*$"
)


def indicator_cell(written: str) -> tuple[str, str | None]:
    """An indicator as tables write it: ``地区生产总值（亿元）`` is 地区生产总值 in 亿元;
    ``其中：`` before it and footnote marks (``①``, ``*``) after it are not part of the name."""
    from shuangshi_cli.units import BUILTIN_UNITS

    match = _INDICATOR.match(written)
    if match is None:
        return written, None
    unit = match["unit"]
    if unit is not None and BUILTIN_UNITS.get(unit) is None:
        return written.strip(), None  # 地区生产总值(GDP): the brackets are part of the name
    return match["name"], unit


@functools.lru_cache(maxsize=4096)
def _indicator_cell(written: str) -> tuple[str, str | None]:
    return indicator_cell(written)


def unit_conflict(values: dict[str, Any]) -> Msg | None:
    """What is wrong when the indicator's name and the unit column name two units
    (地区生产总值（万元） | 亿元): which one the figures are in cannot be told; None if they
    agree."""
    from shuangshi_cli.units import BUILTIN_UNITS

    written, column = values.get("indicator"), values.get("unit")
    if not isinstance(written, str) or not isinstance(column, str) or not column.strip():
        return None
    unit = _indicator_cell(written)[1]
    named, given = BUILTIN_UNITS.get(unit or ""), BUILTIN_UNITS.get(column.strip())
    # (a unit the plan declares, 人/千人, is no conflict with the bare count 人 its rows name)
    if unit is None or named == given or given is None:
        return None
    return msg(
        "the indicator's name says {named} but the unit column says {column}",
        named=unit,
        column=column.strip(),
    )


def with_indicator(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the indicator cell read by ``indicator_cell``: its unit used when the row
    has none."""
    written = values.get("indicator")
    if not isinstance(written, str):
        return values
    name, unit = _indicator_cell(written)
    if name == written and unit is None:
        return values
    cleaned = {**values, "indicator": name}
    if unit is not None and "unit" not in values:
        cleaned["unit"] = unit
    return cleaned


def out_of_range(year: int) -> Msg | None:
    """What is wrong with a table's year (a heading's, a title's) outside the years figures may
    have; None when it is inside. Said once, at the heading or the header, not at every row."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return msg("year {year} is outside {first}–{last}", year=year, first=FIRST_YEAR, last=LAST_YEAR)


# The period a title names: cumulative months (2019年1-9月, 1-9月, 1月至9月, 截至9月底, 前三季度,
# 上半年), a month alone (2019年9月, 9月份) or a quarter alone (第三季度, Q3, 下半年), read after
# fold_width, NFKC and without spaces. A date (2019年10月15日, 2019年3月更新, 数据更新至
# 2019年9月) is when, not what.
_TITLE_PERIODS = re.compile(
    r"(?P<cumulative>(?<!\d)1(?:月(?:1日)?)?[-–—~至到](?P<to>\d{1,2})月(?:\d{1,2}日)?)"
    r"|截[至止](?:(?:19|20|21)\d{2}年)?(?P<until>\d{1,2})月(?:底|末|份|\d{1,2}日)?"
    r"|(?P<quarters>前[三3]季度|上半年|前两季度|前2季度|第?[一1]季度|[1一][-至到~][1-4一二三四]季度|全年)"
    r"|(?P<quarter>第?[二三四234]季度|(?<![a-z])q[1-4](?![a-z0-9])|下半年)"
    r"|(?:(?:19|20|21)\d{2}年|^)(?P<month>\d{1,2})月份?(?![\d日号\-–—~至到])"
)
# A date a title gives of the table (when it was published, updated, compiled): not its period.
_TITLE_DATE = re.compile(
    r"(?:更新|发布|印发|公布|编制|制表|出版|统计|填报|填表|报送|整理|日期)(?:于|至|到|时间|日期)?[:：]?"
    r"(?:(?:19|20|21)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?"
    r"|(?:(?:19|20|21)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:更新|发布|印发|公布|编制|制表|出版|整理|填报)"
)
_QUARTER_ENDS = {"前三季度": 9, "前3季度": 9, "上半年": 6, "前两季度": 6, "前2季度": 6, "一季度": 3,
                 "第一季度": 3, "1季度": 3, "第1季度": 3, "全年": 12}  # fmt: skip
_QUARTER_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}


def title_period(
    titles: Sequence[str], *, one_year: bool = True, table_year: int | None = None
) -> tuple[int | None, int | None, Msg | None]:
    """The month a title's cumulative period ends in (2019年1-9月主要指标, 2019年前三季度…, 截至9月
    底): the table's figures are January to that month; None for a whole year (1-12月, 全年, no
    period); the year the title ties those months to, where it names other years whole
    (2019 of 2016—2018年及2019年1-9月; of 2019年1-9月 alone, None: each year's same months); and
    why the title cannot be read, where it cannot.

    Over a table of one year (``one_year``, of ``table_year`` when known) a month or a quarter
    alone (2019年9月, 第三季度), or two periods, is refused, as a header cell would be, and
    截至9月底 is January to September (unless of another year: 2018年…（数据截至2019年2月底） is a
    cut-off). Over years across or a year column, a month alone and 截至 are when the table was
    drawn up, not the months of each year.
    """
    months: dict[int | None, int | None] = {}  # month → the year the title ties it to
    for title in titles:
        key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", fold_width(title)).casefold())
        key = _TITLE_DATE.sub("", key)
        for match in _TITLE_PERIODS.finditer(key):
            found = match.group()
            before = re.search(r"((?:19|20|21)\d{2})年$", key[: match.start()])
            tied = int(before[1]) if before else None
            if match["quarter"]:
                if found == "q1":
                    months.setdefault(3, tied)
                    continue
                if not one_year:
                    continue
                return (
                    None,
                    None,
                    msg(
                        "the title names {label}, one quarter alone: give cumulative figures "
                        "(一季度, 上半年, 前三季度, or 1-6月, 1-9月)",
                        label=repr(found),
                    ),
                )
            if match["month"]:
                month = int(match["month"])
                if month == 12 or not one_year:
                    continue  # (2018年12月: the year's last month; over years: a date)
                if month == 1:  # (January alone is January to January)
                    months.setdefault(1, tied)
                    continue
                return (
                    None,
                    None,
                    msg(
                        "the title names {label}: {month}月 alone or 1-{month}月 (January to "
                        "{month}月)? Write 1-{month}月 for the cumulative figures, the only kind "
                        "read",
                        label=repr(found),
                        month=month,
                    ),
                )
            if match["until"]:
                cut = re.search(r"((?:19|20|21)\d{2})年", found)
                if not one_year or (cut and table_year is not None and int(cut[1]) != table_year):
                    continue  # a cut-off: when the table was drawn up
                tied = int(cut[1]) if cut else tied
            quarters = match["quarters"]
            if quarters and quarters not in _QUARTER_ENDS:  # 1-3季度, 一至三季度
                month = 3 * _QUARTER_NUMBERS[quarters[-3]]
            else:
                month = int(match["to"] or match["until"] or 0) or _QUARTER_ENDS[quarters]
            if not 1 <= month <= 12:
                return None, None, msg("the title names {label}: there is no month {month}",
                                       label=repr(found), month=month)  # fmt: skip
            months.setdefault(None if month == 12 else month, tied)
    if len(months) > 1:
        months.pop(None, None)  # 1-9月…（全年目标见附表）: the table's months, the year's a note
    if len(months) > 1:
        return (
            None,
            None,
            msg(
                "the title names more than one period ({months}): which are the figures'?",
                months="、".join(f"1-{m}月" for m in sorted(m for m in months if m)),
            ),
        )
    if not months:
        return None, None, None
    ((only, its_year),) = months.items()
    if its_year is not None and title_years(titles) == [its_year]:
        its_year = None  # (2019年1-9月 over 2018 and 2019: the same months of each, 同期)
    return only, its_year, None


def title_year(titles: Sequence[str]) -> int | None:
    """The year the title lines above a table name (2019年1-9月主要指标), if they name one only;
    of several, the one a period or the table's name follows (2019年1-9月主要经济指标（2018年同期
    对比）is 2019's)."""
    years = title_years(titles)
    if len(years) == 1:
        return years[0]
    leading = {int(m) for t in titles for m in _LEADING_YEAR.findall(fold_width(t))}
    return leading.pop() if len(leading) == 1 else None


def title_years(titles: Sequence[str]) -> list[int]:
    """Every year the title lines name, in order (both ends of 2018—2019年)."""
    years = {int(m) for t in titles for m in _TITLE_YEAR.findall(fold_width(t))}
    for title in titles:
        for first, last in _TITLE_SPAN.findall(fold_width(title)):
            years |= {int(first), int(last)}
    return sorted(years)


_TITLE_SPAN = re.compile(
    r"((?:19|20|21)[0-9]{2})\s*年?\s*[-–—~至到]+\s*((?:19|20|21)[0-9]{2})\s*年"
)


# A year a table's period or its name follows: 2019年1-9月, 2019年前三季度, 2019年主要经济指标.
_LEADING_YEAR = re.compile(
    r"((?:19|20|21)[0-9]{2})\s*年\s*(?=1\s*[-–—~至到]|前三季度|上半年|第?一季度|全年|主要|国民经济"
    r"|统计|经济|社会)"
)


def say_layout(grid: Grid, layout: Msg, skipped: Sequence[str] = ()) -> None:
    """The one line on stderr that says how a table was read."""
    from shuangshi_cli.notices import notice

    if skipped:
        layout = msg("layout.skipped", layout=layout, skipped=", ".join(skipped))
    notice("layout", file=grid.name, layout=layout)


def text(cell: Any) -> str:
    """A cell as text: whole numbers without ``.0``, others as written."""
    if type(cell) is str:  # the usual case first: every cell of a CSV file
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def value(cell: Any) -> Any:
    """A cell as a figure value: text stripped, whole floats as int, other floats as a workbook
    shows them, to 15 significant digits (352.1, not 352.10000000000002; the cached 400 of
    =110.9+147.3+141.8, not 400.00000000000006); None when blank."""
    if type(cell) is str:
        return cell.strip() or None
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, float):
        if cell.is_integer() or not math.isfinite(cell):
            return int(cell) if cell.is_integer() else repr(cell)
        shown = shown_float(cell)
        return int(float(shown)) if float(shown).is_integer() else shown
    if isinstance(cell, int):
        return cell
    written = text(cell)
    return written or None


def shown_float(number: float) -> str:
    """A workbook's binary number as Excel shows it: 15 significant digits, which is all it
    keeps (0.30000000000000004 → 0.3)."""
    return repr(float(f"{number:.15g}"))


def header_key(cell: Any) -> str:
    return close_cjk_spaces(unicodedata.normalize("NFKC", text(cell)).strip().casefold())


def filled(cells: Sequence[Any]) -> list[int]:
    """Indexes of the non-blank cells."""
    return [i for i, cell in enumerate(cells) if text(cell)]


def is_header(cells: Sequence[Any]) -> bool:
    """Whether a row is a table's header: known column names (and periods for a wide one)."""
    from shuangshi_cli.widetable import period

    known = [i for i in filled(cells) if header_key(cells[i]) in _HEADER_ALIASES]
    periods = [i for i in filled(cells) if period(text(cells[i])) is not None]
    regions = [i for i in known if _HEADER_ALIASES[header_key(cells[i])] == "region"]
    # (县（市、区） | 地区生产总值（亿元） | 位次: regions down, indicators across)
    return (
        len(filled(cells)) >= 2
        and bool(known)
        and (len(known) >= 2 or bool(periods) or bool(regions))
    )


def grid_rows(grid: Grid, reading: Reading | None = None) -> list[RawRow]:
    """The rows of a table, long or wide, read the way its header says."""
    from shuangshi_cli import widetable

    reading = reading or Reading()
    titles: list[str] = []
    header: tuple[int, Sequence[Any]] | None = None
    candidate: tuple[int, Sequence[Any]] | None = None  # the first row that could be one
    covered = 0  # columns a second header row reaches
    sub: tuple[int, Sequence[Any]] | None = None  # that row (绝对数 | 增长% under merged years)
    body: list[tuple[int, Sequence[Any]]] = []
    marks: list[tuple[int, str]] = []  # unit lines below the header: (line, unit), in order
    long_header = False
    for number, cells in grid.rows:
        if header is not None and body and _plain(cells):
            body.append((number, cells))  # the quick way for the rows of a table's body
            continue
        places = filled(cells)
        if not places or (_NOTE.match(text(cells[places[0]])) and not _marked_row(cells, places)):
            continue
        if header is None:
            if is_header(cells):
                header = (number, cells)
                # a long table's (a value column): a lone number in it is a row cut short
                long_header = any(_HEADER_ALIASES.get(header_key(c)) == "value" for c in cells)
            else:
                if candidate is None and len(places) >= 2:
                    candidate = (number, cells)
                titles.extend(text(cells[i]) for i in places)
            continue
        if len(places) == 1 and (lone := unit_line(text(cells[places[0]]))) is not None:
            # a unit line under the header or between the rows: the unit of the rows below it
            # that have none of their own (a footer's, of the rows no line is above)
            marks.append((number, lone))
            continue
        lone_heading = not body and places[0] > 0
        if (
            len(places) == 1
            and not _number(cells[places[0]])
            and not lone_heading
            and _joined_by(cells, len(filled(header[1]))) is None  # (gdp;2016;300: a row)
            and not (long_header and decimal_text(text(cells[places[0]])) is not None)
        ):
            # (a lone word under a period, before any figure, is a second header row: 万元)
            continue  # a section heading (一、工业) or a note line without its marker
        repeats = bool(places) and header_key(cells[places[0]]) == header_key(header[1][places[0]])
        if (
            not body
            and (places[0] > 0 or repeats)  # (指标 | 单位 again over 绝对数 | 增长%)
            and not any(_numeric(cells[i]) for i in places)
        ):
            # a second header row, its first cells blank (under 指标, 单位): what each period's
            # columns hold; a row that names something is one of figures, words or not
            if covered == 0:
                sub = (number, cells)
            covered = max(covered, places[-1] + 1)
            continue  # a second header row under merged cells (绝对数 | 增长%), before any data
        body.append((number, cells))
    if header is None:
        if not titles:
            raise FiguresError(grid.problem(msg("the file is empty")))
        if candidate is not None:
            long_columns(grid, candidate[1], candidate[0])  # names the column it does not know
        raise FiguresError(
            grid.problem(
                msg(
                    "no header row: the table needs one naming its columns (indicator, year, "
                    "value; or 指标, 单位, 2016, 2017 …)"
                )
            )
        )
    unit = next((u for t in titles if (u := unit_line(t)) is not None), None)
    layout = widetable.layout(grid, header, titles, reading, sub)
    if layout is not None:
        rows = widetable.rows(grid, layout, body, unit, covered)
    elif _regions_down(header[1]):
        rows = _region_rows(grid, header, body, unit, titles, reading)
    else:
        rows = _long_rows(grid, header, body, unit, titles, reading)
    return _under_unit_lines(rows, marks) if marks else rows


def _under_unit_lines(rows: list[RawRow], marks: list[tuple[int, str]]) -> list[RawRow]:
    """Each row below a unit line of the table (under its header, or 单位：万元 between 地区生产总值
    and 财政总收入) in that line's unit, where the row has none of its own, before the title's
    unit; a unit line after the last row (a footer, 单位：万元) is the unit of the rows no line is
    above."""
    from shuangshi_cli.units import BUILTIN_UNITS

    lines = [row.origin.line for row in rows if row.origin.line is not None]
    last = max(lines, default=0)
    # (a footer that names no unit, 单位：濉溪县统计局, is who made the table)
    footer = next(
        (u for at, u in marks
         if at > last and all(BUILTIN_UNITS.get(one) is not None for one in listed_units(u))),
        None,
    )  # fmt: skip
    marked = []
    for row in rows:
        line = row.origin.line
        above = [u for at, u in marks if line is not None and at < line]
        unit = above[-1] if above else footer
        own = unit is not None and "unit" not in row.values
        marked.append(row._replace(values={**row.values, TABLE_UNIT: unit}) if own else row)
    return marked


def _regions_down(cells: Sequence[Any]) -> bool:
    """A ranking table: a region column and indicators across (县（市、区） | 地区生产总值（亿元）
    | 位次), no indicator, year nor value column."""
    fields = {_HEADER_ALIASES.get(header_key(c)) for c in cells if header_key(c)}
    return "region" in fields and not fields & {"indicator", "year", "value", "month"}


def _region_rows(
    grid: Grid,
    header: tuple[int, Sequence[Any]],
    body: list[tuple[int, Sequence[Any]]],
    unit: str | None,
    titles: Sequence[str],
    reading: Reading,
) -> list[RawRow]:
    """A ranking table of one year, regions down and indicators across, as yearbooks print the
    counties (县（市、区） | 地区生产总值（亿元） | 位次): a row per region and indicator; columns
    derived from the figures (位次, 增长%, 占比) are read past; the year is the title's or
    --year's."""
    line, cells = header
    region = next(i for i, c in enumerate(cells) if _HEADER_ALIASES.get(header_key(c)) == "region")
    across: dict[int, dict[str, Any]] = {}
    skipped: list[str] = []
    for index, cell in enumerate(cells):
        label = text(cell)
        if index == region or not label:
            continue
        if derived(label) or _RANK_COLUMN.search(unicodedata.normalize("NFKC", label)):
            skipped.append(label)
            continue
        if header_key(cell) in _HEADER_ALIASES:
            skipped.append(label)  # (a note or a unit column beside the indicators)
            continue
        across[index] = with_indicator({"indicator": label})
    year = reading.year if reading.year is not None else title_year(titles)
    if year is None:
        raise FiguresError(
            grid.problem(
                msg("a table of regions down and indicators across has no year: write it in a "
                    "title line above it (2018年…), or give --year"),
                line,
            )
        )  # fmt: skip
    if (wrong := out_of_range(year)) is not None:
        raise FiguresError(grid.problem(wrong, line))
    say_layout(grid, msg("layout.regions_down", year=year), skipped)
    rows: list[RawRow] = []
    for number, record in body:
        name = value(record[region]) if region < len(record) else None
        if name is None:
            continue
        for index, base in across.items():
            written = value(record[index]) if index < len(record) else None
            if written is None or (isinstance(written, str) and written in NO_FIGURE):
                continue
            values = {"region": name, **base, "year": year, "value": written}
            if unit is not None and "unit" not in values:
                values[TABLE_UNIT] = unit
            where = {"region": region + 1, "indicator": index + 1, "value": index + 1}
            place = Origin(grid.file, number) if grid.sheet is None else grid.origin(number, where)
            rows.append(RawRow(values, place, True, True))
    return rows


_new = tuple.__new__
_RANK_COLUMN = re.compile(r"位次|排名|名次|排序")


def _plain(cells: Sequence[Any]) -> bool:
    """A row whose first two cells are filled and not a comment or note: a row of data."""
    if len(cells) < 2:
        return False
    first, second = cells[0], cells[1]
    first = first.strip() if type(first) is str else text(first)
    second = second.strip() if type(second) is str else text(second)
    # (a note starts with one of _NOTE_STARTS: the pattern is tried only then)
    return bool(first and second) and not (first[0] in _NOTE_STARTS and _NOTE.match(first))


def _marked_row(cells: Sequence[Any], places: list[int]) -> bool:
    """A row of figures whose name carries a footnote mark before it (*地区生产总值 | 352.1), not
    a note (* 2018年为快报数): a mark, then numbers in its other cells."""
    first = text(cells[places[0]]).lstrip()
    return (
        first[:1] in {"*", "＊", "※"}
        and len(places) >= 2
        and any(_numeric(cells[i]) for i in places[1:])
    )


def _number(cell: Any) -> bool:
    return isinstance(cell, int | float) and not isinstance(cell, bool)


def _numeric(cell: Any) -> bool:
    """A number, or text that reads as one (352.1, 412,000, 第8位, 41.2亿元)."""
    if _number(cell):
        return True
    return bool(re.search(r"\d", text(cell)))


def _long_rows(
    grid: Grid,
    header: tuple[int, Sequence[Any]],
    body: list[tuple[int, Sequence[Any]]],
    unit: str | None,
    titles: Sequence[str],
    reading: Reading,
) -> list[RawRow]:
    line, cells = header
    columns = long_columns(grid, cells, line)
    skipped = [text(c) for c, name in zip(cells, columns, strict=True) if derived(text(c))]
    year = month = None
    growth = None  # a table of one year: the column of each figure's growth on the year before
    # the title's months (2019年1-9月): every figure's, or those of the year it names; a table
    # with a month column says its own months
    month = months_year = None
    if "month" not in columns:
        one_year = "year" not in columns
        table_year = (reading.year or title_year(titles)) if one_year else None
        month, months_year, unclear = title_period(titles, one_year=one_year, table_year=table_year)
        if unclear is not None:
            raise FiguresError(grid.problem(unclear, line))
    if "year" not in columns:
        grown = [i for i, cell in enumerate(cells) if not columns[i] and year_growth(text(cell))]
        if len(grown) == 1:
            growth = grown[0]
            skipped.remove(text(cells[growth]))
        # A table of one year (指标 | 单位 | 绝对数 | 比上年增长%): its year said elsewhere.
        year, source = reading.year, "source.option_year"
        titled = title_year(titles)
        if year is not None and titled is not None and titled != year:
            raise FiguresError(
                grid.problem(
                    msg("--year {year} but the title says {titled}年: give the table's own year",
                        year=year, titled=titled),
                    line,
                )
            )  # fmt: skip
        if year is None:
            year, source = titled, "source.title"
        if year is None and "value" in columns and len(several := title_years(titles)) > 1:
            raise FiguresError(
                grid.problem(
                    msg("the title names {years}: which year's are the figures? Give --year",
                        years="、".join(f"{y}年" for y in several)),
                    line,
                )
            )  # fmt: skip
        if year is None or "value" not in columns:
            raise FiguresError(
                grid.problem(
                    msg(
                        "the header has no 'year' column (a table of one year: write the year in "
                        "a title line above it, 2018年…, or give --year)"
                    ),
                    line,
                )
            )
        if (wrong := out_of_range(year)) is not None:
            raise FiguresError(grid.problem(wrong, line))
        # (the title's months with --year too: the title says what the figures are)
        if month is not None and growth is not None:
            # January to September's growth is no year's: not the figure of a growth target
            skipped.append(text(cells[growth]))
            growth = None
        layout = msg("layout.one_year", year=year, source=msg(source))
        if month is not None:
            layout = msg("layout.one_year.months", year=year, month=month, source=msg(source))
        if growth is not None:
            layout = msg("layout.growth_column", layout=layout, column=text(cells[growth]))
        say_layout(grid, layout, skipped)
    elif skipped or month is not None or (reading.year is not None and not reading.year_of_pairs):
        layout = msg("layout.long")
        if month is not None:
            layout = msg("layout.long.months", month=month)
        if reading.year is not None and not reading.year_of_pairs:  # (a year column)
            layout = msg("layout.year_read_past", layout=layout, year=reading.year)
        say_layout(grid, layout, skipped)
    if "value" not in columns and "status" not in columns:
        raise FiguresError(
            grid.problem(msg("the header has no 'value' column (nor 'status')"), line)
        )
    where = {name: i + 1 for i, name in enumerate(columns) if name}
    named = [(name, i) for i, name in enumerate(columns) if name]
    width = len(columns)
    bulletin = year is not None
    origin, file, sheet = grid.origin, grid.file, grid.sheet
    unit_column = "unit" in columns  # (without one, no row's unit can conflict with its name's)
    growth_is_real = growth is not None and real_growth(text(cells[growth]))
    # each indicator cell seen, and whether with_indicator changes it
    names_cleaned: dict[str, bool] = {}
    rows: list[RawRow] = []
    for number, record in body:
        if len(record) > width:
            extra = [c for c in record[len(columns) :] if text(c)]
            if extra:
                split = _split_number(record)
                problem = (
                    msg("{cells} cells but {columns} columns",
                        cells=len(record), columns=len(columns))
                    if split is None
                    else msg("{cells} cells but {columns} columns: is {number} one number, its "
                             "thousands split by a comma? Write it without the comma or in "
                             "quotes", cells=len(record), columns=len(columns), number=split)
                )  # fmt: skip
                raise FiguresError(grid.problem(problem, number))
        size = len(record)
        values: dict[str, Any]
        if size >= width and grid.texts:  # (a text table's row: every cell a string)
            values = {name: cell for name, i in named if (cell := record[i].strip())}
        else:
            values = {}
            for name, i in named if size >= width else [(n, i) for n, i in named if i < size]:
                cell = record[i]
                if type(cell) is str:
                    if cell := cell.strip():
                        values[name] = cell
                elif (found := value(cell)) is not None:
                    values[name] = found
        if values.get("value") in NO_FIGURE:  # a dash, as bulletins print it, is no figure
            del values["value"]
        if year is not None and growth is not None and growth < size:  # a table of one year
            grown_by = value(record[growth])
            if grown_by is not None and grown_by not in NO_FIGURE:
                values["growth"] = grown_by
                if growth_is_real:
                    values[REAL_GROWTH] = True
        lacking = "value" not in values and "status" not in values
        # a short row: what it lacks is not a blank cell
        if size < width and grid.sheet is None and lacking and any(text(c) for c in record):
            joined = _joined_by(record, width)
            problem = (
                _cells_but_columns(size, width)
                if joined is None
                else msg("1 cell but {columns} columns: the row's cells are separated by "
                         "{separator}, the header's are not", columns=width, separator=joined)
            )  # fmt: skip
            raise FiguresError(grid.problem(problem, number))
        if unit_column and (conflict := unit_conflict(values)) is not None:
            raise FiguresError(grid.problem(conflict, number, where.get("unit")))
        written = values.get("indicator")
        if type(written) is str:  # (a table repeats each name many times)
            if (cleaned := names_cleaned.get(written)) is None:
                cleaned = names_cleaned[written] = _indicator_cell(written) != (written, None)
        else:
            cleaned = False
        if cleaned:  # 地区生产总值（亿元）: the name, and its unit
            values = with_indicator(values)
        if unit is not None and "unit" not in values and values:
            values[TABLE_UNIT] = unit
        if year is not None and values:
            values["year"] = year
        # 2019年1-9月: each figure January to September (of 2019 only, in a table of years)
        if (
            month is not None
            and values
            and "month" not in values
            and (year is not None or months_year in {None, values.get("year")}
                 or str(values.get("year")) == str(months_year))
        ):  # fmt: skip
            values["month"] = month
        # (tuple.__new__: a named tuple's own __new__ is a Python function, thrice the time)
        place = _new(Origin, (file, number, None, ())) if sheet is None else origin(number, where)
        rows.append(_new(RawRow, (values, place, bulletin, True, False)))
    return rows


_GROUP_HEAD = re.compile(r"[+-]?\d{1,3}")
_GROUP = re.compile(r"\d{3}(?:\.\d+)?")


def _cells_but_columns(cells: int, columns: int) -> Msg:
    if cells == 1:
        return msg("1 cell but {columns} columns", columns=columns)
    return msg("{cells} cells but {columns} columns", cells=cells, columns=columns)


_SEPARATORS = {";": "';'", "\t": "'\\t'", ",": "','", "；": "'；'"}


def _joined_by(cells: Sequence[Any], width: int) -> str | None:
    """The separator a row of one cell is written with, where it splits the cell into cells of
    a row of the header's, a number among them (gdp;2016;300 under indicator,year,value; its
    last cells may be left off); None for any other row, a note's (以上数据为快报数；增速按可比价
    计算) or a heading's (一、工业，建筑业)."""
    places = filled(cells)
    if len(places) != 1 or width < 2:
        return None
    cell = text(cells[places[0]])
    for separator, shown in _SEPARATORS.items():
        parts = [part.strip() for part in cell.split(separator)]
        if 2 <= len(parts) <= width and any(PLAIN_NUMBER.fullmatch(p) for p in parts[1:]):
            return shown
    return None


def _split_number(record: Sequence[Any]) -> str | None:
    """A number a comma split into cells (1,234.5 unquoted in a CSV file), if the row holds one:
    its cells joined again."""
    cells = [text(c).strip() for c in record]
    for i, cell in enumerate(cells[:-1]):
        if _GROUP_HEAD.fullmatch(cell) and _GROUP.fullmatch(cells[i + 1]):
            end = i + 1
            while end + 1 < len(cells) and _GROUP.fullmatch(cells[end]) and "." not in cells[end]:
                if not _GROUP.fullmatch(cells[end + 1]):
                    break
                end += 1
            return ",".join(cells[i : end + 1])
    return None


def long_columns(grid: Grid, header: Sequence[Any], line: int) -> list[str]:
    """The field of each column of a long table's header; unknown names are errors, but for
    columns derived from the figures (比上年增长%), which are not read."""
    columns = []
    written: dict[str, str] = {}
    for index, cell in enumerate(header):
        key = header_key(cell)
        if not key or (key not in _HEADER_ALIASES and derived(text(cell))):
            columns.append("")
            continue
        if key not in _HEADER_ALIASES:
            hint = difflib.get_close_matches(key, list(_HEADER_ALIASES), n=1)
            column, fields = repr(text(cell)), ", ".join(FIELDS)
            message = (
                msg("unknown column {column} (did you mean {hint}?); columns are {fields}",
                    column=column, hint=repr(hint[0]), fields=fields)
                if hint
                else msg("unknown column {column}; columns are {fields}", column=column,
                         fields=fields)
            )  # fmt: skip
            raise FiguresError(
                grid.problem(
                    message,
                    line,
                    index + 1 if grid.sheet is not None else None,
                )
            )
        column = _HEADER_ALIASES[key]
        if column and column in written:
            raise FiguresError(grid.problem(repeated(written[column], text(cell), column), line))
        written[column] = text(cell)
        columns.append(column)
    if "indicator" not in columns:
        raise FiguresError(grid.problem(msg("the header has no 'indicator' column"), line))
    return columns
