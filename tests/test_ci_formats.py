"""CI and sharing: GitHub annotations and job summaries, JUnit XML, the HTML report, SVG charts."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.render.github_format import annotation
from shuangshi_cli.report.checks import Check, Outcome, Policy
from shuangshi_cli.status import Status
from tests.helpers import DATA, ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run

EXAMPLE = "examples/suixi-figures-illustrative.csv"


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def test_github_annotations_point_at_the_deciding_figure(run: Run) -> None:
    result = run("check", "--figures", EXAMPLE, "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::error file={EXAMPLE},line=6,title=Gross regional product (GDP)%3A acceleration needed"
        "::target > 400 100m yuan by 2019, latest 352.1 100m yuan (2018), gap 47.9 100m yuan, "
        "needs 13.6%25 a year, achieved 8.3%25 a year, pace ratio 0.83: acceleration needed"
    )
    assert [line.split(",")[1] for line in lines] == ["line=6", "line=8", "line=10", "line=13"]


def test_github_warnings_below_the_threshold(run: Run) -> None:
    result = run("check", "--figures", EXAMPLE, "--format", "github", "--fail-on", "missed")
    assert result.exit_code == 0
    assert [line[:10] for line in result.stdout.splitlines()] == ["::warning "] * 4


def test_github_escapes_properties_and_data() -> None:
    check = Check(
        "x", "plan", Outcome.FAIL, Status.MISSED, "a: b, c", "50%\nnext", "dir,a/f:1.csv", 3
    )
    assert (
        annotation(check) == "::error file=dir%2Ca/f%3A1.csv,line=3,title=a%3A b%2C c::50%25%0Anext"
    )
    assert annotation(Check("x", "p", Outcome.PASS, Status.ON_TRACK, "t", "m")) is None


def test_policy_outcomes() -> None:
    policy = Policy(Status.LIMITED_PROGRESS)
    assert policy.outcome(Status.MISSED) is Outcome.FAIL
    assert policy.outcome(Status.LIMITED_PROGRESS) is Outcome.FAIL
    assert policy.outcome(Status.ACCELERATION_NEEDED) is Outcome.WARN
    assert policy.outcome(Status.ON_TRACK) is Outcome.PASS
    assert policy.outcome(Status.INSUFFICIENT_DATA) is Outcome.WARN
    assert Policy(strict=True).outcome(Status.INSUFFICIENT_DATA) is Outcome.FAIL
    assert policy.outcome(Status.NOT_ASSESSED) is Outcome.SKIP


def test_job_summary_is_appended(run: Run, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# before\n", encoding="utf-8")
    result = run(
        "check", "--figures", EXAMPLE, "-F", "github", "-l", "zh",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# before\n## 《关于开展“双实活动”的实施意见》")
    assert "| 地区生产总值 | 亿元 | 352.1（2018） |" in text
    explicit = tmp_path / "explicit.md"
    run("check", "--figures", EXAMPLE, "--summary", str(explicit))
    assert explicit.read_text(encoding="utf-8").startswith("## Implementation Opinions")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--junit", "-", "-F", "json"],
        ["check", "--summary", "-", "-F", "json"],
        ["check", "--junit", "-", "--summary", "-"],
        ["path", "gdp", "--chart", "-", "-F", "json"],
    ],
)
def test_two_outputs_on_stdout_are_refused(run: Run, args: list[str]) -> None:
    """JUnit then JSON on one stream: neither parses."""
    result = run(*args, "--figures", EXAMPLE)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "two outputs go to stdout (-): give all but one of them a file\n"


def test_stdout_named_as_a_file_is_stdout_too(run: Run) -> None:
    result = run("check", "--figures", EXAMPLE, "-F", "json", "--junit", "/dev/stdout")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "- and /dev/stdout are the same file: give each output its own\n"


def test_a_summary_to_stdout_is_written_there(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = str(pathlib.Path(EXAMPLE).resolve())
    monkeypatch.chdir(tmp_path)
    result = run("check", "--figures", figures, "--summary", "-")
    assert result.exit_code == 1
    assert result.stdout.startswith("## Implementation Opinions")
    assert not (tmp_path / "-").exists()


def _junit_schema() -> object:
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema(DATA / "junit.xsd")


def test_junit_is_valid_and_counts(run: Run, tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    result = run("check", "--year", "2018", "gdp_rank=8", "fiscal_revenue=41.2",
                 "--junit", str(report))  # fmt: skip
    assert result.exit_code == 1
    schema = _junit_schema()
    schema.validate(str(report))  # type: ignore[attr-defined]
    root = ET.parse(report).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("4", "2", "2")
    cases = {c.get("name", "").split(":")[0]: c for c in root.iter("testcase")}
    assert cases["gdp"].find("skipped") is not None  # insufficient data
    failure = cases["fiscal_revenue"].find("failure")
    assert failure is not None and failure.get("type") == "acceleration_needed"
    assert "gap 8.8 100m yuan" in (failure.get("message") or "")
    properties = {p.get("name"): p.get("value") for p in cases["fiscal_revenue"].iter("property")}
    assert properties["gap"] == "8.8"
    assert properties["latest_value"] == "41.2"


def test_junit_groups_parts(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "towns.yaml"
    from shuangshi_cli.plan import embedded_plan_text

    plan.write_text(
        embedded_plan_text() + "\n" + (DATA / "towns.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = run("scoreboard", "-t", str(plan), "-f", str(DATA / "towns-figures.csv"),
                 "-F", "junit", "-l", "zh")  # fmt: skip
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert [s.get("name") for s in root.iter("testsuite")] == ["刘桥镇", "濉溪经济开发区", "韩村镇"]
    schema = _junit_schema()
    schema.validate(result.stdout)  # type: ignore[attr-defined]


def test_html_report_structure(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = run("report", "--figures", EXAMPLE, "-l", "zh", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 4  # one chart per quantified target
    shown = re.sub(r"<[^>]+>", "", html)  # the text a person reads (a figure and its year are
    # two spans, so a narrow page breaks between them, never inside either)
    for number in ("352.1（2018）", "47.9", "88.0%", "13.6%", "慢于预期", "第8位（2018）"):
        assert number in shown, number
    assert '<span class="part">352.1</span><wbr><span class="part">（2018）</span>' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing external
    assert "url(http" not in html and "<script" not in html
    assert "@page { size: A4" in html


def test_html_escapes_plan_text(run: Run, tmp_path: Path) -> None:
    from shuangshi_cli.plan import embedded_plan_text

    plan = tmp_path / "plan.yaml"
    plan.write_text(
        embedded_plan_text().replace("name: 地区生产总值", "name: <script>alert(1)</script>"),
        encoding="utf-8",
    )
    html = run("report", "-t", str(plan), "-l", "zh").stdout
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_path_chart_svg(run: Run, tmp_path: Path) -> None:
    chart = tmp_path / "gdp.svg"
    result = run("path", "gdp", "--figures", EXAMPLE, "--chart", str(chart), "-F", "json")
    assert result.exit_code == 0
    svg = chart.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert "Gross regional product (GDP)" in svg
    several = tmp_path / "all.svg"
    run("path", "--figures", EXAMPLE, "--chart", str(several), "-F", "json")
    assert sorted(p.name for p in tmp_path.glob("all-*.svg")) == [
        "all-fiscal_revenue.svg", "all-gdp.svg", "all-gdp_rank.svg", "all-industrial_output.svg",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["gap", "--figures", EXAMPLE],
        ["path", "--figures", EXAMPLE],
        ["targets"],
        ["scoreboard", "-t", "examples/towns.yaml", "-f", "examples/towns-figures.csv"],
    ],
)
def test_xlsx_numbers_are_numbers(run: Run, tmp_path: Path, args: list[str]) -> None:
    calamine = pytest.importorskip("python_calamine")
    book = tmp_path / "out.xlsx"
    result = run(*args, "-F", "xlsx", "-o", str(book), "-l", "zh")
    assert result.exit_code == 0, result.stderr
    workbook = calamine.CalamineWorkbook.from_path(str(book))
    first = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()
    assert all(isinstance(h, str) and h for h in first[0])  # a header row, in Chinese
    assert any(isinstance(v, float) for row in first[1:] for v in row)


def test_xlsx_gap_cells(run: Run, tmp_path: Path) -> None:
    calamine = pytest.importorskip("python_calamine")
    book = tmp_path / "gap.xlsx"
    assert (
        run("gap", "--figures", EXAMPLE, "-F", "xlsx", "-o", str(book), "-l", "zh").exit_code == 0
    )
    workbook = calamine.CalamineWorkbook.from_path(str(book))
    assert workbook.sheet_names == ["量化目标", "定性目标", "注"]
    rows = workbook.get_sheet_by_name("量化目标").to_python()
    assert rows[0][:5] == ["指标", "单位", "最新值（年份）", "目标（期限）", "差距"]
    gdp = rows[1]
    assert gdp[0] == "地区生产总值" and gdp[2] == 352.1 and gdp[4] == 47.9
    assert gdp[5] == pytest.approx(0.88025)  # a rate as a fraction, shown as 88.0%
    assert gdp[-1] == "慢于预期"


def test_xlsx_needs_an_output_file(run: Run) -> None:
    result = run("gap", "-F", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "this format writes a workbook: give --output FILE\n"


def test_check_with_parts_groups_junit_by_part(run: Run, tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    args = ["check", "-t", "examples/towns.yaml", "-f", "examples/towns-figures.csv"]
    assert run(*args).exit_code == 0  # the plan's own targets have no figures: nothing fails
    result = run(*args, "--parts", "--junit", str(report), "-l", "zh")
    assert result.exit_code == 1  # two parts are off track
    assert "未达要求：韩村镇 地区生产总值（gdp）：相对滞后\n" in result.stderr
    # the last lines: the plan's own count, then the parts' (which failed the check)
    assert result.stderr.splitlines()[-1].startswith("责任单位3个：")
    root = ET.parse(report).getroot()
    suites = [s.get("name") for s in root.iter("testsuite")]
    assert suites == ["关于开展“双实活动”的实施意见", "刘桥镇", "濉溪经济开发区", "韩村镇"]
    _junit_schema().validate(str(report))  # type: ignore[attr-defined]
    lone = run("check", "--parts")
    assert lone.exit_code == 2
    assert lone.stderr == "--parts judges a plan's parts: this plan has none\n"


@pytest.mark.skipif(not pathlib.Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_summary_that_cannot_be_written_leaves_no_report_beside_it(
    run: Run, tmp_path: Path
) -> None:
    junit = tmp_path / "ok.xml"
    out = run("check", "--year", "2019", "gdp=420", "--junit", str(junit), "--summary", "/dev/full")
    assert out.exit_code == 2
    assert "No space left on device" in out.stderr
    assert not junit.exists()


def test_a_parts_annotation_without_a_figure_points_at_the_plans_target(
    run: Run, tmp_path: Path
) -> None:
    """韩村镇's fiscal revenue has no figure: its annotation points at the plan's line of the
    target it is a part of, as the plan's own targets without figures do."""
    towns = ROOT / "examples" / "towns.yaml"
    figures = tmp_path / "f.csv"
    figures.write_text("indicator,year,value,part\ngdp,2016,40,刘桥镇\n", encoding="utf-8")
    out = run("check", "-t", str(towns), "-f", str(figures), "--parts", "-F", "github")
    lines = [x for x in out.stdout.splitlines() if "Hancun" in x and "insufficient" in x]
    assert lines
    assert all(f"file={towns}" in x and ",line=" in x for x in lines)


