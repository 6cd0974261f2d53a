"""Output formats: one printer module per format, each with ``print_document(doc, style)``.

A command builds one :class:`Document`: its report (typed blocks, for people) and its records
(plain data, for scripts), both built lazily. Printers for people print the report's blocks;
printers for scripts print the records. None decides what a report contains.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from shuangshi_cli.messages import Lang

if TYPE_CHECKING:
    from collections.abc import Callable

    from shuangshi_cli.report import Report
    from shuangshi_cli.report.checks import Check


# Control characters a name may carry from a file (BEL, ESC, DEL …): never part of an output.
# Tab, line feed and carriage return are kept; each printer says what it does with them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# Where a figure's cell may break: before its bracketed year or deadline, （2018） or (2018).
_BRACKET = re.compile(r"(?=（)|(?= \()")


def bracketed(text: str) -> list[str]:
    """A cell's text cut before each bracket: ``352.1（2018）`` → ``352.1``, ``（2018）``; the first
    piece is empty when the text starts with one. Every renderer breaks a cell there, never
    inside a figure."""
    return _BRACKET.split(text)


def without_control(text: str) -> str:
    """``text`` without the control characters that have no place in any output."""
    return _CONTROL.sub("", text)


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    GITHUB = "github"
    JUNIT = "junit"
    XLSX = "xlsx"

    @property
    def binary(self) -> bool:
        """A workbook: written to a file (--output), never to a console."""
        return self is Format.XLSX

    @property
    def verdicts(self) -> bool:
        """A CI format: it prints each target's verdict, so only gap, check and scoreboard."""
        return self in {Format.GITHUB, Format.JUNIT}


@dataclass(frozen=True)
class Style:
    """How to print: language, and for a terminal, colour, width and the glyphs it can show.

    ``lang_given`` is whether the user chose the language (CSV headers follow it only then).
    """

    lang: Lang = Lang.ZH
    color: bool = False
    width: int | None = None
    unicode: bool = True
    lang_given: bool = False


class Kind(StrEnum):
    """What a document reports on: CSV lays out each kind's records in its own rows."""

    ASSESSMENT = "assessment"
    PLAN = "plan"
    PATH = "path"
    WHATIF = "whatif"
    SCOREBOARD = "scoreboard"
    EXPLAIN = "explain"


@dataclass
class Document:
    """What a command prints: a report for people and records for scripts, each built once."""

    kind: Kind
    build_report: Callable[[Lang], Report]
    build_record: Callable[[Lang], dict[str, Any]]
    build_checks: Callable[[Lang], tuple[Check, ...]] | None = None
    _reports: dict[Lang, Report] = field(default_factory=dict)
    _records: dict[Lang, dict[str, Any]] = field(default_factory=dict)

    def report(self, lang: Lang) -> Report:
        if lang not in self._reports:
            self._reports[lang] = self.build_report(lang)
        return self._reports[lang]

    def record(self, lang: Lang) -> dict[str, Any]:
        if lang not in self._records:
            self._records[lang] = self.build_record(lang)
        return self._records[lang]

    def checks(self, lang: Lang, fmt: Format) -> tuple[Check, ...]:
        """The verdicts for CI; a document without them (a plan, a path) is a usage error."""
        if self.build_checks is None:
            from shuangshi_cli.errors import UsageProblem
            from shuangshi_cli.messages import msg

            raise UsageProblem.at(msg("error.no_checks", fmt=fmt.value))
        return self.build_checks(lang)


class Printer(Protocol):
    def print_document(self, document: Document, style: Style) -> str | bytes: ...


def printer(fmt: Format) -> Printer:
    """The module for ``fmt``, imported on first use (rich is heavy; JSON does not need it)."""
    module: Printer = importlib.import_module(f"shuangshi_cli.render.{fmt.value}_format")
    return module
