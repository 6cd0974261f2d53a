"""The embedded 十四五 main-indicator table (cn-14th-fyp): encoded row by row, listed by
`shuangshi plans`, named by --targets, and assessed as far as the figures allow."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import pytest

from shuangshi_cli.errors import PlanError
from shuangshi_cli.plan import Comparison, Kind, embedded_plan_text, embedded_plans, load_plan
from tests.helpers import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

EXAMPLE = str(ROOT / "examples" / "cn-14th-fyp-2021-illustrative.csv")


@pytest.fixture(scope="module")
def fyp() -> Plan:
    return load_plan("cn-14th-fyp")


def test_twenty_rows_eight_binding(fyp: Plan) -> None:
    # 20 rows; row 4 is an average growth and a qualitative clause: 21 targets
    assert len(fyp.targets) == 21
    binding = [t.id for t in fyp.targets if t.binding]
    assert binding == [
        "schooling_years", "energy_intensity", "co2_intensity", "air_quality", "surface_water",
        "forest_cover", "grain_capacity", "energy_capacity",
    ]  # fmt: skip
    assert all(t.binding is not None and t.source for t in fyp.targets)


def test_rows_as_the_issue_asks(fyp: Plan) -> None:
    kinds = {t.id: t.kind for t in fyp.targets}
    assert kinds["gdp_growth"] is Kind.QUALITATIVE and kinds["rd_intensity"] is Kind.QUALITATIVE
    assert kinds["labour_productivity_growth"] is Kind.RELATIVE
    assert kinds["income_growth"] is Kind.RELATIVE
    assert kinds["rd_growth"] is Kind.GROWTH
    assert [kinds[i] for i in ("life_expectancy", "energy_intensity", "co2_intensity")] == [
        Kind.CHANGE, Kind.CHANGE, Kind.CHANGE,
    ]  # fmt: skip
    unemployment = fyp.target("unemployment")
    assert (unemployment.comparison, unemployment.value) == (Comparison.LT, Decimal("5.5"))
    # values marked * are the 2019 figures
    assert [k.year for k in fyp.target("forest_cover").known_values] == [2019]
    assert fyp.target("energy_intensity").source == (
        "单位GDP能源消耗降低（%） | — | — | 〔13.5〕 | 约束性"
    )


def test_plans_command_lists_the_embedded_plans(run: Run) -> None:
    out = run("plans")
    assert out.exit_code == 0
    assert out.stdout.splitlines() == [
        "suixi-shuangshi-2017 (default): 关于开展“双实活动”的实施意见, 濉溪县, 2017–2019, "
        "4 quantified and 6 qualitative targets",
        "cn-14th-fyp: 中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要, "
        "中华人民共和国, 2021–2025, 19 quantified and 2 qualitative targets",
    ]
    assert set(embedded_plans()) == {"suixi-shuangshi-2017", "cn-14th-fyp"}


def test_validate_passes(run: Run) -> None:
    out = run("validate", "--targets", "cn-14th-fyp")
    assert out.exit_code == 0, out.stderr
    assert out.stdout.startswith("cn-14th-fyp: valid plan")


def test_gap_on_the_tables_own_values(run: Run) -> None:
    out = run("gap", "--targets", "cn-14th-fyp", "-F", "json")
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    statuses = {r["id"]: r["status"] for r in data["results"]}
    # 5.2 against < 5.5 is met in the base year, by the text's value: no figure says it still is
    assert statuses["unemployment"] == "insufficient_data"
    assert set(statuses.values()) == {"insufficient_data", "not_assessed"}
    assert len(data["missing"]) == 19
    assert out.stderr.startswith("No figures for: ")


def test_a_year_of_figures_assesses_every_row_it_allows(run: Run) -> None:
    out = run("gap", "--targets", "cn-14th-fyp", "-f", EXAMPLE, "-F", "json")
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["missing"] == []
    statuses = {r["id"]: r["status"] for r in data["results"]}
    assert statuses == {
        "gdp_growth": "not_assessed", "labour_productivity_growth": "on_track",
        "urbanization": "on_track", "rd_growth": "on_track", "rd_intensity": "not_assessed",
        "patents": "on_track", "digital_economy_share": "limited_progress",
        "income_growth": "on_track", "unemployment": "on_track", "schooling_years": "on_track",
        "doctors": "on_track", "pension_coverage": "acceleration_needed",
        "childcare_places": "limited_progress", "life_expectancy": "on_track",
        "energy_intensity": "acceleration_needed", "co2_intensity": "on_track",
        "air_quality": "achieved", "surface_water": "on_track", "forest_cover": "on_track",
        "grain_capacity": "achieved",
        # no base value in the table: a capacity floor can be met, not paced
        "energy_capacity": "insufficient_data",
    }  # fmt: skip
    energy = next(r for r in data["results"] if r["id"] == "energy_intensity")
    # one year of −2.7%: ln(0.973) / ln(0.865) = 18.9% of the task in 20% of the time
    assert energy["task_progress"] == pytest.approx(0.188733, abs=1e-6)


def test_check_binding_only_on_the_table(run: Run) -> None:
    out = run("check", "--targets", "cn-14th-fyp", "-f", EXAMPLE, "--binding-only")
    assert out.exit_code == 1
    lines = out.stderr.splitlines()
    assert lines[0] == (
        "off track, not binding (does not fail): Core digital economy industries, share of GDP "
        "(digital_economy_share): limited progress"
    )
    assert "off track: Reduction in energy consumption per unit of GDP (energy_intensity): " in (
        "\n".join(lines)
    )


def test_a_file_of_the_same_name_wins(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path
    (folder / "cn-14th-fyp").write_text("plan: [", encoding="utf-8")
    monkeypatch.chdir(folder)
    out = run("validate", "--targets", "cn-14th-fyp")
    assert out.exit_code == 2
    assert out.stderr.startswith("cn-14th-fyp:1:")


def test_readme_commands_of_the_section_run(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### The embedded 十四五 table: `cn-14th-fyp`", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    commands = [shlex.split(line.split("#", 1)[0]) for line in block.splitlines() if line]
    assert len(commands) == 5
    for words in commands:
        assert words[0] == "shuangshi"
        out = run(*words[1:])
        assert out.exit_code == (1 if words[1] == "check" else 0), (words, out.stderr)


def test_template_has_rows_for_the_series_relative_targets_read(run: Run) -> None:
    out = run("template", "--targets", "cn-14th-fyp")
    rows = list(csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    measured = {r["indicator"] for r in rows if r["unit"]}
    assert "gdp_growth" in measured  # qualitative, but its figures are compared with
    assert "rd_intensity" not in measured  # a clause: a status row only
    assert [r["year"] for r in rows if r["indicator"] == "rd_intensity"] == ["2025"]


def test_whatif_refuses_a_relative_target(run: Run) -> None:
    out = run("whatif", "income_growth", "--targets", "cn-14th-fyp", "--growth", "5%")
    assert out.exit_code == 2
    assert "income_growth compares its growth with gdp_growth's" in out.stderr


def test_targets_listing_words_new_kinds(run: Run) -> None:
    out = run("targets", "--targets", "cn-14th-fyp", "-F", "markdown", "--lang", "zh")
    assert out.exit_code == 0
    assert "高于国内生产总值增长" in out.stdout  # the other series by its name
    assert "与国内生产总值增长基本同步" in out.stdout


def test_schema_validates_the_table_and_comparison_words(run: Run) -> None:
    import jsonschema
    import yaml

    from shuangshi_cli.plan import embedded_plan_text

    schema = json.loads(run("schema").stdout)
    document = json.loads(
        json.dumps(yaml.safe_load(embedded_plan_text("cn-14th-fyp")), default=str)
    )
    jsonschema.validate(document, schema)
    document["targets"][2]["comparison"] = "不低于"
    jsonschema.validate(document, schema)
    document["targets"][2]["comparison"] = "=>"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


@pytest.mark.parametrize(("lang", "words"), [("zh", "低于目标0.3个百分点"), ("en", "0.3 pp under")])
def test_a_ceiling_met_is_under_it_not_over(run: Run, lang: str, words: str) -> None:
    """城镇调查失业率 5.2% against < 5.5%: 0.3 under the ceiling (a floor passed is 超出, over)."""
    out = run("gap", "-t", "cn-14th-fyp", "--year", "2023", "unemployment=5.2", "urbanization=66.16",
              "-F", "markdown", "--lang", lang)  # fmt: skip
    assert out.exit_code == 0, out.stderr
    unemployment = next(
        line for line in out.stdout.splitlines() if "失业率" in line or "nemploy" in line
    )
    urbanization = next(
        line for line in out.stdout.splitlines() if "城镇化率" in line or "rbanis" in line
    )
    assert words in unemployment
    assert ("超出1.16个百分点" if lang == "zh" else "1.16 pp over") in urbanization


def test_life_expectancy_is_said_in_sui(run: Run) -> None:
    # 人均预期寿命 is in 岁 (years of age), as the 纲要 writes it, not 年
    result = run("gap", "--targets", "cn-14th-fyp", "-f", EXAMPLE, "-l", "zh",
                 env={"COLUMNS": "200"})  # fmt: skip
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if "人均预期寿命" in x)
    assert "岁" in line and "年/年" not in line


def test_explain_says_the_status_its_heading_says(run: Run) -> None:
    # 快于预期 and 提前实现 refine on_track and achieved: the status row says them too
    data = json.loads(run("gap", "--targets", "cn-14th-fyp", "-f", EXAMPLE, "-F", "json").stdout)
    checked = []
    for result in data["results"]:
        if result["status"] not in {"on_track", "achieved"}:
            continue
        out = run("explain", result["id"], "--targets", "cn-14th-fyp", "-f", EXAMPLE, "-F", "json")
        explained = json.loads(out.stdout)
        for status in [s for s in explained["steps"] if s["key"] == "status"]:
            assert status["value_text"] == explained["status_label"], result["id"]
            checked.append(status["branch"])
    assert "ahead" in checked


def test_a_ceiling_met_only_by_the_texts_base_is_not_achieved(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "f.csv"
    figures.write_text("indicator,year,status\nrd_intensity,2023,on_track\n", encoding="utf-8")
    result = _result(run, figures, "unemployment")
    assert (result["status"], result["early"], result["projected_year"]) == (
        "insufficient_data", False, None,
    )  # fmt: skip
    # a ceiling each year (the table's 年均 column): holding it so far is on track, not achieved
    figures.write_text("indicator,year,value\nunemployment,2023,5.2\n", encoding="utf-8")
    result = _result(run, figures, "unemployment")
    assert (result["status"], result["early"], result["breached_years"]) == ("on_track", False, [])
    # (2021 and 2022 unseen: whether they held is not known, and said)
    assert (result["unseen_years"], "each_year_unseen" in result["notes"]) == ([2021, 2022], True)
    text = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-l", "zh").stdout
    assert "目标须逐年满足，2021、2022年无数据，未作判断" in text
    # every year to the deadline held but one unseen: not achieved, not known
    figures.write_text(
        "indicator,year,value\nunemployment,2021,5.1\nunemployment,2022,5.4\n"
        "unemployment,2024,5.1\nunemployment,2025,5.0\n",
        encoding="utf-8",
    )
    result = _result(run, figures, "unemployment")
    assert (result["status"], result["unseen_years"]) == ("insufficient_data", [2023])
    figures.write_text(
        "indicator,year,value\n" + "".join(f"unemployment,{y},5.1\n" for y in range(2021, 2026)),
        encoding="utf-8",
    )
    result = _result(run, figures, "unemployment")
    assert (result["status"], result["unseen_years"]) == ("achieved", [])
    # … and a year above it misses it, whatever the years after
    figures.write_text(
        "indicator,year,value\nunemployment,2021,5.1\nunemployment,2022,5.6\n"
        "unemployment,2023,5.2\n",
        encoding="utf-8",
    )
    result = _result(run, figures, "unemployment", "-l", "zh")
    assert (result["status"], result["breached_years"]) == ("missed", [2022])
    assert "each_year_breached" in result["notes"]
    text = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-l", "zh").stdout
    assert "目标须逐年满足，2022年未满足" in text
    done = run("check", "--targets", "cn-14th-fyp", "-f", str(figures))
    assert done.exit_code == 1


def test_a_cumulative_fall_reads_as_a_fall_and_an_index_keeps_two_decimals(
    run: Run, tmp_path: Path
) -> None:
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value\nco2_intensity,2021,-3.8\nco2_intensity,2022,-0.8\n", encoding="utf-8"
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "markdown", "-l", "zh")
    line = next(x for x in out.stdout.splitlines() if "二氧化碳" in x and x.startswith("|"))
    # 100 × 0.962 × 0.992 = 95.4304: a computed index, shown as one (not as a figure written),
    # to the hundredths a cumulative change is judged to
    assert "| 95.43（2022） | 累计下降≥18%（2025） |" in line
    assert "≤-18" not in out.stdout


def test_a_cumulative_change_without_its_base_year_says_so(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value\nlife_expectancy,2021,78.2\nlife_expectancy,2023,78.6\n",
        encoding="utf-8",
    )
    result = _result(run, figures, "life_expectancy")
    assert (result["status"], result["notes"]) == ("insufficient_data", ["base_year_needed"])
    figures.write_text(figures.read_text(encoding="utf-8") + "life_expectancy,2020,77.93\n",
                       encoding="utf-8")  # fmt: skip
    result = _result(run, figures, "life_expectancy")
    assert result["status"] == "on_track" and result["notes"] == []


def test_each_year_fits_a_level_or_rank_only(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    source = embedded_plan_text("cn-14th-fyp").replace(
        "  - id: rd_growth\n", "  - id: rd_growth\n    each_year: true\n", 1
    )
    plan.write_text(source, encoding="utf-8")
    with pytest.raises(PlanError, match="only a level or rank target holds each year"):
        load_plan(plan)


def test_a_bulletins_level_name_is_not_taken_for_the_change_target(
    run: Run, tmp_path: Path
) -> None:
    # 万元国内生产总值能耗 0.49 is the level (tce per 10k yuan); the target reads yearly changes
    figures = tmp_path / "b.csv"
    figures.write_text(
        "2021年国民经济主要指标\n指标,单位,绝对数,比上年增长%\n万元国内生产总值能耗,,0.49,-2.7\n"
        "单位GDP能耗降低,%,2.7,\n",  # a fall of 2.7 (a 降低率 of -2.7 is a rise)
        encoding="utf-8",
    )
    result = _result(run, figures, "energy_intensity")
    assert result["latest"] == {"year": 2021, "value": 97.3}


def test_explain_says_why_an_each_year_target_stands_where_it_does(
    run: Run, tmp_path: Path
) -> None:
    figures = tmp_path / "u.csv"
    figures.write_text("indicator,year,value\nunemployment,2021,5.6\nunemployment,2022,5.4\n",
                       encoding="utf-8")  # fmt: skip
    out = run(
        "explain", "unemployment", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json"
    )
    (step,) = [s for s in json.loads(out.stdout)["steps"] if s["key"] == "status"]
    assert (step["substituted"], step["value"]) == ("not 5.6 < 5.5, 2020 < 2021 ≤ 2025", "missed")
    figures.write_text("indicator,year,value\nunemployment,2021,5.1\nunemployment,2022,5.4\n",
                       encoding="utf-8")  # fmt: skip
    out = run(
        "explain", "unemployment", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json"
    )
    (step,) = [s for s in json.loads(out.stdout)["steps"] if s["key"] == "status"]
    assert step["substituted"] == "5.4 < 5.5 each year to 2022, 2022 < 2025"
    result = _result(run, figures, "unemployment")
    assert (result["status"], result["projected_year"]) == ("on_track", None)


def _latest(run: Run, figures: Path) -> tuple[str, dict[str, Any]]:
    """stderr, and each target's latest point, of gap on the 14th FYP plan and ``figures``."""
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    results = json.loads(out.stdout)["results"]
    return out.stderr, {r["id"]: r["latest"] for r in results if r["latest"]}