def test_check_with_parts_puts_the_parts_in_every_output(run: Run, tmp_path: Path) -> None:
    """check --parts fails on the parts' targets: each output says which, not the plan's own
    targets alone (JSON's parts, CSV's rows per part, the report's table, the summary)."""
    args = ["check", "-t", "examples/towns.yaml", "-f", "examples/towns-figures.csv", "--parts"]
    data = json.loads(run(*args, "-F", "json").stdout)
    towns = {p["name"]: p for p in data["parts"]}
    assert set(towns) == {"刘桥镇", "濉溪经济开发区", "韩村镇"}
    gdp = next(r for r in towns["韩村镇"]["results"] if r["id"] == "gdp")
    assert gdp["status"] == "limited_progress"  # 相对滞后, which fails the check
    table = list(csv.DictReader(io.StringIO(run(*args, "-F", "csv").stdout.lstrip("\ufeff"))))
    own = [r for r in table if not r["part"]]
    assert own and len(own) == len(data["results"])
    hancun = [r for r in table if r["part_name"] == "韩村镇"]
    assert {r["id"] for r in hancun} == {r["id"] for r in towns["韩村镇"]["results"]}
    gdp_row = next(r for r in hancun if r["id"] == "gdp")
    assert gdp_row["status"] == "limited_progress" and gdp_row["name"] == "地区生产总值"
    markdown = run(*args, "-F", "markdown", "-l", "zh").stdout
    assert "韩村镇" in markdown and "责任单位考核排名" in markdown
    summary = tmp_path / "summary.md"
    assert run(*args, "--summary", str(summary), "-l", "zh").exit_code == 1
    assert "韩村镇" in summary.read_text(encoding="utf-8")
    plain = json.loads(run(*args[:-1], "-F", "json").stdout)
    assert "parts" not in plain  # without --parts, the plan's own targets only


