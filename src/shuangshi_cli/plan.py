"""Pydantic models of a targets file (the plan), its cross-field checks, and its loading."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Annotated, Literal, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from shuangshi_cli.errors import shown
from shuangshi_cli.formulas import FIRST_YEAR, LAST_YEAR, Progress
from shuangshi_cli.plan_words import (
    COMPARISON_WORDS,
    read_comparison,
    refuse_comparison_in_value,
)
from shuangshi_cli.units import (
    BUILTIN_UNITS,
    PERCENT,
    Unit,
    UnitRegistry,
    close_cjk_spaces,
    convert,
    decimal_text,
)


def _decimal_text(value: object) -> object:
    """A number written as text in a plan, read as a figures table reads it."""
    if not isinstance(value, str):
        return value
    folded = decimal_text(value)
    if folded is None:
        raise PydanticCustomError(  # as a figures table says it
            "decimal_text", "{value} is not a number", {"value": shown(value)}
        )
    return folded


def _date_written(value: object) -> object:
    """A date as a plan writes it (2017-08-29); a number (20170829) is none, where pydantic would
    read it as seconds since 1970."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        raise PydanticCustomError(
            "date_written", "{value} is not a date: write it YYYY-MM-DD (2017-08-29)",
            {"value": shown(str(value))},
        )  # fmt: skip
    return value


Date = Annotated[dt.date, BeforeValidator(_date_written)]
Year = Annotated[
    int,
    BeforeValidator(_decimal_text),
    Field(ge=FIRST_YEAR, le=LAST_YEAR, description=f"A calendar year, {FIRST_YEAR}–{LAST_YEAR}."),
]
Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=64,
        description="Stable identifier: lower-case letters, digits and underscores.",
    ),
]


def _visible(text: str) -> str:
    """Refuse a name that shows nothing: blank, or only spaces and zero-width characters."""
    if not any(unicodedata.category(c)[0] not in "CZ" for c in text):
        raise PydanticCustomError("blank", "must not be blank (nor only invisible characters)")
    return text


def _one_line(text: str) -> str:
    """Refuse a name or title with a line break: it is one line in every table and message."""
    if any(c in "\n\r\x0b\x0c\x85\u2028\u2029" for c in text):
        raise PydanticCustomError("line_break", "must be one line (no line break)")
    return text


Line = Annotated[str, AfterValidator(_one_line)]
Text = Annotated[str, Field(min_length=1), AfterValidator(_visible), AfterValidator(_one_line)]
EMBEDDED_NAME = "targets.yaml (embedded)"


class Comparison(StrEnum):
    """How the latest figure is compared with the target value."""

    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="

    @property
    def higher_is_better(self) -> bool:
        return self in {Comparison.GT, Comparison.GE}

    def holds(self, value: Decimal, target: Decimal) -> bool:
        """Whether ``value`` meets the target ``target`` under this comparison, exactly."""
        if self is Comparison.GT:
            return value > target
        if self is Comparison.GE:
            return value >= target
        if self is Comparison.LT:
            return value < target
        return value <= target


# A comparison as the texts write it (超过, 不低于, ≥ …), and a value that is only a number.
ComparisonIn = Annotated[
    Comparison,
    BeforeValidator(read_comparison),
    WithJsonSchema(
        {
            "type": "string",
            "enum": [*(c.value for c in Comparison), "＞", "≥", "≤", "＜", *COMPARISON_WORDS],
            "description": "> >= < <=, full-width ＞ ≥ ≤ ＜, or a word of the texts (超过 …).",
        }
    ),
]
Value = Annotated[
    Decimal, BeforeValidator(_decimal_text), BeforeValidator(refuse_comparison_in_value)
]  # (the last runs first: ">92.7" is said to be a comparison before it is said to be no number)


