"""Speed changes no result: the fast paths (libyaml, JSON parsed as JSON, indexes, one-sort
ranking) against plain reference computations written here."""

from __future__ import annotations

import contextlib
import functools
import json
import random
import tempfile
from dataclasses import fields, replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any
from unittest.mock import patch

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, SequenceNode

from shuangshi_cli import cli
from shuangshi_cli import figures as figures_module
from shuangshi_cli.assess import Result, assess
from shuangshi_cli.cli import TERMINAL_ROWS
from shuangshi_cli.errors import InputError
from shuangshi_cli.figures import Figures, check_rows, parse_csv, parse_json, structured_rows
from shuangshi_cli.formulas import _quotient
from shuangshi_cli.jsonload import load_json
from shuangshi_cli.parts import overall, score, scoreboard
from shuangshi_cli.peers import PeerTable, load_peers
from shuangshi_cli.plan import Part, Plan, PlanSemanticError, embedded_plan_text, parse_plan
from shuangshi_cli.units import convert
from shuangshi_cli.yamlload import load_yaml
from tests.helpers import DATA

if TYPE_CHECKING:
    from collections.abc import Callable

    from shuangshi_cli.yamlload import Located
    from tests.helpers import Run

YAML_TEXTS = [
    embedded_plan_text(),
    *(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.yaml"))),
    "- {indicator: gdp, year: 2018, value: 352.1}\n- indicator: 财政总收入\n  year: 2018\n"
    "  value: '41.2亿元'\n  note: |\n    多行\n    说明\n",
]


def _nodes(node: Node, out: list[Any]) -> list[Any]:
    scalar = node.value if isinstance(node.value, str) else None
    start, end = node.start_mark, node.end_mark
    out.append((type(node).__name__, node.tag, scalar, start.line, start.column, end.line))
    if isinstance(node, SequenceNode):
        for item in node.value:
            _nodes(item, out)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            _nodes(key, out)
            _nodes(value, out)
    return out


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="libyaml is not installed")
@pytest.mark.parametrize("text", YAML_TEXTS)
def test_libyaml_gives_the_same_nodes_and_marks(text: str) -> None:
    pure, fast = (
        yaml.compose(text, Loader=yaml.SafeLoader),
        yaml.compose(text, Loader=yaml.CSafeLoader),
    )
    assert pure is not None and fast is not None
    assert _nodes(fast, []) == _nodes(pure, [])


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=None),
    st.decimals(allow_nan=False, allow_infinity=False, places=None),
)
def test_quotient_is_the_float_of_the_exact_fraction(a: Decimal, b: Decimal) -> None:
    if b == 0:
        with pytest.raises(ZeroDivisionError):
            _quotient(a, b)
        return
    try:
        expected = float(Fraction(a) / Fraction(b))
    except OverflowError:
        with pytest.raises(OverflowError):
            _quotient(a, b)
        return
    assert repr(_quotient(a, b)) == repr(expected)


JSON_TEXTS = [
    '[{"indicator": "gdp", "year": 2017, "value": 320.5}]',
    '[\n  {"indicator": "gdp", "year": 2017, "value": 320.5, "unit": "亿元"},\n'
    '  {"indicator": "财政总收入", "year": "2018", "value": "41.2亿元", "note": null},\n'
    '  {"indicator": "gdp_rank", "year": 2018, "value": 9, "status": null}\n]\n',
    '{"figures": [\n {"indicator": "gdp",\n  "year": 2016, "value": 1.0e+3},\n'
    ' {"indicator": "gdp", "year": 2018, "value": -0.5, "part": "\\u5218\\u6865"}]}',
    "  [ ]  ",
]
BAD_JSON = [
    '{"gdp": 3}',
    '[{"indicator": "gdp", "year": 2017, "valu": 3}]',
    '[\n  {"indicator": "gdp",\n   "year": 2017,\n   "year": 2018}\n]',
    '[{"a": {"b": 1, "b": 2}, "indicator": "gdp"}]',
    '[1, {"indicator": "gdp"}]',
    '{"figures": [{"indicator": "gdp", "note": [1, {"x": 1}], "年度": 2017, "bad": 1}]}',
]


