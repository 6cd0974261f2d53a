"""Figures from where analysts keep them: workbooks, wide tables, GBK and UTF-16 files.

Workbooks are written here with xlsxwriter and read back with calamine; GBK files are encoded
here too.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from decimal import Decimal as D
from typing import TYPE_CHECKING, Any

import pytest
import xlsxwriter

from shuangshi_cli.errors import FiguresError
from shuangshi_cli.figures import load_figures, read_figures_file
from shuangshi_cli.peers import load_peers
from shuangshi_cli.plan_load import embedded_plan_named, embedded_plan_text
from shuangshi_cli.tables import Reading
from tests.helpers import ROOT

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

LONG = "indicator,year,value,unit\ngdp,2016,300,亿元\ngdp,2017,326.5,亿元\ngdp,2018,352.1,亿元\n"


def _book(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> str:
    """A workbook with one sheet per entry; None leaves a cell empty."""
    book = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is not None:
                    sheet.write(r, c, cell)
    book.close()
    return str(path)


def _rezip(path: Path, parts: dict[str, bytes], **changed: str | bytes) -> None:
    """Write the zip ``parts`` (a workbook's) to ``path``, with the parts named in ``changed``
    (content_xml for content.xml, sheet1 for xl/worksheets/sheet1.xml) replaced."""
    names = {"content_xml": "content.xml", "sheet1": "xl/worksheets/sheet1.xml"}
    replaced = {names[k]: v for k, v in changed.items()}
    with zipfile.ZipFile(path, "w") as book:
        for part, body in parts.items():
            book.writestr(part, replaced.get(part, body))


def _latest_read(run: Run, tmp_path: Path, text: str) -> tuple[dict[str, Any], str]:
    """Each target's latest figure from a figures table ``text`` (gap, default plan), and what
    reading said on stderr."""
    figures = tmp_path / "table.csv"
    figures.write_text(text, encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    return {r["id"]: r["latest"] for r in json.loads(out.stdout)["results"]}, out.stderr


def _csv(tmp_path: Path, text: str, name: str = "figures.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def _gdp(result_stdout: str) -> dict[str, Any]:
    results = json.loads(result_stdout)["results"]
    found: dict[str, Any] = next(r for r in results if r["id"] == "gdp")
    return found


BULLETIN: list[list[Any]] = [
    ["濉溪县主要经济指标（示例数据，非官方统计）"],
    [None, None, None, "单位：亿元"],
    [],
    ["指标", "年份", "数值", "单位"],
    ["地区生产总值", 2016, 300, "亿元"],
    [],
    ["地区生产总值", 2017, 326.5, "亿元"],
    ["地区生产总值", 2018, 352.1, None],
    [],
    ["注：2018年为快报数。"],
    ["资料来源：县统计局"],
]


def test_a_workbook_reads_like_the_csv(plan: Plan, tmp_path: Path) -> None:
    book = _book(tmp_path / "figures.xlsx", {"Sheet1": BULLETIN})
    from_book = load_figures(plan, [book])
    assert from_book == load_figures(plan, [_csv(tmp_path, LONG)])
    assert [str(f.origin) for f in from_book.items] == [
        f"{book}[Sheet1]!C5",
        f"{book}[Sheet1]!C7",
        f"{book}[Sheet1]!C8",
    ]


def test_a_bad_cell_is_named(run: Run, tmp_path: Path) -> None:
    rows = [
        *BULLETIN[:7],
        ["地区生产总值", 2018, "约352", "亿元"],
        ["地区生产总值", "今年", 1, None],
    ]
    book = _book(tmp_path / "figures.xlsx", {"Sheet1": rows})
    result = run("gap", "-f", book)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{book}[Sheet1]!C8: value: '约352' is not a number\n"
        f"{book}[Sheet1]!B9: year: '今年' is not a year\n"
    )


def test_sheets_by_name_number_or_option(run: Run, plan: Plan, tmp_path: Path) -> None:
    book = _book(
        tmp_path / "book.xlsx",
        {"说明": [["这是说明"]], "2018年": BULLETIN, "other": [["indicator", "year", "value"]]},
    )
    expected = load_figures(plan, [_csv(tmp_path, LONG)])
    assert load_figures(plan, [f"{book}#2018年"]) == expected
    assert load_figures(plan, [f"{book}#2"]) == expected
    assert load_figures(plan, [book], reading=Reading(sheet="2018年")) == expected
    by_option = run("gap", "-f", book, "--sheet", "2", "-F", "json")
    assert by_option.exit_code == 0, by_option.stderr
    assert _gdp(by_option.stdout)["latest"] == {"year": 2018, "value": 352.1}
    first = run("gap", "-f", book)
    assert first.exit_code == 2
    assert first.stderr == (
        f"{book}: read sheet '说明' (1 of 3); choose another with {book}#NAME\n"
        f"{book}[说明]: no header row: the table needs one naming its columns (indicator, year, "
        "value; or 指标, 单位, 2016, 2017 …)\n"
    )
    missing = run("gap", "-f", f"{book}#2017年")
    assert (
        missing.stderr
        == f"{book}: no sheet '2017年'; the sheets are 1: 说明, 2: 2018年, 3: other\n"
    )


WIDE: list[list[Any]] = [
    ["表1 主要经济指标（示例）"],
    ["指标", "单位", 2016, "2017年", "2018"],
    ["地区生产总值", "亿元", 300, 326.5, 352.1],
    ["财政总收入", "万元", "—", 364000, 412000],
    ["注：—表示无数据"],
]


def test_a_wide_workbook_and_a_wide_csv(run: Run, plan: Plan, tmp_path: Path) -> None:
    book = _book(tmp_path / "wide.xlsx", {"Sheet1": WIDE})
    text = "\n".join(",".join("" if c is None else str(c) for c in row) for row in WIDE) + "\n"
    csv = _csv(tmp_path, text, "wide.csv")
    from_book, from_csv = load_figures(plan, [book]), load_figures(plan, [csv])
    assert from_book == from_csv
    assert len(from_book) == 5
    assert [f.value for f in from_book.annual("fiscal_revenue")] == [D("36.4"), D("41.2")]
    result = run("gap", "-f", book, "-F", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"{book}[Sheet1]: wide table: indicators down, years across (2016–2018)"
    )
    bad = _csv(tmp_path, text.replace("412000", "约41万"), "bad.csv")
    failed = run("gap", "-f", bad)
    assert failed.stderr.splitlines()[-1] == f"{bad}:4:5: value: '约41万' is not a number"


@pytest.mark.parametrize(
    ("header", "reading", "described"),
    [
        ("指标,2019年1-3月,2019年1-6月,2019年1-9月", Reading(), "months of 2019 across"),
        ("指标,1-3月,1-6月,1-9月", Reading(year=2019), "the year from --year"),
        ("指标,一季度,上半年,前三季度", Reading(year=2019), "(一季度, 上半年, 前三季度)"),
    ],
)
def test_within_year_columns(
    plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str,
    reading: Reading, described: str,
) -> None:  # fmt: skip
    path = _csv(tmp_path, f"{header}\n财政总收入,10,20,38\n")
    figures = load_figures(plan, [path], reading=reading)
    assert sorted((f.year, f.month, f.value) for f in figures.items) == [
        (2019, 3, D(10)),
        (2019, 6, D(20)),
        (2019, 9, D(38)),
    ]
    assert described in capsys.readouterr().err


def test_the_year_of_month_columns_from_the_title_or_a_year_column(
    plan: Plan, tmp_path: Path
) -> None:
    titled = _csv(tmp_path, "2019年1-9月主要指标\n指标,1-3月,1-9月\n财政总收入,10,38\n", "a.csv")
    assert {(f.year, f.month) for f in load_figures(plan, [titled]).items} == {(2019, 3), (2019, 9)}
    column = _csv(tmp_path, "指标,年份,1-3月\n财政总收入,2018,9\n财政总收入,2019,10\n", "b.csv")
    assert {(f.year, f.value) for f in load_figures(plan, [column]).items} == {
        (2018, D(9)),
        (2019, D(10)),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "指标,1-3月,1-6月\n财政总收入,10,20\n",
            ":1: the columns 1-3月, 1-6月 have no year: write it in the header (2019年1-9月), "
            "add a year column (年份), or give --year",
        ),
        (
            "指标,9月\n财政总收入,10\n",
            ":1:2: '9月' could be 9月 alone or 1-9月 (January to 9月): write 1-9月 for the "
            "cumulative figure, the only kind read",
        ),
        (
            "指标,二季度\n财政总收入,10\n",
            ":1:2: '二季度' is one quarter alone: give cumulative figures (一季度, 上半年, 前三季度, "
            "or 1-6月, 1-9月)",
        ),
        (
            "指标,数值,2017\n财政总收入,10,20\n",
            ":1: the header has a value column and period columns (2017): read it either long "
            "(indicator, year, month, value, status …) or wide (indicator, unit, 2016, 2017 … "
            "or 1-3月, 1-6月 …), not both",
        ),
        (
            "指标,年份,2017\n财政总收入,2017,20\n",
            ":1: the header has a year column and columns with a year (2017): keep the year "
            "column with month columns (1-3月, 1-6月), or drop it and give a column per year",
        ),
        ("指标,2017,2017年\n财政总收入,1,2\n", ":1:3: '2017' and '2017年' are the same period"),
        ("单位,2017\n亿元,1\n", ":1: a wide table needs an indicator column (指标) besides 2017"),
        (
            "指标,2017,合计\n财政总收入,1,2\n",
            ":1:3: unknown column '合计': a wide table has indicator, unit (and part, region, "
            "note) columns, then periods: 2016, 2017年, 1-3月, 2019年1-6月 …",
        ),
    ],
)
def test_wide_tables_that_read_two_ways_are_errors(
    run: Run, tmp_path: Path, text: str, message: str
) -> None:
    path = _csv(tmp_path, text)
    result = run("gap", "-f", path)
    assert result.exit_code == 2
    assert result.stderr == f"{path}{message}\n"


def test_peers_from_a_wide_workbook(plan: Plan, tmp_path: Path) -> None:
    book = _book(
        tmp_path / "counties.xlsx",
        {
            "县域": [
                ["地区", "指标", 2017, 2018],
                ["甲县", "gdp", 400, 420],
                ["濉溪县", "gdp", 326.5, 352.1],
                ["乙县", "gdp", 300, 310],
            ]
        },
    )
    table = load_peers(plan, [book])
    assert table.values("gdp", 2018) == {"甲县": 420, "濉溪县": D("352.1"), "乙县": 310}


# -- encodings -----------------------------------------------------------------------------------


def test_gb18030_is_read_and_said(run: Run, tmp_path: Path) -> None:
    path = _csv(tmp_path, LONG.replace("gdp", "地区生产总值"), encoding="gb18030")
    result = run("gap", "-f", path, "-F", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"{path}: not UTF-8; read as GB18030 (GBK)"
    assert _gdp(result.stdout)["latest"] == {"year": 2018, "value": 352.1}


def test_encoding_forced(run: Run, tmp_path: Path) -> None:
    # Valid UTF-8 and valid GBK at once: --encoding decides which it is.
    path = _csv(tmp_path, LONG.replace("gdp", "地区生产总值"), encoding="gbk")
    assert "GB18030" not in run("gap", "-f", path, "--encoding", "gbk").stderr  # no guessing
    utf8 = _csv(tmp_path, LONG.replace("gdp", "地区生产总值"), "u.csv")
    forced = run("gap", "-f", utf8, "--encoding", "ascii")
    assert forced.exit_code == 2
    assert forced.stderr == f"{utf8}:2: the file is not valid ascii (byte 0xe5)\n"
    unknown = run("gap", "-f", utf8, "--encoding", "klingon")
    assert unknown.exit_code == 2
    assert unknown.stderr == "--encoding 'klingon' is not an encoding Python knows\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_unicode_text_with_tabs(plan: Plan, tmp_path: Path, encoding: str) -> None:
    tabs = LONG.replace(",", "\t").replace("\n", "\r\n")
    path = _csv(tmp_path, tabs, "figures.txt", encoding)
    assert load_figures(plan, [path]) == load_figures(plan, [_csv(tmp_path, LONG)])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            bytes(range(256)) * 4,
            ":2: the file is not text in UTF-8, UTF-16 or GB18030 (byte 0x80); if it is text, "
            "name its encoding with --encoding",
        ),
        (
            b"indicator,year\x00,value\n",
            ":1:15: the file is not text: the character U+0000 is not allowed",
        ),
        (b"\xff\xfe\x00\xd8", ": the file is not valid UTF-16 (byte 0x00)"),
        (b"\xff\xfe\x00\x00\xff\xff\xff\xff", ": the file is not valid UTF-32 (byte 0xff)"),
    ],
)
def test_binary_is_still_an_error(run: Run, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "figures.csv"
    path.write_bytes(content)
    result = run("gap", "-f", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"{path}{message}\n"


def test_a_workbook_named_csv_is_read_as_one(plan: Plan, tmp_path: Path) -> None:
    book = _book(tmp_path / "figures.csv", {"Sheet1": BULLETIN})
    assert load_figures(plan, [book]) == load_figures(plan, [_csv(tmp_path, LONG, "l.csv")])


def test_a_workbook_where_a_plan_belongs(run: Run, tmp_path: Path) -> None:
    book = _book(tmp_path / "plan.xlsx", {"Sheet1": BULLETIN})
    result = run("validate", book)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{book}: this is a workbook (.xlsx, .xls or .ods) or another zip file, not text\n"
    )


def test_a_broken_workbook(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("gap", "-f", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: not a workbook calamine can read: ")
    assert len(result.stderr.splitlines()) == 1


def test_a_table_of_one_year(run: Run, plan: Plan, tmp_path: Path) -> None:
    text = (
        "2018年濉溪县国民经济主要指标（示例）\n"
        "序号,指标,单位,绝对数,比上年增长(%)\n"
        "1,地区生产总值,亿元,352.1,8.1\n"
        "2,注册企业数,个,,\n"  # not a note line, though it starts with 注: an unfilled row
        "3,财政总收入,万元,412000,13.2\n"
    )
    path = _csv(tmp_path, text)
    result = run("gap", "-f", path, "-F", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{path}: a table of one year: 2018, from the title; 比上年增长(%) read only as the "
        "figure of indicators given as growth"
    )
    latest = {r["id"]: r["latest"] for r in json.loads(result.stdout)["results"]}
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert latest["fiscal_revenue"] == {"year": 2018, "value": 41.2}
    untitled = _csv(tmp_path, "指标,单位,绝对数\n地区生产总值,亿元,352.1\n", "untitled.csv")
    one_year = load_figures(plan, [untitled], reading=Reading(year=2017))
    assert [f.year for f in one_year.items] == [2017]
    failed = run("gap", "-f", untitled)
    assert failed.stderr == (
        f"{untitled}:1: the header has no 'year' column (a table of one year: write the year in "
        "a title line above it, 2018年…, or give --year)\n"
    )


def test_growth_columns_beside_years_are_not_read(plan: Plan, tmp_path: Path) -> None:
    path = _csv(
        tmp_path, "指标,单位,2017年,2018年,比上年增长%\n地区生产总值,亿元,326.5,352.1,7.8\n"
    )
    assert [f.value for f in load_figures(plan, [path]).annual("gdp")] == [D("326.5"), D("352.1")]


class Percent(float):
    """A number an .ods cell shows as a percentage (its value type)."""


class Failed(str):
    """The error an .ods cell's formula gives (#DIV/0!), as LibreOffice saves it."""


class FailedOld(str):
    """The same, as older writers save it: no error type, only the text the cell shows."""


def _ods(rows: list[list[str | float]]) -> bytes:
    """A minimal OpenDocument spreadsheet, as LibreOffice and WPS save them (no writer needed)."""
    import io
    import zipfile

    def cell(value: str | float) -> str:
        if isinstance(value, FailedOld):
            return (
                '<table:table-cell table:formula="of:=[.A1]/0" office:value-type="float" '
                f'office:value="0"><text:p>{value}</text:p></table:table-cell>'
            )
        if isinstance(value, Failed):
            return (
                '<table:table-cell table:formula="of:=1/0" office:value-type="float" '
                f'office:value="0" calcext:value-type="error"><text:p>{value}</text:p>'
                "</table:table-cell>"
            )
        if isinstance(value, str):
            return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
        if isinstance(value, Percent):
            return (
                '<table:table-cell table:number-columns-repeated="2" '
                f'office:value-type="percentage" office:value="{value!r}"/>'
            )
        return f'<table:table-cell office:value-type="float" office:value="{value}"/>'

    body = "".join(f"<table:table-row>{''.join(map(cell, row))}</table:table-row>" for row in rows)
    office = "urn:oasis:names:tc:opendocument:xmlns"
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}:'
        f'office:1.0" xmlns:table="{office}:table:1.0" xmlns:text="{office}:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
        f'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="表1">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="'
            f'{office}:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
            'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
            'spreadsheet"/></manifest:manifest>',
        )
    return buffer.getvalue()


