"""Finding words inside one article's text regardless of diacritics (Ctrl+F)."""

from __future__ import annotations

import unicodedata

from annotator.core.text import normalise_for_search


class TextFinder:
    """Folds a text once (like the search index does) and maps matches back to code points."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded: list[str] = []
        origin: list[int] = []  # code point offset in ``text`` of each folded character
        cache: dict[str, str] = {}
        for index, char in enumerate(text):
            fold = cache.get(char)
            if fold is None:
                fold = cache[char] = normalise_for_search(char)
            folded.append(fold)
            origin.extend([index] * len(fold))
        self._folded = "".join(folded)
        self._origin = origin

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """(start, end) code point ranges of every match; a match keeps the diacritics that
        follow its last letter, so selecting it selects the whole written word part."""
        needle = normalise_for_search(query).strip()
        if not needle:
            return []
        found: list[tuple[int, int]] = []
        at = self._folded.find(needle)
        while at >= 0:
            start = self._origin[at]
            end = self._origin[at + len(needle) - 1] + 1
            while end < len(self.text) and _is_mark(self.text[end]):
                end += 1
            found.append((start, end))
            at = self._folded.find(needle, at + len(needle))
        return found


def _is_mark(char: str) -> bool:
    # Tashkeel are combining marks (Mn); tatweel folds away too and belongs to the word.
    return unicodedata.category(char) == "Mn" or char == "\u0640"