def _rows_or_error(load: Callable[[str, str], Located], text: str) -> Any:
    try:
        return structured_rows(load(text, "f.json"), "f.json")
    except InputError as exc:
        return exc.lines()


@pytest.mark.parametrize("text", JSON_TEXTS + BAD_JSON)
def test_json_parsed_as_json_reads_as_the_yaml_loader_read_it(text: str) -> None:
    """Same rows (values, file, line) and the same errors (message, line, column, field)."""
    assert _rows_or_error(load_json, text) == _rows_or_error(load_yaml, text)


def test_an_exponent_is_the_same_figure(plan: Plan) -> None:
    """JSON reads 1e3 as a number, YAML 1.1 as text: the figure is the same."""
    text = '[{"indicator": "gdp", "year": 2016, "value": 1e3}]'
    as_json = check_rows(structured_rows(load_json(text, "f.json"), "f.json"), plan)
    as_yaml = check_rows(structured_rows(load_yaml(text, "f.json"), "f.json"), plan)
    assert as_json == as_yaml
    assert as_json.items[0].value == 1000


def test_json_has_no_node_limit_and_keeps_row_lines() -> None:
    rows = 70_000  # 280,000 values: more than the YAML loader's node limit
    text = "[\n" + ",\n".join('{"indicator": "gdp", "year": 2017, "value": 1}' for _ in range(rows))
    parsed = parse_json(text + "\n]", "f.json")
    assert len(parsed) == rows
    assert [r.origin.line for r in parsed[:3]] == [2, 3, 4]
    assert parsed[-1].origin.line == rows + 1


def test_json_errors_keep_their_place() -> None:
    with pytest.raises(InputError) as caught:
        load_json('[{"indicator": "gdp", "year": 2017, "value": 1', "f.json")
    assert caught.value.lines() == ["f.json:1:47: not valid JSON: Expecting ',' delimiter"]
    with pytest.raises(InputError) as caught:
        load_json("[" * 100_000 + "]" * 100_000, "f.json")
    assert caught.value.lines() == ["f.json: the document is nested too deeply"]


# -- scoreboard and peers: the fast path against a plain reference ----------------------------


def _plan_with_parts(count: int, rng: random.Random) -> Plan:
    lines = [embedded_plan_text().rstrip("\n"), "parts:"]
    for i in range(count):
        lines += [f"  - id: p{i:03d}", f"    name: 第{i}号镇", "    targets:"]
        lines += [
            f"      - {{indicator: gdp, value: {rng.choice([40, 50, 60])}}}",
            f"      - {{indicator: fiscal_revenue, value: {rng.choice([3, 4])}, unit: 亿元}}",
            f"      - {{indicator: industrial_output, value: {rng.randint(50, 90) * 10000},"
            " unit: 万元}",
            f"      - {{indicator: gdp_rank, value: {rng.randint(1, 5)}}}",
        ]
    return parse_plan("\n".join(lines) + "\n", "parts.yaml")


def _part_figures_text(plan: Plan, rng: random.Random) -> str:
    lines = ["indicator,year,value,unit,part"]
    for part in plan.parts:
        for year in range(2015, 2019):
            if rng.random() < 0.1:
                continue  # some parts lack a year: insufficient data, missing previous ranks
            lines.append(f"gdp,{year},{rng.randint(25, 70)},亿元,{part.name}")
            lines.append(f"fiscal_revenue,{year},{rng.randint(20, 45) * 1000},万元,{part.id}")
            lines.append(f"industrial_output,{year},{rng.randint(30, 95)},亿元,{part.id}")
            lines.append(f"gdp_rank,{year},{rng.randint(1, 9)},位,{part.id}")
    return "\n".join(lines) + "\n"