def test_an_ods_workbook_and_a_workbook_on_stdin(run: Run, plan: Plan, tmp_path: Path) -> None:
    data = _ods([["指标", "2017年", "2018年"], ["地区生产总值", 326.5, 352.1]])
    path = tmp_path / "figures.ods"
    path.write_bytes(data)
    assert [f.value for f in load_figures(plan, [str(path)]).annual("gdp")] == [
        D("326.5"),
        D("352.1"),
    ]
    result = run("gap", "-f", "-", "-F", "json", input=data)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "<stdin>[表1]: wide table: indicators down, years across (2017–2018)"
    )
    assert _gdp(result.stdout)["latest"] == {"year": 2018, "value": 352.1}


def test_cells_shown_as_percentages_are_read_as_shown(tmp_path: Path) -> None:
    """A cell formatted 0.0% holds 0.065 and shows 6.5%: the figure is 6.5 (%), as a person
    reads it. A format that only prints a % sign ("%") is a plain number."""
    plan = embedded_plan_named("cn-14th-fyp")
    path = tmp_path / "城镇化.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    formats = [book.add_format({"num_format": f}) for f in ("0.00%", 10, '0.0"%"', "0.0")]
    rows: list[tuple[str, int, float]] = [
        ("常住人口城镇化率", 2020, 0.6389),  # 0.00%
        ("常住人口城镇化率", 2021, 0.6472),  # built-in 0.00%
        ("常住人口城镇化率", 2022, 65.22),  # 0.0"%": a literal sign
        ("常住人口城镇化率", 2023, 66.16),  # 0.0
    ]
    sheet.write_row(0, 1, ["指标", "年份", "数值"])  # from B1: places are kept
    for r, (name, year, value) in enumerate(rows, start=1):
        sheet.write_row(r, 1, [name, year])
        sheet.write(r, 3, value, formats[r - 1])
    book.close()
    figures = load_figures(plan, [str(path)])
    assert [(f.year, f.value) for f in figures.annual("urbanization")] == [
        (2020, D("63.89")),
        (2021, D("64.72")),
        (2022, D("65.22")),
        (2023, D("66.16")),
    ]
    # a writer may leave out where a row and a cell stand (r="4", r="D4"): they are counted
    bare = tmp_path / "bare.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bare, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb' r="[A-Z]*\d+"', b"", data)
            copy.writestr(item, data)
    assert load_figures(plan, [str(bare)]).items == figures.items
    ods = tmp_path / "城镇化.ods"
    ods.write_bytes(_ods([["指标", "2020年", "2021年"], ["常住人口城镇化率", Percent(0.6389)]]))
    assert [(f.year, f.value) for f in load_figures(plan, [str(ods)]).annual("urbanization")] == [
        (2020, D("63.89")),
        (2021, D("63.89")),  # the cell repeated in the next column
    ]


