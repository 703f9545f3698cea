"""Shape of the proclitic evaluation set (tests/eval/proclitics.jsonl).

The set lists, for each article written for the project, every word that begins with
و ف ب ل ك and the expected start of a span that would begin at that word. These tests
check only that the file is well formed and large enough; they import nothing from the
program, so a change in the program can never make the set agree with it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

SET_PATH = Path(__file__).with_name("proclitics.jsonl")

KINDS = frozenset(
    (
        "name",
        "place",
        "org",
        "whole",
        "noun",
        "stack",
        "lam_article",
        "digit",
        "latin",
        "marked",
        "grammar",
    )
)
MINIMUMS = {
    "name": 40,
    "place": 40,
    "whole": 40,
    "noun": 40,
    "stack": 15,
    "lam_article": 15,
    "digit": 15,
    "latin": 15,
    "marked": 15,
    "grammar": 15,
}
MIN_ARTICLES = 12
MIN_WORDS = 450
PROCLITIC_LETTERS = frozenset("وفبلك")
# Characters that end a word besides whitespace.
PUNCTUATION = frozenset("،.«»:؛()\"'؟!-/,;?–—…[]{}“”‘’٫٬")
TATWEEL = "\u0640"


def is_boundary(ch: str) -> bool:
    return ch.isspace() or ch in PUNCTUATION


def whole_word_positions(text: str, word: str) -> list[int]:
    """Offsets where ``word`` occurs bounded by text edges, whitespace or punctuation."""
    found = []
    for m in re.finditer(re.escape(word), text):
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if is_boundary(before) and is_boundary(after):
            found.append(m.start())
    return found


def tokens(text: str) -> list[tuple[int, str]]:
    out, start = [], None
    for i, ch in enumerate(text + " "):
        if is_boundary(ch):
            if start is not None:
                out.append((start, text[start:i]))
                start = None
        elif start is None:
            start = i
    return out


def is_marked(word: str) -> bool:
    return TATWEEL in word or any(unicodedata.category(c) == "Mn" for c in word)


def bare(word: str) -> str:
    return "".join(c for c in word if c != TATWEEL and unicodedata.category(c) != "Mn")


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    lines = SET_PATH.read_text(encoding="utf-8").splitlines()
    assert lines, "empty set"
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def all_words(articles) -> list[dict]:
    return [w for a in articles for w in a["words"]]


def test_objects_have_fields_and_unique_ids(articles):
    ids = []
    for a in articles:
        assert {"id", "text", "words"} <= a.keys(), a.get("id")
        assert isinstance(a["id"], str)
        assert a["id"]
        assert isinstance(a["text"], str)
        assert a["text"].strip()
        assert isinstance(a["words"], list), a["id"]
        assert a["words"], a["id"]
        assert a.get("country") in ("MA", "DZ"), a["id"]
        paragraphs = [p for p in a["text"].split("\n\n") if p.strip()]
        assert 2 <= len(paragraphs) <= 5, (a["id"], len(paragraphs))
        ids.append(a["id"])
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def test_size_and_country_balance(articles, all_words):
    assert len(articles) >= MIN_ARTICLES
    countries = Counter(a["country"] for a in articles)
    assert countries["MA"] >= MIN_ARTICLES // 2 - 1
    assert countries["DZ"] >= MIN_ARTICLES // 2 - 1
    assert len(all_words) >= MIN_WORDS


def test_each_word_entry_is_well_formed(articles):
    for a in articles:
        for w in a["words"]:
            where = (a["id"], w)
            assert set(w) <= {"word", "start", "kind", "ambiguous"}, where
            assert w["kind"] in KINDS, where
            assert w["word"][:1] in PROCLITIC_LETTERS, where
            assert w["start"], where
            assert w["word"].endswith(w["start"]), where
            assert w.get("ambiguous", True) is True, where


def test_kind_agrees_with_the_decision(all_words):
    for w in all_words:
        word, start, kind = w["word"], w["start"], w["kind"]
        stripped = word[: len(word) - len(start)]
        if kind in ("whole", "grammar"):
            assert start == word, w
        if kind in ("noun", "stack", "lam_article", "digit", "latin"):
            assert start != word, w
        if kind == "stack":
            assert len(bare(stripped)) == 2, w
        if kind == "lam_article":
            assert bare(word).startswith(("لل", "ولل", "فلل")), w
            assert bare(start).startswith("ل"), w
        if kind == "digit":
            assert start[0].isdigit(), w
        if kind == "latin":
            assert start[0].isascii(), w
            assert start[0].isalpha(), w
        if kind == "marked":
            assert is_marked(word), w
        if start != word:
            assert set(bare(stripped)) <= PROCLITIC_LETTERS, w


def test_listed_words_are_whole_words_in_order(articles):
    for a in articles:
        text = a["text"]
        positions = {}
        nth = Counter()
        previous = -1
        for w in a["words"]:
            word = w["word"]
            if word not in positions:
                positions[word] = whole_word_positions(text, word)
            k = nth[word]
            nth[word] += 1
            assert k < len(positions[word]), (a["id"], word, "listed more often than it occurs")
            pos = positions[word][k]
            assert pos > previous, (a["id"], word, "not in order of appearance")
            previous = pos


def test_every_candidate_word_is_listed(articles):
    """Every word of the text that begins with و ف ب ل ك appears in the list."""
    for a in articles:
        text = a["text"]
        listed = set()
        nth = Counter()
        for w in a["words"]:
            k = nth[w["word"]]
            nth[w["word"]] += 1
            listed.add(whole_word_positions(text, w["word"])[k])
        missing = [t for pos, t in tokens(text) if t[0] in PROCLITIC_LETTERS and pos not in listed]
        assert not missing, (a["id"], missing)


def test_kind_minimums(all_words):
    counts = Counter(w["kind"] for w in all_words)
    short = {k: (counts[k], n) for k, n in MINIMUMS.items() if counts[k] < n}
    assert not short, short
    unambiguous = [w for w in all_words if not w.get("ambiguous")]
    assert len(unambiguous) >= MIN_WORDS


def test_names_and_places_cover_both_decisions(all_words):
    by_kind = defaultdict(Counter)
    for w in all_words:
        by_kind[w["kind"]]["strip" if w["start"] != w["word"] else "keep"] += 1
    for kind in ("name", "place"):
        assert by_kind[kind]["keep"] >= 10, (kind, by_kind[kind])
        assert by_kind[kind]["strip"] >= 10, (kind, by_kind[kind])
    # Names and places whose own first letter is one of و ف ب ل ك.
    own = [
        w
        for w in all_words
        if w["kind"] in ("name", "place") and w["start"][0] in PROCLITIC_LETTERS
    ]
    assert len(own) >= 40
