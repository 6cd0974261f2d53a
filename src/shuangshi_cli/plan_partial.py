"""The cross-field checks of a plan whose schema failed: run on every piece that does validate,
so that one run lists every problem of the file (a schema error hides nothing else)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from shuangshi_cli.formulas import FIRST_YEAR
from shuangshi_cli.plan import Header, Target, UnitDef, check_target
from shuangshi_cli.units import BUILTIN_UNITS

if TYPE_CHECKING:
    from collections.abc import Iterator


def _valid(model: type[Header] | type[Target] | type[UnitDef], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except (ValidationError, ValueError):
        return None


def partial_checks(data: dict[Any, Any]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Cross-field problems of the targets that validate on their own, as (path, message)."""
    header = _valid(Header, data.get("plan"))
    raw_plan = data.get("plan")
    base_year = header.base_year if header is not None else None
    if header is not None and header.period.start > header.period.end:
        yield ("plan", "period", "end"), "the period ends before it starts"
    if header is not None and header.base_year > header.period.end:
        yield ("plan", "base_year"), "the base year is after the end of the period"
    if base_year is None and isinstance(raw_plan, dict):
        year = raw_plan.get("base_year")
        base_year = year if isinstance(year, int) and not isinstance(year, bool) else None
    registry = BUILTIN_UNITS
    units = data.get("units")
    for raw in units if isinstance(units, list) else []:
        definition = _valid(UnitDef, raw)
        if definition is not None:
            try:
                registry = registry.extended([definition.unit()])
            except ValueError:
                continue
    targets = data.get("targets")
    for i, raw in enumerate(targets if isinstance(targets, list) else []):
        target = _valid(Target, raw)
        if target is None:
            continue
        # Without a base year the deadline cannot be checked against it.
        for path, message in check_target(target, base_year or FIRST_YEAR - 1, registry):
            yield ("targets", i, *path), message