def test_a_cell_whose_formula_failed_is_no_figure(run: Run, tmp_path: Path) -> None:
    """calamine gives a cell that shows #DIV/0! as blank (a figure missing, the base taken from
    the text instead) or as the 0 an .ods stores: it is an error, at the cell, as in a CSV."""
    path = tmp_path / "f.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    sheet.write_row(0, 0, ["指标", "年份", "数值"])
    sheet.write_row(1, 0, ["地区生产总值", 2016])
    sheet.write_formula(1, 2, "=1/0", None, "#DIV/0!")
    sheet.write_row(2, 0, ["地区生产总值", 2017])
    sheet.write_formula(2, 2, "=NA()", None, "#N/A")
    sheet.write_row(3, 0, ["地区生产总值", 2018, 352.1])
    book.close()
    ods = tmp_path / "f.ods"
    ods.write_bytes(
        _ods(
            [
                ["指标", "2017年", "2018年"],
                ["地区生产总值", Failed("#DIV/0!"), FailedOld("Err:502")],
            ]
        )
    )
    csv = _csv(tmp_path, "指标,年份,数值\n地区生产总值,2016,#DIV/0!\n")
    result = run("gap", "-f", str(path), "-f", str(ods), "-f", csv)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"{ods}[表1]: wide table: indicators down, years across (2017–2018)",
        f"{path}[表1]!C2: value: '#DIV/0!' is not a number: a formula failed there",
        f"{path}[表1]!C3: value: '#N/A' is not a number: a formula failed there",
        f"{ods}[表1]!B2: value: '#DIV/0!' is not a number: a formula failed there",
        f"{ods}[表1]!C2: value: 'Err:502' is not a number: a formula failed there",
        f"{csv}:2: value: '#DIV/0!' is not a number: a formula failed there",
    ]


def test_a_bulletin_as_printed(run: Run, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["2016—2018年濉溪县主要经济指标（示例数据，非官方统计）"],
        [None, None, None, None, "单位：亿元"],
        ["序号", "指标", "2016年", "2017年", "2018年", "2018年比上年增长（%）"],
        [None, "一、综合"],
        [1, "地区生产总值（亿元）", 300, 326.5, 352.1, 8.1],
        [2, "其中：第二产业增加值", 150, 160, 170, 6.2],
        [3, "经济总量全省县域位次（位）", "—", 9, 8, None],
        [None, "二、财政"],
        [4, "财政总收入①（万元）", None, 364000, 412000, 13.2],
        [5, "一般公共预算收入", 12, 13, 14, 7.7],
        [],
        ["注：①含上划中央收入。"],
        ["资料来源：县统计局。"],
    ]
    book = _book(tmp_path / "bulletin.xlsx", {"表1": rows})
    result = run("gap", "-f", book, "-F", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        f"{book}[表1]: wide table: indicators down, years across (2016–2018); "
        "2018年比上年增长（%） read only as the figure of indicators given as growth",
        f"{book}: 2 indicators the plan does not have, not read: 第二产业增加值、一般公共预算收入",
    ]
    latest = {r["id"]: r["latest"] for r in json.loads(result.stdout)["results"]}
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert latest["gdp_rank"] == {"year": 2018, "value": 8}
    assert latest["fiscal_revenue"] == {"year": 2018, "value": 41.2}


def test_a_long_table_still_refuses_an_unknown_indicator(run: Run, tmp_path: Path) -> None:
    path = _csv(tmp_path, "指标,年份,数值\n地区生产总量,2018,352.1\n")
    result = run("gap", "-f", path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:2: indicator: unknown indicator '地区生产总量' (did you mean '地区生产总值'?)\n"
    )


def test_a_second_header_row_under_merged_cells(plan: Plan, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["指标", "单位", "2017年", None, "2018年", None],
        [None, None, "绝对数", "增长%", "绝对数", "增长%"],
        ["地区生产总值", "亿元", 326.5, 8.8, 352.1, 7.8],
    ]
    book = _book(tmp_path / "merged.xlsx", {"Sheet1": rows})
    assert [f.value for f in load_figures(plan, [book]).annual("gdp")] == [D("326.5"), D("352.1")]


@pytest.mark.parametrize(
    "header",
    ["指标,2017年,2018年（快报）", '指标,2017,"2018年\n(初步核算)"', "项目,2017年度,2018年度"],
)
def test_year_headings_as_bulletins_write_them(plan: Plan, tmp_path: Path, header: str) -> None:
    path = _csv(tmp_path, f"{header}\n地区生产总值,326.5,352.1\n")
    assert [f.year for f in load_figures(plan, [path]).annual("gdp")] == [2017, 2018]


def test_a_file_without_extension_under_a_title(plan: Plan, tmp_path: Path) -> None:
    path = _csv(
        tmp_path, "2018年主要指标\n指标\t2017年\t2018年\n地区生产总值\t326.5\t352.1\n", "figures"
    )
    assert len(load_figures(plan, [path])) == 2


def test_a_wide_table_of_a_year_out_of_range_is_one_error_at_its_heading(
    run: Run, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path, "指标,单位,1900年,2018年\n地区生产总值,亿元,1,352.1\n财政总收入,亿元,1,41.2\n"
    )
    result = run("gap", "-f", path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{path}:1:3: year 1900 is outside 1949–2100\n"
    # a year a title gives the table (months across, or one year's column): at the header
    for title, header in (
        ("2101年1-9月主要指标", "指标,单位,1-3月,1-6月"),
        ("1900年主要指标", "指标,单位,绝对数"),
    ):
        path = _csv(
            tmp_path, f"{title}\n{header}\n地区生产总值,亿元,1,352.1\n财政总收入,亿元,1,4\n"
        )
        result = run("gap", "-f", path)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == f"{path}:2: year {title[:4]} is outside 1949–2100\n"


def test_a_period_in_other_digits_is_no_period(tmp_path: Path) -> None:
    # NFKC reads ²⁰¹⁸ as 2018; a table's header writes its years in ASCII or full-width digits
    path = tmp_path / "w.csv"
    path.write_text("指标,单位,²⁰¹⁷,²⁰¹⁸\n地区生产总值,亿元,326.5,352.1\n", encoding="utf-8")
    with pytest.raises(FiguresError, match="unknown column '²⁰¹⁷'"):
        read_figures_file(str(path))
    path.write_text(
        "指标,单位,２０１７,２０１８\n地区生产总值,亿元,326.5,352.1\n", encoding="utf-8"
    )
    assert [r.values["year"] for r in read_figures_file(str(path))] == [2017, 2018]


def test_a_far_cell_is_refused_before_calamine_makes_the_range(run: Run, tmp_path: Path) -> None:
    """A 5 KB workbook with one cell at XFD1048576 asks calamine for 17 billion cells (it aborts):
    refused in one line; a cell with a style and no content there is no cell, and is read."""
    for cell, refused in (("XFD1048576", True), ("Z999999", True), ("AZ300", False)):
        path = tmp_path / f"far-{cell}.xlsx"
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["indicator", "year", "value"])
        sheet.write_row(1, 0, ["gdp", 2018, 352.1])
        sheet.write(cell, "x")
        sheet.write("XFD1048575", None, book.add_format({"bold": True}))  # style alone
        book.close()
        result = run("gap", "-f", str(path), "-F", "json")
        if refused:
            assert (result.exit_code, result.stdout) == (2, "")
            assert result.stderr.startswith(f"{path}: sheet 'Sheet1' spans ")
            assert f"(to {cell}), more than the 10,000,000 cells" in result.stderr
            assert len(result.stderr.splitlines()) == 1
        else:
            assert result.exit_code == 0, result.stderr
            assert _gdp(result.stdout)["latest"] == {"year": 2018, "value": 352.1}


