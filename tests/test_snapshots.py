"""What a person sees, pinned whole: every command × format × language, tables at fixed widths.

Snapshots are syrupy's (``tests/__snapshots__/``): a change to any output shows up as a reviewed
diff; ``pytest --snapshot-update`` rewrites them after a deliberate change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.render import Format
from tests.helpers import ROOT

if TYPE_CHECKING:
    from syrupy.assertion import SnapshotAssertion

    from tests.helpers import Run

# Paths as a user in the checkout writes them: outputs that name a file stay the same anywhere.
EXAMPLE = "examples/suixi-figures-illustrative.csv"
TOWNS = "examples/towns.yaml"
TOWN_FIGURES = "tests/data/towns-figures.csv"

COMMANDS: dict[str, list[str]] = {
    "gap": ["gap", "--figures", EXAMPLE],
    "gap-within-year": ["gap", "--year", "2019", "--month", "9", "fiscal_revenue=38"],
    "gap-no-figures": ["gap"],
    "check": ["check", "--figures", EXAMPLE, "--format", "{fmt}"],
    "path": ["path", "--figures", EXAMPLE],
    "path-rank": ["path", "gdp_rank", "--figures", EXAMPLE],
    "whatif": ["whatif", "gdp", "--figures", EXAMPLE, "-g", "7%", "-g", "9%", "--by", "2020"],
    "scoreboard": ["scoreboard", "--targets", TOWNS, "--figures", TOWN_FIGURES],
    "part": ["gap", "--targets", TOWNS, "--figures", TOWN_FIGURES, "--part", "刘桥镇"],
    "targets": ["targets"],
    "explain": ["explain", "gdp", "--figures", EXAMPLE],
    "explain-rank": ["explain", "gdp_rank", "--figures", EXAMPLE],
    "report": ["report", "--figures", EXAMPLE],
}
WIDTHS = {Format.TABLE: ("60", "80", "120")}


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _args(command: str, fmt: Format) -> list[str]:
    args = [a.replace("{fmt}", fmt.value) for a in COMMANDS[command]]
    return args if "--format" in args else [*args, "--format", fmt.value]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", [f for f in Format if not f.binary])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_output(
    run: Run, snapshot: SnapshotAssertion, command: str, fmt: Format, lang: str
) -> None:
    verdicts = command.startswith(("gap", "check", "scoreboard", "part", "report"))
    for width in WIDTHS.get(fmt, ("100",)):
        result = run(*_args(command, fmt), "--lang", lang, env={"COLUMNS": width})
        if fmt.verdicts and not verdicts:
            assert result.exit_code == 2
        else:
            assert result.exit_code in {0, 1}, result.stderr
        assert result.stdout == snapshot(name=f"{width}-stdout")
        assert result.stderr == snapshot(name=f"{width}-stderr")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", ["60", "80"])
def test_no_line_is_wider_than_the_screen(run: Run, lang: str, width: str) -> None:
    from rich.cells import cell_len

    for command in COMMANDS:
        out = run(*_args(command, Format.TABLE), "--lang", lang, env={"COLUMNS": width}).stdout
        for line in out.splitlines():
            assert cell_len(line) <= int(width), (command, line)
            assert line == line.rstrip(), (command, line)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "command", ["gap", "check", "path", "whatif", "scoreboard", "targets", "explain", "report"]
)
def test_help(run: Run, snapshot: SnapshotAssertion, command: str, lang: str) -> None:
    result = run(command, "--help", "--lang", lang, env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert result.stdout == snapshot


@pytest.mark.parametrize(
    "args",
    [
        ["gap", "--bogus"],
        ["gap", "--year", "x"],
        ["gap", "-F", "bogus"],
        ["gap", "--year", "2018", "gdp=abc"],
        ["gap", "--figures", "no-such-file.csv"],
        ["gap", "--lang", "fr"],
        ["whatif", "gdp"],
        ["check", "--fail-on", "bogus"],
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_errors(run: Run, snapshot: SnapshotAssertion, args: list[str], lang: str) -> None:
    env = {"LANG": "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8"}
    result = run(*args, env=env)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr == snapshot
