"""Units of plan targets and figures, and exact conversion between them (Decimal)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from typing import TYPE_CHECKING

from shuangshi_cli.errors import shown

if TYPE_CHECKING:
    from collections.abc import Iterable

# Money is converted by powers of ten: 40 digits keeps every conversion exact.
EXACT = Context(prec=40)
# No statistic needs more; beyond it floats of growth rates would overflow.
MAX_EXPONENT = 20


@dataclass(frozen=True)
class Unit:
    """A unit: values of the same ``dimension`` convert by ``factor`` (relative to its base)."""

    symbol: str
    dimension: str
    factor: Decimal
    en: str
    aliases: tuple[str, ...] = ()

    @property
    def is_money(self) -> bool:
        return self.dimension in {MONEY, MONEY_PER_PERSON}

    @property
    def is_rate(self) -> bool:
        """Percentages, percentage points and ranks: they move linearly, never compound."""
        return self.dimension in {PERCENT, POINTS, RANK}


MONEY = "money"
MONEY_PER_PERSON = "money_per_person"
PERCENT = "percent"
POINTS = "percentage_points"
RANK = "rank"

_D = Decimal

_BUILTIN: tuple[Unit, ...] = (
    Unit(
        "元", MONEY, _D(1), "yuan", ("yuan", "cny", "rmb", "圆")
    ),  # (圆: 元 as banknotes write it)
    Unit("万元", MONEY, _D(10) ** 4, "10k yuan", ("万", "万元人民币", "10k yuan", "万圆")),
    Unit("亿元", MONEY, _D(10) ** 8, "100m yuan", ("亿", "亿元人民币", "100m yuan", "亿圆")),
    Unit("万亿元", MONEY, _D(10) ** 12, "trillion yuan", ("万亿", "trillion yuan")),
    Unit("元/人", MONEY_PER_PERSON, _D(1), "yuan per person", ("元每人", "yuan/person")),
    Unit("万元/人", MONEY_PER_PERSON, _D(10) ** 4, "10k yuan per person", ("万元每人",)),
    Unit("%", PERCENT, _D(1), "%", ("percent", "pct", "百分比")),
    Unit("个百分点", POINTS, _D(1), "percentage points", ("百分点", "pp", "ppt", "points")),
    Unit("位", RANK, _D(1), "place", ("名", "位次", "rank", "place")),
    Unit("个", "count:个", _D(1), "units", ()),
    Unit("家", "count:家", _D(1), "firms", ()),
    Unit("项", "count:项", _D(1), "items", ()),
    Unit("所", "count:所", _D(1), "institutions", ()),
    Unit("件", "count:件", _D(1), "cases", ()),
    Unit("人", "count:人", _D(1), "persons", ("persons", "people")),
    Unit("万人", "count:人", _D(10) ** 4, "10k persons", ()),
    Unit("户", "count:户", _D(1), "households", ()),
    Unit("万户", "count:户", _D(10) ** 4, "10k households", ()),
    Unit("吨", "mass", _D(1), "tonnes", ("t",)),
    Unit("万吨", "mass", _D(10) ** 4, "10k tonnes", ()),
    Unit("亿吨", "mass", _D(10) ** 8, "100m tonnes", ()),
    Unit("千克", "mass", _D(1) / 1000, "kg", ("公斤", "kg")),
    Unit("斤", "mass", _D(1) / 2000, "jin", ("市斤",)),  # 500 g: grain output is said in 斤 too
    Unit("万斤", "mass", _D(10) ** 4 / 2000, "10k jin", ()),
    Unit("亿斤", "mass", _D(10) ** 8 / 2000, "100m jin", ()),
    Unit("吨标准煤", "energy", _D(1), "tce", ("tce",)),
    Unit("万吨标准煤", "energy", _D(10) ** 4, "10k tce", ("万tce",)),
    Unit("亿吨标准煤", "energy", _D(10) ** 8, "100m tce", ("亿tce",)),
    Unit("吨标准煤/万元", "energy_intensity", _D(1), "tce per 10k yuan", ()),
    Unit("平方米", "area", _D(1), "m²", ("m2", "㎡")),
    Unit("万平方米", "area", _D(10) ** 4, "10k m²", ()),
    Unit("平方公里", "area", _D(10) ** 6, "km²", ("km2",)),
    Unit("公顷", "area", _D(10) ** 4, "ha", ("ha",)),
    Unit("亩", "area", _D(10000) / _D(15), "mu", ()),
    Unit("万亩", "area", _D(10) ** 8 / _D(15), "10k mu", ()),
    Unit("公里", "length", _D(1000), "km", ("千米", "km")),
    Unit("米", "length", _D(1), "m", ("m",)),
    Unit("年", "years", _D(1), "years", ()),
    Unit("岁", "years", _D(1), "years", ()),  # (of age: 人均预期寿命 is said in 岁, its own word)
)


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold().replace(" ", "")


class UnitRegistry:
    """Known units by symbol and alias; a plan may add its own."""

    def __init__(self, units: Iterable[Unit] = _BUILTIN) -> None:
        self._by_key: dict[str, Unit] = {}
        self._seen: dict[str, Unit | None] = {}
        self._units: list[Unit] = []
        for unit in units:
            self.add(unit)

    def add(self, unit: Unit) -> None:
        """Register ``unit``; a symbol or alias already taken raises ValueError."""
        for name in (unit.symbol, *unit.aliases):
            key = _key(name)
            if key in self._by_key and self._by_key[key] != unit:
                raise ValueError(f"unit name {name!r} is already defined")
            self._by_key[key] = unit
        self._seen.clear()
        self._units.append(unit)

    def extended(self, units: Iterable[Unit]) -> UnitRegistry:
        """A new registry with ``units`` added to these; a unit declared as one of these is
        (亿吨 in mass, ×10⁸, which a plan written before it was built in declares) is that one."""
        registry = UnitRegistry(self._units)
        for unit in units:
            known = registry._by_key.get(_key(unit.symbol))
            if known is not None and (known.dimension, known.factor) == (
                unit.dimension,
                unit.factor,
            ):
                continue
            registry.add(unit)
        return registry

    def get(self, name: str) -> Unit | None:
        if name in self._seen:  # NFKC once per figure row is slow: names are remembered
            return self._seen[name]
        found = self._by_key.get(_key(name))
        if len(self._seen) < 10_000:
            self._seen[name] = found
        return found

    def symbols(self) -> list[str]:
        return [u.symbol for u in self._units]


BUILTIN_UNITS = UnitRegistry()


def convert(value: Decimal, source: Unit, target: Unit) -> Decimal:
    """``value`` in ``source`` expressed in ``target``: value × source.factor / target.factor.

    Raises ValueError when the two units measure different things (money and %, say).
    """
    if source.dimension != target.dimension:
        raise ValueError(f"{source.symbol} cannot be converted to {target.symbol}")
    if source.factor == target.factor:
        return value
    return EXACT.divide(EXACT.multiply(value, source.factor), target.factor).normalize(EXACT)


# A change on the year before as bulletins write it: 比上年增长6.1%, 下降2.7% (a negative change).
_DIRECTION = r"(?:比上年|比去年|较上年|同比)?(?:(?P<down>下降|降低|减少|回落)|增长|增加|提高|上升)"
# What a spreadsheet shows where a formula failed (#DIV/0!, #N/A …; LibreOffice's Err:502), in a
# workbook or its CSV.
FORMULA_ERROR = re.compile(
    r"\s*(?:#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|SPILL!|CALC!|GETTING_DATA)|Err:\d+)\s*$"
)
_RADIX = re.compile(r"x[0-9a-f_]|[ob][0-9_]", re.IGNORECASE)  # the rest of 0x10, 0o7, 0b1亿元
_NUMBER = re.compile(
    r"""^\s*
    (?P<direction>"""
    + _DIRECTION
    + r""")?\s*
    (?P<ordinal>第)?\s*
    (?P<number>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|[+-]?\.[0-9]+)
    \s*(?P<unit>.*?)\s*$""",
    re.VERBOSE,
)


# Full-width forms (３５２．１, －２．７, ％) as their ASCII letters, the ideographic space as a
# space and the minus sign (−, as reports print it) as a hyphen-minus: a number is read after.
# Other digits are not folded: NFKC would read 10³ as 103, and Arabic-Indic or mathematical
# digits are no figures a Chinese table holds.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x2212: 0x2D}


def fold_width(text: str) -> str:
    """``text`` with full-width forms, the ideographic space and − folded to ASCII."""
    return text.translate(_WIDTH)


# A table's unit line may list units (单位：万元，%): they travel joined by this, and each row
# takes the one of its kind
UNIT_LIST_SEPARATOR = "、"


def listed_units(unit: str) -> list[str]:
    """The units a table's unit (``tables.unit_line``) lists: one, or several (万元、%)."""
    return [u for u in unit.split(UNIT_LIST_SEPARATOR) if u]


