"""The terminal table: Rich tables with coloured statuses and short progress bars."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from shuangshi_cli.assess import Assessment, Result
from shuangshi_cli.plan import Plan
from shuangshi_cli.render import Style
from shuangshi_cli.render.text import (
    COLUMNS,
    headers,
    kind_label,
    missing_line,
    name,
    notes_of,
    progress_share,
    quantity,
    result_cells,
    status_label,
    summary_line,
    target_text,
    word,
)
from shuangshi_cli.status import Status

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
    return Text(status_label(result, lang), style=COLOURS[result.status])


def _progress_cell(result: Result, text: str, width: int) -> Text:
    cell = Text(text)
    share = progress_share(result)
    if share is not None and width >= NARROW:
        cell.append(" " + bar(share), style=COLOURS[result.status])
    return cell


def _title(plan: Plan, lang: str) -> str:
    h = plan.plan
    if lang == "zh":
        return f"《{h.title}》 {h.issuer} {h.issued.isoformat()}"
    return f"{h.title_en or h.title} — {h.issuer_en or h.issuer}, {h.issued.isoformat()}"


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
    for line in notes_of(assessment, lang):
        parts.append(Text(f"  * {line}", style="dim"))
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
            parts.append(Text(f"  ☐ {programme.name if lang == 'zh' else programme.name_en}"))
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
            programmes.add_row(programme.id, programme.name if lang == "zh" else programme.name_en)
        parts.append(programmes)
    return _print(Group(*parts), style)
