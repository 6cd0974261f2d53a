"""JSON loading that remembers where values stood, as yamlload does for YAML, at JSON's speed.

The standard library's C parser reads the document (numbers with a fraction as Decimal,
duplicate keys refused); the places of the top-level values and of each row of a list are
found by a second pass that walks only those levels and lets the C scanner skip the rest. Any
other place is found on demand, when an error asks for it, by walking the whole document once.
Lines and columns count code points; a line ends at ``\\n``, as in json's own errors.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from shuangshi_cli.errors import InputError, Problem
from shuangshi_cli.yamlload import Located, Path, Position, dotted, not_text

_WHITESPACE = " \t\n\r"
_SKIPPER = json.JSONDecoder(parse_int=str, parse_float=str)  # passes over a value: any length


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def _constant(name: str) -> str:
    """NaN and ±Infinity, which Python's json accepts: kept as text, refused as numbers later."""
    return name


def _int(text: str) -> int | Decimal:
    """An integer; a very long one as a Decimal (int() refuses past 4,300 digits), for the range
    checks to refuse."""
    return int(text) if len(text) <= _LONGEST_INT else Decimal(text)


_LONGEST_INT = 40
_DECODER = json.JSONDecoder(
    parse_float=Decimal, parse_int=_int, parse_constant=_constant, object_pairs_hook=_pairs
)


@dataclass
class JsonLocated(Located):
    """Located data from JSON text; places below the rows are found when first asked for."""

    text: str = ""
    _line_starts: list[int] = field(default_factory=list)
    _walked: bool = False

    def position(self, path: Path, *, key: bool = False) -> Position | None:
        if not self._walked and path not in (self.keys if key else self.values):
            self._walked = True
            _Walker(self, depth=None).value(_skip_space(self.text, 0), ())
        return super().position(path, key=key)

    def place(self, offset: int) -> Position:
        """1-based (line, column) of a code-point offset."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


class _Walker:
    """Records the places of values (and keys) down to ``depth`` levels (None: all)."""

    def __init__(self, located: JsonLocated, depth: int | None) -> None:
        self.located = located
        self.text = located.text
        self.depth = depth
        self.seen_keys: set[Path] = set()

    def value(self, pos: int, path: Path) -> int:
        """Record the value at ``pos`` and return the offset just after it."""
        self.located.values.setdefault(path, self.located.place(pos))
        char = self.text[pos : pos + 1]
        if char not in {"[", "{"} or (self.depth is not None and len(path) >= self.depth):
            return _SKIPPER.raw_decode(self.text, pos)[1]
        pos = _skip_space(self.text, pos + 1)
        closing = "]" if char == "[" else "}"
        index = 0
        while self.text[pos] != closing:
            if char == "[":
                pos = self.value(pos, (*path, index))
            else:
                key, end = _SKIPPER.raw_decode(self.text, pos)
                item = (*path, key)
                if item in self.seen_keys:  # the first of two is the one recorded, as in YAML
                    item = (*path, key, "<duplicate>")
                self.seen_keys.add(item)
                self.located.keys.setdefault(item, self.located.place(pos))
                pos = _skip_space(self.text, _skip_space(self.text, end) + 1)  # past ':'
                pos = self.value(pos, item)
            index += 1
            pos = _skip_space(self.text, pos)
            if self.text[pos] == ",":
                pos = _skip_space(self.text, pos + 1)
        return pos + 1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WHITESPACE:
        pos += 1
    return pos


def _duplicate(located: JsonLocated, key: str) -> InputError:
    """The error for a duplicate key: the first object, in document order, that repeats one."""
    walker = _Walker(located, depth=None)
    walker.value(_skip_space(located.text, 0), ())
    located._walked = True
    repeated = sorted(
        (located.keys[p], p[:-1]) for p in located.keys if p and p[-1] == "<duplicate>"
    )
    if not repeated:  # pragma: no cover - the parser said there was one
        return InputError(Problem(f"duplicate key {key!r}", file=located.file))
    (line, column), path = repeated[0]
    return InputError(
        Problem(
            f"duplicate key {path[-1]!r}",
            file=located.file,
            line=line,
            column=column,
            field=dotted(path),
        )
    )


def load_json(text: str, file: str) -> JsonLocated:
    """Parse one JSON document from ``text`` (named ``file`` in messages).

    Numbers with a fraction or an exponent come out as Decimal, integers as int. Raises
    InputError naming the line and column of the first problem: invalid JSON, a duplicate key,
    nesting too deep for the parser.
    """
    starts = [0]
    newline = text.find("\n")
    while newline != -1:
        starts.append(newline + 1)
        newline = text.find("\n", newline + 1)
    located = JsonLocated(data=None, file=file, text=text, _line_starts=starts)
    try:
        located.data = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            Problem(f"not valid JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno)
        ) from None
    except _DuplicateKeyError as exc:
        raise _duplicate(located, exc.key) from None
    except RecursionError:
        raise InputError(Problem("the document is nested too deeply", file=file)) from None
    # Rows stand one level down in a list, two in {"figures": [...]}: record down to them.
    depth = 2 if isinstance(located.data, dict) else 1
    _Walker(located, depth=depth).value(_skip_space(text, 0), ())
    if "\\" in text:  # only an escape (\u001b, \ud83d, \b) writes what a file may not hold
        _refuse_escaped(located, located.data, ())
    return located


def _refuse_escaped(located: JsonLocated, data: Any, path: Path) -> None:
    """An InputError at the first string (or key) that holds a control character or a lone
    surrogate, as YAML's escapes and a file's own characters are refused."""
    if isinstance(data, str):
        wrong = not_text(data)
        if wrong is not None:
            raise InputError(located.problem(path, wrong))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            _refuse_escaped(located, item, (*path, i))
    elif isinstance(data, dict):
        for key, item in data.items():
            wrong = not_text(key)
            if wrong is not None:
                raise InputError(located.problem((*path, key), wrong, key=True))
            _refuse_escaped(located, item, (*path, key))
