"""Bodies and their people."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.domain.model import Body, BodyKind, BodySettings, Person
from clerk_app.services.errors import ServiceError

if TYPE_CHECKING:
    from clerk_app.storage import Store


def template_file(path_text: str) -> Path:
    """The file a typed template path names (``~`` is the clerk's home folder)."""
    return Path(path_text.strip()).expanduser()


_template_checks: dict[tuple[str, int, int], str] = {}


def template_problem(path_text: str) -> str:
    """Why the house-style template at ``path_text`` cannot be used ("" when it can, or
    when none is set). A file is opened once for each version of it (path, time, size),
    so checking again as the clerk types is cheap."""
    if not path_text.strip():
        return ""
    path = template_file(path_text)
    try:
        info = path.stat()
    except OSError:
        return f"There is no file at {path}."
    if not stat.S_ISREG(info.st_mode):
        return f"There is no file at {path}."
    key = (str(path), info.st_mtime_ns, info.st_size)
    if key not in _template_checks:
        _template_checks[key] = _check_template(path)
    return _template_checks[key]


def _check_template(path: Path) -> str:
    from clerk_app.export import TemplateError, check_template

    try:
        missing = check_template(path)
    except TemplateError as exc:
        return str(exc)
    if not missing:
        return ""
    more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
    return (
        f"{path.name} lacks {len(missing)} of the styles Clerk writes with: "
        f"{', '.join(missing[:6])}{more}. "
        "Start from Clerk's own house-style.docx and restyle it in Word."
    )


def validate_settings(settings: BodySettings) -> list[tuple[str, str]]:
    """Problems with a body's settings as (field, message) pairs; empty when valid (the
    rules in :func:`clerk_app.services.rules.settings_problems`)."""
    from clerk_app.services.rules import settings_problems

    return [(p.field, p.message) for p in settings_problems(settings)]


class BodiesMixin:
    store: Store

    if TYPE_CHECKING:

        def _forget_body(self, body_id: str | None = None) -> None: ...

    def create_body(
        self,
        name: str,
        kind: BodyKind = BodyKind.COMMITTEE,
        authority: str = "",
        preset: bool = True,
        style: str = "",
    ) -> Body:
        """A new body with the starting settings of its kind, or of one of Clerk's own
        styles (``style``: its id, such as "ontario-council")."""
        name = name.strip()
        if not name:
            raise ServiceError("Give the body a name.", field="name")
        settings = BodySettings()
        if preset:
            from clerk_app.domain.presets import preset_settings

            try:
                settings = preset_settings(kind, style)
            except OSError as exc:
                raise ServiceError(f"Clerk has no style called “{style}”.", field="style") from exc
        body = Body(name=name, kind=kind, authority=authority.strip(), settings=settings)
        self.store.save_body(body)
        return body

    def save_body(self, body: Body) -> Body:
        from clerk_app.services.rules import Problem, body_problems, refuse

        if body.settings.template_path.strip():
            body.settings.template_path = str(template_file(body.settings.template_path))
        # the settings dialog names a setting's field without the "settings." before it
        refuse(Problem(p.field.removeprefix("settings."), p.message) for p in body_problems(body))
        self.store.save_body(body)
        self._forget_body(body.id)
        return body

    def add_person(self, body: Body, person: Person) -> Person:
        from clerk_app.services.rules import person_problems, refuse

        refuse(person_problems(person))
        body.people.append(person)
        self.store.save_person(body.id, person)
        self._forget_body(body.id)
        return person

    def list_bodies(self) -> list[Body]:
        return self.store.list_bodies()

    def get_body(self, body_id: str) -> Body:
        """A fresh copy from the database (the window edits it in the settings dialog)."""
        return self.store.get_body(body_id)
