"""Every menu entry can be reached by its Alt letter, and no two entries of one menu
share a letter (the second would need pressing twice and then Enter)."""

from __future__ import annotations

from collections import defaultdict

from clerk_app.gui.actions import MENUS, SPECS


def _mnemonic(text: str) -> str | None:
    cleaned = text.replace("&&", "")
    i = cleaned.find("&")
    return cleaned[i + 1].lower() if 0 <= i < len(cleaned) - 1 else None


def test_every_menu_entry_has_a_letter_of_its_own() -> None:
    menus: dict[str, list[str]] = defaultdict(list)
    for spec in SPECS:
        menus[spec.menu].append(spec.text)
    assert set(menus) <= {key for key, _title in MENUS}
    for menu, texts in menus.items():
        missing = [t for t in texts if _mnemonic(t) is None]
        assert missing == [], (menu, missing)
        letters = [_mnemonic(t) for t in texts]
        shared = sorted({m for m in letters if m is not None and letters.count(m) > 1})
        assert shared == [], (menu, [t for t in texts if _mnemonic(t) in shared])


def test_the_menu_bar_titles_have_letters_of_their_own() -> None:
    letters = [_mnemonic(title) for _key, title in MENUS]
    assert None not in letters
    assert len(set(letters)) == len(letters), MENUS