def test_a_formula_saved_with_xlsxwriters_zero_is_an_error_at_its_cell(
    run: Run, tmp_path: Path
) -> None:
    """xlsxwriter stores 0 for a formula it was given no figure for, and asks the book to be
    computed as it opens (fullCalcOnLoad): that 0 is no figure (it read as a GDP of 0)."""
    path = tmp_path / "zero.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["indicator", "year", "value"])
    sheet.write_row(1, 0, ["gdp", 2017, 326.5])
    sheet.write_row(2, 0, ["gdp", 2018])
    sheet.write_formula(2, 2, "=300+52.1")  # (stored as 0)
    sheet.write_row(3, 0, ["fiscal_revenue", 2018])
    sheet.write_formula(3, 2, "=40+1.2")
    book.close()
    result = run("gap", "-f", str(path), "-F", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        f"{path}[Sheet1]!C3: value: '=300+52.1' is a formula without its figure"
    )
    with zipfile.ZipFile(path) as zipped:
        assert b'fullCalcOnLoad="1"' in zipped.read("xl/workbook.xml")
    # a book whose program computed its formulas (one holds another figure): a 0 is the formula's
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["indicator", "year", "value"])
    sheet.write_row(1, 0, ["gdp_rank", 2018])
    sheet.write_formula(1, 2, "=2+3", None, 5)
    sheet.write_row(2, 0, ["fiscal_revenue", 2018])
    sheet.write_formula(2, 2, "=41.2-41.2", None, 0)
    book.close()
    result = run("gap", "-f", str(path), "-F", "json")
    assert result.exit_code == 0, result.stderr


def test_a_formula_saved_without_its_figure_is_an_error_at_its_cell(
    run: Run, tmp_path: Path
) -> None:
    """A program that writes formulas without computing them leaves the cell blank to calamine:
    the figure would be lost without a word."""
    path = tmp_path / "formulas.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["indicator", "year", "value"])
    sheet.write_row(1, 0, ["gdp", 2017, 326.5])
    sheet.write_row(2, 0, ["gdp", 2018])
    sheet.write_formula(2, 2, "=300+52.1", None, "")
    sheet.write_row(3, 0, ["fiscal_revenue", 2018])
    sheet.write_formula(3, 2, "=40+1.2", None, 41.2)  # computed, saved with its figure
    book.close()
    result = run("gap", "-f", str(path), "-F", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{path}[Sheet1]!C3: value: '=300+52.1' is a formula without its figure (saved by a "
        "program that does not compute: open the workbook in Excel or LibreOffice and save it)\n"
    )
    # Excel's =IF(…, "") computed to an empty text (t="str", an empty <v>): a blank, as before
    with zipfile.ZipFile(path) as book:
        parts = {n: book.read(n) for n in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(
        rb'<c r="C3"[^>]*><f>300\+52.1</f><v></v></c>',
        b'<c r="C3" t="str"><f>IF(1=0,352.1,"")</f><v></v></c>',
        parts[sheet],
    )
    empty = tmp_path / "empty.xlsx"
    _rezip(empty, parts)
    assert b't="str"' in parts[sheet]
    result = run("gap", "-f", str(empty), "-F", "json")
    assert result.exit_code == 0, result.stderr
    assert _gdp(result.stdout)["latest"] == {"year": 2017, "value": 326.5}


def test_a_percentage_in_one_section_of_a_format_only(run: Run, tmp_path: Path) -> None:
    """``0.0;-0.0%`` shows 45 as 45.0 and -0.02 as -2.0%: each number as its own section shows
    it."""
    path = tmp_path / "sections.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    mixed = book.add_format({"num_format": "[Red]0.0;[Blue]-0.0%"})
    sheet.write_row(0, 0, ["indicator", "year", "value"])
    sheet.write_row(1, 0, ["gdp", 2018])
    sheet.write(1, 2, 352.1, mixed)
    book.close()
    result = run("gap", "-f", str(path), "-F", "json")
    assert result.exit_code == 0, result.stderr
    assert _gdp(result.stdout)["latest"] == {"year": 2018, "value": 352.1}


def test_a_conditional_format_shows_a_percentage_where_its_condition_says(
    run: Run, tmp_path: Path
) -> None:
    """``[<1]0.0%;0.0`` shows 87.5 as 87.5 (read 8750% before) and 0.24 as 24.0%; ``[>=1]0.0;0.0%``
    shows 0.2402 as 24.0% (read 0.2402% before)."""
    path = tmp_path / "conditions.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    below = book.add_format({"num_format": "[<1]0.0%;0.0"})
    above = book.add_format({"num_format": "[>=1]0.0;0.0%"})
    sheet.write_row(0, 0, ["indicator", "year", "value"])
    for row, (indicator, year, number, shown) in enumerate(
        [("air_quality", 2021, 87.5, below), ("air_quality", 2022, 0.865, below),
         ("forest_cover", 2021, 0.2402, above), ("forest_cover", 2022, 24.02, above)], start=1
    ):  # fmt: skip
        sheet.write_row(row, 0, [indicator, year])
        sheet.write(row, 2, number, shown)
    book.close()
    result = run("gap", "--targets", "cn-14th-fyp", "-f", str(path), "-F", "json")
    assert result.exit_code == 0, result.stderr
    series = {r["id"]: r["latest"] for r in json.loads(result.stdout)["results"] if r["latest"]}
    assert series["air_quality"] == {"year": 2022, "value": 86.5}
    assert series["forest_cover"] == {"year": 2022, "value": 24.02}
    result = run(
        "gap", "--targets", "cn-14th-fyp", "-f", str(path), "-F", "json", "--as-of", "2021"
    )
    series = {r["id"]: r["latest"] for r in json.loads(result.stdout)["results"] if r["latest"]}
    assert series["air_quality"] == {"year": 2021, "value": 87.5}
    assert series["forest_cover"] == {"year": 2021, "value": 24.02}


def test_an_ods_whose_repeated_cells_span_too_much_is_refused_before_it_is_opened(
    run: Run, tmp_path: Path
) -> None:
    """calamine reads every sheet of an .ods as it opens it: 2,000 rows of a figure repeated
    20,000 times are refused first, in one line (a blank repeated to the sheet's end is not)."""
    data = _ods([["指标", "2017年", "2018年"], ["地区生产总值", 326.5, 352.1]])
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {n: book.read(n) for n in book.namelist()}
    bomb = (
        '<table:table-row table:number-rows-repeated="2000"><table:table-cell '
        'table:number-columns-repeated="20000" office:value-type="float" office:value="1"/>'
        "</table:table-row>"
    )
    blank = (
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
    )
    for name, row, refused in (("bomb.ods", bomb, True), ("blank.ods", blank, False)):
        path = tmp_path / name
        content = parts["content.xml"].decode().replace("</table:table>", row + "</table:table>")
        _rezip(path, parts, content_xml=content)
        result = run("gap", "-f", str(path), "-F", "json")
        if refused:
            assert (result.exit_code, result.stdout) == (2, "")
            assert result.stderr == (
                f"{path}: sheet '表1' spans 2002 rows and 20000 columns (to ACOF2002), more than "
                "the 10,000,000 cells a table of figures is read from: delete what stands far "
                "off, or copy the table to a new sheet\n"
            )
        else:
            assert result.exit_code == 0, result.stderr
            assert _gdp(result.stdout)["latest"] == {"year": 2018, "value": 352.1}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("指标,单位,2016,2017\n地区生产总值（万元）,亿元,300,326.5\n", "2:2"),
        ("指标,年份,数值,单位\n地区生产总值（万元）,2018,352.1,亿元\n", "2:4"),
    ],
)
def test_a_name_and_a_unit_column_that_disagree_are_an_error(
    run: Run, tmp_path: Path, text: str, place: str
) -> None:
    """地区生产总值（万元） in a row whose 单位 says 亿元: which the figures are in cannot be told."""
    path = _csv(tmp_path, text)
    out = run("gap", "-f", path, "-F", "json")
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr.splitlines()[-1] == (
        f"{path}:{place}: the indicator's name says 万元 but the unit column says 亿元"
    )
    agreeing = _csv(tmp_path, text.replace("（万元）", "（亿元）"), "agree.csv")
    assert run("gap", "-f", agreeing, "-F", "json").exit_code == 0


@pytest.mark.parametrize("title", ["2019年1-9月主要指标", "2019年前三季度主要经济指标"])
def test_a_bulletin_of_months_is_read_as_its_months(run: Run, tmp_path: Path, title: str) -> None:
    """2019年1-9月 above 指标 | 单位 | 绝对数: each figure is January to September's, for 时序进度,
    never the whole year's (which would miss the target)."""
    path = _csv(tmp_path, f"{title}\n指标,单位,绝对数,比上年增长%\n地区生产总值,亿元,270,7.5\n")
    out = run("check", "-f", path, "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert out.stderr.splitlines()[0].startswith(
        f"{path}: a table of one year: 2019, January to month 9, from the title"
    )
    gdp = _gdp(out.stdout)
    assert gdp["latest"] is None
    assert gdp["within_year"]["month"] == 9
    assert gdp["within_year"]["value"] == 270


