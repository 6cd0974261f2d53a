"""The command line: every command and format, exit codes 0/1/2, stdout for data only."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.cli import app
from shuangshi_cli.plan import embedded_plan_text
from shuangshi_cli.render import Format
from tests.helpers import DATA

if TYPE_CHECKING:
    from tests.helpers import Run

MID_TERM = [
    "--year",
    "2018",
    "gdp=352.1",
    "fiscal_revenue=41.2",
    "industrial_output=780",
    "gdp_rank=8",
]


def test_done_when_gap_json(run: Run) -> None:
    result = run("gap", "--year", "2019", "gdp=420", "gdp_rank=6", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["as_of"] == 2019
    results = {r["id"]: r for r in data["results"]}
    assert results["gdp"]["status"] == "achieved"
    assert results["gdp_rank"]["status"] == "missed"
    assert results["gdp_rank"]["gap"] == 1
    for key in ("id", "name", "kind", "unit", "comparison", "target", "deadline", "latest", "base",
                "gap", "reached_pct", "time_progress", "task_progress", "required_growth",
                "observed_growth", "pace_ratio", "projected_value", "projected_year", "status"):  # fmt: skip
        assert key in results["gdp"]
    assert data["summary"]["achieved"] == 1
    assert "No figures for" in result.stderr


def test_json_numbers_have_no_binary_noise(run: Run) -> None:
    result = run("gap", *MID_TERM, "--format", "json")
    gdp = json.loads(result.stdout)["results"][0]
    assert '"gap": 47.9,' in result.stdout
    assert gdp["latest"] == {"year": 2018, "value": 352.1}
    assert len(repr(gdp["required_growth"])) <= 16


@pytest.mark.parametrize("fmt", [f for f in Format if not f.binary])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_format(run: Run, fmt: Format, lang: str) -> None:
    result = run("gap", *MID_TERM, "--format", fmt.value, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    name = "地区生产总值" if lang == "zh" else "Gross regional product"
    if fmt is Format.JSON:
        assert json.loads(out)["results"][0]["status"] == "insufficient_data"
        assert json.loads(out)["results"][1]["status"] == "acceleration_needed"
        assert json.loads(out)["results"][0]["id"] == "gdp"
    elif fmt is Format.CSV:
        assert out.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(out[1:])))
        zh = lang == "zh"  # headers follow --lang when it is given
        rows = [{k: r[k] for k in r} for r in rows]
        key, gap_key, name_key = ("代码", "差距", "名称") if zh else ("id", "gap", "name")
        assert [r[key] for r in rows][:4] == [
            "gdp",
            "gdp_rank",
            "fiscal_revenue",
            "industrial_output",
        ]
        assert rows[0][gap_key] == "47.9"
        assert rows[0][name_key] == "地区生产总值"
    else:
        assert name in out
        assert ("财政总收入" if lang == "zh" else "Total fiscal revenue") in out
    targets = run("targets", "--format", fmt.value, "--lang", lang)
    if fmt in {Format.GITHUB, Format.JUNIT}:  # verdicts for CI: a plan has none
        assert targets.exit_code == 2
        assert targets.stderr.startswith(f"--format {fmt.value} ")
    else:
        assert targets.exit_code == 0
        assert targets.stdout


def test_table_reads_like_a_report(run: Run) -> None:
    result = run("gap", *MID_TERM, "--lang", "zh", env={"COLUMNS": "160"})
    out = result.stdout
    for text in ("352.1（2018）", ">400（2019）", "47.9", "第8位（2018）", "每年前移3位", "慢于预期",
                 "量化目标4项", "产业升级工程", "创新发展当先行", "88.0%"):  # fmt: skip
        assert text in out, text
    assert "\x1b[" not in out  # no colour when stdout is not a terminal


def test_markdown_table(run: Run) -> None:
    out = run("gap", *MID_TERM, "--format", "markdown", "--lang", "zh").stdout
    assert out.startswith("## 《关于开展“双实活动”的实施意见》")
    assert "| 地区生产总值 | 亿元 | 352.1（2018） | >400（2019） | 47.9 | 88.0% |" in out
    assert "- [ ] 产业升级工程" in out


def test_lang_from_locale(run: Run) -> None:
    assert "地区生产总值" in run("gap", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "Gross regional" in run("gap", env={"LANG": "en_US.UTF-8"}).stdout
    bad = run("gap", "--lang", "fr")
    assert bad.exit_code == 2
    assert bad.stderr == "--lang must be zh or en, not 'fr'\n"


def test_no_figures_gap_still_runs(run: Run) -> None:
    result = run("gap", "--lang", "zh")
    assert result.exit_code == 0
    assert "20" in result.stdout and ">30（2016）" in result.stdout
    assert "缺少数据" in result.stderr  # a hint: stderr, never stdout
    assert "缺少数据" not in result.stdout


def test_output_file_is_written_atomically(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run("gap", *MID_TERM, "--format", "json", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["as_of"] == 2018
    target.write_text("old", encoding="utf-8")
    failed = run("gap", "--year", "2018", "gdp=x", "--format", "json", "--output", str(target))
    assert failed.exit_code == 2
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


@pytest.mark.parametrize(
    ("command", "name", "starts"),
    [
        ("gap", "gap.json", b"{"),
        ("gap", "gap.xlsx", b"PK"),  # a workbook (a zip), not a table's text
        ("gap", "gap.CSV", "\ufeffid,".encode()),
        ("gap", "gap.md", b"## "),
        ("gap", "gap.txt", b""),  # the terminal's table, as text (its rules below)
        ("report", "report.md", b"## "),
        ("report", "report.html", b"<!DOCTYPE html>"),
        ("report", "report", b"<!DOCTYPE html>"),  # no suffix: the command's own format
        ("scoreboard", "board.json", b"{"),
        ("check", "check.csv", "\ufeffid,".encode()),
        ("template", "figures.xlsx", b"PK"),
        ("template", "figures.csv", "\ufeffindicator,".encode()),
    ],
)
def test_an_output_file_gets_the_format_its_suffix_names(
    run: Run, tmp_path: Path, command: str, name: str, starts: bytes
) -> None:
    target = tmp_path / name
    given = MID_TERM if command in {"gap", "report", "check"} else ()
    plan: tuple[str, ...] = ()
    if command == "scoreboard":
        towns = tmp_path / "towns.yaml"
        towns.write_text(
            embedded_plan_text() + "\n" + (DATA / "towns.yaml").read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        plan = ("-t", str(towns), "-f", str(DATA / "towns-figures.csv"))
    result = run(command, *plan, *given, "--output", str(target))
    assert result.exit_code in {0, 1}, result.stderr
    written = target.read_bytes()
    assert written.startswith(starts)
    if name.endswith(".txt"):
        assert "━".encode() in written


def test_a_format_asked_for_wins_over_the_suffix(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "gap.json"
    assert run("gap", *MID_TERM, "-F", "csv", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8-sig").startswith("id,")


@pytest.mark.parametrize(
    ("args", "name", "message"),
    [
        (["gap", *MID_TERM, "-F", "csv"], "gap.xlsx",
         "-F csv does not fit {file}: a .xlsx file holds xlsx; give -F xlsx, or another file name"),
        (["gap", *MID_TERM, "-F", "xlsx"], "gap.json",
         "-F xlsx does not fit {file}: a .json file holds json; give -F json, or another file "
         "name"),
        (["template", "-F", "xlsx"], "figures.csv",
         "-F xlsx does not fit {file}: a .csv file holds csv; give -F csv, or another file name"),
        (["schema"], "schema.xlsx", "schema writes JSON: name the file .json ({file})"),
    ],
)  # fmt: skip
def test_a_workbook_and_text_are_not_written_under_each_others_names(
    run: Run, tmp_path: Path, args: list[str], name: str, message: str
) -> None:
    """Text in a .xlsx file Excel refuses to open, or a zip under a text's name."""
    target = tmp_path / name
    result = run(*args, "-o", str(target))
    assert (result.exit_code, result.stderr) == (2, message.format(file=target) + "\n")
    assert not target.exists()


