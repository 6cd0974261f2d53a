"""The command line in the user's language: help screens and typer's usage errors, by key.

Help texts are written once, in English, through ``help_text(key)``; when the language is
Chinese, :func:`localize` swaps every command's and option's help for its catalogue entry and
typer's own words (Usage, Options, default …), as typer keeps its strings behind ``_()``.

The command and group classes here are also where typer's coercion of each parameter is put off
until a value comes (``_CoercedWhenGiven``): they are the one place every parameter passes.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

from shuangshi_cli.messages import CATALOGUE, Lang, t

if TYPE_CHECKING:
    from collections.abc import Sequence

    import typer

_BY_ENGLISH: dict[str, str] = {}


def help_text(key: str, **args: Any) -> str:
    """The English help of ``key``, remembered so that :func:`localize` can swap it."""
    text = t(key, Lang.EN, **args)
    _BY_ENGLISH[text] = key
    _ARGS[key] = args
    return text


_ARGS: dict[str, dict[str, Any]] = {}


def _swap(text: str | None, lang: Lang) -> str | None:
    key = _BY_ENGLISH.get(text) if text is not None else None
    return text if key is None else t(key, lang, **_ARGS.get(key, {}))


_TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "typer.arguments",
    "OPTIONS_PANEL_TITLE": "typer.options",
    "COMMANDS_PANEL_TITLE": "typer.commands",
    "ERRORS_PANEL_TITLE": "typer.error",
}


def localize(command: Any, lang: Lang, *, help_screen: bool) -> None:
    """Word ``command`` (a group and its commands), its options and typer's help in ``lang``.

    typer's own words live in typer.rich_utils, which imports most of rich: it is loaded only
    when a help screen is shown.
    """
    _localize_one(command, lang)
    import typer.core

    # typer's plain-text help asks gettext (its module's ``_``) for its words
    setattr(typer.core, "_", _typer_words(lang))  # noqa: B010
    if not help_screen or ("typer.rich_utils" not in sys.modules and not sys.stdout.isatty()):
        return  # a help screen in rich panels only at a terminal (a pipe gets plain text)
    from typer import rich_utils

    _fold_help(rich_utils)

    for attribute, key in _TYPER_WORDS.items():
        setattr(rich_utils, attribute, t(key, lang))
    rich_utils.DEFAULT_STRING = f"[{t('typer.default', lang)} {{}}]"
    rich_utils.ENVVAR_STRING = f"[{t('typer.env', lang)} {{}}]"
    rich_utils.REQUIRED_LONG_STRING = f"[{t('typer.required', lang)}]"


_GETTEXT = {
    "Arguments": "typer.arguments",
    "Options": "typer.options",
    "Commands": "typer.commands",
    "required": "typer.required",
    "default: {default}": "typer.default.value",
    "env var: {var}": "typer.env.value",
}


def _typer_words(lang: Lang) -> Any:
    """typer's gettext ``_`` in ``lang``: its words from the catalogue, others as they are."""

    def words(text: str) -> str:
        key = _GETTEXT.get(text)
        return text if key is None else t(key, lang)

    return words


def _fold_help(rich_utils: Any) -> None:
    """Help texts fold at any character: a Chinese sentence has no space to wrap at, and Rich
    would otherwise cut it with an ellipsis."""
    original = rich_utils._get_parameter_help
    if getattr(original, "folds", False):
        return

    def folded(*args: Any, **kwargs: Any) -> Any:
        columns = original(*args, **kwargs)
        for item in getattr(columns, "renderables", ()):
            if hasattr(item, "overflow"):
                item.overflow = "fold"
        return columns

    folded.folds = True  # type: ignore[attr-defined]
    rich_utils._get_parameter_help = folded


def _localize_one(command: Any, lang: Lang) -> None:
    command.help = _swap(command.help, lang)
    command.short_help = None
    command.shuangshi_lang = lang
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _swap(param.help, lang)
        name = getattr(param, "name", None)
        if name in {"install_completion", "show_completion"}:
            param.help = t(f"help.opt.{name}", lang)
    for sub in getattr(command, "commands", {}).values():
        _localize_one(sub, lang)


class _Localized:
    """Usage line and the --help option in the command's language."""

    shuangshi_lang: Lang = Lang.EN

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("help.opt.help", self.shuangshi_lang)
        return option

    def get_help(self, ctx: Any) -> str:
        """The plain-text help, in what stdout can show (click writes UTF-8 to an ASCII one)."""
        import sys

        from shuangshi_cli.console import fit

        return fit(super().get_help(ctx), sys.stdout)  # type: ignore[misc]

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            _coerce_when_given(param)
        return params

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        prefix = t("typer.usage", self.shuangshi_lang) + " "
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)


