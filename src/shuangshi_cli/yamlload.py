"""Safe YAML loading that remembers where every value stood, for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from shuangshi_cli.errors import InputError, Problem, shown
from shuangshi_cli.fileio import BIDI_CONTROLS, CONTROLS
from shuangshi_cli.units import DECIMAL

if TYPE_CHECKING:
    from shuangshi_cli.messages import Msg

Path = tuple[str | int, ...]
Position = tuple[int, int]

# A YAML file of a plan or of figures has a few thousand nodes; aliases can make a tiny
# file expand into billions ("billion laughs"), so the expansion is bounded. The nodes are
# counted as the parser meets them, and the text is bounded before parsing starts.
MAX_NODES = 200_000
MAX_CHARS = 4_000_000
# libyaml when it is there: the pure-Python parser takes seconds on a large file.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
_BOOLEANS = {"yes": True, "true": True, "on": True, "y": True}
_BOOLEANS |= {"no": False, "false": False, "off": False, "n": False}
# What an escape (\e, \u001b, \x85) may write into a string that a file may not hold: control
# characters (a terminal's escapes, a bell), lone surrogates and bidirectional overrides (which
# reorder what a terminal shows). Tabs and line ends may stand.
_NOT_TEXT = re.compile(f"[{CONTROLS}\x0b\x0c\ud800-\udfff{BIDI_CONTROLS}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def not_text(text: str) -> str | None:
    """What is wrong with a string a file's escapes wrote: a control character or a lone
    surrogate, which no table holds (and which would reach a terminal); None if nothing."""
    found = _NOT_TEXT.search(text)
    if found is None:
        return None
    code = ord(found.group())
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate (\\ud800–\\udfff) is not a character"
    if _BIDI.match(found.group()):  # (it reorders what is shown)
        return f"the character U+{code:04X} (a bidirectional control) is not allowed"
    return f"the character U+{code:04X} (a control character) is not allowed"


_TAG = "tag:yaml.org,2002:"


@dataclass
class Located:
    """Plain Python data from a YAML document, with the 1-based (line, column) of each path."""

    data: Any
    file: str
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)

    def position(self, path: Path, *, key: bool = False) -> Position | None:
        """Where ``path`` stands: its key when ``key``, else its value; else the nearest parent."""
        if key and path in self.keys:
            return self.keys[path]
        probe = path
        while True:
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return None
            probe = probe[:-1]

    def problem(self, path: Path, message: str | Msg, *, key: bool = False) -> Problem:
        """A Problem located at ``path``."""
        pos = self.position(path, key=key)
        line, column = pos if pos else (None, None)
        return Problem(message, file=self.file, line=line, column=column, field=dotted(path))


def dotted(path: Path) -> str | None:
    """``('targets', 1, 'value')`` → ``targets[1].value``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def _pos(node: Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, located: Located, *, clean: bool = False) -> None:
        self.located = located
        # ``clean``: the text holds no character a string may not, nor an escape to write one:
        # no string can, and none is searched
        self.clean = clean
        self.count = 0
        self.active: set[int] = set()
        self._timestamps = yaml.SafeLoader("")

    def fail(self, node: Node, path: Path, message: str) -> InputError:
        line, column = _pos(node)
        return InputError(
            Problem(message, file=self.located.file, line=line, column=column, field=dotted(path))
        )

    def build(self, node: Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, path, "the document is too large (or expands through aliases)")
        self.located.values.setdefault(path, _pos(node))
        if id(node) in self.active:
            raise self.fail(node, path, "an alias refers to itself")
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                self.check_tag(node, path, "seq")
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                self.check_tag(node, path, "map")
                return self.mapping(node, path)
        finally:
            self.active.discard(id(node))
        raise self.fail(node, path, "unsupported YAML node")  # pragma: no cover

    def check_tag(self, node: Node, path: Path, expected: str) -> None:
        if node.tag != _TAG + expected:
            raise self.fail(node, path, f"YAML tag {node.tag!r} is not allowed")

    def mapping(self, node: MappingNode, path: Path) -> dict[str | int, Any]:
        result: dict[str | int, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise self.fail(key_node, path, "YAML merge keys (<<) are not supported")
            if not isinstance(key_node, ScalarNode):
                raise self.fail(key_node, path, "a key must be a plain name")
            key = self.scalar(key_node, path)
            if isinstance(key, bool) or not isinstance(key, str | int):
                key = key_node.value
            if key in result:
                raise self.fail(key_node, (*path, key), f"duplicate key {key!r}")
            self.located.keys[(*path, key)] = _pos(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result

    def scalar(self, node: ScalarNode, path: Path) -> Any:
        tag = node.tag.removeprefix(_TAG)
        text = node.value
        if not self.clean and (wrong := not_text(text)) is not None:
            raise self.fail(node, path, wrong)
        if tag == "str":
            return text
        if tag == "null":
            return None
        if tag == "bool":
            if text.lower() not in _BOOLEANS:
                raise self.fail(node, path, f"{shown(text)} is not a boolean (true or false)")
            return _BOOLEANS[text.lower()]
        if tag == "int":
            # a number in decimal digits, as a table's cell is (017 is 17, not YAML 1.1's octal);
            # YAML 1.1's others (0x10, 0b11, 1_000, 352.) stay text, which is refused
            if DECIMAL.fullmatch(text) is None:  # (YAML's int has no point nor exponent)
                return text  # 0x10, 0b11, 1_000, 017, 1:30: no number a table would hold
            return int(text)
        if tag == "float":
            if DECIMAL.fullmatch(text) is None:
                return text  # 352., 1_000.5, .inf, .nan, 1:30: left to validation, which says
            return Decimal(text)
        if tag == "timestamp":
            if yaml.SafeLoader.timestamp_regexp.match(text) is None:  # an explicit !!timestamp
                raise self.fail(node, path, f"{shown(text)} is not a date (YYYY-MM-DD)")
            try:
                return self._timestamps.construct_yaml_timestamp(node)
            except ValueError:
                return text  # an impossible date (2017-02-30): validation names the field
        raise self.fail(node, path, f"YAML tag {node.tag!r} is not allowed")


# libyaml composes the same nodes with the same marks, ten times faster; the pure loader stays
# the reference: it reads what libyaml refuses (and words its errors as before) and what holds
# characters YAML forbids (libyaml's checks of those differ).
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> list[Node]:
    if _FAST_LOADER is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return list(yaml.compose_all(text, Loader=_FAST_LOADER))
        except yaml.YAMLError:
            pass
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def _count_nodes(text: str, file: str) -> None:
    """Refuse a document of more than MAX_NODES nodes while the parser meets them."""
    if _FAST_LOADER is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        # libyaml counts every event (the ends of lists and mappings too) without making Python
        # objects of them, in a fifth of the time: no more events than MAX_NODES, no more nodes.
        count_events = getattr(_FAST_LOADER(text), "raw_parse", None)
        try:
            if count_events is not None and count_events() <= MAX_NODES:
                return
        except yaml.YAMLError:
            pass  # counted below, as far as the parser gets (composing says what is wrong)
    count = 0
    # the pure parser where libyaml would word a forbidden character otherwise
    loader = yaml.SafeLoader if yaml.reader.Reader.NON_PRINTABLE.search(text) else _LOADER
    events = yaml.parse(text, Loader=loader)
    while True:
        try:
            event = next(events)
        except StopIteration:
            return
        except yaml.YAMLError:
            return  # composing the document says what is wrong, where, as always
        if isinstance(event, _NODE_EVENTS):
            count += 1
            if count > MAX_NODES:
                mark = event.start_mark
                raise InputError(
                    Problem(
                        f"the document has more than {MAX_NODES} values, the most read as "
                        "YAML (give a large table of figures as CSV or JSON)",
                        file=file,
                        line=mark.line + 1 if mark else None,
                        column=mark.column + 1 if mark else None,
                    )
                )


def load_yaml(text: str, file: str) -> Located:
    """Parse one YAML document from ``text`` (named ``file`` in messages).

    Only plain data comes out: mappings, lists, strings, integers, Decimals for numbers with a
    fraction, dates, booleans and nulls. Tags that would construct objects are refused. Raises
    InputError naming the line and column of the first problem.
    """
    located = Located(data=None, file=file)
    if len(text) > MAX_CHARS:
        raise InputError(
            Problem(
                f"the file is larger than {MAX_CHARS // 1_000_000} MB, the most read as YAML or "
                "JSON (give a large table of figures as CSV)",
                file=file,
            )
        )
    try:
        _count_nodes(text, file)
        nodes = _compose(text)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: NUL, BEL, ESC …
        position = exc.position or 0
        row = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a byte"
        raise InputError(
            Problem(
                f"not valid YAML: the character {character} is not allowed",
                file=file,
                line=row,
                column=col,
            )
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        if "nesting depth" in message:  # libyaml's limit, where the Python parser recurses
            raise InputError(Problem("the document is nested too deeply", file=file)) from None
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        raise InputError(
            Problem(f"not valid YAML: {message}", file=file, line=line, column=column)
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(f"not valid YAML: {exc}", file=file)) from None
    except RecursionError:
        raise InputError(Problem("the document is nested too deeply", file=file)) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise InputError(Problem("the file is empty", file=file))
    if len(nodes) > 1:
        line, column = _pos(nodes[1])
        raise InputError(
            Problem("expected one YAML document, found more", file=file, line=line, column=column)
        )
    try:
        clean = "\\" not in text and _NOT_TEXT.search(text) is None
        located.data = _Builder(located, clean=clean).build(nodes[0], ())
    except RecursionError:
        raise InputError(Problem("the document is nested too deeply", file=file)) from None
    return located
