"""Decoding files once, freezing text, tokens and search normalisation."""

from __future__ import annotations

import pytest

from annotator.core.errors import InputError
from annotator.core.text.decode import (
    decode,
    frozen_sha256,
    normalise_newlines,
    trim_outer_blank_lines,
)
from annotator.core.text.folding import normalise_for_search
from annotator.core.text.tokens import tokens

ARABIC = "شَكَّل هذا اللقاء مناسبة"


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        b"\xef\xbb\xbf" + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),  # with BOM
        "\ufeff".encode("utf-16-be") + ARABIC.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_decode_reads_every_supported_unicode_encoding(data: bytes) -> None:
    assert decode(data) == ARABIC


def test_decode_reads_windows_1256_arabic() -> None:
    assert decode("وزير الداخلية".encode("cp1256")) == "وزير الداخلية"


def test_decode_refuses_binary_and_names_file_and_line() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "picture.txt")
    assert str(caught.value).startswith("picture.txt:3: binary data")


def test_decode_refuses_bytes_that_are_no_known_encoding() -> None:
    # Latin text in Latin-1 has no Arabic letter: refusing beats guessing.
    with pytest.raises(InputError, match="not UTF-8"):
        decode("café crème".encode("latin-1"), "menu.txt")


def test_newlines_become_lf() -> None:
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


def test_outer_blank_lines_and_no_break_space_lines_are_trimmed_inner_kept() -> None:
    text = "\n\u00a0\n  \nسطر أول\n\u00a0\nسطر ثان\n\n\u00a0\n"
    assert trim_outer_blank_lines(text) == "سطر أول\n\u00a0\nسطر ثان"


def test_sha256_is_of_utf8_bytes() -> None:
    assert frozen_sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_tokens_carry_code_point_offsets_even_after_emoji() -> None:
    text = "😀 وزير الداخلية"
    found = tokens(text)
    assert [(t.text, text[t.start : t.end]) for t in found] == [
        ("وزير", "وزير"),
        ("الداخلية", "الداخلية"),
    ]


def test_search_normalisation_folds_diacritics_tatweel_and_hamza() -> None:
    assert normalise_for_search("شَكَّل") == normalise_for_search("شكل")
    assert normalise_for_search("الإدارة") == normalise_for_search("الادارة")
    assert normalise_for_search("أخنوش") == normalise_for_search("اخنوش")
    assert normalise_for_search("الحكـــومة") == normalise_for_search("الحكومة")
