"""The reports of ``path`` (year by year, with a chart) and ``whatif`` (assumed growth)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from shuangshi_cli.formulas import Progress
from shuangshi_cli.messages import Lang, t
from shuangshi_cli.report import (
    Block,
    Cell,
    Chart,
    ChartBar,
    Column,
    Figure,
    Line,
    Lines,
    Points,
    Quantity,
    Rate,
    Report,
    Table,
    Text,
    Title,
    Tone,
)
from shuangshi_cli.report.numbers import exact, percent, plain, quantity, unit_name
from shuangshi_cli.report.terms import (
    difference_unit,
    figure_unit,
    growth_text,
    name,
    pace_text,
    target_text,
    title,
)
from shuangshi_cli.units import RANK

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.plan import Plan
    from shuangshi_cli.scenarios import Scenario, TargetPath, WhatIf


def years_ahead_text(value: float | None, lang: Lang) -> str:
    """+1.5 → 领先路径1.5年 / 1.5 years ahead; negative → 落后."""
    if value is None:
        return "—"
    amount = plain(exact(abs(value)), 1)
    if amount == "0":
        return t("path.on", lang)
    return t("path.ahead" if value > 0 else "path.behind", lang, years=amount)


def _caption(plan: Plan, path: TargetPath, lang: Lang) -> str:
    """地区生产总值（亿元），目标 > 400亿元（2019），领先路径0.3年，此后需年均13.6%."""
    result = path.result
    parts = [
        t("path.caption.name", lang, name=name(result.target, lang),
          unit=unit_name(figure_unit(plan, result), lang)),
        t("path.caption.target", lang, target=target_text(plan, result.target, lang),
          deadline=result.target.deadline),
    ]  # fmt: skip
    if path.met_at_base:
        parts.append(t("path.met_at_base", lang))
    elif result.years_ahead is not None:  # a sentence leaves out what it cannot say, not "—"
        parts.append(years_ahead_text(result.years_ahead, lang))
    if result.required_growth is not None:
        pace = pace_text(plan, result, result.required_growth, lang)
        parts.append(t("path.caption.needs", lang, pace=pace))
    return t("sep.clause", lang).join(parts)


def _difference(value: float | None, unit: object, lang: Lang) -> Points:
    """How far the figure stands ahead of the path (+) or behind it (−), in the unit."""
    if value is None:
        return Points(None, "—")
    if plain(abs(value), 2) == "0":
        return Points(0.0, "0")
    sign = "+" if value >= 0 else "−"
    shown = difference_unit(unit)  # type: ignore[arg-type]
    if shown is not None and shown.dimension == RANK:
        text = t("places" if plain(abs(value), 1) != "1" else "place", lang, n=plain(abs(value), 1))
    else:
        text = quantity(abs(value), shown, lang, bare=True)
    return Points(value, sign + text)


def _path_figure(plan: Plan, path: TargetPath, lang: Lang) -> Figure:
    unit = figure_unit(plan, path.result)
    direction = 1 if path.result.target.higher_is_better else -1  # a rank is ahead when lower
    columns = (
        Column("year", t("col.year", lang), align="left"),
        Column("path", t("col.path", lang), t("col.path.short", lang)),
        Column("figure", t("col.figure", lang)),
        Column("difference", t("col.ahead", lang), t("col.ahead.short", lang)),
    )
    rows: list[tuple[Cell, ...]] = [
        (
            Text(str(year.year)),
            Quantity(year.path, unit, quantity(year.path, unit, lang, bare=True)),
            Quantity(year.figure, unit, quantity(year.figure, unit, lang, bare=True, written=True)),
            _difference(
                None if year.difference is None else year.difference * direction, unit, lang
            ),
        )
        for year in path.years
    ]
    rank = unit is not None and unit.dimension == RANK
    chart = Chart(
        tuple(
            ChartBar(y.year, None if y.figure is None else float(y.figure), y.path, y.ahead)
            for y in path.years
        ),
        t("path.legend.ahead", lang),
        t("path.legend.behind", lang),
        t("path.legend.tick", lang),
        rank=rank,
        lower=not rank and not path.result.target.higher_is_better,
    )
    table = Table(columns, tuple(rows), key="path")
    return Figure(_caption(plan, path, lang), table, chart, key=path.result.target.id)


def build_path(assessment: Assessment, paths: list[TargetPath], lang: Lang) -> Report:
    """One figure per target: the path table and its chart."""
    plan = assessment.plan
    blocks: list[Block] = [Title(title(plan.plan, lang))]
    blocks += [_path_figure(plan, p, lang) for p in paths]
    if not paths:
        blocks.append(Lines((Line(t("path.none", lang), Tone.DIM),)))
    return Report(tuple(blocks))


def _scenario_label(plan: Plan, scenario: Scenario, whatif: WhatIf, lang: Lang) -> str:
    label = growth_text(plan, whatif.result, scenario.assumed, lang)
    if whatif.deflator is not None:
        return t("whatif.real", lang, label=label, nominal=percent(scenario.growth))
    return label


def _met_text(scenario: Scenario, whatif: WhatIf, lang: Lang) -> str:
    if scenario.met_year is None:
        return t("whatif.never", lang)
    late = scenario.met_year > whatif.result.target.deadline
    return t("whatif.met.late" if late else "whatif.met", lang, year=scenario.met_year)


def _whatif_lines(plan: Plan, whatif: WhatIf, lang: Lang) -> list[Line]:
    result = whatif.result
    unit = figure_unit(plan, result)
    lines = [
        t("whatif.start", lang, name=name(result.target, lang), year=whatif.latest.year,
          value=quantity(whatif.latest.value, unit, lang, written=True),
          target=target_text(plan, result.target, lang), deadline=result.target.deadline)
    ]  # fmt: skip
    if whatif.by is not None and whatif.met:  # no pace "needed" to reach what it already is
        lines.append(t("whatif.by.met", lang, year=whatif.latest.year, by=whatif.by))
    elif whatif.by is not None and whatif.required is not None:
        pace = pace_text(plan, result, whatif.required, lang)
        if whatif.required_real is not None:
            real = percent(whatif.required_real)
            lines.append(t("whatif.by.real", lang, year=whatif.by, pace=pace, real=real))
        else:
            lines.append(t("whatif.by", lang, year=whatif.by, pace=pace))
    if whatif.deflator is not None:
        lines.append(t("whatif.deflator", lang, deflator=percent(whatif.deflator)))
    return [Line(text) for text in lines]


def build_whatif(whatif: WhatIf, lang: Lang) -> Report:
    """The statements, then a row per scenario with the figure each year and the year it meets."""
    plan = whatif.plan
    blocks: list[Block] = [
        Title(title(plan.plan, lang)),
        Lines(tuple(_whatif_lines(plan, whatif, lang))),
    ]
    if whatif.scenarios:
        unit = figure_unit(plan, whatif.result)
        years = [year for year, _ in whatif.scenarios[0].values]
        columns = (
            Column("assumed", t("col.assumed", lang), align="left"),
            *(Column(f"y{year}", str(year)) for year in years),
            Column("meets", t("col.meets", lang)),
        )
        deadline = whatif.result.target.deadline
        rows: tuple[tuple[Cell, ...], ...] = tuple(
            (
                (Rate if whatif.result.progress is not Progress.LINEAR else Points)(
                    s.assumed, _scenario_label(plan, s, whatif, lang)
                ),
                *(Quantity(v, unit, quantity(v, unit, lang, bare=True)) for _, v in s.values),
                Text(_met_text(s, whatif, lang), Tone.GOOD if s.met_by(deadline) else Tone.WARN),
            )
            for s in whatif.scenarios
        )
        blocks.append(Table(columns, rows, key="whatif", name=t("section.whatif", lang)))
    return Report(tuple(blocks))
