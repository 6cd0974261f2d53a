"""The assessment: for each target of a plan and the figures given, gap, growth, pace and status.

Pure: takes a Plan and Figures, returns an Assessment. The formulas live in formulas.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, NamedTuple

from shuangshi_cli import formulas, kinds
from shuangshi_cli.errors import FiguresError
from shuangshi_cli.plan import Comparison, Kind, Plan, Target, Thresholds
from shuangshi_cli.status import Status
from shuangshi_cli.units import PERCENT, convert

if TYPE_CHECKING:
    from shuangshi_cli.figures import Figure, Figures
    from shuangshi_cli.formulas import Progress
    from shuangshi_cli.kinds.approximate import Band
    from shuangshi_cli.kinds.relative import Relation
    from shuangshi_cli.peers import PeerTable, RankChase, Standing

RATE_INDEX_BASE = Decimal(100)


class Note(StrEnum):
    """Caveats on a result; renderers word them."""

    NO_FIGURES = "no_figures"
    BASE_FROM_TEXT = "base_from_text"
    BASE_IS_BOUND = "base_is_bound"
    # ... and which way that bound leans the pace: a base above 30 (突破30亿) of a target where
    # more is better makes the growth since it, and the pace ratio, at most what is shown
    BOUND_FLATTERS = "bound_flatters"
    BOUND_UNDERSTATES = "bound_understates"
    BASE_INDICATOR_DIFFERS = "base_indicator_differs"
    BASE_AFTER_BASE_YEAR = "base_after_base_year"
    INDEX_FROM_RATES = "index_from_rates"
    MANUAL_STATUS = "manual_status"
    RANK_FROM_PEERS = "rank_from_peers"
    RANK_FIGURE_DIFFERS = "rank_figure_differs"
    FEW_PEERS = "few_peers"
    BASE_YEAR_NEEDED = "base_year_needed"
    EACH_YEAR_BREACHED = "each_year_breached"
    EACH_YEAR_UNSEEN = "each_year_unseen"  # ... and the years without a figure, not judged
    HAND_VERDICT = "hand_verdict"
    REAL_CHAINED = "real_chained"
    NOMINAL_LEVEL = "nominal_level"
    PRICE_YEAR_DIFFERS = "price_year_differs"
    AHEAD_OF_OTHER = "ahead_of_other"
    PEER_VALUE_DIFFERS = "peer_value_differs"


class Point(NamedTuple):
    """A value of an indicator in a year; ``bound`` when the text gives only a bound (突破30亿).
    (A named tuple: an assessment builds one per figure of every target, thousands a board.)"""

    year: int
    value: Decimal
    source: Literal["figure", "text"] = "figure"
    bound: Comparison | None = None


@dataclass(frozen=True)
class WithinYear:
    """时序进度: a cumulative January–month figure against the year's goal and the time elapsed."""

    year: int
    month: int
    value: Decimal
    annual_goal: Decimal | None
    completion: float | None
    time_elapsed: float
    lead_points: float | None
    yoy_growth: float | None
    required_yoy_growth: float | None
    seasonal: bool


@dataclass(frozen=True)
class PeerResult:
    """A rank target judged from a peer table: the rank each year and what the target rank takes."""

    indicator: str
    standings: tuple[Standing, ...]
    chase: RankChase
    disagreements: tuple[tuple[int, Decimal, int], ...]  # year, rank given as a figure, computed

    @property
    def latest(self) -> Standing:
        return self.standings[-1]


