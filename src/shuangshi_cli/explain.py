"""Where each number of a result comes from: its formula, the inputs put in, the result, the method.

Pure: takes a Result, its Plan and the Figures it was assessed on; the report (report/explain.py)
words it. Every formula here is the one formulas.py computes; a reviewer can redo each by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from shuangshi_cli.assess import Note
from shuangshi_cli.formulas import Progress
from shuangshi_cli.plan import Kind
from shuangshi_cli.status import Status
from shuangshi_cli.units import PERCENT

if TYPE_CHECKING:
    from shuangshi_cli.assess import Point, Result
    from shuangshi_cli.figures import Figures
    from shuangshi_cli.plan import Plan


class Method(StrEnum):
    """The published method a number follows."""

    ARITHMETIC = "arithmetic"  # a plain difference or share
    PLAN_REVIEW = "plan_review"  # 时间过半、任务过半: time and task progress of plan reviews
    EXCEL_RRI = "excel_rri"  # Excel's RRI: (fv / pv)^(1 / n) − 1
    OPEN_SDG = "open_sdg"  # the Open SDG progress method: pace ratio and its thresholds
    SICHERL = "sicherl"  # Sicherl's S-time-distance
    SHIXU = "shixu"  # 时序进度 practice of monthly reports


@dataclass(frozen=True)
class Input:
    """A number put into a formula, and where it was read."""

    symbol: str
    value: Decimal | float | int
    source: str | None = None  # a file and line, "text", "plan", "command line"
    given: str | None = None  # as written, before a unit conversion


@dataclass(frozen=True)
class Step:
    """One number of a result: ``formula`` over ``inputs`` gives ``value``."""

    key: str
    formula: str
    inputs: tuple[Input, ...]
    value: Decimal | float | int | str | None
    method: Method
    branch: str | None = None  # which case of the formula applies (compound, linear, log …)


@dataclass(frozen=True)
class Explanation:
    result: Result
    steps: tuple[Step, ...] = field(default=())


def _figure_source(figures: Figures | None, target: str, point: Point | None) -> Input | None:
    if point is None:
        return None
    if point.source == "text":
        return Input("v", point.value, "text")
    figure = None if figures is None else figures.figure(target, point.year)
    if figure is not None:
        return Input("v", point.value, str(figure.origin), figure.given)
    return Input("v", point.value)


def _chain_source(figures: Figures, target: str, first: int, last: int) -> str | None:
    """Where the rates an index is chained from stand: ``f.csv:26–29`` for lines in a row of
    one file, else each place; None without them."""
    places = [f.origin for f in figures.annual(target) if first < f.year <= last]
    if len(places) < 2:
        return None
    files = {o.file for o in places}
    lines = [o.line for o in places]
    if len(files) == 1 and all(o.sheet is None for o in places) and None not in lines:
        ordered = sorted({line for line in lines if line is not None})
        if ordered == list(range(ordered[0], ordered[-1] + 1)):  # (a wide table's row: one)
            span = f"{ordered[0]}–{ordered[-1]}" if len(ordered) > 1 else f"{ordered[0]}"
            return f"{places[0].file}:{span}"
    return ", ".join(dict.fromkeys(str(o) for o in places))


def _named(found: Input | None, symbol: str, value: Decimal | float) -> Input:
    if found is None:
        return Input(symbol, value)
    return Input(symbol, value, found.source, found.given)


def _relative_steps(plan: Plan, result: Result) -> tuple[Step, ...]:
    """A relative target: each side's average growth over the years both have, their
    difference, and the relation it is judged by (基本同步: at most the tolerance behind)."""
    relation = result.relative
    assert relation is not None
    if relation.average is None or relation.other_average is None or not relation.years:
        return ()
    file, line = plan.place(result.target.id)
    plan_source = f"{file}:{line}" if file and line else "plan"
    n = Input("n", len(relation.years), "figures")
    r, q = Input("r", relation.average), Input("q", relation.other_average)
    own, other = Decimal(1), Decimal(1)
    for year in relation.years:  # P = Π(1 + g) over the years both have
        own *= 1 + Decimal(repr(year.growth))
        other *= 1 + Decimal(repr(year.other_growth))
    average = "P^(1 / n) − 1"
    steps = [
        Step("relative_average", average, (Input("P", own, "figures"), n), relation.average,
             Method.EXCEL_RRI),
        Step("relative_other_average", average, (Input("P", other, "figures"), n),
             relation.other_average, Method.EXCEL_RRI),
        Step("relative_difference", "(r − q) × 100", (r, q), relation.difference,
             Method.ARITHMETIC),
    ]  # fmt: skip
    if relation.difference is not None:
        d = Input("d", relation.difference)
        if relation.relation == "in_step":
            tolerance = Input("k", relation.tolerance or Decimal(0), plan_source)
            formula = "d ≥ −k" if relation.holds else "d < −k"
            steps.append(Step("status", formula, (d, tolerance), result.status.value,
                              Method.ARITHMETIC))  # fmt: skip
        else:
            sign = ">" if relation.relation == "above" else "<"
            formula = f"d {sign} 0" if relation.holds else f"not d {sign} 0"
            steps.append(Step("status", formula, (d,), result.status.value, Method.ARITHMETIC))
    return tuple(steps)


_BANDS = {
    Status.ON_TRACK: "R ≥ on_track",
    Status.ACCELERATION_NEEDED: "acceleration ≤ R < on_track",
    Status.LIMITED_PROGRESS: "0 ≤ R < acceleration",
    Status.DETERIORATION: "R < 0",
}


def _status_step(
    result: Result, big_t: Input, v: Input, deadline: Input, t: Input, plan: Plan
) -> Step:
    """Which band of the Open SDG thresholds R falls in; or met / missed at the deadline."""
    target, status = result.target, result.status
    comparison = target.comparison.value if target.comparison else "?"
    wording = None if result.wording == status.value else result.wording  # as the heading says
    if target.each_year and result.breached:  # a year that failed it: missed, whatever came after
        year = result.breached[0]  # the first year that failed it, and its figure
        failed = next((p.value for p in result.series if p.year == year), Decimal(0))
        breach = (
            Input("v", failed, "figures"), big_t, Input("t0", plan.plan.base_year, "plan"),
            Input("t", year, "figures"), deadline,
        )  # fmt: skip
        formula = f"not v {comparison} T, t0 < t ≤ D"
        return Step("status", formula, breach, status.value, Method.ARITHMETIC)
    if target.each_year and status is Status.ON_TRACK:  # every year so far holds it
        formula = f"v {comparison} T each year to t, t < D"
        return Step("status", formula, (v, big_t, t, deadline), status.value, Method.ARITHMETIC)
    if status is Status.ACHIEVED:
        if result.early:  # 提前实现: met before the deadline
            formula = f"v {comparison} T, t < D"
            met = (v, big_t, t, deadline)
            return Step("status", formula, met, status.value, Method.ARITHMETIC, wording)
        return Step("status", f"v {comparison} T", (v, big_t), status.value, Method.ARITHMETIC)
    if status is Status.MISSED:
        formula = f"t ≥ D, not v {comparison} T"
        return Step("status", formula, (t, deadline, v, big_t), status.value, Method.ARITHMETIC)
    band = _BANDS.get(status)
    if band is None or result.pace_ratio is None:
        return Step("status", "—", (), status.value, Method.OPEN_SDG)
    limits = plan.thresholds(target)
    inputs = (
        Input("R", result.pace_ratio),
        Input("on_track", limits.on_track, "plan"),
        Input("acceleration", limits.acceleration_needed, "plan"),
    )
    if wording is not None:  # 快于预期: R > 1
        return Step("status", f"{band}, R > 1", inputs, status.value, Method.OPEN_SDG, wording)
    return Step("status", band, inputs, status.value, Method.OPEN_SDG)


def explain(plan: Plan, result: Result, figures: Figures | None = None) -> Explanation:
    """Every number of ``result`` with its formula, inputs and method."""
    target = result.target
    base, latest, level = result.base, result.latest, result.target_level
    if result.relative is not None:
        return Explanation(result, _relative_steps(plan, result))
    if not target.quantified or latest is None or level is None:
        return Explanation(result)
    file, line = plan.place(target.id)
    plan_source = f"{file}:{line}" if file and line else "plan"
    v = _named(_figure_source(figures, target.series or target.id, latest), "v", latest.value)
    t = Input("t", latest.year, v.source)
    if Note.INDEX_FROM_RATES in result.notes and base is not None and figures is not None:
        # an index chained from each year's rate: every rate it is the product of
        chained = _chain_source(figures, target.series or target.id, base.year, latest.year)
        v = Input("v", latest.value, chained or v.source, v.given)
    big_t = Input("T", level, plan_source)
    deadline = Input("D", target.deadline, plan_source)
    steps: list[Step] = []
    higher = target.higher_is_better
    linear = result.progress is Progress.LINEAR
    index = Note.INDEX_FROM_RATES in result.notes
    pace_method = Method.ARITHMETIC if linear else Method.EXCEL_RRI

    v0 = t0 = None
    if base is not None:
        v0 = _named(_figure_source(figures, target.series or target.id, base), "v0", base.value)
        t0 = Input("t0", base.year, v0.source)
        if index:
            v0 = Input("v0", base.value, "index")

    if target.kind is Kind.GROWTH and target.value is not None and v0 and t0:
        g = Input("g", target.value, plan_source)
        steps.append(
            Step("target_level", "v0 × (1 + g/100)^(D − t0)", (v0, g, deadline, t0), level,
                 Method.ARITHMETIC)
        )  # fmt: skip
    elif target.kind is Kind.CHANGE and base is not None and target.value is not None and v0:
        c = Input("c", target.value, plan_source)
        relative = plan.unit(target).dimension == PERCENT
        formula = "v0 × (1 + c/100)" if relative else "v0 + c"
        steps.append(Step("target_level", formula, (v0, c), level, Method.ARITHMETIC))

    if result.gap is not None and target.kind in {Kind.LEVEL, Kind.RANK}:
        formula = "T − v" if higher else "v − T"
        steps.append(Step("gap", formula, (big_t, v), result.gap, Method.ARITHMETIC))
    elif (
        result.gap is not None and target.kind is Kind.GROWTH and result.observed_growth is not None
    ):
        g = Input("g", target.value or 0, plan_source)
        r = Input("r", result.observed_growth * 100, "observed")
        formula = "g − r" if higher else "r − g"
        steps.append(Step("gap", formula, (g, r), result.gap, Method.ARITHMETIC))
    elif result.gap is not None and target.kind is Kind.CHANGE and v0 is not None:
        c = Input("c", target.value or 0, plan_source)
        relative = plan.unit(target).dimension == PERCENT
        done = "(v / v0 − 1) × 100" if relative else "(v − v0)"
        formula = f"c − {done}" if higher else f"{done} − c"
        steps.append(Step("gap", formula, (c, v, v0), result.gap, Method.ARITHMETIC))

    if result.reached_pct is not None:
        steps.append(Step("reached", "v / T", (v, big_t), result.reached_pct, Method.ARITHMETIC))
    if result.task_progress is not None and v0 is not None:
        relative = target.kind is Kind.CHANGE and plan.unit(target).dimension == PERCENT
        formula = "ln(v / v0) / ln(T / v0)" if relative else "(v − v0) / (T − v0)"
        steps.append(
            Step("task", formula, (v, v0, big_t), result.task_progress, Method.PLAN_REVIEW,
                 "log" if relative else None)
        )  # fmt: skip
    if result.time_progress is not None and t0 is not None:
        steps.append(
            Step("time", "(t − t0) / (D − t0)", (t, t0, deadline), result.time_progress,
                 Method.PLAN_REVIEW)
        )  # fmt: skip
    if result.required_growth is not None:
        formula = "(T − v) / (D − t)" if linear else "(T / v)^(1 / (D − t)) − 1"
        steps.append(
            Step("required", formula, (big_t, v, deadline, t), result.required_growth,
                 pace_method, "linear" if linear else "compound")
        )  # fmt: skip
    if result.observed_growth is not None and v0 is not None and t0 is not None:
        formula = "(v − v0) / (t − t0)" if linear else "(v / v0)^(1 / (t − t0)) − 1"
        steps.append(
            Step("observed", formula, (v, v0, t, t0), result.observed_growth, pace_method,
                 "linear" if linear else "compound")
        )  # fmt: skip
    if result.pace_ratio is not None and v0 is not None and t0 is not None:
        relative = target.kind is Kind.CHANGE and plan.unit(target).dimension == PERCENT
        if relative and result.task_progress is not None and result.time_progress is not None:
            steps.append(
                Step("ratio", "task / time",
                     (Input("task", result.task_progress), Input("time", result.time_progress)),
                     result.pace_ratio, Method.OPEN_SDG, "log")
            )  # fmt: skip
        elif result.observed_growth is not None:
            needed = "(T − v0) / (D − t0)" if linear else "(T / v0)^(1 / (D − t0)) − 1"
            sign = "" if higher else "−"
            steps.append(
                Step("ratio", f"{sign}r / |{needed}|",
                     (Input("r", result.observed_growth, "observed"), big_t, v0, deadline, t0),
                     result.pace_ratio, Method.OPEN_SDG)
            )  # fmt: skip
    steps.append(_status_step(result, big_t, v, deadline, t, plan))
    if result.projected_value is not None and result.observed_growth is not None:
        formula = "v + r × (D − t)" if linear else "v × (1 + r)^(D − t)"
        r = Input("r", result.observed_growth, "observed")
        steps.append(
            Step("projection", formula, (v, r, deadline, t), result.projected_value,
                 pace_method)
        )  # fmt: skip
    if result.years_ahead is not None and v0 is not None and t0 is not None:
        formula = (
            "t0 + (D − t0) × (v − v0) / (T − v0) − t"
            if linear
            else "t0 + (D − t0) × ln(v / v0) / ln(T / v0) − t"
        )
        steps.append(
            Step("years_ahead", formula, (t0, deadline, v, v0, big_t, t), result.years_ahead,
                 Method.SICHERL)
        )  # fmt: skip
    within = result.within_year
    if within is not None and within.completion is not None and within.annual_goal is not None:
        m = Input("m", within.month)
        cumulative = Input("c", within.value, "figures")
        goal = Input(
            "G", within.annual_goal, "target" if within.year == target.deadline else "path"
        )
        steps.append(
            Step("completion", "c / G", (cumulative, goal), within.completion, Method.SHIXU)
        )
        elapsed = "s(m)" if within.seasonal else "m / 12"
        steps.append(
            Step("elapsed", elapsed, (m,), within.time_elapsed, Method.SHIXU,
                 "seasonal" if within.seasonal else "months")
        )  # fmt: skip
        if within.lead_points is not None:
            steps.append(
                Step("lead", "(c / G − e) × 100",
                     (cumulative, goal, Input("e", within.time_elapsed)),
                     within.lead_points, Method.SHIXU)
            )  # fmt: skip
    return Explanation(result, tuple(steps))
