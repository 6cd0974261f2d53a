"""A report as format-neutral, typed blocks: built once per command, printed by every printer.

A printer (table, Markdown, HTML, xlsx …) walks ``Report.blocks`` in order and prints each block
as its format can; it never decides which sections a report has. Cells keep their value and
kind beside the text a report prints, so a printer can colour a status, draw a bar or write a
number as a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

    from shuangshi_cli.status import Status
    from shuangshi_cli.units import Unit


class Tone(StrEnum):
    """How a line or note reads: printers may colour it."""

    PLAIN = "plain"
    GOOD = "good"
    WARN = "warn"
    DIM = "dim"


# -- cells -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Words: a name, a year, a label; ``tone`` lets a printer colour it."""

    text: str
    tone: Tone = Tone.PLAIN


@dataclass(frozen=True)
class Quantity:
    """A value in a unit of the plan (``unit`` None for an index or a bare number)."""

    value: Decimal | float | None
    unit: Unit | None
    text: str


@dataclass(frozen=True)
class Rate:
    """A growth rate or share, as a fraction (0.085 prints 8.5%)."""

    value: float | None
    text: str


@dataclass(frozen=True)
class Points:
    """A difference in percentage points, or a linear pace per year."""

    value: float | Decimal | None
    text: str


@dataclass(frozen=True)
class Rank:
    """A place in a ranking: 1 is first."""

    value: Decimal | int | None
    text: str


@dataclass(frozen=True)
class StatusCell:
    """A target's status, with the label a review uses (提前实现, 快于预期 …)."""

    status: Status
    text: str


@dataclass(frozen=True)
class Bar:
    """A share of a task done, printed as its text and, where room allows, as a bar."""

    share: float | None
    status: Status | None
    text: str


Cell = Text | Quantity | Rate | Points | Rank | StatusCell | Bar


# -- blocks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A table column: its heading (and a shorter one for narrow screens), alignment, and how
    readily it is left out when the screen is narrow (0 never; higher goes first)."""

    key: str
    heading: str
    short: str | None = None
    align: str = "right"
    drop: int = 0
    wrap: bool = False
    stack: bool = False  # the cell's bracketed part (year, deadline) may go on a line of its own
    title: bool = False  # names the row: heads the row's card on a narrow screen


@dataclass(frozen=True)
class Table:
    """Rows of typed cells under columns. ``title`` heads it; ``chart`` marks a chart column."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str | None = None
    key: str = "table"
    name: str | None = None  # what a workbook calls its sheet, when the table has no title


@dataclass(frozen=True)
class Title:
    """The report's title (the plan, its issuer and date)."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A section heading."""

    text: str


@dataclass(frozen=True)
class Line:
    text: str
    tone: Tone = Tone.PLAIN


@dataclass(frozen=True)
class Lines:
    """Sentences that explain results beyond a table, under an optional heading."""

    lines: tuple[Line, ...]
    heading: str | None = None


@dataclass(frozen=True)
class Notes:
    """Footnotes: caveats on results."""

    items: tuple[str, ...]
    heading: str | None = None


@dataclass(frozen=True)
class Checklist:
    """Items to tick: a plan's programmes."""

    items: tuple[str, ...]
    heading: str | None = None


@dataclass(frozen=True)
class Summary:
    """The one line that sums the report up."""

    text: str


@dataclass(frozen=True)
class ChartBar:
    """One year of a chart: the figure and the path on one scale, and whether it is ahead."""

    year: int
    figure: float | None
    path: float | None
    ahead: bool | None


@dataclass(frozen=True)
class Chart:
    """A path chart: a bar per year against the path's tick; ``legend`` explains the glyphs."""

    bars: tuple[ChartBar, ...]
    legend_ahead: str
    legend_behind: str
    legend_tick: str
    rank: bool = False
    lower: bool = False  # lower is better (a ceiling, a fall), not a rank: a worse year is longer


@dataclass(frozen=True)
class Figure:
    """A titled table of a path with its chart beside it."""

    caption: str
    table: Table
    chart: Chart
    key: str = "path"


Block = Title | Heading | Table | Lines | Notes | Checklist | Summary | Figure


@dataclass(frozen=True)
class Report:
    """A whole report: its blocks in order, and hints that belong on stderr."""

    blocks: tuple[Block, ...]
    hints: tuple[str, ...] = field(default=())
