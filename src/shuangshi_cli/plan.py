"""Pydantic models of a targets file (the plan), its cross-field checks, and its loading."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from shuangshi_cli.errors import PlanError, Problem, cut, shown
from shuangshi_cli.fileio import read_text
from shuangshi_cli.formulas import FIRST_YEAR, LAST_YEAR, Progress
from shuangshi_cli.plan_words import (
    COMPARISON_WORDS,
    read_comparison,
    refuse_comparison_in_value,
)
from shuangshi_cli.units import (
    BUILTIN_UNITS,
    MAX_EXPONENT,
    MONEY,
    PERCENT,
    POINTS,
    RANK,
    Unit,
    UnitRegistry,
    convert,
)
from shuangshi_cli.yamlload import Located, dotted, load_yaml

if TYPE_CHECKING:
    from collections.abc import Iterator

Year = Annotated[
    int,
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


Text = Annotated[str, Field(min_length=1), AfterValidator(_visible)]
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
Value = Annotated[Decimal, BeforeValidator(refuse_comparison_in_value)]


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
    parent: str | None = None
    parent_en: str | None = None
    province: str | None = None
    province_en: str | None = None


class Period(_Model):
    start: Year
    end: Year
    quote: str | None = None


class Publication(_Model):
    by: Text
    by_en: str | None = None
    date: dt.date
    quote: str | None = None


class Header(_Model):
    """The document the targets come from."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")] | None = None
    title: Text
    title_en: str | None = None
    campaign: str | None = None
    campaign_en: str | None = None
    issuer: Text
    issuer_en: str | None = None
    issued: dt.date | None = None
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
    among_en: str | None = None


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

    def month_share(self, month: int) -> Decimal:
        """Share of the year's flow usually in by the end of ``month``: the seasonal profile, or
        the share of time, month / 12."""
        if self.seasonal is None:
            return Decimal(month) / 12
        scale = 100 if self.seasonal[-1] == 100 else 1
        return self.seasonal[month - 1] / scale

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

    @model_validator(mode="after")
    def _cross_checks(self) -> Plan:
        problems = list(_check_plan(self))
        if problems:
            raise PlanSemanticError(problems)
        self._registry = BUILTIN_UNITS.extended(u.unit() for u in self.units)
        self._index = None  # built on first use, with this registry
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

    def progress(self, target: Target) -> Progress:
        if target.progress is not None:
            return target.progress
        if target.kind is Kind.CHANGE:
            return Progress.LINEAR if self.unit(target).dimension != PERCENT else Progress.COMPOUND
        if target.kind is Kind.GROWTH:
            return Progress.COMPOUND
        return Progress.LINEAR if self.figure_unit(target).is_rate else Progress.COMPOUND

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
        """The target named ``key``: its id, Chinese or English name, or an alias."""
        index = self._lookup
        if key not in index.resolved:
            index.resolved[key] = index.targets_by_name.get(_fold(key))
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
        """The part named ``key``: its id, name (with or without 镇/园区 …), or an alias."""
        index = self._lookup
        if key not in index.resolved_parts:
            found = [
                i
                for i in (
                    index.parts_by_name.get(_fold(key)),
                    index.parts_by_place.get(place_key(key)),
                )
                if i is not None
            ]
            index.resolved_parts[key] = min(found) if found else None
        i = index.resolved_parts[key]
        return None if i is None else self.parts[i]

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
        targets = []
        for own in part.targets:
            base = self.target(own.indicator)
            targets.append(
                base.model_copy(
                    update={
                        "value": own.value,
                        "comparison": own.comparison or base.comparison,
                        "unit": own.unit or base.unit,
                        "deadline": own.deadline or base.deadline,
                        "baseline": None,
                        "history": [],
                        "ranks": None,
                        "note": own.note,
                    }
                )
            )
        problems = [
            (("targets", i, *path), message)
            for i, target in enumerate(targets)
            for path, message in _check_target(target, header.base_year, self._registry)
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
        own_plan._registry = self._registry
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
    """A plan's look-up tables: targets by id and by folded name, parts by folded id or English
    name and by place key (first part wins, as a scan in order would), part plans built."""

    targets: list[Target]
    parts: list[Part]
    targets_by_id: dict[str, Target]
    targets_by_name: dict[str, Target]
    parts_by_name: dict[str, int]
    parts_by_place: dict[str, int]
    part_plans: dict[str, tuple[Part, Plan]]
    registry: UnitRegistry
    units: dict[str, Unit | None] = dataclasses.field(default_factory=dict)
    # Names as written in figures files, resolved: a file repeats a few names many times.
    resolved: dict[str, Target | None] = dataclasses.field(default_factory=dict)
    resolved_parts: dict[str, int | None] = dataclasses.field(default_factory=dict)

    def unit(self, name: str) -> Unit | None:
        """The registry's unit of that name, remembered (a look-up folds the name)."""
        if name not in self.units:
            self.units[name] = self.registry.get(name)
        return self.units[name]

    @classmethod
    def of(cls, plan: Plan) -> _Index:
        by_id: dict[str, Target] = {}
        by_name: dict[str, Target] = {}
        for target in plan.targets:
            by_id.setdefault(target.id, target)
            for key in (target.id, target.name, target.name_en, *target.aliases):
                if key:  # name_en is optional
                    by_name.setdefault(_fold(key), target)
        parts_by_name: dict[str, int] = {}
        parts_by_place: dict[str, int] = {}
        for i, part in enumerate(plan.parts):
            for key in (part.id, part.name_en or ""):
                parts_by_name.setdefault(_fold(key), i)
            for name in (part.name, *part.aliases):
                parts_by_place.setdefault(place_key(name), i)
        return cls(
            plan.targets, plan.parts, by_id, by_name, parts_by_name, parts_by_place, {},
            plan._registry,
        )  # fmt: skip


class PlanSemanticError(Exception):
    """Cross-field problems of a plan, as (path, message) pairs; not a ValueError on purpose,
    so that pydantic lets it through with its paths instead of folding it into one message."""

    def __init__(self, problems: list[tuple[tuple[str | int, ...], str]]) -> None:
        super().__init__("; ".join(m for _, m in problems))
        self.problems = problems


def _check_plan(plan: Plan) -> Iterator[tuple[tuple[str | int, ...], str]]:
    header = plan.plan
    if header.period.start > header.period.end:
        yield ("plan", "period", "end"), "the period ends before it starts"
    if header.base_year > header.period.end:
        yield ("plan", "base_year"), "the base year is after the end of the period"
    if (
        header.published is not None
        and header.issued is not None
        and header.published.date < header.issued
    ):
        yield ("plan", "published", "date"), "published before it was issued"
    if header.issued is not None and header.issued.year > header.period.end:
        yield ("plan", "issued"), f"issued after the period ends ({header.period.end})"
    yield from _check_thresholds(header.thresholds, ("plan", "thresholds"))
    registry = BUILTIN_UNITS
    for i, definition in enumerate(plan.units):
        factor = definition.factor
        if not -MAX_EXPONENT <= factor.adjusted() <= MAX_EXPONENT:
            yield ("units", i, "factor"), f"{factor} is out of range (1e-20 to 1e20)"
        try:
            registry = registry.extended([definition.unit()])
        except ValueError as exc:
            yield ("units", i, "symbol"), str(exc)
    names: dict[str, tuple[str | int, ...]] = {}
    items: list[tuple[str, int, Target | Programme]] = [
        *(("targets", i, t) for i, t in enumerate(plan.targets)),
        *(("programmes", i, p) for i, p in enumerate(plan.programmes)),
    ]
    for collection, i, item in items:
        path: tuple[str | int, ...] = (collection, i)
        keys = [("id", item.id), ("name", item.name)]
        if isinstance(item, Target):
            keys += [("name_en", item.name_en)] if item.name_en else []
            keys += [("aliases", a) for a in item.aliases]
        for field, key in keys:
            folded = _fold(key)
            if folded in names and names[folded][:2] != path:
                yield (*path, field), f"{shown(key)} is already used by {dotted(names[folded])}"
            names.setdefault(folded, path)
    yield from _check_parts(plan, registry)
    yield from _check_links(plan, registry)
    by_id = {t.id: t for t in plan.targets}
    for i, target in enumerate(plan.targets):
        for path, message in _check_target(target, header.base_year, registry):
            yield ("targets", i, *path), message
        if target.ranks is None:
            continue
        ranked = by_id.get(target.ranks.indicator)
        where = ("targets", i, "ranks", "indicator")
        if target.kind is not Kind.RANK:
            yield ("targets", i, "ranks"), "only a rank target ranks an indicator"
        elif ranked is None:
            yield where, f"no target with id {shown(target.ranks.indicator)} in this plan"
        elif ranked.id == target.id:
            yield where, "a rank target cannot rank itself"
        elif not ranked.quantified or ranked.kind is Kind.RANK:
            yield where, f"{ranked.id} is {ranked.kind}: a rank ranks an indicator with figures"


def _check_parts(plan: Plan, registry: UnitRegistry) -> Iterator[tuple[tuple[str | int, ...], str]]:
    seen: dict[str, int] = {}
    targets = {t.id: t for t in plan.targets}
    for i, part in enumerate(plan.parts):
        for field, key in (("id", part.id), ("name", part.name)):
            if _fold(key) in seen and seen[_fold(key)] != i:
                earlier = seen[_fold(key)]
                yield ("parts", i, field), f"{shown(key)} is already used by parts[{earlier}]"
            seen.setdefault(_fold(key), i)
        indicators: set[str] = set()
        for j, own in enumerate(part.targets):
            path: tuple[str | int, ...] = ("parts", i, "targets", j)
            target = targets.get(own.indicator)
            if target is None or not target.quantified:
                yield (*path, "indicator"), f"no quantified target {own.indicator!r} in this plan"
                continue
            if own.indicator in indicators:
                yield (*path, "indicator"), f"{part.name} has two targets for {own.indicator}"
            indicators.add(own.indicator)
            found: dict[str, str] = {}
            for field, message in _check_part_target(target, own, plan.plan.base_year, registry):
                found.setdefault(field, message)
            for field, message in found.items():
                yield (*path, field), message


_PART_FIELDS = ("value", "comparison", "unit", "deadline")


def _check_part_target(
    target: Target, own: PartTarget, base_year: int, registry: UnitRegistry
) -> Iterator[tuple[str, str]]:
    """(field, message) of a part's target; at most one message per field is kept."""
    if own.unit is not None:
        unit, wanted = registry.get(own.unit), registry.get(target.unit or "")
        if unit is None:
            yield "unit", f"unknown unit {shown(own.unit)}"
            return
        if wanted is None or unit.dimension != wanted.dimension:
            yield "unit", f"{own.unit} does not fit {target.id} ({target.unit})"
            return
    if own.value < 0 and target.kind in {Kind.LEVEL, Kind.RANK}:
        yield "value", "Input should be greater than or equal to 0"
    comparison = own.comparison or target.comparison
    if comparison is not None and comparison.higher_is_better != target.higher_is_better:
        yield "comparison", f"'{comparison}' does not fit {target.id}"
    if own.deadline is not None and own.deadline <= base_year:
        yield "deadline", "the deadline is not after the base year"
    # What gap --part and scoreboard assess: the plan's target with the part's value, checked as
    # the plan's own targets are (a value of 0, 1e400, a rank of 2.5 …).
    for sub, message in _check_target(_for_part(target, own), base_year, registry):
        yield (sub[0] if sub[0] in _PART_FIELDS else "indicator"), message


def _for_part(target: Target, own: PartTarget) -> Target:
    """``target`` as a part with its own target ``own`` has it (see Plan.for_part)."""
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


def _check_links(plan: Plan, registry: UnitRegistry) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Targets that read another's figures (series) or compare with its growth (relative_to)."""
    by_id = {t.id: t for t in plan.targets}
    for i, target in enumerate(plan.targets):
        if target.price_basis == "constant" and target.kind is not Kind.LEVEL:
            yield ("targets", i, "price_basis"), "only a level target is at constant prices"
        if target.price_year is not None and target.price_basis != "constant":
            yield ("targets", i, "price_year"), "a price year needs price_basis: constant"
        for field in ("series", "relative_to"):
            other_id = getattr(target, field)
            if other_id is None:
                continue
            other = by_id.get(other_id)
            if other is None or other is target:
                yield ("targets", i, field), f"no other target with id {other_id!r} in this plan"
            elif other.series is not None:
                yield (
                    ("targets", i, field),
                    f"{other_id} reads the figures of {other.series}: name {other.series}",
                )
            elif other.unit is None:
                yield ("targets", i, field), f"{other_id} has no figures (no unit)"
            elif field == "series":
                mine = registry.get(target.figure_unit or target.unit or "")
                theirs = registry.get(
                    (other.figure_unit if other.kind in {Kind.GROWTH, Kind.CHANGE} else None)
                    or other.unit
                )
                if mine is not None and theirs is not None and mine.dimension != theirs.dimension:
                    yield (
                        ("targets", i, "series"),
                        f"the figures of {other_id} are in {theirs.symbol}, which does not fit "
                        f"{mine.symbol}",
                    )


# Administrative suffixes that may or may not be written: 濉溪 / 濉溪县, 刘桥 / 刘桥镇.
_PLACE_SUFFIX = re.compile(
    r"(自治县|自治旗|县级市|经济开发区|开发区|园区|特区|林区|新区|街道|县|市|区|旗|镇|乡)$"
)


@functools.lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """A place name with full-width forms folded, spaces and one administrative suffix removed;
    a name that is only a suffix (开发区) is kept whole."""
    folded = unicodedata.normalize("NFKC", name).strip().replace(" ", "").casefold()
    return _PLACE_SUFFIX.sub("", folded) or folded


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def check_target(
    target: Target, base_year: int, registry: UnitRegistry
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The cross-field problems of one target, as (path within the target, message)."""
    return _check_target(target, base_year, registry)


def _check_target(
    target: Target, base_year: int, registry: UnitRegistry
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    kind = target.kind
    if target.deadline <= base_year:
        yield (
            ("deadline",),
            f"the deadline {target.deadline} is not after the base year {base_year}",
        )
    from shuangshi_cli import kinds

    special = kinds.module(kind)
    if special is not None:
        yield from special.check(target, registry)
        return
    if kind is Kind.QUALITATIVE:
        # A unit is allowed: a number with a qualitative clause (GDP增长 保持在合理区间) has
        # figures, which are shown and which relative targets compare with.
        if target.unit is not None and registry.get(target.unit) is None:
            yield ("unit",), unknown_unit(target.unit, registry)
        for field in ("comparison", "value", "figure_unit", "progress", "better"):
            if getattr(target, field) is not None:
                yield (field,), "a qualitative target has no " + field
        return
    missing = [f for f in ("unit", "comparison", "value") if getattr(target, f) is None]
    for field in missing:
        yield (field,), f"a {kind} target needs a {field}"
    if missing:
        return
    assert target.unit is not None and target.comparison is not None and target.value is not None
    unit = registry.get(target.unit)
    if unit is None:
        yield ("unit",), unknown_unit(target.unit, registry)
        return
    figure_unit = unit
    if target.figure_unit is not None:
        found = registry.get(target.figure_unit)
        if found is None:
            yield ("figure_unit",), unknown_unit(target.figure_unit, registry)
            return
        figure_unit = found
    elif kind in {Kind.GROWTH, Kind.CHANGE}:
        yield ("figure_unit",), f"a {kind} target needs the figure_unit its figures are given in"
        return
    if target.figure_unit is not None and kind in {Kind.LEVEL, Kind.RANK}:
        yield ("figure_unit",), "only growth and change targets take a figure_unit"

    if target.better is not None and target.comparison.higher_is_better != (
        target.better is Better.HIGHER
    ):
        yield (
            ("comparison",),
            (
                f"'{target.comparison}' does not fit better: {target.better} "
                f"(use {'> or >=' if target.better is Better.HIGHER else '< or <='})"
            ),
        )
    value = target.value
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        yield ("value",), f"{value} is out of range (1e-{MAX_EXPONENT} to 1e{MAX_EXPONENT})"
        return
    if kind is Kind.RANK:
        if unit.dimension != RANK:
            yield ("unit",), f"a rank target is counted in 位, not {unit.symbol}"
        if target.better is Better.HIGHER or target.comparison.higher_is_better:
            yield ("comparison",), "a rank is better when lower: use <= or <"
        if value < 1 or value != value.to_integral_value():
            yield ("value",), "a rank is a whole number from 1"
        if target.progress is Progress.COMPOUND:
            yield ("progress",), "a rank moves linearly, not compound"
    elif kind is Kind.LEVEL:
        if unit.dimension in {RANK, POINTS}:
            yield ("unit",), f"a level target cannot be in {unit.symbol} (use kind: rank or change)"
        compound = target.progress is Progress.COMPOUND or (
            target.progress is None and not unit.is_rate
        )
        if value < 0:
            yield ("value",), "Input should be greater than or equal to 0"
        elif value == 0 and compound:
            yield ("value",), "a compound target must be above 0 (use progress: linear)"
    elif kind is Kind.GROWTH:
        if unit.dimension != PERCENT:
            yield ("unit",), f"an average growth rate is in %, not {unit.symbol}"
        if value <= -100:
            yield ("value",), "a growth rate must be above -100%"
        if figure_unit.is_rate and figure_unit.dimension != PERCENT:
            yield ("figure_unit",), f"growth is measured on levels, not {figure_unit.symbol}"
    elif kind is Kind.CHANGE:
        if value == 0:
            yield ("value",), "a change target cannot be 0"
        if unit.dimension == PERCENT:
            if value <= -100:
                yield ("value",), "a relative change must be above -100%"
            if figure_unit.dimension in {RANK, POINTS}:
                yield ("figure_unit",), f"a relative change needs levels, not {figure_unit.symbol}"
        elif unit.dimension == POINTS:
            if figure_unit.dimension != PERCENT:
                yield ("figure_unit",), "a change in 个百分点 needs figures in %"
        elif unit.dimension != figure_unit.dimension:
            yield ("unit",), f"{unit.symbol} does not fit figures in {figure_unit.symbol}"
        if (value > 0) != target.comparison.higher_is_better:
            yield (
                ("comparison",),
                (
                    f"'{target.comparison}' does not fit a change of {value} "
                    "(a rise needs > or >=, a fall < or <=)"
                ),
            )
    if target.flow and (figure_unit.is_rate or unit.dimension == MONEY + "_per_person"):
        yield ("flow",), f"only totals over a year are flows, not {figure_unit.symbol}"
    if target.seasonal is not None:
        yield from _check_seasonal(target)
    if target.thresholds is not None:
        yield from _check_thresholds(target.thresholds, ("thresholds",))
    stated: dict[int, tuple[Decimal, str]] = {}
    knowns: list[tuple[tuple[str | int, ...], KnownValue | None]] = [
        (("baseline",), target.baseline),
        *((("history", j), k) for j, k in enumerate(target.history)),
    ]
    for path, known in knowns:
        if known is None:
            continue
        earlier = stated.setdefault(known.year, (known.value, dotted(path) or ""))
        if earlier[0] != known.value:
            yield (
                (*path, "value"),
                f"{known.year} is {known.value} here but {earlier[0]} in {earlier[1]}",
            )
        if known.year >= target.deadline:
            yield (*path, "year"), f"{known.year} is not before the deadline {target.deadline}"
        if known.value and not -MAX_EXPONENT <= known.value.adjusted() <= MAX_EXPONENT:
            yield (*path, "value"), f"{known.value} is out of range"
        if known.value < 0 and kind in {Kind.LEVEL, Kind.RANK} and unit.dimension != PERCENT:
            yield (*path, "value"), "Input should be greater than or equal to 0"
        if kind is Kind.RANK and (
            known.value < 1 or known.value != known.value.to_integral_value()
        ):
            yield (*path, "value"), "a rank is a whole number from 1"


def _check_seasonal(target: Target) -> Iterator[tuple[tuple[str | int, ...], str]]:
    shares = target.seasonal or []
    if not target.flow:
        yield ("seasonal",), "only a flow (flow: true) has a seasonal profile"
    if len(shares) != 12:
        yield ("seasonal",), f"a seasonal profile has 12 monthly shares, not {len(shares)}"
        return
    for month, (before, after) in enumerate(itertools.pairwise([Decimal(0), *shares]), start=1):
        if after < before:
            yield ("seasonal", month - 1), f"the cumulative share falls in month {month}"
            return
    if shares[-1] not in {Decimal(1), Decimal(100)}:
        yield ("seasonal", 11), f"the cumulative share must rise to 1 (or 100%), not {shares[-1]}"
    elif shares[-1] == 100:
        # [0.1, …, 0.99, 100]: fractions of 1, then percentages. A share of at most 1 (%) that
        # the next month multiplies tenfold and more is a fraction among percentages.
        for month, (before, after) in enumerate(itertools.pairwise(shares), start=1):
            if 0 < before <= 1 < after and after >= 10 * before:
                yield (
                    ("seasonal", month - 1),
                    (
                        f"the profile ends at 100 (percent) but month {month} is {before}: give "
                        "every share as a fraction of 1, or every one in percent"
                    ),
                )
                return


def _check_thresholds(
    thresholds: Thresholds, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], str]]:
    if thresholds.acceleration_needed > thresholds.on_track:
        yield (*path, "acceleration_needed"), "must not be above on_track"


def unknown_unit(symbol: str, registry: UnitRegistry) -> str:
    """An unknown unit: did-you-mean for a typo of one (亿圆), else how to declare it (件/万人 is
    no typo of 万人)."""
    close = difflib.get_close_matches(symbol, registry.symbols(), n=1, cutoff=0.5)
    if close and len(close[0]) == len(symbol):
        return f"unknown unit {shown(symbol)} (did you mean {close[0]!r}?)"
    return (
        f"unknown unit {shown(symbol)}: declare it in the plan's units list, e.g. "
        f"units: [{{symbol: {cut(symbol)}, dimension: …, factor: 1}}]"
    )


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5) if len(word) <= 100 else []
    return f" (did you mean {close[0]!r}?)" if close else f"; known units: {', '.join(choices)}"


# -- loading ----------------------------------------------------------------------------------


def embedded_plan_text(name: str | None = None) -> str:
    """The text of an embedded plan: by default the 双实 意见."""
    file = "targets.yaml" if name is None else embedded_plans()[name]
    return resources.files("shuangshi_cli").joinpath(file).read_text(encoding="utf-8")


def load_plan(path: Path | str | None = None) -> Plan:
    """Load and validate a plan file; ``None`` loads the embedded 双实 plan, and the name of an
    embedded plan (``cn-14th-fyp``) that is not a file loads that plan.

    Raises PlanError listing every problem with file, line, column and field.
    """
    if path is None:
        return parse_plan(embedded_plan_text(), EMBEDDED_NAME)
    name = str(path)
    if name in embedded_plans() and not Path(path).exists():
        return parse_plan(embedded_plan_text(name), f"{name} (embedded)")
    return parse_plan(read_text(Path(path), name), name)


# -- embedded plans -----------------------------------------------------------------------------

DEFAULT_PLAN = "suixi-shuangshi-2017"


def embedded_plans() -> dict[str, str]:
    """Embedded plans by name: the default 双实 plan, and each file of the package's plans/."""
    found = {DEFAULT_PLAN: "targets.yaml"}
    folder = resources.files("shuangshi_cli").joinpath("plans")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            found[entry.name.removesuffix(".yaml")] = f"plans/{entry.name}"
    return found


def embedded_plan_named(name: str) -> Plan:
    """The embedded plan ``name``; KeyError if there is none."""
    return parse_plan(embedded_plan_text(name), f"{name} (embedded)")


def parse_plan(text: str, file: str) -> Plan:
    """Validate plan YAML ``text``; ``file`` names it in messages."""
    located = load_yaml(text, file)
    if not isinstance(located.data, dict):
        raise PlanError(located.problem((), "a plan is a mapping with keys plan, targets …"))
    try:
        plan = Plan.model_validate(located.data)
    except ValidationError as exc:
        from shuangshi_cli.plan_partial import partial_checks

        problems = _problems(exc, located)
        problems += [located.problem(p, m) for p, m in partial_checks(located.data)]
        raise PlanError(problems) from None
    except PlanSemanticError as exc:
        raise PlanError([located.problem(p, m) for p, m in exc.problems]) from None
    for i, target in enumerate(plan.targets):
        position = located.position(("targets", i))
        if position is not None and file != EMBEDDED_NAME:  # the embedded plan is in no checkout
            plan._places[target.id] = (file, position[0])
    return plan


def _problems(exc: ValidationError, located: Located) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    for error in exc.errors(include_url=False):
        path = tuple(error["loc"])
        message = _message(error, path, located)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        if error["type"] == "missing":  # point at the key of the mapping that lacks it
            place = located.problem(path[:-1], message, key=True)
            problems.append(Problem(message, place.file, place.line, place.column, dotted(path)))
        else:
            problems.append(located.problem(path, message, key=error["type"] == "extra_forbidden"))
    return problems


def _message(error: Any, path: tuple[str | int, ...], located: Located) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        known = _fields_at(path[:-1], located)
        hint = _suggest(str(path[-1]), known) if known else ""
        return f"unknown key{hint if 'did you mean' in hint else ''}"
    if kind == "value_error" and "error" in error.get("ctx", {}):  # our own validators' words
        return str(error["ctx"]["error"])
    return str(error["msg"])


def _fields_at(path: tuple[str | int, ...], located: Located) -> list[str]:
    """Field names of the model standing at ``path``, for did-you-mean hints."""
    model: type[BaseModel] = Plan
    for part in path:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        if info is None:
            return []
        inner = _model_in(info.annotation)
        if inner is None:
            return []
        model = inner
    return list(model.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
