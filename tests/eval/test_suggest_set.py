"""Shape of the suggestion evaluation set (tests/eval/suggest/*.txt).

Each file is one article labelled inline as ``[LABEL words]`` (tests/eval/markup.py). These
tests check only that the files are well formed and that the set is large enough; they
import nothing from the program, so a change in the program can never make the set agree
with it. Whether a label is right is a matter for the span guideline and a human reader.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tests.eval.markup import LABELS, MarkedText, read

SET_DIR = Path(__file__).with_name("suggest")
FILES = sorted(SET_DIR.glob("*.txt"))
PROCLITICS = frozenset("وفبلك")
TATWEEL = "\u0640"
MIN_PARAGRAPHS = 40
MIN_SPANS_PER_LABEL = 40


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def _is_edge(ch: str) -> bool:
    return ch.isspace() or _is_punct(ch)


def _starts_at_word_edge(text: str, start: int) -> bool:
    if start == 0:
        return True
    before = text[start - 1]
    if _is_edge(before) or before == TATWEEL:
        return True
    # one or more proclitic letters, themselves preceded by a word edge
    j = start - 1
    while j >= 0 and text[j] in PROCLITICS and start - j <= 3:
        j -= 1
    return j < start - 1 and (j < 0 or _is_edge(text[j]) or text[j] == TATWEEL)


def _ends_at_word_edge(text: str, end: int) -> bool:
    return end == len(text) or _is_edge(text[end])


def _paragraphs(marked: MarkedText) -> list[str]:
    return [p for p in marked.text.split("\n\n") if p.strip()]


@pytest.fixture(scope="module")
def articles() -> list[MarkedText]:
    return [read(path) for path in FILES]


def test_set_has_files() -> None:
    assert FILES, f"no articles in {SET_DIR}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_parses(path: Path) -> None:
    marked = read(path)
    assert marked.text.strip()
    assert marked.spans
    assert "[" not in marked.text
    assert "]" not in marked.text
    assert all(span.label in LABELS for span in marked.spans)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_spans_sit_on_word_edges(path: Path) -> None:
    marked = read(path)
    bad = []
    for span in marked.spans:
        if not _starts_at_word_edge(marked.text, span.start):
            bad.append(("start", span.label, marked.surface(span)))
        if not _ends_at_word_edge(marked.text, span.end):
            bad.append(("end", span.label, marked.surface(span)))
    assert not bad, bad


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_outer_punctuation_or_space_inside_spans(path: Path) -> None:
    marked = read(path)
    bad = []
    for span in marked.spans:
        surface = marked.surface(span)
        first, last = surface[0], surface[-1]
        if (
            first.isspace()
            or _is_punct(first)
            or last.isspace()
            or (_is_punct(last) and not (span.label == "QUANTITY" and last == "%"))
        ):
            bad.append((span.label, surface))
    assert not bad, bad


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_title_inside_a_title(path: Path) -> None:
    marked = read(path)
    titles = [s for s in marked.spans if s.label == "TITLE"]
    nested = [
        (marked.surface(inner), marked.surface(outer))
        for outer in titles
        for inner in titles
        if inner is not outer and outer.start <= inner.start and inner.end <= outer.end
    ]
    assert not nested, nested


def test_set_is_large_enough(articles: list[MarkedText]) -> None:
    paragraphs = sum(len(_paragraphs(a)) for a in articles)
    assert paragraphs >= MIN_PARAGRAPHS, paragraphs
    counts = Counter(span.label for a in articles for span in a.spans)
    short = {label: counts[label] for label in LABELS if counts[label] < MIN_SPANS_PER_LABEL}
    assert not short, short