# Spaces between Chinese characters, as bulletins pad a short name to the column's width
# (工  业, 指  标): no part of the name.
_CJK = "\u3400-\u9fff\U00020000-\U0002ffff"
_CJK_SPACES = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


def close_cjk_spaces(text: str) -> str:
    """``text`` without the spaces between Chinese characters (工  业 is 工业)."""
    return _CJK_SPACES.sub("", text) if " " in text or "\u3000" in text or "\t" in text else text


# A number in decimal digits, as a table's cell, an argument, a YAML or a plan value is read:
# not 1_000, 352., 0x10 or 2_018, which Python's Decimal and int would take.
DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def decimal_text(text: str) -> str | None:
    """``text`` as a number's text for Decimal (full-width forms folded, spaces stripped), or
    None when it is not a number written in decimal digits."""
    folded = fold_width(text).strip()
    return folded if DECIMAL.fullmatch(folded) else None


def other_digits(text: str) -> bool:
    """Whether ``text`` holds digits that are neither ASCII nor full-width (²⁰¹⁸, ٢٠١٨, 𝟑), which
    NFKC or Decimal would read as figures a Chinese table never writes so."""
    return any(c.isdigit() and not ("0" <= c <= "9" or "０" <= c <= "９") for c in text)


# A plain decimal in ASCII digits, as most cells hold: what _NUMBER reads it as, without NFKC.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?\Z")


