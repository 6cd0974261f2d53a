"""Hostile inputs and environment faults: each ends in one located line and exit 2, or a result."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from shuangshi_cli import fileio, yamlload
from shuangshi_cli.errors import InputError
from shuangshi_cli.plan_load import embedded_plan_text
from tests.helpers import DATA

if TYPE_CHECKING:
    from typer.testing import Result

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

WHATIF = ("whatif", "gdp", "--year", "2018", "--figure", "gdp=352.1")


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _fails(result: Result, *lines: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == "".join(line + "\n" for line in lines)


# -- never finishes: out-of-range numbers refused before they are converted ----------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "f.csv",
            "indicator,year,value\ngdp,1e999999,3\n",
            "f.csv:2: year: '1e999999' is not a year",
        ),
        (
            "f.json",
            '[{"indicator": "gdp", "year": 1e999999, "value": 3}]',
            "f.json:1: year: year 1E+999999 is outside 1949–2100",
        ),
        (
            "f.yaml",
            "- {indicator: gdp, year: 2018, month: 1e999999, value: 3}\n",
            "f.yaml:1: month: '1e999999' is not a month",
        ),
        (
            "f.yaml",
            "- {indicator: gdp, year: -1e999999, value: 3}\n",
            "f.yaml:1: year: '-1e999999' is not a year",
        ),
        (
            "f.csv",
            "indicator,year,value\ngdp," + "9" * 5000 + ",3\n",
            "f.csv:2: year: year " + "9" * 40 + "…(5000 characters) is outside 1949–2100",
        ),
    ],
)
def test_huge_years_and_months_are_refused(
    run: Run, tmp_path: Path, name: str, text: str, message: str
) -> None:
    _fails(run("gap", "-f", _file(tmp_path, name, text)), str(tmp_path / message))


@pytest.mark.parametrize("by", ["1000000000", "99999", "2101", "-5"])
def test_whatif_by_out_of_range(run: Run, by: str) -> None:
    _fails(run(*WHATIF, "--by", by), f"--by {by} is outside 1949–2100")


def test_whatif_deflator_out_of_range(run: Run) -> None:
    _fails(
        run(*WHATIF, "-g", "5%", "--deflator", "1e20%"),
        "a deflator of 1e+20% a year makes no sense",
    )


def test_long_values_are_cut_in_error_lines(run: Run) -> None:
    value = "1" * 100_000
    result = run("gap", "--year", "2018", f"gdp={value}")
    shown = "'gdp=" + "1" * 36 + "'…(100004 characters)"
    quoted = "'" + "1" * 40 + "'…(100000 characters)"
    _fails(result, f"argument {shown}: value: {quoted} is out of range (1e-20 to 1e20)")


# -- never finishes: what is read is bounded -----------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("option", ["-f", "--targets", "--peers"])
def test_dev_zero_is_read_to_a_limit(run: Run, option: str) -> None:
    _fails(
        run("gap", option, "/dev/zero"), "/dev/zero: the file is larger than 64 MB, the most read"
    )


def test_stdin_is_read_to_a_limit(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fileio, "MAX_BYTES", 10)
    _fails(
        run("gap", "-f", "-", input=b"0" * 11),
        "<stdin>: the file is larger than 0 MB, the most read",
    )


def test_closed_stdin_is_an_error() -> None:
    command = f"exec {sys.executable} -m shuangshi_cli gap -f - 0<&-"
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        "<stdin>: cannot read: stdin is closed\n",
    )


def test_yaml_text_is_bounded_before_parsing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlload, "MAX_CHARS", 2_000_000)
    path = _file(tmp_path, "p.yaml", "plan:\n  title: " + "x" * 2_000_000 + "\n")
    _fails(
        run("validate", path),
        f"{path}: the file is larger than 2 MB, the most read as YAML or JSON (give a large table of figures as CSV)",
    )


def test_yaml_nodes_are_counted_while_parsing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlload, "MAX_NODES", 1000)
    path = _file(tmp_path, "f.yaml", "[" + "1, " * 2000 + "1]\n")
    _fails(
        run("gap", "-f", path),
        f"{path}:1:2999: the document has more than 1000 values, the most read as YAML (give "
        "a large table of figures as CSV or JSON)",
    )


def test_yaml_events_beyond_the_limit_are_counted_as_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    # libyaml's count of events (ends of lists and mappings too) only lets a small document
    # through unread; one of more events than MAX_NODES is counted node by node
    monkeypatch.setattr(yamlload, "MAX_NODES", 10)
    nested = "[[[[[1]]]]]"  # 6 nodes, 6 + 5 ends + 4 stream and document events
    assert yamlload.load_yaml(nested, "n.yaml").data == [[[[[1]]]]]
    with pytest.raises(InputError) as raised:
        yamlload.load_yaml("[[[[[[[[[[[1]]]]]]]]]]]", "m.yaml")  # 12 nodes
    assert str(raised.value).startswith("m.yaml:1:11: the document has more than 10 values")


def test_yaml_escapes_are_checked_in_a_clean_text() -> None:
    # the text holds no control character, its escape writes one into the string
    with pytest.raises(InputError) as raised:
        yamlload.load_yaml('plan:\n  title: "a\\u001bb"\n', "e.yaml")
    assert "U+001B" in str(raised.value)


# -- YAML and JSON oddities -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("character", "code"),
    [
        ("\x00", "U+0000"),
        ("\x07", "U+0007"),
        ("\x1b", "U+001B"),
        ("\x7f", "U+007F"),
        ("\ufffe", "U+FFFE"),
    ],
)
def test_control_characters_in_yaml_give_line_and_column(
    run: Run, tmp_path: Path, character: str, code: str
) -> None:
    path = _file(tmp_path, "p.yaml", f"plan:\n  title: a{character}b\n")
    # text files are checked before YAML sees them (U+FFFE is YAML's own to refuse)
    expected = (
        f"{path}:2:11: not valid YAML: the character {code} is not allowed"
        if code == "U+FFFE"
        else f"{path}:2:11: the file is not text: the character {code} is not allowed"
    )
    _fails(run("validate", path), expected)


@pytest.mark.parametrize("loader", [yaml.SafeLoader, yamlload._LOADER])
def test_a_lone_surrogate_in_a_yaml_name(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: type[yaml.SafeLoader]
) -> None:
    monkeypatch.setattr(yamlload, "_LOADER", loader)
    text = (
        (DATA / "city_plan.yaml")
        .read_text(encoding="utf-8")
        .replace("name: 地区生产总值年均增长\n", 'name: "\\ud800"\n', 1)
    )
    path = _file(tmp_path, "p.yaml", text)
    result = run("validate", path)
    assert result.exit_code == 2
    message = "targets[0].name: a lone surrogate (\\ud800–\\udfff) is not a character"
    if loader is yaml.SafeLoader:  # libyaml refuses the escape itself
        assert result.stderr == f"{path}:21:11: {message}\n"
    else:
        assert result.stderr.startswith(f"{path}:21:")
        assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "f.yaml",
            "- {indicator: gdp, year: !!timestamp 'bogus', value: 3}\n",
            "f.yaml:1:26: [0].year: 'bogus' is not a date (YYYY-MM-DD)",
        ),
        (
            "f.yaml",
            "- {indicator: gdp, year: 2018, value: !!bool 'maybe'}\n",
            "f.yaml:1:39: [0].value: 'maybe' is not a boolean (true or false)",
        ),
        ("f.json", "[" * 100_000 + "]" * 100_000, "f.json: the document is nested too deeply"),
        (
            "f.json",
            '[{"indicator": "gdp", "year": ' + "9" * 5000 + ', "value": 3}]',
            "f.json:1: year: year " + "9" * 40 + "…(5000 characters) is outside 1949–2100",
        ),
    ],
)
def test_odd_structured_figures(
    run: Run, tmp_path: Path, name: str, text: str, message: str
) -> None:
    _fails(run("gap", "-f", _file(tmp_path, name, text)), str(tmp_path / message))


def test_timestamp_and_bool_tags_in_a_plan(run: Run, tmp_path: Path) -> None:
    text = (DATA / "city_plan.yaml").read_text(encoding="utf-8")
    text = text.replace("issued: 2016-02-20", "issued: !!timestamp 'bogus'").replace(
        "flow: true", "flow: !!bool 'maybe'", 1
    )
    path = _file(tmp_path, "p.yaml", text)
    result = run("validate", path)
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0]
        == f"{path}:7:11: plan.issued: 'bogus' is not a date (YYYY-MM-DD)"
    )


# -- internal errors of the arithmetic ------------------------------------------------------------

HUGE_PLAN = """\
plan:
  title: t
  issuer: i
  issued: 2016-01-01
  region: {name: 某县}
  period: {start: 2016, end: 2020}
  base_year: 2015
