"""The report of ``explain``: each number of one target's row, its formula with the inputs put in,
the result, and the method it follows."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from shuangshi_cli.messages import Lang, t
from shuangshi_cli.report import (
    Block,
    Cell,
    Column,
    Heading,
    Line,
    Lines,
    Notes,
    Report,
    Table,
    Text,
    Title,
)
from shuangshi_cli.report.numbers import percent, plain
from shuangshi_cli.report.terms import name, status_label, target_text, title

if TYPE_CHECKING:
    from shuangshi_cli.explain import Explanation, Input, Step
    from shuangshi_cli.plan import Plan

RATES = {"reached", "task", "time", "required", "observed", "completion", "elapsed",
         "relative_average", "relative_other_average"}  # fmt: skip
_SYMBOL = re.compile(
    r"(?<![A-Za-z_/])(on_track|acceleration|task|time|v0|t0|v|t|T|D|g|r|q|c|G|m|e|n|d|k|P|R)"
    r"(?![A-Za-z_0-9(])"
)
SOURCES = {"plan", "text", "observed", "figures", "index", "path", "target"}


def number_text(value: Decimal | float | int) -> str:
    """An input as the formula takes it: up to 8 decimals, nothing rounded away that matters,
    a minus as the formulas write it (−)."""
    return plain(value, 8).replace("-", "−")


def formula_text(step: Step, lang: Lang) -> str:
    """The formula, its threshold names in ``lang`` (R ≥ 符合预期阈值)."""
    return step.formula.replace("acceleration", t("explain.acceleration", lang)).replace(
        "on_track", t("explain.on_track", lang)
    )


def substituted(step: Step) -> str:
    """The formula with each symbol replaced by the number put in."""
    values = {
        i.symbol: f"({number_text(i.value)})" if i.value < 0 else number_text(i.value)
        for i in step.inputs
    }
    return _SYMBOL.sub(lambda m: values.get(m.group(1), m.group(1)), step.formula)


def value_text(step: Step, lang: Lang) -> str:
    value = step.value
    if value is None:
        return "—"
    if isinstance(value, str):  # a status: in the heading's words (快于预期 …), its branch
        return t(f"status.{step.branch if step.key == 'status' and step.branch else value}", lang)
    if step.key in RATES and step.branch != "linear":
        return percent(float(value), 2)
    if step.key == "ratio":
        return f"{float(value):.4f}".replace("-", "−")
    if step.key in {"lead", "relative_difference"}:
        return t("points", lang, n=plain(Decimal(repr(float(value))), 2))
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return plain(exact, 4).replace("-", "−")


def input_text(item: Input, lang: Lang) -> str:
    text = f"{item.symbol} = {number_text(item.value)}"
    source = item.source
    if source in SOURCES:
        source = t(f"source.{source}", lang)
    details = [d for d in (item.given and t("explain.given", lang, given=item.given),
                           source) if d]  # fmt: skip
    return text + (t("paren", lang, text=t("sep.names", lang).join(details)) if details else "")


def step_record(step: Step, lang: Lang) -> dict[str, Any]:
    from shuangshi_cli.report.records import number

    value: Any = step.value if isinstance(step.value, str) else number(step.value)
    return {
        "key": step.key,
        "label": t(f"explain.{step.key}", lang),
        "formula": step.formula,
        "substituted": substituted(step),
        "inputs": [
            {"symbol": i.symbol, "value": number(i.value), "source": i.source, "given": i.given}
            for i in step.inputs
        ],
        "value": value,
        "value_text": value_text(step, lang),
        "branch": step.branch,
        "method": step.method.value,
        "method_source": t(f"method.{step.method.value}", lang),
    }


def explain_record(plan: Plan, explanation: Explanation, lang: Lang) -> dict[str, Any]:
    from shuangshi_cli.report.records import header

    result = explanation.result
    return {
        "plan": header(plan),
        "id": result.target.id,
        "name": result.target.name,
        "name_en": result.target.name_en,
        "status": result.status.value,
        "status_label": status_label(result, lang),
        "steps": [step_record(s, lang) for s in explanation.steps],
    }


def build(plan: Plan, explanation: Explanation, lang: Lang) -> Report:
    result = explanation.result
    target = result.target
    heading = t(
        "explain.heading", lang, name=name(target, lang), id=target.id,
        target=target_text(plan, target, lang), deadline=target.deadline,
        status=status_label(result, lang),
    )  # fmt: skip
    columns = (
        Column("item", t("explain.col.item", lang), align="left", title=True, wrap=True),
        Column("formula", t("explain.col.formula", lang), align="left", wrap=True),
        Column("substituted", t("explain.col.substituted", lang), align="left", wrap=True, drop=1),
        Column("value", t("explain.col.value", lang)),
        Column("method", t("explain.col.method", lang), align="left", drop=2),
    )
    rows: list[tuple[Cell, ...]] = [
        (
            Text(t(f"explain.{s.key}", lang)),
            Text(formula_text(s, lang)),
            Text(substituted(s)),
            Text(value_text(s, lang)),
            Text(t(f"method.{s.method.value}.short", lang)),
        )
        for s in explanation.steps
    ]
    seen: dict[str, Input] = {}
    for step in explanation.steps:
        for item in step.inputs:
            if item.symbol in {"v", "v0", "t", "t0", "T", "D", "g", "c", "G", "m"}:
                seen.setdefault(item.symbol, item)
    inputs = tuple(Line(input_text(i, lang)) for i in seen.values())
    methods = dict.fromkeys(s.method for s in explanation.steps)
    blocks: list[Block] = [Title(title(plan.plan, lang)), Heading(heading)]
    if not explanation.steps:
        blocks.append(Lines((Line(t("explain.nothing", lang)),)))
        return Report(tuple(blocks))
    blocks += [
        Lines(inputs, t("explain.inputs", lang)),
        Table(columns, tuple(rows), key="explain"),
        Notes(tuple(t(f"method.{m.value}", lang) for m in methods), t("explain.methods", lang)),
    ]
    return Report(tuple(blocks))
