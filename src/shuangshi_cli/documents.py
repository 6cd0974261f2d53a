"""Each command's document: its report (report/) and its records (render/records.py), lazily."""

from __future__ import annotations

from typing import TYPE_CHECKING

from shuangshi_cli.render import Document, Kind

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.plan import Plan
    from shuangshi_cli.scenarios import TargetPath, WhatIf


def assessment_document(assessment: Assessment) -> Document:
    from shuangshi_cli.render import records
    from shuangshi_cli.report import assessment as report

    return Document(
        Kind.ASSESSMENT,
        lambda lang: report.build(assessment, lang),
        lambda lang: records.assessment_record(assessment, lang),
    )


def plan_document(plan: Plan) -> Document:
    from shuangshi_cli.render import records
    from shuangshi_cli.report import plan as report

    return Document(
        Kind.PLAN, lambda lang: report.build(plan, lang), lambda lang: records.plan_record(plan)
    )


def path_document(assessment: Assessment, paths: list[TargetPath]) -> Document:
    from shuangshi_cli.render import records
    from shuangshi_cli.report import scenarios as report

    return Document(
        Kind.PATH,
        lambda lang: report.build_path(assessment, paths, lang),
        lambda lang: records.paths_record(assessment, paths),
    )


def whatif_document(whatif: WhatIf) -> Document:
    from shuangshi_cli.render import records
    from shuangshi_cli.report import scenarios as report

    return Document(
        Kind.WHATIF,
        lambda lang: report.build_whatif(whatif, lang),
        lambda lang: records.whatif_record(whatif),
    )


def scoreboard_document(board: Scoreboard) -> Document:
    from shuangshi_cli.render import records
    from shuangshi_cli.report import scoreboard as report

    return Document(
        Kind.SCOREBOARD,
        lambda lang: report.build(board, lang),
        lambda lang: records.scoreboard_record(board, lang),
    )