targets:
  - {id: g, name: 总量, name_en: g, kind: level, unit: 元, comparison: ">=", value: 1e20, deadline: 2020, flow: true}
  - {id: r, name: 增长率, name_en: r, kind: growth, unit: "%", comparison: ">=", value: 1e20, figure_unit: 元, deadline: 2020}
  - {id: c, name: 变化, name_en: c, kind: change, unit: "%", comparison: ">=", value: 10, figure_unit: 元, deadline: 2020}
"""
HUGE_FIGURES = "indicator,year,value\ng,2015,1e-20\ng,2016,1e-19\nr,2015,1e-20\nr,2016,1e20\nc,2015,1e-16\nc,2016,1\n"


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
@pytest.mark.parametrize("command", ["gap", "path"])
def test_extreme_ratios_give_a_result(run: Run, tmp_path: Path, command: str, fmt: str) -> None:
    plan = _file(tmp_path, "p.yaml", HUGE_PLAN)
    figures = _file(tmp_path, "f.csv", HUGE_FIGURES)
    result = run(command, "-t", plan, "-f", figures, "-F", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "1e-20元",
            "argument 'gdp=1e-20元': value: 1e-20元 is 1e-28 亿元, out of range (1e-20 to 1e20)",
        ),
        (
            "1e20万亿元",
            "argument 'gdp=1e20万亿元': value: 1e20万亿元 is 1e+24 亿元, out of range (1e-20 to 1e20)",
        ),
    ],
)
def test_range_is_checked_after_the_unit_conversion(run: Run, value: str, message: str) -> None:
    _fails(run("gap", "--year", "2018", f"gdp={value}"), message)


def test_a_compound_path_from_zero(run: Run) -> None:
    result = run(
        "path",
        "-t",
        str(DATA / "city_plan.yaml"),
        "--year",
        "2016",
        "--figure",
        "gdp_growth=0",
        "-F",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    assert "gdp_growth" not in {p["id"] for p in json.loads(result.stdout)["paths"]}


@pytest.mark.parametrize(
    ("factor", "shown"), [("1e400", "1E+400"), ("1e-400", "1E-400"), ("1e-999999", "1E-999999")]
)
def test_unit_factor_out_of_range(run: Run, tmp_path: Path, factor: str, shown: str) -> None:
    text = (
        (DATA / "city_plan.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "    dimension: concentration\n",
            f"    dimension: concentration\n    factor: {factor}\n",
        )
    )
    path = _file(tmp_path, "p.yaml", text)
    _fails(
        run("validate", path),
        f"{path}:16:13: units[0].factor: {shown} is out of range (1e-20 to 1e20)",
    )


# -- accepted without a word: plans --------------------------------------------------------------

CITY = (DATA / "city_plan.yaml").read_text(encoding="utf-8")
TOWNS = (DATA / "towns.yaml").read_text(encoding="utf-8")


def _embedded() -> str:
    from shuangshi_cli.plan import embedded_plan_text

    return embedded_plan_text()


def _plan_fails(run: Run, tmp_path: Path, text: str, *lines: str) -> None:
    path = _file(tmp_path, "p.yaml", text)
    _fails(run("validate", path), *(f"{path}:{line}" for line in lines))


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "on_track: 0.9, acceleration_needed: 0.5",
            "on_track: 0.5, acceleration_needed: 0.9",
            "11:52: plan.thresholds.acceleration_needed: must not be above on_track",
        ),
        (
            "on_track: 0.9,",
            "on_track: 1.0e+999,",
            "11:26: plan.thresholds.on_track: Input should be a finite number",
        ),
        (
            "issued: 2016-02-20",
            "issued: 2021-01-01",
            "7:11: plan.issued: issued after the period ends (2020)",
        ),
        (
            "name_en: Urbanisation rate",
            "name_en: ' '",
            "45:14: targets[2].name_en: must not be blank (nor only invisible characters)",
        ),
        (
            "name: 常住人口城镇化率",
            'name: "\\u200b"',
            "44:11: targets[2].name: must not be blank (nor only invisible characters)",
        ),
        (
            "  - symbol: 微克/立方米",
            "  - symbol: ' '",
            "14:13: units[0].symbol: must not be blank (nor only invisible characters)",
        ),
    ],
)
def test_plan_problems_are_refused(run: Run, tmp_path: Path, old: str, new: str, line: str) -> None:
    assert old in CITY
    path = _file(tmp_path, "p.yaml", CITY.replace(old, new, 1))
    result = run("validate", path)
    assert result.exit_code == 2
    # the problem first; what follows from it (a unit no longer declared) may be listed too
    assert result.stderr.splitlines()[0] == f"{path}:{line}"


@pytest.mark.parametrize(
    ("shares", "month", "column"),
    [
        ("[0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99, 100]", 11, 67),
        ("[0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 60, 70, 80, 90, 95, 100]", 6, 42),
    ],
)
def test_a_seasonal_profile_on_mixed_scales(
    run: Run, tmp_path: Path, shares: str, month: int, column: int
) -> None:
    text = _embedded().replace("    flow: true\n", f"    flow: true\n    seasonal: {shares}\n", 1)
    path = _file(tmp_path, "p.yaml", text)
    result = run("validate", path)
    before = shares.strip("[]").split(", ")[month - 1]
    assert result.stderr == (
        f"{path}:48:{column}: targets[0].seasonal[{month - 1}]: the profile ends at 100 (percent) "
        f"but month {month} is {before}: give every share as a fraction of 1, or every one in "
        "percent\n"
    )


@pytest.mark.parametrize(
    "shares",
    [
        "[0.5, 3, 8, 15, 25, 35, 45, 55, 65, 75, 88, 100]",
        "[0, 0, 5, 15, 25, 35, 45, 55, 65, 75, 88, 100]",
    ],
)
def test_a_percentage_profile_may_start_low(run: Run, tmp_path: Path, shares: str) -> None:
    text = _embedded().replace("    flow: true\n", f"    flow: true\n    seasonal: {shares}\n", 1)
    assert run("validate", _file(tmp_path, "p.yaml", text)).exit_code == 0


def test_history_and_baseline_disagree(run: Run, tmp_path: Path) -> None:
    text = _embedded()
    assert "      value: 10\n" in text
    text = text.replace("    history:\n", "    history:\n      - {year: 2016, value: 11}\n", 1)
    path = _file(tmp_path, "p.yaml", text)
    result = run("validate", path)
    assert result.exit_code == 2
    assert "targets[1].history[0].value: 2016 is 11 here but 10 in baseline\n" in result.stderr


@pytest.mark.parametrize(
    ("ranks", "message"),
    [
        ("gdp_rank", "a rank target cannot rank itself"),
        (
            "innovation_first",
            "innovation_first is qualitative: a rank ranks an indicator with figures",
        ),
    ],
)
def test_what_a_rank_target_ranks(run: Run, tmp_path: Path, ranks: str, message: str) -> None:
    text = _embedded()
    old = "    ranks:\n      indicator: gdp\n"
    assert old in text
    path = _file(tmp_path, "p.yaml", text.replace(old, f"    ranks:\n      indicator: {ranks}\n"))
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"targets[1].ranks.indicator: {message}\n")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{indicator: gdp, value: 0}", "a compound target must be above 0 (use progress: linear)"),
        ("{indicator: gdp, value: 1e400}", "1E+400 is out of range (1e-20 to 1e20)"),
        ("{indicator: gdp_rank, value: 2.5}", "a rank is a whole number from 1"),
    ],
)
@pytest.mark.parametrize("command", [("validate",), ("scoreboard",), ("gap", "--part", "刘桥")])
def test_validate_catches_what_parts_fail_on(
    run: Run, tmp_path: Path, value: str, message: str, command: tuple[str, ...]
) -> None:
    towns = TOWNS.replace("      - {indicator: gdp, value: 60}\n", f"      - {value}\n", 1)
    path = _file(tmp_path, "p.yaml", _embedded() + "\n" + towns)
    result = run(*command, "-t", path) if command[0] != "validate" else run("validate", path)
    line = next(
        i
        for i, text in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1)
        if value in text
    )
    column = Path(path).read_text(encoding="utf-8").splitlines()[line - 1].index("value:") + 8
    _fails(result, f"{path}:{line}:{column}: parts[0].targets[0].value: {message}")


@pytest.mark.parametrize("option", ["--on-track", "--acceleration"])
@pytest.mark.parametrize(
    ("ratio", "message"),
    [("inf", "must be a finite pace ratio, not inf"), ("nan", "must be a finite pace ratio, not nan"),
     ("-1", "is a pace ratio from 0, not -1.0")],
)  # fmt: skip
def test_thresholds_that_are_no_pace_ratio_on_the_command_line(
    run: Run, option: str, ratio: str, message: str
) -> None:
    result = run("check", "--year", "2018", "gdp=352", option, ratio)
    _fails(result, f"{option} {message}")


# -- accepted without a word: peers ---------------------------------------------------------------

PEERS = "region,year,indicator,value\n甲县,2018,gdp,600\n濉溪县,2018,gdp,352.1\n"


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        (
            "region,year,indicator,value,month",
            "乙县,2018,gdp,300,6",
            "month: a peer table ranks whole-year figures: cumulative month figures do not fit",
        ),
        (
            "region,year,indicator,value,status",
            "乙县,2018,gdp,300,achieved",
            "status: a peer table ranks figures, not statuses",
        ),
        (
            "region,year,indicator,value,part",
            "乙县,2018,gdp,300,刘桥镇",
            "part: a peer table ranks regions, not the parts of one",
        ),
        (
            "region,year,indicator,value",
            "乙县,2018,innovation_first,3",
            "indicator: innovation_first is qualitative: a peer table gives figures to rank",
        ),
        (
            "region,year,indicator,status",
            "乙县,2018,innovation_first,achieved",
            "status: a peer table ranks figures, not statuses",
        ),
    ],
)
def test_peer_rows_that_cannot_be_ranked(
    run: Run, tmp_path: Path, header: str, row: str, message: str
) -> None:
    path = _file(tmp_path, "peers.csv", f"{header}\n{row}\n")
    _fails(run("gap", "--peers", path), f"{path}:2: {message}")


def test_peers_with_a_part(run: Run, tmp_path: Path) -> None:
    plan = _file(tmp_path, "p.yaml", _embedded() + "\n" + TOWNS)
    peers = _file(tmp_path, "peers.csv", PEERS)
    _fails(
        run("gap", "-t", plan, "--part", "刘桥", "--peers", peers),
        "--peers ranks the whole region: it does not apply with --part",
    )


def test_peers_without_a_rank_target(run: Run, tmp_path: Path) -> None:
    peers = _file(tmp_path, "peers.csv", PEERS)
    _fails(
        run("gap", "-t", str(DATA / "city_plan.yaml"), "--peers", peers),
        "--peers needs a rank target that says what it ranks (ranks: indicator); this plan has none",
    )


# -- accepted without a word: figures files ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "f.csv",
            "indicator,id,year,value\ngdp,gdp_rank,2018,3\n",
            "f.csv:1: the columns 'indicator' and 'id' both give the indicator",
        ),
        (
            "f.csv",
            "indicator,year,年份,value\ngdp,2018,2017,3\n",
            "f.csv:1: the columns 'year' and '年份' both give the year",
        ),
        (
            "f.csv",
            "indicator,year,value,year\ngdp,2018,3,2017\n",
            "f.csv:1: the column 'year' is there twice",
        ),
        (
            "f.csv",
            "indicator,year\ngdp,2018\n",
            "f.csv:1: the header has no 'value' column (nor 'status')",
        ),
        ("f.csv", "indicator,year,value\ngdp,2018\n", "f.csv:2: 2 cells but 3 columns"),
        (
            "f.csv",
            'indicator,year,value\ngdp,2018,"352\ngdp,2017,300\n',
            'f.csv:2: a quoted cell runs to the end of the file: is a closing quote (") missing?',
        ),
        (
            "f.csv",
            'indicator,year,value\ngdp,2018,"352\n',
            'f.csv:2: a quoted cell runs to the end of the file: is a closing quote (") missing?',
        ),
        (
            "f.csv",
            'indicator,year,value\ngdp,2018,"352',
            'f.csv:2: a quoted cell runs to the end of the file: is a closing quote (") missing?',
        ),
        ("f.yaml", "- {}\n", "f.yaml:1: indicator: no indicator"),
        (
            "f.yaml",
            "- {indicator: gdp, year: 2018, value: null}\n",
            "f.yaml:1: value: no value for gdp",
        ),
        (
            "f.yaml",
            "- {indicator: gdp, id: gdp_rank, year: 2018, value: 3}\n",
            "f.yaml:1:20: [0].id: the keys 'indicator' and 'id' both give the indicator",
        ),
        (
            "f.json",
            '[{"indicator": "gdp", "year": 2018, "value": 3, "extra": 1}]',
            "f.json:1:49: [0].extra: unknown key; keys are indicator, year, value, unit, month, part, status, note, region",
        ),
        (
            "f.yaml",
            "- {indicator: gdp, year: 2018, value: 2018-01-01}\n",
            "f.yaml:1: value: 2018-01-01 is not a number",
        ),
    ],
)
def test_figures_that_were_dropped_or_misread(
    run: Run, tmp_path: Path, name: str, text: str, message: str
) -> None:
    _fails(run("check", "-f", _file(tmp_path, name, text)), str(tmp_path / message))


def test_a_quote_closed_lines_later(run: Run, tmp_path: Path) -> None:
    path = _file(tmp_path, "f.csv", 'indicator,year,value,note\ngdp,2018,"352\ngdp,2017,300",\n')
    _fails(
        run("gap", "-f", path),
        f'{path}:2: a quoted cell runs to line 3: is a closing quote (") missing?',
    )
    note = _file(tmp_path, "n.csv", 'indicator,year,value,note\ngdp,2018,352,"two\nlines"\n')
    assert run("gap", "-f", note).exit_code == 0


def test_a_blank_template_row_is_still_no_figure(run: Run, tmp_path: Path) -> None:
    path = _file(
        tmp_path, "f.csv", "indicator,year,value,unit\ngdp,2018,,亿元\ngdp,2019,420,亿元\n"
    )
    result = run("gap", "-f", path, "-F", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"][0]["latest"] == {"year": 2019, "value": 420}


def test_a_gap_in_a_chain_of_growth_rates_names_the_file(run: Run, tmp_path: Path) -> None:
    path = _file(
        tmp_path, "f.csv", "indicator,year,value\nreal_growth,2016,7\nreal_growth,2018,7\n"
    )
    _fails(
        run("gap", "-t", str(DATA / "city_plan.yaml"), "-f", path),
        f"{path}:3: year: real_growth: annual growth rates are chained from 2015; 2017 is missing",
    )


# -- options -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "3"], "--month is the month of ID=VALUE figures, and none is given"),
        (
            ["--year", "2018"],
            "--year is the year of ID=VALUE figures (or of a wide table's months), and none is given (to ignore later figures: --as-of)",
        ),
        (["--lang", "enx"], "--lang must be zh or en, not 'enx'"),
        (["--lang", "zhx"], "--lang must be zh or en, not 'zhx'"),
    ],
)
def test_options_that_were_ignored(run: Run, args: list[str], message: str) -> None:
    _fails(run("gap", *args), message)


@pytest.mark.parametrize("lang", ["zh-CN", "zh_TW", "en-GB", "en_US.UTF-8", "EN"])
def test_language_tags_are_still_accepted(run: Run, lang: str) -> None:
    assert run("targets", "--lang", lang).exit_code == 0


RANK = ("whatif", "gdp_rank", "--year", "2018", "--figure", "gdp_rank=8")


@pytest.mark.parametrize("step", ["5%", "-1亿元"])
def test_a_rank_step_with_a_unit_that_does_not_fit(run: Run, step: str) -> None:
    _fails(
        run(*RANK, "-g", step),
        f"--growth: gdp_rank moves by a step in 位 a year (such as -1), not '{step}'",
    )


def test_a_rank_step_in_places(run: Run) -> None:
    assert (
        run(*RANK, "-g", "-1位", "-F", "json").stdout == run(*RANK, "-g", "-1", "-F", "json").stdout
    )


def test_ranks_are_not_projected_beyond_first(run: Run) -> None:
    result = run(*RANK, "-g", "-10", "--by", "2030", "-F", "json")
    assert result.exit_code == 0
    values = [v["value"] for s in json.loads(result.stdout)["scenarios"] for v in s["values"]]
    assert min(values) == 1


def test_an_argument_that_is_not_utf8(run: Run) -> None:
    arg = b"gdp=\xff".decode("utf-8", "surrogateescape")
    _fails(run("gap", "--year", "2018", arg), "the argument 'gdp=\\xff' is not UTF-8")


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--year", "2019", "gdp=420", "gdp_rank=6", "-F", "json"),
        ("validate",),
        ("gap", "-F", "csv"),
        ("plans",),
        ("--version",),
        ("--help",),
        ("gap", "--help"),
    ],
)
def test_a_broken_pipe_exits_141_not_1(args: tuple[str, ...]) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "shuangshi_cli", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, b"")


def test_repeated_bad_rows_are_reported_once_with_their_count(run: Run, tmp_path: Path) -> None:
    path = _file(
        tmp_path, "f.csv", "indicator,year,value\n" + "gdp,2018,x\n" * 5 + "gdp,2018,352\n" * 3
    )
    _fails(
        run("gap", "-f", path), f"{path}:2: value: 'x' is not a number (and 4 more rows like it)"
    )


def test_repeated_good_rows_are_one_figure(run: Run, tmp_path: Path) -> None:
    path = _file(tmp_path, "f.csv", "indicator,year,value\n" + "gdp,2018,352\n" * 1000)
    result = run("gap", "-f", path, "-F", "json")
    assert json.loads(result.stdout)["results"][0]["latest"] == {"year": 2018, "value": 352}


def test_peers_without_rows_of_the_ranked_indicator(run: Run, tmp_path: Path) -> None:
    peers = _file(
        tmp_path,
        "peers.csv",
        "region,year,indicator,value\n甲县,2018,fiscal_revenue,60\n濉溪县,2018,fiscal_revenue,41\n",
    )
    _fails(
        run("gap", "--peers", peers),
        f"{peers}: the peer table has no rows of gdp (ranked by gdp_rank)",
    )


def test_control_characters_are_escaped_in_error_lines(run: Run, tmp_path: Path) -> None:
    path = _file(tmp_path, "f.csv", 'indicator,year,value\n"gdp\x1b[31m",2018,3\n')
    _fails(  # no ESC reaches the terminal: the file is refused as not text
        run("gap", "-f", path),
        f"{path}:2:5: the file is not text: the character U+001B is not allowed",
    )
    plan = _file(
        tmp_path,
        "p.yaml",
        CITY.replace("name: 某市", 'name: "某\\e[2J市\\n"', 1).replace(
            "base_year: 2015", "base_year: 2030"
        ),
    )
    result = run("validate", plan)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert all(line.startswith(plan) for line in result.stderr.splitlines())


def test_an_error_line_is_cut_at_1000_characters(run: Run, tmp_path: Path) -> None:
    towns = TOWNS.replace("name: 刘桥镇", "name: " + "甲" * 3000).replace(
        "{indicator: gdp, value: 60}",
        "{indicator: gdp, value: 60}\n      - {indicator: gdp, value: 61}",
        1,
    )
    result = run("validate", _file(tmp_path, "p.yaml", _embedded() + "\n" + towns))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert len(line) <= 1000
    assert line.endswith(f"…({len(str(tmp_path)) + 3071} characters)")


def test_yaml_rows_on_stdin_are_not_read_as_csv(run: Run) -> None:
    result = run(
        "gap", "-f", "-", "-F", "json", input="- {indicator: gdp, year: 2018, value: 352.1}\n"
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["results"][0]["latest"] == {"year": 2018, "value": 352.1}


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    line = f"exec {sys.executable} -m shuangshi_cli {command}"
    return subprocess.run(["sh", "-c", line], capture_output=True, text=True, check=False)


def test_a_closed_stdout_is_an_error() -> None:
    done = _shell("gap -F json >&-")
    assert (done.returncode, done.stderr) == (
        2,
        "cannot write the report: stdout is closed (use --output FILE)\n",
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["gap -F json", "plans", "--version", "--help", "gap --help"])
def test_a_full_disk_on_stdout_is_an_error(command: str) -> None:
    done = _shell(f"{command} >/dev/full")
    assert (done.returncode, done.stderr) == (
        2,
        "cannot write the report: No space left on device\n",
    )


@pytest.mark.parametrize(
    ("command", "code"), [("gap --year 2018 gdp=x", 2), ("check --year 2019 gdp=420 gdp_rank=6", 1)]
)
def test_a_closed_stderr_keeps_the_exit_code(command: str, code: int) -> None:
    assert _shell(f"{command} 2>&-").returncode == code


@pytest.mark.parametrize(
    "command",
    [
        "check --year 2019 gdp=420 gdp_rank=6 -F json",  # off track: said on stderr
        "gap -f no-such-file.csv",  # an error line
        "gap --year 2018 gdp=352.1 -F json",  # a notice of the figures missing
    ],
)
def test_a_closed_stderr_writes_nothing_of_its_own_to_stdout(command: str) -> None:
    """2>&-: what would have gone to stderr is lost, not written into the report on stdout."""
    done = _shell(f"{command} 2>&-")
    assert done.returncode in {0, 1, 2}
    if done.stdout:
        json.loads(done.stdout)  # the report alone


@pytest.mark.parametrize("command", ["--help", "gap -h", "check --help", ""])
def test_help_to_a_closed_stdout_is_an_error(command: str) -> None:
    done = _shell(f"{command} >&-")
    assert (done.returncode, done.stderr) == (2, "cannot write the help: stdout is closed\n")


def test_sheet_without_a_workbook_is_refused(run: Run, tmp_path: Path) -> None:
    path = _file(tmp_path, "f.csv", "indicator,year,value\ngdp,2018,352.1\n")
    _fails(
        run("gap", "-f", path, "--sheet", "2"),
        "--sheet chooses a sheet of a workbook (.xlsx, .xls, .ods), and no workbook is given",
    )


# -- an output is never an input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("gap", "-f", "{figures}", "-o", "{figures}"),
        ("gap", "-f", "{figures}", "-F", "json", "-o", "{link}"),
        ("gap", "-f", "{figures}", "-o", "{hard}"),
        ("gap", "-f", "{figures}", "-t", "{plan}", "-F", "json", "-o", "{plan}"),
        ("check", "-f", "{figures}", "--junit", "{figures}"),
        ("check", "-f", "{figures}", "-F", "github", "--summary", "{figures}"),
        ("path", "gdp", "-f", "{figures}", "--chart", "{chart}"),
        ("template", "-t", "{plan}", "-F", "csv", "-o", "{plan}"),
    ],
)
def test_an_output_that_is_an_input_is_refused(
    run: Run, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """-f figures.csv -o figures.csv, by its name, a symlink or a hard link: the input would be
    gone. Nothing is written."""
    figures = _file(tmp_path, "figures.csv", "indicator,year,value\ngdp,2016,300\ngdp,2018,352.1\n")
    plan = _file(tmp_path, "plan.yaml", embedded_plan_text())
    (tmp_path / "link.csv").symlink_to("figures.csv")
    (tmp_path / "hard.csv").hardlink_to(figures)
    (tmp_path / "chart.svg").symlink_to("figures.csv")  # (a chart is written to .svg only)
    names = {"figures": figures, "plan": plan, "link": str(tmp_path / "link.csv")}
    names["chart"] = str(tmp_path / "chart.svg")
    names["hard"] = str(tmp_path / "hard.csv")
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}
    result = run(*(a.format(**names) for a in args))
    written = next(a for a in reversed(args) if a.startswith("{")).format(**names)
    same = written in {figures, plan}
    _fails(
        result,
        f"{written}: is a file this run reads"
        + ("" if same else f" ({figures})")
        + ": writing would destroy it; give the output a file of its own",
    )
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_stdin_is_read_once(run: Run) -> None:
    _fails(
        run("gap", "-f", "-", "-f", "-", input=b"indicator,year,value\ngdp,2018,352.1\n"),
        "<stdin>: stdin is read once: give - to one option only",
    )


def test_an_output_from_a_working_folder_that_is_gone(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    command = f"cd {gone} && rmdir {gone} && exec {sys.executable} -m shuangshi_cli gap -o o.json"
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1] == "o.json: cannot write: No such file or directory"


def test_stdin_from_a_file_is_an_input_and_is_read_once(tmp_path: Path) -> None:
    figures = _file(tmp_path, "g.csv", "indicator,year,value\ngdp,2018,352.1\n")
    before = Path(figures).read_bytes()
    done = _shell(f"gap -f - -F csv -o {figures} < {figures}")
    assert (done.returncode, done.stderr) == (
        2,
        f"{figures}: is a file this run reads (<stdin>): writing would destroy it; give the "
        "output a file of its own\n",
    )
    assert Path(figures).read_bytes() == before
    done = _shell(f"gap -f /dev/stdin -f - < {figures}")
    assert (done.returncode, done.stderr) == (
        2,
        "<stdin>: stdin is read once: give - to one option only\n",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_given_twice_is_refused_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    feed = f"printf 'indicator,year,value\\ngdp,2018,352.1\\n' > {pipe} &"
    line = f"{feed} exec {sys.executable} -m shuangshi_cli gap -f {pipe} -f {pipe}"
    done = subprocess.run(
        ["sh", "-c", line], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stderr) == (
        2,
        f"{pipe}: is a stream (a pipe), read once: give it to one option only\n",
    )


def test_a_library_call_reads_stdin_as_often_as_it_is_asked(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a run of the command line tracks its inputs: a notebook may read stdin again."""
    from shuangshi_cli.figures import load_figures

    for _ in range(2):
        stream = io.TextIOWrapper(io.BytesIO(b"indicator,year,value\ngdp,2018,352.1\n"))
        monkeypatch.setattr(sys, "stdin", stream)
        assert len(load_figures(plan, ["-"]).items) == 1


