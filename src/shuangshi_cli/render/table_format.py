"""The terminal printer: a report's blocks as Rich tables and lines, fitted to the width.

A table that does not fit loses, in turn, its bars, its long headings and the columns marked
to drop; if it still does not fit, each row is stacked as a card. Statuses never wrap.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table as RichTable
from rich.text import Text as RichText

from shuangshi_cli.console import ASCII, UNICODE, Glyphs
from shuangshi_cli.messages import t
from shuangshi_cli.render import bracketed
from shuangshi_cli.render.linebreak import break_lines, cells, longest
from shuangshi_cli.report import (
    Bar,
    Cell,
    Chart,
    Checklist,
    Figure,
    Heading,
    Lines,
    Notes,
    StatusCell,
    Summary,
    Table,
    Text,
    Title,
    Tone,
)
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from rich.style import Style as RichStyle

    from shuangshi_cli.render import Document, Style
    from shuangshi_cli.report import Block, Report

COLOURS = {
    Status.ACHIEVED: "bold green",
    Status.ON_TRACK: "green",
    Status.ACCELERATION_NEEDED: "yellow",
    Status.LIMITED_PROGRESS: "dark_orange",
    Status.DETERIORATION: "red",
    Status.MISSED: "bold red",
    Status.INSUFFICIENT_DATA: "dim",
    Status.NOT_ASSESSED: "dim",
}
TONES = {Tone.PLAIN: "", Tone.GOOD: "green", Tone.WARN: "yellow", Tone.DIM: "dim"}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
BAR_WIDTH = 8
PIPED_WIDTH = 100  # piped output: wide enough for the gap table, narrow enough to read
MIN_WRAP = 12  # a wrapping column (a name) keeps at least this many cells: six characters
NARROW_WRAP = 8  # ... four characters, on a narrow screen before rows turn into cards
CHART_MAX, CHART_MIN = 32, 10


# rich's SIMPLE box with an ASCII rule under the header, for consoles without box glyphs
ASCII_SIMPLE = box.Box("    \n    \n -- \n    \n    \n -- \n    \n    \n", ascii=True)


def _table_box(glyphs: Glyphs) -> box.Box:
    """rich's SIMPLE_HEAVY box where the console shows its rule, else an ASCII one."""
    return box.SIMPLE_HEAVY if glyphs.rule == "━" else ASCII_SIMPLE


def bar(share: float | None, glyphs: Glyphs) -> str:
    """An eight-cell bar of a share in [0, 1]: ██████░░."""
    if share is None:
        return ""
    filled = round(max(0.0, min(1.0, share)) * BAR_WIDTH)
    return glyphs.full * filled + glyphs.empty * (BAR_WIDTH - filled)


