"""时序进度, the path to each target, years ahead, and what-if scenarios."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.assess import assess
from shuangshi_cli.figures import load_figures
from shuangshi_cli.plan import Plan, embedded_plan_text, load_plan
from shuangshi_cli.render import Format
from shuangshi_cli.scenarios import paths, whatif
from tests.helpers import DATA, ROOT, county_plan

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run

# Usual cumulative shares of fiscal revenue, January to December (illustrative).
SEASONAL = "[0.10, 0.17, 0.26, 0.35, 0.44, 0.53, 0.61, 0.70, 0.80, 0.87, 0.93, 1]"


def _seasonal_plan(tmp_path: Path, profile: str = SEASONAL) -> Path:
    text = embedded_plan_text().replace(
        "    source: 财政总收入突破50亿元\n",
        f"    source: 财政总收入突破50亿元\n    seasonal: {profile}\n",
    )
    path = tmp_path / "seasonal.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_within_year_by_hand(plan: Plan) -> None:
    figures = load_figures(plan, pairs=["fiscal_revenue=38"], year=2019, month=9)
    within = assess(plan, figures).results[2].within_year
    assert within is not None
    assert (within.year, within.month) == (2019, 9)
    assert (within.value, within.annual_goal) == (Decimal(38), Decimal(50))
    assert within.completion == pytest.approx(0.76)
    assert within.time_elapsed == pytest.approx(0.75)
    assert within.lead_points == pytest.approx(1.0)
    assert not within.seasonal


def test_within_year_wording(run: Run) -> None:
    wide = {"COLUMNS": "300"}  # one line per sentence
    zh = run("gap", "--year", "2019", "--month", "9", "fiscal_revenue=38", "--lang", "zh", env=wide)
    assert zh.exit_code == 0, zh.stderr
    assert "完成年度目标的76.0%，高于时序进度1.0个百分点" in zh.stdout
    en = run("gap", "--year", "2019", "--month", "9", "fiscal_revenue=38", "--lang", "en", env=wide)
    assert "76.0% of the annual goal, 1.0 points ahead of the time elapsed" in en.stdout
    data = json.loads(
        run("gap", "--year", "2019", "-m", "9", "fiscal_revenue=38", "-F", "json").stdout
    )
    assert data["results"][2]["within_year"] == {
        "year": 2019, "month": 9, "value": 38, "annual_goal": 50, "completion": 0.76,
        "time_elapsed": 0.75, "lead_points": 1.0, "yoy_growth": None,
        "required_yoy_growth": None, "time_basis": "months",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("value", "line", "lead"),
    [
        # 37.825 / 50 = 75.65% → 75.7%, against 75.0%: 0.7 points ahead (a float said 0.6499…)
        ("37.825", "完成年度目标的75.7%，高于时序进度0.7个百分点", 0.65),
        # 74.95% → 75.0%: level with 75.0%, as the line prints both
        ("37.475", "完成年度目标的75.0%，与时序进度持平", -0.05),
        ("37.4", "完成年度目标的74.8%，低于时序进度0.2个百分点", -0.2),
    ],
)
def test_the_lead_adds_up_with_the_shares_it_joins(
    run: Run, value: str, line: str, lead: float
) -> None:
    args = ["gap", "--year", "2019", "--month", "9", f"fiscal_revenue={value}"]
    zh = run(*args, "--lang", "zh", env={"COLUMNS": "300"})
    assert zh.exit_code == 0, zh.stderr
    assert line in zh.stdout
    data = json.loads(run(*args, "-F", "json").stdout)
    assert data["results"][2]["within_year"]["lead_points"] == lead


def test_seasonal_profile_changes_the_verdict(run: Run, tmp_path: Path) -> None:
    plan_path = _seasonal_plan(tmp_path)
    plan = load_plan(plan_path)
    within = assess(plan, load_figures(plan, pairs=["fiscal_revenue=38"], year=2019, month=9))
    result = within.results[2].within_year
    assert result is not None and result.seasonal
    assert result.time_elapsed == pytest.approx(0.80)
    assert result.lead_points == pytest.approx(-4.0)
    out = run(
        "gap", "-t", str(plan_path), "--year", "2019", "-m", "9", "fiscal_revenue=38", "-l", "zh",
        env={"COLUMNS": "300"},
    )  # fmt: skip
    assert "低于时序进度4.0个百分点" in out.stdout
    assert "按季节性进度" in out.stdout


def test_path_goal_and_year_on_year(plan: Plan, tmp_path: Path) -> None:
    rows = (
        "indicator,year,month,value\nfiscal_revenue,2016,,30\nfiscal_revenue,2017,,36\n"
        "fiscal_revenue,2017,9,27\nfiscal_revenue,2018,9,30.6\n"
    )
    path = tmp_path / "f.csv"
    path.write_text(rows, encoding="utf-8")
    within = assess(plan, load_figures(plan, [str(path)])).results[2].within_year
    assert within is not None
    # the 2018 goal lies on the path 30 → 50 (2016 → 2019): 30 × (5/3)^(2/3)
    assert float(within.annual_goal or 0) == pytest.approx(30 * (5 / 3) ** (2 / 3))
    assert within.yoy_growth == pytest.approx(30.6 / 27 - 1)
    assert within.required_yoy_growth == pytest.approx(30 * (5 / 3) ** (2 / 3) / 36 - 1)


def test_month_figures_do_not_count_as_annual(plan: Plan) -> None:
    figures = load_figures(plan, pairs=["fiscal_revenue=52"], year=2019, month=11)
    result = assess(plan, figures).results[2]
    assert result.status.value == "insufficient_data"  # the year is not over
    assert result.within_year is not None and result.within_year.completion == pytest.approx(1.04)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2019", "--month", "0", "fiscal_revenue=38"], "--month 0 is outside 1–11"),
        (["--year", "2019", "--month", "13", "fiscal_revenue=38"], "--month 13 is outside 1–11"),
        (
            ["--year", "2019", "--month", "9", "gdp_rank=8"],
            "argument 'gdp_rank=8': month: gdp_rank is not a flow",
        ),
    ],
)
def test_bad_months(run: Run, args: list[str], message: str) -> None:
    result = run("gap", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ("[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98]",
         "targets[2].seasonal[11]: the cumulative share must rise to 1 (or 100%), not 0.98"),
        ("[0.1, 0.2, 0.3, 0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 1]",
         "targets[2].seasonal[3]: the cumulative share falls in month 4"),
        ("[0.5, 1]", "targets[2].seasonal: a seasonal profile has 12 monthly shares, not 2"),
    ],
)  # fmt: skip
def test_bad_seasonal_profiles(run: Run, tmp_path: Path, profile: str, message: str) -> None:
    path = _seasonal_plan(tmp_path, profile)
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if "seasonal:" in text)
    assert result.stderr.startswith(f"{path}:{line}:")  # the line of the profile


def test_path_ends_exactly(plan: Plan) -> None:
    figures = load_figures(plan, pairs=["gdp=300"], year=2016)
    (gdp_path,) = paths(assess(plan, figures), "gdp")
    assert (gdp_path.years[0].year, gdp_path.years[0].path) == (2016, 300.0)
    assert (gdp_path.years[-1].year, gdp_path.years[-1].path) == (2019, 400.0)
    assert gdp_path.years[1].path == pytest.approx(300 * (4 / 3) ** (1 / 3))
    (rank_path,) = paths(assess(plan, figures), "经济总量全省县域位次")
    assert [y.path for y in rank_path.years] == pytest.approx([10, 10 - 5 / 3, 10 - 10 / 3, 5])


def test_years_ahead_by_hand(plan: Plan) -> None:
    figures = load_figures(plan, pairs=["gdp_rank=8"], year=2018)
    rank = assess(plan, figures).results[1]
    # the path 10 → 5 (2016 → 2019) reaches 8th at 2016 + 3 × 2/5 = 2017.2: 0.8 years behind
    assert rank.years_ahead == pytest.approx(-0.8)


def test_path_command_formats(run: Run) -> None:
    args = ["path", "gdp", "--figure", "gdp=352.1", "--year", "2018"]
    figures = ["-f", "examples/suixi-figures-illustrative.csv"]
    for fmt in (f for f in Format if not f.verdicts and not f.binary):
        result = run(*args[:2], *figures, "-F", fmt.value, "-l", "zh")
        assert result.exit_code == 0, result.stderr
        assert result.stdout
    data = json.loads(run("path", *figures, "-F", "json").stdout)
    gdp = data["paths"][0]
    assert gdp["years"][0] == {
        "year": 2016,
        "path": 300,
        "figure": 300,
        "difference": 0,
        "ahead": True,
    }
    assert gdp["years"][-1]["path"] == 400
    assert gdp["from_latest"][-1] == {"year": 2019, "value": 400}
    rows = list(
        csv.DictReader(io.StringIO(run("path", *figures, "-F", "csv").stdout.lstrip("\ufeff")))
    )
    assert rows[0]["id"] == "gdp" and rows[0]["year"] == "2016"
    table = run("path", "gdp_rank", *figures, "-l", "zh").stdout
    assert "落后路径0.8年" in table
    unknown = run("path", "gpd")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("no quantified target 'gpd'")


def test_whatif_at_required_growth_meets_in_the_deadline_year(plan: Plan) -> None:
    assessment = assess(plan, load_figures(plan, pairs=["gdp=320"], year=2017))
    needed = assessment.results[0].required_growth
    assert needed is not None
    assert needed == pytest.approx(0.118033988749895)  # (400/320)^(1/2) − 1
    result = whatif(assessment, "gdp", [needed, 0.05], by=2019)
    exact, slow = result.scenarios
    assert exact.met_year == 2019 and exact.met_by(2019)
    assert exact.values[-1][0] == 2019
    assert exact.values[-1][1] == pytest.approx(400)
    assert slow.met_year == 2022  # 320 × 1.05^5 = 408.4
    assert result.required == pytest.approx(needed)


def test_whatif_from_a_figure_that_meets_the_target_is_judged_at_the_deadline(
    plan: Plan,
) -> None:
    """A target met early and then left behind misses, as the deadline's figure judges it: GDP
    410 in 2018 against > 400 in 2019 is met at 0 % or +1 %, missed at −3 % (397.7)."""
    assessment = assess(plan, load_figures(plan, pairs=["gdp=410"], year=2018))
    stay, rise, fall = whatif(assessment, "gdp", [0.0, 0.01, -0.03]).scenarios
    assert (stay.met_year, rise.met_year) == (2018, 2018)
    [(year, value)] = fall.values
    assert year == 2019
    assert value == pytest.approx(397.7)
    assert fall.met_year is None and not fall.met_by(2019)


def test_whatif_deflator(plan: Plan) -> None:
    assessment = assess(plan, load_figures(plan, pairs=["gdp=352.1"], year=2018))
    result = whatif(assessment, "gdp", [0.075], by=2019, deflator=0.02)
    assert result.scenarios[0].growth == pytest.approx(1.075 * 1.02 - 1)
    assert result.required_real == pytest.approx((400 / 352.1) / 1.02 - 1)


def test_whatif_command(run: Run) -> None:
    base = ["whatif", "gdp", "--figure", "gdp=352.1", "--year", "2018"]
    result = run(*base, "-g", "7.5%", "-g", "9%", "--by", "2019", "--deflator", "2%", "-l", "zh")
    assert result.exit_code == 0, result.stderr
    assert "2019年实现需年均13.6%（名义），扣除价格因素后实际增长11.4%" in result.stdout
    assert "目标按现价（名义）计" in result.stdout
    data = json.loads(run(*base, "-g", "7.5", "-F", "json").stdout)
    assert data["scenarios"][0]["growth"] == 0.075
    assert data["scenarios"][0]["values"] == [{"year": 2019, "value": 378.5075}]
    assert data["scenarios"][0]["met_year"] == 2020
    for fmt in (f for f in Format if not f.verdicts and not f.binary):
        assert run(*base, "-g", "8%", "-F", fmt.value).exit_code == 0
    rank = run(
        "whatif", "gdp_rank", "--figure", "gdp_rank=8", "--year", "2018", "-g", "-1", "-F", "json"
    )
    assert json.loads(rank.stdout)["scenarios"][0]["met_year"] == 2021


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-g", "-100%"], "a growth of -100% makes no sense: it must be above -100%"),
        (["-g", "-150"], "a growth of -150% makes no sense"),
        (["-g", "fast"], "--growth: 'fast' is not a number"),
        (["-g", "1e10%"], "a growth of 1e+10% a year makes no sense"),
        (["-g", "5亿元"], "--growth: give a percentage such as 7.5%"),
        (["--by", "2018"], "--by 2018 is not after the latest figure (2018)"),
        (["-g", "5%", "--deflator", "-100%"], "--deflator must be above -100%"),
        ([], "give --growth RATE (repeatable) or --by YEAR"),
    ],
)
def test_whatif_bad_input(run: Run, args: list[str], message: str) -> None:
    result = run("whatif", "gdp", "--figure", "gdp=352.1", "--year", "2018", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr


def test_whatif_without_a_figure(run: Run) -> None:
    result = run("whatif", "gdp", "-g", "7%")
    assert result.exit_code == 2
    assert result.stderr == "gdp: no figure to start from; give the latest figure\n"


def test_a_path_caption_leaves_out_what_it_cannot_say(run: Run) -> None:
    """GDP from one figure has no years ahead or behind: the caption omits that clause."""
    for lang, clause in (
        ("en", "by 2019, needs 13.6% a year"),
        ("zh", "（2019），此后需年均13.6%"),
    ):
        out = run("report", "--year", "2018", "gdp=352.1", "-F", "markdown", "--lang", lang)
        assert out.exit_code == 0
        caption = next(line for line in out.stdout.splitlines() if "13.6%" in line and "**" in line)
        assert clause in caption
        assert "—" not in caption


def test_an_annual_goal_on_the_path_has_no_binary_noise(run: Run, tmp_path: Path) -> None:
    # 300 × (400/300)^(2/3): a float, given with its 12 significant digits as every float is
    figures = tmp_path / "m.csv"
    figures.write_text(
        "indicator,year,month,value\ngdp,2016,,300\ngdp,2017,,326.5\ngdp,2018,9,250\n",
        encoding="utf-8",
    )
    data = json.loads(run("gap", "-f", str(figures), "-F", "json").stdout)
    assert data["results"][0]["within_year"]["annual_goal"] == 363.424118566


def test_a_path_difference_is_exact_to_the_paths_digits(run: Run, tmp_path: Path) -> None:
    """Index 107.2 × 106.8 = 114.4896 against the path's 114.49 (7% a year from 100): -0.0004,
    not the float's -0.000400000000013."""
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value\nreal_growth,2016,7.2\nreal_growth,2017,6.8\n", encoding="utf-8"
    )
    out = run(
        "path", "real_growth", "-t", str(DATA / "city_plan.yaml"), "-f", str(figures),
        "-F", "json",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    (path,) = json.loads(out.stdout)["paths"]
    year = next(y for y in path["years"] if y["year"] == 2017)
    assert (year["path"], year["figure"], year["difference"]) == (114.49, 114.4896, -0.0004)


def test_whatif_by_a_year_when_the_target_is_met_needs_nothing(run: Run) -> None:
    """66% against ≥ 65%: no pace is "needed" by 2024 (-0.33 a year read as an order to fall)."""
    out = run(
        "whatif", "urbanization", "--targets", "cn-14th-fyp", "--year", "2021",
        "--figure", "urbanization=66", "--by", "2024", "--lang", "zh",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    assert "2021年已实现：2024年前无需增长" in out.stdout
    assert "需-" not in out.stdout


def test_a_lower_is_better_paths_legend_says_a_longer_bar_is_higher(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    figures = tmp_path / "u.csv"
    figures.write_text(
        "indicator,year,value\nunemployment,2020,5.2\nunemployment,2022,5.6\n", encoding="utf-8"
    )
    out = run("path", "unemployment", "--targets", "cn-14th-fyp", "-f", str(figures), "-l", "zh")
    assert out.exit_code == 0, out.stderr
    assert "数值越大，条形越长（该指标越低越好）" in out.stdout
    rank = run(
        "path",
        "gdp_rank",
        "-f",
        str(ROOT / "examples" / "suixi-figures-illustrative.csv"),
        "-l",
        "zh",
    )
    assert "越低越好" not in rank.stdout


def test_a_growth_targets_month_figure_is_in_its_figure_unit(run: Run, tmp_path: Path) -> None:
    """一般公共预算收入 年均增长5%: its figures are 亿元, and so is its 1–6月 figure (not 25.1%)."""
    plan = county_plan(tmp_path)
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,month,value\nrevenue,2020,,36.59\nrevenue,2024,,41.8\n"
        "revenue,2025,6,25.1\n",
        encoding="utf-8",
    )
    out = run("gap", "-t", str(plan), "-f", str(figures), "-l", "zh", env={"COLUMNS": "300"})
    assert out.exit_code == 0, out.stderr
    assert "一般公共预算收入：2025年1–6月累计25.1亿元，完成年度目标的" in out.stdout


def test_a_cumulative_month_figure_that_falls_is_said(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "m.csv"
    figures.write_text(
        "indicator,year,month,value\nfiscal_revenue,2019,3,17\nfiscal_revenue,2019,6,8\n",
        encoding="utf-8",
    )
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert (
        f"{figures}:3: fiscal_revenue is 8 for January to month 6, less than the 17 to month 3: "
        "a sum so far does not fall (a month alone?) (read as given)"
    ) in out.stderr.splitlines()
    figures.write_text(
        "indicator,year,month,value\nfiscal_revenue,2019,3,17\nfiscal_revenue,2019,6,28\n",
        encoding="utf-8",
    )
    assert "does not fall" not in run("gap", "-f", str(figures)).stderr


def test_a_month_figure_in_another_unit_is_said(run: Run, tmp_path: Path) -> None:
    """1-9月 147500 beside a year of 18.36 and 1-9月 14.2 the year before: 万元 as 亿元."""
    figures = tmp_path / "m.csv"
    figures.write_text(
        "indicator,year,month,value\nrevenue,2020,,18.36\nrevenue,2020,9,14.2\n"
        "revenue,2021,9,147500\n",
        encoding="utf-8",
    )
    out = run("gap", "-t", str(county_plan(tmp_path)), "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert (
        f"{figures}:4: revenue is 147500 亿元, about 8000 times 18.36, the middle of its figures: "
        "given in another unit (万元 for 亿元)? (read as given)"
    ) in out.stderr.splitlines()


def test_a_month_figure_of_a_rate_is_refused(run: Run, tmp_path: Path) -> None:
    """地区生产总值增长6%左右: its figures are rates; 1-9月's 5.8% is no amount so far."""
    plan = county_plan(
        tmp_path,
        "  - {id: gdp, name: 地区生产总值, kind: approximate, unit: '%', value: 6, flow: true,\n"
        "     deadline: 2021}\n",
    )
    out = run("gap", "-t", str(plan), "--year", "2021", "--month", "9", "gdp=5.8")
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr == (
        "argument 'gdp=5.8': month: gdp's figures are rates (%): a cumulative month figure, an "
        "amount so far, does not fit\n"
    )
