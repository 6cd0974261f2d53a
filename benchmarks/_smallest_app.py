"""The smallest honest app of shuangshi's stack, the yardstick of its start-up: one typer command
that loads a small YAML file with yaml.safe_load, validates it with a pydantic model and prints
a 4-row Rich table.

    python benchmarks/_smallest_app.py PLAN.yaml
"""

from __future__ import annotations

from pathlib import Path  # noqa: TC003 (typer reads the annotation at run time)

import pydantic
import rich.console
import rich.table
import typer
import yaml


class Target(pydantic.BaseModel):
    id: str
    name: str
    value: float
    unit: str


class Plan(pydantic.BaseModel):
    title: str
    targets: list[Target]


app = typer.Typer(add_completion=False)


@app.command()
def gap(path: Path) -> None:
    plan = Plan.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    table = rich.table.Table(title=plan.title)
    for column in ("id", "name", "value", "unit"):
        table.add_column(column)
    for target in plan.targets:
        table.add_row(target.id, target.name, f"{target.value:g}", target.unit)
    rich.console.Console().print(table)


SMALL_PLAN = """\
title: 关于开展“双实活动”的实施意见
targets:
  - {id: gdp, name: 地区生产总值, value: 400, unit: 亿元}
  - {id: gdp_rank, name: 经济总量全省县域位次, value: 5, unit: 位}
  - {id: fiscal_revenue, name: 财政总收入, value: 50, unit: 亿元}
  - {id: industrial_output, name: 工业总产值, value: 1000, unit: 亿元}
"""

if __name__ == "__main__":
    app()
