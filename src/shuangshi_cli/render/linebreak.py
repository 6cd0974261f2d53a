"""Lines of Chinese and English text broken as a typesetter breaks them (a simple 禁则处理):
between any two Chinese characters, at spaces, never inside an English word or a number, never
before a closing mark (，。、）》 …) nor after an opening one (（《 …), nor beside a sign that
joins two things (R≥0.95, 0–100). Pure: no Rich here."""

from __future__ import annotations

import re
import unicodedata

# Marks a line never begins with, and marks a line never ends with.
NO_START = frozenset("，。、；：？！）》」』】〕〉〗”’％‰…—·,.;:?!)]}%/")
NO_END = frozenset("（《「『【〔〈〖“‘([{")
# Signs that join what stands on both sides of them: R≥0.95, ×100, 0–100, −2.7.
JOINING = frozenset("≥≤≠±×÷−–~≈")
# A run that is never broken: an English word, a number, a run of Latin letters and digits, in
# ASCII or full-width forms (１２３４５６).
_UNIT = re.compile(r"\s+|[!-~\uff01-\uff5e]+|.", re.DOTALL)


def cells(text: str) -> int:
    """The terminal cells ``text`` takes: 2 for a wide (CJK) character, 0 for a combining one."""
    total = 0
    for character in text:
        if unicodedata.combining(character):
            continue
        total += 2 if unicodedata.east_asian_width(character) in {"W", "F"} else 1
    return total


def _units(text: str) -> list[str]:
    """The pieces a line may break between: words and numbers whole; a closing mark or a joining
    sign glued to what comes before it, an opening mark or a joining sign to what comes after
    it, with the spaces between (R ≥ 0.95 is one piece); other spaces on their own."""
    pieces: list[str] = []
    glue_next = False
    for match in _UNIT.finditer(text):
        piece = match.group()
        if piece.isspace():
            if glue_next and pieces:
                pieces[-1] += piece  # (a space after ≥ or （ holds the line together)
            else:
                pieces.append(piece)
            continue
        joins_before = piece[0] in NO_START or piece[0] in JOINING
        if joins_before and len(pieces) > 1 and pieces[-1].isspace():
            space = pieces.pop()
            pieces[-1] += space + piece
        elif pieces and (glue_next or joins_before) and not pieces[-1].isspace():
            pieces[-1] += piece
        else:
            pieces.append(piece)
        glue_next = piece[-1] in NO_END or piece[-1] in JOINING
    return pieces


def longest(text: str) -> int:
    """The cells of the widest piece that is never broken (the least width that keeps them)."""
    return max((cells(p) for p in _units(text) if not p.isspace()), default=0)


def break_lines(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken greedily where the rules allow; a
    piece wider than a whole line is cut by cells, as nothing else can hold it."""
    width = max(width, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        pending = list(reversed(_units(paragraph)))
        while pending:
            piece = pending.pop()
            size = cells(piece)
            if size > width and not piece.isspace() and " " in piece.strip():
                # glued across spaces (R ≥ 0.95, (T − v0)) and too wide for any line: it breaks
                # at its spaces rather than inside a number
                parts: list[str] = []
                for part in re.split(r"( +)", piece):
                    if part and part[0] in NO_START and len(parts) > 1 and parts[-1].isspace():
                        space = parts.pop()  # (a closing mark or / stays with what precedes)
                        parts[-1] += space + part
                    elif part:
                        parts.append(part)
                if len(parts) > 1:  # (else the piece is cut below, as nothing else holds it)
                    pending.extend(reversed(parts))
                    continue
            if piece.isspace():
                if line:
                    line, used = line + piece, used + size
                continue
            if used + size > width and line.strip():
                lines.append(line.rstrip())
                line, used = "", 0
            while size > width:  # a piece no line holds: cut where the line is full
                room, cut = width - used, 0
                while cut < len(piece) and cells(piece[: cut + 1]) <= room:
                    cut += 1
                cut = max(cut, 1)
                lines.append((line + piece[:cut]).rstrip())
                line, used, piece = "", 0, piece[cut:]
                size = cells(piece)
            line, used = line + piece, used + size
        lines.append(line.rstrip())
    return lines
