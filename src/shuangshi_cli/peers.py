"""Peer tables (the province's counties) and the rank of the plan's own region among them.

Reading checks rows against the plan; ranking is pure.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from shuangshi_cli import formulas
from shuangshi_cli.errors import FiguresError, InputError, Problem
from shuangshi_cli.figures import (
    PEER_FIELDS,
    Origin,
    PlainRows,
    RawRow,
    in_plan,
    read_rows,
    row_target,
    row_value,
    row_year,
)
from shuangshi_cli.plan import place_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from decimal import Decimal

    from shuangshi_cli.plan import Plan
    from shuangshi_cli.tables import Reading


class PeerRow(NamedTuple):
    """One region's figure of one indicator in one year (a named tuple: a national table has
    hundreds of thousands)."""

    region: str
    year: int
    indicator: str  # target id of the plan
    value: Decimal
    origin: Origin


@dataclass(frozen=True)
class PeerTable:
    """Checked rows of a peer table, and which of its regions is the plan's own."""

    rows: tuple[PeerRow, ...]
    own: str

    def values(self, indicator: str, year: int) -> dict[str, Decimal]:
        return dict(self._by_indicator.get(indicator, {}).get(year, {}))

    def years(self, indicator: str) -> list[int]:
        return sorted(self._by_indicator.get(indicator, {}))

    def history(self, indicator: str, region: str) -> list[tuple[int, Decimal]]:
        """(year, value) of one region on one indicator, oldest first."""
        return sorted(
            (year, values[region])
            for year, values in self._by_indicator.get(indicator, {}).items()
            if region in values
        )

    @cached_property
    def _by_indicator(self) -> dict[str, dict[int, dict[str, Decimal]]]:
        """indicator → year → region → value, built once (the rows are grouped, in order)."""
        index: dict[str, dict[int, dict[str, Decimal]]] = {}
        for r in self.rows:
            index.setdefault(r.indicator, {}).setdefault(r.year, {})[r.region] = r.value
        return index


def load_peers(plan: Plan, paths: Sequence[str], reading: Reading | None = None) -> PeerTable:
    """Read peer tables (``region, year, indicator, value[, unit]``) and find the own region.

    The own region is the plan's ``region.name``, matched with or without its suffix (濉溪 /
    濉溪县); a table without it, or with two regions that both match it, is an error.
    """
    rows, problems = read_rows(paths, reading)
    rows = _without_totals(rows, plan)
    checked = check_peer_rows(rows, plan, problems)
    if problems:
        raise FiguresError(problems)
    files = ", ".join(paths)
    if not checked:
        raise FiguresError(Problem("the peer table has no rows", files))
    ranked = {t.ranks.indicator: t.id for t in plan.targets if t.ranks is not None}
    if ranked and not any(r.indicator in ranked for r in checked):
        wanted = ", ".join(f"{i} (ranked by {t})" for i, t in ranked.items())
        raise FiguresError(Problem(f"the peer table has no rows of {wanted}", files))
    written = _written_regions(rows)
    # A region is one name, compared without width, case or spaces: 朝阳县 and 朝阳市 are two.
    # Only the own region is also matched without its suffix (濉溪 is the plan's 濉溪县).
    own_keys = find_own(plan.plan.region.name, written, files)

    def key(region: str) -> str:
        found = region_key(region)
        return _OWN if found in own_keys else found

    # One name per region: the own region as the plan writes it, others as most often written.
    spellings: dict[str, Counter[str]] = {}
    for region, count in Counter(row.region for row in checked).items():  # in order of rows
        spellings.setdefault(key(region), Counter())[region] += count
    names = {k: counts.most_common(1)[0][0] for k, counts in spellings.items()}
    names[_OWN] = plan.plan.region.name
    canonical: list[PeerRow] = []
    own_rows: dict[tuple[int, str], PeerRow] = {}  # the own region written two ways: one figure
    for r in checked:
        name = names[key(r.region)]
        if name == plan.plan.region.name:
            earlier = own_rows.setdefault((r.year, r.indicator), r)
            if earlier is not r:
                if earlier.value != r.value:
                    problems.append(_conflict(r, earlier))
                continue
        canonical.append(r if name == r.region else r._replace(region=name))
    if problems:
        raise FiguresError(problems)
    return PeerTable(tuple(canonical), plan.plan.region.name)


_OWN = "\x00own"  # the key of the own region (no name folds to it)


@functools.lru_cache(maxsize=1 << 16)
def region_key(name: str) -> str:
    """A region's name compared without full-width forms, case or spaces (not its suffix)."""
    return unicodedata.normalize("NFKC", name).strip().replace(" ", "").casefold()


