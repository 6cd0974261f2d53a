"""The command line: parse options, call the core, pick a renderer, print, exit.

Domain errors are turned into messages and exit codes in one place, ``_Group.main``.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import math
import os
import re
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from shuangshi_cli import __version__
from shuangshi_cli.cli_i18n import (
    LocalizedCommand,
    LocalizedGroup,
    help_text,
    is_help_request,
    lang_of_args,
    localize,
    usage_message,
)
from shuangshi_cli.errors import (
    EXIT_INPUT,
    EXIT_OFF_TRACK,
    EXIT_OK,
    MAX_SHOWN,
    OutputClosed,
    ShuangshiError,
    UsageProblem,
    cut,
)
from shuangshi_cli.messages import Lang, msg, pick, t
from shuangshi_cli.render import Format, Style, printer
from shuangshi_cli.status import Status

if TYPE_CHECKING:
    from shuangshi_cli.assess import Assessment, Result
    from shuangshi_cli.figures import Figures
    from shuangshi_cli.parts import Scoreboard
    from shuangshi_cli.peers import PeerTable
    from shuangshi_cli.plan import Part, Plan, Thresholds
    from shuangshi_cli.render import Document
    from shuangshi_cli.report import Figure
    from shuangshi_cli.tables import Reading

PROG = "shuangshi"


class _Group(LocalizedGroup):
    """Typer's group, with every error ending as one line per problem on stderr and an exit code.

    The language is read from the arguments (or the locale) first, so that help, usage errors
    and domain errors all speak it.
    """

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from shuangshi_cli.console import forgiving_streams
        from shuangshi_cli.fileio import run_inputs

        forgiving_streams()
        argv = list(sys.argv[1:] if args is None else args)
        lang = lang_of_args(argv) or Lang.from_environment()
        from shuangshi_cli.notices import set_lang

        set_lang(lang)
        help_screen = not argv or any(a in {"-h", "--help"} for a in argv)
        localize(self, lang, help_screen=help_screen and sys.stdout is not None)
        try:
            if help_screen and sys.stdout is None:  # >&-: no help is lost without a word
                raise UsageProblem.at(msg("cannot write the help: stdout is closed"))
            if args is None:
                args = sys.argv[1:]
            for arg in args:
                if isinstance(arg, str) and _SURROGATE.search(arg):
                    raw = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                    raise UsageProblem.at(msg("the argument '{raw}' is not UTF-8", raw=cut(raw)))
            self._refuse_repeats(argv)
            with run_inputs():  # an output that is one of them is refused
                returned = super().main(
                    args=argv,
                    prog_name=prog_name,
                    complete_var=complete_var,
                    standalone_mode=False,
                    **extra,
                )
        except ShuangshiError as exc:
            try:
                lines = exc.lines(lang)
            except Exception:  # a sentence the catalogue cannot word: English, never a traceback
                lines = exc.lines(Lang.EN)
            for line in _from_environment(lines, argv):
                _note(line)
            code = exc.exit_code
            if isinstance(exc, OutputClosed):
                _silence_stdout()
        except typer.TyperException as exc:  # usage errors: unknown option, bad value …
            context = getattr(exc, "ctx", None)
            command = context.command_path if context is not None else PROG
            code = exc.exit_code
            if not is_help_request(exc):
                message = _LONG_WORD.sub(lambda m: cut(m.group()), usage_message(exc, lang))
                _note(t("error.usage", lang, command=command, message=message))
            elif exc.format_message():  # no arguments: the help, as --help prints it (plain
                try:  # text; the rich panels print themselves)
                    _emit(exc.format_message() + "\n", None)
                except ShuangshiError as failed:  # a broken pipe, a full disk
                    for line in failed.lines(lang):
                        _note(line)
                    _silence_stdout()
                    code = failed.exit_code
        except typer.Abort:
            _say(t("error.aborted", lang) + "\n")
            code = 1
        except BrokenPipeError:  # typer printing help to a pipe whose reader has gone (| head)
            _silence_stdout()
            code = OutputClosed.exit_code
        except SystemExit:
            if not _pacified():
                raise
            code = OutputClosed.exit_code  # typer's answer to a broken pipe is exit 1: ours is 141
        except Exception as exc:  # a bug: still one line, never a traceback (unless debugging)
            if isinstance(exc, OSError) and exc.errno in _STDOUT_FAILED:  # help to a full disk
                for line in _unwritten(exc).lines(lang):
                    _note(line)
                _silence_stdout()
            elif os.environ.get("SHUANGSHI_DEBUG"):
                raise
            else:
                _note(t("error.internal", lang, prog=PROG, kind=type(exc).__name__, detail=exc))
            code = EXIT_INPUT
        else:
            code = returned if isinstance(returned, int) else EXIT_OK
        if standalone_mode:
            sys.exit(code)
        return code

    def _refuse_repeats(self, argv: list[str]) -> None:
        """A UsageProblem for an option of one value given twice (--part 刘桥镇 --part 韩村镇):
        click keeps the last, and the first would be dropped without a word. An option's value
        is passed over (``--sheet -yearly`` is a sheet, not an option). A plan's name left
        empty (``-t ""``, ``validate ""``) is refused here too: click would make it ".", the
        current directory."""
        command = self.commands.get(argv[0]) if argv else None
        if command is None:
            return
        options = {
            name: option
            for option in command.params
            if isinstance(option, typer.core.TyperOption)
            for name in (*option.opts, *option.secondary_opts)
        }
        seen: dict[str, str] = {}
        arguments = iter(argv[1:])
        for arg in arguments:
            if arg == "--":
                break
            long = arg.startswith("--")
            name = arg.split("=", 1)[0] if long else arg[:2]
            option = options.get(name) if arg.startswith("-") else None
            if option is None:
                if arg == "" and argv[0] == "validate":  # its FILE, which Path("") makes "."
                    raise UsageProblem.at(
                        msg("{option} needs a file name, not an empty string", option="FILE")
                    )
                continue
            attached = "=" in arg if long else len(arg) > 2  # --sheet=-x, -t-plan.yaml
            value: str | None = arg.split("=", 1)[1] if long and attached else None
            if not option.is_flag and not attached:
                value = next(arguments, None)  # its value, whatever it looks like
            if value == "" and option.opts[0] == "--targets":  # Path("") would be "."
                raise UsageProblem.at(
                    msg("{option} needs a file name, not an empty string", option=name)
                )
            if option.multiple or option.is_flag:
                continue
            first = option.opts[0]
            if first in seen:
                raise UsageProblem.at(
                    msg("{option} is given twice ({first} and {second}): give it once",
                        option=first, first=seen[first], second=name)
                )  # fmt: skip
            seen[first] = name


_SURROGATE = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as Python decodes argv
# What writing to stdout raises when it cannot take the text: a full disk, a device gone.
_STDOUT_FAILED = {errno.ENOSPC, errno.EIO, errno.EFBIG}


def _pacified() -> bool:
    """Whether typer met a broken pipe on stdout (printing help) and exits for it: it then wraps
    stdout in click's PacifyFlushWrapper, and exits 1."""
    try:
        from typer._click.utils import PacifyFlushWrapper
    except ImportError:  # pragma: no cover - another typer: its own exit code
        return False
    return isinstance(sys.stdout, PacifyFlushWrapper)


