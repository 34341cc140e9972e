"""Style files: a body's style of minutes saved as JSON to share, and read back.

A style file is ``{"format": "clerk-style", "format_version": 1, "style": {…}}`` with
the choices and phrases of :class:`~clerk_app.domain.style.MinuteStyle`. A council
exports its style, changes it in any text editor (or in Clerk), and another council
imports it. Importing checks the file through the same rules as the settings window
(:func:`clerk_app.services.rules.settings_problems`), so a file can never give a body a
style the window would refuse.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.domain.model import Body
from clerk_app.domain.serial import RecordError, from_dict, to_dict
from clerk_app.domain.style import STYLE_FORMAT, STYLE_FORMAT_VERSION, MinuteStyle
from clerk_app.services.errors import ServiceError

if TYPE_CHECKING:
    from clerk_app.services import Services


def style_document(style: MinuteStyle) -> dict[str, Any]:
    """The JSON form of a style file."""
    return {
        "format": STYLE_FORMAT,
        "format_version": STYLE_FORMAT_VERSION,
        "style": to_dict(style),
    }


def write_style(style: MinuteStyle, path: str | Path) -> Path:
    """Save ``style`` as a style file (written beside and renamed, never half-written)."""
    target = Path(path).expanduser()
    text = json.dumps(style_document(style), indent=2, ensure_ascii=False) + "\n"
    scratch = target.with_name(target.name + ".part")
    try:
        scratch.write_text(text, encoding="utf-8")
        scratch.replace(target)
    except OSError as exc:
        raise ServiceError(
            f"The style could not be saved to {target} ({exc.strerror or exc}). "
            "Choose another folder.",
            field="path",
        ) from exc
    return target


def parse_style(data: object) -> MinuteStyle:
    """A style from the JSON of a style file, checked by the settings rules."""
    if not isinstance(data, dict) or data.get("format") != STYLE_FORMAT:
        raise ServiceError("This is not a Clerk style file (it has no “clerk-style” format).")
    version = data.get("format_version")
    if not isinstance(version, int) or version > STYLE_FORMAT_VERSION:
        raise ServiceError(
            "This style file was made by a newer Clerk. Update Clerk to read it.",
        )
    try:
        style = from_dict(MinuteStyle, data.get("style"), "style")
    except RecordError as exc:
        raise ServiceError(f"The style file cannot be used: {exc}.") from exc
    from clerk_app.services.rules import refuse, style_problems

    refuse(style_problems(style))
    return style


def read_style(path: str | Path) -> MinuteStyle:
    source = Path(path).expanduser()
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise ServiceError(f"The style file {source} could not be read ({exc.strerror}).") from exc
    except UnicodeDecodeError as exc:
        raise ServiceError(f"{source.name} is not a text file, so not a style file.") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ServiceError(
            f"{source.name} is not valid JSON (line {exc.lineno}, column {exc.colno})."
        ) from exc
    return parse_style(data)


def export_style(body: Body, path: str | Path) -> Path:
    return write_style(body.settings.style, path)


def import_style(services: Services, body: Body, path: str | Path) -> Body:
    """Give ``body`` the style in the file at ``path`` and save it (the body's own
    phrase overrides stay, laid over the style's wording)."""
    style = read_style(path)
    changed = copy.deepcopy(body)
    changed.settings.style = style
    return services.save_body(changed)


MODIFIED = " (modified)"


def own_copy(base: MinuteStyle, edited: MinuteStyle) -> MinuteStyle:
    """``edited`` as the body's own copy of ``base``: when any choice differs from
    ``base``, the copy takes the next version and is named as the clerk named it (“Fenwick
    house style”) or, if they did not, “<base name> (modified)”, so an exported file says
    it is no longer the shared style; otherwise ``base`` itself."""
    renamed = bool(edited.name.strip()) and edited.name != base.name
    unchanged = copy.deepcopy(edited)
    unchanged.name, unchanged.version = base.name, base.version
    if unchanged == base and not renamed:
        return copy.deepcopy(base)
    mine = copy.deepcopy(edited)
    if not renamed:
        mine.name = base.name if base.name.endswith(MODIFIED) else base.name + MODIFIED
    mine.version = base.version + 1
    return mine
