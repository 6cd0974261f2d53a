"""The lines and cells of an assessment as reports word them: tables, footnotes, 时序进度, peers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from shuangshi_cli.assess import Assessment, Note, PeerResult, Result
from shuangshi_cli.plan import Kind, Progress, Shortfall, Target
from shuangshi_cli.render.words import (
    MONTHS_EN,
    attribute_mark,
    hand_mark,
    name,
    note_text,
    percent,
    plain,
    quantity,
    status_label,
    unit_text,
    word,
)


def figure_unit(result: Result) -> str | None:
    """The unit the result's latest and base values are in."""
    target = result.target
    if target.kind in {Kind.GROWTH, Kind.CHANGE} and target.figure_unit:
        return None if Note.INDEX_FROM_RATES in result.notes else target.figure_unit
    return target.unit


def target_text(target: Target, lang: str, *, bare: bool = False) -> str:
    """The target as the plan states it: > 400亿元, ≤ 第5位, 年均 ≥ 7%, 累计 ≤ -15%, 15左右."""
    if target.kind is Kind.APPROXIMATE and target.value is not None:
        text = quantity(target.value, target.unit, lang, bare=bare)
        return f"{text}左右" if lang == "zh" else f"about {text}"
    if target.kind is Kind.RELATIVE and target.relative_to is not None:
        other = target.relative_to
        if target.relation == "in_step":
            return f"与{other}基本同步" if lang == "zh" else f"in step with {other}"
        above = target.relation == "above"
        return (f"{'高于' if above else '低于'}{other}" if lang == "zh"
                else f"{'above' if above else 'below'} {other}")  # fmt: skip
    if not target.quantified or target.value is None or target.comparison is None:
        return "—"
    symbol = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}[target.comparison.value]
    text = quantity(target.value, target.unit, lang, bare=bare)
    if target.kind is Kind.GROWTH:
        return f"{'年均' if lang == 'zh' else 'avg'} {symbol} {text}"
    if target.kind is Kind.CHANGE:
        return f"{'累计' if lang == 'zh' else 'cum.'} {symbol} {text}"
    if target.price_basis == "constant" and target.price_year is not None:
        prices = (
            f"（{target.price_year}年价格）" if lang == "zh" else f" ({target.price_year} prices)"
        )
        return f"{symbol} {text}{prices}"
    return f"{symbol} {text}"


def approximate_text(result: Result, lang: str, *, bare: bool = False) -> str:
    """15左右（14.25–15.75） / about 15 (14.25–15.75)."""
    target, band = result.target, result.band
    assert band is not None
    text = quantity(target.value, target.unit, lang, bare=bare)
    low, high = (quantity(v, target.unit, lang, bare=True) for v in (band.low, band.high))
    return f"{text}左右（{low}–{high}）" if lang == "zh" else f"about {text} ({low}–{high})"


def relative_text(result: Result, lang: str) -> str:
    """高于GDP增长 / 与GDP增长基本同步（±0.5个百分点） (en: above GDP growth, in step with …)."""
    relation = result.relative
    assert relation is not None
    if lang == "zh":
        other = relation.other_name
        if relation.relation == "in_step":
            return f"与{other}基本同步（±{plain(relation.tolerance or 0, 2)}个百分点）"
        return f"{'高于' if relation.relation == 'above' else '低于'}{other}"
    other = relation.other_name_en or relation.other_name
    if relation.relation == "in_step":
        return f"in step with {other} (±{plain(relation.tolerance or 0, 2)} pp)"
    return f"{relation.relation} {other}"


def relative_gap_text(result: Result, lang: str) -> str:
    """The average growth's lead over the other's, in percentage points: +0.3个百分点 / +0.3 pp."""
    relation = result.relative
    if relation is None or relation.difference is None:
        return "—"
    sign = "+" if relation.difference >= 0 else "-"
    return sign + quantity(abs(relation.difference), "个百分点", lang)


def band_gap_text(result: Result, lang: str, *, bare: bool = False) -> str:
    """区间内 / 低于区间0.5 / 高于区间0.5 (en: inside the band, 0.5 below it, 0.5 above it)."""
    band, gap = result.band, result.gap
    if band is None or band.side is None or gap is None:
        return "—"
    if band.side == "inside":
        return "区间内" if lang == "zh" else "inside the band"
    unit = "个百分点" if result.target.unit == "%" else result.target.unit
    amount = quantity(gap, unit, lang, bare=bare)
    if lang == "zh":
        return f"{'低于' if band.side == 'below' else '高于'}区间{amount}"
    return f"{amount} {band.side} the band"


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


def pace_text(result: Result, rate: float, lang: str) -> str:
    """A pace to be kept: 年均13.6% / 13.6% a year; linear paces already say per year."""
    text = growth_text(result, rate, lang)
    if result.progress is Progress.LINEAR:
        return text
    return f"年均{text}" if lang == "zh" else f"{text} a year"


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
        name(target, lang) + attribute_mark(target, lang),
        unit,
        latest,
        (
            approximate_text(result, lang, bare=True)
            if result.band is not None
            else relative_text(result, lang)
            if result.relative is not None
            else target_text(target, lang, bare=figure_unit(result) == target.unit)
        )
        + due,
        band_gap_text(result, lang, bare=True)
        if result.band is not None
        else relative_gap_text(result, lang)
        if result.relative is not None
        else gap_text(result, lang, bare=True),
        percent(progress_share(result)),
        growth_text(result, result.required_growth, lang) + required_from_text(result, lang),
        growth_text(result, result.observed_growth, lang),
        status_label(result, lang) + hand_mark(result, lang),
    ]


def required_from_text(result: Result, lang: str) -> str:
    """（自2015年） when the required pace starts from a figure older than the assessment."""
    if not result.required_is_stale or result.required_from is None:
        return ""
    year = result.required_from
    return f"（自{year}年）" if lang == "zh" else f" (from {year})"


def headers(lang: str) -> list[str]:
    return [word(c, lang) for c in COLUMNS]


def notes_of(assessment: Assessment, lang: str) -> list[str]:
    """Footnotes: one line per target with caveats."""
    lines = []
    for result in assessment.quantified:
        texts = [note_text(n, lang) for n in result.notes if n is not Note.NO_FIGURES]
        if result.hand_note:
            texts.append(result.hand_note)
        if texts:
            sep = "；" if lang == "zh" else "; "
            colon = "：" if lang == "zh" else ": "
            lines.append(f"{name(result.target, lang)}{colon}{sep.join(texts)}")
    return lines


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
