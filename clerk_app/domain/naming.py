"""How people are named in the minutes, and finding a person from a few typed letters.

``display_name`` applies the body's :class:`NamingStyle` to members (and to other
councillors who attend); officers and guests are named by their own name, and by post in
lists (``officer_line``). ``match`` is the completion used while the clerk types a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from clerk_app.domain.model import BodySettings, NamingStyle, Person, PersonKind, Role

# Honorifics kept before a surname ("Mrs Smith", "Dr Quayle").
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady",
     "lord", "rev", "revd", "reverend", "canon"}
)  # fmt: skip
# Titles that are not social honorifics: kept before the name in every naming style
# ("Councillor Dr Jane Hall", "Cllr Prof Hall", "Dr Jane Hall").
KEPT_TITLES = frozenset(
    {"dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev", "revd", "reverend",
     "canon", "the rev", "the revd", "the reverend", "rt hon", "the rt hon", "hon", "the hon"}
)  # fmt: skip
# Titles that stand before a name in place of an honorific, as typed in a list of people.
PERSON_TITLES = (
    "borough councillor", "county councillor", "district councillor", "town councillor",
    "parish councillor", "city councillor", "honorary alderman", "alderman", "pcso",
    "chief inspector", "inspector", "sergeant", "sgt", "pc",
)  # fmt: skip
# Letters after a name: offices and honours ("Ruth Baird MSP", "Sam Hall OBE").
POST_NOMINALS = frozenset(
    {"mp", "msp", "ms", "mla", "mep", "obe", "mbe", "cbe", "bem", "jp", "dl", "kc", "qc"}
)


def split_titles(words: list[str]) -> tuple[str, list[str], str]:
    """A typed name's own title, its words, and its post-nominals:
    "PCSO Dean Carter" -> ("PCSO", ["Dean", "Carter"], ""); "Ruth Baird MSP" ->
    ("", ["Ruth", "Baird"], "MSP"). A name is never left without a word."""
    title = ""
    lowered = [w.casefold() for w in words]
    for t in PERSON_TITLES:
        n = len(t.split())
        if len(words) > n and " ".join(lowered[:n]).rstrip(".") == t:
            title, words = " ".join(words[:n]), words[n:]
            break
    nominals: list[str] = []
    while len(words) > 1 and words[-1].strip(",").casefold() in POST_NOMINALS:
        nominals.insert(0, words.pop().strip(","))
    return title, words, " ".join(nominals)


# Titles said with the first name, never with the surname alone ("Sir John Hall").
_FIRST_NAME_TITLES = frozenset({"sir", "dame"})
# Words a clerk may type before a name; ignored when matching.
TITLE_WORDS = HONORIFICS | {
    "cllr", "cllrs", "councillor", "councillors", "coun", "cr", "the", "alderman",
    "councilor", "councilmember", "alderperson", "commissioner", "mayor", "reeve",
}  # fmt: skip

_COUNCILLOR_STYLES = frozenset(
    {
        NamingStyle.COUNCILLOR_FULL,
        NamingStyle.COUNCILLOR_SURNAME,
        NamingStyle.CLLR_INITIAL,
        NamingStyle.CLLR_SURNAME,
        NamingStyle.CLLR_HONORIFIC,
        NamingStyle.CLLR_DOT_INITIAL,
        NamingStyle.CLLR_DOT_SURNAME,
    }
)
_DOT_STYLES = frozenset({NamingStyle.CLLR_DOT_INITIAL, NamingStyle.CLLR_DOT_SURNAME})


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _join(*parts: str) -> str:
    return " ".join(p for p in (_clean(x) for x in parts) if p)


def initials_of(person: Person) -> str:
    """The person's initials: the stored override, else first letters of their names."""
    if _clean(person.initials):
        return _clean(person.initials).replace(" ", "")
    letters = [
        w[0].upper()
        for w in re.split(r"[\s\-]+", _join(person.first_name, person.last_name))
        if w and w[0].isalpha()
    ]
    return "".join(letters)


def full_name(person: Person) -> str:
    """First name and surname ("Jane Smith"); the honorific and surname if that is all."""
    name = _join(person.first_name, person.last_name)
    return name or _clean(person.honorific)


def _is_councillor(person: Person) -> bool:
    if person.kind is PersonKind.MEMBER:
        return True
    if person.kind is PersonKind.OTHER:
        post = (person.post + " " + person.title).casefold()
        return "councillor" in post or "cllr" in post
    return False


def _titles(person: Person, settings: BodySettings) -> tuple[str, str]:
    """The title and short title before a member's name: the style's member title
    ("Councillor", "Cllr"), or the chair's own title ("Mayor") where the style puts it
    before the chair's name."""
    style = settings.style
    long, short = _clean(style.member_title), _clean(style.member_title_short)
    if style.chair_title_before and person.kind is PersonKind.MEMBER:
        if person.role is Role.CHAIR and _clean(settings.chair_title):
            return _clean(settings.chair_title), _clean(settings.chair_title)
        if person.role is Role.VICE_CHAIR and _clean(settings.vice_chair_title):
            return _clean(settings.vice_chair_title), _clean(settings.vice_chair_title)
    return long, short


