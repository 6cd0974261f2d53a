"""Reading input files as UTF-8 with clear errors, and writing output files atomically."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

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


def read_text(path: Path, name: str | None = None) -> str:
    """The UTF-8 text of ``path`` (``-`` reads stdin); errors name the file."""
    label = name or str(path)
    if str(path) == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem("no such file", label)) from None
    except IsADirectoryError:
        raise InputError(Problem("is a directory, not a file", label)) from None
    except OSError as exc:
        raise InputError(Problem(f"cannot read: {exc.strerror or exc}", label)) from None
    return decode(data, label)


def write_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one.

    The text goes to a temporary file in the same folder, is flushed to disk, then renamed over
    ``path``; on any error the temporary file is removed and ``path`` is untouched.
    """
    folder = path.parent if str(path.parent) else Path()
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(Problem(f"cannot write: {exc.strerror or exc}", str(path))) from None
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temp).chmod(0o666 & ~_umask())
        Path(temp).replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        if isinstance(exc, OSError):
            raise InputError(Problem(f"cannot write: {exc.strerror or exc}", str(path))) from None
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
