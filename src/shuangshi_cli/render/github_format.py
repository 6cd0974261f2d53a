"""GitHub Actions workflow commands: ``::error`` for each target that fails the check,
``::warning`` for each in a warning status, pointing at the figure or plan line that decides it.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shuangshi_cli.render import Format
from shuangshi_cli.report.checks import Outcome

if TYPE_CHECKING:
    from shuangshi_cli.render import Document, Style
    from shuangshi_cli.report.checks import Check

COMMANDS = {Outcome.FAIL: "error", Outcome.WARN: "warning"}


def _data(text: str) -> str:
    """A command's message: %, CR and LF escaped as the runner unescapes them."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A command's property value: also ':' and ','."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(check: Check) -> str | None:
    """The workflow command of one check, or None when it passes or is skipped."""
    command = COMMANDS.get(check.outcome)
    if command is None:
        return None
    properties = []
    if check.file is not None:
        properties.append(f"file={_property(check.file)}")
        if check.line is not None:
            properties.append(f"line={check.line}")
    properties.append(f"title={_property(check.title)}")
    return f"::{command} {','.join(properties)}::{_data(check.message)}"


def print_document(document: Document, style: Style) -> str:
    lines = [a for c in document.checks(style.lang, Format.GITHUB) if (a := annotation(c))]
    return "".join(line + "\n" for line in lines)