def test_dev_stdout_appended_to_keeps_what_the_file_held(tmp_path: Path) -> None:
    # -o /dev/stdout with >> is the shell's file, opened for appending: written to, not replaced
    log = tmp_path / "log.txt"
    log.write_text("kept\n", encoding="utf-8")
    done = _shell(f"gap --year 2018 gdp=352.1 -F json -o /dev/stdout >> {log}")
    assert (done.returncode, done.stdout) == (0, "")
    text = log.read_text(encoding="utf-8")
    assert text.startswith("kept\n{")
    assert json.loads(text.removeprefix("kept\n"))["as_of"] == 2018
    done = _shell(f"gap --year 2018 gdp=352.1 -F csv -o /dev/stderr 2>> {log}")
    assert (done.returncode, done.stdout) == (0, "")
    assert log.read_text(encoding="utf-8").startswith(text + "\ufeffid,")


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_dev_stdout_that_is_a_pipe_is_written_to(name: str) -> None:
    if not Path(name).exists():
        pytest.skip(f"no {name} here")
    done = _shell(f"gap --year 2018 gdp=352.1 -F csv -o {name} | cat")
    assert (done.returncode, done.stderr.count("cannot write")) == (0, 0)
    assert done.stdout.startswith("\ufeffid,name")


def test_a_descriptor_that_is_not_open_is_refused() -> None:
    done = _shell("gap --year 2018 gdp=352.1 -F csv -o /dev/fd/9")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1] == "/dev/fd/9: cannot write: Bad file descriptor"


