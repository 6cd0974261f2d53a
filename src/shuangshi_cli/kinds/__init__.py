"""Kinds of target beyond level, rank, growth and change, one module each: ``approximate`` (15左右)
and ``relative`` (高于GDP增长). A kind's module has ``check`` (the plan's cross-field checks of
one target) and ``assess`` (its result); adding a kind adds a module and a line below."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from collections.abc import Iterator

    from shuangshi_cli.assess import Result
    from shuangshi_cli.figures import Figures
    from shuangshi_cli.plan import Kind, Plan, Target, Thresholds
    from shuangshi_cli.units import UnitRegistry

# Kind value → module under shuangshi_cli.kinds.
MODULES = {"approximate": "approximate", "relative": "relative"}


class KindModule(Protocol):
    """What a kind's module provides."""

    def check(
        self, target: Target, registry: UnitRegistry
    ) -> Iterator[tuple[tuple[str | int, ...], str]]: ...

    def assess(
        self,
        plan: Plan,
        target: Target,
        figures: Figures,
        *,
        as_of: int | None,
        now: int | None,
        thresholds: Thresholds | None,
    ) -> Result: ...


def module(kind: Kind) -> KindModule | None:
    """The module that assesses and checks ``kind``, or None for the kinds of assess.py."""
    name = MODULES.get(kind.value)
    return (
        None if name is None else cast("KindModule", import_module(f"shuangshi_cli.kinds.{name}"))
    )
