"""Every sentence a user reads, keyed, with its Chinese and English side by side.

Code asks for a message by key (``t("gap.heading", lang)``) and never branches on the language.
Errors raised in the core carry a :class:`Msg` (a key or an English text with its arguments),
worded in the user's language only when it is printed, as gettext's lazy ``_()`` does.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Lang(StrEnum):
    """The language of everything a user reads."""

    ZH = "zh"
    EN = "en"

    @classmethod
    def parse(cls, text: str) -> Lang | None:
        """zh, zh_CN, 中文, cn → ZH; en, en_US, english → EN; anything else None."""
        value = text.strip().lower().replace("-", "_")
        if value in {"zh", "cn", "chinese", "中文"} or value.startswith("zh_"):
            return cls.ZH
        if value in {"en", "english"} or value.startswith("en_"):
            return cls.EN
        return None

    @classmethod
    def from_environment(cls) -> Lang:
        """Chinese when the locale is Chinese (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English."""
        for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
            value = os.environ.get(variable, "")
            if value:
                return cls.ZH if value.lower().startswith("zh") else cls.EN
        return cls.EN


@dataclass(frozen=True)
class Msg:
    """A message to be worded later: a catalogue key or an English text, with its arguments.

    ``str(msg)`` is the English text. An English text that is not a key is translated when the
    catalogue has it (the gettext way: the English text is its own id).
    """

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        return t(self.key, lang, **self.args)

    def __str__(self) -> str:
        return self.text(Lang.EN)


def msg(key: str, /, **args: Any) -> Msg:
    """A :class:`Msg` for ``key`` with ``args``."""
    return Msg(key, args)


def t(key: str, lang: Lang | str, /, **args: Any) -> str:
    """The message ``key`` in ``lang``, formatted with ``args``.

    A key the catalogue lacks is taken as English text (an untranslated message), formatted.
    Arguments that are Msgs are worded in the same language.
    """
    worded = {k: v.text(Lang(lang)) if isinstance(v, Msg) else v for k, v in args.items()}
    entry = CATALOGUE.get(key)
    if entry is None and lang == Lang.ZH:
        entry = _BY_ENGLISH.get(key)
    template = key if entry is None else (entry[0] if lang == Lang.ZH else entry[1])
    text = template
    if worded:
        try:
            text = template.format(**worded)
        except (KeyError, IndexError, ValueError):  # an English text with braces of its own
            text = template
    if entry is None and lang == Lang.ZH:  # an English sentence: a template may know it
        return translate(text, lang)
    return text


def pick(pair: tuple[str, str], lang: Lang | str) -> str:
    """The Chinese or English one of a (zh, en) pair of the plan's own texts (names, titles)."""
    return pair[0] if lang == Lang.ZH or not pair[1] else pair[1]


# fmt: off
CATALOGUE: dict[str, tuple[str, str]] = {
    # -- punctuation and number words -----------------------------------------------------------
    "sep.list": ("；", "; "),
    "sep.names": ("、", ", "),
    "sep.clause": ("，", ", "),
    "colon": ("：", ": "),
    "paren": ("（{text}）", " ({text})"),
    "quantity": ("{value}{unit}", "{value} {unit}"),
    "rank": ("第{n}位", "No. {n}"),
    "points": ("{n}个百分点", "{n} pp"),
    "places": ("{n}位", "{n} places"),
    "place": ("{n}位", "{n} place"),
    "places.ahead": ("超出{n}位", "{n} places ahead"),
    "place.ahead": ("超出{n}位", "{n} place ahead"),
    "over": ("超出{amount}", "{amount} over"),
    "under": ("低于目标{amount}", "{amount} under"),
    "beyond": ("超额{amount}", "{amount} beyond"),
    "per_year": ("{amount}/年", "{amount}/yr"),
    "rank.up_per_year": ("每年前移{n}位", "{n} places/yr up"),
    "rank.down_per_year": ("每年后移{n}位", "{n} places/yr down"),
    "rank.up_per_year.one": ("每年前移{n}位", "{n} place/yr up"),
    "rank.down_per_year.one": ("每年后移{n}位", "{n} place/yr down"),
    "rank.flat": ("持平", "flat"),
    "pace.avg": ("年均{rate}", "{rate} a year"),
    "target.growth": ("年均{symbol}{value}", "avg {symbol} {value}"),
    "target.change": ("累计{symbol}{value}", "cum. {symbol} {value}"),
    "target.change.fall": ("累计下降{symbol}{value}", "cum. fall {symbol} {value}"),
    "target.level": ("{symbol}{value}", "{symbol} {value}"),
    "year.in": ("{year}年", "{year}"),
    "index.unit": ("指数 {year}=100", "index {year}=100"),
    "none": ("—", "—"),
    # -- table headings (long, then short for narrow terminals) --------------------------------
    "col.indicator": ("指标", "Indicator"),
    "col.unit": ("单位", "Unit"),
    "col.latest": ("最新值（年份）", "Latest (year)"),
    "col.latest.short": ("最新值", "Latest"),
    "col.target": ("目标（期限）", "Target (due)"),
    "col.target.short": ("目标", "Target"),
    "col.gap": ("差距", "Gap"),
    "col.reached": ("完成率", "Reached"),
    "col.task": ("任务进度", "Task done"),
    "col.task.short": ("进度", "Done"),
    "col.required": ("所需年均增速", "Needs /yr"),
    "col.required.short": ("需增速", "Needs"),
    "col.observed": ("已达年均增速", "Achieved /yr"),
    "col.observed.short": ("已达增速", "Pace"),
    "col.status": ("状态", "Status"),
    "col.deadline": ("期限", "Due"),
    "col.kind": ("类型", "Kind"),
    "col.target_value": ("目标", "Target"),
    "col.base": ("基期", "Base"),
    "col.source": ("原文", "Source"),
    "col.year": ("年份", "Year"),
    "col.path": ("路径值", "On the path"),
    "col.figure": ("实际值", "Figure"),
    "col.difference": ("差额", "Difference"),
    "col.ahead": ("领先（+）/落后（−）", "Ahead (+) / behind (−)"),
    "col.ahead.short": ("±路径", "± path"),
    "col.path.short": ("路径", "Path"),
    "col.chart": ("图示", "Chart"),
    "col.assumed": ("假设年均增长", "Assumed growth"),
    "col.meets": ("实现年份", "Meets the target"),
    "col.rank": ("位次", "Rank"),
    "col.part": ("责任单位", "Part"),
    "col.score": ("综合得分", "Score"),
    "col.change": ("位次变化", "Change"),
    "col.id": ("代码", "id"),
    # -- section headings ----------------------------------------------------------------------
    "section.goals": ("定性目标", "Qualitative targets"),
    "section.programmes": ("主要措施（工程）", "Programmes"),
    "section.targets": ("量化目标", "Quantified targets"),
    "section.notes": ("注", "Notes"),
    "section.whatif": ("情景测算", "What if"),
    "section.within_year": ("时序进度", "Progress within the year"),
    "section.peers": ("同级地区位次", "Ranks among the peers"),
    "section.scoreboard": ("责任单位考核排名", "Scoreboard of the parts"),
    "section.scoreboard.as_of": ("责任单位考核排名（{year}年）", "Scoreboard of the parts ({year})"),
    "title.plan": ("《{title}》 {issuer} {issued}", "{title} — {issuer}, {issued}"),
    "title.plan.undated": ("《{title}》 {issuer}", "{title} — {issuer}"),
    # -- kinds ---------------------------------------------------------------------------------
    "kind.level": ("总量", "level"),
    "kind.rank": ("位次", "rank"),
    "kind.growth": ("年均增速", "growth"),
    "kind.change": ("累计变化", "change"),
    "kind.qualitative": ("定性", "qualitative"),
    "kind.approximate": ("左右", "approximate"),
    "kind.relative": ("相对增速", "relative"),
    "attribute.binding": ("（约束性）", " (binding)"),
    "attribute.expected": ("（预期性）", " (expected)"),
    "hand.mark": ("（人工判定：{label}）", " (by hand: {label})"),
    "target.approximate": ("{value}左右", "about {value}"),
    "target.approximate.band": ("{value}左右（{low}–{high}）", "about {value} ({low}–{high})"),
    "target.above": ("高于{other}", "above {other}"),
    "target.below": ("低于{other}", "below {other}"),
    "target.in_step": ("与{other}基本同步", "in step with {other}"),
    "target.in_step.tolerance": ("与{other}基本同步（落后不超过{tolerance}个百分点）",
                                 "in step with {other} (at most {tolerance} pp behind)"),
    "target.prices": ("{text}（{year}年价格）", "{text} ({year} prices)"),
    "band.inside": ("区间内", "inside the band"),
    "band.below": ("低于区间{amount}", "{amount} below the band"),
    "band.above": ("高于区间{amount}", "{amount} above the band"),
    "required.from": ("（自{year}年）", " (from {year})"),
    "path.met_at_base": ("基期已达到目标", "met in the base year"),
    # -- statuses ------------------------------------------------------------------------------
    "status.achieved": ("已实现", "achieved"),
    "status.achieved_early": ("提前实现", "achieved early"),
    "status.on_track": ("符合预期", "on track"),
    "status.ahead": ("快于预期", "ahead of plan"),
    "status.acceleration_needed": ("慢于预期", "acceleration needed"),
    "status.limited_progress": ("相对滞后", "limited progress"),
    "status.deterioration": ("逆向变化", "deterioration"),
    "status.missed": ("未实现", "missed"),
    "status.insufficient_data": ("数据不足", "insufficient data"),
    "status.not_assessed": ("未评估", "not assessed"),
    # -- notes on results ----------------------------------------------------------------------
    "note.no_figures": ("未提供数据，仅据原文", "no figures given; from the text only"),
    "note.base_from_text": ("基期值取自原文", "base value from the text"),
    "note.base_is_bound": ("原文仅给出界限（如“突破”），基期值为近似",
                           "the text gives only a bound (e.g. 'above'); the base is approximate"),
    "note.bound_flatters": ("已达增速与状态可能偏乐观", "the pace and status may flatter"),
    "note.bound_understates": ("已达增速与状态可能偏保守", "the pace and status may understate"),
    "note.base_indicator_differs": ("原文所称指标与目标指标口径不同",
                                    "the text names a different indicator for the base"),
    "note.base_after_base_year": ("无基期年数据，以其后首个数据为基期",
                                  "no base-year figure; the first later figure is the base"),
    "note.index_from_rates": ("由各年增速连乘为指数（基期=100）",
                              "index chained from annual growth rates (base year = 100)"),
    "note.manual_status": ("状态为人工填报", "status given by hand"),
    "note.rank_from_peers": ("位次按同级地区数据计算", "rank computed from the peer table"),
    "note.rank_figure_differs": ("填报位次与计算结果不一致，采用计算值",
                                 "a rank given as a figure disagrees with the peer table; the "
                                 "computed one is used"),
    "note.base_year_needed": ("累计变化自基期年起算：需提供基期年数据",
                              "a cumulative change counts from the base year: its figure is needed"),
    "note.each_year_breached": ("目标须逐年满足，{years}年未满足",
                                "the target must hold each year; {years} did not meet it"),
    "note.each_year_unseen": ("目标须逐年满足，{years}年无数据，未作判断",
                              "the target must hold each year; {years} have no figure, and are "
                              "not judged"),
    "note.few_peers": ("同级地区表的地区数不多于目标位次，该年位次不作评估依据",
                       "the peer table ranks no more regions than the target rank in some year; "
                       "that year's rank is not judged on"),
    "note.hand_verdict": ("另有人工判定，与计算结果并列", "a verdict given by hand stands beside the computed status"),
    "note.real_chained": ("不变价水平由基期值与各年可比价增速连乘得出",
                          "the constant-price level is chained from the base and each year's real growth"),
    "note.nominal_level": ("注意：以现价水平与不变价目标比较",
                           "note: a nominal (current-price) level is compared with a constant-price target"),
    "note.price_year_differs": ("目标价格年份与基期年不同，基期值按现价计",
                                "the target's price year is not the base year; the base level is at its own prices"),
    "note.peer_value_differs": ("同级地区表中本地区的数值与所填数据不一致，位次与追赶差距、所需增速均按同级地区表计算",
                                "the peer table's value for this region differs from the figure "
                                "given; the rank, and the gap and growth to the target rank, are "
                                "computed on the table's"),
    "note.ahead_of_other": ("增速快于比较对象，超出同步幅度，按已满足（不滞后）评价",
                            "growth ahead of the other's by more than the tolerance: met (in "
                            "step means not lagging)"),
    "note.line": ("{name}：{notes}", "{name}: {notes}"),
    # -- summary, hints, check -----------------------------------------------------------------
    "summary.count": ("{label}{n}项", "{n} {label}"),
    "summary": ("量化目标{total}项：{counts}", "{total} quantified targets: {counts}"),
    "summary.as_of": ("量化目标{total}项：{counts}（截至{year}年）",
                      "{total} quantified targets: {counts} (as of {year})"),
    "summary.one": ("量化目标{total}项：{counts}", "{total} quantified target: {counts}"),
    "summary.as_of.one": ("量化目标{total}项：{counts}（截至{year}年）",
                          "{total} quantified target: {counts} (as of {year})"),
    "summary.none": ("无", "none"),
    "hint.missing": ("缺少数据：{names}。用 --year 与 指标=数值 或 --figures 文件提供"
                     "（shuangshi template 生成模板）",
                     "No figures for: {names}. Give them as --year with ID=VALUE, or with "
                     "--figures FILE (shuangshi template prints one to fill in)"),
    "hint.missing.name": ("{name}（{id}）", "{name} ({id})"),
    "check.off_track": ("未达要求：{name}（{id}）：{status}", "off track: {name} ({id}): {status}"),
    "check.off_track.not_binding": ("未达要求（非约束性，不判为失败）：{name}（{id}）：{status}",
                                    "off track, not binding (does not fail): {name} ({id}): {status}"),
    "check.no_data": ("无法评估（--strict 判为失败）：{name}（{id}）：{status}", "cannot be judged (failed by --strict): {name} ({id}): {status}"),
    "check.no_data.not_binding": ("无法评估（非约束性，不判为失败）：{name}（{id}）：{status}", "cannot be judged, not binding (does not fail): {name} ({id}): {status}"),
    "check.no_data.part.not_binding": ("无法评估（非约束性，不判为失败）：{part} {name}（{id}）：{status}", "cannot be judged, not binding (does not fail): {part} {name} ({id}): {status}"),
    "check.off_track.part.not_binding": ("未达要求（非约束性，不判为失败）：{part} {name}（{id}）：{status}", "off track, not binding (does not fail): {part} {name} ({id}): {status}"),
    "check.no_data.part": ("无法评估（--strict 判为失败）：{part} {name}（{id}）：{status}", "cannot be judged (failed by --strict): {part} {name} ({id}): {status}"),
    "check.parts_summary": ("责任单位{parts}个：{failing_parts}个共{targets}项目标未达要求",
                            "{parts} parts: {targets_en} of {of_parts_en} off track"),
    "check.off_track.part": ("未达要求：{part} {name}（{id}）：{status}", "off track: {part} {name} ({id}): {status}"),
    "check.hand": ("采用人工判定：{name}（{id}）：{year}年{status}（计算结果：{computed}）",
                   "hand verdict used: {name} ({id}): {status} in {year} (computed: {computed})"),
    "check.hand_note": ("：{note}", ": {note}"),
    "plans.line": ("{name}：{title}，{region}，{start}–{end}年，量化目标{quantified}项、定性目标{qualitative}项",
                   "{name}: {title}, {region}, {start}–{end}, {quantified} quantified and "
                   "{qualitative} qualitative targets"),
    "plans.line.default": ("{name}（默认）：{title}，{region}，{start}–{end}年，量化目标{quantified}项、定性目标{qualitative}项",
                           "{name} (default): {title}, {region}, {start}–{end}, {quantified} "
                           "quantified and {qualitative} qualitative targets"),
    "check.title": ("{name}：{status}", "{name}: {status}"),
    "check.title.part": ("{part} {name}：{status}", "{part} {name}: {status}"),
    "check.target": ("目标{target}（{deadline}）", "target {target} by {deadline}"),
    "check.latest": ("最新值{latest}", "latest {latest}"),
    "check.gap": ("差距{gap}", "gap {gap}"),
    "check.required": ("所需{pace}", "needs {pace}"),
    "check.observed": ("已达{pace}", "achieved {pace}"),
    "check.ratio": ("进度比{ratio}", "pace ratio {ratio}"),
    "check.status": ("：{status}", ": {status}"),
    "year.of": ("{value}（{year}年）", "{value} ({year})"),
    "summary.written": ("已将报告追加到 {file}", "appended the report to {file}"),
    "junit.written": ("已写入 JUnit 报告 {file}", "wrote the JUnit report to {file}"),
    "error.no_checks": ("--format {fmt} 只适用于 gap、check、report 和 scoreboard",
                        "--format {fmt} applies to gap, check, report and scoreboard only"),
    # -- within the year (时序进度) ------------------------------------------------------------
    "within.months": ("{year}年1–{month}月", "{year} Jan–{month_en}"),
    "within.basis.seasonal": ("按季节性进度", "seasonal profile"),
    "within.basis.months": ("按月份均匀进度", "share of months"),
    "within.no_goal": ("{name}：{months}累计{value}（无年度目标可比）",
                       "{name}: {months} cumulative {value} (no annual goal to compare with)"),
    "within.level": ("与时序进度持平", "level with the time elapsed"),
    "within.ahead": ("高于时序进度{points}个百分点", "{points} points ahead of the time elapsed"),
    "within.behind": ("低于时序进度{points}个百分点", "{points} points behind the time elapsed"),
    "within.line": ("{name}：{months}累计{value}，完成年度目标的{done}，{side}（时序进度{elapsed}，{basis}）",
                    "{name}: {months} cumulative {value}, {done} of the annual goal, {side} "
                    "({elapsed}, {basis})"),
    "within.yoy": ("；同比增长{yoy}", "; up {yoy} year on year"),
    "within.yoy.below": ("，目标所需增幅{needed}，增幅低于目标任务",
                         ", below the {needed} the annual goal needs"),
    "within.yoy.met": ("，目标所需增幅{needed}，增幅达到目标任务要求",
                       ", at or above the {needed} the annual goal needs"),
    # -- peers ---------------------------------------------------------------------------------
    "peers.movement": ("位次变化：{steps}", "Rank: {steps}"),
    "peers.step": ("{year}年{place}", "{year} {place}"),
    "peers.up": ("（前移{n}位）", " (up {n})"),
    "peers.down": ("（后移{n}位）", " (down {n})"),
    "peers.more": ("……（另{n}个）", "… ({n} more)"),
    "peers.ladder": ("{year}年{among}位次（共{count}个）：{rungs}",
                     "{year} ladder among {among} ({count}): {rungs}"),
    "peers.rung": ("{place} {region} {value}", "{place} {region} {value}"),
    "peers.chase": ("第{goal}位为{region}，差距{gap}", "No. {goal} is {region}, {gap} ahead"),
    "peers.chase.tied": ("第{goal}位为并列第{rank}位的{region}，差距{gap}",
                         "No. {goal} is {region}, tied at No. {rank}, {gap} ahead"),
    "peers.chase.own_pace": ("；按其现有增速，到{deadline}年需年均增长{needed}",
                             "; catching it by {deadline} (at its own pace) needs {needed} a year"),
    "peers.chase.still": ("；若其持平，到{deadline}年需年均增长{needed}",
                          "; catching it by {deadline} (if it stands still) needs {needed} a year"),
    "peers.disagrees": ("{year}年填报{given}，按同级地区计算为第{computed}位（采用计算值）",
                        "{year}: the figure says {given}, the peer table No. {computed} (used)"),
    # -- path ----------------------------------------------------------------------------------
    "path.on": ("与路径持平", "on the path"),
    "path.ahead": ("领先路径{years}年", "{years} years ahead"),
    "path.behind": ("落后路径{years}年", "{years} years behind"),
    "path.met": ("已实现", "met"),
    "path.caption.name": ("{name}（{unit}）", "{name} ({unit})"),
    "path.caption.target": ("目标{target}（{deadline}）", "target {target} by {deadline}"),
    "path.caption.needs": ("此后需{pace}", "needs {pace} from here"),
    "path.none": ("没有可画路径的目标（缺少基期数据，或基期值为0：复合增长的路径无从起步）",
                  "No target has a base to draw a path from (no base figure, or a base of 0, "
                  "from which no compound path starts)."),
    "path.legend": ("图例", "Legend"),
    "path.legend.ahead": ("不落后于路径", "on or ahead of the path"),
    "path.legend.behind": ("落后于路径", "behind the path"),
    "path.legend.tick": ("路径值", "the path"),
    "chart.path": ("目标路径", "Path"),
    "chart.figure": ("实际值", "Figure"),
    "chart.target": ("目标", "Target"),
    "html.lang": ("zh-CN", "en"),
    "report.generated": ("由 shuangshi-cli {version} 生成", "Made by shuangshi-cli {version}"),
    "report.charts": ("目标路径", "Paths to the targets"),
    "path.chart_written": ("已写入图表 {file}", "wrote the chart {file}"),
    "path.legend.rank": ("位次越靠前，条形越长", "a better rank draws a longer bar"),
    "path.legend.lower": ("数值越大，条形越长（该指标越低越好）",
                          "a higher figure draws a longer bar (lower is better here)"),
    # -- what-if -------------------------------------------------------------------------------
    "whatif.real": ("{label}（实际，名义{nominal}）", "{label} real ({nominal} nominal)"),
    "whatif.never": ("无法实现", "never"),
    "whatif.met": ("{year}年实现", "met in {year}"),
    "whatif.met.late": ("{year}年实现（逾期）", "met in {year} (late)"),
    "whatif.start": ("{name}：{year}年{value}，目标{target}（{deadline}）",
                     "{name}: {value} in {year}; target {target} by {deadline}"),
    "whatif.by": ("{year}年实现需{pace}", "Meeting it by {year} needs {pace}"),
    "whatif.by.met": ("{year}年已实现：{by}年前无需增长", "Met in {year}: no growth is needed by {by}"),
    "whatif.by.real": ("{year}年实现需{pace}（名义），扣除价格因素后实际增长{real}",
                       "Meeting it by {year} needs {pace} (nominal), {real} in real terms"),
    "whatif.deflator": ("目标按现价（名义）计；假设增速为实际（可比价）增速，按价格指数{deflator}折为名义增速",
                        "The target is nominal (current prices); assumed growth is real, turned "
                        "nominal with a {deflator} deflator"),
    # -- scoreboard ----------------------------------------------------------------------------
    "score.cell": ("{score}（{rank}） {status}", "{score} ({rank}) {status}"),
    "score.cell.unranked": ("{score} {status}", "{score} {status}"),
    "score.same": ("持平", "same"),
    "score.up": ("前移{n}位", "up {n}"),
    "score.down": ("后移{n}位", "down {n}"),
    "score.note": ("得分：已实现100；其余按进度比R（已达年均增速÷所需年均增速）×100，限0–100；"
                   "未实现按任务进度；数据不足不计。综合得分为各指标得分的平均数。",
                   "Score: 100 when achieved; else 100 × the pace ratio R (observed ÷ required "
                   "growth), clipped to 0–100; missed: the share of the task done; no data: left "
                   "out. The overall score is the mean of the indicators' scores."),
    "rows_left_out": ("仅显示前 {shown} 行（共 {total} 行）；全部：-F csv、-F markdown、-o 文件或管道（| less -S）",
                      "showing the first {shown} of {total} rows; all of them: -F csv, -F markdown, "
                      "-o FILE or a pipe (| less -S)"),
    # -- validate ------------------------------------------------------------------------------
    "validate.ok": ("{file}：规划有效 “{title}”，量化目标{quantified}项、定性目标{qualitative}项、"
                    "主要措施{programmes}项，{start}–{end}年，基期{base}年",
                    "{file}: valid plan “{title}”, {quantified} quantified and {qualitative} "
                    "qualitative targets, {programmes} programmes, {start}–{end}, base year "
                    "{base}"),
    "validate.shortfall": ("{file}: 警告: {parts}个责任单位的{name}目标合计{total}，低于全域目标"
                           "{wanted}，相差{short}",
                           "{file}: warning: the {parts} parts' targets for {id} add up to "
                           "{total}, short of the plan's {wanted} by {short}"),
    # -- errors of the command line ------------------------------------------------------------
    "error.usage": ("{command}：{message}（见 '{command} --help'）",
                    "{command}: {message} (see '{command} --help')"),
    "error.internal": ("{prog}：处理此输入时发生内部错误：{kind}: {detail}"
                       "（设置 SHUANGSHI_DEBUG=1 查看调用栈，并请报告此问题）",
                       "{prog}: internal error on this input: {kind}: {detail} "
                       "(set SHUANGSHI_DEBUG=1 for a traceback, and please report it)"),
    "error.aborted": ("已中止。", "Aborted."),
    "error.lang": ("--lang 只能是 zh 或 en，不能是 {value}", "--lang must be zh or en, not {value}"),
    "error.year_range": ("{option} {value} 超出 {first}–{last}", "{option} {value} is outside {first}–{last}"),
    "error.month_range": ("--month {value} 超出 1–11（全年数据不带月份）",
                          "--month {value} is outside 1–11 (a full year has no month)"),
    "error.thresholds": ("--acceleration 不能高于 --on-track", "--acceleration must not be above --on-track"),
    "error.fail_on": ("--fail-on 必须是以下之一：{choices}", "--fail-on must be one of: {choices}"),
    "error.whatif_needs": ("请给出 --growth 增速（可重复）或 --by 年份", "give --growth RATE (repeatable) or --by YEAR"),
    "error.output_name": ("--output 需要文件名，不能是空字符串", "--output needs a file name, not an empty string"),
    "error.no_such_file": ("文件不存在", "no such file"),
    "error.empty_name": ("需要文件名，不能是空字符串", "a file name is needed, not an empty string"),
    "error.is_directory": ("是目录，不是文件", "is a directory, not a file"),
    "error.cell_character": ("单元格含有字符 {code}，不允许", "the cell holds the character {code}, which is not allowed"),
    "error.folder_name": ("以“/”结尾的是目录名，不是文件名", "a name ending in '/' is a folder's, not a file's"),
    "error.cannot_read": ("无法读取：{reason}", "cannot read: {reason}"),
    "error.cannot_write": ("无法写入：{reason}", "cannot write: {reason}"),
    "error.template_suffix": ("模板是 CSV 表格或工作簿：请把文件命名为 .csv 或 .xlsx（{file}），或给出 --format",
                              "a template is a CSV table or a workbook: name the file .csv or "
                              ".xlsx ({file}), or give --format"),
    "error.output_twice": ("被指定为两项输出：请为每项输出给出不同的文件",
                           "is named for two outputs: give each output its own file"),
    "error.read_twice": ("是只能读一次的流（管道）：只给一个选项用它",
                         "is a stream (a pipe), read once: give it to one option only"),
    "error.stdin_twice": ("标准输入只能读一次：只给一个选项用 -",
                          "stdin is read once: give - to one option only"),
    "error.output_is_input.same": ("是本次运行读入的文件：写入会覆盖它，请另给一个输出文件",
                                   "is a file this run reads: writing would destroy it; give the "
                                   "output a file of its own"),
    "error.output_is_input": ("是本次运行读入的文件（{input}）：写入会覆盖它，请另给一个输出文件",
                              "is a file this run reads ({input}): writing would destroy it; "
                              "give the output a file of its own"),
    "error.stdout_twice": ("两项输出都写到标准输出（-）：请为其中一项给出文件",
                           "two outputs go to stdout (-): give all but one of them a file"),
    "error.same_output": ("{first} 与 {second} 是同一个文件：请为每项输出给出不同的文件",
                          "{first} and {second} are the same file: give each output its own"),
    # click's usage errors, by kind
    "click.no_such_option": ("没有这个选项：{name}", "No such option: {name}"),
    "click.no_such_option.similar": ("没有这个选项：{name}（是否想用 {similar}？）",
                                     "No such option: {name} (did you mean {similar}?)"),
    "click.missing": ("缺少{kind} {name}", "Missing {kind} {name}"),
    "click.missing.argument": ("参数", "argument"),
    "click.missing.option": ("选项", "option"),
    "click.missing.parameter": ("参数", "parameter"),
    "click.bad_value": ("{name} 的值无效：{detail}", "Invalid value for {name}: {detail}"),
    "click.needs_value": ("选项 {name} 需要一个值", "Option {name} requires an argument."),
    "click.extra": ("多余的参数：{args}", "Got unexpected extra argument ({args})"),
    "click.no_such_command": ("没有这个命令：{name}", "No such command {name}."),
    "click.choice": ("{value} 不是可选值之一：{choices}", "'{value}' is not one of {choices}."),
    "click.want_int": ("应为整数", "Input should be a valid integer"),
    "click.want_number": ("应为数字", "Input should be a valid number"),
    "click.want_ge": ("应不小于 {n}", "Input should be greater than or equal to {n}"),
    "click.not_int": ("{value} 不是整数", "{value!r} is not a valid integer."),
    "click.not_float": ("{value} 不是数字", "{value!r} is not a valid float."),
    "click.range": ("{value} 不在允许范围 {range} 内", "{value} is not in the range {range}."),
    # -- notices of reading (stderr) ------------------------------------------------------------
    "notice.decoded_as": ("{file}：不是 UTF-8，按 {encoding} 读取", "{file}: not UTF-8; read as {encoding}"),
    "notice.ratio_for_percent": ("{place}：{id} 为 {value}%，约为{year}年 {beside}% 的百分之一：是否将 {percent}% 填成了比值？（按所填读取）",
                                 "{place}: {id} is {value}%, a hundredth of {beside}% in {year}: "
                                 "a ratio for {percent}%? (read as given)"),
    "notice.cumulative_changes": ("{place}：{id} 自{first}年起逐年增大（{values}），是否为自{since}年以来的累计变化？各年数据应为比上年的变化，按环比连乘（按所填读取）",
                                  "{place}: {id}'s yearly changes grow every year from {first} "
                                  "({values}): are they cumulative since {since}? Each year's "
                                  "change on the year before is chained (read as given)"),
    "notice.months_fall": ("{place}：{id} 1-{month}月累计 {value}，少于1-{earlier}月累计 {before}：累计数不会减少，是否有一项是单月数？（按所填读取）",
                           "{place}: {id} is {value} for January to month {month}, less than "
                           "the {before} to month {earlier}: a sum so far does not fall (a "
                           "month alone?) (read as given)"),
    "notice.scale_slip.figures": ("{place}：{id} 为 {value}{unit}，约为其各年数据之中位数 {beside}{unit} 的 {times} 倍：单位是否有误（如把万元当作亿元）？（按所填读取）",
                                  "{place}: {id} is {value} {unit}, about {times} times {beside}, "
                                  "the middle of its figures: given in another unit (万元 for "
                                  "亿元)? (read as given)"),
    "notice.scale_slip": ("{place}：{id} 为 {value}{unit}，约为其各年数据与目标之中位数 {beside}{unit} 的 {times} 倍：单位是否有误（如把万元当作亿元）？（按所填读取）",
                          "{place}: {id} is {value} {unit}, about {times} times {beside}, the "
                          "middle of its figures and target: given in another unit (万元 for "
                          "亿元)? (read as given)"),
    "notice.negative_fall": ("{place}：{name} 列出的降低率有正有负：负数即上升，按上升读取（下降请填正数，或写“下降2.7%”）",
                             "{place}: {name} holds falls, and a negative one: a negative fall is "
                             "a rise, and is read as one (write a fall as a positive number, or as "
                             "下降2.7%)"),
    "notice.positive_change": ("{place}：{name} 的数多为负数（下降为负的比上年增减）：正数即上升，按上升读取（下降请写“下降2.7%”，上升请写“上升0.5%”）",
                               "{place}: {name} holds mostly negative numbers, falls written as "
                               "changes: a positive one is a rise, and is read as one (write "
                               "下降2.7% or 上升0.5% to say which)"),
    "notice.nominal_growth": ("{place}：{name} 的比上年增长为名义增长，{id} 按实际增长计算：未读取（请填实际增长：{id}）",
                              "{place}: {name}'s growth on the year before is nominal, and {id} is "
                              "real growth: not read (give its 实际增长 as {id})"),
    "notice.peer_totals": ("{file}：合计、平均或上级地区的行不参与排位，未读取：{regions}",
                           "{file}: rows of totals, averages or a higher level, not ranked: {regions}"),
    "notice.layout": ("{file}：{layout}", "{file}: {layout}"),
    "notice.sheet": ("{file}：读取工作表 {sheet!r}（共{count}个中的第{index}个）；用 {file}#名称 选其他工作表",
                     "{file}: read sheet {sheet!r} ({index} of {count}); choose another with {file}#NAME"),
    "notice.not_in_plan": ("{file}：{count}项指标不在规划中，未读取：{indicators}",
                           "{file}: {count} indicators the plan does not have, not read: {indicators}"),
    "notice.not_in_plan.one": ("{file}：{count}项指标不在规划中，未读取：{indicators}",
                               "{file}: 1 indicator the plan does not have, not read: {indicators}"),
    "layout.long": ("长表", "long table"),
    "layout.regions_down": ("排位表：地区竖排，指标横排（{year}年）", "ranking table: regions down, indicators across ({year})"),
    "layout.title_months.of": ("{layout}，{year}年为1-{month}月累计，取自标题", "{layout}, {year} January to month {month}, from the title"),
    "layout.title_months": ("{layout}，各数据为1-{month}月累计，取自标题", "{layout}, each figure January to month {month}, from the title"),
    "layout.year_read_past": ("{layout}；表中有年份列，--year {year} 不用于此表",
                              "{layout}; the table has a year column: --year {year} is not read "
                              "for it"),
    "layout.long.months": ("长表：各数据为1-{month}月累计，取自标题", "long table: each figure January to month {month}, from the title"),
    "layout.one_year.months": ("单年表：{year}年1-{month}月累计，取自{source}",
                               "a table of one year: {year}, January to month {month}, from {source}"),
    "layout.one_year": ("单年表：{year}年，年份取自{source}", "a table of one year: {year}, from {source}"),
    "layout.growth_column": ("{layout}；{column}列仅读作以增速填报的指标的数据",
                             "{layout}; {column} read only as the figure of indicators given as "
                             "growth"),
    "layout.skipped": ("{layout}；未读取：{skipped}", "{layout}; not read: {skipped}"),
    "layout.years": ("各年横排（{span}）", "years across ({span})"),
    "layout.year_column": ("全年数据，年份取自年份列", "whole years, the year from the year column"),
    "layout.months": ("各月横排（{labels}）", "months across ({labels})"),
    "layout.months.from": ("各月横排（{labels}），年份取自{source}", "months across ({labels}), the year from {source}"),
    "layout.months.of": ("{of}年各月横排（{labels}）", "months of {of} across ({labels})"),
    "layout.months.of.from": ("{of}年各月横排（{labels}），年份取自{source}",
                              "months of {of} across ({labels}), the year from {source}"),
    "layout.wide": ("宽表：指标竖排，{first}", "wide table: indicators down, {first}"),
    "layout.wide.both": ("宽表：指标竖排，{first}，{second}", "wide table: indicators down, {first} and {second}"),
    "source.year_column": ("年份列", "the year column"),
    "source.option_year": ("--year", "--year"),
    "source.title": ("标题", "the title"),
    # -- explain -------------------------------------------------------------------------------
    "explain.heading": ("{name}（{id}）：目标{target}（{deadline}），{status}",
                        "{name} ({id}): target {target} by {deadline}, {status}"),
    "explain.inputs": ("代入的数据", "Inputs"),
    "explain.on_track": ("符合预期阈值", "on-track threshold"),
    "explain.acceleration": ("慢于预期阈值", "acceleration threshold"),
    "source.plan": ("规划", "the plan"),
    "source.text": ("规划原文", "the plan's text"),
    "source.observed": ("已达年均增速", "the growth achieved"),
    "source.figures": ("数据", "the figures"),
    "source.index": ("指数，基期=100", "index, base = 100"),
    "source.path": ("路径上当年的值", "the path's value that year"),
    "source.target": ("目标", "the target"),
    "explain.methods": ("方法来源", "Methods"),
    "explain.given": ("原值{given}", "given as {given}"),
    "explain.nothing": ("该目标没有可解释的数值（缺少数据或为定性目标）",
                        "This target has no numbers to explain (no figures, or qualitative)."),
    "explain.col.item": ("项目", "Item"),
    "explain.col.formula": ("公式", "Formula"),
    "explain.col.substituted": ("代入", "With the inputs"),
    "explain.col.value": ("结果", "Result"),
    "explain.col.method": ("方法", "Method"),
    "explain.target_level": ("目标水平 T", "Target level T"),
    "explain.gap": ("差距", "Gap"),
    "explain.reached": ("完成率", "Reached"),
    "explain.task": ("任务进度", "Task done"),
    "explain.time": ("时间进度", "Time elapsed"),
    "explain.required": ("所需年均增速", "Growth needed a year"),
    "explain.observed": ("已达年均增速 r", "Growth achieved a year r"),
    "explain.ratio": ("进度比 R", "Pace ratio R"),
    "explain.status": ("状态", "Status"),
    "explain.projection": ("按已达增速期末预计值", "Projected at the pace achieved"),
    "explain.years_ahead": ("领先（+）/落后（−）路径年数", "Years ahead (+) / behind (−)"),
    "explain.relative_average": ("年均增速 r", "Average growth r"),
    "explain.relative_other_average": ("比较对象年均增速 q", "The other's average growth q"),
    "explain.relative_difference": ("增速差 d", "Difference d"),
    "explain.completion": ("完成年度目标", "Share of the annual goal"),
    "explain.elapsed": ("时序进度", "Time elapsed in the year"),
    "explain.lead": ("高于/低于时序进度", "Ahead of / behind the time elapsed"),
    "method.arithmetic": ("直接计算（差额、比值）", "Plain arithmetic (a difference or a share)"),
    "method.arithmetic.short": ("计算", "arithmetic"),
    "method.plan_review": ("规划中期评估“时间过半、任务过半”：任务进度与时间进度",
                           "Plan reviews' “half the time, half the task”: task and time progress"),
    "method.plan_review.short": ("中期评估", "plan review"),
    "method.excel_rri": ("年均增速：Excel RRI 函数 (终值/初值)^(1/年数)−1（复合）；线性指标为每年变化量",
                         "Annual growth: Excel's RRI, (end/start)^(1/years) − 1 (compound); for "
                         "linear indicators the change per year"),
    "method.excel_rri.short": ("RRI", "RRI"),
    "method.open_sdg": ("Open SDG 进度评估方法（Eurostat）：进度比 R = 已达年均增速 ÷ 从基期到目标所需的年均增速"
                        "（不是此后所需的增速）；R≥0.95 符合预期，R≥0.60 慢于预期，R≥0 相对滞后，否则逆向变化",
                        "The Open SDG progress method (after Eurostat): pace ratio R = growth "
                        "achieved a year ÷ the growth a year the whole way from base to target needs "
                        "(not the growth still needed); R ≥ 0.95 on track, ≥ 0.60 acceleration "
                        "needed, ≥ 0 limited progress, else deterioration"),
    "method.open_sdg.short": ("Open SDG", "Open SDG"),
    "method.sicherl": ("Sicherl 时间距离（S-time-distance）：最新值在路径上所处年份减实际年份",
                       "Sicherl's S-time-distance: the year the path reaches the figure, minus "
                       "the figure's year"),
    "method.sicherl.short": ("时间距离", "time distance"),
    "method.shixu": ("月度报告的时序进度：累计完成 ÷ 年度目标，对比已过月份（或季节性进度）",
                     "时序进度 of monthly reports: cumulative ÷ annual goal, against the months "
                     "passed (or a seasonal profile)"),
    "method.shixu.short": ("时序进度", "时序进度"),
    "help.explain": ("逐项解释一项目标的每个数值：公式、代入的数据（来自哪个文件哪一行）、结果和方法来源。\n\n"
                     "示例：shuangshi explain gdp --figures figures.csv",
                     "Every number of one target's row: its formula, the inputs put in (from "
                     "which file and line), the result and the method's source.\n\nExample: "
                     "shuangshi explain gdp --figures figures.csv"),
    "help.opt.explain_id": ("要解释的目标（代码或名称）。", "The target to explain (id or name)."),
    "error.no_target": ("没有量化目标 {key}；目标有：{known}", "no quantified target {key}; targets: {known}"),
    # -- CSV headers under --lang (the English ones are the records' keys) -----------------
    "csv.id": ("代码", "id"),
    "csv.name": ("名称", "name"),
    "csv.name_en": ("英文名称", "name_en"),
    "csv.kind": ("类型", "kind"),
    "csv.category": ("类别", "category"),
    "csv.unit": ("单位", "unit"),
    "csv.comparison": ("比较", "comparison"),
    "csv.target": ("目标值", "target"),
    "csv.deadline": ("期限", "deadline"),
    "csv.progress": ("变化方式", "progress"),
    "csv.latest_year": ("最新年份", "latest_year"),
    "csv.latest_value": ("最新值", "latest_value"),
    "csv.base_year": ("基期年", "base_year"),
    "csv.base_value": ("基期值", "base_value"),
    "csv.base_source": ("基期来源", "base_source"),
    "csv.base_bound": ("基期界限", "base_bound"),
    "csv.target_level": ("目标水平", "target_level"),
    "csv.gap": ("差距", "gap"),
    "csv.reached_pct": ("完成率", "reached_pct"),
    "csv.time_progress": ("时间进度", "time_progress"),
    "csv.task_progress": ("任务进度", "task_progress"),
    "csv.required_growth": ("所需年均增速", "required_growth"),
    "csv.observed_growth": ("已达年均增速", "observed_growth"),
    "csv.pace_ratio": ("进度比", "pace_ratio"),
    "csv.projected_value": ("期末预计值", "projected_value"),
    "csv.projected_year": ("预计实现年份", "projected_year"),
    "csv.years_ahead": ("领先路径年数", "years_ahead"),
    "csv.status": ("状态代码", "status"),
    "csv.early": ("提前", "early"),
    "csv.status_label": ("状态", "status_label"),
    "csv.notes": ("注", "notes"),
    "csv.within_year_year": ("时序进度年份", "within_year_year"),
    "csv.within_year_month": ("时序进度月份", "within_year_month"),
    "csv.within_year_value": ("累计值", "within_year_value"),
    "csv.within_year_annual_goal": ("年度目标", "within_year_annual_goal"),
    "csv.within_year_completion": ("完成年度目标", "within_year_completion"),
    "csv.within_year_time_elapsed": ("时序进度", "within_year_time_elapsed"),
    "csv.within_year_lead_points": ("领先时序进度百分点", "within_year_lead_points"),
    "csv.within_year_yoy_growth": ("同比增长", "within_year_yoy_growth"),
    "csv.within_year_required_yoy_growth": ("目标所需同比增幅", "within_year_required_yoy_growth"),
    "csv.within_year_time_basis": ("时序进度口径", "within_year_time_basis"),
    "csv.peer_rank": ("同级位次", "peer_rank"),
    "csv.peer_count": ("同级地区数", "peer_count"),
    "csv.peer_year": ("位次年份", "peer_year"),
    "csv.rank_target_region": ("目标位次地区", "rank_target_region"),
    "csv.rank_target_value": ("目标位次数值", "rank_target_value"),
    "csv.rank_value_gap": ("与目标位次差距", "rank_value_gap"),
    "csv.rank_rival_growth": ("目标位次地区增速", "rank_rival_growth"),
    "csv.rank_required_growth": ("赶超所需年均增速", "rank_required_growth"),
    "csv.value": ("目标值", "value"),
    "csv.better": ("方向", "better"),
    "csv.attribute": ("属性", "attribute"),
    "csv.flow": ("流量", "flow"),
    "csv.baseline_year": ("基期年", "baseline_year"),
    "csv.baseline_value": ("基期值", "baseline_value"),
    "csv.baseline_comparison": ("基期界限", "baseline_comparison"),
    "csv.baseline_quote": ("基期原文", "baseline_quote"),
    "csv.source": ("原文", "source"),
    "csv.year": ("年份", "year"),
    "csv.path": ("路径值", "path"),
    "csv.figure": ("实际值", "figure"),
    "csv.difference": ("差额", "difference"),
    "csv.ahead": ("领先", "ahead"),
    "csv.assumed_growth": ("假设增速", "assumed_growth"),
    "csv.growth": ("采用增速", "growth"),
    "csv.growth_basis": ("增速口径", "growth_basis"),
    "csv.met_year": ("实现年份", "met_year"),
    "csv.rank": ("位次", "rank"),
    "csv.type": ("类型", "type"),
    "csv.overall_score": ("综合得分", "overall_score"),
    "csv.previous_rank": ("上年位次", "previous_rank"),
    "csv.rank_change": ("位次变化", "rank_change"),
    "csv.required_growth_from": ("所需增速起算年", "required_growth_from"),
    "csv.binding": ("约束性", "binding"),
    "csv.hand_status": ("人工判定", "hand_status"),
    "csv.hand_note": ("人工判定说明", "hand_note"),
    "csv.hand_year": ("人工判定年份", "hand_year"),
    "csv.verdict": ("采用状态", "verdict"),
    "csv.breached_years": ("未达标年份", "breached_years"),
    "csv.part": ("责任单位", "part"),
    "csv.part_name": ("责任单位名称", "part_name"),
    "csv.part_name_en": ("责任单位英文名称", "part_name_en"),
    "csv.unseen_years": ("缺数年份", "unseen_years"),
    "csv.band_low": ("区间下限", "band_low"),
    "csv.band_high": ("区间上限", "band_high"),
    "csv.band_tolerance": ("区间幅度", "band_tolerance"),
    "csv.band_side": ("区间位置", "band_side"),
    "csv.relative_relative_to": ("比较对象", "relative_relative_to"),
    "csv.relative_relation": ("比较关系", "relative_relation"),
    "csv.relative_tolerance": ("同步幅度", "relative_tolerance"),
    "csv.relative_average_growth": ("年均增速", "relative_average_growth"),
    "csv.relative_other_average_growth": ("比较对象年均增速", "relative_other_average_growth"),
    "csv.relative_difference": ("增速差", "relative_difference"),
    "csv.relative_holds": ("是否满足", "relative_holds"),
    "csv.price_basis": ("价格口径", "price_basis"),
    "csv.price_year": ("价格年份", "price_year"),
    "csv.series": ("数据序列", "series"),
    "csv.step": ("项目代码", "step"),
    "csv.label": ("项目", "label"),
    "csv.formula": ("公式", "formula"),
    "csv.substituted": ("代入", "substituted"),
    "csv.result": ("结果", "result"),
    "csv.method": ("方法", "method"),
    "csv.score_of": ("得分_{id}", "score_{id}"),
    "csv.rank_of": ("位次_{id}", "rank_{id}"),
    # -- help: the app, the commands and the options -------------------------------------------
    "help.app": ("中国政府规划目标差距计算器：各项目标还差多少、剩余期间需要多快的增速、是否进度正常。\n\n"
                 "内置规划为《关于开展“双实活动”的实施意见》（中共濉溪县委，2017）；"
                 "--targets 文件 读取同样格式的其他规划。",
                 "Target-gap calculator for Chinese government plan targets: how far each target "
                 "is, what growth the rest of the way needs, and whether it is on track.\n\n"
                 "The embedded plan is 《关于开展“双实活动”的实施意见》 (中共濉溪县委, 2017); "
                 "--targets FILE reads another plan of the same shape."),
    "help.gap": ("每项目标的差距、所需与已达年均增速、进度比和状态。\n\n"
                 "示例：shuangshi gap --year 2018 gdp=352.1 fiscal_revenue=41.2 gdp_rank=8",
                 "Gap, required and observed growth, pace and status of every target.\n\n"
                 "Example: shuangshi gap --year 2018 gdp=352.1 fiscal_revenue=41.2 gdp_rank=8"),
    "help.check": ("供 CI 使用：有量化目标进度不达要求时退出码为 1，全部实现或进度正常时为 0。",
                   "For CI: exit 1 when a quantified target is off track, 0 when all are achieved "
                   "or on track."),
    "help.path": ("从基期到期限逐年列出：目标路径、实际数据和差额。\n\n"
                  "另给出按所需增速从最新值出发的路径，以及最新值领先（或落后）路径的年数。",
                  "Year by year from base to deadline: the path to the target, the figures, and "
                  "the gap.\n\nAlso the path from the latest figure at the growth still required, "
                  "and how many years the latest figure stands ahead of (or behind) the path."),
    "help.whatif": ("假如增速是7%而不是9%？逐年数值，以及何时实现目标。\n\n"
                    "--by 年份 则给出到该年实现目标所需的增速。\n\n"
                    "示例：shuangshi whatif gdp --year 2018 --figure gdp=352.1 --growth 7.5% --growth 9%",
                    "What if growth is 7% instead of 9%? The figure each year, and when it meets "
                    "the target.\n\n--by YEAR gives the growth needed to meet it by that year "
                    "instead.\n\nExample: shuangshi whatif gdp --year 2018 --figure gdp=352.1 "
                    "--growth 7.5% --growth 9%"),
    "help.scoreboard": ("按各责任单位（镇、园区、部门）自身目标的进度排名。\n\n"
                        "每项指标得分0–100（已实现100，否则100×进度比），综合得分为平均数；并给出与上年相比的位次变化。",
                        "Rank the plan's parts (towns, parks, departments) by progress on their own "
                        "targets.\n\nPer indicator a score of 0–100 (100 achieved, else 100 × pace "
                        "ratio), overall the mean; with the rank change against the year before."),
    "help.report": ("供会议使用的报告：差距表、每项目标的路径图、考核排名；HTML 格式，可离线打开、按 A4 打印。\n\n"
                    "示例：shuangshi report --figures figures.csv --output report.html",
                    "The report for a meeting: the gap table, a chart of each target's path, the "
                    "scoreboard; one HTML file that opens offline and prints on A4.\n\nExample: "
                    "shuangshi report --figures figures.csv --output report.html"),
    "help.opt.chart": ("同时将路径图写入此 SVG 文件（多项目标时为 文件名-代码.svg）。",
                       "Also write the path chart to this SVG file (several targets: FILE-ID.svg)."),
    "help.targets": ("规划内容：量化目标，以及定性目标和主要措施。",
                     "The plan: its quantified targets, then its goals and programmes."),
    "help.validate": ("检查规划文件：有效时退出码0并给出概要，否则退出码2并逐行列出问题。",
                      "Check a plan file: exit 0 with a summary, or exit 2 with one line per problem."),
    "help.schema": ("规划格式的 JSON Schema，供编辑器在输入 YAML 时校验。",
                    "The JSON Schema of the plan format, for editors that validate YAML as it is typed."),
    "help.template": ("为规划生成空白数据表：每项指标每年一行、流量指标期限年的月份行、每项定性目标的状态行、各责任单位的行。"
                      "--format xlsx 生成带下拉列表（指标、单位、状态）的工作簿。",
                      "An empty figures table for the plan, ready to fill in: every indicator and "
                      "year, the months of the deadline year for flows, a status row per "
                      "qualitative target, and each part's rows. --format xlsx writes a workbook "
                      "with drop-down lists of indicators, units and statuses."),
    "help.root": ("中国政府规划目标差距计算器。", "Target-gap calculator for Chinese government plan targets."),
    "help.opt.targets": ("规划文件（YAML），或内置规划的名称（见 shuangshi plans）。默认：双实规划。",
                         "Plan file (YAML), or an embedded plan's name (shuangshi plans). "
                         "Default: 双实."),
    "help.opt.figures": ("数据文件（CSV、YAML、JSON 或工作簿 .xlsx/.xls/.ods；'-' 表示标准输入），长表或宽表。可重复。",
                         "Figures file (CSV, YAML, JSON, or a workbook .xlsx/.xls/.ods; '-' for "
                         "stdin), a long or a wide table. Repeatable."),
    "help.opt.sheet": ("工作簿（.xlsx/.xls/.ods）的工作表，按名称或序号；单个文件可写 文件#工作表。默认：第一个。",
                       "Sheet of the workbooks (.xlsx/.xls/.ods), by name or number; FILE#SHEET "
                       "for one. Default: the first."),
    "help.opt.encoding": ("文本数据文件的编码（gbk、utf-16 等）。默认：UTF-8，否则按内容识别 UTF-16 或 GB18030。",
                          "Encoding of text figures files (gbk, utf-16 …). Default: UTF-8, else "
                          "UTF-16 or GB18030 as the bytes show."),
    "help.opt.template_format": ("csv，或 xlsx（工作簿，需 --output）；默认按 --output 文件后缀，否则 csv。",
                                 "csv, or xlsx (a workbook: needs --output); default: what the "
                                 "--output file's suffix names, else csv."),
    "error.workbook_needs_output": ("此格式生成工作簿：请用 --output 文件", "this format writes a workbook: give --output FILE"),
    "help.opt.pairs": ("以 指标=数值 给出的数据（gdp=352.1，财政总收入=412000万元），配合 --year。",
                       "Figures as ID=VALUE (gdp=352.1, 财政总收入=412000万元), for --year."),
    "help.opt.year": ("指标=数值 数据所属年份，以及宽表月份列（1-9月）的年份。",
                      "Year of the ID=VALUE figures, and of a wide table's month columns (1-9月)."),
    "help.opt.figure": ("以 指标=数值 给出的一项数据，配合 --year。可重复。",
                        "A figure as ID=VALUE, for --year. Repeatable."),
    "help.opt.part": ("责任单位（镇、园区、县直单位）：评估其自身目标；指标=数值 数据属于该单位。",
                      "A part (镇, 园区, 县直单位): assess its own targets; ID=VALUE figures are its."),
    "help.opt.peers": ("同级地区数据表（地区、年份、指标、数值）：在同级地区中计算位次。",
                       "Peer table (region, year, indicator, value): ranks computed among the peers."),
    "help.opt.month": ("指标=数值 数据为1月至该月（1–11）的累计数。",
                       "The ID=VALUE figures are cumulative from January to this month (1–11)."),
    "help.opt.as_of": ("忽略此年以后的数据。", "Ignore figures after this year."),
    "help.opt.lang": ("zh 或 en。默认：中文环境用中文，否则英文。",
                      "zh or en. Default: Chinese when the locale is Chinese, else English."),
    "help.opt.format": ("输出格式（默认 table；写入 --output 文件时按其后缀：.json .csv .md .html .xlsx）。",
                        "Output format (default: table; for an --output file, what its suffix "
                        "names: .json .csv .md .html .xlsx)."),
    "help.opt.report_format": ("输出格式（默认 html；写入 --output 文件时按其后缀：.md .json …）。",
                               "Output format (default: html; for an --output file, what its "
                               "suffix names: .md .json …)."),
    "error.schema_suffix": ("schema 输出 JSON：请将文件命名为 .json（{file}）",
                            "schema writes JSON: name the file .json ({file})"),
    "error.format_suffix": ("-F {format} 与 {file} 不符：{suffix} 文件应为 {named} 格式；请用 -F {named}，或换一个文件名",
                            "-F {format} does not fit {file}: a {suffix} file holds {named}; give "
                            "-F {named}, or another file name"),
    "error.no_such_file_format": ("不输出 {suffix} 文件（{file}）：可输出表格（.txt）、JSON、CSV、Markdown、HTML 与 xlsx",
                                  "shuangshi writes no {suffix} file ({file}): it writes a table "
                                  "(.txt), JSON, CSV, Markdown, HTML and xlsx"),
    "error.chart_suffix": ("图表为 SVG：请将文件命名为 .svg（{file}）",
                           "the chart is SVG: name its file .svg ({file})"),
    "error.no_pdf": ("不输出 PDF（{file}）：请写成 HTML 文件（-o 报告.html），再用浏览器打印为 PDF",
                     "shuangshi writes no PDF ({file}): write an HTML file (-o report.html) and "
                     "print it to PDF from a browser"),
    "help.opt.check_format": ("同时按此格式输出报告（默认不输出；给出 --output 时按文件后缀，否则 table）。",
                              "Also print the report in this format (default: none; with "
                              "--output, what the file's suffix names, else table)."),
    "help.opt.output": ("写入此文件而不是标准输出（普通文件原子写入；'-' 为标准输出）。",
                        "Write to this file instead of stdout (a regular file atomically; '-' is "
                        "stdout)."),
    "help.opt.on_track": ("进度比达到此值即为符合预期（规划默认0.95）。",
                          "Pace ratio at or above which a target is on track (plan default 0.95)."),
    "help.opt.acceleration": ("进度比达到此值为慢于预期，低于则相对滞后（规划默认0.60）。",
                              "Pace ratio at or above which a target needs acceleration (plan "
                              "default 0.60)."),
    "help.opt.fail_on": ("从哪个状态起判为不通过：{choices}。", "First status that fails: {choices}."),
    "help.opt.junit": ("同时将 JUnit XML 报告写入此文件（每项目标一个测试用例）。",
                       "Also write a JUnit XML report to this file (a test case per target)."),
    "help.opt.summary": ("将 Markdown 报告追加到此文件（默认：--format github 时为 $GITHUB_STEP_SUMMARY）。",
                         "Append the Markdown report to this file (default with --format github: "
                         "$GITHUB_STEP_SUMMARY)."),
    "help.opt.binding_only": ("只在约束性目标未达要求时判为失败；其余照常列出。",
                              "Fail only on binding (约束性) targets; others are reported."),
    "help.plans": ("内置规划：用 --targets 名称 选用（如 --targets cn-14th-fyp）。",
                   "The embedded plans: name them with --targets NAME (e.g. --targets cn-14th-fyp)."),
    "help.opt.parts": ("同时评估各责任单位自身的目标：其未达要求同样判为失败，JUnit 按责任单位分组。",
                       "Also judge every part's own targets (towns, parks, departments): their "
                       "failures fail the check too, and JUnit groups them by part."),
    "help.opt.strict": ("数据不足也判为不通过。", "Also fail on insufficient_data."),
    "help.opt.target_id": ("一项目标（代码或名称）。默认：全部。", "One target (id or name). Default: all."),
    "help.opt.whatif_id": ("目标（代码或名称）。", "The target (id or name)."),
    "help.opt.growth": ("假设的年均增速（7.5%）；位次和比率：每年的变化量。可重复。",
                        "Assumed annual growth (7.5%); ranks and rates: the step per year. Repeatable."),
    "help.opt.by": ("到此年实现目标所需的增速。", "The growth needed to meet the target by this year."),
    "help.opt.deflator": ("价格指数（2%）：--growth 为实际增速，目标为现价（名义）。",
                          "Price deflator (2%): --growth is real, the target nominal (current prices)."),
    "help.opt.file": ("要检查的规划文件。默认：--targets，否则内置规划。",
                      "Plan file to check. Default: --targets, else the embedded plan."),
    "help.opt.version": ("显示版本。", "Show the version."),
    "help.opt.help": ("显示此帮助并退出。", "Show this message and exit."),
    "help.opt.install_completion": ("为当前 shell 安装命令补全。", "Install completion for the current shell."),
    "help.opt.show_completion": ("显示当前 shell 的补全脚本，以便复制或自定义安装。",
                                 "Show completion for the current shell, to copy it or customize "
                                 "the installation."),
    # typer's and click's own words in help screens
    "typer.usage": ("用法：", "Usage:"),
    "typer.options": ("选项", "Options"),
    "typer.arguments": ("参数", "Arguments"),
    "typer.commands": ("命令", "Commands"),
    "typer.default": ("默认：", "default:"),
    "typer.required": ("必填", "required"),
    "typer.env": ("环境变量：", "env var:"),
    "typer.default.value": ("默认：{default}", "default: {default}"),
    "typer.env.value": ("环境变量：{var}", "env var: {var}"),
    "typer.try": ("用 '{command} --help' 查看帮助。", "Try '{command} --help' for help."),
    "typer.error": ("错误", "Error"),
}
# fmt: on

_BY_ENGLISH: dict[str, tuple[str, str]] = {en: (zh, en) for zh, en in CATALOGUE.values()}


# Messages written as English sentences (the gettext way: the English text is the message's
# id), with their values in braces — {a}, {cells} … — and their Chinese. A Msg of such an id, or
# a message the core formatted itself (an f-string at its raise site), is matched against these
# when it is printed in Chinese; one that none matches stays English.
ZH_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "{comparison} does not fit a change of {value}: a fall is a negative change (累计下降13.5% is value: -13.5 with '<='), a rise a positive one with > or >=: value: {negated}?",
        "{comparison} 与变化 {value} 不相符：降幅写成负数（累计下降13.5% 即 value: -13.5，配 '<='），增幅写成正数，配 > 或 >=：是否应为 value: {negated}？",
    ),
    (
        "{comparison} does not fit a change of {value}: a fall is a negative change (累计下降13.5% is value: -13.5 with '<='), a rise a positive one with > or >=",
        "{comparison} 与变化 {value} 不相符：降幅写成负数（累计下降13.5% 即 value: -13.5，配 '<='），增幅写成正数，配 > 或 >=",
    ),
    # a plan's values and comparisons, as the texts write them
    (
        "write the unit apart: value: {number} and unit: {unit}",
        "请把单位分开写：value: {number}，unit: {unit}",
    ),
    (
        "write the comparison apart: comparison: {symbol} and value: {rest}, unit: {unit}",
        "请把比较与单位分开写：comparison: {symbol}，value: {rest}，unit: {unit}",
    ),
    (
        "write the comparison apart: comparison: {symbol} and value: {rest}",
        "请把比较分开写：comparison: {symbol}，value: {rest}",
    ),
    (
        "{value} is a fall, not a comparison: write comparison: '<=' and the fall as a negative value (累计下降13.5% is kind: change, value: -13.5; 年均下降3% kind: growth, value: -3)",
        "{value} 是降幅，不是比较：请写 comparison: '<='，并把降幅写成负数（累计下降13.5% 即 kind: change、value: -13.5；年均下降3% 即 kind: growth、value: -3）",
    ),
    (
        "{value} is a band: use kind: approximate and value: {number}",
        "{value} 是区间：请用 kind: approximate，value: {number}",
    ),
    # reading tables and workbooks, and the operating system's words for a file's trouble
    ("{label}: there is no month {month}", "{label}：没有{month}月"),
    (
        "{label} could be {month}月 alone or 1-{month}月 (January to {month}月): write 1-{month}月 for the cumulative figure, the only kind read",
        "{label} 可能是单月 {month}月，也可能是 1-{month}月（1月至{month}月累计）：累计数请写 1-{month}月（只读取累计数）",
    ),
    (
        "{label} is one quarter alone: give cumulative figures (一季度, 上半年, 前三季度, or 1-6月, 1-9月)",
        "{label} 是单季数据：请给出累计数（一季度、上半年、前三季度，或 1-6月、1-9月）",
    ),
    (
        "unknown column {column}: a wide table has indicator, unit (and part, region, note) columns, then periods: 2016, 2017年, 1-3月, 2019年1-6月 …",
        "未知列 {column}：宽表应有指标、单位（以及责任单位、地区、备注）列，其后为各期：2016、2017年、1-3月、2019年1-6月……",
    ),
    (
        "the header has a {clash} column and period columns ({labels}): read it either long (indicator, year, month, value, status …) or wide (indicator, unit, 2016, 2017 … or 1-3月, 1-6月 …), not both",
        "表头既有 {clash} 列又有各期列（{labels}）：请写成长表（指标、年份、月份、数值、状态……）或宽表（指标、单位、2016、2017……或 1-3月、1-6月……），不能兼有",
    ),
    (
        "a wide table needs an indicator column (指标) besides {labels}",
        "宽表除 {labels} 外还需要指标列",
    ),
    (
        "the header has a year column and columns with a year ({given}): keep the year column with month columns (1-3月, 1-6月), or drop it and give a column per year",
        "表头既有年份列又有带年份的列（{given}）：年份列只与月份列（1-3月、1-6月）同用，否则请去掉年份列、每年一列",
    ),
    (
        "the columns {months} have no year: write it in the header (2019年1-9月), add a year column (年份), or give --year",
        "列 {months} 没有年份：请写在表头（2019年1-9月）、加年份列，或用 --year 给出",
    ),
    ("{first} and {second} are the same period", "{first} 与 {second} 是同一期"),
    ("{cells} cells but {columns} columns", "本行{cells}格，而表头为{columns}列"),
    ("1 cell but {columns} columns", "本行1格，而表头为{columns}列"),
    ("the file is empty", "文件为空"),
    ("the header has no 'indicator' column", "表头没有“指标”（indicator）列"),
    (
        "no header row: the table needs one naming its columns (indicator, year, value; or 指标, 单位, 2016, 2017 …)",
        "没有表头行：表格需要一行列名（indicator、year、value，或 指标、单位、2016、2017……）",
    ),
    (
        "the header has no 'year' column (a table of one year: write the year in a title line above it, 2018年…, or give --year)",
        "表头没有“年份”列（单年表：请在表格上方标题行写明年份，如 2018年……，或用 --year 给出）",
    ),
    (
        "unknown column {column} (did you mean {hint}?); columns are {fields}",
        "未知列 {column}（是否为 {hint}？）；可用的列：{fields}",
    ),
    ("unknown column {column}; columns are {fields}", "未知列 {column}；可用的列：{fields}"),
    ("the workbook is password-protected", "工作簿有密码保护"),
    ("No such file or directory", "没有那个文件或目录"),
    ("Permission denied", "权限不够"),
    ("Is a directory", "是一个目录"),
    ("Not a directory", "不是目录"),
    ("No space left on device", "设备上没有空间"),
    ("Read-only file system", "只读文件系统"),
    ("File exists", "文件已存在"),
    ("Device or resource busy", "设备或资源忙"),
    ("Broken pipe", "管道已断开"),
    ("Input/output error", "输入/输出错误"),
    ("not a workbook calamine can read: {reason}", "不是可读取的工作簿：{reason}"),
    ("cannot read sheet {sheet}: {reason}", "无法读取工作表 {sheet}：{reason}"),
    (
        "--year {year} but the title says {titled}年: give the table's own year",
        "--year 为 {year}，标题却为{titled}年：请给出该表自己的年份",
    ),
    (
        "the value says {value} but the growth column says {growth}",
        "数值为 {value}，比上年增长列却为 {growth}",
    ),
    (
        "the indicator's name says {named} but the unit column says {column}",
        "指标名称中的单位为 {named}，单位列却为 {column}",
    ),
    (
        "sheet {sheet} is {size} MB of XML unpacked, more than the {most} MB a table of figures "
        "is read from",
        "工作表 {sheet} 解压后有 {size} MB 的 XML，超过数据表可读取的 {most} MB",
    ),
    (
        "sheet {sheet} spans {rows} rows and {columns} columns (to {cell}), more than the {most} "
        "cells a table of figures is read from: delete what stands far off, or copy the table "
        "to a new sheet",
        "工作表 {sheet} 占 {rows} 行 {columns} 列（至 {cell}），超过数据表可读取的 {most} 个单元格："
        "请删除远处的内容，或将表格复制到新工作表",
    ),
    (
        "{a} is a formula without its figure (saved by a program that does not compute: open "
        "the workbook in Excel or LibreOffice and save it)",
        "{a} 是没有计算结果的公式（由不计算公式的程序保存：请用 Excel 或 LibreOffice 打开并保存该工作簿）",
    ),
    ("the workbook has no visible worksheet", "工作簿没有可见的工作表"),
    ("no sheet {sheet}; the sheets are {listed}", "没有工作表 {sheet}；现有工作表：{listed}"),
    # figures
    ("--year is required with INDICATOR=VALUE figures", "指标=数值 形式的数据需要 --year 给出年份"),
    ("expected INDICATOR=VALUE, e.g. gdp=352.1", "应为 指标=数值，例如 gdp=352.1"),
    ("a figure is a mapping: indicator, year, value", "每项数据应为映射：indicator、year、value"),
    (
        "expected a list of figures (indicator, year, value)",
        "应为数据列表（indicator、year、value）",
    ),
    ("a hand verdict judges a whole year, not a month", "人工判定针对全年，不针对月份"),
    ("a rank is a whole number from 1, not {a}", "位次应为从1起的整数，不能是 {a}"),
    ("a real growth rate must be above -100%", "可比价增速必须大于 -100%"),
    (
        "a region column belongs in a peer table (--peers), not figures",
        "地区列属于同级地区数据表（--peers），不属于本地数据",
    ),
    ("no indicator", "缺少指标"),
    ("no year", "缺少年份"),
    ("no value for {a}", "{a} 缺少数值"),
    ("the value says {a} but the unit column says {b}", "数值写的是 {a}，单位列却是 {b}"),
    ("this plan has no parts (责任单位)", "此规划没有责任单位"),
    (
        "this plan has no parts (责任单位): add a parts list to rank them",
        "此规划没有责任单位：请添加 parts 列表后再排名",
    ),
    ("unknown indicator {a} (did you mean {b}?)", "未知指标 {a}（是否为 {b}？）"),
    ("unknown indicator {a}; indicators are {b}", "未知指标 {a}；可用的指标：{b}"),
    ("unknown indicator {a}", "未知指标 {a}"),
    ("unknown key; keys are {a}", "未知的键；可用的键：{a}"),
    ("unknown part {a}; parts: {b}", "未知责任单位 {a}；责任单位有：{b}"),
    (
        "unknown unit {a} (did you mean {b}, {c} or {d}?)",
        "未知单位 {a}（是否为 {b}、{c} 或 {d}？）",
    ),
    ("unknown unit {a} (did you mean {b} or {c}?)", "未知单位 {a}（是否为 {b} 或 {c}？）"),
    ("unknown unit {a} (did you mean {b}?)", "未知单位 {a}（是否为 {b}？）"),
    (
        "unknown unit {a}: declare it in the plan's units list, e.g. units: [{b}]",
        "未知单位 {a}：请在规划的 units 列表中声明，例如 units: [{b}]",
    ),
    ("unknown unit {a}", "未知单位 {a}"),
    (
        "{a}'s figures are rates ({b}): a cumulative month figure, an amount so far, does not fit",
        "{a} 的数据为比率（{b}）：月度累计数是累计量，不适用",
    ),
    ("{a} is a pace ratio from 0, not {b}", "{a} 是不小于 0 的进度比，不能为 {b}"),
    (
        "{a} is not a number (one = between the name and the figure: {b})",
        "{a} 不是数字（名称与数据之间只写一个 =：{b}）",
    ),
    (
        "the file names sheet {a} but --sheet names {b}: give one",
        "文件名指定工作表 {a}，--sheet 却指定 {b}：请只给一个",
    ),
    (
        "1 cell but {a} columns: the row's cells are separated by {b}, the header's are not",
        "本行1格，而表头为{a}列：本行以 {b} 分隔，表头不是",
    ),
    (
        "the workbook's parts besides its sheets are {a} MB of XML unpacked ({b} alone {c} MB), "
        "more than the {d} MB a workbook of figures is read with",
        "工作簿除工作表外的部分解压后共 {a} MB XML（其中 {b} 为 {c} MB），超过读取数据工作簿所允许的 {d} MB",
    ),
    (
        "{a} cells but {b} columns: is {c} one number, its thousands split by a comma? Write it "
        "without the comma or in quotes",
        "本行{a}格，而表头为{b}列：{c} 是否是一个数、千位被逗号分开了？请去掉逗号或给它加引号",
    ),
    (
        "the unit line lists {a}, more than one of this figure's kind: give the row its own unit",
        "单位行列出 {a}，其中不止一个与该数据同类：请为该行写明单位",
    ),
    ("{a} is {b} here but {c} at {d}", "{a} 此处为 {b}，但在 {d} 为 {c}"),
    ("{a} is not a number: a formula failed there", "{a} 不是数字：该处公式出错"),
    (
        "the indicator reads as a YAML boolean (yes, no, on, off): quote the name",
        "指标被 YAML 读作布尔值（yes、no、on、off）：请给名称加引号",
    ),
    (
        "{a}: in a table separated by semicolons, a comma may be a decimal mark: write the "
        "number without it (64.72, 64720)",
        "{a}：以分号分隔的表中，逗号可能是小数点：请写成不带逗号的数（64.72 或 64720）",
    ),
    ("{a} is not a number", "{a} 不是数字"),
    ("{a} is {b}, out of range (1e-{c} to 1e{d})", "{a} 即 {b}，超出范围（1e-{c} 至 1e{d}）"),
    ("{a} is out of range (1e-{b} to 1e{c})", "{a} 超出范围（1e-{b} 至 1e{c}）"),
    ("{a} is out of range", "{a} 超出范围"),
    ("year {a} is outside {b}–{c}", "年份 {a} 超出 {b}–{c}"),
    ("month {a} is outside {b}–{c}", "月份 {a} 超出 {b}–{c}"),
    ("{a} is not a whole year", "{a} 不是整数年份"),
    ("{a} is not a whole month", "{a} 不是整数月份"),
    ("{a} is not a year", "{a} 不是年份"),
    ("{a} is not a month", "{a} 不是月份"),
    ("{a} has no target for {b}", "{a} 没有 {b} 的目标"),
    ("{a} cannot be negative ({b})", "{a} 不能为负数（{b}）"),
    ("a yearly change of {a} must be above -100% ({b})", "{a} 的年度变化须大于 -100%（{b}）"),
    (
        "{a} is a change on the year before; {b} takes the figure itself",
        "{a} 是比上年的变化；{b} 应填写指标数值本身",
    ),
    ("{a} is measured in {b}; {c} does not fit", "{a} 以 {b} 计量；{c} 不适用"),
    (
        "{a} is not a flow over the year: a cumulative month figure does not fit",
        "{a} 不是年度流量指标：不适用月度累计数",
    ),
    ("{a} is qualitative: give a status, not a value", "{a} 是定性目标：请给出状态，而不是数值"),
    ("{a} is qualitative: give a status", "{a} 是定性目标：请给出状态"),
    ("{a} reads the figures of {b}: give them as {c}", "{a} 读取 {b} 的数据：请以 {c} 给出"),
    (
        "{a}: annual growth rates are chained from {b}; {c} is missing",
        "{a}：各年增速从{b}年起连乘；缺少{c}年",
    ),
    (
        "{a}: real growth is chained from {b}; {c} is missing",
        "{a}：可比价增速从{b}年起连乘；缺少{c}年",
    ),
    (
        "the file is not text in UTF-8, UTF-16 or GB18030 (byte 0x{a}); if it is text, name its "
        "encoding with --encoding",
        "文件不是 UTF-8、UTF-16 或 GB18030 编码的文本（字节 0x{a}）；如果是文本，请用 --encoding 指明编码",
    ),
    ("the file is not valid {a} (byte 0x{b})", "文件不是有效的 {a} 编码（字节 0x{b}）"),
    (
        "this is a workbook (.xlsx, .xls or .ods) or another zip file, not text",
        "这是工作簿（.xlsx、.xls 或 .ods）或其他 zip 文件，不是文本",
    ),
    ("unknown encoding {a}", "未知编码 {a}"),
    ("--encoding {a} is not an encoding Python knows", "--encoding {a} 不是可识别的编码"),
    ("the file is larger than {a} MB, the most read", "文件超过 {a} MB，这是可读取的上限"),
    (
        "the file is larger than {a} MB, the most read as YAML or JSON (give a large table of "
        "figures as CSV)",
        "文件超过 {a} MB，这是 YAML 可读取的上限（大量数据请用 CSV）",
    ),
    ("cannot read: stdin is closed", "无法读取：标准输入已关闭"),
    ("the file is not text: the character {a} is not allowed", "文件不是文本：不允许字符 {a}"),
    ("the character {a} (a control character) is not allowed", "不允许字符 {a}（控制字符）"),
    (
        "the character {a} (a bidirectional control) is not allowed",
        "不允许字符 {a}（双向控制字符）",
    ),
    (
        'a quoted cell runs to line {a}: is a closing quote (") missing?',
        '带引号的单元格延续到第{a}行：是否缺少右引号（"）？',
    ),
    (
        'a quoted cell runs to the end of the file: is a closing quote (") missing?',
        '带引号的单元格延续到文件末尾：是否缺少右引号（"）？',
    ),
    (
        "the header has no 'value' column (nor 'status')",
        "表头没有“数值”（value）列，也没有“状态”（status）列",
    ),
    ("the {a} {b} is there twice", "{b} 重复出现"),
    ("the {a}s {b} and {c} both give the {d}", "{b} 与 {c} 都表示 {d}"),
    ("{a} (and {b} more rows like it)", "{a}（另有{b}行相同）"),
    ("{a} (and 1 more row like it)", "{a}（另有1行相同）"),
    ("not valid CSV: {a}", "不是有效的 CSV：{a}"),
    # JSON and YAML
    ("duplicate key {a}", "重复的键 {a}"),
    ("not valid JSON: {a}", "不是有效的 JSON：{a}"),
    ("not valid YAML: the character {a} is not allowed", "不是有效的 YAML：不允许字符 {a}"),
    ("not valid YAML: {a}", "不是有效的 YAML：{a}"),
    ("the document is nested too deeply", "文档嵌套过深"),
    (
        "the document has more than {a} values, the most read as YAML (give a large table of "
        "figures as CSV or JSON)",
        "文档超过 {a} 个值，这是 YAML 可读取的上限（大量数据请用 CSV 或 JSON）",
    ),
    ("expected one YAML document, found more", "应为一个 YAML 文档，实际不止一个"),
    # peers and parts
    ("no region", "缺少地区"),
    ("the peer table has no rows", "同级地区数据表没有数据行"),
    ("the peer table has no rows of {a}", "同级地区数据表没有 {a} 的数据行"),
    ("the plan's own region {a} is ambiguous: {b}", "规划所属地区 {a} 不唯一：{b}"),
    ("the plan's own region {a} is not in the peer table", "同级地区数据表中没有规划所属地区 {a}"),
    (
        "{a} is qualitative: a peer table gives figures to rank",
        "{a} 是定性目标：同级地区数据表给出的是用于排名的数值",
    ),
    # the plan
    ("required key is missing", "缺少必填的键"),
    ("unknown key (did you mean {a}?)", "未知的键（是否为 {a}？）"),
    ("unknown key", "未知的键"),
    ("Input should be a valid list", "应为列表"),
    ("Input should be a valid dictionary", "应为映射"),
    ("Input should be a valid string", "应为字符串"),
    ("Input should be a valid integer", "应为整数"),
    ("Input should be a valid number", "应为数字"),
    ("Input should be a valid boolean", "应为布尔值（true 或 false）"),
    ("Input should be a valid date", "应为日期"),
    ("Input should be greater than or equal to {a}", "应不小于 {a}"),
    ("Input should be greater than {a}", "应大于 {a}"),
    ("Input should be less than or equal to {a}", "应不大于 {a}"),
    ("Input should be less than {a}", "应小于 {a}"),
    ("Input should be {a}", "应为 {a}"),
    (
        "List should have at least {a} item after validation, not {b}",
        "列表至少应有 {a} 项，实际 {b} 项",
    ),
    ("String should have at least {a} character", "字符串至少应有 {a} 个字符"),
    ("must not be blank (nor only invisible characters)", "不能为空（也不能只有不可见字符）"),
    ("must be one line (no line break)", "须为一行（不能换行）"),
    ("must not be above on_track", "不能高于 on_track"),
    ("a plan is a mapping with keys plan, targets …", "规划应为映射，包含 plan、targets 等键"),
    ("the period ends before it starts", "实施期的结束早于开始"),
    ("the base year is after the end of the period", "基期年晚于实施期结束"),
    ("published before it was issued", "发布日期早于印发日期"),
    ("issued after the period ends ({a})", "印发日期晚于实施期结束（{a}）"),
    ("the deadline is not after the base year", "期限不晚于基期年"),
    ("the deadline {a} is not after the base year {b}", "期限 {a} 不晚于基期年 {b}"),
    ("a rank is a whole number from 1", "位次应为从1起的整数"),
    ("a rank is better when lower: use <= or <", "位次越小越好：请用 <= 或 <"),
    ("a rank moves linearly, not compound", "位次按线性变化，不按复合增长"),
    ("a rank target cannot rank itself", "位次目标不能以自身排名"),
    ("a rank target is counted in 位, not {a}", "位次目标以“位”计，不能是 {a}"),
    ("only a rank target ranks an indicator", "只有位次目标才能对指标排名"),
    ("no target with id {a} in this plan", "此规划中没有代码为 {a} 的目标"),
    ("no other target with id {a} in this plan", "此规划中没有其他代码为 {a} 的目标"),
    ("no quantified target {a} in this plan", "此规划中没有量化目标 {a}"),
    ("a change target cannot be 0", "累计变化目标不能为0"),
    ("a growth rate must be above -100%", "增速必须大于 -100%"),
    ("a relative change must be above -100%", "相对变化必须大于 -100%"),
    (
        "a compound target must be above 0 (use progress: linear)",
        "复合增长的目标必须大于0（可用 progress: linear）",
    ),
    (
        "a level target cannot be in {a} (use kind: rank or change)",
        "总量目标不能以 {a} 计（可用 kind: rank 或 change）",
    ),
    ("an average growth rate is in %, not {a}", "年均增速以 % 计，不能是 {a}"),
    (
        "a seasonal profile has 12 monthly shares, not {a}",
        "季节性进度应有12个月度比例，不是 {a} 个",
    ),
    ("only a flow (flow: true) has a seasonal profile", "只有流量指标（flow: true）才有季节性进度"),
    ("the cumulative share falls in month {a}", "累计比例在{a}月下降"),
    (
        "the cumulative share must rise to 1 (or 100%), not {a}",
        "累计比例应升至1（或100%），不是 {a}",
    ),
    ("only a level target is at constant prices", "只有总量目标才能按不变价计"),
    ("a price year needs price_basis: constant", "价格年份需配合 price_basis: constant"),
    (
        "growth_basis is for a target whose figures are growth rates in % (a growth or relative "
        "target)",
        "growth_basis 只用于以增长率（%）为数据的目标（growth 或 relative）",
    ),
    ("only growth and change targets take a figure_unit", "只有增速和累计变化目标才有 figure_unit"),
    ("{a} is already used by {b}", "{a} 已被 {b} 使用"),
    ("a part needs at least one target of its own", "责任单位至少需要一项自己的目标"),
    ("{a} has two targets for {b}", "{a} 对 {b} 有两个目标"),
    ("{a} does not fit {b} ({c})", "{a} 与 {b}（{c}）不相符"),
    ("{a} has no figures (no unit)", "{a} 没有数据（没有单位）"),
    ("{a} is not before the deadline {b}", "{a} 不早于期限 {b}"),
    # what-if and paths
    ("--by {a} is not after the latest figure ({b})", "--by {a} 不晚于最新数据年份（{b}）"),
    ("--by {a} is outside {b}–{c}", "--by {a} 超出 {b}–{c}"),
    (
        "--deflator applies to growth rates; {a} moves linearly",
        "--deflator 只适用于增速；{a} 按线性变化",
    ),
    ("--deflator must be above -100%", "--deflator 必须大于 -100%"),
    ("a deflator of {a}% a year makes no sense", "每年 {a}% 的价格指数没有意义"),
    ("a growth of {a}% a year makes no sense", "每年 {a}% 的增速没有意义"),
    (
        "a growth of {a}% makes no sense: it must be above -100%",
        "{a}% 的增速没有意义：必须大于 -100%",
    ),
    ("no quantified target {a}; targets: {b}", "没有量化目标 {a}；目标有：{b}"),
    ("{a}: give a percentage such as 7.5%, not {b}", "{a}：请给出百分比，如 7.5%，不能是 {b}"),
    ("{a}: no figure to start from; give the latest figure", "{a}：没有起点数据；请给出最新数据"),
    # options
    ("{a} must be a finite pace ratio, not {b}", "{a} 必须是有限的进度比，不能是 {b}"),
    (
        "--month is the month of ID=VALUE figures, and none is given",
        "--month 是 指标=数值 数据的月份，但没有给出这样的数据",
    ),
    (
        "--year is the year of ID=VALUE figures (or of a wide table's months), and none is given (to "
        "ignore later figures: --as-of)",
        "--year 是 指标=数值 数据（或宽表月份列）的年份，但没有给出这样的数据（忽略此后的数据请用 --as-of）",
    ),
    (
        "--peers ranks the whole region: it does not apply with --part",
        "--peers 对全域排名，不能与 --part 同用",
    ),
    (
        "--peers needs a rank target that says what it ranks (ranks: indicator); this plan has none",
        "--peers 需要注明排名指标的位次目标（ranks: indicator）；此规划没有",
    ),
    (
        "cannot write the report: stdout is closed (use --output FILE)",
        "无法输出报告：标准输出已关闭（请用 --output 文件）",
    ),
    ("cannot write the report: {a}", "无法输出报告：{a}"),
    ("cannot write the help: stdout is closed", "无法输出帮助：标准输出已关闭"),
    ("the argument '{a}' is not UTF-8", "参数“{a}”不是 UTF-8"),
    ("argument {a}", "参数 {a}"),
    ("unknown status {a}; use one of: {b}", "未知状态 {a}；可用：{b}"),
    (
        "--sheet chooses a sheet of a workbook (.xlsx, .xls, .ods), and no workbook is given",
        "--sheet 用于选择工作簿（.xlsx、.xls、.ods）的工作表，但没有给出工作簿",
    ),
    (
        "--parts judges a plan's parts: this plan has none",
        "--parts 评估规划的责任单位：此规划没有责任单位",
    ),
    (
        "validate checks one plan: give FILE or --targets, not both ({file}, {targets})",
        "validate 只检查一个规划：给出 FILE 或 --targets，不能同时给出（{file}、{targets}）",
    ),
    (
        "{option} needs a file name, not an empty string",
        "{option} 需要文件名，不能是空字符串",
    ),
    (
        "{option} is given twice ({first} and {second}): give it once",
        "{option} 给了两次（{first} 与 {second}）：只能给一次",
    ),
    (
        "--parts judges every part: it does not go with --part",
        "--parts 评估全部责任单位：不能与 --part 同用",
    ),
)


