"""A body's style of minutes: a named, versioned set of choices and phrases.

A style says how the minutes of a body read wherever it sits: how dates and times are
written, whether counts and vote counts are words, figures or both ("three (3)"), how a
vote is noted ("carried by five votes to one" or "Motion carried 5-1"), how a named vote
is laid out and ordered, how movers and voters are named, which lines open and close the
meeting, who signs, and whether the draft banner, the watermark and the initials footer
are printed. Its ``phrases`` replace the default wording (British English) key by key; a
body's own phrase overrides are laid over the style's.

A style is plain data (``to_dict``/``from_dict`` in :mod:`clerk_app.domain.serial`),
so a council can save it as a JSON file, change it and share it. The renderer reads
the choices; it never asks which country a body is in.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class DateStyle(StrEnum):
    DAY_MONTH_YEAR = "day_month_year"  # Tuesday 24 March 2020
    MONTH_DAY_YEAR = "month_day_year"  # Tuesday, March 24, 2020 / March 24, 2020
    ORDINAL = "ordinal"  # Tuesday 24th March, 2020
    LEGAL = "legal"  # the 24th day of March, 2020


class TimeStyle(StrEnum):
    DOT = "dot"  # 9.36 pm
    DOT_TIGHT = "dot_tight"  # 9.36pm
    COLON = "colon"  # 9:36 pm
    COLON_DOTTED = "colon_dotted"  # 9:36 p.m.
    COLON_CAPS = "colon_caps"  # 9:36 PM
    CLOCK_24H = "24h"  # 21:36


class VoteNotation(StrEnum):
    PROSE = "prose"  # carried by five votes to one, with two abstentions
    TALLY = "tally"  # figures through the "tally.*" phrases: 5-1-2, Ayes: 5, Nays: 1


class NamedVoteLayout(StrEnum):
    TABLE = "table"  # a table: For / Against / Abstained, names and counts
    INLINE = "inline"  # FOR Okoro, Lind; AGAINST Brandt
    ROLL_CALL = "roll_call"  # one line per member in roll order: Okoro – Aye


class NameOrder(StrEnum):
    ALPHABETICAL = "alphabetical"  # by surname, accents folded (Ó sorts with O)
    ROLL = "roll"  # the order of the body's members list


class ApologiesPlace(StrEnum):
    """Where the apologies received are printed."""

    BOTH = "both"  # in the attendance and again under the apologies item
    ATTENDANCE = "attendance"  # in the attendance alone ("Apologies: …")
    ITEM = "item"  # under the apologies item alone ("Apologies were received from …")


class Layout(StrEnum):
    """How the business of the meeting is laid out."""

    STANDARD = "standard"  # narrative minutes: the sentences of every block
    RESOLUTION_LOG = "resolution_log"  # one compact paragraph per motion: number, movers,
    # words, result and recorded vote ("R2026-014 J. Okoro, M. Lind: That … Carried.")
    ACTION_MINUTES = "action_minutes"  # decisions and an action table, little narrative


class ActionForm(StrEnum):
    """How an action line reads."""

    LABEL = "label"  # Action: MA – Bring the results to the next meeting
    OWNER_TO = "owner_to"  # MA to bring the results to the next meeting
    LABEL_OWNER_TO = "label_owner_to"  # Action: MA to bring the results to the next meeting


class AttendanceLayout(StrEnum):
    STANDARD = "standard"  # Present: names run on in one paragraph, then the others
    SEDERUNT = "sederunt"  # a sederunt: a heading, then one name a line under each group
    TABLE = "table"  # boards: a table of name, role, initials and part-meeting marks


class Bilingual(StrEnum):
    """Whether the minutes are printed in a second language, and how."""

    NONE = "none"  # one language
    COLUMNS = "columns"  # a two-column table per section or item: first | second language
    WHOLE = "whole"  # the whole minutes in the first language, then in the second
    PER_ITEM = "per_item"  # each section or item in the first language, then the second
    LABELS = "labels"  # the minutes in the first language; headings and labels in both
    # ("Present / I láthair:"), from the label phrases the second language's file has


# Body texts a style may give in its second language (the body's own are the first's).
SECOND_SETTINGS = (
    "name",
    "authority",
    "chair_title",
    "vice_chair_title",
    "lead_in",
    "member_title",
    "member_title_short",
)


class ResolutionScope(StrEnum):
    """Which motions take a resolution number (where the body has a pattern)."""

    SUBSTANTIVE = "substantive"  # carried (or adopted) substantive motions
    DECIDED = "decided"  # every carried motion, procedural ones too
    EVERY_MOTION = "every_motion"  # every motion put to the vote, carried or lost


# Naming choices for movers and voters beyond the body's own naming style.
NAMING_CHOICES = (
    "",  # as the body names members
    "councillor_full",
    "councillor_surname",
    "cllr_initial",
    "cllr_surname",
    "honorific",
    "full_name",
    "initials",
    "initial_surname",  # J. Okoro
    "surname",  # Okoro
    "title_surname",  # Councilor Okoro, with the style's member title
)


@dataclass
class MinuteStyle:
    """The choices and wording of one style (see the module notes)."""

    name: str = "English principal council"
    version: int = 1
    locale: str = "en-GB"  # month and day names; other languages come from CLDR (Babel)
    description: str = ""
    date_style: DateStyle = DateStyle.DAY_MONTH_YEAR
    header_weekday: bool = True  # the weekday in the meeting's date in the header
    time_style: TimeStyle = TimeStyle.DOT
    votes_in_words: bool = True  # "five votes to one" (else "5 votes to 1")
    counts_in_words: bool = True  # "Three members of the public" (else "3")
    # a count in words followed by its figure, "three (3) members of the public", "by
    # five (5) votes to one (1)": for the counts and votes the two choices above put in
    # words
    words_with_figures: bool = False
    vote_notation: VoteNotation = VoteNotation.PROSE
    named_vote_layout: NamedVoteLayout = NamedVoteLayout.TABLE
    named_vote_order: NameOrder = NameOrder.ALPHABETICAL
    chair_first: bool = False  # the chair first in named votes
    empty_vote_rows: bool = True  # For/Against/Abstained rows shown even when empty
    member_title: str = "Councillor"  # Councilor, Alderperson, Commissioner, Cr …
    member_title_short: str = "Cllr"
    chair_title_before: bool = False  # "Mayor Jane Okoro" rather than "… (Mayor)"
    attendance_naming: str = ""  # one of NAMING_CHOICES; "" = the body's naming style
    mover_naming: str = ""
    vote_naming: str = ""
    # officers in attendance by surname, or as listed in the body's people (seniority)
    officer_order: NameOrder = NameOrder.ALPHABETICAL
    apologies_place: ApologiesPlace = ApologiesPlace.BOTH
    # "Action: MA – Bring …" or "MA to bring …"; in the "to" forms a member or officer
    # is named by initials where the attendance is a table giving them
    action_form: ActionForm = ActionForm.LABEL
    remote_section: bool = False  # those present remotely under a heading of their own
    item_titles_upper: bool = True
    draft_banner: bool = True
    watermark: bool = True
    initials_footer: bool = True
    signatories: list[str] = field(default_factory=list)  # titles; [] = the chair alone
    layout: Layout = Layout.STANDARD
    attendance_layout: AttendanceLayout = AttendanceLayout.STANDARD
    resolution_scope: ResolutionScope = ResolutionScope.SUBSTANTIVE
    log_naming: str = "initial_surname"  # movers in the resolution log (NAMING_CHOICES)
    phrases: dict[str, str] = field(default_factory=dict)
    # bilingual minutes: ``locale`` is the first language (the left column), these the
    # second; labels and sentences come from each language's phrases, typed text is
    # printed as typed in both
    bilingual: Bilingual = Bilingual.NONE
    second_locale: str = ""  # "en-GB" beside Welsh, say
    second_phrases: dict[str, str] = field(default_factory=dict)
    second_settings: dict[str, str] = field(default_factory=dict)  # SECOND_SETTINGS keys
    # ``labels`` minutes: the second language's label first ("I láthair / Present:"),
    # and the decision keywords (DECISION, NOTED, AGREED) paired too
    labels_second_first: bool = False
    label_keywords: bool = False


STYLE_FORMAT = "clerk-style"  # the "format" of a style file
STYLE_FORMAT_VERSION = 1