def _kept_title(honorific: str) -> bool:
    return honorific.casefold().rstrip(".") in KEPT_TITLES


def _first_initials(first: str, dot: bool) -> str:
    """Every first-name initial: "Jane Anne" -> "J A" (or "J. A." with ``dot``)."""
    letters = [w[0].upper() for w in re.split(r"[\s\-]+", first) if w and w[0].isalpha()]
    return " ".join(x + "." if dot else x for x in letters)


def _dotted(short: str) -> str:
    return short if not short or short.endswith(".") else short + "."


def display_name(person: Person, settings: BodySettings, naming: str = "") -> str:
    """The person's name as written in the minutes under the body's naming style (or
    ``naming``, a style's choice for movers or voters).

    For Jane Anne Smith (honorific "Mrs"): Councillor Jane Anne Smith / Councillor Mrs
    Smith / Cllr Mrs J A Smith / Cllr Smith / Cllr Mrs Smith / Cllr. Mrs J. A. Smith /
    Cllr. Smith / Mrs Smith / Jane Anne Smith / JAS / J. A. Smith / Smith. "Mr" is left
    out after "Councillor" and "Cllr", as councils do ("Councillor Pryce"). The title
    ("Councillor", "Cllr") is the body's style's member title, or the person's own title
    ("Borough Councillor", "PCSO") where they have one. Titles that are not social
    honorifics ("Dr", "Professor", "Sir") and post-nominals ("MSP") are kept in every
    style but initials. Officers and guests who are not councillors are named by their
    own name (with their honorific, if any) in the councillor styles. A person with no
    name at all gives "".
    """
    style = NamingStyle(naming) if naming else settings.naming
    first, last, hon = _clean(person.first_name), _clean(person.last_name), _clean(person.honorific)
    own_title, nominals = _clean(person.title), _clean(person.post_nominals)
    if not (first or last):
        return _join(own_title, hon, nominals)
    if style is NamingStyle.INITIALS:
        return initials_of(person) or full_name(person)
    name = _base_name(person, settings, style, first, last, hon)
    if own_title and not name.startswith(own_title):
        name = _join(own_title, name)
    return _join(name, nominals)


def _base_name(
    person: Person, settings: BodySettings, style: NamingStyle, first: str, last: str, hon: str
) -> str:
    surname = last or first
    kept = hon if _kept_title(hon) else ""
    with_first = hon.casefold().rstrip(".") in _FIRST_NAME_TITLES
    if person.kind is not PersonKind.MEMBER and not _is_councillor(person):
        if style in _COUNCILLOR_STYLES:
            # officers and guests keep their honorific: "Mrs Jane Smith", "Dr Sam Hall"
            return _join(hon, first, last)
        if style is NamingStyle.TITLE_SURNAME:
            return _join(hon, surname) if hon else full_name(person)
    if _clean(person.title):
        title, short = _clean(person.title), _clean(person.title)
    else:
        title, short = _titles(person, settings)
    social = "" if hon.casefold().rstrip(".") == "mr" else hon  # "Councillor Pryce"
    if style is NamingStyle.COUNCILLOR_FULL:
        return _join(title, kept, first, last)
    if style is NamingStyle.COUNCILLOR_SURNAME:
        # "Councillor Mrs Soyke", "Councillor Dr Hall", but plain "Councillor Noakes"
        return _join(title, social, first if with_first else "", surname)
    if style is NamingStyle.TITLE_SURNAME:
        return _join(title, kept, first if with_first else "", surname)
    if style in (NamingStyle.CLLR_INITIAL, NamingStyle.CLLR_DOT_INITIAL):
        dot = style is NamingStyle.CLLR_DOT_INITIAL
        initials = _first_initials(first, dot) if first and last else ""
        return _join(_dotted(short) if dot else short, social, initials, surname)
    if style is NamingStyle.CLLR_HONORIFIC:
        return _join(short, social, first if with_first else "", surname)
    if style in (NamingStyle.CLLR_SURNAME, NamingStyle.CLLR_DOT_SURNAME):
        short = _dotted(short) if style is NamingStyle.CLLR_DOT_SURNAME else short
        return _join(short, kept, first if with_first else "", surname)
    if style is NamingStyle.HONORIFIC:
        if not hon:
            return full_name(person)
        return _join(hon, first if with_first else "", surname)
    if style is NamingStyle.INITIAL_SURNAME:
        return _join(kept, _first_initials(first, True) if first and last else "", surname)
    if style is NamingStyle.SURNAME:
        return _join(kept, first if with_first else "", surname)
    return _join(kept, first, last)


def list_display_name(person: Person, settings: BodySettings) -> str:
    """The name used in attendance lists: as ``display_name`` (under the style's
    attendance naming where it has one), except that in the initials style the full
    name is given once with the initials in brackets."""
    naming = settings.style.attendance_naming
    name = display_name(person, settings, naming)
    if (NamingStyle(naming) if naming else settings.naming) is NamingStyle.INITIALS:
        full, ini = full_name(person), initials_of(person)
        if full and ini and full != ini:
            return f"{full} ({ini})"
    return name


