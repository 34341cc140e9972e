"""Small reusable input widgets: times and people's names."""

from clerk_app.gui.widgets.name_edit import PersonEdit
from clerk_app.gui.widgets.time_edit import TimeEdit, format_time

__all__ = ["PersonEdit", "TimeEdit", "format_time"]
