"""JSON output: the document's records, UTF-8, Chinese kept as is. Keys never change."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shuangshi_cli.render import Document, Style


def print_document(document: Document, style: Style) -> str:
    return json.dumps(document.record(style.lang), ensure_ascii=False, indent=2) + "\n"