def _reference_part_plan(plan: Plan, part: Part) -> Plan:
    """The part's plan as it was built before: the whole plan dumped and validated again."""
    data = plan.model_dump(mode="python", exclude={"parts"})
    data["plan"]["region"] = {"name": part.name, "name_en": part.name_en, "level": None}
    data["plan"]["title"] = f"{plan.plan.title}（{part.name}）"
    if plan.plan.title_en:
        data["plan"]["title_en"] = f"{plan.plan.title_en} ({part.name_en or part.name})"
    targets = []
    for own in part.targets:
        base = next(t for t in plan.targets if t.id == own.indicator).model_dump(mode="python")
        base.update(
            value=own.value,
            comparison=own.comparison or base["comparison"],
            unit=own.unit or base["unit"],
            deadline=own.deadline or base["deadline"],
            baseline=None,
            history=[],
            ranks=None,
            note=own.note,
        )
        targets.append(base)
    data["targets"] = targets
    return Plan.model_validate(data)


def _reference_figures(plan: Plan, own: Plan, figures: Figures, part: Part) -> Figures:
    items = []
    for f in figures.items:  # a scan of every figure, as before
        if f.part != part.id:
            continue
        value = f.value
        if value is not None:
            source = plan.figure_unit(next(t for t in plan.targets if t.id == f.target))
            wanted = own.figure_unit(next(t for t in own.targets if t.id == f.target))
            value = convert(value, source, wanted)
        items.append(replace(f, part=None, value=value))
    return Figures(tuple(items))


def _pairwise_ranks(values: dict[str, float | None], higher: bool = True) -> dict[str, int]:
    """Competition ranking by counting, for each, those strictly better."""
    known = {k: Decimal(repr(v)) for k, v in values.items() if v is not None}
    return {
        k: 1 + sum(1 for w in known.values() if (w > v if higher else w < v))
        for k, v in known.items()
    }


