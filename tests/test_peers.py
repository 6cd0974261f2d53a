"""Peer tables: the county's rank among the province's counties, and what the target rank takes."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from shuangshi_cli.assess import Note, assess
from shuangshi_cli.errors import FiguresError
from shuangshi_cli.figures import Figures, load_figures
from shuangshi_cli.peers import load_peers, rank_ladder
from shuangshi_cli.plan import Comparison, embedded_plan_text, place_key
from shuangshi_cli.status import Status
from tests.helpers import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from shuangshi_cli.plan import Plan
    from tests.helpers import Run

D = Decimal

PEERS = """\
region,year,indicator,value
甲县,2017,gdp,600
乙县,2017,gdp,500
丙县,2017,gdp,500
丁县,2017,gdp,340
戊市,2017,gdp,330
濉溪,2017,gdp,326.5
己县,2017,gdp,300
甲县,2018,gdp,660
乙县,2018,gdp,560
丙县,2018,gdp,575
丁县,2018,gdp,372
濉溪县,2018,gdp,352.1
戊市,2018,gdp,340
"""


def _write(tmp_path: Path, text: str, name: str = "peers.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_region_names_match_with_or_without_suffix() -> None:
    assert place_key("濉溪县") == place_key("濉溪") == place_key(" 濉溪县 ")
    assert place_key("天长市") == "天长"
    assert place_key("县") == "县"


def test_ties_share_the_better_rank() -> None:
    ladder = rank_ladder({"a": D(5), "b": D(3), "c": D(3), "d": D(1)}, higher_is_better=True)
    assert [(r.region, r.rank) for r in ladder] == [("a", 1), ("b", 2), ("c", 2), ("d", 4)]
    lower = rank_ladder({"a": D(5), "b": D(3), "c": D(3)}, higher_is_better=False)
    assert [(r.region, r.rank) for r in lower] == [("b", 1), ("c", 1), ("a", 3)]


def test_rank_from_peers_by_hand(plan: Plan, tmp_path: Path) -> None:
    peers = load_peers(plan, [_write(tmp_path, PEERS)])
    assert peers.own in {"濉溪", "濉溪县"}
    result = assess(plan, Figures(), peers=peers).results[1]
    assert result.peers is not None
    # 2017: 600, 500, 500, 340, 330, 326.5 → 乙 and 丙 tie at 2nd, 濉溪 is 6th of 7
    assert [(s.year, s.rank, s.count) for s in result.peers.standings] == [
        (2017, 6, 7),
        (2018, 5, 6),
    ]
    assert result.latest is not None and result.latest.value == 5
    assert result.status is Status.ACHIEVED and result.early
    assert Note.RANK_FROM_PEERS in result.notes
    chase = result.peers.chase
    assert chase.target_region == "濉溪县"  # it holds the target rank itself
    assert chase.value_gap == 0


def test_chase_the_region_at_the_target_rank(plan: Plan, tmp_path: Path) -> None:
    text = PEERS.replace("濉溪县,2018,gdp,352.1", "濉溪县,2018,gdp,350").replace(
        "戊市,2018,gdp,340", "戊市,2018,gdp,351"
    )
    text += "庚县,2018,gdp,1000\n"
    peers = load_peers(plan, [_write(tmp_path, text)])
    result = assess(plan, Figures(), peers=peers).results[1]
    assert result.peers is not None
    latest = result.peers.latest
    assert (latest.rank, latest.count) == (7, 7)
    chase = result.peers.chase
    # 庚 1000, 甲 660, 丙 575, 乙 560, 丁 372 → 丁县 holds 5th place
    assert (chase.target_region, chase.target_value, chase.value_gap) == ("丁县", D(372), D(22))
    assert chase.rival_growth == pytest.approx(372 / 340 - 1)
    assert chase.required_growth == pytest.approx(372 * 372 / 340 / 350 - 1)
    # 10th (text, 2016) → 7th (peers, 2018): 1.5 places a year against 5/3 needed, R = 0.9
    assert result.pace_ratio == pytest.approx(0.9)
    assert result.status is Status.ACCELERATION_NEEDED


def test_computed_rank_beats_a_disagreeing_figure(plan: Plan, tmp_path: Path) -> None:
    peers = load_peers(plan, [_write(tmp_path, PEERS)])
    figures = load_figures(plan, pairs=["gdp_rank=4"], year=2018)
    result = assess(plan, figures, peers=peers).results[1]
    assert result.latest is not None and result.latest.value == 5
    assert result.peers is not None and result.peers.disagreements == ((2018, D(4), 5),)
    assert Note.RANK_FIGURE_DIFFERS in result.notes


def test_peers_missing_for_a_year(plan: Plan, tmp_path: Path) -> None:
    text = PEERS + "甲县,2016,gdp,540\n乙县,2016,gdp,450\n"  # 濉溪 has no 2016 row
    peers = load_peers(plan, [_write(tmp_path, text)])
    result = assess(plan, Figures(), peers=peers).results[1]
    assert result.peers is not None
    assert [s.year for s in result.peers.standings] == [2017, 2018]
    assert result.base is not None and (result.base.year, result.base.source) == (2016, "text")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("region,year,indicator,value\n甲县,2018,gdp,\n", "peers.csv:2: value: no value for gdp"),
        ("region,year,indicator,value\n", "peers.csv: the peer table has no rows"),
        (
            "region,year,indicator,value\n甲县,2018,gdp,abc\n",
            "peers.csv:2: value: 'abc' is not a number",
        ),
        (
            "region,year,indicator,value\n甲县,2018,gdp,600\n",
            "the plan's own region 濉溪县 is not in the peer table",
        ),
        (
            "region,year,indicator,value\n濉溪,2018,gdp,6\n濉溪县,2018,gdp,7\n",
            "peers.csv:3: value: 濉溪县 gdp 2018 is 7 here but 6 at",
        ),
        ("region,year,indicator,value\n,2018,gdp,600\n", "peers.csv:2: region: no region"),
        (
            "region,year,indicator,value\n甲县,2018,gpd,600\n",
            "peers.csv:2: indicator: unknown indicator 'gpd'",
        ),
    ],
)
def test_bad_peer_tables(run: Run, tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    result = run("gap", "--peers", path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_ambiguous_own_region(plan: Plan, tmp_path: Path) -> None:
    text = "region,year,indicator,value\n濉溪区,2018,gdp,6\n濉溪市,2018,gdp,6\n"
    with pytest.raises(
        FiguresError, match="the plan's own region 濉溪县 is ambiguous: 濉溪区, 濉溪市"
    ):
        load_peers(plan, [_write(tmp_path, text)])
    exact = "region,year,indicator,value\n濉溪县,2018,gdp,6\n濉溪市,2019,gdp,7\n"
    assert load_peers(plan, [_write(tmp_path, exact)]).own == "濉溪县"


def test_a_region_column_in_figures_is_refused(run: Run, tmp_path: Path) -> None:
    result = run("gap", "-f", _write(tmp_path, PEERS))
    assert result.exit_code == 2
    assert "region: a region column belongs in a peer table (--peers)" in result.stderr


def test_peer_output(run: Run, tmp_path: Path) -> None:
    path = _write(tmp_path, PEERS)
    data = json.loads(run("gap", "--peers", path, "-F", "json").stdout)
    rank = data["results"][1]
    assert (rank["peer_rank"], rank["peer_count"], rank["peer_year"]) == (5, 6, 2018)
    assert rank["peer_ranks"] == [
        {"year": 2017, "rank": 6, "count": 7},
        {"year": 2018, "rank": 5, "count": 6},
    ]
    for key in (
        "rank_target_region",
        "rank_target_value",
        "rank_value_gap",
        "rank_required_growth",
    ):
        assert key in rank
    assert data["results"][0]["peer_rank"] is None
    table = run("gap", "--peers", path, "--lang", "zh").stdout
    assert "位次变化：2017年第6位 → 2018年第5位（前移1位）" in table
    assert "第5位 濉溪县 352.1亿元" in table
    assert run("check", "--peers", path, "--fail-on", "missed").exit_code == 0
    assert run("path", "gdp_rank", "--peers", path).exit_code == 0


def test_regions_that_share_a_stem_are_two_regions(plan: Plan, tmp_path: Path) -> None:
    # 朝阳县 and 朝阳市 are different places: only the own region is matched without its suffix
    text = "region,year,indicator,value\n濉溪县,2018,gdp,352.1\n朝阳县,2018,gdp,400\n朝阳市,2018,gdp,400\n"
    peers = load_peers(plan, [_write(tmp_path, text)])
    assert sorted(peers.values("gdp", 2018)) == ["朝阳县", "朝阳市", "濉溪县"]
    # the own region written with and without its suffix (and with a space) is one region …
    text = "region,year,indicator,value\n濉溪,2017,gdp,300\n濉 溪 县,2018,gdp,352.1\n濉溪市,2018,gdp,500\n"
    peers = load_peers(plan, [_write(tmp_path, text)])
    assert peers.values("gdp", 2018) == {"濉溪县": D("352.1"), "濉溪市": D(500)}
    assert peers.history("gdp", "濉溪县") == [(2017, D(300)), (2018, D("352.1"))]
    # … whose two figures for one year must agree
    text = "region,year,indicator,value\n濉溪,2018,gdp,300\n濉溪县,2018,gdp,352.1\n"
    with pytest.raises(
        FiguresError,
        match=r"peers.csv:3: value: 濉溪县 gdp 2018 is 352.1 here but 300 at .*peers.csv:2",
    ):
        load_peers(plan, [_write(tmp_path, text)])


def test_a_peer_table_no_larger_than_the_target_rank_is_not_judged_on(
    plan: Plan, tmp_path: Path
) -> None:
    # 1st of 1 cannot miss 前五: that year's rank is no evidence, and says so
    one = "region,year,indicator,value\n濉溪县,2018,gdp,352.1\n"
    result = assess(plan, Figures(), peers=load_peers(plan, [_write(tmp_path, one)])).results[1]
    assert result.status is not Status.ACHIEVED
    assert Note.FEW_PEERS in result.notes and result.peers is None
    # a year of six regions is judged on; the year of five beside it is not
    text = PEERS.replace("己县,2017,gdp,300\n", "")  # 2017: 6 regions, 2018: 6 regions
    text += "".join(f"{r}县x,2019,gdp,{v}\n" for r, v in (("a", 1), ("b", 2), ("c", 3), ("d", 4)))
    text += "濉溪县,2019,gdp,9\n"  # 2019: 5 regions, no more than the target rank 5
    result = assess(plan, Figures(), peers=load_peers(plan, [_write(tmp_path, text)])).results[1]
    assert result.peers is not None
    assert [s.year for s in result.peers.standings] == [2017, 2018]
    assert Note.FEW_PEERS in result.notes


def test_a_plan_that_writes_its_region_without_suffix_matches_both_spellings(
    plan: Plan, tmp_path: Path
) -> None:
    bare = plan.model_copy(
        update={
            "plan": plan.plan.model_copy(
                update={"region": plan.plan.region.model_copy(update={"name": "濉溪"})}
            )
        }
    )
    text = PEERS + "濉溪,2018,gdp,352.1\n"  # 濉溪县 2018 and 濉溪 2018: the same region, once
    peers = load_peers(bare, [_write(tmp_path, text)])
    assert peers.values("gdp", 2018)["濉溪"] == D("352.1")
    assert len(peers.values("gdp", 2018)) == 6
    assert [y for y, _ in peers.history("gdp", "濉溪")] == [2017, 2018]
    ambiguous = "region,year,indicator,value\n濉溪县,2018,gdp,6\n濉溪市,2018,gdp,7\n"
    with pytest.raises(FiguresError, match="the plan's own region 濉溪 is ambiguous"):
        load_peers(bare, [_write(tmp_path, ambiguous)])


def test_a_below_rank_target_is_judged_among_as_many_regions_as_its_rank(
    plan: Plan, tmp_path: Path
) -> None:
    # < 5 (top four) among five regions can be missed: last of five fails it
    below = plan.model_copy(
        update={
            "targets": [
                t.model_copy(update={"comparison": Comparison("<")}) if t.id == "gdp_rank" else t
                for t in plan.targets
            ]
        }
    )
    text = (
        "region,year,indicator,value\n"
        + "".join(
            f"{r},2018,gdp,{v}\n" for r, v in (("甲县", 5), ("乙县", 4), ("丙县", 3), ("丁县", 2))
        )
        + "濉溪县,2018,gdp,1\n"
    )
    result = assess(below, Figures(), peers=load_peers(below, [_write(tmp_path, text)])).results[1]
    assert Note.FEW_PEERS not in result.notes
    assert result.peers is not None and result.peers.standings[-1].rank == 5


def test_the_tables_own_value_against_the_figures_is_noted(run: Run, tmp_path: Path) -> None:
    """The peer table says 濉溪县 300 in 2018, the figures 352.1: the rank stands on the table's
    value, and a note says they differ; the same value says nothing."""
    counties = (ROOT / "examples" / "counties.csv").read_text(encoding="utf-8")
    figures = tmp_path / "f.csv"
    figures.write_text("indicator,year,value\ngdp,2018,352.1\n", encoding="utf-8")
    peers = tmp_path / "p.csv"
    for value, noted in (("300", True), ("352.1", False)):
        peers.write_text(
            re.sub(r"濉溪县,2018,gdp,[0-9.]+", f"濉溪县,2018,gdp,{value}", counties),
            encoding="utf-8",
        )
        out = run("gap", "-f", str(figures), "--peers", str(peers), "-F", "json")
        assert out.exit_code == 0, out.stderr
        (rank,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp_rank"]
        assert ("peer_value_differs" in rank["notes"]) is noted


def test_rows_of_totals_are_no_peers(run: Run, tmp_path: Path) -> None:
    """全省 30000 and 合计 3262.1 in a table of counties would rank 濉溪县 lower; they are
    read past (and said), as 安徽省 is; 全椒县 and 全州县 are counties."""
    rows = ["region,year,indicator,value", "全省,2018,gdp,30000", "合计,2018,gdp,3262.1",
            "安徽省,2018,gdp,30000", "全省县域平均,2018,gdp,300", "濉溪县,2018,gdp,352.1",
            "全椒县,2018,gdp,200", "全州县,2018,gdp,100", "甲县,2018,gdp,500",
            "乙县,2018,gdp,400", "丙县,2018,gdp,300", "丁县,2018,gdp,50"]  # fmt: skip
    peers = tmp_path / "p.csv"
    peers.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = run("gap", "--year", "2018", "gdp=352.1", "--peers", str(peers), "-F", "json", "-l", "en")
    assert out.exit_code == 0, out.stderr
    (rank,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp_rank"]
    assert (rank["peer_rank"], rank["peer_count"]) == (3, 7)
    assert f"{peers}: rows of totals, averages or a higher level, not ranked: " in out.stderr
    assert "全省、合计、安徽省、全省县域平均" in out.stderr


def test_a_province_ranks_among_provinces_whatever_it_is_called(run: Run, tmp_path: Path) -> None:
    """A plan of 广西壮族自治区 (level province) ranks among 广东省, 上海市 …: no province is taken
    for a total there."""
    plan = tmp_path / "gx.yaml"
    text = embedded_plan_text().replace("name: 濉溪县", "name: 广西壮族自治区")
    plan.write_text(text, encoding="utf-8")
    rows = ["region,year,indicator,value", "广东省,2018,gdp,97278", "江苏省,2018,gdp,92595",
            "上海市,2018,gdp,32679", "广西壮族自治区,2018,gdp,20352", "天津市,2018,gdp,18809",
            "内蒙古自治区,2018,gdp,17289", "海南省,2018,gdp,4832"]  # fmt: skip
    peers = tmp_path / "p.csv"
    peers.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = run("gap", "-t", str(plan), "--year", "2018", "gdp=20352", "--peers", str(peers),
              "-F", "json")  # fmt: skip
    assert out.exit_code == 0, out.stderr
    (rank,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp_rank"]
    assert (rank["peer_rank"], rank["peer_count"]) == (4, 7)
    assert "not ranked" not in out.stderr


def test_a_ranking_table_of_regions_down_and_indicators_across(run: Run, tmp_path: Path) -> None:
    """县（市、区） | 地区生产总值（亿元） | 位次 | 比上年增长%, the year in the title, as yearbooks
    rank the counties: read as the peer table of that year; its 位次 and growth are read past,
    the province's row too; an indicator the plan has not is said."""
    peers = tmp_path / "rk.csv"
    peers.write_text(
        "2018年安徽省县域主要经济指标（单位：亿元）\n"
        "县（市、区）,地区生产总值,位次,比上年增长%,社会消费品零售总额\n"
        "肥西县,700,1,9.0,200\n长丰县,600,2,8.5,150\n肥东县,550,3,8.0,140\n繁昌县,400,4,8.8,120\n"
        "濉溪县,352.1,5,8.1,100\n宁国市,340,6,7.5,90\n天长市,330,7,8.0,80\n全省,30000,,8.0,9000\n",
        encoding="utf-8",
    )
    out = run("gap", "--year", "2018", "gdp=352.1", "--peers", str(peers), "-F", "json", "-l", "en")
    assert out.exit_code == 0, out.stderr
    (rank,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp_rank"]
    assert (rank["peer_rank"], rank["peer_count"], rank["peer_year"]) == (5, 7, 2018)
    assert (
        f"{peers}: ranking table: regions down, indicators across (2018); not read: 位次, 比上年增长%"
        in out.stderr
    )
    assert "not read: 社会消费品零售总额" in out.stderr
    untitled = tmp_path / "rk2.csv"
    untitled.write_text("县（市、区）,地区生产总值\n濉溪县,352.1\n", encoding="utf-8")
    out = run("gap", "--peers", str(untitled), "-l", "en")
    assert out.exit_code == 2
    assert "has no year: write it in a title line above it (2018年…), or give --year" in out.stderr


def test_a_city_ranks_among_the_municipalities(run: Run, tmp_path: Path) -> None:
    """深圳市 (a city) ranks 3rd among 上海市, 北京市 … (which a county's table would not hold)."""
    plan = tmp_path / "sz.yaml"
    text = (
        embedded_plan_text()
        .replace("name: 濉溪县", "name: 深圳市")
        .replace("level: county", "level: city")
    )
    plan.write_text(text, encoding="utf-8")
    rows = ["region,year,indicator,value", "上海市,2018,gdp,32680", "北京市,2018,gdp,30320",
            "深圳市,2018,gdp,24222", "广州市,2018,gdp,22859", "重庆市,2018,gdp,20363",
            "天津市,2018,gdp,18810", "苏州市,2018,gdp,18597", "成都市,2018,gdp,15343"]  # fmt: skip
    peers = tmp_path / "p.csv"
    peers.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = run("gap", "-t", str(plan), "--year", "2018", "gdp=24222", "--peers", str(peers),
              "-F", "json")  # fmt: skip
    assert out.exit_code == 0, out.stderr
    (rank,) = [r for r in json.loads(out.stdout)["results"] if r["id"] == "gdp_rank"]
    assert (rank["peer_rank"], rank["peer_count"]) == (3, 8)


def test_a_long_ladder_shows_its_ends(run: Run, tmp_path: Path) -> None:
    """濉溪县 41st of 41: the report names the places from 5th to 10th and from 36th to 41st,
    and how many stand between, not a page of them."""
    rows = ["region,year,indicator,value", "濉溪县,2018,gdp,100"]
    rows += [f"县{i:02d},2018,gdp,{1000 - i}" for i in range(40)]
    peers = tmp_path / "p.csv"
    peers.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = run("gap", "--peers", str(peers), "-l", "en", env={"COLUMNS": "400"})
    assert out.exit_code == 0, out.stderr
    ladder = next(line for line in out.stdout.splitlines() if "ladder" in line)
    assert "No. 5 县04" in ladder and "No. 41 濉溪县" in ladder
    assert "… (25 more)" in ladder and "县20" not in ladder


def test_the_place_to_reach_held_by_a_tie_says_so(run: Run, tmp_path: Path) -> None:
    """Two counties tied 4th: none is 5th; the one at the fifth place is said tied at 4th."""
    rows = ["region,year,indicator,value", "濉溪县,2018,gdp,300"]
    rows += [f"县{i},2018,gdp,{v}" for i, v in enumerate([900, 800, 700, 600, 600, 500])]
    peers = tmp_path / "p.csv"
    peers.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = run("gap", "--peers", str(peers), "-l", "zh", env={"COLUMNS": "400"})
    assert out.exit_code == 0, out.stderr
    assert "第5位为并列第4位的县4，差距300亿元" in out.stdout
