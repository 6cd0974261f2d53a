"""Text for the stream it goes to: no crash on a GBK or ASCII console, glyphs that degrade.

On Chinese Windows a redirected stdout is GBK; a CI log may be ASCII. ``glyphs_for(stream)``
tells a printer which bar and rule glyphs the stream can show; ``fit(text, stream)`` makes any
finished text printable there: bar glyphs all to ASCII at once (so a bar stays one kind), other
symbols to ASCII look-alikes, anything else replaced (``??`` for a wide character, keeping
columns aligned), and the UTF-8 BOM dropped where it means nothing.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import unicodedata
from dataclasses import astuple, dataclass
from typing import IO, Any

BOM = "\ufeff"


@dataclass(frozen=True)
class Glyphs:
    """The glyphs of bars, rules and checklists."""

    full: str  # a filled cell of a bar
    empty: str  # an empty cell of a bar
    tick: str  # a mark on a bar (the path's value)
    rule: str  # the rule under a table's header
    box: str  # an unticked checklist box
    ahead: str  # a chart's bar of a figure on or ahead of the path
    behind: str  # ... and of one behind it: told apart without colour (NO_COLOR)


UNICODE = Glyphs(full="█", empty="░", tick="┃", rule="━", box="☐", ahead="█", behind="▒")
ASCII = Glyphs(full="#", empty="-", tick="|", rule="-", box="[ ]", ahead="#", behind="=")

# The family of bar glyphs, switched to ASCII together when the stream lacks any of them.
_BARS: dict[str | int, str | int | None] = {
    **dict.fromkeys("█▉▊▋▌▍▎▏▐▇▆▅▄▃▂▁", "#"),
    "░": "-",
    "▒": "-",
    "▓": "#",
    "┃": "|",
    "│": "|",
    "━": "-",
    "─": "-",
    "☐": "[ ]",
}
_LOOK_ALIKES = {
    "—": "-", "–": "-", "−": "-", "…": "...", "→": "->", "←": "<-", "≤": "<=", "≥": ">=",
    "∞": "inf", "“": '"', "”": '"', "‘": "'", "’": "'", "•": "*", "·": ".", "×": "x",
    "✓": "v", "✗": "x", "┏": "+", "┓": "+", "┗": "+", "┛": "+", "┳": "+", "┻": "+", "╋": "+",
    "\u3000": "  ", "％": "%", "（": "(", "）": ")", "，": ",", "：": ":", "；": ";",
}  # fmt: skip


def encoding_of(stream: Any) -> str:
    """The stream's encoding, normalised (``utf-8``, ``gbk``, ``ascii``); UTF-8 if it has none."""
    name = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "ascii"


def _can(encoding: str, text: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def glyphs_for(stream: Any) -> Glyphs:
    """Unicode bar glyphs when ``stream`` can encode every one of them, else ASCII."""
    return UNICODE if _can(encoding_of(stream), "".join(astuple(UNICODE))) else ASCII


def fit(text: str, stream: Any) -> str:
    """``text`` made encodable in ``stream``'s encoding (unchanged when it already is)."""
    encoding = encoding_of(stream)
    if not encoding.startswith("utf"):
        text = text.removeprefix(BOM)
    if _can(encoding, text):
        return text
    if glyphs_for(stream) is ASCII:
        text = text.translate(str.maketrans(_BARS))
    return "".join(ch if _can(encoding, ch) else _substitute(ch, encoding) for ch in text)


def escaped_xml(text: str, stream: Any) -> str:
    """HTML or XML ``text`` that ``stream`` can show: what its encoding cannot is written as a
    character reference (&#28617;), which a browser or a JUnit reader reads back."""
    encoding = encoding_of(stream)
    return text.encode(encoding, "xmlcharrefreplace").decode(encoding)


def lost_character(text: str, stream: Any) -> str | None:
    """The first character of ``text`` that ``fit`` would write to ``stream`` as ``?`` (濉 to
    an ASCII stdout), having no look-alike there (— has -); None when none would be lost."""
    encoding = encoding_of(stream)
    text = text.removeprefix(BOM) if not encoding.startswith("utf") else text
    if _can(encoding, text):
        return None
    for ch in dict.fromkeys(text):
        if not _can(encoding, ch) and _substitute(ch, encoding) in {"?", "??"}:
            return ch
    return None


def _substitute(ch: str, encoding: str) -> str:
    similar = _LOOK_ALIKES.get(ch) or _BARS.get(ch)
    if isinstance(similar, str) and _can(encoding, similar):
        return similar
    folded = unicodedata.normalize("NFKD", ch).encode(encoding, "ignore").decode(encoding)
    if folded:
        return folded
    return "??" if unicodedata.east_asian_width(ch) in {"W", "F"} else "?"


def escaped_json(text: str, stream: Any) -> str:
    """JSON ``text`` that ``stream`` can show: what its encoding cannot is written as ``\\uXXXX``
    (a string's escape, as ``ensure_ascii`` writes it), so no character is lost to ``?``."""
    encoding = encoding_of(stream)
    if _can(encoding, text):
        return text
    out = []
    for ch in text:
        if _can(encoding, ch):
            out.append(ch)
        else:  # outside strings JSON is ASCII: every such character is in a string
            units = ch.encode("utf-16-be")
            out += [f"\\u{int.from_bytes(units[i : i + 2]):04x}" for i in range(0, len(units), 2)]
    return "".join(out)


# What would break a message's one line on stderr, or reach a terminal (or a CI log, which
# reads ::workflow commands from a line's start) as a command: line ends and control characters;
# and the bidirectional overrides, which would show a line's text in another order.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` as one line that shows what it holds: a line end or a control character (from a
    plan's name, a figure's note) as its escape, ``\\n``, ``\\x1b``."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def write(text: str, stream: IO[str] | None = None) -> None:
    """Write ``text`` to ``stream`` (stdout) so that it never fails to encode, and all of it
    or a BrokenPipeError: a stream's own write takes a pipe's partial write, when its reader
    leaves (``| head -c 10``), for the whole text and says nothing."""
    target = sys.stdout if stream is None else stream
    fitted = fit(text, target)
    if len(fitted) > _PIPE_BUFFER and os.name == "posix" and _write_all(fitted, target):
        return  # (elsewhere the stream's own newline and console handling stand)
    target.write(fitted)
    target.flush()


_PIPE_BUFFER = 4096  # what a pipe takes whole (PIPE_BUF): a shorter text is written at once


def _write_all(text: str, target: IO[str]) -> bool:
    """Write ``text`` to the descriptor under ``target`` until every byte is taken (a pipe takes
    64 KB a time); False when ``target`` has no descriptor (a test's capture)."""
    try:
        descriptor = target.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    encoding = getattr(target, "encoding", None) or "utf-8"
    data = memoryview(text.encode(encoding, getattr(target, "errors", None) or "strict"))
    target.flush()
    while data:
        data = data[os.write(descriptor, data) :]
    return True


def forgiving_streams() -> None:
    """Let stdout and stderr replace what they cannot encode rather than raise: the last guard,
    for text that does not pass through ``fit`` (help pages, typer's own messages)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            with contextlib.suppress(Exception):
                reconfigure(errors="replace")
