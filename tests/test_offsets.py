"""Code point offsets against Qt's UTF-16 positions: the one conversion."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text.offsets import Utf16Map


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_emoji_before_arabic_span_shifts_utf16_by_one_per_emoji() -> None:
    text = "😀😀 عزيز أخنوش"
    start = text.index("عزيز")
    mapping = Utf16Map(text)
    assert mapping.to_utf16(start) == start + 2
    assert mapping.to_code_point(start + 2) == start
    assert mapping.to_code_point(mapping.to_utf16(len(text))) == len(text)


def test_position_inside_surrogate_pair_rounds_down_to_the_character() -> None:
    mapping = Utf16Map("a😀b")
    assert mapping.to_code_point(2) == 1


@given(st.text(alphabet=st.sampled_from(list("اب شَ😀🇲a\n")), max_size=40))
def test_conversion_round_trips_and_matches_python_utf16(text: str) -> None:
    mapping = Utf16Map(text)
    for cp in range(len(text) + 1):
        u16 = mapping.to_utf16(cp)
        assert u16 == utf16_len(text[:cp])
        assert mapping.to_code_point(u16) == cp