def _result_numbers(result: Result) -> tuple[Any, ...]:
    return tuple(
        getattr(result, f.name) for f in fields(result) if f.name not in {"target", "peers"}
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_scoreboard_fast_path_matches_a_plain_reference(seed: int) -> None:
    rng = random.Random(seed)
    plan = _plan_with_parts(60, rng)
    figures = check_rows(parse_csv(_part_figures_text(plan, rng), "f.csv"), plan)
    board = scoreboard(plan, figures)
    assert board.as_of == 2018

    def scores(year: int) -> dict[str, tuple[list[Result], dict[str, float | None]]]:
        found = {}
        for part in plan.parts:
            own = _reference_part_plan(plan, part)
            results = assess(own, _reference_figures(plan, own, figures, part), as_of=year)
            found[part.id] = (
                list(results.quantified),
                {r.target.id: score(r) for r in results.quantified},
            )
        return found

    now, before = scores(2018), scores(2017)
    ranks = _pairwise_ranks({p: overall(s) for p, (_, s) in now.items()})
    previous = _pairwise_ranks({p: overall(s) for p, (_, s) in before.items()})
    by_indicator = {
        i: _pairwise_ranks({p: s.get(i) for p, (_, s) in now.items()}) for i in board.indicators
    }
    assert len({s.rank for s in board.standings}) < len(board.standings)  # ties are tested
    assert [s.part.id for s in board.standings] == sorted(
        now, key=lambda p: (p not in ranks, ranks.get(p, 0), p)
    )
    for standing in board.standings:
        results, own_scores = now[standing.part.id]
        assert standing.scores == own_scores
        assert standing.overall == overall(own_scores)
        assert standing.rank == ranks.get(standing.part.id)
        assert standing.previous_rank == previous.get(standing.part.id)
        assert standing.indicator_ranks == {
            i: r[standing.part.id] for i, r in by_indicator.items() if standing.part.id in r
        }
        fast = standing.assessment.quantified
        assert [r.target.model_dump() for r in fast] == [r.target.model_dump() for r in results]
        assert [_result_numbers(r) for r in fast] == [_result_numbers(r) for r in results]


_BRIEF_FIELDS = (
    "status", "progress", "latest", "base", "target_level", "time_progress", "task_progress",
    "observed_growth", "pace_ratio", "series", "notes", "met_at_base", "breached",
)  # fmt: skip


def _brief_cases() -> list[tuple[Plan, Figures]]:
    rng = random.Random(5)
    plan = _plan_with_parts(20, rng)
    cases = []
    for part in plan.parts:
        own = plan.for_part(part)
        figures = check_rows(parse_csv(_part_figures_text(plan, rng), "f.csv"), plan)
        cases.append((own, figures.for_part(part.id)))
    six = parse_plan((DATA / "fyp-six.yaml").read_text(encoding="utf-8"), "fyp-six.yaml")
    text = (DATA / "fyp-six-figures.csv").read_text(encoding="utf-8")
    cases.append((six, check_rows(parse_csv(text, "fyp-six-figures.csv"), six)))
    return cases


def test_a_brief_assessment_judges_every_status_as_the_full_one() -> None:
    """The scoreboard's year before is assessed briefly: the same status, pace ratio and task
    progress (so the same score) as the full assessment gives, in every year."""
    compared = 0
    for plan, figures in _brief_cases():
        for year in range(2015, 2027):
            full = assess(plan, figures, as_of=year)
            brief = assess(plan, figures, as_of=year, brief=True)
            assert brief.as_of == full.as_of
            for a, b in zip(full.quantified, brief.quantified, strict=True):
                assert [getattr(b, k) for k in _BRIEF_FIELDS] == [
                    getattr(a, k) for k in _BRIEF_FIELDS
                ], (a.target.id, year)
                assert score(a) == score(b)
                compared += 1
    assert compared > 1000


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_peer_ranks_match_a_plain_reference(plan: Plan, seed: int) -> None:
    rng = random.Random(seed)
    regions = ["濉溪县", *(f"第{i}县" for i in range(1, 150))]
    lines = ["region,year,indicator,value"]
    for year in range(2014, 2019):
        for region in regions:
            if region != "濉溪县" and rng.random() < 0.05:
                continue
            value = rng.randint(200, 260) / 2  # a narrow range: many ties
            name = region.removesuffix("县") if rng.random() < 0.3 else region
            lines.append(f"{name},{year},gdp,{value}")
    table = load_peers_text(plan, "\n".join(lines) + "\n")
    result = assess(plan, Figures(), peers=table).results[1]
    assert result.peers is not None
    rows = [r for r in table.rows if r.indicator == "gdp"]
    for standing in result.peers.standings:
        values = {r.region: r.value for r in rows if r.year == standing.year}
        own = values[table.own]
        assert standing.rank == 1 + sum(1 for v in values.values() if v > own)
        assert standing.count == len(values)
        assert [(r.region, r.value) for r in standing.ladder] == sorted(
            values.items(), key=lambda kv: (-kv[1], kv[0])
        )
        assert [r.rank for r in standing.ladder] == [
            1 + sum(1 for v in values.values() if v > r.value) for r in standing.ladder
        ]
    latest = result.peers.latest
    holder = latest.ladder[int(plan.target("gdp_rank").value or 0) - 1]
    history = sorted(
        (r.year, r.value) for r in rows if r.region == holder.region and r.year <= latest.year
    )
    assert result.peers.chase.target_region == holder.region
    if len(history) > 1:
        (y0, v0), (y1, v1) = history[0], history[-1]
        assert result.peers.chase.rival_growth == pytest.approx(
            float(Fraction(v1) / Fraction(v0)) ** (1 / (y1 - y0)) - 1, rel=1e-12
        )


def load_peers_text(plan: Plan, text: str) -> PeerTable:
    with tempfile.TemporaryDirectory() as directory:
        path = FilePath(directory) / "peers.csv"
        path.write_text(text, encoding="utf-8")
        return load_peers(plan, [str(path)])


def test_a_terminal_gets_the_head_of_a_long_scoreboard(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: FilePath
) -> None:
    rng = random.Random(5)
    plan = tmp_path / "plan.yaml"
    lines = [embedded_plan_text().rstrip("\n"), "parts:"]
    for i in range(TERMINAL_ROWS + 20):
        lines += [f"  - id: p{i:03d}", f"    name: 第{i}号镇", "    targets:"]
        lines.append(f"      - {{indicator: gdp, value: {rng.randint(40, 60)}}}")
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    figures = tmp_path / "figures.csv"
    rows = [f"gdp,{y},{rng.randint(20, 70)},p{i:03d}" for i in range(120) for y in (2016, 2018)]
    figures.write_text("indicator,year,value,part\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = ["scoreboard", "-t", str(plan), "-f", str(figures), "-l", "en"]
    piped = run(*args)
    assert piped.exit_code == 0 and "rows" not in piped.stderr
    monkeypatch.setattr(cli, "_terminal", lambda *_: True)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    shown = run(*args)
    assert shown.exit_code == 0
    assert shown.stderr == (
        f"showing the first {TERMINAL_ROWS} of 120 rows; all of them: -F csv, -F markdown, "
        "-o FILE or a pipe (| less -S)\n"
    )
    assert len(shown.stdout) < len(piped.stdout)
    board_rows = [line for line in piped.stdout.splitlines() if "第" in line]
    assert [line for line in shown.stdout.splitlines() if "第" in line] == board_rows[
        :TERMINAL_ROWS
    ]


def test_a_copy_of_a_plan_resolves_its_own_targets(plan: Plan) -> None:
    assert plan.resolve("GDP") is plan.targets[0]  # builds the plan's look-up tables
    fewer = plan.model_copy(update={"targets": plan.targets[2:]})
    assert fewer.resolve("GDP") is None
    assert fewer.target(plan.targets[2].id) is plan.targets[2]
    assert plan.resolve("GDP") is plan.targets[0]


# -- figures: the quick way for plain rows against the row-by-row check ------------------------

_CELLS: dict[str, list[str | None]] = {
    "indicator": ["gdp", "地区生产总值", "fiscal_revenue", "gdp_rank", "industrial_output",
                  "growth", "no_such", "", " gdp", "财政总收入（亿元）"],
    "year": ["2016", "2017", "2018", "1899", "9999", "18", "２０１８", "2018.0", "", "2018年"],
    "value": ["352.1", "0", "-0", "-3", "41.2亿元", "1e3", "３５２.１", "2.5", "007",
              "123456789012345678901", "0.0000000000000000000001", "", "abc", "+5", "5.",
              "99999999999999999999"],
    "unit": [None, "亿元", "万元", "%", "位", "元", "公斤", " 亿元 "],
    "part": [None, "p000", "第1号镇", "p002", "第9号镇", "p009", "nowhere", ""],
}  # fmt: skip


@functools.cache
def _small_parts_plan() -> Plan:
    """Three parts with all four targets, in 亿元 and 万元, and one with a GDP target only."""
    plan = _plan_with_parts(3, random.Random(7))
    text = embedded_plan_text().rstrip("\n") + "\nparts:\n"
    for part in plan.parts:
        text += f"  - id: {part.id}\n    name: {part.name}\n    targets:\n"
        for own in part.targets:
            unit = f", unit: {own.unit}" if own.unit else ""
            text += f"      - {{indicator: {own.indicator}, value: {own.value}{unit}}}\n"
    text += "  - id: p009\n    name: 第9号镇\n    targets:\n      - {indicator: gdp, value: 30}\n"
    return parse_plan(text, "parts.yaml")


def _checked(rows: list[Any], plan: Plan) -> Any:
    try:
        found = check_rows(rows, plan)
    except InputError as exc:
        return exc.lines()
    return [(f.key, f.value, f.status, str(f.origin), f.given) for f in found.items]


@given(
    st.lists(
        st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _CELLS.items()}),
        min_size=1,
        max_size=12,
    )
)
def test_plain_rows_read_as_the_row_by_row_check_reads_them(cells: list[dict[str, Any]]) -> None:
    """The same figures (key, value, place, as written) and the same errors, row for row."""
    plan = _small_parts_plan()
    header = "indicator,year,value,unit,part"
    lines = [header] + [
        ",".join(f'"{c[k]}"' if c[k] is not None else "" for k in ("indicator", "year", "value",
                                                                    "unit", "part"))
        for c in cells
    ]  # fmt: skip
    text = "\n".join(lines) + "\n"
    try:
        tables = [parse_csv(text, "f.csv")]
    except InputError:
        tables = []  # not a table of rows (every line blank): nothing to compare
    # The same cells as JSON, numbers as numbers where they read as JSON numbers (2018, 352.1,
    # 1e3, -0), and as YAML: years and values that are not text, read the quick way too.
    items = [{k: _as_number(v) for k, v in c.items() if v is not None} for c in cells]
    tables.append(parse_json(json.dumps(items, ensure_ascii=False), "f.json"))
    yaml_text = "".join(
        "- {"
        + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
        + "}\n"
        for item in items
    )
    with contextlib.suppress(InputError):
        tables.append(structured_rows(load_yaml(yaml_text, "f.yaml"), "f.yaml"))
    for rows in tables:
        # each row alone (most are figures or one error), then all (repeats, conflicts)
        quick = [_checked([row], plan) for row in rows] + [_checked(rows, plan)]
        with patch.object(figures_module.PlainRows, "values_of", lambda self, row: None):
            slow = [_checked([row], plan) for row in rows] + [_checked(rows, plan)]
        assert quick == slow


