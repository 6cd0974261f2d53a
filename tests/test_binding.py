"""Issue 10, item 10: 约束性 / 预期性 in the table, JSON, CSV and Markdown; check --binding-only."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import Run

PLAN = """\
plan:
  title: 测试规划
  issuer: 测试
  region: {name: 全国, level: national}
  period: {start: 2021, end: 2025}
  base_year: 2020
targets:
  - {id: forest, name: 森林覆盖率, name_en: Forest cover, kind: level, unit: "%",
     comparison: ">=", value: 24.1, deadline: 2025, attribute: 约束性}
  - {id: doctors, name: 每千人口执业医师数, name_en: Doctors per 1000, kind: level, unit: 人,
     comparison: ">=", value: 3.2, deadline: 2025, attribute: 预期性}
  - {id: plain, name: 未注明属性, name_en: No attribute, kind: level, unit: 人,
     comparison: ">=", value: 10, deadline: 2025}
"""
# Forest cover goes backwards (binding, fails); doctors stand still (expected, fails); both
# are well behind the path.
FIGURES = (
    "indicator,year,value\nforest,2020,23.2\nforest,2022,23.0\n"
    "doctors,2020,2.9\ndoctors,2022,2.9\nplain,2020,10\n"
)


def _files(tmp_path: Path) -> tuple[str, str]:
    plan, figures = tmp_path / "p.yaml", tmp_path / "f.csv"
    plan.write_text(PLAN, encoding="utf-8")
    figures.write_text(FIGURES, encoding="utf-8")
    return str(plan), str(figures)


def test_binding_in_json_and_csv(tmp_path: Path, run: Run) -> None:
    plan, figures = _files(tmp_path)
    data = json.loads(run("gap", "-t", plan, "-f", figures, "-F", "json").stdout)
    assert [(r["id"], r["binding"]) for r in data["results"]] == [
        ("forest", True), ("doctors", False), ("plain", False),
    ]  # fmt: skip
    targets = json.loads(run("targets", "-t", plan, "-F", "json").stdout)["targets"]
    assert [(t["attribute"], t["binding"]) for t in targets] == [
        ("约束性", True), ("预期性", False), (None, False),
    ]  # fmt: skip
    out = run("gap", "-t", plan, "-f", figures, "-F", "csv").stdout.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["binding"] for r in rows] == ["true", "false", "false"]
    plan_csv = run("targets", "-t", plan, "-F", "csv").stdout.lstrip("\ufeff")
    assert [r["binding"] for r in csv.DictReader(io.StringIO(plan_csv))] == [
        "true", "false", "false",
    ]  # fmt: skip


def test_binding_marked_in_table_and_markdown(tmp_path: Path, run: Run) -> None:
    plan, figures = _files(tmp_path)
    markdown = run("gap", "-t", plan, "-f", figures, "-F", "markdown", "--lang", "zh").stdout
    assert "| 森林覆盖率（约束性） |" in markdown
    assert "| 每千人口执业医师数（预期性） |" in markdown
    assert "| 未注明属性 |" in markdown
    table = run("gap", "-t", plan, "-f", figures, "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "Forest cover (binding)" in table
    assert "Doctors per 1000 (expected)" in table


def test_check_binding_only(tmp_path: Path, run: Run) -> None:
    plan, figures = _files(tmp_path)
    everything = run("check", "-t", plan, "-f", figures)
    assert everything.exit_code == 1
    assert everything.stderr.splitlines()[:2] == [
        "off track: Forest cover (forest): deterioration",
        "off track: Doctors per 1000 (doctors): limited progress",
    ]
    binding = run("check", "-t", plan, "-f", figures, "--binding-only")
    assert binding.exit_code == 1
    assert binding.stderr.splitlines()[:2] == [
        "off track: Forest cover (forest): deterioration",
        "off track, not binding (does not fail): Doctors per 1000 (doctors): limited progress",
    ]
    met = tmp_path / "g.csv"
    met.write_text(FIGURES.replace("forest,2022,23.0", "forest,2022,24.2"), encoding="utf-8")
    passing = run("check", "-t", plan, "-f", str(met), "--binding-only")
    assert passing.exit_code == 0, passing.stderr
    assert run("check", "-t", plan, "-f", str(met)).exit_code == 1


def test_ci_formats_fail_only_what_binding_only_fails(tmp_path: Path, run: Run) -> None:
    """check --binding-only -F github|junit: an expected target off track is a warning, not an
    error or a failure, as the exit code says (0 when only expected ones are off track)."""
    plan, _ = _files(tmp_path)
    met = tmp_path / "g.csv"
    met.write_text(FIGURES.replace("forest,2022,23.0", "forest,2022,24.2"), encoding="utf-8")
    github = run("check", "-t", plan, "-f", str(met), "--binding-only", "-F", "github")
    assert github.exit_code == 0
    assert "::error" not in github.stdout and "::warning" in github.stdout
    junit = run("check", "-t", plan, "-f", str(met), "--binding-only", "-F", "junit")
    assert junit.exit_code == 0 and 'failures="0"' in junit.stdout
    everything = run("check", "-t", plan, "-f", str(met), "-F", "github")
    assert everything.exit_code == 1 and "::error" in everything.stdout
