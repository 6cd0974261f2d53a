"""Hostile inputs and environment faults: each ends in one located line and exit 2, or a result."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

    from typer.testing import Result

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
            "f.csv:2: year: year 1e999999 is outside 1949–2100",
        ),
        (
            "f.json",
            '[{"indicator": "gdp", "year": 1e999999, "value": 3}]',
            "f.json:1: year: year 1e999999 is outside 1949–2100",
        ),
        (
            "f.yaml",
            "- {indicator: gdp, year: 2018, month: 1e999999, value: 3}\n",
            "f.yaml:1: month: month 1e999999 is outside 1–11",
        ),
        (
            "f.yaml",
            "- {indicator: gdp, year: -1e999999, value: 3}\n",
            "f.yaml:1: year: year -1e999999 is outside 1949–2100",
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
