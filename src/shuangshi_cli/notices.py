"""What reading says on stderr besides errors: one keyed sentence per kind of notice.

The core calls ``notice(key, **fields)``; the CLI decides where the sentence goes (stderr by
default). The keys and their English wording are kept here, in one place, for the catalogue.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

MESSAGES = {
    "decoded_as": "{file}: not UTF-8; read as {encoding}",
    "layout": "{file}: {layout}",
    "sheet": "{file}: read sheet {sheet!r} ({index} of {count}); choose another with {file}#NAME",
    "not_in_plan": "{file}: {count} indicators the plan does not have, not read: {indicators}",
}

_sink: Callable[[str], None] | None = None


def notice(key: str, **fields: object) -> None:
    """Say one sentence (``MESSAGES[key]`` filled with ``fields``) to the current sink."""
    text = MESSAGES[key].format(**fields)
    if _sink is not None:
        _sink(text)
        return
    from shuangshi_cli.console import write

    write(text + "\n", sys.stderr)


def set_sink(sink: Callable[[str], None] | None) -> Callable[[str], None] | None:
    """Send notices to ``sink`` (None: stderr); returns the previous sink."""
    global _sink  # one process-wide destination, like logging's root handler
    previous, _sink = _sink, sink
    return previous
