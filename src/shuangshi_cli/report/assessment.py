"""The report of ``gap`` and ``check``: gap table, peers, 时序进度, goals, programmes, summary."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from shuangshi_cli.assess import Note
from shuangshi_cli.formulas import Progress
from shuangshi_cli.messages import Lang, pick, t
from shuangshi_cli.report import (
    Bar,
    Block,
    Cell,
    Checklist,
    Column,
    Heading,
    Line,
    Lines,
    Notes,
    Points,
    Quantity,
    Rate,
    Report,
    StatusCell,
    Summary,
    Table,
    Text,
    Title,
    Tone,
)
from shuangshi_cli.report.numbers import percent, points_between, quantity, rank_text, unit_name
from shuangshi_cli.report.terms import (
    attribute_mark,
    figure_unit,
    gap_text,
    growth_text,
    hand_mark,
    latest_text,
    name,
    names_list,
    note_text,
    required_from_text,
    result_target_text,
    status_label,
    title,
    verdict_label,
    with_year,
)
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment, PeerResult, Result
    from shuangshi_cli.plan import Plan

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def gap_columns(lang: Lang) -> tuple[Column, ...]:
    """The columns of the gap table; ``drop`` orders what a narrow screen leaves out first."""

    def col(key: str, *, short: bool = False, **kw: object) -> Column:
        return Column(
            key,
            t(f"col.{key}", lang),
            t(f"col.{key}.short", lang) if short else None,
            **kw,  # type: ignore[arg-type]
        )

    return (
        col("indicator", align="left", wrap=True),
        col("unit", align="left", drop=3),
        col("latest", short=True, stack=True),
        col("target", short=True, stack=True),
        col("gap"),
        col("reached", drop=2),
        col("task", short=True, drop=1),
        col("required", short=True),
        col("observed", short=True),
        col("status", align="left"),
    )


def _result_row(plan: Plan, result: Result, lang: Lang) -> tuple[Cell, ...]:
    target = result.target
    status = StatusCell(result.status, status_label(result, lang) + hand_mark(result, lang))
    due = t("paren", lang, text=str(target.deadline))
    latest = latest_text(plan, result, lang, bare=True)
    if result.latest is not None:
        latest = with_year(latest, result.latest.year, lang)
    unit = figure_unit(plan, result)
    unit_cell = unit_name(unit, lang)
    if unit is None and result.base is not None:
        unit_cell = t("index.unit", lang, year=result.base.year)
    value = result.latest.value if result.latest is not None else None
    required = growth_text(plan, result, result.required_growth, lang)
    if result.required_growth is not None:
        required += required_from_text(result, lang)
    bare = unit == plan.unit(target)
    compound = result.progress is not Progress.LINEAR

    def pace(value: float | None, text: str) -> Rate | Points:
        """A compound pace is a rate; a linear one a step in the unit per year."""
        return Rate(value, text) if compound else Points(value, text)

    return (
        Text(name(target, lang) + attribute_mark(target, lang)),
        Text(unit_cell),
        Quantity(value, unit, latest),
        Text(result_target_text(plan, result, lang, bare=bare) + due),
        Quantity(result.gap, plan.unit(target), gap_text(plan, result, lang, bare=True)),
        Rate(result.reached_pct, percent(result.reached_pct)),
        Bar(result.task_progress, result.status, percent(result.task_progress)),
        pace(result.required_growth, required),
        pace(result.observed_growth, growth_text(plan, result, result.observed_growth, lang)),
        status,
    )


def summary_line(assessment: Assessment, lang: Lang) -> str:
    """量化目标4项：已实现1项，慢于预期2项…（截至2018年）."""
    counts: dict[str, int] = {}
    # in the order of the statuses, best first (提前实现 beside 已实现, 快于预期 beside 符合预期),
    # not in the order the targets come
    order = list(Status)
    # (a verdict given by hand is the one that counts, as check counts it)
    ranked = sorted(
        assessment.quantified,
        key=lambda r: (order.index(r.verdict), r.wording != "achieved_early", r.wording != "ahead"),
    )
    for result in ranked:
        label = verdict_label(result, lang)
        counts[label] = counts.get(label, 0) + 1
    text = t("sep.clause", lang).join(
        t("summary.count", lang, label=label, n=n) for label, n in counts.items()
    ) or t("summary.none", lang)
    total = len(assessment.quantified)
    one = ".one" if total == 1 else ""
    if assessment.as_of:
        return t(f"summary.as_of{one}", lang, total=total, counts=text, year=assessment.as_of)
    return t(f"summary{one}", lang, total=total, counts=text)


def missing_line(assessment: Assessment, lang: Lang) -> str | None:
    """Which quantified targets have no figures, or None: a hint for stderr."""
    if not assessment.missing:
        return None
    names = [
        t("hint.missing.name", lang, name=name(assessment.plan.target(i), lang), id=i)
        for i in assessment.missing
    ]
    return t("hint.missing", lang, names=names_list(names, lang))


def _note(result: Result, note: Note, lang: Lang) -> str:
    """One caveat on ``result``, worded; an each-year target's with its years."""
    years = {Note.EACH_YEAR_BREACHED: result.breached, Note.EACH_YEAR_UNSEEN: result.unseen}
    if note in years:
        named = names_list([str(y) for y in years[note]], lang)
        return t(f"note.{note.value}", lang, years=named)
    return note_text(note, lang)


