"""Finding words inside an article regardless of diacritics, tatweel and hamza forms."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text.find import TextFinder


def test_bare_query_finds_the_word_with_its_diacritics():
    text = "فقد شَكَّل هذا اللقاء مناسبة، شكل آخر"
    found = TextFinder(text).find_all("شكل")
    assert [text[s:e] for s, e in found] == ["شَكَّل", "شكل"]


def test_hamza_forms_tatweel_and_case_fold():
    text = "الإدارة والادارة والأدارة الإدارة E-Participation"
    finder = TextFinder(text)
    assert len(finder.find_all("الادارة")) == 4
    assert [text[s:e] for s, e in finder.find_all("e-participation")] == ["E-Participation"]


def test_offsets_are_code_points_after_emoji():
    text = "😀📢 المُرتَفِقين"
    ((start, end),) = TextFinder(text).find_all("المرتفقين")
    assert text[start:end] == "المُرتَفِقين"


def test_empty_query_finds_nothing():
    assert TextFinder("نص").find_all(" ") == []


@given(
    st.text(alphabet="اأبتثجوزكلمن ًٌٍَُِّْـ😀", max_size=40),
    st.text(alphabet="ابتكلمن", min_size=1, max_size=3),
)
def test_every_match_folds_to_the_query(text, query):
    from annotator.core.text.folding import normalise_for_search

    for start, end in TextFinder(text).find_all(query):
        assert 0 <= start < end <= len(text)
        assert normalise_for_search(query) in normalise_for_search(text[start:end])
