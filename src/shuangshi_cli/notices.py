"""What reading says on stderr besides errors: one keyed sentence per kind of notice.

The core calls ``notice(key, **fields)``; the words are the catalogue's ``notice.<key>``, in
the language the CLI set (``set_lang``); the CLI decides where the sentence goes (stderr by
default).
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from shuangshi_cli.messages import Lang, t

if TYPE_CHECKING:
    from collections.abc import Callable

_sink: Callable[[str], None] | None = None
_lang = Lang.EN


def set_lang(lang: Lang) -> None:
    """Word notices in ``lang`` from now on."""
    global _lang  # noqa: PLW0603 -- one process-wide language, set once by the CLI
    _lang = lang


def notice(key: str, **fields: object) -> None:
    """Say one sentence (the catalogue's ``notice.<key>`` filled with ``fields``) to the sink."""
    from shuangshi_cli.console import one_line, write

    text = one_line(t(f"notice.{key}", _lang, **fields))
    if _sink is not None:
        _sink(text)
        return

    if sys.stderr is None:  # (2>&-: the words are lost, and never written to stdout)
        return
    with contextlib.suppress(OSError, ValueError):
        write(text + "\n", sys.stderr)


def set_sink(sink: Callable[[str], None] | None) -> Callable[[str], None] | None:
    """Send notices to ``sink`` (None: stderr); returns the previous sink."""
    global _sink  # one process-wide destination, like logging's root handler
    previous, _sink = _sink, sink
    return previous