class _CoercedWhenGiven:
    """Typer's coercion of one parameter, built when a value comes. Typer builds a pydantic
    TypeAdapter for every parameter of the command that runs, given or not (17 for ``gap``
    with the group's and the help options, a tenth of its start-up); an absent value is coerced
    here exactly as typer would."""

    def __init__(self, build: Any) -> None:
        self._build = build

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        built = self._build(param.type_descriptor)
        param._runtime_param = built
        return built.coerce(value, param=param, ctx=ctx)


def _coerce_when_given(param: Any) -> None:
    """Defer typer's coercion of ``param`` (a no-op if typer's internals are not the known ones)."""
    try:
        from typer._coercion import build_runtime_param
    except ImportError:  # pragma: no cover - another typer: its own way
        return
    if hasattr(param, "type_descriptor") and getattr(param, "_runtime_param", 0) is None:
        param._runtime_param = _CoercedWhenGiven(build_runtime_param)


class LocalizedCommand(_Localized, TyperCommand):
    """A typer command whose help and usage follow the user's language."""


class LocalizedGroup(_Localized, TyperGroup):
    """A typer group whose help and usage follow the user's language."""


def lang_of_args(args: Sequence[str]) -> Lang | None:
    """The --lang/-l value among ``args``, if one is given and valid."""
    for i, arg in enumerate(args):
        value = None
        if arg in {"--lang", "-l"} and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        elif arg.startswith("-l") and len(arg) > 2 and not arg.startswith("--"):
            value = arg[2:]
        if value is not None:
            return Lang.parse(value)
    return None


_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Input should be a valid integer.*$"), "click.want_int"),
    (re.compile(r"^Input should be a valid number.*$"), "click.want_number"),
    (re.compile(r"^Input should be greater than or equal to (?P<n>\S+)$"), "click.want_ge"),
    (
        re.compile(r"^Value error, '(?P<value>.*)' is not one of (?P<choices>.*?)\.?$"),
        "click.choice",
    ),
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid integer\.?$"), "click.not_int"),
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid float\.?$"), "click.not_float"),
    (re.compile(r"^'?(?P<value>.*?)'? is not one of (?P<choices>.*?)\.?$"), "click.choice"),
    (
        re.compile(r"^(?P<value>.*?) is not in the range (?P<range>.*?)\.?$"),
        "click.range",
    ),
)
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$"), "click.extra"),
    (re.compile(r"^No such command '?(?P<name>.*?)'?\.?$"), "click.no_such_command"),
    (
        re.compile(r"^Option '?(?P<name>.*?)'? requires an argument\.?$"),
        "click.needs_value",
    ),
)


def _translate(text: str, patterns: tuple[tuple[re.Pattern[str], str], ...], lang: Lang) -> str:
    for pattern, key in patterns:
        match = pattern.match(text)
        if match is not None:
            return t(key, lang, **match.groupdict())
    return text


def is_help_request(exc: typer.TyperException) -> bool:
    """A command run with no arguments: typer answers with its help."""
    return isinstance(exc, click_errors.NoArgsIsHelpError)


def usage_message(exc: typer.TyperException, lang: Lang) -> str:
    """The message of a typer usage error, in ``lang`` (English is typer's own)."""
    if lang is Lang.EN:
        return exc.format_message()
    if isinstance(exc, click_errors.NoSuchOption):
        if exc.possibilities:
            similar = ", ".join(sorted(exc.possibilities))
            return t("click.no_such_option.similar", lang, name=exc.option_name, similar=similar)
        return t("click.no_such_option", lang, name=exc.option_name)
    if isinstance(exc, click_errors.MissingParameter):
        hint = exc.param.get_error_hint() if exc.param is not None else ""
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "")
        kind_key = f"click.missing.{kind}"
        word = t(kind_key, lang) if kind_key in CATALOGUE else kind
        return t("click.missing", lang, kind=word, name=hint)
    if isinstance(exc, click_errors.BadParameter):
        hint = exc.param.get_error_hint() if exc.param is not None else ""
        detail = _translate(exc.message, _DETAILS, lang)
        return t("click.bad_value", lang, name=hint, detail=detail)
    return _translate(exc.format_message(), _MESSAGES, lang)