@dataclass(frozen=True)
class Result:
    """The assessment of one target. Rates are fractions; gaps are in the target's unit."""

    target: Target
    status: Status
    progress: Progress | None = None
    early: bool = False
    latest: Point | None = None
    base: Point | None = None
    target_level: Decimal | None = None
    gap: Decimal | None = None
    reached_pct: float | None = None
    time_progress: float | None = None
    task_progress: float | None = None
    required_growth: float | None = None
    observed_growth: float | None = None
    pace_ratio: float | None = None
    projected_value: float | None = None
    projected_year: int | None = None
    years_ahead: float | None = None
    within_year: WithinYear | None = None
    peers: PeerResult | None = None
    series: tuple[Point, ...] = ()
    notes: tuple[Note, ...] = ()
    met_at_base: bool = False  # the base already meets the target: no path, no task to do
    required_from: int | None = None  # the year of the figure the required pace starts from
    required_is_stale: bool = False  # ... and that year is before the assessment's year
    hand_status: Status | None = None  # a review's verdict given by hand, beside the computed
    hand_note: str | None = None
    hand_year: int | None = None
    band: Band | None = None  # an approximate (左右) target's band, and where the figure stands
    relative: Relation | None = None  # a relative target's growth against the other series'
    breached: tuple[int, ...] = ()  # an each-year target: the years its comparison failed
    unseen: tuple[int, ...] = ()  # ... and the years since the base without a figure

    @property
    def verdict(self) -> Status:
        """The status that counts: a hand verdict where one is given, else the computed one."""
        return self.hand_status or self.status

    @property
    def wording(self) -> str:
        """The status in the words of a mid-term review, a key of the catalogue's status.*:
        achieved before the deadline is 提前实现 (``achieved_early``), on track with R > 1 快于预期
        (``ahead``); else the status itself."""
        if self.status is Status.ACHIEVED and self.early:
            return "achieved_early"
        if self.status is Status.ON_TRACK and self.pace_ratio is not None and self.pace_ratio > 1:
            return "ahead"
        return self.status.value


@dataclass(frozen=True)
class Assessment:
    """Every target's result for one plan, as of one year."""

    plan: Plan
    as_of: int | None
    results: tuple[Result, ...]
    missing: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> dict[str, int]:
        """Count of results per status, in the order of Status."""
        counts = Counter(r.status for r in self.results)
        return {s.value: counts[s] for s in Status if counts[s]}

    @property
    def quantified(self) -> list[Result]:
        return [r for r in self.results if r.target.quantified]

    @property
    def qualitative(self) -> list[Result]:
        return [r for r in self.results if not r.target.quantified]

    def failing(
        self,
        fail_on: Status = Status.ACCELERATION_NEEDED,
        *,
        strict: bool = False,
        binding_only: bool = False,
    ) -> list[Result]:
        """Quantified results with status ``fail_on`` or worse (or insufficient data, if strict);
        with ``binding_only``, only those of 约束性 (binding) targets."""
        return [
            r
            for r in self.quantified
            if (r.verdict.assessed and r.verdict.severity >= fail_on.severity)
            or (strict and r.verdict is Status.INSUFFICIENT_DATA)
            if not binding_only or r.target.binding is True
        ]


def assess(
    plan: Plan,
    figures: Figures,
    *,
    as_of: int | None = None,
    thresholds: Thresholds | None = None,
    peers: PeerTable | None = None,
    brief: bool = False,
) -> Assessment:
    """Assess every target of ``plan`` against ``figures`` (those after ``as_of`` are ignored).

    ``thresholds`` overrides the plan's pace-ratio thresholds for every target. With ``peers``,
    a rank target's rank is computed from the peer table in every year it covers.
    ``brief``: each level, rank, growth or change target's result holds its status and what
    the status is judged on (base, latest, time and task progress, observed pace, pace ratio,
    notes) and nothing after it (gap, required pace, projection, month figures, hand verdict):
    what a scoreboard reads of the year before.
    """
    results = []
    now = _now(figures, as_of)
    for target in plan.targets:
        if target.quantified:
            special = kinds.module(target.kind)
            if special is not None:
                result = special.assess(
                    plan, target, figures, as_of=as_of, now=now, thresholds=thresholds
                )
            else:
                result = _assess_quantified(
                    plan, target, figures, as_of, thresholds, peers, now=now, brief=brief
                )
            results.append(result if brief else _with_hand_verdict(result, figures, as_of))
        else:
            results.append(_assess_qualitative(target, figures, as_of))
    missing = tuple(
        r.target.id for r in results if r.target.quantified and Note.NO_FIGURES in r.notes
    )
    years = [p.year for r in results for p in (r.latest, r.base) if p is not None]
    years += [f.year for f in figures.items if as_of is None or f.year <= as_of]
    effective = as_of if as_of is not None else (max(years) if years else None)
    return Assessment(plan, effective, tuple(results), missing)


