"""The one place where code point offsets meet Qt's UTF-16 positions.

Everything in the program speaks code points (Python ``str`` indices) except the text
widget, which counts UTF-16 code units: a character outside the Basic Multilingual Plane
(emoji, some symbols) is one code point but two units.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Utf16Map:
    """Converts offsets for one text; O(log n) per conversion after an O(n) scan."""

    __slots__ = ("_astral", "_astral_u16", "length", "length_u16")

    def __init__(self, text: str) -> None:
        # Code point indices of astral characters, and their UTF-16 positions.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral)]
        self.length = len(text)
        self.length_u16 = self.length + len(self._astral)

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code point offset ``cp`` (0 <= cp <= len(text))."""
        if not 0 <= cp <= self.length:
            raise ValueError(f"code point offset {cp} outside 0..{self.length}")
        return cp + bisect_left(self._astral, cp)

    def to_code_point(self, u16: int) -> int:
        """Code point offset of UTF-16 position ``u16``; a position inside a surrogate pair
        rounds down to the start of that character."""
        if not 0 <= u16 <= self.length_u16:
            raise ValueError(f"UTF-16 position {u16} outside 0..{self.length_u16}")
        # Astral characters that start before u16 each took one unit more.
        return u16 - bisect_right(self._astral_u16, u16 - 1)


def to_utf16(text: str, cp: int) -> int:
    return Utf16Map(text).to_utf16(cp)


def to_code_point(text: str, u16: int) -> int:
    return Utf16Map(text).to_code_point(u16)
