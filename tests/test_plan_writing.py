"""Issue 10, item 12: writing a plan from a real table — every problem in one run, the comparison
words of the texts, optional descriptive fields, region levels, and how to declare a unit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.errors import PlanError
from shuangshi_cli.plan import Comparison, parse_plan

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run

HEADER = """\
plan:
  title: 测试规划
  issuer: 测试
  issued: 2021-03-11
  region: {name: 全国, level: national}
  period: {start: 2021, end: 2025}
  base_year: 2020
targets:
"""
TARGET = """\
  - id: t{n}
    name: 指标{n}
    kind: level
    unit: 亿元
    comparison: {comparison}
    value: 100
    deadline: 2025
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        parse_plan(text, "p.yaml")
    return [str(p) for p in caught.value.problems]


def test_schema_errors_and_cross_field_checks_in_one_run() -> None:
    text = HEADER + (
        TARGET.format(n=1, comparison='">"').replace("value: 100", "value: lots")
        + TARGET.format(n=2, comparison='">"').replace("deadline: 2025", "deadline: 2019")
        + TARGET.format(n=3, comparison='">"').replace("unit: 亿元", "unit: 位")
    )
    assert _problems(text) == [
        "p.yaml:14:12: targets[0].value: 'lots' is not a number",
        "p.yaml:22:15: targets[1].deadline: the deadline 2019 is not after the base year 2020",
        "p.yaml:26:11: targets[2].unit: a level target cannot be in 位 (use kind: rank or change)",
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("超", Comparison.GT), ("超过", Comparison.GT), ("突破", Comparison.GT),
        ("高于", Comparison.GT), ("以上", Comparison.GE), ("不低于", Comparison.GE),
        ("达到", Comparison.GE), ("不超过", Comparison.LE), ("以下", Comparison.LE),
        ("低于", Comparison.LT), ("控制在…以内", Comparison.LE), ("控制在以内", Comparison.LE),
        ("以内", Comparison.LE), ("＞", Comparison.GT), ("≥", Comparison.GE),
        ("≤", Comparison.LE), ("＜", Comparison.LT), ("＞＝", Comparison.GE),
        ("提高到", Comparison.GE), ("提升至", Comparison.GE), ("保持在…以内", Comparison.LE),
    ],
)  # fmt: skip
def test_comparison_words_of_the_texts(word: str, expected: Comparison) -> None:
    if expected.higher_is_better:
        plan = parse_plan(HEADER + TARGET.format(n=1, comparison=word), "p.yaml")
    else:
        plan = parse_plan(
            HEADER + TARGET.format(n=1, comparison=word).replace("unit: 亿元", "unit: '%'"),
            "p.yaml",
        )
    assert plan.targets[0].comparison is expected


def test_unknown_comparison_word_lists_the_words() -> None:
    (problem,) = _problems(HEADER + TARGET.format(n=1, comparison="大约"))
    assert problem.startswith("p.yaml:13:17: targets[0].comparison: unknown comparison '大约'")
    assert "超过" in problem and "控制在…以内" in problem


def test_comparison_written_in_the_value_gets_a_hint() -> None:
    text = HEADER + TARGET.format(n=1, comparison='">"').replace("value: 100", 'value: ">92.7"')
    assert _problems(text) == [
        "p.yaml:14:12: targets[0].value: write the comparison apart: comparison: '>' and "
        "value: 92.7",
    ]


@pytest.mark.parametrize(
    ("value", "hint"),
    [('"62%"', "write the unit apart: value: 62 and unit: '%'"),
     ('"400亿元"', "write the unit apart: value: 400 and unit: '亿元'"),
     ('"62.5 %"', "write the unit apart: value: 62.5 and unit: '%'"),
     ('"6.5%以上"', "write the comparison apart: comparison: '>=' and value: 6.5, unit: '%'"),
     ('"5以内"', "write the comparison apart: comparison: '<=' and value: 5"),
     ('"15左右"', "'15左右' is a band: use kind: approximate and value: 15"),
     ('"12块"', "'12块' is not a number")],
)  # fmt: skip
def test_a_unit_written_in_the_value_gets_a_hint(value: str, hint: str) -> None:
    text = HEADER + TARGET.format(n=1, comparison='">"').replace("value: 100", f"value: {value}")
    assert _problems(text) == [f"p.yaml:14:12: targets[0].value: {hint}"]


def test_a_fall_written_as_a_comparison_says_how_to_write_it() -> None:
    (problem,) = _problems(HEADER + TARGET.format(n=1, comparison="累计下降"))
    assert problem == (
        "p.yaml:13:17: targets[0].comparison: '累计下降' is a fall, not a comparison: write "
        "comparison: '<=' and the fall as a negative value (累计下降13.5% is kind: change, value: "
        "-13.5; 年均下降3% kind: growth, value: -3)"
    )


