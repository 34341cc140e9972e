"""How an action line reads, in the style's form.

Councils write "Action: Clerk – Send the letter to the county (by 1 May 2026)"; schools,
NHS and charity boards write "MA to bring the revised policy to the next meeting" (or
"Action: MA to bring …"), with the owner's initials where the attendance table gives
them and the action's opening verb in lower case after "to".
"""

from __future__ import annotations

from clerk_app.domain.model import Action, NamingStyle, PersonKind
from clerk_app.domain.naming import full_name, initials_of
from clerk_app.domain.render import RenderContext, clean
from clerk_app.domain.style import ActionForm, AttendanceLayout

# the verbs an action usually opens with: lowered after "MA to …" ("MA to bring …");
# any other first word (a name, "Ofsted", "PTA") is left as typed
VERBS = frozenset(
    [
        "add",
        "agree",
        "amend",
        "arrange",
        "ask",
        "attend",
        "book",
        "bring",
        "chase",
        "check",
        "circulate",
        "clarify",
        "collate",
        "compile",
        "complete",
        "confirm",
        "consider",
        "contact",
        "co-ordinate",
        "coordinate",
        "create",
        "discuss",
        "distribute",
        "draft",
        "email",
        "e-mail",
        "ensure",
        "escalate",
        "explore",
        "feed",
        "file",
        "finalise",
        "find",
        "follow",
        "forward",
        "give",
        "identify",
        "include",
        "inform",
        "investigate",
        "invite",
        "liaise",
        "look",
        "make",
        "meet",
        "monitor",
        "notify",
        "obtain",
        "order",
        "organise",
        "plan",
        "post",
        "prepare",
        "present",
        "produce",
        "progress",
        "provide",
        "publish",
        "put",
        "raise",
        "read",
        "recruit",
        "refer",
        "remind",
        "renew",
        "report",
        "request",
        "research",
        "respond",
        "return",
        "review",
        "revise",
        "schedule",
        "seek",
        "send",
        "set",
        "share",
        "source",
        "speak",
        "submit",
        "take",
        "update",
        "upload",
        "visit",
        "write",
    ]
)


def lowered(text: str) -> str:
    """ "Bring the results …" -> "bring the results …" when the first word is a verb."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if first[:1].isupper() and first[1:].islower() and first.casefold() in VERBS:
        return first.casefold() + text[len(first) :]
    return text


def action_owner(b: Action, ctx: RenderContext) -> str:
    """The owner as typed, or the member or officer chosen (or typed by their full
    name): by initials in the "to" forms where the style's attendance table (or the
    body's naming) gives everyone their initials."""
    typed = clean(b.owner)
    person = ctx.person(b.owner_id) if not typed else None
    if typed:
        person = next(
            (p for p in ctx.body.people if full_name(p).casefold() == typed.casefold()), None
        )
    style = ctx.body.settings.style
    by_initials = style.attendance_layout is AttendanceLayout.TABLE or (
        ctx.body.settings.naming is NamingStyle.INITIALS
    )
    if (
        person is not None
        and style.action_form is not ActionForm.LABEL
        and by_initials
        and person.kind in (PersonKind.MEMBER, PersonKind.OFFICER)
    ):
        return initials_of(person) or typed or ctx.name(b.owner_id)
    return typed or (ctx.name(b.owner_id) if b.owner_id else "")


def action_line(b: Action, ctx: RenderContext) -> str:
    ph = ctx.phrases
    owner = action_owner(b, ctx)
    text = clean(b.text)
    due = ctx.date(b.due, weekday=False) if b.due else ""
    form = ctx.body.settings.style.action_form
    if owner and form is not ActionForm.LABEL:
        key = f"action.{form.value}"
        text = lowered(text)
    else:
        key = "action.with_owner" if owner else "action.plain"
    key += "_due" if due else ""
    return ph.format(key, owner=owner, text=text, due=due).strip().rstrip("–-").strip()
