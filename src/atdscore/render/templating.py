"""Briefs and the methodology to Markdown through jinja2 templates, with errors as Problems.

One factory, `make_environment`, builds every environment: a team's `--templates DIR` first, then
the defaults shipped in the package (also reachable as `default/<name>`, so a team's template can
extend the default one and override its blocks), Markdown escaping, Babel formats and `t()`.
"""

from __future__ import annotations

import functools
import re
import traceback
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from atdscore.core.brief import Brief
from atdscore.core.methodology import Reliability, build_methodology
from atdscore.files.discover import display_path
from atdscore.problems import Code, Problem, Severity
from atdscore.render.markdown import md_escape
from atdscore.text import formats
from atdscore.text.numbers import round_half_up
from atdscore.text.strings import fill, lookup
from atdscore.validation.model import Rubric

DEFAULTS = Path(__file__).parent.parent / "templates"
BRIEF = "brief.md.j2"
METHODOLOGY = "methodology.md.j2"
BAR_CELLS = 10
_HINT = "a brief's fields are defined in atdscore/core/brief.py, the methodology's in atdscore/core/methodology.py"

# How text from data files stays text. Jinja runs with autoescape on, but with `finalize` in front of
# its HTML escaping: finalize turns every plain string that reaches the page into Markdown-escaped
# Markup, so HTML escaping never sees one. Strings the tool trusts (t() texts, the output of the
# format filters, macros, blocks) are Markup already and pass unchanged. So escaping is the default
# and forgetting a filter can only over-escape, never let a '|' break a table or '<script>' through.
# `~` and `join` are made Markdown-aware too (see `_MarkdownCodeGenerator` and `_join`), because
# Jinja's own versions would HTML-escape the plain parts next to a Markup part instead. The escaping
# itself is `md_escape`, the one escaper of every Markdown output (render/markdown.py).


def to_markdown(value: Any, *, strip: bool = True) -> Markup:
    """A value printed by a template: trusted Markup as it is, other text escaped, whole numbers as digits.

    `strip=False` keeps the spaces at the ends of a text that is a piece of a line (see `md_escape`).
    """
    if isinstance(value, jinja2.Undefined):
        return Markup(md_escape(str(value)))  # StrictUndefined raises here, naming what is undefined
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    if isinstance(value, str):
        return Markup(md_escape(value, strip=strip))
    if isinstance(value, int) and not isinstance(value, bool):
        return Markup(str(value))
    # Exact numbers print as '131/4' and None as 'None': a template bug, reported at its line.
    raise TypeError(f"cannot print {type(value).__name__} {value!r}: format numbers with |num, |pct or |signed")


class _MarkdownCodeGenerator(CodeGenerator):
    """Compiles `a ~ b` to a join that escapes plain parts for Markdown and keeps Markup parts."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.markdown_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


# A template from a pull request is untrusted code. The immutable sandbox refuses attributes that reach
# Python internals (`__globals__`, `__class__`, `mro`, a function's code), calls to anything unsafe
# and changes to lists, dicts and sets the tool passes in. It does not bound work, so `**` and `*`
# are intercepted too: `{{ 9**9**9 }}` or `{{ "x" * 10**10 }}` would otherwise hang CI or fill memory.
_MAX_EXPONENT = 100
_MAX_REPEAT = 1_000_000


class MarkdownEnvironment(ImmutableSandboxedEnvironment):
    """A sandboxed jinja2 Environment whose output is Markdown (see the notes on escaping and sandboxing above)."""

    code_generator_class = _MarkdownCodeGenerator
    intercepted_binops = frozenset({"**", "*"})

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        """Refuse at once, so the error names the first unsafe attribute rather than a later one in the chain."""
        raise SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """`**` and `*` within bounds; anything larger is a SecurityError at the template's line."""
        if operator == "**" and isinstance(right, int | float) and abs(right) > _MAX_EXPONENT:
            raise SecurityError(f"an exponent above {_MAX_EXPONENT} is not allowed in a template")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > _MAX_REPEAT:
                    raise SecurityError(
                        f"a repeated text or list longer than {_MAX_REPEAT:,} is not allowed in a template"
                    )
        return super().call_binop(context, operator, left, right)

    @staticmethod
    def markdown_join(parts: Iterable[Any], separator: Any = "") -> Markup:
        """Parts joined as Markdown: trusted parts as they are, plain text escaped (pieces of a line keep their spaces)."""
        return Markup(to_markdown(separator, strip=False).join(to_markdown(p, strip=False) for p in parts))


def _join(parts: Iterable[Any], separator: str = "") -> Markup:
    return MarkdownEnvironment.markdown_join(parts, separator)


def _number(value: Any) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise TypeError(f"expected a number, got {type(value).__name__} {value!r}")
    return Fraction(value)


def _bar(percent: Any, cells: int = BAR_CELLS) -> Markup:
    """A percent (0-100) as a bar of `cells` block characters in a code span, e.g. `███████░░░`."""
    share = min(max(_number(percent) / 100, Fraction(0)), Fraction(1))
    full = int(round_half_up(share * cells, 0))
    return Markup("`" + "█" * full + "░" * (cells - full) + "`")


