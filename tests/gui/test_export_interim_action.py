"""The File menu's interim notes entry exports the INTERIM version."""

from __future__ import annotations

from clerk_app.domain.document import Version
from clerk_app.gui.actions import SPECS


def test_interim_entry_has_its_own_shortcut() -> None:
    spec = next(s for s in SPECS if s.id == "export_interim")
    assert spec.menu == "file" and spec.keys == ("Ctrl+Alt+I",)
    others = [str(k) for s in SPECS if s.id != "export_interim" for k in s.keys]
    assert "Ctrl+Alt+I" not in others
    assert Version("interim") is Version.INTERIM


def test_the_menu_entry_exports_interim_notes(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import clerk_app.gui.dialogs as dialogs

    seen: list[Version] = []
    monkeypatch.setattr(
        dialogs, "export_with_dialog", lambda _w, _s, _m, version, *_a: seen.append(version)
    )
    window.registry["export_interim"].trigger()
    assert seen == [Version.INTERIM]
