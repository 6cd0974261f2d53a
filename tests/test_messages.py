"""The catalogue: every key has both languages, every English template finds its Chinese."""

from __future__ import annotations

import re

from shuangshi_cli.messages import CATALOGUE, ZH_PATTERNS, Lang, _pattern, msg, t, translate


def test_every_key_has_both_languages() -> None:
    for key, (zh, en) in CATALOGUE.items():
        assert zh and en, key
        names = set(re.findall(r"\{(\w+)", zh)) | set(re.findall(r"\{(\w+)", en))
        values = dict.fromkeys(names, "x")
        assert t(key, Lang.ZH, **values) and t(key, Lang.EN, **values), key  # both format


def test_every_template_matches_itself_filled() -> None:
    for english, chinese in ZH_PATTERNS:
        names = dict.fromkeys(re.findall(r"\{([a-z_]+)\}", english))
        values = {name: f"V{i}" for i, name in enumerate(names)}
        filled = english.format(**values)
        assert _pattern(english).match(filled), english
        assert set(re.findall(r"\{([a-z_]+)\}", chinese)) <= set(names), english
        assert translate(filled, Lang.EN) == filled


def test_a_template_words_its_values_in_chinese() -> None:
    assert translate("unknown indicator 'foo'", Lang.ZH) == "未知指标 'foo'"
    assert t("{cells} cells but {columns} columns", Lang.ZH, cells=2, columns=3) == (
        "本行2格，而表头为3列"
    )
    assert msg("an English sentence the catalogue lacks").text(Lang.ZH) == (
        "an English sentence the catalogue lacks"
    )
    assert msg("error.no_such_file").text(Lang.ZH) == "文件不存在"


def test_every_csv_column_has_a_chinese_heading() -> None:
    """With --lang, a CSV's header is worded in that language: a column added without its
    heading would stay a key (breached_years) in a Chinese header."""
    from shuangshi_cli.render import csv_format

    columns = [
        column
        for name in dir(csv_format)
        if name.endswith("_COLUMNS")
        for column in getattr(csv_format, name)
    ]
    columns += ["part", "part_name", "part_name_en"]
    assert columns
    assert [c for c in columns if f"csv.{c}" not in CATALOGUE] == []