def officer_line(person: Person, settings: BodySettings | None = None) -> str:
    """An officer as listed in attendance: "Tom Reyes (Head of Legal Services)"."""
    name = list_display_name(person, settings) if settings else full_name(person)
    post = _clean(person.post)
    if name and post:
        return f"{name} ({post})"
    return name or post


def list_names(names: Iterable[str], conjunction: str = "and", locale: str = "") -> str:
    """Join names the British way: "A", "A and B", "A, B and C" (empty ones skipped);
    ``conjunction`` is the language's "and" ("a" in Welsh, where it changes the word
    after it: see :func:`welsh_and`)."""
    items = [n for n in (_clean(x) for x in names) if n]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    word, last = conjunction.strip() or "and", items[-1]
    if locale.replace("_", "-").split("-")[0].casefold() == "cy":
        word, last = welsh_and(word, last)
    return ", ".join(items[:-1]) + f" {word} " + last


_ASPIRATE = {"c": "ch", "p": "ph", "t": "th"}
_WELSH_VOWELS = frozenset("aeiouyâêîôûŵŷáéíóúàèìòùäëïöü")


def welsh_and(conjunction: str, word: str) -> tuple[str, str]:
    """Welsh "a" (and) with the word after it: "ac" before a vowel ("ac Eleri"), and
    the aspirate mutation of c, p and t ("a Chyng.", "a Phennaeth", "a Thomos"; a word
    already "Ch", "Ph" or "Th", and an initial, stay as they are). Another conjunction (a body's own
    "and") is left alone."""
    if conjunction.casefold() not in ("a", "ac") or not word:
        return conjunction, word
    first, second = word[0], word[1:2]
    if first.casefold() in _WELSH_VOWELS:
        return "ac", word
    added = _ASPIRATE.get(first.casefold())
    if added is None or not second.isalpha() or second.casefold() == "h":  # "C. Jones"
        return "a", word
    h = "H" if word[:2].isupper() else "h"
    return "a", first + h + word[1:]


# --------------------------------------------------------------------------- matching


def collation_key(person: Person) -> tuple[str, str]:
    """Sort key by surname then first name, ignoring case and accents (Ó with O)."""
    return fold(person.last_name), fold(person.first_name)


def fold(text: str) -> str:
    """Lower case without accents, for matching: "Zoë O’Brien" -> "zoe o'brien"."""
    if not text or text.isascii():  # nothing to take apart: most minutes' text
        return (text or "").lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").casefold()


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s.,;:()]+", fold(text)) if t]


def _query_tokens(query: str) -> list[str]:
    tokens = _tokens(query)
    while tokens and tokens[0] in TITLE_WORDS:
        tokens = tokens[1:]
    return tokens


def _name_words(person: Person) -> tuple[list[str], list[str]]:
    first = [t for t in re.split(r"[\s\-]+", fold(person.first_name)) if t]
    last_full = fold(_clean(person.last_name))
    last = [t for t in re.split(r"[\s\-]+", last_full) if t]
    if last_full and len(last) > 1:
        last.append(last_full)  # "van der berg" as typed in one go
    # "O'Brien" is found by "obr" as well as "o'br"
    first += [w.replace("'", "") for w in first if "'" in w]
    last += [w.replace("'", "") for w in last if "'" in w]
    return first, last


def _score(person: Person, tokens: Sequence[str]) -> int | None:
    """0 = surname match, 1 = first-name match, 2 = initials; None = no match."""
    first, last = _name_words(person)
    words = first + last
    if not tokens:
        return 0
    if all(any(w.startswith(t) for w in words) for t in tokens):
        if any(w.startswith(tokens[-1]) for w in last) or any(
            w.startswith(tokens[0]) for w in last
        ):
            return 0
        return 1
    if len(tokens) == 1 and fold(initials_of(person)) == tokens[0]:
        return 2
    return None


def match(query: str, people: Iterable[Person], present_ids: Iterable[str] = ()) -> list[Person]:
    """People whose name fits what the clerk has typed, best first.

    Case and accents are ignored, as is a leading "Cllr", "Councillor", "Mrs", "Dr" …;
    every typed word must begin one of the person's names ("Ru" finds Russell, "j smi"
    finds Jane Smith, "js" finds her by initials). People present come first, then the
    rest; within each group surname matches come before first-name matches, then
    alphabetical order. Inactive people are never offered.
    """
    tokens = _query_tokens(query)
    present = set(present_ids)
    ranked: list[tuple[tuple[int, int, str, str], Person]] = []
    for person in people:
        if not person.active:
            continue
        score = _score(person, tokens)
        if score is None:
            continue
        key = (
            0 if person.id in present else 1,
            score,
            fold(person.last_name),
            fold(person.first_name),
        )
        ranked.append((key, person))
    ranked.sort(key=lambda kp: kp[0])
    return [p for _, p in ranked]
