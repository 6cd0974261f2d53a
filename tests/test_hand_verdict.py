"""Issue 10, item 11: a review's verdict on a quantified target, given by hand, stands beside the
computed status; check uses it and says so."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from shuangshi_cli.assess import Note, assess
from shuangshi_cli.figures import check_rows, parse_csv
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

ROWS = (
    "indicator,year,value,status,note\n"
    "gdp,2016,300,,\n"
    "gdp,2019,390,基本完成,按第四次经济普查修订口径不可比\n"
)


def test_hand_verdict_beside_the_computed_status(plan: Plan) -> None:
    result = assess(plan, check_rows(parse_csv(ROWS, "f.csv"), plan)).results[0]
    assert result.status is Status.MISSED  # 390 is not above 400: the computed status stays
    assert (result.hand_status, result.hand_year) == (Status.ACHIEVED, 2019)
    assert result.hand_note == "按第四次经济普查修订口径不可比"
    assert result.verdict is Status.ACHIEVED
    assert Note.HAND_VERDICT in result.notes


def test_hand_verdict_alone_without_a_value(plan: Plan) -> None:
    rows = "indicator,year,value,status,note\ngdp,2019,,未完成,统计方法调整\n"
    result = assess(plan, check_rows(parse_csv(rows, "f.csv"), plan)).results[0]
    assert result.status is Status.INSUFFICIENT_DATA
    assert result.hand_status is Status.MISSED
    assert result.latest is None


def test_hand_verdict_in_json_and_table(tmp_path: Path, run: Run) -> None:
    figures = tmp_path / "f.csv"
    figures.write_text(ROWS, encoding="utf-8")
    record = json.loads(run("gap", "-f", str(figures), "-F", "json").stdout)["results"][0]
    assert {k: record[k] for k in ("status", "hand_status", "hand_year", "verdict")} == {
        "status": "missed", "hand_status": "achieved", "hand_year": 2019, "verdict": "achieved",
    }  # fmt: skip
    zh = run("gap", "-f", str(figures), "--lang", "zh", "-F", "markdown").stdout
    assert "未实现（人工判定：已实现） |" in zh
    assert "按第四次经济普查修订口径不可比" in zh


def test_check_uses_the_hand_verdict_and_says_so(tmp_path: Path, run: Run) -> None:
    figures = tmp_path / "f.csv"
    figures.write_text(ROWS, encoding="utf-8")
    out = run("check", "-f", str(figures), "--fail-on", "missed")
    assert out.exit_code == 0, out.stderr
    assert out.stderr.splitlines()[0] == (
        "hand verdict used: Gross regional product (GDP) (gdp): achieved in 2019 (computed: "
        "missed): 按第四次经济普查修订口径不可比"
    )
    without = tmp_path / "g.csv"
    without.write_text(ROWS.replace("基本完成", ""), encoding="utf-8")
    assert run("check", "-f", str(without), "--fail-on", "missed").exit_code == 1


def test_the_off_track_line_says_the_verdict_that_failed(tmp_path: Path, run: Run) -> None:
    """A rank missed by hand, with no figure to compute one: the check fails on "missed", and
    says so, not the computed "insufficient data"."""
    figures = tmp_path / "f.csv"
    figures.write_text("indicator,year,value,status\ngdp_rank,2018,,missed\n", encoding="utf-8")
    out = run("check", "-f", str(figures))
    assert out.exit_code == 1
    assert (
        "off track: Rank of the economy among Anhui's counties (gdp_rank): missed"
        in out.stderr.splitlines()
    )


def test_ci_formats_and_the_summary_count_the_verdict_given_by_hand(
    run: Run, tmp_path: Path
) -> None:
    """A hand verdict (已实现 beside a computed missed) is what check judges: JUnit's test case
    passes and says both, and the summary counts it as achieved."""
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value,unit,status,note\ngdp,2016,300,亿元,,\n"
        "gdp,2019,399.5,亿元,已实现,统计口径调整后基本完成\n",
        "utf-8",
    )
    junit = run("check", "-f", str(figures), "-F", "junit", "-l", "en")
    lines = junit.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if 'name="gdp: Gross regional product' in line)
    case = "\n".join(lines[at : lines.index("    </testcase>", at)])
    assert "<failure" not in case and "missed (by hand: achieved)" in case
    assert '<property name="verdict" value="achieved" />' in junit.stdout
    table = run("gap", "-f", str(figures), "-l", "en", env={"COLUMNS": "200"})
    assert "missed" not in table.stdout.splitlines()[-1]
