"""The terms of a result as a report words them: target, gap, pace, status, notes — by key.

Every function takes the language and looks its words up in the catalogue (messages.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from shuangshi_cli.assess import Note
from shuangshi_cli.formulas import Progress
from shuangshi_cli.messages import Lang, pick, t
from shuangshi_cli.plan import Kind
from shuangshi_cli.report.numbers import exact, percent, plain, quantity
from shuangshi_cli.units import BUILTIN_UNITS, PERCENT, POINTS, RANK

if TYPE_CHECKING:
    from shuangshi_cli.assess import Result
    from shuangshi_cli.plan import Header, Plan, Target
    from shuangshi_cli.units import Unit

SYMBOLS = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}
_POINTS = BUILTIN_UNITS.get("个百分点")
assert _POINTS is not None
POINTS_UNIT: Unit = _POINTS


def name(target: Target, lang: Lang) -> str:
    return pick((target.name, target.name_en or ""), lang)


def attribute_mark(target: Target, lang: Lang) -> str:
    """（约束性） / (binding) after a target's name, when the plan states its 属性."""
    if target.binding is None:
        return ""
    return t("attribute.binding" if target.binding else "attribute.expected", lang)


def hand_label(result: Result, lang: Lang) -> str | None:
    """The verdict given by hand, in words; None when there is none."""
    if result.hand_status is None:
        return None
    return t(f"status.{result.hand_status.value}", lang)


def verdict_label(result: Result, lang: Lang) -> str:
    """The status a check judges: a verdict given by hand where there is one, else computed."""
    return hand_label(result, lang) or status_label(result, lang)


def hand_mark(result: Result, lang: Lang) -> str:
    """（人工判定：已实现） / (by hand: achieved) after the computed status."""
    label = hand_label(result, lang)
    return "" if label is None else t("hand.mark", lang, label=label)


def required_from_text(result: Result, lang: Lang) -> str:
    """（自2015年） when the required pace starts from a figure older than the assessment."""
    if not result.required_is_stale or result.required_from is None:
        return ""
    return t("required.from", lang, year=result.required_from)


def title(header: Header, lang: Lang) -> str:
    """《title》 issuer date / title — issuer, date."""
    return t(
        "title.plan" if header.issued else "title.plan.undated",
        lang,
        title=pick((header.title, header.title_en or ""), lang),
        issuer=pick((header.issuer, header.issuer_en or ""), lang),
        issued=header.issued.isoformat() if header.issued else "",
    ).strip()


def status_label(result: Result, lang: Lang) -> str:
    """The status in the words of a mid-term review: 提前实现 / 快于预期 refine two statuses."""
    return t(f"status.{result.wording}", lang)


def kind_label(kind: Kind, lang: Lang) -> str:
    return t(f"kind.{kind.value}", lang)


def note_text(note: Note, lang: Lang) -> str:
    return t(f"note.{note.value}", lang)


def figure_unit(plan: Plan, result: Result) -> Unit | None:
    """The unit of the result's latest and base values (None for an index chained from rates)."""
    if Note.INDEX_FROM_RATES in result.notes:
        return None
    return plan.figure_unit(result.target)


def difference_unit(unit: Unit | None) -> Unit | None:
    """A difference of two percentages is in percentage points."""
    if unit is not None and unit.dimension == PERCENT:
        return POINTS_UNIT
    return unit


_FALLS = {"<=": ">=", "<": ">"}  # a change at most -13.5% is a fall of at least 13.5%


def target_text(plan: Plan, target: Target, lang: Lang, *, bare: bool = False) -> str:
    """The target as the plan states it: > 400亿元, ≤ 第5位, 年均 ≥ 7%, 累计 ≤ -15%, 15左右,
    高于GDP增长, > 420（2020年价格）."""
    if target.kind is Kind.APPROXIMATE and target.value is not None:
        value = quantity(target.value, plan.unit(target), lang, bare=bare)
        return t("target.approximate", lang, value=value)
    if target.kind is Kind.RELATIVE and target.relative_to is not None:
        other = plan.target(target.relative_to) if plan.resolve(target.relative_to) else None
        shown = name(other, lang) if other is not None else target.relative_to
        return t(f"target.{target.relation}", lang, other=shown)
    if not target.quantified or target.value is None or target.comparison is None:
        return "—"
    comparison, number = target.comparison.value, target.value
    key = {Kind.GROWTH: "target.growth", Kind.CHANGE: "target.change"}.get(
        target.kind, "target.level"
    )
    if target.kind is Kind.CHANGE and number < 0 and comparison in _FALLS:
        # 累计下降≥13.5%, not 累计≤-13.5%: a fall of at least, as the plan's words say it
        key, comparison, number = "target.change.fall", _FALLS[comparison], -number
    value = quantity(number, plan.unit(target), lang, bare=bare)
    text = t(key, lang, symbol=SYMBOLS[comparison], value=value)
    if target.price_basis == "constant" and target.price_year is not None:
        return t("target.prices", lang, text=text, year=target.price_year)
    return text


