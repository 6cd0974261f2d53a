"""Markdown output: a table for a CI job summary or a report, in the language asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    detail_lines,
    headers,
    missing_line,
    notes_of,
    result_cells,
    summary_line,
    target_text,
    within_year_line,
)
from shuangshi_cli.render.words import (
    kind_label,
    name,
    quantity,
    word,
)

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.plan import Plan
    from shuangshi_cli.render import Style
    from shuangshi_cli.scenarios import TargetPath, WhatIf


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_escape(h) for h in head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return lines


def _title(plan: Plan, style: Style) -> str:
    h = plan.plan
    title = h.title if style.lang == "zh" or not h.title_en else h.title_en
    issuer = h.issuer if style.lang == "zh" or not h.issuer_en else h.issuer_en
    issued = f" · {h.issued.isoformat()}" if h.issued else ""
    return (
        f"《{title}》 · {issuer}{issued}" if style.lang == "zh" else f"{title} · {issuer}{issued}"
    )


def render_assessment(assessment: Assessment, style: Style) -> str:
    lang = style.lang
    lines = [
        f"## {_title(assessment.plan, style)}",
        "",
        f"**{summary_line(assessment, lang)}**",
        "",
    ]
    lines += _table(headers(lang), [result_cells(r, lang) for r in assessment.quantified])
    details = detail_lines(assessment, lang)
    if details:
        lines += [""] + [f"- {line}" for line in details]
    within = [line for r in assessment.quantified if (line := within_year_line(r, lang))]
    if within:
        lines += ["", f"### {word('within_year', lang)}", ""] + [f"- {line}" for line in within]
    missing = missing_line(assessment, lang)
    notes = notes_of(assessment, lang)
    if notes or missing:
        lines += ["", f"{word('notes', lang)}:", ""]
        lines += [f"- {n}" for n in notes] + ([f"- {missing}"] if missing else [])
    if assessment.qualitative:
        lines += ["", f"### {word('goals', lang)}", ""]
        lines += _table(
            [word("indicator", lang), word("deadline", lang), word("status", lang)],
            [[c[0], str(r.target.deadline), c[-1]] for r in assessment.qualitative
             for c in [result_cells(r, lang)]],
        )  # fmt: skip
    if assessment.plan.programmes:
        lines += ["", f"### {word('programmes', lang)}", ""]
        lines += [
            f"- [ ] {p.name if lang == 'zh' else p.name_en or p.name}"
            for p in assessment.plan.programmes
        ]
    return "\n".join(lines) + "\n"


def render_plan(plan: Plan, style: Style) -> str:
    lang = style.lang
    lines = [f"## {_title(plan, style)}", ""]
    rows = []
    for target in plan.targets:
        baseline = (
            quantity(target.baseline.value, target.figure_unit or target.unit, lang)
            + f" ({target.baseline.year})"
            if target.baseline
            else "—"
        )
        rows.append(
            [target.id, name(target, lang), kind_label(target.kind, lang),
             target_text(target, lang), str(target.deadline), baseline, target.source or ""]
        )  # fmt: skip
    lines += _table(
        ["id", word("indicator", lang), word("kind", lang), word("target_value", lang),
         word("deadline", lang), word("base", lang), word("source", lang)],
        rows,
    )  # fmt: skip
    if plan.programmes:
        lines += ["", f"### {word('programmes', lang)}", ""]
        lines += [
            f"- {p.name if lang == 'zh' else p.name_en or p.name} (`{p.id}`)"
            for p in plan.programmes
        ]
    return "\n".join(lines) + "\n"


def render_path(assessment: Assessment, paths: list[TargetPath], style: Style) -> str:
    lines = [f"## {_title(assessment.plan, style)}"]
    for path in paths:
        lines += ["", f"**{path_caption(path, style.lang)}**", ""]
        lines += _table(path_headers(style.lang), path_rows(path, style.lang))
    return "\n".join(lines) + "\n"


def render_whatif(whatif: WhatIf, style: Style) -> str:
    lines = [f"## {_title(whatif.plan, style)}", ""]
    lines += [f"- {line}" for line in whatif_lines(whatif, style.lang)]
    if whatif.scenarios:
        lines += ["", *_table(whatif_headers(whatif, style.lang), whatif_rows(whatif, style.lang))]
    return "\n".join(lines) + "\n"


def render_scoreboard(board: Scoreboard, style: Style) -> str:
    lang = style.lang
    title = "责任单位考核排名" if lang == "zh" else "Scoreboard of the parts"
    when = (
        f"（{board.as_of}年）"
        if lang == "zh" and board.as_of
        else (f" ({board.as_of})" if board.as_of else "")
    )
    lines = [f"## {_title(board.plan, style)}", "", f"### {title}{when}", ""]
    lines += _table(scoreboard_headers(board, lang), scoreboard_rows(board, lang))
    lines += ["", scoreboard_note(lang)]
    return "\n".join(lines) + "\n"
