"""Reading input files as text (UTF-8, UTF-16, GB18030) with clear errors, and writing output
files safely."""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from shuangshi_cli.errors import InputError, Problem
from shuangshi_cli.messages import msg

if TYPE_CHECKING:
    from collections.abc import Iterator

STDIN = "-"
STDIN_NAME = "<stdin>"  # what messages call it


# Magic numbers of workbooks: xlsx and ods are zip files, xls an OLE compound document.
WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF8, "UTF-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"),
)
# Control characters never found in a text table or a plan (tab, newlines and form feed are).
# What no table of text holds, and what would reach a terminal as a command or reorder what it
# shows: control characters (C0 but tab, line ends and form feed; DEL; C1, U+0080–U+009F, which
# terminals take as escapes too) and the bidirectional embeddings, overrides and isolates.
# (regex ranges, one definition for text files, workbook cells and YAML's escapes)
CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x9f"  # but tab, line ends, VT and FF: each reader says
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_BINARY = re.compile(f"[{CONTROLS}\x0b{BIDI_CONTROLS}]")
# The same in a workbook's cell, which may break its line (Alt+Enter; a soft return pasted from
# Word, U+000B, is one too) but holds no form feed.
_NOT_IN_A_CELL = re.compile(f"[{CONTROLS}\x0c{BIDI_CONTROLS}]")


def shown_name(path: str) -> str:
    """A file's name in messages: ``-`` is ``<stdin>``."""
    return STDIN_NAME if path == STDIN else path


def forbidden_character(text: str) -> str | None:
    """The code (U+001B) of the first character a workbook's cell may not hold, if any."""
    found = _NOT_IN_A_CELL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def is_workbook(data: bytes) -> bool:
    """Whether ``data`` starts like an .xlsx/.ods (zip) or .xls (OLE) workbook."""
    return data.startswith(WORKBOOK_MAGIC)


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """``data`` as text: UTF-8 (with or without the BOM Excel writes), else what it is.

    - ``encoding`` given: that codec, strictly.
    - A byte-order mark names UTF-8, UTF-16 (Excel's "Unicode text") or UTF-32; UTF-16 without
      one is recognised by its NUL bytes.
    - Not UTF-8 but valid GB18030 (GBK, Excel's "CSV" on Chinese Windows): read as such, and a
      notice says so.
    - A workbook, or bytes that are no text in any of these, raise InputError saying what it is.
    """
    if encoding is not None:
        return _decode_as(data, name, encoding, encoding)
    if is_workbook(data):
        raise InputError(
            Problem("this is a workbook (.xlsx, .xls or .ods) or another zip file, not text", name)
        )
    for mark, label, codec in _BOMS:
        if data.startswith(mark):
            return _decode_as(data, name, codec, label)
    unmarked = _utf16_without_bom(data)
    if unmarked is not None:
        return _decode_as(data, name, unmarked, "UTF-16")
    try:
        return _text(data.decode("utf-8"), name)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _BINARY.search(text):
        from shuangshi_cli.notices import notice

        notice("decoded_as", file=name, encoding="GB18030 (GBK)")
        return text
    line = data.count(b"\n", 0, first_bad) + 1
    raise InputError(
        Problem(
            f"the file is not text in UTF-8, UTF-16 or GB18030 (byte 0x{data[first_bad]:02x}); "
            "if it is text, name its encoding with --encoding",
            name,
            line,
        )
    )