def _url(url: str) -> Markup:
    """A web address as a Markdown autolink; characters that would end it or a table cell are %-encoded."""
    safe = "".join(f"%{ord(c):02X}" if c in '<>|` "\\' or ord(c) < 33 else c for c in url)
    return Markup(f"<{safe}>")


def _code(text: str) -> Markup:
    """Text in a code span (an id); the fence is longer than any run of backticks inside."""
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def _refs(numbers: Iterable[int]) -> Markup:
    """Source numbers as references: [1], [3]."""
    return Markup(", ".join(f"[{n}]" for n in numbers))


def make_environment(lang: str, templates_dir: Path | None = None) -> MarkdownEnvironment:
    """The one jinja2 environment factory: loaders, escaping, filters and `t()` for language `lang`."""
    defaults = jinja2.FileSystemLoader(DEFAULTS)
    loaders: list[jinja2.BaseLoader] = [] if templates_dir is None else [jinja2.FileSystemLoader(templates_dir)]
    loaders += [defaults, jinja2.PrefixLoader({"default": defaults})]
    env = MarkdownEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=to_markdown,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def t(key: str, count: Any = None, **values: Any) -> Markup:
        """A fixed string in `lang` (English where it lacks one), with `{name}` placeholders filled in."""
        text = lookup(key, lang, None if count is None else formats.plural(_number(count), lang))
        return Markup(fill(key, text, {k: to_markdown(v) for k, v in values.items()}))

    env.globals["t"] = t
    env.globals["lang"] = lang
    env.filters.update(
        num=lambda v, places=1: Markup(formats.decimal(_number(v), lang, places)),
        pct=lambda v, places=1: Markup(formats.percent(_number(v), lang, places)),
        signed=lambda v, places=1: Markup(formats.signed(_number(v), lang, places)),
        date=lambda v: Markup(formats.date(v, lang)),
        bar=_bar,
        url=_url,
        code=_code,
        refs=_refs,
        join=_join,
    )
    return env


# Compiling the templates costs far more than rendering them, so `brief --all` reuses one environment
# per language and folder; jinja still reloads a template whose file changed.
_environment = functools.lru_cache(maxsize=16)(make_environment)


def _roots(templates_dir: Path | None) -> list[Path]:
    return [p.resolve() for p in ([templates_dir] if templates_dir else []) + [DEFAULTS]]


def _template_frame(error: BaseException, roots: list[Path]) -> tuple[str, int] | None:
    """The innermost traceback frame in a template file: Jinja rewrites frames to the template's lines."""
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if frame.lineno is not None and path.suffix != ".py" and any(path.resolve().is_relative_to(r) for r in roots):
            found = (frame.filename, frame.lineno)
    return found


def _problem(path: str, line: int | None, message: str, hint: str | None = None) -> Problem:
    return Problem(display_path(Path(path)), line, None, Severity.ERROR, Code.TEMPLATE, message, hint)


def render(
    name: str, context: dict[str, Any], lang: str, templates_dir: Path | None
) -> tuple[str | None, list[Problem]]:
    """Render template `name`; syntax and runtime errors become Problems at the template's file and line."""
    if templates_dir is not None and not templates_dir.is_dir():
        return None, [_problem(str(templates_dir), None, "no such templates folder")]
    env = _environment(lang, templates_dir)
    template_path = str(templates_dir / name if templates_dir and (templates_dir / name).is_file() else DEFAULTS / name)
    try:
        return env.get_template(name).render(context), []
    except jinja2.TemplateSyntaxError as err:
        return None, [_problem(err.filename or template_path, err.lineno, f"template error: {err.message}")]
    except Exception as err:  # a template's mistake, whatever Python raised for it, is the user's to fix
        where = _template_frame(err, _roots(templates_dir))
        path, line = where if where else (template_path, None)
        message = err.message if isinstance(err, jinja2.TemplateError) and err.message else str(err)
        hint = _HINT if isinstance(err, jinja2.UndefinedError) else None
        if isinstance(err, jinja2.TemplateNotFound):
            message = f"no template named '{err.name}'"
        elif isinstance(err, KeyError) and err.args:
            message = str(err.args[0])  # str() of a KeyError would quote it
        elif isinstance(err, RecursionError):
            message = "a template includes or extends itself"
            hint = f'to build on the default template, write {{% extends "default/{name}" %}}'
        return None, [_problem(path, line, f"template error: {message}", hint)]


def render_brief(brief: Brief, lang: str, templates_dir: Path | None = None) -> tuple[str | None, list[Problem]]:
    """A country brief as Markdown, from `brief.md.j2` (a team's own in `templates_dir` first)."""
    return render(BRIEF, {"brief": brief}, lang, templates_dir)


def render_methodology(
    rubric: Rubric, lang: str, templates_dir: Path | None = None, reliability: Reliability | None = None
) -> tuple[str | None, list[Problem]]:
    """The rubric as a Markdown methodology and questionnaire, from `methodology.md.j2` (with a reliability table)."""
    return render(METHODOLOGY, {"method": build_methodology(rubric, lang, reliability)}, lang, templates_dir)