def notes_of(assessment: Assessment, lang: Lang) -> tuple[str, ...]:
    """Footnotes: one line per target with caveats."""
    lines = []
    for result in assessment.quantified:
        texts = [_note(result, n, lang) for n in result.notes if n is not Note.NO_FIGURES]
        if result.hand_note:
            texts.append(result.hand_note)
        if texts:
            joined = t("sep.list", lang).join(texts)
            lines.append(t("note.line", lang, name=name(result.target, lang), notes=joined))
    return tuple(lines)


def within_year_line(plan: Plan, result: Result, lang: Lang) -> Line | None:
    """完成年度目标的76.0%，高于时序进度1.0个百分点 — as monthly reports word it."""
    within = result.within_year
    if within is None:
        return None
    target = result.target
    value = quantity(within.value, plan.figure_unit(target), lang, written=True)
    months = t(
        "within.months", lang, year=within.year, month=within.month,
        month_en=MONTHS_EN[within.month - 1],
    )  # fmt: skip
    who = name(target, lang)
    if within.completion is None or within.lead_points is None:
        return Line(t("within.no_goal", lang, name=who, months=months, value=value), Tone.DIM)
    # the lead as the line prints completion and time elapsed: 75.7% against 75.0% is 0.7 points
    lead = points_between(within.completion, within.time_elapsed)
    rounded = abs(lead).quantize(Decimal("0.1"), ROUND_HALF_UP)
    points = f"{rounded:.1f}"
    if rounded == 0:
        side = t("within.level", lang)
    else:
        side = t("within.ahead" if lead > 0 else "within.behind", lang, points=points)
    line = t(
        "within.line", lang, name=who, months=months, value=value,
        done=percent(within.completion), side=side, elapsed=percent(within.time_elapsed),
        basis=t("within.basis.seasonal" if within.seasonal else "within.basis.months", lang),
    )  # fmt: skip
    if within.yoy_growth is not None:
        line += t("within.yoy", lang, yoy=percent(within.yoy_growth))
        needed = within.required_yoy_growth
        if needed is not None:
            key = "within.yoy.below" if within.yoy_growth < needed else "within.yoy.met"
            line += t(key, lang, needed=percent(needed))
    return Line(line, Tone.GOOD if rounded == 0 or lead > 0 else Tone.WARN)


def _movement(peers: PeerResult, lang: Lang) -> str:
    """位次变化：2016年第10位 → 2017年第9位（前移1位）…"""
    steps = []
    previous: int | None = None
    for standing in peers.standings:
        step = t("peers.step", lang, year=standing.year, place=rank_text(standing.rank, lang))
        if previous is not None and standing.rank != previous:
            moved = abs(previous - standing.rank)
            step += t("peers.up" if standing.rank < previous else "peers.down", lang, n=moved)
        steps.append(step)
        previous = standing.rank
    return t("peers.movement", lang, steps=" → ".join(steps))


# The places a report lists between the target rank and the region's own, at most (the first
# half and the last; JSON's peer ranks hold every region)
_LADDER_SHOWN = 12


