"""Words and numbers for people: labels in Chinese and English, figures as reports print them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from shuangshi_cli.assess import Note, Result
from shuangshi_cli.plan import Kind, Target
from shuangshi_cli.status import (
    AHEAD_EN,
    AHEAD_ZH,
    EARLY_EN,
    EARLY_ZH,
    LABELS_EN,
    LABELS_ZH,
    Status,
)
from shuangshi_cli.units import BUILTIN_UNITS

MAX_PLAIN_DIGITS = 20


WORDS: dict[str, tuple[str, str]] = {
    "indicator": ("指标", "Indicator"),
    "latest": ("最新值（年份）", "Latest (year)"),
    "year": ("年份", "Year"),
    "unit": ("单位", "Unit"),
    "target": ("目标（期限）", "Target (due)"),
    "target_value": ("目标", "Target"),
    "gap": ("差距", "Gap"),
    "progress": ("完成/进度", "Reached"),
    "required": ("所需年均增速", "Needs /yr"),
    "observed": ("实际年均增速", "Achieved /yr"),
    "status": ("状态", "Status"),
    "deadline": ("期限", "Due"),
    "kind": ("类型", "Kind"),
    "base": ("基期", "Base"),
    "source": ("原文", "Source"),
    "goals": ("定性目标", "Qualitative targets"),
    "programmes": ("主要措施（工程）", "Programmes"),
    "targets": ("量化目标", "Quantified targets"),
    "notes": ("注", "Notes"),
    "plan": ("规划", "Plan"),
    "issued": ("印发", "Issued"),
    "period": ("实施期", "Period"),
    "base_year": ("基期年", "Base year"),
    "as_of": ("截至", "As of"),
    "missing": ("缺少数据", "No figures for"),
    "within_year": ("时序进度", "Progress within the year"),
}


KINDS: dict[Kind, tuple[str, str]] = {
    Kind.LEVEL: ("总量", "level"),
    Kind.RANK: ("位次", "rank"),
    Kind.GROWTH: ("年均增速", "growth"),
    Kind.CHANGE: ("累计变化", "change"),
    Kind.QUALITATIVE: ("定性", "qualitative"),
}


NOTES: dict[Note, tuple[str, str]] = {
    Note.NO_FIGURES: ("未提供数据，仅据原文", "no figures given; from the text only"),
    Note.BASE_FROM_TEXT: ("基期值取自原文", "base value from the text"),
    Note.BASE_IS_BOUND: (
        "原文仅给出界限（如“突破”），基期值为近似",
        "the text gives only a bound (e.g. 'above'); the base is approximate",
    ),
    Note.BASE_INDICATOR_DIFFERS: (
        "原文所称指标与目标指标口径不同",
        "the text names a different indicator for the base",
    ),
    Note.BASE_AFTER_BASE_YEAR: (
        "无基期年数据，以其后首个数据为基期",
        "no base-year figure; the first later figure is the base",
    ),
    Note.INDEX_FROM_RATES: (
        "由各年增速连乘为指数（基期=100）",
        "index chained from annual growth rates (base year = 100)",
    ),
    Note.MANUAL_STATUS: ("状态为人工填报", "status given by hand"),
    Note.RANK_FROM_PEERS: ("位次按同级地区数据计算", "rank computed from the peer table"),
    Note.RANK_FIGURE_DIFFERS: (
        "填报位次与计算结果不一致，采用计算值",
        "a rank given as a figure disagrees with the peer table; the computed one is used",
    ),
}


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def word(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


def kind_label(kind: Kind, lang: str) -> str:
    zh, en = KINDS[kind]
    return zh if lang == "zh" else en


def note_text(note: Note, lang: str) -> str:
    zh, en = NOTES[note]
    return zh if lang == "zh" else en


def name(target: Target, lang: str) -> str:
    return target.name if lang == "zh" else target.name_en


def status_label(result: Result, lang: str) -> str:
    """The status in the words of a mid-term review: 提前实现 / 快于预期 refine two statuses."""
    zh = lang == "zh"
    if result.status is Status.ACHIEVED and result.early:
        return EARLY_ZH if zh else EARLY_EN
    if result.status is Status.ON_TRACK and result.pace_ratio is not None and result.pace_ratio > 1:
        return AHEAD_ZH if zh else AHEAD_EN
    return (LABELS_ZH if zh else LABELS_EN)[result.status]


def plain(value: Decimal | float, places: int = 2) -> str:
    """A number with at most ``places`` decimals, half up, trailing zeros dropped: 352.10 → 352.1"""
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not exact.is_finite():  # a projection beyond what a float holds
        return "∞" if exact > 0 else ("-∞" if exact < 0 else "—")
    if exact.adjusted() > MAX_PLAIN_DIGITS:  # no report prints such a number digit by digit
        return f"{float(exact):.4g}"
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def percent(fraction: float | None, places: int = 1) -> str:
    """0.085 → 8.5%, 0.76 → 76.0%: a fixed number of decimals, as reports print rates."""
    if fraction is None:
        return "—"
    if not abs(fraction) < 1e15:  # no rate is printed digit by digit beyond this (nor inf)
        return f"{fraction * 100:.4g}%"
    exact = (Decimal(repr(fraction)) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{abs(exact) if exact == 0 else exact:f}%"  # never "-0.0%"


def quantity(
    value: Decimal | float | None, unit: str | None, lang: str, *, bare: bool = False
) -> str:
    """A value in its unit: 352.1亿元, 58.3%, 第8位 (en: 352.1 100m yuan, 58.3%, No. 8).

    ``bare`` leaves out the unit of money and counts, for tables that have a unit column.
    """
    if value is None:
        return "—"
    if unit == "位":
        places = plain(value, 1)
        return f"第{places}位" if lang == "zh" else f"No. {places}"
    if unit in {"%", "个百分点"}:
        text = plain(value, 1)
        return f"{text}%" if unit == "%" else (f"{text}个百分点" if lang == "zh" else f"{text} pp")
    known = BUILTIN_UNITS.get(unit) if unit else None
    # Money reads to 2 decimals, as in a statistical report; 0.866 吨标准煤/万元 needs more.
    text = plain(value, 2 if known is not None and known.is_money else 4)
    if unit is None or bare:
        return text
    if lang == "zh":
        return f"{text}{unit}"
    known = BUILTIN_UNITS.get(unit)
    return f"{text} {known.en if known else unit}"


def unit_text(unit: str | None, lang: str) -> str:
    """A unit for a unit column: 亿元 (en: 100m yuan)."""
    if unit is None:
        return "—"
    if lang == "zh":
        return unit
    known = BUILTIN_UNITS.get(unit)
    return known.en if known else unit