# A word of a usage error longer than a message quotes (an unknown option of 100,000 letters):
# a run of what is neither a space nor Chinese (whose words and stops stand without spaces)
_LONG_WORD = re.compile(rf"[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{{{MAX_SHOWN + 1},}}")


def _from_environment(lines: list[str], argv: list[str]) -> list[str]:
    """``lines``, those about the plan SHUANGSHI_TARGETS names (no --targets given) saying so:
    a path the user did not type is named with where it came from."""
    path = os.environ.get("SHUANGSHI_TARGETS")
    # (a FILE typed is the user's own, whatever the variable says: validate FILE)
    given = path in argv or any(
        a in {"-t", "--targets"} or a.startswith(("--targets=", "-t")) for a in argv
    )
    if not path or given:
        return lines
    said = f"{path}:"
    return [f"{line} (SHUANGSHI_TARGETS)" if line.startswith(said) else line for line in lines]


def _say(text: str) -> None:
    """Write to stderr in what its encoding can show; a closed stderr (2>&-) loses the words,
    not the exit code."""
    from shuangshi_cli.console import write

    if sys.stderr is None:  # (closed at start: no stream, and stdout is not its stand-in)
        return
    with contextlib.suppress(AttributeError, OSError, ValueError):
        write(text, sys.stderr)
        sys.stderr.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail once more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


_h = help_text

app = typer.Typer(
    cls=_Group,
    name=PROG,
    help=_h("help.app"),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Rich lays help out for a person at a terminal (panels, Chinese text wrapped by its width),
    # at 70 ms of imports; help read by a program or through a pipe is click's plain text.
    rich_markup_mode="rich" if sys.stdout is not None and sys.stdout.isatty() else None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
_command = app.command

# -- shared options ------------------------------------------------------------------------------

TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        "-t",
        envvar="SHUANGSHI_TARGETS",
        metavar="FILE|NAME",
        help=_h("help.opt.targets"),
        show_default=False,
    ),
]
FiguresOption = Annotated[
    list[str] | None,
    typer.Option(
        "--figures",
        "-f",
        metavar="FILE",
        help=_h("help.opt.figures"),
        show_default=False,
    ),
]
PairsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ID=VALUE",
        help=_h("help.opt.pairs"),
        show_default=False,
    ),
]
YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        "-y",
        metavar="YEAR",
        help=_h("help.opt.year"),
        show_default=False,
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        metavar="SHEET",
        help=_h("help.opt.sheet"),
        show_default=False,
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="NAME",
        help=_h("help.opt.encoding"),
        show_default=False,
    ),
]
FigureOption = Annotated[
    list[str] | None,
    typer.Option("--figure", metavar="ID=VALUE", help=_h("help.opt.figure"), show_default=False),
]
PartOption = Annotated[
    str | None,
    typer.Option(
        "--part",
        "-p",
        metavar="PART",
        help=_h("help.opt.part"),
        show_default=False,
    ),
]
PeersOption = Annotated[
    list[str] | None,
    typer.Option(
        "--peers",
        metavar="FILE",
        help=_h("help.opt.peers"),
        show_default=False,
    ),
]
MonthOption = Annotated[
    int | None,
    typer.Option(
        "--month",
        "-m",
        metavar="MONTH",
        help=_h("help.opt.month"),
        show_default=False,
    ),
]
AsOfOption = Annotated[
    int | None,
    typer.Option("--as-of", metavar="YEAR", help=_h("help.opt.as_of"), show_default=False),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="zh|en",
        help=_h("help.opt.lang"),
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format", "-F", help=_h("help.opt.format"), case_sensitive=False, show_default=False
    ),
]
ReportFormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-F",
        help=_h("help.opt.report_format"),
        case_sensitive=False,
        show_default=False,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=_h("help.opt.output"),
        show_default=False,
    ),
]
OnTrackOption = Annotated[
    float | None,
    typer.Option(
        "--on-track",
        metavar="R",
        help=_h("help.opt.on_track"),
        show_default=False,
    ),
]
AccelerationOption = Annotated[
    float | None,
    typer.Option(
        "--acceleration",
        metavar="R",
        help=_h("help.opt.acceleration"),
        show_default=False,
    ),
]


