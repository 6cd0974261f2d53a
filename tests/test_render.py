"""Renderers against fixed results: whole JSON records, number formatting, every format module."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len

from shuangshi_cli.assess import assess
from shuangshi_cli.figures import check_rows, load_figures, parse_csv
from shuangshi_cli.messages import Lang
from shuangshi_cli.render import Format, Style, printer
from shuangshi_cli.report.numbers import percent, plain, quantity
from shuangshi_cli.report.records import number, result_record
from shuangshi_cli.units import BUILTIN_UNITS, Unit
from tests.helpers import DATA, county_plan

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run


def test_a_whole_result_record(plan: Plan) -> None:
    rows = parse_csv("indicator,year,value\ngdp,2016,300\ngdp,2017,320\n", "f.csv")
    result = assess(plan, check_rows(rows, plan)).results[0]
    assert result_record(result, Lang.ZH) == {
        "id": "gdp",
        "name": "地区生产总值",
        "name_en": "Gross regional product (GDP)",
        "kind": "level",
        "category": "target",
        "unit": "亿元",
        "comparison": ">",
        "target": 400,
        "deadline": 2019,
        "progress": "compound",
        "latest": {"year": 2017, "value": 320},
        "base": {"year": 2016, "value": 300, "source": "figure", "bound": None},
        "target_level": 400,
        "gap": 80,
        "reached_pct": 0.8,
        "time_progress": 0.333333333333,
        "task_progress": 0.2,
        "required_growth": 0.118033988750,
        "required_growth_from": 2017,
        "observed_growth": 0.0666666666667,
        "pace_ratio": 0.662411228971,  # 6.67% / ((400/300)^(1/3) − 1 = 10.06%)
        "projected_value": 364.088888889,
        "projected_year": 2021,
        "years_ahead": -0.326980782074,  # 2016 + 3 × ln(320/300) / ln(400/300) − 2017
        "within_year": None,
        "peer_rank": None,
        "peer_count": None,
        "peer_year": None,
        "rank_target_region": None,
        "rank_target_value": None,
        "rank_value_gap": None,
        "rank_rival_growth": None,
        "rank_required_growth": None,
        "peer_ranks": None,
        "rank_disagreements": None,
        "status": "acceleration_needed",
        "early": False,
        "status_label": "慢于预期",
        "notes": [],
        "breached_years": [],
        "unseen_years": [],
        "binding": False,
        "price_basis": None,
        "price_year": None,
        "hand_status": None,
        "hand_note": None,
        "hand_year": None,
        "verdict": "acceleration_needed",
        "band": None,
        "relative": None,
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Decimal("47.900000000000006"), 47.900000000000006), (0.1 + 0.2, 0.3), (Decimal("400"), 400),
     (Decimal("41.2"), 41.2), (float("nan"), None), (None, None)],
)  # fmt: skip
def test_json_numbers(value: Decimal | float | None, expected: float | None) -> None:
    assert number(value) == expected


def _unit(symbol: str) -> Unit:
    unit = BUILTIN_UNITS.get(symbol)
    assert unit is not None
    return unit


def test_report_formatting() -> None:
    assert plain(Decimal("352.10")) == "352.1"
    assert plain(Decimal("400")) == "400"
    assert plain(Decimal("0.125"), 2) == "0.13"  # half up, as reports round
    assert plain(Decimal("-0.001")) == "-0.001"  # a small value keeps its digits
    assert plain(Decimal("1E+80")) == "1e+80"
    assert plain(float("inf")) == "∞"
    assert percent(0.085) == "8.5%"
    assert percent(0.76) == "76.0%"
    assert percent(0.0004) == "0.04%"  # not "0.0%"
    assert percent(0.0) == "0.0%"
    assert quantity(Decimal(8), _unit("位"), Lang.ZH) == "第8位"
    assert quantity(Decimal(8), _unit("位"), Lang.EN) == "No. 8"
    assert quantity(Decimal("352.126"), _unit("亿元"), Lang.ZH) == "352.13亿元"
    assert quantity(Decimal("352.1"), _unit("亿元"), Lang.EN) == "352.1 100m yuan"
    assert quantity(Decimal("0.8661"), _unit("吨标准煤/万元"), Lang.ZH) == "0.8661吨标准煤/万元"
    assert quantity(Decimal("0.866"), _unit("吨标准煤/万元"), Lang.ZH, bare=True) == "0.866"
    assert quantity(Decimal("24.02"), _unit("%"), Lang.ZH) == "24.02%"
    assert quantity(Decimal("3"), _unit("个百分点"), Lang.ZH) == "3个百分点"
    assert quantity(Decimal("3.25"), _unit("个百分点"), Lang.EN) == "3.25 pp"


def test_a_computed_float_rounds_as_its_exact_value_would() -> None:
    """2020 + 5 × 1.07 − 2024 is 1.35, whose float is 1.349999999999909: it prints 1.4 years, as
    1.35 rounded half up does (the float's own digits would print 1.3); a rate alike."""
    from shuangshi_cli.report.scenarios import years_ahead_text

    ahead = 2020 + 5 * 1.07 - 2024
    assert ahead < 1.35
    assert years_ahead_text(ahead, Lang.EN) == "1.4 years ahead"
    assert plain(ahead, 1) == "1.4"
    assert percent(1.005 - 1) == "0.5%"  # (0.004999999999999893)
    assert percent(0.1255 - 1e-17) == "12.6%"
    assert plain(Decimal("1.349999999999909"), 1) == "1.3"  # an exact value is as it is


def test_a_plan_unit_prints_its_own_english_name() -> None:
    unit = Unit("微克/立方米", "concentration", Decimal(1), "µg/m³")
    assert quantity(Decimal("35"), unit, Lang.EN) == "35 µg/m³"
    assert quantity(Decimal("35"), unit, Lang.ZH) == "35微克/立方米"


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_prints_every_document(plan: Plan, fmt: Format) -> None:
    from shuangshi_cli import documents
    from shuangshi_cli.scenarios import paths, whatif

    module = printer(fmt)
    figures = load_figures(
        plan, pairs=["gdp=352.1", "gdp_rank=8", "fiscal_revenue=41.2"], year=2018
    )
    assessment = assess(plan, figures)
    every = [
        documents.plan_document(plan),
        documents.assessment_document(assessment),
        documents.path_document(assessment, paths(assessment)),
        documents.whatif_document(whatif(assessment, "gdp", [0.08], by=2019)),
    ]
    if fmt.verdicts:  # verdicts exist for assessments only
        every = [every[1]]
    for lang in Lang:
        for document in every:
            printed = module.print_document(document, Style(lang=lang))
            if fmt.binary:  # a workbook: a zip archive
                assert isinstance(printed, bytes) and printed.startswith(b"PK")
                continue
            assert isinstance(printed, str)
            assert printed.endswith("\n")
            names = ("地区生产总值", "GDP")
            assert any(n in printed for n in names) or fmt in {Format.CSV, Format.JUNIT}


@pytest.mark.parametrize("columns", [60, 80, 100, 120])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_wrapping_column_never_breaks_a_word(run: Run, columns: int, lang: str) -> None:
    """Chinese names wrap anywhere; a Latin word (Indicator, (binding), 13th) stays whole: the
    column is never narrower than its widest word, else the rows turn into cards."""
    out = run(
        "gap", "-t", str(DATA / "fyp-six.yaml"), "-f", str(DATA / "fyp-six-figures.csv"),
        "--lang", lang, env={"COLUMNS": str(columns)},
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    assert not [line for line in lines if line.rstrip().endswith(("Indicato", "(binding"))]
    assert not [line for line in lines if line.strip() in {"r", ")"}]
    assert max(cell_len(line) for line in lines) <= columns


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("400.0001"), "400.0001"),  # the digit that decides >400 is shown
        (Decimal("37.825"), "37.825"),
        (Decimal("352.10"), "352.1"),
        (Decimal("108.2390000000001"), "108.24"),  # more than 12 decimals: a computed value
        (Decimal("0.01234567"), "0.01234567"),  # 123.4567万元 in 亿元
        (Decimal(350), "350"),
    ],
)
def test_a_figure_keeps_the_decimals_it_was_written_with(value: Decimal, shown: str) -> None:
    unit = BUILTIN_UNITS.get("亿元")
    assert quantity(value, unit, Lang.ZH, bare=True, written=True) == shown
    assert quantity(Decimal("400.0001"), unit, Lang.ZH, bare=True) == "400"


