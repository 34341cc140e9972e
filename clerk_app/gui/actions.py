"""The keyboard map: every command of the window, its name, shortcut and menu.

One registry builds the QActions, the menus and the Help → Keyboard shortcuts list, so
they cannot disagree. Standard commands (undo, copy, find, quit …) use the platform's
own key sequences; Clerk's own commands use Ctrl+Shift+letter (then Ctrl+Alt+letter)
for "insert" and the function keys F7/F8 for the one-keystroke arrival and departure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

StdKey = QKeySequence.StandardKey

MENUS: list[tuple[str, str]] = [
    ("file", "&File"),
    ("edit", "&Edit"),
    ("meeting", "&Meeting"),
    ("attendance", "&Attendance"),
    ("item", "&Item"),
    ("insert", "I&nsert"),
    ("view", "&View"),
    ("review", "&Review"),
    ("help", "&Help"),
]


# where the platform defines no key for a standard command
FALLBACK: dict[QKeySequence.StandardKey, str] = {
    StdKey.Quit: "Ctrl+Q",
    StdKey.Find: "Ctrl+F",
    StdKey.FindNext: "F3",
    StdKey.Undo: "Ctrl+Z",
    StdKey.Redo: "Ctrl+Shift+Z",
}


@dataclass(frozen=True)
class ActionSpec:
    """One of the window's actions: its text, menu, shortcuts and tip."""

    id: str
    text: str
    menu: str
    keys: tuple[str | QKeySequence.StandardKey, ...] = ()
    tip: str = ""
    separator_before: bool = False
    role: QAction.MenuRole = QAction.MenuRole.NoRole
    checkable: bool = False
    widget_only: bool = False  # its keys act only in the widgets it is added to


@dataclass
class ActionEntry:
    """One line of the keyboard map (the ShortcutsDialog lists these)."""

    id: str
    text: str
    shortcut: QKeySequence
    menu: str
    alternates: list[QKeySequence] = field(default_factory=list)
    tip: str = ""


def _s(
    id_: str,
    text: str,
    menu: str,
    *keys: str | QKeySequence.StandardKey,
    tip: str = "",
    sep: bool = False,
    role: QAction.MenuRole = QAction.MenuRole.NoRole,
    checkable: bool = False,
    widget_only: bool = False,
) -> ActionSpec:
    return ActionSpec(id_, text, menu, tuple(keys), tip, sep, role, checkable, widget_only)


