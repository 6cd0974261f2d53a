"""JSON output: the records of records.py, UTF-8, Chinese kept as is."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from shuangshi_cli.render.records import (
    assessment_record,
    paths_record,
    plan_record,
    scoreboard_record,
    whatif_record,
)

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.plan import Plan
    from shuangshi_cli.render import Style
    from shuangshi_cli.scenarios import TargetPath, WhatIf


def _dump(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def render_plan(plan: Plan, style: Style) -> str:
    return _dump(plan_record(plan))


def render_assessment(assessment: Assessment, style: Style) -> str:
    return _dump(assessment_record(assessment, style.lang))


def render_path(assessment: Assessment, paths: list[TargetPath], style: Style) -> str:
    return _dump(paths_record(assessment, paths))


def render_whatif(whatif: WhatIf, style: Style) -> str:
    return _dump(whatif_record(whatif))


def render_scoreboard(board: Scoreboard, style: Style) -> str:
    return _dump(scoreboard_record(board, style.lang))