def _lang(option: str | None) -> Lang:
    if option is None:
        return Lang.from_environment()
    lang = Lang.parse(option)
    if lang is None:
        raise UsageProblem.at(msg("error.lang", value=repr(option)))
    return lang


def _width() -> int | None:
    """The width to print for: $COLUMNS if set, else the terminal's (stdout's, or when stdout
    is piped, the terminal stderr or stdin is on, as ``| less`` wants); else the printer's."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            if stream is not None and stream.isatty():
                return os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            continue
    return None


# The formats an --output file's suffix names, when --format is not given (-o gap.xlsx).
_SUFFIX_FORMATS = {
    ".json": Format.JSON, ".csv": Format.CSV, ".md": Format.MARKDOWN, ".markdown": Format.MARKDOWN,
    ".html": Format.HTML, ".htm": Format.HTML, ".xlsx": Format.XLSX, ".txt": Format.TABLE,
}  # fmt: skip


def _format(fmt: Format | None, output: str | None, default: Format) -> Format:
    """The format asked for with --format; else the one the --output file's suffix names; else
    the command's own. No format is PDF: a .pdf file is refused, not filled with HTML."""
    suffix = _suffix(output)
    if fmt is not None:
        _refuse_other_suffix(fmt.value, output, suffix)
        return fmt
    if suffix == ".pdf":
        raise UsageProblem.at(msg("error.no_pdf", file=output))
    if suffix in _UNWRITTEN:  # (a text table in a file Excel or an image viewer then opens)
        raise UsageProblem.at(msg("error.no_such_file_format", file=output, suffix=suffix))
    return _SUFFIX_FORMATS.get(suffix, default)


def _refuse_other_suffix(fmt: str, output: str | None, suffix: str) -> None:
    """A UsageProblem where -F and the --output file's suffix disagree on a workbook: -F csv -o
    report.xlsx (text in a file Excel refuses to open) or -F xlsx -o report.json (a zip under a
    text's name). Between text formats the format asked for wins (-F csv -o gap.json)."""
    named = _SUFFIX_FORMATS.get(suffix)
    xlsx = Format.XLSX.value
    if named is not None and named.value != fmt and xlsx in {fmt, named.value}:
        raise UsageProblem.at(
            msg("error.format_suffix", format=fmt, file=output, suffix=suffix, named=named.value)
        )


# Files of a kind no format writes: an old or other workbook, a document, an image.
_UNWRITTEN = frozenset(
    {".xls", ".xlsm", ".xlsb", ".ods", ".et", ".doc", ".docx", ".wps", ".png", ".jpg", ".jpeg",
     ".gif", ".bmp", ".webp", ".svg"}
)  # fmt: skip


def _suffix(output: str | None) -> str:
    """The suffix of an --output file, lower case; '' for none or stdout ('-')."""
    return "" if output is None or output == "-" else Path(output).suffix.lower()


def _terminal(fmt: Format, output: str | None) -> bool:
    """Whether a person reads the table on a terminal as it is printed."""
    return fmt is Format.TABLE and output is None and sys.stdout is not None and sys.stdout.isatty()


def _style(lang: str | None, fmt: Format, output: str | None) -> Style:
    terminal = _terminal(fmt, output)
    # (NO_COLOR set but empty is no request: no-color.org)
    color = terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    width = _width() if output is None else None
    from shuangshi_cli.console import UNICODE, glyphs_for

    return Style(
        lang=_lang(lang),
        color=color,
        width=width,
        unicode=output is not None or glyphs_for(sys.stdout) is UNICODE,  # files are UTF-8
        lang_given=lang is not None,
    )


def _emit(text: str | bytes, output: str | None, *, data: bool = False) -> None:
    """Print to stdout in what its encoding can show, or write a file: always UTF-8. ``data``
    (CSV, Markdown, HTML …, read by programs): a stdout that cannot hold every character is an
    error, where a table for the eye gets look-alikes (濉溪 as ??)."""
    if output is None or output == "-":
        from shuangshi_cli.console import encoding_of, lost_character, write

        if isinstance(text, bytes):
            raise UsageProblem.at(msg("error.workbook_needs_output"))
        if sys.stdout is None:  # >&-
            raise UsageProblem.at(
                msg("cannot write the report: stdout is closed (use --output FILE)")
            )
        if data and (lost := lost_character(text, sys.stdout)) is not None:
            raise UsageProblem.at(
                msg("stdout's encoding ({encoding}) cannot hold {character}: set "
                    "PYTHONIOENCODING=utf-8, or write the file with --output FILE",
                    encoding=encoding_of(sys.stdout), character=f"{lost} (U+{ord(lost):04X})")
            )  # fmt: skip
        try:
            write(text)
        except BrokenPipeError:
            raise OutputClosed() from None
        except OSError as exc:  # a full disk (ENOSPC), a device gone (EIO)
            raise _unwritten(exc) from None
    else:
        from shuangshi_cli.fileio import write_output

        write_output(Path(output) if output else Path(), text, label=output)