def _with_hand_verdict(result: Result, figures: Figures, as_of: int | None) -> Result:
    """A quantified result with the latest verdict given by hand beside its computed status."""
    given = [f for f in figures.annual(result.target.id, as_of=as_of) if f.status is not None]
    if not given:
        return result
    last = given[-1]
    return replace(
        result,
        hand_status=last.status,
        hand_note=last.note,
        hand_year=last.year,
        notes=(*result.notes, Note.HAND_VERDICT),
    )


def _now(figures: Figures, as_of: int | None) -> int | None:
    """The year an assessment stands in: ``as_of``, else the latest year of any figure."""
    if as_of is not None:
        return as_of
    return max((f.year for f in figures.items), default=None)


def _assess_qualitative(target: Target, figures: Figures, as_of: int | None) -> Result:
    given = [f for f in figures.annual(target.id, as_of=as_of) if f.status is not None]
    if not given:
        return Result(target, Status.NOT_ASSESSED)
    last = given[-1]
    assert last.status is not None
    return Result(
        target,
        last.status,
        early=last.status is Status.ACHIEVED and last.year < target.deadline,
        notes=(Note.MANUAL_STATUS,),
    )


def series_of(
    plan: Plan, target: Target, figures: Figures, as_of: int | None
) -> tuple[list[Point], list[Note]]:
    """The whole-year values of a target's indicator, oldest first, and the notes on them."""
    return _series(plan, target, figures, as_of)


def base_of(
    plan: Plan, target: Target, series: list[Point], notes: list[Note], as_of: int | None = None
) -> Point | None:
    """The base (t0, v0) of a target; appends the notes that qualify it to ``notes``."""
    return _base(plan, target, series, notes, as_of)


def _series(
    plan: Plan, target: Target, figures: Figures, as_of: int | None
) -> tuple[list[Point], list[Note]]:
    source = plan.target(target.series) if target.series else target
    read = [f for f in figures.annual(source.id, as_of=as_of) if f.value is not None]
    if source is not target and source.price_basis == "constant" and source.kind is Kind.LEVEL:
        # a level at constant prices: its real series (the base chained with real growth), as
        # the level target itself reads it, not the nominal levels beside it
        from shuangshi_cli.prices import real_series

        real, real_notes = real_series(
            plan,
            source,
            figures,
            as_of,
            [Point(f.year, f.value) for f in read if f.value is not None],
        )
        return [Point(p.year, _read(plan, source, target, p.value)) for p in real], real_notes
    if source is not target:  # another target's series, read in this one's figure unit
        read = [
            replace(f, value=_read(plan, source, target, f.value))
            for f in read
            if f.value is not None
        ]
    points = [Point(f.year, f.value) for f in read if f.value is not None]
    if target.kind is Kind.GROWTH and plan.figure_unit(target).dimension == PERCENT:
        return _index_from_rates(plan, target, read), [Note.INDEX_FROM_RATES]
    if _yearly_changes(plan, target):  # 单位GDP能耗比上年下降2.7%: chained, 1 − Π(1 − d)
        return _index_from_rates(plan, target, read), [Note.INDEX_FROM_RATES]
    if target.price_basis == "constant" and target.kind is Kind.LEVEL:
        from shuangshi_cli.prices import real_series

        return real_series(plan, target, figures, as_of, points)
    return points, []