def test_a_read_only_output_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    if os.access(target, os.W_OK):
        pytest.skip("the superuser writes a read-only file (as cp does)")
    done = _shell(f"gap -F json -o {target}")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1] == f"{target}: cannot write: Permission denied"
    assert target.read_text(encoding="utf-8") == "old"


def test_values_are_named_as_the_file_writes_them(tmp_path: Path) -> None:
    # YAML's true and ["gdp"], not Python's True and ['gdp']
    path = tmp_path / "f.yaml"
    path.write_text("- {indicator: gdp, year: 2018, value: true}\n", encoding="utf-8")
    done = _shell(f"gap -f {path}")
    assert done.stderr.splitlines()[-1] == f"{path}:1: value: true is not a number"
    path.write_text("- {indicator: [gdp], year: 2018, value: 1}\n", encoding="utf-8")
    done = _shell(f"gap -f {path}")
    assert "unknown indicator '[\"gdp\"]'" in done.stderr


def test_a_plan_section_that_is_not_a_mapping_names_its_keys(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("plan: 1\ntargets: [{id: a}]\n", encoding="utf-8")
    done = _shell(f"validate {path}")
    first = done.stderr.splitlines()[0]
    assert first.startswith(f"{path}:1:7: plan: should be a mapping with keys id, title,")
    assert "Header" not in done.stderr


def test_an_unknown_status_lists_the_chinese_labels_too(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("indicator,year,status\nfyp13_early,2019,done-ish\n", encoding="utf-8")
    done = _shell(f"gap -f {path}")
    assert "achieved (已实现), on_track (符合预期)" in done.stderr


def test_strict_says_a_target_without_figures_cannot_be_judged() -> None:
    done = _shell("check --strict --year 2018 gdp=352.1 --lang en")
    assert done.returncode == 1
    assert "cannot be judged (failed by --strict): Gross regional product (GDP) (gdp)" in (
        done.stderr
    )
    assert "off track" not in done.stderr


def test_a_bad_unit_cell_of_a_wide_row_is_said_once(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("指标,单位,2016,2017,2018\n地区生产总值,吨,300,326.5,352.1\n", encoding="utf-8")
    done = _shell(f"gap -f {path}")
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "does not fit" in line]
    assert errors == [f"{path}:2:2: unit: gdp is measured in 亿元; 吨 does not fit"]


def test_dev_stdout_that_is_another_output_or_an_input_is_refused_first(tmp_path: Path) -> None:
    out = tmp_path / "o.json"
    done = _shell(f"check --year 2018 gdp=352.1 -F json -o {out} --junit /dev/stdout > {out}")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        f"{out} and /dev/stdout are the same file: give each output its own"
    )
    figures = _file(tmp_path, "in.csv", "indicator,year,value\ngdp,2018,352.1\n")
    other = tmp_path / "a.json"
    done = _shell(f"check -f {figures} -F json -o {other} --junit /dev/stdout 1<>{figures}")
    assert done.returncode == 2
    assert "is a file this run reads" in done.stderr
    assert not other.exists()  # nothing written before the refusal
    assert Path(figures).read_text(encoding="utf-8") == "indicator,year,value\ngdp,2018,352.1\n"


def test_a_reader_that_leaves_mid_output_gets_141(tmp_path: Path) -> None:
    """A pipe takes 64 KB, its reader reads 10 bytes and leaves: the rest is not written, and
    the exit says so (a stream's own write took the partial write for the whole, exit 0)."""
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value\n"
        + "".join(f"gdp,{y},{300 + y - 2000}\n" for y in range(2000, 2019)),
        encoding="utf-8",
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        embedded_plan_text().replace(
            "name: 地区生产总值", "name: 地区生产总值" + "很长" * 40000, 1
        ),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "shuangshi_cli", "gap", "-t", str(plan), "-f", str(figures)]
    with subprocess.Popen(
        [*command, "-F", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        head = child.stdout.read(10)
        child.stdout.close()
        child.wait(timeout=60)
        assert head.startswith(b"{")
        assert (child.returncode, child.stderr.read()) == (141, b"")


def test_a_bom_then_gbk_names_the_first_bad_byte(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bom-gbk.csv"
    path.write_bytes("\ufeffindicator,year,value\n".encode() + "报,2018,1\n".encode("gbk"))
    out = run("gap", "-f", str(path))
    assert (out.exit_code, out.stderr) == (
        2,
        f"{path}:2: the file is not valid UTF-8 (byte 0xb1)\n",
    )


def test_an_empty_file_name_is_no_directory(run: Run) -> None:
    for option in ("-f", "--peers"):
        out = run("gap", option, "")
        assert (out.exit_code, out.stderr) == (
            2,
            "'': a file name is needed, not an empty string\n",
        )


@pytest.mark.parametrize("name", ["newdir/", "existing/"])
def test_an_output_name_ending_in_a_slash_writes_no_file(
    run: Run, tmp_path: Path, name: str
) -> None:
    """-o out/ names a folder: nothing is written, and a file standing as ``out`` is kept."""
    (tmp_path / "existing").write_text("kept", "utf-8")
    target = f"{tmp_path}/{name}"
    out = run("gap", "--year", "2018", "gdp=352.1", "-F", "json", "-o", target)
    assert (out.exit_code, out.stderr) == (
        2,
        f"{target}: a name ending in '/' is a folder's, not a file's\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing"]
    assert (tmp_path / "existing").read_text("utf-8") == "kept"


def _ascii_stdout(command: str) -> subprocess.CompletedProcess[str]:
    line = f"exec env PYTHONIOENCODING=ascii {sys.executable} -m shuangshi_cli {command}"
    return subprocess.run(["sh", "-c", line], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("command", ["template", "gap --year 2018 gdp=352.1 -F csv -l zh"])
def test_data_to_an_ascii_stdout_is_refused_not_garbled(command: str) -> None:
    """A CSV to a stdout that cannot hold its names (PYTHONIOENCODING=ascii) would be read
    back as ????: an error naming the first character it cannot hold."""
    done = _ascii_stdout(command)
    assert (done.returncode, done.stdout) == (2, "")
    assert re.search(r"stdout's encoding \(ascii\) cannot hold .* \(U\+[0-9A-F]{4}\)", done.stderr)


@pytest.mark.parametrize("command", ["schema", "gap --year 2018 gdp=352.1 -F json"])
def test_json_to_an_ascii_stdout_is_escaped(command: str) -> None:
    done = _ascii_stdout(command)
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii() and "?" not in done.stdout
    json.loads(done.stdout)


def test_a_table_to_an_ascii_stdout_gets_look_alikes() -> None:
    done = _ascii_stdout("gap --year 2018 gdp=352.1 -l en")
    assert done.returncode == 0 and "Gross regional product" in done.stdout


@pytest.mark.parametrize(
    "args", [["gap", "--" + "x" * 5000], ["y" * 5000], ["gap", "-F", "z" * 5000]]
)
def test_a_long_unknown_word_is_cut_in_the_usage_error(run: Run, args: list[str]) -> None:
    out = run(*args)
    assert out.exit_code == 2
    assert len(out.stderr) < 400 and "characters)" in out.stderr


def test_a_long_option_is_cut_alike_in_chinese(run: Run) -> None:
    """The Chinese wording, without spaces, is not counted in the length of what it quotes."""
    short = run("gap", "--" + "a" * 55, "-l", "zh")
    assert "a" * 55 in short.stderr and "characters" not in short.stderr
    long = run("gap", "--" + "a" * 95, "-l", "zh")
    assert "…(97 characters)" in long.stderr and "没有这个选项" in long.stderr


def test_html_to_an_ascii_stdout_gets_character_references() -> None:
    """濉溪 as &#28617;&#28330;, which a browser reads back; the stylesheet's box is a CSS escape,
    which needs none."""
    done = _ascii_stdout("gap --year 2018 gdp=352.1 -F html -l zh")
    assert done.returncode == 0 and done.stdout.isascii()
    assert "&#28617;&#28330;" in done.stdout and 'content: "\\2610  "' in done.stdout
