"""Every `shuangshi` command of the README runs as shown, on the example files it names.

As typer runs every example of its docs: the README cannot drift from the tool. A command shown
with its output (``$ shuangshi …`` then lines, or a code block right after) must print those
lines, in order (``…`` stands for lines left out).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.plan import load_plan
from tests.helpers import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run

README = (ROOT / "README.md").read_text(encoding="utf-8")
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n(\n*)", re.S | re.M)
_COMMENT = re.compile(r"\s{2,}#.*$")


_ENV = re.compile(r"^(?:[A-Z_]+=\S*\s+)+(?=shuangshi )")


@dataclass(frozen=True)
class Example:
    line: int
    command: str
    output: tuple[str, ...] = ()

    @property
    def env(self) -> dict[str, str]:
        """Variables set before the command, as ``COLUMNS=80 shuangshi gap``."""
        found = _ENV.match(self.command)
        return dict(w.split("=", 1) for w in found.group().split()) if found else {}

    @property
    def args(self) -> list[str]:
        words = shlex.split(_ENV.sub("", self.command))
        assert words[0] == "shuangshi"
        words = words[1:]
        for stop in (">", ">>", "|"):
            if stop in words:
                words = words[: words.index(stop)]
        return words

    @property
    def expected(self) -> set[int]:
        if "broken" in self.command:
            return {2}
        if self.args[0] == "check":
            return {1} if "exit 1" in self.command else {0, 1}
        return {0}


def _examples() -> list[Example]:
    found: list[Example] = []
    blocks = list(_FENCE.finditer(README))
    for index, block in enumerate(blocks):
        language, body = block.group(1), block.group(2)
        line = README.count("\n", 0, block.start()) + 2
        lines = body.splitlines()
        for i, text in enumerate(lines):
            command = text.removeprefix("$ ")
            if "&& shuangshi " in command:
                command = command[command.index("shuangshi ") :]
            bare = _ENV.sub("", command)
            if not bare.startswith("shuangshi ") or (language != "sh" and text == command):
                continue
            output: list[str] = []
            if text.startswith("$ "):
                for shown in lines[i + 1 :]:
                    if shown.startswith("$ "):
                        break
                    output.append(shown)
            elif len(lines) == 1 and index + 1 < len(blocks):
                after = blocks[index + 1]
                if after.group(1) == "" and after.start() == block.end():
                    output = after.group(2).splitlines()
            found.append(Example(line + i, _COMMENT.sub("", command), tuple(output)))
    return found


EXAMPLES = _examples()


def test_the_readme_has_its_examples() -> None:
    commands = {e.args[0] for e in EXAMPLES}
    assert commands >= {"gap", "check", "path", "whatif", "scoreboard", "targets", "validate"}
    assert commands >= {"schema", "template"}
    assert len(EXAMPLES) >= 18
    assert sum(1 for e in EXAMPLES if e.output) >= 4


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"README:{e.line}" for e in EXAMPLES])
def test_readme_command(
    example: Example, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    result = run(*example.args, env=example.env or None)
    assert result.exit_code in example.expected, result.stderr
    if example.output:
        printed = [line.rstrip() for line in (result.stderr + result.stdout).splitlines()]
        shown = [line.rstrip() for line in example.output if line.strip() != "…"]
        position = 0
        for line in shown:
            assert line in printed[position:], f"README:{example.line}: not printed: {line!r}"
            position = printed.index(line, position) + 1


def test_example_files_are_marked_illustrative() -> None:
    for path in sorted((ROOT / "examples").iterdir()):
        if path.suffix in {".csv", ".yaml", ".py"}:
            head = path.read_text(encoding="utf-8")[:400]
            assert "ILLUSTRATIVE" in head, path.name


def test_the_towns_plan_is_the_embedded_plan_with_parts() -> None:
    towns, embedded = load_plan(ROOT / "examples" / "towns.yaml"), load_plan()
    assert towns.targets == embedded.targets
    assert [p.name for p in towns.parts] == ["刘桥镇", "韩村镇", "濉溪经济开发区"]


def test_the_example_workbook_is_what_its_script_writes(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_workbook", ROOT / "examples" / "make_workbook.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path / "book.xlsx")
    shipped = ROOT / "examples" / "suixi-figures-illustrative.xlsx"
    assert (tmp_path / "book.xlsx").read_bytes() == shipped.read_bytes()
