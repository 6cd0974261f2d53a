"""The plan file: the embedded 双实 plan holds the 意见, and bad plans are reported at their place."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING

import jsonschema
import pytest
import yaml

from shuangshi_cli.errors import PlanError
from shuangshi_cli.formulas import Progress
from shuangshi_cli.plan import Comparison, Kind, Plan, embedded_plan_text, load_plan
from tests.helpers import ROOT, Run

if TYPE_CHECKING:
    from pathlib import Path

QUANTIFIED = {
    "gdp": ("地区生产总值", Kind.LEVEL, "亿元", Comparison.GT, Decimal(400)),
    "gdp_rank": ("经济总量全省县域位次", Kind.RANK, "位", Comparison.LE, Decimal(5)),
    "fiscal_revenue": ("财政总收入", Kind.LEVEL, "亿元", Comparison.GT, Decimal(50)),
    "industrial_output": ("工业总产值", Kind.LEVEL, "亿元", Comparison.GT, Decimal(1000)),
}
GOALS = ["创新发展当先行", "产业集聚当高地", "城市建设当典范", "生态文明当标兵", "社会和谐当首善"]
PROGRAMMES = ["产业升级工程", "项目推进工程", "基层社会治理工程", "思维革新工程", "效能建设工程"]


def test_root_targets_yaml_is_the_embedded_plan() -> None:
    assert (ROOT / "targets.yaml").read_text(encoding="utf-8") == embedded_plan_text()


def test_document_facts(plan: Plan) -> None:
    h = plan.plan
    assert h.title == "关于开展“双实活动”的实施意见"
    assert h.issuer == "中共濉溪县委"
    assert h.issued is not None and h.issued.isoformat() == "2017-08-29"
    assert h.published is not None
    assert (h.published.by, h.published.date.isoformat()) == ("淮北日报", "2017-09-09")
    assert (h.region.name, h.region.province, h.region.level) == ("濉溪县", "安徽省", "county")
    assert (h.period.start, h.period.end, h.base_year) == (2017, 2019, 2016)


@pytest.mark.parametrize("target_id", list(QUANTIFIED))
def test_quantified_targets(plan: Plan, target_id: str) -> None:
    target = plan.target(target_id)
    name, kind, unit, comparison, value = QUANTIFIED[target_id]
    assert (target.name, target.kind, target.unit, target.comparison, target.value) == (
        name, kind, unit, comparison, value,
    )  # fmt: skip
    assert target.deadline == 2019
    assert target.source and target.name_en


def test_rank_is_lower_is_better_and_linear(plan: Plan) -> None:
    rank = plan.target("gdp_rank")
    assert not rank.higher_is_better
    assert plan.progress(rank) is Progress.LINEAR
    assert plan.progress(plan.target("gdp")) is Progress.COMPOUND


def test_baselines_from_the_text(plan: Plan) -> None:
    rank = plan.target("gdp_rank")
    assert [(k.year, k.value) for k in rank.known_values] == [
        (2015, Decimal(10)),
        (2016, Decimal(10)),
    ]
    assert rank.baseline is not None
    assert rank.baseline.quote == "地区生产总值连续两年位居全省第十"
    fiscal = plan.target("fiscal_revenue").baseline
    assert fiscal is not None
    assert (fiscal.year, fiscal.value, fiscal.comparison) == (2016, Decimal(30), Comparison.GT)
    assert fiscal.indicator_as_quoted == "财政收入"
    assert fiscal.quote == "财政收入突破30亿大关"


def test_fyp13_goals_and_programmes(plan: Plan) -> None:
    fyp = plan.target("fyp13_early")
    assert (fyp.kind, fyp.deadline, fyp.original_deadline) == (Kind.QUALITATIVE, 2019, 2020)
    goals = [t.name for t in plan.targets if t.category == "goal"]
    assert goals == GOALS
    assert [p.name for p in plan.programmes] == PROGRAMMES
    assert all(p.name_en for p in plan.programmes)


def test_every_quote_is_in_the_source_text(plan: Plan) -> None:
    source = ROOT.parent / "shared" / "source" / "shuangshi-yijian-2017.txt"
    if not source.exists():
        pytest.skip("the source article is not beside this checkout")
    text = source.read_text(encoding="utf-8").replace(" ", "")
    quotes = [t.source for t in plan.targets] + [p.source for p in plan.programmes]
    quotes += [k.quote for t in plan.targets for k in t.known_values]
    for quote in filter(None, quotes):
        normalised = quote.replace("，", ",").replace(" ", "")
        assert normalised in text, quote


def test_second_plan_uses_every_feature(city: Plan) -> None:
    kinds = {t.kind for t in city.targets}
    assert kinds == set(Kind)
    by_id = {t.id: t for t in city.targets}
    assert by_id["energy_intensity"].binding is True
    assert by_id["gdp_growth"].binding is False
    assert city.progress(by_id["urbanization"]) is Progress.LINEAR
    assert city.progress(by_id["gdp_per_capita"]) is Progress.COMPOUND
    assert not by_id["pm25"].higher_is_better
    assert by_id["energy_intensity"].thresholds is not None
    assert city.lookup_unit("ug/m3") is not None


# -- errors at their place -------------------------------------------------------------------

GOOD = """\
plan:
  title: t
  issuer: i
  issued: 2020-01-02
  region: {name: r}
  period: {start: 2021, end: 2025}
  base_year: 2020
