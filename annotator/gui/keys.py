"""Keyboard: the Latin key a keypress stands for, whatever layout the analyst types with."""

from __future__ import annotations

# The Arabic (101) PC layout: an analyst typing Arabic presses the key printed "P" and Qt
# reports "ح". Shortcuts follow the physical key, as in the analyst's other programs.
_ARABIC_LAYOUT = {
    "ض": "Q", "ص": "W", "ث": "E", "ق": "R", "ف": "T", "غ": "Y", "ع": "U", "ه": "I",
    "خ": "O", "ح": "P", "ش": "A", "س": "S", "ي": "D", "ب": "F", "ل": "G", "ا": "H",
    "ت": "J", "ن": "K", "م": "L", "ئ": "Z", "ء": "X", "ؤ": "C", "ر": "V", "ى": "N",
    "ة": "M",
}  # fmt: skip
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}


def latin_key(typed: str) -> str | None:
    """The upper-case Latin letter or digit for the text of a keypress, else None."""
    if len(typed) != 1:
        return None
    if typed in _ARABIC_LAYOUT:
        return _ARABIC_LAYOUT[typed]
    if typed in _DIGITS:
        return _DIGITS[typed]
    if typed.isascii() and typed.isalnum():
        return typed.upper()
    return None