def _console(style: Style, width: int) -> Console:
    return Console(
        file=io.StringIO(),
        force_terminal=style.color,
        color_system="auto" if style.color else None,
        width=width,
        no_color=not style.color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def _cell(cell: Cell, glyphs: Glyphs, *, bars: bool) -> RichText:
    if isinstance(cell, StatusCell):
        return RichText(cell.text, style=COLOURS[cell.status])
    if isinstance(cell, Bar):
        text = RichText(cell.text)
        if bars and cell.share is not None:
            colour = COLOURS[cell.status] if cell.status is not None else ""
            text.append(" " + bar(cell.share, glyphs), style=colour)
        return text
    if isinstance(cell, Text):
        return RichText(cell.text, style=TONES[cell.tone])
    return RichText(cell.text)


def _rich_table(
    table: Table,
    columns: list[int],
    glyphs: Glyphs,
    *,
    short: bool,
    bars: bool,
    stack: bool = False,
    wrap: int = MIN_WRAP,
    extra: tuple[str, list[RichText]] | None = None,
) -> RichTable:
    rich = RichTable(
        title=table.title,
        box=_table_box(glyphs),
        title_justify="left",
        padding=(0, 1),
        pad_edge=False,
    )
    for i in columns:
        column = table.columns[i]
        heading = column.short if short and column.short else column.heading
        words = [heading, *(row[i].text for row in table.rows)] if column.wrap else []
        rich.add_column(
            heading,
            justify="left" if column.align == "left" else "right",
            no_wrap=not column.wrap,
            overflow="fold",
            # never narrower than a word it holds ("Indicator", "(binding)"), up to MIN_WRAP
            min_width=max(wrap, min(MIN_WRAP, _longest_word(words))) if column.wrap else None,
        )
    if extra is not None:
        rich.add_column(extra[0], no_wrap=True)
    for n, row in enumerate(table.rows):
        cells: list[RenderableType] = [
            _balanced(_cell(row[i], glyphs, bars=bars)) if table.columns[i].wrap
            else _cell(row[i], glyphs, bars=bars)
            for i in columns
        ]  # fmt: skip
        if stack:
            cells = [
                _stacked(cell) if table.columns[i].stack and isinstance(cell, RichText) else cell
                for i, cell in zip(columns, cells, strict=True)
            ]
        rich.add_row(*cells, *([extra[1][n]] if extra is not None else []))
    return rich


def _balanced(cell: RichText) -> RenderableType:
    """A wrapping cell (a name) broken into lines of a size, where it is plain styled text."""
    if cell.spans or "\n" in cell.plain:
        return cell
    return _Broken(cell.plain, cell.style, balance=True)


_WORD = re.compile(r"[\x21-\x7e]+")  # a run of Latin letters, digits and signs: broken, it misreads


def _longest_word(texts: list[str]) -> int:
    """The widest run of printable ASCII in ``texts`` (Chinese text wraps anywhere)."""
    return max((len(w) for text in texts for w in _WORD.findall(text)), default=0)


def _stacked(text: RichText) -> RichText:
    """The bracketed tail of a cell (its year or deadline) on a line of its own."""
    head, *tail = bracketed(text.plain)
    if not head or not tail:
        return text
    return RichText(head + "\n" + "".join(tail).lstrip(), style=text.style)


def _natural_width(rich: RichTable, console: Console) -> int:
    """The width ``rich`` takes with nothing cut, wrapping columns at their least width."""
    saved = [(c.max_width, c.min_width) for c in rich.columns]
    for column in rich.columns:
        if not column.no_wrap:
            column.max_width = column.min_width
    wide = console.options.update_width(10_000)
    width = Measurement.get(console, wide, rich).maximum
    for column, (most, least) in zip(rich.columns, saved, strict=True):
        column.max_width, column.min_width = most, least
    return width


def _fits(rich: RichTable, console: Console, width: int) -> bool:
    return _natural_width(rich, console) <= width


Layout = tuple[list[int], bool, bool, bool, int]


def _layouts(table: Table) -> list[Layout]:
    """Ways to print ``table``, widest first: (columns kept, short headings, bars, stacked cells,
    least width of a wrapping column)."""
    every = list(range(len(table.columns)))
    layouts: list[Layout] = [
        (every, False, True, False, MIN_WRAP),
        (every, False, False, False, MIN_WRAP),
        (every, True, False, False, MIN_WRAP),
    ]
    kept = every
    for level in sorted({c.drop for c in table.columns if c.drop}, reverse=True):
        kept = [i for i in kept if table.columns[i].drop != level]
        layouts.append((kept, True, False, False, MIN_WRAP))
    stack = any(c.stack for c in table.columns)
    if stack:
        layouts.append((kept, True, False, True, MIN_WRAP))
    layouts.append((kept, True, False, stack, NARROW_WRAP))
    return layouts


def _card(table: Table, row: tuple[Cell, ...], glyphs: Glyphs, width: int) -> RenderableType:
    """One row stacked: its first cell and status on a line, then 'heading value' pairs packed
    into lines of ``width``, never split inside a pair."""
    status = next((c for c in row if isinstance(c, StatusCell)), None)
    named = [i for i, c in enumerate(table.columns) if c.title] or [0]
    head = RichText(" ".join(row[i].text for i in named), style="bold")
    lines: list[RenderableType] = [head]
    if status is not None:
        label = _cell(status, glyphs, bars=False)
        if head.cell_len + 2 + label.cell_len <= width:
            head.append("  ")
            head.append(label)
        else:  # the status on a line of its own, never broken
            lines.append(RichText("  ") + label)
    line = RichText("  ")
    for i, (column, cell) in enumerate(zip(table.columns, row, strict=True)):
        if i in named or cell is status or not cell.text or cell.text == "—":
            continue
        pair = RichText(f"{column.short or column.heading} ", style="dim")
        pair.append(_cell(cell, glyphs, bars=False))
        if line.cell_len > 2 and line.cell_len + 3 + pair.cell_len > width:
            lines.append(line)
            line = RichText("  ")
        if line.cell_len > 2:
            line.append(" · ", style="dim")
        line.append(pair)
    if line.cell_len > 2:
        lines.append(line)
    return Group(*lines)


def _table(table: Table, console: Console, width: int, glyphs: Glyphs) -> RenderableType:
    for columns, short, bars, stack, wrap in _layouts(table):
        rich = _rich_table(table, columns, glyphs, short=short, bars=bars, stack=stack, wrap=wrap)
        if _fits(rich, console, width):
            return rich
    cards: list[RenderableType] = [RichText(table.title, style="bold")] if table.title else []
    cards.append(RichText(""))
    cards += [_card(table, row, glyphs, width) for row in table.rows]
    return Group(*cards)


def _chart_cells(chart: Chart, glyphs: Glyphs, size: int) -> list[RichText]:
    """A bar per year (█ on or ahead of the path, ▒ behind) and the path as a tick (┃).

    Ranks are drawn reversed, so that a better (smaller) rank draws a longer bar.
    """
    values = [v for b in chart.bars for v in (b.figure, b.path) if v is not None]
    top = max(values, default=0.0)

    def scale(value: float) -> int:
        share = (top + 1 - value) / top if chart.rank else value / top
        return max(0, min(size, round(share * size)))

    cells = []
    for year in chart.bars:
        chars, styles = [" "] * (size + 1), [""] * (size + 1)
        if year.figure is not None and top > 0:
            glyph, colour = (glyphs.ahead, "green") if year.ahead else (glyphs.behind, "red")
            for i in range(scale(year.figure)):
                chars[i], styles[i] = glyph, colour
        if year.path is not None and top > 0:
            tick = scale(year.path)
            chars[tick], styles[tick] = glyphs.tick, "yellow"
        text = RichText()
        for char, colour in zip(chars, styles, strict=True):
            text.append(char, style=colour or None)
        cells.append(text)
    return cells


def _figure(figure: Figure, console: Console, width: int, glyphs: Glyphs, lang: str) -> Group:
    table = figure.table
    every = list(range(len(table.columns)))
    wide = console.options.update_width(width)
    short, size = False, 0
    for short in (False, True):  # shorter headings before the chart is dropped
        plain = _rich_table(table, every, glyphs, short=short, bars=False)
        used = Measurement.get(console, wide, plain).maximum
        size = min(CHART_MAX, width - used - 5)  # the column's separator and padding, the tick
        if size >= CHART_MIN:
            break
    parts: list[RenderableType] = [RichText(""), RichText(figure.caption, style="bold")]
    if size < CHART_MIN:
        parts.append(_table(table, console, width, glyphs))
        return Group(*parts)
    chart_cells = _chart_cells(figure.chart, glyphs, size)
    parts.append(
        _rich_table(
            table, every, glyphs, short=short, bars=False, extra=(t("col.chart", lang), chart_cells)
        )
    )
    chart = figure.chart
    items = []
    for glyph, colour, label in (
        (glyphs.ahead, "green", chart.legend_ahead),
        (glyphs.behind, "red", chart.legend_behind),
        (glyphs.tick, "yellow", chart.legend_tick),
    ):
        item = RichText(glyph, style=colour)
        item.append(f" {label}", style="dim")
        items.append(item)
    if chart.rank:
        items.append(RichText(t("path.legend.rank", lang), style="dim"))
    elif chart.lower:
        items.append(RichText(t("path.legend.lower", lang), style="dim"))
    head = RichText(f"  {t('path.legend', lang)}{t('colon', lang)}", style="dim")
    line = head.copy()
    for item in items:  # an item is never broken: the next line starts with it instead
        if line.cell_len > head.cell_len and line.cell_len + 2 + item.cell_len > width:
            parts.append(line)
            line = RichText(" " * head.cell_len)
        elif line.cell_len > head.cell_len:
            line.append("  ")
        line.append(item)
    parts.append(line)
    return Group(*parts)


class _Broken:
    """Text broken into lines by the rules of linebreak.py (no line starts with ）or ，, no word
    or number is split), at whatever width Rich gives it."""

    def __init__(self, text: str, style: str | RichStyle, *, balance: bool = False) -> None:
        self.text, self.style, self.balance = text, style, balance

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = break_lines(self.text, width)
        if self.balance and len(lines) > 1:  # 地区生/产总值, not 地区生产总/值: lines of a size
            least = max(longest(self.text), 2)
            while width > least and len(break_lines(self.text, width - 1)) == len(lines):
                width -= 1
            lines = break_lines(self.text, width)
        justify = options.justify if options.justify in {"left", "right", "center"} else None
        for line in lines:
            yield RichText(line, style=self.style, no_wrap=True, overflow="fold", justify=justify)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cells(p) for p in self.text.split("\n")), default=0)
        return Measurement(min(longest(self.text), options.max_width), widest)


