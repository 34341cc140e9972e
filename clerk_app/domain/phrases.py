"""The sentence templates of the minutes, with a body's own wording laid over them.

The defaults live in ``resources/phrases/en-GB.json``: a flat mapping of phrase keys
("motion.moved_seconded_and") to ``str.format`` templates with named fields
("It was moved by {mover}, seconded by {seconder} and"). A body's
``settings.phrases`` overrides any of them. An override may use only the fields its
default uses (some or none of them) and must have balanced braces;
``validate_overrides`` lists what is wrong so the settings dialog can show it, and
``Phrases.load`` raises a ``ValueError`` naming the key.

Another language's wording lives beside it (``cy.json`` for Welsh, ``gd.json`` …):
keys it leaves out fall back to the British English wording, and its ``_review`` list
names the phrases a speaker of the language should check before a body relies on them.
:func:`phrase_locale` picks the file for a style's locale ("cy-GB" reads ``cy.json``;
a locale without a file, "en-US" say, reads ``en-GB.json``).
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator, Mapping
from functools import cache

from clerk_app.lazyre import compiled
from clerk_app.paths import resource

DEFAULT_LOCALE = "en-GB"
_FORMATTER = string.Formatter()


class PhraseError(ValueError):
    """A phrase override that cannot be used; ``key`` names the phrase."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"Phrase “{key}”: {message}")
        self.key = key
        self.message = message


def fields_of(template: str) -> set[str]:
    """The named fields a template uses; raises ``ValueError`` on bad braces."""
    names: set[str] = set()
    for _literal, field, _spec, _conv in _FORMATTER.parse(template):
        if field is not None:
            names.add(field)
    return names


@cache
def phrase_locale(locale: str) -> str:
    """The phrase file for ``locale``: its own, its language's ("cy" for "cy-GB"), or
    British English."""
    name = (locale or DEFAULT_LOCALE).replace("_", "-")
    for candidate in (name, name.split("-")[0]):
        if candidate and resource("phrases", f"{candidate}.json").is_file():
            return candidate
    return DEFAULT_LOCALE


@cache
def _file(locale: str) -> dict[str, object]:
    path = resource("phrases", f"{phrase_locale(locale)}.json")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return data if isinstance(data, dict) else {}


@cache
def _defaults(locale: str) -> dict[str, str]:
    """The wording of ``locale``, British English where its file leaves a phrase out."""
    merged = {k: v for k, v in _file(DEFAULT_LOCALE).items() if not k.startswith("_")}
    if phrase_locale(locale) != DEFAULT_LOCALE:
        own = _file(locale)
        merged.update({k: v for k, v in own.items() if k in merged and isinstance(v, str)})
    return {k: str(v) for k, v in merged.items()}


def own_phrase(locale: str, key: str) -> str | None:
    """The wording of ``key`` in ``locale``'s own file, or None where that language has
    no file or its file leaves the phrase out (British English for any English)."""
    name = (locale or DEFAULT_LOCALE).replace("_", "-")
    chosen = phrase_locale(name)
    if chosen == DEFAULT_LOCALE and name.split("-")[0].casefold() != "en":
        return None  # French, say: no file of its own
    text = _file(chosen).get(key)
    return text if isinstance(text, str) and not key.startswith("_") else None


def review_keys(locale: str) -> list[str]:
    """The phrases of ``locale`` marked for a speaker of the language to check."""
    review = _file(locale).get("_review", [])
    return [str(k) for k in review] if isinstance(review, list) else []


@cache
def _extra_fields(locale: str) -> dict[str, frozenset[str]]:
    """Fields a phrase may use beyond its default's (an empty default writes nothing,
    and a style's wording of it may name the chair or the time); the same in every
    language."""
    data = _file(DEFAULT_LOCALE).get("_fields", {})
    assert isinstance(data, dict)
    return {k: frozenset(v) for k, v in data.items()}


def default_phrases(locale: str = DEFAULT_LOCALE) -> dict[str, str]:
    """A copy of the default templates."""
    return dict(_defaults(locale))