@dataclass(frozen=True)
class Quantity:
    """A number as written, with the unit written after it (if any)."""

    value: Decimal
    unit: str | None
    change: bool = False  # written as a change on the year before (增长6.1%, 下降2.7%)


# A place written in Chinese numerals, as yearbooks rank: 第八位, 第十二位, 第一百零三位.
_CHINESE_PLACE = re.compile(
    r"^\s*第\s*(?P<number>[一二三四五六七八九十百零〇两]{1,6})\s*[位名]\s*$"
)
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}  # fmt: skip


def _chinese_number(text: str) -> int:
    """八 → 8, 十二 → 12, 二十 → 20, 一百零三 → 103 (to 999, as a place is)."""
    total = digit = 0
    for character in text:
        if character == "百":
            total, digit = total + (digit or 1) * 100, 0
        elif character == "十":
            total, digit = total + (digit or 1) * 10, 0
        else:
            digit = _DIGITS[character]
    return total + digit


def parse_quantity(text: str) -> Quantity:
    """Parse ``352.1``, ``352.1亿元``, ``412,000 万元``, ``第8位``, ``８.５％`` into a Quantity;
    ``比上年下降2.7%`` is a change of -2.7%, ``增长6.1%`` one of 6.1% (``change``).

    Full-width digits and signs are folded (no other digits: ``10³`` is no number). Raises
    ValueError for anything that is not a finite number, optionally followed by a unit.
    """
    if PLAIN_NUMBER.match(text) and len(text) <= MAX_EXPONENT:  # 352.1, the usual: read as is
        return Quantity(Decimal(text), None)
    folded = fold_width(text)
    if (place := _CHINESE_PLACE.match(folded)) is not None:  # 第八位, 第十二位, as tables rank
        return Quantity(Decimal(_chinese_number(place["number"])), "位")
    match = _NUMBER.match(folded)
    if match is None:
        if FORMULA_ERROR.match(folded):
            raise ValueError(f"{shown(text.strip())} is not a number: a formula failed there")
        if folded.lstrip().startswith("="):
            raise ValueError(
                f"{shown(text.strip())} is a formula without its figure (saved by a program "
                "that does not compute: open the workbook in Excel or LibreOffice and save it)"
            )
        raise ValueError(f"{shown(text.strip())} is not a number")
    try:
        value = Decimal(match["number"].replace(",", ""))
    except InvalidOperation as exc:  # the pattern admits only valid literals; kept as a guard
        raise ValueError(f"{shown(text.strip())} is not a number") from exc
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        raise ValueError(
            f"{shown(text.strip())} is out of range (1e-{MAX_EXPONENT} to 1e{MAX_EXPONENT})"
        )
    unit = unicodedata.normalize("NFKC", match["unit"]) or None  # (m³ is m3, as the units are)
    if unit is not None and (unit[0] in "0123456789.,+-_" or _RADIX.match(unit)):
        raise ValueError(f"{shown(text.strip())} is not a number")  # 1.2.3, 1_000, 0x10
    if match["ordinal"] and unit is None:
        unit = "位"
    if match["direction"]:
        if match["number"][0] in "+-" or match["ordinal"]:  # 下降-2.7%, 增长第8位
            raise ValueError(f"{shown(text.strip())} is not a number")
        return Quantity(-value if match["down"] else value, unit, change=True)
    return Quantity(value, unit)