class Kind(StrEnum):
    """What a target states.

    level: the indicator reaches a value (地区生产总值超400亿元, 城镇化率60%).
    rank: a place in a ranking, lower is better (进入全省县域第五).
    growth: an average annual growth rate over the plan (年均增长7%).
    change: a cumulative change from the base year (累计下降15%, 提高3个百分点).
    qualitative: a goal without a number (创新发展当先行).
    approximate: a value with a band around it (15左右), met inside the band.
    relative: a growth compared with another series' growth (高于GDP增长, 与GDP增长基本同步).
    """

    LEVEL = "level"
    RANK = "rank"
    GROWTH = "growth"
    CHANGE = "change"
    QUALITATIVE = "qualitative"
    APPROXIMATE = "approximate"
    RELATIVE = "relative"


class Better(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


# Names looked up in Plan.resolve that are remembered (figure rows repeat a few names).
_MAX_REMEMBERED = 10_000


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Thresholds(_Model):
    """Pace-ratio thresholds of the Open SDG progress method (R = observed / required pace)."""

    on_track: float = Field(
        0.95, ge=0, allow_inf_nan=False, description="R at or above this is on track."
    )
    acceleration_needed: float = Field(
        0.60,
        ge=0,
        allow_inf_nan=False,
        description="R at or above this (and below on_track) needs acceleration.",
    )

    def overridden(
        self, on_track: float | None = None, acceleration_needed: float | None = None
    ) -> Thresholds:
        """These thresholds with some replaced; ValueError when they would be out of order."""
        merged = Thresholds(
            on_track=self.on_track if on_track is None else on_track,
            acceleration_needed=(
                self.acceleration_needed if acceleration_needed is None else acceleration_needed
            ),
        )
        if merged.acceleration_needed > merged.on_track:
            raise ValueError("acceleration_needed must not be above on_track")
        return merged


class Region(_Model):
    name: Text
    name_en: Text | None = None
    level: Literal["national", "province", "city", "county", "district", "town", "park"] | None = (
        None
    )
    parent: Line | None = None
    parent_en: Line | None = None
    province: Line | None = None
    province_en: Line | None = None


class Period(_Model):
    start: Year
    end: Year
    quote: str | None = None


class Publication(_Model):
    by: Text
    by_en: Line | None = None
    date: Date
    quote: str | None = None


class Header(_Model):
    """The document the targets come from."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")] | None = None
    title: Text
    title_en: Line | None = None
    campaign: Line | None = None
    campaign_en: Line | None = None
    issuer: Text
    issuer_en: Line | None = None
    issued: Date | None = None
    published: Publication | None = None
    region: Region
    period: Period
    base_year: Year = Field(description="The last full year before the plan: the base of growth.")
    aim: str | None = None
    aim_en: str | None = None
    thresholds: Thresholds = Thresholds()


class UnitDef(_Model):
    """A unit the built-in list lacks; units of one dimension convert by factor."""

    symbol: Text
    dimension: Text
    factor: Decimal = Field(Decimal(1), gt=0)
    en: str | None = None
    aliases: list[Text] = []

    def unit(self) -> Unit:
        return Unit(
            self.symbol, self.dimension, self.factor, self.en or self.symbol, tuple(self.aliases)
        )


class KnownValue(_Model):
    """A figure the text itself states, with the phrase it comes from."""

    year: Year
    value: Value
    comparison: ComparisonIn | None = Field(
        None, description="Set when the text gives only a bound: 突破30亿 is '>' 30."
    )
    quote: str | None = None
    indicator_as_quoted: str | None = None
    note: str | None = None


class RankBasis(_Model):
    """What a rank target ranks, and among whom."""

    indicator: Id
    among: Text
    among_en: Line | None = None


class Target(_Model):
    """One target of the plan: quantified (level, rank, growth, change) or qualitative."""

    id: Id
    name: Text
    name_en: Text | None = None
    aliases: list[Text] = []
    kind: Kind
    category: Literal["target", "goal"] = "target"
    unit: str | None = Field(None, description="Unit of `value` (亿元, %, 个百分点, 位 …).")
    comparison: ComparisonIn | None = None
    value: Value | None = None
    deadline: Year
    original_deadline: Year | None = None
    better: Better | None = Field(None, description="Defaults from the comparison (ranks: lower).")
    progress: Progress | None = Field(
        None, description="Defaults to linear for %, 个百分点 and 位, compound otherwise."
    )
    figure_unit: str | None = Field(
        None, description="Unit of the figures of a growth or change target (亿元, % …)."
    )
    attribute: Literal["expected", "binding", "预期性", "约束性"] | None = None
    flow: bool = Field(False, description="A flow over the year (GDP, revenue), not a stock.")
    each_year: bool = Field(
        False,
        description=(
            "The comparison holds in every year of the period, not only by the deadline (a "
            "年均 column's <5.5: a ceiling each year); a level or rank target only."
        ),
    )
    seasonal: list[Decimal] | None = Field(
        None,
        description=(
            "Usual cumulative share of the year's total by the end of each month, January to "
            "December (12 values rising to 1, or to 100 as percentages), for 时序进度."
        ),
    )
    ranks: RankBasis | None = None
    baseline: KnownValue | None = None
    history: list[KnownValue] = []
    thresholds: Thresholds | None = None
    source: str | None = Field(None, description="The phrase of the plan that states the target.")
    note: str | None = None
    # -- rows of real plan tables ----------------------------------------------------------------
    series: Id | None = Field(
        None,
        description=(
            "The id of another target whose figures this one reads: one indicator, several "
            "targets (GDP > 92.7万亿元 and 年均增长6.5%)."
        ),
    )
    price_basis: Literal["constant", "current"] | None = Field(
        None,
        description=(
            "constant: the target is at constant prices (按2020年价格计算); figures in % are "
            "each year's real growth, chained from the base."
        ),
    )
    price_year: Year | None = Field(None, description="The year of the constant prices.")
    growth_basis: Literal["real", "nominal"] | None = Field(
        None,
        description=(
            "real: the target's growth is at comparable prices (实际增长, 居民人均可支配收入增长 "
            "of a 五年规划): a bulletin's 比上年增长% of a money level, which is nominal but for "
            "GDP and value added, is not its figure."
        ),
    )
    tolerance: Decimal | None = Field(
        None,
        gt=0,
        description=(
            "approximate: the half-width of the band around the value, in its unit (default: "
            "0.5 for %, else 5% of the value); relative in_step: the largest gap between the "
            "two growth rates, in percentage points."
        ),
    )
    relative_to: Id | None = Field(
        None, description="relative: the id of the target whose growth this one is compared with."
    )
    relation: Literal["above", "below", "in_step"] | None = Field(
        None, description="relative: 高于 (above), 低于 (below) or 基本同步 (in_step)."
    )

    @property
    def quantified(self) -> bool:
        return self.kind is not Kind.QUALITATIVE

    @property
    def binding(self) -> bool | None:
        """约束性 (True), 预期性 (False), or not stated (None)."""
        if self.attribute is None:
            return None
        return self.attribute in {"binding", "约束性"}

    @property
    def higher_is_better(self) -> bool:
        if self.better is not None:
            return self.better is Better.HIGHER
        if self.kind is Kind.RANK:
            return False
        return self.comparison is None or self.comparison.higher_is_better

    def month_share(self, month: int) -> Fraction:
        """Share of the year's flow usually in by the end of ``month``, exactly: the seasonal
        profile, or the share of time, month / 12."""
        if self.seasonal is None:
            return Fraction(month, 12)
        scale = 100 if self.seasonal[-1] == 100 else 1
        return Fraction(self.seasonal[month - 1]) / scale

    @property
    def known_values(self) -> list[KnownValue]:
        """Figures stated by the text, oldest first."""
        values = [*self.history, *([self.baseline] if self.baseline else [])]
        return sorted(values, key=lambda k: k.year)


class Programme(_Model):
    """A programme (工程) or measure of the plan: listed as a checklist, not assessed."""

    id: Id
    name: Text
    name_en: Text | None = None
    source: str | None = None
    note: str | None = None


class PartTarget(_Model):
    """A part's own target for one of the plan's indicators; unset fields follow the plan's."""

    indicator: Id
    value: Value
    comparison: ComparisonIn | None = None
    unit: str | None = None
    deadline: Year | None = None
    note: str | None = None


class Part(_Model):
    """A part of the region with targets of its own (责任单位: 镇, 园区, 县直单位)."""

    id: Id
    name: Text
    name_en: Text | None = None
    type: Literal["town", "park", "department", "district", "other"] = "other"
    aliases: list[Text] = []
    targets: list[PartTarget] = []


@dataclass(frozen=True)
class Shortfall:
    """The parts' targets of an additive indicator add up to less than the plan's own."""

    target: Target
    total: Decimal
    parts: int


class Plan(_Model):
    """A targets file: the document, its targets, and the programmes that carry them out."""

    plan: Header
    units: list[UnitDef] = []
    targets: Annotated[list[Target], Field(min_length=1)]
    programmes: list[Programme] = []
    parts: list[Part] = []

    # A factory, not a default: pydantic deep-copies a private default for every plan built.
    _registry: UnitRegistry = PrivateAttr(default_factory=lambda: BUILTIN_UNITS)
    # Look-up tables built on first use: a figures file resolves a name per row.
    _index: _Index | None = PrivateAttr(default=None)
    _places: dict[str, tuple[str, int]] = PrivateAttr(default_factory=dict)
    # The header, targets and parts whose part targets validation checked (as for_part builds
    # them); a copy with another of them is checked again.
    _checked: tuple[Header, list[Target], list[Part]] | None = PrivateAttr(default=None)
    # ... and those part targets, as the checks built them: (the part's own target, the target)
    _part_targets: dict[int, tuple[PartTarget, Target]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _cross_checks(self) -> Plan:
        from shuangshi_cli.plan_checks import check_plan

        built: dict[int, tuple[PartTarget, Target]] = {}
        problems = list(check_plan(self, built))
        if problems:
            raise PlanSemanticError(problems)
        self._part_targets = built
        self._registry = BUILTIN_UNITS.extended(u.unit() for u in self.units)
        self._index = None  # built on first use, with this registry
        self._checked = (self.plan, self.targets, self.parts)
        return self

    # -- derived facts used by the assessment ---------------------------------------------------

    def unit(self, target: Target) -> Unit:
        """The unit of ``target.value``."""
        unit = self._lookup.unit(target.unit or "")
        if unit is None:
            raise KeyError(target.unit)
        return unit

    def figure_unit(self, target: Target) -> Unit:
        """The unit that figures of ``target`` are stored in."""
        if target.figure_unit is not None and target.kind in {
            Kind.GROWTH, Kind.CHANGE, Kind.RELATIVE,
        }:  # fmt: skip
            unit = self._lookup.unit(target.figure_unit)
            if unit is None:
                raise KeyError(target.figure_unit)
            return unit
        return self.unit(target)

    def place(self, target_id: str) -> tuple[str | None, int | None]:
        """The file and line where ``target_id`` is written, when the plan was read from text."""
        file, line = self._places.get(target_id, (None, None))
        return file, line

    def lookup_unit(self, name: str) -> Unit | None:
        return self._lookup.unit(name)

    @property
    def registry(self) -> UnitRegistry:
        """Every unit this plan reads: the built-in ones and its own."""
        return self._lookup.registry

    def progress(self, target: Target) -> Progress:
        if target.progress is not None:
            return target.progress
        if target.kind is Kind.CHANGE:
            return Progress.LINEAR if self.unit(target).dimension != PERCENT else Progress.COMPOUND
        if target.kind is Kind.GROWTH:
            return Progress.COMPOUND
        unit = self.figure_unit(target)
        # a rate moves by points; years (of schooling, of age) by years a year, not by %
        return Progress.LINEAR if unit.is_rate or unit.dimension == "years" else Progress.COMPOUND

    def yearly_changes(self, target: Target) -> bool:
        """Whether ``target``'s figures are each year's change in %, which bulletins write as
        比上年增长6.1% or 下降2.7%, and which are chained: a growth target's rates, a cumulative
        change's yearly changes (累计下降13.5%), a relative target's growth (and a qualitative
        one's, in %, that another compares with)."""
        if target.unit is None or self.figure_unit(target).dimension != PERCENT:
            return False
        if target.kind is Kind.CHANGE:
            return self.unit(target).dimension == PERCENT
        return target.kind in {Kind.GROWTH, Kind.RELATIVE, Kind.QUALITATIVE}

    def thresholds(self, target: Target) -> Thresholds:
        return target.thresholds or self.plan.thresholds

    @property
    def _lookup(self) -> _Index:
        # Read from pydantic's private dict itself: its __getattr__ costs a microsecond a time.
        private = self.__pydantic_private__
        index = cast("_Index | None", private.get("_index") if private is not None else None)
        # A copy (model_copy) shares the private dict: rebuild when the lists are not these.
        if index is None or index.targets is not self.targets or index.parts is not self.parts:
            index = self._index = _Index.of(self)
        return index

    def resolve(self, key: str) -> Target | None:
        """The target named ``key``: its id, Chinese or English name, or an alias; also as
        tables number and gloss them (1.地区生产总值, （一）地区生产总值, 地区生产总值（GDP）)."""
        index = self._lookup
        if key not in index.resolved:
            found = index.targets_by_name.get(_fold(key))
            if found is None and (bare := _unnumbered(key)) != key:
                found = index.targets_by_name.get(_fold(bare))
            index.resolved[key] = found
        return index.resolved[key]

    def names(self) -> list[str]:
        """Every id and Chinese name, for did-you-mean hints."""
        return [k for t in self.targets for k in (t.id, t.name)]

    def target(self, target_id: str) -> Target:
        target = self._lookup.targets_by_id.get(target_id)
        if target is None:
            raise KeyError(target_id)
        return target

    @property
    def quantified(self) -> list[Target]:
        return [t for t in self.targets if t.quantified]

    # -- parts -------------------------------------------------------------------------------

    def resolve_part(self, key: str) -> Part | None:
        """The part named ``key``: its id, English name, name or alias, else the only part whose
        name is ``key`` with or without 镇/园区 … (朝阳 is none when 朝阳乡 and 朝阳镇 are both
        parts: ``parts_named`` says which)."""
        index = self._lookup
        if key not in index.resolved_parts:
            found = index.parts_by_name.get(_fold(key))
            if found is None:
                places = index.parts_by_place.get(place_key(key), [])
                exact = [i for i in places if _fold(key) in index.part_names[i]]
                found = exact[0] if exact else (places[0] if len(places) == 1 else None)
            index.resolved_parts[key] = found
        i = index.resolved_parts[key]
        return None if i is None else self.parts[i]

    def parts_named(self, key: str) -> list[Part]:
        """The parts whose name ``key`` is without its suffix (朝阳: 朝阳乡 and 朝阳镇)."""
        return [self.parts[i] for i in self._lookup.parts_by_place.get(place_key(key), [])]

    def for_part(self, part: Part) -> Plan:
        """The plan as one part sees it: its own region and its own targets.

        Built from the already validated models (copies with the part's fields replaced) and
        checked by the same target checks as a plan file; once per part, then remembered.
        """
        cache = self._lookup.part_plans
        if part.id in cache and cache[part.id][0] is part:
            return cache[part.id][1]
        header = self.plan.model_copy(
            update={
                "region": Region(name=part.name, name_en=part.name_en, level=None),
                "title": f"{self.plan.title}（{part.name}）",
                "title_en": (
                    f"{self.plan.title_en} ({part.name_en or part.name})"
                    if self.plan.title_en
                    else self.plan.title_en
                ),
            }
        )
        # (the private attributes read from pydantic's dict: its __getattr__ is slow)
        private = self.__pydantic_private__ or {}
        registry, built = private["_registry"], private["_checked"]
        checked = built is not None and all(
            a is b for a, b in zip(built, (self.plan, self.targets, self.parts), strict=True)
        )  # validation checked these very part targets, and built them
        made = private["_part_targets"] if checked else {}
        targets = [
            found[1]
            if (found := made.get(id(own))) is not None and found[0] is own
            else part_target(self.target(own.indicator), own)
            for own in part.targets
        ]
        problems = [
            (("targets", i, *path), message)
            for i, target in enumerate(targets)
            if not checked
            for path, message in check_target(target, header.base_year, registry)
        ]
        if not targets:
            problems.append((("targets",), "List should have at least 1 item after validation"))
        if problems:
            raise PlanSemanticError(problems)
        own_plan = Plan.model_construct(
            plan=header,
            units=self.units,
            targets=targets,
            programmes=self.programmes,
            parts=[],
        )
        own_plan._registry = registry
        own_plan._index = _Index.of(own_plan, self._lookup.units)  # the same registry's units
        cache[part.id] = (part, own_plan)
        return own_plan

    def shortfalls(self) -> list[Shortfall]:
        """Additive indicators (flows of money) whose parts' targets add up to less than the
        plan's target, exactly, in the plan's unit."""
        found = []
        for target in self.quantified:
            if not target.flow or target.kind is not Kind.LEVEL or target.value is None:
                continue
            own = [(p, t) for p in self.parts for t in p.targets if t.indicator == target.id]
            if not own:
                continue
            unit = self.unit(target)
            total = sum(
                (convert(t.value, self.lookup_unit(t.unit or "") or unit, unit) for _, t in own),
                Decimal(0),
            )
            if total < target.value:
                found.append(Shortfall(target, total, len(own)))
        return found


@dataclass
class _Index:
    """A plan's look-up tables: targets by id, units by name, part plans built; targets by folded
    name and parts by folded id or English name and by place key (first one wins, as a scan in
    order would) are built on the first look-up of a name. (A scoreboard builds thousands of
    part plans and looks up no name in them.)"""

    targets: list[Target]
    parts: list[Part]
    targets_by_id: dict[str, Target]
    part_plans: dict[str, tuple[Part, Plan]]
    registry: UnitRegistry
    # shared by a plan and its parts' plans, which read the same registry
    units: dict[str, Unit | None] = dataclasses.field(default_factory=dict)
    # Names as written in figures files, resolved: a file repeats a few names many times.
    resolved: dict[str, Target | None] = dataclasses.field(default_factory=dict)
    resolved_parts: dict[str, int | None] = dataclasses.field(default_factory=dict)

    def unit(self, name: str) -> Unit | None:
        """The registry's unit of that name, remembered (a look-up folds the name)."""
        units = self.units
        if name not in units:
            units[name] = self.registry.get(name)
        return units[name]

    @functools.cached_property
    def targets_by_name(self) -> dict[str, Target]:
        by_name: dict[str, Target] = {}
        for target in self.targets:
            for key in (target.id, target.name, target.name_en, *target.aliases):
                if key:  # name_en is optional
                    by_name.setdefault(_fold(key), target)
        return by_name

    @functools.cached_property
    def parts_by_name(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for i, part in enumerate(self.parts):
            for key in (part.id, part.name_en or ""):
                found.setdefault(_fold(key), i)
        return found

    @functools.cached_property
    def parts_by_place(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for i, part in enumerate(self.parts):
            for name in (part.name, *part.aliases):
                places = found.setdefault(place_key(name), [])
                if i not in places:
                    places.append(i)
        return found

    @functools.cached_property
    def part_names(self) -> list[set[str]]:
        """Each part's name and aliases, folded (suffixes kept)."""
        return [{_fold(n) for n in (part.name, *part.aliases)} for part in self.parts]

    @classmethod
    def of(cls, plan: Plan, units: dict[str, Unit | None] | None = None) -> _Index:
        by_id: dict[str, Target] = {}
        for target in plan.targets:
            by_id.setdefault(target.id, target)
        shared = {} if units is None else units
        return cls(plan.targets, plan.parts, by_id, {}, plan._registry, shared)


# Administrative suffixes that may or may not be written: 濉溪 / 濉溪县, 刘桥 / 刘桥镇.
_PLACE_SUFFIX = re.compile(
    r"(自治县|自治旗|县级市|经济开发区|开发区|园区|特区|林区|新区|街道|县|市|区|旗|镇|乡)$"
)


def part_target(target: Target, own: PartTarget) -> Target:
    """``target`` as a part with its own target ``own`` has it: the part's value, comparison,
    unit and deadline where it gives them; no baseline, history or ranks of the whole region."""
    return target.model_copy(
        update={
            "value": own.value,
            "comparison": own.comparison or target.comparison,
            "unit": own.unit or target.unit,
            "deadline": own.deadline or target.deadline,
            "baseline": None,
            "history": [],
            "ranks": None,
            "note": own.note,
        }
    )


@functools.lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """A place name with full-width forms folded, spaces and one administrative suffix removed;
    a name that is only a suffix (开发区) is kept whole."""
    folded = unicodedata.normalize("NFKC", name).strip().replace(" ", "").casefold()
    return _PLACE_SUFFIX.sub("", folded) or folded


def _fold(text: str) -> str:
    """A name compared without full-width forms, case or surrounding spaces (short names, which
    a plan and a figures table repeat, remembered; a long cell is not kept)."""
    return _fold_name(text) if len(text) <= _FOLDED_LENGTH else _fold_name.__wrapped__(text)


_FOLDED_LENGTH = 200
# How tables number a row and gloss a name: 1. 1、 (1) （一） 一、 before it, (GDP) after it.
_NUMBERING = re.compile(
    r"^\s*(?:\d{1,3}\s*[.、．]|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]"
    r"|[一二三四五六七八九十]{1,3}\s*、)\s*"
)
_ACRONYM = re.compile(r"\s*[（(]\s*[A-Za-z][A-Za-z&.\s]{0,15}[)）]\s*$")


def _unnumbered(name: str) -> str:
    """A row's name without its number (1., （一）) and a Latin gloss after it ((GDP))."""
    return _ACRONYM.sub("", _NUMBERING.sub("", name, count=1))


@functools.lru_cache(maxsize=1 << 16)
def _fold_name(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).strip().casefold()
    if "\n" in folded or "\r" in folded:  # a cell broken over lines (Excel's Alt+Enter):
        folded = re.sub(r"\s*[\r\n]+\s*", "", folded)  # 地区生产⏎总值 is 地区生产总值
    return close_cjk_spaces(folded)


# Checks and loading live in their own modules; their names stay importable from here.
from shuangshi_cli.plan_checks import (  # noqa: E402
    PlanSemanticError,
    check_target,
    unknown_unit,
)
from shuangshi_cli.plan_load import (  # noqa: E402
    DEFAULT_PLAN,
    embedded_plan_named,
    embedded_plan_text,
    embedded_plans,
    load_plan,
    parse_plan,
)

__all__ = [
    "DEFAULT_PLAN",
    "EMBEDDED_NAME",
    "Better",
    "Comparison",
    "Header",
    "Kind",
    "KnownValue",
    "Part",
    "PartTarget",
    "Period",
    "Plan",
    "PlanSemanticError",
    "Programme",
    "Publication",
    "RankBasis",
    "Region",
    "Shortfall",
    "Target",
    "Thresholds",
    "UnitDef",
    "check_target",
    "embedded_plan_named",
    "embedded_plan_text",
    "embedded_plans",
    "load_plan",
    "parse_plan",
    "part_target",
    "place_key",
    "unknown_unit",
]
