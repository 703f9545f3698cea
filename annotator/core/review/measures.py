"""Agreement measures on plain data: Cohen's kappa and Krippendorff's alpha from a
confusion table, span matching (exact and overlapping), and the labels of tokens.

The conventions a reviewer reads in the numbers are in review/agreement.py.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import add

from pyarabic import araby

from annotator.core.text.tokens import NEWS_PUNCTUATION, blank_out

OUTSIDE = "O"

# text.tokens() builds a dict and a Token per word; agreement needs only the bounds, and
# over 10,000 articles that difference is seconds. Same pattern (a test checks they agree).
_WORD = araby.TOKEN_PATTERN_SPLIT

SpanKey = tuple[int, int, str]  # start, end, label


# -- chance-corrected agreement from a confusion table ---------------------------------


def cohen_kappa(confusion: Mapping[tuple[str, str], int]) -> float | None:
    """Cohen's kappa from counts of (label by A, label by B) pairs."""
    n = sum(confusion.values())
    if not n:
        return None
    observed = sum(c for (x, y), c in confusion.items() if x == y) / n
    by_a: Counter[str] = Counter()
    by_b: Counter[str] = Counter()
    for (x, y), count in confusion.items():
        by_a[x] += count
        by_b[y] += count
    expected = sum(by_a[k] * by_b[k] for k in by_a) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(confusion: Mapping[tuple[str, str], int]) -> float | None:
    """Nominal alpha for two coders who both coded every unit (no missing values).

    Each unit contributes the ordered pairs (x, y) and (y, x) to the coincidence table,
    so with n = 2·units values: alpha = 1 - (n - 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
    """
    values: Counter[str] = Counter()
    disagreeing = 0
    for (x, y), count in confusion.items():
        values[x] += count
        values[y] += count
        if x != y:
            disagreeing += 2 * count
    n = sum(values.values())
    expected = n * n - sum(c * c for c in values.values())
    if n < 2 or not expected:
        return None
    return 1 - (n - 1) * disagreeing / expected


def binary_kappa(counts: list[int], total: int) -> float | None:
    """Kappa of one label against the rest from [both, only A, only B] token counts."""
    both, only_a, only_b = counts
    neither = total - both - only_a - only_b
    return cohen_kappa(
        {("1", "1"): both, ("1", "0"): only_a, ("0", "1"): only_b, ("0", "0"): neither}
    )


# -- span matching ---------------------------------------------------------------------


def match_spans(a: Iterable[SpanKey], b: Iterable[SpanKey]) -> tuple[Counter[str], Counter[str]]:
    """Matched span counts per label, exact and overlapping, each span used once.

    Overlap pairs spans of the same label sharing characters, one-to-one, greedily by
    largest overlap then smallest edge distance, so an exact match is never stolen."""
    count_a, count_b = Counter(a), Counter(b)
    common = count_a & count_b
    exact: Counter[str] = Counter()
    for (_, _, label), count in common.items():
        exact[label] += count
    overlap = exact.copy()
    # Exact pairs always come first in the greedy order (largest overlap, distance 0),
    # so pairing them first leaves only the few inexact spans for the quadratic step.
    rest_b: dict[str, list[SpanKey]] = defaultdict(list)
    for span, count in count_b.items():
        for _ in range(count - common.get(span, 0)):
            rest_b[span[2]].append(span)
    if not rest_b:
        return exact, overlap
    rest_a: dict[str, list[SpanKey]] = defaultdict(list)
    for span, count in count_a.items():
        for _ in range(count - common.get(span, 0)):
            rest_a[span[2]].append(span)
    for label, spans_a in rest_a.items():
        spans_b = rest_b.get(label)
        if not spans_b:
            continue
        pairs = []
        for i, (sa, ea, _) in enumerate(spans_a):
            for j, (sb, eb, _) in enumerate(spans_b):
                shared = min(ea, eb) - max(sa, sb)
                if shared > 0:
                    pairs.append((-shared, abs(sa - sb) + abs(ea - eb), i, j))
        pairs.sort()
        used_a: set[int] = set()
        used_b: set[int] = set()
        for _, _, i, j in pairs:
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
        overlap[label] += len(used_a)
    return exact, overlap


# -- tokens ----------------------------------------------------------------------------


@dataclass(slots=True)
class TokenLabels:
    """Labels one annotator gave to the tokens of one article."""

    innermost: dict[int, tuple[int, str]] = field(default_factory=dict)  # index → (len, label)
    by_label: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))


# Characters of the usual article: those of tokens (Arabic letters, tatweel, tashkeel and
# superscript alef, digits, ASCII letters, _ and ') and the separators below.
_SEPARATING = " \n\t\r\xa0\u202f\u2009" + NEWS_PUNCTUATION
_UNUSUAL = re.compile(
    f"[^\u0621-\u063a\u0640-\u0652\u0660-\u0669\u06700-9A-Za-z_'{re.escape(_SEPARATING)}]"
)


def token_bounds(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of text.tokens(), without building a Token per word.

    Scanning with pyarabic's pattern costs ~60 ns a character (Unicode \\w tests), most
    of the agreement's time; in the usual article every separator becomes a space and
    str.split and itertools find the tokens in C."""
    if _UNUSUAL.search(text):
        starts: list[int] = []
        ends: list[int] = []
        for match in _WORD.finditer(text):
            starts.append(match.start())
            ends.append(match.end())
        return starts, ends
    pieces = blank_out(text, _SEPARATING[1:]).split(" ")  # tokens, and "" between two separators
    sizes = list(map(len, pieces))
    # A piece starts after the pieces before it and one space for each of them.
    begins = list(map(add, accumulate(sizes, initial=0), itertools.count()))
    return list(compress(begins, sizes)), list(compress(map(add, begins, sizes), sizes))


def label_tokens(spans: Iterable[SpanKey], starts: list[int], ends: list[int]) -> TokenLabels:
    labels = TokenLabels()
    for start, end, label in spans:
        first = bisect_right(ends, start)  # first token ending after the span starts
        last = bisect_left(starts, end)  # tokens starting before the span ends
        if first >= last:
            continue
        rank = (end - start, label)
        labels.by_label[label].update(range(first, last))
        for index in range(first, last):
            current = labels.innermost.get(index)
            if current is None or rank < current:
                labels.innermost[index] = rank
    return labels


def token_confusion(a: TokenLabels, b: TokenLabels, total: int) -> Counter[tuple[str, str]]:
    confusion: Counter[tuple[str, str]] = Counter()
    touched = a.innermost.keys() | b.innermost.keys()
    for index in touched:
        label_a = a.innermost.get(index, (0, OUTSIDE))[1]
        label_b = b.innermost.get(index, (0, OUTSIDE))[1]
        confusion[label_a, label_b] += 1
    if total > len(touched):
        confusion[OUTSIDE, OUTSIDE] += total - len(touched)
    return confusion