def _unwritten(exc: OSError) -> UsageProblem:
    """What stdout refusing the text (a full disk, a device gone) says."""
    return UsageProblem.at(msg("cannot write the report: {reason}", reason=exc.strerror or exc))


def _print(document: Document, fmt: Format, style: Style, output: str | None) -> None:
    if fmt.binary and output is None:
        raise UsageProblem.at(msg("error.workbook_needs_output"))
    text = printer(fmt).print_document(document, style)
    if fmt is Format.JSON and output in {None, "-"} and isinstance(text, str):
        from shuangshi_cli.console import escaped_json

        text = escaped_json(text, sys.stdout)  # an ASCII console: 濉溪 as \u6fc9\u6eaa, not ??
    if fmt in {Format.HTML, Format.JUNIT} and output in {None, "-"} and isinstance(text, str):
        from shuangshi_cli.console import escaped_xml

        text = escaped_xml(text, sys.stdout)  # &#28617;, not ??
    # a CSV is read back by programs: ?? for 濉溪 would be taken for data (the others are read
    # by people, who get look-alikes)
    _emit(text, output, data=fmt is Format.CSV)


def _chart_files(document: Document, chart: str, lang: Lang) -> list[tuple[str, Figure]]:
    """Each path's SVG chart and its file: ``chart`` for one path, else ``<stem>-<id>.svg``."""
    from shuangshi_cli.report import Figure

    figures = [b for b in document.report(lang).blocks if isinstance(b, Figure)]
    target = Path(chart)
    if target.suffix.lower() not in {"", ".svg"}:  # the chart is SVG, whatever a name says
        raise UsageProblem.at(msg("error.chart_suffix", file=chart))
    if len(figures) == 1:
        return [(chart, figures[0])]
    suffix = target.suffix or ".svg"
    return [(str(target.with_name(f"{target.stem}-{f.key}{suffix}")), f) for f in figures]


def _write_charts(charts: list[tuple[str, Figure]], lang: Lang) -> None:
    from shuangshi_cli.fileio import write_output
    from shuangshi_cli.render.charts import path_chart

    for name, figure in charts:
        write_output(Path(name), path_chart(figure, lang) + "\n", label=name)
        _note(t("path.chart_written", lang, file=name))


def _note(message: str) -> None:
    """One message, one line on stderr (a name's line end or escape shown, not obeyed)."""
    from shuangshi_cli.console import one_line

    _say(one_line(message) + "\n")


@dataclass(frozen=True)
class _Inputs:
    """What every assessing command reads: the plan, the figures, peers, thresholds, a part."""

    plan: Plan
    figures: Figures
    peers: PeerTable | None = None
    thresholds: Thresholds | None = None
    as_of: int | None = None
    part: Part | None = None

    @property
    def own_figures(self) -> Figures:
        """The figures the assessment reads: the part's, when one is named."""
        return self.figures if self.part is None else self.figures.for_part(self.part.id)


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
    sheet: str | None = None,
    encoding: str | None = None,
) -> _Inputs:
    from shuangshi_cli.figures import load_figures
    from shuangshi_cli.formulas import FIRST_YEAR, LAST_YEAR
    from shuangshi_cli.plan import load_plan

    for option, value in (("--year", year), ("--as-of", as_of)):
        if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
            raise UsageProblem.at(
                msg(
                    "error.year_range",
                    option=option,
                    value=value,
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                )
            )
    for option, ratio in (("--on-track", on_track), ("--acceleration", acceleration)):
        if ratio is not None and not math.isfinite(ratio):  # (nan: no ratio, inf: no bound)
            raise UsageProblem.at(
                msg("{option} must be a finite pace ratio, not {ratio}", option=option, ratio=ratio)
            )
        if ratio is not None and ratio < 0:
            raise UsageProblem.at(
                msg("{option} is a pace ratio from 0, not {ratio}", option=option, ratio=ratio)
            )
    if not pairs:
        if month is not None:
            raise UsageProblem.at(
                msg("--month is the month of ID=VALUE figures, and none is given")
            )
        if year is not None and not figures:  # a wide table's months may take --year too
            raise UsageProblem.at(
                msg(
                    "--year is the year of ID=VALUE figures (or of a wide table's "
                    "months), and none is given (to ignore later figures: --as-of)"
                )
            )
    if month is not None and not 1 <= month <= 11:
        raise UsageProblem.at(msg("error.month_range", value=month))
    # how files are read: only when files are given (tables.py is not needed for pairs alone)
    reading = _reading(sheet, encoding, year, bool(pairs)) if figures or peer_files else None
    if sheet is not None and not _any_workbook([*(figures or []), *(peer_files or [])]):
        raise UsageProblem.at(
            msg(
                "--sheet chooses a sheet of a workbook (.xlsx, .xls, .ods), and no "
                "workbook is given"
            )
        )
    plan = load_plan(targets)
    own = None
    if part is not None:
        from shuangshi_cli.parts import resolve

        own = resolve(plan, part)
    found = load_figures(
        plan, figures or [], pairs or [], year=year, month=month, part=own.id if own else None,
        reading=reading,
    )  # fmt: skip
    if peer_files and own is not None:
        raise UsageProblem.at(msg("--peers ranks the whole region: it does not apply with --part"))
    if peer_files and not any(t.ranks is not None for t in plan.targets):
        raise UsageProblem.at(
            msg(
                "--peers needs a rank target that says what it ranks (ranks: "
                "indicator); this plan has none"
            )
        )
    peers = None
    if peer_files:
        from shuangshi_cli.peers import load_peers

        peers = load_peers(plan, peer_files, reading)
    thresholds = None
    if on_track is not None or acceleration is not None:
        try:
            thresholds = plan.plan.thresholds.overridden(on_track, acceleration)
        except ValueError:
            raise UsageProblem.at(msg("error.thresholds")) from None
    return _Inputs(plan, found, peers, thresholds, as_of, own)


