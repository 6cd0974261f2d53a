"""Loading a plan: a file, the embedded plans by name, YAML with every value's place, and
pydantic's errors turned into problems that name file, line, column and field.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ValidationError,
)

from shuangshi_cli.errors import PlanError, Problem
from shuangshi_cli.fileio import read_text, shown_name
from shuangshi_cli.plan import (
    EMBEDDED_NAME,
    Plan,
)
from shuangshi_cli.plan_checks import PlanSemanticError, _suggest
from shuangshi_cli.yamlload import Located, dotted, load_yaml


def embedded_plan_text(name: str | None = None) -> str:
    """The text of an embedded plan: by default the 双实 意见."""
    file = "targets.yaml" if name is None else embedded_plans()[name]
    return resources.files("shuangshi_cli").joinpath(file).read_text(encoding="utf-8")


def load_plan(path: Path | str | None = None) -> Plan:
    """Load and validate a plan file; ``None`` loads the embedded 双实 plan, and the name of an
    embedded plan (``cn-14th-fyp``) that is not a file loads that plan.

    Raises PlanError listing every problem with file, line, column and field.
    """
    if path is None:
        return parse_plan(embedded_plan_text(), EMBEDDED_NAME)
    name = str(path)
    if name in embedded_plans() and not Path(path).exists():
        return parse_plan(embedded_plan_text(name), f"{name} (embedded)")
    shown = shown_name(name)  # (as figures from stdin are named)
    return parse_plan(read_text(Path(path), shown), shown)


# -- embedded plans -----------------------------------------------------------------------------

DEFAULT_PLAN = "suixi-shuangshi-2017"


def embedded_plans() -> dict[str, str]:
    """Embedded plans by name: the default 双实 plan, and each file of the package's plans/."""
    found = {DEFAULT_PLAN: "targets.yaml"}
    folder = resources.files("shuangshi_cli").joinpath("plans")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            found[entry.name.removesuffix(".yaml")] = f"plans/{entry.name}"
    return found


def embedded_plan_named(name: str) -> Plan:
    """The embedded plan ``name``; KeyError if there is none."""
    return parse_plan(embedded_plan_text(name), f"{name} (embedded)")


def parse_plan(text: str, file: str) -> Plan:
    """Validate plan YAML ``text``; ``file`` names it in messages."""
    located = load_yaml(text, file)
    if not isinstance(located.data, dict):
        raise PlanError(located.problem((), "a plan is a mapping with keys plan, targets …"))
    try:
        plan = Plan.model_validate(located.data)
    except ValidationError as exc:
        from shuangshi_cli.plan_partial import partial_checks

        problems = _problems(exc, located)
        problems += [located.problem(p, m) for p, m in partial_checks(located.data)]
        raise PlanError(problems) from None
    except PlanSemanticError as exc:
        raise PlanError([located.problem(p, m) for p, m in exc.problems]) from None
    for i, target in enumerate(plan.targets):
        position = located.position(("targets", i))
        if position is not None and file != EMBEDDED_NAME:  # the embedded plan is in no checkout
            plan._places[target.id] = (file, position[0])
    return plan


def _problems(exc: ValidationError, located: Located) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    for error in exc.errors(include_url=False):
        path = tuple(error["loc"])
        message = _message(error, path, located)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        if error["type"] == "missing":  # point at the key of the mapping that lacks it
            place = located.problem(path[:-1], message, key=True)
            problems.append(Problem(message, place.file, place.line, place.column, dotted(path)))
        else:
            problems.append(located.problem(path, message, key=error["type"] == "extra_forbidden"))
    return problems


def _message(error: Any, path: tuple[str | int, ...], located: Located) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        known = _fields_at(path[:-1], located)
        hint = _suggest(str(path[-1]), known) if known else ""
        return f"unknown key{hint if 'did you mean' in hint else ''}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:  # not pydantic's class name
        known = _fields_at(path, located)
        return "should be a mapping" + (f" with keys {', '.join(known)}" if known else "")
    if kind == "value_error" and "error" in error.get("ctx", {}):  # our own validators' words
        return str(error["ctx"]["error"])
    return str(error["msg"])


def _fields_at(path: tuple[str | int, ...], located: Located) -> list[str]:
    """Field names of the model standing at ``path``, for did-you-mean hints."""
    model: type[BaseModel] = Plan
    for part in path:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        if info is None:
            return []
        inner = _model_in(info.annotation)
        if inner is None:
            return []
        model = inner
    return list(model.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