def _ladder(plan: Plan, result: Result, peers: PeerResult, lang: Lang) -> str:
    """The places from the target rank to the region's own, with who holds them."""
    latest, target = peers.latest, result.target
    unit = plan.unit(plan.target(peers.indicator))
    low, high = sorted((int(target.value or 0), latest.rank))
    among = pick((target.ranks.among, target.ranks.among_en or ""), lang) if target.ranks else ""
    rungs = [
        t("peers.rung", lang, place=rank_text(r.rank, lang), region=r.region,
          value=quantity(r.value, unit, lang, written=True))
        for r in latest.ladder
        if low <= r.rank <= high
    ]  # fmt: skip
    if len(rungs) > _LADDER_SHOWN:  # (2,378 places between No. 5 and No. 2,382: a page each)
        half = _LADDER_SHOWN // 2
        hidden = len(rungs) - 2 * half
        rungs = [*rungs[:half], t("peers.more", lang, n=hidden), *rungs[-half:]]
    return t(
        "peers.ladder", lang, year=latest.year, among=among, count=latest.count,
        rungs=t("sep.list", lang).join(rungs),
    )  # fmt: skip


def _chase(plan: Plan, result: Result, peers: PeerResult, lang: Lang) -> str | None:
    """第5位为某县，差距67.9亿元；按其现有增速，到2019年需年均增长x%."""
    chase, deadline = peers.chase, result.target.deadline
    if chase.target_region is None or chase.value_gap is None or chase.value_gap <= 0:
        return None
    unit = plan.unit(plan.target(peers.indicator))
    goal = int(result.target.value or 0)
    # (the region at that place may stand higher, tied: 庐江县 and 无为县 both 4th, none 5th)
    held = next((r.rank for r in peers.latest.ladder if r.region == chase.target_region), goal)
    line = t(
        "peers.chase" if held == goal else "peers.chase.tied", lang, goal=goal, rank=held,
        region=chase.target_region, gap=quantity(chase.value_gap, unit, lang),
    )  # fmt: skip
    if chase.required_growth is not None:
        key = "peers.chase.own_pace" if chase.rival_growth is not None else "peers.chase.still"
        line += t(key, lang, deadline=deadline, needed=percent(chase.required_growth))
    return line


def peer_lines(plan: Plan, result: Result, lang: Lang) -> list[Line]:
    """Rank movement, the ladder, what catching up takes, and figures the peers contradict."""
    peers = result.peers
    if peers is None:
        return []
    lines = [_movement(peers, lang), _ladder(plan, result, peers, lang)]
    chase = _chase(plan, result, peers, lang)
    if chase:
        lines.append(chase)
    for year, figure, computed in peers.disagreements:
        given = rank_text(figure, lang)
        lines.append(t("peers.disagrees", lang, year=year, given=given, computed=computed))
    return [Line(text) for text in lines]


def build(assessment: Assessment, lang: Lang) -> Report:
    """The report of an assessment, in ``lang``."""
    plan = assessment.plan
    blocks: list[Block] = [Title(title(plan.plan, lang))]
    quantified = assessment.quantified
    if quantified:
        blocks.append(
            Table(
                gap_columns(lang),
                tuple(_result_row(plan, r, lang) for r in quantified),
                key="gap",
                name=t("section.targets", lang),
            )
        )
    notes = notes_of(assessment, lang)
    if notes:
        blocks.append(Notes(notes, t("section.notes", lang)))
    peers = [line for r in quantified for line in peer_lines(plan, r, lang)]
    if peers:
        blocks.append(Lines(tuple(peers), t("section.peers", lang)))
    within = [line for r in quantified if (line := within_year_line(plan, r, lang))]
    if within:
        blocks.append(Lines(tuple(within), t("section.within_year", lang)))
    if assessment.qualitative:
        blocks.append(Heading(t("section.goals", lang)))
        blocks.append(
            Table(
                (
                    Column("indicator", t("col.indicator", lang), align="left", wrap=True),
                    Column("deadline", t("col.deadline", lang)),
                    Column("status", t("col.status", lang), align="left"),
                ),
                tuple(
                    (
                        Text(name(r.target, lang)),
                        Text(str(r.target.deadline)),
                        StatusCell(r.status, status_label(r, lang)),
                    )
                    for r in assessment.qualitative
                ),
                key="goals",
            )
        )
    if plan.programmes:
        blocks.append(
            Checklist(
                tuple(pick((p.name, p.name_en or ""), lang) for p in plan.programmes),
                t("section.programmes", lang),
            )
        )
    blocks.append(Summary(summary_line(assessment, lang)))
    missing = missing_line(assessment, lang)
    return Report(tuple(blocks), hints=(missing,) if missing else ())