def test_a_fall_written_positive_is_told_its_sign() -> None:
    target = TARGET.format(n=1, comparison='"<="').replace("kind: level", "kind: change")
    target = target.replace("unit: 亿元", "unit: '%'\n    figure_unit: 吨标准煤/万元")
    target = target.replace("value: 100", "value: 13.5")
    (problem,) = _problems(HEADER + target)
    assert problem.endswith(
        "'<=' does not fit a change of 13.5: a fall is a negative change (累计下降13.5% is "
        "value: -13.5 with '<='), a rise a positive one with > or >=: value: -13.5?"
    )


def test_descriptive_fields_are_optional() -> None:
    text = HEADER.replace("  issued: 2021-03-11\n", "") + TARGET.format(n=1, comparison='">"')
    plan = parse_plan(text, "p.yaml")
    assert plan.plan.issued is None
    assert plan.targets[0].name_en is None
    assert plan.resolve("指标1") is plan.targets[0]


@pytest.mark.parametrize("level", ["national", "province", "city", "county", "town", "park"])
def test_region_levels(level: str) -> None:
    text = HEADER.replace("level: national", f"level: {level}") + TARGET.format(
        n=1, comparison='">"'
    )
    assert parse_plan(text, "p.yaml").plan.region.level == level


@pytest.mark.parametrize("unit", ["件/万人", "个/千人", "人/千人", "万头"])
def test_a_unit_not_built_in_says_how_to_declare_it(unit: str) -> None:
    text = HEADER + TARGET.format(n=1, comparison='">"').replace("unit: 亿元", f"unit: {unit}")
    (problem,) = _problems(text)
    assert problem == (
        f"p.yaml:12:11: targets[0].unit: unknown unit {unit!r}: declare it in the plan's units "
        f"list, e.g. units: [{{symbol: {unit}, dimension: …, factor: 1}}]"
    )
    assert "did you mean" not in problem


def test_a_declared_unit_is_accepted() -> None:
    text = HEADER.replace(
        "targets:\n", "units:\n  - {symbol: 件/万人, dimension: per_10k}\ntargets:\n"
    )
    text += TARGET.format(n=1, comparison='">"').replace("unit: 亿元", "unit: 件/万人")
    assert parse_plan(text, "p.yaml").targets[0].unit == "件/万人"


def test_a_typo_of_a_unit_still_gets_did_you_mean() -> None:
    text = HEADER + TARGET.format(n=1, comparison='">"').replace("unit: 亿元", "unit: 亿园")
    (problem,) = _problems(text)
    assert "(did you mean '亿元', '亿吨' or '亿斤'?)" in problem  # (as near to each)
    text = HEADER + TARGET.format(n=1, comparison='">"').replace("unit: 亿元", "unit: 元/入")
    (problem,) = _problems(text)
    assert "(did you mean '元/人'?)" in problem


def test_validate_lists_every_problem(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        HEADER
        + TARGET.format(n=1, comparison='">"').replace("value: 100", "value: lots")
        + TARGET.format(n=2, comparison="超").replace("deadline: 2025", "deadline: 2019"),
        encoding="utf-8",
    )
    out = run("validate", str(path))
    assert out.exit_code == 2
    assert out.stderr.splitlines() == [
        f"{path}:14:12: targets[0].value: 'lots' is not a number",
        f"{path}:22:15: targets[1].deadline: the deadline 2019 is not after the base year 2020",
    ]


def test_header_checks_beside_a_schema_error() -> None:
    text = HEADER.replace("start: 2021, end: 2025", "start: 2026, end: 2025") + TARGET.format(
        n=1, comparison='">"'
    ).replace("value: 100", "value: lots")
    assert _problems(text) == [
        "p.yaml:14:12: targets[0].value: 'lots' is not a number",
        "p.yaml:6:30: plan.period.end: the period ends before it starts",
    ]


def test_a_band_word_points_to_approximate() -> None:
    (problem,) = _problems(HEADER + TARGET.format(n=1, comparison="左右"))
    assert problem == (
        "p.yaml:13:17: targets[0].comparison: '左右' is a band, not a comparison: use kind: "
        "approximate"
    )


def test_a_programme_needs_no_english_name(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        HEADER + TARGET.format(n=1, comparison='">"') + "programmes:\n  - {id: p1, name: 某工程}\n",
        encoding="utf-8",
    )
    out = run("gap", "-t", str(path), "--lang", "en", "-F", "markdown")
    assert out.exit_code == 0, out.stderr
    assert "- [ ] 某工程" in out.stdout
