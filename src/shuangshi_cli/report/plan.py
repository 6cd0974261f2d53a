"""The report of ``targets``: the plan's quantified targets, its goals and its programmes."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from shuangshi_cli.messages import Lang, pick, t
from shuangshi_cli.report import (
    Block,
    Cell,
    Column,
    Quantity,
    Report,
    Table,
    Text,
    Title,
)
from shuangshi_cli.report.numbers import quantity
from shuangshi_cli.report.terms import attribute_mark, kind_label, name, target_text, title

if TYPE_CHECKING:
    from shuangshi_cli.plan import Plan, Shortfall, Target


def _baseline(plan: Plan, target: Target, lang: Lang) -> Quantity:
    """The base the text states, in the figures' unit: >30亿元（2016）."""
    known = target.baseline
    if known is None:
        return Quantity(None, None, "—")
    unit = plan.figure_unit(target)
    text = quantity(known.value, unit, lang, written=True) + t("paren", lang, text=str(known.year))
    if known.comparison is not None:
        text = known.comparison.value + text
    return Quantity(known.value, unit, text)


def build(plan: Plan, lang: Lang) -> Report:
    """Quantified targets with their base and source, then goals, then programmes."""
    blocks: list[Block] = [Title(title(plan.plan, lang))]
    quantified = plan.quantified
    if quantified:
        columns: tuple[Column, ...] = (
            Column("id", t("col.id", lang), align="left", drop=2),
            Column("indicator", t("col.indicator", lang), align="left", wrap=True),
            Column("kind", t("col.kind", lang), align="left", drop=1),
            Column("target", t("col.target_value", lang)),
            Column("deadline", t("col.deadline", lang)),
            Column("base", t("col.base", lang)),
            Column("source", t("col.source", lang), align="left", wrap=True, drop=3),
        )
        rows: list[tuple[Cell, ...]] = [
            (
                Text(target.id),
                Text(name(target, lang) + attribute_mark(target, lang)),
                Text(kind_label(target.kind, lang)),
                Quantity(target.value, plan.unit(target), target_text(plan, target, lang)),
                Text(str(target.deadline)),
                _baseline(plan, target, lang),
                Text(target.source or ""),
            )
            for target in quantified
        ]
        blocks.append(Table(columns, tuple(rows), t("section.targets", lang), key="targets"))
    goals = [target for target in plan.targets if not target.quantified]
    if goals:
        columns = (
            Column("id", t("col.id", lang), align="left", drop=2),
            Column("indicator", t("col.indicator", lang), align="left", wrap=True),
            Column("deadline", t("col.deadline", lang)),
            Column("source", t("col.source", lang), align="left", wrap=True, drop=1),
        )
        rows = [
            (Text(g.id), Text(name(g, lang)), Text(str(g.deadline)), Text(g.source or ""))
            for g in goals
        ]
        blocks.append(Table(columns, tuple(rows), t("section.goals", lang), key="goals"))
    if plan.programmes:
        columns = (
            Column("id", t("col.id", lang), align="left"),
            Column("indicator", t("section.programmes", lang), align="left", wrap=True),
        )
        rows = [(Text(p.id), Text(pick((p.name, p.name_en or ""), lang))) for p in plan.programmes]
        blocks.append(Table(columns, tuple(rows), t("section.programmes", lang), key="programmes"))
    return Report(tuple(blocks))


def shortfall_line(plan: Plan, plan_file: str, shortfall: Shortfall, lang: Lang) -> str:
    """A warning: the parts' targets of an additive indicator fall short of the plan's."""
    target = shortfall.target
    unit = plan.unit(target)
    wanted = target.value or Decimal(0)
    return t(
        "validate.shortfall", lang, file=plan_file, parts=shortfall.parts, name=target.name,
        id=target.id, total=quantity(shortfall.total, unit, lang),
        wanted=quantity(wanted, unit, lang), short=quantity(wanted - shortfall.total, unit, lang),
    )  # fmt: skip