def _any_workbook(names: list[str]) -> bool:
    from shuangshi_cli.workbook import is_workbook_name

    return any(is_workbook_name(name) for name in names)


def _reading(
    sheet: str | None, encoding: str | None, year: int | None, of_pairs: bool = False
) -> Reading:
    import codecs

    from shuangshi_cli.tables import Reading

    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageProblem.at(
                f"--encoding {encoding!r} is not an encoding Python knows"
            ) from None
    return Reading(sheet=sheet, encoding=encoding, year=year, year_of_pairs=of_pairs)


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


def _scoreboard(inputs: _Inputs) -> Scoreboard:
    """The plan's parts ranked on their own targets."""
    from shuangshi_cli.parts import scoreboard

    return scoreboard(inputs.plan, inputs.figures, as_of=inputs.as_of, thresholds=inputs.thresholds)


def _hints(document: Document, lang: Lang) -> None:
    """What the report says belongs beside it, on stderr (figures it lacked)."""
    for hint in document.report(lang).hints:
        _note(hint)


# -- commands ------------------------------------------------------------------------------------


@_command(help=_h("help.gap"), cls=LocalizedCommand)
def gap(
    pairs: PairsArgument = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    sheet: SheetOption = None,
    encoding: EncodingOption = None,
    peers: PeersOption = None,
    part: PartOption = None,
    year: YearOption = None,
    month: MonthOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    on_track: OnTrackOption = None,
    acceleration: AccelerationOption = None,
) -> None:
    """Gap, required and observed growth, pace and status of every target.

    Example: shuangshi gap --year 2018 gdp=352.1 fiscal_revenue=41.2 gdp_rank=8
    """
    fmt = _format(fmt, output, Format.TABLE)
    inputs = _inputs(
        targets, figures, pairs, year=year, as_of=as_of, month=month, part=part,
        peer_files=peers, on_track=on_track, acceleration=acceleration,
        sheet=sheet, encoding=encoding,
    )  # fmt: skip
    from shuangshi_cli.documents import assessment_document

    style = _style(lang, fmt, output)
    document = assessment_document(_assess(inputs), inputs.figures)
    _print(document, fmt, style, output)
    _hints(document, style.lang)


_FAILABLE = [s.value for s in Status if s.assessed and s is not Status.ACHIEVED]
# A terminal shows a scoreboard's head: the rows a person reads, at once. Rich lays out a
# table at about 0.7 ms a row (3,000 parts: 2 s); files, pipes and other formats get every row.
TERMINAL_ROWS = 100


@_command(help=_h("help.report"), cls=LocalizedCommand)
def report(
    pairs: PairsArgument = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    sheet: SheetOption = None,
    encoding: EncodingOption = None,
    peers: PeersOption = None,
    part: PartOption = None,
    year: YearOption = None,
    month: MonthOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
    on_track: OnTrackOption = None,
    acceleration: AccelerationOption = None,
) -> None:
    """The report for a meeting: the gap table, a chart per target, the scoreboard; HTML."""
    fmt = _format(fmt, output, Format.HTML)
    from shuangshi_cli.documents import full_report_document
    from shuangshi_cli.scenarios import paths

    inputs = _inputs(
        targets, figures, pairs, year=year, as_of=as_of, month=month, part=part,
        peer_files=peers, on_track=on_track, acceleration=acceleration,
        sheet=sheet, encoding=encoding,
    )  # fmt: skip
    assessment = _assess(inputs)
    board = None
    if inputs.plan.parts and inputs.part is None:
        board = _scoreboard(inputs)
    style = _style(lang, fmt, output)
    document = full_report_document(assessment, paths(assessment), board, inputs.figures)
    _print(document, fmt, style, output)
    _hints(document, style.lang)


