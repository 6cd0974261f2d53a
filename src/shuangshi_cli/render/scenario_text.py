"""The lines and cells of paths, what-if scenarios and the scoreboard, as reports word them."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from shuangshi_cli.render.text import (
    figure_unit,
    growth_text,
    pace_text,
    target_text,
)
from shuangshi_cli.render.words import (
    name,
    percent,
    plain,
    quantity,
    status_label,
    unit_text,
)

if TYPE_CHECKING:
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.scenarios import Scenario, TargetPath, WhatIf


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
    if path.met_at_base:
        parts[-1] = "基期已达到目标" if zh else "met in the base year"
    if result.required_growth is not None:
        needed = pace_text(result, result.required_growth, lang)
        parts.append(f"此后需{needed}" if zh else f"needs {needed} from here")
    return ("，" if zh else "; ").join(parts)


def scenario_label(scenario: Scenario, whatif: WhatIf, lang: str) -> str:
    label = growth_text(whatif.result, scenario.assumed, lang)
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
        needed = pace_text(result, whatif.required, lang)
        if zh:
            line = f"{whatif.by}年实现需{needed}"
            if whatif.required_real is not None:
                line += f"（名义），扣除价格因素后实际增长{percent(whatif.required_real)}"
        else:
            line = f"Meeting it by {whatif.by} needs {needed}"
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
