"""Folding text for comparison: what Arabic readers treat as the same letters
(normalise_for_search), one character at a time, with the way back from a folded position
to the original code point offset."""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate

from pyarabic import araby

# The FTS triggers fold every article imported, so folding is done with str.replace (a C
# scan per character) rather than pyarabic's passes (strip_tashkeel tests each character in
# Python) or str.translate (a dict lookup per character): the same result, ~15x faster.
# Each fold maps one character to one (or none) and no fold's output is another's input,
# so their order does not matter.
_DROPPED = (*araby.TASHKEEL, araby.TATWEEL)
_FOLDS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ؤ", "ء"),
    ("ئ", "ء"),
    (araby.TEH_MARBUTA, araby.HEH),
    ("ى", "ي"),
)
# Characters frequent in news text (no-break spaces, ellipsis) that make a text fail NFKC's
# quick check. NFKC is compose(NFKD), so replacing them by their NFKD first gives the same
# NFKC, and usually a text that is already normalised: the slow full pass is skipped.
_COMPAT = tuple((ch, unicodedata.normalize("NFKD", ch)) for ch in "\u00a0\u2026\u202f\u2009")


def _nfkc(text: str) -> str:
    if unicodedata.is_normalized("NFKC", text):
        return text
    for char, decomposed in _COMPAT:
        if char in text:
            text = text.replace(char, decomposed)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def normalise_for_search(text: str) -> str:
    """Fold what Arabic readers treat as the same letters: tashkeel, tatweel, hamza/alef forms,
    presentation forms (NFKC), teh marbuta and alef maqsura."""
    text = _nfkc(text)
    for char in _DROPPED:
        if char in text:
            text = text.replace(char, "")
    for char, folded in _FOLDS:
        if char in text:
            text = text.replace(char, folded)
    return text.casefold()


@functools.cache
def fold_char(ch: str) -> str:
    return normalise_for_search(ch)


def fold(text: str) -> str:
    """Character by character, so a folded article and a folded surface cut from it always
    line up (whole-text NFKC could compose across a span edge)."""
    return "".join(fold_char(ch) for ch in text)


# One-for-one swaps normalise_for_search makes in Arabic text (hamza/alef forms, teh
# marbuta, alef maqsura); str.replace does each for the whole article in C.
_ARABIC_SWAPS = tuple((ch, fold_char(ch)) for ch in "أإآٱؤئةى")
# The plain characters of news text, which fold to themselves (or are swapped above):
# Arabic letters but tatweel, Arabic-Indic digits, Arabic punctuation, ASCII digits and
# lowercase letters, the common ASCII punctuation, space, tab and line feed. The others
# are looked at once per article (FoldedText.odd).
_ODD = re.compile(
    '[^\u0621-\u063a\u0641-\u064a\u0660-\u0669\u060c\u061b\u061f\n\t 0-9a-z.,:;!?()"/%-]'
)


class FoldedText:
    """An article folded once, to find folded surfaces in it at original offsets.

    A Python loop over every character costs too much over 100,000 articles; folding
    mostly swaps one letter for another, which str.replace does per distinct letter, and
    only the rare characters that vanish or grow (tashkeel, tatweel, «…») need a map
    back, kept as one entry for each of them rather than one for every character."""

    def __init__(self, text: str) -> None:
        swaps, changes = list(_ARABIC_SWAPS), {}
        # Those outside the plain set: marks, tatweel, quotes, dashes, Latin capitals…
        self.odd = frozenset(_ODD.findall(text))
        for ch in self.odd:
            folded = fold_char(ch)
            if folded == ch:
                continue
            if len(folded) == 1:
                swaps.append((ch, folded))
            else:
                changes[ch] = folded
        # Each character that vanished or grew: where it was (changed; when there is none,
        # offsets are the same in both texts), where its replacement starts in the folded
        # text, and how long that is. Everything between them is copied one for one.
        self.changed: list[int] = []
        self._starts: list[int] = []
        self._sizes: list[int] = []
        if changes:
            # str.find and str.replace scan in C; a regex over the whole text costs more.
            for ch in changes:
                at = text.find(ch)
                while at >= 0:
                    self.changed.append(at)
                    at = text.find(ch, at + 1)
            self.changed.sort()
            self._sizes = [len(changes[text[at]]) for at in self.changed]
            for ch, replacement in changes.items():
                text = text.replace(ch, replacement)
            growth = accumulate((size - 1 for size in self._sizes), initial=0)
            self._starts = [at + grown for at, grown in zip(self.changed, growth, strict=False)]
        for old, new in swaps:
            text = text.replace(old, new)
        self.folded = text

    def original(self, pos: int) -> int:
        """The text offset that folded offset ``pos`` comes from."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        start, size = self._starts[i], self._sizes[i]
        if pos < start + size:
            return self.changed[i]  # inside a replacement: its character
        return self.changed[i] + 1 + (pos - start - size)

    def folded_offset(self, pos: int) -> int:
        """Where the text's code point ``pos`` begins in the folded text (for one that
        vanished, where the next one begins): the way there from original()."""
        i = bisect_left(self.changed, pos) - 1  # the last changed character before pos
        if i < 0:
            return pos
        return self._starts[i] + self._sizes[i] + (pos - self.changed[i] - 1)

    def find_all(self, key: str) -> Iterator[tuple[int, int]]:
        """Original (start, end) of every occurrence of a folded ``key``."""
        if not key:
            return
        at = self.folded.find(key)
        while at >= 0:
            if self.changed:
                yield self.original(at), self.original(at + len(key) - 1) + 1
            else:
                yield at, at + len(key)
            at = self.folded.find(key, at + 1)