@_command(help=_h("help.check"), cls=LocalizedCommand)
def check(
    pairs: PairsArgument = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    sheet: SheetOption = None,
    encoding: EncodingOption = None,
    peers: PeersOption = None,
    part: PartOption = None,
    year: YearOption = None,
    month: MonthOption = None,
    as_of: AsOfOption = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            metavar="STATUS",
            help=_h("help.opt.fail_on", choices=", ".join(_FAILABLE)),
        ),
    ] = Status.ACCELERATION_NEEDED.value,
    strict: Annotated[bool, typer.Option("--strict", help=_h("help.opt.strict"))] = False,
    binding_only: Annotated[
        bool, typer.Option("--binding-only", help=_h("help.opt.binding_only"))
    ] = False,
    lang: LangOption = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-F",
            help=_h("help.opt.check_format"),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    on_track: OnTrackOption = None,
    acceleration: AccelerationOption = None,
    junit: Annotated[
        str | None,
        typer.Option("--junit", metavar="FILE", help=_h("help.opt.junit"), show_default=False),
    ] = None,
    with_parts: Annotated[bool, typer.Option("--parts", help=_h("help.opt.parts"))] = False,
    summary: Annotated[
        str | None,
        typer.Option("--summary", metavar="FILE", help=_h("help.opt.summary"), show_default=False),
    ] = None,
) -> None:
    """For CI: exit 1 when a quantified target is off track, 0 when all are achieved or on track."""
    from shuangshi_cli.status import parse_status

    try:
        threshold = parse_status(fail_on)
    except ValueError:
        threshold = None
    if threshold is None or threshold.value not in _FAILABLE:
        raise UsageProblem.at(msg("error.fail_on", choices=", ".join(_FAILABLE)))
    if output is not None:  # a report to a file: in the format asked for, or its suffix names
        fmt = _format(fmt, output, Format.TABLE)
    inputs = _inputs(
        targets, figures, pairs, year=year, as_of=as_of, month=month, part=part,
        peer_files=peers, on_track=on_track, acceleration=acceleration,
        sheet=sheet, encoding=encoding,
    )  # fmt: skip
    from shuangshi_cli.documents import assessment_document
    from shuangshi_cli.report.assessment import summary_line
    from shuangshi_cli.report.checks import Policy
    from shuangshi_cli.report.terms import name, status_label, verdict_label

    assessment = _assess(inputs)
    style = _style(lang, fmt or Format.TABLE, output)
    policy = Policy(threshold, strict, binding_only)
    board = None
    if with_parts:
        if not inputs.plan.parts or inputs.part is not None:
            raise UsageProblem.at(
                msg(
                    "--parts judges a plan's parts: this plan has none"
                    if not inputs.plan.parts
                    else "--parts judges every part: it does not go with --part"
                )
            )
        board = _scoreboard(inputs)
    document = assessment_document(
        assessment, inputs.own_figures, policy,
        parts=board,
    )  # fmt: skip
    summary = summary or (os.environ.get("GITHUB_STEP_SUMMARY") if fmt is Format.GITHUB else None)
    from shuangshi_cli.fileio import STDIN, check_writable

    main = (output or STDIN) if fmt else None  # (no -o: stdout)
    check_writable([f for f in (main, junit, summary) if f is not None])
    # The summary is appended to (a device, CI's step summary), the others replaced whole: the
    # append goes first, so that one that fails (/dev/full) leaves no report written beside it.
    if summary:
        from shuangshi_cli.fileio import append_text
        from shuangshi_cli.render.markdown_format import print_report

        append_text(Path(summary), print_report(document.report(style.lang)))
        _note(t("summary.written", style.lang, file=summary))
    if junit is not None:
        _print(document, Format.JUNIT, style, junit)
        _note(t("junit.written", style.lang, file=junit))
    if fmt is not None:
        _print(document, fmt, style, output)
    failing = assessment.failing(threshold, strict=strict, binding_only=binding_only)
    lang_ = style.lang
    for result in assessment.quantified:
        if result.hand_status is not None:
            note = t("check.hand_note", lang_, note=result.hand_note) if result.hand_note else ""
            _note(
                t("check.hand", lang_, name=name(result.target, lang_), id=result.target.id,
                  status=t(f"status.{result.hand_status.value}", lang_), year=result.hand_year,
                  computed=status_label(result, lang_)) + note
            )  # fmt: skip
    for result in assessment.failing(threshold, strict=strict):
        _note(
            t(_failing_key(result, "" if result in failing else ".not_binding"), lang_,
              name=name(result.target, lang_), id=result.target.id,
              status=verdict_label(result, lang_))
        )  # fmt: skip
    failing_parts = part_targets = 0
    for standing in board.standings if board is not None else ():
        own = standing.assessment
        part_failing = own.failing(threshold, strict=strict, binding_only=binding_only)
        failing_parts += bool(part_failing)
        part_targets += len(part_failing)
        for result in own.failing(threshold, strict=strict):  # (and those --binding-only spares)
            variant = ".part" if result in part_failing else ".part.not_binding"
            _note(
                t(_failing_key(result, variant), lang_,
                  part=pick((standing.part.name,
                  standing.part.name_en or ""), lang_), name=name(result.target, lang_),
                  id=result.target.id, status=verdict_label(result, lang_))
            )  # fmt: skip
        failing += part_failing
    _note(summary_line(assessment, style.lang))
    if board is not None:  # the parts' count too: the region's own line may be all achieved
        _note(t("check.parts_summary", lang_, parts=len(board.standings),
                failing_parts=failing_parts, targets=part_targets,
                targets_en=f"{part_targets} target" + "s" * (part_targets != 1),
                of_parts_en=f"{failing_parts} part" + "s" * (failing_parts != 1)))  # fmt: skip
    if failing:
        raise typer.Exit(EXIT_OFF_TRACK)


def _failing_key(result: Result, variant: str) -> str:
    """The line ``check`` says of a failing target: off track, or (failed by --strict) no
    figures to judge it on; ``variant`` is "", ".not_binding", ".part" or ".part.not_binding"."""
    verdict = "no_data" if result.verdict is Status.INSUFFICIENT_DATA else "off_track"
    return f"check.{verdict}{variant}"