def _result(run: Run, figures: Path, target_id: str, *args: str) -> dict[str, Any]:
    """One target's JSON result of gap on the embedded 14th FYP plan and ``figures``."""
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json", *args)
    assert out.exit_code == 0, out.stderr
    (result,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == target_id]
    return cast("dict[str, Any]", result)


@pytest.mark.parametrize(
    ("written", "change"),
    [("2.7", "-2.7"), ("+2.7", "-2.7"), ("-2.7", "-2.7"), ("−2.7", "-2.7"), ("下降2.7%", "-2.7"),
     ("增长0.5%", "0.5"), ("２．７", "-2.7")],
)  # fmt: skip
def test_a_plain_number_under_a_name_that_says_fall_is_the_fall(
    run: Run, tmp_path: Path, written: str, change: str
) -> None:
    """单位GDP能耗降低 2.7 is a fall of 2.7% (as a 降低率 column prints it), and -2.7 too (the fall
    written as the change); a value that says its direction is read as it says; the id takes
    the change itself."""
    figures = tmp_path / "f.csv"
    figures.write_text(f"指标,年份,数值\n单位GDP能耗降低,2021,{written}\n", encoding="utf-8")
    latest = _result(run, figures, "energy_intensity")["latest"]
    assert latest == {"year": 2021, "value": float(Decimal(100) + Decimal(change))}
    figures.write_text("indicator,year,value\nenergy_intensity,2021,2.7\n", encoding="utf-8")
    assert _result(run, figures, "energy_intensity")["latest"]["value"] == 102.7


