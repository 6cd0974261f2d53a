"""Fuzzing the CLI in-process: random figures files in every format, random ID=VALUE arguments
and options, random mutations of the shipped plans. No input may end in the catch-all "internal
error", exit outside 0/1/2, or print invalid JSON. benchmarks/fuzz_long.py runs it long."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from shuangshi_cli.cli import app
from shuangshi_cli.plan import embedded_plan_text

DATA = Path(__file__).parent / "data"
PLANS = {
    "embedded": embedded_plan_text(),
    "city": (DATA / "city_plan.yaml").read_text(encoding="utf-8"),
    "towns": embedded_plan_text() + "\n" + (DATA / "towns.yaml").read_text(encoding="utf-8"),
}
# Examples in the normal suite: a few seconds. FUZZ_EXAMPLES=10000 (or fuzz_long.py) for more.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
ENV: dict[str, str | None] = {
    "LANG": "C.UTF-8",
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "LANGUAGE": None,
    "SHUANGSHI_TARGETS": None,
    "SHUANGSHI_DEBUG": None,
    "NO_COLOR": "1",
}

# -- the pieces of an input ----------------------------------------------------------------------

INDICATORS = [
    "gdp", "gdp_rank", "fiscal_revenue", "industrial_output", "innovation_first", "fyp13_early",
    "地区生产总值", "gdp_growth", "real_growth", "urbanization", "energy_intensity",
    "forest_cover", "pm25", "gdp_per_capita", "province_rank", "ecology", "nope", "", " ",
]  # fmt: skip
NUMBERS = [
    "0", "1", "-1", "2.5", "352.1", "400", "1e20", "1e-20", "1e21", "1e-21", "1e400", "1e-400",
    "1e999999", "-1e999999", "9" * 30, "9" * 5000, "0.0000001", "NaN", "inf", "-0", "1,000",
    "352.1亿元", "412000万元", "1e20万亿元", "1e-20元", "8位", "第8位", "58%", "3个百分点",
    "x", "", " ", "1 2", "１２", "\x07", "'", '"', "=1+1", "1e5%", "-100%", "0.5吨",
    "比上年下降2.7%", "增长6.1%", "下降-1", "提高0.5个百分点", "增长1e400%", "下降100%",
]  # fmt: skip
YEARS = [
    "2015", "2016", "2017", "2018", "2019", "2020", "2021", "1949", "2100", "1948", "2101",
    "2018.0", "2018.5", "1e999999", "9" * 5000, "-2018", "x", "", "2018年",
]  # fmt: skip
MONTHS = ["1", "3", "6", "11", "12", "0", "-1", "1e999999", "x", ""]
UNITS = ["亿元", "万元", "元", "%", "位", "个百分点", "吨", "x", "", " ", "亿", "万亿元"]
STATUSES = ["achieved", "on_track", "已完成", "missed", "maybe", ""]
PARTS = ["刘桥", "刘桥镇", "liuqiao", "韩村", "开发区", "nowhere", ""]
REGIONS = ["濉溪县", "濉溪", "甲县", "乙县", "=cmd", "", " "]
HEADERS = [
    ["indicator", "year", "value"],
    ["indicator", "year", "value", "unit"],
    ["indicator", "year", "value", "unit", "month", "part", "status", "note"],
    ["指标", "年份", "数值", "单位"],
    ["indicator", "id", "year", "value"],
    ["indicator", "year"],
    ["region", "year", "indicator", "value"],
    ["region", "year", "indicator", "value", "unit", "month"],
    ["indicator", "year", "value", "bogus"],
]
YAML_SCALARS = [
    "0", "-1", "1e400", "1.0e+999", "2.5", "~", "''", "' '", ".inf", ".nan", "!!bool 'maybe'",
    "!!timestamp 'bogus'", "!!python/object:os.system 'ls'", '"\\ud800"', '"\\x07"', "&a 1",
    "*a", "[1, 2]", "{a: 1}", "2016-02-30", "2030-01-01", "9" * 5000, "<<: {a: 1}", "'\\u200b'",
    '"a\\nb"', "yes", "no", "null", ">=", "<", "亿元", "位", "%", "level", "rank", "growth",
    "change", "qualitative", "compound", "linear", "true", "[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, "
    "0.7, 0.8, 0.9, 0.95, 0.99, 100]",
]  # fmt: skip
COMMANDS = ["gap", "check", "path", "whatif", "scoreboard", "targets", "validate", "template"]
FORMATS = ["table", "json", "csv", "markdown"]


@dataclass
class Invocation:
    """One run of the CLI: its arguments, the files it reads, and stdin."""

    args: list[str]
    files: dict[str, str] = field(default_factory=dict)
    stdin: str | None = None

    @property
    def wants_json(self) -> bool:
        pairs = zip(self.args, self.args[1:], strict=False)
        return any(a in {"-F", "--format"} and b == "json" for a, b in pairs)


def pick(draw: st.DrawFn, pool: list[str], good: int) -> str:
    """One of ``pool``; three times in four one of its first ``good`` (plausible) entries, so that
    most inputs get past the first check and reach the arithmetic and the printers."""
    if _CLEAN[0] or draw(st.integers(0, 3)):
        return draw(st.sampled_from(pool[:good]))
    return draw(st.sampled_from(pool))


# Half the inputs are clean (plausible values only, no broken files): they reach the arithmetic
# and every printer; the other half are hostile throughout.
_CLEAN = [False]
# In a clean input: the quantified targets of the plan chosen, and plausible values for them.
_IDS: list[str] = []
CLEAN_VALUES = ["5", "8", "10", "12", "50", "60", "300", "352.1", "420", "1000", "7", "0.9"]
CLEAN_VALUES += ["0", "0", "1"]  # fmt: skip
CLEAN_VALUES += ["0.001", "1e-20", "1e20", "99999", "2.5"]  # valid, and hard on the arithmetic
QUANTIFIED = {
    "embedded": ["gdp", "gdp_rank", "fiscal_revenue", "industrial_output"],
    "city": ["gdp_growth", "real_growth", "urbanization", "energy_intensity", "forest_cover",
             "pm25", "gdp_per_capita", "province_rank"],
}  # fmt: skip


def indicator(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(_IDS)) if _CLEAN[0] else pick(draw, INDICATORS, 11)


def number(draw: st.DrawFn, target: str = "") -> str:
    """A value; in a clean input one that fits ``target`` (a rank is a whole number from 1)."""
    if not _CLEAN[0]:
        return pick(draw, NUMBERS, 8)
    return draw(st.sampled_from(CLEAN_RANKS if target.endswith("rank") else CLEAN_VALUES))


CLEAN_RANKS = ["1", "2", "5", "8", "10", "30"]
CLEAN_YEARS = ["2015", "2016", "2016", "2017", "2018", "2019", "2020"]


GOOD = {"indicator": 11, "year": 7, "value": 8, "unit": 6, "month": 4, "part": 5, "status": 4}


def _row(draw: st.DrawFn, columns: list[str]) -> dict[str, str]:
    pools = {
        "indicator": INDICATORS, "id": INDICATORS, "指标": INDICATORS, "year": YEARS,
        "年份": YEARS, "value": NUMBERS, "数值": NUMBERS, "unit": UNITS, "单位": UNITS,
        "month": MONTHS, "part": PARTS, "status": STATUSES, "note": ["", "note", "a\nb"],
        "region": REGIONS,
    }  # fmt: skip
    canonical = {
        "id": "indicator",
        "指标": "indicator",
        "年份": "year",
        "数值": "value",
        "单位": "unit",
    }
    row = {
        c: pick(draw, pools.get(c, ["x", ""]), GOOD.get(canonical.get(c, c), 2)) for c in columns
    }
    if _CLEAN[0]:
        target = indicator(draw)
        row.update(indicator=target, value=number(draw, target))
        row.update(year=draw(st.sampled_from(CLEAN_YEARS)))
    return row


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n') else cell


@st.composite
def figures_file(draw: st.DrawFn) -> tuple[str, str]:
    """A figures (or peers) file: its name and its text, in one of the formats, maybe broken."""
    clean = _CLEAN[0]
    columns = draw(
        st.sampled_from(HEADERS[:1] if clean else HEADERS[:3] if draw(st.booleans()) else HEADERS)
    )
    rows = [_row(draw, columns) for _ in range(draw(st.integers(1, 8)))]
    if clean:  # one value per indicator and year: conflicts are tested in the hostile half
        rows = list({(r["indicator"], r["year"]): r for r in rows}.values())
    kinds = (
        ["csv", "tsv", "yaml", "json"] if clean else ["csv", "tsv", "yaml", "json", "bare", "junk"]
    )
    kind = draw(st.sampled_from(kinds))
    if kind in {"csv", "tsv", "bare"}:
        sep = "\t" if kind == "tsv" else ","
        lines = [sep.join(columns)] + [sep.join(_quote(r[c]) for c in columns) for r in rows]
        if not clean and draw(st.integers(0, 4)) == 0:  # a short, long or unterminated row
            lines.append(draw(st.sampled_from(["gdp,2018", "gdp,2018,1,2,3", 'gdp,2018,"352'])))
        text = "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"]))
        return ("f.csv" if kind == "csv" else "f.tsv" if kind == "tsv" else "f"), text
    if kind == "json":
        items = [{c: _json_value(r[c]) for c in columns} for r in rows]
        text = json.dumps(items if draw(st.booleans()) else {"figures": items}, ensure_ascii=False)
        if not clean and draw(st.integers(0, 4)) == 0:
            text = draw(st.sampled_from(["[" * 3000 + "]" * 3000, text[:-1], '[{"a": 1e999999}]']))
        return "f.json", text
    if kind == "yaml":
        body = "".join(
            "- {" + ", ".join(f"{c}: {_yaml_value(draw, r[c])}" for c in columns) + "}\n"
            for r in rows
        )
        return "f.yaml", body or draw(st.sampled_from(["", "- {}\n", "a: 1\n", "[[[\n"]))
    junk = draw(st.text(max_size=200))
    return draw(st.sampled_from(["f.csv", "f.yaml", "f.json", "f"])), junk


def _json_value(text: str) -> object:
    try:
        return json.loads(text) if text not in {"NaN", "inf"} else text
    except ValueError:
        return text


def _yaml_value(draw: st.DrawFn, text: str) -> str:
    if not _CLEAN[0] and draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(YAML_SCALARS))
    return json.dumps(text, ensure_ascii=False)


PLAN_NUMBERS = [
    "0", "1", "2", "5", "-1", "2.5", "1e20", "1e-20", "1.0e+20", "1.0e-20", "1.0e+21", "-99.9",
    "-100", "100", "0.0001", "99999", "1949", "2015", "2016", "2017", "2019", "2030", "2100",
]  # fmt: skip
_NUMBER = re.compile(r"(?<=[:\[,] )-?\d+(?:\.\d+)?(?=[,\]}\n ]|$)", re.MULTILINE)


@st.composite
def plan_numbers(draw: st.DrawFn, name: str) -> str:
    """A shipped plan with one to three of its numbers replaced: still valid YAML, often a valid
    plan, with odd values for the arithmetic."""
    text = PLANS[name]
    for _ in range(draw(st.integers(1, 3))):
        sites = list(_NUMBER.finditer(text))
        site = sites[draw(st.integers(0, len(sites) - 1))]
        text = text[: site.start()] + draw(st.sampled_from(PLAN_NUMBERS)) + text[site.end() :]
    return text


@st.composite
def plan_file(draw: st.DrawFn) -> str:
    """A shipped plan with a few random mutations: lines dropped or repeated, values replaced."""
    name = draw(st.sampled_from(sorted(PLANS)))
    if draw(st.booleans()):
        return draw(plan_numbers(name))
    lines = PLANS[name].splitlines()
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "value", "value", "drop", "repeat", "text"]))
        if action == "value" and ": " in lines[i]:
            key = lines[i].split(": ", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(YAML_SCALARS))}"
        elif action == "drop":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        else:
            lines.insert(i, draw(st.text(max_size=30)))
    return "\n".join(lines) + "\n"


def _option(draw: st.DrawFn, name: str, pool: list[str], good: int = 2) -> list[str]:
    """``[name, value]`` one time in three, else nothing."""
    return [name, pick(draw, pool, good)] if draw(st.integers(0, 2)) == 0 else []


@st.composite
def invocations(draw: st.DrawFn) -> Invocation:
    """A command, a plan, figures files, ID=VALUE pairs and options, at random."""
    command = draw(st.sampled_from(COMMANDS))
    inv = Invocation([command])
    _CLEAN[0] = draw(st.booleans())
    _IDS[:] = QUANTIFIED["embedded"]
    if _CLEAN[0]:
        chosen = draw(st.sampled_from(["embedded", "city", "towns"]))
        if chosen != "embedded" or draw(st.integers(0, 2)) == 0:
            inv.args += ["-t", f"{chosen}.yaml"]
            numbers = draw(st.integers(0, 2)) == 0
            inv.files[f"{chosen}.yaml"] = draw(plan_numbers(chosen)) if numbers else PLANS[chosen]
        _IDS[:] = QUANTIFIED["city" if chosen == "city" else "embedded"]
    elif draw(st.integers(0, 2)) == 0:
        inv.files["plan.yaml"] = draw(plan_file())
        inv.args += [draw(st.sampled_from(["-t", "--targets"])), "plan.yaml"]
    elif not _CLEAN[0] and (draw(st.booleans()) or command == "scoreboard"):
        inv.args += ["-t", draw(st.sampled_from(["city.yaml", "towns.yaml", "towns.yaml"]))]
        inv.files["city.yaml"], inv.files["towns.yaml"] = PLANS["city"], PLANS["towns"]
    if command == "validate":
        return inv
    if command == "whatif":
        inv.args.append(indicator(draw))
        for _ in range(draw(st.sampled_from([1, 1, 2] if _CLEAN[0] else [0, 1, 1, 1, 2]))):
            inv.args += ["-g", draw(st.sampled_from([*NUMBERS, "7.5%", "-1", "-1位", "1000%"]))]
        inv.args += _option(draw, "--by", ["2019", "2020", "2030", "2100", "2101", "99999"])
        inv.args += _option(draw, "--deflator", ["2%", "-100%", "1e20%", "x", "0"])
    if command in {"gap", "check", "path", "whatif", "scoreboard"}:
        for i in range(draw(st.integers(0, 2))):
            name, text = draw(figures_file())
            name = f"{i}{name}"
            if draw(st.integers(0, 5)) == 0:
                inv.stdin, name = text, "-"
            else:
                inv.files[name] = text
            inv.args += ["-f", name]
    if command in {"gap", "check", "path", "whatif"}:
        flag = [] if command in {"gap", "check"} else ["--figure"]
        pairs = draw(st.integers(0, 3))
        for _ in range(pairs):
            target = indicator(draw)
            pair = target + "=" + number(draw, target)
            inv.args += [*flag, pair]
        if pairs and (_CLEAN[0] or draw(st.integers(0, 3))):
            inv.args += ["--year", pick(draw, YEARS[:12], 7)]
        else:
            inv.args += _option(draw, "--year", YEARS[:12], 7)
        inv.args += _option(draw, "--as-of", ["2016", "2018", "2019", "1900"])
    if command in {"gap", "check"} and not _CLEAN[0] and draw(st.integers(0, 2)) == 0:
        inv.args += _option(draw, "--month", MONTHS[:8], 4)
        towns = "towns.yaml" in inv.args or "liuqiao" in inv.files.get("plan.yaml", "")
        if towns or draw(st.integers(0, 3)) == 0:
            inv.args += ["--part", pick(draw, PARTS, 5)]
    if command in {"gap", "check", "path"} and draw(st.integers(0, 3)) == 0:
        name, text = draw(figures_file())
        inv.files["peers" + name] = text
        inv.args += ["--peers", "peers" + name]
    if command in {"gap", "check", "scoreboard"}:
        inv.args += _option(draw, "--on-track", ["0.9", "0.5", "inf", "0", "-1", "x"])
        inv.args += _option(draw, "--acceleration", ["0.6", "0.9", "inf", "0"])
    if command == "check":
        inv.args += _option(draw, "--fail-on", ["missed", "on_track", "x", "achieved"])
        inv.args += ["--strict"] if draw(st.booleans()) else []
    if command not in {"template"}:
        inv.args += _option(draw, "--lang", ["zh", "en", "enx", "zh-CN", "fr"])
    if command not in {"template"} and draw(st.booleans()):
        inv.args += ["-F", draw(st.sampled_from(FORMATS))]
    if command != "validate" and draw(st.integers(0, 5)) == 0:
        inv.args += ["-o", draw(st.sampled_from(["out.txt", "-", "", "no/such/dir/x", "."]))]
        inv.files.setdefault("out.txt", "old")
    return inv


# -- the property --------------------------------------------------------------------------------


def run_invocation(inv: Invocation) -> int:
    """Run ``inv`` in a fresh directory and return its exit code; AssertionError naming it when
    a rule is broken."""
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as directory:
        for name, text in inv.files.items():
            (Path(directory) / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        args = [str(Path(directory) / a) if a in inv.files else a for a in inv.args]
        result = runner.invoke(app, args, input=inv.stdin, env=ENV)
        out = Path(directory) / "out.txt"
        written = out.read_text(encoding="utf-8") if out.exists() else ""
    where = f"shuangshi {' '.join(inv.args)!r} (exit {result.exit_code}): {result.stderr[:500]!r}"
    assert "internal error" not in result.stderr, where
    assert result.exit_code in {0, 1, 2}, where
    assert result.exception is None or isinstance(result.exception, SystemExit), where
    if result.exit_code == 2:
        assert result.stderr.strip(), where  # a refusal always says why
        assert all(line.strip() for line in result.stderr.splitlines()), where
    if inv.wants_json and result.exit_code in {0, 1}:
        if "out.txt" in inv.args:
            json.loads(written)
        elif result.stdout:
            json.loads(result.stdout)
    return result.exit_code


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(invocations())
def test_no_input_crashes_the_cli(inv: Invocation) -> None:
    run_invocation(inv)