@_command(help=_h("help.path"), cls=LocalizedCommand)
def path(
    target_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help=_h("help.opt.target_id"), show_default=False),
    ] = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    sheet: SheetOption = None,
    encoding: EncodingOption = None,
    pairs: FigureOption = None,
    peers: PeersOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    chart: Annotated[
        str | None,
        typer.Option("--chart", metavar="FILE", help=_h("help.opt.chart"), show_default=False),
    ] = None,
) -> None:
    """Year by year from base to deadline: the path to the target, the figures, and the gap.

    Also the path from the latest figure at the growth still required, and how many years the
    latest figure stands ahead of (or behind) the path.
    """
    fmt = _format(fmt, output, Format.TABLE)
    from shuangshi_cli.scenarios import paths

    inputs = _inputs(
        targets, figures, pairs, year=year, as_of=as_of, peer_files=peers,
        sheet=sheet, encoding=encoding,
    )  # fmt: skip
    assessment = _assess(inputs)
    found = paths(assessment, target_id)
    from shuangshi_cli.documents import path_document

    style = _style(lang, fmt, output)
    document = path_document(assessment, found)
    charts = [] if chart is None else _chart_files(document, chart, style.lang)
    if charts:  # every file written, or none
        from shuangshi_cli.fileio import STDIN, check_writable

        check_writable([output or STDIN, *(n for n, _ in charts)])
    _print(document, fmt, style, output)
    _write_charts(charts, style.lang)