def test_xlsx_computed_numbers_are_the_json_ones_shown_as_the_report_shows_them(
    run: Run, tmp_path: Path
) -> None:
    """A computed float is stored at JSON's 12 significant digits (no 8.800000000000001) and
    shown with the report's decimals (a gap of 0.29 points, not 0.29124024)."""
    import re
    import zipfile

    calamine = pytest.importorskip("python_calamine")
    figures = tmp_path / "f.csv"
    figures.write_text("indicator,year,value\ngdp,2016,300\ngdp,2018,352.1\n", "utf-8")
    book = tmp_path / "g.xlsx"
    assert run("path", "gdp", "-f", str(figures), "-F", "xlsx", "-o", str(book)).exit_code == 0
    data = json.loads(run("path", "gdp", "-f", str(figures), "-F", "json").stdout)
    paths = [y["path"] for y in data["paths"][0]["years"]]
    rows = (
        calamine.CalamineWorkbook.from_path(str(book))
        .get_sheet_by_name(calamine.CalamineWorkbook.from_path(str(book)).sheet_names[0])
        .to_python()
    )
    stored = [v for row in rows[1:] for v in row if isinstance(v, float)]
    assert all(v == float(f"{v:.12g}") for v in stored)
    assert any(v in stored for v in paths if isinstance(v, float) and not v.is_integer())
    styles = zipfile.ZipFile(book).read("xl/styles.xml").decode()
    assert "0.00000000" not in re.findall(r'formatCode="([^"]+)"', styles)