def _check(
    key: str, template: object, defaults: Mapping[str, str], locale: str = DEFAULT_LOCALE
) -> str | None:
    """Why an override cannot be used, or None if it can."""
    if key not in defaults:
        return "there is no phrase with this name."
    if not isinstance(template, str):
        return "the wording must be text."
    try:
        used = fields_of(template)
    except ValueError:
        return (
            "the braces { } do not match. Use {name} for a field, and {{ or }} for a literal brace."
        )
    english = _defaults(DEFAULT_LOCALE).get(key, "")
    allowed = fields_of(defaults[key]) | fields_of(english) | _extra_fields(locale).get(key, set())
    for name in sorted(used):
        if name == "" or name.isdigit():
            return "every field needs a name, such as {mover}; empty {} is not allowed."
        if name not in allowed:
            choices = ", ".join("{" + a + "}" for a in sorted(allowed)) or "none"
            return f"unknown field {{{name}}}. Fields this phrase can use: {choices}."
    try:
        template.format(**{a: "" for a in allowed})
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
        return f"the wording cannot be filled in ({exc})."
    return None


def validate_overrides(overrides: Mapping[str, object], locale: str = DEFAULT_LOCALE) -> list[str]:
    """Clerk-readable problems with a body's phrase overrides ([] when all are usable)."""
    defaults = _defaults(locale)
    errors: list[str] = []
    for key, template in overrides.items():
        problem = _check(key, template, defaults, locale)
        if problem:
            errors.append(str(PhraseError(key, problem)))
    return errors


# a filled-in field cannot be mutated in the template itself: the soft mutation of a
# weekday after "ar" ("ar ddydd Mawrth", CLDR writes "Dydd Mawrth") is made here, and
# of a councillor's title after a preposition that softens it ("gan Gyng. Lind",
# "i Gynghorydd Adair"; the title is Clerk's own word, a name is left as typed)
_AR_DYDD = compiled(r"\bar [Dd]ydd\b")
_SOFTENED_TITLE = compiled(
    r"\b(gan|i|at|am|o|dros|drwy|trwy|wrth|heb|dan|tan|hyd) "
    r"C(yng\.|ynghorydd\b|ynghorwyr\b|ynghorwraig\b)"
)


def _welsh_mutations(text: str) -> str:
    if "ydd" in text:
        text = _AR_DYDD.sub("ar ddydd", text)
    if "Cyng" in text:
        text = _SOFTENED_TITLE.sub(r"\1 G\2", text)
    return text


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return ""


class Phrases:
    """A complete set of templates: the defaults with a body's overrides applied."""

    def __init__(self, templates: Mapping[str, str], locale: str = DEFAULT_LOCALE) -> None:
        self._templates = dict(templates)
        self.locale = locale

    @classmethod
    def load(
        cls,
        overrides: Mapping[str, str] | None = None,
        *,
        strict: bool = True,
        locale: str = DEFAULT_LOCALE,
    ) -> Phrases:
        """The defaults with ``overrides`` merged over them.

        With ``strict`` (the default) a bad override raises :class:`PhraseError` (a
        ``ValueError``) naming the key; with ``strict=False`` it is skipped and the
        default wording used, which is what rendering does so a stored mistake never
        stops the minutes from being shown.
        """
        defaults = _defaults(locale)
        merged = dict(defaults)
        for key, template in (overrides or {}).items():
            problem = _check(key, template, defaults, locale)
            if problem:
                if strict:
                    raise PhraseError(key, problem)
                continue
            merged[key] = str(template)
        return cls(merged, locale)

    def template(self, key: str) -> str:
        return self._templates[key]

    def __contains__(self, key: object) -> bool:
        return key in self._templates

    def __iter__(self) -> Iterator[str]:
        return iter(self._templates)

    def keys(self) -> list[str]:
        return sorted(self._templates)

    def format(self, key: str, **fields: object) -> str:
        """The phrase ``key`` filled in; fields not given are left blank.

        Raises ``KeyError`` only for a phrase key that does not exist.
        """
        template = self._templates[key]
        try:
            text = template.format_map(_Blank(fields))
        except (ValueError, KeyError, IndexError, AttributeError, TypeError):
            text = _defaults(self.locale).get(key, "").format_map(_Blank(fields))
        return _welsh_mutations(text) if self.locale.startswith("cy") else text
