"""Markdown output: a report's blocks as headings, tables and lists, for a CI job summary.

Text from plans and figures is escaped: a ``|`` or a newline in a name cannot open a new cell,
row or list item.
"""

from __future__ import annotations

import re
import string
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
    (a plan's <script> prints as text: ``\\<script>``), no emphasis, code, link or entity (a
    name's *强调*, `code` or &amp; prints as written)."""
    flat = without_control(_BREAKS.sub(" ", text))
    inert = _INLINE.sub(r"\\\g<0>", flat.replace("\\", "\\\\").replace("|", "\\|"))
    return _TAG.sub(r"\\<", inert)


_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # what opens HTML (R < 0.95 opens nothing)
# What opens emphasis, code, a link, a strike or an entity; an underscore inside a word opens
# nothing (gdp_rank stays as it is)
_INLINE = re.compile(r"[*`\[\]~&]|(?<!\w)_|_(?!\w)")


def item(text: str) -> str:
    """``text`` as a list item's text: inert, and no block opened by how it starts (a quote, a
    heading, a list, a rule, a code fence or indented code): leading spaces go, and a first
    ASCII punctuation mark is escaped, as CommonMark lets any be (a digit is not: 1. → 1\\.)."""
    inert = escape(text).lstrip()
    if inert[:1] in _PUNCTUATION and inert[:1] != "\\":  # (\` is escaped already: no block)
        return "\\" + inert
    numbered = _NUMBERED.match(inert)
    if numbered is not None:
        return inert[: numbered.end()] + "\\" + inert[numbered.end() :]
    return inert


_PUNCTUATION = frozenset(string.punctuation)
_NUMBERED = re.compile(r"[0-9]{1,9}(?=[.)](?:\s|$))")  # 2018. or 3) would number a list


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