def _listing(
    heading: str | None, bullet: str, items: list[tuple[str, str]]
) -> list[RenderableType]:
    """Items under a heading, each wrapped with a hanging indent."""
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for text, style in items:
        grid.add_row(f" {bullet}", _Broken(text, style))
    head = [RichText(""), RichText(heading, style="bold")] if heading else []
    return [*head, grid]


def _block(
    block: Block, console: Console, width: int, glyphs: Glyphs, lang: str
) -> list[RenderableType]:
    if isinstance(block, Title):
        return [RichText(block.text, style="bold")]
    if isinstance(block, Heading):
        return [RichText(""), RichText(block.text, style="bold")]
    if isinstance(block, Table):
        return [_table(block, console, width, glyphs)]
    if isinstance(block, Figure):
        return [_figure(block, console, width, glyphs, lang)]
    if isinstance(block, Lines):
        items = [(line.text, TONES[line.tone]) for line in block.lines]
        return _listing(block.heading, "", items)
    if isinstance(block, Notes):
        return _listing(block.heading, "*", [(note, "dim") for note in block.items])
    if isinstance(block, Checklist):
        return _listing(block.heading, glyphs.box, [(item, "") for item in block.items])
    assert isinstance(block, Summary)
    return [RichText(""), RichText(block.text, style="bold")]


def print_report(report: Report, style: Style) -> str:
    width = style.width or PIPED_WIDTH
    console = _console(style, width)
    glyphs = UNICODE if style.unicode else ASCII
    parts: list[RenderableType] = []
    for block in report.blocks:
        parts += _block(block, console, width, glyphs, style.lang)
    console.print(Group(*parts))
    text = str(console.file.getvalue())  # type: ignore[attr-defined]
    lines: list[str] = []
    previous_blank = True
    for raw in text.splitlines():
        line = raw if style.color else raw.rstrip()
        blank = not _ANSI.sub("", line).strip()
        if blank and previous_blank:
            continue  # one blank line between blocks, none at the top
        lines.append(line)
        previous_blank = blank
    return "".join(line + "\n" for line in lines)


def print_document(document: Document, style: Style) -> str:
    return print_report(document.report(style.lang), style)
