"""The command line: parse options, call the core, pick a renderer, print, exit.

Domain errors are turned into messages and exit codes in one place, ``_Group.main``.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from shuangshi_cli import __version__
from shuangshi_cli.errors import (
    EXIT_INPUT,
    EXIT_OFF_TRACK,
    EXIT_OK,
    OutputClosed,
    ShuangshiError,
    UsageProblem,
    cut,
    shown,
)
from shuangshi_cli.render import Format, Lang, Style, renderer
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment
    from shuangshi_cli.figures import Figures
    from shuangshi_cli.peers import PeerTable
    from shuangshi_cli.plan import Part, Plan, Thresholds

PROG = "shuangshi"


class _Group(TyperGroup):
    """Typer's group, with every error ending as one line per problem on stderr and an exit code."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            if args is None:
                args = sys.argv[1:]
            for arg in args:
                if isinstance(arg, str) and _SURROGATE.search(arg):
                    raw = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                    raise UsageProblem.at(f"the argument '{cut(raw)}' is not UTF-8")
            returned = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except ShuangshiError as exc:
            for line in exc.lines():
                _say(f"{line}\n")
            code = exc.exit_code
            if isinstance(exc, OutputClosed):
                _silence_stdout()
        except typer.TyperException as exc:  # usage errors: unknown option, bad value …
            context = getattr(exc, "ctx", None)
            command = context.command_path if context is not None else PROG
            _say(f"{command}: {exc.format_message()} (see '{command} --help')\n")
            code = exc.exit_code
        except typer.Abort:
            _say("Aborted.\n")
            code = 1
        except Exception as exc:  # a bug: still one line, never a traceback (unless debugging)
            if os.environ.get("SHUANGSHI_DEBUG"):
                raise
            _say(
                f"{PROG}: internal error on this input: {type(exc).__name__}: {exc} "
                "(set SHUANGSHI_DEBUG=1 for a traceback, and please report it)\n"
            )
            code = EXIT_INPUT
        else:
            code = returned if isinstance(returned, int) else EXIT_OK
        if standalone_mode:
            sys.exit(code)
        return code


_SURROGATE = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as Python decodes argv


