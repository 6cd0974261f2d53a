"""Each command's document: its report (report/) and its records (report/records.py), lazily."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shuangshi_cli.messages import t
from shuangshi_cli.render import Document, Kind
from shuangshi_cli.report import Heading, Report, Summary

if TYPE_CHECKING:
    from collections.abc import Sequence

    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.figures import Figures
    from shuangshi_cli.messages import Lang
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.plan import Plan
    from shuangshi_cli.report import Block
    from shuangshi_cli.report.checks import Policy
    from shuangshi_cli.scenarios import TargetPath, WhatIf


def assessment_document(
    assessment: Assessment,
    figures: Figures | None = None,
    policy: Policy | None = None,
    *,
    parts: Scoreboard | None = None,
) -> Document:
    """An assessment; with ``parts``, its verdicts for CI also hold each part's, by part."""
    from shuangshi_cli.report import assessment as report
    from shuangshi_cli.report import checks, records

    rule = policy or checks.Policy()

    def verdicts(lang: Lang) -> tuple[checks.Check, ...]:
        own = checks.assessment_checks(assessment, figures, rule, lang)
        if parts is None:
            return own
        return own + checks.scoreboard_checks(parts, figures, rule, lang)

    def record(lang: Lang) -> dict[str, Any]:
        data = records.assessment_record(assessment, lang)
        if parts is not None:  # each part's results, as the plan's own are recorded
            data["parts"] = [records.part_record(s, lang) for s in parts.standings]
        return data

    return Document(
        Kind.ASSESSMENT,
        lambda lang: _with_board(report.build(assessment, lang), (), parts, lang),
        record,
        verdicts,
    )


def _with_board(
    main: Report, extra: Sequence[Block], board: Scoreboard | None, lang: Lang
) -> Report:
    """An assessment's report with ``extra`` blocks and the parts' scoreboard (its table and
    notes) before its summary line."""
    from shuangshi_cli.report import scoreboard as board_report

    added = list(extra)
    if board is not None:
        added += board_report.build(board, lang).blocks[1:]
    if not added:
        return main
    blocks = list(main.blocks)
    at = next((i for i, b in enumerate(blocks) if isinstance(b, Summary)), len(blocks))
    return Report((*blocks[:at], *added, *blocks[at:]), main.hints)


def plan_document(plan: Plan) -> Document:
    from shuangshi_cli.report import plan as report
    from shuangshi_cli.report import records

    return Document(
        Kind.PLAN, lambda lang: report.build(plan, lang), lambda lang: records.plan_record(plan)
    )


def path_document(assessment: Assessment, paths: list[TargetPath]) -> Document:
    from shuangshi_cli.report import records
    from shuangshi_cli.report import scenarios as report

    return Document(
        Kind.PATH,
        lambda lang: report.build_path(assessment, paths, lang),
        lambda lang: records.paths_record(assessment, paths),
    )


def whatif_document(whatif: WhatIf) -> Document:
    from shuangshi_cli.report import records
    from shuangshi_cli.report import scenarios as report

    return Document(
        Kind.WHATIF,
        lambda lang: report.build_whatif(whatif, lang),
        lambda lang: records.whatif_record(whatif),
    )


def scoreboard_document(
    board: Scoreboard, figures: Figures | None = None, policy: Policy | None = None
) -> Document:
    from shuangshi_cli.report import checks, records
    from shuangshi_cli.report import scoreboard as report

    return Document(
        Kind.SCOREBOARD,
        lambda lang: report.build(board, lang),
        lambda lang: records.scoreboard_record(board, lang),
        lambda lang: checks.scoreboard_checks(board, figures, policy or checks.Policy(), lang),
    )


def full_report_document(
    assessment: Assessment,
    paths: list[TargetPath],
    board: Scoreboard | None = None,
    figures: Figures | None = None,
) -> Document:
    """The report to hand to a meeting: the gap report, a chart per target, the scoreboard."""
    from shuangshi_cli.report import assessment as report
    from shuangshi_cli.report import checks, records
    from shuangshi_cli.report import scenarios as path_report

    def build(lang: Lang) -> Report:
        charts = path_report.build_path(assessment, paths, lang).blocks[1:]
        extra: list[Block] = [Heading(t("report.charts", lang)), *charts] if paths else []
        return _with_board(report.build(assessment, lang), extra, board, lang)

    def record(lang: Lang) -> dict[str, Any]:
        data = records.assessment_record(assessment, lang)
        data["paths"] = records.paths_record(assessment, paths)["paths"]
        if board is not None:
            data["scoreboard"] = records.scoreboard_record(board, lang)["parts"]
        return data

    return Document(
        Kind.ASSESSMENT,
        build,
        record,
        lambda lang: checks.assessment_checks(assessment, figures, checks.Policy(), lang),
    )


def explain_document(assessment: Assessment, target_id: str, figures: Figures | None) -> Document:
    """One target's numbers, each with its formula, inputs and method."""
    from shuangshi_cli.errors import UsageProblem
    from shuangshi_cli.explain import explain
    from shuangshi_cli.messages import msg
    from shuangshi_cli.report import explain as report

    plan = assessment.plan
    target = plan.resolve(target_id)
    if target is None or not target.quantified:
        known = ", ".join(r.target.id for r in assessment.quantified)
        raise UsageProblem.at(msg("error.no_target", key=repr(target_id), known=known))
    result = next(r for r in assessment.results if r.target.id == target.id)
    explanation = explain(plan, result, figures)
    return Document(
        Kind.EXPLAIN,
        lambda lang: report.build(plan, explanation, lang),
        lambda lang: report.explain_record(plan, explanation, lang),
    )
