"""Markdown output: a report's blocks as headings, tables and lists, for a CI job summary.

Text from plans and figures is escaped: a ``|`` or a newline in a name cannot open a new cell,
row or list item.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from shuangshi_cli.render import without_control
from shuangshi_cli.report import (
    Checklist,
    Figure,
    Heading,
    Lines,
    Notes,
    Summary,
    Table,
    Title,
)

if TYPE_CHECKING:
    from shuangshi_cli.render import Document, Style
    from shuangshi_cli.report import Block, Report

_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")


def escape(text: str) -> str:
    """``text`` on one line, inert in a table cell or a heading: no cell break (|), no HTML tag
    (a plan's <script> prints as text: ``\\<script>``)."""
    flat = without_control(_BREAKS.sub(" ", text))
    return _TAG.sub(r"\\<", flat.replace("\\", "\\\\").replace("|", "\\|"))


_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # what opens HTML (R < 0.95 opens nothing)


# What would open a block inside a list item: a quote, a heading, a list, a numbered list.
_BLOCK_START = re.compile(r"(\s*)(>|#{1,6}(?=\s|$)|[+*-](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")


def item(text: str) -> str:
    """``text`` as a list item's text: inert, and no block opened by its first character."""
    inert = escape(text)
    found = _BLOCK_START.match(inert)
    if found is None:
        return inert
    if found[2][0].isdigit():  # 1. → 1\. (a digit takes no backslash; its dot does)
        return inert[: found.end()] + "\\" + inert[found.end() :]
    return inert[: found.start(2)] + "\\" + inert[found.start(2) :]


def _table(table: Table) -> list[str]:
    head = [escape(c.heading) for c in table.columns]
    align = ["---" if c.align == "left" else "--:" for c in table.columns]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(escape(c.text) for c in row) + " |" for row in table.rows]
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Title):
        return [f"## {escape(block.text)}"]
    if isinstance(block, Heading):
        return [f"### {escape(block.text)}"]
    if isinstance(block, Table):
        title = [f"### {escape(block.title)}", ""] if block.title else []
        return title + _table(block)
    if isinstance(block, Figure):
        return [f"**{escape(block.caption)}**", "", *_table(block.table)]
    if isinstance(block, Lines):
        head = [f"### {escape(block.heading)}", ""] if block.heading else []
        return head + [f"- {item(line.text)}" for line in block.lines]
    if isinstance(block, Notes):
        head = [f"### {escape(block.heading)}", ""] if block.heading else []
        return head + [f"- {item(note)}" for note in block.items]
    if isinstance(block, Checklist):
        head = [f"### {escape(block.heading)}", ""] if block.heading else []
        return head + [f"- [ ] {item(entry)}" for entry in block.items]
    assert isinstance(block, Summary)
    return [f"**{escape(block.text)}**"]


def print_report(report: Report) -> str:
    return "\n\n".join("\n".join(_block(block)) for block in report.blocks) + "\n"


def print_document(document: Document, style: Style) -> str:
    return print_report(document.report(style.lang))