def test_a_name_broken_over_lines_in_its_cell_is_the_name(run: Run, tmp_path: Path) -> None:
    """Excel's Alt+Enter: "地区生产⏎总值" is 地区生产总值, in a quoted CSV cell and a workbook's."""
    path = _csv(tmp_path, '指标,单位,2017,2018\n"地区生产\n总值",亿元,330,352.1\n')
    out = run("gap", "-f", path, "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert _gdp(out.stdout)["latest"] == {"year": 2018, "value": 352.1}
    book = _book(tmp_path / "b.xlsx", {"Sheet1": [["指标", "2018"], ["地区生产\r\n总值", 352.1]]})
    out = run("gap", "-f", book, "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert _gdp(out.stdout)["latest"] == {"year": 2018, "value": 352.1}
    runaway = _csv(tmp_path, '指标,年份,数值\n"地区生产总值,2018,352.1\ngdp,2019,400\n', "r.csv")
    assert run("gap", "-f", runaway).exit_code == 2


def test_an_ods_formula_saved_without_its_figure_is_an_error(run: Run, tmp_path: Path) -> None:
    data = _ods([["指标", "2017年", "2018年"], ["地区生产总值", 326.5, 352.1]])
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {n: book.read(n) for n in book.namelist()}
    content = (
        parts["content.xml"]
        .decode()
        .replace(
            '<table:table-cell office:value-type="float" office:value="352.1"/>',
            '<table:table-cell table:formula="of:=[.B2]*1.1" office:value-type="float"/>',
        )
    )
    path = tmp_path / "f.ods"
    _rezip(path, parts, content_xml=content)
    out = run("gap", "-f", str(path), "-F", "json")
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr.splitlines()[-1].startswith(
        f"{path}[表1]!C2: value: '=[.B2]*1.1' is a formula without its figure"
    )
    empty = content.replace(  # =IF(…; "") computed to an empty text: a blank, no error
        'table:formula="of:=[.B2]*1.1" office:value-type="float"',
        'table:formula="of:=IF(1=0;1;&quot;&quot;)" office:value-type="string"',
    )
    _rezip(path, parts, content_xml=empty)
    out = run("gap", "-f", str(path), "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert _gdp(out.stdout)["latest"] == {"year": 2017, "value": 326.5}


def test_a_bare_count_in_the_name_agrees_with_a_per_population_unit(
    run: Run, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path, "指标,单位,2020,2021\n每千人口拥有执业（助理）医师数（人）,人/千人,2.9,3.04\n"
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", path, "-F", "json")
    assert out.exit_code == 0, out.stderr
    (doctors,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "doctors"]
    assert doctors["latest"] == {"year": 2021, "value": 3.04}


def test_a_year_given_against_the_titles_year_is_an_error(run: Run, tmp_path: Path) -> None:
    path = _csv(tmp_path, "2021年主要指标\n指标,单位,绝对数\n地区生产总值,亿元,352.1\n")
    out = run("gap", "-f", path, "--year", "2022")
    assert (out.exit_code, out.stderr) == (
        2,
        f"{path}:2: --year 2022 but the title says 2021年: give the table's own year\n",
    )
    assert run("gap", "-f", path, "--year", "2021", "-F", "json").exit_code == 0


def test_a_bulletin_of_months_with_year_given_keeps_its_months(run: Run, tmp_path: Path) -> None:
    """--year 2019 beside a title 2019年前三季度: still January to September (420 is no year's
    GDP against > 400); the growth column, January to September's, feeds no growth target."""
    path = _csv(
        tmp_path,
        "2019年前三季度主要指标\n指标,单位,绝对数,比上年增长%\n地区生产总值,亿元,420,6.0\n",
    )
    out = run("gap", "--year", "2019", "-f", path, "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert "January to month 9, from --year; not read: 比上年增长%" in out.stderr
    gdp = _gdp(out.stdout)
    assert gdp["latest"] is None and gdp["within_year"]["month"] == 9


@pytest.mark.parametrize(
    "title",
    ["2019年9月主要经济指标", "2019年9月份主要指标", "2019年第三季度主要指标", "2019年四季度",
     "2019年Q3主要指标", "2019年下半年主要指标"],
)  # fmt: skip
def test_a_title_of_a_month_or_quarter_alone_is_refused(
    run: Run, tmp_path: Path, title: str
) -> None:
    """A header cell of 9月 alone is refused (the month alone, or January to it?): a title's too,
    where it was read as the whole year's figure."""
    figures = tmp_path / "t.csv"
    figures.write_text(f"{title}\n指标,单位,绝对数\n财政总收入,亿元,38\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-l", "en")
    assert out.exit_code == 2
    assert out.stderr.startswith(f"{figures}:2: the title names ")
    assert len(out.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("title", "header", "row"),
    [("1-9月主要经济指标", "指标,单位,2018,2019", "财政总收入,亿元,33,38"),
     ("2019年1-9月主要指标", "指标,年份,数值", "财政总收入,2019,38\n财政总收入,2018,33"),
     ("截至2019年9月底主要指标", "指标,单位,绝对数", "财政总收入,亿元,38"),
     ("2019年前三季度主要指标（2019年10月15日发布）", "指标,单位,绝对数", "财政总收入,亿元,38")],
)  # fmt: skip
def test_a_title_of_months_makes_every_figure_of_those_months(
    run: Run, tmp_path: Path, title: str, header: str, row: str
) -> None:
    """The title's January to September holds over years across and over a year column too (not
    only over a table of one year); a date the title gives (发布) is when, not what."""
    figures = tmp_path / "t.csv"
    figures.write_text(f"{title}\n{header}\n{row}\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json", "-l", "en")
    assert out.exit_code == 0, out.stderr
    (fiscal,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "fiscal_revenue"]
    assert fiscal["latest"]["year"] == 2016  # no whole-year figure: the text's base
    within = fiscal["within_year"]
    assert (within["year"], within["month"], within["value"]) == (2019, 9, 38)
    if "2018" in row:
        assert within["yoy_growth"] == pytest.approx(38 / 33 - 1)
    assert "January to month 9" in out.stderr


def test_month_columns_under_a_titles_year_refuse_another_year(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "t.csv"
    figures.write_text("2019年主要指标\n指标,单位,1-3月,1-6月\n财政总收入,亿元,10,20\n", "utf-8")
    out = run("gap", "-f", str(figures), "--year", "2018", "-l", "en")
    assert out.exit_code == 2
    assert (
        out.stderr
        == f"{figures}:2: --year 2018 but the title says 2019年: give the table's own year\n"
    )


@pytest.mark.parametrize(
    "title",
    ["单位：万元", "金额单位：万元", "单位（万元）", "单位/万元", "数据单位：万元", "表1 单位：万元",
     "Unit: 10k yuan", "2018年财政收入情况（单位：万元）", "（计量单位：万元）"],
)  # fmt: skip
def test_a_unit_in_a_title_is_read_however_it_is_written(
    run: Run, tmp_path: Path, title: str
) -> None:
    """412000 under 金额单位：万元 is 41.2亿元, not 412000亿元 (a form the reader did not know was
    passed over, and the figure read in the target's unit); 填报单位 is who reports, no unit."""
    figures = tmp_path / "u.csv"
    figures.write_text(f"{title}\n指标,年份,数值\n财政总收入,2018,412000\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    (fiscal,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "fiscal_revenue"]
    assert fiscal["latest"] == {"year": 2018, "value": 41.2}
    figures.write_text(
        "填报单位：县统计局\n指标,年份,数值\n财政总收入,2018,41.2\n", encoding="utf-8"
    )
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr


def test_a_unit_line_inside_a_table_is_the_unit_of_the_rows_below_it(
    run: Run, tmp_path: Path
) -> None:
    """单位：万元 between the rows: the rows below it are in 万元 (412000 is 41.2亿元), those above
    in the title's unit; a footer that names no unit (单位（盖章）) changes nothing."""
    figures = tmp_path / "u.csv"
    figures.write_text(
        "单位：亿元\n指标,2016,2018\n地区生产总值,300,352.1\n单位：万元\n财政总收入,300000,412000\n"
        "单位（盖章）：县统计局\n",
        "utf-8",
    )
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    latest = {r["id"]: r["latest"] for r in json.loads(out.stdout)["results"]}
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert latest["fiscal_revenue"] == {"year": 2018, "value": 41.2}


def test_a_workbooks_float_is_read_as_the_workbook_shows_it(run: Run, tmp_path: Path) -> None:
    """=110.9+147.3+141.8 caches 400.00000000000006, which Excel shows as 400: against > 400 it is
    400, not met, where its binary digits made it 超出0.0000000000001 and achieved."""
    total = 110.9 + 147.3 + 141.8
    assert total != 400
    book = _book(
        tmp_path / "b.xlsx",
        {
            "Sheet1": [
                ["indicator", "year", "value"],
                ["gdp", 2019, total],
                ["gdp", 2018, 0.1 + 0.2],
            ]
        },
    )
    out = run("gap", "-f", book, "-F", "json")
    assert out.exit_code == 0, out.stderr
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2019, "value": 400}
    assert gdp["status"] == "missed"
    out = run("gap", "-f", book, "--as-of", "2018", "-F", "json")
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2018, "value": 0.3}


@pytest.mark.parametrize(
    ("header", "row"),
    [("指标,单位,2017,,2018,\n,,增长%,绝对数,增长%,绝对数", "地区生产总值,亿元,8.8,326.5,7.8,352.1"),
     ("指标,单位,2017,,2018,\n,,绝对数,比上年增长%,绝对数,比上年增长%", "地区生产总值,亿元,326.5,8.8,352.1,7.8"),
     ("指标,单位,2017,,2018,\n,,计划,完成,目标,完成", "地区生产总值,亿元,320,326.5,360,352.1"),
     ("指标,2017,2018\n,亿元,亿元", "地区生产总值,326.5,352.1")],
)  # fmt: skip
def test_a_second_header_row_says_which_column_under_a_year_is_its_figure(
    run: Run, tmp_path: Path, header: str, row: str
) -> None:
    """2018 merged over 增长% | 绝对数: the figure is the 绝对数 column, wherever it stands (the first
    column under each year was read, 7.8 as the GDP); 目标 | 完成: 完成; a unit under the year
    heads its figure."""
    figures = tmp_path / "h.csv"
    figures.write_text(f"{header}\n{row}\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2018, "value": 352.1}
    out = run("gap", "-f", str(figures), "-F", "json", "--as-of", "2017")
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2017, "value": 326.5}


def test_a_second_header_row_that_does_not_say_which_is_the_figure_is_refused(
    run: Run, tmp_path: Path
) -> None:
    figures = tmp_path / "h.csv"
    figures.write_text("指标,单位,2018,\n,,甲,乙\n地区生产总值,亿元,400,352.1\n", "utf-8")
    out = run("gap", "-f", str(figures), "-l", "en")
    assert out.exit_code == 2
    assert out.stderr == (
        f"{figures}:2: under '2018', '甲' does not say which column is its figure: head it 绝对数 "
        "(or 数值, 完成), its growth 增长%\n"
    )


def test_a_name_marked_before_it_is_a_row_of_figures_not_a_note(run: Run, tmp_path: Path) -> None:
    """*地区生产总值 | 352.1: a footnote mark before the name, as 地区生产总值* after it; a line of
    words after a mark (* 2018年为快报数) stays a note."""
    latest, _ = _latest_read(
        run,
        tmp_path,
        "指标,单位,2016,2018\n*地区生产总值,亿元,300,352.1\n※财政总收入,亿元,30,41.2\n"
        "* 2018年为快报数\n",
    )
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert latest["fiscal_revenue"] == {"year": 2018, "value": 41.2}


@pytest.mark.parametrize(
    ("title", "said"),
    [("2019年1-9月主要经济指标（2018年同期对比）", None), ("2019年主要指标（与2018年比较）", None),
     ("2018—2019年指标对比", "the title names 2018年、2019年: which year's are the figures? Give --year"),
     ("2018年和2019年指标", "the title names 2018年、2019年: which year's are the figures? Give --year")],
)  # fmt: skip
def test_a_title_of_two_years_gives_the_year_of_its_table_or_asks(
    run: Run, tmp_path: Path, title: str, said: str | None
) -> None:
    """Of two years, the one the table's period or name follows is the figures' (2019年1-9月…
    （2018年同期对比）); a span (2018—2019年, read as 2019 before) or two alike is asked about."""
    figures = tmp_path / "t.csv"
    figures.write_text(f"{title}\n指标,单位,绝对数\n财政总收入,亿元,38\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json", "-l", "en")
    if said is not None:
        assert out.exit_code == 2
        assert out.stderr == f"{figures}:2: {said}\n"
        assert run("gap", "-f", str(figures), "--year", "2019").exit_code == 0
        return
    assert out.exit_code == 0, out.stderr
    (fiscal,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "fiscal_revenue"]
    found = fiscal["within_year"] or fiscal["latest"]
    assert (found["year"], found["value"]) == (2019, 38)


@pytest.mark.parametrize(
    ("title", "month"),
    [("2018年1-9月主要指标完成情况（全年目标见附表）", 9), ("2018年上半年经济运行情况及全年预测", 6),
     ("濉溪县主要经济指标（2019年3月更新）", None), ("数据更新至2019年9月", None),
     ("统计公报（2019年3月发布）", None), ("2019年1月至9月", 9), ("1月—9月", 9), ("前3季度", 9),
     ("1至3季度", 9), ("一至三季度", 9), ("2019年1月1日至9月30日", 9), ("11-12月", None),
     ("2019年1月", 1), ("2019年12月31日", None)],
)  # fmt: skip
def test_a_titles_period_is_read_however_it_is_written(title: str, month: int | None) -> None:
    """全年 beside the table's own months is a note; a date it was updated or published is when,
    not what; 1月至9月, 前3季度, 一至三季度 are January to September."""
    from shuangshi_cli.tables import title_period

    found, _, unclear = title_period([title])
    assert (found, unclear) == (month, None)


def test_a_title_of_two_periods_or_a_cut_off_over_years(run: Run, tmp_path: Path) -> None:
    """Two periods (1-6月 and 1-9月) ask which; 截至2019年9月底 over a table of years is when the
    table was drawn up: its years stay whole years."""
    from shuangshi_cli.tables import title_period

    assert title_period(["2019年1-6月及1-9月"])[2] is not None
    figures = tmp_path / "l.csv"
    figures.write_text(
        "濉溪县主要经济指标（截至2019年9月底）\n指标,年份,数值\n地区生产总值,2016,300\n"
        "地区生产总值,2018,352.1\n",
        encoding="utf-8",
    )
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2018, "value": 352.1}


@pytest.mark.parametrize(
    ("line", "unit"),
    [("单位（盖章）：濉溪县统计局", None), ("单位（部门）：县发改委", None), ("Business unit: sales", None),
     ("单位：万元，%", "万元、%"), ("单位：万元、%", "万元、%"), ("单位：亿元 2019年", "亿元"),
     ("单位: 100 million yuan", "100 million yuan"), ("单位（万元）", "万元")],
)  # fmt: skip
def test_what_is_no_unit_line(line: str, unit: str | None) -> None:
    """A stamp (盖章), a department or an English 'unit' that names no unit is no unit line; a
    list of units is given as a list."""
    from shuangshi_cli.tables import unit_line

    assert unit_line(line) == unit


def test_a_unit_heading_inside_a_table_with_a_unit_column_is_a_section(
    run: Run, tmp_path: Path
) -> None:
    """一、经济（单位：亿元） in a table whose rows have a 单位 column: each row's unit its own, and a
    row whose unit cell is blank the line's; a second header row's unit that contradicts the unit
    column is refused."""
    figures = tmp_path / "u.csv"
    figures.write_text(
        "指标,单位,年份,数值\n一、经济（单位：亿元）\n财政总收入,万元,2018,412000\n", "utf-8"
    )
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    figures.write_text(
        "指标,单位,2016,2018\n地区生产总值,亿元,300,352.1\n单位：万元\n财政总收入,,300000,412000\n",
        "utf-8",
    )  # (a row whose unit cell is blank takes the unit line above it)
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    latest = {r["id"]: r["latest"] for r in json.loads(out.stdout)["results"]}
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert latest["fiscal_revenue"] == {"year": 2018, "value": 41.2}
    figures.write_text("指标,单位,2018\n,,万元\n地区生产总值,亿元,352.1\n", "utf-8")
    out = run("gap", "-f", str(figures), "-l", "en")
    assert out.exit_code == 2
    assert out.stderr.endswith(
        ":3:2: the unit column says '亿元' but the heading of the column says '万元'\n"
    )


def test_a_second_header_row_of_this_year_and_the_last(run: Run, tmp_path: Path) -> None:
    """本年 | 上年同期 under 2018: the figure is 本年; a refusal names the second header row's
    own line, a blank line between."""
    figures = tmp_path / "h.csv"
    figures.write_text("指标,单位,2018,\n,,本年,上年同期\n地区生产总值,亿元,352.1,326.5\n", "utf-8")
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2018, "value": 352.1}
    figures.write_text("指标,单位,2018,\n\n,,甲,乙\n地区生产总值,亿元,400,352.1\n", "utf-8")
    out = run("gap", "-f", str(figures), "-l", "en")
    assert out.exit_code == 2 and out.stderr.startswith(f"{figures}:3: under '2018'")


def test_a_tables_numbered_and_glossed_names_and_places_in_words(run: Run, tmp_path: Path) -> None:
    """1.地区生产总值, （二）财政总收入, 地区生产总值（GDP） are the plan's names as tables number
    and gloss them; 第八位 is the 8th place, as yearbooks write it."""
    latest, said = _latest_read(
        run,
        tmp_path,
        "指标,单位,2017年,2018年\n1.地区生产总值（GDP）,亿元,326.5,352.1\n（二）财政总收入,亿元,36.4,41.2\n"
        "三、经济总量全省县域位次,,第九位,第八位\n",
    )
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert latest["fiscal_revenue"] == {"year": 2018, "value": 41.2}
    assert latest["gdp_rank"] == {"year": 2018, "value": 8}
    assert "not read" not in said


@pytest.mark.parametrize(
    ("text", "latest", "within"),
    [("2019年1-9月主要指标\nindicator,year,month,value,unit\ngdp,2017,,326.5,亿元\ngdp,2018,,352.1,亿元\n"
      "gdp,2019,9,265,亿元", (2018, 352.1), (2019, 9, 265)),
     ("2018年主要经济指标（数据截至2019年2月底）\n指标,单位,绝对数\n地区生产总值,亿元,352.1",
      (2018, 352.1), None),
     ("2016—2018年及2019年1-9月主要经济指标\n指标,单位,2016年,2017年,2018年,2019年\n"
      "地区生产总值,亿元,300,326.5,352.1,265", (2018, 352.1), (2019, 9, 265)),
     ("濉溪县统计局 2019年3月\n指标,单位,2016年,2018年\n地区生产总值,亿元,300,352.1", (2018, 352.1), None),
     ("填报时间：2019年10月\n指标,年份,数值\n地区生产总值,2018,352.1", (2018, 352.1), None),
     ("9月份统计月报\n指标,年份,月份,数值\n地区生产总值,2019,9,265\n地区生产总值,2018,,352.1",
      (2018, 352.1), (2019, 9, 265)),
     ("指标,2016,2017,2018\n单位：亿元\n地区生产总值,300,326.5,352.1", (2018, 352.1), None),
     ("主要指标（单位：亿元）\n指标,2016,2017,2018\n地区生产总值,300,326.5,352.1\n"
      "经济总量全省县域位次,10,9,8", (2018, 352.1), None),
     ("指标,单位,2017,,2018,\n指标,单位,绝对数,增长%,绝对数,增长%\n地区生产总值,亿元,326.5,8.0,352.1,8.3",
      (2018, 352.1), None),
     ("指标,单位,2017,,2018,\n,,绝对数（亿元）,增长（%）,绝对数（亿元）,增长（%）\n"
      "地区生产总值,亿元,326.5,8.0,352.1,8.3", (2018, 352.1), None),
     ("指标,2017,,2018,\n,亿元,%,亿元,%\n地区生产总值,326.5,8.0,352.1,8.3", (2018, 352.1), None),
     ("指标,单位,2018年,,\n,,计划,实际,完成计划%\n地区生产总值,亿元,400,352.1,88.0", (2018, 352.1), None),
     ("指标,单位,2018,,\n,,本期,同期,增减%\n地区生产总值,亿元,352.1,326.5,7.8", (2018, 352.1), None)],
)  # fmt: skip
def test_tables_as_offices_print_them(
    run: Run,
    tmp_path: Path,
    text: str,
    latest: tuple[int, float],
    within: tuple[int, int, float] | None,
) -> None:
    """A title's months hold only where the table has no months of its own, and over years only
    for the year the title ties them to; a cut-off (数据截至…) or a date of filing is no period;
    a unit line under the header is the table's, and a 位次 row under it keeps 位; second header
    rows as offices write them (指标 | 单位 again, 绝对数（亿元）, 亿元 | %, 计划 | 实际 | 完成计划%,
    本期 | 同期)."""
    figures = tmp_path / "t.csv"
    figures.write_text(text + "\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    results = {r["id"]: r for r in json.loads(out.stdout)["results"]}
    gdp = results["gdp"]
    assert (gdp["latest"]["year"], gdp["latest"]["value"]) == latest
    found = gdp["within_year"]
    assert (None if found is None else (found["year"], found["month"], found["value"])) == within
    if "位次" in text:
        assert results["gdp_rank"]["latest"] == {"year": 2018, "value": 8}


def test_a_growth_column_is_the_year_to_its_left(run: Run, tmp_path: Path) -> None:
    """2021年 | 增长% | 2020年 | 增长%: each growth the year left of it; 增长% after 2019 and 2021
    (a growth over two years?) is none."""
    figures = tmp_path / "g.csv"
    figures.write_text(
        "指标,单位,2021年,增长%,2020年,增长%\n全社会研发经费投入,亿元,27956,14.6,24393,10.2\n",
        "utf-8",
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    (rd,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "rd_growth"]
    assert rd["latest"] == {"year": 2021, "value": 114.6}
    figures.write_text(
        "指标,单位,2019年,2021年,增长(%)\n全社会研发经费投入,亿元,22144,27956,26.2\n", "utf-8"
    )
    out = run("gap", "--targets", "cn-14th-fyp", "-f", str(figures), "-F", "json", "-l", "en")
    (rd,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "rd_growth"]
    assert rd["latest"]["year"] == 2020  # (the plan's base: no growth read)
    assert "not read: 增长(%)" in out.stderr


@pytest.mark.parametrize(
    ("text", "latest", "within"),
    [("指标,单位,2017年,,2018年,\n,,绝对数,全省位次,绝对数,全省位次\n地区生产总值,亿元,326.5,9,352.1,8",
      (2018, 352.1), None),
     ("指标,单位,2019年1-9月,\n,,累计,同比增长%\n地区生产总值,亿元,290.5,8.1", None, (2019, 9, 290.5)),
     ("指标,单位,2016,2017,2018\n,,快报数,初步核实数,初步核算数\n地区生产总值,亿元,299.4,327,352.1",
      (2018, 352.1), None)],
)  # fmt: skip
def test_second_header_rows_of_yearbooks_and_monthly_reports(
    run: Run,
    tmp_path: Path,
    text: str,
    latest: tuple[int, float] | None,
    within: tuple[int, int, float] | None,
) -> None:
    """绝对数 | 全省位次 (the place is read past), 累计 | 同比增长% under months, and which release
    each year's figure is (快报数, 初步核实数): each year's figure is read."""
    figures = tmp_path / "t.csv"
    figures.write_text(text + "\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    if latest is not None:
        assert (gdp["latest"]["year"], gdp["latest"]["value"]) == latest
    found = gdp["within_year"]
    assert (None if found is None else (found["year"], found["month"], found["value"])) == within


def test_a_titles_months_of_another_year_than_its_one_column_ask(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "m.csv"
    figures.write_text(
        "2019年1-9月主要经济指标\n指标,单位,2018年\n地区生产总值,亿元,352.1\n", "utf-8"
    )
    out = run("gap", "-f", str(figures), "-l", "en")
    assert out.exit_code == 2
    assert out.stderr == (
        f"{figures}:2: the title names 2019年's months but the table's column is '2018年': which "
        "year's are the figures?\n"
    )


def test_an_estimate_or_a_goal_beside_the_years_is_read_past(run: Run, tmp_path: Path) -> None:
    """2019年（预计） and 2025年目标 beside the years are no figures: read past and said, where
    the table was refused (and before that, 401 read as 2019's figure: achieved)."""
    latest, said = _latest_read(
        run,
        tmp_path,
        "指标,单位,2018年,2019年（预计）,2025年目标\n地区生产总值,亿元,352.1,401,600\n",
    )
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert "not read: 2019年（预计）, 2025年目标" in said


def test_a_unit_line_after_the_last_row_is_the_tables(run: Run, tmp_path: Path) -> None:
    """单位：万元 as the table's footer: its rows are in 万元 (412000 is 41.2亿元), where they were
    read as 亿元; a footer that names no unit (单位：县统计局) is who made the table."""
    latest, _ = _latest_read(
        run,
        tmp_path,
        "2018年主要指标\n指标,绝对数\n地区生产总值,3521000\n财政总收入,412000\n单位：万元\n",
    )
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert latest["fiscal_revenue"] == {"year": 2018, "value": 41.2}
    latest, _ = _latest_read(
        run, tmp_path, "指标,年份,数值\n地区生产总值,2018,352.1\n单位：县统计局\n"
    )
    assert latest["gdp"] == {"year": 2018, "value": 352.1}


def test_a_unit_line_under_the_header_is_before_the_titles(run: Run, tmp_path: Path) -> None:
    """单位：亿元 above the header, 单位：万元 right under it: the rows are in 万元, the line
    nearest them."""
    latest, _ = _latest_read(
        run, tmp_path, "单位：亿元\n指标,2016,2018\n单位：万元\n地区生产总值,3000000,3521000\n"
    )
    assert latest["gdp"] == {"year": 2018, "value": 352.1}


@pytest.mark.parametrize(
    ("cell", "code", "place"),
    [
        ("戊\x1b[31mRED\x1b[0m县", "U+001B", "A2"),  # a terminal's escape: colours, a title
        ("戊\x9b31m县", "U+009B", "A2"),  # C1: an escape to many terminals too
        ("戊\u202e县", "U+202E", "A2"),  # a bidirectional override: it reorders the line
    ],
)
def test_a_cell_with_a_control_character_is_refused(
    run: Run, tmp_path: Path, cell: str, code: str, place: str
) -> None:
    """A workbook's cell is refused as a text file's line is: nothing it holds reaches the
    terminal as a command (a line break, Alt+Enter, may stand)."""
    book = _book(tmp_path / "b.xlsx", {"Sheet1": [["指标", "2018年"], [cell, 352.1]]})
    out = run("gap", "-f", book, "-l", "en")
    assert out.exit_code == 2
    assert out.stderr == (
        f"{book}[Sheet1]!{place}: the cell holds the character {code}, which is not allowed\n"
    )
    zh = run("gap", "-f", book, "-l", "zh")
    assert zh.stderr == f"{book}[Sheet1]!{place}: 单元格含有字符 {code}，不允许\n"
    broken = _book(tmp_path / "n.xlsx", {"Sheet1": [["指标", "2018年"], ["地区生产\n总值", 352.1]]})
    assert run("gap", "-f", broken, "-F", "json").exit_code == 0
    soft = _book(  # Word's soft return, pasted into a title: a line break
        tmp_path / "s.xlsx",
        {"Sheet1": [["濉溪县主要指标\x0b（示例）"], ["指标", "2018年"], ["地区生产总值", 352.1]]},
    )
    assert run("gap", "-f", soft, "-F", "json").exit_code == 0


@pytest.mark.parametrize("character", ["\x9b", "\x85", "\u202e", "\u2066"])
def test_a_text_file_with_c1_or_a_bidirectional_control_is_refused(
    run: Run, tmp_path: Path, character: str
) -> None:
    path = tmp_path / "f.csv"
    path.write_text(f"indicator,year,value,note\ngdp,2018,352.1,a{character}b\n", "utf-8")
    out = run("gap", "-f", str(path), "-l", "en")
    code = f"U+{ord(character):04X}"
    assert (out.exit_code, out.stderr) == (
        2,
        f"{path}:2:17: the file is not text: the character {code} is not allowed\n",
    )
    plan = tmp_path / "p.yaml"
    plan.write_text(
        embedded_plan_text().replace("name: 地区生产总值\n", f"name: 地区生产{character}总值\n", 1),
        "utf-8",
    )
    out = run("validate", str(plan), "-l", "en")
    assert out.exit_code == 2 and code in out.stderr
    assert f"不允许字符 {code}" in run("validate", str(plan), "-l", "zh").stderr
    # ... and written as a YAML escape, refused as what it is
    escaped = embedded_plan_text().replace(
        "name: 地区生产总值\n", f'name: "地区生产\\u{ord(character):04x}总值"\n', 1
    )
    plan.write_text(escaped, "utf-8")
    kind = "控制字符" if ord(character) < 0x2000 else "双向控制字符"
    assert f"不允许字符 {code}（{kind}）" in run("validate", str(plan), "-l", "zh").stderr


@pytest.mark.parametrize("line", ["单位：万元，%", "单位：万元、%"])
def test_a_list_of_units_gives_each_row_the_unit_of_its_kind(
    run: Run, tmp_path: Path, line: str
) -> None:
    """A bulletin's 单位：万元，% heads levels in 万元 and their growth (and rates) in %: GDP of
    3521000 is 352.1亿元, not 3521000亿元."""
    figures = tmp_path / "b.csv"
    figures.write_text(
        f"表1 2018年主要指标\n{line}\n指  标,2018年,比上年增长\n地区生产总值,3521000,8.0\n"
        "财政总收入,400000,5.0\n",
        encoding="utf-8",
    )
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    latest = {r["id"]: r["latest"] for r in json.loads(out.stdout)["results"]}
    assert latest["gdp"] == {"year": 2018, "value": 352.1}
    assert latest["fiscal_revenue"] == {"year": 2018, "value": 40}


def test_a_list_of_two_units_of_one_kind_is_refused(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "b.csv"
    figures.write_text("单位：万元、亿元\n指标,2018年\n地区生产总值,352.1\n", encoding="utf-8")
    out = run("gap", "-f", str(figures))
    assert out.exit_code == 2
    assert out.stderr.splitlines()[-1] == (
        f"{figures}:3: unit: the unit line lists '万元' / '亿元', more than one of this figure's "
        "kind: give the row its own unit"
    )


def test_a_name_padded_with_spaces_is_the_name(run: Run, tmp_path: Path) -> None:
    """Bulletins pad a short name to the column's width: 工  业, 指  标."""
    figures = tmp_path / "b.csv"
    figures.write_text("指  标,2018年\n地区生产 总值,352.1\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2018, "value": 352.1}


def test_a_dash_in_a_long_table_is_no_figure(run: Run, tmp_path: Path) -> None:
    figures = tmp_path / "d.csv"
    figures.write_text("indicator,year,value\ngdp,2017,—\ngdp,2018,352.1\n", encoding="utf-8")
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2018, "value": 352.1}
    assert "—" not in out.stderr


@pytest.mark.parametrize(
    ("row", "number"),
    [("gdp,2018,1,234.5,亿元", "1,234.5"), ("gdp,2018,3,521,000,万元", "3,521,000")],
)
def test_a_number_split_by_its_thousands_comma_is_named(
    run: Run, tmp_path: Path, row: str, number: str
) -> None:
    figures = tmp_path / "c.csv"
    figures.write_text(f"indicator,year,value,unit\n{row}\n", encoding="utf-8")
    out = run("gap", "-f", str(figures))
    assert out.exit_code == 2
    cells = row.count(",") + 1
    assert out.stderr == (
        f"{figures}:2: {cells} cells but 4 columns: is {number} one number, its thousands split "
        "by a comma? Write it without the comma or in quotes\n"
    )


def test_a_level_given_in_another_unit_is_said(run: Run, tmp_path: Path) -> None:
    """3521000 (万元 written as 亿元) beside 300, 320, the base and a target of 400: said on stderr,
    and read as given (a figure is never guessed)."""
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value\ngdp,2016,300\ngdp,2017,320\ngdp,2018,3521000\n", encoding="utf-8"
    )
    out = run("gap", "-f", str(figures), "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert (
        f"{figures}:4: gdp is 3521000 亿元, about 9000 times 400, the middle of its figures and "
        "target: given in another unit (万元 for 亿元)? (read as given)"
    ) in out.stderr.splitlines()
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2018, "value": 3521000}
    figures.write_text(
        "indicator,year,value\ngdp,2016,300\ngdp,2017,320\ngdp,2018,352.1\n", encoding="utf-8"
    )
    assert "another unit" not in run("gap", "-f", str(figures)).stderr


def test_a_workbook_whose_strings_unpack_too_large_is_refused_before_it_is_opened(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2 MB .xlsx of 2 GB of shared strings aborted the process as calamine opened it: every
    part besides the sheets is measured first (here against a limit of 1 MB)."""
    from shuangshi_cli import workbook

    monkeypatch.setattr(workbook, "MAX_SHEET_BYTES", 1_048_576)
    source = _book(tmp_path / "ok.xlsx", {"Sheet1": [["indicator", "year", "value"],
                                                     ["gdp", 2018, 352.1]]})  # fmt: skip
    with zipfile.ZipFile(source) as book:
        parts = {n: book.read(n) for n in book.namelist()}
    strings = parts["xl/sharedStrings.xml"].decode()
    padded = strings.replace("<t>gdp</t>", "<t>gdp" + " " * 2_100_000 + "</t>")
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for part, body in parts.items():
            book.writestr(part, padded if part == "xl/sharedStrings.xml" else body)
    result = run("gap", "-f", str(path), "-F", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{path}: the workbook's parts besides its sheets are 2 MB of XML unpacked "
        "(xl/sharedStrings.xml alone 2 MB), more than the 1 MB a workbook of figures is read "
        "with\n"
    )
    assert run("gap", "-f", source, "-F", "json").exit_code == 0


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("fiscal_revenue;2018;41.2", "1 cell but 3 columns: the row's cells are separated by "
                                     "';', the header's are not"),
        ("fiscal_revenue\t2018\t41.2", "1 cell but 3 columns: the row's cells are separated by "
                                       "'\\t', the header's are not"),
        ("41.2", "1 cell but 3 columns"),
    ],
)  # fmt: skip
def test_a_row_of_one_cell_in_a_long_table_is_an_error(
    run: Run, tmp_path: Path, row: str, message: str
) -> None:
    """A row another program wrote with other separators (or cut short) was read as a section
    heading and dropped: check passed without the figure."""
    path = _csv(tmp_path, f"indicator,year,value\ngdp,2016,300\n{row}\ngdp,2018,352.1\n")
    out = run("check", "-f", path)
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr == f"{path}:3: {message}\n"


def test_a_section_heading_in_a_long_table_is_still_read_past(run: Run, tmp_path: Path) -> None:
    path = _csv(tmp_path, "indicator,year,value\n一、经济\ngdp,2016,300\ngdp,2018,352.1\n")
    assert run("gap", "-f", path, "-F", "json").exit_code == 0


def test_a_sheet_named_twice_two_ways_is_refused(run: Run) -> None:
    book = str(ROOT / "examples" / "suixi-figures-illustrative.xlsx")
    out = run("gap", "-f", f"{book}#1", "--sheet", "2")
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr == f"{book}: the file names sheet '1' but --sheet names '2': give one\n"
    assert run("gap", "-f", f"{book}#1", "--sheet", "1", "-F", "json").exit_code == 0


def test_a_row_whose_note_runs_over_lines_is_placed_at_its_first(run: Run, tmp_path: Path) -> None:
    """A CI annotation or an error names the line a record starts on, not its last."""
    path = _csv(
        tmp_path,
        'indicator,year,value,note\ngdp,2016,300,"快报\n数"\ngdp,2017,abc,"x\ny"\n'
        "gdp,2018,352.1,\n",
    )
    out = run("gap", "-f", path)
    assert (out.exit_code, out.stderr) == (2, f"{path}:4: value: 'abc' is not a number\n")


def test_year_beside_a_table_with_a_year_column_is_said_to_be_read_past(
    run: Run, tmp_path: Path
) -> None:
    path = _csv(tmp_path, LONG)
    out = run("gap", "-f", path, "--year", "2017", "-F", "json")
    assert out.exit_code == 0, out.stderr
    assert (
        f"{path}: long table; the table has a year column: --year 2017 is not read for it"
    ) in out.stderr.splitlines()
    (gdp,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp"]
    assert gdp["latest"] == {"year": 2018, "value": 352.1}
