"""Folded text maps every match back to the code points it came from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text.folding import FoldedText, fold, fold_char

PIECES = [*"وزارةأإآىئؤ", *"\u064e\u0651\u0652\u0640", "…", "ﻻ", " ", "E", "😀", "الإدارة"]


def _by_character(text: str) -> tuple[str, list[int]]:
    """The plain definition: each character folded alone, each folded one's origin."""
    folded, origin = [], []
    for index, char in enumerate(text):
        piece = fold_char(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join), st.data())
def test_folded_text_and_its_offsets_are_those_of_folding_each_character(
    text: str, data: st.DataObject
) -> None:
    expected, origin = _by_character(text)
    found = FoldedText(text)
    assert found.folded == expected
    if expected:
        start = data.draw(st.integers(0, len(expected) - 1))
        end = data.draw(st.integers(start + 1, len(expected)))
        key = expected[start:end]
        assert (origin[start], origin[end - 1] + 1) in set(found.find_all(key))


@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_each_code_point_begins_in_the_folded_text_where_what_comes_before_it_ends(
    text: str,
) -> None:
    found = FoldedText(text)
    for pos in range(len(text) + 1):
        assert found.folded_offset(pos) == len(fold(text[:pos])), pos


def test_a_match_after_tashkeel_and_tatweel_points_at_the_written_word() -> None:
    text = "قالَ وزيــرُ الإدارةِ"
    found = FoldedText(text)
    ((start, end),) = found.find_all("وزير")
    assert text[start:end] == "وزيــر"
    ((start, end),) = found.find_all(fold("الإدارة"))
    assert text[start:end] == "الإدارة"
