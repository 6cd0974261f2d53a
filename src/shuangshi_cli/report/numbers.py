"""Numbers as a Chinese statistical report prints them: 352.1亿元, 8.5%, 2.3个百分点, 第8位.

Values keep their significant digits (24.02% stays 24.02%); a small nonzero pace is never
rounded to zero. Only rendering rounds; the core keeps exact Decimals.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import TYPE_CHECKING

from shuangshi_cli.messages import Lang, pick, t
from shuangshi_cli.units import PERCENT, POINTS, RANK

if TYPE_CHECKING:
    from shuangshi_cli.units import Unit

MAX_PLAIN_DIGITS = 20
MONEY_PLACES = 2
OTHER_PLACES = 4


def exact(value: Decimal | float | int) -> Decimal:
    """A value to round for print: a Decimal as it is; a float (a rate, a pace, years ahead:
    computed through logs and powers) at its 12 significant digits, so that 1.3499999999999998,
    the float of an exact 1.35, prints 1.4 as 1.35 does."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(f"{value:.12g}")
    return Decimal(repr(value))


def plain(value: Decimal | float | int, places: int = 2) -> str:
    """A number with at most ``places`` decimals, half up, trailing zeros dropped: 352.10 → 352.1.

    A nonzero value that would round to 0 keeps two significant digits instead (0.004 → 0.004).
    """
    number = exact(value)
    if not number.is_finite():  # a projection beyond what a float holds
        return "∞" if number > 0 else ("-∞" if number < 0 else "—")
    if number.adjusted() > MAX_PLAIN_DIGITS:  # no report prints such a number digit by digit
        return f"{float(number):.4g}"
    if number and number.adjusted() < -places:
        places = min(-number.adjusted() + 1, MAX_PLAIN_DIGITS)
    with localcontext() as context:  # (21 digits and 20 places: more than the default 28)
        context.prec = 2 * MAX_PLAIN_DIGITS + 2
        rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def points_between(fraction: float, other: float) -> Decimal:
    """The percentage points from ``other`` to ``fraction`` as ``percent`` prints the two (75.7%
    and 75.0% are 0.7 points apart, whatever digits follow): a line that prints both and their
    difference adds up. A share too large to print to one decimal keeps its exact difference."""
    first, second = exact(fraction) * 100, exact(other) * 100
    if not first.is_finite() or max(first.adjusted(), second.adjusted()) > MAX_PLAIN_DIGITS:
        return first - second
    tenth = Decimal("0.1")
    return first.quantize(tenth, ROUND_HALF_UP) - second.quantize(tenth, ROUND_HALF_UP)


def percent(fraction: float | None, places: int = 1, *, apart_from: Decimal | None = None) -> str:
    """0.085 → 8.5%, 0.76 → 76.0%: rates with one fixed decimal, as reports print them.

    A nonzero rate below 0.05% keeps two significant digits (0.0004 → 0.04%), never "0.0%";
    one below 100% is never shown as 100% (0.9999967 → 99.9997%), one above -100% never as
    -100% (the fall of everything, which no growth reaches), nor one that is not
    ``apart_from`` (a goal, in %) as it (4.9979% against a goal of 5%: 4.998%, not 5.0%).
    """
    if fraction is None:
        return "—"
    hundred = exact(fraction) * 100
    if not hundred.is_finite():
        return "∞%" if hundred > 0 else "-∞%"
    if hundred.adjusted() > MAX_PLAIN_DIGITS:
        return f"{float(hundred):.4g}%"
    if hundred and hundred.adjusted() < -places:
        places = min(-hundred.adjusted() + 1, MAX_PLAIN_DIGITS)
        rounded = hundred.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        return f"{rounded:f}".rstrip("0") + "%"
    rounded = hundred.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)

    def like_goal(shown: Decimal) -> bool:
        return (
            apart_from is not None
            and hundred != apart_from
            and shown == apart_from.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        )

    while (
        hundred < 100 <= rounded or rounded <= -100 < hundred or like_goal(rounded)
    ) and places < MAX_PLAIN_DIGITS:
        # 99.99967% of a target missed is not "100.0%": the decimals that tell it short
        places += 1
        rounded = hundred.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{abs(rounded) if rounded == 0 else rounded:f}%"  # never "-0.0%"


def places_of(unit: Unit | None) -> int:
    """Decimals a report gives a value in ``unit``: money 2, rates and ranks 2, others 4."""
    if unit is None:
        return 1
    if unit.is_money or unit.dimension in {PERCENT, POINTS, RANK}:
        return MONEY_PLACES
    return OTHER_PLACES


def unit_name(unit: Unit | None, lang: Lang) -> str:
    """A unit as a unit column prints it: 亿元 (en: the plan's own English name)."""
    if unit is None:
        return "—"
    return pick((unit.symbol, unit.en), lang)


def rank_text(value: Decimal | float | int, lang: Lang) -> str:
    """第8位 / No. 8."""
    return t("rank", lang, n=plain(value, 1))


def points_text(value: Decimal | float, lang: Lang) -> str:
    """2.3个百分点 / 2.3 pp."""
    return t("points", lang, n=plain(value, 2))


WRITTEN_PLACES = 12  # (123.4567万元 is 0.01234567亿元: a conversion adds digits)


def written_places(value: Decimal | float) -> int:
    """The decimals a figure was written with (400.0001 → 4), when it has at most
    WRITTEN_PLACES of them; else 0 (a computed value, an index chained from rates)."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return 0
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return places if places <= WRITTEN_PLACES else 0


def quantity(
    value: Decimal | float | None,
    unit: Unit | None,
    lang: Lang,
    *,
    bare: bool = False,
    written: bool = False,
) -> str:
    """A value in its unit: 352.1亿元, 58.3%, 2.3个百分点, 第8位 (en: 352.1 100m yuan, No. 8).

    ``bare`` leaves out the unit (for tables with a unit column); ranks, % and 个百分点 keep
    theirs. ``written``: a figure as given, which keeps the decimals it was written with (up to
    WRITTEN_PLACES): 400.0001 against >400 must not read 400. (An index, without a unit, is
    computed: it keeps two decimals, the hundredths of a percentage point a cumulative change
    is judged to: 86.54 is 13.46% down, short of 13.5%, where 86.5 would read as past it.)
    """
    if value is None:
        return "—"
    if unit is None:  # an index chained from rates: computed, whatever its digits
        return plain(value, 2)
    if unit.dimension == RANK:
        return rank_text(value, lang)
    places = places_of(unit)
    text = plain(value, max(places, written_places(value)) if written else places)
    if unit.dimension == PERCENT:
        return f"{text}%"
    if unit.dimension == POINTS:  # never bare: beside a % column, points must say so
        return points_text(value, lang)
    if bare:
        return text
    return t("quantity", lang, value=text, unit=unit_name(unit, lang))
