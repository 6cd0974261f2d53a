"""Names from plans and figures cannot turn into formulas in a spreadsheet, nor into new
Markdown rows or list items (issue: CSV formula injection, OWASP; Markdown escaping)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.plan import embedded_plan_text
from shuangshi_cli.render.csv_format import safe_cell
from shuangshi_cli.render.markdown_format import escape, item

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("地区生产总值", "地区生产总值"),
        ("a\x07b\x1bc", "abc"),  # control characters go
    ],
)
def test_safe_cell(text: str, cell: str) -> None:
    assert safe_cell(text) == cell


def test_markdown_escape() -> None:
    assert escape("a|b\nc\r\nd") == "a\\|b c d"
    assert escape("x\\|y") == "x\\\\\\|y"
    # no HTML tag opens (a comparison does not: R < 0.95 stays as written)
    assert escape("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>"
    assert escape("<!-- x --> <img src=x>") == "\\<!-- x --> \\<img src=x>"
    assert escape("0.6 ≤ R < 0.95") == "0.6 ≤ R < 0.95"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("> quoted", "\\> quoted"),
        ("## heading", "\\## heading"),
        ("- nested", "\\- nested"),
        ("2018. numbered", "2018\\. numbered"),
        ("-3.5% too", "\\-3.5% too"),
        ("---", "\\---"),
        ("```code", "\\```code"),
        ("    indented", "indented"),
        ("2018年 stays", "2018年 stays"),
        ("2018 stays", "2018 stays"),
    ],
)
def test_a_list_item_opens_no_block(text: str, shown: str) -> None:
    assert item(text) == shown


def test_markdown_names_cannot_open_html(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        embedded_plan_text().replace("name: 地区生产总值", 'name: "<script>alert(1)</script>"', 1),
        encoding="utf-8",
    )
    args = ["-t", str(plan), "--year", "2018", "gdp=352.1", "-F", "markdown", "-l", "zh"]
    out = run("gap", *args).stdout
    assert "<script>" not in out.replace("\\<script>", "")
    assert "\\<script>alert(1)\\</script>" in out


def _hostile_plan(tmp_path: Path) -> str:
    plan = tmp_path / "plan.yaml"
    text = embedded_plan_text().replace(
        "name: 地区生产总值", 'name: "=HYPERLINK(\\"http://x\\")|\\n| 伪造 | 行 |"', 1
    )
    plan.write_text(text, encoding="utf-8")
    return str(plan)


@pytest.mark.parametrize("command", [["gap"], ["targets"], ["path"]])
def test_csv_outputs_neutralise_formulas(run: Run, tmp_path: Path, command: list[str]) -> None:
    plan = _hostile_plan(tmp_path)
    args = [*command, "-t", plan, "-F", "csv", "-l", "zh"]
    if command[0] == "gap":
        args += ["--year", "2018", "gdp=352.1"]
    elif command[0] == "path":
        args += ["--year", "2018", "--figure", "gdp=352.1"]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    cells = [c for row in csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))) for c in row]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_markdown_names_cannot_form_rows(run: Run, tmp_path: Path) -> None:
    plan = _hostile_plan(tmp_path)
    out = run("gap", "-t", plan, "--year", "2018", "gdp=352.1", "-F", "markdown", "-l", "zh").stdout
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert all("伪造 | 行" not in row for row in rows)  # the | is escaped, the newline folded
    assert any("\\| 伪造 \\| 行 \\|" in row for row in rows)
