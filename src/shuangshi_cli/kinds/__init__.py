"""Kinds of target beyond level, rank, growth and change, one module each: ``approximate`` (15左右)
and ``relative`` (高于GDP增长). A kind's module has ``check`` (the plan's cross-field checks of
one target) and ``assess`` (its result); adding a kind adds a module and a line below."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shuangshi_cli.plan import Kind

# Kind value → module under shuangshi_cli.kinds.
MODULES = {"approximate": "approximate", "relative": "relative"}


def module(kind: Kind) -> Any | None:
    """The module that assesses and checks ``kind``, or None for the kinds of assess.py."""
    name = MODULES.get(kind.value)
    return None if name is None else import_module(f"shuangshi_cli.kinds.{name}")