@pytest.mark.parametrize(
    "value", ["0", "-0", "1", "1.5", "-1", "-99.9", "-100", "-100.0", "-150", "250", "1e3"]
)
def test_plain_values_are_judged_as_the_row_by_row_check_judges_them(value: str) -> None:
    """Ranks, levels, rates and yearly changes in % (which must stay above -100): the quick
    check of a plain value passes what ``_unfit`` passes, and leaves the rest to it."""
    plan = parse_plan(embedded_plan_text("cn-14th-fyp"), "cn-14th-fyp")
    lines = ["indicator,year,value"] + [
        f"{t.id},2021,{value}" for t in plan.targets if t.quantified and t.series is None
    ]
    rows = parse_csv("\n".join(lines) + "\n", "f.csv")
    quick = [_checked([row], plan) for row in rows]
    with patch.object(figures_module.PlainRows, "values_of", lambda self, row: None):
        slow = [_checked([row], plan) for row in rows]
    assert quick == slow
    suixi = parse_plan(embedded_plan_text(), "targets.yaml")
    rank = _checked(parse_csv(f"indicator,year,value\ngdp_rank,2018,{value}\n", "f.csv"), suixi)
    with patch.object(figures_module.PlainRows, "values_of", lambda self, row: None):
        assert rank == _checked(
            parse_csv(f"indicator,year,value\ngdp_rank,2018,{value}\n", "f.csv"), suixi
        )


