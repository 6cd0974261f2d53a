"""The report of ``scoreboard``: the parts ranked by their score, with each indicator's."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from shuangshi_cli.messages import Lang, pick, t
from shuangshi_cli.report import (
    Cell,
    Column,
    Notes,
    Quantity,
    Rank,
    Report,
    Table,
    Text,
    Title,
    Tone,
)
from shuangshi_cli.report.numbers import exact, plain
from shuangshi_cli.report.terms import name, status_label, title

if TYPE_CHECKING:
    from shuangshi_cli.parts import PartStanding, Scoreboard


def _score(value: float | None) -> str:
    return "—" if value is None else plain(exact(value), 1)


def _overall(value: float | None) -> Quantity | Text:
    """The overall score: a number (a workbook's cell holds it as one), shown to one decimal."""
    shown = _score(value)
    return Text(shown) if value is None else Quantity(Decimal(shown), None, shown)


def _change(change: int | None, lang: Lang) -> Text:
    if change is None:
        return Text("—")
    if change == 0:
        return Text(t("score.same", lang))
    if change > 0:
        return Text(t("score.up", lang, n=change), Tone.GOOD)
    return Text(t("score.down", lang, n=-change), Tone.WARN)


def _row(board: Scoreboard, standing: PartStanding, lang: Lang) -> tuple[Cell, ...]:
    by_id = {r.target.id: r for r in standing.assessment.quantified}
    cells: list[Cell] = []
    for indicator in board.indicators:
        result = by_id.get(indicator)
        if result is None:
            cells.append(Text("—"))
            continue
        score = _score(standing.scores.get(indicator))
        rank = standing.indicator_ranks.get(indicator)
        status = status_label(result, lang)
        if rank:
            cells.append(Text(t("score.cell", lang, score=score, rank=rank, status=status)))
        else:
            cells.append(Text(t("score.cell.unranked", lang, score=score, status=status)))
    part = standing.part
    return (
        Rank(standing.rank, "—" if standing.rank is None else str(standing.rank)),
        Text(pick((part.name, part.name_en or ""), lang)),
        _overall(standing.overall),
        *cells,
        _change(standing.change, lang),
    )


def build(board: Scoreboard, lang: Lang) -> Report:
    """Rank, part, overall score, a cell per indicator (score, rank, status), rank change."""
    heading = (
        t("section.scoreboard.as_of", lang, year=board.as_of)
        if board.as_of
        else t("section.scoreboard", lang)
    )
    columns = (
        Column("rank", t("col.rank", lang), title=True),
        Column("part", t("col.part", lang), align="left", wrap=True, title=True),
        Column("score", t("col.score", lang)),
        *(
            Column(f"score_{i}", name(board.plan.target(i), lang), align="left")
            for i in board.indicators
        ),
        Column("change", t("col.change", lang), align="left"),
    )
    rows = tuple(_row(board, s, lang) for s in board.standings)
    return Report(
        (
            Title(title(board.plan.plan, lang)),
            Table(columns, rows, heading, key="scoreboard"),
            Notes((t("score.note", lang),)),
        )
    )
