"""The one exception hierarchy of shuangshi-cli; each class knows its exit code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

from shuangshi_cli.messages import Lang, Msg, translate

if TYPE_CHECKING:
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_OFF_TRACK = 1
EXIT_INPUT = 2
# Written to a pipe whose reader has gone (`shuangshi check -F json | head -1`): 128 + SIGPIPE, as
# a shell reports a process killed by it. Never 1, which means "off track" to CI.
EXIT_BROKEN_PIPE = 141

# A value quoted in a message is cut beyond this many characters; a line beyond MAX_LINE.
MAX_SHOWN = 60
MAX_LINE = 1000


def _as_written(value: object) -> str:
    """A value of a YAML or JSON file as the file writes it: true, null, ["gdp"], not Python's
    True, None, ['gdp']."""
    if value is None or isinstance(value, bool | list | dict):
        import json

        try:
            return json.dumps(value, ensure_ascii=False, default=str)
        except (ValueError, RecursionError):  # (a list that holds itself: no file makes one)
            return str(value)
    return str(value)


def cut(value: object) -> str:
    """``value`` as text for a message, cut when long: ``1111111…(100000 characters)``."""
    text = _as_written(value)
    if len(text) <= MAX_SHOWN:
        return text
    return f"{text[: MAX_SHOWN - 20]}…({len(text)} characters)"


def shown(value: object) -> str:
    """``value`` quoted for a message (its repr), cut when long: ``'1111…'(100000 characters)``."""
    text = _as_written(value)
    if len(text) <= MAX_SHOWN:
        return repr(text)
    return f"{text[: MAX_SHOWN - 20]!r}…({len(text)} characters)"


def clip(line: str) -> str:
    """A message line as printed: cut to MAX_LINE characters, so no input echoes into a huge
    error line, and with control characters escaped (\\x1b, \\n), so that a name in a file can
    neither drive the terminal nor break the line in two."""
    if len(line) > MAX_LINE:
        line = f"{line[: MAX_LINE - 40]}…({len(line)} characters)"
    if line.isprintable():
        return line
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where it is.

    Rendered as ``file:line:column: field: message``; parts that are unknown are left out.
    """

    message: str | Msg
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        return self.text(Lang.EN)

    def text(self, lang: Lang) -> str:
        """The problem in ``lang``: its place, its field, its message."""
        message = (
            self.message.text(lang)
            if isinstance(self.message, Msg)
            else translate(self.message, lang)
        )
        place = ""
        if self.file is not None:
            place = translate(self.file, lang) if self.file.startswith("argument ") else self.file
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
        parts = [p for p in (place, self.field) if p]
        return ": ".join([*parts, message])


class ShuangshiError(Exception):
    """Base of every error the CLI turns into a message and an exit code."""

    exit_code: int = EXIT_INPUT

    def lines(self, lang: Lang = Lang.EN) -> list[str]:
        """The message lines printed on stderr, one per problem, in ``lang``."""
        return [clip(str(self))]


class InputError(ShuangshiError):
    """Bad input: a file, a figure, an option value. Carries one or more located problems."""

    exit_code = EXIT_INPUT

    def __init__(self, problems: Problem | Sequence[Problem]) -> None:
        # each problem once: a wide table's row gives a bad unit cell once per period column
        unique: dict[str, Problem] = {}
        for problem in (problems,) if isinstance(problems, Problem) else problems:
            unique.setdefault(str(problem), problem)
        self.problems: tuple[Problem, ...] = tuple(unique.values())
        if not self.problems:
            raise ValueError("an InputError needs at least one problem")
        super().__init__("\n".join(unique))

    @classmethod
    def at(
        cls,
        message: str | Msg,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> Self:
        """Build an error with a single problem."""
        return cls(Problem(message, file=file, line=line, column=column, field=field))

    def lines(self, lang: Lang = Lang.EN) -> list[str]:
        return [clip(p.text(lang)) for p in self.problems]


class PlanError(InputError):
    """The targets file (the plan) is not valid."""


class FiguresError(InputError):
    """A figures file or a KEY=VALUE pair is not valid."""


class UsageProblem(InputError):
    """Options that do not fit together or do not fit the plan."""


class OutputClosed(ShuangshiError):
    """stdout is a pipe whose reader has gone (``| head``): nothing more to say, exit 141."""

    exit_code = EXIT_BROKEN_PIPE

    def lines(self, lang: Lang = Lang.EN) -> list[str]:
        return []
