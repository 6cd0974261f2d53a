"""Statuses a target can have, their order of severity, and how a figures file names them."""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from shuangshi_cli.errors import shown
from shuangshi_cli.messages import Lang, t


class Status(StrEnum):
    """Assessment status of a target (Open SDG progress method, plus achieved / missed)."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    ACCELERATION_NEEDED = "acceleration_needed"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    MISSED = "missed"
    INSUFFICIENT_DATA = "insufficient_data"
    NOT_ASSESSED = "not_assessed"

    @property
    def severity(self) -> int:
        """0 for achieved up to 5 for missed; -1 for the two statuses that judge nothing."""
        return _SEVERITY.get(self, -1)

    @property
    def assessed(self) -> bool:
        return self.severity >= 0


_SEVERITY = {
    Status.ACHIEVED: 0,
    Status.ON_TRACK: 1,
    Status.ACCELERATION_NEEDED: 2,
    Status.LIMITED_PROGRESS: 3,
    Status.DETERIORATION: 4,
    Status.MISSED: 5,
}


# The vocabulary of official mid-term evaluations (中期评估) is the catalogue's (status.*):
# a status is read by its name or by its label in either language.
def _label(key: str, lang: Lang) -> str:
    return t(f"status.{key}", lang)


_ALIASES: dict[str, Status] = {
    **{s.value: s for s in Status},
    **{_label(s.value, Lang.ZH): s for s in Status},
    **{_label(s.value, Lang.EN).replace(" ", "_"): s for s in Status},
    _label("achieved_early", Lang.ZH): Status.ACHIEVED,
    _label("ahead", Lang.ZH): Status.ON_TRACK,
    "完成": Status.ACHIEVED,
    "已完成": Status.ACHIEVED,
    "实现": Status.ACHIEVED,
    "提前完成": Status.ACHIEVED,
    "未完成": Status.MISSED,
    "滞后": Status.LIMITED_PROGRESS,
    # How reviews word a hand verdict on a quantified target.
    "基本完成": Status.ACHIEVED,
    "基本实现": Status.ACHIEVED,
    "超额完成": Status.ACHIEVED,
}


def parse_status(text: str) -> Status:
    """A status from its English name (``on_track``, ``on track``) or Chinese label (已完成 …).

    Raises ValueError listing the names accepted.
    """
    key = unicodedata.normalize("NFKC", text).strip().casefold().replace(" ", "_").replace("-", "_")
    if key in _ALIASES:
        return _ALIASES[key]
    # each name with its Chinese label, which is read as well: achieved (已实现) …
    names = ", ".join(f"{s.value} ({_label(s.value, Lang.ZH)})" for s in Status)
    raise ValueError(f"unknown status {shown(text)}; use one of: {names}")
