"""Speed changes no result: the fast paths (libyaml, JSON parsed as JSON, indexes, one-sort
ranking) against plain reference computations written here."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from shuangshi_cli.plan import embedded_plan_text
from tests.helpers import DATA

YAML_TEXTS = [
    embedded_plan_text(),
    *(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.yaml"))),
    "- {indicator: gdp, year: 2018, value: 352.1}\n- indicator: 财政总收入\n  year: 2018\n"
    "  value: '41.2亿元'\n  note: |\n    多行\n    说明\n",
]


def _nodes(node: Node, out: list[Any]) -> list[Any]:
    scalar = node.value if isinstance(node.value, str) else None
    start, end = node.start_mark, node.end_mark
    out.append((type(node).__name__, node.tag, scalar, start.line, start.column, end.line))
    if isinstance(node, SequenceNode):
        for item in node.value:
            _nodes(item, out)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            _nodes(key, out)
            _nodes(value, out)
    return out


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="libyaml is not installed")
@pytest.mark.parametrize("text", YAML_TEXTS)
def test_libyaml_gives_the_same_nodes_and_marks(text: str) -> None:
    pure, fast = (
        yaml.compose(text, Loader=yaml.SafeLoader),
        yaml.compose(text, Loader=yaml.CSafeLoader),
    )
    assert pure is not None and fast is not None
    assert _nodes(fast, []) == _nodes(pure, [])
