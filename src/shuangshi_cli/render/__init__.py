"""Output formats: one module per format, each with ``render_plan`` and ``render_assessment``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.plan import Plan
    from shuangshi_cli.scenarios import TargetPath, WhatIf

Lang = Literal["zh", "en"]


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class Style:
    """How to render: language, and for the terminal table, colour and width."""

    lang: Lang = "zh"
    color: bool = False
    width: int | None = None


class Renderer(Protocol):
    def render_plan(self, plan: Plan, style: Style) -> str: ...

    def render_assessment(self, assessment: Assessment, style: Style) -> str: ...

    def render_path(self, assessment: Assessment, paths: list[TargetPath], style: Style) -> str: ...

    def render_whatif(self, whatif: WhatIf, style: Style) -> str: ...

    def render_scoreboard(self, board: Scoreboard, style: Style) -> str: ...


def renderer(fmt: Format) -> Renderer:
    """The module for ``fmt``, imported on first use (rich is heavy; JSON does not need it)."""
    module: Renderer = importlib.import_module(f"shuangshi_cli.render.{fmt.value}_format")
    return module
