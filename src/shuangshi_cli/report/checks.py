"""Checks for CI: a verdict per target (fail, warn, pass, skip) and the place that decides it.

The place is the figures file and line of the figure the target is judged on, else the plan
file and line of the target. CI printers (GitHub annotations, JUnit) print these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from shuangshi_cli.messages import Lang, pick, t
from shuangshi_cli.report.records import number
from shuangshi_cli.report.terms import (
    gap_text,
    hand_mark,
    latest_text,
    name,
    pace_text,
    status_label,
    target_text,
)
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment, Result
    from shuangshi_cli.figures import Figures
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.plan import Plan


class Outcome(StrEnum):
    FAIL = "fail"
    WARN = "warn"
    PASS = "pass"
    SKIP = "skip"


@dataclass(frozen=True)
class Check:
    """The verdict on one target, for a CI system."""

    id: str
    group: str
    outcome: Outcome
    status: Status
    title: str  # what is judged, and how: 地区生产总值：相对滞后
    message: str
    file: str | None = None
    line: int | None = None
    properties: dict[str, str] = field(default_factory=dict)
    label: str = ""  # what is judged alone (a test's name, the same from one run to the next)


@dataclass(frozen=True)
class Policy:
    """What fails: statuses at or past ``fail_on``; with ``strict`` also insufficient data."""

    fail_on: Status = Status.ACCELERATION_NEEDED
    strict: bool = False
    binding_only: bool = False  # (check --binding-only: an expected target's failure warns)

    def outcome(self, status: Status, *, binding: bool = True) -> Outcome:
        if status.assessed:
            if status.severity >= self.fail_on.severity:
                return Outcome.FAIL if binding or not self.binding_only else Outcome.WARN
            return Outcome.WARN if status.severity > Status.ON_TRACK.severity else Outcome.PASS
        if status is Status.INSUFFICIENT_DATA:  # (with --binding-only, a binding target's only)
            return (
                Outcome.FAIL if self.strict and (binding or not self.binding_only) else Outcome.WARN
            )
        return Outcome.SKIP


def _place(
    assessment: Assessment, result: Result, figures: Figures | None, whole: Plan | None = None
) -> tuple[str | None, int | None]:
    """The figures file and line of the figure the result is judged on (an each-year target's
    first year that failed it), else the plan's (for a part's target, the line of the whole
    plan's target it is a part of)."""
    latest, target = result.latest, result.target
    if figures is not None and latest is not None and latest.source == "figure":
        # an each-year target is missed by the first year that failed it: that figure decides
        year = result.breached[0] if result.breached else latest.year
        figure = figures.figure(target.series or target.id, year)
        if figure is not None and _is_file(figure.origin.file):
            return figure.origin.file, figure.origin.line
    file, line = assessment.plan.place(target.id)
    if file is None and whole is not None:
        return whole.place(target.id)
    return file, line


def _is_file(name: str) -> bool:
    """Whether a figure's origin is a file a CI system can point at (not an argument, stdin)."""
    return not name.startswith(("argument ", "<"))


def _message(assessment: Assessment, result: Result, lang: Lang) -> str:
    plan, target = assessment.plan, result.target
    latest = latest_text(plan, result, lang)
    if result.latest is not None:
        latest = t("year.of", lang, value=latest, year=result.latest.year)
    parts = [
        t("check.target", lang, target=target_text(plan, target, lang), deadline=target.deadline),
        t("check.latest", lang, latest=latest),
    ]
    if result.gap is not None:
        parts.append(t("check.gap", lang, gap=gap_text(plan, result, lang)))
    if result.required_growth is not None:
        pace = pace_text(plan, result, result.required_growth, lang)
        parts.append(t("check.required", lang, pace=pace))
    if result.observed_growth is not None:
        pace = pace_text(plan, result, result.observed_growth, lang)
        parts.append(t("check.observed", lang, pace=pace))
    if result.pace_ratio is not None:
        parts.append(t("check.ratio", lang, ratio=f"{result.pace_ratio:.2f}"))
    return t("sep.clause", lang).join(parts) + t(
        "check.status", lang, status=status_label(result, lang) + hand_mark(result, lang)
    )


def _properties(result: Result) -> dict[str, str]:
    """The result's numbers as the JSON records give them (rates as fractions)."""
    values: dict[str, object] = {
        "status": result.status.value,
        "hand_status": result.hand_status.value if result.hand_status else None,
        "verdict": result.verdict.value,
        "target": number(result.target.value),
        "deadline": result.target.deadline,
        "latest_year": result.latest.year if result.latest else None,
        "latest_value": number(result.latest.value) if result.latest else None,
        "gap": number(result.gap),
        "required_growth": number(result.required_growth),
        "observed_growth": number(result.observed_growth),
        "pace_ratio": number(result.pace_ratio),
        "task_progress": number(result.task_progress),
    }
    return {k: str(v) for k, v in values.items() if v is not None}


def assessment_checks(
    assessment: Assessment,
    figures: Figures | None,
    policy: Policy,
    lang: Lang,
    *,
    group: str | None = None,
    part: str | None = None,
    whole: Plan | None = None,
) -> tuple[Check, ...]:
    """A check per quantified target of ``assessment`` (of a part of ``whole``)."""
    header = assessment.plan.plan
    suite = group or pick((header.title, header.title_en or ""), lang)
    checks = []
    for result in assessment.quantified:
        file, line = _place(assessment, result, figures, whole)
        checks.append(
            Check(
                id=result.target.id,
                group=suite,
                outcome=policy.outcome(result.verdict, binding=result.target.binding is True),
                status=result.verdict,
                title=t("check.title.part" if part else "check.title", lang, part=suite,
                        name=name(result.target, lang),
                        status=status_label(result, lang) + hand_mark(result, lang)),
                message=_message(assessment, result, lang),
                file=file,
                line=line,
                properties=_properties(result),
                label=name(result.target, lang),
            )
        )  # fmt: skip
    return tuple(checks)


def scoreboard_checks(
    board: Scoreboard, figures: Figures | None, policy: Policy, lang: Lang
) -> tuple[Check, ...]:
    """A check per part and indicator, grouped by part."""
    checks: list[Check] = []
    for standing in board.standings:
        part = standing.part
        own = None if figures is None else figures.for_part(part.id)
        checks += assessment_checks(
            standing.assessment, own, policy, lang,
            group=pick((part.name, part.name_en or ""), lang), part=part.id, whole=board.plan,
        )  # fmt: skip
    return tuple(checks)
