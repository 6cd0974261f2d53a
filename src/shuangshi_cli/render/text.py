"""Words and numbers for people: labels in Chinese and English, figures as reports write them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from shuangshi_cli.assess import Assessment, Note, PeerResult, Result
from shuangshi_cli.plan import Kind, Progress, Shortfall, Target
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

if TYPE_CHECKING:
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.scenarios import Scenario, TargetPath, WhatIf

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


def figure_unit(result: Result) -> str | None:
    """The unit the result's latest and base values are in."""
    target = result.target
    if target.kind in {Kind.GROWTH, Kind.CHANGE} and target.figure_unit:
        return None if Note.INDEX_FROM_RATES in result.notes else target.figure_unit
    return target.unit


def unit_text(unit: str | None, lang: str) -> str:
    """A unit for a unit column: 亿元 (en: 100m yuan)."""
    if unit is None:
        return "—"
    if lang == "zh":
        return unit
    known = BUILTIN_UNITS.get(unit)
    return known.en if known else unit


def target_text(target: Target, lang: str, *, bare: bool = False) -> str:
    """The target as the plan states it: > 400亿元, ≤ 第5位, 年均 ≥ 7%, 累计 ≤ -15%."""
    if not target.quantified or target.value is None or target.comparison is None:
        return "—"
    symbol = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}[target.comparison.value]
    text = quantity(target.value, target.unit, lang, bare=bare)
    if target.kind is Kind.GROWTH:
        return f"{'年均' if lang == 'zh' else 'avg'} {symbol} {text}"
    if target.kind is Kind.CHANGE:
        return f"{'累计' if lang == 'zh' else 'cum.'} {symbol} {text}"
    return f"{symbol} {text}"


def gap_text(result: Result, lang: str, *, bare: bool = False) -> str:
    """The gap in the target's unit; after the target is passed, by how much it is exceeded."""
    gap, target = result.gap, result.target
    if gap is None:
        return "—"
    unit = target.unit
    if target.kind is Kind.RANK:
        places = plain(abs(gap), 1)
        if lang == "zh":
            return f"{places}位" if gap > 0 else ("—" if gap == 0 else f"超出{places}位")
        unit = "place" if places == "1" else "places"
        return f"{places} {unit}" if gap > 0 else ("—" if gap == 0 else f"{places} {unit} ahead")
    if unit == "%":
        unit = "个百分点"  # a gap between two percentages is in percentage points
    magnitude = quantity(abs(gap), unit, lang, bare=bare)
    if gap >= 0:
        return magnitude
    return f"超出{magnitude}" if lang == "zh" else f"{magnitude} over"


def growth_text(result: Result, rate: float | None, lang: str) -> str:
    """An annual pace: a percentage when compound; the unit per year when linear."""
    if rate is None:
        return "—"
    if result.progress is not Progress.LINEAR:
        return percent(rate)
    target = result.target
    amount = plain(abs(rate), 2 if target.unit not in {"位", "%", "个百分点"} else 1)
    if target.kind is Kind.RANK:
        if lang == "zh":
            return f"每年{'前移' if rate < 0 else '后移'}{amount}位" if rate else "持平"
        places = "place" if amount == "1" else "places"
        return f"{amount} {places}/yr {'up' if rate < 0 else 'down'}" if rate else "flat"
    unit = figure_unit(result)
    if unit == "%":
        unit = "个百分点"
    sign = "+" if rate >= 0 else "-"
    per = "/年" if lang == "zh" else "/yr"
    return f"{sign}{quantity(Decimal(amount), unit, lang)}{per}"


def progress_share(result: Result) -> float | None:
    """How far along a target is: % of the target reached (levels), else the share of the task."""
    if result.reached_pct is not None:
        return result.reached_pct
    return result.task_progress


def summary_line(assessment: Assessment, lang: str) -> str:
    """量化目标4项：已实现1项，慢于预期2项…（截至2018年）."""
    quantified = assessment.quantified
    counts: dict[str, int] = {}
    for result in quantified:
        label = status_label(result, lang)
        counts[label] = counts.get(label, 0) + 1
    if lang == "zh":
        parts = "，".join(f"{label}{n}项" for label, n in counts.items())
        when = f"（截至{assessment.as_of}年）" if assessment.as_of else ""
        return f"量化目标{len(quantified)}项：{parts}{when}"
    parts = ", ".join(f"{n} {label}" for label, n in counts.items())
    when = f" (as of {assessment.as_of})" if assessment.as_of else ""
    return f"{len(quantified)} quantified targets: {parts}{when}"