@_command(help=_h("help.whatif"), cls=LocalizedCommand)
def whatif(
    target_id: Annotated[str, typer.Argument(metavar="ID", help=_h("help.opt.whatif_id"))],
    growth: Annotated[
        list[str] | None,
        typer.Option(
            "--growth",
            "-g",
            metavar="RATE",
            help=_h("help.opt.growth"),
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        int | None,
        typer.Option("--by", metavar="YEAR", help=_h("help.opt.by"), show_default=False),
    ] = None,
    deflator: Annotated[
        str | None,
        typer.Option(
            "--deflator",
            metavar="RATE",
            help=_h("help.opt.deflator"),
            show_default=False,
        ),
    ] = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    sheet: SheetOption = None,
    encoding: EncodingOption = None,
    pairs: FigureOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """What if growth is 7% instead of 9%? The figure each year, and when it meets the target.

    --by YEAR gives the growth needed to meet it by that year instead.

    Example: shuangshi whatif gdp --year 2018 --figure gdp=352.1 --growth 7.5% --growth 9%
    """
    fmt = _format(fmt, output, Format.TABLE)
    from shuangshi_cli.scenarios import parse_growth, parse_rate
    from shuangshi_cli.scenarios import whatif as build

    if not growth and by is None:
        raise UsageProblem.at(msg("error.whatif_needs"))
    assessment = _assess(
        _inputs(targets, figures, pairs, year=year, as_of=as_of, sheet=sheet, encoding=encoding)
    )
    rates = [parse_growth(assessment.plan, target_id, g) for g in growth or []]
    price = parse_rate(deflator, "--deflator") if deflator is not None else None
    result = build(assessment, target_id, rates, by=by, deflator=price)
    from shuangshi_cli.documents import whatif_document

    _print(whatif_document(result), fmt, _style(lang, fmt, output), output)


@_command(help=_h("help.explain"), cls=LocalizedCommand)
def explain(
    target_id: Annotated[str, typer.Argument(metavar="ID", help=_h("help.opt.explain_id"))],
    pairs: FigureOption = None,
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    sheet: SheetOption = None,
    encoding: EncodingOption = None,
    peers: PeersOption = None,
    part: PartOption = None,
    year: YearOption = None,
    month: MonthOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    on_track: OnTrackOption = None,
    acceleration: AccelerationOption = None,
) -> None:
    """Every number of one target's row: formula, inputs and their places, result, method."""
    fmt = _format(fmt, output, Format.TABLE)
    from shuangshi_cli.documents import explain_document

    inputs = _inputs(
        targets, figures, pairs, year=year, as_of=as_of, month=month, part=part,
        peer_files=peers, on_track=on_track, acceleration=acceleration,
        sheet=sheet, encoding=encoding,
    )  # fmt: skip
    document = explain_document(_assess(inputs), target_id, inputs.own_figures)
    _print(document, fmt, _style(lang, fmt, output), output)


@_command(help=_h("help.scoreboard"), cls=LocalizedCommand)
def scoreboard(
    targets: TargetsOption = None,
    figures: FiguresOption = None,
    sheet: SheetOption = None,
    encoding: EncodingOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    on_track: OnTrackOption = None,
    acceleration: AccelerationOption = None,
) -> None:
    """Rank the plan's parts (towns, parks, departments) by progress on their own targets.

    Per indicator a score of 0–100 (100 achieved, else 100 × pace ratio), overall the mean; with
    the rank change against the year before.
    """
    fmt = _format(fmt, output, Format.TABLE)
    inputs = _inputs(
        targets, figures, None, year=None, as_of=as_of,
        on_track=on_track, acceleration=acceleration, sheet=sheet, encoding=encoding,
    )  # fmt: skip
    board = _scoreboard(inputs)
    from shuangshi_cli.documents import scoreboard_document

    style = _style(lang, fmt, output)
    total = len(board.standings)
    if (
        _terminal(fmt, output) and total > TERMINAL_ROWS
    ):  # a person at a terminal: Rich lays out ~1.5k rows/s
        from dataclasses import replace

        board = replace(board, standings=board.standings[:TERMINAL_ROWS])
    _print(scoreboard_document(board, inputs.figures), fmt, style, output)
    if len(board.standings) < total:
        _note(t("rows_left_out", style.lang, shown=len(board.standings), total=total))


@_command("targets", help=_h("help.targets"), cls=LocalizedCommand)
def show_targets(
    targets: TargetsOption = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """The plan: its quantified targets, then its goals and programmes."""
    fmt = _format(fmt, output, Format.TABLE)
    from shuangshi_cli.plan import load_plan

    plan = load_plan(targets)
    from shuangshi_cli.documents import plan_document

    _print(plan_document(plan), fmt, _style(lang, fmt, output), output)


@_command(help=_h("help.validate"), cls=LocalizedCommand)
def validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="FILE",
            help=_h("help.opt.file"),
            show_default=False,
        ),
    ] = None,
    targets: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Check a plan file: exit 0 with a summary, or exit 2 with one line per problem."""
    from shuangshi_cli.plan import EMBEDDED_NAME, load_plan
    from shuangshi_cli.report.plan import shortfall_line

    source = ctx.get_parameter_source("targets")
    if file is not None and source is not None and source.name == "ENVIRONMENT":
        targets = None  # FILE, given, is the plan to check; SHUANGSHI_TARGETS the default
    if file is not None and targets is not None and file != targets:
        raise UsageProblem.at(
            msg("validate checks one plan: give FILE or --targets, not both ({file}, {targets})",
                file=str(file), targets=str(targets))
        )  # fmt: skip
    path = file or targets
    plan = load_plan(path)
    language = _lang(lang)
    from shuangshi_cli.fileio import shown_name

    name = shown_name(str(path or EMBEDDED_NAME))  # (as its errors name it: <stdin>)
    for shortfall in plan.shortfalls():
        _note(shortfall_line(plan, name, shortfall, language))
    quantified = len(plan.quantified)
    h = plan.plan
    _emit(
        t("validate.ok", language, file=name, title=h.title, quantified=quantified,
          qualitative=len(plan.targets) - quantified, programmes=len(plan.programmes),
          start=h.period.start, end=h.period.end, base=h.base_year) + "\n",
        None,
    )  # fmt: skip


@_command("plans", help=_h("help.plans"), cls=LocalizedCommand)
def list_plans() -> None:
    """The embedded plans: name them with --targets NAME (e.g. --targets cn-14th-fyp)."""
    from shuangshi_cli.plan import DEFAULT_PLAN, embedded_plan_named, embedded_plans

    lines = []
    for plan_name in embedded_plans():
        plan = embedded_plan_named(plan_name)
        h = plan.plan
        key = "plans.line.default" if plan_name == DEFAULT_PLAN else "plans.line"
        lines.append(
            t(key, lang_of_args(sys.argv[1:]) or Lang.from_environment(), name=plan_name,
              title=h.title, region=h.region.name, start=h.period.start, end=h.period.end,
              quantified=len(plan.quantified),
              qualitative=len(plan.targets) - len(plan.quantified))
        )  # fmt: skip
    _emit("".join(f"{line}\n" for line in lines), None)


@_command(help=_h("help.schema"), cls=LocalizedCommand)
def schema(output: OutputOption = None) -> None:
    """The JSON Schema of the plan format, for editors that validate YAML as it is typed."""
    if _suffix(output) in {*_SUFFIX_FORMATS, ".pdf", *_UNWRITTEN} - {".json", ".txt"}:
        raise UsageProblem.at(msg("error.schema_suffix", file=output))
    from shuangshi_cli.plan import Plan

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "shuangshi-cli plan (targets file)",
        **Plan.model_json_schema(),
    }
    from shuangshi_cli.console import escaped_json

    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    _emit(escaped_json(text, sys.stdout) if output in {None, "-"} else text, output)


class TemplateFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@_command(help=_h("help.template"), cls=LocalizedCommand)
def template(
    targets: TargetsOption = None,
    fmt: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            "-F",
            metavar="csv|xlsx",
            help=_h("help.opt.template_format"),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """An empty figures table for the plan, ready to fill in.

    Every indicator and year, the months of the deadline year for flows, a status row per
    qualitative target, and each part's rows. --format xlsx writes a workbook with drop-down
    lists of indicators, units and statuses.
    """
    from shuangshi_cli.plan import load_plan
    from shuangshi_cli.template import template_csv, template_xlsx

    if fmt is None:  # the one the --output file's suffix names (-o figures.xlsx), else CSV
        suffix = _suffix(output)
        if suffix not in {"", ".csv", ".txt", ".xlsx"}:
            raise UsageProblem.at(msg("error.template_suffix", file=output))
        fmt = TemplateFormat.XLSX if suffix == ".xlsx" else TemplateFormat.CSV
    _refuse_other_suffix(fmt.value, output, _suffix(output))
    plan = load_plan(targets)
    chosen = None if lang is None else _lang(lang).value  # (without: the reader's own names)
    if fmt is TemplateFormat.XLSX:
        _emit(template_xlsx(plan, chosen), output)
        return
    _emit(template_csv(plan, chosen), output, data=True)


def _version(value: bool) -> None:
    if value:
        _emit(f"shuangshi-cli {__version__}\n", None)
        raise typer.Exit()


@app.callback(help=_h("help.app"))
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_h("help.opt.version")),
    ] = False,
) -> None:
    """Target-gap calculator for Chinese government plan targets."""


def main() -> None:
    """Console-script entry point."""
    # A run builds many objects that live to its end, and next to no cycles (reference counting
    # frees the rest): a collection walks them all and finds nothing. What start-up built is
    # frozen (no collection, nor the one at exit, walks it), and the run collects no cycles as it
    # goes: collecting every 100,000 allocations cost a 600k-row scoreboard a fifth of its time,
    # and the peak memory is the same without (benchmarks/hostile_rows.py measures both).
    gc.freeze()
    gc.disable()
    app()


__all__ = ["app", "main"]
