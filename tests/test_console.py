"""No crash on any console encoding: every command and format on GBK and ASCII stdout.

The CLI runs in a subprocess with PYTHONIOENCODING set, as redirecting stdout to a file does on
Chinese Windows (GBK) or a CI log might (ASCII).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.console import ASCII, UNICODE, fit, glyphs_for
from shuangshi_cli.render import Format
from tests.helpers import ROOT

if TYPE_CHECKING:
    from pathlib import Path

FIGURES = str(ROOT / "examples" / "suixi-figures-illustrative.csv")
TOWNS = str(ROOT / "examples" / "towns.yaml")
TOWN_FIGURES = str(ROOT / "examples" / "towns-figures.csv")

# Run several commands in one process, so the suite stays quick; each exit code is kept.
DRIVER = """
import json, sys
from shuangshi_cli.cli import app
codes = []
for args in json.loads(sys.argv[1]):
    sys.stdout.write("\\n=== " + " ".join(args[:1]) + "\\n")
    try:
        app(args, prog_name="shuangshi")
    except SystemExit as exc:
        codes.append(exc.code)
sys.stderr.write("CODES " + json.dumps(codes) + "\\n")
"""


def _commands(fmt: str) -> list[list[str]]:
    lang = ["--lang", "zh"]
    return [
        ["gap", "-f", FIGURES, "-F", fmt, *lang],
        ["gap", "-F", fmt, *lang],
        ["check", "-f", FIGURES, "-F", fmt, *lang],
        ["path", "-f", FIGURES, "-F", fmt, *lang],
        ["whatif", "gdp", "-f", FIGURES, "-g", "7%", "--by", "2019", "-F", fmt, *lang],
        ["targets", "-F", fmt, *lang],
        ["gap", "--year", "2019", "--month", "9", "fiscal_revenue=38", "-F", fmt, *lang],
    ]


def _run(
    encoding: str, commands: list[list[str]], tmp_path: Path, columns: int = 80
) -> tuple[bytes, str, list[int]]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "LANG": "C", "NO_COLOR": "1"}
    env["COLUMNS"] = str(columns)
    env.pop("SHUANGSHI_TARGETS", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(commands)],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    stderr = done.stderr.decode(encoding, "replace")
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("CODES "), stderr
    return done.stdout, stderr, json.loads(last.removeprefix("CODES "))


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
@pytest.mark.parametrize("fmt", [f.value for f in Format if not f.binary])
def test_every_format_on_a_narrow_console(encoding: str, fmt: str, tmp_path: Path) -> None:
    commands = _commands(fmt)
    stdout, stderr, codes = _run(encoding, commands, tmp_path)
    assert "internal error" not in stderr
    assert "Traceback" not in stderr
    # CI formats print verdicts: path, whatif and targets have none (a usage error)
    usage = 2 if Format(fmt).verdicts else 0
    if fmt == "csv" and encoding == "ascii":  # 指标 as ??: refused, never written as data
        assert codes == [2] * 7
        assert "stdout's encoding (ascii) cannot hold" in stderr
    else:
        assert codes == [0, 0, 1, usage, usage, usage, 0]
    stdout.decode(encoding)  # strictly: every byte is what the console can show
    assert not stdout.startswith(b"\xef\xbb\xbf")
    assert "\ufeff" not in stdout.decode(encoding)


def test_bars_degrade_to_ascii_and_chinese_stays_on_gbk(tmp_path: Path) -> None:
    wide = ["--lang", "zh"]
    gbk, _, _ = _run("gbk", [["gap", "-f", FIGURES, *wide]], tmp_path, columns=200)
    text = gbk.decode("gbk")
    assert "地区生产总值" in text
    assert "352.1（2018）" in text
    assert "52.1% ####----" in text
    assert "█" not in text
    ascii_out, _, _ = _run("ascii", [["gap", "-f", FIGURES, "--lang", "en"]], tmp_path, columns=200)
    assert b"52.1% ####----" in ascii_out


def test_the_other_commands_on_a_narrow_console(tmp_path: Path) -> None:
    commands = [
        ["scoreboard", "--targets", TOWNS, "-f", TOWN_FIGURES, "--lang", "zh"],
        ["template", "--targets", TOWNS],
        ["schema"],
        ["validate", TOWNS],
        ["--help"],
        ["gap", "--help"],
        ["gap", "-f", "no-such-文件.csv"],
    ]
    for encoding in ("gbk", "ascii"):
        stdout, stderr, codes = _run(encoding, commands, tmp_path)
        template = 2 if encoding == "ascii" else 0  # (a CSV of 亿元 as ??: refused)
        assert codes == [0, template, 0, 0, 0, 0, 2], stderr
        stdout.decode(encoding)
        assert "no such file" in stderr


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_files_are_always_utf8(encoding: str, tmp_path: Path) -> None:
    commands = [
        ["gap", "-f", FIGURES, "-F", "csv", "--lang", "zh", "-o", "gap.csv"],
        ["gap", "-f", FIGURES, "-F", "table", "--lang", "zh", "-o", "gap.txt"],
        ["template", "-o", "template.csv"],
    ]
    _, _, codes = _run(encoding, commands, tmp_path)
    assert codes == [0, 0, 0]
    csv = (tmp_path / "gap.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf")
    assert "地区生产总值" in csv.decode("utf-8")
    text = (tmp_path / "gap.txt").read_text(encoding="utf-8")
    assert "地区生产总值" in text and "慢于预期" in text and "?" not in text
    assert (tmp_path / "template.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_glyphs_for_a_stream() -> None:
    def stream(encoding: str) -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(), encoding=encoding)

    assert glyphs_for(stream("utf-8")) is UNICODE
    assert glyphs_for(stream("gbk")) is ASCII  # GBK has █ but not ░: a bar is all one kind
    assert glyphs_for(stream("ascii")) is ASCII
    assert glyphs_for(io.StringIO()) is UNICODE


@pytest.mark.parametrize(
    ("text", "encoding", "fitted"),
    [
        ("\ufeff进度 ███░ ≤ 5", "utf-8", "\ufeff进度 ███░ ≤ 5"),
        ("\ufeff进度 ███░ ≤ 5", "gbk", "进度 ###- ≤ 5"),
        ("\ufeff进度 ███░ ≤ 5 — ∞", "ascii", "???? ###- <= 5 - inf"),
        ("（2018）：75％", "ascii", "(2018):75%"),
    ],
)
def test_fit(text: str, encoding: str, fitted: str) -> None:
    assert fit(text, io.TextIOWrapper(io.BytesIO(), encoding=encoding)) == fitted


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "gbk", "utf-8"])
def test_json_on_any_console_keeps_every_character(encoding: str, tmp_path: Path) -> None:
    """JSON is for programs: on a console that cannot show 濉溪 it is escaped (\\u6fc9), never
    replaced by ?; the document is the same as the UTF-8 one."""
    commands = [["gap", "--year", "2018", "gdp=352.1", "-F", "json", "--lang", "zh"]]
    out, _, codes = _run(encoding, commands, tmp_path)
    same, _, _ = _run("utf-8", commands, tmp_path)
    assert codes == [0]
    text = out.decode(encoding).split("\n", 2)[2]  # after the driver's "=== gap" line
    assert "?" not in text
    assert json.loads(text) == json.loads(same.decode("utf-8").split("\n", 2)[2])
