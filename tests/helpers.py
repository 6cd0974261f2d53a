"""Constants and types shared by the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent

Run = Callable[..., Result]
