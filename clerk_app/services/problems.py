"""A broken rule of the record (:class:`Problem`), the number limits every rule and the
JSON Schema share, and the small helpers the rules of meetings and of bodies both use.
See :mod:`clerk_app.services.rules`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clerk_app.services.errors import ServiceError

# number limits (the schema, the forms and the checks below use these)
MAX_VOTES = 10_000
MAX_PUBLIC = 100_000
MAX_QUORUM = 500
MAX_FIRST_NUMBER = 99_999
MAX_FIRST_MINUTE = 9_999_999
MAX_REVISION = 2**53 - 1
MAX_TABLE_COLUMNS = 12  # a table wider than this does not fit a page of minutes
MAX_TABLE_ROWS = 1_000
MAX_SPEAKERS = 200
MAX_CONDITIONS = 200
MAX_KEPT_DAYS = 3650  # ten years: the longest a body keeps recordings after approval


@dataclass(frozen=True)
class Problem:
    """One broken rule: ``field`` is where (``vote.for_count``), ``message`` says what, in
    a sentence; ``value`` is the offending value as a file shows it (for the import)."""

    field: str
    message: str
    value: str = ""

    def under(self, prefix: str) -> Problem:
        field = f"{prefix}.{self.field}" if self.field else prefix
        return Problem(field, self.message, self.value)

    def placed(self, place: str) -> str:
        """The problem at ``place`` in a file: ``meeting.items[2].title: An item needs …``."""
        where = f"{place}.{self.field}" if self.field else place
        detail = f" ({self.value})" if self.value else ""
        message = self.message.rstrip(".")
        return f"{where}: {message}{detail}."


def refuse(problems: Iterable[Problem]) -> None:
    """Raise the first problem as a ServiceError naming its field (nothing when none)."""
    for problem in problems:
        raise ServiceError(problem.message, field=problem.field)


def shown_number(number: int) -> str:
    text = str(number)
    return text if len(text) <= 20 else f"a number of {len(text)} digits"


def unknown_person(field: str, person_id: str) -> Problem:
    return Problem(
        field, "That person is not on this body's list.", f"no one has the id {person_id!r}"
    )


def twice(field: str, value: str, seen: dict[str, str], place: str) -> list[Problem]:
    """The id ``value`` of the entry at ``place`` if an earlier entry had it (remembering
    it otherwise); ``field`` is where the entry's id is."""
    name = f"{field}.id" if field else "id"
    if not value:
        return [Problem(name, "An id cannot be empty.")]
    if value in seen:
        return [Problem(name, f"The id {value!r} is used twice", f"also by {seen[value]}")]
    seen[value] = place
    return []
