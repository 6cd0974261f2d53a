"""Constants and types shared by the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent

Run = Callable[..., Result]


# A county 纲要 of 2021–2025 with one target: 一般公共预算收入 年均增长5%, its figures in 亿元
COUNTY_HEADER = (
    "plan:\n  title: 某县纲要\n  issuer: 某县人民政府\n  issued: 2021-05-01\n"
    "  region: {name: 某县}\n  period: {start: 2021, end: 2025}\n  base_year: 2020\ntargets:\n"
)
REVENUE_GROWTH = (
    "  - {id: revenue, name: 一般公共预算收入, kind: growth, unit: '%', comparison: '>=',\n"
    "     value: 5, figure_unit: 亿元, deadline: 2025, flow: true}\n"
)


def county_plan(folder: Path, targets: str = REVENUE_GROWTH) -> Path:
    """The county plan's file in ``folder``, with ``targets`` (YAML list items)."""
    path = folder / "county.yaml"
    path.write_text(COUNTY_HEADER + targets, encoding="utf-8")
    return path