_COMPILED: list[tuple[re.Pattern[str], str]] | None = None
_PLACEHOLDER = re.compile(r"\\\{([a-z_]+)\\\}")


def _pattern(english: str) -> re.Pattern[str]:
    """The regular expression of an English template: each {value} a group, a value written
    twice ({month} … {month}) the same text both times."""
    seen: set[str] = set()

    def group(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return f"(?P<{name}>.+?)"

    return re.compile("^" + _PLACEHOLDER.sub(group, re.escape(english)) + "$", re.S)


def _compiled() -> list[tuple[re.Pattern[str], str]]:
    global _COMPILED  # noqa: PLW0603 -- compiled once, on the first message printed in Chinese
    if _COMPILED is None:
        _COMPILED = []
        for english, chinese in ZH_PATTERNS:
            _COMPILED.append((_pattern(english), chinese))
    return _COMPILED


def translate(text: str, lang: Lang | str) -> str:
    """A message written in English in the core, in ``lang``: the catalogue's words when it
    knows the sentence (exactly, or by a template with its values), else as it is."""
    if lang != Lang.ZH:
        return text
    entry = _BY_ENGLISH.get(text)
    if entry is not None:
        return entry[0]
    for pattern, chinese in _compiled():
        match = pattern.match(text)
        if match is not None:
            return chinese.format(**match.groupdict())
    return text