def _yearly_changes(plan: Plan, target: Target) -> bool:
    """A cumulative relative change (累计下降13.5%) whose figures are each year's change in %."""
    return target.kind is Kind.CHANGE and plan.yearly_changes(target)


def _read(plan: Plan, source: Target, target: Target, value: Decimal) -> Decimal:
    """A figure of ``source``'s series in the figure unit of ``target``, which reads it."""
    if source is target:
        return value
    return convert(value, plan.figure_unit(source), plan.figure_unit(target))


def _peer_ranks(
    plan: Plan,
    target: Target,
    peers: PeerTable | None,
    as_of: int | None,
    series: list[Point],
    figures: Figures | None = None,
) -> tuple[list[Point], list[Note], PeerResult | None]:
    """Ranks computed from the peer table replace ranks given as figures for the same years;
    a note says where the table's own value of the ranked indicator is not the figure given
    for it (濉溪县 300 there, 352.1 in the figures: the rank stands on the table's)."""
    if peers is None or target.kind is not Kind.RANK or target.ranks is None:
        return series, [], None
    from shuangshi_cli.peers import chase, standings  # only with a peer table

    ranked = plan.target(target.ranks.indicator)
    assert target.value is not None
    every = [
        s
        for s in standings(peers, ranked.id, ranked.higher_is_better)
        if as_of is None or s.year <= as_of
    ]
    # A rank among so few regions that even the last place meets the target (1st of 1 against
    # top 5) cannot miss it: that year of the table is too small to judge on, and is not used.
    assert target.comparison is not None
    found = [s for s in every if not target.comparison.holds(Decimal(s.count), target.value)]
    few = [Note.FEW_PEERS] if len(found) < len(every) else []
    if not found:
        return series, few, None
    given = {p.year: p.value for p in series}
    computed = {s.year: Decimal(s.rank) for s in found}
    disagreements = tuple(
        (year, value, int(computed[year]))
        for year, value in sorted(given.items())
        if year in computed and computed[year] != value
    )
    merged = {**given, **computed}
    points = [Point(year, merged[year]) for year in sorted(merged)]
    notes = [Note.RANK_FROM_PEERS] + ([Note.RANK_FIGURE_DIFFERS] if disagreements else []) + few
    own = {f.year: f.value for f in figures.annual(ranked.id)} if figures is not None else {}
    if any(s.year in own and own[s.year] != s.value for s in found):
        notes.append(Note.PEER_VALUE_DIFFERS)
    rank_chase = chase(
        peers, ranked.id, found[-1], int(target.value), target.deadline, ranked.higher_is_better
    )
    return points, notes, PeerResult(ranked.id, tuple(found), rank_chase, disagreements)


def _index_from_rates(plan: Plan, target: Target, rates: list[Figure]) -> list[Point]:
    """Chain annual growth rates (%) into an index, base year = 100: I(y) = I(y−1) × (1 + r_y)."""
    base_year = plan.plan.base_year
    index = [Point(base_year, RATE_INDEX_BASE)]
    for figure in rates:
        if figure.year <= base_year or figure.value is None:
            continue
        if figure.year != index[-1].year + 1:
            raise FiguresError(
                figure.origin.problem(
                    f"{target.id}: annual growth rates are chained from {base_year}; "
                    f"{index[-1].year + 1} is missing",
                    "year",
                )
            )
        index.append(Point(figure.year, index[-1].value * (1 + figure.value / 100)))
    return index