def test_a_one_year_tables_growth_column_is_the_figure_of_a_growth(
    run: Run, tmp_path: Path
) -> None:
    """指标 | 单位 | 绝对数 | 比上年增长%: the growth is the figure of an indicator given as its
    growth, and of the plan's growth of a level it has not (全社会研发经费投入 → …增长); a dash is
    no figure; a level's own figure stays its value."""
    figures = tmp_path / "b.csv"
    figures.write_text(
        "2021年主要指标\n指标,单位,绝对数,比上年增长%\n常住人口城镇化率,%,64.72,0.83\n"
        "全社会研发经费投入,亿元,27956,14.6\n单位GDP能源消耗降低,%,—,-2.7\n"
        "城镇调查失业率,%,5.1,—\n",
        encoding="utf-8",
    )
    stderr, latest = _latest(run, figures)
    assert latest["urbanization"] == {"year": 2021, "value": 64.72}
    assert latest["rd_growth"] == {"year": 2021, "value": 114.6}
    assert latest["energy_intensity"] == {"year": 2021, "value": 97.3}
    assert latest["unemployment"] == {"year": 2021, "value": 5.1}
    assert "比上年增长% read only as the figure of indicators given as growth" in stderr
    assert "not read" not in stderr  # (the level's growth is what the plan reads of it)