targets:
  - id: gdp
    name: 地区生产总值
    name_en: GDP
    kind: level
    unit: 亿元
    comparison: ">"
    value: 400
    deadline: 2025
  - id: rank
    name: 位次
    name_en: Rank
    kind: rank
    unit: 位
    comparison: "<="
    value: 5
    deadline: 2025
"""


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GOOD
    path = tmp_path / "plan.yaml"
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    return path


def test_good_plan_loads(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert [t.id for t in load_plan(path).targets] == ["gdp", "rank"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("value: 400", "value: -4", ":15:12: targets[0].value: Input should be greater than or equal to 0"),
        ("value: 400", "value: [1, 2]", ":15:12: targets[0].value: Decimal input should be"),
        ("value: 400", "value: lots", ":15:12: targets[0].value: 'lots' is not a number"),
        ("value: 400", "valeu: 400", ":15:5: targets[0].valeu: unknown key (did you mean 'value'?)"),
        ("unit: 亿元", "unit: 亿美元", ":13:11: targets[0].unit: unknown unit '亿美元'"),
        ('comparison: "<="', 'comparison: ">"', ":22:17: targets[1].comparison: a rank is better when lower"),
        ("comparison: \">\"", "comparison: \"=>\"", ":14:17: targets[0].comparison: Input should be"),
        ("deadline: 2025\n  - id: rank", "deadline: 2019\n  - id: rank",
         ":16:15: targets[0].deadline: the deadline 2019 is not after the base year 2020"),
        ("id: rank", "id: gdp", ":17:9: targets[1].id: 'gdp' is already used by targets[0]"),
        ("issued: 2020-01-02", "issued: 2020-02-30", ":4:11: plan.issued: Input should be a valid date"),
        ("kind: level", "kind: lvl", ":12:11: targets[0].kind: Input should be"),
        ("value: 400", "value: 1e400", ":15:12: targets[0].value: 1E+400 is out of range"),
        ("    value: 5\n", "    value: 5.5\n", ":23:12: targets[1].value: a rank is a whole number from 1"),
        ("  title: t\n", "", ":1:1: plan.title: required key is missing"),
        ("value: 400", "value: !!python/object/apply:os.system [echo]",
         ":15:12: targets[0].value: YAML tag"),
        ("    name_en: GDP\n", "\tname_en: GDP\n", ":11:1: not valid YAML"),
        ("comparison: \">\"", "comparison: \"<\"\n    better: higher",
         ":14:17: targets[0].comparison: '<' does not fit better: higher"),
    ],
)  # fmt: skip
def test_plan_errors_name_file_line_and_field(
    tmp_path: Path, run: Run, old: str, new: str, expected: str
) -> None:
    path = _broken(tmp_path, old, new)
    result = run("validate", str(path))
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert f"{path}{expected}" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_error_at_once(tmp_path: Path) -> None:
    path = _broken(tmp_path, "value: 400", "value: x\n    colour: red")
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    fields = [p.field for p in caught.value.problems]
    assert fields == ["targets[0].value", "targets[0].colour"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"just words\n", "a plan is a mapping"),
        (b"plan: [unclosed\n", "not valid YAML"),
        (b"a: 1\n---\nb: 2\n", "expected one YAML document"),
        (b"plan:\x00\x01\x02\n", "the file is not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "this is a workbook"),
        (b"a: &a [*a]\n", "an alias refers to itself"),
        (b"plan: 1\nplan: 2\n", "duplicate key 'plan'"),
    ],
)
def test_unusable_files(tmp_path: Path, run: Run, content: bytes, message: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(str(path))
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_deep_nesting_is_refused(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"{path}: the document is nested too deeply\n"


def test_billion_laughs_is_refused(tmp_path: Path, run: Run) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = tmp_path / "plan.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert "too large" in result.stderr


def test_validate_summary(run: Run, city_path: Path) -> None:
    result = run("validate", str(city_path))
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1
    assert "10 quantified and 1 qualitative targets" in result.stdout


def test_validate_default_is_the_embedded_plan(run: Run) -> None:
    result = run("validate")
    assert result.exit_code == 0
    assert "4 quantified and 6 qualitative targets, 5 programmes, 2017–2019" in result.stdout


def test_targets_env_variable_picks_the_plan(run: Run, city_path: Path) -> None:
    result = run("targets", "--format", "json", env={"SHUANGSHI_TARGETS": str(city_path)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["plan"]["base_year"] == 2015


def test_schema_validates_the_plans(run: Run, city_path: Path) -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    for text in (embedded_plan_text(), city_path.read_text(encoding="utf-8")):
        document = json.loads(json.dumps(yaml.safe_load(text), default=str))
        jsonschema.validate(document, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"plan": {}, "targets": []}, schema)


def test_targets_json(run: Run) -> None:
    result = run("targets", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["plan"]["title"] == "关于开展“双实活动”的实施意见"
    assert data["plan"]["issuer"] == "中共濉溪县委"
    assert data["plan"]["issued"] == "2017-08-29"
    assert data["plan"]["period"] == {"start": 2017, "end": 2019}
    assert data["plan"]["base_year"] == 2016
    by_id = {t["id"]: t for t in data["targets"]}
    expected = {"gdp": (">", 400), "gdp_rank": ("<=", 5), "fiscal_revenue": (">", 50),
                "industrial_output": (">", 1000)}  # fmt: skip
    for target_id, (comparison, value) in expected.items():
        item = by_id[target_id]
        assert (item["comparison"], item["value"], item["deadline"]) == (comparison, value, 2019)
        for key in ("name", "name_en", "kind", "unit", "baseline"):
            assert key in item
    assert by_id["gdp_rank"]["baseline"]["year"] == 2016
    assert by_id["gdp_rank"]["baseline"]["value"] == 10
    assert by_id["gdp"]["baseline"] is None
    assert by_id["fyp13_early"]["kind"] == "qualitative"
    assert [t["name"] for t in data["targets"] if t["category"] == "goal"] == GOALS
    assert [p["name"] for p in data["programmes"]] == PROGRAMMES


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_targets_table(run: Run, lang: str) -> None:
    result = run("targets", "--lang", lang, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    names = (
        ("地区生产总值", "产业升级工程")
        if lang == "zh"
        else ("Gross regional product", "Industrial upgrading")
    )
    for name in names:
        assert name in result.stdout


@pytest.mark.parametrize("written", ["1_000", "352.", "0x10", '"1_000"', '"0b11"'])
def test_a_plan_number_is_written_in_decimal_digits(tmp_path: Path, written: str) -> None:
    # Python would read 1_000 and 352. (and YAML 1.1 0x10): a figures table refuses them, so
    # a plan does too
    path = tmp_path / "p.yaml"
    path.write_text(
        embedded_plan_text().replace("    value: 400\n", f"    value: {written}\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(PlanError, match=r"targets\[0\]\.value: '.*' is not a number"):
        load_plan(path)
    path.write_text(
        embedded_plan_text().replace("    deadline: 2019\n", "    deadline: 2_019\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(PlanError, match=r"targets\[0\]\.deadline: '2_019' is not a number"):
        load_plan(path)


def test_a_plan_number_in_full_width_digits_is_read(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        embedded_plan_text().replace("    value: 400\n", '    value: "４００"\n', 1),
        encoding="utf-8",
    )
    assert load_plan(path).targets[0].value == 400


def test_a_date_written_as_a_number_is_no_date(run: Run, tmp_path: Path) -> None:
    """issued: 20170829 is a number, which pydantic took for seconds since 1970 (and said only
    that datetimes need a zero time): the plan is told how to write a date."""
    plan = tmp_path / "p.yaml"
    plan.write_text(embedded_plan_text().replace("issued: 2017-08-29", "issued: 20170829"), "utf-8")
    out = run("validate", str(plan))
    assert out.exit_code == 2
    assert out.stderr.endswith(
        "plan.issued: '20170829' is not a date: write it YYYY-MM-DD (2017-08-29)\n"
    )