def test_a_plain_figure_is_the_figure_the_dataclass_builds() -> None:
    """The quick constructor of a plain row's Figure sets every field the dataclass would."""
    origin = figures_module.Origin("f.csv", 7)
    quick = figures_module._plain_figure("gdp", 2018, Decimal("352.1"), origin, "p1", "3521亿元")
    built = figures_module.Figure(
        "gdp", 2018, Decimal("352.1"), origin, part="p1", given="3521亿元"
    )
    assert quick == built and hash(quick) == hash(built)
    assert vars(quick) == vars(built)
    assert [f.name for f in fields(built)] == list(vars(quick))


def test_a_long_tables_rows_are_the_rows_their_constructors_build() -> None:
    """A CSV row's RawRow and Origin are built as plain tuples (their named tuples' own __new__
    is a Python function): the same tuples, every field, as the constructors give."""
    (row,) = parse_csv("indicator,year,value\ngdp,2018,352.1\n", "f.csv")
    built = figures_module.RawRow(
        {"indicator": "gdp", "year": "2018", "value": "352.1"},
        figures_module.Origin("f.csv", 2),
        False,
        True,
    )
    assert row == built and type(row) is type(built) and type(row.origin) is type(built.origin)
    assert row._asdict() == built._asdict() and row.origin._asdict() == built.origin._asdict()