def _conflict(peer: PeerRow, earlier: PeerRow) -> Problem:
    return peer.origin.problem(
        f"{peer.region} {peer.indicator} {peer.year} is {peer.value} here but "
        f"{earlier.value} at {earlier.origin}",
        "value",
    )


# A row of a whole, not of a region to rank: 全省, 合计, 全省县域平均, Total …; a province in a
# table of counties (安徽省). Such rows are read past, and said. (全州, 全椒县 are counties.)
_TOTAL = re.compile(
    r"^全(?:省|市|国|区|县)$|^(?:全省|全市)县域|合计|总计|小计|平均|均值",
)
_TOTAL_EN = re.compile(r"^\s*(?:total|sum|average|mean|all)\b", re.IGNORECASE)
# A province's name: 安徽省, 广西壮族自治区; and the four municipalities (北京市 …), which rank
# among cities too.
_PROVINCE = re.compile(r"省$|自治区$")
_MUNICIPALITY = re.compile(r"^(?:北京|天津|上海|重庆)市?$")
_BELOW_CITY = {"county", "district", "town", "park"}


def _without_totals(rows: list[RawRow], plan: Plan) -> list[RawRow]:
    """The rows of regions: a total's or an average's row (全省, 合计, 平均), and a province's in a
    table of a region below one, is no peer; said on stderr, once per file."""
    region = plan.plan.region
    own = region_key(region.name)
    own_province = region.level in {"national", "province"} or bool(
        _PROVINCE.search(own) or _MUNICIPALITY.search(own)
    )
    # a county's table holds no city of the province's rank; a city's may rank Shanghai
    below_city = region.level in _BELOW_CITY or (
        region.level is None and bool(re.search(r"[县旗镇乡]$", own))
    )

    def no_peer(name: str) -> bool:
        key = region_key(name)
        total = _TOTAL.search(key) or _TOTAL_EN.search(name)
        higher = not own_province and (
            _PROVINCE.search(key) or (below_city and _MUNICIPALITY.search(key))
        )
        return bool(key) and bool(total or higher)

    judged: dict[str, bool] = {}  # (a table names each region many times: judged once)
    kept: list[RawRow] = []
    totals: dict[str, dict[str, None]] = {}
    for row in rows:
        name = row.values.get("region")
        if isinstance(name, str):
            dropped = judged.get(name)
            if dropped is None:
                dropped = judged[name] = no_peer(name)
            if dropped:
                totals.setdefault(row.origin.file, {})[name.strip()] = None
                continue
        kept.append(row)
    if totals:
        from shuangshi_cli.notices import notice

        for file, names in totals.items():
            notice("peer_totals", file=file, regions="、".join(names))
    return kept


def _written_regions(rows: Iterable[RawRow]) -> set[str]:
    """Every region name as written (stripped, not blank); each distinct text stripped once."""
    texts: set[str] = set()
    names: set[str] = set()
    for row in rows:
        value = row.values.get("region")
        if isinstance(value, str):
            texts.add(value)
        else:
            names.add(str(value or "").strip())
    names.update(t.strip() for t in texts)
    return names - {""}


# Columns of a figures file that a peer table cannot honour: ranks compare whole years.
_NOT_PEER_COLUMNS = {
    "month": "a peer table ranks whole-year figures: cumulative month figures do not fit",
    "status": "a peer table ranks figures, not statuses",
    "part": "a peer table ranks regions, not the parts of one",
}


def check_peer_rows(rows: Iterable[RawRow], plan: Plan, problems: list[Problem]) -> list[PeerRow]:
    """Rows with a region, a known indicator, a year and a value; problems collected."""
    checked: dict[tuple[str, int, str], PeerRow] = {}
    plain = PlainRows(plan, PEER_FIELDS)
    keys: dict[str, str] = {}  # a region as written → its key (a table names each many times)
    for row in in_plan(rows, plan):
        quick = plain.values_of(row)
        region = row.values.get("region")
        if quick is not None and type(region) is str and region and region == region.strip():
            target, year, value, _, _ = quick
            peer: PeerRow | None = PeerRow(region, year, target.id, value, row.origin)
        else:
            peer = _peer_row(row, plan, problems)
        if peer is None:
            continue
        found = keys.get(peer.region)
        if found is None:
            found = keys[peer.region] = region_key(peer.region)
        key = (found, peer.year, peer.indicator)
        earlier = checked.get(key)
        if earlier is None:
            checked[key] = peer
        elif earlier.value != peer.value:
            problems.append(_conflict(peer, earlier))
    return list(checked.values())