def _decode_as(data: bytes, name: str, codec: str, label: str) -> str:
    try:
        text = data.decode(codec)
    except LookupError:
        raise InputError(Problem(f"unknown encoding {label!r}", name)) from None
    except UnicodeDecodeError as exc:
        wide = "16" in codec or "32" in codec  # a newline byte there is no newline
        # utf-8-sig counts from after the mark it takes off
        start = exc.start + (3 if codec == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf") else 0)
        line = None if wide else data.count(b"\n", 0, start) + 1
        raise InputError(
            Problem(f"the file is not valid {label} (byte 0x{data[start]:02x})", name, line)
        ) from None
    return _text(text.removeprefix("\ufeff"), name)


def _text(text: str, name: str) -> str:
    binary = _BINARY.search(text)
    if binary is not None:
        at = binary.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        code = f"U+{ord(binary.group()):04X}"
        raise InputError(
            Problem(msg("the file is not text: the character {code} is not allowed", code=code),
                    name, line, column)
        )  # fmt: skip
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is mostly NUL, as in UTF-16 of ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    half = len(data) // 2
    if odd > half * 0.4 and even == 0:
        return "utf-16-le"
    if even > half * 0.4 and odd == 0:
        return "utf-16-be"
    return None


# No plan, figures or peer table comes near this; /dev/zero would fill the memory.
MAX_BYTES = 64 * 1024 * 1024


def _bounded(stream: BinaryIO, label: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            Problem(msg("the file is larger than {size} MB, the most read",
                        size=MAX_BYTES // (1024 * 1024)), label)
        )  # fmt: skip
    return data


# What a run of the command line has read, by (device, inode), and how messages name it: an
# output that is one of its regular files, by any name (a symlink, a hard link), would destroy an
# input; a stream (stdin, a pipe) read twice would be found empty the second time. None outside
# a run: a library call tracks nothing. (A stack: the innermost run is the one tracked.)
_RUNS: list[dict[tuple[int, int], str]] = []
_STDIN_KEY = (-1, -1)  # stdin that is a terminal or a device: known by its name only


@contextlib.contextmanager
def run_inputs() -> Iterator[None]:
    """The inputs of one run are tracked inside this block (the CLI runs many times in a test
    process, each with its own)."""
    _RUNS.append({})
    try:
        yield
    finally:
        _RUNS.pop()


def _inputs() -> dict[tuple[int, int], str] | None:
    return _RUNS[-1] if _RUNS else None


def _refuse_input(info: os.stat_result, label: str) -> None:
    """An output that is a file this run read: refused, before anything is written."""
    inputs = _inputs()
    if inputs is None or not stat.S_ISREG(info.st_mode):
        return
    read = inputs.get((info.st_dev, info.st_ino))
    if read == label:
        raise InputError(Problem(msg("error.output_is_input.same"), label))
    if read is not None:
        raise InputError(Problem(msg("error.output_is_input", input=read), label))


def _note_input(info: os.stat_result | None, label: str, *, stdin: bool) -> None:
    """Remember an input (``info`` None: a terminal); stdin or a stream (a pipe) read before is
    refused, as its bytes are gone."""
    inputs = _inputs()
    if inputs is None:
        return
    key = _STDIN_KEY if info is None else (info.st_dev, info.st_ino)
    stream = info is None or stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode)
    if key in inputs and (stdin or stream):  # -f - -f -, - and /dev/stdin, a pipe twice
        raise InputError(Problem(msg("error.stdin_twice" if stdin else "error.read_twice"), label))
    inputs.setdefault(key, label)


def _stat_of(stream: Any) -> os.stat_result | None:
    try:
        info = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError):  # not a file (a test's stream, a closed one)
        return None
    return info if not stat.S_ISCHR(info.st_mode) else None  # a terminal: by its name


def read_bytes(path: Path, name: str | None = None) -> bytes:
    """The bytes of ``path`` (``-`` reads stdin), at most MAX_BYTES; errors name the file."""
    if name == "":  # Path("") is the current directory: a name left empty ("$FILE" unset)
        raise InputError(Problem(msg("error.empty_name"), "''"))
    label = name or str(path)
    if str(path) == STDIN:
        label = STDIN_NAME
        try:
            _note_input(_stat_of(sys.stdin), label, stdin=True)
            return _bounded(sys.stdin.buffer, label)
        except (AttributeError, OSError, ValueError):  # stdin closed (0<&-) or not readable
            raise InputError(Problem(msg("cannot read: stdin is closed"), label)) from None
    try:
        before: os.stat_result | None = path.stat()
    except (OSError, ValueError):
        before = None  # opening it says what is wrong
    fifo = before is not None and stat.S_ISFIFO(before.st_mode)
    if fifo:  # before opening: a pipe opened again would wait for a writer that never comes
        _note_input(before, label, stdin=False)
    try:
        with path.open("rb") as stream:
            info = os.fstat(stream.fileno())
            if not fifo and not stat.S_ISCHR(info.st_mode):  # (/dev/zero: read as often as asked)
                _note_input(info, label, stdin=False)
            data = _bounded(stream, label)
    except FileNotFoundError:
        raise InputError(Problem(msg("error.no_such_file"), label)) from None
    except IsADirectoryError:
        raise InputError(Problem(msg("error.is_directory"), label)) from None
    except OSError as exc:
        raise InputError(
            Problem(
                msg("error.cannot_read", reason=msg(exc.strerror) if exc.strerror else exc), label
            )
        ) from None
    return data


def read_text(path: Path, name: str | None = None, encoding: str | None = None) -> str:
    """The text of ``path`` (``-`` reads stdin), decoded by ``decode``; errors name the file."""
    label = STDIN_NAME if str(path) == STDIN else name or str(path)
    return decode(read_bytes(path, name), label, encoding)


def write_output(
    path: Path, text: str | bytes, *, encoding: str = "utf-8", label: str | None = None
) -> None:
    """Write ``text`` (or bytes: a workbook) to ``path`` without ever destroying what stands there.

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
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
            return
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if not label:
        raise InputError.at(msg("error.output_name"))
    _refuse_folder_name(label)
    descriptor = own_descriptor(str(path))
    if descriptor is not None:
        _write_descriptor(descriptor, text if isinstance(text, bytes) else text.encode(encoding),
                          label)  # fmt: skip
        return
    try:
        target = Path(os.path.realpath(path))  # (a relative path needs the working folder)
    except OSError as exc:  # it is gone
        raise _unwritable(exc, label) from None
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _unwritable(exc, label) from None
    data = text if isinstance(text, bytes) else text.encode(encoding)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(Problem(msg("error.is_directory"), label))
    if info is not None:
        _refuse_input(info, label)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(target, data, label)
        return
    if info is not None and not os.access(target, os.W_OK):  # a read-only file, as cp says
        raise InputError(Problem(msg("error.cannot_write", reason=msg(_DENIED)), label))
    if info is not None and info.st_nlink > 1:
        _rewrite_in_place(target, data, label)
        return
    _replace_atomically(target, data, label, info)


# Names of a descriptor this process has open: /dev/stdout is the run's own stdout (a pipe, a
# terminal, or a file a shell opened with >>), written to as it stands, never replaced.
_DESCRIPTOR = re.compile(
    r"/dev/(?:(stdout)|(stderr)|fd/([0-9]+))|/proc/(?:self|([0-9]+))/fd/([0-9]+)"
)


def own_descriptor(name: str) -> int | None:
    """The descriptor that ``name`` (or a symlink chain from it) names: /dev/stdout → 1,
    /dev/stderr → 2, /dev/fd/N and /proc/self/fd/N → N; None for any other path."""
    try:
        probe = Path(os.path.normpath(Path(name).absolute()))
    except OSError:  # the working folder is gone
        return None
    for _ in range(40):  # (as many links as the system follows)
        match = _DESCRIPTOR.fullmatch(probe.as_posix())
        if match is not None:
            stdout, stderr, fd, pid, proc_fd = match.groups()
            if pid is not None and int(pid) != os.getpid():
                return None
            return 1 if stdout else 2 if stderr else int(fd or proc_fd)
        try:
            if not probe.is_symlink():
                return None
            probe = Path(os.path.normpath(probe.parent / probe.readlink()))
        except OSError:
            return None
    return None


def _write_descriptor(descriptor: int, data: bytes, label: str) -> None:
    """Write ``data`` to an open descriptor as it stands (appending where it was opened so)."""
    try:
        info = os.fstat(descriptor)
    except OSError as exc:
        raise _unwritable(exc, label) from None
    _refuse_input(info, label)
    for stream in (sys.stdout, sys.stderr):  # what was written there before comes first
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(descriptor, view) :]
    except BrokenPipeError:
        raise  # the reader is gone: the run ends as a closed pipe ends it
    except OSError as exc:
        raise _unwritable(exc, label) from None


def _refuse_folder_name(label: str) -> None:
    """``out/`` names a folder: a directory there is refused as one, else the name is (a path
    would drop the slash and write a file called ``out``)."""
    if label.endswith(("/", os.sep)):
        if Path(label).is_dir():
            raise InputError(Problem(msg("error.is_directory"), label))
        raise InputError(Problem(msg("error.folder_name"), label))


def _open_file_key(info: os.stat_result, descriptor: int) -> object:
    """What an open descriptor writes to, for one output per file: a regular file by its inode,
    anything else (a pipe, a terminal) by the descriptor."""
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else ("fd", descriptor)


def check_writable(labels: list[str]) -> None:
    """Before a command writes several files: each can be written, and no two are the same file,
    so that a run that fails on one leaves none of them written (each write is atomic, but a
    run that wrote the first and failed on the second would have left the first behind).

    Says what writing would say: a missing folder, no permission, a directory. ``-`` is stdout.
    """
    seen: dict[object, str] = {}

    def claim(keys: list[object], label: str) -> None:
        """One output per file: by its resolved path, and by its inode where it exists."""
        for key in keys:
            if key in seen:
                if seen[key] == label:
                    raise InputError(Problem(msg("error.output_twice"), label))
                raise InputError.at(msg("error.same_output", first=seen[key], second=label))
        for key in keys:
            seen[key] = label

    if labels.count(STDIN) > 1:  # (JUnit then JSON on one stream: neither reads)
        raise InputError.at(msg("error.stdout_twice"))
    for label in labels:
        if label == STDIN:  # stdout, as /dev/stdout names it too
            with contextlib.suppress(OSError, ValueError):
                claim([_open_file_key(os.fstat(1), 1)], label)
            continue
        if not label:
            continue
        descriptor = own_descriptor(label)
        if descriptor is not None:  # the run's own stdout, stderr …: open already
            try:
                info = os.fstat(descriptor)
            except OSError as exc:
                raise _unwritable(exc, label) from None
            _refuse_input(info, label)
            claim([_open_file_key(info, descriptor)], label)
            continue
        _refuse_folder_name(label)
        try:
            target = Path(os.path.realpath(label))
        except OSError as exc:  # the working folder is gone
            raise _unwritable(exc, label) from None
        if target.is_dir():
            raise InputError(Problem(msg("error.is_directory"), label))
        folder = target.parent
        if target.exists():
            info = target.stat()
            _refuse_input(info, label)
            keys: list[object] = [target]
            if stat.S_ISREG(info.st_mode):
                keys.append((info.st_dev, info.st_ino))
            claim(keys, label)
            writable = os.access(target, os.W_OK)
        elif not folder.is_dir():
            raise InputError(Problem(msg("error.cannot_write", reason=msg(_NO_FOLDER)), label))
        else:
            claim([target], label)
            writable = os.access(folder, os.W_OK)
        if not writable:
            raise InputError(Problem(msg("error.cannot_write", reason=msg(_DENIED)), label))


_NO_FOLDER, _DENIED = os.strerror(errno.ENOENT), os.strerror(errno.EACCES)


def _unwritable(exc: OSError, label: str) -> InputError:
    """What a failed write of ``label`` says: the system's reason, in the user's language."""
    return InputError(
        Problem(msg("error.cannot_write", reason=msg(exc.strerror) if exc.strerror else exc), label)
    )


def _unended(path: Path) -> bool:
    """Whether a regular file ``path`` holds text whose last line has no line end."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
            return False
        with path.open("rb") as stream:
            stream.seek(-1, os.SEEK_END)
            return stream.read(1) != b"\n"
    except OSError:
        return False


def append_text(path: Path, text: str) -> None:
    """Append ``text`` (UTF-8) to ``path``, as a CI job summary file is written to (``-`` is
    stdout)."""
    if str(path) == STDIN:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        with contextlib.suppress(FileNotFoundError):
            _refuse_input(path.stat(), str(path))
        with path.open("a", encoding="utf-8") as stream:
            if _unended(path):  # (a heading after a line cut short would be no heading)
                stream.write("\n")
            stream.write(text)
    except OSError as exc:
        raise _unwritable(exc, str(path)) from None


def _write_through(target: Path, data: bytes, label: str) -> None:
    """Write to a device, FIFO or socket as an ordinary stream, without truncating or renaming."""
    try:
        with target.open("wb", buffering=0) as stream:
            stream.write(data)
    except OSError as exc:
        raise _unwritable(exc, label) from None


def _temp_beside(target: Path, label: str) -> tuple[int, Path]:
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _unwritable(exc, label) from None
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
            raise _unwritable(exc, label) from None
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
        raise _unwritable(exc, label) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