def missing_line(assessment: Assessment, lang: str) -> str | None:
    """Which quantified targets have no figures, or None."""
    if not assessment.missing:
        return None
    names = [name(assessment.plan.target(i), lang) + f" ({i})" for i in assessment.missing]
    if lang == "zh":
        return (
            f"缺少数据：{'、'.join(names)}。用 --year 与 指标=数值 或 --figures 文件提供"
            "（shuangshi template 生成模板）"
        )
    return (
        f"No figures for: {', '.join(names)}. Give them as --year with ID=VALUE, or with "
        "--figures FILE (shuangshi template prints one to fill in)"
    )


COLUMNS = (
    "indicator", "unit", "latest", "target", "gap", "progress", "required", "observed", "status",
)  # fmt: skip


def latest_text(result: Result, lang: str, *, bare: bool = False) -> str:
    """The latest value in its unit; a bound from the text reads >30亿元; an index reads 108.2."""
    latest = result.latest
    if latest is None:
        return "—"
    if Note.INDEX_FROM_RATES in result.notes:
        return plain(latest.value, 1)
    value = quantity(latest.value, figure_unit(result), lang, bare=bare)
    return f"{latest.bound.value}{value}" if latest.bound is not None else value


def result_cells(result: Result, lang: str) -> list[str]:
    """The cells of one result in the order of COLUMNS, as a report prints them."""
    target = result.target
    latest = latest_text(result, lang, bare=True)
    if result.latest is not None:
        latest += f"（{result.latest.year}）" if lang == "zh" else f" ({result.latest.year})"
    due = f"（{target.deadline}）" if lang == "zh" else f" ({target.deadline})"
    if not target.quantified:
        return [name(target, lang), "—", latest, "—" + due, "—", "—", "—", "—",
                status_label(result, lang)]  # fmt: skip
    unit = unit_text(figure_unit(result), lang)
    if Note.INDEX_FROM_RATES in result.notes and result.base is not None:
        unit = f"{'指数' if lang == 'zh' else 'index'} {result.base.year}=100"
    return [
        name(target, lang),
        unit,
        latest,
        target_text(target, lang, bare=figure_unit(result) == target.unit) + due,
        gap_text(result, lang, bare=True),
        percent(progress_share(result)),
        growth_text(result, result.required_growth, lang),
        growth_text(result, result.observed_growth, lang),
        status_label(result, lang),
    ]


def headers(lang: str) -> list[str]:
    return [word(c, lang) for c in COLUMNS]