def test_no_pdf_is_written(run: Run, tmp_path: Path) -> None:
    """A .pdf file would get HTML under a lying name: refused, with what to do instead."""
    target = tmp_path / "report.pdf"
    result = run("report", *MID_TERM, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "report.html" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("name", ["gap.xls", "gap.ods", "gap.PNG", "gap.docx"])
def test_no_file_is_written_under_a_kind_no_format_writes(
    run: Run, tmp_path: Path, name: str
) -> None:
    """-o gap.xls wrote the text table into a file Excel then opened as garbage: refused."""
    target = tmp_path / name
    result = run("gap", *MID_TERM, "-o", str(target), "-l", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        f"shuangshi writes no {target.suffix.lower()} file ({target}): it writes a table (.txt), "
        "JSON, CSV, Markdown, HTML and xlsx\n"
    )
    assert not target.exists()
    assert run("gap", *MID_TERM, "-o", str(target), "-F", "csv").exit_code == 0  # as asked


def test_a_chart_is_written_to_an_svg_file_only(run: Run, tmp_path: Path) -> None:
    chart = tmp_path / "c.png"
    result = run(
        "path", "gdp", "--year", "2018", "--figure", "gdp=352.1", "--chart", str(chart), "-l", "en"
    )
    assert result.exit_code == 2
    assert result.stderr == f"the chart is SVG: name its file .svg ({chart})\n"
    assert not chart.exists()


@pytest.mark.parametrize("name", ["figures.pdf", "figures.json", "figures.md"])
def test_a_template_is_not_written_under_a_suffix_it_is_not(
    run: Run, tmp_path: Path, name: str
) -> None:
    result = run("template", "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and ".csv or .xlsx" in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert run("template", "-F", "csv", "-o", str(tmp_path / name)).exit_code == 0  # asked for


@pytest.mark.parametrize(
    "extra",
    [
        ["--junit", "{tmp}/no/such/j.xml"],
        ["--summary", "{tmp}/no/such/s.md"],
        ["--junit", "{tmp}/c.json"],  # the report's own file, twice
    ],
)
def test_check_writes_none_of_its_files_when_one_cannot_be(
    run: Run, tmp_path: Path, extra: list[str]
) -> None:
    """A run that cannot write its JUnit or summary file leaves no report file behind either."""
    given = [a.replace("{tmp}", str(tmp_path)) for a in extra]
    result = run("check", *MID_TERM, "-o", str(tmp_path / "c.json"), *given)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_path_writes_neither_table_nor_chart_when_the_chart_cannot_be(
    run: Run, tmp_path: Path
) -> None:
    table, chart = tmp_path / "p.csv", tmp_path / "no" / "c.svg"
    given = ["path", "gdp", "--year", "2018", "--figure", "gdp=352.1", "-o", str(table)]
    assert run(*given, "--chart", str(tmp_path / "c.svg")).exit_code == 0  # both written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.svg", "p.csv"]
    for written in tmp_path.iterdir():
        written.unlink()
    result = run(*given, "--chart", str(chart))
    assert result.exit_code == 2
    assert result.stderr == f"{chart}: cannot write: No such file or directory\n"
    assert list(tmp_path.iterdir()) == []


def test_output_to_a_missing_folder(run: Run, tmp_path: Path) -> None:
    result = run("gap", "--output", str(tmp_path / "no" / "such.json"))
    assert result.exit_code == 2
    assert result.stderr.startswith(str(tmp_path / "no" / "such.json") + ": cannot write")


def test_as_of(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value\ngdp,2016,300\ngdp,2017,330\ngdp,2018,401\n", encoding="utf-8"
    )
    then = json.loads(run("gap", "-f", str(figures), "--as-of", "2017", "-F", "json").stdout)
    assert then["as_of"] == 2017
    assert then["results"][0]["latest"] == {"year": 2017, "value": 330}
    now = json.loads(run("gap", "-f", str(figures), "-F", "json").stdout)
    assert now["results"][0]["status"] == "achieved"
    assert now["results"][0]["early"] is True


def test_figures_from_stdin(run: Run) -> None:
    result = run("gap", "-f", "-", "-F", "json", input="indicator,year,value\ngdp,2018,352.1\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"][0]["latest"]["value"] == 352.1


# -- check -----------------------------------------------------------------------------------


def test_check_passes(run: Run) -> None:
    result = run(
        "check",
        "--year",
        "2019",
        "gdp=401",
        "fiscal_revenue=51",
        "industrial_output=1001",
        "gdp_rank=5",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "4 achieved" in result.stderr


def test_check_fails_and_lists_targets(run: Run) -> None:
    result = run("check", *MID_TERM)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        "off track: Rank of the economy among Anhui's counties (gdp_rank): acceleration needed\n"
        in result.stderr
    )
    assert (
        "off track: Total fiscal revenue (fiscal_revenue): acceleration needed\n" in result.stderr
    )
    assert "(gdp)" not in result.stderr  # insufficient data does not fail unless --strict


def test_check_fail_on_and_strict(run: Run) -> None:
    assert run("check", *MID_TERM, "--fail-on", "missed").exit_code == 0
    assert run("check", *MID_TERM, "--fail-on", "deterioration").exit_code == 0
    assert run("check", "--year", "2019", "gdp_rank=6", "--fail-on", "missed").exit_code == 1
    assert run("check", "--fail-on", "missed").exit_code == 0
    strict = run("check", "--fail-on", "missed", "--strict")
    assert strict.exit_code == 1
    assert "insufficient data" in strict.stderr
    bad = run("check", "--fail-on", "bogus")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("--fail-on must be one of: on_track,")


def test_check_with_a_report(run: Run) -> None:
    result = run("check", *MID_TERM, "--format", "markdown")
    assert result.exit_code == 1
    assert result.stdout.startswith("## ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["gpd=3", "--year", "2018"],
            "argument 'gpd=3': indicator: unknown indicator 'gpd' (did you mean 'gdp'?)",
        ),
        (["gdp=abc", "--year", "2018"], "argument 'gdp=abc': value: 'abc' is not a number"),
        (["gdp=-1", "--year", "2018"], "argument 'gdp=-1': value: gdp cannot be negative (-1)"),
        (["gdp=1", "--year", "1900"], "--year 1900 is outside 1949–2100"),
        (
            ["gdp=1%", "--year", "2018"],
            "argument 'gdp=1%': unit: gdp is measured in 亿元; % does not fit",
        ),
        (["gdp=1"], "argument 'gdp=1': --year is required with INDICATOR=VALUE figures"),
        (["--as-of", "3000"], "--as-of 3000 is outside 1949–2100"),
        (
            ["--on-track", "0.5", "--acceleration", "0.7"],
            "--acceleration must not be above --on-track",
        ),
        (["-f", "/nonexistent/f.csv"], "/nonexistent/f.csv: no such file"),
        (["-t", "/nonexistent/p.yaml"], "/nonexistent/p.yaml: no such file"),
    ],
)
@pytest.mark.parametrize("command", ["gap", "check"])
def test_bad_input_exits_2_with_one_line(
    run: Run, command: str, args: list[str], message: str
) -> None:
    result = run(command, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message + "\n"


def test_conflicting_figures_name_both_places(run: Run, tmp_path: Path) -> None:
    a = tmp_path / "a.csv"
    a.write_text("indicator,year,value\ngdp,2018,352.1\n", encoding="utf-8")
    result = run("gap", "-f", str(a), "--year", "2018", "gdp=350")
    assert result.exit_code == 2
    assert result.stderr == f"argument 'gdp=350': value: gdp 2018 is 350 here but 352.1 at {a}:2\n"


def test_gbk_figures_are_read_and_said(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes("指标,年份,数值\n地区生产总值,2018,352.1\n".encode("gbk"))
    result = run("gap", "-f", str(path), "-F", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"{path}: not UTF-8; read as GB18030 (GBK)"
    assert json.loads(result.stdout)["results"][0]["latest"] == {"year": 2018, "value": 352.1}


def test_an_unexpected_error_is_one_line_not_a_traceback(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("shuangshi_cli.assess.assess", broken)
    result = run("gap")
    assert result.exit_code == 2
    assert result.stderr.startswith("shuangshi: internal error on this input: ZeroDivisionError")
    assert "Traceback" not in result.stderr


def test_usage_errors_are_one_line(run: Run) -> None:
    result = run("gap", "--bogus")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "No such option" in result.stderr and "--bogus" in result.stderr
    fmt = run("gap", "--format", "xml")
    assert fmt.exit_code == 2
    assert "xml" in fmt.stderr


# -- other commands --------------------------------------------------------------------------


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("shuangshi-cli ")


def test_every_command_has_help(run: Run) -> None:
    from typer.main import get_command

    group = get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert set(commands) >= {"gap", "check", "targets", "validate", "schema", "template"}
    for name, command in commands.items():
        assert command.help, name
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "Usage" in result.stdout


def test_python_m_smoke() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shuangshi_cli", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "gap" in result.stdout


def test_python_m_gap_json() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shuangshi_cli", "gap", "--year", "2019", "gdp=420", "-F", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert json.loads(result.stdout)["results"][0]["status"] == "achieved"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--part", "刘桥镇", "--part", "韩村镇"], "--part is given twice (--part and --part)"),
        (["-t", "a.yaml", "--targets", "b.yaml"], "--targets is given twice (-t and --targets)"),
        (["--as-of", "2018", "--as-of=2019"], "--as-of is given twice (--as-of and --as-of)"),
    ],
)
def test_an_option_of_one_value_given_twice_is_refused(
    run: Run, args: list[str], message: str
) -> None:
    """click keeps the last and drops the first without a word."""
    out = run("gap", *args)
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr == f"{message}: give it once\n"


