"""Reading input files as UTF-8 with clear errors, and writing output files safely."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from shuangshi_cli.errors import InputError, Problem

STDIN = "-"


def decode(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text (with or without the BOM Excel writes).

    Any other encoding raises InputError naming the line of the first bad byte, and says how to
    convert a GB18030/GBK file, the usual culprit on Chinese Windows.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = "save it as UTF-8"
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(
                Problem(
                    "the file is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8', or "
                    "convert it with: iconv -f UTF-16 -t UTF-8",
                    name,
                    1,
                )
            ) from None
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            hint = (
                "it looks like GBK/GB18030 (Excel's 'CSV' on Chinese Windows): save it as "
                "'CSV UTF-8', or convert it with: iconv -f GB18030 -t UTF-8"
            )
        raise InputError(
            Problem(f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); {hint}", name, line)
        ) from None


# No plan, figures or peer table comes near this; /dev/zero would fill the memory.
MAX_BYTES = 64 * 1024 * 1024


def _bounded(stream: BinaryIO, label: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            Problem(
                f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB, the most read", label
            )
        )
    return data


def read_text(path: Path, name: str | None = None) -> str:
    """The UTF-8 text of ``path`` (``-`` reads stdin), at most MAX_BYTES; errors name the file."""
    label = name or str(path)
    if str(path) == STDIN:
        label = "<stdin>"
        try:
            data = _bounded(sys.stdin.buffer, label)
        except (AttributeError, OSError, ValueError):  # stdin closed (0<&-) or not readable
            raise InputError(Problem("cannot read: stdin is closed", label)) from None
        return decode(data, label)
    try:
        with path.open("rb") as stream:
            data = _bounded(stream, label)
    except FileNotFoundError:
        raise InputError(Problem("no such file", label)) from None
    except IsADirectoryError:
        raise InputError(Problem("is a directory, not a file", label)) from None
    except OSError as exc:
        raise InputError(Problem(f"cannot read: {exc.strerror or exc}", label)) from None
    return decode(data, label)


def write_output(
    path: Path, text: str, *, encoding: str = "utf-8", label: str | None = None
) -> None:
    """Write ``text`` to ``path`` without ever destroying what stands there.

    - ``-`` is stdout.
    - A new path or an existing regular file with one link is replaced atomically (the old file
      or the whole new one, never half), keeping the old file's mode and, where allowed, owner.
    - A symlink is followed: its target is written (atomically when it is a regular file).
    - A device, FIFO or socket is written through, as ``cat > path`` would: never replaced.
    - A regular file with several hard links is rewritten in place, so every link sees the new
      text; the text is first written beside it, so a full disk leaves the file untouched.
    """
    label = str(path) if label is None else label
    if label == STDIN:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if not label:
        raise InputError(Problem("--output needs a file name, not an empty string"))
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(Problem(f"cannot write: {exc.strerror or exc}", label)) from None
    data = text.encode(encoding)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(Problem("is a directory, not a file", label))
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(target, data, label)
        return
    if info is not None and info.st_nlink > 1:
        _rewrite_in_place(target, data, label)
        return
    _replace_atomically(target, data, label, info)


def _write_through(target: Path, data: bytes, label: str) -> None:
    """Write to a device, FIFO or socket as an ordinary stream, without truncating or renaming."""
    try:
        with target.open("wb", buffering=0) as stream:
            stream.write(data)
    except OSError as exc:
        raise InputError(Problem(f"cannot write: {exc.strerror or exc}", label)) from None


def _temp_beside(target: Path, label: str) -> tuple[int, Path]:
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(Problem(f"cannot write: {exc.strerror or exc}", label)) from None
    return handle, Path(temp)


def _fill(handle: int, data: bytes) -> None:
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _replace_atomically(target: Path, data: bytes, label: str, info: os.stat_result | None) -> None:
    handle, temp = _temp_beside(target, label)
    try:
        _fill(handle, data)
        if info is None:
            temp.chmod(0o666 & ~_umask())
        else:
            temp.chmod(stat.S_IMODE(info.st_mode))
            with contextlib.suppress(OSError, AttributeError):
                os.chown(temp, info.st_uid, info.st_gid)
        temp.replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise InputError(Problem(f"cannot write: {exc.strerror or exc}", label)) from None
        raise


def _rewrite_in_place(target: Path, data: bytes, label: str) -> None:
    handle, temp = _temp_beside(target, label)
    try:
        _fill(handle, data)  # proves there is room for the text before the file is touched
        with target.open("r+b") as stream:
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as exc:
        raise InputError(Problem(f"cannot write: {exc.strerror or exc}", label)) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
