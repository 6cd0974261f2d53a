"""`shuangshi template`: every kind of row, as CSV or as a workbook to fill in."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import TYPE_CHECKING

import python_calamine

from shuangshi_cli.template import COLUMNS
from tests.helpers import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run

TOWNS = str(ROOT / "examples" / "towns.yaml")


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_template_has_every_kind_of_row(run: Run) -> None:
    result = run("template", "--targets", TOWNS)
    assert result.exit_code == 0
    rows = _rows(result.stdout)
    assert list(rows[0]) == list(COLUMNS)
    blank = dict.fromkeys(COLUMNS, "")
    assert rows[0] == {
        **blank,
        "indicator": "gdp",
        "year": "2016",
        "unit": "亿元",
        "name": "地区生产总值",
    }
    kinds = {(bool(r["month"]), bool(r["part"]), bool(r["unit"])) for r in rows}
    assert kinds == {
        (False, False, True),  # a year of a quantified target
        (True, False, True),  # a cumulative month of a flow
        (False, False, False),  # a qualitative target's status
        (False, True, True),  # a part's target
    }
    assert len(rows) == 4 * 4 + 3 * 3 + 6 + 3 * 2 * 4
    assert {**blank, "indicator": "fiscal_revenue", "year": "2019", "unit": "亿元", "month": "9",
            "name": "财政总收入"} in rows  # fmt: skip
    assert {**blank, "indicator": "fyp13_early", "year": "2019",
            "name": "提前一年完成“十三五”规划"} in rows  # fmt: skip
    assert {**blank, "indicator": "fiscal_revenue", "year": "2018", "unit": "万元",
            "part": "刘桥镇", "name": "财政总收入"} in rows  # fmt: skip


def test_the_readme_status_row_fills_the_template(run: Run, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = "fyp13_early,2019,,,achieved"
    assert f"`{example}`" in readme
    lines = run("template").stdout.splitlines()
    filled = [
        example if line.startswith("fyp13_early,") else line.replace("gdp,2016,,", "gdp,2016,300,")
        for line in lines
    ]
    path = tmp_path / "figures.csv"
    path.write_text("\n".join(filled) + "\n", encoding="utf-8")
    result = run("gap", "-f", str(path), "-F", "json")
    assert result.exit_code == 0, result.stderr
    results = {r["id"]: r for r in json.loads(result.stdout)["results"]}
    assert results["fyp13_early"]["status"] == "achieved"
    assert results["gdp"]["latest"] == {"year": 2016, "value": 300}


def test_the_workbook_template(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "figures.xlsx"
    result = run("template", "--targets", TOWNS, "--format", "xlsx", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["figures", "lists"]
    cells = book.get_sheet_by_name("figures").to_python()
    as_text = [[str(int(c)) if isinstance(c, float) else str(c) for c in row] for row in cells]
    printed = _rows(run("template", "--targets", TOWNS).stdout)
    assert as_text[0] == list(COLUMNS)
    assert [dict(zip(COLUMNS, row, strict=True)) for row in as_text[1:]] == printed
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        workbook = archive.read("xl/workbook.xml").decode()
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in sheet
    assert sheet.count('<dataValidation type="list"') == 4  # indicator, unit, status, part
    assert "<formula1>lists!$A$1:$A$10</formula1>" in sheet  # the plan's ten targets
    assert sheet.count('<dataValidation type="whole"') == 2  # year, month
    assert '<col min="1" max="1" width="20.7109375" customWidth="1"/>' in sheet
    assert '<col min="8" max="9" width="30.7109375" customWidth="1"/>' in sheet
    assert '<sheet name="lists" sheetId="2" state="hidden" r:id="rId2"/>' in workbook
    # Unfilled, it reads as no figures at all (not an error); the lists sheet is never read.
    read = run("gap", "--targets", TOWNS, "-f", str(path), "-F", "json")
    assert read.exit_code == 0, read.stderr
    assert read.stderr.startswith("No figures for:")


def test_a_workbook_needs_a_file(run: Run) -> None:
    result = run("template", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "this format writes a workbook: give --output FILE\n"


def test_a_template_in_chinese_or_english_reads_back(run: Run, tmp_path: Path) -> None:
    """--lang zh heads the columns 指标, 年份, 数值 …, which the reader knows; --lang en names the
    indicators in English; a filled row of either reads as the figure."""
    chinese = run("template", "--lang", "zh")
    assert (
        chinese.stdout.splitlines()[0] == "\ufeff指标,年份,数值,单位,状态,月份,责任单位,名称,备注"
    )
    english = run("template", "--lang", "en")
    assert "gdp,2016,,亿元,,,,Gross regional product (GDP)," in english.stdout.splitlines()
    filled = tmp_path / "t.csv"
    filled.write_text(
        chinese.stdout.replace("gdp,2018,,亿元,", "gdp,2018,352.1,亿元,", 1), encoding="utf-8"
    )
    out = run("gap", "-f", str(filled), "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert json.loads(out.stdout)["results"][0]["latest"] == {"year": 2018, "value": 352.1}
    assert run("template", "--lang", "fr").exit_code == 2


def test_a_change_targets_name_says_how_to_write_its_figure(run: Run) -> None:
    """单位GDP能源消耗降低 beside an id that takes the signed change: the name says a fall is
    negative, or 2.7 typed under it would read as a rise."""
    rows = run("template", "--targets", "cn-14th-fyp", "--lang", "zh").stdout.splitlines()
    assert "energy_intensity,2021,,%,,,,单位GDP能源消耗降低（填比上年增减%，下降为负）," in rows
    assert any(r.startswith("urbanization,2021,,%,,,,常住人口城镇化率,") for r in rows)


def test_a_template_cell_a_spreadsheet_would_run_is_written_as_text(
    run: Run, tmp_path: Path
) -> None:
    """A name that starts a formula (=HYPERLINK(…)) is written behind a ', as gap's CSV writes
    it; a part of such a name gets its id, which reads back as the same part."""
    text = (ROOT / "examples" / "towns.yaml").read_text(encoding="utf-8")
    text = text.replace("    name: 地区生产总值\n", "    name: '=HYPERLINK(\"x\")'\n", 1)
    text = text.replace("    name: 刘桥镇\n", "    name: '=cmd'\n", 1)
    plan = tmp_path / "towns.yaml"
    plan.write_text(text, encoding="utf-8")
    result = run("template", "--targets", str(plan))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    cells = [c for row in rows for c in row.values()]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
    assert '\'=HYPERLINK("x")' in cells
    assert {r["part"] for r in rows} >= {"liuqiao", "韩村镇"}


def test_a_flow_given_as_rates_gets_no_month_rows(run: Run, tmp_path: Path) -> None:
    """地区生产总值增长6%左右 (flow: true, %): a month figure of it is refused, so the template
    offers none to fill in."""
    from tests.helpers import county_plan

    plan = county_plan(
        tmp_path,
        "  - {id: gdp, name: 地区生产总值, kind: approximate, unit: '%', value: 6, flow: true,\n"
        "     deadline: 2021}\n",
    )
    result = run("template", "--targets", str(plan))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows and not [r for r in rows if r["month"]]