def _as_number(text: str) -> Any:
    """``text`` as the JSON number it reads as (2018, 352.1, 1e3), else as it is."""
    try:
        number = json.loads(text)
    except ValueError:
        return text
    return number if isinstance(number, int | float) and not isinstance(number, bool) else text


def test_a_part_plan_skips_only_the_checks_validation_ran() -> None:
    """A part's plan is not checked again for the plan validation checked; a copy of the plan
    with another header (a later base year) is."""
    plan = _plan_with_parts(2, random.Random(3))
    assert plan.for_part(plan.parts[0]).targets[0].value == plan.parts[0].targets[0].value
    later = plan.plan.model_copy(update={"base_year": 2019})
    fresh = _plan_with_parts(2, random.Random(3))
    moved = fresh.model_copy(update={"plan": later})
    with pytest.raises(PlanSemanticError, match="not after the base year 2019"):
        moved.for_part(moved.parts[1])


_PEER_CELLS: dict[str, list[str | None]] = {
    "region": ["濉溪县", "第1县", " 第2县", "", "第3县"],
    "indicator": ["gdp", "地区生产总值", "fiscal_revenue", "gdp_rank", "no_such", "growth"],
    "year": ["2017", "2018", "1899", "18", "２０１８"],
    "value": ["352.1", "0", "-3", "41.2亿元", "1e3", "007", "2.5", "", "abc"],
    "unit": [None, "亿元", "万元", "%", "位", "公斤"],
}


def _peers_checked(rows: list[Any], plan: Plan) -> Any:
    from shuangshi_cli.peers import check_peer_rows

    problems: list[Any] = []
    found = check_peer_rows(rows, plan, problems)
    lines = [str(p.message) + f"@{p.file}:{p.line}:{p.field}" for p in problems]
    return [(r.region, r.year, r.indicator, r.value, str(r.origin)) for r in found], lines


@given(
    st.lists(
        st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _PEER_CELLS.items()}),
        min_size=1,
        max_size=10,
    )
)
def test_plain_peer_rows_read_as_the_row_by_row_check_reads_them(
    plan: Plan, cells: list[dict[str, Any]]
) -> None:
    keys = ("region", "indicator", "year", "value", "unit")
    lines = [",".join(keys)] + [
        ",".join(f'"{c[k]}"' if c[k] is not None else "" for k in keys) for c in cells
    ]
    rows = parse_csv("\n".join(lines) + "\n", "peers.csv")
    quick = [_peers_checked([row], plan) for row in rows] + [_peers_checked(rows, plan)]
    with patch.object(figures_module.PlainRows, "values_of", lambda self, row: None):
        slow = [_peers_checked([row], plan) for row in rows] + [_peers_checked(rows, plan)]
    assert quick == slow


def test_parts_written_as_numbers_are_not_taken_for_one_another() -> None:
    """1, 1.0 and true are equal as keys, but as written they name different parts (or none):
    the parts a file's rows resolve to are remembered for text only."""
    text = embedded_plan_text().rstrip("\n") + (
        "\nparts:\n"
        "  - {id: yihao, name: '1', targets: [{indicator: fiscal_revenue, value: 5}]}\n"
        "  - id: zhen\n    name: 二号镇\n    aliases: ['1.0']\n"
        "    targets: [{indicator: fiscal_revenue, value: 6}]\n"
    )
    plan = parse_plan(text, "parts.yaml")

    def read(second_part: str) -> Figures:
        rows = "".join(
            f"- {{indicator: fiscal_revenue, year: {year}, value: 5, part: {part}}}\n"
            for year, part in ((2017, "1"), (2018, second_part))
        )
        return check_rows(structured_rows(load_yaml(rows, "f.yaml"), "f.yaml"), plan)

    assert [(f.year, f.part) for f in read("1.0").items] == [(2017, "yihao"), (2018, "zhen")]
    with pytest.raises(InputError, match="unknown part 'true'"):
        read("true")
