"""--output never destroys what stands at the path: devices, FIFOs, symlinks, hard links, modes."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.errors import InputError
from shuangshi_cli.fileio import write_output

if TYPE_CHECKING:
    from tests.helpers import Run


def test_new_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_output(target, "新\n")
    assert target.read_text(encoding="utf-8") == "新\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_existing_mode_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "private.json"
    target.write_text("old")
    target.chmod(0o600)
    write_output(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_output(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "made.csv")
    write_output(link, "new")
    assert link.is_symlink()
    assert (tmp_path / "made.csv").read_text() == "new"


def test_hard_link_stays_linked(tmp_path: Path) -> None:
    first = tmp_path / "a.md"
    first.write_text("old old old")
    second = tmp_path / "b.md"
    os.link(first, second)
    write_output(first, "new")
    assert second.read_text() == "new"
    assert first.stat().st_ino == second.stat().st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]


def test_character_device_is_written_through() -> None:
    null = Path("/dev/null")
    before = null.stat()
    write_output(null, "anything")
    after = null.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read)
    reader.start()
    write_output(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_output(tmp_path, "x")


def test_empty_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="needs a file name"):
        write_output(tmp_path, "x", label="")


def test_missing_folder_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such.json"
    with pytest.raises(InputError, match=r"such\.json: cannot write"):
        write_output(target, "x")


def test_dash_is_stdout(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write_output(tmp_path / "ignored", "x", label="-")
    assert capsys.readouterr().out == "x"


def test_cli_output_to_dev_null_keeps_the_device(run: Run) -> None:
    result = run("gap", "--year", "2018", "gdp=352.1", "--format", "json", "-o", "/dev/null")
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_cli_output_empty_name(run: Run) -> None:
    result = run("gap", "--format", "json", "-o", "")
    assert result.exit_code == 2
    assert result.stderr == "--output needs a file name, not an empty string\n"


def test_cli_output_keeps_a_private_mode(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o600)
    result = run("gap", "--format", "markdown", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("#")
