"""HTML output: one self-contained page (styles inline, charts as inline SVG, no external URL)
that opens offline and prints on A4. The page is a jinja2 template; charts are pygal's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shuangshi_cli.render import bracketed
from shuangshi_cli.report import (
    Bar,
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

if TYPE_CHECKING:
    from shuangshi_cli.messages import Lang
    from shuangshi_cli.render import Document, Style
    from shuangshi_cli.report import Block, Cell, Report

TONES = {Tone.PLAIN: "", Tone.GOOD: "good", Tone.WARN: "warn", Tone.DIM: "dim"}


def _cell(cell: Cell, align: str) -> dict[str, Any]:
    css = "num" if align == "right" else ""
    share = None
    if isinstance(cell, StatusCell):
        css = f"status {cell.status.value}"
    elif isinstance(cell, Bar) and cell.share is not None:
        share = round(max(0.0, min(1.0, cell.share)) * 100, 1)
    elif isinstance(cell, Text) and cell.tone is not Tone.PLAIN:
        css += " " + TONES[cell.tone]
    return {"text": cell.text, "parts": _parts(cell.text), "css": css.strip(), "share": share}


def _parts(text: str) -> list[tuple[str, bool]]:
    """A cell's text in the pieces a line may break between — a figure and its bracketed year or
    deadline (``5.7%``, ``（2023）``) — each with whether it holds a figure, which is never broken
    (words, as in "above GDP growth", wrap as words do)."""
    return [(part, any(c.isdigit() for c in part)) for part in bracketed(text) if part]


def _table(table: Table) -> dict[str, Any]:
    return {
        "kind": "table",
        "key": table.key,
        "title": table.title,
        "columns": [
            {"heading": c.heading, "css": "num" if c.align == "right" else ""}
            for c in table.columns
        ],
        "rows": [
            [_cell(cell, c.align) for cell, c in zip(row, table.columns, strict=True)]
            for row in table.rows
        ],
    }


def _block(block: Block, lang: Lang) -> dict[str, Any]:
    if isinstance(block, Title | Heading | Summary):
        kind = {Title: "title", Heading: "heading", Summary: "summary"}[type(block)]
        return {"kind": kind, "text": block.text}
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        from shuangshi_cli.render.charts import path_chart

        return {"kind": "figure", "svg": path_chart(block, lang), "table": _table(block.table)}
    if isinstance(block, Lines):
        lines = [{"text": line.text, "css": TONES[line.tone]} for line in block.lines]
        return {"kind": "lines", "heading": block.heading, "lines": lines}
    if isinstance(block, Notes):
        return {"kind": "notes", "heading": block.heading, "entries": list(block.items)}
    assert isinstance(block, Checklist)
    return {"kind": "checklist", "heading": block.heading, "entries": list(block.items)}


def print_report(report: Report, lang: Lang) -> str:
    import jinja2

    from shuangshi_cli import __version__
    from shuangshi_cli.messages import t

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("shuangshi_cli", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    title = next((b.text for b in report.blocks if isinstance(b, Title)), "shuangshi")
    return environment.get_template("report.html.j2").render(
        lang=t("html.lang", lang),
        title=title,
        version=__version__,
        generated=t("report.generated", lang, version=__version__),
        blocks=[_block(b, lang) for b in report.blocks],
    )


def print_document(document: Document, style: Style) -> str:
    return print_report(document.report(style.lang), style.lang)