def _base(
    plan: Plan, target: Target, series: list[Point], notes: list[Note], as_of: int | None = None
) -> Point | None:
    """Base (t0, v0): the figure for the base year; else the text's value for it (or the last
    before it); else the first figure after the base year, as Open SDG does. As of a year before
    the base year, the text's values of later years are not known yet."""
    base_year = plan.plan.base_year
    for point in series:
        if point.year == base_year:
            return point
    # A cumulative change is measured from the base year itself: no other year stands in.
    change = target.kind is Kind.CHANGE
    known_values = target.known_values
    source = plan.target(target.series) if target.series and not known_values else None
    if source is not None and source.kind is Kind.LEVEL:  # the series' own text, in this unit
        known_values = [
            k.model_copy(update={"value": _read(plan, source, target, k.value)})
            for k in source.known_values
        ]
    stated = [k for k in known_values if (k.year == base_year or (k.year < base_year
              and not change)) and (as_of is None or k.year <= as_of)]  # fmt: skip
    if stated and not (target.kind is Kind.GROWTH and Note.INDEX_FROM_RATES in notes):
        known = stated[-1]
        notes.append(Note.BASE_FROM_TEXT)
        if known.comparison is not None:
            notes.append(Note.BASE_IS_BOUND)
            above = known.comparison.higher_is_better  # the base is above the value written
            notes.append(
                Note.BOUND_FLATTERS if above == target.higher_is_better else Note.BOUND_UNDERSTATES
            )
        if known.indicator_as_quoted and known.indicator_as_quoted != target.name:
            notes.append(Note.BASE_INDICATOR_DIFFERS)
        return Point(known.year, known.value, "text", known.comparison)
    after = [p for p in series if p.year > base_year]
    if after and not change:
        notes.append(Note.BASE_AFTER_BASE_YEAR)
        return after[0]
    if after:  # a cumulative change from the base year, with figures of later years only
        notes.append(Note.BASE_YEAR_NEEDED)
    return None


def _target_level(plan: Plan, target: Target, base: Point | None) -> Decimal | None:
    """T in the figures' unit: the value itself, or the level a growth or change target implies."""
    assert target.value is not None
    if target.kind in {Kind.LEVEL, Kind.RANK}:
        return target.value
    if base is None:
        return None
    if target.kind is Kind.GROWTH:
        return formulas.growth_target_level(base.value, target.value, target.deadline - base.year)
    return formulas.change_target_level(
        base.value, target.value, relative=plan.unit(target).dimension == PERCENT
    )


@dataclass(frozen=True)
class _Course:
    """Where a quantified target stands: its points, and the way from base to target."""

    base: Point | None
    latest: Point
    level: Decimal
    progress: Progress
    met: bool  # the latest figure meets the target
    base_met: bool  # ... and so did the base: no way to go, no progress to measure
    relative_change: bool  # a cumulative change in %: progress by the log method
    breached: tuple[int, ...] = ()  # an each-year target: the years whose figure failed it


def _points_of(
    plan: Plan, target: Target, figures: Figures, as_of: int | None, peers: PeerTable | None
) -> tuple[list[Point], list[Note], PeerResult | None, Point | None, Point | None]:
    """The series, its notes, the peer result, the base and the latest point to judge on."""
    series, notes = _series(plan, target, figures, as_of)
    series, peer_notes, peer_result = _peer_ranks(plan, target, peers, as_of, series, figures)
    notes += peer_notes
    base = _base(plan, target, series, notes, as_of)
    # An index chained from no rates at all is only its base year: no figures either.
    chained = Note.INDEX_FROM_RATES in notes
    source = target.series or target.id
    # (a cumulative month figure, for 时序进度, is a figure too: the hint does not ask for it)
    months = [f for f in figures.months(source) if as_of is None or f.year <= as_of]
    if (not series or chained) and not figures.annual(source, as_of=as_of) and not months:
        notes.append(Note.NO_FIGURES)
    # A target due in D is judged on the figure for D (else the first one after it): later
    # figures do not change the verdict.
    after = [p for p in series if p.year >= target.deadline]
    latest = after[0] if after else (series[-1] if series else base)
    if latest is not None and base is not None and latest.year < base.year:
        latest = base
    return series, notes, peer_result, base, latest