def test_xlsx_sheet_names_are_in_the_report_language_and_cut_visibly(
    run: Run, tmp_path: Path
) -> None:
    calamine = pytest.importorskip("python_calamine")
    book = tmp_path / "w.xlsx"
    args = ["whatif", "gdp", "-f", EXAMPLE, "-g", "7%", "--by", "2019", "-F", "xlsx"]
    assert run(*args, "-o", str(book), "-l", "zh").exit_code == 0
    assert calamine.CalamineWorkbook.from_path(str(book)).sheet_names[0] == "情景测算"
    long = tmp_path / "e.xlsx"
    args = ["explain", "energy_intensity", "-t", "cn-14th-fyp", "--year", "2021"]
    out = run(*args, "--figure", "energy_intensity=-2.7", "-F", "xlsx", "-o", str(long), "-l", "zh")
    assert out.exit_code == 0, out.stderr
    names = calamine.CalamineWorkbook.from_path(str(long)).sheet_names
    assert names[0] == "单位GDP能源消耗降低（energy_intensity）：…"  # (31, where it was cut)


def test_an_each_year_targets_annotation_points_at_the_year_that_failed_it(
    run: Run, tmp_path: Path
) -> None:
    figures = tmp_path / "u.csv"
    figures.write_text(
        "indicator,year,value\nunemployment,2021,5.1\nunemployment,2022,5.6\nunemployment,2023,5.2\n",
        "utf-8",
    )
    out = run("check", "-t", "cn-14th-fyp", "-f", str(figures), "-F", "github", "-l", "en")
    line = next(a for a in out.stdout.splitlines() if "unemployment" in a.lower())
    assert line.startswith(f"::error file={figures},line=3,")  # 2022's 5.6, not 2023's 5.2


BINDING_PLAN = str(DATA / "binding-parts.yaml")


@pytest.mark.parametrize(
    ("figures", "extra"),
    [
        # none_c has no figures: --strict fails it, but it is not binding
        ("indicator,year,value\nbind_a,2020,100\nbind_a,2023,160\nexp_b,2020,100\n"
         "exp_b,2023,160\n", ["--strict"]),
        # 西镇's expected target is off track: not binding either
        ("indicator,year,value,part\nbind_a,2020,100,\nbind_a,2023,160,\nexp_b,2020,100,\n"
         "exp_b,2023,160,\nnone_c,2020,100,\nnone_c,2023,160,\nbind_a,2020,50,东镇\n"
         "bind_a,2023,80,东镇\nexp_b,2020,50,东镇\nexp_b,2023,80,东镇\nexp_b,2020,50,西镇\n"
         "exp_b,2023,51,西镇\n", ["--parts"]),
    ],
)  # fmt: skip
def test_binding_only_agrees_in_exit_code_annotations_and_junit(
    run: Run, tmp_path: Path, figures: str, extra: list[str]
) -> None:
    """--binding-only with --strict, and with --parts: what is not binding warns in every output
    (the annotations and JUnit said failure where the exit was 0, or the exit 1 where they
    warned)."""
    path = tmp_path / "f.csv"
    path.write_text(figures, encoding="utf-8")
    junit = tmp_path / "j.xml"
    args = ["check", "-t", BINDING_PLAN, "-f", str(path), *extra]
    result = run(*args, "--binding-only", "-F", "github", "--junit", str(junit))
    assert result.exit_code == 0, result.stderr
    assert "::error" not in result.stdout and "::warning" in result.stdout
    root = ET.fromstring(junit.read_text(encoding="utf-8"))
    assert root.get("failures") == "0"
    assert "not binding (does not fail)" in result.stderr
    assert run(*args).exit_code == 1  # (without --binding-only: it fails)


def test_a_summary_after_a_line_cut_short_starts_on_a_line_of_its_own(
    run: Run, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("no newline", encoding="utf-8")
    run("check", "--figures", EXAMPLE, "--summary", str(summary))
    assert summary.read_text(encoding="utf-8").startswith("no newline\n## Implementation")
