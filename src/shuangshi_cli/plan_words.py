"""The words of plan texts a plan file may use as they are: comparisons (超过, 不低于, 控制在…以内,
full-width ＞ ≥ ≤ ＜), and the hint for a comparison written into a value (">92.7")."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# How published tables word a comparison. 以上 and 以下 include the number (as in Chinese law);
# 超, 超过, 突破 and 高于 do not.
COMPARISON_WORDS: dict[str, str] = {
    "超": ">", "超过": ">", "突破": ">", "高于": ">", "大于": ">",
    "以上": ">=", "不低于": ">=", "不少于": ">=", "达到": ">=", "至少": ">=",
    "不超过": "<=", "不高于": "<=", "以下": "<=", "以内": "<=", "控制在以内": "<=",
    "控制在…以内": "<=", "控制在...以内": "<=", "保持在以内": "<=", "保持在…以内": "<=",
    "保持在...以内": "<=", "提高到": ">=", "提高至": ">=", "提升到": ">=", "提升至": ">=",
    "增加到": ">=", "增加至": ">=", "增长到": ">=", "增长至": ">=",
    "低于": "<", "小于": "<",
}  # fmt: skip
_SYMBOLS = {">", ">=", "<", "<="}
_FOLD = {"≥": ">=", "≤": "<=", "⩾": ">=", "⩽": "<="}


def read_comparison(value: Any) -> Any:
    """A comparison as written: > >= < <=, ＞ ≥ ≤ ＜ (full width folded), or a word of the texts.

    Anything else is left to the schema, which names the field; a word it does not know raises
    ValueError listing the words it does.
    """
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
    text = _FOLD.get(text, text)
    if text in _SYMBOLS:
        return text
    if text in COMPARISON_WORDS:
        return COMPARISON_WORDS[text]
    if text in {"左右", "约", "≈", "~"}:
        raise ValueError(f"{value!r} is a band, not a comparison: use kind: approximate")
    if re.fullmatch(r"(?:累计|年均)?(?:下降|降低|减少)", text):
        raise ValueError(
            f"{value!r} is a fall, not a comparison: write comparison: '<=' and the fall as a "
            "negative value (累计下降13.5% is kind: change, value: -13.5; 年均下降3% kind: growth, "
            "value: -3)"
        )
    if text and not any(c in "<>=" for c in text):
        words = ", ".join(COMPARISON_WORDS)
        raise ValueError(f"unknown comparison {value!r}; use > >= < <= or one of: {words}")
    return value


_WITH_UNIT = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%|‰|[^\d\s.+-][^\d]*)")


def _refuse_unit_in_value(number: str, written: str) -> None:
    """``62%``, ``400亿元``: the unit apart; ``6.5%以上``: the comparison and the unit apart; a
    band (``15左右``) is an approximate target. Anything else is left to the schema, which says
    it is no number."""
    from shuangshi_cli.units import BUILTIN_UNITS

    rest = written.strip()
    if rest.endswith(("左右", "上下")):
        raise ValueError(f"'{number}{rest}' is a band: use kind: approximate and value: {number}")
    word = next(
        (w for w in sorted(COMPARISON_WORDS, key=len, reverse=True) if rest.endswith(w)), ""
    )
    unit = rest.removesuffix(word).strip() if word else rest
    if unit and BUILTIN_UNITS.get(unit) is None:
        return  # (no unit the schema knows: not a number, it says)
    if word:
        apart = f"comparison: '{COMPARISON_WORDS[word]}' and value: {number}"
        raise ValueError(
            f"write the comparison apart: {apart}" + (f", unit: '{unit}'" if unit else "")
        )
    raise ValueError(f"write the unit apart: value: {number} and unit: '{unit}'")


def refuse_comparison_in_value(value: Any) -> Any:
    """``value: ">92.7"`` or ``"超92.7"``: point to ``comparison``; ``"62%"``, ``"400亿元"``:
    point to ``unit``; other values pass unchanged."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value).strip()
    if (found := _WITH_UNIT.fullmatch(text)) is not None:
        _refuse_unit_in_value(*found.groups())
    for prefix in sorted([*_SYMBOLS, *_FOLD, *COMPARISON_WORDS], key=len, reverse=True):
        rest = text.removeprefix(prefix).strip()
        if rest != text and rest[:1].isdigit():
            symbol = read_comparison(prefix)
            raise ValueError(
                f"write the comparison apart: comparison: '{symbol}' and value: {rest}"
            )
    return value
