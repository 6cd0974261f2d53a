"""Figures in: KEY=VALUE pairs and CSV/YAML/JSON files, with exact units and located errors."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.errors import FiguresError, InputError
from shuangshi_cli.figures import Origin, RawRow, check_rows, load_figures, parse_csv
from shuangshi_cli.messages import Lang
from shuangshi_cli.status import Status
from shuangshi_cli.units import BUILTIN_UNITS, Quantity, convert, parse_quantity

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run


def _value(plan: Plan, pair: str, year: int = 2018) -> Decimal | None:
    figures = load_figures(plan, pairs=[pair], year=year)
    (figure,) = figures.items
    return figure.value


@pytest.mark.parametrize(
    ("pair", "target", "value"),
    [
        ("gdp=352.1", "gdp", Decimal("352.1")),
        ("gdp=352.1亿元", "gdp", Decimal("352.1")),
        ("地区生产总值=352.1", "gdp", Decimal("352.1")),
        ("GDP = 352.1 亿", "gdp", Decimal("352.1")),
        ("fiscal_revenue=412000万元", "fiscal_revenue", Decimal("41.2")),
        ("fiscal_revenue=4120000000元", "fiscal_revenue", Decimal("41.2")),
        ("fiscal_revenue=0.00412万亿元", "fiscal_revenue", Decimal("41.2")),
        ("industrial_output=1,020.5", "industrial_output", Decimal("1020.5")),
        ("gdp_rank=第8位", "gdp_rank", Decimal(8)),
        ("gdp_rank=８", "gdp_rank", Decimal(8)),
    ],
)
def test_pairs(plan: Plan, pair: str, target: str, value: Decimal) -> None:
    figures = load_figures(plan, pairs=[pair], year=2018)
    (figure,) = figures.items
    assert (figure.target, figure.year, figure.value) == (target, 2018, value)


def test_a_status_on_the_command_line(plan: Plan) -> None:
    """A qualitative target takes a status where a quantified one takes its value."""
    figures = load_figures(
        plan, pairs=["fyp13_early=已完成", "innovation_first=on_track"], year=2019
    )
    assert [(f.target, f.value, f.status) for f in figures.items] == [
        ("fyp13_early", None, Status.ACHIEVED),
        ("innovation_first", None, Status.ON_TRACK),
    ]


def test_conversion_is_exact() -> None:
    yi, wan, yuan = (BUILTIN_UNITS.get(u) for u in ("亿元", "万元", "元"))
    assert yi and wan and yuan
    assert convert(Decimal("500001"), wan, yi) == Decimal("50.0001")
    assert convert(Decimal("0.1"), yi, yuan) == Decimal("10000000")
    per_person = BUILTIN_UNITS.get("万元/人")
    assert per_person
    assert convert(Decimal(117746), BUILTIN_UNITS.get("元/人"), per_person) == Decimal("11.7746")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="cannot be converted"):
        convert(Decimal(1), yi, BUILTIN_UNITS.get("%"))  # type: ignore[arg-type]


NOT_NUMBERS = [
    "abc", "1.2.3", "nan", "inf", "", "1,2", "--1", "1-2", "0x10", "1_000", "0o7", "0b1",
    "0x10亿元", "增长0x10%", "0b1 位",
    # digits that are not ASCII or full-width: NFKC would read 10³ as 103
    "10³", "3⁵2", "٣٥٢", "𝟑𝟓𝟐", "①", "۳۵۲亿元",
]  # fmt: skip


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_quantity_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("３５２．１", Decimal("352.1"), None),
        ("－２．７％", Decimal("-2.7"), "%"),
        ("−3.69", Decimal("-3.69"), None),  # the minus sign, as reports print it
        ("352\u3000亿元", Decimal("352"), "亿元"),
        ("8.5㎡", Decimal("8.5"), "m2"),
    ],
)
def test_full_width_forms_and_the_minus_sign_are_read(
    text: str, value: Decimal, unit: str | None
) -> None:
    assert parse_quantity(text) == Quantity(value, unit)


def test_a_year_in_other_digits_is_refused(plan: Plan) -> None:
    rows = [RawRow({"indicator": "gdp", "year": "²⁰¹⁸", "value": "352.1"}, Origin("a.csv", 2))]
    with pytest.raises(InputError, match="'²⁰¹⁸' is not a year"):
        check_rows(rows, plan)
    rows = [RawRow({"indicator": "gdp", "year": "２０１８", "value": "352.1"}, Origin("a.csv", 2))]
    assert [f.year for f in check_rows(rows, plan).items] == [2018]


@pytest.mark.parametrize(
    ("field", "text"), [("year", "2e3"), ("year", "2.018E3"), ("month", "6e0")]
)
def test_a_year_or_month_written_with_an_exponent_is_refused(
    plan: Plan, field: str, text: str
) -> None:
    """2e3 is no year a table writes (it read as 2000); 2018.0, as a program may, is 2018."""
    values = {"indicator": "gdp", "year": "2018", "value": "352.1", field: text}
    with pytest.raises(InputError, match=f"'{text}' is not a {field}"):
        check_rows([RawRow(values, Origin("a.csv", 2))], plan)
    values = {"indicator": "gdp", "year": "2018.0", "value": "352.1"}
    assert [f.year for f in check_rows([RawRow(values, Origin("a.csv", 2))], plan).items] == [2018]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("比上年下降2.7%", Decimal("-2.7"), "%"),
        ("下降０．５％", Decimal("-0.5"), "%"),
        ("降低 0.1", Decimal("-0.1"), None),
        ("同比增长6.1%", Decimal("6.1"), "%"),
        ("增长 8.4 %", Decimal("8.4"), "%"),
        ("提高0.5个百分点", Decimal("0.5"), "个百分点"),
    ],
)
def test_a_change_as_bulletins_write_it(text: str, value: Decimal, unit: str | None) -> None:
    assert parse_quantity(text) == Quantity(value, unit, change=True)


@pytest.mark.parametrize("text", ["下降-2.7%", "增长+1", "增长第8位", "下降", "比上年2.7%"])
def test_a_change_is_a_word_and_a_number(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_quantity(text)


def test_yearly_changes_are_read_where_figures_are_changes(run: Run, tmp_path: Path) -> None:
    """单位GDP能耗比上年下降2.7% is the figure -2.7 of a cumulative change, chained; 增长8.7% a
    growth; a level (城镇化率) takes the figure itself, not its change."""
    path = tmp_path / "f.csv"
    path.write_text(
        "指标,年份,数值\n单位GDP能源消耗降低,2021,比上年下降2.7%\n单位GDP能源消耗降低,2022,下降0.1%\n"
        "全社会研发经费投入增长,2021,增长14.6%\n",
        encoding="utf-8",
    )
    out = run("gap", "-t", "cn-14th-fyp", "-f", str(path), "-F", "json")
    assert out.exit_code == 0, out.stderr
    latest = {r["id"]: r["latest"] for r in json.loads(out.stdout)["results"]}
    assert latest["energy_intensity"] == {"year": 2022, "value": 97.2027}  # 100 × 0.973 × 0.999
    assert latest["rd_growth"] == {"year": 2021, "value": 114.6}
    path.write_text("指标,年份,数值\n常住人口城镇化率,2021,提高0.83个百分点\n", encoding="utf-8")
    out = run("gap", "-t", "cn-14th-fyp", "-f", str(path), "--lang", "zh")
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr == (
        f"{path}:2: value: '提高0.83个百分点' 是比上年的变化；urbanization 应填写指标数值本身\n"
    )


def test_a_yearly_change_of_100_percent_down_is_refused(run: Run, tmp_path: Path) -> None:
    """Chained yearly changes (growth rates, 单位GDP能耗's yearly change, a relative target's
    growth) of -100% or less would take the index to 0 or below: an error, as a real growth
    rate of a level at constant prices is. A level in % may be 0 or fall; -99.9 is a change."""
    path = tmp_path / "f.csv"
    path.write_text(
        "indicator,year,value\nenergy_intensity,2021,-99.9\nenergy_intensity,2022,-150\n"
        "rd_growth,2021,下降100%\nincome_growth,2021,-100.5\nurbanization,2021,0\n",
        encoding="utf-8",
    )
    out = run("gap", "-t", "cn-14th-fyp", "-f", str(path))
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr.splitlines() == [
        f"{path}:3: value: a yearly change of energy_intensity must be above -100% (-150)",
        f"{path}:4: value: a yearly change of rd_growth must be above -100% (-100)",
        f"{path}:5: value: a yearly change of income_growth must be above -100% (-100.5)",
    ]


@pytest.mark.parametrize("text", ["1e400", "1e-400", "1" + "0" * 30])
def test_parse_quantity_refuses_absurd_magnitudes(text: str) -> None:
    with pytest.raises(ValueError, match="out of range"):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("pairs", "year", "message"),
    [
        (
            ["gpd=3"],
            2018,
            "argument 'gpd=3': indicator: unknown indicator 'gpd' (did you mean 'gdp'?)",
        ),
        (["gdp=abc"], 2018, "argument 'gdp=abc': value: 'abc' is not a number"),
        (["gdp=-5"], 2018, "argument 'gdp=-5': value: gdp cannot be negative (-5)"),
        (["gdp=5%"], 2018, "argument 'gdp=5%': unit: gdp is measured in 亿元; % does not fit"),
        (["gdp=5 亿美元"], 2018, "argument 'gdp=5 亿美元': unit: unknown unit '亿美元'"),
        (["gdp_rank=0"], 2018, "a rank is a whole number from 1, not 0"),
        (["gdp_rank=2.5"], 2018, "a rank is a whole number from 1, not 2.5"),
        (["gdp"], 2018, "argument 'gdp': expected INDICATOR=VALUE"),
        (
            ["gdp==352"],
            2018,
            "argument 'gdp==352': value: '=352' is not a number (one = between "
            "the name and the figure: gdp=352)",
        ),
        (["gdp=5"], None, "argument 'gdp=5': --year is required"),
        (["gdp=5"], 1900, "year: year 1900 is outside 1949–2100"),
        (["gdp=5"], 2101, "year: year 2101 is outside 1949–2100"),
        (["fyp13_early=3"], 2018, "fyp13_early is qualitative: give a status, not a value"),
        (["fyp13_early=maybe"], 2018, "value: unknown status 'maybe'; use one of: achieved"),
    ],
)
def test_bad_pairs(plan: Plan, pairs: list[str], year: int | None, message: str) -> None:
    with pytest.raises(FiguresError) as caught:
        load_figures(plan, pairs=pairs, year=year)
    assert message in str(caught.value)


CSV = "indicator,year,value,unit,note\ngdp,2016,300,亿元,\ngdp,2017,320.5,,\n财政总收入,2017,36,亿元,快报\n"


def test_csv_with_and_without_bom(plan: Plan, tmp_path: Path) -> None:
    for name, data in (("a.csv", CSV.encode()), ("b.csv", b"\xef\xbb\xbf" + CSV.encode())):
        path = tmp_path / name
        path.write_bytes(data)
        figures = load_figures(plan, [str(path)])
        assert [(f.target, f.year, f.value) for f in figures.items] == [
            ("gdp", 2016, Decimal(300)), ("gdp", 2017, Decimal("320.5")),
            ("fiscal_revenue", 2017, Decimal(36)),
        ]  # fmt: skip


def test_blank_rows_of_a_template_are_skipped(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(
        "indicator,year,value,unit\ngdp,2017,,亿元\ngdp,2018,352.1,亿元\n", encoding="utf-8"
    )
    assert [f.year for f in load_figures(plan, [str(path)]).items] == [2018]
    with pytest.raises(FiguresError, match="argument 'gdp=': value: no value for gdp"):
        load_figures(plan, pairs=["gdp="], year=2018)


def test_chinese_headers_and_comments(plan: Plan) -> None:
    text = "# 来源：统计公报\n指标,年份,数值,单位\n地区生产总值,2017年,320,亿元\n\n"
    (row,) = parse_csv(text, "x.csv")
    assert row.values == {
        "indicator": "地区生产总值",
        "year": "2017年",
        "value": "320",
        "unit": "亿元",
    }
    assert row.origin.line == 3


def test_gbk_file_is_read(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_bytes(CSV.replace("gdp", "地区生产总值").encode("gb18030"))
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text(CSV, encoding="utf-8")
    assert load_figures(plan, [str(path)]) == load_figures(plan, [str(utf8)])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("indicator,year,value\ngdp,,3\n", "figures.csv:2: year: no year"),
        (
            "indicator,year,value\ngdp,2017.5,3\n",
            "figures.csv:2: year: '2017.5' is not a whole year",
        ),
        ("indicator,yaer,value\n", "figures.csv:1: unknown column 'yaer' (did you mean 'year'?)"),
        ("indicator,value\n", "figures.csv:1: the header has no 'year' column"),
        ("indicator,year,value\ngdp,2017,3,4\n", "figures.csv:2: 4 cells but 3 columns"),
        (
            "indicator,year,value,month\ngdp_rank,2017,3,9\n",
            "month: gdp_rank is not a flow over the year",
        ),
        ("indicator,year,value,month\ngdp,2017,3,13\n", "month: month 13 is outside 1–11"),
        ("indicator,year,value,month\ngdp,2017,3,0\n", "month: month 0 is outside 1–11"),
        ("indicator,year,value,status\nfyp13_early,2019,,done\n", "status: unknown status 'done'"),
        (
            "indicator,year,value,month,status\ngdp,2019,3,9,achieved\n",
            "a hand verdict judges a whole year",
        ),
        ("", "figures.csv: the file is empty"),
    ],
)
def test_bad_csv(plan: Plan, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FiguresError) as caught:
        load_figures(plan, [str(path)])
    assert message in str(caught.value)


def test_every_bad_row_is_reported(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(
        "indicator,year,value\ngdp,2017,x\ngdp,2018,300\nfoo,2018,1\n", encoding="utf-8"
    )
    with pytest.raises(FiguresError) as caught:
        load_figures(plan, [str(path)])
    assert [p.line for p in caught.value.problems] == [2, 4]


def test_duplicates(plan: Plan, tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.yaml"
    a.write_text("indicator,year,value\ngdp,2017,320\n", encoding="utf-8")
    b.write_text("- {indicator: gdp, year: 2017, value: 3200000万元}\n", encoding="utf-8")
    assert len(load_figures(plan, [str(a), str(b)])) == 1  # the same figure twice is fine
    b.write_text("- {indicator: gdp, year: 2017, value: 321}\n", encoding="utf-8")
    with pytest.raises(FiguresError) as caught:
        load_figures(plan, [str(a), str(b)])
    assert str(caught.value) == f"{b}:1: value: gdp 2017 is 321 here but 320 at {a}:2"
    # the same value with two verdicts given by hand: the verdicts differ, not the value
    a.write_text("indicator,year,value,status\ngdp,2017,320,achieved\ngdp,2017,320,missed\n")
    with pytest.raises(FiguresError) as caught:
        load_figures(plan, [str(a)])
    assert str(caught.value) == f"{a}:3: status: gdp 2017 is missed here but achieved at {a}:2"
    # ... in the reader's words
    assert caught.value.lines(Lang.ZH) == [
        f"{a}:3: status: gdp 2017 此处为 未实现，但在 {a}:2 为 已实现"
    ]


def test_yaml_and_json_figures(plan: Plan, tmp_path: Path) -> None:
    yml = tmp_path / "f.yaml"
    yml.write_text(
        "figures:\n  - indicator: gdp\n    year: 2017\n    value: 320.5\n", encoding="utf-8"
    )
    jsn = tmp_path / "f.json"
    jsn.write_text('[{"indicator": "gdp_rank", "year": 2017, "value": 9}]', encoding="utf-8")
    figures = load_figures(plan, [str(yml), str(jsn)])
    assert {(f.target, f.value) for f in figures.items} == {
        ("gdp", Decimal("320.5")),
        ("gdp_rank", 9),
    }


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "f.json",
            '[{"indicator": "gdp", "year": 2017, "value": 1',
            "f.json:1:47: not valid JSON: Expecting ',' delimiter",
        ),
        ("f.json", '{"gdp": 3}', "f.json:1:1: expected a list of figures"),
        (
            "f.yaml",
            "- indicator: gdp\n  year: 2017\n  valu: 3\n",
            "f.yaml:3:3: [0].valu: unknown key",
        ),
        ("f.yaml", "- [gdp, 2017, 3]\n", "f.yaml:1:3: [0]: a figure is a mapping"),
        (
            "f.yaml",
            "- {indicator: gdp, year: 2017, value: [3]}\n",
            "f.yaml:1: value: [3] is not a number",
        ),
        (
            "f.yaml",
            "- {indicator: gdp, year: 2017, value: .nan}\n",
            "value: '.nan' is not a number",
        ),
    ],
)
def test_bad_structured_files(
    plan: Plan, tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FiguresError) as caught:
        load_figures(plan, [str(path)])
    assert f"{tmp_path}/{message}" in str(caught.value) or message in str(caught.value)


def test_missing_file(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(FiguresError, match="no such file"):
        load_figures(plan, [str(tmp_path / "nope.csv")])


def test_manual_status(plan: Plan) -> None:
    figures = load_figures(plan, [], [])
    assert len(figures) == 0
    text = "indicator,year,value,status\nfyp13_early,2018,,已完成\n"
    from shuangshi_cli.figures import check_rows

    figures = check_rows(parse_csv(text, "x.csv"), plan)
    assert figures.items[0].status is Status.ACHIEVED


def test_value_and_unit_column_must_agree(plan: Plan) -> None:
    from shuangshi_cli.figures import check_rows

    rows = parse_csv("indicator,year,value,unit\ngdp,2017,3200000万元,亿元\n", "x.csv")
    with pytest.raises(FiguresError, match="the value says 万元 but the unit column says 亿元"):
        check_rows(rows, plan)
    rows = parse_csv("indicator,year,value,unit\ngdp,2017,320亿,亿元\n", "x.csv")
    assert check_rows(rows, plan).items[0].value == 320


@pytest.mark.parametrize(
    "text",
    [
        "indicator,year,value\rgdp,2016,300\rgdp,2018,352.1\r",  # an old Mac's lines
        "indicator;year;value\ngdp;2016;300\ngdp;2018;352.1\n",  # where a comma is a decimal mark
        "indicator\tyear\tvalue\r\ngdp\t2016\t300\r\ngdp\t2018\t352.1\r\n",  # Excel's Unicode text
        '标题,,\nindicator,year,value,note\ngdp,2016,300,"a;b;c;d"\ngdp,2018,352.1,"e;f;g;h"\n',
    ],
)
def test_csv_lines_and_delimiters(plan: Plan, text: str) -> None:
    figures = check_rows(parse_csv(text, "f.csv"), plan)
    assert [(f.year, f.value) for f in figures.annual("gdp")] == [
        (2016, Decimal(300)),
        (2018, Decimal("352.1")),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2018年主要指标（初步核算; 单位：亿元）\nindicator,year,value\ngdp,2016,300\ngdp,2018,352.1\n",
        "濉溪县, 2018年主要指标\nindicator\tyear\tvalue\ngdp\t2016\t300\ngdp\t2018\t352.1\n",
    ],
)
def test_the_header_says_the_delimiter_not_a_title_above_it(plan: Plan, text: str) -> None:
    figures = check_rows(parse_csv(text, "f.csv"), plan)
    assert [f.value for f in figures.annual("gdp")] == [Decimal(300), Decimal("352.1")]


def test_a_comma_in_a_number_of_a_semicolon_table_is_refused(plan: Plan) -> None:
    """64,720 is 64.72 where the comma is the decimal mark, and 64720 where it groups thousands:
    never guessed."""
    text = "indicator;year;value\ngdp;2016;300\ngdp;2017;1,020\ngdp;2018;352,1\n"
    with pytest.raises(FiguresError) as caught:
        parse_csv(text, "f.csv")
    assert caught.value.lines() == [
        f"f.csv:{n}: value: '{v}': in a table separated by semicolons, a comma may be a decimal "
        "mark: write the number without it (64.72, 64720)"
        for n, v in ((3, "1,020"), (4, "352,1"))
    ]


def test_an_indicator_yaml_reads_as_a_boolean(plan: Plan, tmp_path: Path) -> None:
    """YAML 1.1 reads NO (or off, y) as false: the name is gone, so the message says to quote it
    rather than naming an indicator 'False'."""
    path = tmp_path / "f.yaml"
    path.write_text("- {indicator: NO, year: 2018, value: 1}\n", encoding="utf-8")
    with pytest.raises(FiguresError) as caught:
        load_figures(plan, [str(path)])
    assert str(caught.value) == (
        f"{path}:1: indicator: the indicator reads as a YAML boolean (yes, no, on, off): quote "
        "the name"
    )


@pytest.mark.parametrize("written", ["0x10", "0b11", "1_000", "352.", "1_000.5"])
def test_yaml_numbers_are_decimal_as_in_a_table(plan: Plan, tmp_path: Path, written: str) -> None:
    # YAML 1.1 reads 0x10 as 16: a table's cell or an argument refuses it, so YAML does too
    path = tmp_path / "f.yaml"
    path.write_text(f"- {{indicator: gdp, year: 2018, value: {written}}}\n", encoding="utf-8")
    with pytest.raises(FiguresError, match=f"value: '{written}' is not a number"):
        load_figures(plan, [str(path)])
    path.write_text(f"- {{indicator: gdp, year: {written}, value: 352}}\n", encoding="utf-8")
    with pytest.raises(FiguresError, match="is not a"):
        load_figures(plan, [str(path)])


@pytest.mark.parametrize(("written", "value"), [("017", 17), ("352.10", Decimal("352.1")),
                                                (".5", Decimal("0.5")), ("1.5e2", 150)])  # fmt: skip
def test_yaml_decimal_numbers(plan: Plan, tmp_path: Path, written: str, value: Decimal) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(f"- {{indicator: gdp, year: 2018, value: {written}}}\n", encoding="utf-8")
    (figure,) = load_figures(plan, [str(path)]).items
    assert figure.value == value


def test_a_typo_of_a_unit_in_figures_gets_did_you_mean(run: Run) -> None:
    out = run("gap", "--year", "2018", "gdp=352.1亿园")
    assert (out.exit_code, out.stderr) == (
        2,
        "argument 'gdp=352.1亿园': unit: unknown unit '亿园' (did you mean '亿元', '亿吨' or "
        "'亿斤'?)\n",
    )
