"""JUnit XML: a test case per target, grouped into a suite per plan (or part); a failure for each
target that fails the check, skipped for those without data; the numbers in the message and in
the test case's properties. Jenkins, GitLab and Azure Pipelines read it.

Written with the standard library's ElementTree: the format is a few elements, and ElementTree
escapes text and attributes correctly; a junit library would add a dependency for no more.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TYPE_CHECKING

from shuangshi_cli.render import Format, without_control
from shuangshi_cli.report.checks import Outcome

if TYPE_CHECKING:
    from shuangshi_cli.render import Document, Style
    from shuangshi_cli.report.checks import Check


def _case(suite: ET.Element, check: Check) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "classname": without_control(check.group),
            # (no status in the name: CI follows a test's history by its class and name)
            "name": without_control(f"{check.id}: {check.label or check.title}"),
            "time": "0",
        },
    )
    if check.file is not None:
        case.set("file", without_control(check.file))
        if check.line is not None:
            case.set("line", str(check.line))
    if check.properties:
        properties = ET.SubElement(case, "properties")
        for key, value in check.properties.items():
            ET.SubElement(properties, "property", {"name": key, "value": without_control(value)})
    if check.outcome is Outcome.FAIL:
        failure = ET.SubElement(
            case, "failure", {"message": without_control(check.message), "type": check.status.value}
        )
        failure.text = without_control(check.message)
    elif check.outcome is Outcome.SKIP or (
        check.outcome is Outcome.WARN and not check.status.assessed
    ):
        ET.SubElement(case, "skipped", {"message": without_control(check.message)})
    elif check.outcome is Outcome.WARN:
        output = ET.SubElement(case, "system-out")
        output.text = without_control(check.message)
    elif "hand_status" in check.properties:  # passed by hand: the computed status beside it
        output = ET.SubElement(case, "system-out")
        output.text = without_control(f"{check.title} — {check.message}")


def junit(checks: tuple[Check, ...], name: str = "shuangshi") -> str:
    """The JUnit XML document of ``checks``."""
    root = ET.Element("testsuites", {"name": name})
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for group, members in groupby(checks, key=lambda c: c.group):
        cases = list(members)
        failures = sum(c.outcome is Outcome.FAIL for c in cases)
        skipped = sum(
            c.outcome is Outcome.SKIP or (c.outcome is Outcome.WARN and not c.status.assessed)
            for c in cases
        )
        suite = ET.SubElement(
            root,
            "testsuite",
            {"name": without_control(group), "tests": str(len(cases)), "failures": str(failures),
             "errors": "0", "skipped": str(skipped), "time": "0"},
        )  # fmt: skip
        for check in cases:
            _case(suite, check)
        totals["tests"] += len(cases)
        totals["failures"] += failures
        totals["skipped"] += skipped
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def print_document(document: Document, style: Style) -> str:
    return junit(document.checks(style.lang, Format.JUNIT))