def test_a_figure_just_over_its_target_reads_over_it(run: Run) -> None:
    out = run("gap", "--year", "2019", "gdp=400.0001", "-F", "markdown", "-l", "zh").stdout
    assert "| 400.0001（2019） | >400（2019） | 超出0.0001 |" in out


def test_the_summary_counts_statuses_best_first(run: Run) -> None:
    """GDP, the first target, missed; the three after it achieved: the count says 已实现 first,
    in the order of the statuses, not of the targets."""
    args = [
        "--year",
        "2019",
        "gdp=390",
        "gdp_rank=5",
        "fiscal_revenue=51",
        "industrial_output=1001",
    ]
    out = run("gap", *args, "--lang", "zh")
    assert out.stdout.splitlines()[-1] == "量化目标4项：已实现3项，未实现1项（截至2019年）"


@pytest.mark.parametrize(("lang", "pace"), [("zh", "+0.27岁/年"), ("en", "+0.27 years/yr")])
def test_a_linear_pace_has_two_decimals_in_any_unit(
    run: Run, tmp_path: Path, lang: str, pace: str
) -> None:
    """预期寿命 77.93 (2020) → 79 (2024): 0.2675岁 a year, shown as points are, +0.27岁/年."""
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value\nlife_expectancy,2020,77.93\nlife_expectancy,2024,79.0\n", "utf-8"
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "markdown", "-l", lang)
    row = next(
        line for line in out.stdout.splitlines() if "79（2024）" in line or "79 (2024)" in line
    )
    assert f"| {pace} |" in row


