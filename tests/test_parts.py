"""Parts (towns, parks, departments): their own targets, the scoreboard, and consistency."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.figures import check_rows, parse_csv
from shuangshi_cli.parts import part_assessment, scoreboard
from shuangshi_cli.plan import Plan, embedded_plan_text, load_plan
from shuangshi_cli.render import Format
from tests.helpers import DATA, Run

if TYPE_CHECKING:
    from pathlib import Path

FIGURES = """\
indicator,year,value,part
gdp,2016,40,刘桥镇
gdp,2017,45,刘桥镇
gdp,2018,52,刘桥
fiscal_revenue,2016,3,刘桥镇
fiscal_revenue,2017,3.5,刘桥镇
fiscal_revenue,2018,4.2,刘桥镇
gdp,2016,40,韩村镇
gdp,2017,43,韩村镇
gdp,2018,42,韩村镇
fiscal_revenue,2016,3,韩村镇
fiscal_revenue,2017,3.2,韩村镇
fiscal_revenue,2018,3.9,韩村镇
gdp,2016,150,开发区
gdp,2017,160,开发区
gdp,2018,201,开发区
fiscal_revenue,2016,20,开发区
fiscal_revenue,2017,23,开发区
fiscal_revenue,2018,22,开发区
"""


@pytest.fixture
def towns_path(tmp_path: Path) -> Path:
    path = tmp_path / "towns.yaml"
    path.write_text(
        embedded_plan_text() + "\n" + (DATA / "towns.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def towns(towns_path: Path) -> Plan:
    return load_plan(towns_path)


@pytest.fixture
def figures_path(tmp_path: Path) -> Path:
    path = tmp_path / "towns.csv"
    path.write_text(FIGURES, encoding="utf-8")
    return path


def test_parts_are_found_by_name_with_or_without_suffix(towns: Plan) -> None:
    assert (
        towns.resolve_part("刘桥镇") is towns.resolve_part("刘桥") is towns.resolve_part("liuqiao")
    )
    assert towns.resolve_part("开发区") is not None
    assert towns.resolve_part("百善镇") is None


def test_a_part_sees_its_own_targets(towns: Plan) -> None:
    liuqiao = towns.resolve_part("刘桥镇")
    assert liuqiao is not None
    own = towns.for_part(liuqiao)
    assert [(t.id, t.value, t.unit) for t in own.targets] == [
        ("gdp", Decimal(60), "亿元"), ("fiscal_revenue", Decimal(50000), "万元"),
    ]  # fmt: skip
    assert own.plan.region.name == "刘桥镇"
    assert (
        own.target("fiscal_revenue").baseline is None
    )  # the county's text baseline is not the town's


def test_part_assessment_by_hand(towns: Plan) -> None:
    figures = check_rows(parse_csv(FIGURES, "f.csv"), towns)
    liuqiao = towns.resolve_part("刘桥镇")
    assert liuqiao is not None
    results = {r.target.id: r for r in part_assessment(towns, liuqiao, figures).quantified}
    gdp = results["gdp"]
    assert gdp.latest is not None and gdp.latest.value == 52
    assert gdp.pace_ratio == pytest.approx((1.3**0.5 - 1) / (1.5 ** (1 / 3) - 1))
    fiscal = results["fiscal_revenue"]  # 4.2亿元 = 42000万元 against 50000万元
    assert fiscal.latest is not None and fiscal.latest.value == 42000
    assert fiscal.gap == 8000


def test_scoreboard_order_by_hand(towns: Plan) -> None:
    figures = check_rows(parse_csv(FIGURES, "f.csv"), towns)
    board = scoreboard(towns, figures)
    assert board.as_of == 2018
    order = [(s.part.name, s.rank) for s in board.standings]
    # 刘桥: gdp R = 14.02%/14.47% → 96.9, revenue R = 18.32%/18.56% → 98.7: 97.8
    # 开发区: gdp 201 > 200 achieved → 100, revenue R = 4.88%/14.47% → 33.7: 66.9
    # 韩村: gdp R = 2.47%/7.72% → 32.0, revenue R = 14.02%/10.06% → 100: 66.0
    assert order == [("刘桥镇", 1), ("濉溪经济开发区", 2), ("韩村镇", 3)]
    scores = {s.part.id: s.overall for s in board.standings}
    assert scores["liuqiao"] == pytest.approx(97.8, abs=0.1)
    assert scores["kaifaqu"] == pytest.approx(66.9, abs=0.1)
    assert scores["hancun"] == pytest.approx(66.0, abs=0.1)
    by_id = {s.part.id: s for s in board.standings}
    assert by_id["kaifaqu"].indicator_ranks == {"gdp": 1, "fiscal_revenue": 3}
    # 2017: 刘桥 gdp 12.5% vs 14.47%, 韩村 7.5% vs 7.72%, 开发区 6.67% vs 10.06% …
    assert all(s.previous_rank is not None for s in board.standings)


def test_shortfall_warning(run: Run, towns_path: Path, tmp_path: Path) -> None:
    result = run("validate", str(towns_path))
    assert result.exit_code == 0
    assert (
        f"{towns_path}: warning: the 3 parts' targets for gdp add up to 310 100m yuan, "
        "short of the plan's 400 100m yuan by 90 100m yuan"
    ) in result.stderr
    assert "fiscal_revenue add up to 39 100m yuan" in result.stderr
    enough = tmp_path / "enough.yaml"
    enough.write_text(
        towns_path.read_text(encoding="utf-8").replace(
            "{indicator: gdp, value: 200}", "{indicator: gdp, value: 290}"
        ),
        encoding="utf-8",
    )
    quiet = run("validate", str(enough))
    assert quiet.exit_code == 0
    assert "for gdp" not in quiet.stderr


def test_gap_for_a_part_and_the_scoreboard_command(
    run: Run, towns_path: Path, figures_path: Path
) -> None:
    args = ["-t", str(towns_path), "-f", str(figures_path)]
    part = run("gap", *args, "--part", "刘桥镇", "-F", "json")
    assert part.exit_code == 0, part.stderr
    data = json.loads(part.stdout)
    assert data["plan"]["region"]["name"] == "刘桥镇"
    assert [r["id"] for r in data["results"]] == ["gdp", "fiscal_revenue"]
    pairs = run(
        "gap", "-t", str(towns_path), "--part", "韩村镇", "--year", "2018", "gdp=42", "-F", "json"
    )
    assert json.loads(pairs.stdout)["results"][0]["latest"] == {"year": 2018, "value": 42}
    for fmt in (f for f in Format if not f.binary):  # the scoreboard has verdicts too
        board = run("scoreboard", *args, "-F", fmt.value, "-l", "zh")
        assert board.exit_code == 0, board.stderr
        # GitHub annotates only what fails or warns: 刘桥镇 is on track, 韩村镇 is not
        assert ("韩村镇" if fmt is Format.GITHUB else "刘桥镇") in board.stdout
    data = json.loads(run("scoreboard", *args, "-F", "json").stdout)
    assert [p["id"] for p in data["parts"]] == ["liuqiao", "kaifaqu", "hancun"]
    assert data["parts"][0]["rank"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--part", "百善镇"], "unknown part '百善镇'; parts: 刘桥镇、韩村镇、濉溪经济开发区"),
        (
            ["--part", "刘桥镇", "--year", "2018", "gdp_rank=3"],
            "argument 'gdp_rank=3': part: 刘桥镇 has no target for gdp_rank",
        ),
    ],
)
def test_bad_parts(run: Run, towns_path: Path, args: list[str], message: str) -> None:
    result = run("gap", "-t", str(towns_path), *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_unknown_part_in_a_figures_file(run: Run, towns_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("indicator,year,value,part\ngdp,2018,40,百善镇\n", encoding="utf-8")
    result = run("gap", "-t", str(towns_path), "-f", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:2: part: unknown part '百善镇'")


def test_scoreboard_needs_parts(run: Run) -> None:
    result = run("scoreboard")
    assert result.exit_code == 2
    assert result.stderr.startswith("this plan has no parts")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{indicator: gdp, value: 60}",
            "{indicator: gpd, value: 60}",
            "parts[0].targets[0].indicator: no quantified target 'gpd'",
        ),
        (
            "{indicator: gdp, value: 60}",
            "{indicator: gdp, value: 60, unit: '%'}",
            "parts[0].targets[0].unit: % does not fit gdp",
        ),
        (
            "{indicator: gdp, value: 50}",
            "{indicator: gdp, value: -5}",
            "parts[1].targets[0].value: Input should be greater than or equal to 0",
        ),
        (
            "    name: 韩村镇",
            "    name: 刘桥镇",
            "parts[1].name: '刘桥镇' is already used by parts[0]",
        ),
    ],
)
def test_bad_parts_in_the_plan(
    run: Run, towns_path: Path, old: str, new: str, message: str
) -> None:
    text = towns_path.read_text(encoding="utf-8")
    assert old in text
    towns_path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("validate", str(towns_path))
    assert result.exit_code == 2
    assert message in result.stderr


_TARGETS_ALIKE = (
    "{indicator: gdp, value: 30}", "{indicator: fiscal_revenue, value: 2}",
    "{indicator: industrial_output, value: 70}",
)  # fmt: skip
# three parts with the same targets, each listing them in another order (rotated)
_ALIKE = "parts:\n" + "".join(
    f"  - id: {part}\n    name: {name}\n    targets:\n"
    + "".join(f"      - {_TARGETS_ALIKE[(k + n) % 3]}\n" for k in range(3))
    for n, (part, name) in enumerate((("jia", "甲镇"), ("yi", "乙镇"), ("bing", "丙镇")))
)


def test_parts_alike_tie_whatever_order_their_targets_are_in() -> None:
    """The same three scores summed in another order gave another last bit of the mean, and the
    third of three parts alike was ranked 3rd: the mean is summed exactly."""
    from shuangshi_cli.plan import parse_plan

    plan = parse_plan(embedded_plan_text() + _ALIKE, "alike.yaml")
    rows = "indicator,year,value,part\n" + "".join(
        f"gdp,2016,20,{p}\ngdp,2017,21.7,{p}\nfiscal_revenue,2016,1,{p}\n"
        f"fiscal_revenue,2017,1.13,{p}\nindustrial_output,2016,50,{p}\n"
        f"industrial_output,2017,53.3,{p}\n"
        for p in ("jia", "yi", "bing")
    )
    board = scoreboard(plan, check_rows(parse_csv(rows, "f.csv"), plan))
    assert [s.rank for s in board.standings] == [1, 1, 1]
    assert len({s.overall for s in board.standings}) == 1


@pytest.mark.parametrize(
    ("part", "message"),
    [
        ("  - {id: a, name: 甲镇, targets: [{indicator: gdp, value: 30}]}\n"
         "  - {id: b, name: 乙镇, aliases: [甲镇], targets: [{indicator: gdp, value: 30}]}\n",
         "parts[1].aliases[0]: '甲镇' is already used by parts[0]"),
        ("  - {id: a, name: 甲镇, targets: []}\n",
         "parts[0].targets: a part needs at least one target of its own"),
    ],
)  # fmt: skip
def test_a_parts_alias_of_another_or_no_target_is_refused(
    run: Run, tmp_path: Path, part: str, message: str
) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(embedded_plan_text() + "parts:\n" + part, encoding="utf-8")
    out = run("validate", str(plan))
    assert out.exit_code == 2
    assert out.stderr.rstrip("\n").endswith(message)


def test_a_name_two_parts_share_without_their_suffix_is_refused(run: Run, tmp_path: Path) -> None:
    """朝阳 could be 朝阳乡 or 朝阳镇: the figure went to whichever the plan lists first; each
    whole name still reads as its own part."""
    plan = tmp_path / "p.yaml"
    plan.write_text(
        embedded_plan_text().rstrip("\n") + "\nparts:\n"
        "  - {id: xiang, name: 朝阳乡, targets: [{indicator: gdp, value: 60}]}\n"
        "  - {id: zhen, name: 朝阳镇, targets: [{indicator: gdp, value: 70}]}\n",
        encoding="utf-8",
    )
    figures = tmp_path / "f.csv"
    figures.write_text("indicator,year,value,part\ngdp,2018,50,朝阳\n", encoding="utf-8")
    for args in (["scoreboard"], ["gap", "--part", "朝阳镇"]):
        out = run(*args, "--targets", str(plan), "-f", str(figures))
        assert out.exit_code == 2
        assert (
            out.stderr
            == f"{figures}:2: part: '朝阳' could be 朝阳乡 or 朝阳镇: write the part's whole name\n"
        )
    out = run("gap", "--targets", str(plan), "--part", "朝阳")
    assert out.exit_code == 2
    assert out.stderr == "'朝阳' could be 朝阳乡 or 朝阳镇: write the part's whole name\n"
    figures.write_text(
        "indicator,year,value,part\ngdp,2018,50,朝阳镇\ngdp,2018,40,朝阳乡\n", "utf-8"
    )
    data = json.loads(
        run("scoreboard", "--targets", str(plan), "-f", str(figures), "-F", "json").stdout
    )
    latest = {p["id"]: p["results"][0]["latest"]["value"] for p in data["parts"]}
    assert latest == {"zhen": 50, "xiang": 40}


def test_an_indicator_named_like_a_scoreboard_column_gets_its_own(run: Run, tmp_path: Path) -> None:
    """An indicator of id ``change``: its rank column would be the board's rank_change (the
    places a part moved), twice in one header, one value lost."""
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan:\n  title: 测试\n  issuer: 测试县\n  region: {name: 测试县, level: county}\n"
        "  period: {start: 2021, end: 2025}\n  base_year: 2020\ntargets:\n"
        "  - {id: change, name: 地区生产总值, kind: level, unit: 亿元, comparison: '>=',\n"
        "     value: 500, deadline: 2025}\nparts:\n"
        "  - {id: p1, name: 甲镇, targets: [{indicator: change, value: 60}]}\n"
        "  - {id: p2, name: 乙镇, targets: [{indicator: change, value: 60}]}\n",
        encoding="utf-8",
    )
    figures = tmp_path / "f.csv"
    figures.write_text(
        "indicator,year,value,part\nchange,2020,40,甲镇\nchange,2021,41,甲镇\nchange,2022,50,甲镇\n"
        "change,2020,40,乙镇\nchange,2021,44,乙镇\nchange,2022,45,乙镇\n",
        encoding="utf-8",
    )
    out = run("scoreboard", "-t", str(plan), "-f", str(figures), "-F", "csv")
    assert out.exit_code == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    header = out.stdout.lstrip("\ufeff").splitlines()[0].split(",")
    assert len(header) == len(set(header))
    assert [(r["id"], r["rank_change"], r["rank_of_change"]) for r in rows] == [
        ("p1", "1", "1"), ("p2", "-1", "2"),
    ]  # fmt: skip
