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
    assert escape("*强调* _x_ `code` &amp; [a](b) ~~s~~ gdp_rank") == (
        "\\*强调\\* \\_x\\_ \\`code\\` \\&amp; \\[a\\](b) \\~\\~s\\~\\~ gdp_rank"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("> quoted", "\\> quoted"),
        ("## heading", "\\## heading"),
        ("- nested", "\\- nested"),
        ("2018. numbered", "2018\\. numbered"),
        ("-3.5% too", "\\-3.5% too"),
        ("---", "\\---"),
        ("```code", "\\`\\`\\`code"),
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
        "name: 地区生产总值", 'name: "=HYPERLINK(\\"http://x\\")| 伪造 | 行 |"', 1
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
    assert all("| 伪造 | 行" not in row for row in rows)  # the | is escaped (a line break is
    # refused in a name: test_a_name_is_one_line_and_a_message_one_line)
    assert any("\\| 伪造 \\| 行 \\|" in row for row in rows)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("escape.json", '[{"indicator": "gdp", "year": 2018, "value": 352.1, "note": "\\u001b[31m"}]',
         "escape.json:1:61: [0].note: the character U+001B (a control character) is not allowed"),
        ("lone.json", '[{"indicator": "gdp", "year": 2018, "value": 352.1, "note": "x \\ud83d"}]',
         "lone.json:1:61: [0].note: a lone surrogate (\\ud800–\\udfff) is not a character"),
        ("key.json", '[{"indicator": "gdp", "year": 2018, "value": 1, "\\u0007": 1}]',
         "key.json:1:49: [0].\\x07: the character U+0007 (a control character) is not allowed"),
        ("bell.yaml", '- {indicator: gdp, year: 2018, value: 352.1, note: "\\a ring"}\n',
         "bell.yaml:1:52: [0].note: the character U+0007 (a control character) is not allowed"),
    ],
)  # fmt: skip
def test_an_escape_writes_no_control_character_into_figures(
    run: Run, tmp_path: Path, name: str, text: str, message: str
) -> None:
    """JSON's and YAML's escapes may write what a file may not hold (an ESC, a bell, half a
    surrogate pair): refused as the file's own characters are, where it stands."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("gap", "-f", str(path), "-F", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.replace(str(tmp_path) + "/", "") == message + "\n"


def test_a_name_is_one_line_and_a_message_one_line(run: Run, tmp_path: Path) -> None:
    """A plan's name with a line break could print ::warning (a CI log's command) at a line's
    start: refused; a figure's note with one is shown as \\n on stderr, never obeyed."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        embedded_plan_text().replace(
            "name_en: Gross regional product (GDP)", 'name_en: "GDP\\n::warning::injected"'
        ),
        encoding="utf-8",
    )
    result = run("gap", "-t", str(plan), "-F", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith("name_en: must be one line (no line break)\n")
    figures = tmp_path / "f.yaml"
    figures.write_text(
        '- {indicator: gdp_rank, year: 2018, status: missed, note: "a\\n::error::x"}\n',
        encoding="utf-8",
    )
    result = run("check", "-f", str(figures))
    assert "a\\n::error::x" in result.stderr
    assert not any(line.startswith("::") for line in result.stderr.splitlines())


def test_a_bidirectional_override_is_shown_not_obeyed_on_stderr() -> None:
    from shuangshi_cli.console import one_line

    assert one_line("note \u202eevil") == "note \\u202eevil"
    assert one_line("plain 濉溪县") == "plain 濉溪县"
