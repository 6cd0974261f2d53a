"""Shared fixtures: the CLI runner, the embedded plan, and the hand-made city plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner, Result

from shuangshi_cli.cli import app
from shuangshi_cli.plan import Plan, load_plan
from tests.helpers import DATA, Run

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Invoke the CLI with a clean environment (English locale unless told otherwise)."""
    for variable in ("SHUANGSHI_TARGETS", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    runner = CliRunner()

    def invoke(
        *args: str, input: str | bytes | None = None, env: dict[str, str] | None = None
    ) -> Result:
        return runner.invoke(app, list(args), input=input, env=env)

    return invoke


@pytest.fixture(scope="session")
def plan() -> Plan:
    return load_plan()


@pytest.fixture(scope="session")
def city() -> Plan:
    return load_plan(DATA / "city_plan.yaml")


@pytest.fixture
def city_path() -> Path:
    return DATA / "city_plan.yaml"
