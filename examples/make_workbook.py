"""Write examples/suixi-figures-illustrative.xlsx: the illustrative figures as a bulletin prints
them, to show what `--figures` reads from a workbook.

ILLUSTRATIVE FIGURES, NOT OFFICIAL STATISTICS (the same made-up numbers as
suixi-figures-illustrative.csv). Two sheets: a wide table of years with a title, a unit line and
a note, as yearbooks print it; and 2019's cumulative months, as monthly bulletins print them.

    python examples/make_workbook.py [OUTPUT]

The bytes are the same on every run (fixed document dates), so the file in git can be checked.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).parent
OUTPUT = HERE / "suixi-figures-illustrative.xlsx"
CREATED = datetime.datetime(2019, 11, 1, tzinfo=datetime.UTC)

YEARS = [
    ["濉溪县主要经济指标（示例数据，非官方统计 · ILLUSTRATIVE, NOT OFFICIAL STATISTICS）"],
    ["单位：亿元"],
    ["指标", "单位", "2016年", "2017年", "2018年"],
    ["地区生产总值", "亿元", 300, 326.5, 352.1],
    ["经济总量全省县域位次", "位", None, 9, 8],
    ["财政总收入", "亿元", None, 36.4, 41.2],
    ["工业总产值", "亿元", 640, 702, 780],
    [],
    ["注：数字为示例，用于演示表格格式；请以统计公报为准。"],
]
MONTHS = [
    ["2019年1-9月主要经济指标（示例数据，非官方统计）"],
    ["指标", "单位", "1-3月", "1-6月", "1-9月"],
    ["财政总收入", "亿元", 12.1, 24.3, 38],
    [],
    ["注：累计数。"],
]


def write(path: Path) -> None:
    book = xlsxwriter.Workbook(str(path))
    book.set_properties(
        {"title": "Illustrative figures, not official statistics", "created": CREATED}
    )
    bold = book.add_format({"bold": True})
    for name, rows in (("2016-2018年", YEARS), ("2019年1-9月", MONTHS)):
        sheet = book.add_worksheet(name)
        sheet.set_column(0, 0, 24)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is not None:
                    sheet.write(r, c, cell, bold if r == 0 else None)
    book.close()


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
