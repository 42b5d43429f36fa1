"""The jinja2 environment of the website: HTML autoescaping in the immutable sandbox, filters and `t()`.

Pages are HTML, so every value from a data file is HTML-escaped when printed (autoescape), and only
Markup the tool builds itself (the map, charts, `t()` texts with escaped values) is printed as it is.
The templates ship in the package; they still run in jinja's immutable sandbox like every template
`atdscore` renders, so a later `--templates` option can let a team restyle the site safely.

One environment serves every language (templates compile once): `t()` and the number filters read
the page's language from the context. Formatted numbers and strings are cached, as a site prints the
same few numbers thousands of times and Babel formats each in about a tenth of a millisecond.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from pathlib import Path
from typing import Any

import jinja2
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from atdscore.render.site.strings import lookup
from atdscore.text import formats
from atdscore.text.strings import fill

TEMPLATES = Path(__file__).parent / "templates"


def _number(value: Any) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise TypeError(f"expected a number, got {type(value).__name__} {value!r}")
    return Fraction(value)


_decimal = functools.lru_cache(maxsize=65536)(formats.decimal)
_fixed = functools.lru_cache(maxsize=65536)(formats.fixed)
_percent = functools.lru_cache(maxsize=65536)(formats.percent)
_signed = functools.lru_cache(maxsize=65536)(formats.signed)
_date = functools.lru_cache(maxsize=65536)(formats.date)
_plural = functools.lru_cache(maxsize=65536)(formats.plural)


@functools.lru_cache(maxsize=4096)
def _string(key: str, lang: str, form: str | None) -> Markup:
    return escape(lookup(key, lang, form))


def _t(context: Context, key: str, count: Any = None, **values: Any) -> Markup:
    """A fixed string in the page's language with `{name}` placeholders filled with escaped values."""
    lang = context["lang"]
    text = _string(key, lang, None if count is None else _plural(_number(count), lang))
    # Markup.format escapes the values; fill keeps the Markup it is given.
    return Markup(fill(key, text, values)) if values else text


def _filter(format_: Any) -> Any:
    @jinja2.pass_context
    def apply(context: Context, value: Any, places: int = 1) -> str:
        return str(format_(_number(value), context["lang"], places))

    return apply


@jinja2.pass_context
def _date_filter(context: Context, value: str) -> str:
    return str(_date(value, context["lang"]))


def _width(value: Any) -> str:
    """A percent as a CSS length for bars, with a dot whatever the language: 62.5%."""
    return f"{min(max(float(_number(value)), 0.0), 100.0):.1f}%"


def _autoescape(name: str | None) -> bool:
    return name is not None and ".html" in name


class SiteEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox, remembering its verdict per type and attribute.

    The sandbox's checks depend only on the type of the object and the attribute's name (is it
    internal, such as `__class__` or a function's `__globals__`; would it change a list, dict or set?),
    so the same verdict is reused for the tens of thousands of lookups a site makes.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The sandbox's own answer, once per type of object and attribute."""
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict


@functools.cache
def make_environment() -> SiteEnvironment:
    """The environment of every page (built once)."""
    env = SiteEnvironment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=_autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals["t"] = jinja2.pass_context(_t)
    env.filters.update(
        num=_filter(_decimal),
        fixed=_filter(_fixed),
        pct=_filter(_percent),
        signed=_filter(_signed),
        date=_date_filter,
        width=_width,
    )
    return env


def render_page(template: str, lang: str, context: dict[str, Any]) -> str:
    """Render a shipped template for a page in `lang`; a failure is a bug in the tool, so it raises."""
    return make_environment().get_template(template).render({**context, "lang": lang})
