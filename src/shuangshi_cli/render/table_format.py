"""The terminal table: Rich tables with coloured statuses and short progress bars."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from shuangshi_cli.render.scenario_text import (
    path_caption,
    path_headers,
    path_rows,
    scoreboard_headers,
    scoreboard_note,
    scoreboard_rows,
    whatif_headers,
    whatif_lines,
    whatif_rows,
)
from shuangshi_cli.render.text import (
    COLUMNS,
    detail_lines,
    headers,
    missing_line,
    notes_of,
    progress_share,
    result_cells,
    summary_line,
    target_text,
    within_year_line,
)
from shuangshi_cli.render.words import (
    hand_mark,
    kind_label,
    name,
    quantity,
    status_label,
    word,
)
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment, Result
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.plan import Plan
    from shuangshi_cli.render import Style
    from shuangshi_cli.scenarios import TargetPath, WhatIf

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
BAR_WIDTH = 8
DEFAULT_WIDTH = 160
NARROW = 110  # below this many columns the bars are left out


def bar(share: float | None) -> str:
    """An eight-cell bar of a share in [0, 1]: ██████░░."""
    if share is None:
        return ""
    filled = round(max(0.0, min(1.0, share)) * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def _print(renderable: RenderableType, style: Style) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=style.color,
        color_system="auto" if style.color else None,
        width=style.width or DEFAULT_WIDTH,
        no_color=not style.color,
        highlight=False,
        emoji=False,
    )
    console.print(renderable)
    return buffer.getvalue()


def _status_cell(result: Result, lang: str) -> Text:
    return Text(status_label(result, lang) + hand_mark(result, lang), style=COLOURS[result.status])


def _progress_cell(result: Result, text: str, width: int) -> Text:
    cell = Text(text)
    share = progress_share(result)
    if share is not None and width >= NARROW:
        cell.append(" " + bar(share), style=COLOURS[result.status])
    return cell


def _title(plan: Plan, lang: str) -> str:
    h = plan.plan
    if lang == "zh":
        return f"《{h.title}》 {h.issuer}" + (f" {h.issued.isoformat()}" if h.issued else "")
    issued = f", {h.issued.isoformat()}" if h.issued else ""
    return f"{h.title_en or h.title} — {h.issuer_en or h.issuer}{issued}"


def render_assessment(assessment: Assessment, style: Style) -> str:
    lang = style.lang
    table = Table(
        title=_title(assessment.plan, lang),
        box=box.SIMPLE_HEAVY,
        title_justify="left",
        padding=(0, 1),
    )
    for i, head in enumerate(headers(lang)):
        table.add_column(
            head,
            justify="left" if i in {0, len(COLUMNS) - 1} else "right",
            overflow="fold",
            min_width=10 if i == 0 else None,
        )
    progress_at = COLUMNS.index("progress")
    for result in assessment.quantified:
        cells: list[RenderableType] = [Text(c) for c in result_cells(result, lang)[:-1]]
        cells[progress_at] = _progress_cell(
            result, result_cells(result, lang)[progress_at], style.width or DEFAULT_WIDTH
        )
        table.add_row(*cells, _status_cell(result, lang))
    parts: list[RenderableType] = [table]
    parts += [Text(f"  * {note}", style="dim") for note in notes_of(assessment, lang)]
    parts += [Text(f"  {line}") for line in detail_lines(assessment, lang)]
    within = [(r, line) for r in assessment.quantified if (line := within_year_line(r, lang))]
    if within:
        parts.append(Text(word("within_year", lang), style="bold"))
        for result, line in within:
            lead = result.within_year.lead_points if result.within_year else None
            colour = "dim" if lead is None else ("green" if lead >= 0 else "yellow")
            parts.append(Text(f"  {line}", style=colour))
    if assessment.qualitative:
        goals = Table(title=word("goals", lang), box=box.SIMPLE, title_justify="left")
        goals.add_column(word("indicator", lang))
        goals.add_column(word("deadline", lang), justify="right")
        goals.add_column(word("status", lang))
        for result in assessment.qualitative:
            goals.add_row(
                name(result.target, lang), str(result.target.deadline), _status_cell(result, lang)
            )
        parts.append(goals)
    if assessment.plan.programmes:
        parts.append(Text(word("programmes", lang), style="bold"))
        for programme in assessment.plan.programmes:
            parts.append(
                Text(
                    f"  ☐ {programme.name if lang == 'zh' else programme.name_en or programme.name}"
                )
            )
    parts.append(Text(""))
    parts.append(Text(summary_line(assessment, lang), style="bold"))
    missing = missing_line(assessment, lang)
    if missing:
        parts.append(Text(missing, style="dim"))
    return _print(Group(*parts), style)


def render_plan(plan: Plan, style: Style) -> str:
    lang = style.lang
    table = Table(title=_title(plan, lang), box=box.SIMPLE_HEAVY, title_justify="left")
    for head in ("id", word("indicator", lang), word("kind", lang), word("target_value", lang),
                 word("deadline", lang), word("base", lang), word("source", lang)):  # fmt: skip
        table.add_column(head)
    for target in plan.quantified:
        base = (
            f"{quantity(target.baseline.value, target.unit, lang)} ({target.baseline.year})"
            if target.baseline
            else "—"
        )
        if target.baseline and target.baseline.comparison:
            base = target.baseline.comparison.value + base
        table.add_row(
            target.id, name(target, lang), kind_label(target.kind, lang),
            target_text(target, lang), str(target.deadline), base, target.source or "",
        )  # fmt: skip
    parts: list[RenderableType] = [table]
    qualitative = [t for t in plan.targets if not t.quantified]
    if qualitative:
        goals = Table(title=word("goals", lang), box=box.SIMPLE, title_justify="left")
        for head in ("id", word("indicator", lang), word("deadline", lang), word("source", lang)):
            goals.add_column(head)
        for target in qualitative:
            goals.add_row(target.id, name(target, lang), str(target.deadline), target.source or "")
        parts.append(goals)
    if plan.programmes:
        programmes = Table(title=word("programmes", lang), box=box.SIMPLE, title_justify="left")
        programmes.add_column("id")
        programmes.add_column(word("indicator", lang))
        for programme in plan.programmes:
            programmes.add_row(
                programme.id,
                programme.name if lang == "zh" else programme.name_en or programme.name,
            )
        parts.append(programmes)
    return _print(Group(*parts), style)


CHART_WIDTH = 32


def _chart(path: TargetPath, index: int, top: float) -> Text:
    """The figure as a bar (green ahead of the path, red behind), the path as a yellow tick."""
    year = path.years[index]
    cells = [" "] * (CHART_WIDTH + 1)
    styles = [""] * (CHART_WIDTH + 1)
    if year.figure is not None and top > 0:
        filled = max(0, min(CHART_WIDTH, round(float(year.figure) / top * CHART_WIDTH)))
        colour = "green" if year.ahead else "red"
        for i in range(filled):
            cells[i], styles[i] = "█", colour
    if top > 0:
        tick = max(0, min(CHART_WIDTH, round(year.path / top * CHART_WIDTH)))
        cells[tick], styles[tick] = "┃", "yellow"
    text = Text()
    for char, style in zip(cells, styles, strict=True):
        text.append(char, style=style or None)
    return text


def render_path(assessment: Assessment, paths: list[TargetPath], style: Style) -> str:
    lang = style.lang
    parts: list[RenderableType] = [Text(_title(assessment.plan, lang), style="italic")]
    for path in paths:
        parts.append(Text(""))
        parts.append(Text(path_caption(path, lang), style="bold"))
        table = Table(box=box.SIMPLE)
        for i, head in enumerate(path_headers(lang)):
            table.add_column(head, justify="right" if i else "left")
        table.add_column("")
        values = [y.path for y in path.years] + [float(y.figure) for y in path.years if y.figure]
        top = max(values) if values else 0.0
        for i, row in enumerate(path_rows(path, lang)):
            table.add_row(*row, _chart(path, i, top))
        parts.append(table)
    if not paths:
        parts.append(
            Text(
                "没有可画路径的目标（缺少基期数据）"
                if lang == "zh"
                else "No target has a base to draw a path from."
            )
        )
    return _print(Group(*parts), style)


def render_whatif(whatif: WhatIf, style: Style) -> str:
    lang = style.lang
    parts: list[RenderableType] = [Text(_title(whatif.plan, lang), style="italic")]
    parts += [Text(line) for line in whatif_lines(whatif, lang)]
    if whatif.scenarios:
        table = Table(box=box.SIMPLE_HEAVY)
        for i, head in enumerate(whatif_headers(whatif, lang)):
            table.add_column(head, justify="left" if i == 0 else "right")
        deadline = whatif.result.target.deadline
        for scenario, row in zip(whatif.scenarios, whatif_rows(whatif, lang), strict=True):
            colour = "green" if scenario.met_by(deadline) else "red"
            table.add_row(*row[:-1], Text(row[-1], style=colour))
        parts.append(table)
    return _print(Group(*parts), style)


def render_scoreboard(board: Scoreboard, style: Style) -> str:
    lang = style.lang
    title = "责任单位考核排名" if lang == "zh" else "Scoreboard of the parts"
    if board.as_of:
        title += f"（{board.as_of}年）" if lang == "zh" else f" ({board.as_of})"
    table = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left")
    for i, head in enumerate(scoreboard_headers(board, lang)):
        table.add_column(head, justify="right" if i in {0, 2} else "left", overflow="fold")
    for row in scoreboard_rows(board, lang):
        table.add_row(*row)
    parts: list[RenderableType] = [
        Text(_title(board.plan, lang), style="italic"),
        table,
        Text(scoreboard_note(lang), style="dim"),
    ]
    return _print(Group(*parts), style)
