"""SVG charts of a report's path figures, drawn with pygal: the path from base to target, the
figures, and the target line. Text stays text, so Chinese renders in the viewer's own fonts.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shuangshi_cli.messages import Lang
    from shuangshi_cli.report import Figure

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)  # tooltips only: nothing to run offline
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"


def _drop_pygal_import_hook() -> None:
    """pygal appends a legacy finder to sys.meta_path (for its map plugins, unused here) that
    makes every later failed import warn; take it out again."""
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]


def path_chart(figure: Figure, lang: Lang, *, width: int = 720, height: int = 320) -> str:
    """The SVG of one path figure: lines for the path, the figures and the target."""
    import pygal
    from pygal.style import Style as ChartStyle

    _drop_pygal_import_hook()

    from shuangshi_cli.messages import t

    style = ChartStyle(
        font_family=FONTS,
        background="white",
        plot_background="white",
        colors=("#b08800", "#1a7f37", "#cf222e"),
        title_font_size=15,
        legend_font_size=12,
        label_font_size=11,
    )
    chart = pygal.Line(
        js=[],
        disable_xml_declaration=True,
        width=width,
        height=height,
        style=style,
        title=figure.caption,
        show_dots=True,
        dots_size=3,
        legend_at_bottom=True,
        inverse_y_axis=figure.chart.rank,
        print_values=False,
        allow_interruptions=True,
        truncate_legend=-1,
        truncate_label=-1,
    )
    bars = figure.chart.bars
    chart.x_labels = [str(b.year) for b in bars]
    chart.add(t("chart.path", lang), [b.path for b in bars])
    chart.add(t("chart.figure", lang), [b.figure for b in bars])
    last = bars[-1].path if bars else None
    chart.add(
        t("chart.target", lang),
        [last] * len(bars),
        show_dots=False,
        stroke_style={"dasharray": "6,4"},
    )
    svg: str = chart.render(is_unicode=True)
    svg = _SCRIPT.sub("", _COMMENT.sub("", svg))
    # pygal names each chart by a random uuid; the target's id keeps the output reproducible
    return _UUID.sub(re.sub(r"[^A-Za-z0-9_-]", "_", figure.key), svg)