def test_an_options_value_that_looks_like_an_option_is_its_value(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-o -l.txt writes to the file -l.txt; -l en after it is the one --lang."""
    monkeypatch.chdir(tmp_path)
    out = run("gap", "--year", "2018", "gdp=352.1", "-o", "-l.txt", "-l", "en")
    assert out.exit_code == 0, out.stderr
    assert (tmp_path / "-l.txt").read_text(encoding="utf-8").startswith("Implementation")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["gap", "-t", ""], "-t needs a file name, not an empty string"),
        (["gap", "--targets="], "--targets needs a file name, not an empty string"),
        (["validate", ""], "FILE needs a file name, not an empty string"),
    ],
)
def test_a_plan_name_left_empty_is_no_directory(run: Run, args: list[str], message: str) -> None:
    out = run(*args)
    assert (out.exit_code, out.stderr) == (2, message + "\n")


def test_validate_checks_one_plan(run: Run) -> None:
    out = run("validate", "cn-14th-fyp", "--targets", "suixi-shuangshi-2017")
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr.startswith("validate checks one plan: give FILE or --targets, not both")


def test_validate_checks_the_file_given_whatever_shuangshi_targets_says(run: Run) -> None:
    """validate FILE: FILE is the plan to check; SHUANGSHI_TARGETS is only the default."""
    env = {"SHUANGSHI_TARGETS": "/no/such/plan.yaml"}
    out = run("validate", "examples/towns.yaml", env=env)
    assert out.exit_code == 0, out.stderr
    assert out.stdout.startswith("examples/towns.yaml: valid plan")
    assert run("validate", "examples/towns.yaml", "-t", "cn-14th-fyp").exit_code == 2


def test_a_plan_named_by_shuangshi_targets_is_said_to_come_from_it(run: Run) -> None:
    out = run("gap", env={"SHUANGSHI_TARGETS": "/no/such/plan.yaml"})
    assert (out.exit_code, out.stderr) == (
        2,
        "/no/such/plan.yaml: no such file (SHUANGSHI_TARGETS)\n",
    )
    out = run("gap", "-t", "/no/such/plan.yaml", env={"SHUANGSHI_TARGETS": "/no/such/plan.yaml"})
    assert out.stderr == "/no/such/plan.yaml: no such file\n"


def test_a_plan_typed_is_not_said_to_come_from_shuangshi_targets(run: Run) -> None:
    out = run(
        "validate",
        "examples/broken-plan.yaml",
        env={"SHUANGSHI_TARGETS": "examples/broken-plan.yaml"},
    )
    assert out.exit_code == 2 and "SHUANGSHI_TARGETS" not in out.stderr


def test_a_plan_on_stdin_is_named_as_stdin(run: Run) -> None:
    """validate - and --targets -: <stdin>, as figures read from stdin are named."""
    text = Path("examples/towns.yaml").read_text("utf-8")
    out = run("validate", "-", input=text)
    assert out.exit_code == 0 and out.stdout.startswith("<stdin>: valid plan")
    broken = run("gap", "-t", "-", input="plan: {}\n")
    assert broken.exit_code == 2 and broken.stderr.startswith("<stdin>:1:1: ")
