"""Around the reading: shell completion, no arguments, and heavy libraries imported only when
used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

from shuangshi_cli.figures import load_figures
from shuangshi_cli.notices import set_sink
from shuangshi_cli.render import Format
from tests.helpers import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

FIGURES = str(ROOT / "examples" / "suixi-figures-illustrative.csv")
WORKBOOK = str(ROOT / "examples" / "suixi-figures-illustrative.xlsx")


def _python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        check=False,
        timeout=60,
    )


def test_completion_options_are_offered(run: Run) -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


def test_completion_completes_commands_and_choices() -> None:
    app = "from shuangshi_cli.cli import app; app(prog_name='shuangshi')"
    commands = _python(
        app,
        {"_SHUANGSHI_COMPLETE": "complete_bash", "COMP_WORDS": "shuangshi sc", "COMP_CWORD": "1"},
    )
    assert commands.stdout.split() == ["scoreboard", "schema"]
    formats = _python(
        app,
        {
            "_SHUANGSHI_COMPLETE": "complete_bash",
            "COMP_WORDS": "shuangshi gap --format ",
            "COMP_CWORD": "3",
        },
    )
    assert formats.stdout.split() == [f.value for f in Format]
    script = _python(app.replace("app(", "app(['--show-completion', 'bash'], "))
    assert "_shuangshi_completion()" in script.stdout
    assert script.returncode == 0


def test_no_arguments_prints_the_help(run: Run) -> None:
    result = run()
    assert result.exit_code == 2
    assert result.stdout.lstrip().startswith("Usage: shuangshi [OPTIONS] COMMAND [ARGS]...")
    assert result.stderr == ""


HEAVY = """
import json, sys
from shuangshi_cli.cli import app
try:
    app(sys.argv[1:], prog_name="shuangshi")
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"python_calamine", "xlsxwriter"})
sys.stderr.write("HEAVY " + json.dumps(heavy) + "\\n")
"""


def _heavy(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", HEAVY, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("HEAVY "), done.stderr
    found: list[str] = json.loads(last.removeprefix("HEAVY "))
    return found


def test_heavy_libraries_only_when_used() -> None:
    assert _heavy("gap", "-f", FIGURES) == []
    assert _heavy("gap", "-f", FIGURES, "-F", "csv") == []
    assert _heavy("template") == []
    assert _heavy("gap", "-f", WORKBOOK) == ["python_calamine"]
    assert _heavy("template", "-F", "xlsx", "-o", os.devnull) == ["xlsxwriter"]


def test_notices_go_where_the_sink_says(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_bytes("指标,年份,数值\n地区生产总值,2018,352.1\n".encode("gbk"))
    said: list[str] = []
    previous = set_sink(said.append)
    try:
        load_figures(plan, [str(path)])
    finally:
        set_sink(previous)
    assert said == [f"{path}: not UTF-8; read as GB18030 (GBK)"]