@pytest.mark.parametrize(
    ("fraction", "shown"),
    [(0.999996666667, "99.9997%"), (0.9995, "99.95%"), (0.99949, "99.9%"), (1.0, "100.0%"),
     (1.00001, "100.0%")],
)  # fmt: skip
def test_a_share_short_of_the_whole_is_never_shown_as_100(fraction: float, shown: str) -> None:
    """29.9999 against ≥ 30, missed, reached 99.9997%: not the 100.0% one decimal would give."""
    assert percent(fraction) == shown


def test_one_quantified_target_is_one_in_english(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "one.yaml"
    plan.write_text(
        "plan:\n  title: 一项目标（示例）\n  issuer: 某县\n  issued: 2017-08-29\n"
        "  region: {name: 某县, level: county}\n  period: {start: 2017, end: 2019}\n"
        "  base_year: 2016\ntargets:\n  - id: gdp\n    name: 地区生产总值\n    kind: level\n"
        '    unit: 亿元\n    comparison: ">"\n    value: 400\n    deadline: 2019\n',
        "utf-8",
    )
    one = run("gap", "-t", str(plan), "--year", "2018", "gdp=352.1", "-l", "en")
    assert one.exit_code == 0, one.stderr
    assert "1 quantified target: 1 " in one.stdout
    assert (
        "量化目标1项"
        in run("gap", "-t", str(plan), "--year", "2018", "gdp=352.1", "-l", "zh").stdout
    )


def test_a_pace_just_short_of_a_growth_goal_is_not_shown_as_it() -> None:
    from decimal import Decimal

    from shuangshi_cli.report.numbers import percent

    assert percent(0.049979, apart_from=Decimal(5)) == "4.998%"
    assert percent(0.0500004, apart_from=Decimal(5)) == "5.00004%"
    assert percent(0.05, apart_from=Decimal(5)) == "5.0%"
    assert percent(0.0512, apart_from=Decimal(5)) == "5.1%"
    assert percent(0.049979) == "5.0%"
    assert percent(-0.999999999) == "-99.9999999%"
    assert percent(-1.0) == "-100.0%"


def test_a_growth_targets_pace_short_of_its_goal_reads_short(run: Run, tmp_path: Path) -> None:
    plan = county_plan(tmp_path)
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value\nrevenue,2020,36.59\nrevenue,2025,46.69\n", encoding="utf-8"
    )
    out = run("gap", "-t", str(plan), "-f", str(figures), "-F", "markdown", "-l", "zh")
    assert out.exit_code == 0, out.stderr
    assert "| 4.996% | 未实现 |" in out.stdout  # (46.69 / 36.59)^(1/5) − 1 = 4.9959%


def test_a_json_number_is_never_minus_zero() -> None:
    assert str(number(-0.0)) == "0.0"
    assert number(-1e-20) == -1e-20