def _peer_row(row: RawRow, plan: Plan, problems: list[Problem]) -> PeerRow | None:
    """One row checked the long way: its PeerRow, or None with its problems collected."""
    try:
        region = str(row.values.get("region") or "").strip()
        if not region:
            raise FiguresError(row.origin.problem("no region", "region"))
        for column, message in _NOT_PEER_COLUMNS.items():
            if row.values.get(column) not in (None, ""):
                raise FiguresError(row.origin.problem(message, column))
        target = row_target(row, plan)
        if not target.quantified:
            raise FiguresError(
                row.origin.problem(
                    f"{target.id} is qualitative: a peer table gives figures to rank",
                    "indicator",
                )
            )
        return PeerRow(region, row_year(row), target.id, row_value(row, target, plan), row.origin)
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def find_own(name: str, regions: set[str], file: str) -> set[str]:
    """The spellings (as ``region_key``) of the table that are the plan's own region: its name,
    and its name with or without its suffix.

    濉溪 and 濉溪县 are one region; 濉溪 against a table of 濉溪县 and 濉溪市 leaves it unclear
    which is meant, as does 濉溪县 against 濉溪市 and 濉溪区 (a table with 濉溪县 itself is clear).
    """
    key = place_key(name)
    matches = sorted(r for r in regions if place_key(r) == key)
    if not matches:
        raise FiguresError(Problem(f"the plan's own region {name} is not in the peer table", file))
    mine = region_key(name)
    written = {region_key(m) for m in matches}
    if mine != key and (mine in written or key in written):  # 濉溪县, and 濉溪县 or 濉溪 is there
        return {mine, key}
    suffixed = written - {key}  # 濉溪县, 濉溪市 … where the plan's own name is not written
    if len(suffixed) > 1:
        raise FiguresError(
            Problem(f"the plan's own region {name} is ambiguous: {', '.join(matches)}", file)
        )
    return {mine, key} | suffixed


@dataclass(frozen=True)
class Rung:
    rank: int
    region: str
    value: Decimal


@dataclass(frozen=True)
class Standing:
    """The own region's place among its peers in one year."""

    year: int
    rank: int
    count: int
    value: Decimal
    ladder: tuple[Rung, ...]  # every region, best first; ties share the better rank


def rank_ladder(values: dict[str, Decimal], higher_is_better: bool) -> list[Rung]:
    """Competition ranking ("1224"): 1 + the number of regions strictly better.

    One sort, best first (ties by name); a value equal to the one before shares its rank, and
    the first of a new value is ranked by its place, which counts every region better than it.
    """
    ordered = sorted(values.items(), key=lambda kv: (-kv[1] if higher_is_better else kv[1], kv[0]))
    rungs: list[Rung] = []
    for place, (region, value) in enumerate(ordered, start=1):
        rank = rungs[-1].rank if rungs and rungs[-1].value == value else place
        rungs.append(Rung(rank, region, value))
    return rungs


def standings(table: PeerTable, indicator: str, higher_is_better: bool) -> list[Standing]:
    """The own region's rank on ``indicator`` in every year it appears in the table."""
    result = []
    for year in table.years(indicator):
        values = table.values(indicator, year)
        if table.own not in values:
            continue
        ladder = rank_ladder(values, higher_is_better)
        own = next(r for r in ladder if r.region == table.own)
        result.append(Standing(year, own.rank, len(values), own.value, tuple(ladder)))
    return result


@dataclass(frozen=True)
class RankChase:
    """What reaching the target rank takes: the region there now, and the growth to catch it."""

    target_region: str | None
    target_value: Decimal | None
    value_gap: Decimal | None
    rival_growth: float | None
    required_growth: float | None


def chase(
    table: PeerTable,
    indicator: str,
    standing: Standing,
    target_rank: int,
    deadline: int,
    higher_is_better: bool,
) -> RankChase:
    """The region at ``target_rank`` in the latest year, the value gap to it, and the annual
    growth the own region needs to reach the value that region will have at the deadline if it
    keeps its own observed growth (none observed: it stands still).

    The growth is formulas.catch_up_growth.
    """
    if not standing.ladder:
        return RankChase(None, None, None, None, None)
    holder = standing.ladder[min(target_rank, len(standing.ladder)) - 1]
    sign = 1 if higher_is_better else -1
    gap = sign * (holder.value - standing.value)
    history = [
        (year, value)
        for year, value in table.history(indicator, holder.region)
        if year <= standing.year
    ]
    rival_growth = None
    if len(history) > 1:
        (first_year, first), (last_year, last) = history[0], history[-1]
        rival_growth = formulas.annual_rate(first, last, last_year - first_year, formulas.COMPOUND)
    years = deadline - standing.year
    required = None
    if years > 0 and standing.value > 0 and gap > 0:
        required = formulas.catch_up_growth(
            standing.value, holder.value, rival_growth or 0.0, years
        )
    return RankChase(holder.region, holder.value, gap, rival_growth, required)
