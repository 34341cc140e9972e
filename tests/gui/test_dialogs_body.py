# ruff: noqa: F401, F811  (pytest fixtures imported from fixtures_shell)
"""New body dialog: preset, members pasted as a list, officers; saved through the services."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from clerk_app.domain.model import BodyKind, PersonKind, Role
from clerk_app.domain.presets import preset_settings
from clerk_app.gui.dialogs import NewBodyDialog
from clerk_app.gui.dialogs.people import parse_member_line, parse_officer_line
from clerk_app.services import Services
from tests.gui.fixtures_shell import db_path, reopen, services, shot, store

PASTED = """Cllr Mrs Siân Øvergaard (Chair)
Councillor Dr Ravi Patel – Vice-Chair
  Tom Ashworth
3. Ms Grace Ndlovu

Canon Peter O'Neill (co-opted)
"""


def test_parse_member_lines() -> None:
    p = parse_member_line("Cllr Mrs Siân Øvergaard (Chair)")
    assert p is not None
    assert (p.honorific, p.first_name, p.last_name, p.role) == (
        "Mrs",
        "Siân",
        "Øvergaard",
        Role.CHAIR,
    )
    p = parse_member_line("Jane\tSmith\tMrs\tVice-chair")
    assert p is not None and (p.first_name, p.last_name, p.role) == (
        "Jane",
        "Smith",
        Role.VICE_CHAIR,
    )
    p = parse_member_line("Cllr Patel")
    assert p is not None and (p.first_name, p.last_name) == ("", "Patel")
    assert parse_member_line("   ") is None
    o = parse_officer_line("Alex Morgan, Democratic Services Officer")
    assert o is not None
    assert (o.first_name, o.last_name, o.post, o.kind) == (
        "Alex",
        "Morgan",
        "Democratic Services Officer",
        PersonKind.OFFICER,
    )


def test_new_body_saves_preset_members_and_officers(
    qtbot,
    services: Services,
    db_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    dialog = NewBodyDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()  # no name yet
    assert not dialog.name_message.isVisible()  # nothing typed yet: no red message
    qtbot.keyClicks(dialog.name_edit, "Planning Committee")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.authority_edit, "Harrowfield Borough Council")
    dialog.set_kind(BodyKind.PLANNING)
    assert preset_settings(BodyKind.PLANNING).chair_title in dialog.preset_summary.text()
    assert dialog.members.add_from_text(PASTED) == 5
    assert dialog.officers.add_from_text("Alex Morgan, Democratic Services Officer\n") == 1
    # the voting box of the co-opted member is cleared by hand
    dialog.members.table.item(4, 4).setCheckState(Qt.CheckState.Unchecked)
    shot(dialog, "new-body")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.body is not None

    with reopen(db_path) as again:
        saved = again.get_body(dialog.body.id)
    assert saved.name == "Planning Committee"
    assert saved.kind is BodyKind.PLANNING
    assert saved.authority == "Harrowfield Borough Council"
    assert saved.settings == preset_settings(BodyKind.PLANNING)
    members = [p for p in saved.people if p.kind is PersonKind.MEMBER]
    assert [(p.first_name, p.last_name) for p in members] == [
        ("Siân", "Øvergaard"),
        ("Ravi", "Patel"),
        ("Tom", "Ashworth"),
        ("Grace", "Ndlovu"),
        ("Peter", "O'Neill"),
    ]
    assert [p.role for p in members][:3] == [Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER]
    assert members[4].role is Role.CO_OPTED and members[4].voting is False
    assert members[0].honorific == "Mrs"
    officers = [p for p in saved.people if p.kind is PersonKind.OFFICER]
    assert [(p.last_name, p.post) for p in officers] == [("Morgan", "Democratic Services Officer")]


def test_new_body_without_a_name_is_not_saved(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = NewBodyDialog(services)
    qtbot.addWidget(dialog)
    dialog.members.add_from_text("Tom Ashworth")
    qtbot.keyClicks(dialog.name_edit, "   ")
    dialog.accept()
    assert dialog.body is None
    assert services.list_bodies() == []
    assert "name" in dialog.name_message.text()
    # what was typed is still there
    assert dialog.members.people()[0].last_name == "Ashworth"


def test_a_refused_save_keeps_the_typing_and_never_creates_two_bodies(
    qtbot, services: Services, db_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.services import ServiceError

    dialog = NewBodyDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Licensing Committee")
    dialog.members.add_from_text("Tom Ashworth\nGrace Ndlovu")
    real_save = services.save_body
    calls = {"n": 0}

    def refuse_once(body):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise ServiceError("The quorum must be at least 1.", field="quorum")
        return real_save(body)

    monkeypatch.setattr(services, "save_body", refuse_once)
    dialog.accept()
    assert dialog.body is None
    assert "quorum" in dialog.message.text()
    assert len(dialog.members.people()) == 2  # nothing typed is lost
    dialog.set_kind(BodyKind.CABINET)
    dialog.accept()
    assert dialog.body is not None
    with reopen(db_path) as again:
        bodies = again.list_bodies()
    assert [b.name for b in bodies] == ["Licensing Committee"]
    assert bodies[0].kind is BodyKind.CABINET
    assert bodies[0].settings == preset_settings(BodyKind.CABINET)
    assert len(bodies[0].people) == 2


def test_ctrl_v_pastes_a_list_of_names_into_the_members_table(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    dialog = NewBodyDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    QGuiApplication.clipboard().setText("Cllr Siân Øvergaard\nDr Ravi Patel (Vice-Chair)\n")
    dialog.members.table.setFocus()
    qtbot.keyClick(dialog.members.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    people = dialog.members.people()
    assert [(p.first_name, p.last_name, p.role) for p in people] == [
        ("Siân", "Øvergaard", Role.MEMBER),
        ("Ravi", "Patel", Role.VICE_CHAIR),
    ]
    assert dialog.members.count_label.text() == "2 members"


def test_titles_and_post_nominals_read_from_typed_names() -> None:
    p = parse_member_line("Borough Councillor Ann Lowe MSP")
    assert p is not None
    assert (p.title, p.first_name, p.last_name, p.post_nominals) == (
        "Borough Councillor",
        "Ann",
        "Lowe",
        "MSP",
    )
    o = parse_officer_line("PCSO Dean Carter OBE, Neighbourhood Policing")
    assert o is not None
    assert (o.title, o.first_name, o.last_name, o.post_nominals, o.post) == (
        "PCSO",
        "Dean",
        "Carter",
        "OBE",
        "Neighbourhood Policing",
    )
    tabbed = parse_member_line("Ian\tMoss MBE\tPCSO\tMember")
    assert tabbed is not None
    assert (tabbed.title, tabbed.last_name, tabbed.post_nominals) == ("PCSO", "Moss", "MBE")
