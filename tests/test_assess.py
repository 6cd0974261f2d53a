"""The assessment of whole plans: statuses, gaps and growth for each kind of target."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuangshi_cli.assess import Assessment, Note, assess
from shuangshi_cli.errors import FiguresError
from shuangshi_cli.figures import Figures, check_rows, load_figures, parse_csv
from shuangshi_cli.plan import embedded_plan_text
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from shuangshi_cli.plan import Plan


def _assess(plan: Plan, csv_rows: str, **options: int) -> Assessment:
    figures = check_rows(parse_csv("indicator,year,value,unit,status\n" + csv_rows, "f.csv"), plan)
    return assess(plan, figures, **options)  # type: ignore[arg-type]


def _by_id(assessment: Assessment) -> dict[str, object]:
    return {r.target.id: r for r in assessment.results}


def test_done_when_example(plan: Plan) -> None:
    a = assess(plan, load_figures(plan, pairs=["gdp=420", "gdp_rank=6"], year=2019))
    gdp, rank = a.results[0], a.results[1]
    assert (gdp.target.id, gdp.status, gdp.early) == ("gdp", Status.ACHIEVED, False)
    assert gdp.gap == -20
    assert gdp.reached_pct == pytest.approx(1.05)
    assert (rank.target.id, rank.status, rank.gap) == ("gdp_rank", Status.MISSED, Decimal(1))
    assert rank.required_growth is None
    assert a.missing == ("fiscal_revenue", "industrial_output")


def test_mid_term_by_hand(plan: Plan) -> None:
    a = _assess(
        plan, "gdp,2016,300,,\ngdp,2018,352.1,,\nfiscal_revenue,2018,41.2,,\ngdp_rank,2018,8,,\n"
    )
    results = {r.target.id: r for r in a.results}
    gdp = results["gdp"]
    assert gdp.base is not None and gdp.base.year == 2016
    assert gdp.gap == Decimal("47.9")
    assert gdp.time_progress == pytest.approx(2 / 3)
    assert gdp.task_progress == pytest.approx(52.1 / 100)
    assert gdp.required_growth == pytest.approx((400 / 352.1) - 1)
    assert gdp.observed_growth == pytest.approx((352.1 / 300) ** 0.5 - 1)
    needed = (400 / 300) ** (1 / 3) - 1
    assert gdp.pace_ratio == pytest.approx(((352.1 / 300) ** 0.5 - 1) / needed)
    assert gdp.pace_ratio == pytest.approx(0.8283, abs=1e-4)  # 8.336% / 10.064%
    assert gdp.status is Status.ACCELERATION_NEEDED
    assert gdp.projected_value == pytest.approx(352.1 * (352.1 / 300) ** 0.5)
    assert gdp.projected_year == 2020
    rank = results["gdp_rank"]
    # 10th (text, 2016) → 8th (2018): one place a year against 5/3 needed: R = 0.6
    assert rank.base is not None and rank.base.source == "text"
    assert rank.observed_growth == -1.0
    assert rank.pace_ratio == pytest.approx(0.6)
    assert rank.status is Status.ACCELERATION_NEEDED
    assert rank.required_growth == -3.0
    assert rank.projected_year == 2021
    fiscal = results["fiscal_revenue"]
    assert Note.BASE_IS_BOUND in fiscal.notes and Note.BASE_INDICATOR_DIFFERS in fiscal.notes
    assert fiscal.gap == Decimal("8.8")


def test_no_figures_runs_on_the_text(plan: Plan) -> None:
    a = assess(plan, Figures())
    results = {r.target.id: r for r in a.results}
    assert results["fiscal_revenue"].gap == 20
    assert results["fiscal_revenue"].status is Status.INSUFFICIENT_DATA
    assert results["fiscal_revenue"].required_growth == pytest.approx((50 / 30) ** (1 / 3) - 1)
    assert results["gdp_rank"].gap == 5
    assert results["gdp"].latest is None
    assert set(a.missing) == {"gdp", "gdp_rank", "fiscal_revenue", "industrial_output"}
    assert all(r.status is Status.NOT_ASSESSED for r in a.qualitative)


@pytest.mark.parametrize(
    ("bound", "target", "note"),
    [(">", ">", Note.BOUND_FLATTERS), ("<", ">", Note.BOUND_UNDERSTATES),
     (">", "<", Note.BOUND_UNDERSTATES), ("<", "<", Note.BOUND_FLATTERS)],
)  # fmt: skip
def test_a_bound_as_base_says_which_way_it_leans(bound: str, target: str, note: Note) -> None:
    """突破30亿 (a base above 30) of a target where more is better: the growth since the true base
    is less than since 30, so the pace and status shown may flatter; the other way round, they
    may understate."""
    from shuangshi_cli.plan import parse_plan

    text = embedded_plan_text().replace(
        'comparison: ">"\n      quote: 财政收入突破30亿大关',
        f'comparison: "{bound}"\n      quote: 财政收入突破30亿大关',
    )
    if target == "<":  # a ceiling instead (lower is better): 50 is then above the base
        text = text.replace("value: 50\n", "value: 20\n").replace(
            'comparison: ">"\n    value: 20', 'comparison: "<"\n    value: 20'
        )
    plan = parse_plan(text, "p.yaml")
    fiscal = plan.target("fiscal_revenue")
    assert str(fiscal.comparison) == target and fiscal.baseline is not None
    assert str(fiscal.baseline.comparison) == bound
    result = next(r for r in assess(plan, Figures()).results if r.target.id == "fiscal_revenue")
    assert Note.BASE_IS_BOUND in result.notes and note in result.notes
    other = Note.BOUND_UNDERSTATES if note is Note.BOUND_FLATTERS else Note.BOUND_FLATTERS
    assert other not in result.notes


def test_base_year_figure_beats_the_text(plan: Plan) -> None:
    a = _assess(plan, "fiscal_revenue,2016,32.5,,\n")
    fiscal = a.results[2]
    assert fiscal.base is not None and (fiscal.base.value, fiscal.base.source) == (
        Decimal("32.5"),
        "figure",
    )
    assert Note.BASE_FROM_TEXT not in fiscal.notes


def test_exact_strict_comparison(plan: Plan) -> None:
    at = assess(plan, load_figures(plan, pairs=["fiscal_revenue=500000万元"], year=2019))
    assert at.results[2].status is Status.MISSED
    above = assess(plan, load_figures(plan, pairs=["fiscal_revenue=500001万元"], year=2019))
    assert above.results[2].status is Status.ACHIEVED


def test_early_achievement_and_as_of(plan: Plan) -> None:
    rows = "gdp,2016,300,,\ngdp,2017,401,,\ngdp,2018,390,,\n"
    latest = _assess(plan, rows)
    assert latest.results[0].status is not Status.ACHIEVED
    assert latest.as_of == 2018
    then = _assess(plan, rows, as_of=2017)
    assert (then.results[0].status, then.results[0].early, then.as_of) == (
        Status.ACHIEVED,
        True,
        2017,
    )


def test_a_target_is_judged_on_its_deadline_year(plan: Plan) -> None:
    a = _assess(plan, "gdp,2016,300,,\ngdp,2019,390,,\ngdp,2020,420,,\n")
    gdp = a.results[0]
    assert gdp.latest is not None and gdp.latest.year == 2019
    assert gdp.status is Status.MISSED
    late = _assess(plan, "gdp,2016,300,,\ngdp,2020,420,,\n")
    assert late.results[0].latest is not None and late.results[0].latest.year == 2020


def test_deterioration_and_limited_progress(plan: Plan) -> None:
    a = _assess(
        plan, "industrial_output,2016,700,,\nindustrial_output,2018,650,,\ngdp_rank,2018,11,,\n"
    )
    results = {r.target.id: r for r in a.results}
    assert results["industrial_output"].status is Status.DETERIORATION
    assert results["industrial_output"].projected_year is None
    assert results["gdp_rank"].status is Status.DETERIORATION
    slow = _assess(plan, "industrial_output,2016,700,,\nindustrial_output,2018,710,,\n")
    assert slow.results[3].status is Status.LIMITED_PROGRESS


def test_insufficient_data_with_one_point(plan: Plan) -> None:
    a = _assess(plan, "gdp,2018,352.1,,\n")
    gdp = a.results[0]
    assert gdp.status is Status.INSUFFICIENT_DATA
    assert gdp.required_growth == pytest.approx(400 / 352.1 - 1)
    assert Note.BASE_AFTER_BASE_YEAR in gdp.notes


def test_thresholds_override(plan: Plan) -> None:
    from shuangshi_cli.plan import Thresholds

    figures = check_rows(parse_csv("indicator,year,value\ngdp_rank,2018,8\n", "f.csv"), plan)
    loose = assess(plan, figures, thresholds=Thresholds(on_track=0.5, acceleration_needed=0.2))
    assert loose.results[1].status is Status.ON_TRACK


def test_manual_status_for_qualitative(plan: Plan) -> None:
    a = _assess(plan, "fyp13_early,2018,,,achieved\n")
    fyp = {r.target.id: r for r in a.results}["fyp13_early"]
    assert (fyp.status, fyp.early) == (Status.ACHIEVED, True)


CITY = """\
gdp_growth,2015,1000,亿元,
gdp_growth,2018,1210,亿元,
real_growth,2016,7.5,%,
real_growth,2017,7.1,%,
real_growth,2018,6.8,%,
urbanization,2015,54.0,%,
urbanization,2018,57.9,%,
energy_intensity,2015,1.0,,
energy_intensity,2019,0.866,,
forest_cover,2015,30.0,%,
forest_cover,2018,31.0,%,
pm25,2015,55,ug/m3,
pm25,2018,44,微克/立方米,
gdp_per_capita,2015,80000,元/人,
gdp_per_capita,2018,117746,元/人,
province_rank,2018,5,,
"""


def test_city_plan_by_hand(city: Plan) -> None:
    results = {r.target.id: r for r in _assess(city, CITY).results}
    growth = results["gdp_growth"]  # 1000 → 1210 in 3 years: 6.56%/yr against 7%
    assert growth.observed_growth == pytest.approx(1.21 ** (1 / 3) - 1)
    assert growth.target_level == Decimal(1000) * Decimal("1.07") ** 5
    assert growth.pace_ratio == pytest.approx((1.21 ** (1 / 3) - 1) / 0.07)
    assert growth.status is Status.ACCELERATION_NEEDED or growth.status is Status.ON_TRACK
    assert float(growth.gap or 0) == pytest.approx(7 - (1.21 ** (1 / 3) - 1) * 100, abs=1e-9)
    real = results["real_growth"]  # chained index 100 × 1.075 × 1.071 × 1.068
    assert real.latest is not None and real.latest.value == Decimal("122.961510")
    assert Note.INDEX_FROM_RATES in real.notes
    energy = results["energy_intensity"]  # 13.4% fall: 82.5% of the task in 80% of the time
    assert energy.task_progress == pytest.approx(0.8252, abs=1e-4)
    assert energy.time_progress == pytest.approx(0.8)
    assert energy.pace_ratio == pytest.approx(0.8252 / 0.8, abs=1e-3)
    assert energy.status is Status.ON_TRACK  # per-target threshold on_track = 1.0
    assert energy.gap == Decimal("2.6")
    forest = results["forest_cover"]  # +1 point of +2 in 3 of 5 years: R = 0.5 / 0.6
    assert forest.gap == 1
    assert forest.pace_ratio == pytest.approx(0.5 / 0.6)
    assert forest.status is Status.ACCELERATION_NEEDED  # plan thresholds 0.9 / 0.5
    urban = results["urbanization"]
    assert urban.gap == Decimal("2.1")
    assert urban.observed_growth == pytest.approx(1.3)
    assert urban.required_growth == pytest.approx(1.05)
    pm = results["pm25"]
    assert pm.gap == 9
    assert pm.required_growth == pytest.approx(-4.5)
    per_person = results["gdp_per_capita"]
    assert per_person.latest is not None and per_person.latest.value == Decimal("11.7746")
    assert per_person.gap == Decimal("0.2254")
    rank = results["province_rank"]
    assert rank.pace_ratio == pytest.approx((1 / 3) / (3 / 5))
    assert rank.status is Status.ACCELERATION_NEEDED


def test_growth_rates_need_every_year(city: Plan) -> None:
    with pytest.raises(FiguresError, match="2017 is missing"):
        _assess(city, "real_growth,2016,7.5,%,\nreal_growth,2018,6.8,%,\n")


@settings(max_examples=60)
@given(
    st.decimals(min_value=1, max_value=2000, places=1),
    st.decimals(min_value=1, max_value=2000, places=1),
)
def test_a_higher_figure_never_worsens_the_status(plan: Plan, low: Decimal, high: Decimal) -> None:
    low, high = sorted((low, high))
    statuses = []
    for value in (low, high):
        a = _assess(plan, f"industrial_output,2016,700,,\nindustrial_output,2018,{value},,\n")
        statuses.append(a.results[3].status)
    assert statuses[1].severity <= statuses[0].severity


@settings(max_examples=60)
@given(st.decimals(min_value=0, max_value=100, places=4), st.integers(2017, 2019))
def test_achieved_exactly_when_the_comparison_holds(plan: Plan, value: Decimal, year: int) -> None:
    a = _assess(plan, f"fiscal_revenue,{year},{value},,\n")
    assert (a.results[2].status is Status.ACHIEVED) == (value > 50)


def test_as_of_before_the_base_year_knows_none_of_the_texts_later_values(plan: Plan) -> None:
    """As of 2015 the text's 2016 values (No. 10, 突破30亿) are not known yet: the rank stands on
    its 2015 history value, fiscal revenue has none."""
    results = {r.target.id: r for r in assess(plan, Figures(), as_of=2015).quantified}
    rank = results["gdp_rank"]
    assert rank.latest is not None and rank.latest.year == 2015
    assert results["fiscal_revenue"].latest is None
    later = {r.target.id: r for r in assess(plan, Figures(), as_of=2016).quantified}
    assert later["fiscal_revenue"].latest is not None
