"""Finding words inside one article's text regardless of diacritics (Ctrl+F)."""

from __future__ import annotations

import unicodedata

from annotator.core.text.folding import FoldedText, normalise_for_search


class TextFinder:
    """Folds a text once (like the search index does) and maps matches back to code points."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded = FoldedText(text)

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """(start, end) code point ranges of every match, not overlapping; a match keeps
        the diacritics that follow its last letter, so selecting it selects the whole
        written word part."""
        needle = normalise_for_search(query).strip()
        if not needle:
            return []
        folded, original = self._folded.folded, self._folded.original
        found: list[tuple[int, int]] = []
        at = folded.find(needle)
        while at >= 0:
            start = original(at)
            end = original(at + len(needle) - 1) + 1
            while end < len(self.text) and _is_mark(self.text[end]):
                end += 1
            found.append((start, end))
            at = folded.find(needle, at + len(needle))
        return found


def _is_mark(char: str) -> bool:
    # Tashkeel are combining marks (Mn); tatweel folds away too and belongs to the word.
    return unicodedata.category(char) == "Mn" or char == "\u0640"