@pytest.mark.parametrize(
    ("written", "index", "said"),
    [
        ("2.7,0.1,-0.5,3.8", "93.976542387", "a negative fall is a rise"),
        ("-2.7,-0.1,0.5,-3.8", "93.976542387", "a positive one is a rise"),
        ("-2.7,-0.1,-0.5,-3.8", "93.041452413", None),
        ("2.7,0.1,0.5,3.8", "93.041452413", None),
    ],
)
def test_a_fall_names_numbers_of_both_signs_read_as_most_of_them_are(
    run: Run, tmp_path: Path, written: str, index: str, said: str | None
) -> None:
    """单位GDP能源消耗降低 2.7, 0.1, -0.5, 3.8: a table of falls (降低率), where -0.5 is a rise;
    -2.7, -0.1, 0.5, -3.8: falls written as changes (下降为负), where 0.5 is a rise (each said on
    stderr); one sign throughout: every year a fall."""
    figures = tmp_path / "w.csv"
    figures.write_text(
        f"指标,单位,2021年,2022年,2023年,2024年\n单位GDP能源消耗降低,%,{written}\n", "utf-8"
    )
    latest = _result(run, figures, "energy_intensity", "-l", "en")["latest"]
    assert latest == {"year": 2024, "value": float(index)}
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-l", "en")
    assert out.exit_code == 0
    for notice in ("a negative fall is a rise", "a positive one is a rise"):
        assert (notice in out.stderr) == (notice == said)
    long = tmp_path / "long.csv"  # the same as a long table, the years' notes beside them
    long.write_text(
        "indicator,year,value,unit,note\n"
        + "".join(
            f"单位GDP能源消耗降低,{2021 + i},{v},%,比上年{'上升' if (v[0] == '-') == (said == 'a negative fall is a rise') else '下降'}\n"
            for i, v in enumerate(written.split(","))
        ),
        "utf-8",
    )
    assert _result(run, long, "energy_intensity", "-l", "en")["latest"] == latest