def _progress(target: Target, course: _Course) -> tuple[float | None, float | None, float | None]:
    """时间进度, 任务进度 and the observed annual pace since the base."""
    base, latest, level = course.base, course.latest, course.level
    if base is None:
        return None, None, None
    time_share = formulas.time_progress(base.year, latest.year, target.deadline)
    if course.base_met:
        task_share = None
    elif course.relative_change:
        task_share = formulas.log_task_progress(base.value, latest.value, level)
    else:
        task_share = formulas.task_progress(base.value, latest.value, level)
    observed = None
    if latest.year > base.year:
        years = latest.year - base.year
        observed = formulas.annual_rate(base.value, latest.value, years, course.progress)
    return time_share, task_share, observed


def _status(
    plan: Plan,
    target: Target,
    course: _Course,
    time_share: float | None,
    task_share: float | None,
    observed: float | None,
    override: Thresholds | None,
) -> tuple[Status, float | None]:
    """The status and the pace ratio R (Open SDG): achieved, missed, or R against thresholds."""
    base, latest, level = course.base, course.latest, course.level
    if course.breached:  # a year failed an each-year target: missed, whatever came after
        return Status.MISSED, None
    if course.met and latest.source == "text":  # only the text's base meets it: no figure does
        return Status.INSUFFICIENT_DATA, None
    if course.met:  # an each-year target is met only when every year to the deadline held it
        early_each_year = target.each_year and latest.year < target.deadline
        return (Status.ON_TRACK if early_each_year else Status.ACHIEVED), None
    if latest.year >= target.deadline:
        return Status.MISSED, None
    if base is None or observed is None or latest.year == base.year:
        return Status.INSUFFICIENT_DATA, None
    higher = target.higher_is_better
    if course.relative_change:
        ratio = None if task_share is None or not time_share else task_share / time_share
    else:
        years = target.deadline - base.year
        needed = formulas.annual_rate(base.value, level, years, course.progress)
        ratio = None if needed is None else formulas.pace_ratio(observed, needed, higher)
    if ratio is None:
        sign = 1 if higher else -1
        return (Status.DETERIORATION if sign * observed < 0 else Status.LIMITED_PROGRESS), None
    limits = override or plan.thresholds(target)
    return formulas.classify(ratio, limits.on_track, limits.acceleration_needed), ratio


def _projection(
    target: Target, course: _Course, observed: float | None
) -> tuple[float | None, int | None]:
    """The figure at the deadline at the pace observed, and the year that pace meets it."""
    latest = course.latest
    if target.each_year and latest.year < target.deadline:
        return None, None  # met only when every year to the deadline holds: no year meets it
    if course.met:  # (met by the text's base alone: no year of figures meets it yet)
        return None, None if latest.source == "text" else latest.year
    if observed is None:
        return None, None
    value = None
    if latest.year < target.deadline:
        value = formulas.project(
            latest.value, observed, target.deadline - latest.year, course.progress
        )
        if target.kind is Kind.RANK:  # no region ranks better than first
            value = max(1.0, value)
    year = formulas.first_year_meeting(
        latest.value, latest.year, observed, course.level, target.higher_is_better,
        course.progress,
    )  # fmt: skip
    return value, year