def _say(text: str) -> None:
    """Write to stderr; a closed stderr (2>&-) loses the words, not the exit code."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stderr.write(text)
        sys.stderr.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail once more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help=(
        "Target-gap calculator for Chinese government plan targets: how far each target is, "
        "what growth the rest of the way needs, and whether it is on track.\n\n"
        "The embedded plan is 《关于开展“双实活动”的实施意见》 (中共濉溪县委, 2017); "
        "--targets FILE reads another plan of the same shape."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# -- shared options ------------------------------------------------------------------------------

TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        "-t",
        envvar="SHUANGSHI_TARGETS",
        help="Plan file (YAML). Default: the embedded 双实 plan.",
        show_default=False,
    ),
]
FiguresOption = Annotated[
    list[str] | None,
    typer.Option(
        "--figures",
        "-f",
        help="Figures file (CSV, YAML or JSON; '-' for stdin). Repeatable.",
        show_default=False,
    ),
]
PairsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Figures as ID=VALUE (gdp=352.1, 财政总收入=412000万元), for --year.",
        show_default=False,
    ),
]
YearOption = Annotated[
    int | None,
    typer.Option("--year", "-y", help="Year of the ID=VALUE figures.", show_default=False),
]
FigureOption = Annotated[
    list[str] | None,
    typer.Option(
        "--figure", help="A figure as ID=VALUE, for --year. Repeatable.", show_default=False
    ),
]
PartOption = Annotated[
    str | None,
    typer.Option(
        "--part",
        "-p",
        help="A part (镇, 园区, 县直单位): assess its own targets; ID=VALUE figures are its.",
        show_default=False,
    ),
]
PeersOption = Annotated[
    list[str] | None,
    typer.Option(
        "--peers",
        help="Peer table (region, year, indicator, value): ranks computed among the peers.",
        show_default=False,
    ),
]
MonthOption = Annotated[
    int | None,
    typer.Option(
        "--month",
        "-m",
        help="The ID=VALUE figures are cumulative from January to this month (1–11).",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    int | None,
    typer.Option("--as-of", help="Ignore figures after this year.", show_default=False),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        help="zh or en. Default: Chinese when the locale is Chinese, else English.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-F", help="Output format.", case_sensitive=False)
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of stdout (a regular file atomically; '-' is stdout).",
        show_default=False,
    ),
]
OnTrackOption = Annotated[
    float | None,
    typer.Option(
        "--on-track",
        min=0,
        help="Pace ratio at or above which a target is on track (plan default 0.95).",
        show_default=False,
    ),
]
AccelerationOption = Annotated[
    float | None,
    typer.Option(
        "--acceleration",
        min=0,
        help="Pace ratio at or above which a target needs acceleration (plan default 0.60).",
        show_default=False,
    ),
]


def _lang(option: str | None) -> Lang:
    if option is not None:
        value = option.strip().lower().replace("_", "-")
        language = value.split("-")[0].split(".")[0]  # zh-CN, zh_TW, en-GB, en_US.UTF-8
        if language == "zh" or value in {"cn", "chinese", "中文"}:
            return "zh"
        if language == "en" or value == "english":
            return "en"
        raise UsageProblem.at(f"--lang must be zh or en, not {shown(option)}")
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _style(lang: str | None, fmt: Format, output: str | None) -> Style:
    terminal = fmt is Format.TABLE and output is None and sys.stdout.isatty()
    color = terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    width = shutil.get_terminal_size().columns if terminal else None
    return Style(lang=_lang(lang), color=color, width=width)


def _emit(text: str, output: str | None) -> None:
    if output is None or output == "-":
        if sys.stdout is None:  # >&-
            raise UsageProblem.at("cannot write the report: stdout is closed (use --output FILE)")
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed() from None
        except OSError as exc:  # a full disk (ENOSPC), a device gone (EIO)
            raise UsageProblem.at(f"cannot write the report: {exc.strerror or exc}") from None
    else:
        from shuangshi_cli.fileio import write_output

        write_output(Path(output) if output else Path(), text, label=output)


def _note(message: str) -> None:
    _say(message + "\n")


@dataclass(frozen=True)
class _Inputs:
    """What every assessing command reads: the plan, the figures, peers, thresholds, a part."""

    plan: Plan
    figures: Figures
    peers: PeerTable | None = None
    thresholds: Thresholds | None = None
    as_of: int | None = None
    part: Part | None = None


def _inputs(
    targets: Path | None,
    figures: list[str] | None,
    pairs: list[str] | None,
    *,
    year: int | None,
    as_of: int | None,
    month: int | None = None,
    part: str | None = None,
    peer_files: list[str] | None = None,
    on_track: float | None = None,
    acceleration: float | None = None,
) -> _Inputs:
    from shuangshi_cli.figures import load_figures
    from shuangshi_cli.formulas import FIRST_YEAR, LAST_YEAR
    from shuangshi_cli.parts import resolve
    from shuangshi_cli.peers import load_peers
    from shuangshi_cli.plan import load_plan

    for option, value in (("--year", year), ("--as-of", as_of)):
        if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
            raise UsageProblem.at(f"{option} {value} is outside {FIRST_YEAR}–{LAST_YEAR}")
    for option, ratio in (("--on-track", on_track), ("--acceleration", acceleration)):
        if ratio is not None and not math.isfinite(ratio):
            raise UsageProblem.at(f"{option} must be a finite pace ratio, not {ratio}")
    if not pairs:
        if month is not None:
            raise UsageProblem.at("--month is the month of ID=VALUE figures, and none is given")
        if year is not None:
            raise UsageProblem.at(
                "--year is the year of ID=VALUE figures, and none is given "
                "(to ignore figures after a year: --as-of)"
            )
    if month is not None and not 1 <= month <= 11:
        raise UsageProblem.at(f"--month {month} is outside 1–11 (a full year has no month)")
    plan = load_plan(targets)
    own = resolve(plan, part) if part is not None else None
    found = load_figures(
        plan, figures or [], pairs or [], year=year, month=month, part=own.id if own else None
    )
    if peer_files and own is not None:
        raise UsageProblem.at("--peers ranks the whole region: it does not apply with --part")
    if peer_files and not any(t.ranks is not None for t in plan.targets):
        raise UsageProblem.at(
            "--peers needs a rank target that says what it ranks (ranks: indicator); "
            "this plan has none"
        )
    peers = load_peers(plan, peer_files) if peer_files else None
    thresholds = None
    if on_track is not None or acceleration is not None:
        try:
            thresholds = plan.plan.thresholds.overridden(on_track, acceleration)
        except ValueError:
            raise UsageProblem.at("--acceleration must not be above --on-track") from None
    return _Inputs(plan, found, peers, thresholds, as_of, own)


def _assess(inputs: _Inputs) -> Assessment:
    """The whole plan's assessment, or the part's when one was named."""
    if inputs.part is not None:
        from shuangshi_cli.parts import part_assessment

        return part_assessment(
            inputs.plan,
            inputs.part,
            inputs.figures,
            as_of=inputs.as_of,
            thresholds=inputs.thresholds,
        )
    from shuangshi_cli.assess import assess

    return assess(
        inputs.plan,
        inputs.figures,
        as_of=inputs.as_of,
        thresholds=inputs.thresholds,
        peers=inputs.peers,
    )


# -- commands ------------------------------------------------------------------------------------


@app.command()
def gap(
    pairs: PairsArgument = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    peers: PeersOption = None,
    part: PartOption = None,
    year: YearOption = None,
    month: MonthOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = Format.TABLE,
    output: OutputOption = None,
    on_track: OnTrackOption = None,
    acceleration: AccelerationOption = None,
) -> None:
    """Gap, required and observed growth, pace and status of every target.

    Example: shuangshi gap --year 2018 gdp=352.1 fiscal_revenue=41.2 gdp_rank=8
    """
    inputs = _inputs(
        targets, figures, pairs, year=year, as_of=as_of, month=month, part=part,
        peer_files=peers, on_track=on_track, acceleration=acceleration,
    )  # fmt: skip
    assessment = _assess(inputs)
    style = _style(lang, fmt, output)
    _emit(renderer(fmt).render_assessment(assessment, style), output)
    if fmt is not Format.TABLE and assessment.missing:
        from shuangshi_cli.render.text import missing_line

        _note(missing_line(assessment, style.lang) or "")


_FAILABLE = [s.value for s in Status if s.assessed and s is not Status.ACHIEVED]


@app.command()
def check(
    pairs: PairsArgument = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    peers: PeersOption = None,
    part: PartOption = None,
    year: YearOption = None,
    month: MonthOption = None,
    as_of: AsOfOption = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help=f"First status that fails: {', '.join(_FAILABLE)}.",
        ),
    ] = Status.ACCELERATION_NEEDED.value,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail on insufficient_data.")
    ] = False,
    lang: LangOption = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-F",
            help="Also print the report in this format (default: none).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    on_track: OnTrackOption = None,
    acceleration: AccelerationOption = None,
) -> None:
    """For CI: exit 1 when a quantified target is off track, 0 when all are achieved or on track."""
    from shuangshi_cli.status import parse_status

    try:
        threshold = parse_status(fail_on)
    except ValueError:
        threshold = None
    if threshold is None or threshold.value not in _FAILABLE:
        raise UsageProblem.at(f"--fail-on must be one of: {', '.join(_FAILABLE)}")
    inputs = _inputs(
        targets, figures, pairs, year=year, as_of=as_of, month=month, part=part,
        peer_files=peers, on_track=on_track, acceleration=acceleration,
    )  # fmt: skip
    assessment = _assess(inputs)
    style = _style(lang, fmt or Format.TABLE, output)
    if fmt is not None:
        _emit(renderer(fmt).render_assessment(assessment, style), output)
    from shuangshi_cli.render.text import summary_line
    from shuangshi_cli.render.words import name, status_label

    failing = assessment.failing(threshold, strict=strict)
    for result in failing:
        _note(
            f"off track: {result.target.id} ({name(result.target, style.lang)}): "
            f"{result.status.value} ({status_label(result, style.lang)})"
        )
    _note(summary_line(assessment, style.lang))
    if failing:
        raise typer.Exit(EXIT_OFF_TRACK)


@app.command()
def path(
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID", help="One target (id or name). Default: all.", show_default=False
        ),
    ] = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    pairs: FigureOption = None,
    peers: PeersOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = Format.TABLE,
    output: OutputOption = None,
) -> None:
    """Year by year from base to deadline: the path to the target, the figures, and the gap.

    Also the path from the latest figure at the growth still required, and how many years the
    latest figure stands ahead of (or behind) the path.
    """
    from shuangshi_cli.scenarios import paths

    inputs = _inputs(targets, figures, pairs, year=year, as_of=as_of, peer_files=peers)
    assessment = _assess(inputs)
    found = paths(assessment, target_id)
    _emit(renderer(fmt).render_path(assessment, found, _style(lang, fmt, output)), output)


@app.command()
def whatif(
    target_id: Annotated[str, typer.Argument(metavar="ID", help="The target (id or name).")],
    growth: Annotated[
        list[str] | None,
        typer.Option(
            "--growth",
            "-g",
            help="Assumed annual growth (7.5%); ranks and rates: the step per year. Repeatable.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        int | None,
        typer.Option(
            "--by", help="The growth needed to meet the target by this year.", show_default=False
        ),
    ] = None,
    deflator: Annotated[
        str | None,
        typer.Option(
            "--deflator",
            help="Price deflator (2%): --growth is real, the target nominal (current prices).",
            show_default=False,
        ),
    ] = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    pairs: FigureOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = Format.TABLE,
    output: OutputOption = None,
) -> None:
    """What if growth is 7% instead of 9%? The figure each year, and when it meets the target.

    --by YEAR gives the growth needed to meet it by that year instead.

    Example: shuangshi whatif gdp --year 2018 --figure gdp=352.1 --growth 7.5% --growth 9%
    """
    from shuangshi_cli.scenarios import parse_growth, parse_rate
    from shuangshi_cli.scenarios import whatif as build

    if not growth and by is None:
        raise UsageProblem.at("give --growth RATE (repeatable) or --by YEAR")
    assessment = _assess(_inputs(targets, figures, pairs, year=year, as_of=as_of))
    rates = [parse_growth(assessment.plan, target_id, g) for g in growth or []]
    price = parse_rate(deflator, "--deflator") if deflator is not None else None
    result = build(assessment, target_id, rates, by=by, deflator=price)
    _emit(renderer(fmt).render_whatif(result, _style(lang, fmt, output)), output)


@app.command()
def scoreboard(
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = Format.TABLE,
    output: OutputOption = None,
    on_track: OnTrackOption = None,
    acceleration: AccelerationOption = None,
) -> None:
    """Rank the plan's parts (towns, parks, departments) by progress on their own targets.

    Per indicator a score of 0–100 (100 achieved, else 100 × pace ratio), overall the mean; with
    the rank change against the year before.
    """
    from shuangshi_cli.parts import scoreboard as build

    inputs = _inputs(
        targets, figures, None, year=None, as_of=as_of,
        on_track=on_track, acceleration=acceleration,
    )  # fmt: skip
    board = build(inputs.plan, inputs.figures, as_of=as_of, thresholds=inputs.thresholds)
    _emit(renderer(fmt).render_scoreboard(board, _style(lang, fmt, output)), output)


@app.command("targets")
def show_targets(
    targets: TargetsOption = None,
    lang: LangOption = None,
    fmt: FormatOption = Format.TABLE,
    output: OutputOption = None,
) -> None:
    """The plan: its quantified targets, then its goals and programmes."""
    from shuangshi_cli.plan import load_plan

    plan = load_plan(targets)
    _emit(renderer(fmt).render_plan(plan, _style(lang, fmt, output)), output)


@app.command()
def validate(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Plan file to check. Default: --targets, else the embedded plan.",
            show_default=False,
        ),
    ] = None,
    targets: TargetsOption = None,
) -> None:
    """Check a plan file: exit 0 with a summary, or exit 2 with one line per problem."""
    from shuangshi_cli.plan import EMBEDDED_NAME, load_plan

    path = file or targets
    plan = load_plan(path)
    from shuangshi_cli.render.text import shortfall_line

    for shortfall in plan.shortfalls():
        _note(shortfall_line(str(path or EMBEDDED_NAME), shortfall, _lang(None)))
    quantified = len(plan.quantified)
    h = plan.plan
    _emit(
        f"{path or EMBEDDED_NAME}: valid plan “{h.title}”, {quantified} quantified and "
        f"{len(plan.targets) - quantified} qualitative targets, {len(plan.programmes)} "
        f"programmes, {h.period.start}–{h.period.end}, base year {h.base_year}\n",
        None,
    )


@app.command()
def schema(output: OutputOption = None) -> None:
    """The JSON Schema of the plan format, for editors that validate YAML as it is typed."""
    from shuangshi_cli.plan import Plan

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "shuangshi-cli plan (targets file)",
        **Plan.model_json_schema(),
    }
    _emit(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output)


@app.command()
def template(targets: TargetsOption = None, output: OutputOption = None) -> None:
    """An empty figures CSV for the plan: one row per indicator and year, ready to fill in."""
    import csv
    import io

    from shuangshi_cli.figures import template_rows
    from shuangshi_cli.plan import load_plan
    from shuangshi_cli.render.csv_format import BOM

    plan = load_plan(targets)
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer,
        fieldnames=["indicator", "name", "year", "value", "unit", "note"],
        lineterminator="\n",
    )
    writer.writeheader()
    writer.writerows(template_rows(plan))
    _emit(BOM + buffer.getvalue(), output)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"shuangshi-cli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Target-gap calculator for Chinese government plan targets."""


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