def test_as_many_falls_as_negative_numbers_are_a_table_of_falls(run: Run, tmp_path: Path) -> None:
    """2.7, -0.5 under 单位GDP能源消耗降低 (the common two years): the positive one is a fall, as
    the name says, and the column is read one way: -0.5 is a rise."""
    figures = tmp_path / "f.csv"
    figures.write_text("指标,单位,2021年,2022年\n单位GDP能源消耗降低,%,2.7,-0.5\n", "utf-8")
    latest = _result(run, figures, "energy_intensity", "-l", "en")["latest"]
    assert latest == {"year": 2022, "value": float(Decimal("97.3") * Decimal("1.005"))}
    # a row under the id is a change: no vote, and no notice of a positive rise for it
    figures.write_text(
        "indicator,year,value\n单位GDP能耗降低,2021,-2.7\n单位GDP能耗降低,2022,-0.1\n"
        "单位GDP能耗降低,2023,0.3\nenergy_intensity,2024,0.5\n",
        "utf-8",
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-l", "en")
    assert out.exit_code == 0, out.stderr
    assert out.stderr.count("a positive one is a rise") == 1
    assert f"{figures}:4:" in out.stderr
    figures.write_text(
        "indicator,year,value\n单位GDP能源消耗降低,2021,下降2.7%\n单位GDP能源消耗降低,2022,-0.1\n"
        "单位GDP能源消耗降低,2023,上升0.5%\n单位GDP能源消耗降低,2024,下降3.8%\n",
        "utf-8",
    )  # (said with their directions, but for -0.1: the one plain number, a fall as a change)
    latest = _result(run, figures, "energy_intensity", "-l", "en")["latest"]
    assert latest["value"] == pytest.approx(97.3 * 0.999 * 1.005 * 0.962)


@pytest.mark.parametrize("heading", ["2022年比上年增长%", "比上年增长（%）"])
def test_a_wide_tables_growth_column_is_the_figure_of_its_years_growth(
    run: Run, tmp_path: Path, heading: str
) -> None:
    """指标 | 单位 | 2021年 | 2022年 | 2022年比上年增长%: the growth is 2022's (a growth column
    after the years without a year of its own: the last year's); it feeds the plan's growth of a
    level it has not (研发经费投入 → 研发经费投入增长) and the fall of one given only as its growth
    (万元国内生产总值能耗 | % | — | — | -0.1: 能耗比上年下降0.1%). A growth of months is not read."""
    figures = tmp_path / "w.csv"
    figures.write_text(
        f"指标,单位,2021年,2022年,{heading},1-9月比上年同期增长%\n"
        "常住人口城镇化率,%,64.72,65.22,—,—\n全社会研发经费投入,亿元,27956,30870,10.4,9.9\n"
        "万元国内生产总值能耗,%,—,—,-0.1,-1\n",
        encoding="utf-8",
    )
    extra = "全社会研发经费投入增长,2021,14.6\n单位GDP能耗降低,2021,2.7\n"
    (tmp_path / "b.csv").write_text(f"指标,年份,数值\n{extra}", encoding="utf-8")
    out = run(
        "gap", "--targets", "cn-14th-fyp", "-f", str(tmp_path / "b.csv"), "-f", str(figures),
        "-F", "json", "-l", "en",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    latest = {r["id"]: r["latest"] for r in json.loads(out.stdout)["results"]}
    assert latest["urbanization"] == {"year": 2022, "value": 65.22}
    assert latest["rd_growth"] == {
        "year": 2022,
        "value": float(Decimal("114.6") * Decimal("1.104")),
    }
    assert latest["energy_intensity"] == {
        "year": 2022,
        "value": float(Decimal("97.3") * Decimal("0.999")),
    }
    assert f"{heading} read only as the figure of indicators given as growth" in out.stderr
    assert "not read: 1-9月比上年同期增长%" in out.stderr


def test_the_outlines_own_row_labels_are_read(run: Run, tmp_path: Path) -> None:
    """The 纲要 heads its rows with their units: 粮食综合生产能力（亿吨）, and a count per population
    in its bare count, 每千人口拥有执业（助理）医师数（人）: each reads as its target's figure."""
    figures = tmp_path / "w.csv"
    figures.write_text(
        "指标,2021年,2022年\n粮食综合生产能力（亿吨）,6.83,6.87\n"
        "能源综合生产能力（亿吨标准煤）,43.3,46.6\n每千人口拥有执业（助理）医师数（人）,3.04,3.15\n"
        "每万人口高价值发明专利拥有量（件）,7.5,9.4\n每千人口拥有3岁以下婴幼儿托位数（个）,2.03,2.57\n",
        encoding="utf-8",
    )
    stderr, latest = _latest(run, figures)
    assert "not read" not in stderr
    assert latest["grain_capacity"] == {"year": 2022, "value": 6.87}
    assert latest["energy_capacity"] == {"year": 2022, "value": 46.6}
    assert latest["doctors"] == {"year": 2022, "value": 3.15}
    assert latest["patents"] == {"year": 2022, "value": 9.4}
    assert latest["childcare_places"] == {"year": 2022, "value": 2.57}


def test_grain_in_jin_converts_exactly(run: Run) -> None:
    """13657亿斤 (500 g each) is 6.8285亿吨."""
    out = run(
        "gap", "--targets", "cn-14th-fyp", "--year", "2021", "grain_capacity=13657亿斤",
        "-F", "json",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    (grain,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "grain_capacity"]
    assert grain["latest"] == {"year": 2021, "value": 6.8285}


def test_years_of_schooling_move_by_years_a_year(run: Run, tmp_path: Path) -> None:
    """10.8 → 11.05 years in 2020–2022, 11.3 by 2025: 0.125 a year done, 0.0833 a year needed
    (analysts count years a year, not a compound 0.7%)."""
    figures = tmp_path / "s.csv"
    figures.write_text(
        "indicator,year,value\nschooling_years,2020,10.8\nschooling_years,2022,11.05\n",
        encoding="utf-8",
    )
    result = _result(run, figures, "schooling_years")
    assert result["progress"] == "linear"
    assert result["required_growth"] == pytest.approx((11.3 - 11.05) / 3)
    assert result["observed_growth"] == pytest.approx(0.125)


def test_a_percentage_given_as_a_ratio_is_said(run: Run, tmp_path: Path) -> None:
    """0.6522 beside 64.72 the year before: a sheet's stored ratio for 65.22%, said on stderr
    (and read as given: a figure is never guessed)."""
    figures = tmp_path / "u.csv"
    figures.write_text(
        "indicator,year,value\nurbanization,2021,64.72\nurbanization,2022,0.6522\n",
        encoding="utf-8",
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0
    assert (
        f"{figures}:3: urbanization is 0.6522%, a hundredth of 64.72% in 2021: a ratio for "
        "65.22%? (read as given)"
    ) in out.stderr.splitlines()
    assert _result(run, figures, "urbanization")["latest"] == {"year": 2022, "value": 0.6522}
    figures.write_text("indicator,year,value\nurbanization,2021,64.72\n", encoding="utf-8")
    assert "ratio" not in run("gap", "--targets", "cn-14th-fyp", "-f", str(figures)).stderr
    # four years from the other figure (and the base's 63.89 of 2020 in the text)
    figures.write_text(
        "indicator,year,value\nurbanization,2021,64.72\nurbanization,2025,0.6722\n",
        encoding="utf-8",
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures))
    assert f"{figures}:3: urbanization is 0.6722%, a hundredth of" in out.stderr


def test_a_fall_in_english_or_in_a_growth_column_is_a_fall(run: Run, tmp_path: Path) -> None:
    out = run(
        "gap", "--targets", "cn-14th-fyp", "--year", "2021", "-F", "json",
        "Reduction in energy consumption per unit of GDP=2.7",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    (energy,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "energy_intensity"]
    assert energy["latest"] == {"year": 2021, "value": 97.3}
    figures = tmp_path / "b.csv"
    for written, change in (("下降2.7%", 97.3), ("增长1.2%", 101.2)):  # (the change as it says)
        figures.write_text(
            f"2021年主要指标\n指标,单位,绝对数,比上年增长%\n单位GDP能耗降低,%,,{written}\n",
            encoding="utf-8",
        )
        assert _result(run, figures, "energy_intensity")["latest"] == {
            "year": 2021,
            "value": change,
        }


def test_a_plain_number_under_a_falls_growth_column_reads_two_ways_and_is_refused(
    run: Run, tmp_path: Path
) -> None:
    """单位GDP能耗降低 | % | | 2.7 under 比上年增长%: the name says 2.7 is a fall, the column a
    rise. A guess either way: refused (-2.7 is a fall as a growth, and no table of falls writes
    one so). The level's row, whose name says no fall, gives its growth as the column says
    (万元国内生产总值能耗 | % | — | 1.2 is a rise)."""
    figures = tmp_path / "b.csv"
    figures.write_text(
        "2021年主要指标\n指标,单位,绝对数,比上年增长%\n单位GDP能耗降低,%,,2.7\n", "utf-8"
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-l", "en")
    assert out.exit_code == 2
    assert out.stderr.splitlines()[-1] + "\n" == (
        f"{figures}:3: value: 单位GDP能耗降低 under a growth column reads two ways: write the fall "
        "in the value column (单位GDP能耗降低 2.7), or the change with its direction (下降2.7%)\n"
    )
    figures.write_text(
        "2021年主要指标\n指标,单位,绝对数,比上年增长%\n万元国内生产总值能耗,%,—,1.2\n", "utf-8"
    )
    assert _result(run, figures, "energy_intensity")["latest"] == {"year": 2021, "value": 101.2}


def test_a_value_and_a_growth_column_that_disagree_are_an_error(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "b.csv"
    figures.write_text(
        "2021年主要指标\n指标,单位,绝对数,比上年增长%\n全社会研发经费投入增长,%,14.2,14.6\n",
        encoding="utf-8",
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures))
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr.splitlines()[-1] == (
        f"{figures}:3: value: the value says 14.2 but the growth column says 14.6"
    )
    figures.write_text(
        "2021年主要指标\n指标,单位,绝对数,比上年增长%\n国内生产总值,亿元,1143670,8.1\n",
        encoding="utf-8",
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json")
    assert "not read" not in out.stderr  # its growth is read: gdp_growth's figure
    figures.write_text(  # a fall of 2.7 is the change -2.7: the two agree
        "2021年主要指标\n指标,单位,数值,比上年增长%\n单位GDP能源消耗降低,%,2.7,-2.7\n",
        encoding="utf-8",
    )
    assert _result(run, figures, "energy_intensity")["latest"] == {"year": 2021, "value": 97.3}


def test_a_table_of_falls_is_one_target_however_its_names_spell_it(
    run: Run, tmp_path: Path
) -> None:
    """单位GDP能耗降低 2.7 and 0.1 beside 单位GDP能源消耗降低 -0.5: one target's falls and a
    negative one, which is a rise: 97.3 × 1.005 × 0.999. Beside 下降2.7%, which says what it is,
    the one plain -0.5 is a fall written as the change: 97.3 × 0.995."""
    figures = tmp_path / "f.csv"
    figures.write_text(
        "指标,年份,数值\n单位GDP能耗降低,2021,2.7\n单位GDP能源消耗降低,2022,-0.5\n"
        "单位GDP能耗降低,2023,0.1\n",
        "utf-8",
    )
    latest = _result(run, figures, "energy_intensity")["latest"]
    assert latest == {
        "year": 2023,
        "value": float(Decimal("97.3") * Decimal("1.005") * Decimal("0.999")),
    }
    figures.write_text(
        "指标,年份,数值\n单位GDP能耗降低,2021,下降2.7%\n单位GDP能源消耗降低,2022,-0.5\n", "utf-8"
    )
    latest = _result(run, figures, "energy_intensity")["latest"]
    assert latest == {"year": 2022, "value": float(Decimal("97.3") * Decimal("0.995"))}


def test_a_bulletins_own_names_of_rd_and_co2_are_read(run: Run, tmp_path: Path) -> None:
    """The 统计公报's table names 研究与试验发展（R&D）经费支出 and 万元国内生产总值二氧化碳排放:
    their growth on the year before is the figure of the plan's R&D growth and CO2 fall."""
    (tmp_path / "before.csv").write_text(
        "indicator,year,value\nrd_growth,2021,14.2\nrd_growth,2022,10.4\n"
        "co2_intensity,2021,-3.8\nco2_intensity,2022,-0.8\n",
        "utf-8",
    )
    (tmp_path / "b.csv").write_text(
        "2023年国民经济和社会发展统计公报主要指标\n指标,单位,绝对数,比上年增长%\n"
        "研究与试验发展（R&D）经费支出,亿元,33278,8.1\n万元国内生产总值二氧化碳排放,%,—,-0.1\n",
        "utf-8",
    )
    out = run(
        "gap", "--targets", "cn-14th-fyp", "-f", str(tmp_path / "before.csv"),
        "-f", str(tmp_path / "b.csv"), "-F", "json", "-l", "en",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    latest = {r["id"]: r["latest"] for r in json.loads(out.stdout)["results"]}
    rd = Decimal("100") * Decimal("1.142") * Decimal("1.104") * Decimal("1.081")
    co2 = Decimal("96.2") * Decimal("0.992") * Decimal("0.999")
    assert latest["rd_growth"] == {"year": 2023, "value": float(rd)}
    assert latest["co2_intensity"] == {"year": 2023, "value": float(co2)}
    assert "not in the plan" not in out.stderr and "does not have" not in out.stderr


def test_a_bulletins_nominal_income_growth_is_not_the_plans_real_one(
    run: Run, tmp_path: Path
) -> None:
    """居民人均可支配收入 | 元 | 36883 | 5.0: the 统计公报's 名义增长 (its 实际增长 was 2.9); the
    纲要's income growth is real (growth_basis: real): not read, and said. GDP's growth, at
    comparable prices, is read."""
    (tmp_path / "b.csv").write_text(
        "2022年国民经济和社会发展统计公报主要指标\n指标,单位,绝对数,比上年增长%\n"
        "国内生产总值,亿元,1210207,3.0\n居民人均可支配收入,元,36883,5.0\n",
        "utf-8",
    )
    (tmp_path / "a.csv").write_text(
        "indicator,year,value\ngdp_growth,2021,8.1\nincome_growth,2021,8.1\n", "utf-8"
    )
    args = ["-f", str(tmp_path / "a.csv"), "-f", str(tmp_path / "b.csv"), "-F", "json"]
    out = run("gap", "--targets", "cn-14th-fyp", *args, "-l", "en")
    assert out.exit_code == 0, out.stderr
    income = next(r for r in json.loads(out.stdout)["results"] if r["id"] == "income_growth")
    years = {y["year"]: y for y in income["relative"]["years"]}
    assert sorted(years) == [2021]  # 2022's 5.0 is not the real growth
    assert f"{tmp_path / 'b.csv'}:4: 居民人均可支配收入's growth on the year before is nominal" in (
        out.stderr
    )
    assert "does not have" not in out.stderr
    (tmp_path / "c.csv").write_text("indicator,year,value\nincome_growth,2022,2.9\n", "utf-8")
    out = run("gap", "--targets", "cn-14th-fyp", *args, "-f", str(tmp_path / "c.csv"))
    income = next(r for r in json.loads(out.stdout)["results"] if r["id"] == "income_growth")
    assert {y["year"]: y["growth"] for y in income["relative"]["years"]}[2022] == 0.029


@pytest.mark.parametrize(
    ("table", "read"),
    [
        ("指标,单位,绝对数,比上年实际增长%\n居民人均可支配收入,元,36883,2.9\n", 2.9),
        ("指标,单位,2022年,实际增长%\n居民人均可支配收入,元,36883,2.9\n", 2.9),
        ("指标,2022年,比上年增长%\n居民人均可支配收入,36883,5.0\n", None),  # no unit: not told
        ("指标,2022年,比上年增长%\n居民人均可支配收入（元）,36883,5.0\n", None),
        ("单位：元\n指标,2022年,比上年增长%\n居民人均可支配收入,36883,5.0\n", None),
    ],
)
def test_a_growth_column_that_says_real_is_read_as_real(
    run: Run, tmp_path: Path, table: str, read: float | None
) -> None:
    """比上年实际增长% says what a bare 比上年增长% does not: the growth is real, and is the
    figure of the 纲要's real income growth; a bare one is nominal, with a unit or not."""
    (tmp_path / "b.csv").write_text(f"2022年统计公报主要指标\n{table}", "utf-8")
    (tmp_path / "g.csv").write_text("indicator,year,value\ngdp_growth,2022,3.0\n", "utf-8")
    files = ["-f", str(tmp_path / "g.csv"), "-f", str(tmp_path / "b.csv")]
    out = run("gap", "--targets", "cn-14th-fyp", *files, "-F", "json")
    assert out.exit_code == 0, out.stderr
    income = next(r for r in json.loads(out.stdout)["results"] if r["id"] == "income_growth")
    growths = [y["growth"] for y in (income["relative"] or {}).get("years", [])]
    assert growths == ([] if read is None else [pytest.approx(read / 100)])
    assert ("is nominal" in out.stderr) == (read is None)


def test_growth_basis_is_for_growth_rates(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        embedded_plan_text().replace(
            "    unit: 亿元\n", "    unit: 亿元\n    growth_basis: real\n", 1
        ),
        "utf-8",
    )
    out = run("validate", str(plan), "-l", "en")
    assert out.exit_code == 2
    assert "growth_basis: growth_basis is for a target whose figures are growth rates" in out.stderr


def test_yearly_changes_that_look_cumulative_are_said(run: Run, tmp_path: Path) -> None:
    """-3.1, -5.5, -8.2, -11.3: the falls since 2020, fed as each year's (chained to 74.56)."""
    figures = tmp_path / "e.csv"
    figures.write_text(
        "indicator,year,value\nenergy_intensity,2021,-3.1\nenergy_intensity,2022,-5.5\n"
        "energy_intensity,2023,-8.2\nenergy_intensity,2024,-11.3\n",
        encoding="utf-8",
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert (
        f"{figures}:5: energy_intensity's yearly changes grow every year from 2021 (-3.1、-5.5、"
        "-8.2、-11.3): are they cumulative since 2020? Each year's change on the year before is "
        "chained (read as given)"
    ) in out.stderr.splitlines()
    figures.write_text(
        "indicator,year,value\nenergy_intensity,2021,-2.7\nenergy_intensity,2022,-0.1\n"
        "energy_intensity,2023,0.5\nenergy_intensity,2024,-3.8\n",
        encoding="utf-8",
    )
    assert "cumulative" not in run("gap", "--targets", "cn-14th-fyp", "-f", str(figures)).stderr