def _assess_quantified(
    plan: Plan,
    target: Target,
    figures: Figures,
    as_of: int | None,
    override: Thresholds | None,
    peers: PeerTable | None = None,
    *,
    now: int | None = None,
    brief: bool = False,
) -> Result:
    """A level, rank, growth or change target: its points, progress, status and projection
    (``brief``: no further than its status; see ``assess``)."""
    assert target.comparison is not None and target.value is not None
    series, notes, peer_result, base, latest = _points_of(plan, target, figures, as_of, peers)
    progress = plan.progress(target)
    level = _target_level(plan, target, base)
    if latest is None or level is None:
        # 时序进度 needs only the annual goal, which in the deadline year is the target itself.
        within = (
            None
            if level is None or brief
            else _within_year(target, figures, as_of, base, level, progress, plan)
        )
        return Result(
            target, Status.INSUFFICIENT_DATA, progress, latest=latest, base=base,
            within_year=within, peers=peer_result, series=tuple(series), notes=tuple(notes),
        )  # fmt: skip
    t, v, deadline = latest.year, latest.value, target.deadline
    course = _Course(
        base=base,
        latest=latest,
        level=level,
        progress=progress,
        met=target.comparison.holds(v, level),
        # A ceiling met in the base year (失业率5.2% against < 5.5%) has no way to go: progress
        # towards it would move away from a target already met.
        base_met=base is not None and target.comparison.holds(base.value, level),
        relative_change=target.kind is Kind.CHANGE and plan.unit(target).dimension == PERCENT,
        breached=_breached(plan, target, series, level) if target.each_year else (),
    )
    time_share, task_share, observed = _progress(target, course)
    # No pace is required once the latest figure is the deadline's, or the assessment stands
    # after the deadline, however old the latest figure is. In the deadline year itself (a month
    # figure of another target, --as-of) the growth that year must deliver on the year before's
    # figure is still the answer; from an older figure, the years between are gone.
    due = t >= deadline or (
        now is not None and (now > deadline or (now == deadline and t < deadline - 1))
    )
    required = None if course.met or due else formulas.annual_rate(v, level, deadline - t, progress)
    status, ratio = _status(plan, target, course, time_share, task_share, observed, override)
    if course.breached:
        notes.append(Note.EACH_YEAR_BREACHED)
    unseen = _unseen(plan, target, series, latest) if target.each_year else ()
    if unseen and not course.breached:  # (失业率 5.2 in 2023 alone: 2021 and 2022 unknown)
        notes.append(Note.EACH_YEAR_UNSEEN)
        if status is Status.ACHIEVED:  # held each year, but for years nobody has seen
            status = Status.INSUFFICIENT_DATA
    if brief:
        return Result(
            target, status, progress, latest=latest, base=base, target_level=level,
            time_progress=time_share, task_progress=task_share, observed_growth=observed,
            pace_ratio=ratio, series=tuple(series), notes=tuple(notes),
            met_at_base=course.base_met, breached=course.breached, unseen=unseen,
        )  # fmt: skip
    projected_value, projected_year = _projection(target, course, observed)
    ahead = None
    if base is not None and not course.base_met and t > base.year:  # no figure since the base
        ahead = formulas.years_ahead(base.value, level, base.year, deadline, v, t, progress)
    higher = target.higher_is_better
    return Result(
        target=target,
        status=status,
        progress=progress,
        early=status is Status.ACHIEVED and t < deadline,
        latest=latest,
        base=base,
        target_level=level,
        gap=_gap(plan, target, base, v, level, observed, 1 if higher else -1),
        reached_pct=(
            formulas.reached_share(v, level)
            if target.kind is Kind.LEVEL and higher and level > 0
            else None
        ),
        time_progress=time_share,
        task_progress=task_share,
        required_growth=required,
        required_from=None if required is None else t,
        required_is_stale=required is not None and now is not None and t < now,
        observed_growth=observed,
        pace_ratio=ratio,
        projected_value=projected_value,
        projected_year=projected_year,
        years_ahead=ahead,
        within_year=_within_year(target, figures, as_of, base, level, progress, plan),
        peers=peer_result,
        series=tuple(series),
        notes=tuple(notes),
        met_at_base=course.base_met,
        breached=course.breached,
        unseen=unseen,
    )


def _unseen(plan: Plan, target: Target, series: list[Point], latest: Point) -> tuple[int, ...]:
    """An each-year target's years after the base year, to its latest figure (and at most the
    deadline), that have no figure: whether it held then is not known."""
    given = {p.year for p in series}
    last = min(latest.year, target.deadline)
    return tuple(y for y in range(plan.plan.base_year + 1, last + 1) if y not in given)


