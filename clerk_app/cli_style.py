"""``clerk-app style list|export|import``: share a body's style of minutes as a file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.domain.model import Body
from clerk_app.services.errors import ServiceError

if TYPE_CHECKING:
    from clerk_app.services import Services


def find_body(svc: Services, text: str) -> Body:
    """The body named ``text`` (its name, whole or its beginning, or its id)."""
    wanted = text.strip().casefold()
    bodies = svc.list_bodies()
    exact = [b for b in bodies if b.id == text or b.name.casefold() == wanted]
    found = exact or [
        b for b in bodies if b.id.startswith(text) or b.name.casefold().startswith(wanted)
    ]
    if not found:
        raise ServiceError(f"There is no body called “{text}”. `clerk-app style list` lists them.")
    if len(found) > 1:
        names = ", ".join(b.name for b in found)
        raise ServiceError(f"“{text}” could be any of: {names}. Give more of the name.")
    return found[0]


def run_style(args: argparse.Namespace, svc: Services) -> int:
    from clerk_app.domain.presets import style_presets
    from clerk_app.services.styles import export_style, import_style

    if args.style_command == "list":
        for body in svc.list_bodies():
            st = body.settings.style
            print(f"{body.name}: {st.name} (version {st.version})")
        print("Clerk's own styles (use the id with `style import`):")
        for style_id, label, _kind in style_presets():
            print(f"  {style_id}: {label}")
        return 0
    body = find_body(svc, args.body)
    if args.style_command == "export":
        path = export_style(body, args.file)
        print(f"Saved the style “{body.settings.style.name}” of {body.name} to {path}.")
        return 0
    source = Path(args.file)
    if not source.exists() and args.file in {sid for sid, _l, _k in style_presets()}:
        from clerk_app.domain.presets import shipped_style
        from clerk_app.services.styles import parse_style

        # a shipped style file holds suggested settings too: only its style is imported
        style = parse_style(shipped_style(args.file))
        body.settings.style = style
        svc.save_body(body)
    else:
        body = import_style(svc, body, source)
    print(f"{body.name} now writes its minutes in the style “{body.settings.style.name}”.")
    return 0
