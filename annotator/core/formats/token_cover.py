"""Tokens that cover every character of an article, for the formats that speak in tokens
(spaCy, Prodigy, CoNLL): the words as snapping cuts them, each other non-space character
alone, runs of white space, all cut at every span edge, so that the tokens rebuild the text
exactly and every span is a range of whole tokens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import pairwise

from annotator.core.text.snapping import word_bounds


@dataclass(frozen=True, slots=True)
class CoverToken:
    start: int
    end: int
    ws: bool  # followed by one space (U+0020) that belongs to no token, as spaCy's "whitespace_"

    def is_space(self, text: str) -> bool:
        return text[self.start : self.end].isspace()


def cover_tokens(
    text: str, starts: Collection[int] = (), ends: Collection[int] = ()
) -> list[CoverToken]:
    """Tokens over all of ``text``, cut at each offset of ``starts`` and ``ends`` (span edges).

    A single space after a token is that token's ``ws`` (spaCy's rule: only U+0020, only
    one); the rest of a run of white space, a newline or a no-break space is a token of its
    own. A space stays a token when a span starts on it or ends right after it.
    """
    pieces = _pieces(text, sorted(set(starts) | set(ends)))
    tokens: list[CoverToken] = []
    i = 0
    while i < len(pieces):
        start, end = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if (
            nxt is not None
            and text[nxt[0]] == " "
            and not text[start:end].isspace()
            and nxt[0] not in starts
            and nxt[0] + 1 not in ends
        ):
            tokens.append(CoverToken(start, end, True))
            if nxt[1] > nxt[0] + 1:
                pieces[i + 1] = (nxt[0] + 1, nxt[1])
                i += 1
            else:
                i += 2
            continue
        tokens.append(CoverToken(start, end, False))
        i += 1
    return tokens


def _pieces(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Words, single other characters and white-space runs, cut at ``cuts``."""
    pieces: list[tuple[int, int]] = []
    at = 0
    for start, end in [*word_bounds(text), (len(text), len(text))]:
        gap = at
        while gap < start:
            stop = gap + 1
            if text[gap].isspace():
                while stop < start and text[stop].isspace():
                    stop += 1
            pieces.append((gap, stop))
            gap = stop
        if end > start:
            pieces.append((start, end))
        at = end
    if not cuts:
        return pieces
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        inside = cuts[bisect_right(cuts, start) : bisect_left(cuts, end)]
        edges = [start, *inside, end]
        out.extend(pairwise(edges))
    return out


def span_edges(spans: Iterable[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """The starts and the ends of these (start, end) spans, for cover_tokens."""
    starts: set[int] = set()
    ends: set[int] = set()
    for start, end in spans:
        starts.add(start)
        ends.add(end)
    return starts, ends


def token_ranges(
    tokens: list[CoverToken], spans: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """For each (start, end) span cut into the tokens: its first token and its last
    (inclusive, as Prodigy counts)."""
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    return [(bisect_left(starts, start), bisect_left(ends, end)) for start, end in spans]
