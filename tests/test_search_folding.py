"""The fast search folding gives exactly what pyarabic's passes gave (the FTS index depends on it)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pyarabic import araby

from annotator.core.text.folding import normalise_for_search

DATA = Path(__file__).resolve().parents[1] / "data"
_HAMZA_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "ء", "ئ": "ء"})


def pyarabic_folding(text: str) -> str:
    """The original definition, kept as the reference."""
    text = unicodedata.normalize("NFKC", text)
    text = araby.strip_tatweel(araby.strip_tashkeel(text))
    text = text.translate(_HAMZA_ALEF)
    return araby.normalize_teh(text).replace("ى", "ي").casefold()


# Arabic letters and marks, presentation forms, the characters the fast path replaces, marks
# that compose with alef under NFKC (madda, hamza above/below), Latin with case and ß.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "أإآٱؤئءةى"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640\u0653\u0654\u0655\u0670"
    "\ufefb\ufe8d\ufee1\ufdf2\ufe70"
    "\u00a0\u2026\u202f\u2009 \n.،0123456789٠١٢"
    "AaBßİΣς\u0301e"
)


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_folding_equals_pyarabic_definition_on_any_mix(text: str) -> None:
    assert normalise_for_search(text) == pyarabic_folding(text)


def test_folding_equals_pyarabic_definition_on_the_sample_articles() -> None:
    for path in sorted(DATA.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert normalise_for_search(text) == pyarabic_folding(text), path.name
