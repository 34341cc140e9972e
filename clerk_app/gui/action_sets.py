"""Which actions need an open meeting, which change the record, and which the meeting
screen carries out (by the name of its method and what it is given): tables the main
window wires its menus from.
"""

from __future__ import annotations

from typing import Any

from clerk_app.domain.model import AttendanceStatus, ChangeKind, ItemStatus

INSERT_ACTIONS = {
    "insert_paragraph": "paragraph",
    "insert_points": "points",
    "insert_attendance": "attendance",
    "insert_declaration": "declaration",
    "insert_motion": "motion",
    "insert_amendment": "amendment",
    "insert_action": "action",
    "insert_note": "note",
    "insert_adjourned": "adjourned",
    "insert_resumed": "resumed",
    "insert_heading": "heading",
    "insert_vote_later": "vote_later",
    **{f"insert_{kind}": kind for kind in ("table", "public_participation", "planning")},
}
ATTENDANCE_ACTIONS = {
    "att_present": AttendanceStatus.PRESENT,
    "att_remote": AttendanceStatus.REMOTE,
    "att_apologies": AttendanceStatus.APOLOGIES,
    "att_absent": AttendanceStatus.ABSENT,
    "att_substitute": AttendanceStatus.SUBSTITUTE,
    "att_officer": AttendanceStatus.OFFICER,
    "att_other": AttendanceStatus.OTHER,
    "att_clear": None,
}
# actions that need an open meeting
MEETING_ACTIONS = {
    *INSERT_ACTIONS,
    "export",
    "export_item",
    "export_public",
    "export_confidential",
    "export_decisions",
    "settings",
    "undo",
    "redo",
    "delete_block",
    "move_block_up",
    "move_block_down",
    "find",
    "find_next",
    "start_meeting",
    "end_meeting",
    "focus_agenda",
    "focus_item",
    "focus_attendance",
    "record_arrival",
    "record_departure",
    "record_left_room",
    "next_item",
    "prev_item",
    "take_item",
    "defer_item",
    "withdraw_item",
    "item_up",
    "item_down",
    "add_item",
    "delete_item",
    "insert_vote",
    "focus_public",
    "next_block",
    "prev_block",
    "last_block",
    *ATTENDANCE_ACTIONS,
    "attendance_menu",
    "toggle_agenda",
    "toggle_attendance",
    "toggle_preview",
    "toggle_translations",
}


# actions that change the record: off for approved (locked) minutes
CHANGING_ACTIONS = {
    *INSERT_ACTIONS,
    "delete_block",
    "move_block_up",
    "move_block_down",
    "start_meeting",
    "end_meeting",
    "record_arrival",
    "record_departure",
    "record_left_room",
    "take_item",
    "defer_item",
    "withdraw_item",
    "item_up",
    "item_down",
    "add_item",
    "delete_item",
    "insert_vote",
    *ATTENDANCE_ACTIONS,
}


# actions the meeting screen carries out: its method and what it is given
SCREEN_ROUTES: dict[str, tuple[Any, ...]] = {
    "delete_block": ("delete_current_block",),
    "move_block_up": ("move_current_block", -1),
    "move_block_down": ("move_current_block", 1),
    "find": ("show_find",),
    "find_next": ("find_next",),
    "start_meeting": ("start_meeting",),
    "end_meeting": ("end_meeting",),
    "focus_agenda": ("focus_agenda",),
    "focus_item": ("focus_item",),
    "focus_attendance": ("focus_attendance",),
    "record_arrival": ("record_change", ChangeKind.ARRIVED),
    "record_departure": ("record_change", ChangeKind.LEFT),
    "record_left_room": ("record_change", ChangeKind.LEFT_ROOM),
    "focus_public": ("focus_public",),
    **{action_id: ("set_attendance", status) for action_id, status in ATTENDANCE_ACTIONS.items()},
    "attendance_menu": ("attendance_menu",),
    "next_block": ("go_block", 1),
    "prev_block": ("go_block", -1),
    "last_block": ("focus_item",),
    "next_item": ("go_item", 1),
    "prev_item": ("go_item", -1),
    "take_item": ("take_item",),
    "defer_item": ("set_status", ItemStatus.DEFERRED),
    "withdraw_item": ("set_status", ItemStatus.WITHDRAWN),
    "insert_vote": ("focus_vote",),
    **{action_id: ("insert", kind) for action_id, kind in INSERT_ACTIONS.items()},
}