SPECS: list[ActionSpec] = [
    # File
    _s("new_meeting", "&New meeting…", "file", StdKey.New),
    _s("new_body", "New &committee or body…", "file", "Ctrl+Shift+B"),
    _s("start_page", "&Meetings…", "file", StdKey.Open, tip="Go back to the list of meetings"),
    _s("export", "&Export minutes…", "file", "Ctrl+E", sep=True),
    _s("export_item", "Export this &item…", "file", "Ctrl+Shift+E"),
    _s("export_public", "Export p&ublic minutes…", "file", "Ctrl+Shift+O"),
    _s("export_confidential", "Export c&onfidential (Part 2) minutes…", "file", "Ctrl+Shift+X"),
    _s("export_decisions", "Export &decision sheet…", "file", "Ctrl+Shift+G"),
    _s(
        "export_interim",
        "Export in&terim notes…",
        "file",
        "Ctrl+Alt+I",
        tip="Attendance, declarations, decisions and votes, published before the minutes",
    ),
    _s(
        "restore_backup",
        "&Restore a backup…",
        "file",
        "Ctrl+R",
        sep=True,
        tip="Put back the minutes as they were when one of Clerk's backups was taken",
    ),
    _s(
        "settings",
        "Body &settings…",
        "file",
        "Ctrl+,",
        sep=True,
        role=QAction.MenuRole.PreferencesRole,
    ),
    _s("quit", "&Quit", "file", StdKey.Quit, sep=True, role=QAction.MenuRole.QuitRole),
    # Edit
    _s("undo", "&Undo", "edit", StdKey.Undo),
    _s("redo", "&Redo", "edit", StdKey.Redo),
    _s("cut", "Cu&t", "edit", StdKey.Cut, sep=True),
    _s("copy", "&Copy", "edit", StdKey.Copy),
    _s("paste", "&Paste", "edit", StdKey.Paste),
    _s(
        "delete_block",
        "&Delete block",
        "edit",
        "Ctrl+Shift+Del",
        sep=True,
        tip="Delete the block the cursor is in (undo brings it back)",
    ),
    _s("move_block_up", "Move bloc&k up", "edit", "Ctrl+Shift+Up"),
    _s("move_block_down", "Move block do&wn", "edit", "Ctrl+Shift+Down"),
    _s("find", "&Find in meeting…", "edit", StdKey.Find, sep=True),
    _s("find_next", "Find ne&xt", "edit", StdKey.FindNext),
    # Meeting
    _s(
        "start_meeting",
        "&Start the meeting now",
        "meeting",
        "F5",
        tip="Fill in the start time with the clock; the cursor goes there to correct it",
    ),
    _s(
        "end_meeting",
        "&End the meeting now",
        "meeting",
        "Shift+F5",
        tip="Fill in the end time with the clock; the cursor goes there to correct it",
    ),
    _s("focus_public", "Members of the &public…", "meeting", "Ctrl+F5"),
    _s("focus_agenda", "Go to the &agenda", "meeting", "Ctrl+1", sep=True),
    _s("focus_item", "Go to the &minutes", "meeting", "Ctrl+2"),
    _s("focus_attendance", "Go to a&ttendance", "meeting", "Ctrl+3"),
    # Attendance: each acts on the person selected in the attendance list (Ctrl+3)
    _s(
        "record_arrival",
        "Selected person a&rrived now",
        "attendance",
        "F7",
        tip="Record that the person selected in Attendance arrived (or returned) now",
    ),
    _s(
        "record_departure",
        "Selected person &left now",
        "attendance",
        "F8",
        tip="Record that the person selected in Attendance left the meeting now",
    ),
    _s("record_left_room", "Selected person left the r&oom", "attendance", "Shift+F8"),
    _s("att_present", "&Present", "attendance", "Ctrl+F7", sep=True),
    _s("att_remote", "Present r&emotely", "attendance", "Ctrl+Shift+F7"),
    _s(
        "att_apologies",
        "&Apologies…",
        "attendance",
        "Ctrl+F8",
        tip="Record the selected person's apologies, with the reason given",
    ),
    _s("att_absent", "A&bsent (no apologies)", "attendance", "Ctrl+Shift+F8"),
    _s(
        "att_substitute",
        "&Substitute for…",
        "attendance",
        "Ctrl+F6",
        tip="The selected person attends as substitute for a member: choose whom",
    ),
    _s("att_officer", "Officer &in attendance", "attendance", "Ctrl+Shift+F6"),
    _s("att_other", "Also present (&guest)", "attendance", "Shift+F6"),
    _s("att_clear", "&Not recorded", "attendance", "Ctrl+Shift+F9"),
    _s(
        "attendance_menu",
        "Attendance &menu for the selected person",
        "attendance",
        "Shift+F10",
        "Menu",
        sep=True,
        tip="In the attendance list: the choices for the selected person",
        widget_only=True,
    ),
    # the meeting's sound: Ctrl+Alt letters and F11 (free on every platform's editors)
    _s(
        "record_meeting",
        "Re&cord the meeting",
        "meeting",
        "Ctrl+Alt+R",
        sep=True,
        tip="Start recording the meeting's sound (again to stop); Part 2 is never recorded",
    ),
    _s("record_pause", "Pause or resume &recording", "meeting", "Ctrl+Alt+P"),
    _s(
        "play_block",
        "Play the sound of this &block",
        "meeting",
        "F11",
        tip="Play the recording from a few seconds before this block was begun",
    ),
    _s("play_pause", "Play or pause the so&und", "meeting", "Shift+F11"),
    _s("play_back", "Sound bac&k 5 seconds", "meeting", "Ctrl+Alt+B"),
    _s("play_forward", "Sound &forward 5 seconds", "meeting", "Ctrl+Alt+F"),
    _s("play_faster", "P&lay faster", "meeting", "Ctrl+Alt+U"),
    _s("play_slower", "Play slo&wer", "meeting", "Ctrl+Alt+D"),
    _s("attach_recording", "Attac&h a recording of the meeting…", "meeting", "Ctrl+Alt+A"),
    _s(
        "line_up_recording",
        "Li&ne up the attached recording with this block…",
        "meeting",
        "Ctrl+Alt+L",
    ),
    _s(
        "recording_decide",
        "Delete or keep the rec&ording…",
        "meeting",
        "Ctrl+Alt+K",
        tip="After approval: delete the meeting's recording, or keep it with a reason",
    ),
    _s(
        "save_sound",
        "Save the Part &1 sound…",
        "meeting",
        "Ctrl+Alt+E",
        tip="Save the meeting's Part 1 sound as a WAV file, with Part 2 business cut out",
    ),
    _s(
        "recording_input",
        "Recording &input…",
        "meeting",
        "Ctrl+Alt+M",
        tip="Choose the microphone the meeting is recorded from",
    ),
    # Item
    _s("next_item", "&Next item", "item", "Ctrl+PgDown", "Alt+Down"),
    _s("prev_item", "&Previous item", "item", "Ctrl+PgUp", "Alt+Up"),
    _s(
        "take_item",
        "&Take this item now",
        "item",
        "Ctrl+T",
        sep=True,
        tip="Mark the item as taken; moves it here if it is taken out of order",
    ),
    _s("defer_item", "&Defer item", "item", "Ctrl+Shift+F"),
    _s("withdraw_item", "&Withdraw item", "item", "Ctrl+Shift+Y"),
    _s("next_block", "Ne&xt block", "item", "Alt+PgDown", sep=True),
    _s("prev_block", "Pre&vious block", "item", "Alt+PgUp"),
    _s(
        "last_block",
        "Go to the &end of the item",
        "item",
        "Alt+End",
        tip="The cursor into the item's last block: what you insert next goes after it",
    ),
    _s("item_up", "Move item &up the agenda", "item", "Ctrl+Shift+PgUp", sep=True),
    _s("item_down", "Move item d&own the agenda", "item", "Ctrl+Shift+PgDown"),
    _s("add_item", "&Add item…", "item", "Ctrl+Shift+I", sep=True),
    _s("delete_item", "Delete ite&m", "item", "Ctrl+Shift+Backspace"),
    # Insert
    _s("insert_paragraph", "&Paragraph", "insert", "Ctrl+Shift+P"),
    _s("insert_points", "Discussion p&oints", "insert", "Ctrl+Shift+L"),
    _s("insert_attendance", "&Attendance change", "insert", "Ctrl+Shift+T"),
    _s("insert_declaration", "&Declaration of interest", "insert", "Ctrl+Shift+D"),
    _s("insert_motion", "&Motion", "insert", "Ctrl+Shift+M", sep=True),
    _s("insert_amendment", "Ame&ndment", "insert", "Ctrl+Shift+A"),
    _s(
        "insert_vote",
        "Record the &vote",
        "insert",
        "Ctrl+Shift+R",
        tip="Go to the vote of the motion being minuted",
    ),
    _s(
        "insert_vote_later",
        "Vote on a motion moved ear&lier",
        "insert",
        "Ctrl+Alt+V",
        tip="The vote on a motion or amendment moved earlier in the item, taken after debate",
    ),
    _s("insert_action", "A&ction", "insert", "Ctrl+Shift+K", sep=True),
    _s("insert_note", "No&te", "insert", "Ctrl+Shift+N"),
    _s("insert_adjourned", "Ad&journed now", "insert", "Ctrl+Shift+J"),
    _s("insert_resumed", "R&esumed now", "insert", "Ctrl+Shift+U"),
    # the Ctrl+Shift letters are all taken: newer inserts use Ctrl+Alt+letter
    _s("insert_heading", "&Heading or lettered sub-item", "insert", "Ctrl+Alt+H", sep=True),
    _s(
        "insert_table",
        "Ta&ble (payments, balances …)",
        "insert",
        "Ctrl+Alt+G",
        tip="A table of rows and columns; paste the cells from a spreadsheet",
    ),
    _s(
        "insert_public_participation",
        "Public &speaking",
        "insert",
        "Ctrl+Alt+S",
        tip="Members of the public who spoke: who, in what capacity, for or against, what",
    ),
    _s(
        "insert_planning",
        "Plannin&g application",
        "insert",
        "Ctrl+Alt+N",
        tip="One planning application: proposal, speakers, decision, reasons and conditions",
    ),
    # View
    _s("toggle_agenda", "Show &agenda", "view", "F9", checkable=True),
    _s("toggle_attendance", "Show atte&ndance", "view", "Shift+F9", checkable=True),
    _s(
        "toggle_preview",
        "Show the &wording under each form",
        "view",
        "Ctrl+Shift+W",
        checkable=True,
    ),
    _s(
        "toggle_translations",
        "Show &translations",
        "view",
        "Ctrl+F9",
        checkable=True,
        tip="Bilingual minutes: the field for the second language under each typed field",
    ),
    # Review: the chair's review, approval, officers' drafts
    _s("review_export", "Export &review file for the chair…", "review", "F12"),
    _s("review_import", "&Import the chair's review file…", "review", "Shift+F12"),
    _s("review_responses", "Review re&sponses…", "review", "F4"),
    _s("review_word_export", "&Word review copy for the chair…", "review", "Ctrl+F12", sep=True),
    _s("review_word_import", "Import &comments from a Word copy…", "review", "Ctrl+Shift+F12"),
    _s(
        "review_open",
        "&Open a review file as the chair…",
        "review",
        "Shift+F4",
        sep=True,
        tip="Review minutes sent to you: approve, query or suggest wording",
    ),
    _s("approve_minutes", "&Approve previous minutes…", "review", "Ctrl+Shift+C", sep=True),
    _s(
        "record_correction",
        "R&ecord a correction to approved minutes…",
        "review",
        "Ctrl+Shift+S",
        tip="Change approved minutes: the change is kept in the audit trail with its reason",
    ),
    _s("audit", "Audit &trail…", "review", "Ctrl+Shift+H"),
    _s("officer_drafts", "Officers' &drafts…", "review", "F2", sep=True),
    _s(
        "action_log",
        "Action &log (public)…",
        "review",
        "Shift+F2",
        tip="Every action of the committee; actions of Part 2 (exempt) items are left out",
    ),
    _s(
        "action_log_confidential",
        "Action log, co&nfidential (with Part 2)…",
        "review",
        "Ctrl+Shift+F2",
        tip="Every action of the committee, those of Part 2 items marked “Part 2 – exempt”",
    ),
    # Help
    _s("shortcuts", "&Keyboard shortcuts", "help", "F1", "Ctrl+/"),
    _s("about", "&About Clerk", "help", "Shift+F1", role=QAction.MenuRole.AboutRole),
]


