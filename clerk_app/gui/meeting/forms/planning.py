"""The form of a planning application: what it is, who spoke, and the decision with
its reasons and conditions (a committee deciding, or a council responding)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from clerk_app.domain.model import WITH_CONDITIONS, Block, PlanningApplication, PlanningDecision
from clerk_app.gui.meeting.forms.base import BlockForm, set_combo, set_text
from clerk_app.gui.meeting.forms.speakers import SpeakerList
from clerk_app.gui.meeting.session import MeetingSession

DECISIONS = [
    ("Not yet decided", PlanningDecision.PENDING),
    ("Approve (grant permission)", PlanningDecision.APPROVE),
    ("Refuse", PlanningDecision.REFUSE),
    ("Minded to approve", PlanningDecision.MINDED_TO_APPROVE),
    ("Minded to refuse", PlanningDecision.MINDED_TO_REFUSE),
    ("Defer", PlanningDecision.DEFER),
    ("Defer for a site visit", PlanningDecision.SITE_VISIT),
    ("No objection (consultee)", PlanningDecision.NO_OBJECTION),
    ("Objection (consultee)", PlanningDecision.OBJECTION),
    ("Observations (consultee)", PlanningDecision.OBSERVATIONS),
]


class PlanningForm(BlockForm):
    TITLE = "Planning application"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.reference = self.line("&Reference:", "reference", "26/00412/FUL")
        self.site = self.line("Si&te address:", "site", "Land west of Mill Lane, Brackenford")
        self.applicant = self.line("Appli&cant:", "applicant", "Mr and Mrs Okafor")
        self.agent = self.line("A&gent:", "agent", "Fenbridge Planning Ltd")
        self.proposal = self.text("&Proposal:", "proposal", "Two-storey rear extension")
        self.recommendation = self.line(
            "Officer’s rec&ommendation:", "recommendation", "Approve subject to conditions"
        )
        self.speakers = SpeakerList(self, "Ne&w speaker")
        label = QLabel("Spea&kers:")
        label.setBuddy(self.speakers)
        self.form.addRow(label, self.speakers)
        self.field_widgets["speakers"] = self.speakers
        self.decision = self.combo("&Decision:", DECISIONS)
        self.decision.currentIndexChanged.connect(self._enable)
        self.reasons = self.text(
            "Reason&s or comments:", "reasons", "One reason per line gives a numbered list"
        )
        self.conditions = self.text(
            "Conditions (one per &line):", "conditions", "The development shall begin within …"
        )
        self.reload()

    def _enable(self) -> None:
        decision = self.decision.currentData()
        has = bool(self.conditions.toPlainText().strip())
        self.conditions.setEnabled(has or decision in WITH_CONDITIONS | {PlanningDecision.PENDING})

    def load(self, block: Block) -> None:
        assert isinstance(block, PlanningApplication)
        for name in ("reference", "site", "applicant", "agent", "proposal", "recommendation"):
            set_text(getattr(self, name), getattr(block, name))
        self.speakers.load(block.speakers)
        set_combo(self.decision, block.decision)
        set_text(self.reasons, block.reasons)
        set_text(self.conditions, "\n".join(block.conditions))
        self._enable()

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, PlanningApplication)
        for name in ("reference", "site", "applicant", "agent", "recommendation"):
            setattr(block, name, getattr(self, name).text())
        block.proposal = self.proposal.toPlainText()
        block.speakers = self.speakers.value()
        block.decision = PlanningDecision(self.decision.currentData())
        block.reasons = self.reasons.toPlainText()
        block.conditions = [c.strip() for c in self.conditions.toPlainText().splitlines()]
        block.conditions = [c for c in block.conditions if c]

    def first_field(self) -> QWidget:
        return self.reference
