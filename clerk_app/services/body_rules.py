"""The rules of a body: its name, its settings and style, its people. See
:mod:`clerk_app.services.rules`, which holds them with the rules of meetings.
"""

from __future__ import annotations

from clerk_app.domain.model import Body, BodySettings, Person
from clerk_app.domain.style import MinuteStyle
from clerk_app.services.problems import (
    MAX_FIRST_NUMBER,
    MAX_KEPT_DAYS,
    MAX_QUORUM,
    Problem,
    twice,
)


def settings_problems(settings: BodySettings, *, template: bool = True) -> list[Problem]:
    """Problems with a body's settings. The settings dialog shows each beside its field as
    the clerk types, and saving refuses settings with any, so both say the same thing.
    ``template`` False leaves out the house-style template (a path on one computer)."""
    from clerk_app.domain import numbering
    from clerk_app.domain.phrases import validate_overrides

    out: list[Problem] = []
    if not settings.chair_title.strip():
        out.append(Problem("chair_title", "The chair's title cannot be empty."))
    if settings.quorum < 1:
        out.append(Problem("quorum", "The quorum must be at least 1."))
    if settings.quorum > MAX_QUORUM:
        out.append(Problem("quorum", f"A quorum over {MAX_QUORUM} is not plausible."))
    error = numbering.validate_pattern(settings.numbering.pattern)
    if error:
        out.append(Problem("numbering.pattern", error))
    if not 1 <= settings.numbering.year_start_month <= 12:
        out.append(
            Problem("numbering.year_start_month", "The numbering year starts in month 1–12.")
        )
    if settings.numbering.first_number < 0:
        out.append(Problem("numbering.first_number", "The first minute number cannot be negative."))
    elif settings.numbering.first_number > MAX_FIRST_NUMBER:
        out.append(
            Problem(
                "numbering.first_number",
                f"The first minute number cannot be over {MAX_FIRST_NUMBER:,}.",
            )
        )
    from clerk_app.domain.resolutions import validate_resolution_pattern

    error = validate_resolution_pattern(settings.resolution_pattern)
    if error:
        out.append(Problem("resolution_pattern", error))
    if not 0 <= settings.resolution_first <= MAX_FIRST_NUMBER:
        out.append(
            Problem(
                "resolution_first",
                f"The first resolution number is a number from 0 to {MAX_FIRST_NUMBER:,}.",
            )
        )
    if not [t for t in settings.interest_types if t.strip()]:
        out.append(Problem("interest_types", "List at least one type of interest."))
    if not settings.lead_in.strip():
        out.append(Problem("lead_in", "Decisions need a lead-in, such as RESOLVED – That."))
    out.extend(Problem("phrases", msg) for msg in validate_overrides(settings.phrases))
    out.extend(retention_problems(settings.recordings_kept_days))
    out.extend(style_problems(settings.style))
    if template:
        from clerk_app.services.bodies import template_problem

        problem = template_problem(settings.template_path)
        if problem:
            out.append(Problem("template_path", problem))
    return out


def retention_problems(days: int) -> list[Problem]:
    """How long recordings are kept after the minutes are approved: 0 to ten years."""
    if days < 0:
        return [Problem("recordings_kept_days", "Recordings cannot be kept for less than 0 days.")]
    if days > MAX_KEPT_DAYS:
        return [
            Problem(
                "recordings_kept_days",
                f"Recordings are kept for at most {MAX_KEPT_DAYS:,} days (ten years).",
            )
        ]
    return []


def style_problems(style: MinuteStyle) -> list[Problem]:
    """Problems with a body's style: its name, its naming choices and its phrases (each
    phrase checked as a body's own override is)."""
    from clerk_app.domain.phrases import validate_overrides
    from clerk_app.domain.style import NAMING_CHOICES

    out: list[Problem] = []
    if not style.name.strip():
        out.append(Problem("style.name", "Give the style a name."))
    if style.version < 1:
        out.append(Problem("style.version", "A style's version is a number from 1."))
    for name in ("attendance_naming", "mover_naming", "vote_naming", "log_naming"):
        value = getattr(style, name)
        if value not in NAMING_CHOICES:
            choices = ", ".join(c for c in NAMING_CHOICES if c)
            out.append(
                Problem(
                    f"style.{name}",
                    f"The naming “{value}” is not a way of naming people: use {choices}.",
                )
            )
    if not style.member_title.strip():
        out.append(
            Problem(
                "style.member_title",
                "The member title cannot be empty: type the title members go by, "
                "such as Councillor or Director.",
            )
        )
    if any(not title.strip() for title in style.signatories):
        out.append(Problem("style.signatories", "A signatory's title cannot be empty."))
    if style.bilingual != "none" and _same_language(style.locale, style.second_locale):
        out.append(
            Problem(
                "style.second_locale",
                "Bilingual minutes need a second language other than the first: "
                "choose the second language.",
            )
        )
    elif style.bilingual == "labels" and not _has_labels(style.second_locale):
        out.append(
            Problem(
                "style.second_locale",
                f"Clerk has no labels in “{style.second_locale}” yet, so the headings would "
                "print in one language: choose Irish, Scottish Gaelic, te reo Māori, "
                "Welsh or English as the second language.",
            )
        )
    out.extend(
        Problem("style.phrases", f"In the style “{style.name}”: {msg}")
        for msg in validate_overrides(style.phrases)
    )
    return out


def _has_labels(locale: str) -> bool:
    """Whether ``locale`` words the labels of bilingual labels (it has a phrase file)."""
    from clerk_app.domain.phrases import own_phrase

    return own_phrase(locale, "attendance.present") is not None


def _same_language(first: str, second: str) -> bool:
    """Whether two locales are one language ("en-GB" and "en_gb"; "" is English)."""

    def tag(locale: str) -> str:
        return (locale or "en-GB").replace("_", "-").casefold()

    return tag(first) == tag(second)


def person_problems(person: Person) -> list[Problem]:
    if not (person.first_name.strip() or person.last_name.strip()):
        return [Problem("last_name", "A person needs a name.")]
    return []


def body_problems(body: Body, *, template: bool = True) -> list[Problem]:
    """The body, its settings and its people (each person once, each with a name)."""
    out: list[Problem] = []
    if not body.name.strip():
        out.append(Problem("name", "Give the body a name."))
    out.extend(p.under("settings") for p in settings_problems(body.settings, template=template))
    seen: dict[str, str] = {}
    for i, person in enumerate(body.people):
        out.extend(p.under(f"people[{i}]") for p in person_problems(person))
        out.extend(twice(f"people[{i}]", person.id, seen, f"body.people[{i}]"))
    return out