class ActionRegistry:
    """Creates one QAction per spec on ``owner`` and lays them out in menus."""

    def __init__(self, owner: QObject, specs: list[ActionSpec] | None = None) -> None:
        self._specs = list(specs or SPECS)
        self._actions: dict[str, QAction] = {}
        for spec in self._specs:
            act = QAction(spec.text, owner)
            act.setObjectName(f"action_{spec.id}")
            seqs: list[QKeySequence] = []
            for k in spec.keys:
                if isinstance(k, QKeySequence.StandardKey):
                    found = QKeySequence.keyBindings(k)
                    if not any(not s.isEmpty() for s in found) and k in FALLBACK:
                        found = [QKeySequence(FALLBACK[k])]  # no platform theme (offscreen)
                    seqs.extend(found)
                else:
                    seqs.append(QKeySequence(k))
            if seqs:
                act.setShortcuts(_expand(seqs))
            act.setShortcutContext(
                Qt.ShortcutContext.WidgetShortcut
                if spec.widget_only
                else Qt.ShortcutContext.WindowShortcut
            )
            act.setMenuRole(spec.role)
            act.setCheckable(spec.checkable)
            if spec.tip:
                act.setStatusTip(spec.tip)
                act.setToolTip(spec.tip)
            self._actions[spec.id] = act

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._actions

    def actions(self) -> dict[str, QAction]:
        return dict(self._actions)

    def entries(self) -> list[ActionEntry]:
        out: list[ActionEntry] = []
        for spec in self._specs:
            act = self._actions[spec.id]
            shortcuts = act.shortcuts()
            out.append(
                ActionEntry(
                    id=spec.id,
                    text=spec.text.replace("&", "").rstrip("…"),
                    shortcut=shortcuts[0] if shortcuts else QKeySequence(),
                    menu=dict(MENUS)[spec.menu].replace("&", ""),
                    alternates=list(shortcuts[1:]),
                    tip=spec.tip,
                )
            )
        return out

    def build_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        menus: dict[str, QMenu] = {}
        for key, title in MENUS:
            menu = bar.addMenu(title)
            menu.setObjectName(f"menu_{key}")
            menus[key] = menu
        for spec in self._specs:
            menu = menus[spec.menu]
            if spec.separator_before and not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(self._actions[spec.id])
        return menus

    def as_text(self) -> str:
        """The keyboard map as plain text (for the README and tests)."""
        lines: list[str] = []
        for e in self.entries():
            keys = [e.shortcut, *e.alternates]
            shown = " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            lines.append(f"{e.menu:8} {e.text:40} {shown}")
        return "\n".join(lines)


def _expand(seqs: list[QKeySequence]) -> list[QKeySequence]:
    """Standard keys can stand for several sequences on one platform; keep them all."""
    out: list[QKeySequence] = []
    for seq in seqs:
        if seq not in out and not seq.isEmpty():
            out.append(seq)
    return out