def result_target_text(plan: Plan, result: Result, lang: Lang, *, bare: bool = False) -> str:
    """The target of a result: a 左右 target with its band, a relative one with its tolerance."""
    target, band, relation = result.target, result.band, result.relative
    if band is not None:
        unit = plan.unit(target)
        return t(
            "target.approximate.band", lang, value=quantity(target.value, unit, lang, bare=bare),
            low=quantity(band.low, unit, lang, bare=True),
            high=quantity(band.high, unit, lang, bare=True),
        )  # fmt: skip
    if relation is not None:
        other = pick((relation.other_name, relation.other_name_en or ""), lang)
        if relation.relation == "in_step":
            tolerance = plain(relation.tolerance or 0, 2)
            return t("target.in_step.tolerance", lang, other=other, tolerance=tolerance)
        return t(f"target.{relation.relation}", lang, other=other)
    return target_text(plan, target, lang, bare=bare)


def gap_text(plan: Plan, result: Result, lang: Lang, *, bare: bool = False) -> str:
    """The gap in the target's unit; after the target is passed, by how much it is exceeded.

    A 左右 target: inside the band, or how far below or above it; a relative target: the average
    growth's lead over the other's, in percentage points.
    """
    gap, target = result.gap, result.target
    if result.band is not None:
        band = result.band
        if band.side is None or gap is None:
            return "—"
        if band.side == "inside":
            return t("band.inside", lang)
        amount = quantity(gap, difference_unit(plan.unit(target)), lang, bare=bare)
        return t(f"band.{band.side}", lang, amount=amount)
    if result.relative is not None:
        difference = result.relative.difference
        if difference is None:
            return "—"
        amount = plain(abs(exact(difference)), 2)
        sign = "" if amount == "0" else ("+" if difference >= 0 else "-")
        return sign + t("points", lang, n=amount)
    if gap is None:
        return "—"
    if target.kind is Kind.RANK:
        places = plain(abs(gap), 1)
        if gap == 0:
            return "—"
        one = places == "1"
        key = ("place" if one else "places") + ("" if gap > 0 else ".ahead")
        return t(key, lang, n=places)
    unit = difference_unit(plan.unit(target))
    magnitude = quantity(abs(gap), unit, lang, bare=bare)
    if gap >= 0:
        return magnitude
    # passed: above a floor (超出), below a ceiling (失业率5.2% against < 5.5%: 低于目标), a
    # fall beyond the one asked (下降19.21% against 累计下降18%: 超额1.21个百分点)
    if target.higher_is_better:
        return t("over", lang, amount=magnitude)
    return t("beyond" if target.kind is Kind.CHANGE else "under", lang, amount=magnitude)


def growth_text(plan: Plan, result: Result, rate: float | None, lang: Lang) -> str:
    """An annual pace: a percentage when compound; the unit per year when linear."""
    if rate is None:
        return "—"
    target = result.target
    if result.progress is not Progress.LINEAR:
        # a growth target's goal in %: a pace just short of it is not shown as it
        growth = target.kind is Kind.GROWTH and plan.unit(target).dimension == PERCENT
        goal = target.value if growth else None
        return percent(rate, apart_from=goal)
    unit = figure_unit(plan, result)
    if target.kind is Kind.RANK or (unit is not None and unit.dimension == RANK):
        if not rate:
            return t("rank.flat", lang)
        amount = plain(abs(exact(rate)), 1)
        key = "rank.up_per_year" if rate < 0 else "rank.down_per_year"
        return t(key + (".one" if amount == "1" else ""), lang, n=amount)
    shown = difference_unit(unit)
    # a pace of two decimals, as points are (+0.27岁/年, not the +0.2675 of four years' mean)
    rounded = plain(abs(exact(rate)), 2)
    sign = "" if rounded == "0" else ("+" if rate >= 0 else "-")
    finite = rounded not in {"∞", "-∞", "—"}
    amount = quantity(Decimal(rounded) if finite else abs(exact(rate)), shown, lang)
    if shown is not None and shown.dimension == POINTS:
        amount = t("points", lang, n=rounded)
    return t("per_year", lang, amount=sign + amount)


def pace_text(plan: Plan, result: Result, rate: float, lang: Lang) -> str:
    """A pace to be kept: 年均13.6% / 13.6% a year; linear paces already say per year."""
    text = growth_text(plan, result, rate, lang)
    if result.progress is Progress.LINEAR:
        return text
    return t("pace.avg", lang, rate=text)


def latest_text(plan: Plan, result: Result, lang: Lang, *, bare: bool = False) -> str:
    """The latest value in its unit; a bound from the text reads >30亿元; an index reads 108.2."""
    latest = result.latest
    if latest is None:
        return "—"
    value = quantity(latest.value, figure_unit(plan, result), lang, bare=bare, written=True)
    return f"{latest.bound.value}{value}" if latest.bound is not None else value


def with_year(text: str, year: int, lang: Lang) -> str:
    """352.1（2018） / 352.1 (2018)."""
    return text + t("paren", lang, text=str(year))


def names_list(items: list[str], lang: Lang) -> str:
    return t("sep.names", lang).join(items)