def notes_of(assessment: Assessment, lang: str) -> list[str]:
    """Footnotes: one line per target with caveats."""
    lines = []
    for result in assessment.quantified:
        texts = [note_text(n, lang) for n in result.notes if n is not Note.NO_FIGURES]
        if texts:
            sep = "；" if lang == "zh" else "; "
            colon = "：" if lang == "zh" else ": "
            lines.append(f"{name(result.target, lang)}{colon}{sep.join(texts)}")
    return lines


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def within_year_line(result: Result, lang: str) -> str | None:
    """完成年度目标的76.0%，高于时序进度1.0个百分点 — as monthly reports word it."""
    within = result.within_year
    if within is None:
        return None
    target = result.target
    zh = lang == "zh"
    value = quantity(within.value, target.unit, lang)
    months = (
        f"{within.year}年1–{within.month}月"
        if zh
        else f"{within.year} Jan–{MONTHS_EN[within.month - 1]}"
    )
    basis = (
        ("按季节性进度" if within.seasonal else "按月份均匀进度")
        if zh
        else ("seasonal profile" if within.seasonal else "share of months")
    )
    if within.completion is None or within.lead_points is None:
        head = (
            f"{name(target, lang)}：{months}累计{value}"
            if zh
            else (f"{name(target, lang)}: {months} cumulative {value}")
        )
        return head + ("（无年度目标可比）" if zh else " (no annual goal to compare with)")
    done = percent(within.completion)
    elapsed = percent(within.time_elapsed)
    rounded = Decimal(repr(abs(within.lead_points))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    points = f"{rounded:.1f}"
    if zh:
        side = (
            "与时序进度持平"
            if rounded == 0
            else (f"{'高于' if within.lead_points > 0 else '低于'}时序进度{points}个百分点")
        )
        line = (
            f"{name(target, lang)}：{months}累计{value}，完成年度目标的{done}，{side}"
            f"（时序进度{elapsed}，{basis}）"
        )
    else:
        side = (
            "level with the time elapsed"
            if rounded == 0
            else (
                f"{points} points {'ahead of' if within.lead_points > 0 else 'behind'} "
                "the time elapsed"
            )
        )
        line = (
            f"{name(target, lang)}: {months} cumulative {value}, {done} of the annual goal, "
            f"{side} ({elapsed}, {basis})"
        )
    if within.yoy_growth is not None:
        yoy = percent(within.yoy_growth)
        needed = within.required_yoy_growth
        if zh:
            line += f"；同比增长{yoy}"
            if needed is not None:
                verdict = (
                    "增幅低于目标任务" if within.yoy_growth < needed else "增幅达到目标任务要求"
                )
                line += f"，目标所需增幅{percent(needed)}，{verdict}"
        else:
            line += f"; up {yoy} year on year"
            if needed is not None:
                verdict = "below" if within.yoy_growth < needed else "at or above"
                line += f", {verdict} the {percent(needed)} the annual goal needs"
    return line


def years_ahead_text(value: float | None, lang: str) -> str:
    """+1.5 → 领先路径1.5年 / 1.5 years ahead; negative → 落后."""
    if value is None:
        return "—"
    amount = plain(Decimal(repr(abs(value))), 1)
    if amount == "0":
        return "与路径持平" if lang == "zh" else "on the path"
    if lang == "zh":
        return f"{'领先' if value > 0 else '落后'}路径{amount}年"
    return f"{amount} years {'ahead' if value > 0 else 'behind'}"


def rate_or_step(value: float, linear: bool, unit: str | None, lang: str) -> str:
    """A growth as an annual rate (7.5%) or, for linear targets, a step per year (+0.8 pp/yr)."""
    if not linear:
        return percent(value)
    if unit == "位":
        return (
            f"{'每年' if lang == 'zh' else ''}{'+' if value >= 0 else '-'}{plain(abs(value), 2)}"
            + ("位" if lang == "zh" else " places/yr")
        )
    shown = "个百分点" if unit == "%" else unit
    per = "/年" if lang == "zh" else "/yr"
    sign = "+" if value >= 0 else "-"
    return f"{sign}{quantity(Decimal(repr(abs(value))), shown, lang)}{per}"


def path_rows(path: TargetPath, lang: str) -> list[list[str]]:
    """Year, path value, figure, difference: the cells of a path table."""
    unit = figure_unit(path.result)
    rows = []
    for year in path.years:
        difference = "—"
        if year.difference is not None:
            sign = "+" if year.difference >= 0 else "-"
            amount = abs(year.difference)
            difference = sign + (
                plain(amount, 1) + ("位" if lang == "zh" else "")
                if unit == "位"
                else quantity(amount, unit, lang, bare=True)
            )
        rows.append(
            [
                str(year.year),
                quantity(year.path, unit, lang, bare=True),
                quantity(year.figure, unit, lang, bare=True),
                difference,
            ]
        )
    return rows


def path_headers(lang: str) -> list[str]:
    if lang == "zh":
        return ["年份", "路径值", "实际值", "差额"]
    return ["Year", "On the path", "Figure", "Difference"]


def path_caption(path: TargetPath, lang: str) -> str:
    """目标 > 400亿元（2019），领先路径0.3年；按年均13.6%可达."""
    result = path.result
    zh = lang == "zh"
    parts = [
        f"{name(result.target, lang)}（{unit_text(figure_unit(result), lang)}）"
        if zh
        else f"{name(result.target, lang)} ({unit_text(figure_unit(result), lang)})",
        (f"目标{target_text(result.target, lang)}（{result.target.deadline}）" if zh
         else f"target {target_text(result.target, lang)} by {result.target.deadline}"),
        years_ahead_text(result.years_ahead, lang),
    ]  # fmt: skip
    if result.required_growth is not None:
        needed = growth_text(result, result.required_growth, lang)
        per_year = "" if result.progress is Progress.LINEAR else "年均"
        parts.append(f"此后需{per_year}{needed}" if zh else f"needs {needed} a year from here")
    return ("，" if zh else "; ").join(parts)


def scenario_label(scenario: Scenario, whatif: WhatIf, lang: str) -> str:
    linear = whatif.result.progress is Progress.LINEAR
    unit = figure_unit(whatif.result)
    label = rate_or_step(scenario.assumed, linear, unit, lang)
    if whatif.deflator is not None:
        nominal = percent(scenario.growth)
        label += f"（实际，名义{nominal}）" if lang == "zh" else f" real ({nominal} nominal)"
    return label


def met_text(scenario: Scenario, whatif: WhatIf, lang: str) -> str:
    deadline = whatif.result.target.deadline
    if scenario.met_year is None:
        return "无法实现" if lang == "zh" else "never"
    on_time = scenario.met_year <= deadline
    if lang == "zh":
        return f"{scenario.met_year}年实现" + ("" if on_time else "（逾期）")
    return f"met in {scenario.met_year}" + ("" if on_time else " (late)")


def whatif_headers(whatif: WhatIf, lang: str) -> list[str]:
    years = [str(year) for year, _ in whatif.scenarios[0].values] if whatif.scenarios else []
    first = "假设年均增长" if lang == "zh" else "Assumed growth"
    return [first, *years, "实现年份" if lang == "zh" else "Meets the target"]


def whatif_rows(whatif: WhatIf, lang: str) -> list[list[str]]:
    unit = figure_unit(whatif.result)
    return [
        [scenario_label(s, whatif, lang)]
        + [quantity(value, unit, lang, bare=True) for _, value in s.values]
        + [met_text(s, whatif, lang)]
        for s in whatif.scenarios
    ]


def whatif_lines(whatif: WhatIf, lang: str) -> list[str]:
    """The plain statements: where it starts, what --by needs, what the deflator means."""
    result, zh = whatif.result, lang == "zh"
    unit = figure_unit(result)
    start = quantity(whatif.latest.value, unit, lang)
    target = (
        f"{target_text(result.target, lang)}（{result.target.deadline}）"
        if zh
        else (f"{target_text(result.target, lang)} by {result.target.deadline}")
    )
    lines = [
        f"{name(result.target, lang)}：{whatif.latest.year}年{start}，目标{target}" if zh
        else f"{name(result.target, lang)}: {start} in {whatif.latest.year}; target {target}"
    ]  # fmt: skip
    if whatif.by is not None and whatif.required is not None:
        linear = result.progress is Progress.LINEAR
        needed = rate_or_step(whatif.required, linear, unit, lang)
        if zh:
            line = f"{whatif.by}年实现需年均{needed}"
            if whatif.required_real is not None:
                line += f"（名义），扣除价格因素后实际增长{percent(whatif.required_real)}"
        else:
            line = f"Meeting it by {whatif.by} needs {needed} a year"
            if whatif.required_real is not None:
                line += f" (nominal), {percent(whatif.required_real)} in real terms"
        lines.append(line)
    if whatif.deflator is not None:
        d = percent(whatif.deflator)
        lines.append(
            f"目标按现价（名义）计；假设增速为实际（可比价）增速，按价格指数{d}折为名义增速"
            if zh
            else f"The target is nominal (current prices); assumed growth is real, turned nominal "
            f"with a {d} deflator"
        )
    return lines


def _movement(peers: PeerResult, lang: str) -> str:
    """位次变化：2016年第10位 → 2017年第9位（前移1位）…"""
    zh = lang == "zh"
    steps = []
    previous: int | None = None
    for standing in peers.standings:
        place = quantity(standing.rank, "位", lang)
        step = f"{standing.year}年{place}" if zh else f"{standing.year} {place}"
        if previous is not None and standing.rank != previous:
            moved, up = abs(previous - standing.rank), standing.rank < previous
            if zh:
                step += f"（{'前移' if up else '后移'}{moved}位）"
            else:
                step += f" ({'up' if up else 'down'} {moved})"
        steps.append(step)
        previous = standing.rank
    return ("位次变化：" if zh else "Rank: ") + " → ".join(steps)


def _ladder(result: Result, peers: PeerResult, unit: str | None, lang: str) -> str:
    """The places from the target rank to the region's own, with who holds them."""
    zh, latest, target = lang == "zh", peers.latest, result.target
    low, high = sorted((int(target.value or 0), latest.rank))
    among = ""
    if target.ranks is not None:
        among = target.ranks.among if zh else (target.ranks.among_en or target.ranks.among)
    if zh:
        title = f"{latest.year}年{among}位次（共{latest.count}个）："
    else:
        title = f"{latest.year} ladder among {among} ({latest.count}): "
    rungs = [
        f"{quantity(r.rank, '位', lang)} {r.region} {quantity(r.value, unit, lang)}"
        for r in latest.ladder
        if low <= r.rank <= high
    ]
    return title + ("；" if zh else "; ").join(rungs)


def _chase(result: Result, peers: PeerResult, unit: str | None, lang: str) -> str | None:
    """第5位为某县，差距67.9亿元；按其现有增速，到2019年需年均增长x%."""
    chase, deadline = peers.chase, result.target.deadline
    if chase.target_region is None or chase.value_gap is None or chase.value_gap <= 0:
        return None
    goal, gap = int(result.target.value or 0), quantity(chase.value_gap, unit, lang)
    needed = percent(chase.required_growth) if chase.required_growth is not None else None
    if lang == "zh":
        line = f"第{goal}位为{chase.target_region}，差距{gap}"
        if needed:
            pace = "按其现有增速" if chase.rival_growth is not None else "若其持平"
            line += f"；{pace}，到{deadline}年需年均增长{needed}"
        return line
    line = f"No. {goal} is {chase.target_region}, {gap} ahead"
    if needed:
        pace = "at its own pace" if chase.rival_growth is not None else "if it stands still"
        line += f"; catching it by {deadline} ({pace}) needs {needed} a year"
    return line


def peer_lines(result: Result, unit: str | None, lang: str) -> list[str]:
    """Rank movement, the ladder, what catching up takes, and figures the peers contradict."""
    peers = result.peers
    if peers is None:
        return []
    lines = [_movement(peers, lang), _ladder(result, peers, unit, lang)]
    chase = _chase(result, peers, unit, lang)
    if chase:
        lines.append(chase)
    for year, figure, computed in peers.disagreements:
        given = quantity(figure, "位", lang)
        if lang == "zh":
            lines.append(f"{year}年填报{given}，按同级地区计算为第{computed}位（采用计算值）")
        else:
            lines.append(f"{year}: the figure says {given}, the peer table No. {computed} (used)")
    return lines


def detail_lines(assessment: Assessment, lang: str) -> list[str]:
    """Lines that explain results beyond the table: today, the peer ladders of rank targets."""
    lines = []
    for result in assessment.quantified:
        if result.peers is not None:
            unit = assessment.plan.target(result.peers.indicator).unit
            lines += peer_lines(result, unit, lang)
    return lines


def scoreboard_headers(board: Scoreboard, lang: str) -> list[str]:
    zh = lang == "zh"
    names = [name(board.plan.target(i), lang) for i in board.indicators]
    return [
        "位次" if zh else "Rank",
        "责任单位" if zh else "Part",
        "综合得分" if zh else "Score",
        *names,
        "位次变化" if zh else "Change",
    ]


def scoreboard_rows(board: Scoreboard, lang: str) -> list[list[str]]:
    """Rank, part, overall score, each indicator's score (rank) and status, rank change."""
    zh = lang == "zh"
    rows = []
    for standing in board.standings:
        by_id = {r.target.id: r for r in standing.assessment.quantified}
        cells = []
        for indicator in board.indicators:
            result = by_id.get(indicator)
            value = standing.scores.get(indicator)
            if result is None:
                cells.append("—")
                continue
            shown = "—" if value is None else plain(Decimal(repr(value)), 1)
            rank = standing.indicator_ranks.get(indicator)
            place = f"（{rank}）" if zh and rank else (f" ({rank})" if rank else "")
            cells.append(f"{shown}{place} {status_label(result, lang)}")
        change = standing.change
        moved = "—"
        if change is not None:
            if change == 0:
                moved = "持平" if zh else "same"
            elif zh:
                moved = f"{'前移' if change > 0 else '后移'}{abs(change)}位"
            else:
                moved = f"{'up' if change > 0 else 'down'} {abs(change)}"
        part = standing.part.name if zh else (standing.part.name_en or standing.part.name)
        total = "—" if standing.overall is None else plain(Decimal(repr(standing.overall)), 1)
        rank_text = "—" if standing.rank is None else str(standing.rank)
        rows.append([rank_text, part, total, *cells, moved])
    return rows


def scoreboard_note(lang: str) -> str:
    if lang == "zh":
        return (
            "得分：已实现100；其余按进度比R（实际年均增速÷所需年均增速）×100，限0–100；"
            "未实现按任务进度；数据不足不计。综合得分为各指标得分的平均数。"
        )
    return (
        "Score: 100 when achieved; else 100 × the pace ratio R (observed ÷ required growth), "
        "clipped to 0–100; missed: the share of the task done; no data: left out. "
        "The overall score is the mean of the indicators' scores."
    )


def shortfall_line(plan_file: str, shortfall: Shortfall, lang: str) -> str:
    """A warning: the parts' targets of an additive indicator fall short of the plan's."""
    target = shortfall.target
    total = quantity(shortfall.total, target.unit, lang)
    wanted = quantity(target.value, target.unit, lang)
    short = quantity((target.value or 0) - shortfall.total, target.unit, lang)
    if lang == "zh":
        return (
            f"{plan_file}: 警告: {shortfall.parts}个责任单位的{target.name}目标合计{total}，"
            f"低于全域目标{wanted}，相差{short}"
        )
    return (
        f"{plan_file}: warning: the {shortfall.parts} parts' targets for {target.id} add up to "
        f"{total}, short of the plan's {wanted} by {short}"
    )