def _breached(plan: Plan, target: Target, series: list[Point], level: Decimal) -> tuple[int, ...]:
    """The years after the base year, to the deadline, whose figure fails the comparison."""
    assert target.comparison is not None
    base_year = plan.plan.base_year
    return tuple(
        p.year
        for p in series
        if base_year < p.year <= target.deadline and not target.comparison.holds(p.value, level)
    )


def annual_goal(
    target: Target, year: int, base: Point | None, level: Decimal, progress: Progress
) -> Decimal | None:
    """The goal for ``year``: the target in the deadline year, the base-to-target path before."""
    if year == target.deadline:
        return level
    if base is None or not base.year < year < target.deadline:
        return None
    if progress == formulas.COMPOUND and (base.value <= 0 or level <= 0):
        return None  # no compound path starts or ends at 0
    value = formulas.path_value(base.value, level, base.year, target.deadline, year, progress)
    return Decimal(f"{value:.12g}")  # a float: its 12 significant digits, as JSON gives floats


def _within_year(
    target: Target,
    figures: Figures,
    as_of: int | None,
    base: Point | None,
    level: Decimal,
    progress: Progress,
    plan: Plan | None = None,
) -> WithinYear | None:
    """The latest cumulative month figure of a year that has no annual figure yet."""
    source = plan.target(target.series) if plan is not None and target.series else target
    months = {
        (f.year, f.month): _read(plan, source, target, f.value) if plan else f.value
        for f in figures.months(source.id)
        if f.month is not None and f.value is not None and (as_of is None or f.year <= as_of)
    }  # fmt: skip
    if not months:
        return None
    annual = {f.year: f.value for f in figures.annual(source.id) if f.value is not None}
    year, month = max(months)
    if year in annual:
        return None
    value = months[(year, month)]
    goal = annual_goal(target, year, base, level, progress)
    elapsed = target.month_share(month)
    share = float(elapsed)
    done = formulas.completion(value, goal) if goal else None
    previous = months.get((year - 1, month))
    previous_year = annual.get(year - 1)
    return WithinYear(
        year=year,
        month=month,
        value=value,
        annual_goal=goal,
        completion=done,
        time_elapsed=share,
        lead_points=None if not goal else formulas.lead_points(value, goal, elapsed),
        yoy_growth=formulas.change_on(value, previous) if previous else None,
        required_yoy_growth=(
            formulas.change_on(goal, previous_year) if goal and previous_year else None
        ),
        seasonal=target.seasonal is not None,
    )


def _gap(
    plan: Plan,
    target: Target,
    base: Point | None,
    v: Decimal,
    level: Decimal,
    observed: float | None,
    sign: int,
) -> Decimal | None:
    """Distance still to go in the target's own unit, positive while short.

    level and rank: T − v (higher is better) or v − T (lower is better), exact.
    growth: target rate − observed average rate, in percentage points.
    change: target change − change so far (% of the base, or the unit's points).
    """
    assert target.value is not None
    if target.kind in {Kind.LEVEL, Kind.RANK}:
        return sign * (level - v)
    if target.kind is Kind.GROWTH:
        if observed is None:
            return None
        return _points(sign * (target.value - Decimal(repr(observed)) * 100))
    if base is None:
        return None
    if plan.unit(target).dimension == PERCENT:
        if base.value == 0:
            return None
        done = (v / base.value - 1) * 100
    else:
        done = v - base.value
    return _points(sign * (target.value - done))


def _points(value: Decimal) -> Decimal:
    """``value`` rounded to 10 decimals, the float noise of a rate removed; a huge value (a
    growth of 1e16 %) is left whole, as rounding it would need more digits than Decimal keeps."""
    if value.adjusted() > 15:
        return value
    return round(value, 10)
