"""Chinese and English text broken into lines as a typesetter breaks them (禁则处理)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from shuangshi_cli.render.linebreak import NO_END, NO_START, break_lines, cells, longest

NOTE = (
    "得分：已实现100；其余按进度比R（实际年均增速÷所需年均增速）×100，限0–100；"
    "未实现按任务进度；数据不足不计。"
)


@pytest.mark.parametrize("width", [7, 12, 20, 40, 56, 80])
def test_no_line_starts_with_a_closing_mark(width: int) -> None:
    lines = break_lines(NOTE, width)
    assert "".join(lines) == NOTE
    assert all(cells(line) <= width for line in lines)
    assert not any(line[0] in NO_START for line in lines)
    assert not any(line[-1] in NO_END for line in lines)


def test_words_and_numbers_are_never_split() -> None:
    text = "Rank of the economy among Anhui's counties: 0.82826881 R≥0.95"
    assert break_lines(text, 30) == [
        "Rank of the economy among",
        "Anhui's counties: 0.82826881",
        "R≥0.95",
    ]
    # a piece wider than a whole line is cut, as nothing else holds it
    assert break_lines("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


_TEXT = st.text(
    alphabet=st.sampled_from(list("得分已实现年均增速 abc 12.5%，。（）《》、R≥×–\n")), max_size=120
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, width=st.integers(min_value=4, max_value=60))
def test_every_line_fits_and_keeps_the_text(text: str, width: int) -> None:
    lines = break_lines(text, width)
    assert all(cell_len(line) <= width for line in lines)
    # only spaces at a break (and at a line's end) are dropped
    squeeze = "".join(text.split())
    assert "".join("".join(line.split()) for line in lines) == squeeze
    # where every unbroken piece fits, a break the lines make (not one the text had: a space,
    # a new line, its start) never puts a closing mark first, nor leaves an opening one last
    if longest(text) <= width and not any(c.isspace() for c in text) and text:
        assert text[0] in NO_START or not any(line[0] in NO_START for line in lines)
        assert text[-1] in NO_END or not any(line[-1] in NO_END for line in lines)


def test_a_joining_sign_holds_across_its_spaces() -> None:
    text = "method: R ≥ 0.95 on track, ≥ 0.60 acceleration needed"
    for width in range(14, 40):  # (each glued piece fits: narrower, it breaks at its spaces)
        lines = break_lines(text, width)
        assert not any(line.endswith(("≥", "R")) or line.startswith("≥") for line in lines)
    assert break_lines("foo ）bar baz", 9) == ["foo ）bar", "baz"]
    assert break_lines("１２３ 四", 7) == ["１２３", "四"]
